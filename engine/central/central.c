/*
 * central.c — the centre on PostgreSQL (see central.h). libpq enters the program here only.
 *
 * Every statement uses parameters (never text pasted into SQL). A batch is one transaction:
 * the PC moves its mark only after the COMMIT returned, so a connection lost mid-batch leaves
 * the centre as it was and the PC sends the same batch again; the intake triggers make that
 * a no-op for what already arrived.
 */
#include "central.h"

#include "central_schema.h"

#include "pq_lib.h" /* libpq, opened on the first connection */

#include "../core/i18n.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct Central {
    PGconn *pg;
    int entries_prepared; /* the full-size INSERT of journal entries is prepared */
};

/* The server's message without libpq's "ERROR:" prefix and trailing newline, into err. */
static SimStatus pg_fail(Central *c, PGresult *r, SimError *err, const char *what)
{
    const char *m = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
    if (!m || !*m)
        m = PQerrorMessage(c->pg);
    char msg[1024];
    snprintf(msg, sizeof msg, "%s", m ? m : "?");
    size_t l = strlen(msg);
    while (l > 0 && (msg[l - 1] == '\n' || msg[l - 1] == ' '))
        msg[--l] = '\0';
    if (r)
        PQclear(r);
    return sim_error_set(err, PQstatus(c->pg) == CONNECTION_OK ? SIM_ERR_INVALID : SIM_ERR_IO,
                         TRF(STR_CENTRAL_PG_FAIL), what, msg);
}

static PGresult *q(Central *c, const char *sql, int n, const char *const *v)
{
    return PQexecParams(c->pg, sql, n, NULL, v, NULL, NULL, 0);
}

static int ok(PGresult *r)
{
    ExecStatusType s = PQresultStatus(r);
    return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

/* Runs a statement without results; SIM_OK or a message naming what. */
static SimStatus run(Central *c, const char *sql, int n, const char *const *v, SimError *err,
                     const char *what)
{
    PGresult *r = q(c, sql, n, v);
    if (!ok(r))
        return pg_fail(c, r, err, what);
    PQclear(r);
    return SIM_OK;
}

static void rollback(Central *c)
{
    PQclear(PQexec(c->pg, "ROLLBACK"));
}

/* Connects with the given connect_timeout (seconds, as text). */
static SimStatus connect_within(const char *conninfo, const char *timeout, Central **out,
                                SimError *err)
{
    *out = NULL;
    if (central_pq_load(err) != SIM_OK)
        return SIM_ERR_IO;
    Central *c = calloc(1, sizeof *c);
    if (!c)
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    /* libpq reads the rest (host, user, TLS, ~/.pgpass) from the string and PG* variables. */
    const char *keys[] = {"dbname", "connect_timeout", "client_encoding", "application_name", NULL};
    const char *vals[] = {conninfo, timeout, "UTF8", "mfc-trainer", NULL};
    c->pg = PQconnectdbParams(keys, vals, 1);
    if (!c->pg || PQstatus(c->pg) != CONNECTION_OK) {
        char msg[1024];
        snprintf(msg, sizeof msg, "%s", c->pg ? PQerrorMessage(c->pg) : tr(STR_NOMEM));
        size_t l = strlen(msg);
        while (l > 0 && (msg[l - 1] == '\n' || msg[l - 1] == ' '))
            msg[--l] = '\0';
        central_close(c);
        return sim_error_set(err, SIM_ERR_IO, TRF(STR_CENTRAL_NO_LINK), msg);
    }
    PQclear(PQexec(c->pg, "SET client_min_messages = warning"));
    *out = c;
    return SIM_OK;
}

SimStatus central_connect(const char *conninfo, Central **out, SimError *err)
{
    return connect_within(conninfo, "10", out, err);
}

void central_close(Central *c)
{
    if (!c)
        return;
    if (c->pg)
        PQfinish(c->pg);
    free(c);
}

int central_schema_version(Central *c)
{
    PGresult *r = PQexec(c->pg, "SELECT value FROM mfc.meta WHERE key = 'schema'");
    int v = 0;
    if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
        v = atoi(PQgetvalue(r, 0, 0));
    PQclear(r);
    return v;
}

/* The SQL of one schema step: schema.sql up to the first "-- @@ schema 2" line is step 1,
 * each later step runs from its marker to the next. Caller frees. */
static char *schema_step(int step)
{
    const char *all = central_schema_v1, *from = all, *to;
    char mark[40];
    if (step > 1) {
        snprintf(mark, sizeof mark, "\n-- @@ schema %d", step);
        from = strstr(all, mark);
        if (!from)
            return NULL;
        from++;
    }
    snprintf(mark, sizeof mark, "\n-- @@ schema %d", step + 1);
    to = strstr(from, mark);
    return sim_strndup(from, to ? (size_t)(to - from + 1) : strlen(from));
}

SimStatus central_init(Central *c, SimError *err)
{
    PGresult *r = PQexec(c->pg, "BEGIN; SELECT pg_advisory_xact_lock(4242001)");
    if (!ok(r))
        return pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_UPGRADE_BEGIN));
    PQclear(r);
    r = PQexec(c->pg, "SELECT to_regclass('mfc.meta') IS NOT NULL");
    int have = PQresultStatus(r) == PGRES_TUPLES_OK && strcmp(PQgetvalue(r, 0, 0), "t") == 0;
    PQclear(r);
    int version = 0;
    if (have) {
        r = PQexec(c->pg, "SELECT value FROM mfc.meta WHERE key = 'schema'");
        if (PQresultStatus(r) == PGRES_TUPLES_OK && PQntuples(r) == 1)
            version = atoi(PQgetvalue(r, 0, 0));
        PQclear(r);
    }
    if (version > CENTRAL_SCHEMA_VERSION) {
        rollback(c);
        return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_CENTRAL_SCHEMA_NEWER), version,
                             CENTRAL_SCHEMA_VERSION);
    }
    if (version < 1) {
        r = PQexec(c->pg,
                   "DO $$ BEGIN"
                   " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mfc_office') THEN"
                   "  CREATE ROLE mfc_office NOLOGIN; END IF;"
                   " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'mfc_manager') THEN"
                   "  CREATE ROLE mfc_manager NOLOGIN; END IF; END $$");
        if (!ok(r)) {
            SimStatus s = pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_ROLES));
            rollback(c);
            return s;
        }
        PQclear(r);
    }
    /* Each step the centre has not had yet, in order, in this one transaction. */
    for (int step = version + 1; step <= CENTRAL_SCHEMA_VERSION; step++) {
        char *sql = schema_step(step);
        if (!sql) {
            rollback(c);
            return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
        }
        r = PQexec(c->pg, sql);
        free(sql);
        if (!ok(r)) {
            SimStatus s = pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_SCHEMA));
            rollback(c);
            return s;
        }
        PQclear(r);
        char vb[16];
        snprintf(vb, sizeof vb, "%d", step);
        const char *v[] = {vb};
        SimStatus s = run(c,
                          "INSERT INTO mfc.meta VALUES ('schema', $1)"
                          " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value",
                          1, v, err, tr(STR_CENTRAL_WHAT_SCHEMA));
        if (s != SIM_OK) {
            rollback(c);
            return s;
        }
    }
    r = PQexec(c->pg, "COMMIT");
    if (!ok(r))
        return pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_UPGRADE));
    PQclear(r);
    return SIM_OK;
}

