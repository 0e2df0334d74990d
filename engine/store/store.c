/*
 * store.c — the SQLite results store (see store.h).
 *
 * Settings follow the reliability anchors: WAL with synchronous=FULL (a committed result
 * survives power loss), foreign keys on, trusted_schema off, a busy timeout, an
 * application_id that marks the file as ours, quick_check on open.
 */
#include "store.h"
#include "store_internal.h"

#include "../core/i18n.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#define STORE_APP_ID 0x4D464354 /* "MFCT" */


static SimStatus db_error(Store *st, SimError *err, const char *what)
{
    return sim_error_set(err, SIM_ERR_IO, TRF(STR_STORE_DB_ERROR), what,
                         st && st->db ? sqlite3_errmsg(st->db) : "?");
}

static int exec(Store *st, const char *sql)
{
    return sqlite3_exec(st->db, sql, NULL, NULL, NULL) == SQLITE_OK;
}

/* The SQL below is laid out by hand, one clause per line (clang-format would cut its literals
 * apart and join them across macro arguments). */
/* clang-format off */
/* ---- running summaries (schema 3) -------------------------------------------------------
 * The manager's tables and the report over everything read these few rows instead of every
 * attempt (a million attempts: milliseconds instead of seconds). They are kept up to date in
 * the same transaction that records an attempt's start and end, and can be rebuilt from the
 * detailed tables (migration, bulk imports). Only attempts of trainee profiles count, as in
 * the reports; "finished" means finished = 1 with a total. */
#define SUM_TABLES                                                                                 \
    "CREATE TABLE sum_trainee (trainee_id INTEGER PRIMARY KEY,"                                    \
    "  attempts INTEGER NOT NULL DEFAULT 0, unfinished INTEGER NOT NULL DEFAULT 0,"                \
    "  passed INTEGER NOT NULL DEFAULT 0, exams INTEGER NOT NULL DEFAULT 0,"                       \
    "  exams_passed INTEGER NOT NULL DEFAULT 0, sum_total INTEGER NOT NULL DEFAULT 0,"             \
    "  first_at TEXT, last_at TEXT);"                                                              \
    "CREATE TABLE sum_scenario (scenario_id TEXT PRIMARY KEY,"                                     \
    "  attempts INTEGER NOT NULL DEFAULT 0, unfinished INTEGER NOT NULL DEFAULT 0,"                \
    "  passed INTEGER NOT NULL DEFAULT 0, exams INTEGER NOT NULL DEFAULT 0,"                       \
    "  exams_passed INTEGER NOT NULL DEFAULT 0, sum_total INTEGER NOT NULL DEFAULT 0);"            \
    "CREATE TABLE sum_criterion (scope TEXT NOT NULL, owner TEXT NOT NULL,"                        \
    "  criterion TEXT NOT NULL, n INTEGER NOT NULL, score_sum INTEGER NOT NULL,"                   \
    "  max_sum INTEGER NOT NULL, ratio_sum REAL NOT NULL, min_pos INTEGER NOT NULL,"               \
    "  title TEXT, last_rid INTEGER, PRIMARY KEY (scope, owner, criterion)) WITHOUT ROWID;"        \
    "CREATE TABLE sum_mistake (scenario_id TEXT NOT NULL, action_id TEXT NOT NULL,"                \
    "  count INTEGER NOT NULL, critical INTEGER NOT NULL, ts TEXT, kind TEXT, criterion TEXT,"     \
    "  feedback TEXT, rule_id TEXT, rule TEXT,"                                                    \
    "  PRIMARY KEY (scenario_id, action_id)) WITHOUT ROWID;"                                       \
    "CREATE TABLE sum_day (day TEXT PRIMARY KEY, attempts INTEGER NOT NULL,"                       \
    "  passed INTEGER NOT NULL, sum_total INTEGER NOT NULL);"                                      \
    "CREATE TABLE sum_hist (bucket INTEGER PRIMARY KEY, n INTEGER NOT NULL);"

/* A trainee attempt with its flags: f finished, e exam, p passed, t total clamped to 0..100. */
#define SUM_ATTEMPTS(cond)                                                                         \
    "(SELECT rowid AS rid, id, trainee_id, scenario_id, started_at,"                               \
    " (finished = 1 AND total IS NOT NULL) AS f, (mode = 'exam') AS e,"                            \
    " (coalesce(passed, 0) <> 0) AS p, max(0, min(100, coalesce(total, 0))) AS t"                  \
    " FROM attempts WHERE EXISTS (SELECT 1 FROM trainees WHERE trainees.id = attempts.trainee_id)" cond ")"
#define SUM_FIN(cond) SUM_ATTEMPTS(" AND finished = 1 AND total IS NOT NULL" cond)

/* A new attempt (bound :a) counts as unfinished until it finishes. */
#define SUM_BEGIN                                                                                  \
    "INSERT INTO sum_trainee(trainee_id, unfinished, first_at, last_at)"                           \
    " SELECT trainee_id, 1, started_at, started_at FROM " SUM_ATTEMPTS(" AND id = :a")             \
    " WHERE 1 ON CONFLICT(trainee_id) DO UPDATE SET unfinished = unfinished + 1,"                  \
    " first_at = min(coalesce(first_at, excluded.first_at), excluded.first_at),"                   \
    " last_at = max(coalesce(last_at, ''), excluded.last_at);",                                     \
    "INSERT INTO sum_scenario(scenario_id, unfinished)"                                            \
    " SELECT scenario_id, 1 FROM " SUM_ATTEMPTS(" AND id = :a")                                    \
    " WHERE 1 ON CONFLICT(scenario_id) DO UPDATE SET unfinished = unfinished + 1;",

