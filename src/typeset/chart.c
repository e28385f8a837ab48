#include "chart.h"

#include <math.h>
#include <string.h>

#include "fenceyaml.h"
#include "format.h"
#include "i18n.h"
#include "inline.h"
#include "linedraw.h"
#include "strbuf.h"
#include "tags.h"
#include "yread.h"

static const int64_t UNIT = 100;        /* figures are kept in hundredths */
static const int64_t MAX_FIGURE = 1e15; /* in hundredths */
static const uint32_t GRID_COLOR = 0xD9D9D9;
static const uint32_t WHITE = 0xFFFFFF;
static const double SEPARATOR = 0.75; /* white between the segments of a stacked bar */
static const double AXIS_GAP = 4;   /* between the axis and its labels */
static const double LEGEND_GAP = 4; /* between the category names and the legend */

typedef enum { CHART_BAR, CHART_GROUPED, CHART_STACKED } chart_kind;

typedef struct {
    const char *name;
    hundredths *values;
    bool *present; /* false where the YAML says null: no bar */
} chart_series;

typedef struct {
    chart_kind kind;
    const char *title, *unit;
    bool percent, values;
    const char **categories;
    size_t ncategories;
    chart_series *series;
    size_t nseries;
    int decimals; /* the most any figure was written with (0 to 2) */
} chart;

/* ---- reading ------------------------------------------------------------ */

/* "1563", "-745", "12.5", "12,5" into hundredths; the decimals written. */
static bool parse_figure(const char *s, hundredths *out, int *decimals)
{
    bool negative = false;
    if (*s == '-' || *s == '+')
        negative = *s++ == '-';
    else if (strncmp(s, MINUS, 3) == 0)
        negative = true, s += 3;
    int64_t v = 0;
    int digits = 0, frac = -1;
    for (; *s; s++) {
        if ((*s == '.' || *s == ',') && frac < 0 && digits > 0) {
            frac = 0;
            continue;
        }
        if (*s < '0' || *s > '9' || frac >= 2 || v > MAX_FIGURE / 10)
            return false;
        v = v * 10 + (*s - '0');
        digits++;
        if (frac >= 0)
            frac++;
    }
    if (digits == 0 || frac == 0)
        return false;
    *decimals = frac < 0 ? 0 : frac;
    for (int i = *decimals; i < 2; i++)
        v *= 10;
    *out = negative ? -v : v;
    return true;
}

static bool read_figures(yread *rd, const ynode *n, const char *path, chart *c, chart_series *s)
{
    if (!yread_expect(rd, n, path, YNODE_SEQ))
        return false;
    if (n->count != c->ncategories) {
        yread_error(rd, n, path, "expected %zu figures, one per category; found %zu",
                    c->ncategories, n->count);
        return false;
    }
    s->values = ARENA_ARRAY(rd->mem, hundredths, n->count);
    s->present = ARENA_ARRAY(rd->mem, bool, n->count);
    bool ok = true;
    for (size_t i = 0; i < n->count; i++) {
        const ynode *v = n->items[i];
        int decimals = 0;
        if (yscalar_is_null(v))
            continue;
        if (v->kind != YNODE_SCALAR || !parse_figure(v->text, &s->values[i], &decimals)) {
            yread_error(rd, v, yread_index_path(rd, path, i),
                        "expected a number such as 1563 or 12.5 (at most two decimals), found %s",
                        v->kind == YNODE_SCALAR ? arena_printf(rd->mem, "\"%s\"", v->text)
                                                : ynode_kind_name(v));
            ok = false;
            continue;
        }
        if (c->kind == CHART_STACKED && s->values[i] < 0) {
            yread_error(rd, v, yread_index_path(rd, path, i),
                        "a stacked chart cannot show a negative figure");
            ok = false;
        }
        s->present[i] = true;
        if (decimals > c->decimals)
            c->decimals = decimals;
    }
    return ok;
}

