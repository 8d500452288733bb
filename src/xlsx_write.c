/*
 * xlsx_write.c - writing cells through libxlsxwriter, checked.
 */
#include "kaikaku.h"

#include "utf8.h"
#include "xlsx_write.h"

#define XLSX_MAX_TEXT 32767 /* characters in one cell */
#define WIDTH_MAX 60.0

static void keep(struct xw_book *b, lxw_error e)
{
	if (e != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
		b->err = e;
}

bool xw_open(struct xw_book *b, const char *path, time_t created, const char *title,
	     const char *marker)
{
	lxw_workbook_options opt = {0};
	lxw_doc_properties props = {0};
	lxw_format *f;

	memset(b, 0, sizeof(*b));
	b->path = path;
	opt.constant_memory = LXW_TRUE;
	b->wb = workbook_new_opt(path, &opt);
	if (!b->wb) {
		b->err = LXW_ERROR_CREATING_XLSX_FILE;
		return false;
	}
	props.title = (char *)title;
	props.author = (char *)"kaikaku";
	props.created = created;
	keep(b, workbook_set_properties(b->wb, &props));
	if (marker) {
		char formula[64];

		snprintf(formula, sizeof(formula), "=\"%s\"", marker);
		keep(b, workbook_define_name(b->wb, "_kaikaku", formula));
	}
	for (int i = 0; i < XW__COUNT; i++) {
		f = workbook_add_format(b->wb);
		format_set_font_name(f, "Meiryo UI");
		format_set_font_size(f, 10);
		format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
		switch ((enum xw_fmt)i) {
		case XW_TEXT:
			break;
		case XW_WRAP:
			format_set_text_wrap(f);
			break;
		case XW_HEADER:
			format_set_bold(f);
			format_set_bg_color(f, 0xDDEBF7);
			format_set_border(f, LXW_BORDER_THIN);
			format_set_text_wrap(f);
			break;
		case XW_TITLE:
			format_set_bold(f);
			format_set_font_size(f, 14);
			break;
		case XW_INT:
			format_set_num_format(f, "#,##0");
			break;
		case XW_NUM:
			format_set_num_format(f, "#,##0.##");
			break;
		case XW_PCT:
			format_set_num_format(f, "0.0%");
			break;
		case XW__COUNT:
			break;
		}
		b->fmt[i] = f;
	}
	return b->err == LXW_NO_ERROR;
}

bool xw_close(struct xw_book *b, struct strbuf *err)
{
	lxw_error e = workbook_close(b->wb);

	b->wb = NULL;
	keep(b, e);
	if (b->err != LXW_NO_ERROR) {
		sb_addf(err, "%s を書けません: %s", b->path, lxw_strerror(b->err));
		return false;
	}
	return true;
}

bool xw_sheet(struct xw_book *b, struct xw_sheet *s, const char *name)
{
	memset(s, 0, sizeof(*s));
	s->b = b;
	s->ws = workbook_add_worksheet(b->wb, name);
	if (!s->ws) {
		keep(b, LXW_ERROR_PARAMETER_VALIDATION);
		return false;
	}
	return true;
}

static void widen(struct xw_sheet *s, uint16_t col, double w, uint32_t row)
{
	if (col >= XW_MAX_COLS)
		return;
	if (col + 1 > s->ncols)
		s->ncols = (uint16_t)(col + 1);
	if (row + 1 > s->nrows)
		s->nrows = row + 1;
	if (w > s->width[col])
		s->width[col] = w;
}

void xw_text(struct xw_sheet *s, uint32_t row, uint16_t col, const char *text, enum xw_fmt f)
{
	struct strbuf cut = STRBUF_INIT;
	const char *t = text, *orig = text;

	if (!s->ws || s->b->err != LXW_NO_ERROR)
		return;
	if (!text || !*text) {
		widen(s, col, 0, row);
		return; /* a blank cell: nothing to write */
	}
	if (strchr(text, '\r')) {
		/* a line break in a cell is LF, as Excel types it (Alt+Enter) */
		for (const char *p = text; *p; p++) {
			if (*p == '\r') {
				sb_addc(&cut, '\n');
				if (p[1] == '\n')
					p++;
			} else {
				sb_addc(&cut, *p);
			}
		}
		t = text = xstrdup(sb_str(&cut));
		sb_reset(&cut);
	}
	if (utf8_chars(text) > XLSX_MAX_TEXT) {
		size_t chars = 0;

		for (const char *p = text; *p; p++) {
			if ((*p & 0xC0) != 0x80 && ++chars > XLSX_MAX_TEXT - 1)
				break;
			sb_addc(&cut, *p);
		}
		sb_adds(&cut, "…");
		t = sb_str(&cut);
	}
	keep(s->b, worksheet_write_string(s->ws, row, col, t, s->b->fmt[f]));
	{
		/* the widest line of the text, in character columns */
		double w = 0, line = 0;

		for (const char *p = t; *p;) {
			const char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			char *one = xstrndup(p, len);

			line = (double)text_width(one);
			free(one);
			if (line > w)
				w = line;
			p += len + (nl ? 1 : 0);
			if (!nl)
				break;
		}
		widen(s, col, f == XW_HEADER || f == XW_TITLE ? w * 1.15 : w, row);
	}
	if (text != orig)
		free((char *)text);
	sb_release(&cut);
}

void xw_number(struct xw_sheet *s, uint32_t row, uint16_t col, double v, enum xw_fmt f)
{
	char buf[48];

	if (!s->ws || s->b->err != LXW_NO_ERROR)
		return;
	keep(s->b, worksheet_write_number(s->ws, row, col, v, s->b->fmt[f]));
	snprintf(buf, sizeof(buf), f == XW_PCT ? "%.1f%%" : "%.2f", f == XW_PCT ? v * 100 : v);
	widen(s, col, (double)strlen(buf) + 1, row);
}

void xw_header(struct xw_sheet *s, uint32_t row, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		xw_text(s, row, (uint16_t)i, names[i], XW_HEADER);
}

void xw_finish(struct xw_sheet *s)
{
	if (!s->ws)
		return;
	for (uint16_t c = 0; c < s->ncols; c++) {
		double w = s->width[c] + 2;

		if (w < 6)
			w = 6;
		if (w > WIDTH_MAX)
			w = WIDTH_MAX;
		keep(s->b, worksheet_set_column(s->ws, c, c, w, NULL));
	}
}

void xw_finish_table(struct xw_sheet *s)
{
	if (!s->ws)
		return;
	xw_finish(s);
	worksheet_freeze_panes(s->ws, 1, 0);
	if (s->ncols)
		keep(s->b, worksheet_autofilter(s->ws, 0, 0, s->nrows ? s->nrows - 1 : 0,
						(lxw_col_t)(s->ncols - 1)));
}
