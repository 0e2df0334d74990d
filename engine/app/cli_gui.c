/*
 * cli_gui.c — `mfc-trainer [gui]`: loads every scenario, opens the results database and runs
 * the window. A broken scenario is left out with its errors shown on the start screen; the
 * others load. With --input-script the window plays the script and exits (automation).
 */
#include "app.h"

#include "../core/i18n.h"
#include "../ui/ui.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int need(int i, int argc, const char *flag)
{
    if (i + 1 < argc)
        return 1;
    fprintf(stderr, "mfc-trainer gui: ");
    fprintf(stderr, tr(STR_ERR_NEEDS_VALUE), flag);
    fprintf(stderr, "\n");
    return 0;
}

/* Whether a window can be shown: an X or Wayland session, or a video driver chosen on purpose
 * (SDL_VIDEODRIVER=dummy or offscreen for the headless tests, kmsdrm on a console). Without
 * any, SDL would open a window nobody can see and the program would seem to hang. */
static int display_available(void)
{
    static const char *const vars[] = {"SDL_VIDEODRIVER", "DISPLAY", "WAYLAND_DISPLAY"};
    for (size_t i = 0; i < sizeof vars / sizeof vars[0]; i++) {
        const char *v = getenv(vars[i]);
        if (v && *v)
            return 1;
    }
    return 0;
}

/* `--input-script -`: the window reads its input script as a regular file (a pipe could hang
 * it), so standard input is copied into a private temporary file first. */
static int copy_stdin(char *path, size_t n)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(path, n, "%s/mfc-trainer-input-XXXXXX", tmp && *tmp && strlen(tmp) < 32 ? tmp : "/tmp");
    char *text = NULL;
    size_t len = 0;
    SimError err;
    int fd = -1;
    int ok = app_read_input("-", 1u << 20, &text, &len, &err) == SIM_OK && (fd = mkstemp(path)) >= 0;
    ok = ok && write(fd, text, len) == (ssize_t)len;
    if (fd >= 0)
        ok &= close(fd) == 0;
    if (!ok) {
        fprintf(stderr, "mfc-trainer gui: --input-script -: %s\n",
                text ? strerror(errno) : err.msg);
        if (fd >= 0)
            remove(path);
        path[0] = '\0';
    }
    free(text);
    return ok;
}

