/*
 * sync.c — what the region needs from a PC's results database (see store.h, "the region").
 *
 * Reads the journal after a mark with the canonical bytes of each record, computes the public
 * hash chain the installation signs, lists the trainees, merges the centre's roster in, and
 * writes the bundle a PC without a connection carries to the centre. Everything here reads the
 * database as chain.c sealed it; nothing changes a record.
 * Depends on: crypto (hashes), SQLite.
 */
#include "store_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static long long one_int(Store *st, const char *sql)
{
    sqlite3_stmt *s;
    long long v = 0;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
        return 0;
    if (sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

long long store_chain_last(Store *st)
{
    return one_int(st, "SELECT coalesce(max(n), 0) FROM chain");
}

long long store_sync_attempts_after(Store *st, long long n)
{
    sqlite3_stmt *s;
    long long v = 0;
    if (sqlite3_prepare_v2(st->db, "SELECT count(DISTINCT attempt_id) FROM chain WHERE n > ?1", -1,
                           &s, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_int64(s, 1, n);
    if (sqlite3_step(s) == SQLITE_ROW)
        v = sqlite3_column_int64(s, 0);
    sqlite3_finalize(s);
    return v;
}

long long store_chain_first(Store *st)
{
    return one_int(st, "SELECT coalesce(min(n), 0) FROM chain");
}

static void col_copy(char *dst, size_t n, sqlite3_stmt *s, int col)
{
    const unsigned char *t = sqlite3_column_text(s, col);
    snprintf(dst, n, "%s", t ? (const char *)t : "");
}

void store_sync_entries_free(SyncEntry *e, size_t count)
{
    if (!e)
        return;
    for (size_t i = 0; i < count; i++)
        free(e[i].canon);
    free(e);
}

SimStatus store_sync_entries(Store *st, long long after, size_t max, int with_canon,
                             SyncEntry **out, size_t *count, SimError *err)
{
    *out = NULL;
    *count = 0;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT n, kind, attempt_id, seq, digest, mac FROM chain WHERE n > ?1"
                           " ORDER BY n LIMIT ?2",
                           -1, &s, NULL) != SQLITE_OK)
        return sim_error_set(err, SIM_ERR_IO, TRF(STR_SYNC_READ_JOURNAL), sqlite3_errmsg(st->db));
    sqlite3_bind_int64(s, 1, after);
    sqlite3_bind_int64(s, 2, (sqlite3_int64)max);
    SyncEntry *v = calloc(max ? max : 1, sizeof *v);
    if (!v) {
        sqlite3_finalize(s);
        return sim_error_set(err, SIM_ERR_NOMEM, TRF(STR_NOMEM));
    }
    size_t n = 0;
    int rc;
    /* One read transaction, so the entries and the records they hash agree. */
    sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL);
    while (n < max && (rc = sqlite3_step(s)) == SQLITE_ROW) {
        SyncEntry *e = &v[n++];
        e->n = sqlite3_column_int64(s, 0);
        col_copy(e->kind, sizeof e->kind, s, 1);
        col_copy(e->attempt, sizeof e->attempt, s, 2);
        e->seq = sqlite3_column_int(s, 3);
        col_copy(e->digest, sizeof e->digest, s, 4);
        col_copy(e->mac, sizeof e->mac, s, 5);
        if (!with_canon)
            continue;
        SimBuf b;
        simbuf_init(&b);
        int have = chain_canon(st, e->kind, e->attempt, e->seq, &b);
        if (have < 0 || b.oom) {
            simbuf_free(&b);
            sqlite3_finalize(s);
            sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
            store_sync_entries_free(v, n);
            return sim_error_set(err, SIM_ERR_IO, TRF(STR_SYNC_READ_ENTRY), e->n,
                                 sqlite3_errmsg(st->db));
        }
        if (have == 1) {
            unsigned char d[SEC_HASH_BYTES];
            char hex[2 * SEC_HASH_BYTES + 1];
            sec_hash(d, simbuf_str(&b), b.len);
            sec_hex(hex, d, SEC_HASH_BYTES);
            e->intact = strcmp(hex, e->digest) == 0;
            e->canon_len = b.len;
            e->canon = simbuf_take(&b);
        } else {
            simbuf_free(&b);
        }
    }
    sqlite3_finalize(s);
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    *out = v;
    *count = n;
    return SIM_OK;
}

void store_pub_hash_next(const char *prev_hex, const SyncEntry *e, char out[65])
{
    unsigned char prev[SEC_SHA256_BYTES] = {0}, h[SEC_SHA256_BYTES];
    if (prev_hex && *prev_hex && sec_unhex(prev, sizeof prev, prev_hex) != 0)
        memset(prev, 0xff, sizeof prev); /* a damaged mark: the next head will not check */
    SimBuf b;
    simbuf_init(&b);
    simbuf_append(&b, (const char *)prev, sizeof prev);
    simbuf_printf(&b, "%lld|%s|%s|%d|%s|%s", e->n, e->kind, e->attempt, e->seq, e->digest, e->mac);
    sec_sha256(h, simbuf_str(&b), b.len);
    simbuf_free(&b);
    sec_hex(out, h, sizeof h);
}

SimStatus store_sync_trainees(Store *st, Trainee **out, size_t *count, SimError *err)
{
    *out = NULL;
    *count = 0;
    size_t total = (size_t)one_int(st, "SELECT count(*) FROM trainees");
    Trainee *v = calloc(total ? total : 1, sizeof *v);
    if (!v)
        return sim_error_set(err, SIM_ERR_NOMEM, TRF(STR_NOMEM));
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT id, surname, name, personnel_number, patronymic, office"
                           " FROM trainees ORDER BY id",
                           -1, &s, NULL) != SQLITE_OK) {
        free(v);
        return sim_error_set(err, SIM_ERR_IO, TRF(STR_SYNC_READ_TRAINEES), sqlite3_errmsg(st->db));
    }
    size_t n = 0;
    while (n < total && sqlite3_step(s) == SQLITE_ROW) {
        Trainee *t = &v[n++];
        t->id = sqlite3_column_int64(s, 0);
        col_copy(t->surname, sizeof t->surname, s, 1);
        col_copy(t->name, sizeof t->name, s, 2);
        col_copy(t->personnel, sizeof t->personnel, s, 3);
        col_copy(t->patronymic, sizeof t->patronymic, s, 4);
        col_copy(t->office, sizeof t->office, s, 5);
    }
    sqlite3_finalize(s);
    *out = v;
    *count = n;
    return SIM_OK;
}

