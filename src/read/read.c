/*
 * read.c - sniffing a file's kind and handing it to the CSV or xlsx reader.
 */
#include "kaikaku.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "csv_read.h"
#include "fs.h"
#include "read.h"
#include "sha256.h"
#include "strbuf.h"
#include "xlsx_read.h"

static void file_error(struct diags *d, const char *relpath, enum diag_code code, const char *msg)
{
	struct loc loc = {relpath, NULL, 0};

	diag_add(d, code, &loc, NULL, NULL, "%s", msg);
}

/* Reads the whole file, refusing more than limit bytes. */
static bool slurp(const char *path, uint64_t limit, unsigned char **out, size_t *len, int *err,
		  bool *too_large, uint64_t *size)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	struct stat st;
	unsigned char *buf = NULL;
	size_t cap = 0, n = 0;

	*too_large = false;
	if (fd < 0) {
		*err = errno;
		return false;
	}
	if (fstat(fd, &st) != 0) {
		*err = errno;
		close(fd);
		return false;
	}
	if (!S_ISREG(st.st_mode)) {
		*err = EINVAL;
		close(fd);
		return false;
	}
	*size = (uint64_t)st.st_size;
	if ((uint64_t)st.st_size > limit) {
		*too_large = true;
		close(fd);
		return false;
	}
	cap = (size_t)st.st_size + 1;
	buf = xmalloc(cap);
	for (;;) {
		ssize_t k;

		if (n + 1 >= cap) {
			if (n >= limit) {
				*too_large = true; /* it grew while being read */
				free(buf);
				close(fd);
				return false;
			}
			xgrow((void **)&buf, &cap, cap + 65536, 1);
		}
		k = read(fd, buf + n, cap - n - 1);
		if (k < 0) {
			if (errno == EINTR)
				continue;
			*err = errno;
			free(buf);
			close(fd);
			return false;
		}
		if (k == 0)
			break;
		n += (size_t)k;
	}
	close(fd);
	if (n > limit) {
		*too_large = true;
		free(buf);
		return false;
	}
	buf[n] = '\0';
	*out = buf;
	*len = n;
	*size = n;
	return true;
}

static const char *extension(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash + 1 : path, '.');

	return dot ? dot + 1 : "";
}

static bool ext_is(const char *ext, const char *want)
{
	return strcasecmp(ext, want) == 0;
}

/* "EncryptedPackage" in UTF-16LE: the stream of an encrypted OOXML file */
static bool ole_encrypted(const unsigned char *d, size_t n)
{
	static const char name[] = "EncryptedPackage";
	unsigned char pat[2 * (sizeof(name) - 1)];

	for (size_t i = 0; i < sizeof(name) - 1; i++) {
		pat[2 * i] = (unsigned char)name[i];
		pat[2 * i + 1] = 0;
	}
	return memmem(d, n, pat, sizeof(pat)) != NULL;
}

static bool looks_binary(const unsigned char *d, size_t n)
{
	static const struct {
		const char *magic;
		size_t len;
	} magics[] = {
		{"%PDF", 4},
		{"\x89PNG", 4},
		{"\xFF\xD8\xFF", 3},
		{"GIF8", 4},
		{"\x1F\x8B", 2},
		{"7z\xBC\xAF", 4},
		{"Rar!", 4},
		{"\x7F"
		 "ELF",
		 4},
	};

	for (size_t i = 0; i < ARRAY_LEN(magics); i++)
		if (n >= magics[i].len && memcmp(d, magics[i].magic, magics[i].len) == 0)
			return true;
	return false;
}

static void read_csv(const unsigned char *data, size_t n, const char *relpath,
		     const struct limits *lim, struct read_result *out, struct diags *d)
{
	struct decoded dec;
	struct csv_failure fail;
	struct grid *g;
	struct strbuf msg = STRBUF_INIT;

	switch (text_decode(data, n, &dec)) {
	case DECODE_OK:
		break;
	case DECODE_UTF16:
		file_error(d, relpath, E_UTF16,
			   "UTF-16（Unicode テキスト）のファイルは読めません。");
		out->failed = true;
		return;
	case DECODE_NUL:
		sb_addf(&msg, "%zu バイト目（先頭を 0 として数えた位置）に NUL 文字があります。",
			dec.bad_offset);
		file_error(d, relpath, E_NUL_BYTE, sb_str(&msg));
		sb_release(&msg);
		out->failed = true;
		return;
	case DECODE_INVALID:
		sb_addf(&msg,
			"UTF-8 としても CP932（Shift_JIS）としても読めません（%s として読むと %zu "
			"バイト目（先頭を 0 として数えた位置）が不正です）。",
			dec.guess == ENC_CP932 ? "CP932" : "UTF-8", dec.bad_offset);
		file_error(d, relpath, E_ENCODING, sb_str(&msg));
		sb_release(&msg);
		out->failed = true;
		return;
	}
	out->format = FORMAT_CSV;
	out->encoding = dec.enc;
	g = grid_new(NULL, 0);
	if (!csv_read(dec.text, dec.len, lim->field_bytes, lim->cells_per_sheet, g, &fail)) {
		enum diag_code code = E_CSV_SYNTAX;

		if (fail.kind == CSV_FAIL_FIELD_LIMIT) {
			code = E_FIELD_TOO_LARGE;
			sb_addf(&msg, "%d行目に %llu バイトを超える値があります。", fail.row,
				(unsigned long long)lim->field_bytes);
		} else if (fail.kind == CSV_FAIL_CELL_LIMIT) {
			code = E_TOO_MANY_CELLS;
			sb_addf(&msg, "セルが上限の %llu 個を超えます。",
				(unsigned long long)lim->cells_per_sheet);
		} else if (fail.unclosed) {
			sb_addf(&msg,
				"%d行目で始まる引用符（\"）が閉じられないままファイルが終わっています"
				"。",
				fail.row);
		} else {
			sb_addf(&msg,
				"%d行目（ファイルの %d行目）で引用符（\"）の使い方が正しくありません。",
				fail.row, fail.line);
		}
		file_error(d, relpath, code, sb_str(&msg));
		sb_release(&msg);
		grid_free(g);
		free(dec.text);
		out->failed = true;
		return;
	}
	free(dec.text);
	if (g->nrows == 0) {
		file_error(d, relpath, E_EMPTY_FILE, "値の入ったセルが1つもありません。");
		grid_free(g);
		out->failed = true;
		return;
	}
	out->grids = xmalloc(sizeof(*out->grids));
	out->grids[0] = g;
	out->ngrids = 1;
}

