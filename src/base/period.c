/*
 * period.c - parsing and labelling fiscal quarters (contract §1).
 */
#include "kaikaku.h"

#include <math.h>

#include "period.h"
#include "utf8.h"

/* 平成元年度 (FY1989) onwards: an earlier year is a slip (1900-01-01 is Excel's
 * serial 1, an empty date cell shown as a date), not a report of this city */
#define FY_MIN 1989
#define FY_MAX 2999

int period_make(int fiscal_year, int quarter)
{
	return fiscal_year * 4 + (quarter - 1);
}

int period_fy(int p)
{
	return p / 4;
}

int period_quarter(int p)
{
	return p % 4 + 1;
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

bool date_valid(int y, int m, int d)
{
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

int period_from_date(int y, int m, int d)
{
	int fy, q;

	if (!date_valid(y, m, d))
		return PERIOD_NONE;
	if (m >= 4) {
		fy = y;
		q = (m - 4) / 3 + 1;
	} else {
		fy = y - 1;
		q = 4;
	}
	if (fy < FY_MIN || fy > FY_MAX)
		return PERIOD_NONE;
	return period_make(fy, q);
}

/* ---- the parser: a cursor over the folded (half-width, lower-case) text */

struct cur {
	const char *s;
};

static void skip_spaces(struct cur *c)
{
	while (*c->s == ' ' || *c->s == '\t')
		c->s++;
}

static bool eat(struct cur *c, const char *lit)
{
	size_t n = strlen(lit);

	skip_spaces(c);
	if (strncmp(c->s, lit, n) != 0)
		return false;
	c->s += n;
	return true;
}

/* Up to max ASCII digits (at least one); false when none or too many. */
static bool number(struct cur *c, int max_digits, int *out)
{
	int v = 0, n = 0;

	skip_spaces(c);
	while (*c->s >= '0' && *c->s <= '9') {
		if (++n > max_digits)
			return false;
		v = v * 10 + (*c->s - '0');
		c->s++;
	}
	if (!n)
		return false;
	*out = v;
	return true;
}

/* A quarter number: 1-4 in digits, or 一二三四. */
static bool quarter_number(struct cur *c, int *q)
{
	static const char *const kanji[] = {"一", "二", "三", "四"};

	skip_spaces(c);
	for (int i = 0; i < 4; i++) {
		if (eat(c, kanji[i])) {
			*q = i + 1;
			return true;
		}
	}
	return number(c, 1, q) && *q >= 1 && *q <= 4;
}

/*
 * An era year: 令和N / RN / 平成N / HN (N may be 元), giving the western year
 * that the era year N starts in. For fiscal years that is the fiscal year.
 */
static bool era_year(struct cur *c, int *year)
{
	int base, n;
	struct cur save = *c;

	if (eat(c, "令和") || eat(c, "r"))
		base = 2018;
	else if (eat(c, "平成") || eat(c, "h"))
		base = 1988;
	else
		return false;
	if (eat(c, "元"))
		n = 1;
	else if (!number(c, 3, &n) || n < 1) {
		*c = save;
		return false;
	}
	if (base == 1988 && n > 31) {
		*c = save;
		return false;
	}
	*year = base + n;
	return true;
}

static bool at_end(struct cur *c)
{
	skip_spaces(c);
	return *c->s == '\0';
}

/* "(2026年10月〜12月)" exactly as period_label writes it for p (folded). */
static bool label_tail(struct cur *c, int p)
{
	struct strbuf want = STRBUF_INIT, folded = STRBUF_INIT;
	bool ok;
	int fy = period_fy(p), q = period_quarter(p);
	int y = q == 4 ? fy + 1 : fy, m0 = q == 4 ? 1 : 3 * q + 1;

	sb_addf(&want, "%d年%d月〜%d月)", y, m0, m0 + 2);
	text_fold(&folded, sb_str(&want));
	ok = eat(c, "(") && eat(c, sb_str(&folded));
	sb_release(&want);
	sb_release(&folded);
	return ok;
}

/* The rest after a year: a quarter (q3, -q3, 第3四半期) or nothing. */
static bool quarter_tail(struct cur *c, int *q)
{
	struct cur save = *c;

	eat(c, "-");
	if (eat(c, "q") && quarter_number(c, q))
		return true;
	*c = save;
	if (eat(c, "第") && quarter_number(c, q) && eat(c, "四半期"))
		return true;
	*c = save;
	return false;
}

static bool parse_date(struct cur *c, int *out)
{
	struct cur save = *c;
	int y, m, d;

	/* era dates: 令和8年9月30日 */
	if (era_year(c, &y)) {
		if (eat(c, "年") && number(c, 2, &m) && eat(c, "月") && number(c, 2, &d) &&
		    eat(c, "日") && at_end(c))
			goto found;
		*c = save;
		return false;
	}
	if (!number(c, 4, &y) || y < 1000)
		goto fail;
	if (eat(c, "年")) {
		if (!(number(c, 2, &m) && eat(c, "月") && number(c, 2, &d) && eat(c, "日")))
			goto fail;
	} else {
		const char *seps[] = {"-", "/", "."};
		const char *sep = NULL;

		for (size_t i = 0; i < ARRAY_LEN(seps) && !sep; i++)
			if (eat(c, seps[i]))
				sep = seps[i];
		if (!sep || !number(c, 2, &m) || !eat(c, sep) || !number(c, 2, &d))
			goto fail;
		/* a time of day as spreadsheets export it: "2026/9/30 0:00", "T00:00:00" */
		{
			struct cur t = *c;
			int hh, mm, ss;

			eat(&t, "t");
			if (number(&t, 2, &hh) && eat(&t, ":") && number(&t, 2, &mm)) {
				if (eat(&t, ":"))
					(void)number(&t, 2, &ss);
				*c = t;
			}
		}
	}
	if (!at_end(c))
		goto fail;
found:
	*out = period_from_date(y, m, d);
	if (*out != PERIOD_NONE && date_valid(y, m, d))
		return true;
fail:
	*c = save;
	return false;
}

static bool parse_folded(const char *folded, int *out, enum period_form *form, bool quarters_only)
{
	struct cur c = {folded};
	int fy, q, p;
	bool fy_marked = false; /* "fy" or "年度" says a bare year is a fiscal year */

	if (!quarters_only && parse_date(&c, &p)) {
		*out = p;
		*form = PERIOD_FORM_DATE;
		return true;
	}
	c.s = folded;
	if (!era_year(&c, &fy)) {
		fy_marked = eat(&c, "fy");
		if (!number(&c, 4, &fy) || fy < 1000)
			return false;
	}
	if (eat(&c, "年度"))
		fy_marked = true;
	if (fy < FY_MIN || fy > FY_MAX)
		return false;
	if (quarter_tail(&c, &q)) {
		p = period_make(fy, q);
		if (at_end(&c) || (label_tail(&c, p) && at_end(&c))) {
			*out = p;
			*form = PERIOD_FORM_QUARTER;
			return true;
		}
		return false;
	}
	if (quarters_only || !fy_marked)
		return false;
	/* a fiscal year alone, or its end (年度末), means its Q4 */
	(void)eat(&c, "末");
	if (!at_end(&c))
		return false;
	*out = period_make(fy, 4);
	*form = PERIOD_FORM_YEAR;
	return true;
}

/* No-break, figure and narrow no-break spaces (U+00A0, U+2007, U+202F) as a
 * space: a period copied from a web page or Word ("2026Q3" + U+00A0) is
 * still that period; the parser skips spaces around and between the parts. */
static void spaces_to_ascii(struct strbuf *f)
{
	size_t o = 0;

	for (size_t i = 0; i < f->len;) {
		const unsigned char *u = (const unsigned char *)f->buf + i;

		if (u[0] == 0xC2 && i + 1 < f->len && u[1] == 0xA0) {
			f->buf[o++] = ' ';
			i += 2;
		} else if (u[0] == 0xE2 && i + 2 < f->len &&
			   ((u[1] == 0x80 && (u[2] == 0x87 || u[2] == 0xAF)))) {
			f->buf[o++] = ' ';
			i += 3;
		} else {
			f->buf[o++] = f->buf[i++];
		}
	}
	f->len = o;
	if (f->buf)
		f->buf[o] = '\0';
}

static bool parse_any(const char *s, int *out, enum period_form *form, bool quarters_only)
{
	struct strbuf f = STRBUF_INIT;
	enum period_form dummy;
	bool ok;

	if (!s)
		return false;
	text_fold(&f, s);
	spaces_to_ascii(&f);
	ok = f.len > 0 && parse_folded(sb_str(&f), out, form ? form : &dummy, quarters_only);
	sb_release(&f);
	return ok;
}

bool period_parse(const char *s, int *out, enum period_form *form)
{
	return parse_any(s, out, form, false);
}

bool period_parse_quarter(const char *s, int *out)
{
	return parse_any(s, out, NULL, true);
}

void period_code(int p, char buf[PERIOD_CODE_MAX])
{
	snprintf(buf, PERIOD_CODE_MAX, "%dQ%d", period_fy(p), period_quarter(p));
}

void period_fy_label(int fy, struct strbuf *out)
{
	if (fy >= 2019) {
		if (fy == 2019)
			sb_adds(out, "令和元年度");
		else
			sb_addf(out, "令和%d年度", fy - 2018);
	} else if (fy >= 1989) {
		if (fy == 1989)
			sb_adds(out, "平成元年度");
		else
			sb_addf(out, "平成%d年度", fy - 1988);
	} else {
		sb_addf(out, "%d年度", fy);
	}
}

void period_label(int p, struct strbuf *out)
{
	int fy = period_fy(p), q = period_quarter(p);
	int y = q == 4 ? fy + 1 : fy, m0 = q == 4 ? 1 : 3 * q + 1;

	period_fy_label(fy, out);
	sb_addf(out, " 第%d四半期（%d年%d月〜%d月）", q, y, m0, m0 + 2);
}

/* Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm). */
static void civil_from_days(long z, int *y, int *m, int *d)
{
	long era, yoe, yy, doy, mp, dd, mm;
	unsigned long doe;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned long)(z - era * 146097);
	yoe = (long)((doe - doe / 1460 + doe / 36524 - doe / 146096) / 365);
	yy = yoe + era * 400;
	doy = (long)doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	dd = doy - (153 * mp + 2) / 5 + 1;
	mm = mp < 10 ? mp + 3 : mp - 9;
	*y = (int)(yy + (mm <= 2));
	*m = (int)mm;
	*d = (int)dd;
}

bool excel_serial_to_date(double serial, bool date1904, int *y, int *m, int *d)
{
	double whole;
	long days;

	if (!isfinite(serial) || serial < 0 || serial >= 2958466.0)
		return false;
	whole = floor(serial);
	days = (long)whole;
	if (date1904) {
		/* 1904-01-01 is day 0 = 1970-01-01 minus 24107 days */
		civil_from_days(days - 24107, y, m, d);
		return true;
	}
	if (days == 0)
		return false;
	if (days == 60) {
		/* Lotus 1-2-3's leap-year bug, kept by Excel: a day that never was */
		*y = 1900;
		*m = 2;
		*d = 29;
		return true;
	}
	if (days < 60)
		days += 1; /* before the fictitious day, serials are one day short */
	/* serial 61 = 1900-03-01; 1899-12-30 is 25569 days before 1970-01-01 */
	civil_from_days(days - 25569, y, m, d);
	return true;
}
