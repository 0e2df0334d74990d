/*
 * limits.c — the script budgets a user can set for play and check: --lua-time-ms and
 * --lua-mem-mb, or MFC_LUA_TIME_MS and MFC_LUA_MEM_MB in the environment (the flags win).
 * Depends on: script (ScriptLimits), core (strings).
 */
#include "app.h"

#include "../core/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TIME_MAX_MS 600000LL /* ten minutes per call */
#define MEM_MAX_MB  4096LL

/* Parses a whole positive integer up to max; 0 when it is not one. */
static long long parse_positive(const char *v, long long max)
{
    char *end;
    errno = 0;
    long long n = strtoll(v, &end, 10);
    if (!*v || *end || errno || n < 1 || n > max)
        return 0;
    return n;
}

static int set_limit(ScriptLimits *l, const char *name, const char *v, const char *cmd)
{
    int time = strstr(name, "TIME") || strstr(name, "time");
    long long max = time ? TIME_MAX_MS : MEM_MAX_MB;
    long long n = parse_positive(v, max);
    if (!n) {
        fprintf(stderr, "mfc-trainer %s: ", cmd);
        fprintf(stderr, tr(STR_ERR_BAD_LIMIT), name, max, v);
        fprintf(stderr, "\n");
        return 0;
    }
    if (time)
        l->time_ms = n;
    else
        l->memory = (size_t)n * 1024u * 1024u;
    return 1;
}

int app_limits_init(ScriptLimits *l, const char *cmd)
{
    memset(l, 0, sizeof *l); /* zeros: the engine's defaults */
    static const char *const vars[] = {"MFC_LUA_TIME_MS", "MFC_LUA_MEM_MB"};
    for (size_t i = 0; i < 2; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v && !set_limit(l, vars[i], v, cmd))
            return EXIT_USAGE;
    }
    return EXIT_OK;
}

int app_limits_flag(int argc, char **argv, int *i, ScriptLimits *l, const char *cmd)
{
    const char *a = argv[*i];
    if (strcmp(a, "--lua-time-ms") != 0 && strcmp(a, "--lua-mem-mb") != 0)
        return 0;
    if (*i + 1 >= argc) {
        fprintf(stderr, "mfc-trainer %s: ", cmd);
        fprintf(stderr, tr(STR_ERR_NEEDS_VALUE), a);
        fprintf(stderr, "\n");
        return -1;
    }
    (*i)++;
    return set_limit(l, a, argv[*i], cmd) ? 1 : -1;
}
