/*
 * bench_play.c — headless random playthroughs per second on one core.
 * Usage: bench_play SCENARIO_DIR [N] [--no-cache]   (N playthroughs, default 20000;
 *        --no-cache compiles the script text for every attempt instead of once)
 * Loads the scenario once, then plays N attempts with seeds 1..N, each in a fresh session
 * (a fresh Lua sandbox when the scenario has a script), and prints the rate.
 */
#include "session/session.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_play SCENARIO_DIR [N]\n");
        return 2;
    }
    long n = argc > 2 ? atol(argv[2]) : 20000;
    char rules_path[1024], scripts[1024];
    snprintf(rules_path, sizeof rules_path, "%s/../data/rules.json", argv[1]);
    snprintf(scripts, sizeof scripts, "%s/../../scripts", argv[1]);
    SimDiags d;
    simdiags_init(&d);
    RuleCatalog *rules = rules_load(rules_path, &d);
    char book_path[1024];
    snprintf(book_path, sizeof book_path, "%s/../data/services.json", argv[1]);
    RefBook *book = sim_is_file(book_path) ? refbook_load(book_path, rules, &d) : NULL;
    ScenarioLoadOptions opt = {.rules = rules, .scripts_dir = scripts, .refbook = book};
    Scenario *s = scenario_load(argv[1], &opt, &d);
    if (!s) {
        fprintf(stderr, "cannot load %s\n", argv[1]);
        return 1;
    }
    ScriptProgram *prog = NULL;
    SimError perr;
    int use_program = !(argc > 3 && strcmp(argv[3], "--no-cache") == 0);
    if (use_program && script_program_create(s, &prog, &perr) != SIM_OK) {
        fprintf(stderr, "%s\n", perr.msg);
        return 1;
    }
    long actions = 0, finished = 0, passed = 0;
    double t0 = now();
    for (long i = 1; i <= n; i++) {
        SessionOptions so = {.seed = (uint64_t)i, .mode = MODE_TRAINING, .program = prog};
        Session *ss;
        SimError e;
        if (session_create(s, &so, &ss, &e) != SIM_OK) {
            fprintf(stderr, "%s\n", e.msg);
            return 1;
        }
        SimRng rng;
        simrng_seed(&rng, (uint64_t)i);
        char id[512];
        while (!session_finished(ss) && session_action_count(ss) < SESSION_MAX_ACTIONS &&
               session_pick_random(ss, &rng, id, sizeof id))
            session_act(ss, id, &e);
        ScoreReport r;
        session_report(ss, &r);
        actions += (long)session_action_count(ss);
        finished += session_finished(ss);
        passed += r.passed;
        session_destroy(ss);
    }
    double dt = now() - t0;
    printf("scenario=%s playthroughs=%ld seconds=%.3f per_second=%.0f "
           "actions_per_playthrough=%.1f finished=%ld passed=%ld script=%s compiled_once=%s\n",
           s->id, n, dt, n / dt, (double)actions / n, finished, passed, s->script ? "yes" : "no",
           prog ? "yes" : "no");
    script_program_destroy(prog);
    scenario_free(s);
    refbook_free(book);
    rules_free(rules);
    simdiags_free(&d);
    return 0;
}
