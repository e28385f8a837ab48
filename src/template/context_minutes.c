#include "context.h"

#include <string.h>

static value *texts_value(arena *mem, const char *const *texts, size_t n)
{
    value *list = value_list(mem);
    for (size_t i = 0; i < n; i++) {
        value *t = value_map(mem);
        value_set_string(mem, t, "text", texts[i]);
        value_set_int(mem, t, "number", (int64_t)i + 1);
        value_push(mem, list, t);
    }
    return context_mark_ends(mem, list);
}

static value *person_value(arena *mem, const person *p)
{
    value *v = value_map(mem);
    value_set_string(mem, v, "name", p->name);
    value_set_string(mem, v, "role", p->role);
    value_set_string(mem, v, "organisation", p->organisation);
    value_set_bool(mem, v, "described", p->role || p->organisation);
    return v;
}

static value *action_value(arena *mem, const action *a, const minutes_item *item)
{
    value *v = value_map(mem);
    value_set_string(mem, v, "what", a->what);
    value_set_string(mem, v, "who", a->who);
    value_set_string(mem, v, "by", a->by.year ? context_date(mem, a->by) : NULL);
    value_set_string(mem, v, "item", item->number);
    value_set_string(mem, v, "item_title", item->title);
    return v;
}

/* Every item, its decisions and actions; the decisions and actions are also
 * gathered in `decisions` and `actions`, with their item. Every key is set
 * on every item, so that a sub-item never shows its parent's. */
static value *items_value(arena *mem, const minutes_item *items, size_t n, int level,
                          value *decisions, value *actions)
{
    static const char *const hashes[] = {"##", "###", "####"};
    value *list = value_list(mem);
    for (size_t i = 0; i < n; i++) {
        const minutes_item *it = &items[i];
        value *v = value_map(mem);
        value_set_string(mem, v, "number", it->number);
        value_set_string(mem, v, "title", it->title);
        value_set_string(mem, v, "hashes", hashes[level < 2 ? level : 2]);
        value_set_string(mem, v, "body", it->body);
        value *ds = value_set(mem, v, "decisions", value_list(mem));
        for (size_t d = 0; d < it->ndecisions; d++) {
            value *dv = value_map(mem);
            value_set_string(mem, dv, "text", it->decisions[d]);
            value_set_string(mem, dv, "item", it->number);
            value_set_string(mem, dv, "item_title", it->title);
            value_push(mem, ds, dv);
            value_push(mem, decisions, dv);
        }
        value *as = value_set(mem, v, "actions", value_list(mem));
        for (size_t a = 0; a < it->nactions; a++) {
            value *av = action_value(mem, &it->actions[a], it);
            value_push(mem, as, av);
            value_push(mem, actions, av);
        }
        value_set_bool(mem, v, "has_decisions", it->ndecisions > 0);
        value_set_bool(mem, v, "has_actions", it->nactions > 0);
        value_set(mem, v, "items",
                  items_value(mem, it->items, it->nitems, level + 1, decisions, actions));
        value_push(mem, list, v);
    }
    return list;
}

static const signature *signature_of(const minutes *m, const char *name)
{
    for (size_t i = 0; name && i < m->nsignatures; i++)
        if (m->signatures[i].name && strcmp(m->signatures[i].name, name) == 0)
            return &m->signatures[i];
    return NULL;
}

/* A signer of the ```signatures block: the name and the title the
 * e-signature gives, YAML-quoted, and what the person is at the meeting (for
 * the template's words when there is no title). */
static void push_signer(arena *mem, value *list, const minutes *m, const char *name,
                        const char *role_key)
{
    if (!name)
        return;
    const signature *s = signature_of(m, name);
    value *v = value_map(mem);
    value_set_string(mem, v, "name", name);
    value_set_string(mem, v, "name_yaml", context_yaml_string(mem, name));
    value_set_string(mem, v, "title_yaml",
                     s && s->title ? context_yaml_string(mem, s->title) : NULL);
    static context_kinds roles = {"is_chair", "is_secretary", "is_adjuster", NULL};
    context_set_kind(mem, v, roles, role_key);
    value_push(mem, list, v);
}

