/*
 * settings.c - reading templates/settings.xml with libxml2 (no DTD, no
 * entities, no network) and validating every value with its line number.
 */
#include "kaikaku.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unistd.h>

#include "period.h"
#include "settings.h"
#include "utf8.h"
#include "xmlconf.h"

static const struct {
	const char *name, *short_name, *alias;
} default_pillars[] = {
	{"市民サービスの改善・向上", "市民サービス", "citizen"},
	{"庁内効率化と働き方改革", "庁内効率化", "efficiency"},
	{"人材育成による職員力向上", "人材育成", "people"},
};

static void pillars_free(struct settings *s)
{
	for (size_t i = 0; i < s->npillars; i++) {
		free(s->pillars[i].name);
		free(s->pillars[i].short_name);
		for (size_t j = 0; j < s->pillars[i].naliases; j++)
			free(s->pillars[i].aliases[j]);
		free(s->pillars[i].aliases);
	}
	free(s->pillars);
	s->pillars = NULL;
	s->npillars = 0;
}

static void add_alias(struct pillar *p, const char *alias)
{
	p->aliases = xrealloc(p->aliases, (p->naliases + 1) * sizeof(*p->aliases));
	p->aliases[p->naliases++] = xstrdup(alias);
}

static const struct {
	const char *id, *text;
} public_labels[PL__COUNT] = {
	[PL_SKIP] = {"skip", "本文へ移動"},
	[PL_CRUMBS] = {"crumbs", "現在位置"},
	[PL_FEED] = {"feed", "更新情報（Atom）"},
	[PL_TREND] = {"trend", "削減率の推移"},
	[PL_TREND_TABLE] = {"trend-table", "業務量削減率の推移（グラフの数値）"},
	[PL_PILLARS] = {"pillars", "施策の3本柱"},
	[PL_DEPARTMENTS] = {"departments", "部ごとの状況"},
	[PL_DEPARTMENTS_NOTE] = {"departments-note",
				 "部の名前から、その部の施策ごとの KPI"
				 "（基準値・実績値・目標値）とマイルストーンを見られます。"},
	[PL_DEPARTMENTS_TABLE] = {"departments-table", "部ごとの施策の状況"},
	[PL_MEASURES] = {"measures", "施策の一覧"},
	[PL_NO_KPI] = {"no-kpi", "この施策には KPI がありません。"},
	[PL_PAGES] = {"pages", "ページ"},
	[PL_DATA] = {"data", "オープンデータ"},
	[PL_DATA_NOTE] = {"data-note",
			  "1行に1つの KPI を収め、数値は数値だけ、単位は別の列、日付は "
			  "YYYY-MM-DD で記載しています。出典を表示すれば、どなたでも自由に"
			  "利用できます。"},
	[PL_FEED_BEFORE] = {"feed-before", "新しい四半期の公表は"},
	[PL_FEED_LINK] = {"feed-link", "更新情報（Atom フィード）"},
	[PL_FEED_AFTER] = {"feed-after", "でお知らせします。"},
	[PL_LICENCE_NOTE] = {"licence-note",
			     "（クリエイティブ・コモンズ 表示 4.0 国際（CC BY 4.0）と互換）"},
	[PL_MADE_BY] = {"made-by", "このページは kaikaku が四半期ごとに作成しています。"},
};

const char *public_label_id(enum public_label l)
{
	return (unsigned)l < PL__COUNT ? public_labels[l].id : NULL;
}

