/*
 * test_read.c - encodings, the CSV reader's row numbers, the xlsx reader's
 * helpers (number formats, cell references, _xHHHH_), SHA-256; reading a
 * folder in threads gives what reading it in one does.
 */
#include "kaikaku.h"

#include <unistd.h>

#include "csv_read.h"
#include "discover.h"
#include "encoding.h"
#include "ingest.h"
#include "sha256.h"
#include "strbuf.h"
#include "unit.h"
#include "xlsx_read.h"

static void test_decode(void)
{
	static const struct {
		const char *in;
		size_t len;
		enum decode_result r;
		enum text_encoding enc;
		const char *utf8;
		size_t bad;
	} cases[] = {
		{"a,b\r\n", 5, DECODE_OK, ENC_ASCII, "a,b\r\n", 0},
		{"\xEF\xBB\xBF"
		 "課,部",
		 10, DECODE_OK, ENC_UTF8_BOM, "課,部", 0},
		{"課", 3, DECODE_OK, ENC_UTF8, "課", 0},
		/* CP932: ～ ① ㈱ 髙 﨑 ｱ and NEC/IBM extensions */
		{"\x81\x60\x87\x40\x87\x8a\xfb\xfc\xfa\xb1\xb1", 11, DECODE_OK, ENC_CP932,
		 "～①㈱髙﨑ｱ", 0},
		{"\x89\xdb,\x95\x94", 5, DECODE_OK, ENC_CP932, "課,部", 0},
		/* valid in neither: a CP932 lead byte at the end */
		{"abc\x81", 4, DECODE_INVALID, ENC_ASCII, NULL, 3},
		{"ab\xff\xfe", 4, DECODE_INVALID, ENC_ASCII, NULL, 2},
		{"\xEF\xBB\xBF"
		 "a\xff",
		 5, DECODE_INVALID, ENC_ASCII, NULL, 4},
		{"\xFF\xFE"
		 "a\0b\0",
		 6, DECODE_UTF16, ENC_ASCII, NULL, 0},
		{"a\0b\0c\0d\0", 8, DECODE_UTF16, ENC_ASCII, NULL, 0},
		{"abcdefgh\0ijklmnop", 17, DECODE_NUL, ENC_ASCII, NULL, 8},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct decoded d;
		enum decode_result r =
			text_decode((const unsigned char *)cases[i].in, cases[i].len, &d);

		CHECK_MSG(r == cases[i].r, "case %zu: result %d", i, r);
		if (r == DECODE_OK && cases[i].r == DECODE_OK) {
			CHECK_MSG(d.enc == cases[i].enc, "case %zu: encoding %s", i,
				  encoding_name(d.enc));
			CHECK_STR(d.text, cases[i].utf8);
		}
		if (r == DECODE_INVALID || r == DECODE_NUL)
			CHECK_INT(d.bad_offset, cases[i].bad);
		free(d.text);
	}
}

struct expect_cell {
	uint32_t row, col;
	const char *text;
};

static void check_csv(const char *in, const struct expect_cell *want, size_t n, int line)
{
	struct grid *g = grid_new(NULL, 0);
	struct csv_failure f;
	size_t k = 0;
	bool ok = csv_read(in, strlen(in), 1 << 20, 1000000, g, &f);

	CHECK_MSG(ok, "line %d: csv_read failed", line);
	for (size_t r = 0; r < g->nrows; r++) {
		for (uint32_t c = 0; c < g->rows[r].ncells; c++, k++) {
			const struct cell *cell = &g->rows[r].cells[c];

			if (k >= n) {
				CHECK_MSG(false, "line %d: extra cell %u:%u", line, g->rows[r].row,
					  cell->col);
				continue;
			}
			CHECK_MSG(g->rows[r].row == want[k].row && cell->col == want[k].col,
				  "line %d: cell %zu at %u:%u, want %u:%u", line, k, g->rows[r].row,
				  cell->col, want[k].row, want[k].col);
			CHECK_STR(cell->text, want[k].text);
		}
	}
	CHECK_MSG(k == n, "line %d: %zu cells, want %zu", line, k, n);
	grid_free(g);
}

