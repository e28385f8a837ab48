#include "batch.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "buildid.h"
#include "document.h"
#include "filecache.h"
#include "manifest.h"
#include "outdir.h"
#include "style.h"

/* The one piece of process-wide state: a signal is for the whole process.
 * Set by the handler, read by the thread that hands out documents. */
static volatile sig_atomic_t stop_signal;

static void on_stop_signal(int sig)
{
    if (stop_signal) {
        /* A second one: stop now. The next run removes what is left. */
        struct sigaction dfl = {.sa_handler = SIG_DFL};
        sigaction(sig, &dfl, NULL);
        raise(sig);
        return;
    }
    stop_signal = sig;
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

static void collect_input(void *ctx, const char *path)
{
    input_collector *c = ctx;
    input_list_add(c->mem, c->list, path, filecache_digest(c->fc, path));
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

/* Builds `d` in memory of its own. What outlives it, its diagnostics and
 * manifest record, goes to `keep`; returns the record, or NULL. */
static doc_record *build_one(const run *r, batch_doc *d, arena *keep)
{
    arena scratch, *mem = &scratch;
    arena_init(mem);
    diag_list_init(&d->diags, mem);
    doc_record rec = {
        .output = d->found.output, .kind = d->found.kind->name, .source = d->found.source};
    input_collector col = {mem, &rec.inputs, r->fc};
    input_recorder recorder = {collect_input, &col};
    document_request req = {d->found.source, d->pdf, d->found.kind->template_name, &recorder};
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

/* ---- the threads ------------------------------------------------------------------ */

typedef struct {
    run *r;
    pthread_mutex_t lock;
    pthread_cond_t changed;
    size_t *queue; /* positions in res->docs of the documents to build */
    bool *done;    /* by queue position */
    size_t count;
    size_t next;  /* the next queue position to hand out */
    size_t limit; /* none at or after it is handed out: lowered by a stop */
    size_t finished;
} pool;

typedef struct {
    pool *p;
    arena *mem;
} worker;

static void *work(void *arg)
{
    worker *w = arg;
    pool *p = w->p;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        if (p->next >= p->limit) {
            pthread_mutex_unlock(&p->lock);
            return NULL;
        }
        size_t pos = p->next++;
        pthread_mutex_unlock(&p->lock);

        size_t i = p->queue[pos];
        p->r->records[i] = build_one(p->r, &p->r->res->docs[i], w->mem);

        pthread_mutex_lock(&p->lock);
        p->done[pos] = true;
        p->finished++;
        pthread_cond_signal(&p->changed);
        pthread_mutex_unlock(&p->lock);
    }
}

static void wait_a_little(pool *p)
{
    struct timespec until;
    clock_gettime(CLOCK_MONOTONIC, &until);
    until.tv_nsec += 100 * 1000 * 1000;
    if (until.tv_nsec >= 1000000000) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000;
    }
    pthread_cond_timedwait(&p->changed, &p->lock, &until);
}

/* Hands documents to the observer in order as they finish; stops handing
 * out new ones on a signal. Called with the lock held. */
static void follow(pool *p, const batch_observer *obs)
{
    batch_result *res = p->r->res;
    size_t reported = 0, shown = (size_t)-1;
    while (reported < p->count) {
        if (stop_signal && p->limit == p->count) {
            res->stop_signal = stop_signal;
            p->limit = p->next;
        }
        if (reported >= p->limit) {
            res->docs[p->queue[reported]].status = DOC_SKIPPED;
        } else if (!p->done[reported]) {
            if (obs->progress && shown != p->finished) {
                shown = p->finished;
                pthread_mutex_unlock(&p->lock);
                obs->progress(obs->ctx, shown, p->count);
                pthread_mutex_lock(&p->lock);
            }
            wait_a_little(p);
            continue;
        }
        pthread_mutex_unlock(&p->lock);
        if (obs->done)
            obs->done(obs->ctx, &res->docs[p->queue[reported]]);
        pthread_mutex_lock(&p->lock);
        reported++;
    }
}

static void build_all(run *r, const batch_observer *obs)
{
    batch_result *res = r->res;
    pool p = {.r = r, .count = res->to_build, .limit = res->to_build};
    p.queue = ARENA_ARRAY(&res->mem, size_t, p.count);
    p.done = ARENA_ARRAY(&res->mem, bool, p.count);
    for (size_t i = 0, n = 0; i < res->ndocs; i++)
        if (res->docs[i].reason)
            p.queue[n++] = i;
    pthread_mutex_init(&p.lock, NULL);
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&p.changed, &attr);
    pthread_condattr_destroy(&attr);

    /* Workers leave signals to this thread, which decides what to stop. */
    sigset_t block, old;
    sigemptyset(&block);
    for (int i = 0; i < NSTOP; i++)
        sigaddset(&block, stop_signals[i]);
    pthread_sigmask(SIG_BLOCK, &block, &old);
    res->nworkers = r->opt->jobs < p.count ? r->opt->jobs : (unsigned)p.count;
    res->worker_mem = calloc(res->nworkers, sizeof *res->worker_mem);
    worker *workers = ARENA_ARRAY(&res->mem, worker, res->nworkers);
    pthread_t *threads = ARENA_ARRAY(&res->mem, pthread_t, res->nworkers);
    unsigned started = 0;
    for (; started < res->nworkers; started++) {
        arena_init(&res->worker_mem[started]);
        workers[started] = (worker){&p, &res->worker_mem[started]};
        if (pthread_create(&threads[started], NULL, work, &workers[started]) != 0)
            break;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    if (started == 0) /* no thread at all: build here */
        work(&(worker){&p, &res->worker_mem[0]});

    pthread_mutex_lock(&p.lock);
    follow(&p, obs);
    pthread_mutex_unlock(&p.lock);
    for (unsigned i = 0; i < started; i++)
        pthread_join(threads[i], NULL);
    pthread_cond_destroy(&p.changed);
    pthread_mutex_destroy(&p.lock);
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
    input_collector col = {&res->mem, &r->shared, r->fc};
    input_recorder recorder = {collect_input, &col};
    if (stop_signal) {
        res->stop_signal = stop_signal;
        settle_all(r, DOC_SKIPPED, NULL, obs);
        r->shared = r->man.shared;
    } else if (render_env_open(&r->env, r->opt->templates_dir, &recorder, &res->diags)) {
        build_all(r, obs);
    } else {
        settle_all(r, DOC_FAILED, "the style or its fonts cannot be loaded", obs);
        r->shared = r->man.shared;
    }
    render_env_close(&r->env);
    record_results(r);
}

/* The default style and the files it names, before anything else: without
 * them no document can be built, so the run says why once and stops before
 * it touches the output folder (a run in the wrong folder finds no
 * templates/style.yaml). Only read and looked at here: a run with nothing
 * to build loads nothing. */
static bool style_usable(run *r)
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
    arena scratch;
    arena_init(&scratch);
    size_t errors = res->diags.errors;
    const style *st = style_load(&scratch, style_path, &res->diags);
    for (int f = 0; st && f < FACE_COUNT; f++)
        if (st->font_files[f] && access(st->font_files[f], R_OK) != 0)
            diag_add(&res->diags, DIAG_ERROR, st->font_files[f], 0, 0, NULL,
                     "cannot read the font file");
    if (st && st->hyphenation.dictionary && access(st->hyphenation.dictionary, R_OK) != 0)
        diag_add(&res->diags, DIAG_ERROR, st->hyphenation.dictionary, 0, 0, NULL,
                 "cannot read the hyphenation dictionary");
    bool ok = st && res->diags.errors == errors;
    if (!ok)
        diag_add(&res->diags, DIAG_ERROR, style_path, 0, 0, NULL,
                 "without a usable default style no document can be built. Nothing was built "
                 "and %s/ is untouched",
                 r->opt->out_dir);
    if (res->diags.errors > errors) /* their texts are in the scratch arena */
        diag_list_move(&res->diags, &res->mem);
    arena_free(&scratch);
    return ok;
}

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
    if (!style_usable(&r)) {
        filecache_free(r.fc);
        return;
    }
    res->bad_path =
        !discover(&res->mem, opt->plans_dir, opt->paths, opt->npaths, &found, &res->diags);
    if (res->bad_path || !outdir_lock_take(&res->mem, opt->out_dir, &r.lock, &res->diags)) {
        filecache_free(r.fc);
        return;
    }
    res->ran = true;
    struct sigaction saved[NSTOP];
    catch_stop_signals(saved);
    if (r.lock.last_run_unfinished) {
        size_t n = outdir_sweep(&res->mem, opt->out_dir);
        if (n)
            diag_add(&res->diags, DIAG_NOTE, opt->out_dir, 0, 0, NULL,
                     "removed %zu temporary file%s of a run that did not finish", n,
                     n == 1 ? "" : "s");
    }
    r.manifest_path = arena_printf(&res->mem, "%s/manifest", r.lock.state_dir);
    manifest_load(&r.man, r.manifest_path, r.fc, &res->diags);
    start_docs(&r, &found);
    check(&r);
    if (obs->start)
        obs->start(obs->ctx, res);
    if (res->to_build > 0) {
        build_and_record(&r, obs);
        manifest_save(&r.man, r.manifest_path, r.fc, &res->diags);
    } else if (filecache_changed(r.fc) || setting_list_changed(&r.man.settings, &r.settings)) {
        r.man.settings = r.settings;
        manifest_save(&r.man, r.manifest_path, r.fc, &res->diags);
    }
    outdir_lock_release(&r.lock);
    restore_stop_signals(saved);
    filecache_free(r.fc);
    res->seconds = seconds_since(&started);
}

void batch_result_free(batch_result *res)
{
    for (unsigned i = 0; i < res->nworkers; i++)
        arena_free(&res->worker_mem[i]);
    free(res->worker_mem);
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
