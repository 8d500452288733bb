/*
 * publish.c - lock, temporary folder, fsync and atomic swap.
 */
#include "kaikaku.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "fs.h"
#include "publish.h"
#include "runlog.h"

#define OLD_PREFIX PUBLISH_TMP_PREFIX "old-"

/* The run's temporary folder and its descriptor for the syncfs, for the
 * fatal exit path. */
static char *current_tmp;
static int current_syncfd = -1;

/* Closes the descriptor kept open on the temporary folder first: removing a
 * tree takes descriptors, and a run that failed for want of them (ulimit -n)
 * has none to spare. */
static void close_syncfd(struct publish *pb)
{
	if (pb->syncfd >= 0)
		close(pb->syncfd);
	pb->syncfd = -1;
	current_syncfd = -1;
}

/* The fatal exit's cleanup: no allocation (memory may be what ran out). */
static void remove_current_tmp(void)
{
	if (current_syncfd >= 0)
		close(current_syncfd);
	current_syncfd = -1;
	if (current_tmp)
		(void)fs_remove_tree(current_tmp, NULL);
}

static char *join(const char *a, const char *b)
{
	struct strbuf sb = STRBUF_INIT;

	sb_addf(&sb, "%s/%s", a, b);
	return sb_detach(&sb);
}

