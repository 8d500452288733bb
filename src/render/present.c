/*
 * present.c - titles, period labels, the document date and number formats
 * for people (present.h).
 */
#include "kaikaku.h"

#include <math.h>

#include "present.h"

void present_labels(struct labels *l, const char *doc_title, const char *city, int period,
		    bool final)
{
	struct strbuf sb = STRBUF_INIT;

	memset(l, 0, sizeof(*l));
	l->period = period;
	snprintf(l->doc_title, sizeof(l->doc_title), "%s", doc_title);
	snprintf(l->city, sizeof(l->city), "%s", city);
	snprintf(l->title, sizeof(l->title), "%s（%s）", doc_title, city);
	period_label(period, &sb);
	snprintf(l->period_long, sizeof(l->period_long), "%s", sb_str(&sb));
	sb_reset(&sb);
	present_period_short(period, &sb);
	snprintf(l->period_short, sizeof(l->period_short), "%s", sb_str(&sb));
	sb_reset(&sb);
	period_code(period, l->code);
	period_code(period + 1, l->next_code);
	period_label(period + 1, &sb);
	snprintf(l->next_long, sizeof(l->next_long), "%s", sb_str(&sb));
	sb_release(&sb);
	l->created = present_created(period);
	l->stage = final ? "確定" : "速報";
	snprintf(l->book_title, sizeof(l->book_title), "%s【%s】", l->title, l->stage);
}

void present_file_name(const char *pattern, const char *code, struct strbuf *out)
{
	const char *at = strstr(pattern, "%s");

	if (!at) {
		sb_adds(out, pattern);
		return;
	}
	sb_add(out, pattern, (size_t)(at - pattern));
	sb_adds(out, code);
	sb_adds(out, at + 2);
}

static bool leap(int y)
{
	return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
}

