/*
 * jobs.c - see jobs.h.
 */
#include "kaikaku.h"

#include <errno.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "jobs.h"
#include "timing.h"

struct shared {
	pthread_mutex_t lock;
	size_t next;   /* the next job to take */
	size_t failed; /* the lowest failed job, or SIZE_MAX */
	char msg[2048];
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

static void work(struct shared *sh, size_t n, job_fn fn, void *ctx)
{
	struct strbuf err = STRBUF_INIT;

	for (;;) {
		size_t i;

		pthread_mutex_lock(&sh->lock);
		i = sh->failed == SIZE_MAX ? sh->next++ : n;
		pthread_mutex_unlock(&sh->lock);
		if (i >= n)
			break;
		sb_reset(&err);
		if (!fn(ctx, i, &err)) {
			pthread_mutex_lock(&sh->lock);
			if (i < sh->failed) {
				sh->failed = i;
				snprintf(sh->msg, sizeof(sh->msg), "%s", sb_str(&err));
			}
			pthread_mutex_unlock(&sh->lock);
		}
	}
	sb_release(&err);
}

bool jobs_run(size_t n, unsigned workers, job_fn fn, void *ctx, struct strbuf *err)
{
	struct shared *sh;
	pthread_mutexattr_t attr;
	pid_t *pids;
	unsigned started = 0;
	bool ok;

	if (workers > n)
		workers = (unsigned)n;
	if (workers <= 1) {
		for (size_t i = 0; i < n; i++)
			if (!fn(ctx, i, err))
				return false;
		return true;
	}
	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED) {
		/* no shared memory: do it here */
		return jobs_run(n, 1, fn, ctx, err);
	}
	memset(sh, 0, sizeof(*sh));
	sh->failed = SIZE_MAX;
	pthread_mutexattr_init(&attr);
	pthread_mutexattr_setpshared(&attr, PTHREAD_PROCESS_SHARED);
	pthread_mutex_init(&sh->lock, &attr);
	pthread_mutexattr_destroy(&attr);
	pids = xcalloc(workers, sizeof(*pids));
	fflush(stdout);
	fflush(stderr);
	for (unsigned w = 1; w < workers; w++) {
		pid_t parent = getpid();
		pid_t pid = fork();

		if (pid == 0) {
			/* a worker: the folder it writes into belongs to the parent,
			 * which cleans up whatever happens here; and a worker never
			 * outlives it (killed, the parent leaves no writer behind in
			 * the folder the next run clears) */
			kk_set_fatal_cleanup(NULL);
			if (prctl(PR_SET_PDEATHSIG, SIGKILL) != 0 || getppid() != parent)
				_exit(1);
			work(sh, n, fn, ctx);
			_exit(0);
		}
		if (pid < 0)
			break; /* fewer workers, the same result */
		pids[started++] = pid;
	}
	work(sh, n, fn, ctx);
	ok = true;
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
					sb_addf(err, "出力を作る作業プロセス（%ld）がシグナル %d で止まりました",
						(long)pids[w], WTERMSIG(st));
				else
					sb_addf(err, "出力を作る作業プロセス（%ld）が失敗しました（終了ステータス %d）",
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
	pthread_mutex_destroy(&sh->lock);
	munmap(sh, sizeof(*sh));
	free(pids);
	return ok;
}
