/*
 * xlsx_write.h - a thin layer over libxlsxwriter for kaikaku's workbooks:
 * text is always written as text (never a formula), never as an empty string
 * (Debian's libxlsxwriter 1.1.4 mishandles those: a blank cell is written
 * instead), every lxw_error is kept, and column widths follow the text with
 * East Asian wide characters counted double (libxlsxwriter has no autofit).
 * A workbook without Excel tables can be written in constant-memory mode
 * (rows strictly in order); libxlsxwriter 1.1.4 refuses tables there.
 */
#ifndef KK_XLSX_WRITE_H
#define KK_XLSX_WRITE_H

#include "kaikaku.h"

#include <time.h>
#include <xlsxwriter.h>

#include "status.h"
#include "strbuf.h"

#define XW_MAX_COLS 64

enum xw_fmt {
	XW_TEXT,
	XW_WRAP, /* long text, wrapped */
	XW_HEADER,
	XW_TITLE,
	XW_SUBTITLE,
	XW_NOTE,    /* an instruction line */
	XW_INT,     /* #,##0 */
	XW_NUM,     /* #,##0.## */
	XW_PCT,     /* 0.0% */
	XW_CENTER,  /* short codes: periods, division codes */
	XW_ROWNUM,  /* a row number, centred */
	XW_IN_TEXT, /* an input cell: unlocked, highlighted */
	XW_IN_NUM,
	XW_NOTE_WRAP, /* an instruction across merged columns (xw_span) */
	XW__COUNT
};

struct xw_book {
	lxw_workbook *wb;
	lxw_format *fmt[XW__COUNT];
	lxw_format *status[ST__COUNT];
	const struct status_colours *palette; /* [ST__COUNT] */
	lxw_error err;                        /* the first error */
	const char *path;
	bool constant_memory; /* no Excel tables: list sheets get a plain header */
};

struct xw_sheet {
	struct xw_book *b;
	lxw_worksheet *ws;
	double width[XW_MAX_COLS];
	double max_width[XW_MAX_COLS]; /* 0: the default cap */
	double wrap[XW_MAX_COLS];      /* > 0: a wrapped column of this width */
	double fixed[XW_MAX_COLS];     /* > 0: this width whatever the content (xw_width) */
	uint16_t ncols;
	uint32_t nrows;
	bool table; /* an Excel table gives the autofilter */
	/* the row being written and the lines its wrapped cells need */
	uint32_t cur_row;
	unsigned cur_lines;
	/* print set-up (xw_print), completed by xw_finish once the widths are known */
	bool print;
	bool keys; /* key columns, repeated on each page across */
	uint16_t key_first, key_last;
	uint16_t drawing_col; /* a drawing (chart) anchored at this column */
	double drawing_px;    /* reaches this many pixels right of it */
};

/*
 * Opens a workbook at path. created is the document's creation time (from
 * the data, so reruns are byte-identical); marker, if given, is stored as the
 * workbook name "_kaikaku" so kaikaku recognises its own workbooks.
 */
bool xw_open(struct xw_book *b, const char *path, time_t created, const char *title,
	     const char *marker, bool constant_memory, const struct status_colours *palette);
/* Closes and writes the file; false with the reason in err. */
bool xw_close(struct xw_book *b, struct strbuf *err);
bool xw_sheet(struct xw_book *b, struct xw_sheet *s, const char *name);
void xw_text(struct xw_sheet *s, uint32_t row, uint16_t col, const char *text, enum xw_fmt f);
void xw_number(struct xw_sheet *s, uint32_t row, uint16_t col, double v, enum xw_fmt f);
/* A period as its code (2026Q3), centred; nothing for PERIOD_NONE. */
void xw_period(struct xw_sheet *s, uint32_t row, uint16_t col, int period);
/* The status word in its colours. */
void xw_status(struct xw_sheet *s, uint32_t row, uint16_t col, enum status st);
/* An empty cell in a format (an input cell). */
void xw_blank(struct xw_sheet *s, uint32_t row, uint16_t col, enum xw_fmt f);
/* A header row of names in XW_HEADER format. */
void xw_header(struct xw_sheet *s, uint32_t row, const char *const *names, size_t n);
/*
 * An Excel table: header names at header_row, then nrows data rows to be
 * written after this call (constant memory: the header is written now). The
 * header row is frozen; the table gives the autofilter.
 */
void xw_table(struct xw_sheet *s, uint32_t header_row, const char *const *names, size_t n,
	      size_t nrows);
/*
 * A4 landscape, the header row (if >= 0) repeated, and a header and footer
 * with the title, the period and "page n / N". The scale is chosen by
 * xw_finish from the columns' widths: one page wide when that keeps 10-point
 * text at 8 points or more; otherwise 80%, pages printed across then down
 * with the key columns repeated on each: in a column table, the first
 * column through the first wrapped one (an ID and its name) when that is
 * among the first three, else the first column.
 */
