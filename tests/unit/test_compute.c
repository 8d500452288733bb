/*
 * test_compute.c - each status rule of the contract §3 and its boundaries,
 * then compute() as a whole on a small city (fixture.h): the statuses of
 * KPIs, milestones and measures, the roll-ups, 未提出, the KGI and its trend.
 */
#include "kaikaku.h"

#include "briefing.h"
#include "compute.h"
#include "fixture.h"
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
		{0.0, 0.0, ST_ON_TRACK},  /* nothing expected yet */
		{-0.1, 0.0, ST_DELAYED},  /* going the wrong way */
		{0.62, 0.75, ST_AT_RISK}, /* the example: 62.0% vs 67.5% */
		{0.9, 1.0, ST_ON_TRACK},
		{0.7, 1.0, ST_AT_RISK},
		{0.69, 1.0, ST_DELAYED},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		enum status s = kpi_status(cases[i].progress, cases[i].expected, 0.9, 0.7);

		CHECK_MSG(s == cases[i].want, "progress %g expected %g: %s, want %s",
			  cases[i].progress, cases[i].expected, status_word(s),
			  status_word(cases[i].want));
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
		enum status s =
			measure_status(cases[i].kpis, cases[i].nk, cases[i].ms, cases[i].nm);

		CHECK_MSG(s == cases[i].want, "case %zu: %s, want %s", i, status_word(s),
			  status_word(cases[i].want));
	}
}

/* ---- compute() as a whole */

#define Q(fy, q) period_make(fy, q)

/*
 * Six divisions in three departments: 総務課 and DX推進課 report KPIs and
 * milestones; 市民課 has no baseline; 保育課 owns only an open milestone and
 * sends nothing (未提出); 財政課's milestones are all 完了 or 中止 (owes
 * nothing); 人事課 owns a KPI and sends only a workload row (未提出). KPIs run
 * from 2024Q4 to 2027Q4 (12 quarters): at 2026Q3 the expected progress is 7/12.
 */
static void compute_city(struct fixture *fx)
{
	fixture_init(fx);
	FIXTURE_TABLE(fx, "masters/課.csv", "課コード|部|課|基準業務量",
		      "010100|総務部|総務課|10000", "010300|総務部|DX推進課|5000",
		      "020100|市民部|市民課", "030200|健康子ども部|保育課|2000",
		      "010400|総務部|財政課|3000", "010200|総務部|人事課|1000");
	FIXTURE_TABLE(fx, "masters/施策.csv", "施策ID|施策名|主担当課|柱",
		      "M1|窓口改革|総務課|市民サービス", "M2|RPA導入|DX推進課|庁内効率化",
		      "M3|保育DX|保育課|人材育成", "M4|財務会計|財政課|庁内効率化",
		      "M5|窓口満足度|市民課|市民サービス", "M6|研修|人事課|人材育成");
	FIXTURE_TABLE(
		fx, "masters/KPI.csv", "KPI_ID|施策ID|指標名|単位|基準値|基準時点|目標値|目標時点",
		"K1|M1|オンライン申請率|%|0|2024Q4|100|2027Q4",
		"K2|M1|処理日数|日|100|2024Q4|50|2027Q4", /* a KPI that goes down */
		"K3|M2|RPA件数|件|0|2024Q4|10|2027Q4", "K4|M2|削減業務数|件|0|2024Q4|10|2027Q4",
		"K5|M5|満足度|%|0|2024Q4|100|2027Q4", "K6|M6|受講者数|人|0|2024Q4|10|2027Q4");
	FIXTURE_TABLE(fx, "masters/MS.csv", "マイルストーンID|施策ID|内容|期限",
		      "MS1|M1|要件定義|2026Q2", "MS2|M2|本稼働|2027Q1", "MS3|M3|準備|2027Q4",
		      "MS4|M4|移行|2026Q4", "MS5|M4|旧システム|2026Q4");
	FIXTURE_TABLE(fx, "submissions/2026Q3/kpi.csv", "KPI_ID|実績値", "K1|60", "K2|90", "K3|10",
		      "K5|45");
	FIXTURE_TABLE(fx, "submissions/2026Q2/kpi.csv", "KPI_ID|実績値", "K4|4");
	FIXTURE_TABLE(fx, "submissions/2026Q1/ms.csv", "マイルストーンID|状況", "MS1|進行中",
		      "MS4|完了");
	FIXTURE_TABLE(fx, "submissions/2026Q2/ms.csv", "マイルストーンID|状況", "MS5|中止");
	FIXTURE_TABLE(fx, "submissions/2026Q3/ms.csv", "マイルストーンID|状況", "MS2|完了");
	FIXTURE_TABLE(fx, "submissions/workload.csv", "課|取組|削減時間|報告期間",
		      "総務課|電子申請|300|2026Q1", "総務課|電子申請|500|2026Q3",
		      "総務課|ペーパーレス|200|2026Q2", "DX推進課|RPA|250|2026Q3",
		      "市民課|窓口|100|2026Q3", "人事課|研修|50|2026Q3",
		      "総務課|未来の取組|999|2026Q4"); /* after P */
	fixture_build(fx);
}

