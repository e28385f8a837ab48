/* model: the typed data of associations, their plans, outcomes, meeting minutes
 * and comparison groups, as loaded from YAML (the formats are described in
 * docs/formats/). Plain structs with no behaviour; everything lives in the
 * loading arena. Amounts are integers in the unit their table states (tkr or
 * kr); percentages, shares and target values are integers in hundredths, so
 * nothing needs floating point. Indices into other arrays are resolved by the
 * loader; -1 (or SIZE_MAX for size_t) means "none". */
#ifndef PP_MODEL_H
#define PP_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "date.h"

typedef struct {
    const char *file;
    int line, col;
} source_pos;

/* Where a text typed in YAML stands, so that a place inside the text can be
 * pointed at (textpos.h): the node's position, how it is written (see
 * ynode.style) and, for a block, the column its lines start at. */
typedef struct {
    source_pos pos;
    char style;
    int indent;
    bool one_line;
} text_origin;

/* A moment as e-signature services print it: "2024-02-28 10:45:54 +01:00". */
typedef struct {
    date day;
    int hour, minute, second;
    int utc_offset; /* minutes east of UTC */
} date_time;

/* A decimal number times 100: 50 % is 5000, 12.5 % is 1250, 80 persons 8000. */
typedef int64_t hundredths;

/* A figure typed in a file: a count or an amount, or nothing when the source
 * leaves it out (an empty cell, "-"). */
typedef struct {
    int64_t value;
    bool present;
    source_pos pos;
} figure;

/* ---- association (association.yaml) ------------------------------------ */

typedef enum { MEMBER_STATE, MEMBER_REGION, MEMBER_MUNICIPALITY } member_kind;

typedef struct {
    const char *name;
    const char *short_name; /* as in tables, e.g. "Järfälla"; defaults to name */
    member_kind kind;
    int64_t population; /* 0 when not given */
    hundredths share;   /* a municipality's share of the municipalities' part; -1 when not given */
    source_pos pos;
} member;

/* How the allocation is split between the kinds of members, in hundredths of
 * a percent; by default the law's 50 % state, 25 % region, 25 % municipalities. */
typedef struct {
    hundredths state, region, municipalities;
} member_parts;

typedef struct {
    const char *name, *role, *phone, *email, *note;
    source_pos pos;
} contact;

/* A value word (värdeord) and what it means. */
typedef struct {
    const char *name, *text;
} core_value;

typedef struct {
    const char *id;         /* the folder's name, e.g. "samsund"; how other files refer to it */
    const char *name;       /* "Samordningsförbundet Samsund" */
    const char *short_name; /* "Samsund" */
    const char *org_number; /* "222000-1234" */
    member *members;
    size_t nmembers;
    member_parts parts;
    const char *address, *phone, *email, *web;
    contact *contacts;
    size_t ncontacts;
    const char *vision_title; /* "Vi ser förmågan", or NULL */
    const char *vision;       /* Markdown */
    core_value *values;
    size_t nvalues;
    const char *dir; /* folder holding the association's files */
    source_pos pos;
} association;

/* ---- budget ------------------------------------------------------------- */

typedef enum { COLUMN_BUDGET, COLUMN_FORECAST, COLUMN_OUTCOME } column_kind;

typedef struct {
    int year;
    column_kind kind;
    source_pos pos;
} budget_column;

typedef enum {
    CATEGORY_ALLOCATION,     /* member allocation (medlemsavgift) */
    CATEGORY_EXTERNAL,       /* external funds such as ESF */
    CATEGORY_EQUITY,         /* equity used (eget kapital) */
    CATEGORY_ADMINISTRATION, /* the office (kansli) */
    CATEGORY_BOARD,          /* board, fees, audit */
    CATEGORY_INDIVIDUAL,     /* interventions for individuals */
    CATEGORY_STRUCTURAL,     /* structural interventions */
    CATEGORY_OTHER,
    CATEGORY_COUNT
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
    /* An allocation row stands for these members (indices into the
     * association's members), e.g. "Arbetsförmedlingen + Försäkringskassan". */
    size_t *members;
    size_t nmembers;
    /* An equity row whose value in each column after the first is the result
     * (income − costs) of the column before: Samspelet's carried-forward
     * remainder. */
    bool carried_forward;
    source_pos pos;
} budget_row;

/* Totals as printed in the source document, kept to be cross-checked; each is
 * one cell per column, or NULL when not given. */
typedef struct {
    budget_cell *income;        /* income rows */
    budget_cell *with_reserves; /* income plus the reserve rows ("Totalt") */
    budget_cell *costs;         /* cost rows */
    budget_cell *result;        /* income − costs ("Resultat", "Ej budgeterat") */
} printed_totals;

