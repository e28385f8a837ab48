/* Hyphenates words as planpress does: one word a line on standard input,
 * the same word with a hyphen at every place the line breaker may break it
 * on standard output. For tests/latex/patterns.sh, which compares
 * dictionaries on the words of the samples.
 *
 * usage: hyphenate_words DICTIONARY [LEFT_MIN RIGHT_MIN] < words */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hyphenate.h"

int main(int argc, char **argv)
{
    if (argc != 2 && argc != 4) {
        fprintf(stderr, "usage: %s DICTIONARY [LEFT_MIN RIGHT_MIN] < words\n", argv[0]);
        return 2;
    }
    int left = argc == 4 ? atoi(argv[2]) : 2, right = argc == 4 ? atoi(argv[3]) : 3;
    hyphenator *h = hyphenator_load(argv[1], left, right, NULL);
    if (!h) {
        fprintf(stderr, "%s: cannot read the hyphenation dictionary\n", argv[1]);
        return 1;
    }
    char line[512];
    while (fgets(line, sizeof line, stdin)) {
        size_t len = strcspn(line, "\r\n"), at[64];
        size_t n = hyphenate_word(h, line, len, at, 64), from = 0;
        for (size_t k = 0; k < n; k++) {
            fwrite(line + from, 1, at[k] - from, stdout);
            putchar('-');
            from = at[k];
        }
        fwrite(line + from, 1, len - from, stdout);
        putchar('\n');
    }
    hyphenator_free(h);
    return 0;
}
