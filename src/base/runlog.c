/*
 * runlog.c - see runlog.h.
 */
#include "kaikaku.h"

#include <errno.h>
#include <fcntl.h>
#include <time.h>
#include <unistd.h>

#include "fs.h"
#include "progress.h"
#include "runlog.h"

static int log_fd = -1;

bool runlog_open(const char *path, struct strbuf *err)
{
	log_fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC | O_NOCTTY, 0644);
	if (log_fd < 0) {
		sb_addf(err, "ログファイル %s を開けません: %s", path, fs_strerror(errno));
		return false;
	}
	return true;
}

void runlog_close(void)
{
	if (log_fd >= 0)
		close(log_fd);
	log_fd = -1;
}

void sb_add_clean(struct strbuf *sb, const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		if (*p == '\n')
			sb_adds(sb, "\\n");
		else if (*p == '\r')
			sb_adds(sb, "\\r");
		else if (*p == '\t')
			sb_adds(sb, "\\t");
		else if (*p < 0x20 || *p == 0x7F)
			sb_addf(sb, "\\x%02x", *p);
		else
			sb_addc(sb, (char)*p);
	}
}

/* 2026-12-01T21:04:05+09:00 */
static void iso_now(char *buf, size_t size)
{
	struct timespec ts;
	struct tm tm;
	char zone[8];

	clock_gettime(CLOCK_REALTIME, &ts);
	localtime_r(&ts.tv_sec, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm);
	strftime(zone, sizeof(zone), "%z", &tm);
	if (strlen(zone) == 5)
		snprintf(buf + strlen(buf), size - strlen(buf), "%.3s:%s", zone, zone + 3);
}

void runlog_say_fatal(const char *line)
{
	char buf[4096], when[40];
	int n;

	progress_clear();
	fputs(line, stderr);
	fputc('\n', stderr);
	if (log_fd < 0)
		return;
	iso_now(when, sizeof(when));
	n = snprintf(buf, sizeof(buf), "%s [%ld] %s\n", when, (long)getpid(), line);
	if (n >= (int)sizeof(buf)) {
		n = (int)sizeof(buf) - 1;
		buf[n - 1] = '\n';
	}
	if (n > 0 && write(log_fd, buf, (size_t)n) < 0) {
		/* nothing more to do: the exit status says it failed */
	}
}

void runlog_say(bool show, const char *line)
{
	if (show) {
		progress_clear();
		fputs(line, stderr);
		fputc('\n', stderr);
	}
	if (log_fd >= 0) {
		struct strbuf sb = STRBUF_INIT;
		char when[40];
		size_t off = 0;

		iso_now(when, sizeof(when));
		sb_addf(&sb, "%s [%ld] %s\n", when, (long)getpid(), line);
		/* one write per line; a short write (a full disk) is retried once, then given up:
		 * the log never decides the run's outcome */
		for (int tries = 0; off < sb.len && tries < 2; tries++) {
			ssize_t n = write(log_fd, sb_str(&sb) + off, sb.len - off);

			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			off += (size_t)n;
		}
		sb_release(&sb);
	}
}
