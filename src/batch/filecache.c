#include "filecache.h"

#include <errno.h>
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "arena.h"
#include "hash.h"
#include "strmap.h"
#include "oom.h"
#include "regular.h"

typedef struct {
    const char *path;
    bool known; /* stamp and hash belong together */
    file_stamp stamp;
    uint64_t hash;
    bool seen;       /* digested in this run */
    file_digest now; /* this run's digest, once seen */
    bool listed;     /* in a folder's listing (filecache_listed) */
} cache_entry;

struct filecache {
    arena mem;
    strmap entries;
    /* The folders read whole in this run: a file of theirs whose entry is
     * not listed is absent without a stat. */
    strmap folders;
    char last_folder[PATH_MAX]; /* the last folder looked up, whether listed: */
    bool last_listed;           /* consecutive inputs mostly share one ("": none) */
    pthread_mutex_t lock;
    int64_t run_start_ns;
    bool changed;
    size_t restamped;
};

enum { NS = 1000000000 };

int64_t filecache_now_ns(void)
{
    /* The coarse clock is the one the kernel stamps files with. */
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME_COARSE, &ts);
    return (int64_t)ts.tv_sec * NS + ts.tv_nsec;
}

filecache *filecache_new(int64_t run_start_ns)
{
    filecache *fc = calloc(1, sizeof *fc);
    if (!fc)
        out_of_memory();
    arena_init(&fc->mem);
    strmap_init(&fc->entries, &fc->mem);
    strmap_init(&fc->folders, &fc->mem);
    pthread_mutex_init(&fc->lock, NULL);
    fc->run_start_ns = run_start_ns;
    return fc;
}

void filecache_free(filecache *fc)
{
    if (!fc)
        return;
    pthread_mutex_destroy(&fc->lock);
    arena_free(&fc->mem);
    free(fc);
}

/* The entry of `path`, made when there is none; call with the lock held. */
static cache_entry *entry_of(filecache *fc, const char *path)
{
    cache_entry *e = strmap_get(&fc->entries, path);
    if (!e) {
        e = ARENA_NEW(&fc->mem, cache_entry);
        e->path = arena_strdup(&fc->mem, path);
        strmap_put(&fc->entries, e->path, e);
    }
    return e;
}

static const char *name_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static bool has_upper(const char *s)
{
    for (; *s; s++)
        if (*s >= 'A' && *s <= 'Z')
            return true;
    return false;
}

/* A file system that ignores case would find "Plan.mustache" when asked
 * for plan.mustache: a name listed with capitals lists its lower-case
 * form too, and a name asked for with capitals is always looked for. */
void filecache_listed(filecache *fc, const char *path)
{
    pthread_mutex_lock(&fc->lock);
    entry_of(fc, path)->listed = true;
    const char *name = name_of(path);
    if (has_upper(name)) {
        char *lower = arena_strdup(&fc->mem, path);
        for (char *c = lower + (name - path); *c; c++)
            if (*c >= 'A' && *c <= 'Z')
                *c = (char)(*c - 'A' + 'a');
        entry_of(fc, lower)->listed = true;
    }
    pthread_mutex_unlock(&fc->lock);
}

void filecache_folder_listed(filecache *fc, const char *folder)
{
    pthread_mutex_lock(&fc->lock);
    char *key = arena_strdup(&fc->mem, folder);
    strmap_put(&fc->folders, key, key);
    fc->last_folder[0] = '\0'; /* looked up again */
    fc->last_listed = false;
    pthread_mutex_unlock(&fc->lock);
}

/* True when `e` is a file of a folder read whole that did not list it;
 * call with the lock held. Paths of "." are bare names, as discover makes
 * them. */
static bool listed_absent(filecache *fc, const cache_entry *e)
{
    if (e->listed || fc->folders.count == 0)
        return false;
    const char *name = name_of(e->path);
    const char *folder = name > e->path ? e->path : ".";
    size_t n = name > e->path ? (size_t)(name - 1 - e->path) : 1;
    if (n >= sizeof fc->last_folder || has_upper(name))
        return false;
    if (strncmp(folder, fc->last_folder, n) != 0 || fc->last_folder[n] != '\0') {
        memcpy(fc->last_folder, folder, n);
        fc->last_folder[n] = '\0';
        fc->last_listed = strmap_get(&fc->folders, fc->last_folder) != NULL;
    }
    return fc->last_listed;
}

void filecache_remember(filecache *fc, const char *path, const file_stamp *stamp, uint64_t hash)
{
    pthread_mutex_lock(&fc->lock);
    cache_entry *e = entry_of(fc, path);
    e->known = true;
    e->stamp = *stamp;
    e->hash = hash;
    pthread_mutex_unlock(&fc->lock);
}

