#include "document.h"

#include <dirent.h>
#include <cmark-gfm-core-extensions.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "budget.h"
#include "check.h"
#include "context.h"
#include "format.h"
#include "hyphenate.h"
#include "layout.h"
#include "load.h"
#include "load_annual.h"
#include "sie.h"
#include "statements.h"
#include "pdf.h"
#include "strbuf.h"
#include "templates.h"

static void record_input(const input_recorder *inputs, const char *path)
{
    if (inputs)
        inputs->file(inputs->ctx, path);
}

/* Copies what the diagnostics added since `first` point to out of the arena
 * they were made in (a document's, or the environment's), which goes before
 * they are printed. */
static void keep_diagnostics(diag_list *dl, size_t first)
{
    for (size_t i = first; i < dl->count; i++) {
        diag *d = &dl->items[i];
        d->file = d->file ? arena_strdup(dl->mem, d->file) : NULL;
        d->path = d->path ? arena_strdup(dl->mem, d->path) : NULL;
    }
}

static bool load_style_and_fonts(render_env *env, const char *templates_dir,
                                 const input_recorder *inputs, diag_list *dl)
{
    arena_init(&env->mem);
    /* Registers the GFM extensions while only one thread runs. */
    cmark_gfm_core_extensions_ensure_registered();
    const char *style_path = arena_printf(&env->mem, "%s/style.yaml", templates_dir);
    record_input(inputs, style_path);
    env->style = style_load(&env->mem, style_path, dl);
    if (!env->style)
        return false;
    for (int f = 0; f < FACE_COUNT; f++)
        record_input(inputs, env->style->font_files[f]);
    if (env->style->hyphenation.dictionary)
        record_input(inputs, env->style->hyphenation.dictionary);
    env->fonts = fonts_load(env->style, dl);
    env->templates = template_cache_new();
    return env->fonts != NULL && env->templates != NULL;
}

bool render_env_open(render_env *env, const char *templates_dir, const input_recorder *inputs,
                     diag_list *dl)
{
    *env = (render_env){.templates_dir = templates_dir};
    size_t first_diag = dl->count;
    bool ok = load_style_and_fonts(env, templates_dir, inputs, dl);
    keep_diagnostics(dl, first_diag);
    return ok;
}

void render_env_preload(const render_env *env)
{
    const hyphenation_style *hy = &env->style->hyphenation;
    if (hy->dictionary)
        hyphenator_shared(hy->dictionary, hy->left_min, hy->right_min);
    fonts_build_all(env->fonts);
}

void render_env_close(render_env *env)
{
    fonts_free(env->fonts);
    template_cache_free(env->templates);
    arena_free(&env->mem);
    *env = (render_env){0};
}

/* The files a document of an association is loaded from: its source and
 * the association.yaml beside it. */
static void record_source_and_association(arena *mem, const document_request *req)
{
    if (!req->inputs)
        return;
    record_input(req->inputs, req->source);
    const char *slash = strrchr(req->source, '/');
    const char *dir = slash ? arena_strndup(mem, req->source, (size_t)(slash - req->source)) : ".";
    record_input(req->inputs, arena_printf(mem, "%s/association.yaml", dir));
}

/* The CSV files (`rows_from`) the rows of a plan's budget and of an
 * outcome were read from; the plan of the outcome's year counts too. */
static void record_rows_from(const document_request *req, const plan *pl, const outcome *o)
{
    if (o && o->plan_of_year && !pl)
        pl = o->plan_of_year;
    if (pl && pl->budget.rows_from)
        record_input(req->inputs, pl->budget.rows_from);
    if (o && o->rows_from)
        record_input(req->inputs, o->rows_from);
}

/* The words of the association's own hyphenation.txt (its folder is where
 * its templates are), or NULL when it has none. */
static const char *association_hyphenation(const render_env *env, arena *mem,
                                           const document_request *req,
                                           const document_parts *parts, const char **path)
{
    *path = NULL;
    if (!parts->template_dir || strcmp(parts->template_dir, env->templates_dir) == 0)
        return NULL;
    *path = arena_printf(mem, "%s/hyphenation.txt", parts->template_dir);
    record_input(req->inputs, *path); /* read when present; one added later counts */
    return arena_read_file(mem, *path, NULL);
}

/* The default style, or the association's: a style.yaml in the folder of
 * the document's templates changes keys of the default one. Looked for
 * whether it is there or not: one added later makes the document again. */
