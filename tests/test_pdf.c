/* The PDF writer: its content streams, and documents laid out by hand
 * (text in every face with the characters Swedish plans need, rules, a
 * rectangle, links, headings) written and then read by tools planpress did
 * not write: pdftotext and mutool (both must print no warning), qpdf. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include <math.h>
#include <pthread.h>
#include <unistd.h>

#include "fonts.h"
#include "layout.h"
#include "pdf.h"
#include "pdfcontent.h"
#include "style.h"

#include "test_support.h"

#define NBSP "\xC2\xA0"

/* ---- content streams -------------------------------------------------------- */

static const char *number(double v, int decimals)
{
    static strbuf sb;
    sb.len = 0;
    content_number(&sb, v, decimals);
    return sb.data;
}

static void numbers_are_short_and_exact(void **state)
{
    (void)state;
    assert_string_equal(number(0, 3), "0");
    assert_string_equal(number(-0.0001, 3), "0");
    assert_string_equal(number(12, 3), "12");
    assert_string_equal(number(1.5, 3), "1.5");
    assert_string_equal(number(-74.21875, 3), "-74.219");
    assert_string_equal(number(556.15234375, 4), "556.1523");
    assert_string_equal(number(841.8897637795, 3), "841.89");
    assert_string_equal(number(0.0625, 2), "0.06");
    assert_string_equal(number(100.0 / 255, 4), "0.3922");
    assert_string_equal(number(NAN, 3), "0");
}

static void kerned_text_is_shown_with_tj(void **state)
{
    (void)state;
    strbuf out = {0};
    pdf_content c;
    content_init(&c, &out);
    content_font f1 = {1, 1}, f2 = {2, 2};
    uint16_t codes[] = {'A', 'V', '(', '\\', ')', '\n'};
    double adjust[] = {74.219, 0, 0, 0, 0, 0};
    content_text(&c, &f1, 10.5, 0x1a1a1a, 70.866, 700, codes, adjust, 6);
    content_text(&c, &f1, 10.5, 0x1a1a1a, 70.866, 685.825, codes + 1, adjust + 1, 2);
    uint16_t wide[] = {0x0041, 0x0123};
    double none[] = {0, 0};
    content_text(&c, &f2, 8, 0x555555, 300, 30, wide, none, 2);
    content_finish(&c);
    assert_string_equal(out.data, "BT\n"
                                  "/F1 10.5 Tf\n"
                                  "0.102 0.102 0.102 rg\n"
                                  "70.866 700 Td\n"
                                  "[(A)74.219(V\\(\\\\\\)\\n)]TJ\n"
                                  "0 -14.175 Td\n"
                                  "[(V\\()]TJ\n"
                                  "/F2 8 Tf\n"
                                  "0.3333 0.3333 0.3333 rg\n"
                                  "229.134 -655.825 Td\n"
                                  "[(\x00\x41\x01\x23)]TJ\n"
                                  "ET\n");
    strbuf_free(&out);
}

static void words_of_a_line_share_one_tj(void **state)
{
    (void)state;
    strbuf out = {0};
    pdf_content c;
    content_init(&c, &out);
    content_font f1 = {1, 1};
    uint16_t ab[] = {'a', 'b'}, space = ' ', cd[] = {'c', 'd'};
    double none[] = {0, 0};
    assert_false(content_text_more(&c, 0, ab, none, 2));
    content_text(&c, &f1, 10, 0, 10, 20, ab, none, 2);
    assert_true(content_text_more(&c, 0, &space, none, 1));
    assert_true(content_text_more(&c, -120.5, cd, none, 2));
    assert_true(content_text_more(&c, 0, cd, none, 2));
    content_rect(&c, 0, 0, 1, 1, 0);
    assert_false(content_text_more(&c, 0, cd, none, 2));
    content_finish(&c);
    assert_string_equal(out.data, "BT\n"
                                  "/F1 10 Tf\n"
                                  "0 0 0 rg\n"
                                  "10 20 Td\n"
                                  "[(ab )-120.5(cdcd)]TJ\n"
                                  "ET\n"
                                  "0 0 1 1 re f\n");
    strbuf_free(&out);
}

