/* formats: the vocabulary of the YAML formats people write (association,
 * plan, outcome, minutes, group): the keys each kind of mapping accepts and the
 * names of every enumeration. The loaders check files against these lists, and
 * the tests hold the JSON Schemas in docs/schema/ to them, so the schemas
 * name exactly what the loaders accept. */
#ifndef PP_FORMATS_H
#define PP_FORMATS_H

#include <stddef.h>

/* A NULL-terminated list of names, with where the JSON Schema describes it:
 * docs/schema/<schema>.schema.json, under "$defs"/<def> (or the schema's top
 * level when def is NULL). For keys the names are the def's "properties"; for
 * enumerations its "enum". */
typedef struct {
    const char *schema;
    const char *def;
    const char *const *names;
} format_names;

/* Both tables end with an entry whose names are NULL. */
extern const format_names format_keys[];
extern const format_names format_enums[];

/* Keys of each kind of mapping. */
extern const char *const KEYS_ASSOCIATION_FILE[],
    *const KEYS_ASSOCIATION[],
        *const KEYS_MEMBER[], *const KEYS_PARTS[], *const KEYS_CONTACT[], *const KEYS_CORE_VALUE[];
extern const char *const KEYS_PLAN_FILE[],
    *const KEYS_PLAN[], *const KEYS_DECIDED[],
                            *const KEYS_SECTION[],
                                *const KEYS_GOAL_AREA[],
                                    *const KEYS_INTERVENTION[], *const KEYS_FINANCING[],
                                        *const KEYS_PERIOD[],
                                            *const KEYS_TARGET[],
                                                *const KEYS_ALLOCATION[],
                                                    *const KEYS_ALLOCATION_ENTRY[],
                                                        *const KEYS_BUDGET[],
                                                            *const KEYS_COLUMN[],
                                                                *const KEYS_BUDGET_ROW[],
                                                                    *const KEYS_TOTALS[], *const KEYS_LABELS[],
                                                                        *const KEYS_RULE[];
extern const char *const KEYS_OUTCOME_FILE[],
    *const KEYS_OUTCOME[], *const KEYS_COST_SHARE[],
                               *const KEYS_OUTCOME_AMOUNT[],
                                   *const KEYS_NEXT_BUDGET[],
                                       *const KEYS_TARGET_OUTCOME[],
                                           *const KEYS_PARTICIPANTS[],
                                               *const KEYS_EXIT_COUNT[],
                                                   *const KEYS_LABELLED_COUNT[];
extern const char *const KEYS_MINUTES_FILE[],
    *const KEYS_MINUTES[], *const KEYS_PERSON[], *const KEYS_ITEM[],
                                                     *const KEYS_ACTION[],
                                                         *const KEYS_SIGNATURE[],
                                                             *const KEYS_SIGNING[],
                                                                 *const KEYS_NEXT_MEETING[];
extern const char *const KEYS_GROUP_FILE[], *const KEYS_GROUP[], *const KEYS_JOINT[];
/* kontoplan.yaml (the account mapping) */
extern const char *const KEYS_MAPPING_FILE[], *const KEYS_MAPPING[], *const KEYS_MAP_LINE[],
    *const KEYS_MAP_NOTE[], *const KEYS_MAP_ROW[];
/* arsredovisning-YEAR.yaml and delarsrapport-YEAR-MM.yaml */
extern const char *const KEYS_ANNUAL_FILE[], *const KEYS_INTERIM_FILE[], *const KEYS_REPORT_FILES[], *const KEYS_ANNUAL[],
    *const KEYS_BOOKS[], *const KEYS_LABELLED_AMOUNT[], *const KEYS_TYPED_NOTE[],
    *const KEYS_CASH_FLOW[], *const KEYS_OVERVIEW_YEAR[], *const KEYS_ANNUAL_SIGNING[];
/* The lines of the statements and the parts of the förvaltningsberättelse,
 * in the order of annual.h's enums. */
extern const char *const NAMES_STATEMENT_LINE[], *const NAMES_ANNUAL_TEXT[];

/* Enumerations, in the order of their C enums in model.h. */
extern const char *const NAMES_MEMBER_KIND[],
    *const NAMES_COLUMN_KIND[], *const NAMES_CATEGORY[], *const NAMES_UNIT[], *const NAMES_SIGNS[],
    *const NAMES_ORDER[], *const NAMES_HEADING_NUMBERS[], *const NAMES_FACT[],
                                                             *const NAMES_COMPARATOR[],
                                                                 *const NAMES_RULE_MEASURE[],
                                                                     *const NAMES_EXIT_REASON[],
                                                                         *const NAMES_PART[];

#endif
