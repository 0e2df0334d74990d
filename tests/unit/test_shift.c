/* test_shift.c — the «Смена» mode's plan, queue and totals (engine/ui/shift.c, no SDL). */
#include "ui/shift.h"
#include "../test.h"

#include <stdlib.h>

static const ShiftCandidate three[3] = {{2, "П-023"}, {3, "Р-041"}, {2, "З-008"}};
static const ShiftCandidate eight[8] = {{1, "А-001"}, {2, "Б-002"}, {3, "В-003"}, {4, "Г-004"},
                                        {5, "Д-005"}, {2, "Е-006"}, {3, "Ж-007"}, {1, "И-008"}};

static void serve(Shift *sh, double minutes, int total, int passed, int critical)
{
    ShiftResult r = {.finished = 1,
                     .total = total,
                     .passed = passed,
                     .critical = critical,
                     .minutes = minutes,
                     .norm = 15,
                     .applicant = "Иванова",
                     .service = "Паспорт",
                     .outcome = "Принято"};
    shift_call(sh);
    shift_finish(sh, &r);
}

int main(void)
{
    /* Deterministic from the seed; different seeds give different shifts. */
    Shift a, b, c;
    int na = shift_plan(&a, eight, 8, 42), nb = shift_plan(&b, eight, 8, 42);
    CHECK(na >= SHIFT_MIN && na <= SHIFT_MAX);
    CHECK_INT(na, nb);
    CHECK(memcmp(&a, &b, sizeof a) == 0);
    int differ = 0;
    for (uint64_t s = 1; s < 20; s++) {
        shift_plan(&c, eight, 8, s);
        differ |= c.count != a.count || c.e[0].scen != a.e[0].scen || c.e[1].scen != a.e[1].scen;
    }
    CHECK(differ);

    /* Every count from 4 to 6 occurs; with enough scenarios all differ; the first is one of the
     * easiest; difficulties are mixed; every attempt has its own seed. */
    int seen[SHIFT_MAX + 1] = {0};
    for (uint64_t s = 0; s < 200; s++) {
        int n = shift_plan(&c, eight, 8, s);
        seen[n]++;
        int distinct = 1, mixed = 0;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++) {
                distinct &= c.e[i].scen != c.e[j].scen;
                distinct &= c.e[i].seed != c.e[j].seed;
            }
        for (int i = 1; i < n; i++)
            mixed |= eight[c.e[i].scen].difficulty != eight[c.e[0].scen].difficulty;
        CHECK(distinct);
        CHECK(mixed);
        CHECK_INT(eight[c.e[0].scen].difficulty, 1);
    }
    CHECK(seen[4] && seen[5] && seen[6]);

    /* Fewer scenarios than applicants: repeats, but never twice in a row. */
    for (uint64_t s = 0; s < 200; s++) {
        int n = shift_plan(&c, three, 3, s);
        for (int i = 1; i < n; i++)
            CHECK(c.e[i].scen != c.e[i - 1].scen);
        for (int i = 0; i < n; i++)
            CHECK(c.e[i].scen >= 0 && c.e[i].scen < 3);
    }
    /* One scenario: it is every applicant. */
    shift_plan(&c, three, 1, 7);
    CHECK(c.count >= SHIFT_MIN);
    CHECK_INT(c.e[c.count - 1].scen, 0);
    CHECK_INT(shift_plan(&c, three, 0, 7), 0);

    /* Tickets: the scenario's own at its first visit (its words about the board hold); a
     * repeat draws a later number of the same letter; no two tickets alike. */
    for (uint64_t s = 0; s < 50; s++) {
        int n = shift_plan(&a, three, 3, s);
        for (int i = 0; i < n; i++) {
            int first = 1;
            for (int j = 0; j < i; j++) {
                first &= a.e[j].scen != a.e[i].scen;
                CHECK(strcmp(a.e[i].ticket, a.e[j].ticket) != 0);
            }
            if (first)
                CHECK_STR(a.e[i].ticket, three[a.e[i].scen].ticket);
            else
                CHECK(atoi(strchr(a.e[i].ticket, '-') + 1) >
                      atoi(strchr(three[a.e[i].scen].ticket, '-') + 1));
            CHECK(strncmp(a.e[i].ticket, three[a.e[i].scen].ticket, strlen("П")) == 0);
        }
    }

    /* The queue: two or three wait at the opening; it grows on the simulated clock only. */
    shift_plan(&a, three, 3, 5);
    CHECK_INT(shift_call(&a), 0);
    int q0 = shift_queue(&a, 0);
    CHECK(q0 >= 1 && q0 <= 2);
    CHECK(shift_queue(&a, 60) > q0); /* an hour at the window: more tickets */
    CHECK(shift_queue(&a, 0) == q0); /* nothing moved by itself */
    CHECK(shift_tickets_taken(&a, 30) >= shift_tickets_taken(&a, 10));

    /* Serving: each applicant is called after the previous one left (plus a minute), or when
     * their ticket arrives; the totals add up. */
    int n = a.count;
    serve(&a, 10, 90, 1, 0);
    CHECK_INT(a.cur, 1);
    double called1 = shift_call(&a);
    CHECK(called1 >= 10 + SHIFT_CALL_MINUTES - 1e-9);
    CHECK(called1 >= a.e[1].arrive);
    for (int i = 1; i < n; i++)
        serve(&a, 8, 80, 1, 0);
    CHECK(a.ended);
    ShiftTotals t;
    shift_totals(&a, &t);
    CHECK_INT(t.planned, n);
    CHECK_INT(t.served, n);
    CHECK_INT(t.passed, n);
    CHECK_INT(t.critical, 0);
    CHECK(t.avg_total > 79.9 && t.avg_total < 90.1);
    CHECK(t.over_norm == 0);
    CHECK_INT(t.verdict, SHIFT_EXCELLENT);
    CHECK(t.queue_left >= 0);
    CHECK_STR(a.e[0].applicant, "Иванова");

    /* Slow work leaves a longer queue than quick work with the same seed. */
    Shift slow, quick;
    shift_plan(&slow, three, 3, 9);
    shift_plan(&quick, three, 3, 9);
    for (int i = 0; i < slow.count; i++) {
        serve(&slow, 25, 60, 0, 1);
        serve(&quick, 5, 95, 1, 0);
    }
    ShiftTotals ts, tq;
    shift_totals(&slow, &ts);
    shift_totals(&quick, &tq);
    CHECK(ts.queue_left > tq.queue_left);
    CHECK(ts.over_norm > 0);
    CHECK_INT(ts.critical, slow.count);
    CHECK_INT(ts.passed, 0);
    CHECK_INT(ts.verdict, SHIFT_WEAK);
    CHECK_INT(tq.verdict, SHIFT_EXCELLENT);

    /* Leaving mid-shift: the attempt is interrupted, the shift is cut short, the rest wait. */
    shift_plan(&a, three, 3, 11);
    serve(&a, 10, 85, 1, 0);
    ShiftResult left = {.finished = 0,
                        .total = 20,
                        .minutes = 4,
                        .norm = 15,
                        .applicant = "Петров",
                        .service = "Загранпаспорт",
                        .outcome = "Не завершён"};
    shift_call(&a);
    shift_finish(&a, &left);
    CHECK(a.ended);
    CHECK_INT(a.e[1].state, SHIFT_INTERRUPTED);
    shift_totals(&a, &t);
    CHECK_INT(t.served, 1);
    CHECK_INT(t.verdict, SHIFT_CUT_SHORT);
    CHECK(t.queue_left >= a.count - 2);
    CHECK(t.avg_total > 84.9 && t.avg_total < 85.1);
    /* Nothing happens after the end. */
    serve(&a, 5, 100, 1, 0);
    CHECK_INT(a.cur, 2);

    printf("%d passed, %d failed\n", test_passed, test_failed);
    return test_failed ? 1 : 0;
}
