/*
 * pdf_template.c - templates/review.xml: no DTD, no entities, no network, and
 * every unknown element or attribute an error with its line.
 */
#include "kaikaku.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdarg.h>

#include "pdf_template.h"
#include "utf8.h"
#include "xmlconf.h"

static const struct {
	const char *name, *title;
} sections[SEC__COUNT] = {
	[SEC_SUMMARY] = {"summary", "総括"},
	[SEC_CONTENTS] = {"contents", "目次"},
	[SEC_KGI] = {"kgi", "概要 KGI 業務量削減率"},
	[SEC_PILLARS] = {"pillars", "施策の3本柱"},
	[SEC_ROADMAP] = {"roadmap", "ロードマップ"},
	[SEC_DEPARTMENTS] = {"departments", "部別の状況"},
	[SEC_WORSE] = {"worse", "前四半期から悪化した項目"},
	[SEC_OVERDUE] = {"overdue", "期限を過ぎたマイルストーン"},
	[SEC_MISSING] = {"missing", "未提出の課"},
	[SEC_RESTATED] = {"restated", "過去期の修正"},
	[SEC_ERRORS] = {"errors", "付録 入力エラー"},
};

static void free_sections(struct review_template *t)
{
	for (size_t i = 0; i < t->nsections; i++)
		free(t->sections[i].title);
	free(t->sections);
	t->sections = NULL;
	t->nsections = 0;
}

void review_template_defaults(struct review_template *t)
{
	memset(t, 0, sizeof(*t));
	t->font_family = xstrdup("IPAexGothic");
	t->font_package = xstrdup("fonts-ipaexfont-gothic");
	t->margin_top = 54;
	t->margin_bottom = 48;
	t->margin_left = 46;
	t->margin_right = 46;
	t->title = xstrdup("抜本的な業務改革 四半期レビュー");
	t->organisation = xstrdup("PMO（DX推進課デジタル戦略室・総務課行革推進係）");
	t->nsections = SEC__COUNT;
	t->sections = xcalloc(SEC__COUNT, sizeof(*t->sections));
	for (int i = 0; i < SEC__COUNT; i++) {
		t->sections[i].id = (enum section_id)i;
		t->sections[i].title = xstrdup(sections[i].title);
		t->sections[i].limit = i == SEC_ERRORS ? 200 : -1;
	}
}

void review_template_release(struct review_template *t)
{
	free(t->font_family);
	free(t->font_path);
	free(t->font_package);
	free(t->title);
	free(t->organisation);
	free(t->path);
	free_sections(t);
	memset(t, 0, sizeof(*t));
}

static void text_into(struct xmlconf *c, const xmlNode *n, char **out)
{
	char *t = xmlconf_text(n);

	if (!*t) {
		free(t);
		xmlconf_fail(c, n, "<%s> が空です", (const char *)n->name);
		return;
	}
	free(*out);
	*out = t;
}

static void length(struct xmlconf *c, const xmlNode *n, const char *name, double *out)
{
	char *v = xmlconf_attr(n, name), *end;
	double d;

	if (!v)
		return;
	errno = 0;
	d = strtod(v, &end);
	if (end == v || *end || errno || d < 0 || d > 200)
		xmlconf_fail(c, n, "属性 %s の値「%s」は 0〜200（ポイント）の数値にしてください",
			     name, v);
	else
		*out = d;
	free(v);
}

