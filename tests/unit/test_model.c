/*
 * test_model.c - model_build's rules of the contract §2 on a small city in
 * memory: IDs unique per kind (the later row rejected), cascading rejection
 * of what refers to a rejected master row, a division reporting another's
 * KPI, identical duplicates counted once, conflicts rejected on every side
 * and a corrected row used, empty value cells skipped, the period from the
 * cell or the nearest enclosing period folder; the counts it returns; and the
 * attribution built from it (row and file owners, refused reports).
 */
#include "kaikaku.h"

#include "fixture.h"
#include "unit.h"

#define DIV "masters/課マスタ.csv"
#define MEA "masters/施策マスタ.csv"
#define KPI "masters/KPIマスタ.csv"
#define MST "masters/マイルストーン.csv"
#define S1 "submissions/2026Q3/総務課_KPI実績.csv"
#define S2 "submissions/2026Q3/総務課_KPI実績_2.csv"
#define S3 "submissions/2026Q3/DX推進課_KPI実績.csv"
#define S4 "submissions/2026Q3/DX推進課_訂正.csv"
#define S5 "submissions/no_period/総務課.csv"
#define S6 "submissions/2026Q2/fix/総務課.csv"
#define S7 "submissions/2026Q3/市民課.xlsx"
#define MSF "submissions/2026Q3/総務課_マイルストーン状況.csv"
#define WLF "submissions/2026Q3/業務量削減.csv"
#define BAD_CODE "submissions/2026Q3/020100_提出.xlsx"
#define BAD_NAME "submissions/2026Q3/DX推進課_壊れた.xlsx"
#define BAD_NONE "submissions/2026Q3/壊れた.xlsx"

#define Q(fy, q) period_make(fy, q)

static const struct table *t_div, *t_mea, *t_kpi, *t_mst, *t_s1, *t_s2, *t_s3, *t_s4, *t_s5, *t_s6,
	*t_s7, *t_msf, *t_wlf;

