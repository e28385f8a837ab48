#include "yamltree.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "i18n.h"
#include "oom.h"
#include "regular.h"
#include "strbuf.h"
#include "yamlhint.h"

typedef struct {
    const char *name;
    ynode *node;
} anchor;

/* An open-addressing hash index over an array of named things (the keys of a
 * map being built, or the anchors): slots hold index + 1, 0 is empty. Keeps
 * duplicate-key checks and alias look-ups linear for huge documents. */
typedef struct {
    size_t *slots;
    size_t cap;
} name_index;

typedef struct {
    arena *mem;
    const char *file;
    const char *data; /* the text parsed, to explain a syntax error */
    size_t len;
    size_t scan_off; /* where line scan_line (0-based) of data starts: blocks come in order */
    size_t scan_line;
    diag_list *dl;
    yaml_parser_t parser;
    anchor *anchors;
    size_t nanchors, anchors_cap;
    name_index anchor_index;
    int depth;
    bool has_aliases;
    bool failed;  /* an error was reported: the document is refused */
    bool aborted; /* and it cannot be read further (syntax, depth, size) */
} builder;

static void fail_at(builder *b, int line, int col, const char *fmt, const char *a, const char *c)
{
    diag_add(b->dl, DIAG_ERROR, b->file, line, col, NULL, fmt, a, c);
    b->failed = b->aborted = true;
}

static void fail_syntax(builder *b)
{
    const yaml_parser_t *p = &b->parser;
    if (p->error == YAML_MEMORY_ERROR)
        out_of_memory();
    const char *problem = p->problem ? p->problem : _("cannot be read");
    int line = (int)p->problem_mark.line + 1, col = (int)p->problem_mark.column + 1;
    if (p->error == YAML_READER_ERROR) {
        /* The reader reports a byte offset, not a line. */
        line = 0;
        diag_add(b->dl, DIAG_ERROR, b->file, 0, 0, NULL, "not valid UTF-8 text: %s (at byte %zu)",
                 problem, p->problem_offset);
        b->failed = b->aborted = true;
        return;
    }
    yaml_syntax_error err = {problem, line, col, p->context, (int)p->context_mark.line + 1,
                             (int)p->context_mark.column + 1};
    yaml_hint hint;
    yaml_hint_explain(b->mem, b->data, b->len, &err, &hint);
    if (hint.message)
        diag_add(b->dl, DIAG_ERROR, b->file, hint.line, hint.col, hint.path, "YAML syntax: %s",
                 hint.message);
    else if (p->context)
        diag_add(b->dl, DIAG_ERROR, b->file, line, col, hint.path,
                 "YAML syntax: %s %s (line %d, column %d)", problem, p->context, err.context_line,
                 err.context_col);
    else
        diag_add(b->dl, DIAG_ERROR, b->file, line, col, hint.path, "YAML syntax: %s", problem);
    b->failed = b->aborted = true;
}

static bool next_event(builder *b, yaml_event_t *ev)
{
    if (yaml_parser_parse(&b->parser, ev))
        return true;
    fail_syntax(b);
    return false;
}

static ynode *new_node(builder *b, ynode_kind kind, const yaml_mark_t *mark, const yaml_char_t *tag)
{
    ynode *n = ARENA_NEW(b->mem, ynode);
    n->kind = kind;
    n->file = b->file;
    n->line = (int)mark->line + 1;
    n->col = (int)mark->column + 1;
    n->tag = tag ? arena_strdup(b->mem, (const char *)tag) : NULL;
    n->weight = 1;
    return n;
}

static size_t hash_name(const char *s, size_t len)
{
    size_t h = 14695981039346656037u;
    for (size_t i = 0; i < len; i++)
        h = (h ^ (unsigned char)s[i]) * 1099511628211u;
    return h;
}

/* Finds the slot for `name` in `ix`: the slot of an equal name, or an empty
 * one. `name_at(ctx, i)` gives the name of thing i; `len_at` its length. */
typedef const char *name_at_fn(const void *ctx, size_t i, size_t *len);

static size_t *index_slot(const name_index *ix, const char *name, size_t len, name_at_fn *name_at,
                          const void *ctx)
{
    size_t mask = ix->cap - 1;
    for (size_t i = hash_name(name, len) & mask;; i = (i + 1) & mask) {
        size_t *slot = &ix->slots[i];
        if (*slot == 0)
            return slot;
        size_t other_len;
        const char *other = name_at(ctx, *slot - 1, &other_len);
        if (other && other_len == len && memcmp(other, name, len) == 0)
            return slot;
    }
}

