/*
 * gen_results.c — fills a results database (schema of engine/store) with synthetic attempts
 * for the report benchmark, and times recording one action through the store.
 *
 *   gen_results DB [--attempts N] [--trainees N] [--scenarios N] [--seed S]
 *                  [--json-bytes N] [--actions]
 *       creates DB (it must not exist) with N attempts (default 1,000,000) of N trainees
 *       (10,000) over N scenarios (50), spread over 2025 in time order: 6 criteria rows per
 *       attempt (the bundled scenarios' criteria, weights and maxima), 0–8 mistakes per
 *       attempt drawn from a per-scenario pool (skewed, so some mistakes are frequent), 20 %
 *       exams, 4 % unfinished. --json-bytes N stores a result_json of about N bytes per
 *       attempt (the real player stores ~6 KB; default 0 = NULL); --actions also writes
 *       15 action rows per attempt. Deterministic for a seed.
 *   gen_results DB --time-actions N
 *       opens DB with store_open, starts one attempt and records N actions with
 *       store_add_action, timing each call; prints the median, p95 and max in microseconds.
 *   gen_results DB --time-open N | --time-report N
 *       …
 *   gen_results DB --rebuild
 *       times store_rebuild_summary (the running summaries recomputed, as a migration does)
 *       the parts of `mfc-trainer report`: store_open (its quick_check reads the whole file),
 *       or report_build over everything once the store is open; median of N runs.
 *
 * Depends on: engine/store (the schema and the timed call) and SQLite directly (bulk insert
 * with synchronous off, which the store never does).
 */
#include "store/report.h"
#include "store/store.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_sec(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void die_sql(sqlite3 *db, const char *what)
{
    fprintf(stderr, "gen_results: %s: %s\n", what, sqlite3_errmsg(db));
    exit(1);
}

static void exec_or_die(sqlite3 *db, const char *sql)
{
    if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
        die_sql(db, sql);
}

static sqlite3_stmt *prep(sqlite3 *db, const char *sql)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(db, sql, -1, &s, NULL) != SQLITE_OK)
        die_sql(db, sql);
    return s;
}

static void step_reset(sqlite3 *db, sqlite3_stmt *s)
{
    if (sqlite3_step(s) != SQLITE_DONE)
        die_sql(db, "insert");
    sqlite3_reset(s);
}

/* ---- the data -------------------------------------------------------------------------- */

static const struct {
    const char *id, *title;
    int weight, max;
} CRIT[] = {
    {"legal", "Правильность решения", 35, 40},
    {"documents", "Проверка документов", 25, 20},
    {"communication", "Общение", 15, 12},
    {"time", "Время", 10, 10},
    {"personal_data", "Персональные данные", 10, 10},
    {"escalation", "Конфликт и эскалация", 5, 5},
};
#define NCRIT 6

static const struct {
    const char *id, *rule;
} RULES[] = {
    {"210-fz-7", "210-ФЗ, ст. 7"},
    {"210-fz-7-pd", "210-ФЗ, ч. 3 ст. 7"},
    {"passport-90-days", "ПП РФ № 2267, замена паспорта в 20 и 45 лет"},
    {"reg-refusal-grounds", "регламент услуги, основания отказа в приёме"},
    {"152-fz-9", "152-ФЗ, ст. 9"},
    {"etiquette", "стандарт обслуживания МФЦ"},
};

static const char *const SURNAMES[] = {"Иванова",   "Петров",   "Смирнова",  "Кузнецов",
                                       "Попова",    "Васильев", "Соколова",  "Михайлов",
                                       "Новикова",  "Фёдоров",  "Морозова",  "Волков",
                                       "Алексеева", "Лебедев",  "Семёнова",  "Егоров",
                                       "Павлова",   "Козлов",   "Степанова", "Николаев"};
static const char *const NAMES[] = {"Анна",  "Иван",  "Мария", "Олег",  "Елена",
                                    "Павел", "Ольга", "Денис", "Ирина", "Артём"};

