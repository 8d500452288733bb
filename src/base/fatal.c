/*
 * fatal.c - the one way out of a failed run (kaikaku.h): the message, the
 * workers stopped, the temporary folder removed, exit 2. The bottom of the
 * house: it calls nothing of kaikaku's but what is registered with it (the
 * run log's writer, publish's cleanup, the workers' hooks), so that the
 * allocator, strings, files and the run log can all end here.
 */
#include "kaikaku.h"

#include <signal.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <unistd.h>

/* Without a registered writer (runlog.h's, set by main), the line goes to
 * stderr with one write. */
static void say_stderr(const char *line)
{
	size_t n = strlen(line);

	if (write(2, line, n) < 0 || write(2, "\n", 1) < 0) {
		/* nothing more can be done */
	}
}

static void (*fatal_say)(const char *line) = say_stderr;
static void (*fatal_cleanup)(void);
static void (*fatal_stop)(void);
static void (*fatal_hook)(const char *msg);

void kk_set_fatal_say(void (*fn)(const char *line))
{
	fatal_say = fn ? fn : say_stderr;
}

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
	/* the thread that failed first (0: none). Reading and hashing run in
	 * threads (issue 17): memory runs out in several of them at once, and a
	 * second one must not end the process before the first has said why */
	static atomic_long failing;
	long expected = 0, me = (long)gettid();
	char line[2048] = "kaikaku: エラー: ";
	size_t head = strlen(line), n;

	if (!atomic_compare_exchange_strong(&failing, &expected, me)) {
		if (expected == me)
			_exit(2); /* a failure while failing, in the same thread */
		for (;;)
			pause(); /* the first one prints, cleans up and exits */
	}
	vsnprintf(line + head, sizeof(line) - head, fmt, ap);
	if (fatal_hook)
		fatal_hook(line + head);
	n = strlen(line);
	snprintf(line + n, sizeof(line) - n, "%s", tail);
	fatal_say(line);
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
