/*
 * diag.c - error and warning records and the table of codes.
 */
#include "kaikaku.h"

#include <stdarg.h>

#include "diag.h"
#include "runlog.h"
#include "strbuf.h"

static const struct {
	const char *name;
	enum diag_severity sev;
	const char *title;
	const char *hint;
} codes[DIAG__COUNT] = {
#define DIAG_ROW(code, sev, title, hint) [code] = {#code, SEV_##sev, title, hint},
	DIAG_CODES(DIAG_ROW)
#undef DIAG_ROW
};

void diags_init(struct diags *d)
{
	d->v = NULL;
	d->n = d->cap = 0;
	d->print_per_file = 0;
	arena_init(&d->arena);
}

void diags_release(struct diags *d)
{
	free(d->v);
	arena_release(&d->arena);
	d->v = NULL;
	d->n = d->cap = 0;
}

static const char *dup_or_null(struct arena *a, const char *s)
{
	return s ? arena_strdup(a, s) : NULL;
}

void diag_add(struct diags *d, enum diag_code code, const struct loc *loc, const char *column,
	      const char *value, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	diag_addv(d, code, loc, column, value, fmt, ap);
	va_end(ap);
}

const char *diag_cut(const char *s, struct strbuf *out)
{
	size_t chars = 0, i = 0;

	if (!s)
		return s;
	for (; s[i]; i++) {
		if (((unsigned char)s[i] & 0xC0) != 0x80 && ++chars > DIAG_QUOTE_CHARS)
			break;
	}
	if (!s[i])
		return s;
	sb_reset(out);
	sb_add(out, s, i);
	sb_adds(out, "…");
	return sb_str(out);
}

/* msg with every occurrence of the long value replaced by its cut form. */
static void cut_quotes(struct strbuf *msg, const char *value, const char *cut)
{
	struct strbuf o = STRBUF_INIT;
	size_t vlen = strlen(value);
	const char *p = sb_str(msg), *q;

	while ((q = strstr(p, value))) {
		sb_add(&o, p, (size_t)(q - p));
		sb_adds(&o, cut);
		p = q + vlen;
	}
	sb_adds(&o, p);
	sb_release(msg);
	*msg = o;
}

void diags_append(struct diags *into, struct diags *from)
{
	xgrow((void **)&into->v, &into->cap, into->n + from->n, sizeof(*into->v));
	for (size_t i = 0; i < from->n; i++) {
		into->v[into->n] = from->v[i];
		into->v[into->n].seq = into->n;
		into->n++;
	}
	arena_adopt(&into->arena, &from->arena);
	free(from->v);
	from->v = NULL;
	from->n = from->cap = 0;
}

void diag_addv(struct diags *d, enum diag_code code, const struct loc *loc, const char *column,
	       const char *value, const char *fmt, va_list ap)
{
	struct strbuf msg = STRBUF_INIT, cut = STRBUF_INIT;
	struct diag *g;
	const char *short_value = diag_cut(value, &cut);
	va_list ap2;
	int n;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n > 0) {
		char *tmp = xmalloc((size_t)n + 1);

		vsnprintf(tmp, (size_t)n + 1, fmt, ap);
		sb_add(&msg, tmp, (size_t)n);
		free(tmp);
	}
	if (short_value != value && *value)
		cut_quotes(&msg, value, short_value);
	if (codes[code].hint[0]) {
		/* a space between sentences only after ASCII: never after 。 */
		if (msg.len && (unsigned char)msg.buf[msg.len - 1] < 0x80 &&
		    msg.buf[msg.len - 1] != ' ')
			sb_addc(&msg, ' ');
		sb_adds(&msg, codes[code].hint);
	}
	xgrow((void **)&d->v, &d->cap, d->n + 1, sizeof(*d->v));
	g = &d->v[d->n];
	g->code = code;
	g->file = dup_or_null(&d->arena, loc ? loc->file : NULL);
	g->sheet = dup_or_null(&d->arena, loc ? loc->sheet : NULL);
	g->row = loc ? loc->row : 0;
	g->column = dup_or_null(&d->arena, column);
	g->value = dup_or_null(&d->arena, short_value);
	g->message = arena_strdup(&d->arena, sb_str(&msg));
	g->seq = d->n;
	d->n++;
	sb_release(&msg);
	sb_release(&cut);
}