/* The labels of the total lines as the document prints them; NULL for the
 * template's default ("Totalt", "Resultat"). */
typedef struct {
    const char *income, *with_reserves, *costs, *result;
} total_labels;

typedef enum { UNIT_TKR, UNIT_KR } money_unit;

typedef struct {
    bool present;
    const char *title;
    text_origin title_origin;
    money_unit unit;
    /* The table prints its costs with a minus (`signs: costs_negative`). The
     * loader keeps every cost as the positive amount spent, so the figures
     * compute as any other table; the template prints them negated. */
    bool costs_negative;
    budget_column *columns;
    size_t ncolumns;
    budget_row *income, *reserves, *costs;
    size_t nincome, nreserves, ncosts;
    const char *rows_from; /* the CSV file the rows were read from, or NULL */
    bool rows_unread;      /* that file could not be read: no row is known */
    /* Reserve rows are set aside outside income and costs (Samspelet's
     * "Buffert"); they count only in the total `with_reserves`. */
    printed_totals printed;
    total_labels labels;
    source_pos pos;
} budget;

/* ---- member allocation (medelstilldelning) --------------------------------- */

typedef struct {
    const char *label; /* as printed; defaults to the member's name */
    size_t *members;   /* indices into the association's members */
    size_t nmembers;
    hundredths share; /* of the municipalities' part, or -1 */
    figure amount;    /* in the allocation's unit */
    source_pos pos;
} allocation_entry;

typedef struct {
    bool present;
    const char *title;
    text_origin title_origin;
    int year; /* the plan's year unless given */
    money_unit unit;
    allocation_entry *entries;
    size_t nentries;
    figure printed_total;    /* as printed */
    const char *total_label; /* "Summa intäkter"; NULL for the template's default */
    source_pos pos;
} allocation;

/* ---- financial rules (finansiella mål) --------------------------------------- */

typedef enum {
    RULE_WITHIN_BUDGET,        /* costs stay within the budget; no threshold */
    RULE_ADMINISTRATION_SHARE, /* administration costs as % of all costs */
    RULE_EQUITY_SHARE,         /* equity as % of the allocation */
    RULE_BUFFER,               /* an amount of equity kept for the unforeseen */
} rule_measure;

typedef struct {
    const char *text; /* as printed */
    rule_measure measure;
    /* Thresholds: hundredths of a percent for the shares, an amount in the
     * budget's unit for the buffer; INT64_MIN / INT64_MAX when not given. */
    int64_t min, max;
    source_pos pos;
} financial_rule;

/* ---- goals and interventions --------------------------------------------- */

typedef struct {
    const char *id;          /* how sections and interventions refer to it */
    const char *title;       /* the goal area (målområde) as printed */
    const char *description; /* Markdown, or NULL */
    const char **goals;      /* mål */
    size_t ngoals;
    const char **activities; /* aktiviteter */
    size_t nactivities;
    source_pos pos;
} goal_area;

typedef enum { CMP_NONE, CMP_AT_LEAST, CMP_AT_MOST, CMP_EXACTLY } comparator;

/* A measurable target (mätpunkt): "Minst 80 personer deltar under 2025" is
 * {CMP_AT_LEAST, 8000, "personer"}. A target without a comparator is only
 * text, judged by hand. */
typedef struct {
    const char *id;    /* how outcomes refer to it, or NULL */
    const char *text;  /* as printed */
    const char *group; /* a lead-in it is printed under, or NULL */
    comparator cmp;
    hundredths value;
    const char *unit; /* "personer", "%", …; NULL for a bare number */
    bool percent;     /* unit is "%": value is at most 100 */
    source_pos pos;
} target;

typedef struct {
    const char *id;
    const char *name;
    const char *owner;       /* projektägare */
    const char *description; /* Markdown */
    text_origin description_origin;
    int goal_area;           /* index into the plan's goal areas, or -1 */
    int budget_row;          /* index into the budget's cost rows, or -1 */
    date from, to;           /* the period financed; year 0 when open */
    target *targets;
    size_t ntargets;
    source_pos pos;
} intervention;

/* ---- plan (plan-YEAR.yaml) ------------------------------------------------ */

/* A structured part of a plan that a section shows right after its body. */
typedef enum {
    PART_GOAL_AREAS,    /* every goal area */
    PART_GOAL_AREA,     /* one, by index */
    PART_INTERVENTIONS, /* every intervention */
    PART_INTERVENTION,  /* one, by index */
    PART_TARGETS,       /* one intervention's targets, by index */
    PART_ALLOCATION,
    PART_BUDGET,
    PART_FINANCIAL_RULES,
    PART_VISION, /* the association's vision */
} part_kind;

