#include "workers.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif
#include <unistd.h>

#include "heap.h"
#include "oom.h"

typedef struct {
    pid_t pid;     /* 0: no process */
    int to, from;  /* the parent's ends: jobs go down `to`, replies come up `from` */
    bool busy;
    size_t job;
} slot;

struct workers {
    worker_job_fn *fn;
    worker_started_fn *started;
    void *ctx;
    unsigned n;
    slot *slots;
    strbuf reply;
    struct sigaction saved_sigpipe;
};

/* Moves all `len` bytes through `fd` (write or read); false at the end of
 * the pipe or on an error. */
static bool transfer(int fd, char *p, size_t len, bool out)
{
    while (len) {
        ssize_t n = out ? write(fd, p, len) : read(fd, p, len);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        len -= (size_t)n;
    }
    return true;
}

static bool write_all(int fd, const void *data, size_t len)
{
    return transfer(fd, (char *)data, len, true);
}

static bool read_all(int fd, void *data, size_t len)
{
    return transfer(fd, data, len, false);
}

/* The worker's life: a job number in, its reply (length, then bytes) out,
 * until the parent closes the pipe. */
_Noreturn static void serve(workers *w, int in, int out, pid_t parent)
{
#ifdef __linux__
    /* Dies with the parent, so that no worker outlives a run killed with
     * SIGKILL, still holding the output folder's lock it inherited. */
    prctl(PR_SET_PDEATHSIG, SIGKILL);
#endif
    if (getppid() != parent)
        _exit(0);
    struct sigaction ignore = {.sa_handler = SIG_IGN};
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGINT, &ignore, NULL);
    sigaction(SIGTERM, &ignore, NULL);
    sigaction(SIGHUP, &ignore, NULL);
    heap_keep_freed_memory();
    uint64_t job;
    while (read_all(in, &job, sizeof job)) {
        strbuf reply = {0};
        w->fn(w->ctx, (size_t)job, &reply);
        uint64_t len = reply.len;
        bool sent = write_all(out, &len, sizeof len) && write_all(out, reply.data, reply.len);
        strbuf_free(&reply);
        if (!sent)
            break;
    }
    _exit(0); /* no atexit handlers, no stdio buffers of the parent flushed twice */
}

static void close_slot_fds(slot *s)
{
    if (s->to >= 0)
        close(s->to);
    if (s->from >= 0)
        close(s->from);
    s->to = s->from = -1;
}

/* A pipe whose ends no program started later inherits. */
static int pipe_cloexec(int fds[2])
{
    if (pipe(fds) != 0)
        return -1;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    return 0;
}

static bool start(workers *w, slot *s)
{
    int down[2], up[2];
    if (pipe_cloexec(down) != 0)
        return false;
    if (pipe_cloexec(up) != 0) {
        close(down[0]);
        close(down[1]);
        return false;
    }
    pid_t parent = getpid(), pid = fork();
    if (pid < 0) {
        int saved = errno;
        close(down[0]), close(down[1]), close(up[0]), close(up[1]);
        errno = saved;
        return false;
    }
    if (pid == 0) {
        /* The other slots' pipes stay open in the parent only: a worker
         * that dies must leave its pipe with no writer but itself. */
        for (unsigned i = 0; i < w->n; i++)
            close_slot_fds(&w->slots[i]);
        close(down[1]);
        close(up[0]);
        serve(w, down[0], up[1], parent);
    }
    close(down[0]);
    close(up[1]);
    *s = (slot){.pid = pid, .to = down[1], .from = up[0]};
    if (w->started)
        w->started(w->ctx, (long)pid);
    return true;
}

