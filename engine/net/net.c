/*
 * net.c — the LRS connection (libcurl) and the push run (see net.h).
 *
 * A run streams the export (store_xapi_each) and keeps one batch of statement texts in memory:
 * a batch is cut at opts.batch statements or NET_BATCH_BYTES of body, sent, and recorded in the
 * ledger before the export goes on. A batch the LRS refuses as a whole for one statement (409,
 * 413, 400) is halved until that statement stands alone, so one bad statement never holds
 * back the others. After the run stops early (credentials, no answer) the export still runs
 * to the end, only counting, so the summary can say how much waits.
 */
#include "net.h"

#include "curl_lib.h" /* libcurl, opened for the first connection */

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define NET_MAX_DELAY_MS 60000L

struct NetLrs {
    CURL *h;
    struct curl_slist *headers;
    char *url;             /* the statements resource, owned */
    char *user, *password; /* owned; the password is wiped on destroy */
    long timeout_s;
    char errbuf[CURL_ERROR_SIZE];
};

/* ==== the connection ====================================================================== */

static int curl_ready;

static char *dup_or_null(const char *s)
{
    return s ? sim_strdup(s) : NULL;
}

/* The statements URL for an endpoint: a URL that already names the resource stays; otherwise
 * "statements" is appended to the endpoint (xAPI §7: the endpoint is the base of every
 * resource). Any user:password@ in the URL is dropped — credentials travel only as Basic
 * auth, so the URL can be shown and used as the ledger's key. */
static char *statements_url(const char *endpoint)
{
    const char *scheme_end = strstr(endpoint, "://");
    const char *host = scheme_end ? scheme_end + 3 : endpoint;
    const char *slash = strchr(host, '/');
    const char *at = strchr(host, '@');
    SimBuf b;
    simbuf_init(&b);
    simbuf_append(&b, endpoint, (size_t)(host - endpoint));
    if (at && (!slash || at < slash))
        host = at + 1;
    simbuf_puts(&b, host);
    while (b.len > 0 && b.data[b.len - 1] == '/')
        b.data[--b.len] = '\0';
    static const char res[] = "/statements";
    if (b.len < sizeof res - 1 || strcmp(b.data + b.len - (sizeof res - 1), res) != 0)
        simbuf_puts(&b, res);
    return simbuf_take(&b);
}

SimStatus net_lrs_create(const NetLrsConfig *c, NetLrs **out, SimError *err)
{
    *out = NULL;
    const char *e = c->endpoint;
    if (!e || (strncmp(e, "http://", 7) != 0 && strncmp(e, "https://", 8) != 0) ||
        !e[strncmp(e, "http://", 7) == 0 ? 7 : 8])
        return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_LRS_BAD_URL), e ? e : "");
    for (const unsigned char *p = (const unsigned char *)e; *p; p++)
        if (*p <= 0x20 || *p == 0x7F)
            return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_LRS_URL_SPACES), e);
    if (net_curl_load(err) != SIM_OK)
        return SIM_ERR_IO;
    if (!curl_ready) {
        /* Once per process; the program has no other threads using libcurl at this point. */
        if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK)
            return sim_error_set(err, SIM_ERR_IO, "%s", tr(STR_LRS_CURL_INIT));
        curl_ready = 1;
    }
    NetLrs *l = calloc(1, sizeof *l);
    if (!l)
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    l->h = curl_easy_init();
    l->url = statements_url(e);
    l->user = dup_or_null(c->user);
    l->password = dup_or_null(c->password);
    l->timeout_s = c->timeout_s > 0 ? c->timeout_s : 120;
    struct curl_slist *h = curl_slist_append(NULL, "Content-Type: application/json");
    if (h)
        h = curl_slist_append(h, "X-Experience-API-Version: 1.0.3");
    /* No "Expect: 100-continue" round trip before every large batch. */
    if (h)
        h = curl_slist_append(h, "Expect:");
    l->headers = h;
    if (!l->h || !l->url || !h || (c->user && !l->user) || (c->password && !l->password)) {
        net_lrs_destroy(l);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    }
    *out = l;
    return SIM_OK;
}

void net_lrs_destroy(NetLrs *l)
{
    if (!l)
        return;
    if (l->h)
        curl_easy_cleanup(l->h);
    curl_slist_free_all(l->headers);
    if (l->password) {
        volatile char *p = l->password;
        while (*p)
            *p++ = '\0';
        free(l->password);
    }
    free(l->user);
    free(l->url);
    free(l);
}

