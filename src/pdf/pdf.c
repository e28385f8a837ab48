#include "pdf.h"

#include "atomicfile.h"

#include <errno.h>
#include <fcntl.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pdfcontent.h"
#include "pdffont.h"
#include "pdfstream.h"
#include "strbuf.h"
#include "utf8.h"

#ifndef PLANPRESS_VERSION
#define PLANPRESS_VERSION "0.1.0"
#endif

typedef struct {
    HPDF_STATUS error, detail;
} haru_error;

static void on_haru_error(HPDF_STATUS error, HPDF_STATUS detail, void *user)
{
    haru_error *e = user;
    if (!e->error) {
        e->error = error;
        e->detail = detail;
    }
}

/* The text shown last on the page, which the next may continue. */
typedef struct {
    bool open;
    face_style face;
    double size, y;
    double expand; /* horizontal scaling less one */
    uint32_t color;
    double end_x; /* where its last glyph ends */
} shown_text;

/* One document being written. */
typedef struct {
    HPDF_Doc pdf;
    const layout_doc *doc;
    const font_set *fonts;
    pdf_fonts *pf;
    pdf_streams *streams;
    HPDF_Page *pages;
    /* room for the glyphs of the longest text */
    font_glyph *glyphs;
    uint16_t *codes;
    double *adjust;
    size_t room;
    strbuf content;
    shown_text last;
} writer;

/* ---- strings ------------------------------------------------------------- */

static void put_u16(unsigned char *buf, size_t *n, uint32_t v)
{
    buf[(*n)++] = (unsigned char)(v >> 8);
    buf[(*n)++] = (unsigned char)v;
}

/* A PDF text string: printable ASCII as it is, anything else as UTF-16BE
 * with a byte order mark (written as a hex string). */
