#include "prose.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "datatext.h"
#include "format.h"
#include "i18n.h"
#include "textpos.h"

/* ---- characters ---------------------------------------------------------------- */

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_nbsp(const char *p)
{
    return (unsigned char)p[0] == 0xC2 && (unsigned char)p[1] == 0xA0;
}

/* A letter starting at p: ASCII, or a UTF-8 sequence other than those of
 * U+0080–U+00BF (the no-break space, « ») and U+2000–U+2FFF (dashes,
 * quotes, the minus sign). */
static bool is_letter(const char *p)
{
    unsigned char c = (unsigned char)*p;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))
        return true;
    return c >= 0xC3 && c != 0xE2;
}

/* Whether the character that ends just before text[i] is a letter. */
static bool letter_before(const char *text, size_t i)
{
    if (i == 0)
        return false;
    size_t j = i - 1;
    while (j > 0 && ((unsigned char)text[j] & 0xC0) == 0x80)
        j--;
    return is_letter(text + j);
}

static bool is_space_at(const char *p, size_t *width)
{
    *width = *p == ' ' ? 1 : is_nbsp(p) ? 2 : 0;
    return *width > 0;
}

/* One byte of a word folded to lower case, Å Ä Ö and the other Latin-1
 * capitals included (their second byte); `prev` is the byte before. */
