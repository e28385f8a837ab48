/* The SIE 4 reader on small files written in the manner of several
 * producers (a full header with #KSUMMA and CRLF; Fortnox-like empty
 * transaction fields and object lists; #RTRANS/#BTRANS corrections), on
 * malformed files, each giving its error or warning at its line, and on a
 * generated file of 100 000 voucher rows, read against a time bound. */
#include "test_support.h"

#include <inttypes.h>
#include <time.h>

#include <libdeflate.h>

#include "sie.h"

static bool parse(test_fixture *f, const char *text, sie_file *out)
{
    return sie_parse(&f->mem, "test.se", text, strlen(text), out, &f->dl);
}

/* A diagnostic of that severity whose message holds `needle`, at that line. */
static void expect_at(const test_fixture *f, diag_severity sev, int line, const char *needle)
{
    for (size_t i = 0; i < f->dl.count; i++) {
        const diag *d = &f->dl.items[i];
        if (d->severity == sev && strstr(d->message, needle) && (line == 0 || d->line == line))
            return;
    }
    diag_print_all(&f->dl, stderr);
    fail_msg("no diagnostic \"%s\" at line %d", needle, line);
}

/* "Kassa och bank" etc. in CP437: å 0x86, ä 0x84, ö 0x94, Ö 0x99. A
 * bookkeeping program's full export: header, years, accounts with types,
 * balances of this and last year, results, two vouchers, and a checksum;
 * CRLF line ends and a tab between fields. */
static const char visma_body[] =
    "#FLAGGA 0\r\n"
    "#PROGRAM \"Visma Administration\" 2000\r\n"
    "#FORMAT PC8\r\n"
    "#GEN 20240215 \"Anna\"\r\n"
    "#SIETYP 4\r\n"
    "#FNAMN \"Samordningsf\x94rbundet S\x94" "dra V\x84tterbygden\"\r\n"
    "#ORGNR 222000-1891\r\n"
    "#RAR 0 20230101 20231231\r\n"
    "#RAR -1 20220101 20221231\r\n"
    "#KONTO 1930 \"F\x94retagskonto\"\r\n"
    "#KTYP 1930 T\r\n"
    "#KONTO 2440 \"Leverant\x94rsskulder\"\r\n"
    "#KONTO 3010 \"Medlemsavgifter\"\r\n"
    "#KONTO 5410 \"F\x94rbrukningsinventarier\"\r\n"
    "#IB 0 1930 1000.00\r\n"
    "#IB 0 2440 -200.00\r\n"
    "#UB -1 1930 1000.00\r\n"
    "#UB -1 2440 -200.00\r\n"
    "#UB 0 1930 1750.50\r\n"
    "#UB 0 2440 -200.00\r\n"
    "#RES 0 3010 -1000.00\r\n"
    "#RES 0 5410 249.50\r\n"
    "#VER A 1 20230115 \"Medlemsavgift\" 20230116\r\n"
    "{\r\n"
    "\t#TRANS 1930 {} 1000.00 20230115 \"Inbetalning\"\r\n"
    "\t#TRANS\t3010\t{}\t-1000.00\r\n"
    "}\r\n"
    "#VER A 2 20230301 \"Kontorsmaterial\"\r\n"
    "{\r\n"
    "#TRANS 5410 {} 249.50\r\n"
    "#TRANS 1930 {} -249.50\r\n"
    "}\r\n";

static char *with_checksum(test_fixture *f, const char *body)
{
    char *open = arena_printf(&f->mem, "#KSUMMA\r\n%s", body);
    uint32_t crc = sie_checksum(open, strlen(open));
    return arena_printf(&f->mem, "%s#KSUMMA %" PRIu32 "\r\n", open, crc);
}

