/*
 * discover.c - a recursive walk of the input folder.
 */
#include "kaikaku.h"

#include <dirent.h>
#include <errno.h>
#include <sys/stat.h>

#include "discover.h"
#include "encoding.h"
#include "fs.h"

#define MAX_DEPTH 32

struct walk {
	struct discovered *out;
	struct diags *d;
	dev_t ex_dev;
	ino_t ex_ino;
	bool has_exclude;
	/* (dev, ino) of the folders on the current path, for loops */
	dev_t devs[MAX_DEPTH + 1];
	ino_t inos[MAX_DEPTH + 1];
	int depth;
};

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool skipped(const char *name)
{
	return name[0] == '.' || (name[0] == '~' && name[1] == '$');
}

static void problem(struct walk *w, enum diag_code code, const char *rel, const char *msg)
{
	struct loc loc = {rel, NULL, 0};

	diag_add(w->d, code, &loc, NULL, NULL, "%s", msg);
}

static void add_file(struct walk *w, const char *rel, const char *path)
{
	struct found *f;

	xgrow((void **)&w->out->v, &w->out->cap, w->out->n + 1, sizeof(*w->out->v));
	f = &w->out->v[w->out->n++];
	f->rel = xstrdup(rel);
	f->path = xstrdup(path);
}

static void walk_dir(struct walk *w, const char *path, const char *rel)
{
	DIR *dir = opendir(path);
	struct dirent *e;
	char **names = NULL;
	size_t n = 0, cap = 0;

	if (!dir) {
		struct strbuf m = STRBUF_INIT;

		sb_addf(&m, "フォルダを読めません: %s。", fs_strerror(errno));
		problem(w, E_READ_FAILED, rel, sb_str(&m));
		sb_release(&m);
		return;
	}
	while ((e = readdir(dir)) != NULL) {
		if (skipped(e->d_name))
			continue;
		xgrow((void **)&names, &cap, n + 1, sizeof(*names));
		names[n++] = xstrdup(e->d_name);
	}
	closedir(dir);
	if (n)
		qsort(names, n, sizeof(*names), cmp_name);
	for (size_t i = 0; i < n; i++) {
		struct strbuf p = STRBUF_INIT, r = STRBUF_INIT;
		struct stat st;

		sb_addf(&p, "%s/%s", path, names[i]);
		if (*rel)
			sb_addf(&r, "%s/", rel);
		/* the name as text in every output: UTF-8, else CP932, else escaped */
		switch (name_decode(names[i], &r)) {
		case NAME_UTF8:
			break;
		case NAME_CP932:
			problem(w, W_FILE_NAME, sb_str(&r),
				"この名前は UTF-8 "
				"ではないため、CP932（Shift_JIS）の名前として読みました。");
			break;
		case NAME_ESCAPED:
			problem(w, W_FILE_NAME, sb_str(&r),
				"この名前は UTF-8 でも CP932 でもないため、読めないバイトを \\xNN "
				"の形で示しました。");
			break;
		}
		if (stat(sb_str(&p), &st) != 0) {
			/* a dangling or looping link: read reports it, and it is listed */
			add_file(w, sb_str(&r), sb_str(&p));
		} else if (S_ISDIR(st.st_mode)) {
			bool loop = false;

			for (int k = 0; k <= w->depth; k++)
				loop = loop || (w->devs[k] == st.st_dev && w->inos[k] == st.st_ino);
			if (w->has_exclude && st.st_dev == w->ex_dev && st.st_ino == w->ex_ino) {
				/* the output folder inside the input folder */
			} else if (loop) {
				problem(w, W_FOLDER_SKIPPED, sb_str(&r),
					"フォルダのシンボリックリンクが循環しているため、この先は読"
					"みませんでした。");
			} else if (w->depth >= MAX_DEPTH) {
				problem(w, W_FOLDER_SKIPPED, sb_str(&r),
					"フォルダの階層が深すぎるため、この先は読みませんでした。");
			} else {
				w->depth++;
				w->devs[w->depth] = st.st_dev;
				w->inos[w->depth] = st.st_ino;
				walk_dir(w, sb_str(&p), sb_str(&r));
				w->depth--;
			}
		} else if (S_ISREG(st.st_mode)) {
			add_file(w, sb_str(&r), sb_str(&p));
		} else {
			problem(w, W_IGNORED_FILE, sb_str(&r),
				"通常のファイルではない（デバイス・FIFO "
				"など）ので読みませんでした。");
		}
		sb_release(&p);
		sb_release(&r);
		free(names[i]);
	}
	free(names);
}

bool discover(const char *root, const char *exclude, struct discovered *out, struct diags *d,
	      struct strbuf *err)
{
	struct walk w;
	struct stat st;
	DIR *probe;

	memset(&w, 0, sizeof(w));
	memset(out, 0, sizeof(*out));
	w.out = out;
	w.d = d;
	if (stat(root, &st) != 0) {
		sb_addf(err, "入力フォルダ「%s」を読めません: %s", root, fs_strerror(errno));
		return false;
	}
	if (!S_ISDIR(st.st_mode)) {
		sb_addf(err, "入力フォルダ「%s」はフォルダではありません", root);
		return false;
	}
	probe = opendir(root);
	if (!probe) {
		sb_addf(err, "入力フォルダ「%s」を読めません: %s", root, fs_strerror(errno));
		return false;
	}
	closedir(probe);
	if (exclude) {
		struct stat ex;

		if (stat(exclude, &ex) == 0) {
			w.has_exclude = true;
			w.ex_dev = ex.st_dev;
			w.ex_ino = ex.st_ino;
		}
	}
	w.devs[0] = st.st_dev;
	w.inos[0] = st.st_ino;
	walk_dir(&w, root, "");
	return true;
}

void discovered_release(struct discovered *f)
{
	for (size_t i = 0; i < f->n; i++) {
		free(f->v[i].rel);
		free(f->v[i].path);
	}
	free(f->v);
	memset(f, 0, sizeof(*f));
}
