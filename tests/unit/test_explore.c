/* test_explore.c — the exhaustive walk (engine/session/explore.c) against a plain one.
 *
 * The plain walk is the obvious algorithm: every state is reached by replaying its path in a
 * fresh, ordinary attempt (full ledger, no snapshots, the script asked after every action),
 * and states are told apart by session_state_hash with the same took-and-flag filter. The
 * exhaustive walk runs each control state once from a snapshot and sends labels through
 * recorded operations; both must find the same number of states and, for every ending, the
 * same count of finished states, passes, lowest and highest total. The fixture `tricky` has a
 * script that keeps a counter, draws random numbers, asks about a flag and an action no
 * condition names, jumps with sim.go and reads the mood and the clock; `mini` is plain;
 * `many` has 21 endings (the oracle once kept only 16) and a script of its own.
 * That oracle shares the explorer's idea of a state, so a second one shares nothing of it:
 * every path walked and replayed from scratch, no state merged with another (the same
 * endings, each with the same lowest and highest total, passed and failed alike).
 * Also: a lean session's snapshot puts back exactly the state it was saved in. */
#include "session/explore.h"
#include "session/session_internal.h"
#include "core/hmap.h"
#include "../test.h"

#include <stdlib.h>

#define MAX_DEPTH 60
#define MAX_MOVES 128

typedef struct EndStat {
    long long reached, passed;
    int min, max;
} EndStat;

typedef struct Plain {
    const Scenario *s;
    ScriptProgram *prog;
    SessionTookFilter *filter;
    SimSet seen;
    EndStat *ends; /* one per ending, however many */
    char moves[MAX_DEPTH][256];
    long long states;
    int incomplete;
} Plain;

static Session *replay(Plain *p, int depth)
{
    SessionOptions so = {.seed = 1, .mode = MODE_TRAINING, .program = p->prog};
    Session *ss = NULL;
    SimError e;
    if (session_create(p->s, &so, &ss, &e) != SIM_OK)
        return NULL;
    session_use_took_filter(ss, p->filter);
    for (int i = 0; i < depth; i++)
        if (session_act(ss, p->moves[i], &e) != SIM_OK) {
            session_destroy(ss);
            return NULL;
        }
    return ss;
}

/* The same moves the exhaustive walk tries (see walk_moves in explore.c). */
static size_t plain_moves(const Session *ss, char out[][256], size_t max)
{
    const Scenario *s = session_scenario(ss);
    size_t n = 0;
    if (session_finished(ss))
        return 0;
    for (size_t d = 0; d < s->document_count; d++) {
        const Document *doc = &s->documents[d];
        if (!session_doc_on_desk(ss, (int)d))
            continue;
        if (!session_doc_inspected(ss, (int)d)) {
            if (n < max)
                snprintf(out[n++], 256, "inspect:%s", doc->id);
            continue;
        }
        for (size_t k = 0; k < doc->problem_count && n < max; k++) {
            const DocProblem *pr = &doc->problems[k];
            int reason = 0;
            while (reason < REASON_COUNT && !(pr->reasons & (1u << reason)))
                reason++;
            if (reason < REASON_COUNT && session_flag_reason(ss, (int)d, pr->field) != reason)
                snprintf(out[n++], 256, "flag:%s.%s:%s", doc->id, doc->fields[pr->field].key,
                         reason_id((FlagReason)reason));
        }
        for (size_t k = 0; k < doc->trap_count && n < max; k++) {
            int f = doc->traps[k].field;
            if (session_flag_reason(ss, (int)d, f) < 0)
                snprintf(out[n++], 256, "flag:%s.%s:%s", doc->id, doc->fields[f].key,
                         reason_id(REASON_WRONG_DATA));
        }
    }
    if (session_service(ss) < 0)
        for (size_t k = 0; k < s->service_count && n < max; k++)
            snprintf(out[n++], 256, "service:%s", s->services[k].id);
    int offered[64];
    size_t no = session_offered(ss, offered, 64);
    const Step *st = &s->steps[session_step_index(ss)];
    for (size_t i = 0; i < no && n < max; i++)
        snprintf(out[n++], 256, "%s", st->actions[offered[i]].id);
    return n;
}

