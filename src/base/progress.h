/*
 * progress.h - a status line for a person at a terminal: while a run works,
 * one line on stderr that updates in place (the stage, done / total, the
 * seconds so far), erased before any other message. Only when stderr is a
 * terminal and --quiet is not given: never in a log, under cron or in a pipe.
 */
#ifndef KK_PROGRESS_H
#define KK_PROGRESS_H

#include <stdbool.h>
#include <stddef.h>

/* Turns the line on when wanted and stderr is a terminal (this process and
 * its workers share it; only this process draws). */
void progress_init(bool wanted);
/* A new stage of total steps ("読み込み", "xlsx"…). */
void progress_stage(const char *stage, size_t total);
/* done steps of the current stage are finished (drawn at most ten times a
 * second). */
void progress_step(size_t done);
/* Erases the line (before a message, and at the end). */
void progress_clear(void);

#endif
