/*
 * jsonw.c — the streaming JSON writer (see jsonw.h).
 */
#include "jsonw.h"

#include <stdio.h>
#include <string.h>

void simjsonw_init(SimJsonW *w, SimBuf *out, int pretty)
{
    memset(w, 0, sizeof *w);
    w->out = out;
    w->pretty = pretty;
}

static void newline(SimJsonW *w)
{
    if (!w->pretty)
        return;
    /* One append per line: a report of 100,000 trainees writes two million of them. */
    static const char pad[] = "\n                                                                "
                              "                                                                ";
    size_t n = 1 + 2 * (size_t)w->depth;
    simbuf_append(w->out, pad, n < sizeof pad - 1 ? n : sizeof pad - 1);
}

/* Emits the separator a new value needs: nothing after a key, else a comma and a newline. */
static void before_value(SimJsonW *w)
{
    if (w->after_key) {
        w->after_key = 0;
        return;
    }
    if (w->depth > 0) {
        if (w->count[w->depth] > 0)
            simbuf_puts(w->out, ",");
        newline(w);
    }
    if (w->depth < SIMJSONW_MAX_DEPTH)
        w->count[w->depth]++;
}

static void open(SimJsonW *w, const char *c)
{
    before_value(w);
    simbuf_puts(w->out, c);
    if (w->depth + 1 < SIMJSONW_MAX_DEPTH) {
        w->depth++;
        w->count[w->depth] = 0;
    }
}

static void close(SimJsonW *w, const char *c)
{
    int had = w->count[w->depth] > 0;
    if (w->depth > 0)
        w->depth--;
    if (had)
        newline(w);
    simbuf_puts(w->out, c);
}

void simjsonw_object(SimJsonW *w)
{
    open(w, "{");
}
void simjsonw_object_end(SimJsonW *w)
{
    close(w, "}");
}
void simjsonw_array(SimJsonW *w)
{
    open(w, "[");
}
void simjsonw_array_end(SimJsonW *w)
{
    close(w, "]");
}

void simjsonw_key(SimJsonW *w, const char *key)
{
    before_value(w);
    simjson_escape(w->out, key);
    simbuf_puts(w->out, w->pretty ? ": " : ":");
    w->after_key = 1;
}

void simjson_escape(SimBuf *b, const char *s)
{
    simbuf_puts(b, "\"");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        /* A run of bytes that go out as they are (printable ASCII, whole UTF-8 sequences) in
         * one append, rather than byte by byte. */
        const unsigned char *run = p;
        for (;;) {
            if (*p >= 0x20 && *p < 0x7f && *p != '"' && *p != '\\') {
                p++;
            } else if (*p >= 0x80) {
                int n = sim_utf8_seq(p, p + strnlen((const char *)p, 4));
                if (!n)
                    break;
                p += n;
            } else {
                break;
            }
        }
        if (p > run)
            simbuf_append(b, (const char *)run, (size_t)(p - run));
        if (!*p)
            break;
        switch (*p) {
        case '"':
            simbuf_puts(b, "\\\"");
            break;
        case '\\':
            simbuf_puts(b, "\\\\");
            break;
        case '\n':
            simbuf_puts(b, "\\n");
            break;
        case '\r':
            simbuf_puts(b, "\\r");
            break;
        case '\t':
            simbuf_puts(b, "\\t");
            break;
        case '\b':
            simbuf_puts(b, "\\b");
            break;
        case '\f':
            simbuf_puts(b, "\\f");
            break;
        default:
            if (*p < 0x20 || *p == 0x7f) {
                simbuf_printf(b, "\\u%04x", *p);
            } else if (*p < 0x80) {
                simbuf_append(b, (const char *)p, 1);
            } else {
                /* Output is always valid UTF-8: a byte that does not start a valid sequence
                 * (from a script, a name on the command line, an old database) becomes
                 * U+FFFD rather than making the whole document unreadable (issue #16). */
                int n = sim_utf8_seq(p, p + strnlen((const char *)p, 4));
                if (n) {
                    simbuf_append(b, (const char *)p, (size_t)n);
                    p += n - 1;
                } else {
                    simbuf_puts(b, "\\ufffd");
                }
            }
        }
    }
    simbuf_puts(b, "\"");
}

void simjsonw_string(SimJsonW *w, const char *s)
{
    if (!s) {
        simjsonw_null(w);
        return;
    }
    before_value(w);
    simjson_escape(w->out, s);
}

void simjsonw_int(SimJsonW *w, long long v)
{
    char tmp[24];
    size_t n = sim_format_ll(v, tmp);
    before_value(w);
    simbuf_append(w->out, tmp, n);
}

void simjsonw_uint(SimJsonW *w, unsigned long long v)
{
    before_value(w);
    simbuf_printf(w->out, "%llu", v);
}

void simjsonw_number(SimJsonW *w, double v)
{
    char tmp[64];
    sim_format_number(v, tmp, sizeof tmp);
    before_value(w);
    simbuf_puts(w->out, tmp);
}

void simjsonw_bool(SimJsonW *w, int v)
{
    before_value(w);
    simbuf_puts(w->out, v ? "true" : "false");
}

void simjsonw_null(SimJsonW *w)
{
    before_value(w);
    simbuf_puts(w->out, "null");
}
