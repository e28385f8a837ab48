/* pdfcontent: the content stream of one page, as PDF operators: text as
 * one- or two-byte codes with kerning adjustments (TJ), lines, filled
 * rectangles and colours. Compact: a text object spans neighbouring texts,
 * the font, colours and line width are set only when they change, and
 * numbers are written with at most three decimals (four for colours), the
 * same way on every machine. Knows nothing of libharu; the caller owns the buffer. */
#ifndef PP_PDFCONTENT_H
#define PP_PDFCONTENT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "strbuf.h"

typedef struct {
    strbuf *out;
    bool in_text, in_show; /* inside BT … ET; inside a TJ array */
    bool mark_in_text;     /* the marked content open began inside BT … ET */
    bool string_last;      /* the array's last item is a string */
    int code_bytes;        /* of the font being shown */
    int font;              /* resource /F<font>, -1 before the first */
    double size;
    double scale; /* horizontal scaling (Tz) as a fraction: 1 is none */
    bool fill_set, stroke_set;
    uint32_t fill, stroke;
    double line_width;
    long long line_x, line_y; /* start of the text line, in thousandths of a point */
} pdf_content;

typedef struct {
    int resource;   /* the page resource /F<resource> */
    int code_bytes; /* 1 or 2 */
} content_font;

void content_init(pdf_content *c, strbuf *out);
/* Shows `n` codes from (x, y); adjust[i] is the TJ adjustment after code i,
 * in thousandths of the font size (positive moves the next glyph left), 0
 * for none. */
void content_text(pdf_content *c, const content_font *font, double size, uint32_t rgb, double x,
                  double y, const uint16_t *codes, const double *adjust, size_t n);
/* Shows `n` more codes in the same font, size and colour right after the
 * text shown last, moved by the TJ adjustment `shift` first. False when the
 * last thing drawn was not text. */
bool content_text_more(pdf_content *c, double shift, const uint16_t *codes, const double *adjust,
                       size_t n);
/* Glyphs of the text shown next are scaled horizontally by `scale` (1 is
 * none): the Tz operator, written only when the scaling changes. Font
 * expansion of justified lines. */
void content_scale(pdf_content *c, double scale);
void content_line(pdf_content *c, double x1, double y1, double x2, double y2, double width,
                  uint32_t rgb);
void content_rect(pdf_content *c, double x, double y, double width, double height, uint32_t rgb);
/* Begins a marked-content sequence `tag` with the property list `props`
 * ("<</MCID 3>>"; NULL: BMC, none) and ends one. Marked content and text
 * objects never overlap: a sequence that `text_only` says shows text and
 * nothing else lies inside a text object (the one open, or a new one) and
 * leaves it open; any other closes the text object first. */
void content_mark_begin(pdf_content *c, const char *tag, const char *props, bool text_only);
void content_mark_end(pdf_content *c);
/* Closes what is open; call once after the last operator of the page. */
void content_finish(pdf_content *c);

/* Appends a number rounded to `decimals` (0 to 6) places, without trailing
 * zeros or an exponent, as PDF wants it. */
void content_number(strbuf *out, double v, int decimals);

#endif
