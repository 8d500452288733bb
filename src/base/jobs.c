/*
 * jobs.c - see jobs.h.
 */
#include "kaikaku.h"

#include <errno.h>
#include <malloc.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <stdatomic.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "jobs.h"
#include "progress.h"
#include "timing.h"

struct shared {
	pthread_mutex_t lock;
	size_t next;   /* the next job to take */
	size_t failed; /* the lowest failed job, or SIZE_MAX */
	size_t done;   /* jobs finished, for the progress line */
	double *took;  /* each job's seconds, or NULL (shared with the workers) */
	char msg[4096];
};

unsigned jobs_cpus(void)
{
	cpu_set_t set;

	if (sched_getaffinity(0, sizeof(set), &set) == 0 && CPU_COUNT(&set) > 0)
		return (unsigned)CPU_COUNT(&set);
	{
		long n = sysconf(_SC_NPROCESSORS_ONLN);

		return n > 0 ? (unsigned)n : 1;
	}
}

/* A worker killed while holding the lock leaves it to the next taker. */
static void lock(struct shared *sh)
{
	if (pthread_mutex_lock(&sh->lock) == EOWNERDEAD)
		pthread_mutex_consistent(&sh->lock);
}

static void record(struct shared *sh, size_t job, const char *msg)
{
	lock(sh);
	if (job < sh->failed) {
		sh->failed = job;
		snprintf(sh->msg, sizeof(sh->msg), "%s", msg);
	}
	pthread_mutex_unlock(&sh->lock);
}

/* In the parent while workers run: their pids, for a fatal error of the
 * parent's own (it does jobs too), which stops them before its cleanup
 * removes the folder they write into. */
static pid_t *running;
static unsigned nrunning;

static void stop_workers(void)
{
	for (unsigned w = 0; w < nrunning; w++)
		kill(running[w], SIGKILL);
	for (unsigned w = 0; w < nrunning; w++)
		while (waitpid(running[w], NULL, 0) < 0 && errno == EINTR)
			;
}

/* In a worker: the job being done, for a fatal error (out of memory) in it. */
static struct shared *worker_shared;
static size_t worker_job;

static void worker_fatal(const char *msg)
{
	if (worker_shared)
		record(worker_shared, worker_job, msg);
	_exit(2);
}

