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
source_pos yread_pos(const ynode *n);
const char *yread_key_path(yread *ld, const char *path, const char *key);
const char *yread_index_path(yread *ld, const char *path, size_t i);

bool yread_expect(yread *ld, const ynode *n, const char *path, ynode_kind kind);
/* A map whose keys are all in `allowed` (NULL-terminated); unknown keys are
 * errors with a "did you mean" suggestion. */
bool yread_map(yread *ld, const ynode *n, const char *path, const char *const *allowed);
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
/* The index of the value in `names` (NULL-terminated), or -1 with an error. */
int yread_choice(yread *ld, const ynode *n, const char *path, const char *const *names);

#endif
