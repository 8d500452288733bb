/*
 * sha256.c - SHA-256 through OpenSSL's EVP interface.
 */
#include "kaikaku.h"

#include <openssl/evp.h>

#include "sha256.h"

/* libcrypto fails only when it cannot allocate (every allocation goes
 * through xalloc.c's malloc, which exits cleanly first) or is broken:
 * either way the run cannot go on. */
static KK_NORETURN void broken(const char *what)
{
	kk_fatal("SHA-256 を計算できません（OpenSSL の %s が失敗しました）", what);
}

static void to_hex(const unsigned char md[32], char hex[65])
{
	static const char digits[] = "0123456789abcdef";

	for (int i = 0; i < 32; i++) {
		hex[2 * i] = digits[md[i] >> 4];
		hex[2 * i + 1] = digits[md[i] & 15];
	}
	hex[64] = '\0';
}

void sha256_init(struct sha256 *s)
{
	s->ctx = EVP_MD_CTX_new();
	if (!s->ctx)
		broken("EVP_MD_CTX_new");
	if (!EVP_DigestInit_ex(s->ctx, EVP_sha256(), NULL))
		broken("EVP_DigestInit_ex");
}

void sha256_update(struct sha256 *s, const void *data, size_t n)
{
	if (n && !EVP_DigestUpdate(s->ctx, data, n))
		broken("EVP_DigestUpdate");
}

void sha256_final_hex(struct sha256 *s, char hex[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned len = 0;

	if (!EVP_DigestFinal_ex(s->ctx, md, &len) || len != 32)
		broken("EVP_DigestFinal_ex");
	EVP_MD_CTX_free(s->ctx);
	s->ctx = NULL;
	to_hex(md, hex);
}

void sha256_hex(const void *data, size_t n, char hex[65])
{
	unsigned char md[EVP_MAX_MD_SIZE];
	unsigned len = 0;

	if (!EVP_Digest(n ? data : "", n, md, &len, EVP_sha256(), NULL) || len != 32)
		broken("EVP_Digest");
	to_hex(md, hex);
}
