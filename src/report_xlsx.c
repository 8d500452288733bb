/*
 * report_xlsx.c - summary_<P>.xlsx, the PMO's workbook: 概要, 施策一覧, KPI一覧
 * (with one column per period), マイルストーン, 業務量削減, 未提出, 入力エラー.
 * The first row of each list sheet is its header (contract §4 fixed points).
 */
#include "kaikaku.h"

#include "ingest.h"
#include "period.h"
#include "report_xlsx.h"
#include "xlsx_write.h"

struct ctx {
	const struct model *m;
	const struct result *r;
	const struct diags *d;
	struct xw_book b;
};

static const char *pillar_name(const struct model *m, int pillar)
{
	return pillar >= 0 && (size_t)pillar < m->settings->npillars ? m->settings->pillars[pillar].name
								       : "";
}

static void period_cell(struct xw_sheet *s, uint32_t row, uint16_t col, int p)
{
	char code[PERIOD_CODE_MAX];

	if (p == PERIOD_NONE)
		return;
	period_code(p, code);
	xw_text(s, row, col, code, XW_TEXT);
}

/* -- 概要 */

static void kgi_row(struct xw_sheet *s, uint32_t row, uint16_t col, const struct kgi *k,
		    double target)
{
	xw_number(s, row, col, k->hours_saved, XW_NUM);
	xw_number(s, row, col + 1, k->baseline_hours, XW_NUM);
	if (k->rate >= 0)
		xw_number(s, row, col + 2, k->rate, XW_PCT);
	xw_number(s, row, col + 3, target, XW_PCT);
}

static uint32_t counts_block(struct xw_sheet *s, uint32_t row, const char *title,
			     const char *label, const char *const *names,
			     const struct counts *const *counts, size_t n)
{
	const char *hdr[2 + 9 + 2];
	size_t nh = 0;

	xw_text(s, row++, 0, title, XW_TITLE);
	hdr[nh++] = label;
	hdr[nh++] = "施策数";
	for (size_t i = 0; i < ARRAY_LEN(status_measure_order); i++)
		hdr[nh++] = status_word(status_measure_order[i]);
	hdr[nh++] = "KPI数";
	hdr[nh++] = "KPI 順調・達成の割合";
	xw_header(s, row++, hdr, nh);
	for (size_t i = 0; i < n; i++, row++) {
		const struct counts *c = counts[i];
		uint16_t col = 0;

		xw_text(s, row, col++, names[i], XW_TEXT);
		xw_number(s, row, col++, c->nmeasures, XW_INT);
		for (size_t k = 0; k < ARRAY_LEN(status_measure_order); k++)
			xw_number(s, row, col++, c->measures[status_measure_order[k]], XW_INT);
		xw_number(s, row, col++, c->nkpis, XW_INT);
		if (c->share >= 0)
			xw_number(s, row, col, c->share, XW_PCT);
	}
	return row + 1;
}

static void sheet_overview(struct ctx *c)
{
	const struct model *m = c->m;
	const struct result *r = c->r;
	double target = r->params.kgi_target;
	struct xw_sheet s;
	struct strbuf sb = STRBUF_INIT;
	uint32_t row = 0;
	static const char *const kgi_hdr[] = {"区分", "削減時間", "基準業務量", "業務量削減率", "目標"};

	if (!xw_sheet(&c->b, &s, "概要"))
		return;
	sb_addf(&sb, "抜本的な業務改革 四半期レビュー（%s）", m->settings->city);
	xw_text(&s, row++, 0, sb_str(&sb), XW_TITLE);
	sb_reset(&sb);
	period_label(r->period, &sb);
	xw_text(&s, row++, 0, sb_str(&sb), XW_TEXT);
	row++;
	xw_text(&s, row++, 0, "KGI 業務量削減率", XW_TITLE);
	xw_header(&s, row++, kgi_hdr, ARRAY_LEN(kgi_hdr));
	xw_text(&s, row, 0, "市全体", XW_TEXT);
	kgi_row(&s, row++, 1, &r->kgi, target);
	row++;
	{
		const char **names = xcalloc(r->npillars + 1, sizeof(*names));
		const struct counts **cs = xcalloc(r->npillars + 1, sizeof(*cs));

		for (size_t i = 0; i < r->npillars; i++) {
			names[i] = m->settings->pillars[i].name;
			cs[i] = &r->pillars[i];
		}
		names[r->npillars] = "市全体";
		cs[r->npillars] = &r->city;
		row = counts_block(&s, row, "柱別の状況", "柱", names, cs, r->npillars + 1);
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
		row = counts_block(&s, row, "部別の状況", "部", names, cs, m->ndepartments);
		free(names);
		free(cs);
	}
	xw_text(&s, row++, 0, "部別の業務量削減率", XW_TITLE);
	{
		static const char *const hdr[] = {"部", "削減時間", "基準業務量", "業務量削減率", "目標"};

		xw_header(&s, row++, hdr, ARRAY_LEN(hdr));
	}
	for (size_t i = 0; i < m->ndepartments; i++, row++) {
		xw_text(&s, row, 0, m->departments[i].name, XW_TEXT);
		kgi_row(&s, row, 1, &r->kgi_departments[i], target);
	}
	row++;
	xw_text(&s, row++, 0, "課別の業務量削減率", XW_TITLE);
	{
		static const char *const hdr[] = {"部",     "課コード", "課",  "削減時間",
						  "基準業務量", "業務量削減率", "目標"};

		xw_header(&s, row++, hdr, ARRAY_LEN(hdr));
	}
	for (size_t i = 0; i < m->ndivisions; i++, row++) {
		const struct division *dv = &m->divisions[i];

		xw_text(&s, row, 0, m->departments[dv->dept].name, XW_TEXT);
		xw_text(&s, row, 1, dv->code, XW_TEXT);
		xw_text(&s, row, 2, dv->name, XW_TEXT);
		if (dv->has_baseline)
			kgi_row(&s, row, 3, &r->kgi_divisions[i], target);
		else
			xw_number(&s, row, 3, r->kgi_divisions[i].hours_saved, XW_NUM);
	}
	row++;
	xw_text(&s, row++, 0, "業務量削減率の推移", XW_TITLE);
	{
		static const char *const hdr[] = {"期間", "削減時間", "基準業務量", "業務量削減率", "目標"};

		xw_header(&s, row++, hdr, ARRAY_LEN(hdr));
	}
	for (size_t i = 0; i < r->ntrend; i++, row++) {
		period_cell(&s, row, 0, r->trend[i]);
		kgi_row(&s, row, 1, &r->trend_city[i], target);
	}
	xw_finish(&s);
	sb_release(&sb);
}

