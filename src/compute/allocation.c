#include "allocation.h"

#include <stdio.h>
#include <string.h>

#include "format.h"
#include "i18n.h"
#include "money.h"
#include "split.h"

__extension__ typedef __int128 wide;

const int64_t finsam_law_parts[FINSAM_KINDS] = {5000, 2500, 2500};

typedef struct {
    const finsam_party *parties;
    member_kind kind;
    bool equal; /* no party of the kind has a weight: equal parts */
} kind_members;

static bool kind_weight(const void *ctx, size_t i, int64_t *w)
{
    const kind_members *k = ctx;
    if (k->parties[i].kind != k->kind)
        return false;
    *w = k->equal ? 1 : k->parties[i].weight;
    return true;
}

split_status finsam_split(int64_t whole, const int64_t kind_parts[FINSAM_KINDS],
                          const finsam_party *parties, size_t n, int64_t kind_part[FINSAM_KINDS],
                          int64_t *parts)
{
    size_t members[FINSAM_KINDS] = {0}, weighted[FINSAM_KINDS] = {0};
    for (size_t i = 0; i < n; i++) {
        members[parties[i].kind]++;
        weighted[parties[i].kind] += parties[i].weight != 0;
    }
    for (int k = 0; k < FINSAM_KINDS; k++) {
        if (members[k] == 0)
            return SPLIT_MISSING_KIND;
        if (weighted[k] != 0 && weighted[k] != members[k])
            return SPLIT_PARTIAL_WEIGHTS;
    }
    split_weights kinds = {kind_parts, FINSAM_KINDS, split_array_weight};
    split_status s = split_by_weights(whole, &kinds, kind_part);
    for (int k = 0; s == SPLIT_OK && k < FINSAM_KINDS; k++) {
        kind_members km = {parties, (member_kind)k, weighted[k] == 0};
        split_weights v = {&km, n, kind_weight};
        s = split_by_weights(kind_part[k], &v, parts);
    }
    return s;
}

/* ---- cross-check of stated allocations ---------------------------------- */

static const char *const kind_owner[FINSAM_KINDS] = {N_("the state's"), N_("the region's"),
                                                     N_("the municipalities'")};

/* value in hundredths with a decimal comma and no trailing zeros: 273,6 */
static char *format_hundredths(char buf[FORMAT_BUF], int64_t value)
{
    format_fixed(buf, value, 2);
    size_t len = strlen(buf);
    while (buf[len - 1] == '0')
        buf[--len] = '\0';
    if (buf[len - 1] == ',')
        buf[--len] = '\0';
    return buf;
}

/* num / den as "273,6", or "about 273,61" when two decimals do not say it exactly. */
static void exact_text(char *out, size_t size, wide num, wide den)
{
    wide in_hundredths = num * 100 / den;
    char buf[FORMAT_BUF];
    snprintf(out, size, "%s%s", num * 100 % den ? _("about ") : "",
             format_hundredths(buf, (int64_t)in_hundredths));
}

/* num / den as a percentage: "18 %", "18,2 %", or "about 18,2 %" when one
 * decimal does not say it exactly. */
static char *percent_text(char buf[64], wide num, wide den)
{
    wide tenths = num * 1000 / den;
    bool exact = num * 1000 % den == 0;
    char p[FORMAT_BUF];
    snprintf(buf, 64, "%s%s", exact ? "" : _("about "),
             format_percent(p, (int64_t)tenths, exact && tenths % 10 == 0 ? 0 : 1));
    return buf;
}

typedef struct {
    wide base, num, den; /* the exact share is base × num / den */
    char share[160];     /* "18 % of the municipalities' 1 520" */
} exact_share;

static exact_share share_of_line(const int64_t kind_parts[FINSAM_KINDS],
                                 const allocation_line *lines, size_t n, size_t i,
                                 const allocation_result *res)
{
    member_kind k = lines[i].kind;
    wide total = 0;
    size_t members = 0;
    for (size_t j = 0; j < n; j++) {
        if (lines[j].kind != k)
            continue;
        members++;
        total += lines[j].weight;
    }
    exact_share e;
    char b[64], c[FORMAT_BUF];
    if (members == 1) {
        wide parts = (wide)kind_parts[0] + kind_parts[1] + kind_parts[2];
        e = (exact_share){res->whole, kind_parts[k], parts, ""};
        snprintf(e.share, sizeof e.share, _("%s %s of %s"), _(kind_owner[k]),
                 percent_text(b, kind_parts[k], parts), format_int(c, res->whole));
        return e;
    }
    bool equal = total == 0;
    e = (exact_share){res->kind_part[k], equal ? 1 : lines[i].weight, equal ? (wide)members : total,
                      ""};
    snprintf(e.share, sizeof e.share, _("%s of %s %s"), percent_text(b, e.num, e.den),
             _(kind_owner[k]), format_int(c, res->kind_part[k]));
    return e;
}

