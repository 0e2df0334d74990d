/*
 * cli_check.c — `mfc-trainer check [--strict] [PATH...]`: validates scenario folders (or
 * folders of them) and prints every problem as FILE:LINE:COL: error|warning: PATH: MESSAGE.
 * Exit 0 when all are valid (with --strict: also without warnings), 1 otherwise, 2 on bad
 * flags or paths.
 */
#include "app.h"

#include "../core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Lua reports "<chunk>:<line>: message"; show it as "<chunk>:<line>:1: error: message" so the
 * script error reads like every other diagnostic. */
static void add_script_diag(SimDiags *d, const char *script_name, const char *msg)
{
    /* Lua may shorten a long path ("...s/x/script.lua:12: …"): look for the file name. */
    const char *base = strrchr(script_name, '/');
    base = base ? base + 1 : script_name;
    size_t n = strlen(base);
    int line = 0;
    const char *rest = msg;
    const char *at = strstr(msg, base);
    const char *nl = strchr(msg, '\n');
    if (at && (!nl || at < nl) && at[n] == ':') {
        char *end;
        long l = strtol(at + n + 1, &end, 10);
        if (end != at + n + 1 && *end == ':') {
            line = (int)l;
            rest = end + 1;
            while (*rest == ' ')
                rest++;
        }
    }
    simdiags_add(d, SIM_SEV_ERROR, script_name, line, line ? 1 : 0, "", "%s", rest);
}

typedef struct CheckTotals {
    size_t scenarios, bad, errors, warnings;
    char *linted; /* the rules file whose shared data was already linted (owned) */
} CheckTotals;

/* Every norm and figure a trainee reads must say where it was confirmed and when, or be
 * marked as still to verify (issue #11): one warning per entry with neither. The shared data
 * is linted once per pack, not once per scenario. */
static void lint_provenance(const AppLoadCtx *ctx, SimDiags *d)
{
    for (size_t i = 0; ctx->rules && i < ctx->rules->count; i++) {
        const Rule *r = &ctx->rules->rules[i];
        if (!r->verify && !r->prov.checked)
            simdiags_add(d, SIM_SEV_WARNING, ctx->rules->path, r->prov.line, r->prov.col, "",
                         tr(STR_CHECK_NO_SOURCE_RULE), r->id);
    }
    const RefBook *b = ctx->refbook;
    for (size_t i = 0; b && i < b->service_count; i++)
        if (!b->services[i].verify && !b->services[i].prov.checked)
            simdiags_add(d, SIM_SEV_WARNING, b->path, b->services[i].prov.line,
                         b->services[i].prov.col, "", tr(STR_CHECK_NO_SOURCE_SERVICE),
                         b->services[i].id ? b->services[i].id : "?");
    for (size_t i = 0; b && i < b->value_count; i++)
        if (!b->values[i].verify && !b->values[i].prov.checked)
            simdiags_add(d, SIM_SEV_WARNING, b->path, b->values[i].prov.line, b->values[i].prov.col,
                         "", tr(STR_CHECK_NO_SOURCE_VALUE), b->values[i].key);
}

