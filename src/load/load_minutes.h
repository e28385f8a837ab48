/* load_minutes: minutes-DATE.yaml: a meeting's attendees, items and
 * decisions, adjusters and signatures. */
#ifndef PP_LOAD_MINUTES_H
#define PP_LOAD_MINUTES_H

#include "arena.h"
#include "diag.h"
#include "model.h"

/* Loads minutes (minutes-DATE.yaml); the associations they concern are
 * folders beside the file's folder, named by id. */
minutes *load_minutes(arena *mem, const char *path, diag_list *dl);

#endif
