#include "load_plan.h"

#include <stdlib.h>
#include <string.h>

#include "datatext.h"
#include "load_association.h"
#include "load_budget.h"
#include "loader.h"
#include "section_text.h"
#include "textfigure.h"
#include "textpos.h"

static const char **text_list(yread *ld, const ynode *map, const char *key, const char *path,
                              size_t *count)
{
    const ynode *v = ymap_get(map, key);
    *count = 0;
    return v ? yread_text_list(ld, v, yread_key_path(ld, path, key), count) : NULL;
}

static void load_target(yread *ld, const ynode *n, const char *path, target *t)
{
    t->pos = yread_pos(n);
    t->text = yread_get_text(ld, n, "text", path, true);
    t->id = yread_get_text(ld, n, "id", path, false);
    t->group = yread_get_text(ld, n, "group", path, false);
    t->unit = yread_get_text(ld, n, "unit", path, false);
    t->percent = t->unit && strcmp(t->unit, "%") == 0;
    const ynode *cmp = ymap_get(n, "comparator"), *value = ymap_get(n, "value");
    if (cmp) {
        int c = yread_choice(ld, cmp, yread_key_path(ld, path, "comparator"), NAMES_COMPARATOR);
        t->cmp = c < 0 ? CMP_NONE : (comparator)(c + 1);
    }
    if (value) {
        const char *vp = yread_key_path(ld, path, "value");
        if (t->percent)
            yread_percent(ld, value, vp, &t->value);
        else
            yread_hundredths(ld, value, vp, 0, INT64_MAX / 2, &t->value);
    }
    if ((cmp != NULL) != (value != NULL))
        yread_error(ld, n, path,
                    "a measurable target needs both \"comparator\" and \"value\"; "
                    "found only \"%s\"",
                    cmp ? "comparator" : "value");
}

/* The measurable targets under `key` "targets" of an intervention, a goal
 * area or the plan; ids are unique within the list. */
static target *load_targets(yread *ld, const ynode *owner, const char *path, size_t *count)
{
    size_t n = load_list_length(owner, "targets");
    target *targets = ARENA_ARRAY(ld->mem, target, n + 1);
    const char **ids = ARENA_ARRAY(ld->mem, const char *, n + 1);
    const char *list_path;
    const ynode *list = load_list(ld, owner, "targets", path, &list_path);
    *count = 0;
    for (size_t j = 0; list && j < list->count; j++) {
        const ynode *t = list->items[j];
        const char *tp = yread_index_path(ld, list_path, j);
        if (!yread_map(ld, t, tp, KEYS_TARGET))
            continue;
        load_target(ld, t, tp, &targets[*count]);
        load_unique_id(ld, t, tp, "the target", ids, *count, targets[*count].id);
        ids[*count] = targets[*count].id;
        (*count)++;
    }
    return targets;
}

static void load_goal_areas(yread *ld, const ynode *n, const char *path, plan *pl)
{
    pl->goal_areas = ARENA_ARRAY(ld->mem, goal_area, load_list_length(n, "goal_areas") + 1);
    const char **ids = ARENA_ARRAY(ld->mem, const char *, load_list_length(n, "goal_areas") + 1);
    const char *goal_areas_path;
    const ynode *goal_areas_list = load_list(ld, n, "goal_areas", path, &goal_areas_path);
    for (size_t i = 0; goal_areas_list && i < goal_areas_list->count; i++) {
        const ynode *item = goal_areas_list->items[i];
        const char *ip = yread_index_path(ld, goal_areas_path, i);
        if (!yread_map(ld, item, ip, KEYS_GOAL_AREA))
            continue;
        goal_area *g = &pl->goal_areas[pl->ngoal_areas];
        g->pos = yread_pos(item);
        g->id = yread_get_text(ld, item, "id", ip, true);
        load_unique_id(ld, item, ip, "the goal area", ids, pl->ngoal_areas, g->id);
        ids[pl->ngoal_areas++] = g->id;
        g->title = yread_get_text(ld, item, "title", ip, true);
        g->description = yread_get_text(ld, item, "description", ip, false);
        g->goals = text_list(ld, item, "goals", ip, &g->ngoals);
        g->activities = text_list(ld, item, "activities", ip, &g->nactivities);
        g->targets = load_targets(ld, item, ip, &g->ntargets);
    }
}