static const style *document_style(const render_env *env, arena *mem, const document_request *req,
                                   const char *dir, diag_list *dl)
{
    if (!dir || strcmp(dir, env->templates_dir) == 0)
        return env->style;
    const char *path = arena_printf(mem, "%s/style.yaml", dir);
    record_input(req->inputs, path);
    if (access(path, F_OK) != 0)
        return env->style;
    return style_load_over(mem, env->style, path, dl);
}

/* The shared part of every document: template, layout, PDF. */
static bool render_parts(const render_env *env, arena *mem, const document_request *req,
                         const document_parts *parts, diag_list *dl)
{
    const style *st = document_style(env, mem, req, parts->template_dir, dl);
    if (!st)
        return false;
    const char *template_dirs[] = {parts->template_dir, env->templates_dir};
    template_store templates;
    templates_init(&templates, mem, template_dirs, 2);
    templates_share(&templates, env->templates);
    templates_check_outline(&templates, req->template_name, dl);
    if (req->inputs)
        templates_watch(&templates, req->inputs->file, req->inputs->ctx);
    strbuf markdown = {0};
    bool ok = false;
    if (templates_render_markdown(&templates, req->template_name, parts->context, &markdown, dl)) {
        layout_info info = {.title = parts->title,
                            .association = parts->author,
                            .source = arena_printf(mem, "%s (as Markdown)", req->source)};
        info.hyphenation = association_hyphenation(env, mem, req, parts, &info.hyphenation_file);
        layout_doc doc;
        pdf_metadata meta = {.title = parts->title,
                             .author = parts->author,
                             .subject = parts->subject,
                             .keywords = parts->keywords,
                             .language = "sv-SE"};
        ok = layout_markdown(mem, markdown.data, markdown.len, st, env->fonts, &info, &doc,
                             dl) &&
             pdf_write(&doc, env->fonts, &meta, req->pdf, dl);
    }
    strbuf_free(&markdown);
    return ok;
}

bool document_render(const render_env *env, const document_request *req,
                     document_prepare_fn *prepare, diag_list *dl)
{
    arena mem;
    arena_init(&mem);
    size_t first_diag = dl->count, errors_before = dl->errors;
    document_parts parts = {0};
    /* Any error fails the document, before a PDF is written: a figure
     * that cannot be computed must not print as a blank. */
    bool ok = prepare(&mem, req, &parts, dl) && dl->errors == errors_before &&
              render_parts(env, &mem, req, &parts, dl);
    keep_diagnostics(dl, first_diag);
    arena_free(&mem);
    return ok;
}

/* ---- the kinds of documents ------------------------------------------- */

static bool prepare_plan(arena *mem, const document_request *req, document_parts *parts,
                         diag_list *dl)
{
    record_source_and_association(mem, req);
    size_t first = dl->count;
    plan *p = load_plan(mem, req->source, dl);
    if (!p)
        return false;
    record_rows_from(req, p, NULL);
    plan_checked checked = check_plan(mem, p, dl);
    plan_facts facts = {.checked = &checked, .warnings = context_diags_since(dl, first)};
    *parts = (document_parts){.context = context_for_checked_plan(mem, p, &facts),
                              .template_dir = p->assoc->dir,
                              .title = p->title,
                              .author = p->assoc->name,
                              .subject = p->subtitle ? p->subtitle : p->title,
                              .keywords = "verksamhetsplan"};
    return true;
}

bool document_render_plan(const render_env *env, const document_request *req, diag_list *dl)
{
    return document_render(env, req, prepare_plan, dl);
}

/* An annual report from outcome-YEAR.yaml, with plan-YEAR.yaml beside it
 * when there is one. */
static bool prepare_report(arena *mem, const document_request *req, document_parts *parts,
                           diag_list *dl)
{
    record_source_and_association(mem, req);
    size_t first = dl->count;
    outcome *o = load_outcome(mem, req->source, dl);
    if (!o)
        return false;
    record_rows_from(req, NULL, o);
    if (req->inputs) /* read when present; a plan added later makes the report again */
        record_input(req->inputs, arena_printf(mem, "%s/plan-%d.yaml", o->assoc->dir, o->year));
    outcome_checked checked = check_outcome(mem, o, dl);
    context_diags warnings = context_diags_since(dl, first);
    /* The PDF's own title and keywords; the page's words are the template's. */
    const char *title = arena_printf(mem, "Verksamhetsberättelse %d", o->year);
    *parts = (document_parts){.context = context_for_report(mem, o, &checked, &warnings),
                              .template_dir = o->assoc->dir,
                              .title = title,
                              .author = o->assoc->name,
                              .subject = title,
                              .keywords = "verksamhetsberättelse, årsredovisning"};
    return true;
}

