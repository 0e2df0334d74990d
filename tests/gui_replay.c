/*
 * gui_replay.c — plays a scenario to the end THROUGH THE WINDOW and checks the result is the
 * same, byte for byte, as `mfc-trainer play --actions … --json` with the same seed.
 *
 * From the golden file's case it writes an input script of the keys a trainee would press
 * (digits for answers, D and arrows for the desk, Enter to open a document, arrows through the
 * fields in page order, Enter and arrows for the reason, P for the office PC), runs
 * `mfc-trainer gui --scenario ID --input-script … --result …` under the dummy video driver,
 * and compares its result JSON with the headless player's.
 * Usage: gui_replay MFC_TRAINER SCENARIOS_DIR GOLDEN_FILE WORK_DIR
 */
#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "session/session.h"
#include "ui/ui_internal.h"
#include "test.h"

static char *slurp(const char *path)
{
    char *t = NULL;
    size_t n;
    SimError e;
    return sim_read_file(path, 1 << 22, &t, &n, &e) == SIM_OK ? t : NULL;
}

static int desk_index(const Session *ss, int doc)
{
    const Scenario *s = session_scenario(ss);
    int k = 0;
    for (size_t d = 0; d < s->document_count; d++) {
        if (!session_doc_on_desk(ss, (int)d))
            continue;
        if ((int)d == doc)
            return k;
        k++;
    }
    return -1;
}

static void press(FILE *f, const char *key, int times)
{
    for (int i = 0; i < times; i++)
        fprintf(f, "key %s\n", key);
}

/* Writes the keys for one action; returns 0 when it cannot be done through the window. */
static int keys_for(FILE *f, Session *ss, const char *id, int *sel_doc)
{
    const Scenario *s = session_scenario(ss);
    if (strncmp(id, "service:", 8) == 0) {
        int target = scenario_find_service(s, id + 8);
        int cur = session_service(ss) >= 0 ? session_service(ss) : 0;
        fprintf(f, "key P\n");
        press(f, target > cur ? "Down" : "Up", abs(target - cur));
        fprintf(f, "key Return\nkey Escape\n");
        return 1;
    }
    if (strncmp(id, "inspect:", 8) == 0 || strncmp(id, "flag:", 5) == 0) {
        int flag = id[0] == 'f';
        char doc[128] = "", field[128] = "", reason[64] = "";
        if (flag) {
            const char *dot = strchr(id + 5, '.'), *colon = dot ? strchr(dot, ':') : NULL;
            if (!dot || !colon)
                return 0;
            snprintf(doc, sizeof doc, "%.*s", (int)(dot - id - 5), id + 5);
            snprintf(field, sizeof field, "%.*s", (int)(colon - dot - 1), dot + 1);
            snprintf(reason, sizeof reason, "%s", colon + 1);
        } else {
            snprintf(doc, sizeof doc, "%s", id + 8);
        }
        int d = scenario_find_document(s, doc);
        int k = d >= 0 ? desk_index(ss, d) : -1;
        if (k < 0 || (flag && !session_doc_inspected(ss, d)))
            return 0; /* the window opens a document before flagging it */
        fprintf(f, "key D\n");
        press(f, k > *sel_doc ? "Right" : "Left", abs(k - *sel_doc));
        *sel_doc = k;
        fprintf(f, "key Return\n");
        if (flag) {
            int order[128];
            size_t n = doc_field_order(&s->documents[d], order, 128);
            int fi = document_find_field(&s->documents[d], field), pos = -1;
            for (size_t i = 0; i < n; i++)
                if (order[i] == fi)
                    pos = (int)i;
            if (pos < 0)
                return 0;
            press(f, "Down", pos);
            fprintf(f, "key Return\n");
            press(f, "Down", reason_parse(reason));
            fprintf(f, "key Return\n");
        }
        fprintf(f, "key Escape\n");
        return 1;
    }
    int offered[64];
    size_t n = session_menu(ss, offered, 64);
    const Step *st = &s->steps[session_step_index(ss)];
    for (size_t i = 0; i < n; i++)
        if (strcmp(st->actions[offered[i]].id, id) == 0) {
            if (i < 9) {
                fprintf(f, "key %zu\n", i + 1);
            } else {
                press(f, "Down", (int)i);
                fprintf(f, "key Return\n");
            }
            return 1;
        }
    return 0;
}

