/*
 * explain.c - the reasons behind statuses (判定理由), from the same rules as
 * compute.c so that the words and the status cannot disagree.
 */
#include "kaikaku.h"

#include <math.h>

#include "explain.h"
#include "number.h"
#include "period.h"
#include "present.h"

static void percent(double fraction, struct strbuf *out)
{
	char buf[PRESENT_MAX];

	sb_adds(out, present_percent(fraction, buf));
}

static void code_of(int p, struct strbuf *out)
{
	char code[PERIOD_CODE_MAX];

	period_code(p, code);
	sb_adds(out, code);
}

void explain_kpi(const struct attribution *a, const struct result *r, size_t k, struct strbuf *out)
{
	const struct kpi_result *kr = &r->kpis[k];
	double on = r->params.on_track_factor, risk = r->params.at_risk_factor;
	char f[32];

	if (!kr->actual) {
		code_of(r->period, out);
		sb_adds(out, attribution_kpi_refused(a, k, r->period)
				     ? " の実績値は入力エラーで使えず"
				     : " の実績値の報告なし");
		if (kr->previous) {
			char v[40];

			number_format(kr->previous->value, v, sizeof(v));
			sb_adds(out, "（前回 ");
			code_of(kr->previous->period, out);
			sb_addf(out, ": %s）", v);
		}
		sb_addf(out, " → %s", status_word(kr->status));
		return;
	}
	sb_adds(out, "進捗率 ");
	percent(kr->progress, out);
	if (kr->status == ST_ACHIEVED) {
		sb_addf(out, " が 100%% 以上 → %s", status_word(kr->status));
		return;
	}
	sb_adds(out, "、期待進捗 ");
	percent(kr->expected, out);
	number_format(on, f, sizeof(f));
	sb_addf(out, " の %s 倍 = ", f);
	percent(on * kr->expected, out);
	if (kr->status == ST_ON_TRACK) {
		sb_addf(out, " 以上 → %s", status_word(kr->status));
		return;
	}
	sb_adds(out, " に届かず");
	number_format(risk, f, sizeof(f));
	sb_addf(out, "、%s 倍 = ", f);
	percent(risk * kr->expected, out);
	sb_addf(out, kr->status == ST_AT_RISK ? " 以上 → %s" : " にも届かず → %s",
		status_word(kr->status));
}

void explain_milestone(const struct model *m, const struct attribution *a, const struct result *r,
		       size_t i, struct strbuf *out)
{
	const struct milestone_result *mr = &r->milestones[i];
	const struct report *rp = mr->report;
	int due = m->milestones[i].due;

	if (attribution_milestone_refused(a, i, r->period)) {
		code_of(r->period, out);
		sb_adds(out, " の報告は入力エラーで使えず、");
	}
	if (mr->overdue) {
		sb_adds(out, "期限 ");
		code_of(due, out);
		sb_adds(out, " を過ぎて未完了（");
		if (rp) {
			sb_adds(out, "最新の報告 ");
			code_of(rp->period, out);
			sb_addf(out, ": %s", status_word(rp->status));
		} else {
			sb_adds(out, "報告なし");
		}
		sb_addf(out, "） → %s", status_word(mr->status));
		return;
	}
	if (!rp) {
		sb_adds(out, "報告なし、期限 ");
		code_of(due, out);
		sb_addf(out, " → %s", status_word(mr->status));
		return;
	}
	code_of(rp->period, out);
	sb_addf(out, " に「%s」と報告", status_word(rp->status));
	if (rp->has_progress) {
		char v[40];

		number_format(rp->progress, v, sizeof(v));
		sb_addf(out, "（進捗率 %s%%）", v);
	}
	if (mr->status != ST_DONE && mr->status != ST_CANCELLED) {
		sb_adds(out, "、期限 ");
		code_of(due, out);
	}
	sb_addf(out, " → %s", status_word(mr->status));
}

/* "KPI「K42-1」はマスタの行（…）がエラーのため使えません: <its error>" */
static void refused_items(const struct attribution *a, const struct diags *d, size_t i,
			  struct strbuf *out)
{
	const char *id;
	size_t n;
	const struct src *s = attribution_measure_refused(a, i, &id, &n);

	if (!s)
		return;
	sb_addf(out, "「%s」はマスタの", id);
	if (s->sheet)
		sb_addf(out, "シート「%s」", s->sheet);
	else
		sb_adds(out, s->file);
	sb_addf(out, " %d行目がエラーのため使えません", s->row);
	for (size_t j = 0; d && j < d->n; j++) {
		const struct diag *g = &d->v[j];

		if (g->row == s->row && g->file && strcmp(g->file, s->file) == 0 &&
		    ((!g->sheet && !s->sheet) ||
		     (g->sheet && s->sheet && !strcmp(g->sheet, s->sheet))) &&
		    diag_code_severity(g->code) == SEV_ERROR) {
			/* its first sentence: what is wrong */
			const char *end = strstr(g->message, "。");

			sb_adds(out, "（");
			if (end)
				sb_add(out, g->message, (size_t)(end - g->message) + strlen("。"));
			else
				sb_adds(out, g->message);
			sb_adds(out, "）");
			break;
		}
	}
	if (n > 1)
		sb_addf(out, "。ほかに %zu 件", n - 1);
}

void explain_measure(const struct model *m, const struct attribution *a, const struct diags *d,
		     const struct result *r, size_t i, struct strbuf *out)
{
	size_t nk = 0, nm = 0, open = 0;
	const char *worst_id = NULL;
	enum status worst = ST__COUNT;
	bool worst_is_kpi = false;

	/* the same walk as measure_status: the first of the worst, KPIs first */
	for (size_t j = 0; j < m->measures[i].nkpis; j++) {
		size_t k = m->measures[i].kpis[j];

		nk++;
		if (worst == ST__COUNT || status_rank(r->kpis[k].status) > status_rank(worst)) {
			worst = r->kpis[k].status;
			worst_id = m->kpis[k].id;
			worst_is_kpi = true;
		}
	}
	for (size_t j = 0; j < m->measures[i].nmilestones; j++) {
		size_t s = m->measures[i].milestones[j];
		enum status st;

		nm++;
		st = r->milestones[s].status;
		if (st == ST_CANCELLED)
			continue;
		open++;
		if (worst == ST__COUNT || status_rank(st) > status_rank(worst)) {
			worst = st;
			worst_id = m->milestones[s].id;
			worst_is_kpi = false;
		}
	}
	if (nk == 0 && nm == 0) {
		size_t refused;
		const char *id;

		if (a && attribution_measure_refused(a, i, &id, &refused)) {
			/* it has some in its master: say which was refused, and why */
			sb_adds(out, "KPI・マイルストーンがすべて使えない: ");
			refused_items(a, d, i, out);
			sb_addf(out, " → %s", status_word(r->measures[i]));
			return;
		}
		sb_addf(out, "KPI もマイルストーンもない → %s", status_word(r->measures[i]));
		return;
	}
	if (worst == ST__COUNT) {
		sb_addf(out, "KPI がなく、マイルストーンはすべて中止 → %s",
			status_word(r->measures[i]));
		return;
	}
	sb_addf(out, "KPI %zu 件・マイルストーン %zu 件", nk, nm);
	if (nm > open)
		sb_addf(out, "（中止 %zu 件を除く）", nm - open);
	sb_addf(out, "のうち最も悪いもの: %s %s の「%s」 → %s",
		worst_is_kpi ? "KPI" : "マイルストーン", worst_id, status_word(worst),
		status_word(r->measures[i]));
}
