/*
 * catalog.c — the rules catalogue (scenarios/data/rules.json), discovery of scenario folders,
 * and parsing of saved attempts. All three read JSON, so they live beside the loader: cJSON
 * enters the program only through this module.
 */
#include "scenario.h"
#include "jsonscan.h"

#include "../core/i18n.h"

#include <cjson/cJSON.h>
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== provenance ========================================================================== */

static int valid_iso_date(const char *d)
{
    int y, m, day;
    char tail;
    if (strlen(d) != 10 || sscanf(d, "%4d-%2d-%2d%c", &y, &m, &day, &tail) != 3 || d[4] != '-' ||
        d[7] != '-')
        return 0;
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1990 || y > 2100 || m < 1 || m > 12 || day < 1 || day > mdays[m - 1])
        return 0;
    return !(m == 2 && day == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0));
}

/* An address the book can show and a reader can follow: a web address, not prose. */
static int valid_source(const char *s)
{
    return (strncmp(s, "https://", 8) == 0 || strncmp(s, "http://", 7) == 0) && !strchr(s, ' ') &&
           strlen(s) > 10 && strlen(s) < 1024;
}

int provenance_parse(const void *cjson_obj, Provenance *out, char *msg, size_t msg_len,
                     const char **key)
{
    const cJSON *o = cjson_obj;
    memset(out, 0, sizeof *out);
    *key = NULL;
    msg[0] = '\0';
    const cJSON *src = cJSON_GetObjectItemCaseSensitive(o, "source");
    if (src) {
        size_t n = cJSON_IsArray(src) ? (size_t)cJSON_GetArraySize(src) : 1;
        out->sources = calloc(n ? n : 1, sizeof *out->sources);
        const cJSON *it = cJSON_IsArray(src) ? src->child : src;
        for (; it && out->sources; it = cJSON_IsArray(src) ? it->next : NULL) {
            if (!cJSON_IsString(it) || !valid_source(it->valuestring)) {
                snprintf(msg, msg_len, "%s", tr(STR_CATALOG_SOURCE_TYPE));
                *key = "source";
                return -1;
            }
            out->sources[out->source_count++] = sim_strdup(it->valuestring);
        }
        if (cJSON_IsArray(src) && n == 0) {
            snprintf(msg, msg_len, "%s", tr(STR_CATALOG_SOURCE_EMPTY));
            *key = "source";
            return -1;
        }
    }
    const cJSON *ch = cJSON_GetObjectItemCaseSensitive(o, "checked");
    if (ch) {
        if (!cJSON_IsString(ch) || !valid_iso_date(ch->valuestring)) {
            snprintf(msg, msg_len, "%s", tr(STR_CATALOG_CHECKED_TYPE));
            *key = "checked";
            return -1;
        }
        out->checked = sim_strdup(ch->valuestring);
    }
    if (out->checked && !out->source_count) {
        snprintf(msg, msg_len, "%s", tr(STR_CATALOG_CHECKED_NO_SOURCE));
        *key = "checked";
        return -1;
    }
    return 0;
}

void provenance_free(Provenance *p)
{
    for (size_t i = 0; i < p->source_count; i++)
        free(p->sources[i]);
    free(p->sources);
    free(p->checked);
    memset(p, 0, sizeof *p);
}

void provenance_date_ru(const Provenance *p, char *out, size_t out_len)
{
    if (!p->checked || strlen(p->checked) != 10) {
        snprintf(out, out_len, "%s", "");
        return;
    }
    snprintf(out, out_len, "%.2s.%.2s.%.4s", p->checked + 8, p->checked + 5, p->checked);
}

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
        simdiags_add(diags, SIM_SEV_ERROR, path, 0, 0, "", tr(STR_CATALOG_UNREADABLE), err.msg);
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
        simdiags_add(diags, SIM_SEV_ERROR, path, 1, 1, "", "%s", tr(STR_CATALOG_EXPECTED_ROOT));
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
        if (!cJSON_IsObject(it)) {
            simdiags_add(diags, SIM_SEV_ERROR, path, line, col, p, "%s",
                         tr(STR_CATALOG_EXPECTED_RULE));
            bad = 1;
            continue;
        }
        static const char *const keys[] = {"id",     "act",    "article", "short", "text",
                                           "verify", "source", "checked", NULL};
        for (const cJSON *k = it->child; k; k = k->next) {
            int ok = 0;
            for (size_t q = 0; keys[q]; q++)
                ok |= strcmp(k->string, keys[q]) == 0;
            if (!ok) {
                char kp[128];
                int kl = line, kc = col;
                snprintf(kp, sizeof kp, "%s.%s", p, k->string);
                jsonpos_lookup(pos, kp, &kl, &kc);
                simdiags_add(diags, SIM_SEV_ERROR, path, kl, kc, kp, tr(STR_CATALOG_UNKNOWN_FIELD),
                             k->string);
                bad = 1;
            }
        }
        r.id = dup_member(it, "id");
        r.act = dup_member(it, "act");
        r.article = dup_member(it, "article");
        r.short_ = dup_member(it, "short");
        r.text = dup_member(it, "text");
        const cJSON *v = cJSON_GetObjectItemCaseSensitive(it, "verify");
        r.verify = cJSON_IsTrue(v);
        char pmsg[200];
        const char *pkey = NULL;
        if (provenance_parse(it, &r.prov, pmsg, sizeof pmsg, &pkey) != 0) {
            char kp[128];
            int kl = line, kc = col;
            snprintf(kp, sizeof kp, "%s.%s", p, pkey);
            jsonpos_lookup(pos, kp, &kl, &kc);
            simdiags_add(diags, SIM_SEV_ERROR, path, kl, kc, kp, "%s", pmsg);
            bad = 1;
        }
        r.prov.line = line;
        r.prov.col = col;
        if (!r.id || !r.act || !r.short_ || !r.text) {
            simdiags_add(diags, SIM_SEV_ERROR, path, line, col, p, "%s",
                         tr(STR_CATALOG_RULE_FIELDS));
            bad = 1;
        } else if (rules_find(rc, r.id)) {
            simdiags_add(diags, SIM_SEV_ERROR, path, line, col, p, tr(STR_CATALOG_RULE_DUPLICATE),
                         r.id);
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
        provenance_free(&rc->rules[i].prov);
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
        sim_error_set(err, SIM_ERR_PARSE, tr(STR_SAVE_DAMAGED), m ? m : "?");
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
        sim_error_set(err, SIM_ERR_PARSE, "%s", tr(STR_SAVE_DAMAGED_NOT_OBJECT));
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
        const char *v = seed->valuestring;
        errno = 0;
        a->seed = strtoull(v, &end, 10);
        /* Digits only (strtoull would take " -1" as 2⁶⁴−1) and within 64 bits. */
        ok = v[0] >= '0' && v[0] <= '9' && end && *end == '\0' && errno != ERANGE;
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
        sim_error_set(err, SIM_ERR_PARSE, "%s", tr(STR_SAVE_DAMAGED_FIELDS));
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
