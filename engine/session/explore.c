/*
 * explore.c — the exhaustive walk and random playthroughs behind `mfc-trainer explore`.
 *
 * The exhaustive walk (see "the exhaustive walk" below) keeps one lean session whose whole
 * state, Lua heap included, can be saved and loaded (session_snapshot_*); random playthroughs
 * replay plain attempts. Paths are rebuilt from parent links when a report needs one.
 */
#include "explore.h"
#include "session_internal.h"

#include "../core/hmap.h"
#include "../core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_MOVES  256
#define MAX_ISSUES 64

/* One move of a random playthrough (its path is a chain of these). */
typedef struct Node {
    int32_t parent; /* -1 for the start */
    int32_t depth;
    char *move; /* the action that led here (owned); NULL for the start */
} Node;

typedef struct Ctx {
    const Scenario *s;
    const ExploreOptions *opt;
    ExploreResult *r;
    Node *nodes;
    size_t node_count, node_cap;
    const char **path; /* scratch: a node's moves, root first */
    size_t path_cap;
    int oom;
} Ctx;

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
    if (last)
        p->actions[p->count++] = sim_strdup(last);
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
    SessionOptions so = {.seed = c->opt->seed, .mode = MODE_TRAINING, .program = c->opt->program};
    Session *ss = NULL;
    if (session_create(c->s, &so, &ss, err) != SIM_OK)
        return NULL;
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

/* ---- what a state tells ------------------------------------------------------------------ */

/* A new issue (its path left to the caller), or NULL: one report per place and message, and
 * at most MAX_ISSUES. */
static ExploreIssue *issue_new(ExploreResult *r, ExploreIssueKind kind, const char *step,
                               const char *msg)
{
    for (size_t i = 0; i < r->issue_count; i++)
        if (r->issues[i].kind == kind && strcmp(r->issues[i].step, step) == 0 &&
            strcmp(r->issues[i].message, msg) == 0)
            return NULL;
    if (r->issue_count >= MAX_ISSUES)
        return NULL;
    ExploreIssue *is = &r->issues[r->issue_count++];
    is->kind = kind;
    is->step = sim_strdup(step);
    is->message = sim_strdup(msg);
    return is;
}

static void add_issue(Ctx *c, ExploreIssueKind kind, const char *step, const char *msg,
                      int32_t node, const char *last)
{
    ExploreIssue *is = issue_new(c->r, kind, step, msg);
    if (is)
        path_set(c, &is->path, node, last);
}

static const char *step_id(const Session *ss, const char *fallback)
{
    int st = session_step_index(ss);
    return st >= 0 ? session_scenario(ss)->steps[st].id : fallback;
}

/* A passing path that a methodologist declared must fail: which = 0 asks about the ending
 * (marked "must_fail"), 1 about the must_fail action the path took (action, may be NULL).
 * Writes the issue's message and returns 1 when there is one not reported yet: one issue per
 * ending and per action, with the first passing path found. */
static int must_fail_message(const ExploreResult *r, const Scenario *s, int ending,
                             const char *action, int total, int which, char *msg, size_t n)
{
    char key[300];
    if (which == 0 && s->endings[ending].must_fail)
        snprintf(key, sizeof key, tr(STR_EXPLORE_MUST_FAIL_ENDING), s->endings[ending].id);
    else if (which == 1 && action)
        snprintf(key, sizeof key, tr(STR_EXPLORE_MUST_FAIL_ACTION), action);
    else
        return 0;
    for (size_t i = 0; i < r->issue_count; i++)
        if (r->issues[i].kind == EXPLORE_MUST_FAIL &&
            strncmp(r->issues[i].message, key, strlen(key)) == 0)
            return 0;
    snprintf(msg, n, tr(STR_EXPLORE_WITH_TOTAL), key, total);
    return 1;
}

/* Reports every must_fail ending and action on one passing path (see must_fail_message). */
static void must_fail_each(const ExploreResult *r, const Scenario *s, int ending, uint64_t taken,
                           int total, void (*report)(void *ud, const char *msg), void *ud)
{
    char msg[512];
    if (must_fail_message(r, s, ending, NULL, total, 0, msg, sizeof msg))
        report(ud, msg);
    for (int k = 0; k < 64 && taken >> k; k++)
        if ((taken >> k) & 1) {
            const Action *a = session_must_fail_action(s, k);
            if (a && must_fail_message(r, s, ending, a->id, total, 1, msg, sizeof msg))
                report(ud, msg);
        }
}

typedef struct RandomIssue {
    Ctx *c;
    const char *ending;
    int32_t node;
    const char *last;
} RandomIssue;

static void random_issue(void *ud, const char *msg)
{
    RandomIssue *ri = ud;
    add_issue(ri->c, EXPLORE_MUST_FAIL, ri->ending, msg, ri->node, ri->last);
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
        if (!e)
            return 0;
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
        if (rep.passed) {
            RandomIssue ri = {c, e->id, node, last};
            must_fail_each(r, c->s, (int)(e - c->s->endings), session_must_fail_taken(ss),
                           rep.total, random_issue, &ri);
        }
        return 0;
    }
    int offered[64];
    if (session_offered(ss, offered, 64) == 0) {
        add_issue(c, EXPLORE_DEAD_END, step_id(ss, from_step), tr(STR_EXPLORE_NO_WAY_ON), node,
                  last);
        return 0;
    }
    return 1;
}

static void mark_action(Ctx *c, int step, const char *move)
{
    if (step < 0)
        return;
    const Step *st = &c->s->steps[step];
    for (size_t j = 0; j < st->action_count; j++)
        if (strcmp(st->actions[j].id, move) == 0 && !c->r->action_seen[step][j]) {
            c->r->action_seen[step][j] = 1;
            c->r->actions_seen++;
        }
}

static int add_node(Ctx *c, int32_t parent, const char *move)
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
    n->move = move ? sim_strdup(move) : NULL;
    return 1;
}

/* ---- the two ways of walking ------------------------------------------------------------- */

/* ==== the exhaustive walk ===================================================================
 * States are (control state, label) pairs (see session_internal.h). Each control state is run
 * once per move from a snapshot, recording what the move does to the label; every label that
 * reaches the control state then follows the move by replaying those few operations, without
 * Lua.
 * A move whose run read the clock or the mood, or in which the applicant walked out, is run
 * for each label separately (from the control state's snapshot, with that label set), and so
 * is a label whose own mood would reach 0 on a move that did not walk out. */