static void city(struct fixture *fx)
{
	fixture_init(fx);
	t_div = FIXTURE_TABLE(fx, DIV, "課コード|部|課|基準業務量",
			      "010100|総務部|総務課|10000",       /* 2 */
			      "010300|総務部|DX推進課|5000",      /* 3 */
			      "020100|市民部|市民課",             /* 4: no baseline */
			      "030200|健康子ども部|保育課|-5",    /* 5: E_NEGATIVE */
			      "010100|総務部|別の課|100",         /* 6: repeated code */
			      "030200|健康子ども部|保育課|2000"); /* 7: repeats a rejected row */
	t_mea = FIXTURE_TABLE(fx, MEA, "施策ID|施策名|主担当課|柱",
			      "M1|窓口改革|010100|市民サービス",   /* 2 */
			      "M2|RPA導入|DX推進課|庁内効率化",    /* 3 */
			      "M3|保育DX|030200|人材育成",         /* 4: its division rejected */
			      "M4|不明な課の施策|999999|人材育成", /* 5: unknown division */
			      "M1|重複|010300|人材育成",           /* 6: repeated ID */
			      "M5|市民課の施策|市民課|citizen");   /* 7 */
	t_kpi = FIXTURE_TABLE(fx, KPI, "KPI_ID|施策ID|指標名|単位|基準値|基準時点|目標値|目標時点",
			      "K1|M1|オンライン申請率|%|0|2024Q4|100|2027Q4", /* 2 */
			      "K2|M2|処理時間|時間|100|2024Q4|50|2027Q4",     /* 3 */
			      "K3|M3|保育の指標|件|0|2024Q4|10|2027Q4",  /* 4: measure rejected */
			      "K1|M2|重複|件|0|2024Q4|10|2027Q4",        /* 5: repeated ID */
			      "K4|M9|未知の施策|件|0|2024Q4|10|2027Q4",  /* 6: unknown measure */
			      "K5|M5|窓口満足度|%|50|2024Q4|80|2027Q4"); /* 7 */
	t_mst = FIXTURE_TABLE(fx, MST, "マイルストーンID|施策ID|内容|期限",
			      "MS1|M1|要件定義|2026Q4",    /* 2 */
			      "MS2|M3|保育の準備|2026Q4"); /* 3: measure rejected */
	t_s1 = FIXTURE_TABLE(fx, S1, "KPI_ID|実績値|課|コメント", "K1|60|総務課|最初", /* 2 */
			     "K3|5",         /* 3: its KPI rejected */
			     "K2|",          /* 4: empty value: no report */
			     "K2|-",         /* 5: a no-value mark: no report */
			     "K9|1",         /* 6: unknown KPI */
			     "K5|3|総務課"); /* 7: 市民課's KPI */
	t_s2 = FIXTURE_TABLE(fx, S2, "KPI_ID|実績値|コメント",
			     "K1|60|二番目", /* 2: the same value again */
			     "K2|70");       /* 3: conflicts with S3 row 2 */
	t_s3 = FIXTURE_TABLE(fx, S3, "KPI_ID|実績値|報告期間", "K2|80|2026Q3", /* 2 */
			     "K2|55|2026Q2",   /* 3: the cell's period, not the folder's */
			     "K2|約22|2026Q1", /* 4: not a number */
			     "K2|40|来期");    /* 5: not a period: the folder does not rescue it */
	t_s4 = FIXTURE_TABLE(fx, S4, "KPI_ID|実績値|報告期間",
			     "K2|22|R8年度第1四半期"); /* 2: S3 row 4 corrected */
	t_s5 = FIXTURE_TABLE(fx, S5, "KPI_ID|実績値", "K1|1");
	t_s6 = FIXTURE_TABLE(fx, S6, "KPI_ID|実績値", "K1|30");
	t_s7 = fixture_sheet(fx, S7, "KPI実績", (const char *const[]){"KPI_ID|実績値", "K5|4"}, 2);
	t_msf = FIXTURE_TABLE(fx, MSF, "マイルストーンID|状況|進捗率|課",
			      "MS1|進行中|50|総務課", /* 2 */
			      "MS2|完了",             /* 3: its measure rejected */
			      "MS1|進行中|50%",       /* 4: the same report again */
			      "MS1||");               /* 5: no 状況: no report */
	t_wlf = FIXTURE_TABLE(fx, WLF, "課|取組|削減時間|施策ID", "総務課|電子申請|300|M1", /* 2 */
			      "市民課|窓口|100",           /* 3: no baseline: a warning */
			      "保育課|保育|10",            /* 4: division rejected */
			      "総務課|電子申請|300",       /* 5: the same hours again */
			      "総務課|ペーパーレス|50|M4", /* 6: measure rejected */
			      "10100|RPA化|20");           /* 7: 010100 without its zero */
	fixture_failed_file(fx, BAD_CODE);
	fixture_failed_file(fx, BAD_NAME);
	fixture_failed_file(fx, BAD_NONE);
	fixture_build(fx);
}

/* Every error of the city, and no other. */
static void test_records(const struct fixture *fx)
{
	static const struct {
		const char *file;
		int row;
		enum diag_code code;
	} want[] = {
		{DIV, 5, E_NEGATIVE},         {DIV, 6, E_DUPLICATE_ID},
		{DIV, 7, E_DUPLICATE_ID}, /* also when the earlier row was rejected (RULES §3) */
		{MEA, 4, E_REF_REJECTED},     {MEA, 5, E_UNKNOWN_DIVISION},
		{MEA, 6, E_DUPLICATE_ID},     {KPI, 4, E_REF_REJECTED},
		{KPI, 5, E_DUPLICATE_ID},     {KPI, 6, E_UNKNOWN_MEASURE},
		{MST, 3, E_REF_REJECTED},     {S1, 3, E_REF_REJECTED},
		{S1, 6, E_UNKNOWN_KPI},       {S1, 7, E_WRONG_DIVISION},
		{S2, 3, E_CONFLICT},          {S3, 2, E_CONFLICT},
		{S3, 4, E_BAD_NUMBER},        {S3, 5, E_BAD_PERIOD},
		{S5, 2, E_NO_PERIOD},         {MSF, 3, E_REF_REJECTED},
		{WLF, 4, E_REF_REJECTED},     {WLF, 6, E_REF_REJECTED},
		{BAD_CODE, 0, E_XLSX_BROKEN}, {BAD_NAME, 0, E_XLSX_BROKEN},
		{BAD_NONE, 0, E_XLSX_BROKEN},
	};

	for (size_t i = 0; i < ARRAY_LEN(want); i++)
		CHECK_MSG(fixture_diags(fx, want[i].code, want[i].file, want[i].row) == 1,
			  "%s row %d: no %s", want[i].file, want[i].row,
			  diag_code_name(want[i].code));
	CHECK_INT(diags_count(&fx->d, SEV_ERROR), ARRAY_LEN(want));
	/* a workload row of a division without a baseline: accepted, with a warning */
	CHECK_INT(fixture_diags(fx, W_NO_BASELINE, WLF, 3), 1);
	CHECK_INT(diags_count(&fx->d, SEV_WARNING), 1);
}