static void compute_at(const struct fixture *fx, int period, struct result *r)
{
	struct compute_params cp = {period, fx->s.on_track_factor, fx->s.at_risk_factor,
				    fx->s.kgi_target, fx->s.npillars};

	compute(&fx->m, &cp, r);
}

static void test_compute_city(void)
{
	struct fixture fx;
	struct result r, prev;
	const struct model *m = &fx.m;
	static const struct {
		const char *id;
		enum status at_p, at_prev;
		double progress; /* at P, when reported */
	} kpis[] = {
		{"K1", ST_ON_TRACK, ST_NOT_REPORTED, 0.6}, /* 0.6 >= 0.9 x 7/12 */
		{"K2", ST_DELAYED, ST_NOT_REPORTED, 0.2}, /* (90 − 100) / (50 − 100) < 0.7 x 7/12 */
		{"K3", ST_ACHIEVED, ST_NOT_REPORTED, 1.0},
		{"K4", ST_NOT_REPORTED, ST_AT_RISK, -1},      /* 0.4 at 2026Q2 against 0.5 */
		{"K5", ST_AT_RISK, ST_NOT_REPORTED, 0.45},    /* between 0.7 and 0.9 x 7/12 */
		{"K6", ST_NOT_REPORTED, ST_NOT_REPORTED, -1}, /* never reported */
	};
	static const struct {
		const char *id;
		enum status at_p, at_prev;
		bool overdue;
	} milestones[] = {
		{"MS1", ST_DELAYED, ST_IN_PROGRESS, true}, /* due 2026Q2: overdue at 2026Q3 only */
		{"MS2", ST_DONE, ST_NOT_STARTED, false},
		{"MS3", ST_NOT_STARTED, ST_NOT_STARTED, false},
		{"MS4", ST_DONE, ST_DONE, false},
		{"MS5", ST_CANCELLED, ST_CANCELLED, false},
	};
	static const struct {
		const char *id;
		enum status at_p;
	} measures[] = {
		{"M1", ST_DELAYED},      /* 順調, 遅延 and an overdue milestone */
		{"M2", ST_NOT_REPORTED}, /* 達成, 未報告, 完了 */
		{"M3", ST_NOT_STARTED},  {"M4", ST_DONE}, /* 完了 and 中止: 中止 left out */
		{"M5", ST_AT_RISK},      {"M6", ST_NOT_REPORTED},
	};

	compute_city(&fx);
	CHECK_INT(diags_count(&fx.d, SEV_ERROR), 0);
	CHECK_INT(m->ndivisions, 6);
	CHECK_INT(m->ndepartments, 3);
	compute_at(&fx, Q(2026, 3), &r);
	compute_at(&fx, Q(2026, 2), &prev);
	CHECK_INT(r.period, Q(2026, 3));
	CHECK_INT(r.npillars, 3);
	for (size_t i = 0; i < ARRAY_LEN(kpis); i++) {
		long k = fixture_kpi(&fx, kpis[i].id);
		const struct kpi_result *kr = k >= 0 ? &r.kpis[k] : NULL;

		if (!kr) {
			CHECK_MSG(false, "no %s", kpis[i].id);
			continue;
		}
		CHECK_MSG(kr->status == kpis[i].at_p, "%s: %s", kpis[i].id,
			  status_word(kr->status));
		CHECK_MSG(prev.kpis[k].status == kpis[i].at_prev, "%s at P − 1: %s", kpis[i].id,
			  status_word(prev.kpis[k].status));
		CHECK_DBL(kr->expected, 7.0 / 12);
		CHECK_MSG((kr->actual != NULL) == (kpis[i].progress >= 0), "%s", kpis[i].id);
		if (kr->actual && kpis[i].progress >= 0)
			CHECK_DBL(kr->progress, kpis[i].progress);
	}
	/* 未報告 shows the latest earlier actual */
	{
		const struct kpi_result *k4 = &r.kpis[fixture_kpi(&fx, "K4")];

		CHECK(k4->previous && k4->previous->value == 4 &&
		      k4->previous->period == Q(2026, 2));
		CHECK(r.kpis[fixture_kpi(&fx, "K6")].previous == NULL);
		CHECK_DBL(prev.kpis[fixture_kpi(&fx, "K4")].expected, 0.5);
	}
	for (size_t i = 0; i < ARRAY_LEN(milestones); i++) {
		long ms = fixture_milestone(&fx, milestones[i].id);

		if (ms < 0) {
			CHECK_MSG(false, "no %s", milestones[i].id);
			continue;
		}
		CHECK_MSG(r.milestones[ms].status == milestones[i].at_p, "%s: %s", milestones[i].id,
			  status_word(r.milestones[ms].status));
		CHECK_MSG(prev.milestones[ms].status == milestones[i].at_prev, "%s at P − 1: %s",
			  milestones[i].id, status_word(prev.milestones[ms].status));
		CHECK_MSG(r.milestones[ms].overdue == milestones[i].overdue, "%s",
			  milestones[i].id);
	}
	for (size_t i = 0; i < ARRAY_LEN(measures); i++) {
		long ms = fixture_measure(&fx, measures[i].id);

		CHECK_MSG(ms >= 0 && r.measures[ms] == measures[i].at_p, "%s: %s", measures[i].id,
			  ms >= 0 ? status_word(r.measures[ms]) : "-");
	}

	/* roll-ups: counts of measures and KPIs by status, the share 順調 or 達成 */
	{
		static const struct {
			const char *what;
			int nmeasures, measures[ST__COUNT], nkpis, kpis[ST__COUNT];
			double share; /* -1: no KPIs */
		} want[] = {
			{"city",
			 6,
			 {[ST_DELAYED] = 1,
			  [ST_NOT_REPORTED] = 2,
			  [ST_NOT_STARTED] = 1,
			  [ST_DONE] = 1,
			  [ST_AT_RISK] = 1},
			 6,
			 {[ST_ON_TRACK] = 1,
			  [ST_DELAYED] = 1,
			  [ST_ACHIEVED] = 1,
			  [ST_NOT_REPORTED] = 2,
			  [ST_AT_RISK] = 1},
			 2.0 / 6},
			/* 総務部: 総務課, DX推進課, 財政課, 人事課 */
			{"総務部",
			 4,
			 {[ST_DELAYED] = 1, [ST_NOT_REPORTED] = 2, [ST_DONE] = 1},
			 5,
			 {[ST_ON_TRACK] = 1,
			  [ST_DELAYED] = 1,
			  [ST_ACHIEVED] = 1,
			  [ST_NOT_REPORTED] = 2},
			 2.0 / 5},
			{"市民部", 1, {[ST_AT_RISK] = 1}, 1, {[ST_AT_RISK] = 1}, 0},
			{"健康子ども部", 1, {[ST_NOT_STARTED] = 1}, 0, {0}, -1},
			{"総務課",
			 1,
			 {[ST_DELAYED] = 1},
			 2,
			 {[ST_ON_TRACK] = 1, [ST_DELAYED] = 1},
			 0.5},
			{"保育課", 1, {[ST_NOT_STARTED] = 1}, 0, {0}, -1},
			/* the pillars: 市民サービス M1 M5, 庁内効率化 M2 M4, 人材育成 M3 M6 */
			{"市民サービス",
			 2,
			 {[ST_DELAYED] = 1, [ST_AT_RISK] = 1},
			 3,
			 {[ST_ON_TRACK] = 1, [ST_DELAYED] = 1, [ST_AT_RISK] = 1},
			 1.0 / 3},
			{"庁内効率化",
			 2,
			 {[ST_NOT_REPORTED] = 1, [ST_DONE] = 1},
			 2,
			 {[ST_ACHIEVED] = 1, [ST_NOT_REPORTED] = 1},
			 0.5},
			{"人材育成",
			 2,
			 {[ST_NOT_STARTED] = 1, [ST_NOT_REPORTED] = 1},
			 1,
			 {[ST_NOT_REPORTED] = 1},
			 0},
		};
		const struct counts *got[] = {
			&r.city,           &r.departments[0], &r.departments[1],
			&r.departments[2], &r.divisions[0],   &r.divisions[3],
			&r.pillars[0],     &r.pillars[1],     &r.pillars[2]};

		for (size_t i = 0; i < ARRAY_LEN(want); i++) {
			const struct counts *c = got[i];

			CHECK_MSG(c->nmeasures == want[i].nmeasures, "%s: %d measures",
				  want[i].what, c->nmeasures);
			CHECK_MSG(c->nkpis == want[i].nkpis, "%s: %d KPIs", want[i].what, c->nkpis);
			for (int s = 0; s < ST__COUNT; s++) {
				CHECK_MSG(c->measures[s] == want[i].measures[s],
					  "%s: %d measures %s", want[i].what, c->measures[s],
					  status_word((enum status)s));
				CHECK_MSG(c->kpis[s] == want[i].kpis[s], "%s: %d KPIs %s",
					  want[i].what, c->kpis[s], status_word((enum status)s));
			}
			CHECK_DBL(c->share, want[i].share);
		}
		CHECK_STR(m->departments[0].name, "総務部");
		CHECK_STR(m->departments[2].name, "健康子ども部");
		CHECK_INT(r.city.nmilestones, 5);
		CHECK_INT(r.city.milestones[ST_DONE], 2);
		CHECK_INT(r.city.milestones[ST_CANCELLED], 1);
		CHECK_INT(r.city.milestones[ST_DELAYED], 1);
		CHECK_INT(r.city.milestones[ST_NOT_STARTED], 1);
		CHECK_INT(r.divisions[0].nmilestones, 1);
		CHECK_INT(r.divisions[0].milestones[ST_DELAYED], 1);
	}

	/* 未提出: 保育課 (only an open milestone, nothing sent) and 人事課 (a KPI;
	 * its workload row is no submission); not 財政課 (完了 and 中止 only) */
	CHECK_INT(r.nmissing, 2);
	if (r.nmissing == 2) {
		CHECK_STR(m->divisions[r.missing[0]].name, "保育課");
		CHECK_STR(m->divisions[r.missing[1]].name, "人事課");
	}
	/* at 2026Q2 総務課 and 市民課 sent nothing either; 財政課 sent its 中止 */
	CHECK_INT(prev.nmissing, 4);
	if (prev.nmissing == 4) {
		CHECK_STR(m->divisions[prev.missing[0]].name, "総務課");
		CHECK_STR(m->divisions[prev.missing[1]].name, "市民課");
		CHECK_STR(m->divisions[prev.missing[2]].name, "保育課");
		CHECK_STR(m->divisions[prev.missing[3]].name, "人事課");
	}

	/* KGI: the latest row per (課, 取組) at or before P, over divisions with a
	 * baseline: (500 + 200 + 250 + 50) / (10000 + 5000 + 2000 + 3000 + 1000) */
	CHECK_DBL(r.kgi.hours_saved, 1000);
	CHECK_DBL(r.kgi.baseline_hours, 21000);
	CHECK_DBL(r.kgi.rate, 1000.0 / 21000);
	CHECK_DBL(r.kgi_divisions[0].rate, 700.0 / 10000);
	CHECK_DBL(r.kgi_divisions[1].rate, 250.0 / 5000);
	CHECK_DBL(r.kgi_divisions[2].rate, -1); /* no baseline: no rate */
	CHECK_DBL(r.kgi_divisions[3].rate, 0);
	CHECK_DBL(r.kgi_departments[0].rate, 1000.0 / 19000);
	CHECK_DBL(r.kgi_departments[1].rate, -1);
	CHECK_DBL(r.kgi_departments[2].rate, 0);
	/* the trend: every period up to P with submissions (2026Q4's row is after P) */
	CHECK_INT(r.ntrend, 3);
	if (r.ntrend == 3) {
		CHECK_INT(r.trend[0], Q(2026, 1));
		CHECK_INT(r.trend[1], Q(2026, 2));
		CHECK_INT(r.trend[2], Q(2026, 3));
		CHECK_DBL(r.trend_city[0].rate, 300.0 / 21000);
		CHECK_DBL(r.trend_city[1].rate, 500.0 / 21000);
		CHECK_DBL(r.trend_city[2].rate, 1000.0 / 21000);
		CHECK_DBL(r.trend_divisions[0 * m->ndivisions + 0].rate, 300.0 / 10000);
		CHECK_DBL(r.trend_departments[1 * m->ndepartments + 0].rate, 500.0 / 19000);
	}
	CHECK_DBL(prev.kgi.rate, 500.0 / 21000);
	CHECK_INT(prev.ntrend, 2);
	result_release(&r);
	result_release(&prev);
	fixture_release(&fx);
}

