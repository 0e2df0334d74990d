/*
 * cli_naive.c — `mfc-trainer naive [SCENARIO...|--all] [--seeds N] [--seed S] [--json]
 * [--max-random-rate P]`: plays each scenario as a trainee who does not think would, over
 * many seeds, and says whether a score can be had that way (issue #11).
 *
 * Strategies (session_pick_naive): always the first answer of the menu as shown, always the
 * last, always the longest — none of them opens a document or chooses a service — and random
 * play (the same picker as `play --random`). The menu order comes from the seed, so every seed
 * is another trainee. A scenario is gamed when a fixed strategy passes with any seed, or random
 * play passes more often than --max-random-rate percent (default 0.5).
 * Exit 0 when no scenario is gamed, 1 when one is (or does not load), 2 on bad arguments.
 */
#include "app.h"

#include "../core/i18n.h"
#include "../core/jsonw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* An attempt that has not ended after this many moves is stuck in a loop: not a pass. */
#define NAIVE_MAX_MOVES 400

static const char *const strategy_id[NAIVE_COUNT] = {"first", "last", "longest", "random"};

typedef struct NaiveTally {
    long long attempts, passed, finished, errors;
    int best_total;           /* the highest total any attempt reached, -1 before the first */
    uint64_t best_seed;       /* the seed of the first attempt with that total */
    uint64_t first_pass_seed; /* the first seed that passed (when passed > 0) */
} NaiveTally;

typedef struct NaiveArgs {
    const char **scenarios;
    size_t scenario_count;
    int all, json;
    long long seeds;
    uint64_t seed;
    double max_random_rate; /* percent */
} NaiveArgs;

static int usage(const char *fmt, const char *a)
{
    fprintf(stderr, "mfc-trainer naive: ");
    fprintf(stderr, fmt, a);
    fprintf(stderr, "\n%s", tr(STR_NAIVE_USAGE));
    return EXIT_USAGE;
}

/* One attempt with one strategy and seed; adds it to t. */
static void play_one(const AppScenario *a, SessionNaive how, uint64_t seed, NaiveTally *t)
{
    SessionOptions so = {.seed = seed, .mode = MODE_TRAINING, .program = a->prog};
    Session *ss = NULL;
    SimError err;
    t->attempts++;
    if (session_create(a->s, &so, &ss, &err) != SIM_OK) {
        t->errors++;
        return;
    }
    /* The random strategy's own choices come from another stream than the script's, so the
     * applicant behaves the same whichever picker plays. */
    SimRng rng;
    simrng_seed(&rng, seed * 0x9e3779b97f4a7c15ull + (uint64_t)how);
    char id[512];
    for (int moves = 0; moves < NAIVE_MAX_MOVES && !session_finished(ss); moves++) {
        if (!session_pick_naive(ss, how, &rng, id, sizeof id))
            break;
        if (session_act(ss, id, &err) != SIM_OK && how != NAIVE_RANDOM)
            break; /* a fixed strategy that cannot act is stuck */
    }
    if (session_content_error(ss))
        t->errors++;
    const Ending *en = session_ending(ss);
    if (en && !session_content_error(ss)) {
        ScoreReport r;
        session_report(ss, &r);
        t->finished++;
        if (r.passed && !t->passed++)
            t->first_pass_seed = seed;
        if (r.total > t->best_total) {
            t->best_total = r.total;
            t->best_seed = seed;
        }
    }
    session_destroy(ss);
}

static double pass_rate(const NaiveTally *t) /* percent */
{
    return t->attempts ? 100.0 * (double)t->passed / (double)t->attempts : 0;
}

static int gamed(const NaiveArgs *o, SessionNaive how, const NaiveTally *t)
{
    return how != NAIVE_RANDOM ? t->passed > 0 : pass_rate(t) > o->max_random_rate;
}

/* Plays every strategy over the seeds; prints a table or adds a JSON object. Returns 1 when
 * the scenario is gamed. */
static int run_scenario(const NaiveArgs *o, const AppScenario *a, SimJsonW *w)
{
    NaiveTally t[NAIVE_COUNT];
    int bad = 0;
    for (int k = 0; k < NAIVE_COUNT; k++) {
        memset(&t[k], 0, sizeof t[k]);
        t[k].best_total = -1;
        for (long long i = 0; i < o->seeds; i++)
            play_one(a, (SessionNaive)k, o->seed + (uint64_t)i, &t[k]);
        bad |= gamed(o, (SessionNaive)k, &t[k]);
    }
    if (w) {
        simjsonw_object(w);
        simjsonw_key(w, "scenario");
        simjsonw_string(w, a->s->id);
        simjsonw_key(w, "gamed");
        simjsonw_bool(w, bad);
        simjsonw_key(w, "strategies");
        simjsonw_object(w);
        for (int k = 0; k < NAIVE_COUNT; k++) {
            simjsonw_key(w, strategy_id[k]);
            simjsonw_object(w);
            simjsonw_key(w, "attempts");
            simjsonw_int(w, t[k].attempts);
            simjsonw_key(w, "finished");
            simjsonw_int(w, t[k].finished);
            simjsonw_key(w, "passed");
            simjsonw_int(w, t[k].passed);
            simjsonw_key(w, "pass_rate");
            simjsonw_number(w, pass_rate(&t[k]));
            simjsonw_key(w, "best_total");
            if (t[k].best_total >= 0)
                simjsonw_int(w, t[k].best_total);
            else
                simjsonw_null(w);
            simjsonw_key(w, "best_seed");
            simjsonw_uint(w, t[k].best_seed);
            simjsonw_key(w, "first_pass_seed");
            if (t[k].passed)
                simjsonw_uint(w, t[k].first_pass_seed);
            else
                simjsonw_null(w);
            simjsonw_key(w, "script_errors");
            simjsonw_int(w, t[k].errors);
            simjsonw_key(w, "gamed");
            simjsonw_bool(w, gamed(o, (SessionNaive)k, &t[k]));
            simjsonw_object_end(w);
        }
        simjsonw_object_end(w);
        simjsonw_object_end(w);
        return bad;
    }
    printf("%s — %s\n", a->s->id, a->s->title);
    for (int k = 0; k < NAIVE_COUNT; k++) {
        printf(tr(STR_NAIVE_ROW), strategy_id[k], t[k].passed, t[k].attempts, pass_rate(&t[k]),
               t[k].best_total < 0 ? 0 : t[k].best_total, (unsigned long long)t[k].best_seed);
        if (t[k].errors)
            printf(tr(STR_NAIVE_ERRORS), t[k].errors);
        if (gamed(o, (SessionNaive)k, &t[k]))
            printf(tr(STR_NAIVE_GAMED), a->s->id, strategy_id[k],
                   (unsigned long long)t[k].first_pass_seed);
        printf("\n");
    }
    return bad;
}

