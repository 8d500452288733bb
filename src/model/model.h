/*
 * model.h - the master tables and submissions resolved into one model
 * (contract §2): IDs unique per kind, references resolved (KPI -> measure ->
 * division), cascading rejection of everything that refers to a rejected
 * master row, the division that may report, identical duplicates counted
 * once, conflicts rejected on both sides. The only stage that decides whether
 * a row is accepted; every parsed row ends up accepted or rejected.
 *
 * Ownership: the model borrows from the parsed tables it was built from.
 * Every string in it (IDs, names, comments, initiatives, department names)
 * except workload.key is a parsed string, and every src points at a row of
 * the parsed tables' arrays (and through it at a parsed table): the parsed
 * tables must outlive the model and must not grow while it lives. The model
 * owns its arrays, the folded keys (workload.key) and its ID lookups
 * (model_find_*); model_release frees them and nothing of the parsed tables.
 * Who owns which error and which reports were refused, for the outputs, is
 * attribution.h.
 */
#ifndef KK_MODEL_H
#define KK_MODEL_H

#include "kaikaku.h"

#include "arena.h"
#include "diag.h"
#include "parse.h"

struct department {
	const char *name;  /* as first spelled in the divisions master */
	size_t *divisions; /* indices, in master order */
	size_t ndivisions;
};

struct division {
	const char *code, *name;
	const char *contact; /* 連絡先 (mail address, extension…), or NULL */
	size_t dept;
	bool has_baseline;
	double baseline;
	const size_t *measures; /* the measures it leads, in master order */
	size_t nmeasures;
	const struct src *src;
};

struct measure {
	const char *id, *name, *field, *summary, *approach;
	int pillar;         /* index into the settings' pillars the rows were parsed with */
	size_t lead;        /* division */
	const size_t *kpis; /* its KPIs, in master order */
	size_t nkpis;
	const size_t *milestones; /* its milestones, in master order */
	size_t nmilestones;
	const struct src *src;
};

struct kpi {
	const char *id, *name, *unit;
	size_t measure;
	double baseline, target;
	int baseline_period, target_period;
	size_t first_actual, nactuals; /* range in model.actuals, by period */
	const struct src *src;
};

struct milestone {
	const char *id, *description;
	size_t measure;
	int due;
	int start; /* 開始 (for the roadmap), or PERIOD_NONE: a point at due */
	size_t first_report, nreports; /* range in model.reports, by period */
	const struct src *src;
};

/* An accepted actual, one per (KPI, period). */
struct actual {
	size_t kpi;
	int period;
	double value;
	const char *comment;
	const char *action; /* 対応策, or NULL */
	const struct src *src;
};

/* An accepted milestone report, one per (milestone, period). */
struct report {
	size_t milestone;
	int period;
	enum status status;
	bool has_progress;
	double progress;
	const char *comment;
	const char *action; /* 対応策, or NULL */
	const struct src *src;
};

/* An accepted workload row, one per (division, initiative, period). */
struct workload {
	size_t division;
	const char *initiative;
	const char *key; /* the folded initiative (owned by the model) */
	long measure;    /* -1 when none */
	int period;
	double hours;
	const char *comment;
	const struct src *src;
};

/* A division that sent an accepted kpi_actuals or milestone_status row for a period. */
struct submitted {
	size_t division;
	int period;
};

struct model_ids; /* the lookups by ID (model.c) */

struct model {
	struct arena arena; /* the folded keys */
	struct department *departments;
	size_t ndepartments;
	struct division *divisions;
	size_t ndivisions;
	struct measure *measures;
	size_t nmeasures;
	struct kpi *kpis;
	size_t nkpis;
	struct milestone *milestones;
	size_t nmilestones;
	struct actual *actuals; /* sorted by KPI, then period */
	size_t nactuals;
	struct report *reports; /* sorted by milestone, then period */
	size_t nreports;
	struct workload *workloads; /* sorted by division, initiative, period */
	size_t nworkloads;
	struct submitted *submitted; /* sorted, unique */
	size_t nsubmitted;
	int *periods; /* ascending: the periods of all accepted submission rows */
	size_t nperiods;
	size_t *members; /* the lists the divisions' and measures' pointers point into */
	struct model_ids *ids;
};

/* What model_build decided for the rows of one parsed table. Rows skipped
 * as no report (table.skipped) were never the model's to decide. */
struct table_counts {
	int accepted; /* used (or identical to a used row) */
	int rejected; /* refused with an error */
};

/* Per parsed table, by its index (table.index): [ntables] parallel to
 * parsed.tables. Owned by the caller of model_build, freed with
 * model_counts_release. */
struct model_counts {
	struct table_counts *tables;
	size_t ntables;
};

/*
 * Builds m from p (read only: p must outlive m, see above) and fills counts
 * with every row's fate; every rejection is a record in d.
 */
void model_build(struct model *m, struct model_counts *counts, const struct parsed *p,
		 struct diags *d);
void model_release(struct model *m);
void model_counts_release(struct model_counts *counts);
/* The accepted actual of KPI k for period, or NULL. */
const struct actual *model_actual_at(const struct model *m, size_t k, int period);
/* The latest accepted actual of KPI k before period, or NULL. */
const struct actual *model_actual_before(const struct model *m, size_t k, int period);
/* The latest report of milestone ms at or before period, or NULL. */
const struct report *model_report_at_or_before(const struct model *m, size_t ms, int period);
bool model_submitted(const struct model *m, size_t division, int period);

/*
 * The accepted division, KPI or milestone a cell refers to, by the rules of
 * the contract §2 (folded; a code of digits with its leading zeros dropped;
 * a division by code or name), or -1 when none does, more than one could,
 * or its master row was rejected.
 */
long model_find_division(const struct model *m, const char *text);
long model_find_measure(const struct model *m, const char *id);
long model_find_kpi(const struct model *m, const char *id);
long model_find_milestone(const struct model *m, const char *id);

#endif
