/* outdir: the housekeeping of an output folder. The lock that keeps two runs
 * from writing into it at once (OUT/.planpress/lock, which also holds the
 * process id of the run that has it, so a run that never finished is noticed
 * by the next one), and the removal of the temporary files such a run left. */
#ifndef PP_OUTDIR_H
#define PP_OUTDIR_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"

typedef struct {
    int fd;
    const char *state_dir;    /* OUT/.planpress: the lock and the manifest */
    bool last_run_unfinished; /* it was stopped before it could clean up */
    long *last_pids;          /* the processes of that run: its own, its workers' */
    size_t nlast;
    off_t end;                /* of what the lock file holds */
} outdir_lock;

/* Makes the output folder when needed and takes its lock without waiting.
 * False with an error in `dl` when another run has it or the folder cannot be
 * made. */
bool outdir_lock_take(arena *mem, const char *out_dir, outdir_lock *lk, diag_list *dl);
/* Writes in the lock that process `pid` (a worker) writes files for this
 * run, so that a later run knows the temporary files it may leave. */
void outdir_lock_add_process(outdir_lock *lk, long pid);
/* Marks the run finished and lets the lock go. */
void outdir_lock_release(outdir_lock *lk);

/* Removes the temporary files that the last run, stopped midway, left under
 * `out_dir`: exactly NAME.pdf.PID-N.tmp and manifest.PID-N.tmp (atomicfile.h)
 * with PID one of that run's processes, as the lock names them, and no file
 * of any other name. A note in `dl` names each file removed. */
void outdir_sweep(arena *mem, const outdir_lock *lk, const char *out_dir, diag_list *dl);

/* Makes `path` and its missing parents. */
bool make_folders(arena *mem, const char *path);

#endif
