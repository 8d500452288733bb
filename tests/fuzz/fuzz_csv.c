/*
 * fuzz_csv.c - libFuzzer: any bytes through the encoding detection and the
 * CSV reader, as a submitted .csv file goes.
 */
#include "kaikaku.h"

#include "csv_read.h"
#include "encoding.h"
#include "grid.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct decoded d;
	struct grid *g;
	struct csv_failure f;

	if (text_decode(data, size, &d) != DECODE_OK) {
		free(d.text);
		return 0;
	}
	g = grid_new(NULL, 0);
	if (csv_read(d.text, d.len, 4096, 20000, g, &f))
		grid_finish(g);
	grid_free(g);
	free(d.text);
	return 0;
}
