/*
 * test_ttf.c - the PDF font: found by family through fontconfig (never a
 * substitute), its coverage through FreeType on Debian's IPAex Gothic, and
 * files that are no TrueType font libharu can embed.
 */
#include "kaikaku.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include "fs.h"
#include "ttf.h"
#include "unit.h"

#define IPAEX "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"

static uint32_t get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

static void test_coverage(void)
{
	struct ttf_coverage c;
	struct strbuf err = STRBUF_INIT;
	FT_Library lib;
	FT_Face face;
	uint32_t differ = 0;

	CHECK_MSG(ttf_coverage_load(IPAEX, &c, &err), "%s", sb_str(&err));
	CHECK(ttf_has(&c, 'A'));
	CHECK(ttf_has(&c, 0x5370));   /* 印 */
	CHECK(ttf_has(&c, 0x9AD9));   /* 髙 */
	CHECK(ttf_has(&c, 0xFA11));   /* 﨑 */
	CHECK(ttf_has(&c, 0x2460));   /* ① */
	CHECK(ttf_has(&c, 0x3013));   /* 〓, the substitute */
	CHECK(ttf_has(&c, 0xFF71));   /* ｱ */
	CHECK(!ttf_has(&c, 0x20BB7)); /* 𠮷 (outside the BMP: IPAex has none) */
	CHECK(!ttf_has(&c, 0x1F600)); /* 😀 */
	CHECK(!ttf_has(&c, 0xE000));  /* a private-use code point */
	CHECK(!ttf_has(&c, 0x110000));
	/* the bit set is what FreeType answers for each code point */
	CHECK(FT_Init_FreeType(&lib) == 0 && FT_New_Face(lib, IPAEX, 0, &face) == 0);
	for (uint32_t cp = 0; cp < 0x30000; cp++)
		if (ttf_has(&c, cp) != (FT_Get_Char_Index(face, cp) != 0))
			differ++;
	CHECK_INT(differ, 0);
	FT_Done_Face(face);
	FT_Done_FreeType(lib);
	ttf_coverage_release(&c);
	sb_release(&err);
}

static void test_refused(void)
{
	static const unsigned char junk[] = "not a font at all";
	static const unsigned char tiny[] = {0, 1, 0, 0, 0, 9};
	struct strbuf font = STRBUF_INIT, err = STRBUF_INIT, ttc = STRBUF_INIT;
	struct ttf_coverage c;
	unsigned char *d;
	uint32_t ntables;

	CHECK(!ttf_coverage_parse(junk, sizeof(junk), &c, &err) && err.len && !c.bits);
	sb_reset(&err);
	CHECK(!ttf_coverage_parse(tiny, sizeof(tiny), &c, &err) && err.len); /* 9 tables promised */
	sb_reset(&err);
	CHECK(!ttf_coverage_load("/nonexistent.ttf", &c, &err) &&
	      strstr(sb_str(&err), "/nonexistent.ttf"));
	sb_reset(&err);
	CHECK(fs_read_file(IPAEX, &font, &err));
	d = (unsigned char *)font.buf;
	ntables = d[4] << 8 | d[5];
	/* the same font in a TrueType Collection of one (its tables' offsets
	 * then count from the collection's header, 16 bytes before) */
	sb_add(&ttc, "ttcf\0\1\0\0\0\0\0\1\0\0\0\x10", 16);
	sb_add(&ttc, font.buf, font.len);
	for (uint32_t i = 0; i < ntables; i++) {
		unsigned char *off = (unsigned char *)ttc.buf + 16 + 12 + 16 * i + 8;

		put32(off, get32(off) + 16);
	}
	CHECK_MSG(!ttf_coverage_parse((unsigned char *)ttc.buf, ttc.len, &c, &err) &&
			  strstr(sb_str(&err), "Collection"),
		  "%s", sb_str(&err));
	sb_reset(&err);
	/* "OTTO" (CFF outlines) over glyf ones: FreeType cannot open it (a real
	 * OTF font opens and is refused as CFF: no such font on Debian's test
	 * machine to show it) */
	memcpy(d, "OTTO", 4);
	CHECK_MSG(!ttf_coverage_parse(d, font.len, &c, &err) && err.len, "%s", sb_str(&err));
	memcpy(d, "\0\1\0\0", 4);
	sb_reset(&err);
	/* no glyf table */
	for (uint32_t i = 0; i < ntables; i++)
		if (memcmp(d + 12 + 16 * i, "glyf", 4) == 0)
			memcpy(d + 12 + 16 * i, "glyX", 4);
	CHECK_MSG(!ttf_coverage_parse(d, font.len, &c, &err) && strstr(sb_str(&err), "glyf"), "%s",
		  sb_str(&err));
	sb_release(&font);
	sb_release(&ttc);
	sb_release(&err);
}

static void test_find(void)
{
	struct review_template t;
	struct ttf_coverage c;
	struct strbuf err = STRBUF_INIT;
	bool other;
	char *p;

	/* by any of its names, blanks and case aside; the file itself, not
	 * Debian's alternatives link to it */
	p = ttf_find_family("IPAexGothic", &other);
	CHECK_STR(p, IPAEX);
	free(p);
	p = ttf_find_family("ipaex gothic", &other);
	CHECK_STR(p, IPAEX);
	free(p);
	p = ttf_find_family("IPAexゴシック", &other);
	CHECK_STR(p, IPAEX);
	free(p);
	/* fontconfig offers a substitute for anything: refused */
	p = ttf_find_family("No Such Family Anywhere", &other);
	CHECK(!p && !other);
	free(p);

	/* the built-in layout: IPAex Gothic by family */
	review_template_defaults(&t);
	CHECK_MSG(ttf_load_font(&t, &c, &err), "%s", sb_str(&err));
	CHECK_STR(t.font_path, IPAEX);
	CHECK(ttf_has(&c, 0x5370));
	ttf_coverage_release(&c);
	review_template_release(&t);
	/* a family that is not installed: the package named */
	review_template_defaults(&t);
	free(t.font_family);
	t.font_family = xstrdup("No Such Family Anywhere");
	sb_reset(&err);
	CHECK(!ttf_load_font(&t, &c, &err) && !t.font_path);
	CHECK_STR(sb_str(&err),
		  "PDF のフォント No Such Family Anywhere がありません（sudo apt-get install "
		  "fonts-ipaexfont-gothic でインストールしてください）");
	review_template_release(&t);
	/* a path given: used as it is, its absence named with the package */
	review_template_defaults(&t);
	t.font_path = xstrdup("/nonexistent/ipaexg.ttf");
	sb_reset(&err);
	CHECK(!ttf_load_font(&t, &c, &err));
	CHECK_STR(sb_str(&err),
		  "PDF のフォント /nonexistent/ipaexg.ttf がありません（sudo apt-get install "
		  "fonts-ipaexfont-gothic でインストールしてください）");
	review_template_release(&t);
	sb_release(&err);
}

int main(void)
{
	test_coverage();
	test_refused();
	test_find();
	return unit_report("test_ttf");
}
