/*
 * briefing.c - the briefing figures (contract §3 "KGI pace", "Changes since
 * the previous period", "Submission completeness", §2 対応策): computed once,
 * read by every output that briefs.
 */
#include "kaikaku.h"

#include "briefing.h"
#include "period.h"
#include "recognise.h"

const char *item_id(const struct model *m, const struct item_ref *it)
{
	return it->kind == ITEM_MEASURE ? m->measures[it->item].id
	       : it->kind == ITEM_KPI   ? m->kpis[it->item].id
					: m->milestones[it->item].id;
}

const char *item_name(const struct model *m, const struct item_ref *it)
{
	return it->kind == ITEM_MEASURE ? m->measures[it->item].name
	       : it->kind == ITEM_KPI   ? m->kpis[it->item].name
					: m->milestones[it->item].description;
}

/* The milestone's report for P itself (not an earlier one), or NULL. */
static const struct report *report_for(const struct result *r, size_t i)
{
	const struct report *rp = r->milestones[i].report;

	return rp && rp->period == r->period ? rp : NULL;
}

const char *item_action(const struct result *r, const struct item_ref *it)
{
	const char *a = NULL;

	if (it->kind == ITEM_KPI && r->kpis[it->item].actual)
		a = r->kpis[it->item].actual->action;
	else if (it->kind == ITEM_MILESTONE && report_for(r, it->item))
		a = report_for(r, it->item)->action;
	return a && *a ? a : NULL;
}

static bool behind(enum status s)
{
	return s == ST_DELAYED || s == ST_AT_RISK;
}

static void push(struct item_ref **v, size_t *n, enum item_kind kind, size_t item, size_t measure,
		 enum status before, enum status now)
{
	struct item_ref *it;

	*v = xrealloc(*v, (*n + 1) * sizeof(**v));
	it = &(*v)[(*n)++];
	it->kind = kind;
	it->item = item;
	it->measure = measure;
	it->before = before;
	it->now = now;
}

static void changes(const struct model *m, const struct result *r, const struct result *prev,
		    struct briefing *b)
{
	for (int kind = ITEM_MEASURE; kind <= ITEM_MILESTONE; kind++) {
		size_t n = kind == ITEM_MEASURE ? m->nmeasures
			   : kind == ITEM_KPI   ? m->nkpis
						: m->nmilestones;

		for (size_t i = 0; i < n; i++) {
			enum status now, before;
			size_t ms;

			if (kind == ITEM_MEASURE) {
				now = r->measures[i], before = prev->measures[i], ms = i;
			} else if (kind == ITEM_KPI) {
				now = r->kpis[i].status, before = prev->kpis[i].status;
				ms = m->kpis[i].measure;
			} else {
				now = r->milestones[i].status, before = prev->milestones[i].status;
				ms = m->milestones[i].measure;
			}
			if (status_rank(now) > status_rank(before))
				push(&b->worse, &b->nworse, (enum item_kind)kind, i, ms, before,
				     now);
			else if (status_rank(now) < status_rank(before))
				push(&b->improved, &b->nimproved, (enum item_kind)kind, i, ms,
				     before, now);
		}
	}
}

/* How far behind, for the order of b->behind (RULES.md §3): 遅延 before 注意;
 * within, overdue milestones (the oldest 期限 first), then KPIs by the
 * progress they lack against the expected, then milestones reported 遅延
 * before their 期限; ties in master order. */
struct behind_key {
	const struct model *m;
	const struct result *r;
};

static int behind_group(const struct result *r, const struct item_ref *it)
{
	if (it->kind == ITEM_KPI)
		return 1;
	return r->milestones[it->item].overdue ? 0 : 2;
}

static double behind_score(const struct model *m, const struct result *r, const struct item_ref *it)
{
	if (it->kind == ITEM_KPI)
		return r->kpis[it->item].progress - r->kpis[it->item].expected;
	return (double)m->milestones[it->item].due;
}

static const struct behind_key *sort_key;

static int behind_cmp(const void *x, const void *y)
{
	const struct item_ref *a = x, *b = y;
	int ga, gb;
	double sa, sb;

	if (status_rank(a->now) != status_rank(b->now))
		return status_rank(a->now) > status_rank(b->now) ? -1 : 1;
	ga = behind_group(sort_key->r, a);
	gb = behind_group(sort_key->r, b);
	if (ga != gb)
		return ga < gb ? -1 : 1;
	sa = behind_score(sort_key->m, sort_key->r, a);
	sb = behind_score(sort_key->m, sort_key->r, b);
	if (sa != sb)
		return sa < sb ? -1 : 1;
	return a->item < b->item ? -1 : a->item > b->item;
}

static int id_cmp(const void *x, const void *y)
{
	const struct item_ref *a = x, *b = y;

	if (a->kind != b->kind)
		return a->kind < b->kind ? -1 : 1;
	return strcmp(item_id(sort_key->m, a), item_id(sort_key->m, b));
}

static void behind_items(const struct model *m, const struct result *r, const struct result *prev,
			 struct briefing *b)
{
	struct behind_key key = {m, r};

