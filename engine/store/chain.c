/*
 * chain.c — the results MAC chain (see store.h, "tamper evidence").
 *
 * Each record the program writes (an attempt's start, an action, an attempt's result) appends
 * one journal row to table chain, in the same transaction as the record:
 *     digest = BLAKE2b-256(canonical fields of the record as stored)
 *     mac_n  = HMAC-SHA512-256(secret, mac_{n-1} ‖ "n|kind|attempt|seq|" ‖ digest)
 * with mac_0 = 32 zero bytes. The verifier checks the journal link by link (an edited, forged,
 * deleted or moved journal row breaks the chain), then compares every live row with its
 * journal entry (an edited row changes its digest; a row without entry was inserted; an entry
 * without row was deleted; an action found under another seq was reordered).
 * Canonical fields: every column listed in the SELECTs below, as SQLite's text of the value,
 * NULL as the byte 0x01, separated by 0x1F; rows of a result separated by 0x1E.
 * Depends on: crypto (hash and MAC), SQLite.
 */
#include "store_internal.h"

#include "../core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SQL_ATTEMPT                                                                                \
    "SELECT id, trainee_id, scenario_id, scenario_version, scenario_hash, seed, mode,"             \
    " started_at, pack_hash, pack_state, pack_key FROM attempts WHERE id = ?1"
#define SQL_RESULT                                                                                 \
    "SELECT ended_at, finished, outcome, total, passed, sim_minutes, result_json,"                 \
    " scenario_title, real_seconds FROM attempts WHERE id = ?1"
#define SQL_CRITERIA                                                                               \
    "SELECT criterion, title, weight, score, max FROM attempt_criteria WHERE attempt_id = ?1"      \
    " ORDER BY criterion"
#define SQL_MISTAKES                                                                               \
    "SELECT seq, action_id, kind, criterion, points, feedback, rule_id, rule"                      \
    " FROM attempt_mistakes WHERE attempt_id = ?1 ORDER BY seq"
/* Who the attempt is credited to, as the trainee's row says now: swapping two trainees'
 * numbers or names, or deleting a trainee, changes it (issue #16, finding 3). */
#define SQL_IDENTITY                                                                               \
    "SELECT a.trainee_id, t.personnel_number, t.surname, t.name FROM attempts a"                   \
    " LEFT JOIN trainees t ON t.id = a.trainee_id WHERE a.id = ?1"
/* The action's place (seq) is bound into the mac, not the digest, so a moved action is
 * recognised by its digest under another seq. */
#define SQL_ACTION                                                                                 \
    "SELECT attempt_id, action_id, at, sim_minutes, points_json FROM actions"                      \
    " WHERE attempt_id = ?1 AND seq = ?2"

/* The canonical queries, prepared once per connection and kept (store_internal.h): verifying
 * or syncing a database reads every record, and preparing each query per record cost more than
 * running it. */
static const char *const canon_sql[CANON_QUERIES] = {SQL_ATTEMPT,  SQL_RESULT,   SQL_CRITERIA,
                                                     SQL_MISTAKES, SQL_IDENTITY, SQL_ACTION};
enum { Q_ATTEMPT, Q_RESULT, Q_CRITERIA, Q_MISTAKES, Q_IDENTITY, Q_ACTION };

/* Appends every row of query q (bound: ?1 attempt, ?2 seq) to b. Returns the row count, -1 on
 * error. */
static int canon_rows(Store *st, int q, const char *attempt, int seq, SimBuf *b)
{
    sqlite3_stmt *s = st->canon[q];
    if (!s) {
        if (sqlite3_prepare_v3(st->db, canon_sql[q], -1, SQLITE_PREPARE_PERSISTENT, &s, NULL) !=
            SQLITE_OK)
            return -1;
        st->canon[q] = s;
    }
    sqlite3_bind_text(s, 1, attempt, -1, SQLITE_TRANSIENT);
    if (sqlite3_bind_parameter_count(s) >= 2)
        sqlite3_bind_int(s, 2, seq);
    int rows = 0, rc;
    while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
        int n = sqlite3_column_count(s);
        for (int i = 0; i < n; i++) {
            if (sqlite3_column_type(s, i) == SQLITE_NULL) {
                simbuf_append(b, "\x01", 1);
            } else {
                const char *t = (const char *)sqlite3_column_text(s, i);
                simbuf_append(b, t ? t : "", (size_t)sqlite3_column_bytes(s, i));
            }
            simbuf_append(b, "\x1f", 1);
        }
        simbuf_append(b, "\x1e", 1);
        rows++;
    }
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
    return rc == SQLITE_DONE && !b->oom ? rows : -1;
}

