#include "fonts.h"

#include <errno.h>
#include <hb-ot.h>
#include <hb.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "baked_kerning.h"
#include "hash.h"
#include "oom.h"
#include "regular.h"
#include "subset.h"
#include "utf8.h"

/* Characters below CACHE_LIMIT (Latin, Greek, Cyrillic, punctuation, − ≤ ≥)
 * have their glyph, advance and kerning class looked up once, when the face
 * is first used. */
enum { CACHE_LIMIT = 0x2300, MAX_KERNED = 255 };

typedef baked_char char_info;

typedef struct {
    /* Set by fonts_load. */
    const char *file;
    const baked_kerning *baked; /* the tables compiled in for this file, or NULL */
    unsigned upem;
    hb_face_t *face; /* opened by fonts_load unless baked, else with `font` */
    pthread_mutex_t lock;
    /* What setting text needs: taken from `baked` by fonts_load, else built
     * on the face's first use (setting_face); then read-only. */
    atomic_bool setting_ready;
    int ascender, descender;
    const char_info *chars; /* CACHE_LIMIT of them: baked->chars, or own_chars */
    char_info *own_chars;
    /* HarfBuzz's font, for the PDF writer and for characters past the cache:
     * built on first use (harfbuzz_face). */
    atomic_bool ready;
    hb_font_t *font;
    unsigned nclasses;
    uint32_t class_chars[MAX_KERNED]; /* a character of each kerning class */
    uint32_t separator;               /* keeps shaped pairs apart; 0 if none */
    hb_buffer_t *buffer;              /* for shaping rows, under the lock */
    /* Row `a` holds the kerning of class a followed by each class: shaped
     * on the first use of class a on the left, then read-only. */
    int16_t *kerning; /* nclasses × nclasses, font units; baked->kerning when baked */
    atomic_bool row_ready[MAX_KERNED];
} face_data;

/* The faces are behind a pointer: the part built on first use is written
 * through it while the API hands out a const font_set. */
struct font_set {
    face_data *faces; /* FACE_COUNT of them */
};

/* ---- loading ------------------------------------------------------------- */

static char_info lookup_char(const face_data *fd, uint32_t cp)
{
    hb_codepoint_t glyph = 0;
    if (!hb_font_get_nominal_glyph(fd->font, cp, &glyph) || glyph > 0xFFFF)
        glyph = 0;
    return (char_info){(uint16_t)glyph, 0, hb_font_get_glyph_h_advance(fd->font, glyph)};
}

/* The cache of characters below CACHE_LIMIT: those the font lacks share the
 * .notdef glyph, so only the font's own characters are asked of HarfBuzz. */
static void fill_chars(face_data *fd)
{
    fd->own_chars = malloc(CACHE_LIMIT * sizeof *fd->own_chars);
    if (!fd->own_chars)
        out_of_memory();
    const char_info missing = {0, 0, hb_font_get_glyph_h_advance(fd->font, 0)};
    for (uint32_t cp = 0; cp < CACHE_LIMIT; cp++)
        fd->own_chars[cp] = missing;
    hb_set_t *mapped = hb_set_create();
    hb_face_collect_unicodes(fd->face, mapped);
    hb_codepoint_t cp = HB_SET_VALUE_INVALID;
    while (hb_set_next(mapped, &cp) && cp < CACHE_LIMIT)
        fd->own_chars[cp] = lookup_char(fd, cp);
    hb_set_destroy(mapped);
    fd->chars = fd->own_chars;
}

/* Kerning is looked up for letters, punctuation and symbols (Latin, general
 * punctuation, currency, arrows, mathematical operators); never for spaces,
 * which stretch and shrink in justified text. */
static bool kerned_range(uint32_t cp)
{
    return cp != ' ' && (cp < 0x0250 || cp >= 0x1E00) && cp < CACHE_LIMIT;
}

