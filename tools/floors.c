/*
 * floors.c - how fast each of kaikaku's stages could be at best, on the same
 * data (issue 17): the work no implementation of the contract can skip, done
 * with the same libraries and nothing else, in one process.
 *
 *     floors INPUT OUTPUT [--json FILE]
 *
 * INPUT is the folder kaikaku read, OUTPUT the folder one run wrote (a fresh
 * one: its history then holds that run's rows only). For each stage it prints
 * the seconds of:
 *
 *   read     every input file read, hashed (SHA-256, as the ledger records),
 *            decoded: CSV from CP932 to UTF-8 (iconv) where it is not UTF-8,
 *            every part of a workbook inflated and parsed by libxml2 (SAX, no
 *            callbacks);
 *   xlsx     every part of the period's workbooks (inflated first, not timed)
 *            deflated again, raw, at level 1, as kaikaku has minizip do for
 *            libxlsxwriter (src/render/xlsx_write.c);
 *   pdf      every compressed stream of the period's PDFs (content streams,
 *            font subsets, ToUnicode maps; inflated first, not timed) deflated
 *            again at level 1, as kaikaku sets for libharu;
 *   history  the rows history.sqlite holds, inserted into a new database with
 *            the same schema and pragmas in one transaction;
 *   publish  every output file's bytes written into a new folder and fsync'd,
 *            with the folders, then the folder renamed into place.
 *
 * A file linked twice (配布/) counts once. The figures are one process's: a
 * stage kaikaku shares among its workers can go below its floor's wall time.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <libxml/parser.h>
#include <openssl/evp.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <unzip.h>
#include <zlib.h>

struct buf {
	unsigned char *p;
	size_t n, cap;
};

static void die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	fputs("floors: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(2);
}

static void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die("out of memory");
	return p;
}

static void reserve(struct buf *b, size_t need)
{
	if (need <= b->cap)
		return;
	while (b->cap < need)
		b->cap = b->cap ? b->cap * 2 : 65536;
	b->p = xrealloc(b->p, b->cap);
}

static double now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), k = strlen(tail);

	return n >= k && strcasecmp(s + n - k, tail) == 0;
}

static bool read_file(const char *path, struct buf *b)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	ssize_t r;

	b->n = 0;
	if (fd < 0)
		return false;
	for (;;) {
		reserve(b, b->n + 65536);
		r = read(fd, b->p + b->n, b->cap - b->n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		b->n += (size_t)r;
	}
	close(fd);
	return r == 0;
}

/* ---- the files of a folder, each inode once, in name order */

struct files {
	char **v;
	size_t n, cap;
	struct inode {
		dev_t dev;
		ino_t ino;
	} * seen; /* an open-addressing set; ino 0 is free */
	size_t nseen, capseen;
};

static bool seen_before(struct files *f, const struct stat *st)
{
	size_t i;

	if ((f->nseen + 1) * 2 > f->capseen) {
		struct inode *old = f->seen;
		size_t oldcap = f->capseen;

		f->capseen = oldcap ? oldcap * 2 : 4096;
		f->seen = calloc(f->capseen, sizeof(*f->seen));
		if (!f->seen)
			die("out of memory");
		f->nseen = 0;
		for (size_t k = 0; k < oldcap; k++)
			if (old[k].ino) {
				for (i = (size_t)old[k].ino & (f->capseen - 1); f->seen[i].ino;
				     i = (i + 1) & (f->capseen - 1))
					;
				f->seen[i] = old[k];
				f->nseen++;
			}
		free(old);
	}
	for (i = (size_t)st->st_ino & (f->capseen - 1); f->seen[i].ino;
	     i = (i + 1) & (f->capseen - 1))
		if (f->seen[i].dev == st->st_dev && f->seen[i].ino == st->st_ino)
			return true;
	f->seen[i].dev = st->st_dev;
	f->seen[i].ino = st->st_ino;
	f->nseen++;
	return false;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void walk(struct files *f, const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;

	if (!d)
		die("cannot open %s: %s", dir, strerror(errno));
	while ((e = readdir(d))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			names = xrealloc(names, cap * sizeof(*names));
		}
		if (asprintf(&names[n++], "%s/%s", dir, e->d_name) < 0)
			die("out of memory");
	}
	closedir(d);
	qsort(names, n, sizeof(*names), by_name);
	for (size_t i = 0; i < n; i++) {
		struct stat st;

		if (lstat(names[i], &st) != 0) {
			free(names[i]);
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			walk(f, names[i]);
			free(names[i]);
		} else if (S_ISREG(st.st_mode) && !seen_before(f, &st)) {
			if (f->n == f->cap) {
				f->cap = f->cap ? f->cap * 2 : 1024;
				f->v = xrealloc(f->v, f->cap * sizeof(*f->v));
			}
			f->v[f->n++] = names[i];
		} else {
			free(names[i]);
		}
	}
	free(names);
}

