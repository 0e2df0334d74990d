/*
 * paths.c — where the bundled scenarios, rules and shared scripts are.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "app.h"

#include "../core/i18n.h"

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

void app_paths_init(AppPaths *p, const char *override)
{
    p->scenarios = NULL;
    if (override) {
        p->scenarios = sim_strdup(override);
        return;
    }
    const char *env = getenv("MFC_SCENARIOS");
    if (env && *env) {
        p->scenarios = sim_strdup(env);
        return;
    }
    if (sim_is_dir("scenarios")) {
        p->scenarios = sim_strdup("scenarios");
        return;
    }
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *bin = app_parent_dir(exe);
        char *up = bin ? app_parent_dir(bin) : NULL;
        char *cand = up ? sim_path_join(up, "scenarios") : NULL;
        if (cand && sim_is_dir(cand)) {
            p->scenarios = cand;
            cand = NULL;
        }
        free(cand);
        free(up);
        free(bin);
    }
    if (!p->scenarios)
        p->scenarios = sim_strdup("scenarios");
}

void app_paths_free(AppPaths *p)
{
    free(p->scenarios);
    p->scenarios = NULL;
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
    ScenarioLoadOptions lo = {.rules = a->ctx.rules, .scripts_dir = a->ctx.scripts_dir,
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