/* A state found: how it was reached (its label value lives only until it has moved on). */
typedef struct Label {
    int32_t parent; /* the label it came from; -1 for the start */
    int32_t move;   /* the move that led here (index into the move names); -1 for the start */
    int32_t depth;
} Label;

/* A label waiting at its control state to be sent through the moves. */
typedef struct Pending {
    SessionLabel v;
    int32_t id, depth; /* the depth too, so sending it on reads nothing else */
} Pending;

/* What a move does from a control state, in its two variants: [0] the applicant stays,
 * [1] the applicant walks out after it (mood 0). Each is learnt from the first run that
 * shows it. */
typedef struct Variant {
    int32_t target;   /* control state; -1 when the move ends the attempt */
    int32_t end_node; /* the finished attempt's node (target -1) */
    int32_t ending;   /* ending index when finished; -1 for a content error */
    uint32_t ops_at, ops_n;
    uint32_t check_n; /* [1]: operations before the walkout (the move's own) */
    unsigned char known;
} Variant;

typedef struct Trans {
    int32_t move;
    unsigned char exact; /* a run read the clock or the mood: run it per label */
    Variant var[2];
} Trans;

typedef struct CNode {
    uint64_t hash;
    int32_t rep;       /* first label that reached it (its path rebuilds the state); -1 none */
    SessionLabel repv; /* … and its value */
    int32_t trans_at, trans_n;
    SessionSnapshot *snap;
    unsigned char expanded, exact_all, terminal, kept;
    unsigned char noff; /* step actions offered here (asked once, when it was found) */
    unsigned char off[64];
    uint64_t must_fail; /* terminal: the must_fail actions its attempts took (see session.h) */
} CNode;

/* What sending labels on touches of a node, kept apart from the node (as the label sets are)
 * so the hot loop reads a few bytes per node. */
typedef struct Hot {
    Pending *pend; /* labels waiting to be sent on */
    uint32_t npend, pcap;
    int32_t rep; /* first label that reached it (its path rebuilds the state); -1 none */
    unsigned char queued;
} Hot;

/* 64-bit hash -> index, open addressing at most half full (0 marks an empty slot, so keys
 * are stored with the low bit set). Keys may repeat: a lookup walks every slot of its key. */
typedef struct Walk {
    Ctx *c;
    Session *ss;
    SessionSnapshot *root;
    SessionTookFilter *filter;
    CNode *nodes;
    size_t node_count, node_cap;
    SimSet *seen; /* [node]: the labels that reached it (hashes); apart from the nodes, so the
                   hot loop touches 16 bytes per node, not a whole node */
    size_t seen_cap;
    Hot *hot; /* [node] */
    size_t hot_cap;
    SimMap node_map; /* control hash -> node index */
    Label *labels;
    size_t label_count, label_cap;
    Trans *trans;
    size_t trans_count, trans_cap;
    SessionOp *ops;
    size_t ops_count, ops_cap;
    SessionOps rec;
    char **moves;    /* interned move names */
    SimMap move_map; /* hash of a move id -> its index in moves */
    size_t move_count, move_cap;
    int32_t *stack;
    size_t stack_count, stack_cap;
    size_t limit;
    int max_depth;
    int restart; /* the took filter learned something: start again */
    /* every move a walk can make, interned once (see walk_moves) */
    int32_t *mv_action; /* [step_base[step] + action] */
    size_t *step_base;
    int32_t *mv_inspect, *mv_service; /* [doc], [service] */
    int32_t *mv_flag;                 /* [flag_base[doc] + problem], then the doc's traps */
    size_t *flag_base;
    size_t kept_bytes; /* snapshots kept after expansion */
} Walk;

#define SNAP_BUDGET ((size_t)512 << 20)
#define CHUNK       32

static int grow(void **p, size_t *cap, size_t need, size_t size)
{
    if (need <= *cap)
        return 1;
    size_t ncap = *cap ? *cap : 256;
    while (ncap < need)
        ncap *= 2;
    void *n = realloc(*p, ncap * size);
    if (!n)
        return 0;
    *p = n;
    *cap = ncap;
    return 1;
}
#define GROW(w, arr, cap, need)                                                                    \
    (grow((void **)&(arr), &(cap), (need), sizeof *(arr)) || ((w)->c->oom = 1, 0))

static int32_t move_intern(Walk *w, const char *m)
{
    uint64_t h = sim_hash_fnv1a(SIM_HASH_INIT, m, strlen(m));
    size_t cur = SIM_MAP_START;
    for (const uint32_t *i; (i = sim_map_next(&w->move_map, h, &cur)) != NULL;)
        if (strcmp(w->moves[*i], m) == 0)
            return (int32_t)*i;
    char *d = NULL;
    if (!sim_map_reserve(&w->move_map, 1) || !GROW(w, w->moves, w->move_cap, w->move_count + 1) ||
        !(d = sim_strdup(m))) {
        w->c->oom = 1;
        return -1;
    }
    w->moves[w->move_count] = d;
    sim_map_add(&w->move_map, h, (uint32_t)w->move_count);
    return (int32_t)w->move_count++;
}

/* Interns every move id a walk can make, once: step actions, opening each document, flagging
 * each planted problem (with its first accepted reason) and each trap, choosing each service. */
