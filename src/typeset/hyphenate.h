/* hyphenate: where words may be hyphenated, from libhyphen patterns (the
 * Swedish dictionary of hyphen-sv by default). A dictionary is loaded once
 * per process and only read afterwards, so documents laid out in parallel
 * threads share it. Words are UTF-8; the dictionary's ISO-8859-1 and lower
 * case are dealt with here. */
#ifndef PP_HYPHENATE_H
#define PP_HYPHENATE_H

#include <stdbool.h>
#include <stddef.h>

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

#endif
