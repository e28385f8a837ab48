#include "yamlhint.h"

#include <string.h>

#include "i18n.h"

/* One line of the text as the indentation rules see it. */
typedef struct {
    const char *text; /* from the first character after the indentation */
    size_t len;       /* without a trailing comment and spaces */
    int indent;       /* spaces before the first character */
    bool content;     /* not blank, not only a comment */
    bool tab;         /* a tab in the indentation */
    bool body;        /* inside a block scalar (| or >): free text */
} line_info;

typedef struct {
    line_info *lines;
    int count;
} text_lines;

/* The length of `s` without a " # comment" outside quotes and trailing spaces. */
static size_t without_comment(const char *s, size_t len)
{
    char quote = 0;
    for (size_t i = 0; i < len; i++) {
        if (quote) {
            if (s[i] == quote)
                quote = 0;
        } else if ((s[i] == '"' || s[i] == '\'') && (i == 0 || s[i - 1] == ' ' || s[i - 1] == '[' ||
                                                       s[i - 1] == '{' || s[i - 1] == ',')) {
            quote = s[i];
        } else if (s[i] == '#' && (i == 0 || s[i - 1] == ' ')) {
            len = i;
            break;
        }
    }
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\r'))
        len--;
    return len;
}

/* "key: |", "- >-": the line starts a block scalar. */
static bool opens_block_scalar(const line_info *l)
{
    size_t n = l->len;
    while (n > 0 && (l->text[n - 1] == '-' || l->text[n - 1] == '+' ||
                     (l->text[n - 1] >= '1' && l->text[n - 1] <= '9')))
        n--;
    return n > 0 && (l->text[n - 1] == '|' || l->text[n - 1] == '>') &&
           (n == 1 || l->text[n - 2] == ' ');
}

/* "key:", "-", "key: |": what follows on deeper lines belongs to this line. */
static bool opens_block(const line_info *l)
{
    return (l->len > 0 && l->text[l->len - 1] == ':') || (l->len == 1 && l->text[0] == '-') ||
           opens_block_scalar(l);
}

static text_lines split_lines(arena *mem, const char *data, size_t len, int upto)
{
    text_lines t = {ARENA_ARRAY(mem, line_info, (size_t)upto + 1), 0};
    const char *p = data, *end = data + len;
    int block_indent = -1; /* indentation of the line that opened a block scalar */
    while (p < end && t.count < upto) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *stop = nl ? nl : end;
        line_info *l = &t.lines[t.count++];
        const char *s = p;
        while (s < stop && (*s == ' ' || *s == '\t')) {
            l->tab = l->tab || *s == '\t';
            s++;
        }
        l->indent = (int)(s - p);
        l->text = s;
        l->len = without_comment(s, (size_t)(stop - s));
        l->content = l->len > 0;
        if (block_indent >= 0 && (!l->content || l->indent > block_indent)) {
            l->body = true;
            l->content = false;
        } else {
            block_indent = -1;
        }
        if (l->content && opens_block_scalar(l))
            block_indent = l->indent;
        p = nl ? nl + 1 : end;
    }
    return t;
}

static int next_content(const text_lines *t, int i)
{
    while (++i < t->count)
        if (t->lines[i].content)
            return i;
    return -1;
}

/* "key" of a line "key: …" or "- key: …"; NULL for other lines. */
static const char *line_key(arena *mem, const line_info *l, bool *item)
{
    const char *s = l->text;
    size_t n = l->len;
    *item = n >= 1 && s[0] == '-' && (n == 1 || s[1] == ' ');
    if (*item) {
        s += n >= 2 ? 2 : 1;
        n -= n >= 2 ? 2 : 1;
    }
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '"' || s[i] == '\'' || s[i] == '{' || s[i] == '[')
            return NULL;
        if (s[i] == ':' && (i + 1 == n || s[i + 1] == ' '))
            return i ? arena_strndup(mem, s, i) : NULL;
    }
    return NULL;
}

static bool is_item(const line_info *l)
{
    return l->len >= 1 && l->text[0] == '-' && (l->len == 1 || l->text[1] == ' ');
}

/* The index of the item on line `j` among the items of its list. */
static int item_index(const text_lines *t, int j)
{
    int index = 0, indent = t->lines[j].indent;
    for (int k = j - 1; k >= 0; k--) {
        const line_info *o = &t->lines[k];
        if (!o->content || o->indent > indent)
            continue;
        if (o->indent < indent || !is_item(o))
            break;
        index++;
    }
    return index;
}

/* The key path of the mapping around line `i`, read from the indentation:
 * "plan.budget.costs[2]". A line that is an item of a list is in that item. */
