/*
 * sheet_grid.h - 提出状況, the grid a PMO officer chases submissions with
 * (issue 13): one row per division, one column per period of the input up
 * to P, each cell ○ (sent, every row accepted), △ (sent, some or all of it
 * refused) or × (nothing sent), in its status colours, then the division's
 * share of its KPIs and open milestones reported for P; the divisions to
 * chase first.
 */
#ifndef KK_SHEET_GRID_H
#define KK_SHEET_GRID_H

#include "kaikaku.h"

#include "render.h"
#include "xlsx_write.h"

#define SHEET_GRID "提出状況"

enum grid_mark { GRID_NONE, GRID_OK, GRID_PARTLY };

/* The marks: [ndivisions * nperiods], periods ascending up to P (owned). */
struct grid_marks {
	int *periods;
	size_t nperiods;
	enum grid_mark *mark;
};

/* From the parsed rows, their owners and the error records (pure). */
void grid_marks_build(const struct render_input *in, struct grid_marks *g);
void grid_marks_release(struct grid_marks *g);

void sheet_grid(struct xw_book *b, const struct render_input *in, const char *title,
		const char *period);

#endif