/* Makes room for `count` + 1 entries, rehashing things 0..count-1. */
static void index_reserve(name_index *ix, size_t count, name_at_fn *name_at, const void *ctx)
{
    if ((count + 1) * 2 <= ix->cap)
        return;
    name_index bigger = {.cap = ix->cap ? ix->cap * 2 : 16};
    while ((count + 1) * 2 > bigger.cap)
        bigger.cap *= 2;
    bigger.slots = calloc(bigger.cap, sizeof *bigger.slots);
    if (!bigger.slots)
        out_of_memory();
    for (size_t i = 0; i < count; i++) {
        size_t len;
        const char *name = name_at(ctx, i, &len);
        if (name)
            *index_slot(&bigger, name, len, name_at, ctx) = i + 1;
    }
    free(ix->slots);
    *ix = bigger;
}

static const char *anchor_name_at(const void *ctx, size_t i, size_t *len)
{
    const anchor *a = &((const builder *)ctx)->anchors[i];
    *len = strlen(a->name);
    return a->name;
}

static void remember_anchor(builder *b, const yaml_char_t *name, ynode *n)
{
    if (!name)
        return;
    const char *text = (const char *)name;
    index_reserve(&b->anchor_index, b->nanchors, anchor_name_at, b);
    size_t *slot = index_slot(&b->anchor_index, text, strlen(text), anchor_name_at, b);
    if (*slot) { /* a redefined anchor: later aliases mean the new node */
        b->anchors[*slot - 1].node = n;
        return;
    }
    anchor *a = ARENA_PUSH(b->mem, b->anchors, b->nanchors, b->anchors_cap);
    a->name = arena_strdup(b->mem, text);
    a->node = n;
    *slot = b->nanchors;
}

static ynode *find_anchor(builder *b, const char *name)
{
    if (!b->anchor_index.cap)
        return NULL;
    size_t *slot = index_slot(&b->anchor_index, name, strlen(name), anchor_name_at, b);
    return *slot ? b->anchors[*slot - 1].node : NULL;
}

static void add_weight(builder *b, ynode *parent, const ynode *child)
{
    parent->weight += child->weight;
    if (parent->weight <= YTREE_MAX_WEIGHT || b->aborted)
        return;
    if (b->has_aliases)
        fail_at(b, parent->line, parent->col,
                "the document is too large once its aliases are expanded "
                "(more than %s nodes%s); is it an alias bomb?",
                "1000000", "");
    else
        fail_at(b, parent->line, parent->col,
                "the document is too large: more than %s values, where a plan has a few "
                "thousand%s",
                "1000000", "");
}

static const char *key_name_at(const void *ctx, size_t i, size_t *len)
{
    const ynode *key = ((const ynode *)ctx)->pairs[i].key;
    *len = key->len;
    return key->kind == YNODE_SCALAR ? key->text : NULL;
}

enum { SMALL_MAP = 8 }; /* keys a map may have before they are indexed */

/* The key of `map` equal to scalar `key`, or NULL when `key` is new (and
 * then indexed as the pair about to be added). A small map is looked
 * through: most maps are, and need no index. */
static const ynode *earlier_key(ynode *map, name_index *keys, const ynode *key)
{
    if (map->count < SMALL_MAP && !keys->cap) {
        for (size_t i = 0; i < map->count; i++) {
            const ynode *k = map->pairs[i].key;
            if (k->kind == YNODE_SCALAR && k->len == key->len &&
                memcmp(k->text, key->text, key->len) == 0)
                return k;
        }
        return NULL;
    }
    index_reserve(keys, map->count, key_name_at, map);
    size_t *slot = index_slot(keys, key->text, key->len, key_name_at, map);
    if (*slot)
        return map->pairs[*slot - 1].key;
    *slot = map->count + 1;
    return NULL;
}

/* Adds a key and its value to a map under construction, unless the key is
 * already there: then the first value stays and the duplicate is reported. */
static void add_pair(builder *b, ynode *map, size_t *cap, name_index *keys, ynode *key,
                     ynode *value)
{
    const ynode *first = key->kind == YNODE_SCALAR ? earlier_key(map, keys, key) : NULL;
    if (first) {
        diag_add(b->dl, DIAG_ERROR, b->file, key->line, key->col, NULL,
                 "duplicate key \"%s\" (first given at line %d, column %d)", key->text,
                 first->line, first->col);
        b->failed = true;
        return;
    }
    ypair *p = ARENA_PUSH(b->mem, map->pairs, map->count, *cap);
    p->key = key;
    p->value = value;
}

static ynode *build_node(builder *b, yaml_event_t *ev);

/* Reads the events of a map or sequence up to its end. NULL when the document
 * cannot be read further; duplicate keys only mark the document as failed. */
