/* jobs: the documents a run builds, in the jobs its workers are given
 * (workers.h). The documents of one source (minutes and their summary) are
 * one job, so that their worker loads the source once, when that still
 * leaves a job for each worker; else (a lone pair of them) each document is
 * a job of its own, and the two are built at once. */
#ifndef PP_JOBS_H
#define PP_JOBS_H

#include <stddef.h>

#include "arena.h"

typedef struct {
    size_t *documents; /* their numbers, in order */
    size_t count;
} build_job;

typedef struct {
    build_job *items; /* in the order of their first documents */
    size_t count;
    size_t *job_of; /* by document */
} job_list;

/* The jobs of `count` documents made from `sources[i]` each, for `slots`
 * workers, in `mem`. */
job_list jobs_make(arena *mem, const char *const *sources, size_t count, unsigned slots);

#endif
