/*
 * test_number.c - the number spellings of the contract §2.
 */
#include "kaikaku.h"

#include "number.h"
#include "unit.h"

static void test_parse(void)
{
	static const struct {
		const char *in;
		enum number_result r;
		double v;
		bool pct;
	} cases[] = {
		{"1234", NUMBER_OK, 1234, false},
		{"1,234", NUMBER_OK, 1234, false},
		{"1,234,567.5", NUMBER_OK, 1234567.5, false},
		{"１２３４", NUMBER_OK, 1234, false},
		{"１，２３４", NUMBER_OK, 1234, false},
		{"12.5", NUMBER_OK, 12.5, false},
		{"１２．５", NUMBER_OK, 12.5, false},
		{"-3", NUMBER_OK, -3, false},
		{"－3", NUMBER_OK, -3, false},
		{"−3", NUMBER_OK, -3, false},
		{"△3", NUMBER_OK, -3, false},
		{"▲3", NUMBER_OK, -3, false},
		{"▲ 1,200", NUMBER_OK, -1200, false},
		{"+7", NUMBER_OK, 7, false},
		{"85%", NUMBER_OK, 85, true},
		{"85 %", NUMBER_OK, 85, true},
		{"８５％", NUMBER_OK, 85, true},
		{"0.5", NUMBER_OK, 0.5, false},
		{".5", NUMBER_OK, 0.5, false},
		{"0", NUMBER_OK, 0, false},
		{"-0", NUMBER_OK, 0, false},
		{"  42　", NUMBER_OK, 42, false},
		{"007", NUMBER_OK, 7, false},
		{"", NUMBER_EMPTY, 0, false},
		{"   ", NUMBER_EMPTY, 0, false},
		{"-", NUMBER_EMPTY, 0, false},
		{"－", NUMBER_EMPTY, 0, false},
		{"―", NUMBER_EMPTY, 0, false},
		{"—", NUMBER_EMPTY, 0, false},
		{"abc", NUMBER_BAD, 0, false},
		{"12a", NUMBER_BAD, 0, false},
		{"120時間", NUMBER_BAD, 0, false},
		{"1,23", NUMBER_BAD, 0, false},
		{"12,34,567", NUMBER_BAD, 0, false},
		{"1234,567", NUMBER_BAD, 0, false},
		{",123", NUMBER_BAD, 0, false},
		{"1.2.3", NUMBER_BAD, 0, false},
		{"1e5", NUMBER_BAD, 0, false},
		{"%", NUMBER_BAD, 0, false},
		{"--3", NUMBER_BAD, 0, false},
		{"3-", NUMBER_BAD, 0, false},
		{"nan", NUMBER_BAD, 0, false},
		{"inf", NUMBER_BAD, 0, false},
		{"0x10", NUMBER_BAD, 0, false},
		{"1 000", NUMBER_BAD, 0, false},
		{"85%%", NUMBER_BAD, 0, false},
		/* issue 16 items 3 and 13: 15 significant digits, below 10^15 */
		{"0.30000000000000004", NUMBER_OK, 0.3, false},
		{"999,999,999,999,999", NUMBER_OK, 999999999999999.0, false},
		{"-999999999999999", NUMBER_OK, -999999999999999.0, false},
		{"1,000,000,000,000,000", NUMBER_TOO_LARGE, 0, false},
		{"1000000000000000", NUMBER_TOO_LARGE, 0, false},
		{"△1000000000000000", NUMBER_TOO_LARGE, 0, false},
		{"9999999999999999", NUMBER_TOO_LARGE, 0, false},
		{"999999999999999.9", NUMBER_TOO_LARGE, 0, false},
		{"99999999999999999999999999999999999999999999999999", NUMBER_TOO_LARGE, 0, false},
		{"0.07", NUMBER_OK, 0.07, false},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		double v = -999;
		bool pct = false;
		enum number_result r = number_parse(cases[i].in, &v, &pct);

		CHECK_MSG(r == cases[i].r, "\"%s\": result %d, want %d", cases[i].in, r,
			  cases[i].r);
		if (r == NUMBER_OK && cases[i].r == NUMBER_OK) {
			CHECK_DBL(v, cases[i].v);
			CHECK_MSG(pct == cases[i].pct, "\"%s\": percent flag", cases[i].in);
		}
	}
}

static void test_format(void)
{
	static const struct {
		double v;
		const char *s;
	} cases[] = {
		{10100, "10100"},
		{12.5, "12.5"},
		{0.1 + 0.2, "0.30000000000000004"},
		{0.3, "0.3"},
		{-3, "-3"},
		{-0.0, "0"},
		{1e21, "1e+21"},
		{2.0 / 3, "0.6666666666666666"},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char buf[40];

		number_format(cases[i].v, buf, sizeof(buf));
		CHECK_STR(buf, cases[i].s);
	}
}

static void test_round15(void)
{
	CHECK(number_round15(0.1 + 0.2) == 0.3);
	CHECK(number_round15(0.07 * 100) == 7);
	CHECK(number_round15(number_round15(0.075) * 100) == 7.5);
	CHECK(number_round15(123456789012345.6) == 123456789012346.0);
	CHECK(number_round15(-0.30000000000000004) == -0.3);
	CHECK(number_round15(0) == 0);
}

int main(void)
{
	test_parse();
	test_round15();
	test_format();
	return unit_report("test_number");
}
