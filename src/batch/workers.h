/* workers: a pool of worker processes that do numbered jobs for the process
 * that started them, so that a job that crashes (a library's bug, a stack
 * overflow, memory running out) ends its own process and no other. One
 * process per slot, forked once and again only after one died: each worker
 * shares what its parent had loaded (copy on write) and does job after job.
 * A job's reply is bytes the job writes; the parent gets them whole or
 * learns that the worker died. Signals that stop a run (SIGINT, SIGTERM,
 * SIGHUP) are ignored by the workers: their parent decides what stops, and
 * a worker whose parent dies is killed with it (Linux). Owns
 * its processes and pipes (workers_stop). */
#ifndef PP_WORKERS_H
#define PP_WORKERS_H

#include <stdbool.h>
#include <stddef.h>

#include "strbuf.h"

/* Runs in a worker process: does job `job`, writing what the parent must
 * know into `reply`. */
typedef void worker_job_fn(void *ctx, size_t job, strbuf *reply);

typedef struct workers workers;

/* What became of a job handed out. */
typedef struct {
    size_t job;
    bool died;         /* the worker ended before its reply was whole */
    int status;        /* then its wait status (WIFSIGNALED, WEXITSTATUS...) */
    const char *reply; /* otherwise the reply, valid until the next call */
    size_t len;
} worker_outcome;

/* Told in the parent of each worker process started. */
typedef void worker_started_fn(void *ctx, long pid);

/* `n` slots (at least 1). Processes start when jobs are handed out; each
 * is told to `started` (may be NULL). NULL when memory runs out. */
workers *workers_new(unsigned n, worker_job_fn *fn, worker_started_fn *started, void *ctx);
/* Hands `job` to an idle slot, starting its process when it has none. False
 * when every slot is busy, or no process can be started (errno set). */
bool workers_give(workers *w, size_t job);
/* Slots with a job under way. */
unsigned workers_busy(const workers *w);
/* Waits for a job under way to end, at most `timeout_ms` (-1: as long as it
 * takes). False when a signal or the timeout came first, or no job is under
 * way. */
bool workers_wait(workers *w, worker_outcome *out, int timeout_ms);
/* Kills the processes with a job under way (SIGKILL): each such job ends
 * as one whose worker died. */
void workers_kill(workers *w);
/* Lets every process end (after its job under way) and frees the pool. */
void workers_free(workers *w);


#endif
