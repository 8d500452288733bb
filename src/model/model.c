/*
 * model.c - resolving references and applying the rules of the contract §2.
 */
#include "kaikaku.h"

#include <stdarg.h>

#include "hashmap.h"
#include "model.h"
#include "number.h"
#include "period.h"
#include "recognise.h"
#include "strbuf.h"
#include "utf8.h"

#define AMBIG ((void *)UINTPTR_MAX)

static void *pack(size_t i)
{
	return (void *)(uintptr_t)(i + 1);
}

static size_t unpack(void *v)
{
	return (size_t)(uintptr_t)v - 1;
}

/* ---- IDs: exact folded keys, digits without leading zeros, rejected keys */

struct idmap {
	bool names;           /* keys are text keys (text_fold_key), not IDs */
	struct hmap exact;    /* key -> index */
	struct hmap digits;   /* all-digit key without leading zeros -> index or AMBIG */
	struct hmap rejected; /* keys of rejected rows */
	struct hmap seen;     /* every key of the kind so far -> its first src */
};

/* Kept with the model for model_find_*; the keys live in the model's arena. */
struct model_ids {
	struct idmap div_codes, div_names, measures, kpis, milestones;
};

enum lookup {
	LOOKUP_FOUND,
	LOOKUP_UNKNOWN,
	LOOKUP_AMBIGUOUS,
	LOOKUP_REJECTED,
};

struct ctx {
	struct model *m;
	struct model_counts *counts;
	size_t cap_departments, cap_submitted, cap_actuals, cap_reports, cap_workloads;
	size_t cap_periods;
	const struct parsed *p;
	struct diags *d;
	struct strbuf tmp;
	struct model_ids *ids;
};

static void idmap_init(struct idmap *im)
{
	hmap_init(&im->exact);
	hmap_init(&im->digits);
	hmap_init(&im->rejected);
	hmap_init(&im->seen);
}

static void idmap_release(struct idmap *im)
{
	hmap_release(&im->exact);
	hmap_release(&im->digits);
	hmap_release(&im->rejected);
	hmap_release(&im->seen);
}

static const char *fold_key(struct ctx *c, const char *s)
{
	sb_reset(&c->tmp);
	text_fold(&c->tmp, s);
	return arena_strdup(&c->m->arena, sb_str(&c->tmp));
}

/* A name's key (取組, divisions, departments): CP932's twins folded too (§2). */
static const char *fold_name(struct ctx *c, const char *s)
{
	sb_reset(&c->tmp);
	text_fold_key(&c->tmp, s);
	return arena_strdup(&c->m->arena, sb_str(&c->tmp));
}

static const char *key_of(struct ctx *c, const struct idmap *im, const char *s)
{
	return im->names ? fold_name(c, s) : fold_key(c, s);
}

/* "010100" -> "10100" (a suffix of key); NULL unless key is all ASCII digits. */
static const char *digits_key(const char *key)
{
	const char *p = key;

	if (!*key)
		return NULL;
	for (const char *q = key; *q; q++)
		if (*q < '0' || *q > '9')
			return NULL;
	while (p[0] == '0' && p[1])
		p++;
	return p;
}

/* key: folded, in the model's arena. */
static void idmap_add(struct idmap *im, const char *key, size_t idx)
{
	const char *dk = digits_key(key);

	if (hmap_get(&im->exact, key)) {
		hmap_put(&im->exact, key, AMBIG); /* a name shared by two entries */
		return;
	}
	hmap_put(&im->exact, key, pack(idx));
	if (dk)
		hmap_put(&im->digits, dk, hmap_has(&im->digits, dk) ? AMBIG : pack(idx));
}

/* tmp: scratch space for the folded text. */
static enum lookup idmap_find(const struct idmap *im, const char *text, struct strbuf *tmp,
			      size_t *idx)
{
	const char *key;
	void *v;
	const char *dk;

	sb_reset(tmp);
	if (im->names)
		text_fold_key(tmp, text);
	else
		text_fold(tmp, text);
	key = sb_str(tmp);
	v = hmap_get(&im->exact, key);
	if (v == AMBIG)
		return LOOKUP_AMBIGUOUS;
	if (v) {
		*idx = unpack(v);
		return LOOKUP_FOUND;
	}
	if (hmap_has(&im->rejected, key))
		return LOOKUP_REJECTED;
	/* Excel drops leading zeros: 10100 is the known 010100 if only one fits */
	dk = digits_key(key);
	if (dk && (v = hmap_get(&im->digits, dk))) {
		if (v == AMBIG)
			return LOOKUP_AMBIGUOUS;
		*idx = unpack(v);
		return LOOKUP_FOUND;
	}
	return LOOKUP_UNKNOWN;
}

/* ---- records */

static struct loc loc_of(const struct src *s)
{
	struct loc l = {s->file, s->sheet, s->row};

	return l;
}

/* "submissions/2026Q3/a.csv 5行目" or "masters.xlsx シート「施策」 5行目" */
static void src_text(const struct src *s, struct strbuf *out)
{
	if (s->sheet)
		sb_addf(out, "%s シート「%s」 %d行目", s->file, s->sheet, s->row);
	else
		sb_addf(out, "%s %d行目", s->file, s->row);
}

