#include "goals.h"

#include <stdio.h>

#include "allocation.h"
#include "format.h"
#include "i18n.h"
#include "money.h"

const char *target_status_text(target_status s)
{
    switch (s) {
    case TARGET_MET: return "met";
    case TARGET_NOT_MET: return "not met";
    case TARGET_NO_DATA: return "no data";
    }
    return "?";
}

static bool reaches(comparator cmp, hundredths value, hundredths target_value)
{
    switch (cmp) {
    case CMP_AT_LEAST: return value >= target_value;
    case CMP_AT_MOST: return value <= target_value;
    case CMP_EXACTLY: return value == target_value;
    default: return false;
    }
}

target_judgment target_judge(const target *t, const target_outcome *o)
{
    target_judgment j = {TARGET_NO_DATA, false, false};
    if (!o)
        return j;
    target_status stated = o->met == 1 ? TARGET_MET : o->met == 0 ? TARGET_NOT_MET : TARGET_NO_DATA;
    if (t->cmp != CMP_NONE && o->value >= 0) {
        j.status = reaches(t->cmp, o->value, t->value) ? TARGET_MET : TARGET_NOT_MET;
        j.from_value = true;
        j.stated_differs = stated != TARGET_NO_DATA && stated != j.status;
    } else {
        j.status = stated;
    }
    return j;
}

bool goals_target_list(const plan *p, size_t k, target_list *out)
{
    if (k == 0) {
        *out = (target_list){TARGETS_OF_PLAN, 0, NULL, -1, p->targets, p->ntargets};
        return true;
    }
    k--;
    if (k < p->ngoal_areas) {
        const goal_area *g = &p->goal_areas[k];
        *out = (target_list){TARGETS_OF_GOAL_AREA, k, g->title, (int)k, g->targets, g->ntargets};
        return true;
    }
    k -= p->ngoal_areas;
    if (k < p->ninterventions) {
        const intervention *iv = &p->interventions[k];
        bool in_area = iv->goal_area >= 0 && (size_t)iv->goal_area < p->ngoal_areas;
        *out = (target_list){TARGETS_OF_INTERVENTION, k, iv->name, in_area ? iv->goal_area : -1,
                             iv->targets, iv->ntargets};
        return true;
    }
    return false;
}

const target_outcome *target_outcome_of(const outcome *o, const target_list *l, size_t t)
{
    for (size_t k = 0; o && k < o->ntargets; k++) {
        const target_outcome *to = &o->targets[k];
        if (to->owner == l->owner && to->index == (int)l->index && to->target == (int)t)
            return to;
    }
    return NULL;
}

void target_tally_add(target_tally *t, target_status s)
{
    if (s == TARGET_MET)
        t->met++;
    else if (s == TARGET_NOT_MET)
        t->not_met++;
    else
        t->no_data++;
}

void target_tally_merge(target_tally *into, const target_tally *from)
{
    into->met += from->met;
    into->not_met += from->not_met;
    into->no_data += from->no_data;
}

bool target_tally_share_met(const target_tally *t, int64_t *tenths)
{
    size_t measured = t->met + t->not_met;
    return measured > 0 && money_share_tenths((int64_t)t->met, (int64_t)measured, tenths);
}

goal_tallies goals_tally(arena *mem, const plan *p, const outcome *o)
{
    goal_tallies g = {ARENA_ARRAY(mem, target_tally, p->ngoal_areas + 1), {0}, {0}, {0}};
    target_list l;
    for (size_t k = 0; goals_target_list(p, k, &l); k++) {
        target_tally *area = l.owner == TARGETS_OF_PLAN ? &g.association
                             : l.goal_area >= 0         ? &g.areas[l.goal_area]
                                                        : &g.outside;
        for (size_t t = 0; t < l.ntargets; t++) {
            target_status s = target_judge(&l.targets[t], target_outcome_of(o, &l, t)).status;
            target_tally_add(area, s);
            target_tally_add(&g.all, s);
        }
    }
    return g;
}

