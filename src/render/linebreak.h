/*
 * linebreak.h - breaking text into lines by measured width, with Japanese
 * line-breaking rules (kinsoku): no line starts with 、。，．）」』】〕・ー or
 * a small kana, none ends with （「『【〔; Latin words are not split unless one
 * is longer than a line. Pure: widths come from a callback.
 */
#ifndef KK_LINEBREAK_H
#define KK_LINEBREAK_H

#include "kaikaku.h"

struct line_span {
	size_t start; /* byte offset into the text */
	size_t len;   /* bytes, without trailing spaces and the line break */
};

struct lines {
	struct line_span *v;
	size_t n, cap;
};

/* The width of one code point in the unit of max_width. */
typedef double (*cp_width_fn)(void *ctx, uint32_t cp);

/* Breaks text (UTF-8; '\n' is a hard break) into lines of at most max_width;
 * appends to out. A single character wider than a line gets a line alone. */
void linebreak(const char *text, double max_width, cp_width_fn width, void *ctx, struct lines *out);
void lines_release(struct lines *l);
bool kinsoku_no_start(uint32_t cp);
bool kinsoku_no_end(uint32_t cp);

#endif
