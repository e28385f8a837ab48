#include "load_minutes.h"

#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "load_association.h"
#include "loader.h"

/* An attendee: a name, or {name, role, organisation}. */
static void load_person(yread *ld, const ynode *n, const char *path, person *p)
{
    p->pos = yread_pos(n);
    if (n->kind == YNODE_SCALAR) {
        p->name = yread_text(ld, n, path);
        return;
    }
    if (!yread_map(ld, n, path, KEYS_PERSON))
        return;
    p->name = yread_get_text(ld, n, "name", path, true);
    p->role = yread_get_text(ld, n, "role", path, false);
    p->organisation = yread_get_text(ld, n, "organisation", path, false);
}

static void load_action(yread *ld, const ynode *n, const char *path, action *a)
{
    a->pos = yread_pos(n);
    a->what = yread_get_text(ld, n, "what", path, true);
    a->who = yread_get_text(ld, n, "who", path, false);
    const ynode *by = ymap_get(n, "by");
    if (by)
        yread_date(ld, by, yread_key_path(ld, path, "by"), &a->by);
}

static void load_items(yread *ld, const ynode *map, const char *path, minutes_item **items,
                       size_t *count);

static void load_item(yread *ld, const ynode *n, const char *path, minutes_item *it)
{
    it->pos = yread_pos(n);
    it->number = yread_get_text(ld, n, "number", path, true);
    it->title = yread_get_text(ld, n, "title", path, true);
    it->body = yread_get_text(ld, n, "body", path, false);
    const ynode *v;
    if ((v = ymap_get(n, "decisions")))
        it->decisions =
            yread_text_list(ld, v, yread_key_path(ld, path, "decisions"), &it->ndecisions);
    const char *lp;
    const ynode *list = load_list(ld, n, "actions", path, &lp);
    it->actions = ARENA_ARRAY(ld->mem, action, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && i < list->count; i++) {
        const char *ap = yread_index_path(ld, lp, i);
        if (yread_map(ld, list->items[i], ap, KEYS_ACTION))
            load_action(ld, list->items[i], ap, &it->actions[it->nactions++]);
    }
    load_items(ld, n, path, &it->items, &it->nitems);
}

/* Items, and sub-items such as 7a and 7b; numbers are unique among siblings. */
static void load_items(yread *ld, const ynode *map, const char *path, minutes_item **items,
                       size_t *count)
{
    const char *lp;
    const ynode *list = load_list(ld, map, "items", path, &lp);
    *count = 0;
    *items = ARENA_ARRAY(ld->mem, minutes_item, (list ? list->count : 0) + 1);
    const char **numbers = ARENA_ARRAY(ld->mem, const char *, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && i < list->count; i++) {
        const char *ip = yread_index_path(ld, lp, i);
        const ynode *n = list->items[i];
        if (!yread_map(ld, n, ip, KEYS_ITEM))
            continue;
        minutes_item *it = &(*items)[*count];
        load_item(ld, n, ip, it);
        load_unique_id(ld, n, ip, "the item number", numbers, *count, it->number);
        numbers[(*count)++] = it->number;
    }
}

void load_signature(yread *ld, const ynode *n, const char *path, signature *s)
{
    s->pos = yread_pos(n);
    s->name = yread_get_text(ld, n, "name", path, true);
    s->title = yread_get_text(ld, n, "title", path, false);
    s->organisation = yread_get_text(ld, n, "organisation", path, false);
    s->method = yread_get_text(ld, n, "method", path, false);
    s->id = yread_get_text(ld, n, "id", path, false);
    const ynode *t = ymap_get(n, "time");
    if (t)
        yread_date_time(ld, t, yread_key_path(ld, path, "time"), &s->time);
}

static void load_signing(yread *ld, const ynode *n, const char *path, minutes *m)
{
    if (!yread_map(ld, n, path, KEYS_SIGNING))
        return;
    m->signing_service = yread_get_text(ld, n, "service", path, true);
    m->signing_reference = yread_get_text(ld, n, "reference", path, false);
    const ynode *v = ymap_get(n, "completed");
    if (v)
        yread_date_time(ld, v, yread_key_path(ld, path, "completed"), &m->signing_completed);
}

static void load_next_meeting(yread *ld, const ynode *n, const char *path, minutes *m)
{
    if (!yread_map(ld, n, path, KEYS_NEXT_MEETING))
        return;
    const ynode *v = ymap_get(n, "date");
    if (v)
        yread_period_date(ld, v, yread_key_path(ld, path, "date"), &m->next_date);
    m->next_place = yread_get_text(ld, n, "place", path, false);
    m->next_convener = yread_get_text(ld, n, "convener", path, false);
    m->next_note = yread_get_text(ld, n, "note", path, false);
}

/* Chair, secretary and adjusters should be among the attendees: a name typed
 * two ways is the usual slip. */
