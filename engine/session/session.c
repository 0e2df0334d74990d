/*
 * session.c — one attempt (see session.h; what only the explorer uses: session_internal.h).
 *
 * Order of effects for a step action: time (and the patience penalty on mood), mood, flags,
 * the action's score and critical error (first time only), the script's on_action hook, then
 * the transition: a script's finish() or go(), else the action's "end" or "next". Finishing
 * runs the script's ending() hook, applies the ending's score, lists planted problems that were
 * never flagged, and scores time against the norm. All arithmetic is deterministic.
 */
#include "session.h"
#include "session_internal.h"

#include "../core/i18n.h"
#include "../core/hmap.h"
#include "../core/jsonw.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Strings kept once per lean session (exploration): sets and fields then hold borrowed
 * pointers, and a snapshot copies pointers, not text. */
typedef struct Intern {
    char **v; /* owned, in the order they came */
    size_t n, cap;
    SimMap index; /* hash of a string -> its index in v */
} Intern;

typedef struct StrSet {
    char **items;   /* owned, unless pool is set (then borrowed from it) */
    uint64_t *hash; /* sim_hash_fnv1a of each item: compared first, and kept for hashing */
    size_t count, cap;
    Intern *pool;
} StrSet;

/* The scalars of an attempt's state, and its name: everything a snapshot puts back by value,
 * in one place, so a field added here is saved and loaded without another line of code. */
typedef struct SessionCore {
    int step; /* -1 when finished */
    int finished;
    int ending;       /* -1 when none */
    int service;      /* index of the chosen office service or -1 */
    int stopped;      /* a script error stopped the attempt (outcome "content_error") */
    SessionLabel lab; /* clock, mood, patience penalty, points per criterion, critical errors */
    char *name;       /* applicant's name (scripts may vary it); interned when lean */
    int age;
    int nacts;          /* actions performed */
    int label_reads;    /* the script read the clock or the mood */
    int walkouts;       /* the applicant walked out (mood reached 0) */
    uint64_t data_hash; /* fields and applicant data as set so far */
    /* what the script made the engine keep on its behalf, counted against SESSION_SCRIPT_* */
    size_t script_bytes;
    int script_entries;
} SessionCore;

struct Session {
    const Scenario *s;
    SessionOptions opt;
    Script *script;

    SessionCore core;
    char *line;  /* current applicant's line, owned */
    char *reply; /* owned */

    StrSet flags;         /* plain flags */
    StrSet took;          /* ids of every action taken (step and generic) */
    char *on_desk;        /* per document */
    char *inspected;      /* per document */
    int **flagged;        /* [doc][field] = reason or -1 */
    char ***fields;       /* [doc][field] value overrides (NULL = scenario's value) */
    char **problem_found; /* [doc][problem] */

    ScoreLedger ledger;
    StrSet actions; /* in order, with repeats */
    StrSet script_errors;

    /* exploration (see session_internal.h) */
    int lean;        /* made by session_create_lean: explore keeps only what it needs */
    Intern intern;   /* lean: every flag, action id, field and name, once */
    SessionOps *rec; /* where label changes are recorded, or NULL */
    SessionTookFilter *filter;

    /* during a hook */
    const char *current_action;
    int pending_go, pending_finish;
    char host_buf[256];
};

/* ==== small helpers ======================================================================= */

static uint64_t str_hash(const char *v)
{
    return sim_hash_fnv1a(SIM_HASH_INIT, v, strlen(v));
}

static const char *intern(Intern *p, const char *v, uint64_t h)
{
    size_t cur = SIM_MAP_START;
    for (const uint32_t *i; (i = sim_map_next(&p->index, h, &cur)) != NULL;)
        if (strcmp(p->v[*i], v) == 0)
            return p->v[*i];
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        char **nv = realloc(p->v, cap * sizeof *nv);
        if (!nv)
            return NULL;
        p->v = nv;
        p->cap = cap;
    }
    char *d = sim_strdup(v);
    if (!d || !sim_map_add(&p->index, h, (uint32_t)p->n)) {
        free(d);
        return NULL;
    }
    return p->v[p->n++] = d;
}

static void intern_free(Intern *p)
{
    for (size_t i = 0; i < p->n; i++)
        free(p->v[i]);
    free(p->v);
    sim_map_free(&p->index);
    memset(p, 0, sizeof *p);
}

static int strset_has(const StrSet *s, const char *v)
{
    uint64_t h = str_hash(v);
    for (size_t i = 0; i < s->count; i++)
        if (s->hash[i] == h && strcmp(s->items[i], v) == 0)
            return 1;
    return 0;
}

static int strset_push(StrSet *s, const char *v)
{
    if (s->count == s->cap) {
        size_t cap = s->cap ? s->cap * 2 : 16;
        char **p = realloc(s->items, cap * sizeof *p);
        if (!p)
            return 0;
        s->items = p;
        uint64_t *h = realloc(s->hash, cap * sizeof *h);
        if (!h)
            return 0;
        s->hash = h;
        s->cap = cap;
    }
    uint64_t h = str_hash(v);
    char *d = s->pool ? (char *)intern(s->pool, v, h) : sim_strdup(v);
    if (!d)
        return 0;
    s->hash[s->count] = h;
    s->items[s->count++] = d;
    return 1;
}

static void strset_add(StrSet *s, const char *v)
{
    if (!strset_has(s, v))
        strset_push(s, v);
}

static void strset_remove(StrSet *s, const char *v)
{
    for (size_t i = 0; i < s->count; i++)
        if (strcmp(s->items[i], v) == 0) {
            if (!s->pool)
                free(s->items[i]);
            s->items[i] = s->items[--s->count];
            s->hash[i] = s->hash[s->count];
            return;
        }
}

static void strset_free(StrSet *s)
{
    Intern *pool = s->pool;
    for (size_t i = 0; i < s->count && !pool; i++)
        free(s->items[i]);
    free(s->items);
    free(s->hash);
    memset(s, 0, sizeof *s);
    s->pool = pool;
}

/* dst becomes a copy of src, both borrowing from the same pool; 0 when memory ran out. */
static int strset_copy(StrSet *dst, const StrSet *src)
{
    dst->pool = src->pool;
    if (dst->cap < src->count) {
        size_t cap = src->count;
        char **p = realloc(dst->items, cap * sizeof *p);
        if (p)
            dst->items = p;
        uint64_t *h = p ? realloc(dst->hash, cap * sizeof *h) : NULL;
        if (h)
            dst->hash = h;
        if (!p || !h) {
            dst->count = 0;
            return 0;
        }
        dst->cap = cap;
    }
    if (src->count) {
        memcpy(dst->items, src->items, src->count * sizeof *dst->items);
        memcpy(dst->hash, src->hash, src->count * sizeof *dst->hash);
    }
    dst->count = src->count;
    return 1;
}

static void set_str(char **dst, const char *v)
{
    char *d = v ? sim_strdup(v) : NULL;
    free(*dst);
    *dst = d;
}

/* Fields and the name: interned in a lean session, owned copies otherwise. */
static void put_str(Session *ss, char **dst, const char *v)
{
    if (!ss->lean) {
        set_str(dst, v);
        return;
    }
    *dst = v ? (char *)intern(&ss->intern, v, str_hash(v)) : NULL;
}

static const char *rule_short(const Rule *r)
{
    return r ? r->short_ : NULL;
}

/* ---- the label: what an attempt adds up (see SessionLabel) ----
 * These functions are the only place the clock, the mood and the points change, so replaying
 * recorded operations on another label (session_label_apply) computes exactly what the
 * attempt would have. */

static void label_time(const Scenario *s, SessionLabel *l, double minutes)
{
    if (!(minutes > 0)) /* also NaN */
        return;
    /* Saturate: a clock past any real visit must not overflow the time arithmetic below. */
    l->minutes = fmin(l->minutes + minutes, SESSION_MAX_MINUTES);
    /* Past the applicant's patience the mood drops by 2 per simulated minute. */
    double over = l->minutes - s->applicant.patience;
    int due = over > 0 ? (int)floor(over * 2.0) : 0;
    if (due > l->patience_penalty) {
        l->mood -= due - l->patience_penalty;
        l->patience_penalty = due;
    }
    if (l->mood < 0)
        l->mood = 0;
}

static void label_mood(SessionLabel *l, long long d)
{
    long long m = l->mood + d;
    l->mood = (int)(m < 0 ? 0 : (m > 100 ? 100 : m));
}

static void label_points(const Scenario *s, SessionLabel *l, int crit, int points)
{
    if (crit >= 0 && (size_t)crit < s->criterion_count)
        l->sums[crit] += points;
    else if (crit < 0)
        l->critical++;
}

/* Started minutes over the time norm (0 within it). */
static int label_minutes_over(const Scenario *s, const SessionLabel *l)
{
    double over = l->minutes - s->time_norm;
    return over <= 0 ? 0 : (int)ceil(over - 1e-9);
}

/* The time criterion's points at the end: the norm's points, less per started minute over it;
 * none when the applicant walked out. The one formula: the debrief's time lines are derived
 * from it. */
static int label_time_points(const Scenario *s, const SessionLabel *l, int walked_out)
{
    if (s->time_criterion < 0 || s->time_points <= 0 || walked_out)
        return 0;
    return s->time_points - label_minutes_over(s, l) * s->time_per_minute;
}

static void record(Session *ss, int kind, int crit, int n, double x)
{
    SessionOps *r = ss->rec;
    if (!r)
        return;
    if (r->count == r->cap) {
        size_t cap = r->cap ? r->cap * 2 : 16;
        SessionOp *v = realloc(r->v, cap * sizeof *v);
        if (!v) {
            r->oom = 1;
            return;
        }
        r->v = v;
        r->cap = cap;
    }
    SessionOp *o = &r->v[r->count++];
    o->kind = (unsigned char)kind;
    o->crit = (signed char)crit;
    o->n = n;
    o->x = x;
}

static void add_time(Session *ss, double minutes)
{
    if (minutes <= 0)
        return;
    record(ss, SOP_TIME, 0, 0, minutes);
    label_time(ss->s, &ss->core.lab, minutes);
}

static void add_mood(Session *ss, long long d)
{
    long long c = d < -1000 ? -1000 : (d > 1000 ? 1000 : d); /* the same clamp either way */
    record(ss, SOP_MOOD, 0, (int)c, 0);
    label_mood(&ss->core.lab, c);
}

/* Every scored line goes through here: the label always, the ledger unless lean. */
static void add_entry(Session *ss, LedgerKind kind, const char *action, int crit, int points,
                      const char *feedback, const Rule *rule)
{
    int c = kind == LEDGER_CRITICAL ? -1 : crit;
    if (kind == LEDGER_CRITICAL || points != 0) {
        record(ss, SOP_POINTS, c, points, 0);
        label_points(ss->s, &ss->core.lab, c, points);
    }
    if (!ss->lean)
        ledger_add(&ss->ledger, kind, action, crit, points, feedback, rule, ss->core.lab.minutes);
}

