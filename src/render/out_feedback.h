/*
 * out_feedback.h - the divisions' feedback workbooks, one per division,
 * under feedback/ of the output: their own status and errors, and next
 * quarter's submission sheets that kaikaku reads back as they are.
 */
#ifndef KK_OUT_FEEDBACK_H
#define KK_OUT_FEEDBACK_H

#include "kaikaku.h"

#include "render.h"

/* One workbook per division, as jobs (render.h). */
extern const struct output output_feedback;

#endif
