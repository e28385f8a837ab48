#include "context.h"

#include "format.h"
#include "strbuf.h"

value *context_amount(arena *mem, int64_t amount, bool present)
{
    value *v = value_map(mem);
    char buf[FORMAT_BUF];
    value_set_string(mem, v, "text", present ? format_int(buf, amount) : "");
    value_set_int(mem, v, "value", amount);
    value_set_bool(mem, v, "present", present);
    value_set_bool(mem, v, "negative", present && amount < 0);
    return v;
}

value *context_association(arena *mem, const association *a)
{
    value *v = value_map(mem);
    value_set_string(mem, v, "name", a->name);
    value_set_string(mem, v, "short_name", a->short_name);
    value_set_string(mem, v, "org_number", a->org_number);
    value_set_string(mem, v, "address", a->address);
    value_set_string(mem, v, "phone", a->phone);
    value_set_string(mem, v, "email", a->email);
    value_set_string(mem, v, "web", a->web);
    value_set_string(mem, v, "vision", a->vision);
    value *members = value_set(mem, v, "members", value_list(mem));
    for (size_t i = 0; i < a->nmembers; i++) {
        value *m = value_map(mem);
        value_set_string(mem, m, "name", a->members[i].name);
        value_set_string(mem, m, "short_name", a->members[i].short_name);
        value_push(mem, members, m);
    }
    return v;
}

value *context_count(arena *mem, int64_t count, bool present)
{
    value *v = value_map(mem);
    char buf[FORMAT_BUF];
    value_set_string(mem, v, "text", present ? format_int(buf, count) : "");
    value_set_int(mem, v, "value", count);
    value_set_bool(mem, v, "present", present);
    value_set_bool(mem, v, "one", present && count == 1);
    return v;
}

value *context_percent(arena *mem, int64_t tenths, int decimals, bool present)
{
    value *v = value_map(mem);
    char buf[FORMAT_BUF];
    value_set_string(mem, v, "text", present ? format_percent(buf, tenths, decimals) : "");
    value_set_string(mem, v, "plain", present ? context_plain_tenths(mem, tenths) : "~");
    value_set_int(mem, v, "value", tenths);
    value_set_bool(mem, v, "present", present);
    return v;
}

const char *context_yaml_string(arena *mem, const char *s)
{
    strbuf sb = {0};
    strbuf_putc(&sb, '"');
    for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
        if (*p == '"' || *p == '\\')
            strbuf_printf(&sb, "\\%c", *p);
        else if (*p == '\n' || *p == '\r' || *p == '\t')
            strbuf_putc(&sb, ' ');
        else if (*p < 0x20 || *p == 0x7f)
            strbuf_printf(&sb, "\\x%02x", *p);
        else
            strbuf_putc(&sb, (char)*p);
    }
    strbuf_putc(&sb, '"');
    const char *out = arena_strndup(mem, sb.data, sb.len);
    strbuf_free(&sb);
    return out;
}

const char *context_plain_tenths(arena *mem, int64_t tenths)
{
    uint64_t m = tenths < 0 ? (uint64_t)0 - (uint64_t)tenths : (uint64_t)tenths;
    if (m % 10 == 0)
        return arena_printf(mem, "%s%llu", tenths < 0 ? "-" : "", (unsigned long long)(m / 10));
    return arena_printf(mem, "%s%llu.%llu", tenths < 0 ? "-" : "", (unsigned long long)(m / 10),
                        (unsigned long long)(m % 10));
}

const char *context_date(arena *mem, date d)
{
    if (d.year == 0)
        return "";
    if (d.month == 0)
        return arena_printf(mem, "%04d", d.year);
    if (d.day == 0)
        return arena_printf(mem, "%04d-%02d", d.year, d.month);
    char buf[FORMAT_BUF];
    return arena_strdup(mem, format_date(buf, d));
}

const char *context_date_time(arena *mem, const date_time *t)
{
    int offset = t->utc_offset < 0 ? -t->utc_offset : t->utc_offset;
    return arena_printf(mem, "%s %02d:%02d:%02d %c%02d:%02d", context_date(mem, t->day), t->hour,
                        t->minute, t->second, t->utc_offset < 0 ? '-' : '+', offset / 60,
                        offset % 60);
}

value *context_mark_ends(arena *mem, value *list)
{
    size_t n = list->as.list.count;
    for (size_t i = 0; i < n; i++) {
        value_set_bool(mem, list->as.list.items[i], "first", i == 0);
        value_set_bool(mem, list->as.list.items[i], "last", i + 1 == n);
        value_set_bool(mem, list->as.list.items[i], "before_last", i + 2 == n);
    }
    return list;
}

/* The last two parts of a path: "hoglandet/outcome-2023.yaml". */
static const char *short_path(const char *path)
{
    const char *last = NULL, *before = NULL;
    for (const char *p = path; *p; p++)
        if (*p == '/') {
            before = last;
            last = p;
        }
    return before ? before + 1 : path;
}

value *context_warnings(arena *mem, const diag *items, size_t count)
{
    value *list = value_list(mem);
    for (size_t i = 0; i < count; i++) {
        value *w = value_map(mem);
        value_set_string(mem, w, "message", items[i].message);
        value_set_string(mem, w, "file", items[i].file ? short_path(items[i].file) : NULL);
        value_set_string(mem, w, "line",
                         items[i].line > 0 ? arena_printf(mem, "%d", items[i].line) : NULL);
        value_push(mem, list, w);
    }
    return list;
}