static void reads_a_full_export(void **state)
{
    test_fixture *f = *state;
    sie_file s;
    assert_true(parse(f, with_checksum(f, visma_body), &s));
    assert_int_equal(f->dl.warnings, 0);
    assert_true(s.has_checksum);
    assert_int_equal(s.type, 4);
    assert_int_equal(s.flag, 0);
    assert_string_equal(s.company, "Samordningsförbundet Södra Vätterbygden");
    assert_string_equal(s.org_number, "222000-1891");
    assert_string_equal(s.program, "Visma Administration 2000");
    assert_int_equal(s.nyears, 2);
    assert_int_equal(sie_year_at(&s, -1)->from.year, 2022);
    assert_int_equal(sie_year_at(&s, 0)->to.day, 31);
    assert_string_equal(sie_account_name(&s, 2440), "Leverantörsskulder");
    assert_int_equal(s.accounts[0].type, 'T');
    int64_t v;
    assert_true(sie_balance_of(s.closing, s.nclosing, 0, 1930, &v));
    assert_int_equal(v, 175050);
    assert_true(sie_balance_of(s.results, s.nresults, 0, 5410, &v));
    assert_int_equal(v, 24950);
    assert_false(sie_balance_of(s.results, s.nresults, -1, 5410, &v));
    assert_int_equal(s.nvouchers, 2);
    assert_int_equal(s.nrows, 4);
    const sie_voucher *a1 = &s.vouchers[0];
    assert_string_equal(a1->series, "A");
    assert_string_equal(a1->number, "1");
    assert_string_equal(a1->text, "Medlemsavgift");
    assert_int_equal(a1->line, 24);
    assert_int_equal(a1->rows[0].date.month, 1);
    assert_string_equal(a1->rows[0].text, "Inbetalning");
    assert_int_equal(a1->rows[1].amount, -100000);
    assert_int_equal(a1->rows[1].date.year, 0);
}

static void a_changed_file_fails_its_checksum(void **state)
{
    test_fixture *f = *state;
    char *text = with_checksum(f, visma_body);
    char *at = strstr(text, "1750.50");
    at[0] = '2'; /* 2750.50: the sum no longer matches (and the balance neither) */
    sie_file s;
    assert_false(parse(f, text, &s));
    expect_at(f, DIAG_WARNING, 20, "account 1930: the closing balance 2750.50 kr");
    expect_at(f, DIAG_ERROR, 34, "does not match the file");
}

static void a_cut_file_has_no_closing_checksum(void **state)
{
    test_fixture *f = *state;
    sie_file s;
    assert_false(parse(f, "#KSUMMA\n#FLAGGA 0\n#SIETYP 4\n", &s));
    expect_at(f, DIAG_ERROR, 0, "cut short");
}

/* What Fortnox-like exporters write: a quoted #FORMAT, object lists,
 * empty date and text fields, a quantity, #RTRANS followed by its #TRANS
 * copy, #BTRANS, LF line ends, labels the specification does not have. */
static const char fortnox_style[] =
    "#FLAGGA 0\n"
    "#FORMAT \"PC8\"\n"
    "#SIETYP 4\n"
    "#FNAMN \"Test\"\n"
    "#DIM 1 \"Kostnadsst\x84lle\"\n"
    "#DIM 6 \"Projekt\"\n"
    "#OBJEKT 1 \"10\" \"Kansli\"\n"
    "#OBJEKT 6 \"P1\" \"Steg f\x94r steg\"\n"
    "#RAR 0 20230101 20231231\n"
    "#KONTO 1930 \"Bank\"\n"
    "#KONTO 4010 \"Varor\"\n"
    "#SRU 1930 7281\n"
    "#XFORETAG \"something else\"\n"
    "#VER \"B\" \"17\" 20230410 \"Ink\x94p \\\"special\\\"\" 20230411 \"sign\"\n"
    "{\n"
    "   #TRANS 4010 {1 \"10\" 6 \"P1\"} 300.00 \"\" \"\" 2.5\n"
    "   #BTRANS 4010 {1 \"10\"} 500.00 20230411 \"fel belopp\"\n"
    "   #RTRANS 1930 {} -300.00 20230411\n"
    "   #TRANS 1930 {} -300.00 20230411\n"
    "}\n"
    "#UNKNOWNLABEL 1 2 3\n";

