#include "textfigure.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "datatext.h"
#include "i18n.h"
#include "suggest.h"
#include "textpos.h"

typedef struct {
    yread *ld;
    const text_origin *origin;
    const char *text; /* the whole text; offsets are into it */
    const char *path;
    const plan *pl;
    text_figure *f;
    const char *p, *end; /* what is left of the reference being read */
    bool failed;
} scan;

static void fail(scan *sc, const char *at, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void fail(scan *sc, const char *at, const char *fmt, ...)
{
    if (sc->failed)
        return;
    sc->failed = true;
    char buf[400];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, _(fmt), ap);
    va_end(ap);
    yread_error_at(sc->ld, textpos_at(sc->origin, sc->text, (size_t)(at - sc->text)), sc->path,
                   "the figure %s: %s", sc->f ? sc->f->source : "{=…", buf);
}

static bool is_word_char(char c)
{
    return (c >= 'a' && c <= 'z') || c == '_';
}

/* A word of the reference ("budget", "row"); empty when none. */
static size_t take_word(scan *sc, const char **word)
{
    *word = sc->p;
    while (sc->p < sc->end && is_word_char(*sc->p))
        sc->p++;
    return (size_t)(sc->p - *word);
}

static bool take(scan *sc, char c)
{
    if (sc->p < sc->end && *sc->p == c) {
        sc->p++;
        return true;
    }
    return false;
}

/* The text inside [ ], trimmed; false (with an error) when it is not closed. */
static bool take_bracket(scan *sc, const char **arg, size_t *len)
{
    const char *open = sc->p - 1, *close = memchr(sc->p, ']', (size_t)(sc->end - sc->p));
    if (!close) {
        fail(sc, open, "the [ is not closed: write ] after the name");
        return false;
    }
    const char *a = sc->p, *b = close;
    while (a < b && *a == ' ')
        a++;
    while (b > a && b[-1] == ' ')
        b--;
    *arg = a;
    *len = (size_t)(b - a);
    sc->p = close + 1;
    return true;
}

/* The index of the word among `names` (NULL-terminated), or -1 with an
 * error that says what was expected and what was probably meant. */
static int choose(scan *sc, const char *word, size_t len, const char *what,
                  const char *const *names, const char *expected)
{
    size_t count = 0;
    for (; names[count]; count++)
        if (strlen(names[count]) == len && strncmp(names[count], word, len) == 0)
            return (int)count;
    const char *hint = len ? suggest_closest_n(word, len, names, count) : NULL;
    if (hint)
        fail(sc, word, "unknown %s \"%.*s\"; did you mean \"%s\"?", _(what), (int)len, word, hint);
    else if (len)
        fail(sc, word, "unknown %s \"%.*s\": expected %s", _(what), (int)len, word, _(expected));
    else
        fail(sc, word, "a %s is missing: expected %s", _(what), _(expected));
    return -1;
}

static bool same(const char *name, const char *s, size_t len)
{
    return name && strlen(name) == len && strncmp(name, s, len) == 0;
}

/* ---- the allocation ----------------------------------------------------------- */

static int find_entry(scan *sc, const char *name, size_t len)
{
    const allocation *al = &sc->pl->allocation;
    const member *members = sc->pl->assoc ? sc->pl->assoc->members : NULL;
    const char **names = ARENA_ARRAY(sc->ld->mem, const char *, 2 * al->nentries + 1);
    size_t nnames = 0;
    for (size_t e = 0; e < al->nentries; e++) {
        const allocation_entry *en = &al->entries[e];
        if (same(en->label, name, len))
            return (int)e;
        names[nnames++] = en->label;
        if (en->nmembers == 1 && members) {
            const member *m = &members[en->members[0]];
            if (same(m->name, name, len) || same(m->short_name, name, len))
                return (int)e;
            names[nnames++] = m->short_name;
        }
    }
    const char *hint = suggest_closest_n(name, len, names, nnames);
    if (hint)
        fail(sc, name, "the allocation has no entry \"%.*s\"; did you mean \"%s\"?", (int)len,
             name, hint);
    else
        fail(sc, name,
             "the allocation has no entry \"%.*s\": name an entry by its label or by its one "
             "member",
             (int)len, name);
    return -1;
}

static void read_allocation(scan *sc, const char *head)
{
    if (!sc->pl->allocation.present) {
        fail(sc, head, "the plan has no allocation");
        return;
    }
    sc->f->kind = FIGURE_ALLOCATION_TOTAL;
    const char *arg, *word;
    size_t len;
    if (take(sc, '[')) {
        if (!take_bracket(sc, &arg, &len))
            return;
        int e = find_entry(sc, arg, len);
        if (e < 0)
            return;
        sc->f->kind = FIGURE_ALLOCATION_ENTRY;
        sc->f->index = (size_t)e;
        if (take(sc, '.')) {
            static const char *const fields[] = {"part", NULL};
            len = take_word(sc, &word);
            if (choose(sc, word, len, N_("field"), fields,
                       N_("\"part\" (the entry's part in percent)")) == 0)
                sc->f->kind = FIGURE_ALLOCATION_PART;
        }
    } else if (take(sc, '.')) {
        static const char *const fields[] = {"total", NULL};
        len = take_word(sc, &word);
        choose(sc, word, len, N_("field"), fields, N_("\"total\" or [an entry]"));
    }
}

