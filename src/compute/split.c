#include "split.h"

__extension__ typedef __int128 wide;

const char *split_status_text(split_status s)
{
    switch (s) {
    case SPLIT_OK: return "ok";
    case SPLIT_NEGATIVE_WHOLE: return "the whole to split is negative";
    case SPLIT_NEGATIVE_WEIGHT: return "a weight is negative";
    case SPLIT_NO_WEIGHT: return "no weight is above zero";
    case SPLIT_MISSING_KIND:
        return "the state, the region and the municipalities must each have a member";
    case SPLIT_PARTIAL_WEIGHTS:
        return "either every member of a kind has a population or share, or none has";
    }
    return "?";
}

typedef struct {
    wide whole, total;
} split_basis;

static wide remainder_of(const split_basis *b, int64_t w)
{
    return b->whole * w % b->total;
}

/* Whether item j is served before item i when the left-over units are handed out. */
static bool served_before(const split_basis *b, int64_t wj, size_t j, int64_t wi, size_t i)
{
    wide rj = remainder_of(b, wj), ri = remainder_of(b, wi);
    if (rj != ri)
        return rj > ri;
    if (wj != wi)
        return wj > wi;
    return j < i;
}

static size_t rank_of(const split_weights *v, const split_basis *b, size_t i, int64_t wi)
{
    size_t rank = 0;
    int64_t wj;
    for (size_t j = 0; j < v->n; j++)
        if (j != i && v->weight(v->ctx, j, &wj) && served_before(b, wj, j, wi, i))
            rank++;
    return rank;
}

split_status split_by_weights(int64_t whole, const split_weights *v, int64_t *parts)
{
    if (whole < 0)
        return SPLIT_NEGATIVE_WHOLE;
    split_basis b = {whole, 0};
    int64_t w;
    for (size_t i = 0; i < v->n; i++) {
        if (!v->weight(v->ctx, i, &w))
            continue;
        if (w < 0)
            return SPLIT_NEGATIVE_WEIGHT;
        b.total += w;
    }
    if (b.total == 0)
        return SPLIT_NO_WEIGHT;
    wide assigned = 0;
    for (size_t i = 0; i < v->n; i++)
        if (v->weight(v->ctx, i, &w))
            assigned += b.whole * w / b.total;
    wide left_over = b.whole - assigned; /* fewer than the items with a remainder */
    for (size_t i = 0; i < v->n; i++)
        if (v->weight(v->ctx, i, &w))
            parts[i] = (int64_t)(b.whole * w / b.total) + (rank_of(v, &b, i, w) < left_over);
    return SPLIT_OK;
}

bool split_array_weight(const void *ctx, size_t i, int64_t *w)
{
    *w = ((const int64_t *)ctx)[i];
    return true;
}

split_status split_largest_remainder(int64_t whole, const int64_t *weights, size_t n,
                                     int64_t *parts)
{
    split_weights v = {weights, n, split_array_weight};
    return split_by_weights(whole, &v, parts);
}