static char *hundredths_text(char buf[FORMAT_BUF], hundredths v, bool percent)
{
    format_fixed(buf, v, 2);
    size_t len = 0;
    while (buf[len])
        len++;
    while (buf[len - 1] == '0')
        buf[--len] = '\0';
    if (buf[len - 1] == ',')
        buf[--len] = '\0';
    if (percent)
        snprintf(buf + len, FORMAT_BUF - len, NBSP "%%");
    return buf;
}

void goals_check(const plan *p, const outcome *o, diag_list *dl)
{
    static const char *const says[] = {N_("met"), N_("not met")}, *const sv_says[] = {
                                                                      "uppnått", "inte uppnått"};
    target_list l;
    for (size_t k = 0; o && goals_target_list(p, k, &l); k++) {
        for (size_t t = 0; t < l.ntargets; t++) {
            const target_outcome *to = target_outcome_of(o, &l, t);
            const target *tg = &l.targets[t];
            target_judgment j = target_judge(tg, to);
            if (!j.stated_differs)
                continue;
            char v[FORMAT_BUF], want[FORMAT_BUF];
            diag_add(dl, DIAG_WARNING, to->pos.file, to->pos.line, to->pos.col, NULL,
                     "%s, “%s”: the outcome says %s but the value %s %s the target %s",
                     l.name ? l.name : _("the association"), tg->text, _(says[to->met ? 0 : 1]),
                     hundredths_text(v, to->value, tg->percent),
                     j.status == TARGET_MET ? _("reaches") : _("does not reach"),
                     hundredths_text(want, tg->value, tg->percent));
            diag_for_reader(dl, "%s, ”%s”: målet anges som %s, men värdet %s %s målet %s.",
                            l.name ? l.name : "Förbundet som helhet", tg->text,
                            sv_says[to->met ? 0 : 1], v, j.status == TARGET_MET ? "når" : "når inte",
                            want);
        }
    }
}

/* ---- participants ---------------------------------------------------------- */

static void add_count(stat_count *into, int64_t value)
{
    into->present = true;
    if (__builtin_add_overflow(into->value, value, &into->value))
        into->value = INT64_MAX; /* far beyond any count of people */
}

static void add_figure(stat_count *into, const figure *f)
{
    if (f->present)
        add_count(into, f->value);
}

static void reasons_of(const participant_stats *r, stat_count out[EXIT_REASON_COUNT],
                       stat_count *sum)
{
    for (size_t k = 0; k < r->nreasons; k++) {
        add_count(&out[r->reasons[k].reason], r->reasons[k].count);
        add_count(sum, r->reasons[k].count);
    }
}

/* A row's participants: its women and men, or its total when only that is given. */
static stat_count row_participants(const participant_stats *r)
{
    stat_count sum = {0, false};
    if (!r->women.present && !r->men.present) {
        add_figure(&sum, &r->total);
        return sum;
    }
    add_figure(&sum, &r->women);
    add_figure(&sum, &r->men);
    return sum;
}

static void add_shares(participant_summary *s)
{
    if (s->women.present && s->men.present && (s->women.value > 0 || s->men.value > 0)) {
        int64_t shares[2] = {0, 0};
        s->has_gender_shares =
            split_largest_remainder(1000, (int64_t[]){s->women.value, s->men.value}, 2, shares) ==
            SPLIT_OK;
        s->women_tenths = shares[0];
        s->men_tenths = shares[1];
    }
    if (s->exits_with_reasons.present && s->exits_with_reasons.value > 0)
        s->has_exit_share = money_share_tenths(
            s->work_or_studies.value, s->exits_with_reasons.value, &s->work_or_studies_tenths);
}

