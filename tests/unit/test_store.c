/* test_store.c — the results database on real files: creation, trainees, attempts with their
 * actions and results, settings, reopening, migration from schema 1 (with a backup copy), and
 * refusing corrupted files, other programs' files and newer schemas without touching them. */
#include "store/store.h"
#include "../test.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <unistd.h>

static char dir[256];

static char *path_in(const char *name)
{
    char *p = malloc(512);
    snprintf(p, 512, "%s/%s", dir, name);
    return p;
}

static void test_roundtrip(void)
{
    char *db = path_in("results.db");
    Store *st = NULL;
    SimError e;
    CHECK(store_open(db, &st, &e) == SIM_OK);
    if (!st)
        return;
    long long id = 0, id2 = 0;
    CHECK(store_add_trainee(st, "Иванова", "Мария", "10457", &id, &e) == SIM_OK);
    CHECK(store_add_trainee(st, "Петров", "Пётр", "10457", &id2, &e) == SIM_ERR_INVALID);
    CHECK_HAS(e.msg, "10457");
    Trainee t[4];
    CHECK_INT(store_list_trainees(st, t, 4), 1);
    CHECK_STR(t[0].surname, "Иванова");

    /* A fake scenario model with two criteria, and a ledger with one mistake. */
    Scenario sc;
    memset(&sc, 0, sizeof sc);
    sc.title = "Тест";
    sc.criterion_count = 2;
    sc.criteria[0] = (Criterion){"legal", "Правильность решения", 35};
    sc.criteria[1] = (Criterion){"time", "Время", 10};
    ScoreLedger l;
    ledger_init(&l);
    ledger_add(&l, LEDGER_POINTS, "a1", 0, 10, "хорошо", NULL, 1);
    ledger_add(&l, LEDGER_POINTS, "a2", 0, -5, "плохо", NULL, 2);
    ScoreReport r;
    memset(&r, 0, sizeof r);
    r.total = 71;
    r.passed = 1;
    r.crit[0] = (CriterionResult){.raw = 5, .score = 5, .max = 10};
    r.crit[1] = (CriterionResult){.raw = 10, .score = 10, .max = 10};

    AttemptInfo a;
    memset(&a, 0, sizeof a);
    a.trainee = id;
    strcpy(a.scenario, "s1");
    strcpy(a.version, "1.0.0");
    strcpy(a.hash, "abc");
    a.seed = 18446744073709551615ULL;
    CHECK(store_begin_attempt(st, &a, &e) == SIM_OK);
    CHECK_INT(strlen(a.id), 36);
    CHECK(a.id[14] == '4'); /* a version-4 UUID */
    CHECK(store_add_action(st, a.id, 1, "a1", 1, "[]", &e) == SIM_OK);
    CHECK(store_add_action(st, a.id, 1, "a1", 1, "[]", &e) == SIM_ERR_IO); /* seq is unique */
    CHECK(store_add_action(st, a.id, 2, "a2", 2, "[]", &e) == SIM_OK);
    ScenarioStats ss = store_scenario_stats(st, id, "s1");
    CHECK_INT(ss.attempts, 1);
    CHECK_INT(ss.best_total, -1); /* not finished yet */
    StoreResult res = {.scenario = &sc,
                       .ledger = &l,
                       .report = &r,
                       .outcome = "accepted",
                       .finished = 1,
                       .sim_minutes = 2.0,
                       .result_json = "{}"};
    CHECK(store_finish_attempt(st, a.id, &res, &e) == SIM_OK);
    ss = store_scenario_stats(st, id, "s1");
    CHECK_INT(ss.best_total, 71);
    CHECK_INT(ss.passed, 1);

    /* An abandoned attempt does not count as finished. */
    AttemptInfo b = a;
    CHECK(store_begin_attempt(st, &b, &e) == SIM_OK);
    CHECK(strcmp(a.id, b.id) != 0);
    ScoreReport r0;
    memset(&r0, 0, sizeof r0);
    StoreResult res0 = {.scenario = &sc,
                        .ledger = &l,
                        .report = &r0,
                        .outcome = "unfinished",
                        .finished = 0,
                        .sim_minutes = 0.5,
                        .result_json = "{}"};
    CHECK(store_finish_attempt(st, b.id, &res0, &e) == SIM_OK);
    ss = store_scenario_stats(st, id, "s1");
    CHECK_INT(ss.attempts, 2);
    CHECK_INT(ss.best_total, 71);

    CHECK(store_set_setting(st, "text_pct", "150", &e) == SIM_OK);
    CHECK(store_set_setting(st, "text_pct", "160", &e) == SIM_OK);
    /* A sealed setting reads back; edited in the table, it is refused as tampered. */
    int tampered = 1;
    CHECK(store_set_setting_sealed(st, "manager.pin_tries", "3", &e) == SIM_OK);
    char *sealed = store_get_setting_sealed(st, "manager.pin_tries", &tampered);
    CHECK(sealed && strcmp(sealed, "3") == 0 && !tampered);
    free(sealed);
    char *sv = store_get_setting(st, "manager.pin_tries");
    CHECK(sv && sv[0] == '3' && sv[1] == '|');
    if (sv)
        sv[0] = '0'; /* same seal, another count */
    CHECK(store_set_setting(st, "manager.pin_tries", sv ? sv : "", &e) == SIM_OK);
    free(sv);
    CHECK(store_get_setting_sealed(st, "manager.pin_tries", &tampered) == NULL && tampered);
    CHECK(store_set_setting(st, "manager.pin_tries", "0", &e) == SIM_OK); /* no seal at all */
    CHECK(store_get_setting_sealed(st, "manager.pin_tries", &tampered) == NULL && tampered);
    CHECK(store_get_setting_sealed(st, "no.such", &tampered) == NULL && !tampered);
    store_close(st);
    ledger_free(&l);

    /* Reopen: everything is still there, rows per criterion and per mistake included. */
    CHECK(store_open(db, &st, &e) == SIM_OK);
    char *v = store_get_setting(st, "text_pct");
    CHECK_STR(v, "160");
    free(v);
    CHECK(store_get_setting(st, "nope") == NULL);
    store_close(st);
    sqlite3 *raw;
    sqlite3_open(db, &raw);
    sqlite3_stmt *q;
    sqlite3_prepare_v2(raw,
                       "SELECT (SELECT count(*) FROM attempt_criteria), (SELECT count(*) FROM "
                       "attempt_mistakes WHERE points < 0), (SELECT finished FROM attempts WHERE "
                       "outcome = 'unfinished'), (SELECT seed FROM attempts LIMIT 1)",
                       -1, &q, NULL);
    CHECK(sqlite3_step(q) == SQLITE_ROW);
    CHECK_INT(sqlite3_column_int(q, 0), 4);
    CHECK_INT(sqlite3_column_int(q, 1), 2);
    CHECK_INT(sqlite3_column_int(q, 2), 0);
    CHECK_STR((const char *)sqlite3_column_text(q, 3), "18446744073709551615");
    sqlite3_finalize(q);
    sqlite3_close(raw);
    free(db);
}

