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

#define STORE_SCHEMA_VERSION 8

typedef struct Store Store;

typedef struct Trainee {
    long long id;
    char surname[128], name[128], personnel[64];
    char patronymic[128]; /* "" when none (schema 6) */
    char office[40];      /* the office code; "" on a PC that has none configured (schema 6) */
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
    /* The installed pack's version (schema 7, issue #13): "" when the scenarios were not an
     * installed pack (a build tree, --scenarios). Not part of the journal: pack_hash, which is,
     * already names the pack, its pack.info with the version included. */
    char pack_version[48];
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
SimStatus store_add_trainee(Store *st, const char *surname, const char *name, const char *personnel,
                            long long *id, SimError *err);
/* Adds a trainee with every field of t (id ignored). A personnel number is unique within an
 * office: two offices' «1001» are two people. */
SimStatus store_add_trainee_full(Store *st, const Trainee *t, long long *id, SimError *err);
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
SimStatus store_finish_attempt(Store *st, const char *attempt, const StoreResult *r, SimError *err);
/* Recomputes the running summaries (sum_* tables) from the detailed tables, in one
 * transaction: after rows were written by other means (bulk imports, the benchmark's
 * generator). Recording through this module keeps them current without it. */
SimStatus store_rebuild_summary(Store *st, SimError *err);
ScenarioStats store_scenario_stats(Store *st, long long trainee, const char *scenario);
/* The trainee's latest unfinished attempt at a scenario version (same hash), if any: fills a
 * and its recorded action ids in order (caller frees each and the array; pass NULL for
 * actions and count to only ask whether there is one). Returns 1 when found. */
int store_unfinished_attempt(Store *st, long long trainee, const char *scenario, const char *hash,
                             AttemptInfo *a, char ***actions, size_t *count);

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
    char head[STORE_HEAD_LEN + 1];     /* last mac, hex; "" when the journal is empty */
    TamperFinding *items;
    size_t count;
    int keyless; /* 1 when opened with store_open_evidence: the journal's MACs were not
                    checked (no secret) */
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

/* ---- evidence opened as it is (verify of a received copy, sync bundles) -------------------
 * Opens an existing database read-only, without its installation secret and without any
 * migration: nothing is written, no key file is made. store_verify then checks everything a
 * secret is not needed for (every record against its journal digest, the journal's numbering,
 * missing and inserted records) and sets ChainReport.keyless, because the journal's own MACs
 * cannot be checked: someone who edits a record and recomputes its digest goes unseen. */
SimStatus store_open_evidence(const char *path, Store **out, SimError *err);

/* ---- the region: sync of the journal to the centre (sync.c, issue #12) --------------------
 * Everything the program records is journalled in order (the chain), so "everything since the
 * last acknowledged point" is the journal entries after a mark. Each entry travels with the
 * canonical bytes of its record, the bytes its digest covers, so the centre can check them
 * without this installation's secret. The entries also form a public hash chain
 *     pub_n = SHA-256(pub_{n-1} ‖ "n|kind|attempt|seq|digest|mac"), pub_0 = 32 zero bytes,
 * which the installation signs (Ed25519) and the centre recomputes. */
typedef struct SyncEntry {
    long long n;
    char kind[12], attempt[40];
    int seq;
    char digest[65], mac[65];
    char *canon; /* owned; the record's canonical bytes now; NULL when the record is gone */
    size_t canon_len;
    int intact; /* 1 when BLAKE2b(canon) equals digest */
} SyncEntry;

/* How many attempts have journal entries after n (what "waits" means to a trainee). */
long long store_sync_attempts_after(Store *st, long long n);
/* The last journal entry's number (0 when empty). */
long long store_chain_last(Store *st);
/* Up to max entries with n > after, in order, into *out (free with store_sync_entries_free);
 * with_canon 0 leaves canon NULL and intact 0 (for following the hash chain only). */
SimStatus store_sync_entries(Store *st, long long after, size_t max, int with_canon,
                             SyncEntry **out, size_t *count, SimError *err);
void store_sync_entries_free(SyncEntry *e, size_t count);
/* The public hash chain: next = SHA-256(prev ‖ "n|kind|attempt|seq|digest|mac") (hex in, hex
 * out, 64 characters; prev "" means 32 zero bytes). */
void store_pub_hash_next(const char *prev_hex, const SyncEntry *e, char out[65]);
/* The trainees referenced by attempts whose entries are in (after, upto], or all when
 * after < 0; caller frees *out. */
SimStatus store_sync_trainees(Store *st, Trainee **out, size_t *count, SimError *err);
/* Adds every roster row not yet known here (same office and personnel number) as a trainee;
 * a known one with a different name is left alone and counted in *conflicts. */
SimStatus store_roster_merge(Store *st, const Trainee *rows, size_t n, size_t *added,
                             size_t *conflicts, SimError *err);
/* Writes a copy of the database to path for carrying to the centre: the journal after
 * `after` with the records it needs, no settings (no PIN), and the metadata pairs given
 * (key[i] = value[i]) in table bundle_meta. path must not exist. */
SimStatus store_bundle_write(Store *st, const char *path, long long after, const char *const *keys,
                             const char *const *values, size_t n, SimError *err);
/* A value of a bundle's bundle_meta (caller frees), NULL when absent or not a bundle. */
char *store_bundle_get(Store *st, const char *key);
/* Rebuilding results from what the centre holds (a region report): a trainee with its id as
 * given, and one record from its canonical bytes (as chain.c hashes it) with the attempt
 * credited to trainee. No journal entries are made: such a database is for reading. */
SimStatus store_import_trainee(Store *st, const Trainee *t, SimError *err);
SimStatus store_import_record(Store *st, const char *kind, const char *attempt, int seq,
                              const char *canon, size_t len, long long trainee, SimError *err);
/* The first journal entry's number (0 when empty): a bundle may start after 1. */
long long store_chain_first(Store *st);

/* ---- what an LRS acknowledged (lrs.c, schema 7, issue #13) --------------------------------
 * endpoint is the LRS's statements URL (net_lrs_statements_url). */
/* The ids acknowledged by endpoint, sorted by strcmp (caller frees each and the array). */
SimStatus store_lrs_known(Store *st, const char *endpoint, char ***ids, size_t *n, SimError *err);
/* Records n acknowledgements in one transaction; conflict 1: the LRS holds another version
 * (409). Recording one again is harmless. */
SimStatus store_lrs_record(Store *st, const char *endpoint, const char *const *ids,
                           const char *const *attempts, size_t n, int conflict, SimError *err);
/* How many statements endpoint acknowledged: sent and conflicts (either may be NULL). */
void store_lrs_counts(Store *st, const char *endpoint, long long *sent, long long *conflicts);

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