void settings_defaults(struct settings *s)
{
	memset(s, 0, sizeof(*s));
	s->city = xstrdup("印西市");
	s->city_code = xstrdup("122319");
	s->on_track_factor = 0.9;
	s->at_risk_factor = 0.7;
	s->kgi_target = 0.30;
	s->kgi_start = period_make(2024, 1);
	s->kgi_due = period_make(2027, 4);
	s->due_days = 15;
	s->contact = xstrdup("PMO（DX推進課デジタル戦略室・総務課行革推進係）");
	s->pub.base_url = xstrdup("https://www.city.inzai.lg.jp/kaikaku/");
	s->pub.tag_date = xstrdup("2024-04-01");
	s->pub.title = xstrdup("抜本的な業務改革の進捗状況");
	s->pub.source =
		xstrdup("印西市 業務改革推進 PMO（DX推進課デジタル戦略室・総務課行革推進係）");
	s->pub.licence = xstrdup("公共データ利用規約（第1.0版）（PDL1.0）");
	s->pub.licence_url =
		xstrdup("https://www.digital.go.jp/resources/open_data/public_data_license_v1.0");
	for (int i = 0; i < PL__COUNT; i++)
		s->pub.labels[i] = xstrdup(public_labels[i].text);
	s->npillars = ARRAY_LEN(default_pillars);
	s->pillars = xcalloc(s->npillars, sizeof(*s->pillars));
	for (size_t i = 0; i < s->npillars; i++) {
		s->pillars[i].name = xstrdup(default_pillars[i].name);
		s->pillars[i].short_name = xstrdup(default_pillars[i].short_name);
		add_alias(&s->pillars[i], default_pillars[i].alias);
	}
	s->limits.file_bytes = 64u << 20;
	s->limits.part_bytes = 256u << 20;
	s->limits.workbook_bytes = 512u << 20;
	s->limits.cells_per_sheet = 2000000;
	s->limits.field_bytes = 1u << 20;
	s->limits.text_bytes = 64u << 20;
	s->messages_per_file = 20;
	for (int i = 0; i < ST__COUNT; i++)
		s->colours[i] = *status_colour((enum status)i);
}

void settings_release(struct settings *s)
{
	free(s->city);
	free(s->city_code);
	free(s->contact);
	free(s->pub.base_url);
	free(s->pub.tag_date);
	free(s->pub.title);
	free(s->pub.source);
	free(s->pub.licence);
	free(s->pub.licence_url);
	for (int i = 0; i < PL__COUNT; i++)
		free(s->pub.labels[i]);
	free(s->path);
	pillars_free(s);
	memset(s, 0, sizeof(*s));
}

/* ---- reading */

/* A fraction: "0.9", or a percentage "30%". */
static bool read_fraction(struct xmlconf *c, const xmlNode *n, const char *name, double lo_excl,
			  double hi, double *out)
{
	char *v = xmlconf_attr(n, name), *end;
	double d;

	if (!v)
		return false;
	errno = 0;
	d = strtod(v, &end);
	if (end != v && *end == '%' && end[1] == '\0') {
		d /= 100;
		end++;
	}
	if (end == v || *end || errno || !(d > lo_excl && d <= hi)) {
		char range[64];

		snprintf(range, sizeof(range), "%g より大きく %g 以下", lo_excl, hi);
		xmlconf_fail(c, n, "属性 %s の値「%s」は %s の数値にしてください", name, v, range);
		free(v);
		return false;
	}
	*out = d;
	free(v);
	return true;
}

/* A colour: "#RRGGBB". */
static void read_colour(struct xmlconf *c, const xmlNode *n, const char *name, uint32_t *out)
{
	char *v = xmlconf_attr(n, name), *end;
	unsigned long rgb;

	if (!v)
		return;
	rgb = v[0] == '#' ? strtoul(v + 1, &end, 16) : 0;
	if (v[0] != '#' || strlen(v) != 7 || *end)
		xmlconf_fail(c, n, "属性 %s の値「%s」は #RRGGBB の色にしてください", name, v);
	else
		*out = (uint32_t)rgb;
	free(v);
}

static void read_colours(struct xmlconf *c, struct settings *s, const xmlNode *list)
{
	static const char *const attrs[] = {"word", "fill", "text", "chart", NULL};

	for (const xmlNode *n = list->children; n && !c->failed; n = n->next) {
		char *word;
		int found = -1;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!xmlconf_is(n, "status")) {
			xmlconf_fail(
				c, n,
				"<colours> の中には <status> だけを書きます（<%s> があります）",
				(const char *)n->name);
			return;
		}
		xmlconf_only(c, n, attrs);
		word = xmlconf_attr(n, "word");
		for (int i = 0; i < ST__COUNT && word; i++)
			if (strcmp(word, status_word((enum status)i)) == 0)
				found = i;
		if (found < 0) {
			xmlconf_fail(c, n,
				     "<status word> "
				     "は状況の言葉（達成・順調・注意・遅延・未報告・未着手・進行中"
				     "・完了・中止）にしてください（「%s」）",
				     word ? word : "");
			free(word);
			return;
		}
		free(word);
		read_colour(c, n, "fill", &s->colours[found].fill);
		read_colour(c, n, "text", &s->colours[found].text);
		read_colour(c, n, "chart", &s->colours[found].chart);
	}
}

