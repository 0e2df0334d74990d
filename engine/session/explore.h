/*
 * explore.h — walking every path of a scenario (`mfc-trainer explore`), for methodologists.
 *
 * Owns: the exhaustive search over attempt states (control state plus label, see
 * session_internal.h; up to a limit) and random playthroughs, with what they find: each ending
 * reached with its lowest and highest total and pass or fail, the best path, unreachable
 * endings, dead ends, script errors with the path that triggers each, and coverage of steps
 * and step actions.
 * Every Lua hook runs as in a real attempt: each control state runs each move through
 * session_act from a snapshot; labels that need no hook of their own follow the recorded
 * label operations. An optional self-check replays found paths as plain attempts. This
 * module and those below it (session, script, score, scenario, core) hold no mutable global
 * state, so separate scenarios may be explored on separate threads. Nothing here prints.
 * Depends on: session.
 */
#ifndef SIM_EXPLORE_H
#define SIM_EXPLORE_H

#include "session.h"

typedef struct ExploreOptions {
    size_t limit;           /* distinct states to visit at most; 0: 50,000,000 */
    long random_runs;       /* > 0: that many random playthroughs instead of the full walk */
    uint64_t seed;          /* the attempts' seed (and the random choices') */
    int max_depth;          /* actions per path at most; 0: 60 */
    ScriptProgram *program; /* optional compiled script, shared by every replay */
    long verify;            /* > 0: the first finished state of each ending and every
                               verify-th after it, found by the exhaustive walk, are played
                               again as plain attempts and must end the same (ending, total,
                               pass, clock); so are, at the end, every path the report shows
                               (each ending's lowest and highest, the best: ending and total) */
} ExploreOptions;

typedef struct ExplorePath {
    char **actions; /* owned */
    size_t count;
} ExplorePath;

typedef struct ExploreEnding {
    const Ending *ending; /* borrowed from the scenario */
    long long reached;    /* paths (or playthroughs) that ended here */
    long long passed;     /* of those, passed */
    int min_total, max_total;
    ExplorePath min_path, max_path;
} ExploreEnding;

/* EXPLORE_MUST_FAIL: a passing path ends in a "must_fail" ending or takes a "must_fail" action
 * (one issue per such ending and action, with the first passing path found). */
typedef enum ExploreIssueKind {
    EXPLORE_DEAD_END,
    EXPLORE_SCRIPT_ERROR,
    EXPLORE_MUST_FAIL
} ExploreIssueKind;

typedef struct ExploreIssue {
    ExploreIssueKind kind;
    char *step;    /* the step where it happened; for EXPLORE_MUST_FAIL the ending (owned) */
    char *message; /* the script error with its traceback, or why the step is stuck (owned) */
    ExplorePath path;
} ExploreIssue;

typedef struct ExploreResult {
    long long states;         /* distinct states visited (exhaustive) */
    long long transitions;    /* session_act calls that reached a state, replays excluded */
    long long acts;           /* every session_act call (each runs the script's hooks) */
    long long control_states; /* distinct control states (exhaustive; see session_internal.h) */
    long long verified;       /* finished states played again (ExploreOptions.verify) */
    long long verify_failures;
    char *verify_message;   /* the first difference (owned), or NULL */
    long long runs;         /* random playthroughs made */
    int complete;           /* 1: every reachable state within max_depth was visited */
    ExploreEnding *endings; /* one per scenario ending, in scenario order */
    size_t ending_count;
    int best_total; /* -1 when no ending was reached */
    int best_passed;
    ExplorePath best_path; /* the highest total (shortest among equals) */
    ExploreIssue *issues;
    size_t issue_count;
    size_t steps_total, steps_seen;
    size_t actions_total, actions_seen;
    char *step_seen;    /* [step_count] 1 when visited */
    char **action_seen; /* [step][action] 1 when taken */
} ExploreResult;

/* Explores s. Fails only when an attempt cannot start at all (its script's main chunk fails)
 * or memory runs out. Caller frees with explore_free. */
SimStatus explore_run(const Scenario *s, const ExploreOptions *opt, ExploreResult **out,
                      SimError *err);
void explore_free(ExploreResult *r);

#endif /* SIM_EXPLORE_H */
