/*
 * pq_lib.c — libpq's table (see pq_lib.h): opened through core/dl.c on the first connection.
 */
#define CENTRAL_PQ_NO_NAMES
#include "pq_lib.h"

#include "central.h"

#include "../core/dl.h"

#include <string.h>

CentralPq central_pq;

static const char *const pq_names[] = {
#define CENTRAL_PQ_NAME(ret, name, params) #name,
    CENTRAL_PQ_FUNCTIONS(CENTRAL_PQ_NAME)
#undef CENTRAL_PQ_NAME
};

/* Each pointer from dlsym into its typed entry (POSIX makes data and function pointers the
 * same size; memcpy keeps the conversion out of ISO C's way). */
_Static_assert(sizeof(void (*)(void)) == sizeof(void *), "function and data pointers differ");

static void pq_bind(void *const *syms)
{
    size_t i = 0;
#define CENTRAL_PQ_BIND(ret, name, params) memcpy(&central_pq.name, &syms[i++], sizeof(void *));
    CENTRAL_PQ_FUNCTIONS(CENTRAL_PQ_BIND)
#undef CENTRAL_PQ_BIND
}

SimStatus central_pq_load(SimError *err)
{
    static SimDlLib lib = {.soname = "libpq.so.5",
                           .env = "MFC_SONAME_LIBPQ",
                           .package = "libpq5",
                           .names = pq_names,
                           .count = sizeof pq_names / sizeof pq_names[0],
                           .bind = pq_bind};
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