static void graphics_state_is_set_only_when_it_changes(void **state)
{
    (void)state;
    strbuf out = {0};
    pdf_content c;
    content_init(&c, &out);
    content_line(&c, 10, 20, 110, 20, 1, 0x000000);
    content_line(&c, 10, 30, 110, 40, 1, 0x000000);
    content_line(&c, 10, 50, 110, 50, 0.5, 0x7f7f7f);
    content_rect(&c, 10, 60, 100, 12.5, 0xff0000);
    content_rect(&c, 10, 80, 100, 12.5, 0xff0000);
    content_finish(&c);
    assert_string_equal(out.data, "0 0 0 RG\n"
                                  "10 20 m 110 20 l S\n"
                                  "10 30 m 110 40 l S\n"
                                  "0.498 0.498 0.498 RG\n"
                                  "0.5 w\n"
                                  "10 50 m 110 50 l S\n"
                                  "1 0 0 rg\n"
                                  "10 60 100 12.5 re f\n"
                                  "10 80 100 12.5 re f\n");
    strbuf_free(&out);
}

/* ---- documents laid out by hand -------------------------------------------- */

static const char *const swedish_lines[] = {
    "Regular: å ä ö Å Ä Ö – — ” ’ ≥ ≤ § € − 10" NBSP "014 tkr",
    "Bold: Försäkringskassan 50" NBSP "% − 1" NBSP "573",
    "Italic: ”Vi ser förmågan” – §" NBSP "5 ≤ 20" NBSP "%",
    "Bold italic: Ändamål och syfte — €" NBSP "100",
    "Mono: Järfälla 1" NBSP "520 ≥ 760 − 486",
};
_Static_assert(sizeof swedish_lines / sizeof swedish_lines[0] == FACE_COUNT, "a line per face");
static const char probe[] = "AVATAR Tvätt";
enum { PROBE_X = 72, PROBE_SIZE = 40 };
/* a justified line: words as boxes of their own, spaces stretched */
static const char *const justified[] = {"Stora", "mellanrum,", "Tv"};
static double justified_x[3];

static box *add_box(arena *mem, layout_page *p, box b)
{
    box *slot = ARENA_PUSH(mem, p->boxes, p->count, p->cap);
    *slot = b;
    return slot;
}

static void add_text(arena *mem, const font_set *fs, layout_page *p, face_style face, double x,
                     double y, double size, const char *text)
{
    add_box(mem, p,
            (box){.kind = BOX_TEXT,
                  .x = x,
                  .y = y,
                  .width = fonts_width(fs, face, size, text, strlen(text)),
                  .face = face,
                  .size = size,
                  .color = 0x1a1a1a,
                  .text = text});
}

static void add_heading(arena *mem, layout_doc *d, int level, const char *title, size_t page,
                        double y)
{
    layout_heading *h = ARENA_PUSH(mem, d->headings, d->nheadings, d->headings_cap);
    *h = (layout_heading){level, title, page, y};
}

