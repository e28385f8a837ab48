/* load_group: group.yaml: the associations compared side by side and their
 * joint interventions. */
#ifndef PP_LOAD_GROUP_H
#define PP_LOAD_GROUP_H

#include "arena.h"
#include "diag.h"
#include "model.h"

/* Loads a comparison group (group.yaml); its associations as for minutes. */
comparison_group *load_group(arena *mem, const char *path, diag_list *dl);

#endif
