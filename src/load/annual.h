/* annual: the model of an association's årsredovisning (arsredovisning-YEAR.yaml)
 * and delårsrapport (delarsrapport-YEAR-MM.yaml), and of the account mapping
 * (kontoplan.yaml) that places the accounts of an SIE file on the lines of
 * the statements and on the budget rows of the year's plan. The formats are
 * docs/formats/annual.md and docs/formats/mapping.md. Plain structs, in the
 * loading arena; amounts typed in a file are in its unit (kr or tkr), the
 * books' amounts in öre (see statements.h). */
#ifndef PP_ANNUAL_H
#define PP_ANNUAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "model.h"

/* The lines of the resultaträkning and the balansräkning that amounts are
 * placed on; the subtotals (nettokostnader, resultat, summa tillgångar, ...)
 * are computed. In the order of the statements. */
typedef enum {
    LINE_INCOME,           /* verksamhetens intäkter */
    LINE_COSTS,            /* verksamhetens kostnader */
    LINE_DEPRECIATION,     /* avskrivningar */
    LINE_FINANCIAL_INCOME, /* finansiella intäkter */
    LINE_FINANCIAL_COSTS,  /* finansiella kostnader */
    LINE_FIXED_ASSETS,     /* anläggningstillgångar */
    LINE_RECEIVABLES,      /* kortfristiga fordringar */
    LINE_CASH,             /* kassa och bank */
    LINE_EQUITY,           /* eget kapital */
    LINE_PROVISIONS,       /* avsättningar */
    LINE_LONG_TERM,        /* långfristiga skulder */
    LINE_SHORT_TERM,       /* kortfristiga skulder */
    LINE_COUNT
} statement_line;

#define LINE_FIRST_BALANCE LINE_FIXED_ASSETS

/* The names of the lines in the files are formats.h's NAMES_STATEMENT_LINE. */

/* Accounts from `from` to `to`, both included. */
typedef struct {
    int from, to;
    source_pos pos;
} account_range;

/* Accounts placed on a line, on a row of a note or on a budget row. */
typedef struct {
    statement_line line; /* for a line entry */
    const char *label;   /* a note's row, a budget row (the plan's label) */
    account_range *ranges;
    size_t nranges;
    source_pos pos;
} account_group;

/* A note (not) that explains a line by rows of accounts. */
typedef struct {
    statement_line line;
    const char *title;
    account_group *rows;
    size_t nrows;
    source_pos pos;
} map_note;

typedef struct {
    const char *file;
    money_unit unit;        /* the statements' unit: kr or tkr */
    account_group *lines;   /* accounts -> statement lines */
    size_t nlines;
    account_range *ignored; /* closing accounts (8999 årets resultat) and the like */
    size_t nignored;
    map_note *notes;
    size_t nnotes;
    account_group *budget_rows; /* accounts -> the plan's budget rows, by label */
    size_t nbudget_rows;
} account_map;

/* A figure of one line typed in the report's file (where there are no
 * books), this year and last year. */
typedef struct {
    figure year[2]; /* [0] this year, [1] last year */
} typed_line;

/* An amount with its reason: an adjustment of the balanskravsresultat, a
 * change of equity other than the year's result, a typed note row. */
typedef struct {
    const char *label;
    int64_t amount;
    source_pos pos;
} labelled_amount;

/* A note typed in the file (where there are no books). */
typedef struct {
    statement_line line;
    const char *title;
    labelled_amount *rows;
    size_t nrows;
    source_pos pos;
} typed_note;

/* The kassaflödesanalys' items as typed in the file; absent ones are
 * computed from the balance sheets. */
typedef struct {
    figure non_cash, receivables, short_term, investments, financing;
} typed_cash_flow;

/* A year's key figures typed into the five-year overview (as the Word
 * template has them), checked against the earlier years' files. */
typedef struct {
    int year;
    figure income, costs, result, equity, participants;
    source_pos pos;
} overview_year;

/* The förvaltningsberättelse's parts (LKBR ch. 11), Markdown each. */
typedef enum {
    TEXT_OVERVIEW,   /* översikt över verksamhetens utveckling */
    TEXT_CONDITIONS, /* viktiga förhållanden för resultat och ekonomisk ställning */
    TEXT_EVENTS,     /* händelser av väsentlig betydelse */
    TEXT_STEERING,   /* styrning och uppföljning */
    TEXT_ECONOMY,    /* god ekonomisk hushållning och ekonomisk ställning */
    TEXT_PERSONNEL,  /* personal */
    TEXT_OUTLOOK,    /* förväntad utveckling */
    TEXT_COUNT
} annual_text;

/* Their names in the files: formats.h's NAMES_ANNUAL_TEXT. */

typedef struct {
    const association *assoc;
    const plan *plan_of_year;       /* plan-YEAR.yaml beside it, or NULL */
    const outcome *outcome_of_year; /* outcome-YEAR.yaml beside it, or NULL */
    bool interim;                   /* a delårsrapport */
    int year;
    date period_end; /* a delårsrapport: the last day of its period */
    const char *title;
    date drawn_up; /* the day the board signs */
    const char *place;
    person *board; /* name and role (ordförande, ledamot, ...) */
    size_t nboard;
    signature *signatures; /* as an e-signature service reports them */
    size_t nsignatures;
    const char *signing_service;
    const char *texts[TEXT_COUNT];
    const char *principles; /* redovisningsprinciper, Markdown */
    const char *contingent; /* ansvarsförbindelser, Markdown; NULL when the file says nothing */
    /* The books: an SIE 4 file and the mapping, paths beside the file. */
    const char *sie, *mapping;
    source_pos sie_pos;
    money_unit unit; /* of typed figures (the mapping's when there are books) */
    typed_line lines[LINE_COUNT];
    bool has_typed_lines;
    typed_note *notes;
    size_t nnotes;
    typed_cash_flow cash_flow;
    labelled_amount *equity_changes;      /* changes of equity other than the result */
    size_t nequity_changes;
    labelled_amount *balance_adjustments; /* balanskravsutredning: gains on disposals, ... */
    size_t nbalance_adjustments;
    figure forecast[LINE_COUNT]; /* a delårsrapport: the whole year's forecast */
    overview_year *overview;
    size_t noverview;
    const char *file;
} annual_report;

#endif
