/*
 * out_opendata.c - the open-data table of the KPIs for P (contract §6): one
 * header row, one value per cell, numbers as plain numbers with the unit in
 * its own column, dates as YYYY-MM-DD, the fiscal year as a number beside
 * its 令和 label, the city's code and name in every row; UTF-8, CRLF.
 */
#include "kaikaku.h"

#include <math.h>

#include "csv_write.h"
#include "fs.h"
#include "number.h"
#include "period.h"
#include "render.h"

/* The columns, documented in docs/運用ガイド.md (オープンデータの列). */
static const char *const columns[] = {
	"地方公共団体コード",
	"地方公共団体名",
	"年度",
	"年度（和暦）",
	"四半期",
	"期間コード",
	"基準日",
	"施策の柱",
	"施策ID",
	"施策名",
	"担当部",
	"担当課",
	"KPI_ID",
	"KPI名",
	"単位",
	"基準値",
	"基準値の時点",
	"目標値",
	"目標期限",
	"実績値",
	"前回実績値",
	"前回実績値の時点",
	"進捗率（%）",
	"期待進捗率（%）",
	"状況",
	"施策の状況",
};

static void field(struct strbuf *sb, const char *s, bool last)
{
	csv_field(sb, s);
	sb_adds(sb, last ? "\r\n" : ",");
}

static void number(struct strbuf *sb, double v)
{
	char buf[40];

	number_format(v, buf, sizeof(buf));
	field(sb, buf, false);
}

/* A fraction as a percentage number with one decimal ("62.5"). */
static void percent(struct strbuf *sb, double f)
{
	char buf[40];
	double v = round(f * 1000) / 10;

	number_format(v == 0 ? 0 : v, buf, sizeof(buf));
	field(sb, buf, false);
}

static void date(struct strbuf *sb, int period)
{
	char buf[PRESENT_MAX];

	present_period_end(period, buf);
	field(sb, buf, false);
}

static void opendata_csv(const struct render_input *in, struct strbuf *sb)
{
	const struct model *m = in->m;
	const struct result *r = in->r;
	const struct settings *s = in->s;
	struct strbuf fy = STRBUF_INIT;
	char pc[PERIOD_CODE_MAX], year[16], quarter[8];

	for (size_t c = 0; c < ARRAY_LEN(columns); c++)
		field(sb, columns[c], c + 1 == ARRAY_LEN(columns));
	period_fy_label(period_fy(r->period), &fy);
	period_code(r->period, pc);
	snprintf(year, sizeof(year), "%d", period_fy(r->period));
	snprintf(quarter, sizeof(quarter), "%d", period_quarter(r->period));
	for (size_t k = 0; k < m->nkpis; k++) {
		const struct kpi *kp = &m->kpis[k];
		const struct kpi_result *kr = &r->kpis[k];
		const struct measure *me = &m->measures[kp->measure];
		const struct division *dv = &m->divisions[me->lead];
		bool pillar = me->pillar >= 0 && (size_t)me->pillar < s->npillars;

		field(sb, s->city_code, false);
		field(sb, s->city, false);
		field(sb, year, false);
		field(sb, sb_str(&fy), false);
		field(sb, quarter, false);
		field(sb, pc, false);
		date(sb, r->period);
		field(sb, pillar ? s->pillars[me->pillar].name : "", false);
		field(sb, me->id, false);
		field(sb, me->name, false);
		field(sb, m->departments[dv->dept].name, false);
		field(sb, dv->name, false);
		field(sb, kp->id, false);
		field(sb, kp->name, false);
		field(sb, kp->unit, false);
		number(sb, kp->baseline);
		date(sb, kp->baseline_period);
		number(sb, kp->target);
		date(sb, kp->target_period);
		if (kr->actual)
			number(sb, kr->actual->value);
		else
			field(sb, "", false);
		if (kr->previous) {
			number(sb, kr->previous->value);
			date(sb, kr->previous->period);
		} else {
			field(sb, "", false);
			field(sb, "", false);
		}
		if (kr->actual)
			percent(sb, kr->progress);
		else
			field(sb, "", false);
		percent(sb, kr->expected);
		field(sb, status_word(kr->status), false);
		field(sb, status_word(r->measures[kp->measure]), true);
	}
	sb_release(&fy);
}

static bool write_opendata(const struct render_input *in, const char *path, struct strbuf *err)
{
	struct strbuf sb = STRBUF_INIT;
	char *dir = render_subdir(in, "opendata", err);
	bool ok = dir != NULL;

	free(dir);
	if (ok) {
		opendata_csv(in, &sb);
		ok = fs_write_file(path, sb.buf ? sb.buf : "", sb.len, err);
	}
	sb_release(&sb);
	return ok;
}

const struct output output_opendata = {
	.what = "オープンデータ（KPI の CSV）",
	.lap = "opendata",
	.file = FILE_OPENDATA,
	.write_file = write_opendata,
};
