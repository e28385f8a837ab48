#include "typography.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "strbuf.h"

static const char NBSP[] = "\xC2\xA0", EN_DASH[] = "\xE2\x80\x93";
static const char RIGHT_DOUBLE[] = "\xE2\x80\x9D", RIGHT_SINGLE[] = "\xE2\x80\x99";

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A letter of ASCII or any byte of a multi-byte UTF-8 character (å, ä, ö). */
static bool is_wordish(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || ((unsigned char)c & 0x80);
}

/* The digits starting at `at`: how many, at most `max + 1`. */
static size_t digits_at(const char *s, size_t len, size_t at)
{
    size_t n = 0;
    while (at + n < len && is_digit(s[at + n]))
        n++;
    return n;
}

static long number_at(const char *s, size_t at, size_t n)
{
    long v = 0;
    for (size_t i = 0; i < n && i < 9; i++)
        v = v * 10 + (s[at + i] - '0');
    return v;
}

static bool starts_with_word(const char *s, size_t len, size_t at, const char *const *words)
{
    for (; *words; words++) {
        size_t n = strlen(*words);
        if (at + n <= len && memcmp(s + at, *words, n) == 0 &&
            (at + n == len || !is_wordish(s[at + n])))
            return true;
    }
    return false;
}

/* What follows a range of plain numbers for it to be sure it is a range. */
static const char *const RANGE_UNITS[] = {
    "år",    "%",     "procent", "kr",       "tkr",     "mkr",    "dagar",  "veckor",
    "månader", "timmar", "personer", "deltagare", "stycken", "st", NULL};

static const char *const MONTHS[] = {"januari", "februari", "mars",      "april",
                                     "maj",     "juni",     "juli",      "augusti",
                                     "september", "oktober", "november", "december", NULL};

typedef struct {
    const char *s;
    size_t len;
    strbuf out;
    bool changed;
} rewriter;

static void put(rewriter *r, const char *text, size_t n)
{
    strbuf_append(&r->out, text, n);
}

/* A number starts at `at` when no digit, letter, hyphen or point is glued
 * to its front (not the inside of "08-706" or "2024-02-23" or "v1.2"). */
static bool number_starts(const rewriter *r, size_t at)
{
    if (at == 0)
        return true;
    char c = r->s[at - 1];
    return !is_digit(c) && !is_wordish(c) && c != '-' && c != '.' && c != ',' && c != '/';
}

/* A number ends at `at` when no digit, letter or hyphen follows. */
static bool number_ends(const rewriter *r, size_t at)
{
    if (at >= r->len)
        return true;
    char c = r->s[at];
    if (c == '-' || is_wordish(c) || is_digit(c))
        return false;
    /* a decimal comma or point followed by a digit goes on with the number */
    return !((c == ',' || c == '.') && at + 1 < r->len && is_digit(r->s[at + 1]));
}

static bool is_year(long v, size_t digits)
{
    return digits == 4 && v >= 1900 && v <= 2099;
}

/* "2018-2020", "2024 - 2026", "16-64 år": the length of the range from `at`
 * (a number starting there), written with an en dash; 0 when it is not one. */
static size_t range_at(rewriter *r, size_t at)
{
    const char *s = r->s;
    size_t a = digits_at(s, r->len, at);
    if (a == 0 || a > 4 || s[at] == '0' || !number_starts(r, at))
        return 0;
    size_t i = at + a, spaced = 0;
    if (i + 3 <= r->len && s[i] == ' ' && s[i + 1] == '-' && s[i + 2] == ' ')
        spaced = 1;
    else if (i >= r->len || s[i] != '-')
        return 0;
    size_t second = i + 1 + 2 * spaced;
    size_t b = digits_at(s, r->len, second);
    if (b == 0 || b > 4 || s[second] == '0' || !number_ends(r, second + b))
        return 0;
    long from = number_at(s, at, a), to = number_at(s, second, b);
    bool years = is_year(from, a) && is_year(to, b) && to > from;
    size_t after = second + b;
    bool unit = from < to && after + 1 < r->len && s[after] == ' ' &&
                starts_with_word(s, r->len, after + 1, RANGE_UNITS);
    if (!years && !unit)
        return 0;
    put(r, s + at, a);
    strbuf_puts(&r->out, EN_DASH);
    put(r, s + second, b);
    return after - at;
}

/* The money units and the percent sign a number keeps on its line. */
static const char *const NUMBER_UNITS[] = {"kr", "tkr", "mkr", "mnkr", "%", NULL};

