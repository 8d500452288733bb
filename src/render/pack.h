/*
 * pack.h - the review packs' shared state and drawing helpers, for the
 * modules that draw their sections: out_review.c (the packs, cover, contents
 * and detail sections), pack_brief.c (総括 and the KGI's pace chart) and
 * pack_roadmap.c (ロードマップ). Nothing outside the packs includes it.
 */
#ifndef KK_PACK_H
#define KK_PACK_H

#include "kaikaku.h"

#include "pdf_draw.h"
#include "pdf_template.h"
#include "render.h"

#define INK 0x1A1A1A
#define GREY 0x595959
#define NAVY 0x1F3864
#define ACCENT 0x305496
#define TARGET 0xC00000
#define BODY 9.0
/* The contents list each division up to this many (in the pack's scope);
 * beyond, departments only: the bookmarks still hold every division. */
#define TOC_DIVISIONS_MAX 200
#define SMALL 8.0 /* tables: nothing smaller (print) */

struct toc_entry {
	char *title;
	int level;
	size_t page; /* index into p->pages */
	double y;
};

/* The records' owners and whether each bears on P, found once for every
 * pack (the plan's, shared by the workers). */
#define DIAG_OWNERS_MAX 8
struct diag_index {
	bool *bears;            /* [d->n] */
	unsigned char *nowners; /* [d->n] */
	size_t *owners;         /* [d->n * DIAG_OWNERS_MAX] */
};

struct pack {
	const struct render_input *in;
	const struct diag_index *di;
	const struct model *m;
	const struct result *r;
	const struct result *prev;
	const struct diags *d;
	const struct review_template *t;
	const char *errors_csv; /* its file name, for the appendix */
	const char *summary;    /* the summary workbook's, for lists cut short */
	long dept;              /* -1: the whole city */
	struct pdf p;
	double cw; /* content width */
	struct toc_entry *toc;
	size_t ntoc, cap_toc;
	size_t toc_first, toc_pages; /* the reserved contents pages */
	HPDF_Outline dept_outline;   /* "部別の状況" */
	bool toc_divisions;          /* the contents list the divisions (not in a big city) */
	char running[400];           /* the current heading, for tables that continue */
	const char *title, *period;
};

/* ---- scope: the whole city (dept < 0) or one department */
bool pack_division_in(const struct pack *k, size_t d);
bool pack_measure_in(const struct pack *k, size_t i);
const char *pack_division_name(const struct pack *k, size_t d);

/* ---- helpers */
/* present.h's number and percent formats into the caller's buffers */
void pack_num(double v, char *buf, size_t n);
void pack_pct(double fraction, char *buf, size_t n);
/* A section's first page (or, !new_page, at the cursor when 80 points are
 * left): its heading, a bookmark and a contents entry. */
HPDF_Outline pack_section(struct pack *k, const char *title, HPDF_Outline parent, int level,
			  bool new_page);
/* A paragraph of grey body text at the cursor. */
void pack_note(struct pack *k, const char *text);
/* A round step for a rate axis up to max, and the top of a rate axis above
 * the target and every finite value. */
double pack_axis_step(double max);
double pack_chart_scale(double target, const double *v, size_t n);
/* What each status means, in words, with the factors in use. */
void pack_legend(struct pack *k);

/* ---- the sections of other modules */
void pack_brief(struct pack *k, const struct section *s);                   /* pack_brief.c */
void pack_kgi_pace_chart(struct pack *k, const char *title, double height); /* pack_brief.c */
void pack_roadmap(struct pack *k, const struct section *s);                 /* pack_roadmap.c */

#endif
