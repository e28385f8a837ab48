#include "batch.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "buildid.h"
#include "docreply.h"
#include "document.h"
#include "filecache.h"
#include "i18n.h"
#include "jobs.h"
#include "manifest.h"
#include "oom.h"
#include "outdir.h"
#include "workers.h"

/* How long the documents under way may take to finish after a stop signal:
 * then their processes are killed (a document takes well under a second). */
enum { STOP_GRACE_SECONDS = 10 };

/* The process-wide state a signal needs: a signal is for the whole process.
 * Set by the handler, read by the thread that hands out documents. And
 * while a document is built in the run's own process (build_alone), what
 * to say when it is still under way at the end of the grace. */
static volatile sig_atomic_t stop_signal;
static volatile sig_atomic_t building_alone;
static char *alone_late_message;
static size_t alone_late_length;

static void die_of(int sig)
{
    struct sigaction dfl = {.sa_handler = SIG_DFL};
    sigaction(sig, &dfl, NULL);
    raise(sig);
}

static void on_stop_signal(int sig)
{
    if (stop_signal) {
        /* A second one: stop now. The next run removes what is left. */
        die_of(sig);
        return;
    }
    stop_signal = sig;
    if (building_alone)
        alarm(STOP_GRACE_SECONDS);
}

/* The grace is over for the document built in the run's own process: the
 * run ends of the stop signal, as it would have killed a worker. */
static void on_grace_over(int sig)
{
    (void)sig;
    if (alone_late_message) {
        ssize_t n = write(STDERR_FILENO, alone_late_message, alone_late_length);
        (void)n;
    }
    die_of(stop_signal);
}

static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};
enum { NSTOP = sizeof stop_signals / sizeof *stop_signals };

static void catch_stop_signals(struct sigaction saved[NSTOP])
{
    stop_signal = 0;
    struct sigaction sa = {.sa_handler = on_stop_signal, .sa_flags = SA_RESTART};
    sigemptyset(&sa.sa_mask);
    for (int i = 0; i < NSTOP; i++)
        sigaction(stop_signals[i], &sa, &saved[i]);
}

static void restore_stop_signals(const struct sigaction saved[NSTOP])
{
    for (int i = 0; i < NSTOP; i++)
        sigaction(stop_signals[i], &saved[i], NULL);
}

static double seconds_since(const struct timespec *start)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - start->tv_sec) + (double)(now.tv_nsec - start->tv_nsec) / 1e9;
}

/* ---- what every document depends on ---------------------------------------- */

static const char *digest_text(arena *mem, file_digest d)
{
    return d.state == FILE_PRESENT ? arena_printf(mem, "%016llx", (unsigned long long)d.hash) : "-";
}

static void add_setting(arena *mem, setting_list *list, const char *name, const char *value)
{
    *ARENA_PUSH(mem, list->items, list->count, list->cap) = (setting){name, value};
}

/* The build of the program: its build ID, else the hash of its file. */
static const char *program_identity(arena *mem, filecache *fc)
{
    char id[129];
    if (build_id(id, sizeof id))
        return arena_strdup(mem, id);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return "-";
    exe[n] = '\0';
    return digest_text(mem, filecache_digest(fc, exe));
}

/* The settings a PDF depends on besides its files: the program (its version
 * and build), the templates folder, the date of documents. */
static setting_list settings_of(arena *mem, const batch_options *opt, filecache *fc)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    setting_list list = {0};
    add_setting(mem, &list, "planpress",
                arena_printf(mem, "%s %s", opt->version, program_identity(mem, fc)));
    add_setting(mem, &list, "templates", opt->templates_dir);
    add_setting(mem, &list, "SOURCE_DATE_EPOCH", epoch ? epoch : "");
    return list;
}

/* Why every document is out of date when `name` changed. */
static const char *setting_reason(arena *mem, const char *name)
{
    return strcmp(name, "templates") == 0 ? "the templates folder changed"
                                          : arena_printf(mem, "%s changed", name);
}

static bool input_lists_equal(const input_list *a, const input_list *b)
{
    if (a->count != b->count)
        return false;
    for (size_t i = 0; i < a->count; i++)
        if (strcmp(a->items[i].path, b->items[i].path) != 0 ||
            !file_digest_equal(a->items[i].digest, b->items[i].digest))
            return false;
    return true;
}

/* ---- the check ---------------------------------------------------------------- */

