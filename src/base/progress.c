/*
 * progress.c - see progress.h.
 */
#include "kaikaku.h"

#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "progress.h"

static bool on;
static pid_t owner;
static const char *stage_name;
static size_t total, last_done;
static struct timespec start, drawn;
static bool shown;

static double since(const struct timespec *t)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

void progress_init(bool wanted)
{
	on = wanted && isatty(STDERR_FILENO);
	owner = getpid();
	clock_gettime(CLOCK_MONOTONIC, &start);
}

static void draw(size_t done)
{
	char line[160];
	int n;

	if (total)
		n = snprintf(line, sizeof(line), "\rkaikaku: %s %zu / %zu（%.1f 秒）\033[K",
			     stage_name, done, total, since(&start));
	else
		n = snprintf(line, sizeof(line), "\rkaikaku: %s（%.1f 秒）\033[K", stage_name,
			     since(&start));
	if (n > 0 && write(STDERR_FILENO, line, (size_t)n) == n)
		shown = true;
	clock_gettime(CLOCK_MONOTONIC, &drawn);
}

void progress_stage(const char *stage, size_t steps)
{
	if (!on || getpid() != owner)
		return;
	stage_name = stage;
	total = steps;
	last_done = 0;
	draw(0);
}

void progress_step(size_t done)
{
	/* drawn by the main process's main thread only */
	if (!on || getpid() != owner || gettid() != owner || !stage_name)
		return;
	last_done = done;
	if (since(&drawn) >= 0.1 || done == total)
		draw(done);
}

void progress_clear(void)
{
	static const char erase[] = "\r\033[K";

	if (!on || getpid() != owner || !shown)
		return;
	if (write(STDERR_FILENO, erase, sizeof(erase) - 1) > 0)
		shown = false;
}
