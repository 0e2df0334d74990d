/*
 * report.c — the manager's report over the results database (see report.h).
 *
 * The schema keys attempts by a text UUID and keeps criteria and mistakes in their own
 * tables, so a report over every attempt joined in SQL costs one B-tree search per criteria
 * row (seconds at a million attempts). Instead:
 *   1. one query over attempts (the index that fits the filter picks the rows) gives every
 *      per-attempt figure and the set of finished attempts, kept in a hash table;
 *   2. attempt_criteria and attempt_mistakes are read either per selected attempt (their
 *      primary-key index, when few attempts match) or in one sequential pass in rowid order,
 *      where the rows of one attempt are adjacent, so one hash lookup serves each attempt;
 *   3. everything is summed in memory and copied into the Report's arena.
 * Depends on: store_internal.h (the connection), core, i18n.
 */
#include "report.h"
#include "store_internal.h"

#include "../core/hmap.h"
#include "../core/i18n.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== arena: every string and array of a Report lives in one, freed at once ============== */

typedef struct Chunk {
    struct Chunk *next;
    size_t used, cap;
    max_align_t data[]; /* every allocation is rounded to 16 bytes */
} Chunk;

typedef struct Arena {
    Chunk *head;
    int oom;
} Arena;

static void *arena_alloc(Arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (!a->head || a->head->cap - a->head->used < n) {
        size_t cap = n > 65536 ? n : 65536;
        Chunk *c = malloc(sizeof *c + cap);
        if (!c) {
            a->oom = 1;
            return NULL;
        }
        c->next = a->head;
        c->used = 0;
        c->cap = cap;
        a->head = c;
    }
    void *p = (unsigned char *)a->head->data + a->head->used;
    a->head->used += n;
    return p;
}

static void *arena_zalloc(Arena *a, size_t n)
{
    void *p = arena_alloc(a, n ? n : 1);
    if (p)
        memset(p, 0, n ? n : 1);
    return p;
}