/* Why `doc` must be built, or NULL when its last build still stands. */
static const char *why_build(arena *mem, const batch_doc *doc, const doc_record *rec, filecache *fc)
{
    file_stamp pdf;
    bool pdf_there = filecache_stamp(doc->pdf, &pdf);
    if (!rec)
        return pdf_there ? "its last build failed or is not on record" : "new";
    if (strcmp(rec->kind, doc->found.kind->name) != 0 ||
        strcmp(rec->source, doc->found.source) != 0)
        return "made from another file";
    if (!pdf_there)
        return "the PDF is missing";
    if (pdf.size != rec->pdf_size || pdf.mtime_ns != rec->pdf_mtime_ns)
        return "the PDF was changed";
    const char *changed = input_list_changed(&rec->inputs, fc);
    return changed ? arena_printf(mem, "%s changed", changed) : NULL;
}

typedef struct {
    const batch_options *opt;
    batch_result *res;
    filecache *fc;
    manifest man;
    outdir_lock lock;
    const char *manifest_path;
    setting_list settings;
    render_env env;
    input_list shared;    /* what the render environment was made from */
    doc_record **records; /* of the documents built, by position in res->docs */
} run;

/* Compares what the manifest knows to the files now and decides what to build. */
static void check(run *r)
{
    batch_result *res = r->res;
    r->settings = settings_of(&res->mem, r->opt, r->fc);
    const char *setting_name = setting_list_changed(&r->man.settings, &r->settings);
    const char *changed = setting_name ? NULL : input_list_changed(&r->man.shared, r->fc);
    if (setting_name && r->man.settings.count) /* none: the first run */
        res->rebuild_all = setting_reason(&res->mem, setting_name);
    else if (changed)
        res->rebuild_all = arena_printf(&res->mem, "%s changed", changed);
    if (setting_name || changed)
        manifest_drop_all(&r->man);
    for (size_t i = 0; i < res->ndocs; i++) {
        batch_doc *d = &res->docs[i];
        const doc_record *rec = manifest_find(&r->man, d->found.output);
        d->reason = r->opt->force ? "--force" : why_build(&res->mem, d, rec, r->fc);
        if (d->reason && !rec && res->rebuild_all)
            d->reason = res->rebuild_all;
        if (!d->reason && r->opt->strict && rec->warnings) /* to show them again */
            d->reason = "its last build had warnings (--strict)";
        if (d->reason) {
            res->to_build++;
        } else {
            d->status = DOC_UP_TO_DATE;
            d->warnings = rec->warnings;
            res->up_to_date++;
        }
    }
}

/* ---- building one document ------------------------------------------------------ */

typedef struct {
    arena *mem;
    input_list *list;
    filecache *fc;
} input_collector;

/* With no file cache, the path alone: its digest is taken later. */
static void collect_input(void *ctx, const char *path)
{
    input_collector *c = ctx;
    input_list_add(c->mem, c->list, path,
                   c->fc ? filecache_digest(c->fc, path) : (file_digest){FILE_ABSENT, 0});
}

static char *folder_of(arena *mem, const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? arena_strndup(mem, path, (size_t)(slash - path)) : arena_strdup(mem, ".");
}

/* What the manifest keeps of a document built: its record at its exact
 * size, with the file cache's copies of the paths of its inputs, which
 * documents share. */
static doc_record *kept_record(arena *keep, const doc_record *rec, filecache *fc)
{
    doc_record *kept = ARENA_NEW(keep, doc_record);
    *kept = *rec;
    size_t n = rec->inputs.count;
    kept->inputs = (input_list){ARENA_ARRAY(keep, input_record, n), n, n};
    for (size_t i = 0; i < n; i++)
        kept->inputs.items[i] = (input_record){filecache_path(fc, rec->inputs.items[i].path),
                                               rec->inputs.items[i].digest};
    return kept;
}

/* Builds `d` in memory of its own, its source loaded once for the
 * documents of `share` (may be NULL). What outlives it, its diagnostics and
 * manifest record, goes to `keep`; returns the record, or NULL. */
