/*
 * sheet_restated.h - the 過去期の修正 sheet: the values of earlier quarters
 * that differ from what was published for them (history.h), in the summary
 * workbook (all of them) and a division's feedback workbook (its own).
 */
#ifndef KK_SHEET_RESTATED_H
#define KK_SHEET_RESTATED_H

#include "kaikaku.h"

#include "history.h"
#include "model.h"
#include "xlsx_write.h"

#define SHEET_RESTATED "過去期の修正"

/*
 * The restatements of rs as a list sheet of b: every one (division < 0) or
 * the division's own. rs unknown (no history before P): one line that says
 * so.
 */
void sheet_restated(struct xw_book *b, const struct model *m, const struct restatements *rs,
		    long division, const char *title, const char *period);
/* How many of rs concern division. */
size_t restated_count(const struct restatements *rs, long division);

#endif