static unsigned char fold(unsigned char prev, unsigned char c)
{
    if (c >= 'A' && c <= 'Z')
        return (unsigned char)(c + 32);
    if (prev == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
        return (unsigned char)(c + 32);
    return c;
}

/* Whether `word` stands at p, folded to lower case, ending at a word's end. */
static bool word_at(const char *p, const char *word)
{
    size_t n = strlen(word);
    for (size_t i = 0; i < n; i++) {
        unsigned char prev = i ? (unsigned char)p[i - 1] : 0;
        if (!p[i] || fold(prev, (unsigned char)p[i]) != fold(0, (unsigned char)word[i]))
            return false;
    }
    return !is_letter(p + n) && !is_digit(p[n]);
}

/* ---- the words around a number ---------------------------------------------------- */

typedef struct {
    const char *word;
    prose_unit unit;
} unit_word;

/* Longest first, so that "miljoner kronor" is not read as "miljoner". */
static const unit_word unit_words[] = {
    {"miljoner kronor", PROSE_MNKR}, {"miljon kronor", PROSE_MNKR}, {"miljoner kr", PROSE_MNKR},
    {"miljoner", PROSE_MNKR},        {"miljon", PROSE_MNKR},        {"mnkr", PROSE_MNKR},
    {"mkr", PROSE_MNKR},             {"msek", PROSE_MNKR},          {"tusentals kronor", PROSE_TKR},
    {"tusen kronor", PROSE_TKR},     {"tkr", PROSE_TKR},            {"tsek", PROSE_TKR},
    {"kronor", PROSE_KR},            {"kr", PROSE_KR},              {"sek", PROSE_KR},
    {"procent", PROSE_PERCENT},
};

/* The unit written at p, its length in *len; PROSE_NO_UNIT when none. */
static prose_unit unit_at(const char *p, size_t *len)
{
    if (*p == '%') {
        *len = 1;
        return PROSE_PERCENT;
    }
    for (size_t i = 0; i < sizeof unit_words / sizeof *unit_words; i++)
        if (word_at(p, unit_words[i].word)) {
            *len = strlen(unit_words[i].word);
            return unit_words[i].unit;
        }
    *len = 0;
    return PROSE_NO_UNIT;
}

typedef struct {
    const char *word;
    prose_rounding rounding;
} rounding_word;

static const rounding_word rounding_words[] = {
    {"ca.", ROUNDING_ABOUT},        {"ca", ROUNDING_ABOUT},       {"cirka", ROUNDING_ABOUT},
    {"ungefär", ROUNDING_ABOUT},    {"omkring", ROUNDING_ABOUT},  {"runt", ROUNDING_ABOUT},
    {"drygt", ROUNDING_OVER},       {"över", ROUNDING_OVER},      {"mer än", ROUNDING_OVER},
    {"strax över", ROUNDING_OVER},  {"knappt", ROUNDING_UNDER},   {"nästan", ROUNDING_UNDER},
    {"strax under", ROUNDING_UNDER}, {"under", ROUNDING_UNDER},
};

/* The rounding word that ends just before `at` (after one space), and where
 * it starts; ROUNDING_EXACT when none. */
static prose_rounding rounding_before(const char *text, size_t at, size_t *start)
{
    *start = at;
    size_t end = at;
    if (end >= 2 && is_nbsp(text + end - 2))
        end -= 2;
    else if (end >= 1 && text[end - 1] == ' ')
        end -= 1;
    else
        return ROUNDING_EXACT;
    for (size_t i = 0; i < sizeof rounding_words / sizeof *rounding_words; i++) {
        size_t n = strlen(rounding_words[i].word);
        if (n > end)
            continue;
        size_t from = end - n;
        if (!letter_before(text, from) && !is_digit(from ? text[from - 1] : 0) &&
            word_at(text + from, rounding_words[i].word)) {
            *start = from;
            return rounding_words[i].rounding;
        }
    }
    return ROUNDING_EXACT;
}

/* Words that may follow an amount written without a unit ("ca 2 000 000 i
 * budgeten"); any other word makes the number a count ("1 200 deltagare"). */
static bool amount_may_precede(const char *p)
{
    static const char *const words[] = {"i", "och", "för", "till", "av", "per", "på", "som",
                                        "att", "inom", "från", "med", "under", "varav", "är",
                                        "vilket", "samt", "eller"};
    if (!is_letter(p))
        return true;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        if (word_at(p, words[i]))
            return true;
    return (unsigned char)*p >= 'A' && (unsigned char)*p <= 'Z';
}

/* ---- a number -------------------------------------------------------------------- */

typedef struct {
    size_t end;
    int64_t value;
    int decimals;
    bool grouped;
    int digits;
} number;

/* The number starting at text[i] (a digit after a boundary): digit groups
 * of three after a space or no-break space ("10 006"), a decimal comma. */
static bool read_number(const char *t, size_t i, number *n)
{
    *n = (number){0};
    size_t j = i;
    while (is_digit(t[j]) && n->digits < 16)
        n->value = n->value * 10 + (t[j++] - '0'), n->digits++;
    if (is_digit(t[j]))
        return false;
    size_t w;
    bool may_group = n->digits <= 3;
    while (may_group && n->digits < 13 && is_space_at(t + j, &w) && is_digit(t[j + w]) &&
           is_digit(t[j + w + 1]) && is_digit(t[j + w + 2]) && !is_digit(t[j + w + 3])) {
        for (size_t k = 0; k < 3; k++)
            n->value = n->value * 10 + (t[j + w + k] - '0');
        n->digits += 3;
        n->grouped = true;
        j += w + 3;
    }
    if (t[j] == ',' && is_digit(t[j + 1])) {
        j++;
        while (is_digit(t[j]) && n->decimals < 3 && n->digits + n->decimals < 18)
            n->value = n->value * 10 + (t[j++] - '0'), n->decimals++;
        if (is_digit(t[j]))
            return false;
    }
    /* a date, a time, a heading's number, a fraction: not an amount */
    if ((t[j] == '-' || t[j] == '.' || t[j] == ':' || t[j] == '/') && is_digit(t[j + 1]))
        return false;
    if (is_letter(t + j))
        return false;
    n->end = j;
    return true;
}

static bool boundary_before(const char *t, size_t i)
{
    if (i == 0)
        return true;
    char c = t[i - 1];
    if (is_digit(c) || c == ',' || c == '.' || c == '-' || c == '/' || c == ':' || c == '\\')
        return false;
    return !letter_before(t, i);
}

/* ---- finding the amounts of a text --------------------------------------------------- */

typedef struct {
    arena *mem;
    prose_list *out;
    size_t cap;
    const text_origin *origin;
    const char *whole; /* the text positions are counted in */
    size_t base;       /* where `text` starts in it */
    const char *key;
} reader;

static void add_amount(reader *r, const char *text, size_t start, size_t end, const number *n,
                       prose_unit unit, prose_rounding rounding)
{
    prose_amount *a = ARENA_PUSH(r->mem, r->out->items, r->out->count, r->cap);
    *a = (prose_amount){.text = arena_strndup(r->mem, text + start, end - start),
                        .value = n->value,
                        .decimals = n->decimals,
                        .unit = unit,
                        .rounding = rounding,
                        .key = r->key,
                        .pos = textpos_at(r->origin, r->whole, r->base + start),
                        .in = text,
                        .start = start,
                        .end = end};
}

/* The amount at text[i], when the number there is one: added, and the
 * index after it returned; else the index after the number. */
static size_t read_amount(reader *r, const char *text, size_t i)
{
    number n;
    if (!read_number(text, i, &n)) {
        while (is_digit(text[i]) || text[i] == ',' || text[i] == '.')
            i++;
        return i;
    }
    size_t after = n.end, w = 0, ulen = 0;
    prose_unit unit = unit_at(text + after, &ulen);
    if (unit == PROSE_NO_UNIT && is_space_at(text + after, &w))
        unit = unit_at(text + after + w, &ulen);
    size_t end = unit == PROSE_NO_UNIT ? after : after + w + ulen;
    bool year = !n.grouped && n.decimals == 0 && n.digits == 4 && n.value >= 1900 && n.value <= 2099;
    if (unit == PROSE_NO_UNIT &&
        (year || !n.grouped || n.decimals ||
         !amount_may_precede(text + after + (is_space_at(text + after, &w) ? w : 0))))
        return n.end;
    size_t start;
    prose_rounding rounding = rounding_before(text, i, &start);
    add_amount(r, text, start, end, &n, unit, rounding);
    return end;
}

/* How far from text[i], a character that stands for itself, the text goes
 * on with nothing read_text looks at: a line end is looked past alone (a
 * fence may start the next line). */
static size_t plain_run(const char *text, size_t i, bool fenced)
{
    if (text[i] == '\n')
        return 1;
    return 1 + strcspn(text + i + 1, fenced ? "\n\\" : "\n\\`{0123456789");
}

/* The amounts of `text` (Markdown), which starts at byte `base` of `whole`,
 * typed at `origin`. */
static void read_text(reader *r, const char *text)
{
    bool fenced = false;
    for (size_t i = 0; text && text[i];) {
        if ((i == 0 || text[i - 1] == '\n') && datatext_is_fence(text + i)) {
            fenced = !fenced;
            i += strcspn(text + i, "\n");
            continue;
        }
        char c = text[i];
        if (c == '\\') {
            i += text[i + 1] ? 2 : 1;
        } else if (fenced) {
            i += plain_run(text, i, true);
        } else if (c == '`') {
            i = datatext_past_code_span(text, i);
        } else if (c == '{' && text[i + 1] == '=') {
            size_t close = strcspn(text + i, "}\n");
            i += close + (text[i + close] == '}');
        } else if (is_digit(c) && boundary_before(text, i)) {
            i = read_amount(r, text, i);
        } else {
            i += plain_run(text, i, false);
        }
    }
}

static void read_origin_text(reader *r, const text_origin *o, const char *text, const char *key)
{
    r->origin = o;
    r->whole = text;
    r->base = 0;
    r->key = key;
    read_text(r, text);
}

prose_list prose_amounts(arena *mem, const plan *p)
{
    prose_list out = {0};
    reader r = {.mem = mem, .out = &out};
    for (size_t s = 0; s < p->nsections; s++) {
        const plan_section *sec = &p->sections[s];
        const char *key = arena_printf(mem, "plan.sections[%zu]", s);
        if (sec->heading)
            read_origin_text(&r, &sec->heading_origin, sec->heading,
                             arena_printf(mem, "%s.heading", key));
        if (sec->body)
            read_origin_text(&r, &sec->body_origin, sec->body, arena_printf(mem, "%s.body", key));
    }
    for (size_t i = 0; i < p->ninterventions; i++)
        if (p->interventions[i].description)
            read_origin_text(&r, &p->interventions[i].description_origin,
                             p->interventions[i].description,
                             arena_printf(mem, "plan.interventions[%zu].description", i));
    if (p->budget.title)
        read_origin_text(&r, &p->budget.title_origin, p->budget.title, "plan.budget.title");
    if (p->allocation.title)
        read_origin_text(&r, &p->allocation.title_origin, p->allocation.title,
                         "plan.allocation.title");
    return out;
}

const char *prose_unit_name(prose_unit u)
{
    static const char *const names[] = {"", "kr", "tkr", "mnkr", "%"};
    return names[u];
}

/* ---- the figures of the tables ------------------------------------------------------ */

typedef struct {
    int64_t value;
    money_unit unit;
    const char *label;  /* the row, entry or total */
    const char *column; /* "2025 (budget)", or NULL for the allocation */
} table_figure;

typedef struct {
    arena *mem;
    table_figure *items;
    size_t count, cap;
} figure_list;

static void push_figure(figure_list *l, int64_t value, money_unit unit, const char *label,
                        const char *column)
{
    *ARENA_PUSH(l->mem, l->items, l->count, l->cap) = (table_figure){value, unit, label, column};
}

static const char *column_name(arena *mem, const budget *b, size_t c)
{
    char buf[COLUMN_NAME_BUF];
    return arena_strdup(mem, budget_column_name(buf, &b->columns[c]));
}

static void row_figures(figure_list *l, const budget *b, const budget_row *rows, size_t n)
{
    for (size_t r = 0; r < n; r++)
        for (size_t c = 0; rows[r].cells && c < b->ncolumns; c++)
            if (rows[r].cells[c].present)
                push_figure(l, rows[r].cells[c].amount, b->unit, rows[r].label,
                            column_name(l->mem, b, c));
}

static figure_list table_figures(arena *mem, const plan *p, const budget_figures *bf)
{
    figure_list l = {.mem = mem};
    const budget *b = &p->budget;
    row_figures(&l, b, b->income, b->nincome);
    row_figures(&l, b, b->reserves, b->nreserves);
    row_figures(&l, b, b->costs, b->ncosts);
    for (size_t c = 0; bf && c < bf->ncolumns && c < b->ncolumns; c++) {
        const column_totals *t = &bf->columns[c];
        if (t->overflow)
            continue;
        const char *col = column_name(mem, b, c);
        push_figure(&l, t->income, b->unit, _("income"), col);
        push_figure(&l, t->costs, b->unit, _("costs"), col);
        push_figure(&l, t->result, b->unit, _("result"), col);
        push_figure(&l, t->with_reserves, b->unit, _("income with reserves"), col);
    }
    const allocation *al = &p->allocation;
    int64_t total = 0;
    bool whole = al->nentries > 0;
    for (size_t e = 0; e < al->nentries; e++) {
        const figure *f = &al->entries[e].amount;
        if (f->present) {
            push_figure(&l, f->value, al->unit, al->entries[e].label, NULL);
            total += f->value;
        }
        whole = whole && f->present;
    }
    if (whole)
        push_figure(&l, total, al->unit, "the allocation", NULL);
    return l;
}

/* ---- how far a written amount may be from a figure ------------------------------------- */

static int64_t unit_scale(prose_unit u)
{
    return u == PROSE_MNKR ? 1000000 : u == PROSE_TKR ? 1000 : 1;
}

static prose_unit prose_unit_of(money_unit u)
{
    return u == UNIT_KR ? PROSE_KR : PROSE_TKR;
}

static int64_t pow10i(int k)
{
    int64_t v = 1;
    while (k-- > 0)
        v *= 10;
    return v;
}

/* Whether the amount, read in `unit`, may stand for `value` of a table in
 * `table_unit` by its wording. Compared in kr / 10^decimals. */
static bool fits(const prose_amount *a, prose_unit unit, int64_t value, prose_unit table_unit)
{
    __int128 x = (__int128)a->value * unit_scale(unit);
    __int128 v = (__int128)value * unit_scale(table_unit) * pow10i(a->decimals);
    __int128 precision = unit_scale(unit); /* one of the last digit written */
    __int128 mag = v < 0 ? -v : v, tolerance = 1;
    while (mag >= 100) /* one of the second significant digit */
        mag /= 10, tolerance *= 10;
    __int128 d = x - v;
    switch (a->rounding) {
    case ROUNDING_EXACT: return 2 * (d < 0 ? -d : d) <= precision;
    case ROUNDING_ABOUT:
        return 2 * (d < 0 ? -d : d) <= (precision > tolerance ? precision : tolerance);
    case ROUNDING_OVER: return -d <= tolerance && 2 * d <= precision;
    case ROUNDING_UNDER: return d <= tolerance && -2 * d <= precision;
    }
    return false;
}

static bool is_money(prose_unit u)
{
    return u == PROSE_KR || u == PROSE_TKR || u == PROSE_MNKR;
}

static void warn_at(diag_list *dl, const prose_amount *a, source_pos at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void warn_at(diag_list *dl, const prose_amount *a, source_pos at, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, _(fmt), ap);
    va_end(ap);
    diag_add_text(dl, DIAG_WARNING, at.file, at.line, at.col, a ? a->key : NULL, buf);
}

/* "1 762 000 kr", with the row and column when `named`: "(Egna medel, 2018 budget)". */
static const char *figure_text(arena *mem, const table_figure *f, bool named)
{
    char buf[FORMAT_BUF];
    const char *amount =
        arena_printf(mem, "%s %s", format_int(buf, f->value), f->unit == UNIT_KR ? "kr" : "tkr");
    if (named)
        return arena_printf(mem, "%s (%s%s%s)", amount, f->label, f->column ? _(" in ") : "",
                            f->column ? f->column : "");
    return f->column ? arena_printf(mem, _("%s in %s"), amount, f->column) : amount;
}

/* "5 594 000 miljoner kronor" where a table has 5 594 000 kr, and nothing
 * in the tables is 5 594 000 million. */
static void check_unit(arena *mem, const figure_list *figs, const prose_amount *a, diag_list *dl)
{
    if (!is_money(a->unit) || a->decimals || a->value < 1000)
        return;
    const table_figure *same_digits = NULL;
    __int128 largest = 0; /* in kr */
    for (size_t i = 0; i < figs->count; i++) {
        const table_figure *f = &figs->items[i];
        if (fits(a, a->unit, f->value, prose_unit_of(f->unit)))
            return; /* the amount as written is in the tables */
        if (f->value == a->value && prose_unit_of(f->unit) != a->unit && !same_digits)
            same_digits = f;
        __int128 kr = (__int128)(f->value < 0 ? -f->value : f->value) * unit_scale(prose_unit_of(f->unit));
        largest = kr > largest ? kr : largest;
    }
    /* A round amount may have the digits of a figure by chance ("1 000 kr"),
     * unless it is out of all proportion to the tables. */
    int64_t significant = a->value;
    while (significant % 10 == 0)
        significant /= 10;
    bool absurd = (__int128)a->value * unit_scale(a->unit) > 1000 * largest;
    if (same_digits && (significant >= 100 || absurd))
        warn_at(dl, a, a->pos, "\"%s\": the unit does not fit: the table has %s", a->text,
                figure_text(mem, same_digits, true));
}

/* ---- what the text says an amount is -------------------------------------------------- */

typedef struct {
    const char *label;
    money_unit unit;
    const budget_row *row;          /* a budget row, or */
    const allocation_entry *entry;  /* an allocation entry */
} named;

static void push_named(arena *mem, named **list, size_t *n, size_t *cap, named v)
{
    if (v.label && strlen(v.label) >= 3)
        *ARENA_PUSH(mem, *list, *n, *cap) = v;
}

static named *named_figures(arena *mem, const plan *p, size_t *count)
{
    named *list = NULL;
    size_t n = 0, cap = 0;
    const budget *b = &p->budget;
    const budget_row *sides[] = {b->income, b->reserves, b->costs};
    size_t counts[] = {b->nincome, b->nreserves, b->ncosts};
    for (int s = 0; s < 3; s++)
        for (size_t r = 0; r < counts[s]; r++)
            push_named(mem, &list, &n, &cap, (named){sides[s][r].label, b->unit, &sides[s][r], NULL});
    const allocation *al = &p->allocation;
    for (size_t e = 0; e < al->nentries; e++) {
        const allocation_entry *en = &al->entries[e];
        push_named(mem, &list, &n, &cap, (named){en->label, al->unit, NULL, en});
        if (en->nmembers == 1 && p->assoc) {
            const member *m = &p->assoc->members[en->members[0]];
            push_named(mem, &list, &n, &cap, (named){m->name, al->unit, NULL, en});
            push_named(mem, &list, &n, &cap, (named){m->short_name, al->unit, NULL, en});
        }
    }
    *count = n;
    return list;
}

/* Where the sentence holding text[at] starts: after a full stop, a
 * paragraph's end, a tab or a table's | (a cell is a sentence of its own). */
static size_t sentence_start(const char *text, size_t at)
{
    for (size_t i = at; i > 1; i--) {
        char c = text[i - 2], next = text[i - 1];
        if ((c == '.' || c == '!' || c == '?') && (next == ' ' || next == '\n'))
            return i;
        if ((c == '\n' && next == '\n') || next == '\t' || next == '|')
            return i; /* a paragraph, or a cell of a table */
    }
    return 0;
}

static const char *const conjunctions[] = {"och", "samt", "plus", "+", ","};

/* Whether the word before text[at] (or the word at text[at]) joins two
 * things: "och", "samt", "plus", "+", ",". */
static bool joined_before(const char *text, size_t at)
{
    size_t end = at;
    while (end > 0 && text[end - 1] == ' ')
        end--;
    for (size_t i = 0; i < sizeof conjunctions / sizeof *conjunctions; i++) {
        size_t n = strlen(conjunctions[i]);
        if (n <= end && strncmp(text + end - n, conjunctions[i], n) == 0 &&
            (n == 1 || !letter_before(text, end - n)))
            return true;
    }
    return false;
}

static bool joined_after(const char *text, size_t at)
{
    while (text[at] == ' ')
        at++;
    for (size_t i = 0; i < sizeof conjunctions / sizeof *conjunctions; i++)
        if (strlen(conjunctions[i]) == 1 ? text[at] == conjunctions[i][0]
                                         : word_at(text + at, conjunctions[i]))
            return true;
    return false;
}

/* The name that the amount is said to be of: the one that ends nearest
 * before it in its sentence, with no other amount between; NULL if none. */
static const named *said_of(const named *names, size_t n, const prose_list *all, size_t self,
                            size_t *name_at)
{
    const prose_amount *a = &all->items[self];
    size_t from = sentence_start(a->in, a->start), best_end = 0;
    const named *best = NULL;
    for (size_t k = 0; k < n; k++) {
        size_t len = strlen(names[k].label);
        for (size_t i = from; i + len <= a->start; i++)
            if (!letter_before(a->in, i) && (i == 0 || a->in[i - 1] != '-') &&
                word_at(a->in + i, names[k].label) &&
                a->in[i + len] != '-' && i + len >= best_end) {
                best = &names[k];
                best_end = i + len;
                *name_at = i;
            }
    }
    if (best && (joined_before(a->in, *name_at) || joined_after(a->in, best_end)))
        return NULL; /* "överskott samt eget kapital": an amount of several */
    for (size_t j = 0; best && j < all->count; j++)
        if (all->items[j].in == a->in && all->items[j].start >= best_end &&
            all->items[j].end <= a->start)
            return NULL;
    return best;
}

/* Whether the amount fits some column of the row (or the entry), in the
 * unit written or, with none, in the table's unit or in kr. */
static bool fits_named(const prose_amount *a, const named *nm, const budget *b,
                       int64_t *shown, const char **column, arena *mem)
{
    prose_unit tu = prose_unit_of(nm->unit);
    prose_unit units[2] = {a->unit == PROSE_NO_UNIT ? tu : a->unit, PROSE_KR};
    size_t nunits = a->unit == PROSE_NO_UNIT && tu == PROSE_TKR ? 2 : 1;
    size_t ncells = nm->row ? b->ncolumns : 1;
    *column = NULL;
    bool any = false;
    for (size_t c = 0; c < ncells; c++) {
        const budget_cell *cell = nm->row && nm->row->cells ? &nm->row->cells[c] : NULL;
        bool present = nm->row ? cell && cell->present : nm->entry->amount.present;
        int64_t v = nm->row ? (cell ? cell->amount : 0) : nm->entry->amount.value;
        if (!present)
            continue;
        if (!any) {
            *shown = v;
            *column = nm->row ? column_name(mem, b, c) : NULL;
            any = true;
        }
        for (size_t u = 0; u < nunits; u++)
            if (fits(a, units[u], v, tu))
                return true;
    }
    return !any;
}

/* The rounding word as written ("cirka", "drygt"), or "" for an exact amount. */
static const char *rounding_name(arena *mem, const prose_amount *a)
{
    if (a->rounding == ROUNDING_EXACT)
        return "";
    return arena_strndup(mem, a->text, strcspn(a->text, " \xc2"));
}

/* Whether the sentence around the amount names a year, none of them a year
 * of the budget's columns: it speaks of another year than the table. */
static bool of_another_year(const budget *b, const prose_amount *a)
{
    size_t from = sentence_start(a->in, a->start), to = a->end;
    while (a->in[to] && !((a->in[to] == '.' || a->in[to] == '!' || a->in[to] == '?') &&
                          (a->in[to + 1] == ' ' || a->in[to + 1] == '\n' || !a->in[to + 1])))
        to++;
    bool any = false;
    for (size_t i = from; i + 4 <= to; i++) {
        if (!is_digit(a->in[i]) || (i > 0 && is_digit(a->in[i - 1])) || is_digit(a->in[i + 4]))
            continue;
        int year = (a->in[i] - '0') * 1000 + (a->in[i + 1] - '0') * 100 +
                   (a->in[i + 2] - '0') * 10 + (a->in[i + 3] - '0');
        if (!is_digit(a->in[i + 1]) || !is_digit(a->in[i + 2]) || !is_digit(a->in[i + 3]) ||
            year < 1900 || year > 2099)
            continue;
        any = true;
        for (size_t c = 0; c < b->ncolumns; c++)
            if (b->columns[c].year == year)
                return false;
    }
    return any;
}

static void check_said_of(arena *mem, const plan *p, const named *names, size_t n,
                          const prose_list *all, size_t i, diag_list *dl)
{
    const prose_amount *a = &all->items[i];
    if (a->unit == PROSE_PERCENT || of_another_year(&p->budget, a))
        return;
    size_t at;
    const named *nm = said_of(names, n, all, i, &at);
    int64_t shown;
    const char *column;
    if (!nm || fits_named(a, nm, &p->budget, &shown, &column, mem))
        return;
    table_figure f = {shown, nm->unit, nm->label, column};
    warn_at(dl, a, a->pos, "\"%s\" is said of \"%s\", but the table has %s%s%s%s", a->text,
            nm->label, figure_text(mem, &f, false),
            a->rounding == ROUNDING_EXACT ? "" : _(": more than \""), rounding_name(mem, a),
            a->rounding == ROUNDING_EXACT ? "" : _("\" allows"));
}

/* ---- headings and captions ----------------------------------------------------------- */

/* The first unit a caption names outside an amount ("Budget 2018 (tkr)",
 * "Belopp i tkr"), and where; PROSE_NO_UNIT when none. */
static prose_unit caption_unit(const char *text, size_t *at)
{
    for (size_t i = 0; text[i]; i++) {
        if (letter_before(text, i) || ((unsigned char)text[i] & 0xC0) == 0x80)
            continue;
        size_t len;
        prose_unit u = unit_at(text + i, &len);
        if (u == PROSE_NO_UNIT || u == PROSE_PERCENT)
            continue;
        size_t j = i;
        while (j > 0 && (text[j - 1] == ' ' || (unsigned char)text[j - 1] == 0xA0 ||
                         (unsigned char)text[j - 1] == 0xC2))
            j--;
        if (j > 0 && is_digit(text[j - 1]))
            continue; /* an amount's unit */
        *at = i;
        return u;
    }
    return PROSE_NO_UNIT;
}

static void check_caption(diag_list *dl, const text_origin *o, const char *whole, size_t base,
                          const char *caption, const char *what, const char *key,
                          money_unit table_unit, const char *part)
{
    size_t at;
    prose_unit u = caption_unit(caption, &at);
    if (u == PROSE_NO_UNIT || u == prose_unit_of(table_unit))
        return;
    source_pos pos = textpos_at(o, whole, base + at);
    size_t len = strcspn(caption, "\n");
    diag_add(dl, DIAG_WARNING, pos.file, pos.line, pos.col, key,
             "%s \"%.*s\" names %s, but %s is in %s", what, (int)(len > 80 ? 80 : len), caption,
             prose_unit_name(u), part, table_unit == UNIT_KR ? "kr" : "tkr");
}

/* The last paragraph of a text, when it is short enough to be a caption. */
static const char *last_paragraph(const char *text, size_t *at)
{
    size_t len = strlen(text);
    while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == ' '))
        len--;
    size_t start = len;
    while (start > 0 && !(text[start - 1] == '\n' && (start < 2 || text[start - 2] == '\n')))
        start--;
    *at = start;
    return len - start <= 60 ? text + start : NULL;
}

