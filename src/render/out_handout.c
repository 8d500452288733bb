/*
 * out_handout.c - 配布/: what each department receives, ready to hand out
 * (issue 18): one folder per department holding its review pack and its
 * divisions' feedback workbooks under names a person reads ("総務部_四半期
 * レビュー_2026Q3.pdf", "総務課_フィードバックと2026Q4提出用.xlsx"), and
 * 配布一覧.csv (部, 課, the file, the division's 連絡先) for a mail merge or a
 * groupware upload. The files are hard links to departments/ and feedback/
 * (copies where the file system has no links, as some shares do); written
 * after both, so it reads the paths the writers used (render_item_paths).
 */
#include "kaikaku.h"

#include <errno.h>
#include <unistd.h>

#include "csv_write.h"
#include "fs.h"
#include "names.h"
#include "render.h"

/* to as a link to from, else a copy of it. */
static bool link_or_copy(const char *from, const char *to, struct strbuf *err)
{
	struct strbuf data = STRBUF_INIT;
	bool ok;

	if (link(from, to) == 0)
		return true;
	if (errno != EXDEV && errno != EPERM && errno != EOPNOTSUPP && errno != EMLINK &&
	    errno != ENOSYS) {
		sb_addf(err, "%s を作れません: %s", to, fs_strerror(errno));
		return false;
	}
	ok = fs_read_file(from, &data, err) && fs_write_file(to, data.buf, data.len, err);
	sb_release(&data);
	return ok;
}

/* One row of 配布一覧.csv. */
static void list_row(struct strbuf *csv, const char *dept, const char *code, const char *name,
		     const char *file, const char *what, const char *contact)
{
	const char *f[] = {dept, code, name, file, what, contact};

	for (size_t i = 0; i < ARRAY_LEN(f); i++) {
		if (i)
			sb_addc(csv, ',');
		csv_field(csv, f[i] ? f[i] : "");
	}
	sb_adds(csv, "\r\n");
}

/* Department d's folder: its pack and its divisions' workbooks. */
static bool department(const struct render_input *in, size_t d, const char *root,
		       struct name_set *folders, char **packs, char **books, struct strbuf *csv,
		       struct strbuf *err)
{
	const struct model *m = in->m;
	const struct department *de = &m->departments[d];
	struct name_set files;
	struct strbuf dir = STRBUF_INIT, name = STRBUF_INIT, tail = STRBUF_INIT, path = STRBUF_INIT,
		      rel = STRBUF_INIT;
	size_t folder_at;
	bool ok;

	sb_addf(&dir, "%s/", root);
	folder_at = dir.len;
	name_make(folders, de->name, "", &dir);
	ok = fs_mkdir_p(sb_str(&dir), err);
	name_set_init(&files);
	sb_addf(&tail, "_四半期レビュー_%s", in->labels.code);
	name_make_tail(&files, de->name, sb_str(&tail), ".pdf", &name);
	sb_addf(&path, "%s/%s", sb_str(&dir), sb_str(&name));
	sb_addf(&rel, "%s/%s", sb_str(&dir) + folder_at, sb_str(&name));
	ok = ok && link_or_copy(packs[d], sb_str(&path), err);
	if (ok)
		list_row(csv, de->name, NULL, NULL, sb_str(&rel), "部のレビュー資料（PDF）", NULL);
	sb_reset(&tail);
	sb_addf(&tail, "_フィードバックと%s提出用", in->labels.next_code);
	for (size_t k = 0; ok && k < de->ndivisions; k++) {
		const struct division *dv = &m->divisions[de->divisions[k]];

		sb_reset(&name);
		name_make_tail(&files, dv->name, sb_str(&tail), ".xlsx", &name);
		sb_reset(&path);
		sb_addf(&path, "%s/%s", sb_str(&dir), sb_str(&name));
		sb_reset(&rel);
		sb_addf(&rel, "%s/%s", sb_str(&dir) + folder_at, sb_str(&name));
		ok = link_or_copy(books[de->divisions[k]], sb_str(&path), err);
		if (ok)
			list_row(csv, de->name, dv->code, dv->name, sb_str(&rel),
				 "課のフィードバックと次の提出用のブック（Excel）", dv->contact);
	}
	name_set_release(&files);
	sb_release(&dir);
	sb_release(&name);
	sb_release(&tail);
	sb_release(&path);
	sb_release(&rel);
	return ok;
}

static bool write_handout(const struct render_input *in, const char *path, struct strbuf *err)
{
	const struct model *m = in->m;
	char *root = render_subdir(in, DIR_HANDOUT, err);
	struct strbuf dir = STRBUF_INIT, csv = STRBUF_INIT;
	char **packs, **books;
	struct name_set folders;
	bool ok = root != NULL;

	if (!ok)
		return false;
	sb_addf(&dir, "%s/departments", in->dir);
	packs = render_item_paths(in, sb_str(&dir), true, ".pdf");
	sb_reset(&dir);
	sb_addf(&dir, "%s/feedback", in->dir);
	books = render_item_paths(in, sb_str(&dir), false, ".xlsx");
	/* UTF-8 with a BOM and CRLF: Excel on a Windows PC opens it as is */
	sb_adds(&csv, "\xEF\xBB\xBF");
	list_row(&csv, "部", "課コード", "課", "ファイル", "内容", "連絡先");
	name_set_init(&folders);
	for (size_t d = 0; ok && d < m->ndepartments; d++)
		ok = department(in, d, root, &folders, packs, books, &csv, err);
	name_set_release(&folders);
	ok = ok && fs_write_file(path, csv.buf, csv.len, err);
	render_item_paths_free(packs, m->ndepartments);
	render_item_paths_free(books, m->ndivisions);
	sb_release(&dir);
	sb_release(&csv);
	free(root);
	return ok;
}

const struct output output_handout = {
	.what = "配布用のフォルダ（配布/）",
	.lap = "files",
	.file = FILE_HANDOUT_LIST,
	.write_file = write_handout,
};
