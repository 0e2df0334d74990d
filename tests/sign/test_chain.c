/* test_chain.c — the results MAC chain against the five tamper classes of the reliability
 * anchors (§A row 17): a changed field, a deleted row, an inserted (forged) row, reordered
 * rows, and a database restored from an older copy (caught with the exported chain head);
 * plus a deleted or forged journal entry, the per-attempt mark, and the migration from
 * schema 3 sealing existing rows. Tampering is done as a trainee would: SQLite directly. */
#include "store/store.h"
#include "../test.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[256];

static void path_in(char *out, const char *name)
{
    snprintf(out, 512, "%s/%s", dir, name);
}

static void sql(const char *db, const char *text)
{
    sqlite3 *h = NULL;
    CHECK(sqlite3_open(db, &h) == SQLITE_OK);
    char *msg = NULL;
    int rc = sqlite3_exec(h, text, NULL, NULL, &msg);
    if (rc != SQLITE_OK)
        fprintf(stderr, "sql: %s: %s\n", text, msg ? msg : "?");
    CHECK(rc == SQLITE_OK);
    sqlite3_free(msg);
    sqlite3_close(h);
}

static void copy_file(const char *from, const char *to)
{
    char cmd[1200];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", from, to);
    CHECK(system(cmd) == 0);
}

static const char *who_number = "10457", *who_surname = "Иванова", *who_name = "Мария";

/* Records `attempts` finished attempts of three actions each, by the trainee who_*. */
static void record(const char *db, int attempts, char first_id[40])
{
    Store *st = NULL;
    SimError e;
    CHECK(store_open(db, &st, &e) == SIM_OK);
    if (!st)
        return;
    Scenario sc;
    memset(&sc, 0, sizeof sc);
    sc.title = "Тест";
    sc.criterion_count = 1;
    sc.criteria[0] = (Criterion){"legal", "Правильность решения", 35};
    ScoreLedger l;
    ledger_init(&l);
    ledger_add(&l, LEDGER_POINTS, "a2", 0, -5, "плохо", NULL, 2);
    ScoreReport r;
    memset(&r, 0, sizeof r);
    r.total = 71;
    r.passed = 1;
    r.crit[0] = (CriterionResult){.raw = 5, .score = 5, .max = 10};
    long long tid = 0;
    Trainee t;
    if (store_find_trainee(st, who_number, &t))
        tid = t.id;
    else
        CHECK(store_add_trainee(st, who_surname, who_name, who_number, &tid, &e) == SIM_OK);
    for (int i = 0; i < attempts; i++) {
        AttemptInfo a;
        memset(&a, 0, sizeof a);
        a.trainee = tid;
        strcpy(a.scenario, "s1");
        strcpy(a.version, "1.0.0");
        strcpy(a.hash, "abc");
        strcpy(a.pack_hash, "00ff");
        strcpy(a.pack_state, "signed");
        a.seed = 7;
        a.exam = 1;
        CHECK(store_begin_attempt(st, &a, &e) == SIM_OK);
        if (i == 0 && first_id)
            memcpy(first_id, a.id, 40);
        CHECK(store_add_action(st, a.id, 1, "greet", 1, "[]", &e) == SIM_OK);
        CHECK(store_add_action(st, a.id, 2, "inspect:passport", 2, "[]", &e) == SIM_OK);
        CHECK(store_add_action(st, a.id, 3, "service:x", 3, "[]", &e) == SIM_OK);
        StoreResult res = {.scenario = &sc,
                           .ledger = &l,
                           .report = &r,
                           .outcome = "accepted",
                           .finished = 1,
                           .sim_minutes = 3.0,
                           .result_json = "{\"total\":71}"};
        CHECK(store_finish_attempt(st, a.id, &res, &e) == SIM_OK);
    }
    ledger_free(&l);
    store_close(st);
}

/* Verifies db; returns the number of findings of kind (0: all findings). */
static size_t verify(const char *db, const char *expect, TamperKind kind, char head[65])
{
    Store *st = NULL;
    SimError e;
    CHECK(store_open(db, &st, &e) == SIM_OK);
    if (!st)
        return 0;
    ChainReport r;
    CHECK(store_verify(st, expect, &r, &e) == SIM_OK);
    size_t n = 0;
    for (size_t i = 0; i < r.count; i++)
        n += !kind || r.items[i].kind == kind;
    if (head)
        snprintf(head, 65, "%s", r.head);
    store_verify_free(&r);
    store_close(st);
    return n;
}

/* A fresh database with 3 attempts, copied to NAME (with its key). */
static void fresh(const char *base, const char *name, char *out)
{
    path_in(out, name);
    copy_file(base, out);
    char k1[600], k2[600];
    snprintf(k1, sizeof k1, "%s.key", base);
    snprintf(k2, sizeof k2, "%s.key", out);
    copy_file(k1, k2);
}

