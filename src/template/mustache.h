/* mustache: Mustache templates, compiled once into token lists and rendered
 * against a value tree (value.h). Implements the core specification
 * (interpolation with dotted names and the implicit iterator, sections,
 * inverted sections, comments, partials, set delimiters, standalone lines),
 * template inheritance (parents {{<name}} and blocks {{$name}}) and dynamic
 * names ({{>*key}}, {{<*key}}); not lambdas. Escaping is a parameter: HTML
 * (the specification), Markdown (documents: data never breaks the Markdown
 * around it) or none. A template set loads and compiles each template once
 * from layers searched in order (an association's folder, then the default
 * templates). Compiled templates and sets live in the caller's arena.
 *
 * Errors name the template file, line and column:
 *  - when compiling: an unclosed tag, a section, parent or block that is never
 *    closed, a closing tag that closes nothing or another section, a tag with
 *    no name or a name with spaces, a bad set-delimiter tag, a tag other than a
 *    block directly inside a parent, sections nested more than 100 deep;
 *  - when rendering: partials, parents and blocks expanded inside one another
 *    more than 100 deep (a template that includes itself without end),
 *    sections and templates nested more than 1000 deep, more than ten million
 *    tokens rendered (repetition that grows exponentially); with
 *    `strict_partials`, a partial or parent that no layer has; with
 *    `strict_names`, a name the context does not have (a section's too) and a
 *    block argument that overrides nothing, each with a "did you mean".
 * As the specification says, a missing variable renders as nothing, and so
 * does a missing partial or parent unless `strict_partials` is set (documents
 * set it: there a missing partial is most likely a typo).
 *
 * Where the specification leaves a choice:
 *  - a line that holds only blanks and tags printing nothing (sections,
 *    closes, comments, partials, parents, blocks, set delimiters) is
 *    standalone and removed, however many tags it holds; an empty block
 *    {{$name}}{{/name}} alone on a line keeps the line's end;
 *  - indentation is added to every non-empty line that a template writes
 *    (never inside data), so a partial included inline in an indented
 *    partial continues that indentation on its later lines;
 *  - inside a parent only blocks, comments and set delimiters may stand; text
 *    there is ignored, other tags are errors;
 *  - a block argument may itself hold blocks that the outermost parent fills
 *    (arguments are looked up from the outermost parent inwards). */
#ifndef PP_MUSTACHE_H
#define PP_MUSTACHE_H

#include <stdbool.h>

#include "arena.h"
#include "diag.h"
#include "strbuf.h"
#include "value.h"

typedef enum {
    MUSTACHE_ESCAPE_HTML,     /* & < > " become entities */
    MUSTACHE_ESCAPE_MARKDOWN, /* backslash escapes; a newline becomes a space */
    MUSTACHE_ESCAPE_NONE
} mustache_escape;

typedef struct {
    mustache_escape escape;
    bool strict_partials; /* a partial or parent that cannot be found is an error */
    /* A name that no frame of the context has ({{association.telefon}}) and
     * a block argument that its parent never places are errors, with the
     * closest name the context or the parent has. Off, as the specification
     * says, a missing name renders as nothing and such an argument is
     * ignored. A name present with a null value is not missing. */
    bool strict_names;
} mustache_options;

/* Finds the source of template `name` in layer `from` or a later one. Returns
 * the text (allocated in `mem` or kept alive by the caller) and sets `*file`
 * (for messages) and `*layer`; returns NULL when no layer has it. */
typedef struct mustache_template mustache_template;

typedef struct {
    const char *(*load)(void *ctx, arena *mem, const char *name, int from, const char **file,
                        int *layer);
    void *ctx;
    const char *where; /* for messages: where templates are looked for; may be NULL */
    /* Optional; when set, used instead of `load`: finds template `name` in
     * layer `from` or a later one already compiled (by mustache_compile, and
     * kept alive by the caller, so sets of several documents share it) and
     * sets `*layer`. NULL when no layer has it, or with errors in `dl` when
     * it is malformed. */
    const mustache_template *(*load_compiled)(void *ctx, arena *mem, const char *name, int from,
                                              int *layer, diag_list *dl);
} mustache_loader;

typedef struct mustache_set mustache_set;

/* Compiles `source` (named `file` in messages); the template points into
 * `source`, which must outlive it. NULL with errors in `dl` when the
 * template is malformed. */
mustache_template *mustache_compile(arena *mem, const char *file, const char *source,
                                    diag_list *dl);

/* A set of templates by name, loaded through `loader` (NULL: no templates)
 * and compiled on first use. A parent tag that names the template it stands
 * in ({{<plan}} in the association's plan.mustache) reaches the template of
 * that name in a later layer, or the template itself when there is none. */
mustache_set *mustache_set_new(arena *mem, const mustache_loader *loader);
/* Template `name` from the first layer that has it. NULL when none has it
 * (nothing is added to `dl`) or when it is malformed (errors in `dl`). */
const mustache_template *mustache_set_get(mustache_set *set, const char *name, diag_list *dl);

/* Renders `t` with `data`, appending to `out`; partials and parents come from
 * `set` (may be NULL). Returns false with errors in `dl`. */
bool mustache_render_template(mustache_set *set, const mustache_template *t, const value *data,
                              const mustache_options *opt, strbuf *out, diag_list *dl);

/* Compiles and renders `source` in one step; `partials` may be NULL. */
bool mustache_render(arena *mem, const char *file, const char *source, const value *data,
                     const mustache_options *opt, const mustache_loader *partials, strbuf *out,
                     diag_list *dl);

/* Appends `s` escaped for `escape` to `out`. */
void mustache_escape_text(strbuf *out, const char *s, size_t len, mustache_escape escape);

#endif
