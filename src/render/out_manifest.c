/*
 * out_manifest.c - manifest.json, written by hand with stable key order.
 */
#include "kaikaku.h"

#include <math.h>
#include <sys/stat.h>

#include "arena.h"
#include "fs.h"
#include "hashmap.h"
#include "jobs.h"
#include "json_write.h"
#include "number.h"
#include "period.h"
#include "recognise.h"
#include "render.h"
#include "sha256.h"

struct out_entry {
	char *path; /* relative to the output folder */
	uint64_t bytes;
	char sha256[65];
};

static void status_counts(struct strbuf *sb, const char *key, const int *counts,
			  const enum status *order, size_t n, bool last)
{
	sb_addf(sb, "  \"%s\": {", key);
	for (size_t i = 0; i < n; i++)
		sb_addf(sb, "%s\"%s\": %d", i ? ", " : "", status_word(order[i]), counts[order[i]]);
	sb_addf(sb, "}%s\n", last ? "" : ",");
}

static void input_entry(struct strbuf *sb, bool *first, const char *path, const char *sheet,
			const char *kind, const char *format, uint32_t header_row, int rows,
			int accepted, int rejected, int skipped)
{
	sb_adds(sb, *first ? "\n" : ",\n");
	*first = false;
	sb_adds(sb, "    {\"path\": ");
	json_string(sb, path);
	sb_adds(sb, ", \"sheet\": ");
	json_string(sb, sheet);
	sb_adds(sb, ", \"kind\": ");
	json_string(sb, kind);
	sb_adds(sb, ", \"format\": ");
	json_string(sb, format);
	if (header_row)
		sb_addf(sb, ", \"header_row\": %u", header_row);
	else
		sb_adds(sb, ", \"header_row\": null");
	sb_addf(sb, ", \"rows\": %d, \"accepted\": %d, \"rejected\": %d, \"skipped\": %d}", rows,
		accepted, rejected, skipped);
}

static void pace_json(struct strbuf *sb, const struct briefing *b);

/* The KGI, with its pace at P when pace is given. */
static void kgi_json(struct strbuf *sb, const struct kgi *k, double target,
		     const struct briefing *pace)
{
	sb_adds(sb, "{\"hours_saved\": ");
	json_number(sb, k->hours_saved);
	sb_adds(sb, ", \"baseline_hours\": ");
	json_number(sb, k->baseline_hours);
	sb_adds(sb, ", \"rate\": ");
	if (k->rate >= 0)
		json_number(sb, k->rate);
	else
		sb_adds(sb, "null");
	sb_adds(sb, ", \"target\": ");
	json_number(sb, target);
	if (pace)
		pace_json(sb, pace);
	sb_adds(sb, "}");
}

/* The KGI's pace at P: expected_rate, status, start, due, pace_needed and
 * pace_so_far (null where there is none). */
static void pace_json(struct strbuf *sb, const struct briefing *b)
{
	char start[PERIOD_CODE_MAX], due[PERIOD_CODE_MAX];

	period_code(b->start, start);
	period_code(b->due, due);
	sb_adds(sb, ", \"expected_rate\": ");
	json_number(sb, b->kgi.expected);
	sb_adds(sb, ", \"status\": ");
	if (b->kgi.has_rate)
		json_string(sb, status_word(b->kgi.status));
	else
		sb_adds(sb, "null");
	sb_addf(sb, ", \"start\": \"%s\", \"due\": \"%s\", \"pace_needed\": ", start, due);
	if (b->kgi.has_needed)
		json_number(sb, b->kgi.needed);
	else
		sb_adds(sb, "null");
	sb_adds(sb, ", \"pace_so_far\": ");
	if (b->kgi.has_so_far)
		json_number(sb, b->kgi.so_far);
	else
		sb_adds(sb, "null");
}

/* One file to read and hash (a hard link's first name), in a thread of its own. */
struct hashing {
	const char *dir;
	char **files;
	struct out_entry *e;
	size_t *which; /* the entries to hash, by file */
	char **failed; /* [n]: why a file could not be read, or NULL */
};

struct hash_state {
	struct sha256 sha;
	uint64_t bytes;
};

static void hash_piece(void *ctx, const void *data, size_t n)
{
	struct hash_state *st = ctx;

	sha256_update(&st->sha, data, n);
	st->bytes += n;
}

/* Streamed through a small buffer: the threads never hold whole outputs (a
 * summary workbook or a review pack of tens of MB each). */
