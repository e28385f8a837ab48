/* json: the pieces of the JSON that planpress writes for monitoring (the
 * build summary, check --json): strings escaped, diagnostics as objects.
 * Writes into a strbuf; owns nothing. */
#ifndef PP_JSON_H
#define PP_JSON_H

#include <stddef.h>

#include "diag.h"
#include "strbuf.h"

/* `s` as a JSON string, or null for NULL. */
void json_string(strbuf *sb, const char *s);
/* The diagnostics from `first` on, as a list of {severity, file, line,
 * column, key, message}. */
void json_diags(strbuf *sb, const diag_list *dl, size_t first);

#endif
