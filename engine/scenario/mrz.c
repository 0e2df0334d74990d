/*
 * mrz.c — the machine-readable zone of a passport from its fields (see mrz.h for the layout
 * and the sources). Pure string work on fixed buffers.
 */
#include "mrz.h"

#include "../core/i18n.h"

#include <stdio.h>
#include <string.h>

/* ==== characters and check digits ========================================================= */

int mrz_char_value(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    if (c == '<')
        return 0;
    return -1;
}

int mrz_check_digit(const char *s, size_t n)
{
    static const int weight[3] = {7, 3, 1};
    int sum = 0;
    for (size_t i = 0; i < n; i++) {
        int v = mrz_char_value(s[i]);
        if (v < 0)
            return -1;
        sum += v * weight[i % 3];
    }
    return sum % 10;
}

/* ==== transliteration ===================================================================== */

/* Capital Cyrillic А (U+0410) … Я (U+042F), in order. The Russian internal passport gives each
 * letter exactly one character (digits stand for the letters Latin has no single letter for);
 * ICAO 9303 Part 3 spells them out. Ё (U+0401) is handled apart. */
static const char *const ru_internal[32] = {"A", "B", "V", "G", "D", "E", "J", "Z", "I", "Q", "K",
                                            "L", "M", "N", "O", "P", "R", "S", "T", "U", "F", "H",
                                            "C", "3", "4", "W", "X", "Y", "9", "6", "7", "8"};
static const char *const ru_icao[32] = {"A",  "B",    "V",  "G", "D", "E",  "ZH", "Z",
                                        "I",  "I",    "K",  "L", "M", "N",  "O",  "P",
                                        "R",  "S",    "T",  "U", "F", "KH", "TS", "CH",
                                        "SH", "SHCH", "IE", "Y", "",  "E",  "IU", "IA"};

size_t mrz_translit(const char *name, MrzTranslit t, char *out, size_t cap)
{
    size_t n = 0;
    if (cap == 0)
        return 0;
    const unsigned char *p = (const unsigned char *)(name ? name : "");
    while (*p) {
        const char *piece = NULL;
        char one[2] = {0, 0};
        if (*p < 0x80) {
            char c = (char)*p++;
            if (c >= 'a' && c <= 'z')
                c = (char)(c - 'a' + 'A');
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
                one[0] = c;
            else if (c == ' ' || c == '-' || c == '<')
                one[0] = '<'; /* parts of a double name are kept apart by one filler */
            piece = one;
        } else {
            int len = sim_utf8_seq(p, p + strlen((const char *)p));
            if (len == 0) { /* not UTF-8: skip the byte */
                p++;
                continue;
            }
            unsigned cp = len == 2 ? ((p[0] & 0x1Fu) << 6) | (p[1] & 0x3Fu) : 0;
            p += len;
            if (cp >= 0x430 && cp <= 0x44F)
                cp -= 0x20; /* lower case to capital */
            if (cp == 0x401 || cp == 0x451)
                piece = t == MRZ_TRANSLIT_RU_INTERNAL ? "2" : "E";
            else if (cp >= 0x410 && cp <= 0x42F)
                piece = (t == MRZ_TRANSLIT_RU_INTERNAL ? ru_internal : ru_icao)[cp - 0x410];
            else
                piece = ""; /* marks such as ‘ in O‘ZBEKISTON carry nothing */
        }
        for (const char *q = piece; *q && n + 1 < cap; q++) {
            if (*q == '<' && (n == 0 || out[n - 1] == '<'))
                continue; /* no leading or doubled filler from spaces */
            out[n++] = *q;
        }
    }
    while (n > 0 && out[n - 1] == '<')
        n--;
    out[n] = '\0';
    return n;
}

/* ==== the TD3 zone ======================================================================== */

/* Copies src into dst[0..width), padding with '<'; returns 0, or -1 on a character a zone
 * cannot carry. */
static int put(char *dst, const char *src, size_t width)
{
    size_t i = 0;
    for (; src && src[i] && i < width; i++) {
        if (mrz_char_value(src[i]) < 0)
            return -1;
        dst[i] = src[i];
    }
    for (; i < width; i++)
        dst[i] = '<';
    return 0;
}

static int all_filler(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != '<')
            return 0;
    return 1;
}

/* The check digit of s[0..n) as a character ('<' for an empty field when blank is set). */
static char check_char(const char *s, size_t n, int blank)
{
    if (blank && all_filler(s, n))
        return '<';
    return (char)('0' + mrz_check_digit(s, n));
}

