/*
 * pq_lib.c — libpq's table (see pq_lib.h): opened through core/dl.c on the first connection.
 */
#define CENTRAL_PQ_NO_NAMES
#include "pq_lib.h"

#include "central.h"

CentralPq central_pq;

static const char *const pq_names[] = {CENTRAL_PQ_FUNCTIONS(SIM_DL_NAME)};

SimStatus central_pq_load(SimError *err)
{
    static SimDlLib lib =
        SIM_DL_LIB("libpq.so.5", "MFC_SONAME_LIBPQ", "libpq5", pq_names, central_pq);
    SIM_DL_TYPECHECK(CentralPq, central_pq, CENTRAL_PQ_FUNCTIONS);
    return sim_dl_load(&lib, err);
}

SimStatus central_library(SimError *err)
{
    return central_pq_load(err);
}
