/* typeset: what the modules of the typesetting stage share (layout, inline,
 * linebreak, lines, footnotes, cover, table, fence, toc, chart, signatures):
 * the state of a layout in progress, inline pieces, lines and the page
 * primitives. Internal to the stage; the public face is layout.h. */
#ifndef PP_TYPESET_H
#define PP_TYPESET_H

#include <cmark-gfm.h>

#include "hyphenate.h"
#include "layout.h"
#include "yamltree.h"

/* A piece of inline text in one face: a word, a space or a forced break. */
typedef enum { PIECE_WORD, PIECE_SPACE, PIECE_BREAK } piece_kind;

typedef struct {
    piece_kind kind;
    face_style face;
    const char *text;
    size_t len;
    double width;
    double size;     /* points */
    double rise;     /* baseline shift up: footnote references */
    const char *uri; /* the target of a link, or NULL */
    int note;        /* the number of the footnote a reference points to, or 0 */
} piece;

typedef struct {
    piece *items;
    size_t count, cap;
    const font_set *fonts; /* what measured the pieces: set by inline_* */
} piece_list;

typedef struct footnotes footnotes;
typedef struct toc_list toc_list;

/* A heading waiting for what follows it: when a new page starts before
 * anything else is set, the heading moves to the new page. */
typedef struct {
    bool active;
    bool setting;              /* the heading is being set */
    size_t page, box, heading; /* where it starts: page, box and heading indexes */
    double y;
} kept_heading;

/* A list marker waiting for the first line of its item. */
typedef struct {
    const char *text; /* NULL: none */
    face_style face;
    double size, right; /* right: x where the marker ends */
    uint32_t color;
} list_marker;

typedef struct {
    arena *mem;
    const style *st;
    const font_set *fonts;
    const hyphenator *hyph; /* NULL: no hyphenation */
    const hyphen_exceptions *exceptions; /* the style's and the association's */
    layout_doc *doc;
    layout_page *page;
    double y; /* distance from the top of the page to the top of the next line */
    footnotes *notes;
    bool *plain_pages; /* pages without running header and footer (the cover) */
    size_t plain_cap;
    kept_heading keep;
    list_marker marker;
    int heading_numbers[3];
    diag_list *dl;
    const char *source; /* names the Markdown in diagnostics */
    toc_list *tocs;     /* tables of contents waiting for page numbers */
} layout_state;

typedef struct {
    double x, width; /* the column blocks are set in */
} column;

/* A line: pieces [start, end) without the spaces at either end, of which the
 * first may begin inside a word (start_off) and the last may end inside one
 * (end_len), when a word is broken across lines. */
typedef struct {
    size_t start, end;
    size_t start_off;   /* bytes of pieces[start] already set on the line before */
    size_t end_len;     /* bytes of pieces[end - 1] set on this line, from its start */
    double width;       /* natural width, an added hyphen included */
    double space_scale; /* the width of every space but those in code is multiplied by this */
    double glyph_scale; /* font expansion: the width of the words is multiplied by this */
    double badness;     /* 100 r^3 for the adjustment ratio r; 0 on a last line */
    bool hyphen;        /* a hyphen is added at the end */
    bool flagged;       /* ends in a hyphen: added, or written in the word */
    bool overfull;      /* wider than the column even with spaces shrunk */
} line_span;

typedef enum { ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT, ALIGN_JUSTIFY } text_align;

/* pages (layout.c) */
double page_top(const layout_state *ls);
/* The lowest point text may reach: above the footnotes of the page. */
double page_bottom(const layout_state *ls);
double page_body_left(const layout_state *ls);
double page_body_width(const layout_state *ls);
void page_new(layout_state *ls);
/* A new page of another size than the document's: a landscape page. */
void page_new_sized(layout_state *ls, double width, double height);
bool page_is_empty(const layout_state *ls);
/* Makes room for `height` points, starting a new page when they do not fit. */
void page_need(layout_state *ls, double height);
/* Vertical space, dropped at the top of a page. */
void page_add_space(layout_state *ls, double points);
void emit_text(layout_state *ls, double x, double baseline_from_top, face_style face, double size,
               uint32_t color, const char *text, size_t len, double width);
/* The same with the glyphs scaled horizontally by `glyph_scale` (font
 * expansion): `width` is the scaled advance. */
void emit_text_scaled(layout_state *ls, double x, double baseline_from_top, face_style face,
                      double size, uint32_t color, const char *text, size_t len, double width,
                      double glyph_scale);
void emit_rule(layout_state *ls, double x, double y_from_top, double length, double thickness,
               uint32_t color);
void emit_line(layout_state *ls, double x, double y_from_top, double x2, double y2_from_top,
               double thickness, uint32_t color);
void emit_rect(layout_state *ls, double x, double top, double width, double height, uint32_t color);
void emit_link(layout_state *ls, double x, double top, double width, double height,
               const char *uri);
/* A clickable area to `dest_y` (PDF y) on page `dest_page` of the document. */
void emit_link_to(layout_state *ls, double x, double top, double width, double height,
                  size_t dest_page, double dest_y);

/* inline content (inline.c) */
face_style with_bold(face_style f);
face_style with_italic(face_style f);
void inline_add_text(layout_state *ls, piece_list *pl, face_style face, const char *s, double size);
void inline_collect(layout_state *ls, cmark_node *node, face_style face, piece_list *pl,
                    double size);
