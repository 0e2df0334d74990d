/*
 * xapi_test.c — `mfc-trainer export --format xapi` against the xAPI rules.
 *
 *   xapi_test export MFC_TRAINER SCENARIOS_DIR GOLDEN_DIR WORK_DIR
 *     builds a results database by playing every golden case through the real command line
 *     (`play ID --seed N --actions … --db FILE [--trainee P --trainee-name "Фамилия Имя"]`),
 *     adds one abandoned attempt (only the first action) and one cut off by a crash (actions
 *     written, no end: made with the store API the player uses), exports it, and checks with
 *     cJSON: the statement sequence of every registration, required fields, ids (valid,
 *     unique, name-based and the same on a second export), scores, durations, timestamps,
 *     success/completion, language, one registration per attempt, --since and --home-page.
 *   xapi_test cli MFC_TRAINER SCENARIOS_DIR GOLDEN_DIR WORK_DIR
 *     the command's contract: exit codes and messages for bad flags, dates, formats, missing
 *     and corrupted databases, unwritable output.
 */
#include <cjson/cJSON.h>
#include <dirent.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/export.h"
#include "store/store.h"
#include "test.h"

#define HOME_DEFAULT "https://mfc-trainer.local"
#define ADL          "http://adlnet.gov/expapi/verbs/"

static const char *exe, *scen_root, *golden_dir, *work;

/* ==== helpers ============================================================================= */

static char *path_in(const char *name)
{
    size_t n = strlen(work) + strlen(name) + 2;
    char *p = malloc(n);
    snprintf(p, n, "%s/%s", work, name);
    return p;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, len = 0, n;
    char *buf = malloc(cap);
    while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (len + 1 == cap) {
            char *p = realloc(buf, cap *= 2);
            if (!p) {
                free(buf);
                buf = NULL;
            }
            buf = p;
        }
    }
    fclose(f);
    if (buf)
        buf[len] = '\0';
    return buf;
}

/* Runs argv (argv[0] is a path) with stdout and stderr into files (NULL: /dev/null); returns
 * the exit status, or -1 when it did not exit normally. */
static int run(char *const argv[], const char *out, const char *errf)
{
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int fo = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int fe = open(errf ? errf : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (fo < 0 || fe < 0)
            _exit(126);
        dup2(fo, 1);
        dup2(fe, 2);
        close(fo);
        close(fe);
        execv(argv[0], argv);
        _exit(127);
    }
    int st;
    if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st))
        return -1;
    return WEXITSTATUS(st);
}

static void remove_db(const char *db)
{
    char p[1024];
    remove(db);
    snprintf(p, sizeof p, "%s-wal", db);
    remove(p);
    snprintf(p, sizeof p, "%s-shm", db);
    remove(p);
}

static const cJSON *get(const cJSON *o, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(o, key);
}

static const char *str(const cJSON *o, const char *key)
{
    const cJSON *v = get(o, key);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

static int is_hex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

/* A lower-case UUID 8-4-4-4-12 with the RFC 4122 variant; version when version > 0. */
static int is_uuid(const char *s, int version)
{
    if (!s || strlen(s) != 36)
        return 0;
    for (int i = 0; i < 36; i++) {
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (s[i] != '-')
                return 0;
        } else if (!is_hex(s[i])) {
            return 0;
        }
    }
    if (!strchr("89ab", s[19]))
        return 0;
    return version <= 0 || s[14] == '0' + version;
}

static int digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

/* ISO 8601 timestamp as xAPI uses it: YYYY-MM-DDTHH:MM:SS[.f+](Z|±HH:MM). */
static int is_timestamp(const char *s)
{
    if (!s || strlen(s) < 20 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' ||
        !digits(s + 8, 2) || s[10] != 'T' || !digits(s + 11, 2) || s[13] != ':' ||
        !digits(s + 14, 2) || s[16] != ':' || !digits(s + 17, 2))
        return 0;
    const char *p = s + 19;
    if (*p == '.') {
        p++;
        if (!digits(p, 1))
            return 0;
        while (*p >= '0' && *p <= '9')
            p++;
    }
    if (strcmp(p, "Z") == 0)
        return 1;
    return (*p == '+' || *p == '-') && strlen(p) == 6 && digits(p + 1, 2) && p[3] == ':' &&
           digits(p + 4, 2);
}

/* Parses an ISO 8601 duration P[nD][T[nH][nM][n[.n]S]] into seconds; 0 when invalid. */
static int parse_duration(const char *s, double *secs)
{
    if (!s || *s != 'P')
        return 0;
    const char *p = s + 1;
    double total = 0;
    int any = 0, in_time = 0;
    const char *order = "DHMS";
    int last = -1;
    while (*p) {
        if (*p == 'T') {
            if (in_time)
                return 0;
            in_time = 1;
            p++;
            if (!*p)
                return 0;
            continue;
        }
        char *end;
        if (*p < '0' || *p > '9')
            return 0;
        double v = strtod(p, &end);
        if (end == p)
            return 0;
        const char *unit = strchr(order, *end);
        if (!*end || !unit)
            return 0;
        int u = (int)(unit - order);
        if (u <= last || (u == 0 && in_time) || (u > 0 && !in_time))
            return 0;
        if (u != 3 && memchr(p, '.', (size_t)(end - p)))
            return 0; /* only seconds carry a fraction here */
        static const double mult[] = {86400, 3600, 60, 1};
        total += v * mult[u];
        last = u;
        any = 1;
        p = end + 1;
    }
    if (!any)
        return 0;
    *secs = total;
    return 1;
}

