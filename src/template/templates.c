#include "templates.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"

static char *read_file(arena *mem, const char *path)
{
    strbuf sb = {0};
    if (!strbuf_append_file(&sb, path)) {
        strbuf_free(&sb);
        return NULL;
    }
    char *copy = arena_strndup(mem, sb.data ? sb.data : "", sb.len);
    strbuf_free(&sb);
    return copy;
}

/* Reports a template that is not UTF-8 text: its bytes would reach the PDF
 * as they are. The template then renders as nothing. */
static bool is_utf8(const template_store *ts, const char *path, const char *text)
{
    size_t bad;
    if (utf8_valid(text, strlen(text), &bad))
        return true;
    int line = 1;
    for (size_t i = 0; i < bad; i++)
        line += text[i] == '\n';
    if (ts->dl)
        diag_add(ts->dl, DIAG_ERROR, path, line, 0, NULL,
                 "not valid UTF-8 text (byte %zu); save the template as UTF-8", bad + 1);
    return false;
}

/* A name stays inside the folders: no path separators, no leading dot. */
static bool is_plain_name(const char *name)
{
    return name[0] && name[0] != '.' && !strchr(name, '/') && !strchr(name, '\\');
}

static const char *load_template(void *ctx, arena *mem, const char *name, int from,
                                 const char **file, int *layer)
{
    const template_store *ts = ctx;
    if (!is_plain_name(name))
        return NULL;
    for (int i = from < 0 ? 0 : from; i < ts->ndirs; i++) {
        char *path = arena_printf(mem, "%s/%s.mustache", ts->dirs[i], name);
        if (ts->looked_for)
            ts->looked_for(ts->looked_for_ctx, path);
        char *text = read_file(mem, path);
        if (text && !is_utf8(ts, path, text))
            text = "";
        if (text) {
            *file = path;
            *layer = i;
            return text;
        }
    }
    return NULL;
}

void templates_init(template_store *ts, arena *mem, const char *const *dirs, int ndirs)
{
    *ts = (template_store){.mem = mem};
    strbuf where = {0};
    for (int i = 0; i < ndirs && ts->ndirs < TEMPLATES_MAX_DIRS; i++) {
        if (!dirs[i])
            continue;
        ts->dirs[ts->ndirs++] = arena_strdup(mem, dirs[i]);
        strbuf_printf(&where, "%s%s/", where.len ? " or " : "", dirs[i]);
    }
    ts->where = arena_strdup(mem, where.data ? where.data : "no folder");
    strbuf_free(&where);
    mustache_loader loader = {load_template, ts, ts->where};
    ts->set = mustache_set_new(mem, &loader);
}

void templates_watch(template_store *ts, template_lookup_fn *fn, void *ctx)
{
    ts->looked_for = fn;
    ts->looked_for_ctx = ctx;
}

bool templates_render_markdown(template_store *ts, const char *name, const value *data, strbuf *out,
                               diag_list *dl)
{
    size_t errors = dl->errors;
    ts->dl = dl;
    const mustache_template *t = mustache_set_get(ts->set, name, dl);
    if (!t) {
        if (dl->errors == errors)
            diag_add(dl, DIAG_ERROR, NULL, 0, 0, NULL, "no template \"%s.mustache\" in %s", name,
                     ts->where);
        return false;
    }
    mustache_options opt = {.escape = MUSTACHE_ESCAPE_MARKDOWN, .strict_partials = true,
                            .strict_names = true};
    return mustache_render_template(ts->set, t, data, &opt, out, dl) && dl->errors == errors;
}
