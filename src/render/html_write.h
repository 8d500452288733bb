/*
 * html_write.h - HTML5 written through libxml2's xmlTextWriter, so that every
 * text and attribute is escaped by the library and never pasted into markup.
 * Elements that are not void are always closed in full (<div></div>, never
 * <div/>), which HTML parsers require.
 */
#ifndef KK_HTML_WRITE_H
#define KK_HTML_WRITE_H

#include "kaikaku.h"

#include "strbuf.h"

struct html;

/* A new document that starts with <!DOCTYPE html>. */
struct html *html_new(void);
/* <name>; attributes follow with html_attr until the next element or text. */
void html_start(struct html *h, const char *name);
void html_attr(struct html *h, const char *name, const char *value);
void html_attrf(struct html *h, const char *name, const char *fmt, ...) KK_PRINTF(3, 4);
/* Text, escaped; control characters (but tab and line feed) become spaces. */
void html_text(struct html *h, const char *text);
void html_textf(struct html *h, const char *fmt, ...) KK_PRINTF(2, 3);
/* </name> of the innermost open element, and a line break after a block. */
void html_end(struct html *h);
/* A void element (meta, link, br) with its attributes: name, value pairs
 * ending in NULL. */
void html_void(struct html *h, const char *name, ...);
/* <name attrs...>text</name> in one call: attrs are name, value pairs
 * ending in NULL. */
void html_elem(struct html *h, const char *name, const char *text, ...);
/*
 * Closes every open element and appends the document to out; false (with
 * the reason in err) when libxml2 failed, the writer freed either way.
 */
bool html_finish(struct html *h, struct strbuf *out, struct strbuf *err);

#endif
