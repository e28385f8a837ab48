#include "pdffont.h"

#include <hb-ot.h>
#include <hb.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <stdlib.h>
#include <string.h>

#include "cmap.h"
#include "i18n.h"
#include "pdfcontent.h"
#include "pdfstream.h"
#include "strbuf.h"
#include "subset.h"
#include "utf8.h"

/* Characters below LOW_LIMIT are noted in a bitmap and coded through an
 * array; the rare others through HarfBuzz sets and maps. */
enum { LOW_LIMIT = 0x3000, MAX_CIDS = 0x10000, MAX_LISTED = 8 };

typedef struct {
    uint64_t seen[LOW_LIMIT / 64];
    hb_set_t *seen_high;
    uint16_t *code_low; /* LOW_LIMIT entries once embedded */
    hb_map_t *code_high;
    strbuf widths; /* the CIDFont's /W entry, written by libharu's write_fn */
    int code_bytes;
    HPDF_Dict font;
} face_fonts;

struct pdf_fonts {
    const font_set *fonts;
    face_fonts faces[FACE_COUNT];
    HPDF_Dict one_byte_encoding; /* shared by the faces that use it */
    pdf_streams *streams;        /* while embedding */
};

pdf_fonts *pdffont_new(const font_set *fonts)
{
    pdf_fonts *pf = calloc(1, sizeof *pf);
    if (!pf)
        return NULL;
    pf->fonts = fonts;
    for (int f = 0; f < FACE_COUNT; f++) {
        pf->faces[f].seen_high = hb_set_create();
        pf->faces[f].code_high = hb_map_create();
    }
    return pf;
}

void pdffont_free(pdf_fonts *pf)
{
    if (!pf)
        return;
    for (int f = 0; f < FACE_COUNT; f++) {
        hb_set_destroy(pf->faces[f].seen_high);
        hb_map_destroy(pf->faces[f].code_high);
        free(pf->faces[f].code_low);
        strbuf_free(&pf->faces[f].widths);
    }
    free(pf);
}

void pdffont_note(pdf_fonts *pf, face_style face, const char *s, size_t len)
{
    face_fonts *ff = &pf->faces[face];
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { /* most are ASCII */
            ff->seen[c / 64] |= (uint64_t)1 << (c % 64);
            i++;
            continue;
        }
        uint32_t cp = utf8_next(s, len, &i);
        if (cp < LOW_LIMIT)
            ff->seen[cp / 64] |= (uint64_t)1 << (cp % 64);
        else
            hb_set_add(ff->seen_high, cp);
    }
}

static uint16_t code_of(const face_fonts *ff, uint32_t cp)
{
    if (cp < LOW_LIMIT)
        return ff->code_low ? ff->code_low[cp] : 0;
    hb_codepoint_t code = hb_map_get(ff->code_high, cp);
    return code == HB_MAP_VALUE_INVALID ? 0 : (uint16_t)code;
}

uint16_t pdffont_code(const pdf_fonts *pf, face_style face, uint32_t cp)
{
    return code_of(&pf->faces[face], cp);
}

void pdffont_codes(const pdf_fonts *pf, face_style face, const font_glyph *glyphs, size_t n,
                   uint16_t *codes)
{
    const face_fonts *ff = &pf->faces[face];
    for (size_t i = 0; i < n; i++)
        codes[i] = code_of(ff, glyphs[i].cp);
}

HPDF_Dict pdffont_dict(const pdf_fonts *pf, face_style face)
{
    return pf->faces[face].font;
}

int pdffont_code_bytes(const pdf_fonts *pf, face_style face)
{
    return pf->faces[face].code_bytes;
}

/* ---- numbering ------------------------------------------------------------ */

