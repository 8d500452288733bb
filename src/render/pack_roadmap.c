/*
 * pack_roadmap.c - ロードマップ (contract §4): every measure's milestones on a
 * fiscal-year axis (R6–R10 by default, wider when a milestone or P lies
 * outside), grouped by pillar, each drawn from 開始 to 期限 or as a point at
 * 期限, coloured and marked by its status at P, with a line at P. It runs
 * over as many pages as it needs, the axis and the title （続き） on each.
 */
#include "kaikaku.h"

#include "pack.h"
#include "period.h"

#define RM_ROW 13.0
#define RM_LABEL 196.0 /* the label column */
#define RM_SIZE 8.0

struct axis {
	int q0, q1; /* the first and last quarter shown */
	double x, w;
};

static double qx(const struct axis *a, int q)
{
	return a->x + a->w * (double)(q - a->q0) / (double)(a->q1 - a->q0 + 1);
}

static bool in_pack(const void *ctx, size_t measure)
{
	return pack_measure_in(ctx, measure);
}

/* The axis: whole fiscal years covering R6–R10, every milestone in scope and P. */
static void axis_of(const struct pack *k, struct axis *a)
{
	int lo, hi;

	roadmap_years(k->m, k->r->period, in_pack, k, &lo, &hi);
	a->q0 = period_make(lo, 1);
	a->q1 = period_make(hi, 4);
	a->x = k->p.ml + RM_LABEL;
	a->w = k->cw - RM_LABEL;
}

/* The axis header at the cursor: fiscal years, with quarter ticks. */
static void axis_header(struct pack *k, const struct axis *a)
{
	struct pdf *p = &k->p;
	double y = p->y;

	pdf_rect(p, a->x, y, a->w, 16, 0xE7ECF5);
	for (int fy = period_fy(a->q0); fy <= period_fy(a->q1); fy++) {
		struct strbuf lab = STRBUF_INIT;
		double x0 = qx(a, period_make(fy, 1)), x1 = qx(a, period_make(fy, 4) + 1);

		present_fy_short(fy, &lab);
		sb_adds(&lab, "年度");
		pdf_text_aligned(p, x0, x1 - x0, y + 11.5, RM_SIZE, NAVY, PDF_CENTER, sb_str(&lab));
		pdf_line(p, x0, y, x0, y + 16, 0.6, 0xFFFFFF, false);
		sb_release(&lab);
	}
	pdf_text(p, p->ml + 2, y + 11.5, RM_SIZE, NAVY, "施策・マイルストーン");
	p->y += 18;
}

/* Grid lines for one page's rows, from top to the cursor, and the line at P. */
static void page_grid(struct pack *k, const struct axis *a, double top)
{
	struct pdf *p = &k->p;
	double bottom = p->y, xp;

	if (bottom <= top)
		return;
	for (int fy = period_fy(a->q0); fy <= period_fy(a->q1) + 1; fy++) {
		double x = qx(a, period_make(fy, 1));

		pdf_line(p, x, top, x, bottom, 0.4, 0xBFBFBF, false);
	}
	xp = qx(a, k->r->period) + (qx(a, k->r->period + 1) - qx(a, k->r->period)) / 2;
	pdf_line(p, xp, top - 2, xp, bottom, 1.0, NAVY, true);
	pdf_text(p, xp + 2, top + 7, 8, NAVY, "今期");
}

struct roadmap {
	struct pack *k;
	const struct section *s;
	struct axis a;
	double page_top; /* where this page's rows start */
};

/* Room for one more row, else a new page with the title （続き） and the axis. */
static void need_row(struct roadmap *rm, double h)
{
	struct pack *k = rm->k;
	struct pdf *p = &k->p;
	struct strbuf t = STRBUF_INIT;

	if (pdf_room(p) >= h)
		return;
	page_grid(k, &rm->a, rm->page_top);
	pdf_page(p, true);
	sb_addf(&t, "%s（続き）", rm->s->title);
	pdf_text(p, p->ml, p->y + 12, 12, NAVY, sb_str(&t));
	p->y += 20;
	axis_header(k, &rm->a);
	rm->page_top = p->y;
	sb_release(&t);
}

/* A measure's row: its status mark, ID, name and division in the label
 * column (the chart beside it stays clear for its milestones). */
static void measure_row(struct roadmap *rm, size_t i)
{
	struct pack *k = rm->k;
	struct pdf *p = &k->p;
	const struct measure *ms = &k->m->measures[i];
	struct strbuf sb = STRBUF_INIT, cut = STRBUF_INIT;
	enum status st = k->r->measures[i];

	need_row(rm, 2 * RM_ROW); /* never a measure alone at a page's foot */
	pdf_rect(p, p->ml, p->y, k->cw, RM_ROW, 0xF2F2F2);
	sb_addf(&sb, "%s%s %s %s（%s）", present_status_mark(st), status_word(st), ms->id, ms->name,
		pack_division_name(k, ms->lead));
	pdf_cut_line(p, sb_str(&sb), RM_LABEL - 4, RM_SIZE, &cut);
	pdf_text(p, p->ml + 2, p->y + 9.5, RM_SIZE, INK, sb_str(&cut));
	p->y += RM_ROW;
	sb_release(&sb);
	sb_release(&cut);
}

/* A milestone's row; alone (the measure's only milestone) it carries the
 * measure's status, ID and division in its label, and no measure row is drawn. */