static ynode *build_collection(builder *b, yaml_event_t *start, ynode_kind kind)
{
    const yaml_char_t *tag =
        kind == YNODE_MAP ? start->data.mapping_start.tag : start->data.sequence_start.tag;
    const yaml_char_t *anchor_name =
        kind == YNODE_MAP ? start->data.mapping_start.anchor : start->data.sequence_start.anchor;
    ynode *n = new_node(b, kind, &start->start_mark, tag);
    remember_anchor(b, anchor_name, n);
    if (++b->depth > YTREE_MAX_DEPTH) {
        fail_at(b, n->line, n->col, "nesting is deeper than %s levels%s", "64", "");
        return NULL;
    }
    yaml_event_type_t end = kind == YNODE_MAP ? YAML_MAPPING_END_EVENT : YAML_SEQUENCE_END_EVENT;
    size_t cap = 0;
    name_index keys = {0};
    while (!b->aborted) {
        yaml_event_t ev;
        if (!next_event(b, &ev))
            break;
        if (ev.type == end) {
            yaml_event_delete(&ev);
            break;
        }
        ynode *child = build_node(b, &ev);
        yaml_event_delete(&ev);
        if (!child)
            break;
        add_weight(b, n, child);
        if (kind == YNODE_SEQ) {
            *ARENA_PUSH(b->mem, n->items, n->count, cap) = child;
            continue;
        }
        yaml_event_t vev;
        if (!next_event(b, &vev))
            break;
        ynode *value = build_node(b, &vev);
        yaml_event_delete(&vev);
        if (!value)
            break;
        add_weight(b, n, value);
        add_pair(b, n, &cap, &keys, child, value);
    }
    free(keys.slots);
    b->depth--;
    return b->aborted ? NULL : n;
}

/* The column (0-based) the lines of a block scalar whose | or > stands on
 * `line` (0-based) are indented to: the leading spaces of its first line
 * that is not blank. */
static int block_indent(builder *b, size_t line)
{
    while (b->scan_line <= line && b->scan_off < b->len) {
        const char *nl = memchr(b->data + b->scan_off, '\n', b->len - b->scan_off);
        b->scan_off = nl ? (size_t)(nl - b->data) + 1 : b->len;
        b->scan_line++;
    }
    for (size_t p = b->scan_off; p < b->len;) {
        size_t start = p;
        while (p < b->len && b->data[p] == ' ')
            p++;
        if (p < b->len && b->data[p] != '\n' && b->data[p] != '\r')
            return (int)(p - start);
        while (p < b->len && b->data[p] != '\n')
            p++;
        p++;
    }
    return 0;
}

static char scalar_style(yaml_scalar_style_t s)
{
    switch (s) {
    case YAML_LITERAL_SCALAR_STYLE: return '|';
    case YAML_FOLDED_SCALAR_STYLE: return '>';
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: return '"';
    case YAML_SINGLE_QUOTED_SCALAR_STYLE: return '\'';
    default: return 0;
    }
}

static ynode *build_node(builder *b, yaml_event_t *ev)
{
    switch (ev->type) {
    case YAML_SCALAR_EVENT: {
        ynode *n = new_node(b, YNODE_SCALAR, &ev->start_mark, ev->data.scalar.tag);
        n->text =
            arena_strndup(b->mem, (const char *)ev->data.scalar.value, ev->data.scalar.length);
        n->len = ev->data.scalar.length;
        if (memchr(n->text, '\0', n->len)) {
            /* A "\0" escape: the text would end there, silently. */
            diag_add(b->dl, DIAG_ERROR, b->file, n->line, n->col, NULL,
                     "a NUL character (\"\\0\") is not allowed in text");
            b->failed = true;
        }
        n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !n->tag;
        n->style = scalar_style(ev->data.scalar.style);
        n->one_line = ev->end_mark.line == ev->start_mark.line;
        if (n->style == '|' || n->style == '>')
            n->indent = block_indent(b, ev->start_mark.line);
        remember_anchor(b, ev->data.scalar.anchor, n);
        return n;
    }
    case YAML_MAPPING_START_EVENT: return build_collection(b, ev, YNODE_MAP);
    case YAML_SEQUENCE_START_EVENT: return build_collection(b, ev, YNODE_SEQ);
    case YAML_ALIAS_EVENT: {
        b->has_aliases = true;
        ynode *target = find_anchor(b, (const char *)ev->data.alias.anchor);
        if (!target)
            fail_at(b, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1,
                    "alias *%s refers to no anchor defined before it%s",
                    (const char *)ev->data.alias.anchor, "");
        return target;
    }
    default:
        fail_at(b, (int)ev->start_mark.line + 1, (int)ev->start_mark.column + 1,
                "unexpected YAML event%s%s", "", "");
        return NULL;
    }
}

