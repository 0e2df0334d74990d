/*
 * cli_pack.c — scenario pack files on the command line (issue #13):
 *
 *   pack build --key KEY [--version V] [--changelog FILE] [--name NAME] [--output FILE] [DIR]
 *   pack install FILE [--packs DIR]
 *   pack rollback [--packs DIR]
 *   pack status [--packs DIR] [--json]
 *   pack publish --central URI FILE
 *   pack list --central URI [--json]
 *
 * The format and the packs folder are engine/pack's (docs/packs.md); `sync` installs packs
 * from the centre through region_sync_pack (cli_central.c).
 * Exit codes: 0 done, 1 refused or failed, 2 bad arguments.
 * Depends on: pack, central, crypto.
 */
#define _XOPEN_SOURCE 700 /* realpath */
#include "app.h"

#include "../central/region.h"
#include "../core/i18n.h"
#include "../core/jsonw.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct PackFlags {
    const char *key, *version, *changelog, *name, *output, *packs, *central;
    int json;
    const char *pos[2];
    int npos;
} PackFlags;

/* The mistake, then the usage: every pack subcommand words it the same way. */
#define usage(...) app_usage("pack", tr(STR_PACK_USAGE), __VA_ARGS__)

static int parse(int argc, char **argv, PackFlags *f)
{
    *f = (PackFlags){0};
    const AppOpt opts[] = {
        {.name = "--key", .value = &f->key},
        {.name = "--version", .value = &f->version},
        {.name = "--changelog", .value = &f->changelog},
        {.name = "--name", .value = &f->name},
        {.name = "--output", .value = &f->output},
        {.name = "--packs", .value = &f->packs},
        {.name = "--central", .value = &f->central},
        {.name = "--json", .on = &f->json},
    };
    AppArgs a = {.cmd = "pack",
                 .use = tr(STR_PACK_USAGE),
                 .opts = opts,
                 .nopts = sizeof opts / sizeof *opts,
                 .pos = f->pos,
                 .max_pos = 2};
    int rc = app_args_parse(&a, argc, argv);
    f->npos = a.npos;
    return rc;
}

/* The installation's packs folder and trusted keys; release with site_free. */
typedef struct Site {
    PackSite site;
    char *dir;
    char *keys[APP_MAX_TRUSTED];
    size_t nkeys;
} Site;

static void site_init(Site *s, const AppPaths *paths, const char *flag)
{
    memset(s, 0, sizeof *s);
    s->dir = app_packs_dir(paths, flag);
    s->nkeys = app_trusted_keys(paths, s->keys, APP_MAX_TRUSTED);
    s->site = (PackSite){.dir = s->dir,
                         .trusted = (const char *const *)s->keys,
                         .trusted_count = s->nkeys};
}

static void site_free(Site *s)
{
    for (size_t i = 0; i < s->nkeys; i++)
        free(s->keys[i]);
    free(s->dir);
}

static int fail(const char *msg)
{
    fprintf(stderr, "mfc-trainer pack: %s\n", msg);
    return EXIT_FAIL;
}

/* The last path component of a folder, for the default pack name. */
static char *base_name(const char *dir)
{
    char *real = realpath(dir, NULL);
    const char *d = real ? real : dir;
    const char *slash = strrchr(d, '/');
    char *b = sim_strdup(slash ? slash + 1 : d);
    free(real);
    return b;
}