SimStatus central_add_office(Central *c, const char *code, const char *region, const char *name,
                             const char *role, SimError *err)
{
    const char *v[] = {code, region ? region : "", name ? name : ""};
    PQclear(PQexec(c->pg, "BEGIN"));
    SimStatus s = run(c,
                      "INSERT INTO mfc.offices VALUES ($1, $2, $3) ON CONFLICT (code) DO UPDATE"
                      " SET region = EXCLUDED.region, name = EXCLUDED.name",
                      3, v, err, tr(STR_CENTRAL_WHAT_ADD_OFFICE));
    if (s == SIM_OK && role) {
        const char *rv[] = {role, code};
        s = run(c,
                "INSERT INTO mfc.office_roles VALUES ($1, $2) ON CONFLICT (role) DO UPDATE SET"
                " office = EXCLUDED.office",
                2, rv, err, tr(STR_CENTRAL_WHAT_OFFICE_ROLE));
        if (s == SIM_OK) {
            char *id = PQescapeIdentifier(c->pg, role, strlen(role));
            if (!id) {
                s = sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
            } else {
                char sql[512];
                snprintf(sql, sizeof sql, "GRANT mfc_office TO %s", id);
                PQfreemem(id);
                s = run(c, sql, 0, NULL, err, tr(STR_CENTRAL_WHAT_OFFICE_ROLE));
            }
        }
    }
    if (s != SIM_OK) {
        rollback(c);
        return s;
    }
    return run(c, "COMMIT", 0, NULL, err, tr(STR_CENTRAL_WHAT_ADD_OFFICE));
}

SimStatus central_enrol(Central *c, const char *installation, const char *office,
                        const char *public_key_hex, const char *host, SimError *err)
{
    const char *v[] = {installation, office, public_key_hex, host ? host : ""};
    return run(c, "INSERT INTO mfc.enrolments VALUES ($1, $2, $3, $4)", 4, v, err,
               tr(STR_CENTRAL_WHAT_ENROL));
}

SimStatus central_roster_import(Central *c, const Trainee *rows, size_t n, SimError *err)
{
    PQclear(PQexec(c->pg, "BEGIN"));
    for (size_t i = 0; i < n; i++) {
        const Trainee *t = &rows[i];
        const char *v[] = {t->office, t->personnel, t->surname, t->name, t->patronymic};
        SimStatus s =
            run(c,
                "INSERT INTO mfc.roster VALUES ($1, $2, $3, $4, $5)"
                " ON CONFLICT (office, personnel) DO UPDATE SET surname ="
                " EXCLUDED.surname, name = EXCLUDED.name, patronymic = EXCLUDED.patronymic",
                5, v, err, tr(STR_CENTRAL_WHAT_ROSTER));
        if (s != SIM_OK) {
            rollback(c);
            char what[256];
            snprintf(what, sizeof what, TRF(STR_CENTRAL_ROSTER_ROW), t->office, t->personnel);
            size_t l = strlen(err ? err->msg : "");
            if (err && l + strlen(what) < sizeof err->msg)
                strcat(err->msg, what);
            return s;
        }
    }
    return run(c, "COMMIT", 0, NULL, err, tr(STR_CENTRAL_WHAT_ROSTER));
}

SimStatus central_roster_fetch(Central *c, const char *office, Trainee **out, size_t *n,
                               SimError *err)
{
    *out = NULL;
    *n = 0;
    const char *v[] = {office};
    PGresult *r = q(c,
                    "SELECT office, personnel, surname, name, patronymic FROM mfc.roster"
                    " WHERE office = $1 ORDER BY personnel",
                    1, v);
    if (!ok(r))
        return pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_ROSTER));
    size_t rows = (size_t)PQntuples(r);
    Trainee *t = calloc(rows ? rows : 1, sizeof *t);
    if (!t) {
        PQclear(r);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    }
    for (size_t i = 0; i < rows; i++) {
        snprintf(t[i].office, sizeof t[i].office, "%s", PQgetvalue(r, (int)i, 0));
        snprintf(t[i].personnel, sizeof t[i].personnel, "%s", PQgetvalue(r, (int)i, 1));
        snprintf(t[i].surname, sizeof t[i].surname, "%s", PQgetvalue(r, (int)i, 2));
        snprintf(t[i].name, sizeof t[i].name, "%s", PQgetvalue(r, (int)i, 3));
        snprintf(t[i].patronymic, sizeof t[i].patronymic, "%s", PQgetvalue(r, (int)i, 4));
    }
    PQclear(r);
    *out = t;
    *n = rows;
    return SIM_OK;
}

SimStatus central_status(Central *c, const char *installation, CentralStatus *out, SimError *err)
{
    memset(out, 0, sizeof *out);
    const char *v[] = {installation};
    PGresult *r = q(c, "SELECT last_n, last_hash, findings, office FROM mfc.status($1)", 1, v);
    if (!ok(r) || PQntuples(r) != 1)
        return pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_STATUS));
    out->last_n = atoll(PQgetvalue(r, 0, 0));
    snprintf(out->last_hash, sizeof out->last_hash, "%s", PQgetvalue(r, 0, 1));
    out->findings = atoll(PQgetvalue(r, 0, 2));
    snprintf(out->office, sizeof out->office, "%s", PQgetvalue(r, 0, 3));
    PQclear(r);
    return SIM_OK;
}

int central_public_key(Central *c, const char *installation, char *out, SimError *err)
{
    const char *v[] = {installation};
    PGresult *r = q(c, "SELECT public_key FROM mfc.installations WHERE id = $1", 1, v);
    if (!ok(r)) {
        pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_KEY));
        return 0;
    }
    int found = PQntuples(r) == 1;
    if (found)
        snprintf(out, SEC_PUB_HEX + 1, "%s", PQgetvalue(r, 0, 0));
    else
        sim_error_set(err, SIM_ERR_INVALID, TRF(STR_CENTRAL_NOT_ENROLLED), installation);
    PQclear(r);
    return found;
}

void central_head_message(SimBuf *b, const char *installation, long long n, const char *hash)
{
    simbuf_printf(b, "mfc-trainer chain head v1\ninstallation %s\nn %lld\nhash %s\n", installation,
                  n, hash);
}

/* Rows per INSERT: 8 parameters each (and the installation), well under the protocol's
 * 65535. */
#define ENTRY_ROWS 400

/* The INSERT of k entries: $1 the installation, then 8 parameters a row; canon goes in binary
 * (no hex to write here and decode there). */
static void entries_sql(SimBuf *sql, size_t k)
{
    simbuf_puts(sql, "INSERT INTO mfc.entries(installation, n, kind, attempt, seq, digest,"
                     " mac, canon, intact) VALUES ");
    for (size_t i = 0; i < k; i++) {
        size_t p = i * 8;
        simbuf_printf(sql, "%s($1, $%zu, $%zu, $%zu, $%zu, $%zu, $%zu, $%zu::bytea, $%zu)",
                      i ? ", " : "", p + 2, p + 3, p + 4, p + 5, p + 6, p + 7, p + 8, p + 9);
    }
}

static SimStatus insert_entries(Central *c, const char *inst, const SyncEntry *e, size_t n,
                                SimError *err)
{
    const size_t np = ENTRY_ROWS * 8 + 1;
    const char **v = calloc(np, sizeof *v);
    int *len = calloc(np, sizeof *len), *fmt = calloc(np, sizeof *fmt);
    char(*nums)[2][24] = calloc(ENTRY_ROWS, sizeof *nums);
    SimBuf sql;
    simbuf_init(&sql);
    SimStatus s = SIM_OK;
    if (!v || !len || !fmt || !nums)
        s = sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    /* A full-size INSERT is parsed and planned once per connection (15 batches of 5,000
     * entries parsed 195 statements of 3,201 parameters before). */
    if (s == SIM_OK && n >= ENTRY_ROWS && !c->entries_prepared) {
        entries_sql(&sql, ENTRY_ROWS);
        PGresult *r = sql.oom ? NULL : PQprepare(c->pg, "mfc_entries", simbuf_str(&sql), 0, NULL);
        if (!ok(r))
            s = pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_ENTRY));
        else
            PQclear(r);
        c->entries_prepared = s == SIM_OK;
    }
    for (size_t at = 0; s == SIM_OK && at < n; at += ENTRY_ROWS) {
        size_t k = n - at < ENTRY_ROWS ? n - at : ENTRY_ROWS;
        v[0] = inst;
        for (size_t i = 0; i < k; i++) {
            const SyncEntry *x = &e[at + i];
            size_t p = 1 + i * 8;
            snprintf(nums[i][0], sizeof nums[i][0], "%lld", x->n);
            snprintf(nums[i][1], sizeof nums[i][1], "%d", x->seq);
            v[p + 0] = nums[i][0];
            v[p + 1] = x->kind;
            v[p + 2] = x->attempt;
            v[p + 3] = nums[i][1];
            v[p + 4] = x->digest;
            v[p + 5] = x->mac;
            v[p + 6] = x->canon; /* NULL stays NULL */
            len[p + 6] = x->canon ? (int)x->canon_len : 0;
            fmt[p + 6] = 1;
            v[p + 7] = x->intact ? "true" : "false";
        }
        PGresult *r;
        if (k == ENTRY_ROWS) {
            r = PQexecPrepared(c->pg, "mfc_entries", (int)(k * 8 + 1), v, len, fmt, 0);
        } else {
            sql.len = 0;
            entries_sql(&sql, k);
            r = sql.oom
                    ? NULL
                    : PQexecParams(c->pg, simbuf_str(&sql), (int)(k * 8 + 1), NULL, v, len, fmt, 0);
        }
        if (!ok(r))
            s = pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_ENTRY));
        else
            PQclear(r);
    }
    simbuf_free(&sql);
    free(v);
    free(len);
    free(fmt);
    free(nums);
    return s;
}

