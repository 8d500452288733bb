/*
 * pdf_draw.h - the drawing layer over libharu for the review packs: A4 pages
 * with a header (title, period) and a footer (n / N), Japanese text in an
 * embedded TrueType font with every character checked against the font first
 * (what it lacks is drawn as 〓), text wrapped by measured width with
 * kinsoku, tables that continue on the next page with their header, status
 * badges, progress bars, outline entries. Coordinates are points from the
 * top-left corner of the page. Every libharu error is kept (the first one);
 * after one, drawing stops and pdf_save fails.
 */
#ifndef KK_PDF_DRAW_H
#define KK_PDF_DRAW_H

#include "kaikaku.h"

#include <hpdf.h>

#include "pdf_font.h"
#include "status.h"
#include "strbuf.h"
#include "ttf.h"

#define PDF_SUBSTITUTE "〓"

enum pdf_align {
	PDF_LEFT,
	PDF_RIGHT,
	PDF_CENTER,
};

struct pdf {
	HPDF_Doc doc;
	HPDF_Font font;
	struct pdf_font *font_src; /* the font, and the document kept for the next */
	struct pdf_font_use font_use;
	HPDF_Encoder encoder;
	const struct ttf_coverage *coverage;
	const struct status_colours *palette; /* [ST__COUNT] */
	float *widths;                        /* BMP advance widths at size 1, -1 until measured */
	double pw, ph;                        /* page size */
	double ml, mr, mt, mb;                /* margins */
	HPDF_Page page;                       /* the current page */
	double y;                             /* the cursor on it, from the top */
	HPDF_Page *pages;
	size_t npages, cap_pages;
	char *header_left, *header_right;
	const char *running;       /* the current heading, repeated with （続き） by a table
			      * that continues on a new page (the caller's string) */
	HPDF_STATUS error, detail; /* the first error */
};

/* Opens a document with the font (prepared once per run, loaded once per document). */
bool pdf_open(struct pdf *p, struct pdf_font *font, const struct ttf_coverage *coverage,
	      const struct status_colours *palette, double margins[4], struct strbuf *err);
/* Frees everything; pdf_close(NULL-initialised) is harmless. */
void pdf_close(struct pdf *p);
void pdf_info(struct pdf *p, const char *title, const char *subject);
/* The texts of every page's header, left and right. */
void pdf_header(struct pdf *p, const char *left, const char *right);
/* Adds a page; the cursor goes to the top margin. No page header on the cover. */
void pdf_page(struct pdf *p, bool with_header);
/* Space left on the page below the cursor. */
double pdf_room(const struct pdf *p);
/* A new page unless h points are left. */
void pdf_need(struct pdf *p, double h);
/* The text as it will be drawn: characters the font lacks become 〓,
 * control characters spaces. Appended to out. */
void pdf_clean(const struct pdf *p, const char *text, struct strbuf *out);
/* Width of text at size, as drawn. */
double pdf_width(struct pdf *p, const char *text, double size);
/* One line of text with its baseline at y. */
void pdf_text(struct pdf *p, double x, double y, double size, uint32_t rgb, const char *text);
void pdf_text_aligned(struct pdf *p, double x, double w, double y, double size, uint32_t rgb,
		      enum pdf_align a, const char *text);
/* Text wrapped to width from the cursor, continuing on new pages; the cursor
 * moves below it. */
void pdf_paragraph(struct pdf *p, double x, double w, double size, uint32_t rgb, const char *text);
/* text as drawn (pdf_clean), cut to one line of width at size with "…" at
 * its end when it does not fit; appended to out. */
void pdf_cut_line(struct pdf *p, const char *text, double width, double size, struct strbuf *out);
/* Lines of text wrapped to width (for the caller to draw). */
struct lines;
void pdf_wrap(struct pdf *p, const char *text, double width, double size, struct lines *out);
void pdf_rect(struct pdf *p, double x, double y, double w, double h, uint32_t fill);
void pdf_frame(struct pdf *p, double x, double y, double w, double h, double lw, uint32_t rgb);
void pdf_line(struct pdf *p, double x1, double y1, double x2, double y2, double lw, uint32_t rgb,
	      bool dashed);
