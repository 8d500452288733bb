/*
 * test_text.c - UTF-8 validation, trimming, folding, status words, the hash map.
 */
#include "kaikaku.h"

#include "diag.h"
#include "hashmap.h"
#include "status.h"
#include "strbuf.h"
#include "unit.h"
#include "utf8.h"

/* Code points in a valid UTF-8 string. */
static size_t chars(const char *s)
{
	size_t n = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		n += (*p & 0xC0) != 0x80;
	return n;
}

static void test_valid(void)
{
	static const struct {
		const char *in;
		size_t len;
		bool ok;
		size_t bad;
	} cases[] = {
		{"abc", 3, true, 0},
		{"日本語", 9, true, 0},
		{"\xEF\xBB\xBF"
		 "a",
		 4, true, 0},
		{"a\xC0\xAF", 3, false, 1},        /* overlong */
		{"ab\xED\xA0\x80", 5, false, 2},   /* surrogate */
		{"\xF4\x90\x80\x80", 4, false, 0}, /* > U+10FFFF */
		{"x\xE3\x81", 3, false, 1},        /* truncated */
		{"\x82\xA0", 2, false, 0},         /* CP932 あ */
		{"\xF0\xA0\xAE\xB7", 4, true, 0},  /* 𠮷 */
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		size_t bad = 999;
		bool ok = utf8_valid((const unsigned char *)cases[i].in, cases[i].len, &bad);

		CHECK_MSG(ok == cases[i].ok, "case %zu", i);
		if (!ok && !cases[i].ok)
			CHECK_INT(bad, cases[i].bad);
	}
}

static void test_fold(void)
{
	static const struct {
		const char *in, *folded;
	} cases[] = {
		{"  KPI_ID ", "kpi_id"},
		{"　ＫＰＩ＿ＩＤ　", "kpi_id"},
		{"実績値", "実績値"},
		{"Actual", "actual"},
		{"ｄｉｖｉｓｉｏｎ＿ｃｏｄｅ", "division_code"},
		{"課　コード", "課 コード"},
		{"\t\r\n", ""},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct strbuf sb = STRBUF_INIT;

		text_fold(&sb, cases[i].in);
		CHECK_STR(sb_str(&sb), cases[i].folded);
		sb_release(&sb);
	}
	CHECK(text_blank("　 \t"));
	CHECK(!text_blank(" x "));
	CHECK(text_blank(NULL));
	CHECK_INT(text_width("課コード"), 8);
	CHECK_INT(text_width("KPI_ID"), 6);
	CHECK_INT(text_width("ｱｲ"), 2);
}

static void test_status(void)
{
	enum status s;

	CHECK(status_parse_reported("完了", &s) && s == ST_DONE);
	CHECK(status_parse_reported(" Done ", &s) && s == ST_DONE);
	CHECK(status_parse_reported("ｉｎ＿ｐｒｏｇｒｅｓｓ", &s) && s == ST_IN_PROGRESS);
	CHECK(status_parse_reported("中止", &s) && s == ST_CANCELLED);
	CHECK(status_parse_reported("delayed", &s) && s == ST_DELAYED);
	CHECK(status_parse_reported("未着手", &s) && s == ST_NOT_STARTED);
	CHECK(!status_parse_reported("順調", &s)); /* a computed word, not a report */
	CHECK(!status_parse_reported("おわった", &s));
	CHECK(!status_parse_reported("", &s));
	/* the measure order of §3 */
	for (size_t i = 1; i + 1 < ARRAY_LEN(status_measure_order); i++)
		CHECK(status_rank(status_measure_order[i]) >
		      status_rank(status_measure_order[i - 1]));
	CHECK(status_rank(ST_CANCELLED) < status_rank(ST_DONE));
}

static void test_hmap(void)
{
	struct hmap m;
	char keys[2000][16];
	int vals[2000];

	hmap_init(&m);
	CHECK(hmap_get(&m, "x") == NULL);
	for (int i = 0; i < 2000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%d", i);
		vals[i] = i;
		CHECK(hmap_put(&m, keys[i], &vals[i]) == NULL);
	}
	CHECK_INT(m.len, 2000);
	for (int i = 0; i < 2000; i++)
		CHECK(hmap_get(&m, keys[i]) == &vals[i]);
	CHECK(hmap_put(&m, keys[5], &vals[6]) == &vals[5]);
	CHECK(hmap_get(&m, keys[5]) == &vals[6]);
	CHECK(!hmap_has(&m, "nope"));
	hmap_release(&m);
}

/* issue 16 item 12: the text keys of the contract §2 */
static void test_fold_key(void)
{
	static const struct {
		const char *a, *b;
	} same[] = {
		{"窓口\u301C電子化", "窓口\uFF5E電子化"}, /* 〜 / ～ */
		{"窓口~電子化", "窓口\u301C電子化"},
		{"DX\u2212推進課", "DX\uFF0D推進課"}, /* − / － */
		{"DX-推進課", "DX\u2212推進課"},
		{"総務\u2014部", "総務\u2015部"}, /* — / ― */
		{"A\u2225B", "A\u2016B"},         /* ∥ / ‖ */
		{"\uFFE0\uFFE1\uFFE2", "\u00A2\u00A3\u00AC"},
		{"　ＡＢＣ課 ", "abc課"}, /* then the header folding */
	};

	for (size_t i = 0; i < ARRAY_LEN(same); i++) {
		struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;

		text_fold_key(&a, same[i].a);
		text_fold_key(&b, same[i].b);
		CHECK_STR(sb_str(&a), sb_str(&b));
		sb_release(&a);
		sb_release(&b);
	}
	{
		struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;

		text_fold_key(&a, "総務課");
		text_fold_key(&b, "総務部");
		CHECK(strcmp(sb_str(&a), sb_str(&b)) != 0);
		sb_release(&a);
		sb_release(&b);
	}
}

/* issue 16 item 2: a long value is quoted cut, in the value and the message */
static void test_diag_cut(void)
{
	struct strbuf cut = STRBUF_INIT, long_value = STRBUF_INIT;
	struct diags d;
	const char *short_text = "短い値";

	CHECK(diag_cut(short_text, &cut) == short_text);
	for (int i = 0; i < 150; i++)
		sb_adds(&long_value, "長");
	CHECK_INT(chars(diag_cut(sb_str(&long_value), &cut)), DIAG_QUOTE_CHARS + 1);
	diags_init(&d);
	diag_add(&d, E_BAD_NUMBER, NULL, "削減時間", sb_str(&long_value), "「%s」と「%s」",
		 sb_str(&long_value), sb_str(&long_value));
	CHECK_INT(chars(d.v[0].value), DIAG_QUOTE_CHARS + 1);
	CHECK(strstr(d.v[0].message, sb_str(&long_value)) == NULL);
	CHECK(strstr(d.v[0].message, sb_str(&cut)) != NULL);
	diags_release(&d);
	sb_release(&cut);
	sb_release(&long_value);
}

int main(void)
{
	test_diag_cut();
	test_fold_key();
	test_valid();
	test_fold();
	test_status();
	test_hmap();
	return unit_report("test_text");
}
