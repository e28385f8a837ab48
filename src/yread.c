#include "yread.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void yread_error(yread *ld, const ynode *at, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char buf[512];
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    diag_add(ld->dl, DIAG_ERROR, at ? at->file : NULL, at ? at->line : 0, at ? at->col : 0, path,
             "%s", buf);
}

source_pos yread_pos(const ynode *n)
{
    return (source_pos){.file = n->file, .line = n->line, .col = n->col};
}

const char *yread_key_path(yread *ld, const char *path, const char *key)
{
    return path && *path ? arena_printf(ld->mem, "%s.%s", path, key) : key;
}

const char *yread_index_path(yread *ld, const char *path, size_t i)
{
    return arena_printf(ld->mem, "%s[%zu]", path, i);
}

/* Edit distance, for "did you mean" suggestions on unknown keys. */
static size_t edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40)
        return SIZE_MAX;
    size_t row[41];
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag_prev = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            size_t best = diag_prev + cost;
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

static const char *closest_key(const char *key, const char *const *allowed)
{
    const char *best = NULL;
    size_t best_d = SIZE_MAX;
    for (size_t i = 0; allowed[i]; i++) {
        size_t d = edit_distance(key, allowed[i]);
        if (d < best_d) {
            best_d = d;
            best = allowed[i];
        }
    }
    size_t len = strlen(key);
    return best_d <= (len < 5 ? 1u : 2u + len / 8) ? best : NULL;
}

bool yread_expect(yread *ld, const ynode *n, const char *path, ynode_kind kind)
{
    if (n->kind == kind)
        return true;
    yread_error(ld, n, path, "expected %s, found %s",
                kind == YNODE_MAP   ? "a mapping of keys to values"
                : kind == YNODE_SEQ ? "a list"
                                    : "a value",
                ynode_kind_name(n));
    return false;
}

/* Checks that `n` is a map whose keys are all in `allowed` (NULL-terminated). */
bool yread_map(yread *ld, const ynode *n, const char *path, const char *const *allowed)
{
    if (!yread_expect(ld, n, path, YNODE_MAP))
        return false;
    for (size_t i = 0; i < n->count; i++) {
        const ynode *k = n->pairs[i].key;
        if (k->kind != YNODE_SCALAR) {
            yread_error(ld, k, path, "expected a plain key, found %s", ynode_kind_name(k));
            continue;
        }
        bool known = false;
        for (size_t j = 0; allowed[j] && !known; j++)
            known = yscalar_is(k, allowed[j]);
        if (known)
            continue;
        const char *hint = closest_key(k->text, allowed);
        if (hint)
            yread_error(ld, k, path, "unknown key \"%s\"; did you mean \"%s\"?", k->text, hint);
        else
            yread_error(ld, k, path, "unknown key \"%s\"", k->text);
    }
    return true;
}

const ynode *yread_require(yread *ld, const ynode *map, const char *key, const char *path)
{
    const ynode *v = ymap_get(map, key);
    if (!v)
        yread_error(ld, map, path, "missing key \"%s\"", key);
    return v;
}

const char *yread_text(yread *ld, const ynode *n, const char *path)
{
    if (n->kind != YNODE_SCALAR || yscalar_is_null(n)) {
        yread_error(ld, n, path, "expected text, found %s", ynode_kind_name(n));
        return NULL;
    }
    return n->text;
}

const char *yread_get_text(yread *ld, const ynode *map, const char *key, const char *path,
                           bool required)
{
    const ynode *v = required ? yread_require(ld, map, key, path) : ymap_get(map, key);
    return v ? yread_text(ld, v, yread_key_path(ld, path, key)) : NULL;
}

/* An integer written plainly in YAML (no quotes, no decimals), in [min, max]. */
bool yread_integer(yread *ld, const ynode *n, const char *path, int64_t min, int64_t max,
                   int64_t *out)
{
    if (n->kind != YNODE_SCALAR || !n->plain || n->len == 0) {
        yread_error(ld, n, path, "expected a whole number, found %s",
                    n->kind == YNODE_SCALAR ? arena_printf(ld->mem, "\"%s\"", n->text)
                                            : ynode_kind_name(n));
        return false;
    }
    const char *s = n->text;
    size_t i = (s[0] == '-' || s[0] == '+') ? 1 : 0;
    if (s[i] == '\0') {
        yread_error(ld, n, path, "expected a whole number, found \"%s\"", s);
        return false;
    }
    for (size_t j = i; s[j]; j++) {
        if (s[j] < '0' || s[j] > '9') {
            yread_error(ld, n, path,
                        "expected a whole number (digits only, no spaces or decimals), "
                        "found \"%s\"",
                        s);
            return false;
        }
    }
    errno = 0;
    long long v = strtoll(s, NULL, 10);
    if (errno == ERANGE || v < min || v > max) {
        yread_error(ld, n, path, "%s is out of range: expected a number from %lld to %lld", s,
                    (long long)min, (long long)max);
        return false;
    }
    *out = v;
    return true;
}

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool yread_date(yread *ld, const ynode *n, const char *path, date *out)
{
    int y, m, d;
    char tail;
    if (n->kind != YNODE_SCALAR || n->len != 10 ||
        sscanf(n->text, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3) {
        yread_error(ld, n, path, "expected a date written YYYY-MM-DD, found %s",
                    n->kind == YNODE_SCALAR ? arena_printf(ld->mem, "\"%s\"", n->text)
                                            : ynode_kind_name(n));
        return false;
    }
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int max_day = (m >= 1 && m <= 12) ? days[m - 1] + (m == 2 && is_leap(y)) : 0;
    if (y < 1900 || y > 2999 || m < 1 || m > 12 || d < 1 || d > max_day) {
        yread_error(ld, n, path, "%s is not a date that exists", n->text);
        return false;
    }
    *out = (date){y, m, d};
    return true;
}

/* Index of the scalar in `names` (NULL-terminated), or -1 with an error. */
int yread_choice(yread *ld, const ynode *n, const char *path, const char *const *names)
{
    if (n->kind == YNODE_SCALAR)
        for (int i = 0; names[i]; i++)
            if (yscalar_is(n, names[i]))
                return i;
    char list[256] = "";
    for (int i = 0; names[i]; i++) {
        strncat(list, i ? ", " : "", sizeof list - strlen(list) - 1);
        strncat(list, names[i], sizeof list - strlen(list) - 1);
    }
    yread_error(ld, n, path, "expected one of %s; found %s", list,
                n->kind == YNODE_SCALAR ? arena_printf(ld->mem, "\"%s\"", n->text)
                                        : ynode_kind_name(n));
    return -1;
}

bool yread_number(yread *ld, const ynode *n, const char *path, double min, double max, double *out)
{
    char *end = NULL;
    double v = 0;
    if (n->kind == YNODE_SCALAR && n->plain && n->len > 0) {
        errno = 0;
        v = strtod(n->text, &end);
    }
    if (!end || *end != '\0' || errno == ERANGE) {
        yread_error(ld, n, path, "expected a number such as 10.5, found %s",
                    n->kind == YNODE_SCALAR ? arena_printf(ld->mem, "\"%s\"", n->text)
                                            : ynode_kind_name(n));
        return false;
    }
    if (!(v >= min && v <= max)) {
        yread_error(ld, n, path, "%s is out of range: expected a number from %g to %g", n->text,
                    min, max);
        return false;
    }
    *out = v;
    return true;
}
