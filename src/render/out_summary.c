/*
 * out_summary.c - summary_<P>.xlsx, the PMO's workbook: 概要 (KGI, status
 * counts, native charts), 施策一覧, KPI一覧 (one column per period), マイルストーン,
 * 業務量削減, 未提出, 提出状況, 入力エラー. The first row of each list sheet is its
 * header (contract §4 fixed points); list sheets are Excel tables.
 */
#include "kaikaku.h"

#include "explain.h"
#include "ingest.h"
#include "period.h"
#include "recognise.h"
#include "out_summary.h"
#include "xlsx_write.h"

#define OVERVIEW "概要"
#define CHART_COL 15

struct ctx {
	const struct model *m;
	const struct attribution *a;
	const struct settings *s;
	const struct model_counts *counts;
	const struct result *r;
	const struct result *prev; /* at P − 1, for 前期状況 */
	const struct parsed *p;
	const struct diags *d;
	struct xw_book b;
	char title[256];
	char period[128];
};

static void division_cells(struct ctx *c, struct xw_sheet *s, uint32_t row, uint16_t col,
			   size_t d)
{
	const struct division *dv = &c->m->divisions[d];

	xw_text(s, row, col, c->m->departments[dv->dept].name, XW_TEXT);
	xw_text(s, row, col + 1, dv->code, XW_TEXT);
	xw_text(s, row, col + 2, dv->name, XW_TEXT);
}

static void reason_cell(struct xw_sheet *s, uint32_t row, uint16_t col, struct strbuf *reason)
{
	xw_text(s, row, col, sb_str(reason), XW_TEXT);
	sb_reset(reason);
}

static void list_sheet(struct ctx *c, struct xw_sheet *s, const char *name,
		       const char *const *hdr, size_t n, size_t nrows)
{
	if (!xw_sheet(&c->b, s, name))
		return;
	xw_table(s, 0, hdr, n, nrows);
	xw_print(s, c->title, c->period, 0);
}

/* ---- 概要 */

static void kgi_cells(struct xw_sheet *s, uint32_t row, uint16_t col, const struct kgi *k,
		      double target)
{
	xw_number(s, row, col, k->hours_saved, XW_NUM);
	if (k->baseline_hours > 0 || k->rate >= 0)
		xw_number(s, row, col + 1, k->baseline_hours, XW_NUM);
	if (k->rate >= 0) {
		xw_number(s, row, col + 2, k->rate, XW_PCT);
		xw_number(s, row, col + 4, target - k->rate > 0 ? target - k->rate : 0, XW_PCT);
	}
	xw_number(s, row, col + 3, target, XW_PCT);
}

static const char *const kgi_hdr_tail[] = {"削減時間", "基準業務量", "業務量削減率", "目標",
					   "目標までの差"};

static void kgi_header(struct xw_sheet *s, uint32_t row, const char *first)
{
	xw_text(s, row, 0, first, XW_HEADER);
	for (size_t i = 0; i < ARRAY_LEN(kgi_hdr_tail); i++)
		xw_text(s, row, (uint16_t)(i + 1), kgi_hdr_tail[i], XW_HEADER);
}

/* A block of status counts; returns the first data row (for the charts). */
static uint32_t counts_block(struct xw_sheet *s, uint32_t *row, const char *title,
			     const char *label, const char *const *names,
			     const struct counts *const *counts, size_t n)
{
	uint32_t first;
	uint16_t col = 0;

	xw_text(s, (*row)++, 0, title, XW_SUBTITLE);
	xw_text(s, *row, col++, label, XW_HEADER);
	xw_text(s, *row, col++, "施策数", XW_HEADER);
	for (size_t i = 0; i < ARRAY_LEN(status_measure_order); i++)
		xw_text(s, *row, col++, status_word(status_measure_order[i]), XW_HEADER);
	xw_text(s, *row, col++, "KPI数", XW_HEADER);
	xw_text(s, *row, col, "KPI 順調・達成の割合", XW_HEADER);
	(*row)++;
	first = *row;
	for (size_t i = 0; i < n; i++, (*row)++) {
		const struct counts *ct = counts[i];

		col = 0;
		xw_text(s, *row, col++, names[i], XW_TEXT);
		xw_number(s, *row, col++, ct->nmeasures, XW_INT);
		for (size_t k = 0; k < ARRAY_LEN(status_measure_order); k++)
			xw_number(s, *row, col++, ct->measures[status_measure_order[k]], XW_INT);
		xw_number(s, *row, col++, ct->nkpis, XW_INT);
		if (ct->share >= 0)
			xw_number(s, *row, col, ct->share, XW_PCT);
	}
	(*row)++;
	return first;
}

