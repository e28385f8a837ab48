#include "json.h"

void json_string(strbuf *sb, const char *s)
{
    if (!s) {
        strbuf_puts(sb, "null");
        return;
    }
    strbuf_putc(sb, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            strbuf_printf(sb, "\\%c", *p);
        else if (*p == '\n')
            strbuf_puts(sb, "\\n");
        else if (*p < 0x20)
            strbuf_printf(sb, "\\u%04x", *p);
        else
            strbuf_putc(sb, (char)*p);
    }
    strbuf_putc(sb, '"');
}

static const char *severity_name(diag_severity s)
{
    return s == DIAG_ERROR ? "error" : s == DIAG_WARNING ? "warning" : "note";
}

void json_diags(strbuf *sb, const diag_list *dl, size_t first)
{
    strbuf_putc(sb, '[');
    for (size_t i = first; i < dl->count; i++) {
        const diag *d = &dl->items[i];
        strbuf_printf(sb, "%s{\"severity\": \"%s\", \"file\": ", i > first ? ", " : "",
                      severity_name(d->severity));
        json_string(sb, d->file);
        strbuf_printf(sb, ", \"line\": %d, \"column\": %d, \"key\": ", d->line, d->col);
        json_string(sb, d->path);
        strbuf_puts(sb, ", \"message\": ");
        json_string(sb, d->message);
        strbuf_putc(sb, '}');
    }
    strbuf_putc(sb, ']');
}