/* An attempt (bound :a) that has just become finished: every summary takes it in. */
#define SUM_FINISH                                                                                 \
    "INSERT INTO sum_trainee SELECT trainee_id, 1, 0, p, e, e * p, t, started_at, started_at"      \
    " FROM " SUM_FIN(" AND id = :a") " WHERE 1 ON CONFLICT(trainee_id) DO UPDATE SET"              \
    " attempts = attempts + 1, unfinished = max(unfinished - 1, 0),"                               \
    " passed = passed + excluded.passed, exams = exams + excluded.exams,"                          \
    " exams_passed = exams_passed + excluded.exams_passed,"                                        \
    " sum_total = sum_total + excluded.sum_total,"                                                 \
    " first_at = min(coalesce(first_at, excluded.first_at), excluded.first_at),"                   \
    " last_at = max(coalesce(last_at, ''), excluded.last_at);",                                     \
    "INSERT INTO sum_scenario SELECT scenario_id, 1, 0, p, e, e * p, t"                            \
    " FROM " SUM_FIN(" AND id = :a") " WHERE 1 ON CONFLICT(scenario_id) DO UPDATE SET"             \
    " attempts = attempts + 1, unfinished = max(unfinished - 1, 0),"                               \
    " passed = passed + excluded.passed, exams = exams + excluded.exams,"                          \
    " exams_passed = exams_passed + excluded.exams_passed,"                                        \
    " sum_total = sum_total + excluded.sum_total;",                                                 \
    "INSERT INTO sum_criterion SELECT k.scope, k.owner, c.criterion, 1, c.sc, c.max,"              \
    " CAST(c.sc AS REAL) / c.max, c.pos, CASE WHEN k.scope = 't' THEN NULL ELSE c.title END,"      \
    " k.rid FROM (SELECT criterion, title, max, max(0, min(score, max)) AS sc,"                    \
    " row_number() OVER (ORDER BY rowid) - 1 AS pos FROM attempt_criteria"                         \
    " WHERE attempt_id = :a) c, (SELECT '*' AS scope, '' AS owner, rid FROM "                      \
    SUM_FIN(" AND id = :a") " UNION ALL SELECT 's', scenario_id, rid FROM "                        \
    SUM_FIN(" AND id = :a") " UNION ALL SELECT 't', CAST(trainee_id AS TEXT), NULL FROM "          \
    SUM_FIN(" AND id = :a") ") k WHERE c.max > 0"                                                  \
    " ON CONFLICT(scope, owner, criterion) DO UPDATE SET n = n + 1,"                               \
    " score_sum = score_sum + excluded.score_sum, max_sum = max_sum + excluded.max_sum,"           \
    " ratio_sum = ratio_sum + excluded.ratio_sum, min_pos = min(min_pos, excluded.min_pos),"       \
    " title = coalesce(excluded.title, title), last_rid = coalesce(excluded.last_rid, last_rid);",  \
    "INSERT INTO sum_mistake SELECT a.scenario_id, m.action_id, 1, m.crit, a.started_at, m.kind,"  \
    " m.criterion, m.feedback, m.rule_id, m.rule FROM " SUM_FIN(" AND id = :a") " a,"              \
    " (SELECT action_id, kind, criterion, feedback, rule_id, rule,"                                \
    " row_number() OVER (PARTITION BY action_id ORDER BY seq) AS rn,"                              \
    " max(kind = 'critical') OVER (PARTITION BY action_id) AS crit"                                \
    " FROM attempt_mistakes WHERE attempt_id = :a) m WHERE m.rn = 1"                               \
    " ON CONFLICT(scenario_id, action_id) DO UPDATE SET count = count + 1,"                        \
    " critical = critical + excluded.critical,"                                                    \
    " kind = CASE WHEN excluded.ts >= ts THEN excluded.kind ELSE kind END,"                        \
    " criterion = CASE WHEN excluded.ts >= ts THEN excluded.criterion ELSE criterion END,"         \
    " feedback = CASE WHEN excluded.ts >= ts THEN excluded.feedback ELSE feedback END,"            \
    " rule_id = CASE WHEN excluded.ts >= ts THEN excluded.rule_id ELSE rule_id END,"               \
    " rule = CASE WHEN excluded.ts >= ts THEN excluded.rule ELSE rule END,"                        \
    " ts = max(ts, excluded.ts);",                                                                  \
    "INSERT INTO sum_day SELECT substr(started_at, 1, 10), 1, p, t FROM " SUM_FIN(" AND id = :a")  \
    " WHERE 1 ON CONFLICT(day) DO UPDATE SET attempts = attempts + 1,"                             \
    " passed = passed + excluded.passed, sum_total = sum_total + excluded.sum_total;",              \
    "INSERT INTO sum_hist SELECT min(9, t / 10), 1 FROM " SUM_FIN(" AND id = :a")                  \
    " WHERE 1 ON CONFLICT(bucket) DO UPDATE SET n = n + 1;",
/* clang-format on */

static int exec_bound1(Store *st, const char *sql, const char *attempt);

/* Runs each statement list entry; :a (when present) is bound to attempt. */
static int exec_bound(Store *st, const char *const *list, const char *attempt)
{
    for (size_t i = 0; list[i]; i++)
        if (!exec_bound1(st, list[i], attempt))
            return 0;
    return 1;
}

static const char *const sum_begin[] = {SUM_BEGIN NULL};
static const char *const sum_finish[] = {SUM_FINISH NULL};

/* Runs every statement of sql with :a bound to attempt. Returns 1 on success. */
static int exec_bound1(Store *st, const char *sql, const char *attempt)
{
    const char *tail = sql;
    while (tail && *tail) {
        sqlite3_stmt *s = NULL;
        if (sqlite3_prepare_v2(st->db, tail, -1, &s, &tail) != SQLITE_OK)
            return 0;
        if (!s) /* trailing whitespace */
            break;
        int i = sqlite3_bind_parameter_index(s, ":a");
        if (i > 0)
            sqlite3_bind_text(s, i, attempt, -1, SQLITE_TRANSIENT);
        int rc = sqlite3_step(s);
        sqlite3_finalize(s);
        if (rc != SQLITE_DONE && rc != SQLITE_ROW)
            return 0;
    }
    return 1;
}

/* Each entry migrates from version i to i+1 inside one transaction, so an interrupted
 * migration leaves the file at the old version; a copy of the file is made first. */
static const char *const migrations[STORE_SCHEMA_VERSION] = {
    /* 0 → 1 */
    "CREATE TABLE trainees ("
    "  id INTEGER PRIMARY KEY,"
    "  surname TEXT NOT NULL, name TEXT NOT NULL,"
    "  personnel_number TEXT NOT NULL UNIQUE,"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')));"
    "CREATE TABLE attempts ("
    "  id TEXT PRIMARY KEY,"
    "  trainee_id INTEGER REFERENCES trainees(id),"
    "  scenario_id TEXT NOT NULL, scenario_version TEXT NOT NULL, scenario_hash TEXT NOT NULL,"
    "  seed TEXT NOT NULL, mode TEXT NOT NULL CHECK (mode IN ('training','exam')),"
    "  started_at TEXT NOT NULL, ended_at TEXT,"
    "  sim_minutes REAL NOT NULL DEFAULT 0, real_seconds REAL,"
    "  finished INTEGER NOT NULL DEFAULT 0, outcome TEXT, total INTEGER, passed INTEGER,"
    "  result_json TEXT);"
    "CREATE INDEX attempts_by_trainee ON attempts(trainee_id, scenario_id);"
    "CREATE TABLE actions ("
    "  attempt_id TEXT NOT NULL REFERENCES attempts(id),"
    "  seq INTEGER NOT NULL, action_id TEXT NOT NULL,"
    "  at TEXT NOT NULL, sim_minutes REAL NOT NULL, points_json TEXT NOT NULL,"
    "  PRIMARY KEY (attempt_id, seq));"
    "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
    /* 1 → 2: per-criterion results and mistakes as rows, for reports in SQL */
    "ALTER TABLE attempts ADD COLUMN scenario_title TEXT;"
    "CREATE TABLE attempt_criteria ("
    "  attempt_id TEXT NOT NULL REFERENCES attempts(id),"
    "  criterion TEXT NOT NULL, title TEXT NOT NULL, weight INTEGER NOT NULL,"
    "  score INTEGER NOT NULL, max INTEGER NOT NULL,"
    "  PRIMARY KEY (attempt_id, criterion));"
    "CREATE TABLE attempt_mistakes ("
    "  attempt_id TEXT NOT NULL REFERENCES attempts(id),"
    "  seq INTEGER NOT NULL, action_id TEXT NOT NULL,"
    "  kind TEXT NOT NULL CHECK (kind IN ('points','critical','missed','time')),"
    "  criterion TEXT, points INTEGER NOT NULL, feedback TEXT NOT NULL,"
    "  rule_id TEXT, rule TEXT,"
    "  PRIMARY KEY (attempt_id, seq));"
    "CREATE INDEX attempts_by_scenario ON attempts(scenario_id, started_at);"
    "CREATE INDEX attempts_by_time ON attempts(started_at);"
    "CREATE INDEX mistakes_by_action ON attempt_mistakes(action_id);",
    /* 2 → 3: running summaries for the unfiltered report and the manager area */
    SUM_TABLES,
    /* 3 → 4: tamper evidence — the pack each attempt was played from, and the MAC-chained
     * journal of every record (chain.c); existing rows are sealed by chain_seal_existing. */
    "ALTER TABLE attempts ADD COLUMN pack_hash TEXT;"
    "ALTER TABLE attempts ADD COLUMN pack_state TEXT;"
    "ALTER TABLE attempts ADD COLUMN pack_key TEXT;"
    "CREATE TABLE chain ("
    "  n INTEGER PRIMARY KEY,"
    "  kind TEXT NOT NULL CHECK (kind IN ('attempt','action','finish')),"
    "  attempt_id TEXT NOT NULL, seq INTEGER NOT NULL DEFAULT 0,"
    "  digest TEXT NOT NULL, mac TEXT NOT NULL);"
    "CREATE INDEX chain_by_attempt ON chain(attempt_id, kind, seq);",
    /* 4 → 5: who an attempt belongs to is journalled too (kind 'identity': the trainee's id,
     * personnel number and name); SQLite cannot widen a CHECK, so the table is rebuilt with
     * every entry kept as it was. Existing attempts are sealed by chain_seal_identities. */
    "CREATE TABLE chain5 ("
    "  n INTEGER PRIMARY KEY,"
    "  kind TEXT NOT NULL CHECK (kind IN ('attempt','action','finish','identity')),"
    "  attempt_id TEXT NOT NULL, seq INTEGER NOT NULL DEFAULT 0,"
    "  digest TEXT NOT NULL, mac TEXT NOT NULL);"
    "INSERT INTO chain5 SELECT n, kind, attempt_id, seq, digest, mac FROM chain;"
    "DROP TABLE chain;"
    "ALTER TABLE chain5 RENAME TO chain;"
    "CREATE INDEX chain_by_attempt ON chain(attempt_id, kind, seq);",
    /* 5 → 6: a trainee has a patronymic and an office, and a personnel number is unique
     * within an office, not the PC, so a region's offices can each have their «1001» (issue
     * #12). SQLite cannot drop a UNIQUE constraint: the table is rebuilt with every id kept,
     * which keeps the journal's identity entries (id, number, surname, name) verifying. The
     * caller turns foreign keys off around this rebuild and checks them before commit. */
    "CREATE TABLE trainees6 ("
    "  id INTEGER PRIMARY KEY,"
    "  surname TEXT NOT NULL, name TEXT NOT NULL,"
    "  personnel_number TEXT NOT NULL,"
    "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  patronymic TEXT NOT NULL DEFAULT '', office TEXT NOT NULL DEFAULT '',"
    "  UNIQUE (office, personnel_number));"
    "INSERT INTO trainees6(id, surname, name, personnel_number, created_at)"
    "  SELECT id, surname, name, personnel_number, created_at FROM trainees;"
    "DROP TABLE trainees;"
    "ALTER TABLE trainees6 RENAME TO trainees;",
    /* 6 → 7: the version of the installed scenario pack an attempt was played from (issue
     * #13); NULL for attempts from a build tree or before this schema. */
    "ALTER TABLE attempts ADD COLUMN pack_version TEXT;",
    /* 7 → 8: what a Learning Record Store acknowledged (`lrs push`, issue #13), per LRS
     * (its statements URL), so no statement is ever sent to it twice as a new one. IF NOT
     * EXISTS: a file whose version number was set back by hand (the tamper tests do that)
     * still has the table, and the step must not fail on it. */
    "CREATE TABLE IF NOT EXISTS lrs_sent ("
    "  endpoint TEXT NOT NULL, statement_id TEXT NOT NULL, attempt_id TEXT NOT NULL,"
    "  status TEXT NOT NULL CHECK (status IN ('sent','conflict')),"
    "  acked_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),"
    "  PRIMARY KEY (endpoint, statement_id)) WITHOUT ROWID;",
};

