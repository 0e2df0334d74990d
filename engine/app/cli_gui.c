/*
 * cli_gui.c — `mfc-trainer [gui]`: loads every scenario, opens the results database and runs
 * the window. A broken scenario is left out with its errors shown on the start screen; the
 * others load. With --input-script the window plays the script and exits (automation).
 */
#include "app.h"

#include "../core/i18n.h"
#include "../pack/pack.h"
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
    snprintf(path, n, "%s/mfc-trainer-input-XXXXXX",
             tmp && *tmp && strlen(tmp) < 32 ? tmp : "/tmp");
    char *text = NULL;
    size_t len = 0;
    SimError err;
    int fd = -1;
    int ok =
        app_read_input("-", 1u << 20, &text, &len, &err) == SIM_OK && (fd = mkstemp(path)) >= 0;
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

/* The window's scenarios, loaded in two steps (issue #14): the first screen's now, the rest
 * once that screen is shown (UiConfig.load_rest). Each folder's outcome is kept in its slot;
 * gui_publish lays the loaded ones out in folder order, as the window expects. */
typedef struct GuiSlot {
    int tried;
    int ok;
    UiScenario scen; /* when ok: owned (freed by cmd_gui) */
} GuiSlot;

typedef struct GuiLoad {
    UiConfig *cfg;
    char **dirs; /* owned; sorted */
    size_t n;
    GuiSlot *slots;        /* n, owned */
    UiScenario *list;      /* n, owned; cfg->scenarios */
    UiBroken *broken;      /* n, owned; cfg->broken */
    const UiPack *packs;   /* n, borrowed */
    AppLoadCtx shared;     /* the rules and the «Справочник» of the root, owned */
    SimDiags shared_diags; /* what loading them said: merged into each scenario's messages */
    SimBuf *errors;        /* cfg->load_errors, borrowed */
} GuiLoad;

static void gui_load_one(GuiLoad *gl, size_t i)
{
    GuiSlot *sl = &gl->slots[i];
    if (sl->tried)
        return;
    sl->tried = 1;
    SimDiags d;
    simdiags_init(&d);
    simdiags_merge(&d, &gl->shared_diags);
    ScenarioLoadOptions lo = {.rules = gl->shared.rules,
                              .scripts_dir = gl->shared.scripts_dir,
                              .refbook = gl->shared.refbook};
    Scenario *s = scenario_load(gl->dirs[i], &lo, &d);
    ScriptProgram *prog = NULL;
    SimError e;
    if (s && script_program_create(s, &prog, &e) != SIM_OK) {
        simdiags_add(&d, SIM_SEV_ERROR, s->script_name, 0, 0, "", "%s", e.msg);
        scenario_free(s);
        s = NULL;
    }
    if (!s) {
        app_print_diags(&d);
        simbuf_printf(gl->errors, tr(STR_GUI_SCENARIO_NOT_LOADED), gl->errors->len ? " " : "",
                      gl->dirs[i], d.errors, gl->dirs[i]);
    }
    sl->ok = s != NULL;
    sl->scen = (UiScenario){.scenario = s, .program = prog, .load = lo, .pack = &gl->packs[i]};
    simdiags_free(&d);
}

/* The loaded scenarios and the broken folders, in folder order, into the configuration. */
static void gui_publish(GuiLoad *gl)
{
    size_t ok = 0, nbroken = 0;
    for (size_t i = 0; i < gl->n; i++) {
        const GuiSlot *sl = &gl->slots[i];
        if (!sl->tried)
            continue;
        if (sl->ok)
            gl->list[ok++] = sl->scen;
        else
            gl->broken[nbroken++] = (UiBroken){gl->dirs[i], sl->scen.load, sl->scen.pack};
    }
    gl->cfg->scenarios = gl->list;
    gl->cfg->scenario_count = ok;
    gl->cfg->broken = gl->broken;
    gl->cfg->broken_count = nbroken;
    gl->cfg->load_errors = simbuf_str(gl->errors);
}

