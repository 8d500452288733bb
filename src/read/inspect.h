/*
 * inspect.h - `kaikaku inspect FILE...`: what kaikaku sees in a file, for the
 * PMO officer who asks "why was this rejected?": per file and sheet the
 * encoding, the table kind and its header row (or why none matched), the
 * number of rows, and the errors the file alone produces.
 */
#ifndef KK_INSPECT_H
#define KK_INSPECT_H

#include "kaikaku.h"

#include "settings.h"

/* Prints the report on out; returns 0 when no file has an error, else 1. */
int inspect_files(char *const *files, int n, const struct settings *s, FILE *out);

#endif
