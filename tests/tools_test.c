/*
 * tools_test.c — the methodologist's tools through the real command line.
 *
 *   tools_test explore MFC_TRAINER SCENARIOS
 *       `explore --json --verify 20000` over every bundled scenario, exhaustively: the walk is
 *       complete, the best path passes, no dead ends, no script errors, every step reached,
 *       every replayed path agrees; the same walk twice gives the same JSON apart from the
 *       time; --random 200 plays 200 times.
 *   tools_test graph MFC_TRAINER SCENARIOS WORK_DIR
 *       `graph` of every bundled scenario parsed back: every step and ending is a node, every
 *       step action an edge to its target; with --attempt, the trainee's step actions (played
 *       from the scenario's golden correct case with `play --db`) are the highlighted edges.
 *   tools_test new MFC_TRAINER SCENARIOS WORK_DIR
 *       `new` in a copy of the pack, then `check --strict` and `explore` pass; refusals.
 */
#include <cjson/cJSON.h>
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "test.h"

static const char *exe, *root;

static char *run(const char *cmd, int *status)
{
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len - 1, p)) > 0) {
        len += n;
        if (cap - len < 1024) {
            char *nb = realloc(buf, cap * 2);
            if (!nb)
                break;
            buf = nb;
            cap *= 2;
        }
    }
    int st = pclose(p);
    *status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    if (buf)
        buf[len] = '\0';
    return buf;
}

static cJSON *load_json(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    fseek(f, 0, SEEK_SET);
    char *t = malloc((size_t)n + 1);
    size_t got = t ? fread(t, 1, (size_t)n, f) : 0;
    fclose(f);
    if (!t)
        return NULL;
    t[got] = '\0';
    cJSON *j = cJSON_Parse(t);
    free(t);
    return j;
}

/* The bundled scenario ids (folders with scenario.json), from `check`'s own listing. */
static size_t scenario_ids(char ids[][80], size_t max)
{
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "ls '%s'", root);
    int st;
    char *out = run(cmd, &st);
    size_t n = 0;
    for (char *line = out ? strtok(out, "\n") : NULL; line && n < max; line = strtok(NULL, "\n")) {
        char path[4096];
        snprintf(path, sizeof path, "%s/%s/scenario.json", root, line);
        struct stat sb;
        if (stat(path, &sb) == 0)
            snprintf(ids[n++], 80, "%s", line);
    }
    free(out);
    return n;
}

static cJSON *scenario_json(const char *id)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s/scenario.json", root, id);
    return load_json(path);
}

/* ---- explore ------------------------------------------------------------------------------ */

