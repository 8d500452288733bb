/*
 * xlsx_read.h - an .xlsx workbook into one grid per worksheet, through
 * minizip and libxml2's streaming reader. XML safety: no DTD loading, no
 * entity substitution, no network; a part with a DOCTYPE is refused;
 * decompressed sizes are capped per part and per file.
 */
#ifndef KK_XLSX_READ_H
#define KK_XLSX_READ_H

#include "kaikaku.h"

#include "diag.h"
#include "grid.h"
#include "settings.h"

struct xlsx_book {
	struct grid **grids; /* worksheets with at least one cell, in workbook order */
	size_t ngrids;
	bool *input_sheet; /* per grid: marked by kaikaku as a sheet to read back */
	char *marker;      /* the value of the workbook name "_kaikaku", or NULL */
	bool date1904;
	int nsheets; /* worksheets in the workbook, empty ones included */
};

/*
 * Reads the workbook in data. A problem with the whole file is one record in
 * d (at file) and false; a problem with one sheet is a record at that sheet,
 * and the other sheets are still read.
 */
bool xlsx_read(const unsigned char *data, size_t n, const struct limits *lim, const char *file,
	       struct xlsx_book *out, struct diags *d);
void xlsx_book_release(struct xlsx_book *b);
/* Set-up of libxml2 for every reader: no external entities, no messages on
 * stderr. Called once by xlsx_read; exposed for the tests. */
void xml_safety_init(void);

/* Exposed for the unit tests. */
/* Decodes the _xHHHH_ escapes of OOXML strings into out. */
struct strbuf;
void ooxml_unescape(const char *s, size_t n, struct strbuf *out);
enum numfmt_kind {
	NUMFMT_PLAIN,
	NUMFMT_DATE,
	NUMFMT_PERCENT,
};
enum numfmt_kind numfmt_classify(int id, const char *code);
/* "B12" -> col 1 (0-based), row 12; false if malformed or beyond XFD1048576. */
bool cell_ref_parse(const char *ref, uint32_t *col, uint32_t *row, bool *has_row);

#endif
