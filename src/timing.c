/*
 * timing.c - see timing.h.
 */
#include "kaikaku.h"

#include <time.h>

#include "timing.h"

void timing_lap(const char *stage)
{
	static struct timespec last;
	static int on = -1;
	struct timespec now;

	if (on < 0)
		on = getenv("KAIKAKU_TIMING") != NULL;
	if (!on)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (stage && (last.tv_sec || last.tv_nsec))
		fprintf(stderr, "kaikaku: timing: %-12s %8.3f s\n", stage,
			(double)(now.tv_sec - last.tv_sec) + (double)(now.tv_nsec - last.tv_nsec) / 1e9);
	last = now;
}
