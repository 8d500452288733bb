/*
 * out_manifest.h - manifest.json for scripts (contract §4): the period, the
 * exit status, every file written with its size and SHA-256, every input
 * table with its rows read/accepted/rejected, the KGI and the status counts.
 */
#ifndef KK_OUT_MANIFEST_H
#define KK_OUT_MANIFEST_H

#include "kaikaku.h"

#include "compute.h"
#include "diag.h"
#include "model.h"
#include "parse.h"
#include "strbuf.h"

struct out_entry {
	char *path; /* relative to the output folder */
	uint64_t bytes;
	char sha256[65];
};

/* counts: model_build's for p. */
bool report_manifest(const struct model *m, const struct result *r, const struct parsed *p,
		     const struct model_counts *counts, const struct diags *d,
		     const struct out_entry *files, size_t nfiles, int exit_status, const char *path,
		     struct strbuf *err);
/* JSON string and number writers, shared with other JSON outputs. */
void json_string(struct strbuf *out, const char *s);
void json_number(struct strbuf *out, double v);

#endif