static void *text_string(HPDF_MMgr mmgr, const char *utf8)
{
    size_t len = strlen(utf8);
    bool ascii = true;
    for (size_t i = 0; i < len && ascii; i++)
        ascii = (unsigned char)utf8[i] >= 0x20 && (unsigned char)utf8[i] < 0x7F;
    if (ascii)
        return HPDF_String_New(mmgr, utf8, NULL);
    unsigned char *buf = malloc(2 + 4 * len);
    if (!buf)
        return NULL;
    size_t n = 0;
    put_u16(buf, &n, 0xFEFF);
    for (size_t i = 0; i < len;) {
        uint32_t cp = utf8_next(utf8, len, &i);
        if (cp >= 0x10000) {
            put_u16(buf, &n, 0xD800 + ((cp - 0x10000) >> 10));
            put_u16(buf, &n, 0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else {
            put_u16(buf, &n, cp);
        }
    }
    HPDF_Binary b = HPDF_Binary_New(mmgr, buf, (HPDF_UINT)n);
    free(buf);
    return b;
}

/* ---- page content --------------------------------------------------------- */

static bool make_room(writer *w, size_t n)
{
    if (n <= w->room)
        return true;
    size_t room = n < 256 ? 256 : n;
    font_glyph *g = realloc(w->glyphs, room * sizeof *g);
    if (g)
        w->glyphs = g;
    uint16_t *c = realloc(w->codes, room * sizeof *c);
    if (c)
        w->codes = c;
    double *a = realloc(w->adjust, room * sizeof *a);
    if (a)
        w->adjust = a;
    if (!g || !c || !a)
        return false;
    w->room = room;
    return true;
}

/* A gap wider than this (in ems) between two texts on one line is a space
 * between words: it is written as a space character, so that readers
 * extract and copy words apart. */
static const double word_gap = 0.1;

static bool continues_line(const shown_text *last, const box *b)
{
    return last->open && last->face == b->face && last->size == b->size &&
           last->expand == b->expand && last->color == b->color && fabs(last->y - b->y) < 1e-6 &&
           b->x >= last->end_x - 1e-3;
}

/* Shows a text on the line of the text before it, within the same TJ array:
 * the gap between them becomes an adjustment, after a space character when
 * it is as wide as a space between words. */
static void continue_line(writer *w, pdf_content *c, const box *b, size_t n)
{
    double scale = 1 + b->expand; /* TJ adjustments are scaled by Tz too */
    double gap = b->x - w->last.end_x, per_point = 1000.0 / (b->size * scale);
    uint16_t space = pdffont_code(w->pf, b->face, ' ');
    if (gap > word_gap * b->size && space) {
        static const double none = 0;
        content_text_more(c, 0, &space, &none, 1);
        gap -= fonts_width(w->fonts, b->face, b->size, " ", 1) * scale;
    }
    content_text_more(c, -gap * per_point, w->codes, w->adjust, n);
}

/* Sets the text as fonts_width measured it and shows it, each kerning
 * pair moved by exactly the kerning the layout counted. */
static void draw_text(writer *w, pdf_content *c, const box *b)
{
    size_t len = strlen(b->text);
    if (len == 0 || !make_room(w, len))
        return;
    size_t n = fonts_set_text(w->fonts, b->face, b->text, len, w->glyphs);
    double per_unit = 1000.0 / fonts_units_per_em(w->fonts, b->face);
    long units = 0;
    for (size_t i = 0; i < n; i++) {
        w->codes[i] = pdffont_code(w->pf, b->face, w->glyphs[i].cp);
        w->adjust[i] = -w->glyphs[i].kerning * per_unit;
        units += w->glyphs[i].advance + w->glyphs[i].kerning;
    }
    if (continues_line(&w->last, b)) {
        continue_line(w, c, b, n);
    } else {
        content_font font = {(int)b->face + 1, pdffont_code_bytes(w->pf, b->face)};
        content_scale(c, 1 + b->expand);
        content_text(c, &font, b->size, b->color, b->x, b->y, w->codes, w->adjust, n);
    }
    double width = units * b->size / fonts_units_per_em(w->fonts, b->face) * (1 + b->expand);
    w->last = (shown_text){.open = true,
                           .face = b->face,
                           .size = b->size,
                           .expand = b->expand,
                           .y = b->y,
                           .color = b->color,
                           .end_x = b->x + width};
}

static void draw_boxes(writer *w, const layout_page *lp, pdf_content *c, bool used[FACE_COUNT])
{
    w->last.open = false;
    for (size_t i = 0; i < lp->count; i++) {
        const box *b = &lp->boxes[i];
        switch (b->kind) {
        case BOX_TEXT:
            if (b->text && (unsigned)b->face < FACE_COUNT) {
                draw_text(w, c, b);
                used[b->face] = true;
            }
            break;
        case BOX_RULE:
            content_line(c, b->x, b->y, b->x + b->width, b->y, b->thickness, b->color);
            w->last.open = false;
            break;
        case BOX_LINE:
            content_line(c, b->x, b->y, b->x2, b->y2, b->thickness, b->color);
            w->last.open = false;
            break;
        case BOX_RECT:
            content_rect(c, b->x, b->y, b->width, b->height, b->color);
            w->last.open = false;
            break;
        case BOX_LINK: break;
        }
    }
    content_finish(c);
}

static void add_font_resources(writer *w, HPDF_Page page, const bool used[FACE_COUNT])
{
    HPDF_Dict fonts = NULL;
    for (int f = 0; f < FACE_COUNT; f++) {
        if (!used[f] || !pdffont_dict(w->pf, (face_style)f))
            continue;
        if (!fonts) {
            HPDF_Dict resources = HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT);
            fonts = HPDF_Dict_New(w->pdf->mmgr);
            if (!resources || !fonts || HPDF_Dict_Add(resources, "Font", fonts) != HPDF_OK)
                return;
        }
        char name[16];
        snprintf(name, sizeof name, "F%d", f + 1);
        HPDF_Dict_Add(fonts, name, pdffont_dict(w->pf, (face_style)f));
    }
}

static void draw_page(writer *w, size_t index)
{
    const layout_page *lp = &w->doc->pages[index];
    HPDF_Page page = w->pages[index];
    bool used[FACE_COUNT] = {false};
    pdf_content c;
    w->content.len = 0;
    content_init(&c, &w->content);
    draw_boxes(w, lp, &c, used);
    HPDF_PageAttr attr = page->attr;
    pdfstream_fill(w->streams, attr->contents, w->content.data ? w->content.data : "",
                   w->content.len);
    add_font_resources(w, page, used);
}

/* ---- links and outline ---------------------------------------------------- */

/* [page /XYZ null top null]: the top of the target in view, the reader's
 * zoom and horizontal position kept. */
static HPDF_Destination destination(writer *w, size_t page, double top)
{
    if (page >= w->doc->npages)
        return NULL;
    HPDF_Destination d = HPDF_Page_CreateDestination(w->pages[page]);
    if (!d)
        return NULL;
    HPDF_Array_Clear(d);
    HPDF_Array_Add(d, w->pages[page]);
    HPDF_Array_AddName(d, "XYZ");
    HPDF_Array_Add(d, HPDF_Null_New(w->pdf->mmgr));
    HPDF_Array_AddNumber(d, (HPDF_INT32)(top + 0.5));
    HPDF_Array_Add(d, HPDF_Null_New(w->pdf->mmgr));
    return d;
}

static void add_links(writer *w, size_t index)
{
    const layout_page *lp = &w->doc->pages[index];
    for (size_t i = 0; i < lp->count; i++) {
        const box *b = &lp->boxes[i];
        if (b->kind != BOX_LINK)
            continue;
        HPDF_Rect r = {(HPDF_REAL)b->x, (HPDF_REAL)b->y, (HPDF_REAL)(b->x + b->width),
                       (HPDF_REAL)(b->y + b->height)};
        HPDF_Annotation a = NULL;
        if (b->uri) {
            a = HPDF_Page_CreateURILinkAnnot(w->pages[index], r, b->uri);
        } else {
            HPDF_Destination dest = destination(w, b->dest_page, b->dest_y);
            if (dest)
                a = HPDF_Page_CreateLinkAnnot(w->pages[index], r, dest);
        }
        if (a)
            HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    }
}

static void add_outline(writer *w)
{
    HPDF_Outline parents[4] = {NULL, NULL, NULL, NULL};
    for (size_t i = 0; i < w->doc->nheadings; i++) {
        const layout_heading *h = &w->doc->headings[i];
        HPDF_Destination dest = destination(w, h->page, h->y);
        if (!dest)
            continue;
        int level = h->level < 1 ? 1 : h->level > 3 ? 3 : h->level;
        HPDF_Outline parent = NULL;
        for (int l = level - 1; l >= 1 && !parent; l--)
            parent = parents[l];
        HPDF_Outline o = HPDF_CreateOutline(w->pdf, parent, "", NULL);
        if (!o)
            return;
        HPDF_Dict_RemoveElement(o, "Title");
        HPDF_Dict_Add(o, "Title", text_string(w->pdf->mmgr, h->title ? h->title : ""));
        HPDF_Outline_SetDestination(o, dest);
        HPDF_Outline_SetOpened(o, HPDF_FALSE);
        parents[level] = o;
        for (int l = level + 1; l <= 3; l++)
            parents[l] = NULL;
    }
}

/* ---- metadata ------------------------------------------------------------- */

/* SOURCE_DATE_EPOCH as a PDF date, "D:YYYYMMDDHHmmSSZ"; false when it is
 * unset or not a number. */
static bool source_date(const char *name, char out[24], diag_list *dl)
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (!epoch || !*epoch)
        return false;
    char *end;
    errno = 0;
    long long secs = strtoll(epoch, &end, 10);
    struct tm tm;
    time_t t = (time_t)secs;
    if (*end || errno || secs < 0 || !gmtime_r(&t, &tm) || tm.tm_year + 1900 > 9999) {
        diag_add(dl, DIAG_WARNING, name, 0, 0, NULL,
                 "SOURCE_DATE_EPOCH=\"%s\" is not a number of seconds since 1970: the PDF is "
                 "left undated",
                 epoch);
        return false;
    }
    strftime(out, 24, "D:%Y%m%d%H%M%SZ", &tm);
    return true;
}

