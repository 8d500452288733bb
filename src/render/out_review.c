/*
 * out_review.c - the quarterly review pack review_<P>.pdf and one pack per
 * department departments/<部>_<P>.pdf: cover, contents with page numbers and
 * bookmarks, the KGI with charts, the pillars, one section per department
 * (its divisions, measures, KPIs with progress bars, milestones), what got
 * worse, overdue milestones, missing submissions, the input errors.
 */
#include "kaikaku.h"

#include <math.h>

#include "explain.h"
#include "hashmap.h"
#include "linebreak.h"
#include "number.h"
#include "pack.h"
#include "pdf_draw.h"
#include "period.h"
#include "render.h"
#include "utf8.h"

/* ---- scope */

bool pack_division_in(const struct pack *k, size_t d)
{
	return k->dept < 0 || k->m->divisions[d].dept == (size_t)k->dept;
}

bool pack_measure_in(const struct pack *k, size_t i)
{
	return pack_division_in(k, k->m->measures[i].lead);
}

const char *pack_division_name(const struct pack *k, size_t d)
{
	return k->m->divisions[d].name;
}

/* ---- helpers */

/* present.h's formats into the caller's buffers */
void pack_num(double v, char *buf, size_t n)
{
	char b[PRESENT_MAX];

	snprintf(buf, n, "%s", present_number(v, b));
}

void pack_pct(double fraction, char *buf, size_t n)
{
	char b[PRESENT_MAX];

	snprintf(buf, n, "%s", present_percent(fraction, b));
}

static void toc_add(struct pack *k, const char *title, int level)
{
	struct toc_entry *e;

	if (level >= 2 && !k->toc_divisions)
		return;
	xgrow((void **)&k->toc, &k->cap_toc, k->ntoc + 1, sizeof(*k->toc));
	e = &k->toc[k->ntoc++];
	e->title = xstrdup(title);
	e->level = level;
	e->page = k->p.npages - 1;
	e->y = k->p.y;
}

/* A section's first page: its heading, a bookmark and a contents entry. */
HPDF_Outline pack_section(struct pack *k, const char *title, HPDF_Outline parent, int level,
			  bool new_page)
{
	struct pdf *p = &k->p;
	HPDF_Outline o;

	if (new_page)
		pdf_page(p, true);
	else
		pdf_need(p, 80);
	toc_add(k, title, level);
	snprintf(k->running, sizeof(k->running), "%s", title);
	p->running = k->running;
	o = pdf_outline(p, parent, title);
	if (level == 0) {
		pdf_text(p, p->ml, p->y + 16, 16, NAVY, title);
		p->y += 24;
		pdf_line(p, p->ml, p->y, p->ml + k->cw, p->y, 1.2, ACCENT, false);
		p->y += 12;
	} else {
		pdf_rect(p, p->ml, p->y, 4, 16, ACCENT);
		pdf_text(p, p->ml + 10, p->y + 13, level == 1 ? 13 : 11, NAVY, title);
		p->y += 24;
	}
	return o;
}

void pack_note(struct pack *k, const char *text)
{
	pdf_paragraph(&k->p, k->p.ml, k->cw, BODY, GREY, text);
	k->p.y += 4;
}

/* ---- charts, drawn from the computed values */

struct bar {
	const char *label;
	double value; /* a fraction */
	bool has;
};

/* A round step for an axis up to max (a fraction): 1, 2, 2.5, 5 or 10 points. */
double pack_axis_step(double max)
{
	return present_axis_step(max, 6);
}

/* The top of a rate axis: a round number above the target and every finite
 * value (a value that is not finite is not drawn). */
double pack_chart_scale(double target, const double *v, size_t n)
{
	double scale = target * 1.25, step;

	for (size_t i = 0; i < n; i++)
		if (isfinite(v[i]) && v[i] * 1.1 > scale)
			scale = v[i] * 1.1;
	if (!isfinite(scale) || scale <= 0)
		scale = 1;
	step = pack_axis_step(scale);
	return ceil(scale / step - 1e-9) * step;
}

/* Horizontal bars of rates against a dashed target line. */
/* Rows [0, n) of a bar chart on the current page, from the cursor. */
static void chart_bars_rows(struct pack *k, const char *title, const struct bar *bars, size_t n,
			    double target, double scale)
{
	struct pdf *p = &k->p;
	double label_w = 110, row = 16, top, x0, w;

	pdf_text(p, p->ml, p->y + 11, 10.5, NAVY, title);
	p->y += 30;
	top = p->y;
	x0 = p->ml + label_w;
	w = k->cw - label_w - 40;
	/* the scale: grid lines at round percentages */
	{
		double step = pack_axis_step(scale);

		for (double g = 0; g <= scale + 1e-9; g += step) {
			char lab[32];
			double gx = x0 + w * g / scale;

			pdf_line(p, gx, top - 2, gx, top + n * row, 0.3, 0xD9D9D9, false);
			pack_pct(g, lab, sizeof(lab));
			pdf_text_aligned(p, gx - 20, 40, top + n * row + 10, 8, GREY, PDF_CENTER,
					 lab);
		}
	}
	for (size_t i = 0; i < n; i++) {
		double y = top + i * row;
		char v[32];

		pdf_text_aligned(p, p->ml, label_w - 8, y + 10.5, 8.5, INK, PDF_RIGHT,
				 bars[i].label);
		if (!bars[i].has) {
			pdf_text(p, x0 + 4, y + 10.5, 8, GREY, "（基準業務量なし）");
			continue;
		}
		if (!isfinite(bars[i].value)) {
			pdf_text(p, x0 + 4, y + 10.5, 8, GREY, "（算出できません）");
			continue;
		}
		pdf_rect(p, x0, y + 2, w * bars[i].value / scale, row - 5, ACCENT);
		pack_pct(bars[i].value, v, sizeof(v));
		pdf_text(p, x0 + w * bars[i].value / scale + 4, y + 10.5, 8, INK, v);
	}
	pdf_line(p, x0, top - 2, x0, top + n * row, 0.6, GREY, false);
	{
		double tx = x0 + w * target / scale;
		char v[48], lab[64];

		pdf_line(p, tx, top - 6, tx, top + n * row + 2, 1.2, TARGET, true);
		pack_pct(target, v, sizeof(v));
		snprintf(lab, sizeof(lab), "目標 %s", v);
		pdf_text_aligned(p, tx - 40, 80, top - 9, 8, TARGET, PDF_CENTER, lab);
	}
	p->y = top + n * row + 24;
}

/*
 * Horizontal bars of rates against a dashed target line, on one page when
 * they fit on one; else as many as fit on each page, the chart's title
 * marked （続き） on the pages after the first, nothing run off a page.
 */
static void chart_bars(struct pack *k, const char *title, const struct bar *bars, size_t n,
		       double target)
{
	struct pdf *p = &k->p;
	const double row = 16, chrome = 80; /* title and axis labels */
	double page = p->ph - p->mt - p->mb, scale;
	double *values = xcalloc(n + 1, sizeof(*values));
	size_t done = 0;

	for (size_t i = 0; i < n; i++)
		values[i] = bars[i].has ? bars[i].value : 0;
	scale = pack_chart_scale(target, values, n);
	free(values);
	if (chrome + n * row <= page - 30) {
		pdf_need(p, 40 + n * row + 40);
		chart_bars_rows(k, title, bars, n, target, scale);
		return;
	}
	while (done < n) {
		struct strbuf t = STRBUF_INIT;
		size_t fit;

		pdf_need(p, chrome + 4 * row);
		fit = (size_t)((pdf_room(p) - chrome) / row);
		if (fit < 1)
			fit = 1;
		if (fit > n - done)
			fit = n - done;
		sb_adds(&t, title);
		if (done)
			sb_adds(&t, "（続き）");
		chart_bars_rows(k, sb_str(&t), bars + done, fit, target, scale);
		sb_release(&t);
		done += fit;
		if (done < n)
			pdf_page(p, true);
	}
}

/* Measures by status, stacked in one bar. */
static void stacked(struct pack *k, const struct counts *c)
{
	struct pdf *p = &k->p;
	double x = p->ml, w = k->cw, h = 14;

	pdf_need(p, h + 24);
	if (c->nmeasures == 0) {
		pack_note(k, "施策はありません。");
		return;
	}
	for (size_t i = 0; i < ARRAY_LEN(status_measure_order); i++) {
		enum status st = status_measure_order[i];
		double sw = w * c->measures[st] / c->nmeasures;

		if (c->measures[st] == 0)
			continue;
		pdf_rect(p, x, p->y, sw, h, k->in->s->colours[st].chart);
		if (st == ST_DELAYED) /* apart from 完了 and 達成 in greyscale */
			pdf_hatch(p, x, p->y, sw, h, 0x7A0000);
		if (sw > 12) {
			char lab[80];

			/* the mark always (greyscale, colour-blind readers), the word and
			 * the count where they fit */
			if (sw > 44)
				snprintf(lab, sizeof(lab), "%s%s %d", present_status_mark(st),
					 status_word(st), c->measures[st]);
			else
				snprintf(lab, sizeof(lab), "%s", present_status_mark(st));
			pdf_text_aligned(p, x, sw, p->y + 10, 8,
					 st == ST_DELAYED || st == ST_DONE || st == ST_ACHIEVED
						 ? 0xFFFFFF
						 : INK,
					 PDF_CENTER, lab);
		}
		x += sw;
	}
	p->y += h + 6;
}

