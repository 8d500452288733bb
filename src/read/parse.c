/*
 * parse.c - typed rows from recognised grids.
 */
#include "kaikaku.h"

#include <math.h>
#include <stdarg.h>

#include "number.h"
#include "parse.h"
#include "period.h"
#include "utf8.h"

void parsed_init(struct parsed *p)
{
	memset(p, 0, sizeof(*p));
	arena_init(&p->arena);
	hmap_init(&p->names);
	hmap_init(&p->headers);
}

#define APPEND_VEC(into, from, name)                                               \
	do {                                                                       \
		xgrow((void **)&(into)->name, &(into)->cap_##name,                 \
		      (into)->n_##name + (from)->n_##name, sizeof(*(into)->name)); \
		if ((from)->n_##name)                                              \
			memcpy((into)->name + (into)->n_##name, (from)->name,      \
			       (from)->n_##name * sizeof(*(into)->name));          \
		(into)->n_##name += (from)->n_##name;                              \
	} while (0)

void parsed_append(struct parsed *into, struct parsed *from)
{
	xgrow((void **)&into->tables, &into->cap_tables, into->ntables + from->ntables,
	      sizeof(*into->tables));
	for (size_t i = 0; i < from->ntables; i++) {
		from->tables[i]->index = into->ntables;
		into->tables[into->ntables++] = from->tables[i];
	}
	xgrow((void **)&into->files, &into->cap_files, into->nfiles + from->nfiles,
	      sizeof(*into->files));
	if (from->nfiles)
		memcpy(into->files + into->nfiles, from->files,
		       from->nfiles * sizeof(*from->files));
	into->nfiles += from->nfiles;
	APPEND_VEC(into, from, divisions);
	APPEND_VEC(into, from, measures);
	APPEND_VEC(into, from, kpis);
	APPEND_VEC(into, from, milestones);
	APPEND_VEC(into, from, actuals);
	APPEND_VEC(into, from, mstatus);
	APPEND_VEC(into, from, workload);
	for (int k = 0; k < KIND__COUNT; k++)
		into->seen[k] = into->seen[k] || from->seen[k];
	/* the strings and tables stay where they are, in into's arena now; from's
	 * interned names are not into's (each keeps its own copies) */
	arena_adopt(&into->arena, &from->arena);
	parsed_release(from);
}

/* s kept once: a city's 70,000 tables share a few dozen header, sheet and
 * file names, and each table's 31 header names were most of the parsed
 * data's memory (issue 17's peak) */
static const char *intern(struct parsed *p, const char *s)
{
	char *v;

	if (!s)
		return NULL;
	v = hmap_get(&p->names, s);
	if (!v) {
		v = arena_strdup(&p->arena, s);
		hmap_put(&p->names, v, v);
	}
	return v;
}

void parsed_release(struct parsed *p)
{
	free(p->tables);
	free(p->files);
	free(p->divisions);
	free(p->measures);
	free(p->kpis);
	free(p->milestones);
	free(p->actuals);
	free(p->mstatus);
	free(p->workload);
	hmap_release(&p->names);
	hmap_release(&p->headers);
	arena_release(&p->arena);
	memset(p, 0, sizeof(*p));
}

struct table *parsed_add_table(struct parsed *p, const char *file, const char *sheet,
			       int sheet_index, enum table_kind kind)
{
	static const char *const no_names[COL__COUNT];
	static const int no_cols[COL__COUNT];
	struct table *t = arena_zalloc(&p->arena, sizeof(*t));

	t->file = intern(p, file);
	t->sheet = intern(p, sheet);
	t->sheet_index = sheet_index;
	t->colname = no_names;
	t->col = no_cols;
	t->kind = kind;
	t->index = p->ntables;
	xgrow((void **)&p->tables, &p->cap_tables, p->ntables + 1, sizeof(*p->tables));
	p->tables[p->ntables++] = t;
	if (kind != KIND_NONE)
		p->seen[kind] = true;
	return t;
}

struct input_file *parsed_add_file(struct parsed *p, const char *path, const char *format)
{
	struct input_file *f;

	xgrow((void **)&p->files, &p->cap_files, p->nfiles + 1, sizeof(*p->files));
	f = &p->files[p->nfiles++];
	memset(f, 0, sizeof(*f));
	f->path = arena_strdup(&p->arena, path);
	f->format = arena_strdup(&p->arena, format);
	return f;
}

int folder_period(const char *relpath)
{
	const char *end = strrchr(relpath, '/');

	/* walk the folders from the innermost outwards */
	while (end) {
		const char *start = end;
		char *name;
		int period;
		bool ok;

		while (start > relpath && start[-1] != '/')
			start--;
		name = xstrndup(start, (size_t)(end - start));
		ok = period_parse_quarter(name, &period);
		free(name);
		if (ok)
			return period;
		if (start == relpath)
			break;
		end = start - 1;
	}
	return PERIOD_NONE;
}

/* ---- per-row context */

struct pctx {
	struct parsed *p;
	struct table *t;
	const struct shape *sh;
	const struct grid_row *r;
	struct diags *d;
	struct loc loc;
	bool bad;
};

static const struct cell *cell_of(struct pctx *c, enum column_id col)
{
	if (c->sh->col[col] < 0)
		return NULL;
	return grid_cell(c->r, (uint32_t)c->sh->col[col]);
}

static const char *name_of(struct pctx *c, enum column_id col)
{
	return c->sh->colname[col];
}

static void err(struct pctx *c, enum diag_code code, enum column_id col, const char *value,
		const char *fmt, ...) KK_PRINTF(5, 6);

static void err(struct pctx *c, enum diag_code code, enum column_id col, const char *value,
		const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_addv(c->d, code, &c->loc, name_of(c, col), value, fmt, ap);
	va_end(ap);
	c->bad = true;
}

/* A cell that holds no value in any sense: missing, or a spreadsheet error
 * (reported) or an unsaved formula (reported). Returns the usable cell. */
static const struct cell *usable(struct pctx *c, enum column_id col)
{
	const struct cell *cell = cell_of(c, col);

	if (!cell)
		return NULL;
	if (cell->type == CELL_ERROR) {
		err(c, E_CELL_ERROR, col, cell->text, "「%s」のセルが Excel のエラー値「%s」です。",
		    name_of(c, col), cell->text);
		return NULL;
	}
	if (cell->type == CELL_NOVALUE) {
		err(c, E_FORMULA_NO_VALUE, col, NULL,
		    "「%s」のセルは数式ですが、計算結果が保存されていません。", name_of(c, col));
		return NULL;
	}
	return cell;
}

/* Optional text: NULL when empty. */
static const char *text(struct pctx *c, enum column_id col)
{
	const struct cell *cell = usable(c, col);

	return cell ? arena_strdup(&c->p->arena, cell->text) : NULL;
}

static const char *required_text(struct pctx *c, enum column_id col)
{
	const struct cell *raw = cell_of(c, col);
	const char *s = text(c, col);

	if (!s && (!raw || (raw->type != CELL_ERROR && raw->type != CELL_NOVALUE)))
		err(c, E_REQUIRED, col, NULL, "「%s」が空です。", name_of(c, col));
	return s;
}

/* A number: NUMBER_EMPTY for no value (not an error here). */
static enum number_result number(struct pctx *c, enum column_id col, double *out)
{
	const struct cell *cell = usable(c, col);
	enum number_result r;

	if (!cell) {
		const struct cell *raw = cell_of(c, col);

		return raw ? NUMBER_BAD : NUMBER_EMPTY;
	}
	if (cell->type == CELL_DATE) {
		/* a date is not a number, whatever its serial (contract §2) */
		err(c, E_BAD_NUMBER, col, cell->text,
		    "「%s」のセルは日付（%"
		    "s）で、数値ではありません（セルの表示形式が日付になっていないか確認してくださ"
		    "い）。",
		    name_of(c, col), cell->text);
		return NUMBER_BAD;
	}
	if (cell->type == CELL_NUMBER) {
		/* the cell's value is already rounded to 15 digits; a percentage
		 * is read as shown, rounded again after the ×100 */
		*out = cell->percent ? number_round15(cell->num * 100) : cell->num;
		r = fabs(*out) >= NUMBER_LIMIT ? NUMBER_TOO_LARGE : NUMBER_OK;
	} else if (cell->type == CELL_BOOL) {
		err(c, E_BAD_NUMBER, col, cell->text, "「%s」の「%s」は数値ではありません。",
		    name_of(c, col), cell->text);
		return NUMBER_BAD;
	} else {
		r = number_parse(cell->text, out, NULL);
	}
	if (r == NUMBER_BAD)
		err(c, E_BAD_NUMBER, col, cell->text, "「%s」の「%s」は数値ではありません。",
		    name_of(c, col), cell->text);
	if (r == NUMBER_TOO_LARGE) {
		err(c, E_NUMBER_TOO_LARGE, col, cell->text,
		    "「%s」の「%s」は大きすぎます（絶対値が 10 の 15 乗以上の数値は扱えません）。",
		    name_of(c, col), cell->text);
		r = NUMBER_BAD;
	}
	return r;
}

static bool required_number(struct pctx *c, enum column_id col, double *out)
{
	enum number_result r = number(c, col, out);

	if (r == NUMBER_EMPTY)
		err(c, E_REQUIRED, col, NULL, "「%s」が空です。", name_of(c, col));
	return r == NUMBER_OK;
}

/* A period cell: PERIOD_NONE when empty (not an error here) or bad (reported). */
static int period(struct pctx *c, enum column_id col, bool *present)
{
	const struct cell *cell = usable(c, col);
	int p;

	*present = cell_of(c, col) != NULL;
	if (!cell)
		return PERIOD_NONE;
	if (!period_parse(cell->text, &p, NULL)) {
		err(c, E_BAD_PERIOD, col, cell->text, "「%s」の「%s」は期間として読めません。",
		    name_of(c, col), cell->text);
		return PERIOD_NONE;
	}
	return p;
}

static int required_period(struct pctx *c, enum column_id col)
{
	bool present;
	int p = period(c, col, &present);

	if (!present)
		err(c, E_REQUIRED, col, NULL, "「%s」が空です。", name_of(c, col));
	return p;
}

/* The report period: the 報告期間 cell, else the folder's. */
static int report_period(struct pctx *c, int folder)
{
	bool present;
	int p = period(c, COL_PERIOD, &present);

	if (present)
		return p;
	if (folder != PERIOD_NONE)
		return folder;
	err(c, E_NO_PERIOD, COL_PERIOD, NULL,
	    "報告期間が分かりません（「%"
	    "s」の列がないか空で、期間の名前のフォルダにも入っていません）。",
	    name_of(c, COL_PERIOD));
	return PERIOD_NONE;
}

/* ---- the kinds */

static struct src src_of(struct pctx *c)
{
	struct src s = {c->t->file, c->t->sheet, (int)c->r->row, c->t};

	return s;
}

static void parse_division(struct pctx *c)
{
	struct row_division v = {src_of(c), NULL, NULL, NULL, NULL, false, 0, false};
	enum number_result r;

	v.code = required_text(c, COL_DIVISION_CODE);
	v.dept = required_text(c, COL_DEPARTMENT);
	v.name = required_text(c, COL_DIVISION);
	v.contact = text(c, COL_CONTACT);
	r = number(c, COL_BASELINE_HOURS, &v.baseline);
	if (r == NUMBER_OK) {
		if (v.baseline < 0) {
			const struct cell *cell = cell_of(c, COL_BASELINE_HOURS);

			err(c, E_NEGATIVE, COL_BASELINE_HOURS, cell->text,
			    "「%s」の「%s」は負の値です。", name_of(c, COL_BASELINE_HOURS),
			    cell->text);
		} else {
			v.has_baseline = true;
		}
	}
	v.bad = c->bad;
	xgrow((void **)&c->p->divisions, &c->p->cap_divisions, c->p->n_divisions + 1, sizeof(v));
	c->p->divisions[c->p->n_divisions++] = v;
}

static void parse_measure(struct pctx *c, const struct settings *s)
{
	struct row_measure v = {src_of(c), NULL, NULL, NULL, NULL, NULL, NULL, -1, false};
	const char *pillar;

	v.id = required_text(c, COL_MEASURE_ID);
	v.name = required_text(c, COL_MEASURE_NAME);
	v.lead = required_text(c, COL_LEAD_DIVISION);
	pillar = required_text(c, COL_PILLAR);
	if (pillar) {
		v.pillar = settings_find_pillar(s, pillar);
		if (v.pillar < 0)
			err(c, E_BAD_PILLAR, COL_PILLAR, pillar,
			    "「%s」の「%s」は施策の柱の名前ではありません。",
			    name_of(c, COL_PILLAR), pillar);
	}
	v.field = text(c, COL_FIELD);
	v.summary = text(c, COL_SUMMARY);
	v.approach = text(c, COL_APPROACH);
	v.bad = c->bad;
	xgrow((void **)&c->p->measures, &c->p->cap_measures, c->p->n_measures + 1, sizeof(v));
	c->p->measures[c->p->n_measures++] = v;
}

static void parse_kpi(struct pctx *c)
{
	struct row_kpi v = {src_of(c), NULL, NULL,        NULL,        NULL,
			    0,         0,    PERIOD_NONE, PERIOD_NONE, false};
	bool have_b, have_t;

	v.id = required_text(c, COL_KPI_ID);
	v.measure_id = required_text(c, COL_MEASURE_ID);
	v.name = required_text(c, COL_KPI_NAME);
	v.unit = text(c, COL_UNIT);
	have_b = required_number(c, COL_BASELINE, &v.baseline);
	v.baseline_period = required_period(c, COL_BASELINE_PERIOD);
	have_t = required_number(c, COL_TARGET, &v.target);
	v.target_period = required_period(c, COL_TARGET_PERIOD);
	if (have_b && have_t && v.target == v.baseline) {
		char b[40], t[40];
		const struct cell *cell = cell_of(c, COL_TARGET);

		number_format(v.baseline, b, sizeof(b));
		number_format(v.target, t, sizeof(t));
		err(c, E_TARGET_EQUALS_BASELINE, COL_TARGET, cell ? cell->text : t,
		    "目標値（%s）が基準値（%s）と同じです。", t, b);
	}
	if (v.baseline_period != PERIOD_NONE && v.target_period != PERIOD_NONE &&
	    v.target_period <= v.baseline_period) {
		char b[PERIOD_CODE_MAX], t[PERIOD_CODE_MAX];
		const struct cell *cell = cell_of(c, COL_TARGET_PERIOD);

		period_code(v.baseline_period, b);
		period_code(v.target_period, t);
		err(c, E_PERIOD_ORDER, COL_TARGET_PERIOD, cell ? cell->text : t,
		    "目標時点（%s）が基準時点（%s）より後ではありません。", t, b);
	}
	v.bad = c->bad;
	xgrow((void **)&c->p->kpis, &c->p->cap_kpis, c->p->n_kpis + 1, sizeof(v));
	c->p->kpis[c->p->n_kpis++] = v;
}

static void parse_milestone(struct pctx *c)
{
	struct row_milestone v = {src_of(c), NULL, NULL, NULL, PERIOD_NONE, PERIOD_NONE, false};
	bool present;

	v.id = required_text(c, COL_MILESTONE_ID);
	v.measure_id = required_text(c, COL_MEASURE_ID);
	v.description = required_text(c, COL_DESCRIPTION);
	v.due = required_period(c, COL_DUE);
	v.start = period(c, COL_START, &present);
	if (v.start != PERIOD_NONE && v.due != PERIOD_NONE && v.start > v.due) {
		char st[PERIOD_CODE_MAX], du[PERIOD_CODE_MAX];

		period_code(v.start, st);
		period_code(v.due, du);
		diag_add(c->d, W_START_AFTER_DUE, &c->loc, name_of(c, COL_START),
			 cell_of(c, COL_START)->text, "開始（%s）が期限（%s）より後です。", st, du);
		v.start = PERIOD_NONE;
	}
	v.bad = c->bad;
	xgrow((void **)&c->p->milestones, &c->p->cap_milestones, c->p->n_milestones + 1, sizeof(v));
	c->p->milestones[c->p->n_milestones++] = v;
}

/* The value cell of a submission is empty: no report, skipped silently. */
static bool no_report(struct pctx *c, enum column_id col)
{
	const struct cell *cell = cell_of(c, col);

	return !cell || (cell->type == CELL_TEXT && number_is_no_value(cell->text));
}

static bool parse_actual(struct pctx *c, int folder)
{
	struct row_actual v = {.src = src_of(c), .period = PERIOD_NONE};

	if (no_report(c, COL_ACTUAL))
		return false;
	v.kpi_id = required_text(c, COL_KPI_ID);
	v.division = text(c, COL_DIVISION);
	v.comment = text(c, COL_COMMENT);
	v.action = text(c, COL_ACTION);
	if (cell_of(c, COL_ACTUAL))
		v.value_text = arena_strdup(&c->p->arena, cell_of(c, COL_ACTUAL)->text);
	(void)required_number(c, COL_ACTUAL, &v.value);
	v.period = report_period(c, folder);
	v.bad = c->bad;
	xgrow((void **)&c->p->actuals, &c->p->cap_actuals, c->p->n_actuals + 1, sizeof(v));
	c->p->actuals[c->p->n_actuals++] = v;
	return true;
}

static bool parse_mstatus(struct pctx *c, int folder)
{
	struct row_mstatus v = {.src = src_of(c), .status = ST_NOT_STARTED, .period = PERIOD_NONE};
	const char *st;

	if (no_report(c, COL_STATUS))
		return false;
	v.milestone_id = required_text(c, COL_MILESTONE_ID);
	v.division = text(c, COL_DIVISION);
	v.comment = text(c, COL_COMMENT);
	v.action = text(c, COL_ACTION);
	st = required_text(c, COL_STATUS);
	v.status_text = st;
	if (st && !status_parse_reported(st, &v.status))
		err(c, E_BAD_STATUS, COL_STATUS, st, "「%s」の「%s」は状況の言葉ではありません。",
		    name_of(c, COL_STATUS), st);
	if (number(c, COL_PROGRESS, &v.progress) == NUMBER_OK) {
		if (v.progress < 0 || v.progress > 100) {
			const struct cell *cell = cell_of(c, COL_PROGRESS);

			err(c, E_PROGRESS_RANGE, COL_PROGRESS, cell->text,
			    "「%s」の「%s」が 0〜100 の範囲外です。", name_of(c, COL_PROGRESS),
			    cell->text);
		} else {
			v.has_progress = true;
		}
	}
	v.period = report_period(c, folder);
	v.bad = c->bad;
	xgrow((void **)&c->p->mstatus, &c->p->cap_mstatus, c->p->n_mstatus + 1, sizeof(v));
	c->p->mstatus[c->p->n_mstatus++] = v;
	return true;
}

static bool parse_workload(struct pctx *c, int folder)
{
	struct row_workload v = {src_of(c), NULL, NULL, NULL, NULL, 0, PERIOD_NONE, false};

	if (no_report(c, COL_HOURS_SAVED))
		return false;
	v.division = required_text(c, COL_DIVISION);
	v.initiative = required_text(c, COL_INITIATIVE);
	v.measure_id = text(c, COL_MEASURE_ID);
	v.comment = text(c, COL_COMMENT);
	if (required_number(c, COL_HOURS_SAVED, &v.hours) && v.hours < 0) {
		const struct cell *cell = cell_of(c, COL_HOURS_SAVED);

		err(c, E_NEGATIVE, COL_HOURS_SAVED, cell->text, "「%s」の「%s」は負の値です。",
		    name_of(c, COL_HOURS_SAVED), cell->text);
	}
	v.period = report_period(c, folder);
	v.bad = c->bad;
	xgrow((void **)&c->p->workload, &c->p->cap_workload, c->p->n_workload + 1, sizeof(v));
	c->p->workload[c->p->n_workload++] = v;
	return true;
}

/* True when the row has a cell in any column of the table's kind. */
static bool has_kind_cells(const struct shape *sh, const struct grid_row *r)
{
	for (int col = 0; col < COL__COUNT; col++)
		if (sh->col[col] >= 0 && grid_cell(r, (uint32_t)sh->col[col]))
			return true;
	return false;
}

/* t's header names and columns: the arrays of an earlier table with the same
 * ones, or new ones kept for the next */
static void header_of(struct parsed *p, struct table *t, const struct shape *sh)
{
	const char *names[COL__COUNT];
	struct strbuf key = STRBUF_INIT;
	void **kept;

	for (int col = 0; col < COL__COUNT; col++) {
		/* the interned names are told apart by their addresses; in hex by
		 * hand, as printf for each of 70,000 tables' 31 columns cost more
		 * than what the sharing saves */
		uint64_t v[2];
		char hex[32];

		/* the contract's own name is static: kept as it is */
		names[col] = sh->colname[col] == column_ja((enum column_id)col)
				     ? sh->colname[col]
				     : intern(p, sh->colname[col]);
		v[0] = (uint32_t)sh->col[col];
		v[1] = (uint64_t)(uintptr_t)names[col];
		for (int k = 0; k < 32; k++)
			hex[k] = "0123456789abcdef"[(v[k / 16] >> (60 - 4 * (k % 16))) & 15];
		sb_add(&key, hex, 32);
	}
	kept = hmap_get(&p->headers, sb_str(&key));
	if (!kept) {
		char **n = arena_alloc(&p->arena, sizeof(names));
		int *c = arena_alloc(&p->arena, sizeof(t->col[0]) * COL__COUNT);

		memcpy(n, names, sizeof(names));
		for (int col = 0; col < COL__COUNT; col++)
			c[col] = sh->col[col];
		kept = arena_alloc(&p->arena, 2 * sizeof(*kept));
		kept[0] = n;
		kept[1] = c;
		hmap_put(&p->headers, arena_strdup(&p->arena, sb_str(&key)), kept);
	}
	t->colname = (const char *const *)kept[0];
	t->col = kept[1];
	sb_release(&key);
}

void parse_table(struct parsed *p, struct table *t, const struct grid *g, const struct shape *sh,
		 int folder, const struct settings *s, struct diags *d)
{
	t->header_row = sh->header_row;
	header_of(p, t, sh);
	for (size_t i = sh->header_index + 1; i < g->nrows; i++) {
		struct pctx c = {
			p, t, sh, &g->rows[i], d, {t->file, t->sheet, (int)g->rows[i].row}, false};
		bool counted = true;

		if (!has_kind_cells(sh, c.r))
			continue;
		t->rows++;
		switch (sh->kind) {
		case KIND_DIVISIONS:
			parse_division(&c);
			break;
		case KIND_MEASURES:
			parse_measure(&c, s);
			break;
		case KIND_KPIS:
			parse_kpi(&c);
			break;
		case KIND_MILESTONES:
			parse_milestone(&c);
			break;
		case KIND_KPI_ACTUALS:
			counted = parse_actual(&c, folder);
			break;
		case KIND_MILESTONE_STATUS:
			counted = parse_mstatus(&c, folder);
			break;
		case KIND_WORKLOAD:
			counted = parse_workload(&c, folder);
			break;
		case KIND_NONE:
		case KIND__COUNT:
			break;
		}
		if (!counted)
			t->skipped++;
	}
}

static void warn_after(const struct src *s, int row_period, int period, struct diags *d)
{
	struct loc loc = {s->file, s->sheet, s->row};
	char code[PERIOD_CODE_MAX], p[PERIOD_CODE_MAX];

	if (row_period == PERIOD_NONE || row_period <= period)
		return;
	period_code(row_period, code);
	period_code(period, p);
	diag_add(d, W_AFTER_PERIOD, &loc, s->table->colname[COL_PERIOD], code,
		 "報告期間 %s は集計する期間 %s より後なので、この集計では使っていません。", code,
		 p);
}

void parsed_warn_after_period(const struct parsed *p, int period, struct diags *d)
{
	for (size_t i = 0; i < p->n_actuals; i++)
		if (!p->actuals[i].bad)
			warn_after(&p->actuals[i].src, p->actuals[i].period, period, d);
	for (size_t i = 0; i < p->n_mstatus; i++)
		if (!p->mstatus[i].bad)
			warn_after(&p->mstatus[i].src, p->mstatus[i].period, period, d);
	for (size_t i = 0; i < p->n_workload; i++)
		if (!p->workload[i].bad)
			warn_after(&p->workload[i].src, p->workload[i].period, period, d);
}
