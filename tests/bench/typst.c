/* Turns the Markdown of a plan (markdown.c's output) into Typst markup with
 * the same text, headings, lists, tables and footnotes, so that Typst can be
 * timed on the content planpress typesets: the cover block becomes a title
 * page, ```toc an outline, ```pagebreak a page break. For the benchmark only;
 * Debian's pandoc (2.17) has no Typst writer.
 * usage: typst < plan.md > plan.typ */
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "strbuf.h"

typedef struct {
    strbuf *out;
    cmark_node *root; /* for the footnote definitions */
    int list_depth;
    int notes; /* footnote references written so far */
} writer;

static void blocks(writer *w, cmark_node *first);

/* Text in Typst markup: every character with a meaning there escaped. */
static void text(writer *w, const char *s)
{
    for (; *s; s++) {
        if (strchr("\\*_#$@<>[]`~=-+/\"'", *s))
            strbuf_append(w->out, "\\", 1);
        strbuf_append(w->out, s, 1);
    }
}

/* Text as a Typst string literal. */
static void string(writer *w, const char *s)
{
    strbuf_append(w->out, "\"", 1);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            strbuf_append(w->out, "\\", 1);
        strbuf_append(w->out, s, 1);
    }
    strbuf_append(w->out, "\"", 1);
}

/* cmark-gfm puts the definitions at the end in the order of their first
 * references, as planpress numbers them. */
static cmark_node *footnote_definition(writer *w, int number)
{
    for (cmark_node *n = cmark_node_first_child(w->root); n; n = cmark_node_next(n))
        if (cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_DEFINITION && --number == 0)
            return n;
    return NULL;
}

static void inlines(writer *w, cmark_node *first);

static void wrapped(writer *w, const char *open, cmark_node *n)
{
    strbuf_printf(w->out, "%s", open);
    inlines(w, cmark_node_first_child(n));
    strbuf_append(w->out, "]", 1);
}

static void inline_node(writer *w, cmark_node *n)
{
    switch (cmark_node_get_type(n)) {
    case CMARK_NODE_TEXT: text(w, cmark_node_get_literal(n)); break;
    case CMARK_NODE_SOFTBREAK: strbuf_append(w->out, " ", 1); break;
    case CMARK_NODE_LINEBREAK: strbuf_printf(w->out, " \\\n"); break;
    case CMARK_NODE_EMPH: wrapped(w, "#emph[", n); break;
    case CMARK_NODE_STRONG: wrapped(w, "#strong[", n); break;
    case CMARK_NODE_CODE:
        strbuf_printf(w->out, "#raw(");
        string(w, cmark_node_get_literal(n));
        strbuf_printf(w->out, ")");
        break;
    case CMARK_NODE_LINK:
        strbuf_printf(w->out, "#link(");
        string(w, cmark_node_get_url(n));
        wrapped(w, ")[", n);
        break;
    case CMARK_NODE_FOOTNOTE_REFERENCE: {
        cmark_node *def = footnote_definition(w, ++w->notes);
        if (def) {
            strbuf_printf(w->out, "#footnote[");
            for (cmark_node *b = cmark_node_first_child(def); b; b = cmark_node_next(b))
                inlines(w, cmark_node_first_child(b));
            strbuf_printf(w->out, "]");
        }
        break;
    }
    default: /* strikethrough and others: their text */
        inlines(w, cmark_node_first_child(n));
        break;
    }
}

static void inlines(writer *w, cmark_node *first)
{
    for (cmark_node *n = first; n; n = cmark_node_next(n))
        inline_node(w, n);
}

/* A fenced block of planpress's own: cover, toc, pagebreak. */
static void fence(writer *w, cmark_node *n)
{
    const char *info = cmark_node_get_fence_info(n);
    const char *body = cmark_node_get_literal(n);
    if (strcmp(info, "toc") == 0) {
        strbuf_printf(w->out, "#outline(title: none)\n\n");
    } else if (strcmp(info, "pagebreak") == 0) {
        strbuf_printf(w->out, "#pagebreak()\n\n");
    } else if (strcmp(info, "cover") == 0) {
        /* "key: value" lines: the title large, the rest below it */
        strbuf_printf(w->out, "#page(numbering: none)[#v(30%%)\n");
        for (const char *line = body; *line;) {
            const char *end = strchr(line, '\n');
            size_t len = end ? (size_t)(end - line) : strlen(line);
            const char *colon = memchr(line, ':', len);
            if (colon) {
                char *value = strndup(colon + 2 <= line + len ? colon + 2 : colon + 1,
                                      len - (size_t)(colon + 1 - line) - (colon[1] == ' '));
                bool title = strncmp(line, "title:", 6) == 0;
                strbuf_printf(w->out, title ? "#text(size: 28pt, weight: \"bold\")[" : "#text[");
                text(w, value);
                strbuf_printf(w->out, "]\n\n");
                free(value);
            }
            line += len + (end != NULL);
        }
        strbuf_printf(w->out, "]\n\n");
    } else {
        strbuf_printf(w->out, "#raw(block: true, ");
        string(w, body);
        strbuf_printf(w->out, ")\n\n");
    }
}

