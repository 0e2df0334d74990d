/*
 * jsonscan.c — the strict JSON pass with positions (see jsonscan.h).
 *
 * A recursive-descent recogniser over the raw bytes. Recursion depth is bounded by
 * JSONSCAN_MAX_DEPTH, so hostile nesting is answered in bounded stack and time. Every value's
 * path is recorded with its position so the loader can point at the exact place of a semantic
 * problem later. Duplicate keys are found with a hash set keyed by (object serial, key).
 */
#include "jsonscan.h"

#include "../core/hmap.h"
#include "../core/i18n.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ==== position map ====================================================================== */

typedef struct PosEntry {
    char *path;
    uint64_t hash;
    int line, col;
} PosEntry;

struct JsonPosMap {
    PosEntry *entries;
    size_t count, cap;
    SimMap index; /* hash of a path -> its index in entries */
};

static uint64_t str_hash(const char *s, size_t n)
{
    return sim_hash_fnv1a(SIM_HASH_INIT, s, n);
}

static void pos_add(JsonPosMap *m, const char *path, size_t plen, int line, int col)
{
    if (m->count == m->cap) {
        size_t cap = m->cap ? m->cap * 2 : 128;
        PosEntry *p = realloc(m->entries, cap * sizeof *p);
        if (!p)
            return;
        m->entries = p;
        m->cap = cap;
    }
    PosEntry *e = &m->entries[m->count];
    e->path = sim_strndup(path, plen);
    if (!e->path)
        return;
    e->hash = str_hash(path, plen);
    e->line = line;
    e->col = col;
    if (!sim_map_add(&m->index, e->hash, (uint32_t)m->count)) {
        free(e->path);
        return;
    }
    m->count++;
}

static const PosEntry *pos_get(const JsonPosMap *m, const char *path, size_t plen)
{
    if (!m)
        return NULL;
    uint64_t h = str_hash(path, plen);
    size_t cur = SIM_MAP_START;
    for (const uint32_t *i; (i = sim_map_next(&m->index, h, &cur)) != NULL;) {
        const PosEntry *e = &m->entries[*i];
        if (e->hash == h && strlen(e->path) == plen && memcmp(e->path, path, plen) == 0)
            return e;
    }
    return NULL;
}

int jsonpos_lookup(const JsonPosMap *m, const char *path, int *line, int *col)
{
    size_t n = strlen(path);
    int exact = 1;
    for (;;) {
        const PosEntry *e = pos_get(m, path, n);
        if (e) {
            *line = e->line;
            *col = e->col;
            return exact;
        }
        exact = 0;
        if (n == 0)
            break;
        /* Drop the last segment: ".key", "[N]" or "[\"key\"]". */
        size_t i = n;
        if (path[i - 1] == ']') {
            while (i > 0 && path[i - 1] != '[')
                i--;
            if (i > 0)
                i--;
        } else {
            while (i > 0 && path[i - 1] != '.' && path[i - 1] != ']')
                i--;
            if (i > 0 && path[i - 1] == '.')
                i--;
        }
        n = i;
    }
    *line = 1;
    *col = 1;
    return 0;
}

void jsonpos_free(JsonPosMap *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->count; i++)
        free(m->entries[i].path);
    free(m->entries);
    sim_map_free(&m->index);
    free(m);
}

void jsonpath_append_key(SimBuf *path, const char *key)
{
    int plain = key[0] != '\0';
    for (const char *p = key; *p; p++) {
        char c = *p;
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-')) {
            plain = 0;
            break;
        }
    }
    if (plain) {
        if (path->len)
            simbuf_puts(path, ".");
        simbuf_puts(path, key);
    } else {
        simbuf_puts(path, "[");
        SimBuf tmp;
        simbuf_init(&tmp);
        /* Quote like JSON so odd keys stay readable and unambiguous. */
        simbuf_puts(&tmp, "\"");
        for (const char *p = key; *p; p++) {
            if (*p == '"' || *p == '\\')
                simbuf_puts(&tmp, "\\");
            simbuf_append(&tmp, p, 1);
        }
        simbuf_puts(&tmp, "\"]");
        simbuf_puts(path, simbuf_str(&tmp));
        simbuf_free(&tmp);
    }
}

