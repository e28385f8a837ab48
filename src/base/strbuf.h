/* strbuf: a growable byte buffer that owns its heap memory. */
#ifndef PP_STRBUF_H
#define PP_STRBUF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

typedef struct {
    char *data; /* always NUL-terminated once anything was appended */
    size_t len, cap;
} strbuf;

void strbuf_append(strbuf *sb, const char *s, size_t n);
void strbuf_puts(strbuf *sb, const char *s);
void strbuf_putc(strbuf *sb, char c);
/* A whole number in decimal, as "%" PRIu64 writes it, and an indirect
 * reference "N 0 R": what PDF objects are mostly made of. */
void strbuf_put_uint(strbuf *sb, uint64_t v);
void strbuf_put_ref(strbuf *sb, uint64_t obj);
void strbuf_printf(strbuf *sb, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Appends what is left of the stream, or more than `max` bytes of it and no
 * more reading when it holds more than that; false on a read error. */
bool strbuf_append_stream(strbuf *sb, FILE *f, size_t max);
/* Appends the whole content of the file, which must be a regular file
 * (regular.h); false when it cannot be read. */
bool strbuf_append_file(strbuf *sb, const char *path);
void strbuf_free(strbuf *sb);

#endif
