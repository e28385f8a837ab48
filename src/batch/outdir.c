#include "outdir.h"

#include <ctype.h>
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

#include "i18n.h"
#include "regular.h"

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

/* The process ids the lock holds, one a line: the run's, then its workers'. */
static void read_processes(arena *mem, outdir_lock *lk)
{
    char buf[4096];
    ssize_t n = pread(lk->fd, buf, sizeof buf - 1, 0);
    buf[n > 0 ? n : 0] = '\0';
    size_t cap = 0;
    for (char *p = buf, *end; *p; p = end) {
        long pid = strtol(p, &end, 10);
        if (end == p)
            break;
        if (pid > 0)
            *ARENA_PUSH(mem, lk->last_pids, lk->nlast, cap) = pid;
        while (*end == '\n')
            end++;
    }
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
    struct stat st;
    if (lstat(lk->state_dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        diag_add(dl, DIAG_ERROR, lk->state_dir, 0, 0, NULL,
                 "is not a folder (a link is never followed here): remove it");
        return false;
    }
    /* A link planted as the lock is an error, never followed. */
    int fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0666);
    if (fd >= 0 && (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode))) {
        close(fd);
        fd = -1;
        errno = NOT_REGULAR;
    }
    if (fd < 0) {
        diag_add(dl, DIAG_ERROR, path, 0, 0, NULL, "cannot open the lock: %s",
                 errno == ELOOP ? _("it is a link, which is never followed: remove it")
                                : regular_strerror(errno));
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
    read_processes(mem, lk);
    lk->last_run_unfinished = lk->nlast > 0;
    char pid[32];
    int n = snprintf(pid, sizeof pid, "%ld\n", (long)getpid());
    if (ftruncate(fd, 0) != 0 || pwrite(fd, pid, (size_t)n, 0) != n)
        diag_add(dl, DIAG_WARNING, path, 0, 0, NULL, "cannot write the lock: %s", strerror(errno));
    lk->end = n;
    return true;
}

void outdir_lock_add_process(outdir_lock *lk, long pid)
{
    char line[32];
    int n = snprintf(line, sizeof line, "%ld\n", pid);
    if (lk->fd >= 0 && pwrite(lk->fd, line, (size_t)n, lk->end) == n)
        lk->end += n;
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

/* Whether `name` is NAME.pdf.PID-N.tmp or manifest.PID-N.tmp with PID one
 * of `pids`: exactly a temporary file atomicfile.c made for this folder. */
static bool made_by(const char *name, const long *pids, size_t npids)
{
    size_t len = strlen(name);
    if (len < 8 || strcmp(name + len - 4, ".tmp") != 0)
        return false;
    const char *end = name + len - 4, *p = end;
    while (p > name && isdigit((unsigned char)p[-1]))
        p--;
    if (p == end || p == name || p[-1] != '-')
        return false;
    end = p - 1;
    p = end;
    while (p > name && isdigit((unsigned char)p[-1]))
        p--;
    if (p == end || p == name || p[-1] != '.')
        return false;
    size_t stem = (size_t)(p - 1 - name);
    bool ours = (stem == 8 && strncmp(name, "manifest", 8) == 0) ||
                (stem > 4 && strncmp(name + stem - 4, ".pdf", 4) == 0);
    long pid = strtol(p, NULL, 10);
    for (size_t i = 0; ours && i < npids; i++)
        if (pids[i] == pid)
            return true;
    return false;
}

static void sweep(arena *mem, const outdir_lock *lk, const char *dir, int depth, diag_list *dl)
{
    DIR *d = depth < 32 ? opendir(dir) : NULL;
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        const char *path = arena_printf(mem, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(path, &st) != 0)
            continue;
        if (S_ISDIR(st.st_mode))
            sweep(mem, lk, path, depth + 1, dl);
        else if (S_ISREG(st.st_mode) && made_by(e->d_name, lk->last_pids, lk->nlast) &&
                 unlink(path) == 0)
            diag_add(dl, DIAG_NOTE, path, 0, 0, NULL,
                     "removed: a temporary file of the last run, which did not finish");
    }
    closedir(d);
}

void outdir_sweep(arena *mem, const outdir_lock *lk, const char *out_dir, diag_list *dl)
{
    sweep(mem, lk, out_dir, 0, dl);
}
