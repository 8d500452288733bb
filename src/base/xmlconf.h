/*
 * xmlconf.h - the project's own XML files (settings.xml, review.xml): read
 * with no DTD, no entities and no network, and every mistake reported once,
 * in Japanese, with its file and line.
 */
#ifndef KK_XMLCONF_H
#define KK_XMLCONF_H

#include <libxml/tree.h>

#include "strbuf.h"

struct xmlconf {
	const char *path;
	struct strbuf *err;
	bool failed; /* the first mistake is the one reported */
};

/* Parses path; on failure says why in err ("what" names the file for the
 * reader, e.g. "設定ファイル") and returns NULL. A DOCTYPE is refused. */
/* A libxml2 parser error (xmlParserErrors) in words a person can act on,
 * or NULL for a rare one (libxml2's own messages are English: they never
 * reach the reader). */
const char *xmlconf_error_words(int code);
xmlDoc *xmlconf_read(const char *path, const char *what, struct strbuf *err);
void xmlconf_fail(struct xmlconf *c, const xmlNode *n, const char *fmt, ...) KK_PRINTF(3, 4);
bool xmlconf_is(const xmlNode *n, const char *name);
/* The attribute's value (caller frees), NULL when absent. */
char *xmlconf_attr(const xmlNode *n, const char *name);
/* Only the listed attributes are allowed, so a misspelt one is an error. */
void xmlconf_only(struct xmlconf *c, const xmlNode *n, const char *const *allowed);
/* The element's text with the ends trimmed (caller frees; "" when empty). */
char *xmlconf_text(const xmlNode *n);

#endif
