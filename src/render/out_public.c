/*
 * out_public.c - the public progress page of the contract §6: public/index.html
 * (the KGI and its pace, its trend as an SVG chart and a table, the three
 * pillars, the departments), the pages of each pillar (its measures) and of
 * each department (every measure with its KPIs and milestones), and one
 * shared style.css. HTML through html_write.h
 * only; no script, no external resource, no web font.
 */
#include "kaikaku.h"

#include <math.h>
#include <sys/stat.h>
#include <time.h>

#include "fs.h"
#include "html_write.h"
#include "period.h"
#include "render.h"

/* Every status as a mark beside its word, so that no status is told by
 * colour alone (the mark is decoration: the word is what is read out). */
static const char *const marks[ST__COUNT] = {
	[ST_ACHIEVED] = "◎",    [ST_ON_TRACK] = "○",      [ST_AT_RISK] = "△",
	[ST_DELAYED] = "×",     [ST_NOT_REPORTED] = "？", [ST_NOT_STARTED] = "□",
	[ST_IN_PROGRESS] = "▷", [ST_DONE] = "●",          [ST_CANCELLED] = "－",
};

/* ---- colours: the settings' status colours, text darkened where needed so
 * that it keeps a contrast of at least 4.5:1 on its fill (WCAG 1.4.3) */

