#include "yamltree.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

typedef struct {
    const char *name;
    ynode *node;
} anchor;

typedef struct {
    arena *mem;
    const char *file;
    diag_list *dl;
    yaml_parser_t parser;
    anchor *anchors;
    size_t nanchors, anchors_cap;
    int depth;
    bool failed;
} builder;

static void fail_at(builder *b, int line, int col, const char *fmt, const char *a, const char *c)
{
    diag_add(b->dl, DIAG_ERROR, b->file, line, col, NULL, fmt, a, c);
    b->failed = true;
}

static void fail_syntax(builder *b)
{
    const yaml_parser_t *p = &b->parser;
    const char *problem = p->problem ? p->problem : "cannot be read";
    int line = (int)p->problem_mark.line + 1, col = (int)p->problem_mark.column + 1;
    if (p->error == YAML_READER_ERROR) {
        /* The reader reports a byte offset, not a line. */
        line = 0;
        diag_add(b->dl, DIAG_ERROR, b->file, 0, 0, NULL, "not valid UTF-8 text: %s (at byte %zu)",
                 problem, p->problem_offset);
        b->failed = true;
        return;
    }
    if (p->context)
        diag_add(b->dl, DIAG_ERROR, b->file, line, col, NULL,
                 "YAML syntax: %s %s (line %d, column %d)", problem, p->context,
                 (int)p->context_mark.line + 1, (int)p->context_mark.column + 1);
    else
        diag_add(b->dl, DIAG_ERROR, b->file, line, col, NULL, "YAML syntax: %s", problem);
    b->failed = true;
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

static void remember_anchor(builder *b, const yaml_char_t *name, ynode *n)
{
    if (!name)
        return;
    anchor *a = ARENA_PUSH(b->mem, b->anchors, b->nanchors, b->anchors_cap);
    a->name = arena_strdup(b->mem, (const char *)name);
    a->node = n;
}

static ynode *find_anchor(builder *b, const char *name)
{
    for (size_t i = b->nanchors; i-- > 0;)
        if (strcmp(b->anchors[i].name, name) == 0)
            return b->anchors[i].node;
    return NULL;
}

static void add_weight(builder *b, ynode *parent, const ynode *child)
{
    parent->weight += child->weight;
    if (parent->weight > YTREE_MAX_WEIGHT && !b->failed)
        fail_at(b, parent->line, parent->col,
                "the document is too large once its aliases are expanded "
                "(more than %s nodes%s); is it an alias bomb?",
                "1000000", "");
}

static bool keys_equal(const ynode *a, const ynode *b)
{
    return a->kind == YNODE_SCALAR && b->kind == YNODE_SCALAR && a->len == b->len &&
           memcmp(a->text, b->text, a->len) == 0;
}

static ynode *build_node(builder *b, yaml_event_t *ev);

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
    for (;;) {
        yaml_event_t ev;
        if (!next_event(b, &ev))
            return NULL;
        if (ev.type == end) {
            yaml_event_delete(&ev);
            break;
        }
        ynode *child = build_node(b, &ev);
        yaml_event_delete(&ev);
        if (!child)
            return NULL;
        add_weight(b, n, child);
        if (kind == YNODE_SEQ) {
            *ARENA_PUSH(b->mem, n->items, n->count, cap) = child;
            continue;
        }
        yaml_event_t vev;
        if (!next_event(b, &vev))
            return NULL;
        ynode *value = build_node(b, &vev);
        yaml_event_delete(&vev);
        if (!value)
            return NULL;
        add_weight(b, n, value);
        for (size_t i = 0; i < n->count; i++) {
            if (keys_equal(n->pairs[i].key, child)) {
                diag_add(b->dl, DIAG_ERROR, b->file, child->line, child->col, NULL,
                         "duplicate key \"%s\" (first given at line %d, column %d)", child->text,
                         n->pairs[i].key->line, n->pairs[i].key->col);
                b->failed = true;
            }
        }
        ypair *p = ARENA_PUSH(b->mem, n->pairs, n->count, cap);
        p->key = child;
        p->value = value;
    }
    b->depth--;
    return b->failed ? NULL : n;
}

static ynode *build_node(builder *b, yaml_event_t *ev)
{
    switch (ev->type) {
    case YAML_SCALAR_EVENT: {
        ynode *n = new_node(b, YNODE_SCALAR, &ev->start_mark, ev->data.scalar.tag);
        n->text =
            arena_strndup(b->mem, (const char *)ev->data.scalar.value, ev->data.scalar.length);
        n->len = ev->data.scalar.length;
        n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE && !n->tag;
        remember_anchor(b, ev->data.scalar.anchor, n);
        return n;
    }
    case YAML_MAPPING_START_EVENT: return build_collection(b, ev, YNODE_MAP);
    case YAML_SEQUENCE_START_EVENT: return build_collection(b, ev, YNODE_SEQ);
    case YAML_ALIAS_EVENT: {
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
    builder b = {.mem = mem, .file = file, .dl = dl};
    if (!yaml_parser_initialize(&b.parser)) {
        diag_add(dl, DIAG_ERROR, file, 0, 0, NULL, "cannot start the YAML parser");
        return NULL;
    }
    yaml_parser_set_input_string(&b.parser, (const unsigned char *)data, len);
    ynode *root = NULL;
    yaml_event_t ev;
    bool in_document = false;
    while (!b.failed && next_event(&b, &ev)) {
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
    return b.failed ? NULL : root;
}

ynode *ytree_load_file(arena *mem, const char *path, diag_list *dl)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_add(dl, DIAG_ERROR, path, 0, 0, NULL, "cannot open: %s", strerror(errno));
        return NULL;
    }
    size_t cap = 64 * 1024, len = 0;
    char *data = malloc(cap);
    size_t got;
    while (data && (got = fread(data + len, 1, cap - len, f)) > 0) {
        len += got;
        if (len == cap) {
            char *bigger = realloc(data, cap * 2);
            if (!bigger) {
                free(data);
                data = NULL;
                break;
            }
            data = bigger;
            cap *= 2;
        }
    }
    bool read_error = ferror(f) || !data;
    fclose(f);
    if (read_error) {
        free(data);
        diag_add(dl, DIAG_ERROR, path, 0, 0, NULL, "cannot read the file");
        return NULL;
    }
    ynode *root = ytree_parse(mem, arena_strdup(mem, path), data, len, dl);
    free(data);
    return root;
}

ynode *ymap_get(const ynode *map, const char *key)
{
    if (!map || map->kind != YNODE_MAP)
        return NULL;
    for (size_t i = 0; i < map->count; i++)
        if (yscalar_is(map->pairs[i].key, key))
            return map->pairs[i].value;
    return NULL;
}

bool yscalar_is(const ynode *n, const char *text)
{
    return n && n->kind == YNODE_SCALAR && strlen(text) == n->len &&
           memcmp(n->text, text, n->len) == 0;
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
        return "nothing";
    switch (n->kind) {
    case YNODE_MAP: return "a mapping";
    case YNODE_SEQ: return "a list";
    default: return yscalar_is_null(n) ? "an empty value" : "a scalar";
    }
}
