/* split: splitting a whole amount into parts by weights so that the parts
 * always add up to exactly the whole.
 *
 * The rule (largest remainder): every part first gets the whole units of its
 * exact share; the units left over go one each to the parts with the largest
 * remainders. Ties between equal remainders go to the larger weight, then to
 * the earlier position in the list, so the result depends on nothing but the
 * input. Exact in 128-bit arithmetic for any int64_t whole and weights.
 * Pure functions; the caller owns every array. */
#ifndef PP_SPLIT_H
#define PP_SPLIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    SPLIT_OK,
    SPLIT_NEGATIVE_WHOLE,
    SPLIT_NEGATIVE_WEIGHT,
    SPLIT_NO_WEIGHT,      /* no weight is above zero */
    SPLIT_MISSING_KIND,   /* Finsam: no state, region or municipality to pay its part */
    SPLIT_PARTIAL_WEIGHTS /* Finsam: some members of a kind have a weight, others not */
} split_status;

const char *split_status_text(split_status s);

/* Splits `whole` (≥ 0) into `n` parts proportional to `weights` (each ≥ 0,
 * at least one above 0). The parts add up to exactly `whole`. */
split_status split_largest_remainder(int64_t whole, const int64_t *weights, size_t n,
                                     int64_t *parts);

/* Weights read in place: item i takes part with weight *w, or not at all. */
typedef struct {
    const void *ctx;
    size_t n;
    bool (*weight)(const void *ctx, size_t i, int64_t *w);
} split_weights;

/* The one implementation of the rule; O(n²), meant for lists of members.
 * Parts of items that take no part are left as they are. */
split_status split_by_weights(int64_t whole, const split_weights *w, int64_t *parts);
/* The weights of an array of int64_t (`ctx`): every item takes part. */
bool split_array_weight(const void *ctx, size_t i, int64_t *w);

#endif
