/* init: `planpress init FOLDER` — a new association's folder with a
 * commented association.yaml and plan-YEAR.yaml to fill in, each starting
 * with the yaml-language-server line that names its JSON Schema, so that an
 * editor validates and completes them. The files load and build as they
 * are (a plan of placeholders); nothing that exists is overwritten. */
#ifndef PP_INIT_H
#define PP_INIT_H

#include <stdbool.h>

#include "arena.h"
#include "diag.h"

typedef struct {
    const char *folder;     /* the folder to make: "plans/NAME" or as given */
    const char *name;       /* the association's full name */
    const char *short_name; /* its short name */
    int year;               /* of the plan */
    const char *schema_dir; /* where the schemas are, as the files should name it */
} init_request;

/* The request for `arg` (a name, made under plans/ when there is one, or a
 * path), `name` (NULL: "Samordningsförbundet" and the folder's name with a
 * capital), `year` and the schemas in the repository's docs/schema (named
 * relative to the folder) or else in `installed_schemas`. */
init_request init_request_for(arena *mem, const char *arg, const char *name, int year,
                              const char *installed_schemas);
/* Makes the folder and writes the two files; false with errors in `dl`
 * (and nothing written) when the folder already holds either file or cannot
 * be made. `written` receives the paths written (two). */
bool init_association(arena *mem, const init_request *req, const char *written[2],
                      diag_list *dl);

#endif
