#include "formats.h"

/* association.yaml */
const char *const KEYS_ASSOCIATION_FILE[] = {"association", NULL};
const char *const KEYS_ASSOCIATION[] = {
    "name",  "short_name", "org_number", "members",      "parts",  "address", "phone",
    "email", "web",        "contacts",   "vision_title", "vision", "values",  NULL};
const char *const KEYS_MEMBER[] = {"name", "short_name", "kind", "population", "share", NULL};
const char *const KEYS_PARTS[] = {"state", "region", "municipalities", NULL};
const char *const KEYS_CONTACT[] = {"name", "role", "phone", "email", "note", NULL};
const char *const KEYS_CORE_VALUE[] = {"name", "text", NULL};

/* plan-YEAR.yaml */
const char *const KEYS_PLAN_FILE[] = {"plan", NULL};
const char *const KEYS_PLAN[] = {"year",       "title",    "subtitle",        "decided",
                                 "revised",    "sections", "goal_areas",      "interventions",
                                 "allocation", "budget",   "financial_rules", NULL};
const char *const KEYS_DECIDED[] = {"date", "by", NULL};
const char *const KEYS_SECTION[] = {"heading", "level", "body", "show", NULL};
const char *const KEYS_GOAL_AREA[] = {"id", "title", "description", "goals", "activities", NULL};
const char *const KEYS_INTERVENTION[] = {
    "id", "name", "goal_area", "owner", "period", "description", "budget_row", "targets", NULL};
const char *const KEYS_PERIOD[] = {"from", "to", NULL};
const char *const KEYS_TARGET[] = {"id", "text", "group", "comparator", "value", "unit", NULL};
const char *const KEYS_ALLOCATION[] = {"title",         "year",        "unit", "entries",
                                       "printed_total", "total_label", NULL};
const char *const KEYS_ALLOCATION_ENTRY[] = {"members", "label", "share", "amount", NULL};
const char *const KEYS_BUDGET[] = {"title",    "unit",  "signs",     "columns",
                                   "income",   "reserves", "costs", "rows_from",
                                   "labels",   "printed_totals", NULL};
const char *const KEYS_COLUMN[] = {"year", "kind", NULL};
const char *const KEYS_BUDGET_ROW[] = {"label",  "group",           "category", "members",
                                       "values", "carried_forward", NULL};
const char *const KEYS_TOTALS[] = {"income", "with_reserves", "costs", "result", NULL};
const char *const KEYS_RULE[] = {"text", "measure", "min", "max", NULL};

/* outcome-YEAR.yaml */
const char *const KEYS_OUTCOME_FILE[] = {"outcome", NULL};
const char *const KEYS_OUTCOME[] = {
    "year",           "unit",       "updated",      "budget",
    "income",         "allocation", "costs",        "equity",
    "printed_result", "cost_split", "rows",         "rows_from",    "categories",
    "next_budget",    "targets",    "participants", "participants_total",
    "notes",          NULL};
const char *const KEYS_COST_SHARE[] = {"category", "label", "percent", NULL};
const char *const KEYS_OUTCOME_AMOUNT[] = {"label", "category", "amount", NULL};
const char *const KEYS_NEXT_BUDGET[] = {"year", "total", "income", "costs", "of_which", NULL};
const char *const KEYS_TARGET_OUTCOME[] = {"intervention", "target", "value", "met", "note", NULL};
const char *const KEYS_PARTICIPANTS[] = {
    "intervention", "year",         "total",      "women",          "men",  "new",
    "exits",        "exit_reasons", "age_groups", "by_association", "note", NULL};
const char *const KEYS_EXIT_COUNT[] = {"reason", "label", "count", NULL};
const char *const KEYS_LABELLED_COUNT[] = {"label", "count", NULL};

/* minutes-DATE.yaml */
const char *const KEYS_MINUTES_FILE[] = {"minutes", NULL};
const char *const KEYS_MINUTES[] = {"title",      "associations", "date",         "time",
                                    "place",      "called",       "attendees",    "attachments",
                                    "items",      "chair",        "secretary",    "adjusters",
                                    "signatures", "signing",      "next_meeting", NULL};
const char *const KEYS_PERSON[] = {"name", "role", "organisation", NULL};
const char *const KEYS_ITEM[] = {"number", "title", "body", "decisions", "actions", "items", NULL};
const char *const KEYS_ACTION[] = {"what", "who", "by", NULL};
const char *const KEYS_SIGNATURE[] = {"name", "title", "organisation", "time", "method",
                                      "id",   NULL};