typedef struct {
    part_kind kind;
    size_t index; /* for the kinds that name one goal area or intervention */
    source_pos pos;
} part_ref;

/* A figure written into a section's text by reference, {=budget.costs}
 * (docs/formats/plan.md, "Figures in the text"): the template prints the
 * computed figure in its place, so that no figure is typed twice. */
typedef enum {
    FIGURE_ALLOCATION_TOTAL, /* {=allocation} */
    FIGURE_ALLOCATION_ENTRY, /* {=allocation[Järfälla]}: an entry's amount */
    FIGURE_ALLOCATION_PART,  /* {=allocation[Järfälla].part}: its part of the whole, % */
    FIGURE_BUDGET_TOTAL,     /* {=budget.costs}: a total line of a column */
    FIGURE_BUDGET_ROW,       /* {=budget.row[Kansli]}: a row's cell */
    FIGURE_BUDGET_SHARE,     /* {=budget.row[Kansli].share}: the row's share of its side, % */
} figure_kind;

/* A total line of a budget column, in the order the figures name them. */
typedef enum { TOTAL_LINE_INCOME, TOTAL_LINE_WITH_RESERVES, TOTAL_LINE_COSTS, TOTAL_LINE_RESULT } total_line;
typedef enum { SIDE_INCOME, SIDE_RESERVES, SIDE_COSTS } budget_side;

typedef struct {
    figure_kind kind;
    size_t index;       /* the allocation entry, or the row within its side */
    budget_side side;   /* of a row */
    total_line total;   /* of a total */
    size_t column;      /* the budget column */
    bool in_unit;       /* printed in `unit` rather than the table's */
    money_unit unit;
    size_t start, end;  /* "{=" and just after "}", as byte offsets in the section's body */
    const char *source; /* the reference as typed, "{=budget.costs}" */
    source_pos pos;
} text_figure;

/* A piece of a section as printed: a stretch of its text, or a part placed
 * there (between two paragraphs with ```part REF, or after the text by `show`). */
typedef struct {
    const char *text; /* Markdown; NULL for a part */
    size_t offset;    /* where the text starts in the section's body */
    part_ref part;    /* when text is NULL */
} section_piece;

/* A section without a heading is a placement: it puts the parts of its
 * `show` at this point of the order, each under its own heading. */
typedef struct {
    const char *heading; /* NULL for a placement */
    int level;        /* 1 for a chapter, 2 and 3 below it */
    const char *body; /* Markdown, as typed (with its ```part blocks) */
    part_ref *shows;  /* structured parts printed after the body, in order */
    size_t nshows;
    section_piece *pieces; /* the body split at its parts, then the parts of `shows` */
    size_t npieces;
    text_figure *figures; /* in the body, in order */
    size_t nfigures;
    text_origin heading_origin, body_origin; /* where they stand in the file */
    source_pos pos;
} plan_section;

typedef struct {
    const association *assoc;
    int year;
    const char *title;
    const char *subtitle;
    date decided_on;
    const char *decided_by;
    date revised; /* year 0 unless the plan was revised after the decision */
    plan_section *sections;
    size_t nsections;
    goal_area *goal_areas;
    size_t ngoal_areas;
    intervention *interventions;
    size_t ninterventions;
    allocation allocation;
    budget budget;
    financial_rule *rules;
    size_t nrules;
    /* A structured part no section shows goes where the template puts it by
     * default; these say whether some section shows it. */
    bool *goal_area_shown, *intervention_shown;
    bool allocation_shown, budget_shown, rules_shown, vision_shown;
    const char *file;
} plan;

/* ---- outcome (outcome-YEAR.yaml) ------------------------------------------ */

typedef enum {
    EXIT_WORK,
    EXIT_STUDIES,
    EXIT_WORK_OR_STUDIES, /* when the source does not tell the two apart */
    EXIT_WORK_REHABILITATION,
    EXIT_ILLNESS,
    EXIT_OTHER,
    EXIT_REASON_COUNT
} exit_reason;

typedef struct {
    exit_reason reason;
    const char *label; /* as printed, or NULL */
    int64_t count;
    source_pos pos;
} exit_count;

typedef struct {
    const char *label;
    int64_t count;
    source_pos pos;
} labelled_count;

/* Participants of one intervention in a year. Any figure may be absent. */
typedef struct {
    const char *intervention; /* the name as printed */
    int plan_intervention;    /* index into the plan's interventions, or -1 */
    int year;                 /* 0: the year of the file it is in */
    figure total;             /* when the source gives no split by sex */
    figure women, men, new_participants, exits;
    exit_count *reasons; /* why participants left; several may share a reason */
    size_t nreasons;
    labelled_count *age_groups;
    size_t nage_groups;
    labelled_count *by_association; /* a joint intervention: participants per association */
    size_t nby_association;
    const char *note;
    source_pos pos;
} participant_stats;

