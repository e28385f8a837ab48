#include "csvrows.h"

#include <stdlib.h>
#include <string.h>

#include "formats.h"
#include "i18n.h"
#include "suggest.h"

typedef enum {
    COL_PART,
    COL_GROUP,
    COL_LABEL,
    COL_CATEGORY,
    COL_MEMBERS,
    COL_CARRIED,
    COL_AMOUNT,
    COL_NAMED,
    COL_VALUE = COL_NAMED, /* a budget column: a year and a kind */
    COL_UNKNOWN
} col_role;

/* The names of the columns, Swedish first (the first is the one errors use). */
static const char *const COLUMN_NAMES[COL_NAMED][4] = {
    [COL_PART] = {"del", "part"},
    [COL_GROUP] = {"grupp", "group"},
    [COL_LABEL] = {"rad", "benämning", "post", "label"},
    [COL_CATEGORY] = {"kategori", "category"},
    [COL_MEMBERS] = {"medlemmar", "members"},
    [COL_CARRIED] = {"förs vidare", "carried_forward"},
    [COL_AMOUNT] = {"belopp", "amount"},
};
static const char *const KIND_SHOWN[] = {"Budget", "Prognos", "Utfall"};
static const char *const KIND_WORDS[][3] = {
    [COLUMN_BUDGET] = {"budget"},
    [COLUMN_FORECAST] = {"prognos", "forecast"},
    [COLUMN_OUTCOME] = {"utfall", "outcome"},
};
/* The parts of a budget, as `del` names them, and the lists they go to. */
static const char *const PART_NAMES[][3] = {
    {"intäkter", "intäkt", "income"},
    {"reserver", "reserv", "reserves"},
    {"kostnader", "kostnad", "costs"},
};
static const char *const PART_KEYS[] = {"income", "reserves", "costs"};
enum { NPARTS = 3 };

typedef struct {
    col_role role;
    int year;
    column_kind kind;
} header;

typedef struct {
    const csv_table *t;
    header *headers;
    size_t nheaders;
    int where[COL_NAMED]; /* the column of each named role, or -1 */
} sheet;

/* ASCII and Å, Ä, Ö in lower case. */
static char *lower(arena *mem, const char *s)
{
    char *out = arena_strdup(mem, s);
    for (unsigned char *p = (unsigned char *)out; *p; p++) {
        if (*p >= 'A' && *p <= 'Z')
            *p = (unsigned char)(*p + 32);
        else if (*p == 0xC3 && (p[1] == 0x84 || p[1] == 0x85 || p[1] == 0x96))
            p[1] = (unsigned char)(p[1] + 32), p++;
    }
    return out;
}

static int name_index(const char *word, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n && names[i]; i++)
        if (strcmp(word, names[i]) == 0)
            return (int)i;
    return -1;
}

/* "Budget 2024", "2023 prognos", "Utfall 2022" or "2024" (a budget). */
static bool parse_value_header(const char *text, header *h)
{
    char words[2][32];
    int n = sscanf(text, "%31s %31s", words[0], words[1]);
    if (n < 1 || strlen(text) > 60)
        return false;
    h->year = 0;
    h->kind = COLUMN_BUDGET;
    bool kind_seen = false;
    for (int w = 0; w < n; w++) {
        char *end;
        long y = strtol(words[w], &end, 10);
        if (!*end && end - words[w] == 4 && y >= 1900 && y <= 2999 && !h->year) {
            h->year = (int)y;
            continue;
        }
        int k = -1;
        for (size_t i = 0; k < 0 && i < 3; i++)
            if (name_index(words[w], KIND_WORDS[i], 3) >= 0)
                k = (int)i;
        if (k < 0 || kind_seen)
            return false;
        h->kind = (column_kind)k;
        kind_seen = true;
    }
    char rest[2];
    return h->year && sscanf(text, "%*s %*s %1s", rest) != 1;
}

