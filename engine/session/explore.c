/*
 * explore.c — the exhaustive walk and random playthroughs behind `mfc-trainer explore`.
 *
 * A Lua state cannot be copied, so a state is reached again by replaying its path from a new
 * attempt (sharing the compiled script). The walk is best first (see the heap below); states
 * are told apart by session_state_hash.
 */
#include "explore.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_MOVES  256
#define MAX_ISSUES 64

typedef struct Node {
    int32_t parent; /* -1 for the start */
    int32_t depth;
    int32_t last_side; /* canonical index of the side move that led here; -1 after a step action */
    int32_t score;     /* the attempt's total so far: the search takes high scores first */
    char *move;        /* the action that led here (owned); NULL for the start */
} Node;

/* A move and, for side moves (documents, the office PC), its canonical index. */
typedef struct Move {
    char id[192];
    int32_t side; /* -1 for a step action */
} Move;

typedef struct Ctx {
    const Scenario *s;
    const ExploreOptions *opt;
    ExploreResult *r;
    Node *nodes;
    size_t node_count, node_cap;
    uint64_t *seen; /* open addressing; 0 = empty */
    size_t seen_cap, seen_count;
    int32_t *heap; /* nodes waiting to be expanded, best score on top */
    size_t heap_count, heap_cap;
    const char **path; /* scratch: a node's moves, root first */
    size_t path_cap;
    int oom;
} Ctx;

/* ---- the set of visited states --------------------------------------------------------- */

static int seen_add(Ctx *c, uint64_t h)
{
    h |= 1; /* 0 marks an empty slot */
    if ((c->seen_count + 1) * 2 > c->seen_cap) {
        size_t ncap = c->seen_cap ? c->seen_cap * 2 : 1024;
        uint64_t *n = calloc(ncap, sizeof *n);
        if (!n) {
            c->oom = 1;
            return 0;
        }
        for (size_t i = 0; i < c->seen_cap; i++)
            if (c->seen[i])
                for (size_t j = c->seen[i] & (ncap - 1);; j = (j + 1) & (ncap - 1))
                    if (!n[j]) {
                        n[j] = c->seen[i];
                        break;
                    }
        free(c->seen);
        c->seen = n;
        c->seen_cap = ncap;
    }
    for (size_t j = h & (c->seen_cap - 1);; j = (j + 1) & (c->seen_cap - 1)) {
        if (c->seen[j] == h) return 0;
        if (!c->seen[j]) {
            c->seen[j] = h;
            c->seen_count++;
            return 1;
        }
    }
}

/* ---- the frontier: a binary heap on (score, depth) ----------------------------------------
 * Best first: the highest total so far, then the deepest, so complete high-scoring paths are
 * found early even when --limit cuts the walk short; without a limit every state is visited
 * all the same. */

static int before(const Ctx *c, int32_t a, int32_t b)
{
    const Node *x = &c->nodes[a], *y = &c->nodes[b];
    if (x->score != y->score) return x->score > y->score;
    if (x->depth != y->depth) return x->depth > y->depth;
    return a < b;
}

static void heap_push(Ctx *c, int32_t node)
{
    if (c->heap_count == c->heap_cap) {
        size_t ncap = c->heap_cap ? c->heap_cap * 2 : 1024;
        int32_t *h = realloc(c->heap, ncap * sizeof *h);
        if (!h) {
            c->oom = 1;
            return;
        }
        c->heap = h;
        c->heap_cap = ncap;
    }
    size_t i = c->heap_count++;
    c->heap[i] = node;
    while (i > 0 && before(c, c->heap[i], c->heap[(i - 1) / 2])) {
        int32_t t = c->heap[i];
        c->heap[i] = c->heap[(i - 1) / 2];
        c->heap[(i - 1) / 2] = t;
        i = (i - 1) / 2;
    }
}

static int32_t heap_pop(Ctx *c)
{
    int32_t top = c->heap[0];
    c->heap[0] = c->heap[--c->heap_count];
    for (size_t i = 0;;) {
        size_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < c->heap_count && before(c, c->heap[l], c->heap[m])) m = l;
        if (r < c->heap_count && before(c, c->heap[r], c->heap[m])) m = r;
        if (m == i) break;
        int32_t t = c->heap[i];
        c->heap[i] = c->heap[m];
        c->heap[m] = t;
        i = m;
    }
    return top;
}