static void stamp_of(const struct stat *st, file_stamp *stamp)
{
    *stamp = (file_stamp){
        .ino = (int64_t)st->st_ino,
        .size = (int64_t)st->st_size,
        .mtime_ns = (int64_t)st->st_mtim.tv_sec * NS + st->st_mtim.tv_nsec,
        .ctime_ns = (int64_t)st->st_ctim.tv_sec * NS + st->st_ctim.tv_nsec,
    };
}

bool filecache_stamp(const char *path, file_stamp *stamp)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return false;
    stamp_of(&st, stamp);
    return true;
}

static bool stamp_equal(const file_stamp *a, const file_stamp *b)
{
    return a->ino == b->ino && a->size == b->size && a->mtime_ns == b->mtime_ns &&
           a->ctime_ns == b->ctime_ns;
}

/* Changed at or after the start of the run: another change within the same
 * clock tick would leave the same stat data. A file system that keeps whole
 * seconds only leaves the whole second in doubt. */
static bool stamp_is_racy(const file_stamp *s, int64_t run_start_ns)
{
    int64_t changed = s->ctime_ns;
    if (changed % NS == 0)
        changed += NS - 1;
    return changed >= run_start_ns;
}

/* Reads the file unless the stamp is the one its hash was remembered with. */
static file_digest compute(const char *path, const cache_entry *known, file_stamp *stamp,
                           bool *hashed)
{
    struct stat st;
    *hashed = false;
    if (stat(path, &st) != 0)
        return (file_digest){errno == ENOENT || errno == ENOTDIR ? FILE_ABSENT : FILE_UNREADABLE,
                             0};
    if (!S_ISREG(st.st_mode))
        return (file_digest){FILE_UNREADABLE, 0};
    stamp_of(&st, stamp);
    if (known->known && stamp_equal(&known->stamp, stamp))
        return (file_digest){FILE_PRESENT, known->hash};
    uint64_t hash;
    if (!hash_file(path, &hash, NULL))
        return (file_digest){FILE_UNREADABLE, 0};
    *hashed = true;
    return (file_digest){FILE_PRESENT, hash};
}

file_digest filecache_digest(filecache *fc, const char *path)
{
    pthread_mutex_lock(&fc->lock);
    cache_entry *e = entry_of(fc, path);
    cache_entry before = *e;
    bool absent = !before.seen && listed_absent(fc, e);
    pthread_mutex_unlock(&fc->lock);
    if (before.seen)
        return before.now;

    /* Outside the lock: other threads go on while this one reads. */
    file_stamp stamp;
    bool hashed = false;
    file_digest d = absent ? (file_digest){FILE_ABSENT, 0} : compute(path, &before, &stamp, &hashed);

    pthread_mutex_lock(&fc->lock);
    if (!e->seen) {
        e->seen = true;
        e->now = d;
        if (hashed) {
            if (e->known && e->hash == d.hash)
                fc->restamped++;
            else
                fc->changed = true;
            e->known = true;
            e->stamp = stamp;
            e->hash = d.hash;
        } else if (d.state != FILE_PRESENT && e->known) {
            e->known = false;
            fc->changed = true;
        }
    }
    d = e->now;
    pthread_mutex_unlock(&fc->lock);
    return d;
}

const char *filecache_path(filecache *fc, const char *path)
{
    pthread_mutex_lock(&fc->lock);
    const char *name = entry_of(fc, path)->path;
    pthread_mutex_unlock(&fc->lock);
    return name;
}

bool file_digest_equal(file_digest a, file_digest b)
{
    if (a.state == FILE_UNREADABLE || b.state == FILE_UNREADABLE)
        return false;
    return a.state == b.state && (a.state == FILE_ABSENT || a.hash == b.hash);
}

void filecache_each(filecache *fc, filecache_visit *fn, void *ctx)
{
    pthread_mutex_lock(&fc->lock);
    for (size_t i = 0; i < fc->entries.cap; i++) {
        const cache_entry *e = fc->entries.values[i];
        if (fc->entries.keys[i] && e->known && !stamp_is_racy(&e->stamp, fc->run_start_ns))
            fn(ctx, e->path, &e->stamp, e->hash, e->seen);
    }
    pthread_mutex_unlock(&fc->lock);
}

bool filecache_changed(const filecache *fc)
{
    return fc->changed;
}

size_t filecache_restamped(const filecache *fc)
{
    return fc->restamped;
}
