/*
 * timing.h - with KAIKAKU_TIMING set in the environment, the wall-clock time
 * and the peak resident memory of each stage of a run on stderr: what
 * `make bench` reads. Never used to decide anything, and never in a test.
 */
#ifndef KK_TIMING_H
#define KK_TIMING_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/resource.h>

/*
 * Prints the time since the previous lap as stage's, with the stage's peak
 * RSS: the largest of this process's (its high-water mark, reset at each
 * lap) and of the worker processes that ended in the stage. NULL starts the
 * clock.
 */
void timing_lap(const char *stage);
/* The longest job of a stage and how long it took (jobs.c), printed with
 * the stage. */
void timing_longest(size_t job, double seconds);
/* A worker process ended with this usage (jobs.c). */
void timing_child(const struct rusage *ru);
/* Whether KAIKAKU_TIMING is set. */
bool timing_on(void);
/* One kind of the jobs a stage ran together (render.c: "xlsx", "pdf",
 * "public"): their seconds summed over the workers, how many, and the
 * longest; printed as "kaikaku: work: ..." before the stage's lap. */
void timing_work(const char *kind, double seconds, size_t jobs, size_t longest_job, double longest);

#endif
