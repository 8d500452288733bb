/*
 * out_feedback.c - feedback/<課コード>_<課>_<P>.xlsx, one per division: its
 * own picture (measures, KPIs, milestones with status, 判定理由 and 前期状況,
 * its share of the KGI, its own input errors) and next quarter's submission,
 * ready to fill, that kaikaku reads back as it is.
 */
#include "kaikaku.h"

#include "cells.h"
#include "own_marker.h"
#include "period.h"
#include "recognise.h"
#include "render.h"
#include "sheet_brief.h"
#include "sheet_errors.h"
#include "sheet_restated.h"
#include "xlsx_write.h"

#define NEW_INITIATIVE_ROWS 10
#define SHEET_KPI "提出_KPI実績"
#define SHEET_MS "提出_マイルストーン状況"
#define SHEET_WL "提出_業務量削減"

struct fixes;

struct fb {
	const struct render_input *in;
	const struct model *m;
	const struct result *r;
	const struct result *prev;
	const struct diags *d;
	size_t division;
	const size_t *errors; /* indices into d of this division's records */
	size_t nerrors;
	struct xw_book b;
	const char *title;
	const char *period;
	const char *next_code;
	const char *next_label;
	const struct hmap *p_actuals; /* "file\x1fsheet\x1frow" -> a KPI actual row of P */
	const struct hmap *p_status;  /* ... -> a milestone status row of P */
	const struct fixes *fixes;    /* this division's refused actuals of P (修正_<P>) */
	const struct fixes *ms_fixes; /* and milestone statuses (修正_<P>_マイルストーン) */
	size_t nfixes, nms_fixes;
};

/* The sheet-level name that marks a sheet as one to read back. */
static void mark_input(struct fb *f, const char *sheet)
{
	char name[128], formula[128];

	snprintf(name, sizeof(name), "'%s'!" OWN_INPUT_SHEET_NAME, sheet);
	snprintf(formula, sizeof(formula), "='%s'!$A$1", sheet);
	xw_keep(&f->b, workbook_define_name(f->b.wb, name, formula));
}

/* ---- 概要 */

#define FB_LAST 7 /* H: the last column of 概要's grid */