/* ---- paths ------------------------------------------------------------------------------- */

/* Fills c->path with the moves of node (root first) and returns their count. */
static size_t node_path(Ctx *c, int32_t node)
{
    size_t n = node >= 0 ? (size_t)c->nodes[node].depth : 0;
    if (n > c->path_cap) {
        const char **p = realloc(c->path, n * sizeof *p);
        if (!p) {
            c->oom = 1;
            return 0;
        }
        c->path = p;
        c->path_cap = n;
    }
    size_t k = n;
    for (int32_t i = node; i >= 0 && c->nodes[i].move; i = c->nodes[i].parent)
        c->path[--k] = c->nodes[i].move;
    return n;
}

static void path_set(Ctx *c, ExplorePath *p, int32_t node, const char *last)
{
    for (size_t i = 0; i < p->count; i++)
        free(p->actions[i]);
    free(p->actions);
    size_t n = node_path(c, node);
    p->actions = calloc(n + 2, sizeof *p->actions);
    p->count = 0;
    if (!p->actions) {
        c->oom = 1;
        return;
    }
    for (size_t i = 0; i < n; i++)
        p->actions[p->count++] = sim_strdup(c->path[i]);
    if (last) p->actions[p->count++] = sim_strdup(last);
}

static void path_free(ExplorePath *p)
{
    for (size_t i = 0; i < p->count; i++)
        free(p->actions[i]);
    free(p->actions);
    memset(p, 0, sizeof *p);
}

/* A new attempt replayed along node's path; NULL when an action no longer applies. */
static Session *replay(Ctx *c, int32_t node, SimError *err)
{
    SessionOptions so = {c->opt->seed, MODE_TRAINING, {0, 0, 0, 0}, c->opt->program, 0};
    Session *ss = NULL;
    if (session_create(c->s, &so, &ss, err) != SIM_OK) return NULL;
    size_t n = node_path(c, node);
    for (size_t i = 0; i < n; i++) {
        c->r->acts++;
        if (session_act(ss, c->path[i], err) != SIM_OK) {
            session_destroy(ss);
            return NULL;
        }
    }
    return ss;
}

/* ---- the moves worth exploring ------------------------------------------------------------
 * Every offered step action (one that stays on its step only while not taken yet: taking it
 * again only moves the clock). Side moves — opening a document, flagging a planted problem
 * (with its first accepted reason) or a trap, choosing the service once — commute with each
 * other, so between two step actions only runs in increasing canonical order are tried
 * (partial-order reduction): every set of side moves is still reached, once. */
