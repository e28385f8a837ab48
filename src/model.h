/* model: the typed data of associations and their plans, as loaded from YAML.
 * Plain structs with no behaviour; everything lives in the loading arena.
 * Amounts are integers in the unit their table states (tkr or kr). */
#ifndef PP_MODEL_H
#define PP_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef struct {
    const char *file;
    int line, col;
} source_pos;

typedef struct {
    int year, month, day;
} date;

typedef enum { MEMBER_STATE, MEMBER_REGION, MEMBER_MUNICIPALITY } member_kind;

typedef struct {
    const char *name;
    const char *short_name; /* as in tables, e.g. "Järfälla"; defaults to name */
    member_kind kind;
    int64_t population; /* 0 when not given */
    source_pos pos;
} member;

typedef struct {
    const char *name;       /* "Samordningsförbundet Samsund" */
    const char *short_name; /* "Samsund" */
    const char *org_number;
    member *members;
    size_t nmembers;
    const char *address, *phone, *email, *web;
    const char *vision;
    const char *dir; /* folder holding the association's files */
    source_pos pos;
} association;

typedef enum { COLUMN_BUDGET, COLUMN_FORECAST, COLUMN_OUTCOME } column_kind;

typedef struct {
    int year;
    column_kind kind;
    source_pos pos;
} budget_column;

typedef enum {
    CATEGORY_ALLOCATION,
    CATEGORY_EXTERNAL,
    CATEGORY_EQUITY,
    CATEGORY_ADMINISTRATION,
    CATEGORY_BOARD,
    CATEGORY_INDIVIDUAL,
    CATEGORY_STRUCTURAL,
    CATEGORY_OTHER,
} row_category;

typedef struct {
    int64_t amount;
    bool present; /* false for an empty cell */
    source_pos pos;
} budget_cell;

typedef struct {
    const char *label;
    const char *group; /* heading the row is printed under, or NULL */
    row_category category;
    budget_cell *cells; /* one per column */
    source_pos pos;
} budget_row;

/* Totals as printed in the source document, kept to be cross-checked. */
typedef struct {
    budget_cell *income, *costs, *result; /* one per column, or NULL */
} printed_totals;

typedef enum { UNIT_TKR, UNIT_KR } money_unit;

typedef struct {
    bool present;
    const char *title;
    money_unit unit;
    budget_column *columns;
    size_t ncolumns;
    budget_row *income, *costs;
    size_t nincome, ncosts;
    printed_totals printed;
    source_pos pos;
} budget;

typedef struct {
    const char *heading;
    int level;        /* 1 for a chapter, 2 and 3 below it */
    const char *body; /* Markdown */
    source_pos pos;
} plan_section;

typedef struct {
    const association *assoc;
    int year;
    const char *title;
    const char *subtitle;
    date decided_on;
    const char *decided_by;
    plan_section *sections;
    size_t nsections;
    budget budget;
    const char *file;
} plan;

#endif