static header parse_header(arena *mem, const char *text)
{
    const char *low = lower(mem, text);
    header h = {COL_UNKNOWN, 0, COLUMN_BUDGET};
    for (int r = 0; r < COL_NAMED; r++)
        if (name_index(low, COLUMN_NAMES[r], 4) >= 0)
            h.role = (col_role)r;
    if (h.role == COL_UNKNOWN && parse_value_header(low, &h))
        h.role = COL_VALUE;
    return h;
}

static const char *const SHOWN_NAMES = "Del, Grupp, Rad, Kategori, Medlemmar, Förs vidare, Belopp";

static void unknown_header(yread *ld, const char *file, const csv_cell *c)
{
    const char *names[COL_NAMED * 4 + 1];
    size_t n = 0;
    for (int r = 0; r < COL_NAMED; r++)
        for (int i = 0; i < 4 && COLUMN_NAMES[r][i]; i++)
            names[n++] = COLUMN_NAMES[r][i];
    const char *hint = suggest_closest(lower(ld->mem, c->text), names, n);
    diag_add(ld->dl, DIAG_ERROR, file, c->line, c->col, NULL,
             "\"%s\" is not a column name%s%s%s: the columns are %s and the budget's, such "
             "as \"Budget 2024\", \"Prognos 2023\" or \"Utfall 2022\"",
             c->text, hint ? _(" (did you mean \"") : "", hint ? hint : "", hint ? _("\"?)") : "",
             SHOWN_NAMES);
}

static bool same_column(const header *a, const header *b)
{
    return a->role == b->role &&
           (a->role != COL_VALUE || (a->year == b->year && a->kind == b->kind));
}

/* The header row: every column known and named once. */
static bool read_headers(yread *ld, const csv_table *t, sheet *s)
{
    *s = (sheet){.t = t};
    for (int r = 0; r < COL_NAMED; r++)
        s->where[r] = -1;
    if (t->nrows == 0) {
        diag_add(ld->dl, DIAG_ERROR, t->file, 0, 0, NULL,
                 "empty: the first row names the columns (%s, Budget 2024 …)", SHOWN_NAMES);
        return false;
    }
    const csv_row *row = &t->rows[0];
    s->headers = ARENA_ARRAY(ld->mem, header, row->ncells + 1);
    s->nheaders = row->ncells;
    size_t errors = ld->dl->errors;
    for (size_t i = 0; i < row->ncells; i++) {
        const csv_cell *c = &row->cells[i];
        header *h = &s->headers[i];
        *h = parse_header(ld->mem, c->text);
        if (!*c->text)
            diag_add(ld->dl, DIAG_ERROR, t->file, c->line, c->col, NULL,
                     "a column without a name: the first row names every column");
        else if (h->role == COL_UNKNOWN)
            unknown_header(ld, t->file, c);
        for (size_t j = 0; j < i && h->role != COL_UNKNOWN; j++)
            if (same_column(&s->headers[j], h))
                diag_add(ld->dl, DIAG_ERROR, t->file, c->line, c->col, NULL,
                         "the column \"%s\" is named twice (also column %s)", c->text,
                         csv_cell_name(ld->mem, j + 1, row->number));
        if (h->role < COL_NAMED && s->where[h->role] < 0)
            s->where[h->role] = (int)i;
    }
    return ld->dl->errors == errors;
}

static ynode *node(arena *mem, ynode_kind kind, const char *file, int line, int col)
{
    ynode *n = ARENA_NEW(mem, ynode);
    *n = (ynode){.kind = kind, .file = file, .line = line, .col = col, .weight = 1};
    return n;
}

static ynode *text_node(arena *mem, const char *file, const csv_cell *c, const char *text,
                        bool plain)
{
    ynode *n = node(mem, YNODE_SCALAR, file, c->line, c->col);
    n->text = text;
    n->len = strlen(text);
    n->plain = plain;
    return n;
}