static void test_masters(const struct fixture *fx)
{
	const struct model *m = &fx->m;
	long m1 = fixture_measure(fx, "M1"), k1 = fixture_kpi(fx, "K1");

	/* the repeated and the rejected rows are not in the model */
	CHECK_INT(m->ndivisions, 3);
	CHECK_STR(m->divisions[0].name, "総務課"); /* the first 010100, not 別の課 */
	CHECK(fixture_division(fx, "030200") < 0);
	CHECK(m->divisions[0].has_baseline);
	CHECK_DBL(m->divisions[0].baseline, 10000);
	CHECK(!m->divisions[2].has_baseline);
	/* 健康子ども部 had only a rejected division */
	CHECK_INT(m->ndepartments, 2);
	CHECK_STR(m->departments[0].name, "総務部");
	CHECK_INT(m->departments[0].ndivisions, 2);
	CHECK_STR(m->departments[1].name, "市民部");
	CHECK_INT(m->nmeasures, 3);
	CHECK(m1 >= 0 && fixture_measure(fx, "M2") >= 0 && fixture_measure(fx, "M5") >= 0);
	CHECK(fixture_measure(fx, "M3") < 0 && fixture_measure(fx, "M4") < 0);
	if (m1 >= 0) {
		CHECK_STR(m->measures[m1].name, "窓口改革"); /* the first M1 */
		CHECK_INT(m->measures[m1].lead, 0);
		CHECK_INT(m->measures[m1].pillar, 0);
		CHECK_INT(m->measures[m1].nkpis, 1);
		CHECK_INT(m->measures[m1].nmilestones, 1);
	}
	CHECK_INT(m->measures[fixture_measure(fx, "M5")].pillar, 0); /* the alias citizen */
	CHECK_INT(m->measures[fixture_measure(fx, "M5")].lead, 2);
	CHECK_INT(m->nkpis, 3);
	CHECK(fixture_kpi(fx, "K3") < 0 && fixture_kpi(fx, "K4") < 0);
	if (k1 >= 0) {
		CHECK_STR(m->kpis[k1].name, "オンライン申請率"); /* the first K1 */
		CHECK_INT(m->kpis[k1].measure, m1);
		CHECK_INT(m->kpis[k1].baseline_period, Q(2024, 4));
		CHECK_INT(m->kpis[k1].target_period, Q(2027, 4));
	}
	CHECK_INT(m->nmilestones, 1);
	CHECK(fixture_milestone(fx, "MS2") < 0);
	/* lookups: folded, digits without leading zeros, names; rejected rows none */
	CHECK_INT(model_find_division(m, "10100"), 0);
	CHECK_INT(model_find_division(m, "総務課"), 0);
	CHECK_INT(model_find_division(m, "ＤＸ推進課"), 1);
	CHECK_INT(model_find_division(m, "保育課"), -1);
	CHECK_INT(model_find_division(m, "030200"), -1);
	CHECK_INT(model_find_division(m, NULL), -1);
	CHECK_INT(model_find_kpi(m, "k1"), k1);
	CHECK_INT(model_find_kpi(m, "K3"), -1);
	CHECK_INT(model_find_milestone(m, "ms1"), fixture_milestone(fx, "MS1"));
	CHECK_INT(model_find_milestone(m, "MS2"), -1);
}

