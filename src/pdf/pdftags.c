#include "pdftags.h"

#include <stdlib.h>
#include <string.h>

#include "pdfmeta.h"
#include "utf8.h"

typedef enum { KID_ELEMENT, KID_MARK, KID_ANNOTATION } kid_kind;

/* A kid of an element: a child element, a marked-content sequence or an
 * annotation. */
typedef struct {
    int parent;
    uint32_t seq;
    kid_kind kind;
    int ref;     /* the child element; the MCID */
    size_t page; /* of a mark or an annotation */
    uint32_t obj; /* of an annotation */
} kid;

/* What each page's MCIDs belong to, in order. */
typedef struct {
    int *elems;
    size_t count, cap;
} page_marks;

struct pdf_tags {
    const layout_doc *doc;
    kid *kids;
    size_t nkids, kids_cap;
    page_marks *pages;
    size_t nannots;
};

static const char *const role_names[TAG_ROLE_COUNT] = {
    [TAG_DOCUMENT] = "Document", [TAG_H1] = "H1",         [TAG_H2] = "H2",
    [TAG_H3] = "H3",             [TAG_H4] = "H4",         [TAG_H5] = "H5",
    [TAG_H6] = "H6",             [TAG_P] = "P",           [TAG_L] = "L",
    [TAG_LI] = "LI",             [TAG_LBL] = "Lbl",       [TAG_LBODY] = "LBody",
    [TAG_BLOCKQUOTE] = "BlockQuote", [TAG_NOTE] = "Note", [TAG_REFERENCE] = "Reference",
    [TAG_TABLE] = "Table",       [TAG_THEAD] = "THead",   [TAG_TBODY] = "TBody",
    [TAG_TR] = "TR",             [TAG_TH] = "TH",         [TAG_TD] = "TD",
    [TAG_TOC] = "TOC",           [TAG_TOCI] = "TOCI",     [TAG_LINK] = "Link",
    [TAG_FIGURE] = "Figure",     [TAG_DIV] = "Div",       [TAG_CODE] = "Code",
    [TAG_TITLE] = "Title",       [TAG_SPAN] = "Span",
};

const char *pdftags_role_name(tag_role role)
{
    return (unsigned)role < TAG_ROLE_COUNT && role_names[role] ? role_names[role] : "Span";
}

pdf_tags *pdftags_new(const layout_doc *doc)
{
    pdf_tags *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->doc = doc;
    t->pages = calloc(doc->npages ? doc->npages : 1, sizeof *t->pages);
    if (!t->pages) {
        free(t);
        return NULL;
    }
    return t;
}

void pdftags_free(pdf_tags *t)
{
    if (!t)
        return;
    for (size_t p = 0; p < t->doc->npages; p++)
        free(t->pages[p].elems);
    free(t->pages);
    free(t->kids);
    free(t);
}

static bool grow(void **items, size_t *cap, size_t count, size_t size)
{
    if (count < *cap)
        return true;
    size_t n = *cap ? 2 * *cap : 64;
    void *p = realloc(*items, n * size);
    if (!p)
        return false;
    *items = p;
    *cap = n;
    return true;
}

static bool add_kid(pdf_tags *t, kid k)
{
    if (!grow((void **)&t->kids, &t->kids_cap, t->nkids, sizeof *t->kids))
        return false;
    t->kids[t->nkids++] = k;
    return true;
}

static int valid_elem(const pdf_tags *t, int elem)
{
    return elem >= 0 && (size_t)elem < t->doc->ntags ? elem : 0;
}

int pdftags_mark(pdf_tags *t, size_t page, int elem, uint32_t seq)
{
    page_marks *pm = &t->pages[page];
    elem = valid_elem(t, elem);
    if (!grow((void **)&pm->elems, &pm->cap, pm->count, sizeof *pm->elems))
        return -1;
    int mcid = (int)pm->count;
    if (!add_kid(t, (kid){.parent = elem, .seq = seq, .kind = KID_MARK, .ref = mcid, .page = page}))
        return -1;
    pm->elems[pm->count++] = elem;
    return mcid;
}

int pdftags_page_key(size_t page)
{
    return (int)page;
}

