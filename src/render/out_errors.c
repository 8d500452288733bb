/*
 * out_errors.c - the errors CSV.
 */
#include "kaikaku.h"

#include "csv_write.h"
#include "fs.h"
#include "render.h"

static bool write_errors(const struct render_input *in, const char *path, struct strbuf *err)
{
	const struct diags *d = in->d;
	struct strbuf sb = STRBUF_INIT;
	bool ok;

	sb_adds(&sb, "\xEF\xBB\xBF"
		     "severity,file,sheet,row,column,value,message\r\n");
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];
		struct strbuf msg = STRBUF_INIT;

		sb_adds(&sb, diag_severity_name(diag_code_severity(g->code)));
		sb_addc(&sb, ',');
		csv_field(&sb, g->file);
		sb_addc(&sb, ',');
		csv_field(&sb, g->sheet);
		sb_addc(&sb, ',');
		if (g->row > 0)
			sb_addf(&sb, "%d", g->row);
		sb_addc(&sb, ',');
		csv_field(&sb, g->column);
		sb_addc(&sb, ',');
		csv_field(&sb, g->value);
		sb_addc(&sb, ',');
		diag_format_line(g, &msg);
		csv_field(&sb, sb_str(&msg));
		sb_release(&msg);
		sb_adds(&sb, "\r\n");
	}
	ok = fs_write_file(path, sb.buf, sb.len, err);
	sb_release(&sb);
	return ok;
}

const struct output output_errors = {
	.what = "エラー一覧（CSV）",
	.lap = "files",
	.file = FILE_ERRORS,
	.write_file = write_errors,
};
