/* yamltree: reads YAML with libyaml into a tree of nodes that keep their file,
 * line and column. Reports duplicate keys (hashed, so huge maps stay fast) and
 * refuses absurd nesting and alias bombs: aliased nodes are shared, and the
 * expanded size of the document is bounded, so time and memory are bounded too.
 * Every node lives in the caller's arena. */
#ifndef PP_YAMLTREE_H
#define PP_YAMLTREE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"

typedef enum { YNODE_SCALAR, YNODE_MAP, YNODE_SEQ } ynode_kind;

typedef struct ynode ynode;
typedef struct {
    ynode *key;
    ynode *value;
} ypair;

struct ynode {
    ynode_kind kind;
    const char *file;
    int line, col;   /* 1-based */
    const char *tag; /* explicit tag such as "!!str", or NULL */
    /* scalar */
    const char *text; /* NUL-terminated; may contain NUL bytes only if len says so */
    size_t len;
    bool plain; /* unquoted, so it may be a number, bool or null */
    /* How the scalar is written, to point at a place inside its text
     * (textpos.h): '|' or '>' for a block, '"' or '\'' quoted, 0 plain; a
     * block's lines start at column `indent` (0-based); `one_line` when the
     * scalar ends on the line it starts on. */
    char style;
    int indent;
    bool one_line;
    /* map (pairs) or sequence (items) */
    ypair *pairs;
    ynode **items;
    size_t count;
    unsigned long long weight; /* number of nodes with aliases expanded */
};

enum {
    YTREE_MAX_DEPTH = 64,
    YTREE_MAX_WEIGHT = 1000000,
    YTREE_MAX_FILE_MB = 2, /* a plan is some tens of kilobytes */
};

/* Parses one YAML document. Returns NULL, with errors in `dl`, when the text
 * cannot be read (syntax, nesting, size). A duplicate key is an error in `dl`
 * but the tree is still returned, with the first value of the key, so that a
 * loader can go on and report the file's other problems: callers must check
 * `dl` for errors. An empty document gives an empty map. */
ynode *ytree_parse(arena *mem, const char *file, const char *data, size_t len, diag_list *dl);
/* Reads and parses a file; a missing or unreadable file, or one of more than
 * YTREE_MAX_FILE_MB megabytes, is an error in `dl`. */
ynode *ytree_load_file(arena *mem, const char *path, diag_list *dl);

/* The value for `key` in a map, or NULL. */
ynode *ymap_get(const ynode *map, const char *key);
bool yscalar_is(const ynode *n, const char *text);
/* A plain scalar that YAML 1.2 core schema reads as null (~, null, empty). */
bool yscalar_is_null(const ynode *n);
const char *ynode_kind_name(const ynode *n);

#endif
