/*
 * export.c — xAPI 1.0.3 statements from the results database (see export.h).
 *
 * One attempt gives, in this order (the cmi5 session order; with the cmi5 option also cmi5's
 * categories, sessionid and masteryscore):
 *   initialized                       timestamp = attempts.started_at
 *   answered  × each recorded action  timestamp = actions.at; result.response = the action id,
 *                                     the ledger entries it caused (actions.points_json, read
 *                                     with SQLite's json_each) as extensions
 *   completed        (finished only)  timestamp = attempts.ended_at
 *   passed | failed  (finished only)  score {scaled = total/100, raw, min 0, max 100}, success,
 *                                     per-criterion scores and mistakes as extensions
 *   terminated       (ended only)     whole-session duration
 * Durations are simulated time at the window (attempts.sim_minutes, actions.sim_minutes): the
 * time the scenario scores against its norm, the same on every replay. Real seconds, when
 * recorded, go into an extension of `terminated`.
 * Every statement id is a name-based UUID (version 8, BLAKE2b) of the attempt id and the
 * statement's verb (and the
 * action's seq for `answered`; the action count and end time for `terminated`), so exporting
 * the same attempt again gives the same ids, and a statement once exported never changes
 * under its id: actions are only appended, finished attempts are final, and an unfinished
 * attempt continued in the window gets a new `terminated` when it is closed again.
 * The actor is a person of the region: account.name "OFFICE/NUMBER" when the trainee has an
 * office, so two offices' «1001» are two learners. A `failed` statement never carries a score
 * at or above the pass mark (cmi5 §9.3.5): a total that reached the mark but failed on a
 * critical error or a criterion's floor goes into the `total` extension instead.
 */
#include "export.h"
#include "store_internal.h"

#include "../core/i18n.h"
#include "../core/jsonw.h"
#include "../crypto/crypto.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ADL_VERB        "http://adlnet.gov/expapi/verbs/"
#define ACT_SIMULATION  "http://adlnet.gov/expapi/activities/simulation"
#define ACT_INTERACTION "http://adlnet.gov/expapi/activities/cmi.interaction"
#define CMI5_CATEGORY   "https://w3id.org/xapi/cmi5/context/categories/cmi5"
#define CMI5_MOVEON     "https://w3id.org/xapi/cmi5/context/categories/moveon"
#define CMI5_SESSIONID  "https://w3id.org/xapi/cmi5/context/extensions/sessionid"
#define CMI5_MASTERY    "https://w3id.org/xapi/cmi5/context/extensions/masteryscore"

const unsigned char store_xapi_id_namespace[16] = {0xe2, 0x39, 0x7a, 0xec, 0x5c, 0x05, 0x5e, 0xfc,
                                                   0x83, 0xed, 0x99, 0xb3, 0x17, 0xaf, 0xd1, 0x0b};

/* ==== name-based UUIDs ==================================================================== */

void store_export_uuid_name(const unsigned char ns[16], const char *name, size_t len, char out[37])
{
    /* RFC 9562 §5.8, version 8 ("custom"): the first 16 bytes of BLAKE2b-256 (libsodium,
     * through the crypto module) over the namespace's bytes and the name — the same idea as
     * version 5, with a hash the project does not have to write itself. */
    unsigned char *buf = malloc(16 + len);
    unsigned char d[SEC_HASH_BYTES];
    if (buf) {
        memcpy(buf, ns, 16);
        memcpy(buf + 16, name, len);
        sec_hash(d, buf, 16 + len);
        free(buf);
    } else {
        memset(d, 0, sizeof d);
    }
    d[6] = (unsigned char)((d[6] & 0x0F) | 0x80);
    d[8] = (unsigned char)((d[8] & 0x3F) | 0x80);
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", d[0],
             d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], d[10], d[11], d[12], d[13],
             d[14], d[15]);
}

/* ==== argument checks ===================================================================== */

static int digits(const char *s, int n)
{
    for (int i = 0; i < n; i++)
        if (s[i] < '0' || s[i] > '9')
            return 0;
    return 1;
}

int store_export_since_ok(const char *s)
{
    if (!s)
        return 0;
    size_t n = strlen(s);
    if ((n != 10 && n != 20) || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) || s[7] != '-' ||
        !digits(s + 8, 2))
        return 0;
    int y = atoi(s), m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
    static const int mdays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (y < 1970 || m < 1 || m > 12 || d < 1)
        return 0;
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (d > mdays[m - 1] + (m == 2 && leap))
        return 0;
    if (n == 10)
        return 1;
    /* YYYY-MM-DDTHH:MM:SSZ */
    if (s[10] != 'T' || !digits(s + 11, 2) || s[13] != ':' || !digits(s + 14, 2) || s[16] != ':' ||
        !digits(s + 17, 2) || s[19] != 'Z')
        return 0;
    int hh = atoi(s + 11), mm = atoi(s + 14), ss = atoi(s + 17);
    return hh < 24 && mm < 60 && ss < 60;
}