const char *net_lrs_statements_url(const NetLrs *l)
{
    return l->url;
}

static size_t on_body(char *data, size_t size, size_t n, void *ud)
{
    SimBuf *b = ud;
    simbuf_append(b, data, size * n);
    return b->oom ? 0 : size * n;
}

/* One POST; *retry_after_s gets the answer's Retry-After in seconds (0 when none). */
static SimStatus post(NetLrs *l, const char *body, size_t len, long *http, char **reply,
                      long *retry_after_s, SimError *err)
{
    *http = 0;
    if (reply)
        *reply = NULL;
    *retry_after_s = 0;
    SimBuf got;
    simbuf_init(&got);
    CURL *h = l->h;
    curl_easy_reset(h);
    l->errbuf[0] = '\0';
    curl_easy_setopt(h, CURLOPT_URL, l->url);
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body);
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)len);
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, l->headers);
    if (l->user || l->password) {
        curl_easy_setopt(h, CURLOPT_HTTPAUTH, (long)CURLAUTH_BASIC);
        curl_easy_setopt(h, CURLOPT_USERNAME, l->user ? l->user : "");
        curl_easy_setopt(h, CURLOPT_PASSWORD, l->password ? l->password : "");
    }
    curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(h, CURLOPT_WRITEDATA, &got);
    curl_easy_setopt(h, CURLOPT_ERRORBUFFER, l->errbuf);
    curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT, 10L);
    curl_easy_setopt(h, CURLOPT_TIMEOUT, l->timeout_s);
    /* Only http and https, also after a redirect (a redirect is not followed: a POST that
     * moved is the administrator's to fix). */
    curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
    CURLcode rc = curl_easy_perform(h);
    if (rc != CURLE_OK) {
        simbuf_free(&got);
        return sim_error_set(err, SIM_ERR_IO, TRF(STR_LRS_NO_ANSWER), l->url,
                             l->errbuf[0] ? l->errbuf : curl_easy_strerror(rc));
    }
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, http);
    curl_off_t ra = 0;
    if (curl_easy_getinfo(h, CURLINFO_RETRY_AFTER, &ra) == CURLE_OK && ra > 0)
        *retry_after_s = ra > 3600 ? 3600 : (long)ra;
    if (reply && got.len)
        *reply = simbuf_take(&got);
    simbuf_free(&got);
    return SIM_OK;
}

SimStatus net_lrs_post(NetLrs *l, const char *body, size_t len, long *http, char **reply,
                       SimError *err)
{
    long ra;
    return post(l, body, len, http, reply, &ra, err);
}

/* ==== JSON as ASCII ======================================================================= */

void net_json_ascii(SimBuf *b, const char *body, size_t len)
{
    const unsigned char *s = (const unsigned char *)body;
    size_t i = 0, run = 0;
    while (i < len) {
        if (s[i] < 0x80) {
            i++;
            continue;
        }
        simbuf_append(b, body + run, i - run);
        unsigned cp = 0;
        int extra = s[i] >= 0xF0 ? 3 : s[i] >= 0xE0 ? 2 : s[i] >= 0xC0 ? 1 : 0;
        cp = s[i] & (extra == 3 ? 0x07 : extra == 2 ? 0x0F : 0x1F);
        size_t j = 1;
        for (; j <= (size_t)extra && i + j < len && (s[i + j] & 0xC0) == 0x80; j++)
            cp = (cp << 6) | (s[i + j] & 0x3F);
        if (extra == 0 || j != (size_t)extra + 1)
            cp = 0xFFFD; /* not UTF-8: the store writes UTF-8, so this does not happen */
        if (cp >= 0x10000) {
            cp -= 0x10000;
            simbuf_printf(b, "\\u%04x\\u%04x", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
        } else {
            simbuf_printf(b, "\\u%04x", cp);
        }
        i += extra && j == (size_t)extra + 1 ? j : 1;
        run = i;
    }
    simbuf_append(b, body + run, len - run);
}

/* ==== the push run ======================================================================== */

typedef struct Push {
    NetLrs *l;
    const NetLedger *ledger;
    long delay_ms;
    int tries;
    size_t batch;
    NetProgress progress;
    NetRetry retry;
    void *ud;
    NetTally *t;
    SimError *err;
    SimStatus status; /* the first error that stopped sending */
    int stopped;      /* sending stopped; the export goes on only counting */
    /* the batch being gathered: owned copies; ids[] and atts[] point into items for the
     * ledger, which takes arrays of strings */
    struct PushItem {
        char *id, *attempt, *text;
        size_t len;
    } * items;
    const char **ids, **atts;
    size_t n, cap, bytes;
    SimBuf body;
} Push;

static void sleep_ms(long ms)
{
    struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (ms % 1000) * 1000000L};
    while (nanosleep(&ts, &ts) != 0)
        ;
}

