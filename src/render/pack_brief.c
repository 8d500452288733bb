/*
 * pack_brief.c - 総括, the review pack's first page after the cover (contract
 * §4 "What the review pack must do"): the KGI against its pace in words, the
 * status counts now and at P − 1, the items that got worse, the items most
 * behind with their 対応策, the divisions that have not submitted, and the
 * restatements; one page whatever the size of the city, each list cut to
 * what fits with the rest counted and pointed to. Also the KGI's trend
 * against its pace line (the 概要 section draws it full size).
 */
#include "kaikaku.h"

#include <math.h>

#include "linebreak.h"
#include "number.h"
#include "pack.h"
#include "period.h"

#define BRIEF_TEXT 9.0
#define BRIEF_SMALL 8.0

/* The KGI of the pack's scope and its pace (the city's from the briefing; a
 * department's by the same rule). */
static void scope_pace(const struct pack *k, const struct kgi **g, struct kgi_pace *kp)
{
	const struct briefing *b = k->in->b;
	const struct settings *s = k->in->s;

	if (k->dept < 0) {
		*g = &k->r->kgi;
		*kp = b->kgi;
		return;
	}
	*g = &k->r->kgi_departments[k->dept];
	kgi_pace((*g)->rate, s->kgi_target, k->r->period, b->start, b->due, s->on_track_factor,
		 s->at_risk_factor, kp);
}

/* A heading inside the page: a bar and the title, with a count after it. */
static void brief_heading(struct pack *k, const char *title, const char *after)
{
	struct pdf *p = &k->p;

	p->y += 6;
	pdf_rect(p, p->ml, p->y, 3.5, 14, ACCENT);
	pdf_text(p, p->ml + 9, p->y + 11.5, 11, NAVY, title);
	if (after && *after)
		pdf_text(p, p->ml + 13 + pdf_width(p, title, 11), p->y + 11.5, BRIEF_TEXT, INK,
			 after);
	p->y += 20;
}

/* A status's mark and word in its colours, w wide, at (x, y) (the box's top). */
static void mark_badge(struct pack *k, double x, double y, double w, double h, enum status st)
{
	struct pdf *p = &k->p;
	const struct status_colours *c = &k->in->s->colours[st];
	char lab[48];

	pdf_rect(p, x, y, w, h, c->fill);
	snprintf(lab, sizeof(lab), "%s %s", present_status_mark(st), status_word(st));
	pdf_text_aligned(p, x, w, y + h / 2 + 3, BRIEF_SMALL, c->text, PDF_CENTER, lab);
}

/* ---- the KGI in words */

static void brief_kgi(struct pack *k)
{
	struct pdf *p = &k->p;
	const struct briefing *b = k->in->b;
	const struct kgi *g;
	struct kgi_pace kp;
	struct strbuf sb = STRBUF_INIT, due = STRBUF_INIT, head = STRBUF_INIT, clean = STRBUF_INIT;
	char rate[PRESENT_MAX], exp[PRESENT_MAX], tgt[PRESENT_MAX];
	double top = p->y, h;
	struct lines l = {0};

	scope_pace(k, &g, &kp);
	present_period_due(b->due, &due);
	present_percent(kp.target, tgt);
	present_percent(kp.expected, exp);
	if (kp.has_rate) {
		present_percent(kp.rate, rate);
		sb_addf(&head, "期待 %s ／ 目標 %s（%s）", exp, tgt, sb_str(&due));
	}
	present_kgi_sentence(&kp, k->r->period, b->due, &sb);
	pdf_clean(p, sb_str(&sb), &clean);
	pdf_wrap(p, sb_str(&clean), k->cw - 20, 10, &l);
	h = 56 + (double)l.n * 14;
	pdf_rect(p, p->ml, top, k->cw, h, 0xF2F5FA);
	pdf_frame(p, p->ml, top, k->cw, h, 0.6, ACCENT);
	pdf_text(p, p->ml + 10, top + 16, BRIEF_TEXT, GREY,
		 k->dept < 0 ? "KGI 業務量削減率（市全体）" : "KGI 業務量削減率（この部）");
	if (!kp.has_rate) {
		pdf_text(p, p->ml + 10, top + 42, 13, NAVY, "基準業務量がないため算出できません");
	} else {
		double x = p->ml + 10;

		pdf_text(p, x, top + 46, 24, NAVY, rate);
		x += pdf_width(p, rate, 24) + 10;
		mark_badge(k, x, top + 28, 58, 20, kp.status);
		pdf_text(p, x + 68, top + 43, 10.5, INK, sb_str(&head));
	}
	for (size_t i = 0; i < l.n; i++) {
		struct strbuf line = STRBUF_INIT;

		sb_add(&line, sb_str(&clean) + l.v[i].start, l.v[i].len);
		pdf_text(p, p->ml + 10, top + 68 + (double)i * 14, 10, INK, sb_str(&line));
		sb_release(&line);
	}
	p->y = top + h + 4;
	lines_release(&l);
	sb_release(&sb);
	sb_release(&due);
	sb_release(&head);
	sb_release(&clean);
}

