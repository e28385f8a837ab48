/* load_outcome: outcome-YEAR.yaml: the year's figures, target outcomes and
 * participant statistics, referring to the plan of the same year. */
#ifndef PP_LOAD_OUTCOME_H
#define PP_LOAD_OUTCOME_H

#include "model.h"
#include "yread.h"

/* Loads an outcome file (outcome-YEAR.yaml); its association is read from the
 * same folder, and so is the plan of the same year when there is one (its
 * targets and budget rows are what the outcome refers to). */
outcome *load_outcome(arena *mem, const char *path, diag_list *dl);

/* Participant statistics of one intervention. In a group's joint
 * interventions the figures may be split by association (`assocs`); elsewhere
 * `assocs` is NULL and a split is an error. */
void load_participants(yread *ld, const ynode *n, const char *path,
                       const association *const *assocs, size_t nassocs, participant_stats *ps);

#endif
