/*
 * html_write.c - HTML5 through xmlTextWriter (html_write.h).
 */
#include "kaikaku.h"

#include <libxml/xmlwriter.h>
#include <stdarg.h>

#include "html_write.h"

#define HTML_DEPTH 64

struct html {
	xmlBufferPtr buf;
	xmlTextWriterPtr w;
	bool failed;
	size_t depth;
	bool block[HTML_DEPTH]; /* a line break after this element's end */
};

/* Elements after whose end a line break keeps the source readable; the
 * break is whitespace between blocks, which HTML ignores. */
static bool is_block(const char *name)
{
	static const char *const blocks[] = {
		"html",    "head", "body", "header", "main", "footer", "nav",   "section",
		"div",     "p",    "h1",   "h2",     "h3",   "table",  "thead", "tbody",
		"tr",      "ul",   "ol",   "li",     "dl",   "figure", "svg",   "title",
		"caption", "dd",   "dt",   "style",  NULL};

	for (size_t i = 0; blocks[i]; i++)
		if (strcmp(name, blocks[i]) == 0)
			return true;
	return false;
}

static void check(struct html *h, int rc)
{
	if (rc < 0)
		h->failed = true;
}

struct html *html_new(void)
{
	struct html *h = xcalloc(1, sizeof(*h));

	h->buf = xmlBufferCreate();
	h->w = h->buf ? xmlNewTextWriterMemory(h->buf, 0) : NULL;
	if (!h->w) {
		h->failed = true;
		return h;
	}
	/* Started as a UTF-8 document so that libxml2 writes non-ASCII text in
	 * attributes as it is rather than as character references; the XML
	 * declaration this writes is dropped, HTML has none. */
	check(h, xmlTextWriterStartDocument(h->w, NULL, "UTF-8", NULL));
	check(h, xmlTextWriterFlush(h->w));
	xmlBufferEmpty(h->buf);
	check(h, xmlTextWriterWriteRaw(h->w, BAD_CAST "<!DOCTYPE html>\n"));
	return h;
}

void html_start(struct html *h, const char *name)
{
	if (!h->w)
		return;
	check(h, xmlTextWriterStartElement(h->w, BAD_CAST name));
	if (h->depth < HTML_DEPTH)
		h->block[h->depth] = is_block(name);
	h->depth++;
}

void html_attr(struct html *h, const char *name, const char *value)
{
	if (h->w)
		check(h, xmlTextWriterWriteAttribute(h->w, BAD_CAST name,
						     BAD_CAST(value ? value : "")));
}

void html_attrf(struct html *h, const char *name, const char *fmt, ...)
{
	struct strbuf sb = STRBUF_INIT;
	va_list ap;
	char tmp[512];

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	sb_adds(&sb, tmp);
	html_attr(h, name, sb_str(&sb));
	sb_release(&sb);
}

void html_text(struct html *h, const char *text)
{
	struct strbuf clean = STRBUF_INIT;

	if (!h->w || !text)
		return;
	/* C0 controls are not allowed in HTML text (nor in XML) */
	for (const unsigned char *p = (const unsigned char *)text; *p; p++)
		sb_addc(&clean,
			(*p < 0x20 && *p != '\t' && *p != '\n') || *p == 0x7f ? ' ' : (char)*p);
	check(h, xmlTextWriterWriteString(h->w, BAD_CAST sb_str(&clean)));
	sb_release(&clean);
}

void html_textf(struct html *h, const char *fmt, ...)
{
	char tmp[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	html_text(h, tmp);
}

void html_end(struct html *h)
{
	bool block;

	if (!h->w || !h->depth)
		return;
	h->depth--;
	block = h->depth < HTML_DEPTH && h->block[h->depth];
	check(h, xmlTextWriterFullEndElement(h->w));
	if (block)
		check(h, xmlTextWriterWriteRaw(h->w, BAD_CAST "\n"));
}

static void attrs_va(struct html *h, va_list ap)
{
	const char *n;

	while ((n = va_arg(ap, const char *)) != NULL) {
		const char *v = va_arg(ap, const char *);

		html_attr(h, n, v);
	}
}

void html_void(struct html *h, const char *name, ...)
{
	va_list ap;

	if (!h->w)
		return;
	check(h, xmlTextWriterStartElement(h->w, BAD_CAST name));
	va_start(ap, name);
	attrs_va(h, ap);
	va_end(ap);
	check(h, xmlTextWriterEndElement(h->w));
}

void html_elem(struct html *h, const char *name, const char *text, ...)
{
	va_list ap;

	html_start(h, name);
	va_start(ap, text);
	attrs_va(h, ap);
	va_end(ap);
	html_text(h, text);
	html_end(h);
}

bool html_finish(struct html *h, struct strbuf *out, struct strbuf *err)
{
	bool ok;

	while (h->w && h->depth)
		html_end(h);
	if (h->w) {
		check(h, xmlTextWriterEndDocument(h->w));
		check(h, xmlTextWriterFlush(h->w));
		xmlFreeTextWriter(h->w);
	}
	ok = !h->failed;
	if (ok)
		sb_add(out, xmlBufferContent(h->buf), (size_t)xmlBufferLength(h->buf));
	else
		sb_adds(err, "HTML を書き出せません（libxml2 の xmlTextWriter が失敗しました）");
	if (h->buf)
		xmlBufferFree(h->buf);
	free(h);
	return ok;
}