/* ==== the fixture ========================================================================= */

typedef struct Expected {
    char scenario[80];
    char **actions;
    int n_actions;
    int finished, closed, passed, total;
    char personnel[32];
    int matched;
} Expected;

static Expected expected[128];
static int n_expected;

static Expected *add_expected(const char *scenario, const char *personnel)
{
    Expected *e = &expected[n_expected++];
    memset(e, 0, sizeof *e);
    snprintf(e->scenario, sizeof e->scenario, "%s", scenario);
    snprintf(e->personnel, sizeof e->personnel, "%s", personnel ? personnel : "anonymous");
    e->actions = calloc(64, sizeof *e->actions);
    return e;
}

static const char *const trainees[][2] = {
    {"004512", "Иванова Мария"},
    {"004513", "Петров Пётр"},
    {NULL, NULL}, /* without a profile */
};

/* Plays one case into db; returns the exit status. */
static int play(const char *db, const char *scenario, int seed, const char *actions, int who,
                int exam)
{
    char seed_s[32];
    snprintf(seed_s, sizeof seed_s, "%d", seed);
    char *argv[20];
    int n = 0;
    argv[n++] = (char *)exe;
    argv[n++] = "play";
    argv[n++] = (char *)scenario;
    argv[n++] = "--scenarios";
    argv[n++] = (char *)scen_root;
    argv[n++] = "--seed";
    argv[n++] = seed_s;
    argv[n++] = "--actions";
    argv[n++] = (char *)actions;
    argv[n++] = "--quiet";
    argv[n++] = "--db";
    argv[n++] = (char *)db;
    if (trainees[who][0]) {
        argv[n++] = "--trainee";
        argv[n++] = (char *)trainees[who][0];
        argv[n++] = "--trainee-name";
        argv[n++] = (char *)trainees[who][1];
    }
    if (exam)
        argv[n++] = "--exam";
    argv[n] = NULL;
    /* What play printed on stderr is shown when it fails, so a failure says why. */
    char errf[1024];
    snprintf(errf, sizeof errf, "%s/play.err", work);
    int rc = run(argv, NULL, errf);
    if (rc != 0) {
        FILE *f = fopen(errf, "r");
        char line[1024];
        while (f && fgets(line, sizeof line, f))
            fprintf(stderr, "  play: %s", line);
        if (f)
            fclose(f);
    }
    return rc;
}

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every case of every golden file (tests/golden/<id>.json), finished, spread over three
 * trainees. */