static void milestone_row(struct roadmap *rm, size_t i, bool alone)
{
	struct pack *k = rm->k;
	struct pdf *p = &k->p;
	const struct milestone *ms = &k->m->milestones[i];
	const struct axis *a = &rm->a;
	enum status st = k->r->milestones[i].status;
	const struct status_colours *c = &k->in->s->colours[st];
	struct strbuf sb = STRBUF_INIT, cut = STRBUF_INIT;
	double y = p->y, x0, x1, mid = y + RM_ROW / 2;
	char mark[PRESENT_MAX];

	need_row(rm, RM_ROW);
	y = p->y;
	mid = y + RM_ROW / 2;
	if (alone) {
		const struct measure *me = &k->m->measures[ms->measure];
		enum status mst = k->r->measures[ms->measure];

		sb_addf(&sb, "%s%s %s（%s）／%s %s", present_status_mark(mst), status_word(mst),
			me->id, pack_division_name(k, me->lead), ms->id, ms->description);
		pdf_cut_line(p, sb_str(&sb), RM_LABEL - 4, RM_SIZE, &cut);
		pdf_text(p, p->ml + 2, y + 9.5, RM_SIZE, INK, sb_str(&cut));
	} else {
		sb_addf(&sb, "%s %s", ms->id, ms->description);
		pdf_cut_line(p, sb_str(&sb), RM_LABEL - 12, RM_SIZE, &cut);
		pdf_text(p, p->ml + 8, y + 9.5, RM_SIZE, INK, sb_str(&cut));
	}
	x1 = qx(a, ms->due + 1);
	snprintf(mark, sizeof(mark), "%s", present_status_mark(st));
	if (ms->start != PERIOD_NONE) {
		x0 = qx(a, ms->start);
		pdf_rect(p, x0, y + 2.5, x1 - x0, RM_ROW - 5, c->chart);
		/* 遅延 hatched: it stays apart from 完了 in greyscale */
		if (st == ST_DELAYED)
			pdf_hatch(p, x0, y + 2.5, x1 - x0, RM_ROW - 5, 0xFFFFFF);
		pdf_frame(p, x0, y + 2.5, x1 - x0, RM_ROW - 5, 0.5, INK);
	} else {
		/* no 開始: a point at 期限 */
		double cx = (qx(a, ms->due) + x1) / 2;

		pdf_dot(p, cx, mid, 4, c->chart);
		pdf_frame(p, cx - 4, mid - 4, 8, 8, 0.5, INK);
	}
	/* the mark and word after the bar, or before it near the axis' end */
	sb_reset(&sb);
	sb_addf(&sb, "%s%s", mark, status_word(st));
	if (x1 + 4 + pdf_width(p, sb_str(&sb), 7.5) <= a->x + a->w)
		pdf_text(p, x1 + 3, y + 9.5, 8, INK, sb_str(&sb));
	else
		pdf_text_aligned(p, a->x,
				 (ms->start != PERIOD_NONE ? qx(a, ms->start) : qx(a, ms->due)) -
					 a->x - 3,
				 y + 9.5, 8, INK, PDF_RIGHT, sb_str(&sb));
	p->y += RM_ROW;
	sb_release(&sb);
	sb_release(&cut);
}

void pack_roadmap(struct pack *k, const struct section *s)
{
	struct pdf *p = &k->p;
	const struct model *m = k->m;
	const struct settings *st = k->in->s;
	struct roadmap rm = {k, s, {0}, 0};
	size_t without = 0, shown = 0;

	pack_section(k, s->title, NULL, 0, true);
	axis_of(k, &rm.a);
	pack_note(
		k,
		"施策ごとのマイルストーンを、開始から期限まで（開始がなければ期限の点で）年度の軸に"
		"描いています（マイルストーンが1つの施策は1行に: 施策の状況・ID・課／マイルストーン）。"
		"色と記号は今期の状況（◎達成 ○順調 △注意 ×遅延 ？未報告 －未着手 "
		"▷進行中 ●完了 ／中止）、縦の破線が今期です。");
	for (size_t pl = 0; pl < st->npillars; pl++) {
		bool heading = false;

		for (size_t i = 0; i < m->nmeasures; i++) {
			const struct measure *ms = &m->measures[i];

			if ((size_t)ms->pillar != pl || !pack_measure_in(k, i))
				continue;
			if (!ms->nmilestones) {
				without++;
				continue;
			}
			if (!heading) {
				pdf_need(p, 60);
				pdf_text(p, p->ml, p->y + 13, 11, NAVY, st->pillars[pl].name);
				p->y += 20;
				axis_header(k, &rm.a);
				rm.page_top = p->y;
				heading = true;
			}
			if (ms->nmilestones == 1) {
				milestone_row(&rm, ms->milestones[0], true);
			} else {
				measure_row(&rm, i);
				for (size_t j = 0; j < ms->nmilestones; j++)
					milestone_row(&rm, ms->milestones[j], false);
			}
			shown++;
		}
		if (heading) {
			page_grid(k, &rm.a, rm.page_top);
			p->y += 6;
			rm.page_top = p->y;
		}
	}
	if (!shown)
		pack_note(k, "マイルストーンのある施策はありません。");
	if (without) {
		struct strbuf sb = STRBUF_INIT;
		char n[PRESENT_MAX];

		sb_addf(&sb, "マイルストーンのない施策 %s 件は載せていません。",
			present_count((long long)without, n));
		pack_note(k, sb_str(&sb));
		sb_release(&sb);
	}
}
