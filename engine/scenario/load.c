/*
 * load.c — scenario.json → Scenario, with every problem reported.
 *
 * Order: size check → strict pass (jsonscan: positions, UTF-8, duplicates) → cJSON tree →
 * a first pass that collects the ids of steps, endings, documents, services and actions (so
 * references can be checked in any order) → a second pass that builds the model → graph
 * checks and criterion maxima (validate.c). Messages are Russian, for methodologists, and
 * say what to do; the "error:"/"warning:" keywords stay English so editors can parse them.
 * Their texts are in the string table (engine/core/i18n_load.h), used through TRF so that
 * -Wformat still checks each call's arguments.
 */
#include "scenario.h"
#include "jsonscan.h"
#include "validate.h"

#include <cjson/cJSON.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define PATH_MAX_LEN 512

typedef struct Ld {
    const char *file;
    SimDiags *diags;
    JsonPosMap *pos;
    Scenario *s;
    const RuleCatalog *rules;
    const RefBook *refbook;
    size_t errors;
    /* first-pass ids */
    const char **action_ids;
    size_t action_id_count;
} Ld;

/* ==== messages ============================================================================ */

static void report(Ld *ld, SimSeverity sev, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void report(Ld *ld, SimSeverity sev, const char *path, const char *fmt, ...)
{
    int line = 0, col = 0;
    jsonpos_lookup(ld->pos, path, &line, &col);
    SimBuf b;
    simbuf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    simbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    simdiags_add(ld->diags, sev, ld->file, line, col, path, "%s", simbuf_str(&b));
    simbuf_free(&b);
    if (sev == SIM_SEV_ERROR)
        ld->errors++;
}

#define ERR(ld, path, ...)  report((ld), SIM_SEV_ERROR, (path), __VA_ARGS__)
#define WARN(ld, path, ...) report((ld), SIM_SEV_WARNING, (path), __VA_ARGS__)

static void pkey(char *out, const char *parent, const char *key)
{
    SimBuf b;
    simbuf_init(&b);
    simbuf_puts(&b, parent);
    jsonpath_append_key(&b, key);
    snprintf(out, PATH_MAX_LEN, "%s", simbuf_str(&b));
    simbuf_free(&b);
}

static void pidx(char *out, const char *parent, size_t i)
{
    char num[32];
    snprintf(num, sizeof num, "[%zu]", i);
    size_t nl = strlen(num), pl = strnlen(parent, PATH_MAX_LEN - 1);
    if (pl + nl >= PATH_MAX_LEN)
        pl = PATH_MAX_LEN - 1 - nl; /* an absurdly deep path: keep the index visible */
    memmove(out, parent, pl);
    memcpy(out + pl, num, nl + 1);
}

/* Best candidate within a small edit distance, for "did you mean". */
/* Candidates are n string pointers stride bytes apart from first: a plain array of strings,
 * or the id member of each element of an array of structs (see SUGGEST_IN). */
static const char *suggest_strided(const char *name, const void *first, size_t n, size_t stride)
{
    const char *best = NULL;
    int best_d = 1000;
    size_t len = strlen(name);
    int cap = len < 6 ? 2 : (int)(len / 3);
    for (size_t i = 0; i < n; i++) {
        const char *cand = *(const char *const *)((const char *)first + i * stride);
        if (!cand)
            continue;
        int d = sim_edit_distance(name, cand, cap);
        if (d <= cap && d < best_d) {
            best = cand;
            best_d = d;
        }
    }
    return best;
}

static const char *suggest(const char *name, const char *const *cands, size_t n)
{
    return suggest_strided(name, cands, n, sizeof *cands);
}

/* The closest id among n structs of array arr, whose string member is member. */
#define SUGGEST_IN(name, arr, n, member)                                                           \
    ((n) ? suggest_strided((name), &(arr)[0].member, (n), sizeof *(arr)) : NULL)

static void hint_suffix(char *out, size_t n, const char *sugg)
{
    if (sugg)
        snprintf(out, n, TRF(STR_LOAD_DID_YOU_MEAN), sugg);
    else
        out[0] = '\0';
}

/* ==== references to the reference book ({{kind:id}}) ====================================== */

static const RefService *resolve_refservice(Ld *ld, const char *path, const char *id);

static const char *const ref_kinds[] = {"duty",   "deadline", "agency", "title",
                                        "result", "value",    NULL};

/* The text one reference stands for, or NULL after reporting why it cannot be resolved. */
static const char *ref_lookup(Ld *ld, const char *path, const char *kind, const char *id)
{
    if (strcmp(kind, "value") == 0) {
        const RefValue *v = ld->refbook ? refbook_find_value(ld->refbook, id) : NULL;
        if (v)
            return v->value;
        if (!ld->refbook) {
            ERR(ld, path, TRF(STR_LOAD_VALUE_NO_REFBOOK), id);
            return NULL;
        }
        char hint[160];
        hint_suffix(hint, sizeof hint,
                    SUGGEST_IN(id, ld->refbook->values, ld->refbook->value_count, key));
        ERR(ld, path, TRF(STR_LOAD_VALUE_UNKNOWN), id, ld->refbook->path, hint);
        return NULL;
    }
    const RefService *r = resolve_refservice(ld, path, id);
    if (!r)
        return NULL;
    if (strcmp(kind, "duty") == 0)
        return r->duty;
    if (strcmp(kind, "deadline") == 0)
        return r->deadline;
    if (strcmp(kind, "agency") == 0)
        return r->agency;
    if (strcmp(kind, "title") == 0)
        return r->title;
    if (!r->result)
        ERR(ld, path, TRF(STR_LOAD_SERVICE_NO_RESULT), id);
    return r->result;
}

/* Replaces every {{kind:id}} in one string. Returns a new string, or NULL when there is
 * nothing to replace or a reference is broken (reported). Each resolved text is hashed, so a
 * changed duty in services.json changes the scenario's content hash. */
static char *subst_string(Ld *ld, const char *path, const char *text, uint64_t *h)
{
    if (!strstr(text, "{{"))
        return NULL;
    SimBuf b;
    simbuf_init(&b);
    const char *p = text;
    int bad = 0;
    for (const char *open; (open = strstr(p, "{{")) != NULL;) {
        simbuf_append(&b, p, (size_t)(open - p));
        const char *close = strstr(open + 2, "}}");
        if (!close) {
            ERR(ld, path, TRF(STR_LOAD_LINK_UNCLOSED));
            bad = 1;
            break;
        }
        char ref[128];
        size_t n = (size_t)(close - open - 2);
        snprintf(ref, sizeof ref, "%.*s", (int)(n < sizeof ref ? n : sizeof ref - 1), open + 2);
        char *colon = strchr(ref, ':');
        const char *val = NULL;
        if (!colon || colon == ref || !colon[1]) {
            ERR(ld, path, TRF(STR_LOAD_LINK_MALFORMED), ref);
        } else {
            *colon = '\0';
            int known = 0;
            for (size_t k = 0; ref_kinds[k]; k++)
                known |= strcmp(ref, ref_kinds[k]) == 0;
            if (!known) {
                char hint[160];
                hint_suffix(hint, sizeof hint, suggest(ref, ref_kinds, 6));
                ERR(ld, path, TRF(STR_LOAD_LINK_UNKNOWN_KIND), ref, hint);
            } else {
                val = ref_lookup(ld, path, ref, colon + 1);
            }
        }
        if (!val)
            bad = 1;
        else {
            simbuf_puts(&b, val);
            *h = sim_hash_fnv1a(*h, val, strlen(val));
        }
        p = close + 2;
    }
    if (bad) {
        simbuf_free(&b);
        return NULL;
    }
    simbuf_puts(&b, p);
    return simbuf_take(&b);
}

static void subst_tree(Ld *ld, cJSON *node, const char *path, uint64_t *h, int depth)
{
    if (depth > JSONSCAN_MAX_DEPTH)
        return;
    size_t i = 0;
    for (cJSON *it = node->child; it; it = it->next, i++) {
        char p[PATH_MAX_LEN];
        if (cJSON_IsObject(node))
            pkey(p, path, it->string);
        else
            pidx(p, path, i);
        if (cJSON_IsString(it)) {
            char *repl = subst_string(ld, p, it->valuestring, h);
            if (repl) {
                /* cJSON owns valuestring through its hooks (the default malloc/free). */
                char *copy = cJSON_malloc(strlen(repl) + 1);
                if (copy) {
                    memcpy(copy, repl, strlen(repl) + 1);
                    cJSON_free(it->valuestring);
                    it->valuestring = copy;
                }
                free(repl);
            }
        } else if (cJSON_IsObject(it) || cJSON_IsArray(it)) {
            subst_tree(ld, it, p, h, depth + 1);
        }
    }
}

/* ==== typed getters ======================================================================= */

static const char *type_name(const cJSON *v)
{
    if (cJSON_IsString(v))
        return tr(STR_LOAD_TYPE_STRING);
    if (cJSON_IsNumber(v))
        return tr(STR_LOAD_TYPE_NUMBER);
    if (cJSON_IsBool(v))
        return "true/false";
    if (cJSON_IsNull(v))
        return "null";
    if (cJSON_IsArray(v))
        return tr(STR_LOAD_TYPE_LIST);
    if (cJSON_IsObject(v))
        return tr(STR_LOAD_TYPE_OBJECT);
    return "?";
}

/* Reports keys of obj that are not in allowed (NULL-terminated). */
static void check_keys(Ld *ld, const cJSON *obj, const char *path, const char *const *allowed)
{
    size_t n = 0;
    while (allowed[n])
        n++;
    for (const cJSON *it = obj->child; it; it = it->next) {
        int ok = 0;
        for (size_t i = 0; i < n && !ok; i++)
            ok = strcmp(it->string, allowed[i]) == 0;
        if (ok)
            continue;
        char p[PATH_MAX_LEN], hint[256];
        pkey(p, path, it->string);
        hint_suffix(hint, sizeof hint, suggest(it->string, allowed, n));
        ERR(ld, p, TRF(STR_LOAD_UNKNOWN_FIELD), it->string, hint);
    }
}

static const cJSON *get(const cJSON *obj, const char *key)
{
    return cJSON_GetObjectItemCaseSensitive(obj, key);
}

/* A string member. required: report when missing; nonempty: report "". Returns a copy. */
static char *get_str(Ld *ld, const cJSON *obj, const char *path, const char *key, int required)
{
    const cJSON *v = get(obj, key);
    char p[PATH_MAX_LEN];
    pkey(p, path, key);
    if (!v) {
        if (required)
            ERR(ld, path, TRF(STR_LOAD_MISSING_FIELD), key);
        return NULL;
    }
    if (!cJSON_IsString(v)) {
        ERR(ld, p, TRF(STR_LOAD_EXPECTED_STRING_GOT), type_name(v));
        return NULL;
    }
    if (required && v->valuestring[0] == '\0') {
        ERR(ld, p, TRF(STR_LOAD_FIELD_EMPTY), key);
        return NULL;
    }
    return sim_strdup(v->valuestring);
}

static double get_num(Ld *ld, const cJSON *obj, const char *path, const char *key, int required,
                      double def, double min, double max, int integer)
{
    const cJSON *v = get(obj, key);
    char p[PATH_MAX_LEN];
    pkey(p, path, key);
    if (!v) {
        if (required)
            ERR(ld, path, TRF(STR_LOAD_MISSING_FIELD), key);
        return def;
    }
    if (!cJSON_IsNumber(v)) {
        ERR(ld, p, TRF(STR_LOAD_EXPECTED_NUMBER_GOT), type_name(v));
        return def;
    }
    double d = v->valuedouble;
    if (integer && d != floor(d)) {
        ERR(ld, p, TRF(STR_LOAD_EXPECTED_INTEGER));
        return def;
    }
    if (d < min || d > max) {
        char a[32], b[32], c[32];
        sim_format_number(d, a, sizeof a);
        sim_format_number(min, b, sizeof b);
        sim_format_number(max, c, sizeof c);
        ERR(ld, p, TRF(STR_LOAD_OUT_OF_RANGE), a, b, c);
        return def;
    }
    return d;
}

/* An optional true/false member; def when absent. */
static int get_bool(Ld *ld, const cJSON *obj, const char *path, const char *key, int def)
{
    const cJSON *v = get(obj, key);
    if (!v)
        return def;
    if (!cJSON_IsBool(v)) {
        char p[PATH_MAX_LEN];
        pkey(p, path, key);
        ERR(ld, p, TRF(STR_LOAD_EXPECTED_BOOL_GOT), type_name(v));
        return def;
    }
    return cJSON_IsTrue(v);
}

/* A list of strings. Returns the count; *out is owned by the caller. */
static size_t get_strv(Ld *ld, const cJSON *obj, const char *path, const char *key, int required,
                       char ***out)
{
    *out = NULL;
    const cJSON *v = get(obj, key);
    char p[PATH_MAX_LEN];
    pkey(p, path, key);
    if (!v) {
        if (required)
            ERR(ld, path, TRF(STR_LOAD_MISSING_FIELD), key);
        return 0;
    }
    if (!cJSON_IsArray(v)) {
        ERR(ld, p, TRF(STR_LOAD_EXPECTED_STRING_LIST_GOT), type_name(v));
        return 0;
    }
    size_t n = (size_t)cJSON_GetArraySize(v), k = 0;
    if (required && n == 0)
        ERR(ld, p, TRF(STR_LOAD_LIST_EMPTY), key);
    char **arr = calloc(n ? n : 1, sizeof *arr);
    if (!arr)
        return 0;
    size_t i = 0;
    for (const cJSON *it = v->child; it; it = it->next, i++) {
        char ip[PATH_MAX_LEN];
        pidx(ip, p, i);
        if (!cJSON_IsString(it) || it->valuestring[0] == '\0') {
            ERR(ld, ip, TRF(STR_LOAD_EXPECTED_NONEMPTY_STRING));
            continue;
        }
        arr[k++] = sim_strdup(it->valuestring);
    }
    *out = arr;
    return k;
}

static int is_id(const char *s)
{
    if (!s || !*s || strlen(s) > 64)
        return 0;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-' || *s == '_'))
            return 0;
    return 1;
}

static void check_id(Ld *ld, const char *path, const char *id)
{
    if (id && !is_id(id))
        ERR(ld, path, TRF(STR_LOAD_BAD_ID), id);
}

/* ==== rules, scores, criticals ============================================================ */

static const Rule *resolve_rule(Ld *ld, const char *path, const char *id)
{
    if (!ld->rules) {
        ERR(ld, path, TRF(STR_LOAD_RULE_NO_CATALOG), id);
        return NULL;
    }
    const Rule *r = rules_find(ld->rules, id);
    if (r)
        return r;
    char hint[256];
    hint_suffix(hint, sizeof hint, SUGGEST_IN(id, ld->rules->rules, ld->rules->count, id));
    ERR(ld, path, TRF(STR_LOAD_RULE_UNKNOWN), id, ld->rules->path, hint);
    return NULL;
}

static int resolve_criterion(Ld *ld, const char *path, const char *id)
{
    int c = scenario_find_criterion(ld->s, id);
    if (c >= 0)
        return c;
    const char *cands[SCENARIO_MAX_CRITERIA];
    for (size_t i = 0; i < ld->s->criterion_count; i++)
        cands[i] = ld->s->criteria[i].id;
    char hint[256];
    hint_suffix(hint, sizeof hint, suggest(id, cands, ld->s->criterion_count));
    ERR(ld, path, TRF(STR_LOAD_CRITERION_UNKNOWN), id, hint);
    return -1;
}

static const char *const score_keys[] = {"criterion", "points", "feedback", "rule", NULL};

static int parse_score_entry(Ld *ld, const cJSON *it, const char *ip, ScoreSpec *sc,
                             int need_points)
{
    if (!cJSON_IsObject(it)) {
        ERR(ld, ip, TRF(STR_LOAD_EXPECTED_SCORE));
        return 0;
    }
    check_keys(ld, it, ip, score_keys);
    char *crit = get_str(ld, it, ip, "criterion", 1);
    sc->criterion = crit ? resolve_criterion(ld, ip, crit) : -1;
    free(crit);
    sc->points = need_points ? (int)get_num(ld, it, ip, "points", 1, 0, -100, 100, 1) : 0;
    sc->feedback = get_str(ld, it, ip, "feedback", 1);
    char *rule = get_str(ld, it, ip, "rule", 0);
    char rp[PATH_MAX_LEN];
    pkey(rp, ip, "rule");
    sc->rule = rule ? resolve_rule(ld, rp, rule) : NULL;
    if (!rule && sc->points < 0)
        ERR(ld, ip, TRF(STR_LOAD_MISTAKE_NO_RULE));
    free(rule);
    return 1;
}

static size_t parse_scores(Ld *ld, const cJSON *obj, const char *path, ScoreSpec **out)
{
    *out = NULL;
    const cJSON *v = get(obj, "score");
    if (!v)
        return 0;
    char p[PATH_MAX_LEN];
    pkey(p, path, "score");
    if (!cJSON_IsArray(v)) {
        ERR(ld, p, TRF(STR_LOAD_EXPECTED_SCORE_LIST));
        return 0;
    }
    size_t n = (size_t)cJSON_GetArraySize(v), k = 0, i = 0;
    ScoreSpec *arr = calloc(n ? n : 1, sizeof *arr);
    if (!arr)
        return 0;
    for (const cJSON *it = v->child; it; it = it->next, i++) {
        char ip[PATH_MAX_LEN];
        pidx(ip, p, i);
        if (parse_score_entry(ld, it, ip, &arr[k], 1))
            k++;
    }
    *out = arr;
    return k;
}

static void parse_critical(Ld *ld, const cJSON *obj, const char *path, CriticalSpec *out)
{
    memset(out, 0, sizeof *out);
    const cJSON *v = get(obj, "critical");
    if (!v)
        return;
    char p[PATH_MAX_LEN];
    pkey(p, path, "critical");
    if (!cJSON_IsObject(v)) {
        ERR(ld, p, TRF(STR_LOAD_EXPECTED_FEEDBACK));
        return;
    }
    static const char *const keys[] = {"feedback", "rule", NULL};
    check_keys(ld, v, p, keys);
    out->feedback = get_str(ld, v, p, "feedback", 1);
    char *rule = get_str(ld, v, p, "rule", 1);
    char rp[PATH_MAX_LEN];
    pkey(rp, p, "rule");
    out->rule = rule ? resolve_rule(ld, rp, rule) : NULL;
    free(rule);
}

/* ==== sections ============================================================================ */

static const struct {
    const char *id;
    SimStr title;
    int weight;
} default_crit[] = {
    {"legal", STR_CRIT_LEGAL, 35},
    {"documents", STR_CRIT_DOCUMENTS, 25},
    {"communication", STR_CRIT_COMMUNICATION, 15},
    {"time", STR_CRIT_TIME, 10},
    {"personal_data", STR_CRIT_PERSONAL_DATA, 10},
    {"escalation", STR_CRIT_ESCALATION, 5},
};

/* scoring.floors: {"criterion": percent}. Absent: the rubric's defaults, legal and personal
 * data at half their maximum, so that a high total cannot hide a wrong decision or a breach.
 * Given: it replaces the defaults entirely ({} switches floors off). */
static void parse_floors(Ld *ld, const cJSON *sc)
{
    Scenario *s = ld->s;
    const cJSON *fl = sc ? get(sc, "floors") : NULL;
    if (!fl) {
        static const struct {
            const char *id;
            int percent;
        } defaults[] = {{"legal", 50}, {"personal_data", 50}};
        for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++) {
            int c = scenario_find_criterion(s, defaults[i].id);
            if (c >= 0)
                s->floors[c] = defaults[i].percent;
        }
        return;
    }
    if (!cJSON_IsObject(fl)) {
        ERR(ld, "scoring.floors", TRF(STR_LOAD_FLOORS_EXPECTED));
        return;
    }
    for (const cJSON *it = fl->child; it; it = it->next) {
        char p[PATH_MAX_LEN];
        pkey(p, "scoring.floors", it->string);
        int c = resolve_criterion(ld, p, it->string);
        if (c < 0)
            continue;
        if (!cJSON_IsNumber(it) || it->valuedouble < 0 || it->valuedouble > 100 ||
            it->valuedouble != floor(it->valuedouble)) {
            ERR(ld, p, TRF(STR_LOAD_FLOOR_PERCENT));
            continue;
        }
        s->floors[c] = (int)it->valuedouble;
    }
}

