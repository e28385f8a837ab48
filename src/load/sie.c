#include "sie.h"

#include <errno.h>
#include <stdarg.h>
#include <iconv.h>
#include <inttypes.h>
#include <libdeflate.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "strbuf.h"

/* ---- one record: the label and its fields ---------------------------------- */

/* A field of a record: its bytes (unquoted, \" undone, still CP437) and
 * whether it was an object list; a list's items are the fields after it up to
 * `end`. */
typedef struct {
    const char *s;
    size_t n;
    size_t off; /* a quoted field: where its bytes are in the parser's `unquoted` */
    int col;
    bool quoted;
    bool list;
    size_t end; /* a list: index of the first field after its items */
} sie_field;

typedef struct {
    arena *mem;
    const char *file;
    diag_list *dl;
    iconv_t cd;
    sie_file *out;
    /* the current line */
    int line;
    sie_field *fields;
    size_t nfields, fcap;
    strbuf unquoted; /* storage for fields with \" in them */
    /* checksum */
    bool in_checksum, checksum_done;
    uint32_t crc;
    /* voucher being read */
    sie_voucher *ver;
    size_t vcap, rcap;
    bool ver_wants_open, in_block;
    long rtrans_pending; /* index of an #RTRANS row awaiting its #TRANS copy, or -1 */
    /* growth counters */
    size_t ycap, acap, dcap, ocap, ibcap, ubcap, rescap, ucap, fdcap, pcap;
    bool noted_comma, noted_rtrans, noted_quoted_format;
} parser;