static lxw_chart_font chart_font(double size, bool bold)
{
	lxw_chart_font f = {0};

	f.name = (char *)"Meiryo UI";
	f.size = size;
	f.bold = bold;
	return f;
}

static void style_chart(lxw_chart *ch, const char *title, const char *y_name)
{
	lxw_chart_font tf = chart_font(11, true), af = chart_font(9, false);

	chart_title_set_name(ch, title);
	chart_title_set_name_font(ch, &tf);
	chart_axis_set_num_font(ch->x_axis, &af);
	chart_axis_set_num_font(ch->y_axis, &af);
	if (y_name) {
		chart_axis_set_name(ch->y_axis, y_name);
		chart_axis_set_name_font(ch->y_axis, &af);
	}
	chart_legend_set_font(ch, &af);
	chart_legend_set_position(ch, LXW_CHART_LEGEND_BOTTOM);
}

static void insert_chart(struct ctx *c, struct xw_sheet *s, lxw_chart *ch, uint32_t at_row)
{
	lxw_chart_options opt = {0};

	opt.x_scale = 1.3;
	opt.y_scale = 1.15;
	xw_keep(&c->b, worksheet_insert_chart_opt(s->ws, at_row, CHART_COL, ch, &opt));
}

/* Measures by status, stacked per category (pillars or departments). */
static void chart_statuses(struct ctx *c, struct xw_sheet *s, const char *title, uint32_t first,
			   size_t n, uint32_t at_row)
{
	lxw_chart *ch;

	if (n == 0)
		return;
	ch = workbook_add_chart(c->b.wb, LXW_CHART_BAR_STACKED);
	if (!ch) {
		xw_keep(&c->b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	for (size_t k = 0; k < ARRAY_LEN(status_measure_order); k++) {
		lxw_col_t col = (lxw_col_t)(2 + k);
		lxw_chart_series *se = chart_add_series(ch, NULL, NULL);
		lxw_chart_fill fill = {0};

		if (!se) {
			xw_keep(&c->b, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return;
		}
		chart_series_set_categories(se, OVERVIEW, first, 0, first + (lxw_row_t)n - 1, 0);
		chart_series_set_values(se, OVERVIEW, first, col, first + (lxw_row_t)n - 1, col);
		chart_series_set_name_range(se, OVERVIEW, first - 1, col);
		fill.color = c->s->colours[status_measure_order[k]].chart;
		chart_series_set_fill(se, &fill);
	}
	/* in a bar chart y_axis is the category axis: the first category on top,
	 * as in the table; the counts along x_axis */
	chart_axis_set_reverse(ch->y_axis);
	style_chart(ch, title, NULL);
	{
		lxw_chart_font af = chart_font(9, false);

		chart_axis_set_name(ch->x_axis, "施策数");
		chart_axis_set_name_font(ch->x_axis, &af);
		chart_axis_set_major_unit(ch->x_axis, 1);
	}
	insert_chart(c, s, ch, at_row);
}

/*
 * A KGI rate per category against the dashed target line. Per department the
 * rates are markers (the departments are not a sequence); over the periods
 * (trend) they are joined by a line. (libxlsxwriter 1.1.4 cannot combine a
 * column chart with a line chart.)
 */
static void chart_kgi(struct ctx *c, struct xw_sheet *s, const char *title, uint32_t first,
		      size_t n, bool trend, uint32_t at_row)
{
	lxw_chart *ch;
	lxw_chart_series *se;
	lxw_chart_line line = {0}, tl = {0};
	lxw_chart_fill fill = {0};
	lxw_row_t last = first + (lxw_row_t)n - 1;

	if (n == 0)
		return;
	ch = workbook_add_chart(c->b.wb, LXW_CHART_LINE);
	se = ch ? chart_add_series(ch, NULL, NULL) : NULL;
	if (!se) {
		xw_keep(&c->b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	chart_series_set_categories(se, OVERVIEW, first, 0, last, 0);
	chart_series_set_values(se, OVERVIEW, first, 3, last, 3);
	chart_series_set_name(se, "業務量削減率");
	line.color = 0x305496;
	line.width = 2.25;
	line.none = trend ? LXW_FALSE : LXW_TRUE;
	chart_series_set_line(se, &line);
	chart_series_set_marker_type(se, trend ? LXW_CHART_MARKER_CIRCLE : LXW_CHART_MARKER_SQUARE);
	chart_series_set_marker_size(se, trend ? 6 : 10);
	fill.color = 0x305496;
	chart_series_set_marker_fill(se, &fill);
	chart_series_set_labels(se);
	chart_series_set_labels_num_format(se, "0.0%");
	chart_series_set_labels_position(se, LXW_CHART_LABEL_POSITION_ABOVE);
	se = chart_add_series(ch, NULL, NULL);
	if (!se) {
		xw_keep(&c->b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	chart_series_set_categories(se, OVERVIEW, first, 0, last, 0);
	chart_series_set_values(se, OVERVIEW, first, 4, last, 4);
	chart_series_set_name(se, "目標");
	tl.color = 0xC00000;
	tl.width = 1.5;
	tl.dash_type = LXW_CHART_LINE_DASH_DASH;
	chart_series_set_line(se, &tl);
	chart_series_set_marker_type(se, LXW_CHART_MARKER_NONE);
	style_chart(ch, title, "業務量削減率");
	chart_axis_set_num_format(ch->y_axis, "0%");
	chart_axis_set_min(ch->y_axis, 0);
	insert_chart(c, s, ch, at_row);
}

static void sheet_overview(struct ctx *c)
{
	const struct model *m = c->m;
	const struct result *r = c->r;
	double target = r->params.kgi_target;
	struct xw_sheet s;
	uint32_t row = 0, pillars_at, depts_at, kgi_at, trend_at;
	size_t n;

	if (!xw_sheet(&c->b, &s, OVERVIEW))
		return;
	xw_print(&s, c->title, c->period, -1);
	xw_text(&s, row++, 0, c->title, XW_TITLE);
	xw_text(&s, row++, 0, c->period, XW_TEXT);
	row++;
	xw_text(&s, row++, 0, "KGI 業務量削減率（既存業務の 30% 削減）", XW_SUBTITLE);
	kgi_header(&s, row++, "区分");
	xw_text(&s, row, 0, "市全体", XW_TEXT);
	kgi_cells(&s, row++, 1, &r->kgi, target);
	row++;
	{
		const char **names = xcalloc(r->npillars + 1, sizeof(*names));
		const struct counts **cs = xcalloc(r->npillars + 1, sizeof(*cs));

		for (size_t i = 0; i < r->npillars; i++) {
			names[i] = c->s->pillars[i].name;
			cs[i] = &r->pillars[i];
		}
		names[r->npillars] = "市全体";
		cs[r->npillars] = &r->city;
		pillars_at = counts_block(&s, &row, "柱別の施策の状況", "柱", names, cs, r->npillars + 1);
		free(names);
		free(cs);
	}
	{
		const char **names = xcalloc(m->ndepartments + 1, sizeof(*names));
		const struct counts **cs = xcalloc(m->ndepartments + 1, sizeof(*cs));

		for (size_t i = 0; i < m->ndepartments; i++) {
			names[i] = m->departments[i].name;
			cs[i] = &r->departments[i];
		}
		depts_at = counts_block(&s, &row, "部別の施策の状況", "部", names, cs, m->ndepartments);
		free(names);
		free(cs);
	}
	xw_text(&s, row++, 0, "部別の業務量削減率", XW_SUBTITLE);
	kgi_header(&s, row++, "部");
	kgi_at = row;
	for (size_t i = 0; i < m->ndepartments; i++, row++) {
		xw_text(&s, row, 0, m->departments[i].name, XW_TEXT);
		kgi_cells(&s, row, 1, &r->kgi_departments[i], target);
	}
	row++;
	xw_text(&s, row++, 0, "業務量削減率の推移", XW_SUBTITLE);
	kgi_header(&s, row++, "期間");
	trend_at = row;
	for (size_t i = 0; i < r->ntrend; i++, row++) {
		xw_period(&s, row, 0, r->trend[i]);
		kgi_cells(&s, row, 1, &r->trend_city[i], target);
	}
	row++;
	xw_text(&s, row++, 0, "課別の業務量削減率", XW_SUBTITLE);
	{
		static const char *const hdr[] = {"部",     "課コード",   "課",       "削減時間",
						  "基準業務量", "業務量削減率", "目標"};

		xw_header(&s, row++, hdr, ARRAY_LEN(hdr));
	}
	for (size_t i = 0; i < m->ndivisions; i++, row++) {
		const struct kgi *k = &r->kgi_divisions[i];

		division_cells(c, &s, row, 0, i);
		xw_number(&s, row, 3, k->hours_saved, XW_NUM);
		if (m->divisions[i].has_baseline)
			xw_number(&s, row, 4, k->baseline_hours, XW_NUM);
		else
			xw_text(&s, row, 4, "（なし）", XW_TEXT);
		if (k->rate >= 0)
			xw_number(&s, row, 5, k->rate, XW_PCT);
		xw_number(&s, row, 6, target, XW_PCT);
	}
	n = r->npillars;
	chart_statuses(c, &s, "柱別の施策の状況", pillars_at, n, 0);
	chart_statuses(c, &s, "部別の施策の状況", depts_at, m->ndepartments, 17);
	chart_kgi(c, &s, "部別の業務量削減率と目標", kgi_at, m->ndepartments, false, 34);
	chart_kgi(c, &s, "業務量削減率の推移", trend_at, r->ntrend, true, 51);
	xw_finish(&s);
	xw_keep(&c->b, worksheet_set_column(s.ws, 0, 0, 26, NULL));
}

/* ---- 施策一覧 */

static void sheet_measures(struct ctx *c)
{
	static const char *const hdr[] = {"施策ID",   "施策名",     "柱",   "部",     "課コード",
					  "課",       "分野",       "アプローチ", "状況", "前期状況",
					  "判定理由", "KPI数",      "マイルストーン数"};
	const struct model *m = c->m;
	struct xw_sheet s;
	struct strbuf why = STRBUF_INIT;

	list_sheet(c, &s, "施策一覧", hdr, ARRAY_LEN(hdr), m->nmeasures);
	xw_wrap(&s, 1, 28);
	xw_wrap(&s, 2, 16);
	xw_wrap(&s, 10, 44);
	for (size_t i = 0; i < m->nmeasures; i++) {
		const struct measure *ms = &m->measures[i];
		uint32_t row = (uint32_t)i + 1;

		xw_text(&s, row, 0, ms->id, XW_TEXT);
		xw_text(&s, row, 1, ms->name, XW_TEXT);
		xw_text(&s, row, 2, c->s->pillars[ms->pillar].name, XW_TEXT);
		division_cells(c, &s, row, 3, ms->lead);
		xw_text(&s, row, 6, ms->field, XW_TEXT);
		xw_text(&s, row, 7, ms->approach, XW_TEXT);
		xw_status(&s, row, 8, c->r->measures[i]);
		xw_status(&s, row, 9, c->prev->measures[i]);
		explain_measure(m, c->r, i, &why);
		reason_cell(&s, row, 10, &why);
		xw_number(&s, row, 11, (double)ms->nkpis, XW_INT);
		xw_number(&s, row, 12, (double)ms->nmilestones, XW_INT);
	}
	xw_finish_table(&s);
	sb_release(&why);
}

/* ---- KPI一覧 */

static void sheet_kpis(struct ctx *c)
{
	static const char *const fixed[] = {
		"KPI_ID",   "施策ID",     "施策名",       "部",     "課コード", "課",
		"指標名",   "単位",       "基準値",       "基準時点", "目標値",   "目標時点",
		"実績値",   "前回値",     "前回報告期間", "進捗率", "期待進捗率", "状況",
		"前期状況", "判定理由",   "コメント"};
	const struct model *m = c->m;
	const struct result *r = c->r;
	size_t nf = ARRAY_LEN(fixed), n = nf + r->ntrend;
	const char **hdr = xcalloc(n, sizeof(*hdr));
	char(*codes)[PERIOD_CODE_MAX] = xcalloc(r->ntrend + 1, sizeof(*codes));
	struct xw_sheet s;
	struct strbuf why = STRBUF_INIT;

	memcpy(hdr, fixed, sizeof(fixed));
	for (size_t t = 0; t < r->ntrend; t++) {
		period_code(r->trend[t], codes[t]);
		hdr[nf + t] = codes[t];
	}
	list_sheet(c, &s, "KPI一覧", hdr, n, m->nkpis);
	xw_wrap(&s, 2, 18);
	xw_wrap(&s, 6, 24);
	xw_wrap(&s, 19, 40);
	xw_wrap(&s, 20, 24);
	for (size_t k = 0; k < m->nkpis; k++) {
		const struct kpi *kp = &m->kpis[k];
		const struct kpi_result *kr = &r->kpis[k];
		const struct measure *ms = &m->measures[kp->measure];
		uint32_t row = (uint32_t)k + 1;

		xw_text(&s, row, 0, kp->id, XW_TEXT);
		xw_text(&s, row, 1, ms->id, XW_TEXT);
		xw_text(&s, row, 2, ms->name, XW_TEXT);
		division_cells(c, &s, row, 3, ms->lead);
		xw_text(&s, row, 6, kp->name, XW_TEXT);
		xw_text(&s, row, 7, kp->unit, XW_TEXT);
		xw_number(&s, row, 8, kp->baseline, XW_NUM);
		xw_period(&s, row, 9, kp->baseline_period);
		xw_number(&s, row, 10, kp->target, XW_NUM);
		xw_period(&s, row, 11, kp->target_period);
		if (kr->actual)
			xw_number(&s, row, 12, kr->actual->value, XW_NUM);
		if (kr->previous) {
			xw_number(&s, row, 13, kr->previous->value, XW_NUM);
			xw_period(&s, row, 14, kr->previous->period);
		}
		if (kr->actual)
			xw_number(&s, row, 15, kr->progress, XW_PCT);
		xw_number(&s, row, 16, kr->expected, XW_PCT);
		xw_status(&s, row, 17, kr->status);
		xw_status(&s, row, 18, c->prev->kpis[k].status);
		explain_kpi(c->a, r, k, &why);
		reason_cell(&s, row, 19, &why);
		xw_text(&s, row, 20, kr->actual ? kr->actual->comment : NULL, XW_TEXT);
		for (size_t t = 0; t < r->ntrend; t++) {
			const struct actual *a = model_actual_at(m, k, r->trend[t]);

			if (a)
				xw_number(&s, row, (uint16_t)(nf + t), a->value, XW_NUM);
		}
	}
	xw_finish_table(&s);
	sb_release(&why);
	free(hdr);
	free(codes);
}

/* ---- マイルストーン */

static void sheet_milestones(struct ctx *c)
{
	static const char *const hdr[] = {"マイルストーンID", "施策ID",   "施策名",   "部",
					  "課コード",         "課",       "内容",     "期限",
					  "報告状況",         "報告期間", "進捗率",   "状況",
					  "前期状況",         "判定理由", "コメント"};
	const struct model *m = c->m;
	struct xw_sheet s;
	struct strbuf why = STRBUF_INIT;

	list_sheet(c, &s, "マイルストーン", hdr, ARRAY_LEN(hdr), m->nmilestones);
	xw_wrap(&s, 2, 18);
	xw_wrap(&s, 6, 28);
	xw_wrap(&s, 13, 40);
	xw_wrap(&s, 14, 24);
	for (size_t i = 0; i < m->nmilestones; i++) {
		const struct milestone *mi = &m->milestones[i];
		const struct milestone_result *mr = &c->r->milestones[i];
		const struct measure *ms = &m->measures[mi->measure];
		uint32_t row = (uint32_t)i + 1;

		xw_text(&s, row, 0, mi->id, XW_TEXT);
		xw_text(&s, row, 1, ms->id, XW_TEXT);
		xw_text(&s, row, 2, ms->name, XW_TEXT);
		division_cells(c, &s, row, 3, ms->lead);
		xw_text(&s, row, 6, mi->description, XW_TEXT);
		xw_period(&s, row, 7, mi->due);
		if (mr->report) {
			xw_text(&s, row, 8, status_word(mr->report->status), XW_TEXT);
			xw_period(&s, row, 9, mr->report->period);
			if (mr->report->has_progress)
				xw_number(&s, row, 10, mr->report->progress / 100, XW_PCT);
		}
		xw_status(&s, row, 11, mr->status);
		xw_status(&s, row, 12, c->prev->milestones[i].status);
		explain_milestone(m, c->a, c->r, i, &why);
		reason_cell(&s, row, 13, &why);
		xw_text(&s, row, 14, mr->report ? mr->report->comment : NULL, XW_TEXT);
	}
	xw_finish_table(&s);
	sb_release(&why);
}

/* ---- 業務量削減 */

static void sheet_workload(struct ctx *c)
{
	static const char *const hdr[] = {"部",       "課コード", "課",       "取組",
					  "施策ID",   "削減時間", "報告期間", "削減率に算入",
					  "コメント"};
	const struct model *m = c->m;
	struct xw_sheet s;

	list_sheet(c, &s, "業務量削減", hdr, ARRAY_LEN(hdr), c->r->nworkload_used);
	xw_wrap(&s, 3, 30);
	xw_wrap(&s, 8, 30);
	for (size_t i = 0; i < c->r->nworkload_used; i++) {
		const struct workload *w = &m->workloads[c->r->workload_used[i]];
		uint32_t row = (uint32_t)i + 1;

		division_cells(c, &s, row, 0, w->division);
		xw_text(&s, row, 3, w->initiative, XW_TEXT);
		if (w->measure >= 0)
			xw_text(&s, row, 4, m->measures[w->measure].id, XW_TEXT);
		xw_number(&s, row, 5, w->hours, XW_NUM);
		xw_period(&s, row, 6, w->period);
		xw_text(&s, row, 7,
			m->divisions[w->division].has_baseline ? "はい" : "いいえ（基準業務量なし）",
			XW_TEXT);
		xw_text(&s, row, 8, w->comment, XW_TEXT);
	}
	xw_finish_table(&s);
}

/* ---- 未提出 */

static void sheet_missing(struct ctx *c)
{
	static const char *const hdr[] = {"課コード", "部", "課", "KPI数", "未完了マイルストーン数",
					  "最終提出期間"};
	const struct model *m = c->m;
	const struct result *r = c->r;
	size_t *nk = xcalloc(m->ndivisions + 1, sizeof(size_t));
	size_t *nm = xcalloc(m->ndivisions + 1, sizeof(size_t));
	int *last = xmalloc((m->ndivisions + 1) * sizeof(int));
	struct xw_sheet s;

	for (size_t k = 0; k < m->nkpis; k++)
		nk[m->measures[m->kpis[k].measure].lead]++;
	for (size_t i = 0; i < m->nmilestones; i++) {
		enum status st = r->milestones[i].status;

		if (st != ST_DONE && st != ST_CANCELLED)
			nm[m->measures[m->milestones[i].measure].lead]++;
	}
	for (size_t d = 0; d < m->ndivisions; d++)
		last[d] = PERIOD_NONE;
	for (size_t i = 0; i < m->nsubmitted; i++) {
		const struct submitted *sb = &m->submitted[i];

		if (sb->period <= r->period && sb->period > last[sb->division])
			last[sb->division] = sb->period;
	}
	list_sheet(c, &s, "未提出", hdr, ARRAY_LEN(hdr), r->nmissing);
	for (size_t i = 0; i < r->nmissing; i++) {
		size_t d = r->missing[i];
		const struct division *dv = &m->divisions[d];
		uint32_t row = (uint32_t)i + 1;

		xw_text(&s, row, 0, dv->code, XW_TEXT);
		xw_text(&s, row, 1, m->departments[dv->dept].name, XW_TEXT);
		xw_text(&s, row, 2, dv->name, XW_TEXT);
		xw_number(&s, row, 3, (double)nk[d], XW_INT);
		xw_number(&s, row, 4, (double)nm[d], XW_INT);
		if (last[d] == PERIOD_NONE)
			xw_text(&s, row, 5, "（提出なし）", XW_TEXT);
		else
			xw_period(&s, row, 5, last[d]);
	}
	xw_finish_table(&s);
	free(nk);
	free(nm);
	free(last);
}

/* ---- 提出状況: one row per input file */

struct file_counts {
	int rows, accepted, rejected, skipped, errors, warnings;
};

static void sheet_ledger(struct ctx *c)
{
	static const char *const hdr[] = {"ファイル", "課",   "表の種類", "形式",     "バイト数",
					  "行数",     "採用", "不採用",   "報告なし", "エラー",
					  "警告",     "SHA-256"};
	const struct parsed *p = c->p;
	struct file_counts *fc = xcalloc(p->nfiles + 1, sizeof(*fc));
	struct hmap index;
	struct xw_sheet s;
	struct strbuf text = STRBUF_INIT;
	size_t t = 0;

	hmap_init(&index);
	for (size_t i = 0; i < p->nfiles; i++)
		hmap_put(&index, p->files[i].path, &fc[i]);
	for (size_t i = 0; i < c->d->n; i++) {
		struct file_counts *f = c->d->v[i].file ? hmap_get(&index, c->d->v[i].file) : NULL;

		if (f && diag_code_severity(c->d->v[i].code) == SEV_ERROR)
			f->errors++;
		else if (f)
			f->warnings++;
	}
	list_sheet(c, &s, "提出状況", hdr, ARRAY_LEN(hdr), p->nfiles);
	xw_max_width(&s, 0, 60);
	for (size_t i = 0; i < p->nfiles; i++) {
		const struct input_file *f = &p->files[i];
		const struct owners *o = attribution_file_divisions(c->a, f->path);
		uint32_t row = (uint32_t)i + 1;
		bool first = true;

		xw_text(&s, row, 0, f->path, XW_TEXT);
		for (size_t k = 0; o && k < o->n; k++)
			sb_addf(&text, "%s%s", k ? "・" : "", c->m->divisions[o->v[k]].name);
		reason_cell(&s, row, 1, &text);
		/* the file's tables follow it in p->tables */
		for (; t < p->ntables && strcmp(p->tables[t]->file, f->path) == 0; t++) {
			const struct table *tb = p->tables[t];
			const struct kind_def *kd = kind_def(tb->kind);

			sb_addf(&text, "%s%s", first ? "" : "・", kd ? kd->ja : "（不明）");
			first = false;
			fc[i].rows += tb->rows;
			fc[i].accepted += c->counts->tables[tb->index].accepted;
			fc[i].rejected += c->counts->tables[tb->index].rejected;
			fc[i].skipped += tb->skipped;
		}
		if (first)
			sb_adds(&text, f->failed ? "（読めない）" : f->ignored ? "（対象外）" : "（表なし）");
		reason_cell(&s, row, 2, &text);
		xw_text(&s, row, 3, f->format, XW_TEXT);
		xw_number(&s, row, 4, (double)f->bytes, XW_INT);
		xw_number(&s, row, 5, fc[i].rows, XW_INT);
		xw_number(&s, row, 6, fc[i].accepted, XW_INT);
		xw_number(&s, row, 7, fc[i].rejected, XW_INT);
		xw_number(&s, row, 8, fc[i].skipped, XW_INT);
		xw_number(&s, row, 9, fc[i].errors, XW_INT);
		xw_number(&s, row, 10, fc[i].warnings, XW_INT);
		xw_text(&s, row, 11, f->sha256, XW_TEXT);
	}
	xw_finish_table(&s);
	hmap_release(&index);
	sb_release(&text);
	free(fc);
}

/* ---- 入力エラー */

static void sheet_errors(struct ctx *c)
{
	static const char *const hdr[] = {"重要度", "ファイル", "シート", "行",     "列",
					  "値",     "課",       "コード", "メッセージ"};
	struct xw_sheet s;
	struct strbuf names = STRBUF_INIT;

	list_sheet(c, &s, "入力エラー", hdr, ARRAY_LEN(hdr), c->d->n);
	xw_wrap(&s, 1, 34);
	xw_wrap(&s, 5, 16);
	xw_wrap(&s, 8, 60);
	for (size_t i = 0; i < c->d->n; i++) {
		const struct diag *g = &c->d->v[i];
		uint32_t row = (uint32_t)i + 1;

		xw_text(&s, row, 0, diag_code_severity(g->code) == SEV_ERROR ? "エラー" : "警告",
			XW_TEXT);
		xw_text(&s, row, 1, g->file, XW_TEXT);
		xw_text(&s, row, 2, g->sheet, XW_TEXT);
		if (g->row > 0)
			xw_number(&s, row, 3, g->row, XW_ROWNUM);
		xw_text(&s, row, 4, g->column, XW_TEXT);
		xw_text(&s, row, 5, g->value, XW_TEXT);
		attribution_diag_divisions(c->a, c->m, g, &names);
		reason_cell(&s, row, 6, &names);
		xw_text(&s, row, 7, diag_code_name(g->code), XW_TEXT);
		xw_text(&s, row, 8, g->message, XW_TEXT);
	}
	xw_finish_table(&s);
	sb_release(&names);
}

time_t report_created_time(int period)
{
	/* 00:00 UTC on the last day of the period: from the data, never the clock */
	int fy = period_fy(period), q = period_quarter(period);
	int y = q == 4 ? fy + 1 : fy, m = q == 4 ? 3 : 3 * q + 3;
	static const int last_day[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	long days = 0;

	for (int yy = 1970; yy < y; yy++)
		days += (yy % 4 == 0 && (yy % 100 != 0 || yy % 400 == 0)) ? 366 : 365;
	for (int mm = 1; mm < m; mm++)
		days += last_day[mm] + (mm == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
	days += last_day[m] - 1;
	return (time_t)days * 86400;
}

void report_titles(const struct settings *s, int period, char *title, size_t tsize, char *label,
		   size_t lsize)
{
	struct strbuf sb = STRBUF_INIT;

	snprintf(title, tsize, "抜本的な業務改革 四半期レビュー（%s）", s->city);
	period_label(period, &sb);
	snprintf(label, lsize, "%s", sb_str(&sb));
	sb_release(&sb);
}

bool report_summary_xlsx(const struct model *m, const struct attribution *a,
			 const struct settings *s, const struct result *r, const struct result *prev,
			 const struct parsed *p, const struct model_counts *counts,
			 const struct diags *d, const char *path, struct strbuf *err)
{
	struct ctx c;
	bool ok;

	memset(&c, 0, sizeof(c));
	c.m = m;
	c.a = a;
	c.s = s;
	c.counts = counts;
	c.r = r;
	c.prev = prev;
	c.p = p;
	c.d = d;
	report_titles(s, r->period, c.title, sizeof(c.title), c.period, sizeof(c.period));
	/* Excel tables need the in-memory mode (its memory grows with the cells) */
	if (!xw_open(&c.b, path, report_created_time(r->period), c.title, OWN_MARKER_SUMMARY,
		     false, s->colours)) {
		if (c.b.wb)
			return xw_close(&c.b, err);
		sb_addf(err, "%s を作れません", path);
		return false;
	}
	sheet_overview(&c);
	sheet_measures(&c);
	sheet_kpis(&c);
	sheet_milestones(&c);
	sheet_workload(&c);
	sheet_missing(&c);
	sheet_ledger(&c);
	sheet_errors(&c);
	ok = xw_close(&c.b, err);
	return ok;
}
