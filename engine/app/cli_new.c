/*
 * cli_new.c — `mfc-trainer new ID --service SERVICE`: scaffolds scenarios/ID/ from the template
 * in scenarios/data/template/ (its @ID@ and @SERVICE@ replaced), so a methodologist starts from
 * a scenario that already passes `check --strict` and cites the reference book. Exit 0 when
 * created and valid, 1 when it could not be written, 2 on bad arguments.
 */
#include "app.h"

#include "../core/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int new_usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "mfc-trainer new: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s", tr(STR_NEW_USAGE));
    return EXIT_USAGE;
}

static int valid_id(const char *s)
{
    size_t n = strlen(s);
    if (n == 0 || n > 64)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-' ||
              s[i] == '_'))
            return 0;
    return 1;
}

/* text with every @ID@ and @SERVICE@ replaced; caller frees. */
static char *fill(const char *text, const char *id, const char *service)
{
    SimBuf b;
    simbuf_init(&b);
    for (const char *p = text; *p;) {
        if (strncmp(p, "@ID@", 4) == 0) {
            simbuf_puts(&b, id);
            p += 4;
        } else if (strncmp(p, "@SERVICE@", 9) == 0) {
            simbuf_puts(&b, service);
            p += 9;
        } else {
            simbuf_append(&b, p, 1);
            p++;
        }
    }
    return simbuf_take(&b);
}

static int write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wx"); /* never overwrite */
    if (!f)
        return 0;
    int ok = fputs(text, f) >= 0;
    return (fclose(f) == 0) && ok;
}

int cmd_new(int argc, char **argv, const AppPaths *paths)
{
    const char *id = NULL, *service = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(tr(STR_NEW_USAGE), stdout);
            return EXIT_OK;
        }
        if (strcmp(argv[i], "--service") == 0) {
            if (i + 1 >= argc)
                return new_usage(tr(STR_ERR_NEEDS_VALUE), "--service");
            service = argv[++i];
        } else if (argv[i][0] == '-') {
            return new_usage(tr(STR_ERR_UNKNOWN_OPTION), argv[i]);
        } else if (!id) {
            id = argv[i];
        } else {
            return new_usage(tr(STR_ERR_UNKNOWN_OPTION), argv[i]);
        }
    }
    if (!id)
        return new_usage("%s", tr(STR_NEW_NO_ID));
    if (!valid_id(id))
        return new_usage(tr(STR_NEW_BAD_ID), id);
    if (!service)
        return new_usage("%s", tr(STR_NEW_NO_SERVICE));
    char *dir = sim_path_join(paths->scenarios, id);
    SimDiags diags;
    simdiags_init(&diags);
    AppLoadCtx ctx;
    app_load_ctx_init(&ctx, dir, &diags);
    int rc = EXIT_USAGE;
    char *tpl_dir = NULL, *tpl_json = NULL, *tpl_lua = NULL, *json = NULL, *lua = NULL;
    char *jtext = NULL, *ltext = NULL, *jpath = NULL, *lpath = NULL;
    if (!ctx.refbook) {
        app_print_diags(&diags);
        fprintf(stderr, "mfc-trainer new: ");
        fprintf(stderr, tr(STR_NEW_NO_BOOK), ctx.refbook_path ? ctx.refbook_path : "?");
        fprintf(stderr, "\n");
        rc = EXIT_FAIL;
        goto done;
    }
    if (!refbook_find_service(ctx.refbook, service)) {
        SimBuf ids;
        simbuf_init(&ids);
        for (size_t i = 0; i < ctx.refbook->service_count; i++)
            simbuf_printf(&ids, "%s%s", i ? ", " : "", ctx.refbook->services[i].id);
        fprintf(stderr, "mfc-trainer new: ");
        fprintf(stderr, tr(STR_NEW_UNKNOWN_SERVICE), service, simbuf_str(&ids));
        fprintf(stderr, "\n");
        simbuf_free(&ids);
        goto done;
    }
    if (sim_is_dir(dir) || sim_is_file(dir)) {
        fprintf(stderr, "mfc-trainer new: ");
        fprintf(stderr, tr(STR_NEW_EXISTS), dir);
        fprintf(stderr, "\n");
        goto done;
    }
    rc = EXIT_FAIL;
    char *data = sim_path_join(paths->scenarios, "data");
    tpl_dir = sim_path_join(data, "template");
    free(data);
    tpl_json = sim_path_join(tpl_dir, "scenario.json");
    tpl_lua = sim_path_join(tpl_dir, "script.lua");
    size_t jl = 0, ll = 0;
    SimError err;
    if (sim_read_file(tpl_json, SCENARIO_MAX_FILE, &jtext, &jl, &err) != SIM_OK ||
        sim_read_file(tpl_lua, SCENARIO_MAX_FILE, &ltext, &ll, &err) != SIM_OK) {
        fprintf(stderr, "mfc-trainer new: ");
        fprintf(stderr, tr(STR_NEW_NO_TEMPLATE), tpl_dir, err.msg);
        fprintf(stderr, "\n");
        goto done;
    }
    json = fill(jtext, id, service);
    lua = fill(ltext, id, service);
    jpath = sim_path_join(dir, "scenario.json");
    lpath = sim_path_join(dir, "script.lua");
    if (mkdir(dir, 0755) != 0 || !write_text(jpath, json) || !write_text(lpath, lua)) {
        fprintf(stderr, "mfc-trainer new: ");
        fprintf(stderr, tr(STR_NEW_WRITE), dir, strerror(errno));
        fprintf(stderr, "\n");
        goto done;
    }
    /* The new folder must pass check as it is. */
    ScenarioLoadOptions lo = {.rules = ctx.rules,
                              .scripts_dir = ctx.scripts_dir,
                              .refbook = ctx.refbook};
    SimDiags d2;
    simdiags_init(&d2);
    Scenario *s = scenario_load(dir, &lo, &d2);
    app_print_diags(&d2);
    if (s && d2.warnings == 0) {
        printf(tr(STR_NEW_DONE), dir,
               ctx.refbook ? refbook_find_service(ctx.refbook, service)->title : service, id, id);
        printf("\n");
        rc = EXIT_OK;
    }
    scenario_free(s);
    simdiags_free(&d2);
done:
    free(tpl_dir);
    free(tpl_json);
    free(tpl_lua);
    free(jtext);
    free(ltext);
    free(json);
    free(lua);
    free(jpath);
    free(lpath);
    app_load_ctx_free(&ctx);
    simdiags_free(&diags);
    free(dir);
    return rc;
}
