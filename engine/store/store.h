/*
 * store.h — the results database (SQLite): trainees, attempts, their actions, settings.
 *
 * Owns: the database file, its schema (versioned with PRAGMA user_version, migrated in code),
 * and every read and write of results. Each action of an attempt is appended in its own
 * transaction, so a crash loses at most the action in flight and leaves the attempt marked
 * unfinished; a finished attempt is committed before the call returns.
 * When the database refuses a write that may succeed later (disk full, file turned read-only,
 * I/O error, locked), the write is kept in memory, in order, and retried before the next one
 * or on store_flush: the call returns SIM_ERR_IO with a message for the user and
 * store_pending() > 0. Nothing recorded is lost while the Store stays open.
 * SQLite enters the program only through this module.
 * Depends on: core, scenario and score (the result of an attempt is stored per criterion and
 * per mistake, so reports can be computed in SQL).
 */
#ifndef SIM_STORE_H
#define SIM_STORE_H

#include <stdint.h>

#include "../core/core.h"
#include "../score/score.h"

#define STORE_HEAD_LEN 64 /* hex characters of a chain head */

#define STORE_SCHEMA_VERSION 5

typedef struct Store Store;

typedef struct Trainee {
    long long id;
    char surname[128], name[128], personnel[64];
} Trainee;

typedef struct AttemptInfo {
    char id[40]; /* UUID */
    long long trainee;
    char scenario[80], version[40], hash[24];
    uint64_t seed;
    int exam;
    /* The scenario pack it was played from (schema 4): BLAKE2b-256 of the pack's file list,
     * its state ("signed", "unsigned", "modified", "untrusted", "bad-signature") and the
     * signer's key id; empty strings are stored as NULL. */
    char pack_hash[65], pack_state[16], pack_key[17];
} AttemptInfo;

typedef struct ScenarioStats {
    int attempts;
    int best_total; /* -1 when no finished attempt */
    int passed;     /* 1 when any finished attempt passed */
} ScenarioStats;

/* Opens (creating when missing) the database at path; ":memory:" works for tests. A file
 * written by a newer version, or one that is not a results database, is refused with a
 * message and never overwritten. Caller frees with store_close. */
SimStatus store_open(const char *path, Store **out, SimError *err);
/* Same, with the installation secret of the MAC chain read from key_path (NULL: the default,
 * store_key_path). The secret is created (mode 0600) when missing. */
SimStatus store_open_keyed(const char *path, const char *key_path, Store **out, SimError *err);
/* Where the installation secret of a database lives: install.key beside a database named
 * results.db, otherwise PATH.key (the database's own name plus ".key"). Caller frees. */
char *store_key_path(const char *db_path);
void store_close(Store *st);
/* The default location: $XDG_DATA_HOME/mfc-trainer/results.db (or ~/.local/share/…); caller
 * frees. Creates the folder. */
char *store_default_path(void);

/* ---- trainees --------------------------------------------------------------------------- */
SimStatus store_add_trainee(Store *st, const char *surname, const char *name,
                            const char *personnel, long long *id, SimError *err);
/* Finds a trainee by personnel number; returns 1 and fills out when found. */
int store_find_trainee(Store *st, const char *personnel, Trainee *out);
/* Fills up to max trainees ordered by surname; returns the count (0 on error). */
size_t store_list_trainees(Store *st, Trainee *out, size_t max);

/* ---- attempts --------------------------------------------------------------------------- */
/* Writes kept in memory because the database refused them for now (see above). */
size_t store_pending(const Store *st);
/* Writes them now, in order («Повторить запись»). SIM_OK when none is left waiting. */
SimStatus store_flush(Store *st, SimError *err);
/* For automation and tests: 1 makes the connection refuse every write as a read-only file
 * would (PRAGMA query_only), 0 lets it write again. */
void store_simulate_read_only(Store *st, int on);

/* Starts an attempt: a new UUID in a->id, recorded before anything else is written (the id is
 * set even when the write is kept for later). */
SimStatus store_begin_attempt(Store *st, AttemptInfo *a, SimError *err);
/* Appends one action (its own transaction). points_json: the ledger entries it caused. */
SimStatus store_add_action(Store *st, const char *attempt, int seq, const char *action,
                           double sim_minutes, const char *points_json, SimError *err);
/* Records the attempt's end in one transaction: outcome, total, pass, the score of every
 * criterion and every mistake of the ledger. An abandoned attempt (no ending) is stored with
 * finished = 0 and outcome "unfinished". result_json is the same object `play --json` prints. */
typedef struct StoreResult {
    const Scenario *scenario;
    const ScoreLedger *ledger;
    const ScoreReport *report;
    const char *outcome; /* an Outcome id, "content_error" (stored with no total, never
                            passed) or "unfinished" */
    int finished;
    double sim_minutes;
    const char *result_json;
} StoreResult;
SimStatus store_finish_attempt(Store *st, const char *attempt, const StoreResult *r,
                               SimError *err);