/* Two pages, the second landscape. */
static layout_doc sample_doc(arena *mem, const font_set *fs)
{
    layout_doc d = {.width = 595.276, .height = 841.89};
    *ARENA_PUSH(mem, d.pages, d.npages, d.pages_cap) = (layout_page){595.276, 841.89, NULL, 0, 0};
    *ARENA_PUSH(mem, d.pages, d.npages, d.pages_cap) = (layout_page){841.89, 595.276, NULL, 0, 0};
    layout_page *p1 = &d.pages[0], *p2 = &d.pages[1];
    for (int f = 0; f < FACE_COUNT; f++)
        add_text(mem, fs, p1, (face_style)f, 72, 760 - 20 * f, 12, swedish_lines[f]);
    add_text(mem, fs, p1, FACE_REGULAR, PROBE_X, 600, PROBE_SIZE, probe);
    double x = PROBE_X;
    for (int i = 0; i < 3; i++) {
        justified_x[i] = x;
        add_text(mem, fs, p1, FACE_REGULAR, x, 620, 12, justified[i]);
        x += fonts_width(fs, FACE_REGULAR, 12, justified[i], strlen(justified[i])) + 5.25 + i;
    }
    add_box(mem, p1,
            (box){.kind = BOX_RULE,
                  .x = 72,
                  .y = 580,
                  .width = 450,
                  .thickness = 0.5,
                  .color = 0x7f7f7f});
    add_box(mem, p1,
            (box){.kind = BOX_LINE,
                  .x = 72,
                  .y = 560,
                  .x2 = 300,
                  .y2 = 500,
                  .thickness = 1,
                  .color = 0x1f3864});
    add_box(
        mem, p1,
        (box){.kind = BOX_RECT, .x = 320, .y = 500, .width = 60, .height = 40, .color = 0xc00000});
    add_text(mem, fs, p1, FACE_REGULAR, 72, 460, 12, "Till ekonomin");
    add_box(mem, p1,
            (box){.kind = BOX_LINK,
                  .x = 72,
                  .y = 456,
                  .width = 80,
                  .height = 14,
                  .dest_page = 1,
                  .dest_y = 320});
    add_text(mem, fs, p1, FACE_ITALIC, 72, 440, 12, "https://example.org/plan");
    add_box(mem, p1,
            (box){.kind = BOX_LINK,
                  .x = 72,
                  .y = 436,
                  .width = 150,
                  .height = 14,
                  .uri = "https://example.org/plan"});
    add_text(mem, fs, p2, FACE_BOLD, 72, 500, 18, "Mål ≥ 80" NBSP "% – uppföljning");
    add_text(mem, fs, p2, FACE_BOLD, 72, 300, 18, "Ekonomi");
    add_heading(mem, &d, 1, "Åtgärder för året", 0, 780);
    add_heading(mem, &d, 2, "Mål ≥ 80 % – uppföljning", 1, 520);
    add_heading(mem, &d, 3, "Ärende § 5", 1, 420);
    add_heading(mem, &d, 1, "Ekonomi", 1, 320);
    return d;
}

static const pdf_metadata sample_meta = {"Verksamhetsplan 2024", "Samordningsförbundet Samsund",
                                         "Plan och budget 2024–2026", "verksamhetsplan, budget",
                                         "sv-SE"};

static pdf_bytes render(test_fixture *fx, const layout_doc *d, diag_list *dl)
{
    pdf_bytes out;
    if (!pdf_render(d, fx->fonts, &sample_meta, "sample.pdf", &out, dl)) {
        diag_print_all(dl, stderr);
        fail_msg("pdf_render failed");
    }
    return out;
}

static const char *write_pdf(test_fixture *fx, const pdf_bytes *b, const char *name)
{
    const char *path = in_folder(fx, name);
    write_bytes(path, b->data, b->len);
    return path;
}

/* Runs a shell command; returns what it printed on standard output (and
 * standard error when the command says 2>&1) and its exit status. */
static char *run(test_fixture *fx, const char *cmd, int *status)
{
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    strbuf sb = {0};
    char buf[4096];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, p)) > 0)
        strbuf_append(&sb, buf, n);
    *status = pclose(p);
    char *text = arena_strndup(&fx->mem, sb.data ? sb.data : "", sb.len);
    strbuf_free(&sb);
    return text;
}

static char *run_ok(test_fixture *fx, const char *cmd)
{
    int status;
    char *out = run(fx, cmd, &status);
    if (status != 0)
        fail_msg("%s failed (%d):\n%s", cmd, status, out);
    return out;
}

/* Whether the PDF, its object stream unpacked by qpdf, says s. */
static bool contains(test_fixture *fx, const pdf_bytes *b, const char *s)
{
    const char *path = write_pdf(fx, b, "contains.pdf");
    char *qdf = run_ok(
        fx, arena_printf(&fx->mem, "qpdf --qdf --object-streams=disable '%s' - 2>&1", path));
    return strstr(qdf, s) != NULL;
}

