/*
 * sheet_roadmap.h - the summary workbook's ロードマップ sheet (issue 13):
 * one row per milestone under its measure, one narrow column per fiscal
 * quarter (R6–R10 or as the milestones need, roadmap_years), the span from
 * 開始 to 期限 (or 期限 alone) filled in the milestone's status colours with
 * its mark, and the column of P marked in its header.
 */
#ifndef KK_SHEET_ROADMAP_H
#define KK_SHEET_ROADMAP_H

#include "kaikaku.h"

#include "render.h"
#include "xlsx_write.h"

#define SHEET_ROADMAP "ロードマップ"

void sheet_roadmap(struct xw_book *b, const struct render_input *in, const char *title,
		   const char *period);

#endif
