/*
 * present.h - the presentation facts every output shares, in one place: the
 * title, the period's labels, the document date, and how numbers, percents
 * and hours are written for people. No renderer formats these itself.
 */
#ifndef KK_PRESENT_H
#define KK_PRESENT_H

#include "kaikaku.h"

#include <time.h>

#include "briefing.h"
#include "compute.h"
#include "period.h"
#include "status.h"
#include "strbuf.h"

/* The outputs' file names, with the period code for %s. */
#define FILE_SUMMARY "summary_%s.xlsx"
#define FILE_REVIEW "review_%s.pdf"
#define FILE_ERRORS "errors_%s.csv"
#define FILE_MANIFEST "manifest.json"
#define FILE_OPENDATA "opendata/kaikaku_kpi_%s.csv"
#define DIR_PUBLIC "public"
#define FILE_FEED "feed.xml" /* in the output folder itself */
#define DIR_HANDOUT "配布"   /* what each department receives (out_handout.c) */
#define FILE_HANDOUT_LIST "配布/配布一覧.csv"

/* pattern (one of FILE_*) with the period code in place of its %s. */
void present_file_name(const char *pattern, const char *code, struct strbuf *out);
/* A stage's name on the terminal's progress line (KAIKAKU_TIMING's lap names:
 * "read", "xlsx", "pdf", …; NULL for the outputs written alone). */
const char *present_stage_words(const char *stage);

/* Big enough for any text a present_* formatter writes. */
#define PRESENT_MAX 64

/* The labels of one run's report period P, made once (present_labels). */
struct labels {
	int period;
	char title[256];       /* "抜本的な業務改革 四半期レビュー（印西市）" */
	char doc_title[192];   /* "抜本的な業務改革 四半期レビュー": the layout's */
	char city[64];         /* "印西市" */
	char period_long[128]; /* "令和8年度 第3四半期（2026年10月〜12月）" */
	char period_short[64]; /* "R8年度 第3四半期" */
	char code[PERIOD_CODE_MAX]; /* "2026Q3": for files, sheets scripts read, IDs */
	char next_code[PERIOD_CODE_MAX];
	char next_long[128];  /* P + 1, for the feedback workbook's submission */
	time_t created;       /* the document date (present_created) */
	const char *stage;    /* "速報" until the quarter is closed, then "確定" */
	char book_title[300]; /* the workbooks' title: title and stage */
};

/* doc_title is the layout's title (templates/review.xml), city the settings';
 * final: the quarter is closed (kaikaku close). */
void present_labels(struct labels *l, const char *doc_title, const char *city, int period,
		    bool final);

/* The document date of every output for period p: 00:00 UTC on its last
 * day, from the data and never the clock, so reruns are byte-identical. */
time_t present_created(int period);

/* The last day of period p as "2026-12-31" (11 bytes with the NUL). */
void present_period_end(int period, char buf[PRESENT_MAX]);

/* "R8年度 第3四半期": the short label where space is tight. */
void present_period_short(int period, struct strbuf *out);

/* "R9年度末" for a fourth quarter, else "R9年度 第2四半期": a due period. */
void present_period_due(int period, struct strbuf *out);
/* The submission deadline of period: due_days after its last day, as
 * "2027年4月15日（木）" (contract §2). */
void present_deadline(int period, int due_days, struct strbuf *out);

/* "R8年度Q2": a period in a table's narrow column (never broken: no space). */
void present_period_compact(int period, struct strbuf *out);
/* "R6": a fiscal year on a chart's axis. */
void present_fy_short(int fiscal_year, struct strbuf *out);

/*
 * Numbers for people: thousands separators and at most one decimal
 * ("1,234,567", "12.5"), negatives with the Japanese minus "▲3". Each writes
 * into buf (PRESENT_MAX bytes) and returns it.
 */
const char *present_number(double v, char buf[PRESENT_MAX]);
/* A count with thousands separators: "1,733". */
const char *present_count(long long n, char buf[PRESENT_MAX]);
/* A fraction as a percentage with one decimal, never "-0.0", negatives
 * with ▲: "62.0%", "▲3.5%". */
const char *present_percent(double fraction, char buf[PRESENT_MAX]);

/* A change in a count: "+3", "▲2", "±0". */
const char *present_change(long long delta, char buf[PRESENT_MAX]);
/* A change in percentage points: "+1.2", "▲0.4", "±0.0". */
const char *present_points(double delta_fraction, char buf[PRESENT_MAX]);

/*
 * The KGI against its pace in the sentence a mayor reads in ten seconds:
 * "R9年度末に30.0%の目標に対し、現在 4.7%（期待 20.0%）。残り5四半期で毎期 5.1
 * ポイントの削減が必要です（これまでは毎期 0.5 ポイント）。" (or that it is
 * reached, past its due period, or cannot be computed); appended to out.
 */
void present_kgi_sentence(const struct kgi_pace *kp, int period, int due, struct strbuf *out);

/* A status's mark, so that it reads without colour (greyscale print,
 * colour-vision deficiencies): 達成 ◎, 順調 ○, 注意 △, 遅延 ×, 未報告 ？,
 * 未着手 －, 進行中 ▷, 完了 ●, 中止 ／. */
const char *present_status_mark(enum status s);

/* The kind of an item ("kpi", "milestone", "workload") for people: "KPI",
 * "マイルストーン", "業務量削減". */
const char *present_item_kind(const char *kind);
/* The word for a briefing item's kind: 施策, KPI, マイルストーン. */
const char *present_ref_kind(enum item_kind kind);

/* A round step for a chart's axis up to max (finite, > 0): the smallest of
 * 1, 2, 2.5 and 5 times a power of ten, from 1%, that gives at most steps
 * steps, whatever the size of max, so that a chart has a bounded number of
 * grid lines (an implausible rate of 10^12 % included). */
double present_axis_step(double max, int steps);

/* "エラー" or "警告": a record's severity for people. */
const char *present_severity(bool error);

#endif