static void apply_scores(Session *ss, const char *action, const ScoreSpec *sc, size_t n)
{
    for (size_t i = 0; i < n; i++)
        add_entry(ss, LEDGER_POINTS, action, sc[i].criterion, sc[i].points, sc[i].feedback,
                  sc[i].rule);
}

static void apply_critical(Session *ss, const char *action, const CriticalSpec *c)
{
    if (c->feedback)
        add_entry(ss, LEDGER_CRITICAL, action, -1, 0, c->feedback, c->rule);
}

/* A script error during an attempt stops it: the scenario's content is broken, so nothing
 * after this point would be a fair test of the trainee. The attempt ends with no ending and
 * the outcome "content_error"; the message stays in script_errors for the methodologist. */
static void note_script_error(Session *ss, const SimError *e)
{
    strset_push(&ss->script_errors, e->msg);
    if (ss->core.stopped)
        return;
    ss->core.stopped = 1;
    ss->core.finished = 1;
    ss->core.step = -1;
    ss->core.ending = -1;
    ss->pending_go = ss->pending_finish = -1;
}

/* ==== conditions ========================================================================== */

static int cond_holds(const Session *ss, const char *name)
{
    const Scenario *s = ss->s;
    if (strncmp(name, "service:", 8) == 0)
        return ss->core.service >= 0 && strcmp(s->services[ss->core.service].id, name + 8) == 0;
    if (strncmp(name, "took:", 5) == 0)
        return strset_has(&ss->took, name + 5);
    if (strncmp(name, "inspected:", 10) == 0) {
        int d = scenario_find_document(s, name + 10);
        return d >= 0 && ss->inspected[d];
    }
    if (strncmp(name, "flagged:", 8) == 0) {
        const char *arg = name + 8, *dot = strchr(arg, '.');
        if (!dot)
            return 0;
        char doc[128];
        snprintf(doc, sizeof doc, "%.*s", (int)(dot - arg), arg);
        int d = scenario_find_document(s, doc);
        int f = d >= 0 ? document_find_field(&s->documents[d], dot + 1) : -1;
        return f >= 0 && ss->flagged[d][f] >= 0;
    }
    return strset_has(&ss->flags, name);
}

static int action_offered(Session *ss, const Action *a)
{
    if (ss->core.stopped)
        return 0;
    /* A side action (no next, no end) is offered until taken once. */
    if (a->next < 0 && a->ending < 0 && strset_has(&ss->took, a->id))
        return 0;
    for (size_t k = 0; k < a->require_count; k++)
        if (cond_holds(ss, a->requires[k].name) == a->requires[k].negate)
            return 0;
    if (ss->script) {
        int offered = 1;
        SimError e;
        if (script_available(ss->script, a->id, &offered, &e) != SIM_OK) {
            note_script_error(ss, &e);
            return 0;
        }
        return offered;
    }
    return 1;
}

/* ==== script host ========================================================================= */

static void filter_note(SessionTookFilter *f, const char *id);
static int plain_flag(const char *name);
static void filter_flag_note(SessionTookFilter *f, const char *name);
static void filter_jumped(SessionTookFilter *f);

static int host_flag(void *ud, const char *name)
{
    Session *ss = ud;
    if (ss->filter && strncmp(name, "took:", 5) == 0)
        filter_note(ss->filter, name + 5);
    else if (ss->filter && plain_flag(name))
        filter_flag_note(ss->filter, name);
    return cond_holds(ud, name);
}
static int host_mood(void *ud)
{
    ((Session *)ud)->core.label_reads++;
    return ((Session *)ud)->core.lab.mood;
}
static double host_minutes(void *ud)
{
    ((Session *)ud)->core.label_reads++;
    return ((Session *)ud)->core.lab.minutes;
}
static const char *host_step(void *ud)
{
    Session *ss = ud;
    return ss->core.step >= 0 ? ss->s->steps[ss->core.step].id : "";
}
static const char *host_service(void *ud)
{
    Session *ss = ud;
    return ss->core.service >= 0 ? ss->s->services[ss->core.service].id : NULL;
}
static const char *host_field(void *ud, const char *doc, const char *field)
{
    Session *ss = ud;
    int d = scenario_find_document(ss->s, doc);
    int f = d >= 0 ? document_find_field(&ss->s->documents[d], field) : -1;
    return f >= 0 ? session_field(ss, d, f) : NULL;
}
static const char *host_applicant(void *ud, const char *key)
{
    Session *ss = ud;
    if (strcmp(key, "name") == 0)
        return ss->core.name;
    if (strcmp(key, "age") == 0) {
        snprintf(ss->host_buf, sizeof ss->host_buf, "%d", ss->core.age);
        return ss->host_buf;
    }
    if (strcmp(key, "sex") == 0)
        return ss->s->applicant.sex == 'm' ? "m" : "f";
    if (strcmp(key, "mood") == 0) {
        ss->core.label_reads++;
        snprintf(ss->host_buf, sizeof ss->host_buf, "%d", ss->core.lab.mood);
        return ss->host_buf;
    }
    return NULL;
}

/* Texts a script hands the engine are copied outside Lua's memory cap: each is capped, and
 * all of them together count against the attempt's budget (SESSION_SCRIPT_*). Returns a
 * message when the command must be refused, else NULL and the bytes are counted. */
static const char *script_copy_ok(Session *ss, const ScriptCmd *c)
{
    const char *parts[3] = {c->s1, c->s2, c->s3};
    size_t total = 0;
    for (int i = 0; i < 3; i++) {
        size_t n = parts[i] ? strlen(parts[i]) : 0;
        if (n && !sim_utf8_valid(parts[i], n))
            return tr(STR_SCRIPT_TEXT_NOT_UTF8);
        if (n > SESSION_SCRIPT_TEXT_MAX) {
            snprintf(ss->host_buf, sizeof ss->host_buf, tr(STR_SCRIPT_TEXT_TOO_LONG), n,
                     (size_t)SESSION_SCRIPT_TEXT_MAX);
            return ss->host_buf;
        }
        total += n;
    }
    if (ss->core.script_bytes + total > SESSION_SCRIPT_BYTES_MAX) {
        snprintf(ss->host_buf, sizeof ss->host_buf, tr(STR_SCRIPT_BYTES_BUDGET),
                 (size_t)SESSION_SCRIPT_BYTES_MAX >> 20);
        return ss->host_buf;
    }
    ss->core.script_bytes += total;
    return NULL;
}

static const char *host_cmd(void *ud, const ScriptCmd *c)
{
    Session *ss = ud;
    const Scenario *s = ss->s;
    const char *who = ss->current_action ? ss->current_action : "@script";
    const char *refused = script_copy_ok(ss, c);
    if (refused)
        return refused;
    switch (c->kind) {
    case SCMD_SET:
        if (!strset_has(&ss->flags, c->s1) && ss->flags.count >= SESSION_SCRIPT_FLAGS_MAX) {
            snprintf(ss->host_buf, sizeof ss->host_buf, tr(STR_SCRIPT_FLAGS_MAX),
                     SESSION_SCRIPT_FLAGS_MAX);
            return ss->host_buf;
        }
        strset_add(&ss->flags, c->s1);
        return NULL;
    case SCMD_CLEAR:
        strset_remove(&ss->flags, c->s1);
        return NULL;
    case SCMD_MOOD:
        add_mood(ss, c->n);
        return NULL;
    case SCMD_MINUTES:
        if (!(c->x >= 0 && c->x <= 240)) /* NaN fails both */
            return tr(STR_SCRIPT_ADD_MINUTES_RANGE);
        if (ss->core.lab.minutes + c->x > SESSION_MAX_MINUTES) {
            snprintf(ss->host_buf, sizeof ss->host_buf, tr(STR_SCRIPT_CLOCK_MAX),
                     SESSION_MAX_MINUTES);
            return ss->host_buf;
        }
        add_time(ss, c->x);
        return NULL;
    case SCMD_SCORE: {
        int crit = scenario_find_criterion(s, c->s1);
        if (crit < 0) {
            snprintf(ss->host_buf, sizeof ss->host_buf, tr(STR_SCRIPT_SCORE_NO_CRITERION), c->s1);
            return ss->host_buf;
        }
        const Rule *r = NULL;
        if (c->s3 && !(r = rules_find(s->rules, c->s3))) {
            snprintf(ss->host_buf, sizeof ss->host_buf, tr(STR_SCRIPT_SCORE_NO_RULE), c->s3);
            return ss->host_buf;
        }
        if (c->n < -100 || c->n > 100)
            return tr(STR_SCRIPT_SCORE_RANGE);
        if (c->n < 0 && !r)
            return tr(STR_SCRIPT_SCORE_NEEDS_RULE);
        if (++ss->core.script_entries > SESSION_SCRIPT_ENTRIES_MAX) {
            snprintf(ss->host_buf, sizeof ss->host_buf, tr(STR_SCRIPT_ENTRIES_MAX),
                     SESSION_SCRIPT_ENTRIES_MAX);
            return ss->host_buf;
        }
        add_entry(ss, LEDGER_POINTS, who, crit, (int)c->n, c->s2, r);
        return NULL;
    }
    case SCMD_CRITICAL: {
        const Rule *r = rules_find(s->rules, c->s3);
        if (!r) {
            snprintf(ss->host_buf, sizeof ss->host_buf, tr(STR_SCRIPT_CRITICAL_NO_RULE), c->s3);
            return ss->host_buf;
        }
        if (++ss->core.script_entries > SESSION_SCRIPT_ENTRIES_MAX) {
            snprintf(ss->host_buf, sizeof ss->host_buf, tr(STR_SCRIPT_ENTRIES_MAX),
                     SESSION_SCRIPT_ENTRIES_MAX);
            return ss->host_buf;
        }
        add_entry(ss, LEDGER_CRITICAL, who, -1, 0, c->s2, r);
        return NULL;
    }
    case SCMD_GO: {
        int st = scenario_find_step(s, c->s1);
        if (st < 0) {
            snprintf(ss->host_buf, sizeof ss->host_buf, tr(STR_SCRIPT_GO_NO_STEP), c->s1);
            return ss->host_buf;
        }
        ss->pending_go = st;
        if (ss->filter)
            filter_jumped(ss->filter);
        return NULL;
    }
    case SCMD_FINISH: {
        int e = scenario_find_ending(s, c->s1);
        if (e < 0) {
            snprintf(ss->host_buf, sizeof ss->host_buf, tr(STR_SCRIPT_FINISH_NO_ENDING), c->s1);
            return ss->host_buf;
        }
        ss->pending_finish = e;
        return NULL;
    }
    case SCMD_SET_FIELD: {
        int d = scenario_find_document(s, c->s1);
        int f = d >= 0 ? document_find_field(&s->documents[d], c->s2) : -1;
        if (f < 0) {
            snprintf(ss->host_buf, sizeof ss->host_buf, tr(STR_SCRIPT_SET_FIELD_NO_FIELD), c->s1,
                     c->s2);
            return ss->host_buf;
        }
        put_str(ss, &ss->fields[d][f], c->s3);
        ss->core.data_hash = sim_hash_fnv1a(ss->core.data_hash ^ (uint64_t)(d * 131 + f) << 20,
                                            c->s3, c->s3 ? strlen(c->s3) : 0);
        return NULL;
    }
    case SCMD_SET_APPLICANT:
        if (strcmp(c->s1, "name") == 0) {
            put_str(ss, &ss->core.name, c->s2);
            ss->core.data_hash =
                sim_hash_fnv1a(ss->core.data_hash ^ 0x6e616d65, c->s2, strlen(c->s2));
            return NULL;
        }
        if (strcmp(c->s1, "age") == 0) {
            int age = atoi(c->s2);
            if (age < 0 || age > 120)
                return tr(STR_SCRIPT_APPLICANT_AGE);
            ss->core.age = age;
            ss->core.data_hash =
                sim_hash_fnv1a(ss->core.data_hash ^ 0x616765, c->s2, strlen(c->s2));
            return NULL;
        }
        return tr(STR_SCRIPT_APPLICANT_KEYS);
    case SCMD_SAY:
        if (!ss->lean)
            set_str(&ss->line, c->s1);
        return NULL;
    }
    return tr(STR_SCRIPT_UNKNOWN_COMMAND);
}