static void hash_one(void *ctx, size_t k)
{
	struct hashing *h = ctx;
	size_t i = h->which[k];
	struct strbuf full = STRBUF_INIT, err = STRBUF_INIT;
	struct hash_state st = {{0}, 0};

	sb_addf(&full, "%s/%s", h->dir, h->files[i]);
	sha256_init(&st.sha);
	if (fs_read_chunks(sb_str(&full), hash_piece, &st, &err))
		h->e[i].bytes = st.bytes;
	else
		h->failed[k] = sb_detach(&err);
	sha256_final_hex(&st.sha, h->e[i].sha256);
	sb_release(&full);
	sb_release(&err);
}

/* The files written, with sizes and hashes, relative to the output folder.
 * A file hard-linked twice (配布/ and its original) is read and hashed once;
 * the files are hashed by up to jobs threads (issue 17), each into its own
 * entry, so the list is the same whatever jobs is. */
static bool list_outputs(const char *dir, const char *name, unsigned jobs, struct out_entry **out,
			 size_t *n, struct strbuf *err)
{
	char **files;
	size_t nf, nhash = 0, *twin;
	struct hmap seen; /* "dev:inode" of a linked file -> its first entry + 1 */
	struct arena keys;
	struct hashing h;
	bool ok = true;

	*n = 0;
	if (!fs_list_files(dir, &files, &nf, err))
		return false;
	*out = xcalloc(nf + 1, sizeof(**out));
	twin = xcalloc(nf + 1, sizeof(*twin));
	h = (struct hashing){dir, files, *out, xcalloc(nf + 1, sizeof(size_t)),
			     xcalloc(nf + 1, sizeof(char *))};
	hmap_init(&seen);
	arena_init(&keys);
	for (size_t i = 0; i < nf; i++) {
		struct strbuf full = STRBUF_INIT, inode = STRBUF_INIT;
		struct stat st;
		void *first = NULL;

		sb_addf(&full, "%s/%s", dir, files[i]);
		if (stat(sb_str(&full), &st) == 0 && st.st_nlink > 1) {
			sb_addf(&inode, "%llu:%llu", (unsigned long long)st.st_dev,
				(unsigned long long)st.st_ino);
			first = hmap_get(&seen, sb_str(&inode));
			if (!first)
				hmap_put(&seen, arena_strdup(&keys, sb_str(&inode)),
					 (void *)(uintptr_t)(i + 1));
		}
		if (first)
			twin[i] = (size_t)(uintptr_t)first; /* its first entry + 1 */
		else
			h.which[nhash++] = i;
		sb_release(&full);
		sb_release(&inode);
	}
	threads_run(nhash, jobs, hash_one, &h);
	/* the first file that could not be read, in the list's order */
	for (size_t k = 0; k < nhash; k++)
		if (h.failed[k]) {
			if (ok)
				sb_adds(err, h.failed[k]);
			ok = false;
			free(h.failed[k]);
		}
	for (size_t i = 0; i < nf && ok; i++) {
		struct strbuf rel = STRBUF_INIT;

		if (twin[i]) {
			(*out)[i].bytes = (*out)[twin[i] - 1].bytes;
			memcpy((*out)[i].sha256, (*out)[twin[i] - 1].sha256,
			       sizeof((*out)[i].sha256));
		}
		sb_addf(&rel, "%s/%s", name, files[i]);
		(*out)[i].path = sb_detach(&rel);
		(*n)++;
	}
	free(twin);
	free(h.which);
	free(h.failed);
	hmap_release(&seen);
	arena_release(&keys);
	fs_free_list(files, nf);
	return ok;
}

static void free_outputs(struct out_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(e[i].path);
	free(e);
}

