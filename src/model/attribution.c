/*
 * attribution.c - the owners of rows and files, and the refused reports,
 * from the parsed rows and the model's lookups.
 */
#include "kaikaku.h"

#include "attribution.h"
#include "period.h"

/* a non-NULL value for a map used as a set */
static void *pack(size_t i)
{
	return (void *)(uintptr_t)(i + 1);
}

/* ---- refused reports */

static const char *refused_key(struct strbuf *sb, char kind, size_t i, int period)
{
	sb_reset(sb);
	sb_addf(sb, "%c|%zu|%d", kind, i, period);
	return sb_str(sb);
}

static void note_refused(struct attribution *a, struct strbuf *tmp, char kind, size_t i, int period)
{
	const char *key = refused_key(tmp, kind, i, period);

	if (period != PERIOD_NONE && !hmap_has(&a->refused, key))
		hmap_put(&a->refused, arena_strdup(&a->arena, key), pack(0));
}

/* Every submission row that ends rejected but names a known KPI or milestone. */
static void collect_refused(struct attribution *a, const struct model *m, const struct parsed *p,
			    struct strbuf *tmp)
{
	for (size_t i = 0; i < p->n_actuals; i++) {
		const struct row_actual *r = &p->actuals[i];
		long k = model_find_kpi(m, r->kpi_id);

		if (k >= 0 && !model_actual_at(m, (size_t)k, r->period))
			note_refused(a, tmp, 'k', (size_t)k, r->period);
	}
	for (size_t i = 0; i < p->n_mstatus; i++) {
		const struct row_mstatus *r = &p->mstatus[i];
		long ms = model_find_milestone(m, r->milestone_id);
		const struct report *rp;

		if (ms < 0)
			continue;
		rp = model_report_at_or_before(m, (size_t)ms, r->period);
		if (!rp || rp->period != r->period)
			note_refused(a, tmp, 'm', (size_t)ms, r->period);
	}
}

static bool refused(const struct attribution *a, char kind, size_t i, int period)
{
	struct strbuf sb = STRBUF_INIT;
	bool r = hmap_has(&a->refused, refused_key(&sb, kind, i, period));

	sb_release(&sb);
	return r;
}

bool attribution_kpi_refused(const struct attribution *a, size_t k, int period)
{
	return refused(a, 'k', k, period);
}

bool attribution_milestone_refused(const struct attribution *a, size_t i, int period)
{
	return refused(a, 'm', i, period);
}

/* ---- owners */

/* What is known of one row of a table: -1 where nothing. One small vector
 * per table, in row order, rather than a key per row: at L 160,000 rows'
 * keys in two maps were 40 MB of the main process, which every worker
 * counts (issue 17). */
struct row_fact {
	int row;
	int32_t owner;  /* the division */
	int32_t period; /* a submission row's period */
};

struct table_rows {
	struct row_fact *v;
	size_t n, cap;
};

static const char *table_key(struct strbuf *sb, const char *file, const char *sheet)
{
	sb_reset(sb);
	sb_addf(sb, "%s\x1f%s", file, sheet ? sheet : "");
	return sb_str(sb);
}

const char *attribution_row_key(struct strbuf *sb, const char *file, const char *sheet, int row)
{
	table_key(sb, file, sheet);
	sb_addf(sb, "\x1f%d", row);
	return sb_str(sb);
}

/* Where row is in t, or would go. */
static size_t row_at(const struct table_rows *t, int row)
{
	size_t lo = 0, hi = t->n;

	if (t->n && t->v[t->n - 1].row < row)
		return t->n; /* rows come in order: the usual case */
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->v[mid].row < row)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static struct row_fact *fact(struct attribution *a, struct strbuf *tmp, const char *file,
			     const char *sheet, int row)
{
	const char *key = table_key(tmp, file, sheet);
	struct table_rows *t = hmap_get(&a->rows, key);
	size_t i;

	if (!t) {
		t = arena_zalloc(&a->arena, sizeof(*t));
		hmap_put(&a->rows, arena_strdup(&a->arena, key), t);
	}
	i = row_at(t, row);
	if (i < t->n && t->v[i].row == row)
		return &t->v[i];
	xgrow((void **)&t->v, &t->cap, t->n + 1, sizeof(*t->v));
	memmove(t->v + i + 1, t->v + i, (t->n - i) * sizeof(*t->v));
	t->v[i] = (struct row_fact){row, -1, -1};
	t->n++;
	return &t->v[i];
}

static const struct row_fact *find_fact(const struct attribution *a, const char *file,
					const char *sheet, int row)
{
	struct strbuf sb = STRBUF_INIT;
	const struct table_rows *t = hmap_get(&a->rows, table_key(&sb, file, sheet));
	size_t i;

	sb_release(&sb);
	if (!t)
		return NULL;
	i = row_at(t, row);
	return i < t->n && t->v[i].row == row ? &t->v[i] : NULL;
}

