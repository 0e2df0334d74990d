/*
 * export.h — exporting results from the database for other systems: xAPI 1.0.3 statements
 * (one JSON array) for an LMS or a Learning Record Store.
 *
 * Owns: reading attempts (finished and unfinished), their actions and results, and turning
 * them into statements; the name-based (version 8, BLAKE2b via the crypto module) UUIDs that
 * make statement ids stable. The text goes to a caller's sink piece by piece (no printing, no files
 * here). Depends on: core (SimBuf, the JSON writer), crypto (the hash) and the store's connection
 * (store_internal.h).
 */
#ifndef SIM_STORE_EXPORT_H
#define SIM_STORE_EXPORT_H

#include <stddef.h>

#include "store.h"

/* The actor's account homePage (and the root of every IRI) when none is given. */
#define STORE_XAPI_HOME_PAGE "https://mfc-trainer.local"
/* The account name of attempts made without a trainee profile. A trainee's account name is
 * "OFFICE/NUMBER" when the trainee has an office (the region's roster), else the number. */
#define STORE_XAPI_ANONYMOUS "anonymous"

/* Receives successive pieces of the output (not NUL-terminated); returns 0 to stop the export
 * (e.g. a write error), which then fails with SIM_ERR_IO. */
typedef int (*StoreExportSink)(void *ctx, const char *data, size_t len);
/* A sink that appends to the SimBuf passed as ctx. */
int store_export_sink_buf(void *ctx, const char *data, size_t len);

/* Where an attempt was made, for the centre, which holds many offices' installations: fills
 * *office and *installation (borrowed until the next call; NULL when unknown). */
typedef void (*StoreXapiOriginFn)(void *ud, const char *attempt, const char **office,
                                  const char **installation);
/* The words of an answer (an action id of a scenario whose content hash is hash), e.g. the
 * step action's text: borrowed until the next call, NULL when unknown (the id is used). */
typedef const char *(*StoreXapiNameFn)(void *ud, const char *scenario, const char *hash,
                                       const char *action);

typedef struct StoreXapiOptions {
    const char *home_page; /* NULL: STORE_XAPI_HOME_PAGE; trailing slashes are ignored. The
                              actor's account homePage: the region's LMS or centre */
    const char *since;     /* NULL, or a UTC date "YYYY-MM-DD" / time "YYYY-MM-DDTHH:MM:SSZ":
                              only attempts started at or after it */
    int pretty;            /* indent the JSON */
    int guests;            /* 1: also attempts made without a trainee profile (account
                              "anonymous"); by default they are left out */
    int cmi5;              /* 1: cmi5-conformant statements (the cmi5 and moveOn categories,
                              sessionid, masteryscore; no completion on passed/failed) */
    /* The PC's office and installation (NULL when unknown): an attempt's office is its
     * trainee's office, else this one. */
    const char *office, *installation;
    StoreXapiOriginFn origin; /* NULL, or where each attempt was made (the centre) */
    void *origin_ud;
    StoreXapiNameFn action_name; /* NULL: answers are named by their ids */
    void *name_ud;
} StoreXapiOptions;

/* One statement of store_xapi_each: its id, the attempt (registration) and its JSON text
 * (compact, one object, not NUL-terminated; borrowed for the call). */
typedef struct StoreXapiStatement {
    const char *id, *attempt;
    const char *json;
    size_t len;
} StoreXapiStatement;
/* Returns 0 to stop (the export then fails with SIM_ERR_IO and the message the callback left
 * in err, if any). */
typedef int (*StoreXapiEach)(void *ctx, const StoreXapiStatement *s);

typedef struct StoreXapiStats {
    size_t attempts, statements;
} StoreXapiStats;

/* Writes every attempt that matches o as xAPI statements, in one JSON array, attempt after
 * attempt (by start time), each in the order initialized, answered × actions, completed,
 * passed|failed, terminated. Unfinished attempts get no completed/passed/failed; attempts
 * still open (no end recorded: in progress or cut off by a crash) get no terminated either.
 * Reads one consistent snapshot of the database. stats may be NULL. */
SimStatus store_export_xapi(Store *st, const StoreXapiOptions *o, StoreExportSink sink, void *ctx,
                            StoreXapiStats *stats, SimError *err);

/* The same statements as store_export_xapi (o->pretty ignored), one call per statement, for
 * a push to an LRS. */
SimStatus store_xapi_each(Store *st, const StoreXapiOptions *o, StoreXapiEach each, void *ctx,
                          StoreXapiStats *stats, SimError *err);

/* 1 when s is a --since value store_export_xapi accepts (a real calendar date). */
int store_export_since_ok(const char *s);
/* 1 when s can serve as the homePage: http(s)://host… without spaces, quotes, '?' or '#'. */
int store_export_home_page_ok(const char *s);

/* A name-based UUID, version 8 (RFC 9562 §5.8): the first 16 bytes of BLAKE2b-256 over the
 * namespace's 16 bytes and the name, version and variant bits set; lower-case with dashes into
 * out (37 bytes). */
void store_export_uuid_name(const unsigned char ns[16], const char *name, size_t len, char out[37]);
/* The namespace of statement ids: the fixed bytes e2397aec-5c05-5efc-83ed-99b317afd10b.
 * A statement's id is uuid_name(this, "<attempt id>/<verb>"); for a decision
 * uuid_name(this, "<attempt id>/answered/<action seq>"); for the end of a session
 * uuid_name(this, "<attempt id>/terminated/<actions recorded>/<end time as in its timestamp>"). */
extern const unsigned char store_xapi_id_namespace[16];

#endif /* SIM_STORE_EXPORT_H */
