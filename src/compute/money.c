#include "money.h"

#include <stdio.h>
#include <string.h>

__extension__ typedef __int128 wide;

static const wide int64_lo = INT64_MIN, int64_hi = INT64_MAX;

bool money_add(int64_t a, int64_t b, int64_t *out)
{
    int64_t r;
    if (__builtin_add_overflow(a, b, &r))
        return false;
    *out = r;
    return true;
}

bool money_sub(int64_t a, int64_t b, int64_t *out)
{
    int64_t r;
    if (__builtin_sub_overflow(a, b, &r))
        return false;
    *out = r;
    return true;
}

/* num / den rounded half away from zero; den is not 0 and both come from
 * products of int64_t values, far from the limits of 128 bits. */
static wide divide_rounded(wide num, wide den)
{
    if (den < 0) {
        num = -num;
        den = -den;
    }
    wide q = num / den, r = num % den; /* r has the sign of num */
    if ((r < 0 ? -r : r) * 2 >= den)
        q += num < 0 ? -1 : 1;
    return q;
}

bool money_muldiv(int64_t a, int64_t num, int64_t den, int64_t *out)
{
    if (den == 0)
        return false;
    wide q = divide_rounded((wide)a * num, den);
    if (q < int64_lo || q > int64_hi)
        return false;
    *out = (int64_t)q;
    return true;
}

bool money_share_tenths(int64_t part, int64_t whole, int64_t *tenths)
{
    return money_muldiv(part, 1000, whole, tenths);
}

int money_compare_ratio(int64_t a, int64_t b, int64_t c, int64_t d)
{
    wide left = (wide)a * d, right = (wide)c * b;
    return (left > right) - (left < right);
}

static void sorted_digits(int64_t v, char out[24])
{
    snprintf(out, 24, "%llu", (unsigned long long)(v < 0 ? -(uint64_t)v : (uint64_t)v));
    size_t n = strlen(out);
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && out[j - 1] > out[j]; j--) {
            char t = out[j];
            out[j] = out[j - 1];
            out[j - 1] = t;
        }
}

bool money_digits_swapped(int64_t a, int64_t b)
{
    char x[24], y[24];
    sorted_digits(a, x);
    sorted_digits(b, y);
    return a != b && (a < 0) == (b < 0) && strcmp(x, y) == 0;
}