static const char *const *goal_area_ids(arena *mem, const plan *pl)
{
    const char **ids = ARENA_ARRAY(mem, const char *, pl->ngoal_areas + 1);
    for (size_t i = 0; i < pl->ngoal_areas; i++)
        ids[i] = pl->goal_areas[i].id;
    return ids;
}

static const char *const *intervention_ids(arena *mem, const plan *pl)
{
    const char **ids = ARENA_ARRAY(mem, const char *, pl->ninterventions + 1);
    for (size_t i = 0; i < pl->ninterventions; i++)
        ids[i] = pl->interventions[i].id;
    return ids;
}

/* The end of a period: a date as precise as known; a text that is none
 * gets told of "open" too. */
static bool period_end(yread *ld, const ynode *to, const char *path, date *out)
{
    bool digits = to->kind == YNODE_SCALAR && to->len > 0 && to->text[0] >= '0' && to->text[0] <= '9';
    if (!digits && to->kind == YNODE_SCALAR) {
        yread_error(ld, to, path,
                    "expected a year, year and month or date (2025, 2025-10, 2025-10-31) or open "
                    "(until further notice), found \"%s\"",
                    to->text);
        return false;
    }
    return yread_period_date(ld, to, path, out);
}

static void load_period(yread *ld, const ynode *n, const char *path, intervention *iv)
{
    if (!yread_map(ld, n, path, KEYS_PERIOD))
        return;
    const ynode *from = ymap_get(n, "from"), *to = ymap_get(n, "to");
    /* "to: open": until further notice (tills vidare) */
    iv->open_ended = to && to->kind == YNODE_SCALAR && to->len == 4 && !strncmp(to->text, "open", 4);
    bool ok = from && yread_period_date(ld, from, yread_key_path(ld, path, "from"), &iv->from);
    ok = to && !iv->open_ended && period_end(ld, to, yread_key_path(ld, path, "to"), &iv->to) && ok;
    if (ok && (iv->to.year * 10000 + iv->to.month * 100 + iv->to.day <
               iv->from.year * 10000 + iv->from.month * 100 + iv->from.day))
        yread_error(ld, to, yread_key_path(ld, path, "to"), "the period ends (%s) before it starts",
                    to->text);
}

/* The parts of an intervention's budget by financier: [{by, amount}]. */
static void load_financing(yread *ld, const ynode *n, const char *path, intervention *iv)
{
    const char *lp;
    const ynode *list = load_list(ld, n, "financing", path, &lp);
    iv->financing = ARENA_ARRAY(ld->mem, co_financing, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && i < list->count; i++) {
        const ynode *item = list->items[i];
        const char *ip = yread_index_path(ld, lp, i);
        if (!yread_map(ld, item, ip, KEYS_FINANCING))
            continue;
        co_financing *cf = &iv->financing[iv->nfinancing++];
        cf->pos = yread_pos(item);
        cf->by = yread_get_text(ld, item, "by", ip, true);
        const ynode *v = yread_require(ld, item, "amount", ip);
        if (v)
            yread_figure(ld, v, yread_key_path(ld, ip, "amount"), false, &cf->amount);
    }
}

/* "facts: [owner, period]": what prints after the description, when the
 * text does not say it already; by default every fact given. */
static unsigned load_facts(yread *ld, const ynode *v, const char *path)
{
    unsigned facts = 0;
    for (size_t i = 0; i < yread_one_or_list_count(v); i++) {
        const char *ip;
        const ynode *item = yread_one_or_list_item(ld, v, path, i, &ip);
        int k = yread_choice(ld, item, ip, NAMES_FACT);
        if (k >= 0)
            facts |= 1u << k;
    }
    return facts;
}

static void load_intervention_money(yread *ld, const ynode *item, const char *ip,
                                    const plan *pl, intervention *iv)
{
    iv->unit = (money_unit)load_enum(ld, item, "unit", ip, NAMES_UNIT, false,
                                     pl->budget.present ? pl->budget.unit : UNIT_TKR);
    const ynode *v;
    if ((v = ymap_get(item, "total_budget")))
        yread_figure(ld, v, yread_key_path(ld, ip, "total_budget"), false, &iv->total_budget);
    load_financing(ld, item, ip, iv);
    iv->facts = FACT_ALL;
    if ((v = ymap_get(item, "facts"))) /* [] prints none */
        iv->facts = load_facts(ld, v, yread_key_path(ld, ip, "facts"));
}