static doc_record *build_one(const run *r, batch_doc *d, document_share *share, arena *keep)
{
    arena scratch, *mem = &scratch;
    arena_init(mem);
    diag_list_init(&d->diags, mem);
    doc_record rec = {
        .output = d->found.output, .kind = d->found.kind->name, .source = d->found.source};
    input_collector col = {mem, &rec.inputs, r->fc};
    input_recorder recorder = {collect_input, &col};
    document_request req = {d->found.source, d->pdf, d->found.kind->template_name, &recorder,
                            share};
    bool ok;
    if (!make_folders(mem, folder_of(mem, d->pdf))) {
        diag_add(&d->diags, DIAG_ERROR, d->pdf, 0, 0, NULL, "cannot make the folder: %s",
                 strerror(errno));
        ok = false;
    } else {
        ok = d->found.kind->render(&r->env, &req, &d->diags);
    }
    file_stamp pdf;
    if (ok && !filecache_stamp(d->pdf, &pdf)) {
        diag_add(&d->diags, DIAG_ERROR, d->pdf, 0, 0, NULL, "the PDF went missing: %s",
                 strerror(errno));
        ok = false;
    }
    d->status = ok ? DOC_BUILT : DOC_FAILED;
    d->warnings = d->diags.warnings;
    diag_list_move(&d->diags, keep);
    doc_record *kept = NULL;
    if (ok) {
        rec.pdf_size = pdf.size;
        rec.pdf_mtime_ns = pdf.mtime_ns;
        rec.warnings = d->diags.warnings;
        kept = kept_record(keep, &rec, r->fc);
    }
    arena_free(mem);
    return kept;
}

/* ---- the worker processes ------------------------------------------------------ */

typedef struct {
    run *r;
    size_t *queue; /* positions in res->docs of the documents to build */
    bool *done;    /* by queue position */
    size_t count;
    job_list jobs; /* of queue positions */
} build_queue;

/* In a worker process: builds the documents of job `job` and replies with
 * what became of each. */
static void build_in_worker(void *ctx, size_t job, strbuf *reply)
{
    build_queue *q = ctx;
    const build_job *bj = &q->jobs.items[job];
    document_share *share = bj->count > 1 ? document_share_new() : NULL;
    for (size_t k = 0; k < bj->count; k++) {
        arena keep;
        arena_init(&keep);
        batch_doc d = q->r->res->docs[q->queue[bj->documents[k]]];
        doc_record *rec = build_one(q->r, &d, share, &keep);
        docreply_encode(reply, &(docreply){d.status == DOC_BUILT, d.warnings, &d.diags, rec});
        arena_free(&keep);
    }
    document_share_free(share);
}

/* A worker's temporary files are named with its process id: the lock
 * keeps it for the sweep of a run that did not finish. */
static void worker_started(void *ctx, long pid)
{
    build_queue *q = ctx;
    outdir_lock_add_process(&q->r->lock, pid);
}

/* What a worker's wait status says of how it ended. */
static const char *death_of(arena *mem, int status)
{
    if (WIFEXITED(status) && WEXITSTATUS(status) == OOM_EXIT_STATUS)
        return "out of memory";
    if (WIFSIGNALED(status))
        return arena_printf(mem, _("the process building it crashed (signal %d, %s)"),
                            WTERMSIG(status), strsignal(WTERMSIG(status)));
    return arena_printf(mem, _("the process building it ended before it was done (exit status %d)"),
                        WIFEXITED(status) ? WEXITSTATUS(status) : -1);
}

/* Takes in what a worker said of the document at queue position `pos`:
 * the reply at `*reply` (NULL when the worker died), which ends at `end`
 * when `last`. */
static void settle_doc(build_queue *q, size_t pos, const worker_outcome *o, const char **reply,
                       const char *end, bool last)
{
    run *r = q->r;
    size_t i = q->queue[pos];
    batch_doc *d = &r->res->docs[i];
    diag_list_init(&d->diags, &r->res->mem);
    doc_record named = {
        .output = d->found.output, .kind = d->found.kind->name, .source = d->found.source};
    docreply got = {.diags = &d->diags};
    if (*reply && docreply_decode(reply, end, &r->res->mem, &named, &got) &&
        (!last || *reply == end)) {
        d->status = got.built ? DOC_BUILT : DOC_FAILED;
        d->warnings = got.warnings;
        doc_record *rec = r->records[i] = got.record;
        for (size_t k = 0; rec && k < rec->inputs.count; k++) {
            input_record *in = &rec->inputs.items[k];
            filecache_digest(r->fc, in->path); /* its stat data, for the manifest */
            in->path = filecache_path(r->fc, in->path);
        }
    } else {
        diag_list_init(&d->diags, &r->res->mem);
        d->status = DOC_FAILED;
        d->warnings = 0;
        r->records[i] = NULL;
        const char *why =
            !o->died ? "the reply of its process is damaged"
            : r->res->stop_signal && WIFSIGNALED(o->status) && WTERMSIG(o->status) == SIGKILL
                ? arena_printf(&r->res->mem, _("still under way %d s after the signal to stop"),
                               STOP_GRACE_SECONDS)
                : death_of(&r->res->mem, o->status);
        diag_add(&d->diags, DIAG_ERROR, d->found.source, 0, 0, NULL,
                 "not built: %s; the last good PDF is kept", why);
        *reply = NULL; /* what follows is not to be trusted either */
    }
    q->done[pos] = true;
}