/* mutool says this of itself, whatever the file. */
static char *without_mutool_notice(char *out)
{
    static const char notice[] = "warning: ICC support is not available\n";
    char *at = strstr(out, notice);
    if (at)
        memmove(at, at + strlen(notice), strlen(at + strlen(notice)) + 1);
    return out;
}

static void the_same_document_gives_the_same_bytes(void **state)
{
    test_fixture *fx = *state;
    unsetenv("SOURCE_DATE_EPOCH");
    diag_list dl;
    diag_list_init(&dl, &fx->mem);
    layout_doc d = sample_doc(&fx->mem, fx->fonts);
    pdf_bytes a = render(fx, &d, &dl), b = render(fx, &d, &dl);
    assert_int_equal(a.len, b.len);
    assert_memory_equal(a.data, b.data, a.len);
    assert_false(contains(fx, &a, "/CreationDate"));
    assert_int_equal(dl.count, 0);
    free(a.data);
    free(b.data);
}

typedef struct {
    test_fixture *fx;
    const layout_doc *doc;
    pdf_bytes bytes[3];
    bool ok;
} render_job;

static void *render_in_thread(void *arg)
{
    render_job *job = arg;
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    job->ok = true;
    for (int i = 0; i < 3; i++)
        job->ok &=
            pdf_render(job->doc, job->fx->fonts, &sample_meta, "sample.pdf", &job->bytes[i], &dl);
    arena_free(&mem);
    return NULL;
}

static void threads_sharing_the_fonts_write_the_same_bytes(void **state)
{
    test_fixture *fx = *state;
    unsetenv("SOURCE_DATE_EPOCH");
    diag_list dl;
    diag_list_init(&dl, &fx->mem);
    layout_doc d = sample_doc(&fx->mem, fx->fonts);
    pdf_bytes want = render(fx, &d, &dl);
    enum { THREADS = 4 };
    render_job jobs[THREADS];
    pthread_t threads[THREADS];
    for (int t = 0; t < THREADS; t++) {
        jobs[t] = (render_job){.fx = fx, .doc = &d};
        assert_int_equal(pthread_create(&threads[t], NULL, render_in_thread, &jobs[t]), 0);
    }
    for (int t = 0; t < THREADS; t++) {
        assert_int_equal(pthread_join(threads[t], NULL), 0);
        assert_true(jobs[t].ok);
        for (int i = 0; i < 3; i++) {
            assert_int_equal(jobs[t].bytes[i].len, want.len);
            assert_memory_equal(jobs[t].bytes[i].data, want.data, want.len);
            free(jobs[t].bytes[i].data);
        }
    }
    free(want.data);
}

static void dates_come_from_source_date_epoch(void **state)
{
    test_fixture *fx = *state;
    diag_list dl;
    diag_list_init(&dl, &fx->mem);
    layout_doc d = sample_doc(&fx->mem, fx->fonts);
    setenv("SOURCE_DATE_EPOCH", "1701043200", 1); /* 2023-11-27 00:00 UTC */
    pdf_bytes dated = render(fx, &d, &dl);
    assert_true(contains(fx, &dated, "/CreationDate (D:20231127000000Z)"));
    assert_true(contains(fx, &dated, "/ModDate (D:20231127000000Z)"));
    assert_int_equal(dl.count, 0);
    setenv("SOURCE_DATE_EPOCH", "last tuesday", 1);
    pdf_bytes undated = render(fx, &d, &dl);
    unsetenv("SOURCE_DATE_EPOCH");
    assert_false(contains(fx, &undated, "/CreationDate"));
    assert_int_equal(dl.warnings, 1);
    assert_non_null(strstr(dl.items[0].message, "SOURCE_DATE_EPOCH"));
    free(dated.data);
    free(undated.data);
}

/* The text with every no-break space as a space. */
static char *with_spaces(test_fixture *fx, const char *text)
{
    char *copy = arena_strdup(&fx->mem, text);
    char *at;
    while ((at = strstr(copy, NBSP)))
        memmove(at, at + 1, strlen(at + 1) + 1), *at = ' ';
    return copy;
}