bool document_render_report(const render_env *env, const document_request *req, diag_list *dl)
{
    return document_render(env, req, prepare_report, dl);
}

/* ---- årsredovisning and delårsrapport ----------------------------------------- */

/* The files of the year an årsredovisning is made from besides its own: the
 * plan and the outcome of the year, and of each of the four years before
 * their books and outcomes (the five-year overview and last year's column),
 * told to the batch whether they are there or not, so that a new file makes
 * the document again. */
static void record_annual_inputs(arena *mem, const document_request *req, const char *dir,
                                 int year, bool interim)
{
    if (!req->inputs)
        return;
    record_input(req->inputs, arena_printf(mem, "%s/plan-%d.yaml", dir, year));
    record_input(req->inputs, arena_printf(mem, "%s/kontoplan.yaml", dir));
    for (int k = 0; k <= (interim ? 1 : 4); k++) {
        if (k == 0 || !interim)
            record_input(req->inputs, arena_printf(mem, "%s/outcome-%d.yaml", dir, year - k));
        if (k > 0)
            record_input(req->inputs, arena_printf(mem, "%s/sie-%d.se", dir, year - k));
    }
}

/* Last year's and the earlier years' files, where they are: `years` of
 * them. */
static size_t load_earlier(arena *mem, const document_request *req, const annual_report *r,
                           const char *dir, int years, earlier_year *out, diag_list *dl)
{
    size_t n = 0;
    for (int k = 1; k <= years; k++) {
        earlier_year e = {.year = r->year - k};
        const char *sie = arena_printf(mem, "%s/sie-%d.se", dir, e.year);
        const char *outcome_path = arena_printf(mem, "%s/outcome-%d.yaml", dir, e.year);
        if (access(sie, F_OK) == 0) {
            sie_file *f = ARENA_NEW(mem, sie_file);
            if (sie_read(mem, sie, f, dl))
                e.books = f;
        }
        if (access(outcome_path, F_OK) == 0 && (e.outcome = load_outcome(mem, outcome_path, dl)))
            record_rows_from(req, NULL, e.outcome);
        if (e.books || e.outcome)
            out[n++] = e;
    }
    return n;
}

/* The verksamhetsberättelse's parts (goals and participants) of the year's
 * outcome file, for the årsredovisning that holds them; its warnings are
 * the annual report's to print, and stay the document's notes here. */
static void add_activity(arena *mem, value *context, const annual_report *r)
{
    if (r->interim || !r->outcome_of_year)
        return;
    diag_list quiet;
    diag_list_init(&quiet, mem);
    outcome_checked checked = check_outcome(mem, r->outcome_of_year, &quiet);
    context_diags warnings = context_diags_since(&quiet, 0);
    value_set(mem, context, "activity",
              context_for_report(mem, r->outcome_of_year, &checked, &warnings));
}

static bool prepare_annual_document(arena *mem, const document_request *req,
                                    document_parts *parts, bool interim, diag_list *dl)
{
    record_source_and_association(mem, req);
    annual_report *r = load_annual_report(mem, req->source, interim, dl);
    if (!r)
        return false;
    const char *dir = r->assoc->dir;
    record_annual_inputs(mem, req, dir, r->year, interim);
    record_rows_from(req, r->plan_of_year, r->outcome_of_year);
    if (req->inputs) /* the books by their default name, read when there */
        record_input(req->inputs, arena_printf(mem, "%s/%s", dir, annual_default_books(mem, r)));
    sie_file *books = NULL;
    account_map *map = NULL;
    if (r->sie && r->mapping) {
        record_input(req->inputs, r->sie);
        record_input(req->inputs, r->mapping);
        books = ARENA_NEW(mem, sie_file);
        map = load_account_map(mem, r->mapping, dl);
        if (!sie_read(mem, r->sie, books, dl) || !map)
            return false;
    }
    earlier_year earlier[4];
    size_t nearlier = load_earlier(mem, req, r, dir, interim ? 1 : 4, earlier, dl);
    statements *st = ARENA_NEW(mem, statements);
    if (!statements_compute(mem, r, books, map, earlier, nearlier, st, dl))
        return false;
    const char *kind = interim ? "Delårsrapport" : "Årsredovisning";
    const char *title = r->title ? r->title : arena_printf(mem, "%s %d", kind, r->year);
    value *context = context_for_annual(mem, r, st);
    add_activity(mem, context, r);
    *parts = (document_parts){.context = context,
                              .template_dir = dir,
                              .title = title,
                              .author = r->assoc->name,
                              .subject = title,
                              .keywords = interim ? "delårsrapport, prognos"
                                                  : "årsredovisning, resultaträkning, "
                                                    "balansräkning"};
    return true;
}

