#include "outdir.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

bool make_folders(arena *mem, const char *path)
{
    char *p = arena_strdup(mem, path);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        bool ok = mkdir(p, 0777) == 0 || errno == EEXIST;
        *s = '/';
        if (!ok)
            return false;
    }
    return mkdir(p, 0777) == 0 || errno == EEXIST;
}

/* The process id written in the lock file, or 0. */
static long lock_holder(int fd)
{
    char buf[32] = {0};
    ssize_t n = pread(fd, buf, sizeof buf - 1, 0);
    return n > 0 ? strtol(buf, NULL, 10) : 0;
}

bool outdir_lock_take(arena *mem, const char *out_dir, outdir_lock *lk, diag_list *dl)
{
    *lk = (outdir_lock){.fd = -1, .state_dir = arena_printf(mem, "%s/.planpress", out_dir)};
    if (!make_folders(mem, lk->state_dir)) {
        diag_add(dl, DIAG_ERROR, out_dir, 0, 0, NULL, "cannot make the output folder: %s",
                 strerror(errno));
        return false;
    }
    const char *path = arena_printf(mem, "%s/lock", lk->state_dir);
    int fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    if (fd < 0) {
        diag_add(dl, DIAG_ERROR, path, 0, 0, NULL, "cannot open the lock: %s", strerror(errno));
        return false;
    }
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
        long pid = lock_holder(fd);
        if (errno == EWOULDBLOCK && pid > 0)
            diag_add(dl, DIAG_ERROR, out_dir, 0, 0, NULL,
                     "another planpress run (process %ld) is writing here; try again when it "
                     "has finished",
                     pid);
        else if (errno == EWOULDBLOCK)
            diag_add(dl, DIAG_ERROR, out_dir, 0, 0, NULL,
                     "another planpress run is writing here; try again when it has finished");
        else
            diag_add(dl, DIAG_ERROR, path, 0, 0, NULL, "cannot take the lock: %s", strerror(errno));
        close(fd);
        return false;
    }
    lk->fd = fd;
    lk->last_run_unfinished = lock_holder(fd) > 0;
    char pid[32];
    int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
    if (ftruncate(fd, 0) != 0 || pwrite(fd, pid, (size_t)n, 0) != n)
        diag_add(dl, DIAG_WARNING, path, 0, 0, NULL, "cannot write the lock: %s", strerror(errno));
    return true;
}

void outdir_lock_release(outdir_lock *lk)
{
    if (lk->fd < 0)
        return;
    if (ftruncate(lk->fd, 0) != 0) {
        /* The next run will only look for temporary files it need not. */
    }
    close(lk->fd);
    lk->fd = -1;
}

/* The digits that end at `end`, going back no further than `start`. */
static const char *digits_before(const char *start, const char *end)
{
    const char *p = end;
    while (p > start && p[-1] >= '0' && p[-1] <= '9')
        p--;
    return p;
}

/* NAME.PID.tmp or NAME.PID-N.tmp (as pdf.c writes them): the process id, or
 * 0 when the name is not of that form. */
static long temporary_owner(const char *name)
{
    size_t len = strlen(name);
    if (len < 6 || strcmp(name + len - 4, ".tmp") != 0)
        return 0;
    const char *end = name + len - 4, *p = digits_before(name, end);
    if (p < end && p > name && p[-1] == '-') {
        end = p - 1;
        p = digits_before(name, end);
    }
    if (p == end || p == name || p[-1] != '.' || p - 1 == name)
        return 0;
    return strtol(p, NULL, 10);
}

/* Whether `pid` is a planpress process that may still be writing its file.
 * Process ids are reused quickly, so a live process counts only when
 * /proc names it planpress (where /proc can be read). */
static bool planpress_runs(long pid)
{
    if (pid == (long)getpid())
        return true;
    if (kill((pid_t)pid, 0) != 0 && errno != EPERM)
        return false;
    char path[64], name[32] = "";
    snprintf(path, sizeof path, "/proc/%ld/comm", pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return true;
    bool same = fgets(name, sizeof name, f) && strncmp(name, "planpress", 9) == 0;
    fclose(f);
    return same;
}

static size_t sweep(arena *mem, const char *dir, int depth)
{
    DIR *d = depth < 32 ? opendir(dir) : NULL;
    if (!d)
        return 0;
    size_t removed = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        const char *path = arena_printf(mem, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(path, &st) != 0)
            continue;
        long pid = temporary_owner(e->d_name);
        if (S_ISDIR(st.st_mode))
            removed += sweep(mem, path, depth + 1);
        else if (S_ISREG(st.st_mode) && pid > 0 && !planpress_runs(pid) && unlink(path) == 0)
            removed++;
    }
    closedir(d);
    return removed;
}

size_t outdir_sweep(arena *mem, const char *out_dir)
{
    return sweep(mem, out_dir, 0);
}
