/*
 * number.h - numbers as divisions write them (contract §2): 1234, 1,234,
 * １２３４, 12.5, -3, △3 / ▲3 (Japanese minus), 85% (read as 85); the
 * "no value" marks (empty, -, －, ―, —).
 */
#ifndef KK_NUMBER_H
#define KK_NUMBER_H

#include "kaikaku.h"

enum number_result {
	NUMBER_OK,
	NUMBER_EMPTY, /* no value: an empty cell or one of the no-value marks */
	NUMBER_BAD,
};

/* Parses s; on NUMBER_OK *out holds the value and *percent (may be NULL)
 * whether it was written with a % sign. */
enum number_result number_parse(const char *s, double *out, bool *percent);
/* True when s is empty or one of the "no value" marks. */
bool number_is_no_value(const char *s);
/* The shortest decimal text that reads back as v ("12.5", "10100", "0.3"). */
void number_format(double v, char *buf, size_t size);

#endif
