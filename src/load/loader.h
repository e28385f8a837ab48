/* loader: what every loader (load_association, load_budget, load_plan,
 * load_outcome, load_minutes, load_group) shares: a file's one top-level key,
 * lists, lookups by name with "did you mean", unique ids, enumerations and
 * references to members. Not for other modules. */
#ifndef PP_LOADER_H
#define PP_LOADER_H

#include "formats.h"
#include "model.h"
#include "yamltree.h"
#include "yread.h"

/* Reads `path` and returns the mapping under its one top-level key
 * (`file_keys[0]`), checked against `keys`; NULL with errors in `dl`. */
const ynode *load_top(yread *ld, const char *path, const char *const *file_keys,
                      const char *const *keys);
char *load_dir_of(arena *mem, const char *path);
/* Reports at `at` a file whose name carries another date than its content:
 * `plan-2025.yaml` saying `year: 2024`, `minutes-2024-02-23.yaml` saying
 * `date: 2024-02-22`, `delarsrapport-2024-08.yaml` whose period ends in
 * another month (a name of a year and a month is checked against those).
 * A name that is not PREFIX + date + ".yaml" is not checked. */
void load_check_file_date(yread *ld, const ynode *at, const char *path, const char *file,
                          const char *prefix, date inside);

/* The file named by the scalar `n` (such as `rows_from: budget-2024.csv`):
 * a path below the folder of the file `n` is in, or NULL with an error at `n`
 * (a path that is absolute or climbs out with ".." is refused). */
const char *load_beside(yread *ld, const ynode *n, const char *path);

/* The list under `key` of `map`: NULL when absent, or when not a list (an
 * error). `*list_path` is its key path. */
const ynode *load_list(yread *ld, const ynode *map, const char *key, const char *path,
                       const char **list_path);
/* The index of the thing named by the scalar `n` among `names` (count of
 * them), or -1 with "no WHAT \"x\"; did you mean \"y\"?" at `n`. */
int load_lookup(yread *ld, const ynode *n, const char *path, const char *what,
                const char *const *names, size_t count);
/* Reports `id` if it is among the first `count` of `ids` (ids must be unique). */
void load_unique_id(yread *ld, const ynode *at, const char *path, const char *what,
                    const char *const *ids, size_t count, const char *id);
/* Members named by text or a list of texts (name or short name), as indices
 * into the association's members. */
size_t *load_member_refs(yread *ld, const association *a, const ynode *n, const char *path,
                         size_t *count);
/* An enumeration value (as in formats.h) with a default when the key is absent. */
int load_enum(yread *ld, const ynode *map, const char *key, const char *path,
              const char *const *names, bool required, int fallback);

/* The number of items of the list under `key` of `map` (0 when absent). */
size_t load_list_length(const ynode *map, const char *key);

/* An e-signature as the service reports it (minutes, årsredovisning). */
void load_signature(yread *ld, const ynode *n, const char *path, signature *s);

#endif