/* ==== transitions ========================================================================= */

static void finish(Session *ss, int ending);
static void probe_offered(Session *ss);

static void enter_step(Session *ss, int step)
{
    if (ss->core.stopped)
        return;
    const Step *st = &ss->s->steps[step];
    ss->core.step = step;
    for (size_t i = 0; i < st->give_count; i++)
        ss->on_desk[st->gives[i]] = 1;
    if (!ss->lean)
        set_str(&ss->line, st->say);
    if (ss->script) {
        char *line = NULL;
        SimError e;
        if (script_on_enter(ss->script, st->id, &line, &e) != SIM_OK)
            note_script_error(ss, &e);
        if (line) {
            free(ss->line);
            ss->line = ss->lean ? (free(line), NULL) : line;
        }
    }
}

/* Applies a pending finish() or go() from a hook; returns 1 when it moved. */
static int apply_pending(Session *ss)
{
    if (ss->core.stopped)
        return 1; /* nothing moves after a content error */
    if (ss->pending_finish >= 0) {
        int e = ss->pending_finish;
        ss->pending_finish = ss->pending_go = -1;
        finish(ss, e);
        return 1;
    }
    if (ss->pending_go >= 0) {
        int st = ss->pending_go;
        ss->pending_go = -1;
        enter_step(ss, st);
        return 1;
    }
    return 0;
}

static void finalize_scores(Session *ss)
{
    const Scenario *s = ss->s;
    char buf[1024];
    int accepted = ss->core.ending >= 0 && s->endings[ss->core.ending].outcome == OUT_ACCEPTED;
    for (size_t d = 0; d < s->document_count; d++)
        for (size_t p = 0; p < s->documents[d].problem_count; p++) {
            if (ss->problem_found[d][p])
                continue;
            const DocProblem *dp = &s->documents[d].problems[p];
            const Rule *rule =
                dp->missed.rule ? dp->missed.rule : (dp->score_count ? dp->score[0].rule : NULL);
            char id[300];
            snprintf(id, sizeof id, "missed:%s.%s", s->documents[d].id,
                     dp->field >= 0 ? s->documents[d].fields[dp->field].key : "?");
            char *where = ss->lean ? NULL : session_problem_where(s, (int)d, (int)p);
            if (dp->missed.feedback)
                snprintf(buf, sizeof buf, tr(STR_MISSED_PROBLEM_FB), where ? where : "",
                         dp->missed.feedback);
            else
                snprintf(buf, sizeof buf, tr(STR_MISSED_PROBLEM), where ? where : "");
            add_entry(ss, LEDGER_MISSED, id, dp->missed.criterion, 0, buf, rule);
            /* A problem the whole reception turns on: accepting past it is not a lesser
             * score but a failed attempt (issue #11). */
            if (dp->must_find && accepted) {
                snprintf(buf, sizeof buf, tr(STR_MUST_FIND), where ? where : "");
                add_entry(ss, LEDGER_CRITICAL, id, -1, 0, buf, rule);
            }
            free(where);
        }
    int walked_out = ss->core.ending >= 0 && s->endings[ss->core.ending].outcome == OUT_LEFT;
    /* The label gets the time points in one step, recorded as one operation, because they
     * depend on the clock of whoever replays it. */
    record(ss, SOP_TIME_SCORE, 0, walked_out, 0);
    int tp = label_time_points(s, &ss->core.lab, walked_out);
    if (s->time_criterion >= 0)
        label_points(s, &ss->core.lab, s->time_criterion, tp);
    if (ss->lean)
        return;
    if (s->time_criterion >= 0 && s->time_points > 0 && walked_out) {
        /* The applicant left: a short visit is not a fast one. */
        ledger_add(&ss->ledger, LEDGER_TIME, "@time", s->time_criterion, 0, tr(STR_TIME_WALKOUT),
                   NULL, ss->core.lab.minutes);
    } else if (s->time_criterion >= 0 && s->time_points > 0) {
        char spent[16], norm[16];
        sim_format_clock(ss->core.lab.minutes, spent, sizeof spent);
        sim_format_clock(s->time_norm, norm, sizeof norm);
        snprintf(buf, sizeof buf, tr(STR_TIME_WITHIN), spent, norm);
        if (ss->core.lab.minutes <= s->time_norm) {
            ledger_add(&ss->ledger, LEDGER_TIME, "@time", s->time_criterion, s->time_points, buf,
                       NULL, ss->core.lab.minutes);
        } else {
            /* The label's points (tp) as two lines the debrief can explain: the norm's, then
             * what the overrun took off. */
            ledger_add(&ss->ledger, LEDGER_TIME, "@time", s->time_criterion, s->time_points, "",
                       NULL, ss->core.lab.minutes);
            snprintf(buf, sizeof buf, tr(STR_TIME_OVER), spent, norm,
                     label_minutes_over(s, &ss->core.lab));
            ledger_add(&ss->ledger, LEDGER_TIME, "@time", s->time_criterion, tp - s->time_points,
                       buf, NULL, ss->core.lab.minutes);
        }
    }
}

static void finish(Session *ss, int ending)
{
    if (ss->core.finished)
        return;
    if (ss->script) {
        char *other = NULL;
        SimError e;
        if (script_ending(ss->script, ss->s->endings[ending].id, &other, &e) != SIM_OK) {
            note_script_error(ss, &e);
            free(other);
            return;
        }
        if (other) {
            int alt = scenario_find_ending(ss->s, other);
            if (alt >= 0) {
                ending = alt;
            } else {
                snprintf(e.msg, sizeof e.msg, tr(STR_SCRIPT_ENDING_UNKNOWN), ss->s->script_name,
                         other);
                note_script_error(ss, &e);
            }
            free(other);
            if (ss->core.stopped)
                return;
        }
    }
    const Ending *en = &ss->s->endings[ending];
    char who[80];
    snprintf(who, sizeof who, "@end:%s", en->id);
    apply_scores(ss, who, en->score, en->score_count);
    apply_critical(ss, who, &en->critical);
    ss->core.ending = ending;
    ss->core.finished = 1;
    ss->core.step = -1;
    finalize_scores(ss);
}

static void check_walkout(Session *ss)
{
    if (!ss->core.finished && ss->core.lab.mood <= 0 && ss->s->walkout >= 0) {
        ss->core.walkouts++;
        record(ss, SOP_WALKOUT, 0, 0, 0);
        finish(ss, ss->s->walkout);
    }
}

/* ==== create / destroy ==================================================================== */

static SimStatus create(const Scenario *s, const SessionOptions *opt, int lean, Session **out,
                        SimError *err)
{
    *out = NULL;
    Session *ss = calloc(1, sizeof *ss);
    if (!ss)
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    ss->s = s;
    if (opt)
        ss->opt = *opt;
    ss->lean = lean;
    if (ss->lean)
        ss->opt.limits.snapshots = 1;
    ss->core.step = -1;
    ss->core.ending = -1;
    ss->core.service = -1;
    ss->pending_go = ss->pending_finish = -1;
    ss->core.lab.mood = s->applicant.mood;
    ss->core.age = s->applicant.age;
    if (ss->lean)
        ss->flags.pool = ss->took.pool = &ss->intern;
    put_str(ss, &ss->core.name, s->applicant.name);
    ledger_init(&ss->ledger);
    size_t nd = s->document_count ? s->document_count : 1;
    ss->on_desk = calloc(nd, 1);
    ss->inspected = calloc(nd, 1);
    ss->flagged = calloc(nd, sizeof *ss->flagged);
    ss->fields = calloc(nd, sizeof *ss->fields);
    ss->problem_found = calloc(nd, sizeof *ss->problem_found);
    if (!ss->core.name || !ss->on_desk || !ss->inspected || !ss->flagged || !ss->fields ||
        !ss->problem_found) {
        session_destroy(ss);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    }
    for (size_t d = 0; d < s->document_count; d++) {
        const Document *doc = &s->documents[d];
        size_t nf = doc->field_count ? doc->field_count : 1;
        ss->flagged[d] = malloc(nf * sizeof **ss->flagged);
        ss->fields[d] = calloc(nf, sizeof **ss->fields);
        ss->problem_found[d] = calloc(doc->problem_count ? doc->problem_count : 1, 1);
        if (!ss->flagged[d] || !ss->fields[d] || !ss->problem_found[d]) {
            session_destroy(ss);
            return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
        }
        for (size_t f = 0; f < nf; f++)
            ss->flagged[d][f] = -1;
    }
    if (s->script) {
        ScriptHost h = {ss,           host_flag,  host_mood,      host_minutes, host_step,
                        host_service, host_field, host_applicant, host_cmd};
        SimStatus st = ss->opt.program
                           ? script_create_from(ss->opt.program, ss->opt.seed, &h, &ss->opt.limits,
                                                &ss->script, err)
                           : script_create(s, ss->opt.seed, &h, &ss->opt.limits, &ss->script, err);
        if (st != SIM_OK) {
            session_destroy(ss);
            return SIM_ERR_SCRIPT;
        }
        ss->current_action = "@setup";
        SimError e;
        if (script_setup(ss->script, &e) != SIM_OK)
            note_script_error(ss, &e);
        ss->current_action = NULL;
    }
    int start = ss->pending_go >= 0 ? ss->pending_go : s->start;
    ss->pending_go = -1;
    ss->pending_finish = -1; /* finishing from setup() makes no sense; ignored */
    enter_step(ss, start);
    apply_pending(ss); /* on_enter of the first step may redirect */
    probe_offered(ss);
    *out = ss;
    return SIM_OK;
}

