/* load: turns the YAML files people write (docs/formats/) into the typed
 * model (model.h): associations, plans, outcomes, minutes and comparison
 * groups. Checks every key and value and reports all problems of a file with
 * file:line:col, key path, what was expected and what was found. A file that
 * fails gives NULL and leaves other files alone. The model lives in the
 * caller's arena. */
#ifndef PP_LOAD_H
#define PP_LOAD_H

#include "load_association.h"
#include "load_group.h"
#include "load_minutes.h"
#include "load_outcome.h"
#include "load_plan.h"

#endif
