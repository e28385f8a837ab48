#include "mustache.h"

#include <stdio.h>
#include <string.h>

typedef enum {
    TOK_TEXT,
    TOK_VAR,
    TOK_RAW,
    TOK_SECTION,
    TOK_INVERTED,
    TOK_CLOSE,
    TOK_PARTIAL
} token_kind;

typedef struct {
    token_kind kind;
    const char *text; /* literal text, or the tag's name */
    size_t len;
    size_t end;         /* sections: index of the matching close token */
    const char *indent; /* standalone partials: the whitespace before the tag */
    size_t indent_len;
    int line, col;
} token;

typedef struct {
    arena *mem;
    const char *file;
    diag_list *dl;
    token *toks;
    size_t ntoks, cap;
} template_parse;

typedef struct {
    const mustache_options *opt;
    arena *mem;
    diag_list *dl;
    strbuf *out;
    const value *stack[256];
    size_t depth;
    int partial_depth;
} render_state;

static void position_of(const char *source, const char *at, int *line, int *col)
{
    *line = 1;
    *col = 1;
    for (const char *p = source; p < at; p++) {
        if (*p == '\n') {
            (*line)++;
            *col = 1;
        } else if (((unsigned char)*p & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static void trim(const char **s, size_t *len)
{
    while (*len && is_blank(**s)) {
        (*s)++;
        (*len)--;
    }
    while (*len && is_blank((*s)[*len - 1]))
        (*len)--;
}

static token *push(template_parse *tp, token_kind kind, const char *text, size_t len)
{
    token *t = ARENA_PUSH(tp->mem, tp->toks, tp->ntoks, tp->cap);
    *t = (token){.kind = kind, .text = text, .len = len};
    return t;
}

static bool standalone_kind(char sigil)
{
    return sigil == '#' || sigil == '^' || sigil == '/' || sigil == '!' || sigil == '>';
}

static bool parse(template_parse *tp, const char *src)
{
    const char *p = src, *text_from = src, *line_start = src;
    size_t stack[64], depth = 0;
    for (;;) {
        const char *open = strstr(p, "{{");
        if (!open)
            break;
        for (const char *q = p; q < open; q++)
            if (*q == '\n')
                line_start = q + 1;
        bool triple = open[2] == '{';
        const char *inner = open + (triple ? 3 : 2);
        const char *close = strstr(inner, triple ? "}}}" : "}}");
        int line, col;
        position_of(src, open, &line, &col);
        if (!close) {
            diag_add(tp->dl, DIAG_ERROR, tp->file, line, col, NULL, "unclosed tag: no \"%s\"",
                     triple ? "}}}" : "}}");
            return false;
        }
        const char *after = close + (triple ? 3 : 2);
        char sigil = triple ? '{' : *inner;
        const char *name = inner;
        size_t name_len = (size_t)(close - inner);
        if (strchr("#^/!>&", sigil) && !triple) {
            name++;
            name_len--;
        }
        trim(&name, &name_len);

        bool standalone = false;
        const char *line_end = after;
        if (standalone_kind(sigil)) {
            const char *q = line_start;
            while (q < open && is_blank(*q))
                q++;
            const char *r = after;
            while (is_blank(*r))
                r++;
            if (q == open && (*r == '\n' || *r == '\0' || (*r == '\r' && r[1] == '\n'))) {
                standalone = line_start >= text_from;
                line_end = *r == '\0' ? r : r + (*r == '\r' ? 2 : 1);
            }
        }
        const char *text_end = standalone ? line_start : open;
        if (text_end > text_from)
            push(tp, TOK_TEXT, text_from, (size_t)(text_end - text_from));

        token *t = NULL;
        switch (sigil) {
        case '!': break;
        case '#':
        case '^':
            if (depth == sizeof stack / sizeof stack[0]) {
                diag_add(tp->dl, DIAG_ERROR, tp->file, line, col, NULL,
                         "sections nested too deeply");
                return false;
            }
            t = push(tp, sigil == '#' ? TOK_SECTION : TOK_INVERTED, name, name_len);
            stack[depth++] = tp->ntoks - 1;
            break;
        case '/': {
            if (depth == 0) {
                diag_add(tp->dl, DIAG_ERROR, tp->file, line, col, NULL,
                         "closing tag {{/%.*s}} without an open section", (int)name_len, name);
                return false;
            }
            token *o = &tp->toks[stack[depth - 1]];
            if (o->len != name_len || memcmp(o->text, name, name_len) != 0) {
                diag_add(tp->dl, DIAG_ERROR, tp->file, line, col, NULL,
                         "{{/%.*s}} closes section \"%.*s\" opened at line %d, column %d",
                         (int)name_len, name, (int)o->len, o->text, o->line, o->col);
                return false;
            }
            t = push(tp, TOK_CLOSE, name, name_len);
            tp->toks[stack[--depth]].end = tp->ntoks - 1;
            break;
        }
        case '>':
            t = push(tp, TOK_PARTIAL, name, name_len);
            if (standalone) {
                t->indent = line_start;
                t->indent_len = (size_t)(open - line_start);
            }
            break;
        case '{':
        case '&': t = push(tp, TOK_RAW, name, name_len); break;
        default: t = push(tp, TOK_VAR, name, name_len); break;
        }
        if (t) {
            t->line = line;
            t->col = col;
        }
        p = text_from = standalone ? line_end : after;
        if (standalone)
            line_start = line_end;
    }
    if (*text_from)
        push(tp, TOK_TEXT, text_from, strlen(text_from));
    if (depth > 0) {
        token *o = &tp->toks[stack[depth - 1]];
        diag_add(tp->dl, DIAG_ERROR, tp->file, o->line, o->col, NULL,
                 "section \"%.*s\" is never closed", (int)o->len, o->text);
        return false;
    }
    return true;
}

static const value *lookup(const render_state *rs, const char *name, size_t len)
{
    if (len == 1 && name[0] == '.')
        return rs->depth ? rs->stack[rs->depth - 1] : NULL;
    const char *dot = memchr(name, '.', len);
    size_t first_len = dot ? (size_t)(dot - name) : len;
    char key[256];
    if (first_len >= sizeof key)
        return NULL;
    memcpy(key, name, first_len);
    key[first_len] = '\0';
    const value *v = NULL;
    for (size_t i = rs->depth; i-- > 0 && !v;)
        v = value_get(rs->stack[i], key);
    while (v && dot) {
        const char *part = dot + 1;
        dot = memchr(part, '.', len - (size_t)(part - name));
        size_t plen = dot ? (size_t)(dot - part) : len - (size_t)(part - name);
        if (plen >= sizeof key)
            return NULL;
        memcpy(key, part, plen);
        key[plen] = '\0';
        v = value_get(v, key);
    }
    return v;
}

void mustache_escape_text(strbuf *out, const char *s, size_t len, mustache_escape escape)
{
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (escape == MUSTACHE_ESCAPE_HTML) {
            switch (c) {
            case '&': strbuf_puts(out, "&amp;"); continue;
            case '<': strbuf_puts(out, "&lt;"); continue;
            case '>': strbuf_puts(out, "&gt;"); continue;
            case '"': strbuf_puts(out, "&quot;"); continue;
            default: break;
            }
        } else if (escape == MUSTACHE_ESCAPE_MARKDOWN) {
            if (c == '\n' || c == '\r') {
                strbuf_putc(out, ' ');
                continue;
            }
            if (strchr("\\`*_[]<>|#~&!", c))
                strbuf_putc(out, '\\');
        }
        strbuf_putc(out, c);
    }
}

static void write_value(render_state *rs, const value *v, bool escaped)
{
    char num[64];
    const char *s = NULL;
    size_t len = 0;
    switch (v ? v->kind : VALUE_NULL) {
    case VALUE_STRING:
        s = v->as.str.s;
        len = v->as.str.len;
        break;
    case VALUE_INT:
        len = (size_t)snprintf(num, sizeof num, "%lld", (long long)v->as.i);
        s = num;
        break;
    case VALUE_DOUBLE:
        len = (size_t)snprintf(num, sizeof num, "%.15g", v->as.d);
        s = num;
        break;
    case VALUE_BOOL:
        s = v->as.b ? "true" : "false";
        len = strlen(s);
        break;
    default: return;
    }
    if (escaped)
        mustache_escape_text(rs->out, s, len, rs->opt->escape);
    else
        strbuf_append(rs->out, s, len);
}

static bool render_range(render_state *rs, const template_parse *tp, size_t from, size_t to);
static bool render_source(render_state *rs, const char *file, const char *source,
                          const char *indent, size_t indent_len);

static bool push_context(render_state *rs, const value *v, const token *t, const template_parse *tp)
{
    if (rs->depth == sizeof rs->stack / sizeof rs->stack[0]) {
        diag_add(rs->dl, DIAG_ERROR, tp->file, t->line, t->col, NULL,
                 "data nested too deeply for section \"%.*s\"", (int)t->len, t->text);
        return false;
    }
    rs->stack[rs->depth++] = v;
    return true;
}

static bool render_section(render_state *rs, const template_parse *tp, size_t i)
{
    const token *t = &tp->toks[i];
    const value *v = lookup(rs, t->text, t->len);
    if (t->kind == TOK_INVERTED)
        return value_truthy(v) ? true : render_range(rs, tp, i + 1, t->end);
    if (!value_truthy(v))
        return true;
    if (v->kind != VALUE_LIST) {
        if (!push_context(rs, v, t, tp))
            return false;
        bool ok = render_range(rs, tp, i + 1, t->end);
        rs->depth--;
        return ok;
    }
    for (size_t k = 0; k < v->as.list.count; k++) {
        if (!push_context(rs, v->as.list.items[k], t, tp))
            return false;
        bool ok = render_range(rs, tp, i + 1, t->end);
        rs->depth--;
        if (!ok)
            return false;
    }
    return true;
}

static bool render_partial(render_state *rs, const template_parse *tp, const token *t)
{
    const mustache_partials *pl = rs->opt->partials;
    char name[256];
    if (t->len >= sizeof name)
        return true;
    memcpy(name, t->text, t->len);
    name[t->len] = '\0';
    const char *file = name;
    const char *src = pl ? pl->find(pl->ctx, name, &file) : NULL;
    if (!src)
        return true; /* the specification renders a missing partial as nothing */
    if (rs->partial_depth >= 32) {
        diag_add(rs->dl, DIAG_ERROR, tp->file, t->line, t->col, NULL,
                 "partials nested more than 32 deep (\"%s\" includes itself?)", name);
        return false;
    }
    rs->partial_depth++;
    bool ok = render_source(rs, file, src, t->indent, t->indent_len);
    rs->partial_depth--;
    return ok;
}

static bool render_range(render_state *rs, const template_parse *tp, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        const token *t = &tp->toks[i];
        switch (t->kind) {
        case TOK_TEXT: strbuf_append(rs->out, t->text, t->len); break;
        case TOK_VAR: write_value(rs, lookup(rs, t->text, t->len), true); break;
        case TOK_RAW: write_value(rs, lookup(rs, t->text, t->len), false); break;
        case TOK_SECTION:
        case TOK_INVERTED:
            if (!render_section(rs, tp, i))
                return false;
            i = t->end;
            break;
        case TOK_PARTIAL:
            if (!render_partial(rs, tp, t))
                return false;
            break;
        case TOK_CLOSE: break;
        }
    }
    return true;
}

/* Indents every line of `source` by `indent` (standalone partials). */
static const char *indented(arena *mem, const char *source, const char *indent, size_t ilen)
{
    strbuf sb = {0};
    strbuf_append(&sb, indent, ilen);
    for (const char *p = source; *p; p++) {
        strbuf_putc(&sb, *p);
        if (*p == '\n' && p[1])
            strbuf_append(&sb, indent, ilen);
    }
    const char *copy = sb.data ? arena_strndup(mem, sb.data, sb.len) : "";
    strbuf_free(&sb);
    return copy;
}

static bool render_source(render_state *rs, const char *file, const char *source,
                          const char *indent, size_t indent_len)
{
    if (indent_len)
        source = indented(rs->mem, source, indent, indent_len);
    template_parse tp = {.mem = rs->mem, .file = file, .dl = rs->dl};
    if (!parse(&tp, source))
        return false;
    return render_range(rs, &tp, 0, tp.ntoks);
}

bool mustache_render(arena *mem, const char *file, const char *source, const value *data,
                     const mustache_options *opt, strbuf *out, diag_list *dl)
{
    render_state rs = {.opt = opt, .mem = mem, .dl = dl, .out = out};
    rs.stack[rs.depth++] = data;
    strbuf_append(out, "", 0);
    return render_source(&rs, file, source, NULL, 0);
}
