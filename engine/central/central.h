/*
 * central.h — the region's centre: a PostgreSQL database every office syncs its results to.
 *
 * Owns: the connection (libpq enters the program only here), the centre's schema (versioned in
 * mfc.meta, created and migrated in code from schema.sql), offices and their roles,
 * enrolment of installations, the roster, the intake of journal entries, the audit of every
 * installation's chain without its secret, and the published scenario packs with the version
 * each installation reports (schema 2, issue #13).
 * The centre never trusts a PC: it recomputes the public hash chain of what it receives, keeps
 * what it already has when a PC sends something else under the same number, and records gaps,
 * rollbacks and changed records in mfc.audit, naming the office and the record.
 * Depends on: core, crypto (signatures, hashes), store (the journal entries and trainees it
 * carries).
 */
#ifndef SIM_CENTRAL_H
#define SIM_CENTRAL_H

#include "../core/core.h"
#include "../crypto/crypto.h"
#include "../store/report.h"
#include "../store/store.h"

/* 2: scenario packs; 3: mfc.lrs_sent (issue #13); 4: the region report's summaries (#12) */
#define CENTRAL_SCHEMA_VERSION 5

typedef struct Central Central;

/* Opens libpq when it is not open yet: the program does not link it (see core/dl.h), and
 * central_connect opens it itself; the window asks first to tell a missing library from a
 * centre that does not answer. SIM_OK, or SIM_ERR_IO naming the library and the package. */
SimStatus central_library(SimError *err);

/* Connects (timeout 10 s unless the string sets connect_timeout). Messages never show a
 * password. Caller frees with central_close. */
SimStatus central_connect(const char *conninfo, Central **out, SimError *err);
void central_close(Central *c);

/* Creates the group roles mfc_office and mfc_manager when missing, and creates or upgrades the
 * schema in one transaction. Needs the centre's owner role. */
SimStatus central_init(Central *c, SimError *err);
/* The schema version (0 when none). */
int central_schema_version(Central *c);
/* Adds (or updates) an office and maps a login role to it (the role must exist); the role is
 * granted mfc_office. role may be NULL. */
SimStatus central_add_office(Central *c, const char *code, const char *region, const char *name,
                             const char *role, SimError *err);

/* Registers an installation's public key with its office; sending the same again is fine, a
 * different key or office for the same id is refused. */
SimStatus central_enrol(Central *c, const char *installation, const char *office,
                        const char *public_key_hex, const char *host, SimError *err);

/* Adds or updates roster rows (office, personnel number, names), one transaction. */
SimStatus central_roster_import(Central *c, const Trainee *rows, size_t n, SimError *err);
/* The roster of one office (caller frees *out). */
SimStatus central_roster_fetch(Central *c, const char *office, Trainee **out, size_t *n,
                               SimError *err);

typedef struct CentralStatus {
    long long last_n;   /* the last journal entry the centre accepted */
    char last_hash[65]; /* the public hash chain there */
    long long findings; /* audit findings recorded for the installation */
    char office[40];    /* the office it is enrolled with */
} CentralStatus;
SimStatus central_status(Central *c, const char *installation, CentralStatus *out, SimError *err);
/* The public key the installation was enrolled with (needs a manager's or the owner's role);
 * returns 1 and fills out (SEC_PUB_HEX + 1) when found. */
int central_public_key(Central *c, const char *installation, char *out, SimError *err);

typedef struct CentralHead {
    long long n;
    char hash[65];
    char sig[SEC_SIG_HEX + 1];
    const char *via; /* "sync" or "bundle" */
} CentralHead;
/* Sends entries, trainee profiles and the signed head in ONE transaction: all or nothing. */
SimStatus central_submit(Central *c, const char *installation, const SyncEntry *e, size_t n,
                         const Trainee *profiles, size_t np, const CentralHead *head,
                         SimError *err);
