#include "yamlvalue.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

static bool is_one_of(const ynode *n, const char *const *words)
{
    for (; *words; words++)
        if (yscalar_is(n, *words))
            return true;
    return false;
}

static bool all_digits(const char *s, size_t len, const char *digits)
{
    if (len == 0)
        return false;
    for (size_t i = 0; i < len; i++)
        if (!strchr(digits, s[i]) || !s[i])
            return false;
    return true;
}

/* [-+]?[0-9]+, 0o[0-7]+ or 0x[0-9a-fA-F]+; *base tells which. */
static bool is_int(const char *s, size_t len, int *base)
{
    if (len > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
        *base = s[1] == 'o' ? 8 : 16;
        return all_digits(s + 2, len - 2, *base == 8 ? "01234567" : "0123456789abcdefABCDEF");
    }
    *base = 10;
    size_t sign = len && (s[0] == '-' || s[0] == '+');
    return all_digits(s + sign, len - sign, "0123456789");
}

/* [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? */
static bool is_float(const char *s, size_t len)
{
    size_t i = len && (s[0] == '-' || s[0] == '+');
    size_t int_digits = 0, frac_digits = 0;
    while (i < len && s[i] >= '0' && s[i] <= '9')
        i++, int_digits++;
    if (i < len && s[i] == '.') {
        i++;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++, frac_digits++;
    }
    if (int_digits == 0 && frac_digits == 0)
        return false;
    if (i < len && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        i += i < len && (s[i] == '-' || s[i] == '+');
        size_t exp_digits = 0;
        while (i < len && s[i] >= '0' && s[i] <= '9')
            i++, exp_digits++;
        if (exp_digits == 0)
            return false;
    }
    return i == len;
}

static value *plain_scalar(arena *mem, const ynode *n)
{
    static const char *const nulls[] = {"", "~", "null", "Null", "NULL", NULL};
    static const char *const trues[] = {"true", "True", "TRUE", NULL};
    static const char *const falses[] = {"false", "False", "FALSE", NULL};
    static const char *const infinities[] = {".inf",  ".Inf",  ".INF", "+.inf",
                                             "+.Inf", "+.INF", NULL};
    static const char *const minus_infinities[] = {"-.inf", "-.Inf", "-.INF", NULL};
    static const char *const nans[] = {".nan", ".NaN", ".NAN", NULL};
    if (is_one_of(n, nulls))
        return value_null(mem);
    if (is_one_of(n, trues) || is_one_of(n, falses))
        return value_bool(mem, is_one_of(n, trues));
    if (is_one_of(n, infinities) || is_one_of(n, minus_infinities))
        return value_double(mem, is_one_of(n, infinities) ? INFINITY : -INFINITY);
    if (is_one_of(n, nans))
        return value_double(mem, NAN);
    int base;
    if (is_int(n->text, n->len, &base)) {
        errno = 0;
        long long i = strtoll(n->text + (base == 10 ? 0 : 2), NULL, base);
        if (errno != ERANGE)
            return value_int(mem, i);
    } else if (is_float(n->text, n->len)) {
        return value_double(mem, strtod(n->text, NULL));
    }
    return value_string(mem, n->text);
}

static bool tagged(const ynode *n, const char *name)
{
    static const char prefix[] = "tag:yaml.org,2002:";
    return n->tag && strncmp(n->tag, prefix, sizeof prefix - 1) == 0 &&
           strcmp(n->tag + sizeof prefix - 1, name) == 0;
}

static value *scalar(arena *mem, const ynode *n)
{
    if (n->plain || tagged(n, "int") || tagged(n, "float") || tagged(n, "bool") ||
        tagged(n, "null"))
        return plain_scalar(mem, n);
    return value_string(mem, n->text);
}

value *value_from_yaml(arena *mem, const ynode *n)
{
    if (!n)
        return value_null(mem);
    switch (n->kind) {
    case YNODE_SCALAR: return scalar(mem, n);
    case YNODE_SEQ: {
        value *list = value_list(mem);
        for (size_t i = 0; i < n->count; i++)
            value_push(mem, list, value_from_yaml(mem, n->items[i]));
        return list;
    }
    case YNODE_MAP: {
        value *map = value_map(mem);
        for (size_t i = 0; i < n->count; i++)
            value_set(mem, map, n->pairs[i].key->text, value_from_yaml(mem, n->pairs[i].value));
        return map;
    }
    }
    return value_null(mem);
}