static void stop(Push *p, const char *why, SimStatus s)
{
    if (!p->stopped) {
        p->stopped = 1;
        p->t->error = why;
        p->status = s;
    }
}

/* POSTs statements [i, j) with retries on 5xx, 429 and no answer; returns the final status
 * (0 when no answer came after every try). */
static long post_range(Push *p, size_t i, size_t j)
{
    SimBuf *b = &p->body;
    b->len = 0;
    simbuf_puts(b, "[");
    for (size_t k = i; k < j; k++) {
        if (k > i)
            simbuf_puts(b, ",");
        net_json_ascii(b, p->items[k].text, p->items[k].len);
    }
    simbuf_puts(b, "]");
    if (b->oom) {
        stop(p, "ledger", sim_error_set(p->err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM)));
        return -1;
    }
    long delay = p->delay_ms;
    long http = 0;
    for (int attempt = 1; attempt <= p->tries; attempt++) {
        long ra = 0;
        char *reply = NULL;
        SimError e2;
        SimStatus s = post(p->l, b->data, b->len, &http, &reply, &ra, &e2);
        free(reply);
        p->t->posts++;
        p->t->last_http = http;
        int transient = s != SIM_OK || http == 429 || http >= 500;
        if (!transient)
            return http;
        if (s != SIM_OK)
            sim_error_set(p->err, SIM_ERR_IO, "%s", e2.msg);
        else
            sim_error_set(p->err, SIM_ERR_IO, TRF(STR_LRS_ANSWERED), p->l->url, http);
        if (attempt == p->tries)
            break;
        long wait = delay;
        if (ra * 1000 > wait)
            wait = ra * 1000 > NET_MAX_DELAY_MS ? NET_MAX_DELAY_MS : ra * 1000;
        if (p->retry)
            p->retry(p->ud, attempt + 1, wait, http, p->err->msg);
        p->t->retries++;
        sleep_ms(wait);
        delay = delay * 2 > NET_MAX_DELAY_MS ? NET_MAX_DELAY_MS : delay * 2;
    }
    return http; /* 0: no answer at all; 429 or 5xx: the LRS kept failing */
}

static void record(Push *p, size_t i, size_t j, NetAckKind kind)
{
    SimError e2;
    if (p->ledger->record(p->ledger->ud, p->ids + i, p->atts + i, j - i, kind, &e2) != SIM_OK) {
        sim_error_set(p->err, e2.status, "%s", e2.msg);
        stop(p, "ledger", e2.status);
        return;
    }
    if (kind == NET_ACK_SENT)
        p->t->sent += (long long)(j - i);
    else
        p->t->conflicts += (long long)(j - i);
}

/* Sends [i, j): accepted → recorded; a refusal of the whole batch is narrowed by halving. */
static void send_range(Push *p, size_t i, size_t j)
{
    if (p->stopped || i >= j)
        return;
    long http = post_range(p, i, j);
    if (http < 0)
        return;
    if (http == 200 || http == 204) {
        record(p, i, j, NET_ACK_SENT);
        return;
    }
    if (http == 409 || http == 413 || http == 400) {
        if (j - i > 1) {
            size_t mid = i + (j - i) / 2;
            send_range(p, i, mid);
            send_range(p, mid, j);
            return;
        }
        if (http == 409) {
            /* The LRS has a statement under this id already (sent earlier — perhaps before
             * the actor's form changed, or damaged by the LRS): it is there, and sending it
             * again can never succeed. */
            record(p, i, j, NET_ACK_CONFLICT);
        } else if (http == 400) {
            p->t->refused++;
            sim_error_set(p->err, SIM_ERR_INVALID, TRF(STR_LRS_REFUSED_ONE), p->l->url, p->ids[i]);
        } else {
            sim_error_set(p->err, SIM_ERR_INVALID, TRF(STR_LRS_TOO_LARGE), p->l->url, p->ids[i]);
            stop(p, "too-large", SIM_ERR_INVALID);
        }
        return;
    }
    if (http == 401 || http == 403) {
        sim_error_set(p->err, SIM_ERR_INVALID, TRF(STR_LRS_DENIED), p->l->url, http);
        stop(p, "auth", SIM_ERR_INVALID);
        return;
    }
    if (http == 0 || http == 429 || http >= 500) {
        /* p->err already says what the last try got */
        stop(p, http == 0 ? "offline" : "server", SIM_ERR_IO);
        return;
    }
    sim_error_set(p->err, SIM_ERR_IO, TRF(STR_LRS_NOT_ACCEPTED), p->l->url, http);
    stop(p, "refused", SIM_ERR_IO);
}

