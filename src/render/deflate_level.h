/*
 * deflate_level.h - the zlib level for what libharu compresses (issue 6).
 *
 * libharu 2.3 deflates every stream of a PDF (the pages and the embedded
 * font) at zlib's default level 6 and has no setting for it; at that level
 * deflate is most of the time a pack takes. kaikaku's executable defines
 * zlib's deflateInit_ (the initialiser behind deflateInit(), which libharu
 * calls; minizip and so libxlsxwriter call deflateInit2_, which is left
 * alone). The dynamic linker binds every library's call to the executable's
 * definition first, so libharu's calls come here; this passes them to zlib's
 * deflateInit2_ with exactly the arguments deflateInit_ would, except the
 * level while one is set. The output is standard deflate either way, and the
 * same bytes for the same level.
 */
#ifndef KK_DEFLATE_LEVEL_H
#define KK_DEFLATE_LEVEL_H

/* The level for deflateInit() calls from now on (0-9), or -1: the caller's. */
void deflate_level_set(int level);

#endif