static void reads_a_fortnox_style_file(void **state)
{
    test_fixture *f = *state;
    sie_file s;
    assert_true(parse(f, fortnox_style, &s));
    expect_at(f, DIAG_NOTE, 2, "#FORMAT \"PC8\" is quoted");
    expect_at(f, DIAG_DETAIL, 0, "#XFORETAG, #UNKNOWNLABEL");
    assert_int_equal(f->dl.warnings, 0);
    assert_int_equal(s.ndims, 2);
    assert_string_equal(s.dims[0].name, "Kostnadsställe");
    assert_string_equal(s.objects[1].name, "Steg för steg");
    const sie_voucher *v = &s.vouchers[0];
    assert_string_equal(v->series, "B");
    assert_string_equal(v->text, "Inköp \"special\"");
    assert_int_equal(v->nrows, 3); /* the #TRANS copy of the #RTRANS is not a row of its own */
    assert_int_equal(v->rows[0].nobjects, 2);
    assert_int_equal(v->rows[0].objects[1].dim, 6);
    assert_string_equal(v->rows[0].objects[1].object, "P1");
    assert_true(v->rows[0].has_quantity);
    assert_int_equal(v->rows[0].quantity, 250);
    assert_int_equal(v->rows[1].kind, SIE_ROW_REMOVED);
    assert_int_equal(v->rows[2].kind, SIE_ROW_ADDED);
    assert_int_equal(v->rows[2].amount, -30000);
}

static void an_rtrans_alone_counts_once(void **state)
{
    test_fixture *f = *state;
    sie_file s;
    assert_true(parse(f,
                      "#SIETYP 4\n#VER A 1 20230101\n{\n#TRANS 4010 {} 10\n"
                      "#RTRANS 1930 {} -10\n}\n",
                      &s));
    expect_at(f, DIAG_NOTE, 5, "not followed by an identical #TRANS");
    assert_int_equal(s.vouchers[0].nrows, 2);
}

static void an_unbalanced_voucher_is_an_error(void **state)
{
    test_fixture *f = *state;
    sie_file s;
    assert_false(parse(f,
                       "#SIETYP 4\n#VER A 1 20230101\n{\n#TRANS 4010 {} 10.00\n}\n"
                       "#VER A 2 20230102\n{\n#TRANS 4010 {} 10.00\n#TRANS 1930 {} -9.50\n}\n",
                       &s));
    expect_at(f, DIAG_ERROR, 2, "voucher A 1 does not balance: its rows sum to 10.00 kr");
    expect_at(f, DIAG_ERROR, 6, "voucher A 2 does not balance: its rows sum to 0.50 kr");
}

static void an_opening_balance_not_last_years_closing(void **state)
{
    test_fixture *f = *state;
    sie_file s;
    assert_true(parse(f, "#SIETYP 4\n#UB -1 1930 500.00\n#IB 0 1930 450.00\n", &s));
    expect_at(f, DIAG_WARNING, 3,
              "account 1930: the opening balance 450.00 kr is not last year's closing "
              "balance 500.00 kr");
}

static void balances_that_vouchers_do_not_explain(void **state)
{
    test_fixture *f = *state;
    sie_file s;
    assert_true(parse(f,
                      "#SIETYP 4\n#IB 0 1930 100\n#UB 0 1930 300\n#RES 0 3010 -300\n"
                      "#VER A 1 20230101\n{\n#TRANS 1930 {} 100\n#TRANS 3010 {} -100\n}\n",
                      &s));
    expect_at(f, DIAG_WARNING, 3,
              "account 1930: the closing balance 300.00 kr less the opening balance 100.00 kr "
              "is 200.00 kr, but its voucher rows sum to 100.00 kr");
    expect_at(f, DIAG_WARNING, 4, "account 3010: the year's result -300.00 kr");
    assert_int_equal(f->dl.warnings, 2);
    /* kept for the documents, in the order given */
    assert_int_equal(s.nfindings, 2);
    assert_int_equal(s.findings[0].kind, SIE_FINDING_CLOSING);
    assert_int_equal(s.findings[0].account, 1930);
    assert_int_equal(s.findings[0].a, 20000);
    assert_int_equal(s.findings[0].b, 10000);
    assert_int_equal(s.findings[0].line, 3);
    assert_int_equal(s.findings[1].kind, SIE_FINDING_RESULT);
    assert_int_equal(s.findings[1].a, -30000);
}

