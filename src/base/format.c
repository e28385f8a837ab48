#include "format.h"

#include <stdio.h>
#include <string.h>

int format_digits(char out[FORMAT_DIGITS], uint64_t v)
{
    char rev[24];
    int n = 0;
    do
        rev[n++] = (char)('0' + v % 10);
    while ((v /= 10) != 0);
    for (int i = 0; i < n; i++)
        out[i] = rev[n - 1 - i];
    out[n] = '\0';
    return n;
}

/* Writes the digits of |v| grouped by three into `out`, which must be large
 * enough; returns the length. */
static size_t grouped_digits(char *out, uint64_t v)
{
    char digits[24];
    int n = format_digits(digits, v);
    size_t len = 0;
    for (int i = 0; i < n; i++) {
        if (i > 0 && (n - i) % 3 == 0) {
            memcpy(out + len, NBSP, 2);
            len += 2;
        }
        out[len++] = digits[i];
    }
    out[len] = '\0';
    return len;
}

static uint64_t magnitude(int64_t v)
{
    return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v;
}

char *format_fixed(char buf[FORMAT_BUF], int64_t value, int decimals)
{
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    uint64_t scale = 1;
    for (int i = 0; i < decimals; i++)
        scale *= 10;
    uint64_t m = magnitude(value);
    size_t len = 0;
    if (value < 0) {
        memcpy(buf, MINUS, 3);
        len = 3;
    }
    len += grouped_digits(buf + len, m / scale);
    if (decimals > 0) {
        buf[len++] = ',';
        uint64_t frac = m % scale;
        for (int i = decimals - 1; i >= 0; i--, frac /= 10)
            buf[len + (size_t)i] = (char)('0' + frac % 10);
        buf[len + (size_t)decimals] = '\0';
    }
    return buf;
}

char *format_int(char buf[FORMAT_BUF], int64_t v)
{
    return format_fixed(buf, v, 0);
}

char *format_percent(char buf[FORMAT_BUF], int64_t tenths, int decimals)
{
    int64_t shown = tenths;
    if (decimals == 0) {
        uint64_t m = (magnitude(tenths) + 5) / 10;
        shown = tenths < 0 ? -(int64_t)m : (int64_t)m;
    }
    format_fixed(buf, shown, decimals == 0 ? 0 : 1);
    size_t len = strlen(buf);
    snprintf(buf + len, FORMAT_BUF - len, NBSP "%%");
    return buf;
}

char *format_year(char buf[FORMAT_BUF], int year)
{
    if (year < 0)
        *buf = '-';
    format_digits(buf + (year < 0), magnitude(year));
    return buf;
}

char *format_date(char buf[FORMAT_BUF], date d)
{
    snprintf(buf, FORMAT_BUF, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buf;
}