static void set_metadata(HPDF_Doc pdf, const pdf_metadata *meta, const char *name, diag_list *dl)
{
    HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "planpress " PLANPRESS_VERSION);
    HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, "libharu 2.3.0");
    const char *keys[] = {"Title", "Author", "Subject", "Keywords"};
    const char *values[] = {meta->title, meta->author, meta->subject, meta->keywords};
    for (int i = 0; i < 4; i++)
        if (values[i] && *values[i] && pdf->info)
            HPDF_Dict_Add(pdf->info, keys[i], text_string(pdf->mmgr, values[i]));
    if (meta->language && *meta->language)
        HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr, meta->language, NULL));
    HPDF_Dict prefs = HPDF_Dict_New(pdf->mmgr);
    if (prefs && HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", prefs) == HPDF_OK)
        HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
    char date[24];
    if (source_date(name, date, dl) && pdf->info) {
        HPDF_Dict_Add(pdf->info, "CreationDate", HPDF_String_New(pdf->mmgr, date, NULL));
        HPDF_Dict_Add(pdf->info, "ModDate", HPDF_String_New(pdf->mmgr, date, NULL));
    }
}

/* ---- the document --------------------------------------------------------- */

static void note_characters(writer *w)
{
    for (size_t p = 0; p < w->doc->npages; p++) {
        const layout_page *lp = &w->doc->pages[p];
        for (size_t i = 0; i < lp->count; i++) {
            const box *b = &lp->boxes[i];
            if (b->kind == BOX_TEXT && b->text && (unsigned)b->face < FACE_COUNT) {
                pdffont_note(w->pf, b->face, b->text, strlen(b->text));
                pdffont_note(w->pf, b->face, " ", 1); /* for gaps between words */
            }
        }
    }
}