static void sheet_overview(struct fb *f)
{
	const struct model *m = f->m;
	const struct division *dv = &m->divisions[f->division];
	const struct kgi *k = &f->r->kgi_divisions[f->division];
	const struct counts *ct = &f->r->divisions[f->division];
	struct xw_sheet s;
	struct strbuf sb = STRBUF_INIT;
	uint32_t row = 0;
	static const char *const kgi_hdr[] = {"削減時間", "基準業務量", "業務量削減率", "目標",
					      "市全体に占める割合"};

	if (!xw_sheet(&f->b, &s, "概要"))
		return;
	/* a fixed grid: the words and instructions wrap across B–H (FB_LAST) */
	xw_width(&s, 0, 24);
	for (uint16_t i = 1; i <= FB_LAST; i++)
		xw_width(&s, i, 11);
	xw_print(&s, f->title, f->period, -1);
	sb_addf(&sb, "業務改革 四半期フィードバック（%s %s）", m->departments[dv->dept].name,
		dv->name);
	xw_text(&s, row++, 0, sb_str(&sb), XW_TITLE);
	xw_text(&s, row++, 0, f->period, XW_TEXT);
	sb_reset(&sb);
	sb_addf(&sb, "課コード %s　%s", dv->code, f->in->s->city);
	xw_text(&s, row++, 0, sb_str(&sb), XW_TEXT);
	row++;
	/* counted as 未提出 for P: said first, and why */
	for (size_t i = 0; i < f->r->nmissing; i++) {
		if (f->r->missing[i] != f->division)
			continue;
		sb_reset(&sb);
		sb_addf(&sb,
			"この課は %s を未提出として数えています: ", f->in->labels.period_short);
		if (attribution_division_refused(f->in->a, m, f->division, f->r->period))
			sb_addf(&sb,
				"報告は届きましたが、エラーのため1行も使えませんでした。「入力エラー」"
				"のシートで直し方を確かめ、直した行（報告期間 %s）を PMO に送ってく"
				"ださい。",
				f->in->labels.code);
		else
			sb_adds(&sb,
				"この四半期の KPI 実績・マイルストーン状況の報告が届いていません。");
		xw_span(&s, row++, 0, FB_LAST, sb_str(&sb), XW_NOTE);
		row++;
	}
	row = sheet_brief(&s, row, f->in, (long)f->division, FB_LAST);
	xw_text(&s, row++, 0, "業務量削減（KGI）への貢献", XW_SUBTITLE);
	xw_header(&s, row++, kgi_hdr, ARRAY_LEN(kgi_hdr));
	xw_number(&s, row, 0, k->hours_saved, XW_NUM);
	if (dv->has_baseline)
		xw_number(&s, row, 1, k->baseline_hours, XW_NUM);
	else
		xw_text(&s, row, 1, "（基準業務量なし）", XW_TEXT);
	if (k->rate >= 0)
		xw_number(&s, row, 2, k->rate, XW_PCT);
	xw_number(&s, row, 3, f->r->params.kgi_target, XW_PCT);
	if (f->r->kgi.hours_saved > 0 && dv->has_baseline)
		xw_number(&s, row, 4, k->hours_saved / f->r->kgi.hours_saved, XW_PCT);
	row += 2;
	xw_text(&s, row++, 0, "今期の状況", XW_SUBTITLE);
	{
		static const char *const hdr[] = {"区分", "件数", "達成・完了",     "順調・進行中",
						  "注意", "遅延", "未報告・未着手", "中止"};
		struct {
			const char *label;
			const int *c;
			int n;
		} lines[] = {
			{"施策", ct->measures, ct->nmeasures},
			{"KPI", ct->kpis, ct->nkpis},
			{"マイルストーン", ct->milestones, ct->nmilestones},
		};

		xw_header(&s, row++, hdr, ARRAY_LEN(hdr));
		for (size_t i = 0; i < ARRAY_LEN(lines); i++, row++) {
			const int *c = lines[i].c;

			xw_text(&s, row, 0, lines[i].label, XW_TEXT);
			xw_number(&s, row, 1, lines[i].n, XW_INT);
			xw_number(&s, row, 2, c[ST_ACHIEVED] + c[ST_DONE], XW_INT);
			xw_number(&s, row, 3, c[ST_ON_TRACK] + c[ST_IN_PROGRESS], XW_INT);
			xw_number(&s, row, 4, c[ST_AT_RISK], XW_INT);
			xw_number(&s, row, 5, c[ST_DELAYED], XW_INT);
			xw_number(&s, row, 6, c[ST_NOT_REPORTED] + c[ST_NOT_STARTED], XW_INT);
			xw_number(&s, row, 7, c[ST_CANCELLED], XW_INT);
		}
	}
	row++;
	xw_text(&s, row++, 0, "入力エラー", XW_SUBTITLE);
	sb_reset(&sb);
	if (f->nerrors)
		sb_addf(&sb,
			"この課の提出物に %zu "
			"件のエラー・警告があります。「入力エラー」のシートで直し方を確認してくださ"
			"い。",
			f->nerrors);
	else
		sb_adds(&sb, "この課の提出物にエラー・警告はありません。");
	xw_span(&s, row++, 0, FB_LAST, sb_str(&sb), f->nerrors ? XW_NOTE : XW_TEXT);
	{
		/* records given to this division by a file's name: said as a guess */
		size_t guessed = 0;

		for (size_t e = 0; e < f->nerrors; e++)
			guessed += attribution_diag_guessed(f->in->a, &f->d->v[f->errors[e]]);
		if (guessed) {
			sb_reset(&sb);
			sb_addf(&sb,
				"うち %zu 件は、課の列も使える行もないファイルのため、ファイル名（または"
				"フォルダ名）からこの課の提出物と判断しました。この課のものでなければ PMO "
				"に知らせてください。",
				guessed);
			xw_span(&s, row++, 0, FB_LAST, sb_str(&sb), XW_TEXT);
		}
	}
	for (int ms = 0; ms < 2; ms++) {
		/* a refused value of P can be corrected here (issue 13) */
		size_t n = ms ? f->nms_fixes : f->nfixes;

		if (!n)
			continue;
		sb_reset(&sb);
		sb_addf(&sb,
			"今期の%sのうち %zu 件が使えませんでした。シート「修正_%s%s」で直した値を入れ、"
			"このブックと一緒に送ってください（%s の値として読まれます）。",
			ms ? "マイルストーン状況" : " KPI 実績値", n, f->in->labels.code,
			ms ? "_マイルストーン" : "", f->in->labels.code);
		xw_span(&s, row++, 0, FB_LAST, sb_str(&sb), XW_NOTE);
	}
	row++;
	xw_text(&s, row++, 0, "次の提出のしかた", XW_SUBTITLE);
	{
		/* one literal each (the first in parentheses: it joins the sheet names) */
		const char *steps[] = {
			("1. 「" SHEET_KPI "」「" SHEET_MS "」「" SHEET_WL
			 "」の黄色のセルに入力します（ほかのセルは変えられません）。"),
			"2. 空欄のままの行は「報告なし」です: KPI は今期の実績なし、マイルストーンは前回の状況のまま、業務量削減は前回の削減時間のまま数えます（0 と書くと 0 になります）。報告期間と課は入力済みです。",
			"3. 注意・遅延の KPI・マイルストーンには、遅れの理由と今後の対応を「対応策」の列に書きます（書かないと総括に「対応策なし」と載ります）。",
			"4. このブックのまま保存して提出してください（CSV に変換する必要はありません）。報告期間は入力済みなので、ファイル名は変えてもかまいません。",
			"5. 期間は年度の四半期で書きます: 2026Q3 は 2026年度（令和8年度）第3四半期 = 2026年10〜12月です（暦年の 7〜9月ではありません）。",
		};

		sb_reset(&sb);
		sb_addf(&sb, "次回の提出は %s の分です。提出期限は ", f->next_label);
		present_deadline(f->r->period + 1, (int)f->in->s->due_days, &sb);
		sb_adds(&sb, " です。");
		xw_span(&s, row++, 0, FB_LAST, sb_str(&sb), XW_NOTE);
		sb_reset(&sb);
		sb_addf(&sb, "問い合わせ先: %s", f->in->s->contact);
		xw_span(&s, row++, 0, FB_LAST, sb_str(&sb), XW_TEXT);
		for (size_t i = 0; i < ARRAY_LEN(steps); i++)
			xw_span(&s, row++, 0, FB_LAST, steps[i], XW_TEXT);
	}
	xw_finish(&s);
	sb_release(&sb);
}

/* ---- the submission sheets */

static lxw_data_validation decimal_rule(double min, double max, const char *title,
					const char *message)
{
	lxw_data_validation v = {0};

	v.validate = LXW_VALIDATION_TYPE_DECIMAL;
	v.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
	v.minimum_number = min;
	v.maximum_number = max;
	v.input_title = (char *)title;
	v.input_message = (char *)message;
	v.error_title = (char *)"数値を入力してください";
	v.error_message = (char *)message;
	return v;
}

/* An input sheet's start: the instruction line (for the period labelled
 * label), the header, the print set-up, the tab colour and the mark that
 * has it read back. */
