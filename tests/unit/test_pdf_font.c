/*
 * test_pdf_font.c - the slim copy of IPAex Gothic that each PDF loads: a
 * well-formed TrueType file (directory, checksums, head adjustment), the
 * kept tables only, ASCII in its small cmap, libharu able to load it; and
 * the fast path giving libharu exactly its own glyph lookups.
 */
#include "kaikaku.h"

#include <hpdf.h>

#include "fs.h"
#include "pdf_font.h"
#include "ttf.h"
#include "unit.h"

#define IPAEX "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"

static uint32_t be32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void quiet(HPDF_STATUS e, HPDF_STATUS d, void *u)
{
	(void)e;
	(void)d;
	(void)u;
}

int main(void)
{
	struct strbuf ttf = STRBUF_INIT, slim = STRBUF_INIT, err = STRBUF_INIT;
	uint16_t *gid = xcalloc(65536, sizeof(*gid));
	struct ttf_coverage c;
	struct pdf_font f;

	CHECK_MSG(fs_read_file(IPAEX, &ttf, &err), "%s", sb_str(&err));
	for (uint32_t u = 0x20; u <= 0x7E; u++)
		gid[u] = (uint16_t)(u - 29);
	CHECK(pdf_font_slim((const unsigned char *)ttf.buf, ttf.len, gid, &slim));
	CHECK(slim.len < ttf.len && slim.len > 5000000); /* the glyphs stay, cmap and post go */
	{
		const unsigned char *s = (const unsigned char *)slim.buf;
		uint32_t n = (uint32_t)s[4] << 8 | s[5], sum = 0;

		CHECK_INT(n, 13);
		for (size_t i = 0; i + 4 <= slim.len; i += 4)
			sum += be32(s + i);
		CHECK_INT(sum, 0xB1B0AFBA); /* head.checkSumAdjustment makes it so */
		for (uint32_t i = 0; i < n; i++) {
			const unsigned char *r = s + 12 + 16 * i;
			uint32_t off = be32(r + 8), len = be32(r + 12), tsum = 0;

			CHECK(off % 4 == 0 && off + len <= slim.len);
			if (memcmp(r, "head", 4) == 0)
				continue; /* its checksum is taken with the adjustment at 0 */
			for (uint32_t k = 0; k < len; k += 4) {
				unsigned char w[4] = {0};

				memcpy(w, s + off + k, len - k < 4 ? len - k : 4);
				tsum += be32(w);
			}
			CHECK_MSG(tsum == be32(r + 4), "table %.4s checksum", (const char *)r);
			if (i)
				CHECK(memcmp(r - 16, r, 4) < 0); /* sorted */
		}
	}
	sb_reset(&err);
	CHECK_MSG(ttf_coverage_parse((const unsigned char *)slim.buf, slim.len, &c, &err), "%s",
		  sb_str(&err));
	CHECK(ttf_has(&c, 'A') && ttf_has(&c, '~') && !ttf_has(&c, 0x3042));
	ttf_coverage_release(&c);

	/* the run-wide preparation, and one document through it */
	sb_reset(&err);
	CHECK_MSG(pdf_font_prepare(&f, IPAEX, &err), "%s", sb_str(&err));
	CHECK(f.slim_path[0] && f.gid);
	{
		struct pdf_font_use use, again;
		HPDF_Doc doc = pdf_font_doc(&f, quiet, NULL, &use), plain = HPDF_New(quiet, NULL),
			 next;
		const char *name = use.name, *pname;
		HPDF_FontDef d, pd;
		unsigned differ = 0;

		CHECK(doc && name != NULL && use.swapped && f.checked && f.slim_path[0]);
		pname = HPDF_LoadTTFontFromFile(plain, IPAEX, HPDF_TRUE);
		d = HPDF_GetFontDef(doc, name);
		pd = HPDF_GetFontDef(plain, pname);
		for (uint32_t u = 0; u < 65536; u++)
			differ += HPDF_TTFontDef_GetGlyphid(d, (HPDF_UINT16)u) !=
				  HPDF_TTFontDef_GetGlyphid(pd, (HPDF_UINT16)u);
		CHECK_INT(differ, 0);
		CHECK(HPDF_GetFont(doc, name, "UTF-8") != NULL);
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
	CHECK(pdf_font_prepare(&f, IPAEX, &err) && !f.slim_path[0] && !f.gid);
	pdf_font_release(&f);
	free(gid);
	sb_release(&ttf);
	sb_release(&slim);
	sb_release(&err);
	return unit_report("test_pdf_font");
}
