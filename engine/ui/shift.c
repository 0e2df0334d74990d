/*
 * shift.c — the «Смена» mode's plan, queue and totals (see shift.h). Pure: no SDL, no clock.
 */
#include "shift.h"
#include "../core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A ticket in the scenario's own queue: its letter and number ("П-023"), so the scenario's
 * words about the board still hold; the same scenario again later in the shift draws a later
 * number of the same letter (each service has its own counter, as in a real office). */
static void ticket_label(char *out, size_t n, const char *scen_ticket, int repeat, int step)
{
    char letter[16];
    snprintf(letter, sizeof letter, "%s", tr(STR_SHIFT_TICKET_LETTER));
    int number = 1;
    if (scen_ticket && *scen_ticket) {
        const char *dash = strchr(scen_ticket, '-');
        size_t k = dash ? (size_t)(dash - scen_ticket) : 0;
        if (k > 0 && k < sizeof letter) {
            memcpy(letter, scen_ticket, k);
            letter[k] = '\0';
            number = atoi(dash + 1);
        }
    }
    snprintf(out, n, "%s-%03d", letter, (number + repeat * step) % 1000);
}

int shift_plan(Shift *sh, const ShiftCandidate *c, size_t n, uint64_t seed)
{
    memset(sh, 0, sizeof *sh);
    sh->seed = seed;
    if (!c || n == 0)
        return 0;
    SimRng rng;
    simrng_seed(&rng, seed ^ 0x5348494654ULL); /* "SHIFT": not the attempts' own sequence */
    int count = SHIFT_MIN + (int)simrng_below(&rng, SHIFT_MAX - SHIFT_MIN + 1);

    /* A pool of candidates in a seeded order; refilled (reshuffled) when used up, so the
     * scenarios differ while there are enough of them. */
    int pool[256];
    size_t pn = n < 256 ? n : 256, left = 0;
    int prev = -1, prev_diff = -1;
    for (int i = 0; i < count; i++) {
        if (left == 0) {
            for (size_t k = 0; k < pn; k++)
                pool[k] = (int)k;
            for (size_t k = pn; k > 1; k--) {
                size_t j = (size_t)simrng_below(&rng, k);
                int t = pool[k - 1];
                pool[k - 1] = pool[j];
                pool[j] = t;
            }
            left = pn;
        }
        /* Choose from what is left: the first applicant is one of the easiest, the others
         * prefer a difficulty different from the previous one; never the same scenario twice
         * in a row when there is a choice. */
        int best = -1, best_score = -1000;
        for (size_t k = 0; k < left; k++) {
            int cand = pool[k], d = c[cand].difficulty, score = 0;
            if (cand == prev && pn > 1)
                score -= 100;
            if (i == 0)
                score -= d * 10;
            else if (d != prev_diff)
                score += 5;
            if (score > best_score) {
                best_score = score;
                best = (int)k;
            }
        }
        if (pool[best] == prev && pn > 1 && left == 1) {
            /* Only the previous scenario is left in this round: start the next round. */
            left = 0;
            i--;
            continue;
        }
        int chosen = pool[best];
        pool[best] = pool[--left];
        sh->e[i].scen = chosen;
        sh->e[i].seed = simrng_next(&rng);
        sh->e[i].called = -1;
        prev = chosen;
        prev_diff = c[chosen].difficulty;
    }
    sh->count = count;

    /* Tickets: two or three visitors are waiting at the opening, then one every 3–8 minutes. */
    int waiting = 2 + (int)simrng_below(&rng, 2);
    double t = 0;
    for (int k = 0; k < SHIFT_TICKETS; k++) {
        if (k >= waiting)
            t += 3.0 + (double)simrng_below(&rng, 6);
        sh->arrivals[k] = t;
    }
    int step = 4 + (int)simrng_below(&rng, 6);
    for (int i = 0; i < count; i++) {
        int repeat = 0;
        for (int j = 0; j < i; j++)
            repeat += sh->e[j].scen == sh->e[i].scen;
        sh->e[i].arrive = sh->arrivals[i];
        ticket_label(sh->e[i].ticket, sizeof sh->e[i].ticket, c[sh->e[i].scen].ticket, repeat,
                     step);
    }
    return count;
}

double shift_call(Shift *sh)
{
    if (sh->ended || sh->cur >= sh->count)
        return sh->clock;
    ShiftEntry *e = &sh->e[sh->cur];
    if (e->called < 0) {
        if (sh->clock < e->arrive)
            sh->clock = e->arrive; /* the window waits for the next visitor */
        e->called = sh->clock;
    }
    return e->called;
}

int shift_tickets_taken(const Shift *sh, double at_window)
{
    double now = sh->clock + (sh->ended ? 0 : at_window);
    int n = 0;
    while (n < SHIFT_TICKETS && sh->arrivals[n] <= now + 1e-9)
        n++;
    return n;
}

int shift_queue(const Shift *sh, double at_window)
{
    if (sh->count == 0)
        return 0;
    int called = sh->cur + (sh->ended ? 0 : 1);
    if (called > sh->count)
        called = sh->count;
    int q = shift_tickets_taken(sh, at_window) - called;
    return q > 0 ? q : 0;
}

void shift_finish(Shift *sh, const ShiftResult *r)
{
    if (sh->ended || sh->cur >= sh->count)
        return;
    shift_call(sh);
    ShiftEntry *e = &sh->e[sh->cur];
    e->state = r->finished ? SHIFT_SERVED : SHIFT_INTERRUPTED;
    e->total = r->total;
    e->passed = r->passed;
    e->critical = r->critical;
    e->minutes = r->minutes;
    e->norm = r->norm;
    snprintf(e->applicant, sizeof e->applicant, "%s", r->applicant ? r->applicant : "");
    snprintf(e->service, sizeof e->service, "%s", r->service ? r->service : "");
    snprintf(e->outcome, sizeof e->outcome, "%s", r->outcome ? r->outcome : "");
    sh->clock = e->called + r->minutes;
    sh->cur++;
    if (!r->finished || sh->cur >= sh->count)
        sh->ended = 1;
    else
        sh->clock += SHIFT_CALL_MINUTES;
}

void shift_totals(const Shift *sh, ShiftTotals *t)
{
    memset(t, 0, sizeof *t);
    t->planned = sh->count;
    long sum = 0;
    for (int i = 0; i < sh->count; i++) {
        const ShiftEntry *e = &sh->e[i];
        if (e->state == SHIFT_WAITING)
            continue;
        t->critical += e->critical;
        if (e->minutes > e->norm)
            t->over_norm += e->minutes - e->norm;
        if (e->state != SHIFT_SERVED)
            continue;
        t->served++;
        t->passed += e->passed != 0;
        sum += e->total;
    }
    t->avg_total = t->served ? (double)sum / t->served : 0;
    t->minutes = sh->clock;
    t->queue_left = shift_queue(sh, 0);
    if (t->served < t->planned)
        t->verdict = SHIFT_CUT_SHORT;
    else if (t->passed == t->planned && t->critical == 0 && t->over_norm <= 0)
        t->verdict = SHIFT_EXCELLENT;
    else if (t->critical == 0 && t->passed * 3 >= t->planned * 2)
        t->verdict = SHIFT_GOOD;
    else
        t->verdict = SHIFT_WEAK;
}
