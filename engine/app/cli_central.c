/*
 * cli_central.c — the region's commands (issue #12):
 *
 *   central init   --central URI                        create or upgrade the centre's schema
 *   central office CODE --central URI [--role ROLE] [--region R] [--name NAME]
 *   enrol          --central URI --office CODE [--db FILE]
 *   roster import  FILE.csv --central URI
 *   sync           [--central URI] [--db FILE] [--batch N] [--json]
 *   sync --export FILE [--db FILE]                      a signed bundle for a PC with no link
 *   sync --import FILE --central URI                    at the centre
 *   verify --central URI [--office CODE]                (from cli_sign.c)
 *   report --central URI …                              (from cli_report.c)
 *
 * Every flag may come from the configuration file instead (central, office, region, db).
 * The installation's identity lives beside its results database: DB.installation (its id)
 * and DB.installation.key / .pub (its Ed25519 key pair, made once).
 * Exit codes: 0 done (everything sent), 1 something waits or was refused, 2 bad arguments.
 */
#include "app.h"

#include "../central/region.h"
#include "../core/i18n.h"
#include "../core/jsonw.h"

#include <fcntl.h>
#include <math.h>
#include <strings.h>
#include <time.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define SYNC_BATCH 5000

typedef struct Flags {
    const char *central, *office, *region, *db, *role, *name, *export_to, *import_from;
    const char *batch;
    int json;
    const char *pos[4];
    int npos;
} Flags;

/* The flags every region command shares, and at most max_pos positionals. Returns EXIT_OK,
 * APP_ARGS_HELP (usage printed) or EXIT_USAGE (the mistake printed). */
static int parse(int argc, char **argv, Flags *f, const char *cmd, const char *use, int max_pos)
{
    *f = (Flags){0};
    const AppOpt opts[] = {
        {.name = "--central", .value = &f->central},
        {.name = "--office", .value = &f->office},
        {.name = "--region", .value = &f->region},
        {.name = "--db", .value = &f->db},
        {.name = "--role", .value = &f->role},
        {.name = "--name", .value = &f->name},
        {.name = "--export", .value = &f->export_to},
        {.name = "--import", .value = &f->import_from},
        {.name = "--batch", .value = &f->batch},
        {.name = "--json", .on = &f->json},
    };
    AppArgs a = {.cmd = cmd,
                 .use = use,
                 .opts = opts,
                 .nopts = sizeof opts / sizeof *opts,
                 .pos = f->pos,
                 .max_pos = max_pos};
    int rc = app_args_parse(&a, argc, argv);
    f->npos = a.npos;
    return rc;
}

/* The connection string: the flag, else `central` from the configuration. */
static const char *central_of(const AppPaths *p, const Flags *f, const char *cmd, const char *use)
{
    const char *c = app_setting(p, f->central, SIMCONF_CENTRAL);
    if (!c)
        app_usage(cmd, use, TRF(STR_CENTRAL_NONE), "");
    return c;
}

static int connect_to(const char *uri, Central **c, const char *cmd)
{
    SimError err;
    if (central_connect(uri, c, &err) != SIM_OK) {
        char *masked = simconf_mask_password(uri);
        fprintf(stderr, "mfc-trainer %s: %s (%s)\n", cmd, err.msg, masked ? masked : "");
        free(masked);
        return 0;
    }
    return 1;
}

/* Loads (with create, makes) the identity beside db; prints why not. Returns 1 when there is
 * one. */
static int identity_load(const char *db, int create, RegionIdentity *id, const char *cmd)
{
    SimError err;
    if (region_identity_load(db, create, id, &err) == SIM_OK)
        return 1;
    fprintf(stderr, "mfc-trainer %s: %s\n", cmd, err.msg);
    return 0;
}

/* ---- central init / central office ------------------------------------------------------ */

int cmd_central(int argc, char **argv, const AppPaths *paths)
{
    const char *use = tr(STR_CENTRAL_USAGE);
    Flags f;
    int rc = parse(argc, argv, &f, "central", use, 2);
    if (rc != EXIT_OK)
        return rc == APP_ARGS_HELP ? EXIT_OK : rc;
    if (f.npos < 1 || (strcmp(f.pos[0], "init") != 0 && strcmp(f.pos[0], "office") != 0))
        return app_usage("central", use, TRF(STR_ERR_UNKNOWN_COMMAND), f.npos ? f.pos[0] : "");
    const char *uri = central_of(paths, &f, "central", use);
    if (!uri)
        return EXIT_USAGE;
    SimError err;
    if (strcmp(f.pos[0], "office") == 0) {
        if (f.npos < 2)
            return app_usage("central", use, TRF(STR_CENTRAL_NEED_OFFICE), "");
        if (simconf_check(SIMCONF_OFFICE, f.pos[1], "central office", &err) != SIM_OK) {
            fprintf(stderr, "mfc-trainer central: %s\n", err.msg);
            return EXIT_USAGE;
        }
    }
    Central *c;
    if (!connect_to(uri, &c, "central"))
        return EXIT_FAIL;
    if (strcmp(f.pos[0], "init") == 0) {
        SimStatus s = central_init(c, &err);
        if (s == SIM_OK)
            printf(tr(STR_CENTRAL_INIT_OK), central_schema_version(c));
        else
            fprintf(stderr, "mfc-trainer central: %s\n", err.msg);
        central_close(c);
        return s == SIM_OK ? EXIT_OK : EXIT_FAIL;
    }
    SimStatus s = central_add_office(c, f.pos[1], app_setting(paths, f.region, SIMCONF_REGION),
                                     f.name, f.role, &err);
    if (s == SIM_OK)
        printf(tr(STR_CENTRAL_OFFICE_OK), f.pos[1], f.role ? f.role : "—");
    else
        fprintf(stderr, "mfc-trainer central: %s\n", err.msg);
    central_close(c);
    return s == SIM_OK ? EXIT_OK : EXIT_FAIL;
}

