/* strbuf: a growable byte buffer that owns its heap memory. */
#ifndef PP_STRBUF_H
#define PP_STRBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef struct {
    char *data; /* always NUL-terminated once anything was appended */
    size_t len, cap;
} strbuf;

/* Room for `n` more bytes (and the NUL) at sb->data + sb->len, for the
 * caller to write in place; ends the process when memory runs out. */
void strbuf_grow(strbuf *sb, size_t n);

/* The room for `n` more bytes: write at most n there, then strbuf_commit
 * the number written. For text built a byte at a time. */
static inline char *strbuf_room(strbuf *sb, size_t n)
{
    if (sb->len + n + 1 > sb->cap)
        strbuf_grow(sb, n);
    return sb->data + sb->len;
}

static inline void strbuf_commit(strbuf *sb, size_t n)
{
    sb->len += n;
    sb->data[sb->len] = '\0';
}

static inline void strbuf_append(strbuf *sb, const char *s, size_t n)
{
    memcpy(strbuf_room(sb, n), s, n);
    strbuf_commit(sb, n);
}

static inline void strbuf_puts(strbuf *sb, const char *s)
{
    strbuf_append(sb, s, strlen(s));
}

static inline void strbuf_putc(strbuf *sb, char c)
{
    *strbuf_room(sb, 1) = c;
    strbuf_commit(sb, 1);
}

/* A whole number in decimal, as "%" PRIu64 writes it, and an indirect
 * reference "N 0 R": what PDF objects are mostly made of. */
void strbuf_put_uint(strbuf *sb, uint64_t v);
void strbuf_put_ref(strbuf *sb, uint64_t obj);
/* The low `digits` hex digits of v, in capitals, as "%0*X" writes them
 * when v fits: PDF's hex strings and CMap codes. */
void strbuf_put_hex(strbuf *sb, uint32_t v, int digits);
void strbuf_printf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends what is left of the stream, or more than `max` bytes of it and no
 * more reading when it holds more than that; false on a read error. */
bool strbuf_append_stream(strbuf *sb, FILE *f, size_t max);
/* Appends the whole content of the file, which must be a regular file
 * (regular.h); false when it cannot be read. */
bool strbuf_append_file(strbuf *sb, const char *path);
void strbuf_free(strbuf *sb);

#endif