/* Records a finding the PC made itself (its own verify), in its own transaction. */
SimStatus central_report(Central *c, const char *installation, const char *kind, long long n,
                         const char *attempt, const char *detail, SimError *err);
/* The message a signed head covers. */
void central_head_message(SimBuf *b, const char *installation, long long n, const char *hash);

/* ---- audit (verify --central) ----------------------------------------------------------- */
typedef struct CentralFinding {
    char office[40], installation[40], kind[16], attempt[40];
    long long n;
    char detail[512];
} CentralFinding;
typedef struct CentralVerify {
    size_t installations, entries, heads;
    CentralFinding *items; /* owned */
    size_t count, cap;
} CentralVerify;
/* Checks every installation (of office, when not NULL): numbering from 1 without gaps, the
 * public hash chain, every record against its digest, every signed head, and lists what the
 * intake recorded. SIM_OK means the check ran. Free with central_verify_free. */
SimStatus central_verify(Central *c, const char *office, CentralVerify *out, SimError *err);
void central_verify_free(CentralVerify *v);

/* ---- region reports --------------------------------------------------------------------- */
typedef struct CentralOfficeRow {
    char office[40], region[80];
    long long attempts, finished, passed, sum_total, trainees;
    char weakest[80]; /* the criterion with the lowest share, "" when none */
    double weakest_ratio;
} CentralOfficeRow;
/* Per-office figures from the running summaries (no scan of attempts). */
SimStatus central_office_table(Central *c, const char *office, CentralOfficeRow **out, size_t *n,
                               SimError *err);
/* Rebuilds the attempts matching the filter inside dst (an empty results database), record by
 * record from their journal entries, with trainees as the region knows them (office, number):
 * the local report over dst then gives the region's figures. Filters may be NULL; since and
 * until are days (YYYY-MM-DD, both inclusive) matched on started_at through the attempts'
 * indexes (office, started_at) and (started_at). Cost: linear in the matching attempts'
 * journal entries. */
typedef struct CentralFilter {
    const char *office, *trainee, *scenario, *since, *until;
    int with_actions; /* 1: also every action (xAPI needs them; a report does not) */
} CentralFilter;
SimStatus central_load_attempts(Central *c, const CentralFilter *f, Store *dst, size_t *loaded,
                                SimError *err);

/* The region's report (the figures of report.h) from the centre's running summaries (schema
 * step 4), through report.h's ReportBuilder, in one read-only snapshot. Handles f->office and
 * f->scenario (f->trainee, since and until must be NULL: those reports are rebuilt from the
 * attempts, central_load_attempts: cost linear in the matching attempts' journal entries).
 * Cost here: summary rows, never the attempts — per office about trainees × (1 + criteria)
 * + scenarios × (criteria + mistakes + buckets) + days rows (under --scenario: the trainees'
 * rows of that scenario, through the keys that start with it); the whole region that over
 * every office, added up by GROUP BY at the centre (trainees' rows are not added up: each
 * trainee has one office). At 100,000 trainees the trainees' 600,000 criterion rows are the
 * largest part.
 * SIM_ERR_STATE when the centre has no schema step 4 yet (run `central init`). Caller frees
 * *out with report_free. */
SimStatus central_report_build(Central *c, const CentralFilter *f, Report **out, SimError *err);