/* The noted characters in rising order. */
static uint32_t *noted_characters(const face_fonts *ff, size_t *n)
{
    size_t count = hb_set_get_population(ff->seen_high);
    for (size_t w = 0; w < LOW_LIMIT / 64; w++)
        count += (size_t)__builtin_popcountll(ff->seen[w]);
    *n = count;
    if (count == 0)
        return NULL;
    uint32_t *cps = malloc(count * sizeof *cps);
    if (!cps)
        return NULL;
    size_t k = 0;
    for (uint32_t w = 0; w < LOW_LIMIT / 64; w++)
        for (uint64_t bits = ff->seen[w]; bits; bits &= bits - 1)
            cps[k++] = w * 64 + (uint32_t)__builtin_ctzll(bits);
    hb_codepoint_t cp = HB_SET_VALUE_INVALID;
    while (hb_set_next(ff->seen_high, &cp))
        cps[k++] = cp;
    return cps;
}

/* Gives each character its CID, which is its code (cmap.h); `codes`
 * follows `cps`. Returns the number of CIDs. */
static unsigned assign_codes(face_fonts *ff, const uint32_t *cps, size_t n, uint16_t *codes)
{
    ff->code_low = calloc(LOW_LIMIT, sizeof *ff->code_low);
    if (!ff->code_low)
        return 0;
    unsigned next = CMAP_ASCII_END;
    for (size_t i = 0; i < n; i++) {
        codes[i] = (uint16_t)(cps[i] < CMAP_ASCII_END ? cps[i] : next++);
        if (cps[i] < LOW_LIMIT)
            ff->code_low[cps[i]] = codes[i];
        else
            hb_map_set(ff->code_high, cps[i], codes[i]);
    }
    ff->code_bytes = next <= CMAP_ONE_BYTE_CIDS ? 1 : 2;
    return next;
}

/* ---- font metadata ------------------------------------------------------- */

static int to_thousandths(double units, unsigned upem)
{
    double v = units * 1000.0 / upem;
    return (int)(v < 0 ? v - 0.5 : v + 0.5);
}

static int read_i16(const char *p)
{
    return (int16_t)(((unsigned char)p[0] << 8) | (unsigned char)p[1]);
}

/* The PostScript name with only the characters a PDF name needs no escape for. */
static void postscript_name(hb_face_t *face, char *out, size_t size)
{
    char name[64];
    unsigned len = sizeof name;
    hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, name);
    size_t k = 0;
    for (unsigned i = 0; i < len && name[i] && k + 1 < size; i++) {
        char c = name[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')
            out[k++] = c;
    }
    if (k == 0)
        k = (size_t)snprintf(out, size, "Font");
    out[k] = '\0';
}

/* "ABCDEF+Name": six capitals that depend only on the face and the
 * characters, marking the font as a subset and keeping output reproducible. */
static void subset_font_name(hb_face_t *face, int face_index, const uint32_t *cps, size_t n,
                             char *out, size_t size)
{
    uint64_t h = 1469598103934665603ull ^ (uint64_t)face_index;
    for (size_t i = 0; i < n; i++)
        h = (h ^ cps[i]) * 1099511628211ull;
    char tag[7];
    for (int i = 0; i < 6; i++, h /= 26)
        tag[i] = (char)('A' + h % 26);
    tag[6] = '\0';
    char ps[64];
    postscript_name(face, ps, sizeof ps);
    snprintf(out, size, "%s+%s", tag, ps);
}

static HPDF_Dict new_dict(HPDF_Doc pdf, const char *type)
{
    HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
    if (!d || HPDF_Xref_Add(pdf->xref, d) != HPDF_OK)
        return NULL;
    if (type)
        HPDF_Dict_AddName(d, "Type", type);
    return d;
}

static HPDF_Dict cid_system_info(HPDF_Doc pdf)
{
    HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
    if (!d)
        return NULL;
    HPDF_Dict_Add(d, "Registry", HPDF_String_New(pdf->mmgr, "Adobe", NULL));
    HPDF_Dict_Add(d, "Ordering", HPDF_String_New(pdf->mmgr, "Identity", NULL));
    HPDF_Dict_AddNumber(d, "Supplement", 0);
    return d;
}