static value *signers_value(arena *mem, const minutes *m)
{
    value *list = value_list(mem);
    push_signer(mem, list, m, m->chair, "is_chair");
    push_signer(mem, list, m, m->secretary, "is_secretary");
    for (size_t i = 0; i < m->nadjusters; i++)
        push_signer(mem, list, m, m->adjusters[i], "is_adjuster");
    return list;
}

static value *signing_value(arena *mem, const minutes *m)
{
    if (!m->signing_service)
        return value_null(mem);
    value *v = value_map(mem);
    value_set_string(mem, v, "service", m->signing_service);
    value_set_string(mem, v, "reference", m->signing_reference);
    value_set_string(mem, v, "completed",
                     m->signing_completed.day.year ? context_date_time(mem, &m->signing_completed)
                                                   : NULL);
    return v;
}

static value *next_meeting_value(arena *mem, const minutes *m)
{
    if (!m->next_date.year && !m->next_place && !m->next_convener && !m->next_note)
        return value_null(mem);
    value *v = value_map(mem);
    value_set_string(mem, v, "date", m->next_date.year ? context_date(mem, m->next_date) : NULL);
    value_set_string(mem, v, "place", m->next_place);
    value_set_string(mem, v, "convener", m->next_convener);
    value_set_string(mem, v, "note", m->next_note);
    return v;
}

value *context_for_minutes(arena *mem, const minutes *m)
{
    value *root = value_map(mem);
    value *v = value_set(mem, root, "minutes", value_map(mem));
    value_set_string(mem, v, "title", m->title);
    value_set_string(mem, v, "date", context_date(mem, m->held_on));
    value_set_string(mem, v, "time", m->time);
    value_set_string(mem, v, "place", m->place);
    value_set(mem, v, "called", texts_value(mem, m->called, m->ncalled));
    value *people = value_set(mem, v, "attendees", value_list(mem));
    for (size_t i = 0; i < m->nattendees; i++)
        value_push(mem, people, person_value(mem, &m->attendees[i]));
    context_mark_ends(mem, people);
    value_set(mem, v, "attendance", context_count(mem, (int64_t)m->nattendees, true));
    value_set(mem, v, "attachments", texts_value(mem, m->attachments, m->nattachments));
    value *associations = value_set(mem, v, "associations", value_list(mem));
    for (size_t i = 0; i < m->nassociations; i++)
        value_push(mem, associations, context_association(mem, m->associations[i]));

    value *decisions = value_list(mem), *actions = value_list(mem);
    value_set(mem, v, "items", items_value(mem, m->items, m->nitems, 0, decisions, actions));
    value_set(mem, v, "decisions", decisions);
    value_set(mem, v, "actions", actions);
    value_set(mem, v, "decision_count",
              context_count(mem, (int64_t)decisions->as.list.count, true));

    value_set_string(mem, v, "chair", m->chair);
    value_set_string(mem, v, "secretary", m->secretary);
    value_set(mem, v, "adjusters", texts_value(mem, m->adjusters, m->nadjusters));
    value_set(mem, v, "signers", signers_value(mem, m));
    value_set(mem, v, "signatures", context_signatures(mem, m->signatures, m->nsignatures));
    value_set(mem, v, "signing", signing_value(mem, m));
    value_set(mem, v, "next", next_meeting_value(mem, m));
    /* lists a template shows under a heading of their own, only when not empty */
    static const char *const lists[] = {"called",  "attendees", "attachments", "decisions",
                                        "actions", "adjusters", "signers",     "signatures"};
    for (size_t i = 0; i < sizeof lists / sizeof *lists; i++)
        value_set_bool(mem, v, arena_printf(mem, "has_%s", lists[i]),
                       value_truthy(value_get(v, lists[i])));
    return root;
}
