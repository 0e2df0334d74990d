/*
 * script.h — the sandboxed Lua 5.4 runtime for scenario scripts.
 *
 * Owns: one lua_State per attempt, built from an allow-list (base without dofile/loadfile/
 * load, string, table, math, utf8, coroutine), text chunks only, a per-call instruction
 * budget and a per-call wall-clock budget enforced by a count hook that re-arms itself (so
 * pcall cannot swallow the stop), a memory cap through our own allocator, caps on the C
 * string functions the hook cannot interrupt (including a bound on the worst-case work of a
 * pattern search), math.random seeded from the attempt, print routed to a log, and import()
 * for the shared helpers in scripts/. The wall clock is read only to stop a runaway call;
 * a script cannot see it, so results stay deterministic.
 * Scripts never touch the session: they read state and issue commands through ScriptHost,
 * which the session implements. No Lua error ever leaves this module: every call returns a
 * status and a message naming script.lua:LINE with a traceback.
 * Lua enters the program only through this module.
 * Depends on: core, scenario (read-only).
 */
#ifndef SIM_SCRIPT_H
#define SIM_SCRIPT_H

#include "../scenario/scenario.h"

typedef enum ScriptCmdKind {
    SCMD_SET = 0,       /* s1 = flag */
    SCMD_CLEAR,         /* s1 = flag */
    SCMD_MOOD,          /* n = delta */
    SCMD_MINUTES,       /* x = delta */
    SCMD_SCORE,         /* s1 = criterion, n = points, s2 = feedback, s3 = rule (may be NULL) */
    SCMD_CRITICAL,      /* s2 = feedback, s3 = rule */
    SCMD_GO,            /* s1 = step */
    SCMD_FINISH,        /* s1 = ending */
    SCMD_SET_FIELD,     /* s1 = document, s2 = field, s3 = value */
    SCMD_SET_APPLICANT, /* s1 = key, s2 = value */
    SCMD_SAY            /* s1 = text */
} ScriptCmdKind;

typedef struct ScriptCmd {
    ScriptCmdKind kind;
    const char *s1, *s2, *s3; /* borrowed for the duration of the callback */
    long long n;
    double x;
} ScriptCmd;

/* What the session lets a script see and do. Every string returned is borrowed until the next
 * call into the host. cmd returns NULL when applied, or a message (borrowed) that becomes a
 * Lua error at the script's line. */
typedef struct ScriptHost {
    void *ud;
    int (*flag)(void *ud, const char *name);
    int (*mood)(void *ud);
    double (*minutes)(void *ud);
    const char *(*step)(void *ud);
    const char *(*service)(void *ud);
    const char *(*field)(void *ud, const char *doc, const char *field);
    const char *(*applicant)(void *ud, const char *key);
    const char *(*cmd)(void *ud, const ScriptCmd *cmd);
} ScriptHost;

/* Budgets of one attempt's script; a zero field means its default. */
typedef struct ScriptLimits {
    size_t memory;          /* bytes; default 64 MiB */
    long long instructions; /* per hook call; default 5,000,000 */
    long long time_ms;      /* wall-clock milliseconds per hook call; default 1000 */
    int snapshots;          /* 1: keep the whole state in one region so it can be saved and
                               loaded (script_snapshot_*); costs address space, not memory */
} ScriptLimits;

#define SCRIPT_DEFAULT_MEMORY       (64u * 1024u * 1024u)
#define SCRIPT_DEFAULT_INSTRUCTIONS 5000000LL
#define SCRIPT_DEFAULT_TIME_MS      1000LL

typedef struct Script Script;

/* A scenario's script compiled once (main chunk and every helper it imports), so each attempt
 * starts its own sandbox without compiling the text again. The bytecode is produced here by
 * Lua's own compiler from the scenario's text and never read from disk; scripts themselves can
 * still only load text. One program serves many attempts of the same scenario, one at a time.
 * Caller frees with script_program_destroy; it must outlive the scripts that use it. */
typedef struct ScriptProgram ScriptProgram;
SimStatus script_program_create(const Scenario *s, ScriptProgram **out, SimError *err);
void script_program_destroy(ScriptProgram *p);

/* Creates the sandbox for one attempt and runs the script's main chunk (which defines hooks).
 * The scenario and host must outlive the script. Caller frees with script_destroy. */
SimStatus script_create(const Scenario *s, uint64_t seed, const ScriptHost *host,
                        const ScriptLimits *limits, Script **out, SimError *err);
/* The same, starting from a compiled program (faster; see ScriptProgram). */
SimStatus script_create_from(ScriptProgram *prog, uint64_t seed, const ScriptHost *host,
                             const ScriptLimits *limits, Script **out, SimError *err);
void script_destroy(Script *sc);

/* Hook calls. A hook the script does not define is a no-op that succeeds. */
SimStatus script_setup(Script *sc, SimError *err);
/* *offered is left unchanged when the hook is absent or returns nil. */
SimStatus script_available(Script *sc, const char *action_id, int *offered, SimError *err);
SimStatus script_on_action(Script *sc, const char *action_id, SimError *err);
/* *line: caller frees; NULL when the hook gives nothing. */
SimStatus script_on_enter(Script *sc, const char *step_id, char **line, SimError *err);
/* *ending: caller frees; NULL when the hook keeps the chosen ending. */
SimStatus script_ending(Script *sc, const char *ending_id, char **ending, SimError *err);

/* Everything the script printed (borrowed; capped at 64 KiB). */
const char *script_log(const Script *sc);
/* Bytes the Lua state holds now. */
size_t script_memory(const Script *sc);

/* ---- snapshots (exploration: a Lua state cannot be copied through its API) ----------------
 * With ScriptLimits.snapshots the state's memory is one region; a snapshot is a copy of it and
 * of the allocator's, random generator's and log's positions. Loading one puts this script
 * back exactly as it was, pointers included (it must be a snapshot of this same script).
 * Never between the start and the end of a hook call. */
typedef struct ScriptSnapshot ScriptSnapshot;
int script_snapshots_on(const Script *sc);
/* *out: caller frees with script_snapshot_free, before the script itself (a freed snapshot's
 * buffer is kept by its script for the next one). */
SimStatus script_snapshot_save(Script *sc, ScriptSnapshot **out, SimError *err);
/* Copies nothing when the state is still the one sn was saved from or last loaded as: no hook
 * but available() (read-only by the scenario format) ran since. The collector is off from the
 * first snapshot on, so the garbage of such runs stays until the next real load. */
void script_snapshot_load(Script *sc, const ScriptSnapshot *sn);
void script_snapshot_free(ScriptSnapshot *sn);
size_t script_snapshot_size(const ScriptSnapshot *sn);

/* Runs a piece of Lua text in a fresh sandbox with no scenario (tests of the sandbox itself).
 * result: caller frees; the tostring of the chunk's first return value. */
SimStatus script_eval(const char *code, const ScriptLimits *limits, char **result, SimError *err);

#endif /* SIM_SCRIPT_H */
