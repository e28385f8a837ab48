/* document: one document through the whole pipeline — load, compute,
 * template, typeset, write. Shares what every document needs (the style,
 * fonts, templates folder and the templates compiled so far: render_env),
 * loaded once per process or run. Tells
 * who asks which files each document is made from. */
#ifndef PP_DOCUMENT_H
#define PP_DOCUMENT_H

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
    struct template_cache *templates; /* templates.h: compiled once per run */
} render_env;

/* What the documents made from one source one after the other share: the
 * source loaded once (minutes and their summary), with what loading it
 * said, which each of them is told. Empty when made; freed after the last. */
typedef struct document_share document_share;

typedef struct {
    const char *source;           /* the data file the document is made from */
    const char *pdf;              /* where to write it */
    const char *template_name;    /* such as "plan": NAME.mustache */
    const input_recorder *inputs; /* may be NULL */
    document_share *share;        /* may be NULL: the source is loaded for this one */
} document_request;

/* NULL when memory runs out (then each document loads its source). */
document_share *document_share_new(void);
void document_share_free(document_share *share);

/* Loads the style, checks its fonts and readies the libraries, once, before
 * any thread renders: afterwards the environment is only read (a font face
 * is built on its first use, safely between threads: see fonts.h). Files
 * read are told to `inputs` (may be NULL). False with errors in `dl`. */
bool render_env_open(render_env *env, const char *templates_dir, const input_recorder *inputs,
                     diag_list *dl);
/* Loads now what the documents would load on first use (the style's
 * hyphenation dictionary, its font faces): before worker processes are
 * forked, so that they share it rather than each loading its own. A run
 * that builds nothing, or only one document, does not call it. */
void render_env_preload(const render_env *env);
void render_env_close(render_env *env);

/* What one kind of document gives the shared part of the pipeline (template,
 * layout, PDF): its context and what the PDF says about itself. */
typedef struct {
    struct value *context;    /* value.h */
    const char *template_dir; /* the association's folder: its templates come first */
    const char *title, *author, *subject, *keywords;
} document_parts;

/* Loads and computes one kind of document into `parts`, telling
 * req->inputs of every file it reads; false with errors in `dl`. */
typedef bool document_prepare_fn(arena *mem, const document_request *req, document_parts *parts,
                                 diag_list *dl);

/* Runs `prepare`, then the template, layout and PDF, in an arena of the
 * document's own. Errors and warnings go to `dl` (allocated in its arena);
 * false when no PDF was written. Safe to call from several threads at once
 * with the same environment. */
bool document_render(const render_env *env, const document_request *req,
                     document_prepare_fn *prepare, diag_list *dl);

/* Renders a plan (plan-YEAR.yaml). Errors and warnings go to `dl`
 * (allocated in its arena); returns false when no PDF was written. Safe to
 * call from several threads at once with the same environment. */
bool document_render_plan(const render_env *env, const document_request *req, diag_list *dl);
/* Renders an annual report (outcome-YEAR.yaml, with the plan of the year
 * beside it when there is one), in the same way. */
bool document_render_report(const render_env *env, const document_request *req, diag_list *dl);

/* An årsredovisning (arsredovisning-YEAR.yaml) and a delårsrapport
 * (delarsrapport-YEAR-MM.yaml), from the books beside them (an SIE 4 file
 * and kontoplan.yaml) or their typed figures, with the plan and outcome of
 * the year and the earlier years' books and outcomes. */
bool document_render_annual(const render_env *env, const document_request *req, diag_list *dl);
bool document_render_interim(const render_env *env, const document_request *req, diag_list *dl);

/* Minutes (minutes-DATE.yaml), and the one-page summary of their decisions
 * and actions from the same file. */
bool document_render_minutes(const render_env *env, const document_request *req, diag_list *dl);
bool document_render_summary(const render_env *env, const document_request *req, diag_list *dl);
/* A comparison of a group's associations (group.yaml), from the outcome
 * files of its years; the warnings of those files and of the group go to
 * `dl` and into a note in the document. */
bool document_render_comparison(const render_env *env, const document_request *req, diag_list *dl);

#endif
