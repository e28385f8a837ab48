/* baked_dictionary: hyphenation dictionaries compiled into the program.
 * libhyphen parses a dictionary's text on every load (7 ms for the Swedish
 * one, a third of a whole one-document run), so the build loads the default
 * dictionary once with libhyphen (src/tools/bake_dictionary.c) and writes its
 * states out as tables; a run whose dictionary file has the same content
 * gets libhyphen's structure from those tables instead. The tables are
 * generated; this module owns their format and the structures made of them. */
#ifndef PP_BAKED_DICTIONARY_H
#define PP_BAKED_DICTIONARY_H

#include <hyphen.h>
#include <stddef.h>
#include <stdint.h>

/* A libhyphen state, with offsets into the dictionary's strings (-1 for
 * none) and into the level's transitions instead of pointers. */
typedef struct {
    int32_t match, repl;
    signed char replindex, replcut;
    int32_t fallback_state;
    int32_t first_trans, num_trans;
} baked_state;

/* One level of a dictionary (libhyphen's HyphenDict without its pointers). */
typedef struct {
    char lhmin, rhmin, clhmin, crhmin;
    int32_t nohyphen; /* offset of nohyphenl strings one after another, or -1 */
    int nohyphenl;
    int utf8;
    char cset[MAX_NAME];
    int32_t num_states;
    const baked_state *states;
    const HyphenTrans *trans;
} baked_level;

typedef struct {
    uint64_t size, hash; /* of the file's content (hash_content of hash.h) */
    const char *strings;
    int level_count;
    const baked_level *levels;
} baked_dictionary;

extern const baked_dictionary baked_dictionaries[];
extern const size_t baked_dictionary_count;

/* libhyphen's structure of the baked dictionary made of a file of `size`
 * bytes whose content has `hash` (hash_content of hash.h), or NULL when none
 * was baked from such a file. Only to be read; freed with
 * baked_dictionary_free, never with hnj_hyphen_free. */
HyphenDict *baked_dictionary_open(uint64_t size, uint64_t hash);
void baked_dictionary_free(HyphenDict *dict);

#endif