/* -- 施策一覧 */

static void sheet_measures(struct ctx *c)
{
	static const char *const hdr[] = {"施策ID", "施策名", "柱",     "部",     "課コード",
					  "課",     "分野",   "アプローチ", "状況", "KPI数",
					  "マイルストーン数"};
	const struct model *m = c->m;
	size_t *nk = xcalloc(m->nmeasures + 1, sizeof(size_t));
	size_t *nm = xcalloc(m->nmeasures + 1, sizeof(size_t));
	struct xw_sheet s;

	for (size_t k = 0; k < m->nkpis; k++)
		nk[m->kpis[k].measure]++;
	for (size_t i = 0; i < m->nmilestones; i++)
		nm[m->milestones[i].measure]++;
	if (xw_sheet(&c->b, &s, "施策一覧")) {
		xw_header(&s, 0, hdr, ARRAY_LEN(hdr));
		for (size_t i = 0; i < m->nmeasures; i++) {
			const struct measure *ms = &m->measures[i];
			const struct division *dv = &m->divisions[ms->lead];
			uint32_t row = (uint32_t)i + 1;

			xw_text(&s, row, 0, ms->id, XW_TEXT);
			xw_text(&s, row, 1, ms->name, XW_TEXT);
			xw_text(&s, row, 2, pillar_name(m, ms->pillar), XW_TEXT);
			xw_text(&s, row, 3, m->departments[dv->dept].name, XW_TEXT);
			xw_text(&s, row, 4, dv->code, XW_TEXT);
			xw_text(&s, row, 5, dv->name, XW_TEXT);
			xw_text(&s, row, 6, ms->field, XW_TEXT);
			xw_text(&s, row, 7, ms->approach, XW_TEXT);
			xw_text(&s, row, 8, status_word(c->r->measures[i]), XW_TEXT);
			xw_number(&s, row, 9, (double)nk[i], XW_INT);
			xw_number(&s, row, 10, (double)nm[i], XW_INT);
		}
		xw_finish_table(&s);
	}
	free(nk);
	free(nm);
}

/* -- KPI一覧 */

