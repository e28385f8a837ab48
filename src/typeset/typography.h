/* typography: Swedish typography of running text, applied to the text of
 * Markdown outside code: straight quotes typed become ” (U+201D, on both
 * sides, as Swedish writes them) and ’ (U+2019); a range of years or of
 * numbers before a unit typed with a hyphen ("2018-2020", "16-64 år",
 * "2024 - 2026") gets an en dash, and a spaced hyphen between words a
 * spaced en dash; a number and its unit (%, kr, tkr, mkr, mnkr), the
 * groups of a number ("5 000") and the day and month of a date ("1 juli
 * 2006") are held together by no-break spaces, so that no line breaks
 * inside them (the one place for that rule). Only where the rule is sure: ISO dates (2024-02-23), telephone
 * numbers (08-706 80 37), codes and words with hyphens are left as typed.
 * Owns nothing: the result is in the caller's arena. */
#ifndef PP_TYPOGRAPHY_H
#define PP_TYPOGRAPHY_H

#include "arena.h"

/* The text with the rules applied; `text` itself when none applies. */
const char *typography_swedish(arena *mem, const char *text);

#endif
