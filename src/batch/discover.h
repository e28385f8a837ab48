/* discover: finds the documents to make under the folders and files given on
 * the command line, by the names of their source files (kinds.h), and names
 * each one's PDF below the output folder with the folders its source has
 * below plans/: plans/samsund/plan-2024.yaml makes samsund/plan-2024.pdf,
 * whichever path selected it. */
#ifndef PP_DISCOVER_H
#define PP_DISCOVER_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "filecache.h"
#include "kinds.h"

typedef struct {
    const document_kind *kind;
    const char *source; /* as found: "plans/samsund/plan-2024.yaml" */
    const char *output; /* below the output folder: "samsund/plan-2024.pdf" */
} found_document;

typedef struct {
    found_document *items;
    size_t count, cap;
} document_list;

/* Adds the documents under `paths`: folders are searched (hidden ones left
 * out), files taken as they are. Below a path inside `plans_dir`, PDFs are
 * named from `plans_dir`. Elsewhere, an association's folder (one holding
 * association.yaml) puts its PDFs in a folder of its name, and any other
 * folder is a plans folder of its own. The list comes sorted by output, each
 * output once: two sources that would make one PDF are an error in `dl`.
 * False with errors in `dl` for a path that does not exist or a file that
 * makes no document. The folders searched are told to `listings` (may be
 * NULL) with what they hold. */
bool discover(arena *mem, const char *plans_dir, char *const *paths, size_t npaths,
              filecache *listings, document_list *out, diag_list *dl);

/* `path` without "./" folders, doubled or trailing slashes ("./plans//a/"
 * is "plans/a"), so that one file always has one name in the manifest. */
char *clean_path(arena *mem, const char *path);

#endif