static void err(parser *p, int col, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void warn(parser *p, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static void note(parser *p, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

static void vadd(parser *p, diag_severity sev, int line, int col, const char *fmt, va_list ap)
{
    char buf[512];
    vsnprintf(buf, sizeof buf, _(fmt), ap);
    diag_add_text(p->dl, sev, p->file, line, col, NULL, buf);
}

static void err(parser *p, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vadd(p, DIAG_ERROR, p->line, col, fmt, ap);
    va_end(ap);
}

static void warn(parser *p, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vadd(p, DIAG_WARNING, line, 1, fmt, ap);
    va_end(ap);
}

static void note(parser *p, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vadd(p, DIAG_NOTE, line, 1, fmt, ap);
    va_end(ap);
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t';
}

static sie_field *push_field(parser *p, const char *s, size_t n, int col)
{
    sie_field *f = ARENA_PUSH(p->mem, p->fields, p->nfields, p->fcap);
    *f = (sie_field){.s = s, .n = n, .col = col};
    return f;
}

/* A quoted field from `*q` (just after the opening quote); \" stands for a
 * quote and \\ for a backslash. False when the line ends first. */
static bool lex_quoted(parser *p, const char **q, const char *end, size_t *start, size_t *len)
{
    const char *s = *q;
    *start = p->unquoted.len;
    while (s < end && *s != '"') {
        if (*s == '\\' && s + 1 < end && (s[1] == '"' || s[1] == '\\'))
            s++;
        strbuf_putc(&p->unquoted, *s++);
    }
    *len = p->unquoted.len - *start;
    if (s == end)
        return false;
    *q = s + 1;
    return true;
}

/* Splits the line [line, end) into fields; false (and an error) when it is
 * malformed. */
static bool lex_line(parser *p, const char *line, const char *end)
{
    p->nfields = 0;
    p->unquoted.len = 0;
    size_t list_open = SIZE_MAX;
    for (const char *s = line; s < end;) {
        int col = (int)(s - line) + 1;
        if (is_blank(*s)) {
            s++;
        } else if (*s == '{') {
            if (list_open != SIZE_MAX) {
                err(p, col, "an object list inside an object list");
                return false;
            }
            list_open = p->nfields;
            push_field(p, s, 0, col)->list = true;
            s++;
        } else if (*s == '}') {
            if (list_open == SIZE_MAX) {
                err(p, col, "a '}' with no '{' before it on the line");
                return false;
            }
            p->fields[list_open].end = p->nfields;
            list_open = SIZE_MAX;
            s++;
        } else if (*s == '"') {
            const char *q = s + 1;
            size_t start, len;
            if (!lex_quoted(p, &q, end, &start, &len)) {
                err(p, col, "a quoted field with no closing quote");
                return false;
            }
            sie_field *f = push_field(p, NULL, len, col);
            f->quoted = true;
            f->off = start;
            s = q;
        } else {
            const char *w = s;
            while (s < end && !is_blank(*s) && *s != '{' && *s != '}' && *s != '"')
                s++;
            push_field(p, w, (size_t)(s - w), col);
        }
    }
    if (list_open != SIZE_MAX) {
        err(p, p->fields[list_open].col, "an object list with no closing '}'");
        return false;
    }
    for (size_t i = 0; i < p->nfields; i++)
        if (p->fields[i].quoted)
            p->fields[i].s = p->unquoted.data ? p->unquoted.data + p->fields[i].off : "";
    return true;
}

/* ---- field values ------------------------------------------------------------ */

/* The field's text in UTF-8 (the file's bytes are CP437). */
static const char *text_of(parser *p, const sie_field *f)
{
    bool ascii = true;
    for (size_t i = 0; i < f->n && ascii; i++)
        ascii = (unsigned char)f->s[i] < 0x80;
    if (ascii)
        return arena_strndup(p->mem, f->s, f->n);
    size_t cap = f->n * 3 + 1, left = cap - 1, inleft = f->n;
    char *out = arena_alloc(p->mem, cap), *o = out;
    char *in = (char *)f->s;
    iconv(p->cd, NULL, NULL, NULL, NULL);
    if (iconv(p->cd, &in, &inleft, &o, &left) == (size_t)-1)
        return arena_strndup(p->mem, f->s, f->n);
    *o = '\0';
    return out;
}

/* An integer field (account, year index, dimension). */
static bool int_of(parser *p, const sie_field *f, const char *what, int *out)
{
    const char *s = f->s;
    size_t i = 0;
    bool neg = f->n && s[0] == '-';
    if (neg || (f->n && s[0] == '+'))
        i++;
    long long v = 0;
    if (i == f->n)
        goto bad;
    for (; i < f->n; i++) {
        if (s[i] < '0' || s[i] > '9' || v > 100000000)
            goto bad;
        v = v * 10 + (s[i] - '0');
    }
    *out = (int)(neg ? -v : v);
    return true;
bad:
    err(p, f->col, "%s: expected a whole number, found \"%.*s\"", _(what), (int)f->n, s);
    return false;
}

/* A decimal number with at most `decimals` decimals into an integer scaled
 * by 10^decimals ("-12.5" with 2 is -1250). A decimal comma is accepted and
 * noted once. */
static bool decimal_of(parser *p, const sie_field *f, const char *what, int decimals,
                       int64_t *out)
{
    const char *s = f->s;
    size_t i = 0, n = f->n;
    bool neg = n && s[0] == '-';
    if (neg || (n && s[0] == '+'))
        i++;
    int64_t v = 0;
    int frac = -1, digits = 0;
    for (; i < n; i++) {
        char c = s[i];
        if ((c == '.' || c == ',') && frac < 0) {
            if (c == ',' && !p->noted_comma) {
                note(p, p->line, "%s with a decimal comma (\"%.*s\"): the specification "
                     "asks for a point; read as a decimal comma", what, (int)n, s);
                p->noted_comma = true;
            }
            frac = 0;
            continue;
        }
        if (c < '0' || c > '9')
            goto bad;
        if (frac >= 0 && frac == decimals) {
            if (c != '0') {
                err(p, f->col, "%s \"%.*s\" has more than %d decimals", _(what), (int)n, s,
                    decimals);
                return false;
            }
            continue;
        }
        if (v > (INT64_MAX - 9) / 10)
            goto bad;
        v = v * 10 + (c - '0');
        digits++;
        if (frac >= 0)
            frac++;
    }
    if (digits == 0)
        goto bad;
    for (int k = frac < 0 ? 0 : frac; k < decimals; k++) {
        if (v > INT64_MAX / 10)
            goto bad;
        v *= 10;
    }
    *out = neg ? -v : v;
    return true;
bad:
    err(p, f->col, "%s: expected an amount such as -1234.50, found \"%.*s\"", _(what), (int)n, s);
    return false;
}

static bool is_leap(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* A date YYYYMMDD; an empty field gives year 0 when `optional`. */
static bool date_of(parser *p, const sie_field *f, const char *what, bool optional, date *out)
{
    *out = (date){0};
    if (f->n == 0 && optional)
        return true;
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (f->n == 8) {
        int v[8];
        bool ok = true;
        for (int i = 0; i < 8; i++) {
            ok = ok && f->s[i] >= '0' && f->s[i] <= '9';
            v[i] = f->s[i] - '0';
        }
        int y = v[0] * 1000 + v[1] * 100 + v[2] * 10 + v[3], m = v[4] * 10 + v[5],
            d = v[6] * 10 + v[7];
        if (ok && m >= 1 && m <= 12 && d >= 1 &&
            d <= days[m - 1] + (m == 2 && is_leap(y))) {
            *out = (date){y, m, d};
            return true;
        }
    }
    err(p, f->col, "%s: expected a date YYYYMMDD, found \"%.*s\"", _(what), (int)f->n, f->s);
    return false;
}

/* ---- records --------------------------------------------------------------- */

/* Field `i` (1 = the first after the label), or NULL past the end. Object
 * lists count as one field. */
static const sie_field *field_at(parser *p, size_t i)
{
    size_t k = 1;
    for (size_t j = 1; j < p->nfields; k++) {
        if (k == i)
            return &p->fields[j];
        j = p->fields[j].list ? p->fields[j].end : j + 1;
    }
    return NULL;
}

static size_t field_count(parser *p)
{
    size_t k = 0;
    for (size_t j = 1; j < p->nfields; k++)
        j = p->fields[j].list ? p->fields[j].end : j + 1;
    return k;
}

static bool need(parser *p, size_t n, const char *label, const char *form)
{
    if (field_count(p) >= n)
        return true;
    err(p, p->fields[0].col + (int)p->fields[0].n, "%s needs %s", label, _(form));
    return false;
}

/* A field that must not be an object list. */
static const sie_field *plain_at(parser *p, size_t i, const char *what)
{
    const sie_field *f = field_at(p, i);
    if (f && f->list) {
        err(p, f->col, "%s: expected a field, found an object list", _(what));
        return NULL;
    }
    return f;
}

static const char *text_at(parser *p, size_t i)
{
    const sie_field *f = field_at(p, i);
    return f && !f->list ? text_of(p, f) : NULL;
}

static bool rec_rar(parser *p)
{
    if (!need(p, 3, "#RAR", "a year index, a first and a last day"))
        return false;
    sie_year y = {.line = p->line};
    const sie_field *a = plain_at(p, 1, "#RAR"), *b = plain_at(p, 2, "#RAR"),
                    *c = plain_at(p, 3, "#RAR");
    if (!a || !b || !c || !int_of(p, a, N_("year index"), &y.index) ||
        !date_of(p, b, N_("first day"), false, &y.from) ||
        !date_of(p, c, N_("last day"), false, &y.to))
        return false;
    sie_file *o = p->out;
    *ARENA_PUSH(p->mem, o->years, o->nyears, p->ycap) = y;
    return true;
}

static sie_account *account_entry(parser *p, int number)
{
    sie_file *o = p->out;
    for (size_t i = o->naccounts; i-- > 0;)
        if (o->accounts[i].number == number)
            return &o->accounts[i];
    sie_account *a = ARENA_PUSH(p->mem, o->accounts, o->naccounts, p->acap);
    *a = (sie_account){.number = number, .line = p->line};
    return a;
}

static bool rec_konto(parser *p, bool ktyp)
{
    const char *label = ktyp ? "#KTYP" : "#KONTO";
    if (!need(p, 2, label, ktyp ? N_("an account and a type") : N_("an account and a name")))
        return false;
    const sie_field *a = plain_at(p, 1, label), *b = plain_at(p, 2, label);
    int number;
    if (!a || !b || !int_of(p, a, N_("account"), &number))
        return false;
    sie_account *acc = account_entry(p, number);
    if (!ktyp) {
        acc->name = text_of(p, b);
        acc->line = p->line;
        return true;
    }
    if (b->n != 1 || !strchr("TSKI", b->s[0])) {
        err(p, b->col, "#KTYP: expected T, S, K or I, found \"%.*s\"", (int)b->n, b->s);
        return false;
    }
    acc->type = b->s[0];
    return true;
}

static bool rec_dim(parser *p)
{
    if (!need(p, 2, "#DIM", "a dimension number and a name"))
        return false;
    const sie_field *a = plain_at(p, 1, "#DIM");
    sie_dimension d = {0};
    if (!a || !int_of(p, a, N_("dimension"), &d.number))
        return false;
    d.name = text_at(p, 2);
    sie_file *o = p->out;
    *ARENA_PUSH(p->mem, o->dims, o->ndims, p->dcap) = d;
    return true;
}

static bool rec_objekt(parser *p)
{
    if (!need(p, 3, "#OBJEKT", "a dimension, a code and a name"))
        return false;
    const sie_field *a = plain_at(p, 1, "#OBJEKT");
    sie_object ob = {0};
    if (!a || !int_of(p, a, N_("dimension"), &ob.dim))
        return false;
    ob.code = text_at(p, 2);
    ob.name = text_at(p, 3);
    sie_file *o = p->out;
    *ARENA_PUSH(p->mem, o->objects, o->nobjects, p->ocap) = ob;
    return true;
}

/* #IB, #UB and #RES: year, account, amount (and a quantity, not kept). */
static bool rec_balance(parser *p, const char *label, sie_balance **arr, size_t *n, size_t *cap)
{
    if (!need(p, 3, label, "a year index, an account and an amount"))
        return false;
    sie_balance b = {.line = p->line};
    const sie_field *y = plain_at(p, 1, label), *a = plain_at(p, 2, label),
                    *m = plain_at(p, 3, label);
    if (!y || !a || !m || !int_of(p, y, N_("year index"), &b.year) ||
        !int_of(p, a, N_("account"), &b.account) || !decimal_of(p, m, N_("amount"), 2, &b.amount))
        return false;
    *ARENA_PUSH(p->mem, *arr, *n, *cap) = b;
    return true;
}

static bool rec_ver(parser *p)
{
    if (p->in_block || p->ver_wants_open) {
        err(p, 1, "#VER before the voucher above it was closed with '}'");
        p->in_block = p->ver_wants_open = false;
    }
    if (!need(p, 3, "#VER", "a series, a number and a date"))
        return false;
    sie_voucher v = {.line = p->line};
    const sie_field *d = plain_at(p, 3, "#VER");
    if (!d || !date_of(p, d, N_("voucher date"), false, &v.date))
        return false;
    v.series = text_at(p, 1);
    v.number = text_at(p, 2);
    v.text = text_at(p, 4);
    if (!v.series || !v.number) {
        err(p, 1, "#VER: the series and number must be fields, not object lists");
        return false;
    }
    sie_file *o = p->out;
    p->ver = ARENA_PUSH(p->mem, o->vouchers, o->nvouchers, p->vcap);
    *p->ver = v;
    p->rcap = 0;
    p->ver_wants_open = true;
    p->rtrans_pending = -1;
    return true;
}

static bool rows_same(const sie_row *a, const sie_row *b)
{
    if (a->account != b->account || a->amount != b->amount || a->nobjects != b->nobjects ||
        a->date.year != b->date.year || a->date.month != b->date.month ||
        a->date.day != b->date.day)
        return false;
    for (size_t i = 0; i < a->nobjects; i++)
        if (a->objects[i].dim != b->objects[i].dim ||
            strcmp(a->objects[i].object, b->objects[i].object) != 0)
            return false;
    return true;
}

/* The object list {dim "object" ...} of a voucher row. */
static bool objects_of(parser *p, const sie_field *list, sie_row *r)
{
    size_t first = (size_t)(list - p->fields) + 1, n = list->end - first;
    if (n % 2) {
        err(p, list->col, "an object list needs pairs of a dimension and an object");
        return false;
    }
    r->nobjects = n / 2;
    r->objects = n ? ARENA_ARRAY(p->mem, sie_object_ref, n / 2) : NULL;
    for (size_t i = 0; i < n / 2; i++) {
        if (!int_of(p, &p->fields[first + 2 * i], N_("dimension"), &r->objects[i].dim))
            return false;
        r->objects[i].object = text_of(p, &p->fields[first + 2 * i + 1]);
    }
    return true;
}

/* A #RTRANS the record after which is not its #TRANS copy: counted once. */
static void rtrans_alone(parser *p)
{
    if (p->rtrans_pending < 0)
        return;
    if (!p->noted_rtrans)
        note(p, p->ver->rows[p->rtrans_pending].line,
             "a #RTRANS not followed by an identical #TRANS (as the specification asks); "
             "the added row is counted once");
    p->noted_rtrans = true;
    p->rtrans_pending = -1;
}

/* #PSALDO year period account {objects} amount: a month's change of an
 * account; those of an object (a cost centre's share) are not the
 * account's, and are left out. */
static bool rec_psaldo(parser *p)
{
    if (!need(p, 5, "#PSALDO", "a year index, a period, an account, an object list and an amount"))
        return false;
    sie_balance b = {.line = p->line};
    const sie_field *y = plain_at(p, 1, "#PSALDO"), *per = plain_at(p, 2, "#PSALDO"),
                    *a = plain_at(p, 3, "#PSALDO"), *l = field_at(p, 4),
                    *m = plain_at(p, 5, "#PSALDO");
    if (!y || !per || !a || !m || !int_of(p, y, N_("year index"), &b.year) ||
        !int_of(p, per, N_("period"), &b.period) || !int_of(p, a, N_("account"), &b.account))
        return false;
    if (b.period < 100001 || b.period % 100 < 1 || b.period % 100 > 12) {
        err(p, per->col, "#PSALDO: expected a period YYYYMM, found %d", b.period);
        return false;
    }
    sie_row objects = {0};
    if (!l->list) {
        err(p, l->col, "#PSALDO: expected an object list such as {} or {1 \"10\"}");
        return false;
    }
    if (!objects_of(p, l, &objects) || !decimal_of(p, m, N_("amount"), 2, &b.amount))
        return false;
    if (objects.nobjects == 0)
        *ARENA_PUSH(p->mem, p->out->periods, p->out->nperiods, p->pcap) = b;
    return true;
}

static bool rec_trans(parser *p, const char *label, sie_row_kind kind)
{
    if (!p->in_block) {
        err(p, 1, "%s outside a voucher's { } block", label);
        return false;
    }
    if (!need(p, 3, label, "an account, an object list and an amount"))
        return false;
    sie_row r = {.kind = kind, .line = p->line};
    const sie_field *a = plain_at(p, 1, label), *l = field_at(p, 2), *m = plain_at(p, 3, label);
    if (!a || !m || !int_of(p, a, N_("account"), &r.account))
        return false;
    if (!l->list) {
        err(p, l->col, "%s: expected an object list such as {} or {1 \"10\"}", label);
        return false;
    }
    if (!objects_of(p, l, &r) || !decimal_of(p, m, N_("amount"), 2, &r.amount))
        return false;
    const sie_field *d = plain_at(p, 4, label), *q = plain_at(p, 6, label);
    if (d && !date_of(p, d, N_("transaction date"), true, &r.date))
        return false;
    r.text = text_at(p, 5);
    if (q && q->n) {
        if (!decimal_of(p, q, N_("quantity"), 2, &r.quantity))
            return false;
        r.has_quantity = true;
    }
    sie_voucher *v = p->ver;
    if (p->rtrans_pending >= 0) {
        if (kind == SIE_ROW && rows_same(&v->rows[p->rtrans_pending], &r)) {
            p->rtrans_pending = -1;
            return true; /* the copy that readers of older versions count */
        }
        rtrans_alone(p);
    }
    *ARENA_PUSH(p->mem, v->rows, v->nrows, p->rcap) = r;
    if (kind == SIE_ROW_ADDED)
        p->rtrans_pending = (long)v->nrows - 1;
    return true;
}


static bool rec_header(parser *p, const char *label)
{
    sie_file *o = p->out;
    const sie_field *f = plain_at(p, 1, label);
    if (!f) {
        if (field_count(p) == 0)
            err(p, 1, "%s needs a value", label);
        return false;
    }
    if (strcmp(label, "#FLAGGA") == 0)
        return int_of(p, f, "#FLAGGA", &o->flag);
    if (strcmp(label, "#SIETYP") == 0)
        return int_of(p, f, "#SIETYP", &o->type);
    const char *t = text_of(p, f);
    if (strcmp(label, "#PROGRAM") == 0) {
        const char *version = text_at(p, 2);
        o->program = version ? arena_printf(p->mem, "%s %s", t, version) : t;
    } else if (strcmp(label, "#FORMAT") == 0) {
        o->format = t;
        if (f->quoted && !p->noted_quoted_format)
            note(p, p->line, "#FORMAT \"%s\" is quoted; the specification writes it bare; "
                 "accepted", t);
        p->noted_quoted_format = true;
        if (strcmp(t, "PC8") != 0)
            warn(p, p->line, "#FORMAT %s: SIE 4 files are in PC8 (IBM PC 8-bit, CP437); "
                 "read as PC8", t);
    } else if (strcmp(label, "#GEN") == 0) {
        o->generated = t;
    } else if (strcmp(label, "#FNAMN") == 0) {
        o->company = t;
    } else if (strcmp(label, "#ORGNR") == 0) {
        o->org_number = t;
    } else if (strcmp(label, "#VALUTA") == 0) {
        o->currency = t;
    }
    return true;
}

/* Labels of the specification that the statements do not need: skipped
 * without a word. */
static bool known_unused(const char *label)
{
    static const char *const names[] = {
        "#ADRESS", "#BKOD", "#FNR", "#FTYP", "#KPTYP", "#OMFATTN", "#PROSA", "#SRU",
        "#TAXAR", "#UNDERDIM", "#OIB", "#OUB", "#PBUDGET", "#ENHET", "#BTEXT",
    };
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        if (strcmp(label, names[i]) == 0)
            return true;
    return false;
}

static void unknown(parser *p, const char *label)
{
    sie_file *o = p->out;
    for (size_t i = 0; i < o->nunknown; i++)
        if (strcmp(o->unknown_labels[i], label) == 0)
            return;
    *ARENA_PUSH(p->mem, o->unknown_labels, o->nunknown, p->ucap) = arena_strdup(p->mem, label);
}

static void record(parser *p)
{
    const sie_field *l = &p->fields[0];
    char label[24];
    if (l->quoted || l->list || l->n >= sizeof label) {
        err(p, l->col, "a record must begin with a label such as #VER");
        return;
    }
    memcpy(label, l->s, l->n);
    label[l->n] = '\0';
    for (char *c = label; *c; c++)
        if (*c >= 'a' && *c <= 'z')
            *c = (char)(*c - 'a' + 'A');
    sie_file *o = p->out;
    if (strcmp(label, "#TRANS") != 0)
        rtrans_alone(p);
    if (strcmp(label, "#TRANS") == 0)
        rec_trans(p, "#TRANS", SIE_ROW);
    else if (strcmp(label, "#RTRANS") == 0)
        rec_trans(p, "#RTRANS", SIE_ROW_ADDED);
    else if (strcmp(label, "#BTRANS") == 0)
        rec_trans(p, "#BTRANS", SIE_ROW_REMOVED);
    else if (strcmp(label, "#VER") == 0)
        rec_ver(p);
    else if (p->in_block)
        err(p, l->col, "%s inside a voucher's { } block, where only #TRANS, #RTRANS and "
            "#BTRANS belong", label);
    else if (strcmp(label, "#KONTO") == 0 || strcmp(label, "#KTYP") == 0)
        rec_konto(p, label[1] == 'K' && label[2] == 'T');
    else if (strcmp(label, "#RAR") == 0)
        rec_rar(p);
    else if (strcmp(label, "#DIM") == 0)
        rec_dim(p);
    else if (strcmp(label, "#OBJEKT") == 0)
        rec_objekt(p);
    else if (strcmp(label, "#IB") == 0)
        rec_balance(p, "#IB", &o->opening, &o->nopening, &p->ibcap);
    else if (strcmp(label, "#UB") == 0)
        rec_balance(p, "#UB", &o->closing, &o->nclosing, &p->ubcap);
    else if (strcmp(label, "#RES") == 0)
        rec_balance(p, "#RES", &o->results, &o->nresults, &p->rescap);
    else if (strcmp(label, "#PSALDO") == 0)
        rec_psaldo(p);
    else if (strcmp(label, "#FLAGGA") == 0 || strcmp(label, "#PROGRAM") == 0 ||
             strcmp(label, "#FORMAT") == 0 || strcmp(label, "#GEN") == 0 ||
             strcmp(label, "#SIETYP") == 0 || strcmp(label, "#FNAMN") == 0 ||
             strcmp(label, "#ORGNR") == 0 || strcmp(label, "#VALUTA") == 0)
        rec_header(p, label);
    else if (!known_unused(label))
        unknown(p, label);
}

/* ---- the checksum -------------------------------------------------------------- */

/* Adds the record's label and fields (their content, without separators,
 * quotes or braces) to the running CRC-32. */
static void checksum_record(parser *p)
{
    for (size_t i = 0; i < p->nfields; i++)
        if (!p->fields[i].list)
            p->crc = libdeflate_crc32(p->crc, p->fields[i].s, p->fields[i].n);
}

/* #KSUMMA without a value opens the checksummed part; with one it closes it. */
static void rec_ksumma(parser *p)
{
    if (p->nfields == 1) {
        if (p->in_checksum || p->checksum_done)
            err(p, 1, "a second #KSUMMA without a sum");
        p->in_checksum = true;
        p->crc = 0;
        return;
    }
    if (!p->in_checksum) {
        err(p, 1, "#KSUMMA with a sum but no #KSUMMA without one at the start of the file");
        return;
    }
    int64_t want;
    const sie_field *f = plain_at(p, 1, "#KSUMMA");
    p->in_checksum = false;
    p->checksum_done = true;
    if (!f || !decimal_of(p, f, "#KSUMMA", 0, &want))
        return;
    p->out->has_checksum = true;
    if ((uint64_t)want != (uint64_t)p->crc && (int64_t)(int32_t)p->crc != want)
        err(p, f->col, "#KSUMMA %" PRId64 " does not match the file, whose checksum is %" PRIu32
            ": the file was changed or cut after it was exported", want, p->crc);
}

/* ---- lines ------------------------------------------------------------------------ */

static void block_line(parser *p, char c)
{
    if (c == '{') {
        if (!p->ver_wants_open)
            err(p, 1, "a '{' that does not follow a #VER");
        p->in_block = p->ver_wants_open;
        p->ver_wants_open = false;
        return;
    }
    rtrans_alone(p);
    if (!p->in_block)
        err(p, 1, "a '}' that closes no voucher");
    p->in_block = false;
}

static void one_line(parser *p, const char *s, const char *end)
{
    while (s < end && is_blank(*s))
        s++;
    while (end > s && is_blank(end[-1]))
        end--;
    if (s == end)
        return;
    if (end - s == 1 && (*s == '{' || *s == '}')) {
        block_line(p, *s);
        return;
    }
    if (*s != '#') {
        err(p, 1, "a line that is not a record (records begin with #)");
        return;
    }
    if (p->ver_wants_open) {
        err(p, 1, "the #VER above has no { } block of rows");
        p->ver_wants_open = false;
    }
    if (!lex_line(p, s, end))
        return;
    const sie_field *l = &p->fields[0];
    if (l->n == 7 && strncmp(l->s, "#KSUMMA", 7) == 0) {
        rec_ksumma(p);
        return;
    }
    if (p->in_checksum)
        checksum_record(p);
    record(p);
}

static void each_line(parser *p, const char *bytes, size_t len)
{
    const char *s = bytes, *end = bytes + len;
    p->line = 0;
    while (s < end) {
        const char *nl = memchr(s, '\n', (size_t)(end - s));
        const char *e = nl ? nl : end;
        p->line++;
        const char *le = e;
        if (le > s && le[-1] == '\r')
            le--;
        if (!nl && le - s == 1 && *s == '\x1a')
            break; /* a DOS end-of-file mark */
        one_line(p, s, le);
        s = nl ? nl + 1 : end;
    }
    rtrans_alone(p);
    if (p->in_block || p->ver_wants_open)
        err(p, 1, "the file ends inside a voucher's { } block");
    if (p->in_checksum)
        err(p, 1, "#KSUMMA opened the checksummed part but no #KSUMMA with the sum ends it: "
            "the file may have been cut short");
}

/* ---- checks across records ---------------------------------------------------------- */

/* An amount in öre as "-1234.50 kr" for messages. */
static const char *kr(arena *mem, int64_t ore)
{
    uint64_t a = ore < 0 ? (uint64_t)0 - (uint64_t)ore : (uint64_t)ore;
    return arena_printf(mem, "%s%" PRIu64 ".%02u kr", ore < 0 ? "-" : "", a / 100,
                        (unsigned)(a % 100));
}

static void found(parser *p, sie_finding_kind kind, int account, int64_t a, int64_t b, int line)
{
    sie_file *o = p->out;
    *ARENA_PUSH(p->mem, o->findings, o->nfindings, p->fdcap) =
        (sie_finding){kind, account, a, b, line};
}

static void check_vouchers(parser *p)
{
    const sie_file *o = p->out;
    for (size_t i = 0; i < o->nvouchers; i++) {
        const sie_voucher *v = &o->vouchers[i];
        int64_t sum = 0;
        for (size_t j = 0; j < v->nrows; j++)
            if (v->rows[j].kind != SIE_ROW_REMOVED)
                sum += v->rows[j].amount;
        if (sum != 0)
            diag_add(p->dl, DIAG_ERROR, p->file, v->line, 1, NULL,
                     "voucher %s %s does not balance: its rows sum to %s, not 0", v->series,
                     v->number, kr(p->mem, sum));
        p->out->nrows += v->nrows;
    }
}

/* Accounts in ascending order, each once, from the balances and the vouchers. */
typedef struct {
    int account;
    int64_t moved; /* sum of the rows that count */
} movement;

static int cmp_movement(const void *a, const void *b)
{
    int x = ((const movement *)a)->account, y = ((const movement *)b)->account;
    return (x > y) - (x < y);
}

static movement *movements(parser *p, size_t *n)
{
    const sie_file *o = p->out;
    size_t cap = 0, count = 0;
    movement *m = NULL;
    for (size_t i = 0; i < o->nvouchers; i++)
        for (size_t j = 0; j < o->vouchers[i].nrows; j++) {
            const sie_row *r = &o->vouchers[i].rows[j];
            if (r->kind != SIE_ROW_REMOVED)
                *ARENA_PUSH(p->mem, m, count, cap) = (movement){r->account, r->amount};
        }
    if (count)
        qsort(m, count, sizeof *m, cmp_movement);
    size_t k = 0;
    for (size_t i = 0; i < count; i++) {
        if (k && m[k - 1].account == m[i].account)
            m[k - 1].moved += m[i].moved;
        else
            m[k++] = m[i];
    }
    *n = k;
    return m;
}

static int64_t moved_on(const movement *m, size_t n, int account)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (m[mid].account < account)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < n && m[lo].account == account ? m[lo].moved : 0;
}

static bool is_balance_account(const sie_file *o, int account)
{
    for (size_t i = 0; i < o->naccounts; i++)
        if (o->accounts[i].number == account && o->accounts[i].type)
            return o->accounts[i].type == 'T' || o->accounts[i].type == 'S';
    return account < 3000;
}

/* The closing balances and results of the current year against the opening
 * balances and the vouchers: a difference means the export left vouchers out
 * or the balances are of another moment. */
static void check_balances(parser *p)
{
    const sie_file *o = p->out;
    if (o->nvouchers == 0)
        return;
    size_t n;
    movement *m = movements(p, &n);
    for (size_t i = 0; i < o->nclosing; i++) {
        const sie_balance *b = &o->closing[i];
        if (b->year != 0 || !is_balance_account(o, b->account))
            continue;
        int64_t ib = 0, moved = moved_on(m, n, b->account);
        sie_balance_of(o->opening, o->nopening, 0, b->account, &ib);
        if (b->amount - ib == moved)
            continue;
        found(p, SIE_FINDING_CLOSING, b->account, b->amount - ib, moved, b->line);
        diag_add(p->dl, DIAG_WARNING, p->file, b->line, 1, NULL,
                 "account %d: the closing balance %s less the opening balance %s is %s, "
                 "but its voucher rows sum to %s: the export may have left vouchers out",
                 b->account, kr(p->mem, b->amount), kr(p->mem, ib),
                 kr(p->mem, b->amount - ib), kr(p->mem, moved));
    }
    for (size_t i = 0; i < o->nresults; i++) {
        const sie_balance *b = &o->results[i];
        int64_t moved = moved_on(m, n, b->account);
        if (b->year != 0 || b->amount == moved)
            continue;
        found(p, SIE_FINDING_RESULT, b->account, b->amount, moved, b->line);
        diag_add(p->dl, DIAG_WARNING, p->file, b->line, 1, NULL,
                 "account %d: the year's result %s is not the sum of its voucher rows, %s: "
                 "the export may have left vouchers out",
                 b->account, kr(p->mem, b->amount), kr(p->mem, moved));
    }
    /* accounts moved by vouchers with no closing balance or result at all */
    bool has_ub = o->nclosing > 0, has_res = o->nresults > 0;
    for (size_t i = 0; i < n; i++) {
        int64_t x;
        bool bal = is_balance_account(o, m[i].account);
        if (m[i].moved == 0 || (bal && !has_ub) || (!bal && !has_res))
            continue;
        if (bal ? sie_balance_of(o->closing, o->nclosing, 0, m[i].account, &x)
                : sie_balance_of(o->results, o->nresults, 0, m[i].account, &x))
            continue;
        if (bal && sie_balance_of(o->opening, o->nopening, 0, m[i].account, &x) &&
            x + m[i].moved == 0)
            continue;
        found(p, SIE_FINDING_NO_BALANCE, m[i].account, m[i].moved, 0, 0);
        diag_add(p->dl, DIAG_WARNING, p->file, 0, 0, NULL,
                 "account %d: its voucher rows sum to %s, but the file has no %s for it",
                 m[i].account, kr(p->mem, m[i].moved), bal ? "#UB" : "#RES");
    }
}

/* The opening balance of the year against the closing balance of the year
 * before, where the file has both. */
static void check_opening(parser *p)
{
    const sie_file *o = p->out;
    for (size_t i = 0; i < o->nopening; i++) {
        const sie_balance *b = &o->opening[i];
        int64_t ub;
        if (b->year != 0 || !sie_balance_of(o->closing, o->nclosing, -1, b->account, &ub) ||
            ub == b->amount)
            continue;
        found(p, SIE_FINDING_OPENING, b->account, b->amount, ub, b->line);
        diag_add(p->dl, DIAG_WARNING, p->file, b->line, 1, NULL,
                 "account %d: the opening balance %s is not last year's closing balance %s",
                 b->account, kr(p->mem, b->amount), kr(p->mem, ub));
    }
}

static void list_unknown(parser *p)
{
    const sie_file *o = p->out;
    if (!o->nunknown)
        return;
    strbuf sb = {0};
    for (size_t i = 0; i < o->nunknown; i++)
        strbuf_printf(&sb, "%s%s", i ? ", " : "", o->unknown_labels[i]);
    diag_add(p->dl, DIAG_DETAIL, p->file, 0, 0, NULL,
             "labels not in the SIE 4 specification, skipped as it asks: %s", sb.data);
    strbuf_free(&sb);
}

/* ---- the whole file ------------------------------------------------------------------- */

bool sie_parse(arena *mem, const char *file, const char *bytes, size_t len, sie_file *out,
               diag_list *dl)
{
    *out = (sie_file){.file = file, .flag = -1};
    size_t errors = dl->errors;
    if (len > SIE_MAX_BYTES) {
        diag_add(dl, DIAG_ERROR, file, 0, 0, NULL,
                 "the file has %zu bytes, more than the %zu an SIE file may have here", len,
                 SIE_MAX_BYTES);
        return false;
    }
    parser p = {.mem = mem, .file = file, .dl = dl, .out = out, .rtrans_pending = -1};
    p.cd = iconv_open("UTF-8", "CP437");
    if (p.cd == (iconv_t)-1) {
        diag_add(dl, DIAG_ERROR, file, 0, 0, NULL,
                 "this system's iconv cannot convert CP437 to UTF-8");
        return false;
    }
    each_line(&p, bytes, len);
    iconv_close(p.cd);
    strbuf_free(&p.unquoted);
    if (out->type != 0 && out->type != 4) {
        found(&p, SIE_FINDING_TYPE, 0, out->type, 0, 0);
        diag_add(dl, DIAG_WARNING, file, 0, 0, NULL,
                 "#SIETYP %d: read as SIE 4; types 1 to 3 have no vouchers", out->type);
    }
    check_vouchers(&p);
    check_opening(&p);
    check_balances(&p);
    list_unknown(&p);
    return dl->errors == errors;
}

bool sie_read(arena *mem, const char *path, sie_file *out, diag_list *dl)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        diag_add(dl, DIAG_ERROR, path, 0, 0, NULL, "cannot read: %s", strerror(errno));
        *out = (sie_file){.file = path, .flag = -1};
        return false;
    }
    strbuf sb = {0};
    bool ok = strbuf_append_stream(&sb, f, SIE_MAX_BYTES);
    fclose(f);
    if (!ok) {
        diag_add(dl, DIAG_ERROR, path, 0, 0, NULL, "cannot read: %s", strerror(errno));
        strbuf_free(&sb);
        *out = (sie_file){.file = path, .flag = -1};
        return false;
    }
    bool r = sie_parse(mem, arena_strdup(mem, path), sb.data ? sb.data : "", sb.len, out, dl);
    strbuf_free(&sb);
    return r;
}

const sie_year *sie_year_at(const sie_file *f, int index)
{
    for (size_t i = 0; i < f->nyears; i++)
        if (f->years[i].index == index)
            return &f->years[i];
    return NULL;
}

const char *sie_account_name(const sie_file *f, int account)
{
    for (size_t i = 0; i < f->naccounts; i++)
        if (f->accounts[i].number == account)
            return f->accounts[i].name;
    return NULL;
}

bool sie_balance_of(const sie_balance *b, size_t n, int year, int account, int64_t *amount)
{
    bool found = false;
    int64_t sum = 0;
    for (size_t i = 0; i < n; i++)
        if (b[i].year == year && b[i].account == account) {
            sum += b[i].amount;
            found = true;
        }
    *amount = sum;
    return found;
}

uint32_t sie_checksum(const char *bytes, size_t len)
{
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    sie_file f = {0};
    parser p = {.mem = &mem, .file = "", .dl = &dl, .out = &f, .rtrans_pending = -1};
    p.cd = iconv_open("UTF-8", "CP437");
    each_line(&p, bytes, len);
    if (p.cd != (iconv_t)-1)
        iconv_close(p.cd);
    strbuf_free(&p.unquoted);
    uint32_t crc = p.crc;
    arena_free(&mem);
    return crc;
}
