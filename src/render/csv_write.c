/*
 * csv_write.c - one CSV field, for every CSV output (csv_write.h).
 */
#include "kaikaku.h"

#include "csv_write.h"

void csv_field(struct strbuf *out, const char *s)
{
	bool quote = false;

	if (!s)
		return;
	for (const char *p = s; *p; p++)
		if (*p == ',' || *p == '"' || *p == '\r' || *p == '\n')
			quote = true;
	/* Excel runs a cell that starts with = + - @ as a formula, even from
	 * CSV: such text gets a leading apostrophe (OWASP's CSV injection advice),
	 * except for plain negative numbers. */
	bool guard = (s[0] == '=' || s[0] == '+' || s[0] == '@' || s[0] == '\t' || s[0] == '\r' ||
		      (s[0] == '-' && !((s[1] >= '0' && s[1] <= '9') || s[1] == '.')));
	if (quote)
		sb_addc(out, '"');
	if (guard)
		sb_addc(out, '\'');
	for (const char *p = s; *p; p++) {
		if (*p == '"')
			sb_addc(out, '"');
		sb_addc(out, *p);
	}
	if (quote)
		sb_addc(out, '"');
}
