#include "goals.h"

#include <stdio.h>

#include "allocation.h"
#include "format.h"
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

static bool compares_true(target_comparator cmp, int order)
{
    switch (cmp) {
    case TARGET_AT_LEAST: return order >= 0;
    case TARGET_AT_MOST: return order <= 0;
    case TARGET_EXACTLY: return order == 0;
    }
    return false;
}

target_result target_evaluate(const target_spec *target, const target_outcome *outcome)
{
    target_result r = {TARGET_NO_DATA, 0};
    if (!outcome->present)
        return r;
    int order;
    if (outcome->fraction && target->percent) {
        if (outcome->whole <= 0 || !money_share_tenths(outcome->part, outcome->whole, &r.value))
            return r;
        order = money_compare_ratio(outcome->part, outcome->whole, target->value, 1000);
    } else {
        r.value = outcome->fraction ? outcome->part : outcome->value;
        order = (r.value > target->value) - (r.value < target->value);
    }
    r.status = compares_true(target->comparator, order) ? TARGET_MET : TARGET_NOT_MET;
    return r;
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

/* ---- participants ---------------------------------------------------------- */

static void add_count(stat_count *into, stat_count c)
{
    if (!c.present)
        return;
    into->present = true;
    if (__builtin_add_overflow(into->value, c.value, &into->value))
        into->value = INT64_MAX; /* far beyond any count of people */
}

static stat_count reasons_sum(const participant_row *row)
{
    stat_count sum = {0, false};
    for (int k = 0; k < EXIT_REASONS; k++)
        add_count(&sum, row->reasons[k]);
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

/* A row's participants: its women and men, or its total when only that is given. */
static stat_count row_participants(const participant_row *r)
{
    if (!r->women.present && !r->men.present)
        return r->participants;
    stat_count sum = {0, false};
    add_count(&sum, r->women);
    add_count(&sum, r->men);
    return sum;
}

participant_summary participants_summarize(const participant_row *rows, size_t n)
{
    participant_summary s = {0};
    for (size_t i = 0; i < n; i++) {
        const participant_row *r = &rows[i];
        add_count(&s.women, r->women);
        add_count(&s.men, r->men);
        add_count(&s.participants, row_participants(r));
        add_count(&s.new_participants, r->new_participants);
        add_count(&s.exits, r->exits);
        for (int k = 0; k < EXIT_REASONS; k++)
            add_count(&s.reasons[k], r->reasons[k]);
        if (reasons_sum(r).present && r->exits.present) {
            add_count(&s.exits_with_reasons, r->exits);
            add_count(&s.work_or_studies, r->reasons[EXIT_WORK]);
            add_count(&s.work_or_studies, r->reasons[EXIT_STUDIES]);
            s.work_or_studies.present = true;
        }
    }
    add_shares(&s);
    return s;
}

static const char *const reason_names[EXIT_REASONS] = {
    "exits to work", "exits to studies", "exits to work rehabilitation", "exits for illness",
    "exits for other reasons"};

static void check_row(const participant_row *r, const char *what, diag_list *dl)
{
    char a[FORMAT_BUF], b[FORMAT_BUF];
    const source_pos *at = &r->pos;
    stat_count reasons = reasons_sum(r);
    if (reasons.present && r->exits.present && reasons.value != r->exits.value)
        diag_add(dl, DIAG_WARNING, at->file, at->line, at->col, NULL,
                 "%s, %s: the exit reasons add up to %s but the exits are %s; likely cause: %s",
                 what, r->label, format_int(a, reasons.value), format_int(b, r->exits.value),
                 reasons.value > r->exits.value
                     ? "an exit counted under two reasons, or a reason mistyped"
                     : "exits without a stated reason, or a reason mistyped");
    stat_count people = row_participants(r);
    if (r->participants.present && people.present && (r->women.present || r->men.present) &&
        r->participants.value != people.value)
        diag_add(dl, DIAG_WARNING, at->file, at->line, at->col, NULL,
                 "%s, %s: the participants are %s but the women and men add up to %s", what,
                 r->label, format_int(a, r->participants.value), format_int(b, people.value));
    if (!people.present)
        return;
    format_int(b, people.value);
    if (r->exits.present && r->exits.value > people.value)
        diag_add(dl, DIAG_WARNING, at->file, at->line, at->col, NULL,
                 "%s, %s: the exits are %s but the participants are %s", what, r->label,
                 format_int(a, r->exits.value), b);
    if (r->new_participants.present && r->new_participants.value > people.value)
        diag_add(dl, DIAG_WARNING, at->file, at->line, at->col, NULL,
                 "%s, %s: the new participants are %s but the participants are %s", what, r->label,
                 format_int(a, r->new_participants.value), b);
}

static void check_total(const char *name, stat_count stated, stat_count sum,
                        const participant_row *row, const char *what, diag_list *dl)
{
    if (!stated.present || !sum.present || stated.value == sum.value)
        return;
    char a[FORMAT_BUF], b[FORMAT_BUF];
    diag_add(dl, DIAG_WARNING, row->pos.file, row->pos.line, row->pos.col, NULL,
             "%s, %s: the printed total of %s is %s but the rows add up to %s", what, row->label,
             name, format_int(a, stated.value), format_int(b, sum.value));
}

void participants_check(const participant_row *rows, size_t n, const participant_row *stated_total,
                        const char *what, diag_list *dl)
{
    for (size_t i = 0; i < n; i++)
        check_row(&rows[i], what, dl);
    if (!stated_total)
        return;
    participant_summary s = participants_summarize(rows, n);
    const participant_row *t = stated_total;
    check_total("women", t->women, s.women, t, what, dl);
    check_total("men", t->men, s.men, t, what, dl);
    check_total("participants", t->participants, s.participants, t, what, dl);
    check_total("new participants", t->new_participants, s.new_participants, t, what, dl);
    check_total("exits", t->exits, s.exits, t, what, dl);
    for (int k = 0; k < EXIT_REASONS; k++)
        check_total(reason_names[k], t->reasons[k], s.reasons[k], t, what, dl);
}