static void readers_extract_every_character_without_warnings(void **state)
{
    test_fixture *fx = *state;
    diag_list dl;
    diag_list_init(&dl, &fx->mem);
    layout_doc d = sample_doc(&fx->mem, fx->fonts);
    pdf_bytes b = render(fx, &d, &dl);
    const char *path = write_pdf(fx, &b, "sample.pdf");
    run_ok(fx, arena_printf(&fx->mem, "qpdf --check '%s' >/dev/null", path));
    char *poppler = run_ok(
        fx, arena_printf(&fx->mem, "pdftotext -enc UTF-8 '%s' - 2>%s/err.txt", path, fx->dir));
    char *poppler_err = run_ok(fx, arena_printf(&fx->mem, "cat %s/err.txt", fx->dir));
    char *mupdf = run_ok(
        fx, arena_printf(&fx->mem, "mutool draw -q -F txt -o - '%s' 2>%s/err.txt", path, fx->dir));
    char *mupdf_err = run_ok(fx, arena_printf(&fx->mem, "cat %s/err.txt", fx->dir));
    assert_string_equal(poppler_err, "");
    assert_string_equal(without_mutool_notice(mupdf_err), "");
    /* Both readers give a no-break space as a space: it is checked in the
     * ToUnicode map below. */
    for (int f = 0; f < FACE_COUNT; f++) {
        char *want = with_spaces(fx, swedish_lines[f]);
        if (!strstr(poppler, want))
            fail_msg("pdftotext lost \"%s\":\n%s", want, poppler);
        if (!strstr(mupdf, want))
            fail_msg("mutool lost \"%s\":\n%s", want, mupdf);
    }
    assert_non_null(strstr(poppler, probe));
    assert_non_null(strstr(poppler, "Stora mellanrum, Tv"));
    assert_non_null(strstr(mupdf, "Stora mellanrum, Tv"));
    /* In every face the no-break space is the first character after ASCII,
     * code <80>, which the ToUnicode maps to U+00A0 and the text uses. */
    char *qdf = run_ok(
        fx,
        arena_printf(&fx->mem, "qpdf --qdf --object-streams=disable '%s' - | tr -d '\\000'", path));
    size_t maps = 0;
    for (const char *at = qdf; (at = strstr(at, "\n<80> <00A0>\n")); at++)
        maps++;
    assert_int_equal(maps, FACE_COUNT);
    assert_non_null(strstr(qdf, "313080303134")); /* "10", <80>, "014" as qpdf writes it */
    free(b.data);
}

/* Where pdftotext puts the word `word`, from its -bbox output. */
static void word_box(const char *html, const char *word, double *x_min, double *x_max)
{
    char tail[128];
    snprintf(tail, sizeof tail, "\">%s</word>", word);
    const char *end = strstr(html, tail);
    assert_non_null(end);
    const char *start = end;
    while (start > html && strncmp(start, "<word ", 6) != 0)
        start--;
    assert_int_equal(sscanf(start, "<word xMin=\"%lf\" yMin=\"%*f\" xMax=\"%lf\"", x_min, x_max),
                     2);
}

