/*
 * fs.h - file-system helpers for the output side: whole-file writes with
 * every error checked, recursive removal, fsync of a tree, mkdir -p.
 */
#ifndef KK_FS_H
#define KK_FS_H

#include "kaikaku.h"

#include "strbuf.h"

/* A system error in Japanese for the common cases (the C library's text,
 * which depends on the locale, otherwise). */
const char *fs_strerror(int err);
/* Writes data to path (created or truncated); false with the reason in err. */
bool fs_write_file(const char *path, const void *data, size_t n, struct strbuf *err);
/* Reads a whole file; false with the reason in err. */
bool fs_read_file(const char *path, struct strbuf *out, struct strbuf *err);
/* The whole file mapped read-only (the page cache's own pages, no copy and
 * no page touched yet: a font of 6 MB read into the heap cost 26 ms of page
 * faults here), its size in *n; NULL with the reason in err, also for an
 * empty file. With fd, the file stays open there (the caller closes it);
 * fs_unmap_file gives the mapping back. */
const unsigned char *fs_map_file(const char *path, int *fd, size_t *n, struct strbuf *err);
void fs_unmap_file(const unsigned char *p, size_t n);
/* Reads path through a 64 kB buffer, giving each piece to take(ctx, …) in
 * order (for hashing a file without holding it); false with the reason in err. */
bool fs_read_chunks(const char *path, void (*take)(void *ctx, const void *data, size_t n),
		    void *ctx, struct strbuf *err);
/* Creates path and its parents (mode 0777 & ~umask). */
bool fs_mkdir_p(const char *path, struct strbuf *err);
/* Removes a file or folder tree (symlinks are removed, never followed). Needs
 * no memory and one file descriptor (for the out-of-memory exit); err may be
 * NULL. */
bool fs_remove_tree(const char *path, struct strbuf *err);
/* Makes every file and folder under path, path included, durable: one
 * syncfs() on a local disk file system, else an fsync of each. early is path
 * opened before anything in it was written (kept open; or -1): syncfs reports
 * the writeback errors of the file system since its descriptor was opened, so
 * one opened only now could miss an error that another process's syncfs has
 * already collected. */
bool fs_fsync_tree(const char *path, int early, struct strbuf *err);
/* An fsync of the folder path (its entries: a rename in it); err may be NULL. */
bool fs_fsync_dir(const char *path, struct strbuf *err);
/* The regular files under root, relative to it, sorted by byte order. */
bool fs_list_files(const char *root, char ***out, size_t *n, struct strbuf *err);
void fs_free_list(char **list, size_t n);

#endif
