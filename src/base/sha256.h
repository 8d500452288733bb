/*
 * sha256.h - SHA-256 (FIPS 180-4) for the manifest and the submission ledger.
 */
#ifndef KK_SHA256_H
#define KK_SHA256_H

#include "kaikaku.h"

struct sha256 {
	uint32_t h[8];
	uint64_t len;
	unsigned char buf[64];
	size_t nbuf;
};

void sha256_init(struct sha256 *s);
void sha256_update(struct sha256 *s, const void *data, size_t n);
/* Writes 64 lower-case hex digits and a NUL into hex. */
void sha256_final_hex(struct sha256 *s, char hex[65]);
void sha256_hex(const void *data, size_t n, char hex[65]);
/* Whether the processor's SHA instructions are used (they are when it has
 * them); allow = false makes every later call use the portable code (for
 * the tests, which compare the two). */
bool sha256_accelerated(bool allow);

#endif