static void check_one(const char *dir, const ScriptLimits *limits, CheckTotals *t)
{
    SimDiags diags;
    simdiags_init(&diags);
    AppLoadCtx ctx;
    app_load_ctx_init(&ctx, dir, &diags);
    if (!ctx.rules && ctx.rules_path && !sim_is_file(ctx.rules_path))
        simdiags_add(&diags, SIM_SEV_WARNING, ctx.rules_path, 0, 0, "", "%s",
                     tr(STR_CHECK_NO_RULES));
    if (ctx.rules_path && (!t->linted || strcmp(t->linted, ctx.rules_path) != 0)) {
        lint_provenance(&ctx, &diags);
        free(t->linted);
        t->linted = sim_strdup(ctx.rules_path);
    }
    ScenarioLoadOptions opt = {.rules = ctx.rules,
                               .scripts_dir = ctx.scripts_dir,
                               .refbook = ctx.refbook};
    Scenario *s = scenario_load(dir, &opt, &diags);
    if (s && s->script) {
        /* Compile and run the main chunk in a sandbox so syntax errors show with their line. */
        Session *ss = NULL;
        SessionOptions so = {.seed = 1, .mode = MODE_TRAINING, .limits = *limits};
        SimError err;
        if (session_create(s, &so, &ss, &err) != SIM_OK) {
            add_script_diag(&diags, s->script_name, err.msg);
        } else {
            for (size_t i = 0; i < session_script_error_count(ss); i++)
                add_script_diag(&diags, s->script_name, session_script_error(ss, i));
            session_destroy(ss);
        }
    }
    app_print_diags(&diags);
    t->scenarios++;
    t->errors += diags.errors;
    t->warnings += diags.warnings;
    if (diags.errors || !s)
        t->bad++;
    else {
        printf(tr(STR_CHECK_OK), dir, s->title);
        printf("\n");
    }
    scenario_free(s);
    app_load_ctx_free(&ctx);
    simdiags_free(&diags);
}

static int check_path(const char *path, const ScriptLimits *limits, CheckTotals *t)
{
    char *json = sim_path_join(path, "scenario.json");
    int single = sim_is_file(json);
    free(json);
    if (single) {
        check_one(path, limits, t);
        return 1;
    }
    if (!sim_is_dir(path))
        return 0;
    size_t n;
    char **dirs = scenario_list_dirs(path, &n);
    for (size_t i = 0; i < n; i++)
        check_one(dirs[i], limits, t);
    scenario_dirs_free(dirs, n);
    if (n == 0) {
        fprintf(stderr, tr(STR_CHECK_NONE), path);
        fprintf(stderr, "\n");
    }
    return 1;
}

int cmd_check(int argc, char **argv, const AppPaths *paths)
{
    int strict = 0;
    CheckTotals t = {0, 0, 0, 0, NULL};
    int npaths = 0;
    ScriptLimits limits;
    if (app_limits_init(&limits, "check") != EXIT_OK)
        return EXIT_USAGE;
    for (int i = 0; i < argc; i++) {
        int lim = app_limits_flag(argc, argv, &i, &limits, "check");
        if (lim < 0)
            return EXIT_USAGE;
        if (lim > 0)
            continue;
        if (strcmp(argv[i], "--strict") == 0) {
            strict = 1;
        } else if (argv[i][0] == '-' && argv[i][1] == '-') {
            fprintf(stderr, "mfc-trainer check: ");
            fprintf(stderr, tr(STR_ERR_UNKNOWN_OPTION), argv[i]);
            fprintf(stderr, "\n");
            return EXIT_USAGE;
        }
    }
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--lua-time-ms") == 0 || strcmp(argv[i], "--lua-mem-mb") == 0) {
            i++; /* its value is not a path */
            continue;
        }
        if (argv[i][0] == '-' && argv[i][1] == '-')
            continue;
        npaths++;
        char *dir = NULL;
        if (!sim_is_dir(argv[i]))
            dir = app_resolve_scenario(paths, argv[i]);
        if (!check_path(dir ? dir : argv[i], &limits, &t)) {
            fprintf(stderr, "mfc-trainer check: ");
            fprintf(stderr, tr(STR_ERR_SCENARIO_NOT_FOUND), argv[i], paths->scenarios);
            fprintf(stderr, "\n");
            free(dir);
            free(t.linted);
            return EXIT_USAGE;
        }
        free(dir);
    }
    if (npaths == 0 && !check_path(paths->scenarios, &limits, &t)) {
        fprintf(stderr, "mfc-trainer check: ");
        fprintf(stderr, tr(STR_ERR_NO_SCENARIOS_DIR), paths->scenarios);
        fprintf(stderr, "\n");
        free(t.linted);
        return EXIT_USAGE;
    }
    free(t.linted);
    printf(tr(STR_CHECK_SUMMARY), t.scenarios, t.bad, t.errors, t.warnings);
    printf("\n");
    if (t.bad || t.scenarios == 0 || (strict && t.warnings))
        return EXIT_FAIL;
    return EXIT_OK;
}
