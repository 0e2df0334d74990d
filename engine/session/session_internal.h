/*
 * session_internal.h — what only the explorer (explore.c) and the tests see of an attempt:
 * lean attempts, the label and the control state, the recording of label changes, the
 * took-and-flag filter, state hashes and snapshots. Front ends drive attempts through
 * session.h alone; none of this is part of that contract.
 * Depends on: session.
 */
#ifndef SIM_SESSION_INTERNAL_H
#define SIM_SESSION_INTERNAL_H

#include "session.h"

typedef struct SessionTookFilter SessionTookFilter;

/* ---- lean attempts ---------------------------------------------------------------------------
 * The explorer's kind of attempt: it keeps no ledger texts, applicant lines or action list
 * (the label still adds up every point, so session_report gives the totals and nothing
 * else), its strings are interned once, its script keeps snapshots, and session_act does not
 * ask available() about the next step (call session_offered). Everything else is as in
 * session_create. Caller frees with session_destroy. */
SimStatus session_create_lean(const Scenario *s, const SessionOptions *opt, Session **out,
                              SimError *err);

/* ---- the label and the control state ------------------------------------------------------
 * An attempt's state splits in two. The label is what it adds up: the clock, the mood, the
 * patience penalty already taken, the points per criterion and the critical errors. The
 * control state is everything else (step, flags, documents, service, the actions taken that
 * can still matter). What happens next depends on the control state alone unless the script
 * reads the clock or the mood (session_label_reads) or the applicant walks out (mood 0): so
 * one run of an action from a control state, with its label changes recorded, serves every
 * label that reaches that control state. */
typedef struct SessionLabel {
    double minutes;
    int mood, patience_penalty, critical;
    int sums[SCENARIO_MAX_CRITERIA];
} SessionLabel;

enum {
    SOP_TIME = 1,
    SOP_MOOD,
    SOP_POINTS,
    SOP_TIME_SCORE,
    SOP_WALKOUT /* marker: the
                applicant leaves now */
};
typedef struct SessionOp {
    unsigned char kind; /* SOP_* */
    signed char crit;   /* SOP_POINTS: criterion, -1 a critical error */
    int n;              /* SOP_MOOD delta, SOP_POINTS points, SOP_TIME_SCORE walked out */
    double x;           /* SOP_TIME minutes */
} SessionOp;
typedef struct SessionOps {
    SessionOp *v; /* owned */
    size_t count, cap;
    int oom;
} SessionOps;

/* Records every label change of the following calls into ops (appended; NULL stops). */
void session_record(Session *ss, SessionOps *ops);
/* Applies recorded changes to l, exactly as the attempt applied them to its own label. */
void session_label_apply(const Scenario *s, SessionLabel *l, const SessionOp *ops, size_t n);
const SessionLabel *session_label(const Session *ss);
void session_set_label(Session *ss, const SessionLabel *l);
uint64_t session_label_hash(const Scenario *s, const SessionLabel *l);
/* The total and pass of a label (criteria clamped and weighted as score_compute does). */
void session_label_report(const Scenario *s, const SessionLabel *l, ScoreReport *out);
/* Times the script read the clock or the mood, and times the applicant walked out. */
int session_label_reads(const Session *ss);
int session_walkouts(const Session *ss);

/* Which taken actions and flags are part of the control state. Actions: those a condition
 * ("took:ID") names, every "service:" choice, the actions of steps still reachable from the
 * current one (along "next"; from anywhere once a script has used sim.go), and any the script
 * asked about. Flags: those a condition names and those the script asked about; a flag
 * nobody reads cannot change what happens. A script that asks about an action or a flag not
 * in the filter, or jumps for the first time, sets session_took_filter_missed; explore then
 * lets the filter learn it and starts again. Caller frees. */
SessionTookFilter *session_took_filter_create(const Scenario *s);
void session_took_filter_destroy(SessionTookFilter *f);
void session_use_took_filter(Session *ss, SessionTookFilter *f); /* borrowed */
int session_took_filter_missed(const SessionTookFilter *f);
/* Adds the ids the script asked about; clears the missed mark. 0 when memory ran out. */
int session_took_filter_learn(SessionTookFilter *f);

/* A hash of the control state (with the filter set by session_use_took_filter, else every
 * action taken and every flag). A script's own Lua variables are not part of it. */
uint64_t session_control_hash(const Session *ss);
/* Control state and label together. */
uint64_t session_state_hash(const Session *ss);

/* A copy of a lean session's whole state, its script's included, to come back to. Loading
 * needs the same session the snapshot was saved from. Caller frees, before the session (the
 * snapshot's buffer goes back to the session's script for reuse). */
typedef struct SessionSnapshot SessionSnapshot;
SimStatus session_snapshot_save(Session *ss, SessionSnapshot **out, SimError *err);
SimStatus session_snapshot_load(Session *ss, const SessionSnapshot *sn, SimError *err);
void session_snapshot_free(SessionSnapshot *sn);
size_t session_snapshot_size(const SessionSnapshot *sn);

#endif /* SIM_SESSION_INTERNAL_H */