static int64_t rounded_exact(const exact_share *e)
{
    wide q = e->base * e->num / e->den, r = e->base * e->num % e->den;
    return (int64_t)(q + (r * 2 >= e->den));
}

static void warn_line(const int64_t kind_parts[FINSAM_KINDS], const allocation_line *lines,
                      size_t n, size_t i, const allocation_result *res, const char *what,
                      diag_list *dl)
{
    const allocation_line *l = &lines[i];
    int64_t computed = res->computed[i];
    exact_share e = share_of_line(kind_parts, lines, n, i, res);
    char value[64], st[FORMAT_BUF], co[FORMAT_BUF], wh[FORMAT_BUF], cause[512];
    exact_text(value, sizeof value, e.base * e.num, e.den);
    format_int(co, computed);
    if (e.base * e.num % e.den == 0) {
        snprintf(cause, sizeof cause, _("a mistyped amount: %s is exactly %s"), e.share, co);
    } else if (l->stated - computed == 1 || computed - l->stated == 1) {
        if (rounded_exact(&e) == computed)
            snprintf(cause, sizeof cause, _("rounding: %s is %s, which rounds to %s"), e.share,
                     value, co);
        else
            snprintf(cause, sizeof cause,
                     _("rounding: %s is %s, and the largest remainder makes it %s so that "
                       "the parts add up to %s"),
                     e.share, value, co, format_int(wh, res->whole));
    } else {
        snprintf(cause, sizeof cause, _("a different whole or different shares: %s is %s"), e.share,
                 value);
    }
    diag_add(dl, DIAG_WARNING, l->pos.file, l->pos.line, l->pos.col, NULL,
             "%s %s: the allocation is %s but the Finsam split gives %s; likely cause: %s",
             l->label, what, format_int(st, l->stated), co, cause);
}

/* Whether the split within a kind is known: one line, or weights given. */
static bool split_known(const allocation_line *lines, size_t n, member_kind k)
{
    size_t count = 0;
    bool weighted = false;
    for (size_t i = 0; i < n; i++) {
        if (lines[i].kind != k)
            continue;
        count++;
        weighted = weighted || lines[i].weight != 0;
    }
    return count <= 1 || weighted;
}

/* Several members of a kind without populations or shares: only their sum
 * can be checked against the kind's part; the lines are taken as stated. */
static void check_kind_sum(const allocation_line *lines, size_t n, member_kind k,
                           const int64_t kind_parts[FINSAM_KINDS], allocation_result *res,
                           const char *what, diag_list *dl)
{
    int64_t sum = 0;
    bool fits = true;
    const allocation_line *first = NULL;
    for (size_t i = 0; i < n; i++) {
        if (lines[i].kind != k)
            continue;
        first = first ? first : &lines[i];
        fits = fits && money_add(sum, lines[i].stated, &sum);
        res->computed[i] = lines[i].stated;
    }
    if (!fits || sum == res->kind_part[k])
        return;
    res->mismatches++;
    char a[FORMAT_BUF], b[FORMAT_BUF], c[FORMAT_BUF], pct[64];
    wide parts = (wide)kind_parts[0] + kind_parts[1] + kind_parts[2];
    diag_add(dl, DIAG_WARNING, first->pos.file, first->pos.line, first->pos.col, NULL,
             "allocation %s: %s amounts add up to %s but %s of %s is %s", what, _(kind_owner[k]),
             format_int(a, sum), percent_text(pct, kind_parts[k], parts), format_int(b, res->whole),
             format_int(c, res->kind_part[k]));
}

static void report_split_error(split_status s, int64_t whole, source_pos pos, const char *what,
                               diag_list *dl)
{
    char buf[FORMAT_BUF];
    diag_add(dl, DIAG_WARNING, pos.file, pos.line, pos.col, NULL,
             "allocation %s: %s cannot be split by the Finsam law, so it is not checked: %s", what,
             format_int(buf, whole), split_status_text(s));
}

