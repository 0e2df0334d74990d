/*
 * crash_test.c — results survive a crash. A writer process records attempts (each action in
 * its own transaction, then the result) and reports on a pipe every attempt whose finish has
 * committed; the parent kills it with SIGKILL at random moments, again and again, until at
 * least 1,000 actions have been recorded. Then the database must pass integrity_check, and
 * every acknowledged attempt must be there, finished, with all its actions and results.
 */
#include "store/store.h"
#include "../test.h"

#include <signal.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define ACTIONS_PER_ATTEMPT 7

static void writer(const char *db, int fd, unsigned seed)
{
    Store *st = NULL;
    SimError e;
    if (store_open(db, &st, &e) != SIM_OK)
        _exit(3);
    long long trainee = 0;
    Trainee t;
    if (store_find_trainee(st, "1", &t))
        trainee = t.id;
    else if (store_add_trainee(st, "Проверка", "Сбой", "1", &trainee, &e) != SIM_OK)
        _exit(4);
    Scenario sc;
    memset(&sc, 0, sizeof sc);
    sc.title = "Сбой";
    sc.criterion_count = 1;
    sc.criteria[0] = (Criterion){"legal", "Правильность решения", 35};
    ScoreLedger l;
    ledger_init(&l);
    ledger_add(&l, LEDGER_POINTS, "bad", 0, -5, "ошибка", NULL, 1);
    ScoreReport r;
    memset(&r, 0, sizeof r);
    r.total = 50;
    r.crit[0] = (CriterionResult){.raw = 5, .score = 5, .max = 10};
    /* Tell the parent we are about to write, so its random moment falls while writing (a
     * sanitizer build starts slowly). */
    if (write(fd, "READY-------------------------------", 36) != 36)
        _exit(9);
    for (unsigned n = 0;; n++) {
        AttemptInfo a;
        memset(&a, 0, sizeof a);
        a.trainee = trainee;
        strcpy(a.scenario, "crash");
        strcpy(a.version, "1");
        strcpy(a.hash, "0");
        a.seed = seed * 100000u + n;
        if (store_begin_attempt(st, &a, &e) != SIM_OK)
            _exit(5);
        for (int i = 1; i <= ACTIONS_PER_ATTEMPT; i++)
            if (store_add_action(st, a.id, i, "act", i, "[]", &e) != SIM_OK)
                _exit(6);
        StoreResult res = {.scenario = &sc,
                           .ledger = &l,
                           .report = &r,
                           .outcome = "accepted",
                           .finished = 1,
                           .sim_minutes = 7,
                           .result_json = "{}"};
        if (store_finish_attempt(st, a.id, &res, &e) != SIM_OK)
            _exit(7);
        /* Acknowledge only after the commit returned. */
        if (write(fd, a.id, 36) != 36)
            _exit(8);
    }
}

int main(int argc, char **argv)
{
    char dir[] = "/tmp/mfc-crash-XXXXXX";
    if (!mkdtemp(dir))
        return 2;
    char db[128];
    snprintf(db, sizeof db, "%s/results.db", dir);
    int target = argc > 1 ? atoi(argv[1]) : 1000;
    char(*acked)[37] = calloc(100000, sizeof *acked);
    int nacked = 0, kills = 0;
    srand((unsigned)time(NULL));
    long recorded = 0;
    /* At least 1,000 actions and at least 200 kills, whichever takes longer. */
    while ((recorded < target || kills < 200) && kills < 5000) {
        int p[2];
        if (pipe(p) != 0)
            return 2;
        pid_t pid = fork();
        if (pid == 0) {
            close(p[0]);
            writer(db, p[1], (unsigned)kills + 1);
        }
        close(p[1]);
        char ready[37] = {0};
        if (read(p[0], ready, 36) != 36 || strncmp(ready, "READY", 5) != 0) {
            /* The writer died before writing (it cannot open the database): stop. */
            kill(pid, SIGKILL);
            waitpid(pid, NULL, 0);
            close(p[0]);
            fprintf(stderr, "writer did not start\n");
            break;
        }
        struct timespec pause = {0, (long)(rand() % 15000) * 1000L}; /* a random moment */
        nanosleep(&pause, NULL);
        kill(pid, SIGKILL);
        waitpid(pid, NULL, 0);
        char id[37] = {0};
        while (read(p[0], id, 36) == 36 && nacked < 100000)
            memcpy(acked[nacked++], id, 37);
        close(p[0]);
        kills++;
        /* Count what is in the file now (committed actions). */
        sqlite3 *raw;
        sqlite3_open(db, &raw);
        sqlite3_stmt *q;
        if (sqlite3_prepare_v2(raw, "SELECT count(*) FROM actions", -1, &q, NULL) == SQLITE_OK &&
            sqlite3_step(q) == SQLITE_ROW)
            recorded = sqlite3_column_int64(q, 0);
        sqlite3_finalize(q);
        sqlite3_close(raw);
    }
    printf("kills: %d, actions recorded: %ld, attempts acknowledged: %d\n", kills, recorded,
           nacked);
    CHECK(recorded >= target);
    CHECK(nacked > 0);
    sqlite3 *raw;
    CHECK(sqlite3_open(db, &raw) == SQLITE_OK);
    sqlite3_stmt *q;
    sqlite3_prepare_v2(raw, "PRAGMA integrity_check", -1, &q, NULL);
    CHECK(sqlite3_step(q) == SQLITE_ROW);
    CHECK_STR((const char *)sqlite3_column_text(q, 0), "ok");
    sqlite3_finalize(q);
    int intact = 0;
    sqlite3_prepare_v2(raw,
                       "SELECT a.finished, (SELECT count(*) FROM actions WHERE attempt_id = a.id),"
                       " (SELECT count(*) FROM attempt_criteria WHERE attempt_id = a.id),"
                       " (SELECT count(*) FROM attempt_mistakes WHERE attempt_id = a.id)"
                       " FROM attempts a WHERE a.id = ?",
                       -1, &q, NULL);
    for (int i = 0; i < nacked; i++) {
        sqlite3_bind_text(q, 1, acked[i], 36, SQLITE_STATIC);
        if (sqlite3_step(q) == SQLITE_ROW && sqlite3_column_int(q, 0) == 1 &&
            sqlite3_column_int(q, 1) == ACTIONS_PER_ATTEMPT && sqlite3_column_int(q, 2) == 1 &&
            sqlite3_column_int(q, 3) == 1)
            intact++;
        sqlite3_reset(q);
    }
    sqlite3_finalize(q);
    CHECK_INT(intact, nacked);
    /* Interrupted attempts stay unfinished, never half-finished. */
    sqlite3_prepare_v2(raw,
                       "SELECT count(*) FROM attempts a WHERE a.finished = 1 AND "
                       "(SELECT count(*) FROM attempt_criteria WHERE attempt_id = a.id) = 0",
                       -1, &q, NULL);
    sqlite3_step(q);
    CHECK_INT(sqlite3_column_int(q, 0), 0);
    sqlite3_finalize(q);
    sqlite3_close(raw);
    /* The program opens it again without complaint. */
    Store *st = NULL;
    SimError e;
    CHECK(store_open(db, &st, &e) == SIM_OK);
    store_close(st);
    char cmd[200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    free(acked);
    return TEST_REPORT();
}
