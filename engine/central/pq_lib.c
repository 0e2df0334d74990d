/*
 * pq_lib.c — libpq's table (see pq_lib.h): opened through core/dl.c on the first connection.
 */
#define CENTRAL_PQ_NO_NAMES
#include "pq_lib.h"

#include "central.h"

#include "../core/dl.h"


CentralPq central_pq;

static const char *const pq_names[] = {
#define CENTRAL_PQ_NAME(ret, name, params) #name,
    CENTRAL_PQ_FUNCTIONS(CENTRAL_PQ_NAME)
#undef CENTRAL_PQ_NAME
};

SimStatus central_pq_load(SimError *err)
{
    static SimDlLib lib = {.soname = "libpq.so.5",
                           .env = "MFC_SONAME_LIBPQ",
                           .package = "libpq5",
                           .names = pq_names,
                           .count = sizeof pq_names / sizeof pq_names[0],
                           .table = &central_pq,
                           .table_size = sizeof central_pq};
    /* Compiles only when each entry's type is the one libpq's header declares (sizeof does
     * not evaluate: nothing here refers to libpq at link time). */
#define CENTRAL_PQ_CHECK(ret, name, params) (void)sizeof(central_pq.name = name);
    CENTRAL_PQ_FUNCTIONS(CENTRAL_PQ_CHECK)
#undef CENTRAL_PQ_CHECK
    return sim_dl_load(&lib, err);
}

SimStatus central_library(SimError *err)
{
    return central_pq_load(err);
}
