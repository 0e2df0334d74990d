/*
 * cli_lrs.c — `mfc-trainer lrs push`: xAPI statements into a Learning Record Store (issue #13).
 *
 *   lrs push [--central URI | --db FILE] --endpoint URL --user KEY [--password SECRET |
 *            --password-file FILE] [--home-page URL] [--since DATE] [--office CODE]
 *            [--guests] [--cmi5] [--batch N] [--retries N] [--retry-delay MS] [--json]
 * On a PC the statements come from its results database and the acknowledgements go into it
 * (table lrs_sent); with --central they come from the region's centre (its attempts rebuilt
 * from the journal, each with its office and installation) and the acknowledgements go into
 * mfc.lrs_sent. The endpoint, the key, the secret's file and the home page may come from the
 * configuration file; the secret itself never does: --password, $MFC_LRS_PASSWORD or a file
 * readable by its owner only. The secret is never printed.
 * Exit codes: 0 everything sent, 1 something waits (no answer, refused, credentials, the
 * database or the centre unreachable), 2 bad arguments.
 * Depends on: net (the push), store, central, core.
 */
#include "app.h"

#include "../central/central.h"
#include "../core/i18n.h"
#include "../core/jsonw.h"
#include "../net/net.h"
#include "../store/export.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef struct LrsOpts {
    const char *central, *db, *endpoint, *user, *password, *password_file, *home_page;
    const char *since, *office, *batch, *retries, *delay;
    int json, guests, cmi5;
} LrsOpts;

/* A mistake found after the flags were read: the message alone (the usage is long). */
#define usage(...) app_usage("lrs", NULL, __VA_ARGS__)

static int parse(int argc, char **argv, LrsOpts *o)
{
    *o = (LrsOpts){0};
    const AppOpt opts[] = {
        {.name = "--json", .on = &o->json},
        {.name = "--guests", .on = &o->guests},
        {.name = "--cmi5", .on = &o->cmi5},
        {.name = "--central", .value = &o->central},
        {.name = "--db", .value = &o->db},
        {.name = "--endpoint", .value = &o->endpoint},
        {.name = "--user", .value = &o->user},
        {.name = "--password", .value = &o->password},
        {.name = "--password-file", .value = &o->password_file},
        {.name = "--home-page", .value = &o->home_page},
        {.name = "--since", .value = &o->since},
        {.name = "--office", .value = &o->office},
        {.name = "--batch", .value = &o->batch},
        {.name = "--retries", .value = &o->retries},
        {.name = "--retry-delay", .value = &o->delay},
    };
    AppArgs a = {.cmd = "lrs",
                 .use = tr(STR_LRS_USAGE),
                 .opts = opts,
                 .nopts = sizeof opts / sizeof *opts};
    return app_args_parse(&a, argc, argv);
}

/* An integer flag in [lo, hi]; returns 0 after printing a usage error. */
static int number(const char *flag, const char *v, long lo, long hi, long *out)
{
    if (!v)
        return 1;
    char *end = NULL;
    errno = 0;
    long n = strtol(v, &end, 10);
    if (errno || !end || *end || n < lo || n > hi) {
        usage(TRF(STR_LRS_BAD_NUMBER), flag, v, lo, hi);
        return 0;
    }
    *out = n;
    return 1;
}

/* The secret from its file (first line); refuses a file others may read. Returns a copy
 * (caller wipes and frees) or NULL after printing why. */
