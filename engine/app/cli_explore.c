/*
 * cli_explore.c — `mfc-trainer explore SCENARIO|--all [--jobs N] [--json] [--limit N]
 * [--depth N] [--random N] [--seed S] [--verify N]`: walks a scenario's paths
 * (engine/session/explore.h) and prints what a methodologist needs to know before trainees see it.
 * Exit 0 when clean, 1 on a script error or a dead end (or a scenario that does not load), 2 on bad
 * arguments.
 */
#include "app.h"

#include "../core/i18n.h"
#include "../core/jsonw.h"
#include "../session/explore.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

typedef struct ExploreArgs {
    const char *scenario;
    int json;
    long long limit, depth, random, verify, jobs;
    int all;
    uint64_t seed;
} ExploreArgs;

static int bad_usage(const char *fmt, const char *a, const char *b)
{
    fprintf(stderr, "mfc-trainer explore: ");
    fprintf(stderr, fmt, a, b);
    fprintf(stderr, "\n%s", tr(STR_EXPLORE_USAGE));
    return EXIT_USAGE;
}

static int parse_count(const char *flag, const char *v, long long *out)
{
    char *end = NULL;
    long long n = v ? strtoll(v, &end, 10) : 0;
    if (!v || !*v || *end || n <= 0)
        return bad_usage(tr(STR_EXPLORE_BAD_NUMBER), flag, v ? v : "");
    *out = n;
    return EXIT_OK;
}

static int parse_explore_args(int argc, char **argv, ExploreArgs *o)
{
    memset(o, 0, sizeof *o);
    o->seed = 1;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        int rc = EXIT_OK;
        if (strcmp(a, "--json") == 0) {
            o->json = 1;
            continue;
        }
        if (strcmp(a, "--all") == 0) {
            o->all = 1;
            continue;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(tr(STR_EXPLORE_USAGE), stdout);
            return -1;
        }
        if (strcmp(a, "--limit") == 0)
            rc = parse_count(a, v, &o->limit);
        else if (strcmp(a, "--depth") == 0)
            rc = parse_count(a, v, &o->depth);
        else if (strcmp(a, "--random") == 0)
            rc = parse_count(a, v, &o->random);
        else if (strcmp(a, "--verify") == 0)
            rc = parse_count(a, v, &o->verify);
        else if (strcmp(a, "--jobs") == 0)
            rc = parse_count(a, v, &o->jobs);
        else if (strcmp(a, "--seed") == 0) {
            char *end = NULL;
            unsigned long long s = v ? strtoull(v, &end, 10) : 0;
            if (!v || !*v || *end || v[0] == '-')
                return bad_usage(tr(STR_ERR_BAD_SEED), v ? v : "", "");
            o->seed = s;
        } else if (a[0] == '-')
            return bad_usage(tr(STR_ERR_UNKNOWN_OPTION), a, "");
        else if (!o->scenario) {
            o->scenario = a;
            continue;
        } else
            return bad_usage(tr(STR_ERR_UNKNOWN_OPTION), a, "");
        if (rc != EXIT_OK)
            return rc;
        i++; /* the flag's value */
    }
    if (o->all && o->scenario)
        return bad_usage(tr(STR_ERR_UNKNOWN_OPTION), o->scenario, "");
    if (!o->scenario && !o->all)
        return bad_usage("%s%s", tr(STR_ERR_NO_SCENARIO_ARG), "");
    return EXIT_OK;
}

static char *join_path(const ExplorePath *p)
{
    SimBuf b;
    simbuf_init(&b);
    for (size_t i = 0; i < p->count; i++)
        simbuf_printf(&b, "%s%s", i ? "," : "", p->actions[i]);
    if (!p->count)
        simbuf_puts(&b, tr(STR_EXPLORE_PATH_START));
    return simbuf_take(&b);
}

static void json_path(SimJsonW *w, const char *key, const ExplorePath *p)
{
    simjsonw_key(w, key);
    simjsonw_array(w);
    for (size_t i = 0; i < p->count; i++)
        simjsonw_string(w, p->actions[i]);
    simjsonw_array_end(w);
}