/* Takes in what a worker said of the documents of job o->job; returns how
 * many they are. */
static size_t settle(build_queue *q, const worker_outcome *o)
{
    const build_job *job = &q->jobs.items[o->job];
    const char *reply = o->died ? NULL : o->reply, *end = o->reply + o->len;
    for (size_t k = 0; k < job->count; k++)
        settle_doc(q, job->documents[k], o, &reply, end, k + 1 == job->count);
    return job->count;
}

/* Fails the documents of the jobs from `from` to `to`, which no process
 * could be started to build; returns how many they are. */
static size_t fail_unstarted(build_queue *q, size_t from, size_t to, int err)
{
    size_t failed = 0;
    for (size_t j = from; j < to; j++) {
        for (size_t k = 0; k < q->jobs.items[j].count; k++) {
            size_t pos = q->jobs.items[j].documents[k];
            batch_doc *d = &q->r->res->docs[q->queue[pos]];
            d->status = DOC_FAILED;
            diag_add(&d->diags, DIAG_ERROR, d->found.source, 0, 0, NULL,
                     "not built: no process can be started to build it: %s", strerror(err));
            q->done[pos] = true;
        }
        failed += q->jobs.items[j].count;
    }
    return failed;
}

/* The digests of what the style was made from (its fonts, its dictionary),
 * for the manifest. Only a run that builds needs them. With workers, the
 * run takes them while the first documents are built; a run of one
 * document takes them itself, as a second thread costs it more than it
 * saves (docs/performance.md). */
static void digest_shared(run *r)
{
    for (size_t i = 0; i < r->shared.count; i++)
        r->shared.items[i].digest = filecache_digest(r->fc, r->shared.items[i].path);
}

/* The one document to build, built in this process: a worker would cost
 * more to start than it saves. A crash then ends the run before the
 * manifest is written, which leaves the output folder as the last run
 * left it, but for a temporary file the next run removes. A stop signal
 * gives it the grace a worker has; still under way then, the run ends of
 * the signal. */
static void build_alone(run *r, size_t i, const batch_observer *obs)
{
    batch_doc *d = &r->res->docs[i];
    if (obs->progress)
        obs->progress(obs->ctx, 0, 1);
    FILE *late = open_memstream(&alone_late_message, &alone_late_length);
    if (late) { /* as settle says it of a worker's document */
        diag_list said;
        diag_list_init(&said, &r->res->mem);
        diag_add(&said, DIAG_ERROR, d->found.source, 0, 0, NULL,
                 "not built: %s; the last good PDF is kept",
                 arena_printf(&r->res->mem, _("still under way %d s after the signal to stop"),
                              STOP_GRACE_SECONDS));
        diag_print(&said.items[0], late);
        fclose(late);
    }
    struct sigaction grace = {.sa_handler = on_grace_over}, saved;
    sigemptyset(&grace.sa_mask);
    sigaction(SIGALRM, &grace, &saved);
    building_alone = 1;
    if (stop_signal) /* since build_and_record looked */
        alarm(STOP_GRACE_SECONDS);
    digest_shared(r);
    r->records[i] = build_one(r, d, NULL, &r->res->mem);
    building_alone = 0;
    alarm(0);
    sigaction(SIGALRM, &saved, NULL);
    free(alone_late_message);
    alone_late_message = NULL;
    r->res->stop_signal = stop_signal;
    if (obs->done)
        obs->done(obs->ctx, d);
}

/* Builds the queue in worker processes, hands documents to the observer in
 * order as they finish, and stops handing out new ones on a signal. */