static void load_interventions(yread *ld, const ynode *n, const char *path, plan *pl)
{
    size_t count = load_list_length(n, "interventions");
    pl->interventions = ARENA_ARRAY(ld->mem, intervention, count + 1);
    const char **ids = ARENA_ARRAY(ld->mem, const char *, count + 1);
    const char *const *areas = goal_area_ids(ld->mem, pl);
    const char *interventions_path;
    const ynode *interventions_list = load_list(ld, n, "interventions", path, &interventions_path);
    for (size_t i = 0; interventions_list && i < interventions_list->count; i++) {
        const ynode *item = interventions_list->items[i];
        const char *ip = yread_index_path(ld, interventions_path, i);
        if (!yread_map(ld, item, ip, KEYS_INTERVENTION))
            continue;
        intervention *iv = &pl->interventions[pl->ninterventions];
        iv->pos = yread_pos(item);
        iv->id = yread_get_text(ld, item, "id", ip, true);
        load_unique_id(ld, item, ip, "the intervention", ids, pl->ninterventions, iv->id);
        ids[pl->ninterventions++] = iv->id;
        iv->name = yread_get_text(ld, item, "name", ip, true);
        iv->owner = yread_get_text(ld, item, "owner", ip, false);
        iv->description = yread_get_text(ld, item, "description", ip, false);
        if (iv->description)
            iv->description_origin = textpos_origin(ymap_get(item, "description"));
        iv->goal_area = iv->budget_row = -1;
        const ynode *v;
        if ((v = ymap_get(item, "goal_area")))
            iv->goal_area = load_lookup(ld, v, yread_key_path(ld, ip, "goal_area"), "goal area",
                                        areas, pl->ngoal_areas);
        if ((v = ymap_get(item, "period")))
            load_period(ld, v, yread_key_path(ld, ip, "period"), iv);
        iv->targets = load_targets(ld, item, ip, &iv->ntargets);
    }
}

/* The money of each intervention is read after the budget, whose unit it
 * takes by default. */
static void load_interventions_money(yread *ld, const ynode *n, const char *path, plan *pl)
{
    const ynode *list = ymap_get(n, "interventions");
    if (!list || list->kind != YNODE_SEQ || list->count != pl->ninterventions)
        return; /* an item that is not a mapping was reported already */
    const char *lp = yread_key_path(ld, path, "interventions");
    for (size_t i = 0; i < pl->ninterventions; i++)
        load_intervention_money(ld, list->items[i], yread_index_path(ld, lp, i), pl,
                                &pl->interventions[i]);
}

/* Budget rows are known only after the budget: a second pass over the
 * interventions resolves their "budget_row" labels. */
static void link_budget_rows(yread *ld, const ynode *n, const char *path, plan *pl)
{
    const ynode *list = ymap_get(n, "interventions");
    if (pl->budget.rows_unread)
        return; /* the rows' file was reported: every label would be unknown */
    const char **labels = ARENA_ARRAY(ld->mem, const char *, pl->budget.ncosts + 1);
    for (size_t i = 0; i < pl->budget.ncosts; i++)
        labels[i] = pl->budget.costs[i].label;
    if (!list || list->kind != YNODE_SEQ || list->count != pl->ninterventions)
        return; /* an item that is not a mapping was reported already */
    for (size_t i = 0; i < pl->ninterventions; i++) {
        const ynode *v = ymap_get(list->items[i], "budget_row");
        if (v)
            pl->interventions[i].budget_row = load_lookup(
                ld, v,
                yread_key_path(ld,
                               yread_index_path(ld, yread_key_path(ld, path, "interventions"), i),
                               "budget_row"),
                "cost row in the budget labelled", labels, pl->budget.ncosts);
    }
}

