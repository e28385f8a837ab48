/* format: numbers, amounts, percentages and dates written the Swedish way:
 * "10 014" (no-break space), "−745" (U+2212), "20 %", "1 234,5", "2024-02-23".
 * Pure functions that write into caller-provided buffers. */
#ifndef PP_FORMAT_H
#define PP_FORMAT_H

#include <stddef.h>
#include <stdint.h>

#include "date.h"

enum { FORMAT_BUF = 48, FORMAT_DIGITS = 24 };

#define NBSP  "\xc2\xa0"     /* U+00A0 no-break space */
#define MINUS "\xe2\x88\x92" /* U+2212 minus sign */

/* The decimal digits of `v`, NUL-terminated, without printf (amounts,
 * years, indexes and PDF numbers are written for every cell and object);
 * returns their count. */
int format_digits(char out[FORMAT_DIGITS], uint64_t v);
/* An integer with thousands grouped: 10 014, −1 573. */
char *format_int(char buf[FORMAT_BUF], int64_t v);
/* A fixed-point number given in tenths, hundredths…: value / 10^decimals,
 * with a decimal comma: format_fixed(buf, 12345, 1) is "1 234,5". */
char *format_fixed(char buf[FORMAT_BUF], int64_t value, int decimals);
/* A percentage given in tenths of a percent, shown to `decimals` (0 or 1)
 * places: format_percent(buf, 205, 0) is "21 %" (rounded half away from zero). */
char *format_percent(char buf[FORMAT_BUF], int64_t tenths, int decimals);
/* A year is never grouped. */
char *format_year(char buf[FORMAT_BUF], int year);
char *format_date(char buf[FORMAT_BUF], date d);

#endif
