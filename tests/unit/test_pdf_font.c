/*
 * test_pdf_font.c - IPAex Gothic as each PDF embeds it: from the font mapped
 * once per run, a well-formed TrueType file (13 tables, their checksums and
 * lengths, head's adjustment libharu's way) with only the glyphs a document
 * drew, renumbered (maxp, hhea, loca, hmtx and the small cmap agree), which
 * FreeType reads; the fast path giving libharu exactly its own glyph
 * lookups; and the document kept for the next one.
 */
#include "kaikaku.h"

#include <hpdf.h>
#include <hpdf_fontdef.h>

#include "fs.h"
#include "pdf_font.h"
#include "ttf.h"
#include "unit.h"

#define IPAEX "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static uint32_t be16(const unsigned char *p)
{
	return (uint32_t)p[0] << 8 | p[1];
}

HPDF_STATUS HPDF_TTFontDef_SaveFontData(HPDF_FontDef fontdef, HPDF_Stream stream);

/* The table tag's place and length in the font at s (n bytes); false when it
 * is not there. */
static bool table(const unsigned char *s, size_t n, const char *tag, uint32_t *off, uint32_t *len)
{
	uint32_t nt = be16(s + 4);

	for (uint32_t i = 0; i < nt && 12 + 16 * (size_t)(i + 1) <= n; i++) {
		const unsigned char *r = s + 12 + 16 * i;

		if (memcmp(r, tag, 4) == 0) {
			*off = be32(r + 8);
			*len = be32(r + 12);
			return *off <= n && *len <= n - *off;
		}
	}
	return false;
}

/* The embedded font of a document that drew text: checked as a TrueType file
 * (each check that later reads depend on ends the check when it fails). */
static void embedded(const struct pdf_font *f, HPDF_Doc doc, const char *name, const char *text,
		     unsigned glyphs)
{
	HPDF_Font font = HPDF_GetFont(doc, name, "UTF-8");
	HPDF_FontDef def = HPDF_GetFontDef(doc, name);
	HPDF_Stream st = HPDF_MemStream_New(doc->mmgr, 4096);
	struct strbuf out = STRBUF_INIT, err = STRBUF_INIT;
	struct ttf_coverage c;
	uint32_t off, len, hoff, hlen, ooff, olen, sum = 0, nt, num;
	const unsigned char *s;
	HPDF_UINT n = 0;

	CHECK(font && def && st);
	if (!font || !def || !st)
		return;
	pdf_font_map(font);
	/* measuring marks the glyphs used, as drawing does */
	CHECK(HPDF_Font_TextWidth(font, (const HPDF_BYTE *)text, (HPDF_UINT)strlen(text)).width >
	      0);
	CHECK_INT(HPDF_TTFontDef_SaveFontData(def, st), HPDF_OK);
	n = HPDF_Stream_Size(st);
	sb_reserve(&out, n);
	if (HPDF_Stream_Seek(st, 0, HPDF_SEEK_SET) == HPDF_OK &&
	    HPDF_Stream_Read(st, (HPDF_BYTE *)out.buf, &n) == HPDF_OK)
		out.len = n;
	HPDF_Stream_Free(st);
	s = (const unsigned char *)out.buf;
	CHECK(out.len >= 12 + 16 * 13);
	if (out.len < 12 + 16 * 13)
		goto done;
	nt = be16(s + 4);
	CHECK_INT(nt, 13);
	CHECK_INT(be16(s + 6), 128); /* searchRange for 13 tables */
	CHECK_INT(be16(s + 8), 3);
	CHECK_INT(be16(s + 10), 80);
	for (uint32_t i = 0; i < 13; i++) {
		const unsigned char *r = s + 12 + 16 * i;
		uint32_t tsum = 0;

		off = be32(r + 8);
		len = be32(r + 12);
		CHECK_MSG(off <= out.len && len <= out.len - off, "table %.4s outside",
			  (const char *)r);
		if (off > out.len || len > out.len - off)
			goto done;
		if (i)
			CHECK(memcmp(r - 16, r, 4) < 0); /* sorted */
		if (memcmp(r, "head", 4) == 0)
			continue; /* its checksum is taken with the adjustment at 0 */
		for (uint32_t k = 0; k < len; k += 4) {
			unsigned char w[4] = {0};

			memcpy(w, s + off + k, len - k < 4 ? len - k : 4);
			tsum += be32(w);
		}
		CHECK_MSG(tsum == be32(r + 4), "table %.4s checksum", (const char *)r);
	}
	/* libharu's adjustment: over the tables' whole words, after the directory */
	for (size_t i = 12 + 16 * 13; i + 4 <= out.len; i += 4)
		sum += be32(s + i);
	CHECK_INT(sum, 0xB1B0AFBA);
	/* the glyphs drawn and glyph 0, counted alike everywhere */
	if (!table(s, out.len, "maxp", &off, &len) || len < 6 ||
	    !table(s, out.len, "head", &hoff, &hlen) || hlen < 54) {
		CHECK(!"maxp and head");
		goto done;
	}
	num = be16(s + off + 4);
	CHECK_INT(num, glyphs);
	CHECK(table(s, out.len, "hhea", &off, &len) && len >= 36 && be16(s + off + 34) == num);
	CHECK(table(s, out.len, "hmtx", &off, &len) && len == 4 * num);
	CHECK(table(s, out.len, "loca", &off, &len) &&
	      len == (be16(s + hoff + 50) ? 4 : 2) * (num + 1));
	/* post: the installed font's header, as format 3 */
	if (table(s, out.len, "post", &off, &len) && len == 32 &&
	    table(f->ttf, f->ttf_len, "post", &ooff, &olen) && olen >= 32) {
		CHECK_INT(be32(s + off), 0x00030000);
		CHECK(memcmp(s + off + 4, f->ttf + ooff + 4, 28) == 0);
	} else {
		CHECK(!"post");
	}
	/* cmap: one format-4 subtable whose length is the rest of the table;
	 * 'A' is the first glyph drawn (new number 1), '~' was not drawn (0) */
	if (table(s, out.len, "cmap", &off, &len) && len == 44 + 2 * 95) {
		CHECK_INT(be16(s + off + 12), 4);
		CHECK_INT(be16(s + off + 14), len - 12);
		CHECK_INT(be16(s + off + 44 + 2 * ('A' - 0x20)), 1);
		CHECK_INT(be16(s + off + 44 + 2 * ('~' - 0x20)), 0);
	} else {
		CHECK(!"cmap");
	}
	CHECK_MSG(ttf_coverage_parse(s, out.len, &c, &err), "%s", sb_str(&err));
	/* FreeType reads it: ASCII in its cmap, in the new numbers (a letter not
	 * drawn has glyph 0; あ is found through the CIDToGIDMap, not here) */
	CHECK(ttf_has(&c, 'A') && !ttf_has(&c, '~') && !ttf_has(&c, 0x3042));
	ttf_coverage_release(&c);
done:
	sb_release(&out);
	sb_release(&err);
}

