/* linebreak: breaking a list of pieces into lines: total fit (Knuth and
 * Plass) with hyphenation for paragraphs, first fit for comparison, ragged
 * lines for headings and cells. Pure: only the caller's arena. */
#ifndef PP_LINEBREAK_H
#define PP_LINEBREAK_H

#include "hyphen_cache.h"
#include "inline.h"

/* A line: pieces [start, end) without the spaces at either end, of which the
 * first may begin inside a word (start_off) and the last may end inside one
 * (end_len), when a word is broken across lines. */
typedef struct {
    size_t start, end;
    size_t start_off;   /* bytes of pieces[start] already set on the line before */
    size_t end_len;     /* bytes of pieces[end - 1] set on this line, from its start */
    double width;       /* natural width, an added hyphen included */
    double space_scale; /* the width of every space but those in code is multiplied by this */
    double glyph_scale; /* font expansion: the width of the words is multiplied by this */
    double badness;     /* 100 r^3 for the adjustment ratio r; 0 on a last line */
    bool hyphen;        /* a hyphen is added at the end */
    bool flagged;       /* ends in a hyphen: added, or written in the word */
    bool overfull;      /* wider than the column even with spaces shrunk */
} line_span;

typedef struct {
    double width;           /* of the column */
    bool justify;           /* else ragged right */
    const hyphenator *hyph; /* NULL: breaks only at spaces and written hyphens */
    const hyphen_exceptions *exceptions; /* words broken only where written; may be NULL */
    hyphen_cache *cache;    /* remembers the words hyphenated in the document; may be NULL */
    int min_word;           /* letters a word needs to be hyphenated */
    /* Justified lines only: how much glyphs may be widened or narrowed (a
     * fraction: 0.02 for 2 %) as a third flexibility besides the spaces and
     * hyphenation; and whether hyphens, commas and full stops at the end of a
     * line hang into the margin (margin protrusion). */
    double expansion;
    bool protrude;
} break_params;

typedef struct {
    /* 1: no hyphenation; 2: hyphenation, no two hyphenated lines in a row;
     * 3: with them; 4: every way, words too wide cut; 5: first fit */
    int pass;
    double badness;  /* sum over the lines */
    double demerits; /* sum over the lines, as the total-fit algorithm counts them */
    size_t hyphens, consecutive_hyphens;
    size_t overfull; /* lines wider than the column */
} break_stats;

/* Breaks a paragraph into lines with the total-fit algorithm of Knuth and
 * Plass; words wider than the column are hyphenated or cut. `stats` may be
 * NULL. */
size_t lines_break_para(arena *mem, const piece_list *pl, const break_params *bp, line_span **out,
                        break_stats *stats);
/* First fit over the same break points, for comparison and as a fallback. */
size_t lines_break_greedy(arena *mem, const piece_list *pl, const break_params *bp, line_span **out,
                          break_stats *stats);
/* Ragged lines without hyphenation: headings, table cells. */
size_t lines_break(arena *mem, const piece_list *pl, double width, line_span **out);

#endif
