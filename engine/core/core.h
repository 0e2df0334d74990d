/*
 * core.h — status codes, error records and small utilities shared by every module.
 *
 * Owns: SimStatus/SimError (the engine never prints or exits; fallible functions return a
 * status and fill a caller-provided SimError), the growable string buffer SimBuf, file
 * reading, hashing, the deterministic RNG and "did you mean" suggestions.
 * Depends on: libc only.
 */
#ifndef SIM_CORE_H
#define SIM_CORE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

typedef enum SimStatus {
    SIM_OK = 0,
    SIM_ERR_IO,      /* a file could not be read or written */
    SIM_ERR_PARSE,   /* malformed input (JSON, saved state) */
    SIM_ERR_INVALID, /* well-formed but meaningless input (unknown ids, bad values) */
    SIM_ERR_SCRIPT,  /* a scenario script failed or exceeded a budget */
    SIM_ERR_STATE,   /* the operation does not fit the current state */
    SIM_ERR_NOMEM
} SimStatus;

#define SIM_ERROR_MAX 2048

typedef struct SimError {
    SimStatus status;
    char msg[SIM_ERROR_MAX];
} SimError;

/* Sets err (may be NULL) and returns status, so `return sim_error_set(...)` is one line. */
SimStatus sim_error_set(SimError *err, SimStatus status, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void sim_error_clear(SimError *err);

/* ---- growable string buffer ------------------------------------------------------------- */
typedef struct SimBuf {
    char *data; /* always NUL-terminated once anything was appended; owned */
    size_t len;
    size_t cap;
    int oom; /* set when an allocation failed; further appends are ignored */
} SimBuf;

void simbuf_init(SimBuf *b);
void simbuf_free(SimBuf *b);
void simbuf_append(SimBuf *b, const char *s, size_t n);
void simbuf_puts(SimBuf *b, const char *s);
void simbuf_printf(SimBuf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void simbuf_vprintf(SimBuf *b, const char *fmt, va_list ap);
/* Returns the string and leaves b empty; caller frees. Never NULL (empty string on OOM). */
char *simbuf_take(SimBuf *b);
const char *simbuf_str(const SimBuf *b); /* borrowed; "" when empty */

/* ---- strings and files ------------------------------------------------------------------ */
char *sim_strdup(const char *s); /* caller frees; NULL only on OOM or NULL input */
char *sim_strndup(const char *s, size_t n);

/* Reads a whole file up to max_size bytes; caller frees *out. NUL-terminated. */
SimStatus sim_read_file(const char *path, size_t max_size, char **out, size_t *len, SimError *err);
int sim_is_dir(const char *path);
int sim_is_file(const char *path);
int sim_exists(const char *path); /* anything at all: a file, folder, FIFO, device… */
/* Joins two path parts with '/'; caller frees. */
char *sim_path_join(const char *a, const char *b);

/* FNV-1a 64-bit content hash (identity of a scenario version, not a security measure). */
uint64_t sim_hash_fnv1a(uint64_t h, const void *data, size_t n);
#define SIM_HASH_INIT 0xcbf29ce484222325ULL

/* Levenshtein distance over bytes, capped: returns cap+1 when larger. */
int sim_edit_distance(const char *a, const char *b, int cap);

/* Number of UTF-8 code points in s[0..n). */
size_t sim_utf8_len(const char *s, size_t n);
/* The length (1–4) of the valid UTF-8 sequence at p, or 0: overlongs, surrogates, code
 * points past U+10FFFF and truncated sequences are invalid. */
int sim_utf8_seq(const unsigned char *p, const unsigned char *end);
int sim_utf8_valid(const char *s, size_t n); /* 1 when all of s[0..n) is valid UTF-8 */
/* Word lists from the string table are alternatives separated by '|' ("coat|пальто|плащ").
 * sim_contains_any: 1 when text contains any of them; sim_equals_any: 1 when text is one of
 * them. NULL text: 0. */
int sim_contains_any(const char *text, const char *alternatives);
int sim_equals_any(const char *text, const char *alternatives);
/* A copy of s fit for a table cell or a line of a report: invalid UTF-8 becomes U+FFFD and
 * control characters (escape sequences, tabs, line breaks) become spaces. Caller frees. */
char *sim_strdup_clean(const char *s);

/* Formats a minute count as "M:SS" into out (size >= 16). */
void sim_format_clock(double minutes, char *out, size_t out_size);
/* Writes v in decimal into out, NUL-terminated; returns its length. */
size_t sim_format_ll(long long v, char out[24]);
/* Formats a number without trailing zeros: 1 → "1", 0.5 → "0.5", 1.25 → "1.25". */
void sim_format_number(double v, char *out, size_t out_size);

/* ---- deterministic random numbers (splitmix64; same seed, same sequence everywhere) ------ */
typedef struct SimRng {
    uint64_t state;
} SimRng;

void simrng_seed(SimRng *r, uint64_t seed);
uint64_t simrng_next(SimRng *r);
/* Uniform integer in [0, n); n > 0. */
uint64_t simrng_below(SimRng *r, uint64_t n);
/* Uniform double in [0, 1). */
double simrng_double(SimRng *r);

#endif /* SIM_CORE_H */
