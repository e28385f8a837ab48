#include "outline.h"

#include <string.h>

#include "strmap.h"

enum { MAX_DEPTH = 8 };

typedef struct {
    arena *mem;
    outline_text_fn *text_of;
    void *ctx;
    diag_list *dl;
    int level; /* of the last heading, 0 before the first */
    bool ok;
    strmap texts; /* name -> its template_text: each asked for once */
} outline;

typedef struct {
    const char *file, *text; /* NULL when there is no such template */
} template_text;

/* The text of template `name`, asked for on the first use of the name. */
static const template_text *read_template(outline *o, const char *name)
{
    template_text *t = strmap_get(&o->texts, name);
    if (t)
        return t;
    t = ARENA_NEW(o->mem, template_text);
    t->text = o->text_of(o->ctx, name, &t->file);
    strmap_put(&o->texts, arena_strdup(o->mem, name), t);
    return t;
}

/* The level of an ATX heading at `line`, 0 for none. */
static int heading_level(const char *line)
{
    int spaces = 0, n = 0;
    while (line[spaces] == ' ' && spaces < 3)
        spaces++;
    while (line[spaces + n] == '#')
        n++;
    char after = line[spaces + n];
    return n >= 1 && n <= 6 && (after == ' ' || after == '\t' || after == '\n' || !after) ? n : 0;
}

/* The name of a partial tag {{> name}} on the line, into `out`. */
static bool partial_name(const char *line, char *out, size_t room)
{
    const char *p = strstr(line, "{{>");
    if (!p)
        return false;
    p += 3;
    while (*p == ' ')
        p++;
    size_t n = 0;
    while (p[n] && p[n] != '}' && p[n] != ' ' && n + 1 < room)
        n++;
    memcpy(out, p, n);
    out[n] = '\0';
    return n > 0;
}

static bool fence_line(const char *line)
{
    while (*line == ' ')
        line++;
    return strncmp(line, "```", 3) == 0 || strncmp(line, "~~~", 3) == 0;
}

static void check_file(outline *o, const char *name, int depth);

static void check_line(outline *o, const char *path, int number, const char *line, int depth)
{
    char partial[128];
    int level = heading_level(line);
    if (level) {
        if (level > o->level + 1) {
            diag_add(o->dl, DIAG_WARNING, arena_strdup(o->dl->mem, path), number, 1, NULL,
                     "a heading of level %d follows one of level %d: level %d is skipped, which "
                     "leaves a hole in the outline readers follow (PDF/UA); make it level %d",
                     level, o->level, o->level + 1, o->level + 1);
            o->ok = false;
        }
        o->level = level;
    } else if (partial_name(line, partial, sizeof partial) && depth < MAX_DEPTH) {
        check_file(o, partial, depth + 1);
    }
}

static void check_file(outline *o, const char *name, int depth)
{
    const template_text *t = read_template(o, name);
    if (!t->text)
        return;
    const char *path = t->file;
    bool fenced = false;
    int number = 1;
    for (char *line = arena_strdup(o->mem, t->text); line && *line; number++) {
        char *end = strchr(line, '\n');
        if (end)
            *end = '\0';
        if (fence_line(line))
            fenced = !fenced;
        else if (!fenced)
            check_line(o, path, number, line, depth);
        line = end ? end + 1 : NULL;
    }
}

bool outline_check_template(arena *mem, outline_text_fn *text_of, void *ctx, const char *name,
                            diag_list *dl)
{
    outline o = {.mem = mem, .text_of = text_of, .ctx = ctx, .dl = dl, .ok = true};
    strmap_init(&o.texts, mem);
    check_file(&o, name, 0);
    return o.ok;
}
