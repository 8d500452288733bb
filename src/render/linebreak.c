/*
 * linebreak.c - greedy line breaking with kinsoku (追い出し: when a line would
 * start with a character that may not start one, or end with one that may not
 * end one, characters move down to the next line).
 */
#include "kaikaku.h"

#include "linebreak.h"
#include "utf8.h"

bool kinsoku_no_start(uint32_t cp)
{
	static const uint32_t set[] = {
		0x3001, 0x3002, 0xFF0C, 0xFF0E, 0xFF09, 0x300D, 0x300F, 0x3011, 0x3015, 0x30FB,
		0x30FC, 0x3009, 0x300B, 0x3017, 0x3019, 0xFF3D, 0xFF5D, 0x2019, 0x201D, 0xFF01,
		0xFF1F, 0xFF1A, 0xFF1B, 0x3005, 0x309D, 0x309E, 0x30FD, 0x30FE, 0x2026, 0x2025,
		0x301C, 0xFF5E, ')', ']', '}', ',', '.', ':', ';', '!', '?', '%', 0xFF05,
		/* small kana */
		0x3041, 0x3043, 0x3045, 0x3047, 0x3049, 0x3063, 0x3083, 0x3085, 0x3087, 0x308E,
		0x3095, 0x3096, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30C3, 0x30E3, 0x30E5,
		0x30E7, 0x30EE, 0x30F5, 0x30F6, 0x31F0, 0x31F1, 0x31F2, 0x31F3, 0x31F4, 0x31F5,
		0x31F6, 0x31F7, 0x31F8, 0x31F9, 0x31FA, 0x31FB, 0x31FC, 0x31FD, 0x31FE, 0x31FF,
		0xFF67, 0xFF68, 0xFF69, 0xFF6A, 0xFF6B, 0xFF6C, 0xFF6D, 0xFF6E, 0xFF6F, 0xFF70,
		0xFF61, 0xFF63, 0xFF64};

	for (size_t i = 0; i < ARRAY_LEN(set); i++)
		if (set[i] == cp)
			return true;
	return false;
}

bool kinsoku_no_end(uint32_t cp)
{
	static const uint32_t set[] = {0xFF08, 0x300C, 0x300E, 0x3010, 0x3014, 0x3008,
				       0x300A, 0x3016, 0x3018, 0xFF3B, 0xFF5B, 0x2018,
				       0x201C, '(',    '[',    '{',    0xFF62};

	for (size_t i = 0; i < ARRAY_LEN(set); i++)
		if (set[i] == cp)
			return true;
	return false;
}

static bool is_word_char(uint32_t cp)
{
	/* characters of a Latin "word": letters, digits and what holds numbers together */
	return (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
	       cp == '_' || cp == '-' || cp == '.' || cp == ',' || cp == '%' || cp == '/' ||
	       cp == '@' || cp == '#' || cp == '+' || cp == '\'' || cp == '&' ||
	       (cp >= 0xC0 && cp < 0x250);
}

struct ch {
	size_t off, len;
	uint32_t cp;
	double w;
};

void lines_release(struct lines *l)
{
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

static void push(struct lines *out, const struct ch *c, size_t from, size_t to)
{
	/* [from, to) without trailing spaces */
	while (to > from && (c[to - 1].cp == ' ' || c[to - 1].cp == 0x3000))
		to--;
	xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof(*out->v));
	out->v[out->n].start =
		to > from ? c[from].off : (from ? c[from - 1].off + c[from - 1].len : 0);
	out->v[out->n].len = to > from ? c[to - 1].off + c[to - 1].len - c[from].off : 0;
	out->n++;
}

/* May a line break fall before character i (between i-1 and i)? */
static bool breakable(const struct ch *c, size_t i)
{
	if (kinsoku_no_start(c[i].cp) || kinsoku_no_end(c[i - 1].cp))
		return false;
	/* inside a Latin word */
	if (is_word_char(c[i].cp) && is_word_char(c[i - 1].cp))
		return false;
	return true;
}

/* Lays out one paragraph (no '\n') of characters c[0..n). */
static void paragraph(const struct ch *c, size_t n, double max, struct lines *out)
{
	size_t start = 0;

	while (start < n) {
		double w = 0;
		size_t i = start, brk;

		/* no line starts with spaces (but a paragraph may be only spaces) */
		while (i < n && (c[i].cp == ' ' || c[i].cp == 0x3000) && i > 0)
			i++;
		start = i;
		if (start >= n)
			break;
		while (i < n && w + c[i].w <= max + 1e-9) {
			w += c[i].w;
			i++;
		}
		if (i >= n) {
			push(out, c, start, n);
			break;
		}
		if (i == start)
			i = start + 1; /* wider than a line: alone */
		/* the last allowed break at or before i, after start */
		brk = i;
		while (brk > start + 1 && !breakable(c, brk) && c[brk].cp != ' ')
			brk--;
		if (brk == start + 1 && !breakable(c, brk) && c[brk].cp != ' ')
			brk = i; /* no allowed break in the line: cut where it is full */
		push(out, c, start, brk);
		start = brk;
	}
}

void linebreak(const char *text, double max_width, cp_width_fn width, void *ctx, struct lines *out)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t n = strlen(text), i = 0, nc = 0, cap = 0, para = 0;
	struct ch *c = NULL;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(u + i, n - i, &cp);

		if (!k) {
			cp = 0xFFFD;
			k = 1;
		}
		xgrow((void **)&c, &cap, nc + 1, sizeof(*c));
		c[nc].off = i;
		c[nc].len = k;
		c[nc].cp = cp;
		c[nc].w = cp == '\n' || cp == '\r' ? 0 : width(ctx, cp);
		nc++;
		i += k;
	}
	for (size_t j = 0; j <= nc; j++) {
		if (j == nc || c[j].cp == '\n') {
			size_t end = j;

			if (end > para && c[end - 1].cp == '\r')
				end--;
			if (end == para) {
				/* an empty line */
				xgrow((void **)&out->v, &out->cap, out->n + 1, sizeof(*out->v));
				out->v[out->n].start = j < nc ? c[j].off : n;
				out->v[out->n].len = 0;
				out->n++;
			} else {
				paragraph(c + para, end - para, max_width, out);
				/* paragraph() works on offsets relative to c + para: they are absolute */
			}
			para = j + 1;
		}
	}
	free(c);
}
