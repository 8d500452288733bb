/*
 * xalloc.c - allocation that never returns NULL: out of memory is a failed
 * run (exit 2), after the registered cleanup has removed partial outputs.
 */
#include "kaikaku.h"

#include <dlfcn.h>
#include <signal.h>
#include <stdarg.h>
#include <unistd.h>

#include "runlog.h"

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
	void *p;

	if (resolving)
		return __libc_calloc(n, size);
	if (!next_calloc)
		resolve();
	p = next_calloc(n, size);
	/* an overflowing n * size is the caller's error to handle, not ours */
	if (!p && n && size && n <= SIZE_MAX / size)
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

static void (*fatal_cleanup)(void);
static void (*fatal_stop)(void);
static void (*fatal_hook)(const char *msg);

void kk_set_fatal_hook(void (*fn)(const char *msg))
{
	fatal_hook = fn;
}

void kk_set_fatal_cleanup(void (*fn)(void))
{
	fatal_cleanup = fn;
}

void kk_set_fatal_stop(void (*fn)(void))
{
	fatal_stop = fn;
}

/* Prints the message with tail after it (a worker's hook gets it without:
 * the main process adds its own), cleans up and exits 2.
 *
 * Once only, and with _exit: exit() would flush every open stream, and one
 * of them may be libxlsxwriter's part in memory (xlsx_write.c), whose write
 * grows its buffer, fails and comes back here: once, that recursed until the
 * stack overflowed (SIGSEGV under ulimit -v). A failure while failing (the
 * cleanup running out too) ends the process at once with the same status. */
static KK_NORETURN KK_PRINTF(2, 0) void vfatal(const char *tail, const char *fmt, va_list ap)
{
	static volatile sig_atomic_t failing;
	char line[2048] = "kaikaku: エラー: ";
	size_t head = strlen(line), n;

	if (failing)
		_exit(2);
	failing = 1;
	vsnprintf(line + head, sizeof(line) - head, fmt, ap);
	if (fatal_hook)
		fatal_hook(line + head);
	n = strlen(line);
	snprintf(line + n, sizeof(line) - n, "%s", tail);
	runlog_say_fatal(line);
	if (fatal_stop)
		fatal_stop();
	if (fatal_cleanup) {
		void (*fn)(void) = fatal_cleanup;

		fatal_cleanup = NULL;
		fn();
	}
	fflush(stdout);
	_exit(2);
}

void kk_fatal(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfatal("", fmt, ap);
}

static KK_NORETURN KK_PRINTF(1, 2) void fatal_unchanged(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vfatal("。出力フォルダは変更していません。", fmt, ap);
}

void xoom(size_t n)
{
	fatal_unchanged("メモリが足りません（%zu バイトを確保できません）", n);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		xoom(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		xoom(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		xoom(n);
	return q;
}

char *xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void xgrow(void **v, size_t *cap, size_t need, size_t size)
{
	size_t ncap;

	if (need <= *cap)
		return;
	ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2 / size)
			xoom(SIZE_MAX);
		ncap *= 2;
	}
	*v = xrealloc(*v, ncap * size);
	*cap = ncap;
}