static bool build(writer *w, const pdf_metadata *meta, const char *name, diag_list *dl)
{
    HPDF_SetCompressionMode(w->pdf, HPDF_COMP_ALL);
    w->pdf->pdf_version = HPDF_VER_14;
    HPDF_SetPageMode(w->pdf,
                     w->doc->nheadings ? HPDF_PAGE_MODE_USE_OUTLINE : HPDF_PAGE_MODE_USE_NONE);
    note_characters(w);
    if (!pdffont_embed(w->pf, w->pdf, w->streams, name, dl))
        return false;
    for (size_t i = 0; i < w->doc->npages; i++) {
        w->pages[i] = HPDF_AddPage(w->pdf);
        if (!w->pages[i])
            return false;
        HPDF_Page_SetWidth(w->pages[i], (HPDF_REAL)w->doc->pages[i].width);
        HPDF_Page_SetHeight(w->pages[i], (HPDF_REAL)w->doc->pages[i].height);
    }
    for (size_t i = 0; i < w->doc->npages; i++) {
        draw_page(w, i);
        add_links(w, i);
    }
    add_outline(w);
    set_metadata(w->pdf, meta, name, dl);
    return true;
}

static bool save(HPDF_Doc pdf, pdf_bytes *out)
{
    if (HPDF_SaveToStream(pdf) != HPDF_OK)
        return false;
    HPDF_UINT32 size = HPDF_GetStreamSize(pdf);
    out->data = malloc(size ? size : 1);
    out->len = 0;
    if (!out->data)
        return false;
    while (out->len < size) {
        HPDF_UINT32 n = size - (HPDF_UINT32)out->len;
        HPDF_STATUS st = HPDF_ReadFromStream(pdf, out->data + out->len, &n);
        out->len += n;
        if (n == 0 || (st != HPDF_OK && st != HPDF_STREAM_EOF))
            break;
    }
    return out->len == size;
}

bool pdf_render(const layout_doc *doc, const font_set *fonts, const pdf_metadata *meta,
                const char *name, pdf_bytes *out, diag_list *dl)
{
    *out = (pdf_bytes){NULL, 0};
    size_t errors_before = dl->errors;
    haru_error err = {0};
    writer w = {.doc = doc, .fonts = fonts};
    w.pdf = HPDF_New(on_haru_error, &err);
    w.pf = pdffont_new(fonts);
    w.streams = w.pdf ? pdfstream_begin(w.pdf) : NULL;
    w.pages = calloc(doc->npages ? doc->npages : 1, sizeof *w.pages);
    bool ok = w.pdf && w.pf && w.streams && w.pages && build(&w, meta, name, dl) && !err.error &&
              save(w.pdf, out) && !err.error;
    if (!ok && dl->errors == errors_before)
        diag_add(dl, DIAG_ERROR, name, 0, 0, NULL,
                 "cannot write the PDF (libharu error 0x%04X, detail %u)", (unsigned)err.error,
                 (unsigned)err.detail);
    if (!ok) {
        free(out->data);
        *out = (pdf_bytes){NULL, 0};
    }
    if (w.pdf)
        HPDF_Free(w.pdf);
    pdffont_free(w.pf);
    pdfstream_end(w.streams);
    free(w.pages);
    free(w.glyphs);
    free(w.codes);
    free(w.adjust);
    strbuf_free(&w.content);
    return ok;
}

bool pdf_write(const layout_doc *doc, const font_set *fonts, const pdf_metadata *meta,
               const char *path, diag_list *dl)
{
    pdf_bytes bytes;
    if (!pdf_render(doc, fonts, meta, path, &bytes, dl))
        return false;
    bool ok = atomic_write(path, bytes.data, bytes.len, false);
    if (!ok)
        diag_add(dl, DIAG_ERROR, path, 0, 0, NULL, "cannot write the PDF: %s", strerror(errno));
    free(bytes.data);
    return ok;
}
