#include "load_association.h"

#include <string.h>
#include <unistd.h>

#include "i18n.h"
#include "loader.h"

static const char *base_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    return slash ? slash + 1 : path;
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
    size_t nitems = yread_one_or_list_count(n);
    if (n->kind == YNODE_MAP || nitems == 0) {
        yread_error(ld, n, path, "expected a list of association folder names, found %s",
                    nitems ? ynode_kind_name(n) : _("an empty list"));
        return NULL;
    }
    const association **list = ARENA_ARRAY(ld->mem, const association *, nitems);
    bool ok = true;
    for (size_t i = 0; i < nitems; i++) {
        const char *ip;
        const ynode *item = yread_one_or_list_item(ld, n, path, i, &ip);
        list[i] = load_association_by_id(ld, dir, item, ip);
        ok = ok && list[i];
        for (size_t j = 0; list[i] && j < i; j++)
            if (list[j] && strcmp(list[j]->id, list[i]->id) == 0)
                yread_error(ld, item, ip, "\"%s\" is named twice", list[i]->id);
    }
    *count = nitems;
    return ok ? list : NULL;
}

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

    a->members = ARENA_ARRAY(mem, member, load_list_length(n, "members") + 1);
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
    a->contacts = ARENA_ARRAY(mem, contact, load_list_length(n, "contacts") + 1);
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
    a->values = ARENA_ARRAY(mem, core_value, load_list_length(n, "values") + 1);
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
