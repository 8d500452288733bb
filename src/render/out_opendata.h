/*
 * out_opendata.h - opendata/kaikaku_kpi_<P>.csv: one row per KPI for P, by
 * the 総務省 table rules (contract §6); its columns are documented in
 * docs/運用ガイド.md.
 */
#ifndef KK_OUT_OPENDATA_H
#define KK_OUT_OPENDATA_H

#include "kaikaku.h"

#include "render.h"

extern const struct output output_opendata;
/* The CSV's bytes, appended to out (the public page links it with its size). */
void opendata_csv(const struct render_input *in, struct strbuf *out);

#endif
