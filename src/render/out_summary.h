/*
 * out_summary.h - the PMO's summary workbook summary_<P>.xlsx (and, until
 * the attribution module takes them, who an error concerns).
 */
#ifndef KK_OUT_SUMMARY_H
#define KK_OUT_SUMMARY_H

#include "kaikaku.h"

#include "render.h"

/* summary_<P>.xlsx: the PMO's workbook (render.h). */
extern const struct output output_summary;

/* The divisions an error record concerns (its row's, else its file's). */
size_t report_diag_owners(const struct model *m, const struct diag *g, size_t *out, size_t max);
void report_diag_divisions(const struct model *m, const struct diag *g, struct strbuf *out);

#endif
