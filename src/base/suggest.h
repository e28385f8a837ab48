/* suggest: the "did you mean" of error messages: the name among those known
 * that is close enough (by edit distance) to a mistyped one to be what was
 * meant. Owns nothing. */
#ifndef PP_SUGGEST_H
#define PP_SUGGEST_H

#include <stddef.h>

/* The name among the first `count` of `names` (or up to a NULL) that is
 * close enough to `key` to be what was meant, or NULL. */
const char *suggest_closest(const char *key, const char *const *names, size_t count);
/* The same for a key given by pointer and length. */
const char *suggest_closest_n(const char *key, size_t len, const char *const *names, size_t count);

#endif