static bool write_manifest(const struct render_input *in, const char *path, struct strbuf *err)
{
	const struct model *m = in->m;
	const struct result *r = in->r;
	const struct parsed *p = in->p;
	const struct diags *d = in->d;
	int exit_status = in->exit_status;
	struct out_entry *files = NULL;
	size_t nfiles = 0;
	struct strbuf sb = STRBUF_INIT;
	bool first = true, ok;
	size_t t = 0;

	/* the manifest lists everything written before it */
	if (!list_outputs(in->dir, in->labels.code, in->jobs, &files, &nfiles, err)) {
		free_outputs(files, nfiles);
		return false;
	}
	sb_adds(&sb, "{\n  \"generator\": \"kaikaku " KAIKAKU_VERSION "\",\n");
	sb_addf(&sb, "  \"period\": \"%s\",\n  \"period_label\": ", in->labels.code);
	json_string(&sb, in->labels.period_long);
	sb_addf(&sb, ",\n  \"exit_status\": %d,\n", exit_status);
	sb_addf(&sb, "  \"errors\": %zu,\n  \"warnings\": %zu,\n", diags_count(d, SEV_ERROR),
		diags_count(d, SEV_WARNING));
	sb_adds(&sb, "  \"files\": [");
	for (size_t i = 0; i < nfiles; i++) {
		sb_adds(&sb, i ? ",\n    {\"path\": " : "\n    {\"path\": ");
		json_string(&sb, files[i].path);
		sb_addf(&sb, ", \"bytes\": %llu, \"sha256\": \"%s\"}",
			(unsigned long long)files[i].bytes, files[i].sha256);
	}
	sb_adds(&sb, nfiles ? "\n  ],\n" : "],\n");
	sb_adds(&sb, "  \"inputs\": [");
	/* tables are in file order: each file's tables follow it */
	for (size_t i = 0; i < p->nfiles; i++) {
		const struct input_file *f = &p->files[i];
		bool any = false;

		for (; t < p->ntables && strcmp(p->tables[t]->file, f->path) == 0; t++) {
			const struct table *tb = p->tables[t];
			const struct kind_def *kd = kind_def(tb->kind);

			input_entry(&sb, &first, tb->file, tb->sheet,
				    kd ? kd->name : "unrecognised", f->format, tb->header_row,
				    tb->rows, in->counts->tables[tb->index].accepted,
				    in->counts->tables[tb->index].rejected, tb->skipped);
			any = true;
		}
		if (!any)
			input_entry(&sb, &first, f->path, NULL,
				    f->failed    ? "error"
				    : f->ignored ? "ignored"
						 : "empty",
				    f->format, 0, 0, 0, 0, 0);
	}
	sb_adds(&sb, first ? "],\n" : "\n  ],\n");
	sb_adds(&sb, "  \"kgi\": ");
	kgi_json(&sb, &r->kgi, r->params.kgi_target, in->b);
	sb_adds(&sb, ",\n");
	status_counts(&sb, "kpi_status", r->city.kpis, status_kpi_order, 5, false);
	status_counts(&sb, "kpi_status_previous", in->prev->city.kpis, status_kpi_order, 5, false);
	status_counts(&sb, "milestone_status", r->city.milestones, status_milestone_order, 5,
		      false);
	status_counts(&sb, "measure_status", r->city.measures, status_measure_order, 9, false);
	sb_addf(&sb,
		"  \"counts\": {\"departments\": %zu, \"divisions\": %zu, \"measures\": %zu, "
		"\"kpis\": %zu, \"milestones\": %zu},\n",
		m->ndepartments, m->ndivisions, m->nmeasures, m->nkpis, m->nmilestones);
	sb_adds(&sb, "  \"missing_submissions\": [");
	for (size_t i = 0; i < r->nmissing; i++) {
		if (i)
			sb_adds(&sb, ", ");
		json_string(&sb, m->divisions[r->missing[i]].code);
	}
	sb_adds(&sb, "],\n");
	sb_adds(&sb, "  \"no_action\": [");
	for (size_t i = 0; i < in->b->nno_action; i++) {
		if (i)
			sb_adds(&sb, ", ");
		json_string(&sb, item_id(m, &in->b->no_action[i]));
	}
	sb_adds(&sb, "],\n");
	sb_addf(&sb,
		"  \"changes\": {\"worse\": %zu, \"improved\": %zu},\n"
		"  \"completeness\": {\"owed\": %d, \"reported\": %d},\n",
		in->b->nworse, in->b->nimproved, in->b->city.owed, in->b->city.reported);
	if (in->restatements >= 0)
		sb_addf(&sb, "  \"restatements\": %ld,\n", in->restatements);
	else
		sb_adds(&sb, "  \"restatements\": null,\n");
	sb_adds(&sb, "  \"trend\": [");
	for (size_t i = 0; i < r->ntrend; i++) {
		char pc[PERIOD_CODE_MAX];

		period_code(r->trend[i], pc);
		sb_addf(&sb, "%s\n    {\"period\": \"%s\", \"kgi\": ", i ? "," : "", pc);
		kgi_json(&sb, &r->trend_city[i], r->params.kgi_target, NULL);
		sb_adds(&sb, "}");
	}
	sb_adds(&sb, r->ntrend ? "\n  ]\n}\n" : "]\n}\n");
	ok = fs_write_file(path, sb.buf, sb.len, err);
	sb_release(&sb);
	free_outputs(files, nfiles);
	return ok;
}

const struct output output_manifest = {
	.what = "マニフェスト（manifest.json）",
	.lap = "manifest",
	.file = FILE_MANIFEST,
	.write_file = write_manifest,
};
