/*
 * store_internal.h — what the files of engine/store share (not for other modules): the
 * Store handle's fields. Reports and exports (report.c, export.c) query the same connection.
 */
#ifndef SIM_STORE_INTERNAL_H
#define SIM_STORE_INTERNAL_H

#include <sqlite3.h>

#include "store.h"
#include "../crypto/crypto.h"

typedef struct StoreOp StoreOp; /* a write waiting for the database (store.c) */

struct Store {
    sqlite3 *db;
    int marked_open;  /* settings 'mfc.session_open' = 1 until store_close (see store_open) */
    StoreOp *pending; /* writes kept in memory while the database refuses them, in order */
    size_t npending, cap;
    unsigned char key[SEC_KEY_BYTES]; /* the installation secret of the MAC chain (chain.c) */
    int keyless;                      /* opened by store_open_evidence: no secret, read-only */
#define CANON_QUERIES 6
    sqlite3_stmt *canon[CANON_QUERIES]; /* chain.c's canonical queries, prepared on first use */
};

/* Recomputes the sum_* tables from the detailed tables inside the caller's transaction, with
 * the report's own single-pass builder (report.c). */
SimStatus summary_rebuild(Store *st, SimError *err);

/* ---- the MAC chain (chain.c) ------------------------------------------------------------ */
/* Appends one journal entry for a record just written (kind "attempt", "identity", "action"
 * or "finish"; seq only for actions), inside the caller's transaction. Returns 1 on success. */
int chain_append(Store *st, const char *kind, const char *attempt, int seq);
/* Seals every row not yet in the journal, oldest first (the migration to schema 4). */
int chain_seal_existing(Store *st);
int chain_seal_identities(Store *st); /* migration 4 → 5 */
/* Appends the canonical bytes of a live record (what its digest is computed over) to b.
 * Returns 1 when the record exists, 0 when it is gone, -1 on error. */
int chain_canon(Store *st, const char *kind, const char *attempt, int seq, SimBuf *b);
/* Finalizes the prepared canonical queries (store_close, before the connection closes). */
void chain_close(Store *st);

#endif /* SIM_STORE_INTERNAL_H */
