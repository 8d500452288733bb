/*
 * encoding.c - encoding detection and CP932 conversion through iconv.
 */
#include "kaikaku.h"

#include <errno.h>
#include <iconv.h>

#include "encoding.h"
#include "utf8.h"

const char *encoding_name(enum text_encoding enc)
{
	switch (enc) {
	case ENC_ASCII:
		return "ASCII";
	case ENC_UTF8:
		return "UTF-8";
	case ENC_UTF8_BOM:
		return "UTF-8 (BOM)";
	case ENC_CP932:
		return "CP932";
	}
	return "?";
}

static bool looks_utf16(const unsigned char *d, size_t n)
{
	size_t zeros_even = 0, zeros_odd = 0, m = n < 1024 ? n : 1024;

	if (n >= 2 && ((d[0] == 0xFF && d[1] == 0xFE) || (d[0] == 0xFE && d[1] == 0xFF)))
		return true;
	if (n >= 4 && d[0] == 0 && d[1] == 0 && d[2] == 0xFE && d[3] == 0xFF)
		return true;
	for (size_t i = 0; i < m; i++) {
		if (d[i] == 0) {
			if (i % 2)
				zeros_odd++;
			else
				zeros_even++;
		}
	}
	/* ASCII-heavy UTF-16 without a BOM: every other byte is NUL */
	return m >= 4 && (zeros_odd * 4 >= m || zeros_even * 4 >= m);
}

/* Converts CP932 to UTF-8; false with *bad at the first byte iconv refused. */
static bool from_cp932(const unsigned char *data, size_t n, char **out, size_t *outlen, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", "CP932");
	size_t cap = n * 3 + 1, inleft = n, outleft;
	char *buf, *in = (char *)data, *o;
	bool ok = true;

	if (cd == (iconv_t)-1)
		kk_fatal("iconv で CP932 を開けません: %s", strerror(errno));
	buf = xmalloc(cap);
	o = buf;
	outleft = cap - 1;
	while (inleft) {
		if (iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
			if (errno == E2BIG) {
				/* cannot happen: CP932 is at most 3 UTF-8 bytes per byte */
				size_t used = (size_t)(o - buf);

				cap *= 2;
				buf = xrealloc(buf, cap);
				o = buf + used;
				outleft = cap - 1 - used;
				continue;
			}
			*bad = (size_t)((const unsigned char *)in - data);
			ok = false;
			break;
		}
	}
	iconv_close(cd);
	if (!ok) {
		free(buf);
		return false;
	}
	*o = '\0';
	*out = buf;
	*outlen = (size_t)(o - buf);
	return true;
}

enum decode_result text_decode(const unsigned char *data, size_t n, struct decoded *out)
{
	const unsigned char *nul = memchr(data, 0, n);
	size_t bad_utf8 = 0, bad_cp932 = 0;
	bool bom = n >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF;

	memset(out, 0, sizeof(*out));
	if (!bom && looks_utf16(data, n))
		return DECODE_UTF16;
	if (nul) {
		out->bad_offset = (size_t)(nul - data);
		return DECODE_NUL;
	}
	if (bom) {
		if (!utf8_valid(data + 3, n - 3, &bad_utf8)) {
			out->bad_offset = bad_utf8 + 3;
			out->guess = ENC_UTF8_BOM;
			return DECODE_INVALID;
		}
		out->enc = ENC_UTF8_BOM;
		out->text = xstrndup((const char *)data + 3, n - 3);
		out->len = n - 3;
		return DECODE_OK;
	}
	if (utf8_valid(data, n, &bad_utf8)) {
		bool ascii = true;

		for (size_t i = 0; i < n && ascii; i++)
			ascii = data[i] < 0x80;
		out->enc = ascii ? ENC_ASCII : ENC_UTF8;
		out->text = xstrndup((const char *)data, n);
		out->len = n;
		return DECODE_OK;
	}
	if (from_cp932(data, n, &out->text, &out->len, &bad_cp932)) {
		out->enc = ENC_CP932;
		return DECODE_OK;
	}
	/* valid in neither: name the byte where the better reading stopped */
	if (bad_utf8 >= bad_cp932) {
		out->bad_offset = bad_utf8;
		out->guess = ENC_UTF8;
	} else {
		out->bad_offset = bad_cp932;
		out->guess = ENC_CP932;
	}
	return DECODE_INVALID;
}

/* True when s (valid UTF-8) holds a character no output may hold raw: what
 * XML 1.0 forbids (C0 controls other than TAB, LF, CR; U+FFFE, U+FFFF). */
static bool has_control(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), i = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(u + i, n - i, &cp);

		if (!k || text_xml_forbidden(cp))
			return true;
		i += k;
	}
	return false;
}

/* Every byte that is not part of valid UTF-8, and every control, as \xNN. */
static void escape_name(const char *raw, struct strbuf *out)
{
	const unsigned char *u = (const unsigned char *)raw;
	size_t n = strlen(raw), i = 0;

	while (i < n) {
		uint32_t cp;
		size_t k = utf8_decode(u + i, n - i, &cp);

		if (!k || text_xml_forbidden(cp)) {
			size_t len = k ? k : 1;

			for (size_t j = 0; j < len; j++)
				sb_addf(out, "\\x%02X", u[i + j]);
			i += len;
			continue;
		}
		sb_add(out, raw + i, k);
		i += k;
	}
}

enum name_encoding name_decode(const char *raw, struct strbuf *out)
{
	size_t n = strlen(raw), bad, len;
	char *text;

	if (utf8_valid((const unsigned char *)raw, n, NULL) && !has_control(raw)) {
		sb_add(out, raw, n);
		return NAME_UTF8;
	}
	if (!utf8_valid((const unsigned char *)raw, n, NULL) &&
	    from_cp932((const unsigned char *)raw, n, &text, &len, &bad)) {
		bool ok = strlen(text) == len && !has_control(text);

		if (ok)
			sb_add(out, text, len);
		free(text);
		if (ok)
			return NAME_CP932;
	}
	escape_name(raw, out);
	return NAME_ESCAPED;
}