/* The report as one JSON object. Caller frees. */
static char *report_json(const Scenario *s, const ExploreArgs *o, const ExploreResult *r,
                         double secs)
{
    SimBuf b;
    simbuf_init(&b);
    SimJsonW w;
    simjsonw_init(&w, &b, 1);
    simjsonw_object(&w);
    simjsonw_key(&w, "scenario");
    simjsonw_string(&w, s->id);
    simjsonw_key(&w, "version");
    simjsonw_string(&w, s->version);
    simjsonw_key(&w, "mode");
    simjsonw_string(&w, o->random ? "random" : "exhaustive");
    simjsonw_key(&w, "seed");
    simjsonw_uint(&w, o->seed);
    simjsonw_key(&w, "complete");
    simjsonw_bool(&w, o->random ? 0 : r->complete);
    simjsonw_key(&w, "states");
    simjsonw_int(&w, r->states);
    simjsonw_key(&w, "transitions");
    simjsonw_int(&w, r->transitions);
    simjsonw_key(&w, "acts");
    simjsonw_int(&w, r->acts);
    simjsonw_key(&w, "control_states");
    simjsonw_int(&w, r->control_states);
    if (o->verify) {
        simjsonw_key(&w, "verified");
        simjsonw_int(&w, r->verified);
        simjsonw_key(&w, "verify_failures");
        simjsonw_int(&w, r->verify_failures);
        simjsonw_key(&w, "verify_message");
        if (r->verify_message)
            simjsonw_string(&w, r->verify_message);
        else
            simjsonw_null(&w);
    }
    simjsonw_key(&w, "runs");
    simjsonw_int(&w, r->runs);
    simjsonw_key(&w, "seconds");
    simjsonw_number(&w, secs);
    simjsonw_key(&w, "endings");
    simjsonw_array(&w);
    for (size_t i = 0; i < r->ending_count; i++) {
        const ExploreEnding *e = &r->endings[i];
        simjsonw_object(&w);
        simjsonw_key(&w, "id");
        simjsonw_string(&w, e->ending->id);
        simjsonw_key(&w, "outcome");
        simjsonw_string(&w, outcome_id(e->ending->outcome));
        simjsonw_key(&w, "must_fail");
        simjsonw_bool(&w, e->ending->must_fail);
        simjsonw_key(&w, "reached");
        simjsonw_int(&w, e->reached);
        if (e->reached) {
            simjsonw_key(&w, "min_total");
            simjsonw_int(&w, e->min_total);
            simjsonw_key(&w, "max_total");
            simjsonw_int(&w, e->max_total);
            simjsonw_key(&w, "passed");
            simjsonw_int(&w, e->passed);
            simjsonw_key(&w, "failed");
            simjsonw_int(&w, e->reached - e->passed);
            json_path(&w, "min_path", &e->min_path);
            json_path(&w, "max_path", &e->max_path);
        }
        simjsonw_object_end(&w);
    }
    simjsonw_array_end(&w);
    simjsonw_key(&w, "unreachable_endings");
    simjsonw_array(&w);
    for (size_t i = 0; i < r->ending_count; i++)
        if (!r->endings[i].reached)
            simjsonw_string(&w, r->endings[i].ending->id);
    simjsonw_array_end(&w);
    simjsonw_key(&w, "best");
    if (r->best_total < 0) {
        simjsonw_null(&w);
    } else {
        simjsonw_object(&w);
        simjsonw_key(&w, "total");
        simjsonw_int(&w, r->best_total);
        simjsonw_key(&w, "passed");
        simjsonw_bool(&w, r->best_passed);
        json_path(&w, "path", &r->best_path);
        simjsonw_object_end(&w);
    }
    static const struct {
        ExploreIssueKind kind;
        const char *key, *place;
    } lists[] = {{EXPLORE_DEAD_END, "dead_ends", "step"},
                 {EXPLORE_SCRIPT_ERROR, "script_errors", "step"},
                 {EXPLORE_MUST_FAIL, "must_fail_passed", "ending"}};
    for (size_t kind = 0; kind < sizeof lists / sizeof lists[0]; kind++) {
        simjsonw_key(&w, lists[kind].key);
        simjsonw_array(&w);
        for (size_t i = 0; i < r->issue_count; i++) {
            const ExploreIssue *is = &r->issues[i];
            if (is->kind != lists[kind].kind)
                continue;
            simjsonw_object(&w);
            simjsonw_key(&w, lists[kind].place);
            simjsonw_string(&w, is->step);
            simjsonw_key(&w, "message");
            simjsonw_string(&w, is->message);
            json_path(&w, "path", &is->path);
            simjsonw_object_end(&w);
        }
        simjsonw_array_end(&w);
    }
    simjsonw_key(&w, "coverage");
    simjsonw_object(&w);
    simjsonw_key(&w, "steps");
    simjsonw_int(&w, (long long)r->steps_seen);
    simjsonw_key(&w, "steps_total");
    simjsonw_int(&w, (long long)r->steps_total);
    simjsonw_key(&w, "actions");
    simjsonw_int(&w, (long long)r->actions_seen);
    simjsonw_key(&w, "actions_total");
    simjsonw_int(&w, (long long)r->actions_total);
    simjsonw_key(&w, "steps_not_seen");
    simjsonw_array(&w);
    for (size_t i = 0; i < s->step_count; i++)
        if (!r->step_seen[i])
            simjsonw_string(&w, s->steps[i].id);
    simjsonw_array_end(&w);
    simjsonw_key(&w, "actions_not_seen");
    simjsonw_array(&w);
    for (size_t i = 0; i < s->step_count; i++)
        for (size_t j = 0; j < s->steps[i].action_count; j++)
            if (!r->action_seen[i][j])
                simjsonw_string(&w, s->steps[i].actions[j].id);
    simjsonw_array_end(&w);
    simjsonw_object_end(&w);
    simjsonw_object_end(&w);
    return simbuf_take(&b);
}

