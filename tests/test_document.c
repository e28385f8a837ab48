/* The documents of one source built one after the other with a share
 * (document.h): the source is loaded for the first of them only, and what
 * loading it said is told to each. */
#include "document.h"

#include "test_support.h"

typedef struct {
    test_fixture *f;
    render_env env;
    const char *minutes; /* the source, in the fixture's folder */
} share_fixture;

/* Minutes of the meeting on `date`, with a warning. */
static const char *minutes_of_meeting(const char *title, const char *date)
{
    static char text[512];
    snprintf(text, sizeof text,
             "minutes:\n"
             "  title: %s\n"
             "  date: \"%s\"\n"
             "  place: Vrigstad\n"
             "  attendees: [Anna Berg, Per Holm]\n"
             "  chair: Anna Berj\n" /* not among the attendees: a warning */
             "  items:\n"
             "    - number: \"1\"\n"
             "      title: Mötets öppnande\n"
             "      decisions: [Mötet öppnades.]\n",
             title, date);
    return text;
}

static int setup(void **state)
{
    share_fixture *s = test_calloc(1, sizeof *s);
    s->f = test_fixture_new(TEST_FOLDER);
    write_file(s->f, "a/association.yaml",
               "association:\n  name: Samordningsförbundet Prov\n  short_name: Prov\n");
    s->minutes = write_file(s->f, "a/minutes-2024-02-23.yaml",
                            minutes_of_meeting("Första mötet", "2024-02-23"));
    assert_true(render_env_open(&s->env, "../templates", NULL, &s->f->dl));
    *state = s;
    return 0;
}

static int teardown(void **state)
{
    share_fixture *s = *state;
    render_env_close(&s->env);
    test_fixture *f = s->f;
    test_free(s);
    return test_teardown((void **)&f);
}

/* Renders the minutes or their summary from the fixture's minutes into
 * `pdf`; its diagnostics into `dl`. */
static bool render(share_fixture *s, bool summary, document_share *share, const char *pdf,
                   diag_list *dl)
{
    document_request req = {.source = s->minutes,
                            .pdf = in_folder(s->f, pdf),
                            .template_name = summary ? "summary" : "minutes",
                            .share = share};
    return summary ? document_render_summary(&s->env, &req, dl)
                   : document_render_minutes(&s->env, &req, dl);
}

static void expect_rendered(share_fixture *s, bool summary, document_share *share, const char *pdf,
                            diag_list *dl)
{
    if (render(s, summary, share, pdf, dl))
        return;
    diag_print_all(dl, stderr);
    fail_msg("%s not rendered", pdf);
}

/* Whether the PDF's metadata (its XMP packet, not compressed) names `title`. */
static bool pdf_titled(share_fixture *s, const char *pdf, const char *title)
{
    FILE *in = fopen(in_folder(s->f, pdf), "rb");
    assert_non_null(in);
    strbuf bytes = {0};
    char buf[4096];
    for (size_t n; (n = fread(buf, 1, sizeof buf, in)) > 0;)
        strbuf_append(&bytes, buf, n);
    fclose(in);
    bool found = false;
    size_t len = strlen(title);
    for (size_t at = 0; !found && at + len <= bytes.len; at++)
        found = memcmp(bytes.data + at, title, len) == 0;
    strbuf_free(&bytes);
    return found;
}

static size_t count_diags(const diag_list *dl, const char *needle)
{
    size_t n = 0;
    for (size_t i = 0; i < dl->count; i++)
        n += strstr(dl->items[i].message, needle) != NULL;
    return n;
}

static void a_share_loads_the_source_for_the_first_document_only(void **state)
{
    share_fixture *s = *state;
    document_share *share = document_share_new();
    assert_non_null(share);
    diag_list first, second;
    diag_list_init(&first, &s->f->mem);
    diag_list_init(&second, &s->f->mem);
    expect_rendered(s, false, share, "minutes.pdf", &first);
    /* Changed between the two: the second document is made of what the
     * first loaded, as the two are of one build. */
    write_text(s->minutes, minutes_of_meeting("Andra mötet", "2024-02-23"));
    expect_rendered(s, true, share, "summary.pdf", &second);
    document_share_free(share);
    assert_true(pdf_titled(s, "minutes.pdf", "Första mötet"));
    assert_true(pdf_titled(s, "summary.pdf", "Första mötet"));

    /* What the load said, each document is told once. */
    assert_int_equal(count_diags(&first, "Anna Berj"), 1);
    assert_int_equal(count_diags(&second, "Anna Berj"), 1);
    assert_int_equal(first.warnings, second.warnings);
    assert_true(second.warnings >= 1);

    /* Without a share, each document loads the file as it is now. */
    diag_list alone;
    diag_list_init(&alone, &s->f->mem);
    expect_rendered(s, true, NULL, "alone.pdf", &alone);
    assert_true(pdf_titled(s, "alone.pdf", "Andra mötet"));
}

static void a_share_given_another_source_loads_that_one(void **state)
{
    share_fixture *s = *state;
    document_share *share = document_share_new();
    diag_list dl;
    diag_list_init(&dl, &s->f->mem);
    expect_rendered(s, false, share, "minutes.pdf", &dl);
    s->minutes = write_file(s->f, "a/minutes-2024-03-01.yaml",
                            minutes_of_meeting("Tredje mötet", "2024-03-01"));
    expect_rendered(s, true, share, "summary.pdf", &dl);
    document_share_free(share);
    assert_true(pdf_titled(s, "summary.pdf", "Tredje mötet"));
}

static void errors_of_a_shared_load_fail_each_document(void **state)
{
    share_fixture *s = *state;
    write_text(s->minutes, "minutes:\n  title: [not, a, title\n");
    document_share *share = document_share_new();
    diag_list first, second;
    diag_list_init(&first, &s->f->mem);
    diag_list_init(&second, &s->f->mem);
    assert_false(render(s, false, share, "minutes.pdf", &first));
    assert_false(render(s, true, share, "summary.pdf", &second));
    document_share_free(share);
    assert_true(first.errors >= 1);
    assert_int_equal(first.errors, second.errors);
    assert_string_equal(first.items[0].message, second.items[0].message);
    assert_int_equal(first.items[0].line, second.items[0].line);
    assert_int_equal(first.items[0].col, second.items[0].col);
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(a_share_loads_the_source_for_the_first_document_only),
        TEST(a_share_given_another_source_loads_that_one),
        TEST(errors_of_a_shared_load_fail_each_document),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
