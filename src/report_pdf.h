/*
 * report_pdf.h - the quarterly review pack review_<P>.pdf and the packs of
 * each department departments/<部>_<P>.pdf, drawn with libharu.
 */
#ifndef KK_REPORT_PDF_H
#define KK_REPORT_PDF_H

#include "kaikaku.h"

#include "compute.h"
#include "diag.h"
#include "model.h"
#include "pdf_template.h"
#include "strbuf.h"
#include "ttf.h"

/*
 * Writes review_<P>.pdf into dir and every department's pack into
 * dir/departments/ (which exists). d must be sorted. False with the reason.
 */
bool report_pdf(const struct model *m, const struct result *r, const struct result *prev,
		const struct diags *d, const struct review_template *t,
		const struct ttf_coverage *cov, const char *dir, struct strbuf *err);
/*
 * Before anything is written: every character of the data the packs show is
 * checked against the font; each one it lacks (drawn as 〓) is a warning
 * W_GLYPH_MISSING naming the character, the file and the row.
 */
void report_pdf_check_glyphs(const struct model *m, const struct ttf_coverage *cov,
			     struct diags *d);

#endif
