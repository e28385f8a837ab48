/* utf8: decoding of UTF-8 text, one code point at a time. */
#ifndef PP_UTF8_H
#define PP_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes the code point at s[*i] and advances *i; invalid bytes give U+FFFD. */
static inline uint32_t utf8_next(const char *s, size_t len, size_t *i)
{
    const unsigned char *u = (const unsigned char *)s;
    unsigned char c = u[*i];
    size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (n == 0 || *i + n > len) {
        (*i)++;
        return 0xFFFD;
    }
    uint32_t cp = n == 1 ? c : n == 2 ? (c & 0x1Fu) : n == 3 ? (c & 0x0Fu) : (c & 0x07u);
    for (size_t k = 1; k < n; k++) {
        if ((u[*i + k] & 0xC0) != 0x80) {
            (*i)++;
            return 0xFFFD;
        }
        cp = (cp << 6) | (u[*i + k] & 0x3Fu);
    }
    *i += n;
    return cp;
}

/* True when s[0..len) is valid UTF-8; otherwise false with the byte offset
 * of the first invalid sequence in *bad. */
static inline bool utf8_valid(const char *s, size_t len, size_t *bad)
{
    for (size_t i = 0; i < len;) {
        size_t at = i;
        if (utf8_next(s, len, &i) == 0xFFFD &&
            !(i - at == 3 && (unsigned char)s[at] == 0xEF && (unsigned char)s[at + 1] == 0xBF &&
              (unsigned char)s[at + 2] == 0xBD)) {
            *bad = at;
            return false;
        }
    }
    return true;
}

#endif
