#include "pdf.h"

#include <errno.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

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

static void set_color(HPDF_Page page, uint32_t rgb, bool fill)
{
    HPDF_REAL r = ((rgb >> 16) & 0xFF) / 255.0f, g = ((rgb >> 8) & 0xFF) / 255.0f,
              b = (rgb & 0xFF) / 255.0f;
    if (fill)
        HPDF_Page_SetRGBFill(page, r, g, b);
    else
        HPDF_Page_SetRGBStroke(page, r, g, b);
}

static void draw_line(HPDF_Page page, const box *b, double x2, double y2)
{
    set_color(page, b->color, false);
    HPDF_Page_SetLineWidth(page, (HPDF_REAL)b->thickness);
    HPDF_Page_MoveTo(page, (HPDF_REAL)b->x, (HPDF_REAL)b->y);
    HPDF_Page_LineTo(page, (HPDF_REAL)x2, (HPDF_REAL)y2);
    HPDF_Page_Stroke(page);
}

static void draw_link(HPDF_Page page, const box *b, HPDF_Page *pages)
{
    HPDF_Rect r = {(HPDF_REAL)b->x, (HPDF_REAL)b->y, (HPDF_REAL)(b->x + b->width),
                   (HPDF_REAL)(b->y + b->height)};
    HPDF_Annotation a;
    if (b->uri) {
        a = HPDF_Page_CreateURILinkAnnot(page, r, b->uri);
    } else {
        HPDF_Destination dest = HPDF_Page_CreateDestination(pages[b->dest_page]);
        HPDF_Destination_SetXYZ(dest, 0, (HPDF_REAL)b->dest_y, 1);
        a = HPDF_Page_CreateLinkAnnot(page, r, dest);
    }
    HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
}

static void draw_page(HPDF_Page page, const layout_page *lp, HPDF_Font faces[FACE_COUNT],
                      HPDF_Page *pages)
{
    for (size_t i = 0; i < lp->count; i++) {
        const box *b = &lp->boxes[i];
        switch (b->kind) {
        case BOX_RULE: draw_line(page, b, b->x + b->width, b->y); break;
        case BOX_LINE: draw_line(page, b, b->x2, b->y2); break;
        case BOX_RECT:
            set_color(page, b->color, true);
            HPDF_Page_Rectangle(page, (HPDF_REAL)b->x, (HPDF_REAL)b->y, (HPDF_REAL)b->width,
                                (HPDF_REAL)b->height);
            HPDF_Page_Fill(page);
            break;
        case BOX_LINK: draw_link(page, b, pages); break;
        case BOX_TEXT:
            set_color(page, b->color, true);
            HPDF_Page_BeginText(page);
            HPDF_Page_SetFontAndSize(page, faces[b->face], (HPDF_REAL)b->size);
            HPDF_Page_TextOut(page, (HPDF_REAL)b->x, (HPDF_REAL)b->y, b->text);
            HPDF_Page_EndText(page);
            break;
        }
    }
}

static void add_outline(HPDF_Doc pdf, const layout_doc *doc, HPDF_Page *pages)
{
    HPDF_Encoder utf8 = HPDF_GetEncoder(pdf, "UTF-8");
    HPDF_Outline parents[4] = {NULL, NULL, NULL, NULL};
    for (size_t i = 0; i < doc->nheadings; i++) {
        const layout_heading *h = &doc->headings[i];
        int level = h->level < 1 ? 1 : h->level > 3 ? 3 : h->level;
        HPDF_Outline parent = NULL;
        for (int l = level - 1; l >= 1 && !parent; l--)
            parent = parents[l];
        HPDF_Outline o = HPDF_CreateOutline(pdf, parent, h->title, utf8);
        HPDF_Destination dest = HPDF_Page_CreateDestination(pages[h->page]);
        HPDF_Destination_SetXYZ(dest, 0, (HPDF_REAL)h->y, 1);
        HPDF_Outline_SetDestination(o, dest);
        HPDF_Outline_SetOpened(o, HPDF_FALSE);
        parents[level] = o;
        for (int l = level + 1; l <= 3; l++)
            parents[l] = NULL;
    }
}

