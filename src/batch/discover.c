#include "discover.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum { MAX_DEPTH = 16 };

static const char *join(arena *mem, const char *folder, const char *name)
{
    return *folder ? arena_join(mem, folder, "/", name) : arena_strdup(mem, name);
}

/* Adds the documents made from the file `path` (kept as it is: it lives in
 * `mem`), named `name`. */
static void add_sources(arena *mem, const char *path, const char *name, const char *out_folder,
                        document_list *out)
{
    for (size_t k = 0; k < document_kind_count; k++) {
        const document_kind *kind = &document_kinds[k];
        if (!kind_matches(kind, name))
            continue;
        *ARENA_PUSH(mem, out->items, out->count, out->cap) =
            (found_document){kind, path, join(mem, out_folder, kind_output_name(mem, kind, name))};
    }
}

static bool is_folder(const char *path, const struct dirent *e)
{
    if (e->d_type == DT_DIR)
        return true;
    if (e->d_type != DT_LNK && e->d_type != DT_UNKNOWN)
        return false;
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The folders a search has been through, by device and inode: each is
 * searched once, however many links lead to it (a link to a parent would
 * otherwise be followed round and round). */
typedef struct {
    arena *mem;
    struct folder_id {
        dev_t dev;
        ino_t ino;
        const char *path;
    } *seen;
    size_t count, cap;
    diag_list *dl;
    filecache *listings; /* may be NULL */
} search;

/* True the first time `dir` is met; else, when a link led to it, a warning
 * names the link skipped. */
static bool first_visit(search *s, const char *dir, bool by_link)
{
    struct stat st;
    if (stat(dir, &st) != 0)
        return false;
    for (size_t i = 0; i < s->count; i++)
        if (s->seen[i].dev == st.st_dev && s->seen[i].ino == st.st_ino) {
            if (by_link)
                diag_add(s->dl, DIAG_WARNING, dir, 0, 0, NULL,
                     "skipped: a link to the folder %s, which is searched already",
                     s->seen[i].path);
            return false;
        }
    *ARENA_PUSH(s->mem, s->seen, s->count, s->cap) = (struct folder_id){st.st_dev, st.st_ino, dir};
    return true;
}

static bool dot_or_dotdot(const char *name)
{
    return name[0] == '.' && (!name[1] || (name[1] == '.' && !name[2]));
}

static void walk(search *s, const char *dir, bool by_link, const char *out_folder, int depth,
                 document_list *out)
{
    arena *mem = s->mem;
    DIR *d = depth <= MAX_DEPTH && first_visit(s, dir, by_link) ? opendir(dir) : NULL;
    if (!d)
        return;
    struct dirent *e;
    for (errno = 0; (e = readdir(d)); errno = 0) {
        if (dot_or_dotdot(e->d_name))
            continue;
        const char *path = strcmp(dir, ".") == 0 ? arena_strdup(mem, e->d_name)
                                                 : arena_join(mem, dir, "/", e->d_name);
        if (s->listings)
            filecache_listed(s->listings, path);
        if (e->d_name[0] == '.')
            continue;
        if (is_folder(path, e))
            walk(s, path, e->d_type != DT_DIR, join(mem, out_folder, e->d_name), depth + 1, out);
        else
            add_sources(mem, path, e->d_name, out_folder, out);
    }
    if (errno == 0 && s->listings)
        filecache_folder_listed(s->listings, dir);
    closedir(d);
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

static char *parent_of(arena *mem, const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? arena_strndup(mem, path, (size_t)(slash - path)) : arena_strdup(mem, ".");
}

static bool holds_association(arena *mem, const char *dir)
{
    struct stat st;
    return stat(arena_join(mem, dir, "/", "association.yaml"), &st) == 0;
}

/* The folder below the output folder where the PDFs of `folder` (a real
 * path) go. */
static const char *output_folder(arena *mem, const char *plans_real, const char *folder)
{
    size_t n = plans_real ? strlen(plans_real) : 0;
    if (n && strncmp(folder, plans_real, n) == 0 && (folder[n] == '\0' || folder[n] == '/'))
        return folder[n] ? arena_strdup(mem, folder + n + 1) : "";
    return holds_association(mem, folder) ? arena_strdup(mem, base_name(folder)) : "";
}

static int compare_outputs(const void *a, const void *b)
{
    const found_document *x = a, *y = b;
    int c = strcmp(x->output, y->output);
    return c ? c : strcmp(x->source, y->source);
}

/* Sorts by output and keeps each output once. */
static void sort_unique(document_list *out, diag_list *dl)
{
    if (out->count == 0)
        return;
    qsort(out->items, out->count, sizeof *out->items, compare_outputs);
    size_t kept = 1;
    for (size_t i = 1; i < out->count; i++) {
        const found_document *prev = &out->items[kept - 1], *d = &out->items[i];
        if (strcmp(prev->output, d->output) != 0) {
            out->items[kept++] = *d;
        } else if (strcmp(prev->source, d->source) != 0) {
            diag_add(dl, DIAG_ERROR, d->source, 0, 0, NULL,
                     "would make %s, which %s makes already: left out", d->output, prev->source);
        }
    }
    out->count = kept;
}

char *clean_path(arena *mem, const char *path)
{
    char *out = arena_strdup(mem, path), *o = out;
    const char *p = path;
    bool absolute = *p == '/';
    if (absolute)
        *o++ = *p++;
    while (*p) {
        while (*p == '/')
            p++;
        size_t n = strcspn(p, "/");
        if (n == 1 && *p == '.') {
            p++;
            continue;
        }
        if (n && o > out + absolute)
            *o++ = '/';
        memcpy(o, p, n);
        o += n;
        p += n;
    }
    if (o == out)
        *o++ = '.';
    *o = '\0';
    return out;
}

bool discover(arena *mem, const char *plans_dir, char *const *paths, size_t npaths,
              filecache *listings, document_list *out, diag_list *dl)
{
    char buf[PATH_MAX];
    const char *plans_real = realpath(plans_dir, buf) ? arena_strdup(mem, buf) : NULL;
    bool ok = true;
    search s = {.mem = mem, .dl = dl, .listings = listings};
    for (size_t i = 0; i < npaths; i++) {
        struct stat st;
        const char *path = clean_path(mem, paths[i]);
        if (stat(path, &st) != 0 || !realpath(path, buf)) {
            diag_add(dl, DIAG_ERROR, path, 0, 0, NULL, "no such file or folder");
            ok = false;
        } else if (S_ISDIR(st.st_mode)) {
            walk(&s, path, false, output_folder(mem, plans_real, buf), 0, out);
        } else {
            size_t before = out->count;
            const char *folder = output_folder(mem, plans_real, parent_of(mem, buf));
            add_sources(mem, path, base_name(path), folder, out);
            if (out->count == before) {
                diag_add(dl, DIAG_ERROR, path, 0, 0, NULL,
                         "makes no document: document sources are named %s", kind_patterns(mem));
                ok = false;
            }
        }
    }
    sort_unique(out, dl);
    return ok;
}
