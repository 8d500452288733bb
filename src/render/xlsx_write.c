/*
 * xlsx_write.c - writing cells through libxlsxwriter, checked.
 */
#include "kaikaku.h"

#include <errno.h>
#include <math.h>

#include "fs.h"
#include "interpose.h"
#include "own_marker.h"
#include "period.h"
#include "utf8.h"
#include "xlsx_write.h"

#define XLSX_DEFLATE_LEVEL 1 /* see docs/BENCHMARKS.md */

#define XLSX_MAX_TEXT 32767 /* characters in one cell */
#define WIDTH_MAX 50.0
#define FONT "Meiryo UI"

void xw_keep(struct xw_book *b, lxw_error e)
{
	if (e != LXW_NO_ERROR && b->err == LXW_NO_ERROR)
		b->err = e;
}

static lxw_format *new_format(struct xw_book *b)
{
	lxw_format *f = workbook_add_format(b->wb);

	format_set_font_name(f, FONT);
	format_set_font_size(f, 10);
	format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
	return f;
}

bool xw_open(struct xw_book *b, const char *path, time_t created, const char *title,
	     const char *marker, bool constant_memory, const struct status_colours *palette)
{
	lxw_workbook_options opt = {0};
	lxw_doc_properties props = {0};

	memset(b, 0, sizeof(*b));
	b->path = path;
	b->palette = palette;
	b->constant_memory = constant_memory;
	opt.constant_memory = constant_memory ? LXW_TRUE : LXW_FALSE;
	/* its temporary files are in memory (lxw_tmpfile above) */
	b->wb = workbook_new_opt(path, &opt);
	if (!b->wb) {
		b->err = LXW_ERROR_CREATING_XLSX_FILE;
		return false;
	}
	{
		/* libxlsxwriter copies the properties */
		struct strbuf safe = STRBUF_INIT;

		text_xml_safe(&safe, title ? title : "");
		props.title = (char *)sb_str(&safe);
		props.author = (char *)"kaikaku";
		props.created = created;
		xw_keep(b, workbook_set_properties(b->wb, &props));
		sb_release(&safe);
	}
	if (marker) {
		char formula[64];

		snprintf(formula, sizeof(formula), "=\"%s\"", marker);
		xw_keep(b, workbook_define_name(b->wb, OWN_MARKER_NAME, formula));
	}
	for (int i = 0; i < XW__COUNT; i++) {
		lxw_format *f = new_format(b);

		switch ((enum xw_fmt)i) {
		case XW_TEXT:
			break;
		case XW_WRAP:
			format_set_text_wrap(f);
			break;
		case XW_HEADER:
			format_set_bold(f);
			format_set_font_color(f, 0xFFFFFF);
			format_set_bg_color(f, 0x305496);
			format_set_border(f, LXW_BORDER_THIN);
			format_set_border_color(f, 0xBFBFBF);
			format_set_text_wrap(f);
			format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
			break;
		case XW_TITLE:
			format_set_bold(f);
			format_set_font_size(f, 14);
			format_set_font_color(f, 0x1F3864);
			break;
		case XW_SUBTITLE:
			format_set_bold(f);
			format_set_font_size(f, 11);
			format_set_font_color(f, 0x1F3864);
			format_set_bottom(f, LXW_BORDER_THIN);
			format_set_bottom_color(f, 0x305496);
			break;
		case XW_NOTE:
		case XW_NOTE_WRAP:
			format_set_bold(f);
			format_set_font_color(f, 0xC00000);
			if (i == XW_NOTE_WRAP)
				format_set_text_wrap(f);
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
		case XW_CENTER:
			format_set_align(f, LXW_ALIGN_CENTER);
			break;
		case XW_ROWNUM:
			format_set_align(f, LXW_ALIGN_CENTER);
			format_set_num_format(f, "0");
			break;
		case XW_IN_TEXT:
		case XW_IN_NUM:
			format_set_unlocked(f);
			format_set_bg_color(f, 0xFFF9D6);
			format_set_border(f, LXW_BORDER_THIN);
			format_set_border_color(f, 0xBF9000);
			if (i == XW_IN_NUM)
				format_set_num_format(f, "#,##0.##");
			break;
		case XW__COUNT:
			break;
		}
		b->fmt[i] = f;
	}
	for (int s = 0; s < ST__COUNT; s++) {
		const struct status_colours *c = &palette[s];
		lxw_format *f = new_format(b);

		format_set_bg_color(f, c->fill);
		format_set_font_color(f, c->text);
		format_set_bold(f);
		format_set_align(f, LXW_ALIGN_CENTER);
		b->status[s] = f;
	}
	return b->err == LXW_NO_ERROR;
}

