/*
 * interpose.c - the process-wide definitions of interpose.h.
 */
#include "kaikaku.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <zlib.h>

#include <hpdf.h>
#include <hpdf_utils.h>
#include <xlsxwriter.h>

#include "interpose.h"

/* ---- malloc, calloc, realloc */

/*
 * The same for every library in the process. Some do not check their
 * allocations (libxlsxwriter writes through NULL when one fails, a crash),
 * and in others a failure looks like bad input (libxml2, minizip and zlib
 * report a workbook they could not allocate for as broken, so a division
 * would be told its good file is wrong). Defining malloc, calloc and realloc
 * here interposes them for the whole process: the allocation is made by the
 * next definition (libc's, or a test's fault-injection shim), and running out
 * is kaikaku's clean exit 2, wherever it happens. Not under AddressSanitizer,
 * which has its own.
 */
#if defined(__SANITIZE_ADDRESS__)
#define KK_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KK_ASAN 1 /* clang */
#endif
#endif
#if !defined(KK_ASAN) && !defined(KK_NO_MALLOC_WRAP)
#define ZEROED_REUSED 1 /* calloc below gives them out */
/* libxlsxwriter's rows of cell pointers kept zeroed (below): at most
 * ZEROED_KEPT per process, for calloc to give out again */
#define ZEROED_SIZE ((size_t)LXW_COL_MAX * sizeof(struct lxw_cell *))
#define ZEROED_KEPT 16
static struct {
	pthread_mutex_t lock;
	void *p[ZEROED_KEPT];
	size_t n;
} zeroed = {PTHREAD_MUTEX_INITIALIZER, {NULL}, 0};

static void *zeroed_take(void)
{
	void *p = NULL;

	pthread_mutex_lock(&zeroed.lock);
	if (zeroed.n)
		p = zeroed.p[--zeroed.n];
	pthread_mutex_unlock(&zeroed.lock);
	return p;
}

extern void *__libc_malloc(size_t n);
extern void *__libc_calloc(size_t n, size_t size);
extern void *__libc_realloc(void *p, size_t n);

static void *(*next_malloc)(size_t);
static void *(*next_calloc)(size_t, size_t);
static void *(*next_realloc)(void *, size_t);
static int resolving;

static void resolve(void)
{
	/* dlsym may allocate: meanwhile libc's own functions serve */
	resolving = 1;
	/* POSIX's way to store dlsym's object pointer into a function pointer */
	*(void **)&next_malloc = dlsym(RTLD_NEXT, "malloc");
	*(void **)&next_calloc = dlsym(RTLD_NEXT, "calloc");
	*(void **)&next_realloc = dlsym(RTLD_NEXT, "realloc");
	if (!next_malloc || !next_calloc || !next_realloc) {
		next_malloc = __libc_malloc;
		next_calloc = __libc_calloc;
		next_realloc = __libc_realloc;
	}
	resolving = 0;
}

void *malloc(size_t n)
{
	void *p;

	if (resolving)
		return __libc_malloc(n);
	if (!next_malloc)
		resolve();
	p = next_malloc(n);
	if (!p && n)
		xoom(n);
	return p;
}

void *calloc(size_t n, size_t size)
{
	bool fits;
	void *p;

	if (resolving)
		return __libc_calloc(n, size);
	if (!next_calloc)
		resolve();
	/* an overflowing n * size is the caller's error to handle, not ours */
	fits = n && size && n <= SIZE_MAX / size;
	if (fits && n * size == ZEROED_SIZE && (p = zeroed_take()))
		return p;
	p = next_calloc(n, size);
	if (!p && fits)
		xoom(n * size);
	return p;
}

void *realloc(void *old, size_t n)
{
	void *p;

	if (resolving)
		return __libc_realloc(old, n);
	if (!next_realloc)
		resolve();
	p = next_realloc(old, n);
	if (!p && n)
		xoom(n);
	return p;
}
#endif

/* ---- zlib's deflateInit_, for libharu's level */

static int level_override = -1;

void interpose_deflate_level(int level)
{
	level_override = level >= 0 && level <= 9 ? level : -1;
}

static int (*next_deflate_init2)(z_streamp, int, int, int, int, int, const char *, int);

/* zlib's deflateInit2_, or NULL where the dynamic linker has none to give
 * (a static zlib: then this one is zlib's, and cannot be replaced). */
static int real_deflate_init2(z_streamp strm, int level, int method, int bits, int mem,
			      int strategy, const char *version, int stream_size)
{
	if (!next_deflate_init2)
		*(void **)&next_deflate_init2 = dlsym(RTLD_NEXT, "deflateInit2_");
	if (!next_deflate_init2)
		return Z_VERSION_ERROR;
	return next_deflate_init2(strm, level, method, bits, mem, strategy, version, stream_size);
}