static void print_json(const Scenario *s, const ExploreArgs *o, const ExploreResult *r, double secs)
{
    char *j = report_json(s, o, r, secs);
    printf("%s\n", j ? j : "{}");
    free(j);
}

static void print_text(const Scenario *s, const ExploreArgs *o, const ExploreResult *r, double secs)
{
    printf(tr(STR_EXPLORE_HEAD), s->id, s->title, s->version);
    printf("\n");
    if (o->random)
        printf(tr(STR_EXPLORE_MODE_RANDOM), r->runs, (unsigned long long)o->seed, r->transitions);
    else
        printf(tr(STR_EXPLORE_MODE_ALL), r->states, r->transitions,
               r->complete ? "" : tr(STR_EXPLORE_INCOMPLETE));
    printf(tr(STR_EXPLORE_SECONDS), secs, tr(STR_EXPLORE_ENDINGS));
    for (size_t i = 0; i < r->ending_count; i++) {
        const ExploreEnding *e = &r->endings[i];
        if (e->reached)
            printf(tr(STR_EXPLORE_ENDING_LINE), e->ending->id, outcome_id(e->ending->outcome),
                   e->reached, e->min_total, e->max_total, e->passed, e->reached);
        else
            printf(tr(STR_EXPLORE_UNREACHED), e->ending->id);
        printf("\n");
    }
    if (r->best_total >= 0) {
        char *p = join_path(&r->best_path);
        printf(tr(STR_EXPLORE_BEST), r->best_total, tr(r->best_passed ? STR_PASSED : STR_FAILED),
               p);
        printf("\n");
        free(p);
    } else {
        printf("%s\n", tr(STR_EXPLORE_NO_BEST));
    }
    printf(tr(STR_EXPLORE_COVERAGE), r->steps_seen, r->steps_total, r->actions_seen,
           r->actions_total);
    printf("\n");
    SimBuf miss;
    simbuf_init(&miss);
    for (size_t i = 0; i < s->step_count; i++) {
        if (!r->step_seen[i])
            simbuf_printf(&miss, tr(STR_EXPLORE_STEP_ITEM), miss.len ? ", " : "", s->steps[i].id);
        for (size_t j = 0; j < s->steps[i].action_count; j++)
            if (!r->action_seen[i][j])
                simbuf_printf(&miss, "%s%s", miss.len ? ", " : "", s->steps[i].actions[j].id);
    }
    if (miss.len) {
        printf(tr(STR_EXPLORE_NOT_SEEN), simbuf_str(&miss));
        printf("\n");
    }
    simbuf_free(&miss);
    for (size_t i = 0; i < r->issue_count; i++) {
        const ExploreIssue *is = &r->issues[i];
        char *p = join_path(&is->path);
        printf(tr(is->kind == EXPLORE_DEAD_END    ? STR_EXPLORE_DEAD_END
                  : is->kind == EXPLORE_MUST_FAIL ? STR_EXPLORE_MUST_FAIL
                                                  : STR_EXPLORE_SCRIPT_ERROR),
               is->step, is->message, p);
        printf("\n");
        free(p);
    }
    if (!r->issue_count)
        printf("%s\n", tr(STR_EXPLORE_CLEAN));
    if (o->verify) {
        printf(tr(STR_EXPLORE_VERIFIED), r->verified, r->verify_failures);
        printf("\n");
        if (r->verify_message)
            printf("  %s\n", r->verify_message);
    }
}