static void counts_line(struct pack *k, const struct counts *c)
{
	struct strbuf sb = STRBUF_INIT;
	bool first = true;
	char n[PRESENT_MAX];

	sb_addf(&sb, "施策 %s 件（", present_count(c->nmeasures, n));
	for (size_t i = 0; i < ARRAY_LEN(status_measure_order); i++) {
		enum status st = status_measure_order[i];

		if (!c->measures[st])
			continue;
		sb_addf(&sb, "%s%s %s", first ? "" : "・", status_word(st),
			present_count(c->measures[st], n));
		first = false;
	}
	sb_addf(&sb, "）、KPI %s 件", present_count(c->nkpis, n));
	if (c->share >= 0) {
		char v[32];

		pack_pct(c->share, v, sizeof(v));
		sb_addf(&sb, "（順調・達成 %s）", v);
	}
	sb_addf(&sb, "、マイルストーン %s 件", present_count(c->nmilestones, n));
	pack_note(k, sb_str(&sb));
	sb_release(&sb);
}

/* ---- the cover */

static void cover(struct pack *k)
{
	struct pdf *p = &k->p;
	const struct model *m = k->m;
	const struct kgi *g = k->dept < 0 ? &k->r->kgi : &k->r->kgi_departments[k->dept];
	struct strbuf sb = STRBUF_INIT;
	double mid = p->ml, w = k->cw;
	int fy = period_fy(k->r->period), q = period_quarter(k->r->period);
	int y = q == 4 ? fy + 1 : fy, mo = q == 4 ? 3 : 3 * q + 3;
	static const int last[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int day = last[mo] + (mo == 2 && ((y % 4 == 0 && y % 100) || y % 400 == 0));

	pdf_page(p, false);
	pdf_rect(p, 0, 0, p->pw, 18, ACCENT);
	pdf_text_aligned(p, mid, w, 210, 24, NAVY, PDF_CENTER, k->t->title);
	pdf_line(p, p->ml + 60, 228, p->pw - p->mr - 60, 228, 1, ACCENT, false);
	pdf_text_aligned(p, mid, w, 262, 15, INK, PDF_CENTER, k->period);
	pdf_text_aligned(p, mid, w, 300, 18, INK, PDF_CENTER, k->in->s->city);
	if (k->dept >= 0)
		pdf_text_aligned(p, mid, w, 334, 18, NAVY, PDF_CENTER,
				 m->departments[k->dept].name);
	/* the headline figure */
	pdf_rect(p, p->ml + 90, 400, w - 180, 92, 0xF2F5FA);
	pdf_frame(p, p->ml + 90, 400, w - 180, 92, 0.8, ACCENT);
	pdf_text_aligned(p, mid, w, 424, 11, GREY, PDF_CENTER,
			 k->dept < 0 ? "KGI 業務量削減率（市全体）" : "KGI 業務量削減率（部）");
	sb_reset(&sb);
	if (g->rate >= 0) {
		char v[32], t[32];

		pack_pct(g->rate, v, sizeof(v));
		pack_pct(k->r->params.kgi_target, t, sizeof(t));
		sb_addf(&sb, "%s　（目標 %s）", v, t);
	} else {
		sb_adds(&sb, "基準業務量がないため算出できません");
	}
	pdf_text_aligned(p, mid, w, 458, g->rate >= 0 ? 22 : 12, NAVY, PDF_CENTER, sb_str(&sb));
	sb_reset(&sb);
	{
		char h1[48], h2[48];

		pack_num(g->hours_saved, h1, sizeof(h1));
		pack_num(g->baseline_hours, h2, sizeof(h2));
		sb_addf(&sb, "削減時間 %s 時間 ／ 基準業務量 %s 時間", h1, h2);
	}
	pdf_text_aligned(p, mid, w, 480, 9.5, GREY, PDF_CENTER, sb_str(&sb));
	sb_reset(&sb);
	sb_addf(&sb, "【%s】　データの基準日: %d年%d月%d日（%s末までの提出）", k->in->labels.stage,
		y, mo, day,
		q == 4 ? "第4四半期"
		       : (const char *[]){"", "第1四半期", "第2四半期", "第3四半期"}[q]);
	pdf_text_aligned(p, mid, w, 560, 9.5, INK, PDF_CENTER, sb_str(&sb));
	sb_reset(&sb);
	sb_adds(&sb, "次回（");
	present_period_compact(k->r->period + 1, &sb);
	sb_adds(&sb, "分）の提出期限: ");
	present_deadline(k->r->period + 1, (int)k->in->s->due_days, &sb);
	pdf_text_aligned(p, mid, w, 578, 9.5, INK, PDF_CENTER, sb_str(&sb));
	pdf_text_aligned(p, mid, w, 740, 10, INK, PDF_CENTER, k->t->organisation);
	sb_release(&sb);
}

/* ---- contents: pages reserved now, filled at the end */

static size_t toc_lines(const struct pack *k)
{
	size_t n = 0;

	for (size_t i = 0; i < k->t->nsections; i++) {
		if (k->t->sections[i].id == SEC_CONTENTS)
			continue;
		n++;
		/* a department's pack lists its divisions; the review pack every
		 * department and, under each, its divisions */
		if (k->t->sections[i].id == SEC_DEPARTMENTS && k->dept >= 0)
			n += k->toc_divisions ? k->m->departments[k->dept].ndivisions : 0;
		else if (k->t->sections[i].id == SEC_DEPARTMENTS)
			for (size_t d = 0; d < k->m->ndepartments; d++)
				n += 1 + (k->toc_divisions ? k->m->departments[d].ndivisions : 0);
		if (k->t->sections[i].id == SEC_PILLARS)
			n += k->in->s->npillars;
	}
	return n;
}

#define TOC_LINE 17.0
#define TOC_TOP_FIRST 44.0 /* below the heading */
#define TOC_TOP_NEXT 10.0

/* How many entries a contents page holds: reserving and filling agree. */
static size_t toc_per_page(const struct pdf *p, bool first)
{
	double top = p->mt + (first ? TOC_TOP_FIRST : TOC_TOP_NEXT), last = p->ph - p->mb - 10;

	return (size_t)floor((last - top) / TOC_LINE) + 1;
}

static void contents_reserve(struct pack *k, const char *title)
{
	struct pdf *p = &k->p;
	size_t lines = toc_lines(k), room = toc_per_page(p, true);

	k->toc_pages = 1;
	while (room < lines) {
		k->toc_pages++;
		room += toc_per_page(p, false);
	}
	k->toc_first = p->npages;
	for (size_t i = 0; i < k->toc_pages; i++)
		pdf_page(p, true);
	/* the heading and a bookmark on the first of them */
	p->page = p->pages[k->toc_first];
	p->y = p->mt;
	pdf_outline(p, NULL, title);
	pdf_text(p, p->ml, p->y + 16, 16, NAVY, title);
	pdf_line(p, p->ml, p->y + 24, p->ml + k->cw, p->y + 24, 1.2, ACCENT, false);
	p->page = p->pages[p->npages - 1];
}

static void contents_fill(struct pack *k)
{
	struct pdf *p = &k->p;
	double y = p->mt + TOC_TOP_FIRST;
	size_t page = k->toc_first, on_page = 0;

	for (size_t i = 0; i < k->ntoc; i++) {
		const struct toc_entry *e = &k->toc[i];
		double x = p->ml + 14 * e->level, size = e->level ? 9.5 : 11;
		char pn[32];
		double tw, pw;

		if (on_page == toc_per_page(p, page == k->toc_first)) {
			/* toc_lines() counts the entries, so this cannot happen */
			if (page + 1 >= k->toc_first + k->toc_pages)
				kk_fatal("contents: more entries than the pages reserved");
			page++;
			y = p->mt + TOC_TOP_NEXT;
			on_page = 0;
		}
		on_page++;
		p->page = p->pages[page];
		snprintf(pn, sizeof(pn), "%zu", e->page + 1);
		tw = pdf_width(p, e->title, size);
		pw = pdf_width(p, pn, size);
		pdf_text(p, x, y, size, e->level ? INK : NAVY, e->title);
		/* dot leaders to the page number */
		pdf_dots(p, x + tw + 6, p->ml + k->cw - pw - 6, y - 3, GREY);
		pdf_text_aligned(p, p->ml, k->cw, y, size, INK, PDF_RIGHT, pn);
		pdf_link(p, p->page, x, y - size, k->cw - (x - p->ml), size + 4, p->pages[e->page],
			 e->y);
		y += TOC_LINE;
	}
}

/* ---- 概要 (KGI) */

/* What each status means, in words, with the factors in use (settings). */
void pack_legend(struct pack *k)
{
	struct strbuf sb = STRBUF_INIT;
	char on[40], risk[40];

	number_format(k->r->params.on_track_factor, on, sizeof(on));
	number_format(k->r->params.at_risk_factor, risk, sizeof(risk));
	k->p.y += 6;
	pdf_need(&k->p, 70);
	pdf_text(&k->p, k->p.ml, k->p.y + 11, 10.5, NAVY, "状況の決め方");
	k->p.y += 18;
	sb_addf(&sb,
		"KPI は、進捗率（基準値から目標値までのうち進んだ割合）を、今の時点で期待される進捗"
		"（期待進捗）と比べます。達成＝進捗率 100%% 以上。順調＝期待進捗の %s "
		"倍以上。注意＝%s 倍以上。"
		"遅延＝%s 倍未満。未報告＝今期の実績値がない。",
		on, risk, risk);
	pack_note(k, sb_str(&sb));
	pack_note(
		k,
		"マイルストーンは報告された状況（未着手・進行中・完了・中止）で、期限を過ぎて完了し"
		"ていなければ遅延。"
		"施策は、その KPI "
		"とマイルストーンのうち最も悪い状況です（中止のマイルストーンは除きます）。"
		"KPI の ↑ は増えるほど良い指標、↓ は減るほど良い指標です。");
	sb_release(&sb);
}

static void section_kgi(struct pack *k, const struct section *s)
{
	struct pdf *p = &k->p;
	const struct model *m = k->m;
	const struct result *r = k->r;
	const struct kgi *g = k->dept < 0 ? &r->kgi : &r->kgi_departments[k->dept];
	struct bar *bars;
	size_t n = 0;
	char v[48], t[32], h1[48], h2[48];
	struct strbuf sb = STRBUF_INIT;

	pack_section(k, s->title, NULL, 0, true);
	pack_pct(r->params.kgi_target, t, sizeof(t));
	if (g->rate >= 0) {
		pack_pct(g->rate, v, sizeof(v));
		pdf_text(p, p->ml, p->y + 26, 11, GREY, "業務量削減率");
		pdf_text(p, p->ml + 80, p->y + 28, 26, NAVY, v);
		sb_addf(&sb, "目標 %s まで あと %.1f ポイント", t,
			round((r->params.kgi_target - g->rate) * 1000) / 10 > 0
				? round((r->params.kgi_target - g->rate) * 1000) / 10
				: 0.0);
		pdf_text(p, p->ml + 80 + pdf_width(p, v, 26) + 16, p->y + 26, 11, INK, sb_str(&sb));
		p->y += 40;
	}
	pack_num(g->hours_saved, h1, sizeof(h1));
	pack_num(g->baseline_hours, h2, sizeof(h2));
	sb_reset(&sb);
	sb_addf(&sb,
		"削減時間 %s 時間 ÷ 基準業務量 %s 時間（基準業務量のある課の合計。各課の取組ごとに "
		"%s までの最新の報告）。",
		h1, h2, k->period);
	pack_note(k, sb_str(&sb));
	p->y += 6;
	/* per department (city) or per division (department) */
	bars = xcalloc((k->dept < 0 ? m->ndepartments : m->ndivisions) + 1, sizeof(*bars));
	if (k->dept < 0) {
		for (size_t i = 0; i < m->ndepartments; i++) {
			bars[n].label = m->departments[i].name;
			bars[n].value = r->kgi_departments[i].rate;
			bars[n].has = r->kgi_departments[i].rate >= 0;
			n++;
		}
		chart_bars(k, "部別の業務量削減率", bars, n, r->params.kgi_target);
	} else {
		const struct department *de = &m->departments[k->dept];

		for (size_t i = 0; i < de->ndivisions; i++) {
			size_t d = de->divisions[i];

			bars[n].label = m->divisions[d].name;
			bars[n].value = r->kgi_divisions[d].rate;
			bars[n].has = r->kgi_divisions[d].rate >= 0;
			n++;
		}
		chart_bars(k, "課別の業務量削減率", bars, n, r->params.kgi_target);
	}
	free(bars);
	pack_kgi_pace_chart(k, "業務量削減率の推移と目標までのペース", 130);
	{
		const struct counts *c = k->dept < 0 ? &r->city : &r->departments[k->dept];

		pdf_need(p, 60);
		pdf_text(p, p->ml, p->y + 11, 10.5, NAVY, "施策の状況");
		p->y += 18;
		stacked(k, c);
		counts_line(k, c);
	}
	pack_legend(k);
	sb_release(&sb);
}

/* ---- the tables' rows: items of the model, and their cells */

struct rows {
	const struct pack *k;
	size_t *items; /* indices into the model's measures, KPIs, ... */
	int *kinds;    /* section_worse: 0 measure, 1 KPI, 2 milestone */
	size_t n;
};

static void rows_add(struct rows *r, int kind, size_t item)
{
	r->items = xrealloc(r->items, (r->n + 1) * sizeof(*r->items));
	r->kinds = xrealloc(r->kinds, (r->n + 1) * sizeof(*r->kinds));
	r->items[r->n] = item;
	r->kinds[r->n++] = kind;
}

static void rows_release(struct rows *r)
{
	free(r->items);
	free(r->kinds);
}

/* How many of total rows a list with the section's limit shows. */
static size_t list_shown(const struct section *s, size_t total)
{
	return s->limit >= 0 && total > (size_t)s->limit ? (size_t)s->limit : total;
}

static void cell_text(struct pdf_cell *c, const char *text)
{
	c->kind = PDF_CELL_TEXT;
	c->text = text;
}

static void cell_status(struct pdf_cell *c, enum status st)
{
	c->kind = PDF_CELL_STATUS;
	c->status = st;
}

static void cell_buf(struct pdf_cell *c, struct strbuf *buf)
{
	cell_text(c, sb_str(buf));
}

/* A period in a table: the 令和 short label, in one piece. */
static void cell_period(struct pdf_cell *c, int p, struct strbuf *buf)
{
	present_period_compact(p, buf);
	cell_buf(c, buf);
}

enum { ME_ID, ME_NAME, ME_LEAD, ME_PREVIOUS, ME_STATUS, ME_COUNTS, ME_REASON };

static void measure_cell(const void *x, size_t row, const struct pdf_column *col,
			 struct pdf_cell *c, struct strbuf *buf)
{
	const struct rows *r = x;
	const struct pack *k = r->k;
	size_t i = r->items[row];
	const struct measure *ms = &k->m->measures[i];

	switch (col->arg) {
	case ME_ID:
		cell_text(c, ms->id);
		break;
	case ME_NAME:
		cell_text(c, ms->name);
		break;
	case ME_LEAD:
		cell_text(c, pack_division_name(k, ms->lead));
		break;
	case ME_PREVIOUS:
		cell_status(c, k->prev->measures[i]);
		break;
	case ME_STATUS:
		cell_status(c, k->r->measures[i]);
		break;
	case ME_COUNTS:
		sb_addf(buf, "%zu・%zu", ms->nkpis, ms->nmilestones);
		cell_buf(c, buf);
		break;
	case ME_REASON:
		explain_measure(k->m, k->in->a, k->d, k->r, i, buf);
		cell_buf(c, buf);
		break;
	}
}

enum { KP_ID, KP_NAME, KP_VALUES, KP_TREND, KP_PROGRESS, KP_PREVIOUS, KP_STATUS };

static void kpi_cell(const void *x, size_t row, const struct pdf_column *col, struct pdf_cell *c,
		     struct strbuf *buf)
{
	const struct rows *r = x;
	const struct pack *k = r->k;
	size_t i = r->items[row];
	const struct kpi *kp = &k->m->kpis[i];
	const struct kpi_result *kr = &k->r->kpis[i];

	switch (col->arg) {
	case KP_ID:
		cell_text(c, kp->id);
		break;
	case KP_NAME:
		/* the name, then the division's own words */
		/* a behind item without a 対応策 is marked before its name (one line
		 * where it fits) */
		if (k->in->b->kpi_no_action[i])
			sb_adds(buf, "【対応策なし】");
		sb_adds(buf, kp->name);
		if (kr->actual && kr->actual->comment && *kr->actual->comment)
			sb_addf(buf, "\nコメント: %s", kr->actual->comment);
		if (kr->actual && kr->actual->action && *kr->actual->action)
			sb_addf(buf, "\n対応策: %s", kr->actual->action);
		cell_buf(c, buf);
		break;
	case KP_VALUES: {
		char a[48], b[48], tg[48];
		const char *unit = kp->unit ? kp->unit : "";
		/* the direction: ↑ the more the better, ↓ the less (the legend says so) */
		const char *dir = kp->target > kp->baseline ? "↑" : "↓";

		pack_num(kp->baseline, b, sizeof(b));
		pack_num(kp->target, tg, sizeof(tg));
		if (kr->actual) {
			pack_num(kr->actual->value, a, sizeof(a));
			sb_addf(buf, "%s %s → %s → %s%s", dir, b, a, tg, unit);
		} else if (kr->previous) {
			/* not reported for P: the latest earlier actual, with its period (§3) */
			pack_num(kr->previous->value, a, sizeof(a));
			sb_addf(buf, "%s %s → 今期なし（前回 %s、", dir, b, a);
			present_period_compact(kr->previous->period, buf);
			sb_addf(buf, "）→ %s%s", tg, unit);
		} else {
			sb_addf(buf, "%s %s → 報告なし → %s%s", dir, b, tg, unit);
		}
		cell_buf(c, buf);
		break;
	}
	case KP_TREND: {
		/* its actuals of the last periods up to P, as a small line */
		const struct model *m = k->m;
		size_t from = kp->first_actual, n = 0, skip, seen = 0;

		for (size_t j = from; j < from + kp->nactuals; j++)
			n += m->actuals[j].period <= k->r->period;
		skip = n > PDF_SPARK_MAX ? n - PDF_SPARK_MAX : 0;
		c->kind = PDF_CELL_SPARK;
		c->nspark = 0;
		for (size_t j = from; j < from + kp->nactuals; j++)
			if (m->actuals[j].period <= k->r->period && seen++ >= skip)
				c->spark[c->nspark++] = m->actuals[j].value;
		break;
	}
	case KP_PROGRESS:
		c->kind = PDF_CELL_PROGRESS;
		c->has_progress = kr->actual != NULL;
		c->progress = kr->progress;
		c->expected = kr->expected;
		c->status = kr->status;
		break;
	case KP_PREVIOUS:
		cell_status(c, k->prev->kpis[i].status);
		break;
	case KP_STATUS:
		cell_status(c, kr->status);
		break;
	}
}

enum { MI_ID, MI_DESCRIPTION, MI_LEAD, MI_DUE, MI_LAST, MI_LAST_PROGRESS, MI_STATUS };

static void milestone_cell(const void *x, size_t row, const struct pdf_column *col,
			   struct pdf_cell *c, struct strbuf *buf)
{
	const struct rows *r = x;
	const struct pack *k = r->k;
	size_t i = r->items[row];
	const struct milestone *mi = &k->m->milestones[i];
	const struct milestone_result *mr = &k->r->milestones[i];

	switch (col->arg) {
	case MI_ID:
		cell_text(c, mi->id);
		break;
	case MI_DESCRIPTION: {
		const struct report *now =
			mr->report && mr->report->period == k->r->period ? mr->report : NULL;

		if (k->in->b->milestone_no_action[i])
			sb_adds(buf, "【対応策なし】");
		sb_adds(buf, mi->description);
		if (now && now->comment && *now->comment)
			sb_addf(buf, "\nコメント: %s", now->comment);
		if (now && now->action && *now->action)
			sb_addf(buf, "\n対応策: %s", now->action);
		cell_buf(c, buf);
		break;
	}
	case MI_LEAD:
		cell_text(c, pack_division_name(k, k->m->measures[mi->measure].lead));
		break;
	case MI_DUE:
		cell_period(c, mi->due, buf);
		break;
	case MI_LAST:
	case MI_LAST_PROGRESS:
		/* the latest report: its period and status (and progress) */
		if (mr->report) {
			present_period_compact(mr->report->period, buf);
			sb_addf(buf, " %s", status_word(mr->report->status));
			if (col->arg == MI_LAST_PROGRESS && mr->report->has_progress)
				sb_addf(buf, " %.0f%%", mr->report->progress);
		} else {
			sb_adds(buf, "報告なし");
		}
		cell_buf(c, buf);
		break;
	case MI_STATUS:
		cell_status(c, mr->status);
		break;
	}
}

/* ---- 施策の3本柱 */

static void measures_table(struct pack *k, struct rows *r)
{
	static const struct pdf_column cols[] = {
		{"施策ID", 46, PDF_LEFT, true, measure_cell, ME_ID},
		{"施策名", 205, PDF_LEFT, false, measure_cell, ME_NAME},
		{"主担当課", 84, PDF_LEFT, false, measure_cell, ME_LEAD},
		{"前四半期", 56, PDF_LEFT, false, measure_cell, ME_PREVIOUS},
		{"状況", 56, PDF_LEFT, false, measure_cell, ME_STATUS},
		{"KPI・MS", 56, PDF_RIGHT, false, measure_cell, ME_COUNTS}};

	pdf_table(&k->p, cols, ARRAY_LEN(cols), SMALL + 0.4, r, r->n);
}

static void section_pillars(struct pack *k, const struct section *s)
{
	const struct model *m = k->m;
	HPDF_Outline top = pack_section(k, s->title, NULL, 0, true);

	for (size_t pl = 0; pl < k->in->s->npillars; pl++) {
		struct counts c = {0};
		struct rows r = {k, NULL, NULL, 0};

		for (size_t i = 0; i < m->nmeasures; i++) {
			if (m->measures[i].pillar != (int)pl || !pack_measure_in(k, i))
				continue;
			rows_add(&r, 0, i);
			c.measures[k->r->measures[i]]++;
			c.nmeasures++;
			for (size_t j = 0; j < m->measures[i].nkpis; j++) {
				c.kpis[k->r->kpis[m->measures[i].kpis[j]].status]++;
				c.nkpis++;
			}
			c.nmilestones += (int)m->measures[i].nmilestones;
		}
		c.share = c.nkpis ? (double)(c.kpis[ST_ON_TRACK] + c.kpis[ST_ACHIEVED]) / c.nkpis
				  : -1;
		pack_section(k, k->in->s->pillars[pl].name, top, 1, false);
		stacked(k, &c);
		counts_line(k, &c);
		if (r.n)
			measures_table(k, &r);
		rows_release(&r);
		k->p.y += 6;
	}
}

/* ---- one department */

/* Whether division d sent a report for P on one of its KPIs or milestones
 * that was refused with an error (so it is 未提出 with rows sent). */
static bool division_refused(const struct pack *k, size_t d)
{
	return attribution_division_refused(k->in->a, k->m, d, k->r->period);
}

static void division_block(struct pack *k, size_t d, HPDF_Outline parent)
{
	const struct model *m = k->m;
	const struct division *dv = &m->divisions[d];
	const struct kgi *g = &k->r->kgi_divisions[d];
	struct strbuf sb = STRBUF_INIT, why = STRBUF_INIT;
	bool missing = false;

	for (size_t i = 0; i < k->r->nmissing; i++)
		missing = missing || k->r->missing[i] == d;
	sb_addf(&sb, "%s（%s）", dv->name, dv->code);
	pack_section(k, sb_str(&sb), parent, 2, false);
	sb_reset(&sb);
	if (g->rate >= 0) {
		char v[32], h1[48], h2[48];

		pack_pct(g->rate, v, sizeof(v));
		pack_num(g->hours_saved, h1, sizeof(h1));
		pack_num(g->baseline_hours, h2, sizeof(h2));
		sb_addf(&sb, "業務量削減率 %s（削減 %s 時間 ／ 基準 %s 時間）", v, h1, h2);
	} else {
		char h1[48];

		pack_num(g->hours_saved, h1, sizeof(h1));
		sb_addf(&sb, "基準業務量なし（削減 %s 時間は削減率に数えません）", h1);
	}
	if (missing && division_refused(k, d))
		sb_addf(&sb,
			"。%s の報告は届きましたが、エラーのため1行も使えず、未提出の扱いです"
			"（付録 入力エラーを参照）",
			k->period);
	else if (missing)
		sb_addf(&sb, "。%s の提出がありません（未提出）", k->period);
	pack_note(k, sb_str(&sb));
	if (dv->nmeasures == 0) {
		pack_note(k, "この課が主担当の施策はありません。");
		goto out;
	}
	{
		static const struct pdf_column cols[] = {
			{"施策ID", 44, PDF_LEFT, true, measure_cell, ME_ID},
			{"施策名", 150, PDF_LEFT, false, measure_cell, ME_NAME},
			{"状況", 52, PDF_LEFT, false, measure_cell, ME_STATUS},
			{"判定理由", 257, PDF_LEFT, false, measure_cell, ME_REASON}};
		struct rows r = {k, (size_t *)dv->measures, NULL, dv->nmeasures};

		pdf_table(&k->p, cols, ARRAY_LEN(cols), SMALL, &r, r.n);
	}
	{
		static const struct pdf_column cols[] = {
			{"KPI", 40, PDF_LEFT, true, kpi_cell, KP_ID},
			{"指標名・コメント・対応策", 141, PDF_LEFT, false, kpi_cell, KP_NAME},
			{"基準値 → 実績値 → 目標値", 110, PDF_LEFT, false, kpi_cell, KP_VALUES},
			{"推移", 34, PDF_LEFT, false, kpi_cell, KP_TREND},
			{"進捗（｜は期待）", 74, PDF_LEFT, false, kpi_cell, KP_PROGRESS},
			{"前四半期", 52, PDF_LEFT, false, kpi_cell, KP_PREVIOUS},
			{"状況", 52, PDF_LEFT, false, kpi_cell, KP_STATUS}};
		struct rows r = {k, NULL, NULL, 0};

		for (size_t i = 0; i < dv->nmeasures; i++) {
			const struct measure *ms = &m->measures[dv->measures[i]];

			for (size_t j = 0; j < ms->nkpis; j++)
				rows_add(&r, 1, ms->kpis[j]);
		}
		if (r.n)
			pdf_table(&k->p, cols, ARRAY_LEN(cols), SMALL, &r, r.n);
		rows_release(&r);
	}
	{
		static const struct pdf_column cols[] = {
			{"ID", 50, PDF_LEFT, true, milestone_cell, MI_ID},
			{"マイルストーン・コメント・対応策", 241, PDF_LEFT, false, milestone_cell,
			 MI_DESCRIPTION},
			{"期限", 52, PDF_LEFT, false, milestone_cell, MI_DUE},
			{"最新の報告", 108, PDF_LEFT, false, milestone_cell, MI_LAST_PROGRESS},
			{"状況", 52, PDF_LEFT, false, milestone_cell, MI_STATUS}};
		struct rows r = {k, NULL, NULL, 0};

		for (size_t i = 0; i < dv->nmeasures; i++) {
			const struct measure *ms = &m->measures[dv->measures[i]];

			for (size_t j = 0; j < ms->nmilestones; j++)
				rows_add(&r, 2, ms->milestones[j]);
		}
		if (r.n)
			pdf_table(&k->p, cols, ARRAY_LEN(cols), SMALL, &r, r.n);
		rows_release(&r);
	}
out:
	k->p.y += 4;
	sb_release(&sb);
	sb_release(&why);
}

/* A department's rank among all by KGI rate (by_rate) or by the share of
 * KPIs 順調・達成, 1 the best; 0 when it has no such figure. Ties share a rank. */
static size_t dept_rank(const struct pack *k, size_t dept, bool by_rate)
{
	double mine = by_rate ? k->r->kgi_departments[dept].rate : k->r->departments[dept].share;
	size_t better = 0;

	if (mine < 0)
		return 0;
	for (size_t i = 0; i < k->m->ndepartments; i++) {
		double v = by_rate ? k->r->kgi_departments[i].rate : k->r->departments[i].share;

		better += v >= 0 && v > mine + 1e-12;
	}
	return better + 1;
}

static void department(struct pack *k, size_t dept, HPDF_Outline parent, int level)
{
	const struct model *m = k->m;
	const struct department *de = &m->departments[dept];
	const struct kgi *g = &k->r->kgi_departments[dept];
	HPDF_Outline o = parent;
	struct strbuf sb = STRBUF_INIT;

	if (k->dept < 0)
		o = pack_section(k, de->name, parent, level, true);
	if (g->rate >= 0) {
		char v[32], c[32];

		pack_pct(g->rate, v, sizeof(v));
		sb_addf(&sb, "部の業務量削減率 %s", v);
		if (k->r->kgi.rate >= 0) {
			pack_pct(k->r->kgi.rate, c, sizeof(c));
			sb_addf(&sb, "（市全体 %s、%zu 部中 %zu 位）", c, m->ndepartments,
				dept_rank(k, dept, true));
		}
		sb_adds(&sb, "。");
	}
	if (k->r->departments[dept].share >= 0) {
		char v[32], c[32];

		pack_pct(k->r->departments[dept].share, v, sizeof(v));
		sb_addf(&sb, "KPI順調率 %s", v);
		if (k->r->city.share >= 0) {
			pack_pct(k->r->city.share, c, sizeof(c));
			sb_addf(&sb, "（市全体 %s、%zu 位）", c, dept_rank(k, dept, false));
		}
		sb_adds(&sb, "。");
	}
	sb_addf(&sb, "課 %zu。", de->ndivisions);
	pack_note(k, sb_str(&sb));
	stacked(k, &k->r->departments[dept]);
	counts_line(k, &k->r->departments[dept]);
	for (size_t i = 0; i < de->ndivisions; i++)
		division_block(k, de->divisions[i], o);
	sb_release(&sb);
}

enum {
	DE_NAME,
	DE_DIVISIONS,
	DE_MEASURES,
	DE_DELAYED,
	DE_AT_RISK,
	DE_NOT_REPORTED,
	DE_UNDER_WAY,
	DE_GOOD,
	DE_ENDED,
	DE_SHARE,
	DE_RATE,
	DE_MISSING
};

/* A row of the departments' table: department row (r->items is NULL). */
static const struct pack *rank_pack; /* for rank_cmp (qsort has no context in C11) */

static int rank_cmp(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	double ra = rank_pack->r->kgi_departments[a].rate,
	       rb = rank_pack->r->kgi_departments[b].rate;

	if ((ra >= 0) != (rb >= 0))
		return ra >= 0 ? -1 : 1;
	if (ra != rb)
		return ra > rb ? -1 : 1;
	return a < b ? -1 : a > b;
}

static void dept_cell(const void *x, size_t row, const struct pdf_column *col, struct pdf_cell *c,
		      struct strbuf *buf)
{
	const struct rows *r = x;
	const struct pack *k = r->k;
	size_t i = r->items[row];
	const struct counts *ct = &k->r->departments[i];
	char v[PRESENT_MAX];
	size_t miss = 0;

	switch (col->arg) {
	case DE_NAME:
		cell_text(c, k->m->departments[i].name);
		return;
	case DE_DIVISIONS:
		sb_adds(buf, present_count((long long)k->m->departments[i].ndivisions, v));
		break;
	case DE_MEASURES:
		sb_adds(buf, present_count(ct->nmeasures, v));
		break;
	case DE_DELAYED:
		sb_adds(buf, present_count(ct->measures[ST_DELAYED], v));
		break;
	case DE_AT_RISK:
		sb_adds(buf, present_count(ct->measures[ST_AT_RISK], v));
		break;
	case DE_NOT_REPORTED:
		sb_adds(buf, present_count(ct->measures[ST_NOT_REPORTED], v));
		break;
	case DE_UNDER_WAY:
		sb_adds(buf,
			present_count(ct->measures[ST_IN_PROGRESS] + ct->measures[ST_NOT_STARTED],
				      v));
		break;
	case DE_GOOD:
		sb_adds(buf,
			present_count(ct->measures[ST_ON_TRACK] + ct->measures[ST_ACHIEVED], v));
		break;
	case DE_ENDED:
		sb_adds(buf, present_count(ct->measures[ST_DONE] + ct->measures[ST_CANCELLED], v));
		break;
	case DE_SHARE:
		sb_adds(buf, ct->share >= 0 ? present_percent(ct->share, v) : "—");
		if (ct->share >= 0)
			sb_addf(buf, "（%zu位）", dept_rank(k, i, false));
		break;
	case DE_RATE:
		sb_adds(buf, k->r->kgi_departments[i].rate >= 0
				     ? present_percent(k->r->kgi_departments[i].rate, v)
				     : "—");
		if (k->r->kgi_departments[i].rate >= 0)
			sb_addf(buf, "（%zu位）", dept_rank(k, i, true));
		break;
	case DE_MISSING:
		for (size_t j = 0; j < k->r->nmissing; j++)
			miss += k->m->divisions[k->r->missing[j]].dept == i;
		sb_addf(buf, "%s 課", present_count((long long)miss, v));
		break;
	}
	cell_buf(c, buf);
}

static void section_departments(struct pack *k, const struct section *s)
{
	HPDF_Outline top;

	if (k->dept >= 0) {
		/* a department's own pack: the section is that department */
		top = pack_section(k, s->title, NULL, 0, true);
		department(k, (size_t)k->dept, top, 1);
		return;
	}
	top = pack_section(k, s->title, NULL, 0, true);
	pack_note(
		k,
		"部ごとの一覧です（削減率の高い順。順位は削減率と KPI順調率のそれぞれの順位）。次の"
		"ページから、部ごとに課の施策・KPI・マイルストーンを載せています。");
	pack_note(
		k,
		"施策の数を状況ごとに数えています（未着手等＝未着手・進行中、順調等＝順調・達成、完"
		"了等＝完了・中止。"
		"横に足すと施策の数になります）。KPI順調率＝KPI のうち順調・達成の割合。");
	{
		static const struct pdf_column cols[] = {
			{"部", 68, PDF_LEFT, false, dept_cell, DE_NAME},
			{"課", 24, PDF_RIGHT, false, dept_cell, DE_DIVISIONS},
			{"施策", 28, PDF_RIGHT, false, dept_cell, DE_MEASURES},
			{"遅延", 26, PDF_RIGHT, false, dept_cell, DE_DELAYED},
			{"注意", 26, PDF_RIGHT, false, dept_cell, DE_AT_RISK},
			{"未報告", 32, PDF_RIGHT, false, dept_cell, DE_NOT_REPORTED},
			{"未着手等", 34, PDF_RIGHT, false, dept_cell, DE_UNDER_WAY},
			{"順調等", 32, PDF_RIGHT, false, dept_cell, DE_GOOD},
			{"完了等", 32, PDF_RIGHT, false, dept_cell, DE_ENDED},
			{"削減率", 66, PDF_RIGHT, false, dept_cell, DE_RATE},
			{"KPI順調率", 66, PDF_RIGHT, false, dept_cell, DE_SHARE},
			{"未提出", 36, PDF_RIGHT, false, dept_cell, DE_MISSING}};
		struct rows r = {k, xcalloc(k->m->ndepartments + 1, sizeof(size_t)), NULL,
				 k->m->ndepartments};

		for (size_t i = 0; i < r.n; i++)
			r.items[i] = i;
		rank_pack = k;
		qsort(r.items, r.n, sizeof(*r.items), rank_cmp);
		rank_pack = NULL;
		pdf_table(&k->p, cols, ARRAY_LEN(cols), SMALL + 0.4, &r, r.n);
		free(r.items);
	}
	for (size_t i = 0; i < k->m->ndepartments; i++)
		department(k, i, top, 1);
}

/* ---- the lists */

/* After a list cut short by its limit: how many were left out, and where all are. */
static bool list_cut(const struct section *s, size_t total)
{
	return s->limit >= 0 && total > (size_t)s->limit;
}

static void list_rest(struct pack *k, const struct section *s, size_t total, const char *where)
{
	struct strbuf sb = STRBUF_INIT;
	char n[PRESENT_MAX];

	if (!list_cut(s, total))
		return;
	if (s->limit == 0)
		sb_addf(&sb, "%s 件あります（ここには載せていません）。",
			present_count((long long)total, n));
	else
		sb_addf(&sb, "ほかに %s 件あります（最初の %ld 件だけを載せています）。",
			present_count((long long)(total - (size_t)s->limit), n), s->limit);
	sb_addf(&sb, "すべては %s %sにあります。", k->summary, where);
	k->p.y += 4;
	pack_note(k, sb_str(&sb));
	sb_release(&sb);
}

enum { WO_KIND, WO_ID, WO_NAME, WO_LEAD, WO_BEFORE, WO_NOW };

/* A row of what got worse: a measure, KPI or milestone (r->kinds). */
static void worse_cell(const void *x, size_t row, const struct pdf_column *col, struct pdf_cell *c,
		       struct strbuf *buf)
{
	const struct rows *r = x;
	const struct pack *k = r->k;
	const struct model *m = k->m;
	size_t i = r->items[row];
	int kind = r->kinds[row];
	size_t measure = kind == 0 ? i : kind == 1 ? m->kpis[i].measure : m->milestones[i].measure;

	(void)buf;
	switch (col->arg) {
	case WO_KIND:
		cell_text(c, kind == 0 ? "施策" : kind == 1 ? "KPI" : "マイルストーン");
		break;
	case WO_ID:
		cell_text(c, kind == 0   ? m->measures[i].id
			     : kind == 1 ? m->kpis[i].id
					 : m->milestones[i].id);
		break;
	case WO_NAME:
		cell_text(c, kind == 0   ? m->measures[i].name
			     : kind == 1 ? m->kpis[i].name
					 : m->milestones[i].description);
		break;
	case WO_LEAD:
		cell_text(c, pack_division_name(k, m->measures[measure].lead));
		break;
	case WO_BEFORE:
	case WO_NOW: {
		const struct result *res = col->arg == WO_NOW ? k->r : k->prev;

		cell_status(c, kind == 0   ? res->measures[i]
			       : kind == 1 ? res->kpis[i].status
					   : res->milestones[i].status);
		break;
	}
	}
}

#define IMPROVED_SHOWN 30

static void section_worse(struct pack *k, const struct section *s)
{
	static const struct pdf_column cols[] = {
		{"種類", 70, PDF_LEFT, false, worse_cell, WO_KIND},
		{"ID", 48, PDF_LEFT, true, worse_cell, WO_ID},
		{"名称", 185, PDF_LEFT, false, worse_cell, WO_NAME},
		{"課", 80, PDF_LEFT, false, worse_cell, WO_LEAD},
		{"前四半期", 60, PDF_LEFT, false, worse_cell, WO_BEFORE},
		{"今期", 60, PDF_LEFT, false, worse_cell, WO_NOW}};
	const struct briefing *b = k->in->b;
	struct rows r = {k, NULL, NULL, 0}, up = {k, NULL, NULL, 0};
	const char *where = "のシート「施策一覧」「KPI一覧」「マイルストーン」の「前期状況」の列";

	/* from the briefing (the same lists as 総括 and the workbooks) */
	for (size_t i = 0; i < b->nworse; i++)
		if (pack_measure_in(k, b->worse[i].measure))
			rows_add(&r, (int)b->worse[i].kind, b->worse[i].item);
	for (size_t i = 0; i < b->nimproved; i++)
		if (pack_measure_in(k, b->improved[i].measure))
			rows_add(&up, (int)b->improved[i].kind, b->improved[i].item);
	/* a short list follows the one before it on the same page */
	k->p.y += 14;
	pack_section(k, s->title, NULL, 0, false);
	pack_note(k, "前四半期と同じ規則で判定した状況より、今期の状況が悪いものです。");
	pdf_table(&k->p, cols, ARRAY_LEN(cols), SMALL, &r, list_shown(s, r.n));
	if (!r.n)
		pack_note(k, "前四半期から悪化したものはありません。");
	list_rest(k, s, r.n, where);
	/* and what got better: the meeting hears of progress too */
	k->p.y += 8;
	pdf_need(&k->p, 60);
	pdf_text(&k->p, k->p.ml, k->p.y + 11, 10.5, NAVY, "前四半期から改善した項目");
	snprintf(k->running, sizeof(k->running), "%s", "前四半期から改善した項目");
	k->p.y += 18;
	{
		/* at most IMPROVED_SHOWN (or the section's limit): the meeting decides on what
		 * got worse; the rest of the good news is counted */
		size_t shown =
			list_shown(s, up.n) < IMPROVED_SHOWN ? list_shown(s, up.n) : IMPROVED_SHOWN;

		pdf_table(&k->p, cols, ARRAY_LEN(cols), SMALL, &up, shown);
		if (!up.n)
			pack_note(k, "前四半期から改善したものはありません。");
		if (shown < up.n) {
			struct strbuf sb = STRBUF_INIT;
			char n[PRESENT_MAX];

			sb_addf(&sb,
				"ほかに %s 件あります（最初の %zu 件だけを載せています）。すべては %s %sにあります。",
				present_count((long long)(up.n - shown), n), shown, k->summary,
				where);
			k->p.y += 4;
			pack_note(k, sb_str(&sb));
			sb_release(&sb);
		}
	}
	rows_release(&r);
	rows_release(&up);
}

static void section_overdue(struct pack *k, const struct section *s)
{
	static const struct pdf_column cols[] = {
		{"ID", 50, PDF_LEFT, true, milestone_cell, MI_ID},
		{"内容", 190, PDF_LEFT, false, milestone_cell, MI_DESCRIPTION},
		{"課", 80, PDF_LEFT, false, milestone_cell, MI_LEAD},
		{"期限", 50, PDF_LEFT, false, milestone_cell, MI_DUE},
		{"最新の報告", 80, PDF_LEFT, false, milestone_cell, MI_LAST},
		{"状況", 53, PDF_LEFT, false, milestone_cell, MI_STATUS}};
	const struct model *m = k->m;
	struct rows r = {k, NULL, NULL, 0};

	/* a short list follows the one before it on the same page */
	k->p.y += 14;
	pack_section(k, s->title, NULL, 0, false);
	for (size_t i = 0; i < m->nmilestones; i++)
		if (k->r->milestones[i].status == ST_DELAYED &&
		    m->milestones[i].due < k->r->period &&
		    pack_measure_in(k, m->milestones[i].measure))
			rows_add(&r, 2, i);
	pdf_table(&k->p, cols, ARRAY_LEN(cols), SMALL, &r, list_shown(s, r.n));
	if (!r.n)
		pack_note(k, "期限を過ぎたマイルストーンはありません。");
	list_rest(k, s, r.n, "のシート「マイルストーン」");
	rows_release(&r);
}

enum { MS_CODE, MS_DEPT, MS_NAME, MS_KPIS, MS_OPEN, MS_LAST };

/* A row of the divisions without a submission: division r->items[row]. */
static void missing_cell(const void *x, size_t row, const struct pdf_column *col,
			 struct pdf_cell *c, struct strbuf *buf)
{
	const struct rows *r = x;
	const struct pack *k = r->k;
	const struct model *m = k->m;
	size_t d = r->items[row];
	const struct division *dv = &m->divisions[d];
	size_t kpis = 0, open = 0;
	int lp = PERIOD_NONE;

	switch (col->arg) {
	case MS_CODE:
		cell_text(c, dv->code);
		return;
	case MS_DEPT:
		cell_text(c, m->departments[dv->dept].name);
		return;
	case MS_NAME:
		cell_text(c, dv->name);
		return;
	case MS_KPIS:
	case MS_OPEN:
		for (size_t j = 0; j < dv->nmeasures; j++) {
			const struct measure *ms = &m->measures[dv->measures[j]];

			kpis += ms->nkpis;
			for (size_t q = 0; q < ms->nmilestones; q++) {
				enum status st = k->r->milestones[ms->milestones[q]].status;

				open += st != ST_DONE && st != ST_CANCELLED;
			}
		}
		{
			char v[PRESENT_MAX];

			sb_adds(buf,
				present_count((long long)(col->arg == MS_KPIS ? kpis : open), v));
		}
		break;
	case MS_LAST:
		for (size_t j = 0; j < m->nsubmitted; j++)
			if (m->submitted[j].division == d && m->submitted[j].period <= k->r->period)
				lp = m->submitted[j].period;
		if (lp == PERIOD_NONE) {
			cell_text(c, "（なし）");
			return;
		}
		cell_period(c, lp, buf);
		return;
	}
	cell_buf(c, buf);
}

static void section_missing(struct pack *k, const struct section *s)
{
	static const struct pdf_column cols[] = {
		{"課コード", 60, PDF_LEFT, true, missing_cell, MS_CODE},
		{"部", 100, PDF_LEFT, false, missing_cell, MS_DEPT},
		{"課", 120, PDF_LEFT, false, missing_cell, MS_NAME},
		{"KPI", 50, PDF_RIGHT, false, missing_cell, MS_KPIS},
		{"未完了MS", 60, PDF_RIGHT, false, missing_cell, MS_OPEN},
		{"最後の提出", 113, PDF_LEFT, false, missing_cell, MS_LAST}};
	struct rows r = {k, NULL, NULL, 0};

	/* a short list follows the one before it on the same page */
	k->p.y += 14;
	pack_section(k, s->title, NULL, 0, false);
	{
		struct strbuf sb = STRBUF_INIT;

		sb_adds(&sb,
			"KPI か未完了のマイルストーンを持ちながら、今期に採用された報告が1行もない課で"
			"す（今期分の提出期限は ");
		present_deadline(k->r->period, (int)k->in->s->due_days, &sb);
		sb_adds(&sb, "）。");
		pack_note(k, sb_str(&sb));
		sb_release(&sb);
	}
	for (size_t i = 0; i < k->r->nmissing; i++)
		if (pack_division_in(k, k->r->missing[i]))
			rows_add(&r, 0, k->r->missing[i]);
	pdf_table(&k->p, cols, ARRAY_LEN(cols), SMALL + 0.4, &r, list_shown(s, r.n));
	if (!r.n)
		pack_note(k, "未提出の課はありません。");
	list_rest(k, s, r.n, "のシート「未提出」");
	rows_release(&r);
}

enum { RS_PERIOD, RS_KIND, RS_ITEM, RS_DIVISION, RS_VALUES, RS_WHERE };

/* A row of the restatements: restatement r->items[row] of the run's list. */
static void restated_cell(const void *x, size_t row, const struct pdf_column *col,
			  struct pdf_cell *c, struct strbuf *buf)
{
	const struct rows *r = x;
	const struct restatement *rs = &r->k->in->restated->v[r->items[row]];

	switch (col->arg) {
	case RS_PERIOD:
		present_period_short(rs->period, buf);
		break;
	case RS_KIND:
		cell_text(c, present_item_kind(rs->kind));
		return;
	case RS_ITEM:
		cell_text(c, rs->item);
		return;
	case RS_DIVISION:
		cell_text(c,
			  rs->division >= 0 ? pack_division_name(r->k, (size_t)rs->division) : "—");
		return;
	case RS_VALUES:
		sb_addf(buf, "%s → %s", rs->published ? rs->published : "なし",
			rs->now ? rs->now : "なし");
		break;
	case RS_WHERE:
		if (rs->src) {
			sb_adds(buf, rs->src->file);
			if (rs->src->sheet)
				sb_addf(buf, " シート「%s」", rs->src->sheet);
			sb_addf(buf, " %d行目", rs->src->row);
		}
		break;
	}
	cell_buf(c, buf);
}

static void section_restated(struct pack *k, const struct section *s)
{
	static const struct pdf_column cols[] = {
		{"修正された期", 78, PDF_LEFT, false, restated_cell, RS_PERIOD},
		{"種類", 68, PDF_LEFT, false, restated_cell, RS_KIND},
		{"ID", 56, PDF_LEFT, true, restated_cell, RS_ITEM},
		{"課", 60, PDF_LEFT, false, restated_cell, RS_DIVISION},
		{"公表した値 → 現在の値", 104, PDF_LEFT, false, restated_cell, RS_VALUES},
		{"どのファイルか", 137, PDF_LEFT, false, restated_cell, RS_WHERE}};
	const struct restatements *all = k->in->restated;
	struct rows r = {k, NULL, NULL, 0};

	/* usually short: it follows the list before it on the same page */
	k->p.y += 14;
	pack_section(k, s->title, NULL, 0, false);
	if (!all || !all->known) {
		pack_note(
			k,
			"前の四半期を公表した記録（履歴）がないため、過去期の修正は分かりません。次"
			"の四半期から比べます。");
		return;
	}
	pack_note(
		k,
		"前の四半期に公表した値のうち、その後のファイルの訂正・遅れた提出・マスタの変更で変"
		"わったものです。");
	for (size_t i = 0; i < all->n; i++)
		if (k->dept < 0 ||
		    (all->v[i].division >= 0 && pack_division_in(k, (size_t)all->v[i].division)))
			rows_add(&r, 0, i);
	pdf_table(&k->p, cols, ARRAY_LEN(cols), SMALL, &r, list_shown(s, r.n));
	if (!r.n)
		pack_note(k, "過去期の修正はありません。");
	list_rest(k, s, r.n, "のシート「過去期の修正」");
	rows_release(&r);
}

/* Record i of the diagnostics belongs in the pack (a department's: one of
 * its divisions owns it). */
static bool diag_in(const struct pack *k, size_t i)
{
	const size_t *own = k->di->owners + i * DIAG_OWNERS_MAX;

	if (k->dept < 0)
		return true;
	for (size_t j = 0; j < k->di->nowners[i]; j++)
		if (pack_division_in(k, own[j]))
			return true;
	return false;
}

static void diag_index_build(struct diag_index *di, const struct render_input *in)
{
	size_t n = in->d->n;

	di->bears = xcalloc(n + 1, sizeof(*di->bears));
	di->nowners = xcalloc(n + 1, sizeof(*di->nowners));
	di->owners = xcalloc(n * DIAG_OWNERS_MAX + 1, sizeof(*di->owners));
	for (size_t i = 0; i < n; i++) {
		const struct diag *g = &in->d->v[i];

		di->bears[i] = attribution_diag_bears_on(in->a, g, in->r->period);
		di->nowners[i] = (unsigned char)attribution_diag_owners(
			in->a, g, di->owners + i * DIAG_OWNERS_MAX, DIAG_OWNERS_MAX);
	}
}

static void diag_index_release(struct diag_index *di)
{
	free(di->bears);
	free(di->nowners);
	free(di->owners);
}

enum { ER_SEVERITY, ER_WHERE, ER_VALUE, ER_MESSAGE };

/* A row of the input errors: record r->items[row] of the diagnostics. */
static void error_cell(const void *x, size_t row, const struct pdf_column *col, struct pdf_cell *c,
		       struct strbuf *buf)
{
	const struct rows *r = x;
	const struct diag *g = &r->k->d->v[r->items[row]];

	switch (col->arg) {
	case ER_SEVERITY:
		cell_text(c, present_severity(diag_code_severity(g->code) == SEV_ERROR));
		return;
	case ER_WHERE:
		sb_adds(buf, g->file ? g->file : "");
		if (g->sheet)
			sb_addf(buf, " シート「%s」", g->sheet);
		if (g->row > 0)
			sb_addf(buf, " %d行目", g->row);
		if (g->column)
			sb_addf(buf, " 列「%s」", g->column);
		break;
	case ER_VALUE:
		cell_text(c, g->value);
		return;
	case ER_MESSAGE:
		sb_addf(buf, "[%s] %s", diag_code_name(g->code), g->message);
		break;
	}
	cell_buf(c, buf);
}

/* The records per division (or, in a big city, per department): the first
 * table of the appendix. Counts by index, the slot n for records without
 * one (a master, a file nobody owns); rows are the slots with records, in
 * master order. */
struct by_division {
	const struct pack *k;
	size_t n;                  /* slots: divisions or departments, + 1 */
	size_t *errors, *warnings; /* [n] */
	size_t *rows, nrows;       /* the slots shown */
	bool by_department;
};

/* More divisions than this with records: the appendix counts by department. */
#define BY_DIVISION_MAX 60

enum { BD_DIVISION, BD_ERRORS, BD_WARNINGS };

static void by_division_cell(const void *x, size_t row, const struct pdf_column *col,
			     struct pdf_cell *c, struct strbuf *buf)
{
	const struct by_division *b = x;
	const struct model *m = b->k->m;
	size_t i = b->rows[row];
	char v[PRESENT_MAX];

	switch (col->arg) {
	case BD_DIVISION:
		if (i == b->n - 1)
			sb_adds(buf, "（課の分からないもの・マスタ）");
		else if (b->by_department)
			sb_adds(buf, m->departments[i].name);
		else
			sb_addf(buf, "%s（%s）", m->divisions[i].name,
				m->departments[m->divisions[i].dept].name);
		break;
	case BD_ERRORS:
		sb_addf(buf, "%s 件", present_count((long long)b->errors[i], v));
		break;
	case BD_WARNINGS:
		sb_addf(buf, "%s 件", present_count((long long)b->warnings[i], v));
		break;
	}
	cell_buf(c, buf);
}

static void by_division_init(struct by_division *b, const struct pack *k, bool by_department)
{
	memset(b, 0, sizeof(*b));
	b->k = k;
	b->by_department = by_department;
	b->n = (by_department ? k->m->ndepartments : k->m->ndivisions) + 1;
	b->errors = xcalloc(b->n, sizeof(*b->errors));
	b->warnings = xcalloc(b->n, sizeof(*b->warnings));
	b->rows = xcalloc(b->n, sizeof(*b->rows));
}

/* Counts record i (its owners in the pack, else the last slot). */
static void by_division_add(struct by_division *b, size_t i, bool error)
{
	const struct pack *k = b->k;
	const size_t *own = k->di->owners + i * DIAG_OWNERS_MAX;
	bool any = false;

	for (size_t j = 0; j < k->di->nowners[i]; j++) {
		size_t slot = b->by_department ? k->m->divisions[own[j]].dept : own[j];

		if (!pack_division_in(k, own[j]))
			continue;
		(error ? b->errors : b->warnings)[slot]++;
		any = true;
	}
	if (!any)
		(error ? b->errors : b->warnings)[b->n - 1]++;
}

static void by_division_rows(struct by_division *b)
{
	b->nrows = 0;
	for (size_t i = 0; i < b->n; i++)
		if (b->errors[i] || b->warnings[i])
			b->rows[b->nrows++] = i;
}

static void by_division_release(struct by_division *b)
{
	free(b->errors);
	free(b->warnings);
	free(b->rows);
}

/*
 * 付録 入力エラー: the records that bear on P (contract §5: a whole file, a
 * master row, a row for P or P − 1), first counted per division, then listed
 * up to the section's limit; the records of older (or later) quarters are
 * counted and left to the errors CSV.
 */
static void section_errors(struct pack *k, const struct section *s)
{
	static const struct pdf_column cols[] = {
		{"重要度", 38, PDF_LEFT, false, error_cell, ER_SEVERITY},
		{"場所", 150, PDF_LEFT, false, error_cell, ER_WHERE},
		{"値", 60, PDF_LEFT, false, error_cell, ER_VALUE},
		{"内容と直し方", 255, PDF_LEFT, false, error_cell, ER_MESSAGE}};
	static const struct pdf_column bd_cols[] = {
		{"課（部）", 250, PDF_LEFT, false, by_division_cell, BD_DIVISION},
		{"エラー", 70, PDF_RIGHT, false, by_division_cell, BD_ERRORS},
		{"警告", 70, PDF_RIGHT, false, by_division_cell, BD_WARNINGS}};
	static const struct pdf_column bd_dept_cols[] = {
		{"部", 250, PDF_LEFT, false, by_division_cell, BD_DIVISION},
		{"エラー", 70, PDF_RIGHT, false, by_division_cell, BD_ERRORS},
		{"警告", 70, PDF_RIGHT, false, by_division_cell, BD_WARNINGS}};
	struct rows r = {k, NULL, NULL, 0};
	struct by_division bd;
	size_t errors = 0, older = 0;
	struct strbuf sb = STRBUF_INIT;

	by_division_init(&bd, k, false);
	for (size_t i = 0; i < k->d->n; i++) {
		bool error = diag_code_severity(k->d->v[i].code) == SEV_ERROR;

		if (!diag_in(k, i))
			continue;
		if (!k->di->bears[i]) {
			older++;
			continue;
		}
		rows_add(&r, 0, i);
		errors += error;
		by_division_add(&bd, i, error);
	}
	by_division_rows(&bd);
	if (bd.nrows > BY_DIVISION_MAX) {
		/* a big city: by department instead */
		by_division_release(&bd);
		by_division_init(&bd, k, true);
		for (size_t j = 0; j < r.n; j++)
			by_division_add(&bd, r.items[j],
					diag_code_severity(k->d->v[r.items[j]].code) == SEV_ERROR);
		by_division_rows(&bd);
	}
	pack_section(k, s->title, NULL, 0, true);
	{
		char e[PRESENT_MAX], w[PRESENT_MAX], o[PRESENT_MAX];

		sb_addf(&sb,
			"%s の集計に関わるもの（今期と前四半期の行、マスタ、ファイル全体）: エラー "
			"%s 件・警告 %s 件。",
			k->period, present_count((long long)errors, e),
			present_count((long long)(r.n - errors), w));
		if (older)
			sb_addf(&sb,
				"それより前（または後）の四半期の行についてのもの %s "
				"件はここに載せず、",
				present_count((long long)older, o));
	}
	if (list_cut(s, r.n))
		sb_addf(&sb,
			"ここには最初の %ld 件を載せています。残りの %zu 件を含むすべては %s "
			"を見てください。",
			s->limit, r.n - (size_t)s->limit, k->errors_csv);
	else
		sb_addf(&sb, "すべては %s にあります。", k->errors_csv);
	pack_note(k, sb_str(&sb));
	if (bd.nrows) {
		pdf_table(&k->p, bd.by_department ? bd_dept_cols : bd_cols, ARRAY_LEN(bd_cols),
			  SMALL, &bd, bd.nrows);
		k->p.y += 8;
	}
	if (r.n)
		pdf_table(&k->p, cols, ARRAY_LEN(cols), SMALL, &r, list_shown(s, r.n));
	by_division_release(&bd);
	rows_release(&r);
	sb_release(&sb);
}

/* ---- one pack */

static bool write_pack(struct pack *k, const char *path, struct pdf_font *font,
		       const struct ttf_coverage *cov, struct strbuf *err)
{
	struct pdf *p = &k->p;
	double margins[4] = {k->t->margin_top, k->t->margin_bottom, k->t->margin_left,
			     k->t->margin_right};
	struct strbuf head = STRBUF_INIT;
	bool ok;

	if (!pdf_open(p, font, cov, k->in->s->colours, margins, err))
		return false;
	k->cw = p->pw - p->ml - p->mr;
	k->toc_divisions =
		(k->dept < 0 ? k->m->ndivisions : k->m->departments[k->dept].ndivisions) <=
		TOC_DIVISIONS_MAX;
	sb_addf(&head, "%s（%s%s%s）", k->t->title, k->in->s->city, k->dept >= 0 ? " " : "",
		k->dept >= 0 ? k->m->departments[k->dept].name : "");
	pdf_header(p, sb_str(&head), k->period);
	pdf_info(p, sb_str(&head), k->period);
	cover(k);
	for (size_t i = 0; i < k->t->nsections; i++) {
		const struct section *s = &k->t->sections[i];

		switch (s->id) {
		case SEC_SUMMARY:
			pack_brief(k, s);
			break;
		case SEC_CONTENTS:
			contents_reserve(k, s->title);
			break;
		case SEC_KGI:
			section_kgi(k, s);
			break;
		case SEC_PILLARS:
			section_pillars(k, s);
			break;
		case SEC_ROADMAP:
			pack_roadmap(k, s);
			break;
		case SEC_DEPARTMENTS:
			section_departments(k, s);
			break;
		case SEC_WORSE:
			section_worse(k, s);
			break;
		case SEC_OVERDUE:
			section_overdue(k, s);
			break;
		case SEC_MISSING:
			section_missing(k, s);
			break;
		case SEC_RESTATED:
			section_restated(k, s);
			break;
		case SEC_ERRORS:
			section_errors(k, s);
			break;
		case SEC__COUNT:
			break;
		}
	}
	if (k->toc_pages)
		contents_fill(k);
	ok = pdf_save(p, path, err);
	pdf_close(p);
	for (size_t i = 0; i < k->ntoc; i++)
		free(k->toc[i].title);
	free(k->toc);
	k->toc = NULL;
	k->ntoc = k->cap_toc = 0;
	sb_release(&head);
	return ok;
}

struct pdf_plan {
	struct pack k; /* the common part; each job copies it */
	struct diag_index di;
	const struct ttf_coverage *cov;
	struct pdf_font font;
	char **paths; /* [1 + ndepartments]: the review pack, then each department's */
	size_t npaths;
	struct strbuf csv, summary;
};

static void pdf_plan_free(void *plan);

static void *pdf_plan_new(const struct render_input *in, struct strbuf *err)
{
	const struct model *m = in->m;
	struct pdf_plan *pl;
	struct pack *k;
	struct strbuf path = STRBUF_INIT;
	char *dir = render_subdir(in, "departments", err);

	if (!dir)
		return NULL;
	pl = xcalloc(1, sizeof(*pl));
	k = &pl->k;
	k->in = in;
	diag_index_build(&pl->di, in);
	k->di = &pl->di;
	k->m = m;
	k->r = in->r;
	k->prev = in->prev;
	k->d = in->d;
	k->t = in->layout;
	k->dept = -1;
	pl->cov = in->cov;
	sb_addf(&pl->csv, FILE_ERRORS, in->labels.code);
	sb_addf(&pl->summary, FILE_SUMMARY, in->labels.code);
	k->title = in->labels.title;
	k->period = in->labels.period_long;
	if (!pdf_font_prepare(&pl->font, in->layout->font_path, err)) {
		pdf_plan_free(pl);
		free(dir);
		return NULL;
	}
	/* every file name decided here, in one order, whoever writes the file */
	pl->npaths = 1 + m->ndepartments;
	pl->paths = xcalloc(pl->npaths, sizeof(*pl->paths));
	sb_addf(&path, "%s/", in->dir);
	sb_addf(&path, FILE_REVIEW, in->labels.code);
	pl->paths[0] = sb_detach(&path);
	{
		char **packs = render_item_paths(in, dir, true, ".pdf");

		memcpy(pl->paths + 1, packs, m->ndepartments * sizeof(*packs));
		free(packs);
	}
	free(dir);
	return pl;
}

static size_t pdf_plan_count(const void *plan)
{
	const struct pdf_plan *pl = plan;

	return pl->npaths;
}

static bool pdf_plan_write(void *plan, size_t i, struct strbuf *err)
{
	struct pdf_plan *pl = plan;
	struct pack k = pl->k;

	k.errors_csv = sb_str(&pl->csv);
	k.summary = sb_str(&pl->summary);
	k.dept = i == 0 ? -1 : (long)(i - 1);
	return write_pack(&k, pl->paths[i], &pl->font, pl->cov, err);
}

static void pdf_plan_free(void *plan)
{
	struct pdf_plan *pl = plan;

	if (!pl)
		return;
	for (size_t i = 0; i < pl->npaths; i++)
		free(pl->paths[i]);
	free(pl->paths);
	pdf_font_release(&pl->font);
	diag_index_release(&pl->di);
	sb_release(&pl->csv);
	sb_release(&pl->summary);
	free(pl);
}

/* ---- the glyph check, before anything is written */

struct glyph_ctx {
	const struct ttf_coverage *cov;
	struct diags *d;
	struct hmap seen; /* "cp|file|sheet|row" */
	struct arena arena;
};

static void check_text(struct glyph_ctx *g, const char *text, const char *file, const char *sheet,
		       int row, const char *column)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t n = text ? strlen(text) : 0, i = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(u + i, n - i, &cp);
		struct strbuf key = STRBUF_INIT;

		if (!k) {
			i++;
			continue;
		}
		if (cp >= 0x20 && cp != 0x7F && !ttf_has(g->cov, cp)) {
			sb_addf(&key, "%u|%s|%s|%d", (unsigned)cp, file ? file : "",
				sheet ? sheet : "", row);
			if (!hmap_has(&g->seen, sb_str(&key))) {
				struct loc loc = {file, sheet, row};
				char ch[8] = {0};

				hmap_put(&g->seen, arena_strdup(&g->arena, sb_str(&key)), &g->seen);
				memcpy(ch, text + i, k);
				diag_add(g->d, W_GLYPH_MISSING, &loc, column, ch,
					 "「%s」（U+%04X）は PDF のフォントにない文字のため、PDF "
					 "では %s と表示します。",
					 ch, (unsigned)cp, PDF_SUBSTITUTE);
			}
		}
		sb_release(&key);
		i += k;
	}
}

