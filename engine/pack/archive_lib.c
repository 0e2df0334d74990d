/*
 * archive_lib.c — libarchive's table (see archive_lib.h): opened through core/dl.c for the first
 * pack file.
 */
#define PACK_ARCHIVE_NO_NAMES
#include "archive_lib.h"

#include "../core/dl.h"


PackArchive pack_archive;

static const char *const archive_names[] = {
#define PACK_ARCHIVE_NAME(ret, name, params) #name,
    PACK_ARCHIVE_FUNCTIONS(PACK_ARCHIVE_NAME)
#undef PACK_ARCHIVE_NAME
};

SimStatus pack_archive_load(SimError *err)
{
    static SimDlLib lib = {.soname = "libarchive.so.13",
                           .env = "MFC_SONAME_LIBARCHIVE",
                           .package = "libarchive13",
                           .names = archive_names,
                           .count = sizeof archive_names / sizeof archive_names[0],
                           .table = &pack_archive,
                           .table_size = sizeof pack_archive};
    /* Compiles only when each entry's type is the one libarchive's header declares (sizeof does
     * not evaluate: nothing here refers to libarchive at link time). */
#define PACK_ARCHIVE_CHECK(ret, name, params) (void)sizeof(pack_archive.name = name);
    PACK_ARCHIVE_FUNCTIONS(PACK_ARCHIVE_CHECK)
#undef PACK_ARCHIVE_CHECK
    return sim_dl_load(&lib, err);
}