static void work(struct shared *sh, size_t n, job_fn fn, void *ctx)
{
	struct strbuf err = STRBUF_INIT;
	struct timespec t0, t1;
	/* for tests/parallel.py: the jobs taken last to first, so that a
	 * process's later documents follow other ones than usual */
	const char *order = getenv("KAIKAKU_JOB_ORDER");
	bool reverse = order && strcmp(order, "reverse") == 0;

	for (;;) {
		size_t i, done;

		lock(sh);
		i = sh->failed == SIZE_MAX ? sh->next++ : n;
		pthread_mutex_unlock(&sh->lock);
		if (i >= n)
			break;
		if (reverse)
			i = n - 1 - i;
		sb_reset(&err);
		worker_job = i;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		if (!fn(ctx, i, &err))
			record(sh, i, sb_str(&err));
		if (sh->took) {
			clock_gettime(CLOCK_MONOTONIC, &t1);
			sh->took[i] = (double)(t1.tv_sec - t0.tv_sec) +
				      (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
		}
		lock(sh);
		done = ++sh->done;
		pthread_mutex_unlock(&sh->lock);
		progress_step(done); /* drawn by the main process only */
	}
	sb_release(&err);
}

bool jobs_run(size_t n, unsigned workers, job_fn fn, void *ctx, double *seconds, struct strbuf *err)
{
	struct shared local, *sh = MAP_FAILED;
	double *took = MAP_FAILED;
	pthread_mutexattr_t attr;
	pid_t *pids = NULL;
	unsigned started = 0;
	bool ok = true;

	if (workers > n)
		workers = (unsigned)n;
	if (workers > 1)
		sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1,
			  0);
	if (sh == MAP_FAILED) {
		/* one worker, or no shared memory: all of it here, in order */
		sh = &local;
		workers = 1;
	}
	memset(sh, 0, sizeof(*sh));
	sh->failed = SIZE_MAX;
	if (seconds && n && workers > 1)
		took = mmap(NULL, n * sizeof(*took), PROT_READ | PROT_WRITE,
			    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	sh->took = took != MAP_FAILED ? took : seconds && workers == 1 ? seconds : NULL;
	pthread_mutexattr_init(&attr);
	pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
	pthread_mutexattr_setrobust(&attr, PTHREAD_MUTEX_ROBUST);
	pthread_mutex_init(&sh->lock, &attr);
	pthread_mutexattr_destroy(&attr);
	if (workers > 1) {
		pids = xcalloc(workers, sizeof(*pids));
		fflush(stdout);
		fflush(stderr);
		/* a worker starts with this process's resident pages, which count in
		 * its RSS: what an earlier stage freed (the summary workbook's 250 MB
		 * at L) goes back to the system first (issue 17's peak) */
		malloc_trim(0);
	}
	for (unsigned w = 1; w < workers; w++) {
		pid_t parent = getpid();
		pid_t pid = fork();

		if (pid == 0) {
			/* a worker: the folder it writes into belongs to the parent,
			 * which cleans up whatever happens here; and a worker never
			 * outlives it (killed, the parent leaves no writer behind in
			 * the folder the next run clears) */
			kk_set_fatal_cleanup(NULL);
			worker_shared = sh;
			kk_set_fatal_hook(worker_fatal);
			if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent)
				_exit(1);
			free(pids); /* the parent's list */
			work(sh, n, fn, ctx);
			_exit(0);
		}
		if (pid < 0)
			break; /* fewer workers, the same result */
		pids[started++] = pid;
	}
	running = pids;
	nrunning = started;
	kk_set_fatal_stop(stop_workers);
	work(sh, n, fn, ctx);
	kk_set_fatal_stop(NULL);
	nrunning = 0;
	for (unsigned w = 0; w < started; w++) {
		int st;
		struct rusage ru = {0};

		while (wait4(pids[w], &st, 0, &ru) < 0) {
			if (errno != EINTR) {
				/* reaped already (SIGCHLD ignored): a failed job still
				 * shows in sh->failed */
				st = 0;
				break;
			}
		}
		timing_child(&ru);
		if (!WIFEXITED(st) || WEXITSTATUS(st) != 0) {
			if (sh->failed == SIZE_MAX && ok) {
				if (WIFSIGNALED(st))
					sb_addf(err,
						"出力を作る作業プロセス（%ld）がシグナル %d "
						"で止まりました",
						(long)pids[w], WTERMSIG(st));
				else
					sb_addf(err,
						"出力を作る作業プロセス（%"
						"ld）が失敗しました（終了ステータス %d）",
						(long)pids[w], WEXITSTATUS(st));
			}
			ok = false;
		}
	}
	if (sh->failed != SIZE_MAX) {
		sb_reset(err);
		sb_adds(err, sh->msg);
		ok = false;
	}
	if (took != MAP_FAILED) {
		memcpy(seconds, took, n * sizeof(*took));
		munmap(took, n * sizeof(*took));
	}
	for (size_t i = 0; seconds && i < n; i++)
		timing_longest(i, seconds[i]);
	pthread_mutex_destroy(&sh->lock);
	if (sh != &local)
		munmap(sh, sizeof(*sh));
	free(pids);
	return ok;
}

/* ---- threads */

struct threads {
	size_t n;
	void (*item)(void *ctx, size_t i);
	void *ctx;
	atomic_size_t next;
};

static void take_items(struct threads *t)
{
	size_t i;

	while ((i = atomic_fetch_add(&t->next, 1)) < t->n)
		t->item(t->ctx, i);
}

static void *thread_main(void *arg)
{
	take_items(arg);
	return NULL;
}

void threads_run(size_t n, unsigned threads, void (*item)(void *ctx, size_t i), void *ctx)
{
	struct threads t = {n, item, ctx, 0};
	pthread_t *tids;
	unsigned started = 0;

	if (threads > n)
		threads = (unsigned)n;
	if (threads <= 1) {
		take_items(&t);
		return;
	}
	tids = xcalloc(threads, sizeof(*tids));
	for (unsigned k = 1; k < threads; k++)
		if (pthread_create(&tids[started], NULL, thread_main, &t) == 0)
			started++;
	take_items(&t);
	for (unsigned k = 0; k < started; k++)
		pthread_join(tids[k], NULL);
	free(tids);
}