static void attribute(struct attribution *a, struct strbuf *tmp, const char *file,
		      const char *sheet, int row, long division)
{
	struct owners *o;

	if (division < 0)
		return;
	fact(a, tmp, file, sheet, row)->owner = (int32_t)division;
	o = hmap_get(&a->file_owners, file);
	if (!o) {
		o = arena_zalloc(&a->arena, sizeof(*o));
		hmap_put(&a->file_owners, file, o);
	}
	for (size_t i = 0; i < o->n; i++)
		if (o->v[i] == (size_t)division)
			return;
	/* a file concerns very few divisions: a small list */
	o->v = xrealloc(o->v, (o->n + 1) * sizeof(*o->v));
	o->v[o->n++] = (size_t)division;
}

static void attribute_row(struct attribution *a, struct strbuf *tmp, const struct src *s,
			  long division)
{
	attribute(a, tmp, s->file, s->sheet, s->row, division);
}

/* The division named by a 課 cell, else the lead of the referenced KPI's or
 * milestone's measure. */
static long owner_by(const struct model *m, const char *division, const char *kpi,
		     const char *milestone)
{
	long d = model_find_division(m, division), i;

	if (d >= 0)
		return d;
	if ((i = model_find_kpi(m, kpi)) >= 0)
		return (long)m->measures[m->kpis[i].measure].lead;
	if ((i = model_find_milestone(m, milestone)) >= 0)
		return (long)m->measures[m->milestones[i].measure].lead;
	return -1;
}

/* The division whose code or name is in text (the longest one, so that
 * 子育て支援課 wins over a shorter name inside it), or -1. */
static long division_in(const struct model *m, const char *text)
{
	long best = -1;
	size_t best_len = 0;

	for (size_t d = 0; d < m->ndivisions; d++) {
		const char *names[2] = {m->divisions[d].code, m->divisions[d].name};

		for (int k = 0; k < 2; k++) {
			size_t len = strlen(names[k]);

			if (len > best_len && strstr(text, names[k])) {
				best = (long)d;
				best_len = len;
			}
		}
	}
	return best;
}

/* For a file no row of which names a known division or item (refused as a
 * whole, or every row refused without a 課): the division in its name, else
 * in its folders; remembered as a guess. */
static void attribute_by_name(struct attribution *a, struct strbuf *tmp, const struct model *m,
			      const char *file)
{
	const char *base = strrchr(file, '/');
	long d = division_in(m, base ? base + 1 : file);

	if (d < 0 && base) {
		sb_reset(tmp);
		sb_add(tmp, file, (size_t)(base - file));
		d = division_in(m, sb_str(tmp));
	}
	if (d < 0)
		return;
	attribute(a, tmp, file, NULL, 0, d);
	hmap_put(&a->guessed, file, pack(0));
}

static void note_period(struct attribution *a, struct strbuf *tmp, const struct src *s, int period)
{
	if (period < 0 || period == PERIOD_NONE)
		return;
	fact(a, tmp, s->file, s->sheet, s->row)->period = period;
}

static void attribute_all(struct attribution *a, const struct model *m, const struct parsed *p,
			  struct strbuf *tmp)
{
	for (size_t i = 0; i < p->n_actuals; i++)
		note_period(a, tmp, &p->actuals[i].src, p->actuals[i].period);
	for (size_t i = 0; i < p->n_mstatus; i++)
		note_period(a, tmp, &p->mstatus[i].src, p->mstatus[i].period);
	for (size_t i = 0; i < p->n_workload; i++)
		note_period(a, tmp, &p->workload[i].src, p->workload[i].period);
	for (size_t i = 0; i < p->n_actuals; i++)
		attribute_row(a, tmp, &p->actuals[i].src,
			      owner_by(m, p->actuals[i].division, p->actuals[i].kpi_id, NULL));
	for (size_t i = 0; i < p->n_mstatus; i++)
		attribute_row(
			a, tmp, &p->mstatus[i].src,
			owner_by(m, p->mstatus[i].division, NULL, p->mstatus[i].milestone_id));
	for (size_t i = 0; i < p->n_workload; i++)
		attribute_row(a, tmp, &p->workload[i].src,
			      owner_by(m, p->workload[i].division, NULL, NULL));
	for (size_t i = 0; i < p->nfiles; i++) {
		const struct input_file *f = &p->files[i];

		if (!hmap_has(&a->file_owners, f->path))
			attribute_by_name(a, tmp, m, f->path);
	}
}

long attribution_row_division(const struct attribution *a, const char *file, const char *sheet,
			      int row)
{
	const struct row_fact *f = find_fact(a, file, sheet, row);

	return f ? (long)f->owner : -1;
}

bool attribution_diag_bears_on(const struct attribution *a, const struct diag *g, int period)
{
	const struct row_fact *f;

	if (!g->file || g->row <= 0)
		return true;
	f = find_fact(a, g->file, g->sheet, g->row);
	if (!f || f->period < 0)
		return true;
	return f->period == period || f->period == period - 1;
}

size_t attribution_errors_bearing_on(const struct attribution *a, const struct diags *d, int period)
{
	size_t n = 0;

	for (size_t i = 0; i < d->n; i++)
		n += diag_code_severity(d->v[i].code) == SEV_ERROR &&
		     attribution_diag_bears_on(a, &d->v[i], period);
	return n;
}

