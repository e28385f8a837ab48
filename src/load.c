#include "load.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "format.h"
#include "load_internal.h"
#include "section_text.h"

/* ---- shared by the loaders ------------------------------------------------ */

const ynode *load_top(yread *ld, const char *path, const char *const *file_keys,
                      const char *const *keys)
{
    ynode *root = ytree_load_file(ld->mem, path, ld->dl);
    const ynode *n;
    if (!root || !yread_file_map(ld, root, file_keys, keys) ||
        !(n = yread_require(ld, root, file_keys[0], "")))
        return NULL;
    return yread_map(ld, n, file_keys[0], keys) ? n : NULL;
}

char *load_dir_of(arena *mem, const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? arena_strndup(mem, path, (size_t)(slash - path)) : arena_strdup(mem, ".");
}

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
}

/* The date in a file's name ("plan-2025.yaml", "minutes-2024-02-23.yaml"):
 * {year, month, day}, month and day 0 when the name gives only a year; year 0
 * when the name is not PREFIX followed by a date and ".yaml". */
static date file_name_date(const char *path, const char *prefix)
{
    const char *name = base_name(path);
    size_t plen = strlen(prefix);
    date d = {0, 0, 0};
    if (strncmp(name, prefix, plen) != 0)
        return d;
    int fields[3] = {0, 0, 0}, nfields = 0;
    const char *s = name + plen;
    static const int widths[] = {4, 2, 2};
    while (nfields < 3) {
        for (int i = 0; i < widths[nfields]; i++, s++) {
            if (*s < '0' || *s > '9')
                return d;
            fields[nfields] = fields[nfields] * 10 + (*s - '0');
        }
        nfields++;
        if (*s != '-')
            break;
        s++;
    }
    if (strcmp(s, ".yaml") != 0)
        return d;
    return (date){fields[0], fields[1], fields[2]};
}

void load_check_file_date(yread *ld, const ynode *at, const char *path, const char *file,
                          const char *prefix, date inside)
{
    date named = file_name_date(file, prefix);
    if (!named.year || !inside.year)
        return;
    char a[FORMAT_BUF];
    if (!named.month && named.year != inside.year)
        yread_error(ld, at, path,
                    "the file is named %s but the year inside it is %d: one of them is wrong",
                    base_name(file), inside.year);
    else if (named.month && (named.year != inside.year || named.month != inside.month ||
                             named.day != inside.day))
        yread_error(ld, at, path,
                    "the file is named %s but the date inside it is %s: one of them is wrong",
                    base_name(file), format_date(a, inside));
}

const association *load_association_by_id(yread *ld, const char *dir, const ynode *at,
                                          const char *path)
{
    const char *id = yread_text(ld, at, path);
    if (!id)
        return NULL;
    if (!*id || strchr(id, '/') || id[0] == '.') {
        yread_error(ld, at, path, "expected the name of an association's folder, found \"%s\"", id);
        return NULL;
    }
    char *file = arena_printf(ld->mem, "%s/../%s/association.yaml", dir, id);
    if (access(file, F_OK) != 0) {
        yread_error(ld, at, path, "no association \"%s\": %s does not exist", id, file);
        return NULL;
    }
    size_t before = ld->dl->errors;
    association *a = load_association(ld->mem, file, ld->dl);
    if (!a && ld->dl->errors == before)
        yread_error(ld, at, path, "the association \"%s\" cannot be loaded", id);
    return a;
}

const association **load_association_list(yread *ld, const char *dir, const ynode *n,
                                          const char *path, size_t *count)
{
    *count = 0;
    size_t nitems = n->kind == YNODE_SEQ ? n->count : 1;
    if (n->kind == YNODE_MAP || nitems == 0) {
        yread_error(ld, n, path, "expected a list of association folder names, found %s",
                    nitems ? ynode_kind_name(n) : "an empty list");
        return NULL;
    }
    const association **list = ARENA_ARRAY(ld->mem, const association *, nitems);
    bool ok = true;
    for (size_t i = 0; i < nitems; i++) {
        const ynode *item = n->kind == YNODE_SEQ ? n->items[i] : n;
        const char *ip = n->kind == YNODE_SEQ ? yread_index_path(ld, path, i) : path;
        list[i] = load_association_by_id(ld, dir, item, ip);
        ok = ok && list[i];
        for (size_t j = 0; list[i] && j < i; j++)
            if (list[j] && strcmp(list[j]->id, list[i]->id) == 0)
                yread_error(ld, item, ip, "\"%s\" is named twice", list[i]->id);
    }
    *count = nitems;
    return ok ? list : NULL;
}

