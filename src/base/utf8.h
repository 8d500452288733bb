/*
 * utf8.h - UTF-8 validation and decoding, and the text normalisation of the
 * contract §2: trimming ASCII and U+3000 spaces, folding full-width ASCII to
 * half-width, ignoring ASCII case.
 */
#ifndef KK_UTF8_H
#define KK_UTF8_H

#include "kaikaku.h"

#include "strbuf.h"

/*
 * Decodes one code point from s (n bytes available). Returns the bytes used
 * (1-4), or 0 for an invalid sequence (overlong, surrogate, > U+10FFFF,
 * truncated).
 */
size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Encodes cp into out (at least 4 bytes); returns the length. */
size_t utf8_encode(uint32_t cp, char *out);
/* True when s[0..n) is valid UTF-8; else *bad (if given) is the offset of
 * the first byte that is not. */
bool utf8_valid(const unsigned char *s, size_t n, size_t *bad);
/* True for the spaces the contract trims: ASCII whitespace and U+3000. */
bool text_is_space(uint32_t cp);
/* Bounds of s[0..n) without leading and trailing spaces. */
void text_trim(const char *s, size_t n, size_t *start, size_t *len);
/* True when s is NULL or holds only spaces. */
bool text_blank(const char *s);
/* Full-width ASCII (U+FF01-U+FF5E) to ASCII, U+3000 to a space; everything
 * else unchanged. Appends to out. */
void text_halfwidth(struct strbuf *out, const char *s);
/* The comparison key of a header, ID or code: trimmed, half-width, ASCII
 * lower case. Appends to out. */
void text_fold(struct strbuf *out, const char *s);
/* The comparison key of a text key (取組, names of divisions and departments;
 * contract §2): the characters CP932 and Unicode spell two ways mapped to one
 * (〜 U+301C and ～ U+FF5E to ~, − U+2212 and － U+FF0D to -, — U+2014 to
 * ― U+2015, ∥ U+2225 to ‖ U+2016, ￠￡￢ to ¢£¬), then text_fold. Appends to out. */
void text_fold_key(struct strbuf *out, const char *s);
/* True for a character XML 1.0 forbids (C0 controls other than TAB, LF and
 * CR; U+FFFE, U+FFFF; surrogates). */
bool text_xml_forbidden(uint32_t cp);
/* Appends s with every character XML 1.0 forbids, and every byte that is not
 * UTF-8, replaced by U+FFFD (what openpyxl, LibreOffice and kaikaku read). */
void text_xml_safe(struct strbuf *out, const char *s);
/* Columns a string takes in a fixed-width display: East Asian wide and
 * full-width characters count 2 (for column widths and messages). */
size_t text_width(const char *s);

#endif