/* A byte count or cell count: digits with an optional KiB, MiB or GiB. */
static void read_size(struct xmlconf *c, const xmlNode *n, const char *name, uint64_t *out)
{
	char *v = xmlconf_attr(n, name), *end;
	unsigned long long d;

	if (!v)
		return;
	errno = 0;
	d = strtoull(v, &end, 10);
	if (end != v && v[0] != '-') {
		unsigned shift = 0;

		if (strcmp(end, "KiB") == 0)
			shift = 10;
		else if (strcmp(end, "MiB") == 0)
			shift = 20;
		else if (strcmp(end, "GiB") == 0)
			shift = 30;
		else if (*end)
			goto bad;
		if (errno || d == 0 || d > (UINT64_MAX >> shift))
			goto bad;
		*out = (uint64_t)d << shift;
		free(v);
		return;
	}
bad:
	xmlconf_fail(
		c, n,
		"属性 %s の値「%s」は 1 以上の整数（KiB・MiB・GiB を付けても可）にしてください",
		name, v);
	free(v);
}

static void read_pillars(struct xmlconf *c, struct settings *s, const xmlNode *list)
{
	static const char *const pillar_attrs[] = {"name", "short", NULL};

	pillars_free(s);
	for (const xmlNode *n = list->children; n && !c->failed; n = n->next) {
		struct pillar *p;
		char *name;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!xmlconf_is(n, "pillar")) {
			xmlconf_fail(
				c, n,
				"<pillars> の中には <pillar> だけを書きます（<%s> があります）",
				(const char *)n->name);
			return;
		}
		xmlconf_only(c, n, pillar_attrs);
		name = xmlconf_attr(n, "name");
		if (!name || text_blank(name)) {
			free(name);
			xmlconf_fail(c, n, "<pillar> には name 属性（柱の名前）が必要です");
			return;
		}
		s->pillars = xrealloc(s->pillars, (s->npillars + 1) * sizeof(*s->pillars));
		p = &s->pillars[s->npillars++];
		memset(p, 0, sizeof(*p));
		p->name = name;
		p->short_name = xmlconf_attr(n, "short");
		for (const xmlNode *a = n->children; a && !c->failed; a = a->next) {
			if (a->type != XML_ELEMENT_NODE)
				continue;
			if (!xmlconf_is(a, "alias")) {
				xmlconf_fail(c, a,
					     "<pillar> の中には <alias> だけを書きます（<%s> "
					     "があります）",
					     (const char *)a->name);
				return;
			}
			{
				char *t = xmlconf_text(a);

				if (*t)
					add_alias(p, t);
				free(t);
			}
		}
	}
	if (!c->failed && s->npillars == 0)
		xmlconf_fail(c, list, "<pillars> に柱が1つもありません");
}

/* A period setting: a quarter in any spelling of the contract §1. */
static void read_period(struct xmlconf *c, const xmlNode *n, const char *name, int *out)
{
	char *v = xmlconf_attr(n, name);

	if (!v)
		return;
	if (!period_parse(v, out, NULL))
		xmlconf_fail(c, n, "属性 %s の値「%s」は 2027Q4 のような期間にしてください", name,
			     v);
	free(v);
}

/* An attribute's text over *out, when present and not empty. */
static void read_text_attr(struct xmlconf *c, const xmlNode *n, const char *name, char **out)
{
	char *v = xmlconf_attr(n, name);

	if (!v)
		return;
	if (!*v) {
		xmlconf_fail(c, n, "属性 %s が空です", name);
		free(v);
		return;
	}
	free(*out);
	*out = v;
}

/* Where a <label id="..."> goes; NULL (c failed) for a missing or unknown id. */
static char **label_into(struct xmlconf *c, struct settings *s, const xmlNode *n)
{
	char *id = xmlconf_attr(n, "id");
	struct strbuf known = STRBUF_INIT;

	for (int i = 0; id && i < PL__COUNT; i++)
		if (strcmp(id, public_labels[i].id) == 0) {
			free(id);
			return &s->pub.labels[i];
		}
	for (int i = 0; i < PL__COUNT; i++)
		sb_addf(&known, "%s%s", i ? " " : "", public_labels[i].id);
	xmlconf_fail(c, n, "<label> の id「%s」はありません（使える id: %s）", id ? id : "",
		     sb_str(&known));
	free(id);
	sb_release(&known);
	return NULL;
}