const char *const KEYS_SIGNING[] = {"service", "completed", "reference", NULL};
const char *const KEYS_NEXT_MEETING[] = {"date", "place", "convener", "note", NULL};

/* group.yaml */
const char *const KEYS_GROUP_FILE[] = {"group", NULL};
const char *const KEYS_GROUP[] = {
    "name", "web", "associations", "years", "unit", "joint_interventions", NULL};
const char *const KEYS_JOINT[] = {"name", "description", "cost_per_party", "participants", NULL};

const char *const NAMES_MEMBER_KIND[] = {"state", "region", "municipality", NULL};
const char *const NAMES_COLUMN_KIND[] = {"budget", "forecast", "outcome", NULL};
const char *const NAMES_CATEGORY[] = {"allocation",     "external", "equity",
                                      "administration", "board",    "individual",
                                      "structural",     "other",    NULL};
const char *const NAMES_UNIT[] = {"tkr", "kr", NULL};
/* How a budget table signs its costs: as positive amounts (the default) or
 * printed with a minus, as many plans do ("Kansliet −3 200 000"). */
const char *const NAMES_SIGNS[] = {"costs_positive", "costs_negative", NULL};
/* CMP_AT_LEAST onwards: CMP_NONE has no name. */
const char *const NAMES_COMPARATOR[] = {"at_least", "at_most", "exactly", NULL};
const char *const NAMES_RULE_MEASURE[] = {"within_budget", "administration_share", "equity_share",
                                          "buffer", NULL};
const char *const NAMES_EXIT_REASON[] = {
    "work", "studies", "work_or_studies", "work_rehabilitation", "illness", "other", NULL};
/* kontoplan.yaml */
const char *const KEYS_MAPPING_FILE[] = {"mapping", NULL};
const char *const KEYS_MAPPING[] = {"unit", "lines", "ignore", "notes", "budget_rows", NULL};
const char *const KEYS_MAP_LINE[] = {"line", "accounts", NULL};
const char *const KEYS_MAP_NOTE[] = {"line", "title", "rows", NULL};
const char *const KEYS_MAP_ROW[] = {"label", "accounts", NULL};

/* arsredovisning-YEAR.yaml, delarsrapport-YEAR-MM.yaml */
const char *const KEYS_ANNUAL_FILE[] = {"annual_report", NULL};
const char *const KEYS_REPORT_FILES[] = {"annual_report", "interim_report", NULL};
const char *const KEYS_INTERIM_FILE[] = {"interim_report", NULL};
const char *const KEYS_ANNUAL[] = {
    "year",      "period_end",     "title",    "unit",     "books",
    "statements", "notes",         "cash_flow", "equity_changes", "balance_requirement",
    "forecast",  "overview",       "texts",    "principles", "contingent_liabilities",
    "signing",   NULL};
const char *const KEYS_BOOKS[] = {"sie", "mapping", NULL};
const char *const KEYS_LABELLED_AMOUNT[] = {"label", "amount", NULL};
const char *const KEYS_TYPED_NOTE[] = {"line", "title", "rows", NULL};
const char *const KEYS_CASH_FLOW[] = {"non_cash", "receivables", "short_term", "investments",
                                      "financing", NULL};
const char *const KEYS_OVERVIEW_YEAR[] = {"year",   "income", "costs",        "result",
                                          "equity", "participants", NULL};
const char *const NAMES_STATEMENT_LINE[] = {"income",
                                            "costs",
                                            "depreciation",
                                            "financial_income",
                                            "financial_costs",
                                            "fixed_assets",
                                            "receivables",
                                            "cash",
                                            "equity",
                                            "provisions",
                                            "long_term_liabilities",
                                            "short_term_liabilities",
                                            NULL};
const char *const NAMES_ANNUAL_TEXT[] = {"overview", "conditions", "events",  "steering",
                                         "economy",  "personnel",  "outlook", NULL};
const char *const KEYS_ANNUAL_SIGNING[] = {"place", "date", "board", "service", "signatures", NULL};

