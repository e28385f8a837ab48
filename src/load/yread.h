/* yread: typed reading of yamltree nodes with precise errors. Each reader
 * checks one node, reports "file:line:col: error: key.path: expected …, found …"
 * into the diag_list and says whether the value was good, so a loader can go on
 * and report every problem of a file. Used by every loader of YAML files. */
#ifndef PP_YREAD_H
#define PP_YREAD_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "model.h"
#include "yamltree.h"

typedef struct {
    arena *mem;
    diag_list *dl;
} yread;

void yread_error(yread *ld, const ynode *at, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
/* The same at a place inside a node (textpos.h), and a warning there. */
void yread_error_at(yread *ld, source_pos at, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void yread_warning_at(yread *ld, source_pos at, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
source_pos yread_pos(const ynode *n);
const char *yread_key_path(yread *ld, const char *path, const char *key);
const char *yread_index_path(yread *ld, const char *path, size_t i);
/* A key that takes one value or a list of them: how many values, and the
 * i-th with its key path. */
size_t yread_one_or_list_count(const ynode *n);
const ynode *yread_one_or_list_item(yread *ld, const ynode *n, const char *path, size_t i,
                                    const char **item_path);

bool yread_expect(yread *ld, const ynode *n, const char *path, ynode_kind kind);
/* A map whose keys are all in `allowed` (NULL-terminated); unknown keys are
 * errors with a "did you mean" suggestion. */
bool yread_map(yread *ld, const ynode *n, const char *path, const char *const *allowed);
/* The top of a file: a map with the keys `file_keys` ("plan"); a key of the
 * mapping under file_keys[0] (`keys`) typed at the top is said to belong there. */
bool yread_file_map(yread *ld, const ynode *root, const char *const *file_keys,
                    const char *const *keys);
/* The value of a key that must be there, or NULL with an error. */
const ynode *yread_require(yread *ld, const ynode *map, const char *key, const char *path);
const char *yread_text(yread *ld, const ynode *n, const char *path);
const char *yread_get_text(yread *ld, const ynode *map, const char *key, const char *path,
                           bool required);
/* A whole number written plainly, in [min, max]. */
bool yread_integer(yread *ld, const ynode *n, const char *path, int64_t min, int64_t max,
                   int64_t *out);
/* A decimal number such as 10.5, in [min, max]. */
bool yread_number(yread *ld, const ynode *n, const char *path, double min, double max, double *out);
bool yread_date(yread *ld, const ynode *n, const char *path, date *out);
/* A date of a period, as precise as known: 2025, 2025-10 or 2025-10-31. */
bool yread_period_date(yread *ld, const ynode *n, const char *path, date *out);
/* "2024-02-28 10:45:54 +01:00" (the offset may be left out: UTC). */
bool yread_date_time(yread *ld, const ynode *n, const char *path, date_time *out);
/* An amount of money: a whole number that fits comfortably in int64_t. */
bool yread_amount(yread *ld, const ynode *n, const char *path, int64_t *out);
/* A number of things: a whole number, 0 or more. */
/* An amount that cannot be negative, such as a cost per party. */
bool yread_cost(yread *ld, const ynode *n, const char *path, int64_t *out);
bool yread_count(yread *ld, const ynode *n, const char *path, int64_t *out);
/* An amount or a count that may be left empty (~): `out->present` says which. */
void yread_figure(yread *ld, const ynode *n, const char *path, bool count, figure *out);
/* A decimal number with at most two decimals, as hundredths: 12.5 is 1250. */
bool yread_hundredths(yread *ld, const ynode *n, const char *path, hundredths min, hundredths max,
                      hundredths *out);
/* A percentage from 0 to 100 with at most two decimals, as hundredths. */
bool yread_percent(yread *ld, const ynode *n, const char *path, hundredths *out);
bool yread_bool(yread *ld, const ynode *n, const char *path, bool *out);
/* A list of texts; NULL with *count 0 on errors. */
const char **yread_text_list(yread *ld, const ynode *n, const char *path, size_t *count);
/* The name among the first `count` of `names` (or up to a NULL) that is
 * close enough to `key` to be what was meant, or NULL. */
const char *yread_closest(const char *key, const char *const *names, size_t count);
/* The index of the value in `names` (NULL-terminated), or -1 with an error
 * that suggests the closest name. */
int yread_choice(yread *ld, const ynode *n, const char *path, const char *const *names);

#endif