/* ---- enrol ------------------------------------------------------------------------------ */

int cmd_enrol(int argc, char **argv, const AppPaths *paths)
{
    const char *use = tr(STR_ENROL_USAGE);
    Flags f;
    int rc = parse(argc, argv, &f, "enrol", use, 0);
    if (rc != EXIT_OK)
        return rc == APP_ARGS_HELP ? EXIT_OK : rc;
    const char *uri = central_of(paths, &f, "enrol", use);
    const char *office = app_setting(paths, f.office, SIMCONF_OFFICE);
    if (!uri)
        return EXIT_USAGE;
    if (!office)
        return app_usage("enrol", use, TRF(STR_ENROL_NEED_OFFICE), "");
    SimError err;
    if (simconf_check(SIMCONF_OFFICE, office, "--office", &err) != SIM_OK) {
        fprintf(stderr, "mfc-trainer enrol: %s\n", err.msg);
        return EXIT_USAGE;
    }
    char *db = app_db_path(paths, f.db);
    RegionIdentity id;
    if (!identity_load(db, 1, &id, "enrol")) {
        region_identity_free(&id);
        free(db);
        return EXIT_FAIL;
    }
    Central *c;
    rc = EXIT_FAIL;
    if (connect_to(uri, &c, "enrol")) {
        char host[256] = "";
        gethostname(host, sizeof host - 1);
        if (central_enrol(c, id.id, office, id.pub, host, &err) == SIM_OK) {
            printf(tr(STR_ENROL_OK), id.id, office);
            rc = EXIT_OK;
        } else {
            fprintf(stderr, "mfc-trainer enrol: %s\n", err.msg);
        }
        central_close(c);
    }
    region_identity_free(&id);
    free(db);
    return rc;
}

/* ---- roster import ---------------------------------------------------------------------- */

/* One CSV record from *p (RFC 4180 quoting, separator sep); fields into out (max n, each
 * owned by the caller). Returns the field count, -1 at the end of the text. */
static int csv_record(const char **p, char sep, char **out, int n, int *line)
{
    const char *s = *p;
    if (!*s)
        return -1;
    int k = 0;
    SimBuf b;
    simbuf_init(&b);
    for (;;) {
        b.len = 0;
        if (*s == '"') {
            s++;
            for (;;) {
                if (!*s)
                    break;
                if (*s == '"' && s[1] == '"') {
                    simbuf_append(&b, "\"", 1);
                    s += 2;
                } else if (*s == '"') {
                    s++;
                    break;
                } else {
                    if (*s == '\n')
                        (*line)++;
                    simbuf_append(&b, s, 1);
                    s++;
                }
            }
            while (*s && *s != sep && *s != '\n' && *s != '\r')
                s++;
        } else {
            while (*s && *s != sep && *s != '\n' && *s != '\r')
                simbuf_append(&b, s++, 1);
        }
        if (k < n)
            out[k] = sim_strndup(simbuf_str(&b), b.len);
        k++;
        if (*s == sep) {
            s++;
            continue;
        }
        if (*s == '\r')
            s++;
        if (*s == '\n')
            s++;
        break;
    }
    simbuf_free(&b);
    *p = s;
    return k;
}

static char *trimmed(char *s)
{
    if (!s)
        return s;
    char *a = s;
    while (*a == ' ' || *a == '\t')
        a++;
    size_t l = strlen(a);
    while (l && (a[l - 1] == ' ' || a[l - 1] == '\t'))
        a[--l] = '\0';
    memmove(s, a, l + 1);
    return s;
}

/* Column index by its header (Russian or English, any case of the Latin ones; the Russian
 * ones as the table spells them, lower case or capitalised: strcasecmp folds only ASCII). */
static int column_of(const char *h)
{
    const char *const names[5][4] = {
        {tr(STR_ROSTER_COL_PERSONNEL), "personnel", tr(STR_ROSTER_HDR_PERSONNEL_SHORT),
         tr(STR_ROSTER_HDR_PERSONNEL)},
        {tr(STR_ROSTER_COL_SURNAME), "surname", tr(STR_ROSTER_HDR_SURNAME), NULL},
        {tr(STR_ROSTER_COL_NAME), "name", tr(STR_ROSTER_HDR_NAME), NULL},
        {tr(STR_ROSTER_COL_PATRONYMIC), "patronymic", tr(STR_ROSTER_HDR_PATRONYMIC), NULL},
        {tr(STR_ROSTER_COL_OFFICE), "office", tr(STR_REPORT_H_OFFICE), NULL},
    };
    for (int c = 0; c < 5; c++)
        for (int k = 0; k < 4; k++)
            if (names[c][k] && strcasecmp(h, names[c][k]) == 0)
                return c;
    return -1;
}