int main(int argc, char **argv)
{
    if (argc != 5) {
        fprintf(stderr, "usage: gui_replay MFC_TRAINER SCENARIOS_DIR GOLDEN_FILE WORK_DIR\n");
        return 2;
    }
    const char *exe = argv[1], *root = argv[2], *work = argv[4];
    char *gtext = slurp(argv[3]);
    cJSON *golden = gtext ? cJSON_Parse(gtext) : NULL;
    free(gtext);
    const char *id = cJSON_GetObjectItemCaseSensitive(golden, "scenario")->valuestring;
    int seed = cJSON_GetObjectItemCaseSensitive(golden, "seed")->valueint;
    char path[1024];
    snprintf(path, sizeof path, "%s/data/rules.json", root);
    SimDiags dg;
    simdiags_init(&dg);
    RuleCatalog *rules = rules_load(path, &dg);
    snprintf(path, sizeof path, "%s/data/services.json", root);
    RefBook *book = sim_is_file(path) ? refbook_load(path, rules, &dg) : NULL;
    char dir[1024], scripts[1024];
    snprintf(dir, sizeof dir, "%s/%s", root, id);
    snprintf(scripts, sizeof scripts, "%s/../scripts", root);
    ScenarioLoadOptions lo = {.rules = rules, .scripts_dir = scripts, .refbook = book};
    Scenario *s = scenario_load(dir, &lo, &dg);
    CHECK(s != NULL);
    if (!s)
        return TEST_REPORT();
    int replayed = 0;
    const cJSON *c;
    cJSON_ArrayForEach(c, cJSON_GetObjectItemCaseSensitive(golden, "cases"))
    {
        const char *name = cJSON_GetObjectItemCaseSensitive(c, "name")->valuestring;
        SessionOptions so = {.seed = (uint64_t)seed, .mode = MODE_TRAINING};
        Session *ss;
        SimError e;
        if (session_create(s, &so, &ss, &e) != SIM_OK)
            return 2;
        char script[1200], result[1200], headless[1200], db[1200], list[12000] = "";
        snprintf(script, sizeof script, "%s/%s-%s.keys", work, id, name);
        snprintf(result, sizeof result, "%s/%s-%s.gui.json", work, id, name);
        snprintf(headless, sizeof headless, "%s/%s-%s.play.json", work, id, name);
        snprintf(db, sizeof db, "%s/%s-%s.db", work, id, name);
        FILE *f = fopen(script, "w");
        int ok = f != NULL, sel_doc = 0;
        const cJSON *a;
        cJSON_ArrayForEach(a, cJSON_GetObjectItemCaseSensitive(c, "actions"))
        {
            if (!ok)
                break;
            fprintf(f, "# %s\n", a->valuestring);
            ok = keys_for(f, ss, a->valuestring, &sel_doc) &&
                 session_act(ss, a->valuestring, &e) == SIM_OK;
            if (list[0])
                strcat(list, ",");
            strncat(list, a->valuestring, sizeof list - strlen(list) - 2);
        }
        if (f)
            fclose(f);
        session_destroy(ss);
        if (!ok) {
            printf("case %s: not playable through the window as written (skipped)\n", name);
            continue;
        }
        remove(result);
        remove(db);
        char cmd[16000];
        snprintf(cmd, sizeof cmd,
                 "SDL_VIDEODRIVER=dummy '%s' gui --scenarios '%s' --scenario '%s' --seed %d "
                 "--db '%s' --input-script '%s' --result '%s' >/dev/null",
                 exe, root, id, seed, db, script, result);
        int rc1 = system(cmd);
        snprintf(cmd, sizeof cmd,
                 "'%s' play '%s' --scenarios '%s' --seed %d --actions '%s' --json > '%s'", exe, id,
                 root, seed, list, headless);
        int rc2 = system(cmd);
        char *g = slurp(result), *h = slurp(headless);
        printf("case %s: gui exit %d, play exit %d\n", name, rc1, rc2);
        CHECK_INT(rc1, 0);
        CHECK_INT(rc2, 0);
        CHECK(g && h && strcmp(g, h) == 0);
        if (g && h && strcmp(g, h) != 0)
            fprintf(stderr, "differs: %s vs %s\n", result, headless);
        replayed++;
        free(g);
        free(h);
    }
    CHECK(replayed >= 1);
    printf("replayed through the window: %d\n", replayed);
    scenario_free(s);
    refbook_free(book);
    rules_free(rules);
    simdiags_free(&dg);
    cJSON_Delete(golden);
    return TEST_REPORT();
}
