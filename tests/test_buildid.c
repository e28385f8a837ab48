/* The build ID of the running program is the one readelf finds in its file. */
#include "test_support.h"

#include <unistd.h>

#include "buildid.h"

static void the_build_id_of_this_program(void **state)
{
    (void)state;
    char id[129];
    assert_true(build_id(id, sizeof id));
    assert_true(strlen(id) >= 16);
    char exe[4096], cmd[4200];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    assert_true(n > 0);
    exe[n] = '\0';
    snprintf(cmd, sizeof cmd, "readelf -n '%s' | sed -n 's/.*Build ID: *//p'", exe);
    FILE *p = popen(cmd, "r");
    assert_non_null(p);
    char line[256] = "";
    assert_non_null(fgets(line, sizeof line, p));
    pclose(p);
    line[strcspn(line, "\n")] = '\0';
    assert_string_equal(id, line);
}

static void too_small_a_buffer(void **state)
{
    (void)state;
    char id[8];
    assert_false(build_id(id, sizeof id));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(the_build_id_of_this_program),
        cmocka_unit_test(too_small_a_buffer),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
