/* test_score.c — ledger and the weighted total. */
#include "score/score.h"
#include "../test.h"

#include <stdlib.h>

static Scenario *make_scenario(void)
{
    /* A hand-built scenario model: only the fields scoring reads. */
    Scenario *s = calloc(1, sizeof *s);
    const char *ids[] = {"legal", "documents", "communication", "time"};
    int weights[] = {35, 25, 15, 10};
    for (int i = 0; i < 4; i++) {
        s->criteria[i].id = (char *)ids[i];
        s->criteria[i].weight = weights[i];
    }
    s->criterion_count = 4;
    s->crit_max[0] = 20;
    s->crit_max[1] = 10;
    s->crit_max[2] = 10;
    s->crit_max[3] = 0; /* a criterion with nothing to earn is left out of the total */
    s->pass_mark = 70;
    return s;
}

int main(void)
{
    Scenario *s = make_scenario();
    ScoreLedger l;
    ledger_init(&l);
    ScoreReport r;
    score_compute(s, &l, &r);
    CHECK_INT(r.total, 0);
    CHECK_INT(r.passed, 0);

    ledger_add(&l, LEDGER_POINTS, "a", 0, 20, "ok", NULL, 1);
    ledger_add(&l, LEDGER_POINTS, "b", 1, 10, "ok", NULL, 2);
    ledger_add(&l, LEDGER_POINTS, "c", 2, 10, "ok", NULL, 3);
    score_compute(s, &l, &r);
    CHECK_INT(r.total, 100);
    CHECK_INT(r.passed, 1);
    CHECK_INT(r.mistake_count, 0);

    /* A mistake of −5 in communication: 35·1 + 25·1 + 15·0.5 over 75 → 90. */
    ledger_add(&l, LEDGER_POINTS, "d", 2, -5, "bad", NULL, 4);
    score_compute(s, &l, &r);
    CHECK_INT(r.crit[2].raw, 5);
    CHECK_INT(r.crit[2].score, 5);
    CHECK_INT(r.total, 90);
    CHECK_INT(r.mistake_count, 1);

    /* Points are clamped to [0, max]: extra points do not push past the maximum, and a
     * criterion cannot go below zero. */
    ledger_add(&l, LEDGER_POINTS, "e", 0, 50, "extra", NULL, 5);
    ledger_add(&l, LEDGER_POINTS, "f", 1, -40, "worse", NULL, 6);
    score_compute(s, &l, &r);
    CHECK_INT(r.crit[0].score, 20);
    CHECK_INT(r.crit[1].score, 0);
    CHECK_INT(r.total, 57); /* (35 + 0 + 7.5) / 75 = 56.67 → 57 */
    CHECK_INT(r.passed, 0);

    /* A critical error fails the attempt whatever the total. */
    ScoreLedger l2;
    ledger_init(&l2);
    ledger_add(&l2, LEDGER_POINTS, "a", 0, 20, "ok", NULL, 1);
    ledger_add(&l2, LEDGER_POINTS, "b", 1, 10, "ok", NULL, 2);
    ledger_add(&l2, LEDGER_POINTS, "c", 2, 10, "ok", NULL, 3);
    ledger_add(&l2, LEDGER_CRITICAL, "x", -1, 0, "critical", NULL, 4);
    score_compute(s, &l2, &r);
    CHECK_INT(r.total, 100);
    CHECK_INT(r.critical_count, 1);
    CHECK_INT(r.passed, 0);
    CHECK(ledger_is_mistake(&l2.entries[3]));

    /* Missed problems are mistakes with zero points. */
    ledger_add(&l2, LEDGER_MISSED, "missed:x.y", 1, 0, "missed", NULL, 5);
    CHECK(ledger_is_mistake(&l2.entries[4]));
    CHECK_STR(l2.entries[4].action, "missed:x.y");

    ledger_free(&l);
    ledger_free(&l2);
    free(s);
    return TEST_REPORT();
}
