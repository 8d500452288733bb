/*
 * inject.c - an LD_PRELOAD shim that makes one system call fail, to prove
 * that kaikaku fails cleanly (exit 2, a message naming what failed, the
 * previous outputs untouched) whatever fails and wherever.
 *
 *   KK_INJECT=write:N         the disk fills up at the N-th write to a file
 *                             (write, fwrite, or pwrite as SQLite writes
 *                             the history): that one and every later one
 *                             fail with ENOSPC
 *   KK_INJECT=fsync:N         the N-th call to fsync, fdatasync or syncfs fails (EIO)
 *   KK_INJECT=rename:N        ... rename or renameat2 (EIO)
 *   KK_INJECT=mkdir:N         ... mkdir or mkdtemp (ENOSPC)
 *   KK_INJECT=malloc:N        ... malloc, calloc or realloc (ENOMEM)
 *   KK_INJECT=kill:N          SIGKILL at the N-th of those output calls
 *                             (write, fwrite, fsync, rename, mkdir): a run
 *                             killed at a known point
 *   KK_INJECT_KILL=1          SIGKILL instead of failing the chosen call
 *                             (rename:2 with KK_INJECT_NO_EXCHANGE: a run
 *                             killed between the two renames of publish's
 *                             fallback)
 *   KK_INJECT_NO_EXCHANGE=1   renameat2 with RENAME_EXCHANGE fails with
 *                             EINVAL, as on NFS and CIFS, without counting:
 *                             rename:N then fails the N-th plain rename
 *   KK_INJECT_WORKER=1        count only the calls of kaikaku's worker
 *                             processes (forked to write outputs, --jobs)
 *   KK_INJECT_COUNT=FILE      at exit, write how many calls there were
 *   KK_INJECT_TRACE=1         print a backtrace of the failing call
 *   KK_DENY=TEXT              opening, or making a folder at, a path that
 *                             contains TEXT fails with EACCES (an unreadable
 *                             file or an unwritable folder, even for root)
 *
 * Calls are counted from the moment kaikaku parses its options (its first
 * getopt_long), so that what the dynamic loader and library constructors do
 * never shifts the numbering. But for a full disk, only the one call fails.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <execinfo.h>
#include <fcntl.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);

static char which[16];
static long target = -1, calls;
static int armed, configured, disk_full, worker_only;
static pid_t origin;

static void configure(void)
{
	const char *v = getenv("KK_INJECT");
	const char *colon;

	configured = 1;
	origin = getpid();
	worker_only = getenv("KK_INJECT_WORKER") != NULL;
	if (!v || !(colon = strchr(v, ':')) || (size_t)(colon - v) >= sizeof(which))
		return;
	memcpy(which, v, (size_t)(colon - v));
	which[colon - v] = '\0';
	target = strtol(colon + 1, NULL, 10);
}

/* Whether this call (of the kind name) is the one to fail. */
static int fail_now(const char *name)
{
	if (worker_only && getpid() == origin)
		return 0;
	if (armed && strcmp(which, "kill") == 0 && strcmp(name, "malloc") != 0) {
		if (++calls == target)
			raise(SIGKILL);
		return 0;
	}
	if (!armed || strcmp(name, which) != 0)
		return 0;
	/* KK_INJECT_FROM: every call from the target on fails (several threads
	 * running out at once); the count is not exact across threads */
	if (getenv("KK_INJECT_FROM"))
		return ++calls >= target;
	if (++calls != target)
		return 0;
	if (getenv("KK_INJECT_KILL"))
		raise(SIGKILL);
	if (getenv("KK_INJECT_TRACE")) {
		void *frames[32];

		backtrace_symbols_fd(frames, backtrace(frames, 32), 2);
	}
	return 1;
}

__attribute__((destructor)) static void report(void)
{
	const char *path = getenv("KK_INJECT_COUNT");
	char line[64];
	int fd, n;

	if (!path || !which[0])
		return;
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return;
	n = snprintf(line, sizeof(line), "%ld\n", calls);
	if (write(fd, line, (size_t)n) < 0) {
		/* nothing to do */
	}
	close(fd);
}

int getopt_long(int argc, char *const argv[], const char *optstring, const struct option *longopts,
		int *longindex)
{
	static int (*real)(int, char *const[], const char *, const struct option *, int *);

	if (!real)
		real = (int (*)(int, char *const[], const char *, const struct option *,
				int *))dlsym(RTLD_NEXT, "getopt_long");
	if (!configured)
		configure();
	armed = 1;
	return real(argc, argv, optstring, longopts, longindex);
}

