/*
 * dl.c — libraries opened on first use (see dl.h).
 */
#include "dl.h"

#include "i18n.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/* dlsym's pointers are copied into the tables' function pointers (memcpy keeps the conversion
 * out of ISO C's way; POSIX makes both the same size). */
_Static_assert(sizeof(void (*)(void)) == sizeof(void *), "function and data pointers differ");

/* One lock for every library: loads are rare (once each per process) and may come from the
 * window's background threads (sync, the region's figures, the voice) at the same time. */
static pthread_mutex_t dl_lock = PTHREAD_MUTEX_INITIALIZER;

/* At most this many functions per library (the largest table, libpq's, has about twenty). */
#define SIM_DL_MAX 64

static SimStatus load_locked(SimDlLib *lib, SimError *err)
{
    const char *file = lib->soname;
    const char *other = lib->env ? getenv(lib->env) : NULL;
    if (other && *other)
        file = other;
    if (lib->count > SIM_DL_MAX || lib->table_size != lib->count * sizeof(void (*)(void)))
        return sim_error_set(err, SIM_ERR_STATE, TRF(STR_DL_NO_FUNCTION), file, lib->names[0],
                             lib->package, lib->package);
    /* RTLD_NOW: a library that lacks a symbol it needs fails here, not in the middle of a sync;
     * RTLD_LOCAL: its names stay out of the way of everything else. */
    void *h = dlopen(file, RTLD_NOW | RTLD_LOCAL);
    if (!h)
        return sim_error_set(err, SIM_ERR_IO, TRF(STR_DL_MISSING), file, lib->package,
                             lib->package);
    void *syms[SIM_DL_MAX];
    for (size_t i = 0; i < lib->count; i++) {
        syms[i] = dlsym(h, lib->names[i]);
        if (!syms[i]) {
            dlclose(h);
            return sim_error_set(err, SIM_ERR_IO, TRF(STR_DL_NO_FUNCTION), file, lib->names[i],
                                 lib->package, lib->package);
        }
    }
    memcpy(lib->table, syms, lib->count * sizeof(void *));
    lib->handle = h;
    lib->state = 1;
    return SIM_OK;
}

SimStatus sim_dl_load(SimDlLib *lib, SimError *err)
{
    pthread_mutex_lock(&dl_lock);
    SimStatus s = lib->state == 1 ? SIM_OK : load_locked(lib, err);
    pthread_mutex_unlock(&dl_lock);
    return s;
}
