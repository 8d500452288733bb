/*
 * settings.h - the settings the contract calls settings (status factors, KGI
 * target, pillars and their aliases, the city's name) and the reading limits,
 * from one XML file under templates/, with the contract's values as defaults.
 */
#ifndef KK_SETTINGS_H
#define KK_SETTINGS_H

#include "kaikaku.h"

#include "status.h"
#include "strbuf.h"

struct pillar {
	char *name;       /* 市民サービスの改善・向上 */
	char *short_name; /* 市民サービス (also an alias) */
	char **aliases;   /* citizen, ... */
	size_t naliases;
};

struct limits {
	uint64_t file_bytes;     /* bytes of one input file */
	uint64_t part_bytes;     /* decompressed bytes of one xlsx part */
	uint64_t workbook_bytes; /* decompressed bytes of all parts of one xlsx */
	uint64_t cells_per_sheet;
	uint64_t field_bytes; /* bytes of one CSV field or xlsx string */
	uint64_t text_bytes;  /* bytes of all cells' text of one xlsx, shared strings expanded */
};

/* The public progress page, its open data and the feed (contract §6). */
/* The public page's fixed words (<label id="..."> in <public>; plain text,
 * never a format): headings, notes, link texts. */
enum public_label {
	PL_SKIP,              /* the skip link */
	PL_CRUMBS,            /* the breadcrumbs' name */
	PL_FEED,              /* the feed's link in <head> */
	PL_TREND,             /* heading */
	PL_TREND_TABLE,       /* the chart's numbers */
	PL_PILLARS,           /* heading */
	PL_DEPARTMENTS,       /* heading */
	PL_DEPARTMENTS_NOTE,  /* under it */
	PL_DEPARTMENTS_TABLE, /* caption */
	PL_MEASURES,          /* heading of a pillar's or department's list */
	PL_NO_KPI,            /* a measure without KPIs */
	PL_PAGES,             /* the page links' name */
	PL_DATA,              /* heading */
	PL_DATA_NOTE,         /* how the CSV is made */
	PL_FEED_BEFORE,       /* "新しい四半期の公表は " */
	PL_FEED_LINK,         /* the link to feed.xml */
	PL_FEED_AFTER,        /* " でお知らせします。" */
	PL_LICENCE_NOTE,      /* after the licence's name */
	PL_MADE_BY,           /* the footer's last sentence */
	PL__COUNT
};

/* The label's id in settings.xml ("trend"), or NULL. */
const char *public_label_id(enum public_label l);

struct public_settings {
	char *base_url; /* where output/ is served: links and IDs of feed.xml */
	char *tag_date; /* YYYY-MM-DD: the date of the feed's tag URIs */
	bool comments;  /* publish the divisions' comments (default no) */
	char *title;    /* the page's title */
	char *source;   /* who made the data */
	char *licence;  /* 公共データ利用規約（第1.0版）（PDL1.0） */
	char *licence_url;
	char *labels[PL__COUNT];
};

struct settings {
	char *city;
	char *city_code;        /* 地方公共団体コード: 122319 */
	double on_track_factor; /* 0.9: progress >= 0.9 x expected is 順調 */
	double at_risk_factor;  /* 0.7: progress >= 0.7 x expected is 注意 */
	double kgi_target;      /* 0.30 */
	int kgi_start,
		kgi_due; /* periods: the reform's start (2024Q1), the target's due (2027Q4) */
	/* a quarter's submission is due this many days after its last day
	 * (contract §2, default 15), and whom divisions ask (the PMO's contact) */
	uint64_t due_days;
	char *contact;
	struct public_settings pub;
	struct pillar *pillars;
	size_t npillars;
	struct limits limits;
	/* message lines per input file on stderr and in the log, then one line
	 * with the count of the rest (the errors CSV has them all) */
	uint64_t messages_per_file;
	struct status_colours colours[ST__COUNT]; /* every status's colours, for all outputs */
	char *path; /* the file the settings came from, or NULL for the defaults */
};

/* The contract's values. */
void settings_defaults(struct settings *s);
void settings_release(struct settings *s);
/*
 * Reads path over the defaults. False on any problem, with "path:line: reason"
 * in err (the run then fails with exit status 2).
 */
bool settings_load(struct settings *s, const char *path, struct strbuf *err);
/* The settings file used when none is given: $KAIKAKU_TEMPLATES/settings.xml,
 * else templates/settings.xml beside the executable or in its
 * ../share/kaikaku/. NULL when there is none (the defaults apply). */
char *settings_default_path(void);
/* The templates folder beside the executable, or NULL. */
char *settings_templates_dir(void);
/* The pillar that s names (name, short form or alias, after folding), or -1. */
int settings_find_pillar(const struct settings *s, const char *text);

#endif
