/*
 * sheet_roadmap.c - ロードマップ as a sheet (sheet_roadmap.h).
 */
#include "kaikaku.h"

#include "cells.h"
#include "sheet_roadmap.h"

#define RM_QUARTER 100 /* col->arg: RM_QUARTER + the quarter's offset from the first */

struct rm_ctx {
	const struct render_input *in;
	size_t *milestones; /* by measure (master order), then their own order */
	size_t n;
	int q0;
};

static void rm_value(const void *x, size_t row, const struct xw_column *col, struct xw_value *v)
{
	const struct rm_ctx *c = x;
	const struct model *m = c->in->m;
	size_t i = c->milestones[row];
	const struct milestone *ms = &m->milestones[i];
	enum status st = c->in->r->milestones[i].status;

	if (col->arg >= RM_QUARTER) {
		int q = c->q0 + (int)(col->arg - RM_QUARTER);
		int first = ms->start != PERIOD_NONE ? ms->start : ms->due;

		if (q >= first && q <= ms->due)
			xv_mark(v, present_status_mark(st), st);
		return;
	}
	switch (col->arg) {
	case 0:
		xv_text(v, m->measures[ms->measure].id);
		break;
	case 1:
		xv_text(v, m->measures[ms->measure].name);
		break;
	case 2:
		xv_text(v, m->divisions[m->measures[ms->measure].lead].name);
		break;
	case 3:
		xv_text(v, ms->id);
		break;
	case 4:
		xv_text(v, ms->description);
		break;
	case 5:
		xv_status(v, st);
		break;
	}
}

void sheet_roadmap(struct xw_book *b, const struct render_input *in, const char *title,
		   const char *period)
{
	const struct model *m = in->m;
	struct rm_ctx c = {in, xcalloc(m->nmilestones + 1, sizeof(size_t)), 0, 0};
	int lo, hi, nq;
	struct xw_column *cols;
	struct strbuf *names;
	size_t n = 0;

	roadmap_years(m, in->r->period, NULL, NULL, &lo, &hi);
	c.q0 = period_make(lo, 1);
	nq = period_make(hi, 4) - c.q0 + 1;
	for (size_t i = 0; i < m->nmeasures; i++)
		for (size_t j = 0; j < m->measures[i].nmilestones; j++)
			c.milestones[c.n++] = m->measures[i].milestones[j];
	cols = xcalloc((size_t)nq + 7, sizeof(*cols));
	names = xcalloc((size_t)nq + 1, sizeof(*names));
	cols[n++] = (struct xw_column){"施策ID", XW_TEXT, 0, 0, rm_value, 0};
	cols[n++] = (struct xw_column){"施策名", XW_TEXT, 24, 0, rm_value, 1};
	cols[n++] = (struct xw_column){"課", XW_TEXT, 0, 0, rm_value, 2};
	cols[n++] = (struct xw_column){"マイルストーンID", XW_TEXT, 0, 0, rm_value, 3};
	cols[n++] = (struct xw_column){"内容", XW_TEXT, 26, 0, rm_value, 4};
	cols[n++] = (struct xw_column){"状況", XW_TEXT, 0, 0, rm_value, 5};
	for (int q = 0; q < nq; q++) {
		int p = c.q0 + q;

		present_period_compact(p, &names[q]);
		if (p == in->r->period)
			sb_adds(&names[q], "（今期）");
		cols[n++] = (struct xw_column){sb_str(&names[q]),     XW_CENTER, 0, 0, rm_value,
					       RM_QUARTER + (size_t)q};
	}
	xw_list_sheet(b, SHEET_ROADMAP, cols, n, &c, c.n, title, period);
	for (int q = 0; q < nq; q++)
		sb_release(&names[q]);
	free(names);
	free(cols);
	free(c.milestones);
}
