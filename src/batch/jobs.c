#include "jobs.h"

#include <stdint.h>

#include "strmap.h"

/* The number of each document's job, by source; how many jobs. */
static size_t number_by_source(arena *mem, const char *const *sources, size_t count, size_t *job_of)
{
    strmap first; /* a source's job number + 1 */
    strmap_init(&first, mem);
    size_t jobs = 0;
    for (size_t i = 0; i < count; i++) {
        uintptr_t known = (uintptr_t)strmap_get(&first, sources[i]);
        if (!known)
            strmap_put(&first, sources[i], (void *)(known = ++jobs));
        job_of[i] = known - 1;
    }
    return jobs;
}

/* Lays the documents out in `count` jobs by job_of. */
static build_job *lay_out(arena *mem, const size_t *job_of, size_t documents, size_t count)
{
    build_job *jobs = ARENA_ARRAY(mem, build_job, count ? count : 1);
    for (size_t i = 0; i < documents; i++)
        jobs[job_of[i]].count++;
    size_t *slots = ARENA_ARRAY(mem, size_t, documents ? documents : 1), used = 0;
    for (size_t j = 0; j < count; j++) {
        jobs[j].documents = slots + used;
        used += jobs[j].count;
        jobs[j].count = 0;
    }
    for (size_t i = 0; i < documents; i++) {
        build_job *job = &jobs[job_of[i]];
        job->documents[job->count++] = i;
    }
    return jobs;
}

job_list jobs_make(arena *mem, const char *const *sources, size_t count, unsigned slots)
{
    size_t *job_of = ARENA_ARRAY(mem, size_t, count ? count : 1);
    size_t jobs = number_by_source(mem, sources, count, job_of);
    if (jobs < slots) {
        for (size_t i = 0; i < count; i++)
            job_of[i] = i;
        jobs = count;
    }
    return (job_list){lay_out(mem, job_of, count, jobs), jobs, job_of};
}