static void test_submissions(const struct fixture *fx)
{
	const struct model *m = &fx->m;
	long k1 = fixture_kpi(fx, "K1"), k2 = fixture_kpi(fx, "K2"), k5 = fixture_kpi(fx, "K5");
	long ms1 = fixture_milestone(fx, "MS1");
	const struct actual *a;
	const struct report *rp;

	if (k1 < 0 || k2 < 0 || k5 < 0 || ms1 < 0) {
		CHECK(false);
		return;
	}
	/* the same value twice counts once: the first row in file order, its comment */
	a = model_actual_at(m, (size_t)k1, Q(2026, 3));
	CHECK(a != NULL);
	if (a) {
		CHECK_DBL(a->value, 60);
		CHECK_STR(a->comment, "最初");
		CHECK_STR(a->src->file, S1);
		CHECK_INT(a->src->row, 2);
	}
	/* the period of the nearest enclosing period folder (2026Q2/fix/) */
	a = model_actual_at(m, (size_t)k1, Q(2026, 2));
	CHECK(a && a->value == 30);
	/* different values for one KPI and period: none is used */
	CHECK(model_actual_at(m, (size_t)k2, Q(2026, 3)) == NULL);
	/* the 報告期間 cell before the folder */
	a = model_actual_at(m, (size_t)k2, Q(2026, 2));
	CHECK(a && a->value == 55);
	/* a rejected row takes no part in a conflict: the corrected row is used */
	a = model_actual_at(m, (size_t)k2, Q(2026, 1));
	CHECK(a && a->value == 22);
	CHECK_STR(a ? a->src->file : NULL, S4);
	a = model_actual_at(m, (size_t)k5, Q(2026, 3));
	CHECK(a && a->value == 4);
	CHECK_INT(m->nactuals, 5);
	/* a milestone report, its duplicate ("50%" is 50) counted once */
	CHECK_INT(m->nreports, 1);
	rp = model_report_at_or_before(m, (size_t)ms1, Q(2026, 3));
	CHECK(rp && rp->status == ST_IN_PROGRESS && rp->has_progress && rp->progress == 50);
	/* workload: identical rows once; 10100 is 010100; 市民課's row is accepted */
	CHECK_INT(m->nworkloads, 3);
	for (size_t i = 0; i < m->nworkloads; i++) {
		const struct workload *w = &m->workloads[i];

		if (strcmp(w->initiative, "電子申請") == 0) {
			CHECK_INT(w->division, 0);
			CHECK_DBL(w->hours, 300);
			CHECK_INT(w->measure, fixture_measure(fx, "M1"));
			CHECK_INT(w->period, Q(2026, 3));
		} else if (strcmp(w->initiative, "RPA化") == 0) {
			CHECK_INT(w->division, 0);
			CHECK_INT(w->measure, -1);
		} else {
			CHECK_STR(w->initiative, "窓口");
			CHECK_INT(w->division, 2);
		}
	}
	/* who submitted (accepted KPI or milestone rows only: a workload row,
	 * a skipped row or a conflict is no submission) */
	CHECK(model_submitted(m, 0, Q(2026, 3)));
	CHECK(model_submitted(m, 0, Q(2026, 2)));
	CHECK(!model_submitted(m, 1, Q(2026, 3)));
	CHECK(model_submitted(m, 1, Q(2026, 2)));
	CHECK(model_submitted(m, 1, Q(2026, 1)));
	CHECK(model_submitted(m, 2, Q(2026, 3)));
	CHECK_INT(m->nsubmitted, 5);
	/* the periods of accepted submission rows */
	CHECK_INT(m->nperiods, 3);
	if (m->nperiods == 3) {
		CHECK_INT(m->periods[0], Q(2026, 1));
		CHECK_INT(m->periods[1], Q(2026, 2));
		CHECK_INT(m->periods[2], Q(2026, 3));
	}
}