static int moves_prepare(Walk *w)
{
    const Scenario *s = w->c->s;
    size_t na = 0, nf = 0;
    w->step_base = calloc(s->step_count + 1, sizeof *w->step_base);
    w->flag_base = calloc(s->document_count + 1, sizeof *w->flag_base);
    if (!w->step_base || !w->flag_base)
        return 0;
    for (size_t i = 0; i < s->step_count; i++) {
        w->step_base[i] = na;
        na += s->steps[i].action_count;
    }
    for (size_t d = 0; d < s->document_count; d++) {
        w->flag_base[d] = nf;
        nf += s->documents[d].problem_count + s->documents[d].trap_count;
    }
    w->mv_action = calloc(na + 1, sizeof *w->mv_action);
    w->mv_flag = calloc(nf + 1, sizeof *w->mv_flag);
    w->mv_inspect = calloc(s->document_count + 1, sizeof *w->mv_inspect);
    w->mv_service = calloc(s->service_count + 1, sizeof *w->mv_service);
    if (!w->mv_action || !w->mv_flag || !w->mv_inspect || !w->mv_service)
        return 0;
    char id[512];
    for (size_t i = 0; i < s->step_count; i++)
        for (size_t j = 0; j < s->steps[i].action_count; j++)
            if ((w->mv_action[w->step_base[i] + j] = move_intern(w, s->steps[i].actions[j].id)) < 0)
                return 0;
    for (size_t d = 0; d < s->document_count; d++) {
        const Document *doc = &s->documents[d];
        snprintf(id, sizeof id, "inspect:%s", doc->id);
        if ((w->mv_inspect[d] = move_intern(w, id)) < 0)
            return 0;
        for (size_t k = 0; k < doc->problem_count; k++) {
            const DocProblem *p = &doc->problems[k];
            int reason = 0;
            while (reason < REASON_COUNT && !(p->reasons & (1u << reason)))
                reason++;
            w->mv_flag[w->flag_base[d] + k] = -1;
            if (reason >= REASON_COUNT || p->field < 0)
                continue;
            snprintf(id, sizeof id, "flag:%s.%s:%s", doc->id, doc->fields[p->field].key,
                     reason_id((FlagReason)reason));
            if ((w->mv_flag[w->flag_base[d] + k] = move_intern(w, id)) < 0)
                return 0;
        }
        for (size_t k = 0; k < doc->trap_count; k++) {
            snprintf(id, sizeof id, "flag:%s.%s:%s", doc->id, doc->fields[doc->traps[k].field].key,
                     reason_id(REASON_WRONG_DATA));
            if ((w->mv_flag[w->flag_base[d] + doc->problem_count + k] = move_intern(w, id)) < 0)
                return 0;
        }
    }
    for (size_t k = 0; k < s->service_count; k++) {
        snprintf(id, sizeof id, "service:%s", s->services[k].id);
        if ((w->mv_service[k] = move_intern(w, id)) < 0)
            return 0;
    }
    return 1;
}

/* ---- the moves worth exploring ------------------------------------------------------------
 * Opening each document on the desk, flagging
 * each planted problem of an opened document with its first accepted reason unless so
 * flagged, flagging each trap not yet flagged, and choosing the service while none is
 * chosen, then every offered step action (offered is the step's answer to available(); a side
 * action that stays on its step is offered only until taken). Side moves are tried from every
 * state: states told apart by their hash are visited
 * once, whatever the order of the moves that led there. */
static size_t walk_moves(Walk *w, const int *offered, size_t no, int32_t *out, size_t max)
{
    const Session *ss = w->ss;
    const Scenario *s = w->c->s;
    if (session_finished(ss))
        return 0;
    size_t n = 0;
    int step = session_step_index(ss);
    /* Side moves first: they seldom run a hook that changes the script's state, so the moves
     * after them can start from the snapshot without copying the script back. */
    for (size_t d = 0; d < s->document_count; d++) {
        const Document *doc = &s->documents[d];
        if (!session_doc_on_desk(ss, (int)d))
            continue;
        if (!session_doc_inspected(ss, (int)d)) {
            if (n < max)
                out[n++] = w->mv_inspect[d];
            continue;
        }
        for (size_t k = 0; k < doc->problem_count && n < max; k++) {
            const DocProblem *p = &doc->problems[k];
            int32_t mv = w->mv_flag[w->flag_base[d] + k];
            int reason = 0;
            while (reason < REASON_COUNT && !(p->reasons & (1u << reason)))
                reason++;
            if (mv >= 0 && session_flag_reason(ss, (int)d, p->field) != reason)
                out[n++] = mv;
        }
        for (size_t k = 0; k < doc->trap_count && n < max; k++)
            if (session_flag_reason(ss, (int)d, doc->traps[k].field) < 0)
                out[n++] = w->mv_flag[w->flag_base[d] + doc->problem_count + k];
    }
    if (session_service(ss) < 0)
        for (size_t k = 0; k < s->service_count && n < max; k++)
            out[n++] = w->mv_service[k];
    for (size_t i = 0; i < no && n < max; i++)
        out[n++] = w->mv_action[w->step_base[step] + (size_t)offered[i]];
    return n;
}

/* The node of a control hash, or -1. */
static int32_t node_find(const Walk *w, uint64_t h)
{
    const uint32_t *i = sim_map_get(&w->node_map, h);
    return i ? (int32_t)*i : -1;
}

static int32_t node_add(Walk *w, uint64_t h)
{
    if (!sim_map_reserve(&w->node_map, 1)) {
        w->c->oom = 1;
        return -1;
    }
    if (!GROW(w, w->nodes, w->node_cap, w->node_count + 1) ||
        !GROW(w, w->seen, w->seen_cap, w->node_count + 1) ||
        !GROW(w, w->hot, w->hot_cap, w->node_count + 1))
        return -1;
    int32_t id = (int32_t)w->node_count++;
    memset(&w->seen[id], 0, sizeof w->seen[id]);
    memset(&w->hot[id], 0, sizeof w->hot[id]);
    w->hot[id].rep = -1;
    CNode *n = &w->nodes[id];
    memset(n, 0, sizeof *n);
    n->hash = h;
    n->trans_at = -1;
    sim_map_add(&w->node_map, h, (uint32_t)id);
    return id;
}

static void push(Walk *w, int32_t node)
{
    if (w->hot[node].queued)
        return;
    if (!GROW(w, w->stack, w->stack_cap, w->stack_count + 1))
        return;
    w->hot[node].queued = 1;
    w->stack[w->stack_count++] = node;
}

/* A label's moves, root first, plus `last` when not NULL. */
static void label_path(Walk *w, ExplorePath *p, int32_t label, const char *last)
{
    path_free(p);
    size_t n = label >= 0 ? (size_t)w->labels[label].depth : 0;
    p->actions = calloc(n + 2, sizeof *p->actions);
    if (!p->actions) {
        w->c->oom = 1;
        return;
    }
    p->count = n;
    for (int32_t l = label; l >= 0 && w->labels[l].move >= 0; l = w->labels[l].parent)
        p->actions[--n] = sim_strdup(w->moves[w->labels[l].move]);
    if (last)
        p->actions[p->count++] = sim_strdup(last);
}

static void walk_issue(Walk *w, ExploreIssueKind kind, const char *step, const char *msg,
                       int32_t label, const char *last)
{
    ExploreIssue *is = issue_new(w->c->r, kind, step, msg);
    if (is)
        label_path(w, &is->path, label, last);
}

/* Plays a found path again as a plain attempt (full ledger, no snapshots) and compares its
 * end with what the walk computed. */