participant_summary participants_summarize(const participant_stats *rows, size_t n, int year,
                                           int file_year)
{
    participant_summary s = {0};
    for (size_t i = 0; i < n; i++) {
        const participant_stats *r = &rows[i];
        if ((r->year ? r->year : file_year) != year)
            continue;
        add_figure(&s.women, &r->women);
        add_figure(&s.men, &r->men);
        stat_count people = row_participants(r);
        if (people.present)
            add_count(&s.participants, people.value);
        add_figure(&s.new_participants, &r->new_participants);
        add_figure(&s.exits, &r->exits);
        stat_count reasons[EXIT_REASON_COUNT] = {{0, false}}, all = {0, false};
        reasons_of(r, reasons, &all);
        for (int k = 0; k < EXIT_REASON_COUNT; k++)
            if (reasons[k].present)
                add_count(&s.reasons[k], reasons[k].value);
        if (all.present && r->exits.present) {
            add_count(&s.exits_with_reasons, r->exits.value);
            add_count(&s.work_or_studies, reasons[EXIT_WORK].value);
            add_count(&s.work_or_studies, reasons[EXIT_STUDIES].value);
            add_count(&s.work_or_studies, reasons[EXIT_WORK_OR_STUDIES].value);
        }
    }
    add_shares(&s);
    return s;
}

static const char *const reason_names[EXIT_REASON_COUNT] = {"exits to work",
                                                            "exits to studies",
                                                            "exits to work or studies",
                                                            "exits to work rehabilitation",
                                                            "exits for illness",
                                                            "exits for other reasons"};
static const char *const sv_reason_names[EXIT_REASON_COUNT] = {
    "avslut till arbete", "avslut till studier", "avslut till arbete eller studier",
    "avslut till arbetslivsinriktad rehabilitering", "avslut på grund av sjukdom",
    "avslut av annat skäl"};

/* A breakdown of the participants (by age, by association) must add up to them. */
static void check_breakdown(const labelled_count *parts, size_t n, const char *by,
                            const char *sv_by, int64_t people, const participant_stats *r,
                            int year, diag_list *dl)
{
    stat_count sum = {0, false};
    for (size_t i = 0; i < n; i++)
        add_count(&sum, parts[i].count);
    if (!sum.present || sum.value == people)
        return;
    char a[FORMAT_BUF], b[FORMAT_BUF];
    diag_add(dl, DIAG_WARNING, parts[0].pos.file, parts[0].pos.line, parts[0].pos.col, NULL,
             "participants %d, %s: the participants by %s add up to %s but the participants are %s",
             year, r->intervention, by, format_int(a, sum.value), format_int(b, people));
    diag_for_reader(dl, "%s %d: deltagarna per %s summerar till %s, men deltagarna är %s.",
                    r->intervention, year, sv_by, a, b);
}