/* ==== scanner =========================================================================== */

/* A key met in an object, to find it there again. */
typedef struct KeySeen {
    uint64_t obj; /* object serial */
    char *key;
    int line, col;
} KeySeen;

typedef struct Scan {
    const unsigned char *p, *end, *start;
    const char *file;
    SimDiags *diags;
    JsonPosMap *map;
    SimBuf path;
    int line;
    const unsigned char *line_start;
    /* The last column computed, so a long line is counted once, not from its start for every
     * value (a one-line 4 MiB file once took 730 s to check; issue #16, finding 7). */
    const unsigned char *col_line, *col_at;
    int col_val;
    int failed; /* a syntax error: stop */
    int bad;    /* any error, syntax or not */
    uint64_t obj_serial;
    KeySeen *keys; /* every key met, for duplicates */
    size_t nkeys, keycap;
    SimMap key_index; /* hash of (object serial, key) -> index in keys */
} Scan;

static int col_of(Scan *s, const unsigned char *at)
{
    if (s->col_line != s->line_start || !s->col_at || at < s->col_at) {
        s->col_line = s->line_start;
        s->col_at = s->line_start;
        s->col_val = 1;
    }
    s->col_val += (int)sim_utf8_len((const char *)s->col_at, (size_t)(at - s->col_at));
    s->col_at = at;
    return s->col_val;
}

static void fail_at(Scan *s, const unsigned char *at, const char *fmt, const char *arg)
{
    if (s->failed)
        return;
    s->failed = 1;
    s->bad = 1;
    simdiags_add(s->diags, SIM_SEV_ERROR, s->file, s->line, col_of(s, at), "", fmt, arg ? arg : "");
}

static void skip_ws(Scan *s)
{
    while (s->p < s->end) {
        unsigned char c = *s->p;
        if (c == '\n') {
            s->line++;
            s->p++;
            s->line_start = s->p;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            s->p++;
        } else {
            break;
        }
    }
}

static const char *describe(const Scan *s)
{
    if (s->p >= s->end)
        return tr(STR_JSON_END_OF_FILE);
    unsigned char c = *s->p;
    if (c == '/')
        return tr(STR_JSON_SLASH);
    if (c == '\'')
        return tr(STR_JSON_SINGLE_QUOTE);
    if (c < 0x20 || c == 0x7f)
        return tr(STR_JSON_CONTROL_CHAR);
    if (c >= 0x80)
        return tr(STR_JSON_NOT_JSON_CHAR);
    static _Thread_local char buf[8]; /* per thread: scenarios may load side by side */
    buf[0] = (char)0xC2;              /* «  */
    buf[1] = (char)0xAB;
    buf[2] = (char)c;
    buf[3] = (char)0xC2; /* » */
    buf[4] = (char)0xBB;
    buf[5] = 0;
    return buf;
}

static int hex4(const unsigned char *p, const unsigned char *end, unsigned *out)
{
    if (end - p < 4)
        return 0;
    unsigned v = 0;
    for (int i = 0; i < 4; i++) {
        unsigned char c = p[i];
        v <<= 4;
        if (c >= '0' && c <= '9')
            v |= (unsigned)(c - '0');
        else if (c >= 'a' && c <= 'f')
            v |= (unsigned)(c - 'a' + 10);
        else if (c >= 'A' && c <= 'F')
            v |= (unsigned)(c - 'A' + 10);
        else
            return 0;
    }
    *out = v;
    return 1;
}

