/* document: one document through the whole pipeline — load, compute,
 * template, typeset, write. Shares what every document needs (the style,
 * fonts and templates folder: render_env), loaded once per process. Tells
 * who asks which files each document is made from. */
#ifndef PP_DOCUMENT_H
#define PP_DOCUMENT_H

#include <pthread.h>
#include <stdbool.h>

#include "arena.h"
#include "diag.h"
#include "fonts.h"
#include "style.h"

/* Told of every file a document is made from before the file is read,
 * including files looked for and not found (an association's template that
 * would override the default one). The batch keeps them to know when the
 * document must be made again: a render function that leaves out a file it
 * reads (one a loader opens by itself, such as association.yaml) leaves its
 * document stale when that file changes. */
typedef struct {
    void (*file)(void *ctx, const char *path);
    void *ctx;
} input_recorder;

typedef struct {
    arena mem;
    const char *templates_dir; /* the default templates, e.g. "templates" */
    const style *style;
    font_set *fonts;
    /* cmark-gfm keeps the special characters of inline extensions in one
     * table for the process, which every parse sets and clears again: two
     * parses at once make each other miss strikethrough and autolinks. */
    pthread_mutex_t *markdown_lock;
} render_env;

typedef struct {
    const char *source;           /* the data file the document is made from */
    const char *pdf;              /* where to write it */
    const char *template_name;    /* such as "plan": NAME.mustache */
    const input_recorder *inputs; /* may be NULL */
} document_request;

/* Loads the style and its fonts and readies the libraries, once, before any
 * thread renders: afterwards the environment is only read. Files read are
 * told to `inputs` (may be NULL). False with errors in `dl`. */
bool render_env_open(render_env *env, const char *templates_dir, const input_recorder *inputs,
                     diag_list *dl);
void render_env_close(render_env *env);

/* Renders a plan (plan-YEAR.yaml). Errors and warnings go to `dl`
 * (allocated in its arena); returns false when no PDF was written. Safe to
 * call from several threads at once with the same environment. */
bool document_render_plan(const render_env *env, const document_request *req, diag_list *dl);

#endif