static void plain_walk(Plain *p, int depth)
{
    Session *ss = replay(p, depth);
    if (!ss)
        return;
    if (sim_set_add(&p->seen, session_state_hash(ss)) != 1) {
        session_destroy(ss);
        return;
    }
    p->states++;
    if (session_finished(ss)) {
        const Ending *en = session_ending(ss);
        if (en) {
            EndStat *e = &p->ends[en - p->s->endings];
            ScoreReport r;
            session_report(ss, &r);
            if (!e->reached || r.total < e->min)
                e->min = r.total;
            if (!e->reached || r.total > e->max)
                e->max = r.total;
            e->reached++;
            e->passed += r.passed != 0;
        }
        session_destroy(ss);
        return;
    }
    if (depth >= MAX_DEPTH) {
        p->incomplete = 1;
        session_destroy(ss);
        return;
    }
    char(*moves)[256] = malloc(MAX_MOVES * 256);
    size_t n = moves ? plain_moves(ss, moves, MAX_MOVES) : 0;
    session_destroy(ss);
    for (size_t i = 0; i < n; i++) {
        snprintf(p->moves[depth], sizeof p->moves[depth], "%s", moves[i]);
        plain_walk(p, depth + 1);
    }
    free(moves);
}

/* ---- the walk with no filter ----------------------------------------------------------------
 * Every path, replayed from scratch in a fresh ordinary attempt, and no state ever merged with
 * another: nothing here uses the explorer's idea of a state (no state hash, no took-and-flag
 * filter), so a filter that merges states it should not, or a state hash that forgets
 * something, shows as an ending, a lowest or a highest total the explorer did not find. */
typedef struct TreeEnd {
    int reached, any_pass, any_fail;
    int min, max;
} TreeEnd;

typedef struct Tree {
    const Scenario *s;
    ScriptProgram *prog;
    TreeEnd *ends; /* one per ending */
    char moves[MAX_DEPTH][256];
    long long nodes, max_nodes;
    int incomplete;
} Tree;

static void tree_walk(Tree *t, int depth)
{
    if (++t->nodes > t->max_nodes) {
        t->incomplete = 1;
        return;
    }
    SessionOptions so = {.seed = 1, .mode = MODE_TRAINING, .program = t->prog};
    Session *ss = NULL;
    SimError e;
    if (session_create(t->s, &so, &ss, &e) != SIM_OK) {
        t->incomplete = 1;
        return;
    }
    for (int i = 0; i < depth; i++)
        if (session_act(ss, t->moves[i], &e) != SIM_OK) {
            session_destroy(ss);
            t->incomplete = 1; /* every move tried was offered: this must not happen */
            return;
        }
    if (session_finished(ss)) {
        const Ending *en = session_ending(ss);
        if (en) {
            TreeEnd *te = &t->ends[en - t->s->endings];
            ScoreReport r;
            session_report(ss, &r);
            if (!te->reached || r.total < te->min)
                te->min = r.total;
            if (!te->reached || r.total > te->max)
                te->max = r.total;
            te->reached = 1;
            te->any_pass |= r.passed != 0;
            te->any_fail |= r.passed == 0;
        }
        session_destroy(ss);
        return;
    }
    if (depth >= MAX_DEPTH) {
        t->incomplete = 1;
        session_destroy(ss);
        return;
    }
    char(*moves)[256] = malloc(MAX_MOVES * 256);
    size_t n = moves ? plain_moves(ss, moves, MAX_MOVES) : 0;
    session_destroy(ss);
    for (size_t i = 0; i < n && !t->incomplete; i++) {
        snprintf(t->moves[depth], sizeof t->moves[depth], "%s", moves[i]);
        tree_walk(t, depth + 1);
    }
    free(moves);
}

static Scenario *load(const char *id, RuleCatalog **rules)
{
    char path[512], dir[512], scripts[512];
    snprintf(path, sizeof path, "%s/scenarios/data/rules.json", TEST_DATA_DIR);
    snprintf(dir, sizeof dir, "%s/scenarios/%s", TEST_DATA_DIR, id);
    snprintf(scripts, sizeof scripts, "%s/scripts", TEST_DATA_DIR);
    SimDiags d;
    simdiags_init(&d);
    *rules = rules_load(path, &d);
    ScenarioLoadOptions opt = {.rules = *rules, .scripts_dir = scripts};
    Scenario *s = scenario_load(dir, &opt, &d);
    for (size_t i = 0; i < d.count; i++) {
        char *m = simdiag_format(&d.items[i]);
        if (d.items[i].severity == SIM_SEV_ERROR)
            fprintf(stderr, "%s\n", m);
        free(m);
    }
    simdiags_free(&d);
    return s;
}