static const char *arena_strndup(Arena *a, const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *p = arena_alloc(a, n + 1);
    if (!p)
        return "";
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

static const char *arena_strdup(Arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

static void arena_free(Arena *a)
{
    if (!a)
        return;
    for (Chunk *c = a->head, *next; c; c = next) {
        next = c->next;
        free(c);
    }
    a->head = NULL;
}

/* ==== dates ================================================================================ */

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static long days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, char out[11])
{
    z += 719468;
    long era = (z >= 0 ? z : z - 146096) / 146097;
    long doe = z - era * 146097;
    long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long y = yoe + era * 400;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long d = doy - (153 * mp + 2) / 5 + 1;
    long m = mp + (mp < 10 ? 3 : -9);
    y += m <= 2;
    int yy = (int)(y % 10000), mm = (int)m % 100, dd = (int)d % 100;
    if (yy < 0)
        yy = 0;
    out[0] = (char)('0' + yy / 1000);
    out[1] = (char)('0' + yy / 100 % 10);
    out[2] = (char)('0' + yy / 10 % 10);
    out[3] = (char)('0' + yy % 10);
    out[4] = '-';
    out[5] = (char)('0' + mm / 10);
    out[6] = (char)('0' + mm % 10);
    out[7] = '-';
    out[8] = (char)('0' + dd / 10);
    out[9] = (char)('0' + dd % 10);
    out[10] = '\0';
}

static int digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* Parses the leading YYYY-MM-DD of s into a day number; 0 when it is not a date. */
static int parse_day(const char *s, long *day)
{
    if (!s || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' || !digits(s + 8, 2))
        return 0;
    long y = atol(s), m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
        return 0;
    if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
        return 0;
    *day = days_from_civil(y, m, d);
    return 1;
}

int report_date_valid(const char *s)
{
    long day;
    return s && strlen(s) == 10 && parse_day(s, &day);
}

/* started_at "YYYY-MM-DDTHH:MM:SSZ" → seconds since the epoch (for "which is later"). */
static long long parse_time(const char *s, long *day)
{
    if (!parse_day(s, day))
        return -1;
    long long t = (long long)*day * 86400;
    if (s[10] == 'T' && digits(s + 11, 2) && s[13] == ':' && digits(s + 14, 2) && s[16] == ':' &&
        digits(s + 17, 2))
        t += ((s[11] - '0') * 10 + (s[12] - '0')) * 3600 +
             ((s[14] - '0') * 10 + (s[15] - '0')) * 60 + (s[17] - '0') * 10 + (s[18] - '0');
    return t;
}

/* ==== a string-keyed table: the entries, and their index by hash (core/hmap.h) ========== */

typedef struct MapEnt {
    const char *key; /* borrowed: owned by whoever added it */
    uint32_t len, hash;
    int32_t tag; /* part of the key (a scenario index for mistakes), 0 otherwise */
} MapEnt;

typedef struct StrMap {
    MapEnt *ents;
    size_t count, ent_cap;
    SimMap index; /* hash -> entry index */
} StrMap;

static uint32_t hash_key(const char *s, size_t n, int32_t tag)
{
    uint64_t h = sim_hash_fnv1a(SIM_HASH_INIT ^ (uint64_t)(uint32_t)tag, s, n);
    return (uint32_t)(h ^ (h >> 32));
}

static long map_find(const StrMap *m, const char *s, size_t n, int32_t tag, uint32_t h)
{
    size_t cur = SIM_MAP_START;
    for (const uint32_t *e; (e = sim_map_next(&m->index, h, &cur)) != NULL;) {
        const MapEnt *x = &m->ents[*e];
        if (x->hash == h && x->len == n && x->tag == tag && memcmp(x->key, s, n) == 0)
            return (long)*e;
    }
    return -1;
}

/* Adds a key known to be absent; returns its index or -1 when out of memory. */
static long map_add(StrMap *m, const char *key, size_t n, int32_t tag, uint32_t h)
{
    if (m->count == m->ent_cap) {
        size_t cap = m->ent_cap ? m->ent_cap * 2 : 64;
        MapEnt *e = realloc(m->ents, cap * sizeof *e);
        if (!e)
            return -1;
        m->ents = e;
        m->ent_cap = cap;
    }
    if (!sim_map_add(&m->index, h, (uint32_t)m->count))
        return -1;
    m->ents[m->count] = (MapEnt){key, (uint32_t)n, h, tag};
    return (long)m->count++;
}

static void map_free(StrMap *m)
{
    free(m->ents);
    sim_map_free(&m->index);
    memset(m, 0, sizeof *m);
}

/* ==== the builder ========================================================================= */

typedef struct Acc {
    long long n;
    double score, max, ratio;
} Acc;

/* rows × Builder.stride accumulators, grown by rows. */
typedef struct Grid {
    Acc *cells;
    size_t rows;
} Grid;

typedef struct Counts {
    long long attempts, unfinished, passed, exams, exams_passed, sum_total;
} Counts;

typedef struct TraineeB {
    long long id;
    const char *personnel, *surname, *name, *patronymic, *office;
    Counts c;
    char first[24], last[24];
} TraineeB;

typedef struct ScenarioB {
    const char *id, *title;
    Counts c;
    const char *crit_title[REPORT_MAX_CRITERIA]; /* this scenario's wording */
    size_t crit_title_sel[REPORT_MAX_CRITERIA];  /* an attempt to read it from (sel + 1) */
} ScenarioB;

typedef struct CritB {
    const char *id, *title;
    Acc acc;
    int min_pos;      /* earliest position inside an attempt: the order scenarios list them */
    size_t title_sel; /* an attempt to read the title from (sel + 1) */
} CritB;

typedef struct Sel { /* a selected finished attempt */
    const char *id;  /* in the builder's scratch arena */
    uint32_t len;
    int32_t trainee, scenario;
    long long ts;
} Sel;

typedef struct MistakeB {
    int32_t scenario;
    long long count, critical;
    size_t last_sel, last_crit_sel; /* sel index + 1 of the last attempt counted */
    long long ts;                   /* started_at of the attempt the wording comes from */
    char *action, *kind, *criterion, *feedback, *rule_id, *rule; /* owned (malloc) */
    char *text; /* owned; only from report_builder_mistake (NULL: looked up in the database) */
} MistakeB;

typedef struct DayB {
    long day;
    long long attempts, passed, sum_total;
} DayB;

typedef struct HistB {
    ReportAttempt row;
    int32_t scenario;
    long long rowid;
} HistB;

typedef struct Builder {
    Store *st;
    Report *r;
    Arena *ra; /* the report's arena (results) */
    Arena tmp; /* attempt ids, freed at the end */
    int oom;
    TraineeB *tr;
    size_t tr_count;
    long long (*tr_index)[2]; /* (id, index) sorted by id */
    ScenarioB *sc;
    size_t sc_count, sc_cap;
    StrMap sc_map;
    CritB crit[REPORT_MAX_CRITERIA];
    size_t stride; /* criteria per grid row: REPORT_MAX_CRITERIA, or fewer when known ahead */
    StrMap crit_map;
    Grid sc_grid, tr_grid;
    Sel *sel;
    size_t sel_count, sel_cap;
    StrMap sel_map; /* attempt id → sel index, built on the first out-of-order row */
    int sel_indexed;
    MistakeB *mis;
    size_t mis_count, mis_cap;
    StrMap mis_map; /* (scenario, action) → mistake index */
    DayB *days;
    size_t day_count, day_cap;
    long last_day_idx;
    HistB *hist;
    size_t hist_count, hist_cap;
    Counts total;
} Builder;

#define GROW(b, arr, count, cap)                                                                   \
    do {                                                                                           \
        if ((count) == (cap)) {                                                                    \
            size_t ncap_ = (cap) ? (cap)*2 : 16;                                                   \
            void *p_ = realloc((arr), ncap_ * sizeof *(arr));                                      \
            if (!p_) {                                                                             \
                (b)->oom = 1;                                                                      \
                break;                                                                             \
            }                                                                                      \
            (arr) = p_;                                                                            \
            (cap) = ncap_;                                                                         \
        }                                                                                          \
    } while (0)

static SimStatus db_fail(Builder *b, SimError *err)
{
    return sim_error_set(err, SIM_ERR_IO, tr(STR_REPORT_DB_ERROR), sqlite3_errmsg(b->st->db));
}

static int grid_rows(Builder *b, Grid *g, size_t rows)
{
    if (rows <= g->rows)
        return 1;
    size_t n = g->rows ? g->rows : 16;
    while (n < rows)
        n *= 2;
    Acc *c = realloc(g->cells, n * b->stride * sizeof *c);
    if (!c) {
        b->oom = 1;
        return 0;
    }
    memset(c + g->rows * b->stride, 0, (n - g->rows) * b->stride * sizeof *c);
    g->cells = c;
    g->rows = n;
    return 1;
}

static void add_counts(Counts *c, int finished, int exam, int passed, int total)
{
    if (!finished) {
        c->unfinished++;
        return;
    }
    c->attempts++;
    c->passed += passed;
    c->exams += exam;
    c->exams_passed += exam && passed;
    c->sum_total += total;
}

static int cmp_tr_index(const void *a, const void *b)
{
    long long x = ((const long long *)a)[0], y = ((const long long *)b)[0];
    return x < y ? -1 : x > y;
}

static long trainee_index(const Builder *b, long long id)
{
    size_t lo = 0, hi = b->tr_count;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (b->tr_index[mid][0] < id)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < b->tr_count && b->tr_index[lo][0] == id ? (long)b->tr_index[lo][1] : -1;
}

static SimStatus load_trainees(Builder *b, const ReportFilter *f, SimError *err)
{
    sqlite3_stmt *s;
    const char *sql = f->trainee
                          ? "SELECT id, surname, name, personnel_number, patronymic, office"
                            " FROM trainees WHERE personnel_number = ?"
                            " ORDER BY office, surname, name"
                          : "SELECT id, surname, name, personnel_number, patronymic, office"
                            " FROM trainees ORDER BY surname, name, personnel_number, office";
    /* The summaries are rebuilt by the migration to schema 3, before schema 6 gave trainees a
     * patronymic and an office. */
    const char *old = f->trainee
                          ? "SELECT id, surname, name, personnel_number, '', '' FROM trainees"
                            " WHERE personnel_number = ?"
                          : "SELECT id, surname, name, personnel_number, '', '' FROM trainees"
                            " ORDER BY surname, name, personnel_number";
    if (sqlite3_prepare_v2(b->st->db, sql, -1, &s, NULL) != SQLITE_OK &&
        sqlite3_prepare_v2(b->st->db, old, -1, &s, NULL) != SQLITE_OK)
        return db_fail(b, err);
    if (f->trainee)
        sqlite3_bind_text(s, 1, f->trainee, -1, SQLITE_STATIC);
    size_t cap = 0;
    int rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        GROW(b, b->tr, b->tr_count, cap);
        if (b->oom)
            break;
        TraineeB *t = &b->tr[b->tr_count++];
        memset(t, 0, sizeof *t);
        t->id = sqlite3_column_int64(s, 0);
        t->surname = arena_strdup(b->ra, (const char *)sqlite3_column_text(s, 1));
        t->name = arena_strdup(b->ra, (const char *)sqlite3_column_text(s, 2));
        t->personnel = arena_strdup(b->ra, (const char *)sqlite3_column_text(s, 3));
        const char *pt = (const char *)sqlite3_column_text(s, 4),
                   *of = (const char *)sqlite3_column_text(s, 5);
        t->patronymic = arena_strdup(b->ra, pt ? pt : "");
        t->office = arena_strdup(b->ra, of ? of : "");
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE && !b->oom)
        return db_fail(b, err);
    if (f->trainee && b->tr_count == 0)
        return sim_error_set(err, SIM_ERR_INVALID, tr(STR_REPORT_NO_TRAINEE), f->trainee);
    b->tr_index = malloc((b->tr_count ? b->tr_count : 1) * sizeof *b->tr_index);
    if (!b->tr_index) {
        b->oom = 1;
        return SIM_OK;
    }
    for (size_t i = 0; i < b->tr_count; i++) {
        b->tr_index[i][0] = b->tr[i].id;
        b->tr_index[i][1] = (long long)i;
    }
    qsort(b->tr_index, b->tr_count, sizeof *b->tr_index, cmp_tr_index);
    grid_rows(b, &b->tr_grid, b->tr_count); /* sets oom on failure */
    return SIM_OK;
}

static long scenario_index(Builder *b, const char *id, size_t n)
{
    uint32_t h = hash_key(id, n, 0);
    long i = map_find(&b->sc_map, id, n, 0, h);
    if (i >= 0)
        return i;
    GROW(b, b->sc, b->sc_count, b->sc_cap);
    if (b->oom)
        return -1;
    ScenarioB *sc = &b->sc[b->sc_count];
    memset(sc, 0, sizeof *sc);
    sc->id = arena_strndup(b->ra, id, n);
    if (!grid_rows(b, &b->sc_grid, b->sc_count + 1) || map_add(&b->sc_map, sc->id, n, 0, h) < 0) {
        b->oom = 1;
        return -1;
    }
    return (long)b->sc_count++;
}

static void add_day(Builder *b, long day, int passed, int total)
{
    /* Attempts mostly come in time order: try the last day first, then search. */
    long i = -1;
    if (b->last_day_idx >= 0 && b->days[b->last_day_idx].day == day)
        i = b->last_day_idx;
    for (size_t k = b->day_count; i < 0 && k-- > 0;)
        if (b->days[k].day == day)
            i = (long)k;
    if (i < 0) {
        GROW(b, b->days, b->day_count, b->day_cap);
        if (b->oom)
            return;
        b->days[b->day_count] = (DayB){day, 0, 0, 0};
        i = (long)b->day_count++;
    }
    b->last_day_idx = i;
    b->days[i].attempts++;
    b->days[i].passed += passed;
    b->days[i].sum_total += total;
}

/* ---- 1. attempts ------------------------------------------------------------------------- */

static SimStatus scan_attempts(Builder *b, const ReportFilter *f, SimError *err)
{
    SimBuf sql;
    simbuf_init(&sql);
    /* Only the columns needed: SQLite decodes every one it returns. */
    simbuf_puts(&sql, "SELECT id, trainee_id, scenario_id, mode, started_at, finished, total, "
                      "passed");
    simbuf_puts(&sql, f->trainee ? ", outcome, rowid" : "");
    simbuf_puts(&sql, " FROM attempts WHERE trainee_id IS NOT NULL");
    if (f->trainee)
        simbuf_puts(&sql, " AND trainee_id = :t");
    if (f->scenario)
        simbuf_puts(&sql, " AND scenario_id = :s");
    if (f->since)
        simbuf_puts(&sql, " AND started_at >= :a");
    if (f->until)
        simbuf_puts(&sql, " AND started_at < :b");
    sqlite3_stmt *s;
    int prc = sqlite3_prepare_v2(b->st->db, simbuf_str(&sql), -1, &s, NULL);
    simbuf_free(&sql);
    if (prc != SQLITE_OK)
        return db_fail(b, err);
    char next_day[11] = "";
    if (f->until) {
        long d;
        parse_day(f->until, &d);
        civil_from_days(d + 1, next_day);
    }
    if (f->trainee)
        sqlite3_bind_int64(s, sqlite3_bind_parameter_index(s, ":t"), b->tr[0].id);
    if (f->scenario)
        sqlite3_bind_text(s, sqlite3_bind_parameter_index(s, ":s"), f->scenario, -1, SQLITE_STATIC);
    if (f->since)
        sqlite3_bind_text(s, sqlite3_bind_parameter_index(s, ":a"), f->since, -1, SQLITE_STATIC);
    if (f->until)
        sqlite3_bind_text(s, sqlite3_bind_parameter_index(s, ":b"), next_day, -1, SQLITE_STATIC);

    Report *r = b->r;
    long last_sc = -1;
    const char *last_sc_id = NULL;
    size_t last_sc_len = 0;
    int rc;
    while (!b->oom && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        long t = trainee_index(b, sqlite3_column_int64(s, 1));
        if (t < 0)
            continue; /* a dangling trainee id (foreign keys were off) */
        const char *sid = (const char *)sqlite3_column_text(s, 2);
        size_t slen = (size_t)sqlite3_column_bytes(s, 2);
        if (!sid)
            continue;
        long sc;
        if (last_sc >= 0 && slen == last_sc_len && memcmp(sid, last_sc_id, slen) == 0)
            sc = last_sc;
        else if ((sc = scenario_index(b, sid, slen)) < 0)
            break;
        last_sc = sc;
        last_sc_id = b->sc[sc].id;
        last_sc_len = slen;
        const char *mode = (const char *)sqlite3_column_text(s, 3);
        int exam = mode && strcmp(mode, "exam") == 0;
        const char *started = (const char *)sqlite3_column_text(s, 4);
        if (!started)
            started = "";
        int finished = sqlite3_column_int(s, 5) != 0;
        int has_total = sqlite3_column_type(s, 6) != SQLITE_NULL;
        int total = sqlite3_column_int(s, 6);
        if (!has_total)
            finished = 0; /* cannot score it */
        if (total < 0)
            total = 0;
        if (total > 100)
            total = 100;
        int passed = finished && sqlite3_column_int(s, 7) != 0;

        add_counts(&b->total, finished, exam, passed, total);
        add_counts(&b->tr[t].c, finished, exam, passed, total);
        add_counts(&b->sc[sc].c, finished, exam, passed, total);
        if (strcmp(started, b->tr[t].last) > 0)
            snprintf(b->tr[t].last, sizeof b->tr[t].last, "%s", started);
        if (!b->tr[t].first[0] || strcmp(started, b->tr[t].first) < 0)
            snprintf(b->tr[t].first, sizeof b->tr[t].first, "%s", started);
        if (!r->first[0] || strcmp(started, r->first) < 0)
            snprintf(r->first, sizeof r->first, "%s", started);
        if (strcmp(started, r->last) > 0)
            snprintf(r->last, sizeof r->last, "%s", started);
        long day = 0;
        long long ts = parse_time(started, &day);
        if (f->trainee) {
            GROW(b, b->hist, b->hist_count, b->hist_cap);
            if (b->oom)
                break;
            HistB *h = &b->hist[b->hist_count++];
            memset(h, 0, sizeof *h);
            snprintf(h->row.started_at, sizeof h->row.started_at, "%s", started);
            const char *aid = (const char *)sqlite3_column_text(s, 0);
            h->row.id = arena_strdup(b->ra, aid ? aid : "");
            h->row.exam = exam;
            h->row.finished = finished;
            h->row.passed = passed;
            h->row.total = finished ? total : -1;
            const char *oc = (const char *)sqlite3_column_text(s, 8);
            /* A content error has no total (it is not scored) but is no unfinished attempt. */
            int content = oc && strcmp(oc, "content_error") == 0;
            h->row.outcome =
                arena_strdup(b->ra, finished || content ? (oc ? oc : "") : "unfinished");
            h->scenario = (int32_t)sc;
            h->rowid = sqlite3_column_int64(s, 9);
        }
        if (!finished)
            continue;
        r->histogram[total >= 100 ? REPORT_BUCKETS - 1 : total / 10]++;
        if (ts >= 0)
            add_day(b, day, passed, total);
        /* Keep it for its criteria and mistakes. */
        const char *id = (const char *)sqlite3_column_text(s, 0);
        size_t idn = (size_t)sqlite3_column_bytes(s, 0);
        GROW(b, b->sel, b->sel_count, b->sel_cap);
        if (b->oom || !id)
            break;
        const char *key = arena_strndup(&b->tmp, id, idn);
        if (b->tmp.oom) {
            b->oom = 1;
            break;
        }
        b->sel[b->sel_count++] = (Sel){key, (uint32_t)idn, (int32_t)t, (int32_t)sc, ts};
    }
    if (b->oom) {
        sqlite3_finalize(s);
        return SIM_OK;
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return db_fail(b, err);
    return SIM_OK;
}

/* The selected attempt with this id, or -1. Rows of attempt_criteria and attempt_mistakes
 * mostly come in the order the attempts were recorded, so the attempt after the last one
 * found is tried first; the hash index is built only when that guess fails. */
static long find_sel(Builder *b, const char *id, size_t n, size_t guess)
{
    if (guess < b->sel_count && b->sel[guess].len == n && memcmp(b->sel[guess].id, id, n) == 0)
        return (long)guess;
    if (!b->sel_indexed) {
        for (size_t i = 0; i < b->sel_count; i++) /* ids are unique: the primary key */
            if (map_add(&b->sel_map, b->sel[i].id, b->sel[i].len, 0,
                        hash_key(b->sel[i].id, b->sel[i].len, 0)) < 0) {
                b->oom = 1;
                return -1;
            }
        b->sel_indexed = 1;
    }
    return map_find(&b->sel_map, id, n, 0, hash_key(id, n, 0));
}

/* ---- 2. criteria ------------------------------------------------------------------------- */

/* Columns: 0 criterion, 1 score, 2 max (offset by `col`). Titles are read afterwards, once
 * per scenario and criterion. */
static void add_criterion_row(Builder *b, sqlite3_stmt *s, int col, size_t sel, int pos,
                              long *crit_at_pos)
{
    const Sel *a = &b->sel[sel];
    const char *cid = (const char *)sqlite3_column_text(s, col);
    size_t n = (size_t)sqlite3_column_bytes(s, col);
    int max = sqlite3_column_int(s, col + 2);
    if (!cid || max <= 0)
        return;
    long c = -1;
    /* The same criteria come in the same order in attempt after attempt. */
    if (pos < REPORT_MAX_CRITERIA && crit_at_pos[pos] >= 0) {
        const CritB *k = &b->crit[crit_at_pos[pos]];
        if (strlen(k->id) == n && memcmp(k->id, cid, n) == 0)
            c = crit_at_pos[pos];
    }
    if (c < 0) {
        uint32_t h = hash_key(cid, n, 0);
        c = map_find(&b->crit_map, cid, n, 0, h);
        if (c < 0) {
            if (b->crit_map.count >= REPORT_MAX_CRITERIA)
                return; /* beyond any real scenario set; left out */
            CritB *k = &b->crit[b->crit_map.count];
            k->id = arena_strndup(b->ra, cid, n);
            k->min_pos = pos;
            if ((c = map_add(&b->crit_map, k->id, n, 0, h)) < 0) {
                b->oom = 1;
                return;
            }
        }
        if (pos < REPORT_MAX_CRITERIA)
            crit_at_pos[pos] = c;
    }
    CritB *k = &b->crit[c];
    if (pos < k->min_pos)
        k->min_pos = pos;
    int score = sqlite3_column_int(s, col + 1);
    if (score < 0)
        score = 0;
    if (score > max)
        score = max;
    double ratio = (double)score / max;
    Acc *cells[3] = {&k->acc, &b->sc_grid.cells[(size_t)a->scenario * b->stride + c],
                     &b->tr_grid.cells[(size_t)a->trainee * b->stride + c]};
    for (int i = 0; i < 3; i++) {
        cells[i]->n++;
        cells[i]->score += score;
        cells[i]->max += max;
        cells[i]->ratio += ratio;
    }
    ScenarioB *sc = &b->sc[a->scenario];
    if (!sc->crit_title_sel[c])
        sc->crit_title_sel[c] = sel + 1;
    if (!k->title_sel)
        k->title_sel = sel + 1;
}

/* ---- 3. mistakes ------------------------------------------------------------------------- */

static int same(const char *owned, const char *s)
{
    return owned ? s && strcmp(owned, s) == 0 : !s;
}

static void set_owned(Builder *b, char **dst, const char *s)
{
    if (same(*dst, s))
        return;
    free(*dst);
    *dst = NULL;
    if (s && !(*dst = sim_strdup(s)))
        b->oom = 1;
}

/* Columns: 0 action_id, 1 kind, 2 criterion, 3 feedback, 4 rule_id, 5 rule (offset by col). */
static void add_mistake_row(Builder *b, sqlite3_stmt *s, int col, size_t sel)
{
    const Sel *a = &b->sel[sel];
    const char *action = (const char *)sqlite3_column_text(s, col);
    size_t n = (size_t)sqlite3_column_bytes(s, col);
    if (!action)
        return;
    uint32_t h = hash_key(action, n, a->scenario);
    long i = map_find(&b->mis_map, action, n, a->scenario, h);
    if (i < 0) {
        GROW(b, b->mis, b->mis_count, b->mis_cap);
        if (b->oom)
            return;
        MistakeB *m = &b->mis[b->mis_count];
        memset(m, 0, sizeof *m);
        m->scenario = a->scenario;
        m->ts = -2;
        m->action = sim_strndup(action, n);
        if (!m->action || (i = map_add(&b->mis_map, m->action, n, a->scenario, h)) < 0) {
            free(m->action);
            b->oom = 1;
            return;
        }
        b->mis_count++;
    }
    MistakeB *m = &b->mis[i];
    const char *kind = (const char *)sqlite3_column_text(s, col + 1);
    int critical = kind && strcmp(kind, "critical") == 0;
    if (m->last_sel != sel + 1) { /* the first row of this mistake in this attempt */
        m->last_sel = sel + 1;
        m->count++;
        if (a->ts >= m->ts) { /* the latest wording wins */
            m->ts = a->ts;
            set_owned(b, &m->kind, kind);
            set_owned(b, &m->criterion, (const char *)sqlite3_column_text(s, col + 2));
            set_owned(b, &m->feedback, (const char *)sqlite3_column_text(s, col + 3));
            set_owned(b, &m->rule_id, (const char *)sqlite3_column_text(s, col + 4));
            set_owned(b, &m->rule, (const char *)sqlite3_column_text(s, col + 5));
        }
    }
    if (critical && m->last_crit_sel != sel + 1) {
        m->last_crit_sel = sel + 1;
        m->critical++;
    }
}

/* ---- reading criteria and mistakes: per attempt, or in one pass ------------------------- */

typedef enum { ROWS_CRITERIA, ROWS_MISTAKES } RowKind;

static SimStatus read_rows(Builder *b, RowKind kind, int per_attempt, SimError *err)
{
    static const char *const scan_sql[] = {
        "SELECT attempt_id, criterion, score, max FROM attempt_criteria",
        "SELECT attempt_id, action_id, kind, criterion, feedback, rule_id, rule "
        "FROM attempt_mistakes"};
    static const char *const one_sql[] = {
        "SELECT criterion, score, max FROM attempt_criteria WHERE attempt_id = ? "
        "ORDER BY rowid",
        "SELECT action_id, kind, criterion, feedback, rule_id, rule FROM attempt_mistakes "
        "WHERE attempt_id = ? ORDER BY seq"};
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(b->st->db, per_attempt ? one_sql[kind] : scan_sql[kind], -1, &s, NULL) !=
        SQLITE_OK)
        return db_fail(b, err);
    long crit_at_pos[REPORT_MAX_CRITERIA];
    for (int i = 0; i < REPORT_MAX_CRITERIA; i++)
        crit_at_pos[i] = -1;
    int rc = SQLITE_DONE;
    if (per_attempt) {
        for (size_t i = 0; i < b->sel_count && !b->oom; i++) {
            sqlite3_bind_text(s, 1, b->sel[i].id, (int)b->sel[i].len, SQLITE_STATIC);
            int pos = 0;
            while (!b->oom && (rc = sqlite3_step(s)) == SQLITE_ROW) {
                if (kind == ROWS_CRITERIA)
                    add_criterion_row(b, s, 0, i, pos++, crit_at_pos);
                else
                    add_mistake_row(b, s, 0, i);
            }
            sqlite3_reset(s);
            if (rc != SQLITE_DONE && !b->oom)
                break;
        }
    } else {
        char prev[64];
        size_t prev_len = (size_t)-1;
        long cur = -1;
        size_t guess = 0;
        int pos = 0;
        while (!b->oom && (rc = sqlite3_step(s)) == SQLITE_ROW) {
            const char *id = (const char *)sqlite3_column_text(s, 0);
            size_t n = (size_t)sqlite3_column_bytes(s, 0);
            if (!id)
                continue;
            if (n == prev_len && memcmp(id, prev, n) == 0) {
                pos++;
            } else {
                cur = find_sel(b, id, n, guess);
                if (cur >= 0)
                    guess = (size_t)cur + 1;
                pos = 0;
                if (n < sizeof prev) {
                    memcpy(prev, id, n);
                    prev_len = n;
                } else {
                    prev_len = (size_t)-1; /* not a UUID: look it up every time */
                }
            }
            if (cur < 0)
                continue;
            if (kind == ROWS_CRITERIA)
                add_criterion_row(b, s, 1, (size_t)cur, pos, crit_at_pos);
            else
                add_mistake_row(b, s, 1, (size_t)cur);
        }
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE && !b->oom)
        return db_fail(b, err);
    return SIM_OK;
}

/* ---- 4. the Report -------------------------------------------------------------------- */

static double avg(long long sum, long long n)
{
    return n > 0 ? (double)sum / (double)n : -1;
}

static int crit_before(const CritB *a, const CritB *c)
{
    return a->min_pos != c->min_pos ? a->min_pos < c->min_pos : strcmp(a->id, c->id) < 0;
}

static int cmp_scenario(const void *x, const void *y)
{
    return strcmp((*(const ScenarioB *const *)x)->id, (*(const ScenarioB *const *)y)->id);
}

static int cmp_mistake(const void *x, const void *y)
{
    const MistakeB *a = *(const MistakeB *const *)x, *c = *(const MistakeB *const *)y;
    if (a->scenario != c->scenario)
        return a->scenario < c->scenario ? -1 : 1;
    if (a->count != c->count)
        return a->count > c->count ? -1 : 1;
    return strcmp(a->action, c->action);
}

static int cmp_hist(const void *x, const void *y)
{
    const HistB *a = x, *c = y;
    int d = strcmp(a->row.started_at, c->row.started_at);
    if (d)
        return d;
    return a->rowid < c->rowid ? -1 : a->rowid > c->rowid;
}

static int cmp_day(const void *x, const void *y)
{
    long a = ((const DayB *)x)->day, c = ((const DayB *)y)->day;
    return a < c ? -1 : a > c;
}

static void fill_criterion(ReportCriterion *out, const char *id, const char *title, const Acc *a)
{
    out->id = id;
    out->title = title ? title : id;
    out->n = a->n;
    out->avg_score = a->n ? a->score / (double)a->n : 0;
    out->avg_max = a->n ? a->max / (double)a->n : 0;
    out->ratio = a->n ? a->ratio / (double)a->n : 0;
}

static SimStatus scenario_titles(Builder *b, SimError *err);

/* The title of criterion c as recorded with attempt sel (+1); the id when there is none. */
static const char *criterion_title(Builder *b, sqlite3_stmt *s, size_t sel, long c, int *rc)
{
    sqlite3_bind_text(s, 1, b->sel[sel - 1].id, (int)b->sel[sel - 1].len, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, b->crit[c].id, -1, SQLITE_STATIC);
    const char *t = NULL;
    *rc = sqlite3_step(s);
    if (*rc == SQLITE_ROW) {
        const char *v = (const char *)sqlite3_column_text(s, 0);
        if (v && *v)
            t = arena_strdup(b->ra, v);
        *rc = SQLITE_DONE;
    }
    sqlite3_reset(s);
    return t ? t : b->crit[c].id;
}

static SimStatus titles(Builder *b, SimError *err)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(b->st->db,
                           "SELECT title FROM attempt_criteria WHERE attempt_id = ? AND "
                           "criterion = ?",
                           -1, &s, NULL) != SQLITE_OK)
        return db_fail(b, err);
    int rc = SQLITE_DONE;
    for (long c = 0; c < (long)b->crit_map.count && rc == SQLITE_DONE; c++) {
        CritB *k = &b->crit[c];
        k->title = k->title_sel ? criterion_title(b, s, k->title_sel, c, &rc) : k->id;
        for (size_t i = 0; i < b->sc_count && rc == SQLITE_DONE; i++) {
            ScenarioB *sc = &b->sc[i];
            if (!sc->crit_title_sel[c])
                continue;
            sc->crit_title[c] = sc->crit_title_sel[c] == k->title_sel
                                    ? k->title
                                    : criterion_title(b, s, sc->crit_title_sel[c], c, &rc);
        }
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return db_fail(b, err);
    return scenario_titles(b, err);
}

