#include "kinds.h"

#include <string.h>

#include "strbuf.h"

static const char source_ext[] = ".yaml";

const document_kind document_kinds[] = {
    {"plan", "plan-", "plan-", "", "plan", document_render_plan},
};
const size_t document_kind_count = sizeof document_kinds / sizeof *document_kinds;

const document_kind *kind_named(const char *name)
{
    for (size_t i = 0; i < document_kind_count; i++)
        if (strcmp(document_kinds[i].name, name) == 0)
            return &document_kinds[i];
    return NULL;
}

bool kind_matches(const document_kind *k, const char *file_name)
{
    size_t len = strlen(file_name), plen = strlen(k->source_prefix), elen = strlen(source_ext);
    return len > plen + elen && strncmp(file_name, k->source_prefix, plen) == 0 &&
           strcmp(file_name + len - elen, source_ext) == 0;
}

char *kind_output_name(arena *mem, const document_kind *k, const char *file_name)
{
    const char *stem = file_name;
    size_t len = strlen(file_name);
    if (kind_matches(k, file_name)) {
        stem += strlen(k->source_prefix);
        len -= strlen(k->source_prefix) + strlen(source_ext);
    } else if (len > strlen(source_ext) &&
               strcmp(file_name + len - strlen(source_ext), source_ext) == 0) {
        len -= strlen(source_ext);
    }
    const char *prefix = stem == file_name ? "" : k->output_prefix;
    return arena_printf(mem, "%s%.*s%s.pdf", prefix, (int)len, stem, k->output_suffix);
}

const char *kind_patterns(arena *mem)
{
    strbuf sb = {0};
    for (size_t i = 0; i < document_kind_count; i++)
        strbuf_printf(&sb, "%s%s*%s", i ? ", " : "", document_kinds[i].source_prefix, source_ext);
    char *s = arena_strdup(mem, sb.data ? sb.data : "");
    strbuf_free(&sb);
    return s;
}
