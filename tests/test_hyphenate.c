/* Swedish hyphenation through libhyphen: words in UTF-8 with å, ä, ö and
 * capitals, the minimums of the style, acronyms, and one dictionary shared
 * by the whole process. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "hyphen_cache.h"
#include "hyphenate.h"

static const char *const DICTIONARY = "/usr/share/hyphen/hyph_sv_SE.dic";

/* The word with a hyphen at every place it may be broken. */
static void hyphenated_except(const hyphenator *h, const hyphen_exceptions *ex, const char *word,
                              char *out)
{
    size_t at[64];
    size_t n = hyphenate_word_except(h, ex, word, strlen(word), at, 64), from = 0;
    out[0] = '\0';
    for (size_t k = 0; k < n; k++) {
        assert_true(at[k] > from);
        strncat(out, word + from, at[k] - from);
        strcat(out, "-");
        from = at[k];
    }
    strcat(out, word + from);
}

static void hyphenated(const hyphenator *h, const char *word, char *out)
{
    hyphenated_except(h, NULL, word, out);
}

static void check(const hyphenator *h, const char *word, const char *want)
{
    char got[512];
    hyphenated(h, word, got);
    assert_string_equal(got, want);
}

static void swedish_words(void **state)
{
    const hyphenator *h = *state;
    check(h, "samordningsförbundet", "sam-ord-nings-för-bun-det");
    check(h, "arbetslivsinriktade", "ar-bets-livs-in-rik-tade");
    check(h, "rehabiliteringsinsatser", "re-ha-bi-li-te-rings-in-sat-ser");
    check(h, "självförsörjning", "själv-för-sörj-ning");
}

/* Of two breaks around one consonant only the later, the compound's joint;
 * a vowel alone keeps both. */
static void one_side_of_a_joint(void **state)
{
    const hyphenator *h = *state;
    check(h, "balanskravet", "ba-lans-kra-vet");          /* not balan-skravet */
    check(h, "individinriktade", "in-di-vid-in-rik-tade"); /* not indivi-dinriktade */
    check(h, "projektägare", "pro-jekt-ägare");           /* not projek-tägare */
    check(h, "medlemsparter", "med-lems-par-ter");
    check(h, "perioden", "pe-ri-o-den");
}

static void capitals_and_punctuation(void **state)
{
    const hyphenator *h = *state;
    /* capitals are hyphenated as lower case; the offsets are those of the word */
    check(h, "Försäkringskassan,", "För-säk-rings-kas-san,");
    check(h, "Ärendehantering", "Ären-de-han-te-ring");
    check(h, "(kompetensutveckling)", "(kom-pe-tens-ut-veck-ling)");
    /* each run of letters on its own: hyphens and slashes are not letters */
    check(h, "tjänstedesign-metodik", "tjäns-te-de-sign-me-to-dik");
}

static void left_alone(void **state)
{
    const hyphenator *h = *state;
    check(h, "ESF-projektet", "ESF-pro-jek-tet"); /* an acronym is whole */
    check(h, "NNS", "NNS");
    check(h, "och", "och"); /* shorter than both minimums */
    check(h, "2003:1210", "2003:1210");
    check(h, "", "");
}

static void minimums_are_kept(void **state)
{
    (void)state;
    hyphenator *h = hyphenator_load(DICTIONARY, 3, 4, NULL);
    assert_non_null(h);
    /* the dictionary's own minimums (1 and 2) would give "re-ha-...-ser" */
    check(h, "rehabiliteringsinsatser", "reha-bi-li-te-rings-in-satser");
    hyphenator_free(h);
}

static void one_dictionary_per_process(void **state)
{
    const hyphenator *h = *state;
    assert_ptr_equal(hyphenator_shared(DICTIONARY, 2, 3), h);
    assert_ptr_not_equal(hyphenator_shared(DICTIONARY, 3, 3), h);
    assert_null(hyphenator_shared("/no/such/dictionary.dic", 2, 3));
}

static void a_missing_dictionary_is_reported(void **state)
{
    (void)state;
    arena mem;
    arena_init(&mem);
    diag_list dl = {.mem = &mem};
    assert_null(hyphenator_load("/no/such/dictionary.dic", 2, 3, &dl));
    assert_int_equal(dl.errors, 1);
    assert_string_equal(dl.items[0].file, "/no/such/dictionary.dic");
    arena_free(&mem);
}

