/*
 * render.h - the render stage: one bundle that every output reads, and one
 * table of outputs (render.c) that the run walks. An output is a module
 * (out_*.c) and one row in that table, nothing else.
 */
#ifndef KK_RENDER_H
#define KK_RENDER_H

#include "kaikaku.h"

#include "attribution.h"
#include "briefing.h"
#include "compute.h"
#include "diag.h"
#include "history.h"
#include "model.h"
#include "parse.h"
#include "pdf_template.h"
#include "present.h"
#include "settings.h"
#include "strbuf.h"
#include "ttf.h"

/*
 * What every output reads, read-only. The run builds it once after compute;
 * everything it points to outlives the render stage.
 */
struct render_input {
	const struct model *m;
	const struct attribution *a;       /* who owns each error, what was refused */
	const struct result *r;            /* at the report period P */
	const struct result *prev;         /* at P − 1, for 前期状況 (the same rules) */
	const struct briefing *b;          /* the briefing figures (briefing.h) */
	const struct parsed *p;            /* the input files and tables as read */
	const struct model_counts *counts; /* accepted/rejected per parsed table */
	const struct diags *d;             /* every record, sorted (diags_sort) */
	const struct settings *s;
	const struct review_template *layout; /* templates/review.xml */
	const struct ttf_coverage *cov;       /* the PDF font's characters */
	struct labels labels;                 /* title, period labels, date */
	int exit_status;                      /* what the run will exit with */
	const char *dir;      /* the folder the outputs are written into (publish.h) */
	const char *root;     /* the output folder itself, whose period folders feed.xml lists */
	const char *root_dir; /* where files of the output folder itself are written
			       * (publish_root_dir), or NULL: none are */
	long restatements;    /* W_RESTATED records; -1: unknown (no history before P) */
	const struct restatements *restated; /* the same, listed (history.h) */
	bool final;    /* the quarter is closed: 確定, not 速報 (kaikaku close) */
	unsigned jobs; /* --jobs: the worker processes of a stage, the threads of an output alone */
};

/* Fills the labels from in's settings, layout and result (present.h). */
void render_input_labels(struct render_input *in);

/*
 * An output. Most are one file: name its file (a pattern with one %s for the
 * period code, relative to the output's folder) and write_file. An output of
 * many files (one per division or department) gives plan/count/write/free
 * instead: the plan decides every file name up front; job i writes one file
 * and touches nothing shared, so jobs may run in any worker process.
 */
struct output {
	const char *what; /* for people: "集計ブック" */
	/* The kind of its jobs ("xlsx", "pdf", "public"): outputs with a stage
	 * next to one another in the table run together as jobs in the same
	 * worker processes (jobs.h), timed as "write", each kind's work apart;
	 * NULL: alone, in this process, after the outputs before it (the
	 * manifest lists everything written before it). */
	const char *stage;
	/* Alone: the lap of KAIKAKU_TIMING it is timed in with its neighbours
	 * ("files", "manifest"). */
	const char *lap;
	const char *file; /* "summary_%s.xlsx" */
	bool (*write_file)(const struct render_input *in, const char *path, struct strbuf *err);
	void *(*plan)(const struct render_input *in, struct strbuf *err);
	size_t (*count)(const void *plan);
	bool (*write)(void *plan, size_t job, struct strbuf *err);
	void (*free)(void *plan);
	/* Optional, before anything is written: records about what the output
	 * cannot show (characters the PDF font lacks). */
	void (*check)(const struct render_input *in, struct diags *d);
};

/* Runs every output's check. */
void render_check(const struct render_input *in, struct diags *d);
/* Writes every output into in->dir with up to in->jobs processes; false with
 * the reason of the first output that failed. */
bool render_all(const struct render_input *in, struct strbuf *err);

/* The paths of the per-item files in dir: one per division ("<課コード>_<課>"
 * + "_<P>" + ext) or per department ("<部>_<P>" + ext), in model order,
 * distinct (names.h). Decided here once, for the output that writes them and
 * for those that link to them (配布). The caller frees each and the array. */
char **render_item_paths(const struct render_input *in, const char *dir, bool departments,
			 const char *ext);
void render_item_paths_free(char **paths, size_t n);

/* in->dir/name, created (for an output's subfolder); NULL with err. The
 * caller frees it. */
char *render_subdir(const struct render_input *in, const char *name, struct strbuf *err);

/*
 * The PDF layout and its font: review.xml beside the settings file in use,
 * else in the templates folder, else the built-in layout; the font's
 * characters for the glyph check. False with the reason for people.
 */
bool render_load_layout(const struct settings *s, struct review_template *t,
			struct ttf_coverage *cov, struct strbuf *err);

#endif
