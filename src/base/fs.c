/*
 * fs.c - checked file-system operations for writing outputs.
 */
#include "kaikaku.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <sys/vfs.h>
#include <unistd.h>

#include "fs.h"

const char *fs_strerror(int err)
{
	switch (err) {
	case ENOENT:
		return "ファイルやフォルダがありません（リンク先がないことも含みます）";
	case EACCES:
	case EPERM:
		return "権限がありません";
	case ELOOP:
		return "シンボリックリンクが循環しています";
	case EISDIR:
		return "フォルダです";
	case ENOTDIR:
		return "途中にフォルダではないものがあります";
	case ENOSPC:
		return "ディスクの空きがありません";
	case EDQUOT:
		return "ディスクの割り当て（クォータ）を超えています";
	case EROFS:
		return "読み取り専用のファイルシステムです";
	case EIO:
		return "入出力エラーです（ディスクや接続の不調）";
	case ENAMETOOLONG:
		return "名前が長すぎます";
	case EMFILE:
	case ENFILE:
		return "開いているファイルが多すぎます";
	case ENOMEM:
		return "メモリが足りません";
	case EEXIST:
		return "すでにあります";
	case EBUSY:
		return "使用中です";
	case EFBIG:
		return "ファイルが大きすぎます（ファイルサイズの上限 ulimit -f を超えます）";
	case EXDEV:
		return "別のファイルシステムへは移せません";
	case ENOTEMPTY:
		return "フォルダが空ではありません";
	case EINTR:
		return "中断されました";
	default:
		return strerror(err);
	}
}

bool fs_write_file(const char *path, const void *data, size_t n, struct strbuf *err)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
	const char *p = data;

	if (fd < 0) {
		sb_addf(err, "%s を作れません: %s", path, fs_strerror(errno));
		return false;
	}
	while (n) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			sb_addf(err, "%s に書き込めません: %s", path,
				k < 0 ? fs_strerror(errno) : "書き込めたバイト数が 0 です");
			close(fd);
			return false;
		}
		p += k;
		n -= (size_t)k;
	}
	if (close(fd) != 0) {
		sb_addf(err, "%s に書き込めません: %s", path, fs_strerror(errno));
		return false;
	}
	return true;
}

bool fs_read_chunks(const char *path, void (*take)(void *ctx, const void *data, size_t n),
		    void *ctx, struct strbuf *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	char buf[65536];

	if (fd < 0) {
		sb_addf(err, "%s を読めません: %s", path, fs_strerror(errno));
		return false;
	}
	for (;;) {
		ssize_t k = read(fd, buf, sizeof(buf));

		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			sb_addf(err, "%s を読めません: %s", path, fs_strerror(errno));
			close(fd);
			return false;
		}
		if (k == 0)
			break;
		take(ctx, buf, (size_t)k);
	}
	close(fd);
	return true;
}

static void append(void *sb, const void *data, size_t n)
{
	sb_add(sb, data, n);
}

bool fs_read_file(const char *path, struct strbuf *out, struct strbuf *err)
{
	return fs_read_chunks(path, append, out, err);
}

const unsigned char *fs_map_file(const char *path, int *fd, size_t *n, struct strbuf *err)
{
	int d = open(path, O_RDONLY | O_CLOEXEC);
	struct stat st;
	void *p = MAP_FAILED;

	*n = 0;
	if (d >= 0 && fstat(d, &st) == 0 && st.st_size > 0)
		p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, d, 0);
	if (p == MAP_FAILED) {
		if (d >= 0 && fstat(d, &st) == 0 && st.st_size == 0)
			sb_addf(err, "%s を読めません: 空のファイルです", path);
		else
			sb_addf(err, "%s を読めません: %s", path, fs_strerror(errno));
	} else {
		*n = (size_t)st.st_size;
	}
	if (d >= 0 && (p == MAP_FAILED || !fd))
		close(d);
	else if (fd)
		*fd = d;
	return p == MAP_FAILED ? NULL : p;
}

void fs_unmap_file(const unsigned char *p, size_t n)
{
	if (p && n)
		munmap((void *)p, n);
}

bool fs_mkdir_p(const char *path, struct strbuf *err)
{
	char *p = xstrdup(path);
	bool ok = true;

	for (char *s = p + 1;; s++) {
		char c = *s;

		if (c != '/' && c != '\0')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) != 0 && errno != EEXIST) {
			sb_addf(err, "フォルダ %s を作れません: %s", p, fs_strerror(errno));
			ok = false;
			break;
		}
		*s = c;
		if (!c)
			break;
	}
	if (ok) {
		struct stat st;

		if (stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
			sb_addf(err, "%s はフォルダではありません", path);
			ok = false;
		}
	}
	free(p);
	return ok;
}