static void quiet(HPDF_STATUS e, HPDF_STATUS d, void *u)
{
	(void)e;
	(void)d;
	(void)u;
}

int main(void)
{
	struct strbuf err = STRBUF_INIT;
	struct pdf_font f;

	/* the run-wide preparation, and one document through it */
	sb_reset(&err);
	CHECK_MSG(pdf_font_prepare(&f, IPAEX, &err), "%s", sb_str(&err));
	CHECK(f.fd_path[0] && f.gid && f.ttf);
	{
		struct pdf_font_use use, again;
		HPDF_Doc doc = pdf_font_doc(&f, quiet, NULL, &use), plain = HPDF_New(quiet, NULL),
			 next;
		const char *name = use.name, *pname;
		HPDF_FontDef d, pd;
		unsigned differ = 0;

		CHECK(doc && name != NULL && use.swapped && f.checked && f.fd_path[0]);
		pname = HPDF_LoadTTFontFromFile(plain, IPAEX, HPDF_TRUE);
		d = HPDF_GetFontDef(doc, name);
		pd = HPDF_GetFontDef(plain, pname);
		for (uint32_t u = 0; u < 65536; u++)
			differ += HPDF_TTFontDef_GetGlyphid(d, (HPDF_UINT16)u) !=
				  HPDF_TTFontDef_GetGlyphid(pd, (HPDF_UINT16)u);
		CHECK_INT(differ, 0);
		/* .notdef, A and あ (U+3042), renumbered 0, 1, 2 */
		embedded(&f, doc, name,
			 "A\xE3\x81\x82"
			 "AA",
			 3);
		/* kept: the next document is the same one, made new, with the font loaded */
		pdf_font_done(&f, doc, &use, false);
		CHECK(f.doc == doc && !use.name);
		next = pdf_font_doc(&f, quiet, NULL, &again);
		CHECK(next == doc && !f.doc && again.name == name && again.swapped);
		CHECK(HPDF_GetFont(next, again.name, "UTF-8") != NULL);
		/* while it is out, another document loads its own */
		doc = pdf_font_doc(&f, quiet, NULL, &use);
		CHECK(doc && doc != next && use.name);
		pdf_font_done(&f, doc, &use, true); /* failed: freed, not kept */
		CHECK(!f.doc);
		pdf_font_done(&f, next, &again, false);
		CHECK(f.doc == next);
		HPDF_Free(plain);
	}
	pdf_font_release(&f);
	setenv("KAIKAKU_PDF_FONT", "plain", 1);
	CHECK(pdf_font_prepare(&f, IPAEX, &err) && !f.fd_path[0] && !f.gid && !f.ttf);
	pdf_font_release(&f);
	sb_release(&err);
	return unit_report("test_pdf_font");
}
