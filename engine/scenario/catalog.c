/*
 * catalog.c — the rules catalogue (scenarios/data/rules.json), discovery of scenario folders,
 * and parsing of saved attempts. All three read JSON, so they live beside the loader: cJSON
 * enters the program only through this module.
 */
#include "scenario.h"
#include "jsonscan.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== rules =============================================================================== */

static char *dup_member(const cJSON *o, const char *k)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, k);
    return cJSON_IsString(v) ? sim_strdup(v->valuestring) : NULL;
}

RuleCatalog *rules_load(const char *path, SimDiags *diags)
{
    char *text = NULL;
    size_t len = 0;
    SimError err;
    if (sim_read_file(path, SCENARIO_MAX_FILE, &text, &len, &err) != SIM_OK) {
        simdiags_add(diags, SIM_SEV_ERROR, path, 0, 0, "",
                     "не удалось прочитать каталог правил (%s)", err.msg);
        return NULL;
    }
    JsonPosMap *pos = NULL;
    if (!jsonscan(text, len, path, diags, &pos)) {
        free(text);
        return NULL;
    }
    cJSON *root = cJSON_ParseWithLength(text, len);
    free(text);
    RuleCatalog *rc = calloc(1, sizeof *rc);
    const cJSON *rules = root ? cJSON_GetObjectItemCaseSensitive(root, "rules") : NULL;
    if (!rc || !cJSON_IsArray(rules)) {
        simdiags_add(diags, SIM_SEV_ERROR, path, 1, 1, "",
                     "ожидался объект {\"format\": 1, \"rules\": [ … ]}");
        cJSON_Delete(root);
        jsonpos_free(pos);
        free(rc);
        return NULL;
    }
    rc->path = sim_strdup(path);
    size_t n = (size_t)cJSON_GetArraySize(rules), i = 0;
    rc->rules = calloc(n ? n : 1, sizeof *rc->rules);
    int bad = 0;
    for (const cJSON *it = rules->child; it && rc->rules; it = it->next, i++) {
        char p[64];
        snprintf(p, sizeof p, "rules[%zu]", i);
        int line = 0, col = 0;
        jsonpos_lookup(pos, p, &line, &col);
        Rule r = {0};
        r.id = dup_member(it, "id");
        r.act = dup_member(it, "act");
        r.article = dup_member(it, "article");
        r.short_ = dup_member(it, "short");
        r.text = dup_member(it, "text");
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(it, "verify");
        r.verify = cJSON_IsTrue(v);
        if (!r.id || !r.act || !r.short_ || !r.text) {
            simdiags_add(diags, SIM_SEV_ERROR, path, line, col, p,
                         "у правила должны быть строки «id», «act», «short» и «text»");
            bad = 1;
        } else if (rules_find(rc, r.id)) {
            simdiags_add(diags, SIM_SEV_ERROR, path, line, col, p,
                         "правило «%s» уже объявлено", r.id);
            bad = 1;
        }
        if (!r.article)
            r.article = sim_strdup("");
        rc->rules[rc->count++] = r;
    }
    cJSON_Delete(root);
    jsonpos_free(pos);
    if (bad) {
        rules_free(rc);
        return NULL;
    }
    return rc;
}

void rules_free(RuleCatalog *rc)
{
    if (!rc)
        return;
    for (size_t i = 0; i < rc->count; i++) {
        free(rc->rules[i].id);
        free(rc->rules[i].act);
        free(rc->rules[i].article);
        free(rc->rules[i].short_);
        free(rc->rules[i].text);
    }
    free(rc->rules);
    free(rc->path);
    free(rc);
}

const Rule *rules_find(const RuleCatalog *rc, const char *id)
{
    if (!rc)
        return NULL;
    for (size_t i = 0; i < rc->count; i++)
        if (rc->rules[i].id && strcmp(rc->rules[i].id, id) == 0)
            return &rc->rules[i];
    return NULL;
}

/* ==== discovery =========================================================================== */

static int cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