static void check_src(struct glyph_ctx *g, const char *text, const struct src *s, const char *col)
{
	check_text(g, text, s ? s->file : NULL, s ? s->sheet : NULL, s ? s->row : 0, col);
}

static void check_glyphs(const struct render_input *in, struct diags *d)
{
	const struct model *m = in->m;
	const struct ttf_coverage *cov = in->cov;
	struct glyph_ctx g = {cov, d, {0}, {0}};
	size_t n = d->n;

	hmap_init(&g.seen);
	arena_init(&g.arena);
	for (size_t i = 0; i < m->ndivisions; i++) {
		const struct division *dv = &m->divisions[i];

		check_src(&g, dv->name, dv->src, "課");
		check_src(&g, dv->code, dv->src, "課コード");
		check_src(&g, m->departments[dv->dept].name, dv->src, "部");
	}
	for (size_t i = 0; i < m->nmeasures; i++) {
		check_src(&g, m->measures[i].id, m->measures[i].src, "施策ID");
		check_src(&g, m->measures[i].name, m->measures[i].src, "施策名");
	}
	for (size_t i = 0; i < m->nkpis; i++) {
		check_src(&g, m->kpis[i].id, m->kpis[i].src, "KPI_ID");
		check_src(&g, m->kpis[i].name, m->kpis[i].src, "指標名");
		check_src(&g, m->kpis[i].unit, m->kpis[i].src, "単位");
	}
	for (size_t i = 0; i < m->nmilestones; i++) {
		check_src(&g, m->milestones[i].id, m->milestones[i].src, "マイルストーンID");
		check_src(&g, m->milestones[i].description, m->milestones[i].src, "内容");
	}
	/* the error appendix shows what the records hold */
	for (size_t i = 0; i < n; i++) {
		const struct diag *e = &d->v[i];

		check_text(&g, e->value, e->file, e->sheet, e->row, e->column);
		check_text(&g, e->file, e->file, e->sheet, e->row, e->column);
		check_text(&g, e->sheet, e->file, e->sheet, e->row, e->column);
	}
	hmap_release(&g.seen);
	arena_release(&g.arena);
}

const struct output output_review = {
	.what = "レビュー資料（PDF）",
	.stage = "pdf",
	.plan = pdf_plan_new,
	.count = pdf_plan_count,
	.write = pdf_plan_write,
	.free = pdf_plan_free,
	.check = check_glyphs,
};
