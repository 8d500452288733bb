/*
 * sheet_restated.c - the 過去期の修正 sheet (sheet_restated.h).
 */
#include "kaikaku.h"

#include "present.h"
#include "sheet_restated.h"

struct restated_rows {
	const struct model *m;
	const struct restatements *rs;
	const size_t *which; /* indices into rs->v */
	bool unknown;
};

enum { R_PERIOD, R_KIND, R_ITEM, R_DIVISION, R_PUBLISHED, R_NOW, R_FILE, R_SHEET, R_ROW };

static void cell(const void *x, size_t i, const struct xw_column *col, struct xw_value *v)
{
	const struct restated_rows *rr = x;
	const struct restatement *r;

	if (rr->unknown) {
		if (col->arg == R_PERIOD)
			xv_text(v, "（履歴がないため、過去期の修正は分かりません。次の四半期から比"
				   "べます）");
		return;
	}
	r = &rr->rs->v[rr->which[i]];
	switch (col->arg) {
	case R_PERIOD:
		xv_period(v, r->period);
		break;
	case R_KIND:
		xv_text(v, present_item_kind(r->kind));
		break;
	case R_ITEM:
		xv_text(v, r->item);
		break;
	case R_DIVISION:
		if (r->division >= 0)
			xv_text(v, rr->m->divisions[r->division].name);
		break;
	case R_PUBLISHED:
		xv_text(v, r->published ? r->published : "（なし）");
		break;
	case R_NOW:
		xv_text(v, r->now ? r->now : "（なし）");
		break;
	case R_FILE:
		if (r->src)
			xv_text(v, r->src->file);
		break;
	case R_SHEET:
		if (r->src)
			xv_text(v, r->src->sheet);
		break;
	case R_ROW:
		if (r->src)
			xv_number(v, r->src->row);
		break;
	}
}

static const struct xw_column columns[] = {
	{"修正された期間", XW_TEXT, 0, 0, cell, R_PERIOD},
	{"種類", XW_TEXT, 0, 0, cell, R_KIND},
	{"ID", XW_TEXT, 0, 0, cell, R_ITEM},
	{"課", XW_TEXT, 0, 0, cell, R_DIVISION},
	{"公表した値", XW_TEXT, 0, 0, cell, R_PUBLISHED},
	{"現在の値", XW_TEXT, 0, 0, cell, R_NOW},
	{"ファイル", XW_TEXT, 34, 0, cell, R_FILE},
	{"シート", XW_TEXT, 0, 0, cell, R_SHEET},
	{"行", XW_ROWNUM, 0, 0, cell, R_ROW},
};

size_t restated_count(const struct restatements *rs, long division)
{
	size_t n = 0;

	for (size_t i = 0; rs && i < rs->n; i++)
		n += division < 0 || rs->v[i].division == division;
	return n;
}

void sheet_restated(struct xw_book *b, const struct model *m, const struct restatements *rs,
		    long division, const char *title, const char *period)
{
	size_t *which = xcalloc(rs && rs->n ? rs->n : 1, sizeof(*which)), n = 0;
	struct restated_rows rr = {m, rs, which, !rs || !rs->known};

	for (size_t i = 0; rs && i < rs->n; i++)
		if (division < 0 || rs->v[i].division == division)
			which[n++] = i;
	xw_list_sheet(b, SHEET_RESTATED, columns, ARRAY_LEN(columns), &rr, rr.unknown ? 1 : n,
		      title, period);
	free(which);
}
