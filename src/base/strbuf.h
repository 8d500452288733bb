/*
 * strbuf.h - growable NUL-terminated byte string (git's strbuf, in small).
 */
#ifndef KK_STRBUF_H
#define KK_STRBUF_H

#include "kaikaku.h"

struct strbuf {
	char *buf; /* always NUL-terminated once initialised */
	size_t len;
	size_t cap;
};

#define STRBUF_INIT        \
	{                  \
		NULL, 0, 0 \
	}

void sb_init(struct strbuf *sb);
void sb_release(struct strbuf *sb);
void sb_reset(struct strbuf *sb);
/* Room for extra more bytes (and the NUL) without growing again. */
void sb_reserve(struct strbuf *sb, size_t extra);
void sb_add(struct strbuf *sb, const void *data, size_t n);
void sb_adds(struct strbuf *sb, const char *s);
void sb_addc(struct strbuf *sb, char c);
void sb_addf(struct strbuf *sb, const char *fmt, ...) KK_PRINTF(2, 3);
/* The buffer as a string: "" when nothing was added. */
const char *sb_str(const struct strbuf *sb);
/* Hands the buffer to the caller (who frees it) and resets sb. */
char *sb_detach(struct strbuf *sb);

#endif