static void check_attended(yread *ld, const minutes *m, const ynode *at, const char *path,
                           const char *name)
{
    if (!name || !m->nattendees)
        return;
    const char **names = ARENA_ARRAY(ld->mem, const char *, m->nattendees + 1);
    for (size_t i = 0; i < m->nattendees; i++) {
        names[i] = m->attendees[i].name;
        if (names[i] && strcmp(names[i], name) == 0)
            return;
    }
    const char *hint = yread_closest(name, names, m->nattendees);
    diag_add(ld->dl, DIAG_WARNING, at->file, at->line, at->col, path,
             "%s is not among the attendees%s%s%s", name, hint ? _("; did you mean ") : "",
             hint ? hint : "", hint ? "?" : "");
}

static void load_people(yread *ld, const ynode *n, const char *path, minutes *m)
{
    const char *lp;
    const ynode *list = load_list(ld, n, "attendees", path, &lp);
    m->attendees = ARENA_ARRAY(ld->mem, person, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && i < list->count; i++)
        load_person(ld, list->items[i], yread_index_path(ld, lp, i),
                    &m->attendees[m->nattendees++]);
    static const char *const roles[] = {"chair", "secretary"};
    const char **fields[] = {&m->chair, &m->secretary};
    for (size_t i = 0; i < 2; i++) {
        const ynode *v = ymap_get(n, roles[i]);
        const char *rp = yread_key_path(ld, path, roles[i]);
        *fields[i] = v ? yread_text(ld, v, rp) : NULL;
        if (v)
            check_attended(ld, m, v, rp, *fields[i]);
    }
    const ynode *v = ymap_get(n, "adjusters");
    const char *ap = yread_key_path(ld, path, "adjusters");
    if (v && (m->adjusters = yread_text_list(ld, v, ap, &m->nadjusters))) {
        if (m->nadjusters < 1 || m->nadjusters > 2)
            yread_error(ld, v, ap, "expected one or two adjusters (justerare), found %zu",
                        m->nadjusters);
        for (size_t i = 0; i < m->nadjusters; i++)
            check_attended(ld, m, v->items[i], yread_index_path(ld, ap, i), m->adjusters[i]);
    }
}

/* The associations named, or the one whose folder holds the file. */
static void load_concerned(yread *ld, const ynode *n, const char *path, const char *file,
                           minutes *m)
{
    const char *dir = load_dir_of(ld->mem, file);
    const ynode *v = ymap_get(n, "associations");
    if (v) {
        m->associations = load_association_list(
            ld, dir, v, yread_key_path(ld, path, "associations"), &m->nassociations);
        return;
    }
    const char *own = arena_printf(ld->mem, "%s/association.yaml", dir);
    if (access(own, F_OK) != 0) {
        yread_error(ld, n, path,
                    "missing key \"associations\": the minutes are not in an "
                    "association's folder");
        return;
    }
    m->associations = ARENA_ARRAY(ld->mem, const association *, 1);
    m->associations[0] = load_association(ld->mem, own, ld->dl);
    m->nassociations = m->associations[0] ? 1 : 0;
}

minutes *load_minutes(arena *mem, const char *path, diag_list *dl)
{
    yread ld = {mem, dl};
    size_t errors_before = dl->errors;
    const ynode *n = load_top(&ld, path, KEYS_MINUTES_FILE, KEYS_MINUTES);
    if (!n)
        return NULL;
    const char *p = "minutes";
    minutes *m = ARENA_NEW(mem, minutes);
    m->file = arena_strdup(mem, path);
    load_concerned(&ld, n, p, path, m);
    m->title = yread_get_text(&ld, n, "title", p, true);
    const ynode *v;
    if ((v = yread_require(&ld, n, "date", p)) &&
        yread_date(&ld, v, yread_key_path(&ld, p, "date"), &m->held_on))
        load_check_file_date(&ld, v, yread_key_path(&ld, p, "date"), path, "minutes-",
                             m->held_on);
    m->time = yread_get_text(&ld, n, "time", p, false);
    m->place = yread_get_text(&ld, n, "place", p, false);
    if ((v = ymap_get(n, "called")))
        m->called = yread_text_list(&ld, v, yread_key_path(&ld, p, "called"), &m->ncalled);
    if ((v = ymap_get(n, "attachments")))
        m->attachments =
            yread_text_list(&ld, v, yread_key_path(&ld, p, "attachments"), &m->nattachments);
    load_people(&ld, n, p, m);
    load_items(&ld, n, p, &m->items, &m->nitems);
    const char *lp;
    const ynode *list = load_list(&ld, n, "signatures", p, &lp);
    m->signatures = ARENA_ARRAY(mem, signature, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && i < list->count; i++) {
        const char *sp = yread_index_path(&ld, lp, i);
        if (yread_map(&ld, list->items[i], sp, KEYS_SIGNATURE))
            load_signature(&ld, list->items[i], sp, &m->signatures[m->nsignatures++]);
    }
    if ((v = ymap_get(n, "signing")))
        load_signing(&ld, v, yread_key_path(&ld, p, "signing"), m);
    if ((v = ymap_get(n, "next_meeting")))
        load_next_meeting(&ld, v, yread_key_path(&ld, p, "next_meeting"), m);
    return dl->errors > errors_before ? NULL : m;
}
