/*
 * recognise.c - table kinds by their header row (contract §2).
 */
#include "kaikaku.h"

#include <pthread.h>

#include "hashmap.h"
#include "recognise.h"
#include "utf8.h"

#define HEADER_ROWS 10

static const struct {
	const char *ja, *alias;
} columns[COL__COUNT] = {
	[COL_DIVISION_CODE] = {"課コード", "division_code"},
	[COL_DEPARTMENT] = {"部", "department"},
	[COL_DIVISION] = {"課", "division"},
	[COL_BASELINE_HOURS] = {"基準業務量", "baseline_hours"},
	[COL_MEASURE_ID] = {"施策ID", "measure_id"},
	[COL_MEASURE_NAME] = {"施策名", "measure_name"},
	[COL_LEAD_DIVISION] = {"主担当課", "lead_division"},
	[COL_PILLAR] = {"柱", "pillar"},
	[COL_FIELD] = {"分野", "field"},
	[COL_SUMMARY] = {"概要", "summary"},
	[COL_APPROACH] = {"アプローチ", "approach"},
	[COL_KPI_ID] = {"KPI_ID", "kpi_id"},
	[COL_KPI_NAME] = {"指標名", "kpi_name"},
	[COL_UNIT] = {"単位", "unit"},
	[COL_BASELINE] = {"基準値", "baseline"},
	[COL_BASELINE_PERIOD] = {"基準時点", "baseline_period"},
	[COL_TARGET] = {"目標値", "target"},
	[COL_TARGET_PERIOD] = {"目標時点", "target_period"},
	[COL_MILESTONE_ID] = {"マイルストーンID", "milestone_id"},
	[COL_DESCRIPTION] = {"内容", "description"},
	[COL_DUE] = {"期限", "due"},
	[COL_ACTUAL] = {"実績値", "actual"},
	[COL_PERIOD] = {"報告期間", "period"},
	[COL_COMMENT] = {"コメント", "comment"},
	[COL_STATUS] = {"状況", "status"},
	[COL_PROGRESS] = {"進捗率", "progress"},
	[COL_INITIATIVE] = {"取組", "initiative"},
	[COL_HOURS_SAVED] = {"削減時間", "hours_saved"},
	[COL_ACTION] = {"対応策", "action"},
	[COL_START] = {"開始", "start"},
	[COL_CONTACT] = {"連絡先", "contact"},
};

static const struct kind_def kinds[KIND__COUNT] = {
	[KIND_DIVISIONS] = {"divisions",
			    "課マスタ",
			    false,
			    {COL_DIVISION_CODE, COL_DEPARTMENT, COL_DIVISION},
			    3,
			    {COL_BASELINE_HOURS, COL_CONTACT},
			    2},
	[KIND_MEASURES] = {"measures",
			   "施策マスタ",
			   false,
			   {COL_MEASURE_ID, COL_MEASURE_NAME, COL_LEAD_DIVISION, COL_PILLAR},
			   4,
			   {COL_FIELD, COL_SUMMARY, COL_APPROACH},
			   3},
	[KIND_KPIS] = {"kpis",
		       "KPIマスタ",
		       false,
		       {COL_KPI_ID, COL_MEASURE_ID, COL_KPI_NAME, COL_UNIT, COL_BASELINE,
			COL_BASELINE_PERIOD, COL_TARGET, COL_TARGET_PERIOD},
		       8,
		       {0},
		       0},
	[KIND_MILESTONES] = {"milestones",
			     "マイルストーン",
			     false,
			     {COL_MILESTONE_ID, COL_MEASURE_ID, COL_DESCRIPTION, COL_DUE},
			     4,
			     {COL_START},
			     1},
	[KIND_KPI_ACTUALS] = {"kpi_actuals",
			      "KPI実績",
			      true,
			      {COL_KPI_ID, COL_ACTUAL},
			      2,
			      {COL_PERIOD, COL_DIVISION, COL_COMMENT, COL_ACTION},
			      4},
	[KIND_MILESTONE_STATUS] = {"milestone_status",
				   "マイルストーン状況",
				   true,
				   {COL_MILESTONE_ID, COL_STATUS},
				   2,
				   {COL_PERIOD, COL_DIVISION, COL_PROGRESS, COL_COMMENT,
				    COL_ACTION},
				   5},
	[KIND_WORKLOAD] = {"workload",
			   "業務量削減",
			   true,
			   {COL_DIVISION, COL_INITIATIVE, COL_HOURS_SAVED},
			   3,
			   {COL_PERIOD, COL_MEASURE_ID, COL_COMMENT},
			   3},
};

const struct kind_def *kind_def(enum table_kind k)
{
	return k >= 0 && k < KIND__COUNT ? &kinds[k] : NULL;
}

const char *column_ja(enum column_id c)
{
	return columns[c].ja;
}

/* The folded column names, made once (by whichever reading thread is first). */
static struct hmap column_map;
static char column_keys[2 * COL__COUNT][64];
static int column_ids[COL__COUNT];

static void column_map_build(void)
{
	for (int c = 0; c < COL__COUNT; c++) {
		struct strbuf sb = STRBUF_INIT;

		column_ids[c] = c;
		text_fold(&sb, columns[c].ja);
		snprintf(column_keys[2 * c], sizeof(column_keys[0]), "%s", sb_str(&sb));
		sb_reset(&sb);
		text_fold(&sb, columns[c].alias);
		snprintf(column_keys[2 * c + 1], sizeof(column_keys[0]), "%s", sb_str(&sb));
		sb_release(&sb);
		hmap_put(&column_map, column_keys[2 * c], &column_ids[c]);
		hmap_put(&column_map, column_keys[2 * c + 1], &column_ids[c]);
	}
}

