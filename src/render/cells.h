/*
 * cells.h - the values a workbook column shows of a measure, KPI, milestone
 * or workload row, named once for every workbook: a column table
 * (xlsx_write.h) names the field in its arg and one of the getters below.
 */
#ifndef KK_CELLS_H
#define KK_CELLS_H

#include "kaikaku.h"

#include "render.h"
#include "xlsx_write.h"

enum cell_field {
	/* of the item's lead division (a measure's, a KPI's or milestone's measure's) */
	F_DEPT,
	F_DIV_CODE,
	F_DIV_NAME,
	/* of the item's measure */
	F_MEASURE_ID,
	F_MEASURE_NAME,
	/* measures */
	F_MEASURE_PILLAR,
	F_MEASURE_FIELD,
	F_MEASURE_APPROACH,
	F_MEASURE_NKPIS,
	F_MEASURE_NMILESTONES,
	/* KPIs */
	F_KPI_ID,
	F_KPI_NAME,
	F_KPI_UNIT,
	F_KPI_BASELINE,
	F_KPI_DIRECTION, /* ↑ 増えるほど良い / ↓ 減るほど良い */
	F_KPI_BASELINE_PERIOD,
	F_KPI_TARGET,
	F_KPI_TARGET_PERIOD,
	F_KPI_ACTUAL,   /* for P; empty when not reported */
	F_KPI_PREVIOUS, /* the latest earlier actual */
	F_KPI_PREVIOUS_PERIOD,
	F_KPI_LAST, /* what was last reported: the actual for P, else the previous */
	F_KPI_LAST_PERIOD,
	F_KPI_PROGRESS, /* when reported */
	F_KPI_EXPECTED,
	F_KPI_COMMENT, /* sent with the actual for P */
	F_KPI_ACTION,  /* 対応策 sent with it, or 対応策なし when it is due */
	/* milestones */
	F_MS_ID,
	F_MS_DESCRIPTION,
	F_MS_DUE,
	F_MS_REPORTED, /* the latest report at or before P: its status word */
	F_MS_REPORT_PERIOD,
	F_MS_PROGRESS,
	F_MS_COMMENT,
	F_MS_ACTION, /* 対応策 with the report for P, or 対応策なし when it is due */
	/* workload rows */
	F_WL_INITIATIVE,
	F_WL_MEASURE_ID,
	F_WL_HOURS,
	F_WL_PERIOD,
	F_WL_COUNTED, /* はい, or いいえ（基準業務量なし） */
	F_WL_COMMENT,
	/* of any item with a status: at P, at P − 1 (前期状況), and why (判定理由) */
	F_STATUS,
	F_PREVIOUS_STATUS,
	F_REASON,
};

/* The rows of a list: items[i] of the model's measures, KPIs, milestones or
 * workload rows (items NULL: row i is item i). */
struct cell_rows {
	const struct render_input *in;
	const size_t *items;
	size_t n;
};

/* Getters for column tables over a struct cell_rows; col->arg is the field. */
void cells_measure(const void *rows, size_t row, const struct xw_column *col, struct xw_value *v);
void cells_kpi(const void *rows, size_t row, const struct xw_column *col, struct xw_value *v);
void cells_milestone(const void *rows, size_t row, const struct xw_column *col, struct xw_value *v);
void cells_workload(const void *rows, size_t row, const struct xw_column *col, struct xw_value *v);
/* Rows of divisions: F_DEPT, F_DIV_CODE, F_DIV_NAME. */
void cells_division(const void *rows, size_t row, const struct xw_column *col, struct xw_value *v);

#endif