/* The briefing figures of the same city (briefing.c). */
static void test_briefing(void)
{
	struct fixture fx;
	struct result r, prev;
	struct briefing b;
	struct briefing_params bp = {0.30, 0.9, 0.7, period_make(2024, 1), period_make(2027, 4)};
	const struct model *m = &fx.m;
	static const char *const behind[] = {"MS1", "K2", "K5"}; /* RULES.md §4 */
	static const char *const no_action[] = {"K2", "K5", "MS1"};
	bool ms1_worse = false, k2_worse = false, k4_improved = false;

	compute_city(&fx);
	compute_at(&fx, Q(2026, 3), &r);
	compute_at(&fx, Q(2026, 2), &prev);
	briefing_build(m, &r, &prev, &bp, &b);
	CHECK_INT(b.nbehind, ARRAY_LEN(behind));
	for (size_t i = 0; i < b.nbehind && i < ARRAY_LEN(behind); i++)
		CHECK_MSG(strcmp(item_id(m, &b.behind[i]), behind[i]) == 0, "behind[%zu] %s", i,
			  item_id(m, &b.behind[i]));
	CHECK_INT(b.nno_action, ARRAY_LEN(no_action));
	for (size_t i = 0; i < b.nno_action && i < ARRAY_LEN(no_action); i++)
		CHECK_MSG(strcmp(item_id(m, &b.no_action[i]), no_action[i]) == 0,
			  "no_action[%zu] %s", i, item_id(m, &b.no_action[i]));
	for (size_t i = 0; i < b.nworse; i++) {
		ms1_worse |= b.worse[i].kind == ITEM_MILESTONE &&
			     strcmp(item_id(m, &b.worse[i]), "MS1") == 0 &&
			     b.worse[i].before == ST_IN_PROGRESS && b.worse[i].now == ST_DELAYED;
		k2_worse |=
			b.worse[i].kind == ITEM_KPI && strcmp(item_id(m, &b.worse[i]), "K2") == 0;
	}
	for (size_t i = 0; i < b.nimproved; i++) /* 注意 -> 未報告: better in the measure order */
		k4_improved |= b.improved[i].kind == ITEM_KPI &&
			       strcmp(item_id(m, &b.improved[i]), "K4") == 0;
	CHECK(ms1_worse && k2_worse && k4_improved);
	/* 総務課: K1, K2 and MS1 (open at P − 1) owed; MS1 has no report for P */
	CHECK_INT(b.divisions[0].owed, 3);
	CHECK_INT(b.divisions[0].reported, 2);
	CHECK_INT(b.divisions[3].owed, 1); /* 保育課: MS3, nothing sent */
	CHECK_INT(b.divisions[3].reported, 0);
	CHECK_INT(b.divisions[4].owed, 0); /* 財政課: 完了 and 中止 before P */
	CHECK(b.kgi.has_rate && b.kgi.status == ST_DELAYED);
	briefing_warn(m, &r, &b, &fx.d);
	CHECK_INT(fixture_diags(&fx, W_NO_ACTION, NULL, -1), 3);
	CHECK_INT(fixture_diags(&fx, W_NO_ACTION, "masters/MS.csv", 2), 1);
	briefing_release(&b);
	result_release(&r);
	result_release(&prev);
	fixture_release(&fx);
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
	test_compute_city();
	test_briefing();
	return unit_report("test_compute");
}