SimStatus store_roster_merge(Store *st, const Trainee *rows, size_t n, size_t *added,
                             size_t *conflicts, SimError *err)
{
    *added = 0;
    *conflicts = 0;
    sqlite3_stmt *find = NULL, *ins = NULL;
    if (sqlite3_prepare_v2(
            st->db,
            "SELECT surname, name, patronymic, id FROM trainees WHERE (office = ?1"
            " OR office = '') AND personnel_number = ?2 ORDER BY office DESC LIMIT 1",
            -1, &find, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(st->db,
                           "INSERT INTO trainees(surname, name, patronymic, personnel_number,"
                           " office) VALUES(?,?,?,?,?)",
                           -1, &ins, NULL) != SQLITE_OK) {
        sqlite3_finalize(find);
        return sim_error_set(err, SIM_ERR_IO, TRF(STR_SYNC_TRAINEE_LIST), sqlite3_errmsg(st->db));
    }
    int ok = sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) == SQLITE_OK;
    for (size_t i = 0; ok && i < n; i++) {
        const Trainee *t = &rows[i];
        sqlite3_bind_text(find, 1, t->office, -1, SQLITE_STATIC);
        sqlite3_bind_text(find, 2, t->personnel, -1, SQLITE_STATIC);
        if (sqlite3_step(find) == SQLITE_ROW) {
            const char *sn = (const char *)sqlite3_column_text(find, 0);
            const char *nm = (const char *)sqlite3_column_text(find, 1);
            const char *pt = (const char *)sqlite3_column_text(find, 2);
            if (strcmp(sn ? sn : "", t->surname) != 0 || strcmp(nm ? nm : "", t->name) != 0 ||
                (pt && *pt && strcmp(pt, t->patronymic) != 0)) {
                (*conflicts)++;
            } else {
                /* A profile made on this PC before it knew its office is the roster's person:
                 * it takes the office and the patronymic (not part of the journalled identity). */
                char sql[200];
                snprintf(sql, sizeof sql,
                         "UPDATE trainees SET office = ?1, patronymic = ?2"
                         " WHERE id = %lld",
                         (long long)sqlite3_column_int64(find, 3));
                sqlite3_stmt *u;
                if (sqlite3_prepare_v2(st->db, sql, -1, &u, NULL) == SQLITE_OK) {
                    sqlite3_bind_text(u, 1, t->office, -1, SQLITE_STATIC);
                    sqlite3_bind_text(u, 2, t->patronymic, -1, SQLITE_STATIC);
                    sqlite3_step(u);
                    sqlite3_finalize(u);
                }
            }
            sqlite3_reset(find);
            continue;
        }
        sqlite3_reset(find);
        sqlite3_bind_text(ins, 1, t->surname, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 2, t->name, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 3, t->patronymic, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 4, t->personnel, -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 5, t->office, -1, SQLITE_STATIC);
        if (sqlite3_step(ins) == SQLITE_DONE)
            (*added)++;
        else
            ok = 0;
        sqlite3_reset(ins);
    }
    sqlite3_finalize(find);
    sqlite3_finalize(ins);
    if (!ok || sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
        sim_error_set(err, SIM_ERR_IO, TRF(STR_SYNC_TRAINEE_LIST_NOT_WRITTEN),
                      sqlite3_errmsg(st->db));
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        *added = 0;
        return SIM_ERR_IO;
    }
    return SIM_OK;
}