int pdftags_annotation(pdf_tags *t, size_t page, int elem, uint32_t seq, uint32_t obj)
{
    if (!add_kid(t, (kid){.parent = valid_elem(t, elem),
                          .seq = seq,
                          .kind = KID_ANNOTATION,
                          .page = page,
                          .obj = obj}))
        return -1;
    return (int)(t->doc->npages + t->nannots++);
}

/* ---- writing -------------------------------------------------------------- */

void pdftags_text_string(strbuf *out, const char *utf8)
{
    size_t len = strlen(utf8);
    char *latin = malloc(len + 1);
    if (latin && pdfmeta_pdfdoc(utf8, latin, len + 1)) {
        strbuf_putc(out, '(');
        for (const char *p = latin; *p; p++) {
            if (*p == '(' || *p == ')' || *p == '\\')
                strbuf_putc(out, '\\');
            strbuf_putc(out, *p);
        }
        strbuf_putc(out, ')');
        free(latin);
        return;
    }
    free(latin);
    strbuf_puts(out, "<FEFF");
    for (size_t i = 0; i < len;) {
        uint32_t cp = utf8_next(utf8, len, &i);
        if (cp >= 0x10000) {
            strbuf_put_hex(out, 0xD800 + ((cp - 0x10000) >> 10), 4);
            strbuf_put_hex(out, 0xDC00 + ((cp - 0x10000) & 0x3FF), 4);
        } else {
            strbuf_put_hex(out, cp, 4);
        }
    }
    strbuf_putc(out, '>');
}

/* The kids of elements 0 … nparents-1 (*kept of them) in the order of
 * their parents, each parent's in the order of seq, ties as they came:
 * counted into place by parent, then each parent's few put in order where
 * they are not. NULL when out of memory. */
static kid *sorted_kids(const kid *k, size_t n, size_t nparents, size_t *kept)
{
    kid *out = malloc((n ? n : 1) * sizeof *out);
    size_t *at = calloc(nparents + 1, sizeof *at);
    if (!out || !at) {
        free(out);
        free(at);
        return NULL;
    }
    for (size_t i = 0; i < n; i++)
        if (k[i].parent >= 0 && (size_t)k[i].parent < nparents)
            at[k[i].parent + 1]++;
    for (size_t p = 0; p < nparents; p++)
        at[p + 1] += at[p];
    *kept = at[nparents];
    for (size_t i = 0; i < n; i++)
        if (k[i].parent >= 0 && (size_t)k[i].parent < nparents)
            out[at[k[i].parent]++] = k[i];
    free(at);
    for (size_t i = 1; i < *kept; i++) {
        kid x = out[i];
        size_t j = i;
        for (; j > 0 && out[j - 1].parent == x.parent && out[j - 1].seq > x.seq; j--)
            out[j] = out[j - 1];
        out[j] = x;
    }
    return out;
}

typedef struct {
    const pdf_tags *t;
    const uint32_t *pages;
    uint32_t root, first_elem;
} numbering;

static uint32_t elem_obj(const numbering *nb, int elem)
{
    return nb->first_elem + (uint32_t)elem;
}

static void write_attributes(strbuf *o, const tag_elem *e)
{
    static const char *const scopes[] = {"", "Column", "Row", "Both"};
    bool scope = e->role == TAG_TH && e->scope != SCOPE_NONE;
    bool span = e->colspan > 1;
    if (!scope && !span)
        return;
    strbuf_puts(o, "/A<</O/Table");
    if (scope)
        strbuf_printf(o, "/Scope/%s", scopes[e->scope]);
    if (span)
        strbuf_printf(o, "/ColSpan %d", e->colspan);
    strbuf_puts(o, ">>");
}

static void write_kids(strbuf *o, const numbering *nb, const kid *k, size_t n, size_t pg)
{
    strbuf_puts(o, "/K[");
    for (size_t i = 0; i < n; i++) {
        if (i)
            strbuf_putc(o, ' ');
        if (k[i].kind == KID_ELEMENT) {
            strbuf_put_ref(o, elem_obj(nb, k[i].ref));
        } else if (k[i].kind == KID_MARK && k[i].page == pg) {
            strbuf_put_uint(o, (uint64_t)k[i].ref);
        } else {
            bool mark = k[i].kind == KID_MARK;
            strbuf_puts(o, mark ? "<</Type/MCR/Pg " : "<</Type/OBJR/Pg ");
            strbuf_put_ref(o, nb->pages[k[i].page]);
            strbuf_puts(o, mark ? "/MCID " : "/Obj ");
            if (mark)
                strbuf_put_uint(o, (uint64_t)k[i].ref);
            else
                strbuf_put_ref(o, k[i].obj);
            strbuf_puts(o, ">>");
        }
    }
    strbuf_putc(o, ']');
}

