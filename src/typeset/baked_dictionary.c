#include "baked_dictionary.h"

#include <stdlib.h>
#include <string.h>

static char *string_at(const baked_dictionary *bd, int32_t offset)
{
    return offset < 0 ? NULL : (char *)bd->strings + offset;
}

static HyphenDict *open_level(const baked_dictionary *bd, const baked_level *bl)
{
    HyphenDict *d = calloc(1, sizeof *d);
    HyphenState *states = malloc((size_t)bl->num_states * sizeof *states);
    if (!d || !states) {
        free(d);
        free(states);
        return NULL;
    }
    *d = (HyphenDict){.lhmin = bl->lhmin,
                      .rhmin = bl->rhmin,
                      .clhmin = bl->clhmin,
                      .crhmin = bl->crhmin,
                      .nohyphen = string_at(bd, bl->nohyphen),
                      .nohyphenl = bl->nohyphenl,
                      .num_states = bl->num_states,
                      .utf8 = bl->utf8,
                      .states = states};
    memcpy(d->cset, bl->cset, sizeof d->cset);
    for (int32_t i = 0; i < bl->num_states; i++) {
        const baked_state *s = &bl->states[i];
        states[i] = (HyphenState){.match = string_at(bd, s->match),
                                  .repl = string_at(bd, s->repl),
                                  .replindex = s->replindex,
                                  .replcut = s->replcut,
                                  .fallback_state = s->fallback_state,
                                  .num_trans = s->num_trans,
                                  .trans = (HyphenTrans *)bl->trans + s->first_trans};
    }
    return d;
}

static HyphenDict *open_baked(const baked_dictionary *bd)
{
    HyphenDict *first = NULL, **link = &first;
    for (int l = 0; l < bd->level_count; l++) {
        if (!(*link = open_level(bd, &bd->levels[l]))) {
            baked_dictionary_free(first);
            return NULL;
        }
        link = &(*link)->nextlevel;
    }
    return first;
}

HyphenDict *baked_dictionary_open(uint64_t size, uint64_t hash)
{
    for (size_t i = 0; i < baked_dictionary_count; i++)
        if (baked_dictionaries[i].size == size && baked_dictionaries[i].hash == hash)
            return open_baked(&baked_dictionaries[i]);
    return NULL;
}

void baked_dictionary_free(HyphenDict *dict)
{
    while (dict) {
        HyphenDict *next = dict->nextlevel;
        free(dict->states);
        free(dict);
        dict = next;
    }
}