static void verify_path(Walk *w, int ending, const SessionLabel *v, int32_t parent,
                        const char *last)
{
    Ctx *c = w->c;
    ExploreResult *r = c->r;
    ExplorePath p = {0};
    label_path(w, &p, parent, last);
    SessionOptions so = {.seed = c->opt->seed, .mode = MODE_TRAINING, .program = c->opt->program};
    Session *ss = NULL;
    SimError e;
    char why[3072] = "";
    r->verified++;
    if (session_create(c->s, &so, &ss, &e) != SIM_OK) {
        snprintf(why, sizeof why, tr(STR_EXPLORE_NOT_STARTED), e.msg);
    } else {
        for (size_t i = 0; i < p.count && !why[0]; i++)
            if (session_act(ss, p.actions[i], &e) != SIM_OK)
                snprintf(why, sizeof why, tr(STR_EXPLORE_MOVE_FAILED), i + 1, p.actions[i], e.msg);
        if (!why[0]) {
            ScoreReport got, want;
            session_report(ss, &got);
            session_label_report(c->s, v, &want);
            const Ending *en = session_ending(ss);
            int eidx = en ? (int)(en - c->s->endings) : -1;
            if (!session_finished(ss) || eidx != ending || got.total != want.total ||
                (got.passed != 0) != (want.passed != 0) ||
                session_minutes(ss) < v->minutes - 1e-6 || session_minutes(ss) > v->minutes + 1e-6)
                snprintf(why, sizeof why, tr(STR_EXPLORE_VERIFY_DIFFERS), ending, want.total,
                         want.passed ? tr(STR_EXPLORE_PASSED) : tr(STR_EXPLORE_NOT_PASSED),
                         v->minutes, eidx, got.total,
                         got.passed ? tr(STR_EXPLORE_PASSED) : tr(STR_EXPLORE_NOT_PASSED),
                         session_minutes(ss));
        }
    }
    session_destroy(ss);
    if (why[0]) {
        r->verify_failures++;
        if (!r->verify_message) {
            SimBuf b;
            simbuf_init(&b);
            simbuf_printf(&b, tr(STR_EXPLORE_PATH), why);
            for (size_t i = 0; i < p.count; i++)
                simbuf_printf(&b, " %s", p.actions[i]);
            r->verify_message = simbuf_take(&b);
        }
    }
    path_free(&p);
}

/* Returns 1 when the label passes at that ending, with its total in *total. */
static int ending_reached(Walk *w, int ending, const SessionLabel *v, int32_t parent, int32_t move,
                          int32_t depth, int *total)
{
    ExploreResult *r = w->c->r;
    if (ending < 0)
        return 0;
    if (w->c->opt->verify > 0) {
        long long k = 0;
        for (size_t i = 0; i < r->ending_count; i++)
            k += r->endings[i].reached;
        /* The first of each ending (its first min and max paths) and then every verify-th. */
        if (r->endings[ending].reached == 0 || k % w->c->opt->verify == 0)
            verify_path(w, ending, v, parent, move >= 0 ? w->moves[move] : NULL);
    }
    ExploreEnding *xe = &r->endings[ending];
    struct {
        int total, passed;
    } rep;
    rep.total = score_total_sums(w->c->s, v->sums, (size_t)v->critical, &rep.passed);
    const char *last = move >= 0 ? w->moves[move] : NULL;
    xe->reached++;
    xe->passed += rep.passed != 0;
    if (xe->reached == 1 || rep.total < xe->min_total) {
        xe->min_total = rep.total;
        label_path(w, &xe->min_path, parent, last);
    }
    if (xe->reached == 1 || rep.total > xe->max_total) {
        xe->max_total = rep.total;
        label_path(w, &xe->max_path, parent, last);
    }
    if (rep.total > r->best_total ||
        (rep.total == r->best_total && (size_t)depth < r->best_path.count)) {
        r->best_total = rep.total;
        r->best_passed = rep.passed != 0;
        label_path(w, &r->best_path, parent, last);
    }
    *total = rep.total;
    return rep.passed != 0;
}

typedef struct WalkIssue {
    Walk *w;
    const char *ending;
    int32_t parent;
    const char *last;
} WalkIssue;

static void walk_must_fail(void *ud, const char *msg)
{
    WalkIssue *wi = ud;
    walk_issue(wi->w, EXPLORE_MUST_FAIL, wi->ending, msg, wi->parent, wi->last);
}

static void must_fail_check(Walk *w, int32_t end, int ending, int total, int32_t parent,
                            int32_t move)
{
    const Scenario *s = w->c->s;
    WalkIssue wi = {w, s->endings[ending].id, parent, move >= 0 ? w->moves[move] : NULL};
    must_fail_each(w->c->r, s, ending, w->nodes[end].must_fail, total, walk_must_fail, &wi);
}

/* Adds a reached state (h: its label hash; depth: its path's length); returns its label
 * index, -1 when seen before or not kept. */
static int32_t label_add_h(Walk *w, int32_t node, const SessionLabel *v, int32_t parent,
                           int32_t move, uint64_t h, int32_t depth)
{
    Ctx *c = w->c;
    int fresh = sim_set_add(&w->seen[node], h);
    if (fresh <= 0) {
        if (fresh < 0)
            c->oom = 1;
        return -1;
    }
    c->r->states++;
    if ((size_t)c->r->states > w->limit) {
        c->r->complete = 0;
        return -1;
    }
    if (!GROW(w, w->labels, w->label_cap, w->label_count + 1))
        return -1;
    CNode *n = &w->nodes[node];
    Hot *hn = &w->hot[node];
    if (hn->npend == hn->pcap) {
        uint32_t ncap = hn->pcap ? hn->pcap * 2 : 4;
        Pending *p = realloc(hn->pend, ncap * sizeof *p);
        if (!p) {
            c->oom = 1;
            return -1;
        }
        hn->pend = p;
        hn->pcap = ncap;
    }
    int32_t id = (int32_t)w->label_count++;
    Label *L = &w->labels[id];
    L->parent = parent;
    L->move = move;
    L->depth = depth;
    hn->pend[hn->npend].v = *v;
    hn->pend[hn->npend].depth = L->depth;
    hn->pend[hn->npend++].id = id;
    if (hn->rep < 0) {
        hn->rep = id;
        n->repv = *v;
    }
    push(w, node);
    return id;
}

static int32_t label_add_h(Walk *w, int32_t node, const SessionLabel *v, int32_t parent,
                           int32_t move, uint64_t h, int32_t depth);