static size_t list_moves(const Session *ss, int32_t last_side, Move *out, size_t max)
{
    const Scenario *s = session_scenario(ss);
    if (session_finished(ss)) return 0;
    size_t n = 0;
    int offered[64];
    size_t no = session_offered(ss, offered, 64);
    const Step *st = &s->steps[session_step_index(ss)];
    for (size_t i = 0; i < no && n < max; i++) {
        const Action *a = &st->actions[offered[i]];
        if (a->next < 0 && a->ending < 0 && session_took(ss, a->id)) continue;
        snprintf(out[n].id, sizeof out[n].id, "%s", a->id);
        out[n++].side = -1;
    }
    for (size_t d = 0; d < s->document_count; d++) {
        const Document *doc = &s->documents[d];
        int32_t base = (int32_t)d * 64;
        if (!session_doc_on_desk(ss, (int)d)) continue;
        if (!session_doc_inspected(ss, (int)d)) {
            if (base > last_side && n < max) {
                snprintf(out[n].id, sizeof out[n].id, "inspect:%s", doc->id);
                out[n++].side = base;
            }
            continue;
        }
        for (size_t k = 0; k < doc->problem_count && k < 31 && n < max; k++) {
            const DocProblem *p = &doc->problems[k];
            int reason = 0;
            while (reason < REASON_COUNT && !(p->reasons & (1u << reason)))
                reason++;
            int32_t idx = base + 1 + (int32_t)k;
            if (idx > last_side && reason < REASON_COUNT &&
                session_flag_reason(ss, (int)d, p->field) != reason) {
                snprintf(out[n].id, sizeof out[n].id, "flag:%s.%s:%s", doc->id,
                         doc->fields[p->field].key, reason_id((FlagReason)reason));
                out[n++].side = idx;
            }
        }
        for (size_t k = 0; k < doc->trap_count && k < 32 && n < max; k++) {
            int f = doc->traps[k].field;
            int32_t idx = base + 32 + (int32_t)k;
            if (idx > last_side && session_flag_reason(ss, (int)d, f) < 0) {
                snprintf(out[n].id, sizeof out[n].id, "flag:%s.%s:%s", doc->id, doc->fields[f].key,
                         reason_id(REASON_WRONG_DATA));
                out[n++].side = idx;
            }
        }
    }
    if (session_service(ss) < 0)
        for (size_t k = 0; k < s->service_count && n < max; k++) {
            int32_t idx = (int32_t)(s->document_count * 64 + k);
            if (idx > last_side) {
                snprintf(out[n].id, sizeof out[n].id, "service:%s", s->services[k].id);
                out[n++].side = idx;
            }
        }
    return n;
}

/* ---- what a state tells ------------------------------------------------------------------ */

static void add_issue(Ctx *c, ExploreIssueKind kind, const char *step, const char *msg,
                      int32_t node, const char *last)
{
    ExploreResult *r = c->r;
    for (size_t i = 0; i < r->issue_count; i++) /* one report per place and message */
        if (r->issues[i].kind == kind && strcmp(r->issues[i].step, step) == 0 &&
            strcmp(r->issues[i].message, msg) == 0)
            return;
    if (r->issue_count >= MAX_ISSUES) return;
    ExploreIssue *is = &r->issues[r->issue_count++];
    is->kind = kind;
    is->step = sim_strdup(step);
    is->message = sim_strdup(msg);
    path_set(c, &is->path, node, last);
}

static const char *step_id(const Session *ss, const char *fallback)
{
    int st = session_step_index(ss);
    return st >= 0 ? session_scenario(ss)->steps[st].id : fallback;
}

/* Records what one state shows; node/last name its path. Returns 1 when it can go on. */
static int observe(Ctx *c, Session *ss, size_t errors_before, int32_t node, const char *last,
                   const char *from_step)
{
    ExploreResult *r = c->r;
    for (size_t i = errors_before; i < session_script_error_count(ss); i++)
        add_issue(c, EXPLORE_SCRIPT_ERROR, step_id(ss, from_step), session_script_error(ss, i),
                  node, last);
    int st = session_step_index(ss);
    if (st >= 0 && !r->step_seen[st]) {
        r->step_seen[st] = 1;
        r->steps_seen++;
    }
    if (session_finished(ss)) {
        const Ending *e = session_ending(ss);
        if (!e) return 0;
        ExploreEnding *xe = &r->endings[e - c->s->endings];
        ScoreReport rep;
        session_report(ss, &rep);
        xe->reached++;
        xe->passed += rep.passed != 0;
        if (xe->reached == 1 || rep.total < xe->min_total) {
            xe->min_total = rep.total;
            path_set(c, &xe->min_path, node, last);
        }
        if (xe->reached == 1 || rep.total > xe->max_total) {
            xe->max_total = rep.total;
            path_set(c, &xe->max_path, node, last);
        }
        size_t len = (node >= 0 ? (size_t)c->nodes[node].depth : 0) + (last ? 1 : 0);
        if (rep.total > r->best_total || (rep.total == r->best_total && len < r->best_path.count)) {
            r->best_total = rep.total;
            r->best_passed = rep.passed != 0;
            path_set(c, &r->best_path, node, last);
        }
        return 0;
    }
    int offered[64];
    if (session_offered(ss, offered, 64) == 0) {
        add_issue(c, EXPLORE_DEAD_END, step_id(ss, from_step),
                  "ни одно действие шага не доступно и концовки нет: приём не может завершиться",
                  node, last);
        return 0;
    }
    return 1;
}

