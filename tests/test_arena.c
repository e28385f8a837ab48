/* The arena: zeroed (or, when asked, unzeroed) aligned memory; arrays that
 * grow keep their elements, and grow where they are while nothing was
 * allocated after them. */
#include "test_support.h"

static void memory_is_zeroed_and_aligned(void **state)
{
    test_fixture *f = *state;
    for (size_t size = 1; size < 200000; size = size * 3 + 1) {
        unsigned char *p = arena_alloc(&f->mem, size);
        assert_int_equal((uintptr_t)p % _Alignof(max_align_t), 0);
        for (size_t i = 0; i < size; i++)
            assert_int_equal(p[i], 0);
        p[size - 1] = 0xff;
        unsigned char *q = arena_alloc_uninit(&f->mem, size);
        assert_int_equal((uintptr_t)q % _Alignof(max_align_t), 0);
        q[0] = q[size - 1] = 0xff;
    }
}

static void a_growing_array_keeps_its_elements(void **state)
{
    test_fixture *f = *state;
    int *items = NULL;
    size_t count = 0, cap = 0;
    for (int i = 0; i < 100000; i++) {
        *ARENA_PUSH(&f->mem, items, count, cap) = i;
        if (i % 1000 == 0)
            arena_strdup(&f->mem, "something allocated between"); /* forces copies */
    }
    for (int i = 0; i < 100000; i++)
        assert_int_equal(items[i], i);
    assert_true(cap >= count);
}

static void the_last_allocation_grows_where_it_is(void **state)
{
    test_fixture *f = *state;
    long *items = NULL;
    size_t count = 0, cap = 0;
    *ARENA_PUSH(&f->mem, items, count, cap) = 1;
    long *first = items;
    for (long v = 2; count < 100; v++) /* 8 → 16 → ... → 128 elements, in the first block */
        *ARENA_PUSH(&f->mem, items, count, cap) = v;
    assert_ptr_equal(items, first);
    char *after = arena_strdup(&f->mem, "after");
    for (size_t full = cap; cap == full;) {
        long v = (long)count + 1;
        *ARENA_PUSH(&f->mem, items, count, cap) = v;
    }
    assert_ptr_not_equal(items, first); /* moved: something lies after it */
    assert_string_equal(after, "after");
    for (size_t i = 0; i < count; i++)
        assert_int_equal(items[i], (long)i + 1);
}

typedef struct {
    long a, b;
} pair;

/* arena_grow zeroes the room it adds; ARENA_PUSH zeroes each element it
 * pushes, whatever the room held. */
static void grown_room_and_pushed_elements_are_zeroed(void **state)
{
    test_fixture *f = *state;
    size_t grown_cap = 0;
    long *grown = arena_grow(&f->mem, NULL, &grown_cap, 3, sizeof *grown);
    assert_true(grown_cap >= 3);
    for (size_t i = 0; i < grown_cap; i++)
        assert_int_equal(grown[i], 0);
    size_t count = 0, cap = 0;
    pair *pairs = arena_reserve(&f->mem, NULL, &cap, 4, sizeof *pairs);
    memset(pairs, 0xEE, cap * sizeof *pairs); /* what reserved room may hold */
    for (int k = 0; k < 20; k++) { /* into the room, then grown */
        pair *p = ARENA_PUSH(&f->mem, pairs, count, cap);
        assert_int_equal(p->a, 0);
        assert_int_equal(p->b, 0);
        p->a = p->b = k + 1;
    }
    for (size_t i = 0; i < count; i++)
        assert_int_equal(pairs[i].b, (long)i + 1);
}

/* Texts made in the arena: short and long printf, and joined paths. */
static void texts_are_formatted_and_joined(void **state)
{
    test_fixture *f = *state;
    assert_string_equal(arena_printf(&f->mem, "%s/%d", "a", 7), "a/7");
    char *long_text = arena_printf(&f->mem, "%300d|", 5); /* longer than the first try */
    assert_int_equal(strlen(long_text), 301);
    assert_string_equal(long_text + 299, "5|");
    assert_string_equal(arena_join(&f->mem, "plans/samsund", "/", "plan-2024.yaml"),
                        "plans/samsund/plan-2024.yaml");
    assert_string_equal(arena_join(&f->mem, "", "", ""), "");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(memory_is_zeroed_and_aligned, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(a_growing_array_keeps_its_elements, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(the_last_allocation_grows_where_it_is, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(grown_room_and_pushed_elements_are_zeroed, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(texts_are_formatted_and_joined, test_setup, test_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