static int attempt_verified(const char *db, const char *id)
{
    Store *st = NULL;
    SimError e;
    if (store_open(db, &st, &e) != SIM_OK)
        return -1;
    int v = store_attempt_verifies(st, id);
    store_close(st);
    return v;
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/mfc-chain-test-XXXXXX");
    if (!mkdtemp(dir))
        return 2;
    char base[512], db[512], id[40] = "";
    path_in(base, "base.db");
    record(base, 3, id);
    char head[65];
    CHECK_INT((int)verify(base, NULL, 0, head), 0);
    CHECK_INT((int)strlen(head), 64);
    CHECK_INT(attempt_verified(base, id), 1);
    /* The key is outside the database, owner-only. */
    char key[600];
    snprintf(key, sizeof key, "%s.key", base);
    struct stat ks;
    CHECK(stat(key, &ks) == 0 && (ks.st_mode & 0777) == 0600 && ks.st_size == 32);
    sql(base, "PRAGMA wal_checkpoint(TRUNCATE)");

    /* 1. A changed field: the total of a result, and an action's id. */
    fresh(base, "edit.db", db);
    sql(db, "UPDATE attempts SET total = 100 WHERE rowid = 1");
    CHECK_INT((int)verify(db, NULL, TAMPER_CHANGED, NULL), 1);
    CHECK_INT(attempt_verified(db, id), 0);
    fresh(base, "edit2.db", db);
    sql(db, "UPDATE actions SET action_id = 'greet-standard' WHERE seq = 1 AND rowid = 1");
    CHECK_INT((int)verify(db, NULL, TAMPER_CHANGED, NULL), 1);
    fresh(base, "edit3.db", db);
    sql(db, "UPDATE attempt_criteria SET score = 35");
    CHECK((int)verify(db, NULL, TAMPER_CHANGED, NULL) >= 1);

    /* 2. A deleted row: an action, a whole attempt with its rows. */
    fresh(base, "del.db", db);
    sql(db, "DELETE FROM actions WHERE rowid = 2");
    CHECK_INT((int)verify(db, NULL, TAMPER_DELETED, NULL), 1);
    CHECK_INT(attempt_verified(db, id), 0);
    fresh(base, "del2.db", db);
    sql(db,
        "DELETE FROM actions WHERE attempt_id = (SELECT id FROM attempts WHERE rowid = 2);"
        "DELETE FROM attempt_criteria WHERE attempt_id = (SELECT id FROM attempts WHERE rowid = 2);"
        "DELETE FROM attempt_mistakes WHERE attempt_id = (SELECT id FROM attempts WHERE rowid = 2);"
        "DELETE FROM attempts WHERE rowid = 2");
    CHECK((int)verify(db, NULL, TAMPER_DELETED, NULL) >= 4);
    /* …and its journal entries too: the chain breaks (a gap and a link that fails). */
    fresh(base, "del3.db", db);
    sql(db,
        "DELETE FROM actions WHERE rowid = 2; DELETE FROM chain WHERE kind = 'action' AND n = 3");
    CHECK((int)verify(db, NULL, 0, NULL) >= 1);
    CHECK((int)verify(db, NULL, TAMPER_DELETED, NULL) >= 1);

    /* 3. An inserted row: a forged action, a forged attempt copied from a real one, a forged
     * journal entry for it. */
    fresh(base, "ins.db", db);
    sql(db, "INSERT INTO actions SELECT attempt_id, 4, 'finish-standard', at, 4, '[]' FROM actions"
            " WHERE rowid = 1");
    CHECK_INT((int)verify(db, NULL, TAMPER_INSERTED, NULL), 1);
    CHECK_INT(attempt_verified(db, id), 0);
    fresh(base, "ins2.db", db);
    sql(db, "INSERT INTO attempts(id, trainee_id, scenario_id, scenario_version, scenario_hash,"
            " seed, mode, started_at, finished, total, passed) SELECT 'forged', trainee_id,"
            " scenario_id, scenario_version, scenario_hash, seed, mode, started_at, 1, 100, 1"
            " FROM attempts WHERE rowid = 1");
    CHECK((int)verify(db, NULL, TAMPER_INSERTED, NULL) >= 1);
    fresh(base, "ins3.db", db);
    sql(db,
        "INSERT INTO actions SELECT attempt_id, 4, 'x', at, 4, '[]' FROM actions WHERE rowid = 1;"
        "INSERT INTO chain(n, kind, attempt_id, seq, digest, mac) SELECT max(n) + 1, 'action',"
        " (SELECT attempt_id FROM actions WHERE rowid = 1), 4, digest, mac FROM chain");
    CHECK_INT((int)verify(db, NULL, TAMPER_JOURNAL, NULL), 1);

    /* 4. Reordered rows: two actions swap places; two journal entries swap numbers. */
    fresh(base, "reo.db", db);
    sql(db,
        "UPDATE actions SET seq = -1 WHERE rowid = 1; UPDATE actions SET seq = 1 WHERE rowid = 2;"
        "UPDATE actions SET seq = 2 WHERE rowid = 1");
    CHECK_INT((int)verify(db, NULL, TAMPER_REORDERED, NULL), 2);
    CHECK_INT(attempt_verified(db, id), 0);
    fresh(base, "reo2.db", db);
    sql(db, "UPDATE chain SET n = -1 WHERE n = 2; UPDATE chain SET n = 2 WHERE n = 3;"
            "UPDATE chain SET n = 3 WHERE n = -1");
    CHECK((int)verify(db, NULL, TAMPER_JOURNAL, NULL) >= 2);

    /* 4a. Who an attempt belongs to (issue #16, finding 3): two trainees swap personnel
     * numbers and names, so a passing record moves to a failing trainee; a trainee row is
     * deleted so the attempts drop out of the reports. Both are caught. */
    char two[512];
    fresh(base, "two.db", two);
    who_number = "20001", who_surname = "Петров", who_name = "Олег";
    record(two, 1, NULL);
    who_number = "10457", who_surname = "Иванова", who_name = "Мария";
    CHECK_INT((int)verify(two, NULL, 0, NULL), 0);
    sql(two, "PRAGMA wal_checkpoint(TRUNCATE)");
    fresh(two, "swap.db", db);
    sql(db, "UPDATE trainees SET personnel_number = 'x' WHERE personnel_number = '10457';"
            "UPDATE trainees SET personnel_number = '10457', surname = 'Иванова', name = 'Мария'"
            " WHERE personnel_number = '20001';"
            "UPDATE trainees SET personnel_number = '20001', surname = 'Петров', name = 'Олег'"
            " WHERE personnel_number = 'x'");
    CHECK_INT((int)verify(db, NULL, TAMPER_CHANGED, NULL), 4); /* every attempt of both */
    CHECK_INT(attempt_verified(db, id), 0);
    fresh(two, "deltrainee.db", db);
    sql(db, "PRAGMA foreign_keys = OFF; DELETE FROM trainees WHERE personnel_number = '20001'");
    CHECK_INT((int)verify(db, NULL, TAMPER_CHANGED, NULL), 1);
    /* A trainee renamed is a changed identity too (there is no rename in the program). */
    fresh(two, "rename.db", db);
    sql(db, "UPDATE trainees SET surname = 'Сидорова' WHERE personnel_number = '10457'");
    CHECK_INT((int)verify(db, NULL, TAMPER_CHANGED, NULL), 3);

    /* 5. An older copy restored: locally consistent, caught by the head exported later. */
    char old[512], later[65];
    fresh(base, "old.db", old);
    fresh(base, "roll.db", db);
    record(db, 1, NULL);
    CHECK_INT((int)verify(db, NULL, 0, later), 0);
    CHECK(strcmp(later, head) != 0);
    CHECK_INT((int)verify(db, later, 0, NULL), 0); /* the current head is found */
    CHECK_INT((int)verify(db, head, 0, NULL), 0);  /* an older head is in the chain too */
    char prefix[17];
    memcpy(prefix, later, 16);
    prefix[16] = '\0';
    CHECK_INT((int)verify(db, prefix, 0, NULL), 0); /* the short form on the debrief */
    copy_file(old, db);                             /* the rollback */
    CHECK_INT((int)verify(db, NULL, 0, NULL), 0);   /* invisible without an anchor… */
    CHECK_INT((int)verify(db, later, TAMPER_ROLLBACK, NULL), 1); /* …caught with one */

    /* Another installation's secret: nothing verifies. */
    fresh(base, "otherkey.db", db);
    char k[600];
    snprintf(k, sizeof k, "%s.key", db);
    unlink(k);
    CHECK((int)verify(db, NULL, TAMPER_JOURNAL, NULL) >= 1);

    /* A sealed database taken back to schema 3 (chain dropped, totals free to edit) beside its
     * secret: refused, never sealed afresh, and the file stays as it was (issue #16). */
    fresh(base, "v3.db", db);
    sql(db,
        "DROP TABLE chain; ALTER TABLE attempts DROP COLUMN pack_hash;"
        "ALTER TABLE attempts DROP COLUMN pack_state; ALTER TABLE attempts DROP COLUMN pack_key;"
        "ALTER TABLE attempts DROP COLUMN pack_version;"
        "UPDATE attempts SET total = 100, passed = 1; PRAGMA user_version = 3");
    Store *st = NULL;
    SimError e;
    CHECK(store_open(db, &st, &e) == SIM_OK ? (store_close(st), 0) : 1);
    CHECK_HAS(e.msg, "понижена до схемы 3");
    st = NULL;
    /* Taken back to schema 5 or 4 only: the file still shows the later schema (identity
     * entries, the patronymic column), so it is refused rather than upgraded again, which
     * rebuilt the trainees and silently dropped their patronymics and offices (issue #16). */
    for (int v = 5; v >= 4; v--) {
        char name[32], q[200];
        snprintf(name, sizeof name, "down%d.db", v);
        fresh(base, name, db);
        snprintf(q, sizeof q,
                 "UPDATE trainees SET patronymic = 'Петровна'; PRAGMA user_version = %d", v);
        sql(db, q);
        CHECK(store_open(db, &st, &e) == SIM_OK ? (store_close(st), 0) : 1);
        char want[64];
        snprintf(want, sizeof want, "понижена до схемы %d", v);
        CHECK_HAS(e.msg, want);
        CHECK_HAS(e.msg, "данные схемы 6");
        st = NULL;
    }
    /* Schema 4 with the patronymic column dropped as well: the journal's identity entries
     * still show schema 5. */
    fresh(base, "down4b.db", db);
    sql(db, "ALTER TABLE trainees DROP COLUMN patronymic; PRAGMA user_version = 4");
    CHECK(store_open(db, &st, &e) == SIM_OK ? (store_close(st), 0) : 1);
    CHECK_HAS(e.msg, "данные схемы 5");
    st = NULL;
    /* A negative schema number is refused too (it once ran migrations[-1] as SQL). */
    fresh(base, "negative.db", db);
    sql(db, "PRAGMA user_version = -1");
    CHECK(store_open(db, &st, &e) == SIM_OK ? (store_close(st), 0) : 1);
    CHECK_HAS(e.msg, "неверный номер схемы");
    st = NULL;

    /* Another program's SQLite file (no mark of ours) is never given our tables, whether or
     * not it numbers its schema (issue #16). */
    path_in(db, "foreign.db");
    sql(db, "CREATE TABLE notes(x); INSERT INTO notes VALUES (1)");
    CHECK(store_open(db, &st, &e) == SIM_OK ? (store_close(st), 0) : 1);
    CHECK_HAS(e.msg, "база другой программы");
    st = NULL;
    sql(db, "PRAGMA user_version = 2");
    CHECK(store_open(db, &st, &e) == SIM_OK ? (store_close(st), 0) : 1);
    CHECK_HAS(e.msg, "база другой программы");
    st = NULL;
    {
        sqlite3 *h = NULL;
        sqlite3_stmt *q = NULL;
        CHECK(sqlite3_open(db, &h) == SQLITE_OK);
        CHECK(sqlite3_prepare_v2(h, "SELECT count(*) FROM sqlite_master", -1, &q, NULL) ==
              SQLITE_OK);
        CHECK(sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) == 1);
        sqlite3_finalize(q);
        sqlite3_close(h);
    }

    /* A genuine schema-3 database (made before the chain existed, so it has no secret yet):
     * existing rows are sealed and verify; new rows chain on. Its trainees table is the old
     * one too (no patronymic or office: those came with schema 6). */
    fresh(base, "v3.db", db);
    sql(db,
        "DROP TABLE chain; ALTER TABLE attempts DROP COLUMN pack_hash;"
        "ALTER TABLE attempts DROP COLUMN pack_state; ALTER TABLE attempts DROP COLUMN pack_key;"
        "ALTER TABLE attempts DROP COLUMN pack_version;"
        "CREATE TABLE t3 (id INTEGER PRIMARY KEY, surname TEXT NOT NULL, name TEXT NOT NULL,"
        " personnel_number TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL);"
        "INSERT INTO t3 SELECT id, surname, name, personnel_number, created_at FROM trainees;"
        "DROP TABLE trainees; ALTER TABLE t3 RENAME TO trainees;"
        "PRAGMA user_version = 3");
    snprintf(k, sizeof k, "%s.key", db);
    unlink(k);
    CHECK(store_open(db, &st, &e) == SIM_OK);
    ChainReport r;
    if (st) {
        CHECK(store_verify(st, NULL, &r, &e) == SIM_OK);
        CHECK_INT((int)r.count, 0);
        /* 3 attempts × (attempt, 3 actions, result) sealed by 3 → 4, and their identities
         * by 4 → 5. */
        CHECK_INT((int)r.entries, 3 * 6);
        store_verify_free(&r);
        store_close(st);
    }
    record(db, 1, NULL);
    CHECK_INT((int)verify(db, NULL, 0, NULL), 0);

    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return TEST_REPORT();
}
