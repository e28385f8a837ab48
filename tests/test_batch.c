/* The batch's parts: the kinds table, discovery and the names of PDFs, the
 * file cache (stat before hashing, and no trust in stat data of files that
 * changed during the run), the manifest, the workers' jobs, the lock and
 * the sweep of temporary files. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "atomicfile.h"
#include "discover.h"
#include "filecache.h"
#include "hash.h"
#include "jobs.h"
#include "kinds.h"
#include "manifest.h"
#include "outdir.h"
#include "strmap.h"

#include "test_support.h"
#include "regular.h"

/* ---- strmap and kinds ----------------------------------------------------------- */

static void strmap_finds_every_key(void **state)
{
    test_fixture *f = *state;
    strmap m;
    strmap_init(&m, &f->mem);
    for (int i = 0; i < 1000; i++) {
        char *key = arena_printf(&f->mem, "key %d", i);
        strmap_put(&m, key, key);
    }
    strmap_put(&m, "key 7", "seven");
    assert_int_equal(m.count, 1000);
    assert_string_equal(strmap_get(&m, "key 999"), "key 999");
    assert_string_equal(strmap_get(&m, "key 7"), "seven");
    assert_null(strmap_get(&m, "key 1000"));
}

/* Paths of one tree, long and alike but for their ends, each found after
 * the map has grown many times, by a copy of its text. */
static void strmap_finds_paths_after_growing(void **state)
{
    test_fixture *f = *state;
    strmap m;
    strmap_init(&m, &f->mem);
    const char *root = "/srv/samordning/planer/2024/forbund";
    for (int i = 0; i < 5000; i++)
        strmap_put(&m, arena_printf(&f->mem, "%s-%04d/plan-2024.yaml", root, i),
                   arena_printf(&f->mem, "%d", i));
    assert_int_equal(m.count, 5000);
    for (int i = 0; i < 5000; i++) {
        char key[96];
        snprintf(key, sizeof key, "%s-%04d/plan-2024.yaml", root, i);
        const char *found = strmap_get(&m, key);
        assert_non_null(found);
        assert_int_equal(atoi(found), i);
    }
    assert_null(strmap_get(&m, "/srv/samordning/planer/2024/forbund-5000/plan-2024.yaml"));
    assert_null(strmap_get(&m, "/srv/samordning/planer/2024/forbund-0001/plan-2024.yam"));
}

static void kinds_tell_sources_by_name(void **state)
{
    test_fixture *f = *state;
    const document_kind *plan = kind_named("plan");
    assert_non_null(plan);
    assert_null(kind_named("nothing"));
    assert_true(kind_matches(plan, "plan-2024.yaml"));
    assert_false(kind_matches(plan, "plan-.yaml"));
    assert_false(kind_matches(plan, "plan-2024.yml"));
    assert_false(kind_matches(plan, "association.yaml"));
    assert_false(kind_matches(plan, "myplan-2024.yaml"));
    assert_string_equal(kind_output_name(&f->mem, plan, "plan-2024.yaml"), "plan-2024.pdf");
    assert_string_equal(kind_output_name(&f->mem, plan, "budget.yaml"), "budget.pdf");
    document_kind group = {"group", "group.yaml", "comparison", "", "comparison", NULL};
    assert_true(kind_matches(&group, "group.yaml"));
    assert_false(kind_matches(&group, "group-2.yaml"));
    assert_string_equal(kind_output_name(&f->mem, &group, "group.yaml"), "comparison.pdf");
    document_kind summary = {"summary", "minutes-*.yaml", "minutes-", "-summary", "s", NULL};
    assert_string_equal(kind_output_name(&f->mem, &summary, "minutes-2024-02-23.yaml"),
                        "minutes-2024-02-23-summary.pdf");
    assert_non_null(strstr(kind_patterns(&f->mem), "plan-*.yaml"));
}

/* ---- discovery -------------------------------------------------------------------- */

