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

/* The first of a parse's errors (the later ones follow from it). */
struct first_error {
	int code, line;
	bool set;
};

static void keep_first(void *ctx, const xmlError *e)
{
	struct first_error *f = ctx;

	if (!f->set && e && e->level >= XML_ERR_ERROR) {
		f->code = e->code;
		f->line = e->line;
		f->set = true;
	}
}

const char *xmlconf_error_words(int code)
{
	switch (code) {
	case XML_ERR_TAG_NAME_MISMATCH:
		return "開始タグと終了タグの名前が合っていません（<title>…</title> のように同じ名前で閉じます）";
	case XML_ERR_TAG_NOT_FINISHED:
	case XML_ERR_LTSLASH_REQUIRED:
		return "閉じていないタグがあります（<title>…</title> のように閉じます）";
	case XML_ERR_GT_REQUIRED:
		return "タグが > で終わっていません";
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
	case XML_ERR_NAME_REQUIRED:
		return "& の使い方が違います（文字の & は &amp; と書きます）";
	case XML_ERR_LT_IN_ATTRIBUTE:
		return "属性の値に < があります（&lt; と書きます）";
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
	case XML_ERR_STRING_NOT_STARTED:
	case XML_ERR_STRING_NOT_CLOSED:
		return "属性の値は name=\"…\" のように引用符で囲みます";
	case XML_ERR_ATTRIBUTE_REDEFINED:
		return "同じ属性が2回書かれています";
	case XML_ERR_DOCUMENT_END:
		return "最後の終了タグのあとに文字があります";
	case XML_ERR_DOCUMENT_EMPTY:
		return "中身がありません";
	case XML_ERR_INVALID_CHAR:
	case XML_ERR_INVALID_ENCODING:
		return "使えない文字があります（UTF-8 で保存してください）";
	case XML_ERR_COMMENT_NOT_FINISHED:
		return "コメント <!-- … --> が閉じていません";
	case XML_ERR_INTERNAL_ERROR:
		return "要素の入れ子が深すぎます";
	default:
		return NULL;
	}
}

xmlDoc *xmlconf_read(const char *path, const char *what, struct strbuf *err)
{
	xmlDoc *doc;

	struct first_error first = {0, 0, false};

	xmlSetGenericErrorFunc(NULL, silent);
	xmlSetStructuredErrorFunc(&first, (xmlStructuredErrorFunc)keep_first);
	doc = xmlReadFile(path, NULL, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (!doc) {
		const xmlError *e = xmlGetLastError();
		const char *words =
			e ? xmlconf_error_words(first.set ? first.code : e->code) : NULL;

		if (!e || e->domain == XML_FROM_IO)
			sb_addf(err, "%s: %sを読めません", path, what);
		else
			sb_addf(err, "%s:%d: %sの XML の書き方に誤りがあります: %s", path,
				first.set ? first.line : e->line, what,
				words ? words
				      : "タグの形が崩れています（直前に編集した箇所を見直すか、templates の元の"
					"ファイルと比べてください）");
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