/* A share of the year's costs as printed ("74 % individinriktade insatser"). */
typedef struct {
    row_category category;
    const char *label;
    hundredths percent;
    source_pos pos;
} cost_share;

/* An actual amount for a budget row (matched to the plan's row by label) or
 * for a category. */
typedef struct {
    const char *label;
    row_category category;
    int64_t amount;
    int plan_row; /* index into the plan's cost rows, then its income rows, or -1 */
    bool income;  /* an income row */
    source_pos pos;
} outcome_amount;

/* Whether an intervention's target was reached. */
typedef struct {
    int intervention; /* index into the plan's interventions */
    int target;       /* index into that intervention's targets */
    hundredths value; /* the value reached, or -1 */
    int met;          /* 1 met, 0 not met, -1 not judged (computed from value) */
    const char *note;
    source_pos pos;
} target_outcome;

/* The budget of the following year as the outcome's source states it. */
typedef struct {
    int year; /* 0 when not given */
    figure total, income, costs;
    outcome_amount *of_which; /* "varav 200 000 SEK disponibel ny verksamhet" */
    size_t nof_which;
} next_budget;

typedef struct {
    const association *assoc;
    const plan *plan_of_year; /* the plan of the same year in the same folder, or NULL */
    int year;
    money_unit unit;
    date updated; /* when the figures were last changed; year 0 if not given */
    /* The year's economy as printed. */
    figure budget;         /* the cost budget of the year */
    figure income;         /* all operating income */
    figure allocation;     /* of which member allocation */
    figure costs;          /* the outcome (utfall): all costs */
    figure equity;         /* equity at the end of the year */
    figure printed_result; /* "Resultat" as printed */
    cost_share *cost_split;
    size_t ncost_split;
    outcome_amount *rows; /* actual amounts per budget row */
    size_t nrows;
    const char *rows_from; /* the CSV file the rows were read from, or NULL */
    outcome_amount *categories; /* actual amounts per category */
    size_t ncategories;
    next_budget next;
    target_outcome *targets;
    size_t ntargets;
    participant_stats *participants;
    size_t nparticipants;
    participant_stats *participants_total; /* the "Totalt" line as printed, or NULL */
    const char *notes;                     /* Markdown */
    const char *file;
} outcome;

/* ---- minutes (minutes-DATE.yaml) ------------------------------------------ */

typedef struct {
    const char *name, *role, *organisation;
    source_pos pos;
} person;

typedef struct {
    const char *what, *who;
    date by; /* year 0 when no date is set */
    source_pos pos;
} action;

typedef struct minutes_item {
    const char *number; /* "3", "7a" */
    const char *title;
    const char *body; /* Markdown */
    const char **decisions;
    size_t ndecisions;
    action *actions;
    size_t nactions;
    struct minutes_item *items; /* sub-items such as 7a and 7b */
    size_t nitems;
    source_pos pos;
} minutes_item;

typedef struct {
    const char *name, *title, *organisation;
    date_time time;
    const char *method; /* "E-post (therese.petersson@savsjo.se)" */
    const char *id;     /* the service's identification id */
    source_pos pos;
} signature;

typedef struct {
    const char *title;
    const association **associations; /* the associations the meeting concerns */
    size_t nassociations;
    date held_on;
    const char *time, *place;
    const char **called; /* kallade */
    size_t ncalled;
    person *attendees;
    size_t nattendees;
    const char **attachments;
    size_t nattachments;
    minutes_item *items;
    size_t nitems;
    const char *chair, *secretary;
    const char **adjusters; /* justerare: one or two names */
    size_t nadjusters;
    signature *signatures;
    size_t nsignatures;
    const char *signing_service, *signing_reference;
    date_time signing_completed; /* day.year 0 when not given */
    date next_date;              /* the next meeting; year 0 when not set */
    const char *next_place, *next_convener, *next_note;
    const char *file;
} minutes;

/* ---- comparison group (group.yaml) ---------------------------------------- */

/* An intervention several associations finance together (IT-spåret). */
typedef struct {
    const char *name;
    const char *description;
    int64_t cost_per_party; /* in the group's unit, per financing party and year; -1 unknown */
    participant_stats *years;
    size_t nyears;
    source_pos pos;
} joint_intervention;

typedef struct {
    const char *name;
    const char *web;
    const association **associations;
    size_t nassociations;
    int *years; /* the years to compare */
    size_t nyears;
    money_unit unit;
    joint_intervention *joint;
    size_t njoint;
    const char *file;
} comparison_group;

#endif