static void submission_start(struct fb *f, struct xw_sheet *s, const char *name, const char *label,
			     const char *what, const char *blank, const struct xw_column *cols,
			     size_t n)
{
	struct strbuf note = STRBUF_INIT;

	if (!xw_sheet(&f->b, s, name))
		return;
	sb_addf(&note,
		"%sの%sを黄色のセルに入力してください（%s）。このブックのまま提出します。提出期限 ",
		label, what, blank);
	present_deadline(f->r->period + 1, (int)f->in->s->due_days, &note);
	sb_addf(&note, "、問い合わせ先 %s", f->in->s->contact);
	/* across the table's first page, wrapped */
	xw_columns_setup(s, cols, n);
	xw_span(s, 0, 0, (uint16_t)(xw_page_columns(s, (uint16_t)n) - 1), sb_str(&note), XW_NOTE);
	xw_columns_header(s, 1, cols, n);
	worksheet_freeze_panes(s->ws, 2, 0);
	xw_print(s, f->title, f->next_label, 1);
	/* the input sheets' tabs stand apart */
	worksheet_set_tab_color(s->ws, 0xFFC000);
	mark_input(f, name);
	sb_release(&note);
}

static void submission_end(struct xw_sheet *s)
{
	xw_protect(s);
	xw_finish(s);
}

/*
 * The rows of a sheet: the division's items (KPIs, milestones, workload
 * rows) in the order of its measures, as indices into the model.
 */
struct items {
	struct cell_rows rows; /* first: the getters of cells.h take a struct items */
	const struct fb *f;
	size_t *v;
};

static void items_start(struct items *it, const struct fb *f)
{
	*it = (struct items){{f->in, NULL, 0}, f, NULL};
}

static void items_add(struct items *it, size_t i)
{
	it->v = xrealloc(it->v, (it->rows.n + 1) * sizeof(*it->v));
	it->v[it->rows.n++] = i;
	it->rows.items = it->v;
}

/* The division's KPIs; its open milestones when open_only (done or
 * cancelled: nothing more to report), else all of them. */
static void items_kpis(struct items *it, const struct fb *f)
{
	const struct division *dv = &f->m->divisions[f->division];

	items_start(it, f);
	for (size_t i = 0; i < dv->nmeasures; i++) {
		const struct measure *ms = &f->m->measures[dv->measures[i]];

		for (size_t j = 0; j < ms->nkpis; j++)
			items_add(it, ms->kpis[j]);
	}
}

static void items_milestones(struct items *it, const struct fb *f, bool open_only)
{
	const struct division *dv = &f->m->divisions[f->division];

	items_start(it, f);
	for (size_t i = 0; i < dv->nmeasures; i++) {
		const struct measure *ms = &f->m->measures[dv->measures[i]];

		for (size_t j = 0; j < ms->nmilestones; j++) {
			enum status st = f->r->milestones[ms->milestones[j]].status;

			if (!open_only || (st != ST_DONE && st != ST_CANCELLED))
				items_add(it, ms->milestones[j]);
		}
	}
}

/* The division's initiatives as they stand at P (rows of m->workloads). */
static void items_workload(struct items *it, const struct fb *f)
{
	items_start(it, f);
	for (size_t i = 0; i < f->r->nworkload_used; i++)
		if (f->m->workloads[f->r->workload_used[i]].division == f->division)
			items_add(it, f->r->workload_used[i]);
}

/* The cells every submission row carries: 報告期間 (P + 1) and 課. */
static void in_next_period(const void *x, size_t i, const struct xw_column *col, struct xw_value *v)
{
	const struct items *it = x;

	(void)i;
	(void)col;
	xv_text(v, it->f->next_code);
}

static void in_division(const void *x, size_t i, const struct xw_column *col, struct xw_value *v)
{
	const struct items *it = x;

	(void)i;
	(void)col;
	xv_text(v, it->f->m->divisions[it->f->division].code);
}

/* ---- the submission sheets. Their headers are the names recognise.c
 * reads (column_ja, filled in by named_columns); the others are for the
 * clerk's reference. */

static const struct xw_column submit_kpi_columns[] = {
	{NULL, XW_TEXT, 0, 0, cells_kpi, F_KPI_ID},      /* KPI_ID */
	{NULL, XW_TEXT, 30, 0, cells_kpi, F_KPI_NAME},   /* 指標名 */
	{NULL, XW_TEXT, 0, 0, cells_kpi, F_KPI_UNIT},    /* 単位 */
	{NULL, XW_NUM, 0, 0, cells_kpi, F_KPI_BASELINE}, /* 基準値 */
	{"良い向き", XW_TEXT, 0, 0, cells_kpi, F_KPI_DIRECTION},
	{NULL, XW_NUM, 0, 0, cells_kpi, F_KPI_TARGET},         /* 目標値 */
	{NULL, XW_TEXT, 0, 0, cells_kpi, F_KPI_TARGET_PERIOD}, /* 目標時点 */
	{"前回値", XW_NUM, 0, 0, cells_kpi, F_KPI_LAST},
	{"前回報告期間", XW_TEXT, 0, 0, cells_kpi, F_KPI_LAST_PERIOD},
	{NULL, XW_IN_NUM, 0, 0, NULL, 0},         /* 実績値 */
	{NULL, XW_TEXT, 0, 0, in_next_period, 0}, /* 報告期間 */
	{NULL, XW_TEXT, 0, 0, in_division, 0},    /* 課 */
	{NULL, XW_IN_TEXT, 30, 0, NULL, 0},       /* コメント */
	{NULL, XW_IN_TEXT, 30, 0, NULL, 0},       /* 対応策 */
};
static const int submit_kpi_names[] = {COL_KPI_ID,  COL_KPI_NAME, COL_UNIT,          COL_BASELINE,
				       -1,          COL_TARGET,   COL_TARGET_PERIOD, -1,
				       -1,          COL_ACTUAL,   COL_PERIOD,        COL_DIVISION,
				       COL_COMMENT, COL_ACTION};
_Static_assert(ARRAY_LEN(submit_kpi_names) == ARRAY_LEN(submit_kpi_columns),
	       "a name for every KPI input column");

