/*
 * compute.c - statuses, roll-ups, missing submissions and the KGI (contract §3).
 * Pure: everything comes from the model and the parameters.
 */
#include "kaikaku.h"

#include <math.h>

#include "compute.h"
#include "number.h"
#include "period.h"
#include "recognise.h"

double kpi_progress(double actual, double baseline, double target)
{
	return (actual - baseline) / (target - baseline);
}

double kpi_expected(int period, int baseline_period, int target_period)
{
	double e = (double)(period - baseline_period) / (double)(target_period - baseline_period);

	return e < 0 ? 0 : e > 1 ? 1 : e;
}

enum status kpi_status(double progress, double expected, double on_track, double at_risk)
{
	if (progress >= 1 - COMPUTE_EPS)
		return ST_ACHIEVED;
	if (progress >= on_track * expected - COMPUTE_EPS)
		return ST_ON_TRACK;
	if (progress >= at_risk * expected - COMPUTE_EPS)
		return ST_AT_RISK;
	return ST_DELAYED;
}

void kgi_pace(double rate, double target, int period, int start, int due, double on_track,
	      double at_risk, struct kgi_pace *out)
{
	double share = due > start ? (double)(period - start) / (double)(due - start) : 1;

	memset(out, 0, sizeof(*out));
	out->target = target;
	out->expected = target * (share < 0 ? 0 : share > 1 ? 1 : share);
	out->status = ST_NOT_REPORTED;
	if (rate < 0)
		return;
	out->has_rate = true;
	out->rate = rate;
	/* the KPI rule with the target as 1: rate / target against expected / target */
	out->status =
		rate >= target - COMPUTE_EPS
			? ST_ACHIEVED
			: kpi_status(rate / target, out->expected / target, on_track, at_risk);
	if (period < due) {
		out->has_needed = true;
		out->needed = (target - rate) / (double)(due - period);
	}
	if (period > start) {
		out->has_so_far = true;
		out->so_far = rate / (double)(period - start);
	}
}

enum status milestone_status_at(const enum status *latest, int due, int period)
{
	enum status s = latest ? *latest : ST_NOT_STARTED;

	if (s == ST_DONE || s == ST_CANCELLED)
		return s;
	if (due < period)
		return ST_DELAYED;
	return s;
}

enum status measure_status(const enum status *kpis, size_t nkpis, const enum status *milestones,
			   size_t nmilestones)
{
	enum status worst = ST__COUNT;
	size_t open = 0;

	for (size_t i = 0; i < nkpis; i++)
		if (worst == ST__COUNT || status_rank(kpis[i]) > status_rank(worst))
			worst = kpis[i];
	for (size_t i = 0; i < nmilestones; i++) {
		if (milestones[i] == ST_CANCELLED)
			continue;
		open++;
		if (worst == ST__COUNT || status_rank(milestones[i]) > status_rank(worst))
			worst = milestones[i];
	}
	if (worst != ST__COUNT)
		return worst;
	/* nothing but cancelled milestones, or nothing at all */
	return nkpis == 0 && nmilestones > 0 && open == 0 ? ST_CANCELLED : ST_NOT_REPORTED;
}

struct div_period {
	size_t division;
	int period;
};

static int cmp_div_period(const void *pa, const void *pb)
{
	const struct div_period *a = pa, *b = pb;

	if (a->period != b->period)
		return a->period > b->period ? -1 : 1; /* latest first */
	return (a->division > b->division) - (a->division < b->division);
}

