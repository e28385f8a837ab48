/* money: checked integer arithmetic on amounts and exact ratios for the
 * compute stage. Products are taken in 128 bits, so any two int64_t amounts
 * can be multiplied and compared without overflow; shares are rounded half
 * away from zero. No floating point anywhere. Owns nothing. */
#ifndef PP_MONEY_H
#define PP_MONEY_H

#include <stdbool.h>
#include <stdint.h>

/* a + b and a − b; false (and *out untouched) when the result does not fit. */
bool money_add(int64_t a, int64_t b, int64_t *out);
bool money_sub(int64_t a, int64_t b, int64_t *out);
/* a × num / den rounded half away from zero; false when den is 0 or the
 * result does not fit in int64_t. */
bool money_muldiv(int64_t a, int64_t num, int64_t den, int64_t *out);
/* part / whole as tenths of a percent (273 of 1 520 is 180, i.e. 18,0 %),
 * rounded half away from zero; false when whole is 0. */
bool money_share_tenths(int64_t part, int64_t whole, int64_t *tenths);
/* Compares the fractions a/b and c/d exactly (b and d positive): negative,
 * zero or positive as a/b is less than, equal to or greater than c/d. */
int money_compare_ratio(int64_t a, int64_t b, int64_t c, int64_t d);

/* Whether a and b (of the same sign) are written with the same digits in
 * another order: 1 082 for 1 028, a typing slip. */
bool money_digits_swapped(int64_t a, int64_t b);

#endif
