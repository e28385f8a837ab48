#include "style.h"

#include <stdio.h>
#include <string.h>

#include "yamltree.h"
#include "yread.h"

static const double MM = 72.0 / 25.4;

static style default_style(void)
{
    style s = {
        .page_width = 210 * MM,
        .page_height = 297 * MM,
        .margin_top = 25 * MM,
        .margin_bottom = 25 * MM,
        .margin_left = 25 * MM,
        .margin_right = 25 * MM,
        .body = {.size = 10.5, .space_after = 6},
        .leading = 1.35,
        .headings = {{.size = 18, .space_before = 18, .space_after = 8},
                     {.size = 14, .space_before = 14, .space_after = 6},
                     {.size = 12, .space_before = 10, .space_after = 4}},
        .table = {.size = 9.5, .space_before = 6, .space_after = 10},
        .code = {.size = 9, .space_before = 4, .space_after = 8},
        .footnotes = {.size = 8.5, .space_before = 12, .space_after = 2},
        .header = {.size = 8, .color = 0x555555},
        .footer = {.size = 8, .color = 0x555555},
        .list_indent = 16,
        .rule_color = 0x808080,
        .link_color = 0x1f3864,
        .hyphenation = {.left_min = 2, .right_min = 3, .min_word = 6},
        .justification = {.expansion = 0.02, .protrusion = true},
        .cover = {.title = {.size = 30},
                  .subtitle = {.size = 15},
                  .decision = {.size = 11},
                  .association = {.size = 14},
                  .title_top = 90 * MM},
        .tables = {.wide = WIDE_TABLE_LANDSCAPE, .min_size = 7.5, .header_fill = 0xE9EDF4},
        .toc = {.levels = 2, .size = 10.5, .indent = 6 * MM},
        .chart = {.height = 60 * MM,
                  .size = 8,
                  .values = true,
                  .colors = {0x1F3864, 0x5B9BD5, 0xED7D31, 0xA5A5A5, 0x70AD47, 0xFFC000},
                  .ncolors = 6},
        .signatures = {.space = 34},
    };
    return s;
}

static void read_color(yread *rd, const ynode *n, const char *path, uint32_t *out)
{
    unsigned v;
    char tail;
    if (n->kind != YNODE_SCALAR || n->len != 7 || sscanf(n->text, "#%6x%c", &v, &tail) != 1) {
        yread_error(rd, n, path, "expected a colour written #RRGGBB, found %s",
                    n->kind == YNODE_SCALAR ? n->text : ynode_kind_name(n));
        return;
    }
    *out = v;
}

static void read_text_style(yread *rd, const ynode *n, const char *path, text_style *ts)
{
    static const char *const keys[] = {"size",  "space_before", "space_after",
                                       "color", "align",        NULL};
    static const char *const alignments[] = {"left", "justify", NULL};
    if (!yread_map(rd, n, path, keys))
        return;
    const ynode *v;
    if ((v = ymap_get(n, "size")))
        yread_number(rd, v, yread_key_path(rd, path, "size"), 4, 72, &ts->size);
    if ((v = ymap_get(n, "space_before")))
        yread_number(rd, v, yread_key_path(rd, path, "space_before"), 0, 200, &ts->space_before);
    if ((v = ymap_get(n, "space_after")))
        yread_number(rd, v, yread_key_path(rd, path, "space_after"), 0, 200, &ts->space_after);
    if ((v = ymap_get(n, "color")))
        read_color(rd, v, yread_key_path(rd, path, "color"), &ts->color);
    int align;
    if ((v = ymap_get(n, "align")) &&
        (align = yread_choice(rd, v, yread_key_path(rd, path, "align"), alignments)) >= 0)
        ts->justify = align == 1;
}

static void read_flag(yread *rd, const ynode *n, const char *path, bool *out)
{
    static const char *const flags[] = {"false", "true", NULL};
    int v = yread_choice(rd, n, path, flags);
    if (v >= 0)
        *out = v == 1;
}

