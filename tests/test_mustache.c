/* The Mustache engine beyond the specification's tests: errors with file,
 * line and column, strict partials for documents, compiling once, numbers,
 * Markdown escaping, template folders with inheritance, YAML typing. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <cmocka.h>

#include "mustache.h"
#include "templates.h"
#include "test_support.h"
#include "yamltree.h"
#include "yamlvalue.h"

typedef struct {
    arena mem;
    diag_list dl;
    strbuf out;
    const char *partials[8][2]; /* name, source */
    int loads;
} fixture;

static int setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    arena_init(&f->mem);
    diag_list_init(&f->dl, &f->mem);
    *state = f;
    return 0;
}

static int teardown(void **state)
{
    fixture *f = *state;
    strbuf_free(&f->out);
    arena_free(&f->mem);
    free(f);
    return 0;
}

static const char *load_partial(void *ctx, arena *mem, const char *name, int from,
                                const char **file, int *layer)
{
    (void)mem;
    fixture *f = ctx;
    for (size_t i = 0; from == 0 && i < 8 && f->partials[i][0]; i++) {
        if (strcmp(f->partials[i][0], name) == 0) {
            f->loads++;
            *file = arena_printf(&f->mem, "%s.mustache", name);
            *layer = 0;
            return f->partials[i][1];
        }
    }
    return NULL;
}

static value *data(fixture *f, const char *yaml)
{
    ynode *n = ytree_parse(&f->mem, "data.yaml", yaml, strlen(yaml), &f->dl);
    assert_non_null(n);
    return value_from_yaml(&f->mem, n);
}

/* Renders `template` (named t.mustache) and returns the output, or NULL. */
static const char *render_with(fixture *f, const char *template, const char *yaml,
                               mustache_escape escape, bool strict)
{
    mustache_loader loader = {.load = load_partial, .ctx = f, .where = "the test's partials"};
    mustache_options opt = {.escape = escape, .strict_partials = strict};
    f->out.len = 0;
    bool ok = mustache_render(&f->mem, "t.mustache", template, data(f, yaml), &opt, &loader,
                              &f->out, &f->dl);
    return ok ? f->out.data : NULL;
}

static const char *render(fixture *f, const char *template, const char *yaml)
{
    return render_with(f, template, yaml, MUSTACHE_ESCAPE_MARKDOWN, true);
}

/* The template fails with one error at file:line:col whose message holds `want`. */
static void assert_error(fixture *f, const char *file, int line, int col, const char *want)
{
    assert_int_equal(f->dl.errors, 1);
    const diag *d = &f->dl.items[f->dl.count - 1];
    if (!d->file || strcmp(d->file, file) != 0 || d->line != line || d->col != col ||
        !strstr(d->message, want)) {
        diag_print(d, stdout);
        fail_msg("expected %s:%d:%d: ...%s...", file, line, col, want);
    }
}

static void unclosed_tag(void **state)
{
    fixture *f = *state;
    assert_null(render(f, "Hej\nnamn: {{namn\n", "{}"));
    assert_error(f, "t.mustache", 2, 7, "unclosed tag: \"{{\" without \"}}\"");
}

static void unclosed_triple_mustache(void **state)
{
    fixture *f = *state;
    assert_null(render(f, "{{{body}}", "{}"));
    assert_error(f, "t.mustache", 1, 1, "without \"}}}\"");
}

static void unclosed_section(void **state)
{
    fixture *f = *state;
    assert_null(render(f, "# Budget\n\n  {{#budget.rows}}\n| {{label}} |\n", "{}"));
    assert_error(f, "t.mustache", 3, 3, "\"budget.rows\" is never closed: no {{/budget.rows}}");
}

static void mismatched_close(void **state)
{
    fixture *f = *state;
    assert_null(render(f, "{{#rows}}\n{{#cells}}x\n{{/rows}}\n{{/cells}}\n", "{}"));
    assert_error(f, "t.mustache", 3, 1,
                 "{{/rows}} does not close \"cells\", opened at line 2, column 1");
}

static void close_without_open(void **state)
{
    fixture *f = *state;
    assert_null(render(f, "text {{/rows}}", "{}"));
    assert_error(f, "t.mustache", 1, 6, "{{/rows}} closes nothing");
}

static void columns_count_characters_not_bytes(void **state)
{
    fixture *f = *state;
    assert_null(render(f, "Årsredovisning för {{#år}}", "{}"));
    assert_error(f, "t.mustache", 1, 20, "\"år\" is never closed");
}

