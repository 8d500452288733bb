/*
 * out_summary.h - the PMO's summary workbook summary_<P>.xlsx.
 */
#ifndef KK_OUT_SUMMARY_H
#define KK_OUT_SUMMARY_H

#include "kaikaku.h"

#include "render.h"

/* summary_<P>.xlsx: the PMO's workbook (render.h). */
extern const struct output output_summary;

#endif
