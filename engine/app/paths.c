/*
 * paths.c — where the bundled scenarios, rules and shared scripts are, and where the system
 * configuration is: found from the program's own place (an install prefix or a build tree).
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "app.h"

#include "../core/i18n.h"
#include "../pack/pack.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *app_parent_dir(const char *path)
{
    char *p = sim_strdup(path);
    if (!p)
        return NULL;
    size_t n = strlen(p);
    while (n > 1 && p[n - 1] == '/')
        p[--n] = '\0';
    char *slash = strrchr(p, '/');
    if (!slash) {
        free(p);
        return sim_strdup(".");
    }
    if (slash == p)
        slash[1] = '\0';
    else
        *slash = '\0';
    return p;
}

/* The folder of the running program, or NULL. Caller frees. */
static char *exe_dir(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = '\0';
    return app_parent_dir(exe);
}

/* An installed program lives in PREFIX/bin with its data in PREFIX/share/mfc-trainer; the
 * prefix is found from the program's own place, so a tree unpacked anywhere (DESTDIR,
 * `dpkg -x`) finds its own data. Returns PREFIX/share/mfc-trainer or NULL (a build tree). */
static char *installed_data_dir(const char *bin)
{
    const char *base = strrchr(bin, '/');
    if (!base || strcmp(base + 1, "bin") != 0)
        return NULL;
    char *prefix = app_parent_dir(bin);
    char *data = prefix ? sim_path_join(prefix, "share/mfc-trainer") : NULL;
    free(prefix);
    if (data && sim_is_dir(data))
        return data;
    free(data);
    return NULL;
}

/* /etc/mfc-trainer for a program in /usr/bin or /usr/local/bin; ROOT/etc/mfc-trainer for one
 * unpacked into ROOT/usr/bin (a package tree under test). */
static char *system_config_dir(const char *bin)
{
    if (!bin)
        return sim_strdup(SIM_SYSCONFDIR);
    char *prefix = app_parent_dir(bin);
    size_t n = prefix ? strlen(prefix) : 0;
    char *dir = NULL, *data = installed_data_dir(bin);
    if (prefix && n > 4 && strcmp(prefix + n - 4, "/usr") == 0 && data) {
        char *root = app_parent_dir(prefix);
        dir = root ? sim_path_join(root, "etc/mfc-trainer") : NULL;
        free(root);
    }
    free(data);
    free(prefix);
    return dir ? dir : sim_strdup(SIM_SYSCONFDIR);
}

void app_paths_init(AppPaths *p, const char *override)
{
    *p = (AppPaths){0};
    char *bin = exe_dir();
    char *data = bin ? installed_data_dir(bin) : NULL;
    p->installed = data != NULL;
    p->sysconf = system_config_dir(bin);
    if (data) {
        p->data = data;
    } else if (bin) {
        /* A build tree: build/mfc-trainer next to the source's scenarios/ and assets/. */
        p->data = app_parent_dir(bin);
    }
    if (override) {
        p->scenarios = sim_strdup(override);
    } else if (getenv("MFC_SCENARIOS") && *getenv("MFC_SCENARIOS")) {
        p->scenarios = sim_strdup(getenv("MFC_SCENARIOS"));
    } else if (p->installed) {
        /* An installed program never picks up a ./scenarios from wherever it was started. */
        p->scenarios = sim_path_join(p->data, "scenarios");
        p->bundled = 1;
    } else if (sim_is_dir("scenarios")) {
        p->scenarios = sim_strdup("scenarios");
    } else {
        char *cand = p->data ? sim_path_join(p->data, "scenarios") : NULL;
        if (cand && sim_is_dir(cand))
            p->scenarios = cand;
        else
            free(cand);
        p->bundled = 1;
    }
    if (!p->scenarios)
        p->scenarios = sim_strdup("scenarios");
    free(bin);
}

char *app_packs_dir(const AppPaths *p, const char *flag_value)
{
    const char *v = app_setting(p, flag_value, SIMCONF_PACKS);
    if (v)
        return sim_strdup(v);
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    SimBuf b;
    simbuf_init(&b);
    if (xdg && *xdg)
        simbuf_printf(&b, "%s/mfc-trainer/packs", xdg);
    else
        simbuf_printf(&b, "%s/.local/share/mfc-trainer/packs", home && *home ? home : ".");
    return simbuf_take(&b);
}