SimStatus central_submit(Central *c, const char *installation, const SyncEntry *e, size_t n,
                         const Trainee *profiles, size_t np, const CentralHead *head, SimError *err)
{
    PGresult *r = PQexec(c->pg, "BEGIN");
    if (!ok(r))
        return pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_BATCH_BEGIN));
    PQclear(r);
    SimStatus s = SIM_OK;
    for (size_t i = 0; s == SIM_OK && i < np; i++) {
        const Trainee *t = &profiles[i];
        const char *v[] = {installation, t->personnel, t->surname, t->name, t->patronymic};
        s = run(c, "INSERT INTO mfc.profiles VALUES ($1, $2, $3, $4, $5)", 5, v, err,
                tr(STR_CENTRAL_WHAT_PROFILES));
    }
    if (s == SIM_OK && n)
        s = insert_entries(c, installation, e, n, err);
    if (s == SIM_OK && head) {
        char nb[24];
        snprintf(nb, sizeof nb, "%lld", head->n);
        const char *v[] = {installation, nb, head->hash, head->sig, head->via ? head->via : "sync"};
        s = run(c, "INSERT INTO mfc.heads(installation, n, hash, sig, via) VALUES ($1,$2,$3,$4,$5)",
                5, v, err, tr(STR_CENTRAL_WHAT_HEAD));
    }
    if (s != SIM_OK) {
        rollback(c);
        return s;
    }
    return run(c, "COMMIT", 0, NULL, err, tr(STR_CENTRAL_WHAT_BATCH_END));
}

SimStatus central_report(Central *c, const char *installation, const char *kind, long long n,
                         const char *attempt, const char *detail, SimError *err)
{
    char nb[24];
    snprintf(nb, sizeof nb, "%lld", n);
    const char *v[] = {installation, kind, nb, attempt ? attempt : "", detail};
    return run(c,
               "INSERT INTO mfc.audit(installation, kind, n, attempt, detail) VALUES"
               " ($1, $2, $3, $4, $5)",
               5, v, err, tr(STR_CENTRAL_WHAT_FINDING));
}

/* ---- audit ------------------------------------------------------------------------------ */

static void add(CentralVerify *v, const char *office, const char *inst, const char *kind,
                long long n, const char *attempt, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));
static void add(CentralVerify *v, const char *office, const char *inst, const char *kind,
                long long n, const char *attempt, const char *fmt, ...)
{
    if (v->count == v->cap) {
        size_t cap = v->cap ? v->cap * 2 : 16;
        CentralFinding *p = realloc(v->items, cap * sizeof *p);
        if (!p)
            return;
        v->items = p;
        v->cap = cap;
    }
    CentralFinding *f = &v->items[v->count++];
    memset(f, 0, sizeof *f);
    snprintf(f->office, sizeof f->office, "%s", office);
    snprintf(f->installation, sizeof f->installation, "%s", inst);
    snprintf(f->kind, sizeof f->kind, "%s", kind);
    snprintf(f->attempt, sizeof f->attempt, "%s", attempt ? attempt : "");
    f->n = n;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->detail, sizeof f->detail, fmt, ap);
    va_end(ap);
}

/* One installation: its entries in order (streamed), then its heads. */
static SimStatus verify_installation(Central *c, const char *inst, const char *office,
                                     const char *pub, CentralVerify *v, SimError *err)
{
    const char *p[] = {inst};
    if (!PQsendQueryParams(c->pg,
                           "SELECT n, kind, attempt, seq, digest, mac, encode(canon, 'hex'), hash"
                           " FROM mfc.entries WHERE installation = $1 ORDER BY n",
                           1, NULL, p, NULL, NULL, 0) ||
        !PQsetSingleRowMode(c->pg))
        return pg_fail(c, NULL, err, tr(STR_CENTRAL_WHAT_READ_JOURNAL));
    long long expect = 1;
    char prev[65] = "";
    /* The hash chain by entry number, for the heads below: kept sparse (only the numbers a
     * head names) would need the heads first; the chain is short enough to keep whole. */
    char(*hashes)[65] = NULL;
    size_t hcap = 0;
    PGresult *r;
    SimStatus s = SIM_OK;
    while ((r = PQgetResult(c->pg)) != NULL) {
        if (PQresultStatus(r) == PGRES_SINGLE_TUPLE) {
            SyncEntry e = {0};
            e.n = atoll(PQgetvalue(r, 0, 0));
            snprintf(e.kind, sizeof e.kind, "%s", PQgetvalue(r, 0, 1));
            snprintf(e.attempt, sizeof e.attempt, "%s", PQgetvalue(r, 0, 2));
            e.seq = atoi(PQgetvalue(r, 0, 3));
            snprintf(e.digest, sizeof e.digest, "%s", PQgetvalue(r, 0, 4));
            snprintf(e.mac, sizeof e.mac, "%s", PQgetvalue(r, 0, 5));
            v->entries++;
            if (e.n != expect) {
                add(v, office, inst, "gap", expect, NULL, TRF(STR_CENTRAL_GAP), expect, e.n - 1);
                prev[0] = '\0'; /* the chain cannot be followed across a gap */
            }
            char h[65];
            store_pub_hash_next(prev, &e, h);
            if (strcmp(h, PQgetvalue(r, 0, 7)) != 0)
                add(v, office, inst, "chain", e.n, e.attempt, TRF(STR_CENTRAL_CHAIN), e.n);
            snprintf(prev, sizeof prev, "%s", PQgetvalue(r, 0, 7));
            if (!PQgetisnull(r, 0, 6)) {
                const char *hx = PQgetvalue(r, 0, 6);
                size_t len = strlen(hx) / 2;
                unsigned char *raw = malloc(len ? len : 1);
                unsigned char d[SEC_HASH_BYTES];
                char dh[2 * SEC_HASH_BYTES + 1];
                if (raw && sec_unhex(raw, len, hx) == 0) {
                    sec_hash(d, raw, len);
                    sec_hex(dh, d, sizeof d);
                    if (strcmp(dh, e.digest) != 0)
                        add(v, office, inst, "changed", e.n, e.attempt, TRF(STR_CENTRAL_DIGEST),
                            e.n, e.kind);
                }
                free(raw);
            }
            if ((size_t)e.n >= hcap) {
                size_t cap = hcap ? hcap * 2 : 1024;
                while (cap <= (size_t)e.n)
                    cap *= 2;
                char(*nh)[65] = realloc(hashes, cap * sizeof *nh);
                if (nh) {
                    memset(nh + hcap, 0, (cap - hcap) * sizeof *nh);
                    hashes = nh;
                    hcap = cap;
                }
            }
            if ((size_t)e.n < hcap)
                snprintf(hashes[e.n], 65, "%s", PQgetvalue(r, 0, 7));
            expect = e.n + 1;
        } else if (PQresultStatus(r) != PGRES_TUPLES_OK) {
            s = pg_fail(c, NULL, err, tr(STR_CENTRAL_WHAT_READ_JOURNAL));
        }
        PQclear(r);
    }
    if (s != SIM_OK) {
        free(hashes);
        return s;
    }
    r = q(c, "SELECT n, hash, sig FROM mfc.heads WHERE installation = $1 ORDER BY n", 1, p);
    if (!ok(r)) {
        free(hashes);
        return pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_HEADS));
    }
    long long last = expect - 1;
    for (int i = 0; i < PQntuples(r); i++) {
        long long n = atoll(PQgetvalue(r, i, 0));
        const char *hash = PQgetvalue(r, i, 1), *sig = PQgetvalue(r, i, 2);
        v->heads++;
        SimBuf m;
        simbuf_init(&m);
        central_head_message(&m, inst, n, hash);
        int good = sec_verify_message(pub, simbuf_str(&m), m.len, sig);
        simbuf_free(&m);
        if (!good) {
            add(v, office, inst, "signature", n, NULL, TRF(STR_CENTRAL_BAD_SIG), n);
            continue;
        }
        if (n <= last && n > 0 && (size_t)n < hcap && strcmp(hashes[n], hash) != 0)
            add(v, office, inst, "rollback", n, NULL, TRF(STR_CENTRAL_HEAD_ROLLBACK), n);
    }
    PQclear(r);
    free(hashes);
    return SIM_OK;
}