/* "goal_areas.strukturella", "interventions.stegen.targets", "budget", … */
static bool parse_part(yread *ld, const ynode *n, const char *path, const plan *pl, part_ref *ref)
{
    static const char *const kinds[] = {"goal_areas", "interventions",   "allocation", "budget",
                                        "financial_rules", "vision", "targets", NULL};
    const char *text = yread_text(ld, n, path);
    if (!text)
        return false;
    ref->pos = yread_pos(n);
    const char *dot = strchr(text, '.');
    char *kind = arena_strndup(ld->mem, text, dot ? (size_t)(dot - text) : strlen(text));
    ynode probe = *n;
    probe.text = kind;
    probe.len = strlen(kind);
    int k = yread_choice(ld, &probe, path, kinds);
    if (k < 0)
        return false;
    if (!dot) {
        static const part_kind whole[] = {PART_GOAL_AREAS,      PART_INTERVENTIONS,
                                          PART_ALLOCATION,      PART_BUDGET,
                                          PART_FINANCIAL_RULES, PART_VISION,
                                          PART_PLAN_TARGETS};
        ref->kind = whole[k];
        bool present = (ref->kind != PART_ALLOCATION || pl->allocation.present) &&
                       (ref->kind != PART_BUDGET || pl->budget.present) &&
                       (ref->kind != PART_FINANCIAL_RULES || pl->nrules > 0) &&
                       (ref->kind != PART_VISION || (pl->assoc && pl->assoc->vision)) &&
                       (ref->kind != PART_PLAN_TARGETS || pl->ntargets > 0);
        if (!present)
            yread_error(ld, n, path, "the plan has no %s to show", kind);
        return present;
    }
    if (k > 1) {
        yread_error(ld, n, path, "\"%s\" names no parts: expected \"%s\" alone", text, kind);
        return false;
    }
    const char *id = dot + 1, *rest = strchr(id, '.');
    char *id_text = arena_strndup(ld->mem, id, rest ? (size_t)(rest - id) : strlen(id));
    probe.text = id_text;
    probe.len = strlen(id_text);
    int index = k == 0 ? load_lookup(ld, &probe, path, "goal area", goal_area_ids(ld->mem, pl),
                                     pl->ngoal_areas)
                       : load_lookup(ld, &probe, path, "intervention",
                                     intervention_ids(ld->mem, pl), pl->ninterventions);
    if (index < 0)
        return false;
    ref->index = (size_t)index;
    ref->kind = k == 0 ? PART_GOAL_AREA : PART_INTERVENTION;
    if (rest && strcmp(rest, ".targets") == 0)
        ref->kind = k == 0 ? PART_GOAL_AREA_TARGETS : PART_TARGETS;
    else if (rest) {
        yread_error(ld, n, path, "unexpected \"%s\" after \"%s.%s\"; did you mean \"targets\"?",
                    rest + 1, kind, id_text);
        return false;
    }
    return true;
}

static void mark_shown(plan *pl, const part_ref *ref)
{
    switch (ref->kind) {
    case PART_GOAL_AREAS:
        for (size_t i = 0; i < pl->ngoal_areas; i++)
            pl->goal_area_shown[i] = true;
        break;
    case PART_INTERVENTIONS:
        for (size_t i = 0; i < pl->ninterventions; i++)
            pl->intervention_shown[i] = true;
        break;
    case PART_GOAL_AREA:
    case PART_GOAL_AREA_TARGETS: pl->goal_area_shown[ref->index] = true; break;
    case PART_INTERVENTION:
    case PART_TARGETS: pl->intervention_shown[ref->index] = true; break;
    case PART_ALLOCATION: pl->allocation_shown = true; break;
    case PART_BUDGET: pl->budget_shown = true; break;
    case PART_FINANCIAL_RULES: pl->rules_shown = true; break;
    case PART_VISION: pl->vision_shown = true; break;
    case PART_PLAN_TARGETS: pl->targets_shown = true; break;
    }
}

/* The section's text split at its ```part blocks, each part resolved as a
 * `show` entry is; then the parts of `show`. */
