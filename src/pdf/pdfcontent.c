#include "pdfcontent.h"

#include <math.h>

void content_init(pdf_content *c, strbuf *out)
{
    *c = (pdf_content){.out = out, .font = -1, .line_width = 1.0, .scale = 1.0};
}

/* v to the nearest whole number, halves away from zero, as llround rounds
 * it (|v| < 2^62), without a call: v less its whole part is exact. */
static long long round_half_away(double v)
{
    long long n = (long long)v;
    double rest = v - (double)n;
    return n + (rest >= 0.5) - (rest <= -0.5);
}

void content_number(strbuf *out, double v, int decimals)
{
    static const long long scale[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
    decimals = decimals < 0 ? 0 : decimals > 6 ? 6 : decimals;
    long long n = isfinite(v) && fabs(v) < 1e12 ? round_half_away(v * (double)scale[decimals]) : 0;
    bool negative = n < 0;
    unsigned long long u = negative ? -(unsigned long long)n : (unsigned long long)n;
    /* Digits from the right: the decimals without trailing zeros, then the
     * whole part. */
    char buf[32];
    size_t at = sizeof buf;
    int places = decimals;
    while (places > 0 && u % 10 == 0) {
        u /= 10;
        places--;
    }
    for (int i = 0; i < places; i++, u /= 10)
        buf[--at] = (char)('0' + u % 10);
    if (places > 0)
        buf[--at] = '.';
    do {
        buf[--at] = (char)('0' + u % 10);
        u /= 10;
    } while (u > 0);
    if (negative)
        buf[--at] = '-';
    strbuf_append(out, buf + at, sizeof buf - at);
}

static void put_num(pdf_content *c, double v)
{
    content_number(c->out, v, 3);
    strbuf_putc(c->out, ' ');
}

static void put_color(pdf_content *c, uint32_t rgb, const char *op)
{
    /* four decimals, so that every 8-bit value comes back as itself */
    for (int shift = 16; shift >= 0; shift -= 8) {
        content_number(c->out, ((rgb >> shift) & 0xFF) / 255.0, 4);
        strbuf_putc(c->out, ' ');
    }
    strbuf_puts(c->out, op);
    strbuf_putc(c->out, '\n');
}

static void set_fill(pdf_content *c, uint32_t rgb)
{
    if (c->fill_set && c->fill == rgb)
        return;
    put_color(c, rgb, "rg");
    c->fill_set = true;
    c->fill = rgb;
}

static void set_stroke(pdf_content *c, uint32_t rgb, double width)
{
    if (!c->stroke_set || c->stroke != rgb) {
        put_color(c, rgb, "RG");
        c->stroke_set = true;
        c->stroke = rgb;
    }
    if (width != c->line_width) {
        put_num(c, width);
        strbuf_puts(c->out, "w\n");
        c->line_width = width;
    }
}

static void end_show(pdf_content *c)
{
    if (c->in_show)
        strbuf_puts(c->out, "]TJ\n");
    c->in_show = false;
}

static void end_text(pdf_content *c)
{
    end_show(c);
    if (c->in_text)
        strbuf_puts(c->out, "ET\n");
    c->in_text = false;
}

/* A byte of a literal string: parentheses, backslashes and line ends
 * escaped. */
static inline char *put_string_byte(char *p, unsigned char b)
{
    if (b > ')' && b != '\\') {
        *p = (char)b;
        return p + 1;
    }
    if (b == '(' || b == ')' || b == '\\')
        *p++ = '\\';
    if (b == '\n' || b == '\r') {
        *p++ = '\\';
        *p++ = b == '\n' ? 'n' : 'r';
    } else {
        *p++ = (char)b;
    }
    return p;
}

/* A literal string of codes of one or two bytes. A string right after
 * another one in a TJ array joins it. */
static void put_codes(pdf_content *c, const uint16_t *codes, size_t n)
{
    if (c->string_last)
        c->out->len--; /* the ')' */
    else
        strbuf_putc(c->out, '(');
    char *start = strbuf_room(c->out, 4 * n + 1), *p = start; /* 2 bytes, each escaped */
    for (size_t i = 0; i < n; i++) {
        if (c->code_bytes != 1)
            p = put_string_byte(p, (unsigned char)(codes[i] >> 8));
        p = put_string_byte(p, (unsigned char)codes[i]);
    }
    *p++ = ')';
    strbuf_commit(c->out, (size_t)(p - start));
    c->string_last = true;
}

static void put_adjustment(pdf_content *c, double adjust)
{
    content_number(c->out, adjust, 3);
    c->string_last = false;
}

/* The items of a TJ array: strings, cut where an adjustment follows. */
static void put_items(pdf_content *c, const uint16_t *codes, const double *adjust, size_t n)
{
    size_t start = 0;
    for (size_t i = 0; i < n; i++) {
        if (i + 1 < n && adjust[i] == 0)
            continue;
        put_codes(c, codes + start, i + 1 - start);
        if (i + 1 < n)
            put_adjustment(c, adjust[i]);
        start = i + 1;
    }
}

static void begin_text(pdf_content *c)
{
    if (!c->in_text) {
        strbuf_puts(c->out, "BT\n");
        c->in_text = true;
        c->line_x = c->line_y = 0;
    }
}

void content_text(pdf_content *c, const content_font *font, double size, uint32_t rgb, double x,
                  double y, const uint16_t *codes, const double *adjust, size_t n)
{
    end_show(c);
    begin_text(c);
    if (font->resource != c->font || size != c->size) {
        strbuf_puts(c->out, "/F");
        strbuf_put_uint(c->out, (uint64_t)font->resource);
        strbuf_putc(c->out, ' ');
        put_num(c, size);
        strbuf_puts(c->out, "Tf\n");
        c->font = font->resource;
        c->size = size;
    }
    set_fill(c, rgb);
    /* Td moves from the start of the previous line: whole thousandths of a
     * point, so that rounding never adds up along a page. */
    long long tx = round_half_away(x * 1000), ty = round_half_away(y * 1000);
    put_num(c, (double)(tx - c->line_x) / 1000);
    put_num(c, (double)(ty - c->line_y) / 1000);
    strbuf_puts(c->out, "Td\n[");
    c->string_last = false;
    c->line_x = tx;
    c->line_y = ty;
    c->in_show = true;
    c->code_bytes = font->code_bytes;
    put_items(c, codes, adjust, n);
}

bool content_text_more(pdf_content *c, double shift, const uint16_t *codes, const double *adjust,
                       size_t n)
{
    if (!c->in_show)
        return false;
    if (shift != 0)
        put_adjustment(c, shift);
    put_items(c, codes, adjust, n);
    return true;
}

void content_scale(pdf_content *c, double scale)
{
    /* Tz is written with three decimals of a percent */
    if (round_half_away(scale * 1e5) == round_half_away(c->scale * 1e5))
        return;
    end_show(c);
    content_number(c->out, scale * 100, 3);
    strbuf_puts(c->out, " Tz\n");
    c->scale = scale;
}

void content_line(pdf_content *c, double x1, double y1, double x2, double y2, double width,
                  uint32_t rgb)
{
    end_text(c);
    set_stroke(c, rgb, width);
    put_num(c, x1);
    put_num(c, y1);
    strbuf_puts(c->out, "m ");
    put_num(c, x2);
    put_num(c, y2);
    strbuf_puts(c->out, "l S\n");
}

void content_rect(pdf_content *c, double x, double y, double width, double height, uint32_t rgb)
{
    end_text(c);
    set_fill(c, rgb);
    put_num(c, x);
    put_num(c, y);
    put_num(c, width);
    put_num(c, height);
    strbuf_puts(c->out, "re f\n");
}

void content_finish(pdf_content *c)
{
    end_text(c);
}

void content_mark_begin(pdf_content *c, const char *tag, const char *props, bool text_only)
{
    c->mark_in_text = text_only;
    if (text_only) {
        end_show(c);
        begin_text(c);
    } else {
        end_text(c);
    }
    strbuf_putc(c->out, '/');
    strbuf_puts(c->out, tag);
    if (props) {
        strbuf_puts(c->out, props);
        strbuf_puts(c->out, " BDC\n");
    } else
        strbuf_puts(c->out, " BMC\n");
}

void content_mark_end(pdf_content *c)
{
    if (c->mark_in_text)
        end_show(c);
    else
        end_text(c);
    strbuf_puts(c->out, "EMC\n");
    c->mark_in_text = false;
}
