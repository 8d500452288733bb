/*
 * publish.c - lock, temporary folder, fsync and atomic swap.
 */
#include "kaikaku.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fs.h"
#include "publish.h"

/* The run's temporary folder, for the out-of-memory exit path. */
static char *current_tmp;

static void remove_current_tmp(void)
{
	if (current_tmp) {
		struct strbuf err = STRBUF_INIT;

		(void)fs_remove_tree(current_tmp, &err);
		sb_release(&err);
	}
}

static char *join(const char *a, const char *b)
{
	struct strbuf sb = STRBUF_INIT;

	sb_addf(&sb, "%s/%s", a, b);
	return sb_detach(&sb);
}

static bool fsync_dir(const char *path, struct strbuf *err);

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static bool take_lock(struct publish *pb, double wait_seconds, struct strbuf *err)
{
	char *path = join(pb->outdir, PUBLISH_LOCK_NAME);
	double deadline = now_seconds() + wait_seconds;

	pb->lockfd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	if (pb->lockfd < 0) {
		sb_addf(err, "ロックファイル %s を作れません: %s", path, fs_strerror(errno));
		free(path);
		return false;
	}
	for (;;) {
		if (flock(pb->lockfd, LOCK_EX | LOCK_NB) == 0)
			break;
		if (errno != EWOULDBLOCK && errno != EINTR) {
			sb_addf(err, "%s をロックできません: %s", path, fs_strerror(errno));
			free(path);
			return false;
		}
		if (now_seconds() >= deadline) {
			sb_addf(err,
				"別の kaikaku が出力フォルダ %s を使っています（%.0f 秒待ちました）。終わってからもう一度実行してください",
				pb->outdir, wait_seconds);
			free(path);
			return false;
		}
		{
			struct timespec ts = {0, 100 * 1000 * 1000};

			nanosleep(&ts, NULL);
		}
	}
	free(path);
	return true;
}

/* What killed runs left: temporary folders (new or swapped-out old outputs). */
static bool clean_leftovers(struct publish *pb, struct strbuf *err)
{
	DIR *d = opendir(pb->outdir);
	struct dirent *e;
	bool ok = true;

	if (!d) {
		sb_addf(err, "出力フォルダ %s を読めません: %s", pb->outdir, fs_strerror(errno));
		return false;
	}
	while (ok && (e = readdir(d)) != NULL) {
		if (strncmp(e->d_name, PUBLISH_TMP_PREFIX, strlen(PUBLISH_TMP_PREFIX)) == 0) {
			char *p = join(pb->outdir, e->d_name);

			ok = fs_remove_tree(p, err);
			free(p);
		}
	}
	closedir(d);
	return ok;
}

/*
 * Moves the files of period folder dir's PUBLISH_ROOT_DIR into the output
 * folder (each one rename, so each is replaced atomically) and removes it;
 * true when there is nothing to move. *moved says whether any file moved.
 * The caller fsyncs the output folder.
 */
static bool move_root_files(const char *outdir, const char *dir, bool *moved, struct strbuf *err)
{
	char *from = join(dir, PUBLISH_ROOT_DIR);
	DIR *d = opendir(from);
	struct dirent *e;
	bool ok = true;

	*moved = false;
	if (!d) {
		free(from);
		return true;
	}
	while (ok && (e = readdir(d)) != NULL) {
		char *src, *dst;

		if (e->d_name[0] == '.')
			continue;
		src = join(from, e->d_name);
		dst = join(outdir, e->d_name);
		if (rename(src, dst) != 0) {
			sb_addf(err, "%s を %s に置けません (rename): %s", src, dst, fs_strerror(errno));
			ok = false;
		} else {
			*moved = true;
		}
		free(src);
		free(dst);
	}
	closedir(d);
	/* an empty folder left behind is removed by the next run */
	if (ok)
		(void)rmdir(from);
	free(from);
	return ok;
}

/* A run killed between its swap and move_root_files: finish the move. */
static bool repair_root_files(struct publish *pb, struct strbuf *err)
{
	DIR *d = opendir(pb->outdir);
	struct dirent *e;
	bool ok = true, any = false;

	if (!d) {
		sb_addf(err, "出力フォルダ %s を読めません: %s", pb->outdir, fs_strerror(errno));
		return false;
	}
	while (ok && (e = readdir(d)) != NULL) {
		char *dir;
		bool moved;

		if (e->d_name[0] == '.')
			continue;
		dir = join(pb->outdir, e->d_name);
		ok = move_root_files(pb->outdir, dir, &moved, err);
		any = any || moved;
		free(dir);
	}
	closedir(d);
	return ok && (!any || fsync_dir(pb->outdir, err));
}

bool publish_begin(struct publish *pb, const char *outdir, const char *name, double wait_seconds,
		   struct strbuf *err)
{
	struct strbuf tmpl = STRBUF_INIT;

