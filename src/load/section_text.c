#include "section_text.h"

#include <string.h>

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\r';
}

bool section_text_fence_is_data(const char *info)
{
    return info && strncmp(info, "part", 4) == 0 && (info[4] == '\0' || is_space(info[4]));
}

/* A fence line: up to three spaces, then three or more backticks or tildes;
 * *width is their count, *info what follows, trimmed. */
static bool fence_line(arena *mem, const char *line, size_t len, char *mark, size_t *width,
                       const char **info)
{
    size_t i = 0;
    while (i < len && i < 3 && line[i] == ' ')
        i++;
    if (i >= len || (line[i] != '`' && line[i] != '~'))
        return false;
    *mark = line[i];
    size_t start = i;
    while (i < len && line[i] == *mark)
        i++;
    *width = i - start;
    if (*width < 3)
        return false;
    while (i < len && is_space(line[i]))
        i++;
    size_t end = len;
    while (end > i && is_space(line[end - 1]))
        end--;
    *info = arena_strndup(mem, line + i, end - i);
    return true;
}

/* Where the reference of a ```part line starts: after the fence, "part"
 * and the spaces around it. */
static const char *ref_in_line(const char *line, char mark)
{
    const char *p = line;
    while (*p == ' ')
        p++;
    while (*p == mark)
        p++;
    while (is_space(*p))
        p++;
    p += 4;
    while (is_space(*p))
        p++;
    return p;
}

typedef struct {
    const char *at;
    size_t len;
} span;

static span next_line(const char *p, const char *end)
{
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    return (span){p, (size_t)((nl ? nl : end) - p)};
}

size_t section_text_split(arena *mem, const char *text, section_text_piece **pieces)
{
    size_t cap = 1;
    for (const char *s = text; s && (s = strstr(s, "part")); s++)
        cap++;
    *pieces = ARENA_ARRAY(mem, section_text_piece, cap + 1);
    size_t n = 0;
    if (!text)
        text = "";
    const char *end = text + strlen(text), *p = text, *piece_start = text;
    char open_mark = 0; /* inside another fenced block: its mark and width */
    size_t open_width = 0;
    for (int line = 0; p < end; line++) {
        span l = next_line(p, end);
        const char *after = l.at + l.len < end ? l.at + l.len + 1 : end;
        char mark;
        size_t width;
        const char *info;
        if (!fence_line(mem, l.at, l.len, &mark, &width, &info)) {
            p = after;
            continue;
        }
        if (open_mark) {
            if (mark == open_mark && width >= open_width && !*info)
                open_mark = 0;
            p = after;
            continue;
        }
        if (!section_text_fence_is_data(info) || n + 1 >= cap) {
            open_mark = mark;
            open_width = width;
            p = after;
            continue;
        }
        section_text_piece *piece = &(*pieces)[n++];
        piece->text = arena_strndup(mem, piece_start, (size_t)(l.at - piece_start));
        piece->offset = (size_t)(piece_start - text);
        const char *ref = info + 4;
        while (is_space(*ref))
            ref++;
        piece->ref = ref;
        piece->ref_at = (size_t)(ref_in_line(l.at, mark) - text);
        piece->line = line;
        span close = after < end ? next_line(after, end) : (span){end, 0};
        char close_mark;
        size_t close_width;
        const char *close_info;
        if (after < end && fence_line(mem, close.at, close.len, &close_mark, &close_width,
                                      &close_info) &&
            close_mark == mark && close_width >= width && !*close_info) {
            p = close.at + close.len < end ? close.at + close.len + 1 : end;
            line++;
        } else {
            piece->unclosed = true;
            p = after;
        }
        piece_start = p;
    }
    section_text_piece *last = &(*pieces)[n++];
    last->text = arena_strdup(mem, piece_start);
    last->offset = (size_t)(piece_start - text);
    last->ref = NULL;
    return n;
}