static void compare(const char *id)
{
    RuleCatalog *rules = NULL;
    Scenario *s = load(id, &rules);
    CHECK(s != NULL);
    if (!s) {
        rules_free(rules);
        return;
    }
    ScriptProgram *prog = NULL;
    SimError e;
    if (s->script)
        CHECK(script_program_create(s, &prog, &e) == SIM_OK);

    /* The plain walk, again while the filter learns what the script asks about. */
    Plain p;
    memset(&p, 0, sizeof p);
    p.s = s;
    p.prog = prog;
    p.filter = session_took_filter_create(s);
    p.ends = calloc(s->ending_count + 1, sizeof *p.ends);
    CHECK(p.filter != NULL && p.ends != NULL);
    if (!p.filter || !p.ends) {
        free(p.ends);
        session_took_filter_destroy(p.filter);
        script_program_destroy(prog);
        scenario_free(s);
        rules_free(rules);
        return;
    }
    for (int round = 0; round < 16; round++) {
        sim_set_free(&p.seen);
        memset(p.ends, 0, s->ending_count * sizeof *p.ends);
        p.states = 0;
        p.incomplete = 0;
        plain_walk(&p, 0);
        if (!session_took_filter_missed(p.filter))
            break;
        CHECK(session_took_filter_learn(p.filter));
    }
    CHECK(!p.incomplete);
    CHECK(p.states > 100);

    ExploreOptions xo = {.seed = 1, .max_depth = MAX_DEPTH, .program = prog, .verify = 1};
    ExploreResult *r = NULL;
    CHECK(explore_run(s, &xo, &r, &e) == SIM_OK);
    if (r) {
        printf("%s: plain walk %lld states, exhaustive walk %lld states (%lld control, %lld "
               "runs), %lld replayed, %lld differ\n",
               id, p.states, r->states, r->control_states, r->acts, r->verified,
               r->verify_failures);
        CHECK(r->complete);
        CHECK_INT(r->states, p.states);
        CHECK_INT(r->verify_failures, 0);
        CHECK(r->verified > 0);
        CHECK(r->control_states < r->states);
        CHECK_INT((long long)r->ending_count, (long long)s->ending_count);
        for (size_t i = 0; i < s->ending_count && i < r->ending_count; i++) {
            CHECK_INT(r->endings[i].reached, p.ends[i].reached);
            CHECK_INT(r->endings[i].passed, p.ends[i].passed);
            if (p.ends[i].reached) {
                CHECK_INT(r->endings[i].min_total, p.ends[i].min);
                CHECK_INT(r->endings[i].max_total, p.ends[i].max);
            }
        }
    }
    explore_free(r);
    free(p.ends);
    sim_set_free(&p.seen);
    session_took_filter_destroy(p.filter);
    script_program_destroy(prog);
    scenario_free(s);
    rules_free(rules);
}

/* The explorer against the walk with no filter: the same endings reached, each with the same
 * lowest and highest total, passed on some path and failed on some path alike. */