void chain_close(Store *st)
{
    for (int i = 0; i < CANON_QUERIES; i++) {
        sqlite3_finalize(st->canon[i]);
        st->canon[i] = NULL;
    }
}

int chain_canon(Store *st, const char *kind, const char *attempt, int seq, SimBuf *b)
{
    int rows;
    if (strcmp(kind, "attempt") == 0) {
        rows = canon_rows(st, Q_ATTEMPT, attempt, 0, b);
    } else if (strcmp(kind, "action") == 0) {
        rows = canon_rows(st, Q_ACTION, attempt, seq, b);
    } else if (strcmp(kind, "identity") == 0) {
        rows = canon_rows(st, Q_IDENTITY, attempt, 0, b);
    } else {
        rows = canon_rows(st, Q_RESULT, attempt, 0, b);
        if (rows > 0) {
            simbuf_append(b, "\x1d", 1);
            if (canon_rows(st, Q_CRITERIA, attempt, 0, b) < 0)
                rows = -1;
            simbuf_append(b, "\x1d", 1);
            if (rows > 0 && canon_rows(st, Q_MISTAKES, attempt, 0, b) < 0)
                rows = -1;
        }
    }
    return rows < 0 ? -1 : rows > 0;
}

/* The digest of a live record; returns 1 when the record exists, 0 when not, -1 on error. */
static int record_digest(Store *st, const char *kind, const char *attempt, int seq,
                         unsigned char out[SEC_HASH_BYTES])
{
    SimBuf b;
    simbuf_init(&b);
    int rc = chain_canon(st, kind, attempt, seq, &b);
    if (rc > 0)
        sec_hash(out, simbuf_str(&b), b.len);
    simbuf_free(&b);
    return rc;
}

static void entry_mac(const Store *st, const unsigned char prev[SEC_MAC_BYTES], long long n,
                      const char *kind, const char *attempt, int seq, const char *digest_hex,
                      unsigned char out[SEC_MAC_BYTES])
{
    char head[160];
    int len = snprintf(head, sizeof head, "%lld|%s|%s|%d|", n, kind, attempt, seq);
    if (len < 0 || (size_t)len >= sizeof head)
        len = (int)sizeof head - 1;
    const void *parts[] = {prev, head, digest_hex};
    size_t lens[] = {SEC_MAC_BYTES, (size_t)len, strlen(digest_hex)};
    sec_mac(out, st->key, parts, lens, 3);
}

