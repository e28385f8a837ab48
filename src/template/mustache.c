#include "mustache.h"
#include "oom.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "suggest.h"

enum {
    MAX_OPEN = 100,       /* sections, parents and blocks open at once in one template */
    MAX_EXPANSIONS = 100, /* partials, parents and blocks expanded inside one another */
    MAX_NESTING = 1000,   /* sections, partials, parents and blocks inside one another */
    MAX_STEPS = 10000000, /* tokens rendered for one template: stops exponential expansion */
    MAX_DELIMITER = 16,
};

/* ---- compiled templates -------------------------------------------------- */

typedef enum {
    T_TEXT,
    T_VAR,      /* {{name}}: escaped */
    T_RAW,      /* {{{name}}}, {{&name}} */
    T_SECTION,  /* {{#name}} */
    T_INVERTED, /* {{^name}} */
    T_PARTIAL,  /* {{>name}} */
    T_PARENT,   /* {{<name}}: holds only blocks, the arguments */
    T_BLOCK,    /* {{$name}}: a place to fill in, or an argument inside a parent */
    T_CLOSE,    /* {{/name}} */
} token_kind;

typedef struct {
    const char *s;
    size_t len;
} name_part;

typedef struct {
    token_kind kind;
    bool line_start;  /* text: begins a line of the source */
    bool standalone;  /* partial, parent, block: alone on its line (the line is removed) */
    bool dynamic;     /* partial, parent: the name is a key whose value names the template */
    const char *text; /* text, or the tag's name (NUL-terminated for partials and parents) */
    size_t len;
    const name_part *parts; /* dotted name; none for the implicit iterator "." */
    size_t nparts;
    size_t end;         /* section, parent, block: index of the closing token */
    const char *indent; /* partial, parent: the standalone line's indentation; block: its
                           content's (or the line's) indentation, added where it is placed */
    size_t indent_len;
    size_t strip; /* block: indentation common to its content's lines, removed from them */
    int line, col;
} token;

struct mustache_template {
    const char *file;
    const char *name; /* NULL unless it came from a set */
    int layer;
    const token *toks;
    size_t ntoks;
};

/* ---- compiling: tags, then standalone lines, then tokens ----------------- */

typedef struct {
    char sigil; /* 0 for {{name}}, or one of # ^ / ! > < $ & { = */
    bool dynamic;
    size_t start, end; /* the whole tag with its delimiters */
    const char *name;
    size_t name_len;
    int line, col;
    bool standalone;              /* on a line of tags and blanks only */
    bool group_first, group_last; /* first or last tag of its line */
    size_t line_from, line_to;    /* standalone: the part of the source the line takes */
    size_t indent_len;            /* standalone: blanks before the line's first tag */
} raw_tag;

typedef struct {
    size_t tok;
    size_t content_from; /* blocks: where the content starts in the source */
} open_entry;

typedef struct {
    arena *mem;
    const char *file;
    const char *src;
    size_t len;
    diag_list *dl;
    raw_tag *tags;
    size_t ntags, tags_cap;
    token *toks;
    size_t ntoks, toks_cap;
    open_entry open[MAX_OPEN];
    size_t nopen;
    size_t counted, line, col; /* position counter for line and column numbers */
} compiler;

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static void count_to(compiler *c, size_t to)
{
    for (; c->counted < to; c->counted++) {
        unsigned char ch = (unsigned char)c->src[c->counted];
        if (ch == '\n') {
            c->line++;
            c->col = 1;
        } else if ((ch & 0xC0) != 0x80) {
            c->col++;
        }
    }
}

static bool is_space(char c)
{
    return is_blank(c) || c == '\n' || c == '\r';
}

static void trim(const char **s, size_t *len)
{
    while (*len && is_space(**s)) {
        (*s)++;
        (*len)--;
    }
    while (*len && is_space((*s)[*len - 1]))
        (*len)--;
}

static bool has_space(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (is_space(s[i]))
            return true;
    return false;
}

/* The first occurrence of `needle` in s[0, len), or NULL. */
static const char *find_text(const char *s, size_t len, const char *needle, size_t nlen)
{
    for (const char *end = s + len; (size_t)(end - s) >= nlen; s++) {
        s = memchr(s, needle[0], (size_t)(end - s) - nlen + 1);
        if (!s)
            return NULL;
        if (memcmp(s, needle, nlen) == 0)
            return s;
    }
    return NULL;
}

#define COMPILE_ERROR(c, line, col, ...)                                                           \
    (diag_add((c)->dl, DIAG_ERROR, (c)->file, (line), (col), NULL, __VA_ARGS__), false)

/* Reads "=open close=" of a set-delimiter tag into `otag` and `ctag`. */
static bool set_delimiters(compiler *c, const raw_tag *t, char *otag, size_t *olen, char *ctag,
                           size_t *clen)
{
    const char *s = t->name;
    size_t len = t->name_len;
    if (len == 0 || s[len - 1] != '=')
        return COMPILE_ERROR(c, t->line, t->col,
                             "a set-delimiter tag must end with '=', as in {{=<%% %%>=}}");
    len--;
    trim(&s, &len);
    size_t first = 0;
    while (first < len && !is_blank(s[first]))
        first++;
    const char *second = s + first;
    size_t second_len = len - first;
    trim(&second, &second_len);
    if (first == 0 || second_len == 0 || has_space(second, second_len) || memchr(s, '=', first) ||
        memchr(second, '=', second_len) || first > MAX_DELIMITER || second_len > MAX_DELIMITER)
        return COMPILE_ERROR(c, t->line, t->col,
                             "a set-delimiter tag needs two delimiters without spaces or '=' "
                             "(at most %d characters each), as in {{=<%% %%>=}}",
                             MAX_DELIMITER);
    memcpy(otag, s, first);
    *olen = first;
    memcpy(ctag, second, second_len);
    *clen = second_len;
    return true;
}

