#include "hyphenate.h"

#include <hyphen.h>
#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "baked_dictionary.h"
#include "hash.h"
#include "utf8.h"

enum { MAX_RUN = 96 }; /* longer runs of letters are not words */

struct hyphenator {
    HyphenDict *dict;
    /* The patterns of words: a dictionary without a compound level of its own
     * gets a first level from libhyphen that only splits at hyphens and
     * apostrophes, which runs of letters never hold. Then the patterns alone
     * are run, with the minimums applied here: the same breaks, found more
     * than twice as fast. NULL for a dictionary with a real compound level. */
    HyphenDict *word_level;
    int left_min, right_min;
    char *path;
    bool baked; /* dict came from baked_dictionary_open */
};

static bool is_latin1_letter(uint32_t cp)
{
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
           (cp >= 0xC0 && cp <= 0xFF && cp != 0xD7 && cp != 0xF7);
}

/* True when no pattern of the level has a letter in it. */
static bool level_has_no_letters(const HyphenDict *d)
{
    for (int s = 0; s < d->num_states; s++)
        for (int t = 0; t < d->states[s].num_trans; t++)
            if (is_latin1_letter((unsigned char)d->states[s].trans[t].ch))
                return false;
    return true;
}

/* The dictionary's structure from the tables baked in at build time when
 * the file is the one they were made of; else libhyphen reads the file. */
static HyphenDict *open_dictionary(const char *path, bool *baked)
{
    uint64_t hash, size;
    if (!hash_file(path, &hash, &size)) /* a regular file only */
        return NULL;
    HyphenDict *dict = baked_dictionary_open(size, hash);
    *baked = dict != NULL;
    return dict ? dict : hnj_hyphen_load(path);
}

static void close_dictionary(HyphenDict *dict, bool baked)
{
    if (baked)
        baked_dictionary_free(dict);
    else if (dict)
        hnj_hyphen_free(dict);
}

hyphenator *hyphenator_load(const char *path, int left_min, int right_min, diag_list *dl)
{
    bool baked;
    HyphenDict *dict = open_dictionary(path, &baked);
    if (!dict) {
        if (dl)
            diag_add(dl, DIAG_ERROR, path, 0, 0, NULL, "cannot read the hyphenation dictionary");
        return NULL;
    }
    hyphenator *h = calloc(1, sizeof *h);
    char *copy = strdup(path);
    if (!h || !copy) {
        close_dictionary(dict, baked);
        free(h);
        free(copy);
        return NULL;
    }
    *h = (hyphenator){dict, NULL, left_min, right_min, copy, baked};
    if (dict->nextlevel && level_has_no_letters(dict))
        h->word_level = dict->nextlevel;
    return h;
}

bool hyphenator_is_baked(const hyphenator *h)
{
    return h->baked;
}

void hyphenator_free(hyphenator *h)
{
    if (!h)
        return;
    close_dictionary(h->dict, h->baked);
    free(h->path);
    free(h);
}

/* ---- one dictionary per process ---------------------------------------- */

enum { SHARED_MAX = 8 };

static struct {
    pthread_mutex_t lock;
    hyphenator *loaded[SHARED_MAX];
    size_t count;
    bool cleanup_registered;
} shared = {.lock = PTHREAD_MUTEX_INITIALIZER};

static void free_shared(void)
{
    for (size_t i = 0; i < shared.count; i++)
        hyphenator_free(shared.loaded[i]);
    shared.count = 0;
}

const hyphenator *hyphenator_shared(const char *path, int left_min, int right_min)
{
    hyphenator *found = NULL;
    pthread_mutex_lock(&shared.lock);
    for (size_t i = 0; i < shared.count && !found; i++) {
        hyphenator *h = shared.loaded[i];
        if (strcmp(h->path, path) == 0 && h->left_min == left_min && h->right_min == right_min)
            found = h;
    }
    if (!found && shared.count < SHARED_MAX &&
        (found = hyphenator_load(path, left_min, right_min, NULL))) {
        shared.loaded[shared.count++] = found;
        if (!shared.cleanup_registered)
            shared.cleanup_registered = atexit(free_shared) == 0;
    }
    pthread_mutex_unlock(&shared.lock);
    return found;
}

/* ---- words ------------------------------------------------------------- */

static bool is_upper(uint32_t cp)
{
    return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
}

static char latin1_lower(uint32_t cp)
{
    return (char)(is_upper(cp) ? cp + 32 : cp);
}

/* A consonant of Latin-1 in lower case. */
static bool is_consonant(char c)
{
    return (c && strchr("bcdfghjklmnpqrstvwxz", c)) || c == '\xE7' || c == '\xF1' || c == '\xDF';
}

/* Two break points around one consonant ("balan-s-kravet",
 * "indivi-d-inriktade", "projek-t-ägare") are the patterns of hyphen-sv
 * unsure on which side of a compound's joint the consonant goes; a
 * consonant is no syllable, so one of them is wrong. Measured on the words
 * of the samples (docs/typography.md), the later is right for the joints
 * (balans-kravet, individ-inriktade, projekt-ägare) nearly always: the
 * earlier is dropped. A vowel alone ("pe-ri-o-den") keeps both. */
static void one_side_of_a_consonant(const char *latin1, int n, char *hyphens)
{
    for (int i = 0; i + 2 < n; i++)
        if ((hyphens[i] & 1) && (hyphens[i + 1] & 1) && is_consonant(latin1[i + 1]))
            hyphens[i] = '0';
}