static void reject(struct ctx *c, const struct src *s, enum diag_code code, enum column_id col,
		   const char *value, const char *fmt, ...) KK_PRINTF(6, 7);

static void reject(struct ctx *c, const struct src *s, enum diag_code code, enum column_id col,
		   const char *value, const char *fmt, ...)
{
	struct loc l = loc_of(s);
	va_list ap;

	va_start(ap, fmt);
	diag_addv(c->d, code, &l, s->table->colname[col], value, fmt, ap);
	va_end(ap);
}

static void count(struct ctx *c, const struct src *s, bool accepted)
{
	struct table_counts *tc = &c->counts->tables[s->table->index];

	if (accepted)
		tc->accepted++;
	else
		tc->rejected++;
}

/* A repeated ID: the later row is rejected. True when it is a repeat. */
static bool repeated(struct ctx *c, struct idmap *im, const struct src *s, const char *id,
		     enum column_id col, const char *kind_ja)
{
	const char *key;
	const struct src *first;
	struct strbuf where = STRBUF_INIT;

	if (!id)
		return false;
	key = fold_key(c, id);
	first = hmap_get(&im->seen, key);
	if (!first) {
		hmap_put(&im->seen, key, (void *)s);
		return false;
	}
	src_text(first, &where);
	reject(c, s, E_DUPLICATE_ID, col, id, "%s「%s」は%sの別の行（%s）にもあります。",
	       s->table->colname[col], id, kind_ja, sb_str(&where));
	sb_release(&where);
	return true;
}

static void mark_rejected(struct ctx *c, struct idmap *im, const char *id)
{
	const char *key;

	if (!id)
		return;
	key = key_of(c, im, id);
	if (!hmap_has(&im->exact, key))
		hmap_put(&im->rejected, key, pack(0));
}

/* ---- divisions */

static enum lookup find_division(const struct model_ids *ids, const char *text, struct strbuf *tmp,
				 size_t *idx)
{
	size_t a = 0, b = 0;
	enum lookup lc = idmap_find(&ids->div_codes, text, tmp, &a);
	enum lookup ln = idmap_find(&ids->div_names, text, tmp, &b);

	if (lc == LOOKUP_FOUND && ln == LOOKUP_FOUND) {
		if (a != b)
			return LOOKUP_AMBIGUOUS;
		*idx = a;
		return LOOKUP_FOUND;
	}
	if (lc == LOOKUP_FOUND && ln != LOOKUP_AMBIGUOUS) {
		*idx = a;
		return LOOKUP_FOUND;
	}
	if (ln == LOOKUP_FOUND && lc != LOOKUP_AMBIGUOUS) {
		*idx = b;
		return LOOKUP_FOUND;
	}
	if (lc == LOOKUP_AMBIGUOUS || ln == LOOKUP_AMBIGUOUS)
		return LOOKUP_AMBIGUOUS;
	if (lc == LOOKUP_REJECTED || ln == LOOKUP_REJECTED)
		return LOOKUP_REJECTED;
	return LOOKUP_UNKNOWN;
}

/* Resolves a division reference; on failure records why and returns false. */
static bool resolve_division(struct ctx *c, const struct src *s, enum column_id col,
			     const char *text, size_t *idx)
{
	const char *name = s->table->colname[col];

	switch (find_division(c->ids, text, &c->tmp, idx)) {
	case LOOKUP_FOUND:
		return true;
	case LOOKUP_UNKNOWN:
		reject(c, s, E_UNKNOWN_DIVISION, col, text, "%s「%s」は課マスタにありません。",
		       name, text);
		break;
	case LOOKUP_AMBIGUOUS:
		reject(c, s, E_AMBIGUOUS_DIVISION, col, text,
		       "%s「%s」に当てはまる課が課マスタに複数あります。", name, text);
		break;
	case LOOKUP_REJECTED:
		reject(c, s, E_REF_REJECTED, col, text,
		       "%s「%s」は課マスタの行がエラーのため使えません。", name, text);
		break;
	}
	return false;
}

