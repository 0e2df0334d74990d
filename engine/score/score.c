/*
 * score.c — ledger and report (see score.h).
 *
 * Each criterion earns its raw points clamped to [0, max]; the total is the weighted mean of
 * earned/max over the criteria that can earn anything in this scenario (max > 0), so a
 * scenario without, say, an escalation moment is not marked down for it.
 */
#include "score.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

void ledger_init(ScoreLedger *l)
{
    memset(l, 0, sizeof *l);
}

void ledger_free(ScoreLedger *l)
{
    for (size_t i = 0; i < l->count; i++) {
        free(l->entries[i].action);
        free(l->entries[i].feedback);
    }
    free(l->entries);
    ledger_init(l);
}

int ledger_add(ScoreLedger *l, LedgerKind kind, const char *action, int criterion, int points,
               const char *feedback, const Rule *rule, double minutes)
{
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 32;
        LedgerEntry *p = realloc(l->entries, cap * sizeof *p);
        if (!p)
            return 0;
        l->entries = p;
        l->cap = cap;
    }
    LedgerEntry *e = &l->entries[l->count];
    e->kind = kind;
    e->action = sim_strdup(action ? action : "");
    e->criterion = criterion;
    e->points = points;
    e->feedback = sim_strdup(feedback ? feedback : "");
    e->rule = rule;
    e->minutes = minutes;
    if (!e->action || !e->feedback) {
        free(e->action);
        free(e->feedback);
        return 0;
    }
    l->count++;
    return 1;
}

int ledger_is_mistake(const LedgerEntry *e)
{
    return e->kind == LEDGER_CRITICAL || e->kind == LEDGER_MISSED || e->points < 0;
}

static void score_finish(const Scenario *s, ScoreReport *out);

void score_compute(const Scenario *s, const ScoreLedger *l, ScoreReport *out)
{
    memset(out, 0, sizeof *out);
    for (size_t i = 0; i < l->count; i++) {
        const LedgerEntry *e = &l->entries[i];
        if (e->kind == LEDGER_CRITICAL)
            out->critical_count++;
        if (ledger_is_mistake(e))
            out->mistake_count++;
        if (e->criterion >= 0 && (size_t)e->criterion < s->criterion_count)
            out->crit[e->criterion].raw += e->points;
    }
    score_finish(s, out);
}

void score_compute_sums(const Scenario *s, const int *sums, size_t critical, ScoreReport *out)
{
    memset(out, 0, sizeof *out);
    out->critical_count = critical;
    for (size_t c = 0; c < s->criterion_count; c++)
        out->crit[c].raw = sums[c];
    score_finish(s, out);
}

static void score_finish(const Scenario *s, ScoreReport *out)
{
    int raw[SCENARIO_MAX_CRITERIA];
    for (size_t c = 0; c < s->criterion_count; c++) {
        CriterionResult *r = &out->crit[c];
        r->max = s->crit_max[c] > 0 ? s->crit_max[c] : 0;
        r->score = r->raw < 0 ? 0 : (r->raw > r->max ? r->max : r->raw);
        raw[c] = r->raw;
    }
    out->total = score_total_sums(s, raw, out->critical_count, &out->passed);
    out->floors_missed = score_floors_missed(s, raw);
}

/* A floor is a share of what the criterion can earn in this scenario; a criterion that earns
 * nothing here (max 0) has no floor to miss. Integer arithmetic, so 50 % of 25 needs 13. */
unsigned score_floors_missed(const Scenario *s, const int *sums)
{
    unsigned bits = 0;
    for (size_t c = 0; c < s->criterion_count; c++) {
        int max = s->crit_max[c] > 0 ? s->crit_max[c] : 0;
        if (max == 0 || s->floors[c] <= 0)
            continue;
        int score = sums[c] < 0 ? 0 : (sums[c] > max ? max : sums[c]);
        if ((long)score * 100 < (long)s->floors[c] * max)
            bits |= 1u << c;
    }
    return bits;
}

int score_total_sums(const Scenario *s, const int *sums, size_t critical, int *passed)
{
    double wsum = 0, acc = 0;
    for (size_t c = 0; c < s->criterion_count; c++) {
        int max = s->crit_max[c] > 0 ? s->crit_max[c] : 0;
        int score = sums[c] < 0 ? 0 : (sums[c] > max ? max : sums[c]);
        if (max > 0) {
            wsum += s->criteria[c].weight;
            acc += s->criteria[c].weight * ((double)score / max);
        }
    }
    int total = wsum > 0 ? (int)floor(100.0 * acc / wsum + 0.5) : 0;
    if (passed)
        *passed = total >= s->pass_mark && critical == 0 && score_floors_missed(s, sums) == 0;
    return total;
}
