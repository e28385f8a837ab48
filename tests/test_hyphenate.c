/* Swedish hyphenation through libhyphen: words in UTF-8 with å, ä, ö and
 * capitals, the minimums of the style, acronyms, and one dictionary shared
 * by the whole process. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "hyphenate.h"

static const char *const DICTIONARY = "/usr/share/hyphen/hyph_sv_SE.dic";

/* The word with a hyphen at every place it may be broken. */
static void hyphenated(const hyphenator *h, const char *word, char *out)
{
    size_t at[64];
    size_t n = hyphenate_word(h, word, strlen(word), at, 64), from = 0;
    out[0] = '\0';
    for (size_t k = 0; k < n; k++) {
        assert_true(at[k] > from);
        strncat(out, word + from, at[k] - from);
        strcat(out, "-");
        from = at[k];
    }
    strcat(out, word + from);
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

static int setup(void **state)
{
    *state = (void *)hyphenator_shared(DICTIONARY, 2, 3);
    return *state ? 0 : -1;
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(swedish_words),
        cmocka_unit_test(capitals_and_punctuation),
        cmocka_unit_test(left_alone),
        cmocka_unit_test(minimums_are_kept),
        cmocka_unit_test(one_dictionary_per_process),
        cmocka_unit_test(a_missing_dictionary_is_reported),
    };
    return cmocka_run_group_tests(tests, setup, NULL);
}