static void sheet_kpis(struct ctx *c)
{
	static const char *const hdr[] = {"KPI_ID",   "施策ID",     "施策名",   "部",     "課コード",
					  "課",       "指標名",     "単位",     "基準値", "基準時点",
					  "目標値",   "目標時点",   "実績値",   "前回値", "前回報告期間",
					  "進捗率",   "期待進捗率", "状況",     "コメント"};
	const struct model *m = c->m;
	const struct result *r = c->r;
	struct xw_sheet s;
	uint16_t ncols = (uint16_t)ARRAY_LEN(hdr);

	if (!xw_sheet(&c->b, &s, "KPI一覧"))
		return;
	xw_header(&s, 0, hdr, ARRAY_LEN(hdr));
	for (size_t t = 0; t < r->ntrend; t++) {
		/* one column per period: the trend */
		char code[PERIOD_CODE_MAX];

		period_code(r->trend[t], code);
		xw_text(&s, 0, (uint16_t)(ncols + t), code, XW_HEADER);
	}
	for (size_t k = 0; k < m->nkpis; k++) {
		const struct kpi *kp = &m->kpis[k];
		const struct kpi_result *kr = &r->kpis[k];
		const struct measure *ms = &m->measures[kp->measure];
		const struct division *dv = &m->divisions[ms->lead];
		uint32_t row = (uint32_t)k + 1;

		xw_text(&s, row, 0, kp->id, XW_TEXT);
		xw_text(&s, row, 1, ms->id, XW_TEXT);
		xw_text(&s, row, 2, ms->name, XW_TEXT);
		xw_text(&s, row, 3, m->departments[dv->dept].name, XW_TEXT);
		xw_text(&s, row, 4, dv->code, XW_TEXT);
		xw_text(&s, row, 5, dv->name, XW_TEXT);
		xw_text(&s, row, 6, kp->name, XW_TEXT);
		xw_text(&s, row, 7, kp->unit, XW_TEXT);
		xw_number(&s, row, 8, kp->baseline, XW_NUM);
		period_cell(&s, row, 9, kp->baseline_period);
		xw_number(&s, row, 10, kp->target, XW_NUM);
		period_cell(&s, row, 11, kp->target_period);
		if (kr->actual)
			xw_number(&s, row, 12, kr->actual->value, XW_NUM);
		if (kr->previous) {
			xw_number(&s, row, 13, kr->previous->value, XW_NUM);
			period_cell(&s, row, 14, kr->previous->period);
		}
		if (kr->actual)
			xw_number(&s, row, 15, kr->progress, XW_PCT);
		xw_number(&s, row, 16, kr->expected, XW_PCT);
		xw_text(&s, row, 17, status_word(kr->status), XW_TEXT);
		xw_text(&s, row, 18, kr->actual ? kr->actual->comment : NULL, XW_TEXT);
		for (size_t t = 0; t < r->ntrend; t++) {
			const struct actual *a = model_actual_at(m, k, r->trend[t]);

			if (a)
				xw_number(&s, row, (uint16_t)(ncols + t), a->value, XW_NUM);
		}
	}
	xw_finish_table(&s);
}

/* -- マイルストーン */

static void sheet_milestones(struct ctx *c)
{
	static const char *const hdr[] = {"マイルストーンID", "施策ID",   "施策名",   "部",
					  "課コード",         "課",       "内容",     "期限",
					  "報告状況",         "報告期間", "進捗率",   "状況",
					  "コメント"};
	const struct model *m = c->m;
	struct xw_sheet s;

	if (!xw_sheet(&c->b, &s, "マイルストーン"))
		return;
	xw_header(&s, 0, hdr, ARRAY_LEN(hdr));
	for (size_t i = 0; i < m->nmilestones; i++) {
		const struct milestone *mi = &m->milestones[i];
		const struct milestone_result *mr = &c->r->milestones[i];
		const struct measure *ms = &m->measures[mi->measure];
		const struct division *dv = &m->divisions[ms->lead];
		uint32_t row = (uint32_t)i + 1;

		xw_text(&s, row, 0, mi->id, XW_TEXT);
		xw_text(&s, row, 1, ms->id, XW_TEXT);
		xw_text(&s, row, 2, ms->name, XW_TEXT);
		xw_text(&s, row, 3, m->departments[dv->dept].name, XW_TEXT);
		xw_text(&s, row, 4, dv->code, XW_TEXT);
		xw_text(&s, row, 5, dv->name, XW_TEXT);
		xw_text(&s, row, 6, mi->description, XW_TEXT);
		period_cell(&s, row, 7, mi->due);
		if (mr->report) {
			xw_text(&s, row, 8, status_word(mr->report->status), XW_TEXT);
			period_cell(&s, row, 9, mr->report->period);
			if (mr->report->has_progress)
				xw_number(&s, row, 10, mr->report->progress / 100, XW_PCT);
			xw_text(&s, row, 12, mr->report->comment, XW_TEXT);
		}
		xw_text(&s, row, 11, status_word(mr->status), XW_TEXT);
	}
	xw_finish_table(&s);
}

/* -- 業務量削減 */

