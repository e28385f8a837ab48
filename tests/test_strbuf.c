/* strbuf: formatted text, whole numbers and references, whether the text
 * fits the room left or not. */
#include "test_support.h"

static void numbers_are_written_as_printf_writes_them(void **state)
{
    (void)state;
    strbuf sb = {0};
    strbuf_put_uint(&sb, 0);
    strbuf_putc(&sb, ' ');
    strbuf_put_uint(&sb, 1234567890);
    strbuf_putc(&sb, ' ');
    strbuf_put_uint(&sb, UINT64_MAX);
    strbuf_putc(&sb, ' ');
    strbuf_put_ref(&sb, 42);
    assert_string_equal(sb.data, "0 1234567890 18446744073709551615 42 0 R");
    strbuf_free(&sb);
}

static void printf_fits_or_grows(void **state)
{
    (void)state;
    strbuf sb = {0};
    char want[2000] = "";
    for (int round = 0; round < 40; round++) { /* short and long texts, every fill */
        int width = round * 37 % 300;
        strbuf_printf(&sb, "%*d|", width, round);
        snprintf(want + strlen(want), sizeof want - strlen(want), "%*d|", width, round);
        if (strlen(want) > 1500)
            break;
    }
    assert_string_equal(sb.data, want);
    assert_int_equal(sb.len, strlen(want));
    strbuf_printf(&sb, "%s", "");
    assert_int_equal(sb.len, strlen(want));
    assert_int_equal(sb.data[sb.len], '\0');
    strbuf_free(&sb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers_are_written_as_printf_writes_them),
        cmocka_unit_test(printf_fits_or_grows),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