static void test_csv_rows(void)
{
	/* record numbers as a spreadsheet shows them */
	{
		static const struct expect_cell w[] = {
			{1, 0, "a"}, {1, 1, "b"}, {3, 0, "c"}, {3, 1, "d"}};

		check_csv("a,b\r\n\r\nc,d\r\n", w, ARRAY_LEN(w), __LINE__);
		check_csv("a,b\n\nc,d\n", w, ARRAY_LEN(w), __LINE__);
		check_csv("a,b\r\n\r\nc,d", w, ARRAY_LEN(w), __LINE__);
	}
	{
		/* a quoted field with line breaks is one row */
		static const struct expect_cell w[] = {{1, 0, "K"}, {1, 1, "v"},
						       {2, 0, "x"}, {2, 1, "line1\r\nline2"},
						       {3, 0, "y"}, {3, 1, "2"}};

		check_csv("K,v\r\nx,\"line1\r\nline2\"\r\ny,2\r\n", w, ARRAY_LEN(w), __LINE__);
	}
	{
		/* blank lines and lines of empty cells keep their numbers; cells are trimmed */
		static const struct expect_cell w[] = {{1, 0, "h"}, {4, 1, "v"}, {6, 0, "全角"}};

		check_csv("h\r\n\r\n,,\r\n, v \r\n\r\n　全角　\r\n", w, ARRAY_LEN(w), __LINE__);
	}
	{
		/* lone CR line ends (old Mac) */
		static const struct expect_cell w[] = {{1, 0, "a"}, {2, 0, "b"}, {4, 0, "c"}};

		check_csv("a\rb\r\rc", w, ARRAY_LEN(w), __LINE__);
	}
	{
		/* =HYPERLINK stays text; embedded quotes */
		static const struct expect_cell w[] = {{1, 0, "=HYPERLINK(\"x\")"}, {1, 1, "a\"b"}};

		check_csv("\"=HYPERLINK(\"\"x\"\")\",\"a\"\"b\"\n", w, ARRAY_LEN(w), __LINE__);
	}
}

static void test_csv_failures(void)
{
	static const struct {
		const char *in;
		enum csv_failure_kind kind;
		int row;
		bool unclosed;
	} cases[] = {
		{"a,b\r\nc,d\"e\r\n", CSV_FAIL_SYNTAX, 2, false},
		{"a,b\r\n\"c,d\r\ne,f\r\n", CSV_FAIL_SYNTAX, 2, true},
		{"a\r\n\r\n\"x\"y\r\n", CSV_FAIL_SYNTAX, 3, false},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct grid *g = grid_new(NULL, 0);
		struct csv_failure f;
		bool ok = csv_read(cases[i].in, strlen(cases[i].in), 1 << 20, 1000000, g, &f);

		CHECK_MSG(!ok, "case %zu must fail", i);
		CHECK_MSG(f.kind == cases[i].kind, "case %zu: kind %d", i, f.kind);
		CHECK_INT(f.row, cases[i].row);
		CHECK_MSG(f.unclosed == cases[i].unclosed, "case %zu: unclosed", i);
		grid_free(g);
	}
	{
		/* one field over the limit */
		struct strbuf big = STRBUF_INIT;
		struct grid *g = grid_new(NULL, 0);
		struct csv_failure f;

		sb_adds(&big, "a\r\n");
		for (int i = 0; i < 5000; i++)
			sb_adds(&big, "xxxxxxxxxx");
		CHECK(!csv_read(big.buf, big.len, 4096, 1000000, g, &f));
		CHECK(f.kind == CSV_FAIL_FIELD_LIMIT);
		CHECK_INT(f.row, 2);
		grid_free(g);
		sb_release(&big);
	}
	{
		struct grid *g = grid_new(NULL, 0);
		struct csv_failure f;

		CHECK(!csv_read("a,b,c\r\nd,e,f\r\n", 14, 4096, 4, g, &f));
		CHECK(f.kind == CSV_FAIL_CELL_LIMIT);
		grid_free(g);
	}
}