/* The counts model_build returns, per table; rows and skipped are parse's. */
static void test_counts(const struct fixture *fx)
{
	static const struct {
		const struct table **t;
		int rows, accepted, rejected, skipped;
	} want[] = {
		{&t_div, 6, 3, 3, 0}, {&t_mea, 6, 3, 3, 0}, {&t_kpi, 6, 3, 3, 0},
		{&t_mst, 2, 1, 1, 0}, {&t_s1, 6, 1, 3, 2},  {&t_s2, 2, 1, 1, 0},
		{&t_s3, 4, 1, 3, 0},  {&t_s4, 1, 1, 0, 0},  {&t_s5, 1, 0, 1, 0},
		{&t_s6, 1, 1, 0, 0},  {&t_s7, 1, 1, 0, 0},  {&t_msf, 4, 2, 1, 1},
		{&t_wlf, 6, 4, 2, 0},
	};

	CHECK_INT(fx->counts.ntables, fx->p.ntables);
	CHECK_INT(fx->p.ntables, ARRAY_LEN(want));
	for (size_t i = 0; i < ARRAY_LEN(want); i++) {
		const struct table *t = *want[i].t;
		const struct table_counts *c;

		if (!t || t->index >= fx->counts.ntables) {
			CHECK_MSG(false, "table %zu", i);
			continue;
		}
		c = &fx->counts.tables[t->index];
		CHECK_MSG(t->rows == want[i].rows && c->accepted == want[i].accepted &&
				  c->rejected == want[i].rejected && t->skipped == want[i].skipped,
			  "%s: rows %d accepted %d rejected %d skipped %d", t->file, t->rows,
			  c->accepted, c->rejected, t->skipped);
	}
}

static const struct diag *find_diag(const struct fixture *fx, enum diag_code code, const char *file,
				    int row)
{
	for (size_t i = 0; i < fx->d.n; i++)
		if (fx->d.v[i].code == code && strcmp(fx->d.v[i].file, file) == 0 &&
		    fx->d.v[i].row == row)
			return &fx->d.v[i];
	return NULL;
}