void app_paths_use_pack(AppPaths *p)
{
    if (!p->bundled)
        return; /* a folder the user named, or a working folder's ./scenarios */
    char *dir = app_packs_dir(p, NULL);
    PackInfo info;
    int ok = dir && pack_current(dir, &info, NULL);
    char *root = ok ? pack_scenarios_dir(dir, info.version) : NULL;
    if (root && pack_hold(dir, info.version)) {
        /* An office PC: the pack the centre sent (or `pack install`), before the bundled one. */
        free(p->scenarios);
        p->scenarios = root;
        p->pack_version = sim_strdup(info.version);
        p->bundled = 0;
        root = NULL;
    }
    if (dir)
        pack_info_free(&info);
    free(root);
    free(dir);
}

void app_paths_free(AppPaths *p)
{
    simconf_destroy(p->conf);
    p->conf = NULL;
    free(p->scenarios);
    free(p->data);
    free(p->sysconf);
    free(p->pack_version);
    *p = (AppPaths){0};
}

char *app_resolve_scenario(const AppPaths *p, const char *arg)
{
    if (sim_is_dir(arg)) {
        char *json = sim_path_join(arg, "scenario.json");
        int ok = sim_is_file(json);
        free(json);
        if (ok) {
            /* Drop trailing slashes so the folder name matches the id. */
            char *d = sim_strdup(arg);
            size_t n = d ? strlen(d) : 0;
            while (n > 1 && d[n - 1] == '/')
                d[--n] = '\0';
            return d;
        }
    }
    if (strchr(arg, '/'))
        return NULL;
    char *dir = sim_path_join(p->scenarios, arg);
    if (dir && sim_is_dir(dir))
        return dir;
    free(dir);
    return NULL;
}

void app_load_ctx_init(AppLoadCtx *c, const char *scenario_dir, SimDiags *diags)
{
    memset(c, 0, sizeof *c);
    char *root = app_parent_dir(scenario_dir);
    if (!root)
        return;
    char *data = sim_path_join(root, "data");
    c->rules_path = sim_path_join(data, "rules.json");
    c->refbook_path = sim_path_join(data, "services.json");
    free(data);
    if (c->rules_path && sim_is_file(c->rules_path))
        c->rules = rules_load(c->rules_path, diags);
    if (c->refbook_path && sim_is_file(c->refbook_path))
        c->refbook = refbook_load(c->refbook_path, c->rules, diags);
    /* The shared scripts are <root>/../scripts as the file system resolves it — through a
     * symlinked scenarios folder too — because that is the folder the pack's signature
     * covers (crypto.c). Building the path as a string would load a ./scripts the
     * signature never saw (issue #16, finding 1). */
    char *real = realpath(root, NULL);
    char *up = app_parent_dir(real ? real : root);
    free(real);
    char *scripts = up ? sim_path_join(up, "scripts") : NULL;
    if (scripts && sim_is_dir(scripts))
        c->scripts_dir = scripts;
    else
        free(scripts);
    free(up);
    free(root);
}

void app_load_ctx_free(AppLoadCtx *c)
{
    refbook_free(c->refbook);
    rules_free(c->rules);
    free(c->rules_path);
    free(c->refbook_path);
    free(c->scripts_dir);
    memset(c, 0, sizeof *c);
}

void app_print_diags(const SimDiags *d)
{
    for (size_t i = 0; i < d->count; i++) {
        char *line = simdiag_format(&d->items[i]);
        fprintf(stderr, "%s\n", line);
        free(line);
    }
    size_t shown = d->count, total = d->errors + d->warnings;
    if (total > shown)
        fprintf(stderr, tr(STR_MORE_MESSAGES), total - shown);
}