bool xw_close(struct xw_book *b, struct strbuf *err)
{
	lxw_error e;
	int saved;

	errno = 0;
	/* minizip deflates each part at zlib's default level 6; 1 takes 40% less
	 * time for 10% more bytes (docs/BENCHMARKS.md, "Compression") */
	interpose_deflate_level(XLSX_DEFLATE_LEVEL);
	e = workbook_close(b->wb);
	interpose_deflate_level(-1);
	saved = errno;
	b->wb = NULL;
	xw_keep(b, e);
	if (b->err != LXW_NO_ERROR) {
		/* libxlsxwriter's own text is English and vague ("usually a permissions
		 * error"): the system's reason, when there is one, says what happened */
		if (saved && b->err != LXW_ERROR_MEMORY_MALLOC_FAILED)
			sb_addf(err, "%s を書けません: %s", b->path, fs_strerror(saved));
		else
			sb_addf(err, "%s を書けません（libxlsxwriter: %s）", b->path,
				lxw_strerror(b->err));
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
		xw_keep(b, LXW_ERROR_PARAMETER_VALIDATION);
		return false;
	}
	return true;
}

#define LINE_POINTS 14.0 /* one line of 10-point Meiryo UI */

/* Sets the height of the row just finished when its wrapped text needs more
 * than one line; called before the first cell of the next row, so that it
 * also works in constant-memory mode. */
static void row_done(struct xw_sheet *s)
{
	if (s->cur_lines > 1)
		xw_keep(s->b,
			worksheet_set_row(s->ws, s->cur_row, LINE_POINTS * s->cur_lines + 3, NULL));
	s->cur_lines = 0;
}

