/*
 * out_review.h - the quarterly review pack review_<P>.pdf and the packs of
 * each department departments/<部>_<P>.pdf, drawn with libharu.
 */
#ifndef KK_OUT_REVIEW_H
#define KK_OUT_REVIEW_H

#include "kaikaku.h"

#include "attribution.h"
#include "compute.h"
#include "diag.h"
#include "model.h"
#include "pdf_template.h"
#include "settings.h"
#include "strbuf.h"
#include "ttf.h"

/*
 * review_<P>.pdf in dir and every department's pack in dir/departments/
 * (which exists), as independent jobs for worker processes (jobs.h): the plan
 * decides every file name and prepares the font once; job 0 is the review
 * pack, job 1 + i department i's. Each job writes one file and touches
 * nothing shared. d must be sorted; false with the reason in err.
 */
struct pdf_plan;
struct pdf_plan *pdf_plan_new(const struct model *m, const struct attribution *a,
			      const struct settings *s, const struct result *r,
			      const struct result *prev, const struct diags *d,
			      const struct review_template *t, const struct ttf_coverage *cov,
			      const char *dir, struct strbuf *err);
size_t pdf_plan_count(const struct pdf_plan *pl);
bool pdf_plan_write(struct pdf_plan *pl, size_t job, struct strbuf *err);
void pdf_plan_free(struct pdf_plan *pl);
/*
 * Before anything is written: every character of the data the packs show is
 * checked against the font; each one it lacks (drawn as 〓) is a warning
 * W_GLYPH_MISSING naming the character, the file and the row.
 */
void report_pdf_check_glyphs(const struct model *m, const struct ttf_coverage *cov,
			     struct diags *d);

#endif
