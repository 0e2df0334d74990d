/*
 * dl.h — a shared library opened on first use (dlopen) instead of linked at start.
 *
 * Owns: the one place the program calls dlopen and dlsym. The libraries the window never needs
 * at start (libpq for the centre, libcurl for `lrs push`, libarchive for pack files, libspeechd
 * for the voice) are opened here by the module they enter through, the first time it is used:
 * linked, they cost every start some 5 MiB of pages and the relocations of about seventy
 * libraries. Each module keeps a table of the functions it calls (a struct of function
 * pointers, filled here in the order of its names) and maps their names onto it in an internal
 * header, so its call sites read as before.
 * A library that is missing or lacks a function is a Russian message naming the library and
 * the Debian package that installs it, never a crash.
 * Depends on: libc (dlfcn, pthread).
 */
#ifndef SIM_DL_H
#define SIM_DL_H

#include "core.h"

/* What to open and how to hand the functions over. A module keeps one, static, for the whole
 * process; sim_dl_load owns its `state` and `handle` fields. */
typedef struct SimDlLib {
    const char *soname;       /* the file dlopen looks for, e.g. "libpq.so.5" */
    const char *env;          /* an environment variable that names another file to open instead
                                 (tests point it at a file that does not exist); may be NULL */
    const char *package;      /* the Debian package that installs soname, named in the message */
    const char *const *names; /* the functions to resolve, in the order of the table's fields */
    size_t count;
    /* The module's table: a struct of count function pointers and nothing else, filled once
     * under the loader's lock (table_size, its sizeof, is checked against count). */
    void *table;
    size_t table_size;
    int state;    /* 0 not loaded yet (or the last try failed), 1 loaded */
    void *handle; /* the library, kept open to the end of the process */
} SimDlLib;

/* A module lists its functions once, as an X-macro LIST(X) calling X(return type, name,
 * parameter list) for each, and derives everything else from that list with these:
 *   struct Table { LIST(SIM_DL_FIELD) };                      the table's fields;
 *   static const char *const names[] = {LIST(SIM_DL_NAME)};  their names for dlsym;
 *   static SimDlLib lib = SIM_DL_LIB(soname, env, package, names, table);
 *   SIM_DL_TYPECHECK(struct Table, table, LIST);              in a function: compiles only
 *       when each entry's type is the one the library's header declares (sizeof evaluates
 *       nothing, so nothing refers to the library at link time). */
#define SIM_DL_FIELD(ret, name, params) ret(*name) params;
#define SIM_DL_NAME(ret, name, params)  #name,
#define SIM_DL_CHECK(ret, name, params) (void)sizeof(sim_dl_table_->name = name);
#define SIM_DL_TYPECHECK(type, table, LIST)                                                        \
    do {                                                                                           \
        type *sim_dl_table_ = &(table);                                                            \
        (void)sim_dl_table_;                                                                       \
        LIST(SIM_DL_CHECK)                                                                         \
    } while (0)
#define SIM_DL_LIB(so, env_name, pkg, name_list, tbl)                                              \
    {                                                                                              \
        .soname = (so), .env = (env_name), .package = (pkg), .names = (name_list),                 \
        .count = sizeof(name_list) / sizeof(name_list)[0], .table = &(tbl),                        \
        .table_size = sizeof(tbl)                                                                  \
    }

/* Opens the library and binds its functions the first time (thread-safe; later calls only
 * check). SIM_OK, or SIM_ERR_IO with a message naming the file and the package to install; a
 * failed load is tried again on the next call (the package may have been installed since). */
SimStatus sim_dl_load(SimDlLib *lib, SimError *err);

#endif
