/*
 * jobs.h - independent jobs shared out among worker processes (the feedback
 * workbooks and the PDF packs: one file each, nothing shared). Forked
 * workers take the next job in order from a counter in shared memory; a job
 * writes its own file, so the outputs are the same bytes whoever writes them
 * and however many workers there are. Processes rather than threads: the
 * libraries keep state (libharu's and libxlsxwriter's allocators, libxml2's
 * error handlers) that was never meant to be shared.
 */
#ifndef KK_JOBS_H
#define KK_JOBS_H

#include "kaikaku.h"

#include "strbuf.h"

/* One job; false with the reason in err. */
typedef bool (*job_fn)(void *ctx, size_t job, struct strbuf *err);

/*
 * Runs jobs 0..n-1 with up to workers processes (this one included); 1 runs
 * them here, in order. On failure no new job starts, and err holds the
 * reason of the lowest-numbered job that failed (so the message does not
 * depend on timing), or says which worker died. seconds: NULL, or n places
 * for each job's wall-clock seconds (KAIKAKU_TIMING). KAIKAKU_JOB_ORDER=reverse
 * in the environment takes the jobs last to first (tests/parallel.py: a
 * job's bytes must not depend on what its process did before).
 */
bool jobs_run(size_t n, unsigned workers, job_fn fn, void *ctx, double *seconds,
	      struct strbuf *err);
/* The processors this process may run on. */
unsigned jobs_cpus(void);

/*
 * Runs item(ctx, i) for i = 0..n-1 with up to threads threads (this one
 * included), each taking the next i in turn; returns when all are done. For
 * work that needs no library state of its own (reading files, hashing them),
 * each i writing only its own results, so that they are the same whatever
 * threads is. A thread that cannot be started leaves its share to the others.
 */
void threads_run(size_t n, unsigned threads, void (*item)(void *ctx, size_t i), void *ctx);

#endif