static void table(writer *w, cmark_node *t)
{
    int columns = (int)cmark_gfm_extensions_get_table_columns(t);
    uint8_t *align = cmark_gfm_extensions_get_table_alignments(t);
    strbuf_printf(w->out, "#table(columns: %d, align: (", columns);
    for (int c = 0; c < columns; c++)
        strbuf_printf(w->out, "%s, ", align && align[c] == 'r' ? "right" : "left");
    strbuf_printf(w->out, "),\n");
    for (cmark_node *row = cmark_node_first_child(t); row; row = cmark_node_next(row)) {
        bool header = cmark_gfm_extensions_get_table_row_is_header(row);
        strbuf_printf(w->out, header ? "  table.header(" : "  ");
        for (cmark_node *cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell))
            wrapped(w, "[", cell), strbuf_printf(w->out, ", ");
        strbuf_printf(w->out, header ? "),\n" : "\n");
    }
    strbuf_printf(w->out, ")\n\n");
}

static void list(writer *w, cmark_node *l)
{
    bool ordered = cmark_node_get_list_type(l) == CMARK_ORDERED_LIST;
    for (cmark_node *item = cmark_node_first_child(l); item; item = cmark_node_next(item)) {
        for (int i = 0; i < w->list_depth; i++)
            strbuf_printf(w->out, "  ");
        strbuf_printf(w->out, ordered ? "+ " : "- ");
        w->list_depth++;
        for (cmark_node *b = cmark_node_first_child(item); b; b = cmark_node_next(b)) {
            if (cmark_node_get_type(b) == CMARK_NODE_PARAGRAPH) {
                inlines(w, cmark_node_first_child(b));
                strbuf_printf(w->out, "\n");
            } else {
                blocks(w, b);
            }
        }
        w->list_depth--;
    }
    if (w->list_depth == 0)
        strbuf_printf(w->out, "\n");
}

static void block(writer *w, cmark_node *n)
{
    cmark_node_type type = cmark_node_get_type(n);
    if (type == CMARK_NODE_HEADING) {
        for (int i = 0; i < cmark_node_get_heading_level(n); i++)
            strbuf_append(w->out, "=", 1);
        strbuf_append(w->out, " ", 1);
        inlines(w, cmark_node_first_child(n));
        strbuf_printf(w->out, "\n\n");
    } else if (type == CMARK_NODE_PARAGRAPH) {
        inlines(w, cmark_node_first_child(n));
        strbuf_printf(w->out, "\n\n");
    } else if (type == CMARK_NODE_LIST) {
        list(w, n);
    } else if (type == CMARK_NODE_CODE_BLOCK) {
        fence(w, n);
    } else if (type == CMARK_NODE_BLOCK_QUOTE) {
        strbuf_printf(w->out, "#quote(block: true)[\n");
        blocks(w, cmark_node_first_child(n));
        strbuf_printf(w->out, "]\n\n");
    } else if (type == CMARK_NODE_THEMATIC_BREAK) {
        strbuf_printf(w->out, "#line(length: 100%%)\n\n");
    } else if (strcmp(cmark_node_get_type_string(n), "table") == 0) {
        table(w, n);
    }
    /* footnote definitions are written where they are referenced; HTML is dropped */
}

static void blocks(writer *w, cmark_node *first)
{
    for (cmark_node *n = first; n; n = cmark_node_next(n))
        block(w, n);
}

int main(void)
{
    strbuf md = {0};
    if (!strbuf_append_stream(&md, stdin, 16u << 20)) {
        fputs("typst: cannot read the Markdown\n", stderr);
        return 1;
    }
    cmark_gfm_core_extensions_ensure_registered();
    cmark_parser *p = cmark_parser_new(CMARK_OPT_FOOTNOTES);
    const char *extensions[] = {"table", "strikethrough", "autolink"};
    for (size_t i = 0; i < sizeof extensions / sizeof *extensions; i++)
        cmark_parser_attach_syntax_extension(p, cmark_find_syntax_extension(extensions[i]));
    cmark_parser_feed(p, md.data ? md.data : "", md.len);
    cmark_node *root = cmark_parser_finish(p);
    strbuf out = {0};
    strbuf_printf(&out, "#set document(title: \"Verksamhetsplan\")\n"
                        "#set page(paper: \"a4\", margin: 2.5cm, numbering: \"1\")\n"
                        "#set text(font: \"Liberation Sans\", size: 10pt, lang: \"sv\")\n"
                        "#set par(justify: true)\n"
                        "#set heading(numbering: \"1.1\")\n\n");
    writer w = {&out, root, 0, 0};
    blocks(&w, cmark_node_first_child(root));
    fwrite(out.data, 1, out.len, stdout);
    strbuf_free(&out);
    strbuf_free(&md);
    cmark_node_free(root);
    cmark_parser_free(p);
    return 0;
}
