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
#include "names.h"
#include "pdf_draw.h"
#include "period.h"
#include "out_review.h"
#include "out_summary.h"
#include "utf8.h"

#define INK 0x1A1A1A
#define GREY 0x595959
#define NAVY 0x1F3864
#define ACCENT 0x305496
#define TARGET 0xC00000
#define BODY 9.0
#define SMALL 7.6

struct toc_entry {
	char *title;
	int level;
	size_t page; /* index into p->pages */
	double y;
};

struct pack {
	const struct model *m;
	const struct result *r;
	const struct result *prev;
	const struct diags *d;
	const struct review_template *t;
	const char *errors_csv; /* its file name, for the appendix */
	const char *summary;    /* the summary workbook's, for lists cut short */
	long dept;              /* -1: the whole city */
	struct pdf p;
	double cw; /* content width */
	struct toc_entry *toc;
	size_t ntoc, cap_toc;
	size_t toc_first, toc_pages; /* the reserved contents pages */
	HPDF_Outline dept_outline;   /* "部別の状況" */
	char title[256], period[128];
};

/* ---- scope */

static bool division_in(const struct pack *k, size_t d)
{
	return k->dept < 0 || k->m->divisions[d].dept == (size_t)k->dept;
}

static bool measure_in(const struct pack *k, size_t i)
{
	return division_in(k, k->m->measures[i].lead);
}

static const char *division_name(const struct pack *k, size_t d)
{
	return k->m->divisions[d].name;
}

/* ---- helpers */

static void num(double v, char *buf, size_t n)
{
	/* 1,234,567 or 12.5 */
	char raw[64], *dot;
	size_t len, i, o = 0;
	bool neg = v < 0;

	snprintf(raw, sizeof(raw), "%.1f", fabs(v));
	if ((dot = strstr(raw, ".0")) && dot[2] == '\0')
		*dot = '\0';
	dot = strchr(raw, '.');
	len = dot ? (size_t)(dot - raw) : strlen(raw);
	if (neg && o + 1 < n)
		buf[o++] = '-';
	for (i = 0; i < len && o + 2 < n; i++) {
		buf[o++] = raw[i];
		if ((len - i - 1) % 3 == 0 && i + 1 < len)
			buf[o++] = ',';
	}
	for (; raw[i] && o + 1 < n; i++)
		buf[o++] = raw[i];
	buf[o] = '\0';
}

static void pct(double fraction, char *buf, size_t n)
{
	snprintf(buf, n, "%.1f%%", round(fraction * 1000) / 10 + 0.0);
}

static void code(int p, char *buf)
{
	period_code(p, buf);
}

static void toc_add(struct pack *k, const char *title, int level)
{
	struct toc_entry *e;

	xgrow((void **)&k->toc, &k->cap_toc, k->ntoc + 1, sizeof(*k->toc));
	e = &k->toc[k->ntoc++];
	e->title = xstrdup(title);
	e->level = level;
	e->page = k->p.npages - 1;
	e->y = k->p.y;
}