static void parse_scoring(Ld *ld, const cJSON *root)
{
    Scenario *s = ld->s;
    s->pass_mark = 70;
    s->time_norm = 15;
    s->time_points = 10;
    s->time_per_minute = 2;
    const cJSON *sc = get(root, "scoring");
    const cJSON *crit = sc ? get(sc, "criteria") : NULL;
    if (sc && !cJSON_IsObject(sc)) {
        ERR(ld, "scoring", TRF(STR_LOAD_EXPECTED_OBJECT));
        sc = NULL;
        crit = NULL;
    }
    if (sc) {
        static const char *const keys[] = {"pass_mark", "criteria", "time", "false_flag",
                                           "max",       "floors",   NULL};
        check_keys(ld, sc, "scoring", keys);
        s->pass_mark = (int)get_num(ld, sc, "scoring", "pass_mark", 0, 70, 0, 100, 1);
    }
    if (crit) {
        if (!cJSON_IsArray(crit) || cJSON_GetArraySize(crit) == 0 ||
            cJSON_GetArraySize(crit) > SCENARIO_MAX_CRITERIA) {
            ERR(ld, "scoring.criteria", TRF(STR_LOAD_CRITERIA_EXPECTED), SCENARIO_MAX_CRITERIA);
        } else {
            size_t i = 0;
            for (const cJSON *it = crit->child; it; it = it->next, i++) {
                char ip[PATH_MAX_LEN];
                pidx(ip, "scoring.criteria", i);
                if (!cJSON_IsObject(it)) {
                    ERR(ld, ip, TRF(STR_LOAD_EXPECTED_CRITERION));
                    continue;
                }
                static const char *const keys[] = {"id", "title", "weight", NULL};
                check_keys(ld, it, ip, keys);
                Criterion *c = &s->criteria[s->criterion_count];
                c->id = get_str(ld, it, ip, "id", 1);
                check_id(ld, ip, c->id);
                c->title = get_str(ld, it, ip, "title", 1);
                c->weight = (int)get_num(ld, it, ip, "weight", 1, 0, 0, 100, 1);
                if (!c->id || !c->title) {
                    free(c->id);
                    free(c->title);
                    memset(c, 0, sizeof *c);
                    continue;
                }
                for (size_t j = 0; j < s->criterion_count; j++)
                    if (strcmp(s->criteria[j].id, c->id) == 0)
                        ERR(ld, ip, TRF(STR_LOAD_CRITERION_DUPLICATE), c->id);
                s->criterion_count++;
            }
        }
    } else {
        for (size_t i = 0; i < sizeof default_crit / sizeof default_crit[0]; i++) {
            s->criteria[i].id = sim_strdup(default_crit[i].id);
            s->criteria[i].title = sim_strdup(tr(default_crit[i].title));
            s->criteria[i].weight = default_crit[i].weight;
        }
        s->criterion_count = sizeof default_crit / sizeof default_crit[0];
    }
    int wsum = 0;
    for (size_t i = 0; i < s->criterion_count; i++)
        wsum += s->criteria[i].weight;
    if (s->criterion_count && wsum <= 0)
        ERR(ld, "scoring.criteria", TRF(STR_LOAD_WEIGHTS_ZERO));
    s->time_criterion = scenario_find_criterion(s, "time");

    const cJSON *t = sc ? get(sc, "time") : NULL;
    if (t) {
        if (!cJSON_IsObject(t)) {
            ERR(ld, "scoring.time", TRF(STR_LOAD_EXPECTED_TIME));
        } else {
            static const char *const keys[] = {"norm", "points", "per_minute", NULL};
            check_keys(ld, t, "scoring.time", keys);
            s->time_norm = get_num(ld, t, "scoring.time", "norm", 0, 15, 1, 240, 0);
            s->time_points = (int)get_num(ld, t, "scoring.time", "points", 0, 10, 0, 100, 1);
            s->time_per_minute = (int)get_num(ld, t, "scoring.time", "per_minute", 0, 2, 0, 100, 1);
        }
    }
    s->false_flag.criterion = scenario_find_criterion(s, "documents");
    s->false_flag.points = -5;
    const cJSON *ff = sc ? get(sc, "false_flag") : NULL;
    if (ff) {
        if (!cJSON_IsObject(ff)) {
            ERR(ld, "scoring.false_flag", TRF(STR_LOAD_EXPECTED_FALSE_FLAG));
        } else {
            static const char *const keys[] = {"criterion", "points", NULL};
            check_keys(ld, ff, "scoring.false_flag", keys);
            char *c = get_str(ld, ff, "scoring.false_flag", "criterion", 1);
            if (c)
                s->false_flag.criterion = resolve_criterion(ld, "scoring.false_flag", c);
            free(c);
            s->false_flag.points =
                (int)get_num(ld, ff, "scoring.false_flag", "points", 0, -5, -100, 0, 1);
        }
    } else if (s->false_flag.criterion < 0) {
        s->false_flag.points = 0;
    }
    parse_floors(ld, sc);
}

