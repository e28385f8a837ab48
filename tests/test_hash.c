/* hash_file: the hash of a file read in pieces is the hash of its whole
 * content, and only a regular file is read. */
#include "test_support.h"

#include <errno.h>
#include <sys/stat.h>

#include "hash.h"
#include "regular.h"

static void same_as_the_whole_content(void **state)
{
    test_fixture *f = *state;
    /* empty, shorter than one piece, one byte past a piece, many pieces */
    static const size_t sizes[] = {0, 1000, 65537, 3 * 65536 + 17};
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        unsigned char *data = test_malloc(sizes[i] + 1);
        for (size_t k = 0; k < sizes[i]; k++)
            data[k] = (unsigned char)(k * 131 + i);
        const char *path = in_folder(f, arena_printf(&f->mem, "file-%zu", i));
        write_bytes(path, data, sizes[i]);
        uint64_t hash = 0, size = 1;
        assert_true(hash_file(path, &hash, &size));
        assert_int_equal(size, sizes[i]);
        assert_int_equal(hash, hash_content(data, sizes[i]));
        assert_true(hash_file(path, &hash, NULL));
        test_free(data);
    }
}

static void only_a_regular_file(void **state)
{
    test_fixture *f = *state;
    uint64_t hash = 7, size = 7;
    assert_false(hash_file(in_folder(f, "none"), &hash, &size));
    assert_int_equal(errno, ENOENT);
    assert_false(hash_file(f->dir, &hash, &size));
    assert_int_equal(errno, EISDIR);
    const char *fifo = in_folder(f, "fifo");
    assert_int_equal(mkfifo(fifo, 0600), 0);
    assert_false(hash_file(fifo, &hash, &size)); /* refused at once, never waited on */
    assert_int_equal(errno, NOT_REGULAR);
    assert_int_equal(hash, 7);
    assert_int_equal(size, 7);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(same_as_the_whole_content, test_setup_with_folder,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(only_a_regular_file, test_setup_with_folder, test_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