static double now_seconds(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

#define NOT_REGULAR                                                                                                                       \
	"ロックファイル %s が通常のファイルではない（フォルダや特殊ファイルの）ため使いません。" \
	"誰が置いたものか確かめてから削除し、もう一度実行してください"

/* A user's name for people and for commands ("#1234" for sudo, "1234" for
 * chown when the user has no name). */
struct who {
	char name[64];
	char sudo[64];
	char chown[72]; /* "name:" (with its group) or "1234" */
};

static void who_is(uid_t uid, struct who *w)
{
	struct passwd *pw = getpwuid(uid);

	if (pw && pw->pw_name) {
		snprintf(w->name, sizeof(w->name), "%s", pw->pw_name);
		snprintf(w->sudo, sizeof(w->sudo), "%s", pw->pw_name);
		snprintf(w->chown, sizeof(w->chown), "%s:", pw->pw_name);
	} else {
		snprintf(w->name, sizeof(w->name), "uid %ld", (long)uid);
		snprintf(w->sudo, sizeof(w->sudo), "'#%ld'", (long)uid);
		snprintf(w->chown, sizeof(w->chown), "%ld", (long)uid);
	}
}

/* The lock of another user: almost always a run as the wrong user (root by
 * hand, say). Whose the output folder is says who should run kaikaku: the
 * message says so, and how to give the folder's files back to that user,
 * before the rarer case of a planted file. */
static void other_owner(struct strbuf *err, const char *path, const char *outdir, uid_t owner,
			bool opened)
{
	struct stat st;
	struct who lock, me, folder;

	who_is(owner, &lock);
	who_is(geteuid(), &me);
	who_is(stat(outdir, &st) == 0 ? st.st_uid : geteuid(), &folder);
	sb_addf(err,
		"ロックファイル %s は別のユーザー（%s）のものなので%s（kaikaku を動かしたユーザーは %s）。",
		path, lock.name, opened ? "使いません" : "開けません", me.name);
	if (strcmp(me.name, folder.name) != 0)
		sb_addf(err,
			"この出力フォルダの kaikaku は、フォルダの持ち主（%s）で動かしてください（例: sudo -u %s "
			"/usr/local/bin/kaikaku run …）。",
			folder.name, folder.sudo);
	sb_addf(err,
		"別のユーザーで動かしたために、出力フォルダにそのユーザーのファイルが残っているときは、sudo "
		"chown -R %s %s で持ち主をそろえてから動かします。誰が置いたものか分からないときは、確かめて"
		"から削除してください",
		folder.chown, outdir);
}

/* The lock file must be a regular file of the running user, readable by no
 * one else (a lock of an older version, 0666 or 0644, is made 0600). */
static bool lock_is_ours(int fd, const char *path, const char *outdir, struct strbuf *err)
{
	struct stat st;

	if (fstat(fd, &st) != 0) {
		sb_addf(err, "ロックファイル %s を調べられません: %s", path, fs_strerror(errno));
		return false;
	}
	if (!S_ISREG(st.st_mode)) {
		sb_addf(err, NOT_REGULAR, path);
		return false;
	}
	if (st.st_uid != geteuid()) {
		other_owner(err, path, outdir, st.st_uid, true);
		return false;
	}
	if ((st.st_mode & 077) && fchmod(fd, st.st_mode & 0700) != 0) {
		sb_addf(err, "ロックファイル %s の権限を 0600 にできません: %s", path,
			fs_strerror(errno));
		return false;
	}
	return true;
}

static bool take_lock(struct publish *pb, double wait_seconds, struct strbuf *err)
{
	char *path = join(pb->outdir, PUBLISH_LOCK_NAME);
	double deadline = now_seconds() + wait_seconds;
	struct stat st;

	/* never through a symlink (a planted link would make a root run create a
	 * file elsewhere), and readable by no one else (anyone who can open it can
	 * flock it and block every night) */
	pb->lockfd =
		open(path, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY, 0600);
	if (pb->lockfd < 0) {
		if (errno == ELOOP)
			sb_addf(err,
				"ロックファイル %s がシンボリックリンクなので使いません。"
				"誰が置いたものか確かめてから削除し、もう一度実行してください",
				path);
		else if (errno == EISDIR)
			sb_addf(err, NOT_REGULAR, path);
		else if (errno == EACCES && lstat(path, &st) == 0 && st.st_uid != geteuid())
			other_owner(err, path, pb->outdir, st.st_uid, false);
		else
			sb_addf(err, "ロックファイル %s を作れません: %s", path,
				fs_strerror(errno));
		free(path);
		return false;
	}
	if (!lock_is_ours(pb->lockfd, path, pb->outdir, err)) {
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
				"別の kaikaku が出力フォルダ %s を使っています（%.0f "
				"秒待ちました）。終わってからもう一度実行してください",
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

/* The period whose outputs an old folder holds: the <P> of its name
 * (.kaikaku-tmp-old-<P>-<pid>), or for the name of older versions
 * (.kaikaku-tmp-old-<pid>) the <P> of the errors_<P>.csv inside; NULL when
 * neither tells. Freed by the caller. */
static char *orphan_period(const char *outdir, const char *entry)
{
	const char *rest = entry + strlen(OLD_PREFIX), *dash = strrchr(rest, '-');
	char *found = NULL;

	if (dash && dash > rest && rest[0] != '.' &&
	    strspn(dash + 1, "0123456789") == strlen(dash + 1))
		return xstrndup(rest, (size_t)(dash - rest));
	{
		char *dir = join(outdir, entry);
		DIR *d = opendir(dir);
		struct dirent *e;

		free(dir);
		if (!d)
			return NULL;
		while (!found && (e = readdir(d)) != NULL) {
			size_t n = strlen(e->d_name);

			if (n > 11 && strncmp(e->d_name, "errors_", 7) == 0 &&
			    strcmp(e->d_name + n - 4, ".csv") == 0 && e->d_name[7] != '.')
				found = xstrndup(e->d_name + 7, n - 11);
		}
		closedir(d);
	}
	return found;
}

/*
 * A run killed between the two renames of the fallback (a file system
 * without RENAME_EXCHANGE) left output/<P> missing and the previous outputs
 * in an old folder: they are put back, never deleted. Logged.
 */
static bool restore_orphans(struct publish *pb, struct strbuf *err)
{
	DIR *d = opendir(pb->outdir);
	struct dirent *e;
	bool ok = true, restored = false;

	if (!d) {
		sb_addf(err, "出力フォルダ %s を読めません: %s", pb->outdir, fs_strerror(errno));
		return false;
	}
	while (ok && (e = readdir(d)) != NULL) {
		char *period, *from, *to;
		struct stat st;

		if (strncmp(e->d_name, OLD_PREFIX, strlen(OLD_PREFIX)) != 0 ||
		    !(period = orphan_period(pb->outdir, e->d_name)))
			continue;
		from = join(pb->outdir, e->d_name);
		to = join(pb->outdir, period);
		if (lstat(to, &st) != 0 && errno == ENOENT) {
			struct strbuf line = STRBUF_INIT;

			if (rename(from, to) != 0) {
				sb_addf(err,
					"中断された実行の前の出力 %s を %s に戻せません (rename): "
					"%s",
					from, to, fs_strerror(errno));
				ok = false;
			} else {
				sb_adds(&line, "kaikaku: 警告: "
					       "前の実行が出力フォルダの入れ替えの途中で止まってい"
					       "たため、");
				sb_add_clean(&line, to);
				sb_adds(&line, " を前の出力に戻しました");
				runlog_say(false, sb_str(&line));
				restored = true;
			}
			sb_release(&line);
		}
		free(from);
		free(to);
		free(period);
	}
	closedir(d);
	return ok && (!restored || fs_fsync_dir(pb->outdir, err));
}

/* What killed runs left: temporary folders (new or swapped-out old outputs),
 * once any old outputs whose folder is missing are back in place. */
static bool clean_leftovers(struct publish *pb, struct strbuf *err)
{
	DIR *d;
	struct dirent *e;
	bool ok = true;

	if (!restore_orphans(pb, err))
		return false;
	if (!(d = opendir(pb->outdir))) {
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
			sb_addf(err, "%s を %s に置けません (rename): %s", src, dst,
				fs_strerror(errno));
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
	return ok && (!any || fs_fsync_dir(pb->outdir, err));
}

bool publish_begin(struct publish *pb, const char *outdir, const char *name, double wait_seconds,
		   struct strbuf *err)
{
	struct strbuf tmpl = STRBUF_INIT;

	memset(pb, 0, sizeof(*pb));
	pb->lockfd = -1;
	pb->syncfd = -1;
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
	/* for the syncfs at the commit: opened before any output is written, so
	 * that every writeback error of the run is reported to it (fs.h) */
	pb->syncfd = open(pb->tmp, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	current_syncfd = pb->syncfd;
	current_tmp = pb->tmp;
	kk_set_fatal_cleanup(remove_current_tmp);
	return true;
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

/*
 * A file system without RENAME_EXCHANGE (NFS, CIFS/SMB shares: EINVAL):
 * output/<P> to an old folder named for P, then the new folder into place.
 * If the second rename fails (EBUSY: the folder is open on the share), the
 * old folder goes back, so that the run's "出力フォルダは変更していません" is
 * true; if even that fails, the run stops saying where the previous outputs
 * are (the next run puts them back, as it does after a kill between the two
 * renames: restore_orphans).
 */
static bool swap_by_two_renames(struct publish *pb, struct strbuf *err)
{
	struct strbuf old = STRBUF_INIT;
	const char *name = pb->target + strlen(pb->outdir) + 1;
	int e;

	sb_addf(&old, "%s/%s%s-%ld", pb->outdir, OLD_PREFIX, name, (long)getpid());
	if (rename(pb->target, sb_str(&old)) != 0) {
		sb_addf(err, "%s を置き換えられません (rename): %s", pb->target,
			fs_strerror(errno));
		sb_release(&old);
		return false;
	}
	if (rename(pb->tmp, pb->target) != 0) {
		e = errno;
		if (rename(sb_str(&old), pb->target) != 0)
			kk_fatal("%s を置き換えられません (rename): %s。前の出力も戻せませんでした "
				 "(%s)。"
				 "前の出力は %s にあり、次の実行が元に戻します",
				 pb->target, fs_strerror(e), fs_strerror(errno), sb_str(&old));
		sb_addf(err, "%s を置き換えられません (rename): %s", pb->target, fs_strerror(e));
		sb_release(&old);
		(void)fs_fsync_dir(pb->outdir, NULL);
		return false;
	}
	free(pb->tmp);
	pb->tmp = sb_detach(&old);
	current_tmp = pb->tmp;
	return true;
}

/*
 * The swap taken back, when the files of the output folder itself could not
 * follow the new period folder (none moved): the previous folder goes back
 * in place, so that "出力フォルダは変更していません" is true. exchanged: the
 * swap was one RENAME_EXCHANGE; made: the new folder's temporary name when
 * there was no previous folder; otherwise the two-rename swap of a file
 * share, whose previous folder is pb->tmp. Best effort: what cannot be taken
 * back is finished by the next run.
 */
static void unswap(struct publish *pb, bool exchanged, char **made)
{
	if (exchanged) {
		(void)renameat2(AT_FDCWD, pb->tmp, AT_FDCWD, pb->target, RENAME_EXCHANGE);
	} else if (*made) {
		if (rename(pb->target, *made) == 0) {
			pb->tmp = *made; /* removed by publish_abort */
			current_tmp = pb->tmp;
			*made = NULL;
		}
	} else if (pb->tmp) {
		struct strbuf aside = STRBUF_INIT;

		sb_addf(&aside, "%s/%sundo-%ld", pb->outdir, PUBLISH_TMP_PREFIX, (long)getpid());
		if (rename(pb->target, sb_str(&aside)) == 0) {
			if (rename(pb->tmp, pb->target) == 0) {
				free(pb->tmp);
				pb->tmp = sb_detach(&aside);
				current_tmp = pb->tmp;
			} else {
				(void)rename(sb_str(&aside), pb->target);
			}
		}
		sb_release(&aside);
	}
	(void)fs_fsync_dir(pb->outdir, NULL);
}

bool publish_commit(struct publish *pb, struct strbuf *err)
{
	struct stat st;
	bool exists, exchanged = false, moved, synced;
	char *made = NULL;

	/* the descriptor is not needed after it (close_syncfd) */
	synced = fs_fsync_tree(pb->tmp, pb->syncfd, err);
	close_syncfd(pb);
	if (!synced)
		return false;
	exists = lstat(pb->target, &st) == 0;
	if (exists && !S_ISDIR(st.st_mode)) {
		sb_addf(err, "%s がフォルダではないので置き換えられません", pb->target);
		return false;
	}
	if (exists) {
		/* one atomic step: the new folder in place, the old one in tmp */
		exchanged =
			renameat2(AT_FDCWD, pb->tmp, AT_FDCWD, pb->target, RENAME_EXCHANGE) == 0;
		if (!exchanged) {
			if (errno != EINVAL && errno != ENOSYS) {
				sb_addf(err, "%s を置き換えられません (rename): %s", pb->target,
					fs_strerror(errno));
				return false;
			}
			if (!swap_by_two_renames(pb, err))
				return false;
		}
	} else if (rename(pb->tmp, pb->target) != 0) {
		sb_addf(err, "%s を作れません (rename): %s", pb->target, fs_strerror(errno));
		return false;
	} else {
		made = pb->tmp;
		pb->tmp = NULL;
		current_tmp = NULL;
	}
	/* the root-level files of this run, right after its folder; when none
	 * could be moved, the previous folder goes back, so that the output
	 * folder is as it was (else the next run finishes the move) */
	if (!move_root_files(pb->outdir, pb->target, &moved, err)) {
		if (!moved)
			unswap(pb, exchanged, &made);
		free(made);
		return false;
	}
	free(made);
	if (!fs_fsync_dir(pb->outdir, err))
		return false;
	/* the previous outputs, now in tmp; a failure here leaves a leftover
	 * that the next run removes */
	publish_abort(pb);
	return true;
}

void publish_abort(struct publish *pb)
{
	close_syncfd(pb);
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
	pb->syncfd = -1;
}