static void test_attribution(const struct fixture *fx)
{
	static const struct {
		const char *file, *sheet;
		int row;
		long division;
	} rows[] = {
		{S1, NULL, 2, 0},  /* its 課 cell */
		{S1, NULL, 7, 0},  /* its 課 cell, though the KPI is 市民課's */
		{S1, NULL, 3, -1}, /* a rejected KPI and no 課 cell: nobody */
		{S1, NULL, 4, -1}, /* skipped: never a row of the model */
		{S3, NULL, 2, 1},  /* the owner of K2, through M2 */
		{S7, "KPI実績", 2, 2}, {S7, NULL, 2, -1},  /* the sheet is part of the key */
		{MSF, NULL, 3, -1},    {MSF, NULL, 4, 0},  /* the owner of MS1 */
		{WLF, NULL, 3, 2},     {WLF, NULL, 4, -1}, /* a rejected division */
		{WLF, NULL, 7, 0},
	};
	static const struct {
		const char *file;
		size_t n;
		size_t v[2];
	} files[] = {
		{S1, 1, {0}},       {S3, 1, {1}},  {WLF, 2, {0, 2}}, /* in row order */
		{BAD_CODE, 1, {2}},                /* refused as a whole: 020100 in its name */
		{BAD_NAME, 1, {1}},                /* DX推進課 in its name */
		{BAD_NONE, 0, {0}}, {DIV, 0, {0}}, /* masters concern no division */
	};
	const struct attribution *a = &fx->a;
	long k1 = fixture_kpi(fx, "K1"), k2 = fixture_kpi(fx, "K2"), k5 = fixture_kpi(fx, "K5");
	long ms1 = fixture_milestone(fx, "MS1");
	const struct diag *g;
	size_t owners[4];
	struct strbuf names = STRBUF_INIT;

	for (size_t i = 0; i < ARRAY_LEN(rows); i++)
		CHECK_MSG(attribution_row_division(a, rows[i].file, rows[i].sheet, rows[i].row) ==
				  rows[i].division,
			  "%s %s row %d", rows[i].file, rows[i].sheet ? rows[i].sheet : "",
			  rows[i].row);
	for (size_t i = 0; i < ARRAY_LEN(files); i++) {
		const struct owners *o = attribution_file_divisions(a, files[i].file);

		CHECK_MSG((o ? o->n : 0) == files[i].n, "%s", files[i].file);
		for (size_t k = 0; o && k < o->n && k < files[i].n; k++)
			CHECK_INT(o->v[k], files[i].v[k]);
	}
	/* an error's owners: its row's division, else its file's */
	g = find_diag(fx, E_UNKNOWN_KPI, S1, 6);
	CHECK(g && attribution_diag_owners(a, g, owners, ARRAY_LEN(owners)) == 1 && owners[0] == 0);
	g = find_diag(fx, E_CONFLICT, S3, 2);
	CHECK(g && attribution_diag_owners(a, g, owners, ARRAY_LEN(owners)) == 1 && owners[0] == 1);
	g = find_diag(fx, E_XLSX_BROKEN, BAD_CODE, 0);
	CHECK(g && attribution_diag_owners(a, g, owners, ARRAY_LEN(owners)) == 1 && owners[0] == 2);
	g = find_diag(fx, E_XLSX_BROKEN, BAD_NONE, 0);
	CHECK(g && attribution_diag_owners(a, g, owners, ARRAY_LEN(owners)) == 0);
	g = find_diag(fx, E_REF_REJECTED, WLF, 4);
	if (g)
		attribution_diag_divisions(a, &fx->m, g, &names);
	CHECK_STR(sb_str(&names), "総務課・市民課");
	sb_release(&names);
	/* refused: sent for the period, and none of it accepted */
	CHECK(attribution_kpi_refused(a, (size_t)k2, Q(2026, 3)));  /* the conflict */
	CHECK(!attribution_kpi_refused(a, (size_t)k2, Q(2026, 1))); /* corrected */
	CHECK(!attribution_kpi_refused(a, (size_t)k2, Q(2026, 2)));
	CHECK(!attribution_kpi_refused(a, (size_t)k1, Q(2026, 3)));
	CHECK(!attribution_kpi_refused(a, (size_t)k5,
				       Q(2026, 3))); /* 総務課's row refused, 市民課's used */
	CHECK(!attribution_kpi_refused(a, (size_t)k1, Q(2026, 1))); /* never sent */
	CHECK(!attribution_milestone_refused(a, (size_t)ms1, Q(2026, 3)));
	/* a measure's refused master rows (判定理由 says why it has none): M2's
	 * repeated K1 (row 5); M1's K1 was kept */
	{
		const char *id = NULL;
		size_t count = 0;
		const struct src *rs = attribution_measure_refused(a, 1, &id, &count);

		CHECK(rs && rs->row == 5 && id && strcmp(id, "K1") == 0 && count == 1);
		CHECK(attribution_measure_refused(a, 0, &id, &count) == NULL && count == 0);
	}
	/* bears on P (contract §5): rows of P and P − 1, masters, whole files and rows
	 * without a readable period; not an older quarter's row */
	{
		static const struct {
			const char *file;
			int row;
			bool bears;
		} on[] = {
			{S3, 2, true},                      /* 2026Q3 */
			{S3, 3, true},                      /* 2026Q2: P − 1 */
			{S3, 4, false},                     /* 2026Q1 */
			{DIV, 3, true},                     /* a master row */
			{BAD_CODE, 0, true}, {S5, 2, true}, /* no period could be read */
		};

		for (size_t i = 0; i < ARRAY_LEN(on); i++) {
			struct diag x = {0};

			x.file = on[i].file;
			x.row = on[i].row;
			CHECK_MSG(attribution_diag_bears_on(a, &x, Q(2026, 3)) == on[i].bears,
				  "%s row %d", on[i].file, on[i].row);
		}
		{
			struct diag x = {0};

			x.file = S3;
			x.row = 4; /* 2026Q1 bears on 2026Q2 (its P − 1) */
			CHECK(attribution_diag_bears_on(a, &x, Q(2026, 2)));
		}
	}
}

