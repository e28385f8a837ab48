/* sie: reads an SIE 4 file (the Swedish accounting systems' export format,
 * specification SIE 4B) into plain structs: the company, its financial years,
 * accounts, dimensions and objects, opening and closing balances, results per
 * account and the vouchers with their rows. Text is converted from the
 * file's IBM PC 8-bit character set (CP437) to UTF-8 with iconv; amounts are
 * integer öre. Checks what one file can show on its own: malformed records, a
 * #KSUMMA that does not match, vouchers whose rows do not balance, balances
 * that do not agree with the vouchers, an opening balance other than the
 * previous year's closing balance in the same file, a file over the size
 * limit. Unknown labels are skipped and listed (as details shown with -v),
 * tolerated deviations from the specification are noted. Everything lives in
 * the caller's arena. */
#ifndef PP_SIE_H
#define PP_SIE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "model.h"

/* The largest SIE file read: 64 MiB (about a million voucher rows). */
#define SIE_MAX_BYTES ((size_t)64 << 20)

typedef struct {
    int dim;            /* dimension number (1 kostnadsställe, 6 projekt, ...) */
    const char *object; /* the object's code within it */
} sie_object_ref;

typedef enum {
    SIE_ROW,         /* #TRANS */
    SIE_ROW_ADDED,   /* #RTRANS: added afterwards (counts) */
    SIE_ROW_REMOVED, /* #BTRANS: removed afterwards (does not count) */
} sie_row_kind;

typedef struct {
    sie_row_kind kind;
    int account;
    sie_object_ref *objects;
    size_t nobjects;
    int64_t amount; /* öre; debit positive */
    date date;      /* year 0 when the row has none: the voucher's */
    const char *text;
    hundredths quantity;
    bool has_quantity;
    int line;
} sie_row;

typedef struct {
    const char *series, *number; /* either may be "" */
    date date;
    const char *text;
    sie_row *rows;
    size_t nrows;
    int line;
} sie_voucher;

/* An #IB, #UB, #RES or #PSALDO record: year index 0 is the current year,
 * -1 the one before. */
typedef struct {
    int year;
    int account;
    int64_t amount; /* öre; #PSALDO: the change within the month */
    int line;
    int period; /* #PSALDO: the month, YYYYMM; 0 for the others */
} sie_balance;

typedef struct {
    int index; /* 0, -1, ... */
    date from, to;
    int line;
} sie_year;

typedef struct {
    int number;
    const char *name;
    char type; /* #KTYP: 'T' tillgång, 'S' skuld, 'K' kostnad, 'I' intäkt; 0 unknown */
    int line;
} sie_account;

typedef struct {
    int number;
    const char *name;
} sie_dimension;

typedef struct {
    int dim;
    const char *code, *name;
} sie_object;

/* What the reader warned of, kept for the documents made from the file
 * (which say it in Swedish beside the statements). */
typedef enum {
    SIE_FINDING_OPENING,    /* #IB 0 is not #UB -1: a = IB, b = UB of last year */
    SIE_FINDING_CLOSING,    /* #UB − #IB is not the voucher rows: a = UB − IB, b = rows */
    SIE_FINDING_RESULT,     /* #RES is not the voucher rows: a = RES, b = rows */
    SIE_FINDING_NO_BALANCE, /* voucher rows on an account with no #UB/#RES: a = rows */
    SIE_FINDING_TYPE,       /* #SIETYP other than 4: a = the type */
} sie_finding_kind;

typedef struct {
    sie_finding_kind kind;
    int account;
    int64_t a, b; /* öre, or as the kind says */
    int line;
} sie_finding;

typedef struct {
    const char *file;
    int flag;         /* #FLAGGA; -1 when absent */
    int type;         /* #SIETYP; 0 when absent */
    const char *program, *format, *generated, *company, *org_number, *currency;
    sie_year *years;
    size_t nyears;
    sie_account *accounts;
    size_t naccounts;
    sie_dimension *dims;
    size_t ndims;
    sie_object *objects;
    size_t nobjects;
    sie_balance *opening, *closing, *results; /* #IB, #UB, #RES */
    size_t nopening, nclosing, nresults;
    sie_balance *periods; /* #PSALDO of an account as a whole (no objects) */
    size_t nperiods;
    sie_voucher *vouchers;
    size_t nvouchers;
    size_t nrows; /* voucher rows that count, over all vouchers */
    const char **unknown_labels; /* each label once, in the order first seen */
    size_t nunknown;
    bool has_checksum; /* a #KSUMMA pair was found and its sum compared */
    sie_finding *findings; /* the warnings, in the order given */
    size_t nfindings;
} sie_file;

/* Reads and checks `path`. False on errors (in `dl`); warnings and notes
 * may be added either way. */
bool sie_read(arena *mem, const char *path, sie_file *out, diag_list *dl);
/* The same on bytes in memory; `file` names them in diagnostics. */
bool sie_parse(arena *mem, const char *file, const char *bytes, size_t len, sie_file *out,
               diag_list *dl);

/* The financial year with that index, or NULL. */
const sie_year *sie_year_at(const sie_file *f, int index);
/* The account's name, or NULL when the file has no #KONTO for it. */
const char *sie_account_name(const sie_file *f, int account);
/* Sums of #IB, #UB or #RES records for `account` in year `year`; false when
 * there is no record. */
bool sie_balance_of(const sie_balance *b, size_t n, int year, int account, int64_t *amount);

/* The CRC-32 of the fields a #KSUMMA covers (exposed for tests that write
 * files with a valid sum). */
uint32_t sie_checksum(const char *bytes, size_t len);

#endif