static void add_item(arena *mem, ynode *seq, ynode *item, size_t cap)
{
    if (!seq->items)
        seq->items = ARENA_ARRAY(mem, ynode *, cap + 1);
    seq->items[seq->count++] = item;
}

static void add_pair(arena *mem, ynode *map, const char *key, ynode *value)
{
    if (!map->pairs)
        map->pairs = ARENA_ARRAY(mem, ypair, 8);
    ynode *k = node(mem, YNODE_SCALAR, value->file, value->line, value->col);
    k->text = key;
    k->len = strlen(key);
    k->plain = true;
    map->pairs[map->count++] = (ypair){k, value};
}

static const csv_cell *cell_of(const csv_row *row, int column)
{
    return column >= 0 && (size_t)column < row->ncells && *row->cells[column].text
               ? &row->cells[column]
               : NULL;
}

/* The separator of thousands at s: a space, a no-break space or a narrow
 * one; its length, or 0. */
static size_t thousands_separator(const char *s)
{
    if (*s == ' ')
        return 1;
    if (strncmp(s, "\xc2\xa0", 2) == 0)
        return 2;
    return strncmp(s, "\xe2\x80\xaf", 3) == 0 ? 3 : 0;
}

/* "1 563", "-250", "1563,00" as a plain integer; NULL when it is not such
 * an amount, `*fraction` when it has decimals other than zero. */
static const char *amount_text(arena *mem, const char *s, bool *fraction)
{
    *fraction = false;
    char digits[64];
    size_t n = 0;
    if (*s == '-' || strncmp(s, "\xe2\x88\x92", 3) == 0) {
        digits[n++] = '-';
        s += *s == '-' ? 1 : 3;
    }
    size_t group = strspn(s, "0123456789");
    if (group == 0 || group + n >= sizeof digits)
        return NULL;
    bool grouped = false;
    for (;;) {
        memcpy(digits + n, s, group);
        n += group;
        s += group;
        size_t sep = thousands_separator(s);
        if (!sep)
            break;
        if ((!grouped && group > 3) || strspn(s + sep, "0123456789") != 3 ||
            n + 3 >= sizeof digits)
            return NULL;
        grouped = true;
        s += sep;
        group = 3;
    }
    if (*s == ',') {
        size_t decimals = strspn(s + 1, "0123456789");
        if (decimals == 0 || s[1 + decimals])
            return NULL;
        *fraction = strspn(s + 1, "0") != decimals;
        s += 1 + decimals;
    }
    return *s ? NULL : arena_strndup(mem, digits, n);
}

/* An amount cell as an integer scalar, or an error at the cell. */
static ynode *amount_node(yread *ld, const char *file, const csv_cell *c)
{
    bool fraction;
    const char *digits = amount_text(ld->mem, c->text, &fraction);
    if (digits && !fraction)
        return text_node(ld->mem, file, c, digits, true);
    if (fraction)
        diag_add(ld->dl, DIAG_ERROR, file, c->line, c->col, NULL,
                 "expected a whole amount in the unit of the figures (tkr or kr), found \"%s\": "
                 "round it in Excel, or give the figures in kr",
                 c->text);
    else
        diag_add(ld->dl, DIAG_ERROR, file, c->line, c->col, NULL,
                 "expected an amount written as Excel writes it in Swedish, such as 1 563, "
                 "-250 or 1 563,00, found \"%s\"",
                 c->text);
    return text_node(ld->mem, file, c, "~", true);
}

