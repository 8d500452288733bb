/*
 * test_linebreak.c - line breaking by width with kinsoku.
 */
#include "kaikaku.h"

#include "linebreak.h"
#include "strbuf.h"
#include "unit.h"

/* full-width characters are 2 wide, the rest 1 */
static double w2(void *ctx, uint32_t cp)
{
	(void)ctx;
	return cp >= 0x1100 ? 2 : 1;
}

static void check_lines(const char *in, double max, const char *want, int line)
{
	struct lines l = {0};
	struct strbuf got = STRBUF_INIT;

	linebreak(in, max, w2, NULL, &l);
	for (size_t i = 0; i < l.n; i++) {
		if (i)
			sb_addc(&got, '|');
		sb_add(&got, in + l.v[i].start, l.v[i].len);
	}
	CHECK_MSG(strcmp(sb_str(&got), want) == 0, "line %d: got \"%s\", want \"%s\"", line,
		  sb_str(&got), want);
	sb_release(&got);
	lines_release(&l);
}

static void test_cases(void)
{
	/* width 10 = five full-width characters */
	check_lines("抜本的な業務改革の実行戦略", 10, "抜本的な業|務改革の実|行戦略", __LINE__);
	/* no line starts with 。 or 、: the previous character moves down with it */
	check_lines("あいうえお。かきくけこ", 10, "あいうえ|お。かきく|けこ", __LINE__);
	check_lines("あいうえお、かき", 10, "あいうえ|お、かき", __LINE__);
	/* no line starts with a small kana or ー */
	check_lines("あいうえおっと", 10, "あいうえ|おっと", __LINE__);
	check_lines("あいうえっとー", 10, "あいうえっ|とー", __LINE__); /* っ may end a line */
	check_lines("あいうえおーか", 10, "あいうえ|おーか", __LINE__);
	/* no line ends with （「 */
	check_lines("あいうえ「かき」", 10, "あいうえ|「かき」", __LINE__);
	check_lines("あいう（かき）く", 10, "あいう（か|き）く", __LINE__);
	check_lines("あいうえ（か）", 10, "あいうえ|（か）", __LINE__);
	/* closing brackets do not start a line */
	check_lines("あいうえ」か", 8, "あいう|え」か", __LINE__);
	/* Latin words stay whole; spaces are break points and do not start lines */
	check_lines("progress 62.0% of 75.0%", 10, "progress|62.0% of|75.0%", __LINE__);
	check_lines("進捗率 62.0%、期待進捗 75.0%", 12, "進捗率|62.0%、期待|進捗 75.0%", __LINE__);
	/* a word longer than the line is cut */
	check_lines("abcdefghijklmnop", 5, "abcde|fghij|klmno|p", __LINE__);
	/* hard breaks, empty lines */
	check_lines("一行目\n\n三行目", 10, "一行目||三行目", __LINE__);
	check_lines("", 10, "", __LINE__);
	check_lines("短い", 10, "短い", __LINE__);
	/* a character wider than the line is alone on its line */
	check_lines("あい", 1, "あ|い", __LINE__);
	/* a run of only kinsoku characters cannot be kept: it is cut where full */
	check_lines("。。。。。。。", 6, "。。。|。。。|。", __LINE__);
}

static void test_rules(void)
{
	static const char *const no_start =
		"、。，．）」』】〕・ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ";
	static const char *const no_end = "（「『【〔";

	for (const char *p = no_start; *p; p += 3) {
		uint32_t cp = (uint32_t)(((unsigned char)p[0] & 0x0F) << 12 |
					 ((unsigned char)p[1] & 0x3F) << 6 |
					 ((unsigned char)p[2] & 0x3F));

		CHECK_MSG(kinsoku_no_start(cp), "U+%04X may not start a line", cp);
	}
	for (const char *p = no_end; *p; p += 3) {
		uint32_t cp = (uint32_t)(((unsigned char)p[0] & 0x0F) << 12 |
					 ((unsigned char)p[1] & 0x3F) << 6 |
					 ((unsigned char)p[2] & 0x3F));

		CHECK_MSG(kinsoku_no_end(cp), "U+%04X may not end a line", cp);
	}
	CHECK(!kinsoku_no_start(0x3042)); /* あ */
	CHECK(!kinsoku_no_end(0x3042));
}

int main(void)
{
	test_cases();
	test_rules();
	return unit_report("test_linebreak");
}
