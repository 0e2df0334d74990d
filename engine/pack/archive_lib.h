/*
 * archive_lib.h — libarchive, opened on first use (internal to engine/pack; see core/dl.h for
 * why).
 *
 * Includes libarchive's headers for their types and constants, then maps every libarchive
 * function the module calls onto a table filled by pack_archive_load, so pack.c reads as plain
 * libarchive. A function missing from the table is not linked at all (the program no longer
 * links libarchive): the build fails at its call site. archive_lib.c checks each entry's type
 * against the headers.
 */
#ifndef SIM_PACK_ARCHIVE_LIB_H
#define SIM_PACK_ARCHIVE_LIB_H

#include "../core/core.h"
#include "../core/dl.h"

#include <archive.h>
#include <archive_entry.h>

/* X(return type, name, parameter list): every libarchive function the module calls. */
#define PACK_ARCHIVE_FUNCTIONS(X)                                                                  \
    X(__LA_MODE_T, archive_entry_filetype, (struct archive_entry *))                               \
    X(void, archive_entry_free, (struct archive_entry *))                                          \
    X(const char *, archive_entry_hardlink, (struct archive_entry *))                              \
    X(struct archive_entry *, archive_entry_new, (void))                                           \
    X(const char *, archive_entry_pathname, (struct archive_entry *))                              \
    X(void, archive_entry_set_filetype, (struct archive_entry *, unsigned int))                    \
    X(void, archive_entry_set_mtime, (struct archive_entry *, time_t, long))                       \
    X(void, archive_entry_set_pathname, (struct archive_entry *, const char *))                    \
    X(void, archive_entry_set_perm, (struct archive_entry *, __LA_MODE_T))                         \
    X(void, archive_entry_set_size, (struct archive_entry *, la_int64_t))                          \
    X(la_int64_t, archive_entry_size, (struct archive_entry *))                                    \
    X(int, archive_entry_size_is_set, (struct archive_entry *))                                    \
    X(const char *, archive_entry_symlink, (struct archive_entry *))                               \
    X(const char *, archive_error_string, (struct archive *))                                      \
    X(la_ssize_t, archive_read_data, (struct archive *, void *, size_t))                           \
    X(int, archive_read_free, (struct archive *))                                                  \
    X(struct archive *, archive_read_new, (void))                                                  \
    X(int, archive_read_next_header, (struct archive *, struct archive_entry **))                  \
    X(int, archive_read_open_filename, (struct archive *, const char *, size_t))                   \
    X(int, archive_read_open_memory, (struct archive *, const void *, size_t))                     \
    X(int, archive_read_support_filter_gzip, (struct archive *))                                   \
    X(int, archive_read_support_format_tar, (struct archive *))                                    \
    X(int, archive_write_add_filter_gzip, (struct archive *))                                      \
    X(int, archive_write_close, (struct archive *))                                                \
    X(la_ssize_t, archive_write_data, (struct archive *, const void *, size_t))                    \
    X(int, archive_write_free, (struct archive *))                                                 \
    X(int, archive_write_header, (struct archive *, struct archive_entry *))                       \
    X(struct archive *, archive_write_new, (void))                                                 \
    X(int, archive_write_open_fd, (struct archive *, int))                                         \
    X(int, archive_write_set_format_pax_restricted, (struct archive *))

typedef struct PackArchive {
    PACK_ARCHIVE_FUNCTIONS(SIM_DL_FIELD)
} PackArchive;

/* The table; valid once pack_archive_load returned SIM_OK (until then every entry is NULL). */
extern PackArchive pack_archive;

/* Opens libarchive.so.13 the first time ($MFC_SONAME_LIBARCHIVE names another file instead, for
 * tests); SIM_OK, or SIM_ERR_IO with a message naming the library and the package
 * libarchive13. */
SimStatus pack_archive_load(SimError *err);

#ifndef PACK_ARCHIVE_NO_NAMES /* archive_lib.c needs libarchive's own names to check the types */
#define archive_entry_filetype           (pack_archive.archive_entry_filetype)
#define archive_entry_free               (pack_archive.archive_entry_free)
#define archive_entry_hardlink           (pack_archive.archive_entry_hardlink)
#define archive_entry_new                (pack_archive.archive_entry_new)
#define archive_entry_pathname           (pack_archive.archive_entry_pathname)
#define archive_entry_set_filetype       (pack_archive.archive_entry_set_filetype)
#define archive_entry_set_mtime          (pack_archive.archive_entry_set_mtime)
#define archive_entry_set_pathname       (pack_archive.archive_entry_set_pathname)
#define archive_entry_set_perm           (pack_archive.archive_entry_set_perm)
#define archive_entry_set_size           (pack_archive.archive_entry_set_size)
#define archive_entry_size               (pack_archive.archive_entry_size)
#define archive_entry_size_is_set        (pack_archive.archive_entry_size_is_set)
#define archive_entry_symlink            (pack_archive.archive_entry_symlink)
#define archive_error_string             (pack_archive.archive_error_string)
#define archive_read_data                (pack_archive.archive_read_data)
#define archive_read_free                (pack_archive.archive_read_free)
#define archive_read_new                 (pack_archive.archive_read_new)
#define archive_read_next_header         (pack_archive.archive_read_next_header)
#define archive_read_open_filename       (pack_archive.archive_read_open_filename)
#define archive_read_open_memory         (pack_archive.archive_read_open_memory)
#define archive_read_support_filter_gzip (pack_archive.archive_read_support_filter_gzip)
#define archive_read_support_format_tar  (pack_archive.archive_read_support_format_tar)
#define archive_write_add_filter_gzip    (pack_archive.archive_write_add_filter_gzip)
#define archive_write_close              (pack_archive.archive_write_close)
#define archive_write_data               (pack_archive.archive_write_data)
#define archive_write_free               (pack_archive.archive_write_free)
#define archive_write_header             (pack_archive.archive_write_header)
#define archive_write_new                (pack_archive.archive_write_new)
#define archive_write_open_fd            (pack_archive.archive_write_open_fd)
#define archive_write_set_format_pax_restricted                                                    \
    (pack_archive.archive_write_set_format_pax_restricted)
#endif

#endif