static void mark_action(Ctx *c, int step, const char *move)
{
    if (step < 0) return;
    const Step *st = &c->s->steps[step];
    for (size_t j = 0; j < st->action_count; j++)
        if (strcmp(st->actions[j].id, move) == 0 && !c->r->action_seen[step][j]) {
            c->r->action_seen[step][j] = 1;
            c->r->actions_seen++;
        }
}

static int add_node(Ctx *c, int32_t parent, const char *move, int32_t last_side, int32_t score)
{
    if (c->node_count == c->node_cap) {
        size_t ncap = c->node_cap ? c->node_cap * 2 : 1024;
        Node *n = realloc(c->nodes, ncap * sizeof *n);
        if (!n) {
            c->oom = 1;
            return 0;
        }
        c->nodes = n;
        c->node_cap = ncap;
    }
    Node *n = &c->nodes[c->node_count++];
    n->parent = parent;
    n->depth = parent >= 0 ? c->nodes[parent].depth + 1 : 0;
    n->last_side = last_side;
    n->score = score;
    n->move = move ? sim_strdup(move) : NULL;
    return 1;
}

/* ---- the two ways of walking ------------------------------------------------------------- */

static SimStatus walk_all(Ctx *c, SimError *err)
{
    ExploreResult *r = c->r;
    size_t limit = c->opt->limit ? c->opt->limit : 200000;
    int max_depth = c->opt->max_depth > 0 ? c->opt->max_depth : 60;
    Session *ss = replay(c, -1, err);
    if (!ss) return SIM_ERR_SCRIPT;
    add_node(c, -1, NULL, -1, 0);
    heap_push(c, 0);
    seen_add(c, session_state_hash(ss));
    r->states = 1;
    int go = observe(c, ss, 0, -1, NULL, "?");
    session_destroy(ss);
    if (!go) return SIM_OK;
    Move *moves = malloc(MAX_MOVES * sizeof *moves);
    if (!moves) return sim_error_set(err, SIM_ERR_NOMEM, "нехватка памяти");
    r->complete = 1;
    while (c->heap_count && !c->oom) {
        int32_t node = heap_pop(c);
        if (c->nodes[node].depth >= max_depth) {
            r->complete = 0;
            continue;
        }
        SimError e;
        Session *cur = replay(c, node, &e);
        if (!cur) continue;
        size_t nm = list_moves(cur, c->nodes[node].last_side, moves, MAX_MOVES);
        for (size_t i = 0; i < nm && !c->oom; i++) {
            if (!cur && !(cur = replay(c, node, &e))) break;
            int from = session_step_index(cur);
            char from_id[128];
            snprintf(from_id, sizeof from_id, "%s", step_id(cur, "?"));
            size_t errs = session_script_error_count(cur);
            const char *mv = moves[i].id;
            r->acts++;
            if (session_act(cur, mv, &e) != SIM_OK) {
                session_destroy(cur);
                cur = NULL;
                continue;
            }
            r->transitions++;
            mark_action(c, from, mv);
            uint64_t h = session_state_hash(cur);
            if (seen_add(c, h)) {
                r->states++;
                if (observe(c, cur, errs, node, mv, from_id)) {
                    if (c->node_count < limit) {
                        ScoreReport rep;
                        session_report(cur, &rep);
                        if (add_node(c, node, mv, moves[i].side, rep.total))
                            heap_push(c, (int32_t)c->node_count - 1);
                    } else {
                        r->complete = 0;
                    }
                }
            } else if (session_script_error_count(cur) > errs) {
                observe(c, cur, errs, node, mv, from_id);
            }
            session_destroy(cur);
            cur = NULL;
        }
        session_destroy(cur);
    }
    free(moves);
    return c->oom ? sim_error_set(err, SIM_ERR_NOMEM, "нехватка памяти") : SIM_OK;
}

