/* load_association: association.yaml, the association's name, members
 * (with their kinds and populations), contacts and values; and the
 * associations named by id in minutes and comparison groups, read from the
 * folders beside. */
#ifndef PP_LOAD_ASSOCIATION_H
#define PP_LOAD_ASSOCIATION_H

#include "model.h"
#include "yread.h"

/* Loads an association file (association.yaml). NULL on errors (in `dl`). */
association *load_association(arena *mem, const char *path, diag_list *dl);

/* The association of folder `id` beside the folder `dir` (`dir/../id`), or
 * NULL with an error at `at`. */
const association *load_association_by_id(yread *ld, const char *dir, const ynode *at,
                                          const char *path);
/* A list of association ids (or one id as text); NULL on errors. */
const association **load_association_list(yread *ld, const char *dir, const ynode *n,
                                          const char *path, size_t *count);

#endif
