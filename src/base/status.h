/*
 * status.h - the status words of the contract §3, and the five words a
 * division may report for a milestone (§2).
 */
#ifndef KK_STATUS_H
#define KK_STATUS_H

#include "kaikaku.h"

enum status {
	ST_ACHIEVED,     /* 達成 */
	ST_ON_TRACK,     /* 順調 */
	ST_AT_RISK,      /* 注意 */
	ST_DELAYED,      /* 遅延 (KPI behind, milestone delayed or overdue) */
	ST_NOT_REPORTED, /* 未報告 */
	ST_NOT_STARTED,  /* 未着手 */
	ST_IN_PROGRESS,  /* 進行中 */
	ST_DONE,         /* 完了 */
	ST_CANCELLED,    /* 中止 */
	ST__COUNT
};

/* The Japanese word written in every output ("順調"). */
const char *status_word(enum status s);
/* Rank in the measure order 遅延 > 注意 > 未報告 > 未着手 > 進行中 > 順調 >
 * 達成 > 完了: a higher rank is worse. 中止 ranks lowest (it is left out). */
int status_rank(enum status s);
/* A status a division reports for a milestone: 未着手 進行中 完了 遅延 中止
 * or their aliases, compared after folding. */
bool status_parse_reported(const char *s, enum status *out);

/* Colours (0xRRGGBB): a cell's fill and text, and a chart's bars; each
 * status its own, legible on paper in colour and in grey. */
struct status_colours {
	uint32_t fill, text, chart;
};
const struct status_colours *status_colour(enum status s);

/* The statuses a KPI can have, in display order. */
extern const enum status status_kpi_order[5];
/* The statuses a milestone can have. */
extern const enum status status_milestone_order[5];
/* The statuses a measure can have, from best to worst then 中止. */
extern const enum status status_measure_order[9];

#endif