static bool prepare_annual(arena *mem, const document_request *req, document_parts *parts,
                           diag_list *dl)
{
    return prepare_annual_document(mem, req, parts, false, dl);
}

static bool prepare_interim(arena *mem, const document_request *req, document_parts *parts,
                            diag_list *dl)
{
    return prepare_annual_document(mem, req, parts, true, dl);
}

bool document_render_annual(const render_env *env, const document_request *req, diag_list *dl)
{
    return document_render(env, req, prepare_annual, dl);
}

bool document_render_interim(const render_env *env, const document_request *req, diag_list *dl)
{
    return document_render(env, req, prepare_interim, dl);
}

/* ---- minutes, their summary, comparisons ---------------------------------- */

static const char *folder_of_source(arena *mem, const document_request *req)
{
    const char *slash = strrchr(req->source, '/');
    return slash ? arena_strndup(mem, req->source, (size_t)(slash - req->source)) : ".";
}

/* The association.yaml of each association a document concerns, which the
 * loaders read by themselves. */
static void record_associations(arena *mem, const document_request *req,
                                const association *const *list, size_t n)
{
    for (size_t i = 0; req->inputs && list && i < n; i++)
        record_input(req->inputs, arena_printf(mem, "%s/association.yaml", list[i]->dir));
}

struct document_share {
    arena mem;
    const char *source; /* what was loaded, or NULL */
    minutes *loaded;    /* NULL when it could not be loaded */
    diag_list said;     /* what loading it said */
};

document_share *document_share_new(void)
{
    document_share *s = calloc(1, sizeof *s);
    if (s)
        arena_init(&s->mem);
    return s;
}

void document_share_free(document_share *share)
{
    if (!share)
        return;
    arena_free(&share->mem);
    free(share);
}

/* The minutes of req->source: loaded by the first document of a share, and
 * what loading them said told to each. */
static const minutes *minutes_of(arena *mem, const document_request *req, diag_list *dl)
{
    document_share *s = req->share;
    if (!s)
        return load_minutes(mem, req->source, dl);
    if (!s->source || strcmp(s->source, req->source) != 0) {
        arena_free(&s->mem);
        arena_init(&s->mem);
        diag_list_init(&s->said, &s->mem);
        s->source = arena_strdup(&s->mem, req->source);
        s->loaded = load_minutes(&s->mem, req->source, &s->said);
    }
    diag_list_add_all(dl, &s->said);
    return s->loaded;
}

/* Minutes and their summary: the same context, their own templates. The
 * title carries the date, which the running header then shows on every
 * page. */
static bool prepare_minutes_document(arena *mem, const document_request *req, document_parts *parts,
                                     const char *keywords, diag_list *dl)
{
    record_source_and_association(mem, req);
    const minutes *m = minutes_of(mem, req, dl);
    if (!m)
        return false;
    record_associations(mem, req, m->associations, m->nassociations);
    char date_buf[FORMAT_BUF];
    *parts = (document_parts){
        .context = context_for_minutes(mem, m),
        .template_dir = folder_of_source(mem, req),
        .title = arena_printf(mem, "%s, %s", m->title, format_date(date_buf, m->held_on)),
        .author = m->nassociations == 1 ? m->associations[0]->name : NULL,
        .keywords = keywords};
    return true;
}

static bool prepare_minutes(arena *mem, const document_request *req, document_parts *parts,
                            diag_list *dl)
{
    return prepare_minutes_document(mem, req, parts, "protokoll, minnesanteckningar", dl);
}

static bool prepare_summary(arena *mem, const document_request *req, document_parts *parts,
                            diag_list *dl)
{
    return prepare_minutes_document(mem, req, parts, "protokoll, sammanfattning, beslut", dl);
}

bool document_render_minutes(const render_env *env, const document_request *req, diag_list *dl)
{
    return document_render(env, req, prepare_minutes, dl);
}

