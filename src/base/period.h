/*
 * period.h - fiscal quarters of the Japanese fiscal year (contract §1).
 * A period is an int: fiscal_year * 4 + (quarter - 1), so that consecutive
 * quarters are consecutive integers and "counted in quarters" is subtraction.
 */
#ifndef KK_PERIOD_H
#define KK_PERIOD_H

#include "kaikaku.h"

#include "strbuf.h"

#define PERIOD_NONE (-1)
#define PERIOD_CODE_MAX 16

/* What a spelling denoted: a quarter, a fiscal year alone (its Q4) or a date. */
enum period_form {
	PERIOD_FORM_QUARTER,
	PERIOD_FORM_YEAR,
	PERIOD_FORM_DATE,
};

int period_make(int fiscal_year, int quarter);
int period_fy(int p);
int period_quarter(int p);
/* The quarter containing a calendar date; PERIOD_NONE for an invalid date. */
int period_from_date(int y, int m, int d);
bool date_valid(int y, int m, int d);

/*
 * Parses every spelling of the contract §1 (ASCII or full-width, spaces
 * around and between the parts ignored). Returns false for anything else.
 * form (may be NULL) says which kind of spelling it was.
 */
bool period_parse(const char *s, int *out, enum period_form *form);
/* Like period_parse, but only spellings of a quarter (for folder names). */
bool period_parse_quarter(const char *s, int *out);

/* "2026Q3" */
void period_code(int p, char buf[PERIOD_CODE_MAX]);
/* "令和8年度 第3四半期（2026年10月〜12月）", appended to out */
void period_label(int p, struct strbuf *out);
/* "令和8年度" (平成 before FY2019, 令和元年度 for FY2019) */
void period_fy_label(int fiscal_year, struct strbuf *out);

/*
 * Excel serial date to a calendar date, in the 1900 system (with its
 * fictitious 1900-02-29 at serial 60) or the 1904 system. False when the
 * serial is not a date (negative, 0 in the 1900 system, beyond 9999-12-31).
 */
bool excel_serial_to_date(double serial, bool date1904, int *y, int *m, int *d);

#endif