static HPDF_Dict font_descriptor(HPDF_Doc pdf, hb_face_t *face, const char *name,
                                 HPDF_Dict font_file)
{
    HPDF_Dict d = new_dict(pdf, "FontDescriptor");
    if (!d)
        return NULL;
    unsigned upem = hb_face_get_upem(face);
    hb_font_t *font = hb_font_create(face);
    hb_position_t ascent = 0, descent = 0, cap_height = 0;
    hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &ascent);
    hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER,
                                             &descent);
    hb_ot_metrics_get_position_with_fallback(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &cap_height);
    double italic_angle = hb_style_get_value(font, HB_STYLE_TAG_SLANT_ANGLE);
    double weight = hb_style_get_value(font, HB_STYLE_TAG_WEIGHT);
    hb_font_destroy(font);

    HPDF_Array bbox = HPDF_Array_New(pdf->mmgr);
    hb_blob_t *head = hb_face_reference_table(face, HB_TAG('h', 'e', 'a', 'd'));
    unsigned head_len = 0;
    const char *h = hb_blob_get_data(head, &head_len);
    for (int i = 0; i < 4; i++)
        HPDF_Array_AddNumber(bbox,
                             head_len >= 44 ? to_thousandths(read_i16(h + 36 + 2 * i), upem) : 0);
    hb_blob_destroy(head);

    HPDF_Dict_AddName(d, "FontName", name);
    /* Symbolic (glyphs beyond the standard Latin set), Italic when slanted. */
    HPDF_Dict_AddNumber(d, "Flags", 4 | (italic_angle != 0 ? 64 : 0));
    HPDF_Dict_Add(d, "FontBBox", bbox);
    HPDF_Dict_AddNumber(d, "ItalicAngle",
                        (HPDF_INT32)(italic_angle < 0 ? italic_angle - 0.5 : italic_angle + 0.5));
    HPDF_Dict_AddNumber(d, "Ascent", to_thousandths(ascent, upem));
    HPDF_Dict_AddNumber(d, "Descent", to_thousandths(descent, upem));
    HPDF_Dict_AddNumber(d, "CapHeight", to_thousandths(cap_height, upem));
    /* No font file says how thick its stems are: estimated from the weight. */
    HPDF_Dict_AddNumber(d, "StemV", (HPDF_INT32)(10 + 220 * (weight - 50) / 900 + 0.5));
    HPDF_Dict_Add(d, "FontFile2", font_file);
    return d;
}

/* ---- embedding ------------------------------------------------------------ */

/* The characters of one face in one document, in rising order. */
typedef struct {
    const uint32_t *cps;
    uint16_t *codes;
    uint32_t *glyphs; /* in the whole font; 0 when missing */
    size_t n;
    unsigned ncids; /* CIDs 0 .. ncids - 1 */
} face_chars;

static HPDF_STATUS write_extra_entries(HPDF_Dict d, HPDF_Stream stream)
{
    const strbuf *w = d->attr;
    return HPDF_Stream_Write(stream, (const HPDF_BYTE *)w->data, (HPDF_UINT)w->len);
}

/* The /W entry: the widths of the CIDs used, in runs of neighbours. libharu
 * writes reals with a float's precision and its own rounding, so this is
 * written as text, exact to 1/10000 of a unit, by the dictionary's write_fn. */
static void build_widths(strbuf *w, const font_set *fonts, face_style face, const face_chars *fc)
{
    unsigned upem = fonts_units_per_em(fonts, face);
    strbuf_puts(w, "/W [");
    for (size_t i = 0; i < fc->n; i++) {
        unsigned cid = fc->codes[i];
        bool starts_run = i == 0 || fc->codes[i - 1] + 1u != cid;
        if (starts_run)
            strbuf_printf(w, "%s%u [", i ? "] " : "", cid);
        else
            strbuf_putc(w, ' ');
        content_number(w, fonts_glyph_advance(fonts, face, fc->glyphs[i]) * 1000.0 / upem, 4);
    }
    strbuf_puts(w, fc->n ? "]]\012" : "]\012");
}

static HPDF_Dict cid_to_gid_map(pdf_fonts *pf, const font_subset *sub, const face_chars *fc)
{
    unsigned char *map = calloc(fc->ncids, 2);
    if (!map)
        return NULL;
    for (size_t i = 0; i < fc->n; i++) {
        unsigned cid = fc->codes[i];
        uint32_t g = subset_glyph(sub, fc->glyphs[i]);
        map[2 * cid] = (unsigned char)(g >> 8);
        map[2 * cid + 1] = (unsigned char)g;
    }
    HPDF_Dict d = pdfstream_new(pf->streams, map, 2 * (size_t)fc->ncids);
    free(map);
    return d;
}

