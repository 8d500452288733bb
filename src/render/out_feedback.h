/*
 * out_feedback.h - the divisions' feedback workbooks, one per division,
 * under feedback/ of the output: their own status and errors, and next
 * quarter's submission sheets that kaikaku reads back as they are.
 */
#ifndef KK_OUT_FEEDBACK_H
#define KK_OUT_FEEDBACK_H

#include "kaikaku.h"

#include "attribution.h"
#include "compute.h"
#include "diag.h"
#include "model.h"
#include "settings.h"
#include "strbuf.h"

/* Every division's workbook in dir (which exists), as independent jobs (one
 * per division) for worker processes (jobs.h): the plan decides every file
 * name and each division's records. d sorted; prev is the result at P − 1
 * (前期状況). False with the reason in err. */
struct feedback_plan;
struct feedback_plan *feedback_plan_new(const struct model *m, const struct attribution *a,
					const struct settings *s, const struct result *r,
					const struct result *prev, const struct diags *d,
					const char *dir);
size_t feedback_plan_count(const struct feedback_plan *pl);
bool feedback_plan_write(struct feedback_plan *pl, size_t division, struct strbuf *err);
void feedback_plan_free(struct feedback_plan *pl);

#endif
