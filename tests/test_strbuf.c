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

static void hex_is_written_as_printf_writes_it(void **state)
{
    (void)state;
    strbuf sb = {0};
    strbuf_put_hex(&sb, 0x0A, 2);
    strbuf_put_hex(&sb, 0xFEFF, 4);
    strbuf_put_hex(&sb, 0x2212, 4);
    strbuf_put_hex(&sb, 0, 4);
    char want[32];
    snprintf(want, sizeof want, "%02X%04X%04X%04X", 0x0A, 0xFEFF, 0x2212, 0);
    assert_string_equal(sb.data, want);
    strbuf_free(&sb);
}

static void room_is_written_in_place(void **state)
{
    (void)state;
    strbuf sb = {0};
    strbuf_puts(&sb, "ab");
    for (int round = 0; round < 100; round++) { /* across every growth */
        char *p = strbuf_room(&sb, 40);
        memset(p, 'x', 30);
        strbuf_commit(&sb, 30);
    }
    assert_int_equal(sb.len, 2 + 100 * 30);
    assert_int_equal(sb.data[sb.len], '\0');
    assert_int_equal(strspn(sb.data + 2, "x"), 100 * 30);
    strbuf_free(&sb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(numbers_are_written_as_printf_writes_them),
        cmocka_unit_test(printf_fits_or_grows),
        cmocka_unit_test(hex_is_written_as_printf_writes_it),
        cmocka_unit_test(room_is_written_in_place),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
