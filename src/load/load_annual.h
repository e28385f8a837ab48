/* load_annual: loads the account mapping (kontoplan.yaml) and the files of
 * an årsredovisning (arsredovisning-YEAR.yaml) or a delårsrapport
 * (delarsrapport-YEAR-MM.yaml) into annual.h's model, checking every key
 * and value as the other loaders do (file:line:col, key path, all errors
 * of a file). The association is read from the same folder, and so are the
 * plan and the outcome of the year when they are there. */
#ifndef PP_LOAD_ANNUAL_H
#define PP_LOAD_ANNUAL_H

#include "annual.h"
#include "arena.h"
#include "diag.h"

/* NULL on errors (in `dl`). */
account_map *load_account_map(arena *mem, const char *path, diag_list *dl);
/* An årsredovisning, or with `interim` a delårsrapport. NULL on errors. */
annual_report *load_annual_report(arena *mem, const char *path, bool interim, diag_list *dl);

/* The name of the SIE file a report reads when its file names none:
 * sie-YEAR.se, or for a delårsrapport sie-YEAR-MM.se (the period's last month). */
const char *annual_default_books(arena *mem, const annual_report *r);

#endif