SimStatus central_verify(Central *c, const char *office, CentralVerify *out, SimError *err)
{
    memset(out, 0, sizeof *out);
    const char *v[] = {office};
    PGresult *r =
        q(c,
          office ? "SELECT id, office, public_key FROM mfc.installations WHERE office = $1"
                   " ORDER BY office, id"
                 : "SELECT id, office, public_key FROM mfc.installations ORDER BY office, id",
          office ? 1 : 0, v);
    if (!ok(r))
        return pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_INSTALLATIONS));
    SimStatus s = SIM_OK;
    for (int i = 0; s == SIM_OK && i < PQntuples(r); i++) {
        out->installations++;
        s = verify_installation(c, PQgetvalue(r, i, 0), PQgetvalue(r, i, 1), PQgetvalue(r, i, 2),
                                out, err);
    }
    PQclear(r);
    if (s != SIM_OK)
        return s;
    r = q(c,
          office ? "SELECT office, coalesce(installation::text, ''), kind, n, attempt, detail"
                   " FROM mfc.audit WHERE office = $1 ORDER BY id"
                 : "SELECT office, coalesce(installation::text, ''), kind, n, attempt, detail"
                   " FROM mfc.audit ORDER BY id",
          office ? 1 : 0, v);
    if (!ok(r))
        return pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_FINDINGS));
    for (int i = 0; i < PQntuples(r); i++)
        add(out, PQgetvalue(r, i, 0), PQgetvalue(r, i, 1), PQgetvalue(r, i, 2),
            atoll(PQgetvalue(r, i, 3)), PQgetvalue(r, i, 4), "%s", PQgetvalue(r, i, 5));
    PQclear(r);
    return SIM_OK;
}

void central_verify_free(CentralVerify *v)
{
    if (!v)
        return;
    free(v->items);
    memset(v, 0, sizeof *v);
}

/* ---- region reports --------------------------------------------------------------------- */

SimStatus central_office_table(Central *c, const char *office, CentralOfficeRow **out, size_t *n,
                               SimError *err)
{
    *out = NULL;
    *n = 0;
    const char *v[] = {office};
    PGresult *r = q(c,
                    "SELECT o.code, o.region, coalesce(s.attempts, 0), coalesce(s.finished, 0),"
                    " coalesce(s.passed, 0), coalesce(s.sum_total, 0),"
                    " coalesce(tc.n, 0),"
                    " coalesce(w.title, w.criterion, ''), coalesce(w.ratio, 0)"
                    " FROM mfc.offices o LEFT JOIN mfc.sum_office s ON s.office = o.code"
                    /* one pass over the trainees, not one lookup per office (500 offices ×
                       their trainees' heap pages cost 170 ms at 100,000 trainees; this, 8) */
                    " LEFT JOIN (SELECT office, count(*) AS n FROM mfc.trainees"
                    "   WHERE $1::text IS NULL OR office = $1 GROUP BY office) tc"
                    "   ON tc.office = o.code"
                    " LEFT JOIN LATERAL (SELECT criterion, title,"
                    "   score_sum::float8 / nullif(max_sum, 0) AS ratio FROM mfc.sum_criterion sc"
                    "   WHERE sc.office = o.code AND max_sum > 0 ORDER BY 3, 1 LIMIT 1) w ON true"
                    " WHERE $1::text IS NULL OR o.code = $1 ORDER BY o.code",
                    1, v);
    if (!ok(r))
        return pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_OFFICES));
    size_t rows = (size_t)PQntuples(r);
    CentralOfficeRow *o = calloc(rows ? rows : 1, sizeof *o);
    if (!o) {
        PQclear(r);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    }
    for (size_t i = 0; i < rows; i++) {
        int k = (int)i;
        snprintf(o[i].office, sizeof o[i].office, "%s", PQgetvalue(r, k, 0));
        snprintf(o[i].region, sizeof o[i].region, "%s", PQgetvalue(r, k, 1));
        o[i].attempts = atoll(PQgetvalue(r, k, 2));
        o[i].finished = atoll(PQgetvalue(r, k, 3));
        o[i].passed = atoll(PQgetvalue(r, k, 4));
        o[i].sum_total = atoll(PQgetvalue(r, k, 5));
        o[i].trainees = atoll(PQgetvalue(r, k, 6));
        snprintf(o[i].weakest, sizeof o[i].weakest, "%s", PQgetvalue(r, k, 7));
        o[i].weakest_ratio = atof(PQgetvalue(r, k, 8));
    }
    PQclear(r);
    *out = o;
    *n = rows;
    return SIM_OK;
}

SimStatus central_load_attempts(Central *c, const CentralFilter *f, Store *dst, size_t *loaded,
                                SimError *err)
{
    *loaded = 0;
    const char *v[] = {f->office, f->trainee, f->scenario,
                       f->since,  f->until,   f->with_actions ? "t" : "f"};
    /* Trainees first: the region's ids, offices and numbers. */
    PGresult *r = q(c,
                    "SELECT id, office, personnel, surname, name, patronymic FROM mfc.trainees"
                    " WHERE ($1::text IS NULL OR office = $1) AND ($2::text IS NULL OR"
                    " personnel = $2) ORDER BY id",
                    2, v);
    if (!ok(r))
        return pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_PROFILES));
    for (int i = 0; i < PQntuples(r); i++) {
        Trainee t = {.id = atoll(PQgetvalue(r, i, 0))};
        snprintf(t.office, sizeof t.office, "%s", PQgetvalue(r, i, 1));
        snprintf(t.personnel, sizeof t.personnel, "%s", PQgetvalue(r, i, 2));
        snprintf(t.surname, sizeof t.surname, "%s", PQgetvalue(r, i, 3));
        snprintf(t.name, sizeof t.name, "%s", PQgetvalue(r, i, 4));
        snprintf(t.patronymic, sizeof t.patronymic, "%s", PQgetvalue(r, i, 5));
        SimStatus s = store_import_trainee(dst, &t, err);
        if (s != SIM_OK) {
            PQclear(r);
            return s;
        }
    }
    PQclear(r);
    /* The records of every matching attempt, in journal order per installation. */
    if (!PQsendQueryParams(
            c->pg,
            "SELECT e.kind, e.attempt, e.seq, encode(e.canon, 'hex'), a.trainee_id"
            " FROM mfc.attempts a JOIN mfc.trainees t ON t.id = a.trainee_id"
            " JOIN mfc.entries e ON e.attempt = a.id AND e.intact AND e.canon IS NOT NULL"
            /* a report needs attempts, identities and results, not each action; xAPI does */
            " AND ($6::boolean OR e.kind <> 'action')"
            " WHERE ($1::text IS NULL OR a.office = $1) AND ($2::text IS NULL OR t.personnel = $2)"
            " AND ($3::text IS NULL OR a.scenario = $3) AND ($4::text IS NULL OR a.started_at >= $4)"
            /* until is inclusive: before the next day */
            " AND ($5::text IS NULL OR a.started_at < to_char($5::date + 1, 'YYYY-MM-DD'))"
            " ORDER BY e.installation, e.n",
            6, NULL, v, NULL, NULL, 0) ||
        !PQsetSingleRowMode(c->pg))
        return pg_fail(c, NULL, err, tr(STR_CENTRAL_WHAT_ATTEMPTS));
    SimStatus s = SIM_OK;
    while ((r = PQgetResult(c->pg)) != NULL) {
        if (PQresultStatus(r) == PGRES_SINGLE_TUPLE && s == SIM_OK) {
            const char *hx = PQgetvalue(r, 0, 3);
            size_t len = strlen(hx) / 2;
            unsigned char *raw = malloc(len + 1);
            if (!raw) {
                s = sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
            } else if (sec_unhex(raw, len, hx) == 0) {
                raw[len] = '\0';
                const char *kind = PQgetvalue(r, 0, 0);
                s = store_import_record(dst, kind, PQgetvalue(r, 0, 1), atoi(PQgetvalue(r, 0, 2)),
                                        (const char *)raw, len, atoll(PQgetvalue(r, 0, 4)), err);
                if (s == SIM_OK && strcmp(kind, "attempt") == 0)
                    (*loaded)++;
            }
            free(raw);
        } else if (PQresultStatus(r) != PGRES_TUPLES_OK &&
                   PQresultStatus(r) != PGRES_SINGLE_TUPLE) {
            if (s == SIM_OK)
                s = pg_fail(c, NULL, err, tr(STR_CENTRAL_WHAT_ATTEMPTS));
        }
        PQclear(r);
    }
    if (s == SIM_OK)
        s = store_rebuild_summary(dst, err);
    return s;
}