static void read_sections(struct xmlconf *c, struct review_template *t, const xmlNode *list)
{
	static const char *const attrs[] = {"id", "title", "limit", NULL};

	free_sections(t);
	for (const xmlNode *n = list->children; n && !c->failed; n = n->next) {
		char *id, *title, *limit;
		int found = -1;
		struct section *s;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (!xmlconf_is(n, "section")) {
			xmlconf_fail(
				c, n,
				"<sections> の中には <section> だけを書きます（<%s> があります）",
				(const char *)n->name);
			return;
		}
		xmlconf_only(c, n, attrs);
		id = xmlconf_attr(n, "id");
		for (int i = 0; i < SEC__COUNT && id; i++)
			if (strcmp(id, sections[i].name) == 0)
				found = i;
		for (size_t i = 0; i < t->nsections && found >= 0; i++)
			if (t->sections[i].id == (enum section_id)found)
				xmlconf_fail(c, n, "節「%s」が2回あります", id);
		if (found < 0) {
			struct strbuf ids = STRBUF_INIT;

			for (int i = 0; i < SEC__COUNT; i++)
				sb_addf(&ids, "%s%s", i ? "・" : "", sections[i].name);
			xmlconf_fail(c, n, "<section id> は %s のいずれかにしてください（「%s」）",
				     sb_str(&ids), id ? id : "");
			sb_release(&ids);
		}
		free(id);
		if (c->failed)
			return;
		t->sections = xrealloc(t->sections, (t->nsections + 1) * sizeof(*t->sections));
		s = &t->sections[t->nsections++];
		s->id = (enum section_id)found;
		title = xmlconf_attr(n, "title");
		s->title = title && !text_blank(title) ? title : xstrdup(sections[found].title);
		if (title && s->title != title)
			free(title);
		s->limit = found == SEC_ERRORS ? 200 : -1;
		limit = xmlconf_attr(n, "limit");
		if (limit) {
			char *end;
			long v = strtol(limit, &end, 10);

			if (end == limit || *end || v < 0 || v > 100000)
				xmlconf_fail(
					c, n,
					"属性 limit の値「%s」は 0〜100000 の整数にしてください",
					limit);
			else
				s->limit = v;
			free(limit);
		}
	}
}

bool review_template_load(struct review_template *t, const char *path, struct strbuf *err)
{
	static const char *const none[] = {NULL};
	static const char *const font_attrs[] = {"family", "path", "package", NULL};
	static const char *const page_attrs[] = {"margin-top", "margin-bottom", "margin-left",
						 "margin-right", NULL};
	struct xmlconf c = {path, err, false};
	xmlDoc *doc;
	xmlNode *root;

	doc = xmlconf_read(path, "レイアウトのファイル", err);
	if (!doc)
		return false;
	root = xmlDocGetRootElement(doc);
	if (!xmlconf_is(root, "review"))
		xmlconf_fail(&c, root, "最上位の要素は <review> にしてください（<%s> があります）",
			     (const char *)root->name);
	else
		xmlconf_only(&c, root, none);
	for (const xmlNode *n = c.failed ? NULL : root->children; n && !c.failed; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (xmlconf_is(n, "font")) {
			char *f = xmlconf_attr(n, "family"), *p = xmlconf_attr(n, "path"),
			     *pkg = xmlconf_attr(n, "package");

			xmlconf_only(&c, n, font_attrs);
			if (f && text_blank(f))
				xmlconf_fail(
					&c, n,
					"属性 family が空です（フォントのファミリー名を書きます）");
			if (f) {
				free(t->font_family);
				t->font_family = f;
			}
			if (p) {
				free(t->font_path);
				t->font_path = p;
			}
			if (pkg) {
				free(t->font_package);
				t->font_package = pkg;
			}
		} else if (xmlconf_is(n, "page")) {
			xmlconf_only(&c, n, page_attrs);
			length(&c, n, "margin-top", &t->margin_top);
			length(&c, n, "margin-bottom", &t->margin_bottom);
			length(&c, n, "margin-left", &t->margin_left);
			length(&c, n, "margin-right", &t->margin_right);
		} else if (xmlconf_is(n, "title")) {
			xmlconf_only(&c, n, none);
			text_into(&c, n, &t->title);
		} else if (xmlconf_is(n, "organisation")) {
			xmlconf_only(&c, n, none);
			text_into(&c, n, &t->organisation);
		} else if (xmlconf_is(n, "sections")) {
			xmlconf_only(&c, n, none);
			read_sections(&c, t, n);
		} else {
			xmlconf_fail(&c, n,
				     "知らない要素 <%s> があります（綴りを確認してください）",
				     (const char *)n->name);
		}
	}
	xmlFreeDoc(doc);
	if (c.failed)
		return false;
	free(t->path);
	t->path = xstrdup(path);
	return true;
}