int app_scenario_open(AppScenario *a, const AppPaths *p, const char *arg, const char *cmd)
{
    memset(a, 0, sizeof *a);
    simdiags_init(&a->diags);
    a->dir = app_resolve_scenario(p, arg);
    if (!a->dir) {
        fprintf(stderr, "mfc-trainer %s: ", cmd);
        fprintf(stderr, tr(STR_ERR_SCENARIO_NOT_FOUND), arg, p->scenarios);
        fprintf(stderr, "\n");
        return EXIT_USAGE;
    }
    app_load_ctx_init(&a->ctx, a->dir, &a->diags);
    ScenarioLoadOptions lo = {.rules = a->ctx.rules,
                              .scripts_dir = a->ctx.scripts_dir,
                              .refbook = a->ctx.refbook};
    a->s = scenario_load(a->dir, &lo, &a->diags);
    app_print_diags(&a->diags);
    if (!a->s) {
        fprintf(stderr, "mfc-trainer %s: ", cmd);
        fprintf(stderr, tr(STR_ERR_SCENARIO_INVALID), a->dir, a->dir);
        fprintf(stderr, "\n");
        return EXIT_FAIL;
    }
    SimError err;
    if (a->s->script && script_program_create(a->s, &a->prog, &err) != SIM_OK) {
        fprintf(stderr, "mfc-trainer %s: %s\n", cmd, err.msg);
        return EXIT_FAIL;
    }
    return EXIT_OK;
}

void app_scenario_close(AppScenario *a)
{
    script_program_destroy(a->prog);
    scenario_free(a->s);
    if (a->dir)
        app_load_ctx_free(&a->ctx);
    simdiags_free(&a->diags);
    free(a->dir);
    memset(a, 0, sizeof *a);
}

SimStatus app_read_input(const char *path, size_t max_size, char **out, size_t *len, SimError *err)
{
    if (strcmp(path, "-") != 0)
        return sim_read_file(path, max_size, out, len, err);
    *out = NULL;
    *len = 0;
    SimBuf b;
    simbuf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
        if (b.len + n > max_size) {
            simbuf_free(&b);
            return sim_error_set(err, SIM_ERR_INVALID, tr(STR_ERR_STDIN_TOO_LARGE), max_size);
        }
        simbuf_append(&b, chunk, n);
    }
    if (ferror(stdin) || b.oom) {
        simbuf_free(&b);
        return sim_error_set(err, SIM_ERR_IO, "%s", tr(STR_ERR_STDIN_READ));
    }
    *len = b.len;
    *out = simbuf_take(&b);
    return *out ? SIM_OK : sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_ERR_STDIN_READ));
}

int app_write_output(const char *path, const char *text, size_t n)
{
    AppPiece one = {text, n};
    return app_write_pieces(path, &one, 1);
}

int app_write_pieces(const char *path, const AppPiece *p, size_t count)
{
    int std = strcmp(path, "-") == 0;
    FILE *f = std ? stdout : fopen(path, "wb");
    if (!f)
        return 0;
    int ok = 1;
    for (size_t i = 0; ok && i < count; i++)
        ok = fwrite(p[i].text, 1, p[i].len, f) == p[i].len;
    ok &= std ? fflush(f) == 0 : fclose(f) == 0;
    return ok;
}

void app_config_load(AppPaths *p)
{
    p->conf = simconf_create();
    if (!p->conf)
        return;
    SimDiags d;
    simdiags_init(&d);
    SimError err;
    /* The system layer lives in the program's own /etc (ROOT/etc/mfc-trainer for a package
     * unpacked under ROOT), unless MFC_SYSTEM_CONFIG names another file. */
    const char *env = getenv("MFC_SYSTEM_CONFIG");
    char *sys = env && *env ? sim_strdup(env)
                            : sim_path_join(p->sysconf ? p->sysconf : "/etc/mfc-trainer",
                                            "mfc-trainer.conf");
    if (sys && simconf_load_file(p->conf, sys, &d, &err) != SIM_OK)
        fprintf(stderr, "mfc-trainer: %s\n", err.msg);
    free(sys);
    char *user = simconf_user_path();
    if (user && simconf_load_file(p->conf, user, &d, &err) != SIM_OK)
        fprintf(stderr, "mfc-trainer: %s\n", err.msg);
    free(user);
    for (size_t i = 0; i < d.count; i++) {
        const SimDiag *x = &d.items[i];
        fprintf(stderr, "%s:%d: %s\n", x->file, x->line, x->message);
    }
    simdiags_free(&d);
}

const char *app_setting(const AppPaths *p, const char *flag_value, const char *key)
{
    if (flag_value)
        return flag_value;
    return p ? simconf_get(p->conf, key) : NULL;
}

char *app_db_path(const AppPaths *p, const char *flag_value)
{
    const char *v = app_setting(p, flag_value, SIMCONF_DB);
    return v ? sim_strdup(v) : store_default_path();
}