SimStatus session_create(const Scenario *s, const SessionOptions *opt, Session **out, SimError *err)
{
    return create(s, opt, 0, out, err);
}

SimStatus session_create_lean(const Scenario *s, const SessionOptions *opt, Session **out,
                              SimError *err)
{
    return create(s, opt, 1, out, err);
}

void session_destroy(Session *ss)
{
    if (!ss)
        return;
    script_destroy(ss->script);
    const Scenario *s = ss->s;
    for (size_t d = 0; d < s->document_count; d++) {
        if (ss->fields && ss->fields[d] && !ss->lean)
            for (size_t f = 0; f < s->documents[d].field_count; f++)
                free(ss->fields[d][f]);
        if (ss->fields)
            free(ss->fields[d]);
        if (ss->flagged)
            free(ss->flagged[d]);
        if (ss->problem_found)
            free(ss->problem_found[d]);
    }
    free(ss->fields);
    free(ss->flagged);
    free(ss->problem_found);
    free(ss->on_desk);
    free(ss->inspected);
    free(ss->line);
    free(ss->reply);
    if (!ss->lean)
        free(ss->core.name);
    strset_free(&ss->flags);
    strset_free(&ss->took);
    strset_free(&ss->actions);
    strset_free(&ss->script_errors);
    ledger_free(&ss->ledger);
    intern_free(&ss->intern);
    free(ss);
}

/* ==== actions ============================================================================= */

/* Lists the ids offered at the current step into b, comma-separated. */
static void list_offered(Session *ss, SimBuf *b)
{
    if (ss->core.step < 0)
        return;
    const Step *st = &ss->s->steps[ss->core.step];
    int n = 0;
    for (size_t j = 0; j < st->action_count; j++)
        if (action_offered(ss, &st->actions[j]))
            simbuf_printf(b, "%s%s", n++ ? ", " : "", st->actions[j].id);
}

static void run_on_action(Session *ss, const char *id)
{
    if (!ss->script)
        return;
    ss->current_action = id;
    SimError e;
    if (script_on_action(ss->script, id, &e) != SIM_OK)
        note_script_error(ss, &e);
    ss->current_action = NULL;
}

static SimStatus act_step(Session *ss, const char *id, SimError *err)
{
    const Scenario *s = ss->s;
    const Step *st = &s->steps[ss->core.step];
    const Action *a = NULL;
    for (size_t j = 0; j < st->action_count; j++)
        if (strcmp(st->actions[j].id, id) == 0)
            a = &st->actions[j];
    if (!a || !action_offered(ss, a)) {
        SimBuf b, hint;
        simbuf_init(&b);
        simbuf_init(&hint);
        list_offered(ss, &b);
        simbuf_printf(&hint, tr(STR_ENGINE_DID_YOU_MEAN), simbuf_str(&b));
        if (a || scenario_find_action(s, id, NULL) >= 0)
            sim_error_set(err, SIM_ERR_INVALID, tr(STR_ENGINE_NOT_OFFERED), id, st->id,
                          simbuf_str(&hint));
        else
            sim_error_set(err, SIM_ERR_INVALID, tr(STR_ENGINE_UNKNOWN_ACTION), id,
                          simbuf_str(&hint));
        simbuf_free(&b);
        simbuf_free(&hint);
        return SIM_ERR_INVALID;
    }
    int first = !strset_has(&ss->took, a->id);
    ss->core.nacts++;
    if (!ss->lean)
        strset_push(&ss->actions, a->id);
    strset_add(&ss->took, a->id);
    if (!ss->lean)
        set_str(&ss->reply, a->reply);
    add_time(ss, a->minutes);
    add_mood(ss, a->mood);
    for (size_t k = 0; k < a->set_count; k++)
        strset_add(&ss->flags, a->set[k]);
    for (size_t k = 0; k < a->clear_count; k++)
        strset_remove(&ss->flags, a->clear[k]);
    if (first) {
        apply_scores(ss, a->id, a->score, a->score_count);
        apply_critical(ss, a->id, &a->critical);
    }
    run_on_action(ss, a->id);
    if (!apply_pending(ss)) {
        if (a->ending >= 0)
            finish(ss, a->ending);
        else if (a->next >= 0)
            enter_step(ss, a->next);
    }
    apply_pending(ss); /* on_enter of the new step may redirect once more */
    check_walkout(ss);
    return SIM_OK;
}

static SimStatus find_doc_on_desk(Session *ss, const char *id, size_t n, int *out, SimError *err)
{
    char doc[128];
    snprintf(doc, sizeof doc, "%.*s", (int)(n < 127 ? n : 127), id);
    int d = scenario_find_document(ss->s, doc);
    if (d < 0)
        return sim_error_set(err, SIM_ERR_INVALID, tr(STR_ENGINE_UNKNOWN_DOC), doc);
    if (!ss->on_desk[d])
        return sim_error_set(err, SIM_ERR_INVALID, tr(STR_ENGINE_NO_DOCS), doc);
    *out = d;
    return SIM_OK;
}

static void generic_done(Session *ss, const char *id, double minutes)
{
    ss->core.nacts++;
    if (!ss->lean)
        strset_push(&ss->actions, id);
    strset_add(&ss->took, id);
    if (!ss->lean)
        set_str(&ss->reply, NULL);
    add_time(ss, minutes);
    run_on_action(ss, id);
    apply_pending(ss);
    apply_pending(ss);
    check_walkout(ss);
}

static SimStatus act_inspect(Session *ss, const char *id, SimError *err)
{
    const char *arg = id + 8;
    int d;
    if (find_doc_on_desk(ss, arg, strlen(arg), &d, err) != SIM_OK)
        return SIM_ERR_INVALID;
    ss->inspected[d] = 1;
    generic_done(ss, id, 0.5);
    return SIM_OK;
}

static SimStatus act_flag(Session *ss, const char *id, SimError *err)
{
    const Scenario *s = ss->s;
    const char *arg = id + 5;
    const char *dot = strchr(arg, '.');
    const char *colon = dot ? strchr(dot, ':') : NULL;
    if (!dot || !colon)
        return sim_error_set(err, SIM_ERR_INVALID, tr(STR_ERR_FLAG_SHAPE), id);
    int d;
    if (find_doc_on_desk(ss, arg, (size_t)(dot - arg), &d, err) != SIM_OK)
        return SIM_ERR_INVALID;
    const Document *doc = &s->documents[d];
    char field[128];
    snprintf(field, sizeof field, "%.*s", (int)(colon - dot - 1), dot + 1);
    int f = document_find_field(doc, field);
    if (f < 0)
        return sim_error_set(err, SIM_ERR_INVALID, tr(STR_ENGINE_UNKNOWN_FIELD), doc->id, field);
    int reason = reason_parse(colon + 1);
    if (reason < 0) {
        SimBuf b;
        simbuf_init(&b);
        for (int r = 0; r < REASON_COUNT; r++)
            simbuf_printf(&b, "%s%s", r ? ", " : "", reason_id((FlagReason)r));
        sim_error_set(err, SIM_ERR_INVALID, tr(STR_ENGINE_UNKNOWN_REASON), colon + 1,
                      simbuf_str(&b));
        simbuf_free(&b);
        return SIM_ERR_INVALID;
    }
    if (ss->flagged[d][f] == reason)
        return sim_error_set(err, SIM_ERR_INVALID, tr(STR_ENGINE_ALREADY_FLAGGED), doc->id, field);
    int trap_seen = ss->flagged[d][f] >= 0;
    ss->flagged[d][f] = reason;
    ss->inspected[d] = 1;
    char fb[1024];
    const DocProblem *prob = NULL;
    size_t pi = 0;
    for (size_t k = 0; k < doc->problem_count; k++)
        if (doc->problems[k].field == f) {
            prob = &doc->problems[k];
            pi = k;
        }
    const DocTrap *trap = NULL;
    for (size_t k = 0; k < doc->trap_count; k++)
        if (doc->traps[k].field == f)
            trap = &doc->traps[k];
    if (prob && (prob->reasons & (1u << reason))) {
        if (!ss->problem_found[d][pi]) {
            ss->problem_found[d][pi] = 1;
            apply_scores(ss, id, prob->score, prob->score_count);
        }
    } else if (prob) {
        snprintf(fb, sizeof fb, tr(STR_WRONG_REASON), doc->fields[f].label, doc->title,
                 prob->title);
        add_entry(ss, LEDGER_POINTS, id, s->false_flag.criterion, s->false_flag.points, fb, NULL);
    } else if (trap) {
        /* A trap explains itself once, however many reasons the field is flagged with. */
        if (!trap_seen)
            apply_scores(ss, id, trap->score, trap->score_count);
    } else if (s->false_flag.criterion >= 0) {
        snprintf(fb, sizeof fb, tr(STR_FALSE_FLAG), doc->fields[f].label, doc->title);
        add_entry(ss, LEDGER_POINTS, id, s->false_flag.criterion, s->false_flag.points, fb, NULL);
    }
    generic_done(ss, id, 0.5);
    return SIM_OK;
}

static SimStatus act_service(Session *ss, const char *id, SimError *err)
{
    int sv = scenario_find_service(ss->s, id + 8);
    if (sv < 0)
        return sim_error_set(err, SIM_ERR_INVALID, tr(STR_ENGINE_UNKNOWN_SERVICE), id + 8);
    int first = !strset_has(&ss->took, id);
    ss->core.service = sv;
    if (first) {
        apply_scores(ss, id, ss->s->services[sv].score, ss->s->services[sv].score_count);
        apply_critical(ss, id, &ss->s->services[sv].critical);
    }
    generic_done(ss, id, 1);
    return SIM_OK;
}

/* Asks available() about every action of the current step once, so a script error there
 * stops the attempt inside session_act (or session_create) rather than later, in whatever
 * front end happens to list the actions. The hook only reads state. */
static void probe_offered(Session *ss)
{
    if (ss->core.finished || ss->core.step < 0 || !ss->script)
        return;
    const Step *st = &ss->s->steps[ss->core.step];
    for (size_t j = 0; j < st->action_count && !ss->core.stopped; j++)
        action_offered(ss, &st->actions[j]);
}

static SimStatus act(Session *ss, const char *action_id, SimError *err)
{
    if (strncmp(action_id, "inspect:", 8) == 0)
        return act_inspect(ss, action_id, err);
    if (strncmp(action_id, "flag:", 5) == 0)
        return act_flag(ss, action_id, err);
    if (strncmp(action_id, "service:", 8) == 0)
        return act_service(ss, action_id, err);
    return act_step(ss, action_id, err);
}