int load_lookup(yread *ld, const ynode *n, const char *path, const char *what,
                const char *const *names, size_t count)
{
    const char *key = yread_text(ld, n, path);
    if (!key)
        return -1;
    for (size_t i = 0; i < count; i++)
        if (names[i] && strcmp(names[i], key) == 0)
            return (int)i;
    const char *hint = yread_closest(key, names, count);
    if (hint)
        yread_error(ld, n, path, "no %s \"%s\"; did you mean \"%s\"?", what, key, hint);
    else
        yread_error(ld, n, path, "no %s \"%s\"", what, key);
    return -1;
}

void load_unique_id(yread *ld, const ynode *at, const char *path, const char *what,
                    const char *const *ids, size_t count, const char *id)
{
    for (size_t i = 0; id && i < count; i++)
        if (ids[i] && strcmp(ids[i], id) == 0) {
            yread_error(ld, at, path, "%s \"%s\" is given twice; ids must be unique", what, id);
            return;
        }
}

static int find_member(const association *a, const char *name)
{
    for (size_t i = 0; i < a->nmembers; i++)
        if (strcmp(a->members[i].name, name) == 0 || strcmp(a->members[i].short_name, name) == 0)
            return (int)i;
    return -1;
}

size_t *load_member_refs(yread *ld, const association *a, const ynode *n, const char *path,
                         size_t *count)
{
    *count = 0;
    size_t nitems = n->kind == YNODE_SEQ ? n->count : 1;
    if (n->kind == YNODE_MAP || nitems == 0) {
        yread_error(ld, n, path, "expected a member's name or a list of them, found %s",
                    nitems ? ynode_kind_name(n) : "an empty list");
        return NULL;
    }
    size_t *refs = ARENA_ARRAY(ld->mem, size_t, nitems);
    /* Names, then short names, so that a suggestion can be either. */
    const char **names = ARENA_ARRAY(ld->mem, const char *, 2 * a->nmembers + 1);
    for (size_t i = 0; i < a->nmembers; i++) {
        names[i] = a->members[i].name;
        names[a->nmembers + i] = a->members[i].short_name;
    }
    for (size_t i = 0; i < nitems; i++) {
        const ynode *item = n->kind == YNODE_SEQ ? n->items[i] : n;
        const char *ip = n->kind == YNODE_SEQ ? yread_index_path(ld, path, i) : path;
        const char *name = yread_text(ld, item, ip);
        int m = name ? find_member(a, name) : -1;
        if (m < 0 && name)
            m = load_lookup(ld, item, ip, "member of the association named", names,
                            2 * a->nmembers);
        if (m < 0)
            return NULL;
        refs[i] = (size_t)m % a->nmembers;
    }
    *count = nitems;
    return refs;
}

int load_enum(yread *ld, const ynode *map, const char *key, const char *path,
              const char *const *names, bool required, int fallback)
{
    const ynode *v = required ? yread_require(ld, map, key, path) : ymap_get(map, key);
    if (!v)
        return fallback;
    int i = yread_choice(ld, v, yread_key_path(ld, path, key), names);
    return i < 0 ? fallback : i;
}

const ynode *load_list(yread *ld, const ynode *map, const char *key, const char *path,
                       const char **list_path)
{
    const ynode *v = ymap_get(map, key);
    *list_path = yread_key_path(ld, path, key);
    return v && yread_expect(ld, v, *list_path, YNODE_SEQ) ? v : NULL;
}

static size_t list_count(const ynode *map, const char *key)
{
    const ynode *v = ymap_get(map, key);
    return v && v->kind == YNODE_SEQ ? v->count : 0;
}