static void build_divisions(struct ctx *c)
{
	struct model *m = c->m;
	struct hmap depts;

	hmap_init(&depts);
	m->divisions = xcalloc(c->p->n_divisions ? c->p->n_divisions : 1, sizeof(*m->divisions));
	for (size_t i = 0; i < c->p->n_divisions; i++) {
		const struct row_division *r = &c->p->divisions[i];
		struct division *dv;
		const char *dkey;
		void *dp;

		if (repeated(c, &c->ids->div_codes, &r->src, r->code, COL_DIVISION_CODE,
			     "課マスタ") ||
		    r->bad) {
			mark_rejected(c, &c->ids->div_codes, r->code);
			mark_rejected(c, &c->ids->div_names, r->name);
			count(c, &r->src, false);
			continue;
		}
		dv = &m->divisions[m->ndivisions];
		dv->code = r->code;
		dv->name = r->name;
		dv->contact = r->contact;
		dv->has_baseline = r->has_baseline;
		dv->baseline = r->baseline;
		dv->src = &r->src;
		dkey = fold_name(c, r->dept);
		dp = hmap_get(&depts, dkey);
		if (!dp) {
			xgrow((void **)&m->departments, &c->cap_departments, m->ndepartments + 1,
			      sizeof(*m->departments));
			memset(&m->departments[m->ndepartments], 0, sizeof(*m->departments));
			m->departments[m->ndepartments].name = r->dept;
			dp = pack(m->ndepartments++);
			hmap_put(&depts, dkey, dp);
		}
		dv->dept = unpack(dp);
		m->departments[dv->dept].ndivisions++;
		idmap_add(&c->ids->div_codes, fold_key(c, r->code), m->ndivisions);
		idmap_add(&c->ids->div_names, fold_name(c, r->name), m->ndivisions);
		m->ndivisions++;
		count(c, &r->src, true);
	}
	hmap_release(&depts);
	/* each department's divisions, in master order */
	for (size_t i = 0; i < m->ndepartments; i++) {
		m->departments[i].divisions =
			xmalloc((m->departments[i].ndivisions + 1) * sizeof(size_t));
		m->departments[i].ndivisions = 0;
	}
	for (size_t i = 0; i < m->ndivisions; i++) {
		struct department *de = &m->departments[m->divisions[i].dept];

		de->divisions[de->ndivisions++] = i;
	}
}

/* ---- measures, KPIs, milestones */

/*
 * Resolves a reference to a measure, KPI or milestone (in the column col,
 * against the master named master); on failure records why (unknown_code
 * or E_REF_REJECTED) and returns false.
 */
static bool resolve_id(struct ctx *c, struct idmap *im, const struct src *s, enum column_id col,
		       const char *id, const char *master, enum diag_code unknown_code, size_t *idx)
{
	const char *name = s->table->colname[col];

	switch (idmap_find(im, id, &c->tmp, idx)) {
	case LOOKUP_FOUND:
		return true;
	case LOOKUP_UNKNOWN:
	case LOOKUP_AMBIGUOUS: /* IDs are unique: only the digits rule can tie */
		reject(c, s, unknown_code, col, id, "%s「%s」は%sにありません。", name, id, master);
		break;
	case LOOKUP_REJECTED:
		reject(c, s, E_REF_REJECTED, col, id, "%s「%s」は%sの行がエラーのため使えません。",
		       name, id, master);
		break;
	}
	return false;
}

static bool resolve_measure(struct ctx *c, const struct src *s, const char *id, size_t *idx)
{
	return resolve_id(c, &c->ids->measures, s, COL_MEASURE_ID, id, "施策マスタ",
			  E_UNKNOWN_MEASURE, idx);
}

static void build_measures(struct ctx *c)
{
	struct model *m = c->m;

	m->measures = xcalloc(c->p->n_measures ? c->p->n_measures : 1, sizeof(*m->measures));
	for (size_t i = 0; i < c->p->n_measures; i++) {
		const struct row_measure *r = &c->p->measures[i];
		size_t lead;
		struct measure *ms;

		if (repeated(c, &c->ids->measures, &r->src, r->id, COL_MEASURE_ID, "施策マスタ") ||
		    r->bad || !resolve_division(c, &r->src, COL_LEAD_DIVISION, r->lead, &lead)) {
			mark_rejected(c, &c->ids->measures, r->id);
			count(c, &r->src, false);
			continue;
		}
		ms = &m->measures[m->nmeasures];
		ms->id = r->id;
		ms->name = r->name;
		ms->field = r->field;
		ms->summary = r->summary;
		ms->approach = r->approach;
		ms->pillar = r->pillar;
		ms->lead = lead;
		ms->src = &r->src;
		idmap_add(&c->ids->measures, fold_key(c, r->id), m->nmeasures);
		m->nmeasures++;
		count(c, &r->src, true);
	}
}

static void build_kpis(struct ctx *c)
{
	struct model *m = c->m;

	m->kpis = xcalloc(c->p->n_kpis ? c->p->n_kpis : 1, sizeof(*m->kpis));
	for (size_t i = 0; i < c->p->n_kpis; i++) {
		const struct row_kpi *r = &c->p->kpis[i];
		size_t ms;
		struct kpi *k;

		if (repeated(c, &c->ids->kpis, &r->src, r->id, COL_KPI_ID, "KPIマスタ") || r->bad ||
		    !resolve_measure(c, &r->src, r->measure_id, &ms)) {
			mark_rejected(c, &c->ids->kpis, r->id);
			count(c, &r->src, false);
			continue;
		}
		k = &m->kpis[m->nkpis];
		memset(k, 0, sizeof(*k));
		k->id = r->id;
		k->name = r->name;
		k->unit = r->unit;
		k->measure = ms;
		k->baseline = r->baseline;
		k->target = r->target;
		k->baseline_period = r->baseline_period;
		k->target_period = r->target_period;
		k->src = &r->src;
		idmap_add(&c->ids->kpis, fold_key(c, r->id), m->nkpis);
		m->nkpis++;
		count(c, &r->src, true);
	}
}