void xw_print(struct xw_sheet *s, const char *title, const char *period, long repeat_row);
/* Column col is w characters wide whatever its content. */
void xw_width(struct xw_sheet *s, uint16_t col, double w);
/* text across the columns c1..c2 of row, merged and wrapped (f: XW_TEXT or
 * XW_NOTE), the row as high as the text needs in the columns' widths as far
 * as they are known (fixed with xw_width, wrapped, or the content so far). */
void xw_span(struct xw_sheet *s, uint32_t row, uint16_t c1, uint16_t c2, const char *text,
	     enum xw_fmt f);
/* How many of the first n columns print on the first page when the sheet is
 * too wide for one (at their widths as far as they are known). */
uint16_t xw_page_columns(const struct xw_sheet *s, uint16_t n);
/* A drawing (a chart) anchored at column col, px pixels wide: the print
 * scale counts it. */
void xw_drawing(struct xw_sheet *s, uint16_t col, double px);
/* Allows a column to grow wider than the default cap (long text). */
void xw_max_width(struct xw_sheet *s, uint16_t col, double max);
/* A column of long text: this width, wrapped, and each row as high as its
 * text needs (libxlsxwriter has no autofit, and Excel keeps stored heights). */
void xw_wrap(struct xw_sheet *s, uint16_t col, double width);
void xw_validate(struct xw_sheet *s, uint32_t r1, uint16_t c1, uint32_t r2, uint16_t c2,
		 lxw_data_validation *v);
/* Protects the sheet (no password): only unlocked (input) cells can change;
 * rows can be inserted and columns resized. */
void xw_protect(struct xw_sheet *s);
/* A list sheet's end: column widths from the content, autofilter unless a
 * table gives it. */
void xw_finish_table(struct xw_sheet *s);
/* Column widths only. */
void xw_finish(struct xw_sheet *s);
/* ---- column tables: a sheet's columns declared once, the cells from getters */

/* One cell's value, as a column's getter gives it; left XV_EMPTY, no cell
 * is written (or, in an input column, an empty input cell). */
struct xw_value {
	/* XV_INPUT: an empty input cell in a column that otherwise shows values */
	/* XV_MARK: a text (a mark such as ○ △ ×) in a status's colours */
	enum { XV_EMPTY, XV_TEXT, XV_NUMBER, XV_PERIOD, XV_STATUS, XV_INPUT, XV_MARK } kind;
	const char *text; /* XV_TEXT; NULL: the text is in buf */
	double number;
	int period;
	enum status status;
	struct strbuf *buf; /* scratch for a text made for this cell (empty) */
};

struct xw_column;
/* The value of the column col in row (the sheet's row-th item) of ctx. */
typedef void (*xw_getter)(const void *ctx, size_t row, const struct xw_column *col,
			  struct xw_value *v);

struct xw_column {
	const char *name; /* the header */
	enum xw_fmt fmt;  /* of texts (XW_TEXT) and numbers (XW_INT, XW_NUM, XW_PCT,
			   * XW_ROWNUM); XW_IN_TEXT, XW_IN_NUM: an input cell */
	double wrap;      /* > 0: long text, wrapped at this width */
	double max_width; /* > 0: may grow to this width (default cap otherwise) */
	xw_getter get;    /* NULL: an empty (input) cell */
	size_t arg;       /* for the getter: which period, which part */
};

void xv_text(struct xw_value *v, const char *text);
void xv_number(struct xw_value *v, double n);
void xv_period(struct xw_value *v, int period);
void xv_status(struct xw_value *v, enum status st);
void xv_input(struct xw_value *v);
/* text in the colours of status st (a grid of marks). */
void xv_mark(struct xw_value *v, const char *text, enum status st);
/* The text is what was appended to v->buf. */
void xv_buf(struct xw_value *v);

/* The columns' wraps, caps and key columns (xw_columns_header does it). */
void xw_columns_setup(struct xw_sheet *s, const struct xw_column *cols, size_t n);
/* The columns' headers in row (XW_HEADER), and their widths and wraps. */
void xw_columns_header(struct xw_sheet *s, uint32_t row, const struct xw_column *cols, size_t n);
/* nrows rows from first_row: row i from the getters with (ctx, i). */
void xw_columns_rows(struct xw_sheet *s, uint32_t first_row, const struct xw_column *cols, size_t n,
		     const void *ctx, size_t nrows);
/*
 * A list sheet: the header in row 0 (an Excel table unless the workbook is in
 * constant-memory mode), nrows rows, print set-up with title and period, and
 * the widths, filter and frozen header of xw_finish_table. The first row is
 * the header, as contract §4's fixed points need.
 */
void xw_list_sheet(struct xw_book *b, const char *name, const struct xw_column *cols, size_t n,
		   const void *ctx, size_t nrows, const char *title, const char *period);

/* Keeps an error from a libxlsxwriter call made directly. */
void xw_keep(struct xw_book *b, lxw_error e);

#endif
