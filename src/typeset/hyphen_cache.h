/* hyphen_cache: where the words of one document may be hyphenated,
 * remembered, so that a word that comes back is looked up in the dictionary
 * once. It lives in the document's arena and goes with it: a cache kept
 * across documents would only help the same text set again. */
#ifndef PP_HYPHEN_CACHE_H
#define PP_HYPHEN_CACHE_H

#include "hyphenate.h"

typedef struct hyphen_cache hyphen_cache;

hyphen_cache *hyphen_cache_new(arena *mem);

/* hyphenate_word_except, remembered per word, dictionary and exceptions;
 * `c` may be NULL (nothing remembered). */
size_t hyphen_cache_word(hyphen_cache *c, const hyphenator *h, const hyphen_exceptions *ex,
                         const char *word, size_t len, size_t *offsets, size_t max);

#endif