void pdf_dot(struct pdf *p, double x, double y, double r, uint32_t rgb);
/* A dotted leader from x1 to x2 at y (one stroked path, however long). */
void pdf_dots(struct pdf *p, double x1, double x2, double y, uint32_t rgb);
/* The status word in its colours, a rounded box of w x h at (x, y). */
void pdf_badge(struct pdf *p, double x, double y, double w, double h, double size, enum status st);
/* A bar w x h: the progress filled (capped at the bar's end), the expected
 * progress as a marker, the percentage written after. */
void pdf_progress(struct pdf *p, double x, double y, double w, double h, double progress,
		  double expected, uint32_t fill);
/* Diagonal hatching over a w x h box at (x, y): a shape that tells a status
 * apart where colours turn to the same grey. */
void pdf_hatch(struct pdf *p, double x, double y, double w, double h, uint32_t rgb);
/* A sparkline w x h at (x, y): the values joined, the last one dotted. */
void pdf_spark(struct pdf *p, double x, double y, double w, double h, const double *v, size_t n);
/* An outline entry (bookmark) at the cursor on the current page. */
HPDF_Outline pdf_outline(struct pdf *p, HPDF_Outline parent, const char *title);
/* A link from a rectangle of the page pg to (page, y) of the document. */
void pdf_link(struct pdf *p, HPDF_Page on, double x, double y, double w, double h, HPDF_Page to,
	      double to_y);
/* Page numbers (n / N) on every page, then the file; false with the reason. */
bool pdf_save(struct pdf *p, const char *path, struct strbuf *err);

/* ---- tables */

enum pdf_cell_kind {
	PDF_CELL_TEXT,
	PDF_CELL_STATUS,
	PDF_CELL_PROGRESS,
	PDF_CELL_SPARK, /* a small line of values (a KPI's actuals by period) */
};

#define PDF_SPARK_MAX 8

struct pdf_cell {
	enum pdf_cell_kind kind;
	const char *text;
	enum status status;
	bool has_progress;
	double progress, expected;
	double spark[PDF_SPARK_MAX]; /* PDF_CELL_SPARK: the values, oldest first */
	size_t nspark;
};

struct pdf_column;
/* The cell of column col in row (the table's row-th item of ctx); a text
 * made for the cell goes into buf (empty), and c->text points to it. */
typedef void (*pdf_getter)(const void *ctx, size_t row, const struct pdf_column *col,
			   struct pdf_cell *c, struct strbuf *buf);

/* A table's column: its header, width and alignment, and how to get its cells. */
struct pdf_column {
	const char *title;
	double width; /* points */
	enum pdf_align align;
	bool fit; /* IDs and codes: shrunk (to 70 % at most) to stay on one line */
	pdf_getter get;
	size_t arg; /* for the getter: which field */
};

struct pdf_table {
	struct pdf *p;
	const struct pdf_column *cols;
	size_t ncols;
	double x;
	double size; /* the text size */
	bool shade;  /* every other row shaded */
	size_t rows;
	double keep; /* the next row's height when it must stay with this one */
};

/* Starts a table at the cursor; its header comes with the first row, so a
 * table without rows draws nothing. */
void pdf_table_start(struct pdf_table *t, struct pdf *p, const struct pdf_column *cols,
		     size_t ncols, double size);
/* A row's height as pdf_table_row would draw it. */
double pdf_table_row_height(struct pdf_table *t, const struct pdf_cell *cells);
/* A row; on a new page when it does not fit (or, t->keep, when the row that
 * must stay with it does not), with the page's running title （続き） and the
 * header again. */
void pdf_table_row(struct pdf_table *t, const struct pdf_cell *cells);
void pdf_table_end(struct pdf_table *t);
/* A whole table at the cursor: nrows rows from the columns' getters. */
void pdf_table(struct pdf *p, const struct pdf_column *cols, size_t ncols, double size,
	       const void *ctx, size_t nrows);

#endif