/* ---- the counts now and at P − 1 */

static void brief_counts(struct pack *k)
{
	struct pdf *p = &k->p;
	const struct counts *now = k->dept < 0 ? &k->r->city : &k->r->departments[k->dept];
	const struct counts *before = k->dept < 0 ? &k->prev->city : &k->prev->departments[k->dept];
	static const enum status cols[] = {ST_DELAYED,     ST_AT_RISK,     ST_NOT_REPORTED,
					   ST_NOT_STARTED, ST_IN_PROGRESS, ST_ON_TRACK,
					   ST_ACHIEVED,    ST_DONE,        ST_CANCELLED};
	static const char *const rows[] = {"施策", "KPI", "マイルストーン"};
	double label_w = 78, cw = (k->cw - label_w) / ARRAY_LEN(cols), hh = 16, rh = 24;
	double top;

	brief_heading(k, "状況の件数", "（上: 今期　下: 前四半期からの増減）");
	top = p->y;
	for (size_t c = 0; c < ARRAY_LEN(cols); c++)
		mark_badge(k, p->ml + label_w + c * cw + 1, top, cw - 2, hh, cols[c]);
	for (size_t r = 0; r < ARRAY_LEN(rows); r++) {
		const int *n = r == 0 ? now->measures : r == 1 ? now->kpis : now->milestones;
		const int *b = r == 0   ? before->measures
			       : r == 1 ? before->kpis
					: before->milestones;
		double y = top + hh + r * rh;

		if (r % 2)
			pdf_rect(p, p->ml, y, k->cw, rh, 0xF5F5F5);
		pdf_text(p, p->ml + 4, y + 15, BRIEF_TEXT, INK, rows[r]);
		for (size_t c = 0; c < ARRAY_LEN(cols); c++) {
			enum status st = cols[c];
			bool can = r == 0 ||
				   (r == 1 &&
				    (st == ST_ACHIEVED || st == ST_ON_TRACK || st == ST_AT_RISK ||
				     st == ST_DELAYED || st == ST_NOT_REPORTED)) ||
				   (r == 2 &&
				    (st == ST_NOT_STARTED || st == ST_IN_PROGRESS ||
				     st == ST_DONE || st == ST_DELAYED || st == ST_CANCELLED));
			double x = p->ml + label_w + c * cw;
			char v[PRESENT_MAX], d[PRESENT_MAX];

			if (!can) {
				pdf_text_aligned(p, x, cw, y + 15, BRIEF_SMALL, GREY, PDF_CENTER,
						 "―");
				continue;
			}
			pdf_text_aligned(p, x, cw, y + 11, BRIEF_TEXT, INK, PDF_CENTER,
					 present_count(n[st], v));
			present_change((long long)n[st] - b[st], d);
			/* worse statuses up, better ones down: red where it hurts */
			pdf_text_aligned(p, x, cw, y + 21, BRIEF_SMALL,
					 n[st] > b[st] && (st == ST_DELAYED || st == ST_AT_RISK)
						 ? TARGET
						 : GREY,
					 PDF_CENTER, d);
		}
	}
	pdf_line(p, p->ml, top + hh + 3 * rh, p->ml + k->cw, top + hh + 3 * rh, 0.5, GREY, false);
	p->y = top + hh + 3 * rh + 6;
}

