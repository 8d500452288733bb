/*
 * sheet_grid.c - 提出状況: who sent what, quarter by quarter (sheet_grid.h).
 */
#include "kaikaku.h"

#include "hashmap.h"
#include "sheet_grid.h"

static long period_index(const struct grid_marks *g, int period)
{
	for (size_t i = 0; i < g->nperiods; i++)
		if (g->periods[i] == period)
			return (long)i;
	return -1;
}

/* One submission row: sent for its period by its division; refused when an
 * error points at it. */
static void note_row(const struct render_input *in, struct grid_marks *g, const struct hmap *bad,
		     struct strbuf *tmp, const struct src *s, int period)
{
	long d = attribution_row_division(in->a, s->file, s->sheet, s->row);
	const struct owners *o = d < 0 ? attribution_file_divisions(in->a, s->file) : NULL;
	/* a period that could not be read: the one of its folder (sent then) */
	long q = period_index(g, period != PERIOD_NONE ? period : folder_period(s->file));
	enum grid_mark *m;

	/* a row that names no known division or item: its file's division (read
	 * from its name when nothing else says it) */
	if (o && o->n == 1)
		d = (long)o->v[0];
	if (d < 0 || q < 0)
		return;
	m = &g->mark[(size_t)d * g->nperiods + (size_t)q];
	if (hmap_has(bad, attribution_row_key(tmp, s->file, s->sheet, s->row)))
		*m = GRID_PARTLY;
	else if (*m == GRID_NONE)
		*m = GRID_OK;
}

void grid_marks_build(const struct render_input *in, struct grid_marks *g)
{
	const struct model *m = in->m;
	const struct parsed *p = in->p;
	int P = in->r->period;
	struct hmap bad;
	struct arena keys;
	struct strbuf tmp = STRBUF_INIT;

	memset(g, 0, sizeof(*g));
	g->periods = xcalloc(m->nperiods + 2, sizeof(*g->periods));
	for (size_t i = 0; i < m->nperiods && m->periods[i] <= P; i++)
		g->periods[g->nperiods++] = m->periods[i];
	if (!g->nperiods || g->periods[g->nperiods - 1] != P)
		g->periods[g->nperiods++] = P;
	g->mark = xcalloc(m->ndivisions * g->nperiods + 1, sizeof(*g->mark));
	/* the rows an error points at */
	hmap_init(&bad);
	arena_init(&keys);
	for (size_t i = 0; i < in->d->n; i++) {
		const struct diag *x = &in->d->v[i];

		if (x->file && x->row > 0 && diag_code_severity(x->code) == SEV_ERROR)
			hmap_put(&bad,
				 arena_strdup(&keys,
					      attribution_row_key(&tmp, x->file, x->sheet, x->row)),
				 (void *)1);
	}
	for (size_t i = 0; i < p->n_actuals; i++)
		note_row(in, g, &bad, &tmp, &p->actuals[i].src, p->actuals[i].period);
	for (size_t i = 0; i < p->n_mstatus; i++)
		note_row(in, g, &bad, &tmp, &p->mstatus[i].src, p->mstatus[i].period);
	for (size_t i = 0; i < p->n_workload; i++)
		note_row(in, g, &bad, &tmp, &p->workload[i].src, p->workload[i].period);
	/* a file refused as a whole: sent, refused, for the period of its folder */
	for (size_t i = 0; i < p->nfiles; i++) {
		const struct owners *o;
		long q;

		if (!p->files[i].failed ||
		    (q = period_index(g, folder_period(p->files[i].path))) < 0)
			continue;
		o = attribution_file_divisions(in->a, p->files[i].path);
		for (size_t j = 0; o && j < o->n; j++)
			g->mark[o->v[j] * g->nperiods + (size_t)q] = GRID_PARTLY;
	}
	hmap_release(&bad);
	arena_release(&keys);
	sb_release(&tmp);
}

void grid_marks_release(struct grid_marks *g)
{
	free(g->periods);
	free(g->mark);
	memset(g, 0, sizeof(*g));
}

/* ---- the sheet */

struct grid_ctx {
	const struct render_input *in;
	const struct grid_marks *g;
	size_t *order; /* divisions, the ones to chase first */
};

enum { GC_CODE, GC_DEPT, GC_NAME, GC_SHARE, GC_MISSING };
#define GC_PERIOD 100 /* + the period's index */