/* Fills res->whole and res->basis; false when the amounts overflow. */
static bool choose_whole(const int64_t kind_parts[FINSAM_KINDS], const allocation_line *lines,
                         size_t n, const int64_t *stated_total, int64_t *stated_sum,
                         allocation_result *res)
{
    int64_t state = 0;
    bool has_state = false, fits = true;
    *stated_sum = 0;
    for (size_t i = 0; i < n; i++) {
        fits = fits && money_add(*stated_sum, lines[i].stated, stated_sum);
        if (lines[i].kind == MEMBER_STATE) {
            has_state = true;
            fits = fits && money_add(state, lines[i].stated, &state);
        }
    }
    wide parts = (wide)kind_parts[0] + kind_parts[1] + kind_parts[2];
    wide scaled = kind_parts[MEMBER_STATE] > 0 ? state * parts / kind_parts[MEMBER_STATE] : -1;
    if (stated_total) {
        res->whole = *stated_total;
        res->basis = WHOLE_STATED;
    } else if (has_state && scaled >= 0 && state * parts % kind_parts[MEMBER_STATE] == 0 &&
               scaled <= INT64_MAX) {
        res->whole = (int64_t)scaled;
        res->basis = WHOLE_FROM_STATE;
    } else {
        res->whole = *stated_sum;
        res->basis = WHOLE_FROM_LINES;
    }
    return fits;
}

bool allocation_check(arena *mem, const int64_t kind_parts[FINSAM_KINDS],
                      const allocation_line *lines, size_t n, const int64_t *stated_total,
                      source_pos total_pos, const char *what, allocation_result *res, diag_list *dl)
{
    *res = (allocation_result){0};
    res->computed = ARENA_ARRAY(mem, int64_t, n ? n : 1);
    source_pos pos = total_pos.file || n == 0 ? total_pos : lines[0].pos;
    int64_t stated_sum;
    if (!choose_whole(kind_parts, lines, n, stated_total, &stated_sum, res)) {
        diag_add(dl, DIAG_ERROR, pos.file, pos.line, pos.col, NULL,
                 "allocation %s: the amounts are too large to add up", what);
        return false;
    }
    finsam_party *parties = ARENA_ARRAY(mem, finsam_party, n ? n : 1);
    for (size_t i = 0; i < n; i++)
        parties[i] = (finsam_party){lines[i].kind, lines[i].weight};
    split_status s =
        finsam_split(res->whole, kind_parts, parties, n, res->kind_part, res->computed);
    if (s != SPLIT_OK) {
        report_split_error(s, res->whole, pos, what, dl);
        return false;
    }
    if (res->basis == WHOLE_STATED && stated_sum != res->whole) {
        char a[FORMAT_BUF], b[FORMAT_BUF];
        diag_add(dl, DIAG_WARNING, pos.file, pos.line, pos.col, NULL,
                 "allocation %s: the members' amounts add up to %s but the stated total is %s",
                 what, format_int(a, stated_sum), format_int(b, res->whole));
    }
    for (int k = 0; k < FINSAM_KINDS; k++)
        if (!split_known(lines, n, (member_kind)k))
            check_kind_sum(lines, n, (member_kind)k, kind_parts, res, what, dl);
    for (size_t i = 0; i < n; i++) {
        if (lines[i].stated == res->computed[i])
            continue;
        res->mismatches++;
        warn_line(kind_parts, lines, n, i, res, what, dl);
    }
    return true;
}

/* ---- the allocation a plan states ------------------------------------------- */

typedef struct {
    const size_t *members;
    size_t nmembers;
} member_set;

/* The kind of a set of members; false when empty or mixed. */
static bool kind_of(const association *a, member_set m, member_kind *kind)
{
    for (size_t i = 0; i < m.nmembers; i++) {
        member_kind k = a->members[m.members[i]].kind;
        if (i > 0 && k != *kind)
            return false;
        *kind = k;
    }
    return m.nmembers > 0;
}