int cmd_naive(int argc, char **argv, const AppPaths *paths)
{
    NaiveArgs o = {.seeds = 1000, .seed = 1, .max_random_rate = 0.5};
    o.scenarios = calloc((size_t)(argc > 0 ? argc : 1), sizeof *o.scenarios);
    if (!o.scenarios)
        return EXIT_FAIL;
    int rc = EXIT_OK;
    for (int i = 0; i < argc && rc == EXIT_OK; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        char *end = NULL;
        if (strcmp(a, "--all") == 0) {
            o.all = 1;
        } else if (strcmp(a, "--json") == 0) {
            o.json = 1;
        } else if (strcmp(a, "--seeds") == 0 || strcmp(a, "--seed") == 0) {
            long long n = v ? strtoll(v, &end, 10) : 0;
            if (!v || *end || n < (strcmp(a, "--seeds") == 0 ? 1 : 0) || n > 100000000)
                rc = usage(tr(STR_NAIVE_BAD_NUMBER), a);
            else if (strcmp(a, "--seeds") == 0)
                o.seeds = n;
            else
                o.seed = (uint64_t)n;
            i++;
        } else if (strcmp(a, "--max-random-rate") == 0) {
            double p = v ? strtod(v, &end) : -1;
            if (!v || *end || p < 0 || p > 100)
                rc = usage(tr(STR_NAIVE_BAD_NUMBER), a);
            o.max_random_rate = p;
            i++;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            printf("%s", tr(STR_NAIVE_USAGE));
            free(o.scenarios);
            return EXIT_OK;
        } else if (a[0] == '-') {
            rc = usage(tr(STR_ERR_UNKNOWN_OPTION), a);
        } else {
            o.scenarios[o.scenario_count++] = a;
        }
    }
    if (rc == EXIT_OK && o.all == (o.scenario_count > 0))
        rc = usage("%s", tr(STR_NAIVE_WHICH));
    size_t n = 0;
    char **dirs = NULL;
    if (rc == EXIT_OK && o.all) {
        dirs = scenario_list_dirs(paths->scenarios, &n);
        if (!n)
            rc = usage(tr(STR_CHECK_NONE), paths->scenarios);
    } else {
        n = o.scenario_count;
    }
    SimJsonW w;
    SimBuf out;
    simbuf_init(&out);
    if (o.json) {
        simjsonw_init(&w, &out, 1);
        simjsonw_object(&w);
        simjsonw_key(&w, "seeds");
        simjsonw_int(&w, o.seeds);
        simjsonw_key(&w, "first_seed");
        simjsonw_uint(&w, o.seed);
        simjsonw_key(&w, "max_random_rate");
        simjsonw_number(&w, o.max_random_rate);
        simjsonw_key(&w, "scenarios");
        simjsonw_array(&w);
    }
    size_t gamed_count = 0, failed = 0;
    for (size_t i = 0; rc == EXIT_OK && i < n; i++) {
        AppScenario sc;
        int orc = app_scenario_open(&sc, paths, o.all ? dirs[i] : o.scenarios[i], "naive");
        if (orc == EXIT_USAGE && !o.all) {
            app_scenario_close(&sc);
            rc = EXIT_USAGE;
            break;
        }
        if (orc != EXIT_OK) {
            failed++; /* reported by the loader; the others go on */
        } else if (run_scenario(&o, &sc, o.json ? &w : NULL)) {
            gamed_count++;
        }
        app_scenario_close(&sc);
    }
    if (o.json) {
        simjsonw_array_end(&w);
        simjsonw_key(&w, "gamed");
        simjsonw_int(&w, (long long)gamed_count);
        simjsonw_key(&w, "not_loaded");
        simjsonw_int(&w, (long long)failed);
        simjsonw_object_end(&w);
        if (rc == EXIT_OK)
            printf("%s\n", simbuf_str(&out));
    } else if (rc == EXIT_OK) {
        printf(tr(STR_NAIVE_SUMMARY), n, gamed_count, failed, o.seeds);
        printf("\n");
    }
    simbuf_free(&out);
    scenario_dirs_free(dirs, dirs ? n : 0);
    free(o.scenarios);
    if (rc != EXIT_OK)
        return rc;
    return gamed_count || failed ? EXIT_FAIL : EXIT_OK;
}
