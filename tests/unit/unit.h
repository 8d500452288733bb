/*
 * unit.h - the unit tests' harness: table-driven checks that count failures
 * and print file:line of each one. Each test_<module>.c has its own main().
 */
#ifndef KK_UNIT_H
#define KK_UNIT_H

#include "kaikaku.h"

#include <math.h>

static int unit_checks, unit_failures;

#define CHECK(cond)                                                                              \
	do {                                                                                     \
		unit_checks++;                                                                   \
		if (!(cond)) {                                                                   \
			unit_failures++;                                                         \
			fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
		}                                                                                \
	} while (0)

#define CHECK_MSG(cond, ...)                                                                     \
	do {                                                                                     \
		unit_checks++;                                                                   \
		if (!(cond)) {                                                                   \
			unit_failures++;                                                         \
			fprintf(stderr, "%s:%d: check failed: %s: ", __FILE__, __LINE__, #cond); \
			fprintf(stderr, __VA_ARGS__);                                            \
			fputc('\n', stderr);                                                     \
		}                                                                                \
	} while (0)

#define CHECK_STR(got, want)                                                                  \
	do {                                                                                  \
		const char *g_ = (got), *w_ = (want);                                         \
		CHECK_MSG((g_ && w_ && strcmp(g_, w_) == 0) || (!g_ && !w_),                  \
			  "got \"%s\", want \"%s\"", g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
	} while (0)

#define CHECK_INT(got, want)                                             \
	do {                                                             \
		long long g_ = (long long)(got), w_ = (long long)(want); \
		CHECK_MSG(g_ == w_, "got %lld, want %lld", g_, w_);      \
	} while (0)

#define CHECK_DBL(got, want)                                                                   \
	do {                                                                                   \
		double g_ = (got), w_ = (want);                                                \
		CHECK_MSG(fabs(g_ - w_) <= 1e-9 * (1 + fabs(w_)), "got %.17g, want %.17g", g_, \
			  w_);                                                                 \
	} while (0)

static inline int unit_report(const char *name)
{
	if (unit_failures)
		fprintf(stderr, "%s: %d of %d checks failed\n", name, unit_failures, unit_checks);
	else
		printf("%s: %d checks passed\n", name, unit_checks);
	return unit_failures ? 1 : 0;
}

#endif
