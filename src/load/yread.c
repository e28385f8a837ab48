#include "yread.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "datatext.h"
#include "format.h"
#include "i18n.h"
#include "markdown.h"
#include "suggest.h"
#include "textpos.h"

static void report(yread *ld, diag_severity sev, source_pos at, const char *path,
                   const char *fmt, va_list ap)
{
    char buf[512];
    vsnprintf(buf, sizeof buf, _(fmt), ap);
    diag_add_text(ld->dl, sev, at.file, at.line, at.col, path, buf);
}

void yread_error(yread *ld, const ynode *at, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(ld, DIAG_ERROR, at ? yread_pos(at) : (source_pos){0}, path, fmt, ap);
    va_end(ap);
}

void yread_error_at(yread *ld, source_pos at, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(ld, DIAG_ERROR, at, path, fmt, ap);
    va_end(ap);
}

void yread_warning_at(yread *ld, source_pos at, const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    report(ld, DIAG_WARNING, at, path, fmt, ap);
    va_end(ap);
}

source_pos yread_pos(const ynode *n)
{
    return (source_pos){.file = n->file, .line = n->line, .col = n->col};
}

/* Key paths are made for every value read, error or not: joined without
 * printf. */
const char *yread_key_path(yread *ld, const char *path, const char *key)
{
    return path && *path ? arena_join(ld->mem, path, ".", key) : key;
}

const char *yread_index_path(yread *ld, const char *path, size_t i)
{
    char index[FORMAT_DIGITS + 2] = "[";
    int n = format_digits(index + 1, i);
    index[n + 1] = ']';
    index[n + 2] = '\0';
    return arena_join(ld->mem, path, "", index);
}

size_t yread_one_or_list_count(const ynode *n)
{
    return n->kind == YNODE_SEQ ? n->count : 1;
}

const ynode *yread_one_or_list_item(yread *ld, const ynode *n, const char *path, size_t i,
                                    const char **item_path)
{
    if (n->kind != YNODE_SEQ) {
        *item_path = path;
        return n;
    }
    *item_path = yread_index_path(ld, path, i);
    return n->items[i];
}

const char *yread_closest(const char *key, const char *const *allowed, size_t count)
{
    return suggest_closest(key, allowed, count);
}

bool yread_expect(yread *ld, const ynode *n, const char *path, ynode_kind kind)
{
    if (n->kind == kind)
        return true;
    yread_error(ld, n, path, "expected %s, found %s",
                kind == YNODE_MAP   ? _("a mapping of keys to values")
                : kind == YNODE_SEQ ? _("a list")
                                    : _("a value"),
                ynode_kind_name(n));
    return false;
}

static bool among(const ynode *k, const char *const *names)
{
    for (size_t j = 0; names && names[j]; j++)
        if (yscalar_is(k, names[j]))
            return true;
    return false;
}

/* The unknown key `i` of `n`, said as plainly as its likely cause allows: a
 * text cut by ", " inside {…} (the rest read as a key without a value), a key
 * of the mapping under `inner_key` typed at this level, or a typo. */
static void unknown_key(yread *ld, const ynode *n, size_t i, const char *path,
                        const char *const *allowed, const char *inner_key,
                        const char *const *inner)
{
    const ynode *k = n->pairs[i].key, *v = n->pairs[i].value;
    const ynode *before = i ? n->pairs[i - 1].value : NULL;
    if (before && before->kind == YNODE_SCALAR && before->line == k->line &&
        v->kind == YNODE_SCALAR && yscalar_is_null(v) && v->line == k->line) {
        yread_error(ld, before, path,
                    "this text contains \", \" inside {…}: put it in quotes (\"%s, %s\"); as it "
                    "is, \"%s\" is read as a key",
                    before->text, k->text, k->text);
        return;
    }
    if (inner_key && among(k, inner)) {
        yread_error(ld, k, path,
                    "\"%s:\" is at the top level; it belongs under \"%s:\": indent it as the "
                    "keys under %s:",
                    k->text, inner_key, inner_key);
        return;
    }
    const char *hint = yread_closest(k->text, allowed, SIZE_MAX);
    if (hint)
        yread_error(ld, k, path, "unknown key \"%s\"; did you mean \"%s\"?", k->text, hint);
    else
        yread_error(ld, k, path, "unknown key \"%s\"", k->text);
}

static bool check_map(yread *ld, const ynode *n, const char *path, const char *const *allowed,
                      const char *inner_key, const char *const *inner)
{
    if (!yread_expect(ld, n, path, YNODE_MAP))
        return false;
    for (size_t i = 0; i < n->count; i++) {
        const ynode *k = n->pairs[i].key;
        if (k->kind != YNODE_SCALAR)
            yread_error(ld, k, path, "expected a plain key, found %s", ynode_kind_name(k));
        else if (!among(k, allowed))
            unknown_key(ld, n, i, path, allowed, inner_key, inner);
    }
    return true;
}

