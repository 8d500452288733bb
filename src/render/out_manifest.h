/*
 * out_manifest.h - manifest.json for scripts (contract §4): the period, the
 * exit status, every file written with its size and SHA-256, every input
 * table with its rows read/accepted/rejected, the KGI and the status counts.
 */
#ifndef KK_OUT_MANIFEST_H
#define KK_OUT_MANIFEST_H

#include "kaikaku.h"

#include "render.h"

/* manifest.json; it lists every file written before it (render.c). */
extern const struct output output_manifest;
/* JSON string and number writers, shared with other JSON outputs. */
void json_string(struct strbuf *out, const char *s);
void json_number(struct strbuf *out, double v);

#endif