static void write_element(strbuf *o, const numbering *nb, int index, const kid *k, size_t n)
{
    static const tag_elem document = {.role = TAG_DOCUMENT, .parent = -1};
    /* a layout that made no tree: every box is the Document's */
    const tag_elem *e = nb->t->doc->ntags ? &nb->t->doc->tags[index] : &document;
    strbuf_puts(o, "<</S/");
    strbuf_puts(o, pdftags_role_name(e->role));
    strbuf_puts(o, "/P ");
    strbuf_put_ref(o, e->parent < 0 ? nb->root : elem_obj(nb, e->parent));
    size_t pg = SIZE_MAX;
    for (size_t i = 0; i < n && pg == SIZE_MAX; i++)
        if (k[i].kind != KID_ELEMENT)
            pg = k[i].page;
    if (pg != SIZE_MAX) {
        strbuf_puts(o, "/Pg ");
        strbuf_put_ref(o, nb->pages[pg]);
    }
    if (n)
        write_kids(o, nb, k, n, pg);
    const char *texts[] = {e->alt, e->id, e->lang};
    const char *keys[] = {"/Alt", "/ID", "/Lang"};
    for (int i = 0; i < 3; i++) {
        if (texts[i] && *texts[i]) {
            strbuf_puts(o, keys[i]);
            pdftags_text_string(o, texts[i]);
        }
    }
    write_attributes(o, e);
    strbuf_puts(o, ">>");
}

static void write_parent_tree(strbuf *o, const numbering *nb)
{
    const pdf_tags *t = nb->t;
    strbuf_puts(o, "/ParentTree<</Nums[");
    for (size_t p = 0; p < t->doc->npages; p++) {
        strbuf_printf(o, "%d[", pdftags_page_key(p));
        for (size_t m = 0; m < t->pages[p].count; m++) {
            if (m)
                strbuf_putc(o, ' ');
            strbuf_put_ref(o, elem_obj(nb, t->pages[p].elems[m]));
        }
        strbuf_puts(o, "]");
    }
    size_t key = t->doc->npages;
    for (size_t i = 0; i < t->nkids; i++) /* annotations, in the order their keys were given */
        if (t->kids[i].kind == KID_ANNOTATION)
            strbuf_printf(o, " %zu %u 0 R", key++, elem_obj(nb, t->kids[i].parent));
    strbuf_printf(o, "]>>/ParentTreeNextKey %zu", key);
}

bool pdftags_write(pdf_tags *t, pdf_objects *objs, const uint32_t *pages, uint32_t *root)
{
    const layout_doc *d = t->doc;
    size_t nelems = d->ntags ? d->ntags : 1;
    numbering nb = {.t = t, .pages = pages, .root = pdfobjects_next(objs)};
    nb.first_elem = nb.root + 1;
    strbuf *o = pdfobjects_add(objs);
    if (!o)
        return false;
    strbuf_printf(o, "<</Type/StructTreeRoot/K %u 0 R", nb.first_elem);
    write_parent_tree(o, &nb);
    strbuf_puts(o, "/RoleMap<</Title/H1>>>>");
    /* the kids before sorting keep the annotations' order for the keys */
    size_t marks = t->nkids;
    for (size_t i = 1; i < d->ntags; i++)
        if (!add_kid(t, (kid){.parent = d->tags[i].parent, .seq = d->tags[i].seq,
                              .kind = KID_ELEMENT, .ref = (int)i}))
            return false;
    size_t nsorted;
    kid *sorted = sorted_kids(t->kids, t->nkids, nelems, &nsorted);
    if (!sorted)
        return false;
    size_t at = 0;
    bool ok = true;
    for (size_t i = 0; i < nelems && ok; i++) {
        size_t end = at;
        while (end < nsorted && sorted[end].parent == (int)i)
            end++;
        o = pdfobjects_add(objs);
        ok = o != NULL;
        if (ok)
            write_element(o, &nb, (int)i, sorted + at, end - at);
        at = end;
    }
    free(sorted);
    t->nkids = marks;
    *root = nb.root;
    return ok;
}