static const char *path_around(arena *mem, const text_lines *t, int i)
{
    if (i < 0 || i >= t->count)
        return NULL;
    const char *path = "";
    int indent = t->lines[i].indent;
    if (is_item(&t->lines[i]))
        path = arena_printf(mem, "[%d]", item_index(t, i));
    for (int j = i - 1; j >= 0; j--) {
        const line_info *l = &t->lines[j];
        if (!l->content || l->indent >= indent)
            continue;
        bool item;
        const char *key = line_key(mem, l, &item);
        if (item) {
            /* "- key:" opening a block deeper than the item's own keys */
            if (key && indent > l->indent + 2 && l->text[l->len - 1] == ':')
                path = arena_printf(mem, ".%s%s", key, path);
            path = arena_printf(mem, "[%d]%s", item_index(t, j), path);
        } else if (key) {
            path = arena_printf(mem, ".%s%s", key, path);
        }
        indent = l->indent;
    }
    if (*path == '.')
        path++;
    return *path ? path : NULL;
}

static void set_hint(yaml_hint *out, int line, int col, const char *message)
{
    out->line = line;
    out->col = col;
    out->message = message;
}

/* The first line indented with a tab. */
static bool tab_hint(arena *mem, const text_lines *t, int upto, yaml_hint *out)
{
    for (int i = 0; i < upto && i < t->count; i++)
        if (t->lines[i].tab && t->lines[i].len > 0 && !t->lines[i].body) {
            set_hint(
                out, i + 1, 1,
                arena_printf(mem,
                             _("line %d is indented with a tab; YAML indents with spaces only: "
                               "replace the tab by spaces"),
                             i + 1));
            return true;
        }
    return false;
}

static const char *indent_message(arena *mem, const text_lines *t, int i, int prev)
{
    int next = next_content(t, i);
    bool around = next >= 0 && t->lines[next].indent == t->lines[prev].indent;
    return arena_printf(mem,
                        _("line %d is indented %d spaces, the %s %d: a key belongs to the "
                          "mapping its indentation puts it in, so indent it as the keys beside it"),
                        i + 1, t->lines[i].indent,
                        around ? _("lines around it") : _("line before it"), t->lines[prev].indent);
}

/* The first line, up to `upto`, indented deeper than the line before it
 * without that line opening a block, or less deep than the line before it
 * but at no level of the lines above. */
static bool indent_hint(arena *mem, const text_lines *t, int upto, yaml_hint *out)
{
    int levels[64], nlevels = 0;
    /* A level where only list items stand: a key there is misplaced. */
    bool keys_at[64] = {false}, items_at[64] = {false};
    int prev = -1;
    for (int i = 0; i < upto && i < t->count; i++) {
        const line_info *l = &t->lines[i];
        if (!l->content)
            continue;
        if (prev < 0 || nlevels == 0) {
            keys_at[0] = items_at[0] = false;
            levels[nlevels++] = l->indent;
        } else if (l->indent > levels[nlevels - 1]) {
            if (!opens_block(&t->lines[prev])) {
                set_hint(out, i + 1, l->indent + 1, indent_message(mem, t, i, prev));
                out->path = path_around(mem, t, prev);
                return true;
            }
            if (nlevels < 64) {
                keys_at[nlevels] = items_at[nlevels] = false;
                levels[nlevels++] = l->indent;
            }
        } else {
            while (nlevels > 1 && levels[nlevels - 1] > l->indent)
                nlevels--;
            bool misplaced_key = items_at[nlevels - 1] && !keys_at[nlevels - 1] && !is_item(l) &&
                                 t->lines[prev].indent > l->indent;
            if (levels[nlevels - 1] != l->indent || misplaced_key) {
                set_hint(out, i + 1, l->indent + 1, indent_message(mem, t, i, prev));
                out->path = path_around(mem, t, prev);
                return true;
            }
        }
        if (is_item(l))
            items_at[nlevels - 1] = true;
        else
            keys_at[nlevels - 1] = true;
        if (is_item(l) && l->len >= 2 && nlevels < 64) {
            keys_at[nlevels] = true;
            items_at[nlevels] = false;
            levels[nlevels++] = l->indent + 2;
        }
        prev = i;
    }
    return false;
}

/* In a {…} or […] on line `i` from column `col`: the first entry whose text
 * holds ": " (which YAML reads as a key) or is cut by ", ". */
