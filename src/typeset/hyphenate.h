/* hyphenate: where words may be hyphenated, from libhyphen patterns (the
 * Swedish dictionary of hyphen-sv by default). A dictionary is loaded once
 * per process and only read afterwards, so documents laid out in parallel
 * threads share it. Words are UTF-8; the dictionary's ISO-8859-1 and lower
 * case are dealt with here. */
#ifndef PP_HYPHENATE_H
#define PP_HYPHENATE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"

typedef struct hyphenator hyphenator;

/* Loads a dictionary; `left_min` and `right_min` are the fewest letters left
 * before and after a hyphen. NULL on failure, with an error in `dl` unless it
 * is NULL. */
hyphenator *hyphenator_load(const char *path, int left_min, int right_min, diag_list *dl);
void hyphenator_free(hyphenator *h);

/* True when the dictionary came from the tables compiled into the program
 * (baked_dictionary.h) rather than from libhyphen reading the file. */
bool hyphenator_is_baked(const hyphenator *h);

/* The process-wide dictionary for `path` with these minimums: loaded on first
 * use (safe from any thread) and freed at exit. NULL when it cannot be read. */
const hyphenator *hyphenator_shared(const char *path, int left_min, int right_min);

/* Finds where the word may take a hyphen: writes the byte offsets (a hyphen
 * goes before the byte at each offset) in increasing order to `offsets`, at
 * most `max`, and returns how many. Only runs of letters are hyphenated; runs
 * in capitals only (acronyms) and letters outside Latin-1 are left whole. */
size_t hyphenate_word(const hyphenator *h, const char *word, size_t len, size_t *offsets,
                      size_t max);

/* Words hyphenated only where their written form says (as TeX's
 * \hyphenation): "samverkans-arenor" takes a hyphen only after "samverkans",
 * "Söder-tälje" only after "Söder"; a word written without a hyphen is never
 * hyphenated. For compounds the patterns split at the wrong joint, and names.
 * Case does not matter; the entries live in the caller's arena. */
typedef struct {
    struct hyphen_exception *items;
    size_t count, cap;
} hyphen_exceptions;

/* Adds one written word; false when it holds anything but letters of
 * Latin-1 and hyphens between them, or is longer than a word can be. */
bool hyphen_exceptions_add(arena *mem, hyphen_exceptions *ex, const char *written, size_t len);
/* Adds the words of a text, one or more a line, split at spaces; `#` starts a
 * comment. Returns how many could not be added. */
size_t hyphen_exceptions_read(arena *mem, hyphen_exceptions *ex, const char *text, size_t len);

/* A copy in `mem`, to add to without changing `from`. */
hyphen_exceptions *hyphen_exceptions_copy(arena *mem, const hyphen_exceptions *from);

/* hyphenate_word, with the words of `ex` (may be NULL) broken as written there. */
size_t hyphenate_word_except(const hyphenator *h, const hyphen_exceptions *ex, const char *word,
                             size_t len, size_t *offsets, size_t max);

#endif