static int do_build(const PackFlags *f, const AppPaths *paths)
{
    if (!f->key)
        return usage("%s", tr(STR_PACK_CLI_NEED_KEY));
    if (f->npos > 1)
        return usage(TRF(STR_ERR_UNKNOWN_OPTION), f->pos[1]);
    const char *root = f->npos ? f->pos[0] : paths->scenarios;
    time_t now = time(NULL);
    struct tm tm;
    gmtime_r(&now, &tm);
    char built[32], month[16];
    strftime(built, sizeof built, "%Y-%m-%dT%H:%M:%SZ", &tm);
    strftime(month, sizeof month, "%Y.%m", &tm);
    char *name = f->name ? sim_strdup(f->name) : base_name(root);
    const char *version = f->version ? f->version : month;
    char *changelog = NULL;
    size_t clen = 0;
    SimError err;
    if (f->changelog &&
        sim_read_file(f->changelog, PACK_CHANGELOG_MAX + 1, &changelog, &clen, &err) != SIM_OK) {
        fprintf(stderr, "mfc-trainer pack: %s\n", err.msg);
        free(name);
        return EXIT_USAGE;
    }
    if (!pack_name_ok(name) || !pack_name_ok(version)) {
        fprintf(stderr, "mfc-trainer pack: ");
        fprintf(stderr, tr(!pack_name_ok(name) ? STR_PACK_BAD_NAME : STR_PACK_BAD_VERSION),
                !pack_name_ok(name) ? name : version);
        fprintf(stderr, "\n");
        free(name);
        free(changelog);
        return EXIT_USAGE;
    }
    SimBuf out;
    simbuf_init(&out);
    if (f->output)
        simbuf_puts(&out, f->output);
    else
        simbuf_printf(&out, "%s-%s%s", name, version, PACK_EXT);
    PackBuildOptions o = {.root = root,
                          .key = f->key,
                          .name = name,
                          .version = version,
                          .built = built,
                          .changelog = changelog,
                          .output = simbuf_str(&out)};
    PackInfo info;
    int rc = EXIT_OK;
    if (pack_build(&o, &info, &err) != SIM_OK) {
        rc = fail(err.msg);
    } else {
        printf(TRF(STR_PACK_BUILT), simbuf_str(&out), info.name, info.version, info.files,
               info.key_id, info.hash);
        /* Said now rather than at every office: this installation would refuse it too. */
        Site s;
        site_init(&s, paths, NULL);
        PackInfo check;
        if (pack_inspect(simbuf_str(&out), &s.site, &check, &err) != SIM_OK)
            printf(TRF(STR_PACK_BUILT_UNTRUSTED), info.key_id);
        else
            pack_info_free(&check);
        site_free(&s);
        pack_info_free(&info);
    }
    simbuf_free(&out);
    free(name);
    free(changelog);
    return rc;
}

static int do_install(const PackFlags *f, const AppPaths *paths)
{
    if (f->npos != 1)
        return usage("%s", tr(STR_PACK_CLI_NEED_FILE_INSTALL));
    Site s;
    site_init(&s, paths, f->packs);
    char prev[PACK_NAME_MAX];
    PackInfo before;
    int had = pack_current(s.dir, &before, prev);
    PackInfo info;
    int changed = 0;
    SimError err;
    int rc = EXIT_OK;
    if (pack_install(&s.site, f->pos[0], &info, &changed, &err) != SIM_OK) {
        rc = fail(err.msg);
    } else {
        if (changed)
            printf(TRF(STR_PACK_INSTALLED), info.name, info.version, info.key_id, s.dir,
                   had ? before.version : tr(STR_PACK_NONE));
        else
            printf(TRF(STR_PACK_ALREADY), info.name, info.version);
        pack_info_free(&info);
    }
    pack_info_free(&before);
    site_free(&s);
    return rc;
}

static int do_rollback(const PackFlags *f, const AppPaths *paths)
{
    if (f->npos)
        return usage(TRF(STR_ERR_UNKNOWN_OPTION), f->pos[0]);
    Site s;
    site_init(&s, paths, f->packs);
    PackInfo before;
    pack_current(s.dir, &before, NULL);
    PackInfo info;
    SimError err;
    int rc = EXIT_OK;
    if (pack_rollback(&s.site, &info, &err) != SIM_OK) {
        rc = fail(err.msg);
    } else {
        printf(TRF(STR_PACK_ROLLED_BACK), info.version, before.version);
        pack_info_free(&info);
    }
    pack_info_free(&before);
    site_free(&s);
    return rc;
}