/* Copies the database file before a migration (the original stays untouched on failure). */
static void backup_before_migration(Store *st, const char *path, int from)
{
    if (strcmp(path, ":memory:") == 0)
        return;
    char sql[1200];
    char *q = sqlite3_mprintf("%s.v%d.bak", path, from);
    snprintf(sql, sizeof sql, "VACUUM INTO '%s'", q);
    sqlite3_free(q);
    exec(st, sql);
}

static void now_iso(char *out, size_t n)
{
    time_t t = time(NULL);
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

static int pragma_int(Store *st, const char *sql)
{
    sqlite3_stmt *s;
    int v = -1;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) == SQLITE_OK && sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int(s, 0);
    sqlite3_finalize(s);
    return v;
}

/* 1 when a session marked the file open and never closed it (or nothing says either way). */
static int unclean_shutdown(Store *st)
{
    sqlite3_stmt *s;
    int unclean = 1;
    if (sqlite3_prepare_v2(st->db, "SELECT value FROM settings WHERE key = 'mfc.session_open'", -1,
                           &s, NULL) == SQLITE_OK) {
        if (sqlite3_step(s) == SQLITE_ROW) {
            const unsigned char *v = sqlite3_column_text(s, 0);
            unclean = !v || strcmp((const char *)v, "0") != 0;
        }
        sqlite3_finalize(s);
    }
    return unclean;
}

static int quick_check_ok(Store *st)
{
    sqlite3_stmt *s;
    int ok = 0;
    if (sqlite3_prepare_v2(st->db, "PRAGMA quick_check", -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW) {
        const unsigned char *t = sqlite3_column_text(s, 0);
        ok = t && strcmp((const char *)t, "ok") == 0;
    }
    sqlite3_finalize(s);
    return ok;
}

char *store_key_path(const char *db_path)
{
    const char *slash = strrchr(db_path, '/');
    const char *base = slash ? slash + 1 : db_path;
    if (strcmp(base, "results.db") != 0) {
        SimBuf b;
        simbuf_init(&b);
        simbuf_printf(&b, "%s.key", db_path);
        return simbuf_take(&b);
    }
    if (!slash)
        return sim_strdup("install.key");
    char *dir = sim_strndup(db_path, (size_t)(slash - db_path));
    char *p = dir ? sim_path_join(*dir ? dir : "/", "install.key") : NULL;
    free(dir);
    return p;
}

/* Why a database cannot be written, if it cannot: 2 when its disk is mounted read-only (no
 * rights will help), 1 when the file, or the folder of a file not there yet, may not be
 * written, 0 when neither is known. */
static int unwritable(const char *path)
{
    int there = sim_exists(path);
    const char *slash = strrchr(path, '/');
    char *dir = slash ? sim_strndup(path, (size_t)(slash - path)) : sim_strdup(".");
    const char *place = there ? path : dir && *dir ? dir : "/";
    struct statvfs fs;
    int why = 0;
    if (dir && statvfs(place, &fs) == 0 && (fs.f_flag & ST_RDONLY))
        why = 2;
    else if (dir && access(place, W_OK) != 0 && (errno == EACCES || errno == EROFS))
        why = errno == EROFS ? 2 : 1;
    free(dir);
    return why;
}

/* A database that cannot be written is said to be so, not a foreign or damaged file (a WAL
 * database on a read-only disk cannot even be read without its -shm file; issue #16). */
static SimStatus readonly_error(const char *path, int why, SimError *err)
{
    return sim_error_set(err, SIM_ERR_IO,
                         tr(why == 2 ? STR_STORE_READONLY_FS : STR_STORE_READONLY_FILE), path);
}

SimStatus store_open(const char *path, Store **out, SimError *err)
{
    return store_open_keyed(path, NULL, out, err);
}

/* Creates or upgrades the schema in one write transaction, so no other process ever sees a
 * half-made database, and reads the version again under the lock: several processes may
 * open a new database at once, and only the first creates it (they once failed 20 times in
 * 50; issue #16). kp is the secret's file (NULL for an in-memory database); when *have_key
 * is 0 the secret is made here, under the lock, with the seal it protects. */
static SimStatus migrate(Store *st, const char *path, const char *kp, int *have_key, SimError *err)
{
    if (!exec(st, "BEGIN IMMEDIATE"))
        return db_error(st, err, tr(STR_STORE_UPGRADE_FAILED));
    int now = pragma_int(st, "PRAGMA user_version");
    if (now >= STORE_SCHEMA_VERSION) {
        exec(st, "COMMIT");
        return SIM_OK;
    }
    if (now < 0) {
        exec(st, "ROLLBACK");
        return db_error(st, err, tr(STR_STORE_VERSION_UNREADABLE));
    }
    if (now == 0 && pragma_int(st, "SELECT count(*) FROM sqlite_master") > 0) {
        /* Not created by us and not empty: never add our tables to someone's file. */
        exec(st, "ROLLBACK");
        return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_STORE_FOREIGN_TABLES), path);
    }
    /* A secret is made only here, under this lock, in the same transaction that seals the
     * database (schema 4). So a database below schema 4 beside a secret has been sealed and
     * then taken back to an older schema — the way to have forged rows sealed afresh (issue
     * #16, finding 2). It is never sealed again. */
    if (now > 0 && now < 4 && kp && sim_exists(kp)) {
        exec(st, "ROLLBACK");
        return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_STORE_DOWNGRADED), path, now, kp);
    }
    /* Past 4 the file itself shows a later schema: identity entries in the journal come with
     * schema 5, the trainee's patronymic with 6. Upgrading such a file again would rebuild the
     * trainees and drop what schema 6 added (issue #16). */
    int seen = pragma_int(st, "SELECT count(*) FROM pragma_table_info('trainees')"
                              " WHERE name = 'patronymic'") > 0
                   ? 6
               : now >= 4 && pragma_int(st, "SELECT count(*) FROM chain"
                                            " WHERE kind = 'identity'") > 0
                   ? 5
                   : 0;
    if (now > 0 && seen > now) {
        exec(st, "ROLLBACK");
        return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_STORE_DOWNGRADED_LATER), path, now,
                             seen);
    }
    if (!*have_key) {
        SimStatus ks = sec_secret_load(kp, st->key, NULL, err);
        if (ks != SIM_OK) {
            exec(st, "ROLLBACK");
            return ks;
        }
        *have_key = 1;
    }
    for (int v = now; v < STORE_SCHEMA_VERSION; v++) {
        char bump[64];
        snprintf(bump, sizeof bump, "PRAGMA user_version=%d", v + 1);
        SimError rerr;
        if (!exec(st, migrations[v]) || (v + 1 == 3 && summary_rebuild(st, &rerr) != SIM_OK) ||
            (v + 1 == 4 && !chain_seal_existing(st)) ||
            (v + 1 == 5 && !chain_seal_identities(st)) ||
            (v + 1 == 6 && pragma_int(st, "SELECT count(*) FROM pragma_foreign_key_check") != 0) ||
            (v == 0 && !exec(st, "PRAGMA application_id=1296450388")) || !exec(st, bump)) {
            db_error(st, err,
                     now == 0 ? tr(STR_STORE_CREATE_FAILED) : tr(STR_STORE_UPGRADE_FAILED));
            exec(st, "ROLLBACK");
            return SIM_ERR_IO;
        }
    }
    if (!exec(st, "COMMIT")) {
        db_error(st, err, now == 0 ? tr(STR_STORE_CREATE_FAILED) : tr(STR_STORE_UPGRADE_FAILED));
        exec(st, "ROLLBACK");
        return SIM_ERR_IO;
    }
    return SIM_OK;
}