static void build_all(run *r, const batch_observer *obs)
{
    batch_result *res = r->res;
    build_queue q = {.r = r, .count = res->to_build};
    q.queue = ARENA_ARRAY(&res->mem, size_t, q.count);
    q.done = ARENA_ARRAY(&res->mem, bool, q.count);
    for (size_t i = 0, n = 0; i < res->ndocs; i++)
        if (res->docs[i].reason)
            q.queue[n++] = i;
    if (q.count == 1) {
        build_alone(r, q.queue[0], obs);
        return;
    }
    render_env_preload(&r->env);
    const char **sources = ARENA_ARRAY(&res->mem, const char *, q.count);
    for (size_t pos = 0; pos < q.count; pos++)
        sources[pos] = res->docs[q.queue[pos]].found.source;
    q.jobs = jobs_make(&res->mem, sources, q.count, r->opt->jobs);
    unsigned slots = r->opt->jobs < q.jobs.count ? r->opt->jobs : (unsigned)q.jobs.count;
    workers *w = oom_check(workers_new(slots, build_in_worker, worker_started, &q));
    /* next and limit count jobs; reported, finished and shown documents */
    size_t next = 0, limit = q.jobs.count, reported = 0, finished = 0, shown = (size_t)-1;
    struct timespec stopped = {0};
    bool shared_known = false;
    while (reported < q.count) {
        if (stop_signal && !res->stop_signal) {
            res->stop_signal = stop_signal;
            clock_gettime(CLOCK_MONOTONIC, &stopped);
            limit = next;
        }
        while (next < limit && workers_give(w, next))
            next++;
        if (!shared_known) { /* while the first documents are built */
            digest_shared(r);
            shared_known = true;
        }
        if (next < limit && workers_busy(w) == 0) {
            finished += fail_unstarted(&q, next, limit, errno);
            next = limit;
        }
        for (; reported < q.count && (q.jobs.job_of[reported] >= limit || q.done[reported]);
             reported++) {
            if (q.jobs.job_of[reported] >= limit)
                res->docs[q.queue[reported]].status = DOC_SKIPPED;
            if (obs->done)
                obs->done(obs->ctx, &res->docs[q.queue[reported]]);
        }
        if (obs->progress && shown != finished && reported < q.count) {
            shown = finished;
            obs->progress(obs->ctx, shown, q.count);
        }
        worker_outcome o;
        if (res->stop_signal && seconds_since(&stopped) > STOP_GRACE_SECONDS)
            workers_kill(w);
        if (reported < q.count && workers_wait(w, &o, res->stop_signal ? 200 : -1))
            finished += settle(&q, &o);
    }
    workers_free(w);
}

/* ---- the run ---------------------------------------------------------------------- */

/* Gives every document to build the status `status`, with an error saying
 * why when it failed, and hands them to the observer. */
static void settle_all(run *r, doc_status status, const char *why, const batch_observer *obs)
{
    for (size_t i = 0; i < r->res->ndocs; i++) {
        batch_doc *d = &r->res->docs[i];
        if (!d->reason)
            continue;
        d->status = status;
        if (why)
            diag_add(&d->diags, DIAG_ERROR, d->found.source, 0, 0, NULL, "not built: %s", why);
        if (obs->done)
            obs->done(obs->ctx, d);
    }
}

static void record_results(run *r)
{
    batch_result *res = r->res;
    if (!input_lists_equal(&r->shared, &r->man.shared)) {
        /* Documents left alone were made with the former style or fonts. */
        manifest_drop_all(&r->man);
        r->man.shared = r->shared;
    }
    r->man.settings = r->settings;
    for (size_t i = 0; i < res->ndocs; i++) {
        batch_doc *d = &res->docs[i];
        if (d->status == DOC_BUILT)
            manifest_put(&r->man, r->records[i]);
        else if (d->status == DOC_FAILED)
            manifest_drop(&r->man, d->found.output);
        res->built += d->status == DOC_BUILT;
        res->failed += d->status == DOC_FAILED;
        res->skipped += d->status == DOC_SKIPPED;
        if (d->status != DOC_UP_TO_DATE)
            res->warnings += d->diags.warnings;
    }
}

static void start_docs(run *r, const document_list *found)
{
    batch_result *res = r->res;
    res->ndocs = found->count;
    res->docs = ARENA_ARRAY(&res->mem, batch_doc, found->count + 1);
    r->records = ARENA_ARRAY(&res->mem, doc_record *, found->count + 1);
    for (size_t i = 0; i < found->count; i++) {
        batch_doc *d = &res->docs[i];
        d->found = found->items[i];
        d->pdf = arena_printf(&res->mem, "%s/%s", r->opt->out_dir, d->found.output);
        diag_list_init(&d->diags, &res->mem);
    }
}

/* Builds what the check found out of date and records it in the manifest. */
static void build_and_record(run *r, const batch_observer *obs)
{
    batch_result *res = r->res;
    if (stop_signal) {
        res->stop_signal = stop_signal;
        settle_all(r, DOC_SKIPPED, NULL, obs);
        r->shared = r->man.shared;
    } else {
        build_all(r, obs);
    }
    record_results(r);
}

