/* Markdown escaping checked with the parser the typesetter uses (cmark-gfm
 * with tables, strikethrough and autolinks): a value with markup characters
 * interpolated into a paragraph, a line of its own, a table cell, a heading
 * or a list item parses back to exactly its text (a line end in the value
 * reads as a space: no line can break inside a table row or a heading), and
 * the block around it stays what it was. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <cmocka.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "mustache.h"

static const char *const values[] = {
    "Lön*bidrag_2024_ | extra #1 [a] <b> 1. - x",
    "1. Inledning",
    "2) Andra",
    "1986. Ett bra år",
    "10.",
    "- punkt",
    "-1",
    "+ plus",
    "* stjärna",
    "# rubrik",
    "## Rubrik ##",
    "C#",
    "#hashtag",
    "> citat",
    "---",
    "***",
    "___",
    "===",
    "= lika",
    "```kod```",
    "~~~",
    "~~struken~~",
    "**fet** och *kursiv* och _understruken_",
    "a_b_c",
    "`kod`",
    "[länk](x)",
    "![bild](x.png)",
    "[^1]",
    "[a]: /url",
    "<div>html</div>",
    "<!-- kommentar -->",
    "&amp; &copy; &#65; &",
    "a\\b",
    "trailing \\",
    "\\|",
    "|",
    "a | b | c",
    "*",
    "_",
    "#",
    "!",
    "Kostnad: 10 014 tkr (−745), 20 %",
    "Samordningsförbundet Samsund & Co",
    "\"citat\" 'enkla'",
    "tab\there",
    "rad ett\nrad två",
    "rad ett\n\nrad tre",
    "rad ett\r\n# rad två",
    "Ett | två\n- tre\n1. fyra",
};

static cmark_node *parse(const char *markdown)
{
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser *parser = cmark_parser_new(CMARK_OPT_FOOTNOTES);
    static const char *const extensions[] = {"table", "strikethrough", "autolink"};
    for (size_t i = 0; i < sizeof extensions / sizeof extensions[0]; i++)
        cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(extensions[i]));
    cmark_parser_feed(parser, markdown, strlen(markdown));
    cmark_node *doc = cmark_parser_finish(parser);
    cmark_parser_free(parser);
    return doc;
}

/* The text of the inlines under `node`. Any inline but plain text means that
 * some character was read as markup: its type is written in brackets. */
static void collect_text(cmark_node *node, strbuf *sb)
{
    for (cmark_node *n = cmark_node_first_child(node); n; n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) == CMARK_NODE_TEXT)
            strbuf_puts(sb, cmark_node_get_literal(n));
        else
            strbuf_printf(sb, "[%s]", cmark_node_get_type_string(n));
    }
}

static const char *type_of(cmark_node *n)
{
    return n ? cmark_node_get_type_string(n) : "nothing";
}

/* Checks the blocks of a parsed document; returns the node holding the value. */
typedef cmark_node *(*finder)(cmark_node *doc);

/* The only child of `n`, of type `type`, or NULL. */
static cmark_node *only_child(cmark_node *n, const char *type)
{
    cmark_node *c = n ? cmark_node_first_child(n) : NULL;
    return c && strcmp(type_of(c), type) == 0 && !cmark_node_next(c) ? c : NULL;
}

static cmark_node *find_paragraph(cmark_node *doc)
{
    return only_child(doc, "paragraph");
}

static cmark_node *find_heading(cmark_node *doc)
{
    cmark_node *h = only_child(doc, "heading");
    return h && cmark_node_get_heading_level(h) == 1 ? h : NULL;
}

static cmark_node *find_list_item(cmark_node *doc)
{
    cmark_node *list = only_child(doc, "list");
    if (!list || cmark_node_get_list_type(list) != CMARK_BULLET_LIST)
        return NULL;
    return only_child(only_child(list, "item"), "paragraph");
}

/* A table of a header row and one body row of two cells; the value is in
 * the body row's first cell and the second cell still holds "x". */
static cmark_node *find_table_cell(cmark_node *doc)
{
    cmark_node *table = only_child(doc, "table");
    cmark_node *header = table ? cmark_node_first_child(table) : NULL;
    cmark_node *row = header ? cmark_node_next(header) : NULL;
    if (!row || cmark_node_next(row))
        return NULL;
    cmark_node *first = cmark_node_first_child(row);
    cmark_node *second = first ? cmark_node_next(first) : NULL;
    if (!second || cmark_node_next(second))
        return NULL;
    strbuf sb = {0};
    collect_text(second, &sb);
    bool intact = sb.data && strcmp(sb.data, "x") == 0;
    strbuf_free(&sb);
    return intact ? first : NULL;
}

/* Interpolates every value between `before` and `after`; the text found by
 * `find` must be `text_before`, the value, `text_after`. */
static void check(const char *before, const char *after, finder find, const char *text_before,
                  const char *text_after)
{
    for (size_t i = 0; i < sizeof values / sizeof values[0]; i++) {
        const char *v = values[i];
        strbuf markdown = {0}, want = {0}, got = {0};
        strbuf_puts(&markdown, before);
        mustache_escape_text(&markdown, v, strlen(v), MUSTACHE_ESCAPE_MARKDOWN);
        strbuf_puts(&markdown, after);

        strbuf_puts(&want, text_before);
        for (const char *p = v; *p; p++) {
            if (*p == '\r' && p[1] == '\n')
                continue;
            strbuf_putc(&want, *p == '\n' ? ' ' : *p);
        }
        strbuf_puts(&want, text_after);

        cmark_node *doc = parse(markdown.data);
        cmark_node *holder = find(doc);
        if (!holder)
            fail_msg("value \"%s\" as Markdown \"%s\" changes the blocks around it", v,
                     markdown.data);
        collect_text(holder, &got);
        if (!got.data || strcmp(got.data, want.data) != 0)
            fail_msg("value \"%s\" as Markdown \"%s\" reads back as \"%s\"", v, markdown.data,
                     got.data ? got.data : "");
        cmark_node_free(doc);
        strbuf_free(&markdown);
        strbuf_free(&want);
        strbuf_free(&got);
    }
}

static void in_a_paragraph(void **state)
{
    (void)state;
    check("Text ", " slut.\n", find_paragraph, "Text ", " slut.");
}

static void on_a_line_of_its_own(void **state)
{
    (void)state;
    check("", "\n", find_paragraph, "", "");
}

static void in_a_table_cell(void **state)
{
    (void)state;
    check("| A | B |\n|---|---|\n| ", " | x |\n", find_table_cell, "", "");
}

static void in_a_heading(void **state)
{
    (void)state;
    check("# ", "\n", find_heading, "", "");
}

static void in_a_list_item(void **state)
{
    (void)state;
    check("- ", "\n", find_list_item, "", "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(in_a_paragraph),  cmocka_unit_test(on_a_line_of_its_own),
        cmocka_unit_test(in_a_table_cell), cmocka_unit_test(in_a_heading),
        cmocka_unit_test(in_a_list_item),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