static int do_status(const PackFlags *f, const AppPaths *paths)
{
    if (f->npos)
        return usage(TRF(STR_ERR_UNKNOWN_OPTION), f->pos[0]);
    Site s;
    site_init(&s, paths, f->packs);
    PackInfo info;
    char prev[PACK_NAME_MAX];
    int have = pack_current(s.dir, &info, prev);
    char *root = have ? pack_scenarios_dir(s.dir, info.version) : NULL;
    PackCheck *pc = root ? app_pack_check(paths, root) : NULL;
    int intact = pc && pc->state == PACK_OK;
    if (f->json) {
        SimBuf b;
        simbuf_init(&b);
        SimJsonW w;
        simjsonw_init(&w, &b, 1);
        simjsonw_object(&w);
        simjsonw_key(&w, "packs");
        simjsonw_string(&w, s.dir);
        simjsonw_key(&w, "current");
        if (have)
            simjsonw_string(&w, info.version);
        else
            simjsonw_null(&w);
        simjsonw_key(&w, "previous");
        if (prev[0])
            simjsonw_string(&w, prev);
        else
            simjsonw_null(&w);
        simjsonw_key(&w, "name");
        simjsonw_string(&w, have ? info.name : "");
        simjsonw_key(&w, "built");
        simjsonw_string(&w, have ? info.built : "");
        simjsonw_key(&w, "hash");
        simjsonw_string(&w, pc ? pc->hash : "");
        simjsonw_key(&w, "key");
        simjsonw_string(&w, pc ? pc->key_id : "");
        simjsonw_key(&w, "intact");
        simjsonw_bool(&w, intact);
        simjsonw_key(&w, "changelog");
        simjsonw_string(&w, have && info.changelog ? info.changelog : "");
        simjsonw_key(&w, "scenarios");
        simjsonw_string(&w, paths->scenarios);
        simjsonw_object_end(&w);
        printf("%s\n", simbuf_str(&b));
        simbuf_free(&b);
    } else if (have) {
        printf(TRF(STR_PACK_STATUS), info.name, info.version, info.built, pc ? pc->key_id : "?",
               root, prev[0] ? prev : tr(STR_PACK_NONE));
        if (!intact) {
            char *why = app_pack_problem(pc, "");
            fprintf(stderr, "mfc-trainer pack: %s\n", why ? why : "");
            free(why);
        }
    } else {
        printf(TRF(STR_PACK_STATUS_NONE), s.dir, paths->scenarios);
    }
    sec_pack_free(pc);
    free(root);
    pack_info_free(&info);
    site_free(&s);
    return have && !intact ? EXIT_FAIL : EXIT_OK;
}

static int do_publish(const PackFlags *f, const AppPaths *paths)
{
    if (f->npos != 1)
        return usage("%s", tr(STR_PACK_CLI_NEED_FILE_PUBLISH));
    const char *uri = app_setting(paths, f->central, SIMCONF_CENTRAL);
    if (!uri)
        return usage(TRF(STR_CENTRAL_NONE), "");
    SimError err;
    char *data = NULL;
    size_t len = 0;
    if (sim_read_file(f->pos[0], 512u * 1024u * 1024u, &data, &len, &err) != SIM_OK) {
        fprintf(stderr, "mfc-trainer pack: %s\n", err.msg);
        return EXIT_USAGE;
    }
    /* The centre keeps only packs this installation would install itself. */
    Site s;
    site_init(&s, paths, NULL);
    PackInfo info;
    int rc = EXIT_OK;
    if (pack_inspect_memory(data, len, f->pos[0], &s.site, &info, &err) != SIM_OK) {
        rc = fail(err.msg);
    } else {
        Central *c = NULL;
        int again = 0;
        CentralPack meta = {.changelog = info.changelog};
        snprintf(meta.name, sizeof meta.name, "%s", info.name);
        snprintf(meta.version, sizeof meta.version, "%s", info.version);
        snprintf(meta.hash, sizeof meta.hash, "%s", info.hash);
        snprintf(meta.key_id, sizeof meta.key_id, "%s", info.key_id);
        snprintf(meta.built, sizeof meta.built, "%s", info.built);
        if (central_connect(uri, &c, &err) != SIM_OK ||
            central_pack_publish(c, &meta, data, len, &again, &err) != SIM_OK)
            rc = fail(err.msg);
        else
            printf(tr(again ? STR_PACK_PUBLISHED_AGAIN : STR_PACK_PUBLISHED), info.name,
                   info.version);
        central_close(c);
        pack_info_free(&info);
    }
    site_free(&s);
    free(data);
    return rc;
}