static SimStatus scenario_titles(Builder *b, SimError *err)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(b->st->db,
                           "SELECT scenario_title FROM attempts WHERE scenario_id = ? AND "
                           "scenario_title IS NOT NULL ORDER BY started_at DESC LIMIT 1",
                           -1, &s, NULL) != SQLITE_OK)
        return db_fail(b, err);
    for (size_t i = 0; i < b->sc_count; i++) {
        sqlite3_bind_text(s, 1, b->sc[i].id, -1, SQLITE_STATIC);
        int rc = sqlite3_step(s);
        if (rc == SQLITE_ROW)
            b->sc[i].title = arena_strdup(b->ra, (const char *)sqlite3_column_text(s, 0));
        else if (rc != SQLITE_DONE) {
            sqlite3_finalize(s);
            return db_fail(b, err);
        }
        if (!b->sc[i].title || !*b->sc[i].title)
            b->sc[i].title = b->sc[i].id;
        sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    return SIM_OK;
}

/* The words of a mistake (issue #15): the "text" that the result JSON of the newest attempt
 * of its scenario with that mistake stored. Only the shown mistakes are looked up, each through
 * mistakes_by_action from the newest rows back (a bounded number of them), and a result is
 * parsed only when it holds any words at all, so a database recorded before results carried
 * them costs a scan of a few strings, not a parse of every result. NULL when none has them:
 * the caller words the mistake from the scenario. */