workers *workers_new(unsigned n, worker_job_fn *fn, worker_started_fn *started, void *ctx)
{
    workers *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    *w = (workers){.fn = fn, .started = started, .ctx = ctx, .n = n ? n : 1};
    w->slots = calloc(w->n, sizeof *w->slots);
    if (!w->slots) {
        free(w);
        return NULL;
    }
    for (unsigned i = 0; i < w->n; i++)
        w->slots[i] = (slot){.to = -1, .from = -1};
    /* A worker that died leaves its pipe closed: writing to it must fail
     * with EPIPE, not end the parent. */
    struct sigaction ignore = {.sa_handler = SIG_IGN};
    sigemptyset(&ignore.sa_mask);
    sigaction(SIGPIPE, &ignore, &w->saved_sigpipe);
    return w;
}

bool workers_give(workers *w, size_t job)
{
    for (unsigned i = 0; i < w->n; i++) {
        slot *s = &w->slots[i];
        if (s->busy)
            continue;
        if (!s->pid && !start(w, s))
            return false;
        uint64_t j = job;
        if (!write_all(s->to, &j, sizeof j)) {
            /* It died between jobs: the next call starts another. */
            close_slot_fds(s);
            waitpid(s->pid, NULL, 0);
            s->pid = 0;
            i--;
            continue;
        }
        s->busy = true;
        s->job = job;
        return true;
    }
    return false;
}

unsigned workers_busy(const workers *w)
{
    unsigned n = 0;
    for (unsigned i = 0; i < w->n; i++)
        n += w->slots[i].busy;
    return n;
}

/* Reads the reply of the job under way in `s`, or learns that it died. */
static void collect(workers *w, slot *s, worker_outcome *out)
{
    *out = (worker_outcome){.job = s->job};
    s->busy = false;
    uint64_t len;
    w->reply.len = 0;
    bool whole = read_all(s->from, &len, sizeof len);
    char buf[65536];
    for (uint64_t left = whole ? len : 0; left && whole;) {
        size_t k = left < sizeof buf ? (size_t)left : sizeof buf;
        whole = read_all(s->from, buf, k);
        strbuf_append(&w->reply, buf, whole ? k : 0);
        left -= k;
    }
    if (whole) {
        out->reply = w->reply.data ? w->reply.data : "";
        out->len = w->reply.len;
        return;
    }
    close_slot_fds(s);
    int status = 0;
    while (waitpid(s->pid, &status, 0) < 0 && errno == EINTR)
        ;
    s->pid = 0;
    out->died = true;
    out->status = status;
}

bool workers_wait(workers *w, worker_outcome *out, int timeout_ms)
{
    struct pollfd *fds = calloc(w->n, sizeof *fds);
    if (!fds)
        out_of_memory();
    nfds_t nfds = 0;
    for (unsigned i = 0; i < w->n; i++)
        if (w->slots[i].busy)
            fds[nfds++] = (struct pollfd){.fd = w->slots[i].from, .events = POLLIN};
    bool got = false;
    if (nfds && poll(fds, nfds, timeout_ms) > 0) {
        for (nfds_t k = 0; k < nfds && !got; k++) {
            if (!fds[k].revents)
                continue;
            for (unsigned i = 0; i < w->n; i++)
                if (w->slots[i].busy && w->slots[i].from == fds[k].fd) {
                    collect(w, &w->slots[i], out);
                    got = true;
                    break;
                }
        }
    }
    free(fds);
    return got;
}

void workers_kill(workers *w)
{
    for (unsigned i = 0; i < w->n; i++)
        if (w->slots[i].busy && w->slots[i].pid)
            kill(w->slots[i].pid, SIGKILL);
}

void workers_free(workers *w)
{
    if (!w)
        return;
    for (unsigned i = 0; i < w->n; i++) {
        slot *s = &w->slots[i];
        close_slot_fds(s);
        if (s->pid)
            while (waitpid(s->pid, NULL, 0) < 0 && errno == EINTR)
                ;
    }
    sigaction(SIGPIPE, &w->saved_sigpipe, NULL);
    strbuf_free(&w->reply);
    free(w->slots);
    free(w);
}