/* "Arbetsförmedlingen, Försäkringskassan": a list of names. */
static ynode *members_node(arena *mem, const char *file, const csv_cell *c)
{
    ynode *seq = node(mem, YNODE_SEQ, file, c->line, c->col);
    size_t cap = 1;
    for (const char *p = c->text; *p; p++)
        cap += *p == ',';
    for (const char *p = c->text; *p;) {
        size_t len = strcspn(p, ",");
        const char *name = arena_strndup(mem, p, len);
        while (*name == ' ')
            name++;
        size_t end = strlen(name);
        while (end && name[end - 1] == ' ')
            end--;
        if (end)
            add_item(mem, seq, text_node(mem, file, c, arena_strndup(mem, name, end), false), cap);
        p += len + (p[len] == ',');
    }
    return seq;
}

static ynode *yes_no_node(yread *ld, const char *file, const csv_cell *c)
{
    static const char *const yes[] = {"ja", "x", "true", "yes", NULL};
    static const char *const no[] = {"nej", "false", "no", NULL};
    const char *low = lower(ld->mem, c->text);
    if (name_index(low, yes, 4) >= 0)
        return text_node(ld->mem, file, c, "true", true);
    if (name_index(low, no, 3) < 0)
        diag_add(ld->dl, DIAG_ERROR, file, c->line, c->col, NULL,
                 "expected ja or nej (or x for ja, empty for nej), found \"%s\"", c->text);
    return text_node(ld->mem, file, c, "false", true);
}

/* A value in a column the header row does not name. */
static void check_row_width(yread *ld, const sheet *s, const csv_row *row)
{
    for (size_t i = s->nheaders; i < row->ncells; i++)
        if (*row->cells[i].text) {
            diag_add(ld->dl, DIAG_ERROR, s->t->file, row->cells[i].line, row->cells[i].col, NULL,
                     "a value in a column without a name: the first row names %zu columns",
                     s->nheaders);
            return;
        }
}

static ynode *row_map(arena *mem, const sheet *s, const csv_row *row)
{
    return node(mem, YNODE_MAP, s->t->file, row->line, 0);
}

static void add_text(arena *mem, const sheet *s, ynode *map, const csv_row *row, col_role role,
                     const char *key)
{
    const csv_cell *c = cell_of(row, s->where[role]);
    if (c)
        add_pair(mem, map, key, text_node(mem, s->t->file, c, c->text, false));
}

/* The part a row goes to (Del), or -1 with an error. */
static int row_part(yread *ld, const sheet *s, const csv_row *row)
{
    const csv_cell *c = cell_of(row, s->where[COL_PART]);
    if (!c) {
        diag_add(ld->dl, DIAG_ERROR, s->t->file, row->line, 0, NULL,
                 "no part in the column Del: intäkter, reserver or kostnader");
        return -1;
    }
    const char *low = lower(ld->mem, c->text);
    for (int p = 0; p < NPARTS; p++)
        if (name_index(low, PART_NAMES[p], 3) >= 0)
            return p;
    const char *names[] = {"intäkter", "reserver", "kostnader", "income", "reserves", "costs"};
    const char *hint = suggest_closest(low, names, 6);
    diag_add(ld->dl, DIAG_ERROR, s->t->file, c->line, c->col, NULL,
             "expected intäkter, reserver or kostnader, found \"%s\"%s%s%s", c->text,
             hint ? _("; did you mean \"") : "", hint ? hint : "", hint ? _("\"?") : "");
    return -1;
}

/* The column of the sheet for each budget column, or an error at the
 * header row for one it lacks. */
static bool match_columns(yread *ld, const sheet *s, const budget_column *columns, size_t n,
                          int *at)
{
    bool ok = true;
    for (size_t j = 0; j < n; j++) {
        at[j] = -1;
        for (size_t i = 0; i < s->nheaders; i++)
            if (s->headers[i].role == COL_VALUE && s->headers[i].year == columns[j].year &&
                s->headers[i].kind == columns[j].kind)
                at[j] = (int)i;
        if (at[j] < 0) {
            diag_add(ld->dl, DIAG_ERROR, s->t->file, s->t->rows[0].line, 0, NULL,
                     "no column for the budget's column %d %s: name it \"%s %d\"", columns[j].year,
                     NAMES_COLUMN_KIND[columns[j].kind], KIND_SHOWN[columns[j].kind],
                     columns[j].year);
            ok = false;
        }
    }
    return ok;
}

