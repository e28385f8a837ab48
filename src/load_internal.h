/* load_internal: what the loaders (load.c, load_budget.c, load_outcome.c,
 * load_minutes.c, load_group.c) share; not for other modules. */
#ifndef PP_LOAD_INTERNAL_H
#define PP_LOAD_INTERNAL_H

#include "formats.h"
#include "load.h"
#include "yamltree.h"
#include "yread.h"

/* Reads `path` and returns the mapping under its one top-level key
 * (`file_keys[0]`), checked against `keys`; NULL with errors in `dl`. */
const ynode *load_top(yread *ld, const char *path, const char *const *file_keys,
                      const char *const *keys);
char *load_dir_of(arena *mem, const char *path);
/* The association of folder `id` beside the folder `dir` (`dir/../id`), or
 * NULL with an error at `at`. */
const association *load_association_by_id(yread *ld, const char *dir, const ynode *at,
                                          const char *path);
/* A list of association ids (or one id as text); NULL on errors. */
const association **load_association_list(yread *ld, const char *dir, const ynode *n,
                                          const char *path, size_t *count);

/* Reports at `at` a file whose name carries another date than its content:
 * `plan-2025.yaml` saying `year: 2024`, `minutes-2024-02-23.yaml` saying
 * `date: 2024-02-22`. A name that is not PREFIX + date + ".yaml" is not checked. */
void load_check_file_date(yread *ld, const ynode *at, const char *path, const char *file,
                          const char *prefix, date inside);

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

void load_budget(yread *ld, const ynode *n, const char *path, const association *a, budget *b);
void load_allocation(yread *ld, const ynode *n, const char *path, const association *a, int year,
                     allocation *al);
financial_rule *load_rules(yread *ld, const ynode *n, const char *path, size_t *count);
/* Participant statistics of one intervention. In a group's joint
 * interventions the figures may be split by association (`assocs`); elsewhere
 * `assocs` is NULL and a split is an error. */
void load_participants(yread *ld, const ynode *n, const char *path,
                       const association *const *assocs, size_t nassocs, participant_stats *ps);

#endif
