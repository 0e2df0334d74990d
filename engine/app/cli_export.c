/*
 * cli_export.c — `mfc-trainer export`: results for other systems.
 *
 *   export --format xapi [--db FILE] [--since DATE] [--home-page URL] [--output FILE]
 *          [--guests] [--cmi5]
 * writes xAPI 1.0.3 statements of every attempt in the results database as one JSON array
 * (engine/store/export.h), to standard output or to FILE. Exit codes: 0 done, 1 the database
 * or the output could not be used, 2 bad arguments.
 * Also the helpers every xAPI command shares (lrs push): the answers' words from the
 * scenarios the attempts were played with, and the PC's office and installation.
 * Depends on: store (export), session (an action in words), central (the identity), core.
 */
#include "app.h"

#include "../central/region.h"
#include "../store/export.h"
#include "../store/store.h"

#include "../core/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>


typedef struct ExportOpts {
    const char *format, *db, *since, *home_page, *output;
    int help, guests, cmi5;
} ExportOpts;

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "mfc-trainer export: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n");
    return EXIT_USAGE;
}

static int parse_args(int argc, char **argv, ExportOpts *o)
{
    memset(o, 0, sizeof *o);
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        const char **slot = NULL;
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            o->help = 1;
            continue;
        }
        if (strcmp(a, "--guests") == 0 || strcmp(a, "--cmi5") == 0) {
            *(a[2] == 'g' ? &o->guests : &o->cmi5) = 1;
            continue;
        }
        if (strcmp(a, "--format") == 0)
            slot = &o->format;
        else if (strcmp(a, "--db") == 0)
            slot = &o->db;
        else if (strcmp(a, "--since") == 0)
            slot = &o->since;
        else if (strcmp(a, "--home-page") == 0)
            slot = &o->home_page;
        else if (strcmp(a, "--output") == 0)
            slot = &o->output;
        else
            return usage_error(tr(STR_ERR_UNKNOWN_OPTION), a);
        if (i + 1 >= argc || !*argv[i + 1])
            return usage_error(tr(STR_ERR_NEEDS_VALUE), a);
        *slot = argv[++i];
    }
    if (o->help)
        return EXIT_OK;
    if (o->output && strcmp(o->output, "-") == 0)
        o->output = NULL; /* "-" is standard output, as with no --output */
    if (!o->format)
        return usage_error("%s", tr(STR_ERR_EXPORT_NO_FORMAT));
    if (strcmp(o->format, "xapi") != 0)
        return usage_error(tr(STR_ERR_EXPORT_FORMAT), o->format);
    if (o->since && !store_export_since_ok(o->since))
        return usage_error(tr(STR_ERR_EXPORT_BAD_DATE), o->since);
    if (o->home_page && !store_export_home_page_ok(o->home_page))
        return usage_error(tr(STR_ERR_EXPORT_BAD_HOME_PAGE), o->home_page);
    return EXIT_OK;
}

/* ==== shared with lrs push ================================================================ */

/* One scenario folder loaded for its words, by id (NULL s: not loadable). */
typedef struct NamedScenario {
    char *id;
    Scenario *s;
} NamedScenario;

struct AppXapiNames {
    const AppPaths *paths;
    NamedScenario *items;
    size_t count, cap;
    char *last; /* the last answer in words, owned */
};

AppXapiNames *app_xapi_names_create(const AppPaths *paths)
{
    AppXapiNames *n = calloc(1, sizeof *n);
    if (n)
        n->paths = paths;
    return n;
}

void app_xapi_names_destroy(AppXapiNames *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->count; i++) {
        free(n->items[i].id);
        scenario_free(n->items[i].s);
    }
    free(n->items);
    free(n->last);
    free(n);
}

static Scenario *names_scenario(AppXapiNames *n, const char *id)
{
    for (size_t i = 0; i < n->count; i++)
        if (strcmp(n->items[i].id, id) == 0)
            return n->items[i].s;
    if (n->count == n->cap) {
        size_t cap = n->cap ? n->cap * 2 : 16;
        NamedScenario *p = realloc(n->items, cap * sizeof *p);
        if (!p)
            return NULL;
        n->items = p;
        n->cap = cap;
    }
    /* Loaded quietly: a scenario that no longer loads only loses its words, the statements
     * still go out with the answers' ids. */
    Scenario *s = NULL;
    char *dir = app_resolve_scenario(n->paths, id);
    if (dir) {
        SimDiags d;
        simdiags_init(&d);
        AppLoadCtx ctx;
        app_load_ctx_init(&ctx, dir, &d);
        ScenarioLoadOptions lo = {.rules = ctx.rules,
                                  .scripts_dir = ctx.scripts_dir,
                                  .refbook = ctx.refbook};
        s = scenario_load(dir, &lo, &d);
        app_load_ctx_free(&ctx);
        simdiags_free(&d);
        free(dir);
    }
    n->items[n->count++] = (NamedScenario){.id = sim_strdup(id), .s = s};
    return s;
}