static const char **text_list(yread *ld, const ynode *map, const char *key, const char *path,
                              size_t *count)
{
    const ynode *v = ymap_get(map, key);
    *count = 0;
    return v ? yread_text_list(ld, v, yread_key_path(ld, path, key), count) : NULL;
}

/* ---- association.yaml ------------------------------------------------------ */

static void load_member(yread *ld, const ynode *n, const char *path, member *m)
{
    m->name = yread_get_text(ld, n, "name", path, true);
    m->short_name = yread_get_text(ld, n, "short_name", path, false);
    if (!m->short_name)
        m->short_name = m->name ? m->name : "";
    if (!m->name)
        m->name = "";
    m->kind = (member_kind)load_enum(ld, n, "kind", path, NAMES_MEMBER_KIND, true, MEMBER_STATE);
    const ynode *v;
    if ((v = ymap_get(n, "population")))
        yread_count(ld, v, yread_key_path(ld, path, "population"), &m->population);
    m->share = -1;
    if ((v = ymap_get(n, "share")) &&
        yread_percent(ld, v, yread_key_path(ld, path, "share"), &m->share) &&
        m->kind != MEMBER_MUNICIPALITY)
        yread_error(ld, v, yread_key_path(ld, path, "share"),
                    "a share of the municipalities' part is for a municipality, not a %s",
                    NAMES_MEMBER_KIND[m->kind]);
}

static void load_parts(yread *ld, const ynode *n, const char *path, member_parts *parts)
{
    if (!yread_map(ld, n, path, KEYS_PARTS))
        return;
    hundredths *fields[] = {&parts->state, &parts->region, &parts->municipalities};
    bool ok = true;
    for (size_t i = 0; i < 3; i++) {
        const ynode *v = yread_require(ld, n, KEYS_PARTS[i], path);
        ok = v && yread_percent(ld, v, yread_key_path(ld, path, KEYS_PARTS[i]), fields[i]) && ok;
    }
    if (ok && parts->state + parts->region + parts->municipalities != 10000)
        yread_error(ld, n, path, "the parts add up to %lld.%02lld %%; expected 100 %%",
                    (long long)(parts->state + parts->region + parts->municipalities) / 100,
                    (long long)(parts->state + parts->region + parts->municipalities) % 100);
}