static void files_free(struct files *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i]);
	free(f->v);
	free(f->seen);
	memset(f, 0, sizeof(*f));
}

/* ---- read */

struct read_floor {
	double total, hash, decode, inflate, parse;
	size_t files, bytes, cp932, parts;
};

static bool valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		unsigned char c = s[i];
		size_t k = c < 0x80             ? 0
			   : (c & 0xE0) == 0xC0 ? 1
			   : (c & 0xF0) == 0xE0 ? 2
			   : (c & 0xF8) == 0xF0 ? 3
						: 9;

		if (k == 9 || i + k >= n)
			return false;
		for (size_t j = 1; j <= k; j++)
			if ((s[i + j] & 0xC0) != 0x80)
				return false;
		i += k + 1;
	}
	return true;
}

static void read_stage(const char *input, struct read_floor *rf)
{
	struct files f = {0};
	struct buf b = {0}, out = {0};
	iconv_t cd = iconv_open("UTF-8", "CP932");
	EVP_MD_CTX *md = EVP_MD_CTX_new();
	xmlSAXHandler sax;

	if (cd == (iconv_t)-1 || !md)
		die("iconv CP932 or SHA-256 unavailable");
	memset(&sax, 0, sizeof(sax));
	sax.initialized = XML_SAX2_MAGIC;
	walk(&f, input);
	memset(rf, 0, sizeof(*rf));
	for (size_t i = 0; i < f.n; i++) {
		double t0 = now(), t1, t2;
		unsigned char digest[32];
		unsigned int dn;

		if (!read_file(f.v[i], &b))
			continue;
		t1 = now();
		EVP_DigestInit_ex(md, EVP_sha256(), NULL);
		EVP_DigestUpdate(md, b.p, b.n);
		EVP_DigestFinal_ex(md, digest, &dn);
		t2 = now();
		rf->hash += t2 - t1;
		rf->files++;
		rf->bytes += b.n;
		if (ends_with(f.v[i], ".csv") && !valid_utf8(b.p, b.n)) {
			char *in = (char *)b.p, *o;
			size_t inleft = b.n, outleft;

			reserve(&out, b.n * 2 + 16);
			o = (char *)out.p;
			outleft = out.cap;
			iconv(cd, NULL, NULL, NULL, NULL);
			while (inleft && iconv(cd, &in, &inleft, &o, &outleft) == (size_t)-1) {
				if (errno != EILSEQ && errno != EINVAL)
					break;
				in++; /* as a decoder that reports and goes on */
				inleft--;
			}
			rf->cp932++;
			rf->decode += now() - t2;
		} else if (ends_with(f.v[i], ".xlsx")) {
			unzFile z = unzOpen64(f.v[i]);

			if (z && unzGoToFirstFile(z) == UNZ_OK) {
				do {
					char name[512];
					unz_file_info64 info;
					double a, c;

					if (unzGetCurrentFileInfo64(z, &info, name, sizeof(name),
								    NULL, 0, NULL, 0) != UNZ_OK ||
					    !ends_with(name, ".xml") ||
					    info.uncompressed_size > (1u << 30))
						continue;
					a = now();
					reserve(&out, info.uncompressed_size + 1);
					if (unzOpenCurrentFile(z) != UNZ_OK)
						continue;
					{
						int got = unzReadCurrentFile(z, out.p,
									     (unsigned)out.cap);

						unzCloseCurrentFile(z);
						if (got < 0)
							continue;
						out.n = (size_t)got;
					}
					c = now();
					rf->inflate += c - a;
					xmlSAXUserParseMemory(&sax, NULL, (const char *)out.p,
							      (int)out.n);
					rf->parse += now() - c;
					rf->parts++;
				} while (unzGoToNextFile(z) == UNZ_OK);
			}
			if (z)
				unzClose(z);
		}
		rf->total += now() - t0;
	}
	iconv_close(cd);
	EVP_MD_CTX_free(md);
	free(b.p);
	free(out.p);
	files_free(&f);
}