static void read_xlsx(const unsigned char *data, size_t n, const char *relpath,
		      const struct limits *lim, struct read_result *out, struct diags *d)
{
	struct xlsx_book book;

	if (!xlsx_read(data, n, lim, relpath, &book, d)) {
		out->failed = true;
		return;
	}
	out->format = FORMAT_XLSX;
	out->grids = book.grids;
	out->ngrids = book.ngrids;
	out->input_sheet = book.input_sheet;
	out->marker = book.marker;
	out->nsheets = book.nsheets;
}

void read_file(const char *path, const char *relpath, const struct limits *lim,
	       struct read_result *out, struct diags *d)
{
	unsigned char *data = NULL;
	size_t n = 0;
	int err = 0;
	bool too_large;
	const char *ext = extension(relpath);
	bool table_ext = ext_is(ext, "csv") || ext_is(ext, "txt") || ext_is(ext, "xlsx") ||
			 ext_is(ext, "xlsm") || ext_is(ext, "xls");
	bool zip, ole;
	struct strbuf msg = STRBUF_INIT;

	memset(out, 0, sizeof(*out));
	if (!slurp(path, lim->file_bytes, &data, &n, &err, &too_large, &out->bytes)) {
		if (too_large)
			sb_addf(&msg, "ファイルが %llu バイトあり、上限の %llu バイトを超えます。",
				(unsigned long long)out->bytes,
				(unsigned long long)lim->file_bytes);
		else
			sb_addf(&msg, "ファイルを読めません: %s。",
				err == EINVAL ? "通常のファイルではありません" : fs_strerror(err));
		file_error(d, relpath, too_large ? E_FILE_TOO_LARGE : E_READ_FAILED, sb_str(&msg));
		sb_release(&msg);
		out->failed = true;
		return;
	}
	sha256_hex(data, n, out->sha256);
	zip = n >= 4 && (memcmp(data, "PK\x03\x04", 4) == 0 || memcmp(data, "PK\x05\x06", 4) == 0);
	ole = n >= 8 && memcmp(data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) == 0;
	if (!table_ext && !zip) {
		sb_addf(&msg, "表のファイル（.csv・.xlsx）ではないので読みませんでした。");
		file_error(d, relpath, W_IGNORED_FILE, sb_str(&msg));
		out->ignored = true;
	} else if (n == 0) {
		file_error(d, relpath, E_EMPTY_FILE, "ファイルが空です（0 バイト）。");
		out->failed = true;
	} else if (zip) {
		read_xlsx(data, n, relpath, lim, out, d);
		/* a zip under another name that is no workbook is not ours to judge */
		if (out->failed && !table_ext && d->n && d->v[d->n - 1].code == E_NOT_SPREADSHEET) {
			d->n--;
			file_error(d, relpath, W_IGNORED_FILE,
				   "表のファイル（.csv・.xlsx）ではないので読みませんでした。");
			out->failed = false;
			out->ignored = true;
		}
	} else if (ole) {
		if (ole_encrypted(data, n))
			file_error(d, relpath, E_ENCRYPTED,
				   "パスワード（暗号化）付きのブックは読めません。");
		else
			file_error(d, relpath, E_XLS_FORMAT,
				   "古い Excel 形式（.xls、Excel 97-2003）のブックは読めません。");
		out->failed = true;
	} else if (looks_binary(data, n)) {
		file_error(d, relpath, E_NOT_SPREADSHEET,
			   "このファイルは CSV でも Excel ブックでもありません（画像・PDF "
			   "などのデータです）。");
		out->failed = true;
	} else {
		read_csv(data, n, relpath, lim, out, d);
	}
	sb_release(&msg);
	free(data);
}

void read_result_release(struct read_result *r)
{
	for (size_t i = 0; i < r->ngrids; i++)
		grid_free(r->grids[i]);
	free(r->grids);
	free(r->input_sheet);
	free(r->marker);
	memset(r, 0, sizeof(*r));
}

void read_describe(const struct read_result *r, char *buf, size_t size)
{
	switch (r->format) {
	case FORMAT_CSV:
		snprintf(buf, size, "CSV (%s)", encoding_name(r->encoding));
		break;
	case FORMAT_XLSX:
		snprintf(buf, size, "xlsx");
		break;
	case FORMAT_NONE:
		snprintf(buf, size, "-");
		break;
	}
}
