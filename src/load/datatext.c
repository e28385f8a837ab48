#include "datatext.h"

#include <string.h>

#include "markdown.h"

bool datatext_fence_allowed(const char *info, int len)
{
    /* The info string's first word decides, as the typesetter reads it. */
    int word = 0;
    while (word < len && info[word] != ' ' && info[word] != '\t')
        word++;
    return word == 0 || (word == 4 && strncmp(info, "part", 4) == 0);
}

/* Where the info string of a fence opening at `line` starts, or NULL: up
 * to three spaces, then three or more ` or ~. */
static const char *fence_info(const char *line, const char *end)
{
    const char *p = line;
    while (p < end && p - line < 3 && *p == ' ')
        p++;
    if (p == end || (*p != '`' && *p != '~'))
        return NULL;
    const char *run = p;
    while (p < end && *p == *run)
        p++;
    if (p - run < 3)
        return NULL;
    while (p < end && (*p == ' ' || *p == '\t'))
        p++;
    return p;
}

bool datatext_is_fence(const char *line)
{
    return fence_info(line, line + strcspn(line, "\n")) != NULL;
}

size_t datatext_past_code_span(const char *text, size_t i)
{
    size_t run = strspn(text + i, "`");
    for (size_t j = i + run; text[j] && text[j] != '\n'; j++)
        if (text[j] == '`') {
            size_t r = strspn(text + j, "`");
            if (r == run)
                return j + r;
            j += r - 1;
        }
    return i + run;
}

const char *datatext_refused_fence(const char *text, int *len, int *line)
{
    int n = 1;
    for (const char *p = text; *p; n++) {
        const char *end = strchr(p, '\n');
        if (!end)
            end = p + strlen(p);
        const char *info = fence_info(p, end);
        int l = info ? (int)(end - info) : 0;
        while (l > 0 && (info[l - 1] == ' ' || info[l - 1] == '\r'))
            l--;
        if (info && !datatext_fence_allowed(info, l)) {
            *len = l;
            *line = n;
            return info;
        }
        p = *end ? end + 1 : end;
    }
    return NULL;
}

void datatext_each_footnote(const char *text, datatext_note_fn *fn, void *ctx)
{
    int line = 1;
    for (const char *p = text; p; line++) {
        const char *q = p;
        while (*q == ' ' && q - p < 3)
            q++;
        if (strncmp(q, "[^", 2) == 0) {
            size_t n = strcspn(q + 2, "] \t\n[");
            if (n && strncmp(q + 2 + n, "]:", 2) == 0)
                fn(ctx, q + 2, n, line);
        }
        p = strchr(p, '\n');
        p = p ? p + 1 : NULL;
    }
}

/* Where a link to `url` starts in text, by cmark's 1-based line and byte
 * column: the target itself when it is written out on that line (cmark's
 * columns are those of the text inside a list item), else that column. */
static size_t link_offset(const char *text, const char *url, int line, int col)
{
    const char *p = text;
    for (int l = 1; l < line && p; l++) {
        p = strchr(p, '\n');
        p = p ? p + 1 : NULL;
    }
    if (!p)
        return 0;
    size_t len = strcspn(p, "\n");
    for (const char *q = p; q + strlen(url) <= p + len; q++)
        if (strncmp(q, url, strlen(url)) == 0)
            return (size_t)(q - text);
    size_t at = (size_t)(col > 0 ? col - 1 : 0);
    return (size_t)(p - text) + (at < len ? at : 0);
}

/* Whether Markdown `text` can hold a link at all: an autolink needs a "<",
 * an inline link "](" and a reference link its definition's "]:". */
static bool may_hold_link(const char *text)
{
    return strchr(text, '<') || (strchr(text, '[') && (strstr(text, "](") || strstr(text, "]:")));
}

void datatext_each_refused_link(const char *text, datatext_link_fn *fn, void *ctx)
{
    if (!may_hold_link(text))
        return; /* not parsed */
    cmark_node *root = markdown_parse(text, strlen(text));
    cmark_iter *it = cmark_iter_new(root);
    for (cmark_event_type ev; (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE;) {
        cmark_node *n = cmark_iter_get_node(it);
        const char *target = cmark_node_get_url(n);
        if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_LINK && target &&
            *target && !markdown_link_allowed(target))
            fn(ctx, target,
               link_offset(text, target, cmark_node_get_start_line(n),
                           cmark_node_get_start_column(n)));
    }
    cmark_iter_free(it);
    cmark_node_free(root);
}