SimStatus store_bundle_write(Store *st, const char *path, long long after, const char *const *keys,
                             const char *const *values, size_t n, SimError *err)
{
    if (access(path, F_OK) == 0)
        return sim_error_set(err, SIM_ERR_IO, TRF(STR_SYNC_FILE_EXISTS), path);
    char *tmp = sqlite3_mprintf("%s.part", path);
    if (!tmp)
        return sim_error_set(err, SIM_ERR_NOMEM, TRF(STR_NOMEM));
    unlink(tmp);
    sqlite3_stmt *s = NULL;
    sqlite3 *b = NULL;
    SimStatus rc = SIM_ERR_IO;
    if (sqlite3_prepare_v2(st->db, "VACUUM INTO ?1", -1, &s, NULL) != SQLITE_OK)
        goto fail_main;
    sqlite3_bind_text(s, 1, tmp, -1, SQLITE_STATIC);
    if (sqlite3_step(s) != SQLITE_DONE)
        goto fail_main;
    sqlite3_finalize(s);
    s = NULL;
    if (sqlite3_open_v2(tmp, &b, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
        goto fail_copy;
    /* The bundle carries results, never the PIN or other settings; the deleted pages are
     * wiped by the VACUUM below. */
    char sql[256];
    snprintf(sql, sizeof sql,
             "PRAGMA journal_mode=DELETE; BEGIN; DELETE FROM settings;"
             " DELETE FROM chain WHERE n <= %lld;"
             " CREATE TABLE bundle_meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);",
             after);
    if (sqlite3_exec(b, sql, NULL, NULL, NULL) != SQLITE_OK)
        goto fail_copy;
    if (sqlite3_prepare_v2(b, "INSERT INTO bundle_meta VALUES(?,?)", -1, &s, NULL) != SQLITE_OK)
        goto fail_copy;
    for (size_t i = 0; i < n; i++) {
        sqlite3_bind_text(s, 1, keys[i], -1, SQLITE_STATIC);
        sqlite3_bind_text(s, 2, values[i], -1, SQLITE_STATIC);
        if (sqlite3_step(s) != SQLITE_DONE)
            goto fail_copy;
        sqlite3_reset(s);
    }
    sqlite3_finalize(s);
    s = NULL;
    if (sqlite3_exec(b, "COMMIT; VACUUM;", NULL, NULL, NULL) != SQLITE_OK)
        goto fail_copy;
    if (sqlite3_close(b) != SQLITE_OK) {
        b = NULL;
        goto fail_copy;
    }
    b = NULL;
    if (rename(tmp, path) != 0) {
        sim_error_set(err, SIM_ERR_IO, TRF(STR_CRYPTO_WRITE_FAILED), path);
        unlink(tmp);
        sqlite3_free(tmp);
        return SIM_ERR_IO;
    }
    sqlite3_free(tmp);
    return SIM_OK;
fail_main:
    sim_error_set(err, SIM_ERR_IO, TRF(STR_PACK_WRITE_FAILED), path, sqlite3_errmsg(st->db));
    goto out;
fail_copy:
    sim_error_set(err, SIM_ERR_IO, TRF(STR_PACK_WRITE_FAILED), path,
                  b ? sqlite3_errmsg(b) : tr(STR_SYNC_NO_FILE_ACCESS));
out:
    sqlite3_finalize(s);
    if (b)
        sqlite3_close(b);
    unlink(tmp);
    sqlite3_free(tmp);
    return rc;
}

char *store_bundle_get(Store *st, const char *key)
{
    sqlite3_stmt *s;
    char *v = NULL;
    if (sqlite3_prepare_v2(st->db, "SELECT value FROM bundle_meta WHERE key = ?1", -1, &s, NULL) !=
        SQLITE_OK)
        return NULL;
    sqlite3_bind_text(s, 1, key, -1, SQLITE_STATIC);
    if (sqlite3_step(s) == SQLITE_ROW) {
        const char *t = (const char *)sqlite3_column_text(s, 0);
        v = sim_strdup(t ? t : "");
    }
    sqlite3_finalize(s);
    return v;
}

/* ---- rebuilding records from their canonical bytes -------------------------------------- */

SimStatus store_import_trainee(Store *st, const Trainee *t, SimError *err)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db,
                           "INSERT OR REPLACE INTO trainees(id, surname, name, personnel_number,"
                           " patronymic, office) VALUES(?,?,?,?,?,?)",
                           -1, &s, NULL) != SQLITE_OK)
        return sim_error_set(err, SIM_ERR_IO, TRF(STR_SYNC_TRAINEE), sqlite3_errmsg(st->db));
    sqlite3_bind_int64(s, 1, t->id);
    sqlite3_bind_text(s, 2, t->surname, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, t->name, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 4, t->personnel, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 5, t->patronymic, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 6, t->office, -1, SQLITE_STATIC);
    int rc = sqlite3_step(s);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE
               ? SIM_OK
               : sim_error_set(err, SIM_ERR_IO, TRF(STR_SYNC_TRAINEE), sqlite3_errmsg(st->db));
}