int store_export_home_page_ok(const char *s)
{
    if (!s)
        return 0;
    const char *host;
    if (strncmp(s, "https://", 8) == 0)
        host = s + 8;
    else if (strncmp(s, "http://", 7) == 0)
        host = s + 7;
    else
        return 0;
    if (!*host || *host == '/')
        return 0;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p <= 0x20 || *p == 0x7F || strchr("\"<>\\^`{|}?#", *p))
            return 0;
    return 1;
}

/* ==== output ============================================================================== */

typedef struct Exporter {
    Store *st;
    SimBuf out; /* the text not yet handed to the sink */
    SimJsonW w;
    StoreExportSink sink;
    void *ctx;
    char *home; /* without trailing slashes */
    SimBuf tmp;
    sqlite3_stmt *acts, *entries, *delta, *crit, *mist;
    int sink_failed;
    size_t statements;
    const StoreXapiOptions *o;
    StoreXapiEach each; /* per-statement mode (store_xapi_each) when not NULL */
    void *each_ctx;
    char cur_id[37]; /* the id of the statement being written */
} Exporter;

/* One attempt row, borrowed from the attempts query until its next step. */
typedef struct Attempt {
    const char *id, *scenario, *version, *hash, *seed, *mode, *started, *ended, *outcome;
    const char *title, *personnel, *ending;
    const char *chain, *pack, *pack_state; /* schema 4: the result's MAC and the pack played */
    const char *mistakes_json;  /* the result's "mistakes" when they carry words, else NULL */
    const char *trainee_office; /* "" or NULL when the trainee has none */
    const char *office;         /* the trainee's office, else the PC's or the centre's record */
    const char *installation;   /* NULL when unknown */
    double sim_minutes, real_seconds, pass_mark;
    int has_real, has_pass_mark, finished, total, passed;
    char *iri; /* <home>/scenarios/<id>, owned */
} Attempt;

static void flush(Exporter *e)
{
    if (e->out.len && !e->sink_failed && !e->out.oom && !e->sink(e->ctx, e->out.data, e->out.len))
        e->sink_failed = 1;
    if (e->out.data) {
        e->out.len = 0;
        e->out.data[0] = '\0';
    }
}

int store_export_sink_buf(void *ctx, const char *data, size_t len)
{
    SimBuf *b = ctx;
    simbuf_append(b, data, len);
    return !b->oom;
}

/* Appends s as one IRI path segment: unreserved and sub-delimiter characters stay, everything
 * else (also '/', non-ASCII) is percent-encoded byte by byte. */
static void iri_segment(SimBuf *b, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
            strchr("-._~:@!$&'()*+,;=", *p))
            simbuf_append(b, (const char *)p, 1);
        else
            simbuf_printf(b, "%%%02X", *p);
    }
}

/* "PT1H2M3.5S"; seconds rounded to hundredths, negative as zero. */
static void iso_duration(double seconds, char *out, size_t n)
{
    long long cs = seconds > 0 && isfinite(seconds) ? llround(seconds * 100.0) : 0;
    long long h = cs / 360000, m = cs / 6000 % 60, s = cs / 100 % 60, frac = cs % 100;
    int len = snprintf(out, n, "PT");
    if (h)
        len += snprintf(out + len, n - (size_t)len, "%lldH", h);
    if (m)
        len += snprintf(out + len, n - (size_t)len, "%lldM", m);
    if (frac)
        snprintf(out + len, n - (size_t)len, frac % 10 ? "%lld.%02lldS" : "%lld.%01lldS", s,
                 frac % 10 ? frac : frac / 10);
    else if (s || (!h && !m))
        snprintf(out + len, n - (size_t)len, "%lldS", s);
}

static void key_str(SimJsonW *w, const char *key, const char *value)
{
    simjsonw_key(w, key);
    simjsonw_string(w, value);
}

/* Empties the scratch buffer for the next IRI. */
static void tmp_reset(Exporter *e)
{
    e->tmp.len = 0;
    if (e->tmp.data)
        e->tmp.data[0] = '\0';
}

/* The key <home>/xapi/ext/<name>. */
static void ext_key(Exporter *e, const char *name)
{
    tmp_reset(e);
    simbuf_printf(&e->tmp, "%s/xapi/ext/%s", e->home, name);
    simjsonw_key(&e->w, simbuf_str(&e->tmp));
}

/* The verbs' Russian display names (the string table holds them). */
static const struct {
    const char *verb;
    SimStr ru;
} verb_ru[] = {
    {"initialized", STR_XAPI_INITIALIZED}, {"answered", STR_XAPI_ANSWERED},
    {"completed", STR_XAPI_COMPLETED},     {"passed", STR_XAPI_PASSED},
    {"failed", STR_XAPI_FAILED},           {"terminated", STR_XAPI_TERMINATED},
};

/* Opens a statement: id, actor, verb. The id is the name-based UUID of "<attempt>/<verb>" or, with
 * a suffix, "<attempt>/<verb>/<suffix>". */