static const char *mistake_text(Builder *b, sqlite3_stmt *s, const char *scenario,
                                const char *action)
{
    if (!s)
        return NULL;
    sqlite3_reset(s);
    sqlite3_bind_text(s, 1, scenario, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, action, -1, SQLITE_STATIC);
    const char *text = NULL;
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        text = arena_strdup(b->ra, (const char *)sqlite3_column_text(s, 0));
    sqlite3_reset(s);
    return text;
}

static void assemble(Builder *b)
{
    Report *r = b->r;
    Arena *ra = b->ra;
    /* Totals. */
    r->attempts = b->total.attempts;
    r->unfinished = b->total.unfinished;
    r->passed = b->total.passed;
    r->exams = b->total.exams;
    r->exams_passed = b->total.exams_passed;
    r->pass_rate = r->attempts ? (double)r->passed / (double)r->attempts : 0;
    r->avg_total = avg(b->total.sum_total, b->total.attempts);

    /* Criteria, in the order scenarios list them. */
    int order[REPORT_MAX_CRITERIA];
    int nc = (int)b->crit_map.count;
    for (int i = 0; i < nc; i++) { /* insertion sort: a handful of criteria */
        int j = i;
        while (j > 0 && crit_before(&b->crit[i], &b->crit[order[j - 1]])) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
    r->criteria = arena_zalloc(ra, (size_t)nc * sizeof *r->criteria);
    for (int i = 0; r->criteria && i < nc; i++) {
        const CritB *k = &b->crit[order[i]];
        fill_criterion(&r->criteria[r->criterion_count++], k->id, k->title, &k->acc);
    }

    /* Trainees. */
    r->trainees = arena_zalloc(ra, b->tr_count * sizeof *r->trainees);
    for (size_t i = 0; r->trainees && i < b->tr_count; i++) {
        const TraineeB *t = &b->tr[i];
        ReportTrainee *o = &r->trainees[r->trainee_count++];
        o->id = t->id;
        o->personnel = t->personnel;
        o->surname = t->surname;
        o->name = t->name;
        o->patronymic = t->patronymic;
        o->office = t->office;
        if (t->office && *t->office)
            r->has_offices = 1;
        o->attempts = t->c.attempts;
        o->unfinished = t->c.unfinished;
        o->passed = t->c.passed;
        o->exams = t->c.exams;
        o->exams_passed = t->c.exams_passed;
        o->avg_total = avg(t->c.sum_total, t->c.attempts);
        snprintf(o->last_activity, sizeof o->last_activity, "%s", t->last);
        r->active_trainees += t->c.attempts + t->c.unfinished > 0;
        o->weakest_ratio = -1;
        for (int k = 0; k < nc; k++) { /* in display order: ties go to the first listed */
            const Acc *a = &b->tr_grid.cells[i * b->stride + (size_t)order[k]];
            if (!a->n)
                continue;
            double q = a->ratio / (double)a->n;
            if (o->weakest_ratio < 0 || q < o->weakest_ratio - 1e-12) {
                o->weakest_ratio = q;
                o->weakest_id = b->crit[order[k]].id;
                o->weakest_title = b->crit[order[k]].title;
            }
        }
    }

    /* Scenarios by id, each with its criteria and top mistakes. */
    const ScenarioB **sorder = malloc((b->sc_count ? b->sc_count : 1) * sizeof *sorder);
    MistakeB **mis = malloc((b->mis_count ? b->mis_count : 1) * sizeof *mis);
    size_t *mis_start = calloc(b->sc_count + 1, sizeof *mis_start);
    r->scenarios = arena_zalloc(ra, b->sc_count * sizeof *r->scenarios);
    if (!sorder || !mis || !mis_start || !r->scenarios) {
        b->oom = 1;
        free(sorder);
        free(mis);
        free(mis_start);
        return;
    }
    for (size_t i = 0; i < b->mis_count; i++)
        mis[i] = &b->mis[i];
    qsort(mis, b->mis_count, sizeof *mis, cmp_mistake);
    for (size_t i = 0; i < b->mis_count; i++)
        mis_start[mis[i]->scenario + 1]++;
    for (size_t i = 0; i < b->sc_count; i++)
        mis_start[i + 1] += mis_start[i];
    for (size_t i = 0; i < b->sc_count; i++)
        sorder[i] = &b->sc[i];
    qsort(sorder, b->sc_count, sizeof *sorder, cmp_scenario);
    sqlite3_stmt *text_q = NULL; /* a failure here only leaves the words out */
    if (b->st &&
        sqlite3_prepare_v2(
            b->st->db,
            "SELECT j.value ->> 'text' FROM (SELECT attempt_id FROM attempt_mistakes"
            " WHERE action_id = ?2 ORDER BY rowid DESC LIMIT 20) m"
            " JOIN attempts a ON a.id = m.attempt_id, json_each(a.result_json, '$.mistakes') j"
            " WHERE a.scenario_id = ?1 AND instr(a.result_json, '\"text\"') > 0"
            " AND json_valid(a.result_json)"
            " AND j.value ->> 'action' = ?2 AND j.value ->> 'text' IS NOT NULL LIMIT 1",
            -1, &text_q, NULL) != SQLITE_OK)
        text_q = NULL;
    for (size_t j = 0; j < b->sc_count; j++) {
        const ScenarioB *sc = sorder[j];
        size_t i = (size_t)(sc - b->sc);
        ReportScenario *o = &r->scenarios[r->scenario_count++];
        o->id = sc->id;
        o->title = sc->title;
        o->attempts = sc->c.attempts;
        o->unfinished = sc->c.unfinished;
        o->passed = sc->c.passed;
        o->exams = sc->c.exams;
        o->exams_passed = sc->c.exams_passed;
        o->pass_rate = o->attempts ? (double)o->passed / (double)o->attempts : 0;
        o->avg_total = avg(sc->c.sum_total, sc->c.attempts);
        o->criteria = arena_zalloc(ra, (size_t)nc * sizeof *o->criteria);
        for (int k = 0; o->criteria && k < nc; k++) {
            const Acc *a = &b->sc_grid.cells[i * b->stride + (size_t)order[k]];
            if (a->n)
                fill_criterion(&o->criteria[o->criterion_count++], b->crit[order[k]].id,
                               sc->crit_title[order[k]], a);
        }
        size_t from = mis_start[i], to = mis_start[i + 1];
        o->mistake_kinds = to - from;
        size_t top = to - from < REPORT_TOP_MISTAKES ? to - from : REPORT_TOP_MISTAKES;
        o->mistakes = arena_zalloc(ra, top * sizeof *o->mistakes);
        for (size_t k = 0; o->mistakes && k < top; k++) {
            const MistakeB *m = mis[from + k];
            ReportMistake *x = &o->mistakes[o->mistake_count++];
            x->action = arena_strdup(ra, m->action);
            x->text =
                m->text ? arena_strdup(ra, m->text) : mistake_text(b, text_q, sc->id, m->action);
            x->kind = arena_strdup(ra, m->kind ? m->kind : "points");
            x->criterion = arena_strdup(ra, m->criterion);
            x->feedback = arena_strdup(ra, m->feedback ? m->feedback : "");
            x->rule_id = arena_strdup(ra, m->rule_id);
            x->rule = arena_strdup(ra, m->rule);
            x->count = m->count;
            x->critical = m->critical;
        }
    }
    sqlite3_finalize(text_q);
    free(sorder);
    free(mis);
    free(mis_start);

    /* History. */
    if (b->hist_count) {
        qsort(b->hist, b->hist_count, sizeof *b->hist, cmp_hist);
        r->history = arena_zalloc(ra, b->hist_count * sizeof *r->history);
        for (size_t i = 0; r->history && i < b->hist_count; i++) {
            ReportAttempt *o = &r->history[r->history_count++];
            *o = b->hist[i].row;
            o->scenario = b->sc[b->hist[i].scenario].id;
            o->scenario_title = b->sc[b->hist[i].scenario].title;
        }
    }

    /* Trend: per day, or per week (from Monday) over longer ranges. */
    if (b->day_count) {
        qsort(b->days, b->day_count, sizeof *b->days, cmp_day);
        long span = b->days[b->day_count - 1].day - b->days[0].day;
        r->trend_weekly = span > 60;
        r->trend = arena_zalloc(ra, b->day_count * sizeof *r->trend);
        long cur = 0;
        for (size_t i = 0; r->trend && i < b->day_count; i++) {
            const DayB *d = &b->days[i];
            /* 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays. */
            long key = r->trend_weekly ? d->day - (((d->day + 3) % 7 + 7) % 7) : d->day;
            ReportTrendPoint *p;
            if (!r->trend_count || key != cur) {
                cur = key;
                p = &r->trend[r->trend_count++];
                civil_from_days(key, p->period);
                p->day = key;
            } else {
                p = &r->trend[r->trend_count - 1];
            }
            /* avg_total holds the sum until the end. */
            p->attempts += d->attempts;
            p->passed += d->passed;
            p->avg_total += (double)d->sum_total;
        }
        for (size_t i = 0; i < r->trend_count; i++)
            r->trend[i].avg_total /= (double)r->trend[i].attempts;
    }
}

static void builder_free(Builder *b)
{
    for (size_t i = 0; i < b->mis_count; i++) {
        MistakeB *m = &b->mis[i];
        free(m->action);
        free(m->kind);
        free(m->criterion);
        free(m->feedback);
        free(m->rule_id);
        free(m->rule);
        free(m->text);
    }
    free(b->mis);
    map_free(&b->mis_map);
    free(b->tr);
    free(b->tr_index);
    free(b->sc);
    map_free(&b->sc_map);
    map_free(&b->crit_map);
    free(b->sc_grid.cells);
    free(b->tr_grid.cells);
    free(b->sel);
    map_free(&b->sel_map);
    free(b->days);
    free(b->hist);
    arena_free(&b->tmp);
}

/* ---- the unfiltered report from the running summaries (schema 3) -------------------------
 * Over everything, the same builder is filled from the sum_* tables that recording keeps
 * current (store.c), so the figures are those of the detailed pass — tests compare both — at
 * the cost of a few thousand rows instead of every attempt. */

static const char *col_text(sqlite3_stmt *s, int i)
{
    return (const char *)sqlite3_column_text(s, i);
}

static void counts_from(Counts *c, sqlite3_stmt *s, int col)
{
    c->attempts = sqlite3_column_int64(s, col);
    c->unfinished = sqlite3_column_int64(s, col + 1);
    c->passed = sqlite3_column_int64(s, col + 2);
    c->exams = sqlite3_column_int64(s, col + 3);
    c->exams_passed = sqlite3_column_int64(s, col + 4);
    c->sum_total = sqlite3_column_int64(s, col + 5);
}

static void acc_from(Acc *a, sqlite3_stmt *s, int col)
{
    a->n = sqlite3_column_int64(s, col);
    a->score = (double)sqlite3_column_int64(s, col + 1);
    a->max = (double)sqlite3_column_int64(s, col + 2);
    a->ratio = sqlite3_column_double(s, col + 3);
}

static SimStatus summaries(Builder *b, SimError *err)
{
    Report *r = b->r;
    sqlite3_stmt *s = NULL;
    int rc = SQLITE_DONE;
    /* Trainees and the totals. */
    if (sqlite3_prepare_v2(b->st->db,
                           "SELECT trainee_id, attempts, unfinished, passed, exams, exams_passed, "
                           "sum_total, first_at, last_at FROM sum_trainee",
                           -1, &s, NULL) != SQLITE_OK)
        return db_fail(b, err);
    while (!b->oom && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        long t = trainee_index(b, sqlite3_column_int64(s, 0));
        if (t < 0)
            continue;
        TraineeB *tb = &b->tr[t];
        counts_from(&tb->c, s, 1);
        const char *first = col_text(s, 7), *last = col_text(s, 8);
        snprintf(tb->last, sizeof tb->last, "%s", last ? last : "");
        b->total.attempts += tb->c.attempts;
        b->total.unfinished += tb->c.unfinished;
        b->total.passed += tb->c.passed;
        b->total.exams += tb->c.exams;
        b->total.exams_passed += tb->c.exams_passed;
        b->total.sum_total += tb->c.sum_total;
        if (first && (!r->first[0] || strcmp(first, r->first) < 0))
            snprintf(r->first, sizeof r->first, "%s", first);
        if (last && strcmp(last, r->last) > 0)
            snprintf(r->last, sizeof r->last, "%s", last);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE && !b->oom)
        return db_fail(b, err);

    /* Scenarios. */
    if (sqlite3_prepare_v2(b->st->db,
                           "SELECT scenario_id, attempts, unfinished, passed, exams, "
                           "exams_passed, sum_total FROM sum_scenario ORDER BY scenario_id",
                           -1, &s, NULL) != SQLITE_OK)
        return db_fail(b, err);
    while (!b->oom && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *id = col_text(s, 0);
        if (!id)
            continue;
        long sc = scenario_index(b, id, (size_t)sqlite3_column_bytes(s, 0));
        if (sc < 0)
            break;
        counts_from(&b->sc[sc].c, s, 1);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE && !b->oom)
        return db_fail(b, err);

    /* Criteria: overall first (it defines the set), then per scenario and per trainee. */
    if (sqlite3_prepare_v2(b->st->db,
                           "SELECT scope, owner, criterion, n, score_sum, max_sum, ratio_sum, "
                           "min_pos, title FROM sum_criterion ORDER BY scope = 't', scope <> '*'",
                           -1, &s, NULL) != SQLITE_OK)
        return db_fail(b, err);
    while (!b->oom && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *scope = col_text(s, 0), *owner = col_text(s, 1), *cid = col_text(s, 2);
        const char *title = col_text(s, 8);
        if (!scope || !owner || !cid)
            continue;
        size_t n = (size_t)sqlite3_column_bytes(s, 2);
        uint32_t h = hash_key(cid, n, 0);
        long c = map_find(&b->crit_map, cid, n, 0, h);
        if (scope[0] == '*') {
            if (c >= 0 || b->crit_map.count >= b->stride)
                continue;
            CritB *k = &b->crit[b->crit_map.count];
            k->id = arena_strndup(b->ra, cid, n);
            k->title = title && *title ? arena_strdup(b->ra, title) : k->id;
            k->min_pos = sqlite3_column_int(s, 7);
            acc_from(&k->acc, s, 3);
            if (map_add(&b->crit_map, k->id, n, 0, h) < 0)
                b->oom = 1;
        } else if (c < 0) {
            continue;
        } else if (scope[0] == 's') {
            long sc = scenario_index(b, owner, strlen(owner));
            if (sc < 0)
                break;
            acc_from(&b->sc_grid.cells[(size_t)sc * b->stride + (size_t)c], s, 3);
            b->sc[sc].crit_title[c] =
                title && *title ? arena_strdup(b->ra, title) : b->crit[c].title;
        } else {
            long t = trainee_index(b, atoll(owner));
            if (t < 0)
                continue;
            acc_from(&b->tr_grid.cells[(size_t)t * b->stride + (size_t)c], s, 3);
        }
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE && !b->oom)
        return db_fail(b, err);

    /* Mistakes. */
    if (sqlite3_prepare_v2(b->st->db,
                           "SELECT scenario_id, action_id, count, critical, kind, criterion, "
                           "feedback, rule_id, rule FROM sum_mistake",
                           -1, &s, NULL) != SQLITE_OK)
        return db_fail(b, err);
    while (!b->oom && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        const char *sid = col_text(s, 0), *action = col_text(s, 1);
        if (!sid || !action)
            continue;
        long sc = scenario_index(b, sid, (size_t)sqlite3_column_bytes(s, 0));
        if (sc < 0)
            break;
        GROW(b, b->mis, b->mis_count, b->mis_cap);
        if (b->oom)
            break;
        MistakeB *m = &b->mis[b->mis_count++];
        memset(m, 0, sizeof *m);
        m->scenario = (int32_t)sc;
        m->count = sqlite3_column_int64(s, 2);
        m->critical = sqlite3_column_int64(s, 3);
        set_owned(b, &m->action, action);
        set_owned(b, &m->kind, col_text(s, 4));
        set_owned(b, &m->criterion, col_text(s, 5));
        set_owned(b, &m->feedback, col_text(s, 6));
        set_owned(b, &m->rule_id, col_text(s, 7));
        set_owned(b, &m->rule, col_text(s, 8));
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE && !b->oom)
        return db_fail(b, err);

    /* Days and the score distribution. */
    if (sqlite3_prepare_v2(b->st->db, "SELECT day, attempts, passed, sum_total FROM sum_day", -1,
                           &s, NULL) != SQLITE_OK)
        return db_fail(b, err);
    while (!b->oom && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        long day;
        const char *d = col_text(s, 0);
        if (!d || !parse_day(d, &day))
            continue;
        GROW(b, b->days, b->day_count, b->day_cap);
        if (b->oom)
            break;
        b->days[b->day_count++] = (DayB){day, sqlite3_column_int64(s, 1),
                                         sqlite3_column_int64(s, 2), sqlite3_column_int64(s, 3)};
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE && !b->oom)
        return db_fail(b, err);
    if (sqlite3_prepare_v2(b->st->db, "SELECT bucket, n FROM sum_hist", -1, &s, NULL) != SQLITE_OK)
        return db_fail(b, err);
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int k = sqlite3_column_int(s, 0);
        if (k >= 0 && k < REPORT_BUCKETS)
            r->histogram[k] = sqlite3_column_int64(s, 1);
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_DONE)
        return db_fail(b, err);
    return scenario_titles(b, err);
}