/* ---- deflating again what kaikaku deflated */

static double deflate_timed(const unsigned char *p, size_t n, int level, int bits, struct buf *out,
			    size_t *outn)
{
	z_stream z;
	double t0 = now();

	memset(&z, 0, sizeof(z));
	if (deflateInit2(&z, level, Z_DEFLATED, bits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
		die("deflateInit2");
	reserve(out, deflateBound(&z, n));
	z.next_in = (unsigned char *)p;
	z.avail_in = (uInt)n;
	z.next_out = out->p;
	z.avail_out = (uInt)out->cap;
	if (deflate(&z, Z_FINISH) != Z_STREAM_END)
		die("deflate");
	*outn += z.total_out;
	deflateEnd(&z);
	return now() - t0;
}

struct deflate_floor {
	double secs;
	size_t files, parts, in_bytes, out_bytes;
};

static void xlsx_stage(struct files *f, struct deflate_floor *df)
{
	struct buf part = {0}, out = {0};

	memset(df, 0, sizeof(*df));
	for (size_t i = 0; i < f->n; i++) {
		unzFile z;

		if (!ends_with(f->v[i], ".xlsx") || !(z = unzOpen64(f->v[i])))
			continue;
		df->files++;
		if (unzGoToFirstFile(z) == UNZ_OK) {
			do {
				unz_file_info64 info;
				int got;

				if (unzGetCurrentFileInfo64(z, &info, NULL, 0, NULL, 0, NULL, 0) !=
					    UNZ_OK ||
				    info.compression_method != Z_DEFLATED ||
				    unzOpenCurrentFile(z) != UNZ_OK)
					continue;
				reserve(&part, info.uncompressed_size + 1);
				got = unzReadCurrentFile(z, part.p, (unsigned)part.cap);
				unzCloseCurrentFile(z);
				if (got < 0)
					continue;
				df->parts++;
				df->in_bytes += (size_t)got;
				df->secs += deflate_timed(part.p, (size_t)got, 1, -MAX_WBITS, &out,
							  &df->out_bytes);
			} while (unzGoToNextFile(z) == UNZ_OK);
		}
		unzClose(z);
	}
	free(part.p);
	free(out.p);
}

/* Each "stream" keyword of a PDF whose data inflates (FlateDecode) */
static void pdf_stage(struct files *f, struct deflate_floor *df)
{
	struct buf file = {0}, plain = {0}, out = {0};

	memset(df, 0, sizeof(*df));
	for (size_t i = 0; i < f->n; i++) {
		const unsigned char *p, *end;

		if (!ends_with(f->v[i], ".pdf") || !read_file(f->v[i], &file))
			continue;
		df->files++;
		p = file.p;
		end = file.p + file.n;
		while ((p = memmem(p, (size_t)(end - p), "stream", 6))) {
			const unsigned char *data = p + 6;
			z_stream z;
			int r;

			if ((p > file.p && p[-1] == 'd') || data >= end) { /* endstream */
				p = data;
				continue;
			}
			if (*data == '\r')
				data++;
			if (data < end && *data == '\n')
				data++;
			p = data;
			memset(&z, 0, sizeof(z));
			if (inflateInit(&z) != Z_OK)
				die("inflateInit");
			z.next_in = (unsigned char *)data;
			z.avail_in = (uInt)(end - data);
			plain.n = 0;
			do {
				reserve(&plain, plain.n + 65536);
				z.next_out = plain.p + plain.n;
				z.avail_out = (uInt)(plain.cap - plain.n);
				r = inflate(&z, Z_NO_FLUSH);
				plain.n = plain.cap - z.avail_out;
			} while (r == Z_OK);
			inflateEnd(&z);
			if (r != Z_STREAM_END)
				continue; /* not deflated */
			df->parts++;
			df->in_bytes += plain.n;
			df->secs +=
				deflate_timed(plain.p, plain.n, 1, MAX_WBITS, &out, &df->out_bytes);
		}
	}
	free(file.p);
	free(plain.p);
	free(out.p);
}

/* ---- history */

static void sql_ok(sqlite3 *db, int rc, const char *what)
{
	if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW)
		die("%s: %s", what, sqlite3_errmsg(db));
}

struct history_floor {
	double secs;
	size_t rows;
};

static void history_stage(const char *output, const char *scratch, struct history_floor *hf)
{
	char *src_path, *dst_path;
	sqlite3 *src, *dst;
	sqlite3_stmt *q;
	struct table {
		char *name;
		int ncols;
		sqlite3_value **v;
		size_t nrows;
	} *tables = NULL;
	size_t ntables = 0;

	memset(hf, 0, sizeof(*hf));
	if (asprintf(&src_path, "%s/history.sqlite", output) < 0 ||
	    asprintf(&dst_path, "%s/history.sqlite", scratch) < 0)
		die("out of memory");
	if (access(src_path, R_OK) != 0) {
		free(src_path);
		free(dst_path);
		return;
	}
	sql_ok(NULL, sqlite3_open_v2(src_path, &src, SQLITE_OPEN_READONLY, NULL), src_path);
	sql_ok(NULL, sqlite3_open(dst_path, &dst), dst_path);
	sql_ok(dst,
	       sqlite3_exec(dst,
			    "PRAGMA foreign_keys = ON; PRAGMA journal_mode = DELETE; "
			    "PRAGMA synchronous = FULL",
			    NULL, NULL, NULL),
	       "pragmas");
	/* the schema, in the order it was made */
	sql_ok(src,
	       sqlite3_prepare_v2(src,
				  "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
				  "AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
				  -1, &q, NULL),
	       "schema");
	while (sqlite3_step(q) == SQLITE_ROW) {
		const char *type = (const char *)sqlite3_column_text(q, 0);

		sql_ok(dst,
		       sqlite3_exec(dst, (const char *)sqlite3_column_text(q, 2), NULL, NULL, NULL),
		       "create");
		if (strcmp(type, "table") == 0) {
			tables = xrealloc(tables, (ntables + 1) * sizeof(*tables));
			memset(&tables[ntables], 0, sizeof(*tables));
			tables[ntables++].name = strdup((const char *)sqlite3_column_text(q, 1));
		}
	}
	sqlite3_finalize(q);
	/* the rows, read first (not timed) */
	for (size_t t = 0; t < ntables; t++) {
		char *sql;
		size_t cap = 0;

		if (asprintf(&sql, "SELECT * FROM \"%s\" ORDER BY rowid", tables[t].name) < 0)
			die("out of memory");
		sql_ok(src, sqlite3_prepare_v2(src, sql, -1, &q, NULL), sql);
		free(sql);
		tables[t].ncols = sqlite3_column_count(q);
		while (sqlite3_step(q) == SQLITE_ROW) {
			size_t need = (tables[t].nrows + 1) * (size_t)tables[t].ncols;

			if (need > cap) {
				cap = cap ? cap * 2 : 1024;
				while (cap < need)
					cap *= 2;
				tables[t].v = xrealloc(tables[t].v, cap * sizeof(*tables[t].v));
			}
			for (int c = 0; c < tables[t].ncols; c++)
				tables[t].v[tables[t].nrows * (size_t)tables[t].ncols + (size_t)c] =
					sqlite3_value_dup(sqlite3_column_value(q, c));
			tables[t].nrows++;
		}
		sqlite3_finalize(q);
	}
	{
		double t0 = now();

		sql_ok(dst, sqlite3_exec(dst, "BEGIN", NULL, NULL, NULL), "begin");
		for (size_t t = 0; t < ntables; t++) {
			char *sql;
			size_t len;

			if (!tables[t].nrows)
				continue;
			if (asprintf(&sql, "INSERT INTO \"%s\" VALUES (%*s)", tables[t].name,
				     2 * tables[t].ncols - 1, "") < 0)
				die("out of memory");
			len = strlen(sql);
			for (int c = 0; c < tables[t].ncols; c++)
				sql[len - 2 - 2 * (size_t)c] = '?';
			for (int c = 0; c < tables[t].ncols - 1; c++)
				sql[len - 3 - 2 * (size_t)c] = ',';
			sql_ok(dst, sqlite3_prepare_v2(dst, sql, -1, &q, NULL), sql);
			free(sql);
			for (size_t r = 0; r < tables[t].nrows; r++) {
				for (int c = 0; c < tables[t].ncols; c++)
					sqlite3_bind_value(q, c + 1,
							   tables[t].v[r * (size_t)tables[t].ncols +
								       (size_t)c]);
				sql_ok(dst, sqlite3_step(q), "insert");
				sqlite3_reset(q);
				hf->rows++;
			}
			sqlite3_finalize(q);
		}
		sql_ok(dst, sqlite3_exec(dst, "COMMIT", NULL, NULL, NULL), "commit");
		hf->secs = now() - t0;
	}
	for (size_t t = 0; t < ntables; t++) {
		for (size_t i = 0; i < tables[t].nrows * (size_t)tables[t].ncols; i++)
			sqlite3_value_free(tables[t].v[i]);
		free(tables[t].v);
		free(tables[t].name);
	}
	free(tables);
	sqlite3_close(src);
	sqlite3_close(dst);
	unlink(dst_path);
	free(src_path);
	free(dst_path);
}

/* ---- publish */

struct publish_floor {
	double secs;
	size_t files, bytes;
};

static void fsync_path(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0 || fsync(fd) != 0)
		die("fsync %s: %s", path, strerror(errno));
	close(fd);
}