int cmd_roster(int argc, char **argv, const AppPaths *paths)
{
    const char *use = tr(STR_ROSTER_USAGE);
    Flags f;
    int rc = parse(argc, argv, &f, "roster", use, 2);
    if (rc != EXIT_OK)
        return rc == APP_ARGS_HELP ? EXIT_OK : rc;
    if (f.npos != 2 || strcmp(f.pos[0], "import") != 0)
        return app_usage("roster", use, TRF(STR_ERR_UNKNOWN_COMMAND), f.npos ? f.pos[0] : "");
    const char *file = f.pos[1];
    const char *uri = central_of(paths, &f, "roster", use);
    if (!uri)
        return EXIT_USAGE;
    char *text = NULL;
    size_t len = 0;
    SimError err;
    if (sim_read_file(file, 64u << 20, &text, &len, &err) != SIM_OK) {
        fprintf(stderr, "mfc-trainer roster: %s\n", err.msg);
        return EXIT_USAGE;
    }
    const char *p = text;
    if (len >= 3 && (unsigned char)p[0] == 0xEF && (unsigned char)p[1] == 0xBB &&
        (unsigned char)p[2] == 0xBF)
        p += 3;
    if (!sim_utf8_valid(p, strlen(p))) {
        fprintf(stderr, "%s: %s\n", file, tr(STR_ROSTER_NOT_UTF8));
        free(text);
        return EXIT_USAGE;
    }
    /* The separator is the header's: ';' (what Russian spreadsheets write) or ','. */
    const char *nl = strchr(p, '\n');
    size_t hl = nl ? (size_t)(nl - p) : strlen(p);
    char sep = memchr(p, ';', hl) ? ';' : ',';
    int line = 1, errors = 0, col[5] = {-1, -1, -1, -1, -1};
    char *fields[16] = {0};
    int nf = csv_record(&p, sep, fields, 16, &line);
    for (int i = 0; i < nf && i < 16; i++) {
        int c = column_of(trimmed(fields[i]));
        if (c >= 0 && col[c] < 0)
            col[c] = i;
        free(fields[i]);
        fields[i] = NULL;
    }
    const char *const need[] = {tr(STR_ROSTER_COL_PERSONNEL), tr(STR_ROSTER_COL_SURNAME),
                                tr(STR_ROSTER_COL_NAME), tr(STR_ROSTER_COL_PATRONYMIC),
                                tr(STR_ROSTER_COL_OFFICE)};
    for (int c = 0; c < 5; c++)
        if (col[c] < 0) {
            fprintf(stderr, "%s:1: ", file);
            fprintf(stderr, tr(STR_ROSTER_NO_COLUMN), need[c]);
            fprintf(stderr, "\n");
            errors++;
        }
    Trainee *rows = NULL;
    size_t n = 0, cap = 0;
    while (!errors) {
        int at = ++line;
        nf = csv_record(&p, sep, fields, 16, &line);
        if (nf < 0)
            break;
        int blank = nf == 1 && fields[0] && !*trimmed(fields[0]);
        if (!blank) {
            if (n == cap) {
                cap = cap ? cap * 2 : 256;
                Trainee *g = realloc(rows, cap * sizeof *g);
                if (!g) {
                    errors++;
                    break;
                }
                rows = g;
            }
            Trainee *t = &rows[n];
            memset(t, 0, sizeof *t);
            const char *v[5];
            for (int c = 0; c < 5; c++)
                v[c] = col[c] < nf && fields[col[c]] ? trimmed(fields[col[c]]) : "";
            snprintf(t->personnel, sizeof t->personnel, "%s", v[0]);
            snprintf(t->surname, sizeof t->surname, "%s", v[1]);
            snprintf(t->name, sizeof t->name, "%s", v[2]);
            snprintf(t->patronymic, sizeof t->patronymic, "%s", v[3]);
            snprintf(t->office, sizeof t->office, "%s", v[4]);
            SimError e2;
            int office_ok = simconf_check(SIMCONF_OFFICE, v[4], "", &e2) == SIM_OK;
            if (!*v[0] || !*v[1] || !*v[2] || strlen(v[0]) >= sizeof t->personnel) {
                fprintf(stderr, "%s:%d: %s\n", file, at, tr(STR_ROSTER_EMPTY));
                errors++;
            } else if (!office_ok) {
                fprintf(stderr, "%s:%d: ", file, at);
                fprintf(stderr, tr(STR_CONF_BAD_OFFICE), v[4]);
                fprintf(stderr, "\n");
                errors++;
            } else {
                n++;
            }
        }
        for (int i = 0; i < 16; i++) {
            free(fields[i]);
            fields[i] = NULL;
        }
        if (errors > 50)
            break;
    }
    free(text);
    if (errors) {
        fprintf(stderr, "mfc-trainer roster: ");
        fprintf(stderr, tr(STR_ROSTER_REFUSED), file);
        fprintf(stderr, "\n");
        free(rows);
        return EXIT_USAGE;
    }
    Central *c;
    rc = EXIT_FAIL;
    if (connect_to(uri, &c, "roster")) {
        if (central_roster_import(c, rows, n, &err) == SIM_OK) {
            printf(tr(STR_ROSTER_OK), n, file);
            rc = EXIT_OK;
        } else {
            fprintf(stderr, "mfc-trainer roster: %s\n", err.msg);
        }
        central_close(c);
    }
    free(rows);
    return rc;
}

/* ---- sync ------------------------------------------------------------------------------- */


