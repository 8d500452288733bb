/*
 * json_write.c - JSON strings and numbers (json_write.h).
 */
#include "kaikaku.h"

#include <math.h>

#include "json_write.h"
#include "number.h"

void json_string(struct strbuf *out, const char *s)
{
	if (!s) {
		sb_adds(out, "null");
		return;
	}
	sb_addc(out, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			sb_adds(out, "\\\"");
			break;
		case '\\':
			sb_adds(out, "\\\\");
			break;
		case '\n':
			sb_adds(out, "\\n");
			break;
		case '\r':
			sb_adds(out, "\\r");
			break;
		case '\t':
			sb_adds(out, "\\t");
			break;
		default:
			if (*p < 0x20)
				sb_addf(out, "\\u%04x", *p);
			else
				sb_addc(out, (char)*p);
		}
	}
	sb_addc(out, '"');
}

void json_number(struct strbuf *out, double v)
{
	char buf[40];

	if (!isfinite(v)) { /* JSON has no inf or NaN */
		sb_adds(out, "null");
		return;
	}
	number_format(v, buf, sizeof(buf));
	sb_adds(out, buf);
}
