/*
 * csv_read.c - CSV through libcsv (strict, reporting every line end so that
 * blank lines keep the row numbers a spreadsheet shows).
 */
#include "kaikaku.h"

#include <csv.h>

#include "csv_read.h"

struct csv_state {
	struct grid *g;
	uint32_t col;   /* next column of the current record */
	int rows_done;  /* records (blank lines included) finished so far */
	int last_end;   /* the character that ended the previous record */
	bool in_record; /* a field of the current record has been seen */
	uint64_t cell_limit;
	bool too_many;
};

/* libcsv's realloc has no context, so the field limit of the current parse
 * is kept per thread. */
static _Thread_local uint64_t field_limit_now;

static void *limited_realloc(void *p, size_t n)
{
	if (n > field_limit_now + 1)
		return NULL;
	return realloc(p, n);
}

static void on_field(void *s, size_t len, void *data)
{
	struct csv_state *st = data;

	if (!st->in_record) {
		grid_begin_row(st->g, (uint32_t)st->rows_done + 1);
		st->in_record = true;
		st->col = 0;
	}
	if (len && s && !st->too_many) {
		if (st->g->ncells + st->g->npending >= st->cell_limit)
			st->too_many = true;
		else
			grid_add(st->g, st->col, CELL_TEXT, s, len, 0, false);
	}
	st->col++;
}

static void on_record(int c, void *data)
{
	struct csv_state *st = data;

	if (!st->in_record) {
		/* the LF of a CRLF after a record is not a line of its own */
		if (!(c == '\n' && st->last_end == '\r'))
			st->rows_done++;
		st->last_end = c;
		return;
	}
	grid_end_row(st->g);
	st->in_record = false;
	st->rows_done++;
	st->last_end = c;
}

static int line_of(const char *text, size_t off)
{
	int line = 1;

	for (size_t i = 0; i < off; i++) {
		if (text[i] == '\n' || (text[i] == '\r' && text[i + 1] != '\n'))
			line++;
	}
	return line;
}

bool csv_read(const char *text, size_t len, uint64_t field_limit, uint64_t cell_limit,
	      struct grid *g, struct csv_failure *fail)
{
	struct csv_parser p;
	struct csv_state st = {g, 0, 0, 0, false, cell_limit, false};
	size_t off = 0, chunk = 65536;
	bool ok = true;

	memset(fail, 0, sizeof(*fail));
	if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL | CSV_APPEND_NULL) != 0)
		xoom(sizeof(p));
	field_limit_now = field_limit;
	csv_set_realloc_func(&p, limited_realloc);
	csv_set_blk_size(&p, 4096);
	while (off < len && !st.too_many) {
		size_t n = len - off < chunk ? len - off : chunk;
		size_t done = csv_parse(&p, text + off, n, on_field, on_record, &st);

		if (done != n) {
			fail->kind = csv_error(&p) == CSV_EPARSE ? CSV_FAIL_SYNTAX
								 : CSV_FAIL_FIELD_LIMIT;
			fail->row = st.rows_done + 1;
			fail->line = line_of(text, off + done);
			ok = false;
			break;
		}
		off += n;
	}
	if (ok && st.too_many) {
		fail->kind = CSV_FAIL_CELL_LIMIT;
		fail->row = st.rows_done + 1;
		fail->line = line_of(text, off);
		ok = false;
	}
	if (ok && csv_fini(&p, on_field, on_record, &st) != 0) {
		fail->kind = csv_error(&p) == CSV_EPARSE ? CSV_FAIL_SYNTAX : CSV_FAIL_FIELD_LIMIT;
		fail->unclosed = fail->kind == CSV_FAIL_SYNTAX;
		fail->row = st.rows_done + 1;
		fail->line = line_of(text, len);
		ok = false;
	}
	csv_free(&p);
	if (ok)
		grid_finish(g);
	return ok;
}