static bool check_name(compiler *c, raw_tag *t)
{
    if (t->sigil == '!' || t->sigil == '=')
        return true;
    if ((t->sigil == '>' || t->sigil == '<') && t->name_len && t->name[0] == '*') {
        t->dynamic = true;
        t->name++;
        t->name_len--;
        trim(&t->name, &t->name_len);
    }
    if (t->name_len == 0)
        return COMPILE_ERROR(c, t->line, t->col, "the tag has no name");
    if (has_space(t->name, t->name_len))
        return COMPILE_ERROR(c, t->line, t->col, "the tag's name \"%.*s\" contains a space",
                             (int)t->name_len, t->name);
    return true;
}

/* Finds every tag, following set-delimiter tags. */
static bool find_tags(compiler *c)
{
    char otag[MAX_DELIMITER + 1] = "{{", ctag[MAX_DELIMITER + 2] = "}}", ttag[MAX_DELIMITER + 2];
    size_t olen = 2, clen = 2;
    const char *src = c->src;
    size_t pos = 0;
    for (;;) {
        const char *o = find_text(src + pos, c->len - pos, otag, olen);
        if (!o)
            return true;
        raw_tag t = {.start = (size_t)(o - src)};
        count_to(c, t.start);
        t.line = (int)c->line;
        t.col = (int)c->col;
        size_t inner = t.start + olen;
        bool triple = inner < c->len && src[inner] == '{';
        const char *close;
        if (triple) {
            ttag[0] = '}';
            memcpy(ttag + 1, ctag, clen);
            close = find_text(src + inner + 1, c->len - inner - 1, ttag, clen + 1);
        } else {
            close = find_text(src + inner, c->len - inner, ctag, clen);
        }
        if (!close)
            return COMPILE_ERROR(c, t.line, t.col, "unclosed tag: \"%.*s\" without \"%s%.*s\"",
                                 (int)olen, otag, triple ? "}" : "", (int)clen, ctag);
        t.name = src + inner;
        t.name_len = (size_t)(close - t.name);
        t.end = (size_t)(close - src) + clen + (triple ? 1 : 0);
        if (triple) {
            t.sigil = '{';
            t.name++;
            t.name_len--;
        } else if (t.name_len && strchr("#^/!><$&=", t.name[0])) {
            t.sigil = t.name[0];
            t.name++;
            t.name_len--;
        }
        trim(&t.name, &t.name_len);
        if (!check_name(c, &t))
            return false;
        if (t.sigil == '=' && !set_delimiters(c, &t, otag, &olen, ctag, &clen))
            return false;
        *ARENA_PUSH(c->mem, c->tags, c->ntags, c->tags_cap) = t;
        pos = t.end;
    }
}

static bool prints_nothing(char sigil)
{
    return sigil != 0 && sigil != '{' && sigil != '&';
}

static bool all_blank(const char *s, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (!is_blank(s[i]))
            return false;
    return true;
}

/* A block opened and closed at once, {{$name}}{{/name}}: alone on a line it
 * keeps the line's end, so what fills it in ends the line. */
static bool is_empty_block(const raw_tag *a, const raw_tag *b)
{
    return a->sigil == '$' && b->sigil == '/' && a->end == b->start && a->name_len == b->name_len &&
           memcmp(a->name, b->name, a->name_len) == 0;
}

/* Marks the tags that stand on a line of their own: only blanks and tags that
 * print nothing (sections, closes, comments, partials, parents, blocks, set
 * delimiters). Such a line is removed, with its line end. */
static void find_standalone_lines(compiler *c)
{
    const char *s = c->src;
    for (size_t i = 0; i < c->ntags;) {
        size_t j = i;
        while (j + 1 < c->ntags &&
               !memchr(s + c->tags[j].end, '\n', c->tags[j + 1].start - c->tags[j].end))
            j++;
        size_t bound = i ? c->tags[i - 1].end : 0, from = c->tags[i].start;
        while (from > bound && s[from - 1] != '\n')
            from--;
        bool alone = all_blank(s, from, c->tags[i].start);
        for (size_t k = i; k <= j && alone; k++)
            alone = prints_nothing(c->tags[k].sigil) &&
                    (k == j || all_blank(s, c->tags[k].end, c->tags[k + 1].start));
        size_t to = c->tags[j].end;
        while (to < c->len && is_blank(s[to]))
            to++;
        size_t line_end = to;
        if (to < c->len && s[to] == '\n')
            line_end = to + 1;
        else if (to + 1 < c->len && s[to] == '\r' && s[to + 1] == '\n')
            line_end = to + 2;
        else if (to < c->len)
            alone = false;
        if (alone && j == i + 1 && is_empty_block(&c->tags[i], &c->tags[j]))
            line_end = to;
        for (size_t k = i; k <= j; k++) {
            raw_tag *t = &c->tags[k];
            t->standalone = alone;
            t->group_first = k == i;
            t->group_last = k == j;
            t->line_from = from;
            t->line_to = line_end;
            t->indent_len = c->tags[i].start - from;
        }
        i = j + 1;
    }
}

