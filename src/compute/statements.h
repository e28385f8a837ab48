/* statements: the figures of an årsredovisning or a delårsrapport, from the
 * books (an SIE 4 file placed on the lines by the account mapping) or from
 * the figures typed in the report's file: resultaträkning, balansräkning,
 * kassaflödesanalys (indirect method), notes, driftredovisning,
 * balanskravsutredning and the five-year overview; and the cross-checks
 * between them, each a warning naming both figures and the likely cause,
 * kept for the document's "Obs!" notes.
 *
 * Signs as the statements print them: income, assets, equity and
 * liabilities positive, costs negative; the results are sums. Amounts are
 * öre throughout (int64); the context rounds them to the report's unit.
 * Books that are not closed (the year's result not yet booked to equity:
 * the balance accounts sum to the result) get the result added to equity,
 * as the statements of an open year show it.
 *
 * The checks:
 *  - the balance sheet balances (each year): assets = equity + provisions +
 *    liabilities;
 *  - the change of equity from last year is the year's result, plus the
 *    changes the report states with their reasons;
 *  - the cash flow of each year equals the change of liquid funds (not
 *    judged where one of the two checks above failed: its cause is named
 *    there);
 *  - last year's column equals last year's file (its books, or its outcome);
 *  - a note's rows sum to its line;
 *  - the driftredovisning's totals equal the resultaträkning's income and
 *    costs (with depreciation);
 *  - the five-year overview's typed figures equal the earlier years' files,
 *    and the outcome file of the year agrees with the books.
 * Pure functions: the caller loads the files. */
#ifndef PP_STATEMENTS_H
#define PP_STATEMENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "annual.h"
#include "arena.h"
#include "diag.h"
#include "model.h"
#include "sie.h"

/* An amount of each column: [0] this year (or period), [1] last year. */
typedef struct {
    int64_t v[2];
    bool has[2];
} two_years;

typedef struct {
    const char *label;
    two_years amount;
} note_row;

typedef struct {
    int number; /* 1, 2, ... in the order of the statements' lines */
    statement_line line;
    const char *title;
    note_row *rows;
    size_t nrows;
    two_years sum;
} statement_note;

/* A row of the driftredovisning: budget of the year's plan, outcome, and
 * the variance in the association's favour. */
typedef struct {
    const char *label;
    bool income;
    bool has_budget;
    int64_t budget, outcome, variance;
} drift_row;

typedef struct {
    drift_row *rows;
    size_t nrows;
    bool has_budget;       /* budgets per row, from the year's plan */
    bool has_total_budget; /* no plan: the cost budget as the outcome file states it */
    int64_t income_budget, income, costs_budget, costs;
    const char *source; /* "books" or the outcome file */
} driftredovisning;

/* One year of the five-year overview. */
typedef struct {
    int year;
    bool has_income, has_costs, has_result, has_equity, has_participants;
    int64_t income, costs, result, equity; /* öre; costs positive */
    int64_t participants;
    const char *source; /* the file the figures come from, or NULL when typed */
} overview_entry;

/* An earlier year's files, loaded by the caller: its books and its outcome,
 * either may be NULL. */
typedef struct {
    int year;
    const sie_file *books;
    const outcome *outcome;
} earlier_year;

/* A column of the kassaflödesanalys (indirect method). */
typedef struct {
    int64_t result, non_cash, receivables, short_term, operating;
    int64_t investments, financing, total, begin, end;
} cash_flow_column;

typedef enum {
    CHECK_BALANCE,
    CHECK_RESULT_EQUITY,
    CHECK_CASH_FLOW,
    CHECK_LAST_YEAR,
    CHECK_NOTE,
    CHECK_DRIFT,
    CHECK_OVERVIEW,
    CHECK_BOOKS, /* what the SIE reader found in the year's books */
    CHECK_COUNT
} statement_check;

/* A finding of CHECK_BOOKS: the reader's (sie_finding_kind), or this one:
 * an opening balance that is not the closing balance of last year's own
 * file (shown = the #IB, other = last year's #UB). */
#define BOOKS_NOT_LAST_FILE (SIE_FINDING_TYPE + 1)

/* A cross-check that failed, with its two figures (öre), for the document. */
typedef struct {
    statement_check check;
    int year;              /* the year the figures are of */
    const char *what;      /* the line, note or figure concerned, in Swedish */
    const char *source;    /* the other file, where there is one */
    int64_t shown, other;  /* the figure shown and the one it should equal */
    int finding, account;  /* CHECK_BOOKS: what was found, on which account */
} statement_warning;

typedef struct {
    int year;
    bool interim;
    bool has_year[2]; /* a column for this year, for last year */
    bool from_books;
    bool result_unbooked[2]; /* the result was added to equity (open books) */
    int64_t line[LINE_COUNT][2];
    bool has_line[LINE_COUNT][2];
    /* the subtotals of each column */
    int64_t net_costs[2], after_financial[2], result[2];
    int64_t assets[2], equity_and_liabilities[2], liabilities[2];
    /* kassaflödesanalys: this year, and last year where the balances at
     * its beginning are known (the books' #IB of last year, or last year's
     * own file) */
    bool has_cash_flow[2];
    cash_flow_column cf[2];
    bool has_opening_last; /* the balance lines at the beginning of last year */
    int64_t opening_last[LINE_COUNT];
    /* notes, and for each line the number of its note (0: none) */
    statement_note *notes;
    size_t nnotes;
    int note_of[LINE_COUNT];
    driftredovisning drift;
    /* balanskravsutredning */
    int64_t balance_adjustments, balance_result;
    /* a delårsrapport: the result lines of the same months of last year
     * (this file's #PSALDO -1, or last year's own file's #PSALDO 0 or its
     * vouchers up to the end of the same month) */
    bool has_same_period;
    int64_t same_period[LINE_FIRST_BALANCE];
    int64_t same_period_net_costs, same_period_result;
    /* a delårsrapport's forecast for the whole year */
    bool has_forecast;
    int64_t forecast[LINE_COUNT];
    bool has_forecast_line[LINE_COUNT];
    int64_t forecast_result;
    overview_entry overview[5]; /* year − 4 … year */
    size_t noverview;
    statement_warning *warnings;
    size_t nwarnings, wcap;
} statements;

/* The öre of one unit (kr 100, tkr 100 000). */
int64_t statements_unit_ore(money_unit unit);
/* The statements of `r` from `books` placed by `map` (both NULL for the
 * typed figures), with the earlier years' files (`earlier`, any order).
 * Errors (an account the mapping does not place) and warnings go to `dl`;
 * false when there were errors. */
bool statements_compute(arena *mem, const annual_report *r, const sie_file *books,
                        const account_map *map, const earlier_year *earlier, size_t nearlier,
                        statements *out, diag_list *dl);

#endif