static void read_count(yread *rd, const ynode *map, const char *key, const char *path, int *out)
{
    const ynode *v = ymap_get(map, key);
    int64_t n;
    if (v && yread_integer(rd, v, yread_key_path(rd, path, key), 1, 10, &n))
        *out = (int)n;
}

static void read_mm(yread *rd, const ynode *map, const char *key, const char *path, double *out)
{
    const ynode *v = ymap_get(map, key);
    double mm;
    if (v && yread_number(rd, v, yread_key_path(rd, path, key), 0, 2000, &mm))
        *out = mm * MM;
}

static void read_page(yread *rd, const ynode *n, style *s)
{
    static const char *const keys[] = {
        "width_mm",        "height_mm", "margin_top_mm", "margin_bottom_mm", "margin_left_mm",
        "margin_right_mm", NULL};
    if (!yread_map(rd, n, "page", keys))
        return;
    read_mm(rd, n, "width_mm", "page", &s->page_width);
    read_mm(rd, n, "height_mm", "page", &s->page_height);
    read_mm(rd, n, "margin_top_mm", "page", &s->margin_top);
    read_mm(rd, n, "margin_bottom_mm", "page", &s->margin_bottom);
    read_mm(rd, n, "margin_left_mm", "page", &s->margin_left);
    read_mm(rd, n, "margin_right_mm", "page", &s->margin_right);
    /* At least an inch of text either way, or nothing readable fits. */
    const double least = 72;
    if (s->page_width - s->margin_left - s->margin_right < least ||
        s->page_height - s->margin_top - s->margin_bottom < least)
        yread_error(rd, n, "page",
                    "the margins leave no room for text: at least 25 mm must remain across "
                    "and down the page");
}

static void read_fonts(yread *rd, const ynode *n, style *s)
{
    static const char *const keys[] = {"regular", "bold", "italic", "bold_italic", "mono", NULL};
    if (!yread_map(rd, n, "fonts", keys))
        return;
    for (int f = 0; f < FACE_COUNT; f++)
        s->font_files[f] = yread_get_text(rd, n, keys[f], "fonts", true);
}

static void read_running(yread *rd, const ynode *n, style *s)
{
    static const char *const keys[] = {"header_left", "header_right", "footer", NULL};
    if (!yread_map(rd, n, "running", keys))
        return;
    s->header_left = yread_get_text(rd, n, "header_left", "running", false);
    s->header_right = yread_get_text(rd, n, "header_right", "running", false);
    s->footer_center = yread_get_text(rd, n, "footer", "running", false);
}

static void read_hyphenation(yread *rd, const ynode *n, style *s)
{
    static const char *const keys[] = {"dictionary", "left_min", "right_min",
                                       "min_word",   "exceptions", NULL};
    if (!yread_map(rd, n, "hyphenation", keys))
        return;
    s->hyphenation.dictionary = yread_get_text(rd, n, "dictionary", "hyphenation", true);
    read_count(rd, n, "left_min", "hyphenation", &s->hyphenation.left_min);
    read_count(rd, n, "right_min", "hyphenation", &s->hyphenation.right_min);
    read_count(rd, n, "min_word", "hyphenation", &s->hyphenation.min_word);
    const ynode *v = ymap_get(n, "exceptions");
    if (v && yread_expect(rd, v, "hyphenation.exceptions", YNODE_SEQ)) {
        for (size_t i = 0; i < v->count; i++) {
            const char *path = yread_index_path(rd, "hyphenation.exceptions", i);
            const char *word = yread_text(rd, v->items[i], path);
            if (word && !hyphen_exceptions_add(rd->mem, &s->hyphenation.exceptions, word,
                                               strlen(word)))
                yread_error(rd, v->items[i], path,
                            "expected a word of letters with hyphens where it may be broken, "
                            "found %s",
                            word);
        }
    }
}

static void read_justification(yread *rd, const ynode *n, style *s)
{
    static const char *const keys[] = {"expansion_percent", "protrusion", NULL};
    if (!yread_map(rd, n, "justification", keys))
        return;
    const ynode *v;
    double percent;
    if ((v = ymap_get(n, "expansion_percent")) &&
        yread_number(rd, v, "justification.expansion_percent", 0, 5, &percent))
        s->justification.expansion = percent / 100;
    if ((v = ymap_get(n, "protrusion")))
        read_flag(rd, v, "justification.protrusion", &s->justification.protrusion);
}