static const char *const MISTAKE_WORDS[] = {
    "Нельзя требовать у заявителя документ, который МФЦ получает по межведомственному "
    "запросу: это прямо запрещено законом, заявитель вправе пожаловаться.",
    "Отказ незаконен: основания для отказа в приёме перечислены в регламенте, и этого "
    "среди них нет. Верно — принять заявление и объяснить порядок.",
    "Грубый или безразличный тон: заявитель раздражается, приём затягивается.",
    "Не проверено согласие на обработку персональных данных другого лица.",
    "Выбрана не та услуга в программе: заявление уйдёт не в тот орган.",
    "Не замечена ошибка в документе: заявление вернут из ведомства.",
};

#define MISTAKES_PER_SCENARIO 12

/* ---- generation ------------------------------------------------------------------------- */

static void uuid(SimRng *r, char out[40])
{
    unsigned char u[16];
    for (int i = 0; i < 16; i += 8) {
        uint64_t v = simrng_next(r);
        memcpy(u + i, &v, 8);
    }
    u[6] = (unsigned char)((u[6] & 0x0F) | 0x40);
    u[8] = (unsigned char)((u[8] & 0x3F) | 0x80);
    snprintf(out, 40, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", u[0],
             u[1], u[2], u[3], u[4], u[5], u[6], u[7], u[8], u[9], u[10], u[11], u[12], u[13],
             u[14], u[15]);
}

