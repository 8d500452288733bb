/*
 * test_fs.c - fs_remove_tree, which the out-of-memory exit uses (issue 16):
 * deep and wide trees, names of every length, symlinks (removed, never
 * followed), the one-descriptor budget, and a path that does not exist.
 */
#include "kaikaku.h"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "fs.h"
#include "unit.h"

static void touch(const char *path)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);

	CHECK_MSG(fd >= 0, "%s", path);
	if (fd >= 0)
		close(fd);
}

static bool exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

/* root/a/b/c/... 12 deep, each level with files, and a wide folder of 700
 * entries with long names (several getdents64 reads), with subfolders
 * among them. */
static void make_tree(const char *root, const char *outside)
{
	char p[4096];
	size_t n;

	CHECK(mkdir(root, 0755) == 0);
	snprintf(p, sizeof(p), "%s", root);
	for (int depth = 0; depth < 12; depth++) {
		n = strlen(p);
		snprintf(p + n, sizeof(p) - n, "/d%d", depth);
		CHECK(mkdir(p, 0755) == 0);
		for (int i = 0; i < 3; i++) {
			char f[8192];

			snprintf(f, sizeof(f), "%s/f%d", p, i);
			touch(f);
		}
	}
	snprintf(p, sizeof(p), "%s/wide", root);
	CHECK(mkdir(p, 0755) == 0);
	for (int i = 0; i < 700; i++) {
		char f[8192];

		snprintf(f, sizeof(f), "%s/%03d_ながいなまえのファイル_%0100d", p, i, i);
		if (i % 97 == 0) {
			CHECK(mkdir(f, 0755) == 0);
			n = strlen(f);
			snprintf(f + n, sizeof(f) - n, "/inner");
		}
		touch(f);
	}
	/* links to a folder and a file outside: removed, their targets kept */
	snprintf(p, sizeof(p), "%s/link-dir", root);
	CHECK(symlink(outside, p) == 0);
	snprintf(p, sizeof(p), "%s/d0/link-file", root);
	{
		char target[8192];

		snprintf(target, sizeof(target), "%s/keep", outside);
		CHECK(symlink(target, p) == 0);
	}
}

int main(void)
{
	char base[] = "/tmp/kk-fs-XXXXXX";
	char root[4096], outside[4096], keep[8192];
	struct strbuf err = STRBUF_INIT;

	if (!mkdtemp(base)) {
		perror("mkdtemp");
		return 1;
	}
	snprintf(root, sizeof(root), "%s/tree", base);
	snprintf(outside, sizeof(outside), "%s/outside", base);
	snprintf(keep, sizeof(keep), "%s/keep", outside);
	CHECK(mkdir(outside, 0755) == 0);
	touch(keep);

	make_tree(root, outside);
	CHECK_MSG(fs_remove_tree(root, &err), "%s", sb_str(&err));
	CHECK(!exists(root));
	CHECK(exists(keep));

	/* the fatal path's budget: no err, and one descriptor free at most */
	make_tree(root, outside);
	{
		struct rlimit old, one;
		int fd = open("/dev/null", O_RDONLY);

		getrlimit(RLIMIT_NOFILE, &old);
		one.rlim_cur = (rlim_t)fd + 1; /* the next open gets fd, no more */
		one.rlim_max = old.rlim_max;
		close(fd);
		CHECK(setrlimit(RLIMIT_NOFILE, &one) == 0);
		CHECK(fs_remove_tree(root, NULL));
		CHECK(setrlimit(RLIMIT_NOFILE, &old) == 0);
	}
	CHECK(!exists(root));
	CHECK(exists(keep));

	/* nothing there is nothing to do; a file alone is removed */
	CHECK(fs_remove_tree(root, &err));
	touch(root);
	CHECK(fs_remove_tree(root, &err) && !exists(root));

	sb_release(&err);
	CHECK(fs_remove_tree(base, NULL));
	CHECK(!exists(base));
	return unit_report("test_fs");
}