static HPDF_Dict one_byte_encoding(pdf_fonts *pf, HPDF_Doc pdf)
{
    if (pf->one_byte_encoding)
        return pf->one_byte_encoding;
    strbuf cmap = {0};
    cmap_write_one_byte_encoding(&cmap);
    HPDF_Dict d = pdfstream_new(pf->streams, cmap.data, cmap.len);
    strbuf_free(&cmap);
    if (!d)
        return NULL;
    HPDF_Dict_AddName(d, "Type", "CMap");
    HPDF_Dict_AddName(d, "CMapName", "planpress-OneByte-H");
    HPDF_Dict_Add(d, "CIDSystemInfo", cid_system_info(pdf));
    pf->one_byte_encoding = d;
    return d;
}

static HPDF_Dict to_unicode_map(pdf_fonts *pf, const face_chars *fc, int code_bytes)
{
    tounicode_entry *entries = malloc(fc->n * sizeof *entries);
    if (!entries)
        return NULL;
    for (size_t i = 0; i < fc->n; i++)
        entries[i] = (tounicode_entry){fc->codes[i], fc->cps[i]};
    strbuf cmap = {0};
    cmap_write_tounicode(&cmap, entries, fc->n, code_bytes);
    HPDF_Dict d = pdfstream_new(pf->streams, cmap.data, cmap.len);
    strbuf_free(&cmap);
    free(entries);
    return d;
}

static void put_utf8(strbuf *out, uint32_t c)
{
    char buf[4];
    size_t n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    static const unsigned char lead[] = {0, 0, 0xC0, 0xE0, 0xF0};
    for (size_t i = n - 1; i > 0; i--, c >>= 6)
        buf[i] = (char)(0x80 | (c & 0x3F));
    buf[0] = (char)(n == 1 ? c : (lead[n] | c));
    strbuf_append(out, buf, n);
}

static void warn_missing(const font_set *fonts, face_style face, const uint32_t *cps,
                         const uint32_t *glyphs, size_t n, const char *doc_path, diag_list *dl)
{
    strbuf list = {0};
    size_t missing = 0;
    for (size_t i = 0; i < n; i++) {
        if (glyphs[i] != 0 || missing++ >= MAX_LISTED)
            continue;
        strbuf_printf(&list, "%sU+%04X", missing > 1 ? ", " : "", (unsigned)cps[i]);
        bool printable = cps[i] > 0x20 && cps[i] != 0x7F && !(cps[i] >= 0x80 && cps[i] < 0xA0) &&
                         cps[i] <= 0x10FFFF && !(cps[i] >= 0xD800 && cps[i] < 0xE000);
        if (printable) {
            strbuf_puts(&list, " \"");
            put_utf8(&list, cps[i]);
            strbuf_putc(&list, '"');
        }
    }
    if (missing) {
        const char *file = fonts_file(fonts, face);
        const char *base = strrchr(file, '/');
        diag_add(dl, DIAG_WARNING, doc_path, 0, 0, NULL,
                 "the font %s has no glyph for %s%s: drawn as the font's empty box",
                 base ? base + 1 : file, list.data, missing > MAX_LISTED ? _(" and more") : "");
    }
    strbuf_free(&list);
}

static font_subset *make_subset(const pdf_fonts *pf, face_style f, const face_chars *fc)
{
    uint32_t *kept = malloc((fc->n ? fc->n : 1) * sizeof *kept);
    if (!kept)
        return NULL;
    size_t nkept = 0;
    for (size_t i = 0; i < fc->n; i++)
        if (fc->glyphs[i])
            kept[nkept++] = fc->cps[i];
    font_subset *sub = subset_make(fonts_hb_face(pf->fonts, f), kept, nkept, nkept < fc->n);
    free(kept);
    return sub;
}