static bool same_members(member_set x, const size_t *members, size_t n)
{
    if (x.nmembers != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if (x.members[i] != members[i])
            return false;
    return true;
}

/* The share of a set of members from the allocation section (an entry for
 * exactly the set, or one per member) or from the association. */
static bool share_of(const plan *p, member_set m, int64_t *w)
{
    for (size_t e = 0; e < p->allocation.nentries; e++) {
        const allocation_entry *en = &p->allocation.entries[e];
        if (en->share >= 0 && same_members(m, en->members, en->nmembers)) {
            *w = en->share;
            return true;
        }
    }
    *w = 0;
    for (size_t i = 0; i < m.nmembers; i++) {
        size_t one = m.members[i];
        int64_t share = p->assoc->members[one].share;
        for (size_t e = 0; e < p->allocation.nentries; e++) {
            const allocation_entry *en = &p->allocation.entries[e];
            if (en->share >= 0 && same_members((member_set){&one, 1}, en->members, en->nmembers))
                share = en->share;
        }
        if (share < 0)
            return false;
        *w += share;
    }
    return true;
}

static bool population_of(const association *a, member_set m, int64_t *w)
{
    *w = 0;
    for (size_t i = 0; i < m.nmembers; i++) {
        if (a->members[m.members[i]].population <= 0)
            return false;
        *w += a->members[m.members[i]].population;
    }
    return true;
}

/* Gives every line of a kind its share, or else its population, when every
 * line of the kind has one; otherwise no weight. */
static void assign_weights(const plan *p, allocation_line *lines, const member_set *sets, size_t n)
{
    for (int k = 0; k < FINSAM_KINDS; k++) {
        bool shares = true, populations = true;
        int64_t w;
        for (size_t i = 0; i < n; i++) {
            if (lines[i].kind != (member_kind)k)
                continue;
            shares = shares && share_of(p, sets[i], &w);
            populations = populations && population_of(p->assoc, sets[i], &w);
        }
        for (size_t i = 0; i < n; i++) {
            if (lines[i].kind != (member_kind)k)
                continue;
            lines[i].weight = 0;
            if (shares)
                share_of(p, sets[i], &lines[i].weight);
            else if (populations)
                population_of(p->assoc, sets[i], &lines[i].weight);
        }
    }
}

static const int64_t *parts_of(const association *a, int64_t parts[FINSAM_KINDS])
{
    parts[MEMBER_STATE] = a->parts.state;
    parts[MEMBER_REGION] = a->parts.region;
    parts[MEMBER_MUNICIPALITY] = a->parts.municipalities;
    return parts;
}

/* A line that names members of different kinds cannot be split. */
static void warn_mixed(const char *label, source_pos pos, diag_list *dl)
{
    diag_add(dl, DIAG_WARNING, pos.file, pos.line, pos.col, NULL,
             "%s: the members are of different kinds (state, region, municipality), so the "
             "allocation is not checked against the law's split",
             label);
}

static void check_section(arena *mem, const plan *p, diag_list *dl)
{
    const allocation *al = &p->allocation;
    allocation_line *lines = ARENA_ARRAY(mem, allocation_line, al->nentries + 1);
    member_set *sets = ARENA_ARRAY(mem, member_set, al->nentries + 1);
    size_t n = 0;
    for (size_t e = 0; e < al->nentries; e++) {
        const allocation_entry *en = &al->entries[e];
        if (!en->amount.present)
            continue;
        member_kind kind = MEMBER_STATE;
        sets[n] = (member_set){en->members, en->nmembers};
        if (!kind_of(p->assoc, sets[n], &kind)) {
            warn_mixed(en->label, en->pos, dl);
            return;
        }
        lines[n++] = (allocation_line){en->label, kind, 0, en->amount.value, en->amount.pos};
    }
    if (n == 0)
        return;
    assign_weights(p, lines, sets, n);
    int64_t parts[FINSAM_KINDS];
    allocation_result res;
    const char *what = arena_printf(mem, "%d", al->year);
    allocation_check(mem, parts_of(p->assoc, parts), lines, n,
                     al->printed_total.present ? &al->printed_total.value : NULL,
                     al->printed_total.pos, what, &res, dl);
}

/* The budget's allocation rows of one column, checked; corrections added. */
static void check_column(arena *mem, const plan *p, size_t c, budget_correction **corr,
                         size_t *ncorr, size_t *cap, diag_list *dl)
{
    const budget *b = &p->budget;
    allocation_line *lines = ARENA_ARRAY(mem, allocation_line, b->nincome + 1);
    member_set *sets = ARENA_ARRAY(mem, member_set, b->nincome + 1);
    const budget_row **rows = ARENA_ARRAY(mem, const budget_row *, b->nincome + 1);
    size_t n = 0;
    for (size_t i = 0; i < b->nincome; i++) {
        const budget_row *r = &b->income[i];
        if (r->category != CATEGORY_ALLOCATION || !r->nmembers || !r->cells[c].present)
            continue;
        member_kind kind = MEMBER_STATE;
        sets[n] = (member_set){r->members, r->nmembers};
        if (!kind_of(p->assoc, sets[n], &kind))
            return; /* a row for members of several kinds, such as all of them */
        rows[n] = r;
        lines[n++] = (allocation_line){r->label, kind, 0, r->cells[c].amount, r->cells[c].pos};
    }
    if (n == 0)
        return;
    assign_weights(p, lines, sets, n);
    int64_t parts[FINSAM_KINDS];
    char col[COLUMN_NAME_BUF];
    allocation_result res;
    if (!allocation_check(mem, parts_of(p->assoc, parts), lines, n, NULL, (source_pos){0},
                          budget_column_name(col, &b->columns[c]), &res, dl))
        return;
    for (size_t i = 0; i < n; i++)
        if (res.computed[i] != lines[i].stated)
            *ARENA_PUSH(mem, *corr, *ncorr, *cap) =
                (budget_correction){rows[i], c, res.computed[i]};
}

/* amount in `from` expressed in `to`, rounded half away from zero. */
static int64_t in_unit(int64_t amount, money_unit from, money_unit to)
{
    int64_t out = amount;
    if (from == UNIT_KR && to == UNIT_TKR)
        money_muldiv(amount, 1, 1000, &out);
    else if (from == UNIT_TKR && to == UNIT_KR)
        money_muldiv(amount, 1000, 1, &out);
    return out;
}

/* The section's total against the budget's allocation rows of its year. */
static void check_section_against_budget(const plan *p, const budget_figures *f, diag_list *dl)
{
    const allocation *al = &p->allocation;
    const budget *b = &p->budget;
    ptrdiff_t c = budget_find_column(b, al->year, COLUMN_BUDGET);
    if (!al->present || !b->present || c < 0 || f->columns[c].overflow)
        return;
    bool any = false;
    int64_t total = 0;
    for (size_t e = 0; e < al->nentries; e++)
        if (al->entries[e].amount.present) {
            any = true;
            total += al->entries[e].amount.value; /* the loader bounds amounts */
        }
    if (al->printed_total.present)
        total = al->printed_total.value, any = true;
    int64_t budgeted = f->columns[c].income_by_category[CATEGORY_ALLOCATION];
    bool budget_has = false;
    for (size_t i = 0; i < b->nincome; i++)
        budget_has = budget_has || (b->income[i].category == CATEGORY_ALLOCATION &&
                                    b->income[i].cells[c].present);
    if (!any || !budget_has || in_unit(total, al->unit, b->unit) == budgeted)
        return;
    static const char *const units[] = {"tkr", "kr"};
    char x[FORMAT_BUF], y[FORMAT_BUF], col[COLUMN_NAME_BUF];
    diag_add(dl, DIAG_WARNING, al->pos.file, al->pos.line, al->pos.col, NULL,
             "allocation %d: the member allocation adds up to %s %s but the budget's allocation "
             "rows of %s give %s %s",
             al->year, format_int(x, total), units[al->unit],
             budget_column_name(col, &b->columns[c]), format_int(y, budgeted), units[b->unit]);
}

void allocation_check_plan(arena *mem, const plan *p, const budget_figures *f,
                           budget_correction **corrections, size_t *ncorrections, diag_list *dl)
{
    *corrections = NULL;
    *ncorrections = 0;
    size_t cap = 0;
    if (p->allocation.present)
        check_section(mem, p, dl);
    if (!p->budget.present)
        return;
    for (size_t c = 0; c < p->budget.ncolumns; c++)
        check_column(mem, p, c, corrections, ncorrections, &cap, dl);
    check_section_against_budget(p, f, dl);
}

/* Each entry's part of the whole, adding up to 100,0 %; false when some
 * entry has no amount. */
bool allocation_parts(arena *mem, const allocation *al, int64_t **parts, int64_t *total)
{
    int64_t *weights = ARENA_ARRAY(mem, int64_t, al->nentries + 1);
    *parts = ARENA_ARRAY(mem, int64_t, al->nentries + 1);
    *total = 0;
    for (size_t e = 0; e < al->nentries; e++) {
        if (!al->entries[e].amount.present || al->entries[e].amount.value < 0)
            return false;
        weights[e] = al->entries[e].amount.value;
        *total += weights[e]; /* the loader bounds amounts */
    }
    return al->nentries > 0 &&
           split_largest_remainder(1000, weights, al->nentries, *parts) == SPLIT_OK;
}