/* The closed vocabularies of "look" (English or Russian, from the string table); other keys
 * are free text. */
static const struct {
    const char *key;
    SimStr values;
} look_values[] = {
    {"glasses", STR_LOOK_VALUES_GLASSES},
    {"build", STR_LOOK_VALUES_BUILD},
    {"hair_style", STR_LOOK_VALUES_HAIR_STYLE},
    {"beard", STR_LOOK_VALUES_BEARD},
};

/* Reads a "look" object (NULL: none) into *out; values of the closed keys are checked. */
static void parse_look(Ld *ld, const cJSON *look, const char *path, KeyValue **out, size_t *count)
{
    if (!look)
        return;
    if (!cJSON_IsObject(look)) {
        ERR(ld, path, TRF(STR_LOAD_EXPECTED_LOOK));
        return;
    }
    size_t n = (size_t)cJSON_GetArraySize(look);
    *out = calloc(n ? n : 1, sizeof **out);
    for (const cJSON *it = look->child; it && *out; it = it->next) {
        char p[PATH_MAX_LEN];
        pkey(p, path, it->string);
        if (!cJSON_IsString(it)) {
            ERR(ld, p, TRF(STR_LOAD_EXPECTED_STRING));
            continue;
        }
        for (size_t k = 0; k < sizeof look_values / sizeof look_values[0]; k++) {
            if (strcmp(it->string, look_values[k].key) != 0)
                continue;
            const char *words = tr(look_values[k].values);
            if (sim_equals_any(it->valuestring, words))
                continue;
            char list[512] = "";
            for (const char *w = words; *w;) {
                size_t wl = strcspn(w, "|"), used = strlen(list);
                snprintf(list + used, sizeof list - used, "%s«%.*s»", used ? ", " : "", (int)wl, w);
                w += wl + (w[wl] == '|');
            }
            ERR(ld, p, TRF(STR_LOAD_LOOK_VALUE), it->valuestring, list);
        }
        (*out)[*count].key = sim_strdup(it->string);
        (*out)[*count].value = sim_strdup(it->valuestring);
        (*count)++;
    }
}

