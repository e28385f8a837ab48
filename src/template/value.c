#include "value.h"

#include <string.h>

static value *make(arena *mem, value_kind kind)
{
    value *v = ARENA_NEW(mem, value);
    v->kind = kind;
    return v;
}

value *value_null(arena *mem)
{
    return make(mem, VALUE_NULL);
}
value *value_list(arena *mem)
{
    return make(mem, VALUE_LIST);
}
value *value_map(arena *mem)
{
    return make(mem, VALUE_MAP);
}

value *value_bool(arena *mem, bool b)
{
    value *v = make(mem, VALUE_BOOL);
    v->as.b = b;
    return v;
}

value *value_int(arena *mem, int64_t i)
{
    value *v = make(mem, VALUE_INT);
    v->as.i = i;
    return v;
}

value *value_double(arena *mem, double d)
{
    value *v = make(mem, VALUE_DOUBLE);
    v->as.d = d;
    return v;
}

value *value_string(arena *mem, const char *s)
{
    if (!s)
        return value_null(mem);
    value *v = make(mem, VALUE_STRING);
    v->as.str.len = strlen(s);
    v->as.str.s = arena_strndup(mem, s, v->as.str.len);
    return v;
}

void value_push(arena *mem, value *list, value *item)
{
    *ARENA_PUSH(mem, list->as.list.items, list->as.list.count, list->as.list.cap) = item;
}

/* The entry of `key` in a map, or NULL. */
static value_entry *find(const value *map, const char *key, size_t len)
{
    for (size_t i = 0; i < map->as.map.count; i++) {
        value_entry *e = &map->as.map.entries[i];
        if (e->len == len && memcmp(e->key, key, len) == 0)
            return e;
    }
    return NULL;
}

value *value_set(arena *mem, value *map, const char *key, value *v)
{
    size_t len = strlen(key);
    value_entry *e = find(map, key, len);
    if (!e) {
        e = ARENA_PUSH(mem, map->as.map.entries, map->as.map.count, map->as.map.cap);
        *e = (value_entry){arena_strndup(mem, key, len), len, NULL};
    }
    e->val = v;
    return v;
}

value *value_set_string(arena *mem, value *map, const char *key, const char *s)
{
    return value_set(mem, map, key, value_string(mem, s));
}

value *value_set_int(arena *mem, value *map, const char *key, int64_t i)
{
    return value_set(mem, map, key, value_int(mem, i));
}

value *value_set_bool(arena *mem, value *map, const char *key, bool b)
{
    return value_set(mem, map, key, value_bool(mem, b));
}

const value *value_get_n(const value *map, const char *key, size_t len)
{
    if (!map || map->kind != VALUE_MAP)
        return NULL;
    const value_entry *e = find(map, key, len);
    return e ? e->val : NULL;
}

const value *value_get(const value *map, const char *key)
{
    return value_get_n(map, key, strlen(key));
}

bool value_truthy(const value *v)
{
    if (!v)
        return false;
    switch (v->kind) {
    case VALUE_NULL: return false;
    case VALUE_BOOL: return v->as.b;
    case VALUE_LIST: return v->as.list.count > 0;
    default: return true;
    }
}