static void sync_json(const RegionTally *t, const char *inst, int ok, const RegionPackTally *pt)
{
    SimBuf b;
    simbuf_init(&b);
    SimJsonW w;
    simjsonw_init(&w, &b, 1);
    simjsonw_object(&w);
    simjsonw_key(&w, "ok");
    simjsonw_bool(&w, ok);
    simjsonw_key(&w, "installation");
    simjsonw_string(&w, inst);
    simjsonw_key(&w, "office");
    simjsonw_string(&w, t->office);
    simjsonw_key(&w, "sent_entries");
    simjsonw_int(&w, t->sent);
    simjsonw_key(&w, "sent_attempts");
    simjsonw_int(&w, t->attempts);
    simjsonw_key(&w, "batches");
    simjsonw_int(&w, t->batches);
    simjsonw_key(&w, "centre_last");
    simjsonw_int(&w, t->centre_last);
    simjsonw_key(&w, "local_last");
    simjsonw_int(&w, t->local_last);
    simjsonw_key(&w, "waiting");
    simjsonw_int(&w, t->waiting);
    simjsonw_key(&w, "local_findings");
    simjsonw_int(&w, (long long)t->local_findings);
    simjsonw_key(&w, "roster");
    simjsonw_object(&w);
    simjsonw_key(&w, "received");
    simjsonw_int(&w, (long long)t->roster_received);
    simjsonw_key(&w, "added");
    simjsonw_int(&w, (long long)t->roster_added);
    simjsonw_key(&w, "conflicts");
    simjsonw_int(&w, (long long)t->roster_conflicts);
    simjsonw_object_end(&w);
    simjsonw_key(&w, "error");
    simjsonw_string(&w, t->error);
    if (pt) {
        /* The scenario pack (issue #13). */
        simjsonw_key(&w, "pack");
        simjsonw_object(&w);
        simjsonw_key(&w, "newest");
        simjsonw_string(&w, pt->newest[0] ? pt->newest : NULL);
        simjsonw_key(&w, "before");
        simjsonw_string(&w, pt->before[0] ? pt->before : NULL);
        simjsonw_key(&w, "installed");
        simjsonw_string(&w, pt->installed[0] ? pt->installed : NULL);
        simjsonw_key(&w, "changed");
        simjsonw_bool(&w, pt->changed);
        simjsonw_key(&w, "skipped");
        simjsonw_bool(&w, pt->skipped);
        simjsonw_key(&w, "refused");
        simjsonw_bool(&w, pt->refused);
        simjsonw_key(&w, "reported");
        simjsonw_bool(&w, pt->reported);
        simjsonw_object_end(&w);
    }
    simjsonw_object_end(&w);
    printf("%s\n", simbuf_str(&b));
    simbuf_free(&b);
}

static int sync_export(Store *st, const RegionIdentity *id, const char *office, const char *region,
                       const char *file)
{
    SimError err;
    long long last = store_chain_last(st);
    char *m = store_get_setting(st, "sync.mark");
    long long after = m ? atoll(m) : 0;
    free(m);
    if (after > last)
        after = 0;
    char hash[65] = "", from_hash[65] = "";
    CentralHead h;
    if (!region_pub_hash(st, after, from_hash) || !region_pub_hash(st, last, hash)) {
        fprintf(stderr, "mfc-trainer sync: %s\n", tr(STR_SYNC_READ_FAILED));
        return EXIT_FAIL;
    }
    if (region_sign_head(id, last, hash, &h, &err) != SIM_OK) {
        fprintf(stderr, "mfc-trainer sync: %s\n", err.msg);
        return EXIT_FAIL;
    }
    char nlast[24], nafter[24], created[32];
    snprintf(nlast, sizeof nlast, "%lld", last);
    snprintf(nafter, sizeof nafter, "%lld", after);
    time_t tt = time(NULL);
    strftime(created, sizeof created, "%Y-%m-%dT%H:%M:%SZ", gmtime(&tt));
    const char *keys[] = {"format",    "installation", "public_key", "office",
                          "region",    "after",        "after_hash", "head_n",
                          "head_hash", "head_sig",     "created_at"};
    const char *vals[] = {"mfc-trainer-bundle-1",
                          id->id,
                          id->pub,
                          office ? office : "",
                          region ? region : "",
                          nafter,
                          from_hash,
                          nlast,
                          hash,
                          h.sig,
                          created};
    if (store_bundle_write(st, file, after, keys, vals, sizeof keys / sizeof keys[0], &err) !=
        SIM_OK) {
        fprintf(stderr, "mfc-trainer sync: %s\n", err.msg);
        return EXIT_FAIL;
    }
    printf(tr(STR_SYNC_EXPORT_OK), file, last - after, after + 1, last);
    printf("\n");
    return EXIT_OK;
}

