/*
 * xlsx_write.h - a thin layer over libxlsxwriter for kaikaku's workbooks:
 * text is always written as text (never a formula), never as an empty string
 * (Debian's libxlsxwriter 1.1.4 mishandles those: a blank cell is written
 * instead), every lxw_error is kept, and column widths follow the text with
 * East Asian wide characters counted double (libxlsxwriter has no autofit).
 */
#ifndef KK_XLSX_WRITE_H
#define KK_XLSX_WRITE_H

#include "kaikaku.h"

#include <time.h>
#include <xlsxwriter.h>

#include "strbuf.h"

#define XW_MAX_COLS 64

enum xw_fmt {
	XW_TEXT,
	XW_WRAP,    /* long text, wrapped */
	XW_HEADER,
	XW_TITLE,
	XW_INT,     /* #,##0 */
	XW_NUM,     /* #,##0.## */
	XW_PCT,     /* 0.0% */
	XW__COUNT
};

struct xw_book {
	lxw_workbook *wb;
	lxw_format *fmt[XW__COUNT];
	lxw_error err; /* the first error */
	const char *path;
};

struct xw_sheet {
	struct xw_book *b;
	lxw_worksheet *ws;
	double width[XW_MAX_COLS];
	uint16_t ncols;
	uint32_t nrows;
};

/*
 * Opens a workbook at path. created is the document's creation time (from
 * the data, so reruns are byte-identical); marker, if given, is stored as the
 * workbook name "_kaikaku" so kaikaku recognises its own workbooks.
 */
bool xw_open(struct xw_book *b, const char *path, time_t created, const char *title,
	     const char *marker);
/* Closes and writes the file; false with the reason in err. */
bool xw_close(struct xw_book *b, struct strbuf *err);
bool xw_sheet(struct xw_book *b, struct xw_sheet *s, const char *name);
void xw_text(struct xw_sheet *s, uint32_t row, uint16_t col, const char *text, enum xw_fmt f);
void xw_number(struct xw_sheet *s, uint32_t row, uint16_t col, double v, enum xw_fmt f);
/* A header row of names in XW_HEADER format. */
void xw_header(struct xw_sheet *s, uint32_t row, const char *const *names, size_t n);
/* A list sheet: header at row 0 frozen, autofilter over the rows written,
 * column widths from the content. */
void xw_finish_table(struct xw_sheet *s);
/* Column widths only. */
void xw_finish(struct xw_sheet *s);

#endif