static void exceptions_are_broken_as_written(void **state)
{
    const hyphenator *h = *state;
    arena mem;
    arena_init(&mem);
    hyphen_exceptions ex = {0};
    char got[512];
    /* the patterns split these compounds and names at the wrong joint */
    hyphenated(h, "samverkansarenor", got);
    assert_string_not_equal(got, "samverkans-arenor");
    hyphenated(h, "Södertälje", got);
    assert_string_equal(got, "Sö-der-tälje");
    assert_true(hyphen_exceptions_add(&mem, &ex, "samverkans-arenor", 17));
    assert_int_equal(hyphen_exceptions_read(&mem, &ex,
                                            "# names\nSöder-tälje  vuxen-ut-bild-ning-en\n"
                                            "ett, två\n",
                                            strlen("# names\nSöder-tälje  vuxen-ut-bild-ning-en\n"
                                                   "ett, två\n")),
                     1); /* "ett," is not a word of letters */
    hyphenated_except(h, &ex, "samverkansarenor.", got);
    assert_string_equal(got, "samverkans-arenor.");
    hyphenated_except(h, &ex, "Södertälje", got); /* case does not matter */
    assert_string_equal(got, "Söder-tälje");
    hyphenated_except(h, &ex, "Vuxenutbildningen", got);
    assert_string_equal(got, "Vuxen-ut-bild-ning-en");
    hyphenated_except(h, &ex, "två", got); /* written without a hyphen: never broken */
    assert_string_equal(got, "två");
    hyphenated_except(h, &ex, "samordningsförbundet", got); /* others by the patterns */
    assert_string_equal(got, "sam-ord-nings-för-bun-det");
    assert_false(hyphen_exceptions_add(&mem, &ex, "-fel", 4));
    assert_false(hyphen_exceptions_add(&mem, &ex, "fel-", 4));
    assert_false(hyphen_exceptions_add(&mem, &ex, "fe--l", 5));
    assert_false(hyphen_exceptions_add(&mem, &ex, "2024", 4));
    arena_free(&mem);
}

/* The cache answers as the dictionary does, the first time and after: per
 * word, per list of exceptions, and the first `max` points when asked for
 * fewer. */
static void a_cache_answers_as_the_dictionary(void **state)
{
    const hyphenator *h = *state;
    arena mem;
    arena_init(&mem);
    hyphen_exceptions ex = {0};
    assert_true(hyphen_exceptions_add(&mem, &ex, "samverkans-arenor", 17));
    hyphen_cache *c = hyphen_cache_new(&mem);
    static const char *const words[] = {"samordningsförbundet", "samverkansarenor",
                                        "Södertälje", "FINSAM", "och", "e-post"};
    for (int round = 0; round < 2; round++) {
        for (size_t w = 0; w < sizeof words / sizeof words[0]; w++) {
            const hyphen_exceptions *lists[] = {NULL, &ex};
            for (size_t l = 0; l < 2; l++) {
                size_t want[64], got[64];
                size_t len = strlen(words[w]);
                size_t n = hyphenate_word_except(h, lists[l], words[w], len, want, 64);
                assert_int_equal(hyphen_cache_word(c, h, lists[l], words[w], len, got, 64), n);
                assert_memory_equal(got, want, n * sizeof *got);
                size_t few = n ? n - 1 : 0;
                assert_int_equal(hyphen_cache_word(c, h, lists[l], words[w], len, got, few), few);
                assert_memory_equal(got, want, few * sizeof *got);
            }
        }
    }
    for (int i = 0; i < 2 * 26 * 26; i++) { /* enough words for the table to grow */
        char word[32];
        snprintf(word, sizeof word, "%cförbundet%c", 'a' + i / 26 % 26, 'a' + i % 26);
        size_t want[64], got[64], len = strlen(word);
        size_t n = hyphenate_word_except(h, NULL, word, len, want, 64);
        assert_int_equal(hyphen_cache_word(c, h, NULL, word, len, got, 64), n);
        assert_memory_equal(got, want, n * sizeof *got);
    }
    size_t at[64];
    assert_int_equal(hyphen_cache_word(c, h, &ex, "samverkansarenor", 16, at, 64), 1);
    assert_int_equal(at[0], 10);
    arena_free(&mem);
}

static int setup(void **state)
{
    *state = (void *)hyphenator_shared(DICTIONARY, 2, 3);
    return *state ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(swedish_words),
        cmocka_unit_test(one_side_of_a_joint),
        cmocka_unit_test(capitals_and_punctuation),
        cmocka_unit_test(left_alone),
        cmocka_unit_test(minimums_are_kept),
        cmocka_unit_test(one_dictionary_per_process),
        cmocka_unit_test(a_missing_dictionary_is_reported),
        cmocka_unit_test(exceptions_are_broken_as_written),
        cmocka_unit_test(a_cache_answers_as_the_dictionary),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