static void play_golden(const char *db)
{
    DIR *d = opendir(golden_dir);
    CHECK(d != NULL);
    if (!d)
        return;
    char *names[32];
    int nn = 0;
    struct dirent *de;
    while ((de = readdir(d)) && nn < 32) {
        size_t l = strlen(de->d_name);
        if (l > 5 && strcmp(de->d_name + l - 5, ".json") == 0)
            names[nn++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(names, (size_t)nn, sizeof *names, cmp_str);
    int k = 0;
    for (int f = 0; f < nn; f++) {
        char path[1024];
        snprintf(path, sizeof path, "%s/%s", golden_dir, names[f]);
        char *text = slurp(path);
        cJSON *root = text ? cJSON_Parse(text) : NULL;
        free(text);
        CHECK(root != NULL);
        const char *scenario = str(root, "scenario");
        const cJSON *seed = get(root, "seed"), *c;
        cJSON_ArrayForEach(c, get(root, "cases"))
        {
            if (n_expected >= 120)
                break;
            int who = k % 3, exam = k % 4 == 3;
            k++;
            Expected *e = add_expected(scenario, trainees[who][0]);
            char list[12000] = "";
            const cJSON *a;
            cJSON_ArrayForEach(a, get(c, "actions"))
            {
                if (list[0])
                    strncat(list, ",", sizeof list - strlen(list) - 1);
                strncat(list, a->valuestring, sizeof list - strlen(list) - 1);
                if (e->n_actions < 64)
                    e->actions[e->n_actions++] = strdup(a->valuestring);
            }
            const cJSON *x = get(c, "expect");
            e->finished = e->closed = 1;
            e->passed = cJSON_IsTrue(get(x, "passed"));
            e->total = get(x, "total")->valueint;
            int rc = play(db, scenario, seed->valueint, list, who, exam);
            if (rc != 0)
                fprintf(stderr, "play %s %s: exit %d\n", scenario, str(c, "name"), rc);
            CHECK_INT(rc, 0);
        }
        cJSON_Delete(root);
    }
    for (int f = 0; f < nn; f++)
        free(names[f]);
    CHECK(k >= 6);
}

/* An attempt abandoned after its first action (play records it as unfinished). */
static void play_abandoned(const char *db)
{
    Expected *e = add_expected("passport-45-late", "004512");
    e->actions[e->n_actions++] = strdup("greet-standard");
    e->closed = 1;
    CHECK_INT(play(db, "passport-45-late", 3, "greet-standard", 0, 0), 0);
}

/* An attempt cut off by a crash: its row and actions, no end — exactly what the player leaves
 * behind, written with the same store calls. One action carries unreadable points JSON. */
static void add_interrupted(const char *db)
{
    char *out = path_in("hash.json");
    char *argv[] = {(char *)exe, "play",      "passport-45-late", "--scenarios", (char *)scen_root,
                    "--json",    "--actions", "greet-standard",   NULL};
    CHECK_INT(run(argv, out, NULL), 0);
    char *text = slurp(out);
    cJSON *res = text ? cJSON_Parse(text) : NULL;
    free(text);
    free(out);
    CHECK(res != NULL);
    Store *st = NULL;
    SimError err;
    CHECK(store_open(db, &st, &err) == SIM_OK);
    if (!st || !res) {
        cJSON_Delete(res);
        store_close(st);
        return;
    }
    Trainee t;
    CHECK(store_find_trainee(st, "004513", &t));
    AttemptInfo a;
    memset(&a, 0, sizeof a);
    a.trainee = t.id;
    snprintf(a.scenario, sizeof a.scenario, "passport-45-late");
    snprintf(a.version, sizeof a.version, "%s", str(res, "version"));
    snprintf(a.hash, sizeof a.hash, "%s", str(res, "hash"));
    a.seed = 5;
    CHECK(store_begin_attempt(st, &a, &err) == SIM_OK);
    CHECK(store_add_action(st, a.id, 1, "greet-standard", 0.5,
                           "[{\"action\":\"greet-standard\",\"kind\":\"points\",\"criterion\":"
                           "\"communication\",\"points\":3,\"feedback\":\"ok\",\"rule\":null,"
                           "\"rule_id\":null,\"minutes\":0.5}]",
                           &err) == SIM_OK);
    CHECK(store_add_action(st, a.id, 2, "ask-name", 1.0, "not json at all", &err) == SIM_OK);
    store_close(st);
    cJSON_Delete(res);
    Expected *e = add_expected("passport-45-late", "004513");
    e->actions[e->n_actions++] = strdup("greet-standard");
    e->actions[e->n_actions++] = strdup("ask-name");
}

static int export_to(const char *db, const char *out, const char *since, const char *home)
{
    char *argv[16];
    int n = 0;
    argv[n++] = (char *)exe;
    argv[n++] = "export";
    argv[n++] = "--format";
    argv[n++] = "xapi";
    argv[n++] = "--db";
    argv[n++] = (char *)db;
    argv[n++] = "--guests"; /* the fixture's guest attempts too (issue #13: not by default) */
    if (since) {
        argv[n++] = "--since";
        argv[n++] = (char *)since;
    }
    if (home) {
        argv[n++] = "--home-page";
        argv[n++] = (char *)home;
    }
    argv[n++] = "--output";
    argv[n++] = (char *)out;
    argv[n] = NULL;
    return run(argv, NULL, NULL);
}

static cJSON *load_json(const char *path)
{
    char *text = slurp(path);
    cJSON *j = text ? cJSON_Parse(text) : NULL;
    free(text);
    return j;
}

/* ==== the rules =========================================================================== */

static const char *verb_of(const cJSON *s)
{
    const char *id = str(get(s, "verb"), "id");
    return id && strncmp(id, ADL, strlen(ADL)) == 0 ? id + strlen(ADL) : "";
}

static int has_prefix(const char *s, const char *p)
{
    return s && strncmp(s, p, strlen(p)) == 0;
}

/* Rules every statement keeps on its own. */
static void check_statement(const cJSON *s, const char *home)
{
    static const char *const verbs[] = {"initialized", "answered", "completed",
                                        "passed",      "failed",   "terminated"};
    CHECK(cJSON_IsObject(s));
    CHECK(is_uuid(str(s, "id"), 8));
    const cJSON *actor = get(s, "actor"), *acc = get(actor, "account");
    CHECK_STR(str(actor, "objectType"), "Agent");
    CHECK(!get(actor, "mbox") && !get(actor, "mbox_sha1sum") && !get(actor, "openid"));
    CHECK_STR(str(acc, "homePage"), home);
    CHECK(str(acc, "name") && str(acc, "name")[0]);
    const char *verb = verb_of(s);
    int known = 0;
    for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++)
        known |= strcmp(verb, verbs[i]) == 0;
    CHECK(known);
    const cJSON *disp = get(get(s, "verb"), "display");
    CHECK(str(disp, "ru-RU") && str(disp, "ru-RU")[0]);
    const cJSON *obj = get(s, "object");
    CHECK_STR(str(obj, "objectType"), "Activity");
    char scen_prefix[256];
    snprintf(scen_prefix, sizeof scen_prefix, "%s/scenarios/", home);
    CHECK(has_prefix(str(obj, "id"), scen_prefix));
    const cJSON *def = get(obj, "definition");
    if (strcmp(verb, "answered") == 0) {
        CHECK(strstr(str(obj, "id"), "/actions/") != NULL);
        CHECK_STR(str(def, "type"), "http://adlnet.gov/expapi/activities/cmi.interaction");
        const cJSON *parent = get(get(get(s, "context"), "contextActivities"), "parent");
        CHECK(cJSON_GetArraySize(parent) == 1);
        CHECK(has_prefix(str(obj, "id"), str(cJSON_GetArrayItem(parent, 0), "id")));
    } else {
        CHECK_STR(str(def, "type"), "http://adlnet.gov/expapi/activities/simulation");
        CHECK(str(get(def, "name"), "ru-RU") && str(get(def, "name"), "ru-RU")[0]);
    }
    const cJSON *ctx = get(s, "context");
    CHECK(is_uuid(str(ctx, "registration"), 0));
    CHECK_STR(str(ctx, "language"), "ru-RU");
    CHECK_STR(str(ctx, "platform"), "mfc-trainer");
    CHECK(str(ctx, "revision") && strchr(str(ctx, "revision"), '+'));
    const cJSON *ext = get(ctx, "extensions"), *x;
    cJSON_ArrayForEach(x, ext) CHECK(has_prefix(x->string, home));
    /* The pass mark (known once an attempt ends) only where the score is. */
    int pf = strcmp(verb, "passed") == 0 || strcmp(verb, "failed") == 0;
    char mastery[256];
    snprintf(mastery, sizeof mastery, "%s/xapi/ext/mastery", home);
    const cJSON *m = get(ext, mastery);
    CHECK(pf ? cJSON_IsNumber(m) && m->valuedouble > 0 && m->valuedouble <= 1 : m == NULL);
    CHECK(is_timestamp(str(s, "timestamp")));

    const cJSON *res = get(s, "result");
    int needs_duration = strcmp(verb, "initialized") != 0;
    if (!needs_duration)
        CHECK(res == NULL);
    double secs = -1;
    if (needs_duration)
        CHECK(parse_duration(str(res, "duration"), &secs) && secs >= 0);
    cJSON_ArrayForEach(x, get(res, "extensions")) CHECK(has_prefix(x->string, home));
    const cJSON *score = get(res, "score"), *success = get(res, "success"),
                *completion = get(res, "completion");
    /* Score only on passed/failed; a failed one never at or above the mastery score (cmi5
     * §9.3.5): then the total is in the `total` extension instead (issue #13). */
    char total_key[256];
    snprintf(total_key, sizeof total_key, "%s/xapi/ext/total", home);
    const cJSON *total_ext = get(get(res, "extensions"), total_key);
    if (strcmp(verb, "passed") == 0)
        CHECK(score != NULL && total_ext == NULL);
    else if (strcmp(verb, "failed") == 0 && score)
        CHECK(cJSON_IsNumber(m) && cJSON_IsNumber(get(score, "scaled")) &&
              get(score, "scaled")->valuedouble < m->valuedouble && total_ext == NULL);
    else if (strcmp(verb, "failed") == 0)
        CHECK(cJSON_IsNumber(m) && cJSON_IsNumber(total_ext) &&
              total_ext->valuedouble / 100.0 >= m->valuedouble);
    else
        CHECK(score == NULL);
    /* An answer carries its words (ru-RU), not only its IRI. */
    if (strcmp(verb, "answered") == 0) {
        const char *words = str(get(get(get(s, "object"), "definition"), "name"), "ru-RU");
        CHECK(words && *words);
    }
    if (score) {
        const cJSON *sc = get(score, "scaled"), *raw = get(score, "raw"), *mn = get(score, "min"),
                    *mx = get(score, "max");
        CHECK(cJSON_IsNumber(sc) && cJSON_IsNumber(raw) && cJSON_IsNumber(mn) &&
              cJSON_IsNumber(mx));
        if (cJSON_IsNumber(sc) && cJSON_IsNumber(raw) && cJSON_IsNumber(mn) && cJSON_IsNumber(mx)) {
            CHECK(sc->valuedouble >= 0 && sc->valuedouble <= 1);
            CHECK(mn->valuedouble < mx->valuedouble);
            CHECK(raw->valuedouble >= mn->valuedouble && raw->valuedouble <= mx->valuedouble);
            double want =
                (raw->valuedouble - mn->valuedouble) / (mx->valuedouble - mn->valuedouble);
            CHECK(fabs(sc->valuedouble - want) < 1e-9);
        }
    }
    if (strcmp(verb, "passed") == 0)
        CHECK(cJSON_IsTrue(success));
    else if (strcmp(verb, "failed") == 0)
        CHECK(cJSON_IsFalse(success));
    else if (strcmp(verb, "answered") != 0)
        CHECK(success == NULL);
    else
        CHECK(success == NULL || cJSON_IsBool(success));
    if (pf || strcmp(verb, "completed") == 0)
        CHECK(cJSON_IsTrue(completion));
    else
        CHECK(completion == NULL);
    if (strcmp(verb, "answered") == 0)
        CHECK(cJSON_IsString(get(res, "response")));
}

/* The id a statement must have: uuid_name(namespace, "<registration>/<verb>[/<suffix>]"). */
static void expect_id(const cJSON *s, const char *reg, const char *verb, const char *suffix)
{
    char name[256], id[37];
    int len = suffix ? snprintf(name, sizeof name, "%s/%s/%s", reg, verb, suffix)
                     : snprintf(name, sizeof name, "%s/%s", reg, verb);
    store_export_uuid_name(store_xapi_id_namespace, name, (size_t)len, id);
    CHECK_STR(str(s, "id"), id);
}

/* The statements of one registration (in file order) against what was played. */
static int worded_mistakes; /* mistakes seen with their words, over the whole export */

static void check_registration(const cJSON **st, int n, const char *home)
{
    const char *reg = str(get(st[0], "context"), "registration");
    CHECK(n >= 1 && strcmp(verb_of(st[0]), "initialized") == 0);
    int i = 1, answers = 0;
    double answered_secs = 0;
    const char *resp[64];
    while (i < n && strcmp(verb_of(st[i]), "answered") == 0) {
        double d = 0;
        parse_duration(str(get(st[i], "result"), "duration"), &d);
        answered_secs += d;
        if (answers < 64)
            resp[answers] = str(get(st[i], "result"), "response");
        answers++;
        char seq[16];
        snprintf(seq, sizeof seq, "%d", answers);
        expect_id(st[i], reg, "answered", seq);
        i++;
    }
    int completed = 0, passed = -1, terminated = 0, raw = -1;
    double total_secs = -1;
    if (i < n && strcmp(verb_of(st[i]), "completed") == 0) {
        completed = 1;
        expect_id(st[i], reg, "completed", NULL);
        i++;
        CHECK(i < n &&
              (strcmp(verb_of(st[i]), "passed") == 0 || strcmp(verb_of(st[i]), "failed") == 0));
        if (i < n) {
            passed = strcmp(verb_of(st[i]), "passed") == 0;
            expect_id(st[i], reg, verb_of(st[i]), NULL);
            const cJSON *r = get(get(get(st[i], "result"), "score"), "raw");
            char tk[256];
            snprintf(tk, sizeof tk, "%s/xapi/ext/total", home);
            if (!r)
                r = get(get(get(st[i], "result"), "extensions"), tk);
            raw = cJSON_IsNumber(r) ? r->valueint : -1;
            /* Each mistake carries its words beside the id (issue #15). */
            char iri[512];
            snprintf(iri, sizeof iri, "%s/xapi/ext/mistakes", home);
            const cJSON *m;
            cJSON_ArrayForEach(m, get(get(get(st[i], "result"), "extensions"), iri))
            {
                const char *text = str(m, "text"), *action = str(m, "action");
                /* null only where the result has no words (the attempt finished above by
                 * hand, like one recorded before results carried them). */
                CHECK(cJSON_IsNull(get(m, "text")) ||
                      (text && *text && action && strcmp(text, action) != 0));
                if (!text)
                    continue;
                if (action && strcmp(action, "@time") == 0)
                    CHECK_STR(text, "Превышено время приёма");
                if (action && strncmp(action, "missed:", 7) == 0)
                    CHECK(text && strncmp(text, "Не отмечено: ", 22) == 0);
                worded_mistakes++;
            }
            i++;
        }
    }
    if (i < n && strcmp(verb_of(st[i]), "terminated") == 0) {
        terminated = 1;
        char closing[80];
        snprintf(closing, sizeof closing, "%d/%s", answers, str(st[i], "timestamp"));
        expect_id(st[i], reg, "terminated", closing);
        parse_duration(str(get(st[i], "result"), "duration"), &total_secs);
        i++;
    }
    CHECK_INT(i, n); /* nothing out of order, nothing after terminated */
    CHECK(!completed || terminated);
    expect_id(st[0], reg, "initialized", NULL);
    /* The decisions' durations add up to the session's (simulated time). */
    if (terminated)
        CHECK(fabs(answered_secs - total_secs) < 0.01 * (answers + 1));
    /* Timestamps never go back within an attempt. */
    for (int k = 1; k < n; k++)
        CHECK(strcmp(str(st[k - 1], "timestamp"), str(st[k], "timestamp")) <= 0);
    /* Everything in one registration shares actor and scenario. */
    const char *who = str(get(get(st[0], "actor"), "account"), "name");
    const char *scen = str(get(st[0], "object"), "id");
    for (int k = 1; k < n; k++) {
        CHECK_STR(str(get(get(st[k], "actor"), "account"), "name"), who);
        CHECK(has_prefix(str(get(st[k], "object"), "id"), scen));
    }
    /* Which played attempt is this? Same scenario, trainee, actions and state (closed,
     * finished); that every played attempt is matched once checks the states. */
    char prefix[256];
    snprintf(prefix, sizeof prefix, "%s/scenarios/", home);
    const char *sid = scen && has_prefix(scen, prefix) ? scen + strlen(prefix) : "";
    Expected *e = NULL;
    for (int k = 0; k < n_expected && !e; k++) {
        Expected *c = &expected[k];
        if (c->matched || strcmp(c->scenario, sid) != 0 || strcmp(c->personnel, who) != 0 ||
            c->n_actions != answers || c->closed != terminated || c->finished != completed)
            continue;
        int same = 1;
        for (int a = 0; a < answers && same; a++)
            same = resp[a] && strcmp(resp[a], c->actions[a]) == 0;
        if (same)
            e = c;
    }
    CHECK(e != NULL);
    if (!e) {
        fprintf(stderr, "registration %s (%s, %s, %d answers) matches no played attempt\n", reg,
                sid, who, answers);
        return;
    }
    e->matched = 1;
    CHECK_INT(completed, e->finished);
    CHECK_INT(terminated, e->closed);
    if (e->finished) {
        CHECK_INT(passed, e->passed);
        CHECK_INT(raw, e->total);
    }
}

/* Checks a whole export; returns the number of statements. */
static int check_export(const cJSON *arr, const char *home)
{
    CHECK(cJSON_IsArray(arr));
    int n = cJSON_GetArraySize(arr);
    const cJSON **st = calloc((size_t)n + 1, sizeof *st);
    const cJSON *s;
    int k = 0;
    cJSON_ArrayForEach(s, arr)
    {
        st[k++] = s;
        check_statement(s, home);
    }
    /* Unique ids. */
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++)
            if (str(st[i], "id") && str(st[j], "id") &&
                strcmp(str(st[i], "id"), str(st[j], "id")) == 0) {
                CHECK(!"duplicate statement id");
                fprintf(stderr, "duplicate id %s\n", str(st[i], "id"));
            }
    /* Registrations: contiguous runs, each seen once. */
    int regs = 0;
    for (int i = 0; i < n;) {
        const char *reg = str(get(st[i], "context"), "registration");
        int j = i;
        while (j < n && reg && str(get(st[j], "context"), "registration") &&
               strcmp(str(get(st[j], "context"), "registration"), reg) == 0)
            j++;
        if (j == i)
            j = i + 1;
        for (int m = j; m < n; m++)
            CHECK(!reg || !str(get(st[m], "context"), "registration") ||
                  strcmp(str(get(st[m], "context"), "registration"), reg) != 0);
        check_registration(st + i, j - i, home);
        regs++;
        i = j;
    }
    /* Exactly one registration per attempt. */
    CHECK_INT(regs, n_expected);
    for (int i = 0; i < n_expected; i++)
        CHECK(expected[i].matched);
    free(st);
    return n;
}

