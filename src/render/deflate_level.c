/*
 * deflate_level.c - see deflate_level.h.
 */
#include "kaikaku.h"

#include <zlib.h>

#include "deflate_level.h"

static int level_override = -1;

void deflate_level_set(int level)
{
	level_override = level >= 0 && level <= 9 ? level : -1;
}

/* zlib.h declares it (deflateInit is a macro calling it); this definition
 * takes the place of zlib's for the whole process. zlib's own is deflateInit2_
 * with these defaults (deflate.c). */
int deflateInit_(z_streamp strm, int level, const char *version, int stream_size)
{
	return deflateInit2_(strm, level_override >= 0 ? level_override : level, Z_DEFLATED,
			     MAX_WBITS, 8, Z_DEFAULT_STRATEGY, version, stream_size);
}