static void parse_applicant(Ld *ld, const cJSON *root)
{
    Applicant *a = &ld->s->applicant;
    const cJSON *ap = get(root, "applicant");
    if (!ap || !cJSON_IsObject(ap)) {
        ERR(ld, ap ? "applicant" : "",
            ap ? TRF(STR_LOAD_EXPECTED_OBJECT) : TRF(STR_LOAD_NO_APPLICANT));
        return;
    }
    static const char *const keys[] = {"name", "age",      "sex",  "persona",
                                       "mood", "patience", "look", NULL};
    check_keys(ld, ap, "applicant", keys);
    a->name = get_str(ld, ap, "applicant", "name", 1);
    a->age = (int)get_num(ld, ap, "applicant", "age", 1, 30, 0, 120, 1);
    char *sex = get_str(ld, ap, "applicant", "sex", 1);
    if (sex && strcmp(sex, "f") != 0 && strcmp(sex, "m") != 0)
        ERR(ld, "applicant.sex", TRF(STR_LOAD_BAD_SEX));
    a->sex = sex && sex[0] == 'm' ? 'm' : 'f';
    free(sex);
    a->persona = get_str(ld, ap, "applicant", "persona", 1);
    a->mood = (int)get_num(ld, ap, "applicant", "mood", 1, 60, 0, 100, 1);
    a->patience = get_num(ld, ap, "applicant", "patience", 1, 15, 0, 240, 0);
    parse_look(ld, get(ap, "look"), "applicant.look", &a->look, &a->look_count);
}

/* "companions": people the texts name as standing beside the applicant. */
static void parse_companions(Ld *ld, const cJSON *root)
{
    Scenario *s = ld->s;
    const cJSON *arr = get(root, "companions");
    if (!arr)
        return;
    if (!cJSON_IsArray(arr)) {
        ERR(ld, "companions", TRF(STR_LOAD_COMPANIONS_ARRAY));
        return;
    }
    size_t n = (size_t)cJSON_GetArraySize(arr);
    if (n > 3) {
        ERR(ld, "companions", TRF(STR_LOAD_COMPANIONS_MAX), n);
        n = 3;
    }
    s->companions = calloc(n ? n : 1, sizeof *s->companions);
    if (!s->companions)
        return;
    static const char *const keys[] = {"name", "age", "sex", "role", "look", NULL};
    for (size_t i = 0; i < n; i++) {
        const cJSON *it = cJSON_GetArrayItem(arr, (int)i);
        char p[PATH_MAX_LEN];
        pidx(p, "companions", i);
        if (!cJSON_IsObject(it)) {
            ERR(ld, p, TRF(STR_LOAD_COMPANION_OBJECT));
            continue;
        }
        check_keys(ld, it, p, keys);
        Companion *c = &s->companions[s->companion_count++];
        c->name = get_str(ld, it, p, "name", 1);
        c->age = (int)get_num(ld, it, p, "age", 1, 30, 0, 120, 1);
        char *sex = get_str(ld, it, p, "sex", 1);
        if (sex && strcmp(sex, "f") != 0 && strcmp(sex, "m") != 0) {
            char ps[PATH_MAX_LEN];
            pkey(ps, p, "sex");
            ERR(ld, ps, TRF(STR_LOAD_BAD_SEX));
        }
        c->sex = sex && sex[0] == 'm' ? 'm' : 'f';
        free(sex);
        c->role = get_str(ld, it, p, "role", 0);
        char pl[PATH_MAX_LEN];
        pkey(pl, p, "look");
        parse_look(ld, get(it, "look"), pl, &c->look, &c->look_count);
    }
}

static char *field_value(Ld *ld, const cJSON *v, const char *p)
{
    if (cJSON_IsString(v))
        return sim_strdup(v->valuestring);
    if (cJSON_IsBool(v))
        return sim_strdup(cJSON_IsTrue(v) ? tr(STR_LOAD_YES) : tr(STR_LOAD_NO));
    if (cJSON_IsNumber(v)) {
        char t[64];
        sim_format_number(v->valuedouble, t, sizeof t);
        return sim_strdup(t);
    }
    ERR(ld, p, TRF(STR_LOAD_BAD_FIELD_VALUE));
    return NULL;
}

