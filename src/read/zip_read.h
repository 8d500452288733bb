/*
 * zip_read.h - the zip container of an xlsx, read from memory through
 * minizip, with every entry's decompressed size capped (zip bombs) and CRCs
 * checked. Entry names are matched without regard to ASCII case or to
 * backslashes, as Excel does.
 */
#ifndef KK_ZIP_READ_H
#define KK_ZIP_READ_H

#include "kaikaku.h"

enum zip_status {
	ZIP_OK,
	ZIP_BROKEN,    /* not a zip, truncated, or a damaged entry */
	ZIP_CRC,       /* an entry's data does not match its CRC */
	ZIP_TOO_LARGE, /* over the per-part or per-file decompressed limit */
	ZIP_ENCRYPTED, /* an entry encrypted with a zip password */
	ZIP_MISSING,   /* no such entry */
	ZIP_DUPLICATE, /* two entries with one name: readers would disagree */
};

struct zip_archive;
struct zip_stream;

/* data must outlive the archive. NULL with *st set when it is no zip. */
struct zip_archive *zip_open_memory(const unsigned char *data, size_t n, uint64_t part_limit,
				    uint64_t total_limit, enum zip_status *st);
void zip_close(struct zip_archive *z);
bool zip_has(struct zip_archive *z, const char *name);
/* Streaming, for libxml2's reader: open, read until 0 or -1, close. */
struct zip_stream *zip_stream_open(struct zip_archive *z, const char *name, enum zip_status *st);
int zip_stream_read(struct zip_stream *s, char *buf, int n);
/* The stream's outcome (ZIP_OK after a complete read with a good CRC). */
enum zip_status zip_stream_close(struct zip_stream *s);
/* Decompressed bytes read so far from all entries. */
uint64_t zip_total_read(const struct zip_archive *z);
const char *zip_status_text(enum zip_status st);

#endif
