/*
 * timing.c - see timing.h.
 */
#include "kaikaku.h"

#include <time.h>

#include "timing.h"

static int on = -1;
static long child_kb;       /* the largest worker's peak in this stage */
static double longest = -1; /* the longest job in this stage, or -1 */
static size_t longest_job;

static bool enabled(void)
{
	if (on < 0)
		on = getenv("KAIKAKU_TIMING") != NULL;
	return on;
}

/* This process's peak RSS since the last reset, in kB (VmHWM), or -1. */
static long self_peak_kb(void)
{
	FILE *f = fopen("/proc/self/status", "r");
	char line[256];
	long kb = -1;

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "VmHWM: %ld kB", &kb) == 1)
			break;
	fclose(f);
	return kb;
}

/* Starts a new high-water mark (Linux 4.0 and later: "5" to clear_refs). */
static void reset_peak(void)
{
	FILE *f = fopen("/proc/self/clear_refs", "w");

	if (f) {
		fputs("5", f);
		fclose(f);
	}
}

bool timing_on(void)
{
	return enabled();
}

void timing_work(const char *kind, double seconds, size_t jobs, size_t slowest_job,
		 double longest_seconds)
{
	if (enabled())
		fprintf(stderr,
			"kaikaku: work: %-8s %8.3f s in %zu jobs  (longest job %zu: %.3f s)\n",
			kind, seconds, jobs, slowest_job, longest_seconds);
}

void timing_longest(size_t job, double seconds)
{
	if (enabled() && seconds > longest) {
		longest = seconds;
		longest_job = job;
	}
}

void timing_child(const struct rusage *ru)
{
	if (enabled() && ru->ru_maxrss > child_kb)
		child_kb = ru->ru_maxrss;
}

void timing_lap(const char *stage)
{
	static struct timespec last;
	struct timespec now;

	if (!enabled())
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (stage && (last.tv_sec || last.tv_nsec)) {
		long kb = self_peak_kb();

		if (child_kb > kb)
			kb = child_kb;
		fprintf(stderr, "kaikaku: timing: %-8s %8.3f s %8.1f MB", stage,
			(double)(now.tv_sec - last.tv_sec) +
				(double)(now.tv_nsec - last.tv_nsec) / 1e9,
			(double)kb / 1024);
		if (longest >= 0)
			fprintf(stderr, "  (longest job %zu: %.3f s)", longest_job, longest);
		fputc('\n', stderr);
	}
	child_kb = 0;
	longest = -1;
	reset_peak();
	/* the clock restarts after the bookkeeping */
	clock_gettime(CLOCK_MONOTONIC, &last);
}
