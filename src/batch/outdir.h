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
} outdir_lock;

/* Makes the output folder when needed and takes its lock without waiting.
 * False with an error in `dl` when another run has it or the folder cannot be
 * made. */
bool outdir_lock_take(arena *mem, const char *out_dir, outdir_lock *lk, diag_list *dl);
/* Marks the run finished and lets the lock go. */
void outdir_lock_release(outdir_lock *lk);

/* Removes the temporary files (NAME.PID.tmp) that runs stopped midway left
 * under `out_dir`, except those of planpress processes still running. Returns how many
 * went. */
size_t outdir_sweep(arena *mem, const char *out_dir);

/* Makes `path` and its missing parents. */
bool make_folders(arena *mem, const char *path);

#endif
