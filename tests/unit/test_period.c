/*
 * test_period.c - every spelling of the contract §1, labels and Excel dates.
 */
#include "kaikaku.h"

#include "period.h"
#include "unit.h"

static void test_parse(void)
{
	static const struct {
		const char *in;
		const char *code; /* NULL: must be rejected */
		enum period_form form;
	} cases[] = {
		{"2026Q3", "2026Q3", PERIOD_FORM_QUARTER},
		{"2026-Q3", "2026Q3", PERIOD_FORM_QUARTER},
		{"2026 Q3", "2026Q3", PERIOD_FORM_QUARTER},
		{"FY2026Q3", "2026Q3", PERIOD_FORM_QUARTER},
		{"fy2026q3", "2026Q3", PERIOD_FORM_QUARTER},
		{"R8Q3", "2026Q3", PERIOD_FORM_QUARTER},
		{"R8年度Q3", "2026Q3", PERIOD_FORM_QUARTER},
		{"令和8年度第3四半期", "2026Q3", PERIOD_FORM_QUARTER},
		{"R8年度第3四半期", "2026Q3", PERIOD_FORM_QUARTER},
		{"令和8年度 第3四半期", "2026Q3", PERIOD_FORM_QUARTER},
		{"令和8年度第三四半期", "2026Q3", PERIOD_FORM_QUARTER},
		{"２０２６Ｑ３", "2026Q3", PERIOD_FORM_QUARTER},
		{"Ｒ８年度第３四半期", "2026Q3", PERIOD_FORM_QUARTER},
		{"　2026Q3 ", "2026Q3", PERIOD_FORM_QUARTER},
		{"2026年度第4四半期", "2026Q4", PERIOD_FORM_QUARTER},
		{"令和元年度Q1", "2019Q1", PERIOD_FORM_QUARTER},
		{"H30年度Q4", "2018Q4", PERIOD_FORM_QUARTER},
		{"令和8年度 第3四半期（2026年10月〜12月）", "2026Q3", PERIOD_FORM_QUARTER},
		{"令和8年度 第4四半期（2027年1月〜3月）", "2026Q4", PERIOD_FORM_QUARTER},
		/* a fiscal year alone is its Q4 */
		{"2024年度", "2024Q4", PERIOD_FORM_YEAR},
		{"FY2024", "2024Q4", PERIOD_FORM_YEAR},
		{"R6年度", "2024Q4", PERIOD_FORM_YEAR},
		{"令和6年度", "2024Q4", PERIOD_FORM_YEAR},
		{"R6年度末", "2024Q4", PERIOD_FORM_YEAR},
		{"令和元年度", "2019Q4", PERIOD_FORM_YEAR},
		{"R9年度末", "2027Q4", PERIOD_FORM_YEAR},
		/* calendar dates: the fiscal quarter containing them */
		{"2026-09-30", "2026Q2", PERIOD_FORM_DATE},
		{"2026/9/30", "2026Q2", PERIOD_FORM_DATE},
		{"2026年9月30日", "2026Q2", PERIOD_FORM_DATE},
		{"2027-02-01", "2026Q4", PERIOD_FORM_DATE},
		{"2026-04-01", "2026Q1", PERIOD_FORM_DATE},
		{"2026-03-31", "2025Q4", PERIOD_FORM_DATE},
		{"2026-10-01", "2026Q3", PERIOD_FORM_DATE},
		{"2026/12/31 0:00", "2026Q3", PERIOD_FORM_DATE},
		{"2026-12-31T00:00:00", "2026Q3", PERIOD_FORM_DATE},
		{"2026.9.30", "2026Q2", PERIOD_FORM_DATE},
		{"令和8年9月30日", "2026Q2", PERIOD_FORM_DATE},
		{"2024-02-29", "2023Q4", PERIOD_FORM_DATE},
		/* anything else is rejected */
		{"", NULL, 0},
		{"2026", NULL, 0},
		{"R6", NULL, 0},
		{"2026Q5", NULL, 0},
		{"2026Q0", NULL, 0},
		{"2026Q", NULL, 0},
		{"Q3", NULL, 0},
		{"2026Q3x", NULL, 0},
		{"20261Q3", NULL, 0},
		{"2026-02-30", NULL, 0},
		{"2025-02-29", NULL, 0},
		{"2026/13/1", NULL, 0},
		{"令和8年度第5四半期", NULL, 0},
		{"令和0年度", NULL, 0},
		{"H32年度", NULL, 0},
		{"next quarter", NULL, 0},
		{"2026.5", NULL, 0},
		{"令和8年度 第3四半期（2026年4月〜6月）", NULL, 0},
		{"1899Q1", NULL, 0},
		/* issue 16 item 17: nothing before 平成元年度 (FY1989); Excel's serial 1
		 * is 1900-01-01, which must not be FY1899 */
		{"1900-01-01", NULL, 0},
		{"1900/2/28", NULL, 0},
		{"1988Q4", NULL, 0},
		{"1989Q1", "1989Q1", PERIOD_FORM_QUARTER},
		{"1989-04-01", "1989Q1", PERIOD_FORM_DATE},
		{"1989-03-31", NULL, 0},
		{"平成元年度", "1989Q4", PERIOD_FORM_YEAR},
		/* a no-break space after the period (copied from a web page) */
		{"2026Q3\u00a0", "2026Q3", PERIOD_FORM_QUARTER},
		{"\u00a02026 Q3\u202f", "2026Q3", PERIOD_FORM_QUARTER},
		{"2026\u00a0Q3", "2026Q3", PERIOD_FORM_QUARTER},
		{"3000Q1", NULL, 0},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		int p = PERIOD_NONE;
		enum period_form form = PERIOD_FORM_QUARTER;
		bool ok = period_parse(cases[i].in, &p, &form);
		char code[PERIOD_CODE_MAX];

		if (!cases[i].code) {
			CHECK_MSG(!ok, "\"%s\" must be rejected", cases[i].in);
			continue;
		}
		CHECK_MSG(ok, "\"%s\" must be accepted", cases[i].in);
		if (!ok)
			continue;
		period_code(p, code);
		CHECK_STR(code, cases[i].code);
		CHECK_MSG(form == cases[i].form, "\"%s\": form %d, want %d", cases[i].in, form,
			  cases[i].form);
	}
}

