/*
 * grid.c - sparse rows of cells, built row by row by the readers.
 */
#include "kaikaku.h"

#include "grid.h"
#include "utf8.h"

struct grid *grid_new(const char *sheet, int sheet_index)
{
	struct grid *g = xcalloc(1, sizeof(*g));

	arena_init(&g->arena);
	g->sheet = sheet ? arena_strdup(&g->arena, sheet) : NULL;
	g->sheet_index = sheet_index;
	return g;
}

struct grid_strings *grid_strings_new(void)
{
	struct grid_strings *s = xcalloc(1, sizeof(*s));

	arena_init(&s->arena);
	s->refs = 1;
	return s;
}

void grid_strings_unref(struct grid_strings *s)
{
	if (!s || --s->refs)
		return;
	arena_release(&s->arena);
	free(s);
}

const char *grid_strings_add(struct grid_strings *s, const char *text, size_t len)
{
	size_t b, n;

	text_trim(text, len, &b, &n);
	return n ? arena_strndup(&s->arena, text + b, n) : "";
}

void grid_free(struct grid *g)
{
	if (!g)
		return;
	grid_strings_unref(g->strings);
	arena_release(&g->arena);
	free(g->rows);
	free(g->pending);
	free(g);
}

void grid_begin_row(struct grid *g, uint32_t row)
{
	g->npending = 0;
	g->pending_row = row;
}

void grid_add(struct grid *g, uint32_t col, enum cell_type type, const char *text, size_t len,
	      double num, bool percent)
{
	size_t b, n;
	struct cell *c;

	text_trim(text, len, &b, &n);
	if (n == 0)
		return;
	xgrow((void **)&g->pending, &g->cappending, g->npending + 1, sizeof(*g->pending));
	c = &g->pending[g->npending++];
	c->col = col;
	c->type = type;
	c->percent = percent;
	c->num = num;
	c->text = arena_strndup(&g->arena, text + b, n);
}

void grid_add_shared(struct grid *g, uint32_t col, enum cell_type type, const char *text,
		     struct grid_strings *s)
{
	struct cell *c;

	if (!*text)
		return;
	if (g->strings != s) {
		/* a grid refers to one pool, that of its workbook */
		grid_strings_unref(g->strings);
		g->strings = s;
		s->refs++;
	}
	xgrow((void **)&g->pending, &g->cappending, g->npending + 1, sizeof(*g->pending));
	c = &g->pending[g->npending++];
	c->col = col;
	c->type = type;
	c->percent = false;
	c->num = 0;
	c->text = text;
}

struct cell_order {
	uint32_t col;
	uint32_t seq;
};

static int cmp_order(const void *a, const void *b)
{
	const struct cell_order *x = a, *y = b;

	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Sorts the pending cells by column, keeping the order of arrival among
 * cells of the same column (the last one written then wins). */
static void sort_pending(struct grid *g)
{
	struct cell_order *ord = xmalloc(g->npending * sizeof(*ord));
	struct cell *sorted = xmalloc(g->npending * sizeof(*sorted));

	for (size_t i = 0; i < g->npending; i++) {
		ord[i].col = g->pending[i].col;
		ord[i].seq = (uint32_t)i;
	}
	qsort(ord, g->npending, sizeof(*ord), cmp_order);
	for (size_t i = 0; i < g->npending; i++)
		sorted[i] = g->pending[ord[i].seq];
	memcpy(g->pending, sorted, g->npending * sizeof(*sorted));
	free(sorted);
	free(ord);
}

void grid_end_row(struct grid *g)
{
	struct grid_row *r;
	size_t n = 0;

	if (!g->npending)
		return;
	for (size_t i = 1; i < g->npending; i++) {
		if (g->pending[i].col <= g->pending[i - 1].col) {
			sort_pending(g);
			break;
		}
	}
	for (size_t i = 0; i < g->npending; i++) {
		if (n && g->pending[n - 1].col == g->pending[i].col)
			g->pending[n - 1] = g->pending[i];
		else
			g->pending[n++] = g->pending[i];
	}
	xgrow((void **)&g->rows, &g->cap, g->nrows + 1, sizeof(*g->rows));
	r = &g->rows[g->nrows++];
	r->row = g->pending_row;
	r->ncells = (uint32_t)n;
	r->cells = arena_alloc(&g->arena, n * sizeof(*r->cells));
	memcpy(r->cells, g->pending, n * sizeof(*r->cells));
	g->ncells += n;
	g->npending = 0;
}

static int cmp_row(const void *a, const void *b)
{
	const struct grid_row *x = a, *y = b;

	return x->row < y->row ? -1 : x->row > y->row;
}

void grid_finish(struct grid *g)
{
	for (size_t i = 1; i < g->nrows; i++) {
		if (g->rows[i].row <= g->rows[i - 1].row) {
			qsort(g->rows, g->nrows, sizeof(*g->rows), cmp_row);
			break;
		}
	}
}

const struct cell *grid_cell(const struct grid_row *r, uint32_t col)
{
	size_t lo = 0, hi = r->ncells;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (r->cells[mid].col < col)
			lo = mid + 1;
		else if (r->cells[mid].col > col)
			hi = mid;
		else
			return &r->cells[mid];
	}
	return NULL;
}

void grid_col_name(uint32_t col, char *buf)
{
	char tmp[8];
	int n = 0;

	col++;
	while (col && n < 7) {
		tmp[n++] = (char)('A' + (col - 1) % 26);
		col = (col - 1) / 26;
	}
	for (int i = 0; i < n; i++)
		buf[i] = tmp[n - 1 - i];
	buf[n] = '\0';
}
