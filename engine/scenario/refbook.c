/*
 * refbook.c — the reference book («Справочник»): scenarios/data/services.json.
 *
 * Owns: loading and validating the services catalogue (agency, documents, duty, deadline,
 * pitfalls, cited rules) and the named values (amounts, limits) that scenario texts cite as
 * {{…}} references. One file holds every figure that changes with a new act or a new year,
 * so a yearly change is one edit; the loader substitutes the references (load.c).
 */
#include "jsonscan.h"
#include "scenario.h"

#include "../core/i18n.h"

#include <cjson/cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Rb {
    const char *path;
    SimDiags *diags;
    JsonPosMap *pos;
    const RuleCatalog *rules;
    int errors;
} Rb;

static void rb_err(Rb *rb, const char *jpath, const char *fmt, const char *arg)
{
    int line = 0, col = 0;
    jsonpos_lookup(rb->pos, jpath, &line, &col);
    simdiags_add(rb->diags, SIM_SEV_ERROR, rb->path, line, col, jpath, fmt, arg ? arg : "");
    rb->errors++;
}

static void rb_path(char *out, size_t n, const char *parent, const char *key)
{
    SimBuf b;
    simbuf_init(&b);
    simbuf_puts(&b, parent);
    jsonpath_append_key(&b, key);
    snprintf(out, n, "%s", simbuf_str(&b));
    simbuf_free(&b);
}

/* Reports keys outside allowed (NULL-terminated). */
static void rb_keys(Rb *rb, const cJSON *o, const char *path, const char *const *allowed)
{
    for (const cJSON *it = o->child; it; it = it->next) {
        int ok = 0;
        for (size_t i = 0; allowed[i]; i++)
            ok |= strcmp(it->string, allowed[i]) == 0;
        if (!ok) {
            char p[512];
            rb_path(p, sizeof p, path, it->string);
            rb_err(rb, p, tr(STR_REFBOOK_UNKNOWN_FIELD), it->string);
        }
    }
}

static char *rb_str(Rb *rb, const cJSON *o, const char *path, const char *key, int required)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    char p[512];
    rb_path(p, sizeof p, path, key);
    if (!v) {
        if (required)
            rb_err(rb, path, tr(STR_REFBOOK_MISSING_FIELD), key);
        return NULL;
    }
    if (!cJSON_IsString(v) || v->valuestring[0] == '\0') {
        rb_err(rb, p, tr(STR_REFBOOK_FIELD_STRING), key);
        return NULL;
    }
    return sim_strdup(v->valuestring);
}

static size_t rb_strv(Rb *rb, const cJSON *o, const char *path, const char *key, char ***out)
{
    *out = NULL;
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
    char p[512];
    rb_path(p, sizeof p, path, key);
    if (!v)
        return 0;
    if (!cJSON_IsArray(v)) {
        rb_err(rb, p, tr(STR_REFBOOK_FIELD_LIST), key);
        return 0;
    }
    size_t n = (size_t)cJSON_GetArraySize(v), k = 0;
    *out = calloc(n ? n : 1, sizeof **out);
    for (const cJSON *it = v->child; it && *out; it = it->next) {
        if (!cJSON_IsString(it) || it->valuestring[0] == '\0') {
            rb_err(rb, p, tr(STR_REFBOOK_LIST_STRINGS), key);
            continue;
        }
        (*out)[k++] = sim_strdup(it->valuestring);
    }
    return k;
}

static int rb_verify(Rb *rb, const cJSON *o, const char *path)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, "verify");
    if (v && !cJSON_IsBool(v)) {
        char p[512];
        rb_path(p, sizeof p, path, "verify");
        rb_err(rb, p, tr(STR_REFBOOK_VERIFY_BOOL), NULL);
    }
    return cJSON_IsTrue(v);
}

/* "source"/"checked" of a service or a value (check warns about entries with neither). */
static void rb_prov(Rb *rb, const cJSON *o, const char *path, Provenance *out)
{
    char msg[200];
    const char *key = NULL;
    if (provenance_parse(o, out, msg, sizeof msg, &key) != 0) {
        char p[512];
        rb_path(p, sizeof p, path, key);
        rb_err(rb, p, "%s", msg);
    }
    jsonpos_lookup(rb->pos, path, &out->line, &out->col);
}

static void parse_service(Rb *rb, const cJSON *it, const char *ip, RefService *sv)
{
    static const char *const keys[] = {"id",     "title",     "agency",   "duty",  "deadline",
                                       "result", "documents", "pitfalls", "rules", "note",
                                       "verify", "source",    "checked",  NULL};
    rb_keys(rb, it, ip, keys);
    sv->id = rb_str(rb, it, ip, "id", 1);
    sv->title = rb_str(rb, it, ip, "title", 1);
    sv->agency = rb_str(rb, it, ip, "agency", 1);
    sv->duty = rb_str(rb, it, ip, "duty", 1);
    sv->deadline = rb_str(rb, it, ip, "deadline", 1);
    sv->result = rb_str(rb, it, ip, "result", 0);
    sv->note = rb_str(rb, it, ip, "note", 0);
    sv->verify = rb_verify(rb, it, ip);
    rb_prov(rb, it, ip, &sv->prov);
    sv->document_count = rb_strv(rb, it, ip, "documents", &sv->documents);
    if (sv->document_count == 0)
        rb_err(rb, ip, tr(STR_REFBOOK_NO_DOCUMENTS), NULL);
    sv->pitfall_count = rb_strv(rb, it, ip, "pitfalls", &sv->pitfalls);
    char **ids = NULL;
    size_t n = rb_strv(rb, it, ip, "rules", &ids);
    sv->rules = calloc(n ? n : 1, sizeof *sv->rules);
    char rp[512];
    rb_path(rp, sizeof rp, ip, "rules");
    for (size_t k = 0; k < n; k++) {
        const Rule *r = rules_find(rb->rules, ids[k]);
        if (!r)
            rb_err(rb, rp, tr(STR_REFBOOK_NO_RULE), ids[k]);
        else if (sv->rules)
            sv->rules[sv->rule_count++] = r;
        free(ids[k]);
    }
    free(ids);
}