static void test_quarter_only(void)
{
	int p;

	CHECK(period_parse_quarter("2026Q3", &p) && p == period_make(2026, 3));
	CHECK(period_parse_quarter("R8年度第3四半期", &p));
	CHECK(!period_parse_quarter("R8年度", &p));
	CHECK(!period_parse_quarter("2026-09-30", &p));
	CHECK(!period_parse_quarter("submissions", &p));
}

static void test_label(void)
{
	static const struct {
		int fy, q;
		const char *label;
	} cases[] = {
		{2026, 3, "令和8年度 第3四半期（2026年10月〜12月）"},
		{2026, 4, "令和8年度 第4四半期（2027年1月〜3月）"},
		{2026, 1, "令和8年度 第1四半期（2026年4月〜6月）"},
		{2019, 2, "令和元年度 第2四半期（2019年7月〜9月）"},
		{2018, 2, "平成30年度 第2四半期（2018年7月〜9月）"},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct strbuf sb = STRBUF_INIT;
		int p;

		period_label(period_make(cases[i].fy, cases[i].q), &sb);
		CHECK_STR(sb_str(&sb), cases[i].label);
		/* every label reads back as its own period */
		CHECK(period_parse(sb_str(&sb), &p, NULL) &&
		      p == period_make(cases[i].fy, cases[i].q));
		sb_release(&sb);
	}
}

static void test_arithmetic(void)
{
	CHECK_INT(period_make(2026, 3) - period_make(2024, 4), 7);
	CHECK_INT(period_fy(period_make(2026, 1)), 2026);
	CHECK_INT(period_quarter(period_make(2026, 4)), 4);
	CHECK_INT(period_make(2027, 1) - period_make(2026, 4), 1);
}

static void test_excel_dates(void)
{
	static const struct {
		double serial;
		bool d1904;
		int y, m, d; /* y == 0: not a date */
	} cases[] = {
		{1, false, 1900, 1, 1},         {59, false, 1900, 2, 28},
		{60, false, 1900, 2, 29},       {61, false, 1900, 3, 1},
		{25569, false, 1970, 1, 1},     {46295, false, 2026, 9, 30},
		{46295.75, false, 2026, 9, 30}, {0, true, 1904, 1, 1},
		{44833, true, 2026, 9, 30},     {0, false, 0, 0, 0},
		{-1, false, 0, 0, 0},           {3e6, false, 0, 0, 0},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		int y = 0, m = 0, d = 0;
		bool ok = excel_serial_to_date(cases[i].serial, cases[i].d1904, &y, &m, &d);

		if (!cases[i].y) {
			CHECK_MSG(!ok, "serial %g is not a date", cases[i].serial);
			continue;
		}
		CHECK_MSG(ok && y == cases[i].y && m == cases[i].m && d == cases[i].d,
			  "serial %g (1904=%d): got %d-%d-%d", cases[i].serial, cases[i].d1904, y,
			  m, d);
	}
	/* 1900-02-29 (Excel's fictitious day) and 1900 at all: before FY1989 */
	CHECK_INT(period_from_date(1900, 2, 29), PERIOD_NONE);
	CHECK_INT(period_from_date(1900, 1, 1), PERIOD_NONE);
	CHECK_INT(period_from_date(1989, 4, 1), period_make(1989, 1));
}

int main(void)
{
	test_parse();
	test_quarter_only();
	test_label();
	test_arithmetic();
	test_excel_dates();
	return unit_report("test_period");
}
