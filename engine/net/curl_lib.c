/*
 * curl_lib.c — libcurl's table (see curl_lib.h): opened through core/dl.c for the first LRS
 * connection.
 */
#define NET_CURL_NO_NAMES
#include "curl_lib.h"

#include "../core/dl.h"


NetCurl net_curl;

static const char *const curl_names[] = {
#define NET_CURL_NAME(ret, name, params) #name,
    NET_CURL_FUNCTIONS(NET_CURL_NAME)
#undef NET_CURL_NAME
};

SimStatus net_curl_load(SimError *err)
{
    static SimDlLib lib = {.soname = "libcurl.so.4",
                           .env = "MFC_SONAME_LIBCURL",
                           .package = "libcurl4",
                           .names = curl_names,
                           .count = sizeof curl_names / sizeof curl_names[0],
                           .table = &net_curl,
                           .table_size = sizeof net_curl};
    /* Compiles only when each entry's type is the one libcurl's header declares (sizeof does
     * not evaluate: nothing here refers to libcurl at link time). */
#define NET_CURL_CHECK(ret, name, params) (void)sizeof(net_curl.name = name);
    NET_CURL_FUNCTIONS(NET_CURL_CHECK)
#undef NET_CURL_CHECK
    return sim_dl_load(&lib, err);
}