static char *read_secret(const char *path)
{
    struct stat sb;
    if (stat(path, &sb) != 0) {
        fprintf(stderr, "mfc-trainer lrs: ");
        fprintf(stderr, tr(STR_LRS_PASSWORD_FILE), path, strerror(errno));
        fprintf(stderr, "\n");
        return NULL;
    }
    if (sb.st_mode & 077) {
        fprintf(stderr, "mfc-trainer lrs: ");
        fprintf(stderr, tr(STR_LRS_PASSWORD_OPEN), path, path);
        fprintf(stderr, "\n");
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    char buf[1024];
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    if (f)
        fclose(f);
    if (!f) {
        fprintf(stderr, "mfc-trainer lrs: ");
        fprintf(stderr, tr(STR_LRS_PASSWORD_FILE), path, strerror(errno));
        fprintf(stderr, "\n");
        return NULL;
    }
    buf[n] = '\0';
    buf[strcspn(buf, "\r\n")] = '\0';
    char *s = sim_strdup(buf);
    memset(buf, 0, sizeof buf);
    return s;
}

/* ---- the ledger: a sorted list of acknowledged ids, and where new ones are recorded ------ */

typedef struct Ledger {
    char **known; /* sorted by strcmp, owned */
    size_t nknown;
    const char *endpoint;
    Store *st;  /* the PC's database, or NULL */
    Central *c; /* the centre, or NULL */
} Ledger;

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static int acks_known(void *ud, const char *id)
{
    Ledger *l = ud;
    return l->nknown && bsearch(&id, l->known, l->nknown, sizeof *l->known, cmp_str) != NULL;
}

static SimStatus acks_record(void *ud, const char *const *ids, const char *const *attempts,
                             size_t n, NetAckKind kind, SimError *err)
{
    Ledger *l = ud;
    int conflict = kind == NET_ACK_CONFLICT;
    return l->c ? central_lrs_record(l->c, l->endpoint, ids, attempts, n, conflict, err)
                : store_lrs_record(l->st, l->endpoint, ids, attempts, n, conflict, err);
}

static void acks_free(Ledger *l)
{
    for (size_t i = 0; i < l->nknown; i++)
        free(l->known[i]);
    free(l->known);
}

/* ---- where an attempt was made, at the centre -------------------------------------------- */

typedef struct Origins {
    CentralOrigin *items; /* sorted by attempt id */
    size_t n;
} Origins;

static int cmp_origin(const void *key, const void *item)
{
    return strcmp(key, ((const CentralOrigin *)item)->attempt);
}

static void origin_of(void *ud, const char *attempt, const char **office, const char **installation)
{
    Origins *o = ud;
    const CentralOrigin *f =
        o->n ? bsearch(attempt, o->items, o->n, sizeof *o->items, cmp_origin) : NULL;
    *office = f ? f->office : NULL;
    *installation = f ? f->installation : NULL;
}

/* ---- terminal ----------------------------------------------------------------------------- */

static void on_progress(void *ud, const NetTally *t)
{
    (void)ud;
    fprintf(stderr, tr(STR_LRS_PROGRESS), t->sent, t->known, t->batches);
    fprintf(stderr, "\n");
}

static void on_retry(void *ud, int try_no, long delay_ms, long http, const char *why)
{
    const int *tries = ud;
    (void)http;
    fprintf(stderr, tr(STR_LRS_RETRY), why, try_no, *tries, delay_ms / 1000,
            (delay_ms % 1000) / 100);
    fprintf(stderr, "\n");
}

static void print_json(const NetTally *t, const char *url, const char *source)
{
    SimBuf b;
    simbuf_init(&b);
    SimJsonW w;
    simjsonw_init(&w, &b, 1);
    simjsonw_object(&w);
    simjsonw_key(&w, "endpoint");
    simjsonw_string(&w, url);
    simjsonw_key(&w, "source");
    simjsonw_string(&w, source);
    static const char *const keys[] = {"statements", "known",   "sent",  "conflicts", "refused",
                                       "waiting",    "batches", "posts", "retries"};
    const long long vals[] = {t->statements, t->known,   t->sent,  t->conflicts, t->refused,
                              t->waiting,    t->batches, t->posts, t->retries};
    for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
        simjsonw_key(&w, keys[i]);
        simjsonw_int(&w, vals[i]);
    }
    simjsonw_key(&w, "last_http");
    simjsonw_int(&w, t->last_http);
    simjsonw_key(&w, "outcome");
    simjsonw_string(&w, t->outcome == NET_ALL_SENT && !t->error ? "all-sent" : "waiting");
    simjsonw_key(&w, "error");
    simjsonw_string(&w, t->error);
    simjsonw_object_end(&w);
    printf("%s\n", simbuf_str(&b));
    simbuf_free(&b);
}