static void names_must_be_single_words(void **state)
{
    fixture *f = *state;
    assert_null(render(f, "{{ }}", "{}"));
    assert_error(f, "t.mustache", 1, 1, "the tag has no name");
    assert_null(render(f, "\n {{plan title}}", "{}"));
    assert_int_equal(f->dl.errors, 2);
    assert_string_equal(f->dl.items[1].message, "the tag's name \"plan title\" contains a space");
    assert_int_equal(f->dl.items[1].line, 2);
    assert_int_equal(f->dl.items[1].col, 2);
}

static void bad_set_delimiters(void **state)
{
    fixture *f = *state;
    assert_null(render(f, "{{=<% %>}}", "{}"));
    assert_error(f, "t.mustache", 1, 1, "must end with '='");
    assert_null(render(f, "{{=<%=}}", "{}"));
    assert_int_equal(f->dl.errors, 2);
    assert_non_null(strstr(f->dl.items[1].message, "needs two delimiters"));
}

static void set_delimiters_report_positions_in_their_own_terms(void **state)
{
    fixture *f = *state;
    assert_null(render(f, "{{=<% %>=}}\n<%#a%>\n<%/b%>", "{}"));
    assert_error(f, "t.mustache", 3, 1, "{{/b}} does not close \"a\"");
}

static void a_parent_holds_only_blocks(void **state)
{
    fixture *f = *state;
    assert_null(render(f, "{{<plan}}\n  {{title}}\n{{/plan}}", "{}"));
    assert_error(f, "t.mustache", 2, 3, "{{title}} cannot stand directly inside {{<plan}}");
}

static void errors_in_a_partial_name_the_partial(void **state)
{
    fixture *f = *state;
    f->partials[0][0] = "row";
    f->partials[0][1] = "| {{label}} |\n| {{#cells}} |\n";
    assert_null(render(f, "{{#rows}}\n{{>row}}\n{{/rows}}", "rows: [{label: a}]"));
    assert_error(f, "row.mustache", 2, 3, "\"cells\" is never closed");
}

static void a_missing_partial_is_an_error_for_documents(void **state)
{
    fixture *f = *state;
    assert_null(render(f, "Budget\n  {{> colum-label}}\n", "{}"));
    assert_error(f, "t.mustache", 2, 3,
                 "{{>colum-label}}: no template \"colum-label\" in the test's partials");
    assert_null(render(f, "{{<base}}{{/base}}", "{}"));
    assert_int_equal(f->dl.errors, 2);
    assert_string_equal(f->dl.items[1].message,
                        "{{<base}}: no template \"base\" in the test's partials");
}

static void a_missing_partial_is_empty_as_the_spec_says(void **state)
{
    fixture *f = *state;
    assert_string_equal(
        render_with(f, "[{{>nothing}}|{{<base}}{{/base}}]", "{}", MUSTACHE_ESCAPE_HTML, false),
        "[|]");
    assert_int_equal(f->dl.count, 0);
}

static void a_dynamic_name_that_names_nothing_is_an_error_for_documents(void **state)
{
    fixture *f = *state;
    assert_null(render(f, "{{>*kind}}", "kind: tabel"));
    assert_error(f, "t.mustache", 1, 1, "{{>*kind}}: no template \"tabel\"");
}

static void partial_recursion_is_stopped(void **state)
{
    fixture *f = *state;
    f->partials[0][0] = "node";
    f->partials[0][1] = "x\n{{>node}}\n";
    assert_null(render(f, "{{>node}}", "{}"));
    assert_error(f, "node.mustache", 2, 1, "{{>node}}: templates nested more than 100 deep");
}

static void recursion_ended_by_the_data_is_fine(void **state)
{
    fixture *f = *state;
    f->partials[0][0] = "node";
    f->partials[0][1] = "{{name}}({{#children}}{{>node}}{{/children}})";
    assert_string_equal(render(f, "{{>node}}",
                               "{name: a, children: [{name: b, children: []}, "
                               "{name: c, children: [{name: d, children: []}]}]}"),
                        "a(b()c(d()))");
}

static void a_block_that_fills_itself_is_stopped(void **state)
{
    fixture *f = *state;
    f->partials[0][0] = "base";
    f->partials[0][1] = "[{{$b}}{{/b}}]";
    assert_null(render(f, "{{<base}}{{$b}}again {{$b}}{{/b}}{{/b}}{{/base}}", "{}"));
    assert_int_equal(f->dl.errors, 1);
    assert_non_null(strstr(f->dl.items[0].message, "nested more than 100 deep"));
}

