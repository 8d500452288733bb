/*
 * encoding.h - detecting a text file's encoding and converting it to UTF-8
 * (contract §2): UTF-8 with or without BOM, otherwise CP932 through glibc
 * iconv (NEC and IBM extensions such as ① ㈱ 髙 﨑, half-width kana).
 */
#ifndef KK_ENCODING_H
#define KK_ENCODING_H

#include "kaikaku.h"

#include "strbuf.h"

enum text_encoding {
	ENC_ASCII,
	ENC_UTF8,
	ENC_UTF8_BOM,
	ENC_CP932,
};

enum decode_result {
	DECODE_OK,
	DECODE_INVALID, /* valid in neither UTF-8 nor CP932 */
	DECODE_UTF16,   /* a UTF-16 (or UTF-32) file */
	DECODE_NUL,     /* a NUL byte in what is otherwise text */
};

struct decoded {
	enum text_encoding enc;
	char *text; /* UTF-8 without BOM, NUL-terminated; the caller frees it */
	size_t len;
	size_t bad_offset;        /* DECODE_INVALID / DECODE_NUL: offset of the first bad byte */
	enum text_encoding guess; /* DECODE_INVALID: the encoding that read further */
};

enum decode_result text_decode(const unsigned char *data, size_t n, struct decoded *out);
/* How a file or folder name was turned into text. */
enum name_encoding {
	NAME_UTF8,
	NAME_CP932,   /* not UTF-8, read as CP932 (a Windows zip's names as unzip leaves them) */
	NAME_ESCAPED, /* neither: each byte that is not UTF-8 written as \xNN */
};

/* The text of a name as it came from the file system (any bytes): UTF-8 as
 * it is, else CP932, else UTF-8 with the other bytes escaped visibly.
 * Appends to out; the text holds no character XML forbids. */
enum name_encoding name_decode(const char *raw, struct strbuf *out);

/* "UTF-8", "UTF-8 (BOM)", "CP932", "ASCII" */
const char *encoding_name(enum text_encoding enc);

#endif