/* Splits [p, end) at sep; returns the piece's end and sets *next past the separator (or end). */
static const char *piece(const char *p, const char *end, char sep, const char **next)
{
    const char *q = memchr(p, sep, (size_t)(end - p));
    if (!q) {
        *next = end;
        return end;
    }
    *next = q + 1;
    return q;
}

/* Binds the fields of one canonical row [p, end) to s from parameter first on; 0x01 is NULL.
 * Returns the number of fields. */
static int bind_row(sqlite3_stmt *s, int first, const char *p, const char *end, int max)
{
    int k = 0;
    while (p < end && k < max) {
        const char *next, *e = piece(p, end, '\x1f', &next);
        if (e - p == 1 && *p == '\x01')
            sqlite3_bind_null(s, first + k);
        else
            sqlite3_bind_text(s, first + k, p, (int)(e - p), SQLITE_TRANSIENT);
        k++;
        p = next;
    }
    return k;
}

/* Runs sql once per row of the group [p, end), binding ?1 = attempt then the row's fields. */
static int rows_into(Store *st, const char *sql, const char *attempt, const char *p,
                     const char *end, int fields)
{
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, sql, -1, &s, NULL) != SQLITE_OK)
        return 0;
    int good = 1;
    while (good && p < end) {
        const char *next, *e = piece(p, end, '\x1e', &next);
        if (e > p) {
            sqlite3_bind_text(s, 1, attempt, -1, SQLITE_STATIC);
            good = bind_row(s, 2, p, e, fields) == fields && sqlite3_step(s) == SQLITE_DONE;
            sqlite3_reset(s);
            sqlite3_clear_bindings(s);
        }
        p = next;
    }
    sqlite3_finalize(s);
    return good;
}

/* The criteria rows in the scenario's order, as the attempt recorded them: the canonical
 * bytes list them by id, so the order is taken from where each id first appears in the
 * result's JSON (field 7 of the result row), which lists them in the scenario's order. The
 * report's criterion order depends on it. */
typedef struct CritRow {
    const char *p, *end;
    size_t pos;
} CritRow;

static int crit_cmp(const void *a, const void *b)
{
    const CritRow *x = a, *y = b;
    return x->pos < y->pos ? -1 : x->pos > y->pos;
}