static void parse_values(Rb *rb, const cJSON *vals, RefBook *book)
{
    size_t n = (size_t)cJSON_GetArraySize(vals);
    book->values = calloc(n ? n : 1, sizeof *book->values);
    for (const cJSON *it = vals->child; it && book->values; it = it->next) {
        char ip[512];
        rb_path(ip, sizeof ip, "values", it->string);
        if (!cJSON_IsObject(it)) {
            rb_err(rb, ip, tr(STR_REFBOOK_EXPECTED_VALUE), NULL);
            continue;
        }
        static const char *const keys[] = {"title",  "value",   "note", "verify",
                                           "source", "checked", NULL};
        rb_keys(rb, it, ip, keys);
        RefValue *v = &book->values[book->value_count++];
        v->key = sim_strdup(it->string);
        v->title = rb_str(rb, it, ip, "title", 1);
        v->value = rb_str(rb, it, ip, "value", 1);
        v->note = rb_str(rb, it, ip, "note", 0);
        v->verify = rb_verify(rb, it, ip);
        rb_prov(rb, it, ip, &v->prov);
    }
}

RefBook *refbook_load(const char *path, const RuleCatalog *rules, SimDiags *diags)
{
    char *text = NULL;
    size_t len = 0;
    SimError err;
    if (sim_read_file(path, SCENARIO_MAX_FILE, &text, &len, &err) != SIM_OK) {
        simdiags_add(diags, SIM_SEV_ERROR, path, 0, 0, "", tr(STR_REFBOOK_UNREADABLE), err.msg);
        return NULL;
    }
    Rb rb = {path, diags, NULL, rules, 0};
    if (!jsonscan(text, len, path, diags, &rb.pos)) {
        free(text);
        return NULL;
    }
    cJSON *root = cJSON_ParseWithLength(text, len);
    free(text);
    const cJSON *svs = root ? cJSON_GetObjectItemCaseSensitive(root, "services") : NULL;
    const cJSON *vals = root ? cJSON_GetObjectItemCaseSensitive(root, "values") : NULL;
    RefBook *book = calloc(1, sizeof *book);
    if (!book || !cJSON_IsObject(root) || !cJSON_IsArray(svs) || (vals && !cJSON_IsObject(vals))) {
        simdiags_add(diags, SIM_SEV_ERROR, path, 1, 1, "", "%s", tr(STR_REFBOOK_EXPECTED_ROOT));
        cJSON_Delete(root);
        jsonpos_free(rb.pos);
        free(book);
        return NULL;
    }
    static const char *const top[] = {"format", "values", "services", NULL};
    rb_keys(&rb, root, "", top);
    book->path = sim_strdup(path);
    if (vals)
        parse_values(&rb, vals, book);
    size_t n = (size_t)cJSON_GetArraySize(svs), i = 0;
    book->services = calloc(n ? n : 1, sizeof *book->services);
    for (const cJSON *it = svs->child; it && book->services; it = it->next, i++) {
        char ip[64];
        snprintf(ip, sizeof ip, "services[%zu]", i);
        if (!cJSON_IsObject(it)) {
            rb_err(&rb, ip, tr(STR_REFBOOK_EXPECTED_SERVICE), NULL);
            continue;
        }
        RefService *sv = &book->services[book->service_count++];
        parse_service(&rb, it, ip, sv);
        for (size_t k = 0; sv->id && k + 1 < book->service_count; k++)
            if (book->services[k].id && strcmp(book->services[k].id, sv->id) == 0)
                rb_err(&rb, ip, tr(STR_REFBOOK_SERVICE_DUPLICATE), sv->id);
    }
    cJSON_Delete(root);
    jsonpos_free(rb.pos);
    if (rb.errors) {
        refbook_free(book);
        return NULL;
    }
    return book;
}

static void free_strv(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

void refbook_free(RefBook *rb)
{
    if (!rb)
        return;
    for (size_t i = 0; i < rb->service_count; i++) {
        RefService *s = &rb->services[i];
        free(s->id);
        free(s->title);
        free(s->agency);
        free(s->duty);
        free(s->deadline);
        free(s->result);
        free(s->note);
        free_strv(s->documents, s->document_count);
        free_strv(s->pitfalls, s->pitfall_count);
        free(s->rules);
        provenance_free(&s->prov);
    }
    for (size_t i = 0; i < rb->value_count; i++) {
        free(rb->values[i].key);
        free(rb->values[i].title);
        free(rb->values[i].value);
        free(rb->values[i].note);
        provenance_free(&rb->values[i].prov);
    }
    free(rb->services);
    free(rb->values);
    free(rb->path);
    free(rb);
}

const RefService *refbook_find_service(const RefBook *rb, const char *id)
{
    for (size_t i = 0; rb && id && i < rb->service_count; i++)
        if (rb->services[i].id && strcmp(rb->services[i].id, id) == 0)
            return &rb->services[i];
    return NULL;
}

const RefValue *refbook_find_value(const RefBook *rb, const char *key)
{
    for (size_t i = 0; rb && key && i < rb->value_count; i++)
        if (strcmp(rb->values[i].key, key) == 0)
            return &rb->values[i];
    return NULL;
}