static void text_is_drawn_as_wide_as_it_was_measured(void **state)
{
    test_fixture *fx = *state;
    diag_list dl;
    diag_list_init(&dl, &fx->mem);
    layout_doc d = sample_doc(&fx->mem, fx->fonts);
    pdf_bytes b = render(fx, &d, &dl);
    const char *path = write_pdf(fx, &b, "widths.pdf");
    char *html = run_ok(fx, arena_printf(&fx->mem, "pdftotext -bbox -f 1 -l 1 '%s' - 2>&1", path));
    const font_set *fs = fx->fonts;
    double x_min, x_max;
    word_box(html, "AVATAR", &x_min, &x_max);
    double avatar = fonts_width(fs, FACE_REGULAR, PROBE_SIZE, "AVATAR", 6);
    assert_true(fonts_kerning(fs, FACE_REGULAR, PROBE_SIZE, 'A', 'V') < -1);
    assert_true(fabs(x_min - PROBE_X) < 0.001);
    assert_true(fabs(x_max - (PROBE_X + avatar)) < 0.001);
    word_box(html, "Tvätt", &x_min, &x_max);
    const char *second = strchr(probe, ' ');
    double before = fonts_width(fs, FACE_REGULAR, PROBE_SIZE, probe, (size_t)(second - probe) + 1);
    assert_true(fabs(x_min - (PROBE_X + before)) < 0.001);
    assert_true(fabs(x_max - (PROBE_X + fonts_width(fs, FACE_REGULAR, PROBE_SIZE, probe,
                                                    strlen(probe)))) < 0.001);
    for (int i = 0; i < 3; i++) {
        word_box(html, justified[i], &x_min, &x_max);
        double w = fonts_width(fs, FACE_REGULAR, 12, justified[i], strlen(justified[i]));
        assert_true(fabs(x_min - justified_x[i]) < 0.001);
        assert_true(fabs(x_max - (justified_x[i] + w)) < 0.001);
    }
    free(b.data);
}

static void links_outline_and_metadata_are_there(void **state)
{
    test_fixture *fx = *state;
    diag_list dl;
    diag_list_init(&dl, &fx->mem);
    layout_doc d = sample_doc(&fx->mem, fx->fonts);
    pdf_bytes b = render(fx, &d, &dl);
    const char *path = write_pdf(fx, &b, "links.pdf");
    char *outline = run_ok(fx, arena_printf(&fx->mem, "mutool show '%s' outline 2>&1", path));
    assert_non_null(strstr(outline, "\"Åtgärder för året\"\t#page=1"));
    assert_non_null(strstr(outline, "\"Mål ≥ 80 % – uppföljning\"\t#page=2"));
    assert_non_null(strstr(outline, "\t\t\"Ärende § 5\"\t#page=2"));
    /* mutool counts array items from 1 */
    char *annots =
        run_ok(fx, arena_printf(&fx->mem,
                                "mutool show '%s' pages/1/Annots/1 pages/1/Annots/1/Dest "
                                "pages/1/Annots/2 2>&1 | tr -s ' \\n' ' '",
                                path));
    assert_non_null(strstr(annots, "/Subtype /Link"));
    assert_non_null(strstr(annots, "/XYZ null 320 null ]"));
    assert_non_null(strstr(annots, "/S /URI /URI (https://example.org/plan)"));
    assert_non_null(strstr(annots, "/Border [ 0 0 0 ]"));
    char *target = run_ok(
        fx, arena_printf(&fx->mem, "mutool show '%s' pages/1/Annots/1/Dest/1 | head -1", path));
    char *page2 = run_ok(fx, arena_printf(&fx->mem, "mutool show '%s' pages/2 | head -1", path));
    assert_string_equal(target, page2);
    char *info = run_ok(fx, arena_printf(&fx->mem, "pdfinfo '%s' 2>&1", path));
    assert_non_null(strstr(info, "Title:           Verksamhetsplan 2024\n"));
    assert_non_null(strstr(info, "Author:          Samordningsförbundet Samsund\n"));
    assert_non_null(strstr(info, "Subject:         Plan och budget 2024–2026\n"));
    assert_non_null(strstr(info, "Keywords:        verksamhetsplan, budget\n"));
    assert_non_null(strstr(info, "Creator:         planpress"));
    assert_non_null(strstr(info, "Pages:           2\n"));
    char *lang = run_ok(fx, arena_printf(&fx->mem, "mutool show '%s' trailer/Root/Lang", path));
    assert_string_equal(lang, "(sv-SE)\n");
    free(b.data);
}