static void batch_clear(Push *p)
{
    for (size_t k = 0; k < p->n; k++) {
        free(p->items[k].id);
        free(p->items[k].attempt);
        free(p->items[k].text);
    }
    p->n = 0;
    p->bytes = 0;
}

static void flush_batch(Push *p)
{
    if (!p->n)
        return;
    send_range(p, 0, p->n);
    p->t->batches++;
    batch_clear(p);
    if (p->progress)
        p->progress(p->ud, p->t);
}

static int on_statement(void *ctx, const StoreXapiStatement *s)
{
    Push *p = ctx;
    p->t->statements++;
    if (p->ledger->known(p->ledger->ud, s->id)) {
        p->t->known++;
        return 1;
    }
    if (p->stopped)
        return 1; /* only counting what waits */
    if (p->n && p->bytes + s->len * 3 > NET_BATCH_BYTES)
        flush_batch(p);
    if (p->n == p->cap) {
        size_t cap = p->cap ? p->cap * 2 : 64;
        struct PushItem *it = realloc(p->items, cap * sizeof *it);
        if (it)
            p->items = it;
        const char **ids = it ? realloc(p->ids, cap * sizeof *ids) : NULL;
        if (ids)
            p->ids = ids;
        const char **atts = ids ? realloc(p->atts, cap * sizeof *atts) : NULL;
        if (atts)
            p->atts = atts;
        if (!atts) {
            stop(p, "ledger", sim_error_set(p->err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM)));
            return 1;
        }
        p->cap = cap;
    }
    char *text = malloc(s->len + 1);
    char *id = sim_strdup(s->id), *att = sim_strdup(s->attempt);
    if (!text || !id || !att) {
        free(text);
        free(id);
        free(att);
        stop(p, "ledger", sim_error_set(p->err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM)));
        return 1;
    }
    memcpy(text, s->json, s->len);
    text[s->len] = '\0';
    p->items[p->n] = (struct PushItem){.id = id, .attempt = att, .text = text, .len = s->len};
    p->ids[p->n] = id;
    p->atts[p->n] = att;
    p->n++;
    /* A Cyrillic character is 2 bytes of UTF-8 and 6 of \uXXXX: 3× is the body's bound. */
    p->bytes += s->len * 3;
    if (p->n >= p->batch)
        flush_batch(p);
    return 1;
}

SimStatus net_push(NetLrs *l, Store *st, const StoreXapiOptions *xo, const NetLedger *ledger,
                   const NetPushOptions *po, NetProgress progress, NetRetry retry, void *ud,
                   NetTally *t, SimError *err)
{
    memset(t, 0, sizeof *t);
    Push p = {.l = l,
              .ledger = ledger,
              .delay_ms = po && po->delay_ms > 0 ? po->delay_ms : NET_DELAY_MS_DEFAULT,
              .tries = po && po->tries > 0 ? po->tries : NET_TRIES_DEFAULT,
              .batch = po && po->batch > 0 ? po->batch : NET_BATCH_DEFAULT,
              .progress = progress,
              .retry = retry,
              .ud = ud,
              .t = t,
              .err = err,
              .status = SIM_OK};
    simbuf_init(&p.body);
    SimError xe;
    SimStatus s = store_xapi_each(st, xo, on_statement, &p, NULL, &xe);
    if (s == SIM_OK && !p.stopped)
        flush_batch(&p);
    batch_clear(&p);
    free(p.items);
    free(p.ids);
    free(p.atts);
    simbuf_free(&p.body);
    t->waiting = t->statements - t->known - t->sent - t->conflicts;
    if (t->waiting < 0)
        t->waiting = 0;
    t->outcome = t->waiting ? NET_WAITING : NET_ALL_SENT;
    if (s != SIM_OK) {
        t->outcome = NET_WAITING;
        return sim_error_set(err, s, "%s", xe.msg);
    }
    if (p.stopped)
        return p.status;
    if (t->refused && !t->error)
        t->error = "refused";
    return SIM_OK;
}