/* ---- lists: one line per item, cut to the room there is */

static void cell_line(struct pack *k, double x, double y, double w, double size, uint32_t rgb,
		      const char *text)
{
	struct strbuf sb = STRBUF_INIT;

	pdf_cut_line(&k->p, text, w - 4, size, &sb);
	pdf_text(&k->p, x, y, size, rgb, sb_str(&sb));
	sb_release(&sb);
}

static bool ref_in(const struct pack *k, const struct item_ref *it)
{
	return pack_measure_in(k, it->measure);
}

#define LINE 13.0

/* How many lines of LINE fit above reserve points; at least 1, at most max. */
static size_t lines_fit(const struct pack *k, double reserve, size_t max)
{
	double room = pdf_room(&k->p) - reserve;
	size_t n = room > LINE ? (size_t)(room / LINE) : 1;

	return n < max ? n : max;
}

/* Where a list's rest is: the pack's section of that id by its title, else
 * the summary workbook. */
#define SECTION_NAMED_MAX 300

static const char *section_named(const struct pack *k, enum section_id id,
				 char buf[SECTION_NAMED_MAX])
{
	for (size_t i = 0; i < k->t->nsections; i++)
		if (k->t->sections[i].id == id) {
			snprintf(buf, SECTION_NAMED_MAX, "「%s」の節", k->t->sections[i].title);
			return buf;
		}
	snprintf(buf, SECTION_NAMED_MAX, "%s", k->summary);
	return buf;
}

static void rest_line(struct pack *k, size_t rest, const char *where)
{
	char n[PRESENT_MAX];
	struct strbuf sb = STRBUF_INIT;

	if (!rest)
		return;
	sb_addf(&sb, "ほか %s 件 → %s", present_count((long long)rest, n), where);
	pdf_text(&k->p, k->p.ml + 10, k->p.y + 9, BRIEF_SMALL, GREY, sb_str(&sb));
	k->p.y += LINE;
	sb_release(&sb);
}

static int worse_cmp(const void *x, const void *y)
{
	const struct item_ref *a = *(const struct item_ref *const *)x;
	const struct item_ref *b = *(const struct item_ref *const *)y;

	if (status_rank(a->now) != status_rank(b->now))
		return status_rank(a->now) > status_rank(b->now) ? -1 : 1;
	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return a->item < b->item ? -1 : a->item > b->item;
}

static void brief_worse(struct pack *k, double reserve)
{
	const struct briefing *b = k->in->b;
	const struct item_ref **v = xcalloc(b->nworse + 1, sizeof(*v));
	size_t n = 0, improved = 0, shown;
	char a[PRESENT_MAX], c[PRESENT_MAX];
	struct strbuf head = STRBUF_INIT;
	struct pdf *p = &k->p;

	for (size_t i = 0; i < b->nworse; i++)
		if (ref_in(k, &b->worse[i]))
			v[n++] = &b->worse[i];
	for (size_t i = 0; i < b->nimproved; i++)
		improved += ref_in(k, &b->improved[i]);
	qsort(v, n, sizeof(*v), worse_cmp);
	sb_addf(&head, "悪化 %s 件・改善 %s 件", present_count((long long)n, a),
		present_count((long long)improved, c));
	brief_heading(k, "前四半期からの変化", sb_str(&head));
	if (!n) {
		pack_note(k, "前四半期から悪化した項目はありません。");
	} else {
		size_t lines = lines_fit(k, reserve, 6);

		/* all when they fit, else one line less for the line that counts the rest */
		shown = n <= lines ? n : lines > 1 ? lines - 1 : 1;
		for (size_t i = 0; i < shown; i++) {
			const struct item_ref *it = v[i];
			struct strbuf sb = STRBUF_INIT;
			double y = p->y + 9;

			sb_addf(&sb, "%s%s → %s%s", present_status_mark(it->before),
				status_word(it->before), present_status_mark(it->now),
				status_word(it->now));
			pdf_text(p, p->ml + 10, y, BRIEF_SMALL,
				 it->now == ST_DELAYED ? TARGET : INK, sb_str(&sb));
			sb_reset(&sb);
			sb_addf(&sb, "%s %s %s", present_ref_kind(it->kind), item_id(k->m, it),
				item_name(k->m, it));
			cell_line(k, p->ml + 110, y, 300, BRIEF_SMALL, INK, sb_str(&sb));
			cell_line(k, p->ml + 414, y, k->cw - 414, BRIEF_SMALL, GREY,
				  pack_division_name(k, k->m->measures[it->measure].lead));
			p->y += LINE;
			sb_release(&sb);
		}
		char where[SECTION_NAMED_MAX];

		rest_line(k, n - shown, section_named(k, SEC_WORSE, where));
	}
	free(v);
	sb_release(&head);
}