association *load_association(arena *mem, const char *path, diag_list *dl)
{
    yread ld = {mem, dl};
    size_t errors_before = dl->errors;
    const ynode *n = load_top(&ld, path, KEYS_ASSOCIATION_FILE, KEYS_ASSOCIATION);
    if (!n)
        return NULL;
    const char *p = "association";
    association *a = ARENA_NEW(mem, association);
    a->pos = yread_pos(n);
    a->dir = load_dir_of(mem, path);
    a->id = base_name(a->dir);
    a->name = yread_get_text(&ld, n, "name", p, true);
    a->short_name = yread_get_text(&ld, n, "short_name", p, false);
    if (!a->short_name)
        a->short_name = a->name;
    a->org_number = yread_get_text(&ld, n, "org_number", p, false);
    a->address = yread_get_text(&ld, n, "address", p, false);
    a->phone = yread_get_text(&ld, n, "phone", p, false);
    a->email = yread_get_text(&ld, n, "email", p, false);
    a->web = yread_get_text(&ld, n, "web", p, false);
    a->vision_title = yread_get_text(&ld, n, "vision_title", p, false);
    a->vision = yread_get_text(&ld, n, "vision", p, false);
    a->parts = (member_parts){5000, 2500, 2500};
    const ynode *v;
    if ((v = ymap_get(n, "parts")))
        load_parts(&ld, v, yread_key_path(&ld, p, "parts"), &a->parts);

    a->members = ARENA_ARRAY(mem, member, list_count(n, "members") + 1);
    const char *members_path;
    const ynode *members_list = load_list(&ld, n, "members", p, &members_path);
    for (size_t i = 0; members_list && i < members_list->count; i++) {
        const ynode *item = members_list->items[i];
        const char *ip = yread_index_path(&ld, members_path, i);
        if (!yread_map(&ld, item, ip, KEYS_MEMBER))
            continue;
        member *m = &a->members[a->nmembers++];
        m->pos = yread_pos(item);
        load_member(&ld, item, ip, m);
        for (size_t j = 0; j + 1 < a->nmembers; j++)
            if (strcmp(a->members[j].name, m->name) == 0)
                yread_error(&ld, item, ip, "the member \"%s\" is named twice", m->name);
    }
    a->contacts = ARENA_ARRAY(mem, contact, list_count(n, "contacts") + 1);
    const char *contacts_path;
    const ynode *contacts_list = load_list(&ld, n, "contacts", p, &contacts_path);
    for (size_t i = 0; contacts_list && i < contacts_list->count; i++) {
        const ynode *item = contacts_list->items[i];
        const char *ip = yread_index_path(&ld, contacts_path, i);
        if (!yread_map(&ld, item, ip, KEYS_CONTACT))
            continue;
        contact *c = &a->contacts[a->ncontacts++];
        c->pos = yread_pos(item);
        c->name = yread_get_text(&ld, item, "name", ip, true);
        c->role = yread_get_text(&ld, item, "role", ip, false);
        c->phone = yread_get_text(&ld, item, "phone", ip, false);
        c->email = yread_get_text(&ld, item, "email", ip, false);
        c->note = yread_get_text(&ld, item, "note", ip, false);
    }
    a->values = ARENA_ARRAY(mem, core_value, list_count(n, "values") + 1);
    const char *values_path;
    const ynode *values_list = load_list(&ld, n, "values", p, &values_path);
    for (size_t i = 0; values_list && i < values_list->count; i++) {
        const ynode *item = values_list->items[i];
        const char *ip = yread_index_path(&ld, values_path, i);
        if (!yread_map(&ld, item, ip, KEYS_CORE_VALUE))
            continue;
        core_value *cv = &a->values[a->nvalues++];
        cv->name = yread_get_text(&ld, item, "name", ip, true);
        cv->text = yread_get_text(&ld, item, "text", ip, true);
    }
    return dl->errors > errors_before ? NULL : a;
}

/* ---- plan-YEAR.yaml -------------------------------------------------------- */

static void load_goal_areas(yread *ld, const ynode *n, const char *path, plan *pl)
{
    pl->goal_areas = ARENA_ARRAY(ld->mem, goal_area, list_count(n, "goal_areas") + 1);
    const char **ids = ARENA_ARRAY(ld->mem, const char *, list_count(n, "goal_areas") + 1);
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

static void load_period(yread *ld, const ynode *n, const char *path, intervention *iv)
{
    if (!yread_map(ld, n, path, KEYS_PERIOD))
        return;
    const ynode *from = ymap_get(n, "from"), *to = ymap_get(n, "to");
    bool ok = from && yread_period_date(ld, from, yread_key_path(ld, path, "from"), &iv->from);
    ok = to && yread_period_date(ld, to, yread_key_path(ld, path, "to"), &iv->to) && ok;
    if (ok && (iv->to.year * 10000 + iv->to.month * 100 + iv->to.day <
               iv->from.year * 10000 + iv->from.month * 100 + iv->from.day))
        yread_error(ld, to, yread_key_path(ld, path, "to"), "the period ends (%s) before it starts",
                    to->text);
}

static void load_interventions(yread *ld, const ynode *n, const char *path, plan *pl)
{
    size_t count = list_count(n, "interventions");
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
        iv->goal_area = iv->budget_row = -1;
        const ynode *v;
        if ((v = ymap_get(item, "goal_area")))
            iv->goal_area = load_lookup(ld, v, yread_key_path(ld, ip, "goal_area"), "goal area",
                                        areas, pl->ngoal_areas);
        if ((v = ymap_get(item, "period")))
            load_period(ld, v, yread_key_path(ld, ip, "period"), iv);
        iv->targets = ARENA_ARRAY(ld->mem, target, list_count(item, "targets") + 1);
        const char **tids = ARENA_ARRAY(ld->mem, const char *, list_count(item, "targets") + 1);
        const char *target_path;
        const ynode *target_list = load_list(ld, item, "targets", ip, &target_path);
        for (size_t j = 0; target_list && j < target_list->count; j++) {
            const ynode *t = target_list->items[j];
            const char *tp = yread_index_path(ld, target_path, j);
            if (!yread_map(ld, t, tp, KEYS_TARGET))
                continue;
            load_target(ld, t, tp, &iv->targets[iv->ntargets]);
            load_unique_id(ld, t, tp, "the target", tids, iv->ntargets,
                           iv->targets[iv->ntargets].id);
            tids[iv->ntargets] = iv->targets[iv->ntargets].id;
            iv->ntargets++;
        }
    }
}