static void test_numfmt(void)
{
	static const struct {
		int id;
		const char *code;
		enum numfmt_kind kind;
	} cases[] = {
		{0, NULL, NUMFMT_PLAIN},
		{14, NULL, NUMFMT_DATE},
		{22, NULL, NUMFMT_DATE},
		{31, NULL, NUMFMT_DATE}, /* CJK: yyyy"年"m"月"d"日" */
		{57, NULL, NUMFMT_DATE},
		{9, NULL, NUMFMT_PERCENT},
		{10, NULL, NUMFMT_PERCENT},
		{3, NULL, NUMFMT_PLAIN},
		{164, "yyyy/m/d", NUMFMT_DATE},
		{164, "[$-411]ggge\"年\"m\"月\"d\"日\"", NUMFMT_DATE},
		{164, "yyyy\"年\"m\"月\"d\"日\"", NUMFMT_DATE},
		{164, "0.0%", NUMFMT_PERCENT},
		{164, "#,##0", NUMFMT_PLAIN},
		{164, "General", NUMFMT_PLAIN},
		{164, "0.00E+00", NUMFMT_PLAIN},
		{164, "[Red]#,##0;[Blue]-#,##0", NUMFMT_PLAIN},
		{164, "\"¥\"#,##0", NUMFMT_PLAIN},
		{164, "#,##0\"days\"", NUMFMT_PLAIN},
		{164, "[h]:mm", NUMFMT_DATE},
		{164, "h:mm AM/PM", NUMFMT_DATE},
		{164, "\\d0", NUMFMT_PLAIN},
		{164, "0;\"-\";yyyy", NUMFMT_PLAIN},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++)
		CHECK_MSG(numfmt_classify(cases[i].id, cases[i].code) == cases[i].kind,
			  "format %d \"%s\"", cases[i].id, cases[i].code ? cases[i].code : "");
}

static void test_cell_ref(void)
{
	static const struct {
		const char *ref;
		bool ok;
		uint32_t col, row;
	} cases[] = {
		{"A1", true, 0, 1},
		{"B12", true, 1, 12},
		{"Z9", true, 25, 9},
		{"AA1", true, 26, 1},
		{"XFD1048576", true, 16383, 1048576},
		{"$C$3", true, 2, 3},
		{"c3", true, 2, 3},
		{"XFE1", false, 0, 0},
		{"A1048577", false, 0, 0},
		{"A0", false, 0, 0},
		{"1A", false, 0, 0},
		{"", false, 0, 0},
		{"AAAA1", false, 0, 0},
		{"A1x", false, 0, 0},
		{"A99999999", false, 0, 0},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		uint32_t col = 0, row = 0;
		bool has_row;
		bool ok = cell_ref_parse(cases[i].ref, &col, &row, &has_row);

		CHECK_MSG(ok == cases[i].ok, "\"%s\"", cases[i].ref);
		if (ok && cases[i].ok) {
			CHECK_INT(col, cases[i].col);
			CHECK_INT(row, cases[i].row);
		}
	}
}

static void test_unescape(void)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"plain", "plain"},           {"a_x000D__x000A_b", "a\r\nb"},
		{"_x005F_x0041_", "_x0041_"}, {"_x3042_", "あ"},
		{"_xD842__xDFB7_", "𠮷"},     {"_xD842_", "\xEF\xBF\xBD"},
		{"_x00zz_", "_x00zz_"},       {"_x12", "_x12"},
	};

	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct strbuf sb = STRBUF_INIT;

		ooxml_unescape(cases[i].in, strlen(cases[i].in), &sb);
		CHECK_STR(sb_str(&sb), cases[i].out);
		sb_release(&sb);
	}
}

static void test_sha256(void)
{
	char hex[65];
	struct sha256 s;
	static const char million_a_prefix[] =
		"cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

	sha256_hex("", 0, hex);
	CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	sha256_hex("abc", 3, hex);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, hex);
	CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	sha256_init(&s);
	for (int i = 0; i < 1000; i++) {
		char a[1001];

		memset(a, 'a', sizeof(a));
		sha256_update(&s, a, i % 2 ? 999 : 1001); /* uneven pieces, 1,000,000 in all */
	}
	sha256_final_hex(&s, hex);
	CHECK_STR(hex, million_a_prefix);
}

