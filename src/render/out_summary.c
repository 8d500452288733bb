/*
 * out_summary.c - summary_<P>.xlsx, the PMO's workbook: 概要 (KGI, status
 * counts, native charts), 施策一覧, KPI一覧 (one column per period), マイルストーン,
 * 業務量削減, 未提出, 提出状況, 入力エラー. The first row of each list sheet is its
 * header (contract §4 fixed points); list sheets are Excel tables.
 */
#include "kaikaku.h"

#include <math.h>

#include "cells.h"
#include "explain.h"
#include "own_marker.h"
#include "period.h"
#include "recognise.h"
#include "render.h"
#include "sheet_brief.h"
#include "sheet_errors.h"
#include "sheet_grid.h"
#include "sheet_restated.h"
#include "sheet_roadmap.h"
#include "xlsx_write.h"

#define OVERVIEW "概要"

/*
 * 概要's grid, so that on a 1366 × 768 screen at 100% the briefing and the
 * first charts are seen together, and on A4 it prints one page wide at 8
 * points or more: column A the labels, B–F figures, G–M counts; the briefing's
 * words across C–I; the first charts from column J (752 px), 420 px wide, so
 * that they end in column P (xw_drawing).
 */
#define OV_LABEL_W 22.0
#define OV_FIGURE_W 11.0 /* B–F */
#define OV_COUNT_W 8.0   /* G–M */
#define OV_COLS 13
#define OV_WORDS_LAST 8 /* I */
#define OV_CHART_COL 9  /* J */
#define OV_CHART_PX 420.0
#define OV_SIDE_COL 5 /* F: the second chart of a pair below the tables */

struct ctx {
	const struct render_input *in;
	const struct model *m;
	const struct result *r;
	const struct result *prev; /* at P − 1, for 前期状況 */
	const struct parsed *p;
	const struct diags *d;
	const struct settings *s;
	struct xw_book b;
	const char *title;
	const char *period;
};

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
	lxw_chart_font tf = chart_font(11, true), af = chart_font(10, false);

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

/* A chart's height as a scale of libxlsxwriter's 288 px: growing with its
 * categories, so that no label is dropped (ten departments or a hundred). */
static double chart_y_scale(size_t categories)
{
	return fmax(1.0, ((double)categories * 20 + 120) / 288);
}

/* The rows (of 20 px) a chart of categories takes, with one below it. */
static uint32_t chart_rows(size_t categories)
{
	return (uint32_t)ceil(288 * chart_y_scale(categories) / 20) + 1;
}

/* A chart at (at_row, col), OV_CHART_PX wide, as tall as its categories
 * need; returns the first row below it. */
static uint32_t insert_chart(struct ctx *c, struct xw_sheet *s, lxw_chart *ch, uint32_t at_row,
			     uint16_t col, size_t categories)
{
	lxw_chart_options opt = {0};

	opt.x_scale = OV_CHART_PX / 480;
	opt.y_scale = chart_y_scale(categories);
	xw_keep(&c->b, worksheet_insert_chart_opt(s->ws, at_row, col, ch, &opt));
	return at_row + chart_rows(categories);
}

/* Measures by status, stacked per category (pillars or departments); the
 * legend names only the statuses the city's measures have. Returns the row
 * below the chart. */
