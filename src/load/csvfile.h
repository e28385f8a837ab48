/* csvfile: a CSV file as Excel saves it in Swedish ("CSV (semikolonavgränsad)"
 * or "CSV UTF-8"): fields separated by semicolons, quoted with ", in UTF-8
 * with or without a byte-order mark, or in Windows-1252. Parsed with libcsv
 * into rows of trimmed UTF-8 texts that keep the line and column where they
 * start, so that errors point into the file. Knows nothing of budgets. */
#ifndef PP_CSVFILE_H
#define PP_CSVFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "diag.h"

enum { CSV_MAX_FILE_MB = 2 };

typedef struct {
    const char *text; /* UTF-8, without surrounding spaces or no-break spaces */
    int line, col;    /* where the field starts (1-based, col in characters) */
} csv_cell;

typedef struct {
    csv_cell *cells;
    size_t ncells;
    size_t number; /* 1-based, as the spreadsheet numbers its rows */
    int line;      /* the line the row starts on */
} csv_row;

typedef struct {
    const char *file;
    csv_row *rows; /* rows whose every field is empty are left out */
    size_t nrows;
} csv_table;

/* Reads and parses a file; false with errors in `dl` when it cannot be read
 * or is not such a CSV file. */
bool csv_read(arena *mem, const char *path, csv_table *t, diag_list *dl);
/* Parses `len` bytes named `file`. */
bool csv_parse_text(arena *mem, const char *file, const char *data, size_t len, csv_table *t,
                    diag_list *dl);
/* The spreadsheet's name of a cell: column 3 of row 5 is "C5". */
const char *csv_cell_name(arena *mem, size_t column, size_t row);

#endif
