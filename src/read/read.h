/*
 * read.h - one input file into grids: the file kind by its content (not only
 * its extension), the encoding, the bytes and their SHA-256. Knows bytes and
 * encodings, nothing about KPIs. A new input format touches only this stage.
 */
#ifndef KK_READ_H
#define KK_READ_H

#include "kaikaku.h"

#include "diag.h"
#include "encoding.h"
#include "grid.h"
#include "settings.h"

enum file_format {
	FORMAT_NONE, /* unreadable, or not a table file */
	FORMAT_CSV,
	FORMAT_XLSX,
};

struct read_result {
	enum file_format format;
	enum text_encoding encoding; /* CSV only */
	uint64_t bytes;
	char sha256[65];     /* empty when the file could not be read */
	struct grid **grids; /* CSV: one; xlsx: the non-empty worksheets */
	size_t ngrids;
	bool *input_sheet; /* xlsx: sheets kaikaku marked for reading back */
	char *marker;      /* xlsx: kaikaku's own workbook marker, or NULL */
	int nsheets;       /* xlsx: worksheets, empty ones included */
	bool failed;       /* an error about the whole file was recorded */
	bool ignored;      /* not a table file: a warning was recorded */
};

/* Reads the file at path (relpath names it in records). Never fails the
 * run: problems are records in d. */
void read_file(const char *path, const char *relpath, const struct limits *lim,
	       struct read_result *out, struct diags *d);
void read_result_release(struct read_result *r);
/* A short description of the format for people: "CSV (CP932)", "xlsx". */
void read_describe(const struct read_result *r, char *buf, size_t size);

#endif