/* zlib.h declares both (deflateInit and deflateInit2 are macros calling
 * them); these definitions take the place of zlib's for the whole process.
 * zlib's own deflateInit_ is deflateInit2_ with these defaults (deflate.c);
 * minizip (so libxlsxwriter) calls deflateInit2_. */
int deflateInit_(z_streamp strm, int level, const char *version, int stream_size)
{
	return real_deflate_init2(strm, level_override >= 0 ? level_override : level, Z_DEFLATED,
				  MAX_WBITS, 8, Z_DEFAULT_STRATEGY, version, stream_size);
}

int deflateInit2_(z_streamp strm, int level, int method, int bits, int mem, int strategy,
		  const char *version, int stream_size)
{
	return real_deflate_init2(strm, level_override >= 0 ? level_override : level, method, bits,
				  mem, strategy, version, stream_size);
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

/* The buffer at least need bytes, doubling; realloc is ours (never NULL). */
static void grow(struct memfile *m, size_t need)
{
	size_t cap = m->cap ? m->cap : 4096;

	while (cap < need) {
		if (cap > SIZE_MAX / 2)
			xoom(need);
		cap *= 2;
	}
	m->buf = realloc(m->buf, cap);
	m->cap = cap;
}

static ssize_t mem_write(void *c, const char *in, size_t n)
{
	struct memfile *m = c;

	if (n > SIZE_MAX - m->pos)
		xoom(n);
	if (m->pos + n > m->cap)
		grow(m, m->pos + n);
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
	off64_t base = whence == SEEK_SET   ? 0
		       : whence == SEEK_CUR ? (off64_t)m->pos
					    : (off64_t)m->len;

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
	struct memfile *m = calloc(1, sizeof(*m)); /* ours: never NULL */
	FILE *f;

	(void)tmpdir;
	f = fopencookie(m, "w+", io);
	if (!f)
		free(m);
	return f;
}

/* ---- libxlsxwriter's constant-memory worksheets
 *
 * In constant-memory mode (the feedback workbooks) libxlsxwriter 1.1 gives
 * each worksheet a row of 16,384 cell pointers, one per column (128 kB,
 * calloc'd), and frees it by calling its own _free_cell on each of the
 * 16,384, nearly all NULL: an 8-sheet feedback workbook of ~600 cells cleared
 * 1 MB and made 131,072 calls to free it. When the workbook has been written,
 * every cell has gone out with its row (lxw_worksheet_write_single_row writes
 * the columns dim_colmin to dim_colmax and sets each back to NULL), so the row
 * is all NULL again: it is freed here without the loop, or kept, still zero,
 * for calloc to give to the next worksheet. A row that still holds a cell (a
 * workbook that failed before it was written) is libxlsxwriter's to free.
 */
static bool row_empty(const lxw_worksheet *ws)
{
	if (ws->dim_colmin > ws->dim_colmax)
		return true; /* no cell was written */
	if (ws->dim_colmax >= LXW_COL_MAX)
		return false;
	for (lxw_col_t c = ws->dim_colmin; c <= ws->dim_colmax; c++)
		if (ws->array[c])
			return false;
	return true;
}

static void zeroed_keep(void *p)
{
#ifdef ZEROED_REUSED
	pthread_mutex_lock(&zeroed.lock);
	if (zeroed.n < ZEROED_KEPT) {
		zeroed.p[zeroed.n++] = p;
		p = NULL;
	}
	pthread_mutex_unlock(&zeroed.lock);
#endif
	free(p);
}

void lxw_worksheet_free(lxw_worksheet *ws)
{
	static void (*next)(lxw_worksheet *);

	if (!next)
		*(void **)&next = dlsym(RTLD_NEXT, "lxw_worksheet_free");
	if (ws && ws->array && next && row_empty(ws)) {
		zeroed_keep(ws->array);
		ws->array = NULL;
	}
	if (next)
		next(ws);
}

/* ---- libharu's byte-at-a-time helpers
 *
 * libharu 2.3 copies, clears and measures its buffers with its own loops a
 * byte at a time (hpdf_utils.c): every text and path operator clears and
 * copies a 512-byte buffer, about 8% of a whole run's time (perf, M city).
 * It calls them through its PLT, so these definitions take their place:
 * the same results (each returns what libharu's does: the end of what was
 * written, or the length) from the C library's vectorised functions. Only
 * faster: if the linker does not bind them, libharu's own still serve.
 */
HPDF_BYTE *HPDF_MemCpy(HPDF_BYTE *out, const HPDF_BYTE *in, HPDF_UINT n)
{
	/* libharu's loop is a forward copy: where out lies below an
	 * overlapping in (a buffer shifted down), memmove gives the same bytes */
	if (n)
		memmove(out, in, n);
	return out + n;
}

void *HPDF_MemSet(void *s, HPDF_BYTE c, HPDF_UINT n)
{
	if (n)
		memset(s, c, n);
	return (HPDF_BYTE *)s + n;
}

HPDF_UINT HPDF_StrLen(const char *s, HPDF_INT maxlen)
{
	if (!s)
		return 0;
	return (HPDF_UINT)(maxlen < 0 ? strlen(s) : strnlen(s, (size_t)maxlen));
}

/* ---- libharu's embedded font and its compressed streams
 *
 * libharu 2.3 writes each PDF's embedded font (the glyphs it used, and the
 * loca and hmtx of all 12,239 of IPAex's) four bytes at a time through its
 * stream functions, then reads it all back four bytes at a time twice for
 * the checksums: 9% of an S run's instructions. And every PDF deflates the
 * same 128 kB CIDToGIDMap again. Its CID font calls both functions through
 * its PLT; the functions given (pdf_font.c) make the same bytes from the font
 * in memory and from the last map deflated, and libharu's own serve every
 * other font and stream.
 */
static const struct interpose_pdf *pdf_fns;

void interpose_pdf(const struct interpose_pdf *fns)
{
	pdf_fns = fns;
}

HPDF_STATUS HPDF_TTFontDef_SaveFontData(HPDF_FontDef fontdef, HPDF_Stream stream);

HPDF_STATUS HPDF_TTFontDef_SaveFontData(HPDF_FontDef fontdef, HPDF_Stream stream)
{
	static HPDF_STATUS (*next)(HPDF_FontDef, HPDF_Stream);
	int r = pdf_fns && pdf_fns->save_font ? pdf_fns->save_font(fontdef, stream) : -1;

	if (r >= 0)
		return (HPDF_STATUS)r;
	if (!next)
		*(void **)&next = dlsym(RTLD_NEXT, "HPDF_TTFontDef_SaveFontData");
	return next ? next(fontdef, stream) : HPDF_INVALID_OPERATION;
}

static HPDF_STATUS (*next_deflated)(HPDF_Stream, HPDF_Stream, HPDF_Encrypt);

static unsigned long real_deflated(void *src, void *dst, void *e)
{
	if (!next_deflated)
		*(void **)&next_deflated = dlsym(RTLD_NEXT, "HPDF_Stream_WriteToStreamWithDeflate");
	return next_deflated ? next_deflated(src, dst, e) : HPDF_INVALID_OPERATION;
}

HPDF_STATUS HPDF_Stream_WriteToStreamWithDeflate(HPDF_Stream src, HPDF_Stream dst, HPDF_Encrypt e);

HPDF_STATUS HPDF_Stream_WriteToStreamWithDeflate(HPDF_Stream src, HPDF_Stream dst, HPDF_Encrypt e)
{
	int r = pdf_fns && pdf_fns->deflated ? pdf_fns->deflated(src, dst, e, real_deflated) : -1;

	return r >= 0 ? (HPDF_STATUS)r : real_deflated(src, dst, e);
}

/* ---- the check */

/* Appends name to the list in names when the libraries would not call ours. */
static void expect(const char *name, void *ours, char *names, size_t size)
{
	size_t n = strlen(names);

	if (dlsym(RTLD_DEFAULT, name) != ours)
		snprintf(names + n, size - n, "%s%s", n ? "、" : "", name);
}

bool interpose_check(char *err, size_t size)
{
	char names[256] = "";

	/* POSIX's way to store a function pointer where dlsym's object pointer goes */
	{
		int (*f)(z_streamp, int, const char *, int) = deflateInit_;
		int (*f2)(z_streamp, int, int, int, int, int, const char *, int) = deflateInit2_;
		FILE *(*t)(char *) = lxw_tmpfile;
		void (*w)(lxw_worksheet *) = lxw_worksheet_free;

#if !defined(KK_ASAN) && !defined(KK_NO_MALLOC_WRAP)
		void *(*mf)(size_t) = malloc;

		expect("malloc", *(void **)&mf, names, sizeof(names));
#endif
		expect("deflateInit_", *(void **)&f, names, sizeof(names));
		expect("deflateInit2_", *(void **)&f2, names, sizeof(names));
		expect("lxw_tmpfile", *(void **)&t, names, sizeof(names));
		expect("lxw_worksheet_free", *(void **)&w, names, sizeof(names));
	}
	if (!names[0])
		return true;
	snprintf(err, size,
		 "内部エラー: 実行ファイルの %s "
		 "がライブラリから呼ばれません（リンクのしかたが違います）",
		 names);
	return false;
}