static void brief_behind(struct pack *k, double reserve)
{
	const struct briefing *b = k->in->b;
	struct pdf *p = &k->p;
	size_t n = 0, none = 0, shown = 0, max;
	char a[PRESENT_MAX], c[PRESENT_MAX];
	struct strbuf head = STRBUF_INIT;

	for (size_t i = 0; i < b->nbehind; i++)
		if (ref_in(k, &b->behind[i])) {
			n++;
			none += !item_action(k->r, &b->behind[i]);
		}
	sb_addf(&head, "注意・遅延 %s 件（うち対応策なし %s 件）", present_count((long long)n, a),
		present_count((long long)none, c));
	brief_heading(k, "遅れている項目と対応策", sb_str(&head));
	if (!n) {
		pack_note(k, "注意・遅延の KPI・マイルストーンはありません。");
		sb_release(&head);
		return;
	}
	/* two lines each: the item, then its division's 対応策 */
	{
		size_t lines = lines_fit(k, reserve, 17);

		max = 2 * n <= lines ? n : lines >= 3 ? (lines - 1) / 2 : 1;
	}
	for (size_t i = 0; i < b->nbehind && shown < max; i++) {
		const struct item_ref *it = &b->behind[i];
		const char *action = item_action(k->r, it);
		struct strbuf sb = STRBUF_INIT;
		double y = p->y;

		if (!ref_in(k, it))
			continue;
		mark_badge(k, p->ml + 6, y + 1, 48, 12, it->now);
		sb_addf(&sb, "%s %s %s", present_ref_kind(it->kind), item_id(k->m, it),
			item_name(k->m, it));
		cell_line(k, p->ml + 60, y + 10, 350, BRIEF_SMALL, INK, sb_str(&sb));
		cell_line(k, p->ml + 414, y + 10, k->cw - 414, BRIEF_SMALL, GREY,
			  pack_division_name(k, k->m->measures[it->measure].lead));
		sb_reset(&sb);
		if (action)
			sb_addf(&sb, "対応策: %s", action);
		else
			sb_adds(&sb, "対応策なし（PMO から確認）");
		cell_line(k, p->ml + 60, y + 10 + LINE, k->cw - 60, BRIEF_SMALL,
			  action ? INK : TARGET, sb_str(&sb));
		p->y += 2 * LINE + 1;
		shown++;
		sb_release(&sb);
	}
	rest_line(k, n - shown, "各部の節と集計ブックの「KPI一覧」「マイルストーン」");
	sb_release(&head);
}

