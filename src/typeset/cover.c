#include "cover.h"

#include <string.h>

#include "inline.h"
#include "linedraw.h"
#include "tags.h"

/* ---- the cover page ------------------------------------------------------
 *
 * The template marks the cover with a fenced block of "key: value" lines:
 *
 *     ```cover
 *     title: Verksamhetsplan 2024
 *     subtitle: …
 *     decision: Beslutad av styrelsen 2023-11-27
 *     association: Samordningsförbundet Samsund
 *     ```
 *
 * and the style says how it looks. The cover has a page of its own, without
 * running header and footer; what follows starts on the next page. */

typedef struct {
    const char *title, *subtitle, *decision, *association;
} cover_text;

static const double COVER_LEADING = 1.2, BAND_WIDTH = 56, BAND_HEIGHT = 5;

/* A value as written in the block, without the backslashes that escaping for
 * Markdown puts before punctuation. */
static const char *unescape(arena *mem, const char *s, size_t len)
{
    char *out = arena_alloc(mem, len + 1);
    size_t n = 0;
    for (size_t i = 0; i < len; i++) {
        if (s[i] == '\\' && i + 1 < len && strchr("\\`*_[]<>|#~&!{}()+-.", s[i + 1]))
            i++;
        out[n++] = s[i];
    }
    out[n] = '\0';
    return out;
}

static cover_text parse(arena *mem, const char *body)
{
    static const char *const keys[] = {"title", "subtitle", "decision", "association"};
    cover_text ct = {0};
    const char **slots[] = {&ct.title, &ct.subtitle, &ct.decision, &ct.association};
    for (const char *line = body; *line;) {
        const char *end = strchr(line, '\n');
        size_t len = end ? (size_t)(end - line) : strlen(line);
        const char *colon = memchr(line, ':', len);
        for (size_t k = 0; colon && k < 4; k++) {
            size_t klen = strlen(keys[k]);
            if ((size_t)(colon - line) != klen || strncmp(line, keys[k], klen) != 0)
                continue;
            const char *v = colon + 1;
            while (v < line + len && *v == ' ')
                v++;
            size_t vlen = (size_t)(line + len - v);
            while (vlen > 0 && (v[vlen - 1] == ' ' || v[vlen - 1] == '\r'))
                vlen--;
            if (vlen)
                *slots[k] = unescape(mem, v, vlen);
        }
        line += len + (end ? 1 : 0);
    }
    return ct;
}

typedef struct {
    piece_list pl;
    line_span *lines;
    size_t n;
    double line_height;
} text_block;

static text_block block_of(layout_state *ls, const char *text, face_style face,
                           const text_style *ts)
{
    text_block b = {.line_height = ts->size * COVER_LEADING};
    inline_add_text(ls, &b.pl, face, text, ts->size);
    b.n = lines_break(ls->mem, &b.pl, page_body_width(ls), &b.lines);
    return b;
}

/* Sets the block with the top of its first line at `top`; returns its bottom. */
/* A block of the cover in an element of its own: the title a Title, the
 * rest paragraphs. */
static double set_block(layout_state *ls, const text_block *b, const text_style *ts, double top,
                        tag_role role)
{
    double x = page_body_left(ls);
    int elem = tag_open(ls, role);
    for (size_t k = 0; k < b->n; k++) {
        double baseline = top + k * b->line_height + fonts_ascent(ls->fonts, FACE_BOLD, ts->size);
        lines_draw_one(ls, &b->pl, &b->lines[k], x, baseline, ts->size, ts->color);
    }
    tag_close(ls, elem);
    return top + b->n * b->line_height;
}

void cover_layout(layout_state *ls, const char *body)
{
    if (!page_is_empty(ls))
        page_new(ls);
    ls->plain_pages[ls->page - ls->doc->pages] = true;
    const cover_style *cs = &ls->st->cover;
    cover_text ct = parse(ls->mem, body);
    double y = cs->title_top;
    emit_rect(ls, page_body_left(ls), y - BAND_HEIGHT - cs->title.size, BAND_WIDTH, BAND_HEIGHT,
              cs->band_color);
    if (ct.title) {
        text_block b = block_of(ls, ct.title, FACE_BOLD, &cs->title);
        y = set_block(ls, &b, &cs->title, y, TAG_TITLE) + cs->title.space_after;
    }
    if (ct.subtitle) {
        text_block b = block_of(ls, ct.subtitle, FACE_REGULAR, &cs->subtitle);
        y = set_block(ls, &b, &cs->subtitle, y + cs->subtitle.space_before, TAG_P) +
            cs->subtitle.space_after;
    }
    if (ct.decision) {
        text_block b = block_of(ls, ct.decision, FACE_REGULAR, &cs->decision);
        set_block(ls, &b, &cs->decision, y + cs->decision.space_before, TAG_P);
    }
    if (ct.association) {
        text_block b = block_of(ls, ct.association, FACE_BOLD, &cs->association);
        double top = page_bottom(ls) - b.n * b.line_height;
        emit_rule(ls, page_body_left(ls), top - cs->association.space_before, page_body_width(ls),
                  0.5, ls->st->rule_color);
        set_block(ls, &b, &cs->association, top, TAG_P);
    }
    page_new(ls);
}
