/*
 * session.h — one attempt at a scenario: the engine every front end drives.
 *
 * Owns: Session, the state of one playthrough (current step, simulated clock, mood, flags,
 * documents on the desk and the trainee's flags on them, the chosen office service, the
 * score ledger, the list of actions taken, the seed) and its sandboxed script.
 * Everything a trainee can do is one call, session_act(id), with ids of four shapes:
 *   "<action-id>"               an action offered at the current step
 *   "inspect:DOC"               open a document lying on the desk
 *   "flag:DOC.FIELD:REASON"     flag a field of a document as a problem, with a reason
 *   "service:ID"                choose the service in the office system
 * The window and the command line call the same function, so the same seed and ids give the
 * same result, byte for byte. An attempt saves to JSON and restores by replaying its actions.
 * Depends on: core, scenario, score, script.
 */
#ifndef SIM_SESSION_H
#define SIM_SESSION_H

#include "../score/score.h"
#include "../script/script.h"

#define SESSION_MAX_ACTIONS 500
/* The clock of an attempt saturates here (minutes): no real visit comes near it, and nothing
 * a script does can push the time arithmetic past it. */
#define SESSION_MAX_MINUTES 100000.0
/* What a script may make the engine keep outside Lua's memory cap (sim.score, sim.critical,
 * sim.set, sim.set_field, sim.set_applicant, sim.say), per attempt: one text, all texts
 * together, ledger entries, flags. Past them the command is a script error. */
#define SESSION_SCRIPT_TEXT_MAX    8192
#define SESSION_SCRIPT_BYTES_MAX   (16u << 20)
#define SESSION_SCRIPT_ENTRIES_MAX 2000
#define SESSION_SCRIPT_FLAGS_MAX   2000

typedef enum SessionMode { MODE_TRAINING = 0, MODE_EXAM = 1 } SessionMode;

typedef struct SessionOptions {
    uint64_t seed;
    SessionMode mode;
    ScriptLimits limits;    /* zeros mean the defaults */
    ScriptProgram *program; /* optional: the scenario's compiled script, shared by attempts
                               (see script.h); NULL compiles the text for this attempt */
} SessionOptions;

typedef struct Session Session;

/* Starts an attempt. Fails only when the scenario's script cannot even start (its main chunk
 * has an error). An error inside a hook (setup, on_enter, available, on_action, ending), here
 * or in any later call, stops the attempt: it is finished with no ending, the outcome
 * "content_error" (see session_content_error) and it is never scored. The scenario must
 * outlive the session. Caller frees with session_destroy. */
SimStatus session_create(const Scenario *s, const SessionOptions *opt, Session **out,
                         SimError *err);
void session_destroy(Session *ss);

/* Performs one action (see the id shapes above). On success the new ledger entries, if any,
 * are those from the count before the call. An action that is not possible now leaves the
 * state unchanged and returns SIM_ERR_INVALID with a message that lists what is possible. */
SimStatus session_act(Session *ss, const char *action_id, SimError *err);
/* Ends an unfinished attempt without an ending (the trainee left); outcome "unfinished". */
void session_abandon(Session *ss);

/* ---- state (all pointers borrowed until the next session_act) --------------------------- */
const Scenario *session_scenario(const Session *ss);
int session_finished(const Session *ss);
int session_step_index(const Session *ss);         /* -1 when finished */
const char *session_line(const Session *ss);       /* the applicant's current line */
const char *session_last_reply(const Session *ss); /* reply to the last action, or NULL */
/* Step actions offered now, as indices into the current step's actions; returns the count. */
size_t session_offered(const Session *ss, int *out, size_t max);
/* The same actions in the order a trainee sees them: shuffled by the seed per step, pinned
 * answers ("pin") first or last. The window and play's numbered menu both use it. */
size_t session_menu(const Session *ss, int *out, size_t max);
/* 1 when the planted problem (index into the document's problems) was flagged right. */
int session_problem_found(const Session *ss, int doc, int problem);
/* «Паспорт гражданина РФ → Дата рождения — <problem title>», what the debrief names. Caller
 * frees; NULL on OOM. */
