/*
 * region.c — an office PC's identity and one sync run (see region.h).
 */
#include "region.h"

#include "../core/i18n.h"

#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static char *beside(const char *db, const char *suffix)
{
    SimBuf b;
    simbuf_init(&b);
    simbuf_printf(&b, "%s%s", db, suffix);
    return simbuf_take(&b);
}

SimStatus region_identity_load(const char *db, int create, RegionIdentity *id, SimError *err)
{
    memset(id, 0, sizeof *id);
    char *idp = beside(db, ".installation"), *pubp = beside(db, ".installation.pub");
    id->key_path = beside(db, ".installation.key");
    if (!idp || !pubp || !id->key_path) {
        free(idp);
        free(pubp);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    }
    char *text = NULL;
    size_t len = 0;
    SimStatus s = SIM_OK;
    if (sim_read_file(idp, 4096, &text, &len, NULL) == SIM_OK) {
        if (!(len >= 36 && sscanf(text, "%36s", id->id) == 1 && strlen(id->id) == 36 &&
              sec_public_key_hex(id->key_path, id->pub, err) == SIM_OK))
            s = sim_error_set(err, SIM_ERR_INVALID, "%s", tr(STR_ID_DAMAGED));
        free(text);
    } else if (!create) {
        s = sim_error_set(err, SIM_ERR_STATE, "%s", tr(STR_SYNC_NOT_ENROLLED));
    } else {
        char kid[SEC_KEY_ID_LEN + 1];
        s = sec_keygen(id->key_path, pubp, kid, err);
        if (s == SIM_OK) {
            sec_uuid(id->id);
            int fd = open(idp, O_WRONLY | O_CREAT | O_EXCL, 0644);
            FILE *fp = fd >= 0 ? fdopen(fd, "w") : NULL;
            int wrote = fp && fprintf(fp, "%s\n", id->id) > 0;
            if (fp)
                wrote = fclose(fp) == 0 && wrote;
            else if (fd >= 0)
                close(fd);
            if (!wrote)
                s = sim_error_set(err, SIM_ERR_IO, tr(STR_ID_CANT_WRITE), idp);
            else
                s = sec_public_key_hex(id->key_path, id->pub, err);
        }
    }
    free(idp);
    free(pubp);
    return s;
}

void region_identity_free(RegionIdentity *id)
{
    free(id->key_path);
    id->key_path = NULL;
}

int region_pub_hash(Store *st, long long upto, char hash_out[65])
{
    /* One setting holds "N HASH", so a kill between two writes cannot pair a number with
     * another number's hash. */
    char *mark = store_get_setting(st, "sync.pub");
    long long from = 0, n0 = 0;
    char h[65] = "", mh[65] = "";
    if (mark && sscanf(mark, "%lld %64s", &n0, mh) == 2 && n0 <= upto && strlen(mh) == 64) {
        from = n0;
        snprintf(h, sizeof h, "%s", mh);
    }
    free(mark);
    while (from < upto) {
        SyncEntry *e;
        size_t n;
        SimError err;
        size_t want = upto - from < 20000 ? (size_t)(upto - from) : 20000;
        if (store_sync_entries(st, from, want, 0, &e, &n, &err) != SIM_OK)
            return 0;
        for (size_t i = 0; i < n; i++)
            store_pub_hash_next(h, &e[i], h);
        if (n == 0) {
            store_sync_entries_free(e, n);
            break;
        }
        from = e[n - 1].n;
        store_sync_entries_free(e, n);
    }
    snprintf(hash_out, 65, "%s", h);
    return 1;
}

static void remember_pub(Store *st, long long n, const char *hash)
{
    char v[100];
    snprintf(v, sizeof v, "%lld %s", n, hash);
    SimError err;
    store_set_setting(st, "sync.pub", v, &err);
}