static double seconds(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Sections 30 deep over a list of 10: 10^30 repetitions if nothing stopped it.
 * The time bound (CPU seconds) leaves room for valgrind, some 50 times slower. */
static void exponential_repetition_is_stopped_in_time(void **state)
{
    fixture *f = *state;
    strbuf t = {0};
    for (int i = 0; i < 30; i++)
        strbuf_puts(&t, "{{#l}}");
    strbuf_puts(&t, "x");
    for (int i = 0; i < 30; i++)
        strbuf_puts(&t, "{{/l}}");
    double start = seconds();
    assert_null(render(f, t.data, "l: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"));
    assert_true(seconds() - start < 60.0);
    assert_error(f, "t.mustache", 1, 181, "rendering stopped after 10000000 steps");
    strbuf_free(&t);
}

static void deep_or_large_templates_are_handled(void **state)
{
    fixture *f = *state;
    strbuf t = {0};
    for (int i = 0; i < 101; i++)
        strbuf_puts(&t, "{{^x}}");
    assert_null(render(f, t.data, "{}"));
    assert_error(f, "t.mustache", 1, 601, "sections nested more than 100 deep");

    t.len = 0;
    for (int i = 0; i < 100000; i++)
        strbuf_puts(&t, "{{");
    double start = seconds();
    assert_null(render(f, t.data, "{}"));
    assert_int_equal(f->dl.errors, 2);

    t.len = 0;
    for (int i = 0; i < 100000; i++)
        strbuf_puts(&t, "{{a}}\n{{#b}}{{/b}}\n");
    assert_non_null(render(f, t.data, "a: x"));
    assert_int_equal(f->out.len, 200000);
    assert_true(seconds() - start < 60.0);
    strbuf_free(&t);
}

static void partials_are_compiled_once(void **state)
{
    fixture *f = *state;
    f->partials[0][0] = "cell";
    f->partials[0][1] = " {{.}} |";
    assert_string_equal(render(f, "|{{#cells}}{{>cell}}{{/cells}}", "cells: [1, 2, 3]"),
                        "| 1 | 2 | 3 |");
    assert_int_equal(f->loads, 1);

    mustache_loader loader = {.load = load_partial, .ctx = f};
    mustache_set *set = mustache_set_new(&f->mem, &loader);
    const mustache_template *t = mustache_set_get(set, "cell", &f->dl);
    assert_non_null(t);
    assert_ptr_equal(mustache_set_get(set, "cell", &f->dl), t);
    assert_null(mustache_set_get(set, "nothing", &f->dl));
    assert_int_equal(f->loads, 2);
    assert_int_equal(f->dl.count, 0);
}

static void numbers_render_as_yaml_wrote_them(void **state)
{
    fixture *f = *state;
    assert_string_equal(render_with(f, "{{a}} {{b}} {{c}} {{d}} {{e}} {{f}} {{g}}",
                                    "{a: 1.210, b: 0.1, c: -7, d: 1e3, e: 0x1F, f: true, g: ~}",
                                    MUSTACHE_ESCAPE_HTML, false),
                        "1.21 0.1 -7 1000 31 true ");
}

static void markdown_escaping(void **state)
{
    fixture *f = *state;
    const char *cases[][2] = {
        {"Lön & arvoden", "Lön \\& arvoden"},
        {"*fet* _kursiv_ `kod` ~~struken~~",
         "\\*fet\\* \\_kursiv\\_ \\`kod\\` \\~\\~struken\\~\\~"},
        {"a | b", "a \\| b"},
        {"# inte en rubrik", "\\# inte en rubrik"},
        {"[länk](x) ![bild](y) <b>", "\\[länk\\](x) \\!\\[bild\\](y) \\<b\\>"},
        {"1. först", "1\\. först"},
        {"2024) år", "2024\\) år"},
        {"- punkt", "\\- punkt"},
        {"+ punkt", "\\+ punkt"},
        {"===", "\\==="},
        {"rad ett\nrad två\r\nrad tre", "rad ett rad två rad tre"},
        {"10 014 tkr, −745", "10 014 tkr, −745"},
        {"Samordningsförbundet Samsund 2024-01-01", "Samordningsförbundet Samsund 2024-01-01"},
        {"C:\\temp", "C:\\\\temp"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        strbuf sb = {0};
        mustache_escape_text(&sb, cases[i][0], strlen(cases[i][0]), MUSTACHE_ESCAPE_MARKDOWN);
        assert_string_equal(sb.data, cases[i][1]);
        strbuf_free(&sb);
    }
    assert_string_equal(render(f, "{{a}} {{{a}}} {{&a}}", "a: '*x*'"), "\\*x\\* *x* *x*");
}

static void html_escaping(void **state)
{
    fixture *f = *state;
    assert_string_equal(
        render_with(f, "{{a}}", "a: '<a href=\"x\">&</a>'", MUSTACHE_ESCAPE_HTML, false),
        "&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
    assert_string_equal(render_with(f, "{{a}}", "a: '<*>'", MUSTACHE_ESCAPE_NONE, false), "<*>");
}

static void indentation_of_a_partial_follows_its_lines(void **state)
{
    fixture *f = *state;
    f->partials[0][0] = "item";
    f->partials[0][1] = "- {{name}}\n{{#note}}\n  {{note}}\n{{/note}}\n";
    assert_string_equal(render(f, "1. Mål\n   {{#goals}}\n   {{>item}}\n   {{/goals}}\n",
                               "goals: [{name: a, note: 'n*'}, {name: b}]"),
                        "1. Mål\n   - a\n     n\\*\n   - b\n");
}

static void an_inline_partial_continues_the_indentation(void **state)
{
    fixture *f = *state;
    f->partials[0][0] = "outer";
    f->partials[0][1] = "Mål: {{>inner}}\n";
    f->partials[1][0] = "inner";
    f->partials[1][1] = "ett\ntvå";
    assert_string_equal(render(f, "- Område\n  {{>outer}}\n", "{}"),
                        "- Område\n  Mål: ett\n  två\n");
}

/* ---- template folders ---------------------------------------------------- */

static void write_into(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    write_text(path, text);
}

typedef struct {
    char root[64], defaults[96], assoc[96];
} folders;

static void make_template_folders(folders *d)
{
    strcpy(d->root, "/tmp/planpress-templates.XXXXXX");
    assert_non_null(mkdtemp(d->root));
    snprintf(d->defaults, sizeof d->defaults, "%s/templates", d->root);
    snprintf(d->assoc, sizeof d->assoc, "%s/assoc", d->root);
    assert_int_equal(mkdir(d->defaults, 0700), 0);
    assert_int_equal(mkdir(d->assoc, 0700), 0);
    write_into(d->defaults, "plan.mustache",
               "# {{title}}\n"
               "\n"
               "{{$intro}}\n"
               "Standardtext.\n"
               "{{/intro}}\n"
               "\n"
               "{{$contact}}\n"
               "Kontakt: {{> address}}\n"
               "{{/contact}}\n");
    write_into(d->defaults, "address.mustache", "{{address}}");
}

static void remove_folders(const folders *d)
{
    const char *files[][2] = {{d->defaults, "plan.mustache"},
                              {d->defaults, "address.mustache"},
                              {d->assoc, "plan.mustache"},
                              {d->assoc, "address.mustache"}};
    char path[512];
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", files[i][0], files[i][1]);
        unlink(path);
    }
    rmdir(d->defaults);
    rmdir(d->assoc);
    rmdir(d->root);
}

static const char *render_folders(fixture *f, const folders *d)
{
    const char *dirs[] = {d->assoc, d->defaults};
    template_store ts;
    templates_init(&ts, &f->mem, dirs, 2);
    f->out.len = 0;
    bool ok = templates_render_markdown(&ts, "plan", data(f, "{title: Plan, address: Gatan 1}"),
                                        &f->out, &f->dl);
    return ok ? f->out.data : NULL;
}

static void the_default_template_serves_an_association_without_its_own(void **state)
{
    fixture *f = *state;
    folders d;
    make_template_folders(&d);
    assert_string_equal(render_folders(f, &d), "# Plan\n\nStandardtext.\n\nKontakt: Gatan 1\n");
    remove_folders(&d);
}

static void an_association_overrides_one_block_of_the_default_template(void **state)
{
    fixture *f = *state;
    folders d;
    make_template_folders(&d);
    write_into(d.assoc, "plan.mustache",
               "{{! Samsund: our own introduction, the rest as usual }}\n"
               "{{<plan}}\n"
               "{{$intro}}\n"
               "Vår egen *inledning* för {{title}}.\n"
               "{{/intro}}\n"
               "{{/plan}}\n");
    assert_string_equal(render_folders(f, &d),
                        "# Plan\n\nVår egen *inledning* för Plan.\n\nKontakt: Gatan 1\n");
    remove_folders(&d);
}

static void an_association_overrides_a_partial(void **state)
{
    fixture *f = *state;
    folders d;
    make_template_folders(&d);
    write_into(d.assoc, "address.mustache", "{{address}}, Sundbyberg");
    assert_string_equal(render_folders(f, &d),
                        "# Plan\n\nStandardtext.\n\nKontakt: Gatan 1, Sundbyberg\n");
    remove_folders(&d);
}

static void an_unknown_name_in_a_document_template_is_an_error(void **state)
{
    fixture *f = *state;
    folders d;
    make_template_folders(&d);
    write_into(d.assoc, "plan.mustache",
               "{{<plan}}\n{{$intro}}\nRing {{adress}} eller {{title.x}}\n{{/intro}}\n{{/plan}}\n");
    assert_null(render_folders(f, &d));
    char file[160];
    snprintf(file, sizeof file, "%s/plan.mustache", d.assoc);
    assert_error(f, file, 3, 6,
                 "{{adress}}: the document's data has no \"adress\"; did you mean \"address\"?");
    remove_folders(&d);
}

static void a_missing_key_of_a_map_lists_what_the_map_has(void **state)
{
    fixture *f = *state;
    mustache_options opt = {.escape = MUSTACHE_ESCAPE_MARKDOWN, .strict_names = true};
    assert_false(mustache_render(&f->mem, "t.mustache", "x\n  {{a.telefon}}",
                                 data(f, "{a: {phone: 1, mail: 2}}"), &opt, NULL, &f->out, &f->dl));
    assert_error(f, "t.mustache", 2, 3, "\"a\" has no \"telefon\"; it has phone and mail");
    /* A name that is there but empty (null, false, an empty list) is false. */
    f->out.len = 0;
    assert_true(mustache_render(
        &f->mem, "t.mustache", "{{a}}{{#is_x}}x{{/is_x}}{{^b.y}}y{{/b.y}}{{#c}}c{{/c}}",
        data(f, "{a: null, is_x: false, b: {y: null}, c: []}"), &opt, NULL, &f->out, &f->dl));
    assert_string_equal(f->out.data, "y");
    assert_int_equal(f->dl.errors, 1);
}

/* A section or an inverted section on a name the data lacks is an error
 * too, whichever part of a dotted name is missing: it is as likely a typo
 * as a variable's. */
static void a_section_on_a_missing_name_is_an_error(void **state)
{
    fixture *f = *state;
    mustache_options opt = {.escape = MUSTACHE_ESCAPE_MARKDOWN, .strict_names = true};
    assert_false(mustache_render(&f->mem, "t.mustache",
                                 "Ring\n{{#a.telefon}}{{a.phone}}{{/a.telefon}}",
                                 data(f, "{a: {phone: 1, mail: 2}}"), &opt, NULL, &f->out, &f->dl));
    assert_error(f, "t.mustache", 2, 1,
                 "{{#a.telefon}}: \"a\" has no \"telefon\"; it has phone and mail");
    diag_list_init(&f->dl, &f->mem);
    assert_false(mustache_render(&f->mem, "t.mustache", "x {{^unit_tkt}}kr{{/unit_tkt}}",
                                 data(f, "{unit_tkr: true}"), &opt, NULL, &f->out, &f->dl));
    assert_error(
        f, "t.mustache", 1, 3,
        "{{^unit_tkt}}: the document's data has no \"unit_tkt\"; did you mean \"unit_tkr\"?");
    diag_list_init(&f->dl, &f->mem);
    assert_false(mustache_render(&f->mem, "t.mustache", "{{#c.y}}{{/c.y}}", data(f, "{b: {}}"),
                                 &opt, NULL, &f->out, &f->dl));
    assert_error(f, "t.mustache", 1, 1, "the document's data has no \"c\"; did you mean \"b\"?");
}

/* Without strict names (the specification) a section on a missing name is false. */
static void a_section_on_a_missing_name_is_false_by_the_specification(void **state)
{
    fixture *f = *state;
    mustache_options opt = {.escape = MUSTACHE_ESCAPE_NONE};
    assert_true(mustache_render(&f->mem, "t.mustache", "{{#a.telefon}}t{{/a.telefon}}{{^x}}n{{/x}}",
                                data(f, "{a: {phone: 1}}"), &opt, NULL, &f->out, &f->dl));
    assert_string_equal(f->out.data, "n");
    assert_int_equal(f->dl.count, 0);
}

static void a_block_that_overrides_nothing_is_an_error(void **state)
{
    fixture *f = *state;
    folders d;
    make_template_folders(&d);
    write_into(d.assoc, "plan.mustache",
               "{{<plan}}\n{{$intro}}\nVår text.\n{{/intro}}\n{{$kontact}}\nx\n{{/kontact}}\n"
               "{{/plan}}\n");
    assert_null(render_folders(f, &d));
    char file[160];
    snprintf(file, sizeof file, "%s/plan.mustache", d.assoc);
    assert_error(f, file, 5, 1,
                 "{{$kontact}} overrides nothing: ");
    assert_non_null(strstr(f->dl.items[f->dl.count - 1].message,
                           "has no block \"kontact\"; did you mean \"contact\"?"));
    remove_folders(&d);
}

static void the_specification_keeps_missing_names_empty(void **state)
{
    fixture *f = *state;
    f->partials[0][0] = "p";
    f->partials[0][1] = "{{$some}}y{{/some}}";
    assert_string_equal(render_with(f, "[{{nothing}}]{{<p}}{{$none}}x{{/none}}{{/p}}", "{}",
                                    MUSTACHE_ESCAPE_HTML, false),
                        "[]y");
}

static void a_template_error_names_the_association_file(void **state)
{
    fixture *f = *state;
    folders d;
    make_template_folders(&d);
    write_into(d.assoc, "plan.mustache", "{{<plan}}\n{{$intro}}\ntext\n{{/plan}}\n");
    assert_null(render_folders(f, &d));
    char file[160];
    snprintf(file, sizeof file, "%s/plan.mustache", d.assoc);
    assert_error(f, file, 4, 1, "{{/plan}} does not close \"intro\", opened at line 2, column 1");
    remove_folders(&d);
}

static void a_missing_main_template_is_reported(void **state)
{
    fixture *f = *state;
    folders d;
    make_template_folders(&d);
    const char *dirs[] = {d.assoc, d.defaults};
    template_store ts;
    templates_init(&ts, &f->mem, dirs, 2);
    assert_false(templates_render_markdown(&ts, "report", data(f, "{}"), &f->out, &f->dl));
    assert_int_equal(f->dl.errors, 1);
    assert_non_null(strstr(f->dl.items[0].message, "no template \"report.mustache\" in"));
    remove_folders(&d);
}

static void template_names_stay_inside_the_folders(void **state)
{
    fixture *f = *state;
    folders d;
    make_template_folders(&d);
    write_into(d.assoc, "plan.mustache", "{{>*path}}");
    const char *dirs[] = {d.assoc, d.defaults};
    template_store ts;
    templates_init(&ts, &f->mem, dirs, 2);
    assert_false(templates_render_markdown(&ts, "plan", data(f, "path: ../templates/plan"), &f->out,
                                           &f->dl));
    assert_non_null(strstr(f->dl.items[0].message, "no template \"../templates/plan\""));
    remove_folders(&d);
}

typedef struct {
    const char *root;
    strbuf paths; /* one a line, below root */
} lookups;

static void note_lookup(void *ctx, const char *path)
{
    lookups *l = ctx;
    size_t n = strlen(l->root);
    strbuf_printf(&l->paths, "%s\n", strncmp(path, l->root, n) == 0 ? path + n + 1 : path);
}

static void the_store_tells_of_each_template_it_looks_for_found_or_not(void **state)
{
    fixture *f = *state;
    folders d;
    make_template_folders(&d);
    write_into(d.assoc, "plan.mustache", "{{<plan}}{{$intro}}Egen.{{/intro}}{{/plan}}\n");
    const char *dirs[] = {d.assoc, d.defaults};
    template_store ts;
    templates_init(&ts, &f->mem, dirs, 2);
    lookups l = {.root = d.root};
    templates_watch(&ts, note_lookup, &l);
    assert_true(templates_render_markdown(&ts, "plan", data(f, "{title: Plan, address: Gatan 1}"),
                                          &f->out, &f->dl));
    /* The association's plan, the default one it stands in, and the partial:
     * first in the association's folder, which has none, then the default. */
    assert_string_equal(l.paths.data, "assoc/plan.mustache\n"
                                      "templates/plan.mustache\n"
                                      "assoc/address.mustache\n"
                                      "templates/address.mustache\n");
    strbuf_free(&l.paths);
    remove_folders(&d);
}

/* Renders the plan of `d` in a store of its own that shares `cache`, as
 * each document of a run does. */
static bool render_shared(fixture *f, const folders *d, template_cache *cache, lookups *l)
{
    const char *dirs[] = {d->assoc, d->defaults};
    template_store ts;
    templates_init(&ts, &f->mem, dirs, 2);
    templates_share(&ts, cache);
    templates_watch(&ts, note_lookup, l);
    f->out.len = 0;
    return templates_render_markdown(&ts, "plan", data(f, "{title: Plan, address: Gatan 1}"),
                                     &f->out, &f->dl);
}

static void a_run_compiles_each_template_file_once(void **state)
{
    fixture *f = *state;
    folders d;
    make_template_folders(&d);
    template_cache *cache = template_cache_new();
    lookups l = {.root = d.root};
    assert_true(render_shared(f, &d, cache, &l));
    /* Once compiled, the files are not read again: removed, they still render. */
    char path[512];
    snprintf(path, sizeof path, "%s/address.mustache", d.defaults);
    unlink(path);
    for (int doc = 0; doc < 3; doc++) {
        assert_true(render_shared(f, &d, cache, &l));
        assert_string_equal(f->out.data, "# Plan\n\nStandardtext.\n\nKontakt: Gatan 1\n");
    }
    /* ...and each document is still told of every template it looks for. */
    const char *one = "assoc/plan.mustache\ntemplates/plan.mustache\n"
                      "assoc/address.mustache\ntemplates/address.mustache\n";
    assert_int_equal(l.paths.len, 4 * strlen(one));
    assert_string_equal(l.paths.data + 3 * strlen(one), one);
    strbuf_free(&l.paths);
    template_cache_free(cache);
    remove_folders(&d);
}

static void a_template_added_during_a_run_is_seen_by_the_next_run(void **state)
{
    fixture *f = *state;
    folders d;
    make_template_folders(&d);
    template_cache *run = template_cache_new();
    lookups l = {.root = d.root};
    assert_true(render_shared(f, &d, run, &l));
    write_into(d.assoc, "plan.mustache", "{{<plan}}{{$intro}}Egen.{{/intro}}{{/plan}}\n");
    assert_true(render_shared(f, &d, run, &l));
    assert_string_equal(f->out.data, "# Plan\n\nStandardtext.\n\nKontakt: Gatan 1\n");
    template_cache *next = template_cache_new();
    assert_true(render_shared(f, &d, next, &l));
    assert_string_equal(f->out.data, "# Plan\n\nEgen.\nKontakt: Gatan 1\n\n");
    strbuf_free(&l.paths);
    template_cache_free(run);
    template_cache_free(next);
    remove_folders(&d);
}

static void each_document_of_a_run_gets_the_outline_warnings(void **state)
{
    fixture *f = *state;
    folders d;
    make_template_folders(&d);
    write_into(d.defaults, "address.mustache", "### {{address}}\n");
    template_cache *cache = template_cache_new();
    const char *dirs[] = {d.assoc, d.defaults};
    char file[160];
    snprintf(file, sizeof file, "%s/address.mustache", d.defaults);
    for (size_t doc = 1; doc <= 2; doc++) {
        template_store ts;
        templates_init(&ts, &f->mem, dirs, 2);
        templates_share(&ts, cache);
        templates_check_outline(&ts, "plan", &f->dl);
        assert_int_equal(f->dl.warnings, doc);
        const diag *w = &f->dl.items[f->dl.count - 1];
        assert_string_equal(w->file, file);
        assert_int_equal(w->line, 1);
        assert_non_null(strstr(w->message, "a heading of level 3 follows one of level 1"));
    }
    template_cache_free(cache);
    remove_folders(&d);
}

static void each_document_of_a_run_reports_a_malformed_template(void **state)
{
    fixture *f = *state;
    folders d;
    make_template_folders(&d);
    write_into(d.assoc, "plan.mustache", "{{<plan}}\n{{$intro}}\ntext\n{{/plan}}\n");
    template_cache *cache = template_cache_new();
    lookups l = {.root = d.root};
    for (size_t doc = 1; doc <= 3; doc++) {
        assert_false(render_shared(f, &d, cache, &l));
        assert_int_equal(f->dl.errors, doc);
    }
    char file[160];
    snprintf(file, sizeof file, "%s/plan.mustache", d.assoc);
    assert_string_equal(f->dl.items[2].file, file);
    assert_int_equal(f->dl.items[2].line, 4);
    strbuf_free(&l.paths);
    template_cache_free(cache);
    remove_folders(&d);
}

/* ---- YAML typing --------------------------------------------------------- */

static void yaml_scalars_follow_the_core_schema(void **state)
{
    fixture *f = *state;
    value *v = data(f, "{a: 1.210, b: '1.210', c: 12, d: 0o17, e: ~, f: null, g: False, h: yes, "
                       "i: 99999999999999999999, j: .inf, k: !!str 12, l: -.5e1, m: 1.2.3}");
    assert_int_equal(value_get(v, "a")->kind, VALUE_DOUBLE);
    assert_true(value_get(v, "a")->as.d == 1.21);
    assert_int_equal(value_get(v, "b")->kind, VALUE_STRING);
    assert_int_equal(value_get(v, "c")->as.i, 12);
    assert_int_equal(value_get(v, "d")->as.i, 15);
    assert_int_equal(value_get(v, "e")->kind, VALUE_NULL);
    assert_int_equal(value_get(v, "f")->kind, VALUE_NULL);
    assert_int_equal(value_get(v, "g")->kind, VALUE_BOOL);
    assert_false(value_get(v, "g")->as.b);
    assert_int_equal(value_get(v, "h")->kind, VALUE_STRING); /* YAML 1.1's yes is text in 1.2 */
    assert_string_equal(value_get(v, "i")->as.str.s, "99999999999999999999");
    assert_int_equal(value_get(v, "j")->kind, VALUE_DOUBLE);
    assert_string_equal(value_get(v, "k")->as.str.s, "12");
    assert_true(value_get(v, "l")->as.d == -5.0);
    assert_string_equal(value_get(v, "m")->as.str.s, "1.2.3");
}

#define TEST(name) cmocka_unit_test_setup_teardown(name, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        TEST(unclosed_tag),
        TEST(unclosed_triple_mustache),
        TEST(unclosed_section),
        TEST(mismatched_close),
        TEST(close_without_open),
        TEST(columns_count_characters_not_bytes),
        TEST(names_must_be_single_words),
        TEST(bad_set_delimiters),
        TEST(set_delimiters_report_positions_in_their_own_terms),
        TEST(a_parent_holds_only_blocks),
        TEST(errors_in_a_partial_name_the_partial),
        TEST(a_missing_partial_is_an_error_for_documents),
        TEST(a_missing_partial_is_empty_as_the_spec_says),
        TEST(a_dynamic_name_that_names_nothing_is_an_error_for_documents),
        TEST(partial_recursion_is_stopped),
        TEST(recursion_ended_by_the_data_is_fine),
        TEST(a_block_that_fills_itself_is_stopped),
        TEST(exponential_repetition_is_stopped_in_time),
        TEST(deep_or_large_templates_are_handled),
        TEST(partials_are_compiled_once),
        TEST(numbers_render_as_yaml_wrote_them),
        TEST(markdown_escaping),
        TEST(html_escaping),
        TEST(indentation_of_a_partial_follows_its_lines),
        TEST(an_inline_partial_continues_the_indentation),
        TEST(the_default_template_serves_an_association_without_its_own),
        TEST(an_association_overrides_one_block_of_the_default_template),
        TEST(an_association_overrides_a_partial),
        TEST(a_template_error_names_the_association_file),
        TEST(an_unknown_name_in_a_document_template_is_an_error),
        TEST(a_missing_key_of_a_map_lists_what_the_map_has),
        TEST(a_section_on_a_missing_name_is_an_error),
        TEST(a_section_on_a_missing_name_is_false_by_the_specification),
        TEST(a_block_that_overrides_nothing_is_an_error),
        TEST(the_specification_keeps_missing_names_empty),
        TEST(a_missing_main_template_is_reported),
        TEST(template_names_stay_inside_the_folders),
        TEST(the_store_tells_of_each_template_it_looks_for_found_or_not),
        TEST(a_run_compiles_each_template_file_once),
        TEST(each_document_of_a_run_reports_a_malformed_template),
        TEST(a_template_added_during_a_run_is_seen_by_the_next_run),
        TEST(each_document_of_a_run_gets_the_outline_warnings),
        TEST(yaml_scalars_follow_the_core_schema),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
