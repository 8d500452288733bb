/*
 * settings.c - reading templates/settings.xml with libxml2 (no DTD, no
 * entities, no network) and validating every value with its line number.
 */
#include "kaikaku.h"

#include <errno.h>
#include <stdarg.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <unistd.h>

#include "settings.h"
#include "utf8.h"

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

void settings_defaults(struct settings *s)
{
	memset(s, 0, sizeof(*s));
	s->city = xstrdup("印西市");
	s->on_track_factor = 0.9;
	s->at_risk_factor = 0.7;
	s->kgi_target = 0.30;
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
}

void settings_release(struct settings *s)
{
	free(s->city);
	free(s->path);
	pillars_free(s);
	memset(s, 0, sizeof(*s));
}

/* ---- reading */

struct ctx {
	const char *path;
	struct strbuf *err;
	bool failed;
};

static void fail(struct ctx *c, const xmlNode *n, const char *fmt, ...) KK_PRINTF(3, 4);

static void fail(struct ctx *c, const xmlNode *n, const char *fmt, ...)
{
	va_list ap;
	char msg[512];

	if (c->failed)
		return;
	c->failed = true;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	sb_addf(c->err, "%s:%ld: %s", c->path, n ? (long)xmlGetLineNo(n) : 0L, msg);
}

static bool name_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* Only the listed attributes are allowed, so a misspelt one is an error. */
static void check_attrs(struct ctx *c, const xmlNode *n, const char *const *allowed)
{
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		bool ok = false;

		for (size_t i = 0; allowed[i]; i++)
			ok = ok || strcmp((const char *)a->name, allowed[i]) == 0;
		if (!ok)
			fail(c, n, "<%s> に知らない属性「%s」があります", (const char *)n->name,
			     (const char *)a->name);
	}
}

static char *text_of(const xmlNode *n)
{
	xmlChar *t = xmlNodeGetContent(n);
	struct strbuf sb = STRBUF_INIT;
	size_t b, len;

	if (t) {
		text_trim((const char *)t, strlen((const char *)t), &b, &len);
		sb_add(&sb, (const char *)t + b, len);
		xmlFree(t);
	}
	return sb_detach(&sb);
}

static char *attr(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *r;

	if (!v)
		return NULL;
	r = xstrdup((const char *)v);
	xmlFree(v);
	return r;
}

/* A fraction: "0.9", or a percentage "30%". */
static bool read_fraction(struct ctx *c, const xmlNode *n, const char *name, double lo_excl,
			  double hi, double *out)
{
	char *v = attr(n, name), *end;
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
		fail(c, n, "属性 %s の値「%s」は %s の数値にしてください", name, v, range);
		free(v);
		return false;
	}
	*out = d;
	free(v);
	return true;
}

/* A byte count or cell count: digits with an optional KiB, MiB or GiB. */
static void read_size(struct ctx *c, const xmlNode *n, const char *name, uint64_t *out)
{
	char *v = attr(n, name), *end;
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
	fail(c, n, "属性 %s の値「%s」は 1 以上の整数（KiB・MiB・GiB を付けても可）にしてください",
	     name, v);
	free(v);
}

static void read_pillars(struct ctx *c, struct settings *s, const xmlNode *list)
{
	static const char *const pillar_attrs[] = {"name", "short", NULL};

	pillars_free(s);
	for (const xmlNode *n = list->children; n && !c->failed; n = n->next) {
		struct pillar *p;
		char *name;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!name_is(n, "pillar")) {
			fail(c, n, "<pillars> の中には <pillar> だけを書きます（<%s> があります）",
			     (const char *)n->name);
			return;
		}
		check_attrs(c, n, pillar_attrs);
		name = attr(n, "name");
		if (!name || text_blank(name)) {
			free(name);
			fail(c, n, "<pillar> には name 属性（柱の名前）が必要です");
			return;
		}
		s->pillars = xrealloc(s->pillars, (s->npillars + 1) * sizeof(*s->pillars));
		p = &s->pillars[s->npillars++];
		memset(p, 0, sizeof(*p));
		p->name = name;
		p->short_name = attr(n, "short");
		for (const xmlNode *a = n->children; a && !c->failed; a = a->next) {
			if (a->type != XML_ELEMENT_NODE)
				continue;
			if (!name_is(a, "alias")) {
				fail(c, a, "<pillar> の中には <alias> だけを書きます（<%s> があります）",
				     (const char *)a->name);
				return;
			}
			{
				char *t = text_of(a);

				if (*t)
					add_alias(p, t);
				free(t);
			}
		}
	}
	if (!c->failed && s->npillars == 0)
		fail(c, list, "<pillars> に柱が1つもありません");
}