bool document_render_summary(const render_env *env, const document_request *req, diag_list *dl)
{
    return document_render(env, req, prepare_summary, dl);
}

/* An association's outcome of a year, loaded and checked into `dl`; none
 * when the file is not there (a warning: its column stays empty). */
static comparison_entry comparison_load(arena *mem, const document_request *req,
                                        const association *a, int year, bool *ok, diag_list *dl)
{
    comparison_entry e = {.assoc = a, .year = year};
    const char *path = arena_printf(mem, "%s/outcome-%d.yaml", a->dir, year);
    record_input(req->inputs, path);
    record_input(req->inputs, arena_printf(mem, "%s/plan-%d.yaml", a->dir, year));
    if (access(path, F_OK) != 0) {
        diag_add(dl, DIAG_WARNING, req->source, 0, 0, NULL,
                 "%s %d: there is no %s, so the comparison has no figures for it", a->name, year,
                 path);
        return e;
    }
    e.o = load_outcome(mem, path, dl);
    if (!e.o) {
        *ok = false;
        return e;
    }
    record_rows_from(req, NULL, e.o);
    e.checked = check_outcome(mem, e.o, dl);
    return e;
}

/* The latest year of which an association of the group has an outcome
 * file (outcome-YEAR.yaml), or 0. */
static int latest_outcome_year(const comparison_group *g)
{
    int latest = 0;
    for (size_t a = 0; a < g->nassociations; a++) {
        DIR *d = opendir(g->associations[a]->dir);
        struct dirent *e;
        while (d && (e = readdir(d))) {
            int year, end = 0;
            if (sscanf(e->d_name, "outcome-%4d.yaml%n", &year, &end) == 1 &&
                e->d_name[end] == '\0' && end == 17 && year > latest)
                latest = year;
        }
        if (d)
            closedir(d);
    }
    return latest;
}

/* A group that names no years compares the latest year with an outcome;
 * the next year's outcome files are inputs, so that the comparison moves on
 * to that year when one appears. False with an error when there is none. */
static bool default_years(arena *mem, const document_request *req, comparison_group *g,
                          diag_list *dl)
{
    int year = latest_outcome_year(g);
    for (size_t a = 0; a < g->nassociations; a++)
        record_input(req->inputs,
                     arena_printf(mem, "%s/outcome-%d.yaml", g->associations[a]->dir, year + 1));
    if (!year) {
        diag_add(dl, DIAG_ERROR, req->source, 0, 0, "group.years",
                 "no years are given and no association of the group has an outcome file "
                 "(outcome-YEAR.yaml) to compare");
        return false;
    }
    g->years = ARENA_NEW(mem, int);
    g->years[0] = year;
    g->nyears = 1;
    return true;
}

static bool prepare_comparison(arena *mem, const document_request *req, document_parts *parts,
                               diag_list *dl)
{
    record_input(req->inputs, req->source);
    size_t first = dl->count;
    comparison_group *g = load_group(mem, req->source, dl);
    if (!g)
        return false;
    record_associations(mem, req, g->associations, g->nassociations);
    if (g->nyears == 0 && !default_years(mem, req, g, dl))
        return false;
    size_t n = g->nyears * g->nassociations;
    comparison_entry *entries = ARENA_ARRAY(mem, comparison_entry, n + 1);
    bool ok = true;
    for (size_t y = 0; y < g->nyears; y++)
        for (size_t a = 0; a < g->nassociations; a++)
            entries[y * g->nassociations + a] =
                comparison_load(mem, req, g->associations[a], g->years[y], &ok, dl);
    if (!ok)
        return false;
    const outcome **outcomes = ARENA_ARRAY(mem, const outcome *, n + 1);
    for (size_t i = 0; i < n; i++)
        outcomes[i] = entries[i].o;
    check_group(g, outcomes, dl);
    value *context =
        context_for_comparison(mem, g, entries, n, dl->items + first, dl->count - first);
    const value *years = value_get(value_get(context, "group"), "years");
    *parts = (document_parts){.context = context,
                              .template_dir = folder_of_source(mem, req),
                              .title = arena_printf(mem, "%s %s", g->name, years->as.str.s),
                              .keywords = "jämförelse, samordningsförbund"};
    return true;
}

bool document_render_comparison(const render_env *env, const document_request *req, diag_list *dl)
{
    return document_render(env, req, prepare_comparison, dl);
}