int compute_default_period(const struct model *m)
{
	size_t n = m->nsubmitted + m->nworkloads, k = 0, d = 0;
	struct div_period *v = xmalloc((n ? n : 1) * sizeof(*v));
	unsigned char *seen = xcalloc(m->ndivisions ? m->ndivisions : 1, 1);
	int found = PERIOD_NONE;

	/* (division, period) of every accepted kpi_actuals, milestone_status
	 * (the owner's division) and workload (its 課) row, once each */
	for (size_t i = 0; i < m->nsubmitted; i++)
		v[k++] = (struct div_period){m->submitted[i].division, m->submitted[i].period};
	for (size_t i = 0; i < m->nworkloads; i++)
		v[k++] = (struct div_period){m->workloads[i].division, m->workloads[i].period};
	if (k)
		qsort(v, k, sizeof(*v), cmp_div_period);
	for (size_t i = 0; i < k; i++) {
		if (!seen[v[i].division])
			d++;
		seen[v[i].division] = 1;
	}
	/* the latest Q with 4 × D(Q) ≥ D (contract §3) */
	for (size_t i = 0; i < k && found == PERIOD_NONE;) {
		size_t j = i, dq = 0;

		for (; j < k && v[j].period == v[i].period; j++)
			dq += j == i || v[j].division != v[j - 1].division;
		if (4 * dq >= d)
			found = v[i].period;
		i = j;
	}
	free(seen);
	free(v);
	return found;
}

static void counts_finish(struct counts *c)
{
	int good = c->kpis[ST_ON_TRACK] + c->kpis[ST_ACHIEVED];

	c->share = c->nkpis ? (double)good / c->nkpis : -1;
}

static void kgi_finish(struct kgi *k)
{
	k->rate = k->baseline_hours > 0 ? k->hours_saved / k->baseline_hours : -1;
}

/* The KGI at period q for the city, departments and divisions. Rows are sorted
 * by (division, initiative, period): the latest row at or before q of each
 * (division, initiative) counts, in the department's and the city's if its
 * division has a baseline, in its division's own hours always. */
static void kgi_at(const struct model *m, int q, struct kgi *city, struct kgi *depts,
		   struct kgi *divs, size_t **used, size_t *nused)
{
	size_t cap = 0;

	memset(city, 0, sizeof(*city));
	memset(depts, 0, m->ndepartments * sizeof(*depts));
	memset(divs, 0, m->ndivisions * sizeof(*divs));
	for (size_t d = 0; d < m->ndivisions; d++) {
		const struct division *dv = &m->divisions[d];

		if (!dv->has_baseline)
			continue;
		divs[d].baseline_hours = dv->baseline;
		depts[dv->dept].baseline_hours += dv->baseline;
		city->baseline_hours += dv->baseline;
	}
	for (size_t i = 0; i < m->nworkloads;) {
		size_t j = i;
		long pick = -1;

		/* one (division, initiative) group */
		while (j < m->nworkloads && m->workloads[j].division == m->workloads[i].division &&
		       strcmp(m->workloads[j].key, m->workloads[i].key) == 0) {
			if (m->workloads[j].period <= q)
				pick = (long)j;
			j++;
		}
		if (pick >= 0) {
			const struct workload *w = &m->workloads[pick];
			const struct division *dv = &m->divisions[w->division];

			if (used) {
				xgrow((void **)used, &cap, *nused + 1, sizeof(**used));
				(*used)[(*nused)++] = (size_t)pick;
			}
			/* a division without a baseline: its hours are its own (shown,
			 * never as 0) but count in no ratio (contract §3) */
			divs[w->division].hours_saved += w->hours;
			if (dv->has_baseline) {
				depts[dv->dept].hours_saved += w->hours;
				city->hours_saved += w->hours;
			}
		}
		i = j;
	}
	kgi_finish(city);
	for (size_t d = 0; d < m->ndepartments; d++)
		kgi_finish(&depts[d]);
	for (size_t d = 0; d < m->ndivisions; d++)
		kgi_finish(&divs[d]);
}

static void compute_kpis(const struct model *m, struct result *r)
{
	const struct compute_params *p = &r->params;

	for (size_t k = 0; k < m->nkpis; k++) {
		const struct kpi *kp = &m->kpis[k];
		struct kpi_result *kr = &r->kpis[k];

		kr->actual = model_actual_at(m, k, p->period);
		kr->previous = model_actual_before(m, k, p->period);
		kr->expected = kpi_expected(p->period, kp->baseline_period, kp->target_period);
		if (kr->actual) {
			kr->progress = kpi_progress(kr->actual->value, kp->baseline, kp->target);
			kr->status = kpi_status(kr->progress, kr->expected, p->on_track_factor,
						p->at_risk_factor);
		} else {
			kr->status = ST_NOT_REPORTED;
		}
	}
}