SimStatus store_open_keyed(const char *path, const char *key_path, Store **out, SimError *err)
{
    *out = NULL;
    Store *st = calloc(1, sizeof *st);
    if (!st)
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    int rc = sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
    int why = rc != SQLITE_OK ? unwritable(path) : 0;
    if (why) {
        store_close(st);
        return readonly_error(path, why, err);
    }
    if (rc != SQLITE_OK) {
        sim_error_set(err, SIM_ERR_IO, TRF(STR_STORE_OPEN_FAILED), path,
                      st->db ? sqlite3_errmsg(st->db) : "?");
        store_close(st);
        return SIM_ERR_IO;
    }
    if (sqlite3_db_readonly(st->db, "main") == 1) {
        /* SQLite fell back to reading only: the disk or the rights forbid writing. */
        why = unwritable(path);
        store_close(st);
        return readonly_error(path, why ? why : 1, err);
    }
    sqlite3_busy_timeout(st->db, 5000);
    /* Both header fields are read in one read transaction: read one by one, another process
     * creating the file may commit between them (mark 0, then schema 9), and the file would
     * look like another program's (1 of 10 concurrent first opens, once in ~130). */
    int app = -1, ver = -1;
    if (exec(st, "BEGIN") && pragma_int(st, "SELECT count(*) FROM sqlite_schema") >= 0) {
        app = pragma_int(st, "PRAGMA application_id");
        ver = pragma_int(st, "PRAGMA user_version");
    }
    exec(st, "COMMIT");
    if (app < 0) {
        sim_error_set(err, SIM_ERR_INVALID, TRF(STR_STORE_NOT_OURS), path);
        store_close(st);
        return SIM_ERR_INVALID;
    }
    if ((app != 0 && app != STORE_APP_ID) || (app == 0 && ver > 0)) {
        /* Every database of ours is marked from its first schema on: a numbered schema
         * without our mark is another program's file (issue #16). */
        sim_error_set(err, SIM_ERR_INVALID, TRF(STR_STORE_FOREIGN), path);
        store_close(st);
        return SIM_ERR_INVALID;
    }
    if (ver < 0) {
        sim_error_set(err, SIM_ERR_INVALID, TRF(STR_STORE_BAD_VERSION), path, ver);
        store_close(st);
        return SIM_ERR_INVALID;
    }
    if (ver > STORE_SCHEMA_VERSION) {
        sim_error_set(err, SIM_ERR_INVALID, TRF(STR_STORE_NEWER), path, ver, STORE_SCHEMA_VERSION);
        store_close(st);
        return SIM_ERR_INVALID;
    }
    /* quick_check reads the whole file (seconds for a million attempts), so it runs when the
     * last session did not close cleanly — after a crash or a power cut — rather than on
     * every start. A fresh file needs none. */
    if (ver > 0 && unclean_shutdown(st) && !quick_check_ok(st)) {
        sim_error_set(err, SIM_ERR_INVALID, TRF(STR_STORE_DAMAGED), path);
        store_close(st);
        return SIM_ERR_INVALID;
    }
    /* The installation secret, kept outside the database (an in-memory database gets a
     * throw-away one). It is loaded now when it exists or the schema is current; otherwise it
     * is made below, under the write lock, together with the seal of schema 4. */
    char *kp = NULL;
    int have_key = 0;
    if (strcmp(path, ":memory:") == 0 && !key_path) {
        if (sec_init() != 0) {
            store_close(st);
            return sim_error_set(err, SIM_ERR_STATE, "%s", tr(STR_SODIUM_NOT_READY));
        }
        sec_random(st->key, sizeof st->key);
        have_key = 1;
    } else {
        kp = key_path ? sim_strdup(key_path) : store_key_path(path);
        if (!kp) {
            store_close(st);
            return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
        }
        if (sim_exists(kp) || ver >= STORE_SCHEMA_VERSION) {
            SimStatus ks = sec_secret_load(kp, st->key, NULL, err);
            if (ks != SIM_OK) {
                free(kp);
                store_close(st);
                return ks;
            }
            have_key = 1;
        }
    }
    exec(st, "PRAGMA journal_mode=WAL");
    exec(st, "PRAGMA synchronous=FULL");
    exec(st, "PRAGMA foreign_keys=ON");
    exec(st, "PRAGMA trusted_schema=OFF");
    if (ver > 0 && ver < STORE_SCHEMA_VERSION)
        backup_before_migration(st, path, ver);
    /* The rebuild of a table (schema 6) must not cascade through foreign keys; they are
     * checked in the migration instead. The pragma only takes effect outside a transaction. */
    if (ver < STORE_SCHEMA_VERSION)
        exec(st, "PRAGMA foreign_keys=OFF");
    SimStatus ms = ver < STORE_SCHEMA_VERSION ? migrate(st, path, kp, &have_key, err) : SIM_OK;
    if (ver < STORE_SCHEMA_VERSION)
        exec(st, "PRAGMA foreign_keys=ON");
    if (ms == SIM_OK && !have_key) {
        /* Another process brought the schema up to date meanwhile, secret and all. */
        ms = sec_secret_load(kp, st->key, NULL, err);
    }
    free(kp);
    if (ms != SIM_OK) {
        store_close(st);
        return ms;
    }
    st->marked_open = exec(st, "INSERT INTO settings(key, value) VALUES('mfc.session_open', '1') "
                               "ON CONFLICT(key) DO UPDATE SET value = '1'");
    *out = st;
    return SIM_OK;
}

