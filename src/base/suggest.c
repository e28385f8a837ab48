#include "suggest.h"

#include <stdint.h>
#include <string.h>

enum { MAX_LEN = 40 };

static size_t edit_distance(const char *a, size_t la, const char *b)
{
    size_t lb = strlen(b);
    if (la > MAX_LEN || lb > MAX_LEN)
        return SIZE_MAX;
    size_t row[MAX_LEN + 1];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag_prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag_prev + (a[i - 1] == b[j - 1] ? 0 : 1);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag_prev = up;
        }
    }
    return row[lb];
}

const char *suggest_closest_n(const char *key, size_t len, const char *const *names, size_t count)
{
    const char *best = NULL;
    size_t best_d = SIZE_MAX;
    for (size_t i = 0; i < count && names[i]; i++) {
        size_t d = edit_distance(key, len, names[i]);
        if (d < best_d) {
            best_d = d;
            best = names[i];
        }
    }
    return best_d <= (len < 5 ? 1u : 2u + len / 8) ? best : NULL;
}

const char *suggest_closest(const char *key, const char *const *names, size_t count)
{
    return suggest_closest_n(key, strlen(key), names, count);
}