static void read_public(struct xmlconf *c, struct settings *s, const xmlNode *pub)
{
	static const char *const attrs[] = {"base-url", "tag-date", "comments", NULL};
	static const char *const url_attr[] = {"url", NULL};
	static const char *const none[] = {NULL};
	static const char *const id_attr[] = {"id", NULL};
	char *v;
	int y, m, d;

	xmlconf_only(c, pub, attrs);
	read_text_attr(c, pub, "base-url", &s->pub.base_url);
	read_text_attr(c, pub, "tag-date", &s->pub.tag_date);
	if (!c->failed && (sscanf(s->pub.tag_date, "%4d-%2d-%2d", &y, &m, &d) != 3 ||
			   strlen(s->pub.tag_date) != 10 || !date_valid(y, m, d)))
		xmlconf_fail(c, pub,
			     "属性 tag-date の値「%s」は 2024-04-01 のような日付にしてください",
			     s->pub.tag_date);
	if (!c->failed && strncmp(s->pub.base_url, "https://", 8) != 0 &&
	    strncmp(s->pub.base_url, "http://", 7) != 0)
		xmlconf_fail(c, pub,
			     "属性 base-url の値「%s」は https:// で始まる URL にしてください",
			     s->pub.base_url);
	if ((v = xmlconf_attr(pub, "comments"))) {
		if (strcmp(v, "yes") == 0)
			s->pub.comments = true;
		else if (strcmp(v, "no") == 0)
			s->pub.comments = false;
		else
			xmlconf_fail(
				c, pub,
				"属性 comments は yes か no にしてください（「%s」があります）", v);
		free(v);
	}
	for (const xmlNode *n = pub->children; n && !c->failed; n = n->next) {
		char **into = NULL;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlconf_is(n, "title"))
			into = &s->pub.title;
		else if (xmlconf_is(n, "source"))
			into = &s->pub.source;
		else if (xmlconf_is(n, "licence"))
			into = &s->pub.licence;
		else if (xmlconf_is(n, "label"))
			into = label_into(c, s, n);
		if (c->failed)
			return;
		if (!into) {
			xmlconf_fail(c, n,
				     "<public> の中には <title> <source> <licence> <label> "
				     "だけを書きます（<%s> があります）",
				     (const char *)n->name);
			return;
		}
		xmlconf_only(c, n,
			     xmlconf_is(n, "licence") ? url_attr
			     : xmlconf_is(n, "label") ? id_attr
						      : none);
		if (xmlconf_is(n, "licence"))
			read_text_attr(c, n, "url", &s->pub.licence_url);
		v = xmlconf_text(n);
		if (!*v) {
			free(v);
			xmlconf_fail(c, n, "<%s> が空です", (const char *)n->name);
			return;
		}
		free(*into);
		*into = v;
	}
}

