/* yamlvalue: turns a YAML tree (yamltree.h) into a value tree (value.h), with
 * plain scalars typed by the YAML 1.2 core schema: null, booleans, integers
 * (decimal, 0o octal, 0x hex) and floats (1.210 is the number 1.21, .inf,
 * .nan); quoted scalars and !!str are text. An integer too large for 64 bits
 * stays text, digit for digit. The values live in the caller's arena. */
#ifndef PP_YAMLVALUE_H
#define PP_YAMLVALUE_H

#include "arena.h"
#include "value.h"
#include "yamltree.h"

value *value_from_yaml(arena *mem, const ynode *n);

#endif
