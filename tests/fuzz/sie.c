/* Fuzz target for the SIE 4 reader (sie.h): the input is an SIE file, read
 * from memory. Checks the reader's contract: an input it accepts has no
 * error, one it refuses says why, and every voucher it keeps balances. */
#include <stdio.h>

#include "fuzz.h"
#include "sie.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    arena mem;
    arena_init(&mem);
    diag_list dl;
    diag_list_init(&dl, &mem);
    sie_file f;
    bool ok = sie_parse(&mem, "fuzz.se", (const char *)data, size, &f, &dl);
    if (ok && dl.errors)
        fuzz_fail("sie_parse succeeded with errors");
    if (!ok && !dl.errors)
        fuzz_fail("sie_parse failed without saying why");
    for (size_t i = 0; ok && i < f.nvouchers; i++) {
        int64_t sum = 0;
        for (size_t j = 0; j < f.vouchers[i].nrows; j++)
            if (f.vouchers[i].rows[j].kind != SIE_ROW_REMOVED)
                sum += f.vouchers[i].rows[j].amount;
        if (sum != 0)
            fuzz_fail("an accepted voucher does not balance");
    }
    arena_free(&mem);
    return 0;
}