/* The glyphs the font's `kern` feature can move. */
static hb_set_t *kerned_glyphs(hb_face_t *face)
{
    hb_set_t *lookups = hb_set_create(), *glyphs = hb_set_create();
    hb_tag_t features[] = {HB_TAG('k', 'e', 'r', 'n'), HB_TAG_NONE};
    hb_ot_layout_collect_lookups(face, HB_OT_TAG_GPOS, NULL, NULL, features, lookups);
    hb_codepoint_t lookup = HB_SET_VALUE_INVALID;
    while (hb_set_next(lookups, &lookup))
        hb_ot_layout_lookup_collect_glyphs(face, HB_OT_TAG_GPOS, lookup, NULL, glyphs, NULL, NULL);
    hb_set_destroy(lookups);
    return glyphs;
}

/* Gives each kerned glyph a class; fills `reps` with a character of each. */
static unsigned assign_classes(face_data *fd, const hb_set_t *kerned, uint32_t *reps)
{
    unsigned n = 0;
    hb_map_t *class_of = hb_map_create();
    for (uint32_t cp = 0; cp < CACHE_LIMIT; cp++) {
        char_info *ci = &fd->own_chars[cp];
        if (!kerned_range(cp) || ci->glyph == 0 || !hb_set_has(kerned, ci->glyph))
            continue;
        hb_codepoint_t c = hb_map_get(class_of, ci->glyph);
        if (c == HB_MAP_VALUE_INVALID) {
            if (n == MAX_KERNED)
                continue;
            reps[n] = cp;
            c = ++n;
            hb_map_set(class_of, ci->glyph, c);
        }
        ci->kern_class = (uint8_t)c;
    }
    hb_map_destroy(class_of);
    return n;
}

/* A printable ASCII character that no kerning pair involves. */
static uint32_t find_separator(const face_data *fd, const hb_set_t *kerned)
{
    for (uint32_t cp = 0x21; cp < 0x7F; cp++)
        if (fd->chars[cp].glyph && !hb_set_has(kerned, fd->chars[cp].glyph))
            return cp;
    return 0;
}

/* Shapes `count` pairs (left, rights[k]), each followed by the separator
 * when there is one, and stores how much shaping changed each pair's width. */
