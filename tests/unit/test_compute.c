/*
 * test_compute.c - each status rule of the contract §3 and its boundaries.
 */
#include "kaikaku.h"

#include "compute.h"
#include "period.h"
#include "unit.h"

static void test_progress(void)
{
	CHECK_DBL(kpi_progress(62, 0, 100), 0.62);
	CHECK_DBL(kpi_progress(35, 35, 100), 0);
	CHECK_DBL(kpi_progress(100, 35, 100), 1);
	/* a KPI that goes down: 50 hours of travel to 25 */
	CHECK_DBL(kpi_progress(40, 50, 25), 0.4);
	CHECK_DBL(kpi_progress(60, 50, 25), -0.4);
}

static void test_expected(void)
{
	int b = period_make(2024, 4), t = period_make(2027, 4);

	CHECK_DBL(kpi_expected(period_make(2026, 3), b, t), 7.0 / 12);
	CHECK_DBL(kpi_expected(b, b, t), 0);
	CHECK_DBL(kpi_expected(period_make(2023, 1), b, t), 0); /* clamped */
	CHECK_DBL(kpi_expected(t, b, t), 1);
	CHECK_DBL(kpi_expected(period_make(2029, 1), b, t), 1); /* clamped */
}

static void test_kpi_status(void)
{
	static const struct {
		double progress, expected;
		enum status want;
	} cases[] = {
		{1.0, 0.5, ST_ACHIEVED},
		{1.2, 0.5, ST_ACHIEVED},
		{0.999999, 1.0, ST_ON_TRACK},
		/* 0.9 x 0.75 = 0.675: exactly on the boundary is 順調 */
		{0.675, 0.75, ST_ON_TRACK},
		{0.6749, 0.75, ST_AT_RISK},
		/* 0.7 x 0.75 = 0.525 */
		{0.525, 0.75, ST_AT_RISK},
		{0.5249, 0.75, ST_DELAYED},
		{0.0, 0.0, ST_ON_TRACK},   /* nothing expected yet */
		{-0.1, 0.0, ST_DELAYED},   /* going the wrong way */
		{0.62, 0.75, ST_AT_RISK},  /* the example: 62.0% vs 67.5% */
		{0.9, 1.0, ST_ON_TRACK},
		{0.7, 1.0, ST_AT_RISK},
		{0.69, 1.0, ST_DELAYED},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		enum status s = kpi_status(cases[i].progress, cases[i].expected, 0.9, 0.7);

		CHECK_MSG(s == cases[i].want, "progress %g expected %g: %s, want %s", cases[i].progress,
			  cases[i].expected, status_word(s), status_word(cases[i].want));
	}
	/* the factors are settings */
	CHECK(kpi_status(0.6, 0.75, 0.8, 0.5) == ST_ON_TRACK);
	CHECK(kpi_status(0.6, 0.75, 0.95, 0.85) == ST_DELAYED);
	/* boundaries computed as the files give them: 67.5 of 100 at 9 of 12 quarters */
	CHECK(kpi_status(kpi_progress(67.5, 0, 100), kpi_expected(9, 0, 12), 0.9, 0.7) ==
	      ST_ON_TRACK);
	CHECK(kpi_status(kpi_progress(52.5, 0, 100), kpi_expected(9, 0, 12), 0.9, 0.7) ==
	      ST_AT_RISK);
}

static void test_milestone(void)
{
	int due = period_make(2026, 2), p = period_make(2026, 3);
	static const struct {
		bool reported;
		enum status latest;
		int due_offset; /* due relative to P */
		enum status want;
	} cases[] = {
		{false, ST_NOT_STARTED, 0, ST_NOT_STARTED},
		{false, ST_NOT_STARTED, -1, ST_DELAYED},
		{true, ST_IN_PROGRESS, 0, ST_IN_PROGRESS}, /* due this quarter: not yet overdue */
		{true, ST_IN_PROGRESS, -1, ST_DELAYED},
		{true, ST_NOT_STARTED, 1, ST_NOT_STARTED},
		{true, ST_DONE, -3, ST_DONE},
		{true, ST_CANCELLED, -3, ST_CANCELLED},
		{true, ST_DELAYED, 2, ST_DELAYED},
	};

	(void)due;
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		enum status s = milestone_status_at(cases[i].reported ? &cases[i].latest : NULL,
						    p + cases[i].due_offset, p);

		CHECK_MSG(s == cases[i].want, "case %zu: %s, want %s", i, status_word(s),
			  status_word(cases[i].want));
	}
}