/* How many attempts the table holds (its largest rowid: one B-tree descent). */
static long long attempts_rows(Store *st)
{
    sqlite3_stmt *s;
    long long n = 0;
    if (sqlite3_prepare_v2(st->db, "SELECT max(rowid) FROM attempts", -1, &s, NULL) == SQLITE_OK &&
        sqlite3_step(s) == SQLITE_ROW)
        n = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return n;
}

int report_use_summaries = 1;

SimStatus report_build(Store *st, const ReportFilter *f, Report **out, SimError *err)
{
    *out = NULL;
    static const ReportFilter none = {0};
    if (!f)
        f = &none;
    if ((f->since && !report_date_valid(f->since)) || (f->until && !report_date_valid(f->until)))
        return sim_error_set(err, SIM_ERR_INVALID, tr(STR_REPORT_BAD_DATE),
                             f->since && !report_date_valid(f->since) ? f->since : f->until);
    Report *r = calloc(1, sizeof *r);
    Arena *ra = calloc(1, sizeof *ra);
    if (!r || !ra) {
        free(r);
        free(ra);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_REPORT_NOMEM));
    }
    r->arena_ = ra;
    r->avg_total = -1;
    r->trainee = arena_strdup(ra, f->trainee);
    r->scenario = arena_strdup(ra, f->scenario);
    r->since = arena_strdup(ra, f->since);
    r->until = arena_strdup(ra, f->until);
    store_chain_head(st, r->chain_head);
    Builder b;
    memset(&b, 0, sizeof b);
    b.stride = REPORT_MAX_CRITERIA;
    b.st = st;
    b.r = r;
    b.ra = ra;
    b.last_day_idx = -1;
    /* One read transaction: every figure comes from the same snapshot. */
    int in_txn = sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
    int everything = !f->trainee && !f->scenario && !f->since && !f->until;
    if (everything && report_use_summaries) {
        /* The criteria are known ahead: grid rows only as wide as needed (10,000 trainees ×
         * 64 criteria would be 20 MB to clear). */
        sqlite3_stmt *q;
        if (sqlite3_prepare_v2(st->db, "SELECT count(*) FROM sum_criterion WHERE scope = '*'", -1,
                               &q, NULL) == SQLITE_OK &&
            sqlite3_step(q) == SQLITE_ROW) {
            long long n = sqlite3_column_int64(q, 0);
            b.stride = n < 1 ? 1 : n > REPORT_MAX_CRITERIA ? REPORT_MAX_CRITERIA : (size_t)n;
        }
        sqlite3_finalize(q);
    }
    SimStatus rc = load_trainees(&b, f, err);
    if (everything && report_use_summaries) {
        if (rc == SIM_OK && !b.oom)
            rc = summaries(&b, err);
    } else {
        if (rc == SIM_OK && !b.oom)
            rc = scan_attempts(&b, f, err);
        if (rc == SIM_OK && !b.oom) {
            /* Few attempts: look their rows up; many: read the tables once. */
            long long rows = attempts_rows(st);
            int per_attempt = (long long)b.sel_count * 6 < rows;
            if (!b.oom)
                rc = read_rows(&b, ROWS_CRITERIA, per_attempt, err);
            if (rc == SIM_OK && !b.oom)
                rc = read_rows(&b, ROWS_MISTAKES, per_attempt, err);
        }
        if (rc == SIM_OK && !b.oom)
            rc = titles(&b, err);
    }
    if (in_txn)
        sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
    if (rc == SIM_OK && !b.oom)
        assemble(&b);
    builder_free(&b);
    if (rc == SIM_OK && (b.oom || ra->oom))
        rc = sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_REPORT_NOMEM));
    if (rc != SIM_OK) {
        report_free(r);
        return rc;
    }
    *out = r;
    return SIM_OK;
}