char **scenario_list_dirs(const char *root, size_t *count)
{
    *count = 0;
    DIR *d = opendir(root);
    if (!d)
        return NULL;
    char **out = NULL;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *dir = sim_path_join(root, e->d_name);
        char *json = sim_path_join(dir, "scenario.json");
        int ok = sim_is_dir(dir) && sim_is_file(json);
        free(json);
        if (!ok) {
            free(dir);
            continue;
        }
        if (*count == cap) {
            cap = cap ? cap * 2 : 16;
            char **p = realloc(out, cap * sizeof *p);
            if (!p) {
                free(dir);
                break;
            }
            out = p;
        }
        out[(*count)++] = dir;
    }
    closedir(d);
    if (*count)
        qsort(out, *count, sizeof *out, cmp_str);
    return out;
}

void scenario_dirs_free(char **dirs, size_t count)
{
    for (size_t i = 0; i < count; i++)
        free(dirs[i]);
    free(dirs);
}

/* ==== saved attempts ====================================================================== */

SavedAttempt *saved_attempt_parse(const char *json, size_t len, SimError *err)
{
    SimDiags diags;
    simdiags_init(&diags);
    JsonPosMap *pos = NULL;
    if (!jsonscan(json, len, "attempt", &diags, &pos)) {
        char *m = diags.count ? simdiag_format(&diags.items[0]) : NULL;
        sim_error_set(err, SIM_ERR_PARSE, "сохранённая попытка повреждена: %s", m ? m : "?");
        free(m);
        simdiags_free(&diags);
        return NULL;
    }
    jsonpos_free(pos);
    simdiags_free(&diags);
    cJSON *root = cJSON_ParseWithLength(json, len);
    SavedAttempt *a = calloc(1, sizeof *a);
    if (!root || !a || !cJSON_IsObject(root)) {
        cJSON_Delete(root);
        free(a);
        sim_error_set(err, SIM_ERR_PARSE, "сохранённая попытка повреждена: ожидался объект");
        return NULL;
    }
    a->scenario = dup_member(root, "scenario");
    a->version = dup_member(root, "version");
    a->hash = dup_member(root, "hash");
    a->step = dup_member(root, "step");
    const cJSON *seed = cJSON_GetObjectItemCaseSensitive(root, "seed");
    const cJSON *mode = cJSON_GetObjectItemCaseSensitive(root, "mode");
    const cJSON *acts = cJSON_GetObjectItemCaseSensitive(root, "actions");
    const cJSON *mins = cJSON_GetObjectItemCaseSensitive(root, "minutes");
    const cJSON *mood = cJSON_GetObjectItemCaseSensitive(root, "mood");
    const cJSON *total = cJSON_GetObjectItemCaseSensitive(root, "total");
    int ok = a->scenario && a->version && cJSON_IsString(seed) && cJSON_IsArray(acts);
    if (ok) {
        /* Seeds are 64-bit, so they travel as decimal strings (JSON numbers lose precision). */
        char *end = NULL;
        a->seed = strtoull(seed->valuestring, &end, 10);
        ok = end && *end == '\0' && seed->valuestring[0] != '\0';
    }
    a->mode = cJSON_IsString(mode) && strcmp(mode->valuestring, "exam") == 0;
    a->minutes = cJSON_IsNumber(mins) ? mins->valuedouble : 0;
    a->mood = cJSON_IsNumber(mood) ? (int)mood->valuedouble : 0;
    a->total = cJSON_IsNumber(total) ? (long)total->valuedouble : -1;
    if (ok) {
        size_t n = (size_t)cJSON_GetArraySize(acts);
        a->actions = calloc(n ? n : 1, sizeof *a->actions);
        for (const cJSON *it = acts->child; it && a->actions; it = it->next) {
            if (!cJSON_IsString(it)) {
                ok = 0;
                break;
            }
            a->actions[a->action_count++] = sim_strdup(it->valuestring);
        }
    }
    cJSON_Delete(root);
    if (!ok) {
        saved_attempt_free(a);
        sim_error_set(err, SIM_ERR_PARSE,
                      "сохранённая попытка повреждена: нужны поля scenario, version, seed "
                      "(строка) и actions (список)");
        return NULL;
    }
    return a;
}

void saved_attempt_free(SavedAttempt *a)
{
    if (!a)
        return;
    free(a->scenario);
    free(a->version);
    free(a->hash);
    free(a->step);
    for (size_t i = 0; i < a->action_count; i++)
        free(a->actions[i]);
    free(a->actions);
    free(a);
}