static void shape_pairs(face_data *fd, hb_buffer_t *buf, uint32_t left, const uint32_t *rights,
                        unsigned count, uint32_t sep, int16_t *out)
{
    static const hb_feature_t off[] = {
        {HB_TAG('l', 'i', 'g', 'a'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
        {HB_TAG('c', 'l', 'i', 'g'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
        {HB_TAG('c', 'a', 'l', 't'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END},
    };
    unsigned unit = sep ? 3 : 2;
    hb_buffer_clear_contents(buf);
    for (unsigned k = 0; k < count; k++) {
        hb_buffer_add(buf, left, k * unit);
        hb_buffer_add(buf, rights[k], k * unit + 1);
        if (sep)
            hb_buffer_add(buf, sep, k * unit + 2);
    }
    hb_buffer_set_content_type(buf, HB_BUFFER_CONTENT_TYPE_UNICODE);
    hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
    hb_buffer_set_script(buf, HB_SCRIPT_LATIN);
    hb_shape(fd->font, buf, off, sizeof off / sizeof off[0]);
    unsigned n;
    const hb_glyph_info_t *info = hb_buffer_get_glyph_infos(buf, &n);
    const hb_glyph_position_t *pos = hb_buffer_get_glyph_positions(buf, &n);
    for (unsigned k = 0; k < count; k++) {
        unsigned at = k * unit;
        /* Substitutions would break the one-glyph-per-character model: such a
         * pair is left unkerned. */
        if (n != count * unit || info[at].codepoint != fd->chars[left].glyph ||
            info[at + 1].codepoint != fd->chars[rights[k]].glyph) {
            out[k] = 0;
            continue;
        }
        int32_t delta = pos[at].x_advance + pos[at + 1].x_advance - fd->chars[left].advance -
                        fd->chars[rights[k]].advance;
        out[k] = (int16_t)(delta < INT16_MIN ? INT16_MIN : delta > INT16_MAX ? INT16_MAX : delta);
    }
}

/* Row `row` of the kerning table, from HarfBuzz's shaping of each pair
 * (many pairs per call, kept apart by a separator no pair involves). */
static void shape_row(face_data *fd, unsigned row)
{
    unsigned n = fd->nclasses;
    int16_t *out = fd->kerning + (size_t)row * n;
    uint32_t left = fd->class_chars[row];
    if (fd->separator) {
        shape_pairs(fd, fd->buffer, left, fd->class_chars, n, fd->separator, out);
    } else {
        for (unsigned b = 0; b < n; b++)
            shape_pairs(fd, fd->buffer, left, fd->class_chars + b, 1, 0, out + b);
    }
}

/* The kerning classes and their table, whose rows are shaped on first use;
 * the first row now, so that HarfBuzz has what shaping needs before the face
 * is shared. */
static void build_kerning(face_data *fd)
{
    hb_set_t *kerned = kerned_glyphs(fd->face);
    unsigned n = assign_classes(fd, kerned, fd->class_chars);
    fd->separator = find_separator(fd, kerned);
    hb_set_destroy(kerned);
    fd->nclasses = n;
    if (n == 0)
        return;
    fd->kerning = calloc((size_t)n * n, sizeof *fd->kerning);
    fd->buffer = hb_buffer_create();
    if (!fd->kerning || !hb_buffer_allocation_successful(fd->buffer)) {
        fd->nclasses = 0;
        for (uint32_t cp = 0; cp < CACHE_LIMIT; cp++)
            fd->own_chars[cp].kern_class = 0;
        return;
    }
    shape_row(fd, 0);
    atomic_store_explicit(&fd->row_ready[0], true, memory_order_relaxed);
}

/* The tables compiled in for the font file, or NULL. */
static const baked_kerning *baked_tables(const char *file)
{
    const baked_kerning *bk = baked_kerning_for_file(file);
    return bk && bk->nchars == CACHE_LIMIT && bk->nclasses <= MAX_KERNED ? bk : NULL;
}

/* The tables compiled in for the face's file: ready to set text, every
 * kerning row too. */
static void use_baked(face_data *fd, const char *file, const baked_kerning *bk)
{
    fd->file = file;
    fd->baked = bk;
    fd->upem = bk->upem;
    fd->ascender = bk->ascender;
    fd->descender = bk->descender;
    fd->chars = bk->chars;
    fd->nclasses = bk->nclasses;
    memcpy(fd->class_chars, bk->class_chars, bk->nclasses * sizeof *bk->class_chars);
    fd->separator = bk->separator;
    fd->kerning = (int16_t *)bk->kerning; /* only read, never freed */
    for (unsigned row = 0; row < bk->nclasses; row++)
        atomic_store_explicit(&fd->row_ready[row], true, memory_order_relaxed);
    atomic_store_explicit(&fd->setting_ready, true, memory_order_relaxed);
}

/* HarfBuzz reads some tables of a face (and builds what it keeps of them)
 * on first use, and threads that use one first at the same time race. So
 * everything documents will ask of the shared face is asked once here,
 * before the face is handed out: the name, metrics and style values of a
 * PDF font descriptor, and the tables the subsetter reads (by cutting one
 * subset). */
static void load_lazy_tables(face_data *fd)
{
    char name[64];
    unsigned len = sizeof name;
    hb_ot_name_get_utf8(fd->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, name);
    static const hb_ot_metrics_tag_t metrics[] = {HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER,
                                                  HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER,
                                                  HB_OT_METRICS_TAG_CAP_HEIGHT};
    for (size_t i = 0; i < sizeof metrics / sizeof metrics[0]; i++) {
        hb_position_t position;
        hb_ot_metrics_get_position_with_fallback(fd->font, metrics[i], &position);
    }
    hb_style_get_value(fd->font, HB_STYLE_TAG_SLANT_ANGLE);
    hb_style_get_value(fd->font, HB_STYLE_TAG_WEIGHT);
    static const uint32_t sample[] = {'A', 0xE5 /* å */};
    subset_free(subset_make(fd->face, sample, sizeof sample / sizeof sample[0], true));
    hb_face_make_immutable(fd->face);
}

/* Opens the face and checks that it can set text: a readable TrueType font
 * with glyphs and units per em. */
static bool check_face(face_data *fd, const char *file, diag_list *dl)
{
    int probe = regular_open(file); /* HarfBuzz would wait on a FIFO for ever */
    hb_blob_t *blob = NULL;
    if (probe >= 0) {
        close(probe);
        errno = 0;
        blob = hb_blob_create_from_file_or_fail(file);
        if (!blob && errno == ENOMEM)
            out_of_memory();
    }
    if (!blob) {
        diag_add(dl, DIAG_ERROR, file, 0, 0, NULL, "cannot read the font file");
        return false;
    }
    fd->face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    fd->upem = hb_face_get_upem(fd->face);
    hb_blob_t *glyf = hb_face_reference_table(fd->face, HB_TAG('g', 'l', 'y', 'f'));
    bool truetype = hb_blob_get_length(glyf) > 0;
    hb_blob_destroy(glyf);
    if (hb_face_get_glyph_count(fd->face) == 0 || fd->upem == 0 || !truetype) {
        diag_add(dl, DIAG_ERROR, file, 0, 0, NULL,
                 "not a TrueType font (a font with TrueType outlines is needed)");
        return false;
    }
    fd->file = file;
    return true;
}

/* HarfBuzz's font of the face, for writing it and for the characters past
 * the cache. A baked face's file is opened in HarfBuzz only now; should it
 * have gone since fonts_load, the face is empty and the PDF writer says so. */
static void build_harfbuzz(face_data *fd)
{
    if (!fd->face) {
        hb_blob_t *blob = hb_blob_create_from_file(fd->file);
        fd->face = hb_face_create(blob, 0);
        hb_blob_destroy(blob);
    }
    fd->font = hb_font_create(fd->face);
    hb_font_set_scale(fd->font, (int)fd->upem, (int)fd->upem);
    load_lazy_tables(fd);
}

static void build_harfbuzz_once(face_data *fd, unsigned unused)
{
    (void)unused;
    build_harfbuzz(fd);
}

/* What setting text in a face that is not baked needs, measured with
 * HarfBuzz. Runs under the face's lock, as build_harfbuzz_once does. */
static void build_setting(face_data *fd, unsigned unused)
{
    (void)unused;
    if (!atomic_load_explicit(&fd->ready, memory_order_relaxed)) {
        build_harfbuzz(fd);
        atomic_store_explicit(&fd->ready, true, memory_order_release);
    }
    hb_font_extents_t ext;
    hb_font_get_h_extents(fd->font, &ext);
    fd->ascender = ext.ascender;
    fd->descender = -ext.descender;
    fill_chars(fd);
    build_kerning(fd);
}

/* The first use: under the lock, so that one thread builds. Kept out of
 * line, so that the check on every later use is inlined where text is set. */
__attribute__((noinline, cold)) static void build_under_lock(face_data *fd, atomic_bool *done,
                                                             void (*build)(face_data *, unsigned),
                                                             unsigned arg)
{
    pthread_mutex_lock(&fd->lock);
    if (!atomic_load_explicit(done, memory_order_relaxed)) {
        build(fd, arg);
        atomic_store_explicit(done, true, memory_order_release);
    }
    pthread_mutex_unlock(&fd->lock);
}

/* Runs build(fd, arg) once for the flag `done`, whichever threads ask. */
static inline void once(face_data *fd, atomic_bool *done, void (*build)(face_data *, unsigned),
                        unsigned arg)
{
    if (!atomic_load_explicit(done, memory_order_acquire))
        build_under_lock(fd, done, build, arg);
}

/* The face, ready to set text. */
static inline face_data *setting_face(const font_set *fs, face_style face)
{
    face_data *fd = &fs->faces[face];
    once(fd, &fd->setting_ready, build_setting, 0);
    return fd;
}

/* The face with its HarfBuzz font. */
static inline face_data *harfbuzz_face(face_data *fd)
{
    once(fd, &fd->ready, build_harfbuzz_once, 0);
    return fd;
}

font_set *fonts_load(const style *st, diag_list *dl)
{
    font_set *fs = malloc(sizeof *fs);
    face_data *faces = calloc(FACE_COUNT, sizeof *faces);
    if (!fs || !faces) {
        free(fs);
        free(faces);
        return NULL;
    }
    fs->faces = faces;
    for (int f = 0; f < FACE_COUNT; f++) {
        pthread_mutex_init(&faces[f].lock, NULL);
        atomic_init(&faces[f].setting_ready, false);
        atomic_init(&faces[f].ready, false);
    }
    for (int f = 0; f < FACE_COUNT; f++) {
        const baked_kerning *bk = baked_tables(st->font_files[f]);
        if (bk) {
            use_baked(&faces[f], st->font_files[f], bk);
        } else if (!check_face(&faces[f], st->font_files[f], dl)) {
            fonts_free(fs);
            return NULL;
        }
    }
    return fs;
}

void fonts_free(font_set *fs)
{
    if (!fs)
        return;
    for (int f = 0; f < FACE_COUNT; f++) {
        face_data *fd = &fs->faces[f];
        pthread_mutex_destroy(&fd->lock);
        hb_font_destroy(fd->font);
        hb_face_destroy(fd->face);
        hb_buffer_destroy(fd->buffer);
        free(fd->own_chars);
        if (!fd->baked)
            free(fd->kerning);
    }
    free(fs->faces);
    free(fs);
}

bool fonts_face_ready(const font_set *fs, face_style face)
{
    return atomic_load_explicit(&fs->faces[face].ready, memory_order_acquire);
}

void fonts_build_all(const font_set *fs)
{
    for (int f = 0; f < FACE_COUNT; f++)
        harfbuzz_face(setting_face(fs, (face_style)f));
}

bool fonts_face_baked(const font_set *fs, face_style face)
{
    return fs->faces[face].baked != NULL;
}

bool fonts_bake(const font_set *fs, face_style face, baked_kerning *out)
{
    face_data *fd = harfbuzz_face(setting_face(fs, face));
    if (fd->baked)
        return false;
    for (unsigned row = 0; row < fd->nclasses; row++)
        once(fd, &fd->row_ready[row], shape_row, row);
    unsigned len;
    hb_blob_t *blob = hb_face_reference_blob(fd->face);
    const char *data = hb_blob_get_data(blob, &len);
    *out = (baked_kerning){.size = len,
                           .hash = baked_kerning_identity(data, len),
                           .upem = fd->upem,
                           .ascender = fd->ascender,
                           .descender = fd->descender,
                           .nchars = CACHE_LIMIT,
                           .nclasses = fd->nclasses,
                           .separator = fd->separator,
                           .chars = fd->chars,
                           .class_chars = fd->class_chars,
                           .kerning = fd->kerning};
    hb_blob_destroy(blob);
    return true;
}

unsigned fonts_kerning_rows_shaped(const font_set *fs, face_style face)
{
    const face_data *fd = &fs->faces[face];
    unsigned n = 0;
    if (!atomic_load_explicit(&fd->setting_ready, memory_order_acquire)) /* sets nclasses */
        return 0;
    for (unsigned row = 0; row < fd->nclasses; row++)
        n += atomic_load_explicit(&fd->row_ready[row], memory_order_acquire);
    return n;
}

/* ---- setting text -------------------------------------------------------- */

static char_info char_past_cache(face_data *fd, uint32_t cp)
{
    return lookup_char(harfbuzz_face(fd), cp);
}

static inline char_info char_of(face_data *fd, uint32_t cp)
{
    return cp < CACHE_LIMIT ? fd->chars[cp] : char_past_cache(fd, cp);
}

static inline int32_t pair_kerning(face_data *fd, char_info left, char_info right)
{
    if (!left.kern_class || !right.kern_class)
        return 0;
    unsigned row = left.kern_class - 1u;
    once(fd, &fd->row_ready[row], shape_row, row);
    return fd->kerning[(size_t)row * fd->nclasses + (right.kern_class - 1u)];
}

/* Walks text a character at a time. */
typedef struct {
    face_data *fd;
    const char *s;
    size_t len, i;
    char_info prev;
} text_setter;

/* The next character's glyph and the kerning between it and the one before. */
static inline bool setter_next(text_setter *ts, font_glyph *g, int32_t *kern_before)
{
    if (ts->i >= ts->len)
        return false;
    uint32_t cp = utf8_next(ts->s, ts->len, &ts->i);
    char_info ci = char_of(ts->fd, cp);
    *kern_before = pair_kerning(ts->fd, ts->prev, ci);
    *g = (font_glyph){cp, ci.glyph, ci.advance, 0};
    ts->prev = ci;
    return true;
}

size_t fonts_set_text(const font_set *fs, face_style face, const char *s, size_t len,
                      font_glyph *out)
{
    text_setter ts = {setting_face(fs, face), s, len, 0, {0, 0, 0}};
    size_t n = 0;
    font_glyph g;
    int32_t kern;
    while (setter_next(&ts, &g, &kern)) {
        if (n > 0)
            out[n - 1].kerning = kern;
        out[n++] = g;
    }
    return n;
}

double fonts_width(const font_set *fs, face_style face, double size, const char *s, size_t len)
{
    text_setter ts = {setting_face(fs, face), s, len, 0, {0, 0, 0}};
    long units = 0;
    font_glyph g;
    int32_t kern;
    while (setter_next(&ts, &g, &kern))
        units += g.advance + kern;
    return (double)units * size / ts.fd->upem;
}

double fonts_kerning(const font_set *fs, face_style face, double size, uint32_t left,
                     uint32_t right)
{
    face_data *fd = setting_face(fs, face);
    return pair_kerning(fd, char_of(fd, left), char_of(fd, right)) * size / fd->upem;
}

double fonts_ascent(const font_set *fs, face_style face, double size)
{
    const face_data *fd = setting_face(fs, face);
    return fd->ascender * size / fd->upem;
}

double fonts_descent(const font_set *fs, face_style face, double size)
{
    const face_data *fd = setting_face(fs, face);
    return fd->descender * size / fd->upem;
}

const char *fonts_file(const font_set *fs, face_style face)
{
    return fs->faces[face].file;
}

bool fonts_has_glyph(const font_set *fs, face_style face, unsigned cp)
{
    return fonts_glyph(fs, face, cp) != 0;
}

uint32_t fonts_glyph(const font_set *fs, face_style face, uint32_t cp)
{
    return char_of(setting_face(fs, face), cp).glyph;
}

int32_t fonts_glyph_advance(const font_set *fs, face_style face, uint32_t glyph)
{
    return hb_font_get_glyph_h_advance(harfbuzz_face(&fs->faces[face])->font, glyph);
}

unsigned fonts_units_per_em(const font_set *fs, face_style face)
{
    return fs->faces[face].upem;
}

struct hb_face_t *fonts_hb_face(const font_set *fs, face_style face)
{
    return harfbuzz_face(&fs->faces[face])->face;
}
