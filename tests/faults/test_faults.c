/*
 * test_faults.c — results that survive faults (issue #6).
 *
 * A script error during an attempt stops it as a content error (every hook, the JSON, the
 * store, explore); a results database that fills up or turns read-only in the middle of an
 * attempt keeps every action in memory and writes them in order once it recovers. The
 * database faults are SQLite's own: PRAGMA max_page_count for a full disk, PRAGMA query_only
 * for a read-only file, set on the store's connection.
 * Depends on: session, store (and SQLite, to set the faults and read the rows back).
 */
#include "session/explore.h"
#include "session/session.h"
#include "store/store.h"
#include "store/store_internal.h"

#include "../test.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char tmp[256];
static RuleCatalog *rules;

/* ==== helpers ============================================================================= */

static char *slurp(const char *path)
{
    char *text = NULL;
    size_t len = 0;
    SimError e;
    return sim_read_file(path, 1u << 20, &text, &len, &e) == SIM_OK ? text : NULL;
}

static void spit(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* The test scenario "mini" in a folder of its own (NAME/mini), with this script. Caller
 * frees. */
static Scenario *mini_with(const char *name, const char *lua)
{
    char dir[512], path[600], src[600], scripts[600];
    snprintf(dir, sizeof dir, "%s/%s", tmp, name);
    mkdir(dir, 0700);
    snprintf(dir, sizeof dir, "%s/%s/mini", tmp, name); /* the folder is named by the id */
    mkdir(dir, 0700);
    snprintf(src, sizeof src, "%s/scenarios/mini/scenario.json", TEST_DATA_DIR);
    char *json = slurp(src);
    snprintf(path, sizeof path, "%s/scenario.json", dir);
    spit(path, json ? json : "");
    free(json);
    snprintf(path, sizeof path, "%s/script.lua", dir);
    spit(path, lua);
    snprintf(scripts, sizeof scripts, "%s/scripts", TEST_DATA_DIR);
    SimDiags d;
    simdiags_init(&d);
    ScenarioLoadOptions opt = {.rules = rules, .scripts_dir = scripts};
    Scenario *s = scenario_load(dir, &opt, &d);
    for (size_t i = 0; !s && i < d.count; i++) {
        char *m = simdiag_format(&d.items[i]);
        fprintf(stderr, "%s\n", m);
        free(m);
    }
    simdiags_free(&d);
    return s;
}

static Session *start(const Scenario *s)
{
    SessionOptions o = {.seed = 7, .mode = MODE_TRAINING};
    Session *ss = NULL;
    SimError e;
    CHECK(session_create(s, &o, &ss, &e) == SIM_OK);
    return ss;
}

/* ==== content errors ====================================================================== */

static void test_hook_error_stops(void)
{
    Scenario *s = mini_with("on-action", "function on_action(id)\n"
                                         "  if id == 'ask-why' then\n"
                                         "    local t = nil\n"
                                         "    return t.x\n"
                                         "  end\n"
                                         "end\n");
    CHECK(s != NULL);
    if (!s)
        return;
    Session *ss = start(s);
    SimError e;
    CHECK(session_content_error(ss) == NULL);
    CHECK(session_act(ss, "ask-why", &e) == SIM_OK); /* the action happened, then the stop */
    CHECK(session_finished(ss));
    CHECK(session_ending(ss) == NULL);
    CHECK_STR(session_outcome_id(ss), "content_error");
    CHECK_HAS(session_content_error(ss), "script.lua:4:");
    CHECK_HAS(session_content_error(ss), "stack traceback");
    CHECK(session_act(ss, "hello", &e) == SIM_ERR_STATE);
    CHECK_HAS(e.msg, "ошибки в содержании сценария");
    CHECK_INT(session_action_count(ss), 1);
    char *j = session_result_json(ss, 0);
    CHECK_HAS(j, "\"outcome\":\"content_error\"");
    CHECK_HAS(j, "\"content_error\":\"");
    CHECK_HAS(j, "\"passed\":false");
    CHECK_HAS(j, "\"total\":null");
    free(j);
    session_destroy(ss);

    /* explore reports the error with its path and does not go past it. */
    ExploreOptions xo = {.seed = 1, .max_depth = 10, .verify = 1};
    ExploreResult *r = NULL;
    CHECK(explore_run(s, &xo, &r, &e) == SIM_OK);
    size_t script_issues = 0;
    for (size_t i = 0; r && i < r->issue_count; i++)
        if (r->issues[i].kind == EXPLORE_SCRIPT_ERROR) {
            script_issues++;
            CHECK_HAS(r->issues[i].message, "script.lua:4:");
            const ExplorePath *p = &r->issues[i].path;
            CHECK(p->count > 0 && strcmp(p->actions[p->count - 1], "ask-why") == 0);
        }
    CHECK(script_issues > 0);
    explore_free(r);
    scenario_free(s);
}

static void test_every_hook(void)
{
    static const struct {
        const char *name, *lua;
        const char *first, *second; /* actions to take, or NULL */
        int stopped_at_start;
    } cases[] = {
        {"setup", "function setup() error('нет данных') end\n", NULL, NULL, 1},
        {"on-enter", "function on_enter(step) local x = nil + 1 end\n", NULL, NULL, 1},
        {"available",
         "function available(id)\n  if id == 'wait' and sim.flag('greeted') then\n"
         "    error({})\n  end\n  return true\nend\n",
         "hello", NULL, 0},
        {"ending", "function ending(e) return e .. nil end\n", "hello", "refuse", 0},
        {"bad-ending", "function ending(e) return 'no-such-ending' end\n", "hello", "refuse", 0},
        {"budget", "function on_action(id) while true do end end\n", "hello", NULL, 0},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        Scenario *s = mini_with(cases[i].name, cases[i].lua);
        CHECK(s != NULL);
        if (!s)
            continue;
        ScriptLimits lim = {.instructions = 200000};
        SessionOptions o = {.seed = 3, .mode = MODE_TRAINING, .limits = lim};
        Session *ss = NULL;
        SimError e;
        CHECK(session_create(s, &o, &ss, &e) == SIM_OK);
        if (!ss) {
            scenario_free(s);
            continue;
        }
        CHECK_INT(session_finished(ss), cases[i].stopped_at_start);
        const char *moves[2] = {cases[i].first, cases[i].second};
        for (int k = 0; k < 2; k++) {
            if (!moves[k])
                continue;
            SimStatus st = session_act(ss, moves[k], &e);
            if (st != SIM_OK)
                fprintf(stderr, "case %s: %s\n", cases[i].name, e.msg);
            CHECK(st == SIM_OK);
        }
        if (!session_content_error(ss))
            fprintf(stderr, "case %s did not stop\n", cases[i].name);
        CHECK(session_finished(ss));
        CHECK_STR(session_outcome_id(ss), "content_error");
        CHECK_HAS(session_content_error(ss), "script.lua");
        CHECK(session_ending(ss) == NULL);
        int offered[8];
        CHECK_INT(session_offered(ss, offered, 8), 0);
        session_destroy(ss);
        scenario_free(s);
    }
}

/* ==== the results database ================================================================ */

static int count_rows(sqlite3 *db, const char *sql, const char *attempt)
{
    sqlite3_stmt *q;
    int n = -1;
    if (sqlite3_prepare_v2(db, sql, -1, &q, NULL) != SQLITE_OK)
        return -2;
    if (attempt)
        sqlite3_bind_text(q, 1, attempt, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(q) == SQLITE_ROW)
        n = sqlite3_column_int(q, 0);
    sqlite3_finalize(q);
    return n;
}

/* Makes the database full: no page may be added (max_page_count = page_count), and the room
 * left in the pages an attempt's next action would go to is taken by filler actions of the
 * same attempt (seq from 100000), grown until SQLite says SQLITE_FULL. */
static void fill_up(Store *st, const char *attempt)
{
    static int next = 100000;
    int pages = count_rows(st->db, "PRAGMA page_count", NULL);
    char sql[300];
    snprintf(sql, sizeof sql, "PRAGMA max_page_count = %d", pages);
    sqlite3_exec(st->db, sql, NULL, NULL, NULL);
    int full = 0;
    for (int size = 2048; size >= 1; size /= 2)
        for (;;) {
            char *q = sqlite3_mprintf("INSERT INTO actions(attempt_id, seq, action_id, at, "
                                      "sim_minutes, points_json) VALUES(%Q, %d, 'filler', '', 0, "
                                      "zeroblob(%d))",
                                      attempt, next++, size);
            int rc = sqlite3_exec(st->db, q, NULL, NULL, NULL);
            sqlite3_free(q);
            if (rc != SQLITE_OK) {
                full |= rc == SQLITE_FULL;
                break;
            }
        }
    CHECK(full);
}

/* Room again: the limit lifted and the filler gone. */
static void free_up(Store *st)
{
    sqlite3_exec(st->db, "PRAGMA max_page_count = 1073741823", NULL, NULL, NULL);
    CHECK(sqlite3_exec(st->db, "DELETE FROM actions WHERE seq >= 100000", NULL, NULL, NULL) ==
          SQLITE_OK);
}

/* Records one action the way the window and `play` do. */
static SimStatus record(Store *st, const char *attempt, Session *ss, size_t *seen, SimError *e)
{
    size_t n = session_action_count(ss);
    char *pj = session_ledger_json(ss, *seen);
    *seen = session_ledger(ss)->count;
    SimStatus r = store_add_action(st, attempt, (int)n, session_action_id(ss, n - 1),
                                   session_minutes(ss), pj, e);
    free(pj);
    return r;
}

static SimStatus finish(Store *st, const char *attempt, Session *ss, SimError *e)
{
    ScoreReport r;
    session_report(ss, &r);
    char *json = session_result_json(ss, 1);
    const Ending *en = session_ending(ss);
    StoreResult sr = {.scenario = session_scenario(ss),
                      .ledger = session_ledger(ss),
                      .report = &r,
                      .outcome = session_outcome_id(ss),
                      .finished = en || session_content_error(ss),
                      .sim_minutes = session_minutes(ss),
                      .result_json = json};
    SimStatus rc = store_finish_attempt(st, attempt, &sr, e);
    free(json);
    return rc;
}

/* The recorded actions of an attempt, comma-separated in seq order. */
static void recorded(Store *st, const char *attempt, char *out, size_t n)
{
    char **acts = NULL;
    size_t k = store_attempt_actions(st, attempt, &acts);
    out[0] = '\0';
    for (size_t i = 0; i < k; i++) {
        size_t len = strlen(out);
        snprintf(out + len, n - len, "%s%s", i ? "," : "", acts[i]);
        free(acts[i]);
    }
    free(acts);
}

static void check_seq(Store *st, const char *attempt, int want)
{
    CHECK_INT(count_rows(st->db, "SELECT count(*) FROM actions WHERE attempt_id = ?", attempt),
              want);
    /* seq runs 1..want with no gap. */
    CHECK_INT(count_rows(st->db, "SELECT coalesce(max(seq), 0) FROM actions WHERE attempt_id = ?",
                         attempt),
              want);
}

static void test_disk_full(const Scenario *s)
{
    char path[512];
    snprintf(path, sizeof path, "%s/full.db", tmp);
    Store *st = NULL;
    SimError e;
    CHECK(store_open(path, &st, &e) == SIM_OK);
    if (!st)
        return;
    long long trainee = 0;
    CHECK(store_add_trainee(st, "Иванова", "Мария", "1", &trainee, &e) == SIM_OK);
    Session *ss = start(s);
    AttemptInfo a;
    memset(&a, 0, sizeof a);
    a.trainee = trainee;
    snprintf(a.scenario, sizeof a.scenario, "%s", s->id);
    snprintf(a.version, sizeof a.version, "%s", s->version);
    snprintf(a.hash, sizeof a.hash, "%s", s->hash_hex);
    a.seed = 7;
    CHECK(store_begin_attempt(st, &a, &e) == SIM_OK);
    const char *path_ids[] = {"ask-why",
                              "hello",
                              "inspect:passport",
                              "inspect:poa",
                              "flag:poa.notarised:not_notarised",
                              "service:right",
                              "refuse"};
    size_t n = sizeof path_ids / sizeof path_ids[0], seen = 0;
    for (size_t i = 0; i < n; i++) {
        CHECK(session_act(ss, path_ids[i], &e) == SIM_OK);
        if (i == 2)
            fill_up(st, a.id); /* the disk fills up after the third action */
        if (i == 5)
            free_up(st); /* … and has room again before the last one */
        SimStatus r = record(st, a.id, ss, &seen, &e);
        if (i < 2) {
            CHECK(r == SIM_OK);
        } else if (i < 5) {
            CHECK(r == SIM_ERR_IO);
            CHECK_INT(store_pending(st), i - 1);
            CHECK_HAS(e.msg, "сохранены в памяти");
            CHECK_HAS(e.msg, "full");
        } else {
            CHECK(r == SIM_OK); /* the waiting ones went first, then this one */
            CHECK_INT(store_pending(st), 0);
        }
    }
    CHECK(session_finished(ss));
    CHECK(finish(st, a.id, ss, &e) == SIM_OK);
    char got[1024], want[1024] = "";
    recorded(st, a.id, got, sizeof got);
    for (size_t i = 0; i < n; i++)
        snprintf(want + strlen(want), sizeof want - strlen(want), "%s%s", i ? "," : "",
                 path_ids[i]);
    CHECK_STR(got, want);
    check_seq(st, a.id, (int)n);
    ScoreReport rep;
    session_report(ss, &rep);
    char sql[200];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM attempts WHERE id = ? AND finished = 1 AND total = %d AND "
             "passed = %d AND outcome = '%s'",
             rep.total, rep.passed, session_outcome_id(ss));
    CHECK_INT(count_rows(st->db, sql, a.id), 1);
    CHECK_INT(count_rows(st->db, "SELECT attempts FROM sum_trainee", NULL), 1);

    /* The end of an attempt waits too, and store_flush («Повторить запись») writes it. */
    Session *s2 = start(s);
    AttemptInfo b = a;
    CHECK(store_begin_attempt(st, &b, &e) == SIM_OK);
    seen = 0;
    CHECK(session_act(s2, "ask-why", &e) == SIM_OK);
    fill_up(st, b.id);
    CHECK(record(st, b.id, s2, &seen, &e) == SIM_ERR_IO);
    CHECK(session_act(s2, "hello", &e) == SIM_OK);
    CHECK(record(st, b.id, s2, &seen, &e) == SIM_ERR_IO);
    session_abandon(s2);
    CHECK(finish(st, b.id, s2, &e) == SIM_ERR_IO);
    CHECK_INT(store_pending(st), 3);
    CHECK(store_flush(st, &e) == SIM_ERR_IO); /* still full */
    CHECK_INT(store_pending(st), 3);
    free_up(st);
    CHECK(store_flush(st, &e) == SIM_OK);
    CHECK_INT(store_pending(st), 0);
    recorded(st, b.id, got, sizeof got);
    CHECK_STR(got, "ask-why,hello");
    CHECK_INT(count_rows(st->db,
                         "SELECT count(*) FROM attempts WHERE id = ? AND outcome = 'unfinished'",
                         b.id),
              1);
    CHECK_INT(count_rows(st->db,
                         "SELECT count(*) FROM pragma_integrity_check "
                         "WHERE integrity_check = 'ok'",
                         NULL),
              1);
    session_destroy(s2);
    session_destroy(ss);
    store_close(st);
}

