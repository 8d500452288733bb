/*
 * out_review.h - the quarterly review pack review_<P>.pdf and the packs of
 * each department departments/<部>_<P>.pdf, drawn with libharu.
 */
#ifndef KK_OUT_REVIEW_H
#define KK_OUT_REVIEW_H

#include "kaikaku.h"

#include "render.h"

/*
 * review_<P>.pdf and every department's pack in departments/, as jobs
 * (render.h): job 0 is the review pack, job 1 + i department i's; the font
 * is prepared once by the plan. Its check, before anything is written: every
 * character of the data the packs show is checked against the font; each one
 * it lacks (drawn as 〓) is a warning W_GLYPH_MISSING naming the character,
 * the file and the row.
 */
extern const struct output output_review;

#endif
