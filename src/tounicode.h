/* tounicode: the ToUnicode CMap of a PDF font: the characters that the
 * two-byte codes of its text stand for, so that readers can extract, search
 * and copy the text. Written with bfrange blocks for runs of codes and
 * characters that rise together, bfchar blocks for the rest, at most 100
 * entries a block. */
#ifndef PP_TOUNICODE_H
#define PP_TOUNICODE_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

typedef struct {
    uint16_t code; /* as written in the content stream */
    uint32_t cp;   /* the character it stands for */
} tounicode_entry;

/* Appends the CMap for `n` entries sorted by code, each code once. */
void tounicode_write(strbuf *out, const tounicode_entry *entries, size_t n);

#endif
