/*
 * sheet_brief.h - the briefing figures of the pack's 総括 as rows of a
 * workbook sheet (the summary's 概要, a division's feedback 概要): the KGI
 * against its pace in the same sentence, the changes since P − 1, the
 * reports received, the items behind and those without a 対応策, the
 * restatements. From the same computation (briefing.h), never recomputed.
 */
#ifndef KK_SHEET_BRIEF_H
#define KK_SHEET_BRIEF_H

#include "kaikaku.h"

#include "render.h"
#include "xlsx_write.h"

/* The items most behind listed (the pack's 総括 lists as many as its page holds). */
#define SHEET_BRIEF_BEHIND 8

/* Writes the block from row (its title first) for the city (division < 0) or
 * one division; returns the row after it. Labels in column 0, values in 1,
 * words in 2..last merged and wrapped (the columns' widths fixed). */
uint32_t sheet_brief(struct xw_sheet *s, uint32_t row, const struct render_input *in, long division,
		     uint16_t last);

#endif