static ynode *values_node(yread *ld, const sheet *s, const csv_row *row, const int *at, size_t n)
{
    ynode *seq = node(ld->mem, YNODE_SEQ, s->t->file, row->line, 0);
    for (size_t j = 0; j < n; j++) {
        const csv_cell *c = cell_of(row, at[j]);
        csv_cell empty = {"", row->line, at[j] < (int)row->ncells ? row->cells[at[j]].col : 0};
        add_item(ld->mem, seq,
                 c ? amount_node(ld, s->t->file, c)
                   : text_node(ld->mem, s->t->file, &empty, "~", true),
                 n);
    }
    return seq;
}

/* A row without a label, which the loader would call a missing key. */
static bool has_label(yread *ld, const sheet *s, const csv_row *row)
{
    if (cell_of(row, s->where[COL_LABEL]))
        return true;
    diag_add(ld->dl, DIAG_ERROR, s->t->file, row->line, 0, NULL,
             "no label in the column Rad: every row is printed with its label");
    return false;
}

static ynode *budget_row_node(yread *ld, const sheet *s, const csv_row *row, const int *at,
                              size_t ncolumns)
{
    ynode *map = row_map(ld->mem, s, row);
    add_text(ld->mem, s, map, row, COL_LABEL, "label");
    add_text(ld->mem, s, map, row, COL_GROUP, "group");
    add_text(ld->mem, s, map, row, COL_CATEGORY, "category");
    const csv_cell *c;
    if ((c = cell_of(row, s->where[COL_MEMBERS])))
        add_pair(ld->mem, map, "members", members_node(ld->mem, s->t->file, c));
    add_pair(ld->mem, map, "values", values_node(ld, s, row, at, ncolumns));
    if ((c = cell_of(row, s->where[COL_CARRIED])))
        add_pair(ld->mem, map, "carried_forward", yes_no_node(ld, s->t->file, c));
    return map;
}

const ynode *csvrows_budget(yread *ld, const csv_table *t, const budget_column *columns,
                            size_t ncolumns)
{
    sheet s;
    if (!read_headers(ld, t, &s))
        return NULL;
    bool ok = true;
    if (s.where[COL_AMOUNT] >= 0) {
        const csv_cell *c = &t->rows[0].cells[s.where[COL_AMOUNT]];
        diag_add(ld->dl, DIAG_ERROR, t->file, c->line, c->col, NULL,
                 "a column Belopp is for an outcome's rows; a budget has a column per year, "
                 "such as \"Budget 2024\"");
        ok = false;
    }
    if (s.where[COL_PART] < 0 || s.where[COL_LABEL] < 0 || s.where[COL_CATEGORY] < 0) {
        diag_add(ld->dl, DIAG_ERROR, t->file, t->rows[0].line, 0, NULL,
                 "the first row must name the columns Del, Rad and Kategori (and may name "
                 "Grupp, Medlemmar and Förs vidare), then the budget's columns");
        ok = false;
    }
    int *at = ARENA_ARRAY(ld->mem, int, ncolumns + 1);
    if (!match_columns(ld, &s, columns, ncolumns, at) || !ok)
        return NULL;
    ynode *parts[NPARTS];
    ynode *map = node(ld->mem, YNODE_MAP, t->file, t->rows[0].line, 0);
    for (int p = 0; p < NPARTS; p++) {
        parts[p] = node(ld->mem, YNODE_SEQ, t->file, t->rows[0].line, 0);
        add_pair(ld->mem, map, PART_KEYS[p], parts[p]);
    }
    for (size_t r = 1; r < t->nrows; r++) {
        check_row_width(ld, &s, &t->rows[r]);
        int p = row_part(ld, &s, &t->rows[r]);
        if (p >= 0 && has_label(ld, &s, &t->rows[r]))
            add_item(ld->mem, parts[p], budget_row_node(ld, &s, &t->rows[r], at, ncolumns),
                     t->nrows);
    }
    return map;
}

