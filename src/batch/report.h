/* report: what the command line shows of a batch (batch.h). On a terminal a
 * progress line that updates (documents done of those to build); each
 * document's diagnostics in the order of the list; a line per document built
 * when verbose; the summary line; and a JSON summary for monitoring. */
#ifndef PP_REPORT_H
#define PP_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "batch.h"

typedef struct {
    FILE *out;     /* the summary and the verbose lines: stdout */
    FILE *err;     /* diagnostics and the progress line: stderr */
    bool progress; /* show the progress line (a terminal, not quiet) */
    bool verbose;  /* a line per document built, with the reason */
    bool quiet;    /* nothing but errors and warnings */
    size_t run_diags_shown;
    bool line_shown; /* the progress line is on the screen */
} report;

/* Reports to stdout and stderr; progress only when stderr is a terminal. */
void report_init(report *rp, bool quiet, bool verbose);
batch_observer report_observer(report *rp);
/* The run's own messages not shown yet, then the summary line. */
void report_summary(report *rp, const batch_result *res);
/* Writes the JSON summary to `path` ("-": standard output), replacing the
 * file atomically. False when it cannot be written (errno tells why). */
bool report_json(const batch_result *res, const batch_options *opt, const char *path);

#endif
