#include "strbuf.h"
#include "format.h"
#include "oom.h"
#include "regular.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void strbuf_grow(strbuf *sb, size_t extra)
{
    if (sb->len + extra + 1 <= sb->cap)
        return;
    size_t cap = sb->cap ? sb->cap : 256;
    while (cap < sb->len + extra + 1)
        cap *= 2;
    char *p = realloc(sb->data, cap);
    if (!p)
        out_of_memory();
    sb->data = p;
    sb->cap = cap;
}

void strbuf_put_uint(strbuf *sb, uint64_t v)
{
    char digits[FORMAT_DIGITS];
    strbuf_append(sb, digits, (size_t)format_digits(digits, v));
}

void strbuf_put_hex(strbuf *sb, uint32_t v, int digits)
{
    char *p = strbuf_room(sb, (size_t)digits);
    for (int i = digits - 1; i >= 0; i--, v >>= 4)
        p[i] = "0123456789ABCDEF"[v & 0xF];
    strbuf_commit(sb, (size_t)digits);
}

void strbuf_put_ref(strbuf *sb, uint64_t obj)
{
    strbuf_put_uint(sb, obj);
    strbuf_append(sb, " 0 R", 4);
}

/* Formats once into the room there is (most texts are short), and again
 * only when they did not fit. */
void strbuf_printf(strbuf *sb, const char *fmt, ...)
{
    enum { ROOM = 128 };
    strbuf_grow(sb, ROOM);
    size_t room = sb->cap - sb->len;
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(sb->data + sb->len, room, fmt, ap);
    va_end(ap);
    if (n <= 0) {
        sb->data[sb->len] = '\0';
        return;
    }
    if ((size_t)n >= room) {
        strbuf_grow(sb, (size_t)n);
        va_start(ap, fmt);
        vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    sb->len += (size_t)n;
}

void strbuf_free(strbuf *sb)
{
    free(sb->data);
    *sb = (strbuf){0};
}

bool strbuf_append_stream(strbuf *sb, FILE *f, size_t max)
{
    size_t start = sb->len;
    char buf[65536];
    size_t n;
    while (sb->len - start <= max && (n = fread(buf, 1, sizeof buf, f)) > 0)
        strbuf_append(sb, buf, n);
    return !ferror(f);
}

/* Straight from the descriptor, not through a stream: a template or a
 * style is read in two system calls, not five (and no stream's buffer). */
bool strbuf_append_file(strbuf *sb, const char *path)
{
    int fd = regular_open(path);
    if (fd < 0)
        return false;
    ssize_t n;
    size_t room = 4096;
    do {
        strbuf_grow(sb, room);
        room = sb->cap - sb->len - 1;
        n = read(fd, sb->data + sb->len, room);
        if (n > 0)
            sb->len += (size_t)n;
    } while (n > 0 || (n < 0 && errno == EINTR));
    sb->data[sb->len] = '\0';
    int err = errno;
    close(fd);
    errno = err;
    return n == 0;
}
