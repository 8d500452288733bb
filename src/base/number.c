/*
 * number.c - parsing numbers in the spellings of the contract §2.
 */
#include "kaikaku.h"

#include <math.h>

#include "number.h"
#include "strbuf.h"
#include "utf8.h"

/* Longer than this, a text is neither a number nor a no-value mark. */
#define NUMBER_TEXT_MAX 1024

bool number_is_no_value(const char *s)
{
	struct strbuf f = STRBUF_INIT;
	const char *t;
	bool r;

	if (!s)
		return true;
	if (strnlen(s, NUMBER_TEXT_MAX + 1) > NUMBER_TEXT_MAX)
		return false;
	text_fold(&f, s);
	t = sb_str(&f);
	/* "－" folds to "-"; ― U+2015 and — U+2014 stay as they are */
	r = !*t || strcmp(t, "-") == 0 || strcmp(t, "―") == 0 || strcmp(t, "—") == 0;
	sb_release(&f);
	return r;
}

static bool eat(const char **p, const char *lit)
{
	size_t n = strlen(lit);

	if (strncmp(*p, lit, n) != 0)
		return false;
	*p += n;
	return true;
}

static void skip_spaces(const char **p)
{
	while (**p == ' ' || **p == '\t')
		(*p)++;
}

enum number_result number_parse(const char *s, double *out, bool *percent)
{
	struct strbuf f = STRBUF_INIT, clean = STRBUF_INIT;
	const char *p;
	enum number_result r = NUMBER_BAD;
	bool neg = false, pct = false, any_digit = false;
	char *end;
	double v;

	if (number_is_no_value(s))
		return NUMBER_EMPTY;
	if (strnlen(s, NUMBER_TEXT_MAX + 1) > NUMBER_TEXT_MAX)
		return NUMBER_BAD; /* no number is written this long: not folded at all */
	text_fold(&f, s);
	p = sb_str(&f);
	if (eat(&p, "△") || eat(&p, "▲") || eat(&p, "-") || eat(&p, "−"))
		neg = true;
	else
		(void)eat(&p, "+");
	skip_spaces(&p);
	if (neg)
		sb_addc(&clean, '-');
	/* integer part, with optional thousands separators in groups of three */
	{
		int group = 0;      /* digits since the last comma */
		bool comma = false; /* a comma has been seen */

		while ((*p >= '0' && *p <= '9') || *p == ',') {
			if (*p == ',') {
				if (group == 0 || (comma && group != 3) || (!comma && group > 3))
					goto out;
				comma = true;
				group = 0;
			} else {
				sb_addc(&clean, *p);
				group++;
				any_digit = true;
			}
			p++;
		}
		if (comma && group != 3)
			goto out;
	}
	if (*p == '.') {
		sb_addc(&clean, '.');
		p++;
		while (*p >= '0' && *p <= '9') {
			sb_addc(&clean, *p);
			p++;
			any_digit = true;
		}
	}
	if (!any_digit)
		goto out;
	skip_spaces(&p);
	if (*p == '%') {
		pct = true;
		p++;
		skip_spaces(&p);
	}
	if (*p)
		goto out;
	v = strtod(sb_str(&clean), &end);
	if (*end || !isfinite(v))
		goto out;
	v = number_round15(v);
	if (v == 0)
		v = 0; /* no negative zero */
	*out = v;
	if (percent)
		*percent = pct;
	r = fabs(v) >= NUMBER_LIMIT ? NUMBER_TOO_LARGE : NUMBER_OK;
out:
	sb_release(&f);
	sb_release(&clean);
	return r;
}

double number_round15(double v)
{
	char buf[40];

	if (!isfinite(v) || v == 0)
		return v;
	snprintf(buf, sizeof(buf), "%.15g", v);
	return strtod(buf, NULL);
}

void number_format(double v, char *buf, size_t size)
{
	if (v == 0)
		v = 0;
	for (int prec = 15; prec <= 17; prec++) {
		snprintf(buf, size, "%.*g", prec, v);
		if (strtod(buf, NULL) == v)
			return;
	}
}
