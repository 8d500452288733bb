/*
 * fuzz_values.c - libFuzzer: any text through the value parsers a cell goes
 * through (numbers, periods, statuses, cell references, OOXML escapes, text
 * folding), and through the line breaker of the PDF packs.
 */
#include "kaikaku.h"

#include "linebreak.h"
#include "number.h"
#include "period.h"
#include "status.h"
#include "strbuf.h"
#include "utf8.h"
#include "xlsx_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static double width(void *ctx, uint32_t cp)
{
	(void)ctx;
	return cp < 0x80 ? 5 : 10;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *s = xstrndup((const char *)data, size);
	struct strbuf sb = STRBUF_INIT;
	struct lines l = {0};
	double v;
	bool pct, has_row;
	int p;
	enum period_form form;
	enum status st;
	uint32_t col, row;
	char buf[64];

	if (number_parse(s, &v, &pct) == NUMBER_OK)
		number_format(v, buf, sizeof(buf));
	(void)number_is_no_value(s);
	if (period_parse(s, &p, &form)) {
		char code[PERIOD_CODE_MAX];

		period_code(p, code);
		period_label(p, &sb);
	}
	(void)period_parse_quarter(s, &p);
	(void)status_parse_reported(s, &st);
	(void)cell_ref_parse(s, &col, &row, &has_row);
	sb_reset(&sb);
	ooxml_unescape(s, strlen(s), &sb);
	if (utf8_valid((const unsigned char *)s, strlen(s), NULL)) {
		sb_reset(&sb);
		text_fold(&sb, s);
		sb_reset(&sb);
		text_halfwidth(&sb, s);
		(void)text_width(s);
		linebreak(s, 60, width, NULL, &l);
		lines_release(&l);
	}
	sb_release(&sb);
	free(s);
	return 0;
}