/* #PSALDO: an account's change within a month; a cost centre's share is
 * not the account's; a period that is no month is an error at its column. */
static void period_balances(void **state)
{
    test_fixture *f = *state;
    sie_file s;
    assert_true(parse(f,
                      "#SIETYP 4\n#PSALDO 0 202301 3010 {} -1500.50\n"
                      "#PSALDO 0 202301 3010 {1 \"10\"} -500.00 3\n#PSALDO -1 202212 5010 {} 20\n",
                      &s));
    assert_int_equal(s.nperiods, 2);
    assert_int_equal(s.periods[0].period, 202301);
    assert_int_equal(s.periods[0].amount, -150050);
    assert_int_equal(s.periods[0].line, 2);
    assert_int_equal(s.periods[1].year, -1);
    assert_false(parse(f, "#SIETYP 4\n#PSALDO 0 202313 3010 {} 1.00\n", &s));
    expect_at(f, DIAG_ERROR, 2, "#PSALDO: expected a period YYYYMM, found 202313");
}

/* The checksum as SIE 4B gives it: CRC-32 (polynomial EDB88320,
 * preconditioned and inverted) of each record's label and field contents
 * from the record after the opening #KSUMMA to the one before the closing
 * one; not the blanks between fields, the quotes around a field, the
 * braces of an object list or of a voucher's block; an escaped quote
 * counts as the quote. The same sum for the same records laid out
 * differently. */
static void the_checksum_covers_labels_and_contents(void **state)
{
    (void)state;
    static const char fields[] = "#KONTO1915Kassa \"special\"#VERA120230101"
                                 "#TRANS701014561320.00#TRANS1930-1320.00";
    uint32_t want = libdeflate_crc32(0, fields, strlen(fields));
    static const char *const layouts[] = {
        "#KSUMMA\n#KONTO 1915 \"Kassa \\\"special\\\"\"\n#VER A 1 20230101\n{\n"
        "#TRANS 7010 {1 \"456\"} 1320.00\n#TRANS 1930 {} -1320.00\n}\n",
        "#KSUMMA\r\n#KONTO\t1915  \"Kassa \\\"special\\\"\"\r\n#VER \"A\" \"1\" 20230101\r\n"
        "{\r\n#TRANS 7010 { 1 456 } \"1320.00\"\r\n#TRANS 1930 {} -1320.00\r\n}\r\n"};
    for (size_t i = 0; i < 2; i++)
        assert_int_equal(sie_checksum(layouts[i], strlen(layouts[i])), want);
}

/* Each malformed record is an error at its line and column; reading goes on. */
static void malformed_records(void **state)
{
    test_fixture *f = *state;
    sie_file s;
    assert_false(parse(f,
                       "#SIETYP 4\n"
                       "#IB 0 1930 12x\n"              /* 2 */
                       "#KONTO 1930 \"Bank\n"          /* 3 */
                       "#TRANS 1930 {} 1\n"            /* 4 */
                       "#RAR 0 20230101 20231332\n"    /* 5 */
                       "just text\n"                   /* 6 */
                       "#IB 0 1930 1.005\n"            /* 7 */
                       "#UB 0\n"                       /* 8 */
                       "#VER A 1 20230101\n{\n#TRANS 1930 1 2\n" /* 11 */
                       "#TRANS 1930 {1 \"a\" 2} 0\n"   /* 12 */
                       "#VER A 2 20230101\n",          /* 13, never closed */
                       &s));
    expect_at(f, DIAG_ERROR, 2, "expected an amount such as -1234.50, found \"12x\"");
    assert_int_equal(f->dl.items[0].col, 12);
    expect_at(f, DIAG_ERROR, 3, "no closing quote");
    expect_at(f, DIAG_ERROR, 4, "#TRANS outside a voucher");
    expect_at(f, DIAG_ERROR, 5, "expected a date YYYYMMDD");
    expect_at(f, DIAG_ERROR, 6, "not a record");
    expect_at(f, DIAG_ERROR, 7, "more than 2 decimals");
    expect_at(f, DIAG_ERROR, 8, "#UB needs a year index, an account and an amount");
    expect_at(f, DIAG_ERROR, 11, "expected an object list");
    expect_at(f, DIAG_ERROR, 12, "pairs of a dimension and an object");
    expect_at(f, DIAG_ERROR, 13, "#VER before the voucher above it was closed");
    expect_at(f, DIAG_ERROR, 13, "ends inside a voucher");
}

