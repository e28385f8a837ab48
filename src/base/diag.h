/* diag: diagnostics collected by every stage (errors and warnings with a
 * file, line, column and key path). Stages fill a diag_list; only main prints.
 * The list owns nothing itself: texts live in the arena it was created with. */
#ifndef PP_DIAG_H
#define PP_DIAG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "arena.h"

/* A detail is a note shown only with --verbose (what a reader skipped, ...). */
typedef enum { DIAG_ERROR, DIAG_WARNING, DIAG_NOTE, DIAG_DETAIL } diag_severity;

typedef struct {
    const char *file; /* may be NULL when the message concerns no file */
    int line, col;    /* 1-based; 0 when unknown */
    const char *path; /* key path such as "budget.costs[3].values[2]", or NULL */
    const char *message;
    diag_severity severity;
    /* What a document tells its reader of it: a Swedish sentence about the
     * figures, naming no file (diag_for_reader), or NULL. */
    const char *reader;
} diag;

typedef struct {
    arena *mem;
    diag *items;
    size_t count, cap;
    size_t errors, warnings;
} diag_list;

void diag_list_init(diag_list *dl, arena *mem);
/* Adds a diagnostic whose message is `fmt` in the language of the user's
 * locale (looked up with gettext, see i18n.h) formatted with the arguments;
 * words given as arguments are translated by the caller. */
void diag_add(diag_list *dl, diag_severity sev, const char *file, int line, int col,
              const char *path, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* The same with a message made already (and translated). */
void diag_add_text(diag_list *dl, diag_severity sev, const char *file, int line, int col,
                   const char *path, const char *text);
/* Gives the diagnostic added last the sentence a document prints for its
 * reader, in Swedish and about the figures ("Avslutsorsakerna för FIA 2023
 * är 15 men avsluten 14."). */
void diag_for_reader(diag_list *dl, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Writes `s` with control characters (an escape sequence in a bad value)
 * and bytes that are not UTF-8 as \xHH, so that it cannot steer a terminal. */
void diag_put_safe(const char *s, FILE *out);
/* Writes one diagnostic as "file:line:col: error: path: message", through
 * diag_put_safe; "error", "warning" and "note" in the locale's language. */
void diag_print(const diag *d, FILE *out);
void diag_print_all(const diag_list *dl, FILE *out);
/* Whether a diagnostic is printed: notes not when `quiet`, details only
 * when `verbose`. */
bool diag_shown(const diag *d, bool quiet, bool verbose);
/* Prints the diagnostics of the list that diag_shown lets through. */
void diag_print_shown(const diag_list *dl, FILE *out, bool quiet, bool verbose);
/* Copies the list and its texts into `mem` at their exact size, so that the
 * arena they were made in can go. */
void diag_list_move(diag_list *dl, arena *mem);
/* Adds copies of the diagnostics of `from`, texts and all, to `to`. */
void diag_list_add_all(diag_list *to, const diag_list *from);
bool diag_has_errors(const diag_list *dl);

#endif
