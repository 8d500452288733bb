/*
 * publish.h - making a run atomic and cron-safe (contract §5): one run at a
 * time per output folder (flock, released by the kernel even on kill -9);
 * outputs written into a temporary folder beside the target, fsynced, then
 * swapped into place with one rename, so a failed or killed run leaves the
 * previous output/<P>/ as it was. Leftovers of killed runs are removed by the
 * next run.
 */
#ifndef KK_PUBLISH_H
#define KK_PUBLISH_H

#include "kaikaku.h"

#include "strbuf.h"

#define PUBLISH_TMP_PREFIX ".kaikaku-tmp-"
#define PUBLISH_LOCK_NAME ".kaikaku.lock"

struct publish {
	char *outdir;
	char *target; /* outdir/<P> */
	char *tmp;    /* outdir/.kaikaku-tmp-<P>-XXXXXX, while writing */
	int lockfd;
	int syncfd; /* tmp, opened before anything is written in it (its syncfs), or -1 */
};

/*
 * Creates outdir if needed, takes its lock (waiting up to wait_seconds),
 * removes what killed runs left behind and makes the temporary folder.
 */
bool publish_begin(struct publish *pb, const char *outdir, const char *name, double wait_seconds,
		   struct strbuf *err);
/* The path of rel inside the temporary folder (freed by the caller);
 * parent folders of rel are created. NULL with err on failure. */
char *publish_path(struct publish *pb, const char *rel, struct strbuf *err);
/*
 * Files of the output folder itself (feed.xml, contract §6) are written into
 * the folder this returns, PUBLISH_ROOT_DIR inside the temporary folder
 * (created; the caller frees the path), so a failed run leaves the previous
 * ones. publish_commit renames them into the output folder right after the
 * swap. A run killed between the swap and those renames leaves them in
 * outdir/<P>/PUBLISH_ROOT_DIR; the next publish_begin finishes the move (they
 * belong to the period folder that is in place).
 */
#define PUBLISH_ROOT_DIR ".kaikaku-root"
char *publish_root_dir(struct publish *pb, struct strbuf *err);
/* fsyncs everything and swaps the temporary folder into place. */
bool publish_commit(struct publish *pb, struct strbuf *err);
/* Removes the temporary folder; the previous outputs stay as they were. */
void publish_abort(struct publish *pb);
/* Releases the lock and the memory. */
void publish_end(struct publish *pb);

#endif