/* Loads a bundle at the centre: signature by the enrolled key, the chain, every record. */
static int sync_import(Central *c, const char *file, int json)
{
    SimError err;
    Store *b = NULL;
    if (store_open_evidence(file, &b, &err) != SIM_OK) {
        fprintf(stderr, "mfc-trainer sync: %s\n", err.msg);
        return EXIT_USAGE;
    }
    char *fmt = store_bundle_get(b, "format"), *inst = store_bundle_get(b, "installation");
    char *after_s = store_bundle_get(b, "after"), *after_h = store_bundle_get(b, "after_hash");
    char *head_n = store_bundle_get(b, "head_n"), *head_h = store_bundle_get(b, "head_hash");
    char *head_sig = store_bundle_get(b, "head_sig");
    int rc = EXIT_FAIL;
    SyncEntry *e = NULL;
    size_t n = 0;
    Trainee *prof = NULL;
    size_t np = 0;
    char pub[SEC_PUB_HEX + 1] = "";
    if (!fmt || strcmp(fmt, "mfc-trainer-bundle-1") != 0 || !inst || !after_s || !head_n ||
        !head_h || !head_sig) {
        fprintf(stderr, "mfc-trainer sync: ");
        fprintf(stderr, tr(STR_BUNDLE_NOT), file);
        fprintf(stderr, "\n");
        rc = EXIT_USAGE;
        goto done;
    }
    /* The key the centre enrolled for this installation, never the one inside the bundle. */
    {
        CentralStatus cs;
        if (central_status(c, inst, &cs, &err) != SIM_OK) {
            fprintf(stderr, "mfc-trainer sync: %s: %s\n", file, err.msg);
            goto done;
        }
        if (!central_public_key(c, inst, pub, &err)) {
            fprintf(stderr, "mfc-trainer sync: %s: %s\n", file, err.msg);
            goto done;
        }
        SimBuf m;
        simbuf_init(&m);
        long long hn = atoll(head_n);
        central_head_message(&m, inst, hn, head_h);
        int good = sec_verify_message(pub, simbuf_str(&m), m.len, head_sig);
        simbuf_free(&m);
        if (!good) {
            fprintf(stderr, "mfc-trainer sync: ");
            fprintf(stderr, tr(STR_BUNDLE_BAD_SIG), file, cs.office, inst);
            fprintf(stderr, "\n");
            goto done;
        }
        long long after = atoll(after_s);
        if (cs.last_n < after) {
            fprintf(stderr, "mfc-trainer sync: ");
            fprintf(stderr, tr(STR_BUNDLE_GAP), file, cs.office, cs.last_n, after + 1);
            fprintf(stderr, "\n");
            goto done;
        }
        if (store_sync_entries(b, after, (size_t)(hn - after > 0 ? hn - after : 0) + 1, 1, &e, &n,
                               &err) != SIM_OK) {
            fprintf(stderr, "mfc-trainer sync: %s: %s\n", file, err.msg);
            goto done;
        }
        char h[65];
        snprintf(h, sizeof h, "%s", after_h ? after_h : "");
        long long expect = after + 1;
        for (size_t i = 0; i < n; i++) {
            if (e[i].n != expect || !e[i].intact) {
                fprintf(stderr, "mfc-trainer sync: ");
                fprintf(stderr, tr(STR_BUNDLE_RECORD), file, cs.office, e[i].n, e[i].kind,
                        e[i].attempt);
                fprintf(stderr, "\n");
                goto done;
            }
            store_pub_hash_next(h, &e[i], h);
            expect++;
        }
        if (expect - 1 != hn || strcmp(h, head_h) != 0) {
            fprintf(stderr, "mfc-trainer sync: ");
            fprintf(stderr, tr(STR_BUNDLE_CHAIN), file, cs.office, hn);
            fprintf(stderr, "\n");
            goto done;
        }
        store_sync_trainees(b, &prof, &np, &err);
        CentralHead head = {.n = hn, .via = "bundle"};
        snprintf(head.hash, sizeof head.hash, "%s", head_h);
        snprintf(head.sig, sizeof head.sig, "%s", head_sig);
        if (central_submit(c, inst, e, n, prof, np, &head, &err) != SIM_OK) {
            fprintf(stderr, "mfc-trainer sync: %s: %s\n", file, err.msg);
            goto done;
        }
        CentralStatus after_cs;
        central_status(c, inst, &after_cs, &err);
        if (json)
            printf("{\"ok\": true, \"installation\": \"%s\", \"office\": \"%s\", \"entries\": %zu,"
                   " \"new\": %lld, \"centre_last\": %lld}\n",
                   inst, cs.office, n, after_cs.last_n - cs.last_n, after_cs.last_n);
        else {
            printf(tr(STR_BUNDLE_OK), file, cs.office, inst, n, after_cs.last_n - cs.last_n,
                   after_cs.last_n);
            printf("\n");
        }
        rc = after_cs.last_n >= hn ? EXIT_OK : EXIT_FAIL;
    }
done:
    store_sync_entries_free(e, n);
    free(prof);
    free(fmt);
    free(inst);
    free(after_s);
    free(after_h);
    free(head_n);
    free(head_h);
    free(head_sig);
    store_close(b);
    return rc;
}

static void print_progress(void *ud, long long at, long long last)
{
    (void)ud;
    printf(tr(STR_SYNC_PROGRESS), at, last);
    printf("\n");
    fflush(stdout);
}

