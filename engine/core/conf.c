/*
 * conf.c — the layered `key = value` configuration file (see conf.h).
 *
 * The keys are few and fixed, so a SimConf is a small array indexed by key; each slot keeps
 * the value and its origin. Validation lives beside the key table so a new key is one line.
 */
#include "conf.h"

#include "i18n.h"

#include <errno.h>
#include <stdio.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

typedef enum ConfCheck { CHECK_TEXT, CHECK_OFFICE, CHECK_INTERVAL, CHECK_PATH } ConfCheck;

static const struct {
    const char *key;
    ConfCheck check;
    int max_len;
} conf_keys[] = {
    {SIMCONF_REGION, CHECK_TEXT, 64},
    {SIMCONF_OFFICE, CHECK_OFFICE, 32},
    {SIMCONF_CENTRAL, CHECK_TEXT, 1024},
    {SIMCONF_DB, CHECK_PATH, 4096},
    {SIMCONF_SYNC_INTERVAL, CHECK_INTERVAL, 4},
    {SIMCONF_PACKS, CHECK_PATH, 4096},
    {SIMCONF_LRS_ENDPOINT, CHECK_TEXT, 1024},
    {SIMCONF_LRS_USER, CHECK_TEXT, 256},
    {SIMCONF_LRS_PASSWORD_FILE, CHECK_PATH, 4096},
    {SIMCONF_LRS_HOME_PAGE, CHECK_TEXT, 1024},
};
#define CONF_KEYS (sizeof conf_keys / sizeof conf_keys[0])

struct SimConf {
    char *value[CONF_KEYS];  /* owned; NULL when unset */
    char *origin[CONF_KEYS]; /* owned */
};

SimConf *simconf_create(void)
{
    return calloc(1, sizeof(SimConf));
}

void simconf_destroy(SimConf *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < CONF_KEYS; i++) {
        free(c->value[i]);
        free(c->origin[i]);
    }
    free(c);
}

static int key_index(const char *key)
{
    for (size_t i = 0; i < CONF_KEYS; i++)
        if (strcmp(conf_keys[i].key, key) == 0)
            return (int)i;
    return -1;
}