/* UiConfig.load_rest: the next folder not yet tried; everything published after the last. */
static int gui_load_next(void *ctx)
{
    GuiLoad *gl = ctx;
    for (size_t i = 0; i < gl->n && gl->slots && gl->list && gl->broken && gl->packs; i++)
        if (!gl->slots[i].tried) {
            gui_load_one(gl, i);
            return 1;
        }
    gui_publish(gl);
    return 0;
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
                    fprintf(stderr, "%s", tr(STR_GUI_BAD_SIZE));
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
        fprintf(stderr, tr(STR_GUI_NO_SHOTS_DIR), cfg.screenshots);
        return EXIT_USAGE;
    }

    /* Every scenario under the root; broken ones are reported and left out. What the first
     * screen needs is loaded now; the rest after that screen is shown (load_rest). */
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
    GuiLoad gl = {.cfg = &cfg, .errors = &errors};
    gl.dirs = scenario_list_dirs(paths->scenarios, &gl.n);
    size_t n = gl.n;
    gl.slots = calloc(n ? n : 1, sizeof *gl.slots);
    gl.list = calloc(n ? n : 1, sizeof *gl.list);
    gl.broken = calloc(n ? n : 1, sizeof *gl.broken);
    /* The pack's signature and file hashes, checked once before any scenario is parsed: each
     * scenario learns whether it may be examined and what to record with its attempts. */
    PackCheck *pack = app_pack_check(paths, paths->scenarios);
    char pack_version[sizeof((AttemptInfo *)0)->pack_version];
    app_pack_version(paths->scenarios, pack, pack_version, sizeof pack_version);
    UiPack *packs = calloc(n ? n : 1, sizeof *packs);
    AttemptInfo *pinfo = calloc(n ? n : 1, sizeof *pinfo);
    char **problems = calloc(n ? n : 1, sizeof *problems);
    gl.packs = packs;
    for (size_t i = 0; i < n && packs && pinfo && problems; i++) {
        const char *folder = strrchr(gl.dirs[i], '/') ? strrchr(gl.dirs[i], '/') + 1 : gl.dirs[i];
        problems[i] = app_pack_problem(pack, folder);
        app_pack_fill(pack, problems[i], &pinfo[i]);
        packs[i] = (UiPack){problems[i], pinfo[i].pack_hash, pinfo[i].pack_state, pinfo[i].pack_key,
                            pack_version};
    }
    for (size_t i = 0; i < n && problems; i++)
        if (problems[i]) { /* training is allowed with a visible warning */
            simbuf_printf(&errors, tr(STR_PACK_WINDOW_WARN), problems[i]);
            fprintf(stderr, "mfc-trainer: ");
            fprintf(stderr, tr(STR_PACK_WINDOW_WARN), problems[i]);
            fprintf(stderr, "\n");
            break;
        }

    /* The rules catalogue and the «Справочник» next to the scenarios: every folder under the
     * root shares them, so they are read once (not once per scenario); their problems are
     * reported with each scenario that cites them, as before. */
    simdiags_init(&gl.shared_diags);
    char *probe = sim_path_join(paths->scenarios, "_");
    if (probe)
        app_load_ctx_init(&gl.shared, probe, &gl.shared_diags);
    free(probe);
    cfg.refbook = gl.shared.refbook;
    cfg.rules = gl.shared.rules;

    /* --scenario ID goes straight to the office: only that folder now. The start screen needs
     * no scenario: none now (what did not load appears on it a moment later). When no folder
     * has the name given, everything now, so that the window can say why it did not start. */
    size_t first = n;
    for (size_t i = 0; cfg.start_scenario && i < n; i++) {
        const char *folder = strrchr(gl.dirs[i], '/') ? strrchr(gl.dirs[i], '/') + 1 : gl.dirs[i];
        if (strcmp(folder, cfg.start_scenario) == 0)
            first = i;
    }
    int defer = cfg.start_scenario ? first < n : 1;
    if (defer && gl.slots && gl.list && gl.broken && packs) {
        if (first < n)
            gui_load_one(&gl, first);
        gui_publish(&gl);
        cfg.load_rest = gui_load_next;
        cfg.load_ctx = &gl;
    } else {
        while (gui_load_next(&gl))
            ;
    }

    Store *store = NULL;
    char *dbpath = app_db_path(paths, db);
    SimError err;
    if (store_open(dbpath, &store, &err) != SIM_OK) {
        /* Results cannot be kept: say so, and let the trainee practise anyway. */
        fprintf(stderr, "mfc-trainer: %s\n", err.msg);
        simbuf_printf(&errors, tr(STR_GUI_RESULTS_NOT_SAVED), errors.len ? " " : "", err.msg);
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
    /* The window icon: PREFIX/share/mfc-trainer/mfc-trainer.bmp, or dist/icons/ in a build. A
     * BMP, which SDL reads itself: a PNG would need SDL_image (and its codecs) at every start. */
    char *icon = paths->data ? sim_path_join(paths->data, paths->installed
                                                              ? "mfc-trainer.bmp"
                                                              : "dist/icons/64x64/mfc-trainer.bmp")
                             : NULL;
    cfg.icon_path = icon;
    char warning[SIM_ERROR_MAX] = "";
    cfg.warning = warning;
    /* A pack installed since the window last showed its notice (issue #13): the catalogue
     * says which version arrived and what changed, once. */
    char *packs_dir = paths->pack_version ? app_packs_dir(paths, NULL) : NULL;
    SimBuf notice;
    simbuf_init(&notice);
    PackInfo installed;
    if (packs_dir && pack_current(packs_dir, &installed, NULL)) {
        if (strcmp(installed.version, paths->pack_version) == 0 &&
            pack_unseen(packs_dir, installed.version)) {
            if (installed.changelog && *installed.changelog)
                simbuf_printf(&notice, tr(STR_PACK_NOTICE), installed.version, installed.changelog);
            else
                simbuf_printf(&notice, tr(STR_PACK_NOTICE_PLAIN), installed.version);
            for (size_t k = 0; k < notice.len; k++) /* one line at the catalogue's foot */
                if (notice.data[k] == '\n' || notice.data[k] == '\t')
                    notice.data[k] = ' ';
            cfg.pack_notice = simbuf_str(&notice);
        }
        pack_info_free(&installed);
    }
    int rc = ui_run(&cfg, &err);
    if (cfg.pack_notice && rc == 0)
        pack_mark_seen(packs_dir, paths->pack_version);
    simbuf_free(&notice);
    free(packs_dir);
    if (warning[0])
        fprintf(stderr, "mfc-trainer gui: %s\n", warning);
    if (rc != 0)
        fprintf(stderr, "mfc-trainer gui: %s\n", err.msg);
    store_close(store);
    free(dbpath);
    free(icon);
    if (stdin_copy[0])
        remove(stdin_copy);
    for (size_t i = 0; i < n && gl.slots; i++)
        if (gl.slots[i].scen.scenario) {
            script_program_destroy(gl.slots[i].scen.program);
            scenario_free((Scenario *)gl.slots[i].scen.scenario);
        }
    app_load_ctx_free(&gl.shared);
    simdiags_free(&gl.shared_diags);
    free(gl.slots);
    free(gl.list);
    free(gl.broken);
    for (size_t i = 0; i < n && problems; i++)
        free(problems[i]);
    free(problems);
    free(packs);
    free(pinfo);
    sec_pack_free(pack);
    simbuf_free(&errors);
    scenario_dirs_free(gl.dirs, n);
    return rc == 0 ? EXIT_OK : EXIT_FAIL;
}