static void check_row(const participant_stats *r, int year, diag_list *dl)
{
    char a[FORMAT_BUF], b[FORMAT_BUF];
    stat_count reasons[EXIT_REASON_COUNT] = {{0, false}}, sum = {0, false};
    reasons_of(r, reasons, &sum);
    const source_pos *at = r->exits.present ? &r->exits.pos : &r->pos;
    if (sum.present && r->exits.present && sum.value != r->exits.value) {
        bool over = sum.value > r->exits.value;
        diag_add(dl, DIAG_WARNING, at->file, at->line, at->col, NULL,
                 "participants %d, %s: the exit reasons add up to %s but the exits are %s; likely "
                 "cause: %s",
                 year, r->intervention, format_int(a, sum.value), format_int(b, r->exits.value),
                 over ? _("an exit counted under two reasons, or a reason mistyped")
                      : _("exits without a stated reason, or a reason mistyped"));
        diag_for_reader(dl, "%s %d: avslutsorsakerna summerar till %s, men avsluten är %s; troligen "
                            "%s.",
                        r->intervention, year, a, b,
                        over ? "ett avslut räknat under två orsaker eller en felskriven orsak"
                             : "avslut utan angiven orsak eller en felskriven orsak");
    }
    stat_count people = row_participants(r);
    at = &r->pos;
    if (r->total.present && (r->women.present || r->men.present) &&
        r->total.value != people.value) {
        diag_add(dl, DIAG_WARNING, at->file, at->line, at->col, NULL,
                 "participants %d, %s: the participants are %s but the women and men add up to %s",
                 year, r->intervention, format_int(a, r->total.value), format_int(b, people.value));
        diag_for_reader(dl, "%s %d: deltagarna anges till %s, men kvinnor och män summerar till %s.",
                        r->intervention, year, a, b);
    }
    if (!people.present)
        return;
    check_breakdown(r->age_groups, r->nage_groups, "age groups", "åldersgrupp", people.value, r,
                    year, dl);
    check_breakdown(r->by_association, r->nby_association, "associations", "förbund", people.value,
                    r, year,
                    dl);
    format_int(b, people.value);
    if (r->exits.present && r->exits.value > people.value) {
        diag_add(dl, DIAG_WARNING, at->file, at->line, at->col, NULL,
                 "participants %d, %s: the exits are %s but the participants are %s", year,
                 r->intervention, format_int(a, r->exits.value), b);
        diag_for_reader(dl, "%s %d: avsluten (%s) är fler än deltagarna (%s).", r->intervention,
                        year, a, b);
    }
    if (r->new_participants.present && r->new_participants.value > people.value) {
        diag_add(dl, DIAG_WARNING, at->file, at->line, at->col, NULL,
                 "participants %d, %s: the new participants are %s but the participants are %s",
                 year, r->intervention, format_int(a, r->new_participants.value), b);
        diag_for_reader(dl, "%s %d: de nya deltagarna (%s) är fler än deltagarna (%s).",
                        r->intervention, year, a, b);
    }
}

static void check_total(const char *name, const char *sv_name, stat_count stated, stat_count sum,
                        const participant_stats *row, int year, diag_list *dl)
{
    if (!stated.present || !sum.present || stated.value == sum.value)
        return;
    char a[FORMAT_BUF], b[FORMAT_BUF];
    const char *label = row->intervention ? row->intervention : "Totalt";
    diag_add(dl, DIAG_WARNING, row->pos.file, row->pos.line, row->pos.col, NULL,
             "participants %d, %s: the printed total of %s is %s but the rows add up to %s", year,
             label, name, format_int(a, stated.value), format_int(b, sum.value));
    diag_for_reader(dl, "%s %d: summan av %s står som %s, men raderna ger %s.", label, year, sv_name,
                    a, b);
}

static stat_count count_of(const figure *f)
{
    return (stat_count){f->value, f->present};
}

void participants_check(const participant_stats *rows, size_t n,
                        const participant_stats *stated_total, int file_year, diag_list *dl)
{
    for (size_t i = 0; i < n; i++)
        check_row(&rows[i], rows[i].year ? rows[i].year : file_year, dl);
    if (!stated_total)
        return;
    int year = file_year;
    participant_summary s = participants_summarize(rows, n, file_year, file_year);
    const participant_stats *t = stated_total;
    stat_count reasons[EXIT_REASON_COUNT] = {{0, false}}, all = {0, false};
    reasons_of(t, reasons, &all);
    check_total("women", "kvinnor", count_of(&t->women), s.women, t, year, dl);
    check_total("men", "män", count_of(&t->men), s.men, t, year, dl);
    check_total("participants", "deltagare", count_of(&t->total), s.participants, t, year, dl);
    check_total("new participants", "nya deltagare", count_of(&t->new_participants),
                s.new_participants, t, year, dl);
    check_total("exits", "avslutade", count_of(&t->exits), s.exits, t, year, dl);
    for (int k = 0; k < EXIT_REASON_COUNT; k++)
        check_total(reason_names[k], sv_reason_names[k], reasons[k], s.reasons[k], t, year, dl);
}