static void set_metadata(HPDF_Doc pdf, const pdf_metadata *meta)
{
    HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, "planpress");
    HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, "planpress with libharu");
    if (meta->title)
        HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, meta->title);
    if (meta->author)
        HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, meta->author);
    if (meta->subject)
        HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, meta->subject);
    if (meta->keywords)
        HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, meta->keywords);
    if (meta->language)
        HPDF_Dict_Add(pdf->catalog, "Lang", HPDF_String_New(pdf->mmgr, meta->language, NULL));
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch) {
        time_t t = (time_t)strtoll(epoch, NULL, 10);
        struct tm tm;
        gmtime_r(&t, &tm);
        HPDF_Date d = {.year = tm.tm_year + 1900,
                       .month = tm.tm_mon + 1,
                       .day = tm.tm_mday,
                       .hour = tm.tm_hour,
                       .minutes = tm.tm_min,
                       .seconds = tm.tm_sec,
                       .ind = 'Z'};
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, d);
        HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, d);
    }
}

static bool load_faces(HPDF_Doc pdf, const font_set *fonts, HPDF_Font faces[FACE_COUNT])
{
    for (int f = 0; f < FACE_COUNT; f++) {
        const char *name =
            HPDF_LoadTTFontFromFile(pdf, fonts_file(fonts, (face_style)f), HPDF_TRUE);
        faces[f] = name ? HPDF_GetFont(pdf, name, "UTF-8") : NULL;
        if (!faces[f])
            return false;
    }
    return true;
}

bool pdf_write(const layout_doc *doc, const font_set *fonts, const pdf_metadata *meta,
               const char *path, diag_list *dl)
{
    haru_error err = {0};
    HPDF_Doc pdf = HPDF_New(on_haru_error, &err);
    if (!pdf) {
        diag_add(dl, DIAG_ERROR, path, 0, 0, NULL, "cannot start libharu");
        return false;
    }
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_UseUTFEncodings(pdf);
    HPDF_SetCurrentEncoder(pdf, "UTF-8");
    HPDF_SetPageMode(pdf, doc->nheadings ? HPDF_PAGE_MODE_USE_OUTLINE : HPDF_PAGE_MODE_USE_NONE);
    HPDF_Font faces[FACE_COUNT];
    bool ok = load_faces(pdf, fonts, faces);
    HPDF_Page *pages = calloc(doc->npages ? doc->npages : 1, sizeof *pages);
    for (size_t i = 0; ok && pages && i < doc->npages; i++) {
        pages[i] = HPDF_AddPage(pdf);
        HPDF_Page_SetWidth(pages[i], (HPDF_REAL)doc->pages[i].width);
        HPDF_Page_SetHeight(pages[i], (HPDF_REAL)doc->pages[i].height);
    }
    for (size_t i = 0; ok && pages && i < doc->npages; i++)
        draw_page(pages[i], &doc->pages[i], faces, pages);
    if (ok && pages) {
        add_outline(pdf, doc, pages);
        set_metadata(pdf, meta);
    }
    char *tmp = NULL;
    if (ok && pages && !err.error) {
        size_t n = strlen(path) + 32;
        tmp = malloc(n);
        snprintf(tmp, n, "%s.%ld.tmp", path, (long)getpid());
        HPDF_SaveToFile(pdf, tmp);
    }
    free(pages);
    HPDF_Free(pdf);
    if (err.error || !ok || !tmp) {
        diag_add(dl, DIAG_ERROR, path, 0, 0, NULL,
                 "cannot write the PDF (libharu error 0x%04X, "
                 "detail %u)",
                 (unsigned)err.error, (unsigned)err.detail);
        if (tmp)
            unlink(tmp);
        free(tmp);
        return false;
    }
    if (rename(tmp, path) != 0) {
        diag_add(dl, DIAG_ERROR, path, 0, 0, NULL, "cannot put the PDF in place: %s",
                 strerror(errno));
        unlink(tmp);
        free(tmp);
        return false;
    }
    free(tmp);
    return true;
}
