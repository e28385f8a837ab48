#include "linebreak.h"

#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* ---- line breaking -------------------------------------------------------
 *
 * The total-fit algorithm of Knuth and Plass ("Breaking paragraphs into
 * lines", 1981) over boxes (pieces of words), glue (spaces) and penalties
 * (places a word may be broken). Tried as TeX does: first without
 * hyphenation and a strict tolerance; then with hyphenation, first with no two
 * hyphenated lines in a row, then with them. The first pass that finds a way
 * is taken unless first fit over the same break points does better (in
 * demerits); then, or when no pass finds a way, every way of breaking is
 * looked at, with words too wide for the column cut. First fit is kept only
 * when even that finds nothing: a column narrower than a letter. */

typedef enum { ITEM_BOX, ITEM_GLUE, ITEM_PENALTY } item_kind;

typedef enum {
    BREAK_NONE,      /* not a penalty */
    BREAK_WRITTEN,   /* after a hyphen, slash or dash written in the word */
    BREAK_HYPHEN,    /* a hyphenation point */
    BREAK_EMERGENCY, /* a cut where no better place was found */
    BREAK_FORCED,    /* a hard line break or the end of the paragraph */
} break_kind;

typedef struct {
    uint8_t kind;   /* item_kind */
    uint8_t brk;    /* break_kind */
    bool flagged;   /* a break here ends the line in a hyphen */
    bool fill;      /* glue that stretches without limit: before a forced break */
    bool tail;      /* a flagged break after which the paragraph's last line would be only
                       the tail of the word broken */
    uint32_t piece; /* where the item comes from */
    uint32_t off;   /* boxes: bytes [off, off + len) of the piece */
    uint32_t len;
    float width; /* penalties: the width of the hyphen added when broken */
    float hang;  /* glue and penalties: how far the line ending here may reach into the
                    margin (a hyphen, comma or full stop at its end) */
    float stretch, shrink;
    float penalty;
} item;

typedef struct {
    item *v;
    size_t n, cap;
} item_list;

static const double SPACE_STRETCH = 0.5, SPACE_SHRINK = 1.0 / 3; /* of a space, justified */
static const double RAGGED_STRETCH = 1.0 / 6; /* of the column, for every ragged line */
/* a hyphen costs twice TeX's 50: font expansion leaves room to do without
 * one (on Samsund and Samspelet as few as microtype, docs/typography.md) */
static const double HYPHEN_PENALTY = 100, WRITTEN_PENALTY = 50, EMERGENCY_PENALTY = 5000;
/* added to a hyphenation point that leaves only two letters on one side */
static const double NEAR_END_PENALTY = 250;
static const double LINE_PENALTY = 10, DOUBLE_HYPHEN_DEMERITS = 10000,
                    MANY_HYPHENS_DEMERITS = 1e6, TAIL_DEMERITS = 1e6, FINAL_HYPHEN_DEMERITS = 5000,
                    ADJACENT_DEMERITS = 10000;
/* Margin protrusion: the share of a character's width that hangs into the
 * right margin at the end of a justified line (as microtype's defaults). */
static const double HANG_HYPHEN = 0.7, HANG_STOP = 0.7, HANG_COMMA = 0.5;
static const double PRETOLERANCE = 60, TOLERANCE = 200, INF_BAD = 10000;

enum { MAX_WORD_BREAKS = 64 };

/* ---- items from pieces -------------------------------------------------- */

typedef struct {
    const piece_list *pl;
    const break_params *bp;
    bool emergency;
    arena *mem;
    item_list items;
    double chunk;  /* width of the boxes since the last place a line may end */
    bool too_wide; /* some of them do not fit in the column */
} builder;

static bool is_forced_item(const item *it)
{
    return it->kind == ITEM_PENALTY && it->brk == BREAK_FORCED;
}

static item *push_item(builder *b, item it)
{
    item *p = ARENA_PUSH(b->mem, b->items.v, b->items.n, b->items.cap);
    *p = it;
    if (it.kind == ITEM_BOX)
        b->chunk += it.width;
    b->too_wide |= b->chunk + (it.kind == ITEM_PENALTY ? it.width : 0) > b->bp->width;
    if (it.kind != ITEM_BOX)
        b->chunk = 0;
    return p;
}

static bool last_is(const builder *b, item_kind kind)
{
    return b->items.n > 0 && b->items.v[b->items.n - 1].kind == kind;
}

static void drop_trailing_glue(builder *b)
{
    while (last_is(b, ITEM_GLUE))
        b->items.n--;
}

static void push_forced_break(builder *b, size_t index)
{
    drop_trailing_glue(b);
    push_item(b, (item){.kind = ITEM_GLUE, .fill = true, .piece = index});
    push_item(
        b, (item){.kind = ITEM_PENALTY, .brk = BREAK_FORCED, .piece = index, .penalty = -INFINITY});
}

static bool is_letter(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7);
}

