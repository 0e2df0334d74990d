/*
 * lrs.c — the record of what a Learning Record Store acknowledged (table lrs_sent, schema 7;
 * see store.h). Written by `lrs push` after each batch the LRS accepted, read at the start of
 * the next push so acknowledged statements are never sent again.
 * Depends on: the store's connection (store_internal.h).
 */
#include "store_internal.h"

#include <stdlib.h>
#include <string.h>

SimStatus store_lrs_known(Store *st, const char *endpoint, char ***ids, size_t *n, SimError *err)
{
    *ids = NULL;
    *n = 0;
    sqlite3_stmt *q = NULL;
    /* COLLATE BINARY order is strcmp order for these ASCII ids. */
    if (sqlite3_prepare_v2(st->db,
                           "SELECT statement_id FROM lrs_sent WHERE endpoint = ?1 "
                           "ORDER BY statement_id",
                           -1, &q, NULL) != SQLITE_OK)
        return sim_error_set(err, SIM_ERR_IO, TRF(STR_LRS_STORE_ERROR), sqlite3_errmsg(st->db));
    sqlite3_bind_text(q, 1, endpoint, -1, SQLITE_TRANSIENT);
    size_t cap = 0;
    int rc;
    SimStatus s = SIM_OK;
    while ((rc = sqlite3_step(q)) == SQLITE_ROW) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 1024;
            char **p = realloc(*ids, cap * sizeof *p);
            if (!p) {
                s = sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
                break;
            }
            *ids = p;
        }
        char *id = sim_strdup((const char *)sqlite3_column_text(q, 0));
        if (!id) {
            s = sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
            break;
        }
        (*ids)[(*n)++] = id;
    }
    if (s == SIM_OK && rc != SQLITE_DONE)
        s = sim_error_set(err, SIM_ERR_IO, TRF(STR_LRS_STORE_ERROR), sqlite3_errmsg(st->db));
    sqlite3_finalize(q);
    if (s != SIM_OK) {
        for (size_t i = 0; i < *n; i++)
            free((*ids)[i]);
        free(*ids);
        *ids = NULL;
        *n = 0;
    }
    return s;
}

SimStatus store_lrs_record(Store *st, const char *endpoint, const char *const *ids,
                           const char *const *attempts, size_t n, int conflict, SimError *err)
{
    sqlite3_stmt *q = NULL;
    if (sqlite3_exec(st->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
        return sim_error_set(err, SIM_ERR_IO, TRF(STR_LRS_STORE_ERROR), sqlite3_errmsg(st->db));
    int ok = sqlite3_prepare_v2(st->db,
                                "INSERT OR IGNORE INTO lrs_sent(endpoint, statement_id, "
                                "attempt_id, status) VALUES (?1, ?2, ?3, ?4)",
                                -1, &q, NULL) == SQLITE_OK;
    for (size_t i = 0; ok && i < n; i++) {
        sqlite3_reset(q);
        sqlite3_bind_text(q, 1, endpoint, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 2, ids[i], -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 3, attempts[i], -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(q, 4, conflict ? "conflict" : "sent", -1, SQLITE_STATIC);
        ok = sqlite3_step(q) == SQLITE_DONE;
    }
    sqlite3_finalize(q);
    if (ok && sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL) == SQLITE_OK)
        return SIM_OK;
    SimStatus s = sim_error_set(err, SIM_ERR_IO, TRF(STR_LRS_STORE_ERROR), sqlite3_errmsg(st->db));
    sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
    return s;
}

void store_lrs_counts(Store *st, const char *endpoint, long long *sent, long long *conflicts)
{
    if (sent)
        *sent = 0;
    if (conflicts)
        *conflicts = 0;
    sqlite3_stmt *q = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT count(*) FILTER (WHERE status = 'sent'), "
                           "count(*) FILTER (WHERE status = 'conflict') FROM lrs_sent "
                           "WHERE endpoint = ?1",
                           -1, &q, NULL) != SQLITE_OK)
        return;
    sqlite3_bind_text(q, 1, endpoint, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(q) == SQLITE_ROW) {
        if (sent)
            *sent = sqlite3_column_int64(q, 0);
        if (conflicts)
            *conflicts = sqlite3_column_int64(q, 1);
    }
    sqlite3_finalize(q);
}