/* A section's first page: its heading, a bookmark and a contents entry. */
static HPDF_Outline section_start(struct pack *k, const char *title, HPDF_Outline parent, int level,
				  bool new_page)
{
	struct pdf *p = &k->p;
	HPDF_Outline o;

	if (new_page)
		pdf_page(p, true);
	else
		pdf_need(p, 80);
	toc_add(k, title, level);
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

static void note(struct pack *k, const char *text)
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
static double axis_step(double max)
{
	static const double steps[] = {0.01, 0.02, 0.025, 0.05, 0.1, 0.2, 0.25, 0.5, 1};

	for (size_t i = 0; i < ARRAY_LEN(steps); i++)
		if (max / steps[i] <= 6)
			return steps[i];
	return 1;
}

/* Horizontal bars of rates against a dashed target line. */
static void chart_bars(struct pack *k, const char *title, const struct bar *bars, size_t n,
		       double target)
{
	struct pdf *p = &k->p;
	double label_w = 110, row = 16, top, x0, w, scale = target * 1.25;

	for (size_t i = 0; i < n; i++)
		if (bars[i].has && bars[i].value * 1.1 > scale)
			scale = bars[i].value * 1.1;
	if (scale <= 0)
		scale = 1;
	{
		double step = axis_step(scale);

		scale = ceil(scale / step - 1e-9) * step;
	}
	pdf_need(p, 40 + n * row + 40);
	pdf_text(p, p->ml, p->y + 11, 10.5, NAVY, title);
	p->y += 30;
	top = p->y;
	x0 = p->ml + label_w;
	w = k->cw - label_w - 40;
	/* the scale: grid lines at round percentages */
	{
		double step = axis_step(scale);

		for (double g = 0; g <= scale + 1e-9; g += step) {
			char lab[32];
			double gx = x0 + w * g / scale;

			pdf_line(p, gx, top - 2, gx, top + n * row, 0.3, 0xD9D9D9, false);
			pct(g, lab, sizeof(lab));
			pdf_text_aligned(p, gx - 20, 40, top + n * row + 10, 7, GREY, PDF_CENTER,
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
		pdf_rect(p, x0, y + 2, w * bars[i].value / scale, row - 5, ACCENT);
		pct(bars[i].value, v, sizeof(v));
		pdf_text(p, x0 + w * bars[i].value / scale + 4, y + 10.5, 8, INK, v);
	}
	pdf_line(p, x0, top - 2, x0, top + n * row, 0.6, GREY, false);
	{
		double tx = x0 + w * target / scale;
		char v[48], lab[64];

		pdf_line(p, tx, top - 6, tx, top + n * row + 2, 1.2, TARGET, true);
		pct(target, v, sizeof(v));
		snprintf(lab, sizeof(lab), "目標 %s", v);
		pdf_text_aligned(p, tx - 40, 80, top - 9, 8, TARGET, PDF_CENTER, lab);
	}
	p->y = top + n * row + 24;
}

/* The rate over the periods, with the target line. */
static void chart_trend(struct pack *k, const char *title, const int *periods, const struct kgi *v,
			size_t n, double target)
{
	struct pdf *p = &k->p;
	double h = 130, left = p->ml + 40, w = k->cw - 60, top, scale = target * 1.25;

	for (size_t i = 0; i < n; i++)
		if (v[i].rate * 1.1 > scale)
			scale = v[i].rate * 1.1;
	scale = ceil(scale / axis_step(scale) - 1e-9) * axis_step(scale);
	pdf_need(p, h + 60);
	pdf_text(p, p->ml, p->y + 11, 10.5, NAVY, title);
	p->y += 22;
	top = p->y;
	for (double g = 0; g <= scale + 1e-9; g += axis_step(scale)) {
		double gy = top + h - h * g / scale;
		char lab[32];

		pdf_line(p, left, gy, left + w, gy, 0.3, 0xD9D9D9, false);
		pct(g, lab, sizeof(lab));
		pdf_text_aligned(p, p->ml, 36, gy + 3, 7, GREY, PDF_RIGHT, lab);
	}
	{
		double ty = top + h - h * target / scale;

		pdf_line(p, left, ty, left + w, ty, 1.1, TARGET, true);
		pdf_text(p, left + w - 40, ty - 4, 7.5, TARGET, "目標");
	}
	for (size_t i = 0; i < n; i++) {
		double x = left + (n == 1 ? w / 2 : w * i / (n - 1.0));
		double y = top + h - h * (v[i].rate > 0 ? v[i].rate : 0) / scale;
		char c[PERIOD_CODE_MAX], lab[32];

		if (i > 0 && v[i - 1].rate >= 0 && v[i].rate >= 0) {
			double px = left + w * (i - 1) / (n - 1.0);
			double py = top + h - h * v[i - 1].rate / scale;

			pdf_line(p, px, py, x, y, 1.6, ACCENT, false);
		}
		code(periods[i], c);
		pdf_text_aligned(p, x - 30, 60, top + h + 12, 7.5, INK, PDF_CENTER, c);
		if (v[i].rate < 0)
			continue;
		pdf_dot(p, x, y, 2.6, ACCENT);
		pct(v[i].rate, lab, sizeof(lab));
		pdf_text_aligned(p, x - 30, 60, y - 6, 7.5, INK, PDF_CENTER, lab);
	}
	p->y = top + h + 28;
}

/* Measures by status, stacked in one bar. */
static void stacked(struct pack *k, const struct counts *c)
{
	struct pdf *p = &k->p;
	double x = p->ml, w = k->cw, h = 14;

	pdf_need(p, h + 24);
	if (c->nmeasures == 0) {
		note(k, "施策はありません。");
		return;
	}
	for (size_t i = 0; i < ARRAY_LEN(status_measure_order); i++) {
		enum status st = status_measure_order[i];
		double sw = w * c->measures[st] / c->nmeasures;

		if (c->measures[st] == 0)
			continue;
		pdf_rect(p, x, p->y, sw, h, k->m->settings->colours[st].chart);
		if (sw > 34) {
			char lab[48];

			snprintf(lab, sizeof(lab), "%s %d", status_word(st), c->measures[st]);
			pdf_text_aligned(p, x, sw, p->y + 10, 7.5,
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

	sb_addf(&sb, "施策 %d 件（", c->nmeasures);
	for (size_t i = 0; i < ARRAY_LEN(status_measure_order); i++) {
		enum status st = status_measure_order[i];

		if (!c->measures[st])
			continue;
		sb_addf(&sb, "%s%s %d", first ? "" : "・", status_word(st), c->measures[st]);
		first = false;
	}
	sb_addf(&sb, "）、KPI %d 件", c->nkpis);
	if (c->share >= 0) {
		char v[32];

		pct(c->share, v, sizeof(v));
		sb_addf(&sb, "（順調・達成 %s）", v);
	}
	sb_addf(&sb, "、マイルストーン %d 件", c->nmilestones);
	note(k, sb_str(&sb));
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
	pdf_text_aligned(p, mid, w, 300, 18, INK, PDF_CENTER, m->settings->city);
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

		pct(g->rate, v, sizeof(v));
		pct(k->r->params.kgi_target, t, sizeof(t));
		sb_addf(&sb, "%s　（目標 %s）", v, t);
	} else {
		sb_adds(&sb, "基準業務量がないため算出できません");
	}
	pdf_text_aligned(p, mid, w, 458, g->rate >= 0 ? 22 : 12, NAVY, PDF_CENTER, sb_str(&sb));
	sb_reset(&sb);
	{
		char h1[48], h2[48];

		num(g->hours_saved, h1, sizeof(h1));
		num(g->baseline_hours, h2, sizeof(h2));
		sb_addf(&sb, "削減時間 %s 時間 ／ 基準業務量 %s 時間", h1, h2);
	}
	pdf_text_aligned(p, mid, w, 480, 9.5, GREY, PDF_CENTER, sb_str(&sb));
	sb_reset(&sb);
	sb_addf(&sb, "データの基準日: %d年%d月%d日（%s末までの提出）", y, mo, day,
		q == 4 ? "第4四半期"
		       : (const char *[]){"", "第1四半期", "第2四半期", "第3四半期"}[q]);
	pdf_text_aligned(p, mid, w, 560, 9.5, INK, PDF_CENTER, sb_str(&sb));
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
			n += k->m->departments[k->dept].ndivisions;
		else if (k->t->sections[i].id == SEC_DEPARTMENTS)
			for (size_t d = 0; d < k->m->ndepartments; d++)
				n += 1 + k->m->departments[d].ndivisions;
		if (k->t->sections[i].id == SEC_PILLARS)
			n += k->m->settings->npillars;
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

	section_start(k, s->title, NULL, 0, true);
	pct(r->params.kgi_target, t, sizeof(t));
	if (g->rate >= 0) {
		pct(g->rate, v, sizeof(v));
		pdf_text(p, p->ml, p->y + 26, 11, GREY, "業務量削減率");
		pdf_text(p, p->ml + 80, p->y + 28, 26, NAVY, v);
		sb_addf(&sb, "目標 %s まで あと %.1f ポイント", t,
			round((r->params.kgi_target - g->rate) * 1000) / 10 > 0
				? round((r->params.kgi_target - g->rate) * 1000) / 10
				: 0.0);
		pdf_text(p, p->ml + 80 + pdf_width(p, v, 26) + 16, p->y + 26, 11, INK, sb_str(&sb));
		p->y += 40;
	}
	num(g->hours_saved, h1, sizeof(h1));
	num(g->baseline_hours, h2, sizeof(h2));
	sb_reset(&sb);
	sb_addf(&sb,
		"削減時間 %s 時間 ÷ 基準業務量 %s 時間（基準業務量のある課の合計。各課の取組ごとに %s までの最新の報告）。",
		h1, h2, k->period);
	note(k, sb_str(&sb));
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
	{
		struct kgi *trend = xcalloc(r->ntrend + 1, sizeof(*trend));

		for (size_t i = 0; i < r->ntrend; i++)
			trend[i] = k->dept < 0 ? r->trend_city[i]
					       : r->trend_departments[i * m->ndepartments +
								      (size_t)k->dept];
		chart_trend(k, "業務量削減率の推移", r->trend, trend, r->ntrend,
			    r->params.kgi_target);
		free(trend);
	}
	{
		const struct counts *c = k->dept < 0 ? &r->city : &r->departments[k->dept];

		pdf_need(p, 60);
		pdf_text(p, p->ml, p->y + 11, 10.5, NAVY, "施策の状況");
		p->y += 18;
		stacked(k, c);
		counts_line(k, c);
	}
	sb_release(&sb);
}

/* ---- 施策の3本柱 */

static void measures_table(struct pack *k, const size_t *ids, size_t n, bool with_division)
{
	static const struct pdf_column cols_div[] = {
		{"施策ID", 46, PDF_LEFT, true}, {"施策名", 205, PDF_LEFT, false}, {"主担当課", 84, PDF_LEFT, false},
		{"前期", 56, PDF_LEFT, false},   {"状況", 56, PDF_LEFT, false},    {"KPI・MS", 56, PDF_RIGHT, false}};
	struct pdf_table t;

	(void)with_division;
	pdf_table_start(&t, &k->p, cols_div, ARRAY_LEN(cols_div), SMALL + 0.4);
	for (size_t i = 0; i < n; i++) {
		const struct measure *ms = &k->m->measures[ids[i]];
		char cnt[32];
		struct pdf_cell c[6] = {{0}};

		snprintf(cnt, sizeof(cnt), "%zu・%zu", ms->nkpis, ms->nmilestones);
		c[0].text = ms->id;
		c[1].text = ms->name;
		c[2].text = division_name(k, ms->lead);
		c[3].kind = PDF_CELL_STATUS;
		c[3].status = k->prev->measures[ids[i]];
		c[4].kind = PDF_CELL_STATUS;
		c[4].status = k->r->measures[ids[i]];
		c[5].text = cnt;
		pdf_table_row(&t, c);
	}
	pdf_table_end(&t);
}

static void section_pillars(struct pack *k, const struct section *s)
{
	const struct model *m = k->m;
	HPDF_Outline top = section_start(k, s->title, NULL, 0, true);
	size_t *ids = xmalloc((m->nmeasures + 1) * sizeof(size_t));

	for (size_t pl = 0; pl < m->settings->npillars; pl++) {
		struct counts c = {0};
		size_t n = 0;

		for (size_t i = 0; i < m->nmeasures; i++) {
			if (m->measures[i].pillar != (int)pl || !measure_in(k, i))
				continue;
			ids[n++] = i;
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
		section_start(k, m->settings->pillars[pl].name, top, 1, false);
		stacked(k, &c);
		counts_line(k, &c);
		if (n)
			measures_table(k, ids, n, true);
		k->p.y += 6;
	}
	free(ids);
}

/* ---- one department */

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
	section_start(k, sb_str(&sb), parent, 2, false);
	sb_reset(&sb);
	if (g->rate >= 0) {
		char v[32], h1[48], h2[48];

		pct(g->rate, v, sizeof(v));
		num(g->hours_saved, h1, sizeof(h1));
		num(g->baseline_hours, h2, sizeof(h2));
		sb_addf(&sb, "業務量削減率 %s（削減 %s 時間 ／ 基準 %s 時間）", v, h1, h2);
	} else {
		char h1[48];

		num(g->hours_saved, h1, sizeof(h1));
		sb_addf(&sb, "基準業務量なし（削減 %s 時間は削減率に数えません）", h1);
	}
	if (missing)
		sb_addf(&sb, "。%s の提出がありません（未提出）", k->period);
	note(k, sb_str(&sb));
	if (dv->nmeasures == 0) {
		note(k, "この課が主担当の施策はありません。");
		goto out;
	}
	{
		static const struct pdf_column cols[] = {{"施策ID", 44, PDF_LEFT, true},
							 {"施策名", 150, PDF_LEFT, false},
							 {"状況", 52, PDF_LEFT, false},
							 {"判定理由", 257, PDF_LEFT, false}};
		struct pdf_table t;

		pdf_table_start(&t, &k->p, cols, ARRAY_LEN(cols), SMALL);
		for (size_t i = 0; i < dv->nmeasures; i++) {
			size_t id = dv->measures[i];
			struct pdf_cell c[4] = {{0}};

			explain_measure(m, k->r, id, &why);
			c[0].text = m->measures[id].id;
			c[1].text = m->measures[id].name;
			c[2].kind = PDF_CELL_STATUS;
			c[2].status = k->r->measures[id];
			c[3].text = sb_str(&why);
			pdf_table_row(&t, c);
			sb_reset(&why);
		}
		pdf_table_end(&t);
	}
	{
		static const struct pdf_column cols[] = {
			{"KPI", 40, PDF_LEFT, true},           {"指標名", 150, PDF_LEFT, false},
			{"実績 ／ 目標", 92, PDF_RIGHT, false}, {"進捗（｜は期待進捗）", 121, PDF_LEFT, false},
			{"前期", 50, PDF_LEFT, false},          {"状況", 50, PDF_LEFT, false}};
		struct pdf_table t;
		bool any = false;

		for (size_t i = 0; i < dv->nmeasures && !any; i++)
			any = m->measures[dv->measures[i]].nkpis > 0;
		if (any) {
			pdf_table_start(&t, &k->p, cols, ARRAY_LEN(cols), SMALL);
			for (size_t i = 0; i < dv->nmeasures; i++) {
				const struct measure *ms = &m->measures[dv->measures[i]];

				for (size_t j = 0; j < ms->nkpis; j++) {
					size_t kk = ms->kpis[j];
					const struct kpi *kp = &m->kpis[kk];
					const struct kpi_result *kr = &k->r->kpis[kk];
					struct pdf_cell c[6] = {{0}};
					char a[48], tg[48];
					struct strbuf av = STRBUF_INIT;

					num(kp->target, tg, sizeof(tg));
					if (kr->actual) {
						num(kr->actual->value, a, sizeof(a));
						sb_addf(&av, "%s ／ %s%s", a, tg,
							kp->unit ? kp->unit : "");
					} else {
						sb_addf(&av, "— ／ %s%s", tg,
							kp->unit ? kp->unit : "");
					}
					c[0].text = kp->id;
					c[1].text = kp->name;
					c[2].text = sb_str(&av);
					c[3].kind = PDF_CELL_PROGRESS;
					c[3].has_progress = kr->actual != NULL;
					c[3].progress = kr->progress;
					c[3].expected = kr->expected;
					c[3].status = kr->status;
					c[4].kind = PDF_CELL_STATUS;
					c[4].status = k->prev->kpis[kk].status;
					c[5].kind = PDF_CELL_STATUS;
					c[5].status = kr->status;
					pdf_table_row(&t, c);
					sb_release(&av);
				}
			}
			pdf_table_end(&t);
		}
	}
	{
		static const struct pdf_column cols[] = {{"ID", 50, PDF_LEFT, true},
							 {"マイルストーン", 241, PDF_LEFT, false},
							 {"期限", 52, PDF_LEFT, false},
							 {"最新の報告", 108, PDF_LEFT, false},
							 {"状況", 52, PDF_LEFT, false}};
		struct pdf_table t;
		bool any = false;

		for (size_t i = 0; i < dv->nmeasures && !any; i++)
			any = m->measures[dv->measures[i]].nmilestones > 0;
		if (any) {
			pdf_table_start(&t, &k->p, cols, ARRAY_LEN(cols), SMALL);
			for (size_t i = 0; i < dv->nmeasures; i++) {
				const struct measure *ms = &m->measures[dv->measures[i]];

				for (size_t j = 0; j < ms->nmilestones; j++) {
					size_t id = ms->milestones[j];
					const struct milestone_result *mr = &k->r->milestones[id];
					struct pdf_cell c[5] = {{0}};
					char due[PERIOD_CODE_MAX], rp[PERIOD_CODE_MAX];
					struct strbuf last = STRBUF_INIT;

					code(m->milestones[id].due, due);
					if (mr->report) {
						code(mr->report->period, rp);
						sb_addf(&last, "%s %s", rp,
							status_word(mr->report->status));
						if (mr->report->has_progress)
							sb_addf(&last, " %.0f%%",
								mr->report->progress);
					} else {
						sb_adds(&last, "報告なし");
					}
					c[0].text = m->milestones[id].id;
					c[1].text = m->milestones[id].description;
					c[2].text = due;
					c[3].text = sb_str(&last);
					c[4].kind = PDF_CELL_STATUS;
					c[4].status = mr->status;
					pdf_table_row(&t, c);
					sb_release(&last);
				}
			}
			pdf_table_end(&t);
		}
	}
out:
	k->p.y += 4;
	sb_release(&sb);
	sb_release(&why);
}

static void department(struct pack *k, size_t dept, HPDF_Outline parent, int level)
{
	const struct model *m = k->m;
	const struct department *de = &m->departments[dept];
	const struct kgi *g = &k->r->kgi_departments[dept];
	HPDF_Outline o = parent;
	struct strbuf sb = STRBUF_INIT;

	if (k->dept < 0)
		o = section_start(k, de->name, parent, level, true);
	if (g->rate >= 0) {
		char v[32];

		pct(g->rate, v, sizeof(v));
		sb_addf(&sb, "部の業務量削減率 %s。", v);
	}
	sb_addf(&sb, "課 %zu。", de->ndivisions);
	note(k, sb_str(&sb));
	stacked(k, &k->r->departments[dept]);
	counts_line(k, &k->r->departments[dept]);
	for (size_t i = 0; i < de->ndivisions; i++)
		division_block(k, de->divisions[i], o);
	sb_release(&sb);
}

static void section_departments(struct pack *k, const struct section *s)
{
	HPDF_Outline top;

	if (k->dept >= 0) {
		/* a department's own pack: the section is that department */
		top = section_start(k, s->title, NULL, 0, true);
		department(k, (size_t)k->dept, top, 1);
		return;
	}
	top = section_start(k, s->title, NULL, 0, true);
	note(k, "部ごとの一覧です。次のページから、部ごとに課の施策・KPI・マイルストーンを載せています。");
	{
		static const struct pdf_column cols[] = {
			{"部", 96, PDF_LEFT, false},          {"課", 30, PDF_RIGHT, false},
			{"施策", 34, PDF_RIGHT, false},       {"遅延", 34, PDF_RIGHT, false},
			{"注意", 34, PDF_RIGHT, false},       {"未報告", 40, PDF_RIGHT, false},
			{"順調・達成", 52, PDF_RIGHT, false}, {"KPI 順調・達成", 70, PDF_RIGHT, false},
			{"削減率", 50, PDF_RIGHT, false},     {"未提出", 63, PDF_RIGHT, false}};
		struct pdf_table t;

		pdf_table_start(&t, &k->p, cols, ARRAY_LEN(cols), SMALL + 0.4);
		for (size_t i = 0; i < k->m->ndepartments; i++) {
			const struct counts *c = &k->r->departments[i];
			char v[10][32];
			struct pdf_cell cell[10] = {{0}};
			size_t miss = 0;

			for (size_t j = 0; j < k->r->nmissing; j++)
				miss += k->m->divisions[k->r->missing[j]].dept == i;
			snprintf(v[1], 32, "%zu", k->m->departments[i].ndivisions);
			snprintf(v[2], 32, "%d", c->nmeasures);
			snprintf(v[3], 32, "%d", c->measures[ST_DELAYED]);
			snprintf(v[4], 32, "%d", c->measures[ST_AT_RISK]);
			snprintf(v[5], 32, "%d", c->measures[ST_NOT_REPORTED]);
			snprintf(v[6], 32, "%d",
				 c->measures[ST_ON_TRACK] + c->measures[ST_ACHIEVED]);
			if (c->share >= 0)
				pct(c->share, v[7], 32);
			else
				snprintf(v[7], 32, "—");
			if (k->r->kgi_departments[i].rate >= 0)
				pct(k->r->kgi_departments[i].rate, v[8], 32);
			else
				snprintf(v[8], 32, "—");
			snprintf(v[9], 32, "%zu 課", miss);
			cell[0].text = k->m->departments[i].name;
			for (int j = 1; j < 10; j++)
				cell[j].text = v[j];
			pdf_table_row(&t, cell);
		}
		pdf_table_end(&t);
	}
	for (size_t i = 0; i < k->m->ndepartments; i++)
		department(k, i, top, 1);
}

/* ---- the lists */

/* Whether a list that has shown rows may show one more (the section's limit). */
static bool list_room(const struct section *s, size_t shown)
{
	return s->limit < 0 || shown < (size_t)s->limit;
}

/* After a list cut short by its limit: how many were left out, and where all are. */
static bool list_cut(const struct section *s, size_t total)
{
	return s->limit >= 0 && total > (size_t)s->limit;
}

static void list_rest(struct pack *k, const struct section *s, size_t total, const char *where)
{
	struct strbuf sb = STRBUF_INIT;

	if (!list_cut(s, total))
		return;
	if (s->limit == 0)
		sb_addf(&sb, "%zu 件あります（ここには載せていません）。", total);
	else
		sb_addf(&sb, "ほかに %zu 件あります（最初の %ld 件だけを載せています）。",
			total - (size_t)s->limit, s->limit);
	sb_addf(&sb, "すべては %s %sにあります。", k->summary, where);
	k->p.y += 4;
	note(k, sb_str(&sb));
	sb_release(&sb);
}

static void section_worse(struct pack *k, const struct section *s)
{
	static const struct pdf_column cols[] = {{"種類", 70, PDF_LEFT, false},  {"ID", 48, PDF_LEFT, true},
						 {"名称", 185, PDF_LEFT, false}, {"課", 80, PDF_LEFT, false},
						 {"前期", 60, PDF_LEFT, false},  {"今期", 60, PDF_LEFT, false}};
	const struct model *m = k->m;
	struct pdf_table t;
	size_t n = 0;

	section_start(k, s->title, NULL, 0, true);
	note(k, "前期（1つ前の四半期）と同じ規則で判定した状況より、今期の状況が悪いものです。");
	pdf_table_start(&t, &k->p, cols, ARRAY_LEN(cols), SMALL);
	for (int kind = 0; kind < 3; kind++) {
		size_t count = kind == 0 ? m->nmeasures : kind == 1 ? m->nkpis : m->nmilestones;

		for (size_t i = 0; i < count; i++) {
			enum status now, before;
			size_t measure;
			struct pdf_cell c[6] = {{0}};

			if (kind == 0) {
				now = k->r->measures[i];
				before = k->prev->measures[i];
				measure = i;
			} else if (kind == 1) {
				now = k->r->kpis[i].status;
				before = k->prev->kpis[i].status;
				measure = m->kpis[i].measure;
			} else {
				now = k->r->milestones[i].status;
				before = k->prev->milestones[i].status;
				measure = m->milestones[i].measure;
			}
			if (!measure_in(k, measure) || status_rank(now) <= status_rank(before))
				continue;
			c[0].text = kind == 0 ? "施策" : kind == 1 ? "KPI" : "マイルストーン";
			c[1].text = kind == 0   ? m->measures[i].id
				    : kind == 1 ? m->kpis[i].id
						: m->milestones[i].id;
			c[2].text = kind == 0   ? m->measures[i].name
				    : kind == 1 ? m->kpis[i].name
						: m->milestones[i].description;
			c[3].text = division_name(k, m->measures[measure].lead);
			c[4].kind = c[5].kind = PDF_CELL_STATUS;
			c[4].status = before;
			c[5].status = now;
			if (list_room(s, n))
				pdf_table_row(&t, c);
			n++;
		}
	}
	pdf_table_end(&t);
	if (!n)
		note(k, "前期から悪化したものはありません。");
	list_rest(k, s, n, "のシート「施策一覧」「KPI一覧」「マイルストーン」の「前期状況」の列");
}

static void section_overdue(struct pack *k, const struct section *s)
{
	static const struct pdf_column cols[] = {
		{"ID", 50, PDF_LEFT, true},   {"内容", 190, PDF_LEFT, false},      {"課", 80, PDF_LEFT, false},
		{"期限", 50, PDF_LEFT, false}, {"最新の報告", 80, PDF_LEFT, false}, {"状況", 53, PDF_LEFT, false}};
	const struct model *m = k->m;
	struct pdf_table t;
	size_t n = 0;

	section_start(k, s->title, NULL, 0, true);
	pdf_table_start(&t, &k->p, cols, ARRAY_LEN(cols), SMALL);
	for (size_t i = 0; i < m->nmilestones; i++) {
		const struct milestone_result *mr = &k->r->milestones[i];
		struct pdf_cell c[6] = {{0}};
		char due[PERIOD_CODE_MAX], rp[PERIOD_CODE_MAX];
		struct strbuf last = STRBUF_INIT;

		if (mr->status != ST_DELAYED || m->milestones[i].due >= k->r->period ||
		    !measure_in(k, m->milestones[i].measure))
			continue;
		code(m->milestones[i].due, due);
		if (mr->report) {
			code(mr->report->period, rp);
			sb_addf(&last, "%s %s", rp, status_word(mr->report->status));
		} else {
			sb_adds(&last, "報告なし");
		}
		c[0].text = m->milestones[i].id;
		c[1].text = m->milestones[i].description;
		c[2].text = division_name(k, m->measures[m->milestones[i].measure].lead);
		c[3].text = due;
		c[4].text = sb_str(&last);
		c[5].kind = PDF_CELL_STATUS;
		c[5].status = mr->status;
		if (list_room(s, n))
			pdf_table_row(&t, c);
		sb_release(&last);
		n++;
	}
	pdf_table_end(&t);
	if (!n)
		note(k, "期限を過ぎたマイルストーンはありません。");
	list_rest(k, s, n, "のシート「マイルストーン」");
}

static void section_missing(struct pack *k, const struct section *s)
{
	static const struct pdf_column cols[] = {
		{"課コード", 60, PDF_LEFT, true},  {"部", 100, PDF_LEFT, false},
		{"課", 120, PDF_LEFT, false},       {"KPI", 50, PDF_RIGHT, false},
		{"未完了MS", 60, PDF_RIGHT, false}, {"最後の提出", 113, PDF_LEFT, false}};
	const struct model *m = k->m;
	struct pdf_table t;
	size_t n = 0;

	section_start(k, s->title, NULL, 0, true);
	note(k, "KPI か未完了のマイルストーンを持ちながら、今期に採用された報告が1行もない課です。");
	pdf_table_start(&t, &k->p, cols, ARRAY_LEN(cols), SMALL + 0.4);
	for (size_t i = 0; i < k->r->nmissing; i++) {
		size_t d = k->r->missing[i];
		const struct division *dv = &m->divisions[d];
		struct pdf_cell c[6] = {{0}};
		char nk[16], nm[16], last[PERIOD_CODE_MAX] = "（なし）";
		size_t kpis = 0, open = 0;
		int lp = PERIOD_NONE;

		if (!division_in(k, d))
			continue;
		for (size_t j = 0; j < dv->nmeasures; j++) {
			const struct measure *ms = &m->measures[dv->measures[j]];

			kpis += ms->nkpis;
			for (size_t q = 0; q < ms->nmilestones; q++) {
				enum status st = k->r->milestones[ms->milestones[q]].status;

				open += st != ST_DONE && st != ST_CANCELLED;
			}
		}
		for (size_t j = 0; j < m->nsubmitted; j++)
			if (m->submitted[j].division == d && m->submitted[j].period <= k->r->period)
				lp = m->submitted[j].period;
		if (lp != PERIOD_NONE)
			code(lp, last);
		snprintf(nk, sizeof(nk), "%zu", kpis);
		snprintf(nm, sizeof(nm), "%zu", open);
		c[0].text = dv->code;
		c[1].text = m->departments[dv->dept].name;
		c[2].text = dv->name;
		c[3].text = nk;
		c[4].text = nm;
		c[5].text = last;
		if (list_room(s, n))
			pdf_table_row(&t, c);
		n++;
	}
	pdf_table_end(&t);
	if (!n)
		note(k, "未提出の課はありません。");
	list_rest(k, s, n, "のシート「未提出」");
}

static bool diag_in(const struct pack *k, const struct diag *g)
{
	size_t owners[8], n;

	if (k->dept < 0)
		return true;
	n = report_diag_owners(k->m, g, owners, ARRAY_LEN(owners));
	for (size_t i = 0; i < n; i++)
		if (division_in(k, owners[i]))
			return true;
	return false;
}

static void section_errors(struct pack *k, const struct section *s)
{
	static const struct pdf_column cols[] = {{"重要度", 38, PDF_LEFT, false},
						 {"場所", 150, PDF_LEFT, false},
						 {"値", 60, PDF_LEFT, false},
						 {"内容と直し方", 255, PDF_LEFT, false}};
	struct pdf_table t;
	size_t shown = 0, total = 0, errors = 0;
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < k->d->n; i++) {
		if (!diag_in(k, &k->d->v[i]))
			continue;
		total++;
		errors += diag_code_severity(k->d->v[i].code) == SEV_ERROR;
	}
	section_start(k, s->title, NULL, 0, true);
	sb_addf(&sb, "エラー %zu 件・警告 %zu 件。", errors, total - errors);
	if (list_cut(s, total))
		sb_addf(&sb,
			"ここには最初の %ld 件を載せています。残りの %zu 件を含むすべては %s を見てください。",
			s->limit, total - (size_t)s->limit, k->errors_csv);
	else
		sb_addf(&sb, "同じ内容は %s にもあります。", k->errors_csv);
	note(k, sb_str(&sb));
	if (total) {
		pdf_table_start(&t, &k->p, cols, ARRAY_LEN(cols), SMALL - 0.4);
		for (size_t i = 0; i < k->d->n && list_room(s, shown); i++) {
			const struct diag *g = &k->d->v[i];
			struct pdf_cell c[4] = {{0}};
			struct strbuf where = STRBUF_INIT, msg = STRBUF_INIT;

			if (!diag_in(k, g))
				continue;
			sb_adds(&where, g->file ? g->file : "");
			if (g->sheet)
				sb_addf(&where, " シート「%s」", g->sheet);
			if (g->row > 0)
				sb_addf(&where, " %d行目", g->row);
			if (g->column)
				sb_addf(&where, " 列「%s」", g->column);
			sb_addf(&msg, "[%s] %s", diag_code_name(g->code), g->message);
			c[0].text = diag_code_severity(g->code) == SEV_ERROR ? "エラー" : "警告";
			c[1].text = sb_str(&where);
			c[2].text = g->value;
			c[3].text = sb_str(&msg);
			pdf_table_row(&t, c);
			sb_release(&where);
			sb_release(&msg);
			shown++;
		}
		pdf_table_end(&t);
	}
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

	if (!pdf_open(p, font, cov, k->m->settings->colours, margins, err))
		return false;
	k->cw = p->pw - p->ml - p->mr;
	sb_addf(&head, "%s（%s%s%s）", k->t->title, k->m->settings->city, k->dept >= 0 ? " " : "",
		k->dept >= 0 ? k->m->departments[k->dept].name : "");
	pdf_header(p, sb_str(&head), k->period);
	pdf_info(p, sb_str(&head), k->period);
	cover(k);
	for (size_t i = 0; i < k->t->nsections; i++) {
		const struct section *s = &k->t->sections[i];

		switch (s->id) {
		case SEC_CONTENTS:
			contents_reserve(k, s->title);
			break;
		case SEC_KGI:
			section_kgi(k, s);
			break;
		case SEC_PILLARS:
			section_pillars(k, s);
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
	const struct ttf_coverage *cov;
	struct pdf_font font;
	char **paths; /* [1 + ndepartments]: the review pack, then each department's */
	size_t npaths;
	struct strbuf csv, summary;
};

struct pdf_plan *pdf_plan_new(const struct model *m, const struct result *r,
			      const struct result *prev, const struct diags *d,
			      const struct review_template *t, const struct ttf_coverage *cov,
			      const char *dir, struct strbuf *err)
{
	struct pdf_plan *pl = xcalloc(1, sizeof(*pl));
	struct pack *k = &pl->k;
	struct name_set names;
	char pc[PERIOD_CODE_MAX];
	struct strbuf path = STRBUF_INIT;

	k->m = m;
	k->r = r;
	k->prev = prev;
	k->d = d;
	k->t = t;
	k->dept = -1;
	pl->cov = cov;
	period_code(r->period, pc);
	sb_addf(&pl->csv, "errors_%s.csv", pc);
	sb_addf(&pl->summary, "summary_%s.xlsx", pc);
	report_titles(m, r->period, k->title, sizeof(k->title), k->period, sizeof(k->period));
	if (!pdf_font_prepare(&pl->font, t->font_path, err)) {
		pdf_plan_free(pl);
		return NULL;
	}
	/* every file name decided here, in one order, whoever writes the file */
	pl->npaths = 1 + m->ndepartments;
	pl->paths = xcalloc(pl->npaths, sizeof(*pl->paths));
	sb_addf(&path, "%s/review_%s.pdf", dir, pc);
	pl->paths[0] = sb_detach(&path);
	name_set_init(&names);
	for (size_t i = 0; i < m->ndepartments; i++) {
		struct strbuf base = STRBUF_INIT, tail = STRBUF_INIT;

		sb_addf(&path, "%s/departments/", dir);
		sb_addf(&base, "%s", m->departments[i].name);
		sb_addf(&tail, "_%s", pc);
		name_make_tail(&names, sb_str(&base), sb_str(&tail), ".pdf", &path);
		sb_release(&tail);
		pl->paths[1 + i] = sb_detach(&path);
		sb_release(&base);
	}
	name_set_release(&names);
	return pl;
}

size_t pdf_plan_count(const struct pdf_plan *pl)
{
	return pl->npaths;
}

bool pdf_plan_write(struct pdf_plan *pl, size_t i, struct strbuf *err)
{
	struct pack k = pl->k;

	k.errors_csv = sb_str(&pl->csv);
	k.summary = sb_str(&pl->summary);
	k.dept = i == 0 ? -1 : (long)(i - 1);
	return write_pack(&k, pl->paths[i], &pl->font, pl->cov, err);
}

void pdf_plan_free(struct pdf_plan *pl)
{
	if (!pl)
		return;
	for (size_t i = 0; i < pl->npaths; i++)
		free(pl->paths[i]);
	free(pl->paths);
	pdf_font_release(&pl->font);
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
					 "「%s」（U+%04X）は PDF のフォントにない文字のため、PDF では %s と表示します。",
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

void report_pdf_check_glyphs(const struct model *m, const struct ttf_coverage *cov, struct diags *d)
{
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
