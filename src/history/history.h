/*
 * history.h - the reform's memory (contract §6): output/history.sqlite
 * records what each run published for its report period and the rows it was
 * computed from, so that a later run can tell which earlier quarter's values
 * were rewritten after the fact (restatements, W_RESTATED) and an analyst can
 * trace every figure to its cell. SQLite through Debian's libsqlite3; the
 * schema is src/history/schema.sql, versioned with PRAGMA user_version.
 *
 * Order with the folder's rename (publish.h), inside the run's lock: the
 * run's record is committed first, then the folder is renamed into place. A
 * run killed between the two leaves a record whose folder was never
 * published; the next run removes it (history_open's repair), so history and
 * folders never disagree for long: as if that run had never started.
 */
#ifndef KK_HISTORY_H
#define KK_HISTORY_H

#include "kaikaku.h"

#include "compute.h"
#include "diag.h"
#include "model.h"
#include "parse.h"
#include "strbuf.h"

#define HISTORY_FILE "history.sqlite"
#define HISTORY_VERSION 2

/* A value of an earlier period that differs from what was published for it. */
struct restatement {
	int period;            /* Q, the earlier period */
	const char *kind;      /* "kpi", "milestone", "workload" */
	char *item;            /* the ID; a workload row's "課コード/取組" */
	char *published;       /* the value published then, or NULL */
	char *now;             /* the value now, or NULL */
	const struct src *src; /* where the value now comes from, or NULL */
	long division;         /* the division that owns the item, -1 when gone */
};

struct restatements {
	bool known; /* false: the history holds no published run before P */
	struct restatement *v;
	size_t n;
};

void restatements_release(struct restatements *r);

struct history;

/*
 * Opens outdir/history.sqlite. write: creates it when missing (empty: the
 * restatements are then unknown), migrates an older schema forward, and
 * removes the record of a run whose folder was never renamed into place;
 * the caller holds the output folder's lock. !write (validate): reads it if
 * it exists, writes nothing (NULL history and true when there is none).
 * False with the reason for people: a file that is not a kaikaku history or
 * is corrupt, one written by a newer kaikaku, one that cannot be read.
 */
bool history_open(const char *outdir, bool write, double wait_seconds, struct history **out,
		  struct strbuf *err);
void history_close(struct history *h);

/*
 * Every KPI actual, milestone status and workload row of a period Q before
 * period whose accepted value in m differs from what the last run for Q
 * published, into out (sorted by Q, kind, item), each also a warning
 * W_RESTATED in d at the row it comes from. h may be NULL (no history).
 */
bool history_restatements(struct history *h, const struct model *m, int period,
			  struct restatements *out, struct diags *d, struct strbuf *err);

/* When a quarter was closed (kaikaku close): true with the UTC time in at,
 * false when it is not closed. */
bool history_closed(struct history *h, int period, char at[32]);
/* The input files' hash as a run records it (SHA-256 over each file's hash
 * and path, in path order). */
void history_inputs_hash(const struct parsed *p, char hex[65]);
/* The inputs hash of the latest run for period; false when there is none. */
bool history_last_inputs(struct history *h, int period, char hex[65]);

enum history_closure { CLOSURE_NONE, CLOSURE_CLOSE, CLOSURE_REOPEN };

/* What a run published. */
struct history_run {
	const struct model *m;
	const struct result *r;
	const struct parsed *p;
	const struct diags *d;
	const struct restatements *restated;
	int exit_status;
	const char *published_dir;    /* the folder about to be renamed into place */
	enum history_closure closure; /* this run closes or reopens its quarter */
};

/* Records the run in one transaction, committed before this returns. */
bool history_record(struct history *h, const struct history_run *run, struct strbuf *err);
/* Removes the run just recorded (its folder could not be renamed into place). */
bool history_forget_last(struct history *h, struct strbuf *err);

#endif
