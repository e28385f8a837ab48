#include "inline.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "markdown.h"
#include "typography.h"

/* ---- inline content ---------------------------------------------------- */

/* How the text of an inline node is set. */
typedef struct {
    face_style face;
    double size, rise;
    const char *uri;
    const char *lang;
} inline_format;

static const double NOTE_SCALE = 0.62, NOTE_RISE = 0.38; /* of the text size */

face_style with_bold(face_style f)
{
    return f == FACE_MONO                              ? FACE_MONO
           : f == FACE_ITALIC || f == FACE_BOLD_ITALIC ? FACE_BOLD_ITALIC
                                                       : FACE_BOLD;
}

face_style with_italic(face_style f)
{
    return f == FACE_MONO                            ? FACE_MONO
           : f == FACE_BOLD || f == FACE_BOLD_ITALIC ? FACE_BOLD_ITALIC
                                                     : FACE_ITALIC;
}

static piece *push_measured(layout_state *ls, piece_list *pl, piece_kind kind,
                            const inline_format *f, const char *text, size_t len, double width)
{
    pl->fonts = ls->fonts;
    piece *p = ARENA_PUSH(ls->mem, pl->items, pl->count, pl->cap);
    *p = (piece){.kind = kind,
                 .face = f->face,
                 .text = text,
                 .len = len,
                 .width = width,
                 .size = f->size,
                 .rise = f->rise,
                 .uri = f->uri,
                 .lang = f->lang};
    return p;
}