const struct owners *attribution_file_divisions(const struct attribution *a, const char *file)
{
	return hmap_get(&a->file_owners, file);
}

size_t attribution_diag_owners(const struct attribution *a, const struct diag *g, size_t *out,
			       size_t max)
{
	long d =
		g->file && g->row > 0 ? attribution_row_division(a, g->file, g->sheet, g->row) : -1;
	const struct owners *o;
	size_t n = 0;

	if (d >= 0) {
		if (max)
			out[0] = (size_t)d;
		return 1;
	}
	o = g->file ? attribution_file_divisions(a, g->file) : NULL;
	for (size_t i = 0; o && i < o->n && n < max; i++)
		out[n++] = o->v[i];
	return n;
}

void attribution_diag_divisions(const struct attribution *a, const struct model *m,
				const struct diag *g, struct strbuf *out)
{
	size_t owners[8];
	size_t n = attribution_diag_owners(a, g, owners, ARRAY_LEN(owners));

	for (size_t i = 0; i < n; i++)
		sb_addf(out, "%s%s", i ? "・" : "", m->divisions[owners[i]].name);
	if (n && attribution_diag_guessed(a, g))
		sb_adds(out, "（ファイル名から）");
}

bool attribution_diag_guessed(const struct attribution *a, const struct diag *g)
{
	if (!g->file || !hmap_has(&a->guessed, g->file))
		return false;
	return g->row <= 0 || attribution_row_division(a, g->file, g->sheet, g->row) < 0;
}

/* ---- the whole */

/* The refused KPI and milestone master rows of each accepted measure. */
static void collect_refused_items(struct attribution *a, const struct model *m,
				  const struct parsed *p)
{
	a->refused_item = xcalloc(m->nmeasures + 1, sizeof(*a->refused_item));
	a->refused_id = xcalloc(m->nmeasures + 1, sizeof(*a->refused_id));
	a->refused_items = xcalloc(m->nmeasures + 1, sizeof(*a->refused_items));
	for (size_t i = 0; i < p->n_kpis + p->n_milestones; i++) {
		bool kpi = i < p->n_kpis;
		const struct row_kpi *rk = kpi ? &p->kpis[i] : NULL;
		const struct row_milestone *rm = kpi ? NULL : &p->milestones[i - p->n_kpis];
		const char *id = kpi ? rk->id : rm->id,
			   *measure = kpi ? rk->measure_id : rm->measure_id;
		const struct src *s = kpi ? &rk->src : &rm->src;
		long ms, used = kpi ? model_find_kpi(m, id) : model_find_milestone(m, id);

		/* used: the row of that ID the model kept (a later duplicate is refused) */
		if (!measure || (ms = model_find_measure(m, measure)) < 0)
			continue;
		if (used >= 0 && (kpi ? m->kpis[used].src : m->milestones[used].src) == s)
			continue;
		if (!a->refused_items[ms]++) {
			a->refused_item[ms] = s;
			a->refused_id[ms] = id;
		}
	}
}

bool attribution_division_refused(const struct attribution *a, const struct model *m, size_t d,
				  int period)
{
	const struct division *dv = &m->divisions[d];

	for (size_t i = 0; i < dv->nmeasures; i++) {
		const struct measure *ms = &m->measures[dv->measures[i]];

		for (size_t j = 0; j < ms->nkpis; j++)
			if (attribution_kpi_refused(a, ms->kpis[j], period))
				return true;
		for (size_t j = 0; j < ms->nmilestones; j++)
			if (attribution_milestone_refused(a, ms->milestones[j], period))
				return true;
	}
	return false;
}

const struct src *attribution_measure_refused(const struct attribution *a, size_t i,
					      const char **id, size_t *count)
{
	*id = a->refused_id[i];
	*count = a->refused_items[i];
	return a->refused_item[i];
}

void attribution_build(struct attribution *a, const struct model *m, const struct parsed *p)
{
	struct strbuf tmp = STRBUF_INIT;

	arena_init(&a->arena);
	hmap_init(&a->rows);
	hmap_init(&a->file_owners);
	hmap_init(&a->guessed);
	hmap_init(&a->refused);
	collect_refused(a, m, p, &tmp);
	collect_refused_items(a, m, p);
	attribute_all(a, m, p, &tmp);
	sb_release(&tmp);
}

void attribution_release(struct attribution *a)
{
	for (size_t i = 0; i < a->rows.cap; i++)
		if (a->rows.slots[i].key)
			free(((struct table_rows *)a->rows.slots[i].value)->v);
	hmap_release(&a->rows);
	hmap_release(&a->refused);
	free(a->refused_item);
	free(a->refused_id);
	free(a->refused_items);
	for (size_t i = 0; i < a->file_owners.cap; i++)
		if (a->file_owners.slots[i].key)
			free(((struct owners *)a->file_owners.slots[i].value)->v);
	hmap_release(&a->file_owners);
	hmap_release(&a->guessed);
	arena_release(&a->arena);
	memset(a, 0, sizeof(*a));
}
