/*
 * args.c — the flags of the commands that take a plain list of options (central, enrol,
 * roster, sync, pack, lrs): one parser driven by a table, and one way to say what was wrong.
 *
 * Each command lists its options as AppOpt rows (a value option stores the next argument, a
 * switch sets an int); positionals go to a small array. A mistake is printed as
 * "mfc-trainer CMD: message" followed by the command's usage, so every command words its
 * errors the same way.
 * Depends on: core (the string table).
 */
#include "app.h"

#include "../core/i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int app_usage(const char *cmd, const char *use, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "mfc-trainer %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    if (use && *use) {
        fputs(use, stderr);
        if (use[strlen(use) - 1] != '\n')
            fputc('\n', stderr);
    }
    return EXIT_USAGE;
}

static const AppOpt *find(const AppArgs *a, const char *name)
{
    for (size_t i = 0; i < a->nopts; i++)
        if (strcmp(a->opts[i].name, name) == 0)
            return &a->opts[i];
    return NULL;
}

int app_args_parse(AppArgs *a, int argc, char **argv)
{
    a->npos = 0;
    for (size_t i = 0; i < a->nopts; i++) {
        if (a->opts[i].value)
            *a->opts[i].value = NULL;
        if (a->opts[i].on)
            *a->opts[i].on = 0;
    }
    int help = 0;
    for (int i = 0; i < argc; i++) {
        const char *s = argv[i];
        const AppOpt *o = find(a, s);
        if (o && o->value) {
            /* An empty value is as good as none: `--db ""` would otherwise mean the default. */
            if (i + 1 >= argc || !argv[i + 1][0])
                return app_usage(a->cmd, a->use, TRF(STR_ERR_NEEDS_VALUE), s);
            *o->value = argv[++i];
        } else if (o) {
            *o->on = 1;
        } else if (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0) {
            help = 1;
        } else if ((s[0] == '-' && s[1]) || a->npos >= a->max_pos) {
            return app_usage(a->cmd, a->use, TRF(STR_ERR_UNKNOWN_OPTION), s);
        } else {
            a->pos[a->npos++] = s;
        }
    }
    if (help) {
        fputs(a->use ? a->use : "", stdout);
        return APP_ARGS_HELP;
    }
    return EXIT_OK;
}
