/*
 * report_xlsx.h - the PMO's summary workbook summary_<P>.xlsx.
 */
#ifndef KK_REPORT_XLSX_H
#define KK_REPORT_XLSX_H

#include "kaikaku.h"

#include <time.h>

#include "compute.h"
#include "diag.h"
#include "model.h"
#include "strbuf.h"

/* d must be sorted. False with the reason in err. */
bool report_summary_xlsx(const struct model *m, const struct result *r, const struct diags *d,
			 const char *path, struct strbuf *err);
/* The workbooks' creation time: 00:00 UTC on the last day of the period,
 * derived from the data so that reruns are byte-identical. */
time_t report_created_time(int period);

#endif
