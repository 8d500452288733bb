/*
 * attribution.h - for the outputs, who owns what the model decided: the
 * division each submission row and each input file concerns (so that every
 * error reaches the division that must fix it), and the reports that were
 * sent but refused (so that 判定理由 says "入力エラーで使えず", not "報告なし").
 * Built from the model and the parsed tables after model_build; decides
 * nothing.
 */
#ifndef KK_ATTRIBUTION_H
#define KK_ATTRIBUTION_H

#include "kaikaku.h"

#include "arena.h"
#include "diag.h"
#include "hashmap.h"
#include "model.h"
#include "parse.h"
#include "strbuf.h"

/*
 * Owned by whoever builds it (attribution_build / attribution_release),
 * apart from the model. It borrows the parsed tables' file names: the parsed
 * tables must outlive it. It keeps no pointer to the model.
 */
struct attribution {
	struct arena arena;
	struct hmap rows;        /* "file\x1fsheet" -> its rows' owners and periods */
	struct hmap file_owners; /* file -> struct owners */
	struct hmap guessed;     /* file -> 1: its owner read from its name or folder */
	struct hmap refused;     /* "k|kpi|period", "m|milestone|period": a report was refused */
	/* per accepted measure, the first of its KPI or milestone master rows that
	 * were refused (so 判定理由 says why a measure has none): [nmeasures] */
	const struct src **refused_item;
	const char **refused_id;
	size_t *refused_items;
};

/* The divisions an input file concerns. */
struct owners {
	size_t *v;
	size_t n;
};

/* The key of a row of the input, "file\x1fsheet\x1frow", into sb (whose
 * text it returns): how every per-row lookup of the outputs names a row. */
const char *attribution_row_key(struct strbuf *sb, const char *file, const char *sheet, int row);

/* a from the rows of p that m (built from p) decided. */
void attribution_build(struct attribution *a, const struct model *m, const struct parsed *p);
void attribution_release(struct attribution *a);

/*
 * The division a submission row concerns (its 課 cell, else the owner of its
 * KPI or milestone), accepted or not; -1 when none can be told.
 */
long attribution_row_division(const struct attribution *a, const char *file, const char *sheet,
			      int row);
/* The divisions a file concerns (from its rows, or for a file refused as a
 * whole from a division code or name in its file name); NULL for none. */
const struct owners *attribution_file_divisions(const struct attribution *a, const char *file);

/* True when a report for KPI k (or milestone i) and period was sent but
 * refused with an error: 判定理由 then says so instead of "no report". */
bool attribution_kpi_refused(const struct attribution *a, size_t k, int period);
bool attribution_milestone_refused(const struct attribution *a, size_t i, int period);

/* True when division d sent a report for period of one of its KPIs or
 * milestones and it was refused (so 未提出 says "sent, none accepted"). */
bool attribution_division_refused(const struct attribution *a, const struct model *m, size_t d,
				  int period);

/* The first of measure i's KPI and milestone master rows that were refused,
 * with its ID and how many were; NULL when none was. */
const struct src *attribution_measure_refused(const struct attribution *a, size_t i,
					      const char **id, size_t *count);

/*
 * Whether a record bears on period (contract §5): a whole file, a master
 * row, a row whose period could not be read, or a submission row for period
 * or the one before it; not a submission row of an older quarter or of a
 * later one.
 */
bool attribution_diag_bears_on(const struct attribution *a, const struct diag *g, int period);
/* How many of d's errors bear on period: the run's exit status is 1 when any
 * does (contract §5). */
size_t attribution_errors_bearing_on(const struct attribution *a, const struct diags *d,
				     int period);

/* The divisions an error record concerns (its row's, else its file's), at
 * most max of them into out; returns how many. */
size_t attribution_diag_owners(const struct attribution *a, const struct diag *g, size_t *out,
			       size_t max);
/* Whether the record's division was read from its file's name or folder
 * (a file with no 課 column and no row that names a known item). */
bool attribution_diag_guessed(const struct attribution *a, const struct diag *g);
/* Their names, joined with "・", appended to out, with "（ファイル名から）"
 * when they were read from the file's name. */
void attribution_diag_divisions(const struct attribution *a, const struct model *m,
				const struct diag *g, struct strbuf *out);

#endif
