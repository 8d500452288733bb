/*
 * explain.h - 判定理由: why a status is what it is, in words a clerk
 * understands ("進捗率 62.0%、期待進捗 75.0% の 0.9 倍 = 67.5% に届かず → 注意").
 * Pure functions over the model and a computed result.
 */
#ifndef KK_EXPLAIN_H
#define KK_EXPLAIN_H

#include "kaikaku.h"

#include "attribution.h"
#include "compute.h"
#include "diag.h"
#include "model.h"
#include "strbuf.h"

/* Appends the reason for KPI k's status in r to out (a: whether a report
 * for P was sent and refused). */
void explain_kpi(const struct attribution *a, const struct result *r, size_t k, struct strbuf *out);
void explain_milestone(const struct model *m, const struct attribution *a, const struct result *r,
		       size_t i, struct strbuf *out);
/* d: the run's records, to say why a KPI or milestone of the measure was
 * refused in its master. */
void explain_measure(const struct model *m, const struct attribution *a, const struct diags *d,
		     const struct result *r, size_t i, struct strbuf *out);

#endif