/* ---- the budget ---------------------------------------------------------------- */

static const char *column_list(scan *sc)
{
    const budget *b = &sc->pl->budget;
    static const char *const kinds[] = {"budget", "forecast", "outcome"};
    const char *list = "";
    for (size_t c = 0; c < b->ncolumns; c++)
        list = arena_printf(sc->ld->mem, "%s%s%d %s", list, c ? ", " : "", b->columns[c].year,
                            kinds[b->columns[c].kind]);
    return list;
}

/* The column named "2026" or "2026 forecast" (Swedish kinds too). */
static bool read_column(scan *sc, const char *arg, size_t len)
{
    const budget *b = &sc->pl->budget;
    int year = 0;
    size_t i = 0;
    while (i < len && arg[i] >= '0' && arg[i] <= '9' && i < 4)
        year = year * 10 + (arg[i++] - '0');
    while (i < len && arg[i] == ' ')
        i++;
    static const char *const kinds[] = {"budget", "forecast", "outcome", "prognos", "utfall", NULL};
    int kind = -1;
    if (i < len) {
        const char *save_p = sc->p, *save_end = sc->end;
        sc->p = arg + i;
        sc->end = arg + len;
        const char *word;
        size_t wlen = take_word(sc, &word);
        kind = wlen == len - i ? choose(sc, word, wlen, N_("kind of column"), kinds,
                                        N_("budget, forecast (prognos) or outcome (utfall)"))
                               : -1;
        if (kind < 0 && !sc->failed)
            fail(sc, word, "a column is a year and its kind: \"2026\", \"2023 forecast\"");
        sc->p = save_p;
        sc->end = save_end;
        if (kind < 0)
            return false;
        kind = kind >= 3 ? kind - 2 : kind;
    }
    ptrdiff_t found = -1;
    size_t of_year = 0;
    for (size_t c = 0; c < b->ncolumns; c++)
        if (b->columns[c].year == year) {
            of_year++;
            if (kind < 0 ? found < 0 || b->columns[c].kind == COLUMN_BUDGET
                         : (int)b->columns[c].kind == kind)
                found = (ptrdiff_t)c;
        }
    if (found < 0 || (kind < 0 && of_year > 1 && b->columns[found].kind != COLUMN_BUDGET)) {
        fail(sc, arg, "the budget has no column \"%.*s\"; its columns: %s", (int)len, arg,
             column_list(sc));
        return false;
    }
    sc->f->column = (size_t)found;
    return true;
}

/* The budget column of the plan's year, or the one column the budget has. */
static bool default_column(scan *sc, const char *at)
{
    const budget *b = &sc->pl->budget;
    for (size_t c = 0; c < b->ncolumns; c++)
        if (b->columns[c].year == sc->pl->year && b->columns[c].kind == COLUMN_BUDGET) {
            sc->f->column = c;
            return true;
        }
    if (b->ncolumns == 1)
        return true;
    fail(sc, at, "the budget has no budget column of %d: name the column, as in "
                 "{=budget[%d].costs}; its columns: %s",
         sc->pl->year, b->ncolumns ? b->columns[0].year : sc->pl->year, column_list(sc));
    return false;
}

static bool find_row(scan *sc, const char *label, size_t len)
{
    const budget *b = &sc->pl->budget;
    const budget_row *sides[] = {b->income, b->reserves, b->costs};
    size_t counts[] = {b->nincome, b->nreserves, b->ncosts};
    const char **names = ARENA_ARRAY(sc->ld->mem, const char *,
                                     b->nincome + b->nreserves + b->ncosts + 1);
    size_t nnames = 0, found = 0;
    for (int s = 0; s < 3; s++)
        for (size_t r = 0; r < counts[s]; r++) {
            names[nnames++] = sides[s][r].label;
            if (same(sides[s][r].label, label, len) && found++ == 0) {
                sc->f->side = (budget_side)s;
                sc->f->index = r;
            }
        }
    if (found == 1)
        return true;
    const char *hint = found ? NULL : suggest_closest_n(label, len, names, nnames);
    if (found)
        fail(sc, label, "%zu rows of the budget are labelled \"%.*s\": give them labels of "
                        "their own to refer to one",
             found, (int)len, label);
    else if (hint)
        fail(sc, label, "the budget has no row \"%.*s\"; did you mean \"%s\"?", (int)len, label,
             hint);
    else
        fail(sc, label, "the budget has no row \"%.*s\"", (int)len, label);
    return false;
}