static void test_measure(void)
{
	static const struct {
		enum status kpis[3];
		size_t nk;
		enum status ms[3];
		size_t nm;
		enum status want;
	} cases[] = {
		{{0}, 0, {0}, 0, ST_NOT_REPORTED},
		{{0}, 0, {ST_CANCELLED, ST_CANCELLED}, 2, ST_CANCELLED},
		{{0}, 0, {ST_CANCELLED, ST_DONE}, 2, ST_DONE},
		{{ST_ACHIEVED, ST_ON_TRACK}, 2, {0}, 0, ST_ON_TRACK},
		{{ST_ACHIEVED}, 1, {ST_DONE}, 1, ST_ACHIEVED},
		{{ST_ON_TRACK}, 1, {ST_IN_PROGRESS}, 1, ST_IN_PROGRESS},
		{{ST_ON_TRACK}, 1, {ST_NOT_STARTED}, 1, ST_NOT_STARTED},
		{{ST_NOT_REPORTED}, 1, {ST_NOT_STARTED}, 1, ST_NOT_REPORTED},
		{{ST_AT_RISK, ST_NOT_REPORTED}, 2, {0}, 0, ST_AT_RISK},
		{{ST_AT_RISK}, 1, {ST_DELAYED}, 1, ST_DELAYED},
		{{ST_ACHIEVED}, 1, {ST_CANCELLED}, 1, ST_ACHIEVED}, /* 中止 is left out */
		{{ST_DELAYED, ST_ACHIEVED, ST_ON_TRACK}, 3, {ST_DONE}, 1, ST_DELAYED},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		enum status s = measure_status(cases[i].kpis, cases[i].nk, cases[i].ms, cases[i].nm);

		CHECK_MSG(s == cases[i].want, "case %zu: %s, want %s", i, status_word(s),
			  status_word(cases[i].want));
	}
}

static void test_kgi_pace(void)
{
	int start = period_make(2024, 1), due = period_make(2027, 4);
	struct kgi_pace k;

	/* the sample: 2026Q3 is 10 of 15 quarters, expected 20% */
	kgi_pace(0.0467, 0.30, period_make(2026, 3), start, due, 0.9, 0.7, &k);
	CHECK(k.has_rate);
	CHECK_DBL(k.expected, 0.20);
	CHECK(k.status == ST_DELAYED);
	CHECK(k.has_needed);
	CHECK_DBL(k.needed, (0.30 - 0.0467) / 5);
	CHECK(k.has_so_far);
	CHECK_DBL(k.so_far, 0.0467 / 10);
	/* boundaries: 0.9 x 20% = 18% is 順調, 0.7 x 20% = 14% is 注意 */
	kgi_pace(0.18, 0.30, period_make(2026, 3), start, due, 0.9, 0.7, &k);
	CHECK(k.status == ST_ON_TRACK);
	kgi_pace(0.14, 0.30, period_make(2026, 3), start, due, 0.9, 0.7, &k);
	CHECK(k.status == ST_AT_RISK);
	kgi_pace(0.1399, 0.30, period_make(2026, 3), start, due, 0.9, 0.7, &k);
	CHECK(k.status == ST_DELAYED);
	/* the target reached: 達成, and the pace needed negative */
	kgi_pace(0.31, 0.30, period_make(2026, 3), start, due, 0.9, 0.7, &k);
	CHECK(k.status == ST_ACHIEVED);
	CHECK(k.needed < 0);
	/* at or after due: no pace needed; expected is the target */
	kgi_pace(0.25, 0.30, due, start, due, 0.9, 0.7, &k);
	CHECK(!k.has_needed);
	CHECK_DBL(k.expected, 0.30);
	/* at the start: nothing expected, no pace so far */
	kgi_pace(0, 0.30, start, start, due, 0.9, 0.7, &k);
	CHECK(!k.has_so_far);
	CHECK_DBL(k.expected, 0);
	CHECK(k.status == ST_ON_TRACK);
	/* no baseline hours: no rate, no status */
	kgi_pace(-1, 0.30, period_make(2026, 3), start, due, 0.9, 0.7, &k);
	CHECK(!k.has_rate && !k.has_needed && !k.has_so_far);
	CHECK(k.status == ST_NOT_REPORTED);
}

int main(void)
{
	test_kgi_pace();
	test_progress();
	test_expected();
	test_kpi_status();
	test_milestone();
	test_measure();
	return unit_report("test_compute");
}