static void reset_matches(void)
{
    for (int i = 0; i < n_expected; i++)
        expected[i].matched = 0;
}

/* ==== the tests =========================================================================== */

static void test_units(void)
{
    /* Known answers, computed independently with Python's hashlib.blake2b(digest_size=32):
     * the first 16 bytes with the version (8) and variant bits set. */
    static const unsigned char dns[16] = {0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1,
                                          0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8};
    char id[37];
    store_export_uuid_name(dns, "python.org", 10, id);
    CHECK_STR(id, "fbaae3c8-a9a1-831e-9ce2-84a43cbe2900");
    const char *passed = "4532738d-9e1e-426e-98e8-6512234fde06/passed";
    store_export_uuid_name(store_xapi_id_namespace, passed, strlen(passed), id);
    CHECK_STR(id, "f750272c-4e19-8ff9-904f-e0dfd9ffe5b0");
    /* A long name. */
    char longname[200];
    memset(longname, 'a', sizeof longname - 1);
    longname[sizeof longname - 1] = '\0';
    store_export_uuid_name(dns, longname, strlen(longname), id);
    CHECK(is_uuid(id, 8));

    CHECK(store_export_since_ok("2026-03-01"));
    CHECK(store_export_since_ok("2024-02-29"));
    CHECK(store_export_since_ok("2026-03-01T09:30:00Z"));
    CHECK(!store_export_since_ok("2026-02-29"));
    CHECK(!store_export_since_ok("2026-13-01"));
    CHECK(!store_export_since_ok("2026-3-1"));
    CHECK(!store_export_since_ok("01.03.2026"));
    CHECK(!store_export_since_ok("2026-03-01T25:00:00Z"));
    CHECK(!store_export_since_ok(""));
    CHECK(store_export_home_page_ok("https://lms.example-mfc.ru"));
    CHECK(store_export_home_page_ok("http://10.0.0.5:8080/lrs/"));
    CHECK(!store_export_home_page_ok("ftp://x"));
    CHECK(!store_export_home_page_ok("https://"));
    CHECK(!store_export_home_page_ok("https://a b"));
    CHECK(!store_export_home_page_ok("https://x/?q=1"));

    double d;
    CHECK(parse_duration("PT5M30S", &d) && fabs(d - 330) < 1e-9);
    CHECK(parse_duration("PT0S", &d) && d == 0);
    CHECK(!parse_duration("PT", &d) && !parse_duration("P5M30S", &d) && !parse_duration("5M", &d));
}