/* the folders of rel made under base, each fsync'd once made */
static void make_dirs(const char *base, const char *rel)
{
	char *path;
	const char *slash = rel;

	while ((slash = strchr(slash, '/'))) {
		if (asprintf(&path, "%s/%.*s", base, (int)(slash - rel), rel) < 0)
			die("out of memory");
		if (mkdir(path, 0755) == 0)
			fsync_path(path);
		free(path);
		slash++;
	}
}

static void publish_stage(struct files *f, const char *period_dir, const char *scratch,
			  struct publish_floor *pf)
{
	struct buf b = {0};
	size_t skip = strlen(period_dir) + 1;
	char *dir, *moved;

	memset(pf, 0, sizeof(*pf));
	if (asprintf(&dir, "%s/new", scratch) < 0 || asprintf(&moved, "%s/published", scratch) < 0)
		die("out of memory");
	if (mkdir(dir, 0755) != 0)
		die("mkdir %s: %s", dir, strerror(errno));
	for (size_t i = 0; i < f->n; i++) {
		char *path;
		int fd;
		double t0;
		size_t off = 0;

		if (!read_file(f->v[i], &b))
			continue;
		t0 = now();
		make_dirs(dir, f->v[i] + skip);
		if (asprintf(&path, "%s/%s", dir, f->v[i] + skip) < 0)
			die("out of memory");
		fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
		if (fd < 0)
			die("create %s: %s", path, strerror(errno));
		while (off < b.n) {
			ssize_t w = write(fd, b.p + off, b.n - off);

			if (w < 0 && errno == EINTR)
				continue;
			if (w <= 0)
				die("write %s: %s", path, strerror(errno));
			off += (size_t)w;
		}
		if (fsync(fd) != 0 || close(fd) != 0)
			die("fsync %s: %s", path, strerror(errno));
		free(path);
		pf->secs += now() - t0;
		pf->files++;
		pf->bytes += b.n;
	}
	{
		double t0 = now();

		fsync_path(dir);
		if (rename(dir, moved) != 0)
			die("rename: %s", strerror(errno));
		fsync_path(scratch);
		pf->secs += now() - t0;
	}
	free(b.p);
	free(dir);
	free(moved);
}

