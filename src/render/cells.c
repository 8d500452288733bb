/*
 * cells.c - the values of a measure, KPI, milestone or workload row for the
 * workbooks' column tables (cells.h).
 */
#include "kaikaku.h"

#include "cells.h"
#include "explain.h"

static size_t item(const struct cell_rows *r, size_t row)
{
	return r->items ? r->items[row] : row;
}

static void division_field(const struct model *m, size_t d, int f, struct xw_value *v)
{
	const struct division *dv = &m->divisions[d];

	if (f == F_DEPT)
		xv_text(v, m->departments[dv->dept].name);
	else if (f == F_DIV_CODE)
		xv_text(v, dv->code);
	else if (f == F_DIV_NAME)
		xv_text(v, dv->name);
}

/* The fields every item has through its measure; false for other fields. */
static bool measure_field(const struct render_input *in, size_t ms, int f, struct xw_value *v)
{
	const struct measure *me = &in->m->measures[ms];

	switch (f) {
	case F_DEPT:
	case F_DIV_CODE:
	case F_DIV_NAME:
		division_field(in->m, me->lead, f, v);
		return true;
	case F_MEASURE_ID:
		xv_text(v, me->id);
		return true;
	case F_MEASURE_NAME:
		xv_text(v, me->name);
		return true;
	default:
		return false;
	}
}

void cells_measure(const void *rows, size_t row, const struct xw_column *col, struct xw_value *v)
{
	const struct render_input *in = ((const struct cell_rows *)rows)->in;
	size_t i = item(rows, row);
	const struct measure *ms = &in->m->measures[i];

	if (measure_field(in, i, (int)col->arg, v))
		return;
	switch (col->arg) {
	case F_MEASURE_PILLAR:
		xv_text(v, in->s->pillars[ms->pillar].name);
		break;
	case F_MEASURE_FIELD:
		xv_text(v, ms->field);
		break;
	case F_MEASURE_APPROACH:
		xv_text(v, ms->approach);
		break;
	case F_MEASURE_NKPIS:
		xv_number(v, (double)ms->nkpis);
		break;
	case F_MEASURE_NMILESTONES:
		xv_number(v, (double)ms->nmilestones);
		break;
	case F_STATUS:
		xv_status(v, in->r->measures[i]);
		break;
	case F_PREVIOUS_STATUS:
		xv_status(v, in->prev->measures[i]);
		break;
	case F_REASON:
		explain_measure(in->m, in->a, in->d, in->r, i, v->buf);
		xv_buf(v);
		break;
	}
}

void cells_kpi(const void *rows, size_t row, const struct xw_column *col, struct xw_value *v)
{
	const struct render_input *in = ((const struct cell_rows *)rows)->in;
	size_t k = item(rows, row);
	const struct kpi *kp = &in->m->kpis[k];
	const struct kpi_result *kr = &in->r->kpis[k];
	const struct actual *last = kr->actual ? kr->actual : kr->previous;

	if (measure_field(in, kp->measure, (int)col->arg, v))
		return;
	switch (col->arg) {
	case F_KPI_ID:
		xv_text(v, kp->id);
		break;
	case F_KPI_NAME:
		xv_text(v, kp->name);
		break;
	case F_KPI_UNIT:
		xv_text(v, kp->unit);
		break;
	case F_KPI_DIRECTION:
		xv_text(v, kp->target > kp->baseline ? "↑ 増えるほど良い" : "↓ 減るほど良い");
		break;
	case F_KPI_BASELINE:
		xv_number(v, kp->baseline);
		break;
	case F_KPI_BASELINE_PERIOD:
		xv_period(v, kp->baseline_period);
		break;
	case F_KPI_TARGET:
		xv_number(v, kp->target);
		break;
	case F_KPI_TARGET_PERIOD:
		xv_period(v, kp->target_period);
		break;
	case F_KPI_ACTUAL:
		if (kr->actual)
			xv_number(v, kr->actual->value);
		break;
	case F_KPI_PREVIOUS:
		if (kr->previous)
			xv_number(v, kr->previous->value);
		break;
	case F_KPI_PREVIOUS_PERIOD:
		if (kr->previous)
			xv_period(v, kr->previous->period);
		break;
	case F_KPI_LAST:
		if (last)
			xv_number(v, last->value);
		break;
	case F_KPI_LAST_PERIOD:
		if (last)
			xv_period(v, last->period);
		break;
	case F_KPI_PROGRESS:
		if (kr->actual)
			xv_number(v, kr->progress);
		break;
	case F_KPI_EXPECTED:
		xv_number(v, kr->expected);
		break;
	case F_KPI_COMMENT:
		if (kr->actual)
			xv_text(v, kr->actual->comment);
		break;
	case F_KPI_ACTION:
		if (kr->actual && kr->actual->action)
			xv_text(v, kr->actual->action);
		else if (in->b->kpi_no_action[k])
			xv_text(v, "（対応策なし）");
		break;
	case F_STATUS:
		xv_status(v, kr->status);
		break;
	case F_PREVIOUS_STATUS:
		xv_status(v, in->prev->kpis[k].status);
		break;
	case F_REASON:
		explain_kpi(in->a, in->r, k, v->buf);
		xv_buf(v);
		break;
	}
}