static void build_milestones(struct ctx *c)
{
	struct model *m = c->m;

	m->milestones =
		xcalloc(c->p->n_milestones ? c->p->n_milestones : 1, sizeof(*m->milestones));
	for (size_t i = 0; i < c->p->n_milestones; i++) {
		const struct row_milestone *r = &c->p->milestones[i];
		size_t ms;
		struct milestone *mi;

		if (repeated(c, &c->ids->milestones, &r->src, r->id, COL_MILESTONE_ID,
			     "マイルストーンのマスタ") ||
		    r->bad || !resolve_measure(c, &r->src, r->measure_id, &ms)) {
			mark_rejected(c, &c->ids->milestones, r->id);
			count(c, &r->src, false);
			continue;
		}
		mi = &m->milestones[m->nmilestones];
		memset(mi, 0, sizeof(*mi));
		mi->id = r->id;
		mi->description = r->description;
		mi->measure = ms;
		mi->due = r->due;
		mi->start = r->start;
		mi->src = &r->src;
		idmap_add(&c->ids->milestones, fold_key(c, r->id), m->nmilestones);
		m->nmilestones++;
		count(c, &r->src, true);
	}
}

/* ---- submissions: candidates, then duplicates and conflicts settled */

struct cand {
	size_t row;       /* index into the parsed rows of the kind */
	size_t target;    /* KPI, milestone or division */
	const char *key2; /* the folded initiative (workload) */
	int period;
	long next; /* the next candidate with the same key, or -1 */
	bool head; /* the first candidate of its key */
};

struct cands {
	struct cand *v;
	size_t n, cap;
};

static void cand_add(struct cands *cs, size_t row, size_t target, const char *key2, int period)
{
	struct cand *c;

	xgrow((void **)&cs->v, &cs->cap, cs->n + 1, sizeof(*cs->v));
	c = &cs->v[cs->n++];
	c->row = row;
	c->target = target;
	c->key2 = key2;
	c->period = period;
	c->next = -1;
	c->head = false;
}

/* Links candidates of the same (target, key2, period) in file order. */
static void group(struct ctx *c, struct cands *cs)
{
	struct hmap last; /* key -> index of the last candidate with it */

	hmap_init(&last);
	for (size_t i = 0; i < cs->n; i++) {
		struct cand *cd = &cs->v[i];
		const char *key;
		void *prev;

		sb_reset(&c->tmp);
		sb_addf(&c->tmp, "%zu\x1f%d\x1f%s", cd->target, cd->period,
			cd->key2 ? cd->key2 : "");
		key = arena_strdup(&c->m->arena, sb_str(&c->tmp));
		prev = hmap_put(&last, key, pack(i));
		if (prev)
			cs->v[unpack(prev)].next = (long)i;
		else
			cd->head = true;
	}
	hmap_release(&last);
}

struct settle_ops {
	bool (*same)(struct ctx *c, size_t a, size_t b);
	const struct src *(*src)(struct ctx *c, size_t row);
	void (*use)(struct ctx *c, const struct cand *cd);
	void (*conflict)(struct ctx *c, const struct cand *cd, size_t other_row);
};

/* Each key used once if all its rows agree; otherwise every row is refused. */
static void settle(struct ctx *c, struct cands *cs, const struct settle_ops *ops)
{
	group(c, cs);
	for (size_t i = 0; i < cs->n; i++) {
		const struct cand *head = &cs->v[i];
		bool agree = true;

		if (!head->head)
			continue;
		for (long j = head->next; j >= 0; j = cs->v[j].next)
			agree = agree && ops->same(c, head->row, cs->v[j].row);
		if (agree) {
			ops->use(c, head);
			for (long j = (long)i; j >= 0; j = cs->v[j].next)
				count(c, ops->src(c, cs->v[j].row), true);
			continue;
		}
		for (long j = (long)i; j >= 0; j = cs->v[j].next) {
			/* name the nearest other row of the conflict */
			long other = j == (long)i ? head->next : (long)i;

			ops->conflict(c, &cs->v[j], cs->v[other].row);
			count(c, ops->src(c, cs->v[j].row), false);
		}
	}
}

static void note_submitted(struct ctx *c, size_t division, int period)
{
	struct model *m = c->m;

	xgrow((void **)&m->submitted, &c->cap_submitted, m->nsubmitted + 1, sizeof(*m->submitted));
	m->submitted[m->nsubmitted].division = division;
	m->submitted[m->nsubmitted].period = period;
	m->nsubmitted++;
}

/* The division column of a submission, where present, must be the owner. */
static bool check_owner(struct ctx *c, const struct src *s, const char *division, size_t owner,
			const char *what, const char *id)
{
	size_t idx;
	const struct division *o = &c->m->divisions[owner];

	if (!division)
		return true;
	if (!resolve_division(c, s, COL_DIVISION, division, &idx))
		return false;
	if (idx == owner)
		return true;
	reject(c, s, E_WRONG_DIVISION, COL_DIVISION, division,
	       "%s「%s」は %s（%s）の担当です。%s「%s」からは報告できません。", what, id, o->name,
	       o->code, s->table->colname[COL_DIVISION], division);
	return false;
}