const char *app_xapi_name(void *ud, const char *scenario, const char *hash, const char *action)
{
    AppXapiNames *n = ud;
    Scenario *s = n && scenario ? names_scenario(n, scenario) : NULL;
    /* Only the very content the attempt was played with: words from another version of the
     * scenario could name another answer. */
    if (!s || !hash || strcmp(s->hash_hex, hash) != 0)
        return NULL;
    free(n->last);
    n->last = session_describe_action(s, action);
    return n->last;
}

void app_xapi_origin_local(const AppPaths *paths, const char *db, const char *office_flag,
                           char office[40], char installation[37])
{
    const char *off = app_setting(paths, office_flag, SIMCONF_OFFICE);
    snprintf(office, 40, "%s", off ? off : "");
    installation[0] = '\0';
    RegionIdentity id;
    SimError err;
    if (region_identity_load(db, 0, &id, &err) == SIM_OK)
        snprintf(installation, 37, "%s", id.id);
    region_identity_free(&id);
}

/* ==== export ============================================================================== */

static int sink_file(void *ctx, const char *data, size_t len)
{
    return fwrite(data, 1, len, (FILE *)ctx) == len;
}

int cmd_export(int argc, char **argv, const AppPaths *paths)
{
    ExportOpts o;
    int rc = parse_args(argc, argv, &o);
    if (rc != EXIT_OK)
        return rc;
    if (o.help) {
        fputs(tr(STR_EXPORT_USAGE), stdout);
        return EXIT_OK;
    }
    char *db = app_db_path(paths, o.db);
    struct stat sb;
    /* Opening would create an empty database; exporting from a mistyped path should not. */
    if (stat(db, &sb) != 0) {
        fprintf(stderr, "mfc-trainer export: ");
        fprintf(stderr, tr(STR_ERR_EXPORT_NO_DB), db);
        fprintf(stderr, "\n");
        free(db);
        return EXIT_FAIL;
    }
    Store *st = NULL;
    SimError err;
    if (store_open(db, &st, &err) != SIM_OK) {
        fprintf(stderr, "mfc-trainer export: %s\n", err.msg);
        free(db);
        return EXIT_FAIL;
    }
    char office[40], installation[37];
    app_xapi_origin_local(paths, db, NULL, office, installation);
    free(db);

    /* A file is written next to its final name and renamed at the end, so a failed export
     * never leaves half a file in place of a good one. */
    FILE *out = stdout;
    char *part = NULL;
    if (o.output) {
        size_t n = strlen(o.output) + 6;
        part = malloc(n);
        if (part)
            snprintf(part, n, "%s.part", o.output);
        out = part ? fopen(part, "wb") : NULL;
        if (!out) {
            fprintf(stderr, "mfc-trainer export: ");
            fprintf(stderr, tr(STR_ERR_EXPORT_WRITE), o.output, strerror(errno));
            fprintf(stderr, "\n");
            free(part);
            store_close(st);
            return EXIT_FAIL;
        }
    }
    AppXapiNames *names = app_xapi_names_create(paths);
    StoreXapiOptions xo = {.home_page = app_setting(paths, o.home_page, SIMCONF_LRS_HOME_PAGE),
                           .since = o.since,
                           .pretty = 1,
                           .guests = o.guests,
                           .cmi5 = o.cmi5,
                           .office = office,
                           .installation = installation,
                           .action_name = app_xapi_name,
                           .name_ud = names};
    StoreXapiStats stats;
    SimStatus s = store_export_xapi(st, &xo, sink_file, out, &stats, &err);
    app_xapi_names_destroy(names);
    store_close(st);
    int write_errno = 0;
    if (fflush(out) != 0 || ferror(out))
        write_errno = errno ? errno : EIO;
    if (o.output && fclose(out) != 0 && !write_errno)
        write_errno = errno ? errno : EIO;
    const char *shown = o.output ? o.output : "stdout";
    if (write_errno) {
        fprintf(stderr, "mfc-trainer export: ");
        fprintf(stderr, tr(STR_ERR_EXPORT_WRITE), shown, strerror(write_errno));
        fprintf(stderr, "\n");
        rc = EXIT_FAIL;
    } else if (s != SIM_OK) {
        fprintf(stderr, "mfc-trainer export: %s\n", err.msg);
        rc = EXIT_FAIL;
    } else if (o.output && rename(part, o.output) != 0) {
        fprintf(stderr, "mfc-trainer export: ");
        fprintf(stderr, tr(STR_ERR_EXPORT_WRITE), o.output, strerror(errno));
        fprintf(stderr, "\n");
        rc = EXIT_FAIL;
    }
    if (part && rc != EXIT_OK)
        remove(part);
    if (rc == EXIT_OK && o.output) {
        fprintf(stderr, tr(STR_EXPORT_DONE), stats.attempts, stats.statements, o.output);
        fprintf(stderr, "\n");
    }
    free(part);
    return rc;
}