#define REAL(ret, name, args)   \
	static ret(*real) args; \
	if (!real)              \
	real = (ret(*) args)dlsym(RTLD_NEXT, name)

ssize_t write(int fd, const void *buf, size_t n)
{
	REAL(ssize_t, "write", (int, const void *, size_t));
	if (fd > 2 && (disk_full || (disk_full = fail_now("write")))) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, buf, n);
}

size_t fwrite(const void *ptr, size_t size, size_t n, FILE *f)
{
	REAL(size_t, "fwrite", (const void *, size_t, size_t, FILE *));
	if (f != stdout && f != stderr && (disk_full || (disk_full = fail_now("write")))) {
		errno = ENOSPC;
		return 0;
	}
	return real(ptr, size, n, f);
}

ssize_t pwrite(int fd, const void *buf, size_t n, off_t off)
{
	REAL(ssize_t, "pwrite", (int, const void *, size_t, off_t));
	if (fd > 2 && (disk_full || (disk_full = fail_now("write")))) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, buf, n, off);
}

ssize_t pwrite64(int fd, const void *buf, size_t n, off64_t off)
{
	REAL(ssize_t, "pwrite64", (int, const void *, size_t, off64_t));
	if (fd > 2 && (disk_full || (disk_full = fail_now("write")))) {
		errno = ENOSPC;
		return -1;
	}
	return real(fd, buf, n, off);
}

int fdatasync(int fd)
{
	struct stat st;

	REAL(int, "fdatasync", (int));
	/* SQLite syncs the folder of its journal and, by design, ignores the
	 * result (not every file system can): not one of kaikaku's calls to fail */
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode))
		return real(fd);
	if (fail_now("fsync")) {
		errno = EIO;
		return -1;
	}
	return real(fd);
}

int fsync(int fd)
{
	REAL(int, "fsync", (int));
	if (fail_now("fsync")) {
		errno = EIO;
		return -1;
	}
	return real(fd);
}

/* one syncfs of the output tree stands for its files' fsyncs on a local disk */
int syncfs(int fd)
{
	REAL(int, "syncfs", (int));
	if (fail_now("fsync")) {
		errno = EIO;
		return -1;
	}
	return real(fd);
}

int rename(const char *from, const char *to)
{
	REAL(int, "rename", (const char *, const char *));
	if (fail_now("rename")) {
		errno = EIO;
		return -1;
	}
	return real(from, to);
}

int renameat2(int fromfd, const char *from, int tofd, const char *to, unsigned flags)
{
	REAL(int, "renameat2", (int, const char *, int, const char *, unsigned));
	if ((flags & RENAME_EXCHANGE) && getenv("KK_INJECT_NO_EXCHANGE")) {
		errno = EINVAL;
		return -1;
	}
	if (fail_now("rename")) {
		errno = EIO;
		return -1;
	}
	return real(fromfd, from, tofd, to, flags);
}

static int denied(const char *path)
{
	const char *deny = getenv("KK_DENY");

	return deny && *deny && path && strstr(path, deny);
}

int open(const char *path, int flags, ...)
{
	REAL(int, "open", (const char *, int, ...));
	mode_t mode = 0;

	if (flags & (O_CREAT | O_TMPFILE)) {
		va_list ap;

		va_start(ap, flags);
		mode = va_arg(ap, mode_t);
		va_end(ap);
	}
	if (denied(path)) {
		errno = EACCES;
		return -1;
	}
	return real(path, flags, mode);
}

int mkdir(const char *path, mode_t mode)
{
	REAL(int, "mkdir", (const char *, mode_t));
	if (denied(path)) {
		errno = EACCES;
		return -1;
	}
	if (fail_now("mkdir")) {
		errno = ENOSPC;
		return -1;
	}
	return real(path, mode);
}

char *mkdtemp(char *tmpl)
{
	REAL(char *, "mkdtemp", (char *));
	if (denied(tmpl)) {
		errno = EACCES;
		return NULL;
	}
	if (fail_now("mkdir")) {
		errno = ENOSPC;
		return NULL;
	}
	return real(tmpl);
}

void *malloc(size_t n)
{
	if (fail_now("malloc")) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_malloc(n);
}

void *calloc(size_t n, size_t size)
{
	if (fail_now("malloc")) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_calloc(n, size);
}

void *realloc(void *p, size_t n)
{
	if (fail_now("malloc")) {
		errno = ENOMEM;
		return NULL;
	}
	return __libc_realloc(p, n);
}