/* -- kpi_actuals */

static bool actual_same(struct ctx *c, size_t a, size_t b)
{
	return c->p->actuals[a].value == c->p->actuals[b].value;
}

static const struct src *actual_src(struct ctx *c, size_t row)
{
	return &c->p->actuals[row].src;
}

static void actual_use(struct ctx *c, const struct cand *cd)
{
	struct model *m = c->m;
	const struct row_actual *r = &c->p->actuals[cd->row];
	struct actual *a;

	xgrow((void **)&m->actuals, &c->cap_actuals, m->nactuals + 1, sizeof(*m->actuals));
	a = &m->actuals[m->nactuals++];
	a->kpi = cd->target;
	a->period = cd->period;
	a->value = r->value;
	a->comment = r->comment;
	a->action = r->action;
	a->src = &r->src;
}

static void conflict_text(struct ctx *c, const struct src *s, enum column_id col, const char *value,
			  const char *what, const char *id, int period, const struct src *other,
			  const char *other_value)
{
	struct strbuf where = STRBUF_INIT, cut = STRBUF_INIT;
	char code[PERIOD_CODE_MAX];

	period_code(period, code);
	src_text(other, &where);
	other_value = diag_cut(other_value, &cut);
	reject(c, s, E_CONFLICT, col, value,
	       "%s「%s」の %s の報告が別の行（%s）にもあり、値が異なります（この行: %s、別の行: "
	       "%s）。",
	       what, id, code, sb_str(&where), value ? value : "", other_value ? other_value : "");
	sb_release(&where);
	sb_release(&cut);
}

static void actual_conflict(struct ctx *c, const struct cand *cd, size_t other_row)
{
	const struct row_actual *r = &c->p->actuals[cd->row], *o = &c->p->actuals[other_row];

	conflict_text(c, &r->src, COL_ACTUAL, r->value_text, "KPI", c->m->kpis[cd->target].id,
		      cd->period, &o->src, o->value_text);
}

static void build_actuals(struct ctx *c)
{
	static const struct settle_ops ops = {actual_same, actual_src, actual_use, actual_conflict};
	struct cands cs = {0};

	for (size_t i = 0; i < c->p->n_actuals; i++) {
		const struct row_actual *r = &c->p->actuals[i];
		size_t k = 0;
		bool ok = !r->bad;

		if (ok)
			ok = resolve_id(c, &c->ids->kpis, &r->src, COL_KPI_ID, r->kpi_id,
					" KPIマスタ", E_UNKNOWN_KPI, &k);
		if (ok)
			ok = check_owner(c, &r->src, r->division,
					 c->m->measures[c->m->kpis[k].measure].lead, "KPI",
					 c->m->kpis[k].id);
		if (!ok) {
			count(c, &r->src, false);
			continue;
		}
		cand_add(&cs, i, k, NULL, r->period);
	}
	settle(c, &cs, &ops);
	free(cs.v);
}

/* -- milestone_status */

static bool report_same(struct ctx *c, size_t a, size_t b)
{
	const struct row_mstatus *x = &c->p->mstatus[a], *y = &c->p->mstatus[b];

	return x->status == y->status && x->has_progress == y->has_progress &&
	       (!x->has_progress || x->progress == y->progress);
}

static const struct src *report_src(struct ctx *c, size_t row)
{
	return &c->p->mstatus[row].src;
}

static void report_use(struct ctx *c, const struct cand *cd)
{
	struct model *m = c->m;
	const struct row_mstatus *r = &c->p->mstatus[cd->row];
	struct report *rp;

	xgrow((void **)&m->reports, &c->cap_reports, m->nreports + 1, sizeof(*m->reports));
	rp = &m->reports[m->nreports++];
	rp->milestone = cd->target;
	rp->period = cd->period;
	rp->status = r->status;
	rp->has_progress = r->has_progress;
	rp->progress = r->progress;
	rp->comment = r->comment;
	rp->action = r->action;
	rp->src = &r->src;
}

static void report_conflict(struct ctx *c, const struct cand *cd, size_t other_row)
{
	const struct row_mstatus *r = &c->p->mstatus[cd->row], *o = &c->p->mstatus[other_row];

	conflict_text(c, &r->src, COL_STATUS, r->status_text, "マイルストーン",
		      c->m->milestones[cd->target].id, cd->period, &o->src, o->status_text);
}