SimStatus session_act(Session *ss, const char *action_id, SimError *err)
{
    if (ss->core.stopped)
        return sim_error_set(err, SIM_ERR_STATE, "%s", tr(STR_ENGINE_CONTENT_STOPPED));
    if (ss->core.finished)
        return sim_error_set(err, SIM_ERR_STATE, "%s", tr(STR_ENGINE_FINISHED));
    if (ss->core.nacts >= SESSION_MAX_ACTIONS)
        return sim_error_set(err, SIM_ERR_STATE, tr(STR_ENGINE_TOO_MANY), SESSION_MAX_ACTIONS);
    SimStatus st = act(ss, action_id, err);
    if (st == SIM_OK && !ss->lean)
        probe_offered(ss);
    return st;
}

void session_abandon(Session *ss)
{
    if (ss->core.finished)
        return;
    ss->core.finished = 1;
    ss->core.step = -1;
    ss->core.ending = -1;
}

/* ==== getters ============================================================================= */

const Scenario *session_scenario(const Session *ss)
{
    return ss->s;
}
int session_finished(const Session *ss)
{
    return ss->core.finished;
}
int session_step_index(const Session *ss)
{
    return ss->core.step;
}
const char *session_line(const Session *ss)
{
    return ss->line ? ss->line : "";
}
const char *session_last_reply(const Session *ss)
{
    return ss->reply;
}

/* The order a step's answers are shown in: a shuffle of the whole step drawn from the seed
 * and the step, so it is the same at every visit and in every replay of the seed, and another
 * seed gives another order; pinned answers keep the top or the bottom. It depends on nothing
 * the attempt does, so it changes no action id, score or replay. */
static void menu_order(const Session *ss, int step, int *order)
{
    const Step *st = &ss->s->steps[step];
    size_t n = st->action_count;
    SimRng rng;
    simrng_seed(&rng, ss->opt.seed ^ (0x9e3779b97f4a7c15ull * (uint64_t)(step + 1)));
    for (size_t i = 0; i < n; i++)
        order[i] = (int)i;
    for (size_t i = n; i > 1; i--) {
        size_t j = (size_t)simrng_below(&rng, i);
        int t = order[i - 1];
        order[i - 1] = order[j];
        order[j] = t;
    }
    /* Stable partition: pinned-first (file order), the shuffled rest, pinned-last. */
    int *tmp = order + n; /* the caller gives room for 2n */
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (st->actions[i].pin == PIN_FIRST)
            tmp[k++] = (int)i;
    for (size_t i = 0; i < n; i++)
        if (st->actions[order[i]].pin == PIN_NONE)
            tmp[k++] = order[i];
    for (size_t i = 0; i < n; i++)
        if (st->actions[i].pin == PIN_LAST)
            tmp[k++] = (int)i;
    memcpy(order, tmp, n * sizeof *order);
}

size_t session_menu(const Session *ss, int *out, size_t max)
{
    if (ss->core.step < 0)
        return 0;
    const Step *st = &ss->s->steps[ss->core.step];
    int stackbuf[128], *order = stackbuf;
    if (2 * st->action_count > sizeof stackbuf / sizeof stackbuf[0]) {
        order = malloc(2 * st->action_count * sizeof *order);
        if (!order)
            return session_offered(ss, out, max);
    }
    menu_order(ss, ss->core.step, order);
    Session *mut = (Session *)ss;
    size_t n = 0;
    for (size_t j = 0; j < st->action_count && n < max; j++)
        if (action_offered(mut, &st->actions[order[j]]))
            out[n++] = order[j];
    if (order != stackbuf)
        free(order);
    return n;
}

int session_problem_found(const Session *ss, int doc, int problem)
{
    return doc >= 0 && (size_t)doc < ss->s->document_count && problem >= 0 &&
           (size_t)problem < ss->s->documents[doc].problem_count && ss->problem_found[doc][problem];
}

char *session_problem_where(const Scenario *s, int doc, int problem)
{
    const Document *d = &s->documents[doc];
    const DocProblem *dp = &d->problems[problem];
    const char *label = dp->field >= 0 ? d->fields[dp->field].label : "?";
    size_t n = strlen(d->title) + strlen(label) + strlen(dp->title) + 32;
    char *out = malloc(n);
    if (out)
        snprintf(out, n, tr(STR_PROBLEM_WHERE), d->title, label, dp->title);
    return out;
}

size_t session_offered(const Session *ss, int *out, size_t max)
{
    if (ss->core.step < 0)
        return 0;
    /* Offering may call the script's available() hook, which only reads state. */
    Session *mut = (Session *)ss;
    const Step *st = &ss->s->steps[ss->core.step];
    size_t n = 0;
    for (size_t j = 0; j < st->action_count && n < max; j++)
        if (action_offered(mut, &st->actions[j]))
            out[n++] = (int)j;
    return n;
}

int session_doc_on_desk(const Session *ss, int doc)
{
    return doc >= 0 && (size_t)doc < ss->s->document_count && ss->on_desk[doc];
}
int session_doc_inspected(const Session *ss, int doc)
{
    return doc >= 0 && (size_t)doc < ss->s->document_count && ss->inspected[doc];
}
const char *session_field(const Session *ss, int doc, int field)
{
    const char *v = ss->fields[doc][field];
    return v ? v : ss->s->documents[doc].fields[field].value;
}
int session_flag_reason(const Session *ss, int doc, int field)
{
    return ss->flagged[doc][field];
}
int session_service(const Session *ss)
{
    return ss->core.service;
}
const char *session_applicant_name(const Session *ss)
{
    return ss->core.name;
}
int session_applicant_age(const Session *ss)
{
    return ss->core.age;
}
int session_mood(const Session *ss)
{
    return ss->core.lab.mood;
}
double session_minutes(const Session *ss)
{
    return ss->core.lab.minutes;
}
uint64_t session_seed(const Session *ss)
{
    return ss->opt.seed;
}
SessionMode session_mode(const Session *ss)
{
    return ss->opt.mode;
}
const ScoreLedger *session_ledger(const Session *ss)
{
    return &ss->ledger;
}
size_t session_action_count(const Session *ss)
{
    return ss->actions.count;
}
const char *session_action_id(const Session *ss, size_t i)
{
    return i < ss->actions.count ? ss->actions.items[i] : NULL;
}
const Ending *session_ending(const Session *ss)
{
    return ss->core.ending >= 0 ? &ss->s->endings[ss->core.ending] : NULL;
}
void session_report(const Session *ss, ScoreReport *out)
{
    if (ss->lean) /* no ledger: the label's sums give the same totals */
        score_compute_sums(ss->s, ss->core.lab.sums, (size_t)ss->core.lab.critical, out);
    else
        score_compute(ss->s, &ss->ledger, out);
}
size_t session_script_error_count(const Session *ss)
{
    return ss->script_errors.count;
}
const char *session_script_error(const Session *ss, size_t i)
{
    return i < ss->script_errors.count ? ss->script_errors.items[i] : NULL;
}
const char *session_content_error(const Session *ss)
{
    return ss->core.stopped && ss->script_errors.count ? ss->script_errors.items[0] : NULL;
}
const char *session_outcome_id(const Session *ss)
{
    if (ss->core.stopped)
        return "content_error";
    const Ending *en = session_ending(ss);
    return en ? outcome_id(en->outcome) : "unfinished";
}
const char *session_script_log(const Session *ss)
{
    return script_log(ss->script);
}

/* ==== JSON ================================================================================ */

/* The action in words, as "text" after "action" (only in the result's mistakes and critical
 * errors: what a manager reads; the ledger and the per-action rows keep the ids). */
static void write_text(SimJsonW *w, const Scenario *s, const char *action)
{
    char *text = session_mistake_text(s, action);
    simjsonw_key(w, "text");
    simjsonw_string(w, text ? text : action);
    free(text);
}

static void write_entry(SimJsonW *w, const Scenario *s, const LedgerEntry *e, int with_text)
{
    static const char *const kinds[] = {"points", "critical", "missed", "time"};
    simjsonw_object(w);
    simjsonw_key(w, "action");
    simjsonw_string(w, e->action);
    if (with_text)
        write_text(w, s, e->action);
    simjsonw_key(w, "kind");
    simjsonw_string(w, kinds[e->kind]);
    simjsonw_key(w, "criterion");
    simjsonw_string(w, e->criterion >= 0 ? s->criteria[e->criterion].id : NULL);
    simjsonw_key(w, "points");
    simjsonw_int(w, e->points);
    simjsonw_key(w, "feedback");
    simjsonw_string(w, e->feedback);
    simjsonw_key(w, "rule");
    simjsonw_string(w, rule_short(e->rule));
    simjsonw_key(w, "rule_id");
    simjsonw_string(w, e->rule ? e->rule->id : NULL);
    simjsonw_key(w, "minutes");
    simjsonw_number(w, e->minutes);
    simjsonw_object_end(w);
}