const char *inline_plain_text(layout_state *ls, cmark_node *node);

/* line breaking (linebreak.c) */
typedef struct {
    double width;           /* of the column */
    bool justify;           /* else ragged right */
    const hyphenator *hyph; /* NULL: breaks only at spaces and written hyphens */
    const hyphen_exceptions *exceptions; /* words broken only where written; may be NULL */
    int min_word;           /* letters a word needs to be hyphenated */
    /* Justified lines only: how much glyphs may be widened or narrowed (a
     * fraction: 0.02 for 2 %) as a third flexibility besides the spaces and
     * hyphenation; and whether hyphens, commas and full stops at the end of a
     * line hang into the margin (margin protrusion). */
    double expansion;
    bool protrude;
} break_params;

/* The break parameters of text set in `width` points by the style. */
break_params break_params_for(const layout_state *ls, double width, bool justify);

typedef struct {
    /* 1: no hyphenation; 2: hyphenation, no two hyphenated lines in a row;
     * 3: with them; 4: every way, words too wide cut; 5: first fit */
    int pass;
    double badness;  /* sum over the lines */
    double demerits; /* sum over the lines, as the total-fit algorithm counts them */
    size_t hyphens, consecutive_hyphens;
    size_t overfull; /* lines wider than the column */
} break_stats;

/* Breaks a paragraph into lines with the total-fit algorithm of Knuth and
 * Plass; words wider than the column are hyphenated or cut. `stats` may be
 * NULL. */
size_t lines_break_para(arena *mem, const piece_list *pl, const break_params *bp, line_span **out,
                        break_stats *stats);
/* First fit over the same break points, for comparison and as a fallback. */
size_t lines_break_greedy(arena *mem, const piece_list *pl, const break_params *bp, line_span **out,
                          break_stats *stats);
/* Ragged lines without hyphenation: headings, table cells. */
size_t lines_break(arena *mem, const piece_list *pl, double width, line_span **out);

/* drawing and setting lines (lines.c) */
double line_height(const layout_state *ls, double size);
/* The baseline of a line of text of `size` whose top is at `top`. */
double baseline_in(const layout_state *ls, double top, double size);
/* Draws the list marker waiting for the first line of its item, if any. */
void lines_draw_marker(layout_state *ls, double baseline);
void lines_draw_one(layout_state *ls, const piece_list *pl, const line_span *l, double x,
                    double baseline, double size, uint32_t color);
void lines_draw_at(layout_state *ls, const piece_list *pl, const line_span *lines, size_t n,
                   double x, double width, double top, double size, uint32_t color,
                   text_align align);
/* Breaks a paragraph and sets it in a column, breaking pages between lines
 * with no single line alone at the foot or head of a page, and making room
 * for the footnotes its lines refer to. */
void lines_set(layout_state *ls, const piece_list *pl, double x, double width, double size,
               uint32_t color, text_align align);
/* Sets lines already broken (at most one line-height apart) the same way. */
void lines_place(layout_state *ls, const piece_list *pl, const line_span *lines, size_t n, double x,
                 double width, double size, uint32_t color, text_align align);

/* footnotes (footnotes.c) */
footnotes *footnotes_collect(layout_state *ls, cmark_node *root);
/* Height of the current page's footnote area: as it is, and with the notes
 * `numbers` added (those already placed count once). */
double footnotes_height(const layout_state *ls);
double footnotes_height_for(const layout_state *ls, const int *numbers, size_t count);
/* Puts the note on the current page unless it is there or on an earlier one. */
void footnotes_place(layout_state *ls, int number);
/* Draws the current page's notes at its foot. */
void footnotes_finish_page(layout_state *ls);

/* the cover page (cover.c), from a ```cover block */
void cover_layout(layout_state *ls, const char *body);

/* tables (table.c) */
void table_layout(layout_state *ls, cmark_node *node, column col);

/* What a column needs: the longest word, the width below which it wraps
 * awkwardly (a figure, a heading over figures) and its width on one line. */
typedef struct {
    double min, want, max;
    bool numeric; /* figures: they get no share of spare width */
} column_need;
/* Widths for the columns in `available` points: as wide as they like when
 * they fit, else text columns wrap first, then everything down to the
 * longest words. `stretch` spends spare width on the text columns. False when
 * even the longest words do not fit (every column is then squeezed). */
bool table_fit_columns(const column_need *need, int ncols, double available, bool stretch,
                       double *widths);

/* fenced blocks with a YAML body (fence.c): toc, chart, signatures */
/* Lays out the fenced block if its info string names one; false otherwise. */
bool fenced_block(layout_state *ls, cmark_node *node, column col);
/* The YAML body of a fenced block; lines count from the top of the Markdown.
 * NULL with errors in ls->dl. */
const ynode *fenced_yaml(layout_state *ls, cmark_node *node);

/* table of contents (toc.c) */
void toc_layout(layout_state *ls, cmark_node *node, column col);
/* Tells the tables of contents where a heading was set. */
void toc_heading_placed(layout_state *ls, cmark_node *heading, size_t index);
/* Writes page numbers, leaders and links once every heading is placed. */
void toc_fill_in(layout_state *ls);

/* charts (chart.c) */
void chart_layout(layout_state *ls, cmark_node *node, column col);

/* signature block for minutes (signatures.c) */
void signatures_layout(layout_state *ls, cmark_node *node, column col);

#endif
