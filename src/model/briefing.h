/*
 * briefing.h - the briefing figures of the contract §3 and §4, computed once
 * for every output that briefs (the pack's 総括, the summary's 概要, the
 * feedback workbooks, the manifest, the public page): the KGI's pace, what
 * changed since P − 1 (worse and improved items), the items most behind,
 * the items behind without a 対応策 (W_NO_ACTION) and each division's
 * submission completeness. Pure, like compute: from the model and the
 * results at P and P − 1.
 */
#ifndef KK_BRIEFING_H
#define KK_BRIEFING_H

#include "kaikaku.h"

#include "compute.h"
#include "diag.h"
#include "model.h"

enum item_kind { ITEM_MEASURE, ITEM_KPI, ITEM_MILESTONE };

/* A measure, KPI or milestone with its status at P − 1 and at P. */
struct item_ref {
	enum item_kind kind;
	size_t item; /* index into the model's measures, kpis or milestones */
	size_t measure;
	enum status before, now;
};

/* A division's submission completeness at P: its KPIs and open milestones
 * (not 完了 or 中止 at P − 1), and how many of them have an accepted report
 * for P. */
struct completeness {
	int owed, reported;
};

struct briefing {
	int period, start, due; /* P and the KGI's settings */
	struct kgi_pace kgi;    /* the city's KGI at P */
	/* worse and improved since P − 1: measures, then KPIs, then milestones,
	 * each in master order */
	struct item_ref *worse, *improved;
	size_t nworse, nimproved;
	/* KPIs and milestones at 遅延 or 注意 at P, most behind first (RULES.md) */
	struct item_ref *behind;
	size_t nbehind;
	/* KPIs and milestones at 注意 or 遅延 without a 対応策 for P: KPIs then
	 * milestones, by ID (the manifest's no_action) */
	struct item_ref *no_action;
	size_t nno_action;
	bool *kpi_no_action, *milestone_no_action; /* per item */
	struct completeness *divisions;            /* per division */
	struct completeness city;
};

struct briefing_params {
	double kgi_target, on_track, at_risk;
	int start, due;
};

void briefing_build(const struct model *m, const struct result *r, const struct result *prev,
		    const struct briefing_params *bp, struct briefing *out);
/* A warning W_NO_ACTION for each item of b->no_action: at its accepted row
 * for P, or at its master row when it has none (contract §2). */
void briefing_warn(const struct model *m, const struct result *r, const struct briefing *b,
		   struct diags *d);
void briefing_release(struct briefing *b);

/* The roadmap's fiscal years (contract §4: R6–R10 by default, widened to
 * every milestone's 開始 and 期限 and to P), over the measures for which in
 * (NULL: all) is true. */
void roadmap_years(const struct model *m, int period, bool (*in)(const void *ctx, size_t measure),
		   const void *ctx, int *first_fy, int *last_fy);

/* The item's ID, name and lead division, for any kind. */
const char *item_id(const struct model *m, const struct item_ref *it);
const char *item_name(const struct model *m, const struct item_ref *it);
/* Its 対応策 for P, or NULL. */
const char *item_action(const struct result *r, const struct item_ref *it);

#endif
