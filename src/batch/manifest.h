/* manifest: what former runs built into an output folder, kept in
 * OUT/.planpress/manifest so that a document is made again only when one of
 * its inputs changed. It holds the settings every document depends on (the
 * version and build ID of the program, the templates folder...), the files every
 * document is made from (style, fonts), and for each PDF its kind, source,
 * inputs with their digests and the stat data of the PDF as written; plus the
 * stat data and hash of every input file, so that a check stats before it
 * hashes (filecache.h). Text, one record a line, written to a temporary
 * file renamed into place. Lives in the arena given to manifest_init; the
 * paths of the inputs it reads are the file cache's (filecache_path), shared
 * by every document. */
#ifndef PP_MANIFEST_H
#define PP_MANIFEST_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "filecache.h"
#include "strmap.h"

typedef struct {
    const char *path;
    file_digest digest;
} input_record;

typedef struct {
    input_record *items;
    size_t count, cap;
} input_list;

typedef struct {
    const char *output; /* below the output folder: "samsund/plan-2024.pdf" */
    const char *kind, *source;
    int64_t pdf_size, pdf_mtime_ns; /* the PDF as written, to notice it replaced */
    size_t warnings;
    input_list inputs;
} doc_record;

/* A setting every PDF depends on besides files, such as the templates folder. */
typedef struct {
    const char *name; /* a word: "templates" */
    const char *value;
} setting;

typedef struct {
    setting *items;
    size_t count, cap;
} setting_list;

typedef struct {
    arena *mem;
    setting_list settings;
    input_list shared;
    strmap docs; /* output -> doc_record, or NULL once dropped */
} manifest;

void manifest_init(manifest *m, arena *mem);
/* Reads `path` (a missing file is an empty manifest) and tells `fc` the
 * stat data and hashes it holds. A damaged file gives a warning in `dl` and
 * an empty manifest. */
void manifest_load(manifest *m, const char *path, filecache *fc, diag_list *dl);
/* Writes the manifest with the stat data of the files its records name or
 * that this run looked at. False with an error in `dl` when it cannot. */
bool manifest_save(const manifest *m, const char *path, filecache *fc, diag_list *dl);

doc_record *manifest_find(const manifest *m, const char *output);
/* Adds or replaces the record of `rec->output`; the record is not copied. */
void manifest_put(manifest *m, doc_record *rec);
void manifest_drop(manifest *m, const char *output);
void manifest_drop_all(manifest *m);

/* The name of the first setting that differs between `a` and `b`, or NULL. */
const char *setting_list_changed(const setting_list *a, const setting_list *b);

/* Adds `path` with `digest` to `list` unless it is there already. */
void input_list_add(arena *mem, input_list *list, const char *path, file_digest digest);
/* The first input of `list` whose digest differs from the one in `fc` now,
 * or NULL when none does. */
const char *input_list_changed(const input_list *list, filecache *fc);

#endif