static void build_reports(struct ctx *c)
{
	static const struct settle_ops ops = {report_same, report_src, report_use, report_conflict};
	struct cands cs = {0};

	for (size_t i = 0; i < c->p->n_mstatus; i++) {
		const struct row_mstatus *r = &c->p->mstatus[i];
		size_t k = 0;
		bool ok = !r->bad;

		if (ok)
			ok = resolve_id(c, &c->ids->milestones, &r->src, COL_MILESTONE_ID,
					r->milestone_id, "マイルストーンのマスタ",
					E_UNKNOWN_MILESTONE, &k);
		if (ok)
			ok = check_owner(c, &r->src, r->division,
					 c->m->measures[c->m->milestones[k].measure].lead,
					 "マイルストーン", c->m->milestones[k].id);
		if (!ok) {
			count(c, &r->src, false);
			continue;
		}
		cand_add(&cs, i, k, NULL, r->period);
	}
	settle(c, &cs, &ops);
	free(cs.v);
}

/* -- workload */

static bool workload_same(struct ctx *c, size_t a, size_t b)
{
	return c->p->workload[a].hours == c->p->workload[b].hours;
}

static const struct src *workload_src(struct ctx *c, size_t row)
{
	return &c->p->workload[row].src;
}

static void workload_use(struct ctx *c, const struct cand *cd)
{
	struct model *m = c->m;
	const struct row_workload *r = &c->p->workload[cd->row];
	struct workload *w;
	size_t ms = 0;

	xgrow((void **)&m->workloads, &c->cap_workloads, m->nworkloads + 1, sizeof(*m->workloads));
	w = &m->workloads[m->nworkloads++];
	w->division = cd->target;
	w->initiative = r->initiative;
	w->key = cd->key2;
	w->measure = r->measure_id && idmap_find(&c->ids->measures, r->measure_id, &c->tmp, &ms) ==
					      LOOKUP_FOUND
			     ? (long)ms
			     : -1;
	w->period = cd->period;
	w->hours = r->hours;
	w->comment = r->comment;
	w->src = &r->src;
}

static void workload_conflict(struct ctx *c, const struct cand *cd, size_t other_row)
{
	const struct row_workload *r = &c->p->workload[cd->row], *o = &c->p->workload[other_row];
	char a[40], b[40];
	struct strbuf what = STRBUF_INIT;

	number_format(r->hours, a, sizeof(a));
	number_format(o->hours, b, sizeof(b));
	sb_addf(&what, "%s の取組", c->m->divisions[cd->target].name);
	conflict_text(c, &r->src, COL_HOURS_SAVED, a, sb_str(&what), r->initiative, cd->period,
		      &o->src, b);
	sb_release(&what);
}

static void build_workloads(struct ctx *c)
{
	static const struct settle_ops ops = {workload_same, workload_src, workload_use,
					      workload_conflict};
	struct cands cs = {0};

	for (size_t i = 0; i < c->p->n_workload; i++) {
		const struct row_workload *r = &c->p->workload[i];
		size_t dv = 0, ms;
		bool ok = !r->bad;

		if (ok)
			ok = resolve_division(c, &r->src, COL_DIVISION, r->division, &dv);
		if (ok && r->measure_id)
			ok = resolve_measure(c, &r->src, r->measure_id, &ms);
		if (!ok) {
			count(c, &r->src, false);
			continue;
		}
		if (!c->m->divisions[dv].has_baseline) {
			struct loc l = loc_of(&r->src);
			const struct division *d = &c->m->divisions[dv];

			diag_add(c->d, W_NO_BASELINE, &l, r->src.table->colname[COL_DIVISION],
				 r->division,
				 "%s（%"
				 "s）には課マスタの基準業務量がないため、この削減時間は削減率に数え"
				 "ません。",
				 d->name, d->code);
		}
		cand_add(&cs, i, dv, fold_name(c, r->initiative), r->period);
	}
	settle(c, &cs, &ops);
	free(cs.v);
}

/* ---- ordering and indexes */

static int cmp_actual(const void *pa, const void *pb)
{
	const struct actual *a = pa, *b = pb;

	if (a->kpi != b->kpi)
		return a->kpi < b->kpi ? -1 : 1;
	return (a->period > b->period) - (a->period < b->period);
}

static int cmp_report(const void *pa, const void *pb)
{
	const struct report *a = pa, *b = pb;

	if (a->milestone != b->milestone)
		return a->milestone < b->milestone ? -1 : 1;
	return (a->period > b->period) - (a->period < b->period);
}

static int cmp_workload(const void *pa, const void *pb)
{
	const struct workload *a = pa, *b = pb;
	int k;

	if (a->division != b->division)
		return a->division < b->division ? -1 : 1;
	if ((k = strcmp(a->key, b->key)) != 0)
		return k;
	return (a->period > b->period) - (a->period < b->period);
}

static int cmp_submitted(const void *pa, const void *pb)
{
	const struct submitted *a = pa, *b = pb;

	if (a->division != b->division)
		return a->division < b->division ? -1 : 1;
	return (a->period > b->period) - (a->period < b->period);
}

static int cmp_int(const void *pa, const void *pb)
{
	int a = *(const int *)pa, b = *(const int *)pb;

	return (a > b) - (a < b);
}

static void add_period(struct ctx *c, int p)
{
	struct model *m = c->m;

	xgrow((void **)&m->periods, &c->cap_periods, m->nperiods + 1, sizeof(*m->periods));
	m->periods[m->nperiods++] = p;
}