/* ---- the command -------------------------------------------------------------------------- */

static int push(const AppPaths *paths, const LrsOpts *o, NetLrs *lrs, const NetPushOptions *po)
{
    SimError err;
    Ledger led = {.endpoint = net_lrs_statements_url(lrs)};
    Store *st = NULL, *acks = NULL;
    Central *c = NULL;
    Origins origins = {0};
    char office[40] = "", installation[37] = "";
    const char *source;
    int rc = EXIT_OK;
    if (o->central) {
        source = "central";
        if (central_connect(o->central, &c, &err) != SIM_OK) {
            char *masked = simconf_mask_password(o->central);
            fprintf(stderr, "mfc-trainer lrs: %s (%s)\n", err.msg, masked ? masked : "");
            free(masked);
            return EXIT_FAIL;
        }
        CentralFilter f = {.office = o->office, .since = o->since, .with_actions = 1};
        size_t loaded = 0;
        if (store_open(":memory:", &st, &err) != SIM_OK ||
            central_attempt_origins(c, &f, &origins.items, &origins.n, &err) != SIM_OK ||
            central_load_attempts(c, &f, st, &loaded, &err) != SIM_OK ||
            central_lrs_known(c, led.endpoint, &led.known, &led.nknown, &err) != SIM_OK) {
            fprintf(stderr, "mfc-trainer lrs: %s\n", err.msg);
            rc = EXIT_FAIL;
        } else if (!o->json) {
            fprintf(stderr, tr(STR_LRS_LOADED), loaded);
            fprintf(stderr, "\n");
        }
        led.c = c;
    } else {
        source = "db";
        char *db = app_db_path(paths, o->db);
        if (!sim_is_file(db)) {
            fprintf(stderr, "mfc-trainer lrs: ");
            fprintf(stderr, tr(STR_ERR_EXPORT_NO_DB), db);
            fprintf(stderr, "\n");
            free(db);
            return EXIT_USAGE;
        }
        app_xapi_origin_local(paths, db, o->office, office, installation);
        /* Two connections: the export reads one snapshot in a transaction of its own for the
         * whole run, while each acknowledgement must be committed as soon as the LRS gave it
         * (WAL lets the second connection write meanwhile). */
        if (store_open(db, &st, &err) != SIM_OK || store_open(db, &acks, &err) != SIM_OK ||
            store_lrs_known(acks, led.endpoint, &led.known, &led.nknown, &err) != SIM_OK) {
            fprintf(stderr, "mfc-trainer lrs: %s\n", err.msg);
            rc = EXIT_FAIL;
        }
        free(db);
        led.st = acks;
    }
    if (rc == EXIT_OK) {
        /* strcmp order, whatever order the database's collation gave. */
        if (led.nknown)
            qsort(led.known, led.nknown, sizeof *led.known, cmp_str);
        AppXapiNames *names = app_xapi_names_create(paths);
        StoreXapiOptions xo = {.home_page = app_setting(paths, o->home_page, SIMCONF_LRS_HOME_PAGE),
                               .since = o->since,
                               .guests = o->guests,
                               .cmi5 = o->cmi5,
                               .office = office[0] ? office : NULL,
                               .installation = installation[0] ? installation : NULL,
                               .origin = o->central ? origin_of : NULL,
                               .origin_ud = &origins,
                               .action_name = app_xapi_name,
                               .name_ud = names};
        NetLedger ledger = {.ud = &led, .known = acks_known, .record = acks_record};
        NetTally t;
        int tries = po->tries;
        SimStatus s = net_push(lrs, st, &xo, &ledger, po, o->json ? NULL : on_progress, on_retry,
                               &tries, &t, &err);
        app_xapi_names_destroy(names);
        if (s != SIM_OK || t.error)
            fprintf(stderr, "mfc-trainer lrs: %s\n", err.msg);
        if (o->json) {
            print_json(&t, led.endpoint, source);
        } else {
            printf(tr(STR_LRS_SUMMARY), led.endpoint, t.sent, t.batches, t.known, t.waiting);
            printf("\n");
            if (t.conflicts) {
                printf(tr(STR_LRS_CONFLICTS), t.conflicts);
                printf("\n");
            }
            if (t.refused) {
                printf(tr(STR_LRS_REFUSED), t.refused);
                printf("\n");
            }
        }
        rc = s == SIM_OK && t.outcome == NET_ALL_SENT && !t.error ? EXIT_OK : EXIT_FAIL;
    }
    acks_free(&led);
    free(origins.items);
    store_close(st);
    store_close(acks);
    central_close(c);
    return rc;
}

