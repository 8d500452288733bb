/*
 * fixture.h - small cities in memory for the unit tests of the model, the
 * attribution and compute(): tables written as rows of "|"-separated cells
 * go through the real recognise and parse_table (so the period from the
 * folder, the no-value cells and the column names are the program's own),
 * then model_build and attribution_build.
 */
#ifndef KK_FIXTURE_H
#define KK_FIXTURE_H

#include "kaikaku.h"

#include <stddef.h>

#include "attribution.h"
#include "compute.h"
#include "model.h"
#include "parse.h"
#include "period.h"
#include "recognise.h"
#include "settings.h"

struct fixture {
	struct settings s;
	struct parsed p;
	struct diags d;
	struct model m;
	struct model_counts counts;
	struct attribution a;
	bool built;
};

static inline void fixture_init(struct fixture *fx)
{
	memset(fx, 0, sizeof(*fx));
	settings_defaults(&fx->s);
	parsed_init(&fx->p);
	diags_init(&fx->d);
}

/* The input file entry for path: the last one if it is path, else a new one. */
static inline struct input_file *fixture_file(struct fixture *fx, const char *path)
{
	if (fx->p.nfiles && strcmp(fx->p.files[fx->p.nfiles - 1].path, path) == 0)
		return &fx->p.files[fx->p.nfiles - 1];
	return parsed_add_file(&fx->p, path, strstr(path, ".xlsx") ? "xlsx" : "CSV (UTF-8)");
}

/* A grid from rows of "|"-separated cells: rows[i] is spreadsheet row
 * i + 1; an empty cell is no cell. The caller frees it (grid_free). */
static inline struct grid *fixture_grid(const char *sheet, const char *const *rows, size_t n)
{
	struct grid *g = grid_new(sheet, 0);

	for (size_t r = 0; r < n; r++) {
		const char *c = rows[r];
		uint32_t col = 0;

		grid_begin_row(g, (uint32_t)r + 1);
		while (c) {
			const char *bar = strchr(c, '|');
			size_t len = bar ? (size_t)(bar - c) : strlen(c);

			grid_add(g, col++, CELL_TEXT, c, len, 0, false);
			c = bar ? bar + 1 : NULL;
		}
		grid_end_row(g);
	}
	grid_finish(g);
	return g;
}

/*
 * One table of path (sheet NULL for a CSV file): rows[0] is the header (row
 * 1), as fixture_grid. The table's kind is recognised from its header and its
 * rows parsed with the period of path's folder, as in a run; the table is
 * returned (NULL when no kind matched).
 */
static inline const struct table *fixture_sheet(struct fixture *fx, const char *path,
						const char *sheet, const char *const *rows,
						size_t n)
{
	struct grid *g = fixture_grid(sheet, rows, n);
	struct shape sh;
	struct strbuf why = STRBUF_INIT;
	struct table *t = NULL;

	fixture_file(fx, path);
	if (recognise(g, &sh, &why)) {
		t = parsed_add_table(&fx->p, path, sheet, 0, sh.kind);
		parse_table(&fx->p, t, g, &sh, folder_period(path), &fx->s, &fx->d);
	}
	sb_release(&why);
	grid_free(g);
	return t;
}

#define FIXTURE_TABLE(fx, path, ...)                                          \
	fixture_sheet((fx), (path), NULL, (const char *const[]){__VA_ARGS__}, \
		      sizeof((const char *const[]){__VA_ARGS__}) / sizeof(const char *))

/* A file refused as a whole (as the readers leave it: no table, one record). */
static inline void fixture_failed_file(struct fixture *fx, const char *path)
{
	struct input_file *f = fixture_file(fx, path);
	struct loc loc = {path, NULL, 0};

	f->failed = true;
	diag_add(&fx->d, E_XLSX_BROKEN, &loc, NULL, NULL, "壊れたブックです。");
}

static inline void fixture_build(struct fixture *fx)
{
	model_build(&fx->m, &fx->counts, &fx->p, &fx->d);
	attribution_build(&fx->a, &fx->m, &fx->p);
	fx->built = true;
}

static inline void fixture_release(struct fixture *fx)
{
	if (fx->built) {
		attribution_release(&fx->a);
		model_release(&fx->m);
		model_counts_release(&fx->counts);
	}
	parsed_release(&fx->p);
	diags_release(&fx->d);
	settings_release(&fx->s);
}

/* How many records with code point at file and row (row < 0: any row). */
static inline int fixture_diags(const struct fixture *fx, enum diag_code code, const char *file,
				int row)
{
	int n = 0;

	for (size_t i = 0; i < fx->d.n; i++) {
		const struct diag *g = &fx->d.v[i];

		n += g->code == code && (!file || (g->file && strcmp(g->file, file) == 0)) &&
		     (row < 0 || g->row == row);
	}
	return n;
}

/* The index of the entry of v[n] (each size bytes) whose string at offset
 * off is key, or -1. */
static inline long fixture_find(const void *v, size_t n, size_t size, size_t off, const char *key)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(*(const char *const *)((const char *)v + i * size + off), key) == 0)
			return (long)i;
	return -1;
}

#define FIXTURE_FIND(arr, n, type, field, key) \
	fixture_find((arr), (n), sizeof(type), offsetof(type, field), (key))

/* The index of the division, measure, KPI or milestone with this code or ID, or -1. */
static inline long fixture_division(const struct fixture *fx, const char *code)
{
	return FIXTURE_FIND(fx->m.divisions, fx->m.ndivisions, struct division, code, code);
}

static inline long fixture_measure(const struct fixture *fx, const char *id)
{
	return FIXTURE_FIND(fx->m.measures, fx->m.nmeasures, struct measure, id, id);
}

static inline long fixture_kpi(const struct fixture *fx, const char *id)
{
	return FIXTURE_FIND(fx->m.kpis, fx->m.nkpis, struct kpi, id, id);
}

static inline long fixture_milestone(const struct fixture *fx, const char *id)
{
	return FIXTURE_FIND(fx->m.milestones, fx->m.nmilestones, struct milestone, id, id);
}

#endif