time_t present_created(int period)
{
	/* 00:00 UTC on the last day of the period: from the data, never the clock */
	int fy = period_fy(period), q = period_quarter(period);
	int y = q == 4 ? fy + 1 : fy, m = q == 4 ? 3 : 3 * q + 3;
	static const int last_day[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	long days = 0;

	for (int yy = 1970; yy < y; yy++)
		days += leap(yy) ? 366 : 365;
	for (int mm = 1; mm < m; mm++)
		days += last_day[mm] + (mm == 2 && leap(y));
	days += last_day[m] - 1;
	return (time_t)days * 86400;
}

void present_period_end(int period, char buf[PRESENT_MAX])
{
	time_t t = present_created(period);
	struct tm tm;

	gmtime_r(&t, &tm);
	snprintf(buf, PRESENT_MAX, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

void present_period_short(int period, struct strbuf *out)
{
	int fy = period_fy(period);

	if (fy >= 2019)
		sb_addf(out, "R%d年度 第%d四半期", fy - 2018, period_quarter(period));
	else
		sb_addf(out, "%d年度 第%d四半期", fy, period_quarter(period));
}

void present_period_due(int period, struct strbuf *out)
{
	int fy = period_fy(period);

	if (period_quarter(period) != 4) {
		present_period_short(period, out);
		return;
	}
	if (fy >= 2019)
		sb_addf(out, "R%d年度末", fy - 2018);
	else
		sb_addf(out, "%d年度末", fy);
}

void present_deadline(int period, int due_days, struct strbuf *out)
{
	static const char *const wd[] = {"日", "月", "火", "水", "木", "金", "土"};
	time_t t = present_created(period) + (time_t)due_days * 86400;
	struct tm tm;

	gmtime_r(&t, &tm);
	sb_addf(out, "%d年%d月%d日（%s）", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
		wd[tm.tm_wday]);
}

void present_period_compact(int period, struct strbuf *out)
{
	int fy = period_fy(period);

	if (fy >= 2019)
		sb_addf(out, "R%d年度Q%d", fy - 2018, period_quarter(period));
	else
		sb_addf(out, "%d年度Q%d", fy, period_quarter(period));
}

void present_fy_short(int fy, struct strbuf *out)
{
	if (fy >= 2019)
		sb_addf(out, "R%d", fy - 2018);
	else
		sb_addf(out, "%d", fy);
}

const char *present_change(long long delta, char buf[PRESENT_MAX])
{
	char n[PRESENT_MAX];

	if (delta == 0)
		snprintf(buf, PRESENT_MAX, "±0");
	else
		snprintf(buf, PRESENT_MAX, "%s%s", delta > 0 ? "+" : "▲",
			 present_count(delta > 0 ? delta : -delta, n));
	return buf;
}

const char *present_points(double d, char buf[PRESENT_MAX])
{
	double v = round(d * 1000) / 10;

	if (!isfinite(v))
		snprintf(buf, PRESENT_MAX, "—");
	else if (v == 0)
		snprintf(buf, PRESENT_MAX, "±0.0");
	else
		snprintf(buf, PRESENT_MAX, "%s%.1f", v > 0 ? "+" : "▲", fabs(v));
	return buf;
}

void present_kgi_sentence(const struct kgi_pace *kp, int period, int due, struct strbuf *out)
{
	struct strbuf d = STRBUF_INIT;
	char rate[PRESENT_MAX], exp[PRESENT_MAX], tgt[PRESENT_MAX], n[PRESENT_MAX];

	present_period_due(due, &d);
	present_percent(kp->target, tgt);
	present_percent(kp->expected, exp);
	if (!kp->has_rate) {
		sb_addf(out, "%sに%sの目標。課マスタに基準業務量が入ると削減率を出せます。",
			sb_str(&d), tgt);
	} else {
		sb_addf(out, "%sに%sの目標に対し、現在 %s（期待 %s）。", sb_str(&d), tgt,
			present_percent(kp->rate, rate), exp);
		if (kp->status == ST_ACHIEVED) {
			sb_adds(out, "目標に達しています。");
		} else if (!kp->has_needed) {
			sb_adds(out, "目標の時期を過ぎ、まだ達していません。");
		} else {
			sb_addf(out, "残り%s四半期で毎期 %.1f ポイントの削減が必要です",
				present_count(due - period, n), round(kp->needed * 1000) / 10);
			if (kp->has_so_far)
				sb_addf(out, "（これまでは毎期 %.1f ポイント）",
					round(kp->so_far * 1000) / 10);
			sb_adds(out, "。");
		}
	}
	sb_release(&d);
}

const char *present_status_mark(enum status s)
{
	static const char *const marks[ST__COUNT] = {
		[ST_ACHIEVED] = "◎",    [ST_ON_TRACK] = "○",      [ST_AT_RISK] = "△",
		[ST_DELAYED] = "×",     [ST_NOT_REPORTED] = "？", [ST_NOT_STARTED] = "－",
		[ST_IN_PROGRESS] = "▷", [ST_DONE] = "●",          [ST_CANCELLED] = "／",
	};

	return s >= 0 && s < ST__COUNT ? marks[s] : "";
}

const char *present_number(double v, char buf[PRESENT_MAX])
{
	/* one decimal at most, "12.0" as "12", digits grouped by three */
	char raw[PRESENT_MAX], *dot;
	size_t len, i, o = 0;

	if (!isfinite(v)) {
		snprintf(buf, PRESENT_MAX, "—");
		return buf;
	}
	snprintf(raw, sizeof(raw), "%.1f", fabs(v));
	if ((dot = strstr(raw, ".0")) && dot[2] == '\0')
		*dot = '\0';
	dot = strchr(raw, '.');
	len = dot ? (size_t)(dot - raw) : strlen(raw);
	if (v < 0 && strcmp(raw, "0") != 0) {
		memcpy(buf, "▲", strlen("▲"));
		o = strlen("▲");
	}
	for (i = 0; i < len && o + 2 < PRESENT_MAX; i++) {
		buf[o++] = raw[i];
		if ((len - i - 1) % 3 == 0 && i + 1 < len)
			buf[o++] = ',';
	}
	for (; raw[i] && o + 1 < PRESENT_MAX; i++)
		buf[o++] = raw[i];
	buf[o] = '\0';
	return buf;
}

const char *present_count(long long n, char buf[PRESENT_MAX])
{
	return present_number((double)n, buf);
}

const char *present_percent(double fraction, char buf[PRESENT_MAX])
{
	double v = round(fraction * 1000) / 10; /* one decimal, no "-0.0" */

	if (!isfinite(v)) {
		snprintf(buf, PRESENT_MAX, "—");
		return buf;
	}
	if (v == 0)
		v = 0;
	/* negatives with the Japanese minus, as present_number */
	snprintf(buf, PRESENT_MAX, "%s%.1f%%", v < 0 ? "▲" : "", fabs(v));
	return buf;
}

double present_axis_step(double max, int steps)
{
	static const double mant[] = {1, 2, 2.5, 5};

	for (double unit = 0.01; unit < 1e300; unit *= 10)
		for (size_t i = 0; i < ARRAY_LEN(mant); i++)
			if (max / (mant[i] * unit) <= steps)
				return mant[i] * unit;
	return max;
}

const char *present_item_kind(const char *kind)
{
	return strcmp(kind, "kpi") == 0         ? "KPI"
	       : strcmp(kind, "milestone") == 0 ? "マイルストーン"
						: "業務量削減";
}

const char *present_ref_kind(enum item_kind kind)
{
	return kind == ITEM_MEASURE ? "施策" : kind == ITEM_KPI ? "KPI" : "マイルストーン";
}

const char *present_severity(bool error)
{
	return error ? "エラー" : "警告";
}

const char *present_stage_words(const char *stage)
{
	static const char *const words[][2] = {
		{"read", "読み込み"},
		{"compute", "集計"},
		{"write", "ブック・PDF・公開ページの作成"},
		{"history", "履歴の記録"},
		{"publish", "出力の入れ替え"},
	};

	for (size_t i = 0; stage && i < ARRAY_LEN(words); i++)
		if (strcmp(stage, words[i][0]) == 0)
			return words[i][1];
	return "そのほかの出力";
}