static bool in_parent(const compiler *c)
{
    return c->nopen && c->toks[c->open[c->nopen - 1].tok].kind == T_PARENT;
}

static void add_text(compiler *c, size_t from, size_t to)
{
    if (in_parent(c)) /* text between a parent's blocks is ignored */
        return;
    while (from < to) {
        const char *nl = memchr(c->src + from, '\n', to - from);
        size_t end = nl ? (size_t)(nl - c->src) + 1 : to;
        count_to(c, from);
        token *t = ARENA_PUSH(c->mem, c->toks, c->ntoks, c->toks_cap);
        *t = (token){.kind = T_TEXT,
                     .text = c->src + from,
                     .len = end - from,
                     .line_start = from == 0 || c->src[from - 1] == '\n',
                     .line = (int)c->line,
                     .col = (int)c->col};
        from = end;
    }
}

static const name_part *split_name(compiler *c, const char *name, size_t len, size_t *nparts)
{
    *nparts = 0;
    if (len == 1 && name[0] == '.')
        return NULL;
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        n += name[i] == '.';
    name_part *parts = ARENA_ARRAY(c->mem, name_part, n);
    const char *p = name, *end = name + len;
    for (size_t i = 0; i < n; i++) {
        const char *dot = memchr(p, '.', (size_t)(end - p));
        const char *stop = dot ? dot : end;
        parts[i] = (name_part){p, (size_t)(stop - p)};
        p = stop + 1;
    }
    *nparts = n;
    return parts;
}

static const char *tag_text(const raw_tag *t)
{
    switch (t->sigil) {
    case '#': return "{{#";
    case '^': return "{{^";
    case '<': return t->dynamic ? "{{<*" : "{{<";
    case '>': return t->dynamic ? "{{>*" : "{{>";
    case '$': return "{{$";
    case '/': return "{{/";
    case '&': return "{{&";
    case '{': return "{{{";
    default: return "{{";
    }
}

static token *add_tag(compiler *c, const raw_tag *rt, token_kind kind)
{
    if (in_parent(c) && kind != T_BLOCK && kind != T_CLOSE) {
        const token *p = &c->toks[c->open[c->nopen - 1].tok];
        (void)COMPILE_ERROR(c, rt->line, rt->col,
                            "%s%.*s}} cannot stand directly inside {{<%s}}: a parent holds only "
                            "blocks ({{$name}}...{{/name}})",
                            tag_text(rt), (int)rt->name_len, rt->name, p->text);
        return NULL;
    }
    token *t = ARENA_PUSH(c->mem, c->toks, c->ntoks, c->toks_cap);
    *t = (token){.kind = kind,
                 .text = rt->name,
                 .len = rt->name_len,
                 .standalone = rt->standalone,
                 .dynamic = rt->dynamic,
                 .line = rt->line,
                 .col = rt->col};
    if (kind == T_PARTIAL || kind == T_PARENT) {
        t->text = arena_strndup(c->mem, rt->name, rt->name_len);
        if (rt->dynamic)
            t->parts = split_name(c, rt->name, rt->name_len, &t->nparts);
    } else if (kind != T_BLOCK && kind != T_CLOSE) {
        t->parts = split_name(c, rt->name, rt->name_len, &t->nparts);
    }
    if (rt->standalone && kind != T_CLOSE) {
        t->indent = c->src + rt->line_from;
        t->indent_len = rt->indent_len;
    }
    return t;
}

static bool open_tag(compiler *c, const raw_tag *rt, token_kind kind)
{
    if (c->nopen == MAX_OPEN)
        return COMPILE_ERROR(c, rt->line, rt->col, "sections nested more than %d deep", MAX_OPEN);
    if (!add_tag(c, rt, kind))
        return false;
    c->open[c->nopen++] = (open_entry){c->ntoks - 1, rt->standalone ? rt->line_to : rt->end};
    return true;
}

/* The indentation common to the lines of s[from, to) that are not blank:
 * its length, and where it can be read. */
static size_t common_indent(const char *s, size_t from, size_t to, const char **where)
{
    size_t common = SIZE_MAX;
    *where = NULL;
    while (from < to) {
        const char *line = s + from;
        const char *nl = memchr(line, '\n', to - from);
        size_t len = nl ? (size_t)(nl - line) : to - from;
        size_t blanks = 0;
        while (blanks < len && is_blank(line[blanks]))
            blanks++;
        bool blank_line = blanks == len || (blanks + 1 == len && line[blanks] == '\r');
        if (!blank_line) {
            if (!*where) {
                *where = line;
                common = blanks;
            }
            size_t same = 0;
            while (same < common && same < blanks && line[same] == (*where)[same])
                same++;
            common = same;
        }
        from += len + 1;
    }
    return *where ? common : 0;
}

/* A block's content is reindented where it is placed: the indentation its
 * lines share is removed, and the place's indentation added. */
static void measure_block(compiler *c, token *block, size_t content_from, const raw_tag *close)
{
    size_t content_to = close->standalone ? close->line_from : close->start;
    if (!block->standalone || content_to <= content_from)
        return;
    const char *where;
    block->strip = common_indent(c->src, content_from, content_to, &where);
    if (block->strip) {
        block->indent = where;
        block->indent_len = block->strip;
    }
}

