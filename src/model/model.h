/*
 * model.h - the master tables and submissions resolved into one model
 * (contract §2): IDs unique per kind, references resolved (KPI -> measure ->
 * division), cascading rejection of everything that refers to a rejected
 * master row, the division that may report, identical duplicates counted
 * once, conflicts rejected on both sides. The only stage that decides whether
 * a row is accepted; every parsed row ends up accepted or rejected.
 */
#ifndef KK_MODEL_H
#define KK_MODEL_H

#include "kaikaku.h"

#include "arena.h"
#include "diag.h"
#include "hashmap.h"
#include "parse.h"
#include "settings.h"

struct department {
	const char *name;
	size_t *divisions; /* indices, in master order */
	size_t ndivisions;
};

struct division {
	const char *code, *name;
	size_t dept;
	bool has_baseline;
	double baseline;
	const size_t *measures; /* the measures it leads, in master order */
	size_t nmeasures;
	const struct src *src;
};

struct measure {
	const char *id, *name, *field, *summary, *approach;
	int pillar;
	size_t lead; /* division */
	const size_t *kpis;       /* its KPIs, in master order */
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
	size_t first_report, nreports; /* range in model.reports, by period */
	const struct src *src;
};

/* An accepted actual, one per (KPI, period). */
struct actual {
	size_t kpi;
	int period;
	double value;
	const char *comment;
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
	const struct src *src;
};

/* An accepted workload row, one per (division, initiative, period). */
struct workload {
	size_t division;
	const char *initiative;
	const char *key; /* the folded initiative */
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

struct model {
	struct arena arena;
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
	/* attribution: which division a submission row or an input file concerns */
	struct hmap row_owner;   /* "file\x1fsheet\x1frow" -> division + 1 */
	struct hmap file_owners; /* file -> struct owners */
	struct hmap refused;     /* "k|kpi|period", "m|milestone|period": a report was refused */
	const struct settings *settings;
};

/* Builds m from p; every rejection is a record in d. */
void model_build(struct model *m, struct parsed *p, const struct settings *s, struct diags *d);
void model_release(struct model *m);
/* The accepted actual of KPI k for period, or NULL. */
const struct actual *model_actual_at(const struct model *m, size_t k, int period);
/* The latest accepted actual of KPI k before period, or NULL. */
const struct actual *model_actual_before(const struct model *m, size_t k, int period);
/* The latest report of milestone ms at or before period, or NULL. */
const struct report *model_report_at_or_before(const struct model *m, size_t ms, int period);
bool model_submitted(const struct model *m, size_t division, int period);

/* True when a report for KPI k (or milestone i) and period was sent but
 * refused with an error: 判定理由 then says so instead of "no report". */
bool model_kpi_refused(const struct model *m, size_t k, int period);
bool model_milestone_refused(const struct model *m, size_t i, int period);

/* The divisions an input file concerns. */
struct owners {
	size_t *v;
	size_t n;
};

/*
 * The division a submission row concerns (its 課 cell, else the owner of its
 * KPI or milestone), accepted or not; -1 when none can be told.
 */
long model_row_division(const struct model *m, const char *file, const char *sheet, int row);
/* The divisions a file concerns (from its rows, or for a file refused as a
 * whole from a division code or name in its file name); NULL for none. */
const struct owners *model_file_divisions(const struct model *m, const char *file);

#endif