static void missing_characters_are_reported_and_kept_in_the_text(void **state)
{
    test_fixture *fx = *state;
    diag_list dl;
    diag_list_init(&dl, &fx->mem);
    layout_doc d = {.width = 595.276, .height = 841.89};
    layout_page *p = ARENA_PUSH(&fx->mem, d.pages, d.npages, d.pages_cap);
    *p = (layout_page){595.276, 841.89, NULL, 0, 0};
    add_text(&fx->mem, fx->fonts, p, FACE_ITALIC, 72, 700, 12, "Snö ☃ och 😀 i maj");
    pdf_bytes b = render(fx, &d, &dl);
    assert_int_equal(dl.warnings, 1);
    assert_non_null(strstr(dl.items[0].message, "LiberationSans-Italic.ttf"));
    assert_non_null(strstr(dl.items[0].message, "U+2603 \"☃\", U+1F600 \"😀\""));
    const char *path = write_pdf(fx, &b, "missing.pdf");
    char *text = run_ok(fx, arena_printf(&fx->mem, "pdftotext -enc UTF-8 '%s' - 2>&1", path));
    assert_non_null(strstr(text, "Snö ☃ och 😀 i maj"));
    free(b.data);
}

static void a_face_with_many_characters_uses_two_byte_codes(void **state)
{
    test_fixture *fx = *state;
    diag_list dl;
    diag_list_init(&dl, &fx->mem);
    layout_doc d = {.width = 595.276, .height = 841.89};
    layout_page *p = ARENA_PUSH(&fx->mem, d.pages, d.npages, d.pages_cap);
    *p = (layout_page){595.276, 841.89, NULL, 0, 0};
    /* Latin-1, Latin Extended-A, Greek and Cyrillic letters: over 256 */
    static const uint32_t starts[] = {0xC0, 0x100, 0x391, 0x410};
    char *lines[4];
    for (int l = 0; l < 4; l++) {
        strbuf sb = {0};
        for (uint32_t cp = starts[l]; cp < starts[l] + 64; cp++) {
            if (!fonts_has_glyph(fx->fonts, FACE_REGULAR, cp))
                continue;
            char u[3] = {(char)(0xC0 | cp >> 6), (char)(0x80 | (cp & 0x3F)), 0};
            strbuf_puts(&sb, u);
        }
        lines[l] = arena_strdup(&fx->mem, sb.data);
        strbuf_free(&sb);
        add_text(&fx->mem, fx->fonts, p, FACE_REGULAR, 40, 700 - 20 * l, 7, lines[l]);
    }
    pdf_bytes b = render(fx, &d, &dl);
    assert_int_equal(dl.count, 0);
    const char *path = write_pdf(fx, &b, "wide.pdf");
    char *fonts = run_ok(fx, arena_printf(&fx->mem, "pdffonts '%s' 2>&1", path));
    assert_non_null(strstr(fonts, "Identity-H"));
    char *text = run_ok(fx, arena_printf(&fx->mem, "pdftotext -enc UTF-8 '%s' - 2>&1", path));
    for (int l = 0; l < 4; l++)
        if (!strstr(text, lines[l]))
            fail_msg("lost \"%s\":\n%s", lines[l], text);
    free(b.data);
}

/* The PDFs written go to the fixture's folder (KEEP=1 keeps it). */
static int setup(void **state)
{
    *state = test_fixture_new(TEST_FONTS | TEST_FOLDER);
    return 0;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers_are_short_and_exact),
        cmocka_unit_test(kerned_text_is_shown_with_tj),
        cmocka_unit_test(words_of_a_line_share_one_tj),
        cmocka_unit_test(graphics_state_is_set_only_when_it_changes),
        cmocka_unit_test(the_same_document_gives_the_same_bytes),
        cmocka_unit_test(threads_sharing_the_fonts_write_the_same_bytes),
        cmocka_unit_test(dates_come_from_source_date_epoch),
        cmocka_unit_test(readers_extract_every_character_without_warnings),
        cmocka_unit_test(text_is_drawn_as_wide_as_it_was_measured),
        cmocka_unit_test(links_outline_and_metadata_are_there),
        cmocka_unit_test(missing_characters_are_reported_and_kept_in_the_text),
        cmocka_unit_test(a_face_with_many_characters_uses_two_byte_codes),
    };
    return cmocka_run_group_tests(tests, setup, test_teardown);
}