static void make_tree(test_fixture *f)
{
    write_file(f, "plans/a/association.yaml", "");
    write_file(f, "plans/a/plan-2024.yaml", "");
    write_file(f, "plans/a/plan-2025.yaml", "");
    write_file(f, "plans/a/notes.txt", "");
    write_file(f, "plans/b/association.yaml", "");
    write_file(f, "plans/b/plan-2024.yaml", "");
    write_file(f, "plans/.old/plan-2024.yaml", "");
    write_file(f, "plans/county/c/association.yaml", "");
    write_file(f, "plans/county/c/plan-2024.yaml", "");
}

static const char *outputs(test_fixture *f, const char *plans_dir, const char *p1, const char *p2)
{
    char *paths[] = {(char *)p1, (char *)p2};
    document_list found = {0};
    assert_true(discover(&f->mem, plans_dir, paths, p2 ? 2 : 1, NULL, &found, &f->dl));
    char *s = "";
    for (size_t i = 0; i < found.count; i++)
        s = arena_printf(&f->mem, "%s%s%s", s, i ? " " : "", found.items[i].output);
    return s;
}

static void discovery_names_pdfs_from_the_plans_folder(void **state)
{
    test_fixture *f = *state;
    make_tree(f);
    const char *plans = in_folder(f, "plans");
    const char *all = "a/plan-2024.pdf a/plan-2025.pdf b/plan-2024.pdf county/c/plan-2024.pdf";
    assert_string_equal(outputs(f, plans, plans, NULL), all);
    assert_string_equal(outputs(f, plans, in_folder(f, "plans/b"), plans), all);
    assert_string_equal(outputs(f, plans, in_folder(f, "plans/county"), NULL),
                        "county/c/plan-2024.pdf");
    assert_string_equal(outputs(f, plans, in_folder(f, "plans/county/c/plan-2024.yaml"), NULL),
                        "county/c/plan-2024.pdf");
    /* Outside the plans folder: a folder of its own, an association by its name. */
    const char *elsewhere = in_folder(f, "nowhere");
    assert_string_equal(outputs(f, elsewhere, plans, NULL), all);
    assert_string_equal(outputs(f, elsewhere, in_folder(f, "plans/county"), NULL),
                        "c/plan-2024.pdf");
    assert_string_equal(outputs(f, elsewhere, in_folder(f, "plans/b"), NULL), "b/plan-2024.pdf");
    assert_string_equal(outputs(f, elsewhere, in_folder(f, "plans/a/plan-2025.yaml"), NULL),
                        "a/plan-2025.pdf");
    assert_int_equal(f->dl.count, 0);
}

static void paths_are_cleaned(void **state)
{
    test_fixture *f = *state;
    assert_string_equal(clean_path(&f->mem, "./plans//a/"), "plans/a");
    assert_string_equal(clean_path(&f->mem, "plans/./a/plan-2024.yaml"), "plans/a/plan-2024.yaml");
    assert_string_equal(clean_path(&f->mem, "//srv/./x"), "/srv/x");
    assert_string_equal(clean_path(&f->mem, "/"), "/");
    assert_string_equal(clean_path(&f->mem, "./"), ".");
    assert_string_equal(clean_path(&f->mem, "../up/"), "../up");
}

static void discovery_refuses_bad_paths(void **state)
{
    test_fixture *f = *state;
    make_tree(f);
    document_list found = {0};
    char *missing[] = {(char *)in_folder(f, "plans/z")};
    assert_false(discover(&f->mem, "plans", missing, 1, NULL, &found, &f->dl));
    assert_true(has_diag(f, DIAG_ERROR, "no such file or folder"));
    char *notes[] = {(char *)in_folder(f, "plans/a/notes.txt")};
    assert_false(discover(&f->mem, "plans", notes, 1, NULL, &found, &f->dl));
    assert_true(has_diag(f, DIAG_ERROR, "makes no document"));
    assert_int_equal(found.count, 0);
}