static void put_utf8(SimBuf *b, unsigned cp)
{
    char t[4];
    size_t n;
    if (cp < 0x80) {
        t[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        t[0] = (char)(0xC0 | (cp >> 6));
        t[1] = (char)(0x80 | (cp & 0x3F));
        n = 2;
    } else if (cp < 0x10000) {
        t[0] = (char)(0xE0 | (cp >> 12));
        t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[2] = (char)(0x80 | (cp & 0x3F));
        n = 3;
    } else {
        t[0] = (char)(0xF0 | (cp >> 18));
        t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
        t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
        t[3] = (char)(0x80 | (cp & 0x3F));
        n = 4;
    }
    simbuf_append(b, t, n);
}

/* Scans a string at s->p (on the opening quote). When out is not NULL, the decoded text is
 * appended to it (used for keys). */
static void scan_string(Scan *s, SimBuf *out)
{
    const unsigned char *open = s->p;
    s->p++;
    for (;;) {
        if (s->p >= s->end) {
            fail_at(s, open, tr(STR_JSON_UNCLOSED_STRING), NULL);
            return;
        }
        unsigned char c = *s->p;
        if (c == '"') {
            s->p++;
            return;
        }
        if ((size_t)(s->p - open) > JSONSCAN_MAX_STRING) {
            /* No text a trainee reads is this long; laying one out would freeze the window
             * (issue #16, finding 6). */
            char msg[200];
            snprintf(msg, sizeof msg, tr(STR_JSON_STRING_TOO_LONG), (unsigned)JSONSCAN_MAX_STRING);
            fail_at(s, open, msg, NULL);
            return;
        }
        if (c < 0x20) {
            fail_at(s, s->p, tr(STR_JSON_CONTROL_IN_STRING), NULL);
            return;
        }
        if (c == '\\') {
            const unsigned char *esc = s->p;
            if (s->end - s->p < 2) {
                fail_at(s, esc, tr(STR_JSON_STRING_ENDS_BACKSLASH), NULL);
                return;
            }
            unsigned char e = s->p[1];
            const char *simple = strchr("\"\\/bfnrt", e);
            if (e && simple) {
                if (out) {
                    static const char map[] = "\"\\/\b\f\n\r\t";
                    simbuf_append(out, &map[simple - "\"\\/bfnrt"], 1);
                }
                s->p += 2;
                continue;
            }
            if (e != 'u') {
                fail_at(s, esc, tr(STR_JSON_BAD_ESCAPE), NULL);
                return;
            }
            unsigned cp;
            if (!hex4(s->p + 2, s->end, &cp)) {
                fail_at(s, esc, tr(STR_JSON_BAD_U_ESCAPE), NULL);
                return;
            }
            s->p += 6;
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                unsigned lo;
                if (s->end - s->p >= 6 && s->p[0] == '\\' && s->p[1] == 'u' &&
                    hex4(s->p + 2, s->end, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    s->p += 6;
                } else {
                    fail_at(s, esc, tr(STR_JSON_LONE_SURROGATE), NULL);
                    return;
                }
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                fail_at(s, esc, tr(STR_JSON_LONE_SURROGATE), NULL);
                return;
            }
            if (cp == 0) {
                fail_at(s, esc, tr(STR_JSON_NUL_CHAR), NULL);
                return;
            }
            if (out)
                put_utf8(out, cp);
            continue;
        }
        int n = sim_utf8_seq(s->p, s->end);
        if (!n) {
            fail_at(s, s->p, tr(STR_JSON_NOT_UTF8), NULL);
            return;
        }
        if (out)
            simbuf_append(out, (const char *)s->p, (size_t)n);
        s->p += n;
    }
}

static void scan_number(Scan *s)
{
    const unsigned char *start = s->p;
    const unsigned char *p = s->p;
    if (p < s->end && *p == '-')
        p++;
    if (p >= s->end || !(*p >= '0' && *p <= '9')) {
        fail_at(s, start, tr(STR_JSON_NUMBER_MINUS), NULL);
        return;
    }
    if (*p == '0') {
        p++;
        if (p < s->end && *p >= '0' && *p <= '9') {
            fail_at(s, start, tr(STR_JSON_NUMBER_LEADING_ZERO), NULL);
            return;
        }
    } else {
        while (p < s->end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < s->end && *p == '.') {
        p++;
        if (p >= s->end || !(*p >= '0' && *p <= '9')) {
            fail_at(s, start, tr(STR_JSON_NUMBER_DOT), NULL);
            return;
        }
        while (p < s->end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p < s->end && (*p == 'e' || *p == 'E')) {
        p++;
        if (p < s->end && (*p == '+' || *p == '-'))
            p++;
        if (p >= s->end || !(*p >= '0' && *p <= '9')) {
            fail_at(s, start, tr(STR_JSON_NUMBER_EXPONENT), NULL);
            return;
        }
        while (p < s->end && *p >= '0' && *p <= '9')
            p++;
    }
    if (p - start > JSONSCAN_MAX_NUMBER) {
        fail_at(s, start, tr(STR_JSON_NUMBER_TOO_LONG), NULL);
        return;
    }
    s->p = p;
}

static int scan_literal(Scan *s, const char *word)
{
    size_t n = strlen(word);
    if ((size_t)(s->end - s->p) >= n && memcmp(s->p, word, n) == 0) {
        s->p += n;
        return 1;
    }
    return 0;
}

/* Records a key of object obj; reports a duplicate with both positions. */
static void note_key(Scan *s, uint64_t obj, const char *key, int line, int col)
{
    uint64_t h = str_hash(key, strlen(key)) ^ (obj * 0x9e3779b97f4a7c15ULL);
    size_t cur = SIM_MAP_START;
    for (const uint32_t *i; (i = sim_map_next(&s->key_index, h, &cur)) != NULL;) {
        const KeySeen *k = &s->keys[*i];
        if (k->obj == obj && strcmp(k->key, key) == 0) {
            s->bad = 1;
            simdiags_add(s->diags, SIM_SEV_ERROR, s->file, line, col, simbuf_str(&s->path),
                         tr(STR_JSON_DUPLICATE_KEY), key, k->line, k->col);
            return;
        }
    }
    if (s->nkeys == s->keycap) {
        size_t cap = s->keycap ? s->keycap * 2 : 128;
        KeySeen *k = realloc(s->keys, cap * sizeof *k);
        if (!k)
            return;
        s->keys = k;
        s->keycap = cap;
    }
    KeySeen *k = &s->keys[s->nkeys];
    if (!(k->key = sim_strdup(key)))
        return;
    if (!sim_map_add(&s->key_index, h, (uint32_t)s->nkeys)) {
        free(k->key);
        return;
    }
    k->obj = obj;
    k->line = line;
    k->col = col;
    s->nkeys++;
}

static void scan_value(Scan *s, int depth)
{
    skip_ws(s);
    if (s->failed)
        return;
    if (s->p >= s->end) {
        fail_at(s, s->p, tr(STR_JSON_TRUNCATED), NULL);
        return;
    }
    pos_add(s->map, simbuf_str(&s->path), s->path.len, s->line, col_of(s, s->p));
    unsigned char c = *s->p;
    if (c == '{' || c == '[') {
        if (depth >= JSONSCAN_MAX_DEPTH) {
            fail_at(s, s->p, tr(STR_JSON_TOO_DEEP), NULL);
            return;
        }
    }
    if (c == '{') {
        uint64_t obj = ++s->obj_serial;
        s->p++;
        skip_ws(s);
        if (s->p < s->end && *s->p == '}') {
            s->p++;
            return;
        }
        for (;;) {
            skip_ws(s);
            if (s->p >= s->end || *s->p != '"') {
                if (s->p < s->end && *s->p == '}')
                    fail_at(s, s->p, tr(STR_JSON_TRAILING_COMMA_OBJECT), NULL);
                else
                    fail_at(s, s->p, tr(STR_JSON_EXPECTED_KEY), describe(s));
                return;
            }
            int kline = s->line, kcol = col_of(s, s->p);
            SimBuf key;
            simbuf_init(&key);
            scan_string(s, &key);
            if (s->failed) {
                simbuf_free(&key);
                return;
            }
            size_t saved = s->path.len;
            jsonpath_append_key(&s->path, simbuf_str(&key));
            note_key(s, obj, simbuf_str(&key), kline, kcol);
            simbuf_free(&key);
            skip_ws(s);
            if (s->p >= s->end || *s->p != ':') {
                fail_at(s, s->p, tr(STR_JSON_EXPECTED_COLON), describe(s));
                return;
            }
            s->p++;
            scan_value(s, depth + 1);
            s->path.len = saved;
            if (s->path.data)
                s->path.data[saved] = '\0';
            if (s->failed)
                return;
            skip_ws(s);
            if (s->p < s->end && *s->p == ',') {
                s->p++;
                continue;
            }
            if (s->p < s->end && *s->p == '}') {
                s->p++;
                return;
            }
            fail_at(s, s->p, tr(STR_JSON_EXPECTED_COMMA_BRACE), describe(s));
            return;
        }
    }
    if (c == '[') {
        s->p++;
        skip_ws(s);
        if (s->p < s->end && *s->p == ']') {
            s->p++;
            return;
        }
        for (size_t i = 0;; i++) {
            size_t saved = s->path.len;
            simbuf_printf(&s->path, "[%zu]", i);
            skip_ws(s);
            if (s->p < s->end && *s->p == ']') {
                fail_at(s, s->p, tr(STR_JSON_TRAILING_COMMA_ARRAY), NULL);
                return;
            }
            scan_value(s, depth + 1);
            s->path.len = saved;
            if (s->path.data)
                s->path.data[saved] = '\0';
            if (s->failed)
                return;
            skip_ws(s);
            if (s->p < s->end && *s->p == ',') {
                s->p++;
                continue;
            }
            if (s->p < s->end && *s->p == ']') {
                s->p++;
                return;
            }
            fail_at(s, s->p, tr(STR_JSON_EXPECTED_COMMA_BRACKET), describe(s));
            return;
        }
    }
    if (c == '"') {
        scan_string(s, NULL);
        return;
    }
    if (c == '-' || (c >= '0' && c <= '9')) {
        scan_number(s);
        return;
    }
    if (scan_literal(s, "true") || scan_literal(s, "false") || scan_literal(s, "null"))
        return;
    fail_at(s, s->p, tr(STR_JSON_EXPECTED_VALUE), describe(s));
}

int jsonscan(const char *text, size_t len, const char *file, SimDiags *diags, JsonPosMap **out)
{
    *out = NULL;
    Scan s;
    memset(&s, 0, sizeof s);
    s.start = s.p = s.line_start = (const unsigned char *)text;
    s.end = s.p + len;
    s.file = file;
    s.diags = diags;
    s.line = 1;
    simbuf_init(&s.path);
    simbuf_puts(&s.path, "");
    s.map = calloc(1, sizeof *s.map);
    if (!s.map) {
        simdiags_add(diags, SIM_SEV_ERROR, file, 0, 0, "", "%s", tr(STR_JSON_NOMEM));
        return 0;
    }
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        simdiags_add(diags, SIM_SEV_ERROR, file, 1, 1, "", "%s", tr(STR_JSON_BOM));
        s.bad = 1;
        s.failed = 1;
    }
    if (!s.failed) {
        scan_value(&s, 0);
        skip_ws(&s);
        if (!s.failed && s.p < s.end)
            fail_at(&s, s.p, tr(STR_JSON_TRAILING_TEXT), describe(&s));
    }
    for (size_t i = 0; i < s.nkeys; i++)
        free(s.keys[i].key);
    free(s.keys);
    sim_map_free(&s.key_index);
    simbuf_free(&s.path);
    if (s.bad) {
        jsonpos_free(s.map);
        return 0;
    }
    *out = s.map;
    return 1;
}