SimStatus store_open_evidence(const char *path, Store **out, SimError *err)
{
    *out = NULL;
    if (!sim_is_file(path))
        return sim_error_set(err, SIM_ERR_IO, TRF(STR_STORE_NO_FILE), path);
    Store *st = calloc(1, sizeof *st);
    if (!st)
        return sim_error_set(err, SIM_ERR_NOMEM, TRF(STR_NOMEM));
    st->keyless = 1;
    if (sqlite3_open_v2(path, &st->db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK) {
        sim_error_set(err, SIM_ERR_IO, TRF(STR_STORE_CANT_OPEN), path,
                      st->db ? sqlite3_errmsg(st->db) : "?");
        store_close(st);
        return SIM_ERR_IO;
    }
    sqlite3_busy_timeout(st->db, 5000);
    exec(st, "PRAGMA trusted_schema=OFF");
    int app = pragma_int(st, "PRAGMA application_id");
    int ver = pragma_int(st, "PRAGMA user_version");
    if (app != STORE_APP_ID || ver < 4 || ver > STORE_SCHEMA_VERSION) {
        sim_error_set(err, SIM_ERR_INVALID,
                      ver > STORE_SCHEMA_VERSION && app == STORE_APP_ID
                          ? TRF(STR_STORE_NEWER_FILE)
                          : TRF(STR_STORE_NOT_OURS_JOURNAL),
                      path);
        store_close(st);
        return SIM_ERR_INVALID;
    }
    *out = st;
    return SIM_OK;
}

static void pending_close(Store *st);

void store_close(Store *st)
{
    if (!st)
        return;
    /* A last chance for writes that waited; what still fails is lost with the handle (the
     * callers check store_pending first and keep the attempt another way). */
    pending_close(st);
    if (st->marked_open)
        exec(st, "UPDATE settings SET value = '0' WHERE key = 'mfc.session_open'");
    chain_close(st);
    sqlite3_close(st->db);
    memset(st->key, 0, sizeof st->key);
    free(st);
}

char *store_default_path(void)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    SimBuf b;
    simbuf_init(&b);
    if (xdg && *xdg)
        simbuf_printf(&b, "%s/mfc-trainer", xdg);
    else
        simbuf_printf(&b, "%s/.local/share/mfc-trainer", home && *home ? home : ".");
    /* Create each missing level (mkdir -p). */
    char *dir = simbuf_take(&b);
    for (char *p = dir + 1; *p; p++)
        if (*p == '/') {
            *p = '\0';
            mkdir(dir, 0700);
            *p = '/';
        }
    mkdir(dir, 0700);
    char *path = sim_path_join(dir, "results.db");
    free(dir);
    return path;
}

SimStatus store_add_trainee(Store *st, const char *surname, const char *name, const char *personnel,
                            long long *id, SimError *err)
{
    Trainee t = {0};
    snprintf(t.surname, sizeof t.surname, "%s", surname);
    snprintf(t.name, sizeof t.name, "%s", name);
    snprintf(t.personnel, sizeof t.personnel, "%s", personnel);
    return store_add_trainee_full(st, &t, id, err);
}

SimStatus store_add_trainee_full(Store *st, const Trainee *t, long long *id, SimError *err)
{
    sqlite3_stmt *s;
    const char *personnel = t->personnel;
    if (sqlite3_prepare_v2(st->db,
                           "INSERT INTO trainees(surname, name, personnel_number, patronymic,"
                           " office) VALUES(?,?,?,?,?)",
                           -1, &s, NULL) != SQLITE_OK)
        return db_error(st, err, tr(STR_STORE_WHAT_ADD_TRAINEE));
    sqlite3_bind_text(s, 1, t->surname, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, t->name, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, t->personnel, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 4, t->patronymic, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 5, t->office, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc == SQLITE_CONSTRAINT)
        return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_STORE_PERSONNEL_TAKEN), personnel);
    if (rc != SQLITE_DONE)
        return db_error(st, err, tr(STR_STORE_WHAT_ADD_TRAINEE));
    if (id)
        *id = sqlite3_last_insert_rowid(st->db);
    return SIM_OK;
}


static void copy_col(char *dst, size_t n, sqlite3_stmt *s, int col)
{
    const unsigned char *t = sqlite3_column_text(s, col);
    snprintf(dst, n, "%s", t ? (const char *)t : "");
}

/* A row of "SELECT " TRAINEE_COLS " FROM trainees …". */
#define TRAINEE_COLS "id, surname, name, personnel_number, patronymic, office"
static void read_trainee(sqlite3_stmt *s, Trainee *t)
{
    t->id = sqlite3_column_int64(s, 0);
    copy_col(t->surname, sizeof t->surname, s, 1);
    copy_col(t->name, sizeof t->name, s, 2);
    copy_col(t->personnel, sizeof t->personnel, s, 3);
    copy_col(t->patronymic, sizeof t->patronymic, s, 4);
    copy_col(t->office, sizeof t->office, s, 5);
}

int store_find_trainee(Store *st, const char *personnel, Trainee *out)
{
    sqlite3_stmt *s;
    int found = 0;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT " TRAINEE_COLS " FROM trainees "
                           "WHERE personnel_number = ? ORDER BY id LIMIT 1",
                           -1, &s, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(s, 1, personnel, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) == SQLITE_ROW) {
        read_trainee(s, out);
        found = 1;
    }
    sqlite3_finalize(s);
    return found;
}

size_t store_list_trainees(Store *st, Trainee *out, size_t max)
{
    sqlite3_stmt *s;
    size_t n = 0;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT " TRAINEE_COLS " FROM trainees "
                           "ORDER BY surname, name, patronymic",
                           -1, &s, NULL) != SQLITE_OK)
        return 0;
    while (n < max && sqlite3_step(s) == SQLITE_ROW)
        read_trainee(s, &out[n++]);
    sqlite3_finalize(s);
    return n;
}

/* ---- writes that survive a full disk or a read-only database ----------------------------
 * Every write of an attempt (its start, each action, its end) becomes an operation with its
 * own copy of the data and the time it happened. When the database refuses a write for a
 * reason that can pass (disk full, read-only, I/O error, locked), the operation stays in
 * memory in order and is retried before the next write, or on store_flush; nothing recorded
 * is lost while the Store is open. A write that can never succeed (a constraint) is refused
 * and not kept. */

typedef enum OpKind { OP_BEGIN = 0, OP_ACTION, OP_FINISH } OpKind;

typedef struct OpCrit {
    char *id, *title;
    int weight, score, max;
} OpCrit;

typedef struct OpMistake {
    char *action, *criterion, *feedback, *rule_id, *rule;
    const char *kind; /* static */
    int points;
} OpMistake;

struct StoreOp {
    OpKind kind;
    char attempt[40];
    char at[32]; /* when it happened: started_at, the action's time, ended_at */
    /* OP_BEGIN */
    AttemptInfo info;
    /* OP_ACTION */
    int seq;
    char *action, *points;
    double minutes; /* also OP_FINISH */
    /* OP_FINISH */
    char *outcome, *result_json, *title;
    int finished, has_total, total, passed;
    OpCrit *crit;
    size_t ncrit;
    OpMistake *mist;
    size_t nmist;
};

static void op_free(StoreOp *op)
{
    free(op->action);
    free(op->points);
    free(op->outcome);
    free(op->result_json);
    free(op->title);
    for (size_t i = 0; i < op->ncrit; i++) {
        free(op->crit[i].id);
        free(op->crit[i].title);
    }
    free(op->crit);
    for (size_t i = 0; i < op->nmist; i++) {
        free(op->mist[i].action);
        free(op->mist[i].criterion);
        free(op->mist[i].feedback);
        free(op->mist[i].rule_id);
        free(op->mist[i].rule);
    }
    free(op->mist);
    memset(op, 0, sizeof *op);
}

static char *dup_or_null(const char *s)
{
    return s ? sim_strdup(s) : NULL;
}

/* 1 when an error code means the write may succeed later (space freed, permissions back). */
static int transient(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_FULL:
    case SQLITE_READONLY:
    case SQLITE_IOERR:
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
    case SQLITE_CANTOPEN:
    case SQLITE_PROTOCOL:
    case SQLITE_NOMEM:
        return 1;
    default:
        return 0;
    }
}