static void parse_document(Ld *ld, const cJSON *it, const char *ip, Document *d)
{
    static const char *const keys[] = {"id",     "type",     "title", "fields",
                                       "labels", "problems", "traps", NULL};
    check_keys(ld, it, ip, keys);
    d->id = get_str(ld, it, ip, "id", 1);
    check_id(ld, ip, d->id);
    d->type = get_str(ld, it, ip, "type", 1);
    const DocTypeInfo *ti = d->type ? doctype_find(d->type) : NULL;
    if (d->type && !ti) {
        size_t n;
        const DocTypeInfo *all = doctype_all(&n);
        const char *c[32];
        SimBuf list;
        simbuf_init(&list);
        for (size_t i = 0; i < n && i < 32; i++) {
            c[i] = all[i].type;
            simbuf_printf(&list, "%s%s", i ? ", " : "", all[i].type);
        }
        char hint[256];
        hint_suffix(hint, sizeof hint, suggest(d->type, c, n < 32 ? n : 32));
        char tp[PATH_MAX_LEN];
        pkey(tp, ip, "type");
        ERR(ld, tp, TRF(STR_LOAD_DOCTYPE_UNKNOWN), d->type, hint, simbuf_str(&list));
        simbuf_free(&list);
    }
    d->title = get_str(ld, it, ip, "title", 0);
    if (!d->title)
        d->title = sim_strdup(tr(ti ? ti->title : STR_DOCTYPE_OTHER));

    const cJSON *labels = get(it, "labels");
    char lp[PATH_MAX_LEN];
    pkey(lp, ip, "labels");
    if (labels && !cJSON_IsObject(labels)) {
        ERR(ld, lp, TRF(STR_LOAD_EXPECTED_LABELS));
        labels = NULL;
    }
    const cJSON *fields = get(it, "fields");
    char fp[PATH_MAX_LEN];
    pkey(fp, ip, "fields");
    if (!fields) {
        ERR(ld, ip, TRF(STR_LOAD_NO_FIELDS));
    } else if (!cJSON_IsObject(fields)) {
        ERR(ld, fp, TRF(STR_LOAD_EXPECTED_FIELDS));
    } else {
        size_t n = (size_t)cJSON_GetArraySize(fields);
        d->fields = calloc(n ? n : 1, sizeof *d->fields);
        for (const cJSON *f = fields->child; f && d->fields; f = f->next) {
            char p[PATH_MAX_LEN];
            pkey(p, fp, f->string);
            char *val = field_value(ld, f, p);
            if (!val)
                continue;
            const char *label = NULL;
            const cJSON *lab = labels ? get(labels, f->string) : NULL;
            if (lab && cJSON_IsString(lab))
                label = lab->valuestring;
            for (size_t k = 0; !label && ti && ti->fields[k].key; k++)
                if (strcmp(ti->fields[k].key, f->string) == 0)
                    label = tr(ti->fields[k].label);
            if (!label) {
                const char *c[64];
                size_t nc = 0;
                for (size_t k = 0; ti && ti->fields[k].key && nc < 64; k++)
                    c[nc++] = ti->fields[k].key;
                char hint[256];
                hint_suffix(hint, sizeof hint, suggest(f->string, c, nc));
                ERR(ld, p, TRF(STR_LOAD_FIELD_NOT_STANDARD), f->string, d->type ? d->type : "?",
                    hint);
                free(val);
                continue;
            }
            DocField *df = &d->fields[d->field_count++];
            df->key = sim_strdup(f->string);
            df->label = sim_strdup(label);
            df->value = val;
        }
    }
    if (labels)
        for (const cJSON *l = labels->child; l; l = l->next) {
            char p[PATH_MAX_LEN];
            pkey(p, lp, l->string);
            if (!cJSON_IsString(l))
                ERR(ld, p, TRF(STR_LOAD_LABEL_NOT_STRING));
            else if (document_find_field(d, l->string) < 0)
                WARN(ld, p, TRF(STR_LOAD_LABEL_NO_FIELD), l->string);
        }

    /* Planted problems and traps refer to fields by key. */
    const char *fcands[128];
    size_t nf = 0;
    for (size_t k = 0; k < d->field_count && nf < 128; k++)
        fcands[nf++] = d->fields[k].key;

    const cJSON *probs = get(it, "problems");
    char pp[PATH_MAX_LEN];
    pkey(pp, ip, "problems");
    if (probs && !cJSON_IsArray(probs)) {
        ERR(ld, pp, TRF(STR_LOAD_EXPECTED_PROBLEMS));
    } else if (probs) {
        size_t n = (size_t)cJSON_GetArraySize(probs), i = 0;
        d->problems = calloc(n ? n : 1, sizeof *d->problems);
        for (const cJSON *pr = probs->child; pr && d->problems; pr = pr->next, i++) {
            char p[PATH_MAX_LEN];
            pidx(p, pp, i);
            if (!cJSON_IsObject(pr)) {
                ERR(ld, p, TRF(STR_LOAD_EXPECTED_PROBLEM));
                continue;
            }
            static const char *const pk[] = {"id",    "field",  "reasons",   "title",
                                             "score", "missed", "must_find", NULL};
            check_keys(ld, pr, p, pk);
            DocProblem *dp = &d->problems[d->problem_count];
            dp->id = get_str(ld, pr, p, "id", 1);
            check_id(ld, p, dp->id);
            for (size_t k = 0; dp->id && k < d->problem_count; k++)
                if (strcmp(d->problems[k].id, dp->id) == 0)
                    ERR(ld, p, TRF(STR_LOAD_PROBLEM_DUPLICATE), dp->id);
            char *field = get_str(ld, pr, p, "field", 1);
            dp->field = field ? document_find_field(d, field) : -1;
            if (field && dp->field < 0) {
                char hint[256], fpp[PATH_MAX_LEN];
                hint_suffix(hint, sizeof hint, suggest(field, fcands, nf));
                pkey(fpp, p, "field");
                ERR(ld, fpp, TRF(STR_LOAD_DOC_NO_FIELD_HINT), d->id ? d->id : "?", field, hint);
            }
            for (size_t k = 0; dp->field >= 0 && k < d->problem_count; k++)
                if (d->problems[k].field == dp->field)
                    ERR(ld, p, TRF(STR_LOAD_FIELD_TWO_PROBLEMS), field, d->problems[k].id);
            free(field);
            char **reasons = NULL;
            size_t rn = get_strv(ld, pr, p, "reasons", 1, &reasons);
            for (size_t k = 0; k < rn; k++) {
                int r = reason_parse(reasons[k]);
                if (r < 0) {
                    const char *rc[REASON_COUNT];
                    for (int q = 0; q < REASON_COUNT; q++)
                        rc[q] = reason_id((FlagReason)q);
                    char hint[256], rp[PATH_MAX_LEN], ap[PATH_MAX_LEN];
                    hint_suffix(hint, sizeof hint, suggest(reasons[k], rc, REASON_COUNT));
                    pkey(ap, p, "reasons");
                    pidx(rp, ap, k);
                    ERR(ld, rp, TRF(STR_LOAD_REASON_UNKNOWN), reasons[k], hint);
                } else {
                    dp->reasons |= 1u << r;
                }
                free(reasons[k]);
            }
            free(reasons);
            dp->title = get_str(ld, pr, p, "title", 1);
            dp->must_find = get_bool(ld, pr, p, "must_find", 0);
            dp->score_count = parse_scores(ld, pr, p, &dp->score);
            if (!get(pr, "score"))
                ERR(ld, p, TRF(STR_LOAD_PROBLEM_NO_SCORE));
            dp->missed.criterion = dp->score_count ? dp->score[0].criterion : -1;
            const cJSON *m = get(pr, "missed");
            if (m) {
                char mp[PATH_MAX_LEN];
                pkey(mp, p, "missed");
                parse_score_entry(ld, m, mp, &dp->missed, 0);
            }
            if (dp->id) {
                d->problem_count++;
            } else {
                for (size_t q = 0; q < dp->score_count; q++)
                    free(dp->score[q].feedback);
                free(dp->title), free(dp->missed.feedback), free(dp->score),
                    memset(dp, 0, sizeof *dp);
            }
        }
    }
    const cJSON *traps = get(it, "traps");
    char tp[PATH_MAX_LEN];
    pkey(tp, ip, "traps");
    if (traps && !cJSON_IsArray(traps)) {
        ERR(ld, tp, TRF(STR_LOAD_EXPECTED_TRAPS));
    } else if (traps) {
        size_t n = (size_t)cJSON_GetArraySize(traps), i = 0;
        d->traps = calloc(n ? n : 1, sizeof *d->traps);
        for (const cJSON *tr = traps->child; tr && d->traps; tr = tr->next, i++) {
            char p[PATH_MAX_LEN];
            pidx(p, tp, i);
            if (!cJSON_IsObject(tr)) {
                ERR(ld, p, TRF(STR_LOAD_EXPECTED_TRAP));
                continue;
            }
            static const char *const trk[] = {"field", "score", NULL};
            check_keys(ld, tr, p, trk);
            DocTrap *dt = &d->traps[d->trap_count++];
            char *field = get_str(ld, tr, p, "field", 1);
            dt->field = field ? document_find_field(d, field) : -1;
            if (field && dt->field < 0) {
                char hint[256], fpp[PATH_MAX_LEN];
                hint_suffix(hint, sizeof hint, suggest(field, fcands, nf));
                pkey(fpp, p, "field");
                ERR(ld, fpp, TRF(STR_LOAD_DOC_NO_FIELD_HINT), d->id ? d->id : "?", field, hint);
            }
            for (size_t k = 0; field && k < d->problem_count; k++)
                if (d->problems[k].field == dt->field && dt->field >= 0)
                    ERR(ld, p, TRF(STR_LOAD_PROBLEM_AND_TRAP), field);
            free(field);
            dt->score_count = parse_scores(ld, tr, p, &dt->score);
            if (!dt->score_count)
                ERR(ld, p, TRF(STR_LOAD_TRAP_NO_SCORE));
        }
    }
}

static void parse_documents(Ld *ld, const cJSON *root)
{
    Scenario *s = ld->s;
    const cJSON *docs = get(root, "documents");
    if (!docs) {
        ERR(ld, "", TRF(STR_LOAD_NO_DOCUMENTS));
        return;
    }
    if (!cJSON_IsArray(docs)) {
        ERR(ld, "documents", TRF(STR_LOAD_EXPECTED_DOCUMENTS));
        return;
    }
    size_t n = (size_t)cJSON_GetArraySize(docs), i = 0;
    s->documents = calloc(n ? n : 1, sizeof *s->documents);
    for (const cJSON *it = docs->child; it && s->documents; it = it->next, i++) {
        char ip[PATH_MAX_LEN];
        pidx(ip, "documents", i);
        if (!cJSON_IsObject(it)) {
            ERR(ld, ip, TRF(STR_LOAD_EXPECTED_DOCUMENT));
            continue;
        }
        Document *d = &s->documents[s->document_count++];
        parse_document(ld, it, ip, d);
        if (!d->id)
            d->id = sim_strdup("?");
        for (size_t k = 0; k + 1 < s->document_count; k++)
            if (strcmp(s->documents[k].id, d->id) == 0)
                ERR(ld, ip, TRF(STR_LOAD_DOCUMENT_DUPLICATE), d->id);
    }
}

static const RefService *resolve_refservice(Ld *ld, const char *path, const char *id)
{
    if (!ld->refbook) {
        ERR(ld, path, TRF(STR_LOAD_SERVICE_NO_REFBOOK), id);
        return NULL;
    }
    const RefService *r = refbook_find_service(ld->refbook, id);
    if (r)
        return r;
    char hint[160];
    hint_suffix(hint, sizeof hint,
                SUGGEST_IN(id, ld->refbook->services, ld->refbook->service_count, id));
    ERR(ld, path, TRF(STR_LOAD_SERVICE_UNKNOWN), id, ld->refbook->path, hint);
    return NULL;
}

static void parse_services(Ld *ld, const cJSON *root)
{
    Scenario *s = ld->s;
    const cJSON *svs = get(root, "services");
    if (!svs) {
        ERR(ld, "", TRF(STR_LOAD_NO_SERVICES));
        return;
    }
    if (!cJSON_IsArray(svs) || cJSON_GetArraySize(svs) == 0) {
        ERR(ld, "services", TRF(STR_LOAD_EXPECTED_SERVICES));
        return;
    }
    size_t n = (size_t)cJSON_GetArraySize(svs), i = 0;
    s->services = calloc(n, sizeof *s->services);
    for (const cJSON *it = svs->child; it && s->services; it = it->next, i++) {
        char ip[PATH_MAX_LEN];
        pidx(ip, "services", i);
        if (!cJSON_IsObject(it)) {
            ERR(ld, ip, TRF(STR_LOAD_EXPECTED_SERVICE));
            continue;
        }
        static const char *const keys[] = {"id",   "ref",   "title",    "checklist",
                                           "duty", "score", "critical", NULL};
        check_keys(ld, it, ip, keys);
        Service *sv = &s->services[s->service_count++];
        char *ref = get_str(ld, it, ip, "ref", 0);
        if (ref) {
            char rp[PATH_MAX_LEN];
            pkey(rp, ip, "ref");
            sv->ref = resolve_refservice(ld, rp, ref);
            free(ref);
        }
        sv->id = get_str(ld, it, ip, "id", 1);
        check_id(ld, ip, sv->id);
        if (!sv->id)
            sv->id = sim_strdup("?");
        for (size_t k = 0; k + 1 < s->service_count; k++)
            if (strcmp(s->services[k].id, sv->id) == 0)
                ERR(ld, ip, TRF(STR_LOAD_SERVICE_DUPLICATE), sv->id);
        /* With "ref", the reference book supplies what the scenario does not override, so a
         * new duty or document list is one edit in services.json. */
        const RefService *rs = sv->ref;
        sv->title = get_str(ld, it, ip, "title", !rs);
        sv->checklist_count = get_strv(ld, it, ip, "checklist", !rs, &sv->checklist);
        sv->duty = get_str(ld, it, ip, "duty", 0);
        if (rs && !sv->title)
            sv->title = sim_strdup(rs->title);
        if (rs && !sv->duty)
            sv->duty = sim_strdup(rs->duty);
        if (rs && !get(it, "checklist")) {
            sv->checklist =
                calloc(rs->document_count ? rs->document_count : 1, sizeof *sv->checklist);
            for (size_t k = 0; sv->checklist && k < rs->document_count; k++)
                sv->checklist[sv->checklist_count++] = sim_strdup(rs->documents[k]);
        }
        sv->score_count = parse_scores(ld, it, ip, &sv->score);
        parse_critical(ld, it, ip, &sv->critical);
    }
}

