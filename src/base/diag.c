#include "diag.h"

#include <stdarg.h>
#include <stdint.h>
#include <string.h>

#include "i18n.h"
#include "utf8.h"

void diag_list_init(diag_list *dl, arena *mem)
{
    *dl = (diag_list){.mem = mem};
}

static char *format_in(arena *mem, const char *fmt, va_list ap)
{
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(NULL, 0, fmt, ap);
    char *msg = arena_alloc(mem, n > 0 ? (size_t)n + 1 : 1);
    msg[0] = '\0';
    if (n > 0)
        vsnprintf(msg, (size_t)n + 1, fmt, again);
    va_end(again);
    return msg;
}

static void add(diag_list *dl, diag_severity sev, const char *file, int line, int col,
                const char *path, const char *msg)
{
    diag *d = ARENA_PUSH(dl->mem, dl->items, dl->count, dl->cap);
    *d = (diag){
        .file = file, .line = line, .col = col, .path = path, .message = msg, .severity = sev};
    if (sev == DIAG_ERROR)
        dl->errors++;
    else if (sev == DIAG_WARNING)
        dl->warnings++;
}

void diag_add(diag_list *dl, diag_severity sev, const char *file, int line, int col,
              const char *path, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = format_in(dl->mem, _(fmt), ap);
    va_end(ap);
    add(dl, sev, file, line, col, path, msg);
}

void diag_add_text(diag_list *dl, diag_severity sev, const char *file, int line, int col,
                   const char *path, const char *text)
{
    add(dl, sev, file, line, col, path, arena_strdup(dl->mem, text));
}

void diag_for_reader(diag_list *dl, const char *fmt, ...)
{
    if (!dl->count)
        return;
    va_list ap;
    va_start(ap, fmt);
    dl->items[dl->count - 1].reader = format_in(dl->mem, fmt, ap);
    va_end(ap);
}

static const char *severity_name(diag_severity sev)
{
    switch (sev) {
    case DIAG_ERROR: return _("error");
    case DIAG_WARNING: return _("warning");
    default: return _("note");
    }
}

/* Writes `s` so that it cannot steer a terminal: control characters (C0,
 * DEL, C1: an escape sequence in a bad value) and bytes that are not UTF-8
 * (a folder's name may hold any) are written as \xHH. */
void diag_put_safe(const char *s, FILE *out)
{
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t cp = utf8_next(s, len, &i);
        bool genuine = cp != 0xFFFD || i - at == 3;
        if (cp == '\t' || (genuine && cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0)))
            fwrite(s + at, 1, i - at, out);
        else
            for (size_t k = at; k < i; k++)
                fprintf(out, "\\x%02x", (unsigned char)s[k]);
    }
}

void diag_print(const diag *d, FILE *out)
{
    if (d->file) {
        diag_put_safe(d->file, out);
        if (d->line > 0)
            fprintf(out, ":%d:%d", d->line, d->col > 0 ? d->col : 1);
        fputs(": ", out);
    } else {
        fputs("planpress: ", out);
    }
    fprintf(out, "%s: ", severity_name(d->severity));
    if (d->path && *d->path) {
        diag_put_safe(d->path, out);
        fputs(": ", out);
    }
    diag_put_safe(d->message, out);
    fputc('\n', out);
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

static diag copy_in(arena *mem, diag d)
{
    d.file = copy_text(mem, d.file);
    d.path = copy_text(mem, d.path);
    d.message = copy_text(mem, d.message);
    d.reader = copy_text(mem, d.reader);
    return d;
}

void diag_list_move(diag_list *dl, arena *mem)
{
    diag *items = dl->count ? ARENA_ARRAY(mem, diag, dl->count) : NULL;
    for (size_t i = 0; i < dl->count; i++)
        items[i] = copy_in(mem, dl->items[i]);
    *dl = (diag_list){mem, items, dl->count, dl->count, dl->errors, dl->warnings};
}

void diag_list_add_all(diag_list *to, const diag_list *from)
{
    for (size_t i = 0; i < from->count; i++) {
        diag d = copy_in(to->mem, from->items[i]);
        add(to, d.severity, d.file, d.line, d.col, d.path, d.message);
        to->items[to->count - 1].reader = d.reader;
    }
}

bool diag_has_errors(const diag_list *dl)
{
    return dl->errors > 0;
}