static int32_t label_add(Walk *w, int32_t node, const SessionLabel *v, int32_t parent, int32_t move)
{
    return label_add_h(w, node, v, parent, move, session_label_hash(w->c->s, v),
                       parent >= 0 ? w->labels[parent].depth + 1 : 0);
}

/* The node standing for a finished attempt's control state (no moves, no snapshot). */
static int32_t end_node(Walk *w, uint64_t end_hash)
{
    int32_t n = node_find(w, end_hash);
    if (n < 0 && (n = node_add(w, end_hash)) >= 0) {
        w->nodes[n].terminal = 1;
        w->nodes[n].must_fail = session_must_fail_taken(w->ss);
    }
    return n;
}

/* A finished attempt reached by some label: counted once per (control, label) state. */
static void end_add_h(Walk *w, int32_t end, int ending, const SessionLabel *v, int32_t parent,
                      int32_t move, uint64_t h, int32_t depth)
{
    Ctx *c = w->c;
    if (end < 0)
        return;
    int fresh = sim_set_add(&w->seen[end], h);
    if (fresh <= 0) {
        if (fresh < 0)
            c->oom = 1;
        return;
    }
    c->r->states++;
    int total = 0;
    if (ending_reached(w, ending, v, parent, move, depth, &total))
        must_fail_check(w, end, ending, total, parent, move);
}

static void end_add(Walk *w, int32_t end, int ending, const SessionLabel *v, int32_t parent,
                    int32_t move)
{
    end_add_h(w, end, ending, v, parent, move, session_label_hash(w->c->s, v),
              parent >= 0 ? w->labels[parent].depth + 1 : 1);
}

/* Puts the session in node's control state with label v: from the node's snapshot, or by
 * replaying the path of its first label from the start. 0 when it cannot. */
static int materialize(Walk *w, int32_t node, const SessionLabel *v)
{
    SimError e;
    CNode *n = &w->nodes[node];
    if (n->snap) {
        if (session_snapshot_load(w->ss, n->snap, &e) != SIM_OK)
            return 0;
    } else {
        if (session_snapshot_load(w->ss, w->root, &e) != SIM_OK)
            return 0;
        int32_t chain[256];
        size_t k = 0;
        for (int32_t l = w->hot[node].rep; l >= 0 && w->labels[l].move >= 0 && k < 256;
             l = w->labels[l].parent)
            chain[k++] = w->labels[l].move;
        while (k > 0) {
            w->c->r->acts++;
            if (session_act(w->ss, w->moves[chain[--k]], &e) != SIM_OK)
                return 0;
        }
    }
    if (v)
        session_set_label(w->ss, v);
    return 1;
}

static void check_filter(Walk *w)
{
    if (session_took_filter_missed(w->filter))
        w->restart = 1;
}

/* Runs one move from the session's current state (already materialized). Returns 0 when the
 * move is not possible there. On success the session is in the resulting state. */
static int run_move(Walk *w, const char *move, size_t *errs_before, int *from_step,
                    const char **from_id)
{
    SimError e;
    *from_step = session_step_index(w->ss);
    *from_id = step_id(w->ss, "?"); /* the scenario's own string: it outlives the move */
    *errs_before = session_script_error_count(w->ss);
    w->c->r->acts++;
    int ok = session_act(w->ss, move, &e) == SIM_OK;
    check_filter(w);
    return ok;
}

/* What a run shows beyond the label: script errors, coverage of steps. */
static void note_run(Walk *w, size_t errs_before, int from_step, const char *from_id, int32_t label,
                     const char *move)
{
    ExploreResult *r = w->c->r;
    for (size_t i = errs_before; i < session_script_error_count(w->ss); i++)
        walk_issue(w, EXPLORE_SCRIPT_ERROR, step_id(w->ss, from_id), session_script_error(w->ss, i),
                   label, move);
    int st = session_step_index(w->ss);
    if (st >= 0 && !r->step_seen[st]) {
        r->step_seen[st] = 1;
        r->steps_seen++;
    }
    mark_action(w->c, from_step, move);
}

/* Where a run ended: the session is in the resulting state, reached from label `parent`
 * by `move`. A control state seen for the first time is asked what its step offers (the
 * script's available(), once per control state) and saved; if asking stops the attempt with
 * a script error, the run ended in that error. Sets *end to 1 for a finished attempt.
 * Returns the node, or -1 when memory ran out. */
static int32_t resolve(Walk *w, int32_t parent, const char *move, int *end)
{
    Session *ss = w->ss;
    uint64_t ch = session_control_hash(ss);
    *end = session_finished(ss);
    if (*end)
        return end_node(w, ch);
    int32_t t = node_find(w, ch);
    if (t >= 0)
        return t;
    char step[128];
    snprintf(step, sizeof step, "%s", step_id(ss, "?"));
    size_t errs = session_script_error_count(ss);
    int reads = session_label_reads(ss);
    int off[64];
    size_t no = session_offered(ss, off, 64);
    if (session_script_error_count(ss) > errs) {
        for (size_t i = errs; i < session_script_error_count(ss); i++)
            walk_issue(w, EXPLORE_SCRIPT_ERROR, step, session_script_error(ss, i), parent, move);
        *end = 1;
        return end_node(w, session_control_hash(ss));
    }
    SimError e;
    if ((t = node_add(w, ch)) < 0)
        return -1;
    w->c->r->control_states++;
    CNode *n = &w->nodes[t];
    n->exact_all = session_label_reads(ss) != reads; /* what is offered depends on the label */
    n->noff = (unsigned char)no;
    for (size_t i = 0; i < no; i++)
        n->off[i] = (unsigned char)off[i];
    if (session_snapshot_save(ss, &n->snap, &e) != SIM_OK) {
        w->c->oom = 1;
        return -1;
    }
    return t;
}

/* The state after a run, for the given parent label: a new or known control state. */
static void take_result(Walk *w, int32_t parent, int32_t move)
{
    int end;
    int32_t t = resolve(w, parent, w->moves[move], &end);
    if (t < 0)
        return;
    const SessionLabel *v = session_label(w->ss);
    if (end) {
        const Ending *en = session_ending(w->ss);
        end_add(w, t, en ? (int)(en - w->c->s->endings) : -1, v, parent, move);
    } else {
        label_add(w, t, v, parent, move);
    }
}

