/* yamlhint: explains a YAML syntax error in words a plan's secretary
 * understands. libyaml reports where it noticed the problem, often a line or
 * more after the mistake and in parser terms ("mapping values are not allowed
 * in this context"); this module reads the text itself and finds the line
 * that is probably wrong: a line indented unlike its neighbours, a tab in the
 * indentation, a quote or bracket never closed, a ": " inside a text that
 * needs quotes. It also names the key path of the mapping around that line,
 * read from the indentation, since no tree exists when the text cannot be
 * parsed. Pure: it owns nothing but what it puts in the caller's arena. */
#ifndef PP_YAMLHINT_H
#define PP_YAMLHINT_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"

/* What libyaml said: its problem and context, with 1-based marks (context
 * NULL when it gave none). */
typedef struct {
    const char *problem;
    int problem_line, problem_col;
    const char *context;
    int context_line, context_col;
} yaml_syntax_error;

typedef struct {
    int line, col;       /* where the mistake probably is, 1-based */
    const char *message; /* plain words; NULL when no better explanation was found */
    const char *path;    /* key path of the mapping around `line`, or NULL */
} yaml_hint;

/* Reads `data` (the whole file) for the likely mistake behind `err`. Always
 * fills `out`; `out->message` is NULL (and line and col are libyaml's) when
 * the text shows nothing better. */
void yaml_hint_explain(arena *mem, const char *data, size_t len, const yaml_syntax_error *err,
                       yaml_hint *out);

#endif