SimStatus mrz_td3(const MrzTd3 *in, MrzZone *out, SimError *err)
{
    char *a = out->line[0], *b = out->line[1];
    struct {
        char *dst;
        const char *src;
        size_t width;
        const char *what;
    } parts[] = {
        {a, in->doc_code, 2, "doc_code"},
        {a + 2, in->state, 3, "state"},
        {a + 5, in->name, 39, "name"},
        {b, in->number, 9, "number"},
        {b + 10, in->nationality, 3, "nationality"},
        {b + 13, in->birth, 6, "birth"},
        {b + 21, in->expiry, 6, "expiry"},
        {b + 28, in->optional, 14, "optional"},
    };
    for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++)
        if (put(parts[i].dst, parts[i].src, parts[i].width) != 0)
            return sim_error_set(err, SIM_ERR_INVALID, tr(STR_MRZ_BAD_CHAR), parts[i].what);
    a[MRZ_TD3_LEN] = '\0';
    b[9] = check_char(b, 9, 0);
    b[19] = check_char(b + 13, 6, 0);
    b[20] = in->sex == 'M' || in->sex == 'F' ? in->sex : '<';
    b[27] = check_char(b + 21, 6, in->blank_checks);
    b[42] = check_char(b + 28, 14, 1);
    /* The composite digit covers the number, birth date and expiry with their check digits and
     * the optional data with its own: positions 1–10, 14–20 and 22–43. */
    char comp[10 + 7 + 22];
    memcpy(comp, b, 10);
    memcpy(comp + 10, b + 13, 7);
    memcpy(comp + 17, b + 21, 22);
    b[43] = (char)('0' + mrz_check_digit(comp, sizeof comp));
    b[MRZ_TD3_LEN] = '\0';
    return SIM_OK;
}

/* ==== from a document ===================================================================== */

static const char *field(const Document *d, const char *key)
{
    int f = document_find_field(d, key);
    return f >= 0 ? d->fields[f].value : NULL;
}

/* "ДД.ММ.ГГГГ" (possibly followed by more text) into "YYMMDD"; -1 when it is not a date. */
static int yymmdd(const char *date, char out[7])
{
    if (!date || strlen(date) < 10)
        return -1;
    for (int i = 0; i < 10; i++)
        if (i == 2 || i == 5 ? date[i] != '.' : (date[i] < '0' || date[i] > '9'))
            return -1;
    const char v[6] = {date[8], date[9], date[3], date[4], date[0], date[1]};
    memcpy(out, v, 6);
    out[6] = '\0';
    return 0;
}

/* Only the digits of s (at most cap-1 of them). */
static size_t digits(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (; s && *s && n + 1 < cap; s++)
        if (*s >= '0' && *s <= '9')
            out[n++] = *s;
    out[n] = '\0';
    return n;
}

static char sex_letter(const char *v)
{
    if (!v)
        return '<';
    if (sim_contains_any(v, tr(STR_DOC_SEX_MALE)) || strcmp(v, "M") == 0 || strcmp(v, "m") == 0)
        return 'M';
    if (sim_contains_any(v, tr(STR_DOC_SEX_FEMALE)) || strcmp(v, "F") == 0 || strcmp(v, "f") == 0)
        return 'F';
    return '<';
}

/* "SURNAME<<NAME<PATRONYMIC" cut at 39 characters: when it does not fit, the rules keep the
 * surname and shorten the later parts, which is what cutting the end does. */
static void join_name(const char *surname, const char *given, const char *third, MrzTranslit t,
                      char out[40])
{
    char part[3][128];
    mrz_translit(surname, t, part[0], sizeof part[0]);
    mrz_translit(given, t, part[1], sizeof part[1]);
    mrz_translit(third, t, part[2], sizeof part[2]);
    char all[400];
    size_t n = (size_t)snprintf(all, sizeof all, "%s<<%s%s%s", part[0], part[1],
                                part[2][0] ? "<" : "", part[2]);
    if (n > 39)
        n = 39;
    memcpy(out, all, n);
    out[n] = '\0';
}

/* The Latin half of a bilingual value ("КУЗНЕЦОВА / KUZNETSOVA"), or the value itself. */
static const char *latin_part(const char *v)
{
    const char *slash = v ? strrchr(v, '/') : NULL;
    if (!slash)
        return v;
    slash++;
    while (*slash == ' ')
        slash++;
    return slash;
}

static int has_cyrillic(const char *v)
{
    for (const unsigned char *p = (const unsigned char *)(v ? v : ""); *p; p++)
        if (*p == 0xD0 || *p == 0xD1)
            return 1;
    return 0;
}

/* The issuing state of a travel passport from its "country" field (a few neighbours the
 * scenarios meet), RUS for a Russian one (its name printed in Cyrillic); NULL when unknown. */
static const char *state_of(const Document *d)
{
    /* The table's list is "WORD=CODE|WORD=CODE|…" (the words in English and Russian). */
    static char code[4];
    const char *c = field(d, "country");
    for (const char *p = tr(STR_MRZ_STATES); c && *p;) {
        size_t n = strcspn(p, "|"), eq = strcspn(p, "=");
        if (eq < n && n - eq == 4) {
            char word[64];
            snprintf(word, sizeof word, "%.*s", (int)(eq < 63 ? eq : 63), p);
            if (strstr(c, word)) {
                memcpy(code, p + eq + 1, 3);
                code[3] = '\0';
                return code;
            }
        }
        p += n + (p[n] == '|');
    }
    if (has_cyrillic(field(d, "surname")))
        return "RUS";
    return NULL;
}

