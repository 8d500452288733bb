/*
 * test_names.c - file names from data: safe, short, distinct.
 */
#include "kaikaku.h"

#include "names.h"
#include "unit.h"
#include "utf8.h"

static void test_clean(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"010100_総務課_2026Q3", "010100_総務課_2026Q3"},
		{"総務/課", "総務_課"},
		{"a\\b:c*d?e\"f<g>h|i", "a_b_c_d_e_f_g_h_i"},
		{"..hidden", "__hidden"},
		{"改行\n課\t", "改行_課_"},
		{"trailing. ", "trailing"},
		{"", "_"},
		{"/", "_"},
		{"課　名", "課 名"},
		{"\x01\x7f", "__"},
		/* issue 16 item 17: invisible reordering and zero-width characters dropped */
		{"総務\u202Excl.exe", "総務xcl.exe"},
		{"総\u200B務\u200D課\uFEFF", "総務課"},
		{"\u2066a\u2069b\u00ADc", "abc"},
		{"課\uFFFE\uFFFF", "課__"},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct strbuf sb = STRBUF_INIT;

		name_clean(cases[i].in, 100, &sb);
		CHECK_STR(sb_str(&sb), cases[i].out);
		sb_release(&sb);
	}
	{
		/* 200 bytes of kanji: cut at a character boundary under 100 bytes */
		struct strbuf in = STRBUF_INIT, out = STRBUF_INIT;

		for (int i = 0; i < 70; i++)
			sb_adds(&in, "課");
		name_clean(sb_str(&in), 100, &out);
		CHECK(out.len <= 100 && out.len % 3 == 0);
		CHECK(utf8_valid((const unsigned char *)out.buf, out.len, NULL));
		sb_release(&in);
		sb_release(&out);
	}
}

static void test_distinct(void)
{
	struct name_set ns;
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, c = STRBUF_INIT, d = STRBUF_INIT;
	struct strbuf big = STRBUF_INIT, e = STRBUF_INIT, f = STRBUF_INIT;

	name_set_init(&ns);
	name_make(&ns, "総務/課", ".xlsx", &a);
	name_make(&ns, "総務\\課", ".xlsx", &b); /* alike once cleaned */
	name_make(&ns, "総務:課", ".xlsx", &c);
	name_make(&ns, "ABC", ".pdf", &d);
	CHECK_STR(sb_str(&a), "総務_課.xlsx");
	CHECK_STR(sb_str(&b), "総務_課_2.xlsx");
	CHECK_STR(sb_str(&c), "総務_課_3.xlsx");
	CHECK_STR(sb_str(&d), "ABC.pdf");
	name_make(&ns, "abc", ".pdf", &e); /* alike on Windows */
	CHECK_STR(sb_str(&e), "abc_2.pdf");
	for (int i = 0; i < 60; i++)
		sb_adds(&big, "部");
	name_make(&ns, sb_str(&big), ".pdf", &f);
	CHECK(f.len <= NAME_MAX_BYTES);
	CHECK(strcmp(f.buf + f.len - 4, ".pdf") == 0);
	name_set_release(&ns);
	sb_release(&a);
	sb_release(&b);
	sb_release(&c);
	sb_release(&d);
	sb_release(&e);
	sb_release(&f);
	sb_release(&big);
}

/* issue 16 item 17: names alike on a case-insensitive share, any script; a
 * long name keeps its _<P> */
static void test_issue16(void)
{
	struct name_set ns;
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT, c = STRBUF_INIT, d = STRBUF_INIT;
	struct strbuf big = STRBUF_INIT, e = STRBUF_INIT, f = STRBUF_INIT;

	name_set_init(&ns);
	name_make(&ns, "ΣΑ部_2026Q3", ".pdf", &a);
	name_make(&ns, "σα部_2026Q3", ".pdf", &b);
	name_make(&ns, "ＡＢ課", ".pdf", &c);
	name_make(&ns, "ａｂ課", ".pdf", &d);
	CHECK_STR(sb_str(&a), "ΣΑ部_2026Q3.pdf");
	CHECK_STR(sb_str(&b), "σα部_2026Q3_2.pdf");
	CHECK_STR(sb_str(&d), "ａｂ課_2.pdf");
	{
		static const char *const alike[][2] = {
			{"Жилищный", "жилищный"},
			{"ÉTÉ", "été"},
			{"ŹŻŽ", "źżž"},
			{"Ÿ", "ÿ"},
			{"ΆΈΌ", "άέό"},
			{"ΣΑΣ", "σας"},
			{"Ⅻ", "ⅻ"},
			{"Ⓐ", "ⓐ"},
			{"ĲĹ", "ĳĺ"},
		};

		for (size_t i = 0; i < ARRAY_LEN(alike); i++) {
			struct strbuf x = STRBUF_INIT, y = STRBUF_INIT;

			name_make(&ns, alike[i][0], ".pdf", &x);
			name_make(&ns, alike[i][1], ".pdf", &y);
			CHECK_MSG(strstr(sb_str(&y), "_2.pdf") != NULL, "%s / %s: %s", alike[i][0],
				  alike[i][1], sb_str(&y));
			sb_release(&x);
			sb_release(&y);
		}
	}
	for (int i = 0; i < 60; i++)
		sb_adds(&big, "部");
	name_make_tail(&ns, sb_str(&big), "_2026Q3", ".pdf", &e);
	CHECK(e.len <= NAME_MAX_BYTES);
	CHECK_MSG(e.len > 11 && strcmp(e.buf + e.len - 11, "_2026Q3.pdf") == 0, "got %s",
		  sb_str(&e));
	name_make_tail(&ns, sb_str(&big), "_2026Q3", ".pdf", &f);
	CHECK(f.len <= NAME_MAX_BYTES);
	CHECK_MSG(f.len > 13 && strcmp(f.buf + f.len - 13, "_2026Q3_2.pdf") == 0, "got %s",
		  sb_str(&f));
	name_set_release(&ns);
	sb_release(&a);
	sb_release(&b);
	sb_release(&c);
	sb_release(&d);
	sb_release(&e);
	sb_release(&f);
	sb_release(&big);
}

int main(void)
{
	test_clean();
	test_distinct();
	test_issue16();
	return unit_report("test_names");
}