/* ---- rebuilding the running summaries from the detailed pass ------------------------------
 * The same builder as a report over everything, written into the sum_* tables (store.c keeps
 * them current as attempts are recorded). One sequential pass over each table: seconds for a
 * million attempts, where the same in SQL joins took minutes. Runs inside the caller's
 * transaction. */

static void iso_time(long long t, char out[24])
{
    char day[11];
    long d = (long)(t >= 0 ? t / 86400 : 0);
    civil_from_days(d, day);
    int rest = (int)((t - (long long)d * 86400) % 86400);
    if (rest < 0)
        rest = 0;
    snprintf(out, 24, "%.10sT%02d:%02d:%02dZ", day, rest / 3600 % 24, rest / 60 % 60, rest % 60);
}

static int put_counts(sqlite3_stmt *s, int col, const Counts *c)
{
    sqlite3_bind_int64(s, col, c->attempts);
    sqlite3_bind_int64(s, col + 1, c->unfinished);
    sqlite3_bind_int64(s, col + 2, c->passed);
    sqlite3_bind_int64(s, col + 3, c->exams);
    sqlite3_bind_int64(s, col + 4, c->exams_passed);
    sqlite3_bind_int64(s, col + 5, c->sum_total);
    return 1;
}

static int step_reset(sqlite3_stmt *s)
{
    int rc = sqlite3_step(s);
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return rc == SQLITE_DONE;
}

static int put_crit(sqlite3_stmt *s, const char *scope, const char *owner, const CritB *k,
                    const Acc *a, const char *title)
{
    sqlite3_bind_text(s, 1, scope, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 2, owner, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 3, k->id, -1, SQLITE_STATIC);
    sqlite3_bind_int64(s, 4, a->n);
    sqlite3_bind_int64(s, 5, (long long)a->score);
    sqlite3_bind_int64(s, 6, (long long)a->max);
    sqlite3_bind_double(s, 7, a->ratio);
    sqlite3_bind_int(s, 8, k->min_pos);
    if (title)
        sqlite3_bind_text(s, 9, title, -1, SQLITE_STATIC);
    return step_reset(s);
}

