/* batch: builds the documents found under some paths into an output folder,
 * as the nightly job does. Finds them (discover.h), leaves alone those whose
 * inputs did not change since they were last built (manifest.h), builds the
 * others in worker processes (workers.h) forked from one render environment,
 * so that a document that crashes its process fails alone, and keeps the
 * output folder safe: one run at a time (outdir.h), PDFs renamed into place,
 * an interrupt lets the documents under way finish and stops. Documents are
 * handed to an observer in the order of the list, whatever the threads do. */
#ifndef PP_BATCH_H
#define PP_BATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"
#include "discover.h"

typedef enum {
    DOC_UP_TO_DATE, /* its inputs did not change: left alone */
    DOC_BUILT,
    DOC_FAILED,  /* errors in `diags`; the last good PDF is kept */
    DOC_SKIPPED, /* the run was stopped before it was built */
} doc_status;

typedef struct {
    found_document found;
    const char *pdf;    /* the output folder and found.output */
    const char *reason; /* why it is built ("plans/x/plan-2024.yaml changed"), or NULL */
    doc_status status;
    diag_list diags; /* from building it in this run */
    size_t warnings; /* this run's, or those of its last build when up to date */
} batch_doc;

typedef struct {
    const char *out_dir;       /* "out" */
    const char *templates_dir; /* "templates" */
    const char *plans_dir;     /* PDFs are named from here: "plans" */
    char *const *paths;        /* what to build: folders or files */
    size_t npaths;
    unsigned jobs; /* processes that build documents, at least 1 */
    bool force;    /* build every document, changed or not */
    bool strict;   /* warnings fail the run: a document whose last build had
                      warnings is built again, to show them */
    const char *version;
} batch_options;

typedef struct {
    arena mem;
    diag_list diags; /* the run's own: paths, lock, manifest, style */
    batch_doc *docs; /* sorted by output */
    size_t ndocs;
    size_t to_build, built, up_to_date, failed, skipped, warnings;
    const char *rebuild_all; /* why every document is out of date, or NULL */
    bool bad_path;           /* a path given does not exist or makes nothing */
    bool ran;                /* got the output folder's lock: the counts mean something */
    int stop_signal;         /* the signal that stopped the run, or 0 */
    double seconds;
} batch_result;

typedef struct {
    /* The check is over: res->to_build documents will be built. */
    void (*start)(void *ctx, const batch_result *res);
    /* `finished` of the res->to_build documents are done, in any order. */
    void (*progress)(void *ctx, size_t finished, size_t total);
    /* A document was built, failed or skipped: called in the list's order. */
    void (*done)(void *ctx, const batch_doc *doc);
    void *ctx;
} batch_observer;

/* Runs the batch; the result is for the observer, the summary and the exit
 * status. Free it with batch_result_free. */
void batch_run(const batch_options *opt, const batch_observer *obs, batch_result *res);
void batch_result_free(batch_result *res);
/* False when anything failed. */
bool batch_succeeded(const batch_result *res);
/* The exit status of `planpress build`: 0 when every document was built or
 * up to date, 1 when one failed, the run could not start or was stopped,
 * 2 for a path that makes nothing, 3 (when strict) for warnings alone. */
int batch_exit_status(const batch_result *res, bool strict);

#endif
