/*
 * runlog.h - the messages of a run, one line each: on stderr (unless quiet)
 * and, with --log FILE, appended to FILE with an ISO 8601 local time and the
 * process id, for cron and logrotate. Every line is one write(2) on a file
 * opened O_APPEND, so two runs never interleave inside a line, and a file
 * that logrotate moved away is simply recreated by the next run.
 */
#ifndef KK_RUNLOG_H
#define KK_RUNLOG_H

#include "strbuf.h"

/* Opens (creates) the log; false with the reason in err. */
bool runlog_open(const char *path, struct strbuf *err);
void runlog_close(void);
/* One message: to stderr when show, to the log always. */
void runlog_say(bool show, const char *line);
/* The same for kk_fatal: no allocation (it may report that memory ran out),
 * the line cut at 4 KiB. */
void runlog_say_fatal(const char *line);
/* Appends s with control characters as escapes (\n, \t, \x01), so that a
 * name or value can never break a message into two lines. */
void sb_add_clean(struct strbuf *sb, const char *s);

#endif