/* A division has submitted for a period when one of its KPIs or milestones
 * has an accepted report for it (identical duplicates are the same report). */
static void collect_submitted(struct ctx *c)
{
	struct model *m = c->m;

	for (size_t i = 0; i < m->nactuals; i++)
		note_submitted(c, m->measures[m->kpis[m->actuals[i].kpi].measure].lead,
			       m->actuals[i].period);
	for (size_t i = 0; i < m->nreports; i++)
		note_submitted(c, m->measures[m->milestones[m->reports[i].milestone].measure].lead,
			       m->reports[i].period);
}

static void index_model(struct ctx *c)
{
	struct model *m = c->m;
	size_t n = 0;

	if (m->nactuals)
		qsort(m->actuals, m->nactuals, sizeof(*m->actuals), cmp_actual);
	if (m->nreports)
		qsort(m->reports, m->nreports, sizeof(*m->reports), cmp_report);
	if (m->nworkloads)
		qsort(m->workloads, m->nworkloads, sizeof(*m->workloads), cmp_workload);
	for (size_t i = 0; i < m->nactuals; i++) {
		struct kpi *k = &m->kpis[m->actuals[i].kpi];

		if (!k->nactuals)
			k->first_actual = i;
		k->nactuals++;
		add_period(c, m->actuals[i].period);
	}
	for (size_t i = 0; i < m->nreports; i++) {
		struct milestone *ms = &m->milestones[m->reports[i].milestone];

		if (!ms->nreports)
			ms->first_report = i;
		ms->nreports++;
		add_period(c, m->reports[i].period);
	}
	for (size_t i = 0; i < m->nworkloads; i++)
		add_period(c, m->workloads[i].period);
	if (m->nperiods)
		qsort(m->periods, m->nperiods, sizeof(*m->periods), cmp_int);
	for (size_t i = 0; i < m->nperiods; i++)
		if (!n || m->periods[n - 1] != m->periods[i])
			m->periods[n++] = m->periods[i];
	m->nperiods = n;
}

/* Counting sort of items by owner: fills owner lists (start, count) over one
 * flat array, in item order. */
static size_t *group_by(size_t nowners, size_t nitems,
			size_t (*owner_of)(const struct model *, size_t), const struct model *m,
			size_t *flat, size_t *count)
{
	size_t *start = xcalloc(nowners + 1, sizeof(size_t));

	for (size_t i = 0; i < nitems; i++)
		count[owner_of(m, i)]++;
	for (size_t o = 0; o < nowners; o++)
		start[o + 1] = start[o] + count[o];
	memset(count, 0, nowners * sizeof(size_t));
	for (size_t i = 0; i < nitems; i++) {
		size_t o = owner_of(m, i);

		flat[start[o] + count[o]++] = i;
	}
	return start;
}

static size_t kpi_measure(const struct model *m, size_t i)
{
	return m->kpis[i].measure;
}

static size_t milestone_measure(const struct model *m, size_t i)
{
	return m->milestones[i].measure;
}

static size_t measure_lead(const struct model *m, size_t i)
{
	return m->measures[i].lead;
}

/* The measures of each division, the KPIs and milestones of each measure. */
static void index_members(struct model *m)
{
	size_t total = m->nkpis + m->nmilestones + m->nmeasures;
	size_t *flat = m->members = xmalloc((total + 1) * sizeof(size_t));
	size_t *count = xcalloc(m->nmeasures + m->ndivisions + 1, sizeof(size_t));
	size_t *start;

	start = group_by(m->nmeasures, m->nkpis, kpi_measure, m, flat, count);
	for (size_t i = 0; i < m->nmeasures; i++) {
		m->measures[i].kpis = flat + start[i];
		m->measures[i].nkpis = count[i];
	}
	free(start);
	flat += m->nkpis;
	memset(count, 0, (m->nmeasures + 1) * sizeof(size_t));
	start = group_by(m->nmeasures, m->nmilestones, milestone_measure, m, flat, count);
	for (size_t i = 0; i < m->nmeasures; i++) {
		m->measures[i].milestones = flat + start[i];
		m->measures[i].nmilestones = count[i];
	}
	free(start);
	flat += m->nmilestones;
	memset(count, 0, (m->ndivisions + 1) * sizeof(size_t));
	start = group_by(m->ndivisions, m->nmeasures, measure_lead, m, flat, count);
	for (size_t i = 0; i < m->ndivisions; i++) {
		m->divisions[i].measures = flat + start[i];
		m->divisions[i].nmeasures = count[i];
	}
	free(start);
	free(count);
}

static void finish_submitted(struct model *m)
{
	size_t n = 0;

	if (m->nsubmitted)
		qsort(m->submitted, m->nsubmitted, sizeof(*m->submitted), cmp_submitted);
	for (size_t i = 0; i < m->nsubmitted; i++)
		if (!n || cmp_submitted(&m->submitted[n - 1], &m->submitted[i]) != 0)
			m->submitted[n++] = m->submitted[i];
	m->nsubmitted = n;
}

