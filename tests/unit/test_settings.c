/*
 * test_settings.c - templates/settings.xml: defaults, overrides, and every
 * broken file refused with its line and reason.
 */
#include "kaikaku.h"

#include <unistd.h>

#include "period.h"
#include "settings.h"
#include "unit.h"

static char *write_tmp(const char *text)
{
	char path[] = "/tmp/kk-settings-XXXXXX";
	int fd = mkstemp(path);
	size_t n = strlen(text);

	if (fd < 0 || write(fd, text, n) != (ssize_t)n)
		abort();
	close(fd);
	return xstrdup(path);
}

static void test_defaults(void)
{
	struct settings s;

	settings_defaults(&s);
	CHECK_DBL(s.on_track_factor, 0.9);
	CHECK_DBL(s.at_risk_factor, 0.7);
	CHECK_DBL(s.kgi_target, 0.3);
	CHECK_INT(s.npillars, 3);
	CHECK_STR(s.city, "印西市");
	CHECK_INT(settings_find_pillar(&s, "市民サービスの改善・向上"), 0);
	CHECK_INT(settings_find_pillar(&s, "庁内効率化"), 1);
	CHECK_INT(settings_find_pillar(&s, "ＰＥＯＰＬＥ"), 2);
	CHECK_INT(settings_find_pillar(&s, " Citizen "), 0);
	CHECK_INT(settings_find_pillar(&s, "DX"), -1);
	settings_release(&s);
}

static void test_shipped_file(void)
{
	struct settings s;
	struct strbuf err = STRBUF_INIT;

	settings_defaults(&s);
	CHECK_MSG(settings_load(&s, "templates/settings.xml", &err), "%s", sb_str(&err));
	CHECK_DBL(s.kgi_target, 0.3);
	CHECK_DBL(s.on_track_factor, 0.9);
	CHECK_INT(s.limits.file_bytes, 64u << 20);
	CHECK_INT(s.npillars, 3);
	CHECK_STR(s.city_code, "122319");
	CHECK_INT(s.kgi_start, period_make(2024, 1));
	CHECK_INT(s.kgi_due, period_make(2027, 4));
	CHECK_STR(s.pub.base_url, "https://www.city.inzai.lg.jp/kaikaku/");
	CHECK(!s.pub.comments);
	CHECK_INT(s.due_days, 15); /* contract §2 */
	CHECK(s.contact && strstr(s.contact, "PMO") != NULL);
	settings_release(&s);
	sb_release(&err);
}

/* The public page's settings, the KGI's start and due, the city's code. */
static void test_public(void)
{
	struct settings s;
	struct strbuf err = STRBUF_INIT;
	char *path = write_tmp("<settings>\n  <city code=\"999999\">テスト市</city>\n"
			       "  <kgi target=\"30%\" start=\"R6年度第2四半期\" due=\"2028Q4\"/>\n"
			       "  <submission due-days=\"20\" contact=\"行革係 内線 1234\"/>\n"
			       "  <public base-url=\"https://example.jp/x/\" "
			       "tag-date=\"2025-01-31\" comments=\"yes\">\n"
			       "    <title>進捗</title><source>PMO</source><licence "
			       "url=\"https://example.jp/l\">CC BY 4.0</licence>\n"
			       "  </public>\n</settings>\n");

	settings_defaults(&s);
	CHECK_MSG(settings_load(&s, path, &err), "%s", sb_str(&err));
	CHECK_STR(s.city, "テスト市");
	CHECK_STR(s.city_code, "999999");
	CHECK_INT(s.kgi_start, period_make(2024, 2));
	CHECK_INT(s.kgi_due, period_make(2028, 4));
	CHECK_INT(s.due_days, 20);
	CHECK_STR(s.contact, "行革係 内線 1234");
	CHECK_STR(s.pub.base_url, "https://example.jp/x/");
	CHECK_STR(s.pub.tag_date, "2025-01-31");
	CHECK(s.pub.comments);
	CHECK_STR(s.pub.title, "進捗");
	CHECK_STR(s.pub.source, "PMO");
	CHECK_STR(s.pub.licence, "CC BY 4.0");
	CHECK_STR(s.pub.licence_url, "https://example.jp/l");
	unlink(path);
	free(path);
	settings_release(&s);
	sb_release(&err);
}

