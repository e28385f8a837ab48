/* value: a tree of maps, lists, text, numbers and booleans; the data that
 * templates walk (the document context, or a Mustache spec test's data).
 * Every value lives in the arena it was made with. */
#ifndef PP_VALUE_H
#define PP_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef enum {
    VALUE_NULL,
    VALUE_BOOL,
    VALUE_INT,
    VALUE_DOUBLE,
    VALUE_STRING,
    VALUE_LIST,
    VALUE_MAP
} value_kind;

typedef struct value value;
typedef struct {
    const char *key;
    size_t len; /* of key: compared first */
    value *val;
} value_entry;

struct value {
    value_kind kind;
    union {
        bool b;
        int64_t i;
        double d;
        struct {
            const char *s;
            size_t len;
        } str;
        struct {
            value **items;
            size_t count, cap;
        } list;
        struct {
            value_entry *entries;
            size_t count, cap;
        } map;
    } as;
};

value *value_null(arena *mem);
value *value_bool(arena *mem, bool b);
value *value_int(arena *mem, int64_t i);
value *value_double(arena *mem, double d);
value *value_string(arena *mem, const char *s); /* copies s; NULL gives VALUE_NULL */
value *value_list(arena *mem);
value *value_map(arena *mem);

void value_push(arena *mem, value *list, value *item);
/* Sets `key` in a map (replacing an earlier value) and returns `v`. */
value *value_set(arena *mem, value *map, const char *key, value *v);
value *value_set_string(arena *mem, value *map, const char *key, const char *s);
value *value_set_int(arena *mem, value *map, const char *key, int64_t i);
value *value_set_bool(arena *mem, value *map, const char *key, bool b);

/* The value for `key` in a map, or NULL when absent or not a map. */
const value *value_get(const value *map, const char *key);
/* The same for a key given by pointer and length (not NUL-terminated). */
const value *value_get_n(const value *map, const char *key, size_t len);
/* False for null, false, an empty list; true for everything else (Mustache). */
bool value_truthy(const value *v);

#endif
