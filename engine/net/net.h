/*
 * net.h — pushing xAPI statements to a Learning Record Store (issue #13).
 *
 * Owns: the HTTP(S) connection to an LRS (libcurl enters the program only here: one easy
 * handle per NetLrs, so batches reuse one keep-alive connection), and one push run: the
 * statements of a results database (engine/store/export.h) that the LRS has not yet
 * acknowledged, POSTed in batches to the statements resource; every batch the LRS accepts is
 * recorded through the caller's ledger before the next one is sent, so a run that is killed
 * resumes where it stopped. Statement ids are stable, so a batch that was accepted but not yet
 * recorded when the run died is only re-sent under the same ids, which an LRS never stores
 * twice.
 * Answers: 200/204 — accepted, recorded; 409 — the LRS already holds another version of a
 * statement: the batch is halved down to that statement, which is recorded as a conflict
 * (it is in the LRS; never sent again); 413 — halved; 400 — halved down to the statement,
 * which is left waiting for the next run; 401/403 — the run stops (credentials); 5xx, 429, no
 * answer — retried with growing delays, then the run stops with everything else waiting.
 * Bodies are sent with every non-ASCII character escaped (\uXXXX): the same JSON, but no LRS
 * can cut a UTF-8 character in two when it reads the body in chunks (Learning Locker's
 * statement service does, and then stores U+FFFD).
 * Never prints, never shows the password; reports progress through a callback.
 * Depends on: core, store (the statements).
 */
#ifndef SIM_NET_H
#define SIM_NET_H

#include "../core/core.h"
#include "../store/export.h"
#include "../store/store.h"

#define NET_BATCH_DEFAULT    250        /* statements per POST */
#define NET_BATCH_BYTES      (4u << 20) /* a batch is cut before its body passes this size */
#define NET_TRIES_DEFAULT    8          /* tries per batch on 5xx, 429 or no answer */
#define NET_DELAY_MS_DEFAULT 1000       /* before the 2nd try; doubled each time, at most 60 s */

typedef struct NetLrs NetLrs;

typedef struct NetLrsConfig {
    const char *endpoint;        /* the LRS's xAPI endpoint (…/xapi/) or its statements URL */
    const char *user, *password; /* HTTP Basic; NULL for none */
    long timeout_s;              /* per request; 0: 120 s */
} NetLrsConfig;

/* Checks the endpoint (http:// or https://, no spaces) and prepares a connection; nothing is
 * sent yet. Caller frees with net_lrs_destroy. */
SimStatus net_lrs_create(const NetLrsConfig *c, NetLrs **out, SimError *err);
void net_lrs_destroy(NetLrs *l);
/* The statements resource every POST goes to, borrowed while l lives. Also the key under
 * which acknowledgements are recorded: the same LRS is always the same key. */
const char *net_lrs_statements_url(const NetLrs *l);
/* One POST of a JSON body to the statements resource. *http is the answer's status (0 when
 * no answer came; then err says why); *reply the answer's body (caller frees; may be NULL).
 * SIM_OK when an answer came, whatever its status. */
SimStatus net_lrs_post(NetLrs *l, const char *body, size_t len, long *http, char **reply,
                       SimError *err);

/* ---- a push run ------------------------------------------------------------------------- */

typedef enum NetAckKind {
    NET_ACK_SENT = 0,    /* the LRS accepted it */
    NET_ACK_CONFLICT = 1 /* the LRS holds another statement under this id (409) */
} NetAckKind;

/* Where acknowledgements live: the PC's results database or the centre. */
typedef struct NetLedger {
    void *ud;
    /* 1 when the statement was acknowledged by this LRS before (it is skipped). */
    int (*known)(void *ud, const char *id);
    /* Records n acknowledged statements at once (one transaction): ids[i] of attempts[i]. */
    SimStatus (*record)(void *ud, const char *const *ids, const char *const *attempts, size_t n,
                        NetAckKind kind, SimError *err);
} NetLedger;

typedef struct NetPushOptions {
    size_t batch;  /* 0: NET_BATCH_DEFAULT */
    int tries;     /* 0: NET_TRIES_DEFAULT */
    long delay_ms; /* 0: NET_DELAY_MS_DEFAULT */
} NetPushOptions;

typedef enum NetOutcome {
    NET_ALL_SENT = 0, /* nothing waits */
    NET_WAITING       /* something waits: no answer, the LRS refused, or credentials */
} NetOutcome;

typedef struct NetTally {
    long long statements; /* produced by the export (after the filters) */
    long long known;      /* acknowledged earlier, skipped */
    long long sent;       /* accepted in this run */
    long long conflicts;  /* 409: the LRS holds another version; recorded, not re-sent */
    long long refused;    /* 400 for the single statement: left waiting */
    long long waiting;    /* not acknowledged when the run ended */
    long long batches, posts, retries;
    long last_http; /* the last answer's status, 0 when none */
    NetOutcome outcome;
    const char *error; /* static: NULL, "offline" (no answer), "server" (5xx or 429 on
                          every try), "auth" (401, 403), "refused" (another answer, or a
                          statement refused with 400), "too-large" (413 for one
                          statement), "ledger" (recording failed) */
} NetTally;

/* Called after each batch the LRS answered for good (may be NULL). */
typedef void (*NetProgress)(void *ud, const NetTally *t);
/* Called before a retry, with the try about to be made and the delay (may be NULL). */
typedef void (*NetRetry)(void *ud, int try_no, long delay_ms, long http, const char *why);

/* Pushes the statements of st that xo selects and the ledger does not know. SIM_OK when the
 * run went through the whole export (t->outcome says whether something waits); an error
 * status when it stopped early (t->error, err say why; what was acknowledged stays
 * recorded). */
SimStatus net_push(NetLrs *l, Store *st, const StoreXapiOptions *xo, const NetLedger *ledger,
                   const NetPushOptions *po, NetProgress progress, NetRetry retry, void *ud,
                   NetTally *t, SimError *err);

/* Appends body to b with every non-ASCII UTF-8 sequence written as JSON \uXXXX escapes
 * (surrogate pairs above U+FFFF). body must be JSON: such bytes only occur inside strings. */
void net_json_ascii(SimBuf *b, const char *body, size_t len);

#endif /* SIM_NET_H */