static void brief_missing(struct pack *k, double reserve)
{
	const struct briefing *b = k->in->b;
	const struct model *m = k->m;
	struct pdf *p = &k->p;
	struct strbuf head = STRBUF_INIT, sb = STRBUF_INIT;
	struct completeness c = {0, 0};
	size_t n = 0, listed = 0;
	char a[PRESENT_MAX], o[PRESENT_MAX], r[PRESENT_MAX], s[PRESENT_MAX];
	struct lines l = {0};

	for (size_t i = 0; i < k->r->nmissing; i++)
		n += pack_division_in(k, k->r->missing[i]);
	for (size_t d = 0; d < m->ndivisions; d++)
		if (pack_division_in(k, d)) {
			c.owed += b->divisions[d].owed;
			c.reported += b->divisions[d].reported;
		}
	sb_addf(&head, "%s 課　今期の報告 %s ／ %s 件", present_count((long long)n, a),
		present_count(c.reported, r), present_count(c.owed, o));
	if (c.owed)
		sb_addf(&head, "（%s）", present_percent((double)c.reported / c.owed, s));
	brief_heading(k, "未提出の課", sb_str(&head));
	if (!n) {
		pack_note(k, "すべての課が今期の報告を提出しています。");
		sb_release(&head);
		return;
	}
	for (size_t i = 0; i < k->r->nmissing; i++) {
		size_t d = k->r->missing[i];

		if (!pack_division_in(k, d))
			continue;
		sb_addf(&sb, "%s%s（%s）", listed ? "、" : "", m->divisions[d].name,
			m->departments[m->divisions[d].dept].name);
		listed++;
	}
	{
		struct strbuf clean = STRBUF_INIT;
		size_t most = lines_fit(k, reserve, 3);

		pdf_clean(p, sb_str(&sb), &clean);
		pdf_wrap(p, sb_str(&clean), k->cw - 20, BRIEF_SMALL, &l);
		for (size_t i = 0; i < l.n && i < most; i++) {
			struct strbuf line = STRBUF_INIT;
			const char *more = "…（すべては「未提出の課」の節）";

			if (i + 1 == most && l.n > most) {
				/* the last line shown: what fits beside the pointer to the rest */
				struct strbuf cut = STRBUF_INIT;

				pdf_cut_line(p, sb_str(&clean) + l.v[i].start,
					     k->cw - 20 - pdf_width(p, more, BRIEF_SMALL),
					     BRIEF_SMALL, &cut);
				sb_adds(&line, sb_str(&cut));
				if (line.len >= 3 && strcmp(line.buf + line.len - 3, "…") == 0)
					line.len -= 3, line.buf[line.len] = '\0';
				sb_adds(&line, more);
				sb_release(&cut);
			} else {
				sb_add(&line, sb_str(&clean) + l.v[i].start, l.v[i].len);
			}
			pdf_text(p, p->ml + 10, p->y + 9, BRIEF_SMALL, INK, sb_str(&line));
			p->y += LINE;
			sb_release(&line);
		}
		sb_release(&clean);
	}
	lines_release(&l);
	sb_release(&sb);
	sb_release(&head);
}

/* The restatement that moved most: the largest relative change of a number;
 * a status change when no number changed; NULL when none is in scope. */
static const struct restatement *largest(const struct pack *k, size_t *count)
{
	const struct restatements *all = k->in->restated;
	const struct restatement *best = NULL;
	double best_rel = -1;

	*count = 0;
	for (size_t i = 0; all && i < all->n; i++) {
		const struct restatement *x = &all->v[i];
		char *e1, *e2;
		double a, b, rel = 0;

		if (k->dept >= 0 && (x->division < 0 || !pack_division_in(k, (size_t)x->division)))
			continue;
		(*count)++;
		if (x->published && x->now) {
			a = strtod(x->published, &e1);
			b = strtod(x->now, &e2);
			if (*x->published && *x->now && !*e1 && !*e2 && isfinite(a) && isfinite(b))
				rel = fabs(b - a) / fmax(fabs(a), 1e-9);
		}
		if (rel > best_rel) {
			best_rel = rel;
			best = x;
		}
	}
	return best;
}