static bool flow_hint(arena *mem, const text_lines *t, int i, int col, yaml_hint *out)
{
    if (i < 0 || i >= t->count)
        return false;
    const line_info *l = &t->lines[i];
    int start = col - 1 - l->indent;
    if (start < 0 || (size_t)start >= l->len)
        return false;
    const char *s = l->text + start;
    size_t n = l->len - (size_t)start;
    char open = s[0], close = open == '{' ? '}' : ']';
    if (open != '{' && open != '[')
        return false;
    int depth = 0;
    char quote = 0;
    size_t value_start = 0;
    bool seen_colon = false;
    for (size_t k = 0; k < n; k++) {
        char c = s[k];
        if (quote) {
            quote = c == quote ? 0 : quote;
            continue;
        }
        if ((c == '"' || c == '\'') && k > 0 && (s[k - 1] == ' ' || s[k - 1] == open))
            quote = c;
        else if (c == '{' || c == '[')
            depth++;
        else if (c == '}' || c == ']')
            depth--;
        if (depth == 0) {
            set_hint(out, i + 1, col,
                     arena_printf(mem,
                                  _("this text contains \", \" or \": \" inside %c…%c: put the "
                                    "text in quotes"),
                                  open, close));
            return true;
        }
        if (depth == 1 && c == ',' && (k + 1 == n || s[k + 1] == ' ')) {
            value_start = k + 1;
            seen_colon = false;
        } else if (depth == 1 && c == ':' && (k + 1 < n && s[k + 1] == ' ')) {
            if (seen_colon || open == '[') {
                size_t v = value_start, e = k;
                while (v < k && (s[v] == ' ' || s[v] == open))
                    v++;
                while (e < n && s[e] != ',' && s[e] != close)
                    e++;
                set_hint(out, i + 1, col + (int)v,
                         arena_printf(mem,
                                      _("this text contains \": \" inside %c…%c: put it in quotes "
                                        "(\"%.*s\")"),
                                      open, close, (int)(e - v), s + v));
                return true;
            }
            seen_colon = true;
            value_start = k + 1;
        }
    }
    set_hint(out, i + 1, col,
             arena_printf(mem,
                          _("the %c opened here is not closed on this line: add %c at its end, "
                            "or put a text that contains %c or %c in quotes"),
                          open, close, open, close));
    return true;
}

/* "title: Mål: alla ska…": a second ": " on a line of a block mapping. */
static bool colon_hint(arena *mem, const text_lines *t, int i, yaml_hint *out)
{
    if (i < 0 || i >= t->count || !t->lines[i].content)
        return false;
    const line_info *l = &t->lines[i];
    bool item;
    const char *key = line_key(mem, l, &item);
    if (!key)
        return false;
    size_t after = (size_t)(strlen(key) + 2 + (item ? 2 : 0));
    if (after >= l->len || l->text[after] == '"' || l->text[after] == '\'')
        return false;
    const char *rest = l->text + after;
    size_t n = l->len - after;
    for (size_t k = 0; k + 1 < n; k++)
        if (rest[k] == ':' && rest[k + 1] == ' ') {
            set_hint(out, i + 1, l->indent + (int)after + 1,
                     arena_printf(mem,
                                  _("the text of \"%s\" contains \": \", which YAML reads as a "
                                    "second key: put the text in quotes (\"…\")"),
                                  key));
            return true;
        }
    return false;
}

/* A quoted text that runs to the end of the file. */
static bool quote_hint(arena *mem, const text_lines *t, const yaml_syntax_error *err,
                       yaml_hint *out)
{
    if (!err->context || !strstr(err->context, "quoted scalar") ||
        !strstr(err->problem, "end of stream"))
        return false;
    int i = err->context_line - 1;
    char q = '"';
    if (i >= 0 && i < t->count) {
        int c = err->context_col - 1 - t->lines[i].indent;
        if (c >= 0 && (size_t)c < t->lines[i].len)
            q = t->lines[i].text[c];
    }
    set_hint(out, err->context_line, err->context_col,
             arena_printf(mem,
                          _("the text in quotes that starts here is never closed: add the "
                            "closing %c at its end"),
                          q));
    return true;
}

/* A backslash in double quotes followed by a letter YAML gives no meaning. */
static bool escape_hint(arena *mem, const yaml_syntax_error *err, yaml_hint *out)
{
    if (!strstr(err->problem, "unknown escape"))
        return false;
    set_hint(
        out, err->problem_line, err->problem_col,
        arena_printf(mem, _("a backslash in a text in double quotes starts an escape YAML does "
                            "not know: write \\\\ for a backslash, or put the text in single "
                            "quotes ('…')")));
    return true;
}

void yaml_hint_explain(arena *mem, const char *data, size_t len, const yaml_syntax_error *err,
                       yaml_hint *out)
{
    *out = (yaml_hint){err->problem_line, err->problem_col, NULL, NULL};
    int upto = err->problem_line > err->context_line ? err->problem_line : err->context_line;
    text_lines t = split_lines(mem, data, len, upto + 1);
    int flow_line = err->context && strstr(err->context, "flow") ? err->context_line : 0;
    if (!tab_hint(mem, &t, err->problem_line, out) && !quote_hint(mem, &t, err, out) &&
        !escape_hint(mem, err, out) &&
        !(flow_line && flow_hint(mem, &t, flow_line - 1, err->context_col, out)) &&
        !indent_hint(mem, &t, err->problem_line, out))
        colon_hint(mem, &t, err->problem_line - 1, out);
    if (!out->path)
        out->path = path_around(mem, &t, out->line - 1);
}