SimStatus region_sign_head(const RegionIdentity *id, long long n, const char *hash, CentralHead *h,
                           SimError *err)
{
    memset(h, 0, sizeof *h);
    h->n = n;
    snprintf(h->hash, sizeof h->hash, "%s", hash);
    SimBuf m;
    simbuf_init(&m);
    central_head_message(&m, id->id, n, hash);
    SimStatus s = sec_sign_message(id->key_path, simbuf_str(&m), m.len, h->sig, err);
    simbuf_free(&m);
    return s;
}

static int count_attempts(const SyncEntry *e, size_t n)
{
    int k = 0;
    for (size_t i = 0; i < n; i++)
        k += strcmp(e[i].kind, "attempt") == 0;
    return k;
}

/* One batch made ready to send: the entries after from, the chain's hash after them (hash
 * comes in as the hash at from), the signed head. */
typedef struct Prep {
    Store *st;
    const RegionIdentity *id;
    long long from;
    size_t batch;
    char hash[65];
    SyncEntry *e; /* owned: store_sync_entries_free */
    size_t n;
    long long last; /* the last entry's number (from when none) */
    CentralHead head;
    SimStatus s;
    SimError err;
} Prep;

static void prep_batch(Prep *p)
{
    p->e = NULL;
    p->n = 0;
    p->s = store_sync_entries(p->st, p->from, p->batch, 1, &p->e, &p->n, &p->err);
    if (p->s != SIM_OK) {
        p->s = SIM_ERR_IO;
        return;
    }
    for (size_t i = 0; i < p->n; i++)
        store_pub_hash_next(p->hash, &p->e[i], p->hash);
    p->last = p->n ? p->e[p->n - 1].n : p->from;
    if (region_sign_head(p->id, p->last, p->hash, &p->head, &p->err) != SIM_OK) {
        store_sync_entries_free(p->e, p->n);
        p->e = NULL;
        p->n = 0;
        p->s = SIM_ERR_INVALID;
        return;
    }
    p->head.via = "sync";
}

static void *prep_thread(void *arg)
{
    prep_batch(arg);
    return NULL;
}