static uint32_t code_point_before(const char *s, size_t at)
{
    size_t i = at;
    while (i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--;
    if (i == 0)
        return 0;
    i--;
    return utf8_next(s, at, &i);
}

static uint32_t code_point_at(const char *s, size_t len, size_t at)
{
    return at < len ? utf8_next(s, len, &at) : 0;
}

static bool contains(const char *s, size_t len, const char *what)
{
    size_t n = strlen(what);
    for (size_t i = 0; i + n <= len; i++)
        if (memcmp(s + i, what, n) == 0)
            return true;
    return false;
}

/* A text a reader would not want hyphenated: an address. */
static bool looks_like_address(const piece *p)
{
    return p->uri || memchr(p->text, '@', p->len) || contains(p->text, p->len, "://") ||
           (p->len >= 4 && strncmp(p->text, "www.", 4) == 0);
}

/* Break points after a hyphen, slash or dash written between two letters. */
static size_t written_breaks(const piece *p, size_t *at, break_kind *kinds, size_t max)
{
    const unsigned char *t = (const unsigned char *)p->text;
    size_t n = 0;
    for (size_t i = 0; i < p->len && n < max; i++) {
        size_t next = i + 1; /* after - or / */
        if (t[i] == 0xE2 && i + 2 < p->len && t[i + 1] == 0x80 &&
            (t[i + 2] == 0x93 || t[i + 2] == 0x94))
            next = i + 3; /* after – or — */
        else if (t[i] != '-' && t[i] != '/')
            continue;
        if (is_letter(code_point_before(p->text, i)) &&
            is_letter(code_point_at(p->text, p->len, next))) {
            at[n] = next;
            kinds[n++] = BREAK_WRITTEN;
        }
        i = next - 1;
    }
    return n;
}

/* The letters of the run of letters around byte `at` of the piece: before
 * and after it. */
static void letters_around(const piece *p, size_t at, int *before, int *after)
{
    *before = *after = 0;
    for (size_t i = at; i > 0; (*before)++) {
        size_t start = i - 1; /* of the character that ends at i */
        while (start > 0 && ((unsigned char)p->text[start] & 0xC0) == 0x80)
            start--;
        if (!is_letter(utf8_next(p->text, i, &(size_t){start})))
            break;
        i = start;
    }
    for (size_t i = at; i < p->len;) {
        if (!is_letter(utf8_next(p->text, p->len, &i)))
            break;
        (*after)++;
    }
}

/* Hyphenation points of a word of at least `min_word` letters (a piece of
 * fewer bytes has fewer letters). */
static size_t hyphenation_points(const builder *b, const piece *p, size_t *at, size_t max)
{
    if (p->len < (size_t)b->bp->min_word)
        return 0;
    size_t n = hyphen_cache_word(b->bp->cache, b->bp->hyph, b->bp->exceptions, p->text, p->len,
                                 at, max);
    size_t kept = 0;
    for (size_t k = 0; k < n; k++) {
        int before, after;
        letters_around(p, at[k], &before, &after);
        if (before + after >= b->bp->min_word)
            at[kept++] = at[k];
    }
    return kept;
}

/* The break points of a word piece in order: written ones and hyphenation. */
static size_t word_breaks(const builder *b, const piece *p, size_t *at, break_kind *kinds)
{
    size_t w_at[MAX_WORD_BREAKS], h_at[MAX_WORD_BREAKS];
    break_kind w_kind[MAX_WORD_BREAKS];
    if (p->note || p->face == FACE_MONO || looks_like_address(p))
        return 0;
    size_t nw = written_breaks(p, w_at, w_kind, MAX_WORD_BREAKS);
    size_t nh = b->bp->hyph ? hyphenation_points(b, p, h_at, MAX_WORD_BREAKS) : 0;
    size_t n = 0, i = 0, j = 0;
    while ((i < nw || j < nh) && n < MAX_WORD_BREAKS) {
        if (j >= nh || (i < nw && w_at[i] <= h_at[j])) {
            if (j < nh && h_at[j] == w_at[i])
                j++;
            at[n] = w_at[i];
            kinds[n++] = w_kind[i++];
        } else {
            at[n] = h_at[j++];
            kinds[n++] = BREAK_HYPHEN;
        }
    }
    return n;
}

static double measure(const builder *b, const piece *p, size_t off, size_t len)
{
    if (off == 0 && len == p->len)
        return p->width;
    return fonts_width(b->pl->fonts, p->face, p->size, p->text + off, len);
}

static double hyphen_width(const builder *b, const piece *p)
{
    return fonts_width(b->pl->fonts, p->face, p->size, "-", 1);
}

static double hang_of(uint32_t cp, double width)
{
    return cp == '-' ? HANG_HYPHEN * width
           : cp == '.' ? HANG_STOP * width
           : cp == ',' ? HANG_COMMA * width
                       : 0;
}

/* How far a justified line may reach into the margin when it ends in the
 * last character of bytes [0, end) of piece `p`. */
static double hang_after(const builder *b, const piece *p, size_t end)
{
    if (!b->bp->protrude || end == 0 || p->note)
        return 0;
    size_t at = end;
    while (at > 0 && ((unsigned char)p->text[at - 1] & 0xC0) == 0x80)
        at--;
    if (at == 0) /* only continuation bytes: invalid text, no character to hang */
        return 0;
    at--;
    uint32_t cp = utf8_next(p->text, end, &(size_t){at});
    if (cp != '-' && cp != '.' && cp != ',')
        return 0;
    return hang_of(cp, fonts_width(b->pl->fonts, p->face, p->size, p->text + at, end - at));
}

static void push_penalty(builder *b, size_t index, size_t off, break_kind kind, bool flagged,
                         double width)
{
    const piece *p = &b->pl->items[index];
    double penalty = kind == BREAK_HYPHEN    ? HYPHEN_PENALTY
                     : kind == BREAK_WRITTEN ? WRITTEN_PENALTY
                                             : EMERGENCY_PENALTY;
    if (kind == BREAK_HYPHEN) {
        int before, after;
        letters_around(p, off, &before, &after);
        if (before <= 2 || after <= 2)
            penalty += NEAR_END_PENALTY;
    }
    double hang = 0;
    if (kind == BREAK_HYPHEN && b->bp->protrude)
        hang = hang_of('-', width);
    else if (kind == BREAK_WRITTEN)
        hang = hang_after(b, p, off);
    push_item(b, (item){.kind = ITEM_PENALTY,
                        .brk = kind,
                        .flagged = flagged,
                        .piece = index,
                        .off = off,
                        .width = flagged ? width : 0,
                        .hang = (float)hang,
                        .penalty = penalty});
}

/* A box for bytes [off, end) of a piece; in an emergency, a box that does
 * not fit in the column with a hyphen after it is cut between letters (with a
 * hyphen) or other characters. */
static void push_box(builder *b, size_t index, size_t off, size_t end)
{
    const piece *p = &b->pl->items[index];
    double width = measure(b, p, off, end - off);
    double hyphen = b->emergency ? hyphen_width(b, p) : 0;
    if (b->emergency && width + hyphen > b->bp->width && !p->note) {
        size_t start = off, i = off;
        double w = 0;
        while (i < end) {
            size_t next = i;
            utf8_next(p->text, end, &next);
            double cw = measure(b, p, i, next - i);
            if (i > start && w + cw + hyphen > b->bp->width) {
                push_item(b, (item){.kind = ITEM_BOX,
                                    .piece = index,
                                    .off = start,
                                    .len = i - start,
                                    .width = w});
                bool letters = is_letter(code_point_before(p->text, i)) &&
                               is_letter(code_point_at(p->text, p->len, i));
                push_penalty(b, index, i, BREAK_EMERGENCY, letters, hyphen);
                start = i;
                w = 0;
            }
            w += cw;
            i = next;
        }
        off = start;
        width = w;
    }
    push_item(
        b, (item){.kind = ITEM_BOX, .piece = index, .off = off, .len = end - off, .width = width});
}

static void add_word(builder *b, size_t index)
{
    const piece *p = &b->pl->items[index];
    if (b->emergency && last_is(b, ITEM_BOX)) /* two pieces of one word: may be cut between */
        push_penalty(b, index, 0, BREAK_EMERGENCY, false, 0);
    size_t at[MAX_WORD_BREAKS];
    break_kind kinds[MAX_WORD_BREAKS];
    size_t n = word_breaks(b, p, at, kinds), off = 0;
    double hyphen = n ? hyphen_width(b, p) : 0;
    for (size_t k = 0; k < n; k++) {
        push_box(b, index, off, at[k]);
        /* a written break is flagged when the word ends in a hyphen there */
        bool flagged = kinds[k] == BREAK_HYPHEN || code_point_before(p->text, at[k]) == '-';
        push_penalty(b, index, at[k], kinds[k], flagged, kinds[k] == BREAK_HYPHEN ? hyphen : 0);
        off = at[k];
    }
    push_box(b, index, off, p->len);
}

static void add_space(builder *b, size_t index)
{
    if (b->items.n == 0 || last_is(b, ITEM_GLUE)) /* leading, or one of a run */
        return;
    double w = b->pl->items[index].width;
    /* spaces in code keep their width */
    bool justify = b->bp->justify && b->pl->items[index].face != FACE_MONO;
    const item *before = &b->items.v[b->items.n - 1];
    double hang = before->kind == ITEM_BOX
                      ? hang_after(b, &b->pl->items[before->piece], before->off + before->len)
                      : 0;
    push_item(b, (item){.kind = ITEM_GLUE,
                        .piece = index,
                        .width = w,
                        .hang = (float)hang,
                        .stretch = justify ? w * SPACE_STRETCH : 0,
                        .shrink = justify ? w * SPACE_SHRINK : 0});
}

/* Marks the flagged breaks after which only the rest of one word is left
 * before a forced break: the last line would be a tail alone. */
static void mark_tails(item_list *items)
{
    bool glue_seen = true;
    for (size_t i = items->n; i-- > 0;) {
        item *it = &items->v[i];
        if (is_forced_item(it))
            glue_seen = false;
        else if (it->kind == ITEM_GLUE && !it->fill)
            glue_seen = true;
        else if (it->kind == ITEM_PENALTY && it->flagged)
            it->tail = !glue_seen;
    }
}

/* The items of a paragraph; `too_wide` tells whether some word does not fit in
 * the column (in an emergency, such words are cut). */
static item_list build_items(arena *mem, const piece_list *pl, const break_params *bp,
                             bool emergency, bool *too_wide)
{
    builder b = {.pl = pl, .bp = bp, .emergency = emergency, .mem = mem};
    b.items.cap = 2 * pl->count + 8;
    b.items.v = ARENA_ARRAY_UNINIT(mem, item, b.items.cap); /* push_item writes each */
    for (size_t i = 0; i < pl->count; i++) {
        switch (pl->items[i].kind) {
        case PIECE_WORD: add_word(&b, i); break;
        case PIECE_SPACE: add_space(&b, i); break;
        case PIECE_BREAK: push_forced_break(&b, i); break;
        }
    }
    push_forced_break(&b, pl->count);
    mark_tails(&b.items);
    if (too_wide)
        *too_wide = b.too_wide;
    return b.items;
}

/* ---- measuring lines ---------------------------------------------------- */

typedef struct {
    double w, y, z;
    double boxes; /* the width of the boxes alone */
    size_t fill;
} totals;

typedef struct {
    const item_list *items;
    const totals *sums; /* sums[i]: items [0, i) */
    double width;
    bool justify;
    double expansion; /* the most glyphs may be widened or narrowed, as a fraction */
} context;

static totals *prefix_sums(arena *mem, const item_list *items)
{
    totals *s = ARENA_ARRAY_UNINIT(mem, totals, items->n + 1); /* each from the one before */
    s[0] = (totals){0};
    for (size_t i = 0; i < items->n; i++) {
        const item *it = &items->v[i];
        s[i + 1] = s[i];
        if (it->kind == ITEM_BOX) {
            s[i + 1].w += it->width;
            s[i + 1].boxes += it->width;
        } else if (it->kind == ITEM_GLUE) {
            s[i + 1].w += it->width;
            s[i + 1].y += it->stretch;
            s[i + 1].z += it->shrink;
            s[i + 1].fill += it->fill;
        }
    }
    return s;
}


/* The first item of the line after a break at `b`: glue and penalties after
 * a break are dropped, up to a box or a forced break. */
static size_t line_start_after(const item_list *items, size_t b)
{
    size_t j = b + 1;
    while (j < items->n && items->v[j].kind != ITEM_BOX && !is_forced_item(&items->v[j]))
        j++;
    return j;
}

static bool is_legal_break(const item_list *items, size_t b, bool hyphenate, bool tails)
{
    const item *it = &items->v[b];
    if (it->kind == ITEM_GLUE)
        return b > 0 && items->v[b - 1].kind == ITEM_BOX;
    if (it->kind != ITEM_PENALTY)
        return false;
    return (hyphenate || it->brk != BREAK_HYPHEN) && (tails || !it->tail);
}

typedef struct {
    double natural, ratio, badness;
    double target; /* the width the line is set to: the column and what may hang out */
    double glue_stretch, glue_shrink, boxes;
} line_fit;

static double badness_of(double ratio)
{
    if (ratio < -1)
        return INFINITY;
    double b = 100 * fabs(ratio) * ratio * ratio;
    return b > INF_BAD ? INF_BAD : b;
}

/* The line from item `start` up to the break at `b`. */
static inline line_fit fit_line(const context *c, size_t start, size_t b)
{
    const totals *s0 = &c->sums[start], *s1 = &c->sums[b];
    const item *brk = &c->items->v[b];
    bool fill = s1->fill > s0->fill;
    double natural = s1->w - s0->w + (brk->kind == ITEM_PENALTY ? brk->width : 0);
    double hyphen = brk->kind == ITEM_PENALTY ? brk->width : 0;
    double boxes = s1->boxes - s0->boxes + hyphen;
    double glue_stretch = s1->y - s0->y, glue_shrink = s1->z - s0->z;
    double target = c->width + (c->justify && !fill ? brk->hang : 0);
    /* font expansion: glyphs take their share of the stretch and shrink */
    double expand = fill ? 0 : c->expansion * boxes;
    double stretch = glue_stretch + expand, shrink = glue_shrink + expand;
    if (!c->justify && !fill)
        stretch += c->width * RAGGED_STRETCH;
    double ratio = 0;
    if (natural < target)
        ratio = fill ? 0 : stretch > 0 ? (target - natural) / stretch : INFINITY;
    else if (natural > target)
        ratio = shrink > 0 ? (target - natural) / shrink : -INFINITY;
    if (fabs(natural - target) < 1e-6)
        ratio = 0;
    return (line_fit){natural,      ratio,       badness_of(ratio), target,
                      glue_stretch, glue_shrink, boxes};
}

static int fitness_class(double ratio)
{
    return ratio < -0.5 ? 0 : ratio <= 0.5 ? 1 : ratio <= 1 ? 2 : 3;
}

/* ---- the total-fit algorithm -------------------------------------------- */

typedef struct node node;
struct node {
    size_t pos;   /* the break: an item index; SIZE_MAX for the start */
    size_t start; /* the first item of the line that follows */
    int fitness;
    int hyphens;              /* hyphenated lines in a row, ending here */
    double demerits, badness; /* total; of the line ending here */
    const node *prev;
    node *next; /* in the active list */
};

typedef struct {
    bool hyphenate;
    double tolerance;       /* INFINITY: any line that is not overfull */
    bool no_double_hyphens; /* no two hyphenated lines in a row */
    bool triple_hyphens;    /* three hyphenated lines in a row allowed */
    bool tails;             /* a last line may be only the tail of a broken word */
} pass_rules;

/* Hyphenated lines in a row are told apart up to this many. */
enum { FITNESS_CLASSES = 4, MAX_HYPHEN_ROW = 2 };

typedef struct {
    double demerits, badness;
    node *from;
} candidate;

/* The best ways found to end a line at one break: per fitness class and
 * number of hyphenated lines in a row (none, one, more). */
typedef candidate candidates[FITNESS_CLASSES][MAX_HYPHEN_ROW + 1];

/* The demerits of a line ending at `b`, after `row` hyphenated lines in a
 * row and a line of fitness class `prev_fitness`. */
static double line_demerits(const context *c, const line_fit *f, size_t b, int row,
                            int prev_fitness)
{
    const item *brk = &c->items->v[b];
    double badness = f->badness < INF_BAD ? f->badness : INF_BAD;
    double d = (LINE_PENALTY + badness) * (LINE_PENALTY + badness);
    if (brk->kind == ITEM_PENALTY && isfinite(brk->penalty))
        d += brk->penalty >= 0 ? brk->penalty * brk->penalty : -brk->penalty * brk->penalty;
    if (row >= 1 && brk->flagged)
        d += DOUBLE_HYPHEN_DEMERITS;
    if (row >= 2 && brk->flagged)
        d += MANY_HYPHENS_DEMERITS;
    if (row >= 1 && b == c->items->n - 1)
        d += FINAL_HYPHEN_DEMERITS;
    if (brk->kind == ITEM_PENALTY && brk->tail)
        d += TAIL_DEMERITS;
    if (c->justify && abs(fitness_class(f->ratio) - prev_fitness) > 1)
        d += ADJACENT_DEMERITS;
    return d;
}

/* Looks at every active break as the start of a line ending at `b`: records
 * the best candidates, and drops the breaks that can no longer start a line
 * (the line is overfull, or `b` is forced). True when it found a candidate. */
static bool try_break(const context *c, const pass_rules *r, node **active, size_t b,
                      candidates best)
{
    const item *brk = &c->items->v[b];
    bool found = false;
    for (node **link = active; *link;) {
        node *a = *link;
        line_fit f = fit_line(c, a->start, b);
        bool double_hyphen = brk->flagged && a->hyphens > 0;
        bool triple_hyphen = brk->flagged && a->hyphens > 1;
        if (f.ratio >= -1 && f.badness <= r->tolerance &&
            !(double_hyphen && r->no_double_hyphens) && !(triple_hyphen && !r->triple_hyphens)) {
            int fc = fitness_class(f.ratio);
            int row = brk->flagged ? a->hyphens + 1 : 0;
            double d = a->demerits + line_demerits(c, &f, b, a->hyphens, a->fitness);
            candidate *slot = &best[fc][row < MAX_HYPHEN_ROW ? row : MAX_HYPHEN_ROW];
            if (d < slot->demerits)
                *slot = (candidate){d, f.badness, a};
            found = true;
        }
        if (f.ratio < -1 || is_forced_item(brk))
            *link = a->next;
        else
            link = &a->next;
    }
    return found;
}

static const node *total_fit(arena *mem, const context *c, const pass_rules *r)
{
    node *active = ARENA_NEW(mem, node);
    *active = (node){.pos = SIZE_MAX, .start = 0, .fitness = 1};
    const node *last = NULL;
    for (size_t b = 0; b < c->items->n && active; b++) {
        if (!is_legal_break(c->items, b, r->hyphenate, r->tails))
            continue;
        candidates best;
        for (int k = 0; k < FITNESS_CLASSES; k++)
            for (int h = 0; h <= MAX_HYPHEN_ROW; h++)
                best[k][h] = (candidate){INFINITY, 0, NULL};
        if (!try_break(c, r, &active, b, best))
            continue;
        for (int k = 0; k < FITNESS_CLASSES; k++) {
            for (int h = 0; h <= MAX_HYPHEN_ROW; h++) {
                const candidate *cd = &best[k][h];
                if (!cd->from)
                    continue;
                node *n = ARENA_NEW(mem, node);
                *n = (node){.pos = b,
                            .start = line_start_after(c->items, b),
                            .fitness = k,
                            .hyphens = h,
                            .demerits = cd->demerits,
                            .badness = cd->badness,
                            .prev = cd->from,
                            .next = active};
                active = n;
                if (b == c->items->n - 1 && (!last || n->demerits < last->demerits))
                    last = n;
            }
        }
    }
    return last;
}

/* ---- from breaks to lines ----------------------------------------------- */

typedef struct {
    size_t start, brk; /* the first item of a line, and the break that ends it */
} line_ref;

/* Shares the line's adjustment between glyphs (at most the expansion either
 * way) and spaces (the rest). */
static void share_adjustment(const context *c, const line_fit *f, line_span *l)
{
    double r = f->ratio > 1 ? 1 : f->ratio < -1 ? -1 : f->ratio;
    /* in steps of 1/100000, as the PDF writes it (Tz in thousandths of a percent) */
    double expand = round(r * c->expansion * 1e5) / 1e5;
    l->glyph_scale = 1 + expand;
    /* what the spaces take of the adjustment (none on a last line) */
    double glue = f->ratio >= 0 ? f->glue_stretch : f->glue_shrink;
    double rest = f->ratio * (glue + c->expansion * f->boxes) - expand * f->boxes;
    if (glue > 0) {
        double g = rest / glue;
        l->space_scale = 1 + g * (g >= 0 ? SPACE_STRETCH : SPACE_SHRINK);
    }
}

static line_span make_line(const context *c, const piece_list *pl, const line_ref *r)
{
    const item_list *items = c->items;
    line_fit f = fit_line(c, r->start, r->brk);
    const item *brk = &items->v[r->brk];
    line_span l = {.width = f.natural,
                   .overfull = f.ratio < -1,
                   .badness = f.badness < INF_BAD ? f.badness : INF_BAD,
                   .space_scale = 1,
                   .glyph_scale = 1,
                   .hyphen = brk->kind == ITEM_PENALTY && brk->flagged && brk->width > 0,
                   .flagged = brk->kind == ITEM_PENALTY && brk->flagged};
    if (c->justify && isfinite(f.ratio))
        share_adjustment(c, &f, &l);
    size_t last = r->brk;
    while (last > r->start && items->v[last - 1].kind != ITEM_BOX)
        last--;
    if (last == r->start) { /* nothing on the line */
        size_t at = brk->piece < pl->count ? brk->piece : pl->count;
        l.start = l.end = at;
        return l;
    }
    const item *first = &items->v[r->start], *end = &items->v[last - 1];
    l.start = first->piece;
    l.start_off = first->off;
    l.end = end->piece + 1;
    l.end_len = end->off + end->len;
    return l;
}

/* Breaks chosen for a paragraph: lines refs[0 .. n). */
typedef struct {
    line_ref *refs;
    size_t n;
} breaks;

/* Counts what the tests and benchmarks look at, demerits as total_fit does. */
static break_stats count_breaks(const context *c, breaks br, int pass)
{
    break_stats s = {.pass = pass};
    int prev_fitness = 1, row = 0;
    for (size_t k = 0; k < br.n; k++) {
        line_fit f = fit_line(c, br.refs[k].start, br.refs[k].brk);
        bool flagged = c->items->v[br.refs[k].brk].flagged;
        s.demerits += line_demerits(c, &f, br.refs[k].brk, row, prev_fitness);
        s.badness += f.badness < INF_BAD ? f.badness : INF_BAD;
        s.consecutive_hyphens += row > 0 && flagged;
        s.hyphens += flagged;
        s.overfull += f.ratio < -1;
        row = flagged ? row + 1 : 0;
        prev_fitness = fitness_class(f.ratio);
    }
    return s;
}

static breaks path_to(arena *mem, const node *end)
{
    breaks br = {0};
    for (const node *p = end; p->prev; p = p->prev)
        br.n++;
    br.refs = ARENA_ARRAY(mem, line_ref, br.n ? br.n : 1);
    size_t k = br.n;
    for (const node *p = end; p->prev; p = p->prev)
        br.refs[--k] = (line_ref){p->prev->start, p->pos};
    return br;
}

/* First fit: each line takes as much as fits, shrinking spaces if need be. */
static breaks first_fit(arena *mem, const context *c)
{
    breaks br = {0};
    size_t cap = 0, start = 0, b = 0, fitting = SIZE_MAX;
    while (b < c->items->n) {
        if (!is_legal_break(c->items, b, true, true)) {
            b++;
            continue;
        }
        line_fit f = fit_line(c, start, b);
        bool fits = f.ratio >= -1;
        if (fits && !is_forced_item(&c->items->v[b])) {
            fitting = b++;
            continue;
        }
        size_t at = fits || fitting == SIZE_MAX ? b : fitting;
        *ARENA_PUSH(mem, br.refs, br.n, cap) = (line_ref){start, at};
        start = line_start_after(c->items, at);
        b = at + 1;
        fitting = SIZE_MAX;
    }
    return br;
}

static context make_context(arena *mem, const piece_list *pl, const break_params *bp,
                            bool emergency, bool *too_wide)
{
    item_list *items = ARENA_NEW(mem, item_list);
    *items = build_items(mem, pl, bp, emergency, too_wide);
    return (context){items, prefix_sums(mem, items), bp->width, bp->justify,
                     bp->justify ? bp->expansion : 0};
}

typedef struct {
    context c;
    breaks br;
    int pass;
} choice;

/* The breaks of the first pass that finds a way no worse than first fit over
 * the same break points. */
static bool try_passes(arena *mem, const context *c, const pass_rules *passes, int first, int count,
                       choice *out)
{
    double first_fit_demerits = count_breaks(c, first_fit(mem, c), 0).demerits;
    for (int p = first; p < first + count; p++) {
        const node *end = total_fit(mem, c, &passes[p]);
        if (end && end->demerits <= first_fit_demerits) {
            *out = (choice){*c, path_to(mem, end), p + 1};
            return true;
        }
        if (end) /* first fit does better: look at every way */
            return false;
    }
    return false;
}

/* Hyphenation is looked up only when a paragraph cannot be set well without. */
static choice choose_breaks(arena *mem, const piece_list *pl, const break_params *bp)
{
    static const pass_rules passes[] = {
        {.hyphenate = false, .tolerance = PRETOLERANCE, .no_double_hyphens = true},
        {.hyphenate = true, .tolerance = TOLERANCE, .no_double_hyphens = true},
        {.hyphenate = true, .tolerance = TOLERANCE},
    };
    /* three hyphenated lines in a row and a tail alone on the last line only
     * cost demerits here: they are better than a line with gaping spaces */
    static const pass_rules every_way = {
        .hyphenate = true, .tolerance = INFINITY, .triple_hyphens = true, .tails = true};
    choice ch;
    bool too_wide;
    break_params plain = *bp;
    plain.hyph = NULL;
    context c = make_context(mem, pl, &plain, false, &too_wide);
    if (!too_wide && try_passes(mem, &c, passes, 0, 1, &ch))
        return ch;
    if (bp->hyph)
        c = make_context(mem, pl, bp, false, &too_wide);
    if (!too_wide && try_passes(mem, &c, passes, 1, 2, &ch))
        return ch;
    if (too_wide) /* words too wide for the column may be cut */
        c = make_context(mem, pl, bp, true, NULL);
    const node *end = total_fit(mem, &c, &every_way);
    if (end)
        return (choice){c, path_to(mem, end), 4};
    return (choice){c, first_fit(mem, &c), 5};
}

static size_t set_lines(arena *mem, const piece_list *pl, const choice *ch, line_span **out,
                        break_stats *stats)
{
    line_span *lines = ARENA_ARRAY(mem, line_span, ch->br.n ? ch->br.n : 1);
    for (size_t k = 0; k < ch->br.n; k++)
        lines[k] = make_line(&ch->c, pl, &ch->br.refs[k]);
    if (stats)
        *stats = count_breaks(&ch->c, ch->br, ch->pass);
    *out = lines;
    return ch->br.n;
}

/* A paragraph that fits on one line, set as total_fit would set it. */
static bool one_line(arena *mem, const piece_list *pl, const break_params *bp, line_span **out,
                     break_stats *stats)
{
    size_t first = SIZE_MAX, last = 0;
    for (size_t i = 0; i < pl->count; i++) {
        if (pl->items[i].kind == PIECE_BREAK)
            return false;
        if (pl->items[i].kind == PIECE_WORD) {
            first = first == SIZE_MAX ? i : first;
            last = i;
        }
    }
    if (first == SIZE_MAX)
        return false;
    double width = 0;
    for (size_t i = first; i <= last; i++) /* a run of spaces is one space */
        if (pl->items[i].kind == PIECE_WORD || pl->items[i - 1].kind != PIECE_SPACE)
            width += pl->items[i].width;
    if (width > bp->width)
        return false;
    line_span *l = ARENA_NEW(mem, line_span);
    *l = (line_span){.start = first,
                     .end = last + 1,
                     .end_len = pl->items[last].len,
                     .width = width,
                     .space_scale = 1,
                     .glyph_scale = 1};
    if (stats)
        *stats = (break_stats){.pass = 1, .demerits = LINE_PENALTY * LINE_PENALTY};
    *out = l;
    return true;
}

size_t lines_break_para(arena *mem, const piece_list *pl, const break_params *bp, line_span **out,
                        break_stats *stats)
{
    if (one_line(mem, pl, bp, out, stats))
        return 1;
    arena scratch; /* items and breaks: only the lines are kept */
    arena_init(&scratch);
    choice ch = choose_breaks(&scratch, pl, bp);
    size_t n = set_lines(mem, pl, &ch, out, stats);
    arena_free(&scratch);
    return n;
}

size_t lines_break_greedy(arena *mem, const piece_list *pl, const break_params *bp, line_span **out,
                          break_stats *stats)
{
    arena scratch;
    arena_init(&scratch);
    bool too_wide;
    context c = make_context(&scratch, pl, bp, false, &too_wide);
    if (too_wide)
        c = make_context(&scratch, pl, bp, true, NULL);
    choice ch = {c, first_fit(&scratch, &c), 5};
    size_t n = set_lines(mem, pl, &ch, out, stats);
    arena_free(&scratch);
    return n;
}

size_t lines_break(arena *mem, const piece_list *pl, double width, line_span **out)
{
    break_params bp = {.width = width};
    return lines_break_para(mem, pl, &bp, out, NULL);
}
