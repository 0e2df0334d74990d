/*
 * curl_lib.c — libcurl's table (see curl_lib.h): opened through core/dl.c for the first LRS
 * connection.
 */
#define NET_CURL_NO_NAMES
#include "curl_lib.h"

NetCurl net_curl;

static const char *const curl_names[] = {NET_CURL_FUNCTIONS(SIM_DL_NAME)};

SimStatus net_curl_load(SimError *err)
{
    static SimDlLib lib =
        SIM_DL_LIB("libcurl.so.4", "MFC_SONAME_LIBCURL", "libcurl4", curl_names, net_curl);
    SIM_DL_TYPECHECK(NetCurl, net_curl, NET_CURL_FUNCTIONS);
    return sim_dl_load(&lib, err);
}