/* A milestone report refused, with nothing else for the period. */
static void test_refused_milestone(void)
{
	struct fixture fx;
	long ms;

	fixture_init(&fx);
	FIXTURE_TABLE(&fx, DIV, "課コード|部|課", "010100|総務部|総務課");
	FIXTURE_TABLE(&fx, MEA, "施策ID|施策名|主担当課|柱", "M1|窓口改革|010100|people");
	FIXTURE_TABLE(&fx, KPI, "KPI_ID|施策ID|指標名|単位|基準値|基準時点|目標値|目標時点");
	FIXTURE_TABLE(&fx, MST, "マイルストーンID|施策ID|内容|期限", "MS1|M1|要件定義|2026Q4");
	FIXTURE_TABLE(&fx, "submissions/2026Q2/a.csv", "マイルストーンID|状況", "MS1|進行中");
	FIXTURE_TABLE(&fx, "submissions/2026Q3/a.csv", "マイルストーンID|状況|進捗率",
		      "MS1|完了|120"); /* E_PROGRESS_RANGE */
	fixture_build(&fx);
	ms = fixture_milestone(&fx, "MS1");
	CHECK_INT(fx.m.measures[0].pillar, 2);
	CHECK_INT(fixture_diags(&fx, E_PROGRESS_RANGE, "submissions/2026Q3/a.csv", 2), 1);
	CHECK(ms >= 0 && attribution_milestone_refused(&fx.a, (size_t)ms, Q(2026, 3)));
	CHECK(ms >= 0 && !attribution_milestone_refused(&fx.a, (size_t)ms, Q(2026, 2)));
	/* the latest accepted report stays the earlier one */
	if (ms >= 0) {
		const struct report *rp = model_report_at_or_before(&fx.m, (size_t)ms, Q(2026, 3));

		CHECK(rp && rp->period == Q(2026, 2) && rp->status == ST_IN_PROGRESS);
	}
	CHECK(!model_submitted(&fx.m, 0, Q(2026, 3)));
	fixture_release(&fx);
}

/* Conflicts: every row of a key and period refused, each naming another;
 * a milestone's value is 状況 and 進捗率 together. */
static void test_conflicts(void)
{
	static const struct {
		const char *rows[4];
		size_t n;
		int conflicts; /* rows with E_CONFLICT */
		bool used;
	} cases[] = {
		{{"MS1|進行中|40", "MS1|進行中|40"}, 2, 0, true},
		{{"MS1|進行中|40", "MS1|進行中|50"}, 2, 2, false},
		{{"MS1|進行中|40", "MS1|進行中"}, 2, 2, false}, /* 進捗率 given once */
		{{"MS1|進行中", "MS1|遅延"}, 2, 2, false},
		{{"MS1|進行中", "MS1|進行中", "MS1|完了"}, 3, 3, false},
		{{"MS1|進行中", "MS1|状況不明", "MS1|進行中"}, 3, 0, true}, /* E_BAD_STATUS apart */
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct fixture fx;
		const char *rows[5] = {"マイルストーンID|状況|進捗率"};
		const struct report *rp;

		fixture_init(&fx);
		FIXTURE_TABLE(&fx, DIV, "課コード|部|課", "010100|総務部|総務課");
		FIXTURE_TABLE(&fx, MEA, "施策ID|施策名|主担当課|柱", "M1|窓口改革|010100|people");
		FIXTURE_TABLE(&fx, MST, "マイルストーンID|施策ID|内容|期限",
			      "MS1|M1|要件定義|2026Q4");
		for (size_t r = 0; r < cases[i].n; r++)
			rows[r + 1] = cases[i].rows[r];
		fixture_sheet(&fx, "submissions/2026Q3/a.csv", NULL, rows, cases[i].n + 1);
		fixture_build(&fx);
		rp = fx.m.nmilestones ? model_report_at_or_before(&fx.m, 0, Q(2026, 3)) : NULL;
		CHECK_MSG(fixture_diags(&fx, E_CONFLICT, NULL, -1) == cases[i].conflicts,
			  "case %zu: %d conflicts", i, fixture_diags(&fx, E_CONFLICT, NULL, -1));
		CHECK_MSG((rp != NULL) == cases[i].used, "case %zu", i);
		CHECK_MSG(model_submitted(&fx.m, 0, Q(2026, 3)) == cases[i].used, "case %zu", i);
		fixture_release(&fx);
	}
}

int main(void)
{
	struct fixture fx;

	city(&fx);
	test_records(&fx);
	test_masters(&fx);
	test_submissions(&fx);
	test_counts(&fx);
	test_attribution(&fx);
	fixture_release(&fx);
	test_refused_milestone();
	test_conflicts();
	return unit_report("test_model");
}