int chain_append(Store *st, const char *kind, const char *attempt, int seq)
{
    unsigned char digest[SEC_HASH_BYTES], prev[SEC_MAC_BYTES] = {0}, mac[SEC_MAC_BYTES];
    if (record_digest(st, kind, attempt, seq, digest) != 1)
        return 0;
    long long n = 1;
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, "SELECT n, mac FROM chain ORDER BY n DESC LIMIT 1", -1, &s,
                           NULL) != SQLITE_OK)
        return 0;
    int rc = sqlite3_step(s);
    if (rc == SQLITE_ROW) {
        n = sqlite3_column_int64(s, 0) + 1;
        const char *m = (const char *)sqlite3_column_text(s, 1);
        if (!m || sec_unhex(prev, SEC_MAC_BYTES, m) != 0)
            memset(prev, 0xff, sizeof prev); /* a damaged head: the new link will not verify */
    }
    sqlite3_finalize(s);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return 0;
    char dhex[2 * SEC_HASH_BYTES + 1], mhex[2 * SEC_MAC_BYTES + 1];
    sec_hex(dhex, digest, SEC_HASH_BYTES);
    entry_mac(st, prev, n, kind, attempt, seq, dhex, mac);
    sec_hex(mhex, mac, SEC_MAC_BYTES);
    if (sqlite3_prepare_v2(st->db,
                           "INSERT INTO chain(n, kind, attempt_id, seq, digest, mac)"
                           " VALUES(?,?,?,?,?,?)",
                           -1, &s, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_int64(s, 1, n);
    sqlite3_bind_text(s, 2, kind, -1, SQLITE_STATIC);
    sqlite3_bind_text(s, 3, attempt, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int(s, 4, seq);
    sqlite3_bind_text(s, 5, dhex, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(s, 6, mhex, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(s);
    sqlite3_finalize(s);
    return rc == SQLITE_DONE;
}

int chain_seal_existing(Store *st)
{
    /* Attempts in the order they were started, each followed by its actions and, when it has
     * one, its result: the order the program would have written them in. */
    sqlite3_stmt *a;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT id, ended_at IS NOT NULL OR finished = 1 FROM attempts"
                           " WHERE id NOT IN (SELECT attempt_id FROM chain)"
                           " ORDER BY started_at, rowid",
                           -1, &a, NULL) != SQLITE_OK)
        return 0;
    int ok = 1;
    while (ok && sqlite3_step(a) == SQLITE_ROW) {
        char id[64];
        snprintf(id, sizeof id, "%s", (const char *)sqlite3_column_text(a, 0));
        int ended = sqlite3_column_int(a, 1);
        ok = chain_append(st, "attempt", id, 0);
        sqlite3_stmt *q;
        if (ok &&
            sqlite3_prepare_v2(st->db, "SELECT seq FROM actions WHERE attempt_id = ? ORDER BY seq",
                               -1, &q, NULL) == SQLITE_OK) {
            sqlite3_bind_text(q, 1, id, -1, SQLITE_TRANSIENT);
            while (ok && sqlite3_step(q) == SQLITE_ROW)
                ok = chain_append(st, "action", id, sqlite3_column_int(q, 0));
            sqlite3_finalize(q);
        }
        if (ok && ended)
            ok = chain_append(st, "finish", id, 0);
    }
    sqlite3_finalize(a);
    return ok;
}

int chain_seal_identities(Store *st)
{
    /* Schema 5 binds who an attempt belongs to into the journal; attempts recorded before are
     * sealed with the identity they have when the database is upgraded. */
    sqlite3_stmt *a;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT id FROM attempts WHERE id NOT IN"
                           " (SELECT attempt_id FROM chain WHERE kind = 'identity')"
                           " ORDER BY started_at, rowid",
                           -1, &a, NULL) != SQLITE_OK)
        return 0;
    int ok = 1;
    while (ok && sqlite3_step(a) == SQLITE_ROW) {
        char id[64];
        snprintf(id, sizeof id, "%s", (const char *)sqlite3_column_text(a, 0));
        ok = chain_append(st, "identity", id, 0);
    }
    sqlite3_finalize(a);
    return ok;
}

int store_chain_head(Store *st, char *out)
{
    out[0] = '\0';
    sqlite3_stmt *s;
    if (sqlite3_prepare_v2(st->db, "SELECT mac FROM chain ORDER BY n DESC LIMIT 1", -1, &s, NULL) !=
        SQLITE_OK)
        return 0;
    if (sqlite3_step(s) == SQLITE_ROW && sqlite3_column_text(s, 0))
        snprintf(out, STORE_HEAD_LEN + 1, "%s", (const char *)sqlite3_column_text(s, 0));
    sqlite3_finalize(s);
    return out[0] != '\0';
}

/* ---- verification ------------------------------------------------------------------------ */

static void add_finding(ChainReport *r, TamperKind kind, const char *what, const char *attempt,
                        int seq, long long n)
{
    TamperFinding *p = realloc(r->items, (r->count + 1) * sizeof *p);
    if (!p)
        return;
    r->items = p;
    TamperFinding *f = &p[r->count++];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    snprintf(f->what, sizeof f->what, "%s", what);
    snprintf(f->attempt, sizeof f->attempt, "%s", attempt ? attempt : "");
    f->seq = seq;
    f->n = n;
}

/* Checks one journal row against the previous one's stored mac. 1 when the link holds. */
static int link_ok(const Store *st, const unsigned char prev[SEC_MAC_BYTES], sqlite3_stmt *s,
                   unsigned char mac_out[SEC_MAC_BYTES])
{
    long long n = sqlite3_column_int64(s, 0);
    const char *kind = (const char *)sqlite3_column_text(s, 1);
    const char *attempt = (const char *)sqlite3_column_text(s, 2);
    int seq = sqlite3_column_int(s, 3);
    const char *digest = (const char *)sqlite3_column_text(s, 4);
    const char *mac = (const char *)sqlite3_column_text(s, 5);
    unsigned char want[SEC_MAC_BYTES];
    int parsed = mac && sec_unhex(mac_out, SEC_MAC_BYTES, mac) == 0;
    if (!parsed)
        memset(mac_out, 0xff, SEC_MAC_BYTES);
    if (!kind || !attempt || !digest || !parsed)
        return 0;
    entry_mac(st, prev, n, kind, attempt, seq, digest, want);
    return sec_equal(want, mac_out, SEC_MAC_BYTES);
}