int cmd_gui(int argc, char **argv, const AppPaths *paths)
{
    UiConfig cfg;
    memset(&cfg, 0, sizeof cfg);
    const char *db = NULL;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--input-script") == 0 || strcmp(a, "--screenshots") == 0 ||
            strcmp(a, "--font") == 0 || strcmp(a, "--db") == 0 || strcmp(a, "--result") == 0 ||
            strcmp(a, "--scenario") == 0 || strcmp(a, "--seed") == 0 || strcmp(a, "--size") == 0) {
            if (!need(i, argc, a))
                return EXIT_USAGE;
            const char *v = argv[++i];
            if (strcmp(a, "--input-script") == 0)
                cfg.input_script = v;
            else if (strcmp(a, "--screenshots") == 0)
                cfg.screenshots = v;
            else if (strcmp(a, "--font") == 0)
                cfg.font_path = v;
            else if (strcmp(a, "--db") == 0)
                db = v;
            else if (strcmp(a, "--result") == 0)
                cfg.result_path = strcmp(v, "-") == 0 ? "/dev/stdout" : v; /* "-": stdout */
            else if (strcmp(a, "--scenario") == 0)
                cfg.start_scenario = v;
            else if (strcmp(a, "--size") == 0) {
                if (sscanf(v, "%dx%d", &cfg.width, &cfg.height) != 2 || cfg.width < 320 ||
                    cfg.height < 240) {
                    fprintf(stderr, "mfc-trainer gui: --size: ожидалось ШИРИНАxВЫСОТА, например "
                                    "1280x720\n");
                    return EXIT_USAGE;
                }
            } else {
                char *end;
                errno = 0;
                cfg.seed = strtoull(v, &end, 10);
                if (!*v || *end || errno || v[0] == '-') {
                    fprintf(stderr, "mfc-trainer gui: ");
                    fprintf(stderr, tr(STR_ERR_BAD_SEED), v);
                    fprintf(stderr, "\n");
                    return EXIT_USAGE;
                }
                cfg.have_seed = 1;
            }
        } else if (strcmp(a, "--exam") == 0) {
            cfg.exam = 1;
        } else {
            fprintf(stderr, "mfc-trainer gui: ");
            fprintf(stderr, tr(STR_ERR_UNKNOWN_OPTION), a);
            fprintf(stderr, "\n");
            return EXIT_USAGE;
        }
    }
    if (!display_available()) {
        fprintf(stderr, "mfc-trainer gui: %s\n", tr(STR_ERR_NO_DISPLAY_ENV));
        return EXIT_USAGE;
    }
    char stdin_copy[64] = "";
    if (cfg.input_script && strcmp(cfg.input_script, "-") == 0) {
        if (!copy_stdin(stdin_copy, sizeof stdin_copy))
            return EXIT_FAIL;
        cfg.input_script = stdin_copy;
    }
    if (cfg.screenshots && !sim_is_dir(cfg.screenshots)) {
        fprintf(stderr, "mfc-trainer gui: папки для снимков %s нет\n", cfg.screenshots);
        return EXIT_USAGE;
    }

    /* Every scenario under the root; broken ones are reported and left out. */
    SimBuf errors;
    simbuf_init(&errors);
    if (!sim_is_dir(paths->scenarios)) {
        /* The window still opens (profiles, the manager area); the start screen says why the
         * catalogue is empty. */
        fprintf(stderr, "mfc-trainer gui: ");
        fprintf(stderr, tr(STR_ERR_NO_SCENARIOS_DIR), paths->scenarios);
        fprintf(stderr, "\n");
        simbuf_printf(&errors, tr(STR_ERR_NO_SCENARIOS_DIR), paths->scenarios);
        simbuf_puts(&errors, ".");
    }
    size_t n = 0;
    char **dirs = scenario_list_dirs(paths->scenarios, &n);
    UiScenario *list = calloc(n ? n : 1, sizeof *list);
    UiBroken *broken = calloc(n ? n : 1, sizeof *broken);
    AppLoadCtx *ctx = calloc(n ? n : 1, sizeof *ctx); /* one per folder, kept for reloads */
    /* The pack's signature and file hashes, checked once before any scenario is parsed: each
     * scenario learns whether it may be examined and what to record with its attempts. */
    PackCheck *pack = app_pack_check(paths, paths->scenarios);
    UiPack *packs = calloc(n ? n : 1, sizeof *packs);
    AttemptInfo *pinfo = calloc(n ? n : 1, sizeof *pinfo);
    char **problems = calloc(n ? n : 1, sizeof *problems);
    for (size_t i = 0; i < n && packs && pinfo && problems; i++) {
        const char *folder = strrchr(dirs[i], '/') ? strrchr(dirs[i], '/') + 1 : dirs[i];
        problems[i] = app_pack_problem(pack, folder);
        app_pack_fill(pack, problems[i], &pinfo[i]);
        packs[i] = (UiPack){problems[i], pinfo[i].pack_hash, pinfo[i].pack_state,
                            pinfo[i].pack_key};
    }
    for (size_t i = 0; i < n && problems; i++)
        if (problems[i]) { /* training is allowed with a visible warning */
            simbuf_printf(&errors, tr(STR_PACK_WINDOW_WARN), problems[i]);
            fprintf(stderr, "mfc-trainer: ");
            fprintf(stderr, tr(STR_PACK_WINDOW_WARN), problems[i]);
            fprintf(stderr, "\n");
            break;
        }
    size_t ok = 0, nbroken = 0;
    for (size_t i = 0; i < n && list && ctx && broken && packs; i++) {
        SimDiags d;
        simdiags_init(&d);
        app_load_ctx_init(&ctx[i], dirs[i], &d);
        ScenarioLoadOptions lo = {.rules = ctx[i].rules, .scripts_dir = ctx[i].scripts_dir,
                                  .refbook = ctx[i].refbook};
        Scenario *s = scenario_load(dirs[i], &lo, &d);
        ScriptProgram *prog = NULL;
        SimError e;
        if (s && script_program_create(s, &prog, &e) != SIM_OK) {
            simdiags_add(&d, SIM_SEV_ERROR, s->script_name, 0, 0, "", "%s", e.msg);
            scenario_free(s);
            s = NULL;
        }
        if (!s) {
            app_print_diags(&d);
            simbuf_printf(&errors, "%sНе загружен сценарий %s: %zu ошибок (mfc-trainer check %s).",
                          errors.len ? " " : "", dirs[i], d.errors, dirs[i]);
            broken[nbroken].dir = dirs[i];
            broken[nbroken].pack = &packs[i];
            broken[nbroken++].load = lo;
        } else {
            list[ok].scenario = s;
            list[ok].program = prog;
            list[ok].load = lo;
            list[ok].pack = &packs[i];
            ok++;
        }
        simdiags_free(&d);
    }
    cfg.scenarios = list;
    cfg.scenario_count = ok;
    cfg.broken = broken;
    cfg.broken_count = nbroken;
    cfg.load_errors = simbuf_str(&errors);

    /* The «Справочник»: the reference book and the rules catalogue next to the scenarios. */
    AppLoadCtx book;
    SimDiags bd;
    simdiags_init(&bd);
    char *probe = sim_path_join(paths->scenarios, "_");
    memset(&book, 0, sizeof book);
    if (probe)
        app_load_ctx_init(&book, probe, &bd);
    free(probe);
    simdiags_free(&bd); /* its problems were reported with the scenarios that cite it */
    cfg.refbook = book.refbook;
    cfg.rules = book.rules;

    Store *store = NULL;
    char *dbpath = app_db_path(paths, db);
    SimError err;
    if (store_open(dbpath, &store, &err) != SIM_OK) {
        /* Results cannot be kept: say so, and let the trainee practise anyway. */
        fprintf(stderr, "mfc-trainer: %s\n", err.msg);
        simbuf_printf(&errors, "%sРезультаты не сохраняются: %s", errors.len ? " " : "", err.msg);
        cfg.load_errors = simbuf_str(&errors);
    }
    app_pin_sync(paths, store);
    cfg.store = store;
    cfg.db_path = dbpath;
    cfg.central = app_setting(paths, NULL, SIMCONF_CENTRAL);
    const char *iv = app_setting(paths, NULL, SIMCONF_SYNC_INTERVAL);
    cfg.sync_interval = iv ? atoi(iv) : 5;
    sim_error_clear(&err);
    if (cfg.font_path && !sim_is_file(cfg.font_path)) {
        /* A missing --font is not worth refusing to start: DejaVu Sans instead. */
        fprintf(stderr, "mfc-trainer gui: ");
        fprintf(stderr, tr(STR_FONT_FALLBACK), cfg.font_path);
        fprintf(stderr, "\n");
        cfg.font_path = NULL;
    }
    /* The window icon: PREFIX/share/mfc-trainer/mfc-trainer.png, or dist/icons/ in a build. */
    char *icon = paths->data ? sim_path_join(paths->data, paths->installed
                                                              ? "mfc-trainer.png"
                                                              : "dist/icons/64x64/mfc-trainer.png")
                             : NULL;
    cfg.icon_path = icon;
    char warning[SIM_ERROR_MAX] = "";
    cfg.warning = warning;
    int rc = ui_run(&cfg, &err);
    if (warning[0])
        fprintf(stderr, "mfc-trainer gui: %s\n", warning);
    if (rc != 0)
        fprintf(stderr, "mfc-trainer gui: %s\n", err.msg);
    store_close(store);
    free(dbpath);
    free(icon);
    if (stdin_copy[0])
        remove(stdin_copy);
    for (size_t i = 0; i < ok; i++) {
        script_program_destroy(list[i].program);
        scenario_free((Scenario *)list[i].scenario);
    }
    for (size_t i = 0; i < n && ctx; i++)
        app_load_ctx_free(&ctx[i]);
    app_load_ctx_free(&book);
    free(list);
    free(broken);
    free(ctx);
    for (size_t i = 0; i < n && problems; i++)
        free(problems[i]);
    free(problems);
    free(packs);
    free(pinfo);
    sec_pack_free(pack);
    simbuf_free(&errors);
    scenario_dirs_free(dirs, n);
    return rc == 0 ? EXIT_OK : EXIT_FAIL;
}