const format_names format_keys[] = {
    {"association", NULL, KEYS_ASSOCIATION_FILE},
    {"association", "association", KEYS_ASSOCIATION},
    {"association", "member", KEYS_MEMBER},
    {"association", "parts", KEYS_PARTS},
    {"association", "contact", KEYS_CONTACT},
    {"association", "core_value", KEYS_CORE_VALUE},
    {"plan", NULL, KEYS_PLAN_FILE},
    {"plan", "plan", KEYS_PLAN},
    {"plan", "decided", KEYS_DECIDED},
    {"plan", "section", KEYS_SECTION},
    {"plan", "goal_area", KEYS_GOAL_AREA},
    {"plan", "intervention", KEYS_INTERVENTION},
    {"plan", "period", KEYS_PERIOD},
    {"plan", "target", KEYS_TARGET},
    {"plan", "allocation", KEYS_ALLOCATION},
    {"plan", "allocation_entry", KEYS_ALLOCATION_ENTRY},
    {"plan", "budget", KEYS_BUDGET},
    {"plan", "column", KEYS_COLUMN},
    {"plan", "row", KEYS_BUDGET_ROW},
    {"plan", "totals", KEYS_TOTALS},
    {"plan", "labels", KEYS_TOTALS},
    {"plan", "rule", KEYS_RULE},
    {"outcome", NULL, KEYS_OUTCOME_FILE},
    {"outcome", "outcome", KEYS_OUTCOME},
    {"outcome", "cost_share", KEYS_COST_SHARE},
    {"outcome", "amount", KEYS_OUTCOME_AMOUNT},
    {"outcome", "next_budget", KEYS_NEXT_BUDGET},
    {"outcome", "target_outcome", KEYS_TARGET_OUTCOME},
    {"outcome", "participants", KEYS_PARTICIPANTS},
    {"outcome", "exit_reason_map", NAMES_EXIT_REASON},
    {"outcome", "exit_count", KEYS_EXIT_COUNT},
    {"outcome", "labelled_count", KEYS_LABELLED_COUNT},
    {"minutes", NULL, KEYS_MINUTES_FILE},
    {"minutes", "minutes", KEYS_MINUTES},
    {"minutes", "person", KEYS_PERSON},
    {"minutes", "item", KEYS_ITEM},
    {"minutes", "action", KEYS_ACTION},
    {"minutes", "signature", KEYS_SIGNATURE},
    {"minutes", "signing", KEYS_SIGNING},
    {"minutes", "next_meeting", KEYS_NEXT_MEETING},
    {"group", NULL, KEYS_GROUP_FILE},
    {"group", "group", KEYS_GROUP},
    {"group", "joint_intervention", KEYS_JOINT},
    {"group", "participants", KEYS_PARTICIPANTS},
    {"group", "exit_reason_map", NAMES_EXIT_REASON},
    {"group", "exit_count", KEYS_EXIT_COUNT},
    {"group", "labelled_count", KEYS_LABELLED_COUNT},
    {"mapping", NULL, KEYS_MAPPING_FILE},
    {"mapping", "mapping", KEYS_MAPPING},
    {"mapping", "line", KEYS_MAP_LINE},
    {"mapping", "note", KEYS_MAP_NOTE},
    {"mapping", "row", KEYS_MAP_ROW},
    {"annual", NULL, KEYS_REPORT_FILES},
    {"annual", "statements", NAMES_STATEMENT_LINE},
    {"annual", "forecast", NAMES_STATEMENT_LINE},
    {"annual", "texts", NAMES_ANNUAL_TEXT},
    {"annual", "report", KEYS_ANNUAL},
    {"annual", "books", KEYS_BOOKS},
    {"annual", "labelled_amount", KEYS_LABELLED_AMOUNT},
    {"annual", "typed_note", KEYS_TYPED_NOTE},
    {"annual", "cash_flow", KEYS_CASH_FLOW},
    {"annual", "overview_year", KEYS_OVERVIEW_YEAR},
    {"annual", "signing", KEYS_ANNUAL_SIGNING},
    {"annual", "person", KEYS_PERSON},
    {"annual", "signature", KEYS_SIGNATURE},
    {NULL, NULL, NULL},
};

const format_names format_enums[] = {
    {"association", "member_kind", NAMES_MEMBER_KIND},
    {"plan", "column_kind", NAMES_COLUMN_KIND},
    {"plan", "category", NAMES_CATEGORY},
    {"plan", "signs", NAMES_SIGNS},
    {"plan", "unit", NAMES_UNIT},
    {"plan", "comparator", NAMES_COMPARATOR},
    {"plan", "measure", NAMES_RULE_MEASURE},
    {"outcome", "category", NAMES_CATEGORY},
    {"outcome", "unit", NAMES_UNIT},
    {"outcome", "exit_reason", NAMES_EXIT_REASON},
    {"group", "unit", NAMES_UNIT},
    {"group", "exit_reason", NAMES_EXIT_REASON},
    {"mapping", "unit", NAMES_UNIT},
    {"mapping", "statement_line", NAMES_STATEMENT_LINE},
    {"annual", "unit", NAMES_UNIT},
    {"annual", "statement_line", NAMES_STATEMENT_LINE},
    {NULL, NULL, NULL},
};