static void compute_milestones(const struct model *m, struct result *r)
{
	for (size_t i = 0; i < m->nmilestones; i++) {
		struct milestone_result *mr = &r->milestones[i];
		const struct report *rp = model_report_at_or_before(m, i, r->period);

		mr->report = rp;
		mr->status = milestone_status_at(rp ? &rp->status : NULL, m->milestones[i].due,
						 r->period);
		mr->overdue = mr->status == ST_DELAYED && !(rp && rp->status == ST_DELAYED);
	}
}

static void compute_measures(const struct model *m, struct result *r)
{
	enum status *ks = xmalloc((m->nkpis + 1) * sizeof(*ks));
	enum status *mss = xmalloc((m->nmilestones + 1) * sizeof(*mss));

	for (size_t i = 0; i < m->nmeasures; i++) {
		const struct measure *ms = &m->measures[i];

		for (size_t j = 0; j < ms->nkpis; j++)
			ks[j] = r->kpis[ms->kpis[j]].status;
		for (size_t j = 0; j < ms->nmilestones; j++)
			mss[j] = r->milestones[ms->milestones[j]].status;
		r->measures[i] = measure_status(ks, ms->nkpis, mss, ms->nmilestones);
	}
	free(ks);
	free(mss);
}

static void add_counts(struct counts *c, const struct counts *from)
{
	for (int s = 0; s < ST__COUNT; s++) {
		c->measures[s] += from->measures[s];
		c->kpis[s] += from->kpis[s];
		c->milestones[s] += from->milestones[s];
	}
	c->nmeasures += from->nmeasures;
	c->nkpis += from->nkpis;
	c->nmilestones += from->nmilestones;
}

static void compute_rollups(const struct model *m, struct result *r)
{
	for (size_t i = 0; i < m->nmeasures; i++) {
		struct counts *dv = &r->divisions[m->measures[i].lead];
		struct counts *pl = &r->pillars[m->measures[i].pillar];

		dv->measures[r->measures[i]]++;
		dv->nmeasures++;
		pl->measures[r->measures[i]]++;
		pl->nmeasures++;
	}
	for (size_t k = 0; k < m->nkpis; k++) {
		const struct measure *ms = &m->measures[m->kpis[k].measure];
		struct counts *dv = &r->divisions[ms->lead];
		struct counts *pl = &r->pillars[ms->pillar];

		dv->kpis[r->kpis[k].status]++;
		dv->nkpis++;
		pl->kpis[r->kpis[k].status]++;
		pl->nkpis++;
	}
	for (size_t i = 0; i < m->nmilestones; i++) {
		const struct measure *ms = &m->measures[m->milestones[i].measure];
		struct counts *dv = &r->divisions[ms->lead];
		struct counts *pl = &r->pillars[ms->pillar];

		dv->milestones[r->milestones[i].status]++;
		dv->nmilestones++;
		pl->milestones[r->milestones[i].status]++;
		pl->nmilestones++;
	}
	for (size_t d = 0; d < m->ndivisions; d++) {
		add_counts(&r->departments[m->divisions[d].dept], &r->divisions[d]);
		add_counts(&r->city, &r->divisions[d]);
	}
	counts_finish(&r->city);
	for (size_t d = 0; d < m->ndepartments; d++)
		counts_finish(&r->departments[d]);
	for (size_t d = 0; d < m->ndivisions; d++)
		counts_finish(&r->divisions[d]);
	for (size_t i = 0; i < r->npillars; i++)
		counts_finish(&r->pillars[i]);
}

/* 未提出: owns a KPI or an open milestone, and sent no accepted report for P. */
static void compute_missing(const struct model *m, struct result *r)
{
	bool *owes = xcalloc(m->ndivisions + 1, sizeof(bool));

	for (size_t k = 0; k < m->nkpis; k++)
		owes[m->measures[m->kpis[k].measure].lead] = true;
	for (size_t i = 0; i < m->nmilestones; i++) {
		enum status s = r->milestones[i].status;

		if (s != ST_DONE && s != ST_CANCELLED)
			owes[m->measures[m->milestones[i].measure].lead] = true;
	}
	r->missing = xmalloc((m->ndivisions + 1) * sizeof(*r->missing));
	for (size_t d = 0; d < m->ndivisions; d++)
		if (owes[d] && !model_submitted(m, d, r->period))
			r->missing[r->nmissing++] = d;
	free(owes);
}

