#include "context.h"

#include <string.h>

#include "format.h"
#include "rules.h"
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

value *context_amount_in(arena *mem, int64_t amount, money_unit unit)
{
    value *v = context_amount(mem, amount, true);
    context_set_unit(mem, v, unit);
    return v;
}

static value *contacts_value(arena *mem, const association *a)
{
    value *list = value_list(mem);
    for (size_t i = 0; i < a->ncontacts; i++) {
        const contact *c = &a->contacts[i];
        value *v = value_map(mem);
        value_set_string(mem, v, "name", c->name);
        value_set_string(mem, v, "role", c->role);
        value_set_string(mem, v, "phone", c->phone);
        value_set_string(mem, v, "email", c->email);
        value_set_string(mem, v, "note", c->note);
        value_push(mem, list, v);
    }
    return list;
}

value *context_association(arena *mem, const association *a)
{
    value *v = value_map(mem);
    value_set_string(mem, v, "name", a->name);
    value_set_string(mem, v, "name_line", context_fence_line(mem, a->name));
    value_set_string(mem, v, "short_name", a->short_name);
    value_set_string(mem, v, "org_number", a->org_number);
    value_set_string(mem, v, "address", a->address);
    value_set_string(mem, v, "phone", a->phone);
    value_set_string(mem, v, "email", a->email);
    value_set_string(mem, v, "web", a->web);
    value_set_string(mem, v, "vision_title", a->vision_title);
    value_set_string(mem, v, "vision", a->vision);
    value_set(mem, v, "contacts", contacts_value(mem, a));
    value_set_bool(mem, v, "has_contact",
                   a->address || a->phone || a->email || a->web || a->org_number || a->ncontacts);
    value *values = value_set(mem, v, "values", value_list(mem));
    for (size_t i = 0; i < a->nvalues; i++) {
        value *cv = value_map(mem);
        value_set_string(mem, cv, "name", a->values[i].name);
        value_set_string(mem, cv, "text", a->values[i].text);
        value_push(mem, values, cv);
    }
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

const char *context_fence_line(arena *mem, const char *s)
{
    if (!s)
        return NULL;
    strbuf sb = {0};
    for (; *s; s++) {
        if (*s == '\n' || *s == '\r' || *s == '\t')
            strbuf_putc(&sb, ' ');
        else if (*s == '\\')
            strbuf_puts(&sb, "\\\\");
        else
            strbuf_putc(&sb, *s);
    }
    char *out = arena_strdup(mem, sb.data ? sb.data : "");
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

const char *context_known_date(arena *mem, date d)
{
    return d.year ? context_date(mem, d) : NULL;
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

value *context_column(arena *mem, const budget_column *col)
{
    static context_kinds kinds = {"is_budget", "is_forecast", "is_outcome", NULL};
    value *v = value_map(mem);
    char buf[FORMAT_BUF];
    value_set_string(mem, v, "year", format_year(buf, col->year));
    context_set_kind(mem, v, kinds, kinds[col->kind]);
    value_set_string(mem, v, "label", col->label);
    return v;
}

static context_kinds units = {"unit_tkr", "unit_kr", NULL};

void context_set_unit(arena *mem, value *v, money_unit unit)
{
    context_set_kind(mem, v, units, unit == UNIT_KR ? "unit_kr" : "unit_tkr");
}

context_diags context_diags_since(const diag_list *dl, size_t first)
{
    context_diags w = {0};
    if (dl && first < dl->count)
        w = (context_diags){dl->items + first, dl->count - first};
    return w;
}

bool context_warned_at(const context_diags *w, source_pos pos)
{
    if (!w || !pos.file || pos.line == 0)
        return false;
    for (size_t i = 0; i < w->count; i++) {
        const diag *d = &w->items[i];
        if (d->severity == DIAG_WARNING && d->line == pos.line && d->col == pos.col && d->file &&
            strcmp(d->file, pos.file) == 0)
            return true;
    }
    return false;
}

context_kinds CONTEXT_EXIT_REASONS = {
    "is_work",  "is_studies", "is_work_or_studies", "is_work_rehabilitation", "is_illness",
    "is_other", NULL};

void context_set_kind(arena *mem, value *v, const context_kinds kinds, const char *kind)
{
    for (size_t i = 0; kinds[i]; i++)
        value_set_bool(mem, v, kinds[i], false);
    if (kind)
        value_set_bool(mem, v, kind, true);
}

value *context_keyed(arena *mem, const context_kinds kinds, const char *key, value *v)
{
    value *m = value_map(mem);
    context_set_kind(mem, m, kinds, NULL);
    value_set(mem, m, key, v);
    return m;
}

const char *context_capitalized(arena *mem, const char *s)
{
    if (!s)
        return NULL;
    char *out = arena_strdup(mem, s);
    unsigned char *u = (unsigned char *)out;
    if (u[0] >= 'a' && u[0] <= 'z')
        u[0] = (unsigned char)(u[0] - 'a' + 'A');
    else if (u[0] == 0xc3 && (u[1] == 0xa4 || u[1] == 0xa5 || u[1] == 0xb6))
        u[1] = (unsigned char)(u[1] - 0x20); /* ä å ö */
    return out;
}

/* ---- financial rules ---------------------------------------------------------- */

static context_kinds measure_keys = {"is_within_budget", "is_administration_share",
                                     "is_equity_share", "is_buffer", NULL};

/* A share where a template prints an amount's unit: neither unit. */
static value *shown_without_unit(arena *mem, value *share)
{
    context_set_kind(mem, share, units, NULL);
    return share;
}

/* A rule's threshold: a share for the shares, an amount for the buffer. */
static value *limit_value(arena *mem, const financial_rule *r, int64_t limit, money_unit unit)
{
    if (r->measure == RULE_BUFFER)
        return context_amount_in(mem, limit, unit);
    return shown_without_unit(mem, context_percent(mem, limit / 10, limit % 100 ? 1 : 0, true));
}

value *context_rule(arena *mem, const financial_rule *r, money_unit unit)
{
    value *v = value_map(mem);
    value_set_string(mem, v, "text", r->text);
    context_set_kind(mem, v, measure_keys, measure_keys[r->measure]);
    value_set(mem, v, "max",
              r->max != INT64_MAX ? limit_value(mem, r, r->max, unit) : value_null(mem));
    value_set(mem, v, "min",
              r->min != INT64_MIN ? limit_value(mem, r, r->min, unit) : value_null(mem));
    return v;
}

value *context_rule_result(arena *mem, const rule_result *res, money_unit unit)
{
    static context_kinds statuses = {"is_met", "is_not_met", "is_no_data", NULL};
    value *v = value_map(mem);
    context_set_kind(mem, v, statuses, statuses[res->status]);
    value *shown = value_null(mem);
    if (res->status != RULE_NO_DATA && res->rule->measure == RULE_BUFFER)
        shown = context_amount_in(mem, res->part, unit);
    else if (res->status != RULE_NO_DATA && res->has_tenths)
        shown = shown_without_unit(mem, context_percent(mem, res->tenths, 1, true));
    value_set(mem, v, "figure", shown);
    return v;
}

value *context_signatures(arena *mem, const signature *list, size_t n)
{
    value *out = value_list(mem);
    for (size_t i = 0; i < n; i++) {
        const signature *s = &list[i];
        value *v = value_map(mem);
        value_set_string(mem, v, "name", s->name);
        value_set_string(mem, v, "title", s->title);
        value_set_string(mem, v, "organisation", s->organisation);
        value_set_bool(mem, v, "described", s->title || s->organisation);
        value_set_string(mem, v, "time",
                         s->time.day.year ? context_date_time(mem, &s->time) : NULL);
        value_set_string(mem, v, "method", s->method);
        value_set_string(mem, v, "id", s->id);
        value_push(mem, out, v);
    }
    return out;
}
