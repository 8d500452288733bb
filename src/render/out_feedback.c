/*
 * out_feedback.c - feedback/<課コード>_<課>_<P>.xlsx, one per division: its
 * own picture (measures, KPIs, milestones with status, 判定理由 and 前期状況,
 * its share of the KGI, its own input errors) and next quarter's submission,
 * ready to fill, that kaikaku reads back as it is.
 */
#include "kaikaku.h"

#include "explain.h"
#include "ingest.h"
#include "names.h"
#include "period.h"
#include "out_feedback.h"
#include "out_summary.h"
#include "xlsx_write.h"

#define NEW_INITIATIVE_ROWS 10
#define SHEET_KPI "提出_KPI実績"
#define SHEET_MS "提出_マイルストーン状況"
#define SHEET_WL "提出_業務量削減"

struct fb {
	const struct model *m;
	const struct result *r;
	const struct result *prev;
	const struct diags *d;
	size_t division;
	const size_t *errors; /* indices into d of this division's records */
	size_t nerrors;
	struct xw_book b;
	char title[256];
	char period[128];
	char next_code[PERIOD_CODE_MAX];
	char next_label[128];
};

/* The sheet-level name that marks a sheet as one to read back. */
static void mark_input(struct fb *f, const char *sheet)
{
	char name[128], formula[128];

	snprintf(name, sizeof(name), "'%s'!" OWN_INPUT_SHEET_NAME, sheet);
	snprintf(formula, sizeof(formula), "='%s'!$A$1", sheet);
	xw_keep(&f->b, workbook_define_name(f->b.wb, name, formula));
}

static void info_sheet(struct fb *f, struct xw_sheet *s, const char *name, const char *const *hdr,
		       size_t n)
{
	if (!xw_sheet(&f->b, s, name))
		return;
	xw_header(s, 0, hdr, n);
	xw_print(s, f->title, f->period, 0);
}

