/*
 * test_ttf.c - the font coverage check on Debian's IPAex Gothic, and on
 * files that are no TrueType font.
 */
#include "kaikaku.h"

#include "ttf.h"
#include "unit.h"

#define IPAEX "/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"

int main(void)
{
	struct ttf_coverage c;
	struct strbuf err = STRBUF_INIT;

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
	ttf_coverage_release(&c);
	{
		static const unsigned char junk[] = "not a font at all";
		static const unsigned char otto[] = "OTTO\0\x01";
		static const unsigned char tiny[] = {0, 1, 0, 0, 0, 9};

		sb_reset(&err);
		CHECK(!ttf_coverage_parse(junk, sizeof(junk), &c, &err) && err.len);
		sb_reset(&err);
		CHECK(!ttf_coverage_parse(otto, sizeof(otto), &c, &err) &&
		      strstr(sb_str(&err), "CFF"));
		sb_reset(&err);
		CHECK(!ttf_coverage_parse(tiny, sizeof(tiny), &c,
					  &err)); /* 9 tables promised, none there */
		sb_reset(&err);
		CHECK(!ttf_coverage_load("/nonexistent.ttf", &c, &err));
	}
	sb_release(&err);
	return unit_report("test_ttf");
}