/* Every move from one label of a node whose offered moves depend on the label. */
static void expand_exact(Walk *w, int32_t node, int32_t label, const SessionLabel *lv)
{
    int32_t moves[MAX_MOVES];
    SessionLabel v = *lv;
    if (!materialize(w, node, &v))
        return;
    int offered[64];
    char step[128];
    snprintf(step, sizeof step, "%s", step_id(w->ss, "?"));
    size_t errs0 = session_script_error_count(w->ss);
    size_t no = session_offered(w->ss, offered, 64);
    if (session_script_error_count(w->ss) > errs0) {
        /* The question itself failed for this label (its path to here ran fine). */
        for (size_t i = errs0; i < session_script_error_count(w->ss); i++)
            walk_issue(w, EXPLORE_SCRIPT_ERROR, step, session_script_error(w->ss, i), label, NULL);
        return;
    }
    if (no == 0)
        walk_issue(w, EXPLORE_DEAD_END, step_id(w->ss, "?"), tr(STR_EXPLORE_NO_WAY_ON), label,
                   NULL);
    size_t nm = walk_moves(w, offered, no, moves, MAX_MOVES);
    for (size_t i = 0; i < nm && !w->c->oom && !w->restart; i++) {
        if (i > 0 && !materialize(w, node, &v))
            break;
        size_t errs;
        int from;
        const char *from_id;
        if (!run_move(w, w->moves[moves[i]], &errs, &from, &from_id))
            continue;
        w->c->r->transitions++;
        note_run(w, errs, from, from_id, label, w->moves[moves[i]]);
        take_result(w, label, moves[i]);
    }
}

/* After a recorded run of transition tid: stores what it showed as the variant it is (the
 * applicant walked out or not), unless it read the clock or the mood (then the transition is
 * exact for good). The session is in the resulting state. Returns 0 on no memory. */
static int learn(Walk *w, int32_t tid, int32_t label, int reads_before, int walks_before)
{
    Session *ss = w->ss;
    if (session_label_reads(ss) != reads_before) {
        w->trans[tid].exact = 1;
        return 1;
    }
    int walked = session_walkouts(ss) != walks_before;
    Variant *vr = &w->trans[tid].var[walked];
    if (vr->known)
        return 1;
    if (w->rec.oom || !GROW(w, w->ops, w->ops_cap, w->ops_count + w->rec.count + 1))
        return 0;
    vr = &w->trans[tid].var[walked];
    vr->ops_at = (uint32_t)w->ops_count;
    vr->ops_n = (uint32_t)w->rec.count;
    vr->check_n = vr->ops_n;
    for (size_t i = 0; i < w->rec.count; i++)
        if (w->rec.v[i].kind == SOP_WALKOUT) {
            vr->check_n = (uint32_t)i;
            break;
        }
    memcpy(w->ops + w->ops_count, w->rec.v, w->rec.count * sizeof *w->ops);
    w->ops_count += w->rec.count;
    vr->target = -1;
    vr->ending = -1;
    int end;
    int32_t tg = resolve(w, label, w->moves[w->trans[tid].move], &end);
    if (tg < 0)
        return 0;
    vr = &w->trans[tid].var[walked];
    if (end) {
        const Ending *en = session_ending(ss);
        vr->end_node = tg;
        vr->ending = en ? (int32_t)(en - w->c->s->endings) : -1;
    } else {
        vr->target = tg;
    }
    vr->known = 1;
    return 1;
}

/* Runs transition tid for one label (value v) from the node's state, with its label set,
 * recording; the result is that label's successor, and teaches the transition its variant. */
static void follow_exact(Walk *w, int32_t node, int32_t label, const SessionLabel *v, int32_t tid)
{
    if (!materialize(w, node, v))
        return;
    int reads = session_label_reads(w->ss), walks = session_walkouts(w->ss);
    int32_t mv = w->trans[tid].move;
    size_t errs;
    int from;
    const char *from_id;
    w->rec.count = 0;
    session_record(w->ss, &w->rec);
    int ok = run_move(w, w->moves[mv], &errs, &from, &from_id);
    session_record(w->ss, NULL);
    if (!ok)
        return;
    w->c->r->transitions++;
    note_run(w, errs, from, from_id, label, w->moves[mv]);
    if (!learn(w, tid, label, reads, walks)) {
        w->c->oom = 1;
        return;
    }
    take_result(w, label, mv);
}

/* Runs every move of a node once, from its snapshot, recording what each does. */
static void expand(Walk *w, int32_t node)
{
    Ctx *c = w->c;
    CNode *n = &w->nodes[node];
    n->expanded = 1;
    n->trans_at = (int32_t)w->trans_count;
    n->trans_n = 0;
    if (n->exact_all)
        return; /* what is offered depends on the label: each on its own */
    if (!materialize(w, node, &n->repv))
        return;
    int reads;
    int offered[64];
    size_t no = n->noff;
    for (size_t i = 0; i < no; i++)
        offered[i] = n->off[i];
    int32_t moves[MAX_MOVES];
    size_t nm = walk_moves(w, offered, no, moves, MAX_MOVES);
    if (no == 0)
        walk_issue(w, EXPLORE_DEAD_END, step_id(w->ss, "?"), tr(STR_EXPLORE_NO_WAY_ON),
                   w->hot[node].rep, NULL);
    for (size_t i = 0; i < nm && !c->oom && !w->restart; i++) {
        if (i > 0 && !materialize(w, node, &w->nodes[node].repv))
            break;
        reads = session_label_reads(w->ss);
        int walks = session_walkouts(w->ss);
        w->rec.count = 0;
        session_record(w->ss, &w->rec);
        size_t errs;
        int from;
        const char *from_id;
        int ok = run_move(w, w->moves[moves[i]], &errs, &from, &from_id);
        session_record(w->ss, NULL);
        if (!ok)
            continue;
        if (!GROW(w, w->trans, w->trans_cap, w->trans_count + 1))
            break;
        int32_t tid = (int32_t)w->trans_count++;
        Trans *t = &w->trans[tid];
        memset(t, 0, sizeof *t);
        t->move = moves[i];
        w->nodes[node].trans_n++;
        note_run(w, errs, from, from_id, w->hot[node].rep, w->moves[moves[i]]);
        if (!learn(w, tid, w->hot[node].rep, reads, walks)) {
            c->oom = 1;
            break;
        }
    }
}

/* After a node's labels have moved on: its snapshot stays if every label must run some move
 * from here (within a budget); otherwise a rare later label that needs a run rebuilds the
 * state by replaying its path. */