static void discovery_reports_two_sources_for_one_pdf(void **state)
{
    test_fixture *f = *state;
    make_tree(f);
    write_file(f, "other/a/association.yaml", "");
    write_file(f, "other/a/plan-2024.yaml", "");
    char *paths[] = {(char *)in_folder(f, "plans"), (char *)in_folder(f, "other")};
    document_list found = {0};
    assert_true(discover(&f->mem, in_folder(f, "plans"), paths, 2, NULL, &found, &f->dl));
    assert_int_equal(found.count, 4);
    assert_true(has_diag(f, DIAG_ERROR, "would make a/plan-2024.pdf"));
}

/* ---- the file cache --------------------------------------------------------------- */

static const int64_t FUTURE = INT64_MAX / 2;

static void digests_tell_content_and_absence(void **state)
{
    test_fixture *f = *state;
    const char *path = write_file(f, "x.yaml", "hello");
    mkdir(in_folder(f, "folder"), 0777);
    filecache *fc = filecache_new(FUTURE);
    file_digest d = filecache_digest(fc, path);
    assert_int_equal(d.state, FILE_PRESENT);
    assert_true(d.hash == hash_content("hello", 5));
    assert_int_equal(filecache_digest(fc, in_folder(f, "none.yaml")).state, FILE_ABSENT);
    assert_int_equal(filecache_digest(fc, in_folder(f, "x.yaml/below")).state, FILE_ABSENT);
    file_digest dir = filecache_digest(fc, in_folder(f, "folder"));
    assert_int_equal(dir.state, FILE_UNREADABLE);
    assert_false(file_digest_equal(dir, dir));
    assert_true(file_digest_equal(d, d));
    assert_true(filecache_changed(fc));
    filecache_free(fc);
}

/* A file of a folder discover read whole is there only when the folder
 * listed it in some case: one made afterwards is not looked for (no stat),
 * unless a name differing only in case was listed; one in a folder not
 * searched is looked for. */
static void a_folder_read_whole_spares_stats(void **state)
{
    test_fixture *f = *state;
    const char *plan = write_file(f, "plans/a/plan-2024.yaml", "plan: {}");
    const char *upper = write_file(f, "plans/a/Plan.mustache", "x");
    const char *plans = in_folder(f, "plans");
    char *paths[] = {(char *)plans};
    document_list found = {0};
    filecache *fc = filecache_new(FUTURE);
    assert_true(discover(&f->mem, plans, paths, 1, fc, &found, &f->dl));
    const char *later = write_file(f, "plans/a/budget.mustache", "made after the listing");
    const char *lower = write_file(f, "plans/a/plan.mustache", "made after the listing");
    const char *elsewhere = write_file(f, "templates/plan.mustache", "x");
    assert_int_equal(filecache_digest(fc, plan).state, FILE_PRESENT);
    assert_int_equal(filecache_digest(fc, upper).state, FILE_PRESENT);
    assert_int_equal(filecache_digest(fc, later).state, FILE_ABSENT);
    assert_int_equal(filecache_digest(fc, lower).state, FILE_PRESENT);
    assert_int_equal(filecache_digest(fc, in_folder(f, "plans/a/none.yaml")).state, FILE_ABSENT);
    assert_int_equal(filecache_digest(fc, elsewhere).state, FILE_PRESENT);
    filecache_free(fc);
}

static void a_known_stamp_spares_reading(void **state)
{
    test_fixture *f = *state;
    const char *path = write_file(f, "x.yaml", "hello");
    file_stamp st;
    assert_true(filecache_stamp(path, &st));
    filecache *fc = filecache_new(FUTURE);
    filecache_remember(fc, path, &st, 42);
    assert_true(filecache_digest(fc, path).hash == 42); /* not read: the stamp is the same */
    assert_false(filecache_changed(fc));
    filecache_free(fc);

    write_file(f, "x.yaml", "hello, world");
    fc = filecache_new(FUTURE);
    filecache_remember(fc, path, &st, 42);
    assert_true(filecache_digest(fc, path).hash == hash_content("hello, world", 12));
    assert_true(filecache_changed(fc));
    assert_int_equal(filecache_restamped(fc), 0);
    filecache_free(fc);
}

