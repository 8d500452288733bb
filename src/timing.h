/*
 * timing.h - with KAIKAKU_TIMING set in the environment, the wall-clock time
 * of each stage of a run on stderr: what `make bench` reads. Never used to
 * decide anything, and never in a test.
 */
#ifndef KK_TIMING_H
#define KK_TIMING_H

/* Prints the time since the previous lap as stage's; NULL starts the clock. */
void timing_lap(const char *stage);

#endif