static ynode *empty_map(builder *b, const yaml_mark_t *mark)
{
    return new_node(b, YNODE_MAP, mark, NULL);
}

ynode *ytree_parse(arena *mem, const char *file, const char *data, size_t len, diag_list *dl)
{
    builder b = {.mem = mem, .file = file, .data = data, .len = len, .dl = dl};
    if (!yaml_parser_initialize(&b.parser)) {
        diag_add(dl, DIAG_ERROR, file, 0, 0, NULL, "cannot start the YAML parser");
        return NULL;
    }
    yaml_parser_set_input_string(&b.parser, (const unsigned char *)data, len);
    ynode *root = NULL;
    yaml_event_t ev;
    bool in_document = false;
    while (!b.aborted && next_event(&b, &ev)) {
        yaml_event_type_t type = ev.type;
        if (type == YAML_STREAM_END_EVENT) {
            if (!root)
                root = empty_map(&b, &ev.start_mark);
            yaml_event_delete(&ev);
            break;
        }
        if (type == YAML_DOCUMENT_START_EVENT) {
            if (root)
                fail_at(&b, (int)ev.start_mark.line + 1, (int)ev.start_mark.column + 1,
                        "a second YAML document in one file; expected exactly one%s%s", "", "");
            in_document = true;
        } else if (type == YAML_DOCUMENT_END_EVENT) {
            in_document = false;
        } else if (in_document && type != YAML_STREAM_START_EVENT) {
            root = build_node(&b, &ev);
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&b.parser);
    free(b.anchor_index.slots);
    return b.aborted ? NULL : root;
}

static const size_t max_file_bytes = (size_t)YTREE_MAX_FILE_MB << 20;

static void report_too_large(diag_list *dl, const char *path, unsigned long long bytes)
{
    diag_add(dl, DIAG_ERROR, path, 0, 0, NULL,
             "the file is %llu MB; data files of more than %d MB are not read (a plan is some "
             "tens of kilobytes)",
             (bytes + (1 << 19)) >> 20, YTREE_MAX_FILE_MB);
}

/* The whole file in `data` (malloc'd); false with an error in `dl` when it
 * cannot be read or is too large. */
static bool read_whole(FILE *f, const char *path, char **data, size_t *len, diag_list *dl)
{
    struct stat st;
    if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
        (unsigned long long)st.st_size > max_file_bytes) {
        report_too_large(dl, path, (unsigned long long)st.st_size);
        return false;
    }
    strbuf sb = {0};
    bool read = strbuf_append_stream(&sb, f, max_file_bytes);
    if (!read || sb.len > max_file_bytes) {
        if (!read)
            diag_add(dl, DIAG_ERROR, path, 0, 0, NULL, "cannot read the file");
        else
            report_too_large(dl, path, sb.len);
        strbuf_free(&sb);
        return false;
    }
    *data = sb.data;
    *len = sb.len;
    return true;
}

ynode *ytree_load_file(arena *mem, const char *path, diag_list *dl)
{
    FILE *f = regular_fopen(path);
    if (!f) {
        diag_add(dl, DIAG_ERROR, path, 0, 0, NULL, "cannot open: %s", regular_strerror(errno));
        return NULL;
    }
    char *data = NULL;
    size_t len = 0;
    bool read = read_whole(f, path, &data, &len, dl);
    fclose(f);
    if (!read)
        return NULL;
    ynode *root = ytree_parse(mem, arena_strdup(mem, path), data ? data : "", len, dl);
    free(data);
    return root;
}

static bool scalar_is(const ynode *n, const char *text, size_t len)
{
    return n && n->kind == YNODE_SCALAR && n->len == len && memcmp(n->text, text, len) == 0;
}

ynode *ymap_get(const ynode *map, const char *key)
{
    if (!map || map->kind != YNODE_MAP)
        return NULL;
    size_t len = strlen(key);
    for (size_t i = 0; i < map->count; i++)
        if (scalar_is(map->pairs[i].key, key, len))
            return map->pairs[i].value;
    return NULL;
}

bool yscalar_is(const ynode *n, const char *text)
{
    return scalar_is(n, text, strlen(text));
}

bool yscalar_is_null(const ynode *n)
{
    return n && n->kind == YNODE_SCALAR && n->plain &&
           (n->len == 0 || yscalar_is(n, "~") || yscalar_is(n, "null") || yscalar_is(n, "Null") ||
            yscalar_is(n, "NULL"));
}

const char *ynode_kind_name(const ynode *n)
{
    if (!n)
        return _("nothing");
    switch (n->kind) {
    case YNODE_MAP: return _("a mapping");
    case YNODE_SEQ: return _("a list");
    default: return yscalar_is_null(n) ? _("an empty value") : _("a scalar");
    }
}
