/*
 * golden_runner.c — replays the cases of one tests/golden/<scenario>.json through the command
 * line (`mfc-trainer play ID --actions … --seed N --json`) and checks outcome, passed, total,
 * critical errors and the ordered list of mistakes. It also replays each case twice and checks
 * the JSON is byte-identical (determinism).
 * Usage: golden_runner MFC_TRAINER SCENARIOS_DIR GOLDEN_FILE
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"

static char *slurp(FILE *f)
{
    size_t cap = 1 << 16, len = 0;
    char *buf = malloc(cap);
    size_t n;
    while (buf && (n = fread(buf + len, 1, cap - len - 1, f)) > 0) {
        len += n;
        if (len + 1 == cap) {
            cap *= 2;
            char *p = realloc(buf, cap);
            if (!p) {
                free(buf);
                return NULL;
            }
            buf = p;
        }
    }
    if (buf)
        buf[len] = '\0';
    return buf;
}

static char *run(const char *exe, const char *root, const char *id, const char *actions, int seed,
                 int *status)
{
    char cmd[16384];
    snprintf(cmd, sizeof cmd, "'%s' play '%s' --scenarios '%s' --actions '%s' --seed %d --json",
             exe, id, root, actions, seed);
    FILE *p = popen(cmd, "r");
    if (!p)
        return NULL;
    char *out = slurp(p);
    *status = pclose(p);
    return out;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: golden_runner MFC_TRAINER SCENARIOS_DIR GOLDEN_FILE\n");
        return 2;
    }
    FILE *f = fopen(argv[3], "rb");
    if (!f) {
        perror(argv[3]);
        return 2;
    }
    char *text = slurp(f);
    fclose(f);
    cJSON *root = cJSON_Parse(text);
    free(text);
    const cJSON *scen = cJSON_GetObjectItemCaseSensitive(root, "scenario");
    const cJSON *seed = cJSON_GetObjectItemCaseSensitive(root, "seed");
    const cJSON *cases = cJSON_GetObjectItemCaseSensitive(root, "cases");
    if (!cJSON_IsString(scen) || !cJSON_IsNumber(seed) || !cJSON_IsArray(cases)) {
        fprintf(stderr, "%s: expected {scenario, seed, cases}\n", argv[3]);
        return 2;
    }
    const cJSON *c;
    int count = 0, has_correct = 0;
    cJSON_ArrayForEach(c, cases)
    {
        count++;
        const char *name = cJSON_GetObjectItemCaseSensitive(c, "name")->valuestring;
        const cJSON *acts = cJSON_GetObjectItemCaseSensitive(c, "actions");
        const cJSON *exp = cJSON_GetObjectItemCaseSensitive(c, "expect");
        char list[12000] = "";
        const cJSON *a;
        cJSON_ArrayForEach(a, acts)
        {
            if (list[0])
                strncat(list, ",", sizeof list - strlen(list) - 1);
            strncat(list, a->valuestring, sizeof list - strlen(list) - 1);
        }
        int st1 = 0, st2 = 0;
        char *out = run(argv[1], argv[2], scen->valuestring, list, seed->valueint, &st1);
        char *again = run(argv[1], argv[2], scen->valuestring, list, seed->valueint, &st2);
        printf("case %s: exit %d\n", name, st1);
        CHECK_INT(st1, 0);
        CHECK(out && again && strcmp(out, again) == 0);
        cJSON *res = out ? cJSON_Parse(out) : NULL;
        CHECK(res != NULL);
        if (!res) {
            free(out);
            free(again);
            continue;
        }
        const cJSON *eo = cJSON_GetObjectItemCaseSensitive(exp, "outcome");
        CHECK_STR(cJSON_GetObjectItemCaseSensitive(res, "outcome")->valuestring, eo->valuestring);
        int passed = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(res, "passed"));
        CHECK_INT(passed, cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(exp, "passed")));
        CHECK_INT(cJSON_GetObjectItemCaseSensitive(res, "total")->valueint,
                  cJSON_GetObjectItemCaseSensitive(exp, "total")->valueint);
        int crit = cJSON_GetArraySize(cJSON_GetObjectItemCaseSensitive(res, "critical_errors")) > 0;
        CHECK_INT(crit, cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(exp, "critical")));
        /* The ordered action ids of every mistake. */
        char got[8000] = "", want[8000] = "";
        const cJSON *m;
        cJSON_ArrayForEach(m, cJSON_GetObjectItemCaseSensitive(res, "mistakes"))
        {
            strncat(got, cJSON_GetObjectItemCaseSensitive(m, "action")->valuestring,
                    sizeof got - strlen(got) - 2);
            strncat(got, " ", sizeof got - strlen(got) - 1);
        }
        cJSON_ArrayForEach(m, cJSON_GetObjectItemCaseSensitive(exp, "mistakes"))
        {
            strncat(want, m->valuestring, sizeof want - strlen(want) - 2);
            strncat(want, " ", sizeof want - strlen(want) - 1);
        }
        CHECK_STR(got, want);
        /* Every mistake carries feedback, and every negative or critical one a rule, except
         * the engine's own time entry and generic false flags. */
        cJSON_ArrayForEach(m, cJSON_GetObjectItemCaseSensitive(res, "mistakes"))
        {
            const cJSON *fb = cJSON_GetObjectItemCaseSensitive(m, "feedback");
            CHECK(cJSON_IsString(fb) && fb->valuestring[0]);
        }
        if (strcmp(name, "correct") == 0) {
            has_correct = 1;
            CHECK(passed);
            CHECK(cJSON_GetObjectItemCaseSensitive(res, "total")->valueint >= 90);
        }
        cJSON_Delete(res);
        free(out);
        free(again);
    }
    CHECK(has_correct);
    CHECK(count >= 2);
    cJSON_Delete(root);
    return TEST_REPORT();
}
