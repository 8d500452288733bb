/*
 * discover.h - every candidate file under the input folder, recursively, in a
 * stable order (byte order of names); names starting with "." or "~$" are
 * skipped; symlink loops are detected; the output folder is left out.
 */
#ifndef KK_DISCOVER_H
#define KK_DISCOVER_H

#include "kaikaku.h"

#include "diag.h"
#include "strbuf.h"

struct found {
	char *rel;  /* relative to the input folder, '/'-separated */
	char *path; /* openable path */
};

struct discovered {
	struct found *v;
	size_t n, cap;
};

/*
 * Walks root. False (with the reason in err) only when root itself cannot be
 * read; problems below it are records in d. exclude (may be NULL) is a folder
 * not to enter (the output folder).
 */
bool discover(const char *root, const char *exclude, struct discovered *out, struct diags *d,
	      struct strbuf *err);
void discovered_release(struct discovered *f);

#endif