char *session_problem_where(const Scenario *s, int doc, int problem);
int session_doc_on_desk(const Session *ss, int doc);
int session_doc_inspected(const Session *ss, int doc);
const char *session_field(const Session *ss, int doc, int field); /* after script changes */
int session_flag_reason(const Session *ss, int doc, int field);   /* -1 when not flagged */
int session_service(const Session *ss);                           /* index or -1 */
const char *session_applicant_name(const Session *ss);
int session_applicant_age(const Session *ss);
int session_mood(const Session *ss);
double session_minutes(const Session *ss);
uint64_t session_seed(const Session *ss);
SessionMode session_mode(const Session *ss);
const ScoreLedger *session_ledger(const Session *ss);
size_t session_action_count(const Session *ss);
const char *session_action_id(const Session *ss, size_t i);
const Ending *session_ending(const Session *ss); /* NULL until finished with an ending */
void session_report(const Session *ss, ScoreReport *out);
/* Script problems met so far ("scenarios/x/script.lua:12: …" with traceback). */
size_t session_script_error_count(const Session *ss);
const char *session_script_error(const Session *ss, size_t i);
const char *session_script_log(const Session *ss);
/* The script error that stopped the attempt ("scenarios/x/script.lua:12: …" with traceback),
 * or NULL when none did. A stopped attempt is finished, has no ending, refuses further
 * actions, and its result is "content_error": not passed, not scored. */
const char *session_content_error(const Session *ss);
/* The outcome id stored with the attempt: an ending's outcome, "content_error" or
 * "unfinished". */
const char *session_outcome_id(const Session *ss);

/* ---- output ------------------------------------------------------------------------------ */
/* The result object of `play --json`. Caller frees. */
char *session_result_json(const Session *ss, int pretty);
/* The ledger entries from index `from` on, as a compact JSON array (what one action caused,
 * for the results database). Caller frees. */
char *session_ledger_json(const Session *ss, size_t from);
/* The saved state. Caller frees. */
char *session_save_json(const Session *ss);
/* Recreates an attempt from session_save_json output by replaying its actions with its seed;
 * refuses a save made for another version of the scenario, and one whose replay ends in a
 * different state. Caller frees with session_destroy. */
SimStatus session_restore(const Scenario *s, const char *json, size_t len,
                          const ScriptLimits *limits, Session **out, SimError *err);

/* What an action id means in words: a step action's text, «Открыть документ «…»», «Отметить
 * проблему: документ «…» — «поле»: причина», «Выбрать услугу «…»», or the id itself.
 * Caller frees. */
char *session_describe_action(const Scenario *s, const char *id);
/* A ledger entry's action in the words a manager reads (issue #15): `@end:ID` → the ending's
 * title, `missed:DOC.FIELD` → «Не отмечено: Документ → Поле», `@time` → «Превышено время
 * приёма», `@setup`/`@script` → «Ошибка в сценарии», anything else as session_describe_action.
 * The result JSON stores it as each mistake's "text", so reports read it from the results
 * database. s may be NULL (the scenario is gone): ids then stand for titles. Caller frees. */
char *session_mistake_text(const Scenario *s, const char *action);

/* ---- automation -------------------------------------------------------------------------- */
/* Picks a plausible next action using rng (step actions mostly, sometimes documents and
 * services) and writes its id into out. Returns 0 when nothing is possible. */
int session_pick_random(const Session *ss, SimRng *rng, char *out, size_t out_size);

/* The "must_fail" actions this attempt took: bit k for the k-th such action in scenario order
 * (the first 64), which session_must_fail_action names. */
uint64_t session_must_fail_taken(const Session *ss);
const Action *session_must_fail_action(const Scenario *s, int k); /* NULL past the last */

/* Strategies of a trainee who does not think (mfc-trainer naive): always the first, the last
 * or the longest answer of the menu as shown (session_menu), never opening a document or
 * choosing a service; or random play (session_pick_random). A score that means competence
 * fails them all. Returns 0 when the strategy has nothing to choose. */
typedef enum SessionNaive {
    NAIVE_FIRST = 0,
    NAIVE_LAST,
    NAIVE_LONGEST,
    NAIVE_RANDOM,
    NAIVE_COUNT
} SessionNaive;
int session_pick_naive(const Session *ss, SessionNaive how, SimRng *rng, char *out,
                       size_t out_size);

#endif /* SIM_SESSION_H */
