/*
 * recognise.h - the table kinds of the contract §2 and their columns, and
 * recognising a grid's kind from its header row (the first row among the
 * first 10 that holds every required column of a kind).
 */
#ifndef KK_RECOGNISE_H
#define KK_RECOGNISE_H

#include "kaikaku.h"

#include "grid.h"
#include "strbuf.h"

enum table_kind {
	KIND_NONE = -1,
	KIND_DIVISIONS,
	KIND_MEASURES,
	KIND_KPIS,
	KIND_MILESTONES,
	KIND_KPI_ACTUALS,
	KIND_MILESTONE_STATUS,
	KIND_WORKLOAD,
	KIND__COUNT
};

enum column_id {
	COL_DIVISION_CODE,   /* 課コード */
	COL_DEPARTMENT,      /* 部 */
	COL_DIVISION,        /* 課 */
	COL_BASELINE_HOURS,  /* 基準業務量 */
	COL_MEASURE_ID,      /* 施策ID */
	COL_MEASURE_NAME,    /* 施策名 */
	COL_LEAD_DIVISION,   /* 主担当課 */
	COL_PILLAR,          /* 柱 */
	COL_FIELD,           /* 分野 */
	COL_SUMMARY,         /* 概要 */
	COL_APPROACH,        /* アプローチ */
	COL_KPI_ID,          /* KPI_ID */
	COL_KPI_NAME,        /* 指標名 */
	COL_UNIT,            /* 単位 */
	COL_BASELINE,        /* 基準値 */
	COL_BASELINE_PERIOD, /* 基準時点 */
	COL_TARGET,          /* 目標値 */
	COL_TARGET_PERIOD,   /* 目標時点 */
	COL_MILESTONE_ID,    /* マイルストーンID */
	COL_DESCRIPTION,     /* 内容 */
	COL_DUE,             /* 期限 */
	COL_ACTUAL,          /* 実績値 */
	COL_PERIOD,          /* 報告期間 */
	COL_COMMENT,         /* コメント */
	COL_STATUS,          /* 状況 */
	COL_PROGRESS,        /* 進捗率 */
	COL_INITIATIVE,      /* 取組 */
	COL_HOURS_SAVED,     /* 削減時間 */
	COL_ACTION,          /* 対応策 */
	COL_START,           /* 開始 */
	COL_CONTACT,         /* 連絡先 (課マスタ; issue 18) */
	COL__COUNT
};

#define KIND_MAX_COLUMNS 12

struct kind_def {
	const char *name; /* "kpi_actuals": the manifest's kind */
	const char *ja;   /* "KPI実績" */
	bool submission;
	enum column_id required[KIND_MAX_COLUMNS];
	size_t nrequired;
	enum column_id optional[KIND_MAX_COLUMNS];
	size_t noptional;
};

const struct kind_def *kind_def(enum table_kind k);
/* The Japanese header name ("実績値"). */
const char *column_ja(enum column_id c);

/* What recognise found in a grid. */
struct shape {
	enum table_kind kind;
	size_t header_index;             /* index into grid->rows */
	uint32_t header_row;             /* spreadsheet row number */
	int col[COL__COUNT];             /* grid column of each column of the kind, or -1 */
	const char *colname[COL__COUNT]; /* the header as written, or the Japanese name */
	/* duplicated headers of the kind's columns (all but the first are ignored) */
	enum column_id dup[COL__COUNT];
	size_t ndup;
};

/*
 * Recognises g. Returns false when no kind matched, with why (for people:
 * the nearest kind and its missing columns, or the kinds that tied) in why.
 * The shape's strings point into g.
 */
bool recognise(const struct grid *g, struct shape *out, struct strbuf *why);

#endif