static bool close_tag(compiler *c, const raw_tag *rt)
{
    if (c->nopen == 0)
        return COMPILE_ERROR(c, rt->line, rt->col, "{{/%.*s}} closes nothing: no section is open",
                             (int)rt->name_len, rt->name);
    open_entry top = c->open[c->nopen - 1];
    token *o = &c->toks[top.tok];
    if (o->len != rt->name_len || memcmp(o->text, rt->name, o->len) != 0)
        return COMPILE_ERROR(c, rt->line, rt->col,
                             "{{/%.*s}} does not close \"%.*s\", opened at line %d, column %d",
                             (int)rt->name_len, rt->name, (int)o->len, o->text, o->line, o->col);
    c->nopen--;
    if (!add_tag(c, rt, T_CLOSE))
        return false;
    o = &c->toks[top.tok];
    o->end = c->ntoks - 1;
    if (o->kind == T_BLOCK)
        measure_block(c, o, top.content_from, rt);
    return true;
}

static bool add_raw_tag(compiler *c, const raw_tag *rt)
{
    switch (rt->sigil) {
    case '!':
    case '=': return true;
    case '#': return open_tag(c, rt, T_SECTION);
    case '^': return open_tag(c, rt, T_INVERTED);
    case '<': return open_tag(c, rt, T_PARENT);
    case '$': return open_tag(c, rt, T_BLOCK);
    case '/': return close_tag(c, rt);
    case '>': return add_tag(c, rt, T_PARTIAL) != NULL;
    case '{':
    case '&': return add_tag(c, rt, T_RAW) != NULL;
    default: return add_tag(c, rt, T_VAR) != NULL;
    }
}

static bool build_tokens(compiler *c)
{
    size_t pos = 0;
    for (size_t i = 0; i < c->ntags; i++) {
        const raw_tag *rt = &c->tags[i];
        if (rt->standalone) {
            if (rt->group_first)
                add_text(c, pos, rt->line_from);
            if (!add_raw_tag(c, rt))
                return false;
            if (rt->group_last)
                pos = rt->line_to;
        } else {
            add_text(c, pos, rt->start);
            if (!add_raw_tag(c, rt))
                return false;
            pos = rt->end;
        }
    }
    add_text(c, pos, c->len);
    if (c->nopen) {
        const token *o = &c->toks[c->open[c->nopen - 1].tok];
        return COMPILE_ERROR(c, o->line, o->col, "\"%.*s\" is never closed: no {{/%.*s}}",
                             (int)o->len, o->text, (int)o->len, o->text);
    }
    return true;
}

mustache_template *mustache_compile(arena *mem, const char *file, const char *source, diag_list *dl)
{
    compiler c = {.mem = mem,
                  .file = file,
                  .src = source,
                  .len = strlen(source),
                  .dl = dl,
                  .line = 1,
                  .col = 1};
    if (!find_tags(&c))
        return NULL;
    find_standalone_lines(&c);
    c.counted = 0; /* the positions of text tokens are counted again, in order */
    c.line = c.col = 1;
    if (!build_tokens(&c))
        return NULL;
    mustache_template *t = ARENA_NEW(mem, mustache_template);
    *t = (mustache_template){.file = file, .layer = -1, .toks = c.toks, .ntoks = c.ntoks};
    return t;
}

/* ---- template sets ------------------------------------------------------- */

typedef struct {
    const char *name;
    int from;
    const mustache_template *tpl; /* NULL when missing or malformed */
    bool malformed;
} set_entry;

struct mustache_set {
    arena *mem;
    mustache_loader loader;
    set_entry *entries;
    size_t count, cap;
};

mustache_set *mustache_set_new(arena *mem, const mustache_loader *loader)
{
    mustache_set *set = ARENA_NEW(mem, mustache_set);
    set->mem = mem;
    if (loader)
        set->loader = *loader;
    return set;
}

static const set_entry *set_find(mustache_set *set, const char *name, int from, diag_list *dl)
{
    for (size_t i = 0; i < set->count; i++)
        if (set->entries[i].from == from && strcmp(set->entries[i].name, name) == 0)
            return &set->entries[i];
    set_entry e = {.name = arena_strdup(set->mem, name), .from = from};
    int layer = from;
    mustache_template *t = NULL;
    if (set->loader.load_compiled) {
        size_t errors = dl->errors;
        const mustache_template *shared =
            set->loader.load_compiled(set->loader.ctx, set->mem, name, from, &layer, dl);
        if (shared) { /* the set's own handle: its name and layer are the set's */
            t = ARENA_NEW(set->mem, mustache_template);
            *t = *shared;
        }
        e.malformed = !t && dl->errors > errors;
    } else if (set->loader.load) {
        const char *file = e.name;
        const char *src = set->loader.load(set->loader.ctx, set->mem, name, from, &file, &layer);
        t = src ? mustache_compile(set->mem, file, src, dl) : NULL;
        e.malformed = src && !t;
    }
    if (t) {
        t->name = e.name;
        t->layer = layer;
    }
    e.tpl = t;
    set_entry *slot = ARENA_PUSH(set->mem, set->entries, set->count, set->cap);
    *slot = e;
    return slot;
}

const mustache_template *mustache_set_get(mustache_set *set, const char *name, diag_list *dl)
{
    return set_find(set, name, 0, dl)->tpl;
}

/* ---- rendering ----------------------------------------------------------- */

typedef struct {
    const mustache_template *tpl;
    size_t parent; /* index of the {{<parent}} token whose blocks are the arguments */
} argument_scope;

