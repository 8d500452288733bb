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
 * and keeps its answers, and makes a slim copy of the font, in memory, with
 * the same glyphs, metrics and hinting but a small cmap and a format-3 post.
 * Each document then loads the slim copy and gets a one-segment cmap holding
 * the kept answers, so libharu's lookups are direct and give exactly what they
 * gave before: the same glyphs, widths and CIDToGIDMap, about 10 ms in all.
 * The first document checks every code point; if anything differs (another
 * libharu), or /proc or memfd is missing, documents use the font as it is.
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
	const char *path;   /* the font as installed */
	char slim_path[40]; /* /proc/self/fd/N of the slim copy; "" when not used */
	int fd;
	uint16_t *gid;             /* [65536] libharu's glyph for each BMP code point */
	const unsigned char *slim; /* the slim copy's bytes (the memfd mapped), or NULL */
	size_t slim_len, slim_map; /* its length, and the mapping's */
	bool checked;              /* the one-segment cmap was compared with gid */
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
 * is deflated only when it differs from the last one. */
void pdf_font_map(HPDF_Font font);

/* Prepares the font at path; false (with the reason in err) only when the
 * font cannot be read at all. KAIKAKU_PDF_FONT=plain in the environment turns
 * the fast path off (for the test that compares both). */
bool pdf_font_prepare(struct pdf_font *f, const char *path, struct strbuf *err);
void pdf_font_release(struct pdf_font *f);

/* Exposed for the tests: the slim copy of a TrueType font's bytes, with gid
 * (libharu's glyph per BMP code point) for its small cmap; it reserves
 * pdf_font_slim_size bytes in out (and a NUL) first, 0: not a font it can
 * slim. */
size_t pdf_font_slim_size(const unsigned char *ttf, size_t n);
bool pdf_font_slim(const unsigned char *ttf, size_t n, const uint16_t *gid, struct strbuf *out);

#endif