static int cmp_str(const char *a, const char *b)
{
	if (!a || !b)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

static int cmp_diag(const void *pa, const void *pb)
{
	const struct diag *a = pa, *b = pb;
	int c;

	if ((c = cmp_str(a->file, b->file)) || (c = cmp_str(a->sheet, b->sheet)))
		return c;
	if (a->row != b->row)
		return a->row < b->row ? -1 : 1;
	if ((c = cmp_str(a->column, b->column)) || (c = cmp_str(a->message, b->message)))
		return c;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

void diags_sort(struct diags *d)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), cmp_diag);
}

size_t diags_count(const struct diags *d, enum diag_severity sev)
{
	size_t n = 0;

	for (size_t i = 0; i < d->n; i++)
		if (codes[d->v[i].code].sev == sev)
			n++;
	return n;
}

const char *diag_code_name(enum diag_code code)
{
	return codes[code].name;
}

enum diag_severity diag_code_severity(enum diag_code code)
{
	return codes[code].sev;
}

const char *diag_code_title(enum diag_code code)
{
	return codes[code].title;
}

const char *diag_code_hint(enum diag_code code)
{
	return codes[code].hint;
}

const char *diag_severity_name(enum diag_severity sev)
{
	return sev == SEV_ERROR ? "error" : "warning";
}

void diag_format_line(const struct diag *g, struct strbuf *out)
{
	sb_addf(out, "[%s] %s", codes[g->code].name, g->message);
}

static bool same_file(const struct diag *a, const struct diag *b)
{
	return a->file && b->file && strcmp(a->file, b->file) == 0;
}

/* The line that stands for the records of v[0]'s file from v[0] on (n of
 * them at most): how many, of which severity; returns how many. */
static size_t print_rest(const struct diag *v, size_t n, size_t cap, bool show, struct strbuf *line)
{
	size_t k = 0, errors = 0;

	while (k < n && same_file(&v[0], &v[k])) {
		if (diag_code_severity(v[k].code) == SEV_ERROR)
			errors++;
		k++;
	}
	sb_reset(line);
	sb_adds(line, "kaikaku: 省略: ");
	sb_add_clean(line, v[0].file);
	sb_addf(line,
		": このファイルのメッセージはほかに %zu 件あります（エラー %zu 件・警告 %zu 件）。"
		"表示は1ファイル %zu 件までです（設定 messages per-file）。すべての行は run が書く"
		"エラー一覧 errors_<期間>.csv にあります",
		k, errors, k - errors, cap);
	runlog_say(show, sb_str(line));
	return k;
}

/* The records as message lines (to the log always, to stderr when show). */
void diags_print(const struct diags *d, bool show)
{
	struct strbuf line = STRBUF_INIT;
	size_t shown = 0; /* lines of the current file */

	for (size_t i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];

		if (i == 0 || !same_file(g, &d->v[i - 1]))
			shown = 0;
		if (g->file && d->print_per_file && shown == d->print_per_file) {
			i += print_rest(g, d->n - i, d->print_per_file, show, &line) - 1;
			continue;
		}
		shown++;
		sb_reset(&line);
		sb_adds(&line, diag_code_severity(g->code) == SEV_ERROR ? "kaikaku: エラー: "
									: "kaikaku: 警告: ");
		if (g->file) {
			sb_add_clean(&line, g->file);
			if (g->sheet) {
				sb_addc(&line, ':');
				sb_add_clean(&line, g->sheet);
			}
			if (g->row > 0)
				sb_addf(&line, ":%d", g->row);
			if (g->column) {
				sb_addc(&line, ':');
				sb_add_clean(&line, g->column);
			}
			sb_adds(&line, ": ");
		}
		sb_addf(&line, "[%s] ", diag_code_name(g->code));
		sb_add_clean(&line, g->message);
		runlog_say(show, sb_str(&line));
	}
	sb_release(&line);
}