static int do_list(const PackFlags *f, const AppPaths *paths)
{
    if (f->npos)
        return usage(TRF(STR_ERR_UNKNOWN_OPTION), f->pos[0]);
    const char *uri = app_setting(paths, f->central, SIMCONF_CENTRAL);
    if (!uri)
        return usage(TRF(STR_CENTRAL_NONE), "");
    SimError err;
    Central *c = NULL;
    if (central_connect(uri, &c, &err) != SIM_OK)
        return fail(err.msg);
    CentralPack *packs = NULL;
    CentralPackInstall *inst = NULL;
    size_t np = 0, ni = 0;
    int rc = EXIT_OK;
    if (central_pack_list(c, &packs, &np, &err) != SIM_OK ||
        central_pack_installs(c, &inst, &ni, &err) != SIM_OK) {
        rc = fail(err.msg);
    } else if (f->json) {
        SimBuf b;
        simbuf_init(&b);
        SimJsonW w;
        simjsonw_init(&w, &b, 1);
        simjsonw_object(&w);
        simjsonw_key(&w, "published");
        simjsonw_array(&w);
        for (size_t i = 0; i < np; i++) {
            simjsonw_object(&w);
            simjsonw_key(&w, "name");
            simjsonw_string(&w, packs[i].name);
            simjsonw_key(&w, "version");
            simjsonw_string(&w, packs[i].version);
            simjsonw_key(&w, "hash");
            simjsonw_string(&w, packs[i].hash);
            simjsonw_key(&w, "key");
            simjsonw_string(&w, packs[i].key_id);
            simjsonw_key(&w, "built");
            simjsonw_string(&w, packs[i].built);
            simjsonw_key(&w, "published_at");
            simjsonw_string(&w, packs[i].published_at);
            simjsonw_key(&w, "size");
            simjsonw_int(&w, packs[i].size);
            simjsonw_key(&w, "changelog");
            simjsonw_string(&w, packs[i].changelog ? packs[i].changelog : "");
            simjsonw_object_end(&w);
        }
        simjsonw_array_end(&w);
        simjsonw_key(&w, "installations");
        simjsonw_array(&w);
        for (size_t i = 0; i < ni; i++) {
            simjsonw_object(&w);
            simjsonw_key(&w, "office");
            simjsonw_string(&w, inst[i].office);
            simjsonw_key(&w, "installation");
            simjsonw_string(&w, inst[i].installation);
            simjsonw_key(&w, "version");
            simjsonw_string(&w, inst[i].version);
            simjsonw_key(&w, "reported_at");
            simjsonw_string(&w, inst[i].reported_at);
            simjsonw_object_end(&w);
        }
        simjsonw_array_end(&w);
        simjsonw_object_end(&w);
        printf("%s\n", simbuf_str(&b));
        simbuf_free(&b);
    } else {
        printf("%s", tr(STR_PACK_LIST_HEAD));
        for (size_t i = 0; i < np; i++)
            printf(TRF(STR_PACK_LIST_ROW), packs[i].version, packs[i].published_at, packs[i].name,
                   packs[i].key_id, packs[i].size);
        if (!np)
            printf("%s", tr(STR_PACK_LIST_NONE));
        printf("%s", tr(STR_PACK_LIST_OFFICES));
        for (size_t i = 0; i < ni; i++)
            printf(TRF(STR_PACK_LIST_OFFICE_ROW), inst[i].office, inst[i].installation,
                   inst[i].version, inst[i].reported_at);
        if (!ni)
            printf("%s", tr(STR_PACK_LIST_NONE));
    }
    for (size_t i = 0; i < np; i++)
        central_pack_free(&packs[i]);
    free(packs);
    free(inst);
    central_close(c);
    return rc;
}

int cmd_pack(int argc, char **argv, const AppPaths *paths)
{
    if (argc < 1 || strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0) {
        fputs(tr(STR_PACK_USAGE), argc < 1 ? stderr : stdout);
        return argc < 1 ? EXIT_USAGE : EXIT_OK;
    }
    PackFlags f;
    int rc = parse(argc - 1, argv + 1, &f);
    if (rc != EXIT_OK)
        return rc == APP_ARGS_HELP ? EXIT_OK : rc;
    const char *sub = argv[0];
    if (strcmp(sub, "build") == 0)
        return do_build(&f, paths);
    if (strcmp(sub, "install") == 0)
        return do_install(&f, paths);
    if (strcmp(sub, "rollback") == 0)
        return do_rollback(&f, paths);
    if (strcmp(sub, "status") == 0)
        return do_status(&f, paths);
    if (strcmp(sub, "publish") == 0)
        return do_publish(&f, paths);
    if (strcmp(sub, "list") == 0)
        return do_list(&f, paths);
    return usage(TRF(STR_ERR_UNKNOWN_COMMAND), sub);
}