static void stmt_begin(Exporter *e, const Attempt *a, const char *verb, const char *suffix)
{
    char name[200], id[37];
    int n = suffix ? snprintf(name, sizeof name, "%s/%s/%s", a->id, verb, suffix)
                   : snprintf(name, sizeof name, "%s/%s", a->id, verb);
    size_t len = n < 0 ? 0 : (size_t)n < sizeof name ? (size_t)n : sizeof name - 1;
    store_export_uuid_name(store_xapi_id_namespace, name, len, id);
    memcpy(e->cur_id, id, sizeof id);
    SimJsonW *w = &e->w;
    if (e->each)
        simjsonw_init(w, &e->out, 0); /* each statement is a document of its own */
    simjsonw_object(w);
    key_str(w, "id", id);
    simjsonw_key(w, "actor");
    simjsonw_object(w);
    key_str(w, "objectType", "Agent");
    simjsonw_key(w, "account");
    simjsonw_object(w);
    key_str(w, "homePage", e->home);
    /* A person of the region is an office and a personnel number (the roster of issue #12);
     * a PC with no office keeps the bare number. */
    tmp_reset(e);
    if (!a->personnel || !*a->personnel)
        simbuf_puts(&e->tmp, STORE_XAPI_ANONYMOUS);
    else if (a->trainee_office && *a->trainee_office)
        simbuf_printf(&e->tmp, "%s/%s", a->trainee_office, a->personnel);
    else
        simbuf_puts(&e->tmp, a->personnel);
    key_str(w, "name", simbuf_str(&e->tmp));
    simjsonw_object_end(w);
    simjsonw_object_end(w);
    simjsonw_key(w, "verb");
    simjsonw_object(w);
    tmp_reset(e);
    simbuf_printf(&e->tmp, ADL_VERB "%s", verb);
    key_str(w, "id", simbuf_str(&e->tmp));
    simjsonw_key(w, "display");
    simjsonw_object(w);
    for (size_t i = 0; i < sizeof verb_ru / sizeof verb_ru[0]; i++)
        if (strcmp(verb_ru[i].verb, verb) == 0)
            key_str(w, "ru-RU", tr(verb_ru[i].ru));
    key_str(w, "en-US", verb);
    simjsonw_object_end(w);
    simjsonw_object_end(w);
}

static void object_scenario(Exporter *e, const Attempt *a)
{
    SimJsonW *w = &e->w;
    simjsonw_key(w, "object");
    simjsonw_object(w);
    key_str(w, "objectType", "Activity");
    key_str(w, "id", a->iri);
    simjsonw_key(w, "definition");
    simjsonw_object(w);
    key_str(w, "type", ACT_SIMULATION);
    simjsonw_key(w, "name");
    simjsonw_object(w);
    key_str(w, "ru-RU", a->title);
    simjsonw_object_end(w);
    simjsonw_object_end(w);
    simjsonw_object_end(w);
}

static void object_action(Exporter *e, const Attempt *a, const char *action)
{
    SimJsonW *w = &e->w;
    simjsonw_key(w, "object");
    simjsonw_object(w);
    key_str(w, "objectType", "Activity");
    tmp_reset(e);
    simbuf_printf(&e->tmp, "%s/actions/", a->iri);
    iri_segment(&e->tmp, action);
    key_str(w, "id", simbuf_str(&e->tmp));
    simjsonw_key(w, "definition");
    simjsonw_object(w);
    key_str(w, "type", ACT_INTERACTION);
    /* The answer in words, as the trainee saw it, so an LMS shows more than the IRI. */
    const char *words =
        e->o->action_name ? e->o->action_name(e->o->name_ud, a->scenario, a->hash, action) : NULL;
    simjsonw_key(w, "name");
    simjsonw_object(w);
    key_str(w, "ru-RU", words && *words ? words : action);
    simjsonw_object_end(w);
    key_str(w, "interactionType", "other");
    simjsonw_object_end(w);
    simjsonw_object_end(w);
}

enum {
    CTX_PARENT = 1,  /* the scenario as the parent activity (answered) */
    CTX_MASTERY = 2, /* the pass mark (passed, failed) */
    CTX_CMI5 = 4,    /* a cmi5-defined statement: the cmi5 category when the option is on */
    CTX_MOVEON = 8   /* one the LMS may use for moveOn: the moveon category, too */
};

/* An Activity object {objectType, id} in an array. */
static void activity_ref(SimJsonW *w, const char *id)
{
    simjsonw_object(w);
    key_str(w, "objectType", "Activity");
    key_str(w, "id", id);
    simjsonw_object_end(w);
}

static void emit(Exporter *e, const Attempt *a)
{
    if (!e->each) {
        flush(e);
        return;
    }
    if (e->out.oom || e->sink_failed)
        return;
    StoreXapiStatement st = {.id = e->cur_id,
                             .attempt = a->id,
                             .json = e->out.data,
                             .len = e->out.len};
    if (!e->each(e->each_ctx, &st))
        e->sink_failed = 1;
    e->out.len = 0;
    if (e->out.data)
        e->out.data[0] = '\0';
}

/* Closes a statement: context (with the scenario as parent, with the pass mark) and
 * timestamp; hands the text to the sink. Everything in the context of initialized and
 * answered is known when the attempt starts, so those statements never change later. */