/* Compares a live record with the digest its journal entry holds: 1 same, 0 differs, -1 when
 * the record is gone. */
static int matches(Store *st, const char *kind, const char *attempt, int seq, const char *digest)
{
    unsigned char d[SEC_HASH_BYTES];
    char hex[2 * SEC_HASH_BYTES + 1];
    int have = record_digest(st, kind, attempt, seq, d);
    if (have != 1)
        return -1;
    sec_hex(hex, d, SEC_HASH_BYTES);
    return digest && strcmp(hex, digest) == 0;
}

SimStatus store_verify(Store *st, const char *expect_head, ChainReport *r, SimError *err)
{
    memset(r, 0, sizeof *r);
    r->keyless = st->keyless;
    size_t want_len = expect_head ? strlen(expect_head) : 0;
    int head_found = 0;
    /* 1. The journal, link by link. The latest entry of each record is kept for step 2. */
    if (!(sqlite3_exec(st->db,
                       "DROP TABLE IF EXISTS temp.vj;"
                       "CREATE TEMP TABLE vj(kind TEXT, attempt_id TEXT, seq INTEGER,"
                       " digest TEXT, n INTEGER, PRIMARY KEY(kind, attempt_id, seq));"
                       "CREATE INDEX temp.vj_digest ON vj(attempt_id, digest);",
                       NULL, NULL, NULL) == SQLITE_OK))
        return sim_error_set(err, SIM_ERR_IO, tr(STR_CHAIN_VERIFY_ERROR), sqlite3_errmsg(st->db));
    sqlite3_stmt *s = NULL, *ins = NULL;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT n, kind, attempt_id, seq, digest, mac FROM chain ORDER BY n", -1,
                           &s, NULL) != SQLITE_OK ||
        sqlite3_prepare_v2(st->db, "INSERT OR REPLACE INTO temp.vj VALUES(?,?,?,?,?)", -1, &ins,
                           NULL) != SQLITE_OK) {
        sqlite3_finalize(s);
        return sim_error_set(err, SIM_ERR_IO, tr(STR_CHAIN_VERIFY_ERROR), sqlite3_errmsg(st->db));
    }
    sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL);
    unsigned char prev[SEC_MAC_BYTES] = {0}, mac[SEC_MAC_BYTES];
    long long expect_n = 1;
    while (sqlite3_step(s) == SQLITE_ROW) {
        long long n = sqlite3_column_int64(s, 0);
        const char *attempt = (const char *)sqlite3_column_text(s, 2);
        r->entries++;
        if (n > expect_n)
            add_finding(r, TAMPER_DELETED, "journal", NULL, 0, expect_n);
        if (!st->keyless && !link_ok(st, prev, s, mac))
            add_finding(r, TAMPER_JOURNAL, "journal", attempt, sqlite3_column_int(s, 3), n);
        memcpy(prev, mac, SEC_MAC_BYTES);
        const char *m = (const char *)sqlite3_column_text(s, 5);
        if (want_len >= 8 && m && strncmp(m, expect_head, want_len) == 0)
            head_found = 1;
        if (m)
            snprintf(r->head, sizeof r->head, "%s", m);
        sqlite3_bind_value(ins, 1, sqlite3_column_value(s, 1));
        sqlite3_bind_value(ins, 2, sqlite3_column_value(s, 2));
        sqlite3_bind_value(ins, 3, sqlite3_column_value(s, 3));
        sqlite3_bind_value(ins, 4, sqlite3_column_value(s, 4));
        sqlite3_bind_int64(ins, 5, n);
        sqlite3_step(ins);
        sqlite3_reset(ins);
        expect_n = n + 1;
    }
    sqlite3_finalize(s);
    sqlite3_finalize(ins);
    if (expect_head && !head_found)
        add_finding(r, TAMPER_ROLLBACK, "head", NULL, 0, 0);

    /* 2. Every live attempt, result and action against its entry. */
    sqlite3_stmt *e = NULL, *moved = NULL;
    sqlite3_prepare_v2(st->db,
                       "SELECT digest, n FROM temp.vj WHERE kind = ?1 AND attempt_id = ?2"
                       " AND seq = ?3",
                       -1, &e, NULL);
    sqlite3_prepare_v2(st->db,
                       "SELECT 1 FROM temp.vj WHERE kind = 'action' AND attempt_id = ?1"
                       " AND digest = ?2 AND seq <> ?3",
                       -1, &moved, NULL);
    if (sqlite3_prepare_v2(st->db,
                           "SELECT 'attempt', id, 0, finished = 1 OR ended_at IS NOT NULL"
                           " FROM attempts UNION ALL SELECT 'action', attempt_id, seq, 0"
                           " FROM actions ORDER BY 1 DESC, 2, 3",
                           -1, &s, NULL) != SQLITE_OK ||
        !e || !moved) {
        sqlite3_finalize(e);
        sqlite3_finalize(moved);
        sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
        return sim_error_set(err, SIM_ERR_IO, tr(STR_CHAIN_VERIFY_ERROR), sqlite3_errmsg(st->db));
    }
    while (sqlite3_step(s) == SQLITE_ROW) {
        const char *kind = (const char *)sqlite3_column_text(s, 0);
        char attempt[64];
        snprintf(attempt, sizeof attempt, "%s", (const char *)sqlite3_column_text(s, 1));
        int seq = sqlite3_column_int(s, 2);
        int action = strcmp(kind, "action") == 0;
        int ended = sqlite3_column_int(s, 3);
        if (action)
            r->actions++;
        else
            r->attempts++;
        for (int part = 0; part < (action ? 1 : 3); part++) {
            const char *k = action      ? "action"
                            : part == 0 ? "attempt"
                            : part == 1 ? "finish"
                                        : "identity";
            sqlite3_bind_text(e, 1, k, -1, SQLITE_STATIC);
            sqlite3_bind_text(e, 2, attempt, -1, SQLITE_TRANSIENT);
            sqlite3_bind_int(e, 3, seq);
            int found = sqlite3_step(e) == SQLITE_ROW;
            char digest[2 * SEC_HASH_BYTES + 1] = "";
            long long n = 0;
            if (found) {
                snprintf(digest, sizeof digest, "%s", (const char *)sqlite3_column_text(e, 0));
                n = sqlite3_column_int64(e, 1);
            }
            sqlite3_reset(e);
            const char *what = action      ? "action"
                               : part == 0 ? "attempt"
                               : part == 1 ? "result"
                                           : "identity";
            if (!found) {
                /* An attempt that never ended has no result entry; one that did must. Every
                 * attempt has an identity entry from schema 5 on (a journal without one for
                 * an attempt breaks the chain where it was removed). */
                if (part == 0 || (part == 1 && ended))
                    add_finding(r, part == 0 ? TAMPER_INSERTED : TAMPER_CHANGED, what, attempt, seq,
                                0);
                continue;
            }
            if (matches(st, k, attempt, seq, digest) == 1)
                continue;
            int reordered = 0;
            if (action) {
                unsigned char d[SEC_HASH_BYTES];
                char hex[2 * SEC_HASH_BYTES + 1];
                if (record_digest(st, "action", attempt, seq, d) == 1) {
                    sec_hex(hex, d, SEC_HASH_BYTES);
                    sqlite3_bind_text(moved, 1, attempt, -1, SQLITE_TRANSIENT);
                    sqlite3_bind_text(moved, 2, hex, -1, SQLITE_TRANSIENT);
                    sqlite3_bind_int(moved, 3, seq);
                    reordered = sqlite3_step(moved) == SQLITE_ROW;
                    sqlite3_reset(moved);
                }
            }
            add_finding(r, reordered ? TAMPER_REORDERED : TAMPER_CHANGED, what, attempt, seq, n);
        }
    }
    sqlite3_finalize(s);
    sqlite3_finalize(e);
    sqlite3_finalize(moved);
    /* 3. Journal entries whose record is gone. */
    if (sqlite3_prepare_v2(st->db,
                           "SELECT v.kind, v.attempt_id, v.seq, v.n FROM temp.vj v"
                           " WHERE (v.kind = 'action' AND NOT EXISTS (SELECT 1 FROM actions a"
                           "  WHERE a.attempt_id = v.attempt_id AND a.seq = v.seq))"
                           " OR (v.kind = 'attempt' AND NOT EXISTS (SELECT 1 FROM attempts t"
                           "  WHERE t.id = v.attempt_id)) ORDER BY v.n",
                           -1, &s, NULL) == SQLITE_OK) {
        while (sqlite3_step(s) == SQLITE_ROW) {
            const char *k = (const char *)sqlite3_column_text(s, 0);
            add_finding(r, TAMPER_DELETED, k, (const char *)sqlite3_column_text(s, 1),
                        sqlite3_column_int(s, 2), sqlite3_column_int64(s, 3));
        }
        sqlite3_finalize(s);
    }
    sqlite3_exec(st->db, "ROLLBACK; DROP TABLE IF EXISTS temp.vj;", NULL, NULL, NULL);
    return SIM_OK;
}