static const struct xw_column submit_milestone_columns[] = {
	{NULL, XW_TEXT, 0, 0, cells_milestone, F_MS_ID},           /* マイルストーンID */
	{NULL, XW_TEXT, 34, 0, cells_milestone, F_MS_DESCRIPTION}, /* 内容 */
	{NULL, XW_TEXT, 0, 0, cells_milestone, F_MS_DUE},          /* 期限 */
	{"前回の状況", XW_TEXT, 0, 0, cells_milestone, F_MS_REPORTED},
	{"前回報告期間", XW_TEXT, 0, 0, cells_milestone, F_MS_REPORT_PERIOD},
	{NULL, XW_IN_TEXT, 0, 0, NULL, 0},        /* 状況 */
	{NULL, XW_IN_NUM, 0, 0, NULL, 0},         /* 進捗率 */
	{NULL, XW_TEXT, 0, 0, in_next_period, 0}, /* 報告期間 */
	{NULL, XW_TEXT, 0, 0, in_division, 0},    /* 課 */
	{NULL, XW_IN_TEXT, 30, 0, NULL, 0},       /* コメント */
	{NULL, XW_IN_TEXT, 30, 0, NULL, 0},       /* 対応策 */
};
static const int submit_milestone_names[] = {
	COL_MILESTONE_ID, COL_DESCRIPTION, COL_DUE,      -1,          -1,        COL_STATUS,
	COL_PROGRESS,     COL_PERIOD,      COL_DIVISION, COL_COMMENT, COL_ACTION};
_Static_assert(ARRAY_LEN(submit_milestone_names) == ARRAY_LEN(submit_milestone_columns),
	       "a name for every milestone input column");

/* The initiatives at P, then empty rows for new ones: 取組 and 施策ID are
 * given for a known initiative and input cells for a new one. */
static void wl_cell(const void *x, size_t i, const struct xw_column *col, struct xw_value *v)
{
	const struct items *it = x;

	if (i < it->rows.n)
		cells_workload(&it->rows, i, col, v);
	else if (col->arg == F_WL_INITIATIVE || col->arg == F_WL_MEASURE_ID)
		xv_input(v);
}

static const struct xw_column submit_workload_columns[] = {
	{NULL, XW_TEXT, 0, 0, in_division, 0},            /* 課 */
	{NULL, XW_TEXT, 34, 0, wl_cell, F_WL_INITIATIVE}, /* 取組 */
	{NULL, XW_TEXT, 0, 0, wl_cell, F_WL_MEASURE_ID},  /* 施策ID */
	{"前回の削減時間", XW_NUM, 0, 0, wl_cell, F_WL_HOURS},
	{"前回報告期間", XW_TEXT, 0, 0, wl_cell, F_WL_PERIOD},
	{NULL, XW_IN_NUM, 0, 0, NULL, 0},         /* 削減時間 */
	{NULL, XW_TEXT, 0, 0, in_next_period, 0}, /* 報告期間 */
	{NULL, XW_IN_TEXT, 30, 0, NULL, 0},       /* コメント */
};
static const int submit_workload_names[] = {COL_DIVISION,    COL_INITIATIVE, COL_MEASURE_ID, -1, -1,
					    COL_HOURS_SAVED, COL_PERIOD,     COL_COMMENT};
_Static_assert(ARRAY_LEN(submit_workload_names) == ARRAY_LEN(submit_workload_columns),
	       "a name for every workload input column");

/* A copy of a submission sheet's columns with recognise.c's header names. */
static struct xw_column *named_columns(const struct xw_column *cols, const int *ids, size_t n)
{
	struct xw_column *c = xmalloc(n * sizeof(*c));

	for (size_t i = 0; i < n; i++) {
		c[i] = cols[i];
		if (ids[i] >= 0)
			c[i].name = column_ja((enum column_id)ids[i]);
	}
	return c;
}

enum asks { ASK_NONE, ASK_KPI, ASK_MILESTONE, ASK_WORKLOAD };

/* The input sheet's column named id (recognise.h), or -1. */
static long column_named(const int *ids, size_t n, int id)
{
	for (size_t i = 0; i < n; i++)
		if (ids[i] == id)
			return (long)i;
	return -1;
}

/* The 施策ID cells of the rows for new 取組: a list of the division's
 * measures, so a new initiative names one of them. The IDs themselves, not a
 * range of the 施策 sheet: libxlsxwriter 1.1.4 leaks a list's formula (found
 * by tests/memcheck.py). The joined list holds at most 255 bytes (Excel's
 * limit in characters, and libxlsxwriter's buffer in bytes): a division with
 * more IDs than that gets no list. */
static void ask_measure(const struct fb *f, struct xw_sheet *s, const struct items *it,
			const int *ids, size_t n, size_t extra)
{
	const struct division *dv = &f->m->divisions[f->division];
	lxw_data_validation v = {0};
	const char **list;
	size_t chars = 0;
	long at = column_named(ids, n, COL_MEASURE_ID);
	uint16_t col = (uint16_t)(at < 0 ? 0 : at);

	if (at < 0 || !dv->nmeasures || !extra || dv->nmeasures > 200)
		return;
	for (size_t i = 0; i < dv->nmeasures; i++)
		chars += strlen(f->m->measures[dv->measures[i]].id) + 1;
	if (chars > 255)
		return;
	list = xcalloc(dv->nmeasures + 1, sizeof(*list));
	for (size_t i = 0; i < dv->nmeasures; i++)
		list[i] = f->m->measures[dv->measures[i]].id;
	v.validate = LXW_VALIDATION_TYPE_LIST;
	v.value_list = (char **)list;
	v.input_title = (char *)"施策ID";
	v.input_message = (char *)"この取組が関わる施策を一覧から選びます（シート「施策」）。";
	v.error_type = LXW_VALIDATION_ERROR_TYPE_WARNING;
	v.error_title = (char *)"一覧にない施策IDです";
	v.error_message = (char *)"この課の施策（シート「施策」）から選んでください。";
	xw_validate(s, 2 + (uint32_t)it->rows.n, col, 2 + (uint32_t)(it->rows.n + extra) - 1, col,
		    &v);
	free(list);
}