	memset(pb, 0, sizeof(*pb));
	pb->lockfd = -1;
	pb->outdir = xstrdup(outdir);
	pb->target = join(outdir, name);
	if (!fs_mkdir_p(outdir, err) || !take_lock(pb, wait_seconds, err) ||
	    !repair_root_files(pb, err) || !clean_leftovers(pb, err))
		return false;
	sb_addf(&tmpl, "%s/%s%s-XXXXXX", outdir, PUBLISH_TMP_PREFIX, name);
	pb->tmp = sb_detach(&tmpl);
	if (!mkdtemp(pb->tmp)) {
		sb_addf(err, "作業フォルダ %s を作れません: %s", pb->tmp, fs_strerror(errno));
		free(pb->tmp);
		pb->tmp = NULL;
		return false;
	}
	/* mkdtemp makes it 0700; outputs are for people other than cron's user */
	{
		mode_t um = umask(0);

		umask(um);
		if (chmod(pb->tmp, 0777 & ~um) != 0) {
			sb_addf(err, "作業フォルダ %s の権限を変えられません: %s", pb->tmp,
				fs_strerror(errno));
			return false;
		}
	}
	current_tmp = pb->tmp;
	kk_set_fatal_cleanup(remove_current_tmp);
	return true;
}

char *publish_path(struct publish *pb, const char *rel, struct strbuf *err)
{
	char *path = join(pb->tmp, rel);
	char *slash = strrchr(path, '/');

	if (slash && slash > path + strlen(pb->tmp)) {
		*slash = '\0';
		if (!fs_mkdir_p(path, err)) {
			free(path);
			return NULL;
		}
		*slash = '/';
	}
	return path;
}

char *publish_root_dir(struct publish *pb, struct strbuf *err)
{
	char *dir = join(pb->tmp, PUBLISH_ROOT_DIR);

	if (!fs_mkdir_p(dir, err)) {
		free(dir);
		return NULL;
	}
	return dir;
}

static bool fsync_dir(const char *path, struct strbuf *err)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);

	if (fd < 0 || fsync(fd) != 0) {
		sb_addf(err, "%s をディスクに書き出せません (fsync): %s", path, fs_strerror(errno));
		if (fd >= 0)
			close(fd);
		return false;
	}
	close(fd);
	return true;
}

bool publish_commit(struct publish *pb, struct strbuf *err)
{
	struct stat st;
	bool exists, exchanged = false, moved;

	if (!fs_fsync_tree(pb->tmp, err))
		return false;
	exists = lstat(pb->target, &st) == 0;
	if (exists && !S_ISDIR(st.st_mode)) {
		sb_addf(err, "%s がフォルダではないので置き換えられません", pb->target);
		return false;
	}
	if (exists) {
		/* one atomic step: the new folder in place, the old one in tmp */
		exchanged = renameat2(AT_FDCWD, pb->tmp, AT_FDCWD, pb->target, RENAME_EXCHANGE) == 0;
		if (!exchanged) {
			if (errno != EINVAL && errno != ENOSYS) {
				sb_addf(err, "%s を置き換えられません (rename): %s", pb->target,
					fs_strerror(errno));
				return false;
			}
			/* a file system without RENAME_EXCHANGE: two renames */
			{
				struct strbuf old = STRBUF_INIT;

				sb_addf(&old, "%s/%sold-%ld", pb->outdir, PUBLISH_TMP_PREFIX,
					(long)getpid());
				if (rename(pb->target, sb_str(&old)) != 0 ||
				    rename(pb->tmp, pb->target) != 0) {
					sb_addf(err, "%s を置き換えられません (rename): %s", pb->target,
						fs_strerror(errno));
					sb_release(&old);
					return false;
				}
				free(pb->tmp);
				pb->tmp = sb_detach(&old);
				current_tmp = pb->tmp;
			}
		}
	} else if (rename(pb->tmp, pb->target) != 0) {
		sb_addf(err, "%s を作れません (rename): %s", pb->target, fs_strerror(errno));
		return false;
	} else {
		free(pb->tmp);
		pb->tmp = NULL;
		current_tmp = NULL;
	}
	/* the root-level files of this run, right after its folder; when none
	 * could be moved, the previous folder goes back, so that the output
	 * folder is as it was (else the next run finishes the move) */
	if (!move_root_files(pb->outdir, pb->target, &moved, err)) {
		if (exchanged && !moved)
			(void)renameat2(AT_FDCWD, pb->tmp, AT_FDCWD, pb->target, RENAME_EXCHANGE);
		return false;
	}
	if (!fsync_dir(pb->outdir, err))
		return false;
	/* the previous outputs, now in tmp; a failure here leaves a leftover
	 * that the next run removes */
	publish_abort(pb);
	return true;
}

void publish_abort(struct publish *pb)
{
	if (pb->tmp) {
		struct strbuf ignore = STRBUF_INIT;

		(void)fs_remove_tree(pb->tmp, &ignore);
		sb_release(&ignore);
		free(pb->tmp);
		pb->tmp = NULL;
	}
	current_tmp = NULL;
}

void publish_end(struct publish *pb)
{
	publish_abort(pb);
	kk_set_fatal_cleanup(NULL);
	if (pb->lockfd >= 0)
		close(pb->lockfd);
	free(pb->outdir);
	free(pb->target);
	memset(pb, 0, sizeof(*pb));
	pb->lockfd = -1;
}