static void a_file_touched_but_not_changed_is_only_restamped(void **state)
{
    test_fixture *f = *state;
    const char *path = write_file(f, "x.yaml", "hello");
    file_stamp st;
    assert_true(filecache_stamp(path, &st));
    st.mtime_ns -= 1000000000; /* as remembered from before a touch */
    filecache *fc = filecache_new(FUTURE);
    filecache_remember(fc, path, &st, hash_content("hello", 5));
    assert_true(filecache_digest(fc, path).hash == hash_content("hello", 5)); /* read again */
    assert_false(filecache_changed(fc));
    assert_int_equal(filecache_restamped(fc), 1);
    filecache_free(fc);
}

static void the_file_cache_names_each_path_once(void **state)
{
    (void)state;
    char a[] = "plans/a/plan.mustache", b[] = "plans/a/plan.mustache";
    filecache *fc = filecache_new(FUTURE);
    const char *name = filecache_path(fc, a);
    assert_string_equal(name, a);
    assert_ptr_not_equal(name, a);
    filecache_digest(fc, b);
    assert_ptr_equal(filecache_path(fc, b), name);
    filecache_free(fc);
}

static void count_visit(void *ctx, const char *path, const file_stamp *st, uint64_t hash, bool seen)
{
    (void)path, (void)st, (void)hash;
    *(int *)ctx += seen;
}

static void stamps_of_files_changed_during_the_run_are_not_kept(void **state)
{
    test_fixture *f = *state;
    const char *path = write_file(f, "x.yaml", "hello");
    int kept = 0;
    filecache *fc = filecache_new(FUTURE);
    filecache_digest(fc, path);
    filecache_each(fc, count_visit, &kept);
    assert_int_equal(kept, 1);
    filecache_free(fc);

    /* The run started before the file was written. */
    kept = 0;
    fc = filecache_new(filecache_now_ns() - 1000000000);
    filecache_digest(fc, path);
    filecache_each(fc, count_visit, &kept);
    assert_int_equal(kept, 0);
    filecache_free(fc);
}

/* ---- the manifest ------------------------------------------------------------------- */

static doc_record *record(arena *mem, const char *output, const char *source, const char *input,
                          file_digest d)
{
    doc_record *r = ARENA_NEW(mem, doc_record);
    *r = (doc_record){output, "plan", source, 1234, 5678, 2, {0}};
    input_list_add(mem, &r->inputs, source, (file_digest){FILE_PRESENT, 7});
    input_list_add(mem, &r->inputs, input, d);
    input_list_add(mem, &r->inputs, input, d); /* once only */
    return r;
}

