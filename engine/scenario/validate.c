/*
 * validate.c — checks that need the whole graph, and the maximum reachable per criterion.
 *
 * The maximum is what "earned against the maximum reachable" divides by. It is the longest
 * path through the step graph weighted by the criterion's positive points (side actions of a
 * step all count, moving actions pick the best branch), plus every planted document problem
 * and the best office-service choice, which are available on any path. Back edges of cycles
 * count zero, so the figure is finite. A scenario whose script awards extra points can set
 * "scoring.max" explicitly.
 */
#include "validate.h"

#include "../core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void vreport(ValidateCtx *vc, SimSeverity sev, const char *path, const char *msg,
                    const char *arg)
{
    int line = 0, col = 0;
    jsonpos_lookup(vc->pos, path, &line, &col);
    simdiags_add(vc->diags, sev, vc->file, line, col, path, msg, arg);
    if (sev == SIM_SEV_ERROR)
        vc->errors++;
}

static int action_sets(const Scenario *s, const char *flag)
{
    for (size_t i = 0; i < s->step_count; i++)
        for (size_t j = 0; j < s->steps[i].action_count; j++) {
            const Action *a = &s->steps[i].actions[j];
            for (size_t k = 0; k < a->set_count; k++)
                if (strcmp(a->set[k], flag) == 0)
                    return 1;
        }
    return 0;
}

/* What an answer is worth at its choice point: its own points and its ending's; a critical
 * error sinks it. */
static long answer_value(const Scenario *s, const Action *a)
{
    long v = 0;
    for (size_t k = 0; k < a->score_count; k++)
        v += a->score[k].points;
    if (a->ending >= 0)
        for (size_t k = 0; k < s->endings[a->ending].score_count; k++)
            v += s->endings[a->ending].score[k].points;
    if (a->critical.feedback || (a->ending >= 0 && s->endings[a->ending].critical.feedback))
        v -= 100000;
    return v;
}

/* A trainee who always picks the longest answer must not be rewarded: warn when, at more than
 * half of the choice points (steps with two answers or more and one best answer), the best
 * answer is also the strictly longest. */
static void validate_answer_lengths(const Scenario *s, ValidateCtx *vc)
{
    size_t points = 0, longest = 0;
    for (size_t i = 0; i < s->step_count; i++) {
        const Step *st = &s->steps[i];
        if (st->action_count < 2)
            continue;
        long best = 0;
        size_t best_i = 0, best_n = 0, long_i = 0, long_len = 0, long_n = 0;
        for (size_t j = 0; j < st->action_count; j++) {
            long v = answer_value(s, &st->actions[j]);
            if (best_n == 0 || v > best) {
                best = v;
                best_i = j;
                best_n = 1;
            } else if (v == best) {
                best_n++;
            }
            size_t len = sim_utf8_len(st->actions[j].text, strlen(st->actions[j].text));
            if (len > long_len) {
                long_len = len;
                long_i = j;
                long_n = 1;
            } else if (len == long_len) {
                long_n++;
            }
        }
        if (best_n != 1)
            continue;
        points++;
        longest += long_n == 1 && long_i == best_i;
    }
    if (points >= 2 && longest * 2 > points) {
        char msg[300];
        snprintf(msg, sizeof msg, tr(STR_LINT_LONGEST_BEST), longest, points);
        vreport(vc, SIM_SEV_WARNING, "steps", "%s", msg);
    }
}