/* Checks that `n` is a map whose keys are all in `allowed` (NULL-terminated). */
bool yread_map(yread *ld, const ynode *n, const char *path, const char *const *allowed)
{
    return check_map(ld, n, path, allowed, NULL, NULL);
}

bool yread_file_map(yread *ld, const ynode *root, const char *const *file_keys,
                    const char *const *keys)
{
    return check_map(ld, root, "", file_keys, file_keys[0], keys);
}

const ynode *yread_require(yread *ld, const ynode *map, const char *key, const char *path)
{
    const ynode *v = ymap_get(map, key);
    if (!v)
        yread_error(ld, map, path, "missing key \"%s\"", key);
    return v;
}

struct refused_links {
    yread *ld;
    const ynode *n;
    const char *path;
};

static void refused_link(void *ctx, const char *url, size_t offset)
{
    struct refused_links *rl = ctx;
    text_origin o = textpos_origin(rl->n);
    yread_error_at(rl->ld, textpos_at(&o, rl->n->text, offset), rl->path, MARKDOWN_LINK_REFUSED,
                   url);
}

const char *yread_text(yread *ld, const ynode *n, const char *path)
{
    if (n->kind != YNODE_SCALAR || yscalar_is_null(n)) {
        yread_error(ld, n, path, "expected text, found %s", ynode_kind_name(n));
        return NULL;
    }
    int len, line;
    const char *info = datatext_refused_fence(n->text, &len, &line);
    if (info) {
        text_origin o = textpos_origin(n);
        yread_error_at(ld, textpos_at(&o, n->text, (size_t)(info - n->text)), path,
                       "a ```%.*s block is for templates only; data text may hold code blocks "
                       "without an info string and ```part",
                       len, info);
    }
    struct refused_links links = {ld, n, path};
    datatext_each_refused_link(n->text, refused_link, &links);
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

static bool valid_date(int y, int m, int d);

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
    if (!valid_date(y, m, d)) {
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
    const char *hint = n->kind == YNODE_SCALAR ? yread_closest(n->text, names, SIZE_MAX) : NULL;
    yread_error(ld, n, path, "expected one of %s; found %s%s%s%s", list,
                n->kind == YNODE_SCALAR ? arena_printf(ld->mem, "\"%s\"", n->text)
                                        : ynode_kind_name(n),
                hint ? _("; did you mean \"") : "", hint ? hint : "", hint ? _("\"?") : "");
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

/* The scalar's text quoted for a message, or what kind of node it is. */
static const char *found(yread *ld, const ynode *n)
{
    return n->kind == YNODE_SCALAR && !yscalar_is_null(n) ? arena_printf(ld->mem, "\"%s\"", n->text)
                                                          : ynode_kind_name(n);
}

static bool valid_date(int y, int m, int d)
{
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    int max_day = (m >= 1 && m <= 12) ? days[m - 1] + (m == 2 && is_leap(y)) : 0;
    return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= max_day;
}

bool yread_period_date(yread *ld, const ynode *n, const char *path, date *out)
{
    int y = 0, m = 0, d = 0, used = 0;
    bool shape = n->kind == YNODE_SCALAR &&
                 ((n->len == 4 && sscanf(n->text, "%4d%n", &y, &used) == 1) ||
                  (n->len == 7 && sscanf(n->text, "%4d-%2d%n", &y, &m, &used) == 2) ||
                  (n->len == 10 && sscanf(n->text, "%4d-%2d-%2d%n", &y, &m, &d, &used) == 3)) &&
                 (size_t)used == n->len;
    if (!shape) {
        yread_error(ld, n, path,
                    "expected a year, year and month or date (2025, 2025-10, "
                    "2025-10-31), found %s",
                    found(ld, n));
        return false;
    }
    if (!valid_date(y, n->len > 4 ? m : 1, n->len > 7 ? d : 1)) {
        yread_error(ld, n, path, "%s is not a date that exists", n->text);
        return false;
    }
    *out = (date){y, m, d};
    return true;
}

bool yread_date_time(yread *ld, const ynode *n, const char *path, date_time *out)
{
    int y, mo, d, h, mi, s, used = 0, oh = 0, om = 0;
    char sign = '+';
    bool shape =
        n->kind == YNODE_SCALAR &&
        sscanf(n->text, "%4d-%2d-%2d %2d:%2d:%2d%n", &y, &mo, &d, &h, &mi, &s, &used) == 6 &&
        used == 19;
    if (shape && n->text[used] != '\0') {
        int more = 0;
        shape = sscanf(n->text + used, " %c%2d:%2d%n", &sign, &oh, &om, &more) == 3 &&
                (sign == '+' || sign == '-') && n->text[used + more] == '\0';
    }
    if (!shape) {
        yread_error(ld, n, path,
                    "expected a date and time written YYYY-MM-DD HH:MM:SS +HH:MM, found %s",
                    found(ld, n));
        return false;
    }
    if (!valid_date(y, mo, d) || h > 23 || mi > 59 || s > 59 || oh > 14 || om > 59) {
        yread_error(ld, n, path, "%s is not a moment that exists", n->text);
        return false;
    }
    int offset = oh * 60 + om;
    *out = (date_time){{y, mo, d}, h, mi, s, sign == '-' ? -offset : offset};
    return true;
}

/* 10^15: no sum of a file's amounts can overflow int64_t. */
static const int64_t AMOUNT_LIMIT = 1000000000000000;

bool yread_amount(yread *ld, const ynode *n, const char *path, int64_t *out)
{
    return yread_integer(ld, n, path, -(int64_t)AMOUNT_LIMIT, AMOUNT_LIMIT, out);
}

bool yread_cost(yread *ld, const ynode *n, const char *path, int64_t *out)
{
    if (n->kind == YNODE_SCALAR && n->plain && n->text[0] == '-' && n->len > 1) {
        yread_error(ld, n, path, "expected an amount of 0 or more, found %s", n->text);
        return false;
    }
    return yread_integer(ld, n, path, 0, AMOUNT_LIMIT, out);
}

bool yread_count(yread *ld, const ynode *n, const char *path, int64_t *out)
{
    if (n->kind == YNODE_SCALAR && n->plain && n->text[0] == '-' && n->len > 1) {
        yread_error(ld, n, path, "expected a count (0 or more), found the negative number %s",
                    n->text);
        return false;
    }
    return yread_integer(ld, n, path, 0, AMOUNT_LIMIT, out);
}

void yread_figure(yread *ld, const ynode *n, const char *path, bool count, figure *out)
{
    out->pos = yread_pos(n);
    out->present = false;
    if (yscalar_is_null(n))
        return;
    out->present =
        count ? yread_count(ld, n, path, &out->value) : yread_amount(ld, n, path, &out->value);
}

bool yread_hundredths(yread *ld, const ynode *n, const char *path, hundredths min, hundredths max,
                      hundredths *out)
{
    const char *s = n->kind == YNODE_SCALAR && n->plain ? n->text : "";
    size_t i = s[0] == '-' ? 1 : 0, digits = 0, decimals = 0;
    int64_t v = 0;
    bool ok = true;
    for (; s[i] >= '0' && s[i] <= '9'; i++, digits++)
        v = digits < 15 ? v * 10 + (s[i] - '0') : v;
    if (s[i] == '.') {
        for (i++; s[i] >= '0' && s[i] <= '9'; i++, decimals++) {
            if (decimals < 2)
                v = v * 10 + (s[i] - '0');
            else
                ok = ok && s[i] == '0';
        }
    }
    ok = ok && digits > 0 && s[i] == '\0';
    if (!ok) {
        yread_error(ld, n, path,
                    "expected a number with at most two decimals, such as 12.5, found %s",
                    found(ld, n));
        return false;
    }
    for (; decimals < 2; decimals++)
        v *= 10;
    if (s[0] == '-')
        v = -v;
    if (digits > 15 || v < min || v > max) {
        yread_error(ld, n, path, "%s is out of range: expected a number from %lld to %lld", s,
                    (long long)(min / 100), (long long)(max / 100));
        return false;
    }
    *out = v;
    return true;
}

bool yread_percent(yread *ld, const ynode *n, const char *path, hundredths *out)
{
    hundredths v;
    if (!yread_hundredths(ld, n, path, INT64_MIN / 2, INT64_MAX / 2, &v))
        return false;
    if (v < 0 || v > 10000) {
        yread_error(ld, n, path, "%s %% is not a percentage: expected a number from 0 to 100",
                    n->text);
        return false;
    }
    *out = v;
    return true;
}

bool yread_bool(yread *ld, const ynode *n, const char *path, bool *out)
{
    if (n->kind == YNODE_SCALAR && n->plain && (yscalar_is(n, "true") || yscalar_is(n, "false"))) {
        *out = yscalar_is(n, "true");
        return true;
    }
    yread_error(ld, n, path, "expected true or false, found %s", found(ld, n));
    return false;
}

const char **yread_text_list(yread *ld, const ynode *n, const char *path, size_t *count)
{
    *count = 0;
    if (!yread_expect(ld, n, path, YNODE_SEQ))
        return NULL;
    const char **list = ARENA_ARRAY(ld->mem, const char *, n->count ? n->count : 1);
    for (size_t i = 0; i < n->count; i++)
        list[i] = yread_text(ld, n->items[i], yread_index_path(ld, path, i));
    *count = n->count;
    return list;
}
