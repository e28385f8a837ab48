/* cmap: how planpress's PDFs encode text, and the CMaps that say so.
 * A face's characters get CIDs: an ASCII character its own value, the k-th
 * other character the face uses in a document (in rising order) 128 + k.
 * The content streams write each CID as one byte when the face uses at most
 * 256 CIDs, so text stays plain ASCII, compact and quick to compress (the
 * encoding is then the one-byte identity CMap written here), and as two
 * bytes otherwise (Identity-H). The ToUnicode CMap maps each code to the
 * character it stands for, so that readers can extract, search and copy the
 * text: bfrange blocks for runs of codes and characters that rise together,
 * never across a change of a high byte, bfchar blocks for the rest, at most
 * 100 entries a block. */
#ifndef PP_CMAP_H
#define PP_CMAP_H

#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

enum {
    CMAP_ASCII_END = 0x80,   /* characters below are their own CID */
    CMAP_ONE_BYTE_CIDS = 256 /* at most this many CIDs fit one-byte codes */
};

/* Appends the one-byte identity CMap (codes <00>–<FF> are CIDs 0–255),
 * named planpress-OneByte-H. */
void cmap_write_one_byte_encoding(strbuf *out);

typedef struct {
    uint16_t code; /* the CID, as the content stream writes it */
    uint32_t cp;   /* the character it stands for */
} tounicode_entry;

/* Appends the ToUnicode CMap for `n` entries sorted by code, each code
 * once, for codes of `code_bytes` (1 or 2) bytes. */
void cmap_write_tounicode(strbuf *out, const tounicode_entry *entries, size_t n, int code_bytes);

#endif
