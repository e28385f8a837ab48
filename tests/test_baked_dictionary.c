/* The hyphenation dictionary baked into the program at build time: the same
 * structure libhyphen makes of the file, taken only for that file's exact
 * content, and the same hyphens in every word of the sample plans. */
#include "test_support.h"

#include <hyphen.h>

#include "baked_dictionary.h"
#include "hash.h"
#include "hyphenate.h"
#include "utf8.h"

static const char *const DICTIONARY = "/usr/share/hyphen/hyph_sv_SE.dic";

static void same_string(const char *a, const char *b)
{
    if (!a || !b)
        assert_ptr_equal(a, b);
    else
        assert_string_equal(a, b);
}

static void same_state(const HyphenState *a, const HyphenState *b)
{
    same_string(a->match, b->match);
    same_string(a->repl, b->repl);
    if (a->repl) {
        assert_int_equal(a->replindex, b->replindex);
        assert_int_equal(a->replcut, b->replcut);
    }
    assert_int_equal(a->fallback_state, b->fallback_state);
    assert_int_equal(a->num_trans, b->num_trans);
    for (int t = 0; t < a->num_trans; t++) {
        assert_int_equal(a->trans[t].ch, b->trans[t].ch);
        assert_int_equal(a->trans[t].new_state, b->trans[t].new_state);
    }
}

static void same_level(const HyphenDict *a, const HyphenDict *b)
{
    assert_int_equal(a->lhmin, b->lhmin);
    assert_int_equal(a->rhmin, b->rhmin);
    assert_int_equal(a->clhmin, b->clhmin);
    assert_int_equal(a->crhmin, b->crhmin);
    assert_int_equal(a->utf8, b->utf8);
    assert_string_equal(a->cset, b->cset);
    assert_int_equal(a->nohyphenl, b->nohyphenl);
    for (int i = 0, at = 0; i < a->nohyphenl; i++) {
        assert_string_equal(a->nohyphen + at, b->nohyphen + at);
        at += (int)strlen(a->nohyphen + at) + 1;
    }
    assert_int_equal(a->num_states, b->num_states);
    for (int s = 0; s < a->num_states; s++)
        same_state(&a->states[s], &b->states[s]);
}

/* The baked dictionary made of a file whose content is the first `len`
 * bytes of `content`. */
static HyphenDict *open_content(const strbuf *content, size_t len)
{
    return baked_dictionary_open(len, hash_content(content->data, len));
}

static void same_structure_as_libhyphen(void **state)
{
    (void)state;
    assert_true(baked_dictionary_count >= 1);
    strbuf content = {0};
    assert_true(strbuf_append_file(&content, DICTIONARY));
    HyphenDict *baked = open_content(&content, content.len);
    HyphenDict *parsed = hnj_hyphen_load(DICTIONARY);
    assert_non_null(baked);
    assert_non_null(parsed);
    const HyphenDict *a = baked, *b = parsed;
    int levels = 0;
    for (; a && b; a = a->nextlevel, b = b->nextlevel, levels++)
        same_level(a, b);
    assert_null(a);
    assert_null(b);
    assert_int_equal(levels, 2); /* libhyphen's compound level, then the patterns */
    baked_dictionary_free(baked);
    hnj_hyphen_free(parsed);
    strbuf_free(&content);
}

static void only_for_the_same_content(void **state)
{
    (void)state;
    strbuf content = {0};
    assert_true(strbuf_append_file(&content, DICTIONARY));
    content.data[content.len / 2] ^= 1; /* one bit of one pattern */
    assert_null(open_content(&content, content.len));
    content.data[content.len / 2] ^= 1;
    assert_null(open_content(&content, content.len - 1));
    HyphenDict *d = open_content(&content, content.len);
    assert_non_null(d);
    baked_dictionary_free(d);
    strbuf_free(&content);
}

/* Every word of the file hyphenated by both, with a hyphen at each offset. */
static void compare_words(const hyphenator *a, const hyphenator *b, const char *text)
{
    size_t len = strlen(text), i = 0;
    while (i < len) {
        size_t start = i;
        while (i < len && text[i] != ' ' && text[i] != '\n')
            i++;
        size_t oa[64], ob[64];
        size_t na = hyphenate_word(a, text + start, i - start, oa, 64);
        size_t nb = hyphenate_word(b, text + start, i - start, ob, 64);
        assert_int_equal(na, nb);
        assert_memory_equal(oa, ob, na * sizeof oa[0]);
        i++;
    }
}

static void same_hyphens_as_libhyphen(void **state)
{
    test_fixture *f = *state;
    hyphenator *baked = hyphenator_load(DICTIONARY, 2, 3, &f->dl);
    assert_non_null(baked);
    assert_true(hyphenator_is_baked(baked));
    /* a comment line makes another file: libhyphen reads that one */
    char *patterns = read_text(DICTIONARY);
    const char *copy = write_file(f, "copy.dic", arena_printf(&f->mem, "%s%% a copy\n", patterns));
    test_free(patterns);
    hyphenator *parsed = hyphenator_load(copy, 2, 3, &f->dl);
    assert_non_null(parsed);
    assert_false(hyphenator_is_baked(parsed));
    static const char *const samples[] = {"../plans/samsund/plan-2024.yaml",
                                          "../plans/samspelet/plan-2025.yaml",
                                          "../plans/insjoriket/plan-2020.yaml"};
    for (size_t s = 0; s < sizeof samples / sizeof samples[0]; s++) {
        char *text = read_text(samples[s]);
        compare_words(baked, parsed, text);
        test_free(text);
    }
    hyphenator_free(baked);
    hyphenator_free(parsed);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(same_structure_as_libhyphen),
        cmocka_unit_test(only_for_the_same_content),
        cmocka_unit_test_setup_teardown(same_hyphens_as_libhyphen, test_setup_with_folder,
                                        test_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
