/*
 * main.c — the composition root: dispatches to the commands.
 *
 * `mfc-trainer check …` and `mfc-trainer play …` work headless; `mfc-trainer` with no command
 * (or `mfc-trainer gui …`) opens the window.
 */
#include "app.h"

#include "../core/i18n.h"

#include <locale.h>
#include <stdio.h>
#include <string.h>

#ifndef SIM_VERSION
#define SIM_VERSION "0.0.0"
#endif

typedef struct Command {
    const char *name;
    int (*run)(int argc, char **argv, const AppPaths *paths);
    SimStr usage; /* printed by --help, -h and `help NAME` */
} Command;

static const Command commands[] = {
    {.name = "gui", .run = cmd_gui, .usage = STR_GUI_USAGE},
    {.name = "check", .run = cmd_check, .usage = STR_CHECK_USAGE},
    {.name = "play", .run = cmd_play, .usage = STR_PLAY_USAGE},
#ifdef HAVE_CLI_REPORT
    {.name = "report", .run = cmd_report, .usage = STR_REPORT_USAGE},
#endif
#ifdef HAVE_CLI_EXPORT
    {.name = "export", .run = cmd_export, .usage = STR_EXPORT_USAGE},
#endif
    {.name = "verify", .run = cmd_verify, .usage = STR_VERIFY_HELP},
    {.name = "pin", .run = cmd_pin, .usage = STR_PIN_USAGE},
    {.name = "enrol", .run = cmd_enrol, .usage = STR_ENROL_USAGE},
    {.name = "sync", .run = cmd_sync, .usage = STR_SYNC_USAGE},
    {.name = "roster", .run = cmd_roster, .usage = STR_ROSTER_USAGE},
    {.name = "central", .run = cmd_central, .usage = STR_CENTRAL_USAGE},
    {.name = "lrs", .run = cmd_lrs, .usage = STR_LRS_USAGE},
    {.name = "explore", .run = cmd_explore, .usage = STR_EXPLORE_USAGE},
    {.name = "naive", .run = cmd_naive, .usage = STR_NAIVE_USAGE},
    {.name = "graph", .run = cmd_graph, .usage = STR_GRAPH_USAGE},
    {.name = "new", .run = cmd_new, .usage = STR_NEW_USAGE},
    {.name = "keygen", .run = cmd_keygen, .usage = STR_KEYGEN_HELP},
    {.name = "sign", .run = cmd_sign, .usage = STR_SIGN_HELP},
    {.name = "pack", .run = cmd_pack, .usage = STR_PACK_USAGE},
};

/* The global help: the commands, then the options common to all of them. */
static void print_usage(FILE *f)
{
    fputs(tr(STR_USAGE), f);
    fputs(tr(STR_USAGE_OPTIONS), f);
}

static const Command *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
        if (strcmp(commands[i].name, name) == 0)
            return &commands[i];
    return NULL;
}

/* "-" is standard output or input for the flags that name a stream (--output, --save,
 * --result, --resume, --input-script); for a database, a key, a font or a folder it is a
 * mistake that would otherwise create or look for a file called "-". */
static int stdio_misused(int argc, char **argv)
{
    static const char *const file_only[] = {"--db", "--key", "--font", "--screenshots"};
    for (int i = 1; i + 1 < argc; i++)
        for (size_t k = 0; k < sizeof file_only / sizeof file_only[0]; k++)
            if (strcmp(argv[i], file_only[k]) == 0 && strcmp(argv[i + 1], "-") == 0) {
                fprintf(stderr, "mfc-trainer: ");
                fprintf(stderr, tr(STR_ERR_STDIO_PATH), argv[i]);
                fprintf(stderr, "\n");
                return EXIT_USAGE;
            }
    return EXIT_OK;
}

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "C");
    /* A file or folder given as "" is a mistake, never "somewhere temporary": `play --db ""`
     * once recorded an attempt into a throw-away database and exited 0 (issue #16). */
    static const char *const path_flags[] = {"--db",       "--output",       "--save",
                                             "--resume",   "--key",          "--font",
                                             "--result",   "--input-script", "--screenshots",
                                             "--scenarios"};
    for (int i = 1; i + 1 < argc; i++)
        for (size_t k = 0; k < sizeof path_flags / sizeof path_flags[0]; k++)
            if (strcmp(argv[i], path_flags[k]) == 0 && argv[i + 1][0] == '\0') {
                fprintf(stderr, "mfc-trainer: ");
                fprintf(stderr, tr(STR_ERR_EMPTY_PATH), argv[i]);
                fprintf(stderr, "\n");
                return EXIT_USAGE;
            }
    /* A global --scenarios DIR may come anywhere; strip it before dispatching. */
    const char *scen = NULL;
    int n = 0;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--scenarios") == 0) {
            if (i + 1 >= argc) {
                fprintf(stderr, "mfc-trainer: ");
                fprintf(stderr, tr(STR_ERR_NEEDS_VALUE), "--scenarios");
                fprintf(stderr, "\n");
                return EXIT_USAGE;
            }
            scen = argv[++i];
            continue;
        }
        argv[n++] = argv[i];
    }
    argc = n;
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        print_usage(stdout);
        return EXIT_OK;
    }
    if (argc >= 2 && (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0)) {
        printf(tr(STR_VERSION), SIM_VERSION, SCENARIO_FORMAT);
        return EXIT_OK;
    }
    /* `help` alone is the global help; `help CMD` is the command's own. */
    if (argc >= 2 && strcmp(argv[1], "help") == 0) {
        const Command *c = argc >= 3 ? find_command(argv[2]) : NULL;
        if (argc >= 3 && !c) {
            fprintf(stderr, "mfc-trainer: ");
            fprintf(stderr, tr(STR_ERR_UNKNOWN_COMMAND), argv[2]);
            fputc('\n', stderr);
            print_usage(stderr);
            return EXIT_USAGE;
        }
        if (c)
            fputs(tr(c->usage), stdout);
        else
            print_usage(stdout);
        return EXIT_OK;
    }
    /* No command, or flags straight away (`mfc-trainer --input-script …`): the window. */
    const Command *cmd =
        argc < 2 || argv[1][0] == '-' ? find_command("gui") : find_command(argv[1]);
    int first = argc < 2 ? argc : argv[1][0] == '-' ? 1 : 2;
    if (!cmd) {
        fprintf(stderr, "mfc-trainer: ");
        fprintf(stderr, tr(STR_ERR_UNKNOWN_COMMAND), argv[1]);
        fputc('\n', stderr);
        print_usage(stderr);
        return EXIT_USAGE;
    }
    /* `-h` or `--help` anywhere after a command prints that command's help, the same way for
     * every command, before any of its other arguments is looked at. */
    for (int i = first; i < argc; i++)
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(tr(cmd->usage), stdout);
            return EXIT_OK;
        }
    if (stdio_misused(argc, argv) != EXIT_OK)
        return EXIT_USAGE;
    AppPaths paths;
    app_paths_init(&paths, scen);
    app_config_load(&paths);
    app_paths_use_pack(&paths); /* after the configuration: it may name the packs folder */
    int rc = cmd->run(argc - first, argv + first, &paths);
    app_paths_free(&paths);
    return rc;
}