/* Sends everything after the centre's last entry, in batches. */
static SimStatus sync_batches(Store *st, Central *c, const RegionIdentity *id, size_t batch,
                              RegionProgress progress, void *ud, RegionTally *t, SimError *err)
{
    CentralStatus cs;
    SimStatus s = central_status(c, id->id, &cs, err);
    if (s != SIM_OK)
        return s;
    snprintf(t->office, sizeof t->office, "%s", cs.office);
    t->centre_last = cs.last_n;
    t->local_last = store_chain_last(st);
    /* This PC's own history must be the one the centre holds: else the database was rolled
     * back, truncated or rewritten since the last sync. Said, recorded, and nothing sent. */
    char mine[65] = "";
    if (cs.last_n > t->local_last || (cs.last_n > 0 && (!region_pub_hash(st, cs.last_n, mine) ||
                                                        strcmp(mine, cs.last_hash) != 0))) {
        SimError e2;
        char detail[512];
        snprintf(detail, sizeof detail, tr(STR_SYNC_DIVERGED), cs.last_n, t->local_last);
        central_report(c, id->id, "rollback", cs.last_n, NULL, detail, &e2);
        CentralHead h;
        char cur[65] = "";
        if (region_pub_hash(st, t->local_last, cur) &&
            region_sign_head(id, t->local_last, cur, &h, &e2) == SIM_OK) {
            h.via = "sync";
            central_submit(c, id->id, NULL, 0, NULL, 0, &h, &e2);
        }
        sim_error_set(err, SIM_ERR_INVALID, "%s", detail);
        t->outcome = REGION_DIVERGED;
        t->error = "diverged";
        t->waiting = t->local_last > cs.last_n ? t->local_last - cs.last_n : 0;
        return SIM_OK;
    }
    if (cs.last_n > 0)
        remember_pub(st, cs.last_n, cs.last_hash);
    char h[65];
    snprintf(h, sizeof h, "%s", cs.last_hash);
    long long at = cs.last_n;
    Trainee *prof = NULL;
    size_t np = 0;
    if (store_sync_trainees(st, &prof, &np, err) != SIM_OK)
        return SIM_ERR_IO;
    /* While the centre takes one batch, the next one is read and signed here, on a second
     * thread: the two halves of the work overlap instead of taking turns. The store is only
     * touched by that thread while this one waits for the centre. */
    Prep cur = {.st = st, .id = id, .from = at, .batch = batch};
    snprintf(cur.hash, sizeof cur.hash, "%s", h);
    prep_batch(&cur);
    for (;;) {
        if (cur.s != SIM_OK) {
            sim_error_set(err, cur.s, "%s", cur.err.msg);
            free(prof);
            return cur.s == SIM_ERR_INVALID ? SIM_ERR_INVALID : SIM_ERR_IO;
        }
        if (cur.n == 0 && t->batches > 0) {
            store_sync_entries_free(cur.e, cur.n);
            break;
        }
        int more = cur.n == batch; /* a short batch is the last */
        Prep next = {.st = st, .id = id, .from = cur.last, .batch = batch};
        snprintf(next.hash, sizeof next.hash, "%s", cur.hash);
        pthread_t th;
        int threaded = more && pthread_create(&th, NULL, prep_thread, &next) == 0;
        s = central_submit(c, id->id, cur.e, cur.n, t->batches == 0 ? prof : NULL,
                           t->batches == 0 ? np : 0, &cur.head, err);
        if (threaded)
            pthread_join(th, NULL);
        else if (more && s == SIM_OK)
            prep_batch(&next);
        int attempts = count_attempts(cur.e, cur.n);
        store_sync_entries_free(cur.e, cur.n);
        if (s != SIM_OK) {
            if (more)
                store_sync_entries_free(next.e, next.n);
            t->waiting = t->local_last - at;
            t->outcome = REGION_WAITING;
            t->error = "refused";
            free(prof);
            return SIM_OK;
        }
        /* Committed: only now the mark moves. */
        remember_pub(st, cur.last, cur.hash);
        char nb[24];
        snprintf(nb, sizeof nb, "%lld", cur.last);
        SimError e2;
        store_set_setting(st, "sync.mark", nb, &e2);
        t->sent += (long long)cur.n;
        t->attempts += attempts;
        t->batches++;
        at = cur.last;
        if (progress && cur.n)
            progress(ud, at, t->local_last);
        if (!more)
            break;
        cur = next;
    }
    free(prof);
    SimError e2;
    if (central_status(c, id->id, &cs, &e2) == SIM_OK)
        t->centre_last = cs.last_n;
    t->waiting = t->local_last > t->centre_last ? t->local_last - t->centre_last : 0;
    /* The roster of this office, for the trainees' list. */
    Trainee *ro = NULL;
    size_t nr = 0;
    if (central_roster_fetch(c, t->office, &ro, &nr, &e2) == SIM_OK) {
        t->roster_received = nr;
        store_roster_merge(st, ro, nr, &t->roster_added, &t->roster_conflicts, &e2);
        free(ro);
    }
    char now[32];
    time_t tt = time(NULL);
    struct tm tmv;
    strftime(now, sizeof now, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&tt, &tmv));
    store_set_setting(st, "sync.at", now, &e2);
    t->outcome = t->waiting ? REGION_WAITING : REGION_ALL_SENT;
    return SIM_OK;
}

SimStatus region_sync(Store *st, const char *conninfo, const RegionIdentity *id, size_t batch,
                      int self_check, RegionProgress progress, void *ud, RegionTally *t,
                      SimError *err)
{
    memset(t, 0, sizeof *t);
    t->local_last = store_chain_last(st);
    if (batch == 0)
        batch = 5000;
    /* This PC's own check first: what it finds goes to the centre with the batch. */
    ChainReport cr;
    int have_report = self_check && store_verify(st, NULL, &cr, err) == SIM_OK;
    Central *c = NULL;
    if (central_connect(conninfo, &c, err) != SIM_OK) {
        long long entries = 0, attempts = 0;
        char at[32];
        region_waiting(st, &entries, &attempts, at);
        t->waiting = entries;
        t->outcome = REGION_WAITING;
        t->error = "offline";
        if (have_report)
            store_verify_free(&cr);
        return SIM_ERR_IO;
    }
    if (have_report) {
        t->local_findings = cr.count;
        for (size_t i = 0; i < cr.count; i++) {
            char detail[256];
            SimError e2;
            snprintf(detail, sizeof detail, tr(STR_SYNC_LOCAL_FINDING), cr.items[i].what,
                     (int)cr.items[i].kind);
            central_report(c, id->id, "local", cr.items[i].n, cr.items[i].attempt, detail, &e2);
        }
        store_verify_free(&cr);
    }
    SimStatus s = sync_batches(st, c, id, batch, progress, ud, t, err);
    central_close(c);
    if (s != SIM_OK) {
        t->outcome = REGION_WAITING;
        if (!t->error)
            t->error = "refused";
    }
    return s;
}

