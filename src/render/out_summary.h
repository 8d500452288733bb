/*
 * out_summary.h - the PMO's summary workbook summary_<P>.xlsx, and what the
 * workbooks share (titles, the creation time).
 */
#ifndef KK_OUT_SUMMARY_H
#define KK_OUT_SUMMARY_H

#include "kaikaku.h"

#include <time.h>

#include "attribution.h"
#include "compute.h"
#include "diag.h"
#include "model.h"
#include "parse.h"
#include "settings.h"
#include "strbuf.h"

/* r at P, prev at P − 1 (for 前期状況); counts are model_build's for p; d
 * must be sorted. False with the reason in err. */
bool report_summary_xlsx(const struct model *m, const struct attribution *a,
			 const struct settings *s, const struct result *r, const struct result *prev,
			 const struct parsed *p, const struct model_counts *counts,
			 const struct diags *d, const char *path, struct strbuf *err);
/* The workbooks' creation time: 00:00 UTC on the last day of the period,
 * derived from the data so that reruns are byte-identical. */
time_t report_created_time(int period);
/* "抜本的な業務改革 四半期レビュー（印西市）" and the period's label. */
void report_titles(const struct settings *s, int period, char *title, size_t tsize, char *label,
		   size_t lsize);

#endif