int cmd_sync(int argc, char **argv, const AppPaths *paths)
{
    const char *use = tr(STR_SYNC_USAGE);
    Flags f;
    int rc = parse(argc, argv, &f, "sync", use, 0);
    if (rc != EXIT_OK)
        return rc == APP_ARGS_HELP ? EXIT_OK : rc;
    if (f.export_to && f.import_from)
        return app_usage("sync", use, TRF(STR_SYNC_BOTH), "");
    size_t batch = SYNC_BATCH;
    if (f.batch) {
        char *end = NULL;
        long v = strtol(f.batch, &end, 10);
        if (!end || *end || v < 1 || v > 100000)
            return app_usage("sync", use, TRF(STR_SYNC_BAD_BATCH), f.batch);
        batch = (size_t)v;
    }
    if (f.import_from) {
        const char *uri = central_of(paths, &f, "sync", use);
        if (!uri)
            return EXIT_USAGE;
        Central *c;
        if (!connect_to(uri, &c, "sync"))
            return EXIT_FAIL;
        rc = sync_import(c, f.import_from, f.json);
        central_close(c);
        return rc;
    }
    char *db = app_db_path(paths, f.db);
    if (!sim_is_file(db)) {
        fprintf(stderr, "mfc-trainer sync: ");
        fprintf(stderr, tr(STR_ERR_EXPORT_NO_DB), db);
        fprintf(stderr, "\n");
        free(db);
        return EXIT_USAGE;
    }
    RegionIdentity id;
    if (!identity_load(db, 0, &id, "sync")) {
        fprintf(stderr, "mfc-trainer sync: %s\n", tr(STR_SYNC_NOT_ENROLLED));
        region_identity_free(&id);
        free(db);
        return EXIT_USAGE;
    }
    Store *st = NULL;
    SimError err;
    if (store_open(db, &st, &err) != SIM_OK) {
        fprintf(stderr, "mfc-trainer sync: %s\n", err.msg);
        region_identity_free(&id);
        free(db);
        return EXIT_FAIL;
    }
    if (f.export_to) {
        rc = sync_export(st, &id, app_setting(paths, f.office, SIMCONF_OFFICE),
                         app_setting(paths, f.region, SIMCONF_REGION), f.export_to);
        store_close(st);
        region_identity_free(&id);
        free(db);
        return rc;
    }
    const char *uri = central_of(paths, &f, "sync", use);
    if (!uri || central_library(&err) != SIM_OK) {
        /* A missing libpq is not "no link with the centre": no retry helps until the
         * package named in the message is installed. */
        if (uri)
            fprintf(stderr, "mfc-trainer sync: %s\n", err.msg);
        store_close(st);
        region_identity_free(&id);
        free(db);
        return uri ? EXIT_FAIL : EXIT_USAGE;
    }
    RegionTally t;
    int json = f.json;
    SimStatus s = region_sync(st, uri, &id, batch, 1, json ? NULL : print_progress, NULL, &t, &err);
    if (s == SIM_ERR_IO && t.error && strcmp(t.error, "offline") == 0) {
        if (json)
            sync_json(&t, id.id, 0, NULL);
        fprintf(stderr, "mfc-trainer sync: ");
        fprintf(stderr, tr(STR_SYNC_OFFLINE), (long long)t.waiting);
        fprintf(stderr, " (%s)\n", err.msg);
        rc = EXIT_FAIL;
    } else {
        /* The newest scenario pack, over its own connection: installed only after its
         * signature checks out against this PC's trusted keys. */
        char *keys[APP_MAX_TRUSTED];
        size_t nk = app_trusted_keys(paths, keys, APP_MAX_TRUSTED);
        char *packs = app_packs_dir(paths, NULL);
        PackSite site = {.dir = packs, .trusted = (const char *const *)keys, .trusted_count = nk};
        RegionPackTally pt;
        SimError perr;
        SimStatus ps = region_sync_pack(uri, &id, &site, &pt, &perr);
        for (size_t i = 0; i < nk; i++)
            free(keys[i]);
        free(packs);
        if (ps != SIM_OK || pt.refused) {
            fprintf(stderr, "mfc-trainer sync: ");
            fprintf(stderr, tr(STR_PACK_SYNC_REFUSED), perr.msg);
            fprintf(stderr, "\n");
        }
        if (s != SIM_OK || t.outcome != REGION_ALL_SENT) {
            if (t.outcome == REGION_DIVERGED || s != SIM_OK ||
                (t.error && strcmp(t.error, "refused") == 0))
                fprintf(stderr, "mfc-trainer sync: %s\n", err.msg);
        }
        int pack_ok = ps == SIM_OK && !pt.refused;
        if (json) {
            sync_json(&t, id.id, s == SIM_OK && t.outcome == REGION_ALL_SENT && pack_ok, &pt);
        } else {
            printf(tr(STR_SYNC_SUMMARY), (long long)t.sent, (long long)t.attempts,
                   (long long)t.batches, t.office, (long long)t.centre_last, (long long)t.waiting);
            printf("\n");
            if (t.roster_received) {
                printf(tr(STR_SYNC_ROSTER), t.roster_received, t.roster_added, t.roster_conflicts);
                printf("\n");
            }
            if (t.local_findings) {
                printf(tr(STR_SYNC_FINDINGS), t.local_findings);
                printf("\n");
            }
            if (pt.changed)
                printf(tr(STR_PACK_SYNC_INSTALLED), pt.installed,
                       pt.before[0] ? pt.before : tr(STR_PACK_NONE));
            else if (pt.skipped)
                printf(tr(STR_PACK_SYNC_SKIPPED), pt.newest, pt.installed);
            else if (pt.newest[0] && pack_ok)
                printf(tr(STR_PACK_SYNC_CURRENT), pt.installed);
            if (pt.changed || pt.skipped || (pt.newest[0] && pack_ok))
                printf("\n");
        }
        rc = s == SIM_OK && t.outcome == REGION_ALL_SENT && pack_ok ? EXIT_OK : EXIT_FAIL;
    }
    store_close(st);
    region_identity_free(&id);
    free(db);
    return rc;
}

/* ---- verify --central ------------------------------------------------------------------- */