static void compare_unfiltered(const char *id, long long max_nodes)
{
    RuleCatalog *rules = NULL;
    Scenario *s = load(id, &rules);
    CHECK(s != NULL);
    if (!s) {
        rules_free(rules);
        return;
    }
    ScriptProgram *prog = NULL;
    SimError e;
    if (s->script)
        CHECK(script_program_create(s, &prog, &e) == SIM_OK);
    Tree t = {.s = s, .prog = prog, .max_nodes = max_nodes};
    t.ends = calloc(s->ending_count + 1, sizeof *t.ends);
    CHECK(t.ends != NULL);
    if (t.ends)
        tree_walk(&t, 0);
    printf("%s: %lld paths' nodes walked with no filter\n", id, t.nodes);
    CHECK(!t.incomplete); /* a fixture too big for this walk must not pass unchecked */

    ExploreOptions xo = {.seed = 1, .max_depth = MAX_DEPTH, .program = prog};
    ExploreResult *r = NULL;
    CHECK(explore_run(s, &xo, &r, &e) == SIM_OK);
    if (r && t.ends && !t.incomplete) {
        CHECK(r->complete);
        CHECK_INT((long long)r->ending_count, (long long)s->ending_count);
        int reached = 0;
        for (size_t i = 0; i < s->ending_count; i++) {
            const ExploreEnding *x = &r->endings[i];
            const TreeEnd *te = &t.ends[i];
            reached += te->reached;
            CHECK_INT(x->reached > 0, te->reached);
            if (!te->reached || !x->reached)
                continue;
            CHECK_INT(x->min_total, te->min);
            CHECK_INT(x->max_total, te->max);
            CHECK_INT(x->passed > 0, te->any_pass);
            CHECK_INT(x->reached - x->passed > 0, te->any_fail);
        }
        CHECK(reached > 0);
    }
    explore_free(r);
    free(t.ends);
    script_program_destroy(prog);
    scenario_free(s);
    rules_free(rules);
}

/* A lean session: save, go on, load; the state and what follows are as before. */
static void snapshot_round_trip(void)
{
    RuleCatalog *rules = NULL;
    Scenario *s = load("tricky", &rules);
    CHECK(s != NULL);
    if (!s) {
        rules_free(rules);
        return;
    }
    SessionOptions so = {.seed = 7, .mode = MODE_TRAINING};
    Session *ss = NULL;
    SimError e;
    CHECK(session_create_lean(s, &so, &ss, &e) == SIM_OK);
    if (ss) {
        CHECK(session_act(ss, "hello", &e) == SIM_OK);
        CHECK(session_act(ss, "explain", &e) == SIM_OK);
        SessionSnapshot *sn = NULL;
        CHECK(session_snapshot_save(ss, &sn, &e) == SIM_OK);
        uint64_t before = session_state_hash(ss);
        double minutes = session_minutes(ss);
        int mood = session_mood(ss), step = session_step_index(ss);
        CHECK(session_act(ss, "joke", &e) == SIM_OK);
        CHECK(session_act(ss, "to-decide", &e) == SIM_OK);
        CHECK(session_act(ss, "refuse", &e) == SIM_OK);
        uint64_t after = session_state_hash(ss);
        CHECK(session_finished(ss));
        if (sn) {
            CHECK(session_snapshot_load(ss, sn, &e) == SIM_OK);
            CHECK(!session_finished(ss));
            CHECK(session_state_hash(ss) == before);
            CHECK(session_minutes(ss) == minutes && session_mood(ss) == mood);
            CHECK(session_step_index(ss) == step && session_ending(ss) == NULL);
            /* The script's counter and random generator were put back too: the same moves
             * give the same end. */
            CHECK(session_act(ss, "joke", &e) == SIM_OK);
            CHECK(session_act(ss, "to-decide", &e) == SIM_OK);
            CHECK(session_act(ss, "refuse", &e) == SIM_OK);
            CHECK(session_state_hash(ss) == after);
        }
        session_snapshot_free(sn);
        /* A plain session refuses snapshots. */
        Session *plain = NULL;
        SessionOptions po = {.seed = 7, .mode = MODE_TRAINING};
        CHECK(session_create(s, &po, &plain, &e) == SIM_OK);
        SessionSnapshot *no = NULL;
        CHECK(plain && session_snapshot_save(plain, &no, &e) == SIM_ERR_INVALID && !no);
        session_destroy(plain);
    }
    session_destroy(ss);
    scenario_free(s);
    rules_free(rules);
}

int main(void)
{
    snapshot_round_trip();
    compare("mini");
    compare("tricky");
    compare("many");
    /* With no filter every path is its own; tricky's loops make that tree far too big (the
     * walk did not end in 10 minutes), so it runs on the small fixtures, the scripted many
     * among them. */
    compare_unfiltered("mini", 2000000);
    compare_unfiltered("many", 2000000);
    printf("%d passed, %d failed\n", test_passed, test_failed);
    return test_failed ? 1 : 0;
}