static void the_manifest_reads_back_what_was_written(void **state)
{
    test_fixture *f = *state;
    const char *data = write_file(f, "plans/a b/plan-2024.yaml", "year: 2024");
    const char *path = in_folder(f, "manifest");
    filecache *fc = filecache_new(FUTURE);
    manifest m;
    manifest_init(&m, &f->mem);
    *ARENA_PUSH(&f->mem, m.settings.items, m.settings.count, m.settings.cap) =
        (setting){"templates", "100% mine"};
    *ARENA_PUSH(&f->mem, m.settings.items, m.settings.count, m.settings.cap) =
        (setting){"empty", ""};
    input_list_add(&f->mem, &m.shared, "templates/style.yaml", filecache_digest(fc, data));
    manifest_put(&m, record(&f->mem, "a b/plan-2024.pdf", data, "odd%name\nwith a line",
                            (file_digest){FILE_ABSENT, 0}));
    manifest_put(&m, record(&f->mem, "c/plan-2024.pdf", "plans/c/plan-2024.yaml",
                            "templates/plan.mustache", (file_digest){FILE_PRESENT, 99}));
    manifest_put(&m, record(&f->mem, "gone.pdf", "gone.yaml", "x", (file_digest){FILE_ABSENT, 0}));
    manifest_drop(&m, "gone.pdf");
    assert_true(manifest_save(&m, path, fc, &f->dl));
    filecache_free(fc);

    fc = filecache_new(FUTURE);
    manifest back;
    manifest_init(&back, &f->mem);
    manifest_load(&back, path, fc, &f->dl);
    assert_int_equal(f->dl.count, 0);
    assert_null(setting_list_changed(&m.settings, &back.settings));
    assert_string_equal(back.settings.items[0].value, "100% mine");
    back.settings.items[1].value = "full";
    assert_string_equal(setting_list_changed(&m.settings, &back.settings), "empty");
    back.settings.count = 1;
    assert_string_equal(setting_list_changed(&m.settings, &back.settings), "empty");
    assert_int_equal(back.shared.count, 1);
    assert_string_equal(back.shared.items[0].path, "templates/style.yaml");
    assert_null(manifest_find(&back, "gone.pdf"));
    const doc_record *r = manifest_find(&back, "a b/plan-2024.pdf");
    assert_non_null(r);
    assert_string_equal(r->kind, "plan");
    assert_string_equal(r->source, data);
    assert_true(r->pdf_size == 1234 && r->pdf_mtime_ns == 5678 && r->warnings == 2);
    assert_int_equal(r->inputs.count, 2);
    assert_string_equal(r->inputs.items[1].path, "odd%name\nwith a line");
    assert_int_equal(r->inputs.items[1].digest.state, FILE_ABSENT);
    r = manifest_find(&back, "c/plan-2024.pdf");
    assert_true(r->inputs.items[1].digest.state == FILE_PRESENT &&
                r->inputs.items[1].digest.hash == 99);
    /* The data file's stat data came back too: its hash is not read again. */
    assert_false(filecache_changed(fc));
    assert_true(filecache_digest(fc, data).hash == hash_content("year: 2024", 10));
    assert_false(filecache_changed(fc));
    filecache_free(fc);
}

static void a_damaged_manifest_is_an_empty_one(void **state)
{
    test_fixture *f = *state;
    filecache *fc = filecache_new(FUTURE);
    manifest m;
    manifest_init(&m, &f->mem);
    manifest_load(&m, in_folder(f, "none"), fc, &f->dl);
    assert_int_equal(f->dl.count, 0);
    const char *cut = write_file(f, "cut",
                                 "planpress manifest 1\nsetting x\n"
                                 "doc plan 0 1 2 a.pdf\nsource a.yaml\n");
    manifest_load(&m, cut, fc, &f->dl);
    assert_true(has_diag(f, DIAG_WARNING, "damaged"));
    assert_null(manifest_find(&m, "a.pdf"));
    const char *other = write_file(f, "other", "planpress manifest 9\nend\n");
    manifest_load(&m, other, fc, &f->dl);
    assert_int_equal(f->dl.warnings, 2);
    /* as a power cut can leave it: the manifest is not synced to the disk */
    manifest_load(&m, write_file(f, "empty", ""), fc, &f->dl);
    assert_int_equal(f->dl.warnings, 3);
    filecache_free(fc);
}

static void an_input_list_names_what_changed(void **state)
{
    test_fixture *f = *state;
    const char *data = write_file(f, "x.yaml", "one");
    const char *override = in_folder(f, "plan.mustache");
    filecache *fc = filecache_new(FUTURE);
    input_list list = {0};
    input_list_add(&f->mem, &list, data, filecache_digest(fc, data));
    input_list_add(&f->mem, &list, override, filecache_digest(fc, override));
    assert_null(input_list_changed(&list, fc));
    filecache_free(fc);

    write_file(f, "plan.mustache", "{{title}}");
    fc = filecache_new(FUTURE);
    assert_string_equal(input_list_changed(&list, fc), override);
    filecache_free(fc);
    unlink(override);
    write_file(f, "x.yaml", "two");
    fc = filecache_new(FUTURE);
    assert_string_equal(input_list_changed(&list, fc), data);
    filecache_free(fc);
}

