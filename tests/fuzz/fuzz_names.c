/*
 * fuzz_names.c - libFuzzer: names from data made into file names (names.c,
 * contract §4), where issue 16 found collisions and lost suffixes. The input
 * is split at NUL bytes into names given out one after another by one
 * name_set, as the department packs and the feedback workbooks are. Each
 * name must be valid UTF-8, hold no / \ NUL, control character, : * ? " < > |
 * or invisible control, not start with "." nor end with a dot or a space,
 * keep its "_2026Q3" and ".pdf" whole, fit in NAME_MAX_BYTES before the
 * extension and its tail, and differ from every earlier one by more than
 * case.
 */
#include "kaikaku.h"

#include "names.h"
#include "strbuf.h"
#include "utf8.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define TAIL "_2026Q3"
#define EXT ".pdf"

static void check(bool ok, const char *what, const char *name)
{
	if (!ok) {
		fprintf(stderr, "fuzz_names: %s: [%s]\n", what, name);
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct name_set ns;
	char **given = NULL;
	size_t ngiven = 0, start = 0;

	name_set_init(&ns);
	for (size_t i = 0; i <= size && ngiven < 64; i++) {
		struct strbuf base = STRBUF_INIT, out = STRBUF_INIT;
		const char *n;
		size_t len;

		if (i < size && data[i] != 0)
			continue;
		sb_add(&base, (const char *)data + start, i - start);
		start = i + 1;
		name_make_tail(&ns, sb_str(&base), TAIL, EXT, &out);
		n = sb_str(&out);
		len = strlen(n);
		check(utf8_valid((const unsigned char *)n, len, NULL), "not UTF-8", n);
		check(len > strlen(TAIL EXT) && strcmp(n + len - strlen(EXT), EXT) == 0 &&
			      strstr(n, TAIL) != NULL,
		      "tail or extension lost", n);
		check(len <= NAME_MAX_BYTES + strlen(TAIL EXT) + 8, "too long", n);
		check(n[0] != '.', "leading dot", n);
		for (const unsigned char *p = (const unsigned char *)n; *p; p++)
			check(*p >= 0x20 && *p != 0x7F && !strchr("/\\:*?\"<>|", *p),
			      "forbidden character", n);
		check(strstr(n, "\xE2\x80\xAE") == NULL && strstr(n, "\xE2\x80\x8B") == NULL,
		      "invisible control", n);
		for (size_t k = 0; k < ngiven; k++)
			check(strcasecmp(given[k], n) != 0, "two names alike", n);
		given = xrealloc(given, (ngiven + 1) * sizeof(*given));
		given[ngiven++] = sb_detach(&out);
		sb_release(&base);
	}
	for (size_t k = 0; k < ngiven; k++)
		free(given[k]);
	free(given);
	name_set_release(&ns);
	return 0;
}