static void test_overrides(void)
{
	struct settings s;
	struct strbuf err = STRBUF_INIT;
	char *path = write_tmp(
		"<?xml version=\"1.0\"?>\n<settings>\n  <city>テスト市</city>\n"
		"  <status on-track=\"85%\" at-risk=\"0.6\"/>\n  <kgi target=\"0.25\"/>\n"
		"  <pillars><pillar name=\"一つ目\" "
		"short=\"一\"><alias>one</alias></pillar></pillars>\n"
		"  <limits file-bytes=\"1KiB\" cells-per-sheet=\"100\"/>\n"
		"  <colours><status word=\"遅延\" fill=\"#123456\"/></colours>\n</settings>\n");

	settings_defaults(&s);
	CHECK_MSG(settings_load(&s, path, &err), "%s", sb_str(&err));
	CHECK_STR(s.city, "テスト市");
	CHECK_DBL(s.on_track_factor, 0.85);
	CHECK_DBL(s.at_risk_factor, 0.6);
	CHECK_DBL(s.kgi_target, 0.25);
	CHECK_INT(s.npillars, 1);
	CHECK_INT(settings_find_pillar(&s, "ONE"), 0);
	CHECK_INT(settings_find_pillar(&s, "一"), 0);
	CHECK_INT(s.limits.file_bytes, 1024);
	CHECK_INT(s.limits.cells_per_sheet, 100);
	CHECK_INT(s.limits.field_bytes, 1u << 20); /* untouched: the default */
	CHECK_INT(s.colours[ST_DELAYED].fill, 0x123456);
	CHECK_INT(s.colours[ST_DELAYED].text, status_colour(ST_DELAYED)->text);
	unlink(path);
	free(path);
	settings_release(&s);
	sb_release(&err);
}

static void test_broken(void)
{
	static const struct {
		const char *text;
		const char *want; /* in the message */
	} cases[] = {
		{"<settings>\n<city>x</city>\n<status on-track=\"1.5\"/>\n</settings>", ":3: "},
		{"<settings>\n<status on-track=\"0.7\" at-risk=\"0.9\"/>\n</settings>",
		 ":2: at-risk"},
		{"<settings>\n<kgi target=\"abc\"/>\n</settings>", "「abc」"},
		{"<settings>\n\n<colour/>\n</settings>", ":3: 知らない要素 <colour>"},
		{"<settings>\n<kgi targte=\"0.3\"/>\n</settings>", "知らない属性「targte」"},
		{"<settings>\n<city>x</city>\n<unclosed>\n</settings>",
		 ":4: 設定ファイルの XML の書き方に誤りがあります: "},
		{"<settings>\n<city>x</town>\n</settings>",
		 ":2: 設定ファイルの XML の書き方に誤りがあります: 開始タグと終了タグの名前が合っていません"},
		{"<settings>\n<city>A & B</city>\n</settings>",
		 ":2: 設定ファイルの XML の書き方に誤りがあります: & "},
		{"<settings>\n<city>x</city>\n</settings>\n<extra/>",
		 "最後の終了タグのあとに文字があります"},
		{"<settings>\n<kgi target=0.3/>\n</settings>", "引用符で囲みます"},
		{"<?xml version=\"1.0\"?>\n<!DOCTYPE s [<!ENTITY e \"x\">]>\n<settings/>",
		 "DOCTYPE"},
		{"<config/>", "<settings>"},
		{"<settings><pillars></pillars></settings>", "柱が1つもありません"},
		{"<settings><pillars><pillar short=\"x\"/></pillars></settings>", "name 属性"},
		{"<settings><limits file-bytes=\"-5\"/></settings>", "file-bytes"},
		{"<settings><limits file-bytes=\"10TB\"/></settings>", "file-bytes"},
		{"<settings><city> </city></settings>", "<city> が空"},
		{"<settings><colours><status word=\"順調\" fill=\"green\"/></colours></settings>",
		 "#RRGGBB"},
		{"<settings><colours><status word=\"良好\" fill=\"#00FF00\"/></colours></settings>",
		 "「良好」"},
		{"<settings><kgi due=\"来年\"/></settings>", "「来年」"},
		{"<settings><kgi start=\"2027Q4\" due=\"2024Q1\"/></settings>",
		 "due は start より後"},
		{"<settings><public comments=\"maybe\"/></settings>", "yes か no"},
		{"<settings><public tag-date=\"2024-02-30\"/></settings>", "tag-date"},
		{"<settings><public base-url=\"ftp://x\"/></settings>", "base-url"},
		{"<settings><public><banner>x</banner></public></settings>", "<banner>"},
		{"<settings><public><title></title></public></settings>", "<title> が空"},
		{"<settings><city cod=\"1\">x</city></settings>", "知らない属性「cod」"},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct settings s;
		struct strbuf err = STRBUF_INIT;
		char *path = write_tmp(cases[i].text);

		settings_defaults(&s);
		CHECK_MSG(!settings_load(&s, path, &err), "case %zu must fail", i);
		CHECK_MSG(strstr(sb_str(&err), cases[i].want) != NULL,
			  "case %zu: \"%s\" lacks \"%s\"", i, sb_str(&err), cases[i].want);
		CHECK_MSG(strncmp(sb_str(&err), path, strlen(path)) == 0,
			  "case %zu: names the file", i);
		CHECK_MSG(strchr(sb_str(&err), '\n') == NULL, "case %zu: one line", i);
		unlink(path);
		free(path);
		settings_release(&s);
		sb_release(&err);
	}
	{
		struct settings s;
		struct strbuf err = STRBUF_INIT;

		settings_defaults(&s);
		CHECK(!settings_load(&s, "/nonexistent/settings.xml", &err));
		CHECK(strstr(sb_str(&err), "読めません") != NULL);
		settings_release(&s);
		sb_release(&err);
	}
}

int main(void)
{
	test_defaults();
	test_shipped_file();
	test_public();
	test_overrides();
	test_broken();
	return unit_report("test_settings");
}