/* ---- the whole pack (--all): scenarios explored side by side, reported in pack order ---- */

typedef struct PackJob {
    AppScenario sc;
    int opened;
    long estimate; /* a rough size, so the biggest start first */
    ExploreResult *r;
    SimStatus st;
    SimError err;
    double secs;
} PackJob;

typedef struct Pack {
    const ExploreArgs *o;
    PackJob *jobs;
    size_t *order; /* jobs by estimate, biggest first */
    size_t count, next;
    pthread_mutex_t lock;
} Pack;

static double now_s(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* explore and the modules below it hold no mutable global state, so scenarios can be
 * explored on several threads; each job touches only its own scenario, program and result. */
static void *pack_worker(void *arg)
{
    Pack *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        size_t k = p->next < p->count ? p->order[p->next++] : (size_t)-1;
        pthread_mutex_unlock(&p->lock);
        if (k == (size_t)-1)
            return NULL;
        PackJob *j = &p->jobs[k];
        const ExploreArgs *o = p->o;
        ExploreOptions eo = {.limit = (size_t)o->limit,
                             .random_runs = (long)o->random,
                             .seed = o->seed,
                             .max_depth = (int)o->depth,
                             .program = j->sc.prog,
                             .verify = (long)o->verify};
        double t0 = now_s();
        j->st = explore_run(j->sc.s, &eo, &j->r, &j->err);
        j->secs = now_s() - t0;
    }
}

/* Roughly how many control states: the ways the documents can lie (closed, open, each flag)
 * times the services times the subsets of side actions each step offers. Used only to start
 * the biggest scenarios first. */
static long size_estimate(const Scenario *s)
{
    double e = (double)s->service_count + 1;
    for (size_t d = 0; d < s->document_count; d++)
        e *= 2.0 + (double)s->documents[d].problem_count + (double)s->documents[d].trap_count;
    for (size_t i = 0; i < s->step_count; i++) {
        int stay = 0;
        for (size_t j = 0; j < s->steps[i].action_count; j++)
            stay += s->steps[i].actions[j].next < 0 && s->steps[i].actions[j].ending < 0;
        e *= 1.0 + stay;
    }
    return e > 1e15 ? (long)1e15 : (long)e;
}

