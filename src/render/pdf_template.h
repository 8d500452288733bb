/*
 * pdf_template.h - the layout of the review pack from templates/review.xml
 * (read with libxml2): the font, the margins, the title, and the sections in
 * their order with their titles, so that the PMO can retitle or reorder
 * without recompiling.
 */
#ifndef KK_PDF_TEMPLATE_H
#define KK_PDF_TEMPLATE_H

#include "kaikaku.h"

#include "strbuf.h"

enum section_id {
	SEC_SUMMARY,
	SEC_CONTENTS,
	SEC_KGI,
	SEC_PILLARS,
	SEC_ROADMAP,
	SEC_DEPARTMENTS,
	SEC_WORSE,
	SEC_OVERDUE,
	SEC_MISSING,
	SEC_RESTATED,
	SEC_ERRORS,
	SEC__COUNT
};

struct section {
	enum section_id id;
	char *title;
	long limit; /* the most rows a list shows: -1 for all (the default but for
		     * the error appendix, 200); the rest are counted */
};

struct review_template {
	char *font_family;  /* found through fontconfig (ttf.h) */
	char *font_path;    /* the file: given by the layout, else NULL until found */
	char *font_package; /* the Debian package named when the font is missing */
	double margin_top, margin_bottom, margin_left, margin_right;
	char *title;
	char *organisation;
	struct section *sections; /* in their order */
	size_t nsections;
	char *path; /* where it was read from, or NULL for the defaults */
};

void review_template_defaults(struct review_template *t);
/* Reads path over the defaults; false with "path:line: reason" in err. */
bool review_template_load(struct review_template *t, const char *path, struct strbuf *err);
void review_template_release(struct review_template *t);

#endif
