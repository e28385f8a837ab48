#include "money.h"

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