static int explore(void)
{
    char ids[64][80];
    size_t n = scenario_ids(ids, 64);
    CHECK(n >= 19);
    for (size_t i = 0; i < n; i++) {
        char cmd[4096];
        snprintf(cmd, sizeof cmd, "'%s' explore --scenarios '%s' '%s' --json --verify 20000", exe,
                 root, ids[i]);
        int st;
        char *out = run(cmd, &st);
        cJSON *j = out ? cJSON_Parse(out) : NULL;
        printf("%s: exit %d\n", ids[i], st);
        CHECK_INT(st, 0);
        CHECK(j != NULL);
        CHECK(cJSON_IsTrue(cJSON_GetObjectItem(j, "complete")));
        const cJSON *vf = cJSON_GetObjectItem(j, "verify_failures");
        const cJSON *vd = cJSON_GetObjectItem(j, "verified");
        CHECK(vf && vf->valueint == 0);
        CHECK(vd && vd->valueint > 0);
        const cJSON *best = cJSON_GetObjectItem(j, "best");
        CHECK(cJSON_IsObject(best) && cJSON_IsTrue(cJSON_GetObjectItem(best, "passed")));
        /* The correct path earns everything; no passing path reaches what must fail, and
         * every scenario marks its wrong outcomes (issue #11). */
        const cJSON *bt = cJSON_GetObjectItem(best, "total");
        CHECK(bt && bt->valueint == 100);
        CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItem(j, "must_fail_passed")), 0);
        int marked = 0;
        const cJSON *me;
        cJSON_ArrayForEach(me, cJSON_GetObjectItem(j, "endings"))
        {
            marked += cJSON_IsTrue(cJSON_GetObjectItem(me, "must_fail"));
            /* An ending no path passes is a wrong outcome: it must say so. */
            const cJSON *re = cJSON_GetObjectItem(me, "reached"),
                        *pa = cJSON_GetObjectItem(me, "passed");
            if (re && re->valueint > 0 && pa && pa->valueint == 0) {
                CHECK(cJSON_IsTrue(cJSON_GetObjectItem(me, "must_fail")));
                if (!cJSON_IsTrue(cJSON_GetObjectItem(me, "must_fail")))
                    fprintf(stderr, "%s: ending %s never passes but is not must_fail\n", ids[i],
                            cJSON_GetObjectItem(me, "id")->valuestring);
            }
        }
        CHECK(marked >= 1);
        if (marked < 1)
            fprintf(stderr, "%s: no ending is marked must_fail\n", ids[i]);
        CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItem(j, "dead_ends")), 0);
        CHECK_INT(cJSON_GetArraySize(cJSON_GetObjectItem(j, "script_errors")), 0);
        const cJSON *cov = cJSON_GetObjectItem(j, "coverage");
        int steps =
            cJSON_GetObjectItem(cov, "steps") ? cJSON_GetObjectItem(cov, "steps")->valueint : -1;
        int total = cJSON_GetObjectItem(cov, "steps_total")
                        ? cJSON_GetObjectItem(cov, "steps_total")->valueint
                        : -2;
        CHECK_INT(steps, total);
        /* Every ending reached has min <= max and pass counts that add up. */
        const cJSON *e;
        cJSON_ArrayForEach(e, cJSON_GetObjectItem(j, "endings"))
        {
            const cJSON *r = cJSON_GetObjectItem(e, "reached");
            if (!r || r->valueint == 0)
                continue;
            CHECK(cJSON_GetObjectItem(e, "min_total")->valueint <=
                  cJSON_GetObjectItem(e, "max_total")->valueint);
            CHECK_INT(cJSON_GetObjectItem(e, "passed")->valueint +
                          cJSON_GetObjectItem(e, "failed")->valueint,
                      r->valueint);
        }
        /* Deterministic: the same walk again, the time aside (two scenarios are enough, and
         * the sanitizer build is slow). */
        char *again = i < 2 ? run(cmd, &st) : NULL;
        cJSON *k = again ? cJSON_Parse(again) : NULL;
        if (j && k) {
            cJSON_DeleteItemFromObject(j, "seconds");
            cJSON_DeleteItemFromObject(k, "seconds");
            CHECK(cJSON_Compare(j, k, 1));
        }
        cJSON_Delete(k);
        free(again);
        cJSON_Delete(j);
        free(out);
    }
    /* Random playthroughs. */
    char cmd[4096];
    snprintf(cmd, sizeof cmd, "'%s' explore --scenarios '%s' '%s' --json --random 200 --seed 5",
             exe, root, ids[0]);
    int st;
    char *out = run(cmd, &st);
    cJSON *j = out ? cJSON_Parse(out) : NULL;
    CHECK_INT(st, 0);
    CHECK_INT(cJSON_GetObjectItem(j, "runs") ? cJSON_GetObjectItem(j, "runs")->valueint : 0, 200);
    CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(j, "mode")), "random");
    cJSON_Delete(j);
    free(out);
    /* Bad arguments. */
    snprintf(cmd, sizeof cmd, "'%s' explore --scenarios '%s' nonexistent 2>&1", exe, root);
    free(run(cmd, &st));
    CHECK_INT(st, 2);
    snprintf(cmd, sizeof cmd, "'%s' explore --scenarios '%s' '%s' --limit -3 2>&1", exe, root,
             ids[0]);
    free(run(cmd, &st));
    CHECK_INT(st, 2);
    return TEST_REPORT();
}

/* ---- graph -------------------------------------------------------------------------------- */