/* ---- diagnostics and files that outlive what made them -------------------------------- */

static void moved_diagnostics_keep_their_own_texts(void **state)
{
    test_fixture *f = *state;
    arena doc;
    arena_init(&doc);
    diag_list dl;
    diag_list_init(&dl, &doc);
    char *file = arena_strdup(&doc, "plans/a/plan-2024.yaml");
    char *key = arena_strdup(&doc, "budget.costs[1]");
    diag_add(&dl, DIAG_WARNING, file, 3, 4, key, "odd %d", 7);
    diag_add(&dl, DIAG_ERROR, NULL, 0, 0, NULL, "no file");
    char *message = (char *)dl.items[0].message;
    diag_list_move(&dl, &f->mem);
    /* What the document's arena held may go. */
    memset(file, 'x', strlen(file));
    memset(key, 'x', strlen(key));
    memset(message, 'x', strlen(message));
    arena_free(&doc);
    assert_ptr_equal(dl.mem, &f->mem);
    assert_true(dl.count == 2 && dl.cap == 2 && dl.errors == 1 && dl.warnings == 1);
    assert_string_equal(dl.items[0].file, "plans/a/plan-2024.yaml");
    assert_string_equal(dl.items[0].path, "budget.costs[1]");
    assert_string_equal(dl.items[0].message, "odd 7");
    assert_true(dl.items[0].line == 3 && dl.items[0].col == 4);
    assert_int_equal(dl.items[0].severity, DIAG_WARNING);
    assert_null(dl.items[1].file);
    assert_null(dl.items[1].path);
    assert_string_equal(dl.items[1].message, "no file");
}

static void diagnostics_added_all_are_copies(void **state)
{
    test_fixture *f = *state;
    arena shared;
    arena_init(&shared);
    diag_list said;
    diag_list_init(&said, &shared);
    diag_add(&said, DIAG_WARNING, "plans/a/minutes-2024-02-23.yaml", 6, 10, "minutes.chair",
             "not among the attendees");
    diag_for_reader(&said, "Ordföranden saknas bland de närvarande.");
    diag_add(&said, DIAG_ERROR, NULL, 0, 0, NULL, "no file");
    diag_list doc;
    diag_list_init(&doc, &f->mem);
    diag_add(&doc, DIAG_NOTE, NULL, 0, 0, NULL, "before");
    diag_list_add_all(&doc, &said);
    arena_free(&shared); /* the share goes before the document's list */
    assert_true(doc.count == 3 && doc.errors == 1 && doc.warnings == 1);
    assert_string_equal(doc.items[0].message, "before");
    assert_string_equal(doc.items[1].file, "plans/a/minutes-2024-02-23.yaml");
    assert_string_equal(doc.items[1].path, "minutes.chair");
    assert_string_equal(doc.items[1].message, "not among the attendees");
    assert_string_equal(doc.items[1].reader, "Ordföranden saknas bland de närvarande.");
    assert_true(doc.items[1].line == 6 && doc.items[1].col == 10);
    assert_int_equal(doc.items[2].severity, DIAG_ERROR);
    assert_null(doc.items[2].file);
    assert_null(doc.items[2].reader);
}

/* ---- jobs ---------------------------------------------------------------------- */

static void expect_job(const job_list *jobs, size_t j, size_t count, const size_t *documents)
{
    assert_int_equal(jobs->items[j].count, count);
    for (size_t k = 0; k < count; k++) {
        assert_int_equal(jobs->items[j].documents[k], documents[k]);
        assert_int_equal(jobs->job_of[documents[k]], j);
    }
}