int app_verify_central(const char *uri, const char *office, int json)
{
    Central *c;
    if (!connect_to(uri, &c, "verify"))
        return EXIT_FAIL;
    CentralVerify v;
    SimError err;
    if (central_verify(c, office, &v, &err) != SIM_OK) {
        fprintf(stderr, "mfc-trainer verify: %s\n", err.msg);
        central_close(c);
        return EXIT_FAIL;
    }
    if (json) {
        SimBuf b;
        simbuf_init(&b);
        SimJsonW w;
        simjsonw_init(&w, &b, 1);
        simjsonw_object(&w);
        simjsonw_key(&w, "installations");
        simjsonw_int(&w, (long long)v.installations);
        simjsonw_key(&w, "entries");
        simjsonw_int(&w, (long long)v.entries);
        simjsonw_key(&w, "heads");
        simjsonw_int(&w, (long long)v.heads);
        simjsonw_key(&w, "findings");
        simjsonw_array(&w);
        for (size_t i = 0; i < v.count; i++) {
            const CentralFinding *f = &v.items[i];
            simjsonw_object(&w);
            simjsonw_key(&w, "office");
            simjsonw_string(&w, f->office);
            simjsonw_key(&w, "installation");
            simjsonw_string(&w, f->installation);
            simjsonw_key(&w, "kind");
            simjsonw_string(&w, f->kind);
            simjsonw_key(&w, "n");
            simjsonw_int(&w, f->n);
            simjsonw_key(&w, "attempt");
            simjsonw_string(&w, f->attempt);
            simjsonw_key(&w, "detail");
            simjsonw_string(&w, f->detail);
            simjsonw_object_end(&w);
        }
        simjsonw_array_end(&w);
        simjsonw_object_end(&w);
        printf("%s\n", simbuf_str(&b));
        simbuf_free(&b);
    } else {
        for (size_t i = 0; i < v.count; i++) {
            const CentralFinding *f = &v.items[i];
            printf(tr(STR_VERIFY_CENTRAL_LINE), f->office, f->installation, f->kind, f->detail);
            if (f->attempt[0])
                printf(tr(STR_VERIFY_ATTEMPT_ID), f->attempt);
            printf("\n");
        }
        printf(tr(STR_VERIFY_CENTRAL_SUMMARY), v.installations, v.entries, v.heads, v.count);
        printf("\n");
    }
    int rc = v.count ? EXIT_FAIL : EXIT_OK;
    central_verify_free(&v);
    central_close(c);
    return rc;
}

int app_report_central_load(const AppPaths *paths, const char *uri, const char *office,
                            const char *trainee, const char *scenario, const char *since,
                            const char *until, Store *dst)
{
    (void)paths;
    Central *c;
    if (!connect_to(uri, &c, "report"))
        return EXIT_FAIL;
    CentralFilter f = {.office = office,
                       .trainee = trainee,
                       .scenario = scenario,
                       .since = since,
                       .until = until};
    size_t loaded = 0;
    SimError err;
    SimStatus s = central_load_attempts(c, &f, dst, &loaded, &err);
    central_close(c);
    if (s != SIM_OK) {
        fprintf(stderr, "mfc-trainer report: %s\n", err.msg);
        return EXIT_FAIL;
    }
    return EXIT_OK;
}

static int office_table(Central *c, const char *office, int style, SimBuf *out);

int app_report_central_build(const char *uri, const char *office, const ReportFilter *f, int style,
                             Report **out, SimBuf *offices)
{
    *out = NULL;
    Central *c;
    if (!connect_to(uri, &c, "report"))
        return EXIT_FAIL;
    CentralFilter cf = {.office = office, .scenario = f->scenario};
    SimError err;
    SimStatus s = central_report_build(c, &cf, out, &err);
    if (s == SIM_ERR_STATE) {
        central_close(c);
        return APP_REPORT_CENTRAL_REBUILD;
    }
    if (s != SIM_OK) {
        central_close(c);
        fprintf(stderr, "mfc-trainer report: %s\n", err.msg);
        return EXIT_FAIL;
    }
    /* The per-office table over the same connection (a second one costs a TLS handshake). */
    int rc = office_table(c, office, style, offices);
    central_close(c);
    if (rc != EXIT_OK) {
        report_free(*out);
        *out = NULL;
    }
    return rc;
}

/* One cell of the text table: width w characters (negative: left-aligned), clipped with «…»
 * when longer; widths count UTF-8 code points, not bytes. */
static void pad_cell(SimBuf *b, const char *s, int w, const char *sep)
{
    simbuf_puts(b, sep);
    size_t want = (size_t)(w < 0 ? -w : w), len = strlen(s), chars = sim_utf8_len(s, len);
    if (chars > want) {
        /* Keep want - 1 characters and an ellipsis. */
        const char *p = s;
        for (size_t k = 0; k + 1 < want && *p; k++) {
            int n = sim_utf8_seq((const unsigned char *)p, (const unsigned char *)s + len);
            p += n > 0 ? n : 1;
        }
        simbuf_append(b, s, (size_t)(p - s));
        simbuf_puts(b, "…");
        return;
    }
    if (w > 0)
        for (size_t k = chars; k < want; k++)
            simbuf_puts(b, " ");
    simbuf_puts(b, s);
    if (w < 0)
        for (size_t k = chars; k < want; k++)
            simbuf_puts(b, " ");
}

/* Ends a text-table line without the last column's padding. */
static void end_line(SimBuf *b)
{
    while (b->len && b->data[b->len - 1] == ' ')
        b->len--;
    simbuf_puts(b, "\n");
}

/* One decimal with a comma («74,5»), as in the rest of the report. */
static void one_decimal(char out[32], double v)
{
    snprintf(out, 32, "%.1f", v);
    char *dot = strchr(out, '.');
    if (dot)
        *dot = ',';
}