/*
 * The 対応策 cell of each item at 注意 or 遅延 at P asks for one: an input
 * message when selected, and a rule that refuses to leave it empty once
 * edited (contract §2: an item behind without one is W_NO_ACTION).
 */
static void ask_action(const struct fb *f, struct xw_sheet *s, const struct items *it,
		       const int *ids, size_t n, enum asks kind)
{
	lxw_data_validation v = {0};
	long at = column_named(ids, n, COL_ACTION);
	uint16_t col = (uint16_t)(at < 0 ? 0 : at);

	if (kind == ASK_NONE || at < 0)
		return;
	v.validate = LXW_VALIDATION_TYPE_LENGTH;
	v.criteria = LXW_VALIDATION_CRITERIA_GREATER_THAN_OR_EQUAL_TO;
	v.minimum_number = 1;
	v.ignore_blank = LXW_VALIDATION_OFF;
	v.input_title = (char *)"対応策を書いてください";
	v.input_message =
		(char *)"今期、注意・遅延の項目です。遅れの理由と、これからの対応を書きます。";
	v.error_title = (char *)"対応策が空です";
	v.error_message = (char *)"注意・遅延の項目には対応策を書いてください。";
	for (size_t i = 0; i < it->rows.n; i++) {
		size_t k = it->rows.items ? it->rows.items[i] : i;
		enum status st =
			kind == ASK_KPI ? f->r->kpis[k].status : f->r->milestones[k].status;

		if (st == ST_AT_RISK || st == ST_DELAYED)
			xw_validate(s, 2 + (uint32_t)i, col, 2 + (uint32_t)i, col, &v);
	}
}

static void submission_sheet(struct fb *f, const char *name, const char *what, const char *blank,
			     const struct xw_column *tmpl, const int *ids, size_t n,
			     const struct items *it, size_t extra_rows,
			     void (*validate)(struct xw_sheet *s, uint32_t last_row),
			     enum asks asks)
{
	struct xw_column *cols = named_columns(tmpl, ids, n);
	struct xw_sheet s;

	submission_start(f, &s, name, f->next_label, what, blank, cols, n);
	xw_columns_rows(&s, 2, cols, n, it, it->rows.n + extra_rows);
	validate(&s, 2 + (uint32_t)(it->rows.n + extra_rows) - 1);
	if (asks == ASK_WORKLOAD)
		ask_measure(f, &s, it, ids, n, extra_rows);
	else
		ask_action(f, &s, it, ids, n, asks);
	submission_end(&s);
	free(cols);
}

static void validate_kpis(struct xw_sheet *s, uint32_t last)
{
	lxw_data_validation v = decimal_rule(-1e12, 1e12, "実績値",
					     "数値だけを入力します（単位や文字は入れません）。");

	xw_validate(s, 2, 9, last, 9, &v);
}

/* The status list and the progress rule on the columns col, col + 1. */
static void validate_status_progress(struct xw_sheet *s, uint32_t last, uint16_t col)
{
	static const char *words[] = {"未着手", "進行中", "完了", "遅延", "中止", NULL};
	lxw_data_validation list = {0};
	lxw_data_validation pct = decimal_rule(0, 100, "進捗率", "0〜100 の数値を入力します。");

	list.validate = LXW_VALIDATION_TYPE_LIST;
	list.value_list = (char **)words;
	list.input_title = (char *)"状況";
	list.input_message = (char *)"未着手・進行中・完了・遅延・中止から選びます。";
	list.error_title = (char *)"状況の言葉が違います";
	list.error_message = (char *)"未着手・進行中・完了・遅延・中止のいずれかを選んでください。";
	xw_validate(s, 2, col, last, col, &list);
	xw_validate(s, 2, col + 1, last, col + 1, &pct);
}

static void validate_milestones(struct xw_sheet *s, uint32_t last)
{
	validate_status_progress(s, last, 5);
}

/* 修正_<P>_マイルストーン: 状況 and 進捗率 in columns 4 and 5. */
static void validate_milestone_cells(struct xw_sheet *s, uint32_t last)
{
	validate_status_progress(s, last, 4);
}

static void validate_workload(struct xw_sheet *s, uint32_t last)
{
	lxw_data_validation v =
		decimal_rule(0, 1e9, "削減時間", "年間の削減時間（0 以上の数値）を入力します。");

	xw_validate(s, 2, 5, last, 5, &v);
}

/* ---- the division's picture (headers that match no table kind, so that a
 * copied sheet can never be read back as a master or a submission) */

static const struct xw_column measure_columns[] = {
	{"施策", XW_TEXT, 0, 0, cells_measure, F_MEASURE_ID},
	{"施策名", XW_TEXT, 36, 0, cells_measure, F_MEASURE_NAME},
	{"柱", XW_TEXT, 0, 0, cells_measure, F_MEASURE_PILLAR},
	{"状況", XW_TEXT, 0, 0, cells_measure, F_STATUS},
	{"前期状況", XW_TEXT, 0, 0, cells_measure, F_PREVIOUS_STATUS},
	{"判定理由", XW_TEXT, 50, 0, cells_measure, F_REASON},
};

static const struct xw_column kpi_columns[] = {
	{"KPI", XW_TEXT, 0, 0, cells_kpi, F_KPI_ID},
	{"施策", XW_TEXT, 0, 0, cells_kpi, F_MEASURE_ID},
	{"指標名", XW_TEXT, 28, 0, cells_kpi, F_KPI_NAME},
	{"単位", XW_TEXT, 0, 0, cells_kpi, F_KPI_UNIT},
	{"基準値", XW_NUM, 0, 0, cells_kpi, F_KPI_BASELINE},
	{"目標値", XW_NUM, 0, 0, cells_kpi, F_KPI_TARGET},
	{"目標時点", XW_TEXT, 0, 0, cells_kpi, F_KPI_TARGET_PERIOD},
	{"実績値（今期）", XW_NUM, 0, 0, cells_kpi, F_KPI_ACTUAL},
	{"前回値", XW_NUM, 0, 0, cells_kpi, F_KPI_PREVIOUS},
	{"進捗率", XW_PCT, 0, 0, cells_kpi, F_KPI_PROGRESS},
	{"期待進捗率", XW_PCT, 0, 0, cells_kpi, F_KPI_EXPECTED},
	{"状況", XW_TEXT, 0, 0, cells_kpi, F_STATUS},
	{"前期状況", XW_TEXT, 0, 0, cells_kpi, F_PREVIOUS_STATUS},
	{"判定理由", XW_TEXT, 44, 0, cells_kpi, F_REASON},
	{"コメント", XW_TEXT, 24, 0, cells_kpi, F_KPI_COMMENT},
};