static void iso_time(long long epoch, char out[32])
{
    time_t t = (time_t)epoch;
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* A skewed pick in [0, n): low indexes are much more frequent. */
static int skewed(SimRng *r, int n)
{
    double u = simrng_double(r);
    int k = (int)(u * u * u * n);
    return k < n ? k : n - 1;
}

static int generate(const char *path, long attempts, int trainees, int scenarios, uint64_t seed,
                    int json_bytes, int with_actions)
{
    /* The schema exactly as the store creates it. */
    Store *st;
    SimError err;
    if (store_open(path, &st, &err) != SIM_OK) {
        fprintf(stderr, "gen_results: %s\n", err.msg);
        return 1;
    }
    store_close(st);
    sqlite3 *db;
    if (sqlite3_open(path, &db) != SQLITE_OK)
        die_sql(db, "open");
    exec_or_die(db, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144;"
                    "BEGIN");
    SimRng rng;
    simrng_seed(&rng, seed);
    double t0 = now_sec();

    sqlite3_stmt *tr = prep(db, "INSERT INTO trainees(id, surname, name, personnel_number, "
                                "created_at) VALUES(?,?,?,?,'2025-01-01T08:00:00Z')");
    for (int i = 1; i <= trainees; i++) {
        char pn[32];
        snprintf(pn, sizeof pn, "%06d", 100000 + i);
        sqlite3_bind_int(tr, 1, i);
        sqlite3_bind_text(tr, 2, SURNAMES[simrng_below(&rng, 20)], -1, SQLITE_STATIC);
        sqlite3_bind_text(tr, 3, NAMES[simrng_below(&rng, 10)], -1, SQLITE_STATIC);
        sqlite3_bind_text(tr, 4, pn, -1, SQLITE_TRANSIENT);
        step_reset(db, tr);
    }
    sqlite3_finalize(tr);

    /* Per scenario: a difficulty and a pool of mistakes with their points. */
    typedef struct {
        char action[48], feedback[400];
        int crit, points, critical, rule;
    } PoolMistake;
    PoolMistake *pool = calloc((size_t)scenarios * MISTAKES_PER_SCENARIO, sizeof *pool);
    double *skill = calloc((size_t)trainees + 1, sizeof *skill);
    if (!pool || !skill)
        return 1;
    for (int s = 0; s < scenarios; s++)
        for (int m = 0; m < MISTAKES_PER_SCENARIO; m++) {
            PoolMistake *p = &pool[s * MISTAKES_PER_SCENARIO + m];
            static const char *const verbs[] = {"demand", "refuse",  "rude",
                                                "skip",   "service", "miss"};
            int v = (int)simrng_below(&rng, 6);
            snprintf(p->action, sizeof p->action, "%s-%d", verbs[v], m + 1);
            p->crit = v == 2 ? 2 : v == 3 ? 4 : v == 5 ? 1 : 0;
            p->points =
                -(int)(CRIT[p->crit].max / 5 + simrng_below(&rng, (uint64_t)CRIT[p->crit].max / 2));
            p->critical = v == 1 && m % 3 == 0;
            p->rule = (int)simrng_below(&rng, 6);
            snprintf(p->feedback, sizeof p->feedback, "%s", MISTAKE_WORDS[v]);
        }
    for (int t = 1; t <= trainees; t++)
        skill[t] = 0.2 + 0.75 * simrng_double(&rng);

    sqlite3_stmt *at =
        prep(db,
             "INSERT INTO attempts(id, trainee_id, scenario_id, scenario_version, scenario_hash, "
             "seed, mode, started_at, ended_at, sim_minutes, real_seconds, finished, outcome, "
             "total, passed, result_json, scenario_title) "
             "VALUES(?,?,?,'1.0.0',?,?,?,?,?,?,?,?,?,?,?,?,?)");
    sqlite3_stmt *cr = prep(db, "INSERT INTO attempt_criteria(attempt_id, criterion, title, "
                                "weight, score, max) VALUES(?,?,?,?,?,?)");
    sqlite3_stmt *mi = prep(db, "INSERT INTO attempt_mistakes(attempt_id, seq, action_id, kind, "
                                "criterion, points, feedback, rule_id, rule) "
                                "VALUES(?,?,?,?,?,?,?,?,?)");
    sqlite3_stmt *ac = prep(db, "INSERT INTO actions(attempt_id, seq, action_id, at, "
                                "sim_minutes, points_json) VALUES(?,?,?,?,?,?)");
    char *json = NULL;
    if (json_bytes > 0) {
        json = malloc((size_t)json_bytes + 1);
        if (!json)
            return 1;
        memset(json, 'x', (size_t)json_bytes); /* size is what matters to the file's layout */
        json[json_bytes] = '\0';
    }
    const long long t_begin = 1735718400; /* 2025-01-01T08:00:00Z */
    const double span = 364.0 * 86400.0;
    for (long i = 0; i < attempts; i++) {
        char id[40], start[32], end[32], sid[32], hash[24], seedtxt[24];
        uuid(&rng, id);
        int t = 1 + (int)simrng_below(&rng, (uint64_t)trainees);
        int s = skewed(&rng, scenarios);
        long long when = t_begin + (long long)(span * (double)i / (double)attempts);
        int exam = simrng_below(&rng, 5) == 0;
        int finished = simrng_below(&rng, 25) != 0;
        iso_time(when, start);
        iso_time(when + 600 + (long long)simrng_below(&rng, 900), end);
        snprintf(sid, sizeof sid, "scenario-%02d", s + 1);
        snprintf(hash, sizeof hash, "%016llx", (unsigned long long)(s * 7919 + 17));
        snprintf(seedtxt, sizeof seedtxt, "%llu", (unsigned long long)simrng_below(&rng, 1000000));
        /* Mistakes: a skilled trainee makes fewer. */
        int nm = 0, picked[8];
        int want = (int)((1.0 - skill[t]) * 12.0 * simrng_double(&rng) + 0.5);
        for (int k = 0; k < want && nm < 8; k++) {
            int m = skewed(&rng, MISTAKES_PER_SCENARIO), dup = 0;
            for (int j = 0; j < nm; j++)
                dup |= picked[j] == m;
            if (!dup)
                picked[nm++] = m;
        }
        int raw[NCRIT], critical = 0;
        for (int c = 0; c < NCRIT; c++)
            raw[c] = CRIT[c].max;
        for (int k = 0; k < nm; k++) {
            const PoolMistake *p = &pool[s * MISTAKES_PER_SCENARIO + picked[k]];
            raw[p->crit] += p->points;
            critical |= p->critical;
        }
        if (!finished)
            for (int c = 0; c < NCRIT; c++)
                raw[c] = raw[c] / 3;
        double acc = 0, wsum = 0;
        for (int c = 0; c < NCRIT; c++) {
            if (raw[c] < 0)
                raw[c] = 0;
            acc += CRIT[c].weight * (double)raw[c] / CRIT[c].max;
            wsum += CRIT[c].weight;
        }
        int total = (int)(100.0 * acc / wsum + 0.5);
        int passed = finished && total >= 70 && !critical;

        sqlite3_bind_text(at, 1, id, -1, SQLITE_STATIC);
        sqlite3_bind_int(at, 2, t);
        sqlite3_bind_text(at, 3, sid, -1, SQLITE_STATIC);
        sqlite3_bind_text(at, 4, hash, -1, SQLITE_STATIC);
        sqlite3_bind_text(at, 5, seedtxt, -1, SQLITE_STATIC);
        sqlite3_bind_text(at, 6, exam ? "exam" : "training", -1, SQLITE_STATIC);
        sqlite3_bind_text(at, 7, start, -1, SQLITE_STATIC);
        sqlite3_bind_text(at, 8, end, -1, SQLITE_STATIC);
        sqlite3_bind_double(at, 9, 8.0 + (double)simrng_below(&rng, 20) / 2);
        sqlite3_bind_double(at, 10, 300.0 + (double)simrng_below(&rng, 900));
        sqlite3_bind_int(at, 11, finished);
        sqlite3_bind_text(at, 12, finished ? (critical ? "refused" : "accepted") : "unfinished", -1,
                          SQLITE_STATIC);
        sqlite3_bind_int(at, 13, total);
        sqlite3_bind_int(at, 14, passed);
        if (json)
            sqlite3_bind_text(at, 15, json, json_bytes, SQLITE_STATIC);
        else
            sqlite3_bind_null(at, 15);
        char title[64];
        snprintf(title, sizeof title, "Сценарий № %d", s + 1);
        sqlite3_bind_text(at, 16, title, -1, SQLITE_STATIC);
        step_reset(db, at);
        for (int c = 0; c < NCRIT; c++) {
            sqlite3_bind_text(cr, 1, id, -1, SQLITE_STATIC);
            sqlite3_bind_text(cr, 2, CRIT[c].id, -1, SQLITE_STATIC);
            sqlite3_bind_text(cr, 3, CRIT[c].title, -1, SQLITE_STATIC);
            sqlite3_bind_int(cr, 4, CRIT[c].weight);
            sqlite3_bind_int(cr, 5, raw[c] > CRIT[c].max ? CRIT[c].max : raw[c]);
            sqlite3_bind_int(cr, 6, CRIT[c].max);
            step_reset(db, cr);
        }
        int seq = 0;
        for (int k = 0; finished && k < nm; k++) {
            const PoolMistake *p = &pool[s * MISTAKES_PER_SCENARIO + picked[k]];
            for (int crit_row = 0; crit_row <= p->critical; crit_row++) {
                sqlite3_bind_text(mi, 1, id, -1, SQLITE_STATIC);
                sqlite3_bind_int(mi, 2, ++seq);
                sqlite3_bind_text(mi, 3, p->action, -1, SQLITE_STATIC);
                sqlite3_bind_text(mi, 4, crit_row ? "critical" : "points", -1, SQLITE_STATIC);
                if (crit_row)
                    sqlite3_bind_null(mi, 5);
                else
                    sqlite3_bind_text(mi, 5, CRIT[p->crit].id, -1, SQLITE_STATIC);
                sqlite3_bind_int(mi, 6, crit_row ? 0 : p->points);
                sqlite3_bind_text(mi, 7, p->feedback, -1, SQLITE_STATIC);
                sqlite3_bind_text(mi, 8, RULES[p->rule].id, -1, SQLITE_STATIC);
                sqlite3_bind_text(mi, 9, RULES[p->rule].rule, -1, SQLITE_STATIC);
                step_reset(db, mi);
            }
        }
        for (int k = 0; with_actions && k < 15; k++) {
            sqlite3_bind_text(ac, 1, id, -1, SQLITE_STATIC);
            sqlite3_bind_int(ac, 2, k + 1);
            sqlite3_bind_text(ac, 3,
                              k < nm ? pool[s * MISTAKES_PER_SCENARIO + picked[k]].action
                                     : "greet-standard",
                              -1, SQLITE_STATIC);
            sqlite3_bind_text(ac, 4, start, -1, SQLITE_STATIC);
            sqlite3_bind_double(ac, 5, 0.5 * (k + 1));
            sqlite3_bind_text(ac, 6,
                              "[{\"action\":\"greet-standard\",\"kind\":\"points\",\"criterion\":"
                              "\"communication\",\"points\":3,\"feedback\":\"Вы назвались и "
                              "поздоровались: заявитель знает, с кем говорит.\"}]",
                              -1, SQLITE_STATIC);
            step_reset(db, ac);
        }
        if ((i + 1) % 100000 == 0) {
            exec_or_die(db, "COMMIT; BEGIN");
            fprintf(stderr, "\r%ld attempts, %.0f s", i + 1, now_sec() - t0);
        }
    }
    exec_or_die(db, "COMMIT");
    sqlite3_finalize(at);
    sqlite3_finalize(cr);
    sqlite3_finalize(mi);
    sqlite3_finalize(ac);
    exec_or_die(db, "ANALYZE");
    sqlite3_close(db);
    free(pool);
    free(skill);
    free(json);
    fprintf(stderr, "\n");
    printf("generated %ld attempts, %d trainees, %d scenarios in %.1f s\n", attempts, trainees,
           scenarios, now_sec() - t0);
    /* Rows went in behind the store's back: its running summaries are computed once here,
     * as a migration does for an older file. */
    double t1 = now_sec();
    if (store_open(path, &st, &err) != SIM_OK || store_rebuild_summary(st, &err) != SIM_OK) {
        fprintf(stderr, "gen_results: %s\n", err.msg);
        store_close(st);
        return 1;
    }
    store_close(st);
    printf("running summaries rebuilt in %.1f s\n", now_sec() - t1);
    return 0;
}

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int time_actions(const char *path, int n)
{
    Store *st;
    SimError err;
    if (store_open(path, &st, &err) != SIM_OK) {
        fprintf(stderr, "gen_results: %s\n", err.msg);
        return 1;
    }
    AttemptInfo a;
    memset(&a, 0, sizeof a);
    a.trainee = 1;
    snprintf(a.scenario, sizeof a.scenario, "scenario-01");
    snprintf(a.version, sizeof a.version, "1.0.0");
    snprintf(a.hash, sizeof a.hash, "0000000000000011");
    if (store_begin_attempt(st, &a, &err) != SIM_OK) {
        fprintf(stderr, "gen_results: %s\n", err.msg);
        store_close(st);
        return 1;
    }
    double *us = malloc((size_t)n * sizeof *us);
    if (!us)
        return 1;
    const char *points = "[{\"action\":\"greet-standard\",\"kind\":\"points\",\"criterion\":"
                         "\"communication\",\"points\":3,\"feedback\":\"Вы назвались и "
                         "поздоровались: заявитель знает, с кем говорит.\"}]";
    for (int i = 0; i < n; i++) {
        double t = now_sec();
        if (store_add_action(st, a.id, i + 1, "greet-standard", 0.5 * (i + 1), points, &err) !=
            SIM_OK) {
            fprintf(stderr, "gen_results: %s\n", err.msg);
            free(us);
            store_close(st);
            return 1;
        }
        us[i] = (now_sec() - t) * 1e6;
    }
    store_close(st);
    qsort(us, (size_t)n, sizeof *us, cmp_double);
    printf("store_add_action over %d calls: median %.0f us, p95 %.0f us, max %.0f us\n", n,
           us[n / 2], us[(int)(n * 0.95)], us[n - 1]);
    free(us);
    return 0;
}

/* Median seconds of n runs of store_open (+ close), or of report_build on an open store. */
static int time_parts(const char *path, int n, int report)
{
    double *t = malloc((size_t)n * sizeof *t);
    if (!t)
        return 1;
    Store *st = NULL;
    SimError err;
    if (report && store_open(path, &st, &err) != SIM_OK) {
        fprintf(stderr, "gen_results: %s\n", err.msg);
        free(t);
        return 1;
    }
    long long attempts = 0;
    for (int i = 0; i < n; i++) {
        double t0 = now_sec();
        if (report) {
            Report *r;
            ReportFilter f = {0};
            if (report_build(st, &f, &r, &err) != SIM_OK) {
                fprintf(stderr, "gen_results: %s\n", err.msg);
                free(t);
                store_close(st);
                return 1;
            }
            attempts = r->attempts;
            report_free(r);
        } else {
            if (store_open(path, &st, &err) != SIM_OK) {
                fprintf(stderr, "gen_results: %s\n", err.msg);
                free(t);
                return 1;
            }
            store_close(st);
            st = NULL;
        }
        t[i] = now_sec() - t0;
    }
    store_close(st);
    qsort(t, (size_t)n, sizeof *t, cmp_double);
    if (report)
        printf("report_build over %lld finished attempts: median %.3f s (min %.3f, max %.3f, "
               "%d runs)\n",
               attempts, t[n / 2], t[0], t[n - 1], n);
    else
        printf("store_open (with its quick_check): median %.3f s (min %.3f, max %.3f, %d runs)\n",
               t[n / 2], t[0], t[n - 1], n);
    free(t);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: gen_results DB [--attempts N] [--trainees N] [--scenarios N] "
                        "[--seed S] [--json-bytes N] [--actions] | DB --time-actions N | "
                        "DB --time-open N | DB --time-report N | DB --rebuild\n");
        return 2;
    }
    long attempts = 1000000;
    int trainees = 10000, scenarios = 50, json_bytes = 0, with_actions = 0, timed = 0;
    int time_open = 0, time_report = 0;
    uint64_t seed = 1;
    for (int i = 2; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (strcmp(a, "--actions") == 0) {
            with_actions = 1;
            continue;
        }
        if (strcmp(a, "--rebuild") == 0) {
            /* Time store_rebuild_summary on an existing database (what a migration to schema
             * 3 does once). */
            Store *st = NULL;
            SimError err;
            if (store_open(argv[1], &st, &err) != SIM_OK) {
                fprintf(stderr, "gen_results: %s\n", err.msg);
                return 1;
            }
            double t0 = now_sec();
            SimStatus rc = store_rebuild_summary(st, &err);
            printf("store_rebuild_summary: %.1f s%s%s\n", now_sec() - t0, rc ? ": " : "",
                   rc ? err.msg : "");
            store_close(st);
            return rc != SIM_OK;
        }
        if (!v) {
            fprintf(stderr, "gen_results: %s needs a value\n", a);
            return 2;
        }
        i++;
        if (strcmp(a, "--attempts") == 0)
            attempts = atol(v);
        else if (strcmp(a, "--trainees") == 0)
            trainees = atoi(v);
        else if (strcmp(a, "--scenarios") == 0)
            scenarios = atoi(v);
        else if (strcmp(a, "--seed") == 0)
            seed = strtoull(v, NULL, 10);
        else if (strcmp(a, "--json-bytes") == 0)
            json_bytes = atoi(v);
        else if (strcmp(a, "--time-actions") == 0)
            timed = atoi(v);
        else if (strcmp(a, "--time-open") == 0)
            time_open = atoi(v);
        else if (strcmp(a, "--time-report") == 0)
            time_report = atoi(v);
        else {
            fprintf(stderr, "gen_results: unknown option %s\n", a);
            return 2;
        }
    }
    if (timed > 0)
        return time_actions(argv[1], timed);
    if (time_open > 0 || time_report > 0)
        return time_parts(argv[1], time_open > 0 ? time_open : time_report, time_report > 0);
    if (attempts < 1 || trainees < 1 || scenarios < 1 || scenarios > 99 || json_bytes < 0) {
        fprintf(stderr, "gen_results: bad sizes\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (f) {
        fclose(f);
        fprintf(stderr, "gen_results: %s exists; remove it first\n", argv[1]);
        return 2;
    }
    return generate(argv[1], attempts, trainees, scenarios, seed, json_bytes, with_actions);
}