static void load_pieces(yread *ld, const ynode *body, const char *path, plan *pl,
                        plan_section *sec)
{
    section_text_piece *split;
    size_t nsplit = section_text_split(ld->mem, sec->body, &split);
    sec->pieces = ARENA_ARRAY(ld->mem, section_piece, 2 * nsplit + sec->nshows + 1);
    for (size_t i = 0; i < nsplit; i++) {
        if (split[i].text[0])
            sec->pieces[sec->npieces++] =
                (section_piece){.text = split[i].text, .offset = split[i].offset};
        if (!split[i].ref)
            continue;
        ynode at = *body;
        text_origin o = textpos_origin(body);
        source_pos pos = textpos_at(&o, sec->body, split[i].ref_at);
        at.line = pos.line;
        at.col = pos.col;
        at.kind = YNODE_SCALAR;
        at.text = split[i].ref;
        at.len = strlen(split[i].ref);
        if (split[i].unclosed)
            yread_error(ld, &at, path,
                        "the ```part %s block is not closed: put ``` on the line after it",
                        split[i].ref);
        part_ref ref;
        if (parse_part(ld, &at, path, pl, &ref)) {
            mark_shown(pl, &ref);
            sec->pieces[sec->npieces++].part = ref;
        }
    }
    for (size_t k = 0; k < sec->nshows; k++)
        sec->pieces[sec->npieces++].part = sec->shows[k];
}

/* The footnotes the sections' texts define, so that a label defined twice
 * is an error naming both places: the Markdown of the whole plan is one,
 * and one definition would win without a word. */
typedef struct {
    yread *ld;
    const ynode *body;
    const char *path;
    struct note_place {
        const char *label;
        size_t len;
        const char *path;
        source_pos pos;
    } *notes;
    size_t count, cap;
} note_index;

static void note_defined(void *ctx, const char *label, size_t len, int line)
{
    (void)line;
    note_index *ix = ctx;
    text_origin o = textpos_origin(ix->body);
    /* the label stands in the body's text, after "[^" */
    source_pos pos = textpos_at(&o, ix->body->text, (size_t)(label - 2 - ix->body->text));
    for (size_t i = 0; i < ix->count; i++) {
        const struct note_place *np = &ix->notes[i];
        if (np->len == len && strncmp(np->label, label, len) == 0) {
            yread_error_at(ix->ld, pos, ix->path,
                           "footnote [^%.*s] is defined already, at line %d (%s): give each "
                           "note a label of its own",
                           (int)len, label, np->pos.line, np->path);
            return;
        }
    }
    *ARENA_PUSH(ix->ld->mem, ix->notes, ix->count, ix->cap) =
        (struct note_place){label, len, ix->path, pos};
}

/* "number: 3.2" as printed, or "number: false" for a heading a numbered
 * plan leaves without one. */
static void load_section_number(yread *ld, const ynode *v, const char *path, plan_section *sec)
{
    if (!sec->heading) {
        yread_error(ld, v, path, "a section without a heading has no heading to number");
        return;
    }
    if (v->kind == YNODE_SCALAR && v->len == 5 && strncmp(v->text, "false", 5) == 0) {
        sec->unnumbered = true;
        return;
    }
    sec->number = yread_text(ld, v, path);
}

static void load_sections(yread *ld, const ynode *n, const char *path, plan *pl)
{
    note_index notes = {.ld = ld};
    pl->sections = ARENA_ARRAY(ld->mem, plan_section, load_list_length(n, "sections") + 1);
    pl->goal_area_shown = ARENA_ARRAY(ld->mem, bool, pl->ngoal_areas + 1);
    pl->intervention_shown = ARENA_ARRAY(ld->mem, bool, pl->ninterventions + 1);
    const char *sections_path;
    const ynode *sections_list = load_list(ld, n, "sections", path, &sections_path);
    for (size_t i = 0; sections_list && i < sections_list->count; i++) {
        const ynode *s = sections_list->items[i];
        const char *sp = yread_index_path(ld, sections_path, i);
        if (!yread_map(ld, s, sp, KEYS_SECTION))
            continue;
        plan_section *sec = &pl->sections[pl->nsections++];
        sec->pos = yread_pos(s);
        sec->level = 1;
        /* without a heading, a section only places parts (a placement) */
        bool placement = ymap_get(s, "show") && !ymap_get(s, "body");
        sec->heading = yread_get_text(ld, s, "heading", sp, !placement);
        if (sec->heading)
            sec->heading_origin = textpos_origin(ymap_get(s, "heading"));
        sec->body = yread_get_text(ld, s, "body", sp, false);
        if (sec->body) {
            notes.body = ymap_get(s, "body");
            notes.path = yread_key_path(ld, sp, "body");
            datatext_each_footnote(sec->body, note_defined, &notes);
        }
        const ynode *v;
        if ((v = ymap_get(s, "number")))
            load_section_number(ld, v, yread_key_path(ld, sp, "number"), sec);
        int64_t lv;
        if ((v = ymap_get(s, "level")) &&
            yread_integer(ld, v, yread_key_path(ld, sp, "level"), 1, 3, &lv))
            sec->level = (int)lv;
        if ((v = ymap_get(s, "show"))) {
            const char *shp = yread_key_path(ld, sp, "show");
            size_t count = yread_one_or_list_count(v);
            sec->shows = ARENA_ARRAY(ld->mem, part_ref, count);
            for (size_t j = 0; j < count; j++) {
                const char *ipath;
                const ynode *item = yread_one_or_list_item(ld, v, shp, j, &ipath);
                part_ref *ref = &sec->shows[sec->nshows];
                if (parse_part(ld, item, ipath, pl, ref)) {
                    mark_shown(pl, ref);
                    sec->nshows++;
                }
            }
        }
        if ((v = ymap_get(s, "body"))) {
            const char *bp = yread_key_path(ld, sp, "body");
            load_pieces(ld, v, bp, pl, sec);
            sec->body_origin = textpos_origin(v);
            sec->nfigures = textfigure_scan(ld, &sec->body_origin, sec->body, bp, pl, &sec->figures);
        } else
            load_pieces(ld, s, sp, pl, sec);
    }
}

