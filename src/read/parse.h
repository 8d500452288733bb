/*
 * parse.h - a recognised grid into typed rows of its kind, and every value
 * that cannot be read into an error record. Row-local rules (a required value,
 * a number, a period, 目標値 ≠ 基準値, ...) are checked here; rules across rows
 * and tables (unique IDs, references, ownership, duplicates) belong to model.
 */
#ifndef KK_PARSE_H
#define KK_PARSE_H

#include "kaikaku.h"

#include "arena.h"
#include "diag.h"
#include "grid.h"
#include "hashmap.h"
#include "recognise.h"
#include "settings.h"
#include "status.h"

/* One table of the input: a CSV file or one sheet, recognised or not. */
struct table {
	const char *file;  /* relative to the input folder */
	const char *sheet; /* NULL for CSV */
	int sheet_index;
	enum table_kind kind; /* KIND_NONE: unrecognised */
	const char *why;      /* unrecognised: why no kind matched */
	uint32_t header_row;
	/* [COL__COUNT], shared by the tables whose headers are the same */
	const char *const *colname; /* the headers as written */
	const int *col;             /* grid column of each, or -1 */
	int rows;                   /* data rows with at least one value in the kind's columns */
	int skipped;                /* no report: the value cell was empty */
	size_t index;               /* its position in parsed.tables (model_counts are by it) */
};

/* One input file, for the ledger and the manifest. */
struct input_file {
	const char *path;   /* relative to the input folder */
	const char *format; /* "CSV (CP932)", "xlsx", "-" */
	uint64_t bytes;
	char sha256[65];
	bool failed;  /* rejected as a whole */
	bool ignored; /* not a table file, or kaikaku's own output */
};

/* Where a row came from. */
struct src {
	const char *file;
	const char *sheet;
	int row;
	const struct table *table;
};

struct row_division {
	struct src src;
	const char *code, *dept, *name;
	const char *contact; /* 連絡先, or NULL */
	bool has_baseline;
	double baseline;
	bool bad;
};

struct row_measure {
	struct src src;
	const char *id, *name, *lead, *field, *summary, *approach;
	int pillar; /* index into settings.pillars */
	bool bad;
};

struct row_kpi {
	struct src src;
	const char *id, *measure_id, *name, *unit;
	double baseline, target;
	int baseline_period, target_period;
	bool bad;
};

struct row_milestone {
	struct src src;
	const char *id, *measure_id, *description;
	int due;
	int start; /* 開始, or PERIOD_NONE (none, or after 期限: drawn at 期限) */
	bool bad;
};

struct row_actual {
	struct src src;
	const char *kpi_id;
	const char *division; /* as written, or NULL */
	const char *comment;
	const char *action; /* 対応策, or NULL */
	const char *value_text;
	double value;
	int period;
	bool bad;
};

struct row_mstatus {
	struct src src;
	const char *milestone_id;
	const char *division;
	const char *comment;
	const char *action;
	const char *status_text;
	enum status status;
	bool has_progress;
	double progress;
	int period;
	bool bad;
};

struct row_workload {
	struct src src;
	const char *division;
	const char *initiative;
	const char *measure_id; /* or NULL */
	const char *comment;
	double hours;
	int period;
	bool bad;
};

#define VEC(type, name) \
	type *name;     \
	size_t n_##name, cap_##name

struct parsed {
	struct arena arena;
	struct hmap names;   /* file, sheet and header names, each kept once in arena */
	struct hmap headers; /* the tables' colname and col arrays, each kept once */
	struct table **tables;
	size_t ntables, cap_tables;
	struct input_file *files;
	size_t nfiles, cap_files;
	VEC(struct row_division, divisions);
	VEC(struct row_measure, measures);
	VEC(struct row_kpi, kpis);
	VEC(struct row_milestone, milestones);
	VEC(struct row_actual, actuals);
	VEC(struct row_mstatus, mstatus);
	VEC(struct row_workload, workload);
	bool seen[KIND__COUNT]; /* a table of the kind was found */
};

void parsed_init(struct parsed *p);
void parsed_release(struct parsed *p);
/* Moves everything of from to the end of into, as if read into it in that
 * order (tables renumbered); from is then empty. */
void parsed_append(struct parsed *into, struct parsed *from);
/* A new table entry (file and sheet copied into p's arena). */
struct table *parsed_add_table(struct parsed *p, const char *file, const char *sheet,
			       int sheet_index, enum table_kind kind);
struct input_file *parsed_add_file(struct parsed *p, const char *path, const char *format);
/*
 * Parses the data rows under the header of g into p. folder_period is the
 * period named by the nearest enclosing folder, or PERIOD_NONE.
 */
void parse_table(struct parsed *p, struct table *t, const struct grid *g, const struct shape *sh,
		 int folder_period, const struct settings *s, struct diags *d);
/* The period of the nearest enclosing folder of relpath, or PERIOD_NONE. */
int folder_period(const char *relpath);

/* A warning W_AFTER_PERIOD at the 報告期間 of every submission row (not
 * refused by the parser) whose period is after P: not used in this run
 * (contract §3). */
void parsed_warn_after_period(const struct parsed *p, int period, struct diags *d);

#endif