static int explore_all(const ExploreArgs *o, const AppPaths *paths)
{
    size_t n = 0;
    char **dirs = scenario_list_dirs(paths->scenarios, &n);
    if (!n) {
        fprintf(stderr, "mfc-trainer explore: ");
        fprintf(stderr, tr(STR_CHECK_NONE), paths->scenarios);
        fprintf(stderr, "\n");
        scenario_dirs_free(dirs, n);
        return EXIT_USAGE;
    }
    Pack p = {o, calloc(n, sizeof *p.jobs), calloc(n, sizeof *p.order), 0,
              0, PTHREAD_MUTEX_INITIALIZER};
    int rc = EXIT_OK;
    if (!p.jobs || !p.order) {
        fprintf(stderr, "%s", tr(STR_EXPLORE_NOMEM));
        free(p.jobs);
        free(p.order);
        scenario_dirs_free(dirs, n);
        return EXIT_FAIL;
    }
    /* Loading prints its diagnostics, so it happens here, one scenario after another; a
     * scenario that does not load is reported and the others go on. */
    for (size_t i = 0; i < n; i++) {
        PackJob *j = &p.jobs[i];
        if (app_scenario_open(&j->sc, paths, dirs[i], "explore") != EXIT_OK) {
            rc = EXIT_FAIL;
            continue;
        }
        j->opened = 1;
        j->estimate = size_estimate(j->sc.s);
        size_t k = p.count++;
        while (k > 0 && p.jobs[p.order[k - 1]].estimate < j->estimate) {
            p.order[k] = p.order[k - 1];
            k--;
        }
        p.order[k] = i;
    }
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    size_t jobs = o->jobs > 0 ? (size_t)o->jobs : (size_t)(cores > 0 ? cores : 1);
    if (jobs > p.count)
        jobs = p.count ? p.count : 1;
    pthread_t *th = calloc(jobs, sizeof *th);
    size_t started = 0;
    double t0 = now_s();
    for (size_t i = 1; th && i < jobs; i++)
        if (pthread_create(&th[i], NULL, pack_worker, &p) == 0)
            started++;
    pack_worker(&p); /* this thread works too */
    for (size_t i = 1; i <= started; i++)
        pthread_join(th[i], NULL);
    double wall = now_s() - t0;
    free(th);
    long long states = 0, explored = 0;
    int complete = 1;
    SimBuf all;
    simbuf_init(&all);
    for (size_t i = 0; i < n; i++) {
        PackJob *j = &p.jobs[i];
        if (!j->opened)
            continue;
        if (j->st != SIM_OK) {
            fprintf(stderr, "mfc-trainer explore: %s: %s\n", j->sc.s->id, j->err.msg);
            rc = EXIT_FAIL;
            continue;
        }
        explored++;
        states += j->r->states;
        complete &= o->random ? 1 : j->r->complete;
        if (j->r->issue_count || j->r->verify_failures)
            rc = EXIT_FAIL;
        if (o->json) {
            char *js = report_json(j->sc.s, o, j->r, j->secs);
            simbuf_printf(&all, "%s%s", all.len ? ",\n" : "", js ? js : "{}");
            free(js);
        } else {
            print_text(j->sc.s, o, j->r, j->secs);
            printf("\n");
        }
    }
    if (o->json)
        printf("{\"pack\": %lld, \"jobs\": %zu, \"states\": %lld, \"complete\": %s, "
               "\"seconds\": %.2f, \"scenarios\": [\n%s\n]}\n",
               explored, jobs, states, complete ? "true" : "false", wall, simbuf_str(&all));
    else
        printf(tr(STR_EXPLORE_PACK), explored, states, wall, jobs);
    if (!o->json)
        printf("\n");
    simbuf_free(&all);
    for (size_t i = 0; i < n; i++) {
        explore_free(p.jobs[i].r);
        if (p.jobs[i].opened || p.jobs[i].sc.dir)
            app_scenario_close(&p.jobs[i].sc);
    }
    free(p.jobs);
    free(p.order);
    scenario_dirs_free(dirs, n);
    return rc;
}

int cmd_explore(int argc, char **argv, const AppPaths *paths)
{
    ExploreArgs o;
    int rc = parse_explore_args(argc, argv, &o);
    if (rc < 0)
        return EXIT_OK;
    if (rc != EXIT_OK)
        return rc;
    if (o.all)
        return explore_all(&o, paths);
    AppScenario sc;
    ExploreResult *r = NULL;
    SimError err;
    rc = app_scenario_open(&sc, paths, o.scenario, "explore");
    if (rc != EXIT_OK)
        goto done;
    rc = EXIT_FAIL;
    const Scenario *s = sc.s;
    ScriptProgram *prog = sc.prog;
    ExploreOptions eo = {.limit = (size_t)o.limit,
                         .random_runs = (long)o.random,
                         .seed = o.seed,
                         .max_depth = (int)o.depth,
                         .program = prog,
                         .verify = (long)o.verify};
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    if (explore_run(s, &eo, &r, &err) != SIM_OK) {
        fprintf(stderr, "mfc-trainer explore: %s\n", err.msg);
        goto done;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    if (o.json)
        print_json(s, &o, r, secs);
    else
        print_text(s, &o, r, secs);
    rc = r->issue_count || r->verify_failures ? EXIT_FAIL : EXIT_OK;
done:
    explore_free(r);
    app_scenario_close(&sc);
    return rc;
}