static void touch(struct xw_sheet *s, uint32_t row)
{
	if (row != s->cur_row) {
		row_done(s);
		s->cur_row = row;
	}
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

/* The width of the line of text at *t, in character columns; *t moves to the
 * next line, or to NULL after the last. */
static double line_width(const char **t, struct strbuf *line)
{
	const char *nl = strchr(*t, '\n');
	size_t n = nl ? (size_t)(nl - *t) : strlen(*t);

	sb_reset(line);
	sb_add(line, *t, n);
	*t = nl ? nl + 1 : NULL;
	return (double)text_width(sb_str(line));
}

/* The widest line of a text, in character columns. */
static double text_columns(const char *t)
{
	struct strbuf line = STRBUF_INIT;
	double w = 0;

	while (t) {
		double lw = line_width(&t, &line);

		if (lw > w)
			w = lw;
	}
	sb_release(&line);
	return w;
}

/* The lines a text needs in a wrapped column of width w. */
static unsigned wrapped_lines(const char *t, double w)
{
	struct strbuf line = STRBUF_INIT;
	double room = w > 3 ? w - 1.5 : 1.5;
	unsigned lines = 0;

	while (t) {
		double lw = line_width(&t, &line);

		lines += lw <= room ? 1 : (unsigned)((lw + room - 1) / room);
	}
	sb_release(&line);
	return lines ? lines : 1;
}

void xw_wrap(struct xw_sheet *s, uint16_t col, double width)
{
	if (col < XW_MAX_COLS)
		s->wrap[col] = width;
}

/* True when s holds no character XML 1.0 forbids (the common case: no copy). */
static bool xml_ok(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i = 0;

	while (i < n) {
		uint32_t cp;
		size_t k;

		if (u[i] >= 0x20 || u[i] == '\t' || u[i] == '\n' || u[i] == '\r') {
			if (u[i] < 0x80) {
				i++;
				continue;
			}
		}
		k = utf8_decode(u + i, n - i, &cp);
		if (!k || text_xml_forbidden(cp))
			return false;
		i += k;
	}
	return true;
}

/* A column w characters wide in pixels, as Excel draws it (the default font's
 * digit is 7 pixels wide, plus 5 of padding). */
static double column_px(double w)
{
	return floor(w * 7 + 5);
}

/*
 * The print scale from the widths: one page wide when 10-point text prints
 * at 8 points or more (with PRINT_FIT_SCALE% for the spreadsheet's own
 * rounding: LibreOffice draws columns some 7% wider than Excel); otherwise
 * PRINT_MIN_SCALE%, the pages across then down, the key columns repeated on
 * each.
 */
#define PRINT_MIN_SCALE 80
#define PRINT_FIT_SCALE 86
#define PRINT_WIDTH_PX 1026.0 /* A4 landscape less 2 × 0.5-inch margins, at 96 px/inch */

/* text as a cell holds it: a line break is LF, as Excel types it
 * (Alt+Enter); a text over Excel's 32,767 characters is cut with "…"; a
 * character XML 1.0 forbids (U+FFFE, U+FFFF, C0 controls) is U+FFFD, also in
 * chart caches. */
static void cell_text(const char *text, struct strbuf *clean)
{
	size_t chars = 0;

	for (const char *p = text; *p; p++) {
		if ((*p & 0xC0) != 0x80 && ++chars > XLSX_MAX_TEXT - 1) {
			sb_adds(clean, "…");
			break;
		}
		if (*p == '\r') {
			sb_addc(clean, '\n');
			if (p[1] == '\n')
				p++;
		} else {
			sb_addc(clean, *p);
		}
	}
	if (!xml_ok(sb_str(clean))) {
		struct strbuf safe = STRBUF_INIT;

		text_xml_safe(&safe, sb_str(clean));
		sb_release(clean);
		*clean = safe;
	}
}

/* The width of column col for wrapping: fixed or wrapped, else 0. */
static double wrap_width(const struct xw_sheet *s, uint16_t col)
{
	if (col >= XW_MAX_COLS)
		return 0;
	return s->fixed[col] > 0 ? s->fixed[col] : s->wrap[col];
}

void xw_text(struct xw_sheet *s, uint32_t row, uint16_t col, const char *text, enum xw_fmt f)
{
	struct strbuf clean = STRBUF_INIT;
	bool wrap = col < XW_MAX_COLS && s->wrap[col] > 0 && f == XW_TEXT;

	if (!s->ws || s->b->err != LXW_NO_ERROR)
		return;
	touch(s, row);
	if (!text || !*text) {
		/* a blank cell: nothing to write unless it carries a format */
		if (f != XW_TEXT)
			xw_keep(s->b, worksheet_write_blank(s->ws, row, col, s->b->fmt[f]));
		widen(s, col, 0, row);
		return;
	}
	cell_text(text, &clean);
	if (wrap || (f == XW_HEADER && wrap_width(s, col) > 0)) {
		/* a header wraps in a column of known width: as high as it needs */
		unsigned lines = wrapped_lines(sb_str(&clean), wrap_width(s, col));

		if (lines > s->cur_lines)
			s->cur_lines = lines;
		if (f == XW_TEXT)
			f = XW_WRAP;
	}
	xw_keep(s->b, worksheet_write_string(s->ws, row, col, sb_str(&clean), s->b->fmt[f]));
	widen(s, col,
	      f == XW_TITLE || f == XW_NOTE || f == XW_SUBTITLE
		      ? 0
		      : text_columns(sb_str(&clean)) * (f == XW_HEADER ? 1.1 : 1),
	      row);
	sb_release(&clean);
}

/* A column's width as far as it is known: fixed, wrapped, or at least
 * Excel's default (the final width may be more). */
static double known_width(const struct xw_sheet *s, uint16_t c)
{
	double w = wrap_width(s, c);

	return w > 0 ? w : fmax(8.43, s->width[c] + 2);
}

void xw_width(struct xw_sheet *s, uint16_t col, double w)
{
	if (col < XW_MAX_COLS)
		s->fixed[col] = w;
}

void xw_span(struct xw_sheet *s, uint32_t row, uint16_t c1, uint16_t c2, const char *text,
	     enum xw_fmt f)
{
	struct strbuf clean = STRBUF_INIT;
	double w = 0;
	unsigned lines;

	if (!s->ws || s->b->err != LXW_NO_ERROR || !text || !*text || c2 < c1 || c2 >= XW_MAX_COLS)
		return;
	touch(s, row);
	cell_text(text, &clean);
	for (uint16_t c = c1; c <= c2; c++)
		w += known_width(s, c);
	lines = wrapped_lines(sb_str(&clean), w);
	if (lines > s->cur_lines)
		s->cur_lines = lines;
	if (c1 == c2)
		xw_keep(s->b,
			worksheet_write_string(s->ws, row, c1, sb_str(&clean),
					       s->b->fmt[f == XW_NOTE ? XW_NOTE_WRAP : XW_WRAP]));
	else
		xw_keep(s->b,
			worksheet_merge_range(s->ws, row, c1, row, c2, sb_str(&clean),
					      s->b->fmt[f == XW_NOTE ? XW_NOTE_WRAP : XW_WRAP]));
	widen(s, c2, 0, row);
	sb_release(&clean);
}

uint16_t xw_page_columns(const struct xw_sheet *s, uint16_t n)
{
	double px = 0, page = PRINT_WIDTH_PX * 100 / PRINT_FIT_SCALE;
	uint16_t c = 0;

	while (c < n && c < XW_MAX_COLS && px + column_px(known_width(s, c)) <= page)
		px += column_px(known_width(s, c++));
	return c ? c : 1;
}

void xw_drawing(struct xw_sheet *s, uint16_t col, double px)
{
	s->drawing_col = col;
	s->drawing_px = px;
}

void xw_number(struct xw_sheet *s, uint32_t row, uint16_t col, double v, enum xw_fmt f)
{
	char buf[48];

	if (!s->ws || s->b->err != LXW_NO_ERROR)
		return;
	if (!isfinite(
		    v)) { /* a workbook cannot hold inf or NaN: a dash says "cannot be computed" */
		xw_text(s, row, col, "—", XW_TEXT);
		return;
	}
	touch(s, row);
	xw_keep(s->b, worksheet_write_number(s->ws, row, col, v, s->b->fmt[f]));
	snprintf(buf, sizeof(buf), f == XW_PCT ? "%.1f%%" : "%.2f", f == XW_PCT ? v * 100 : v);
	widen(s, col, (double)strlen(buf) + 1, row);
}

void xw_status(struct xw_sheet *s, uint32_t row, uint16_t col, enum status st)
{
	if (!s->ws || s->b->err != LXW_NO_ERROR)
		return;
	touch(s, row);
	xw_keep(s->b, worksheet_write_string(s->ws, row, col, status_word(st), s->b->status[st]));
	widen(s, col, 7, row);
}

void xw_period(struct xw_sheet *s, uint32_t row, uint16_t col, int period)
{
	char code[PERIOD_CODE_MAX];

	if (period == PERIOD_NONE)
		return;
	period_code(period, code);
	xw_text(s, row, col, code, XW_CENTER);
}

void xw_blank(struct xw_sheet *s, uint32_t row, uint16_t col, enum xw_fmt f)
{
	if (!s->ws || s->b->err != LXW_NO_ERROR)
		return;
	touch(s, row);
	xw_keep(s->b, worksheet_write_blank(s->ws, row, col, s->b->fmt[f]));
	widen(s, col, 0, row);
}

void xw_header(struct xw_sheet *s, uint32_t row, const char *const *names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		xw_text(s, row, (uint16_t)i, names[i], XW_HEADER);
}

void xw_table(struct xw_sheet *s, uint32_t header_row, const char *const *names, size_t n,
	      size_t nrows)
{
	lxw_table_options opt = {0};
	lxw_table_column *cols, **list;

	if (!s->ws || s->b->err != LXW_NO_ERROR || n == 0)
		return;
	cols = xcalloc(n, sizeof(*cols));
	list = xcalloc(n + 1, sizeof(*list));
	for (size_t i = 0; i < n; i++) {
		cols[i].header = (char *)names[i];
		cols[i].header_format = s->b->fmt[XW_HEADER];
		list[i] = &cols[i];
		widen(s, (uint16_t)i, text_columns(names[i]) * 1.1 + 2,
		      header_row); /* + filter button */
	}
	opt.columns = list;
	opt.style_type = LXW_TABLE_STYLE_TYPE_LIGHT;
	opt.style_type_number = 1;
	opt.no_banded_rows = LXW_TRUE;
	/* a table needs one data row at least: an empty one when there is none */
	xw_keep(s->b, worksheet_add_table(s->ws, header_row, 0,
					  header_row + (uint32_t)(nrows ? nrows : 1),
					  (lxw_col_t)(n - 1), &opt));
	worksheet_freeze_panes(s->ws, header_row + 1, 0);
	s->table = true;
	free(cols);
	free(list);
}

/* '&' starts a code in Excel's header and footer strings; characters XML
 * forbids are U+FFFD there too. */
static void header_escape(struct strbuf *out, const char *s)
{
	struct strbuf safe = STRBUF_INIT;

	text_xml_safe(&safe, s ? s : "");
	for (const char *p = sb_str(&safe); *p; p++) {
		if (*p == '&')
			sb_addc(out, '&');
		sb_addc(out, *p);
	}
	sb_release(&safe);
}

void xw_print(struct xw_sheet *s, const char *title, const char *period, long repeat_row)
{
	struct strbuf h = STRBUF_INIT;

	if (!s->ws)
		return;
	worksheet_set_landscape(s->ws);
	worksheet_set_paper(s->ws, 9); /* A4 */
	worksheet_set_margins(s->ws, 0.5, 0.5, 0.75, 0.75);
	s->print = true; /* the scale: xw_finish, from the widths */
	if (repeat_row >= 0)
		xw_keep(s->b,
			worksheet_repeat_rows(s->ws, (lxw_row_t)repeat_row, (lxw_row_t)repeat_row));
	/* 10 points: 8 at the smallest print scale */
	sb_adds(&h, "&L&\"" FONT ",Regular\"&10");
	header_escape(&h, title);
	sb_adds(&h, "&R&\"" FONT ",Regular\"&10");
	header_escape(&h, period);
	xw_keep(s->b, worksheet_set_header(s->ws, sb_str(&h)));
	xw_keep(s->b, worksheet_set_footer(s->ws, "&C&\"" FONT ",Regular\"&10&P / &N"));
	sb_release(&h);
}

void xw_max_width(struct xw_sheet *s, uint16_t col, double max)
{
	if (col < XW_MAX_COLS)
		s->max_width[col] = max;
}

void xw_validate(struct xw_sheet *s, uint32_t r1, uint16_t c1, uint32_t r2, uint16_t c2,
		 lxw_data_validation *v)
{
	if (!s->ws || s->b->err != LXW_NO_ERROR || r2 < r1)
		return;
	xw_keep(s->b, worksheet_data_validation_range(s->ws, r1, c1, r2, c2, v));
}

void xw_protect(struct xw_sheet *s)
{
	lxw_protection opt = {0};

	if (!s->ws)
		return;
	opt.format_columns = LXW_TRUE;
	opt.format_rows = LXW_TRUE;
	opt.insert_rows = LXW_TRUE;
	worksheet_protect(s->ws, NULL, &opt);
}

static void print_scale(struct xw_sheet *s, const double *widths)
{
	double px = 0, keys = 0, at = 0;

	for (uint16_t c = 0; c < s->ncols; c++) {
		if (c == s->drawing_col)
			at = px;
		px += column_px(widths[c]);
		if (s->keys && c >= s->key_first && c <= s->key_last)
			keys += column_px(widths[c]);
	}
	if (s->drawing_px > 0) {
		/* a drawing counts to the end of the column it ends in (LibreOffice
		 * prints that column whole); columns past the content are Excel's
		 * default width */
		double end, edge = px;

		if (s->drawing_col >= s->ncols)
			at = px + (s->drawing_col - s->ncols) * column_px(8.43);
		end = at + s->drawing_px;
		while (edge < end)
			edge += column_px(8.43);
		px = edge;
	}
	if (px * PRINT_FIT_SCALE / 100 <= PRINT_WIDTH_PX) {
		worksheet_fit_to_pages(s->ws, 1, 0);
		return;
	}
	worksheet_set_print_scale(s->ws, PRINT_MIN_SCALE);
	worksheet_print_across(s->ws);
	/* keys that leave most of each page to the other columns */
	if (s->keys && keys * PRINT_MIN_SCALE / 100 <= PRINT_WIDTH_PX / 2)
		xw_keep(s->b, worksheet_repeat_columns(s->ws, s->key_first, s->key_last));
}

void xw_finish(struct xw_sheet *s)
{
	double widths[XW_MAX_COLS];

	if (!s->ws)
		return;
	row_done(s);
	for (uint16_t c = 0; c < s->ncols; c++) {
		double cap = s->max_width[c] > 0 ? s->max_width[c] : WIDTH_MAX;
		double w = s->wrap[c] > 0 ? s->wrap[c] : s->width[c] + 2;

		if (w < 6)
			w = 6;
		if (w > cap)
			w = cap;
		if (s->fixed[c] > 0)
			w = s->fixed[c];
		widths[c] = w;
		xw_keep(s->b, worksheet_set_column(s->ws, c, c, w, NULL));
	}
	if (s->print)
		print_scale(s, widths);
}

void xw_finish_table(struct xw_sheet *s)
{
	if (!s->ws)
		return;
	xw_finish(s);
	if (s->table)
		return;
	worksheet_freeze_panes(s->ws, 1, 0);
	if (s->ncols)
		xw_keep(s->b, worksheet_autofilter(s->ws, 0, 0, s->nrows ? s->nrows - 1 : 0,
						   (lxw_col_t)(s->ncols - 1)));
}

/* ---- column tables */

void xv_text(struct xw_value *v, const char *text)
{
	v->kind = XV_TEXT;
	v->text = text;
}

void xv_number(struct xw_value *v, double n)
{
	v->kind = XV_NUMBER;
	v->number = n;
}

void xv_period(struct xw_value *v, int period)
{
	v->kind = XV_PERIOD;
	v->period = period;
}

void xv_status(struct xw_value *v, enum status st)
{
	v->kind = XV_STATUS;
	v->status = st;
}

void xv_mark(struct xw_value *v, const char *text, enum status st)
{
	v->kind = XV_MARK;
	v->text = text;
	v->status = st;
}

void xv_input(struct xw_value *v)
{
	v->kind = XV_INPUT;
}

void xv_buf(struct xw_value *v)
{
	v->kind = XV_TEXT;
	v->text = NULL;
}

void xw_columns_setup(struct xw_sheet *s, const struct xw_column *cols, size_t n)
{
	for (size_t i = 0; i < n && i < XW_MAX_COLS; i++) {
		if (cols[i].name) /* as wide as its header at least (filter button) */
			widen(s, (uint16_t)i, text_columns(cols[i].name) * 1.1 + 2, 0);
		/* the key columns: an ID through its name (xw_print) */
		if (i == 0 || (i < 3 && cols[i].wrap > 0 && s->key_last == 0)) {
			s->keys = true;
			s->key_first = 0;
			s->key_last = (uint16_t)i;
		}
		if (cols[i].wrap > 0)
			xw_wrap(s, (uint16_t)i, cols[i].wrap);
		if (cols[i].max_width > 0)
			xw_max_width(s, (uint16_t)i, cols[i].max_width);
	}
}

void xw_columns_header(struct xw_sheet *s, uint32_t row, const struct xw_column *cols, size_t n)
{
	for (size_t i = 0; i < n; i++)
		xw_text(s, row, (uint16_t)i, cols[i].name, XW_HEADER);
	xw_columns_setup(s, cols, n);
}

void xw_columns_rows(struct xw_sheet *s, uint32_t first_row, const struct xw_column *cols, size_t n,
		     const void *ctx, size_t nrows)
{
	struct strbuf buf = STRBUF_INIT;

	for (size_t r = 0; r < nrows; r++) {
		uint32_t row = first_row + (uint32_t)r;

		for (size_t i = 0; i < n; i++) {
			const struct xw_column *c = &cols[i];
			uint16_t col = (uint16_t)i;
			struct xw_value v = {XV_EMPTY, NULL, 0, PERIOD_NONE, ST_NOT_REPORTED, &buf};

			sb_reset(&buf);
			if (c->get)
				c->get(ctx, r, c, &v);
			switch (v.kind) {
			case XV_EMPTY:
				if (c->fmt == XW_IN_TEXT || c->fmt == XW_IN_NUM)
					xw_blank(s, row, col, c->fmt);
				break;
			case XV_TEXT:
				xw_text(s, row, col, v.text ? v.text : sb_str(&buf),
					c->fmt == XW_IN_TEXT ? XW_IN_TEXT : XW_TEXT);
				break;
			case XV_NUMBER:
				xw_number(s, row, col, v.number, c->fmt);
				break;
			case XV_PERIOD:
				xw_period(s, row, col, v.period);
				break;
			case XV_STATUS:
				xw_status(s, row, col, v.status);
				break;
			case XV_MARK:
				touch(s, row);
				xw_keep(s->b, worksheet_write_string(s->ws, row, col, v.text,
								     s->b->status[v.status]));
				widen(s, col, 6, row);
				break;
			case XV_INPUT:
				xw_blank(s, row, col,
					 c->fmt == XW_TEXT || c->fmt == XW_IN_TEXT ? XW_IN_TEXT
										   : XW_IN_NUM);
				break;
			}
		}
	}
	sb_release(&buf);
}

void xw_list_sheet(struct xw_book *b, const char *name, const struct xw_column *cols, size_t n,
		   const void *ctx, size_t nrows, const char *title, const char *period)
{
	struct xw_sheet s;

	if (!xw_sheet(b, &s, name))
		return;
	if (b->constant_memory) {
		xw_columns_header(&s, 0, cols, n);
	} else {
		const char **names = xcalloc(n + 1, sizeof(*names));

		for (size_t i = 0; i < n; i++)
			names[i] = cols[i].name;
		xw_table(&s, 0, names, n, nrows);
		xw_columns_setup(&s, cols, n);
		free(names);
	}
	xw_print(&s, title, period, 0);
	xw_columns_rows(&s, 1, cols, n, ctx, nrows);
	xw_finish_table(&s);
}