/* The column a folded header names, or -1. */
static int column_of(const char *folded)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	void *v;

	pthread_once(&once, column_map_build);
	v = hmap_get(&column_map, folded);
	return v ? *(int *)v : -1;
}

struct header {
	int col[COL__COUNT];
	const char *text[COL__COUNT];
	bool dup[COL__COUNT];
};

static void read_header(const struct grid_row *r, struct header *h)
{
	struct strbuf f = STRBUF_INIT;

	for (int c = 0; c < COL__COUNT; c++) {
		h->col[c] = -1;
		h->text[c] = NULL;
		h->dup[c] = false;
	}
	for (uint32_t i = 0; i < r->ncells; i++) {
		const struct cell *cell = &r->cells[i];
		int id;

		if (cell->type != CELL_TEXT)
			continue;
		sb_reset(&f);
		text_fold(&f, cell->text);
		id = column_of(sb_str(&f));
		if (id < 0)
			continue;
		if (h->col[id] >= 0) {
			h->dup[id] = true;
			continue;
		}
		h->col[id] = (int)cell->col;
		h->text[id] = cell->text;
	}
	sb_release(&f);
}

static size_t present(const struct header *h, enum table_kind k)
{
	size_t n = 0;

	for (size_t i = 0; i < kinds[k].nrequired; i++)
		if (h->col[kinds[k].required[i]] >= 0)
			n++;
	return n;
}

static bool matches(const struct header *h, enum table_kind k)
{
	return present(h, k) == kinds[k].nrequired;
}

/* The kind of a header row: a submission kind first, then the master kind
 * with the most required columns. KIND_NONE if nothing matched; *tie when
 * two kinds matched equally well. */
static enum table_kind choose(const struct header *h, bool *tie)
{
	enum table_kind best = KIND_NONE;

	*tie = false;
	for (int pass = 0; pass < 2 && best == KIND_NONE; pass++) {
		bool want_sub = pass == 0;

		for (int k = 0; k < KIND__COUNT; k++) {
			if (kinds[k].submission != want_sub || !matches(h, (enum table_kind)k))
				continue;
			if (best == KIND_NONE || kinds[k].nrequired > kinds[best].nrequired) {
				best = (enum table_kind)k;
				*tie = false;
			} else if (kinds[k].nrequired == kinds[best].nrequired) {
				*tie = true;
			}
		}
	}
	return best;
}

static void fill_shape(const struct grid *g, size_t idx, const struct header *h, enum table_kind k,
		       struct shape *out)
{
	const struct kind_def *def = &kinds[k];

	out->kind = k;
	out->header_index = idx;
	out->header_row = g->rows[idx].row;
	out->ndup = 0;
	for (int c = 0; c < COL__COUNT; c++) {
		out->col[c] = -1;
		out->colname[c] = columns[c].ja;
	}
	for (size_t pass = 0; pass < 2; pass++) {
		const enum column_id *cols = pass ? def->optional : def->required;
		size_t n = pass ? def->noptional : def->nrequired;

		for (size_t i = 0; i < n; i++) {
			enum column_id c = cols[i];

			out->col[c] = h->col[c];
			if (h->text[c])
				out->colname[c] = h->text[c];
			if (h->dup[c])
				out->dup[out->ndup++] = c;
		}
	}
}

bool recognise(const struct grid *g, struct shape *out, struct strbuf *why)
{
	struct header h;
	enum table_kind near = KIND_NONE;
	size_t near_idx = 0;
	double near_score = 0;

	memset(out, 0, sizeof(*out));
	out->kind = KIND_NONE;
	for (size_t i = 0; i < g->nrows && g->rows[i].row <= HEADER_ROWS; i++) {
		bool tie;
		enum table_kind k;

		read_header(&g->rows[i], &h);
		k = choose(&h, &tie);
		if (k != KIND_NONE && tie) {
			sb_addf(why,
				"%u行目の見出しが複数の種類の表に当てはまり、種類を決められません",
				g->rows[i].row);
			return false;
		}
		if (k != KIND_NONE) {
			fill_shape(g, i, &h, k, out);
			return true;
		}
		for (int kk = 0; kk < KIND__COUNT; kk++) {
			size_t have = present(&h, (enum table_kind)kk);
			double score = (double)have / (double)kinds[kk].nrequired;

			if (have && score > near_score) {
				near_score = score;
				near = (enum table_kind)kk;
				near_idx = i;
			}
		}
	}
	if (near == KIND_NONE) {
		sb_adds(why, "1〜10行目に、どの種類の表の見出し行も見つかりません");
		return false;
	}
	read_header(&g->rows[near_idx], &h);
	sb_addf(why, "最も近いのは %s（%s）の見出しですが、%u行目に必要な列", kinds[near].ja,
		kinds[near].name, g->rows[near_idx].row);
	{
		bool first = true;

		for (size_t i = 0; i < kinds[near].nrequired; i++) {
			enum column_id c = kinds[near].required[i];

			if (h.col[c] >= 0)
				continue;
			sb_addf(why, "%s「%s」", first ? "" : "・", columns[c].ja);
			first = false;
		}
	}
	sb_adds(why, "がありません");
	return false;
}