static int criteria_into(Store *st, const char *attempt, const char *r1, const char *r1_end,
                         const char *p, const char *end)
{
    /* The result JSON: the 7th field of the result row. */
    const char *f = r1, *next;
    for (int i = 0; i < 6 && f < r1_end; i++) {
        piece(f, r1_end, '\x1f', &next);
        f = next;
    }
    const char *json_end = f < r1_end ? piece(f, r1_end, '\x1f', &next) : r1_end;
    size_t json_len = (size_t)(json_end - f);
    CritRow rows[64];
    size_t n = 0;
    while (p < end && n < 64) {
        const char *e = piece(p, end, '\x1e', &next);
        if (e > p) {
            const char *id_end = memchr(p, '\x1f', (size_t)(e - p));
            size_t pos = (size_t)-1;
            if (id_end && json_len) {
                char pat[200];
                int pl = snprintf(pat, sizeof pat, "\"%.*s\"", (int)(id_end - p), p);
                for (size_t k = 0; pl > 0 && k + (size_t)pl <= json_len; k++)
                    if (memcmp(f + k, pat, (size_t)pl) == 0) {
                        pos = k;
                        break;
                    }
            }
            rows[n++] = (CritRow){.p = p, .end = e, .pos = pos};
        }
        p = next;
    }
    qsort(rows, n, sizeof rows[0], crit_cmp);
    for (size_t i = 0; i < n; i++)
        if (!rows_into(st,
                       "INSERT OR IGNORE INTO attempt_criteria(attempt_id, criterion, title,"
                       " weight, score, max) VALUES(?,?,?,?,?,?)",
                       attempt, rows[i].p, rows[i].end, 5))
            return 0;
    return 1;
}

SimStatus store_import_record(Store *st, const char *kind, const char *attempt, int seq,
                              const char *canon, size_t len, long long trainee, SimError *err)
{
    const char *end = canon + len, *next;
    const char *row_end = piece(canon, end, '\x1e', &next);
    sqlite3_stmt *s = NULL;
    int good = 1;
    if (strcmp(kind, "attempt") == 0) {
        good = sqlite3_prepare_v2(st->db,
                                  "INSERT OR IGNORE INTO attempts(id, trainee_id, scenario_id,"
                                  " scenario_version, scenario_hash, seed, mode, started_at,"
                                  " pack_hash, pack_state, pack_key) VALUES(?,?,?,?,?,?,?,?,?,?,?)",
                                  -1, &s, NULL) == SQLITE_OK &&
               bind_row(s, 1, canon, row_end, 11) == 11;
        if (good) {
            sqlite3_bind_int64(s, 2, trainee);
            good = sqlite3_step(s) == SQLITE_DONE;
        }
    } else if (strcmp(kind, "action") == 0) {
        good = sqlite3_prepare_v2(st->db,
                                  "INSERT OR IGNORE INTO actions(seq, attempt_id, action_id, at,"
                                  " sim_minutes, points_json) VALUES(?,?,?,?,?,?)",
                                  -1, &s, NULL) == SQLITE_OK &&
               bind_row(s, 2, canon, row_end, 5) == 5;
        if (good) {
            sqlite3_bind_int(s, 1, seq);
            good = sqlite3_step(s) == SQLITE_DONE;
        }
    } else if (strcmp(kind, "finish") == 0) {
        const char *g2, *g3;
        const char *g1_end = piece(canon, end, '\x1d', &g2);
        const char *g2_end = piece(g2, end, '\x1d', &g3);
        const char *r1_end = piece(canon, g1_end, '\x1e', &next);
        good = sqlite3_prepare_v2(st->db,
                                  "UPDATE attempts SET ended_at = ?1, finished = ?2, outcome = ?3,"
                                  " total = ?4, passed = ?5, sim_minutes = ?6, result_json = ?7,"
                                  " scenario_title = ?8, real_seconds = ?9 WHERE id = ?10",
                                  -1, &s, NULL) == SQLITE_OK &&
               bind_row(s, 1, canon, r1_end, 9) == 9;
        if (good) {
            sqlite3_bind_text(s, 10, attempt, -1, SQLITE_STATIC);
            good = sqlite3_step(s) == SQLITE_DONE;
        }
        good = good && criteria_into(st, attempt, canon, r1_end, g2, g2_end) &&
               rows_into(st,
                         "INSERT OR IGNORE INTO attempt_mistakes(attempt_id, seq, action_id, kind,"
                         " criterion, points, feedback, rule_id, rule) VALUES(?,?,?,?,?,?,?,?,?)",
                         attempt, g3, end, 8);
    }
    sqlite3_finalize(s);
    if (!good)
        return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_SYNC_RECORD_UNREADABLE), kind, attempt,
                             sqlite3_errmsg(st->db));
    return SIM_OK;
}