static SimStatus walk_random(Ctx *c, SimError *err)
{
    ExploreResult *r = c->r;
    SimRng rng;
    simrng_seed(&rng, c->opt->seed ^ 0x5eed5eedULL);
    int max_depth = c->opt->max_depth > 0 ? c->opt->max_depth : 300;
    for (long run = 0; run < c->opt->random_runs && !c->oom; run++) {
        /* The path of this run is kept as a chain of nodes so issues can show it. */
        for (size_t i = 0; i < c->node_count; i++)
            free(c->nodes[i].move);
        c->node_count = 0;
        Session *ss = replay(c, -1, err);
        if (!ss) return SIM_ERR_SCRIPT;
        add_node(c, -1, NULL, -1, 0);
        r->runs++;
        int go = observe(c, ss, 0, -1, NULL, "?");
        for (int d = 0; go && d < max_depth && !c->oom; d++) {
            char id[256];
            if (!session_pick_random(ss, &rng, id, sizeof id)) break;
            int from = session_step_index(ss);
            char from_id[128];
            snprintf(from_id, sizeof from_id, "%s", step_id(ss, "?"));
            size_t errs = session_script_error_count(ss);
            SimError e;
            r->acts++;
            if (session_act(ss, id, &e) != SIM_OK)
                continue; /* a random flag the step does not allow: pick again */
            r->transitions++;
            mark_action(c, from, id);
            int32_t parent = (int32_t)c->node_count - 1;
            go = observe(c, ss, errs, parent, id, from_id);
            add_node(c, parent, id, -1, 0);
        }
        session_destroy(ss);
    }
    return c->oom ? sim_error_set(err, SIM_ERR_NOMEM, "нехватка памяти") : SIM_OK;
}

SimStatus explore_run(const Scenario *s, const ExploreOptions *opt, ExploreResult **out,
                      SimError *err)
{
    *out = NULL;
    ExploreResult *r = calloc(1, sizeof *r);
    Ctx c = {0};
    c.s = s;
    c.opt = opt;
    c.r = r;
    if (!r) return sim_error_set(err, SIM_ERR_NOMEM, "нехватка памяти");
    r->best_total = -1;
    r->ending_count = s->ending_count;
    r->endings = calloc(s->ending_count + 1, sizeof *r->endings);
    r->issues = calloc(MAX_ISSUES, sizeof *r->issues);
    r->step_seen = calloc(s->step_count + 1, 1);
    r->action_seen = calloc(s->step_count + 1, sizeof *r->action_seen);
    r->steps_total = s->step_count;
    int ok = r->endings && r->issues && r->step_seen && r->action_seen;
    for (size_t i = 0; ok && i < s->step_count; i++) {
        r->action_seen[i] = calloc(s->steps[i].action_count + 1, 1);
        ok = r->action_seen[i] != NULL;
        r->actions_total += s->steps[i].action_count;
    }
    for (size_t i = 0; ok && i < s->ending_count; i++)
        r->endings[i].ending = &s->endings[i];
    SimStatus rc = ok ? (opt->random_runs > 0 ? walk_random(&c, err) : walk_all(&c, err))
                      : sim_error_set(err, SIM_ERR_NOMEM, "нехватка памяти");
    for (size_t i = 0; i < c.node_count; i++)
        free(c.nodes[i].move);
    free(c.nodes);
    free(c.heap);
    free(c.seen);
    free(c.path);
    if (rc != SIM_OK) {
        explore_free(r);
        return rc;
    }
    *out = r;
    return SIM_OK;
}

void explore_free(ExploreResult *r)
{
    if (!r) return;
    for (size_t i = 0; r->endings && i < r->ending_count; i++) {
        path_free(&r->endings[i].min_path);
        path_free(&r->endings[i].max_path);
    }
    for (size_t i = 0; i < r->issue_count; i++) {
        free(r->issues[i].step);
        free(r->issues[i].message);
        path_free(&r->issues[i].path);
    }
    for (size_t i = 0; r->action_seen && i < r->steps_total; i++)
        free(r->action_seen[i]);
    free(r->action_seen);
    free(r->step_seen);
    free(r->endings);
    free(r->issues);
    path_free(&r->best_path);
    free(r);
}
