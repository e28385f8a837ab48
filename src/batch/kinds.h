/* kinds: the table of document kinds. A row says which source files make a
 * document of that kind (found by their name under plans/), how its PDF is
 * named, which template it uses by default and which function renders it. A
 * new kind of document is one more row here and its render function in
 * document.c: discovery, incremental rebuilds and the command line follow. */
#ifndef PP_KINDS_H
#define PP_KINDS_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "document.h"

typedef bool document_render_fn(const render_env *env, const document_request *req, diag_list *dl);

typedef struct {
    const char *name; /* "plan": for --kind, messages and the JSON summary */
    /* The names of sources: "plan-*.yaml" (the * standing for at least one
     * character), or a name as it is, "group.yaml". */
    const char *source_pattern;
    /* The PDF is named OUTPUT_PREFIX + STEM + OUTPUT_SUFFIX + ".pdf", STEM
     * being what the * stood for ("2024" in plan-2024.yaml; nothing for a
     * pattern without one). One source may make several documents: minutes
     * and their summary are two rows with the same pattern. */
    const char *output_prefix, *output_suffix;
    const char *template_name; /* the default template: NAME.mustache */
    document_render_fn *render;
} document_kind;

extern const document_kind document_kinds[];
extern const size_t document_kind_count;

const document_kind *kind_named(const char *name);
/* True when a file called `file_name` (without its folder) is a source of `k`. */
bool kind_matches(const document_kind *k, const char *file_name);
/* The file name of the PDF `k` makes from the source `file_name`. */
char *kind_output_name(arena *mem, const document_kind *k, const char *file_name);
/* The kinds' source patterns for messages: "plan-*.yaml, ...". */
const char *kind_patterns(arena *mem);
/* The kinds' names for messages: "plan, report, ...". */
const char *kind_names(arena *mem);

#endif