static bool read_series(yread *rd, const ynode *n, chart *c)
{
    if (!yread_expect(rd, n, "chart.series", YNODE_SEQ))
        return false;
    if (n->count == 0 || (c->kind == CHART_BAR && n->count != 1)) {
        yread_error(rd, n, "chart.series",
                    c->kind == CHART_BAR ? "a bar chart has one series; found %zu (use grouped)"
                                         : _("expected at least one series, found %zu"),
                    n->count);
        return false;
    }
    static const char *const keys[] = {"name", "values", NULL};
    c->nseries = n->count;
    c->series = ARENA_ARRAY(rd->mem, chart_series, n->count);
    bool ok = true;
    for (size_t i = 0; i < n->count; i++) {
        const char *path = yread_index_path(rd, "chart.series", i);
        const ynode *s = n->items[i];
        if (!yread_map(rd, s, path, keys)) {
            ok = false;
            continue;
        }
        c->series[i].name = yread_get_text(rd, s, "name", path, c->kind != CHART_BAR);
        const ynode *v = yread_require(rd, s, "values", path);
        ok = v && read_figures(rd, v, yread_key_path(rd, path, "values"), c, &c->series[i]) && ok;
    }
    return ok;
}

static bool read_categories(yread *rd, const ynode *n, chart *c)
{
    if (!yread_expect(rd, n, "chart.categories", YNODE_SEQ))
        return false;
    if (n->count == 0) {
        yread_error(rd, n, "chart.categories", "expected at least one category");
        return false;
    }
    c->ncategories = n->count;
    c->categories = ARENA_ARRAY(rd->mem, const char *, n->count);
    bool ok = true;
    for (size_t i = 0; i < n->count; i++)
        ok = (c->categories[i] =
                  yread_text(rd, n->items[i], yread_index_path(rd, "chart.categories", i))) &&
             ok;
    return ok;
}

static bool read_flag(yread *rd, const ynode *map, const char *key, bool *out)
{
    static const char *const names[] = {"false", "true", NULL};
    const ynode *v = ymap_get(map, key);
    if (!v)
        return true;
    int i = yread_choice(rd, v, yread_key_path(rd, "chart", key), names);
    if (i >= 0)
        *out = i == 1;
    return i >= 0;
}

static bool read_chart(layout_state *ls, const ynode *root, chart *c)
{
    yread rd = {ls->mem, ls->dl};
    static const char *const keys[] = {"type",   "title",      "unit",   "percent",
                                       "values", "categories", "series", NULL};
    static const char *const kinds[] = {"bar", "grouped", "stacked", NULL};
    if (!yread_map(&rd, root, "chart", keys))
        return false;
    *c = (chart){.values = ls->st->chart.values};
    const ynode *v = yread_require(&rd, root, "type", "chart");
    int kind = v ? yread_choice(&rd, v, "chart.type", kinds) : -1;
    if (kind < 0)
        return false;
    c->kind = (chart_kind)kind;
    c->title = yread_get_text(&rd, root, "title", "chart", false);
    c->unit = yread_get_text(&rd, root, "unit", "chart", false);
    bool ok =
        read_flag(&rd, root, "percent", &c->percent) && read_flag(&rd, root, "values", &c->values);
    if (c->percent && c->kind != CHART_STACKED) {
        yread_error(&rd, ymap_get(root, "percent"), "chart.percent",
                    "only a stacked chart can split its bars 100 %%");
        ok = false;
    }
    if (!(v = yread_require(&rd, root, "categories", "chart")) || !read_categories(&rd, v, c))
        return false;
    return (v = yread_require(&rd, root, "series", "chart")) && read_series(&rd, v, c) && ok;
}

/* ---- the value axis ----------------------------------------------------- */

typedef struct {
    int64_t lo, hi, step; /* hundredths */
    int decimals;
} value_axis;

/* The smallest of 1, 2, 2.5 and 5 times a power of ten that is at least
 * `raw` and `smallest`. */
static int64_t nice_step(int64_t raw, int64_t smallest)
{
    int64_t p = 1;
    for (; p <= INT64_MAX / 100; p *= 10) {
        const int64_t steps[] = {p, 2 * p, p >= 10 ? 25 * p / 10 : 2 * p, 5 * p};
        for (size_t i = 0; i < 4; i++)
            if (steps[i] >= raw && steps[i] >= smallest)
                return steps[i];
    }
    return p;
}

static int64_t floor_to(int64_t v, int64_t step)
{
    int64_t q = v / step;
    return (v % step != 0 && v < 0 ? q - 1 : q) * step;
}

static int64_t ceil_to(int64_t v, int64_t step)
{
    int64_t q = v / step;
    return (v % step != 0 && v > 0 ? q + 1 : q) * step;
}