static void settle(Walk *w, int32_t node)
{
    CNode *n = &w->nodes[node];
    if (!n->snap || node == 0 || n->kept)
        return;
    int keep = n->exact_all;
    for (int32_t k = 0; k < n->trans_n && !keep; k++)
        keep = w->trans[n->trans_at + k].exact;
    if (keep && w->kept_bytes + session_snapshot_size(n->snap) > SNAP_BUDGET)
        keep = 0;
    if (keep) {
        w->kept_bytes += session_snapshot_size(n->snap);
        n->kept = 1;
    } else {
        session_snapshot_free(n->snap);
        n->snap = NULL;
    }
}

/* Sends the labels waiting at a node through its moves: move by move, so consecutive labels
 * land in the same next state. Labels that arrive meanwhile wait for the next round. */
static void propagate(Walk *w, int32_t node)
{
    Ctx *c = w->c;
    const Scenario *s = c->s;
    while (w->hot[node].npend && !c->oom && !w->restart) {
        Pending *batch = w->hot[node].pend;
        uint32_t nb = w->hot[node].npend, bcap = w->hot[node].pcap;
        w->hot[node].pend = NULL;
        w->hot[node].npend = w->hot[node].pcap = 0;
        if (w->nodes[node].exact_all) {
            for (uint32_t i = 0; i < nb && !c->oom && !w->restart; i++) {
                if (batch[i].depth >= w->max_depth)
                    c->r->complete = 0;
                else
                    expand_exact(w, node, batch[i].id, &batch[i].v);
            }
            free(batch);
            continue;
        }
        int32_t at = w->nodes[node].trans_at, cnt = w->nodes[node].trans_n;
        for (int32_t k = 0; k < cnt && !c->oom && !w->restart; k++) {
            /* In runs of CHUNK labels: first the successors and their hashes (asking the
             * memory for the set slots they will probe), then the inserts. */
            for (uint32_t i0 = 0, m = 0; i0 < nb && !c->oom && !w->restart; i0 += m) {
                m = nb - i0 < CHUNK ? nb - i0 : CHUNK;
                SessionLabel nv[CHUNK];
                uint64_t hh[CHUNK];
                int32_t dest[CHUNK];     /* node, or -1: skip (done or exact) */
                signed char kind[CHUNK]; /* 0 node, 1 end, -1 skip, 2 run it */
                int32_t ending[CHUNK];
                const Trans *t = &w->trans[at + k];
                for (uint32_t j = 0; j < m; j++) {
                    const Pending *pd = &batch[i0 + j];
                    kind[j] = -1;
                    if (pd->depth >= w->max_depth) {
                        c->r->complete = 0;
                        continue;
                    }
                    if (t->exact) {
                        kind[j] = 2;
                        m = j + 1; /* a run may teach the move: the next labels wait for it */
                        break;
                    }
                    SessionLabel v = pd->v;
                    const Variant *vr;
                    if (t->var[0].known) {
                        vr = &t->var[0];
                        session_label_apply(s, &v, w->ops + vr->ops_at, vr->ops_n);
                        if (vr->target >= 0 && v.mood <= 0 && s->walkout >= 0) {
                            vr = &t->var[1]; /* this label walks out */
                            v = pd->v;
                        }
                    } else {
                        vr = &t->var[1];
                        session_label_apply(s, &v, w->ops + vr->ops_at, vr->check_n);
                        if (v.mood > 0)
                            vr = &t->var[0]; /* this label stays */
                        v = pd->v;
                    }
                    if (!vr->known) {
                        kind[j] = 2;
                        m = j + 1;
                        break;
                    }
                    if (vr == &t->var[1])
                        session_label_apply(s, &v, w->ops + vr->ops_at, vr->ops_n);
                    nv[j] = v;
                    kind[j] = vr->target < 0;
                    dest[j] = vr->target < 0 ? vr->end_node : vr->target;
                    ending[j] = vr->ending;
                    hh[j] = session_label_hash(s, &v);
                    if (dest[j] >= 0)
                        sim_set_prefetch(&w->seen[dest[j]], hh[j]);
                }
                for (uint32_t j = 0; j < m && !c->oom && !w->restart; j++) {
                    int32_t li = batch[i0 + j].id;
                    int32_t mv = w->trans[at + k].move;
                    if (kind[j] == 2) {
                        follow_exact(w, node, li, &batch[i0 + j].v, at + k);
                    } else if (kind[j] >= 0) {
                        c->r->transitions++;
                        if (kind[j] == 1)
                            end_add_h(w, dest[j], ending[j], &nv[j], li, mv, hh[j],
                                      batch[i0 + j].depth + 1);
                        else
                            label_add_h(w, dest[j], &nv[j], li, mv, hh[j], batch[i0 + j].depth + 1);
                    }
                }
            }
        }
        if (!w->hot[node].pend && bcap <= 4096) {
            w->hot[node].pend = batch; /* kept for the node's next labels */
            w->hot[node].pcap = bcap;
        } else {
            free(batch);
        }
    }
}

static void walk_free(Walk *w)
{
    free(w->mv_action);
    free(w->step_base);
    free(w->mv_inspect);
    free(w->mv_service);
    free(w->mv_flag);
    free(w->flag_base);
    for (size_t i = 0; i < w->node_count; i++) {
        free(w->hot[i].pend);
        sim_set_free(&w->seen[i]);
        session_snapshot_free(w->nodes[i].snap);
    }
    free(w->nodes);
    free(w->seen);
    free(w->hot);
    sim_map_free(&w->node_map);
    free(w->labels);
    free(w->trans);
    free(w->ops);
    free(w->rec.v);
    for (size_t i = 0; i < w->move_count; i++)
        free(w->moves[i]);
    free(w->moves);
    sim_map_free(&w->move_map);
    free(w->stack);
    session_snapshot_free(w->root);
    session_destroy(w->ss);
}

static void result_reset(Ctx *c)
{
    ExploreResult *r = c->r;
    for (size_t i = 0; i < r->ending_count; i++) {
        path_free(&r->endings[i].min_path);
        path_free(&r->endings[i].max_path);
        const Ending *e = r->endings[i].ending;
        memset(&r->endings[i], 0, sizeof r->endings[i]);
        r->endings[i].ending = e;
    }
    for (size_t i = 0; i < r->issue_count; i++) {
        free(r->issues[i].step);
        free(r->issues[i].message);
        path_free(&r->issues[i].path);
    }
    r->issue_count = 0;
    path_free(&r->best_path);
    r->best_total = -1;
    r->best_passed = 0;
    r->states = r->transitions = r->control_states = 0;
    r->complete = 1;
    memset(r->step_seen, 0, r->steps_total);
    r->steps_seen = 0;
    for (size_t i = 0; i < r->steps_total; i++)
        memset(r->action_seen[i], 0, c->s->steps[i].action_count);
    r->actions_seen = 0;
}