static void read_root(struct xmlconf *c, struct settings *s, const xmlNode *root)
{
	static const char *const none[] = {NULL};
	static const char *const status_attrs[] = {"on-track", "at-risk", NULL};
	static const char *const kgi_attrs[] = {"target", "start", "due", NULL};
	static const char *const city_attrs[] = {"code", NULL};
	static const char *const submission_attrs[] = {"due-days", "contact", NULL};
	static const char *const limit_attrs[] = {
		"file-bytes", "part-bytes", "workbook-bytes", "cells-per-sheet", "field-bytes",
		"text-bytes", NULL};
	static const char *const message_attrs[] = {"per-file", NULL};

	if (!xmlconf_is(root, "settings")) {
		xmlconf_fail(c, root, "最上位の要素は <settings> にしてください（<%s> があります）",
			     (const char *)root->name);
		return;
	}
	xmlconf_only(c, root, none);
	for (const xmlNode *n = root->children; n && !c->failed; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlconf_is(n, "city")) {
			char *t;

			xmlconf_only(c, n, city_attrs);
			read_text_attr(c, n, "code", &s->city_code);
			t = xmlconf_text(n);

			if (!*t) {
				free(t);
				xmlconf_fail(c, n, "<city> が空です（市の名前を書きます）");
				return;
			}
			free(s->city);
			s->city = t;
		} else if (xmlconf_is(n, "status")) {
			xmlconf_only(c, n, status_attrs);
			read_fraction(c, n, "on-track", 0, 1, &s->on_track_factor);
			read_fraction(c, n, "at-risk", 0, 1, &s->at_risk_factor);
			if (!c->failed && s->at_risk_factor > s->on_track_factor)
				xmlconf_fail(c, n, "at-risk は on-track 以下にしてください");
		} else if (xmlconf_is(n, "kgi")) {
			xmlconf_only(c, n, kgi_attrs);
			read_fraction(c, n, "target", 0, 1, &s->kgi_target);
			read_period(c, n, "start", &s->kgi_start);
			read_period(c, n, "due", &s->kgi_due);
			if (!c->failed && s->kgi_due <= s->kgi_start)
				xmlconf_fail(c, n, "due は start より後の期間にしてください");
		} else if (xmlconf_is(n, "submission")) {
			xmlconf_only(c, n, submission_attrs);
			read_size(c, n, "due-days", &s->due_days);
			read_text_attr(c, n, "contact", &s->contact);
			if (!c->failed && s->due_days > 366)
				xmlconf_fail(c, n, "due-days は 0〜366 の日数にしてください");
		} else if (xmlconf_is(n, "pillars")) {
			xmlconf_only(c, n, none);
			read_pillars(c, s, n);
		} else if (xmlconf_is(n, "colours")) {
			xmlconf_only(c, n, none);
			read_colours(c, s, n);
		} else if (xmlconf_is(n, "public")) {
			read_public(c, s, n);
		} else if (xmlconf_is(n, "limits")) {
			xmlconf_only(c, n, limit_attrs);
			read_size(c, n, "file-bytes", &s->limits.file_bytes);
			read_size(c, n, "part-bytes", &s->limits.part_bytes);
			read_size(c, n, "workbook-bytes", &s->limits.workbook_bytes);
			read_size(c, n, "cells-per-sheet", &s->limits.cells_per_sheet);
			read_size(c, n, "field-bytes", &s->limits.field_bytes);
			read_size(c, n, "text-bytes", &s->limits.text_bytes);
		} else if (xmlconf_is(n, "messages")) {
			xmlconf_only(c, n, message_attrs);
			read_size(c, n, "per-file", &s->messages_per_file);
		} else {
			xmlconf_fail(c, n, "知らない要素 <%s> があります（綴りを確認してください）",
				     (const char *)n->name);
		}
	}
}

bool settings_load(struct settings *s, const char *path, struct strbuf *err)
{
	struct xmlconf c = {path, err, false};
	xmlDoc *doc = xmlconf_read(path, "設定ファイル", err);

	if (!doc)
		return false;
	read_root(&c, s, xmlDocGetRootElement(doc));
	xmlFreeDoc(doc);
	if (c.failed)
		return false;
	free(s->path);
	s->path = xstrdup(path);
	return true;
}

char *settings_templates_dir(void)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	const char *env = getenv("KAIKAKU_TEMPLATES");
	static const char *const rel[] = {"/templates", "/../share/kaikaku/templates"};

	if (env && *env)
		return xstrdup(env);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	{
		char *slash = strrchr(exe, '/');

		if (!slash)
			return NULL;
		*slash = '\0';
	}
	for (size_t i = 0; i < ARRAY_LEN(rel); i++) {
		struct strbuf sb = STRBUF_INIT;

		sb_addf(&sb, "%s%s", exe, rel[i]);
		if (access(sb_str(&sb), R_OK | X_OK) == 0)
			return sb_detach(&sb);
		sb_release(&sb);
	}
	return NULL;
}

char *settings_default_path(void)
{
	char *dir = settings_templates_dir();
	struct strbuf sb = STRBUF_INIT;

	if (!dir)
		return NULL;
	sb_addf(&sb, "%s/settings.xml", dir);
	free(dir);
	if (access(sb_str(&sb), R_OK) == 0)
		return sb_detach(&sb);
	sb_release(&sb);
	return NULL;
}

int settings_find_pillar(const struct settings *s, const char *text)
{
	struct strbuf key = STRBUF_INIT, cand = STRBUF_INIT;
	int found = -1;

	text_fold(&key, text);
	for (size_t i = 0; i < s->npillars && found < 0; i++) {
		const struct pillar *p = &s->pillars[i];
		const char *names[2] = {p->name, p->short_name};

		for (size_t k = 0; k < 2 + p->naliases && found < 0; k++) {
			const char *nm = k < 2 ? names[k] : p->aliases[k - 2];

			if (!nm)
				continue;
			sb_reset(&cand);
			text_fold(&cand, nm);
			if (strcmp(sb_str(&cand), sb_str(&key)) == 0)
				found = (int)i;
		}
	}
	sb_release(&key);
	sb_release(&cand);
	return found;
}