/* The style, its fonts and dictionary, before anything else: without them
 * no document can be built, so the run says why once and stops before it
 * touches the output folder (a run in the wrong folder finds no
 * templates/style.yaml). */
static bool open_env(run *r)
{
    batch_result *res = r->res;
    const char *style_path = arena_printf(&res->mem, "%s/style.yaml", r->opt->templates_dir);
    if (access(style_path, F_OK) != 0) {
        diag_add(&res->diags, DIAG_ERROR, style_path, 0, 0, NULL,
                 "cannot open: %s; without the default style no document can be built: run "
                 "planpress in the project's folder (the one holding templates/ and plans/) "
                 "or give the templates with -t DIR. Nothing was built and %s/ is untouched",
                 strerror(errno), r->opt->out_dir);
        return false;
    }
    /* The files' digests wait for the manifest, whose stat data spares
     * hashing them (see digest_shared). */
    input_collector col = {&res->mem, &r->shared, NULL};
    input_recorder recorder = {collect_input, &col};
    if (render_env_open(&r->env, r->opt->templates_dir, &recorder, &res->diags))
        return true;
    diag_add(&res->diags, DIAG_ERROR, style_path, 0, 0, NULL,
             "the style or its fonts cannot be loaded, so no document can be built. Nothing was "
             "built and %s/ is untouched",
             r->opt->out_dir);
    return false;
}

/* With nothing to build, files whose content is the one remembered under
 * new stat data (a plan touched but not changed) do not make the manifest be
 * written again: the next run hashes them again instead, which for up to this
 * many files costs less than rewriting and syncing the manifest of a large
 * output folder. */
enum { RESTAMPED_UNSAVED = 64 };

void batch_run(const batch_options *opt, const batch_observer *obs, batch_result *res)
{
    struct timespec started;
    clock_gettime(CLOCK_MONOTONIC, &started);
    *res = (batch_result){0};
    arena_init(&res->mem);
    diag_list_init(&res->diags, &res->mem);
    run r = {.opt = opt, .res = res, .fc = filecache_new(filecache_now_ns())};
    manifest_init(&r.man, &res->mem);

    document_list found = {0};
    if (!open_env(&r)) {
        render_env_close(&r.env);
        filecache_free(r.fc);
        return;
    }
    res->bad_path =
        !discover(&res->mem, opt->plans_dir, opt->paths, opt->npaths, r.fc, &found, &res->diags);
    if (res->bad_path || !outdir_lock_take(&res->mem, opt->out_dir, &r.lock, &res->diags)) {
        render_env_close(&r.env);
        filecache_free(r.fc);
        return;
    }
    res->ran = true;
    struct sigaction saved[NSTOP];
    catch_stop_signals(saved);
    if (r.lock.last_run_unfinished)
        outdir_sweep(&res->mem, &r.lock, opt->out_dir, &res->diags);
    r.manifest_path = arena_printf(&res->mem, "%s/manifest", r.lock.state_dir);
    manifest_load(&r.man, r.manifest_path, r.fc, &res->diags);
    start_docs(&r, &found);
    check(&r);
    if (obs->start)
        obs->start(obs->ctx, res);
    if (res->to_build > 0) {
        build_and_record(&r, obs);
        manifest_save(&r.man, r.manifest_path, r.fc, &res->diags);
    } else if (filecache_changed(r.fc) || filecache_restamped(r.fc) > RESTAMPED_UNSAVED ||
               setting_list_changed(&r.man.settings, &r.settings)) {
        r.man.settings = r.settings;
        manifest_save(&r.man, r.manifest_path, r.fc, &res->diags);
    }
    render_env_close(&r.env);
    outdir_lock_release(&r.lock);
    restore_stop_signals(saved);
    filecache_free(r.fc);
    res->seconds = seconds_since(&started);
}

void batch_result_free(batch_result *res)
{
    arena_free(&res->mem);
    *res = (batch_result){0};
}

bool batch_succeeded(const batch_result *res)
{
    return !res->bad_path && res->failed == 0 && res->diags.errors == 0 && !res->stop_signal;
}

int batch_exit_status(const batch_result *res, bool strict)
{
    if (res->bad_path)
        return 2;
    if (!batch_succeeded(res))
        return 1;
    return strict && res->warnings ? 3 : 0;
}