static void grid_value(const void *x, size_t row, const struct xw_column *col, struct xw_value *v)
{
	const struct grid_ctx *c = x;
	const struct model *m = c->in->m;
	size_t d = c->order[row];

	if (col->arg >= GC_PERIOD) {
		enum grid_mark mk = c->g->mark[d * c->g->nperiods + (col->arg - GC_PERIOD)];

		if (mk == GRID_OK)
			xv_mark(v, "○", ST_ON_TRACK);
		else if (mk == GRID_PARTLY)
			xv_mark(v, "△", ST_AT_RISK);
		else
			xv_mark(v, "×", ST_DELAYED);
		return;
	}
	switch (col->arg) {
	case GC_CODE:
		xv_text(v, m->divisions[d].code);
		break;
	case GC_DEPT:
		xv_text(v, m->departments[m->divisions[d].dept].name);
		break;
	case GC_NAME:
		xv_text(v, m->divisions[d].name);
		break;
	case GC_SHARE: {
		const struct completeness *cp = &c->in->b->divisions[d];

		if (cp->owed)
			xv_number(v, (double)cp->reported / cp->owed);
		break;
	}
	case GC_MISSING:
		for (size_t i = 0; i < c->in->r->nmissing; i++)
			if (c->in->r->missing[i] == d)
				xv_text(v, "未提出");
		break;
	}
}

static const struct grid_ctx *order_ctx;

/* × for P first, then △, then the lowest share reported, then master order. */
static int chase_first(const void *x, const void *y)
{
	const struct grid_ctx *c = order_ctx;
	size_t a = *(const size_t *)x, b = *(const size_t *)y, last = c->g->nperiods - 1;
	int ra = (int)c->g->mark[a * c->g->nperiods + last],
	    rb = (int)c->g->mark[b * c->g->nperiods + last];
	const struct completeness *ca = &c->in->b->divisions[a], *cb = &c->in->b->divisions[b];
	double sa = ca->owed ? (double)ca->reported / ca->owed : 2,
	       sb = cb->owed ? (double)cb->reported / cb->owed : 2;

	/* GRID_NONE (×) < GRID_PARTLY (△) < GRID_OK (○) in the chase order */
	ra = ra == GRID_NONE ? 0 : ra == GRID_PARTLY ? 1 : 2;
	rb = rb == GRID_NONE ? 0 : rb == GRID_PARTLY ? 1 : 2;
	if (ra != rb)
		return ra < rb ? -1 : 1;
	if (sa != sb)
		return sa < sb ? -1 : 1;
	return a < b ? -1 : a > b;
}

void sheet_grid(struct xw_book *b, const struct render_input *in, const char *title,
		const char *period)
{
	const struct model *m = in->m;
	struct grid_marks g;
	struct grid_ctx c = {in, &g, NULL};
	struct xw_column *cols;
	struct strbuf *names;
	size_t n = 0;

	grid_marks_build(in, &g);
	cols = xcalloc(g.nperiods + 5, sizeof(*cols));
	names = xcalloc(g.nperiods + 1, sizeof(*names));
	cols[n++] = (struct xw_column){"課コード", XW_CENTER, 0, 0, grid_value, GC_CODE};
	cols[n++] = (struct xw_column){"部", XW_TEXT, 0, 0, grid_value, GC_DEPT};
	cols[n++] = (struct xw_column){"課", XW_TEXT, 0, 0, grid_value, GC_NAME};
	for (size_t i = 0; i < g.nperiods; i++) {
		present_period_compact(g.periods[i], &names[i]);
		cols[n++] = (struct xw_column){sb_str(&names[i]), XW_CENTER,    0, 0,
					       grid_value,        GC_PERIOD + i};
	}
	cols[n++] = (struct xw_column){"今期の報告率", XW_PCT, 0, 0, grid_value, GC_SHARE};
	cols[n++] = (struct xw_column){"今期", XW_TEXT, 0, 0, grid_value, GC_MISSING};
	c.order = xcalloc(m->ndivisions + 1, sizeof(*c.order));
	for (size_t i = 0; i < m->ndivisions; i++)
		c.order[i] = i;
	order_ctx = &c;
	qsort(c.order, m->ndivisions, sizeof(*c.order), chase_first);
	order_ctx = NULL;
	xw_list_sheet(b, SHEET_GRID, cols, n, &c, m->ndivisions, title, period);
	for (size_t i = 0; i < g.nperiods; i++)
		sb_release(&names[i]);
	free(names);
	free(cols);
	free(c.order);
	grid_marks_release(&g);
}
