/* filecache: what the input files of documents contain, as a content hash,
 * with the stat data that lets a later run trust that hash without reading
 * the file again (stat before hashing). One per run, shared by the threads
 * that build documents (it locks itself). Owns its entries (filecache_free). */
#ifndef PP_FILECACHE_H
#define PP_FILECACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum {
    FILE_ABSENT,     /* no such file: a template that would override another, say */
    FILE_PRESENT,    /* read, with its hash */
    FILE_UNREADABLE, /* there but not readable: never equal to anything */
} file_state;

typedef struct {
    file_state state;
    uint64_t hash; /* of the content, when present */
} file_digest;

/* The stat data that changes whenever a file is written or replaced. */
typedef struct {
    int64_t ino, size, mtime_ns, ctime_ns;
} file_stamp;

typedef struct filecache filecache;

/* `run_start_ns` is the time the run started, on the clock file times use
 * (filecache_now_ns): a file changed since then may change again unnoticed
 * within the same tick, so its stat data is not kept for the next run. */
filecache *filecache_new(int64_t run_start_ns);
void filecache_free(filecache *fc);
int64_t filecache_now_ns(void);

/* What a former run knew of `path` (read from the manifest). */
void filecache_remember(filecache *fc, const char *path, const file_stamp *stamp, uint64_t hash);
/* The digest of `path` in this run: computed once per run and per path, by
 * stat alone when the file's stat data is the one remembered with its hash. */
file_digest filecache_digest(filecache *fc, const char *path);
/* The cache's own copy of `path`, which lives as long as the cache: what
 * a run keeps of many documents can share it rather than copy it again. */
const char *filecache_path(filecache *fc, const char *path);
bool file_digest_equal(file_digest a, file_digest b);
bool filecache_stamp(const char *path, file_stamp *stamp);

/* Tells the cache that `path` is in a folder read in this run, and then
 * that the folder was read whole: a file of a folder read whole that is not
 * listed is absent, and its digest needs no stat. For the folders searched
 * for documents, whose files are most of the inputs looked for and not
 * found (an association's templates that would override the default ones). */
void filecache_listed(filecache *fc, const char *path);
void filecache_folder_listed(filecache *fc, const char *folder);

/* Calls `fn` for each file whose stat data and hash are worth keeping for
 * the next run: known, and unchanged since the run started. */
typedef void filecache_visit(void *ctx, const char *path, const file_stamp *stamp, uint64_t hash,
                             bool seen_this_run);
void filecache_each(filecache *fc, filecache_visit *fn, void *ctx);
/* True when this run learnt a content or a file the manifest does not hold:
 * a file first seen, changed or gone. */
bool filecache_changed(const filecache *fc);
/* How many files had the content the manifest remembers under new stat data
 * (touched, or written again the same): only their stat data is news. */
size_t filecache_restamped(const filecache *fc);

#endif
