/*
 * sheet_errors.c - the 入力エラー sheet of the workbooks (sheet_errors.h).
 */
#include "kaikaku.h"

#include "present.h"
#include "sheet_errors.h"

struct errs {
	const struct attribution *a;
	const struct model *m;
	const struct diags *d;
	const size_t *which;
};

static const struct diag *rec(const struct errs *e, size_t i)
{
	return &e->d->v[e->which ? e->which[i] : i];
}

enum { E_SEVERITY, E_FILE, E_SHEET, E_COLUMN, E_VALUE, E_CODE, E_MESSAGE };

static void e_text(const void *x, size_t i, const struct xw_column *col, struct xw_value *v)
{
	const struct diag *g = rec(x, i);

	switch (col->arg) {
	case E_SEVERITY:
		xv_text(v, present_severity(diag_code_severity(g->code) == SEV_ERROR));
		break;
	case E_FILE:
		xv_text(v, g->file);
		break;
	case E_SHEET:
		xv_text(v, g->sheet);
		break;
	case E_COLUMN:
		xv_text(v, g->column);
		break;
	case E_VALUE:
		xv_text(v, g->value);
		break;
	case E_CODE:
		xv_text(v, diag_code_name(g->code));
		break;
	case E_MESSAGE:
		xv_text(v, g->message);
		break;
	}
}

static void e_row(const void *x, size_t i, const struct xw_column *col, struct xw_value *v)
{
	const struct diag *g = rec(x, i);

	(void)col;
	if (g->row > 0)
		xv_number(v, g->row);
}

static void e_divisions(const void *x, size_t i, const struct xw_column *col, struct xw_value *v)
{
	const struct errs *e = x;

	(void)col;
	attribution_diag_divisions(e->a, e->m, rec(e, i), v->buf);
	/* no division: a master row, a whole master file, the input folder */
	if (!v->buf->len)
		sb_adds(v->buf, SHEET_ERRORS_PMO);
	xv_buf(v);
}

/* The summary's columns; the division's copy leaves out 課 and heads the
 * message 直し方. */
#define DIVISIONS_COLUMN 6
static const struct xw_column columns[] = {
	{"重要度", XW_TEXT, 0, 0, e_text, E_SEVERITY},
	{"ファイル", XW_TEXT, 34, 0, e_text, E_FILE},
	{"シート", XW_TEXT, 0, 0, e_text, E_SHEET},
	{"行", XW_ROWNUM, 0, 0, e_row, 0},
	{"列", XW_TEXT, 0, 0, e_text, E_COLUMN},
	{"値", XW_TEXT, 16, 0, e_text, E_VALUE},
	[DIVISIONS_COLUMN] = {"課", XW_TEXT, 0, 0, e_divisions, 0},
	{"コード", XW_TEXT, 0, 0, e_text, E_CODE},
	{"メッセージ", XW_TEXT, 60, 0, e_text, E_MESSAGE},
};

void sheet_errors(struct xw_book *b, const struct attribution *a, const struct model *m,
		  const struct diags *d, const size_t *which, size_t n, bool for_division,
		  const char *title, const char *period)
{
	struct errs e = {a, m, d, which};
	struct xw_column cols[ARRAY_LEN(columns)];
	size_t nc = 0;

	for (size_t i = 0; i < ARRAY_LEN(columns); i++)
		if (!for_division || i != DIVISIONS_COLUMN)
			cols[nc++] = columns[i];
	if (for_division)
		cols[nc - 1].name = "直し方";
	xw_list_sheet(b, "入力エラー", cols, nc, &e, which ? n : d->n, title, period);
}