static void brief_restated(struct pack *k)
{
	const struct restatements *all = k->in->restated;
	const struct restatement *x;
	size_t n;
	char c[PRESENT_MAX], pc[PERIOD_CODE_MAX];
	struct strbuf head = STRBUF_INIT, sb = STRBUF_INIT;

	if (!all || !all->known) {
		brief_heading(k, "過去期の修正", "");
		pack_note(k, "前の四半期を公表した記録（履歴）がないため、まだ比べられません。");
		return;
	}
	x = largest(k, &n);
	sb_addf(&head, "%s 件", present_count((long long)n, c));
	brief_heading(k, "過去期の修正", sb_str(&head));
	if (!x) {
		pack_note(k, "公表済みの四半期の値は、その後も変わっていません。");
	} else {
		period_code(x->period, pc);
		sb_addf(&sb, "最も大きいもの: %s %s %s　%s → %s", pc, present_item_kind(x->kind),
			x->item, x->published ? x->published : "（なし）",
			x->now ? x->now : "（なし）");
		if (x->division >= 0)
			sb_addf(&sb, "（%s）", k->m->divisions[x->division].name);
		char where[SECTION_NAMED_MAX];

		sb_addf(&sb, "。一覧は%s。", section_named(k, SEC_RESTATED, where));
		pack_note(k, sb_str(&sb));
	}
	sb_release(&head);
	sb_release(&sb);
}

#define LEGEND_H 44.0

/* What the statuses mean, in words with the factors in use, at the foot of
 * the page (the lists above keep clear of it). */
static void brief_legend(struct pack *k)
{
	struct pdf *p = &k->p;
	struct strbuf sb = STRBUF_INIT, clean = STRBUF_INIT;
	char on[40], risk[40];
	struct lines l = {0};
	double y = p->ph - p->mb - LEGEND_H;

	number_format(k->r->params.on_track_factor, on, sizeof(on));
	number_format(k->r->params.at_risk_factor, risk, sizeof(risk));
	sb_addf(&sb,
		"状況の決め方　KPI は進捗率（基準値から目標値までのうち進んだ割合）を今の時点の期待"
		"進捗と比べます: ◎達成＝100%%以上、○順調＝期待の %s 倍以上、△注意＝%s 倍以上、×遅延"
		"＝%s 倍未満、？未報告＝今期の実績なし。マイルストーンは報告された状況で、期限を過ぎて"
		"完了していなければ×遅延。施策はその KPI とマイルストーンのうち最も悪い状況です。"
		"KPI の ↑ は増えるほど良い、↓ は減るほど良い指標。",
		on, risk, risk);
	pdf_line(p, p->ml, y - 4, p->ml + k->cw, y - 4, 0.4, GREY, false);
	pdf_clean(p, sb_str(&sb), &clean);
	pdf_wrap(p, sb_str(&clean), k->cw, BRIEF_SMALL, &l);
	for (size_t i = 0; i < l.n && i < 4; i++) {
		struct strbuf line = STRBUF_INIT;

		sb_add(&line, sb_str(&clean) + l.v[i].start, l.v[i].len);
		pdf_text(p, p->ml, y + 8 + (double)i * 11, BRIEF_SMALL, GREY, sb_str(&line));
		sb_release(&line);
	}
	lines_release(&l);
	sb_release(&sb);
	sb_release(&clean);
}

void pack_brief(struct pack *k, const struct section *s)
{
	pack_section(k, s->title, NULL, 0, true);
	brief_kgi(k);
	pack_kgi_pace_chart(k, NULL, 92);
	brief_counts(k);
	/* what follows each list keeps its room: the page stays one page */
	brief_worse(k, 200 + LEGEND_H);
	brief_behind(k, 100 + LEGEND_H);
	brief_missing(k, 50 + LEGEND_H);
	brief_restated(k);
	brief_legend(k);
	/* tests/pdf.py checks that it stays one page at every size */
}

/* ---- the KGI's trend against its pace line */