static void stmt_end(Exporter *e, const Attempt *a, int flags, const char *timestamp)
{
    SimJsonW *w = &e->w;
    simjsonw_key(w, "context");
    simjsonw_object(w);
    key_str(w, "registration", a->id);
    int cmi5 = e->o->cmi5 && (flags & CTX_CMI5);
    if ((flags & CTX_PARENT) || cmi5) {
        simjsonw_key(w, "contextActivities");
        simjsonw_object(w);
        if (flags & CTX_PARENT) {
            simjsonw_key(w, "parent");
            simjsonw_array(w);
            activity_ref(w, a->iri);
            simjsonw_array_end(w);
        }
        if (cmi5) {
            simjsonw_key(w, "category");
            simjsonw_array(w);
            activity_ref(w, CMI5_CATEGORY);
            if (flags & CTX_MOVEON)
                activity_ref(w, CMI5_MOVEON);
            simjsonw_array_end(w);
        }
        simjsonw_object_end(w);
    }
    tmp_reset(e);
    simbuf_printf(&e->tmp, "%s+fnv1a:%s", a->version, a->hash);
    key_str(w, "revision", simbuf_str(&e->tmp));
    key_str(w, "platform", "mfc-trainer");
    key_str(w, "language", "ru-RU");
    simjsonw_key(w, "extensions");
    simjsonw_object(w);
    ext_key(e, "seed");
    simjsonw_string(w, a->seed);
    ext_key(e, "mode");
    simjsonw_string(w, a->mode);
    if ((flags & CTX_MASTERY) && a->has_pass_mark) {
        ext_key(e, "mastery");
        simjsonw_number(w, a->pass_mark / 100.0);
        if (e->o->cmi5) {
            simjsonw_key(w, CMI5_MASTERY);
            simjsonw_number(w, a->pass_mark / 100.0);
        }
    }
    /* Where the attempt was made: the office and the installation (PC) of the region. */
    if (a->office && *a->office) {
        ext_key(e, "office");
        simjsonw_string(w, a->office);
    }
    if (a->installation && *a->installation) {
        ext_key(e, "installation");
        simjsonw_string(w, a->installation);
    }
    /* cmi5 §9.6.3.1: every statement of a session carries its id. The trainer has no LMS
     * launch, so one attempt is one session and the attempt's id serves as both. */
    if (e->o->cmi5) {
        simjsonw_key(w, CMI5_SESSIONID);
        simjsonw_string(w, a->id);
    }
    simjsonw_object_end(w);
    simjsonw_object_end(w);
    key_str(w, "timestamp", timestamp);
    simjsonw_object_end(w);
    e->statements++;
    emit(e, a);
}