/* Parsed DOT: node ids and edges "from -> to" with their label's first line and taken mark. */
typedef struct Edge {
    char from[128], to[128], label[128];
    int taken;
} Edge;

static size_t parse_dot(const char *dot, char nodes[][128], size_t *nn, Edge *edges, size_t max)
{
    size_t ne = 0;
    *nn = 0;
    char *copy = strdup(dot);
    for (char *line = strtok(copy, "\n"); line; line = strtok(NULL, "\n")) {
        while (*line == ' ')
            line++;
        if (line[0] != '"')
            continue;
        char a[128], b[128];
        if (sscanf(line, "\"%127[^\"]\" -> \"%127[^\"]\"", a, b) == 2) {
            if (ne >= max)
                continue;
            Edge *e = &edges[ne++];
            snprintf(e->from, sizeof e->from, "%s", a);
            snprintf(e->to, sizeof e->to, "%s", b);
            const char *l = strstr(line, "label=\"");
            e->label[0] = '\0';
            if (l)
                sscanf(l + 7, "%127[^\\\"]", e->label);
            const char *t = strstr(line, "taken=");
            e->taken = t ? atoi(t + 6) : 0;
        } else if (sscanf(line, "\"%127[^\"]\" [", a) == 1 && *nn < 512) {
            snprintf(nodes[(*nn)++], 128, "%s", a);
        }
    }
    free(copy);
    return ne;
}

static int has_node(char nodes[][128], size_t nn, const char *id)
{
    for (size_t i = 0; i < nn; i++)
        if (strcmp(nodes[i], id) == 0)
            return 1;
    return 0;
}

