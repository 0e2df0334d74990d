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

int main(int argc, char **argv)
{
    setlocale(LC_ALL, "C");
    /* A file or folder given as "" is a mistake, never "somewhere temporary": `play --db ""`
     * once recorded an attempt into a throw-away database and exited 0 (issue #16). */
    static const char *const path_flags[] = {"--db",     "--output",       "--save",
                                             "--resume", "--key",          "--font",
                                             "--result", "--input-script", "--screenshots",
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
    if (argc >= 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
                      strcmp(argv[1], "help") == 0)) {
        fputs(tr(STR_USAGE), stdout);
        return EXIT_OK;
    }
    if (argc >= 2 && strcmp(argv[1], "--version") == 0) {
        printf("mfc-trainer 0.1.0 (формат сценариев %d)\n", SCENARIO_FORMAT);
        return EXIT_OK;
    }
    AppPaths paths;
    app_paths_init(&paths, scen);
    app_config_load(&paths);
    int rc;
    if (argc < 2 || strcmp(argv[1], "gui") == 0) {
        rc = cmd_gui(argc < 2 ? 0 : argc - 2, argv + 2, &paths);
    } else if (argv[1][0] == '-' && argv[1][1] == '-') {
        rc = cmd_gui(argc - 1, argv + 1, &paths); /* `mfc-trainer --input-script …` */
    } else if (strcmp(argv[1], "check") == 0) {
        rc = cmd_check(argc - 2, argv + 2, &paths);
    } else if (strcmp(argv[1], "play") == 0) {
        rc = cmd_play(argc - 2, argv + 2, &paths);
    } else if (strcmp(argv[1], "keygen") == 0) {
        rc = cmd_keygen(argc - 2, argv + 2, &paths);
    } else if (strcmp(argv[1], "sign") == 0) {
        rc = cmd_sign(argc - 2, argv + 2, &paths);
    } else if (strcmp(argv[1], "verify") == 0) {
        rc = cmd_verify(argc - 2, argv + 2, &paths);
    } else if (strcmp(argv[1], "enrol") == 0) {
        rc = cmd_enrol(argc - 2, argv + 2, &paths);
    } else if (strcmp(argv[1], "sync") == 0) {
        rc = cmd_sync(argc - 2, argv + 2, &paths);
    } else if (strcmp(argv[1], "roster") == 0) {
        rc = cmd_roster(argc - 2, argv + 2, &paths);
    } else if (strcmp(argv[1], "central") == 0) {
        rc = cmd_central(argc - 2, argv + 2, &paths);
    } else if (strcmp(argv[1], "lrs") == 0) {
        rc = cmd_lrs(argc - 2, argv + 2, &paths);
    } else if (strcmp(argv[1], "explore") == 0) {
        rc = cmd_explore(argc - 2, argv + 2, &paths);
    } else if (strcmp(argv[1], "naive") == 0) {
        rc = cmd_naive(argc - 2, argv + 2, &paths);
    } else if (strcmp(argv[1], "graph") == 0) {
        rc = cmd_graph(argc - 2, argv + 2, &paths);
    } else if (strcmp(argv[1], "new") == 0) {
        rc = cmd_new(argc - 2, argv + 2, &paths);
#ifdef HAVE_CLI_REPORT
    } else if (strcmp(argv[1], "report") == 0) {
        rc = cmd_report(argc - 2, argv + 2, &paths);
#endif
#ifdef HAVE_CLI_EXPORT
    } else if (strcmp(argv[1], "export") == 0) {
        rc = cmd_export(argc - 2, argv + 2, &paths);
#endif
    } else {
        fprintf(stderr, "mfc-trainer: ");
        fprintf(stderr, tr(STR_ERR_UNKNOWN_COMMAND), argv[1]);
        fprintf(stderr, "\n%s", tr(STR_USAGE));
        rc = EXIT_USAGE;
    }
    app_paths_free(&paths);
    return rc;
}