typedef struct {
    mustache_set *set;
    const mustache_options *opt;
    diag_list *dl;
    strbuf *out;
    bool at_line_start; /* the output ends with a line end of a template */
    strbuf indent;      /* indentation of standalone partials, parents and blocks */
    const value *stack[MAX_NESTING + 1]; /* the context stack: data, then sections' values */
    size_t depth;
    argument_scope scopes[MAX_EXPANSIONS];
    size_t nscopes;
    int expansions, nesting;
    long steps;
} render_state;

#define RENDER_ERROR(rs, tpl, t, ...)                                                              \
    (diag_add((rs)->dl, DIAG_ERROR, (tpl)->file, (t)->line, (t)->col, NULL, __VA_ARGS__), false)

static void start_line(render_state *rs)
{
    if (rs->at_line_start) {
        strbuf_append(rs->out, rs->indent.data, rs->indent.len);
        rs->at_line_start = false;
    }
}

/* Template text: one line at most. A standalone partial's indentation goes
 * before every line that is not empty; `strip` blanks come off a line's start. */
static void put_text(render_state *rs, const token *t, size_t strip)
{
    const char *s = t->text;
    size_t len = t->len;
    if (t->line_start)
        for (; strip && len && is_blank(*s); strip--, len--)
            s++;
    if (len == 0)
        return;
    if (s[0] != '\n' && !(s[0] == '\r' && len > 1 && s[1] == '\n'))
        start_line(rs);
    strbuf_append(rs->out, s, len);
    rs->at_line_start = s[len - 1] == '\n';
}

/* The shortest text that reads back as `d`, without an exponent for
 * ordinary magnitudes (1e3 is "1000"). */
static size_t format_double(char *buf, size_t size, double d)
{
    int precision = 1;
    while (precision < 17) {
        snprintf(buf, size, "%.*g", precision, d);
        if (strtod(buf, NULL) == d)
            break;
        precision++;
    }
    int n = snprintf(buf, size, "%.*g", precision, d);
    const char *e = strchr(buf, 'e');
    if (e && d != 0) {
        int exponent = atoi(e + 1);
        if (exponent >= 0 && exponent < 17)
            n = snprintf(buf, size, "%.*f", exponent < precision - 1 ? precision - 1 - exponent : 0,
                         d);
    }
    return (size_t)n;
}

static void put_value(render_state *rs, const value *v, bool escaped)
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
        len = format_double(num, sizeof num, v->as.d);
        s = num;
        break;
    case VALUE_BOOL:
        s = v->as.b ? "true" : "false";
        len = strlen(s);
        break;
    default: return;
    }
    if (len == 0)
        return;
    start_line(rs);
    if (escaped)
        mustache_escape_text(rs->out, s, len, rs->opt->escape);
    else
        strbuf_append(rs->out, s, len);
}

/* The value of a dotted name; NULL when missing, with `*missing` the index
 * of the part not found and `*in` the value it was looked for in (NULL for
 * the first part: every frame of the stack). */
static const value *lookup_at(const render_state *rs, const name_part *parts, size_t nparts,
                              size_t *missing, const value **in)
{
    *missing = 0;
    *in = NULL;
    if (nparts == 0)
        return rs->stack[rs->depth - 1];
    const value *v = NULL;
    for (size_t i = rs->depth; i-- > 0 && !v;)
        v = value_get_n(rs->stack[i], parts[0].s, parts[0].len);
    for (size_t k = 1; k < nparts && v; k++) {
        *missing = k;
        *in = v;
        v = value_get_n(v, parts[k].s, parts[k].len);
    }
    return v;
}

static const value *lookup(const render_state *rs, const name_part *parts, size_t nparts)
{
    size_t missing;
    const value *in;
    return lookup_at(rs, parts, nparts, &missing, &in);
}

/* Up to `cap` keys of map `v`, appended to names[*n]. */
static void add_keys(const value *v, const char **names, size_t *n, size_t cap)
{
    if (!v || v->kind != VALUE_MAP)
        return;
    for (size_t i = 0; i < v->as.map.count && *n < cap; i++)
        names[(*n)++] = v->as.map.entries[i].key;
}

static const char *value_kind_word(const value *v)
{
    switch (v->kind) {
    case VALUE_LIST: return _("a list");
    case VALUE_STRING: return _("a text");
    case VALUE_MAP: return _("a map");
    case VALUE_NULL: return _("empty");
    default: return _("a number or a truth value");
    }
}

/* "; it has a, b and c", at most a dozen names. */
static void name_list(strbuf *out, const char *const *names, size_t n)
{
    enum { SHOWN = 12 };
    if (n == 0)
        return;
    strbuf_puts(out, _("; it has "));
    size_t shown = n < SHOWN ? n : SHOWN;
    for (size_t i = 0; i < shown; i++)
        strbuf_printf(out, "%s%s",
                      i == 0                         ? ""
                      : i + 1 == shown && shown == n ? _(" and ")
                                                     : ", ",
                      names[i]);
    if (shown < n)
        strbuf_printf(out, _(" and %zu more"), n - shown);
}

