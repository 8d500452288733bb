/*
 * csv_write.c - one CSV field, for every CSV output (csv_write.h): quoted
 * when needed, guarded against spreadsheet formulas.
 */
#include "kaikaku.h"

#include "csv_write.h"

/* A plain number: an optional sign, digits with at most one point, an
 * optional exponent ("-12", "-.5", "+3", "1e-5"). A spreadsheet reads it as
 * the number it is, never as a formula. */
static bool plain_number(const char *s)
{
	bool digits = false, point = false;

	if (*s == '+' || *s == '-')
		s++;
	for (; *s; s++) {
		if (*s >= '0' && *s <= '9')
			digits = true;
		else if (*s == '.' && !point)
			point = true;
		else
			break;
	}
	if (digits && (*s == 'e' || *s == 'E')) {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return digits && !*s;
}

/* Whether a spreadsheet would evaluate s: it starts with = + - @, a tab or
 * CR, or the full-width ＝ ＋ － ＠ (Excel folds them on entry), and is not a
 * plain number. */
static bool formula_like(const char *s)
{
	static const char *const wide[] = {"\xEF\xBC\x9D", "\xEF\xBC\x8B", "\xEF\xBC\x8D",
					   "\xEF\xBC\xA0"};

	if (s[0] == '=' || s[0] == '@' || s[0] == '\t' || s[0] == '\r')
		return true;
	if (s[0] == '+' || s[0] == '-')
		return !plain_number(s);
	for (size_t i = 0; i < ARRAY_LEN(wide); i++)
		if (strncmp(s, wide[i], 3) == 0)
			return true;
	return false;
}

void csv_field(struct strbuf *out, const char *s)
{
	bool quote = false, guard;

	if (!s)
		return;
	for (const char *p = s; *p; p++)
		if (*p == ',' || *p == '"' || *p == '\r' || *p == '\n')
			quote = true;
	/* Excel runs a cell that looks like a formula as one, even from CSV:
	 * such text gets a leading apostrophe (OWASP's CSV injection advice). */
	guard = formula_like(s);
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