/* ingest_files with 1 and with 4 threads over 150 files (some with errors):
 * the same tables in the same order and numbering, the same rows, the same
 * records in the same order; and arena_adopt keeps what was allocated. */
static void read_folder(const char *dir, unsigned threads, struct parsed *p, struct diags *d)
{
	struct discovered found = {0};
	struct strbuf err = STRBUF_INIT;
	struct settings s;

	settings_defaults(&s);
	parsed_init(p);
	diags_init(d);
	CHECK_MSG(discover(dir, NULL, &found, d, &err), "%s", sb_str(&err));
	ingest_files(p, &found, &s, d, threads);
	discovered_release(&found);
	settings_release(&s);
	sb_release(&err);
}

static void test_threads(void)
{
	char dir[] = "/tmp/kaikaku-unit-XXXXXX";
	struct parsed a, b;
	struct diags da, db;
	struct arena x, y;
	char *kept;

	CHECK(mkdtemp(dir) != NULL);
	for (int i = 0; i < 150; i++) {
		char path[128];
		FILE *f;

		snprintf(path, sizeof(path), "%s/%03d_KPI実績.csv", dir, i);
		f = fopen(path, "w");
		fprintf(f,
			"KPI_ID,課,報告期間,実績値\nK%03d,課%d,2026Q3,%s\nK%03d,課%d,2026Q2,%d\n",
			i, i % 7, i % 10 == 3 ? "約5" : "12", i, i % 7, i);
		fclose(f);
	}
	read_folder(dir, 1, &a, &da);
	read_folder(dir, 4, &b, &db);
	CHECK_INT(a.nfiles, 150);
	CHECK_INT(b.nfiles, a.nfiles);
	CHECK_INT(b.ntables, a.ntables);
	for (size_t i = 0; i < a.ntables && i < b.ntables; i++) {
		CHECK_STR(b.tables[i]->file, a.tables[i]->file);
		CHECK_INT(b.tables[i]->index, i);
		CHECK_INT(b.tables[i]->kind, a.tables[i]->kind);
		CHECK_INT(b.tables[i]->col[COL_ACTUAL], a.tables[i]->col[COL_ACTUAL]);
	}
	CHECK_INT(b.n_actuals, a.n_actuals);
	for (size_t i = 0; i < a.n_actuals && i < b.n_actuals; i++) {
		CHECK_STR(b.actuals[i].kpi_id, a.actuals[i].kpi_id);
		CHECK_INT(b.actuals[i].src.row, a.actuals[i].src.row);
		CHECK(b.actuals[i].src.table == b.tables[b.actuals[i].src.table->index]);
	}
	CHECK(da.n > 10);
	CHECK_INT(db.n, da.n);
	for (size_t i = 0; i < da.n && i < db.n; i++) {
		CHECK_INT(db.v[i].code, da.v[i].code);
		CHECK_STR(db.v[i].file, da.v[i].file);
		CHECK_STR(db.v[i].message, da.v[i].message);
		CHECK_INT(db.v[i].seq, i);
	}
	parsed_release(&a);
	parsed_release(&b);
	diags_release(&da);
	diags_release(&db);
	for (int i = 0; i < 150; i++) {
		char path[128];

		snprintf(path, sizeof(path), "%s/%03d_KPI実績.csv", dir, i);
		unlink(path);
	}
	rmdir(dir);

	arena_init(&x);
	arena_init(&y);
	kept = arena_strdup(&y, "adopted");
	arena_strdup(&x, "x");
	arena_adopt(&x, &y);
	CHECK(y.head == NULL && y.total == 0);
	CHECK_STR(kept, "adopted");
	CHECK_STR(arena_strdup(&x, "after"), "after");
	CHECK(x.total >= 2 * 65536);
	arena_release(&x);
}

int main(void)
{
	test_decode();
	test_csv_rows();
	test_csv_failures();
	test_numfmt();
	test_cell_ref();
	test_unescape();
	test_sha256();
	test_threads();
	return unit_report("test_read");
}