/* ---- first pass: ids ------------------------------------------------------------------- */

static void collect_ids(Ld *ld, const cJSON *steps, const cJSON *endings)
{
    Scenario *s = ld->s;
    size_t nsteps = steps ? (size_t)cJSON_GetArraySize(steps) : 0;
    size_t nend = endings ? (size_t)cJSON_GetArraySize(endings) : 0;
    s->steps = calloc(nsteps ? nsteps : 1, sizeof *s->steps);
    s->endings = calloc(nend ? nend : 1, sizeof *s->endings);
    if (!s->steps || !s->endings)
        return;
    for (const cJSON *it = steps ? steps->child : NULL; it; it = it->next) {
        char p[PATH_MAX_LEN];
        pkey(p, "steps", it->string);
        check_id(ld, p, it->string);
        s->steps[s->step_count++].id = sim_strdup(it->string);
    }
    for (const cJSON *it = endings ? endings->child : NULL; it; it = it->next) {
        char p[PATH_MAX_LEN];
        pkey(p, "endings", it->string);
        check_id(ld, p, it->string);
        if (scenario_find_step(s, it->string) >= 0)
            ERR(ld, p, TRF(STR_LOAD_STEP_AND_ENDING), it->string);
        s->endings[s->ending_count++].id = sim_strdup(it->string);
    }
    /* Action ids, for "took:" conditions and uniqueness. */
    size_t total = 0;
    for (const cJSON *it = steps ? steps->child : NULL; it; it = it->next) {
        const cJSON *acts = cJSON_IsObject(it) ? get(it, "actions") : NULL;
        if (cJSON_IsArray(acts))
            total += (size_t)cJSON_GetArraySize(acts);
    }
    ld->action_ids = calloc(total ? total : 1, sizeof *ld->action_ids);
    for (const cJSON *it = steps ? steps->child : NULL; it && ld->action_ids; it = it->next) {
        const cJSON *acts = cJSON_IsObject(it) ? get(it, "actions") : NULL;
        if (!cJSON_IsArray(acts))
            continue;
        for (const cJSON *a = acts->child; a; a = a->next) {
            const cJSON *id = cJSON_IsObject(a) ? get(a, "id") : NULL;
            if (cJSON_IsString(id))
                ld->action_ids[ld->action_id_count++] = id->valuestring;
        }
    }
}

static int ref_step(Ld *ld, const char *path, const char *id)
{
    int i = scenario_find_step(ld->s, id);
    if (i >= 0)
        return i;
    const char **c = calloc(ld->s->step_count + 1, sizeof *c);
    for (size_t k = 0; c && k < ld->s->step_count; k++)
        c[k] = ld->s->steps[k].id;
    char hint[256];
    hint_suffix(hint, sizeof hint, c ? suggest(id, c, ld->s->step_count) : NULL);
    free(c);
    int e = scenario_find_ending(ld->s, id);
    if (e >= 0)
        ERR(ld, path, TRF(STR_LOAD_ENDING_NOT_STEP), id);
    else
        ERR(ld, path, TRF(STR_LOAD_STEP_UNKNOWN), id, hint);
    return -1;
}

static int ref_ending(Ld *ld, const char *path, const char *id)
{
    int i = scenario_find_ending(ld->s, id);
    if (i >= 0)
        return i;
    const char **c = calloc(ld->s->ending_count + 1, sizeof *c);
    for (size_t k = 0; c && k < ld->s->ending_count; k++)
        c[k] = ld->s->endings[k].id;
    char hint[256];
    hint_suffix(hint, sizeof hint, c ? suggest(id, c, ld->s->ending_count) : NULL);
    free(c);
    if (scenario_find_step(ld->s, id) >= 0)
        ERR(ld, path, TRF(STR_LOAD_STEP_NOT_ENDING), id);
    else
        ERR(ld, path, TRF(STR_LOAD_ENDING_UNKNOWN), id, hint);
    return -1;
}

static void check_condition(Ld *ld, const char *path, const char *name)
{
    Scenario *s = ld->s;
    const char *colon = strchr(name, ':');
    if (!colon) {
        if (!*name)
            ERR(ld, path, TRF(STR_LOAD_COND_EMPTY));
        return; /* a plain flag: checked for being set somewhere in validate.c */
    }
    size_t plen = (size_t)(colon - name);
    const char *arg = colon + 1;
    if (plen == 7 && strncmp(name, "service", 7) == 0) {
        if (scenario_find_service(s, arg) < 0)
            ERR(ld, path, TRF(STR_LOAD_COND_SERVICE_UNKNOWN), arg);
    } else if (plen == 4 && strncmp(name, "took", 4) == 0) {
        const char *sugg = suggest(arg, ld->action_ids, ld->action_id_count);
        int found = 0;
        for (size_t i = 0; i < ld->action_id_count && !found; i++)
            found = strcmp(ld->action_ids[i], arg) == 0;
        if (!found) {
            char hint[256];
            hint_suffix(hint, sizeof hint, sugg);
            ERR(ld, path, TRF(STR_LOAD_COND_ACTION_UNKNOWN), arg, hint);
        }
    } else if (plen == 9 && strncmp(name, "inspected", 9) == 0) {
        if (scenario_find_document(s, arg) < 0)
            ERR(ld, path, TRF(STR_LOAD_COND_DOCUMENT_UNKNOWN), arg);
    } else if (plen == 7 && strncmp(name, "flagged", 7) == 0) {
        const char *dot = strchr(arg, '.');
        char doc[128];
        snprintf(doc, sizeof doc, "%.*s", dot ? (int)(dot - arg) : (int)strlen(arg), arg);
        int d = scenario_find_document(s, doc);
        if (!dot || d < 0)
            ERR(ld, path, TRF(STR_LOAD_COND_FLAGGED_DOCUMENT), doc);
        else if (document_find_field(&s->documents[d], dot + 1) < 0)
            ERR(ld, path, TRF(STR_LOAD_DOC_NO_FIELD), doc, dot + 1);
    } else {
        ERR(ld, path, TRF(STR_LOAD_COND_UNKNOWN_KIND), (int)plen, name);
    }
}

static ActionKind parse_kind(Ld *ld, const char *path, const char *k)
{
    for (int i = 0; i < ACT_KIND_COUNT; i++)
        if (strcmp(k, action_kind_id((ActionKind)i)) == 0)
            return (ActionKind)i;
    const char *c[ACT_KIND_COUNT];
    for (int i = 0; i < ACT_KIND_COUNT; i++)
        c[i] = action_kind_id((ActionKind)i);
    char hint[256];
    hint_suffix(hint, sizeof hint, suggest(k, c, ACT_KIND_COUNT));
    ERR(ld, path, TRF(STR_LOAD_ACTION_KIND_UNKNOWN), k, hint);
    return ACT_OTHER;
}