/* ---- the window's manager area over the region (issue #12) ------------------------------- */
typedef struct CentralTraineeRow { /* a trainee of the region with results */
    char office[40], personnel[64], surname[128], name[128], patronymic[128];
    long long attempts, finished, passed, sum_total; /* from mfc.sum_trainee */
} CentralTraineeRow;
typedef struct CentralScenarioRow { /* one office's figures for one scenario */
    char office[40], scenario[80];
    long long attempts, finished, passed, sum_total; /* from mfc.sum_scenario */
} CentralScenarioRow;
typedef struct CentralRegion {
    CentralOfficeRow *offices; /* every office, by code (owned) */
    size_t office_count;
    CentralTraineeRow *trainees; /* by surname, name, personnel number, office (owned) */
    size_t trainee_count;
    long long trainees_withheld;   /* > 0: the region has about this many trainees, over
                                      max_trainees: none were read (choose an office) */
    CentralScenarioRow *scenarios; /* by office, scenario (owned) */
    size_t scenario_count;
} CentralRegion;
/* Connects with a connect_timeout of timeout_s seconds (a window must not wait long) and reads
 * the region's running summaries (never the attempts) in one read-only snapshot, each
 * statement bounded by the same timeout: every office, every office's scenarios, and the
 * trainees of office (NULL: of every office, unless there are more than max_trainees, when
 * only their number is read). Needs a manager's or the owner's role. SIM_ERR_IO when the
 * centre cannot be reached, SIM_ERR_INVALID when it refused (e.g. an office's role).
 * Free with central_region_free. */
SimStatus central_region_fetch(const char *conninfo, int timeout_s, const char *office,
                               size_t max_trainees, CentralRegion *out, SimError *err);
void central_region_free(CentralRegion *r);

/* ---- scenario packs (issue #13, schema 2) ---------------------------------------------- */
typedef struct CentralPack {
    long long id; /* publication order: the highest is the newest */
    char name[48], version[48], hash[65], key_id[17], built[32], published_at[40];
    long long size;
    char *changelog; /* owned */
} CentralPack;
void central_pack_free(CentralPack *p);
/* Stores a pack file's bytes with its metadata (the schema owner's role). Publishing the same
 * version with the same hash again is fine (*again = 1); another hash under a published
 * version is refused. */
SimStatus central_pack_publish(Central *c, const CentralPack *meta, const void *data, size_t len,
                               int *again, SimError *err);
/* Every published pack, oldest first, without their bytes (caller frees each with
 * central_pack_free and the array with free). */
SimStatus central_pack_list(Central *c, CentralPack **out, size_t *n, SimError *err);
/* The newest published pack's metadata: 1 when there is one, 0 when none (or the centre has
 * no schema 2 yet), -1 on error. */
int central_pack_newest(Central *c, CentralPack *out, SimError *err);
/* The bytes of the pack published under id (caller frees *data). */
SimStatus central_pack_fetch(Central *c, long long id, unsigned char **data, size_t *len,
                             SimError *err);
/* Records that an installation runs this pack version (its own office's role suffices). */
SimStatus central_pack_report(Central *c, const char *installation, const char *version,
                              const char *hash, SimError *err);
typedef struct CentralPackInstall {
    char office[40], installation[40], version[48], reported_at[40];
} CentralPackInstall;
/* Which version each installation reported, by office (a manager's or the owner's role). */
SimStatus central_pack_installs(Central *c, CentralPackInstall **out, size_t *n, SimError *err);

/* ---- what an LRS acknowledged (lrs push --central, issue #13; schema step 2) ------------- */
typedef struct CentralOrigin {
    char attempt[40], office[40], installation[40];
} CentralOrigin;
/* Where each matching attempt was made, sorted by attempt id (strcmp order). Caller frees
 * *out. */
SimStatus central_attempt_origins(Central *c, const CentralFilter *f, CentralOrigin **out,
                                  size_t *n, SimError *err);
/* The statement ids endpoint acknowledged, sorted by strcmp (caller frees each and the
 * array). */
SimStatus central_lrs_known(Central *c, const char *endpoint, char ***ids, size_t *n,
                            SimError *err);
/* Records n acknowledgements in one statement; conflict 1: the LRS held another version. */
SimStatus central_lrs_record(Central *c, const char *endpoint, const char *const *ids,
                             const char *const *attempts, size_t n, int conflict, SimError *err);
void central_lrs_counts(Central *c, const char *endpoint, long long *sent, long long *conflicts);

#endif /* SIM_CENTRAL_H */
