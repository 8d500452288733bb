/*
 * interpose.c - the process-wide definitions of interpose.h.
 */
#include "kaikaku.h"

#include <dlfcn.h>
#include <stdio.h>
#include <zlib.h>

#include "interpose.h"

/* ---- zlib's deflateInit_, for libharu's level */

static int level_override = -1;

void interpose_deflate_level(int level)
{
	level_override = level >= 0 && level <= 9 ? level : -1;
}

/* zlib.h declares it (deflateInit is a macro calling it); this definition
 * takes the place of zlib's for the whole process. zlib's own is deflateInit2_
 * with these defaults (deflate.c). */
int deflateInit_(z_streamp strm, int level, const char *version, int stream_size)
{
	return deflateInit2_(strm, level_override >= 0 ? level_override : level, Z_DEFLATED,
			     MAX_WBITS, 8, Z_DEFAULT_STRATEGY, version, stream_size);
}

/* ---- libxlsxwriter's temporary files, in memory
 *
 * libxlsxwriter 1.1 writes every part of a workbook (each sheet's XML, the
 * shared strings, the styles) to a temporary file from lxw_tmpfile(), reads
 * it back into the zip and closes it; about two dozen files per workbook,
 * with none of the writes checked. On disk that cost more than the workbook
 * itself: at 4,000 workbooks a run, creating and deleting ~100,000 files made
 * ext4's inode allocator the largest single cost (it skips recently deleted
 * inodes, so each file took longer to create than the last), and a full
 * temporary file system would have truncated parts unnoticed. kaikaku's
 * executable defines lxw_tmpfile, which the dynamic linker binds for
 * libxlsxwriter (it calls it through its PLT): the part goes to a growing
 * buffer in memory instead, whose growth cannot fail silently (xrealloc stops
 * the run, "メモリが足りません"). A part is freed when libxlsxwriter closes it;
 * the largest at L is the summary's biggest sheet, about 25 MB.
 */
struct memfile {
	char *buf;
	size_t len, cap, pos;
};

static ssize_t mem_read(void *c, char *out, size_t n)
{
	struct memfile *m = c;
	size_t k = m->pos < m->len ? m->len - m->pos : 0;

	if (k > n)
		k = n;
	if (k)
		memcpy(out, m->buf + m->pos, k);
	m->pos += k;
	return (ssize_t)k;
}

static ssize_t mem_write(void *c, const char *in, size_t n)
{
	struct memfile *m = c;

	if (n > SIZE_MAX - m->pos)
		xoom(n);
	if (m->pos + n > m->cap)
		xgrow((void **)&m->buf, &m->cap, m->pos + n, 1);
	if (m->pos > m->len)
		memset(m->buf + m->len, 0, m->pos - m->len);
	memcpy(m->buf + m->pos, in, n);
	m->pos += n;
	if (m->pos > m->len)
		m->len = m->pos;
	return (ssize_t)n;
}

static int mem_seek(void *c, off64_t *off, int whence)
{
	struct memfile *m = c;
	off64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? (off64_t)m->pos : (off64_t)m->len;

	if (*off < -base)
		return -1;
	m->pos = (size_t)(base + *off);
	*off = (off64_t)m->pos;
	return 0;
}

static int mem_close(void *c)
{
	struct memfile *m = c;

	free(m->buf);
	free(m);
	return 0;
}

/* xlsxwriter.h does not declare it: utility.h (not installed) does */
FILE *lxw_tmpfile(char *tmpdir);

FILE *lxw_tmpfile(char *tmpdir)
{
	static const cookie_io_functions_t io = {mem_read, mem_write, mem_seek, mem_close};
	struct memfile *m = xcalloc(1, sizeof(*m));
	FILE *f;

	(void)tmpdir;
	f = fopencookie(m, "w+", io);
	if (!f)
		free(m);
	return f;
}

/* ---- the check */

static void expect(const char *name, void *ours, struct strbuf *err)
{
	void *bound = dlsym(RTLD_DEFAULT, name);

	if (bound != ours)
		sb_addf(err, "%s%s", err->len ? "、" : "", name);
}

bool interpose_check(struct strbuf *err)
{
	struct strbuf names = STRBUF_INIT;
	bool ok;

	/* POSIX's way to store a function pointer where dlsym's object pointer goes */
	{
		int (*f)(z_streamp, int, const char *, int) = deflateInit_;
		FILE *(*t)(char *) = lxw_tmpfile;

		expect("deflateInit_", *(void **)&f, &names);
		expect("lxw_tmpfile", *(void **)&t, &names);
	}
	ok = names.len == 0;
	if (!ok)
		sb_addf(err, "内部エラー: 実行ファイルの %s がライブラリから呼ばれません（リンクのしかたが違います）",
			sb_str(&names));
	sb_release(&names);
	return ok;
}
