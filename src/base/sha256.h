/*
 * sha256.h - SHA-256 (FIPS 180-4) for the manifest and the submission ledger,
 * by OpenSSL's libcrypto (EVP), which uses the processor's SHA instructions
 * when it has them.
 */
#ifndef KK_SHA256_H
#define KK_SHA256_H

#include <openssl/types.h>

#include "kaikaku.h"

/* A hash being fed: sha256_init() starts it, sha256_final_hex() ends it and
 * frees what init allocated (each init needs its final). */
struct sha256 {
	EVP_MD_CTX *ctx;
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t n);
/* Writes 64 lower-case hex digits and a NUL into hex. */
void sha256_final_hex(struct sha256 *s, char hex[65]);
void sha256_hex(const void *data, size_t n, char hex[65]);

#endif
