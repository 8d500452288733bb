/*
 * compute.h - the computation of the contract §3 for a report period P, as
 * pure functions: no I/O, no globals, deterministic. KPI progress, expected
 * progress and status; milestones; measures; roll-ups by division,
 * department, pillar and city; missing submissions; the KGI and its trend.
 */
#ifndef KK_COMPUTE_H
#define KK_COMPUTE_H

#include "kaikaku.h"

#include "diag.h"
#include "model.h"
#include "status.h"

/* Boundaries are inclusive up to this tolerance (67.5% vs 0.9 x 75%). */
#define COMPUTE_EPS 1e-9

struct compute_params {
	int period;
	double on_track_factor; /* 0.9 */
	double at_risk_factor;  /* 0.7 */
	double kgi_target;      /* 0.30 */
	size_t npillars;        /* the settings' pillars (measure.pillar indexes them) */
};

/* -- the rules, one function each (the unit tests' subject) */

/* (actual − baseline) / (target − baseline) */
double kpi_progress(double actual, double baseline, double target);
/* clamp((P − baseline_period) / (target_period − baseline_period), 0, 1) in quarters */
double kpi_expected(int period, int baseline_period, int target_period);
/* 達成 / 順調 / 注意 / 遅延 for a reported KPI */
enum status kpi_status(double progress, double expected, double on_track, double at_risk);
/* A milestone at P from its latest report at or before P (NULL: never reported). */
enum status milestone_status_at(const enum status *latest, int due, int period);
/* The worst of a measure's statuses; 中止 milestones are left out. */
enum status measure_status(const enum status *kpis, size_t nkpis, const enum status *milestones,
			   size_t nmilestones);

/*
 * The KGI's pace at P (contract §3 "KGI pace"): the expected rate
 * target x clamp((P − start) / (due − start), 0, 1), the status by the KPI
 * rule against it, the pace needed (target − rate) / (due − P) per quarter
 * and the pace so far rate / (P − start). rate < 0 means no rate (no
 * baseline hours): then only expected is set.
 */
struct kgi_pace {
	bool has_rate;
	double rate, target, expected;
	enum status status; /* when has_rate */
	bool has_needed;    /* false when P >= due or no rate */
	double needed;      /* per quarter; negative once the target is passed */
	bool has_so_far;    /* false when P <= start or no rate */
	double so_far;      /* per quarter */
};
void kgi_pace(double rate, double target, int period, int start, int due, double on_track,
	      double at_risk, struct kgi_pace *out);

struct kpi_result {
	enum status status;
	const struct actual *actual;   /* for P, or NULL (未報告) */
	const struct actual *previous; /* the latest earlier actual, or NULL */
	double progress;               /* when actual */
	double expected;
};

struct milestone_result {
	enum status status;
	const struct report *report; /* the latest at or before P, or NULL */
	bool overdue;                /* 遅延 because the due period has passed */
};

struct counts {
	int measures[ST__COUNT];
	int kpis[ST__COUNT];
	int milestones[ST__COUNT];
	int nmeasures, nkpis, nmilestones;
	double share; /* KPIs 順調 or 達成 / KPIs; -1 when there are none */
};

struct kgi {
	double hours_saved;
	double baseline_hours;
	double rate; /* -1 when there is no baseline */
};

struct result {
	int period;
	struct compute_params params;
	struct kpi_result *kpis;             /* per model KPI */
	struct milestone_result *milestones; /* per model milestone */
	enum status *measures;               /* per model measure */
	struct counts city;
	struct counts *departments, *divisions, *pillars;
	size_t npillars;
	struct kgi kgi;
	struct kgi *kgi_departments, *kgi_divisions;
	/* the trend: every period up to P that has submissions, and P */
	int *trend;
	size_t ntrend;
	struct kgi *trend_city;        /* [ntrend] */
	struct kgi *trend_departments; /* [ntrend * ndepartments] */
	struct kgi *trend_divisions;   /* [ntrend * ndivisions] */
	size_t *missing; /* divisions without a submission for P (未提出), in master order */
	size_t nmissing;
	size_t *workload_used; /* per (division, initiative): the latest row at or before P */
	size_t nworkload_used;
};

/* The report period when none is given (contract §3): the latest period Q
 * with 4 × D(Q) ≥ D, D(Q) the divisions with an accepted kpi_actuals,
 * milestone_status (the owner) or workload (its 課) row for Q, D those with
 * one for any period; PERIOD_NONE when no period qualifies. */
int compute_default_period(const struct model *m);
void compute(const struct model *m, const struct compute_params *params, struct result *out);
/* A warning W_IMPLAUSIBLE at each workload row that counts at r's period
 * for a division whose hours saved add up to more than its baseline hours
 * (contract §2): the rate is still computed as it is. */
void compute_implausible(const struct model *m, const struct result *r, struct diags *d);
void result_release(struct result *r);

#endif