static const struct xw_column milestone_columns[] = {
	{"マイルストーン", XW_TEXT, 0, 0, cells_milestone, F_MS_ID},
	{"施策", XW_TEXT, 0, 0, cells_milestone, F_MEASURE_ID},
	{"内容", XW_TEXT, 34, 0, cells_milestone, F_MS_DESCRIPTION},
	{"期限", XW_TEXT, 0, 0, cells_milestone, F_MS_DUE},
	{"報告された状況", XW_TEXT, 0, 0, cells_milestone, F_MS_REPORTED},
	{"報告期間", XW_TEXT, 0, 0, cells_milestone, F_MS_REPORT_PERIOD},
	{"進捗率", XW_PCT, 0, 0, cells_milestone, F_MS_PROGRESS},
	{"判定", XW_TEXT, 0, 0, cells_milestone, F_STATUS},
	{"前期状況", XW_TEXT, 0, 0, cells_milestone, F_PREVIOUS_STATUS},
	{"判定理由", XW_TEXT, 50, 0, cells_milestone, F_REASON},
};

/* ---- 修正_<P>: the division's KPI actuals of P that were refused, to be
 * corrected in the same workbook (issue 13). Each row carries 報告期間 = P:
 * the returned workbook is filed in the next period's folder, and a row of
 * an earlier period is read there (contract §2); a corrected row takes the
 * refused one's place (a refused row takes no part in a conflict). */

struct fix {
	size_t item; /* the KPI or milestone */
	const char *sent, *message;
};

struct fixes {
	const struct fb *f;
	struct fix *v;
	size_t n;
};

static void fix_add(struct fixes *x, size_t item, const char *sent, const char *message)
{
	for (size_t j = 0; j < x->n; j++)
		if (x->v[j].item == item)
			return;
	x->v = xrealloc(x->v, (x->n + 1) * sizeof(*x->v));
	x->v[x->n++] = (struct fix){item, sent, message};
}

/* From the division's own error records: each at a KPI actual (kpis) or a
 * milestone status (ms) row of P whose item has no accepted value for P,
 * once per item. */
static void fixes_collect(struct fixes *kpis, struct fixes *ms, const struct fb *f)
{
	struct strbuf key = STRBUF_INIT;

	kpis->f = ms->f = f;
	for (size_t e = 0; e < f->nerrors; e++) {
		const struct diag *g = &f->d->v[f->errors[e]];
		const struct row_actual *a;
		const struct row_mstatus *st;
		long k;

		/* a conflict is not corrected by a third value: one of the two files
		 * has to go (the 入力エラー sheet says which) */
		if (diag_code_severity(g->code) != SEV_ERROR || g->code == E_CONFLICT ||
		    g->row <= 0 || !g->file)
			continue;
		attribution_row_key(&key, g->file, g->sheet, g->row);
		if ((a = hmap_get(f->p_actuals, sb_str(&key))) &&
		    (k = model_find_kpi(f->m, a->kpi_id)) >= 0 && !f->r->kpis[k].actual)
			fix_add(kpis, (size_t)k, a->value_text, g->message);
		if ((st = hmap_get(f->p_status, sb_str(&key))) &&
		    (k = model_find_milestone(f->m, st->milestone_id)) >= 0 &&
		    (!f->r->milestones[k].report ||
		     f->r->milestones[k].report->period != f->r->period))
			fix_add(ms, (size_t)k, st->status_text, g->message);
	}
	sb_release(&key);
}

enum { FX_ID, FX_NAME, FX_SENT, FX_WHY, FX_PERIOD, FX_DIVISION };

/* A row of a 修正 sheet; col->arg's high bit: a milestone's. */
#define FX_MILESTONE 0x100

static void fix_value(const void *ctx, size_t row, const struct xw_column *col, struct xw_value *v)
{
	const struct fixes *x = ctx;
	const struct fix *fx = &x->v[row];
	const struct model *m = x->f->m;
	bool ms = col->arg & FX_MILESTONE;

	switch (col->arg & ~(size_t)FX_MILESTONE) {
	case FX_ID:
		xv_text(v, ms ? m->milestones[fx->item].id : m->kpis[fx->item].id);
		break;
	case FX_NAME:
		xv_text(v, ms ? m->milestones[fx->item].description : m->kpis[fx->item].name);
		break;
	case FX_SENT:
		xv_text(v, fx->sent);
		break;
	case FX_WHY:
		xv_text(v, fx->message);
		break;
	case FX_PERIOD:
		xv_text(v, x->f->in->labels.code);
		break;
	case FX_DIVISION:
		xv_text(v, m->divisions[x->f->division].code);
		break;
	}
}

static const struct xw_column fix_columns[] = {
	{NULL, XW_TEXT, 0, 0, fix_value, FX_ID}, /* KPI_ID */
	{"指標名", XW_TEXT, 24, 0, fix_value, FX_NAME},
	{"送った値", XW_TEXT, 0, 0, fix_value, FX_SENT},
	{"使えなかった理由", XW_TEXT, 40, 0, fix_value, FX_WHY},
	{NULL, XW_IN_NUM, 0, 0, NULL, 0},              /* 実績値 */
	{NULL, XW_TEXT, 0, 0, fix_value, FX_PERIOD},   /* 報告期間 */
	{NULL, XW_TEXT, 0, 0, fix_value, FX_DIVISION}, /* 課 */
	{NULL, XW_IN_TEXT, 30, 0, NULL, 0},            /* コメント */
	{NULL, XW_IN_TEXT, 30, 0, NULL, 0},            /* 対応策 */
};
static const int fix_names[] = {COL_KPI_ID, -1,           -1,          -1,        COL_ACTUAL,
				COL_PERIOD, COL_DIVISION, COL_COMMENT, COL_ACTION};