static void read_budget(scan *sc, const char *head)
{
    if (!sc->pl->budget.present) {
        fail(sc, head, "the plan has no budget");
        return;
    }
    const char *arg, *word;
    size_t len;
    bool column = false;
    if (take(sc, '[')) {
        if (!take_bracket(sc, &arg, &len) || !read_column(sc, arg, len))
            return;
        column = true;
    }
    if (!take(sc, '.')) {
        fail(sc, sc->p, "name a total or a row of the budget: {=budget.costs}, "
                        "{=budget.row[Kansli]}");
        return;
    }
    static const char *const fields[] = {"income", "with_reserves", "costs", "result", "row", NULL};
    len = take_word(sc, &word);
    int field = choose(sc, word, len, N_("total"), fields,
                       N_("income, with_reserves, costs, result or row[LABEL]"));
    if (field < 0 || (!column && !default_column(sc, head)))
        return;
    if (field < 4) {
        sc->f->kind = FIGURE_BUDGET_TOTAL;
        sc->f->total = (total_line)field;
        return;
    }
    if (!take(sc, '[')) {
        fail(sc, sc->p, "a row is named in brackets: {=budget.row[Kansli]}");
        return;
    }
    if (!take_bracket(sc, &arg, &len) || !find_row(sc, arg, len))
        return;
    sc->f->kind = FIGURE_BUDGET_ROW;
    if (take(sc, '.')) {
        static const char *const row_fields[] = {"share", NULL};
        len = take_word(sc, &word);
        if (choose(sc, word, len, N_("field"), row_fields,
                   N_("\"share\" (the row's share in percent)")) == 0)
            sc->f->kind = FIGURE_BUDGET_SHARE;
    }
}

/* ---- one reference ------------------------------------------------------------ */

static void read_unit(scan *sc)
{
    const char *start = sc->p;
    while (sc->p < sc->end && *sc->p == ' ')
        sc->p++;
    if (sc->p == sc->end)
        return;
    if (sc->p == start) {
        fail(sc, sc->p, "unexpected \"%.*s\"", (int)(sc->end - sc->p), sc->p);
        return;
    }
    const char *word = sc->p;
    while (sc->p < sc->end && *sc->p != ' ')
        sc->p++;
    static const char *const units[] = {"tkr", "kr", NULL};
    int u = choose(sc, word, (size_t)(sc->p - word), N_("unit"), units, N_("kr or tkr"));
    if (u < 0)
        return;
    if (sc->f->kind == FIGURE_ALLOCATION_PART || sc->f->kind == FIGURE_BUDGET_SHARE) {
        fail(sc, word, "a share is in percent: it takes no unit");
        return;
    }
    sc->f->in_unit = true;
    sc->f->unit = (money_unit)u;
    if (sc->p < sc->end)
        fail(sc, sc->p, "unexpected \"%.*s\"", (int)(sc->end - sc->p), sc->p);
}

/* Reads the reference between "{=" at `open` and "}" at `close`. */
static bool read_reference(scan *sc, const char *open, const char *close)
{
    sc->failed = false;
    sc->p = open + 2;
    sc->end = close;
    while (sc->p < sc->end && *sc->p == ' ')
        sc->p++;
    while (sc->end > sc->p && sc->end[-1] == ' ')
        sc->end--;
    const char *head;
    size_t len = take_word(sc, &head);
    static const char *const heads[] = {"allocation", "budget", NULL};
    int h = choose(sc, head, len, N_("name"), heads, N_("{=allocation…} or {=budget…}"));
    if (h == 0)
        read_allocation(sc, head);
    else if (h == 1)
        read_budget(sc, head);
    if (!sc->failed)
        read_unit(sc);
    return !sc->failed;
}

/* ---- finding the references ------------------------------------------------------- */

size_t textfigure_scan(yread *ld, const text_origin *origin, const char *text, const char *path,
                       const plan *pl, text_figure **out)
{
    *out = NULL;
    if (!text || !strstr(text, "{="))
        return 0;
    size_t n = 0, cap = 0;
    scan sc = {.ld = ld, .origin = origin, .text = text, .path = path, .pl = pl};
    bool in_fence = false, line_start = true;
    for (const char *p = text; *p;) {
        if (line_start && datatext_is_fence(p))
            in_fence = !in_fence;
        line_start = false;
        if (*p == '\n') {
            line_start = true;
            p++;
        } else if (in_fence) {
            p++;
        } else if (*p == '\\' && p[1]) {
            p += 2;
        } else if (*p == '`') {
            p = text + datatext_past_code_span(text, (size_t)(p - text));
        } else if (p[0] == '{' && p[1] == '=') {
            size_t line_len = strcspn(p, "\n");
            const char *close = memchr(p, '}', line_len);
            if (!close) {
                sc.failed = false;
                sc.f = NULL;
                fail(&sc, p, "it is not closed: write } after it, on the same line");
                sc.failed = false;
                p += 2;
                continue;
            }
            text_figure f = {.start = (size_t)(p - text),
                             .end = (size_t)(close + 1 - text),
                             .source = arena_strndup(ld->mem, p, (size_t)(close + 1 - p)),
                             .pos = textpos_at(origin, text, (size_t)(p - text))};
            sc.f = &f;
            if (read_reference(&sc, p, close))
                *ARENA_PUSH(ld->mem, *out, n, cap) = f;
            p = close + 1;
        } else {
            p++;
        }
    }
    return n;
}
