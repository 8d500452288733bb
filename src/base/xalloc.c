/*
 * xalloc.c - allocation that never returns NULL: out of memory is a failed
 * run (exit 2), after the registered cleanup has removed partial outputs.
 * Out of memory is fatal.c's xoom; malloc itself is replaced in interpose.c.
 */
#include "kaikaku.h"

#include <malloc.h>

/*
 * The heap kept, not given back after each document: glibc returns the top
 * of the heap to the system whenever 128 kB are free there, and the next
 * workbook or pack takes the same pages again, each one faulted in anew (a
 * fault costs about 14 us on the CI machine). Kept up to 64 MB, an S run
 * faults 5,800 pages instead of 6,600 and takes 4% less wall time. Where the
 * peak matters, memory still goes back at once: malloc_trim(0) after reading
 * (ingest.c) and before the workers are forked (jobs.c).
 */
void xalloc_setup(void)
{
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (!p)
		xoom(n);
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		xoom(n * size);
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);

	if (!q)
		xoom(n);
	return q;
}

char *xstrndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);

	memcpy(d, s, n);
	d[n] = '\0';
	return d;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void xgrow(void **v, size_t *cap, size_t need, size_t size)
{
	size_t ncap;

	if (need <= *cap)
		return;
	ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > SIZE_MAX / 2 / size)
			xoom(SIZE_MAX);
		ncap *= 2;
	}
	*v = xrealloc(*v, ncap * size);
	*cap = ncap;
}