static void remove_tree(const char *path)
{
	DIR *d = opendir(path);
	struct dirent *e;

	if (!d) {
		unlink(path);
		return;
	}
	while ((e = readdir(d))) {
		char *p;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		if (asprintf(&p, "%s/%s", path, e->d_name) < 0)
			die("out of memory");
		remove_tree(p);
		free(p);
	}
	closedir(d);
	rmdir(path);
}

/* The newest period folder of output (2026Q3 ...). */
static char *period_folder(const char *output)
{
	DIR *d = opendir(output);
	struct dirent *e;
	char best[64] = "", *path;

	if (!d)
		die("cannot open %s: %s", output, strerror(errno));
	while ((e = readdir(d))) {
		const char *n = e->d_name;

		if (strlen(n) == 6 && n[4] == 'Q' && n[5] >= '1' && n[5] <= '4' &&
		    strspn(n, "0123456789") == 4 && strcmp(n, best) > 0)
			memcpy(best, n, 7); /* six characters and the end */
	}
	closedir(d);
	if (!best[0])
		die("no period folder in %s", output);
	if (asprintf(&path, "%s/%s", output, best) < 0)
		die("out of memory");
	return path;
}

int main(int argc, char **argv)
{
	const char *input, *output, *json = NULL;
	char *period, *scratch;
	struct files out = {0};
	struct read_floor rf;
	struct deflate_floor xf, pdf;
	struct history_floor hf;
	struct publish_floor pf;
	FILE *j;

	if (argc != 3 && !(argc == 5 && strcmp(argv[3], "--json") == 0))
		die("usage: floors INPUT OUTPUT [--json FILE]");
	input = argv[1];
	output = argv[2];
	if (argc == 5)
		json = argv[4];
	xmlInitParser();
	period = period_folder(output);
	if (asprintf(&scratch, "%s/.floors-XXXXXX", output) < 0 || !mkdtemp(scratch))
		die("cannot make a scratch folder in %s", output);

	read_stage(input, &rf);
	printf("read     %8.3f s  %zu files, %.1f MB: hashing %.3f s, CP932 → UTF-8 %.3f s (%zu files), "
	       "inflating %.3f s and parsing %.3f s (%zu workbook parts)\n",
	       rf.total, rf.files, (double)rf.bytes / 1e6, rf.hash, rf.decode, rf.cp932, rf.inflate,
	       rf.parse, rf.parts);
	walk(&out, period);
	xlsx_stage(&out, &xf);
	printf("xlsx     %8.3f s  %zu workbooks, %zu parts, %.1f MB of XML → %.1f MB\n", xf.secs,
	       xf.files, xf.parts, (double)xf.in_bytes / 1e6, (double)xf.out_bytes / 1e6);
	pdf_stage(&out, &pdf);
	printf("pdf      %8.3f s  %zu PDFs, %zu streams, %.1f MB → %.1f MB\n", pdf.secs, pdf.files,
	       pdf.parts, (double)pdf.in_bytes / 1e6, (double)pdf.out_bytes / 1e6);
	history_stage(output, scratch, &hf);
	printf("history  %8.3f s  %zu rows in one transaction\n", hf.secs, hf.rows);
	publish_stage(&out, period, scratch, &pf);
	printf("publish  %8.3f s  %zu files, %.1f MB written and fsync'd\n", pf.secs, pf.files,
	       (double)pf.bytes / 1e6);
	remove_tree(scratch);
	if (json) {
		if (!(j = fopen(json, "w")))
			die("cannot write %s", json);
		fprintf(j,
			"{\"read\": %.6f, \"xlsx\": %.6f, \"pdf\": %.6f, \"history\": %.6f, "
			"\"publish\": %.6f,\n \"read_parts\": {\"hash\": %.6f, \"decode\": %.6f, "
			"\"inflate\": %.6f, \"parse\": %.6f},\n \"input_files\": %zu, \"input_mb\": %.3f, "
			"\"output_files\": %zu, \"output_mb\": %.3f, \"history_rows\": %zu}\n",
			rf.total, xf.secs, pdf.secs, hf.secs, pf.secs, rf.hash, rf.decode,
			rf.inflate, rf.parse, rf.files, (double)rf.bytes / 1e6, pf.files,
			(double)pf.bytes / 1e6, hf.rows);
		fclose(j);
	}
	files_free(&out);
	free(period);
	free(scratch);
	xmlCleanupParser();
	return 0;
}
