/*
 * status.c - status words, aliases and the measure order.
 */
#include "kaikaku.h"

#include "status.h"
#include "strbuf.h"
#include "utf8.h"

static const struct {
	const char *word;
	const char *alias;
	int rank;
	bool reportable;
} statuses[ST__COUNT] = {
	[ST_ACHIEVED] = {"達成", "achieved", 1, false},
	[ST_ON_TRACK] = {"順調", "on_track", 2, false},
	[ST_AT_RISK] = {"注意", "at_risk", 7, false},
	[ST_DELAYED] = {"遅延", "delayed", 8, true},
	[ST_NOT_REPORTED] = {"未報告", "not_reported", 6, false},
	[ST_NOT_STARTED] = {"未着手", "not_started", 5, true},
	[ST_IN_PROGRESS] = {"進行中", "in_progress", 4, true},
	[ST_DONE] = {"完了", "done", 0, true},
	[ST_CANCELLED] = {"中止", "cancelled", -1, true},
};

const enum status status_kpi_order[5] = {ST_ACHIEVED, ST_ON_TRACK, ST_AT_RISK, ST_DELAYED,
					 ST_NOT_REPORTED};
const enum status status_milestone_order[5] = {ST_NOT_STARTED, ST_IN_PROGRESS, ST_DONE, ST_DELAYED,
					       ST_CANCELLED};
const enum status status_measure_order[9] = {ST_DONE,        ST_ACHIEVED,    ST_ON_TRACK,
					     ST_IN_PROGRESS, ST_NOT_STARTED, ST_NOT_REPORTED,
					     ST_AT_RISK,     ST_DELAYED,     ST_CANCELLED};

static const struct status_colours colours[ST__COUNT] = {
	[ST_ACHIEVED] = {0xC6E0B4, 0x1E5C1E, 0x548235},
	[ST_ON_TRACK] = {0xE2EFDA, 0x2E6B2E, 0xA9D08E},
	[ST_AT_RISK] = {0xFFEB9C, 0x7A4A00, 0xFFC000},
	[ST_DELAYED] = {0xFFC7CE, 0x9C0006, 0xC00000},
	[ST_NOT_REPORTED] = {0xD9D9D9, 0x333333, 0x808080},
	[ST_NOT_STARTED] = {0xFFF2CC, 0x6B5200, 0xFFE699},
	[ST_IN_PROGRESS] = {0xDDEBF7, 0x1F4E78, 0x9BC2E6},
	[ST_DONE] = {0xBDD7EE, 0x1F3864, 0x2F5597},
	[ST_CANCELLED] = {0xEDEDED, 0x6E6E6E, 0xD0CECE},
};

const struct status_colours *status_colour(enum status s)
{
	return &colours[(unsigned)s < ST__COUNT ? s : ST_NOT_REPORTED];
}

const char *status_word(enum status s)
{
	return (unsigned)s < ST__COUNT ? statuses[s].word : "";
}

int status_rank(enum status s)
{
	return (unsigned)s < ST__COUNT ? statuses[s].rank : -1;
}

bool status_parse_reported(const char *s, enum status *out)
{
	struct strbuf f = STRBUF_INIT;
	bool found = false;

	text_fold(&f, s);
	for (int i = 0; i < ST__COUNT && !found; i++) {
		if (!statuses[i].reportable)
			continue;
		if (strcmp(sb_str(&f), statuses[i].word) == 0 ||
		    strcmp(sb_str(&f), statuses[i].alias) == 0) {
			*out = (enum status)i;
			found = true;
		}
	}
	sb_release(&f);
	return found;
}
