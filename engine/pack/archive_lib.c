/*
 * archive_lib.c — libarchive's table (see archive_lib.h): opened through core/dl.c for the first
 * pack file.
 */
#define PACK_ARCHIVE_NO_NAMES
#include "archive_lib.h"

#include "../core/dl.h"

#include <string.h>

PackArchive pack_archive;

static const char *const archive_names[] = {
#define PACK_ARCHIVE_NAME(ret, name, params) #name,
    PACK_ARCHIVE_FUNCTIONS(PACK_ARCHIVE_NAME)
#undef PACK_ARCHIVE_NAME
};

/* Each pointer from dlsym into its typed entry (POSIX makes data and function pointers the
 * same size; memcpy keeps the conversion out of ISO C's way). */
_Static_assert(sizeof(void (*)(void)) == sizeof(void *), "function and data pointers differ");

static void archive_bind(void *const *syms)
{
    size_t i = 0;
#define PACK_ARCHIVE_BIND(ret, name, params) memcpy(&pack_archive.name, &syms[i++], sizeof(void *));
    PACK_ARCHIVE_FUNCTIONS(PACK_ARCHIVE_BIND)
#undef PACK_ARCHIVE_BIND
}

SimStatus pack_archive_load(SimError *err)
{
    static SimDlLib lib = {.soname = "libarchive.so.13",
                           .env = "MFC_SONAME_LIBARCHIVE",
                           .package = "libarchive13",
                           .names = archive_names,
                           .count = sizeof archive_names / sizeof archive_names[0],
                           .bind = archive_bind};
    /* Compiles only when each entry's type is the one libarchive's header declares (sizeof does
     * not evaluate: nothing here refers to libarchive at link time). */
#define PACK_ARCHIVE_CHECK(ret, name, params) (void)sizeof(pack_archive.name = name);
    PACK_ARCHIVE_FUNCTIONS(PACK_ARCHIVE_CHECK)
#undef PACK_ARCHIVE_CHECK
    return sim_dl_load(&lib, err);
}