static uint32_t chart_statuses(struct ctx *c, struct xw_sheet *s, const char *title, uint32_t first,
			       size_t n, uint32_t at_row, uint16_t at_col)
{
	lxw_chart *ch;

	if (n == 0)
		return at_row;
	ch = workbook_add_chart(c->b.wb, LXW_CHART_BAR_STACKED);
	if (!ch) {
		xw_keep(&c->b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return at_row;
	}
	for (size_t k = 0; k < ARRAY_LEN(status_measure_order); k++) {
		lxw_col_t col = (lxw_col_t)(2 + k);
		lxw_chart_series *se;
		lxw_chart_fill fill = {0};

		/* only the statuses the city's measures have: no legend entry for
		 * a status nobody is in (deleting legend entries is read in opposite
		 * orders by Excel and LibreOffice for bar charts) */
		if (!c->r->city.measures[status_measure_order[k]])
			continue;
		se = chart_add_series(ch, NULL, NULL);
		if (!se) {
			xw_keep(&c->b, LXW_ERROR_MEMORY_MALLOC_FAILED);
			return at_row;
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
		lxw_chart_font af = chart_font(10, false);

		chart_axis_set_name(ch->x_axis, "施策数");
		chart_axis_set_name_font(ch->x_axis, &af);
		chart_axis_set_major_unit(ch->x_axis, 1);
	}
	return insert_chart(c, s, ch, at_row, at_col, n);
}

/* A series of ch: column col of rows first..last, categories in column 0;
 * NULL when it cannot be made (the error kept). */
static lxw_chart_series *rate_series(struct ctx *c, lxw_chart *ch, uint32_t first, lxw_row_t last,
				     lxw_col_t col, const char *name)
{
	lxw_chart_series *se = ch ? chart_add_series(ch, NULL, NULL) : NULL;

	if (!se) {
		xw_keep(&c->b, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return NULL;
	}
	chart_series_set_categories(se, OVERVIEW, first, 0, last, 0);
	chart_series_set_values(se, OVERVIEW, first, col, last, col);
	chart_series_set_name(se, name);
	return se;
}

/* A chart of type with its first series, the rates of rows first..last
 * labelled; NULL when it cannot be made (the error kept). */
static lxw_chart_series *rate_chart(struct ctx *c, uint8_t type, uint32_t first, lxw_row_t last,
				    lxw_chart **ch)
{
	lxw_chart_series *se;

	*ch = workbook_add_chart(c->b.wb, type);
	if (!(se = rate_series(c, *ch, first, last, 3, "業務量削減率")))
		return NULL;
	chart_series_set_labels(se);
	chart_series_set_labels_num_format(se, "0.0%");
	{
		lxw_chart_font lf = chart_font(10, false);

		chart_series_set_labels_font(se, &lf);
	}
	return se;
}

/*
 * The KGI rate per department as bars, each labelled, the target in the
 * title; or over the periods (trend) as a line against the dashed target
 * line. (libxlsxwriter 1.1.4 cannot combine a bar chart with a line.)
 * Returns the row below the chart.
 */
static uint32_t chart_kgi(struct ctx *c, struct xw_sheet *s, const char *title, uint32_t first,
			  size_t n, bool trend, uint32_t at_row, uint16_t at_col)
{
	lxw_chart *ch;
	lxw_chart_series *se;
	lxw_chart_line line = {0}, tl = {0};
	lxw_chart_fill fill = {0};
	lxw_row_t last = first + (lxw_row_t)n - 1;

	if (n == 0)
		return at_row;
	fill.color = 0x305496;
	if (!trend) {
		if (!(se = rate_chart(c, LXW_CHART_BAR, first, last, &ch)))
			return at_row;
		chart_series_set_fill(se, &fill);
		chart_axis_set_reverse(ch->y_axis);
		style_chart(ch, title, NULL);
		chart_legend_set_position(ch, LXW_CHART_LEGEND_NONE);
		chart_axis_set_num_format(ch->x_axis, "0%");
		chart_axis_set_min(ch->x_axis, 0);
		return insert_chart(c, s, ch, at_row, at_col, n);
	}
	if (!(se = rate_chart(c, LXW_CHART_LINE, first, last, &ch)))
		return at_row;
	line.color = 0x305496;
	line.width = 2.25;
	chart_series_set_line(se, &line);
	chart_series_set_marker_type(se, LXW_CHART_MARKER_CIRCLE);
	chart_series_set_marker_size(se, 6);
	chart_series_set_marker_fill(se, &fill);
	chart_series_set_labels_position(se, LXW_CHART_LABEL_POSITION_ABOVE);
	if (!(se = rate_series(c, ch, first, last, 4, "目標")))
		return at_row;
	tl.color = 0xC00000;
	tl.width = 1.5;
	tl.dash_type = LXW_CHART_LINE_DASH_DASH;
	chart_series_set_line(se, &tl);
	chart_series_set_marker_type(se, LXW_CHART_MARKER_NONE);
	style_chart(ch, title, "業務量削減率");
	chart_axis_set_num_format(ch->y_axis, "0%");
	chart_axis_set_min(ch->y_axis, 0);
	return insert_chart(c, s, ch, at_row, at_col, 0);
}

/* The status counts of the pillars (and the city), then of the departments;
 * their first data rows in *pillars_at, *depts_at. */
static void overview_counts(struct ctx *c, struct xw_sheet *s, uint32_t *row, uint32_t *pillars_at,
			    uint32_t *depts_at)
{
	const struct model *m = c->m;
	const struct result *r = c->r;
	size_t n = (r->npillars > m->ndepartments ? r->npillars : m->ndepartments) + 1;
	const char **names = xcalloc(n, sizeof(*names));
	const struct counts **cs = xcalloc(n, sizeof(*cs));

	for (size_t i = 0; i < r->npillars; i++) {
		names[i] = c->s->pillars[i].name;
		cs[i] = &r->pillars[i];
	}
	names[r->npillars] = "市全体";
	cs[r->npillars] = &r->city;
	*pillars_at = counts_block(s, row, "柱別の施策の状況", "柱", names, cs, r->npillars + 1);
	for (size_t i = 0; i < m->ndepartments; i++) {
		names[i] = m->departments[i].name;
		cs[i] = &r->departments[i];
	}
	*depts_at = counts_block(s, row, "部別の施策の状況", "部", names, cs, m->ndepartments);
	free(names);
	free(cs);
}

/*
 * 概要: the briefing at the top left with the KGI's trend and the pillars'
 * statuses beside it (what a PMO officer sees on opening the book), then the
 * tables the charts draw from, the departments' charts side by side below
 * them, and every division's KGI last.
 */
static void sheet_overview(struct ctx *c)
{
	const struct model *m = c->m;
	const struct result *r = c->r;
	double target = r->params.kgi_target;
	struct xw_sheet s;
	uint32_t row = 0, pillars_at, depts_at, kgi_at, trend_at, charts_end, top = 3;
	uint32_t trend_row, pillar_row;

	if (!xw_sheet(&c->b, &s, OVERVIEW))
		return;
	xw_width(&s, 0, OV_LABEL_W);
	for (uint16_t i = 1; i < OV_COLS; i++)
		xw_width(&s, i, i <= 5 ? OV_FIGURE_W : OV_COUNT_W);
	xw_print(&s, c->title, c->period, -1);
	xw_text(&s, row++, 0, c->title, XW_TITLE);
	xw_text(&s, row++, 0, c->period, XW_TEXT);
	row++;
	row = sheet_brief(&s, row, c->in, -1, OV_WORDS_LAST);
	/* the first two charts beside the briefing: their rows are known only
	 * once the tables are written, so their places are kept here */
	trend_row = top;
	pillar_row = top + chart_rows(0); /* the trend: a line over the periods */
	charts_end = pillar_row + chart_rows(r->npillars);
	if (row < charts_end)
		row = charts_end;
	xw_text(&s, row++, 0, "KGI 業務量削減率（既存業務の 30% 削減）", XW_SUBTITLE);
	kgi_header(&s, row++, "区分");
	xw_text(&s, row, 0, "市全体", XW_TEXT);
	kgi_cells(&s, row++, 1, &r->kgi, target);
	row++;
	xw_text(&s, row++, 0, "業務量削減率の推移", XW_SUBTITLE);
	kgi_header(&s, row++, "期間");
	trend_at = row;
	for (size_t i = 0; i < r->ntrend; i++, row++) {
		xw_period(&s, row, 0, r->trend[i]);
		kgi_cells(&s, row, 1, &r->trend_city[i], target);
	}
	row++;
	overview_counts(c, &s, &row, &pillars_at, &depts_at);
	xw_text(&s, row++, 0, "部別の業務量削減率", XW_SUBTITLE);
	kgi_header(&s, row++, "部");
	kgi_at = row;
	for (size_t i = 0; i < m->ndepartments; i++, row++) {
		xw_text(&s, row, 0, m->departments[i].name, XW_TEXT);
		kgi_cells(&s, row, 1, &r->kgi_departments[i], target);
	}
	row++;
	{
		char t[PRESENT_MAX], title[160];
		uint32_t a, b;

		chart_kgi(c, &s, "業務量削減率の推移", trend_at, r->ntrend, true, trend_row,
			  OV_CHART_COL);
		chart_statuses(c, &s, "柱別の施策の状況", pillars_at, r->npillars, pillar_row,
			       OV_CHART_COL);
		xw_drawing(&s, OV_CHART_COL, OV_CHART_PX);
		/* the departments' charts side by side below their tables, as tall
		 * as the departments need */
		snprintf(title, sizeof(title), "部別の業務量削減率（目標 %s）",
			 present_percent(target, t));
		a = chart_kgi(c, &s, title, kgi_at, m->ndepartments, false, row, 0);
		b = chart_statuses(c, &s, "部別の施策の状況", depts_at, m->ndepartments, row,
				   OV_SIDE_COL + 1);
		row = a > b ? a : b;
	}
	xw_text(&s, row++, 0, "課別の業務量削減率", XW_SUBTITLE);
	{
		static const char *const hdr[] = {
			"課", "課コード", "削減時間", "基準業務量", "業務量削減率", "目標", "部"};

		xw_header(&s, row++, hdr, ARRAY_LEN(hdr));
	}
	for (size_t i = 0; i < m->ndivisions; i++, row++) {
		const struct division *dv = &m->divisions[i];
		const struct kgi *k = &r->kgi_divisions[i];

		xw_text(&s, row, 0, dv->name, XW_TEXT);
		xw_text(&s, row, 1, dv->code, XW_CENTER);
		xw_number(&s, row, 2, k->hours_saved, XW_NUM);
		if (dv->has_baseline)
			xw_number(&s, row, 3, k->baseline_hours, XW_NUM);
		else
			xw_text(&s, row, 3, "（なし）", XW_TEXT);
		if (k->rate >= 0)
			xw_number(&s, row, 4, k->rate, XW_PCT);
		xw_number(&s, row, 5, target, XW_PCT);
		xw_text(&s, row, 6, m->departments[dv->dept].name, XW_TEXT);
	}
	xw_finish(&s);
}

/* ---- the list sheets, as column tables */

/* ---- 施策一覧, KPI一覧, マイルストーン, 業務量削減: every item, from cells.h */

/* The model index of a list's row (the lists are sorted, cells.h). */
static size_t row_item(const void *x, size_t row)
{
	const struct cell_rows *r = x;

	return r->items ? r->items[row] : row;
}

/* The row's place in its master: one sort away from the master order. */
static void master_order(const void *x, size_t row, const struct xw_column *col, struct xw_value *v)
{
	(void)col;
	xv_number(v, (double)row_item(x, row) + 1);
}

static const struct xw_column measure_columns[] = {
	{"施策ID", XW_TEXT, 0, 0, cells_measure, F_MEASURE_ID},
	{"施策名", XW_TEXT, 28, 0, cells_measure, F_MEASURE_NAME},
	{"柱", XW_TEXT, 16, 0, cells_measure, F_MEASURE_PILLAR},
	{"部", XW_TEXT, 0, 0, cells_measure, F_DEPT},
	{"課コード", XW_TEXT, 0, 0, cells_measure, F_DIV_CODE},
	{"課", XW_TEXT, 0, 0, cells_measure, F_DIV_NAME},
	{"分野", XW_TEXT, 0, 0, cells_measure, F_MEASURE_FIELD},
	{"アプローチ", XW_TEXT, 0, 0, cells_measure, F_MEASURE_APPROACH},
	{"状況", XW_TEXT, 0, 0, cells_measure, F_STATUS},
	{"前期状況", XW_TEXT, 0, 0, cells_measure, F_PREVIOUS_STATUS},
	{"判定理由", XW_TEXT, 44, 0, cells_measure, F_REASON},
	{"KPI数", XW_INT, 0, 0, cells_measure, F_MEASURE_NKPIS},
	{"マイルストーン数", XW_INT, 0, 0, cells_measure, F_MEASURE_NMILESTONES},
	{"マスタ順", XW_INT, 0, 0, master_order, 0},
};

/* then one column per period of the trend (kpi_trend) */
static const struct xw_column kpi_columns[] = {
	{"KPI_ID", XW_TEXT, 0, 0, cells_kpi, F_KPI_ID},
	{"指標名", XW_TEXT, 24, 0, cells_kpi, F_KPI_NAME},
	{"施策ID", XW_TEXT, 0, 0, cells_kpi, F_MEASURE_ID},
	{"施策名", XW_TEXT, 18, 0, cells_kpi, F_MEASURE_NAME},
	{"部", XW_TEXT, 0, 0, cells_kpi, F_DEPT},
	{"課コード", XW_TEXT, 0, 0, cells_kpi, F_DIV_CODE},
	{"課", XW_TEXT, 0, 0, cells_kpi, F_DIV_NAME},
	{"単位", XW_TEXT, 0, 0, cells_kpi, F_KPI_UNIT},
	{"基準値", XW_NUM, 0, 0, cells_kpi, F_KPI_BASELINE},
	{"基準時点", XW_TEXT, 0, 0, cells_kpi, F_KPI_BASELINE_PERIOD},
	{"目標値", XW_NUM, 0, 0, cells_kpi, F_KPI_TARGET},
	{"目標時点", XW_TEXT, 0, 0, cells_kpi, F_KPI_TARGET_PERIOD},
	{"実績値", XW_NUM, 0, 0, cells_kpi, F_KPI_ACTUAL},
	{"前回値", XW_NUM, 0, 0, cells_kpi, F_KPI_PREVIOUS},
	{"前回報告期間", XW_TEXT, 0, 0, cells_kpi, F_KPI_PREVIOUS_PERIOD},
	{"進捗率", XW_PCT, 0, 0, cells_kpi, F_KPI_PROGRESS},
	{"期待進捗率", XW_PCT, 0, 0, cells_kpi, F_KPI_EXPECTED},
	{"状況", XW_TEXT, 0, 0, cells_kpi, F_STATUS},
	{"前期状況", XW_TEXT, 0, 0, cells_kpi, F_PREVIOUS_STATUS},
	{"判定理由", XW_TEXT, 40, 0, cells_kpi, F_REASON},
	{"コメント", XW_TEXT, 24, 0, cells_kpi, F_KPI_COMMENT},
	{"対応策", XW_TEXT, 24, 0, cells_kpi, F_KPI_ACTION},
	{"マスタ順", XW_INT, 0, 0, master_order, 0},
};

/* The actual of the trend's col->arg-th period. */
static void kpi_trend(const void *x, size_t k, const struct xw_column *col, struct xw_value *v)
{
	const struct render_input *in = ((const struct cell_rows *)x)->in;
	const struct actual *a = model_actual_at(in->m, row_item(x, k), in->r->trend[col->arg]);

	if (a)
		xv_number(v, a->value);
}

static const struct xw_column milestone_columns[] = {
	{"マイルストーンID", XW_TEXT, 0, 0, cells_milestone, F_MS_ID},
	{"内容", XW_TEXT, 28, 0, cells_milestone, F_MS_DESCRIPTION},
	{"施策ID", XW_TEXT, 0, 0, cells_milestone, F_MEASURE_ID},
	{"施策名", XW_TEXT, 18, 0, cells_milestone, F_MEASURE_NAME},
	{"部", XW_TEXT, 0, 0, cells_milestone, F_DEPT},
	{"課コード", XW_TEXT, 0, 0, cells_milestone, F_DIV_CODE},
	{"課", XW_TEXT, 0, 0, cells_milestone, F_DIV_NAME},
	{"期限", XW_TEXT, 0, 0, cells_milestone, F_MS_DUE},
	{"報告状況", XW_TEXT, 0, 0, cells_milestone, F_MS_REPORTED},
	{"報告期間", XW_TEXT, 0, 0, cells_milestone, F_MS_REPORT_PERIOD},
	{"進捗率", XW_PCT, 0, 0, cells_milestone, F_MS_PROGRESS},
	{"状況", XW_TEXT, 0, 0, cells_milestone, F_STATUS},
	{"前期状況", XW_TEXT, 0, 0, cells_milestone, F_PREVIOUS_STATUS},
	{"判定理由", XW_TEXT, 40, 0, cells_milestone, F_REASON},
	{"コメント", XW_TEXT, 24, 0, cells_milestone, F_MS_COMMENT},
	{"対応策", XW_TEXT, 24, 0, cells_milestone, F_MS_ACTION},
	{"マスタ順", XW_INT, 0, 0, master_order, 0},
};

static const struct xw_column workload_columns[] = {
	{"部", XW_TEXT, 0, 0, cells_workload, F_DEPT},
	{"課コード", XW_TEXT, 0, 0, cells_workload, F_DIV_CODE},
	{"課", XW_TEXT, 0, 0, cells_workload, F_DIV_NAME},
	{"取組", XW_TEXT, 30, 0, cells_workload, F_WL_INITIATIVE},
	{"施策ID", XW_TEXT, 0, 0, cells_workload, F_WL_MEASURE_ID},
	{"削減時間", XW_NUM, 0, 0, cells_workload, F_WL_HOURS},
	{"報告期間", XW_TEXT, 0, 0, cells_workload, F_WL_PERIOD},
	{"削減率に算入", XW_TEXT, 0, 0, cells_workload, F_WL_COUNTED},
	{"コメント", XW_TEXT, 30, 0, cells_workload, F_WL_COMMENT},
};

/* The lists put what needs attention first: the worst status, then the ID. */
struct by_attention {
	const struct model *m;
	const struct result *r;
	int kind; /* 0 measures, 1 KPIs, 2 milestones */
};

static const struct by_attention *attention;

static int attention_cmp(const void *x, const void *y)
{
	size_t a = *(const size_t *)x, b = *(const size_t *)y;
	const struct by_attention *o = attention;
	enum status sa, sb;
	const char *ia, *ib;
	int c;

	if (o->kind == 0) {
		sa = o->r->measures[a], sb = o->r->measures[b];
		ia = o->m->measures[a].id, ib = o->m->measures[b].id;
	} else if (o->kind == 1) {
		sa = o->r->kpis[a].status, sb = o->r->kpis[b].status;
		ia = o->m->kpis[a].id, ib = o->m->kpis[b].id;
	} else {
		sa = o->r->milestones[a].status, sb = o->r->milestones[b].status;
		ia = o->m->milestones[a].id, ib = o->m->milestones[b].id;
	}
	if (status_rank(sa) != status_rank(sb))
		return status_rank(sa) > status_rank(sb) ? -1 : 1;
	c = strcmp(ia, ib);
	return c ? c : (a < b ? -1 : a > b);
}

static size_t *attention_order(const struct model *m, const struct result *r, int kind, size_t n)
{
	struct by_attention o = {m, r, kind};
	size_t *v = xcalloc(n + 1, sizeof(*v));

	for (size_t i = 0; i < n; i++)
		v[i] = i;
	attention = &o;
	qsort(v, n, sizeof(*v), attention_cmp);
	attention = NULL;
	return v;
}

static void item_sheets(struct ctx *c)
{
	const struct result *r = c->r;
	size_t *om = attention_order(c->m, r, 0, c->m->nmeasures),
	       *ok = attention_order(c->m, r, 1, c->m->nkpis),
	       *oms = attention_order(c->m, r, 2, c->m->nmilestones);
	struct cell_rows measures = {c->in, om, c->m->nmeasures}, kpis = {c->in, ok, c->m->nkpis},
			 milestones = {c->in, oms, c->m->nmilestones},
			 used = {c->in, r->workload_used, r->nworkload_used};
	size_t nf = ARRAY_LEN(kpi_columns), n = nf + r->ntrend;
	struct xw_column *cols = xcalloc(n, sizeof(*cols));
	char(*codes)[PERIOD_CODE_MAX] = xcalloc(r->ntrend + 1, sizeof(*codes));

	xw_list_sheet(&c->b, "施策一覧", measure_columns, ARRAY_LEN(measure_columns), &measures,
		      c->m->nmeasures, c->title, c->period);
	memcpy(cols, kpi_columns, sizeof(kpi_columns));
	for (size_t t = 0; t < r->ntrend; t++) {
		period_code(r->trend[t], codes[t]);
		cols[nf + t] = (struct xw_column){codes[t], XW_NUM, 0, 0, kpi_trend, t};
	}
	xw_list_sheet(&c->b, "KPI一覧", cols, n, &kpis, c->m->nkpis, c->title, c->period);
	xw_list_sheet(&c->b, "マイルストーン", milestone_columns, ARRAY_LEN(milestone_columns),
		      &milestones, c->m->nmilestones, c->title, c->period);
	xw_list_sheet(&c->b, "業務量削減", workload_columns, ARRAY_LEN(workload_columns), &used,
		      used.n, c->title, c->period);
	free(cols);
	free(codes);
	free(om);
	free(ok);
	free(oms);
}

/* ---- 未提出: the divisions without a submission for P */

struct missing {
	struct cell_rows rows; /* first: the divisions' cells (cells.h) */
	const struct ctx *c;
	size_t *nk, *nm; /* per division: KPIs, open milestones */
	int *last;       /* per division: the latest period submitted, up to P */
};

static void mis_count(const void *x, size_t i, const struct xw_column *col, struct xw_value *v)
{
	const struct missing *ms = x;
	size_t d = ms->c->r->missing[i];

	xv_number(v, (double)(col->arg ? ms->nm[d] : ms->nk[d]));
}

static void mis_last(const void *x, size_t i, const struct xw_column *col, struct xw_value *v)
{
	const struct missing *ms = x;
	int last = ms->last[ms->c->r->missing[i]];

	(void)col;
	if (last == PERIOD_NONE)
		xv_text(v, "（提出なし）");
	else
		xv_period(v, last);
}

static const struct xw_column missing_columns[] = {
	{"課コード", XW_TEXT, 0, 0, cells_division, F_DIV_CODE},
	{"部", XW_TEXT, 0, 0, cells_division, F_DEPT},
	{"課", XW_TEXT, 0, 0, cells_division, F_DIV_NAME},
	{"KPI数", XW_INT, 0, 0, mis_count, 0},
	{"未完了マイルストーン数", XW_INT, 0, 0, mis_count, 1},
	{"最終提出期間", XW_TEXT, 0, 0, mis_last, 0},
};

static void sheet_missing(struct ctx *c)
{
	const struct model *m = c->m;
	const struct result *r = c->r;
	struct missing ms = {{c->in, r->missing, r->nmissing},
			     c,
			     xcalloc(m->ndivisions + 1, sizeof(size_t)),
			     xcalloc(m->ndivisions + 1, sizeof(size_t)),
			     xmalloc((m->ndivisions + 1) * sizeof(int))};

	for (size_t k = 0; k < m->nkpis; k++)
		ms.nk[m->measures[m->kpis[k].measure].lead]++;
	for (size_t i = 0; i < m->nmilestones; i++) {
		enum status st = r->milestones[i].status;

		if (st != ST_DONE && st != ST_CANCELLED)
			ms.nm[m->measures[m->milestones[i].measure].lead]++;
	}
	for (size_t d = 0; d < m->ndivisions; d++)
		ms.last[d] = PERIOD_NONE;
	for (size_t i = 0; i < m->nsubmitted; i++) {
		const struct submitted *sb = &m->submitted[i];

		if (sb->period <= r->period && sb->period > ms.last[sb->division])
			ms.last[sb->division] = sb->period;
	}
	xw_list_sheet(&c->b, "未提出", missing_columns, ARRAY_LEN(missing_columns), &ms,
		      r->nmissing, c->title, c->period);
	free(ms.nk);
	free(ms.nm);
	free(ms.last);
}

/* ---- 提出状況: one row per input file */

struct file_counts {
	int rows, accepted, rejected, skipped, errors, warnings;
	const char *kinds; /* its tables' kinds, or why it has none */
};

struct ledger {
	const struct ctx *c;
	struct file_counts *fc;
};

static void led_path(const void *x, size_t i, const struct xw_column *col, struct xw_value *v)
{
	const struct ledger *l = x;

	(void)col;
	xv_text(v, l->c->p->files[i].path);
}

static void led_divisions(const void *x, size_t i, const struct xw_column *col, struct xw_value *v)
{
	const struct ledger *l = x;
	const struct owners *o = attribution_file_divisions(l->c->in->a, l->c->p->files[i].path);

	(void)col;
	for (size_t k = 0; o && k < o->n; k++)
		sb_addf(v->buf, "%s%s", k ? "・" : "", l->c->m->divisions[o->v[k]].name);
	xv_buf(v);
}

static void led_kinds(const void *x, size_t i, const struct xw_column *col, struct xw_value *v)
{
	const struct ledger *l = x;

	(void)col;
	xv_text(v, l->fc[i].kinds);
}

static void led_format(const void *x, size_t i, const struct xw_column *col, struct xw_value *v)
{
	const struct ledger *l = x;

	(void)col;
	xv_text(v, l->c->p->files[i].format);
}

static void led_sha256(const void *x, size_t i, const struct xw_column *col, struct xw_value *v)
{
	const struct ledger *l = x;

	(void)col;
	xv_text(v, l->c->p->files[i].sha256);
}

enum { LED_BYTES, LED_ROWS, LED_ACCEPTED, LED_REJECTED, LED_SKIPPED, LED_ERRORS, LED_WARNINGS };

static void led_count(const void *x, size_t i, const struct xw_column *col, struct xw_value *v)
{
	const struct ledger *l = x;
	const struct file_counts *f = &l->fc[i];
	const int n[] = {0, f->rows, f->accepted, f->rejected, f->skipped, f->errors, f->warnings};

	xv_number(v, col->arg == LED_BYTES ? (double)l->c->p->files[i].bytes : n[col->arg]);
}

static const struct xw_column ledger_columns[] = {
	{"ファイル", XW_TEXT, 40, 0, led_path, 0},
	{"課", XW_TEXT, 0, 0, led_divisions, 0},
	{"表の種類", XW_TEXT, 0, 0, led_kinds, 0},
	{"形式", XW_TEXT, 0, 0, led_format, 0},
	{"バイト数", XW_INT, 0, 0, led_count, LED_BYTES},
	{"行数", XW_INT, 0, 0, led_count, LED_ROWS},
	{"採用", XW_INT, 0, 0, led_count, LED_ACCEPTED},
	{"不採用", XW_INT, 0, 0, led_count, LED_REJECTED},
	{"報告なし", XW_INT, 0, 0, led_count, LED_SKIPPED},
	{"エラー", XW_INT, 0, 0, led_count, LED_ERRORS},
	{"警告", XW_INT, 0, 0, led_count, LED_WARNINGS},
	{"SHA-256", XW_TEXT, 0, 66, led_sha256, 0},
};

static void sheet_ledger(struct ctx *c)
{
	const struct parsed *p = c->p;
	struct ledger l = {c, xcalloc(p->nfiles + 1, sizeof(*l.fc))};
	struct strbuf *kinds = xcalloc(p->nfiles + 1, sizeof(*kinds));
	struct hmap index;
	size_t t = 0;

	hmap_init(&index);
	for (size_t i = 0; i < p->nfiles; i++)
		hmap_put(&index, p->files[i].path, &l.fc[i]);
	for (size_t i = 0; i < c->d->n; i++) {
		struct file_counts *f = c->d->v[i].file ? hmap_get(&index, c->d->v[i].file) : NULL;

		if (f && diag_code_severity(c->d->v[i].code) == SEV_ERROR)
			f->errors++;
		else if (f)
			f->warnings++;
	}
	for (size_t i = 0; i < p->nfiles; i++) {
		const struct input_file *f = &p->files[i];
		bool first = true;

		/* the file's tables follow it in p->tables */
		for (; t < p->ntables && strcmp(p->tables[t]->file, f->path) == 0; t++) {
			const struct table *tb = p->tables[t];
			const struct kind_def *kd = kind_def(tb->kind);

			sb_addf(&kinds[i], "%s%s", first ? "" : "・", kd ? kd->ja : "（不明）");
			first = false;
			l.fc[i].rows += tb->rows;
			l.fc[i].accepted += c->in->counts->tables[tb->index].accepted;
			l.fc[i].rejected += c->in->counts->tables[tb->index].rejected;
			l.fc[i].skipped += tb->skipped;
		}
		if (first)
			sb_adds(&kinds[i], f->failed    ? "（読めない）"
					   : f->ignored ? "（対象外）"
							: "（表なし）");
		l.fc[i].kinds = sb_str(&kinds[i]);
	}
	xw_list_sheet(&c->b, "提出ファイル", ledger_columns, ARRAY_LEN(ledger_columns), &l,
		      p->nfiles, c->title, c->period);
	for (size_t i = 0; i < p->nfiles; i++)
		sb_release(&kinds[i]);
	free(kinds);
	hmap_release(&index);
	free(l.fc);
}

static bool write_summary(const struct render_input *in, const char *path, struct strbuf *err)
{
	struct ctx c;
	bool ok;

	memset(&c, 0, sizeof(c));
	c.in = in;
	c.m = in->m;
	c.r = in->r;
	c.prev = in->prev;
	c.p = in->p;
	c.d = in->d;
	c.s = in->s;
	c.title = in->labels.book_title;
	c.period = in->labels.period_long;
	/* Excel tables need the in-memory mode (its memory grows with the cells) */
	if (!xw_open(&c.b, path, in->labels.created, c.title, OWN_MARKER_SUMMARY, false,
		     in->s->colours)) {
		if (c.b.wb)
			return xw_close(&c.b, err);
		sb_addf(err, "%s を作れません", path);
		return false;
	}
	sheet_overview(&c);
	item_sheets(&c);
	sheet_missing(&c);
	sheet_roadmap(&c.b, in, c.title, c.period);
	sheet_grid(&c.b, in, c.title, c.period);
	sheet_ledger(&c);
	sheet_restated(&c.b, c.m, in->restated, -1, c.title, c.period);
	sheet_errors(&c.b, c.in->a, c.m, c.d, NULL, 0, false, c.title, c.period);
	ok = xw_close(&c.b, err);
	return ok;
}

const struct output output_summary = {
	.what = "集計ブック",
	.stage = "xlsx",
	.file = FILE_SUMMARY,
	.write_file = write_summary,
};
