/*
 * ttf.h - which characters a TrueType font can draw, from its cmap table
 * (formats 4 and 12). libharu silently skips what a font lacks and turns
 * characters outside the BMP into spaces; this is the check made first.
 */
#ifndef KK_TTF_H
#define KK_TTF_H

#include "kaikaku.h"

#include "strbuf.h"

struct ttf_coverage {
	unsigned char *bits; /* one bit per code point, 0..U+10FFFF */
	bool truetype;       /* glyf outlines (libharu cannot embed CFF/OTF) */
};

/* Parses a font file's bytes; false with the reason in err. */
bool ttf_coverage_parse(const unsigned char *data, size_t n, struct ttf_coverage *out,
			struct strbuf *err);
bool ttf_coverage_load(const char *path, struct ttf_coverage *out, struct strbuf *err);
void ttf_coverage_release(struct ttf_coverage *c);
bool ttf_has(const struct ttf_coverage *c, uint32_t cp);

#endif