static SimStatus walk_once(Ctx *c, SessionTookFilter *filter, int *restart, SimError *err)
{
    Walk w = {0};
    w.c = c;
    w.filter = filter;
    w.limit = c->opt->limit ? c->opt->limit : 50000000;
    w.max_depth = c->opt->max_depth > 0 ? c->opt->max_depth : 60;
    SessionOptions so = {.seed = c->opt->seed,
                         .mode = MODE_TRAINING,
                         .limits = {.snapshots = 1},
                         .program = c->opt->program};
    if (session_create_lean(c->s, &so, &w.ss, err) != SIM_OK)
        return SIM_ERR_SCRIPT;
    if (!moves_prepare(&w)) {
        walk_free(&w);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    }
    session_use_took_filter(w.ss, filter);
    ExploreResult *r = c->r;
    r->acts++;
    SimStatus rc = SIM_OK;
    int32_t root = node_add(&w, session_control_hash(w.ss));
    r->control_states++;
    if (root < 0 || session_snapshot_save(w.ss, &w.root, err) != SIM_OK ||
        session_snapshot_save(w.ss, &w.nodes[root].snap, err) != SIM_OK) {
        walk_free(&w);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    }
    {
        int reads = session_label_reads(w.ss), off[64];
        size_t no = session_finished(w.ss) ? 0 : session_offered(w.ss, off, 64);
        w.nodes[root].exact_all = session_label_reads(w.ss) != reads;
        w.nodes[root].noff = (unsigned char)no;
        for (size_t i = 0; i < no; i++)
            w.nodes[root].off[i] = (unsigned char)off[i];
    }
    int st = session_step_index(w.ss);
    if (st >= 0 && !r->step_seen[st]) {
        r->step_seen[st] = 1;
        r->steps_seen++;
    }
    for (size_t i = 0; i < session_script_error_count(w.ss); i++)
        walk_issue(&w, EXPLORE_SCRIPT_ERROR, step_id(w.ss, "?"), session_script_error(w.ss, i), -1,
                   NULL);
    if (session_finished(w.ss)) {
        const Ending *en = session_ending(w.ss);
        end_add(&w, end_node(&w, session_control_hash(w.ss)), en ? (int)(en - c->s->endings) : -1,
                session_label(w.ss), -1, -1);
    } else {
        label_add(&w, root, session_label(w.ss), -1, -1);
    }
    while (w.stack_count && !c->oom && !w.restart) {
        int32_t node = w.stack[--w.stack_count];
        w.hot[node].queued = 0;
        if (!w.nodes[node].expanded)
            expand(&w, node);
        propagate(&w, node);
        settle(&w, node);
    }
    *restart = w.restart;
    walk_free(&w);
    if (c->oom)
        rc = sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    return rc;
}

/* The self-check of a reported path: played again as a plain attempt, it must end at the
 * given ending (any, when ending < 0) with the given total. */
static void verify_reported(Ctx *c, const ExplorePath *p, int ending, int total)
{
    ExploreResult *r = c->r;
    SessionOptions so = {.seed = c->opt->seed, .mode = MODE_TRAINING, .program = c->opt->program};
    Session *ss = NULL;
    SimError e;
    int ok = session_create(c->s, &so, &ss, &e) == SIM_OK;
    for (size_t i = 0; ok && i < p->count; i++)
        ok = session_act(ss, p->actions[i], &e) == SIM_OK;
    if (ok) {
        ScoreReport rep;
        session_report(ss, &rep);
        const Ending *en = session_ending(ss);
        ok = en && (ending < 0 || en - c->s->endings == ending) && rep.total == total;
    }
    session_destroy(ss);
    r->verified++;
    if (ok)
        return;
    r->verify_failures++;
    if (!r->verify_message) {
        SimBuf b;
        simbuf_init(&b);
        simbuf_printf(&b, tr(STR_EXPLORE_REPORT_PATH_DIFFERS), total);
        for (size_t i = 0; i < p->count; i++)
            simbuf_printf(&b, " %s", p->actions[i]);
        r->verify_message = simbuf_take(&b);
    }
}

static SimStatus walk_all(Ctx *c, SimError *err)
{
    SessionTookFilter *filter = session_took_filter_create(c->s);
    if (!filter)
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    SimStatus rc = SIM_OK;
    /* A script asking about an action the filter dropped makes the states found so far too
     * coarse: learn it and walk again (at most once per action a script names). */
    for (int round = 0; round < 64; round++) {
        int restart = 0;
        c->r->complete = 1;
        rc = walk_once(c, filter, &restart, err);
        if (rc != SIM_OK || !restart)
            break;
        if (!session_took_filter_learn(filter)) {
            rc = sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
            break;
        }
        result_reset(c);
    }
    session_took_filter_destroy(filter);
    if (rc == SIM_OK && c->opt->verify > 0) { /* every path the report shows */
        ExploreResult *r = c->r;
        for (size_t i = 0; i < r->ending_count; i++)
            if (r->endings[i].reached) {
                verify_reported(c, &r->endings[i].min_path, (int)i, r->endings[i].min_total);
                verify_reported(c, &r->endings[i].max_path, (int)i, r->endings[i].max_total);
            }
        if (r->best_total >= 0)
            verify_reported(c, &r->best_path, -1, r->best_total);
    }
    return rc;
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
        if (!ss)
            return SIM_ERR_SCRIPT;
        add_node(c, -1, NULL);
        r->runs++;
        int go = observe(c, ss, 0, -1, NULL, "?");
        for (int d = 0; go && d < max_depth && !c->oom; d++) {
            char id[256];
            if (!session_pick_random(ss, &rng, id, sizeof id))
                break;
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
            add_node(c, parent, id);
        }
        session_destroy(ss);
    }
    return c->oom ? sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM)) : SIM_OK;
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
    if (!r)
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
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
                      : sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    for (size_t i = 0; i < c.node_count; i++)
        free(c.nodes[i].move);
    free(c.nodes);
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
    if (!r)
        return;
    free(r->verify_message);
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