plan *load_plan(arena *mem, const char *path, diag_list *dl)
{
    yread ld = {mem, dl};
    size_t errors_before = dl->errors;
    const ynode *n = load_top(&ld, path, KEYS_PLAN_FILE, KEYS_PLAN);
    if (!n)
        return NULL;
    const char *p = "plan";
    plan *pl = ARENA_NEW(mem, plan);
    pl->file = arena_strdup(mem, path);
    char *assoc_path = arena_printf(mem, "%s/association.yaml", load_dir_of(mem, path));
    pl->assoc = load_association(mem, assoc_path, dl);
    const ynode *v;
    int64_t year;
    if ((v = yread_require(&ld, n, "year", p)) &&
        yread_integer(&ld, v, yread_key_path(&ld, p, "year"), 1900, 2999, &year)) {
        pl->year = (int)year;
        load_check_file_date(&ld, v, yread_key_path(&ld, p, "year"), path, "plan-",
                             (date){pl->year, 0, 0});
    }
    pl->title = yread_get_text(&ld, n, "title", p, true);
    pl->subtitle = yread_get_text(&ld, n, "subtitle", p, false);
    if ((v = ymap_get(n, "decided"))) {
        const char *dp = yread_key_path(&ld, p, "decided");
        if (yread_map(&ld, v, dp, KEYS_DECIDED)) {
            const ynode *d = yread_require(&ld, v, "date", dp);
            if (d)
                yread_date(&ld, d, yread_key_path(&ld, dp, "date"), &pl->decided_on);
            pl->decided_by = yread_get_text(&ld, v, "by", dp, true);
            pl->decided_line = yread_get_text(&ld, v, "line", dp, false);
        }
    }
    if ((v = ymap_get(n, "revised")))
        yread_date(&ld, v, yread_key_path(&ld, p, "revised"), &pl->revised);
    pl->numbered = load_enum(&ld, n, "heading_numbers", p, NAMES_HEADING_NUMBERS, false, 0) == 1;
    pl->targets = load_targets(&ld, n, p, &pl->ntargets);
    load_goal_areas(&ld, n, p, pl);
    load_interventions(&ld, n, p, pl);
    if (pl->assoc) { /* member names are needed to read the allocation and budget */
        if ((v = ymap_get(n, "allocation")))
            load_allocation(&ld, v, yread_key_path(&ld, p, "allocation"), pl->assoc, pl->year,
                            &pl->allocation);
        if ((v = ymap_get(n, "budget")))
            load_budget(&ld, v, yread_key_path(&ld, p, "budget"), pl->assoc, &pl->budget);
    }
    if ((v = ymap_get(n, "financial_rules")))
        pl->rules = load_rules(&ld, v, yread_key_path(&ld, p, "financial_rules"), &pl->nrules);
    link_budget_rows(&ld, n, p, pl);
    load_interventions_money(&ld, n, p, pl);
    load_sections(&ld, n, p, pl);
    return dl->errors > errors_before ? NULL : pl;
}
