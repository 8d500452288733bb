/*
 * csv_read.h - RFC 4180 CSV (already decoded to UTF-8) into a grid, through
 * libcsv in strict mode. Row numbers are record numbers as a spreadsheet
 * shows them: a quoted field with line breaks is one row, blank lines count.
 */
#ifndef KK_CSV_READ_H
#define KK_CSV_READ_H

#include "kaikaku.h"

#include "grid.h"

enum csv_failure_kind {
	CSV_FAIL_NONE,
	CSV_FAIL_SYNTAX,      /* a stray or unclosed quote */
	CSV_FAIL_FIELD_LIMIT, /* one field longer than the limit */
	CSV_FAIL_CELL_LIMIT,  /* more cells than the limit */
};

struct csv_failure {
	enum csv_failure_kind kind;
	int row;       /* the record where it happened */
	int line;      /* the physical line (1-based) */
	bool unclosed; /* CSV_FAIL_SYNTAX: a quoted field never closed */
};

/* Fills g (a grid without a sheet name) from text; false on a failure. */
bool csv_read(const char *text, size_t len, uint64_t field_limit, uint64_t cell_limit,
	      struct grid *g, struct csv_failure *fail);

#endif
