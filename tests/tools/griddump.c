/*
 * griddump.c - test tool: reads each file with kaikaku's readers and prints
 * what they saw as one JSON object per file (grids, cells, records), for the
 * tests that compare the readers with independent parses.
 */
#include "kaikaku.h"

#include "diag.h"
#include "read.h"
#include "settings.h"
#include "strbuf.h"

static void json_str(const char *s)
{
	putchar('"');
	for (const unsigned char *p = (const unsigned char *)s; p && *p; p++) {
		if (*p == '"' || *p == '\\')
			printf("\\%c", *p);
		else if (*p < 0x20)
			printf("\\u%04x", *p);
		else
			putchar(*p);
	}
	putchar('"');
}

static const char *type_name(enum cell_type t)
{
	static const char *const names[] = {"text", "number", "date", "bool", "error", "novalue"};

	return names[t];
}

int main(int argc, char **argv)
{
	struct settings s;

	settings_defaults(&s);
	for (int i = 1; i < argc; i++) {
		struct diags d;
		struct read_result r;

		if (strcmp(argv[i], "--cells") == 0 && i + 1 < argc) {
			s.limits.cells_per_sheet = strtoull(argv[++i], NULL, 10);
			continue;
		}
		if (strcmp(argv[i], "--field") == 0 && i + 1 < argc) {
			s.limits.field_bytes = strtoull(argv[++i], NULL, 10);
			continue;
		}
		if (strcmp(argv[i], "--part") == 0 && i + 1 < argc) {
			s.limits.part_bytes = strtoull(argv[++i], NULL, 10);
			continue;
		}
		if (strcmp(argv[i], "--workbook") == 0 && i + 1 < argc) {
			s.limits.workbook_bytes = strtoull(argv[++i], NULL, 10);
			continue;
		}
		diags_init(&d);
		read_file(argv[i], argv[i], &s.limits, &r, &d);
		printf("{\"file\":");
		json_str(argv[i]);
		printf(",\"format\":%d,\"encoding\":\"%s\",\"marker\":", r.format,
		       r.format == FORMAT_CSV ? encoding_name(r.encoding) : "");
		if (r.marker)
			json_str(r.marker);
		else
			printf("null");
		printf(",\"grids\":[");
		for (size_t g = 0; g < r.ngrids; g++) {
			const struct grid *gr = r.grids[g];

			printf("%s{\"sheet\":", g ? "," : "");
			if (gr->sheet)
				json_str(gr->sheet);
			else
				printf("null");
			printf(",\"input\":%s,\"rows\":[",
			       r.input_sheet && r.input_sheet[g] ? "true" : "false");
			for (size_t k = 0; k < gr->nrows; k++) {
				const struct grid_row *row = &gr->rows[k];

				printf("%s{\"row\":%u,\"cells\":[", k ? "," : "", row->row);
				for (uint32_t c = 0; c < row->ncells; c++) {
					printf("%s[%u,\"%s\",", c ? "," : "", row->cells[c].col,
					       type_name(row->cells[c].type));
					json_str(row->cells[c].text);
					printf(",%.17g,%s]", row->cells[c].num,
					       row->cells[c].percent ? "true" : "false");
				}
				printf("]}");
			}
			printf("]}");
		}
		printf("],\"diags\":[");
		for (size_t k = 0; k < d.n; k++) {
			printf("%s{\"code\":\"%s\",\"sheet\":", k ? "," : "",
			       diag_code_name(d.v[k].code));
			if (d.v[k].sheet)
				json_str(d.v[k].sheet);
			else
				printf("null");
			printf(",\"message\":");
			json_str(d.v[k].message);
			printf("}");
		}
		printf("]}\n");
		read_result_release(&r);
		diags_release(&d);
	}
	settings_release(&s);
	return 0;
}
