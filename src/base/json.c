#include "json.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"

void json_string(strbuf *sb, const char *s)
{
    if (!s) {
        strbuf_puts(sb, "null");
        return;
    }
    /* Always valid JSON: a byte that is not UTF-8 (a folder's name may hold
     * any) becomes U+FFFD; control characters, C1 ones too, are escaped. */
    strbuf_putc(sb, '"');
    size_t len = strlen(s);
    for (size_t i = 0; i < len;) {
        size_t at = i;
        uint32_t cp = utf8_next(s, len, &i);
        if (cp == '"' || cp == '\\')
            strbuf_printf(sb, "\\%c", (char)cp);
        else if (cp == '\n')
            strbuf_puts(sb, "\\n");
        else if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || cp == 0xFFFD)
            strbuf_printf(sb, "\\u%04x", (unsigned)cp);
        else
            strbuf_append(sb, s + at, i - at);
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