/* Recomputes the running summaries (sum_* tables) from the detailed tables, in one
 * transaction: after rows were written by other means (bulk imports, the benchmark's
 * generator). Recording through this module keeps them current without it. */
SimStatus store_rebuild_summary(Store *st, SimError *err);
ScenarioStats store_scenario_stats(Store *st, long long trainee, const char *scenario);
/* The trainee's latest unfinished attempt at a scenario version (same hash), if any: fills a
 * and its recorded action ids in order (caller frees each and the array; pass NULL for
 * actions and count to only ask whether there is one). Returns 1 when found. */
int store_unfinished_attempt(Store *st, long long trainee, const char *scenario,
                             const char *hash, AttemptInfo *a, char ***actions, size_t *count);

/* One recorded attempt, for a trainee's page and its replay. */
typedef struct AttemptRow {
    char id[40];
    char started_at[24];
    char scenario[80], title[256], version[40], hash[24], outcome[24];
    uint64_t seed;
    int exam, finished, passed, total; /* total -1 when unfinished */
    double sim_minutes;
    int verified; /* 1 when the attempt's records match the MAC chain (store_attempt_verifies) */
} AttemptRow;

/* One attempt by its id; returns 1 and fills out when found. */
int store_get_attempt(Store *st, const char *id, AttemptRow *out);
/* The trainee's attempts, oldest first; returns the count (up to max). */
size_t store_list_attempts(Store *st, long long trainee, AttemptRow *out, size_t max);
/* The recorded action ids of an attempt, in order (caller frees each and the array). */
size_t store_attempt_actions(Store *st, const char *attempt, char ***actions);

/* ---- tamper evidence: the MAC chain (schema 4) ---------------------------------------------
 * Every attempt's start, every action and every attempt's result appends an entry to the
 * journal (table chain): n, kind, attempt, seq, BLAKE2b digest of the record's canonical
 * fields, and mac = HMAC-SHA512-256(secret, previous mac ‖ n ‖ kind ‖ attempt ‖ seq ‖ digest).
 * The chain head is the last mac. */
typedef enum TamperKind {
    TAMPER_CHANGED = 1, /* a record's fields differ from what was recorded */
    TAMPER_DELETED,     /* a recorded record (or journal entry) is gone */
    TAMPER_INSERTED,    /* a record that was never recorded by the program */
    TAMPER_REORDERED,   /* a recorded action moved to another place in its attempt */
    TAMPER_JOURNAL,     /* a journal entry whose MAC does not verify (edited or forged) */
    TAMPER_ROLLBACK     /* the expected chain head is not in this database */
} TamperKind;

typedef struct TamperFinding {
    TamperKind kind;
    char what[12]; /* "attempt", "result", "action", "journal", "head" */
    char attempt[40];
    int seq;     /* the action's seq, 0 otherwise */
    long long n; /* the journal entry, 0 when none */
} TamperFinding;

typedef struct ChainReport {
    size_t entries, attempts, actions; /* what was checked */
    char head[STORE_HEAD_LEN + 1]; /* last mac, hex; "" when the journal is empty */
    TamperFinding *items;
    size_t count;
} ChainReport;

/* Checks the whole journal and every attempt and action against it. expect_head (may be NULL):
 * a chain head exported earlier (hex, at least 8 characters, a prefix is enough); it must be
 * one of the journal's macs, else the database was rolled back (TAMPER_ROLLBACK). Fills out
 * (free with store_verify_free); SIM_OK means the check ran, not that nothing was found. */
SimStatus store_verify(Store *st, const char *expect_head, ChainReport *out, SimError *err);
void store_verify_free(ChainReport *r);
/* The chain head (hex, 64 characters) into out (size >= 65); returns 0 when empty. */
int store_chain_head(Store *st, char *out);
/* 1 when the attempt's journal entries verify and its rows match them (the manager's mark). */
int store_attempt_verifies(Store *st, const char *attempt);

/* ---- settings (key → text) -------------------------------------------------------------- */
/* Returns a copy (caller frees) or NULL when unset. */
char *store_get_setting(Store *st, const char *key);
SimStatus store_set_setting(Store *st, const char *key, const char *value, SimError *err);
/* A setting sealed with the installation secret (HMAC over key and value): editing the settings
 * table cannot forge or move one (the manager's PIN tries). store_get_setting_sealed returns a
 * copy (caller frees), or NULL when unset or when *tampered is set to 1 (a value whose seal
 * does not verify). It does not stop an older sealed value of the same key being copied back. */
SimStatus store_set_setting_sealed(Store *st, const char *key, const char *value, SimError *err);
char *store_get_setting_sealed(Store *st, const char *key, int *tampered);

#endif /* SIM_STORE_H */