static int write_summaries(Builder *b)
{
    sqlite3 *db = b->st->db;
    static const char *const sql[] = {
        "INSERT INTO sum_trainee VALUES(?,?,?,?,?,?,?,?,?)",
        "INSERT INTO sum_scenario VALUES(?,?,?,?,?,?,?)",
        "INSERT INTO sum_criterion(scope, owner, criterion, n, score_sum, max_sum, ratio_sum, "
        "min_pos, title) VALUES(?,?,?,?,?,?,?,?,?)",
        "INSERT INTO sum_mistake VALUES(?,?,?,?,?,?,?,?,?,?)",
        "INSERT INTO sum_day VALUES(?,?,?,?)",
        "INSERT INTO sum_hist VALUES(?,?)"};
    sqlite3_stmt *q[6] = {0};
    int ok = sqlite3_exec(db,
                          "DELETE FROM sum_trainee; DELETE FROM sum_scenario; DELETE FROM "
                          "sum_criterion; DELETE FROM sum_mistake; DELETE FROM sum_day; DELETE "
                          "FROM sum_hist;",
                          NULL, NULL, NULL) == SQLITE_OK;
    for (int i = 0; ok && i < 6; i++)
        ok = sqlite3_prepare_v2(db, sql[i], -1, &q[i], NULL) == SQLITE_OK;
    for (size_t i = 0; ok && i < b->tr_count; i++) {
        const TraineeB *t = &b->tr[i];
        if (t->c.attempts + t->c.unfinished == 0)
            continue;
        sqlite3_bind_int64(q[0], 1, t->id);
        put_counts(q[0], 2, &t->c);
        sqlite3_bind_text(q[0], 8, t->first, -1, SQLITE_STATIC);
        sqlite3_bind_text(q[0], 9, t->last, -1, SQLITE_STATIC);
        ok = step_reset(q[0]);
        for (size_t c = 0; ok && c < b->crit_map.count; c++) {
            const Acc *a = &b->tr_grid.cells[i * b->stride + c];
            char owner[32];
            snprintf(owner, sizeof owner, "%lld", t->id);
            if (a->n)
                ok = put_crit(q[2], "t", owner, &b->crit[c], a, NULL);
        }
    }
    for (size_t i = 0; ok && i < b->sc_count; i++) {
        const ScenarioB *sc = &b->sc[i];
        sqlite3_bind_text(q[1], 1, sc->id, -1, SQLITE_STATIC);
        put_counts(q[1], 2, &sc->c);
        ok = step_reset(q[1]);
        for (size_t c = 0; ok && c < b->crit_map.count; c++) {
            const Acc *a = &b->sc_grid.cells[i * b->stride + c];
            if (a->n)
                ok = put_crit(q[2], "s", sc->id, &b->crit[c], a, sc->crit_title[c]);
        }
    }
    for (size_t c = 0; ok && c < b->crit_map.count; c++)
        ok = put_crit(q[2], "*", "", &b->crit[c], &b->crit[c].acc, b->crit[c].title);
    for (size_t i = 0; ok && i < b->mis_count; i++) {
        const MistakeB *m = &b->mis[i];
        char ts[24];
        iso_time(m->ts, ts);
        sqlite3_bind_text(q[3], 1, b->sc[m->scenario].id, -1, SQLITE_STATIC);
        sqlite3_bind_text(q[3], 2, m->action, -1, SQLITE_STATIC);
        sqlite3_bind_int64(q[3], 3, m->count);
        sqlite3_bind_int64(q[3], 4, m->critical);
        sqlite3_bind_text(q[3], 5, ts, -1, SQLITE_TRANSIENT);
        const char *cols[5] = {m->kind, m->criterion, m->feedback, m->rule_id, m->rule};
        for (int k = 0; k < 5; k++)
            if (cols[k])
                sqlite3_bind_text(q[3], 6 + k, cols[k], -1, SQLITE_STATIC);
        ok = step_reset(q[3]);
    }
    for (size_t i = 0; ok && i < b->day_count; i++) {
        char day[11];
        civil_from_days(b->days[i].day, day);
        sqlite3_bind_text(q[4], 1, day, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(q[4], 2, b->days[i].attempts);
        sqlite3_bind_int64(q[4], 3, b->days[i].passed);
        sqlite3_bind_int64(q[4], 4, b->days[i].sum_total);
        ok = step_reset(q[4]);
    }
    for (int k = 0; ok && k < REPORT_BUCKETS; k++) {
        if (!b->r->histogram[k])
            continue;
        sqlite3_bind_int(q[5], 1, k);
        sqlite3_bind_int64(q[5], 2, b->r->histogram[k]);
        ok = step_reset(q[5]);
    }
    for (int i = 0; i < 6; i++)
        sqlite3_finalize(q[i]);
    return ok;
}

SimStatus summary_rebuild(Store *st, SimError *err)
{
    static const ReportFilter none = {0};
    Report *r = calloc(1, sizeof *r);
    Arena *ra = calloc(1, sizeof *ra);
    if (!r || !ra) {
        free(r);
        free(ra);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_REPORT_NOMEM));
    }
    r->arena_ = ra;
    Builder b;
    memset(&b, 0, sizeof b);
    b.stride = REPORT_MAX_CRITERIA;
    b.st = st;
    b.r = r;
    b.ra = ra;
    b.last_day_idx = -1;
    SimStatus rc = load_trainees(&b, &none, err);
    if (rc == SIM_OK && !b.oom)
        rc = scan_attempts(&b, &none, err);
    if (rc == SIM_OK && !b.oom)
        rc = read_rows(&b, ROWS_CRITERIA, 0, err);
    if (rc == SIM_OK && !b.oom)
        rc = read_rows(&b, ROWS_MISTAKES, 0, err);
    if (rc == SIM_OK && !b.oom)
        rc = titles(&b, err);
    if (rc == SIM_OK && !b.oom && !write_summaries(&b))
        rc = db_fail(&b, err);
    if (rc == SIM_OK && (b.oom || ra->oom))
        rc = sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_REPORT_NOMEM));
    builder_free(&b);
    report_free(r);
    return rc;
}

/* ---- a Report from figures computed elsewhere (report.h: ReportBuilder) ------------------
 * The same Builder as a local report, filled through calls instead of queries, then the same
 * assemble(): no database is involved (Builder.st stays NULL). */

struct ReportBuilder {
    Builder b;
    Report *r;
    int stride_fixed;  /* the criteria set is closed: grids are allocated */
    size_t tr_indexed; /* trainees in b.tr_index (rebuilt when more were added) */
    size_t tr_cap;
    long *tr_dense; /* trainee index by id - tr_lo, -1 for none; NULL when ids are sparse */
    long long tr_lo, tr_hi;
};

SimStatus report_builder_create(const ReportFilter *f, ReportBuilder **out, SimError *err)
{
    *out = NULL;
    static const ReportFilter none = {0};
    if (!f)
        f = &none;
    ReportBuilder *rb = calloc(1, sizeof *rb);
    Report *r = calloc(1, sizeof *r);
    Arena *ra = calloc(1, sizeof *ra);
    if (!rb || !r || !ra) {
        free(rb);
        free(r);
        free(ra);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_REPORT_NOMEM));
    }
    r->arena_ = ra;
    r->avg_total = -1;
    r->trainee = arena_strdup(ra, f->trainee);
    r->scenario = arena_strdup(ra, f->scenario);
    r->since = arena_strdup(ra, f->since);
    r->until = arena_strdup(ra, f->until);
    rb->r = r;
    rb->b.r = r;
    rb->b.ra = ra;
    rb->b.stride = REPORT_MAX_CRITERIA;
    rb->b.last_day_idx = -1;
    *out = rb;
    return SIM_OK;
}

void report_builder_destroy(ReportBuilder *rb)
{
    if (!rb)
        return;
    builder_free(&rb->b);
    report_free(rb->r);
    free(rb->tr_dense);
    free(rb);
}

/* Closes the criteria set: grid rows only as wide as the criteria known (10,000 trainees × 64
 * criteria would be 20 MB to clear). */
static void fix_stride(ReportBuilder *rb)
{
    if (rb->stride_fixed)
        return;
    size_t n = rb->b.crit_map.count;
    rb->b.stride = n < 1 ? 1 : n;
    rb->stride_fixed = 1;
}

static void sums_to_acc(Acc *a, const ReportCritSums *s)
{
    a->n = s->n;
    a->score = (double)s->score_sum;
    a->max = (double)s->max_sum;
    a->ratio = s->ratio_sum;
}

static void counts_set(Counts *c, const ReportCounts *x)
{
    c->attempts = x->finished;
    c->unfinished = x->unfinished;
    c->passed = x->passed;
    c->exams = x->exams;
    c->exams_passed = x->exams_passed;
    c->sum_total = x->sum_total;
}

static long crit_find(Builder *b, const char *id)
{
    size_t n = strlen(id);
    return map_find(&b->crit_map, id, n, 0, hash_key(id, n, 0));
}

int report_builder_criterion(ReportBuilder *rb, const char *id, const char *title, int min_pos,
                             const ReportCritSums *s)
{
    Builder *b = &rb->b;
    if (!id || rb->stride_fixed || crit_find(b, id) >= 0 ||
        b->crit_map.count >= REPORT_MAX_CRITERIA)
        return !b->oom; /* a late or repeated criterion is left out, as in a local report */
    CritB *k = &b->crit[b->crit_map.count];
    size_t n = strlen(id);
    k->id = arena_strndup(b->ra, id, n);
    k->title = title && *title ? arena_strdup(b->ra, title) : k->id;
    k->min_pos = min_pos;
    sums_to_acc(&k->acc, s);
    if (map_add(&b->crit_map, k->id, n, 0, hash_key(k->id, n, 0)) < 0)
        b->oom = 1;
    return !b->oom;
}

