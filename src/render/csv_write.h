/*
 * csv_write.h - CSV fields as RFC 4180 writes them, shared by the CSV outputs
 * (errors_<P>.csv, the open data).
 */
#ifndef KK_CSV_WRITE_H
#define KK_CSV_WRITE_H

#include "kaikaku.h"

#include "strbuf.h"

/* One CSV field, quoted when needed, guarded against spreadsheet formulas. */
void csv_field(struct strbuf *out, const char *s);

#endif
