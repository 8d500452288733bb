/*
 * inspect.c - a per-file report of what the readers and the parser saw.
 */
#include "kaikaku.h"

#include "diag.h"
#include "encoding.h"
#include "grid.h"
#include "ingest.h"
#include "inspect.h"
#include "parse.h"
#include "recognise.h"

static void print_diag(FILE *out, const struct diag *g)
{
	fprintf(out, "    %s ", diag_code_severity(g->code) == SEV_ERROR ? "エラー" : "警告");
	if (g->sheet)
		fprintf(out, "シート「%s」 ", g->sheet);
	if (g->row > 0)
		fprintf(out, "%d行目 ", g->row);
	if (g->column)
		fprintf(out, "列「%s」 ", g->column);
	if (g->value)
		fprintf(out, "値「%s」 ", g->value);
	fprintf(out, "[%s] %s\n", diag_code_name(g->code), g->message);
}

static void print_table(FILE *out, const struct table *t)
{
	const struct kind_def *kd = kind_def(t->kind);

	if (t->sheet)
		fprintf(out, "  シート「%s」\n", t->sheet);
	else
		fprintf(out, "  表\n");
	if (!kd) {
		fprintf(out, "    種類: 不明（%s）\n", t->why ? t->why : "");
		return;
	}
	fprintf(out, "    種類: %s（%s）\n", kd->name, kd->ja);
	fprintf(out, "    見出し行: %u行目\n", t->header_row);
	fprintf(out, "    列:");
	for (size_t pass = 0; pass < 2; pass++) {
		const enum column_id *cols = pass ? kd->optional : kd->required;
		size_t n = pass ? kd->noptional : kd->nrequired;

		for (size_t i = 0; i < n; i++) {
			char letters[8];

			if (t->col[cols[i]] < 0) {
				fprintf(out, " %s=なし", column_ja(cols[i]));
				continue;
			}
			grid_col_name((uint32_t)t->col[cols[i]], letters);
			fprintf(out, " %s=%s列", column_ja(cols[i]), letters);
		}
	}
	fprintf(out, "\n    データ行: %d 行", t->rows);
	if (t->skipped)
		fprintf(out, "（うち値が空で報告なしの行 %d）", t->skipped);
	fputc('\n', out);
}

int inspect_files(char *const *files, int n, const struct settings *s, FILE *out)
{
	int status = 0;

	for (int i = 0; i < n; i++) {
		struct parsed p;
		struct diags d;
		const struct input_file *f;
		struct strbuf rel = STRBUF_INIT;

		parsed_init(&p);
		diags_init(&d);
		(void)name_decode(files[i], &rel);
		ingest_file(&p, files[i], sb_str(&rel), s, &d);
		sb_release(&rel);
		diags_sort(&d);
		f = &p.files[0];
		fprintf(out, "%s%s\n", i ? "\n" : "", f->path);
		fprintf(out, "  形式: %s、%llu バイト", f->format, (unsigned long long)f->bytes);
		if (f->sha256[0])
			fprintf(out, "、SHA-256 %s", f->sha256);
		fputc('\n', out);
		if (f->failed)
			fprintf(out, "  ファイル全体を読めませんでした\n");
		else if (f->ignored)
			fprintf(out, "  読み込みの対象外です\n");
		else if (p.ntables == 0)
			fprintf(out, "  値の入ったシートがありません\n");
		for (size_t t = 0; t < p.ntables; t++)
			print_table(out, p.tables[t]);
		if (d.n) {
			fprintf(out, "  このファイルだけで分かるエラー・警告: %zu 件\n", d.n);
			for (size_t k = 0; k < d.n; k++)
				print_diag(out, &d.v[k]);
		} else {
			fprintf(out, "  このファイルだけで分かるエラー・警告はありません\n");
		}
		if (diags_count(&d, SEV_ERROR))
			status = 1;
		parsed_release(&p);
		diags_release(&d);
	}
	return status;
}
