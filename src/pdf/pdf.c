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

#include "harumem.h"
#include "oom.h"
#include "pdfcontent.h"
#include "pdffont.h"
#include "pdfmeta.h"
#include "pdfobjects.h"
#include "pdftags.h"
#include "pdfstream.h"
#include "regular.h"
#include "strbuf.h"
#include "utf8.h"

#include <xxhash.h>

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

/* What the text of a face needs again and again, asked of the fonts once
 * per document. */
typedef struct {
    bool known;
    unsigned upem;
    int32_t space;       /* a space's advance, font units */
    uint16_t space_code; /* 0 when the document has none */
} face_metrics;

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
    strbuf props; /* of the marked-content sequence being begun */
    face_metrics faces[FACE_COUNT];
    shown_text last;
    XXH3_state_t *id; /* the file identifier: a hash of every page's content */
    pdf_tags *tags;
    size_t page;   /* being drawn */
    bool marked;   /* a marked-content sequence is open */
    bool in_word;  /* it is a part of a word broken across lines (mark_box) */
    int mark;      /* the box tag it is for */
    HPDF_Null_Rec tree_ref; /* stands for the StructTreeRoot, which pdfobjects writes */
    pdf_objects *objects;
    unsigned char file_id[16];
} writer;

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

static const face_metrics *metrics(writer *w, face_style face)
{
    face_metrics *m = &w->faces[face];
    if (!m->known) {
        font_glyph space;
        fonts_set_text(w->fonts, face, " ", 1, &space);
        *m = (face_metrics){true, fonts_units_per_em(w->fonts, face), space.advance,
                            pdffont_code(w->pf, face, ' ')};
    }
    return m;
}

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
    const face_metrics *m = metrics(w, b->face);
    double scale = 1 + b->expand; /* TJ adjustments are scaled by Tz too */
    double gap = b->x - w->last.end_x, per_point = 1000.0 / (b->size * scale);
    if (gap > word_gap * b->size && m->space_code) {
        static const double none = 0;
        content_text_more(c, 0, &m->space_code, &none, 1);
        gap -= (double)m->space * b->size / m->upem * scale; /* as fonts_width measures " " */
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
    const face_metrics *m = metrics(w, b->face);
    size_t n = fonts_set_text(w->fonts, b->face, b->text, len, w->glyphs);
    pdffont_codes(w->pf, b->face, w->glyphs, n, w->codes);
    double per_unit = 1000.0 / m->upem;
    long units = 0;
    for (size_t i = 0; i < n; i++) {
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
    double width = units * b->size / m->upem * (1 + b->expand);
    w->last = (shown_text){.open = true,
                           .face = b->face,
                           .size = b->size,
                           .expand = b->expand,
                           .y = b->y,
                           .color = b->color,
                           .end_x = b->x + width};
}

/* An artifact's property list, by where it is. */
static const char *artifact_props(int tag)
{
    return tag == TAG_ARTIFACT_HEADER   ? "<</Type/Pagination/Subtype/Header>>"
           : tag == TAG_ARTIFACT_FOOTER ? "<</Type/Pagination/Subtype/Footer>>"
                                        : NULL;
}

static void end_mark(writer *w, pdf_content *c)
{
    if (w->marked)
        content_mark_end(c);
    w->marked = w->in_word = false;
    w->last.open = false;
}

/* Puts the box into the marked-content sequence of its element or
 * artifact: the one open, or a new one. Each part of a word broken across
 * lines is a sequence of its own: the first reads as the whole word
 * (/ActualText, the hyphen added left out, a written one kept), the others
 * as nothing, so that readers neither split the word nor join it wrongly
 * at a written hyphen. */
/* Only text from box i on while the tag stays (a word's part alone). */
static bool text_run(const layout_page *lp, size_t i)
{
    const box *first = &lp->boxes[i];
    for (size_t k = i; k < lp->count; k++) {
        const box *b = &lp->boxes[k];
        if (k > i && (b->tag != first->tag || b->actual || first->actual))
            break;
        if (b->kind != BOX_TEXT && b->kind != BOX_LINK)
            return false;
    }
    return true;
}

static void mark_box(writer *w, pdf_content *c, const layout_page *lp, size_t i)
{
    const box *b = &lp->boxes[i];
    if (w->marked && w->mark == b->tag && !b->actual && !w->in_word)
        return;
    end_mark(w, c);
    w->marked = true;
    w->mark = b->tag;
    bool text_only = text_run(lp, i);
    if (b->tag < 0) {
        content_mark_begin(c, "Artifact", artifact_props(b->tag), text_only);
        return;
    }
    int mcid = pdftags_mark(w->tags, w->page, b->tag, b->seq);
    const tag_elem *e = (size_t)b->tag < w->doc->ntags ? &w->doc->tags[b->tag] : NULL;
    strbuf *props = &w->props;
    props->len = 0;
    strbuf_puts(props, "<</MCID ");
    strbuf_put_uint(props, mcid < 0 ? 0 : (uint64_t)mcid);
    if (b->actual) {
        strbuf_puts(props, "/ActualText");
        pdftags_text_string(props, b->actual);
    }
    strbuf_puts(props, ">>");
    /* readers take /ActualText from a Span (poppler only from a Span) */
    content_mark_begin(c, b->actual ? "Span" : pdftags_role_name(e ? e->role : TAG_DOCUMENT),
                       props->data, text_only);
    w->in_word = b->actual != NULL;
}

static void draw_boxes(writer *w, const layout_page *lp, pdf_content *c, bool used[FACE_COUNT])
{
    w->last.open = false;
    w->marked = false;
    w->in_word = false;
    for (size_t i = 0; i < lp->count; i++) {
        const box *b = &lp->boxes[i];
        if (b->kind != BOX_LINK)
            mark_box(w, c, lp, i);
        switch (b->kind) {
        case BOX_TEXT:
            if (b->text && (unsigned)b->face < FACE_COUNT) {
                draw_text(w, c, b);
                if (b->actual)
                    end_mark(w, c);
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
    end_mark(w, c);
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
    w->page = index;
    content_init(&c, &w->content);
    draw_boxes(w, lp, &c, used);
    HPDF_PageAttr attr = page->attr;
    pdfstream_fill(w->streams, attr->contents, w->content.data ? w->content.data : "",
                   w->content.len);
    XXH3_128bits_update(w->id, w->content.data ? w->content.data : "", w->content.len);
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

static bool any_links(const layout_page *lp)
{
    for (size_t i = 0; i < lp->count; i++)
        if (lp->boxes[i].kind == BOX_LINK)
            return true;
    return false;
}

/* A link annotation as PDF/UA wants it: printed (/F 4), said in words
 * (/Contents) and in its Link element of the structure tree. */
static void tag_link(writer *w, size_t page, const box *b, HPDF_Annotation a)
{
    HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
    HPDF_Dict_AddNumber(a, "F", 4);
    const char *says = b->contents ? b->contents : b->uri ? b->uri : "";
    HPDF_Dict_Add(a, "Contents", pdfmeta_text_string(w->pdf->mmgr, says));
    int key = pdftags_annotation(w->tags, page, b->tag, b->seq, a->header.obj_id & 0x00FFFFFF);
    if (key >= 0)
        HPDF_Dict_AddNumber(a, "StructParent", key);
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
            tag_link(w, index, b, a);
    }
    if (any_links(lp))
        HPDF_Dict_AddName(w->pages[index], "Tabs", "S");
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
        HPDF_Dict_Add(o, "Title", pdfmeta_text_string(w->pdf->mmgr, h->title ? h->title : ""));
        HPDF_Outline_SetDestination(o, dest);
        HPDF_Outline_SetOpened(o, HPDF_FALSE);
        parents[level] = o;
        for (int l = level + 1; l <= 3; l++)
            parents[l] = NULL;
    }
}

/* ---- the document --------------------------------------------------------- */

static void note_characters(writer *w)
{
    bool used[FACE_COUNT] = {false};
    for (size_t p = 0; p < w->doc->npages; p++) {
        const layout_page *lp = &w->doc->pages[p];
        for (size_t i = 0; i < lp->count; i++) {
            const box *b = &lp->boxes[i];
            if (b->kind == BOX_TEXT && b->text && (unsigned)b->face < FACE_COUNT) {
                pdffont_note(w->pf, b->face, b->text, strlen(b->text));
                used[b->face] = true;
            }
        }
    }
    for (int f = 0; f < FACE_COUNT; f++)
        if (used[f])
            pdffont_note(w->pf, (face_style)f, " ", 1); /* for gaps between words */
}

/* The identifier is a hash of the pages and of what the file says about
 * itself: the same document gives the same bytes, another one another
 * identifier. */
static bool write_metadata(writer *w, const pdf_metadata *meta, const char *name, diag_list *dl)
{
    const char *fields[] = {meta->title, meta->author, meta->subject, meta->keywords,
                            meta->language};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        XXH3_128bits_update(w->id, fields[i] ? fields[i] : "", fields[i] ? strlen(fields[i]) + 1 : 1);
    XXH128_canonical_t id;
    XXH128_canonicalFromHash(&id, XXH3_128bits_digest(w->id));
    memcpy(w->file_id, id.digest, sizeof w->file_id);
    return pdfmeta_write(w->pdf, w->streams, meta, PDFMETA_PDFA_2A_UA, name, dl);
}

/* The structure tree goes into objects numbered after libharu's, which
 * the catalog refers to through a stand-in libharu writes as a reference
 * only ("N 0 R"): it is in no cross-reference table of libharu's. */
static bool write_tree(writer *w)
{
    HPDF_Xref xref = w->pdf->xref;
    w->objects = pdfobjects_new(xref->start_offset + (uint32_t)xref->entries->count);
    uint32_t *pages = calloc(w->doc->npages ? w->doc->npages : 1, sizeof *pages);
    uint32_t root = 0;
    for (size_t i = 0; pages && i < w->doc->npages; i++)
        pages[i] = w->pages[i]->header.obj_id & 0x00FFFFFF;
    bool ok = w->objects && pages && pdftags_write(w->tags, w->objects, pages, &root);
    free(pages);
    if (!ok)
        return false;
    w->tree_ref.header = (HPDF_Obj_Header){.obj_id = root | HPDF_OTYPE_INDIRECT,
                                           .obj_class = HPDF_OCLASS_NULL};
    return HPDF_Dict_Add(w->pdf->catalog, "StructTreeRoot", &w->tree_ref) == HPDF_OK;
}

/* The file, written by pdfobjects through libharu's writer. */
static bool finish(writer *w, pdf_bytes *out)
{
    return pdfobjects_finish(w->objects, w->streams, w->pdf, w->file_id, &out->data, &out->len);
}

static bool build(writer *w, const pdf_metadata *meta, const char *name, diag_list *dl)
{
    HPDF_SetCompressionMode(w->pdf, HPDF_COMP_ALL);
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
        HPDF_Dict_AddNumber(w->pages[i], "StructParents", pdftags_page_key(i));
        draw_page(w, i);
        add_links(w, i);
    }
    add_outline(w);
    return write_metadata(w, meta, name, dl) && write_tree(w);
}

bool pdf_render(const layout_doc *doc, const font_set *fonts, const pdf_metadata *meta,
                const char *name, pdf_bytes *out, diag_list *dl)
{
    *out = (pdf_bytes){NULL, 0};
    size_t errors_before = dl->errors;
    haru_error err = {0};
    writer w = {.doc = doc, .fonts = fonts};
    arena haru_mem;
    arena_init(&haru_mem);
    w.pdf = harumem_new(&haru_mem, on_haru_error, &err);
    w.pf = pdffont_new(fonts);
    w.streams = w.pdf ? pdfstream_begin(w.pdf) : NULL;
    w.pages = calloc(doc->npages ? doc->npages : 1, sizeof *w.pages);
    w.tags = pdftags_new(doc);
    w.id = XXH3_createState();
    if (!w.tags || !w.id || !w.pdf || !w.pf || !w.streams || !w.pages)
        out_of_memory();
    XXH3_128bits_reset(w.id);
    bool ok = build(&w, meta, name, dl) && !err.error && finish(&w, out) && !err.error;
    /* A failure nothing else explains is memory running out. */
    if (err.error == HPDF_FAILD_TO_ALLOC_MEM ||
        (!ok && !out->data && !err.error && dl->errors == errors_before))
        out_of_memory();
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
    harumem_end();
    arena_free(&haru_mem);
    pdffont_free(w.pf);
    pdfstream_end(w.streams);
    free(w.pages);
    XXH3_freeState(w.id);
    pdftags_free(w.tags);
    pdfobjects_free(w.objects);
    free(w.glyphs);
    free(w.codes);
    free(w.adjust);
    strbuf_free(&w.content);
    strbuf_free(&w.props);
    return ok;
}

bool pdf_write(const layout_doc *doc, const font_set *fonts, const pdf_metadata *meta,
               const char *path, diag_list *dl)
{
    pdf_bytes bytes;
    if (!pdf_render(doc, fonts, meta, path, &bytes, dl))
        return false;
    bool ok = atomic_write(path, bytes.data, bytes.len);
    if (!ok)
        diag_add(dl, DIAG_ERROR, path, 0, 0, NULL, "cannot write the PDF: %s", regular_strerror(errno));
    free(bytes.data);
    return ok;
}