static piece *push_piece(layout_state *ls, piece_list *pl, piece_kind kind, const inline_format *f,
                         const char *text, size_t len)
{
    double width = kind == PIECE_BREAK ? 0 : fonts_width(ls->fonts, f->face, f->size, text, len);
    return push_measured(ls, pl, kind, f, text, len, width);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

/* Splits text at ASCII spaces (and tabs and newlines) into words and
 * spaces; a no-break space (typography.h puts them in numbers) stays inside
 * its word. */
static void add_text(layout_state *ls, piece_list *pl, const inline_format *f, const char *s)
{
    size_t len = strlen(s), i = 0;
    double space_width = -1; /* measured at the first space */
    while (i < len) {
        size_t j = i;
        bool space = is_space(s[i]);
        while (j < len && is_space(s[j]) == space)
            j++;
        if (space && space_width < 0)
            space_width = push_piece(ls, pl, PIECE_SPACE, f, " ", 1)->width;
        else if (space)
            push_measured(ls, pl, PIECE_SPACE, f, " ", 1, space_width);
        else
            push_piece(ls, pl, PIECE_WORD, f, s + i, j - i);
        i = j;
    }
}

void inline_add_text(layout_state *ls, piece_list *pl, face_style face, const char *s, double size)
{
    inline_format f = {.face = face, .size = size};
    add_text(ls, pl, &f, typography_swedish(ls->mem, s));
}

void inline_add_code(layout_state *ls, piece_list *pl, const char *s, double size)
{
    inline_format f = {.face = FACE_MONO, .size = size};
    add_text(ls, pl, &f, s);
}

static void add_note_reference(layout_state *ls, piece_list *pl, const inline_format *f,
                               cmark_node *n)
{
    const char *number = cmark_node_get_literal(n);
    if (!number)
        return;
    inline_format sup = *f;
    sup.face = f->face == FACE_MONO ? FACE_REGULAR : f->face;
    sup.size = f->size * NOTE_SCALE;
    sup.rise = f->size * NOTE_RISE;
    piece *p = push_piece(ls, pl, PIECE_WORD, &sup, arena_strdup(ls->mem, number), strlen(number));
    p->note = atoi(number);
}

/* Pieces keep their text in the arena: the cmark tree may go first. */
static const char *literal_copy(layout_state *ls, cmark_node *n)
{
    const char *lit = cmark_node_get_literal(n);
    return arena_strdup(ls->mem, lit ? lit : "");
}

/* The link's target, or NULL (its text stays, as text) when it has none or
 * one that is not allowed, which is an error at its line. */
static const char *link_target(layout_state *ls, cmark_node *n)
{
    const char *url = cmark_node_get_url(n);
    if (!url || !*url)
        return NULL;
    if (markdown_link_allowed(url))
        return arena_strdup(ls->mem, url);
    diag_add(ls->dl, DIAG_ERROR, ls->source, cmark_node_get_start_line(n),
             cmark_node_get_start_column(n), NULL,
             MARKDOWN_LINK_REFUSED, url);
    return NULL;
}

/* A language tag as BCP 47 spells one: "en", "en-GB", "fit", "sr-Latn". */
static bool is_language_tag(const char *s, size_t len)
{
    size_t i = 0;
    while (i < len && isalpha((unsigned char)s[i]))
        i++;
    if (i < 2 || i > 3)
        return false;
    while (i < len) {
        if (s[i++] != '-')
            return false;
        size_t start = i;
        while (i < len && isalnum((unsigned char)s[i]))
            i++;
        if (i == start || i - start > 8)
            return false;
    }
    return true;
}

/* What an inline <span lang="…"> says: its language (in the arena), ""
 * for </span>, NULL for any other inline HTML, which is left out. A span
 * without a language tag is a warning at its line. */
static const char *span_language(layout_state *ls, cmark_node *n)
{
    const char *lit = cmark_node_get_literal(n);
    if (!lit || strncasecmp(lit, "<span", 5) != 0 || !strchr(" \t\n>", lit[5]))
        return lit && strncasecmp(lit, "</span>", 7) == 0 ? "" : NULL;
    const char *at = strstr(lit, "lang=");
    char quote = at ? at[5] : 0;
    const char *end = quote == '"' || quote == '\'' ? strchr(at + 6, quote) : NULL;
    if (end && strchr(end, '>') && is_language_tag(at + 6, (size_t)(end - at - 6)))
        return arena_strndup(ls->mem, at + 6, (size_t)(end - at - 6));
    diag_add(ls->dl, DIAG_WARNING, ls->source, cmark_node_get_start_line(n),
             cmark_node_get_start_column(n), NULL,
             "%.60s: a span says the language of its text, as in <span lang=\"en\">; "
             "this one is read as the document's language",
             lit);
    return NULL;
}

static void collect(layout_state *ls, cmark_node *node, inline_format f, piece_list *pl)
{
    const char *outer = f.lang;
    double code_scale = ls->st->code.size / ls->st->body.size;
    for (cmark_node *n = cmark_node_first_child(node); n; n = cmark_node_next(n)) {
        inline_format inner = f;
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
            add_text(ls, pl, &f, typography_swedish(ls->mem, literal_copy(ls, n)));
            break;
        case CMARK_NODE_CODE:
            inner.face = FACE_MONO;
            inner.size = f.size * code_scale;
            add_text(ls, pl, &inner, literal_copy(ls, n));
            break;
        case CMARK_NODE_SOFTBREAK: add_text(ls, pl, &f, " "); break;
        case CMARK_NODE_LINEBREAK: push_piece(ls, pl, PIECE_BREAK, &f, "", 0); break;
        case CMARK_NODE_STRONG:
            inner.face = with_bold(f.face);
            collect(ls, n, inner, pl);
            break;
        case CMARK_NODE_EMPH:
            inner.face = with_italic(f.face);
            collect(ls, n, inner, pl);
            break;
        case CMARK_NODE_LINK:
            inner.uri = link_target(ls, n);
            collect(ls, n, inner, pl);
            break;
        case CMARK_NODE_FOOTNOTE_REFERENCE: add_note_reference(ls, pl, &f, n); break;
        case CMARK_NODE_HTML_INLINE: {
            const char *lang = span_language(ls, n);
            if (lang)
                f.lang = *lang ? lang : outer;
            break;
        }
        default: collect(ls, n, f, pl); break;
        }
    }
}

void inline_collect(layout_state *ls, cmark_node *node, face_style face, piece_list *pl,
                    double size)
{
    pl->fonts = ls->fonts;
    collect(ls, node, (inline_format){.face = face, .size = size}, pl);
}

const char *inline_plain_text(layout_state *ls, cmark_node *node)
{
    size_t cap = 0, len = 0;
    char *buf = NULL;
    cmark_iter *it = cmark_iter_new(node);
    cmark_event_type ev;
    while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
        cmark_node *n = cmark_iter_get_node(it);
        if (ev != CMARK_EVENT_ENTER)
            continue;
        cmark_node_type t = cmark_node_get_type(n);
        const char *lit = t == CMARK_NODE_TEXT ? typography_swedish(ls->mem, cmark_node_get_literal(n))
                          : t == CMARK_NODE_CODE      ? cmark_node_get_literal(n)
                          : t == CMARK_NODE_SOFTBREAK ? " "
                                                      : NULL;
        if (!lit)
            continue;
        size_t l = strlen(lit);
        buf = arena_grow(ls->mem, buf, &cap, len + l + 1, 1);
        memcpy(buf + len, lit, l);
        len += l;
        buf[len] = '\0';
    }
    cmark_iter_free(it);
    return buf ? buf : "";
}
