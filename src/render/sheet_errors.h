/*
 * sheet_errors.h - the 入力エラー sheet, one writer for the summary workbook
 * (every record, with the divisions each concerns) and the feedback workbook
 * (a division's own records, with how to fix them).
 */
#ifndef KK_SHEET_ERRORS_H
#define KK_SHEET_ERRORS_H

#include "kaikaku.h"

#include "attribution.h"
#include "diag.h"
#include "model.h"
#include "xlsx_write.h"

/* The 課 of a record no division owns: the PMO fixes it (issue 18). */
#define SHEET_ERRORS_PMO "PMO（課の作業なし）"

/*
 * The records which[0..n-1] of d (every record when which is NULL), in that
 * order, as a list sheet of b. for_division: the division's own copy (no 課
 * column; the message headed 直し方).
 */
void sheet_errors(struct xw_book *b, const struct attribution *a, const struct model *m,
		  const struct diags *d, const size_t *which, size_t n, bool for_division,
		  const char *title, const char *period);

#endif