static int graph(const char *work)
{
    char ids[64][80];
    size_t n = scenario_ids(ids, 64);
    static char nodes[512][128];
    static Edge edges[1024];
    for (size_t i = 0; i < n; i++) {
        char cmd[4096];
        snprintf(cmd, sizeof cmd, "'%s' graph --scenarios '%s' '%s' --limit 100", exe, root,
                 ids[i]);
        int st;
        char *dot = run(cmd, &st);
        CHECK_INT(st, 0);
        CHECK(dot && strncmp(dot, "digraph ", 8) == 0 && strstr(dot, "}\n"));
        size_t nn = 0, ne = dot ? parse_dot(dot, nodes, &nn, edges, 1024) : 0;
        cJSON *sj = scenario_json(ids[i]);
        const cJSON *steps = cJSON_GetObjectItem(sj, "steps"), *step;
        size_t actions = 0;
        cJSON_ArrayForEach(step, steps)
        {
            char id[160];
            snprintf(id, sizeof id, "step:%s", step->string);
            CHECK(has_node(nodes, nn, id));
            const cJSON *a;
            cJSON_ArrayForEach(a, cJSON_GetObjectItem(step, "actions"))
            {
                actions++;
                const char *aid = cJSON_GetStringValue(cJSON_GetObjectItem(a, "id"));
                const char *next = cJSON_GetStringValue(cJSON_GetObjectItem(a, "next"));
                const char *end = cJSON_GetStringValue(cJSON_GetObjectItem(a, "end"));
                char to[160];
                if (end)
                    snprintf(to, sizeof to, "end:%s", end);
                else
                    snprintf(to, sizeof to, "step:%s", next ? next : step->string);
                int found = 0;
                for (size_t k = 0; k < ne; k++)
                    found += strcmp(edges[k].from, id) == 0 && strcmp(edges[k].to, to) == 0 &&
                             strcmp(edges[k].label, aid) == 0;
                if (found != 1)
                    printf("%s: edge %s -> %s [%s] found %d times\n", ids[i], id, to, aid, found);
                CHECK_INT(found, 1);
            }
        }
        const cJSON *e;
        cJSON_ArrayForEach(e, cJSON_GetObjectItem(sj, "endings"))
        {
            char id[160];
            snprintf(id, sizeof id, "end:%s", e->string);
            CHECK(has_node(nodes, nn, id));
            /* Labelled by its Russian title (issue #15), the id only names the node. */
            const char *title = cJSON_GetStringValue(cJSON_GetObjectItem(e, "title"));
            char want[600];
            snprintf(want, sizeof want, "\"%s\" [shape=doubleoctagon", id);
            const char *node = dot ? strstr(dot, want) : NULL;
            const char *eol = node ? strchr(node, '\n') : NULL;
            snprintf(want, sizeof want, "label=\"%s\\n", title ? title : "?");
            const char *lab = node ? strstr(node, want) : NULL;
            if (!lab || (eol && lab > eol))
                printf("%s: ending %s is not labelled «%s»\n", ids[i], e->string, title);
            CHECK(lab && (!eol || lab < eol));
        }
        /* Points name the criterion by its title: "-5 Общение", never "-5 communication". */
        int titled = 0;
        for (const char *p = dot; p && (p = strstr(p, "\\n")) != NULL; p += 2) {
            const char *q = p + 2;
            if (*q != '+' && *q != '-')
                continue;
            q++;
            if (!isdigit((unsigned char)*q))
                continue;
            while (isdigit((unsigned char)*q))
                q++;
            if (*q != ' ')
                continue;
            CHECK(!((q[1] >= 'a' && q[1] <= 'z') || q[1] == '_'));
            titled += (unsigned char)q[1] >= 0xC0; /* a Cyrillic letter starts the title */
        }
        CHECK(titled > 0);
        /* Every action edge, plus the walkout edge when there is one. */
        CHECK(ne == actions || ne == actions + 1);
        printf("%s: %zu nodes, %zu edges\n", ids[i], nn, ne);
        cJSON_Delete(sj);
        free(dot);
    }
    /* An attempt's path: the golden correct case of the first scenario, recorded with play. */
    char gpath[4096];
    snprintf(gpath, sizeof gpath, "%s/../tests/golden/%s.json", root, ids[0]);
    cJSON *g = load_json(gpath);
    const cJSON *c0 = g ? cJSON_GetArrayItem(cJSON_GetObjectItem(g, "cases"), 0) : NULL;
    CHECK(c0 != NULL);
    if (!c0)
        return TEST_REPORT();
    char acts[8192] = "";
    const cJSON *a;
    cJSON_ArrayForEach(a, cJSON_GetObjectItem(c0, "actions"))
    {
        if (acts[0])
            strncat(acts, ",", sizeof acts - strlen(acts) - 1);
        strncat(acts, a->valuestring, sizeof acts - strlen(acts) - 1);
    }
    char cmd[16384];
    snprintf(cmd, sizeof cmd,
             "cd '%s' && rm -f g.db && '%s' play --scenarios '%s' '%s' --seed %d --actions '%s' "
             "--db g.db --trainee 777 --trainee-name 'Тестова Анна' --json",
             work, exe, root, ids[0], cJSON_GetObjectItem(g, "seed")->valueint, acts);
    int st;
    free(run(cmd, &st));
    CHECK_INT(st, 0);
    /* The attempt id: the only attempt in the database, via the JSON report's history. */
    snprintf(cmd, sizeof cmd, "cd '%s' && '%s' export --format xapi --db g.db", work, exe);
    char *x = run(cmd, &st);
    cJSON *xj = x ? cJSON_Parse(x) : NULL;
    const char *reg = NULL;
    const cJSON *stmt = xj ? cJSON_GetArrayItem(xj, 0) : NULL;
    if (stmt)
        reg = cJSON_GetStringValue(
            cJSON_GetObjectItem(cJSON_GetObjectItem(stmt, "context"), "registration"));
    CHECK(reg != NULL);
    if (reg) {
        snprintf(cmd, sizeof cmd,
                 "cd '%s' && '%s' graph --scenarios '%s' '%s' --attempt '%s' --db g.db --limit 100",
                 work, exe, root, ids[0], reg);
        char *dot = run(cmd, &st);
        CHECK_INT(st, 0);
        size_t nn = 0, ne = dot ? parse_dot(dot, nodes, &nn, edges, 1024) : 0;
        int taken = 0;
        for (size_t k = 0; k < ne; k++)
            taken += edges[k].taken;
        /* Step actions of the path: the ids without ':' (inspect:, flag:, service: are side). */
        int step_acts = 0;
        cJSON_ArrayForEach(a, cJSON_GetObjectItem(c0, "actions")) step_acts +=
            strchr(a->valuestring, ':') == NULL;
        printf("attempt %s: %d highlighted of %d step actions\n", reg, taken, step_acts);
        CHECK_INT(taken, step_acts);
        CHECK(dot && strstr(dot, "inspect:"));
        snprintf(cmd, sizeof cmd,
                 "cd '%s' && '%s' graph --scenarios '%s' '%s' --attempt no-such --db g.db 2>&1",
                 work, exe, root, ids[0]);
        free(run(cmd, &st));
        CHECK_INT(st, 2);
        free(dot);
    }
    cJSON_Delete(xj);
    free(x);
    cJSON_Delete(g);
    return TEST_REPORT();
}