static void sheet_workload(struct ctx *c)
{
	static const char *const hdr[] = {"部",       "課コード", "課",       "取組",
					  "施策ID",   "削減時間", "報告期間", "削減率に算入",
					  "コメント"};
	const struct model *m = c->m;
	struct xw_sheet s;

	if (!xw_sheet(&c->b, &s, "業務量削減"))
		return;
	xw_header(&s, 0, hdr, ARRAY_LEN(hdr));
	for (size_t i = 0; i < c->r->nworkload_used; i++) {
		const struct workload *w = &m->workloads[c->r->workload_used[i]];
		const struct division *dv = &m->divisions[w->division];
		uint32_t row = (uint32_t)i + 1;

		xw_text(&s, row, 0, m->departments[dv->dept].name, XW_TEXT);
		xw_text(&s, row, 1, dv->code, XW_TEXT);
		xw_text(&s, row, 2, dv->name, XW_TEXT);
		xw_text(&s, row, 3, w->initiative, XW_TEXT);
		if (w->measure >= 0)
			xw_text(&s, row, 4, m->measures[w->measure].id, XW_TEXT);
		xw_number(&s, row, 5, w->hours, XW_NUM);
		period_cell(&s, row, 6, w->period);
		xw_text(&s, row, 7, dv->has_baseline ? "はい" : "いいえ（基準業務量なし）", XW_TEXT);
		xw_text(&s, row, 8, w->comment, XW_TEXT);
	}
	xw_finish_table(&s);
}

/* -- 未提出 */

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
	for (size_t i = 0; i < m->nsubmitted; i++)
		if (m->submitted[i].period <= r->period && m->submitted[i].period > last[m->submitted[i].division])
			last[m->submitted[i].division] = m->submitted[i].period;
	if (xw_sheet(&c->b, &s, "未提出")) {
		xw_header(&s, 0, hdr, ARRAY_LEN(hdr));
		for (size_t i = 0; i < r->nmissing; i++) {
			size_t d = r->missing[i];
			const struct division *dv = &m->divisions[d];
			uint32_t row = (uint32_t)i + 1;

			xw_text(&s, row, 0, dv->code, XW_TEXT);
			xw_text(&s, row, 1, m->departments[dv->dept].name, XW_TEXT);
			xw_text(&s, row, 2, dv->name, XW_TEXT);
			xw_number(&s, row, 3, (double)nk[d], XW_INT);
			xw_number(&s, row, 4, (double)nm[d], XW_INT);
			period_cell(&s, row, 5, last[d]);
		}
		xw_finish_table(&s);
	}
	free(nk);
	free(nm);
	free(last);
}

/* -- 入力エラー */

static void sheet_errors(struct ctx *c)
{
	static const char *const hdr[] = {"重要度", "ファイル", "シート", "行",
					  "列",     "値",       "コード", "メッセージ"};
	struct xw_sheet s;

	if (!xw_sheet(&c->b, &s, "入力エラー"))
		return;
	xw_header(&s, 0, hdr, ARRAY_LEN(hdr));
	for (size_t i = 0; i < c->d->n; i++) {
		const struct diag *g = &c->d->v[i];
		uint32_t row = (uint32_t)i + 1;

		xw_text(&s, row, 0, diag_code_severity(g->code) == SEV_ERROR ? "エラー" : "警告",
			XW_TEXT);
		xw_text(&s, row, 1, g->file, XW_TEXT);
		xw_text(&s, row, 2, g->sheet, XW_TEXT);
		if (g->row > 0)
			xw_number(&s, row, 3, g->row, XW_INT);
		xw_text(&s, row, 4, g->column, XW_TEXT);
		xw_text(&s, row, 5, g->value, XW_TEXT);
		xw_text(&s, row, 6, diag_code_name(g->code), XW_TEXT);
		xw_text(&s, row, 7, g->message, XW_TEXT);
	}
	xw_finish_table(&s);
}

time_t report_created_time(int period)
{
	/* 00:00 UTC on the last day of the period: from the data, never the clock */
	int fy = period_fy(period), q = period_quarter(period);
	int y = q == 4 ? fy + 1 : fy, m = q == 4 ? 3 : 3 * q + 3;
	static const int last_day[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	long days = 0;

	/* days from 1970-01-01 to y-m-last */
	for (int yy = 1970; yy < y; yy++)
		days += (yy % 4 == 0 && (yy % 100 != 0 || yy % 400 == 0)) ? 366 : 365;
	for (int mm = 1; mm < m; mm++)
		days += last_day[mm] + (mm == 2 && y % 4 == 0 && (y % 100 != 0 || y % 400 == 0));
	days += last_day[m] - 1;
	return (time_t)days * 86400;
}

bool report_summary_xlsx(const struct model *m, const struct result *r, const struct diags *d,
			 const char *path, struct strbuf *err)
{
	struct ctx c = {m, r, d, {0}};
	struct strbuf title = STRBUF_INIT;
	bool ok;

	sb_addf(&title, "抜本的な業務改革 四半期レビュー（%s）", m->settings->city);
	if (!xw_open(&c.b, path, report_created_time(r->period), sb_str(&title),
		     OWN_MARKER_SUMMARY)) {
		sb_release(&title);
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
	sheet_errors(&c);
	ok = xw_close(&c.b, err);
	sb_release(&title);
	return ok;
}
