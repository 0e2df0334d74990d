/*
 * region.h — an office PC's side of the region: its identity and one sync run.
 *
 * Owns: the installation's identity beside its results database (DB.installation holds the
 * UUID; DB.installation.key / .pub the Ed25519 key pair, made once), the public hash chain of
 * the PC's journal (cached in the setting "sync.pub" as "N HASH"), and a sync run that sends
 * everything after the centre's last accepted entry in batches, each one transaction, moving
 * the PC's mark (setting "sync.mark") only after the commit. Never prints; reports progress
 * through a callback. Used by `mfc-trainer sync` and by the window's background sync.
 * region_sync_pack (issue #13) brings the newest scenario pack the centre published, installs it
 * through engine/pack (signature checked against this PC's trusted keys before anything is
 * unpacked) and tells the centre which version the installation runs.
 * Depends on: central, store, crypto, pack.
 */
#ifndef SIM_REGION_H
#define SIM_REGION_H

#include "central.h"
#include "../pack/pack.h"

typedef struct RegionIdentity {
    char id[37];
    char pub[SEC_PUB_HEX + 1];
    char *key_path; /* owned */
} RegionIdentity;

/* Loads the identity beside db_path; with create, makes one when there is none. SIM_OK when
 * there is one; SIM_ERR_STATE when there is none and create is 0. Free with
 * region_identity_free. */
SimStatus region_identity_load(const char *db_path, int create, RegionIdentity *id, SimError *err);
void region_identity_free(RegionIdentity *id);

/* The PC's public hash chain at entry upto (hex; "" for 0). Returns 0 on a read error. */
int region_pub_hash(Store *st, long long upto, char out[65]);
/* Signs the head (n, hash) with the installation's key. */
SimStatus region_sign_head(const RegionIdentity *id, long long n, const char *hash,
                           CentralHead *out, SimError *err);

typedef enum RegionOutcome {
    REGION_ALL_SENT = 0, /* nothing waits */
    REGION_WAITING,      /* something waits: no link, or the centre refused a batch */
    REGION_DIVERGED      /* this PC's journal is not the one the centre holds (rolled back,
                            truncated or rewritten): reported to the centre, nothing sent */
} RegionOutcome;

typedef struct RegionTally {
    long long sent, attempts, batches, centre_last, local_last, waiting;
    size_t roster_received, roster_added, roster_conflicts, local_findings;
    char office[40];
    RegionOutcome outcome;
    const char *error; /* static: NULL, "offline", "refused", "diverged" */
} RegionTally;

/* Called after each committed batch (may be NULL). */
typedef void (*RegionProgress)(void *ud, long long at, long long last);

/* One run: with self_check, first checks the PC's whole journal (store_verify; findings go to
 * the centre, which is how a record edited after it was sent is reported); sends what waits in
 * batches of `batch` entries; fetches the office's roster into the PC. conninfo is libpq's.
 * SIM_OK when the run could talk to the centre (see t->outcome); SIM_ERR_IO when the centre
 * could not be reached (t->outcome REGION_WAITING, t->error "offline"); err has the message. */
SimStatus region_sync(Store *st, const char *conninfo, const RegionIdentity *id, size_t batch,
                      int self_check, RegionProgress progress, void *ud, RegionTally *t,
                      SimError *err);
/* What waits on this PC without asking the centre: journal entries after the mark and the
 * attempts they belong to; *last_sync gets the time of the last completed run ("" when none). */
void region_waiting(Store *st, long long *entries, long long *attempts, char last_sync[32]);

typedef struct RegionPackTally {
    char newest[PACK_NAME_MAX];    /* the newest published version; "" when none */
    char before[PACK_NAME_MAX];    /* the version this PC ran before the run; "" when none */
    char installed[PACK_NAME_MAX]; /* the version it runs now; "" when none */
    int changed;                   /* this run installed the newest pack */
    int skipped;  /* the newest is the version `pack rollback` left: not installed again */
    int refused;  /* the newest pack was refused (err says why; the centre's audit too) */
    int reported; /* the centre now knows the installed version */
} RegionPackTally;
/* One pack run over its own connection. SIM_OK when the centre could be asked (see t; a refused
 * pack is SIM_OK with t->refused and the message in err); SIM_ERR_IO when it could not. */
SimStatus region_sync_pack(const char *conninfo, const RegionIdentity *id, const PackSite *site,
                           RegionPackTally *t, SimError *err);

#endif /* SIM_REGION_H */
