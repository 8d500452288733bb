/*
 * ingest.h - the reading half of the pipeline for one file: read (bytes to
 * grids), recognise (a kind per grid), parse (typed rows). Shared by run,
 * validate and inspect; the grids are freed as soon as they are parsed.
 */
#ifndef KK_INGEST_H
#define KK_INGEST_H

#include "kaikaku.h"

#include "diag.h"
#include "own_marker.h"
#include "parse.h"
#include "settings.h"

/* Reads, recognises and parses the file at path (rel names it) into p. */
void ingest_file(struct parsed *p, const char *path, const char *rel, const struct settings *s,
		 struct diags *d);

#endif