static bool add_fonts(pdf_fonts *pf, HPDF_Doc pdf, face_style f, const face_chars *fc,
                      const font_subset *sub)
{
    face_fonts *ff = &pf->faces[f];
    hb_face_t *face = fonts_hb_face(pf->fonts, f);
    char name[96];
    subset_font_name(face, (int)f, fc->cps, fc->n, name, sizeof name);
    size_t font_len;
    const unsigned char *font_data = subset_data(sub, &font_len);
    HPDF_Dict font_file = pdfstream_new(pf->streams, font_data, font_len);
    HPDF_Dict cid_font = new_dict(pdf, "Font"), font = new_dict(pdf, "Font");
    HPDF_Array descendants = HPDF_Array_New(pdf->mmgr);
    if (!font_file || !cid_font || !font || !descendants)
        return false;
    HPDF_Dict_AddNumber(font_file, "Length1", (HPDF_UINT32)font_len);

    HPDF_Dict_AddName(cid_font, "Subtype", "CIDFontType2");
    HPDF_Dict_AddName(cid_font, "BaseFont", name);
    HPDF_Dict_Add(cid_font, "CIDSystemInfo", cid_system_info(pdf));
    HPDF_Dict_Add(cid_font, "FontDescriptor", font_descriptor(pdf, face, name, font_file));
    HPDF_Dict_Add(cid_font, "CIDToGIDMap", cid_to_gid_map(pf, sub, fc));
    build_widths(&ff->widths, pf->fonts, f, fc);
    cid_font->attr = &ff->widths;
    cid_font->write_fn = write_extra_entries;

    HPDF_Dict_AddName(font, "Subtype", "Type0");
    HPDF_Dict_AddName(font, "BaseFont", name);
    if (ff->code_bytes == 1)
        HPDF_Dict_Add(font, "Encoding", one_byte_encoding(pf, pdf));
    else
        HPDF_Dict_AddName(font, "Encoding", "Identity-H");
    HPDF_Array_Add(descendants, cid_font);
    HPDF_Dict_Add(font, "DescendantFonts", descendants);
    HPDF_Dict_Add(font, "ToUnicode", to_unicode_map(pf, fc, ff->code_bytes));
    ff->font = font;
    /* libharu's errors are sticky: one check covers every call above */
    return HPDF_GetError(pdf) == HPDF_OK;
}

static bool embed_face(pdf_fonts *pf, HPDF_Doc pdf, face_style f, const uint32_t *cps, size_t n,
                       const char *doc_path, diag_list *dl)
{
    if (n > MAX_CIDS - CMAP_ASCII_END) {
        diag_add(dl, DIAG_ERROR, doc_path, 0, 0, NULL,
                 "more than %d different characters in one face", MAX_CIDS - CMAP_ASCII_END);
        return false;
    }
    face_fonts *ff = &pf->faces[f];
    face_chars fc = {cps, malloc(n * sizeof *fc.codes), malloc(n * sizeof *fc.glyphs), n, 0};
    if (fc.codes && fc.glyphs)
        fc.ncids = assign_codes(ff, cps, n, fc.codes);
    font_subset *sub = NULL;
    if (fc.ncids > 0) {
        for (size_t i = 0; i < n; i++)
            fc.glyphs[i] = fonts_glyph(pf->fonts, f, cps[i]);
        sub = make_subset(pf, f, &fc);
    }
    bool ok = sub && add_fonts(pf, pdf, f, &fc, sub);
    if (ok)
        warn_missing(pf->fonts, f, cps, fc.glyphs, n, doc_path, dl);
    else
        diag_add(dl, DIAG_ERROR, doc_path, 0, 0, NULL, "cannot embed the font %s",
                 fonts_file(pf->fonts, f));
    subset_free(sub);
    free(fc.codes);
    free(fc.glyphs);
    return ok;
}

bool pdffont_embed(pdf_fonts *pf, HPDF_Doc pdf, pdf_streams *streams, const char *doc_path,
                   diag_list *dl)
{
    pf->streams = streams;
    for (int f = 0; f < FACE_COUNT; f++) {
        size_t n;
        uint32_t *cps = noted_characters(&pf->faces[f], &n);
        if (n == 0)
            continue;
        bool ok = cps && embed_face(pf, pdf, (face_style)f, cps, n, doc_path, dl);
        free(cps);
        if (!ok)
            return false;
    }
    return true;
}