static void check_section_captions(arena *mem, const plan *p, size_t s, diag_list *dl)
{
    const plan_section *sec = &p->sections[s];
    for (size_t k = 0; k < sec->npieces; k++) {
        const part_ref *ref = &sec->pieces[k].part;
        if (sec->pieces[k].text ||
            (ref->kind != PART_BUDGET && ref->kind != PART_ALLOCATION))
            continue;
        bool budget_part = ref->kind == PART_BUDGET;
        money_unit unit = budget_part ? p->budget.unit : p->allocation.unit;
        const char *part = budget_part ? _("the budget") : _("the allocation");
        if (sec->heading)
            check_caption(dl, &sec->heading_origin, sec->heading, 0, sec->heading, _("the heading"),
                          arena_printf(mem, "plan.sections[%zu].heading", s), unit, part);
        const section_piece *before = k > 0 && sec->pieces[k - 1].text ? &sec->pieces[k - 1] : NULL;
        size_t at;
        const char *caption = before ? last_paragraph(before->text, &at) : NULL;
        if (caption)
            check_caption(dl, &sec->body_origin, sec->body, before->offset + at, caption,
                          _("the caption"), arena_printf(mem, "plan.sections[%zu].body", s), unit,
                          part);
    }
}

void prose_check(arena *mem, const plan *p, const budget_figures *bf, const prose_list *amounts,
                 diag_list *dl)
{
    figure_list figs = table_figures(mem, p, bf);
    size_t nnames;
    named *names = named_figures(mem, p, &nnames);
    for (size_t i = 0; i < amounts->count; i++) {
        size_t before = dl->warnings;
        check_unit(mem, &figs, &amounts->items[i], dl);
        if (dl->warnings == before)
            check_said_of(mem, p, names, nnames, amounts, i, dl);
    }
    if (p->budget.present && p->budget.title)
        check_caption(dl, &p->budget.title_origin, p->budget.title, 0, p->budget.title,
                      "the budget's title", "plan.budget.title", p->budget.unit, "its table");
    if (p->allocation.present && p->allocation.title)
        check_caption(dl, &p->allocation.title_origin, p->allocation.title, 0,
                      p->allocation.title, "the allocation's title", "plan.allocation.title",
                      p->allocation.unit, "its table");
    for (size_t s = 0; s < p->nsections; s++)
        check_section_captions(mem, p, s, dl);
}