/* The height of the bar of category k up to series s (stacked), or its own. */
static int64_t stacked_total(const chart *c, size_t k)
{
    int64_t sum = 0;
    for (size_t s = 0; s < c->nseries; s++)
        sum += c->series[s].present[k] ? c->series[s].values[k] : 0;
    return sum;
}

static value_axis make_axis(const chart *c)
{
    if (c->percent)
        return (value_axis){0, 100 * UNIT, 25 * UNIT, 0};
    int64_t lo = 0, hi = 0;
    for (size_t k = 0; k < c->ncategories; k++) {
        if (c->kind == CHART_STACKED) {
            int64_t sum = stacked_total(c, k);
            hi = sum > hi ? sum : hi;
            continue;
        }
        for (size_t s = 0; s < c->nseries; s++) {
            int64_t v = c->series[s].present[k] ? c->series[s].values[k] : 0;
            lo = v < lo ? v : lo;
            hi = v > hi ? v : hi;
        }
    }
    if (hi == lo)
        hi = lo + UNIT;
    int64_t smallest = c->decimals == 0 ? UNIT : c->decimals == 1 ? UNIT / 10 : 1;
    int64_t step = nice_step((hi - lo + 4) / 5, smallest);
    value_axis a = {floor_to(lo, step), ceil_to(hi, step), step, 0};
    /* room above the tallest bar (and below the deepest) for its figure */
    if (c->values && a.hi - hi < step / 3)
        a.hi += step;
    if (c->values && lo < 0 && lo - a.lo < step / 3)
        a.lo -= step;
    a.decimals = step % UNIT == 0 ? 0 : step % (UNIT / 10) == 0 ? 1 : 2;
    return a;
}

static const char *figure_text(layout_state *ls, const chart *c, hundredths value, int decimals)
{
    char buf[FORMAT_BUF];
    int64_t scale = decimals == 0 ? UNIT : decimals == 1 ? UNIT / 10 : 1;
    format_fixed(buf, value / scale, decimals);
    bool percent = c->percent || (c->unit && strcmp(c->unit, "%") == 0);
    return arena_printf(ls->mem, "%s%s", buf, percent ? NBSP "%" : "");
}

/* Whole percentages of each segment of bar k that add up to 100 (largest
 * remainder). */
static void percent_shares(const chart *c, size_t k, int64_t *shares)
{
    int64_t total = stacked_total(c, k), given = 0;
    int64_t rest[c->nseries];
    for (size_t s = 0; s < c->nseries; s++) {
        int64_t v = c->series[s].present[k] ? c->series[s].values[k] : 0;
        shares[s] = total ? v * 100 / total : 0;
        rest[s] = total ? v * 100 % total : 0;
        given += shares[s];
    }
    for (int64_t left = total ? 100 - given : 0; left > 0; left--) {
        size_t best = 0;
        for (size_t s = 1; s < c->nseries; s++)
            if (rest[s] > rest[best])
                best = s;
        shares[best]++;
        rest[best] = -1;
    }
}

/* ---- drawing ------------------------------------------------------------ */

typedef struct {
    double left, right, top, bottom; /* the plot area; from the top of the page */
    value_axis axis;
    double size;
} plot;

static double y_of(const plot *p, int64_t v)
{
    return p->bottom -
           (double)(v - p->axis.lo) / (double)(p->axis.hi - p->axis.lo) * (p->bottom - p->top);
}

static double text_width(layout_state *ls, face_style face, double size, const char *s)
{
    return fonts_width(ls->fonts, face, size, s, strlen(s));
}

static void text_at(layout_state *ls, double x, double baseline, face_style face, double size,
                    uint32_t color, const char *s)
{
    emit_text(ls, x, baseline, face, size, color, s, strlen(s), text_width(ls, face, size, s));
}

static uint32_t series_color(const layout_state *ls, size_t s)
{
    const chart_look *look = &ls->st->chart;
    return look->colors[s % look->ncolors];
}

/* The relative luminance of an sRGB colour, as WCAG 2 defines it. */
static double luminance(uint32_t rgb)
{
    double sum = 0;
    static const double weight[] = {0.2126, 0.7152, 0.0722};
    for (int k = 0; k < 3; k++) {
        double c = (double)((rgb >> (16 - 8 * k)) & 0xFF) / 255;
        sum += weight[k] * (c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4));
    }
    return sum;
}