static bool remove_failed(struct strbuf *err, const char *path, int e)
{
	if (err)
		sb_addf(err, "%s を削除できません: %s", path, fs_strerror(e));
	return false;
}

/*
 * Depth first without recursion, with no allocation and one descriptor at a
 * time: it is also the out-of-memory exit's cleanup (kk_fatal), which must
 * work when malloc fails and when every descriptor is taken (ulimit -n). A
 * folder's entries are read with getdents64 into a buffer on the stack; the
 * files among them are unlinked, and the first subfolder found is entered
 * (its parent closed first); a folder found empty is removed and its parent
 * read again.
 */
bool fs_remove_tree(const char *path, struct strbuf *err)
{
	char p[PATH_MAX], buf[4096];
	size_t root = strlen(path), len = root;
	struct stat st;

	if (lstat(path, &st) != 0)
		return errno == ENOENT ? true : remove_failed(err, path, errno);
	if (!S_ISDIR(st.st_mode))
		return unlink(path) == 0 || errno == ENOENT ? true
							    : remove_failed(err, path, errno);
	if (root >= sizeof(p))
		return remove_failed(err, path, ENAMETOOLONG);
	memcpy(p, path, root + 1);
	for (;;) {
		int fd = open(p, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
		size_t sub = 0; /* the length of p with a subfolder appended, or 0 */
		ssize_t n = 0;

		if (fd < 0)
			return remove_failed(err, p, errno);
		while (!sub && (n = getdents64(fd, buf, sizeof(buf))) > 0) {
			for (ssize_t off = 0; off < n;) {
				const struct dirent64 *e = (const struct dirent64 *)(buf + off);
				bool dir = e->d_type == DT_DIR;

				off += e->d_reclen;
				if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
					continue;
				if (e->d_type == DT_UNKNOWN)
					dir = fstatat(fd, e->d_name, &st, AT_SYMLINK_NOFOLLOW) ==
						      0 &&
					      S_ISDIR(st.st_mode);
				if (dir) {
					size_t k = strlen(e->d_name);

					if (sub)
						continue;
					if (len + 1 + k >= sizeof(p)) {
						close(fd);
						return remove_failed(err, p, ENAMETOOLONG);
					}
					p[len] = '/';
					memcpy(p + len + 1, e->d_name, k + 1);
					sub = len + 1 + k;
				} else if (unlinkat(fd, e->d_name, 0) != 0 && errno != ENOENT) {
					int saved = errno;

					close(fd);
					p[len] = '\0';
					return remove_failed(err, p, saved);
				}
			}
		}
		if (!sub && n < 0) {
			int saved = errno;

			close(fd);
			return remove_failed(err, p, saved);
		}
		close(fd);
		if (sub) {
			len = sub;
			continue;
		}
		if (rmdir(p) != 0 && errno != ENOENT)
			return remove_failed(err, p, errno);
		if (len == root)
			return true;
		while (len > root && p[len] != '/')
			len--;
		p[len] = '\0';
	}
}

static bool fsync_path(const char *path, bool dir, struct strbuf *err)
{
	int fd = open(path, (dir ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);

	if (fd < 0) {
		if (err)
			sb_addf(err, "%s を開けません: %s", path, fs_strerror(errno));
		return false;
	}
	if (fsync(fd) != 0) {
		if (err)
			sb_addf(err, "%s をディスクに書き出せません (fsync): %s", path,
				fs_strerror(errno));
		close(fd);
		return false;
	}
	close(fd);
	return true;
}

bool fs_fsync_dir(const char *path, struct strbuf *err)
{
	return fsync_path(path, true, err);
}

static bool fsync_each(const char *path, struct strbuf *err)
{
	DIR *d = opendir(path);
	struct dirent *e;
	bool ok = true;

	if (!d) {
		sb_addf(err, "%s を開けません: %s", path, fs_strerror(errno));
		return false;
	}
	while (ok && (e = readdir(d)) != NULL) {
		struct strbuf sub = STRBUF_INIT;
		struct stat st;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		sb_addf(&sub, "%s/%s", path, e->d_name);
		if (lstat(sb_str(&sub), &st) != 0) {
			sb_addf(err, "%s を開けません: %s", sb_str(&sub), fs_strerror(errno));
			ok = false;
		} else if (S_ISDIR(st.st_mode)) {
			ok = fsync_each(sb_str(&sub), err);
		} else if (S_ISREG(st.st_mode)) {
			ok = fsync_path(sb_str(&sub), false, err);
		}
		sb_release(&sub);
	}
	closedir(d);
	return ok && fsync_path(path, true, err);
}

/*
 * Whether one syncfs() of the file system that fd is on makes a tree written
 * on it durable, and says so when it cannot: a local disk file system (ext4,
 * XFS, Btrfs, F2FS; tmpfs keeps nothing anyway), whose syncfs writes back
 * every dirty file and folder, commits the journal and waits, and a kernel
 * whose syncfs reports writeback errors (5.8) and the file system's own
 * errors in committing (5.17): Linux 5.17 and later. A network
 * share (NFS, SMB), FUSE or an overlay gets an fsync of each file and folder.
 * KAIKAKU_SYNC=files asks for the latter everywhere (the tests try both).
 */
static bool syncfs_is_enough(int fd)
{
	const char *mode = getenv("KAIKAKU_SYNC");
	struct statfs fs;
	struct utsname u;
	unsigned major = 0, minor = 0;

	if (mode && strcmp(mode, "files") == 0)
		return false;
	if (fstatfs(fd, &fs) != 0)
		return false;
	switch ((unsigned long)fs.f_type) {
	case 0xEF53UL:     /* ext2, ext3, ext4 */
	case 0x58465342UL: /* XFS */
	case 0x9123683EUL: /* Btrfs */
	case 0xF2F52010UL: /* F2FS */
	case 0x01021994UL: /* tmpfs */
		break;
	default:
		return false;
	}
	if (uname(&u) != 0 || sscanf(u.release, "%u.%u", &major, &minor) != 2)
		return false;
	return major > 5 || (major == 5 && minor >= 17);
}

bool fs_fsync_tree(const char *path, int early, struct strbuf *err)
{
	int fd = early >= 0 ? early : open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	bool one, ok = true;

	if (fd < 0) {
		sb_addf(err, "%s を開けません: %s", path, fs_strerror(errno));
		return false;
	}
	one = syncfs_is_enough(fd);
	if (one && syncfs(fd) != 0) {
		sb_addf(err, "%s をディスクに書き出せません (syncfs): %s", path,
			fs_strerror(errno));
		ok = false;
	}
	if (fd != early)
		close(fd);
	/* (one call where thousands of fsyncs each committed the journal: at M,
	 * 1,117 files in 0.1 s instead of 0.7 s) */
	return ok && (one || fsync_each(path, err));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool list_into(const char *root, const char *rel, char ***out, size_t *n, size_t *cap,
		      struct strbuf *err)
{
	struct strbuf dir = STRBUF_INIT;
	DIR *d;
	struct dirent *e;
	bool ok = true;

	sb_addf(&dir, "%s%s%s", root, *rel ? "/" : "", rel);
	d = opendir(sb_str(&dir));
	if (!d) {
		sb_addf(err, "%s を開けません: %s", sb_str(&dir), fs_strerror(errno));
		sb_release(&dir);
		return false;
	}
	while (ok && (e = readdir(d)) != NULL) {
		struct strbuf sub = STRBUF_INIT, full = STRBUF_INIT;
		struct stat st;

		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		sb_addf(&sub, "%s%s%s", rel, *rel ? "/" : "", e->d_name);
		sb_addf(&full, "%s/%s", root, sb_str(&sub));
		if (lstat(sb_str(&full), &st) == 0 && S_ISDIR(st.st_mode)) {
			ok = list_into(root, sb_str(&sub), out, n, cap, err);
			sb_release(&sub);
		} else {
			xgrow((void **)out, cap, *n + 1, sizeof(**out));
			(*out)[(*n)++] = sb_detach(&sub);
		}
		sb_release(&full);
	}
	closedir(d);
	sb_release(&dir);
	return ok;
}

bool fs_list_files(const char *root, char ***out, size_t *n, struct strbuf *err)
{
	size_t cap = 0;

	*out = NULL;
	*n = 0;
	if (!list_into(root, "", out, n, &cap, err)) {
		fs_free_list(*out, *n);
		*out = NULL;
		*n = 0;
		return false;
	}
	if (*n)
		qsort(*out, *n, sizeof(**out), cmp_str);
	return true;
}

void fs_free_list(char **list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(list[i]);
	free(list);
}