void scenario_validate_graph(Scenario *s, ValidateCtx *vc)
{
    if (s->start < 0 || s->step_count == 0)
        return;
    char *seen = calloc(s->step_count, 1);
    char *ends = calloc(s->ending_count ? s->ending_count : 1, 1);
    int *queue = calloc(s->step_count, sizeof *queue);
    if (!seen || !ends || !queue)
        goto out;
    size_t qh = 0, qt = 0;
    queue[qt++] = s->start;
    seen[s->start] = 1;
    while (qh < qt) {
        const Step *st = &s->steps[queue[qh++]];
        for (size_t j = 0; j < st->action_count; j++) {
            const Action *a = &st->actions[j];
            if (a->next >= 0 && !seen[a->next]) {
                seen[a->next] = 1;
                queue[qt++] = a->next;
            }
            if (a->ending >= 0)
                ends[a->ending] = 1;
        }
    }
    if (s->walkout >= 0)
        ends[s->walkout] = 1;
    char path[600];
    for (size_t i = 0; i < s->step_count; i++)
        if (!seen[i]) {
            snprintf(path, sizeof path, "steps.%s", s->steps[i].id);
            vreport(vc, SIM_SEV_WARNING, path, tr(STR_LINT_STEP_UNREACHABLE), s->steps[i].id);
        }
    for (size_t i = 0; i < s->ending_count; i++)
        if (!ends[i] && !s->script) {
            snprintf(path, sizeof path, "endings.%s", s->endings[i].id);
            vreport(vc, SIM_SEV_WARNING, path, tr(STR_LINT_ENDING_UNREACHABLE), s->endings[i].id);
        }
    /* Dead ends: a reachable step from which no action leads, through any number of steps, to
     * an ending. The trainee would be stuck there until the applicant walks out. */
    char *exits = calloc(s->step_count, 1);
    if (exits) {
        for (int changed = 1; changed;) {
            changed = 0;
            for (size_t i = 0; i < s->step_count; i++) {
                if (exits[i])
                    continue;
                const Step *st = &s->steps[i];
                for (size_t j = 0; j < st->action_count && !exits[i]; j++) {
                    const Action *a = &st->actions[j];
                    if (a->ending >= 0 || (a->next >= 0 && exits[a->next]))
                        exits[i] = changed = 1;
                }
            }
        }
        for (size_t i = 0; i < s->step_count; i++)
            if (seen[i] && !exits[i]) {
                snprintf(path, sizeof path, "steps.%s", s->steps[i].id);
                vreport(vc, SIM_SEV_WARNING, path, tr(STR_LINT_DEAD_END), s->steps[i].id);
            }
        free(exits);
    }
    /* A plain flag in "requires" that nothing sets can never hold (unless a script sets it). */
    if (!s->script)
        for (size_t i = 0; i < s->step_count; i++)
            for (size_t j = 0; j < s->steps[i].action_count; j++) {
                const Action *a = &s->steps[i].actions[j];
                for (size_t k = 0; k < a->require_count; k++) {
                    const char *n = a->requires[k].name;
                    if (strchr(n, ':') || action_sets(s, n))
                        continue;
                    snprintf(path, sizeof path, "steps.%s.actions[%zu].requires[%zu]",
                             s->steps[i].id, j, k);
                    vreport(vc, SIM_SEV_WARNING, path, tr(STR_LINT_FLAG_NEVER_SET), n);
                }
            }
    validate_answer_lengths(s, vc);
out:
    free(seen);
    free(ends);
    free(queue);
}

/* ==== maxima ============================================================================== */

static int positive(const ScoreSpec *sc, size_t n, int c)
{
    int sum = 0;
    for (size_t i = 0; i < n; i++)
        if (sc[i].criterion == c && sc[i].points > 0)
            sum += sc[i].points;
    return sum;
}

typedef struct MaxCtx {
    const Scenario *s;
    int c;
    int *memo;
    char *state; /* 0 new, 1 on the stack, 2 done */
} MaxCtx;

static int best_from(MaxCtx *m, int step, int depth)
{
    if (m->state[step] == 2)
        return m->memo[step];
    if (m->state[step] == 1 || depth > 10000)
        return 0; /* a back edge: the cycle adds nothing */
    m->state[step] = 1;
    const Step *st = &m->s->steps[step];
    int side = 0, move = 0;
    for (size_t j = 0; j < st->action_count; j++) {
        const Action *a = &st->actions[j];
        int p = positive(a->score, a->score_count, m->c);
        if (a->next < 0 && a->ending < 0) {
            side += p;
            continue;
        }
        int rest = 0;
        if (a->next >= 0 && a->next != step)
            rest = best_from(m, a->next, depth + 1);
        else if (a->ending >= 0)
            rest = positive(m->s->endings[a->ending].score, m->s->endings[a->ending].score_count,
                            m->c);
        if (p + rest > move)
            move = p + rest;
    }
    m->state[step] = 2;
    m->memo[step] = side + move;
    return side + move;
}

void scenario_compute_max(Scenario *s, ValidateCtx *vc)
{
    (void)vc;
    if (s->start < 0)
        return;
    int *memo = calloc(s->step_count, sizeof *memo);
    char *state = calloc(s->step_count, 1);
    if (!memo || !state) {
        free(memo);
        free(state);
        return;
    }
    for (size_t c = 0; c < s->criterion_count; c++) {
        if (s->crit_max[c] >= 0)
            continue;
        memset(state, 0, s->step_count);
        MaxCtx m = {s, (int)c, memo, state};
        int total = best_from(&m, s->start, 0);
        for (size_t d = 0; d < s->document_count; d++) {
            const Document *doc = &s->documents[d];
            for (size_t k = 0; k < doc->problem_count; k++)
                total += positive(doc->problems[k].score, doc->problems[k].score_count, (int)c);
            for (size_t k = 0; k < doc->trap_count; k++)
                total += positive(doc->traps[k].score, doc->traps[k].score_count, (int)c);
        }
        int best_service = 0;
        for (size_t k = 0; k < s->service_count; k++) {
            int p = positive(s->services[k].score, s->services[k].score_count, (int)c);
            if (p > best_service)
                best_service = p;
        }
        total += best_service;
        if ((int)c == s->time_criterion)
            total += s->time_points;
        s->crit_max[c] = total;
        if (total == 0 && s->criteria[c].weight > 0) {
            char path[64];
            snprintf(path, sizeof path, "scoring");
            vreport(vc, SIM_SEV_WARNING, path, tr(STR_LINT_CRITERION_NO_POINTS), s->criteria[c].id);
        }
    }
    free(memo);
    free(state);
}