/* The write of one operation. Returns SQLITE_OK or the SQLite error code (err filled). */
static int write_begin(Store *st, const StoreOp *op, SimError *err)
{
    const AttemptInfo *a = &op->info;
    char seed[32];
    snprintf(seed, sizeof seed, "%llu", (unsigned long long)a->seed);
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "INSERT INTO attempts(id, trainee_id, scenario_id, scenario_version, "
                           "scenario_hash, seed, mode, started_at, pack_hash, pack_state, "
                           "pack_key, pack_version) VALUES(?,?,?,?,?,?,?,?,?,?,?,?)",
                           -1, &s, NULL) != SQLITE_OK) {
        db_error(st, err, tr(STR_STORE_WHAT_BEGIN));
        return sqlite3_errcode(st->db);
    }
    sqlite3_bind_text(s, 1, a->id, -1, SQLITE_TRANSIENT);
    if (a->trainee > 0)
        sqlite3_bind_int64(s, 2, a->trainee);
    else
        sqlite3_bind_null(s, 2);
    sqlite3_bind_text(s, 3, a->scenario, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 4, a->version, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 5, a->hash, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 6, seed, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 7, a->exam ? "exam" : "training", -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 8, op->at, -1, SQLITE_TRANSIENT);
    const char *pack[4] = {a->pack_hash, a->pack_state, a->pack_key, a->pack_version};
    for (int i = 0; i < 4; i++)
        if (pack[i][0])
            sqlite3_bind_text(s, 9 + i, pack[i], -1, SQLITE_TRANSIENT);
    /* The row, its journal entry and its place in the summaries commit together. */
    if (!exec(st, "BEGIN IMMEDIATE")) {
        int rc = sqlite3_errcode(st->db);
        sqlite3_finalize(s);
        db_error(st, err, tr(STR_STORE_WHAT_BEGIN));
        return rc;
    }
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE || !chain_append(st, "attempt", a->id, 0) ||
        !chain_append(st, "identity", a->id, 0) || !exec_bound(st, sum_begin, a->id) ||
        !exec(st, "COMMIT")) {
        rc = sqlite3_errcode(st->db);
        db_error(st, err, tr(STR_STORE_WHAT_BEGIN));
        exec(st, "ROLLBACK");
        return rc ? rc : SQLITE_ERROR;
    }
    return SQLITE_OK;
}

static int write_action(Store *st, const StoreOp *op, SimError *err)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "INSERT INTO actions(attempt_id, seq, action_id, at, sim_minutes, "
                           "points_json) VALUES(?,?,?,?,?,?)",
                           -1, &s, NULL) != SQLITE_OK) {
        db_error(st, err, tr(STR_STORE_WHAT_ACTION));
        return sqlite3_errcode(st->db);
    }
    sqlite3_bind_text(s, 1, op->attempt, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 2, op->seq);
    sqlite3_bind_text(s, 3, op->action, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 4, op->at, -1, SQLITE_TRANSIENT);
    sqlite3_bind_double(s, 5, op->minutes);
    sqlite3_bind_text(s, 6, op->points ? op->points : "[]", -1, SQLITE_TRANSIENT);
    /* The action and its journal entry commit together. */
    if (!exec(st, "BEGIN IMMEDIATE")) {
        int rc = sqlite3_errcode(st->db);
        sqlite3_finalize(s);
        db_error(st, err, tr(STR_STORE_WHAT_ACTION));
        return rc ? rc : SQLITE_ERROR;
    }
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    if (rc == SQLITE_DONE && chain_append(st, "action", op->attempt, op->seq) && exec(st, "COMMIT"))
        return SQLITE_OK;
    rc = sqlite3_errcode(st->db);
    db_error(st, err, tr(STR_STORE_WHAT_ACTION));
    exec(st, "ROLLBACK");
    return rc ? rc : SQLITE_ERROR;
}

static int write_finish(Store *st, const StoreOp *op, SimError *err);

static int write_op(Store *st, const StoreOp *op, SimError *err)
{
    switch (op->kind) {
    case OP_BEGIN:
        return write_begin(st, op, err);
    case OP_ACTION:
        return write_action(st, op, err);
    case OP_FINISH:
        return write_finish(st, op, err);
    }
    return SQLITE_MISUSE;
}

/* Writes the waiting operations in order; stops at the first that still fails. */
static SimStatus flush_pending(Store *st, SimError *err)
{
    size_t done = 0;
    SimStatus status = SIM_OK;
    while (done < st->npending) {
        int rc = write_op(st, &st->pending[done], err);
        if (rc != SQLITE_OK && transient(rc)) {
            status = SIM_ERR_IO;
            break;
        }
        /* Written, or refused for good (it never will be): either way it leaves the queue. */
        op_free(&st->pending[done]);
        done++;
        if (rc != SQLITE_OK)
            status = SIM_ERR_IO;
    }
    if (done > 0) {
        memmove(st->pending, st->pending + done, (st->npending - done) * sizeof *st->pending);
        st->npending -= done;
    }
    return status;
}

/* Writes op now, or keeps it (taking over its data) when the database cannot take it yet. */
static SimStatus submit(Store *st, StoreOp *op, SimError *err)
{
    if (st->npending == 0) {
        int rc = write_op(st, op, err);
        if (rc == SQLITE_OK || !transient(rc)) {
            op_free(op);
            return rc == SQLITE_OK ? SIM_OK : SIM_ERR_IO;
        }
    }
    if (st->npending == st->cap) {
        size_t cap = st->cap ? st->cap * 2 : 16;
        StoreOp *p = realloc(st->pending, cap * sizeof *p);
        if (!p) {
            op_free(op);
            return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
        }
        st->pending = p;
        st->cap = cap;
    }
    st->pending[st->npending++] = *op;
    memset(op, 0, sizeof *op);
    SimError e;
    if (flush_pending(st, &e) == SIM_OK)
        return SIM_OK;
    return sim_error_set(err, SIM_ERR_IO, TRF(STR_STORE_PENDING), e.msg, st->npending);
}

static void pending_close(Store *st)
{
    SimError e;
    flush_pending(st, &e);
    for (size_t i = 0; i < st->npending; i++)
        op_free(&st->pending[i]);
    free(st->pending);
    st->pending = NULL;
    st->npending = st->cap = 0;
}

void store_simulate_read_only(Store *st, int on)
{
    exec(st, on ? "PRAGMA query_only = 1" : "PRAGMA query_only = 0");
}

size_t store_pending(const Store *st)
{
    return st ? st->npending : 0;
}

SimStatus store_flush(Store *st, SimError *err)
{
    if (!st || st->npending == 0)
        return SIM_OK;
    SimError e;
    if (flush_pending(st, &e) == SIM_OK)
        return SIM_OK;
    if (st->npending == 0)
        return sim_error_set(err, SIM_ERR_IO, "%s", e.msg);
    return sim_error_set(err, SIM_ERR_IO, TRF(STR_STORE_PENDING), e.msg, st->npending);
}

SimStatus store_begin_attempt(Store *st, AttemptInfo *a, SimError *err)
{
    /* A random (version 4) UUID, made before the first write so a retry never duplicates.
     * The bytes come from the system's generator (libsodium): two processes started in the
     * same second used to draw the same id from a clock-seeded generator (seen under ASan,
     * where heap addresses repeat), and the second attempt could not be stored. */
    unsigned char u[16];
    sec_random(u, sizeof u);
    u[6] = (unsigned char)((u[6] & 0x0F) | 0x40);
    u[8] = (unsigned char)((u[8] & 0x3F) | 0x80);
    snprintf(a->id, sizeof a->id,
             "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", u[0], u[1],
             u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12], u[13], u[14],
             u[15]);
    StoreOp op;
    memset(&op, 0, sizeof op);
    op.kind = OP_BEGIN;
    op.info = *a;
    snprintf(op.attempt, sizeof op.attempt, "%s", a->id);
    now_iso(op.at, sizeof op.at);
    return submit(st, &op, err);
}