int app_report_central_offices(const char *uri, const char *office, int style, SimBuf *out)
{
    Central *c;
    if (!connect_to(uri, &c, "report"))
        return EXIT_FAIL;
    int rc = office_table(c, office, style, out);
    central_close(c);
    return rc;
}

static int office_table(Central *c, const char *office, int style, SimBuf *out)
{
    CentralOfficeRow *rows = NULL;
    size_t n = 0;
    SimError err;
    SimStatus s = central_office_table(c, office, &rows, &n, &err);
    if (s != SIM_OK) {
        fprintf(stderr, "mfc-trainer report: %s\n", err.msg);
        return EXIT_FAIL;
    }
    if (style == 1)
        simbuf_printf(out, "\xEF\xBB\xBF%s\r\n%s\r\n", tr(STR_REPORT_OFFICES),
                      tr(STR_REPORT_OFFICES_HEAD));
    else if (style == 0) {
        /* Fits 80 columns: padded by characters, the weakest criterion last and clipped. */
        simbuf_printf(out, "%s\n", tr(STR_REPORT_OFFICES));
        const char *const head[] = {tr(STR_REPORT_H_OFFICE),    tr(STR_CENTRAL_T_ATTEMPTS),
                                    tr(STR_CENTRAL_T_FINISHED), tr(STR_CENTRAL_T_PASSED),
                                    tr(STR_CENTRAL_T_AVG),      tr(STR_CENTRAL_T_TRAINEES),
                                    tr(STR_CENTRAL_T_WEAKEST)};
        static const int wid[] = {-10, 8, 8, 8, 7, 6, -25};
        for (int k = 0; k < 7; k++)
            pad_cell(out, head[k], wid[k], k ? " " : "");
        end_line(out);
    } else if (style == 3)
        simbuf_printf(out, TRF(STR_CENTRAL_HTML_OFFICES_HEAD), tr(STR_REPORT_OFFICES));
    SimJsonW w;
    if (style == 2) {
        simjsonw_init(&w, out, 0);
        simjsonw_object(&w);
        simjsonw_key(&w, "offices");
        simjsonw_array(&w);
    }
    for (size_t i = 0; i < n; i++) {
        const CentralOfficeRow *o = &rows[i];
        double rate = o->finished ? 100.0 * (double)o->passed / (double)o->finished : 0;
        double avg = o->finished ? (double)o->sum_total / (double)o->finished : 0;
        char *wk = sim_strdup_clean(o->weakest);
        char *off = sim_strdup_clean(o->office);
        if (style == 2) {
            simjsonw_object(&w);
            simjsonw_key(&w, "office");
            simjsonw_string(&w, o->office);
            simjsonw_key(&w, "attempts");
            simjsonw_int(&w, o->attempts);
            simjsonw_key(&w, "finished");
            simjsonw_int(&w, o->finished);
            simjsonw_key(&w, "passed");
            simjsonw_int(&w, o->passed);
            simjsonw_key(&w, "pass_rate");
            simjsonw_number(&w, round(rate * 10) / 10);
            simjsonw_key(&w, "average");
            simjsonw_number(&w, round(avg * 10) / 10);
            simjsonw_key(&w, "weakest");
            simjsonw_string(&w, o->weakest);
            simjsonw_key(&w, "trainees");
            simjsonw_int(&w, o->trainees);
            simjsonw_object_end(&w);
        } else if (style == 1) {
            char r1[32], a1[32];
            one_decimal(r1, rate);
            one_decimal(a1, avg);
            app_csv_field(out, off, 0);
            simbuf_printf(out, ";%lld;%lld;%s;%s;", o->attempts, o->finished, r1, a1);
            app_csv_field(out, wk, 0);
            simbuf_printf(out, ";%lld\r\n", o->trainees);
        } else if (style == 3) {
            char r1[32], a1[32];
            one_decimal(r1, rate);
            one_decimal(a1, avg);
            simbuf_puts(out, "<tr><td>");
            app_html_esc(out, off);
            simbuf_printf(out, "</td><td>%lld</td><td>%lld</td><td>%s</td><td>%s</td><td>",
                          o->attempts, o->finished, r1, a1);
            app_html_esc(out, wk);
            simbuf_printf(out, "</td><td>%lld</td></tr>\n", o->trainees);
        } else {
            char v[5][32];
            snprintf(v[0], sizeof v[0], "%lld", o->attempts);
            snprintf(v[1], sizeof v[1], "%lld", o->finished);
            one_decimal(v[2], rate);
            one_decimal(v[3], avg);
            snprintf(v[4], sizeof v[4], "%lld", o->trainees);
            pad_cell(out, off ? off : "", -10, "");
            pad_cell(out, v[0], 8, " ");
            pad_cell(out, v[1], 8, " ");
            pad_cell(out, v[2], 8, " ");
            pad_cell(out, v[3], 7, " ");
            pad_cell(out, v[4], 6, " ");
            pad_cell(out, wk && *wk ? wk : "—", -25, " ");
            end_line(out);
        }
        free(wk);
        free(off);
    }
    if (style == 2) {
        simjsonw_array_end(&w);
        simjsonw_object_end(&w);
        simbuf_puts(out, "\n");
    } else if (style == 3) {
        simbuf_puts(out, "</table></section>\n");
    } else {
        simbuf_puts(out, style == 1 ? "\r\n" : "\n");
    }
    free(rows);
    return EXIT_OK;
}
