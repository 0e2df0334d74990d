/*
 * core.c — implementation of the shared utilities declared in core.h.
 * Nothing here prints, exits or aborts: failures come back as statuses.
 */
#include "core.h"

#include "i18n.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

/* ==== errors ============================================================================ */

SimStatus sim_error_set(SimError *err, SimStatus status, const char *fmt, ...)
{
    if (err) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(err->msg, sizeof err->msg, fmt, ap);
        va_end(ap);
        err->status = status;
    }
    return status;
}

void sim_error_clear(SimError *err)
{
    if (err) {
        err->status = SIM_OK;
        err->msg[0] = '\0';
    }
}

/* ==== buffer ============================================================================ */

void simbuf_init(SimBuf *b)
{
    memset(b, 0, sizeof *b);
}

void simbuf_free(SimBuf *b)
{
    free(b->data);
    simbuf_init(b);
}

static int simbuf_reserve(SimBuf *b, size_t extra)
{
    if (b->oom)
        return 0;
    if (b->len + extra + 1 <= b->cap)
        return 1;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < b->len + extra + 1) {
        if (cap > SIZE_MAX / 2) {
            b->oom = 1;
            return 0;
        }
        cap *= 2;
    }
    char *p = realloc(b->data, cap);
    if (!p) {
        b->oom = 1;
        return 0;
    }
    b->data = p;
    b->cap = cap;
    return 1;
}

void simbuf_append(SimBuf *b, const char *s, size_t n)
{
    if (!simbuf_reserve(b, n))
        return;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void simbuf_puts(SimBuf *b, const char *s)
{
    simbuf_append(b, s, strlen(s));
}

void simbuf_vprintf(SimBuf *b, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0 || !simbuf_reserve(b, (size_t)n))
        return;
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void simbuf_printf(SimBuf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    simbuf_vprintf(b, fmt, ap);
    va_end(ap);
}

char *simbuf_take(SimBuf *b)
{
    char *s = b->data;
    if (!s || b->oom) {
        free(s);
        s = calloc(1, 1);
    }
    simbuf_init(b);
    return s;
}

const char *simbuf_str(const SimBuf *b)
{
    return b->data ? b->data : "";
}

/* ==== strings and files ================================================================= */

char *sim_strdup(const char *s)
{
    return s ? sim_strndup(s, strlen(s)) : NULL;
}

char *sim_strndup(const char *s, size_t n)
{
    if (!s)
        return NULL;
    char *p = malloc(n + 1);
    if (!p)
        return NULL;
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

SimStatus sim_read_file(const char *path, size_t max_size, char **out, size_t *len, SimError *err)
{
    *out = NULL;
    if (len)
        *len = 0;
    /* Opened without blocking, then checked: a FIFO or a device put where a file belongs
     * would otherwise hang the program forever at open() or read() (issue #16). */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return sim_error_set(err, SIM_ERR_IO, "%s: %s", path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return sim_error_set(err, SIM_ERR_INVALID, tr(STR_ERR_NOT_REGULAR_FILE), path);
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    FILE *f = fdopen(fd, "rb");
    if (!f) {
        close(fd);
        return sim_error_set(err, SIM_ERR_IO, "%s: %s", path, strerror(errno));
    }
    SimBuf b;
    simbuf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (b.len + n > max_size) {
            fclose(f);
            simbuf_free(&b);
            return sim_error_set(err, SIM_ERR_INVALID, "%s: file is larger than %zu bytes", path,
                                 max_size);
        }
        simbuf_append(&b, chunk, n);
    }
    int failed = ferror(f);
    fclose(f);
    if (failed) {
        simbuf_free(&b);
        return sim_error_set(err, SIM_ERR_IO, "%s: read error", path);
    }
    if (b.oom) {
        simbuf_free(&b);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s: out of memory", path);
    }
    size_t total = b.len;
    *out = simbuf_take(&b);
    if (len)
        *len = total;
    return SIM_OK;
}

int sim_is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int sim_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

int sim_is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

char *sim_path_join(const char *a, const char *b)
{
    SimBuf buf;
    simbuf_init(&buf);
    simbuf_puts(&buf, a);
    if (buf.len && buf.data[buf.len - 1] != '/')
        simbuf_puts(&buf, "/");
    simbuf_puts(&buf, b);
    return simbuf_take(&buf);
}

uint64_t sim_hash_fnv1a(uint64_t h, const void *data, size_t n)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 0x100000001b3ULL;
    }
    return h;
}

int sim_edit_distance(const char *a, const char *b, int cap)
{
    /* Optimal string alignment: insertions, deletions, substitutions and adjacent
     * transpositions each cost 1, so "nxet" is one step from "next". */
    size_t la = strlen(a), lb = strlen(b);
    if (la > 64 || lb > 64)
        return cap + 1;
    if ((int)(la > lb ? la - lb : lb - la) > cap)
        return cap + 1;
    int d[65][65];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = (int)i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = (int)j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            int cost = a[i - 1] != b[j - 1];
            int m = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < m)
                m = d[i][j - 1] + 1;
            if (d[i - 1][j - 1] + cost < m)
                m = d[i - 1][j - 1] + cost;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < m)
                m = d[i - 2][j - 2] + 1;
            d[i][j] = m;
        }
    return d[la][lb] > cap ? cap + 1 : d[la][lb];
}