static double contrast(uint32_t a, uint32_t b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* A figure on a bar: white or the text's colour, whichever stands out more. */
static uint32_t ink_on(uint32_t fill, uint32_t text)
{
    return contrast(fill, WHITE) >= contrast(fill, text) ? WHITE : text;
}

static double axis_label_width(layout_state *ls, const chart *c, const value_axis *a, double size)
{
    double w = 0;
    for (int64_t v = a->lo; v <= a->hi; v += a->step) {
        double tw = text_width(ls, FACE_REGULAR, size, figure_text(ls, c, v, a->decimals));
        w = tw > w ? tw : w;
    }
    return w;
}

static void draw_axis(layout_state *ls, const chart *c, const plot *p)
{
    uint32_t ink = ls->st->body.color;
    int was = tag_enter(ls, TAG_ARTIFACT); /* the scale: the /Alt gives the figures */
    for (int64_t v = p->axis.lo; v <= p->axis.hi; v += p->axis.step) {
        double y = y_of(p, (double)v);
        emit_rule(ls, p->left, y, p->right - p->left, v == 0 ? 0.7 : 0.3,
                  v == 0 ? ls->st->rule_color : GRID_COLOR);
        const char *label = figure_text(ls, c, v, p->axis.decimals);
        double w = text_width(ls, FACE_REGULAR, p->size, label);
        emit_text(ls, p->left - AXIS_GAP - w, y + p->size * 0.35, FACE_REGULAR, p->size, ink, label,
                  strlen(label), w);
    }
    emit_line(ls, p->left, p->top, p->left, p->bottom, 0.5, ls->st->rule_color);
    tag_leave(ls, was);
}

/* A figure above a bar (below it when negative), smaller if the bar is narrow. */
static void figure_over_bar(layout_state *ls, const plot *p, double x, double width, double top,
                            double bottom, bool negative, const char *label)
{
    double size = p->size - 0.5;
    double w = text_width(ls, FACE_REGULAR, size, label);
    if (w > width + 4 && size * (width + 4) / w >= 5.5) {
        size *= (width + 4) / w;
        w = text_width(ls, FACE_REGULAR, size, label);
    }
    double baseline = negative ? bottom + size + 1 : top - 2;
    emit_text(ls, x + (width - w) / 2, baseline, FACE_REGULAR, size, ls->st->body.color, label,
              strlen(label), w);
}

static void draw_side_by_side(layout_state *ls, const chart *c, const plot *p)
{
    double slot = (p->right - p->left) / c->ncategories;
    double group = slot * 0.7;
    if (group > 40 * c->nseries)
        group = 40 * c->nseries;
    double bar = group / c->nseries;
    double gap = c->nseries > 1 && bar > 6 ? 1 : 0;
    for (size_t k = 0; k < c->ncategories; k++) {
        double x = p->left + k * slot + (slot - group) / 2;
        for (size_t s = 0; s < c->nseries; s++, x += bar) {
            if (!c->series[s].present[k])
                continue;
            int64_t v = c->series[s].values[k];
            double y0 = y_of(p, 0), y1 = y_of(p, (double)v);
            double top = y1 < y0 ? y1 : y0, bottom = y1 < y0 ? y0 : y1;
            emit_rect(ls, x, top, bar - gap, bottom - top, series_color(ls, s));
            if (c->values)
                figure_over_bar(ls, p, x, bar - gap, top, bottom, v < 0,
                                figure_text(ls, c, v, c->decimals));
        }
    }
}

static void draw_stacked(layout_state *ls, const chart *c, const plot *p)
{
    double slot = (p->right - p->left) / c->ncategories;
    double bar = slot * 0.55 > 56 ? 56 : slot * 0.55;
    double size = p->size - 0.5;
    int64_t shares[c->nseries];
    for (size_t k = 0; k < c->ncategories; k++) {
        double x = p->left + k * slot + (slot - bar) / 2;
        int64_t total = stacked_total(c, k), below = 0;
        percent_shares(c, k, shares);
        double outside_y = 1e9; /* the last figure set beside the bar */
        for (size_t s = 0; s < c->nseries; s++) {
            if (!c->series[s].present[k])
                continue;
            int64_t v = c->series[s].values[k];
            /* a share of the whole bar, in hundredths of a percent */
            double scale = c->percent ? (total ? 100.0 * UNIT / (double)total : 0) : 1;
            double top = y_of(p, (double)(below + v) * scale),
                   bottom = y_of(p, (double)below * scale);
            below += v;
            uint32_t fill = series_color(ls, s);
            emit_rect(ls, x, top, bar, bottom - top, fill);
            if (below != v) /* not the lowest segment: a white line parts it from the one below */
                emit_rule(ls, x, bottom, bar, SEPARATOR, WHITE);
            if (!c->values)
                continue;
            const char *label = c->percent ? figure_text(ls, c, shares[s] * UNIT, 0)
                                           : figure_text(ls, c, v, c->decimals);
            double w = text_width(ls, FACE_REGULAR, size, label);
            double middle = (top + bottom) / 2 + size * 0.35;
            if (bottom - top >= size + 2 && w <= bar - 2) {
                emit_text(ls, x + (bar - w) / 2, middle, FACE_REGULAR, size,
                          ink_on(fill, ls->st->body.color), label, strlen(label), w);
            } else {
                double y = middle < outside_y - size ? middle : outside_y - size;
                emit_text(ls, x + bar + 2, y, FACE_REGULAR, size, ls->st->body.color, label,
                          strlen(label), w);
                outside_y = y;
            }
        }
        if (c->values && !c->percent && c->nseries > 1)
            figure_over_bar(ls, p, x, bar, y_of(p, (double)total), y_of(p, 0), false,
                            figure_text(ls, c, total, c->decimals));
    }
}

/* Category names under the plot, wrapped to their slot; the height used. */
static double draw_categories(layout_state *ls, const chart *c, const plot *p, bool measure)
{
    double slot = (p->right - p->left) / c->ncategories;
    double line_height = p->size * 1.25, most = 0;
    for (size_t k = 0; k < c->ncategories; k++) {
        piece_list pl = {0};
        inline_add_text(ls, &pl, FACE_REGULAR, c->categories[k], p->size);
        line_span *lines;
        size_t n = lines_break(ls->mem, &pl, slot - 4, &lines);
        if (!measure)
            lines_draw_at(ls, &pl, lines, n, p->left + k * slot + 2, slot - 4, p->bottom + 3,
                          p->size, ls->st->body.color, ALIGN_CENTER);
        most = n * line_height > most ? n * line_height : most;
    }
    return most + 3;
}

static bool has_legend(const chart *c)
{
    return c->nseries > 1 || (c->series[0].name && c->kind != CHART_BAR);
}

/* The legend: a swatch and a name for every series, in rows; the height used. */
static double draw_legend(layout_state *ls, const chart *c, column col, double top, bool measure)
{
    if (!has_legend(c))
        return 0;
    double size = ls->st->chart.size, line_height = size * 1.6;
    double x = col.x, y = top;
    for (size_t s = 0; s < c->nseries; s++) {
        const char *name = c->series[s].name ? c->series[s].name : "";
        double w = size + 4 + text_width(ls, FACE_REGULAR, size, name);
        if (x > col.x && x + w > col.x + col.width) {
            x = col.x;
            y += line_height;
        }
        if (!measure) {
            emit_rect(ls, x, y + (line_height - size) / 2, size * 0.9, size * 0.9,
                      series_color(ls, s));
            text_at(ls, x + size + 4, y + (line_height + size) / 2 - 1, FACE_REGULAR, size,
                    ls->st->body.color, name);
        }
        x += w + 2 * size;
    }
    return y - top + line_height;
}

/* The chart said in words, from its own data, for its Figure's /Alt:
 * "Stapeldiagram: Kostnader 2023 (tkr). Individinriktade insatser 63 %, …". */
static const char *chart_alt(layout_state *ls, const chart *c)
{
    static const char *const kinds[] = {"Stapeldiagram", "Grupperat stapeldiagram",
                                        "Staplat stapeldiagram"};
    strbuf sb = {0};
    strbuf_printf(&sb, "%s", kinds[c->kind]);
    if (c->title)
        strbuf_printf(&sb, ": %s", c->title);
    bool percent = c->percent || (c->unit && strcmp(c->unit, "%") == 0);
    if (c->unit && !percent)
        strbuf_printf(&sb, " (%s)", c->unit);
    strbuf_puts(&sb, ".");
    for (size_t k = 0; k < c->ncategories; k++) {
        strbuf_printf(&sb, " %s", c->categories[k]);
        bool first = true;
        for (size_t s = 0; s < c->nseries; s++) {
            const chart_series *cs = &c->series[s];
            if (!cs->present[k])
                continue;
            const char *name = c->nseries > 1 && cs->name ? cs->name : NULL;
            strbuf_printf(&sb, "%s%s%s %s", first ? "" : ",", name ? " " : "", name ? name : "",
                          figure_text(ls, c, cs->values[k], c->decimals));
            first = false;
        }
        strbuf_puts(&sb, k + 1 < c->ncategories ? ";" : ".");
    }
    const char *alt = arena_strdup(ls->mem, sb.data ? sb.data : "");
    strbuf_free(&sb);
    return alt;
}

static void draw_chart(layout_state *ls, const chart *c, column col)
{
    int fig = tag_open(ls, TAG_FIGURE);
    tag_get(ls, fig)->alt = chart_alt(ls, c);
    const chart_look *look = &ls->st->chart;
    double size = look->size, title_size = ls->st->body.size;
    plot p = {.axis = make_axis(c), .size = size};
    p.left = col.x + axis_label_width(ls, c, &p.axis, size) + AXIS_GAP;
    p.right = col.x + col.width;
    bool unit_line = c->unit && strcmp(c->unit, "%") != 0;
    double head = (c->title ? title_size * 1.5 : 0) + (unit_line ? size * 1.5 : 0) + size / 2;
    p.top = 0;
    p.bottom = look->height;
    double below = draw_categories(ls, c, &p, true);
    double legend = draw_legend(ls, c, col, 0, true);
    page_add_space(ls, ls->st->body.space_after);
    page_need(ls, head + look->height + below + LEGEND_GAP + legend);

    double y = ls->y;
    if (c->title) {
        text_at(ls, col.x, y + title_size, FACE_BOLD, title_size, ls->st->body.color, c->title);
        y += title_size * 1.5;
    }
    if (unit_line) {
        text_at(ls, col.x, y + size, FACE_REGULAR, size, ls->st->body.color, c->unit);
        y += size * 1.5;
    }
    p.top = y + size / 2;
    p.bottom = p.top + look->height;
    draw_axis(ls, c, &p);
    if (c->kind == CHART_STACKED)
        draw_stacked(ls, c, &p);
    else
        draw_side_by_side(ls, c, &p);
    draw_categories(ls, c, &p, false);
    draw_legend(ls, c, col, p.bottom + below + LEGEND_GAP, false);
    ls->y = p.bottom + below + LEGEND_GAP + legend + ls->st->body.space_after;
    tag_close(ls, fig);
}

static bool category_has_figures(const chart *c, size_t k)
{
    for (size_t s = 0; s < c->nseries; s++)
        if (c->series[s].present[k])
            return true;
    return false;
}

/* A category without a figure in any series (every one ~) is an empty
 * place in the chart, and its Figure's /Alt can only name it: a warning
 * at the category, or at the chart when none has figures. */
static void warn_missing_data(layout_state *ls, const ynode *root, const chart *c)
{
    const ynode *cats = ymap_get(root, "categories");
    size_t missing = 0;
    for (size_t k = 0; k < c->ncategories; k++)
        missing += !category_has_figures(c, k);
    if (missing == c->ncategories) {
        diag_add(ls->dl, DIAG_WARNING, root->file, root->line, root->col, "chart",
                 "no figure in any series (all ~): the chart shows nothing and its alternative "
                 "text has no data to say");
        return;
    }
    for (size_t k = 0; k < c->ncategories && missing; k++) {
        if (category_has_figures(c, k))
            continue;
        const ynode *at = cats->items[k];
        diag_add(ls->dl, DIAG_WARNING, at->file, at->line, at->col,
                 arena_printf(ls->mem, "chart.categories[%zu]", k),
                 "\"%s\" has no figure in any series (all ~): its place in the chart is empty "
                 "and the chart's alternative text can only name it; give its figures or leave "
                 "it out",
                 c->categories[k]);
    }
}

void chart_layout(layout_state *ls, cmark_node *node, column col)
{
    const ynode *root = fenced_yaml(ls, node);
    chart c;
    if (!root || !read_chart(ls, root, &c))
        return;
    warn_missing_data(ls, root, &c);
    draw_chart(ls, &c, col);
}
