/*
 * ingest.c - one file through read, recognise and parse.
 */
#include "kaikaku.h"

#include "ingest.h"
#include "period.h"
#include "read.h"
#include "recognise.h"

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