static void test_read_only(const Scenario *s)
{
    char path[512];
    snprintf(path, sizeof path, "%s/ro.db", tmp);
    Store *st = NULL;
    SimError e;
    CHECK(store_open(path, &st, &e) == SIM_OK);
    if (!st)
        return;
    Session *ss = start(s);
    AttemptInfo a;
    memset(&a, 0, sizeof a);
    snprintf(a.scenario, sizeof a.scenario, "%s", s->id);
    snprintf(a.version, sizeof a.version, "%s", s->version);
    snprintf(a.hash, sizeof a.hash, "%s", s->hash_hex);
    /* Read-only from the very start: even the attempt's row waits. */
    sqlite3_exec(st->db, "PRAGMA query_only = 1", NULL, NULL, NULL);
    CHECK(store_begin_attempt(st, &a, &e) == SIM_ERR_IO);
    CHECK(a.id[0] != '\0');
    CHECK_INT(store_pending(st), 1);
    size_t seen = 0;
    const char *ids[] = {"ask-why", "hello", "refuse"};
    for (int i = 0; i < 3; i++) {
        CHECK(session_act(ss, ids[i], &e) == SIM_OK);
        if (i == 2)
            sqlite3_exec(st->db, "PRAGMA query_only = 0", NULL, NULL, NULL);
        SimStatus r = record(st, a.id, ss, &seen, &e);
        CHECK(r == (i == 2 ? SIM_OK : SIM_ERR_IO));
        if (r != SIM_OK)
            CHECK_HAS(e.msg, "readonly");
    }
    CHECK(finish(st, a.id, ss, &e) == SIM_OK);
    char got[256];
    recorded(st, a.id, got, sizeof got);
    CHECK_STR(got, "ask-why,hello,refuse");
    check_seq(st, a.id, 3);
    CHECK_INT(count_rows(st->db, "SELECT finished FROM attempts WHERE id = ?", a.id), 1);
    session_destroy(ss);

    /* A write that can never succeed (the same seq twice) is refused, not kept. */
    CHECK(store_add_action(st, a.id, 1, "hello", 1, "[]", &e) == SIM_ERR_IO);
    CHECK_INT(store_pending(st), 0);
    store_close(st);

    /* A file whose permissions were taken away: opened read-only by SQLite, writes wait. */
    if (geteuid() != 0) { /* root ignores permissions */
        chmod(path, 0444);
        CHECK(store_open(path, &st, &e) == SIM_OK || st == NULL);
        if (st) {
            AttemptInfo c = a;
            SimStatus r = store_begin_attempt(st, &c, &e);
            CHECK(r == SIM_ERR_IO);
            CHECK_INT(store_pending(st), 1);
            chmod(path, 0644);
            store_close(st);
        }
        chmod(path, 0644);
    }
}