SimStatus store_rebuild_summary(Store *st, SimError *err)
{
    SimError rerr;
    if (!exec(st, "BEGIN IMMEDIATE") || summary_rebuild(st, &rerr) != SIM_OK ||
        !exec(st, "COMMIT")) {
        db_error(st, err, tr(STR_STORE_WHAT_SUMMARIES));
        exec(st, "ROLLBACK");
        return SIM_ERR_IO;
    }
    return SIM_OK;
}

SimStatus store_add_action(Store *st, const char *attempt, int seq, const char *action,
                           double sim_minutes, const char *points_json, SimError *err)
{
    StoreOp op;
    memset(&op, 0, sizeof op);
    op.kind = OP_ACTION;
    snprintf(op.attempt, sizeof op.attempt, "%s", attempt);
    now_iso(op.at, sizeof op.at);
    op.seq = seq;
    op.action = sim_strdup(action);
    op.points = sim_strdup(points_json ? points_json : "[]");
    op.minutes = sim_minutes;
    if (!op.action || !op.points) {
        op_free(&op);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    }
    return submit(st, &op, err);
}

static int bind_step(sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return rc == SQLITE_DONE;
}

SimStatus store_finish_attempt(Store *st, const char *attempt, const StoreResult *r, SimError *err)
{
    static const char *const kinds[] = {"points", "critical", "missed", "time"};
    const Scenario *sc = r->scenario;
    StoreOp op;
    memset(&op, 0, sizeof op);
    op.kind = OP_FINISH;
    snprintf(op.attempt, sizeof op.attempt, "%s", attempt);
    now_iso(op.at, sizeof op.at);
    /* An attempt stopped by a content error is finished but has no score: no total, never
     * passed, so reports and summaries leave it out of scores and pass rates. */
    int content_error = r->outcome && strcmp(r->outcome, "content_error") == 0;
    op.finished = r->finished;
    op.outcome = dup_or_null(r->outcome);
    op.has_total = !content_error;
    op.total = r->report->total;
    op.passed = r->finished && !content_error && r->report->passed;
    op.minutes = r->sim_minutes;
    op.result_json = dup_or_null(r->result_json);
    op.title = dup_or_null(sc->title);
    op.crit = calloc(sc->criterion_count ? sc->criterion_count : 1, sizeof *op.crit);
    op.mist = calloc(r->ledger->count ? r->ledger->count : 1, sizeof *op.mist);
    int ok = op.crit && op.mist;
    for (size_t i = 0; ok && i < sc->criterion_count; i++) {
        OpCrit *c = &op.crit[op.ncrit++];
        c->id = sim_strdup(sc->criteria[i].id);
        c->title = sim_strdup(sc->criteria[i].title);
        c->weight = sc->criteria[i].weight;
        c->score = r->report->crit[i].score;
        c->max = r->report->crit[i].max;
        ok = c->id && c->title;
    }
    for (size_t i = 0; ok && i < r->ledger->count; i++) {
        const LedgerEntry *e = &r->ledger->entries[i];
        if (!ledger_is_mistake(e))
            continue;
        OpMistake *m = &op.mist[op.nmist++];
        m->action = sim_strdup(e->action);
        m->kind = kinds[e->kind];
        m->criterion = e->criterion >= 0 ? sim_strdup(sc->criteria[e->criterion].id) : NULL;
        m->points = e->points;
        m->feedback = sim_strdup(e->feedback);
        m->rule_id = e->rule ? sim_strdup(e->rule->id) : NULL;
        m->rule = e->rule ? sim_strdup(e->rule->short_) : NULL;
        ok = m->action && m->feedback;
    }
    if (!ok) {
        op_free(&op);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    }
    return submit(st, &op, err);
}