void pack_kgi_pace_chart(struct pack *k, const char *title, double h)
{
	struct pdf *p = &k->p;
	const struct result *r = k->r;
	const struct briefing *b = k->in->b;
	const struct model *m = k->m;
	double target = r->params.kgi_target, left = p->ml + 40, w = k->cw - 56, top, scale;
	int x0 = b->start, x1 = b->due;
	double *rates = xcalloc(r->ntrend + 1, sizeof(*rates));
	size_t n = r->ntrend;

	for (size_t i = 0; i < n; i++) {
		const struct kgi *g =
			k->dept < 0 ? &r->trend_city[i]
				    : &r->trend_departments[i * m->ndepartments + (size_t)k->dept];

		rates[i] = g->rate;
		if (r->trend[i] < x0)
			x0 = r->trend[i];
	}
	if (r->period > x1)
		x1 = r->period;
	/* whole fiscal years on the axis */
	x0 = period_make(period_fy(x0), 1);
	x1 = period_make(period_fy(x1), 4);
	scale = pack_chart_scale(target, rates, n);
	pdf_need(p, h + (title ? 52 : 30));
	if (title) {
		pdf_text(p, p->ml, p->y + 11, 10.5, NAVY, title);
		p->y += 22;
	}
	top = p->y + 4;
#define PX(q) (left + w * ((double)((q)-x0) + 0.5) / (double)(x1 - x0 + 1))
#define PY(v) (top + h - h * (v) / scale)
	for (double g = 0; g <= scale + 1e-9; g += pack_axis_step(scale)) {
		char lab[PRESENT_MAX];

		pdf_line(p, left, PY(g), left + w, PY(g), 0.3, 0xD9D9D9, false);
		pdf_text_aligned(p, p->ml, 36, PY(g) + 3, 8, GREY, PDF_RIGHT,
				 present_percent(g, lab));
	}
	/* fiscal years: a tick between them, the 令和 short label under each */
	for (int fy = period_fy(x0); fy <= period_fy(x1); fy++) {
		struct strbuf lab = STRBUF_INIT;
		double a = left + w * (double)(period_make(fy, 1) - x0) / (double)(x1 - x0 + 1);
		double z = left + w * (double)(period_make(fy, 4) + 1 - x0) / (double)(x1 - x0 + 1);

		pdf_line(p, a, top + h, a, top + h + 4, 0.5, GREY, false);
		present_fy_short(fy, &lab);
		sb_adds(&lab, "年度");
		pdf_text_aligned(p, a, z - a, top + h + 12, 8, INK, PDF_CENTER, sb_str(&lab));
		sb_release(&lab);
	}
	pdf_line(p, left, top + h, left + w, top + h, 0.6, GREY, false);
	/* the target, the pace line from start to due, and P */
	pdf_line(p, left, PY(target), left + w, PY(target), 0.8, TARGET, true);
	pdf_line(p, PX(b->start), PY(0), PX(b->due), PY(target), 1.2, GREY, true);
	pdf_line(p, PX(r->period), top, PX(r->period), top + h, 0.6, NAVY, false);
	pdf_text(p, PX(r->period) + 3, top + 8, 8, NAVY, "今期");
	{
		struct strbuf lab = STRBUF_INIT;
		char t[PRESENT_MAX];

		present_period_due(b->due, &lab);
		sb_addf(&lab, " 目標 %s", present_percent(target, t));
		pdf_text_aligned(p, PX(b->due) - 120, 118, PY(target) - 3, 8, TARGET, PDF_RIGHT,
				 sb_str(&lab));
		sb_release(&lab);
	}
	for (size_t i = 0; i < n; i++) {
		double x = PX(r->trend[i]), y;
		char lab[PRESENT_MAX];

		if (rates[i] < 0 || !isfinite(rates[i]))
			continue;
		y = PY(fmin(rates[i], scale));
		if (i > 0 && rates[i - 1] >= 0 && isfinite(rates[i - 1]))
			pdf_line(p, PX(r->trend[i - 1]), PY(fmin(rates[i - 1], scale)), x, y, 1.8,
				 ACCENT, false);
		pdf_dot(p, x, y, 2.4, ACCENT);
		if (i + 1 == n)
			pdf_text(p, x + 5, y + 3, 8, ACCENT, present_percent(rates[i], lab));
	}
#undef PX
#undef PY
	p->y = top + h + 16;
	pdf_text(p, left, p->y + 4, 8, GREY,
		 "実線: 実績　灰色の破線: 目標の時期までの計画（ペース）　赤の破線: 目標");
	p->y += 12;
	free(rates);
}