/* The abandoned attempt continued in the window and finished there: the window finds it with
 * store_unfinished_attempt, appends to the same row and records the end — done here with the
 * same store calls. title: the scenario's title (stored again when the attempt ends). */
static void resume_abandoned(const char *db, const char *hash, const char *title)
{
    Store *st = NULL;
    SimError err;
    CHECK(store_open(db, &st, &err) == SIM_OK);
    if (!st)
        return;
    Trainee t;
    CHECK(store_find_trainee(st, "004512", &t));
    AttemptInfo a;
    char **acts = NULL;
    size_t n = 0;
    int found = store_unfinished_attempt(st, t.id, "passport-45-late", hash, &a, &acts, &n);
    CHECK(found);
    CHECK_INT(n, 1);
    for (size_t i = 0; i < n; i++)
        free(acts[i]);
    free(acts);
    if (!found) {
        store_close(st);
        return;
    }
    CHECK(store_add_action(st, a.id, 2, "ask-name", 1.0,
                           "[{\"action\":\"ask-name\",\"kind\":\"points\",\"criterion\":"
                           "\"communication\",\"points\":2,\"feedback\":\"ok\",\"rule\":null,"
                           "\"rule_id\":null,\"minutes\":1}]",
                           &err) == SIM_OK);
    Scenario sc;
    memset(&sc, 0, sizeof sc);
    sc.title = (char *)title;
    sc.criterion_count = 1;
    sc.criteria[0] = (Criterion){"communication", "Общение", 15};
    ScoreLedger l;
    ledger_init(&l);
    ledger_add(&l, LEDGER_POINTS, "ask-name", 0, -1, "можно лучше", NULL, 1);
    ScoreReport r;
    memset(&r, 0, sizeof r);
    r.total = 80;
    r.passed = 1;
    r.crit[0] = (CriterionResult){.raw = 4, .score = 4, .max = 5};
    StoreResult sr = {.scenario = &sc,
                      .ledger = &l,
                      .report = &r,
                      .outcome = "accepted",
                      .finished = 1,
                      .sim_minutes = 1.0,
                      .result_json = "{\"pass_mark\":70,\"ending\":\"accepted-clean\"}"};
    CHECK(store_finish_attempt(st, a.id, &sr, &err) == SIM_OK);
    ledger_free(&l);
    store_close(st);
    for (int i = 0; i < n_expected; i++) {
        Expected *e = &expected[i];
        if (strcmp(e->personnel, "004512") == 0 && e->closed && !e->finished) {
            e->actions[e->n_actions++] = strdup("ask-name");
            e->finished = e->passed = 1;
            e->total = 80;
        }
    }
}

