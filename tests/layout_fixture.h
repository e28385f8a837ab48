/* What the layout tests share: the default style and fonts, Markdown laid
 * out through layout_markdown, and ways to find boxes on the pages. */
#ifndef PP_TEST_LAYOUT_FIXTURE_H
#define PP_TEST_LAYOUT_FIXTURE_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fonts.h"
#include "layout.h"
#include "strbuf.h"
#include "style.h"

#include "test_support.h"

typedef struct {
    arena mem;
    diag_list dl;
    style st;
    font_set *fonts;
    layout_doc doc;
} fixture;

static inline int fixture_setup(void **state)
{
    fixture *f = calloc(1, sizeof *f);
    arena_init(&f->mem);
    diag_list_init(&f->dl, &f->mem);
    style *st;
    font_set *fonts = default_fonts(&f->mem, &f->dl, &st);
    if (!fonts)
        return -1;
    f->st = *st;
    f->fonts = fonts;
    *state = f;
    return 0;
}

static inline int fixture_teardown(void **state)
{
    fixture *f = *state;
    fonts_free(f->fonts);
    arena_free(&f->mem);
    free(f);
    return 0;
}

static inline bool lay_out(fixture *f, const char *markdown)
{
    layout_info info = {.title = "Prov", .association = "Förbundet", .source = "prov.md"};
    return layout_markdown(&f->mem, markdown, strlen(markdown), &f->st, f->fonts, &info, &f->doc,
                           &f->dl);
}

/* The first text box on or after page `*page` whose text is `text`; its page
 * in *page. */
static inline const box *find_text_from(const layout_doc *d, const char *text, size_t *page)
{
    for (size_t p = *page; p < d->npages; p++)
        for (size_t i = 0; i < d->pages[p].count; i++) {
            const box *b = &d->pages[p].boxes[i];
            if (b->kind == BOX_TEXT && strcmp(b->text, text) == 0) {
                *page = p;
                return b;
            }
        }
    return NULL;
}

static inline const box *find_text(const layout_doc *d, const char *text, size_t *page)
{
    *page = 0;
    return find_text_from(d, text, page);
}

static inline size_t count_boxes(const layout_page *p, box_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < p->count; i++)
        n += p->boxes[i].kind == kind;
    return n;
}

/* Markdown built up with printf. */
static inline void md_printf(strbuf *sb, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static inline void md_printf(strbuf *sb, const char *fmt, ...)
{
    char buf[4096];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    strbuf_puts(sb, buf);
}

/* Paragraphs that fill about `lines` lines of body text. */
static inline void md_filler(strbuf *sb, int lines)
{
    for (int i = 0; i < lines; i++)
        md_printf(sb, "Rad %d av fyllnadstext.\n\n", i + 1);
}

#endif
