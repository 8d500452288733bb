/*
 * utf8.c - UTF-8 decoding and the contract's text folding.
 */
#include "kaikaku.h"

#include "utf8.h"

size_t utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c;
	size_t len;

	if (n == 0)
		return 0;
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	if (c >= 0xC2 && c <= 0xDF) {
		len = 2;
		c &= 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		len = 3;
		c &= 0x0F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		len = 4;
		c &= 0x07;
	} else {
		return 0;
	}
	if (n < len)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

size_t utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

bool utf8_valid(const unsigned char *s, size_t n, size_t *bad)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		size_t k;

		if (s[i] < 0x80) {
			i++;
			continue;
		}
		k = utf8_decode(s + i, n - i, &cp);
		if (!k) {
			if (bad)
				*bad = i;
			return false;
		}
		i += k;
	}
	return true;
}

bool text_is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\v' || cp == '\f' ||
	       cp == 0x3000;
}

void text_trim(const char *s, size_t n, size_t *start, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t b = 0, e = n;

	for (;;) {
		uint32_t cp;
		size_t k = utf8_decode(u + b, e - b, &cp);

		if (!k || !text_is_space(cp))
			break;
		b += k;
	}
	while (e > b) {
		/* step back over one code point */
		size_t p = e - 1;
		uint32_t cp;
		size_t k;

		while (p > b && (u[p] & 0xC0) == 0x80)
			p--;
		k = utf8_decode(u + p, e - p, &cp);
		if (!k || p + k != e || !text_is_space(cp))
			break;
		e = p;
	}
	*start = b;
	*len = e - b;
}

bool text_blank(const char *s)
{
	size_t b, n;

	if (!s)
		return true;
	text_trim(s, strlen(s), &b, &n);
	return n == 0;
}

static void fold_into(struct strbuf *out, const char *s, size_t n, bool lower)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(u + i, n - i, &cp);

		if (!k) {
			sb_addc(out, (char)u[i]);
			i++;
			continue;
		}
		if (cp >= 0xFF01 && cp <= 0xFF5E)
			cp -= 0xFEE0;
		else if (cp == 0x3000)
			cp = ' ';
		if (lower && cp >= 'A' && cp <= 'Z')
			cp += 'a' - 'A';
		if (cp < 0x80) {
			sb_addc(out, (char)cp);
		} else {
			char buf[4];

			sb_add(out, buf, utf8_encode(cp, buf));
		}
		i += k;
	}
}

void text_halfwidth(struct strbuf *out, const char *s)
{
	fold_into(out, s, strlen(s), false);
}

void text_fold(struct strbuf *out, const char *s)
{
	size_t b, n;

	text_trim(s, strlen(s), &b, &n);
	fold_into(out, s + b, n, true);
}

bool text_xml_forbidden(uint32_t cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r') || cp == 0xFFFE ||
	       cp == 0xFFFF || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF;
}

void text_xml_safe(struct strbuf *out, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(u + i, n - i, &cp);

		if (!k || text_xml_forbidden(cp)) {
			sb_adds(out, "\xEF\xBF\xBD"); /* U+FFFD */
			i += k ? k : 1;
			continue;
		}
		sb_add(out, s + i, k);
		i += k;
	}
}

/* The one spelling of a character that CP932 and Unicode spell two ways. */
static uint32_t cp932_twin(uint32_t cp)
{
	switch (cp) {
	case 0x301C: /* 〜 WAVE DASH (JIS) */
	case 0xFF5E: /* ～ FULLWIDTH TILDE (CP932) */
		return '~';
	case 0x2212: /* − MINUS SIGN */
	case 0xFF0D: /* － FULLWIDTH HYPHEN-MINUS */
		return '-';
	case 0x2014: /* — EM DASH (CP932's ―) */
		return 0x2015;
	case 0x2225: /* ∥ PARALLEL TO (CP932's ‖) */
		return 0x2016;
	case 0xFFE0:
		return 0xA2;
	case 0xFFE1:
		return 0xA3;
	case 0xFFE2:
		return 0xAC;
	default:
		return cp;
	}
}

void text_fold_key(struct strbuf *out, const char *s)
{
	struct strbuf m = STRBUF_INIT;
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(u + i, n - i, &cp);
		char buf[4];

		if (!k) {
			sb_addc(&m, (char)u[i]);
			i++;
			continue;
		}
		sb_add(&m, buf, utf8_encode(cp932_twin(cp), buf));
		i += k;
	}
	text_fold(out, sb_str(&m));
	sb_release(&m);
}

static bool is_wide(uint32_t cp)
{
	/* East Asian Wide (W) and Fullwidth (F) ranges that matter for Japanese */
	return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) ||
	       (cp >= 0x3041 && cp <= 0x33FF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
	       (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xA000 && cp <= 0xA4CF) ||
	       (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	       (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	       (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x2460 && cp <= 0x24FF) ||
	       (cp >= 0x20000 && cp <= 0x3FFFD);
}

size_t text_width(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, w = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(u + i, n - i, &cp);

		if (!k) {
			i++;
			w++;
			continue;
		}
		w += is_wide(cp) ? 2 : 1;
		i += k;
	}
	return w;
}