/* ---- the window's manager area ------------------------------------------------------------ */

static void copy_field(char *dst, size_t n, PGresult *r, int row, int col)
{
    snprintf(dst, n, "%s", PQgetvalue(r, row, col));
}

/* Runs one query of the region view; NULL (err filled) on failure. */
static PGresult *region_query(Central *c, const char *sql, SimError *err, const char *what)
{
    PGresult *r = PQexec(c->pg, sql);
    if (ok(r))
        return r;
    pg_fail(c, r, err, what);
    return NULL;
}

SimStatus central_region_fetch(const char *conninfo, int timeout_s, const char *office,
                               size_t max_trainees, CentralRegion *out, SimError *err)
{
    memset(out, 0, sizeof *out);
    if (timeout_s < 1)
        timeout_s = 1;
    char ts[16];
    snprintf(ts, sizeof ts, "%d", timeout_s);
    Central *c = NULL;
    SimStatus s = connect_within(conninfo, ts, &c, err);
    if (s != SIM_OK)
        return s;
    char set[64];
    snprintf(set, sizeof set, "SET statement_timeout = %d", timeout_s * 1000);
    PQclear(PQexec(c->pg, set));
    /* Compiling these small queries (JIT) costs more than running them: 20 ms of each read. */
    PQclear(PQexec(c->pg, "SET jit = off"));
    /* One snapshot: the three tables agree with each other. */
    PQclear(PQexec(c->pg, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    s = central_office_table(c, NULL, &out->offices, &out->office_count, err);
    PGresult *r = NULL;
    /* One office's trainees through trainees (office, personnel); the whole region's only when
     * they are few enough for a table (LIMIT max + 1 tells). */
    char lim[32];
    snprintf(lim, sizeof lim, "%zu", max_trainees + 1);
    const char *v[] = {office, lim};
    long long region_trainees = 0;
    for (size_t i = 0; i < out->office_count; i++)
        region_trainees += out->offices[i].trainees;
    /* The whole region's list only when it is short: sorting 100,000 names for a table of a
     * few hundred rows would take longer than the window may wait. */
    if (s == SIM_OK && !office && region_trainees > (long long)max_trainees)
        out->trainees_withheld = region_trainees;
    else if (s == SIM_OK) {
        r = q(c,
              "SELECT t.office, t.personnel, t.surname, t.name, t.patronymic,"
              " s.attempts, s.finished, s.passed, s.sum_total"
              " FROM mfc.trainees t JOIN mfc.sum_trainee s ON s.trainee_id = t.id"
              " WHERE $1::text IS NULL OR t.office = $1"
              " ORDER BY t.surname, t.name, t.personnel, t.office LIMIT $2::bigint",
              2, v);
        if (!ok(r))
            s = pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_TRAINEES));
    }
    if (s == SIM_OK && r && !office && (size_t)PQntuples(r) > max_trainees) {
        /* (roster-only trainees made the offices' count smaller than the list: rare) */
        out->trainees_withheld = PQntuples(r);
        PQclear(r);
        r = NULL;
    }
    if (s == SIM_OK && r) {
        size_t rows = (size_t)PQntuples(r);
        out->trainees = calloc(rows ? rows : 1, sizeof *out->trainees);
        if (!out->trainees)
            s = sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
        for (size_t i = 0; s == SIM_OK && i < rows; i++) {
            CentralTraineeRow *t = &out->trainees[i];
            int k = (int)i;
            copy_field(t->office, sizeof t->office, r, k, 0);
            copy_field(t->personnel, sizeof t->personnel, r, k, 1);
            copy_field(t->surname, sizeof t->surname, r, k, 2);
            copy_field(t->name, sizeof t->name, r, k, 3);
            copy_field(t->patronymic, sizeof t->patronymic, r, k, 4);
            t->attempts = atoll(PQgetvalue(r, k, 5));
            t->finished = atoll(PQgetvalue(r, k, 6));
            t->passed = atoll(PQgetvalue(r, k, 7));
            t->sum_total = atoll(PQgetvalue(r, k, 8));
        }
        if (s == SIM_OK)
            out->trainee_count = rows;
        PQclear(r);
    }
    if (s == SIM_OK &&
        (r = region_query(c,
                          "SELECT office, scenario, attempts, finished, passed, sum_total"
                          " FROM mfc.sum_scenario ORDER BY office, scenario",
                          err, tr(STR_CENTRAL_WHAT_SCENARIOS))) == NULL)
        s = SIM_ERR_INVALID;
    if (s == SIM_OK) {
        size_t rows = (size_t)PQntuples(r);
        out->scenarios = calloc(rows ? rows : 1, sizeof *out->scenarios);
        if (!out->scenarios)
            s = sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
        for (size_t i = 0; s == SIM_OK && i < rows; i++) {
            CentralScenarioRow *x = &out->scenarios[i];
            int k = (int)i;
            copy_field(x->office, sizeof x->office, r, k, 0);
            copy_field(x->scenario, sizeof x->scenario, r, k, 1);
            x->attempts = atoll(PQgetvalue(r, k, 2));
            x->finished = atoll(PQgetvalue(r, k, 3));
            x->passed = atoll(PQgetvalue(r, k, 4));
            x->sum_total = atoll(PQgetvalue(r, k, 5));
        }
        if (s == SIM_OK)
            out->scenario_count = rows;
        PQclear(r);
    }
    PQclear(PQexec(c->pg, "COMMIT"));
    central_close(c);
    if (s != SIM_OK)
        central_region_free(out);
    return s;
}

void central_region_free(CentralRegion *r)
{
    if (!r)
        return;
    free(r->offices);
    free(r->trainees);
    free(r->scenarios);
    memset(r, 0, sizeof *r);
}

/* ---- scenario packs --------------------------------------------------------------------- */

void central_pack_free(CentralPack *p)
{
    if (!p)
        return;
    free(p->changelog);
    p->changelog = NULL;
}