static void the_documents_of_a_source_are_one_job(void **state)
{
    test_fixture *f = *state;
    /* in the order of their PDFs: minutes-2024-02-23-summary.pdf, the
     * committee's two, minutes-2024-02-23.pdf, plan-2024.pdf */
    const char *sources[] = {"a/minutes-2024-02-23.yaml", "a/minutes-2024-02-23-utskott.yaml",
                             "a/minutes-2024-02-23-utskott.yaml", "a/minutes-2024-02-23.yaml",
                             "a/plan-2024.yaml"};
    job_list jobs = jobs_make(&f->mem, sources, 5, 2);
    assert_int_equal(jobs.count, 3);
    expect_job(&jobs, 0, 2, (size_t[]){0, 3});
    expect_job(&jobs, 1, 2, (size_t[]){1, 2});
    expect_job(&jobs, 2, 1, (size_t[]){4});
}

static void fewer_sources_than_workers_are_built_apart(void **state)
{
    test_fixture *f = *state;
    const char *pair[] = {"a/minutes-1.yaml", "a/minutes-1.yaml"};
    job_list jobs = jobs_make(&f->mem, pair, 2, 2);
    assert_int_equal(jobs.count, 2);
    expect_job(&jobs, 0, 1, (size_t[]){0});
    expect_job(&jobs, 1, 1, (size_t[]){1});
    /* with one worker, together */
    jobs = jobs_make(&f->mem, pair, 2, 1);
    assert_int_equal(jobs.count, 1);
    expect_job(&jobs, 0, 2, (size_t[]){0, 1});
}

static void a_file_written_in_pieces_appears_whole(void **state)
{
    test_fixture *f = *state;
    const char *path = write_file(f, "manifest", "old");
    atomic_file af;
    assert_true(atomic_open(&af, path));
    const char *tmp = arena_strdup(&f->mem, af.tmp);
    fputs("new ", af.f);
    fputs("text", af.f);
    assert_int_equal(fflush(af.f), 0);
    char *text = read_text(path);
    assert_string_equal(text, "old");
    test_free(text);
    assert_true(atomic_close(&af));
    text = read_text(path);
    assert_string_equal(text, "new text");
    test_free(text);
    assert_int_equal(access(tmp, F_OK), -1);

    /* It cannot replace a folder, or a FIFO (issue 19, case 7) ... */
    const char *folder = in_folder(f, "folder");
    write_file(f, "folder/x", "");
    assert_false(atomic_open(&af, folder));
    assert_int_equal(errno, EISDIR);
    const char *fifo = in_folder(f, "fifo");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_false(atomic_open(&af, fifo));
    assert_int_equal(errno, NOT_REGULAR);
    /* ... nor one made while it wrote: the folder stays, the temporary file goes. */
    folder = in_folder(f, "later");
    assert_true(atomic_open(&af, folder));
    write_file(f, "later/x", "");
    tmp = arena_strdup(&f->mem, af.tmp);
    fputs("lost", af.f);
    assert_false(atomic_close(&af));
    assert_int_equal(errno, EISDIR);
    assert_int_equal(access(tmp, F_OK), -1);
    assert_int_equal(access(in_folder(f, "later/x"), F_OK), 0);
}

/* ---- the output folder --------------------------------------------------------------- */

static void the_lock_keeps_a_second_run_out(void **state)
{
    test_fixture *f = *state;
    const char *out = in_folder(f, "out/deep");
    outdir_lock first, second;
    assert_true(outdir_lock_take(&f->mem, out, &first, &f->dl));
    assert_false(first.last_run_unfinished);
    assert_false(outdir_lock_take(&f->mem, out, &second, &f->dl));
    char *msg = arena_printf(&f->mem, "another planpress run (process %ld)", (long)getpid());
    assert_true(has_diag(f, DIAG_ERROR, msg));
    outdir_lock_release(&first);
    assert_true(outdir_lock_take(&f->mem, out, &second, &f->dl));
    assert_false(second.last_run_unfinished);
    close(second.fd); /* as when the process is killed */
    assert_true(outdir_lock_take(&f->mem, out, &first, &f->dl));
    assert_true(first.last_run_unfinished);
    outdir_lock_release(&first);
}