static void tolerated_deviations(void **state)
{
    test_fixture *f = *state;
    sie_file s;
    assert_true(parse(f, "#sietyp 4\n#IB 0 1930 12,50\n#FORMAT ANSI\n\x1a", &s));
    expect_at(f, DIAG_NOTE, 2, "decimal comma");
    expect_at(f, DIAG_WARNING, 3, "read as PC8");
    int64_t v;
    assert_true(sie_balance_of(s.opening, s.nopening, 0, 1930, &v));
    assert_int_equal(v, 1250);
    assert_int_equal(s.type, 4);
}

static void a_file_over_the_limit(void **state)
{
    test_fixture *f = *state;
    sie_file s;
    assert_false(sie_parse(&f->mem, "big.se", "", SIE_MAX_BYTES + 1, &s, &f->dl));
    expect_at(f, DIAG_ERROR, 0, "more than the");
}

static void a_missing_file(void **state)
{
    test_fixture *f = *state;
    sie_file s;
    assert_false(sie_read(&f->mem, "/nonexistent/x.se", &s, &f->dl));
    expect_at(f, DIAG_ERROR, 0, "cannot read");
}

/* 100 000 rows in 50 000 vouchers, with the closing balances they give:
 * read, checked and agreeing in well under a second. */
static void a_hundred_thousand_rows(void **state)
{
    test_fixture *f = *state;
    strbuf sb = {0};
    strbuf_puts(&sb, "#FLAGGA 0\n#FORMAT PC8\n#SIETYP 4\n#FNAMN \"Stor\"\n"
                     "#RAR 0 20230101 20231231\n#IB 0 1930 0.00\n");
    int64_t bank = 0;
    for (int i = 0; i < 50000; i++) {
        int64_t ore = 100 + (i * 7919) % 100000;
        bank -= ore;
        strbuf_printf(&sb,
                      "#VER A %d 2023%02d%02d \"Utbetalning %d\"\n{\n"
                      "#TRANS %d {1 \"%d\"} %" PRId64 ".%02d 2023%02d%02d \"Kostnad\"\n"
                      "#TRANS 1930 {} -%" PRId64 ".%02d\n}\n",
                      i + 1, 1 + i % 12, 1 + i % 28, i, 4000 + i % 3000, i % 10, ore / 100,
                      (int)(ore % 100), 1 + i % 12, 1 + i % 28, ore / 100, (int)(ore % 100));
    }
    strbuf_printf(&sb, "#UB 0 1930 -%" PRId64 ".%02d\n", -bank / 100, (int)(-bank % 100));
    clock_t t0 = clock();
    sie_file s;
    bool ok = sie_parse(&f->mem, "big.se", sb.data, sb.len, &s, &f->dl);
    double seconds = (double)(clock() - t0) / CLOCKS_PER_SEC;
    strbuf_free(&sb);
    diag_print_all(&f->dl, stderr);
    assert_true(ok);
    assert_int_equal(f->dl.count, 0);
    assert_int_equal(s.nrows, 100000);
    fprintf(stderr, "100 000 rows read in %.3f s\n", seconds);
    assert_true(seconds < (getenv("ASAN_OPTIONS") ? 5.0 : 0.5));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(reads_a_full_export, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(period_balances, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(the_checksum_covers_labels_and_contents, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(a_changed_file_fails_its_checksum, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(a_cut_file_has_no_closing_checksum, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(reads_a_fortnox_style_file, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(an_rtrans_alone_counts_once, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(an_unbalanced_voucher_is_an_error, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(an_opening_balance_not_last_years_closing, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(balances_that_vouchers_do_not_explain, test_setup,
                                        test_teardown),
        cmocka_unit_test_setup_teardown(malformed_records, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(tolerated_deviations, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(a_file_over_the_limit, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(a_missing_file, test_setup, test_teardown),
        cmocka_unit_test_setup_teardown(a_hundred_thousand_rows, test_setup, test_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
