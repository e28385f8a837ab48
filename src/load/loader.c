#include "loader.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format.h"
#include "i18n.h"

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

const ynode *load_top(yread *ld, const char *path, const char *const *file_keys,
                      const char *const *keys)
{
    ynode *root = ytree_load_file(ld->mem, path, ld->dl);
    const ynode *n;
    if (!root || !yread_file_map(ld, root, file_keys, keys) ||
        !(n = yread_require(ld, root, file_keys[0], "")))
        return NULL;
    return yread_map(ld, n, file_keys[0], keys) ? n : NULL;
}

char *load_dir_of(arena *mem, const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? arena_strndup(mem, path, (size_t)(slash - path)) : arena_strdup(mem, ".");
}

/* The date in a file's name ("plan-2025.yaml", "minutes-2024-02-23.yaml"):
 * {year, month, day}, month and day 0 when the name gives only a year; year 0
 * when the name is not PREFIX followed by a date and ".yaml". */
static date file_name_date(const char *path, const char *prefix)
{
    const char *name = base_name(path);
    size_t plen = strlen(prefix);
    date d = {0, 0, 0};
    if (strncmp(name, prefix, plen) != 0)
        return d;
    int fields[3] = {0, 0, 0}, nfields = 0;
    const char *s = name + plen;
    static const int widths[] = {4, 2, 2};
    while (nfields < 3) {
        for (int i = 0; i < widths[nfields]; i++, s++) {
            if (*s < '0' || *s > '9')
                return d;
            fields[nfields] = fields[nfields] * 10 + (*s - '0');
        }
        nfields++;
        if (*s != '-')
            break;
        s++;
    }
    if (strcmp(s, ".yaml") != 0)
        return d;
    return (date){fields[0], fields[1], fields[2]};
}

void load_check_file_date(yread *ld, const ynode *at, const char *path, const char *file,
                          const char *prefix, date inside)
{
    date named = file_name_date(file, prefix);
    if (!named.year || !inside.year)
        return;
    char a[FORMAT_BUF];
    if (!named.month && named.year != inside.year)
        yread_error(ld, at, path,
                    "the file is named %s but the year inside it is %d: one of them is wrong",
                    base_name(file), inside.year);
    else if (named.month && !named.day &&
             (named.year != inside.year || named.month != inside.month))
        yread_error(ld, at, path,
                    "the file is named %s but the period inside it ends %s: one of them is "
                    "wrong",
                    base_name(file), format_date(a, inside));
    else if (named.month && named.day &&
             (named.year != inside.year || named.month != inside.month ||
              named.day != inside.day))
        yread_error(ld, at, path,
                    "the file is named %s but the date inside it is %s: one of them is wrong",
                    base_name(file), format_date(a, inside));
}

static bool climbs_out(const char *name)
{
    for (const char *p = name; *p; p += strcspn(p, "/"), p += *p == '/')
        if (strncmp(p, "..", 2) == 0 && (p[2] == '/' || !p[2]))
            return true;
    return false;
}

const char *load_beside(yread *ld, const ynode *n, const char *path)
{
    const char *name = yread_text(ld, n, path);
    if (!name)
        return NULL;
    if (!*name || *name == '/' || climbs_out(name)) {
        yread_error(ld, n, path,
                    "expected the name of a file in the folder of this file, such as "
                    "budget-2024.csv, found \"%s\"",
                    name);
        return NULL;
    }
    const char *dir = load_dir_of(ld->mem, n->file);
    return strcmp(dir, ".") == 0 ? arena_strdup(ld->mem, name)
                                 : arena_printf(ld->mem, "%s/%s", dir, name);
}

int load_lookup(yread *ld, const ynode *n, const char *path, const char *what,
                const char *const *names, size_t count)
{
    const char *key = yread_text(ld, n, path);
    if (!key)
        return -1;
    for (size_t i = 0; i < count; i++)
        if (names[i] && strcmp(names[i], key) == 0)
            return (int)i;
    const char *hint = yread_closest(key, names, count);
    if (hint)
        yread_error(ld, n, path, "no %s \"%s\"; did you mean \"%s\"?", _(what), key, hint);
    else
        yread_error(ld, n, path, "no %s \"%s\"", _(what), key);
    return -1;
}

void load_unique_id(yread *ld, const ynode *at, const char *path, const char *what,
                    const char *const *ids, size_t count, const char *id)
{
    for (size_t i = 0; id && i < count; i++)
        if (ids[i] && strcmp(ids[i], id) == 0) {
            yread_error(ld, at, path, "%s \"%s\" is given twice; ids must be unique", _(what), id);
            return;
        }
}

static int find_member(const association *a, const char *name)
{
    for (size_t i = 0; i < a->nmembers; i++)
        if (strcmp(a->members[i].name, name) == 0 || strcmp(a->members[i].short_name, name) == 0)
            return (int)i;
    return -1;
}

size_t *load_member_refs(yread *ld, const association *a, const ynode *n, const char *path,
                         size_t *count)
{
    *count = 0;
    size_t nitems = yread_one_or_list_count(n);
    if (n->kind == YNODE_MAP || nitems == 0) {
        yread_error(ld, n, path, "expected a member's name or a list of them, found %s",
                    nitems ? ynode_kind_name(n) : _("an empty list"));
        return NULL;
    }
    size_t *refs = ARENA_ARRAY(ld->mem, size_t, nitems);
    /* Names, then short names, so that a suggestion can be either. */
    const char **names = ARENA_ARRAY(ld->mem, const char *, 2 * a->nmembers + 1);
    for (size_t i = 0; i < a->nmembers; i++) {
        names[i] = a->members[i].name;
        names[a->nmembers + i] = a->members[i].short_name;
    }
    for (size_t i = 0; i < nitems; i++) {
        const char *ip;
        const ynode *item = yread_one_or_list_item(ld, n, path, i, &ip);
        const char *name = yread_text(ld, item, ip);
        int m = name ? find_member(a, name) : -1;
        if (m < 0 && name)
            m = load_lookup(ld, item, ip, "member of the association named", names,
                            2 * a->nmembers);
        if (m < 0)
            return NULL;
        refs[i] = (size_t)m % a->nmembers;
    }
    *count = nitems;
    return refs;
}

int load_enum(yread *ld, const ynode *map, const char *key, const char *path,
              const char *const *names, bool required, int fallback)
{
    const ynode *v = required ? yread_require(ld, map, key, path) : ymap_get(map, key);
    if (!v)
        return fallback;
    int i = yread_choice(ld, v, yread_key_path(ld, path, key), names);
    return i < 0 ? fallback : i;
}

const ynode *load_list(yread *ld, const ynode *map, const char *key, const char *path,
                       const char **list_path)
{
    const ynode *v = ymap_get(map, key);
    *list_path = yread_key_path(ld, path, key);
    return v && yread_expect(ld, v, *list_path, YNODE_SEQ) ? v : NULL;
}

size_t load_list_length(const ynode *map, const char *key)
{
    const ynode *v = ymap_get(map, key);
    return v && v->kind == YNODE_SEQ ? v->count : 0;
}