int report_builder_scenario(ReportBuilder *rb, const char *id, const char *title,
                            const ReportCounts *c)
{
    Builder *b = &rb->b;
    fix_stride(rb);
    if (!id)
        return !b->oom;
    long sc = scenario_index(b, id, strlen(id));
    if (sc < 0)
        return 0;
    counts_set(&b->sc[sc].c, c);
    b->sc[sc].title = arena_strdup(b->ra, title && *title ? title : id);
    return !b->oom;
}

int report_builder_scenario_criterion(ReportBuilder *rb, const char *scenario,
                                      const char *criterion, const char *title,
                                      const ReportCritSums *s)
{
    Builder *b = &rb->b;
    fix_stride(rb);
    long c = criterion ? crit_find(b, criterion) : -1;
    if (c < 0 || !scenario)
        return !b->oom;
    long sc = scenario_index(b, scenario, strlen(scenario));
    if (sc < 0)
        return 0;
    sums_to_acc(&b->sc_grid.cells[(size_t)sc * b->stride + (size_t)c], s);
    b->sc[sc].crit_title[c] = title && *title ? arena_strdup(b->ra, title) : b->crit[c].title;
    return !b->oom;
}

int report_builder_trainee(ReportBuilder *rb, long long id, const char *personnel,
                           const char *surname, const char *name, const char *patronymic,
                           const char *office, const ReportCounts *c, const char *first,
                           const char *last)
{
    Builder *b = &rb->b;
    Report *r = rb->r;
    fix_stride(rb);
    GROW(b, b->tr, b->tr_count, rb->tr_cap);
    if (b->oom || !grid_rows(b, &b->tr_grid, b->tr_count + 1))
        return 0;
    TraineeB *t = &b->tr[b->tr_count++];
    memset(t, 0, sizeof *t);
    t->id = id;
    t->personnel = arena_strdup(b->ra, personnel ? personnel : "");
    t->surname = arena_strdup(b->ra, surname ? surname : "");
    t->name = arena_strdup(b->ra, name ? name : "");
    t->patronymic = arena_strdup(b->ra, patronymic ? patronymic : "");
    t->office = arena_strdup(b->ra, office ? office : "");
    counts_set(&t->c, c);
    snprintf(t->first, sizeof t->first, "%s", first ? first : "");
    snprintf(t->last, sizeof t->last, "%s", last ? last : "");
    b->total.attempts += t->c.attempts;
    b->total.unfinished += t->c.unfinished;
    b->total.passed += t->c.passed;
    b->total.exams += t->c.exams;
    b->total.exams_passed += t->c.exams_passed;
    b->total.sum_total += t->c.sum_total;
    if (first && *first && (!r->first[0] || strcmp(first, r->first) < 0))
        snprintf(r->first, sizeof r->first, "%s", first);
    if (last && strcmp(last, r->last) > 0)
        snprintf(r->last, sizeof r->last, "%s", last);
    return !b->oom;
}

int report_builder_trainee_criterion(ReportBuilder *rb, long long trainee, const char *criterion,
                                     const ReportCritSums *s)
{
    Builder *b = &rb->b;
    if (rb->tr_indexed != b->tr_count || !b->tr_index) {
        free(b->tr_index);
        free(rb->tr_dense);
        rb->tr_dense = NULL;
        b->tr_index = malloc((b->tr_count ? b->tr_count : 1) * sizeof *b->tr_index);
        if (!b->tr_index) {
            b->oom = 1;
            return 0;
        }
        long long lo = b->tr_count ? b->tr[0].id : 0, hi = lo;
        for (size_t i = 0; i < b->tr_count; i++) {
            b->tr_index[i][0] = b->tr[i].id;
            b->tr_index[i][1] = (long long)i;
            lo = b->tr[i].id < lo ? b->tr[i].id : lo;
            hi = b->tr[i].id > hi ? b->tr[i].id : hi;
        }
        qsort(b->tr_index, b->tr_count, sizeof *b->tr_index, cmp_tr_index);
        /* Ids from a sequence are nearly dense: then a plain array maps id to trainee (a
         * binary search per row cost a tenth of the region's report at 600,000 rows). */
        if (b->tr_count && (unsigned long long)(hi - lo) < 4ull * b->tr_count + 64 &&
            (rb->tr_dense = malloc((size_t)(hi - lo + 1) * sizeof *rb->tr_dense)) != NULL) {
            for (long long k = 0; k <= hi - lo; k++)
                rb->tr_dense[k] = -1;
            for (size_t i = 0; i < b->tr_count; i++)
                rb->tr_dense[b->tr[i].id - lo] = (long)i;
            rb->tr_lo = lo;
            rb->tr_hi = hi;
        }
        rb->tr_indexed = b->tr_count;
    }
    long t = rb->tr_dense
                 ? (trainee >= rb->tr_lo && trainee <= rb->tr_hi ? rb->tr_dense[trainee - rb->tr_lo]
                                                                 : -1)
                 : trainee_index(b, trainee);
    long c = criterion ? crit_find(b, criterion) : -1;
    if (t >= 0 && c >= 0)
        sums_to_acc(&b->tr_grid.cells[(size_t)t * b->stride + (size_t)c], s);
    return !b->oom;
}

int report_builder_mistake(ReportBuilder *rb, const char *scenario, const ReportMistake *x)
{
    Builder *b = &rb->b;
    fix_stride(rb);
    if (!scenario || !x->action)
        return !b->oom;
    long sc = scenario_index(b, scenario, strlen(scenario));
    if (sc < 0)
        return 0;
    GROW(b, b->mis, b->mis_count, b->mis_cap);
    if (b->oom)
        return 0;
    MistakeB *m = &b->mis[b->mis_count++];
    memset(m, 0, sizeof *m);
    m->scenario = (int32_t)sc;
    m->count = x->count;
    m->critical = x->critical;
    set_owned(b, &m->action, x->action);
    set_owned(b, &m->kind, x->kind);
    set_owned(b, &m->criterion, x->criterion);
    set_owned(b, &m->feedback, x->feedback);
    set_owned(b, &m->rule_id, x->rule_id);
    set_owned(b, &m->rule, x->rule);
    set_owned(b, &m->text, x->text);
    return !b->oom;
}

int report_builder_day(ReportBuilder *rb, const char *day, long long attempts, long long passed,
                       long long sum_total)
{
    Builder *b = &rb->b;
    long d;
    if (!day || !parse_day(day, &d) || attempts <= 0)
        return !b->oom;
    GROW(b, b->days, b->day_count, b->day_cap);
    if (b->oom)
        return 0;
    b->days[b->day_count++] = (DayB){d, attempts, passed, sum_total};
    return 1;
}

void report_builder_bucket(ReportBuilder *rb, int k, long long n)
{
    if (k >= 0 && k < REPORT_BUCKETS)
        rb->r->histogram[k] += n;
}

static int cmp_trainee_b(const void *x, const void *y)
{
    const TraineeB *a = *(const TraineeB *const *)x, *c = *(const TraineeB *const *)y;
    int d = strcmp(a->surname, c->surname);
    if (!d)
        d = strcmp(a->name, c->name);
    if (!d)
        d = strcmp(a->personnel, c->personnel);
    if (!d)
        d = strcmp(a->office, c->office);
    return d ? d : (a->id > c->id) - (a->id < c->id);
}

/* Puts the trainees, with their rows of the grid, in a local report's order: bytes of surname,
 * name, personnel number, office (what SQLite's ORDER BY gives). The centre sends them in any
 * order: sorting 100,000 rows there held back every later result of the pipeline. */
static void sort_trainees(ReportBuilder *rb)
{
    Builder *b = &rb->b;
    size_t n = b->tr_count;
    if (n < 2 || b->oom)
        return;
    const TraineeB **p = malloc(n * sizeof *p);
    TraineeB *tr = malloc(n * sizeof *tr);
    Acc *cells = malloc(n * b->stride * sizeof *cells + 1);
    if (!p || !tr || !cells) {
        b->oom = 1;
        free(p);
        free(tr);
        free(cells);
        return;
    }
    for (size_t i = 0; i < n; i++)
        p[i] = &b->tr[i];
    qsort(p, n, sizeof *p, cmp_trainee_b);
    for (size_t i = 0; i < n; i++) {
        size_t from = (size_t)(p[i] - b->tr);
        tr[i] = *p[i];
        memcpy(cells + i * b->stride, b->tr_grid.cells + from * b->stride,
               b->stride * sizeof *cells);
    }
    free(p);
    free(b->tr);
    free(b->tr_grid.cells);
    b->tr = tr;
    rb->tr_cap = n;
    b->tr_grid.cells = cells;
    b->tr_grid.rows = n;
    free(b->tr_index); /* indexes into the old order */
    b->tr_index = NULL;
    free(rb->tr_dense);
    rb->tr_dense = NULL;
    rb->tr_indexed = 0;
}

SimStatus report_builder_finish(ReportBuilder *rb, Report **out, SimError *err)
{
    *out = NULL;
    Builder *b = &rb->b;
    fix_stride(rb);
    sort_trainees(rb);
    for (size_t i = 0; i < b->sc_count; i++)
        if (!b->sc[i].title)
            b->sc[i].title = b->sc[i].id;
    if (!b->oom)
        assemble(b);
    Report *r = rb->r;
    int oom = b->oom || ((Arena *)r->arena_)->oom;
    builder_free(b);
    free(rb->tr_dense);
    free(rb);
    if (oom) {
        report_free(r);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_REPORT_NOMEM));
    }
    *out = r;
    return SIM_OK;
}

void report_free(Report *r)
{
    if (!r)
        return;
    arena_free(r->arena_);
    free(r->arena_);
    free(r);
}