static void read_cover(yread *rd, const ynode *n, style *s)
{
    static const char *const keys[] = {"title",        "subtitle",   "decision", "association",
                                       "title_top_mm", "band_color", NULL};
    if (!yread_map(rd, n, "cover", keys))
        return;
    cover_style *c = &s->cover;
    text_style *parts[] = {&c->title, &c->subtitle, &c->decision, &c->association};
    for (size_t i = 0; i < 4; i++) {
        const ynode *v = ymap_get(n, keys[i]);
        if (v)
            read_text_style(rd, v, yread_key_path(rd, "cover", keys[i]), parts[i]);
    }
    read_mm(rd, n, "title_top_mm", "cover", &c->title_top);
    const ynode *v = ymap_get(n, "band_color");
    if (v)
        read_color(rd, v, "cover.band_color", &c->band_color);
}

/* ---- tables, tables of contents, charts, signature blocks ---------------- */

static void read_tables(yread *rd, const ynode *n, table_look *t)
{
    static const char *const keys[] = {"wide", "min_size", "header_fill", NULL};
    static const char *const modes[] = {"landscape", "shrink", NULL};
    if (!yread_map(rd, n, "tables", keys))
        return;
    const ynode *v;
    int mode;
    if ((v = ymap_get(n, "wide")) && (mode = yread_choice(rd, v, "tables.wide", modes)) >= 0)
        t->wide = (wide_table_mode)mode;
    if ((v = ymap_get(n, "min_size")))
        yread_number(rd, v, "tables.min_size", 4, 72, &t->min_size);
    if ((v = ymap_get(n, "header_fill")))
        read_color(rd, v, "tables.header_fill", &t->header_fill);
}

static void read_toc(yread *rd, const ynode *n, toc_look *t)
{
    static const char *const keys[] = {"levels", "size", "indent_mm", NULL};
    if (!yread_map(rd, n, "toc", keys))
        return;
    const ynode *v;
    int64_t levels;
    if ((v = ymap_get(n, "levels")) && yread_integer(rd, v, "toc.levels", 1, 6, &levels))
        t->levels = (int)levels;
    if ((v = ymap_get(n, "size")))
        yread_number(rd, v, "toc.size", 4, 72, &t->size);
    read_mm(rd, n, "indent_mm", "toc", &t->indent);
}

static void read_chart(yread *rd, const ynode *n, chart_look *c)
{
    static const char *const keys[] = {"height_mm", "size", "values", "colors", NULL};
    if (!yread_map(rd, n, "chart", keys))
        return;
    const ynode *v;
    read_mm(rd, n, "height_mm", "chart", &c->height);
    if ((v = ymap_get(n, "size")))
        yread_number(rd, v, "chart.size", 4, 72, &c->size);
    if ((v = ymap_get(n, "values")))
        read_flag(rd, v, "chart.values", &c->values);
    if ((v = ymap_get(n, "colors")) && yread_expect(rd, v, "chart.colors", YNODE_SEQ)) {
        if (v->count == 0 || v->count > CHART_MAX_COLORS) {
            yread_error(rd, v, "chart.colors", "expected 1 to %d colours, found %zu",
                        CHART_MAX_COLORS, v->count);
            return;
        }
        c->ncolors = v->count;
        for (size_t i = 0; i < v->count; i++)
            read_color(rd, v->items[i], yread_index_path(rd, "chart.colors", i), &c->colors[i]);
    }
}

static void read_signatures(yread *rd, const ynode *n, signature_look *s)
{
    static const char *const keys[] = {"space", NULL};
    const ynode *v;
    if (yread_map(rd, n, "signatures", keys) && (v = ymap_get(n, "space")))
        yread_number(rd, v, "signatures.space", 0, 200, &s->space);
}