/* ---- the model */

static void ids_release(struct model_ids *ids)
{
	if (!ids)
		return;
	idmap_release(&ids->div_codes);
	idmap_release(&ids->div_names);
	idmap_release(&ids->measures);
	idmap_release(&ids->kpis);
	idmap_release(&ids->milestones);
	free(ids);
}

void model_build(struct model *m, struct model_counts *counts, const struct parsed *p,
		 struct diags *d)
{
	struct ctx c;

	memset(m, 0, sizeof(*m));
	arena_init(&m->arena);
	m->ids = xcalloc(1, sizeof(*m->ids));
	idmap_init(&m->ids->div_codes);
	idmap_init(&m->ids->div_names);
	m->ids->div_names.names = true;
	idmap_init(&m->ids->measures);
	idmap_init(&m->ids->kpis);
	idmap_init(&m->ids->milestones);
	counts->ntables = p->ntables;
	counts->tables = xcalloc(p->ntables + 1, sizeof(*counts->tables));
	memset(&c, 0, sizeof(c));
	c.m = m;
	c.counts = counts;
	c.p = p;
	c.d = d;
	c.ids = m->ids;
	sb_init(&c.tmp);
	build_divisions(&c);
	build_measures(&c);
	build_kpis(&c);
	build_milestones(&c);
	build_actuals(&c);
	build_reports(&c);
	build_workloads(&c);
	index_model(&c);
	index_members(m);
	collect_submitted(&c);
	finish_submitted(m);
	sb_release(&c.tmp);
}

void model_release(struct model *m)
{
	for (size_t i = 0; i < m->ndepartments; i++)
		free(m->departments[i].divisions);
	free(m->departments);
	free(m->divisions);
	free(m->measures);
	free(m->kpis);
	free(m->milestones);
	free(m->actuals);
	free(m->reports);
	free(m->workloads);
	free(m->submitted);
	free(m->periods);
	free(m->members);
	ids_release(m->ids);
	arena_release(&m->arena);
	memset(m, 0, sizeof(*m));
}

void model_counts_release(struct model_counts *counts)
{
	free(counts->tables);
	memset(counts, 0, sizeof(*counts));
}

/* -- lookups */

long model_find_division(const struct model *m, const char *text)
{
	struct strbuf tmp = STRBUF_INIT;
	size_t idx = 0;
	bool ok = text && find_division(m->ids, text, &tmp, &idx) == LOOKUP_FOUND;

	sb_release(&tmp);
	return ok ? (long)idx : -1;
}

static long find_id(const struct idmap *im, const char *id)
{
	struct strbuf tmp = STRBUF_INIT;
	size_t idx = 0;
	bool ok = id && idmap_find(im, id, &tmp, &idx) == LOOKUP_FOUND;

	sb_release(&tmp);
	return ok ? (long)idx : -1;
}

long model_find_measure(const struct model *m, const char *id)
{
	return find_id(&m->ids->measures, id);
}

long model_find_kpi(const struct model *m, const char *id)
{
	return find_id(&m->ids->kpis, id);
}

long model_find_milestone(const struct model *m, const char *id)
{
	return find_id(&m->ids->milestones, id);
}

/* The index in [first, first+n) of the last entry with period <= p, or -1. */
#define LAST_AT_OR_BEFORE(arr, first, n, p, out)                 \
	do {                                                     \
		size_t lo_ = 0, hi_ = (n);                       \
		while (lo_ < hi_) {                              \
			size_t mid_ = (lo_ + hi_) / 2;           \
			if ((arr)[(first) + mid_].period <= (p)) \
				lo_ = mid_ + 1;                  \
			else                                     \
				hi_ = mid_;                      \
		}                                                \
		(out) = lo_ ? (long)((first) + lo_ - 1) : -1;    \
	} while (0)

const struct actual *model_actual_at(const struct model *m, size_t k, int period)
{
	const struct kpi *kp = &m->kpis[k];
	long i;

	LAST_AT_OR_BEFORE(m->actuals, kp->first_actual, kp->nactuals, period, i);
	return i >= 0 && m->actuals[i].period == period ? &m->actuals[i] : NULL;
}

const struct actual *model_actual_before(const struct model *m, size_t k, int period)
{
	const struct kpi *kp = &m->kpis[k];
	long i;

	LAST_AT_OR_BEFORE(m->actuals, kp->first_actual, kp->nactuals, period - 1, i);
	return i >= 0 ? &m->actuals[i] : NULL;
}

const struct report *model_report_at_or_before(const struct model *m, size_t ms, int period)
{
	const struct milestone *mi = &m->milestones[ms];
	long i;

	LAST_AT_OR_BEFORE(m->reports, mi->first_report, mi->nreports, period, i);
	return i >= 0 ? &m->reports[i] : NULL;
}

bool model_submitted(const struct model *m, size_t division, int period)
{
	struct submitted key = {division, period};

	return m->nsubmitted &&
	       bsearch(&key, m->submitted, m->nsubmitted, sizeof(key), cmp_submitted) != NULL;
}