static SimStatus from_rf(const Document *d, MrzZone *out, SimError *err)
{
    char series[8], number[10], birth[7], issued[7], division[8], name[40];
    if (digits(field(d, "series"), series, sizeof series) != 4)
        return sim_error_set(err, SIM_ERR_INVALID, tr(STR_MRZ_BAD_FIELD), d->id, "series");
    if (digits(field(d, "number"), number, sizeof number) != 6)
        return sim_error_set(err, SIM_ERR_INVALID, tr(STR_MRZ_BAD_FIELD), d->id, "number");
    if (yymmdd(field(d, "birth_date"), birth) != 0)
        return sim_error_set(err, SIM_ERR_INVALID, tr(STR_MRZ_BAD_FIELD), d->id, "birth_date");
    if (yymmdd(field(d, "issue_date"), issued) != 0)
        return sim_error_set(err, SIM_ERR_INVALID, tr(STR_MRZ_BAD_FIELD), d->id, "issue_date");
    if (digits(field(d, "division_code"), division, sizeof division) != 6)
        return sim_error_set(err, SIM_ERR_INVALID, tr(STR_MRZ_BAD_FIELD), d->id, "division_code");
    join_name(field(d, "surname"), field(d, "name"), field(d, "patronymic"),
              MRZ_TRANSLIT_RU_INTERNAL, name);
    /* The number is the first three digits of the series and the six of the number; the last
     * digit of the series opens the optional data, followed by the issue date and the division
     * code. There is no expiry date: its six places and its check digit stay '<'. */
    char docno[10], optional[15];
    memcpy(docno, series, 3);
    memcpy(docno + 3, number, 7);
    optional[0] = series[3];
    memcpy(optional + 1, issued, 6);
    memcpy(optional + 7, division, 7);
    MrzTd3 z = {.doc_code = "PN",
                .state = "RUS",
                .name = name,
                .number = docno,
                .nationality = "RUS",
                .birth = birth,
                .sex = sex_letter(field(d, "sex")),
                .expiry = "",
                .optional = optional,
                .blank_checks = 1};
    return mrz_td3(&z, out, err);
}

static SimStatus from_foreign(const Document *d, MrzZone *out, SimError *err)
{
    char number[16], birth[7], expiry[7], name[40];
    const char *state = state_of(d);
    if (!state)
        return sim_error_set(err, SIM_ERR_INVALID, tr(STR_MRZ_NO_STATE), d->id);
    size_t n = 0;
    for (const char *p = field(d, "number"); p && *p && n + 1 < sizeof number; p++)
        if ((*p >= '0' && *p <= '9') || (*p >= 'A' && *p <= 'Z'))
            number[n++] = *p;
    number[n] = '\0';
    if (n == 0 || n > 9)
        return sim_error_set(err, SIM_ERR_INVALID, tr(STR_MRZ_BAD_FIELD), d->id, "number");
    if (yymmdd(field(d, "birth_date"), birth) != 0)
        return sim_error_set(err, SIM_ERR_INVALID, tr(STR_MRZ_BAD_FIELD), d->id, "birth_date");
    if (yymmdd(field(d, "expiry_date"), expiry) != 0)
        return sim_error_set(err, SIM_ERR_INVALID, tr(STR_MRZ_BAD_FIELD), d->id, "expiry_date");
    join_name(latin_part(field(d, "surname")), latin_part(field(d, "name")), NULL,
              MRZ_TRANSLIT_ICAO, name);
    MrzTd3 z = {.doc_code = "P<",
                .state = state,
                .name = name,
                .number = number,
                .nationality = state,
                .birth = birth,
                .sex = sex_letter(field(d, "sex")),
                .expiry = expiry,
                .optional = "",
                .blank_checks = 1};
    return mrz_td3(&z, out, err);
}

SimStatus mrz_from_document(const Document *d, MrzZone *out, SimError *err)
{
    if (strcmp(d->type, "passport_rf") == 0)
        return from_rf(d, out, err);
    if (strcmp(d->type, "passport_foreign") == 0)
        return from_foreign(d, out, err);
    return sim_error_set(err, SIM_ERR_INVALID, tr(STR_MRZ_NO_ZONE), d->id, d->type);
}

int mrz_rf_has_zone(const char *issue_date)
{
    char d[7];
    if (yymmdd(issue_date, d) != 0)
        return 0;
    int year = (issue_date[6] - '0') * 1000 + (issue_date[7] - '0') * 100 +
               (issue_date[8] - '0') * 10 + (issue_date[9] - '0');
    int month = (issue_date[3] - '0') * 10 + (issue_date[4] - '0');
    return year > 2011 || (year == 2011 && month >= 7);
}
