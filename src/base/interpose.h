/*
 * interpose.h - the functions kaikaku's executable defines in place of a
 * library's, for the whole process, in one place (interpose.c):
 *
 * - malloc, calloc, realloc (not under AddressSanitizer, which has its own):
 *   running out of memory inside any library is a clean exit 2 (xoom), never
 *   a crash or a good file reported as broken;
 * - zlib's deflateInit_ and deflateInit2_: the level of what libharu and
 *   libxlsxwriter compress (interpose_deflate_level);
 * - libxlsxwriter's lxw_tmpfile: its temporary parts in memory, not on disk;
 * - libxlsxwriter's lxw_worksheet_free: a constant-memory worksheet's row of
 *   16,384 cell pointers freed without a call per column, and kept zeroed
 *   for the next worksheet's calloc;
 * - libharu's HPDF_MemCpy, HPDF_MemSet, HPDF_StrLen (the C library's instead of
 *   its byte loops), HPDF_TTFontDef_SaveFontData and
 *   HPDF_Stream_WriteToStreamWithDeflate (interpose_pdf).
 *
 * Each works only if the dynamic linker binds the libraries' calls to the
 * executable's definition; interpose_check says whether it did.
 */
#ifndef KK_INTERPOSE_H
#define KK_INTERPOSE_H

#include "kaikaku.h"

/* The zlib level for deflateInit() and deflateInit2() calls from now on
 * (0-9), or -1: the caller's own. libharu 2.3 deflates every PDF stream at
 * level 6 and minizip (for libxlsxwriter) every workbook part at zlib's
 * default, and neither has a setting for it. The output is standard deflate
 * either way. */
void interpose_deflate_level(int level);

/* libharu's embedded font and its compressed streams, made by the functions
 * given (pdf_font.c), each returning -1 for what it does not know (libharu's
 * own then serves): save_font has the signature of HPDF_TTFontDef_SaveFontData,
 * deflated that of HPDF_Stream_WriteToStreamWithDeflate with libharu's own
 * function as real. NULL: libharu's own for everything. */
struct interpose_pdf {
	int (*save_font)(void *fontdef, void *stream);
	int (*deflated)(void *src, void *dst, void *encrypt,
			unsigned long (*real)(void *src, void *dst, void *encrypt));
};
void interpose_pdf(const struct interpose_pdf *fns);

/* At start-up: false, with the names that are not in effect, when one of the
 * process-wide definitions is not what the libraries will call (a static
 * link, a symbol not exported, a preloaded library of the same name). */
bool interpose_check(char *err, size_t size);

#endif