void store_verify_free(ChainReport *r)
{
    if (!r)
        return;
    free(r->items);
    r->items = NULL;
    r->count = 0;
}

int store_attempt_verifies(Store *st, const char *attempt)
{
    sqlite3_stmt *s, *p;
    if (sqlite3_prepare_v2(st->db,
                           "SELECT n, kind, attempt_id, seq, digest, mac FROM chain"
                           " WHERE attempt_id = ? ORDER BY n",
                           -1, &s, NULL) != SQLITE_OK)
        return 0;
    if (sqlite3_prepare_v2(st->db, "SELECT n, mac FROM chain WHERE n < ? ORDER BY n DESC LIMIT 1",
                           -1, &p, NULL) != SQLITE_OK) {
        sqlite3_finalize(s);
        return 0;
    }
    sqlite3_bind_text(s, 1, attempt, -1, SQLITE_TRANSIENT);
    int ok = 1, begun = 0, ended = 0;
    long long actions = 0;
    char finish_digest[2 * SEC_HASH_BYTES + 1] = "";
    while (ok && sqlite3_step(s) == SQLITE_ROW) {
        long long n = sqlite3_column_int64(s, 0);
        unsigned char prev[SEC_MAC_BYTES] = {0}, mac[SEC_MAC_BYTES];
        sqlite3_bind_int64(p, 1, n);
        if (sqlite3_step(p) == SQLITE_ROW) {
            const char *m = (const char *)sqlite3_column_text(p, 1);
            ok = sqlite3_column_int64(p, 0) == n - 1 && m && sec_unhex(prev, SEC_MAC_BYTES, m) == 0;
        } else {
            ok = n == 1;
        }
        sqlite3_reset(p);
        ok = ok && link_ok(st, prev, s, mac);
        const char *kind = (const char *)sqlite3_column_text(s, 1);
        const char *digest = (const char *)sqlite3_column_text(s, 4);
        if (!ok || !kind || !digest)
            break;
        if (strcmp(kind, "attempt") == 0) {
            begun = 1;
            ok = matches(st, "attempt", attempt, 0, digest) == 1;
        } else if (strcmp(kind, "action") == 0) {
            actions++;
            ok = matches(st, "action", attempt, sqlite3_column_int(s, 3), digest) == 1;
        } else if (strcmp(kind, "identity") == 0) {
            ok = matches(st, "identity", attempt, 0, digest) == 1;
        } else {
            ended = 1;
            snprintf(finish_digest, sizeof finish_digest, "%s", digest);
        }
    }
    sqlite3_finalize(s);
    sqlite3_finalize(p);
    if (!ok || !begun)
        return 0;
    if (ended && matches(st, "finish", attempt, 0, finish_digest) != 1)
        return 0;
    /* No rows beside the journal: as many actions as entries, and no result without one. */
    if (sqlite3_prepare_v2(st->db,
                           "SELECT (SELECT count(*) FROM actions WHERE attempt_id = ?1),"
                           " (SELECT finished = 1 OR ended_at IS NOT NULL FROM attempts"
                           "  WHERE id = ?1)",
                           -1, &s, NULL) != SQLITE_OK)
        return 0;
    sqlite3_bind_text(s, 1, attempt, -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) == SQLITE_ROW)
        ok = sqlite3_column_int64(s, 0) == actions && (ended || !sqlite3_column_int(s, 1));
    else
        ok = 0;
    sqlite3_finalize(s);
    return ok;
}