	b->kpi_no_action = xcalloc(m->nkpis + 1, sizeof(bool));
	b->milestone_no_action = xcalloc(m->nmilestones + 1, sizeof(bool));
	for (size_t k = 0; k < m->nkpis; k++) {
		enum status st = r->kpis[k].status;

		if (!behind(st))
			continue;
		push(&b->behind, &b->nbehind, ITEM_KPI, k, m->kpis[k].measure, prev->kpis[k].status,
		     st);
		if (!item_action(r, &b->behind[b->nbehind - 1])) {
			b->kpi_no_action[k] = true;
			push(&b->no_action, &b->nno_action, ITEM_KPI, k, m->kpis[k].measure,
			     prev->kpis[k].status, st);
		}
	}
	for (size_t i = 0; i < m->nmilestones; i++) {
		enum status st = r->milestones[i].status;

		if (!behind(st))
			continue;
		push(&b->behind, &b->nbehind, ITEM_MILESTONE, i, m->milestones[i].measure,
		     prev->milestones[i].status, st);
		if (!item_action(r, &b->behind[b->nbehind - 1])) {
			b->milestone_no_action[i] = true;
			push(&b->no_action, &b->nno_action, ITEM_MILESTONE, i,
			     m->milestones[i].measure, prev->milestones[i].status, st);
		}
	}
	/* qsort has no context argument in C11: the key is set for the call */
	sort_key = &key;
	if (b->nbehind)
		qsort(b->behind, b->nbehind, sizeof(*b->behind), behind_cmp);
	if (b->nno_action)
		qsort(b->no_action, b->nno_action, sizeof(*b->no_action), id_cmp);
	sort_key = NULL;
}

static void completeness(const struct model *m, const struct result *r, const struct result *prev,
			 struct briefing *b)
{
	b->divisions = xcalloc(m->ndivisions + 1, sizeof(*b->divisions));
	for (size_t k = 0; k < m->nkpis; k++) {
		struct completeness *c = &b->divisions[m->measures[m->kpis[k].measure].lead];

		c->owed++;
		c->reported += r->kpis[k].actual != NULL;
	}
	for (size_t i = 0; i < m->nmilestones; i++) {
		struct completeness *c = &b->divisions[m->measures[m->milestones[i].measure].lead];
		enum status before = prev->milestones[i].status;

		if (before == ST_DONE || before == ST_CANCELLED)
			continue;
		c->owed++;
		c->reported += report_for(r, i) != NULL;
	}
	for (size_t d = 0; d < m->ndivisions; d++) {
		b->city.owed += b->divisions[d].owed;
		b->city.reported += b->divisions[d].reported;
	}
}

void briefing_build(const struct model *m, const struct result *r, const struct result *prev,
		    const struct briefing_params *bp, struct briefing *out)
{
	memset(out, 0, sizeof(*out));
	out->period = r->period;
	out->start = bp->start;
	out->due = bp->due;
	kgi_pace(r->kgi.rate, bp->kgi_target, r->period, bp->start, bp->due, bp->on_track,
		 bp->at_risk, &out->kgi);
	changes(m, r, prev, out);
	behind_items(m, r, prev, out);
	completeness(m, r, prev, out);
}

void briefing_warn(const struct model *m, const struct result *r, const struct briefing *b,
		   struct diags *d)
{
	for (size_t i = 0; i < b->nno_action; i++) {
		const struct item_ref *it = &b->no_action[i];
		const struct src *s;
		const char *col, *what = it->kind == ITEM_KPI ? "KPI" : "マイルストーン";
		char code[PERIOD_CODE_MAX];
		struct loc loc;
		bool master = false;

		if (it->kind == ITEM_KPI)
			s = r->kpis[it->item].actual->src;
		else
			s = report_for(r, it->item) ? report_for(r, it->item)->src : NULL;
		if (s) {
			col = s->table && s->table->colname[COL_ACTION]
				      ? s->table->colname[COL_ACTION]
				      : column_ja(COL_ACTION);
		} else {
			s = m->milestones[it->item].src;
			master = true;
			col = s->table ? s->table->colname[COL_MILESTONE_ID]
				       : column_ja(COL_MILESTONE_ID);
		}
		loc.file = s->file;
		loc.sheet = s->sheet;
		loc.row = s->row;
		period_code(r->period, code);
		diag_add(d, W_NO_ACTION, &loc, col, NULL,
			 "%s「%s」（%s）は %s に%sですが、対応策%s。", what, item_id(m, it),
			 item_name(m, it), code, status_word(it->now),
			 master ? "を含む今期の報告がありません" : "が書かれていません");
	}
}

void roadmap_years(const struct model *m, int period, bool (*in)(const void *ctx, size_t measure),
		   const void *ctx, int *first_fy, int *last_fy)
{
	int lo = 2024, hi = 2028; /* R6–R10 */

	for (size_t i = 0; i < m->nmilestones; i++) {
		const struct milestone *ms = &m->milestones[i];
		int first = ms->start != PERIOD_NONE ? ms->start : ms->due;

		if (in && !in(ctx, ms->measure))
			continue;
		if (period_fy(first) < lo)
			lo = period_fy(first);
		if (period_fy(ms->due) > hi)
			hi = period_fy(ms->due);
	}
	if (period_fy(period) < lo)
		lo = period_fy(period);
	if (period_fy(period) > hi)
		hi = period_fy(period);
	*first_fy = lo;
	*last_fy = hi;
}

void briefing_release(struct briefing *b)
{
	free(b->worse);
	free(b->improved);
	free(b->behind);
	free(b->no_action);
	free(b->kpi_no_action);
	free(b->milestone_no_action);
	free(b->divisions);
	memset(b, 0, sizeof(*b));
}