SimStatus central_pack_publish(Central *c, const CentralPack *meta, const void *data, size_t len,
                               int *again, SimError *err)
{
    *again = 0;
    const char *v[] = {meta->version};
    PGresult *r = q(c, "SELECT hash FROM mfc.packs WHERE version = $1", 1, v);
    if (!ok(r))
        return pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_PUBLISH));
    if (PQntuples(r) == 1) {
        int same = strcmp(PQgetvalue(r, 0, 0), meta->hash) == 0;
        PQclear(r);
        if (same) {
            *again = 1;
            return SIM_OK;
        }
        return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_CENTRAL_PACK_TAKEN), meta->version);
    }
    PQclear(r);
    char size[24];
    snprintf(size, sizeof size, "%zu", len);
    const char *pv[] = {meta->name,   meta->version, meta->hash,
                        meta->key_id, meta->built,   meta->changelog ? meta->changelog : "",
                        size,         data};
    int lens[8] = {0, 0, 0, 0, 0, 0, 0, (int)len};
    int fmts[8] = {0, 0, 0, 0, 0, 0, 0, 1}; /* the bytes go as binary, not escaped text */
    r = PQexecParams(c->pg,
                     "INSERT INTO mfc.packs(name, version, hash, key_id, built, changelog, size,"
                     " data) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                     8, NULL, pv, lens, fmts, 0);
    if (!ok(r))
        return pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_PUBLISH));
    PQclear(r);
    return SIM_OK;
}

static void pack_row(PGresult *r, int i, CentralPack *p)
{
    memset(p, 0, sizeof *p);
    p->id = atoll(PQgetvalue(r, i, 0));
    snprintf(p->name, sizeof p->name, "%s", PQgetvalue(r, i, 1));
    snprintf(p->version, sizeof p->version, "%s", PQgetvalue(r, i, 2));
    snprintf(p->hash, sizeof p->hash, "%s", PQgetvalue(r, i, 3));
    snprintf(p->key_id, sizeof p->key_id, "%s", PQgetvalue(r, i, 4));
    snprintf(p->built, sizeof p->built, "%s", PQgetvalue(r, i, 5));
    p->changelog = sim_strdup(PQgetvalue(r, i, 6));
    p->size = atoll(PQgetvalue(r, i, 7));
    snprintf(p->published_at, sizeof p->published_at, "%s", PQgetvalue(r, i, 8));
}

#define PACK_COLUMNS                                                                               \
    "id, name, version, hash, key_id, built, changelog, size,"                                     \
    " to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"

SimStatus central_pack_list(Central *c, CentralPack **out, size_t *n, SimError *err)
{
    *out = NULL;
    *n = 0;
    PGresult *r = PQexec(c->pg, "SELECT " PACK_COLUMNS " FROM mfc.packs ORDER BY id");
    if (!ok(r))
        return pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_PACKS));
    size_t rows = (size_t)PQntuples(r);
    CentralPack *p = calloc(rows ? rows : 1, sizeof *p);
    if (!p) {
        PQclear(r);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    }
    for (size_t i = 0; i < rows; i++)
        pack_row(r, (int)i, &p[i]);
    PQclear(r);
    *out = p;
    *n = rows;
    return SIM_OK;
}

int central_pack_newest(Central *c, CentralPack *out, SimError *err)
{
    memset(out, 0, sizeof *out);
    /* A centre not yet upgraded to schema 2 has no packs to offer (to_regclass needs no
     * privilege, unlike mfc.meta). */
    PGresult *r = PQexec(c->pg, "SELECT to_regclass('mfc.packs') IS NOT NULL");
    int table = ok(r) && PQntuples(r) == 1 && strcmp(PQgetvalue(r, 0, 0), "t") == 0;
    PQclear(r);
    if (!table)
        return 0;
    r = PQexec(c->pg, "SELECT " PACK_COLUMNS " FROM mfc.packs ORDER BY id DESC LIMIT 1");
    if (!ok(r)) {
        pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_NEWEST_PACK));
        return -1;
    }
    int found = PQntuples(r) == 1;
    if (found)
        pack_row(r, 0, out);
    PQclear(r);
    return found;
}

SimStatus central_pack_fetch(Central *c, long long id, unsigned char **data, size_t *len,
                             SimError *err)
{
    *data = NULL;
    *len = 0;
    char ib[24];
    snprintf(ib, sizeof ib, "%lld", id);
    const char *v[] = {ib};
    /* Binary results: the bytes arrive as they were stored. */
    PGresult *r =
        PQexecParams(c->pg, "SELECT data FROM mfc.packs WHERE id = $1", 1, NULL, v, NULL, NULL, 1);
    if (!ok(r))
        return pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_PACK_FETCH));
    if (PQntuples(r) != 1) {
        PQclear(r);
        return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_CENTRAL_NO_PACK), id);
    }
    size_t n = (size_t)PQgetlength(r, 0, 0);
    unsigned char *d = malloc(n ? n : 1);
    if (!d) {
        PQclear(r);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    }
    memcpy(d, PQgetvalue(r, 0, 0), n);
    PQclear(r);
    *data = d;
    *len = n;
    return SIM_OK;
}

SimStatus central_pack_report(Central *c, const char *installation, const char *version,
                              const char *hash, SimError *err)
{
    const char *v[] = {installation, version, hash};
    return run(c, "SELECT mfc.pack_report($1, $2, $3)", 3, v, err,
               tr(STR_CENTRAL_WHAT_PACK_REPORT));
}

SimStatus central_pack_installs(Central *c, CentralPackInstall **out, size_t *n, SimError *err)
{
    *out = NULL;
    *n = 0;
    PGresult *r =
        PQexec(c->pg, "SELECT office, installation::text, version,"
                      " to_char(reported_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"
                      " FROM mfc.pack_installs ORDER BY office, installation");
    if (!ok(r))
        return pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_PACK_INSTALLS));
    size_t rows = (size_t)PQntuples(r);
    CentralPackInstall *p = calloc(rows ? rows : 1, sizeof *p);
    if (!p) {
        PQclear(r);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    }
    for (size_t i = 0; i < rows; i++) {
        int k = (int)i;
        snprintf(p[i].office, sizeof p[i].office, "%s", PQgetvalue(r, k, 0));
        snprintf(p[i].installation, sizeof p[i].installation, "%s", PQgetvalue(r, k, 1));
        snprintf(p[i].version, sizeof p[i].version, "%s", PQgetvalue(r, k, 2));
        snprintf(p[i].reported_at, sizeof p[i].reported_at, "%s", PQgetvalue(r, k, 3));
    }
    PQclear(r);
    *out = p;
    *n = rows;
    return SIM_OK;
}

/* ---- what an LRS acknowledged (lrs push --central, issue #13) ---------------------------- */

SimStatus central_attempt_origins(Central *c, const CentralFilter *f, CentralOrigin **out,
                                  size_t *n, SimError *err)
{
    *out = NULL;
    *n = 0;
    const char *v[] = {f->office, f->trainee, f->scenario, f->since, f->until};
    PGresult *r = q(c,
                    "SELECT a.id, a.office, a.installation FROM mfc.attempts a"
                    " JOIN mfc.trainees t ON t.id = a.trainee_id"
                    " WHERE ($1::text IS NULL OR a.office = $1) AND ($2::text IS NULL OR"
                    " t.personnel = $2) AND ($3::text IS NULL OR a.scenario = $3) AND"
                    " ($4::text IS NULL OR a.started_at >= $4) AND ($5::text IS NULL OR"
                    " a.started_at < $5) ORDER BY a.id COLLATE \"C\"",
                    5, v);
    if (!ok(r))
        return pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_ATTEMPTS));
    size_t rows = (size_t)PQntuples(r);
    CentralOrigin *o = rows ? calloc(rows, sizeof *o) : NULL;
    if (rows && !o) {
        PQclear(r);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    }
    for (size_t i = 0; i < rows; i++) {
        snprintf(o[i].attempt, sizeof o[i].attempt, "%s", PQgetvalue(r, (int)i, 0));
        snprintf(o[i].office, sizeof o[i].office, "%s", PQgetvalue(r, (int)i, 1));
        snprintf(o[i].installation, sizeof o[i].installation, "%s", PQgetvalue(r, (int)i, 2));
    }
    PQclear(r);
    *out = o;
    *n = rows;
    return SIM_OK;
}