/* Budget rows are known only after the budget: a second pass over the
 * interventions resolves their "budget_row" labels. */
static void link_budget_rows(yread *ld, const ynode *n, const char *path, plan *pl)
{
    const ynode *list = ymap_get(n, "interventions");
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
    static const char *const kinds[] = {"goal_areas", "interventions",   "allocation",
                                        "budget",     "financial_rules", NULL};
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
        static const part_kind whole[] = {PART_GOAL_AREAS, PART_INTERVENTIONS, PART_ALLOCATION,
                                          PART_BUDGET, PART_FINANCIAL_RULES};
        ref->kind = whole[k];
        bool present = (ref->kind != PART_ALLOCATION || pl->allocation.present) &&
                       (ref->kind != PART_BUDGET || pl->budget.present) &&
                       (ref->kind != PART_FINANCIAL_RULES || pl->nrules > 0);
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
    if (rest && k == 1 && strcmp(rest, ".targets") == 0)
        ref->kind = PART_TARGETS;
    else if (rest) {
        yread_error(ld, n, path, "unexpected \"%s\" after \"%s.%s\"%s", rest + 1, kind, id_text,
                    k == 1 ? "; did you mean \"targets\"?" : "");
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
    case PART_GOAL_AREA: pl->goal_area_shown[ref->index] = true; break;
    case PART_INTERVENTION:
    case PART_TARGETS: pl->intervention_shown[ref->index] = true; break;
    case PART_ALLOCATION: pl->allocation_shown = true; break;
    case PART_BUDGET: pl->budget_shown = true; break;
    case PART_FINANCIAL_RULES: pl->rules_shown = true; break;
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
            sec->pieces[sec->npieces++].text = split[i].text;
        if (!split[i].ref)
            continue;
        /* a block text starts on the line after its "|" */
        ynode at = *body;
        at.line = body->line + (strchr(sec->body, '\n') ? 1 : 0) + split[i].line;
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

static void load_sections(yread *ld, const ynode *n, const char *path, plan *pl)
{
    pl->sections = ARENA_ARRAY(ld->mem, plan_section, list_count(n, "sections") + 1);
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
        sec->heading = yread_get_text(ld, s, "heading", sp, true);
        sec->body = yread_get_text(ld, s, "body", sp, false);
        const ynode *v;
        int64_t lv;
        if ((v = ymap_get(s, "level")) &&
            yread_integer(ld, v, yread_key_path(ld, sp, "level"), 1, 3, &lv))
            sec->level = (int)lv;
        if ((v = ymap_get(s, "show"))) {
            const char *shp = yread_key_path(ld, sp, "show");
            size_t count = v->kind == YNODE_SEQ ? v->count : 1;
            sec->shows = ARENA_ARRAY(ld->mem, part_ref, count);
            for (size_t j = 0; j < count; j++) {
                const ynode *item = v->kind == YNODE_SEQ ? v->items[j] : v;
                const char *ipath = v->kind == YNODE_SEQ ? yread_index_path(ld, shp, j) : shp;
                part_ref *ref = &sec->shows[sec->nshows];
                if (parse_part(ld, item, ipath, pl, ref)) {
                    mark_shown(pl, ref);
                    sec->nshows++;
                }
            }
        }
        if ((v = ymap_get(s, "body")))
            load_pieces(ld, v, yread_key_path(ld, sp, "body"), pl, sec);
        else
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
        }
    }
    if ((v = ymap_get(n, "revised")))
        yread_date(&ld, v, yread_key_path(&ld, p, "revised"), &pl->revised);
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
    load_sections(&ld, n, p, pl);
    return dl->errors > errors_before ? NULL : pl;
}