/* Strict names: reports a name the context does not have. */
static bool name_error(render_state *rs, const mustache_template *tpl, const token *t,
                       size_t missing, const value *in, const char *sigil)
{
    enum { MAX_NAMES = 512 };
    const char *names[MAX_NAMES] = {0};
    size_t n = 0;
    if (in)
        add_keys(in, names, &n, MAX_NAMES);
    else
        for (size_t i = rs->depth; i-- > 0;)
            add_keys(rs->stack[i], names, &n, MAX_NAMES);
    const name_part *p = &t->parts[missing];
    const char *hint = suggest_closest_n(p->s, p->len, names, n);
    int before = (int)(p->s - t->parts[0].s) - (missing ? 1 : 0);
    if (in && in->kind != VALUE_MAP)
        return RENDER_ERROR(rs, tpl, t, "{{%s%.*s}}: \"%.*s\" is %s, with no \"%.*s\" in it",
                            sigil, (int)t->len, t->text, before, t->parts[0].s,
                            value_kind_word(in), (int)p->len, p->s);
    strbuf known = {0};
    if (hint)
        strbuf_printf(&known, _("; did you mean \"%s\"?"), hint);
    else if (in)
        name_list(&known, names, n);
    bool ok = RENDER_ERROR(rs, tpl, t, "{{%s%.*s}}: %s%.*s%s has no \"%.*s\"%s", sigil, (int)t->len,
                           t->text, in ? "\"" : "", in ? before : 0, t->parts[0].s,
                           in ? "\"" : _("the document's data"), (int)p->len, p->s,
                           known.data ? known.data : "");
    strbuf_free(&known);
    return ok;
}

/* The value of tag `t`'s name; false (with an error) when strict names are
 * asked for and the context does not have it. */
static bool lookup_tag(render_state *rs, const mustache_template *tpl, const token *t,
                       const char *sigil, const value **v)
{
    size_t missing;
    const value *in;
    *v = lookup_at(rs, t->parts, t->nparts, &missing, &in);
    if (*v || !rs->opt->strict_names)
        return true;
    return name_error(rs, tpl, t, missing, in, sigil);
}

static bool render_range(render_state *rs, const mustache_template *tpl, size_t from, size_t to,
                         size_t strip);

static const char *sigil_of(const token *t)
{
    switch (t->kind) {
    case T_SECTION: return "#";
    case T_INVERTED: return "^";
    case T_PARTIAL: return t->dynamic ? ">*" : ">";
    case T_PARENT: return t->dynamic ? "<*" : "<";
    case T_BLOCK: return "$";
    case T_RAW: return "&";
    default: return "";
    }
}

/* Renders the body of section `i`, with `v` on the context stack unless NULL. */
static bool render_body(render_state *rs, const mustache_template *tpl, size_t i, const value *v,
                        size_t strip)
{
    const token *t = &tpl->toks[i];
    if (rs->nesting == MAX_NESTING)
        return RENDER_ERROR(rs, tpl, t,
                            "{{%s%.*s}}: sections and templates nested more than %d deep",
                            sigil_of(t), (int)t->len, t->text, MAX_NESTING);
    rs->nesting++;
    if (v)
        rs->stack[rs->depth++] = v;
    bool ok = render_range(rs, tpl, i + 1, t->end, strip);
    if (v)
        rs->depth--;
    rs->nesting--;
    return ok;
}

static bool render_section(render_state *rs, const mustache_template *tpl, size_t i, size_t strip)
{
    const token *t = &tpl->toks[i];
    const value *v;
    if (!lookup_tag(rs, tpl, t, t->kind == T_INVERTED ? "^" : "#", &v))
        return false;
    if (t->kind == T_INVERTED)
        return value_truthy(v) || render_body(rs, tpl, i, NULL, strip);
    if (!value_truthy(v))
        return true;
    if (v->kind != VALUE_LIST)
        return render_body(rs, tpl, i, v, strip);
    for (size_t k = 0; k < v->as.list.count; k++)
        if (!render_body(rs, tpl, i, v->as.list.items[k], strip))
            return false;
    return true;
}

/* Enters a partial, parent or block: counts the depth and adds the
 * indentation of a standalone tag (less what the enclosing block strips). */
static bool enter(render_state *rs, const mustache_template *tpl, const token *t, size_t strip,
                  size_t *indent_mark)
{
    if (rs->expansions == MAX_EXPANSIONS || rs->nesting == MAX_NESTING)
        return RENDER_ERROR(rs, tpl, t,
                            "{{%s%.*s}}: templates nested more than %d deep; does it include "
                            "itself without end?",
                            sigil_of(t), (int)t->len, t->text,
                            rs->expansions == MAX_EXPANSIONS ? MAX_EXPANSIONS : MAX_NESTING);
    rs->expansions++;
    rs->nesting++;
    *indent_mark = rs->indent.len;
    if (t->standalone) {
        size_t skip = strip < t->indent_len ? strip : t->indent_len;
        strbuf_append(&rs->indent, t->indent + skip, t->indent_len - skip);
    }
    return true;
}

static void leave(render_state *rs, size_t indent_mark)
{
    rs->expansions--;
    rs->nesting--;
    rs->indent.len = indent_mark;
}

/* The template a partial or parent tag names; NULL when there is none
 * (`*failed` tells whether that is an error). */
static const mustache_template *resolve(render_state *rs, const mustache_template *tpl,
                                        const token *t, bool *failed)
{
    *failed = false;
    const char *name = t->text;
    if (t->dynamic) {
        const value *v = lookup(rs, t->parts, t->nparts);
        if (!v || v->kind != VALUE_STRING)
            return NULL;
        name = v->as.str.s;
    }
    if (!rs->set)
        return NULL;
    bool self = t->kind == T_PARENT && tpl->name && strcmp(name, tpl->name) == 0;
    const set_entry *e = set_find(rs->set, name, self ? tpl->layer + 1 : 0, rs->dl);
    if (!e->tpl && self && !e->malformed)
        return tpl;
    if (e->malformed) {
        *failed = true;
    } else if (!e->tpl && rs->opt->strict_partials) {
        const char *where = rs->set->loader.where;
        (void)RENDER_ERROR(rs, tpl, t, "{{%c%s%s}}: no template \"%s\"%s%s",
                           t->kind == T_PARENT ? '<' : '>', t->dynamic ? "*" : "", t->text, name,
                           where ? _(" in ") : "", where ? where : "");
        *failed = true;
    }
    return e->tpl;
}

