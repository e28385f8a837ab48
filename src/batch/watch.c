#include "watch.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"

enum {
    QUIET_MS = 150, /* a burst of saves is over when nothing happened for this long */
    EVENTS = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE,
};

typedef struct {
    int wd;
    const char *path;
} watched;

typedef struct {
    arena mem;
    int fd;
    const char *ignore; /* the output folder: writing PDFs is no change */
    struct stat ignored;
    bool has_ignored;
    watched *dirs;
    size_t ndirs, cap;
} watcher;

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool is_ignored(const watcher *w, const char *path)
{
    struct stat st;
    return w->has_ignored && stat(path, &st) == 0 && st.st_dev == w->ignored.st_dev &&
           st.st_ino == w->ignored.st_ino;
}

/* Watches `path` and the folders below it, hidden ones and the output
 * folder left out. */
static void add_tree(watcher *w, const char *path)
{
    if (!is_dir(path) || is_ignored(w, path))
        return;
    int wd = inotify_add_watch(w->fd, path, EVENTS | IN_ONLYDIR);
    if (wd < 0) {
        fprintf(stderr, "%s: warning: not watched: %s\n", path, strerror(errno));
        return;
    }
    *ARENA_PUSH(&w->mem, w->dirs, w->ndirs, w->cap) = (watched){wd, arena_strdup(&w->mem, path)};
    DIR *d = opendir(path);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL)
        if (e->d_name[0] != '.')
            add_tree(w, arena_printf(&w->mem, "%s/%s", path, e->d_name));
    closedir(d);
}

static const char *folder_of_wd(const watcher *w, int wd)
{
    for (size_t i = 0; i < w->ndirs; i++)
        if (w->dirs[i].wd == wd)
            return w->dirs[i].path;
    return NULL;
}

/* Reads the events waiting; counts the changes, remembers the first one
 * and watches new folders. */
static void read_events(watcher *w, size_t *changes, char *first, size_t first_size)
{
    char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
    ssize_t n = read(w->fd, buf, sizeof buf);
    for (char *p = buf; n > 0 && p < buf + n;) {
        const struct inotify_event *ev = (const struct inotify_event *)p;
        p += sizeof *ev + ev->len;
        const char *dir = folder_of_wd(w, ev->wd);
        if (!dir || !ev->len || ev->name[0] == '.')
            continue;
        if ((ev->mask & IN_ISDIR) && (ev->mask & (IN_CREATE | IN_MOVED_TO)))
            add_tree(w, arena_printf(&w->mem, "%s/%s", dir, ev->name));
        if (*changes == 0)
            snprintf(first, first_size, "%s/%s", dir, ev->name);
        (*changes)++;
    }
}

/* Waits for a change (true) or a stop signal (false), then for quiet. */
static bool wait_for_changes(watcher *w, int sigfd)
{
    size_t changes = 0;
    char first[PATH_MAX] = "";
    struct pollfd fds[2] = {{.fd = w->fd, .events = POLLIN}, {.fd = sigfd, .events = POLLIN}};
    while (changes == 0) {
        if (poll(fds, 2, -1) < 0 && errno != EINTR)
            return false;
        if (fds[1].revents & POLLIN)
            return false;
        if (fds[0].revents & POLLIN)
            read_events(w, &changes, first, sizeof first);
    }
    for (;;) {
        int r = poll(fds, 2, QUIET_MS);
        if (r > 0 && (fds[1].revents & POLLIN))
            return false;
        if (r <= 0)
            break;
        read_events(w, &changes, first, sizeof first);
    }
    fprintf(stderr, "changed: %s", first);
    if (changes > 1)
        fprintf(stderr, " (and %zu more)", changes - 1);
    fputc('\n', stderr);
    return true;
}

int watch_run(char *const *paths, size_t npaths, const char *const *extra, size_t nextra,
              const char *ignore, watch_build_fn *build, void *ctx)
{
    watcher w = {.fd = inotify_init1(IN_CLOEXEC), .ignore = ignore};
    arena_init(&w.mem);
    sigset_t stops, old;
    sigemptyset(&stops);
    sigaddset(&stops, SIGINT);
    sigaddset(&stops, SIGTERM);
    int sigfd = w.fd < 0 ? -1 : signalfd(-1, &stops, SFD_CLOEXEC);
    if (w.fd < 0 || sigfd < 0) {
        fprintf(stderr, "planpress watch: error: cannot watch files: %s\n", strerror(errno));
        if (w.fd >= 0)
            close(w.fd);
        arena_free(&w.mem);
        return 1;
    }
    sigprocmask(SIG_BLOCK, &stops, &old);
    int status = build(ctx); /* first: it makes the output folder, which is not watched */
    w.has_ignored = stat(ignore, &w.ignored) == 0;
    for (size_t i = 0; i < npaths; i++) {
        if (is_dir(paths[i])) {
            add_tree(&w, paths[i]);
        } else {
            const char *slash = strrchr(paths[i], '/');
            add_tree(&w, slash ? arena_strndup(&w.mem, paths[i], (size_t)(slash - paths[i])) : ".");
        }
    }
    for (size_t i = 0; i < nextra; i++)
        add_tree(&w, extra[i]);
    fprintf(stderr, "watching %zu folder%s for changes; Ctrl-C stops\n", w.ndirs,
            w.ndirs == 1 ? "" : "s");
    /* Stop signals stay blocked and are read from sigfd: one that comes
     * during a build waits for its end (a build's own handler could take it
     * after the build looked for it last, and the watch would go on). When
     * the loop ends, the signal still pending ends the process. */
    while (wait_for_changes(&w, sigfd))
        status = build(ctx);
    sigprocmask(SIG_SETMASK, &old, NULL);
    close(sigfd);
    close(w.fd);
    arena_free(&w.mem);
    return status;
}