/* The amount column of an outcome of `year`: Belopp, or "Utfall YEAR". */
static int outcome_column(yread *ld, const sheet *s, int year)
{
    int at = s->where[COL_AMOUNT];
    for (size_t i = 0; i < s->nheaders; i++)
        if (s->headers[i].role == COL_VALUE && s->headers[i].kind == COLUMN_OUTCOME &&
            s->headers[i].year == year) {
            if (at >= 0) {
                const csv_cell *c = &s->t->rows[0].cells[i];
                diag_add(ld->dl, DIAG_ERROR, s->t->file, c->line, c->col, NULL,
                         "two columns give the outcome: Belopp and \"%s\"", c->text);
                return -1;
            }
            at = (int)i;
        }
    if (at < 0)
        diag_add(ld->dl, DIAG_ERROR, s->t->file, s->t->rows[0].line, 0, NULL,
                 "no column for the amounts: name it \"Belopp\" or \"Utfall %d\"", year);
    return at;
}

const ynode *csvrows_outcome(yread *ld, const csv_table *t, int year)
{
    sheet s;
    if (!read_headers(ld, t, &s))
        return NULL;
    int at = outcome_column(ld, &s, year);
    if (at < 0)
        return NULL;
    if (s.where[COL_LABEL] < 0) {
        diag_add(ld->dl, DIAG_ERROR, t->file, t->rows[0].line, 0, NULL,
                 "the first row must name the columns Rad and Belopp (and may name Kategori)");
        return NULL;
    }
    ynode *seq = node(ld->mem, YNODE_SEQ, t->file, t->rows[0].line, 0);
    for (size_t r = 1; r < t->nrows; r++) {
        const csv_row *row = &t->rows[r];
        check_row_width(ld, &s, row);
        const csv_cell *c = cell_of(row, at);
        if (!c || !has_label(ld, &s, row))
            continue;
        ynode *map = row_map(ld->mem, &s, row);
        add_text(ld->mem, &s, map, row, COL_LABEL, "label");
        add_text(ld->mem, &s, map, row, COL_CATEGORY, "category");
        add_pair(ld->mem, map, "amount", amount_node(ld, t->file, c));
        add_item(ld->mem, seq, map, t->nrows);
    }
    ynode *top = node(ld->mem, YNODE_MAP, t->file, t->rows[0].line, 0);
    add_pair(ld->mem, top, "rows", seq);
    return top;
}

static const char *cell_path(arena *mem, const csv_table *t, int line, int col)
{
    for (size_t r = 0; r < t->nrows; r++) {
        const csv_row *row = &t->rows[r];
        if (row->line != line &&
            !(row->ncells && row->cells[row->ncells - 1].line >= line && row->line < line))
            continue;
        if (col == 0)
            return arena_printf(mem, "row %zu", row->number);
        for (size_t i = 0; i < row->ncells; i++)
            if (row->cells[i].line == line && row->cells[i].col == col) {
                const char *name = csv_cell_name(mem, i + 1, row->number);
                const char *head = i < t->rows[0].ncells ? t->rows[0].cells[i].text : "";
                return *head && r ? arena_printf(mem, "%s (%s)", name, head) : name;
            }
    }
    return NULL;
}

void csvrows_name_cells(yread *ld, size_t first, const csv_table *t)
{
    for (size_t i = first; i < ld->dl->count; i++) {
        diag *d = &ld->dl->items[i];
        if (!d->file || strcmp(d->file, t->file) != 0 || d->line <= 0)
            continue;
        const char *path = cell_path(ld->mem, t, d->line, d->col);
        if (path)
            d->path = path;
    }
}