static void read_blocks(yread *rd, const ynode *root, style *s)
{
    const ynode *v;
    if ((v = ymap_get(root, "tables")))
        read_tables(rd, v, &s->tables);
    if ((v = ymap_get(root, "toc")))
        read_toc(rd, v, &s->toc);
    if ((v = ymap_get(root, "chart")))
        read_chart(rd, v, &s->chart);
    if ((v = ymap_get(root, "signatures")))
        read_signatures(rd, v, &s->signatures);
}

/* The keys of a style file onto `s`. An association's style (`overlay`)
 * changes the default style's keys; fonts and hyphenation are the default
 * style's alone, loaded once for every document. */
static void read_style(yread *rd, const ynode *root, style *s, bool overlay)
{
    const ynode *v;
    if ((v = ymap_get(root, "page")))
        read_page(rd, v, s);
    if (overlay) {
        static const char *const shared[] = {"fonts", "hyphenation"};
        for (size_t i = 0; i < 2; i++)
            if ((v = ymap_get(root, shared[i])))
                yread_error(rd, v, shared[i],
                            "set once for every document, in the default "
                            "templates/style.yaml; an association's style may change the other "
                            "keys");
    } else if ((v = yread_require(rd, root, "fonts", ""))) {
        read_fonts(rd, v, s);
    }
    if ((v = ymap_get(root, "body")))
        read_text_style(rd, v, "body", &s->body);
    if ((v = ymap_get(root, "leading")))
        yread_number(rd, v, "leading", 0.8, 3, &s->leading);
    if ((v = ymap_get(root, "headings")) && yread_expect(rd, v, "headings", YNODE_SEQ)) {
        for (size_t i = 0; i < v->count && i < 3; i++)
            read_text_style(rd, v->items[i], yread_index_path(rd, "headings", i), &s->headings[i]);
    }
    if ((v = ymap_get(root, "heading_numbers")))
        read_flag(rd, v, "heading_numbers", &s->heading_numbers);
    const struct {
        const char *key;
        text_style *ts;
    } texts[] = {{"table", &s->table},   {"code", &s->code},     {"footnotes", &s->footnotes},
                 {"header", &s->header}, {"footer", &s->footer}};
    for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++)
        if ((v = ymap_get(root, texts[i].key)))
            read_text_style(rd, v, texts[i].key, texts[i].ts);
    if ((v = ymap_get(root, "list_indent")))
        yread_number(rd, v, "list_indent", 0, 100, &s->list_indent);
    if ((v = ymap_get(root, "running")))
        read_running(rd, v, s);
    if ((v = ymap_get(root, "rule_color")))
        read_color(rd, v, "rule_color", &s->rule_color);
    if ((v = ymap_get(root, "link_color")))
        read_color(rd, v, "link_color", &s->link_color);
    if (!overlay && (v = ymap_get(root, "hyphenation")))
        read_hyphenation(rd, v, s);
    if ((v = ymap_get(root, "justification")))
        read_justification(rd, v, s);
    if ((v = ymap_get(root, "cover")))
        read_cover(rd, v, s);
    read_blocks(rd, root, s);
}

static style *load_onto(arena *mem, const style *base, const char *path, diag_list *dl)
{
    size_t errors_before = dl->errors;
    ynode *root = ytree_load_file(mem, path, dl);
    if (!root)
        return NULL;
    yread rd = {mem, dl};
    static const char *const keys[] = {
        "page",       "fonts",      "body",       "leading",     "headings", "heading_numbers",
        "table",      "code",       "footnotes",  "header",      "footer",   "list_indent",
        "rule_color", "link_color", "running",    "hyphenation", "cover",    "tables",
        "toc",        "chart",      "signatures", "justification", NULL};
    if (!yread_map(&rd, root, "", keys))
        return NULL;
    style *s = ARENA_NEW(mem, style);
    *s = base ? *base : default_style();
    read_style(&rd, root, s, base != NULL);
    return dl->errors > errors_before ? NULL : s;
}

style *style_load(arena *mem, const char *path, diag_list *dl)
{
    return load_onto(mem, NULL, path, dl);
}

style *style_load_over(arena *mem, const style *base, const char *path, diag_list *dl)
{
    return load_onto(mem, base, path, dl);
}
