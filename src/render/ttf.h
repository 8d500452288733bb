/*
 * ttf.h - the TrueType font of the PDF packs: its file, found by family name
 * through fontconfig (or given by path in review.xml), and which characters
 * it can draw, through FreeType. libharu silently skips what a font lacks and
 * turns characters outside the BMP into spaces; this is the check made first.
 */
#ifndef KK_TTF_H
#define KK_TTF_H

#include "kaikaku.h"

#include "pdf_template.h"
#include "strbuf.h"

struct ttf_coverage {
	unsigned char *bits; /* one bit per code point, 0..U+10FFFF */
};

/* The layout's font: t->font_path when the layout gives one, else the
 * TrueType file of the family t->font_family (ttf_find_family), which is
 * then stored in t->font_path; and its coverage into cov. False with the
 * reason in err; a missing font names the Debian package t->font_package. */
bool ttf_load_font(struct review_template *t, struct ttf_coverage *cov, struct strbuf *err);

/* The TrueType (.ttf) file of a font family installed on this machine, asked
 * of fontconfig by name: a new string (the caller frees it), or NULL when
 * there is none. Only a file that has the family itself counts, never a
 * substitute fontconfig offers; *other_format says whether the family is
 * installed, but only in a format libharu cannot embed (CFF/OTF, TTC). */
char *ttf_find_family(const char *family, bool *other_format);

/* A font file's coverage (from its bytes, or from its path); false with the
 * reason in err. Only a TrueType font (glyf outlines) with a Unicode cmap
 * passes: libharu cannot embed CFF/OTF or a TrueType Collection. */
bool ttf_coverage_parse(const unsigned char *data, size_t n, struct ttf_coverage *out,
			struct strbuf *err);
bool ttf_coverage_load(const char *path, struct ttf_coverage *out, struct strbuf *err);
void ttf_coverage_release(struct ttf_coverage *c);
bool ttf_has(const struct ttf_coverage *c, uint32_t cp);

#endif
