#include "kinds.h"

#include <string.h>

#include "strbuf.h"

const document_kind document_kinds[] = {
    {"plan", "plan-*.yaml", "plan-", "", "plan", document_render_plan},
    {"report", "outcome-*.yaml", "report-", "", "report", document_render_report},
    {"annual", "arsredovisning-*.yaml", "arsredovisning-", "", "arsredovisning",
     document_render_annual},
    {"interim", "delarsrapport-*.yaml", "delarsrapport-", "", "delarsrapport",
     document_render_interim},
    {"minutes", "minutes-*.yaml", "minutes-", "", "minutes", document_render_minutes},
    {"summary", "minutes-*.yaml", "minutes-", "-summary", "summary", document_render_summary},
    {"comparison", "group.yaml", "comparison", "", "comparison", document_render_comparison},
};
const size_t document_kind_count = sizeof document_kinds / sizeof *document_kinds;

const document_kind *kind_named(const char *name)
{
    for (size_t i = 0; i < document_kind_count; i++)
        if (strcmp(document_kinds[i].name, name) == 0)
            return &document_kinds[i];
    return NULL;
}

/* Where the stem of `file_name` is in it by `pattern`; false when it does
 * not match. */
static bool match(const char *pattern, const char *file_name, size_t *start, size_t *len)
{
    const char *star = strchr(pattern, '*');
    size_t n = strlen(file_name);
    if (!star) {
        *start = *len = 0;
        return strcmp(pattern, file_name) == 0;
    }
    size_t before = (size_t)(star - pattern), after = strlen(star + 1);
    if (n <= before + after || strncmp(file_name, pattern, before) != 0 ||
        strcmp(file_name + n - after, star + 1) != 0)
        return false;
    *start = before;
    *len = n - before - after;
    return true;
}

bool kind_matches(const document_kind *k, const char *file_name)
{
    size_t start, len;
    return match(k->source_pattern, file_name, &start, &len);
}

char *kind_output_name(arena *mem, const document_kind *k, const char *file_name)
{
    size_t start, len;
    if (match(k->source_pattern, file_name, &start, &len))
        return arena_printf(mem, "%s%.*s%s.pdf", k->output_prefix, (int)len, file_name + start,
                            k->output_suffix);
    /* Any other name, as given to render --kind: its own, in .pdf */
    const char *dot = strrchr(file_name, '.');
    int keep = dot && dot != file_name ? (int)(dot - file_name) : (int)strlen(file_name);
    return arena_printf(mem, "%.*s.pdf", keep, file_name);
}

const char *kind_patterns(arena *mem)
{
    strbuf sb = {0};
    for (size_t i = 0; i < document_kind_count; i++)
        strbuf_printf(&sb, "%s%s", i ? ", " : "", document_kinds[i].source_pattern);
    char *s = arena_strdup(mem, sb.data ? sb.data : "");
    strbuf_free(&sb);
    return s;
}
