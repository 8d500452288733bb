/*
 * test_recognise.c - header recognition (contract §2): the first of the first
 * 10 rows that holds every required column; folding; submission kinds first;
 * the master kind with the most required columns.
 */
#include "kaikaku.h"

#include "fixture.h"
#include "recognise.h"
#include "unit.h"

static void test_kinds(void)
{
	static const struct {
		const char *rows[12];
		size_t n;
		enum table_kind kind;
		uint32_t header_row;
	} cases[] = {
		{{"課コード|部|課|基準業務量"}, 1, KIND_DIVISIONS, 1},
		{{"division_code|department|division"}, 1, KIND_DIVISIONS, 1},
		{{"　ＫＰＩ＿ＩＤ　|実績値"}, 1, KIND_KPI_ACTUALS, 1},
		{{"KPI実績報告書 令和8年度第3四半期", "", "KPI_ID|Actual|報告期間"},
		 3,
		 KIND_KPI_ACTUALS,
		 3},
		{{"施策ID|施策名|主担当課|柱|分野"}, 1, KIND_MEASURES, 1},
		{{"KPI_ID|施策ID|指標名|単位|基準値|基準時点|目標値|目標時点"}, 1, KIND_KPIS, 1},
		{{"マイルストーンID|施策ID|内容|期限"}, 1, KIND_MILESTONES, 1},
		/* a status sheet that shows 内容 and 期限 for reference is a submission */
		{{"マイルストーンID|施策ID|内容|期限|状況|進捗率"}, 1, KIND_MILESTONE_STATUS, 1},
		{{"課|取組|削減時間"}, 1, KIND_WORKLOAD, 1},
		/* a KPI master also holds 施策ID: the kind with the most required columns wins */
		{{"KPI_ID|施策ID|施策名|主担当課|柱|指標名|単位|基準値|基準時点|目標値|目標時点"},
		 1,
		 KIND_KPIS,
		 1},
		/* the header may be as low as row 10, not row 11 */
		{{"t", "", "", "", "", "", "", "", "", "課|取組|削減時間"}, 10, KIND_WORKLOAD, 10},
		{{"t", "", "", "", "", "", "", "", "", "", "課|取組|削減時間"}, 11, KIND_NONE, 0},
		{{"KPI_ID|実績"}, 1, KIND_NONE, 0},
		{{"メモ", "今期は特になし"}, 2, KIND_NONE, 0},
		{{"KPI ID|実績値"}, 1, KIND_NONE, 0},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct grid *g = fixture_grid(NULL, cases[i].rows, cases[i].n);
		struct shape sh;
		struct strbuf why = STRBUF_INIT;
		bool ok = recognise(g, &sh, &why);

		if (cases[i].kind == KIND_NONE) {
			CHECK_MSG(!ok, "case %zu: must not be recognised", i);
			CHECK_MSG(why.len > 0, "case %zu: a reason", i);
		} else {
			CHECK_MSG(ok && sh.kind == cases[i].kind, "case %zu: kind %d (%s)", i,
				  sh.kind, sb_str(&why));
			CHECK_INT(sh.header_row, cases[i].header_row);
		}
		sb_release(&why);
		grid_free(g);
	}
}

static void test_columns(void)
{
	static const char *const rows[] = {"コメント|KPI_ID|x|実績値|コメント"};
	struct grid *g = fixture_grid(NULL, rows, 1);
	struct shape sh;
	struct strbuf why = STRBUF_INIT;

	CHECK(recognise(g, &sh, &why));
	CHECK_INT(sh.col[COL_KPI_ID], 1);
	CHECK_INT(sh.col[COL_ACTUAL], 3);
	CHECK_INT(sh.col[COL_COMMENT], 0); /* the first of two */
	CHECK_INT(sh.col[COL_PERIOD], -1);
	CHECK_STR(sh.colname[COL_PERIOD], "報告期間");
	CHECK_INT(sh.ndup, 1);
	CHECK(sh.dup[0] == COL_COMMENT);
	grid_free(g);
	sb_release(&why);
}

static void test_why(void)
{
	static const char *const rows[] = {"KPI_ID|施策ID|指標名|単位|基準値|目標値"};
	struct grid *g = fixture_grid(NULL, rows, 1);
	struct shape sh;
	struct strbuf why = STRBUF_INIT;

	CHECK(!recognise(g, &sh, &why));
	CHECK_MSG(strstr(sb_str(&why), "基準時点") && strstr(sb_str(&why), "目標時点") &&
			  strstr(sb_str(&why), "KPIマスタ"),
		  "why: %s", sb_str(&why));
	grid_free(g);
	sb_release(&why);
}

int main(void)
{
	test_kinds();
	test_columns();
	test_why();
	return unit_report("test_recognise");
}