static int write_finish(Store *st, const StoreOp *op, SimError *err)
{
    const char *attempt = op->attempt;
    if (!exec(st, "BEGIN IMMEDIATE")) {
        int rc = sqlite3_errcode(st->db);
        db_error(st, err, tr(STR_STORE_WHAT_FINISH));
        return rc ? rc : SQLITE_ERROR;
    }
    /* Summaries take an attempt in once, when it first becomes finished (a resumed attempt
     * may have been stored unfinished before). */
    int was_finished = 0;
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT finished = 1 AND total IS NOT NULL FROM attempts WHERE id = ?",
                           -1, &q, NULL) == SQLITE_OK) {
        sqlite3_bind_text(q, 1, attempt, -1, SQLITE_TRANSIENT);
        if (sqlite3_step(q) == SQLITE_ROW)
            was_finished = sqlite3_column_int(q, 0);
    }
    sqlite3_finalize(q);
    sqlite3_stmt *s = NULL, *c = NULL, *m = NULL;
    int ok = sqlite3_prepare_v2(st->db,
                                "UPDATE attempts SET ended_at=?, finished=?, outcome=?, total=?, "
                                "passed=?, sim_minutes=?, result_json=?, scenario_title=?, "
                                "real_seconds=(julianday(?) - julianday(started_at)) * 86400.0 "
                                "WHERE id=?",
                                -1, &s, NULL) == SQLITE_OK &&
             sqlite3_prepare_v2(st->db,
                                "INSERT OR REPLACE INTO attempt_criteria(attempt_id, criterion, "
                                "title, weight, score, max) VALUES(?,?,?,?,?,?)",
                                -1, &c, NULL) == SQLITE_OK &&
             sqlite3_prepare_v2(st->db,
                                "INSERT OR REPLACE INTO attempt_mistakes(attempt_id, seq, "
                                "action_id, kind, criterion, points, feedback, rule_id, rule) "
                                "VALUES(?,?,?,?,?,?,?,?,?)",
                                -1, &m, NULL) == SQLITE_OK;
    if (ok) {
        sqlite3_bind_text(s, 1, op->at, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(s, 2, op->finished);
        sqlite3_bind_text(s, 3, op->outcome, -1, SQLITE_TRANSIENT);
        if (op->has_total)
            sqlite3_bind_int(s, 4, op->total);
        else
            sqlite3_bind_null(s, 4);
        sqlite3_bind_int(s, 5, op->passed);
        sqlite3_bind_double(s, 6, op->minutes);
        sqlite3_bind_text(s, 7, op->result_json, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 8, op->title, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 9, op->at, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(s, 10, attempt, -1, SQLITE_TRANSIENT);
        ok = bind_step(s) && sqlite3_changes(st->db) == 1;
    }
    for (size_t i = 0; ok && i < op->ncrit; i++) {
        const OpCrit *k = &op->crit[i];
        sqlite3_bind_text(c, 1, attempt, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(c, 2, k->id, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(c, 3, k->title, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(c, 4, k->weight);
        sqlite3_bind_int(c, 5, k->score);
        sqlite3_bind_int(c, 6, k->max);
        ok = bind_step(c);
    }
    for (size_t i = 0; ok && i < op->nmist; i++) {
        const OpMistake *k = &op->mist[i];
        sqlite3_bind_text(m, 1, attempt, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(m, 2, (int)i + 1);
        sqlite3_bind_text(m, 3, k->action, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(m, 4, k->kind, -1, SQLITE_STATIC);
        if (k->criterion)
            sqlite3_bind_text(m, 5, k->criterion, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int(m, 6, k->points);
        sqlite3_bind_text(m, 7, k->feedback, -1, SQLITE_TRANSIENT);
        if (k->rule_id) {
            sqlite3_bind_text(m, 8, k->rule_id, -1, SQLITE_TRANSIENT);
            sqlite3_bind_text(m, 9, k->rule, -1, SQLITE_TRANSIENT);
        }
        ok = bind_step(m);
    }
    sqlite3_finalize(s);
    sqlite3_finalize(c);
    sqlite3_finalize(m);
    if (ok && op->finished && !was_finished)
        ok = exec_bound(st, sum_finish, attempt);
    if (ok)
        ok = chain_append(st, "finish", attempt, 0);
    if (!ok || !exec(st, "COMMIT")) {
        int rc = sqlite3_errcode(st->db);
        db_error(st, err, tr(STR_STORE_WHAT_FINISH));
        exec(st, "ROLLBACK");
        return rc ? rc : SQLITE_ERROR;
    }
    return SQLITE_OK;
}

ScenarioStats store_scenario_stats(Store *st, long long trainee, const char *scenario)
{
    ScenarioStats r = {0, -1, 0};
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT count(*), max(CASE WHEN finished THEN total END), "
                           "max(CASE WHEN finished THEN passed ELSE 0 END) FROM attempts "
                           "WHERE trainee_id=? AND scenario_id=?",
                           -1, &s, NULL) != SQLITE_OK)
        return r;
    sqlite3_bind_int64(s, 1, trainee);
    sqlite3_bind_text(s, 2, scenario, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) == SQLITE_ROW) {
        r.attempts = sqlite3_column_int(s, 0);
        r.best_total = sqlite3_column_type(s, 1) == SQLITE_NULL ? -1 : sqlite3_column_int(s, 1);
        r.passed = sqlite3_column_int(s, 2);
    }
    sqlite3_finalize(s);
    return r;
}

char *store_get_setting(Store *st, const char *key)
{
    sqlite3_stmt *s;
    char *v = NULL;
    if (sqlite3_prepare_v2(st->db, "SELECT value FROM settings WHERE key=?", -1, &s, NULL) !=
        SQLITE_OK)
        return NULL;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) == SQLITE_ROW)
        v = sim_strdup((const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return v;
}

SimStatus store_set_setting(Store *st, const char *key, const char *value, SimError *err)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "INSERT INTO settings(key, value) VALUES(?,?) "
                           "ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                           -1, &s, NULL) != SQLITE_OK)
        return db_error(st, err, tr(STR_STORE_WHAT_SETTINGS));
    sqlite3_bind_text(s, 1, key, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 2, value, -1, SQLITE_TRANSIENT);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE ? SIM_OK : db_error(st, err, tr(STR_STORE_WHAT_SETTINGS));
}

/* The seal of a setting: hex HMAC of "key\0value" with the installation secret. */
static void setting_seal(Store *st, const char *key, const char *value,
                         char hex[2 * SEC_MAC_BYTES + 1])
{
    unsigned char mac[SEC_MAC_BYTES];
    const void *parts[2] = {key, value};
    const size_t lens[2] = {strlen(key) + 1, strlen(value)};
    sec_mac(mac, st->key, parts, lens, 2);
    sec_hex(hex, mac, sizeof mac);
}

SimStatus store_set_setting_sealed(Store *st, const char *key, const char *value, SimError *err)
{
    char hex[2 * SEC_MAC_BYTES + 1];
    setting_seal(st, key, value, hex);
    SimBuf b;
    simbuf_init(&b);
    simbuf_printf(&b, "%s|%s", value, hex);
    SimStatus rc = store_set_setting(st, key, simbuf_str(&b), err);
    simbuf_free(&b);
    return rc;
}

char *store_get_setting_sealed(Store *st, const char *key, int *tampered)
{
    *tampered = 0;
    char *v = store_get_setting(st, key);
    if (!v)
        return NULL;
    char *bar = strrchr(v, '|');
    char hex[2 * SEC_MAC_BYTES + 1];
    if (bar) {
        *bar = '\0';
        setting_seal(st, key, v, hex);
    }
    if (!bar || strlen(bar + 1) != 2 * SEC_MAC_BYTES ||
        !sec_equal((const unsigned char *)hex, (const unsigned char *)bar + 1, 2 * SEC_MAC_BYTES)) {
        *tampered = 1;
        free(v);
        return NULL;
    }
    return v;
}

int store_unfinished_attempt(Store *st, long long trainee, const char *scenario, const char *hash,
                             AttemptInfo *a, char ***actions, size_t *count)
{
    if (actions)
        *actions = NULL;
    if (count)
        *count = 0;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT id, seed, mode, scenario_version FROM attempts WHERE "
                           "trainee_id = ? AND scenario_id = ? AND scenario_hash = ? AND "
                           "finished = 0 ORDER BY started_at DESC LIMIT 1",
                           -1, &s, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_int64(s, 1, trainee);
    sqlite3_bind_text(s, 2, scenario, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, hash, -1, SQLITE_TRANSIENT);
    int found = sqlite3_step(s) == SQLITE_ROW;
    if (found) {
        memset(a, 0, sizeof *a);
        copy_col(a->id, sizeof a->id, s, 0);
        a->seed = strtoull((const char *)sqlite3_column_text(s, 1), NULL, 10);
        a->exam = strcmp((const char *)sqlite3_column_text(s, 2), "exam") == 0;
        copy_col(a->version, sizeof a->version, s, 3);
        snprintf(a->scenario, sizeof a->scenario, "%s", scenario);
        snprintf(a->hash, sizeof a->hash, "%s", hash);
        a->trainee = trainee;
    }
    sqlite3_finalize(s);
    if (!found)
        return 0;
    if (actions && count)
        *count = store_attempt_actions(st, a->id, actions);
    return 1;
}

#define ATTEMPT_ROW_COLUMNS                                                                        \
    "SELECT id, started_at, scenario_id, coalesce(scenario_title, scenario_id),"                   \
    " scenario_version, scenario_hash, coalesce(outcome, 'unfinished'), seed,"                     \
    " mode = 'exam', finished, coalesce(passed, 0), coalesce(total, -1),"                          \
    " sim_minutes FROM attempts "

static void read_attempt_row(sqlite3_stmt *s, AttemptRow *r);

int store_get_attempt(Store *st, const char *id, AttemptRow *out)
{
    sqlite3_stmt *s;
    int found = 0;
    if (sqlite3_prepare_v2(st->db, ATTEMPT_ROW_COLUMNS "WHERE id = ?", -1, &s, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(s, 1, id, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) == SQLITE_ROW) {
        read_attempt_row(s, out);
        found = 1;
    }
    sqlite3_finalize(s);
    return found;
}

size_t store_list_attempts(Store *st, long long trainee, AttemptRow *out, size_t max)
{
    sqlite3_stmt *s;
    size_t n = 0;
    if (sqlite3_prepare_v2(st->db,
                           ATTEMPT_ROW_COLUMNS "WHERE trainee_id = ? ORDER BY started_at, rowid",
                           -1, &s, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_int64(s, 1, trainee);
    while (n < max && sqlite3_step(s) == SQLITE_ROW)
        read_attempt_row(s, &out[n++]);
    sqlite3_finalize(s);
    for (size_t i = 0; i < n; i++)
        out[i].verified = store_attempt_verifies(st, out[i].id);
    return n;
}

static void read_attempt_row(sqlite3_stmt *s, AttemptRow *r)
{
    copy_col(r->id, sizeof r->id, s, 0);
    copy_col(r->started_at, sizeof r->started_at, s, 1);
    copy_col(r->scenario, sizeof r->scenario, s, 2);
    copy_col(r->title, sizeof r->title, s, 3);
    copy_col(r->version, sizeof r->version, s, 4);
    copy_col(r->hash, sizeof r->hash, s, 5);
    copy_col(r->outcome, sizeof r->outcome, s, 6);
    r->seed = strtoull((const char *)sqlite3_column_text(s, 7), NULL, 10);
    r->exam = sqlite3_column_int(s, 8);
    r->finished = sqlite3_column_int(s, 9);
    r->passed = sqlite3_column_int(s, 10);
    r->total = r->finished ? sqlite3_column_int(s, 11) : -1;
    r->sim_minutes = sqlite3_column_double(s, 12);
}

size_t store_attempt_actions(Store *st, const char *attempt, char ***actions)
{
    *actions = NULL;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT action_id FROM actions WHERE attempt_id = ? ORDER BY seq", -1,
                           &s, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(s, 1, attempt, -1, SQLITE_TRANSIENT);
    size_t n = 0, cap = 0;
    while (sqlite3_step(s) == SQLITE_ROW) {
        if (n == cap) {
            cap = cap ? cap * 2 : 16;
            char **p = realloc(*actions, cap * sizeof *p);
            if (!p)
                break;
            *actions = p;
        }
        (*actions)[n++] = sim_strdup((const char *)sqlite3_column_text(s, 0));
    }
    sqlite3_finalize(s);
    return n;
}