static void parse_action(Ld *ld, const cJSON *it, const char *ip, Action *a)
{
    static const char *const keys[] = {"id",        "kind",    "text",  "reply",    "ground",
                                       "requires",  "minutes", "mood",  "set",      "clear",
                                       "next",      "end",     "score", "critical", "pin",
                                       "must_fail", NULL};
    check_keys(ld, it, ip, keys);
    a->id = get_str(ld, it, ip, "id", 1);
    check_id(ld, ip, a->id);
    char *kind = get_str(ld, it, ip, "kind", 1);
    char kp[PATH_MAX_LEN];
    pkey(kp, ip, "kind");
    a->kind = kind ? parse_kind(ld, kp, kind) : ACT_OTHER;
    free(kind);
    a->text = get_str(ld, it, ip, "text", 1);
    a->reply = get_str(ld, it, ip, "reply", 0);
    a->ground = get_str(ld, it, ip, "ground", 0);
    if (a->kind == ACT_REFUSE && !a->ground)
        ERR(ld, ip, TRF(STR_LOAD_REFUSE_NO_GROUND));
    char **req = NULL;
    size_t nreq = get_strv(ld, it, ip, "requires", 0, &req);
    a->requires = calloc(nreq ? nreq : 1, sizeof *a->requires);
    char rqp[PATH_MAX_LEN];
    pkey(rqp, ip, "requires");
    for (size_t k = 0; k < nreq; k++) {
        char cp[PATH_MAX_LEN];
        pidx(cp, rqp, k);
        const char *name = req[k];
        int neg = name[0] == '!';
        if (neg)
            name++;
        check_condition(ld, cp, name);
        if (a->requires) {
            a->requires[a->require_count].name = sim_strdup(name);
            a->requires[a->require_count].negate = neg;
            a->require_count++;
        }
        free(req[k]);
    }
    free(req);
    a->minutes = get_num(ld, it, ip, "minutes", 0, 1, 0, 120, 0);
    a->mood = (int)get_num(ld, it, ip, "mood", 0, 0, -100, 100, 1);
    a->set_count = get_strv(ld, it, ip, "set", 0, &a->set);
    a->clear_count = get_strv(ld, it, ip, "clear", 0, &a->clear);
    a->next = -1;
    a->ending = -1;
    char *next = get_str(ld, it, ip, "next", 0);
    char *end = get_str(ld, it, ip, "end", 0);
    char np[PATH_MAX_LEN], ep[PATH_MAX_LEN];
    pkey(np, ip, "next");
    pkey(ep, ip, "end");
    if (next && end)
        ERR(ld, ip, TRF(STR_LOAD_NEXT_AND_END));
    if (next)
        a->next = ref_step(ld, np, next);
    if (end)
        a->ending = ref_ending(ld, ep, end);
    free(next);
    free(end);
    a->score_count = parse_scores(ld, it, ip, &a->score);
    parse_critical(ld, it, ip, &a->critical);
    a->must_fail = get_bool(ld, it, ip, "must_fail", 0);
    char *pin = get_str(ld, it, ip, "pin", 0);
    if (pin) {
        if (strcmp(pin, "first") == 0)
            a->pin = PIN_FIRST;
        else if (strcmp(pin, "last") == 0)
            a->pin = PIN_LAST;
        else {
            char pp[PATH_MAX_LEN];
            pkey(pp, ip, "pin");
            ERR(ld, pp, TRF(STR_LOAD_BAD_PIN), pin);
        }
        free(pin);
    }
}

static void parse_steps(Ld *ld, const cJSON *steps)
{
    Scenario *s = ld->s;
    size_t si = 0;
    for (const cJSON *it = steps->child; it; it = it->next, si++) {
        Step *st = &s->steps[si];
        char sp[PATH_MAX_LEN];
        pkey(sp, "steps", it->string);
        if (!cJSON_IsObject(it)) {
            ERR(ld, sp, TRF(STR_LOAD_EXPECTED_STEP));
            continue;
        }
        static const char *const keys[] = {"say", "does", "gives", "actions", NULL};
        check_keys(ld, it, sp, keys);
        st->say = get_str(ld, it, sp, "say", 0);
        if (!st->say)
            st->say = sim_strdup("");
        st->does = get_str(ld, it, sp, "does", 0);
        char **gives = NULL;
        size_t ng = get_strv(ld, it, sp, "gives", 0, &gives);
        st->gives = calloc(ng ? ng : 1, sizeof *st->gives);
        char gp[PATH_MAX_LEN];
        pkey(gp, sp, "gives");
        for (size_t k = 0; k < ng; k++) {
            int d = scenario_find_document(s, gives[k]);
            if (d < 0) {
                const char **c = calloc(s->document_count + 1, sizeof *c);
                for (size_t q = 0; c && q < s->document_count; q++)
                    c[q] = s->documents[q].id;
                char hint[256], p[PATH_MAX_LEN];
                hint_suffix(hint, sizeof hint, c ? suggest(gives[k], c, s->document_count) : NULL);
                free(c);
                pidx(p, gp, k);
                ERR(ld, p, TRF(STR_LOAD_DOCUMENT_UNKNOWN), gives[k], hint);
            } else if (st->gives) {
                st->gives[st->give_count++] = d;
            }
            free(gives[k]);
        }
        free(gives);
        const cJSON *acts = get(it, "actions");
        char ap[PATH_MAX_LEN];
        pkey(ap, sp, "actions");
        if (!acts) {
            ERR(ld, sp, TRF(STR_LOAD_STEP_NO_ACTIONS));
            continue;
        }
        if (!cJSON_IsArray(acts)) {
            ERR(ld, ap, TRF(STR_LOAD_EXPECTED_ACTIONS));
            continue;
        }
        size_t n = (size_t)cJSON_GetArraySize(acts), i = 0;
        if (n == 0)
            ERR(ld, ap, TRF(STR_LOAD_ACTIONS_EMPTY));
        st->actions = calloc(n ? n : 1, sizeof *st->actions);
        for (const cJSON *a = acts->child; a && st->actions; a = a->next, i++) {
            char ip[PATH_MAX_LEN];
            pidx(ip, ap, i);
            if (!cJSON_IsObject(a)) {
                ERR(ld, ip, TRF(STR_LOAD_EXPECTED_ACTION));
                continue;
            }
            Action *act = &st->actions[st->action_count++];
            parse_action(ld, a, ip, act);
            if (!act->id)
                act->id = sim_strdup("?");
            else {
                int dup = 0;
                for (size_t q = 0; q < ld->action_id_count; q++)
                    dup += strcmp(ld->action_ids[q], act->id) == 0;
                if (dup > 1)
                    ERR(ld, ip, TRF(STR_LOAD_ACTION_ID_REPEATED), act->id, dup);
            }
        }
    }
}

static void parse_endings(Ld *ld, const cJSON *endings)
{
    Scenario *s = ld->s;
    size_t ei = 0;
    for (const cJSON *it = endings->child; it; it = it->next, ei++) {
        Ending *e = &s->endings[ei];
        char ep[PATH_MAX_LEN];
        pkey(ep, "endings", it->string);
        if (!cJSON_IsObject(it)) {
            ERR(ld, ep, TRF(STR_LOAD_EXPECTED_ENDING));
            continue;
        }
        static const char *const keys[] = {"title",    "outcome",   "debrief", "score",
                                           "critical", "must_fail", NULL};
        check_keys(ld, it, ep, keys);
        e->title = get_str(ld, it, ep, "title", 1);
        e->debrief = get_str(ld, it, ep, "debrief", 1);
        char *o = get_str(ld, it, ep, "outcome", 1);
        e->outcome = OUT_OTHER;
        if (o) {
            int found = 0;
            for (int k = 0; k < OUT_COUNT; k++)
                if (strcmp(o, outcome_id((Outcome)k)) == 0) {
                    e->outcome = (Outcome)k;
                    found = 1;
                }
            if (!found) {
                char op[PATH_MAX_LEN];
                pkey(op, ep, "outcome");
                ERR(ld, op, TRF(STR_LOAD_OUTCOME_UNKNOWN), o);
            }
        }
        free(o);
        e->score_count = parse_scores(ld, it, ep, &e->score);
        parse_critical(ld, it, ep, &e->critical);
        e->must_fail = get_bool(ld, it, ep, "must_fail", 0);
    }
}

static void parse_max_override(Ld *ld, const cJSON *root)
{
    const cJSON *sc = get(root, "scoring");
    const cJSON *mx = cJSON_IsObject(sc) ? get(sc, "max") : NULL;
    if (!mx)
        return;
    if (!cJSON_IsObject(mx)) {
        ERR(ld, "scoring.max", TRF(STR_LOAD_EXPECTED_MAX));
        return;
    }
    for (const cJSON *it = mx->child; it; it = it->next) {
        char p[PATH_MAX_LEN];
        pkey(p, "scoring.max", it->string);
        int c = resolve_criterion(ld, p, it->string);
        if (c < 0)
            continue;
        if (!cJSON_IsNumber(it) || it->valuedouble < 0 || it->valuedouble > 1000 ||
            it->valuedouble != floor(it->valuedouble)) {
            ERR(ld, p, TRF(STR_LOAD_MAX_RANGE));
            continue;
        }
        ld->s->crit_max[c] = (int)it->valuedouble;
    }
}

/* ==== entry points ======================================================================== */