/* ---- 概要 */

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
	xw_print(&s, f->title, f->period, -1);
	sb_addf(&sb, "業務改革 四半期フィードバック（%s %s）", m->departments[dv->dept].name,
		dv->name);
	xw_text(&s, row++, 0, sb_str(&sb), XW_TITLE);
	xw_text(&s, row++, 0, f->period, XW_TEXT);
	sb_reset(&sb);
	sb_addf(&sb, "課コード %s　%s", dv->code, m->settings->city);
	xw_text(&s, row++, 0, sb_str(&sb), XW_TEXT);
	row++;
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
		static const char *const hdr[] = {"区分", "件数", "達成・完了", "順調・進行中",
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
		sb_addf(&sb, "この課の提出物に %zu 件のエラー・警告があります。「入力エラー」のシートで直し方を確認してください。",
			f->nerrors);
	else
		sb_adds(&sb, "この課の提出物にエラー・警告はありません。");
	xw_text(&s, row++, 0, sb_str(&sb), f->nerrors ? XW_NOTE : XW_TEXT);
	row++;
	xw_text(&s, row++, 0, "次の提出のしかた", XW_SUBTITLE);
	{
		const char *steps[] = {
			"1. 「" SHEET_KPI "」「" SHEET_MS "」「" SHEET_WL "」の黄色のセルに入力します（ほかのセルは変えられません）。",
			"2. 空欄のままの行は「報告なし」として扱われます。報告期間と課は入力済みです。",
			"3. このブックをそのまま保存し、ファイル名も変えずに提出してください（CSV に変換する必要はありません）。",
		};

		sb_reset(&sb);
		sb_addf(&sb, "次回の提出は %s の分です。", f->next_label);
		xw_text(&s, row++, 0, sb_str(&sb), XW_TEXT);
		for (size_t i = 0; i < ARRAY_LEN(steps); i++)
			xw_text(&s, row++, 0, steps[i], XW_TEXT);
	}
	xw_finish(&s);
	xw_keep(&f->b, worksheet_set_column(s.ws, 0, 0, 18, NULL));
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

static void submission_start(struct fb *f, struct xw_sheet *s, const char *name,
			     const char *what, const char *const *hdr, size_t n)
{
	struct strbuf note = STRBUF_INIT;

	if (!xw_sheet(&f->b, s, name))
		return;
	sb_addf(&note, "%sの%sを黄色のセルに入力してください（空欄の行は報告なし）。このブックをそのまま提出します。",
		f->next_label, what);
	xw_text(s, 0, 0, sb_str(&note), XW_NOTE);
	xw_header(s, 1, hdr, n);
	worksheet_freeze_panes(s->ws, 2, 0);
	xw_print(s, f->title, f->next_label, 1);
	mark_input(f, name);
	sb_release(&note);
}

static void submission_end(struct xw_sheet *s)
{
	xw_protect(s);
	xw_finish(s);
}

static void sheet_submit_kpis(struct fb *f)
{
	static const char *const hdr[] = {"KPI_ID", "指標名",   "単位",     "目標値",   "目標時点",
					  "前回値", "前回報告期間", "実績値", "報告期間", "課",
					  "コメント"};
	const struct model *m = f->m;
	const struct division *dv = &m->divisions[f->division];
	struct xw_sheet s;
	uint32_t row = 2;
	lxw_data_validation v =
		decimal_rule(-1e12, 1e12, "実績値", "数値だけを入力します（単位や文字は入れません）。");

	submission_start(f, &s, SHEET_KPI, " KPI 実績値", hdr, ARRAY_LEN(hdr));
	xw_wrap(&s, 1, 30);
	xw_wrap(&s, 10, 30);
	for (size_t i = 0; i < dv->nmeasures; i++) {
		const struct measure *ms = &m->measures[dv->measures[i]];

		for (size_t j = 0; j < ms->nkpis; j++, row++) {
			size_t k = ms->kpis[j];
			const struct kpi *kp = &m->kpis[k];
			const struct actual *last = f->r->kpis[k].actual ? f->r->kpis[k].actual
									 : f->r->kpis[k].previous;

			xw_text(&s, row, 0, kp->id, XW_TEXT);
			xw_text(&s, row, 1, kp->name, XW_TEXT);
			xw_text(&s, row, 2, kp->unit, XW_TEXT);
			xw_number(&s, row, 3, kp->target, XW_NUM);
			xw_period(&s, row, 4, kp->target_period);
			if (last) {
				xw_number(&s, row, 5, last->value, XW_NUM);
				xw_period(&s, row, 6, last->period);
			}
			xw_blank(&s, row, 7, XW_IN_NUM);
			xw_text(&s, row, 8, f->next_code, XW_TEXT);
			xw_text(&s, row, 9, dv->code, XW_TEXT);
			xw_blank(&s, row, 10, XW_IN_TEXT);
		}
	}
	xw_validate(&s, 2, 7, row - 1, 7, &v);
	submission_end(&s);
}

static void sheet_submit_milestones(struct fb *f)
{
	static const char *const hdr[] = {"マイルストーンID", "内容",     "期限",   "前回の状況",
					  "前回報告期間",     "状況",     "進捗率", "報告期間",
					  "課",               "コメント"};
	static const char *words[] = {"未着手", "進行中", "完了", "遅延", "中止", NULL};
	const struct model *m = f->m;
	const struct division *dv = &m->divisions[f->division];
	struct xw_sheet s;
	uint32_t row = 2;
	lxw_data_validation list = {0};
	lxw_data_validation pct = decimal_rule(0, 100, "進捗率", "0〜100 の数値を入力します。");

	list.validate = LXW_VALIDATION_TYPE_LIST;
	list.value_list = (char **)words;
	list.input_title = (char *)"状況";
	list.input_message = (char *)"未着手・進行中・完了・遅延・中止から選びます。";
	list.error_title = (char *)"状況の言葉が違います";
	list.error_message = (char *)"未着手・進行中・完了・遅延・中止のいずれかを選んでください。";
	submission_start(f, &s, SHEET_MS, "マイルストーン状況", hdr, ARRAY_LEN(hdr));
	xw_wrap(&s, 1, 34);
	xw_wrap(&s, 9, 30);
	for (size_t i = 0; i < dv->nmeasures; i++) {
		const struct measure *ms = &m->measures[dv->measures[i]];

		for (size_t j = 0; j < ms->nmilestones; j++) {
			size_t id = ms->milestones[j];
			const struct milestone_result *mr = &f->r->milestones[id];

			/* done or cancelled: nothing more to report */
			if (mr->status == ST_DONE || mr->status == ST_CANCELLED)
				continue;
			xw_text(&s, row, 0, m->milestones[id].id, XW_TEXT);
			xw_text(&s, row, 1, m->milestones[id].description, XW_TEXT);
			xw_period(&s, row, 2, m->milestones[id].due);
			if (mr->report) {
				xw_text(&s, row, 3, status_word(mr->report->status), XW_TEXT);
				xw_period(&s, row, 4, mr->report->period);
			}
			xw_blank(&s, row, 5, XW_IN_TEXT);
			xw_blank(&s, row, 6, XW_IN_NUM);
			xw_text(&s, row, 7, f->next_code, XW_TEXT);
			xw_text(&s, row, 8, dv->code, XW_TEXT);
			xw_blank(&s, row, 9, XW_IN_TEXT);
			row++;
		}
	}
	xw_validate(&s, 2, 5, row - 1, 5, &list);
	xw_validate(&s, 2, 6, row - 1, 6, &pct);
	submission_end(&s);
}

static void sheet_submit_workload(struct fb *f)
{
	static const char *const hdr[] = {"課",     "取組",         "施策ID",   "前回の削減時間",
					  "前回報告期間", "削減時間", "報告期間", "コメント"};
	const struct model *m = f->m;
	const struct division *dv = &m->divisions[f->division];
	struct xw_sheet s;
	uint32_t row = 2;
	lxw_data_validation v = decimal_rule(0, 1e9, "削減時間",
					     "年間の削減時間（0 以上の数値）を入力します。");

	submission_start(f, &s, SHEET_WL, "業務量削減（年間の削減時間）", hdr, ARRAY_LEN(hdr));
	xw_wrap(&s, 1, 34);
	xw_wrap(&s, 7, 30);
	/* the division's initiatives as they stand at P, then rows for new ones */
	for (size_t i = 0; i < f->r->nworkload_used; i++) {
		const struct workload *w = &m->workloads[f->r->workload_used[i]];

		if (w->division != f->division)
			continue;
		xw_text(&s, row, 0, dv->code, XW_TEXT);
		xw_text(&s, row, 1, w->initiative, XW_TEXT);
		if (w->measure >= 0)
			xw_text(&s, row, 2, m->measures[w->measure].id, XW_TEXT);
		xw_number(&s, row, 3, w->hours, XW_NUM);
		xw_period(&s, row, 4, w->period);
		xw_blank(&s, row, 5, XW_IN_NUM);
		xw_text(&s, row, 6, f->next_code, XW_TEXT);
		xw_blank(&s, row, 7, XW_IN_TEXT);
		row++;
	}
	for (int i = 0; i < NEW_INITIATIVE_ROWS; i++, row++) {
		xw_text(&s, row, 0, dv->code, XW_TEXT);
		xw_blank(&s, row, 1, XW_IN_TEXT);
		xw_blank(&s, row, 2, XW_IN_TEXT);
		xw_blank(&s, row, 5, XW_IN_NUM);
		xw_text(&s, row, 6, f->next_code, XW_TEXT);
		xw_blank(&s, row, 7, XW_IN_TEXT);
	}
	xw_validate(&s, 2, 5, row - 1, 5, &v);
	submission_end(&s);
}

/* ---- the division's picture (headers that match no table kind, so that a
 * copied sheet can never be read back as a master or a submission) */

static void sheet_measures(struct fb *f, struct strbuf *why)
{
	static const char *const hdr[] = {"施策", "施策名", "柱", "状況", "前期状況", "判定理由"};
	const struct model *m = f->m;
	const struct division *dv = &m->divisions[f->division];
	struct xw_sheet s;

	info_sheet(f, &s, "施策", hdr, ARRAY_LEN(hdr));
	xw_wrap(&s, 1, 36);
	xw_wrap(&s, 5, 50);
	for (size_t i = 0; i < dv->nmeasures; i++) {
		size_t id = dv->measures[i];
		uint32_t row = (uint32_t)i + 1;

		xw_text(&s, row, 0, m->measures[id].id, XW_TEXT);
		xw_text(&s, row, 1, m->measures[id].name, XW_TEXT);
		xw_text(&s, row, 2, m->settings->pillars[m->measures[id].pillar].name, XW_TEXT);
		xw_status(&s, row, 3, f->r->measures[id]);
		xw_status(&s, row, 4, f->prev->measures[id]);
		explain_measure(m, f->r, id, why);
		xw_text(&s, row, 5, sb_str(why), XW_TEXT);
		sb_reset(why);
	}
	xw_finish_table(&s);
}

static void sheet_kpis(struct fb *f, struct strbuf *why)
{
	static const char *const hdr[] = {"KPI",    "施策",     "指標名",         "単位",
					  "基準値", "目標値",   "目標時点",       "実績値（今期）",
					  "前回値", "進捗率",   "期待進捗率",     "状況",
					  "前期状況", "判定理由", "コメント"};
	const struct model *m = f->m;
	const struct division *dv = &m->divisions[f->division];
	struct xw_sheet s;
	uint32_t row = 1;

	info_sheet(f, &s, "KPI", hdr, ARRAY_LEN(hdr));
	xw_wrap(&s, 2, 28);
	xw_wrap(&s, 13, 44);
	xw_wrap(&s, 14, 24);
	for (size_t i = 0; i < dv->nmeasures; i++) {
		const struct measure *ms = &m->measures[dv->measures[i]];

		for (size_t j = 0; j < ms->nkpis; j++, row++) {
			size_t k = ms->kpis[j];
			const struct kpi *kp = &m->kpis[k];
			const struct kpi_result *kr = &f->r->kpis[k];

			xw_text(&s, row, 0, kp->id, XW_TEXT);
			xw_text(&s, row, 1, ms->id, XW_TEXT);
			xw_text(&s, row, 2, kp->name, XW_TEXT);
			xw_text(&s, row, 3, kp->unit, XW_TEXT);
			xw_number(&s, row, 4, kp->baseline, XW_NUM);
			xw_number(&s, row, 5, kp->target, XW_NUM);
			xw_period(&s, row, 6, kp->target_period);
			if (kr->actual) {
				xw_number(&s, row, 7, kr->actual->value, XW_NUM);
				xw_number(&s, row, 9, kr->progress, XW_PCT);
			}
			if (kr->previous)
				xw_number(&s, row, 8, kr->previous->value, XW_NUM);
			xw_number(&s, row, 10, kr->expected, XW_PCT);
			xw_status(&s, row, 11, kr->status);
			xw_status(&s, row, 12, f->prev->kpis[k].status);
			explain_kpi(m, f->r, k, why);
			xw_text(&s, row, 13, sb_str(why), XW_TEXT);
			sb_reset(why);
			xw_text(&s, row, 14, kr->actual ? kr->actual->comment : NULL, XW_TEXT);
		}
	}
	xw_finish_table(&s);
}

static void sheet_milestones(struct fb *f, struct strbuf *why)
{
	static const char *const hdr[] = {"マイルストーン", "施策",     "内容",     "期限",
					  "報告された状況", "報告期間", "進捗率",   "判定",
					  "前期の判定",     "判定理由"};
	const struct model *m = f->m;
	const struct division *dv = &m->divisions[f->division];
	struct xw_sheet s;
	uint32_t row = 1;

	info_sheet(f, &s, "マイルストーン", hdr, ARRAY_LEN(hdr));
	xw_wrap(&s, 2, 34);
	xw_wrap(&s, 9, 50);
	for (size_t i = 0; i < dv->nmeasures; i++) {
		const struct measure *ms = &m->measures[dv->measures[i]];

		for (size_t j = 0; j < ms->nmilestones; j++, row++) {
			size_t id = ms->milestones[j];
			const struct milestone_result *mr = &f->r->milestones[id];

			xw_text(&s, row, 0, m->milestones[id].id, XW_TEXT);
			xw_text(&s, row, 1, ms->id, XW_TEXT);
			xw_text(&s, row, 2, m->milestones[id].description, XW_TEXT);
			xw_period(&s, row, 3, m->milestones[id].due);
			if (mr->report) {
				xw_text(&s, row, 4, status_word(mr->report->status), XW_TEXT);
				xw_period(&s, row, 5, mr->report->period);
				if (mr->report->has_progress)
					xw_number(&s, row, 6, mr->report->progress / 100, XW_PCT);
			}
			xw_status(&s, row, 7, mr->status);
			xw_status(&s, row, 8, f->prev->milestones[id].status);
			explain_milestone(m, f->r, id, why);
			xw_text(&s, row, 9, sb_str(why), XW_TEXT);
			sb_reset(why);
		}
	}
	xw_finish_table(&s);
}

static void sheet_errors(struct fb *f)
{
	static const char *const hdr[] = {"重要度", "ファイル", "シート", "行",
					  "列",     "値",       "コード", "直し方"};
	struct xw_sheet s;

	info_sheet(f, &s, "入力エラー", hdr, ARRAY_LEN(hdr));
	xw_wrap(&s, 1, 34);
	xw_wrap(&s, 5, 16);
	xw_wrap(&s, 7, 60);
	for (size_t i = 0; i < f->nerrors; i++) {
		const struct diag *g = &f->d->v[f->errors[i]];
		uint32_t row = (uint32_t)i + 1;

		xw_text(&s, row, 0, diag_code_severity(g->code) == SEV_ERROR ? "エラー" : "警告",
			XW_TEXT);
		xw_text(&s, row, 1, g->file, XW_TEXT);
		xw_text(&s, row, 2, g->sheet, XW_TEXT);
		if (g->row > 0)
			xw_number(&s, row, 3, g->row, XW_ROWNUM);
		xw_text(&s, row, 4, g->column, XW_TEXT);
		xw_text(&s, row, 5, g->value, XW_TEXT);
		xw_text(&s, row, 6, diag_code_name(g->code), XW_TEXT);
		xw_text(&s, row, 7, g->message, XW_TEXT);
	}
	xw_finish_table(&s);
}

static bool write_one(struct fb *f, const char *path, struct strbuf *err)
{
	const struct division *dv = &f->m->divisions[f->division];
	struct strbuf why = STRBUF_INIT;
	char title[300];

	snprintf(title, sizeof(title), "%s（%s）", f->title, dv->name);
	if (!xw_open(&f->b, path, report_created_time(f->r->period), title, OWN_MARKER_FEEDBACK,
		     true, f->m->settings->colours)) {
		if (f->b.wb)
			return xw_close(&f->b, err);
		sb_addf(err, "%s を作れません", path);
		return false;
	}
	sheet_overview(f);
	sheet_submit_kpis(f);
	sheet_submit_milestones(f);
	sheet_submit_workload(f);
	sheet_measures(f, &why);
	sheet_kpis(f, &why);
	sheet_milestones(f, &why);
	sheet_errors(f);
	sb_release(&why);
	return xw_close(&f->b, err);
}

struct feedback_plan {
	struct fb f; /* the common part; each job copies it */
	size_t *start, *fill, *flat;
	char **paths; /* [ndivisions] */
};

struct feedback_plan *feedback_plan_new(const struct model *m, const struct result *r,
					const struct result *prev, const struct diags *d,
					const char *dir)
{
	struct feedback_plan *pl = xcalloc(1, sizeof(*pl));
	struct name_set names;
	size_t total = 0;
	struct fb *f = &pl->f;
	char code[PERIOD_CODE_MAX];

	pl->start = xcalloc(m->ndivisions + 2, sizeof(size_t));
	pl->fill = xcalloc(m->ndivisions + 1, sizeof(size_t));
	/* each division's records, in the errors CSV's order */
	for (size_t i = 0; i < d->n; i++) {
		size_t owners[8], n = report_diag_owners(m, &d->v[i], owners, ARRAY_LEN(owners));

		for (size_t k = 0; k < n; k++)
			pl->start[owners[k] + 1]++;
		total += n;
	}
	for (size_t i = 0; i < m->ndivisions; i++)
		pl->start[i + 1] += pl->start[i];
	pl->flat = xmalloc((total + 1) * sizeof(size_t));
	for (size_t i = 0; i < d->n; i++) {
		size_t owners[8], n = report_diag_owners(m, &d->v[i], owners, ARRAY_LEN(owners));

		for (size_t k = 0; k < n; k++)
			pl->flat[pl->start[owners[k]] + pl->fill[owners[k]]++] = i;
	}
	f->m = m;
	f->r = r;
	f->prev = prev;
	f->d = d;
	report_titles(m, r->period, f->title, sizeof(f->title), f->period, sizeof(f->period));
	period_code(r->period + 1, f->next_code);
	{
		struct strbuf sb = STRBUF_INIT;

		period_label(r->period + 1, &sb);
		snprintf(f->next_label, sizeof(f->next_label), "%s", sb_str(&sb));
		sb_release(&sb);
	}
	/* every file name decided here, in one order, whoever writes the file */
	pl->paths = xcalloc(m->ndivisions + 1, sizeof(*pl->paths));
	period_code(r->period, code);
	name_set_init(&names);
	for (size_t i = 0; i < m->ndivisions; i++) {
		struct strbuf base = STRBUF_INIT, path = STRBUF_INIT, tail = STRBUF_INIT;

		sb_addf(&base, "%s_%s", m->divisions[i].code, m->divisions[i].name);
		sb_addf(&path, "%s/", dir);
		sb_addf(&tail, "_%s", code);
		name_make_tail(&names, sb_str(&base), sb_str(&tail), ".xlsx", &path);
		sb_release(&tail);
		pl->paths[i] = sb_detach(&path);
		sb_release(&base);
	}
	name_set_release(&names);
	return pl;
}

size_t feedback_plan_count(const struct feedback_plan *pl)
{
	return pl->f.m->ndivisions;
}

bool feedback_plan_write(struct feedback_plan *pl, size_t i, struct strbuf *err)
{
	struct fb f = pl->f;

	f.division = i;
	f.errors = pl->flat + pl->start[i];
	f.nerrors = pl->fill[i];
	return write_one(&f, pl->paths[i], err);
}

void feedback_plan_free(struct feedback_plan *pl)
{
	if (!pl)
		return;
	for (size_t i = 0; pl->paths && i < pl->f.m->ndivisions; i++)
		free(pl->paths[i]);
	free(pl->paths);
	free(pl->start);
	free(pl->fill);
	free(pl->flat);
	free(pl);
}
