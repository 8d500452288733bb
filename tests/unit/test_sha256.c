/*
 * test_sha256.c - SHA-256 against FIPS 180-4's examples and NIST's long
 * message, and the same hash for data fed in one piece or in uneven pieces.
 */
#include "kaikaku.h"

#include "sha256.h"
#include "unit.h"

static void hex_of(const void *p, size_t n, char out[65])
{
	sha256_hex(p, n, out);
}

static void test_vectors(void)
{
	char hex[65];
	char *million = xmalloc(1000000);

	hex_of("", 0, hex);
	CHECK_STR(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	hex_of("abc", 3, hex);
	CHECK_STR(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	hex_of("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", 56, hex);
	CHECK_STR(hex, "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	hex_of("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklm"
	       "nopqrlmnopqrsmnopqrstnopqrstu",
	       112, hex);
	CHECK_STR(hex, "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
	memset(million, 'a', 1000000);
	hex_of(million, 1000000, hex);
	CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	free(million);
}

/* The same hash however the data is fed: every length up to three blocks and
 * a bit, in one piece and in pieces of 1, 2, 3, ... bytes. */
static void test_pieces(void)
{
	unsigned char data[200];
	uint32_t x = 12345;

	for (size_t i = 0; i < sizeof(data); i++) {
		x = x * 1103515245u + 12345u;
		data[i] = (unsigned char)(x >> 16);
	}
	for (size_t n = 0; n <= sizeof(data); n++) {
		char a[65], c[65];
		struct sha256 s;

		sha256_hex(data, n, a);
		sha256_init(&s);
		for (size_t at = 0, k = 1; at < n; at += k, k++)
			sha256_update(&s, data + at, k < n - at ? k : n - at);
		sha256_final_hex(&s, c);
		CHECK_MSG(strcmp(a, c) == 0, "length %zu: %s / %s", n, a, c);
	}
}

int main(void)
{
	test_vectors();
	test_pieces();
	return unit_report("test_sha256");
}