static void compute_kgi(const struct model *m, struct result *r)
{
	size_t nd = m->ndepartments, nv = m->ndivisions;

	r->kgi_departments = xcalloc(nd + 1, sizeof(struct kgi));
	r->kgi_divisions = xcalloc(nv + 1, sizeof(struct kgi));
	kgi_at(m, r->period, &r->kgi, r->kgi_departments, r->kgi_divisions, &r->workload_used,
	       &r->nworkload_used);
	r->trend = xmalloc((m->nperiods + 1) * sizeof(*r->trend));
	for (size_t i = 0; i < m->nperiods && m->periods[i] <= r->period; i++)
		r->trend[r->ntrend++] = m->periods[i];
	if (!r->ntrend || r->trend[r->ntrend - 1] != r->period)
		r->trend[r->ntrend++] = r->period;
	r->trend_city = xcalloc(r->ntrend, sizeof(struct kgi));
	r->trend_departments = xcalloc(r->ntrend * nd + 1, sizeof(struct kgi));
	r->trend_divisions = xcalloc(r->ntrend * nv + 1, sizeof(struct kgi));
	for (size_t t = 0; t < r->ntrend; t++)
		kgi_at(m, r->trend[t], &r->trend_city[t], r->trend_departments + t * nd,
		       r->trend_divisions + t * nv, NULL, NULL);
}

void compute(const struct model *m, const struct compute_params *params, struct result *out)
{
	memset(out, 0, sizeof(*out));
	out->period = params->period;
	out->params = *params;
	out->kpis = xcalloc(m->nkpis + 1, sizeof(*out->kpis));
	out->milestones = xcalloc(m->nmilestones + 1, sizeof(*out->milestones));
	out->measures = xcalloc(m->nmeasures + 1, sizeof(*out->measures));
	out->departments = xcalloc(m->ndepartments + 1, sizeof(*out->departments));
	out->divisions = xcalloc(m->ndivisions + 1, sizeof(*out->divisions));
	out->npillars = params->npillars;
	out->pillars = xcalloc(out->npillars + 1, sizeof(*out->pillars));
	compute_kpis(m, out);
	compute_milestones(m, out);
	compute_measures(m, out);
	compute_rollups(m, out);
	compute_missing(m, out);
	compute_kgi(m, out);
}

void result_release(struct result *r)
{
	free(r->kpis);
	free(r->milestones);
	free(r->measures);
	free(r->departments);
	free(r->divisions);
	free(r->pillars);
	free(r->kgi_departments);
	free(r->kgi_divisions);
	free(r->trend);
	free(r->trend_city);
	free(r->trend_departments);
	free(r->trend_divisions);
	free(r->missing);
	free(r->workload_used);
	memset(r, 0, sizeof(*r));
}

void compute_implausible(const struct model *m, const struct result *r, struct diags *d)
{
	for (size_t i = 0; i < r->nworkload_used; i++) {
		const struct workload *w = &m->workloads[r->workload_used[i]];
		const struct division *dv = &m->divisions[w->division];
		const struct kgi *k = &r->kgi_divisions[w->division];
		struct loc loc = {w->src->file, w->src->sheet, w->src->row};
		char hours[40], base[40], value[40];

		if (!dv->has_baseline || !(k->hours_saved > dv->baseline))
			continue;
		number_format(k->hours_saved, hours, sizeof(hours));
		number_format(dv->baseline, base, sizeof(base));
		number_format(w->hours, value, sizeof(value));
		diag_add(d, W_IMPLAUSIBLE, &loc, column_ja(COL_HOURS_SAVED), value,
			 "%s（%s）の削減時間の合計 %s 時間が基準業務量 %s 時間を超えています"
			 "（削減率 %s）。この行は「%s」の %s 時間です。",
			 dv->name, dv->code, hours, base, k->rate <= 100 ? "100% 超" : "10,000% 超",
			 w->initiative, value);
	}
}