static long dead_process(void)
{
    pid_t pid = fork();
    if (pid == 0)
        _exit(0);
    waitpid(pid, NULL, 0);
    return (long)pid;
}

static void the_sweep_removes_what_stopped_runs_left(void **state)
{
    test_fixture *f = *state;
    long dead = dead_process(), other = dead_process();
    long pids[] = {dead};
    outdir_lock lk = {.fd = -1, .last_pids = pids, .nlast = 1};
    /* The names atomicfile.c gives, made by the run's processes */
    const char *gone1 = write_file(f, arena_printf(&f->mem, "out/a/plan.pdf.%ld-0.tmp", dead), "");
    const char *gone2 = write_file(f, arena_printf(&f->mem, "out/b/c/x.pdf.%ld-3.tmp", dead), "");
    const char *gone3 =
        write_file(f, arena_printf(&f->mem, "out/.planpress/manifest.%ld-0.tmp", dead), "");
    /* Another process's, and names planpress does not give */
    const char *keep1 = write_file(f, arena_printf(&f->mem, "out/a/z.pdf.%ld-0.tmp", other), "");
    const char *keep2 = write_file(f, arena_printf(&f->mem, "out/a/notes.%ld-0.tmp", dead), "");
    const char *keep3 = write_file(f, arena_printf(&f->mem, "out/a/plan.pdf.%ld.tmp", dead), "");
    const char *keep4 = write_file(f, "out/a/notes.2023.tmp", "");
    const char *keep5 = write_file(f, "out/a/plan.pdf", "");
    diag_list dl;
    diag_list_init(&dl, &f->mem);
    outdir_sweep(&f->mem, &lk, in_folder(f, "out"), &dl);
    assert_int_equal(dl.count, 3);
    assert_non_null(strstr(dl.items[0].message, "removed"));
    assert_int_equal(access(gone1, F_OK), -1);
    assert_int_equal(access(gone2, F_OK), -1);
    assert_int_equal(access(gone3, F_OK), -1);
    assert_int_equal(access(keep1, F_OK), 0);
    assert_int_equal(access(keep2, F_OK), 0);
    assert_int_equal(access(keep3, F_OK), 0);
    assert_int_equal(access(keep4, F_OK), 0);
    assert_int_equal(access(keep5, F_OK), 0);
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, test_setup_with_folder, test_teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(strmap_finds_every_key),
        TEST(strmap_finds_paths_after_growing),
        TEST(kinds_tell_sources_by_name),
        TEST(discovery_names_pdfs_from_the_plans_folder),
        TEST(paths_are_cleaned),
        TEST(discovery_refuses_bad_paths),
        TEST(discovery_reports_two_sources_for_one_pdf),
        TEST(digests_tell_content_and_absence),
        TEST(a_folder_read_whole_spares_stats),
        TEST(a_known_stamp_spares_reading),
        TEST(a_file_touched_but_not_changed_is_only_restamped),
        TEST(stamps_of_files_changed_during_the_run_are_not_kept),
        TEST(the_file_cache_names_each_path_once),
        TEST(the_manifest_reads_back_what_was_written),
        TEST(a_damaged_manifest_is_an_empty_one),
        TEST(an_input_list_names_what_changed),
        TEST(moved_diagnostics_keep_their_own_texts),
        TEST(diagnostics_added_all_are_copies),
        TEST(the_documents_of_a_source_are_one_job),
        TEST(fewer_sources_than_workers_are_built_apart),
        TEST(a_file_written_in_pieces_appears_whole),
        TEST(the_lock_keeps_a_second_run_out),
        TEST(the_sweep_removes_what_stopped_runs_left),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