static double channel(uint32_t c, int shift)
{
	double v = (double)((c >> shift) & 0xff) / 255.0;

	return v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double luminance(uint32_t c)
{
	return 0.2126 * channel(c, 16) + 0.7152 * channel(c, 8) + 0.0722 * channel(c, 0);
}

static double contrast(uint32_t a, uint32_t b)
{
	double la = luminance(a), lb = luminance(b);

	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

static uint32_t readable(uint32_t text, uint32_t fill)
{
	/* 4.6 leaves a margin for rounding in the checkers */
	for (int i = 0; i < 40 && contrast(text, fill) < 4.6; i++) {
		uint32_t r = (text >> 16) & 0xff, g = (text >> 8) & 0xff, b = text & 0xff;

		text = ((r * 9 / 10) << 16) | ((g * 9 / 10) << 8) | (b * 9 / 10);
	}
	return text;
}

/* ---- the plan: job 0 style.css, job 1 index.html, then one job per page
 * of a pillar's list of measures or a department's measures in detail; a
 * long list or detail is cut into pages so that every page stays quick to
 * open whatever the size of the city. */

#define PUBLIC_LIST_MAX 150  /* measures on one page of a pillar's list */
#define PUBLIC_DETAIL_MAX 25 /* measures in detail on one page of a department */
#define PUBLIC_INDEX_MAX 60  /* up to this many measures, the index lists them all */

enum page_kind { PAGE_PILLAR, PAGE_DEPARTMENT };

struct page {
	enum page_kind kind;
	size_t group;           /* the pillar or department */
	size_t chunk, nchunks;  /* this page of the group's pages */
	const size_t *measures; /* this page's measures, in master order */
	size_t n;
};

struct public_plan {
	const struct render_input *in;
	char *dir;        /* in->dir/public */
	size_t csv_bytes; /* the open data's size, for its link */
	char csv_name[128];
	size_t *by_pillar, *pillar_first; /* measures by pillar; [npillars + 1] */
	size_t *by_dept, *dept_first;     /* measures by department; [ndepartments + 1] */
	struct page *pages;
	size_t npages;
	size_t *pillar_page, *dept_page; /* each group's first page */
	size_t *measure_page;            /* each measure's page of details */
	size_t npillars;
};

static void css(const struct render_input *in, struct strbuf *sb)
{
	sb_adds(sb,
		"/* kaikaku: the public progress page (no web font: the system's Japanese fonts) "
		"*/\n"
		":root{color-scheme:light}\n"
		"*{box-sizing:border-box}\n"
		"html{-webkit-text-size-adjust:100%;text-size-adjust:100%}\n"
		"body{margin:0;font-family:\"Hiragino Kaku Gothic ProN\",\"Hiragino Sans\",\"BIZ "
		"UDPGothic\","
		"\"Yu Gothic\",YuGothic,Meiryo,\"IPAexGothic\",\"Noto Sans CJK JP\",sans-serif;"
		"font-size:1rem;line-height:1.7;color:#1a1a1a;background:#fff;overflow-wrap:"
		"anywhere}\n"
		"a{color:#0b4f9c}a:focus,a:hover{outline:3px solid #b35c00;outline-offset:2px}\n"
		".skip{position:absolute;left:-9999px;top:0}\n"
		".skip:focus{left:.5rem;top:.5rem;z-index:10;background:#fff;padding:.5rem 1rem}\n"
		"header.site{background:#123c69;color:#fff;padding:.75rem 1rem}\n"
		"header.site p{margin:0;font-weight:bold;font-size:1.1rem}\n"
		"nav.crumbs{padding:.5rem 1rem;background:#f2f4f7;font-size:.95rem}\n"
		"nav.crumbs ol{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap}\n"
		"nav.crumbs li+li::before{content:\"›\";padding:0 .5rem;color:#555}\n"
		"main{max-width:60rem;margin:0 auto;padding:1rem}\n"
		"h1{font-size:1.6rem;line-height:1.4;margin:.5rem 0}\n"
		"h2{font-size:1.3rem;border-left:.4rem solid "
		"#123c69;padding-left:.6rem;margin:2rem 0 .75rem}\n"
		"h3{font-size:1.1rem;margin:1.5rem 0 .5rem}\n"
		".period{font-size:1.05rem;margin:0 0 1rem}\n"
		".kgi{border:2px solid #123c69;border-radius:.5rem;padding:1rem;margin:1rem 0}\n"
		".kgi .headline{font-size:1.15rem;font-weight:bold;margin:0 0 .5rem}\n"
		".kgi .rate{font-size:2.4rem;font-weight:bold;line-height:1.2;margin:.25rem 0}\n"
		".kgi .rate small{font-size:1rem;font-weight:normal}\n"
		"dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:.25rem "
		"1rem;margin:.5rem 0}\n"
		"dl.facts dt{font-weight:bold}dl.facts dd{margin:0}\n"
		".st{display:inline-block;padding:0 .5em;border-radius:.3em;font-weight:bold;"
		"white-space:nowrap;border:1px solid currentColor}\n"
		".st .mark{margin-right:.25em}\n"
		"figure{margin:1rem 0}figure "
		"svg{width:100%;height:auto;max-width:40rem;display:block}\n"
		".table{overflow-x:auto;margin:.5rem 0 1rem}\n"
		".table:focus{outline:3px solid #b35c00}\n"
		"table{border-collapse:collapse;width:100%}table.wide{min-width:38rem}\n"
		"table.wide th[scope=row]{min-width:11rem}\n"
		"caption{text-align:left;font-weight:bold;padding:.25rem 0}\n"
		"th,td{border:1px solid #8a8f98;padding:.3rem "
		".5rem;text-align:left;vertical-align:top}\n"
		"thead th{background:#e8edf3}tbody th{font-weight:normal;background:#fafbfc}\n"
		"td.num{text-align:right;white-space:nowrap}\n"
		"ul.measures{list-style:none;padding:0;margin:.5rem 0}\n"
		"nav.pager ul{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem "
		"1rem}\n"
		"ul.measures li{padding:.35rem 0;border-bottom:1px solid #d5d9de}\n"
		".measure{border-top:2px solid #d5d9de;margin-top:1.5rem}\n"
		".note{font-size:.95rem;color:#333}\n"
		"footer{border-top:1px solid #8a8f98;margin-top:2rem;padding:1rem;font-size:.95rem;"
		"background:#f2f4f7}\n"
		"footer p{max-width:60rem;margin:.25rem auto}\n");
	for (int i = 0; i < ST__COUNT; i++) {
		const struct status_colours *c = &in->s->colours[i];

		sb_addf(sb, ".st-%d{background:#%06X;color:#%06X}\n", i, (unsigned)c->fill,
			(unsigned)readable(c->text, c->fill));
	}
	/* narrow screens and 200% zoom: each row of a wide table as a card */
	sb_adds(sb, "@media (max-width:40rem){table.wide{min-width:0}"
		    "table.wide thead{position:absolute;width:1px;height:1px;overflow:hidden;"
		    "clip:rect(0 0 0 0);white-space:nowrap}"
		    "table.wide,table.wide caption,table.wide tbody,table.wide tr,table.wide "
		    "th,table.wide td{display:block}"
		    "table.wide tr{border:1px solid #8a8f98;margin-bottom:.75rem}"
		    "table.wide th,table.wide td{border:0;border-bottom:1px solid #d5d9de}"
		    "table.wide th[scope=row]{font-weight:bold;background:#eef1f5}"
		    "table.wide td[data-label]::before{content:attr(data-label) "
		    "\"：\";font-weight:bold}"
		    "table.wide td.num{text-align:left}}\n");
	sb_adds(sb, "@media (max-width:30rem){h1{font-size:1.35rem}.kgi .rate{font-size:2rem}"
		    "dl.facts{grid-template-columns:1fr}dl.facts dd{margin-bottom:.4rem}"
		    "main{padding:.5rem}th,td{padding:.25rem .3rem}}\n"
		    "@media print{header.site,nav.crumbs,.skip{display:none}"
		    "body{font-size:10.5pt;color:#000}a{color:#000;text-decoration:none}"
		    "main{max-width:none;padding:0}.table{overflow:visible}"
		    "h2,h3{break-after:avoid}tr,.kgi,figure{break-inside:avoid}"
		    ".st{border:1px solid #000}footer{background:none}}\n");
}

/* ---- pieces of every page */

static void status_badge(struct html *h, enum status s)
{
	html_start(h, "span");
	html_attrf(h, "class", "st st-%d", (int)s);
	html_elem(h, "span", marks[s], "class", "mark", "aria-hidden", "true", NULL);
	html_text(h, status_word(s));
	html_end(h);
}

static void page_begin(struct html *h, const struct render_input *in, const char *title,
		       const char *here)
{
	const struct labels *l = &in->labels;
	const struct public_settings *pub = &in->s->pub;
	struct strbuf t = STRBUF_INIT;

	html_start(h, "html");
	html_attr(h, "lang", "ja");
	html_start(h, "head");
	html_void(h, "meta", "charset", "utf-8", NULL);
	html_void(h, "meta", "name", "viewport", "content", "width=device-width, initial-scale=1",
		  NULL);
	sb_addf(&t, "%s %s（%s）", title, l->period_short, l->city);
	html_elem(h, "title", sb_str(&t), NULL);
	html_void(h, "link", "rel", "stylesheet", "href", "style.css", NULL);
	html_void(h, "link", "rel", "alternate", "type", "application/atom+xml", "title",
		  pub->labels[PL_FEED], "href", "../../" FILE_FEED, NULL);
	html_end(h);
	html_start(h, "body");
	html_elem(h, "a", pub->labels[PL_SKIP], "class", "skip", "href", "#main", NULL);
	html_start(h, "header");
	html_attr(h, "class", "site");
	html_elem(h, "p", l->city, NULL);
	html_end(h);
	html_start(h, "nav");
	html_attr(h, "class", "crumbs");
	html_attr(h, "aria-label", pub->labels[PL_CRUMBS]);
	html_start(h, "ol");
	html_start(h, "li");
	if (here)
		html_elem(h, "a", pub->title, "href", "index.html", NULL);
	else
		html_elem(h, "span", pub->title, "aria-current", "page", NULL);
	html_end(h);
	if (here) {
		html_start(h, "li");
		html_elem(h, "span", here, "aria-current", "page", NULL);
		html_end(h);
	}
	html_end(h);
	html_end(h);
	html_start(h, "main");
	html_attr(h, "id", "main");
	sb_release(&t);
}

static void page_end(struct html *h, const struct render_input *in)
{
	const struct public_settings *pub = &in->s->pub;
	char date[PRESENT_MAX];

	html_end(h); /* main */
	present_period_end(in->r->period, date);
	html_start(h, "footer");
	html_start(h, "p");
	html_textf(h, "出典: %s", pub->source);
	html_end(h);
	html_start(h, "p");
	html_text(h, "ライセンス: ");
	html_elem(h, "a", pub->licence, "href", pub->licence_url, NULL);
	html_text(h, pub->labels[PL_LICENCE_NOTE]);
	html_end(h);
	html_start(h, "p");
	html_textf(h, "データの基準日: %s（%s）。%s", date, in->labels.period_long,
		   pub->labels[PL_MADE_BY]);
	html_end(h);
	html_end(h);
}

/* A table wrapped so that a wide one scrolls by itself, never the page
 * (WCAG 1.4.10 lets a data table keep its two dimensions): a wide table's
 * wrapper is a named region that takes the keyboard focus, so that it can be
 * scrolled without a mouse. */
static void table_begin(struct html *h, const char *caption, const char *const *heads, size_t n,
			bool wide)
{
	html_start(h, "div");
	html_attr(h, "class", "table");
	if (wide) {
		html_attr(h, "role", "region");
		html_attr(h, "aria-label", caption);
		html_attr(h, "tabindex", "0");
	}
	html_start(h, "table");
	if (wide)
		html_attr(h, "class", "wide");
	html_elem(h, "caption", caption, NULL);
	html_start(h, "thead");
	html_start(h, "tr");
	for (size_t i = 0; i < n; i++)
		html_elem(h, "th", heads[i], "scope", "col", NULL);
	html_end(h);
	html_end(h);
	html_start(h, "tbody");
}

static void table_end(struct html *h)
{
	html_end(h); /* tbody */
	html_end(h); /* table */
	html_end(h); /* div */
}

static void td_num(struct html *h, const char *text)
{
	html_elem(h, "td", text, "class", "num", NULL);
}

/* "令和9年度末" for a Q4, else the short label. */
static void due_label(int period, struct strbuf *out)
{
	if (period_quarter(period) == 4) {
		period_fy_label(period_fy(period), out);
		sb_adds(out, "末");
	} else {
		present_period_short(period, out);
	}
}

/* "R9年度末" for a Q4, else the short label. */
static void due_short(int period, struct strbuf *out)
{
	if (period_quarter(period) == 4 && period_fy(period) >= 2019)
		sb_addf(out, "R%d年度末", period_fy(period) - 2018);
	else
		present_period_short(period, out);
}

/* ---- index.html */

static void kgi_section(struct html *h, const struct render_input *in)
{
	const struct result *r = in->r;
	const struct settings *s = in->s;
	struct kgi_pace k;
	char a[PRESENT_MAX], b[PRESENT_MAX], c[PRESENT_MAX];
	struct strbuf due = STRBUF_INIT;

	kgi_pace(r->kgi.rate, s->kgi_target, r->period, s->kgi_start, s->kgi_due,
		 s->on_track_factor, s->at_risk_factor, &k);
	due_label(s->kgi_due, &due);
	html_start(h, "section");
	html_attr(h, "aria-labelledby", "kgi");
	html_start(h, "h2");
	html_attr(h, "id", "kgi");
	html_textf(h, "全体の目標（KGI）: 業務量を%s削減", present_percent(s->kgi_target, a));
	html_end(h);
	html_start(h, "div");
	html_attr(h, "class", "kgi");
	html_start(h, "p");
	html_attr(h, "class", "headline");
	if (k.has_rate)
		html_textf(h,
			   "業務量の削減率は %s です。%sの目標 %s に対し、この時点の目安は %s "
			   "で、状況は「%s」です。",
			   present_percent(k.rate, a), sb_str(&due), present_percent(k.target, b),
			   present_percent(k.expected, c), status_word(k.status));
	else
		html_text(h,
			  "基準となる業務量がまだ登録されていないため、削減率は算定できません。");
	html_end(h);
	if (k.has_rate) {
		html_start(h, "p");
		html_attr(h, "class", "rate");
		html_text(h, present_percent(k.rate, a));
		html_start(h, "small");
		html_textf(h, " 削減（目標 %s）", present_percent(k.target, b));
		html_end(h);
		html_text(h, " ");
		status_badge(h, k.status);
		html_end(h);
	}
	html_start(h, "dl");
	html_attr(h, "class", "facts");
	html_elem(h, "dt", "この時点の目安", NULL);
	html_elem(h, "dd", present_percent(k.expected, a), NULL);
	html_elem(h, "dt", "目標の期限", NULL);
	html_elem(h, "dd", sb_str(&due), NULL);
	html_elem(h, "dt", "削減した時間", NULL);
	html_start(h, "dd");
	html_textf(h, "%s 時間（基準の業務量 %s 時間）", present_number(r->kgi.hours_saved, a),
		   present_number(r->kgi.baseline_hours, b));
	html_end(h);
	if (k.has_needed) {
		html_elem(h, "dt", "目標までに必要なペース", NULL);
		html_start(h, "dd");
		if (k.needed <= 0)
			html_text(h, "目標を達成済み");
		else
			html_textf(h, "四半期あたり %s ポイント",
				   present_number(k.needed * 100, a));
		html_end(h);
	}
	if (k.has_so_far) {
		html_elem(h, "dt", "これまでのペース", NULL);
		html_start(h, "dd");
		html_textf(h, "四半期あたり %s ポイント", present_number(k.so_far * 100, a));
		html_end(h);
	}
	html_end(h); /* dl */
	html_end(h); /* div.kgi */
	html_end(h); /* section */
	sb_release(&due);
}

/* ---- the chart's pieces */

static void svg_line(struct html *h, double x1, double x2, double y1, double y2, const char *stroke,
		     const char *width, const char *dash)
{
	html_start(h, "line");
	html_attrf(h, "x1", "%.1f", x1);
	html_attrf(h, "x2", "%.1f", x2);
	html_attrf(h, "y1", "%.1f", y1);
	html_attrf(h, "y2", "%.1f", y2);
	html_attr(h, "stroke", stroke);
	if (width)
		html_attr(h, "stroke-width", width);
	if (dash)
		html_attr(h, "stroke-dasharray", dash);
	html_end(h);
}

/* Chart text, 13 units high, dark on white (tests/public.py checks its colours). */
static void svg_text(struct html *h, double x, double y, const char *anchor, const char *fill,
		     const char *text)
{
	html_start(h, "text");
	html_attrf(h, "x", "%.1f", x);
	html_attrf(h, "y", "%.1f", y);
	if (anchor)
		html_attr(h, "text-anchor", anchor);
	html_attr(h, "font-size", "13");
	html_attr(h, "fill", fill);
	html_text(h, text);
	html_end(h);
}

/* A bar of the chart. */
static void svg_rect(struct html *h, double x, double y, double w, double hh)
{
	html_start(h, "rect");
	html_attrf(h, "x", "%.1f", x);
	html_attrf(h, "y", "%.1f", y);
	html_attrf(h, "width", "%.1f", w);
	html_attrf(h, "height", "%.1f", hh);
	html_attr(h, "fill", "#1f4e78");
	html_end(h);
}

/* The trend as an SVG chart (bars: the rate; dashed line: the expected
 * rate; solid line: the target), then the same numbers in a table. */
static void trend_section(struct html *h, const struct render_input *in)
{
	const struct result *r = in->r;
	const struct settings *s = in->s;
	const double W = 640, H = 300, left = 56, right = 16, top = 20, bottom = 64;
	double top_value = s->kgi_target, step;
	struct strbuf desc = STRBUF_INIT, lab = STRBUF_INIT;
	char a[PRESENT_MAX], b[PRESENT_MAX];
	static const char *const heads[] = {"期間", "削減率", "この時点の目安", "削減した時間"};
	size_t n = r->ntrend;

	html_start(h, "section");
	html_attr(h, "aria-labelledby", "trend");
	html_elem(h, "h2", in->s->pub.labels[PL_TREND], "id", "trend", NULL);
	for (size_t i = 0; i < n; i++)
		if (isfinite(r->trend_city[i].rate) && r->trend_city[i].rate > top_value)
			top_value = r->trend_city[i].rate;
	if (!isfinite(top_value))
		top_value = s->kgi_target;
	/* grid lines every 5% up to 50%, else at a round step (at most 10) */
	step = top_value * 1.1 <= 0.5 ? 0.05 : present_axis_step(top_value * 1.1, 10);
	top_value = step == 0.05 ? ceil(top_value * 1.1 * 20) / 20
				 : ceil(top_value * 1.1 / step) * step;
	sb_adds(&desc, "四半期ごとの業務量削減率の棒グラフ。");
	for (size_t i = 0; i < n; i++) {
		struct kgi_pace k;

		kgi_pace(r->trend_city[i].rate, s->kgi_target, r->trend[i], s->kgi_start,
			 s->kgi_due, s->on_track_factor, s->at_risk_factor, &k);
		sb_reset(&lab);
		present_period_short(r->trend[i], &lab);
		sb_addf(&desc, "%s: %s（目安 %s）。", sb_str(&lab),
			k.has_rate ? present_percent(k.rate, a) : "算定なし",
			present_percent(k.expected, b));
	}
	sb_addf(&desc, "目標は %s。数値は次の表のとおり。", present_percent(s->kgi_target, a));

	html_start(h, "figure");
	html_start(h, "svg");
	html_attr(h, "xmlns", "http://www.w3.org/2000/svg");
	html_attr(h, "role", "img");
	html_attr(h, "aria-labelledby", "trend-title trend-desc");
	html_attrf(h, "viewBox", "0 0 %.0f %.0f", W, H);
	html_elem(h, "title", "業務量削減率の推移", "id", "trend-title", NULL);
	html_elem(h, "desc", sb_str(&desc), "id", "trend-desc", NULL);
	{
		double ph = H - top - bottom, pw = W - left - right;
		double slot = n ? pw / (double)n : pw, bw = slot * 0.5;

		for (int g = 0; g * step <= top_value * (1 + 1e-9); g++) {
			double y = top + ph - ph * (g * step) / top_value;
			char pct[PRESENT_MAX + 1], num[PRESENT_MAX];

			svg_line(h, left, W - right, y, y, g ? "#c8ccd2" : "#333333", NULL, NULL);
			snprintf(pct, sizeof(pct), "%s%%",
				 present_number(round(g * step * 1000) / 10, num));
			svg_text(h, left - 6, y + 5, "end", "#333333", pct);
		}
		/* the target */
		{
			double y = top + ph - ph * s->kgi_target / top_value;
			struct strbuf t = STRBUF_INIT;

			svg_line(h, left, W - right, y, y, "#9c0006", "2", NULL);
			sb_addf(&t, "目標 %s", present_percent(s->kgi_target, a));
			svg_text(h, W - right, y - 6, "end", "#9c0006", sb_str(&t));
			sb_release(&t);
		}
		for (size_t i = 0; i < n; i++) {
			struct kgi_pace k;
			double cx = left + slot * ((double)i + 0.5);
			double y;
			char q[32];

			kgi_pace(r->trend_city[i].rate, s->kgi_target, r->trend[i], s->kgi_start,
				 s->kgi_due, s->on_track_factor, s->at_risk_factor, &k);
			if (k.has_rate && isfinite(k.rate)) {
				double bh = ph * k.rate / top_value;

				svg_rect(h, cx - bw / 2, top + ph - bh, bw, bh);
				svg_text(h, cx, top + ph - bh - 5, "middle", "#1a1a1a",
					 present_percent(k.rate, a));
			}
			/* the expected rate: a dashed tick across the slot */
			y = top + ph - ph * k.expected / top_value;
			svg_line(h, cx - slot * 0.45, cx + slot * 0.45, y, y, "#b35c00", "3",
				 "6 4");
			sb_reset(&lab);
			period_fy_label(period_fy(r->trend[i]), &lab);
			svg_text(h, cx, H - bottom + 20, "middle", "#1a1a1a", sb_str(&lab));
			snprintf(q, sizeof(q), "第%d四半期", period_quarter(r->trend[i]));
			svg_text(h, cx, H - bottom + 38, "middle", "#1a1a1a", q);
		}
		/* legend */
		html_start(h, "rect");
		html_attrf(h, "x", "%.1f", left);
		html_attrf(h, "y", "%.1f", H - 16);
		html_attr(h, "width", "14");
		html_attr(h, "height", "10");
		html_attr(h, "fill", "#1f4e78");
		html_end(h);
		svg_text(h, left + 20, H - 6, NULL, "#1a1a1a", "削減率");
		svg_line(h, left + 90, left + 120, H - 11, H - 11, "#b35c00", "3", "6 4");
		svg_text(h, left + 126, H - 6, NULL, "#1a1a1a", "この時点の目安");
	}
	html_end(h); /* svg */
	html_end(h); /* figure */

	table_begin(h, in->s->pub.labels[PL_TREND_TABLE], heads, ARRAY_LEN(heads), false);
	for (size_t i = 0; i < n; i++) {
		struct kgi_pace k;

		kgi_pace(r->trend_city[i].rate, s->kgi_target, r->trend[i], s->kgi_start,
			 s->kgi_due, s->on_track_factor, s->at_risk_factor, &k);
		sb_reset(&lab);
		present_period_short(r->trend[i], &lab);
		html_start(h, "tr");
		html_elem(h, "th", sb_str(&lab), "scope", "row", NULL);
		td_num(h, k.has_rate ? present_percent(k.rate, a) : "—");
		td_num(h, present_percent(k.expected, a));
		sb_reset(&lab);
		sb_addf(&lab, "%s 時間", present_number(r->trend_city[i].hours_saved, a));
		td_num(h, sb_str(&lab));
		html_end(h);
	}
	table_end(h);
	html_end(h); /* section */
	sb_release(&desc);
	sb_release(&lab);
}

/* Counts of measures by status: one row per status that occurs. */
static void counts_table(struct html *h, const char *caption, const struct counts *c)
{
	static const char *const heads[] = {"状況", "施策の数"};
	char n[PRESENT_MAX];

	table_begin(h, caption, heads, ARRAY_LEN(heads), false);
	/* worst first: what needs attention leads */
	for (size_t i = ARRAY_LEN(status_measure_order); i-- > 0;) {
		enum status st = status_measure_order[i];

		if (!c->measures[st])
			continue;
		html_start(h, "tr");
		html_start(h, "th");
		html_attr(h, "scope", "row");
		status_badge(h, st);
		html_end(h);
		snprintf(n, sizeof(n), "%d", c->measures[st]);
		td_num(h, n);
		html_end(h);
	}
	table_end(h);
}

/* "pillar1.html", "pillar1-2.html" (its second page), "dept3.html". */
static void page_file(const struct page *pg, char buf[48])
{
	const char *stem = pg->kind == PAGE_PILLAR ? "pillar" : "dept";

	if (pg->chunk)
		snprintf(buf, 48, "%s%zu-%zu.html", stem, pg->group + 1, pg->chunk + 1);
	else
		snprintf(buf, 48, "%s%zu.html", stem, pg->group + 1);
}

/* A measure's name linked to its details. */
static void measure_link(struct html *h, const struct public_plan *pl, size_t mi)
{
	const struct model *m = pl->in->m;
	const struct measure *me = &m->measures[mi];
	const struct division *dv = &m->divisions[me->lead];
	char file[48];

	status_badge(h, pl->in->r->measures[mi]);
	html_text(h, " ");
	page_file(&pl->pages[pl->measure_page[mi]], file);
	html_start(h, "a");
	html_attrf(h, "href", "%s#m%zu", file, mi);
	html_text(h, me->name);
	html_end(h);
	html_textf(h, "（%s %s）", m->departments[dv->dept].name, dv->name);
}

static void pillars_section(struct html *h, const struct public_plan *pl)
{
	const struct render_input *in = pl->in;
	const struct result *r = in->r;
	const struct settings *s = in->s;
	bool list = in->m->nmeasures <= PUBLIC_INDEX_MAX;
	char file[48], a[PRESENT_MAX];

	html_start(h, "section");
	html_attr(h, "aria-labelledby", "pillars");
	html_elem(h, "h2", in->s->pub.labels[PL_PILLARS], "id", "pillars", NULL);
	html_start(h, "p");
	html_textf(h,
		   "全 %d 施策のうち、KPI（成果指標）が「順調」または「達成」の割合は %s です。"
		   "各施策の状況は、その施策の KPI "
		   "とマイルストーンのうち最も遅れているものの状況です。",
		   r->city.nmeasures, r->city.share >= 0 ? present_percent(r->city.share, a) : "—");
	html_end(h);
	counts_table(h, "施策の状況（全体）", &r->city);
	for (size_t p = 0; p < pl->npillars; p++) {
		const struct counts *c = &r->pillars[p];

		html_start(h, "h3");
		html_attrf(h, "id", "pillar%zu", p + 1);
		html_textf(h, "柱%zu %s", p + 1, s->pillars[p].name);
		html_end(h);
		html_start(h, "p");
		html_textf(
			h,
			"施策 %d 件（遅延 %d 件・注意 %d 件）、KPI %d 件（順調・達成の割合 %s）。",
			c->nmeasures, c->measures[ST_DELAYED], c->measures[ST_AT_RISK], c->nkpis,
			c->share >= 0 ? present_percent(c->share, a) : "—");
		html_end(h);
		if (list && pl->pillar_first[p + 1] > pl->pillar_first[p]) {
			html_start(h, "ul");
			html_attr(h, "class", "measures");
			for (size_t j = pl->pillar_first[p]; j < pl->pillar_first[p + 1]; j++) {
				html_start(h, "li");
				measure_link(h, pl, pl->by_pillar[j]);
				html_end(h);
			}
			html_end(h);
		}
		page_file(&pl->pages[pl->pillar_page[p]], file);
		html_start(h, "p");
		html_start(h, "a");
		html_attr(h, "href", file);
		html_textf(h, "柱%zu「%s」の施策の一覧", p + 1,
			   s->pillars[p].short_name ? s->pillars[p].short_name
						    : s->pillars[p].name);
		html_end(h);
		html_end(h);
	}
	html_end(h);
}

static void departments_section(struct html *h, const struct public_plan *pl)
{
	static const char *const heads[] = {"部", "施策", "遅延", "注意", "KPI の順調・達成の割合"};
	const struct render_input *in = pl->in;
	const struct model *m = in->m;
	char file[48], n[PRESENT_MAX];

	html_start(h, "section");
	html_attr(h, "aria-labelledby", "departments");
	html_elem(h, "h2", in->s->pub.labels[PL_DEPARTMENTS], "id", "departments", NULL);
	html_elem(h, "p", in->s->pub.labels[PL_DEPARTMENTS_NOTE], NULL);
	table_begin(h, in->s->pub.labels[PL_DEPARTMENTS_TABLE], heads, ARRAY_LEN(heads), false);
	for (size_t d = 0; d < m->ndepartments; d++) {
		const struct counts *c = &in->r->departments[d];

		html_start(h, "tr");
		html_start(h, "th");
		html_attr(h, "scope", "row");
		page_file(&pl->pages[pl->dept_page[d]], file);
		html_elem(h, "a", m->departments[d].name, "href", file, NULL);
		html_end(h);
		snprintf(n, sizeof(n), "%d", c->nmeasures);
		td_num(h, n);
		snprintf(n, sizeof(n), "%d", c->measures[ST_DELAYED]);
		td_num(h, n);
		snprintf(n, sizeof(n), "%d", c->measures[ST_AT_RISK]);
		td_num(h, n);
		td_num(h, c->share >= 0 ? present_percent(c->share, n) : "—");
		html_end(h);
	}
	table_end(h);
	html_end(h);
}

static void data_section(struct html *h, const struct public_plan *pl)
{
	const struct render_input *in = pl->in;
	char a[PRESENT_MAX];
	struct strbuf href = STRBUF_INIT;

	html_start(h, "section");
	html_attr(h, "aria-labelledby", "data");
	html_elem(h, "h2", in->s->pub.labels[PL_DATA], "id", "data", NULL);
	html_start(h, "p");
	sb_addf(&href, "../opendata/%s", pl->csv_name);
	html_start(h, "a");
	html_attr(h, "href", sb_str(&href));
	html_textf(h, "KPI の一覧（%s）", in->labels.period_short);
	html_end(h);
	html_textf(h, "（CSV 形式、UTF-8、%s バイト、ライセンス: %s）",
		   present_number((double)pl->csv_bytes, a), in->s->pub.licence);
	html_end(h);
	html_elem(h, "p", in->s->pub.labels[PL_DATA_NOTE], "class", "note", NULL);
	html_start(h, "p");
	html_text(h, in->s->pub.labels[PL_FEED_BEFORE]);
	html_elem(h, "a", in->s->pub.labels[PL_FEED_LINK], "href", "../../" FILE_FEED, NULL);
	html_text(h, in->s->pub.labels[PL_FEED_AFTER]);
	html_end(h);
	html_end(h);
	sb_release(&href);
}

static bool write_index(struct public_plan *pl, struct strbuf *err)
{
	const struct render_input *in = pl->in;
	struct html *h = html_new();
	struct strbuf out = STRBUF_INIT, path = STRBUF_INIT;
	char date[PRESENT_MAX];
	bool ok;

	page_begin(h, in, in->s->pub.title, NULL);
	html_elem(h, "h1", in->s->pub.title, NULL);
	present_period_end(in->r->period, date);
	html_start(h, "p");
	html_attr(h, "class", "period");
	html_textf(h, "対象期間: %s　データの基準日: %s", in->labels.period_long, date);
	html_end(h);
	kgi_section(h, in);
	trend_section(h, in);
	pillars_section(h, pl);
	departments_section(h, pl);
	data_section(h, pl);
	page_end(h, in);
	ok = html_finish(h, &out, err);
	sb_addf(&path, "%s/index.html", pl->dir);
	ok = ok && fs_write_file(sb_str(&path), out.buf, out.len, err);
	sb_release(&out);
	sb_release(&path);
	return ok;
}

/* ---- the pages of a pillar (its measures listed) or a department (its
 * measures with their KPIs and milestones) */

/* A cell of a wide table, with its column's name for the narrow layout,
 * where each row becomes a card and the names are shown beside the values. */
static void cell(struct html *h, const char *label, const char *text, bool num)
{
	html_start(h, "td");
	if (num)
		html_attr(h, "class", "num");
	html_attr(h, "data-label", label);
	html_text(h, text);
	html_end(h);
}

static void kpi_table(struct html *h, const struct render_input *in, const struct measure *me)
{
	static const char *const heads[] = {"KPI",    "状況",   "基準値",  "実績値",
					    "目標値", "進捗率", "コメント"};
	const struct model *m = in->m;
	bool comments = in->s->pub.comments;
	char a[PRESENT_MAX];
	struct strbuf t = STRBUF_INIT, cap = STRBUF_INIT;

	sb_addf(&cap, "%s の KPI（基準値 → 実績値 → 目標値）", me->id);
	table_begin(h, sb_str(&cap), heads, ARRAY_LEN(heads) - (comments ? 0 : 1), true);
	for (size_t j = 0; j < me->nkpis; j++) {
		size_t k = me->kpis[j];
		const struct kpi *kp = &m->kpis[k];
		const struct kpi_result *kr = &in->r->kpis[k];
		const char *unit = kp->unit ? kp->unit : "";

		html_start(h, "tr");
		html_start(h, "th");
		html_attr(h, "scope", "row");
		html_textf(h, "%s（%s）", kp->name,
			   kp->target >= kp->baseline ? "増やす指標" : "減らす指標");
		html_end(h);
		html_start(h, "td");
		html_attr(h, "data-label", heads[1]);
		status_badge(h, kr->status);
		html_end(h);
		sb_reset(&t);
		sb_addf(&t, "%s%s", present_number(kp->baseline, a), unit);
		cell(h, heads[2], sb_str(&t), true);
		sb_reset(&t);
		if (kr->actual) {
			sb_addf(&t, "%s%s", present_number(kr->actual->value, a), unit);
		} else if (kr->previous) {
			sb_adds(&t, "未報告（前回 ");
			present_period_short(kr->previous->period, &t);
			sb_addf(&t, ": %s%s）", present_number(kr->previous->value, a), unit);
		} else {
			sb_adds(&t, "未報告");
		}
		cell(h, heads[3], sb_str(&t), false);
		sb_reset(&t);
		sb_addf(&t, "%s%s（", present_number(kp->target, a), unit);
		due_short(kp->target_period, &t);
		sb_adds(&t, "まで）");
		cell(h, heads[4], sb_str(&t), false);
		cell(h, heads[5], kr->actual ? present_percent(kr->progress, a) : "—", true);
		if (comments)
			cell(h, heads[6],
			     kr->actual && kr->actual->comment ? kr->actual->comment : "", false);
		html_end(h);
	}
	table_end(h);
	sb_release(&t);
	sb_release(&cap);
}

static void milestone_table(struct html *h, const struct render_input *in, const struct measure *me)
{
	static const char *const heads[] = {"マイルストーン", "期限", "状況", "進捗率", "コメント"};
	const struct model *m = in->m;
	bool comments = in->s->pub.comments;
	char a[PRESENT_MAX];
	struct strbuf t = STRBUF_INIT, cap = STRBUF_INIT;

	sb_addf(&cap, "%s のマイルストーン", me->id);
	table_begin(h, sb_str(&cap), heads, ARRAY_LEN(heads) - (comments ? 0 : 1), true);
	for (size_t j = 0; j < me->nmilestones; j++) {
		size_t i = me->milestones[j];
		const struct milestone *ms = &m->milestones[i];
		const struct milestone_result *mr = &in->r->milestones[i];

		html_start(h, "tr");
		html_elem(h, "th", ms->description, "scope", "row", NULL);
		sb_reset(&t);
		present_period_short(ms->due, &t);
		cell(h, heads[1], sb_str(&t), false);
		html_start(h, "td");
		html_attr(h, "data-label", heads[2]);
		status_badge(h, mr->status);
		if (mr->overdue)
			html_text(h, "（期限超過）");
		html_end(h);
		cell(h, heads[3],
		     mr->report && mr->report->has_progress
			     ? present_percent(mr->report->progress / 100, a)
			     : "—",
		     true);
		if (comments)
			cell(h, heads[4],
			     mr->report && mr->report->comment ? mr->report->comment : "", false);
		html_end(h);
	}
	table_end(h);
	sb_release(&t);
	sb_release(&cap);
}

/* Links to every page of a group cut into pages. */
static void pager(struct html *h, const struct public_plan *pl, size_t at)
{
	const struct page *pg = &pl->pages[at];
	char file[48];

	if (pg->nchunks < 2)
		return;
	html_start(h, "nav");
	html_attr(h, "class", "pager");
	html_attr(h, "aria-label", pl->in->s->pub.labels[PL_PAGES]);
	html_start(h, "ul");
	for (size_t k = 0; k < pg->nchunks; k++) {
		const struct page *o = &pl->pages[at - pg->chunk + k];

		html_start(h, "li");
		if (k == pg->chunk) {
			html_start(h, "span");
			html_attr(h, "aria-current", "page");
			html_textf(h, "%zu ページ目", k + 1);
			html_end(h);
		} else {
			page_file(o, file);
			html_start(h, "a");
			html_attr(h, "href", file);
			html_textf(h, "%zu ページ目", k + 1);
			html_end(h);
		}
		html_end(h);
	}
	html_end(h);
	html_end(h);
}

static void measure_detail(struct html *h, const struct render_input *in, size_t mi)
{
	const struct model *m = in->m;
	const struct measure *me = &m->measures[mi];
	const struct division *dv = &m->divisions[me->lead];

	html_start(h, "section");
	html_attr(h, "class", "measure");
	html_attrf(h, "aria-labelledby", "m%zu", mi);
	html_start(h, "h2");
	html_attrf(h, "id", "m%zu", mi);
	html_textf(h, "%s %s", me->id, me->name);
	html_end(h);
	html_start(h, "p");
	html_text(h, "状況: ");
	status_badge(h, in->r->measures[mi]);
	html_textf(h, "　担当: %s %s", m->departments[dv->dept].name, dv->name);
	if (me->pillar >= 0 && (size_t)me->pillar < in->s->npillars)
		html_textf(h, "　柱: %s", in->s->pillars[me->pillar].name);
	html_end(h);
	if (me->summary && *me->summary)
		html_elem(h, "p", me->summary, NULL);
	if (me->nkpis)
		kpi_table(h, in, me);
	else
		html_elem(h, "p", in->s->pub.labels[PL_NO_KPI], NULL);
	if (me->nmilestones)
		milestone_table(h, in, me);
	html_end(h);
}

static bool write_page(struct public_plan *pl, size_t at, struct strbuf *err)
{
	const struct render_input *in = pl->in;
	const struct model *m = in->m;
	const struct page *pg = &pl->pages[at];
	const struct counts *c = pg->kind == PAGE_PILLAR ? &in->r->pillars[pg->group]
							 : &in->r->departments[pg->group];
	struct html *h = html_new();
	struct strbuf out = STRBUF_INIT, path = STRBUF_INIT, t = STRBUF_INIT;
	char file[48], a[PRESENT_MAX];
	bool ok;

	if (pg->kind == PAGE_PILLAR)
		sb_addf(&t, "柱%zu %s", pg->group + 1, in->s->pillars[pg->group].name);
	else
		sb_adds(&t, m->departments[pg->group].name);
	if (pg->nchunks > 1)
		sb_addf(&t, "（%zu/%zu ページ）", pg->chunk + 1, pg->nchunks);
	page_begin(h, in, sb_str(&t), sb_str(&t));
	html_elem(h, "h1", sb_str(&t), NULL);
	html_start(h, "p");
	html_attr(h, "class", "period");
	html_textf(h, "対象期間: %s", in->labels.period_long);
	html_end(h);
	if (!pg->chunk) {
		counts_table(h,
			     pg->kind == PAGE_PILLAR ? "この柱の施策の状況" : "この部の施策の状況",
			     c);
		html_start(h, "p");
		html_textf(h, "KPI %d 件のうち「順調」または「達成」の割合: %s", c->nkpis,
			   c->share >= 0 ? present_percent(c->share, a) : "—");
		html_end(h);
	}
	pager(h, pl, at);
	if (pg->kind == PAGE_PILLAR) {
		html_elem(h, "h2", in->s->pub.labels[PL_MEASURES], NULL);
		html_start(h, "ul");
		html_attr(h, "class", "measures");
		for (size_t j = 0; j < pg->n; j++) {
			html_start(h, "li");
			measure_link(h, pl, pg->measures[j]);
			html_end(h);
		}
		html_end(h);
	} else {
		for (size_t j = 0; j < pg->n; j++)
			measure_detail(h, in, pg->measures[j]);
	}
	pager(h, pl, at);
	html_start(h, "p");
	html_elem(h, "a", "進捗状況のトップへ戻る", "href", "index.html", NULL);
	html_end(h);
	page_end(h, in);
	ok = html_finish(h, &out, err);
	page_file(pg, file);
	sb_addf(&path, "%s/%s", pl->dir, file);
	ok = ok && fs_write_file(sb_str(&path), out.buf, out.len, err);
	sb_release(&out);
	sb_release(&path);
	sb_release(&t);
	return ok;
}

static void public_free(void *plan)
{
	struct public_plan *pl = plan;

	if (!pl)
		return;
	free(pl->dir);
	free(pl->by_pillar);
	free(pl->pillar_first);
	free(pl->by_dept);
	free(pl->dept_first);
	free(pl->pages);
	free(pl->pillar_page);
	free(pl->dept_page);
	free(pl->measure_page);
	free(pl);
}

/* The measures grouped by key (a counting sort, master order within). */
static void group_measures(const struct model *m, const int *key, size_t ngroups, size_t **by,
			   size_t **first)
{
	size_t *at = xcalloc(ngroups + 1, sizeof(size_t));

	*first = xcalloc(ngroups + 1, sizeof(size_t));
	*by = xcalloc(m->nmeasures + 1, sizeof(size_t));
	for (size_t i = 0; i < m->nmeasures; i++)
		if (key[i] >= 0)
			(*first)[key[i] + 1]++;
	for (size_t g = 0; g < ngroups; g++)
		(*first)[g + 1] += (*first)[g];
	memcpy(at, *first, (ngroups + 1) * sizeof(size_t));
	for (size_t i = 0; i < m->nmeasures; i++)
		if (key[i] >= 0)
			(*by)[at[key[i]]++] = i;
	free(at);
}

/* The pages of each group of kind, cut at max measures. */
static void add_pages(struct public_plan *pl, enum page_kind kind, size_t ngroups, const size_t *by,
		      const size_t *first, size_t max, size_t *group_page)
{
	for (size_t g = 0; g < ngroups; g++) {
		size_t n = first[g + 1] - first[g], chunks = n ? (n + max - 1) / max : 1;

		group_page[g] = pl->npages;
		for (size_t k = 0; k < chunks; k++) {
			struct page *pg = &pl->pages[pl->npages++];

			pg->kind = kind;
			pg->group = g;
			pg->chunk = k;
			pg->nchunks = chunks;
			pg->measures = by + first[g] + k * max;
			pg->n = n - k * max < max ? n - k * max : max;
			if (kind == PAGE_DEPARTMENT)
				for (size_t j = 0; j < pg->n; j++)
					pl->measure_page[pg->measures[j]] = pl->npages - 1;
		}
	}
}

static void *public_plan(const struct render_input *in, struct strbuf *err)
{
	const struct model *m = in->m;
	struct public_plan *pl = xcalloc(1, sizeof(*pl));
	struct strbuf csv = STRBUF_INIT, name = STRBUF_INIT;
	struct stat st;
	int *key = xcalloc(m->nmeasures + 1, sizeof(int));
	size_t maxpages;
	const char *slash;

	pl->in = in;
	pl->dir = render_subdir(in, DIR_PUBLIC, err);
	if (!pl->dir) {
		free(key);
		public_free(pl);
		return NULL;
	}
	pl->npillars = in->r->npillars < in->s->npillars ? in->r->npillars : in->s->npillars;
	for (size_t i = 0; i < m->nmeasures; i++) {
		int p = m->measures[i].pillar;

		key[i] = p >= 0 && (size_t)p < pl->npillars ? p : -1;
	}
	group_measures(m, key, pl->npillars, &pl->by_pillar, &pl->pillar_first);
	for (size_t i = 0; i < m->nmeasures; i++)
		key[i] = (int)m->divisions[m->measures[i].lead].dept;
	group_measures(m, key, m->ndepartments, &pl->by_dept, &pl->dept_first);
	free(key);
	maxpages = pl->npillars + m->ndepartments + m->nmeasures / PUBLIC_DETAIL_MAX +
		   m->nmeasures / PUBLIC_LIST_MAX + 2;
	pl->pages = xcalloc(maxpages, sizeof(*pl->pages));
	pl->pillar_page = xcalloc(pl->npillars + 1, sizeof(size_t));
	pl->dept_page = xcalloc(m->ndepartments + 1, sizeof(size_t));
	pl->measure_page = xcalloc(m->nmeasures + 1, sizeof(size_t));
	add_pages(pl, PAGE_DEPARTMENT, m->ndepartments, pl->by_dept, pl->dept_first,
		  PUBLIC_DETAIL_MAX, pl->dept_page);
	add_pages(pl, PAGE_PILLAR, pl->npillars, pl->by_pillar, pl->pillar_first, PUBLIC_LIST_MAX,
		  pl->pillar_page);
	/* the open data is written before this output (render.c's table): its
	 * size for the link is the file's */
	present_file_name(FILE_OPENDATA, in->labels.code, &name);
	sb_addf(&csv, "%s/%s", in->dir, sb_str(&name));
	pl->csv_bytes = stat(sb_str(&csv), &st) == 0 ? (size_t)st.st_size : 0;
	slash = strrchr(sb_str(&name), '/');
	snprintf(pl->csv_name, sizeof(pl->csv_name), "%s", slash ? slash + 1 : sb_str(&name));
	sb_release(&csv);
	sb_release(&name);
	return pl;
}

static size_t public_count(const void *plan)
{
	const struct public_plan *pl = plan;

	return 2 + pl->npages;
}

static bool public_write(void *plan, size_t job, struct strbuf *err)
{
	struct public_plan *pl = plan;

	if (job == 0) {
		struct strbuf sb = STRBUF_INIT, path = STRBUF_INIT;
		bool ok;

		css(pl->in, &sb);
		sb_addf(&path, "%s/style.css", pl->dir);
		ok = fs_write_file(sb_str(&path), sb.buf, sb.len, err);
		sb_release(&sb);
		sb_release(&path);
		return ok;
	}
	if (job == 1)
		return write_index(pl, err);
	return write_page(pl, job - 2, err);
}

const struct output output_public = {
	.what = "公開用の進捗ページ（public/）",
	/* its pages are independent jobs, shared out among the workers; the lap
	 * also holds the errors CSV and the open data written just before it */
	.stage = "public",
	.plan = public_plan,
	.count = public_count,
	.write = public_write,
	.free = public_free,
};
