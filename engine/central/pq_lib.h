/*
 * pq_lib.h — libpq, opened on first use (internal to engine/central; see core/dl.h for why).
 *
 * Includes libpq's own header for its types and constants, then maps every libpq function the
 * module calls onto a table filled by central_pq_load, so central.c reads as plain libpq. A
 * function missing from this table is not linked at all (the program no longer links libpq):
 * the build fails at its call site, never at run time. pq_lib.c checks each entry's type against
 * libpq's header.
 */
#ifndef SIM_CENTRAL_PQ_LIB_H
#define SIM_CENTRAL_PQ_LIB_H

#include "../core/core.h"
#include "../core/dl.h"

#include <libpq-fe.h>

/* X(return type, name, parameter list): every libpq function the module calls. */
#define CENTRAL_PQ_FUNCTIONS(X)                                                                    \
    X(void, PQclear, (PGresult *))                                                                 \
    X(PGconn *, PQconnectdbParams, (const char *const *, const char *const *, int))                \
    X(int, PQenterPipelineMode, (PGconn *))                                                        \
    X(char *, PQerrorMessage, (const PGconn *))                                                    \
    X(char *, PQescapeIdentifier, (PGconn *, const char *, size_t))                                \
    X(PGresult *, PQexec, (PGconn *, const char *))                                                \
    X(int, PQexitPipelineMode, (PGconn *))                                                         \
    X(PGresult *, PQexecParams,                                                                    \
      (PGconn *, const char *, int, const Oid *, const char *const *, const int *, const int *,    \
       int))                                                                                       \
    X(void, PQfinish, (PGconn *))                                                                  \
    X(void, PQfreemem, (void *))                                                                   \
    X(PGresult *, PQgetResult, (PGconn *))                                                         \
    X(int, PQgetisnull, (const PGresult *, int, int))                                              \
    X(int, PQgetlength, (const PGresult *, int, int))                                              \
    X(char *, PQgetvalue, (const PGresult *, int, int))                                            \
    X(int, PQntuples, (const PGresult *))                                                          \
    X(int, PQpipelineSync, (PGconn *))                                                             \
    X(PGresult *, PQprepare, (PGconn *, const char *, const char *, int, const Oid *))             \
    X(PGresult *, PQexecPrepared,                                                                  \
      (PGconn *, const char *, int, const char *const *, const int *, const int *, int))           \
    X(char *, PQresultErrorField, (const PGresult *, int))                                         \
    X(ExecStatusType, PQresultStatus, (const PGresult *))                                          \
    X(int, PQsendQueryParams,                                                                      \
      (PGconn *, const char *, int, const Oid *, const char *const *, const int *, const int *,    \
       int))                                                                                       \
    X(int, PQsetSingleRowMode, (PGconn *))                                                         \
    X(ConnStatusType, PQstatus, (const PGconn *))

typedef struct CentralPq {
    CENTRAL_PQ_FUNCTIONS(SIM_DL_FIELD)
} CentralPq;

/* The table; valid once central_pq_load returned SIM_OK (until then every entry is NULL). */
extern CentralPq central_pq;

/* Opens libpq.so.5 the first time ($MFC_SONAME_LIBPQ names another file instead, for tests);
 * SIM_OK, or SIM_ERR_IO with a message naming the library and the package libpq5. */
SimStatus central_pq_load(SimError *err);

#ifndef CENTRAL_PQ_NO_NAMES /* pq_lib.c needs libpq's own names to check the table's types */
#define PQclear             (central_pq.PQclear)
#define PQconnectdbParams   (central_pq.PQconnectdbParams)
#define PQenterPipelineMode (central_pq.PQenterPipelineMode)
#define PQerrorMessage      (central_pq.PQerrorMessage)
#define PQescapeIdentifier  (central_pq.PQescapeIdentifier)
#define PQexec              (central_pq.PQexec)
#define PQexitPipelineMode  (central_pq.PQexitPipelineMode)
#define PQexecParams        (central_pq.PQexecParams)
#define PQfinish            (central_pq.PQfinish)
#define PQfreemem           (central_pq.PQfreemem)
#define PQgetResult         (central_pq.PQgetResult)
#define PQgetisnull         (central_pq.PQgetisnull)
#define PQgetlength         (central_pq.PQgetlength)
#define PQgetvalue          (central_pq.PQgetvalue)
#define PQntuples           (central_pq.PQntuples)
#define PQpipelineSync      (central_pq.PQpipelineSync)
#define PQprepare           (central_pq.PQprepare)
#define PQexecPrepared      (central_pq.PQexecPrepared)
#define PQresultErrorField  (central_pq.PQresultErrorField)
#define PQresultStatus      (central_pq.PQresultStatus)
#define PQsendQueryParams   (central_pq.PQsendQueryParams)
#define PQsetSingleRowMode  (central_pq.PQsetSingleRowMode)
#define PQstatus            (central_pq.PQstatus)
#endif

#endif