_Static_assert(ARRAY_LEN(fix_names) == ARRAY_LEN(fix_columns), "a name for every column");

static const struct xw_column fix_ms_columns[] = {
	{NULL, XW_TEXT, 0, 0, fix_value, FX_MILESTONE | FX_ID}, /* マイルストーンID */
	{"内容", XW_TEXT, 28, 0, fix_value, FX_MILESTONE | FX_NAME},
	{"送った状況", XW_TEXT, 0, 0, fix_value, FX_MILESTONE | FX_SENT},
	{"使えなかった理由", XW_TEXT, 40, 0, fix_value, FX_MILESTONE | FX_WHY},
	{NULL, XW_IN_TEXT, 0, 0, NULL, 0},                            /* 状況 */
	{NULL, XW_IN_NUM, 0, 0, NULL, 0},                             /* 進捗率 */
	{NULL, XW_TEXT, 0, 0, fix_value, FX_MILESTONE | FX_PERIOD},   /* 報告期間 */
	{NULL, XW_TEXT, 0, 0, fix_value, FX_MILESTONE | FX_DIVISION}, /* 課 */
	{NULL, XW_IN_TEXT, 30, 0, NULL, 0},                           /* コメント */
	{NULL, XW_IN_TEXT, 30, 0, NULL, 0},                           /* 対応策 */
};
static const int fix_ms_names[] = {COL_MILESTONE_ID, -1,           -1,         -1,
				   COL_STATUS,       COL_PROGRESS, COL_PERIOD, COL_DIVISION,
				   COL_COMMENT,      COL_ACTION};
_Static_assert(ARRAY_LEN(fix_ms_names) == ARRAY_LEN(fix_ms_columns), "a name for every column");

/* The sheets' names for f's P: "修正_2026Q3" (KPI actuals),
 * "修正_2026Q3_マイルストーン". */
static void fix_sheet_name(const struct fb *f, bool milestones, char *buf, size_t n)
{
	snprintf(buf, n, "修正_%s%s", f->in->labels.code, milestones ? "_マイルストーン" : "");
}

static void correction_sheet(struct fb *f, const struct fixes *x, bool milestones)
{
	const struct xw_column *def = milestones ? fix_ms_columns : fix_columns;
	size_t n = milestones ? ARRAY_LEN(fix_ms_columns) : ARRAY_LEN(fix_columns);
	struct xw_column *cols;
	struct xw_sheet s;
	char name[64];
	uint32_t last = 2 + (uint32_t)x->n - 1;

	if (!x->n)
		return;
	fix_sheet_name(f, milestones, name, sizeof(name));
	cols = named_columns(def, milestones ? fix_ms_names : fix_names, n);
	submission_start(f, &s, name, f->in->labels.period_long,
			 milestones ? "使えなかったマイルストーン状況の訂正"
				    : "使えなかった KPI 実績値の訂正",
			 "理由を見て直した値を入れた行だけが読まれます", cols, n);
	xw_columns_rows(&s, 2, cols, n, x, x->n);
	if (milestones) {
		validate_milestone_cells(&s, last);
	} else {
		lxw_data_validation v =
			decimal_rule(-1e12, 1e12, "実績値", "直した実績値を数値だけで入力します。");

		xw_validate(&s, 2, 4, last, 4, &v);
	}
	submission_end(&s);
	free(cols);
}

static void division_sheets(struct fb *f)
{
	const struct division *dv = &f->m->divisions[f->division];
	struct items kpis, open, all, wl;
	struct cell_rows measures = {f->in, dv->measures, dv->nmeasures};

	items_kpis(&kpis, f);
	items_milestones(&open, f, true);
	items_milestones(&all, f, false);
	items_workload(&wl, f);
	submission_sheet(f, SHEET_KPI, " KPI 実績値",
			 "空欄の行は報告なし: 今期の実績はないものとして扱います",
			 submit_kpi_columns, submit_kpi_names, ARRAY_LEN(submit_kpi_columns), &kpis,
			 0, validate_kpis, ASK_KPI);
	submission_sheet(f, SHEET_MS, "マイルストーン状況",
			 "空欄の行は報告なし: 前回の状況のまま（期限を過ぎれば遅延）",
			 submit_milestone_columns, submit_milestone_names,
			 ARRAY_LEN(submit_milestone_columns), &open, 0, validate_milestones,
			 ASK_MILESTONE);
	submission_sheet(
		f, SHEET_WL, "業務量削減（年間の削減時間）",
		"空欄の行は報告なし: 前回の削減時間がそのまま数えられます。0 と書くと 0 時間になります",
		submit_workload_columns, submit_workload_names, ARRAY_LEN(submit_workload_columns),
		&wl, NEW_INITIATIVE_ROWS, validate_workload, ASK_WORKLOAD);
	correction_sheet(f, f->fixes, false);
	correction_sheet(f, f->ms_fixes, true);
	xw_list_sheet(&f->b, "施策", measure_columns, ARRAY_LEN(measure_columns), &measures,
		      measures.n, f->title, f->period);
	xw_list_sheet(&f->b, "KPI", kpi_columns, ARRAY_LEN(kpi_columns), &kpis.rows, kpis.rows.n,
		      f->title, f->period);
	xw_list_sheet(&f->b, "マイルストーン", milestone_columns, ARRAY_LEN(milestone_columns),
		      &all.rows, all.rows.n, f->title, f->period);
	sheet_errors(&f->b, f->in->a, f->m, f->d, f->errors, f->nerrors, true, f->title, f->period);
	/* only when some of the division's published values changed */
	if (restated_count(f->in->restated, (long)f->division))
		sheet_restated(&f->b, f->m, f->in->restated, (long)f->division, f->title,
			       f->period);
	free(kpis.v);
	free(open.v);
	free(all.v);
	free(wl.v);
}