static bool render_partial(render_state *rs, const mustache_template *tpl, const token *t,
                           size_t strip)
{
    bool failed;
    const mustache_template *p = resolve(rs, tpl, t, &failed);
    if (!p)
        return !failed;
    size_t mark;
    if (!enter(rs, tpl, t, strip, &mark))
        return false;
    bool ok = render_range(rs, p, 0, p->ntoks, 0);
    leave(rs, mark);
    return ok;
}

/* ---- strict names: a block argument that its parent never places -------- */

enum { MAX_BLOCK_NAMES = 512, MAX_BLOCK_TEMPLATES = 64 };

typedef struct {
    const char *names[MAX_BLOCK_NAMES];
    size_t count;
    const mustache_template *seen[MAX_BLOCK_TEMPLATES];
    size_t nseen;
    bool unknown; /* a dynamic name or too many templates: the blocks cannot be known */
} block_names;

/* The blocks `tpl` places, with those of the partials and parents it names. */
static void collect_blocks(render_state *rs, const mustache_template *tpl, block_names *b)
{
    for (size_t k = 0; k < b->nseen; k++)
        if (b->seen[k] == tpl)
            return;
    if (b->nseen == MAX_BLOCK_TEMPLATES) {
        b->unknown = true;
        return;
    }
    b->seen[b->nseen++] = tpl;
    for (size_t i = 0; i < tpl->ntoks && !b->unknown; i++) {
        const token *t = &tpl->toks[i];
        if (t->kind == T_BLOCK && b->count < MAX_BLOCK_NAMES)
            b->names[b->count++] = arena_strndup(rs->set->mem, t->text, t->len);
        if (t->kind != T_PARTIAL && t->kind != T_PARENT)
            continue;
        if (t->dynamic) {
            b->unknown = true;
            return;
        }
        bool self = t->kind == T_PARENT && tpl->name && strcmp(t->text, tpl->name) == 0;
        const set_entry *e = set_find(rs->set, t->text, self ? tpl->layer + 1 : 0, rs->dl);
        if (e->tpl)
            collect_blocks(rs, e->tpl, b);
    }
}

/* Every block argument of parent tag `i` names a block that `p` places. */
static bool check_arguments(render_state *rs, const mustache_template *tpl, size_t i,
                            const mustache_template *p)
{
    block_names *b = calloc(1, sizeof *b);
    if (!b) {
        fputs("planpress: out of memory\n", stderr);
        abort();
    }
    collect_blocks(rs, p, b);
    bool ok = true;
    const token *t = &tpl->toks[i];
    for (size_t j = i + 1; j < t->end && !b->unknown; j = tpl->toks[j].end + 1) {
        const token *a = &tpl->toks[j];
        bool found = false;
        for (size_t k = 0; k < b->count && !found; k++)
            found = strlen(b->names[k]) == a->len && memcmp(b->names[k], a->text, a->len) == 0;
        if (found)
            continue;
        const char *hint = suggest_closest_n(a->text, a->len, b->names, b->count);
        ok = RENDER_ERROR(rs, tpl, a, "{{$%.*s}} overrides nothing: %s has no block \"%.*s\"%s%s%s",
                          (int)a->len, a->text, p->file, (int)a->len, a->text,
                          hint ? _("; did you mean \"") : "", hint ? hint : "",
                          hint ? _("\"?") : "");
    }
    free(b);
    return ok;
}

static bool render_parent(render_state *rs, const mustache_template *tpl, size_t i, size_t strip)
{
    const token *t = &tpl->toks[i];
    bool failed;
    const mustache_template *p = resolve(rs, tpl, t, &failed);
    if (!p)
        return !failed;
    if (rs->opt->strict_names && !check_arguments(rs, tpl, i, p))
        return false;
    size_t mark;
    if (!enter(rs, tpl, t, strip, &mark))
        return false;
    rs->scopes[rs->nscopes++] = (argument_scope){tpl, i};
    bool ok = render_range(rs, p, 0, p->ntoks, 0);
    rs->nscopes--;
    leave(rs, mark);
    return ok;
}

/* The argument given for block `t`: the outermost parent's wins. */
static bool find_argument(const render_state *rs, const token *t, const mustache_template **tpl,
                          size_t *index)
{
    for (size_t s = 0; s < rs->nscopes; s++) {
        const mustache_template *p = rs->scopes[s].tpl;
        size_t end = p->toks[rs->scopes[s].parent].end;
        for (size_t j = rs->scopes[s].parent + 1; j < end; j = p->toks[j].end + 1) {
            const token *b = &p->toks[j];
            if (b->len == t->len && memcmp(b->text, t->text, t->len) == 0) {
                *tpl = p;
                *index = j;
                return true;
            }
        }
    }
    return false;
}

static bool render_block(render_state *rs, const mustache_template *tpl, size_t i, size_t strip)
{
    const token *t = &tpl->toks[i];
    const mustache_template *content = tpl;
    size_t at = i;
    find_argument(rs, t, &content, &at);
    size_t mark;
    if (!enter(rs, tpl, t, strip, &mark))
        return false;
    const token *b = &content->toks[at];
    bool ok = render_range(rs, content, at + 1, b->end, b->strip);
    leave(rs, mark);
    return ok;
}

