#include "load_group.h"

#include "load_association.h"
#include "load_outcome.h"
#include "loader.h"

static void load_joint(yread *ld, const ynode *n, const char *path, const comparison_group *g,
                       joint_intervention *j)
{
    j->pos = yread_pos(n);
    j->cost_per_party = -1;
    j->name = yread_get_text(ld, n, "name", path, true);
    j->description = yread_get_text(ld, n, "description", path, false);
    const ynode *v;
    if ((v = ymap_get(n, "cost_per_party")))
        yread_cost(ld, v, yread_key_path(ld, path, "cost_per_party"), &j->cost_per_party);
    const char *lp;
    const ynode *list = load_list(ld, n, "participants", path, &lp);
    j->years = ARENA_ARRAY(ld->mem, participant_stats, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && i < list->count; i++) {
        const char *pp = yread_index_path(ld, lp, i);
        const ynode *item = list->items[i];
        if (!yread_map(ld, item, pp, KEYS_PARTICIPANTS))
            continue;
        participant_stats *ps = &j->years[j->nyears++];
        load_participants(ld, item, pp, g->associations, g->nassociations, ps);
        ps->intervention = ps->intervention ? ps->intervention : j->name;
        if (!ymap_get(item, "year"))
            yread_require(ld, item, "year", pp);
    }
}

comparison_group *load_group(arena *mem, const char *path, diag_list *dl)
{
    yread ld = {mem, dl};
    size_t errors_before = dl->errors;
    const ynode *n = load_top(&ld, path, KEYS_GROUP_FILE, KEYS_GROUP);
    if (!n)
        return NULL;
    const char *p = "group";
    comparison_group *g = ARENA_NEW(mem, comparison_group);
    g->file = arena_strdup(mem, path);
    g->name = yread_get_text(&ld, n, "name", p, true);
    g->web = yread_get_text(&ld, n, "web", p, false);
    g->unit = (money_unit)load_enum(&ld, n, "unit", p, NAMES_UNIT, false, UNIT_KR);
    const ynode *v = yread_require(&ld, n, "associations", p);
    if (v)
        g->associations =
            load_association_list(&ld, load_dir_of(mem, path), v,
                                  yread_key_path(&ld, p, "associations"), &g->nassociations);
    const char *lp;
    const ynode *list = load_list(&ld, n, "years", p, &lp);
    g->years = ARENA_ARRAY(mem, int, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && i < list->count; i++) {
        int64_t year;
        if (yread_integer(&ld, list->items[i], yread_index_path(&ld, lp, i), 1900, 2999, &year))
            g->years[g->nyears++] = (int)year;
    }
    list = load_list(&ld, n, "joint_interventions", p, &lp);
    g->joint = ARENA_ARRAY(mem, joint_intervention, (list ? list->count : 0) + 1);
    for (size_t i = 0; list && g->associations && i < list->count; i++) {
        const char *jp = yread_index_path(&ld, lp, i);
        if (yread_map(&ld, list->items[i], jp, KEYS_JOINT))
            load_joint(&ld, list->items[i], jp, g, &g->joint[g->njoint++]);
    }
    return dl->errors > errors_before ? NULL : g;
}