/* ---- new ---------------------------------------------------------------------------------- */

static int scaffold(const char *work)
{
    char cmd[16384];
    int st;
    snprintf(cmd, sizeof cmd,
             "rm -rf '%s/pack' && mkdir -p '%s/pack/scenarios' && cp -r '%s/data' "
             "'%s/pack/scenarios/' && "
             "cp -r '%s/../scripts' '%s/pack/scripts'",
             work, work, root, work, root, work);
    free(run(cmd, &st));
    CHECK_INT(st, 0);
    char pack[4096];
    snprintf(pack, sizeof pack, "%s/pack/scenarios", work);
    const char *services[] = {"inn", "passport-rf", "matcap", "esia"};
    for (size_t i = 0; i < 4; i++) {
        snprintf(cmd, sizeof cmd, "'%s' new --scenarios '%s' draft-%zu --service %s", exe, pack, i,
                 services[i]);
        char *out = run(cmd, &st);
        CHECK_INT(st, 0);
        CHECK(out && strstr(out, "Создан сценарий"));
        free(out);
        snprintf(cmd, sizeof cmd, "'%s' check --strict --scenarios '%s' '%s/draft-%zu' 2>&1", exe,
                 pack, pack, i);
        out = run(cmd, &st);
        CHECK_INT(st, 0);
        free(out);
        snprintf(cmd, sizeof cmd, "'%s' explore --scenarios '%s' draft-%zu --json", exe, pack, i);
        out = run(cmd, &st);
        cJSON *j = out ? cJSON_Parse(out) : NULL;
        CHECK_INT(st, 0);
        CHECK(cJSON_IsTrue(cJSON_GetObjectItem(cJSON_GetObjectItem(j, "best"), "passed")));
        CHECK(cJSON_IsTrue(cJSON_GetObjectItem(j, "complete")));
        cJSON_Delete(j);
        free(out);
    }
    /* Refusals: the folder exists, a bad id, an unknown service (listed), no service. */
    const char *bad[][2] = {{"draft-0 --service inn", "уже существует"},
                            {"Draft --service inn", "не подходит"},
                            {"draft-x --service inm", "есть: "},
                            {"draft-y", "--service"}};
    for (size_t i = 0; i < 4; i++) {
        snprintf(cmd, sizeof cmd, "'%s' new --scenarios '%s' %s 2>&1", exe, pack, bad[i][0]);
        char *out = run(cmd, &st);
        CHECK_INT(st, 2);
        CHECK(out && strstr(out, bad[i][1]));
        free(out);
    }
    snprintf(cmd, sizeof cmd, "test ! -e '%s/draft-x' && test ! -e '%s/Draft'", pack, pack);
    free(run(cmd, &st));
    CHECK_INT(st, 0);
    return TEST_REPORT();
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: tools_test explore|graph|new MFC_TRAINER SCENARIOS [WORK_DIR]\n");
        return 2;
    }
    exe = argv[2];
    root = argv[3];
    const char *work = argc > 4 ? argv[4] : "/tmp";
    mkdir(work, 0755);
    if (strcmp(argv[1], "explore") == 0)
        return explore();
    if (strcmp(argv[1], "graph") == 0)
        return graph(work);
    return scaffold(work);
}
