/*
 * json_write.h - JSON strings and numbers for the outputs that write JSON
 * (manifest.json), by hand with a stable key order.
 */
#ifndef KK_JSON_WRITE_H
#define KK_JSON_WRITE_H

#include "kaikaku.h"

#include "strbuf.h"

/* A JSON string (null for NULL), control characters escaped. */
void json_string(struct strbuf *out, const char *s);
/* The shortest decimal that reads back as v; null when v is not finite. */
void json_number(struct strbuf *out, double v);

#endif