void cells_milestone(const void *rows, size_t row, const struct xw_column *col, struct xw_value *v)
{
	const struct render_input *in = ((const struct cell_rows *)rows)->in;
	size_t i = item(rows, row);
	const struct milestone *mi = &in->m->milestones[i];
	const struct milestone_result *mr = &in->r->milestones[i];
	const struct report *rp = mr->report;

	if (measure_field(in, mi->measure, (int)col->arg, v))
		return;
	switch (col->arg) {
	case F_MS_ID:
		xv_text(v, mi->id);
		break;
	case F_MS_DESCRIPTION:
		xv_text(v, mi->description);
		break;
	case F_MS_DUE:
		xv_period(v, mi->due);
		break;
	case F_MS_REPORTED:
		if (rp)
			xv_text(v, status_word(rp->status));
		break;
	case F_MS_REPORT_PERIOD:
		if (rp)
			xv_period(v, rp->period);
		break;
	case F_MS_PROGRESS:
		if (rp && rp->has_progress)
			xv_number(v, rp->progress / 100);
		break;
	case F_MS_COMMENT:
		if (rp)
			xv_text(v, rp->comment);
		break;
	case F_MS_ACTION:
		if (rp && rp->period == in->r->period && rp->action)
			xv_text(v, rp->action);
		else if (in->b->milestone_no_action[i])
			xv_text(v, "（対応策なし）");
		break;
	case F_STATUS:
		xv_status(v, mr->status);
		break;
	case F_PREVIOUS_STATUS:
		xv_status(v, in->prev->milestones[i].status);
		break;
	case F_REASON:
		explain_milestone(in->m, in->a, in->r, i, v->buf);
		xv_buf(v);
		break;
	}
}

void cells_workload(const void *rows, size_t row, const struct xw_column *col, struct xw_value *v)
{
	const struct render_input *in = ((const struct cell_rows *)rows)->in;
	const struct workload *w = &in->m->workloads[item(rows, row)];

	switch (col->arg) {
	case F_DEPT:
	case F_DIV_CODE:
	case F_DIV_NAME:
		division_field(in->m, w->division, (int)col->arg, v);
		break;
	case F_WL_INITIATIVE:
		xv_text(v, w->initiative);
		break;
	case F_WL_MEASURE_ID:
		if (w->measure >= 0)
			xv_text(v, in->m->measures[w->measure].id);
		break;
	case F_WL_HOURS:
		xv_number(v, w->hours);
		break;
	case F_WL_PERIOD:
		xv_period(v, w->period);
		break;
	case F_WL_COUNTED:
		xv_text(v, in->m->divisions[w->division].has_baseline ? "はい"
								      : "いいえ（基準業務量なし）");
		break;
	case F_WL_COMMENT:
		xv_text(v, w->comment);
		break;
	}
}

void cells_division(const void *rows, size_t row, const struct xw_column *col, struct xw_value *v)
{
	const struct render_input *in = ((const struct cell_rows *)rows)->in;

	division_field(in->m, item(rows, row), (int)col->arg, v);
}