SimStatus central_lrs_known(Central *c, const char *endpoint, char ***ids, size_t *n, SimError *err)
{
    *ids = NULL;
    *n = 0;
    const char *v[] = {endpoint};
    PGresult *r = q(c,
                    "SELECT statement_id::text FROM mfc.lrs_sent WHERE endpoint = $1"
                    " ORDER BY statement_id::text COLLATE \"C\"",
                    1, v);
    if (!ok(r))
        return pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_LRS));
    size_t rows = (size_t)PQntuples(r);
    char **out = rows ? calloc(rows, sizeof *out) : NULL;
    if (rows && !out) {
        PQclear(r);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    }
    for (size_t i = 0; i < rows; i++) {
        out[i] = sim_strdup(PQgetvalue(r, (int)i, 0));
        if (!out[i]) {
            for (size_t k = 0; k < i; k++)
                free(out[k]);
            free(out);
            PQclear(r);
            return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
        }
    }
    PQclear(r);
    *ids = out;
    *n = rows;
    return SIM_OK;
}

/* A PostgreSQL array literal of the strings: {"a","b"} with " and \\ escaped. */
static void pg_array(SimBuf *b, const char *const *items, size_t n)
{
    simbuf_puts(b, "{");
    for (size_t i = 0; i < n; i++) {
        simbuf_puts(b, i ? ",\"" : "\"");
        for (const char *p = items[i]; *p; p++) {
            if (*p == '"' || *p == '\\')
                simbuf_puts(b, "\\");
            simbuf_append(b, p, 1);
        }
        simbuf_puts(b, "\"");
    }
    simbuf_puts(b, "}");
}

SimStatus central_lrs_record(Central *c, const char *endpoint, const char *const *ids,
                             const char *const *attempts, size_t n, int conflict, SimError *err)
{
    SimBuf a, b;
    simbuf_init(&a);
    simbuf_init(&b);
    pg_array(&a, ids, n);
    pg_array(&b, attempts, n);
    SimStatus s;
    if (a.oom || b.oom) {
        s = sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    } else {
        const char *v[] = {endpoint, a.data, b.data, conflict ? "conflict" : "sent"};
        /* One statement, so one transaction: all of the batch or none of it. */
        s = run(c,
                "INSERT INTO mfc.lrs_sent(endpoint, statement_id, attempt, status)"
                " SELECT $1, i, t, $4 FROM unnest($2::uuid[], $3::text[]) AS u(i, t)"
                " ON CONFLICT DO NOTHING",
                4, v, err, tr(STR_CENTRAL_WHAT_LRS));
    }
    simbuf_free(&a);
    simbuf_free(&b);
    return s;
}

void central_lrs_counts(Central *c, const char *endpoint, long long *sent, long long *conflicts)
{
    *sent = *conflicts = 0;
    const char *v[] = {endpoint};
    PGresult *r = q(c,
                    "SELECT count(*) FILTER (WHERE status = 'sent'), count(*) FILTER (WHERE"
                    " status = 'conflict') FROM mfc.lrs_sent WHERE endpoint = $1",
                    1, v);
    if (ok(r) && PQntuples(r) == 1) {
        *sent = atoll(PQgetvalue(r, 0, 0));
        *conflicts = atoll(PQgetvalue(r, 0, 1));
    }
    PQclear(r);
}

/* ---- the region's report from the summaries (schema step 4) ------------------------------ */

static const char *cell(PGresult *r, int row, int col)
{
    return PQgetisnull(r, row, col) ? NULL : PQgetvalue(r, row, col);
}

static long long num(PGresult *r, int row, int col)
{
    return PQgetisnull(r, row, col) ? 0 : atoll(PQgetvalue(r, row, col));
}

/* A big-endian 8-byte value of a binary result (int8, or float8's bits). */
static uint64_t be64(const char *p)
{
    uint64_t v = 0;
    for (int i = 0; i < 8; i++)
        v = v << 8 | (unsigned char)p[i];
    return v;
}

static ReportCritSums crit_sums(PGresult *r, int row, int col)
{
    return (ReportCritSums){.n = num(r, row, col),
                            .score_sum = num(r, row, col + 1),
                            .max_sum = num(r, row, col + 2),
                            .ratio_sum = PQgetisnull(r, row, col + 3)
                                             ? 0
                                             : strtod(PQgetvalue(r, row, col + 3), NULL)};
}

/* The statements, in the order the builder takes them. $1: office or NULL, $2: scenario or
 * NULL. Each reads summary rows only, through their primary keys' leading office column when
 * an office is given. Offices' rows are added up here (GROUP BY); a trainee belongs to one
 * office, so trainees' rows are read as they are. */
enum {
    RQ_CRITERIA,
    RQ_SCENARIOS,
    RQ_SCENARIO_CRITERIA,
    RQ_TRAINEES,
    RQ_TRAINEE_CRITERIA,
    RQ_MISTAKES,
    RQ_DAYS,
    RQ_HIST,
    RQ_COUNT
};
static const char *const report_sql[RQ_COUNT] = {
    [RQ_CRITERIA] =
        "SELECT criterion, min(title), min(min_pos), sum(n), sum(score_sum),"
        " sum(max_sum), sum(ratio_sum) FROM mfc.sum_scenario_criterion"
        " WHERE ($1::text IS NULL OR office = $1) AND ($2::text IS NULL OR scenario = $2)"
        " GROUP BY criterion",
    [RQ_SCENARIOS] =
        "SELECT scenario, sum(attempts), sum(finished), sum(passed), sum(exams),"
        " sum(exams_passed), sum(sum_total),"
        " (array_agg(title ORDER BY title_at DESC) FILTER (WHERE title IS NOT NULL))[1]"
        " FROM mfc.sum_report_scenario"
        " WHERE ($1::text IS NULL OR office = $1) AND ($2::text IS NULL OR scenario = $2)"
        " GROUP BY scenario HAVING sum(attempts) > 0",
    [RQ_SCENARIO_CRITERIA] = "SELECT scenario, criterion, min(title), sum(n), sum(score_sum),"
                             " sum(max_sum), sum(ratio_sum) FROM mfc.sum_scenario_criterion"
                             " WHERE ($1::text IS NULL OR office = $1)"
                             " AND ($2::text IS NULL OR scenario = $2) GROUP BY 1, 2",
    /* Every trainee (of the office), with its figures over everything or over the scenario,
       in no order: the builder sorts them as a local report does (here the sort of 100,000
       rows kept the pipeline's later results waiting). */
    [RQ_TRAINEES] = "SELECT t.id, t.personnel, t.surname, t.name, t.patronymic, t.office,"
                    " s.attempts, s.finished, s.passed, s.exams, s.exams_passed, s.sum_total,"
                    " s.first_at, s.last_at FROM mfc.trainees t LEFT JOIN ("
                    "  SELECT trainee_id, attempts, finished, passed, exams, exams_passed,"
                    "   sum_total, first_at, last_at FROM mfc.sum_trainee WHERE $2::text IS NULL"
                    "  UNION ALL SELECT trainee_id, attempts, finished, passed, exams,"
                    "   exams_passed, sum_total, first_at, last_at FROM mfc.sum_trainee_scenario"
                    "   WHERE scenario = $2 AND ($1::text IS NULL OR office = $1)) s"
                    " ON s.trainee_id = t.id"
                    " WHERE ($1::text IS NULL OR t.office = $1)",
    /* Only what a trainee's weakest criterion needs (n, ratio_sum): 600,000 rows at 100,000
       trainees, the largest read of the report, so in binary (no number written out as text
       by the server and read back here). */
    [RQ_TRAINEE_CRITERIA] =
        "SELECT trainee_id, criterion, n, ratio_sum"
        " FROM mfc.sum_trainee_criterion"
        " WHERE ($1::text IS NULL OR office = $1) AND $2::text IS NULL AND n > 0"
        " UNION ALL SELECT trainee_id, criterion, n, ratio_sum"
        " FROM mfc.sum_trainee_scenario_criterion"
        " WHERE scenario = $2 AND ($1::text IS NULL OR office = $1) AND n > 0",
    /* The latest wording across offices (each office keeps its own latest; among equally
       late ones the greatest office code). One hashed pass picks each mistake's office, whose
       row gives the wording: five ordered aggregates sorted the 130,000 rows of 500 offices
       five times (a third of a second). The office is what follows the last \1. */
    [RQ_MISTAKES] =
        "SELECT g.scenario, g.action, g.c, g.cr, m.kind, m.criterion, m.feedback, m.rule_id,"
        " m.rule FROM (SELECT scenario, action, sum(count) AS c, sum(critical) AS cr,"
        "  reverse(split_part(reverse(max((coalesce(at, '') || chr(1) || office)"
        "   COLLATE \"C\")), chr(1), 1)) AS office"
        "  FROM mfc.sum_mistake"
        "  WHERE ($1::text IS NULL OR office = $1) AND ($2::text IS NULL OR scenario = $2)"
        "  GROUP BY 1, 2) g"
        " LEFT JOIN mfc.sum_mistake m"
        " ON m.office = g.office AND m.scenario = g.scenario AND m.action = g.action"
        " AND ($1::text IS NULL OR m.office = $1) AND ($2::text IS NULL OR m.scenario = $2)",
    [RQ_DAYS] = "SELECT day, sum(attempts), sum(passed), sum(sum_total) FROM mfc.sum_day"
                " WHERE ($1::text IS NULL OR office = $1) AND $2::text IS NULL GROUP BY day"
                " UNION ALL "
                "SELECT day, sum(attempts), sum(passed), sum(sum_total) FROM mfc.sum_scenario_day"
                " WHERE ($1::text IS NULL OR office = $1) AND scenario = $2 GROUP BY day",
    [RQ_HIST] = "SELECT bucket, sum(n) FROM mfc.sum_hist"
                " WHERE ($1::text IS NULL OR office = $1) AND ($2::text IS NULL OR scenario = $2)"
                " GROUP BY bucket",
};