size_t sim_utf8_len(const char *s, size_t n)
{
    size_t count = 0;
    for (size_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

void sim_format_clock(double minutes, char *out, size_t out_size)
{
    if (minutes < 0)
        minutes = 0;
    long secs = lround(minutes * 60.0);
    snprintf(out, out_size, "%ld:%02ld", secs / 60, secs % 60);
}

size_t sim_format_ll(long long v, char out[24])
{
    char tmp[24];
    size_t n = 0;
    /* In unsigned arithmetic, so that LLONG_MIN has a magnitude too. */
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    size_t k = 0;
    if (v < 0)
        out[k++] = '-';
    while (n)
        out[k++] = tmp[--n];
    out[k] = '\0';
    return k;
}

void sim_format_number(double v, char *out, size_t out_size)
{
    if (v == floor(v) && fabs(v) < 1e15) {
        if (out_size >= 24 && !(v == 0 && signbit(v))) /* "-0" stays printf's */
            sim_format_ll((long long)v, out);
        else
            snprintf(out, out_size, "%.0f", v);
        return;
    }
#if LDBL_MANT_DIG >= 64
    /* What "%.2f" prints, without printf (a report of 100,000 trainees writes 200,000 of
     * these): v × 100 is exact in a 64-bit mantissa (53 + 7 bits), so rounding it to an integer
     * in the default mode rounds half to even on the exact value, as glibc's printf does. */
    if (v > 0 && v < 1e15 && out_size >= 32) {
        long long k = (long long)nearbyintl((long double)v * 100.0L);
        size_t n = sim_format_ll(k / 100, out);
        int c = (int)(k % 100);
        if (c) {
            out[n++] = '.';
            out[n++] = (char)('0' + c / 10);
            if (c % 10)
                out[n++] = (char)('0' + c % 10);
        }
        out[n] = '\0';
        return;
    }
#endif
    snprintf(out, out_size, "%.2f", v);
    /* Trim trailing zeros so output stays short and stable: 0.50 → 0.5. */
    size_t n = strlen(out);
    while (n > 0 && out[n - 1] == '0')
        out[--n] = '\0';
    if (n > 0 && out[n - 1] == '.')
        out[--n] = '\0';
}

/* ==== rng =============================================================================== */

void simrng_seed(SimRng *r, uint64_t seed)
{
    r->state = seed;
}

uint64_t simrng_next(SimRng *r)
{
    uint64_t z = (r->state += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

uint64_t simrng_below(SimRng *r, uint64_t n)
{
    /* Rejection sampling keeps the distribution uniform. */
    uint64_t limit = UINT64_MAX - UINT64_MAX % n;
    uint64_t x;
    do {
        x = simrng_next(r);
    } while (x >= limit);
    return x % n;
}

double simrng_double(SimRng *r)
{
    return (double)(simrng_next(r) >> 11) * (1.0 / 9007199254740992.0);
}

/* Decodes one UTF-8 sequence; returns its length or 0 when invalid. */
int sim_utf8_seq(const unsigned char *p, const unsigned char *end)
{
    unsigned c = p[0];
    if (c < 0x80)
        return 1;
    int n;
    unsigned cp;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2;
        cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3;
        cp = c & 0x0F;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (end - p < n)
        return 0;
    for (int i = 1; i < n; i++) {
        if ((p[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (p[i] & 0x3F);
    }
    if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return 0;
    return n;
}

int sim_utf8_valid(const char *s, size_t n)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    while (p < end) {
        int k = sim_utf8_seq(p, end);
        if (!k)
            return 0;
        p += k;
    }
    return 1;
}

char *sim_strdup_clean(const char *s)
{
    const unsigned char *p = (const unsigned char *)s, *end = p + strlen(s);
    /* Most text is clean already: then one copy (a report's table cleans a million cells). */
    const unsigned char *q = p;
    while (q < end) {
        if (*q < 0x80 && *q >= 0x20 && *q != 0x7f) {
            q++;
            continue;
        }
        int n = *q >= 0x80 ? sim_utf8_seq(q, end) : 0;
        if (!n)
            break;
        q += n;
    }
    char *copy = q == end ? sim_strndup(s, (size_t)(end - p)) : NULL;
    if (copy)
        return copy;
    SimBuf b;
    simbuf_init(&b);
    while (p < end) {
        if (*p < 0x20 || *p == 0x7f) {
            simbuf_puts(&b, " "); /* no escape sequences, tabs or line breaks in a cell */
            p++;
            continue;
        }
        int n = sim_utf8_seq(p, end);
        if (n) {
            simbuf_append(&b, (const char *)p, (size_t)n);
            p += n;
        } else {
            simbuf_puts(&b, "\xEF\xBF\xBD"); /* U+FFFD */
            p++;
        }
    }
    return simbuf_take(&b);
}

/* ==== word lists ============================================================================ */

/* 1 when text[0..tl) holds w[0..n) somewhere (memmem is not C11). */
static int holds_bytes(const char *text, size_t tl, const char *w, size_t n)
{
    for (size_t i = 0; i + n <= tl; i++)
        if (memcmp(text + i, w, n) == 0)
            return 1;
    return 0;
}

/* 1 when text matches any '|'-separated alternative of list (whole, or as a part). */
static int any_of(const char *text, const char *list, int whole)
{
    if (!text || !list)
        return 0;
    size_t tl = strlen(text);
    for (const char *p = list; *p;) {
        size_t n = strcspn(p, "|");
        if (n > 0) {
            if (whole ? (n == tl && memcmp(text, p, n) == 0) : holds_bytes(text, tl, p, n))
                return 1;
        }
        p += n;
        if (*p == '|')
            p++;
    }
    return 0;
}

int sim_contains_any(const char *text, const char *alternatives)
{
    return any_of(text, alternatives, 0);
}

int sim_equals_any(const char *text, const char *alternatives)
{
    return any_of(text, alternatives, 1);
}
