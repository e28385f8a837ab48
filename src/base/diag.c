#include "diag.h"

#include <stdarg.h>

void diag_list_init(diag_list *dl, arena *mem)
{
    *dl = (diag_list){.mem = mem};
}

void diag_add(diag_list *dl, diag_severity sev, const char *file, int line, int col,
              const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    char *msg = arena_alloc(dl->mem, n > 0 ? (size_t)n + 1 : 1);
    va_start(ap, fmt);
    if (n > 0)
        vsnprintf(msg, (size_t)n + 1, fmt, ap);
    va_end(ap);

    diag *d = ARENA_PUSH(dl->mem, dl->items, dl->count, dl->cap);
    *d = (diag){
        .file = file, .line = line, .col = col, .path = path, .message = msg, .severity = sev};
    if (sev == DIAG_ERROR)
        dl->errors++;
    else if (sev == DIAG_WARNING)
        dl->warnings++;
}

static const char *severity_name(diag_severity sev)
{
    switch (sev) {
    case DIAG_ERROR: return "error";
    case DIAG_WARNING: return "warning";
    default: return "note";
    }
}

void diag_print(const diag *d, FILE *out)
{
    if (d->file) {
        fputs(d->file, out);
        if (d->line > 0)
            fprintf(out, ":%d:%d", d->line, d->col > 0 ? d->col : 1);
        fputs(": ", out);
    } else {
        fputs("planpress: ", out);
    }
    fprintf(out, "%s: ", severity_name(d->severity));
    if (d->path && *d->path)
        fprintf(out, "%s: ", d->path);
    fprintf(out, "%s\n", d->message);
}

void diag_print_all(const diag_list *dl, FILE *out)
{
    for (size_t i = 0; i < dl->count; i++)
        diag_print(&dl->items[i], out);
}

bool diag_shown(const diag *d, bool quiet, bool verbose)
{
    return !(d->severity == DIAG_NOTE && quiet) && !(d->severity == DIAG_DETAIL && !verbose);
}

void diag_print_shown(const diag_list *dl, FILE *out, bool quiet, bool verbose)
{
    for (size_t i = 0; i < dl->count; i++)
        if (diag_shown(&dl->items[i], quiet, verbose))
            diag_print(&dl->items[i], out);
}

static const char *copy_text(arena *mem, const char *s)
{
    return s ? arena_strdup(mem, s) : NULL;
}

void diag_list_move(diag_list *dl, arena *mem)
{
    diag *items = dl->count ? ARENA_ARRAY(mem, diag, dl->count) : NULL;
    for (size_t i = 0; i < dl->count; i++) {
        items[i] = dl->items[i];
        items[i].file = copy_text(mem, items[i].file);
        items[i].path = copy_text(mem, items[i].path);
        items[i].message = copy_text(mem, items[i].message);
    }
    *dl = (diag_list){mem, items, dl->count, dl->count, dl->errors, dl->warnings};
}

bool diag_has_errors(const diag_list *dl)
{
    return dl->errors > 0;
}