static int report_rows(ReportBuilder *rb, int k, PGresult *r)
{
    int good = 1;
    for (int i = 0; good && i < PQntuples(r); i++) {
        switch (k) {
        case RQ_CRITERIA: {
            ReportCritSums s = crit_sums(r, i, 3);
            good =
                report_builder_criterion(rb, cell(r, i, 0), cell(r, i, 1), (int)num(r, i, 2), &s);
            break;
        }
        case RQ_SCENARIOS: {
            long long all = num(r, i, 1), fin = num(r, i, 2);
            ReportCounts c = {.finished = fin,
                              .unfinished = all - fin,
                              .passed = num(r, i, 3),
                              .exams = num(r, i, 4),
                              .exams_passed = num(r, i, 5),
                              .sum_total = num(r, i, 6)};
            good = report_builder_scenario(rb, cell(r, i, 0), cell(r, i, 7), &c);
            break;
        }
        case RQ_SCENARIO_CRITERIA: {
            ReportCritSums s = crit_sums(r, i, 3);
            good = report_builder_scenario_criterion(rb, cell(r, i, 0), cell(r, i, 1),
                                                     cell(r, i, 2), &s);
            break;
        }
        case RQ_TRAINEES: {
            long long all = num(r, i, 6), fin = num(r, i, 7);
            ReportCounts c = {.finished = fin,
                              .unfinished = all - fin,
                              .passed = num(r, i, 8),
                              .exams = num(r, i, 9),
                              .exams_passed = num(r, i, 10),
                              .sum_total = num(r, i, 11)};
            good = report_builder_trainee(rb, num(r, i, 0), cell(r, i, 1), cell(r, i, 2),
                                          cell(r, i, 3), cell(r, i, 4), cell(r, i, 5), &c,
                                          cell(r, i, 12), cell(r, i, 13));
            break;
        }
        case RQ_TRAINEE_CRITERIA: { /* binary: int8, text, int8, float8 */
            if (PQgetlength(r, i, 0) != 8 || PQgetlength(r, i, 2) != 8 || PQgetlength(r, i, 3) != 8)
                break;
            uint64_t bits = be64(PQgetvalue(r, i, 3));
            ReportCritSums s = {.n = (long long)be64(PQgetvalue(r, i, 2))};
            memcpy(&s.ratio_sum, &bits, sizeof s.ratio_sum);
            good = report_builder_trainee_criterion(rb, (long long)be64(PQgetvalue(r, i, 0)),
                                                    PQgetvalue(r, i, 1), &s);
            break;
        }
        case RQ_MISTAKES: {
            ReportMistake m = {.action = cell(r, i, 1),
                               .count = num(r, i, 2),
                               .critical = num(r, i, 3),
                               .kind = cell(r, i, 4),
                               .criterion = cell(r, i, 5),
                               .feedback = cell(r, i, 6),
                               .rule_id = cell(r, i, 7),
                               .rule = cell(r, i, 8)};
            good = report_builder_mistake(rb, cell(r, i, 0), &m);
            break;
        }
        case RQ_DAYS:
            good = report_builder_day(rb, cell(r, i, 0), num(r, i, 1), num(r, i, 2), num(r, i, 3));
            break;
        case RQ_HIST:
            report_builder_bucket(rb, (int)num(r, i, 0), num(r, i, 1));
            break;
        }
    }
    return good;
}

SimStatus central_report_build(Central *c, const CentralFilter *f, Report **out, SimError *err)
{
    *out = NULL;
    int version = central_schema_version(c);
    if (version < 4)
        return sim_error_set(err, SIM_ERR_STATE, TRF(STR_CENTRAL_REPORT_OLD_SCHEMA), version);
    ReportFilter rf = {.scenario = f->scenario};
    ReportBuilder *rb;
    SimStatus s = report_builder_create(&rf, &rb, err);
    if (s != SIM_OK)
        return s;
    /* Compiling these small statements (JIT) costs more than running them; the trainees'
     * sort (100,000 names) spills to disk under the default work_mem. One snapshot: the
     * summaries agree with each other. */
    PQclear(PQexec(c->pg, "SET jit = off"));
    PQclear(PQexec(c->pg, "SET work_mem = '64MB'"));
    PQclear(PQexec(c->pg, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"));
    /* Every statement sent at once (libpq's pipeline): the server computes the next result
     * while this side takes the previous one in (a third of the time at 100,000 trainees). */
    const char *v[] = {f->office, f->scenario};
    int sent = 0;
    if (PQenterPipelineMode(c->pg)) {
        while (sent < RQ_COUNT && PQsendQueryParams(c->pg, report_sql[sent], 2, NULL, v, NULL, NULL,
                                                    sent == RQ_TRAINEE_CRITERIA))
            sent++;
        PQpipelineSync(c->pg);
    }
    if (sent < RQ_COUNT)
        s = pg_fail(c, NULL, err, tr(STR_CENTRAL_WHAT_REPORT));
    for (int k = 0; k < sent; k++) {
        PGresult *r = PQgetResult(c->pg);
        if (s == SIM_OK && !ok(r)) {
            s = pg_fail(c, r, err, tr(STR_CENTRAL_WHAT_REPORT));
            r = NULL;
        } else if (s == SIM_OK && !report_rows(rb, k, r)) {
            s = sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
        }
        PQclear(r);
        while ((r = PQgetResult(c->pg)) != NULL) /* the end of statement k's results */
            PQclear(r);
    }
    /* The sync point's own result, then back to one statement at a time. */
    for (PGresult *r; (r = PQgetResult(c->pg)) != NULL;) {
        int done = PQresultStatus(r) == PGRES_PIPELINE_SYNC;
        PQclear(r);
        if (done)
            break;
    }
    PQexitPipelineMode(c->pg);
    PQclear(PQexec(c->pg, "COMMIT"));
    if (s != SIM_OK) {
        report_builder_destroy(rb);
        return s;
    }
    return report_builder_finish(rb, out, err);
}
