#include "textpos.h"

text_origin textpos_origin(const ynode *n)
{
    return (text_origin){.pos = {.file = n->file, .line = n->line, .col = n->col},
                         .style = n->style,
                         .indent = n->indent,
                         .one_line = n->one_line};
}

/* Characters in text[from, to): bytes that do not continue a UTF-8 sequence. */
static int chars_between(const char *text, size_t from, size_t to)
{
    int n = 0;
    for (size_t i = from; i < to; i++)
        n += ((unsigned char)text[i] & 0xC0) != 0x80;
    return n;
}

source_pos textpos_at(const text_origin *o, const char *text, size_t offset)
{
    source_pos at = o->pos;
    if (!text)
        return at;
    if (o->style == '|') {
        size_t line_start = 0;
        int lines = 0;
        for (size_t i = 0; i < offset && text[i]; i++)
            if (text[i] == '\n') {
                lines++;
                line_start = i + 1;
            }
        at.line = o->pos.line + 1 + lines;
        at.col = o->indent + 1 + chars_between(text, line_start, offset);
    } else if (o->one_line && o->style != '>') {
        at.col = o->pos.col + (o->style ? 1 : 0) + chars_between(text, 0, offset);
    }
    return at;
}
