/*
 * archive_lib.c — libarchive's table (see archive_lib.h): opened through core/dl.c for the first
 * pack file.
 */
#define PACK_ARCHIVE_NO_NAMES
#include "archive_lib.h"

PackArchive pack_archive;

static const char *const archive_names[] = {PACK_ARCHIVE_FUNCTIONS(SIM_DL_NAME)};

SimStatus pack_archive_load(SimError *err)
{
    static SimDlLib lib = SIM_DL_LIB("libarchive.so.13", "MFC_SONAME_LIBARCHIVE", "libarchive13",
                                     archive_names, pack_archive);
    SIM_DL_TYPECHECK(PackArchive, pack_archive, PACK_ARCHIVE_FUNCTIONS);
    return sim_dl_load(&lib, err);
}
