/*
 * kaikaku.h - the project's common header: included first by every .c file.
 * Holds the version, allocation helpers that never return NULL, and small macros.
 */
#ifndef KAIKAKU_H
#define KAIKAKU_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define KAIKAKU_VERSION "0.1.0"

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__)
#define KK_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define KK_NORETURN __attribute__((noreturn))
#else
#define KK_PRINTF(f, a)
#define KK_NORETURN
#endif

/*
 * Allocation: on failure these print one line and exit with status 2 after
 * running the registered cleanup (publish removes its temporary folder), so
 * no half-written output survives (jq's jv_mem_alloc, Redis's zmalloc).
 */
/* The heap's policy (xalloc.c), first thing in main. */
void xalloc_setup(void);
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Grow *v (of *cap elements of size) so that it holds at least need elements. */
void xgrow(void **v, size_t *cap, size_t need, size_t size);
KK_NORETURN void xoom(size_t n);

/* Who prints the fatal line (main registers the run log's, which also writes
 * it to --log); stderr until then. It must not allocate. */
void kk_set_fatal_say(void (*fn)(const char *line));
/* A single cleanup hook run before an out-of-memory or fatal exit. */
void kk_set_fatal_cleanup(void (*fn)(void));
/* Run before that cleanup (jobs.c: stop the worker processes, so that none
 * still writes into the folder the cleanup removes). No allocation. */
void kk_set_fatal_stop(void (*fn)(void));
/* In a worker process (jobs.c): a fatal error is handed to fn, which reports
 * it to the parent and does not return, instead of being printed; the
 * message comes without "。出力フォルダは変更していません。", which the parent
 * adds to whatever it reports. */
void kk_set_fatal_hook(void (*fn)(const char *msg));
KK_NORETURN void kk_fatal(const char *fmt, ...) KK_PRINTF(1, 2);

#endif
