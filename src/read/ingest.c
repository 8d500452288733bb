/*
 * ingest.c - one file through read, recognise and parse.
 */
#include "kaikaku.h"

#include <malloc.h>
#include <stdatomic.h>

#include "ingest.h"
#include "jobs.h"
#include "period.h"
#include "progress.h"
#include "read.h"
#include "recognise.h"
#include "xlsx_read.h"

static void grid_to_table(struct parsed *p, const struct grid *g, const char *rel, int folder,
			  const struct settings *s, struct diags *d)
{
	struct shape sh;
	struct strbuf why = STRBUF_INIT;
	struct table *t;

	if (!recognise(g, &sh, &why)) {
		struct loc loc = {rel, g->sheet, 0};

		t = parsed_add_table(p, rel, g->sheet, g->sheet_index, KIND_NONE);
		t->why = arena_strdup(&p->arena, sb_str(&why));
		diag_add(d, W_UNRECOGNISED, &loc, NULL, NULL,
			 "unrecognised table: どの種類の表か分からないため読みませんでした（%s）。",
			 sb_str(&why));
		sb_release(&why);
		return;
	}
	sb_release(&why);
	t = parsed_add_table(p, rel, g->sheet, g->sheet_index, sh.kind);
	for (size_t i = 0; i < sh.ndup; i++) {
		struct loc loc = {rel, g->sheet, (int)sh.header_row};

		diag_add(d, W_DUPLICATE_COLUMN, &loc, sh.colname[sh.dup[i]], NULL,
			 "見出し「%s」の列が複数あります。", sh.colname[sh.dup[i]]);
	}
	parse_table(p, t, g, &sh, folder, s, d);
}

/* True when the grid's header row is a submission kind. */
static bool submission_sheet(const struct grid *g)
{
	struct shape sh;
	struct strbuf why = STRBUF_INIT;
	bool yes = recognise(g, &sh, &why) && kind_def(sh.kind)->submission;

	sb_release(&why);
	return yes;
}

void ingest_file(struct parsed *p, const char *path, const char *rel, const struct settings *s,
		 struct diags *d)
{
	struct read_result r;
	struct input_file *f;
	char format[64];
	int folder = folder_period(rel);
	size_t before = d->n;
	bool read_errors = false;

	read_file(path, rel, &s->limits, &r, d);
	for (size_t i = before; i < d->n; i++)
		read_errors = read_errors || diag_code_severity(d->v[i].code) == SEV_ERROR;
	read_describe(&r, format, sizeof(format));
	f = parsed_add_file(p, rel, format);
	f->bytes = r.bytes;
	memcpy(f->sha256, r.sha256, sizeof(f->sha256));
	/* a workbook whose every sheet was refused is a failed file too */
	f->failed = r.failed || (r.ngrids == 0 && read_errors);
	f->ignored = r.ignored;
	if (r.marker && strcmp(r.marker, OWN_MARKER_SUMMARY) == 0) {
		struct loc loc = {rel, NULL, 0};

		diag_add(d, W_OWN_OUTPUT, &loc, NULL, NULL,
			 "kaikaku が出力した集計のブックなので読みませんでした。");
		f->ignored = true;
		read_result_release(&r);
		return;
	}
	for (size_t i = 0; i < r.ngrids; i++) {
		/* a feedback workbook sent back: its submission sheets are input, its
		 * information sheets are skipped silently; a sheet whose header is a
		 * submission kind is read whatever its marks (contract §2: never
		 * skipped silently, e.g. one a clerk added or whose mark was lost) */
		if (r.marker && strcmp(r.marker, OWN_MARKER_FEEDBACK) == 0 &&
		    !(r.input_sheet && r.input_sheet[i]) && !submission_sheet(r.grids[i]))
			continue;
		grid_to_table(p, r.grids[i], rel, folder, s, d);
	}
	read_result_release(&r);
}

/* ---- every file, in threads */

/* A run of neighbouring files, read into its own tables and records. */
struct chunk {
	size_t first, end;
	struct parsed p;
	struct diags d;
};

struct reading {
	const struct discovered *found;
	const struct settings *s;
	struct chunk *chunks;
	atomic_size_t done; /* files read, for the progress line */
};

static void read_chunk(void *ctx, size_t i)
{
	struct reading *r = ctx;
	struct chunk *c = &r->chunks[i];

	/* libxml2's error handlers are each thread's own */
	xml_safety_init();
	for (size_t f = c->first; f < c->end; f++) {
		ingest_file(&c->p, r->found->v[f].path, r->found->v[f].rel, r->s, &c->d);
		progress_step(atomic_fetch_add(&r->done, 1) + 1);
	}
}

void ingest_files(struct parsed *p, const struct discovered *found, const struct settings *s,
		  struct diags *d, unsigned threads)
{
	struct reading r = {found, s, NULL, 0};
	size_t nchunks = 0, per;

	/* a few runs per thread, so that one slow run does not hold the rest up */
	if (threads > 1 && found->n >= 64) {
		nchunks = (size_t)threads * 8;
		if (nchunks > found->n / 16)
			nchunks = found->n / 16;
	}
	if (nchunks < 2) {
		for (size_t i = 0; i < found->n; i++) {
			ingest_file(p, found->v[i].path, found->v[i].rel, s, d);
			progress_step(i + 1);
		}
		return;
	}
	xml_safety_init(); /* libxml2's global set-up, before any thread */
	per = (found->n + nchunks - 1) / nchunks;
	r.chunks = xcalloc(nchunks, sizeof(*r.chunks));
	for (size_t i = 0; i < nchunks; i++) {
		r.chunks[i].first = i * per < found->n ? i * per : found->n;
		r.chunks[i].end = (i + 1) * per < found->n ? (i + 1) * per : found->n;
		parsed_init(&r.chunks[i].p);
		diags_init(&r.chunks[i].d);
		r.chunks[i].d.print_per_file = d->print_per_file;
	}
	threads_run(nchunks, threads, read_chunk, &r);
	for (size_t i = 0; i < nchunks; i++) {
		parsed_append(p, &r.chunks[i].p);
		diags_append(d, &r.chunks[i].d);
		diags_release(&r.chunks[i].d);
	}
	free(r.chunks);
	/* the grids the threads freed stay in their malloc arenas otherwise, and
	 * every worker forked later would count them (issue 17's peak) */
	malloc_trim(0);
}