/* A group of three digits after a space at `i`: the "000" of "5 000". */
static bool is_group(const rewriter *r, size_t i)
{
    return i + 4 <= r->len && r->s[i] == ' ' && digits_at(r->s, r->len, i + 1) == 3 &&
           number_ends(r, i + 4);
}

/* Where the digit groups of the number of `n` digits at `at` end: after
 * "5 000 000", not inside "1.500 000" nor before "000 - ". */
static size_t groups_end(const rewriter *r, size_t at, size_t n)
{
    size_t i = at + n;
    if (!number_starts(r, at) || n > 3 || !is_group(r, i) ||
        (i + 5 < r->len && r->s[i + 4] == ' ' && r->s[i + 5] == '-'))
        return i;
    while (is_group(r, i))
        i += 4;
    return i;
}

/* The unit after a number ending at `i`: 1 for "%" typed without a space,
 * 2 for a unit after its space ("24 %", "750 kr"), 0 for none. */
static size_t unit_after(const rewriter *r, size_t i)
{
    if (i < r->len && r->s[i] == '%')
        return 1;
    if (i + 1 < r->len && r->s[i] == ' ' && starts_with_word(r->s, r->len, i + 1, NUMBER_UNITS))
        return 2;
    return 0;
}

static bool day_of_month(const rewriter *r, size_t at, size_t n)
{
    long day = number_at(r->s, at, n);
    return number_starts(r, at) && n <= 2 && day >= 1 && day <= 31 && at + n + 1 < r->len &&
           r->s[at + n] == ' ' && starts_with_word(r->s, r->len, at + n + 1, MONTHS);
}

/* "5 000", "750 000 kr", "24 %", "24%", "1 juli": a number whose spaces
 * become no-break ones, with a no-break space before its unit; the length
 * from `at` taken, 0 when none applies. This is the one place that keeps a
 * number together on a line. */
static size_t number_at_rule(rewriter *r, size_t at)
{
    const char *s = r->s;
    size_t n = digits_at(s, r->len, at);
    if (n == 0)
        return 0;
    size_t end = groups_end(r, at, n), unit = unit_after(r, end);
    bool date = end == at + n && !unit && day_of_month(r, at, n);
    if (end == at + n && !unit && !date)
        return 0;
    put(r, s + at, n);
    for (size_t i = at + n; i < end; i += 4) {
        strbuf_puts(&r->out, NBSP);
        put(r, s + i + 1, 3);
    }
    if (unit || date)
        strbuf_puts(&r->out, NBSP);
    return end - at + (unit == 2 || date ? 1 : 0);
}

/* A hyphen with a space on either side between words: a spaced en dash. */
static bool is_spaced_hyphen(const rewriter *r, size_t at)
{
    return r->s[at] == '-' && at > 0 && at + 1 < r->len && r->s[at - 1] == ' ' &&
           r->s[at + 1] == ' ';
}

static size_t rule_at(rewriter *r, size_t at)
{
    char c = r->s[at];
    if (c == '"' || c == '\'') {
        strbuf_puts(&r->out, c == '"' ? RIGHT_DOUBLE : RIGHT_SINGLE);
        return 1;
    }
    if (is_spaced_hyphen(r, at)) {
        strbuf_puts(&r->out, EN_DASH);
        return 1;
    }
    if (is_digit(c)) {
        size_t n = range_at(r, at);
        return n ? n : number_at_rule(r, at);
    }
    return 0;
}

/* The characters a rule starts at (rule_at). */
static const char RULE_STARTS[] = "\"'-0123456789";

const char *typography_swedish(arena *mem, const char *text)
{
    size_t len = strlen(text);
    if (!strpbrk(text, RULE_STARTS))
        return text;
    rewriter r = {.s = text, .len = len};
    size_t i = 0;
    while (i < len) {
        size_t n = rule_at(&r, i);
        if (n) {
            r.changed = true;
            i += n;
        } else if (is_digit(text[i])) { /* the rest of a number left as it is */
            size_t d = digits_at(text, len, i);
            put(&r, text + i, d);
            i += d;
        } else { /* up to where a rule may start */
            size_t plain = 1 + strcspn(text + i + 1, RULE_STARTS);
            put(&r, text + i, plain);
            i += plain;
        }
    }
    const char *result = r.changed ? arena_strndup(mem, r.out.data, r.out.len) : text;
    strbuf_free(&r.out);
    return result;
}