static void test_content_error_stored(void)
{
    Scenario *s = mini_with("stored", "function on_action(id) error('сломано') end\n");
    CHECK(s != NULL);
    if (!s)
        return;
    char path[512];
    snprintf(path, sizeof path, "%s/ce.db", tmp);
    Store *st = NULL;
    SimError e;
    CHECK(store_open(path, &st, &e) == SIM_OK);
    if (!st) {
        scenario_free(s);
        return;
    }
    long long trainee = 0;
    CHECK(store_add_trainee(st, "Петров", "Пётр", "2", &trainee, &e) == SIM_OK);
    Session *ss = start(s);
    AttemptInfo a;
    memset(&a, 0, sizeof a);
    a.trainee = trainee;
    snprintf(a.scenario, sizeof a.scenario, "%s", s->id);
    snprintf(a.version, sizeof a.version, "%s", s->version);
    snprintf(a.hash, sizeof a.hash, "%s", s->hash_hex);
    CHECK(store_begin_attempt(st, &a, &e) == SIM_OK);
    size_t seen = 0;
    CHECK(session_act(ss, "hello", &e) == SIM_OK);
    CHECK(record(st, a.id, ss, &seen, &e) == SIM_OK);
    CHECK(finish(st, a.id, ss, &e) == SIM_OK);
    CHECK_INT(count_rows(st->db,
                         "SELECT count(*) FROM attempts WHERE id = ? AND finished = 1 AND "
                         "outcome = 'content_error' AND total IS NULL AND passed = 0 AND "
                         "result_json LIKE '%script.lua:1:%'",
                         a.id),
              1);
    /* Not a scored attempt, and never offered for resuming. */
    CHECK_INT(count_rows(st->db, "SELECT attempts FROM sum_trainee", NULL), 0);
    AttemptInfo u;
    CHECK(!store_unfinished_attempt(st, trainee, s->id, s->hash_hex, &u, NULL, NULL));
    ScenarioStats stats = store_scenario_stats(st, trainee, s->id);
    CHECK_INT(stats.best_total, -1);
    CHECK_INT(stats.passed, 0);
    session_destroy(ss);
    store_close(st);
    scenario_free(s);
}

int main(void)
{
    snprintf(tmp, sizeof tmp, "/tmp/mfc-faults-XXXXXX");
    if (!mkdtemp(tmp))
        return 2;
    char path[512];
    snprintf(path, sizeof path, "%s/scenarios/data/rules.json", TEST_DATA_DIR);
    SimDiags d;
    simdiags_init(&d);
    rules = rules_load(path, &d);
    simdiags_free(&d);
    test_hook_error_stops();
    test_every_hook();
    Scenario *plain = mini_with("plain", "-- no hooks\n");
    CHECK(plain != NULL);
    if (plain) {
        test_disk_full(plain);
        test_read_only(plain);
    }
    test_content_error_stored();
    scenario_free(plain);
    rules_free(rules);
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmp);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", tmp);
    return TEST_REPORT();
}