char *session_result_json(const Session *ss, int pretty)
{
    const Scenario *s = ss->s;
    ScoreReport r;
    session_report(ss, &r);
    SimBuf b;
    simbuf_init(&b);
    SimJsonW w;
    simjsonw_init(&w, &b, pretty);
    simjsonw_object(&w);
    simjsonw_key(&w, "scenario");
    simjsonw_string(&w, s->id);
    simjsonw_key(&w, "version");
    simjsonw_string(&w, s->version);
    simjsonw_key(&w, "hash");
    simjsonw_string(&w, s->hash_hex);
    simjsonw_key(&w, "seed");
    simjsonw_uint(&w, ss->opt.seed);
    simjsonw_key(&w, "mode");
    simjsonw_string(&w, ss->opt.mode == MODE_EXAM ? "exam" : "training");
    simjsonw_key(&w, "actions");
    simjsonw_array(&w);
    for (size_t i = 0; i < ss->actions.count; i++)
        simjsonw_string(&w, ss->actions.items[i]);
    simjsonw_array_end(&w);
    const Ending *en = session_ending(ss);
    simjsonw_key(&w, "finished");
    simjsonw_bool(&w, ss->core.finished && (en || ss->core.stopped));
    simjsonw_key(&w, "outcome");
    simjsonw_string(&w, session_outcome_id(ss));
    if (ss->core.stopped) {
        /* The full report for the methodologist: script.lua:LINE and the traceback. */
        simjsonw_key(&w, "content_error");
        simjsonw_string(&w, session_content_error(ss));
    }
    simjsonw_key(&w, "ending");
    simjsonw_string(&w, en ? en->id : NULL);
    simjsonw_key(&w, "ending_title");
    simjsonw_string(&w, en ? en->title : NULL);
    simjsonw_key(&w, "passed");
    simjsonw_bool(&w, en && r.passed);
    simjsonw_key(&w, "total");
    if (ss->core.stopped)
        simjsonw_null(&w); /* not scored */
    else
        simjsonw_int(&w, r.total);
    simjsonw_key(&w, "pass_mark");
    simjsonw_int(&w, s->pass_mark);
    simjsonw_key(&w, "minutes");
    simjsonw_number(&w, ss->core.lab.minutes);
    simjsonw_key(&w, "time_norm");
    simjsonw_number(&w, s->time_norm);
    simjsonw_key(&w, "mood");
    simjsonw_int(&w, ss->core.lab.mood);
    simjsonw_key(&w, "criteria");
    simjsonw_object(&w);
    for (size_t c = 0; c < s->criterion_count; c++) {
        simjsonw_key(&w, s->criteria[c].id);
        simjsonw_object(&w);
        simjsonw_key(&w, "title");
        simjsonw_string(&w, s->criteria[c].title);
        simjsonw_key(&w, "weight");
        simjsonw_int(&w, s->criteria[c].weight);
        simjsonw_key(&w, "score");
        simjsonw_int(&w, r.crit[c].score);
        simjsonw_key(&w, "max");
        simjsonw_int(&w, r.crit[c].max);
        simjsonw_key(&w, "floor");
        simjsonw_int(&w, s->floors[c]);
        simjsonw_key(&w, "floor_met");
        simjsonw_bool(&w, !(r.floors_missed & (1u << c)));
        simjsonw_object_end(&w);
    }
    simjsonw_object_end(&w);
    simjsonw_key(&w, "floors_missed");
    simjsonw_array(&w);
    for (size_t c = 0; c < s->criterion_count; c++)
        if (r.floors_missed & (1u << c))
            simjsonw_string(&w, s->criteria[c].id);
    simjsonw_array_end(&w);
    simjsonw_key(&w, "flagged_right");
    simjsonw_array(&w);
    for (size_t d = 0; d < s->document_count; d++)
        for (size_t p = 0; p < s->documents[d].problem_count; p++)
            if (ss->problem_found[d][p]) {
                const DocProblem *dp = &s->documents[d].problems[p];
                char id[300];
                snprintf(id, sizeof id, "%s.%s", s->documents[d].id,
                         dp->field >= 0 ? s->documents[d].fields[dp->field].key : "?");
                simjsonw_string(&w, id);
            }
    simjsonw_array_end(&w);
    simjsonw_key(&w, "critical_errors");
    simjsonw_array(&w);
    for (size_t i = 0; i < ss->ledger.count; i++) {
        const LedgerEntry *e = &ss->ledger.entries[i];
        if (e->kind != LEDGER_CRITICAL)
            continue;
        simjsonw_object(&w);
        simjsonw_key(&w, "action");
        simjsonw_string(&w, e->action);
        write_text(&w, s, e->action);
        simjsonw_key(&w, "feedback");
        simjsonw_string(&w, e->feedback);
        simjsonw_key(&w, "rule");
        simjsonw_string(&w, rule_short(e->rule));
        simjsonw_key(&w, "rule_id");
        simjsonw_string(&w, e->rule ? e->rule->id : NULL);
        simjsonw_object_end(&w);
    }
    simjsonw_array_end(&w);
    simjsonw_key(&w, "mistakes");
    simjsonw_array(&w);
    for (size_t i = 0; i < ss->ledger.count; i++)
        if (ledger_is_mistake(&ss->ledger.entries[i]))
            write_entry(&w, s, &ss->ledger.entries[i], 1);
    simjsonw_array_end(&w);
    simjsonw_key(&w, "ledger");
    simjsonw_array(&w);
    for (size_t i = 0; i < ss->ledger.count; i++)
        write_entry(&w, s, &ss->ledger.entries[i], 0);
    simjsonw_array_end(&w);
    simjsonw_key(&w, "right_way");
    simjsonw_string(&w, s->right_way);
    simjsonw_key(&w, "debrief");
    simjsonw_string(&w, en ? en->debrief : NULL);
    simjsonw_key(&w, "script_errors");
    simjsonw_array(&w);
    for (size_t i = 0; i < ss->script_errors.count; i++)
        simjsonw_string(&w, ss->script_errors.items[i]);
    simjsonw_array_end(&w);
    simjsonw_key(&w, "script_log");
    simjsonw_string(&w, script_log(ss->script));
    simjsonw_object_end(&w);
    if (pretty)
        simbuf_puts(&b, "\n");
    return simbuf_take(&b);
}

char *session_ledger_json(const Session *ss, size_t from)
{
    SimBuf b;
    simbuf_init(&b);
    SimJsonW w;
    simjsonw_init(&w, &b, 0);
    simjsonw_array(&w);
    for (size_t i = from; i < ss->ledger.count; i++)
        write_entry(&w, ss->s, &ss->ledger.entries[i], 0);
    simjsonw_array_end(&w);
    return simbuf_take(&b);
}

char *session_save_json(const Session *ss)
{
    const Scenario *s = ss->s;
    SimBuf b;
    simbuf_init(&b);
    SimJsonW w;
    simjsonw_init(&w, &b, 1);
    simjsonw_object(&w);
    simjsonw_key(&w, "format");
    simjsonw_int(&w, 1);
    simjsonw_key(&w, "scenario");
    simjsonw_string(&w, s->id);
    simjsonw_key(&w, "version");
    simjsonw_string(&w, s->version);
    simjsonw_key(&w, "hash");
    simjsonw_string(&w, s->hash_hex);
    char seed[32];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)ss->opt.seed);
    simjsonw_key(&w, "seed");
    simjsonw_string(&w, seed);
    simjsonw_key(&w, "mode");
    simjsonw_string(&w, ss->opt.mode == MODE_EXAM ? "exam" : "training");
    simjsonw_key(&w, "actions");
    simjsonw_array(&w);
    for (size_t i = 0; i < ss->actions.count; i++)
        simjsonw_string(&w, ss->actions.items[i]);
    simjsonw_array_end(&w);
    simjsonw_key(&w, "step");
    simjsonw_string(&w, ss->core.step >= 0 ? s->steps[ss->core.step].id : NULL);
    simjsonw_key(&w, "finished");
    simjsonw_bool(&w, ss->core.finished);
    simjsonw_key(&w, "minutes");
    simjsonw_number(&w, ss->core.lab.minutes);
    simjsonw_key(&w, "mood");
    simjsonw_int(&w, ss->core.lab.mood);
    simjsonw_key(&w, "flags");
    simjsonw_array(&w);
    for (size_t i = 0; i < ss->flags.count; i++)
        simjsonw_string(&w, ss->flags.items[i]);
    simjsonw_array_end(&w);
    ScoreReport r;
    session_report(ss, &r);
    simjsonw_key(&w, "ledger");
    simjsonw_array(&w);
    for (size_t i = 0; i < ss->ledger.count; i++)
        write_entry(&w, s, &ss->ledger.entries[i], 0);
    simjsonw_array_end(&w);
    if (ss->core.finished) {
        simjsonw_key(&w, "total");
        simjsonw_int(&w, r.total);
    }
    simjsonw_object_end(&w);
    simbuf_puts(&b, "\n");
    return simbuf_take(&b);
}

SimStatus session_restore(const Scenario *s, const char *json, size_t len,
                          const ScriptLimits *limits, Session **out, SimError *err)
{
    *out = NULL;
    SavedAttempt *a = saved_attempt_parse(json, len, err);
    if (!a)
        return SIM_ERR_PARSE;
    if (strcmp(a->scenario, s->id) == 0 && strcmp(a->version, s->version) == 0 && a->hash &&
        strcmp(a->hash, s->hash_hex) != 0) {
        sim_error_set(err, SIM_ERR_INVALID, tr(STR_ENGINE_RESTORE_CHANGED), s->id, s->version,
                      a->hash, s->hash_hex);
        saved_attempt_free(a);
        return SIM_ERR_INVALID;
    }
    if (strcmp(a->scenario, s->id) != 0 || strcmp(a->version, s->version) != 0) {
        sim_error_set(err, SIM_ERR_INVALID, tr(STR_ENGINE_RESTORE_MISMATCH), s->id, s->version,
                      a->scenario, a->version);
        saved_attempt_free(a);
        return SIM_ERR_INVALID;
    }
    SessionOptions opt = {.seed = a->seed, .mode = a->mode ? MODE_EXAM : MODE_TRAINING};
    if (limits)
        opt.limits = *limits;
    Session *ss;
    SimStatus st = session_create(s, &opt, &ss, err);
    if (st != SIM_OK) {
        saved_attempt_free(a);
        return st;
    }
    for (size_t i = 0; i < a->action_count; i++) {
        SimError e;
        if (session_act(ss, a->actions[i], &e) != SIM_OK) {
            sim_error_set(err, SIM_ERR_INVALID, tr(STR_ERR_ACTION_REJECTED), i + 1, a->actions[i],
                          e.msg);
            session_destroy(ss);
            saved_attempt_free(a);
            return SIM_ERR_INVALID;
        }
    }
    const char *now = ss->core.step >= 0 ? s->steps[ss->core.step].id : "";
    const char *then = a->step ? a->step : "";
    if (strcmp(now, then) != 0 || fabs(ss->core.lab.minutes - a->minutes) > 1e-9 ||
        ss->core.lab.mood != a->mood) {
        sim_error_set(err, SIM_ERR_INVALID, tr(STR_ENGINE_RESTORE_DIVERGED), now, then);
        session_destroy(ss);
        saved_attempt_free(a);
        return SIM_ERR_INVALID;
    }
    saved_attempt_free(a);
    *out = ss;
    return SIM_OK;
}

/* ==== random play ========================================================================= */

int session_pick_random(const Session *ss, SimRng *rng, char *out, size_t out_size)
{
    if (ss->core.finished)
        return 0;
    const Scenario *s = ss->s;
    int offered[64];
    size_t n = session_offered(ss, offered, 64);
    /* About one pick in four goes to the desk or the office PC, as a trainee would. */
    if (simrng_below(rng, 4) == 0 || n == 0) {
        size_t kind = simrng_below(rng, 3);
        if (kind == 0 && s->service_count) {
            const Service *sv = &s->services[simrng_below(rng, s->service_count)];
            snprintf(out, out_size, "service:%s", sv->id);
            return 1;
        }
        int desk[64];
        size_t nd = 0;
        for (size_t d = 0; d < s->document_count && nd < 64; d++)
            if (ss->on_desk[d])
                desk[nd++] = (int)d;
        if (nd) {
            int d = desk[simrng_below(rng, nd)];
            const Document *doc = &s->documents[d];
            if (!ss->inspected[d] || doc->field_count == 0) {
                snprintf(out, out_size, "inspect:%s", doc->id);
                return 1;
            }
            size_t f = simrng_below(rng, doc->field_count);
            int reason = (int)simrng_below(rng, REASON_COUNT);
            /* Prefer a reason the planted problem accepts half the time, so random runs
             * exercise the scoring of correct flags too. */
            for (size_t k = 0; k < doc->problem_count; k++)
                if (doc->problems[k].field == (int)f && simrng_below(rng, 2) == 0)
                    for (int r = 0; r < REASON_COUNT; r++)
                        if (doc->problems[k].reasons & (1u << r)) {
                            reason = r;
                            break;
                        }
            if (ss->flagged[d][f] != reason) {
                snprintf(out, out_size, "flag:%s.%s:%s", doc->id, doc->fields[f].key,
                         reason_id((FlagReason)reason));
                return 1;
            }
        }
        if (n == 0)
            return 0;
    }
    const Action *a = &s->steps[ss->core.step].actions[offered[simrng_below(rng, n)]];
    snprintf(out, out_size, "%s", a->id);
    return 1;
}