/* Hyphenates one run of letters: `latin1` holds them in lower case and
 * `starts` their byte offsets in the word. */
static size_t hyphenate_run(const hyphenator *h, const char *latin1, const size_t *starts, int n,
                            size_t *offsets, size_t max)
{
    char hyphens[MAX_RUN + 5];
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    size_t count = 0;
    int status = h->word_level
                     ? hnj_hyphen_hyphenate(h->word_level, latin1, n, hyphens)
                     : hnj_hyphen_hyphenate3(h->dict, latin1, n, hyphens, NULL, &rep, &pos, &cut,
                                             h->left_min, h->right_min, h->left_min, h->right_min);
    if (status == 0) {
        one_side_of_a_consonant(latin1, n, hyphens);
        for (int i = 0; i + 1 < n && count < max; i++) {
            bool standard = !rep || !rep[i];
            if ((hyphens[i] & 1) && standard && i + 1 >= h->left_min && n - i - 1 >= h->right_min)
                offsets[count++] = starts[i + 1];
        }
    }
    if (rep) {
        for (int i = 0; i < n; i++)
            free(rep[i]);
        free(rep);
    }
    free(pos);
    free(cut);
    return count;
}

/* ---- exceptions --------------------------------------------------------- */

struct hyphen_exception {
    char latin1[MAX_RUN + 1]; /* the letters in lower case */
    int n;
    uint8_t after[MAX_RUN]; /* after[i]: a hyphen may follow letter i */
};

bool hyphen_exceptions_add(arena *mem, hyphen_exceptions *ex, const char *written, size_t len)
{
    struct hyphen_exception e = {.n = 0};
    size_t i = 0;
    bool hyphen_ok = false;
    while (i < len) {
        uint32_t cp = utf8_next(written, len, &i);
        if (cp == '-' && hyphen_ok) {
            e.after[e.n - 1] = 1;
            hyphen_ok = false;
            continue;
        }
        if (!is_latin1_letter(cp) || e.n >= MAX_RUN)
            return false;
        e.latin1[e.n++] = latin1_lower(cp);
        hyphen_ok = true;
    }
    if (e.n == 0 || !hyphen_ok)
        return false;
    for (size_t k = 0; k < ex->count; k++) /* a later entry replaces an earlier one */
        if (ex->items[k].n == e.n && memcmp(ex->items[k].latin1, e.latin1, (size_t)e.n) == 0) {
            ex->items[k] = e;
            return true;
        }
    *ARENA_PUSH(mem, ex->items, ex->count, ex->cap) = e;
    return true;
}

size_t hyphen_exceptions_read(arena *mem, hyphen_exceptions *ex, const char *text, size_t len)
{
    size_t bad = 0, i = 0;
    bool comment = false;
    while (i < len) {
        char c = text[i];
        if (c == '\n')
            comment = false;
        if (comment || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '#') {
            comment |= c == '#';
            i++;
            continue;
        }
        size_t start = i;
        while (i < len && !strchr(" \t\r\n#", text[i]))
            i++;
        bad += !hyphen_exceptions_add(mem, ex, text + start, i - start);
    }
    return bad;
}

hyphen_exceptions *hyphen_exceptions_copy(arena *mem, const hyphen_exceptions *from)
{
    hyphen_exceptions *ex = ARENA_NEW(mem, hyphen_exceptions);
    *ex = (hyphen_exceptions){.count = from->count, .cap = from->count + 1};
    ex->items = ARENA_ARRAY(mem, struct hyphen_exception, ex->cap);
    if (from->count)
        memcpy(ex->items, from->items, from->count * sizeof *ex->items);
    return ex;
}

static const struct hyphen_exception *find_exception(const hyphen_exceptions *ex,
                                                     const char *latin1, int n)
{
    for (size_t k = 0; ex && k < ex->count; k++)
        if (ex->items[k].n == n && memcmp(ex->items[k].latin1, latin1, (size_t)n) == 0)
            return &ex->items[k];
    return NULL;
}

size_t hyphenate_word(const hyphenator *h, const char *word, size_t len, size_t *offsets,
                      size_t max)
{
    return hyphenate_word_except(h, NULL, word, len, offsets, max);
}

size_t hyphenate_word_except(const hyphenator *h, const hyphen_exceptions *ex, const char *word,
                             size_t len, size_t *offsets, size_t max)
{
    size_t count = 0, i = 0;
    char latin1[MAX_RUN + 1];
    size_t starts[MAX_RUN + 1];
    while (i < len && count < max) {
        int n = 0;
        bool lower_seen = false, too_long = false;
        size_t at = i;
        uint32_t cp;
        while (at < len) {
            size_t next = at;
            cp = utf8_next(word, len, &next);
            if (!is_latin1_letter(cp))
                break;
            if (n < MAX_RUN) {
                starts[n] = at;
                latin1[n++] = latin1_lower(cp);
            } else {
                too_long = true;
            }
            lower_seen |= !is_upper(cp);
            at = next;
        }
        latin1[n] = '\0';
        const struct hyphen_exception *e = too_long ? NULL : find_exception(ex, latin1, n);
        if (e) {
            for (int k = 0; k + 1 < n && count < max; k++)
                if (e->after[k])
                    offsets[count++] = starts[k + 1];
        } else if (n >= h->left_min + h->right_min && lower_seen && !too_long) {
            count += hyphenate_run(h, latin1, starts, n, offsets + count, max - count);
        }
        if (at == i) /* not a letter: step over it */
            utf8_next(word, len, &at);
        i = at;
    }
    return count;
}