/* Every statement present in both exports is the same statement (same id, same content). */
static int same_under_same_ids(const cJSON *before, const cJSON *after)
{
    int kept = 0;
    const cJSON *s1, *s2;
    cJSON_ArrayForEach(s1, before) cJSON_ArrayForEach(s2, after)
    {
        if (strcmp(str(s1, "id"), str(s2, "id")) != 0)
            continue;
        kept++;
        if (!cJSON_Compare(s1, s2, 1)) {
            CHECK(!"a statement changed under its id");
            fprintf(stderr, "changed: %s (%s)\n", str(s1, "id"), verb_of(s1));
        }
    }
    return kept;
}

static int run_export(void)
{
    char *db = path_in("fixture.db");
    remove_db(db);
    play_golden(db);
    play_abandoned(db);
    add_interrupted(db);
    printf("fixture: %d attempts\n", n_expected);

    char *a = path_in("a.json"), *b = path_in("b.json"), *c = path_in("c.json");
    char *old = path_in("since-old.json"), *fut = path_in("since-future.json");
    char *home = path_in("home.json"), *out = path_in("stdout.json");
    CHECK_INT(export_to(db, a, NULL, NULL), 0);
    CHECK_INT(export_to(db, b, NULL, NULL), 0);
    char *ta = slurp(a), *tb = slurp(b);
    /* Exporting twice gives the same ids — and here, the same bytes. */
    CHECK(ta && tb && strcmp(ta, tb) == 0);
    char *argv[] = {(char *)exe, "export", "--format", "xapi", "--db", db, "--guests", NULL};
    CHECK_INT(run(argv, out, NULL), 0);
    char *to = slurp(out);
    CHECK(ta && to && strcmp(ta, to) == 0);

    cJSON *ja = load_json(a);
    CHECK(ja != NULL);
    int n = ja ? check_export(ja, HOME_DEFAULT) : 0;
    printf("export: %d statements, %d mistakes in words\n", n, worded_mistakes);
    CHECK(n > 3 * n_expected);
    CHECK(worded_mistakes > 0);

    /* Without --guests the attempts made without a profile stay out (issue #13). */
    char *noguest = path_in("no-guests.json");
    char *argv_ng[] = {(char *)exe, "export",   "--format", "xapi", "--db",
                       db,          "--output", noguest,    NULL};
    CHECK_INT(run(argv_ng, NULL, NULL), 0);
    cJSON *jn = load_json(noguest);
    int guests_seen = 0, kept = 0;
    const cJSON *sn;
    cJSON_ArrayForEach(sn, jn)
    {
        kept++;
        guests_seen += strcmp(str(get(get(sn, "actor"), "account"), "name"), "anonymous") == 0;
    }
    CHECK_INT(guests_seen, 0);
    CHECK(kept > 0 && kept < n);
    cJSON_Delete(jn);
    free(noguest);

    /* --since: a date before everything keeps everything, one in the future nothing. */
    CHECK_INT(export_to(db, old, "2000-01-01", NULL), 0);
    char *t_old = slurp(old);
    CHECK(ta && t_old && strcmp(ta, t_old) == 0);
    CHECK_INT(export_to(db, fut, "2999-12-31T00:00:00Z", NULL), 0);
    cJSON *jf = load_json(fut);
    CHECK(cJSON_IsArray(jf) && cJSON_GetArraySize(jf) == 0);
    cJSON_Delete(jf);

    /* --home-page: the account and every IRI move under it; the ids stay. */
    const char *lms = "https://lms.example-mfc.ru";
    CHECK_INT(export_to(db, home, NULL, "https://lms.example-mfc.ru/"), 0);
    cJSON *jh = load_json(home);
    reset_matches();
    CHECK(jh && check_export(jh, lms) == n);
    for (int i = 0; jh && ja && i < n; i++)
        CHECK_STR(str(cJSON_GetArrayItem(jh, i), "id"), str(cJSON_GetArrayItem(ja, i), "id"));
    cJSON_Delete(jh);

    /* A third export after another attempt: the earlier statements stay as they were. */
    CHECK_INT(play(db, "passport-45-late", 9, "greet-standard,ask-name", 1, 0), 0);
    Expected *e3 = add_expected("passport-45-late", "004513");
    e3->actions[e3->n_actions++] = strdup("greet-standard");
    e3->actions[e3->n_actions++] = strdup("ask-name");
    e3->closed = 1;
    CHECK_INT(export_to(db, c, NULL, NULL), 0);
    cJSON *jc = load_json(c);
    reset_matches();
    CHECK(jc && check_export(jc, HOME_DEFAULT) == n + 4);
    CHECK_INT(same_under_same_ids(ja, jc), n);

    /* The abandoned attempt continued and finished in the same row: its earlier statements
     * stay, its first `terminated` (the first closing) is not exported again, and the second
     * session adds answered, completed, passed and its own terminated. */
    const char *title = NULL, *hash = NULL;
    const cJSON *s;
    cJSON_ArrayForEach(s, jc)
    {
        if (strcmp(verb_of(s), "terminated") == 0 &&
            strcmp(str(get(get(s, "actor"), "account"), "name"), "004512") == 0) {
            const cJSON *ext = get(get(s, "result"), "extensions");
            const char *outcome = str(ext, HOME_DEFAULT "/xapi/ext/outcome");
            if (outcome && strcmp(outcome, "unfinished") == 0) {
                title = str(get(get(get(s, "object"), "definition"), "name"), "ru-RU");
                hash = strstr(str(get(s, "context"), "revision"), "+fnv1a:");
            }
        }
    }
    CHECK(title && hash);
    if (title && hash) {
        resume_abandoned(db, hash + strlen("+fnv1a:"), title);
        char *d = path_in("d.json");
        CHECK_INT(export_to(db, d, NULL, NULL), 0);
        cJSON *jd = load_json(d);
        reset_matches();
        CHECK(jd && check_export(jd, HOME_DEFAULT) == n + 4 + 3);
        CHECK_INT(same_under_same_ids(jc, jd), n + 4 - 1);
        cJSON_Delete(jd);
        free(d);
    }
    cJSON_Delete(jc);

    cJSON_Delete(ja);
    free(ta);
    free(tb);
    free(to);
    free(t_old);
    free(db);
    free(a);
    free(b);
    free(c);
    free(old);
    free(fut);
    free(home);
    free(out);
    return 0;
}