static void test_migration_from_v1(void)
{
    char *db = path_in("v1.db");
    sqlite3 *raw;
    CHECK(sqlite3_open(db, &raw) == SQLITE_OK);
    /* Schema 1 as the first release wrote it, with one trainee. */
    const char *v1 =
        "CREATE TABLE trainees (id INTEGER PRIMARY KEY, surname TEXT NOT NULL, name TEXT NOT NULL,"
        " personnel_number TEXT NOT NULL UNIQUE, created_at TEXT NOT NULL DEFAULT 'x');"
        "CREATE TABLE attempts (id TEXT PRIMARY KEY, trainee_id INTEGER REFERENCES trainees(id),"
        " scenario_id TEXT NOT NULL, scenario_version TEXT NOT NULL, scenario_hash TEXT NOT NULL,"
        " seed TEXT NOT NULL, mode TEXT NOT NULL, started_at TEXT NOT NULL, ended_at TEXT,"
        " sim_minutes REAL NOT NULL DEFAULT 0, real_seconds REAL, finished INTEGER NOT NULL"
        " DEFAULT 0, outcome TEXT, total INTEGER, passed INTEGER, result_json TEXT);"
        "CREATE TABLE actions (attempt_id TEXT NOT NULL, seq INTEGER NOT NULL, action_id TEXT NOT"
        " NULL, at TEXT NOT NULL, sim_minutes REAL NOT NULL, points_json TEXT NOT NULL,"
        " PRIMARY KEY (attempt_id, seq));"
        "CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);"
        "INSERT INTO trainees(surname, name, personnel_number) VALUES('Старая', 'Запись', '1');"
        "INSERT INTO attempts(id, trainee_id, scenario_id, scenario_version, scenario_hash, seed,"
        " mode, started_at, finished, outcome, total, passed) VALUES('a1', 1, 's', '1', 'h', '1',"
        " 'exam', '2025-01-02T10:00:00Z', 1, 'accepted', 80, 1),"
        " ('a2', 1, 's', '1', 'h', '2', 'training', '2025-01-03T10:00:00Z', 0, NULL, NULL, NULL),"
        " ('a3', NULL, 's', '1', 'h', '3', 'training', '2025-01-04T10:00:00Z', 1, 'refused', 50, 0);"
        "PRAGMA application_id=1296450388; PRAGMA user_version=1;";
    CHECK(sqlite3_exec(raw, v1, NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(raw);
    Store *st = NULL;
    SimError e;
    CHECK(store_open(db, &st, &e) == SIM_OK);
    Trainee t[2];
    CHECK_INT(st ? store_list_trainees(st, t, 2) : 0, 1);
    store_close(st);
    char *bak = path_in("v1.db.v1.bak");
    CHECK(access(bak, F_OK) == 0); /* a copy was made before migrating */
    sqlite3_open(db, &raw);
    sqlite3_stmt *q;
    sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &q, NULL);
    sqlite3_step(q);
    CHECK_INT(sqlite3_column_int(q, 0), STORE_SCHEMA_VERSION);
    sqlite3_finalize(q);
    /* Schema 3's running summaries were computed from the rows already there (the guest's
     * attempt a3 does not count). */
    sqlite3_prepare_v2(raw,
                       "SELECT attempts, unfinished, passed, exams, exams_passed, sum_total, "
                       "first_at, last_at FROM sum_trainee WHERE trainee_id = 1",
                       -1, &q, NULL);
    CHECK(sqlite3_step(q) == SQLITE_ROW);
    CHECK_INT(sqlite3_column_int(q, 0), 1);
    CHECK_INT(sqlite3_column_int(q, 1), 1);
    CHECK_INT(sqlite3_column_int(q, 2), 1);
    CHECK_INT(sqlite3_column_int(q, 3), 1);
    CHECK_INT(sqlite3_column_int(q, 4), 1);
    CHECK_INT(sqlite3_column_int(q, 5), 80);
    CHECK_STR((const char *)sqlite3_column_text(q, 6), "2025-01-02T10:00:00Z");
    CHECK_STR((const char *)sqlite3_column_text(q, 7), "2025-01-03T10:00:00Z");
    sqlite3_finalize(q);
    sqlite3_prepare_v2(raw, "SELECT count(*), sum(n) FROM sum_hist", -1, &q, NULL);
    CHECK(sqlite3_step(q) == SQLITE_ROW);
    CHECK_INT(sqlite3_column_int(q, 0), 1);
    CHECK_INT(sqlite3_column_int(q, 1), 1);
    sqlite3_finalize(q);
    sqlite3_close(raw);
    free(bak);
    free(db);
}

static void expect_refused(const char *name, const char *content, size_t len, const char *needle)
{
    char *db = path_in(name);
    FILE *f = fopen(db, "wb");
    fwrite(content, 1, len, f);
    fclose(f);
    Store *st = NULL;
    SimError e;
    CHECK(store_open(db, &st, &e) != SIM_OK);
    CHECK(st == NULL);
    CHECK_HAS(e.msg, needle);
    /* The file is left exactly as it was. */
    char *back = NULL;
    size_t blen = 0;
    sim_read_file(db, 1 << 20, &back, &blen, &e);
    CHECK(back && blen == len && memcmp(back, content, len) == 0);
    free(back);
    free(db);
}

static void test_refusals(void)
{
    const char junk[] = "this is not a database, just some text that someone saved here";
    expect_refused("junk.db", junk, sizeof junk, "не будет изменён");
    /* A database of another program, and one written by a newer version of ours. */
    char *other = path_in("other.db");
    sqlite3 *raw;
    sqlite3_open(other, &raw);
    sqlite3_exec(raw, "CREATE TABLE t(x); PRAGMA application_id=42;", NULL, NULL, NULL);
    sqlite3_close(raw);
    Store *st = NULL;
    SimError e;
    CHECK(store_open(other, &st, &e) == SIM_ERR_INVALID);
    CHECK_HAS(e.msg, "другой программы");
    char *newer = path_in("newer.db");
    sqlite3_open(newer, &raw);
    sqlite3_exec(raw,
                 "CREATE TABLE t(x); PRAGMA application_id=1296450388; PRAGMA user_version=99;",
                 NULL, NULL, NULL);
    sqlite3_close(raw);
    CHECK(store_open(newer, &st, &e) == SIM_ERR_INVALID);
    CHECK_HAS(e.msg, "более новой версией");
    /* A folder that does not exist. */
    CHECK(store_open("/nonexistent-dir/x/results.db", &st, &e) != SIM_OK);
    CHECK_HAS(e.msg, "проверьте права");
    free(other);
    free(newer);
}

/* Records one finished attempt of trainee id with two criteria; returns the attempt id. */
static void record_attempt(Store *st, long long trainee, char id_out[40])
{
    Scenario sc;
    memset(&sc, 0, sizeof sc);
    sc.title = "Тест";
    sc.criterion_count = 2;
    sc.criteria[0] = (Criterion){.id = "time", .title = "Время", .weight = 10};
    sc.criteria[1] = (Criterion){.id = "legal", .title = "Правильность решения", .weight = 35};
    ScoreLedger l;
    ledger_init(&l);
    ledger_add(&l, LEDGER_POINTS, "a2", 0, -5, "плохо", NULL, 2);
    ScoreReport r;
    memset(&r, 0, sizeof r);
    r.total = 64;
    r.crit[0] = (CriterionResult){10, 10, 10};
    r.crit[1] = (CriterionResult){5, 5, 10};
    AttemptInfo a = {.trainee = trainee, .seed = 7};
    strcpy(a.scenario, "s1");
    strcpy(a.version, "1.0.0");
    strcpy(a.hash, "abc");
    SimError e;
    CHECK(store_begin_attempt(st, &a, &e) == SIM_OK);
    CHECK(store_add_action(st, a.id, 1, "a1", 1, "[]", &e) == SIM_OK);
    StoreResult res = {.scenario = &sc,
                       .ledger = &l,
                       .report = &r,
                       .outcome = "refused",
                       .finished = 1,
                       .sim_minutes = 3.5,
                       .result_json = "{\"criteria\":[{\"id\":\"time\"},{\"id\":\"legal\"}]}"};
    CHECK(store_finish_attempt(st, a.id, &res, &e) == SIM_OK);
    ledger_free(&l);
    snprintf(id_out, 40, "%s", a.id);
}

/* Schema 6 and what the region needs (issue #12): a personnel number unique per office, the
 * journal with canonical bytes, the public hash chain, rebuilding records from those bytes,
 * the roster merged in, and a copy opened as evidence without writing anything. */
static void test_region(void)
{
    char *db = path_in("region.db");
    Store *st = NULL;
    SimError e;
    CHECK(store_open(db, &st, &e) == SIM_OK);
    if (!st)
        return;
    Trainee a = {.office = "IRK01"}, b = {.office = "IRK02"};
    strcpy(a.personnel, "1001");
    strcpy(a.surname, "Иванов");
    strcpy(a.name, "Иван");
    b = a;
    strcpy(b.office, "IRK02");
    strcpy(b.surname, "Петрова");
    long long ida = 0, idb = 0, dup = 0;
    CHECK(store_add_trainee_full(st, &a, &ida, &e) == SIM_OK);
    CHECK(store_add_trainee_full(st, &b, &idb, &e) == SIM_OK); /* two offices' 1001 */
    CHECK(store_add_trainee_full(st, &a, &dup, &e) == SIM_ERR_INVALID);
    char att[40];
    record_attempt(st, ida, att);
    /* attempt, identity, action, finish */
    CHECK_INT(store_chain_last(st), 4);
    SyncEntry *en = NULL;
    size_t n = 0;
    CHECK(store_sync_entries(st, 0, 100, 1, &en, &n, &e) == SIM_OK);
    CHECK_INT(n, 4);
    int intact = 0;
    for (size_t i = 0; i < n; i++)
        intact += en[i].intact;
    CHECK_INT(intact, 4);
    CHECK_STR(en[0].kind, "attempt");
    CHECK_STR(en[3].kind, "finish");
    char h1[65] = "", h2[65] = "";
    for (size_t i = 0; i < n; i++)
        store_pub_hash_next(h1, &en[i], h1);
    for (size_t i = 0; i < n; i++)
        store_pub_hash_next(h2, &en[i], h2);
    CHECK_STR(h1, h2);
    CHECK_INT(strlen(h1), 64);
    /* Rebuilt elsewhere from the canonical bytes, the attempt reads the same. */
    Store *m = NULL;
    CHECK(store_open(":memory:", &m, &e) == SIM_OK);
    Trainee rt = a;
    rt.id = 77;
    CHECK(m && store_import_trainee(m, &rt, &e) == SIM_OK);
    for (size_t i = 0; m && i < n; i++)
        CHECK(store_import_record(m, en[i].kind, en[i].attempt, en[i].seq, en[i].canon,
                                  en[i].canon_len, 77, &e) == SIM_OK);
    AttemptRow x, y;
    CHECK(store_get_attempt(st, att, &x) == 1);
    CHECK(m && store_get_attempt(m, att, &y) == 1);
    CHECK_INT(y.total, x.total);
    CHECK_INT(y.finished, 1);
    CHECK_STR(y.outcome, "refused");
    char **acts = NULL;
    CHECK_INT(m ? store_attempt_actions(m, att, &acts) : 0, 1);
    if (acts) {
        CHECK_STR(acts[0], "a1");
        free(acts[0]);
        free(acts);
    }
    store_close(m);
    store_sync_entries_free(en, n);
    /* The roster: a profile made before the PC knew its office takes the office; a name that
     * differs is a conflict, not a change. */
    Trainee local = {.office = ""};
    strcpy(local.personnel, "2002");
    strcpy(local.surname, "Сидоров");
    strcpy(local.name, "Пётр");
    CHECK(store_add_trainee_full(st, &local, NULL, &e) == SIM_OK);
    Trainee roster[3] = {local, local, a};
    strcpy(roster[0].office, "IRK01");
    strcpy(roster[0].patronymic, "Ильич");
    strcpy(roster[1].personnel, "3003");
    strcpy(roster[1].office, "IRK01");
    strcpy(roster[2].surname, "Другой");
    size_t added = 0, conflicts = 0;
    CHECK(store_roster_merge(st, roster, 3, &added, &conflicts, &e) == SIM_OK);
    CHECK_INT(added, 1);
    CHECK_INT(conflicts, 1);
    Trainee all[8];
    size_t k = store_list_trainees(st, all, 8);
    CHECK_INT(k, 4);
    int found = 0;
    for (size_t i = 0; i < k; i++)
        if (strcmp(all[i].personnel, "2002") == 0)
            found = strcmp(all[i].office, "IRK01") == 0 && strcmp(all[i].patronymic, "Ильич") == 0;
    CHECK(found);
    /* An edited record is seen as not intact. */
    store_close(st);
    sqlite3 *raw;
    CHECK(sqlite3_open(db, &raw) == SQLITE_OK);
    CHECK(sqlite3_exec(raw, "UPDATE attempts SET total = 100", NULL, NULL, NULL) == SQLITE_OK);
    sqlite3_close(raw);
    /* Opened as evidence: nothing is written, no key made, the edit is found. */
    char *copy = path_in("copy.db"), cmd[1200];
    snprintf(cmd, sizeof cmd, "cp '%s' '%s'", db, copy);
    CHECK(system(cmd) == 0);
    Store *ev = NULL;
    CHECK(store_open_evidence(copy, &ev, &e) == SIM_OK);
    ChainReport cr;
    CHECK(ev && store_verify(ev, NULL, &cr, &e) == SIM_OK);
    if (ev) {
        CHECK(cr.keyless);
        CHECK(cr.count >= 1);
        store_verify_free(&cr);
        CHECK(store_sync_entries(ev, 0, 100, 1, &en, &n, &e) == SIM_OK);
        CHECK_INT(n, 4);
        CHECK_INT(n == 4 ? en[3].intact : 1, 0);
        store_sync_entries_free(en, n);
        store_close(ev);
    }
    char *key = path_in("copy.db.key");
    CHECK(access(key, F_OK) != 0);
    free(key);
    free(copy);
    free(db);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/mfc-store-test-XXXXXX");
    if (!mkdtemp(dir))
        return 2;
    test_roundtrip();
    test_migration_from_v1();
    test_refusals();
    test_region();
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return TEST_REPORT();
}