static bool write_one(struct fb *f, const char *path, struct strbuf *err)
{
	const struct division *dv = &f->m->divisions[f->division];
	char title[400];

	snprintf(title, sizeof(title), "%s（%s）", f->title, dv->name);
	if (!xw_open(&f->b, path, f->in->labels.created, title, OWN_MARKER_FEEDBACK, true,
		     f->in->s->colours)) {
		if (f->b.wb)
			return xw_close(&f->b, err);
		sb_addf(err, "%s を作れません", path);
		return false;
	}
	{
		struct fixes x = {f, NULL, 0}, y = {f, NULL, 0};
		bool ok;

		fixes_collect(&x, &y, f);
		f->fixes = &x;
		f->ms_fixes = &y;
		f->nfixes = x.n;
		f->nms_fixes = y.n;
		sheet_overview(f);
		division_sheets(f);
		ok = xw_close(&f->b, err);
		f->fixes = f->ms_fixes = NULL;
		free(x.v);
		free(y.v);
		return ok;
	}
}

struct feedback_plan {
	struct fb f; /* the common part; each job copies it */
	struct hmap p_actuals, p_status;
	struct arena keys;
	size_t *start, *fill, *flat;
	char **paths; /* [ndivisions] */
};

/* row, found by its place (file, sheet, row) in map */
static void index_row(struct feedback_plan *pl, struct hmap *map, struct strbuf *key,
		      const struct src *at, const void *row)
{
	hmap_put(map,
		 arena_strdup(&pl->keys, attribution_row_key(key, at->file, at->sheet, at->row)),
		 (void *)row);
}

static void *feedback_plan_new(const struct render_input *in, struct strbuf *err)
{
	const struct model *m = in->m;
	const struct diags *d = in->d;
	struct feedback_plan *pl;
	size_t total = 0;
	struct fb *f;
	char *dir = render_subdir(in, "feedback", err);

	if (!dir)
		return NULL;
	pl = xcalloc(1, sizeof(*pl));
	f = &pl->f;
	pl->start = xcalloc(m->ndivisions + 2, sizeof(size_t));
	pl->fill = xcalloc(m->ndivisions + 1, sizeof(size_t));
	/* each division's records, in the errors CSV's order */
	for (size_t i = 0; i < d->n; i++) {
		size_t owners[8],
			n = attribution_diag_owners(in->a, &d->v[i], owners, ARRAY_LEN(owners));

		for (size_t k = 0; k < n; k++)
			pl->start[owners[k] + 1]++;
		total += n;
	}
	for (size_t i = 0; i < m->ndivisions; i++)
		pl->start[i + 1] += pl->start[i];
	pl->flat = xmalloc((total + 1) * sizeof(size_t));
	for (size_t i = 0; i < d->n; i++) {
		size_t owners[8],
			n = attribution_diag_owners(in->a, &d->v[i], owners, ARRAY_LEN(owners));

		for (size_t k = 0; k < n; k++)
			pl->flat[pl->start[owners[k]] + pl->fill[owners[k]]++] = i;
	}
	f->in = in;
	f->m = m;
	f->r = in->r;
	f->prev = in->prev;
	f->d = d;
	f->title = in->labels.book_title;
	f->period = in->labels.period_long;
	f->next_code = in->labels.next_code;
	f->next_label = in->labels.next_long;
	/* the KPI actual and milestone status rows of P, by place, for the 修正 sheets */
	hmap_init(&pl->p_actuals);
	hmap_init(&pl->p_status);
	arena_init(&pl->keys);
	{
		struct strbuf key = STRBUF_INIT; /* one scratch key for every row */

		for (size_t i = 0; i < in->p->n_actuals; i++)
			if (in->p->actuals[i].period == in->r->period)
				index_row(pl, &pl->p_actuals, &key, &in->p->actuals[i].src,
					  &in->p->actuals[i]);
		for (size_t i = 0; i < in->p->n_mstatus; i++)
			if (in->p->mstatus[i].period == in->r->period)
				index_row(pl, &pl->p_status, &key, &in->p->mstatus[i].src,
					  &in->p->mstatus[i]);
		sb_release(&key);
	}
	f->p_actuals = &pl->p_actuals;
	f->p_status = &pl->p_status;
	/* every file name decided here, in one order, whoever writes the file */
	pl->paths = render_item_paths(in, dir, false, ".xlsx");
	free(dir);
	return pl;
}

static size_t feedback_plan_count(const void *plan)
{
	const struct feedback_plan *pl = plan;

	return pl->f.m->ndivisions;
}

static bool feedback_plan_write(void *plan, size_t i, struct strbuf *err)
{
	struct feedback_plan *pl = plan;
	struct fb f = pl->f;

	f.division = i;
	f.errors = pl->flat + pl->start[i];
	f.nerrors = pl->fill[i];
	return write_one(&f, pl->paths[i], err);
}

static void feedback_plan_free(void *plan)
{
	struct feedback_plan *pl = plan;

	if (!pl)
		return;
	render_item_paths_free(pl->paths, pl->f.m->ndivisions);
	hmap_release(&pl->p_actuals);
	hmap_release(&pl->p_status);
	arena_release(&pl->keys);
	free(pl->start);
	free(pl->fill);
	free(pl->flat);
	free(pl);
}

const struct output output_feedback = {
	.what = "課別フィードバックブック",
	.stage = "xlsx",
	.plan = feedback_plan_new,
	.count = feedback_plan_count,
	.write = feedback_plan_write,
	.free = feedback_plan_free,
};