/* Runs `mfc-trainer export ARGS…` (args ends with NULL) and checks the exit status and that
 * stderr contains needle (when not NULL). */
static void expect_cli(int line, int code, const char *needle, const char *const *args)
{
    char *argv[16];
    int n = 0;
    argv[n++] = (char *)exe;
    argv[n++] = "export";
    for (int i = 0; args[i] && n < 15; i++)
        argv[n++] = (char *)args[i];
    argv[n] = NULL;
    char *errf = path_in("stderr.txt");
    int rc = run(argv, NULL, errf);
    char *text = slurp(errf);
    free(errf);
    int before = test_failed;
    CHECK_INT(rc, code);
    if (needle)
        CHECK_HAS(text, needle);
    if (test_failed != before)
        fprintf(stderr, "  (the case at line %d; stderr: %s)\n", line, text ? text : "");
    free(text);
}

#define EXPECT(code, needle, ...)                                                                  \
    expect_cli(__LINE__, code, needle, (const char *const[]){__VA_ARGS__, NULL})

static void run_cli_tests(void)
{
    char *db = path_in("cli.db"), *bad = path_in("corrupt.db"), *missing = path_in("missing.db");
    char *out = path_in("out.json");
    remove_db(db);
    remove(missing);
    CHECK_INT(play(db, "passport-45-late", 1, "greet-standard", 0, 0), 0);
    EXPECT(0, NULL, "--help");
    EXPECT(2, "--format xapi", "--db", db);
    EXPECT(2, "не поддерживается", "--format", "scorm", "--db", db);
    EXPECT(2, "нужно значение", "--format");
    EXPECT(2, "нужно значение", "--format", "xapi", "--db");
    EXPECT(2, "неизвестный параметр", "--format", "xapi", "--bogus");
    EXPECT(2, "неизвестный параметр", "--format", "xapi", "extra");
    EXPECT(2, "--since", "--format", "xapi", "--db", db, "--since", "2026-02-30");
    EXPECT(2, "--since", "--format", "xapi", "--db", db, "--since", "вчера");
    EXPECT(2, "--home-page", "--format", "xapi", "--db", db, "--home-page", "ftp://lms");
    EXPECT(2, "--home-page", "--format", "xapi", "--db", db, "--home-page", "https://a b");

    /* A missing database is reported and not created. */
    EXPECT(1, "нет", "--format", "xapi", "--db", missing);
    struct stat sb;
    CHECK(stat(missing, &sb) != 0);

    /* A file that is not a database: store_open's message, exit 1, the file untouched. */
    FILE *f = fopen(bad, "wb");
    const char junk[] = "это не база данных, а просто текст\n";
    for (int i = 0; f && i < 200; i++)
        fputs(junk, f);
    if (f)
        fclose(f);
    EXPECT(1, "не похож на базу результатов", "--format", "xapi", "--db", bad);
    CHECK(stat(bad, &sb) == 0 && sb.st_size == (off_t)(200 * strlen(junk)));

    /* Output that cannot be written: exit 1, no partial file. */
    char *nodir = path_in("no-such-dir/out.json");
    EXPECT(1, "не удалось записать", "--format", "xapi", "--db", db, "--output", nodir);
    free(nodir);

    /* A good run to a file: a summary on stderr, the file complete, no .part left behind. */
    EXPECT(0, "Выгружено попыток: 1", "--format", "xapi", "--db", db, "--output", out);
    cJSON *j = load_json(out);
    CHECK(cJSON_IsArray(j) && cJSON_GetArraySize(j) == 3);
    cJSON_Delete(j);
    char part[1100];
    snprintf(part, sizeof part, "%s.part", out);
    CHECK(stat(part, &sb) != 0);
    free(db);
    free(bad);
    free(missing);
    free(out);
}

int main(int argc, char **argv)
{
    if (argc != 6 || (strcmp(argv[1], "export") != 0 && strcmp(argv[1], "cli") != 0)) {
        fprintf(stderr,
                "usage: xapi_test export|cli MFC_TRAINER SCENARIOS_DIR GOLDEN_DIR WORK_DIR\n");
        return 2;
    }
    exe = argv[2];
    scen_root = argv[3];
    golden_dir = argv[4];
    work = argv[5];
    mkdir(work, 0755);
    if (strcmp(argv[1], "export") == 0) {
        test_units();
        run_export();
    } else {
        run_cli_tests();
    }
    for (int i = 0; i < n_expected; i++) {
        for (int a = 0; a < expected[i].n_actions; a++)
            free(expected[i].actions[a]);
        free(expected[i].actions);
    }
    return TEST_REPORT();
}