int cmd_lrs(int argc, char **argv, const AppPaths *paths)
{
    const char *use = tr(STR_LRS_USAGE);
    if (argc >= 1 && (strcmp(argv[0], "--help") == 0 || strcmp(argv[0], "-h") == 0)) {
        fputs(use, stdout);
        return EXIT_OK;
    }
    if (argc < 1 || strcmp(argv[0], "push") != 0) {
        return app_usage("lrs", use, TRF(STR_ERR_UNKNOWN_COMMAND), argc ? argv[0] : "");
    }
    LrsOpts o;
    int rc = parse(argc - 1, argv + 1, &o);
    if (rc != EXIT_OK)
        return rc == APP_ARGS_HELP ? EXIT_OK : rc;
    if (o.central && o.db)
        return usage(TRF(STR_LRS_BOTH_SOURCES), "");
    if (o.since && !store_export_since_ok(o.since))
        return usage(TRF(STR_ERR_EXPORT_BAD_DATE), o.since);
    const char *home = app_setting(paths, o.home_page, SIMCONF_LRS_HOME_PAGE);
    if (home && !store_export_home_page_ok(home))
        return usage(TRF(STR_ERR_EXPORT_BAD_HOME_PAGE), home);
    long batch = NET_BATCH_DEFAULT, tries = NET_TRIES_DEFAULT, delay = NET_DELAY_MS_DEFAULT;
    if (!number("--batch", o.batch, 1, 100000, &batch) ||
        !number("--retries", o.retries, 1, 100, &tries) ||
        !number("--retry-delay", o.delay, 1, 600000, &delay))
        return EXIT_USAGE;
    const char *endpoint = app_setting(paths, o.endpoint, SIMCONF_LRS_ENDPOINT);
    if (!endpoint)
        return usage(TRF(STR_LRS_NO_ENDPOINT), "");
    /* The secret: the flag, else the environment, else the file named by the flag or the
     * configuration (never a key of the configuration file itself). */
    char *secret = NULL;
    const char *pw = o.password ? o.password : getenv("MFC_LRS_PASSWORD");
    const char *pw_file = app_setting(paths, o.password_file, SIMCONF_LRS_PASSWORD_FILE);
    if (pw) {
        secret = sim_strdup(pw);
    } else if (pw_file) {
        secret = read_secret(pw_file);
        if (!secret)
            return EXIT_USAGE;
    }
    NetLrsConfig cfg = {.endpoint = endpoint,
                        .user = app_setting(paths, o.user, SIMCONF_LRS_USER),
                        .password = secret};
    NetLrs *lrs = NULL;
    SimError err;
    SimStatus s = net_lrs_create(&cfg, &lrs, &err);
    if (secret) {
        memset(secret, 0, strlen(secret));
        free(secret);
    }
    if (s != SIM_OK) {
        fprintf(stderr, "mfc-trainer lrs: %s\n", err.msg);
        return s == SIM_ERR_INVALID ? EXIT_USAGE : EXIT_FAIL;
    }
    /* A PC pushes its own results; only --central (never the configuration's central key,
     * which every enrolled PC has) pushes the region's. */
    NetPushOptions po = {.batch = (size_t)batch, .tries = (int)tries, .delay_ms = delay};
    rc = push(paths, &o, lrs, &po);
    net_lrs_destroy(lrs);
    return rc;
}
