/*
 * grid.h - what the readers hand on: a CSV file or one xlsx sheet as sparse
 * rows of UTF-8 cells, each with its spreadsheet row number and column.
 * Knows nothing of KPIs.
 */
#ifndef KK_GRID_H
#define KK_GRID_H

#include "kaikaku.h"

#include "arena.h"

enum cell_type {
	CELL_TEXT,
	CELL_NUMBER,  /* num holds the value; text its shortest decimal form */
	CELL_DATE,    /* a number shown as a date: num is the serial, text YYYY-MM-DD */
	CELL_BOOL,    /* text TRUE or FALSE */
	CELL_ERROR,   /* text #REF!, #DIV/0!, ...: never a value */
	CELL_NOVALUE, /* a formula whose result was never saved */
};

struct cell {
	uint32_t col; /* 0-based */
	enum cell_type type;
	bool percent; /* a number formatted as a percentage (shown as num x 100 %) */
	double num;
	const char *text; /* trimmed, never NULL, never empty */
};

struct grid_row {
	uint32_t row; /* 1-based, as a spreadsheet shows it */
	uint32_t ncells;
	struct cell *cells; /* ascending col, no duplicates */
};

/*
 * Strings shared by the grids of one workbook (its shared strings, trimmed
 * once): a cell that refers to one points into the pool instead of holding a
 * copy, so one long string referenced by many cells is held once. Counted
 * references: the pool lives as long as its last grid.
 */
struct grid_strings {
	struct arena arena;
	size_t refs;
};

struct grid_strings *grid_strings_new(void);
/* Drops one reference (the creator holds the first); NULL is a no-op. */
void grid_strings_unref(struct grid_strings *s);
/* A trimmed copy of text[0, len) in the pool; "" when it trims to nothing. */
const char *grid_strings_add(struct grid_strings *s, const char *text, size_t len);

struct grid {
	struct arena arena;           /* rows, cells and their text */
	struct grid_strings *strings; /* shared text the cells may point into, or NULL */
	const char *sheet;            /* NULL for CSV */
	int sheet_index;              /* 0-based position in the workbook */
	struct grid_row *rows;        /* ascending row, only rows with cells */
	size_t nrows, cap;
	size_t ncells;
	/* building */
	struct cell *pending;
	size_t npending, cappending;
	uint32_t pending_row;
};

struct grid *grid_new(const char *sheet, int sheet_index);
void grid_free(struct grid *g);
/* Building: cells of one row at a time, in any column order. The text is
 * trimmed here; cells that trim to nothing are dropped. */
void grid_begin_row(struct grid *g, uint32_t row);
void grid_add(struct grid *g, uint32_t col, enum cell_type type, const char *text, size_t len,
	      double num, bool percent);
void grid_end_row(struct grid *g);
/* A cell whose text is already trimmed and lives in the pool s (which the
 * grid then holds a reference to): not copied. Empty text is dropped. */
void grid_add_shared(struct grid *g, uint32_t col, enum cell_type type, const char *text,
		     struct grid_strings *s);
/* After the last row: sorts rows that arrived out of order. */
void grid_finish(struct grid *g);
/* The cell at col of row r, or NULL. */
const struct cell *grid_cell(const struct grid_row *r, uint32_t col);
/* "A", "B", ... "XFD" for a 0-based column; buf of at least 8 bytes. */
void grid_col_name(uint32_t col, char *buf);

#endif
