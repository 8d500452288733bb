/*
 * pdf_font.h - the PDF font, prepared once per run so that each document
 * costs little (issue 6).
 *
 * libharu 2.3 spends about 105 ms per document on IPAex Gothic with its
 * UTF-8 encoder: 60 ms creating the CID font, because it looks up all 65,536
 * BMP code points through the font's cmap one segment at a time (IPAex has
 * thousands of segments), and 40 ms compressing what it embeds, which holds
 * the whole cmap (245 kB) and post (113 kB) tables although a CIDFontType2 in
 * a PDF uses neither (its CIDToGIDMap says which glyph each code draws).
 *
 * Once per run, this looks up the 65,536 code points through libharu itself
 * and keeps its answers, and maps the font. Each document then gets a
 * one-segment cmap holding the kept answers, so libharu's lookups are direct
 * and give exactly what they gave before: the same glyphs, widths and
 * CIDToGIDMap; and its embedded font is made from the mapped bytes with the
 * glyphs it uses, a small cmap and a format-3 post (pdf_font.c). The first
 * document checks every code point; if anything differs (another libharu),
 * or /proc is missing, documents use the font as libharu does.
 *
 * And each process loads it once (issue 17): a finished document is kept and
 * the next one starts in it with HPDF_NewDoc, which frees everything of the
 * old document but its font definitions, whose marks of the glyphs used it
 * clears; so each document embeds the glyphs it uses and no others, the same
 * bytes whatever the process made before (tests/parallel.py runs the jobs in
 * reverse order to prove it). A document that met an error is not kept; a
 * worker forked while its parent kept one loads its own (the kept one reads
 * the font through a file offset it would share).
 */
#ifndef KK_PDF_FONT_H
#define KK_PDF_FONT_H

#include <hpdf.h>
#include <hpdf_fontdef.h>
#include <sys/types.h>

#include "kaikaku.h"

#include "strbuf.h"

struct pdf_font {
	const char *path; /* the font as installed */
	char fd_path[40]; /* /proc/self/fd/N, the font held open; "" when not used */
	int fd;
	uint16_t *gid;            /* [65536] libharu's glyph for each BMP code point */
	const unsigned char *ttf; /* the font's bytes (fd mapped), or NULL */
	size_t ttf_len;
	bool checked; /* the one-segment cmap was compared with gid */
	/* the document kept for the next one, in process doc_pid */
	HPDF_Doc doc;
	pid_t doc_pid;
	struct pdf_font_use {
		HPDF_FontDef def;
		const char *name;         /* the font's name in its documents */
		HPDF_TTF_CmapRange saved; /* libharu's cmap arrays, put back before it frees them */
		bool swapped;
	} doc_use;
};

/* A new document with the font loaded (its state for pdf_font_done in *u,
 * its name in u->name, NULL when it could not be loaded), with on_error(user)
 * as its error handler; NULL when libharu cannot allocate one. */
HPDF_Doc pdf_font_doc(struct pdf_font *f, HPDF_Error_Handler on_error, void *user,
		      struct pdf_font_use *u);
/* The document is finished: kept for the next one unless it failed. */
void pdf_font_done(struct pdf_font *f, HPDF_Doc doc, struct pdf_font_use *u, bool failed);

/* The font of a document, got from libharu (HPDF_GetFont): its CIDToGIDMap
 * is written at the save in the glyph numbers of the font embedded. */
void pdf_font_map(HPDF_Font font);

/* Prepares the font at path; false (with the reason in err) only when the
 * font cannot be read at all. KAIKAKU_PDF_FONT=plain in the environment turns
 * the fast path off (for the test that compares both). */
bool pdf_font_prepare(struct pdf_font *f, const char *path, struct strbuf *err);
void pdf_font_release(struct pdf_font *f);

#endif