static bool render_value(render_state *rs, const mustache_template *tpl, const token *t)
{
    const value *v;
    if (!lookup_tag(rs, tpl, t, t->kind == T_RAW ? "&" : "", &v))
        return false;
    put_value(rs, v, t->kind == T_VAR);
    return true;
}

static bool render_range(render_state *rs, const mustache_template *tpl, size_t from, size_t to,
                         size_t strip)
{
    bool ok = true;
    for (size_t i = from; i < to && ok; i++) {
        const token *t = &tpl->toks[i];
        if (++rs->steps > MAX_STEPS)
            return RENDER_ERROR(rs, tpl, t,
                                "rendering stopped after %d steps: sections or partials repeat "
                                "too often",
                                MAX_STEPS);
        switch (t->kind) {
        case T_TEXT: put_text(rs, t, strip); break;
        case T_VAR:
        case T_RAW: ok = render_value(rs, tpl, t); break;
        case T_PARTIAL: ok = render_partial(rs, tpl, t, strip); break;
        case T_SECTION:
        case T_INVERTED:
            ok = render_section(rs, tpl, i, strip);
            i = t->end;
            break;
        case T_PARENT:
            ok = render_parent(rs, tpl, i, strip);
            i = t->end;
            break;
        case T_BLOCK:
            ok = render_block(rs, tpl, i, strip);
            i = t->end;
            break;
        case T_CLOSE: break;
        }
    }
    return ok;
}

bool mustache_render_template(mustache_set *set, const mustache_template *t, const value *data,
                              const mustache_options *opt, strbuf *out, diag_list *dl)
{
    render_state *rs = calloc(1, sizeof *rs);
    if (!rs)
        out_of_memory();
    rs->set = set;
    rs->opt = opt;
    rs->dl = dl;
    rs->out = out;
    rs->at_line_start = out->len == 0 || out->data[out->len - 1] == '\n';
    rs->stack[rs->depth++] = data;
    strbuf_append(out, "", 0);
    strbuf_append(&rs->indent, "", 0);
    bool ok = render_range(rs, t, 0, t->ntoks, 0);
    strbuf_free(&rs->indent);
    free(rs);
    return ok;
}

bool mustache_render(arena *mem, const char *file, const char *source, const value *data,
                     const mustache_options *opt, const mustache_loader *partials, strbuf *out,
                     diag_list *dl)
{
    const mustache_template *t = mustache_compile(mem, file, source, dl);
    return t && mustache_render_template(mustache_set_new(mem, partials), t, data, opt, out, dl);
}

/* ---- escaping ------------------------------------------------------------ */

static void escape_html(strbuf *out, const char *s, size_t len)
{
    size_t from = 0;
    for (size_t i = 0; i < len; i++) {
        const char *entity = NULL;
        switch (s[i]) {
        case '&': entity = "&amp;"; break;
        case '<': entity = "&lt;"; break;
        case '>': entity = "&gt;"; break;
        case '"': entity = "&quot;"; break;
        default: continue;
        }
        strbuf_append(out, s + from, i - from);
        strbuf_puts(out, entity);
        from = i + 1;
    }
    strbuf_append(out, s + from, len - from);
}

/* Backslash-escapes what Markdown could read as markup anywhere in a line
 * (emphasis, code, links, images, HTML, entities, table cells, headings'
 * closing #, strikethrough) and, at the start of the value, what would begin
 * a block (list items "-", "+", "1." and "1)", setext underlines "="). A
 * line end becomes a space: it could end a table row or a heading. */
static const bool markdown_special[256] = {
    ['\\'] = true, ['`'] = true, ['*'] = true, ['_'] = true, ['['] = true,
    [']'] = true,  ['<'] = true, ['>'] = true, ['|'] = true, ['#'] = true,
    ['~'] = true,  ['&'] = true, ['!'] = true,
};

static void escape_markdown(strbuf *out, const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && is_blank(s[i]))
        i++;
    size_t digits = 0;
    while (i + digits < len && s[i + digits] >= '0' && s[i + digits] <= '9')
        digits++;
    size_t block_mark = SIZE_MAX; /* where a character that could begin a block stands */
    if (i < len && (s[i] == '-' || s[i] == '+' || s[i] == '='))
        block_mark = i;
    else if (digits && i + digits < len && (s[i + digits] == '.' || s[i + digits] == ')'))
        block_mark = i + digits;
    size_t from = 0;
    for (i = 0; i < len; i++) {
        char c = s[i];
        bool line_end = c == '\r' || c == '\n';
        if (!line_end && i != block_mark && !markdown_special[(unsigned char)c])
            continue;
        strbuf_append(out, s + from, i - from);
        from = i + 1;
        if (line_end) {
            if (c == '\r' && i + 1 < len && s[i + 1] == '\n')
                from = ++i + 1;
            strbuf_putc(out, ' ');
        } else {
            strbuf_putc(out, '\\');
            strbuf_putc(out, c);
        }
    }
    strbuf_append(out, s + from, len - from);
}

void mustache_escape_text(strbuf *out, const char *s, size_t len, mustache_escape escape)
{
    switch (escape) {
    case MUSTACHE_ESCAPE_HTML: escape_html(out, s, len); break;
    case MUSTACHE_ESCAPE_MARKDOWN: escape_markdown(out, s, len); break;
    case MUSTACHE_ESCAPE_NONE: strbuf_append(out, s, len); break;
    }
}