uint64_t session_must_fail_taken(const Session *ss)
{
    const Scenario *s = ss->s;
    uint64_t bits = 0;
    int k = 0;
    for (size_t i = 0; i < s->step_count; i++)
        for (size_t j = 0; j < s->steps[i].action_count && k < 64; j++)
            if (s->steps[i].actions[j].must_fail) {
                if (strset_has(&ss->took, s->steps[i].actions[j].id))
                    bits |= 1ull << k;
                k++;
            }
    return bits;
}

const Action *session_must_fail_action(const Scenario *s, int k)
{
    for (size_t i = 0; i < s->step_count; i++)
        for (size_t j = 0; j < s->steps[i].action_count; j++)
            if (s->steps[i].actions[j].must_fail && k-- == 0)
                return &s->steps[i].actions[j];
    return NULL;
}

int session_pick_naive(const Session *ss, SessionNaive how, SimRng *rng, char *out, size_t out_size)
{
    if (how == NAIVE_RANDOM)
        return session_pick_random(ss, rng, out, out_size);
    if (ss->core.finished || ss->core.step < 0)
        return 0;
    int menu[64];
    size_t n = session_menu(ss, menu, 64);
    if (ss->core.finished || n == 0)
        return 0;
    const Action *acts = ss->s->steps[ss->core.step].actions;
    size_t pick = how == NAIVE_LAST ? n - 1 : 0;
    if (how == NAIVE_LONGEST) {
        size_t best = 0;
        for (size_t i = 0; i < n; i++) {
            const char *t = acts[menu[i]].text;
            size_t len = sim_utf8_len(t, strlen(t));
            if (len > best) { /* ties: the one shown first */
                best = len;
                pick = i;
            }
        }
    }
    snprintf(out, out_size, "%s", acts[menu[pick]].id);
    return 1;
}

char *session_describe_action(const Scenario *s, const char *id)
{
    SimBuf b;
    simbuf_init(&b);
    int ai, st = scenario_find_action(s, id, &ai);
    if (st >= 0) {
        simbuf_puts(&b, s->steps[st].actions[ai].text);
    } else if (strncmp(id, "inspect:", 8) == 0) {
        int d = scenario_find_document(s, id + 8);
        simbuf_printf(&b, "%s «%s»", tr(STR_DID_INSPECT), d >= 0 ? s->documents[d].title : id + 8);
    } else if (strncmp(id, "service:", 8) == 0) {
        int v = scenario_find_service(s, id + 8);
        simbuf_printf(&b, "%s «%s»", tr(STR_DID_SERVICE), v >= 0 ? s->services[v].title : id + 8);
    } else if (strncmp(id, "flag:", 5) == 0) {
        char doc[128] = "", field[128] = "";
        const char *dot = strchr(id + 5, '.'), *colon = dot ? strchr(dot, ':') : NULL;
        if (dot && colon) {
            snprintf(doc, sizeof doc, "%.*s", (int)(dot - id - 5), id + 5);
            snprintf(field, sizeof field, "%.*s", (int)(colon - dot - 1), dot + 1);
        }
        int d = scenario_find_document(s, doc);
        int f = d >= 0 ? document_find_field(&s->documents[d], field) : -1;
        int r = colon ? reason_parse(colon + 1) : -1;
        if (f >= 0 && r >= 0)
            simbuf_printf(&b, "%s «%s» — «%s»: %s", tr(STR_DID_FLAG), s->documents[d].title,
                          s->documents[d].fields[f].label, reason_title((FlagReason)r));
        else
            simbuf_puts(&b, id);
    } else {
        simbuf_puts(&b, id);
    }
    return simbuf_take(&b);
}

char *session_mistake_text(const Scenario *s, const char *action)
{
    SimBuf b;
    simbuf_init(&b);
    if (strncmp(action, "@end:", 5) == 0) {
        int e = s ? scenario_find_ending(s, action + 5) : -1;
        simbuf_puts(&b, e >= 0 ? s->endings[e].title : action + 5);
    } else if (strcmp(action, "@time") == 0) {
        simbuf_puts(&b, tr(STR_MISTAKE_TIME));
    } else if (strcmp(action, "@setup") == 0 || strcmp(action, "@script") == 0) {
        simbuf_puts(&b, tr(STR_MISTAKE_CONTENT));
    } else if (strncmp(action, "missed:", 7) == 0) {
        /* DOC.FIELD: document ids carry no dot, so the first one splits them. */
        char doc[128] = "";
        const char *dot = strchr(action + 7, '.');
        const char *field = dot ? dot + 1 : "";
        if (dot)
            snprintf(doc, sizeof doc, "%.*s", (int)(dot - action - 7), action + 7);
        int d = s ? scenario_find_document(s, doc) : -1;
        int f = d >= 0 ? document_find_field(&s->documents[d], field) : -1;
        simbuf_printf(&b, tr(STR_MISTAKE_MISSED), d >= 0 ? s->documents[d].title : doc,
                      f >= 0 ? s->documents[d].fields[f].label : field);
    } else {
        char *what = s ? session_describe_action(s, action) : NULL;
        simbuf_puts(&b, what ? what : action);
        free(what);
    }
    return simbuf_take(&b);
}

/* ==== exploration support ================================================================= */

static uint64_t mix(uint64_t h, uint64_t v)
{
    /* splitmix64 step over the running hash: cheap and well spread */
    h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
    h ^= h >> 31;
    h *= 0xbf58476d1ce4e5b9ULL;
    return h ^ (h >> 29);
}


/* ---- the took filter ---- */

/* Names (by hash) with the step whose action each is, or -1 for "always counts" (the value
 * is the step plus one, so 0 says "always"). Two names of one hash are one name: a filter
 * that holds one more name than it needs costs speed, never a wrong answer. */
typedef SimMap SlotTable;

struct SessionTookFilter {
    const Scenario *s;
    SlotTable took;       /* actions: their step, or -1 (a condition or the script names it) */
    unsigned char *reach; /* [from * step_count + to]: `to` can follow `from` */
    StrSet asked;         /* ids a script asked about that the filter did not hold */
    SlotTable flags;      /* plain flags something reads (a condition or a script) */
    StrSet fasked;        /* flags a script asked about that the filter did not hold */
    int jumps;            /* a script moved an attempt itself (sim.go): any step may follow */
    int jumped;           /* … and the filter did not know yet */
    int missed;
};

/* Which steps can follow which: along "next", or anywhere once a script has jumped. */
static void filter_reach(SessionTookFilter *f)
{
    const Scenario *s = f->s;
    size_t n = s->step_count ? s->step_count : 1;
    memset(f->reach, 0, n * n);
    for (size_t i = 0; i < s->step_count; i++) {
        f->reach[i * n + i] = 1;
        for (size_t j = 0; j < s->steps[i].action_count; j++) {
            int nx = s->steps[i].actions[j].next;
            if (nx >= 0)
                f->reach[i * n + (size_t)nx] = 1;
        }
        if (f->jumps)
            memset(f->reach + i * n, 1, n);
    }
    for (size_t k = 0; k < s->step_count; k++) /* transitive closure (Warshall) */
        for (size_t i = 0; i < s->step_count; i++)
            if (f->reach[i * n + k])
                for (size_t j = 0; j < s->step_count; j++)
                    f->reach[i * n + j] |= f->reach[k * n + j];
}

/* The step of a name's hash (-1: always), or -2 when the table does not hold it. */
static int slot_find(const SlotTable *t, uint64_t h)
{
    const uint32_t *v = sim_map_get(t, h);
    return v ? (int)*v - 1 : -2;
}

/* Adds name with its step (-1: always; "always" wins over a step). 0 when memory ran out. */
static int slot_put(SlotTable *t, const char *name, int step)
{
    uint64_t h = str_hash(name);
    uint32_t *v = sim_map_get(t, h);
    if (v) {
        if (step < 0)
            *v = 0;
        return 1;
    }
    return sim_map_add(t, h, (uint32_t)(step + 1));
}

static int plain_flag(const char *name)
{
    return strncmp(name, "service:", 8) != 0 && strncmp(name, "took:", 5) != 0 &&
           strncmp(name, "inspected:", 10) != 0 && strncmp(name, "flagged:", 8) != 0;
}


SessionTookFilter *session_took_filter_create(const Scenario *s)
{
    SessionTookFilter *f = calloc(1, sizeof *f);
    size_t n = s->step_count ? s->step_count : 1;
    if (!f || !(f->reach = calloc(n * n, 1))) {
        free(f);
        return NULL;
    }
    f->s = s;
    filter_reach(f);
    int ok = 1;
    for (size_t i = 0; i < s->step_count; i++)
        for (size_t j = 0; j < s->steps[i].action_count; j++) {
            const Action *a = &s->steps[i].actions[j];
            /* A must_fail action stays part of the state to the end, so the walk can tell a
             * passing path through it from one that avoided it. */
            ok &= slot_put(&f->took, a->id, a->must_fail ? -1 : (int)i);
            for (size_t k = 0; k < a->require_count; k++) {
                const char *nm = a->requires[k].name;
                if (strncmp(nm, "took:", 5) == 0)
                    ok &= slot_put(&f->took, nm + 5, -1);
                else if (plain_flag(nm))
                    ok &= slot_put(&f->flags, nm, -1);
            }
        }
    for (size_t k = 0; k < s->service_count; k++) {
        char id[300];
        snprintf(id, sizeof id, "service:%s", s->services[k].id);
        ok &= slot_put(&f->took, id, -1);
    }
    if (!ok) {
        session_took_filter_destroy(f);
        return NULL;
    }
    return f;
}

void session_took_filter_destroy(SessionTookFilter *f)
{
    if (!f)
        return;
    sim_map_free(&f->took);
    free(f->reach);
    strset_free(&f->asked);
    sim_map_free(&f->flags);
    strset_free(&f->fasked);
    free(f);
}