static void parse_root(Ld *ld, const cJSON *root, const char *dir)
{
    Scenario *s = ld->s;
    if (!cJSON_IsObject(root)) {
        ERR(ld, "", TRF(STR_LOAD_NOT_OBJECT));
        return;
    }
    static const char *const keys[] = {
        "format",   "id",         "version", "title",     "service",    "service_title",
        "agency",   "difficulty", "minutes", "goals",     "summary",    "right_way",
        "verify",   "office",     "scoring", "applicant", "walkout",    "documents",
        "services", "start",      "steps",   "endings",   "companions", NULL};
    check_keys(ld, root, "", keys);
    const cJSON *fmt = get(root, "format");
    if (!fmt)
        ERR(ld, "", TRF(STR_LOAD_NO_FORMAT));
    else if (!cJSON_IsNumber(fmt) || fmt->valuedouble != SCENARIO_FORMAT)
        ERR(ld, "format", TRF(STR_LOAD_FORMAT_UNSUPPORTED),
            cJSON_IsNumber(fmt) ? tr(STR_LOAD_FORMAT_NEWER) : tr(STR_LOAD_FORMAT_WRONG));
    s->id = get_str(ld, root, "", "id", 1);
    check_id(ld, "id", s->id);
    if (s->id && dir) {
        const char *base = strrchr(dir, '/');
        base = base ? base + 1 : dir;
        size_t bl = strlen(base);
        while (bl > 0 && base[bl - 1] == '/')
            bl--;
        if (bl && (strlen(s->id) != bl || strncmp(s->id, base, bl) != 0))
            ERR(ld, "id", TRF(STR_LOAD_ID_NOT_FOLDER), s->id, (int)bl, base);
    }
    s->version = get_str(ld, root, "", "version", 1);
    s->title = get_str(ld, root, "", "title", 1);
    s->service = get_str(ld, root, "", "service", 1);
    check_id(ld, "service", s->service);
    s->service_title = get_str(ld, root, "", "service_title", 1);
    s->agency = get_str(ld, root, "", "agency", 0);
    s->difficulty = (int)get_num(ld, root, "", "difficulty", 1, 1, 1, 5, 1);
    s->minutes = (int)get_num(ld, root, "", "minutes", 1, 5, 1, 120, 1);
    s->goal_count = get_strv(ld, root, "", "goals", 1, &s->goals);
    s->summary = get_str(ld, root, "", "summary", 0);
    s->right_way = get_str(ld, root, "", "right_way", 1);
    s->verify_count = get_strv(ld, root, "", "verify", 0, &s->verify);
    s->office_window = 1;
    s->office_queue = 3;
    s->office_clock = 10 * 60;
    const cJSON *off = get(root, "office");
    if (off && !cJSON_IsObject(off)) {
        ERR(ld, "office", TRF(STR_LOAD_EXPECTED_OFFICE));
    } else if (off) {
        static const char *const ok[] = {"ticket", "window", "queue", "clock", NULL};
        check_keys(ld, off, "office", ok);
        char *clock = get_str(ld, off, "office", "clock", 0);
        if (clock) {
            int hh = -1, mm = -1;
            int digits = strlen(clock) == 5 && clock[2] == ':';
            for (int i = 0; digits && i < 5; i++)
                digits = i == 2 || (clock[i] >= '0' && clock[i] <= '9');
            if (digits) {
                hh = (clock[0] - '0') * 10 + (clock[1] - '0');
                mm = (clock[3] - '0') * 10 + (clock[4] - '0');
            }
            if (hh >= 0 && hh < 24 && mm >= 0 && mm < 60)
                s->office_clock = hh * 60 + mm;
            else
                ERR(ld, "office.clock", TRF(STR_LOAD_BAD_CLOCK));
            free(clock);
        }
        s->office_ticket = get_str(ld, off, "office", "ticket", 0);
        s->office_window = (int)get_num(ld, off, "office", "window", 0, 1, 1, 99, 1);
        s->office_queue = (int)get_num(ld, off, "office", "queue", 0, 3, 0, 40, 1);
    }
    if (!s->office_ticket)
        s->office_ticket = sim_strdup(tr(STR_LOAD_DEFAULT_TICKET));

    parse_scoring(ld, root);
    parse_applicant(ld, root);
    parse_companions(ld, root);
    parse_documents(ld, root);
    parse_services(ld, root);

    const cJSON *steps = get(root, "steps");
    const cJSON *endings = get(root, "endings");
    if (!steps)
        ERR(ld, "", TRF(STR_LOAD_NO_STEPS));
    else if (!cJSON_IsObject(steps) || !steps->child) {
        ERR(ld, "steps", TRF(STR_LOAD_EXPECTED_STEPS));
        steps = NULL;
    }
    if (!endings)
        ERR(ld, "", TRF(STR_LOAD_NO_ENDINGS));
    else if (!cJSON_IsObject(endings) || !endings->child) {
        ERR(ld, "endings", TRF(STR_LOAD_EXPECTED_ENDINGS));
        endings = NULL;
    }
    collect_ids(ld, steps, endings);
    if (!s->steps || !s->endings)
        return;
    char *start = get_str(ld, root, "", "start", 1);
    s->start = start ? ref_step(ld, "start", start) : -1;
    free(start);
    s->walkout = -1;
    char *walk = get_str(ld, root, "", "walkout", 0);
    if (walk)
        s->walkout = ref_ending(ld, "walkout", walk);
    free(walk);
    if (steps)
        parse_steps(ld, steps);
    if (endings)
        parse_endings(ld, endings);
    if (ld->errors == 0) {
        ValidateCtx vc = {ld->file, ld->diags, ld->pos, 0};
        scenario_validate_graph(s, &vc);
        ld->errors += vc.errors;
        for (size_t c = 0; c < s->criterion_count; c++)
            s->crit_max[c] = -1;
        parse_max_override(ld, root);
        scenario_compute_max(s, &vc);
    }
}

Scenario *scenario_load_mem(const char *dir, const char *file_label, const char *json,
                            size_t json_len, const char *script, size_t script_len,
                            const ScenarioLoadOptions *opt, SimDiags *diags)
{
    Ld ld;
    memset(&ld, 0, sizeof ld);
    ld.file = file_label;
    ld.diags = diags;
    ld.rules = opt ? opt->rules : NULL;
    ld.refbook = opt ? opt->refbook : NULL;
    if (json_len > SCENARIO_MAX_FILE) {
        simdiags_add(diags, SIM_SEV_ERROR, file_label, 1, 1, "", TRF(STR_LOAD_TOO_BIG),
                     SCENARIO_MAX_FILE / (1024 * 1024));
        return NULL;
    }
    if (!jsonscan(json, json_len, file_label, diags, &ld.pos))
        return NULL;
    const char *end = NULL;
    cJSON *root = cJSON_ParseWithLengthOpts(json, json_len, &end, 0);
    if (!root) {
        /* The strict pass accepted it, so this is cJSON's own limit (e.g. memory). */
        simdiags_add(diags, SIM_SEV_ERROR, file_label, 1, 1, "", TRF(STR_LOAD_JSON_NOMEM));
        jsonpos_free(ld.pos);
        return NULL;
    }
    Scenario *s = calloc(1, sizeof *s);
    if (!s) {
        cJSON_Delete(root);
        jsonpos_free(ld.pos);
        return NULL;
    }
    ld.s = s;
    s->dir = sim_strdup(dir ? dir : "");
    s->rules = ld.rules;
    s->start = -1;
    s->walkout = -1;
    s->time_criterion = -1;
    /* The script is attached first: graph checks treat scripted scenarios differently. */
    uint64_t h = sim_hash_fnv1a(SIM_HASH_INIT, json, json_len);
    if (script) {
        s->script = sim_strndup(script, script_len);
        s->script_len = script_len;
        h = sim_hash_fnv1a(h, "\0script\0", 8);
        h = sim_hash_fnv1a(h, script, script_len);
    }
    subst_tree(&ld, root, "", &h, 0);
    parse_root(&ld, root, dir);
    s->hash = h;
    snprintf(s->hash_hex, sizeof s->hash_hex, "%016llx", (unsigned long long)h);
    SimBuf sn;
    simbuf_init(&sn);
    simbuf_printf(&sn, "%s%sscript.lua", dir ? dir : "", dir && *dir ? "/" : "");
    s->script_name = simbuf_take(&sn);
    if (opt && opt->scripts_dir)
        s->scripts_dir = sim_strdup(opt->scripts_dir);
    free(ld.action_ids);
    cJSON_Delete(root);
    jsonpos_free(ld.pos);
    if (ld.errors) {
        scenario_free(s);
        return NULL;
    }
    return s;
}

Scenario *scenario_load(const char *dir, const ScenarioLoadOptions *opt, SimDiags *diags)
{
    char *jpath = sim_path_join(dir, "scenario.json");
    char *spath = sim_path_join(dir, "script.lua");
    char *json = NULL, *script = NULL;
    size_t jlen = 0, slen = 0;
    SimError err;
    Scenario *s = NULL;
    if (!sim_is_dir(dir)) {
        simdiags_add(diags, SIM_SEV_ERROR, dir, 0, 0, "", TRF(STR_LOAD_NO_FOLDER));
        goto done;
    }
    if (sim_read_file(jpath, SCENARIO_MAX_FILE, &json, &jlen, &err) != SIM_OK) {
        simdiags_add(diags, SIM_SEV_ERROR, jpath, 0, 0, "", TRF(STR_LOAD_NO_SCENARIO_JSON),
                     err.msg);
        goto done;
    }
    /* Whatever is there is read (and a FIFO or a folder is reported), never skipped. */
    if (sim_exists(spath) &&
        sim_read_file(spath, SCENARIO_MAX_FILE, &script, &slen, &err) != SIM_OK) {
        simdiags_add(diags, SIM_SEV_ERROR, spath, 0, 0, "", TRF(STR_LOAD_CANT_READ), err.msg);
        goto done;
    }
    s = scenario_load_mem(dir, jpath, json, jlen, script, slen, opt, diags);
done:
    free(json);
    free(script);
    free(jpath);
    free(spath);
    return s;
}
