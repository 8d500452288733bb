/*
 * xmlconf.c - see xmlconf.h.
 */
#include "kaikaku.h"

#include <libxml/parser.h>
#include <stdarg.h>

#include "utf8.h"
#include "xmlconf.h"

static void silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

xmlDoc *xmlconf_read(const char *path, const char *what, struct strbuf *err)
{
	xmlDoc *doc;

	xmlSetGenericErrorFunc(NULL, silent);
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	if (!doc) {
		const xmlError *e = xmlGetLastError();

		if (!e || e->domain == XML_FROM_IO)
			sb_addf(err, "%s: %sを読めません", path, what);
		else
			sb_addf(err, "%s:%d: XML の誤り: %s", path, e->line,
				e->message ? e->message : "");
		/* libxml2's messages end with a newline; one line each */
		while (err->len &&
		       (err->buf[err->len - 1] == '\n' || err->buf[err->len - 1] == ' '))
			err->buf[--err->len] = '\0';
		return NULL;
	}
	if (doc->intSubset || doc->extSubset) {
		sb_addf(err, "%s:%ld: DOCTYPE（DTD）は使えません", path,
			doc->intSubset ? (long)xmlGetLineNo((xmlNode *)doc->intSubset) : 0L);
		xmlFreeDoc(doc);
		return NULL;
	}
	if (!xmlDocGetRootElement(doc)) {
		sb_addf(err, "%s: %sに要素がありません", path, what);
		xmlFreeDoc(doc);
		return NULL;
	}
	return doc;
}

void xmlconf_fail(struct xmlconf *c, const xmlNode *n, const char *fmt, ...)
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

bool xmlconf_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

char *xmlconf_attr(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *r;

	if (!v)
		return NULL;
	r = xstrdup((const char *)v);
	xmlFree(v);
	return r;
}

void xmlconf_only(struct xmlconf *c, const xmlNode *n, const char *const *allowed)
{
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		bool ok = false;

		for (size_t i = 0; allowed[i]; i++)
			ok = ok || strcmp((const char *)a->name, allowed[i]) == 0;
		if (!ok)
			xmlconf_fail(c, n, "<%s> に知らない属性「%s」があります",
				     (const char *)n->name, (const char *)a->name);
	}
}

char *xmlconf_text(const xmlNode *n)
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