/* 1 when value suits key k; else fills msg. */
static int value_ok(size_t k, const char *v, char *msg, size_t msg_size)
{
    size_t len = strlen(v);
    switch (conf_keys[k].check) {
    case CHECK_OFFICE: {
        int ok = len >= 1 && len <= (size_t)conf_keys[k].max_len;
        for (const char *p = v; ok && *p; p++)
            ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
                 *p == '.' || *p == '_' || *p == '-';
        if (!ok)
            snprintf(msg, msg_size, TRF(STR_CONF_BAD_OFFICE), v);
        return ok;
    }
    case CHECK_INTERVAL: {
        char *end = NULL;
        errno = 0;
        long m = strtol(v, &end, 10);
        int ok = len > 0 && errno == 0 && end && *end == '\0' && m >= 1 && m <= 1440;
        if (!ok)
            snprintf(msg, msg_size, TRF(STR_CONF_BAD_INTERVAL), v);
        return ok;
    }
    case CHECK_TEXT:
    case CHECK_PATH:
        break;
    }
    int ok =
        len >= 1 && sim_utf8_valid(v, len) && sim_utf8_len(v, len) <= (size_t)conf_keys[k].max_len;
    for (const unsigned char *p = (const unsigned char *)v; ok && *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            ok = 0;
    if (!ok)
        snprintf(msg, msg_size, TRF(STR_CONF_BAD_TEXT), conf_keys[k].key, conf_keys[k].max_len);
    return ok;
}

static void put(SimConf *c, size_t k, const char *value, const char *origin)
{
    char *v = sim_strndup(value, strlen(value)), *o = sim_strndup(origin, strlen(origin));
    if (!v || !o) { /* out of memory: keep the previous layer's value */
        free(v);
        free(o);
        return;
    }
    free(c->value[k]);
    free(c->origin[k]);
    c->value[k] = v;
    c->origin[k] = o;
}

SimStatus simconf_check(const char *key, const char *value, const char *origin, SimError *err)
{
    int k = key_index(key);
    char msg[512];
    if (k < 0) {
        snprintf(msg, sizeof msg, TRF(STR_CONF_UNKNOWN_KEY), key);
        return sim_error_set(err, SIM_ERR_INVALID, "%s: %s", origin, msg);
    }
    if (!value_ok((size_t)k, value, msg, sizeof msg))
        return sim_error_set(err, SIM_ERR_INVALID, "%s: %s", origin, msg);
    return SIM_OK;
}

SimStatus simconf_set(SimConf *c, const char *key, const char *value, const char *origin,
                      SimError *err)
{
    SimStatus st = simconf_check(key, value, origin, err);
    if (st == SIM_OK)
        put(c, (size_t)key_index(key), value, origin);
    return st;
}

static char *trim(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

SimStatus simconf_load_file(SimConf *c, const char *path, SimDiags *diags, SimError *err)
{
    char *text = NULL;
    size_t len = 0;
    SimError e = {0};
    if (!sim_is_file(path)) {
        if (access(path, F_OK) != 0)
            return SIM_OK; /* no such layer */
        return sim_error_set(err, SIM_ERR_IO, TRF(STR_CONF_UNREADABLE), path,
                             tr(STR_CONF_NOT_A_FILE));
    }
    if (sim_read_file(path, 1u << 20, &text, &len, &e) != SIM_OK)
        return sim_error_set(err, SIM_ERR_IO, TRF(STR_CONF_UNREADABLE), path, e.msg);
    int line = 0;
    /* strtok_r would merge empty lines and lose the count: split by hand. */
    for (char *p = text, *next; p && *p; p = next) {
        line++;
        char *nl = strchr(p, '\n');
        next = nl ? nl + 1 : NULL;
        if (nl)
            *nl = '\0';
        char *s = trim(p);
        if (*s == '\0' || *s == '#' || *s == ';')
            continue;
        if (!sim_utf8_valid(s, strlen(s))) {
            simdiags_add(diags, SIM_SEV_ERROR, path, line, 1, "", "%s", tr(STR_CONF_NOT_UTF8));
            continue;
        }
        char *eq = strchr(s, '=');
        if (!eq) {
            simdiags_add(diags, SIM_SEV_ERROR, path, line, 1, "", "%s", tr(STR_CONF_SYNTAX));
            continue;
        }
        *eq = '\0';
        char *key = trim(s), *val = trim(eq + 1);
        size_t vl = strlen(val);
        if (vl >= 2 && val[0] == '"' && val[vl - 1] == '"') {
            val[vl - 1] = '\0';
            val++;
        }
        if (*key == '\0') {
            simdiags_add(diags, SIM_SEV_ERROR, path, line, 1, "", "%s", tr(STR_CONF_SYNTAX));
            continue;
        }
        char origin[4200];
        snprintf(origin, sizeof origin, "%s:%d", path, line);
        int k = key_index(key);
        char msg[512];
        if (k < 0) {
            snprintf(msg, sizeof msg, TRF(STR_CONF_UNKNOWN_KEY), key);
            simdiags_add(diags, SIM_SEV_ERROR, path, line, 1, key, "%s", msg);
        } else if (!value_ok((size_t)k, val, msg, sizeof msg)) {
            simdiags_add(diags, SIM_SEV_ERROR, path, line, (int)(val - p) + 1, key, "%s", msg);
        } else {
            put(c, (size_t)k, val, origin);
        }
    }
    free(text);
    return SIM_OK;
}

const char *simconf_get(const SimConf *c, const char *key)
{
    int k = c ? key_index(key) : -1;
    return k < 0 ? NULL : c->value[k];
}

const char *simconf_origin(const SimConf *c, const char *key)
{
    int k = c ? key_index(key) : -1;
    return k < 0 ? NULL : c->origin[k];
}

const char *simconf_system_path(void)
{
    const char *e = getenv("MFC_SYSTEM_CONFIG");
    return e && *e ? e : "/etc/mfc-trainer/mfc-trainer.conf";
}

char *simconf_user_path(void)
{
    const char *x = getenv("XDG_CONFIG_HOME");
    SimBuf b;
    simbuf_init(&b);
    if (x && *x == '/') {
        simbuf_printf(&b, "%s/mfc-trainer/mfc-trainer.conf", x);
    } else {
        const char *h = getenv("HOME");
        if (!h || !*h) {
            simbuf_free(&b);
            return NULL;
        }
        simbuf_printf(&b, "%s/.config/mfc-trainer/mfc-trainer.conf", h);
    }
    return simbuf_take(&b);
}

char *simconf_mask_password(const char *ci)
{
    SimBuf b;
    simbuf_init(&b);
    if (!ci)
        return simbuf_take(&b);
    const char *scheme = strstr(ci, "://");
    if (scheme && (strncmp(ci, "postgres", 8) == 0)) {
        /* postgresql://user:password@host/... */
        const char *auth = scheme + 3, *at = strchr(auth, '@'), *slash = strchr(auth, '/');
        const char *colon = strchr(auth, ':');
        if (at && (!slash || at < slash) && colon && colon < at) {
            simbuf_append(&b, ci, (size_t)(colon + 1 - ci));
            simbuf_puts(&b, "***");
            ci = at;
        }
    }
    /* key=value form (also query parameters): password=... */
    for (const char *p = ci; *p;) {
        const char *pw = strstr(p, "password=");
        if (!pw) {
            simbuf_puts(&b, p);
            break;
        }
        simbuf_append(&b, p, (size_t)(pw - p) + 9);
        simbuf_puts(&b, "***");
        p = pw + 9;
        if (*p == '\'') {
            p++;
            while (*p && *p != '\'')
                p += (*p == '\\' && p[1]) ? 2 : 1;
            if (*p)
                p++;
        } else {
            while (*p && *p != ' ' && *p != '&')
                p++;
        }
    }
    return simbuf_take(&b);
}