static void read_root(struct ctx *c, struct settings *s, const xmlNode *root)
{
	static const char *const none[] = {NULL};
	static const char *const status_attrs[] = {"on-track", "at-risk", NULL};
	static const char *const kgi_attrs[] = {"target", NULL};
	static const char *const limit_attrs[] = {"file-bytes",      "part-bytes",  "workbook-bytes",
						  "cells-per-sheet", "field-bytes", NULL};

	if (!name_is(root, "settings")) {
		fail(c, root, "最上位の要素は <settings> にしてください（<%s> があります）",
		     (const char *)root->name);
		return;
	}
	check_attrs(c, root, none);
	for (const xmlNode *n = root->children; n && !c->failed; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (name_is(n, "city")) {
			char *t = text_of(n);

			if (!*t) {
				free(t);
				fail(c, n, "<city> が空です（市の名前を書きます）");
				return;
			}
			free(s->city);
			s->city = t;
		} else if (name_is(n, "status")) {
			check_attrs(c, n, status_attrs);
			read_fraction(c, n, "on-track", 0, 1, &s->on_track_factor);
			read_fraction(c, n, "at-risk", 0, 1, &s->at_risk_factor);
			if (!c->failed && s->at_risk_factor > s->on_track_factor)
				fail(c, n, "at-risk は on-track 以下にしてください");
		} else if (name_is(n, "kgi")) {
			check_attrs(c, n, kgi_attrs);
			read_fraction(c, n, "target", 0, 1, &s->kgi_target);
		} else if (name_is(n, "pillars")) {
			check_attrs(c, n, none);
			read_pillars(c, s, n);
		} else if (name_is(n, "limits")) {
			check_attrs(c, n, limit_attrs);
			read_size(c, n, "file-bytes", &s->limits.file_bytes);
			read_size(c, n, "part-bytes", &s->limits.part_bytes);
			read_size(c, n, "workbook-bytes", &s->limits.workbook_bytes);
			read_size(c, n, "cells-per-sheet", &s->limits.cells_per_sheet);
			read_size(c, n, "field-bytes", &s->limits.field_bytes);
		} else {
			fail(c, n, "知らない要素 <%s> があります（綴りを確認してください）",
			     (const char *)n->name);
		}
	}
}

static void silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

bool settings_load(struct settings *s, const char *path, struct strbuf *err)
{
	struct ctx c = {path, err, false};
	xmlDoc *doc;

	xmlSetGenericErrorFunc(NULL, silent);
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc) {
		const xmlError *e = xmlGetLastError();

		if (e && e->domain == XML_FROM_IO)
			sb_addf(err, "%s: 設定ファイルを読めません", path);
		else if (e)
			sb_addf(err, "%s:%d: XML の誤り: %s", path, e->line,
				e->message ? e->message : "");
		else
			sb_addf(err, "%s: 設定ファイルを読めません", path);
		/* libxml2's messages end with a newline; one line each */
		while (err->len && (err->buf[err->len - 1] == '\n' || err->buf[err->len - 1] == ' '))
			err->buf[--err->len] = '\0';
		return false;
	}
	if (doc->intSubset || doc->extSubset) {
		sb_addf(err, "%s:%ld: DOCTYPE（DTD）は使えません", path,
			(long)xmlGetLineNo((xmlNode *)doc->intSubset));
		xmlFreeDoc(doc);
		return false;
	}
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
