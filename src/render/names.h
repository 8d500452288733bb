/*
 * names.h - names derived from data (課, 部) made safe for file names
 * (contract §4): no / \ NUL or control characters, no leading ".", at most
 * 100 bytes, and two names that end up alike stay distinct. Also safe on the
 * Windows file servers that divisions use: no : * ? " < > |, no trailing
 * dot or space, and names that differ only in case (any script: ΣΑ and σα)
 * count as alike. Invisible bidirectional controls and zero-width characters
 * (U+202E, U+200B, ...) are dropped; characters XML forbids are "_".
 */
#ifndef KK_NAMES_H
#define KK_NAMES_H

#include "kaikaku.h"

#include "hashmap.h"
#include "strbuf.h"

#define NAME_MAX_BYTES 100

struct name_set {
	struct hmap used; /* folded names given out */
	char **owned;
	size_t nowned, cap;
};

void name_set_init(struct name_set *ns);
void name_set_release(struct name_set *ns);
/* Appends to out a safe file name for base + ext (ext like ".xlsx", kept
 * whole), distinct from every name given out by ns before. */
void name_make(struct name_set *ns, const char *base, const char *ext, struct strbuf *out);
/* Like name_make for base + tail + ext, where a long base is cut but the tail
 * ("_2026Q3") is kept whole like the extension. */
void name_make_tail(struct name_set *ns, const char *base, const char *tail, const char *ext,
		    struct strbuf *out);
/* dir/<name_make_tail of base, "_" + period code, ext>, a new string (the
 * caller frees it): the path of one of an output's per-item files. */
char *name_path(struct name_set *ns, const char *dir, const char *base, const char *code,
		const char *ext);
/* The safe form of one name, without the distinctness (pure). */
void name_clean(const char *in, size_t max_bytes, struct strbuf *out);

#endif