void region_waiting(Store *st, long long *entries, long long *attempts, char last_sync[32])
{
    char *m = store_get_setting(st, "sync.mark"), *at = store_get_setting(st, "sync.at");
    long long mark = m ? atoll(m) : 0, last = store_chain_last(st);
    *entries = last > mark ? last - mark : 0;
    *attempts = store_sync_attempts_after(st, mark);
    snprintf(last_sync, 32, "%s", at ? at : "");
    free(m);
    free(at);
}

SimStatus region_sync_pack(const char *conninfo, const RegionIdentity *id, const PackSite *site,
                           RegionPackTally *t, SimError *err)
{
    memset(t, 0, sizeof *t);
    PackInfo cur;
    if (pack_current(site->dir, &cur, NULL))
        snprintf(t->before, sizeof t->before, "%s", cur.version);
    pack_info_free(&cur);
    snprintf(t->installed, sizeof t->installed, "%s", t->before);
    Central *c = NULL;
    if (central_connect(conninfo, &c, err) != SIM_OK)
        return SIM_ERR_IO;
    CentralPack newest;
    memset(&newest, 0, sizeof newest);
    int have = central_pack_newest(c, &newest, err);
    if (have < 0) {
        central_close(c);
        return SIM_ERR_IO;
    }
    SimError e2;
    if (have) {
        snprintf(t->newest, sizeof t->newest, "%s", newest.version);
        PackInfo now;
        int up_to_date =
            pack_current(site->dir, &now, NULL) && strcmp(now.version, newest.version) == 0;
        pack_info_free(&now);
        if (!up_to_date && pack_skipped(site->dir, newest.version)) {
            t->skipped = 1;
        } else if (!up_to_date) {
            unsigned char *data = NULL;
            size_t len = 0;
            char label[160];
            snprintf(label, sizeof label, tr(STR_PACK_FROM_CENTRE), newest.version);
            if (central_pack_fetch(c, newest.id, &data, &len, err) != SIM_OK) {
                central_pack_free(&newest);
                central_close(c);
                return SIM_ERR_IO;
            }
            PackInfo got;
            SimStatus s = pack_install_memory(site, data, len, label, &got, &t->changed, err);
            free(data);
            if (s == SIM_OK) {
                snprintf(t->installed, sizeof t->installed, "%s", got.version);
                pack_info_free(&got);
            } else {
                /* Refused on this PC: the centre's audit says which office and why. */
                t->refused = 1;
                central_report(c, id->id, "pack", 0, NULL, err->msg, &e2);
            }
        }
    }
    central_pack_free(&newest);
    PackInfo inst;
    if (pack_current(site->dir, &inst, NULL)) {
        /* The hash of the files as they are on this PC, the one attempts record. */
        char *root = pack_scenarios_dir(site->dir, inst.version);
        PackCheck *pc = root ? sec_pack_check(root, site->trusted, site->trusted_count) : NULL;
        if (pc && central_pack_report(c, id->id, inst.version, pc->hash, &e2) == SIM_OK)
            t->reported = 1;
        sec_pack_free(pc);
        free(root);
        snprintf(t->installed, sizeof t->installed, "%s", inst.version);
    }
    pack_info_free(&inst);
    central_close(c);
    return SIM_OK;
}
