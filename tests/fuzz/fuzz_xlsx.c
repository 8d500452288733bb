/*
 * fuzz_xlsx.c - libFuzzer: any bytes as a workbook, through minizip, the
 * XML guard and libxml2's reader, with small limits so that bombs stay cheap.
 */
#include "kaikaku.h"

#include "diag.h"
#include "xlsx_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const struct limits lim = {
		.file_bytes = 8u << 20,
		.part_bytes = 4u << 20,
		.workbook_bytes = 16u << 20,
		.cells_per_sheet = 100000,
		.field_bytes = 1u << 16,
	};
	struct xlsx_book b;
	struct diags d;

	diags_init(&d);
	memset(&b, 0, sizeof(b));
	if (xlsx_read(data, size, &lim, "fuzz.xlsx", &b, &d))
		xlsx_book_release(&b);
	diags_release(&d);
	return 0;
}