/* Binds the text of column col of s (or NULL) to parameter i of d. */
static void bind_col(sqlite3_stmt *d, int i, sqlite3_stmt *s, int col)
{
    const unsigned char *t = sqlite3_column_text(s, col);
    if (t)
        sqlite3_bind_text(d, i, (const char *)t, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(d, i);
}

static const char *col_text(sqlite3_stmt *s, int col)
{
    return (const char *)sqlite3_column_text(s, col);
}

/* Writes the value of column col: an integer, a number, text or null. */
static void write_col(SimJsonW *w, sqlite3_stmt *s, int col)
{
    switch (sqlite3_column_type(s, col)) {
    case SQLITE_INTEGER:
        simjsonw_int(w, sqlite3_column_int64(s, col));
        break;
    case SQLITE_FLOAT:
        simjsonw_number(w, sqlite3_column_double(s, col));
        break;
    case SQLITE_NULL:
        simjsonw_null(w);
        break;
    default:
        simjsonw_string(w, col_text(s, col));
        break;
    }
}

/* The ledger entries one action caused, as an array of objects. */
static int write_entries(Exporter *e, sqlite3_stmt *acts)
{
    static const char *const keys[] = {"action",  "kind", "criterion", "points",
                                       "rule_id", "rule", "feedback"};
    SimJsonW *w = &e->w;
    sqlite3_reset(e->entries);
    bind_col(e->entries, 1, acts, 4);
    simjsonw_array(w);
    int rc;
    while ((rc = sqlite3_step(e->entries)) == SQLITE_ROW) {
        simjsonw_object(w);
        for (int k = 0; k < 7; k++) {
            simjsonw_key(w, keys[k]);
            write_col(w, e->entries, k);
        }
        simjsonw_object_end(w);
    }
    simjsonw_array_end(w);
    return rc == SQLITE_DONE;
}

/* {criterion: sum of points} over the entries of one action that name a criterion. */
static int write_delta(Exporter *e, sqlite3_stmt *acts)
{
    SimJsonW *w = &e->w;
    sqlite3_reset(e->delta);
    bind_col(e->delta, 1, acts, 4);
    simjsonw_object(w);
    int rc;
    while ((rc = sqlite3_step(e->delta)) == SQLITE_ROW) {
        simjsonw_key(w, col_text(e->delta, 0));
        simjsonw_int(w, sqlite3_column_int64(e->delta, 1));
    }
    simjsonw_object_end(w);
    return rc == SQLITE_DONE;
}

static int write_answers(Exporter *e, const Attempt *a, int *count)
{
    SimJsonW *w = &e->w;
    sqlite3_reset(e->acts);
    sqlite3_bind_text(e->acts, 1, a->id, -1, SQLITE_TRANSIENT);
    double prev = 0;
    int rc = SQLITE_DONE, ok = 1;
    while (ok && (rc = sqlite3_step(e->acts)) == SQLITE_ROW) {
        const char *action = col_text(e->acts, 1), *at = col_text(e->acts, 2);
        double minutes = sqlite3_column_double(e->acts, 3);
        int bad = sqlite3_column_int(e->acts, 5), good = sqlite3_column_int(e->acts, 6);
        char seq[24];
        snprintf(seq, sizeof seq, "%d", sqlite3_column_int(e->acts, 0));
        stmt_begin(e, a, "answered", seq);
        (*count)++;
        object_action(e, a, action ? action : "");
        simjsonw_key(w, "result");
        simjsonw_object(w);
        key_str(w, "response", action ? action : "");
        /* Right when it earned points and lost none; wrong on a penalty or a critical error;
         * neither (no success) when the action changed no score, e.g. opening a document. */
        if (bad || good) {
            simjsonw_key(w, "success");
            simjsonw_bool(w, !bad);
        }
        char dur[48];
        iso_duration((minutes - prev) * 60.0, dur, sizeof dur);
        prev = minutes;
        key_str(w, "duration", dur);
        simjsonw_key(w, "extensions");
        simjsonw_object(w);
        ext_key(e, "points");
        ok = write_entries(e, e->acts);
        ext_key(e, "criteria-delta");
        ok = ok && write_delta(e, e->acts);
        ext_key(e, "sim-minutes");
        simjsonw_number(w, minutes);
        simjsonw_object_end(w);
        simjsonw_object_end(w);
        stmt_end(e, a, CTX_PARENT, at ? at : a->started);
        if (e->sink_failed)
            return 0;
    }
    return ok && rc == SQLITE_DONE;
}

static int write_criteria(Exporter *e, const Attempt *a)
{
    SimJsonW *w = &e->w;
    sqlite3_reset(e->crit);
    sqlite3_bind_text(e->crit, 1, a->id, -1, SQLITE_TRANSIENT);
    simjsonw_object(w);
    int rc;
    while ((rc = sqlite3_step(e->crit)) == SQLITE_ROW) {
        int score = sqlite3_column_int(e->crit, 3), max = sqlite3_column_int(e->crit, 4);
        simjsonw_key(w, col_text(e->crit, 0));
        simjsonw_object(w);
        key_str(w, "title", col_text(e->crit, 1));
        simjsonw_key(w, "weight");
        simjsonw_int(w, sqlite3_column_int(e->crit, 2));
        simjsonw_key(w, "score");
        simjsonw_int(w, score);
        simjsonw_key(w, "max");
        simjsonw_int(w, max);
        simjsonw_key(w, "scaled");
        if (max > 0)
            simjsonw_number(w, score <= 0 ? 0.0 : score >= max ? 1.0 : (double)score / max);
        else
            simjsonw_null(w);
        simjsonw_object_end(w);
    }
    simjsonw_object_end(w);
    return rc == SQLITE_DONE;
}

static int write_mistakes(Exporter *e, const Attempt *a)
{
    static const char *const keys[] = {"action",  "kind", "criterion", "points",
                                       "rule_id", "rule", "feedback",  "text"};
    SimJsonW *w = &e->w;
    sqlite3_reset(e->mist);
    sqlite3_bind_text(e->mist, 1, a->id, -1, SQLITE_TRANSIENT);
    if (a->mistakes_json)
        sqlite3_bind_text(e->mist, 2, a->mistakes_json, -1, SQLITE_TRANSIENT);
    else
        sqlite3_bind_null(e->mist, 2);
    simjsonw_array(w);
    int rc;
    while ((rc = sqlite3_step(e->mist)) == SQLITE_ROW) {
        simjsonw_object(w);
        for (int k = 0; k < 8; k++) {
            simjsonw_key(w, keys[k]);
            write_col(w, e->mist, k);
        }
        simjsonw_object_end(w);
    }
    simjsonw_array_end(w);
    return rc == SQLITE_DONE;
}

static int write_attempt(Exporter *e, const Attempt *a)
{
    SimJsonW *w = &e->w;
    char dur[48];
    iso_duration(a->sim_minutes * 60.0, dur, sizeof dur);

    stmt_begin(e, a, "initialized", NULL);
    object_scenario(e, a);
    stmt_end(e, a, CTX_CMI5, a->started);

    int actions = 0;
    if (!write_answers(e, a, &actions))
        return 0;

    if (a->finished && a->ended) {
        stmt_begin(e, a, "completed", NULL);
        object_scenario(e, a);
        simjsonw_key(w, "result");
        simjsonw_object(w);
        simjsonw_key(w, "completion");
        simjsonw_bool(w, 1);
        key_str(w, "duration", dur);
        simjsonw_object_end(w);
        stmt_end(e, a, CTX_CMI5 | CTX_MOVEON, a->ended);

        int raw = a->total < 0 ? 0 : a->total > 100 ? 100 : a->total;
        stmt_begin(e, a, a->passed ? "passed" : "failed", NULL);
        object_scenario(e, a);
        simjsonw_key(w, "result");
        simjsonw_object(w);
        /* cmi5 §9.3.5: a failed statement's scaled score must be below the mastery score. A
         * total at or above the pass mark fails only on a critical error or a criterion's
         * floor; then the score is left out (never lowered to fit) and the total goes into
         * the `total` extension beside the mistakes that failed it. */
        int score_ok = a->passed || !a->has_pass_mark || raw / 100.0 < a->pass_mark / 100.0;
        if (score_ok) {
            simjsonw_key(w, "score");
            simjsonw_object(w);
            simjsonw_key(w, "scaled");
            simjsonw_number(w, raw / 100.0);
            simjsonw_key(w, "raw");
            simjsonw_int(w, raw);
            simjsonw_key(w, "min");
            simjsonw_int(w, 0);
            simjsonw_key(w, "max");
            simjsonw_int(w, 100);
            simjsonw_object_end(w);
        }
        simjsonw_key(w, "success");
        simjsonw_bool(w, a->passed);
        /* cmi5 keeps completion to the `completed` statement. */
        if (!e->o->cmi5) {
            simjsonw_key(w, "completion");
            simjsonw_bool(w, 1);
        }
        key_str(w, "duration", dur);
        simjsonw_key(w, "extensions");
        simjsonw_object(w);
        ext_key(e, "criteria");
        if (!write_criteria(e, a))
            return 0;
        ext_key(e, "mistakes");
        if (!write_mistakes(e, a))
            return 0;
        ext_key(e, "outcome");
        simjsonw_string(w, a->outcome);
        if (!score_ok) {
            ext_key(e, "total");
            simjsonw_int(w, raw);
        }
        if (a->ending) {
            ext_key(e, "ending");
            simjsonw_string(w, a->ending);
        }
        /* Tamper evidence: the MAC of this result in the results chain (stable once the
         * attempt has ended; `mfc-trainer verify --expect-head` finds it in an intact
         * database, not in one rolled back to before it) and the pack it was played from. */
        if (a->chain) {
            ext_key(e, "chain");
            simjsonw_string(w, a->chain);
        }
        if (a->pack) {
            ext_key(e, "pack");
            simjsonw_string(w, a->pack);
            ext_key(e, "pack-state");
            simjsonw_string(w, a->pack_state ? a->pack_state : "");
        }
        simjsonw_object_end(w);
        simjsonw_object_end(w);
        stmt_end(e, a, CTX_MASTERY | CTX_CMI5 | CTX_MOVEON, a->ended);
    }

    if (a->ended) {
        /* An unfinished attempt can be continued later in the window (same registration) and
         * closed again: each closing is its own statement, named by how many actions it
         * closed and when. */
        char closing[64];
        snprintf(closing, sizeof closing, "%d/%s", actions, a->ended);
        stmt_begin(e, a, "terminated", closing);
        object_scenario(e, a);
        simjsonw_key(w, "result");
        simjsonw_object(w);
        key_str(w, "duration", dur);
        simjsonw_key(w, "extensions");
        simjsonw_object(w);
        ext_key(e, "outcome");
        simjsonw_string(w, a->outcome ? a->outcome : "unfinished");
        if (a->has_real) {
            char real[48];
            iso_duration(a->real_seconds, real, sizeof real);
            ext_key(e, "real-duration");
            simjsonw_string(w, real);
        }
        simjsonw_object_end(w);
        simjsonw_object_end(w);
        stmt_end(e, a, CTX_CMI5, a->ended);
    }
    return !e->sink_failed;
}

/* ==== queries ============================================================================= */

#define ISO(col) "strftime('%Y-%m-%dT%H:%M:%SZ', " col ")"
#define JSON_ARRAY_OR_EMPTY(col)                                                                   \
    "CASE WHEN json_valid(" col ") AND json_type(" col ") = 'array' THEN " col " ELSE '[]' END"

static const char SQL_ATTEMPTS[] =
    "SELECT a.id, a.scenario_id, a.scenario_version, a.scenario_hash, a.seed, a.mode, " ISO("a.started_at") ", " ISO(
        "a.ended_at") ", a.sim_minutes, a.real_seconds, a.finished, "
                      "a.outcome, a.total, a.passed, "
                      /* The title is stored when an attempt ends; an open one borrows it from
                       * another attempt of the same scenario content, or shows the id. */
                      "coalesce(a.scenario_title, (SELECT b.scenario_title FROM attempts b "
                      "  WHERE b.scenario_id = a.scenario_id AND b.scenario_hash = a.scenario_hash "
                      "  AND b.scenario_title IS NOT NULL ORDER BY b.started_at, b.id LIMIT 1), a.scenario_id), "
                      "t.personnel_number, "
                      "CASE WHEN json_valid(a.result_json) THEN json_extract(a.result_json, '$.pass_mark') END, "
                      "CASE WHEN json_valid(a.result_json) THEN json_extract(a.result_json, '$.ending') END, "
                      "(SELECT c.mac FROM chain c WHERE c.attempt_id = a.id AND c.kind = 'finish' "
                      "  ORDER BY c.n DESC LIMIT 1), a.pack_hash, a.pack_state, "
                      /* The result's mistakes, for their words: only from a result that holds words
                         at all. */
                      "CASE WHEN instr(a.result_json, '\"text\"') > 0 AND json_valid(a.result_json) "
                      "  THEN json_extract(a.result_json, '$.mistakes') END, t.office "
                      "FROM attempts a LEFT JOIN trainees t ON t.id = a.trainee_id "
                      "WHERE ?1 IS NULL OR a.started_at >= ?1 "
                      "ORDER BY a.started_at, a.id";

/* Each action with its entries and, for `success`, how many of the entries caused by the
 * action itself (not the time norm or missed problems settled at the end) lost or won. */
static const char SQL_ACTIONS[] = "SELECT seq, action_id, " ISO(
    "at") ", sim_minutes, pj, "
          "(SELECT count(*) FROM json_each(pj) WHERE json_extract(value, '$.action') = action_id "
          "   AND (json_extract(value, '$.kind') = 'critical' OR json_extract(value, '$.points') < 0)),"
          "(SELECT count(*) FROM json_each(pj) WHERE json_extract(value, '$.action') = action_id "
          "   AND json_extract(value, '$.kind') = 'points' AND json_extract(value, '$.points') > 0) "
          "FROM (SELECT seq, action_id, at, sim_minutes, " JSON_ARRAY_OR_EMPTY(
              "points_json") " AS pj "
                             "      FROM actions WHERE attempt_id = ?1) ORDER BY seq";

static const char SQL_ENTRIES[] =
    "SELECT json_extract(value, '$.action'), json_extract(value, '$.kind'), "
    "json_extract(value, '$.criterion'), json_extract(value, '$.points'), "
    "json_extract(value, '$.rule_id'), json_extract(value, '$.rule'), "
    "json_extract(value, '$.feedback') FROM json_each(?1) ORDER BY key";

static const char SQL_DELTA[] =
    "SELECT json_extract(value, '$.criterion') AS c, "
    "total(json_extract(value, '$.points')) FROM json_each(?1) "
    "WHERE json_type(value, '$.criterion') = 'text' GROUP BY c ORDER BY min(key)";

static const char SQL_CRITERIA[] =
    "SELECT criterion, title, weight, score, max FROM attempt_criteria WHERE attempt_id = ?1 "
    "ORDER BY rowid";

/* The words of each mistake ("text", issue #15) come from the attempt's result JSON, whose
 * "mistakes" (?2: that array, read once per attempt by SQL_ATTEMPTS; NULL for a result without
 * any words, recorded before they existed) list the same ledger entries in the same order as
 * attempt_mistakes.seq; the action is compared so that a result that does not line up gives
 * null, never another mistake's words. */
static const char SQL_MISTAKES[] =
    "SELECT m.action_id, m.kind, m.criterion, m.points, m.rule_id, m.rule, m.feedback, "
    "(SELECT j.value ->> 'text' FROM json_each(?2) j"
    " WHERE j.key = m.seq - 1 AND j.value ->> 'action' = m.action_id) "
    "FROM attempt_mistakes m WHERE m.attempt_id = ?1 ORDER BY m.seq";

static void read_attempt(sqlite3_stmt *s, Attempt *a)
{
    memset(a, 0, sizeof *a);
    a->id = col_text(s, 0);
    a->scenario = col_text(s, 1);
    a->version = col_text(s, 2);
    a->hash = col_text(s, 3);
    a->seed = col_text(s, 4);
    a->mode = col_text(s, 5);
    a->started = col_text(s, 6);
    a->ended = col_text(s, 7);
    a->sim_minutes = sqlite3_column_double(s, 8);
    a->has_real = sqlite3_column_type(s, 9) != SQLITE_NULL;
    a->real_seconds = sqlite3_column_double(s, 9);
    a->finished = sqlite3_column_int(s, 10);
    a->outcome = col_text(s, 11);
    a->total = sqlite3_column_int(s, 12);
    a->passed = sqlite3_column_int(s, 13) != 0;
    a->title = col_text(s, 14);
    a->personnel = col_text(s, 15);
    a->has_pass_mark =
        sqlite3_column_type(s, 16) == SQLITE_INTEGER || sqlite3_column_type(s, 16) == SQLITE_FLOAT;
    a->pass_mark = sqlite3_column_double(s, 16);
    a->ending = col_text(s, 17);
    a->chain = col_text(s, 18);
    a->pack = col_text(s, 19);
    a->pack_state = col_text(s, 20);
    a->mistakes_json = col_text(s, 21);
    a->trainee_office = col_text(s, 22);
}

static SimStatus run_export(Store *st, const StoreXapiOptions *o, StoreExportSink sink, void *ctx,
                            StoreXapiEach each, void *each_ctx, StoreXapiStats *stats,
                            SimError *err)
{
    if (stats)
        memset(stats, 0, sizeof *stats);
    if (o->since && !store_export_since_ok(o->since))
        return sim_error_set(err, SIM_ERR_INVALID, tr(STR_XAPI_BAD_DATE), o->since);
    const char *home = o->home_page ? o->home_page : STORE_XAPI_HOME_PAGE;
    if (!store_export_home_page_ok(home))
        return sim_error_set(err, SIM_ERR_INVALID, tr(STR_XAPI_BAD_HOME), home);

    Exporter e;
    memset(&e, 0, sizeof e);
    e.st = st;
    e.sink = sink;
    e.ctx = ctx;
    e.o = o;
    e.each = each;
    e.each_ctx = each_ctx;
    simbuf_init(&e.out);
    simbuf_init(&e.tmp);
    simjsonw_init(&e.w, &e.out, o->pretty);
    e.home = sim_strdup(home);
    if (!e.home)
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    for (size_t n = strlen(e.home); n > 0 && e.home[n - 1] == '/'; n--)
        e.home[n - 1] = '\0';

    SimStatus status = SIM_OK;
    sqlite3_stmt *att = NULL;
    /* One read transaction: the window may be recording an attempt meanwhile. */
    int in_txn = sqlite3_exec(st->db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
    int ok = in_txn && sqlite3_prepare_v2(st->db, SQL_ATTEMPTS, -1, &att, NULL) == SQLITE_OK &&
             sqlite3_prepare_v2(st->db, SQL_ACTIONS, -1, &e.acts, NULL) == SQLITE_OK &&
             sqlite3_prepare_v2(st->db, SQL_ENTRIES, -1, &e.entries, NULL) == SQLITE_OK &&
             sqlite3_prepare_v2(st->db, SQL_DELTA, -1, &e.delta, NULL) == SQLITE_OK &&
             sqlite3_prepare_v2(st->db, SQL_CRITERIA, -1, &e.crit, NULL) == SQLITE_OK &&
             sqlite3_prepare_v2(st->db, SQL_MISTAKES, -1, &e.mist, NULL) == SQLITE_OK;
    size_t attempts = 0;
    if (ok) {
        if (o->since)
            sqlite3_bind_text(att, 1, o->since, -1, SQLITE_TRANSIENT);
        if (!each)
            simjsonw_array(&e.w);
        int rc = SQLITE_DONE;
        while (ok && (rc = sqlite3_step(att)) == SQLITE_ROW) {
            Attempt a;
            read_attempt(att, &a);
            if (!a.id || !a.scenario || !a.started)
                continue; /* not a row this program wrote */
            if (!a.version)
                a.version = "";
            if (!a.hash)
                a.hash = "";
            if (!a.mode)
                a.mode = "training";
            if (!a.title)
                a.title = a.scenario;
            /* Guests share one account «anonymous», which is no learner an LMS can follow:
             * left out unless asked for. */
            if (!o->guests && (!a.personnel || !*a.personnel))
                continue;
            a.office = a.trainee_office && *a.trainee_office ? a.trainee_office : o->office;
            a.installation = o->installation;
            if (o->origin) {
                const char *off = NULL, *inst = NULL;
                o->origin(o->origin_ud, a.id, &off, &inst);
                if (off && *off)
                    a.office = off;
                if (inst && *inst)
                    a.installation = inst;
            }
            SimBuf iri;
            simbuf_init(&iri);
            simbuf_printf(&iri, "%s/scenarios/", e.home);
            iri_segment(&iri, a.scenario);
            a.iri = simbuf_take(&iri);
            ok = write_attempt(&e, &a);
            free(a.iri);
            attempts++;
        }
        if (ok && rc != SQLITE_DONE)
            ok = 0;
        if (ok && !each) {
            simjsonw_array_end(&e.w);
            simbuf_puts(&e.out, "\n");
            flush(&e);
        }
    }
    if (e.out.oom || e.tmp.oom)
        status = sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_XAPI_NOMEM));
    else if (e.sink_failed && each)
        status = err && err->status != SIM_OK
                     ? err->status
                     : sim_error_set(err, SIM_ERR_IO, "%s", tr(STR_XAPI_ABORTED));
    else if (e.sink_failed)
        status = sim_error_set(err, SIM_ERR_IO, "%s", tr(STR_XAPI_WRITE_FAILED));
    else if (!ok)
        status = sim_error_set(err, SIM_ERR_IO, tr(STR_XAPI_DB_ERROR), sqlite3_errmsg(st->db));
    sqlite3_finalize(att);
    sqlite3_finalize(e.acts);
    sqlite3_finalize(e.entries);
    sqlite3_finalize(e.delta);
    sqlite3_finalize(e.crit);
    sqlite3_finalize(e.mist);
    if (in_txn)
        sqlite3_exec(st->db, "COMMIT", NULL, NULL, NULL);
    simbuf_free(&e.out);
    simbuf_free(&e.tmp);
    free(e.home);
    if (stats) {
        stats->attempts = attempts;
        stats->statements = e.statements;
    }
    return status;
}

SimStatus store_export_xapi(Store *st, const StoreXapiOptions *o, StoreExportSink sink, void *ctx,
                            StoreXapiStats *stats, SimError *err)
{
    return run_export(st, o, sink, ctx, NULL, NULL, stats, err);
}

SimStatus store_xapi_each(Store *st, const StoreXapiOptions *o, StoreXapiEach each, void *ctx,
                          StoreXapiStats *stats, SimError *err)
{
    StoreXapiOptions compact = *o;
    compact.pretty = 0;
    if (err)
        err->status = SIM_OK;
    return run_export(st, &compact, NULL, NULL, each, ctx, stats, err);
}