static void filter_note(SessionTookFilter *f, const char *id)
{
    if (slot_find(&f->took, str_hash(id)) == -1)
        return;
    /* Asked about an action the filter may drop: from now on it must always count. */
    if (!strset_has(&f->asked, id))
        strset_push(&f->asked, id);
    f->missed = 1;
}

static void filter_flag_note(SessionTookFilter *f, const char *name)
{
    if (slot_find(&f->flags, str_hash(name)) != -2)
        return;
    if (!strset_has(&f->fasked, name))
        strset_push(&f->fasked, name);
    f->missed = 1;
}

static void filter_jumped(SessionTookFilter *f)
{
    if (!f->jumps)
        f->jumped = f->missed = 1;
}

int session_took_filter_missed(const SessionTookFilter *f)
{
    return f && f->missed;
}

int session_took_filter_learn(SessionTookFilter *f)
{
    int ok = 1;
    if (f->jumped) {
        f->jumps = 1;
        f->jumped = 0;
        filter_reach(f);
    }
    for (size_t i = 0; i < f->asked.count; i++)
        ok &= slot_put(&f->took, f->asked.items[i], -1);
    for (size_t i = 0; i < f->fasked.count; i++)
        ok &= slot_put(&f->flags, f->fasked.items[i], -1);
    f->missed = 0;
    return ok;
}

void session_use_took_filter(Session *ss, SessionTookFilter *f)
{
    ss->filter = f;
}

static int took_counts(const Session *ss, size_t i)
{
    const SessionTookFilter *f = ss->filter;
    if (!f)
        return 1;
    int step = slot_find(&f->took, ss->took.hash[i]);
    if (step == -2)
        return 0; /* a document or flag move nobody asks about: its effect is in the state */
    if (step < 0)
        return 1;
    return ss->core.step >= 0 && f->reach[(size_t)ss->core.step * f->s->step_count + (size_t)step];
}

uint64_t session_control_hash(const Session *ss)
{
    const Scenario *s = ss->s;
    uint64_t h = mix(0, (uint64_t)(int64_t)ss->core.step);
    h = mix(h, (uint64_t)(ss->core.finished | ss->core.stopped << 1));
    h = mix(h, (uint64_t)(int64_t)ss->core.ending);
    h = mix(h, (uint64_t)(int64_t)ss->core.service);
    h = mix(h, ss->core.data_hash);
    uint64_t fl = 0;
    for (size_t i = 0; i < ss->flags.count; i++)
        if (!ss->filter || slot_find(&ss->filter->flags, ss->flags.hash[i]) != -2)
            fl += mix(0, ss->flags.hash[i]);
    h = mix(h, fl);
    uint64_t t = 0;
    for (size_t i = 0; i < ss->took.count; i++)
        if (took_counts(ss, i))
            t += mix(0, ss->took.hash[i]);
    h = mix(h, t);
    for (size_t d = 0; d < s->document_count; d++) {
        uint64_t v = (uint64_t)(ss->on_desk[d] | (ss->inspected[d] << 1));
        for (size_t f = 0; f < s->documents[d].field_count; f++)
            if (ss->flagged[d][f] >= 0)
                v = v * 0x100000001b3ULL + (f << 8 | (uint64_t)ss->flagged[d][f]);
        for (size_t k = 0; k < s->documents[d].problem_count; k++)
            v = v * 31 + ss->problem_found[d][k];
        h = mix(h, v);
    }
    return h;
}

/* Hashed for every state an exploration finds, so kept short: the fields packed two to a
 * word (the clock to a hundredth of a minute: sums of fractions differ in the last bits),
 * each word times its own odd constant, added (independent multiplies), then mixed. */
uint64_t session_label_hash(const Scenario *s, const SessionLabel *l)
{
    static const uint64_t k[2 + (SCENARIO_MAX_CRITERIA + 2) / 2] = {
        0x9E3779B97F4A7C15ULL, 0xC2B2AE3D27D4EB4FULL, 0x165667B19E3779F9ULL,
        0xD6E8FEB86659FD93ULL, 0xFF51AFD7ED558CCDULL, 0xC4CEB9FE1A85EC53ULL,
        0x94D049BB133111EBULL, 0xBF58476D1CE4E5B9ULL, 0x2545F4914F6CDD1DULL};
    size_t n = s->criterion_count;
    uint64_t h = (uint64_t)(int64_t)(l->minutes * 100.0 + 0.5) * k[0];
    h += ((uint64_t)(uint32_t)l->mood | (uint64_t)(uint32_t)l->patience_penalty << 32) * k[1];
    h += ((uint64_t)(uint32_t)l->critical | (n ? (uint64_t)(uint32_t)l->sums[0] << 32 : 0)) * k[2];
    for (size_t c = 1, i = 3; c < n; c += 2, i++)
        h += ((uint64_t)(uint32_t)l->sums[c] |
              (c + 1 < n ? (uint64_t)(uint32_t)l->sums[c + 1] << 32 : 0)) *
             k[i];
    return mix(h, n);
}

uint64_t session_state_hash(const Session *ss)
{
    return mix(session_control_hash(ss), session_label_hash(ss->s, &ss->core.lab));
}

void session_record(Session *ss, SessionOps *ops)
{
    ss->rec = ops;
}

void session_label_apply(const Scenario *s, SessionLabel *l, const SessionOp *ops, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        const SessionOp *o = &ops[i];
        switch (o->kind) {
        case SOP_TIME:
            label_time(s, l, o->x);
            break;
        case SOP_MOOD:
            label_mood(l, o->n);
            break;
        case SOP_POINTS:
            label_points(s, l, o->crit, o->n);
            break;
        case SOP_TIME_SCORE:
            if (s->time_criterion >= 0)
                label_points(s, l, s->time_criterion, label_time_points(s, l, o->n));
            break;
        }
    }
}

const SessionLabel *session_label(const Session *ss)
{
    return &ss->core.lab;
}

void session_set_label(Session *ss, const SessionLabel *l)
{
    ss->core.lab = *l;
}

void session_label_report(const Scenario *s, const SessionLabel *l, ScoreReport *out)
{
    score_compute_sums(s, l->sums, (size_t)l->critical, out);
}

int session_label_reads(const Session *ss)
{
    return ss->core.label_reads;
}

int session_walkouts(const Session *ss)
{
    return ss->core.walkouts;
}

/* ---- snapshots ---- */

struct SessionSnapshot {
    SessionCore core;    /* its name interned in the session */
    StrSet flags, took;  /* items interned in the session */
    unsigned char *bits; /* on_desk, inspected, problem_found */
    int *flagged;
    char **fields; /* interned in the session */
    size_t nbits, nflagged, nfields;
    size_t errors;
    ScriptSnapshot *script;
};

static size_t snap_sizes(const Scenario *s, size_t *nflagged, size_t *nfields)
{
    size_t bits = 2 * s->document_count, nf = 0;
    for (size_t d = 0; d < s->document_count; d++) {
        bits += s->documents[d].problem_count;
        nf += s->documents[d].field_count;
    }
    *nflagged = *nfields = nf;
    return bits;
}

void session_snapshot_free(SessionSnapshot *sn)
{
    if (!sn)
        return;
    strset_free(&sn->flags);
    strset_free(&sn->took);
    free(sn->bits);
    free(sn->flagged);
    free(sn->fields);
    script_snapshot_free(sn->script);
    free(sn);
}

size_t session_snapshot_size(const SessionSnapshot *sn)
{
    return sn ? sizeof *sn + script_snapshot_size(sn->script) + sn->nbits +
                    sn->nflagged * sizeof(int) + sn->nfields * sizeof(char *) +
                    (sn->flags.count + sn->took.count) * (sizeof(char *) + sizeof(uint64_t))
              : 0;
}

SimStatus session_snapshot_save(Session *ss, SessionSnapshot **out, SimError *err)
{
    *out = NULL;
    const Scenario *s = ss->s;
    if (!ss->lean || (ss->script && !script_snapshots_on(ss->script)))
        return sim_error_set(err, SIM_ERR_INVALID, "%s", tr(STR_SNAPSHOT_LEAN_ONLY));
    SessionSnapshot *sn = calloc(1, sizeof *sn);
    if (!sn)
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    sn->core = ss->core;
    sn->errors = ss->script_errors.count;
    sn->nbits = snap_sizes(s, &sn->nflagged, &sn->nfields);
    int ok = strset_copy(&sn->flags, &ss->flags) && strset_copy(&sn->took, &ss->took);
    sn->bits = malloc(sn->nbits + 1);
    sn->flagged = malloc((sn->nflagged + 1) * sizeof *sn->flagged);
    sn->fields = calloc(sn->nfields + 1, sizeof *sn->fields);
    ok = ok && sn->bits && sn->flagged && sn->fields;
    size_t b = 0, k = 0;
    for (size_t d = 0; ok && d < s->document_count; d++) {
        sn->bits[b++] = (unsigned char)ss->on_desk[d];
        sn->bits[b++] = (unsigned char)ss->inspected[d];
        for (size_t p = 0; p < s->documents[d].problem_count; p++)
            sn->bits[b++] = (unsigned char)ss->problem_found[d][p];
        for (size_t f = 0; f < s->documents[d].field_count; f++, k++) {
            sn->flagged[k] = ss->flagged[d][f];
            sn->fields[k] = ss->fields[d][f];
        }
    }
    if (ok && ss->script) {
        SimError e;
        ok = script_snapshot_save(ss->script, &sn->script, &e) == SIM_OK;
    }
    if (!ok) {
        session_snapshot_free(sn);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    }
    *out = sn;
    return SIM_OK;
}

SimStatus session_snapshot_load(Session *ss, const SessionSnapshot *sn, SimError *err)
{
    const Scenario *s = ss->s;
    if (!ss->lean || (ss->script && !sn->script))
        return sim_error_set(err, SIM_ERR_INVALID, "%s", tr(STR_SNAPSHOT_LEAN_ONLY));
    ss->core = sn->core;
    ss->pending_go = ss->pending_finish = -1;
    ss->current_action = NULL;
    while (ss->script_errors.count > sn->errors) {
        size_t i = --ss->script_errors.count;
        free(ss->script_errors.items[i]);
    }
    int ok = strset_copy(&ss->flags, &sn->flags) && strset_copy(&ss->took, &sn->took);
    size_t b = 0, k = 0;
    for (size_t d = 0; d < s->document_count; d++) {
        ss->on_desk[d] = (char)sn->bits[b++];
        ss->inspected[d] = (char)sn->bits[b++];
        for (size_t p = 0; p < s->documents[d].problem_count; p++)
            ss->problem_found[d][p] = (char)sn->bits[b++];
        for (size_t f = 0; f < s->documents[d].field_count; f++, k++) {
            ss->flagged[d][f] = sn->flagged[k];
            ss->fields[d][f] = sn->fields[k];
        }
    }
    if (ss->script)
        script_snapshot_load(ss->script, sn->script);
    if (!ok)
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    return SIM_OK;
}
