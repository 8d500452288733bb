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
	NUMBER_TOO_LARGE, /* a number whose magnitude is NUMBER_LIMIT or more */
};

/* The contract's limit (§2): a magnitude of 10^15 or more is a row error
 * (more digits than a spreadsheet holds exactly). */
#define NUMBER_LIMIT 1e15

/* Parses s; on NUMBER_OK *out holds the value, rounded to 15 significant
 * digits, and *percent (may be NULL) whether it was written with a % sign.
 * NUMBER_TOO_LARGE (with *out set) when the rounded magnitude is 10^15 or
 * more. */
enum number_result number_parse(const char *s, double *out, bool *percent);
/* True when s is empty or one of the "no value" marks. */
bool number_is_no_value(const char *s);
/* v rounded to 15 significant digits (0.30000000000000004 -> 0.3), as a
 * spreadsheet keeps it (contract §2); non-finite values are returned as is. */
double number_round15(double v);
/* The shortest decimal text that reads back as v ("12.5", "10100", "0.3"). */
void number_format(double v, char *buf, size_t size);

#endif
