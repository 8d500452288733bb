/*
 * ingest.h - the reading half of the pipeline for one file: read (bytes to
 * grids), recognise (a kind per grid), parse (typed rows). Shared by run,
 * validate and inspect; the grids are freed as soon as they are parsed.
 */
#ifndef KK_INGEST_H
#define KK_INGEST_H

#include "kaikaku.h"

#include "diag.h"
#include "discover.h"
#include "own_marker.h"
#include "parse.h"
#include "settings.h"

/* Reads, recognises and parses the file at path (rel names it) into p. */
void ingest_file(struct parsed *p, const char *path, const char *rel, const struct settings *s,
		 struct diags *d);

/*
 * Every file found, with up to threads threads (issue 17: reading is a tenth
 * of a run, and its files are independent). The files are cut into runs of
 * neighbours, each read into its own tables and records, and joined in order:
 * p and d are what reading them one by one gives, whatever threads is. A
 * thread that cannot be started leaves its share to the others.
 */
void ingest_files(struct parsed *p, const struct discovered *found, const struct settings *s,
		  struct diags *d, unsigned threads);

#endif
