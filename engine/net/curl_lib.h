/*
 * curl_lib.h — libcurl, opened on first use (internal to engine/net; see core/dl.h for why).
 *
 * Includes libcurl's header for its types and constants, then maps every libcurl function the
 * module calls onto a table filled by net_curl_load, so net.c reads as plain libcurl. A
 * function missing from the table is not linked at all (the program no longer links libcurl):
 * the build fails at its call site. curl_lib.c checks each entry's type against the header.
 * CURL_DISABLE_TYPECHECK: libcurl's GCC type checks of curl_easy_setopt's value are macros of
 * the same names, which cannot stand beside the names mapped here.
 */
#ifndef SIM_NET_CURL_LIB_H
#define SIM_NET_CURL_LIB_H

#include "../core/core.h"
#include "../core/dl.h"

#define CURL_DISABLE_TYPECHECK
#include <curl/curl.h>

/* X(return type, name, parameter list): every libcurl function the module calls. */
#define NET_CURL_FUNCTIONS(X)                                                                      \
    X(void, curl_easy_cleanup, (CURL *))                                                           \
    X(CURLcode, curl_easy_getinfo, (CURL *, CURLINFO, ...))                                        \
    X(CURL *, curl_easy_init, (void))                                                              \
    X(CURLcode, curl_easy_perform, (CURL *))                                                       \
    X(void, curl_easy_reset, (CURL *))                                                             \
    X(CURLcode, curl_easy_setopt, (CURL *, CURLoption, ...))                                       \
    X(const char *, curl_easy_strerror, (CURLcode))                                                \
    X(CURLcode, curl_global_init, (long))                                                          \
    X(struct curl_slist *, curl_slist_append, (struct curl_slist *, const char *))                 \
    X(void, curl_slist_free_all, (struct curl_slist *))

typedef struct NetCurl {
    NET_CURL_FUNCTIONS(SIM_DL_FIELD)
} NetCurl;

/* The table; valid once net_curl_load returned SIM_OK (until then every entry is NULL). */
extern NetCurl net_curl;

/* Opens libcurl.so.4 the first time ($MFC_SONAME_LIBCURL names another file instead, for
 * tests); SIM_OK, or SIM_ERR_IO with a message naming the library and the package libcurl4. */
SimStatus net_curl_load(SimError *err);

#ifndef NET_CURL_NO_NAMES /* curl_lib.c needs libcurl's own names to check the table's types */
#define curl_easy_cleanup (net_curl.curl_easy_cleanup)
/* curl.h defines these two as macros that insist on three arguments: so do these. */
#undef curl_easy_getinfo
#undef curl_easy_setopt
#define curl_easy_getinfo(h, info, arg) (net_curl.curl_easy_getinfo)(h, info, arg)
#define curl_easy_init                  (net_curl.curl_easy_init)
#define curl_easy_perform               (net_curl.curl_easy_perform)
#define curl_easy_reset                 (net_curl.curl_easy_reset)
#define curl_easy_setopt(h, opt, param) (net_curl.curl_easy_setopt)(h, opt, param)
#define curl_easy_strerror              (net_curl.curl_easy_strerror)
#define curl_global_init                (net_curl.curl_global_init)
#define curl_slist_append               (net_curl.curl_slist_append)
#define curl_slist_free_all             (net_curl.curl_slist_free_all)
#endif

#endif
