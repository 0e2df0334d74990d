/* test_core.c — core utilities: buffers, numbers, clock, RNG, edit distance, JSON writer, the
 * hash set and map, the configuration file. */
#include "core/conf.h"
#include "core/core.h"
#include "core/diag.h"
#include "core/hmap.h"
#include "core/i18n.h"
#include "core/jsonw.h"
#include "../test.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void test_buf(void)
{
    SimBuf b;
    simbuf_init(&b);
    CHECK_STR(simbuf_str(&b), "");
    for (int i = 0; i < 1000; i++)
        simbuf_printf(&b, "%d,", i);
    CHECK(b.len > 3000);
    CHECK(strncmp(b.data, "0,1,2,", 6) == 0);
    char *s = simbuf_take(&b);
    CHECK(b.data == NULL && b.len == 0);
    free(s);
}

static void test_numbers(void)
{
    char t[32];
    sim_format_number(1, t, sizeof t);
    CHECK_STR(t, "1");
    sim_format_number(0.5, t, sizeof t);
    CHECK_STR(t, "0.5");
    sim_format_number(-2.25, t, sizeof t);
    CHECK_STR(t, "-2.25");
    /* The printf-free paths print what "%.0f" and "%.2f" (then trimmed) print, rounding
     * included: ties of the exact binary value go to even, 1.005 is below its tie. */
    static const double probe[] = {0,     -0.0,     1e14 + 0.5, 1.005,   2.675,
                                   0.125, 0.375,    54.335,     99.995,  12.999,
                                   7.1,   1e15 - 1, 123456.785, 0.004999};
    for (size_t i = 0; i < sizeof probe / sizeof *probe; i++) {
        double v = probe[i];
        char want[64];
        if (v == (double)(long long)v && (v != 0 || !signbit(v)))
            snprintf(want, sizeof want, "%.0f", v);
        else {
            snprintf(want, sizeof want, v == 0 ? "%.0f" : "%.2f", v);
            size_t n = strlen(want);
            while (strchr(want, '.') && n > 0 && want[n - 1] == '0')
                want[--n] = '\0';
            if (n > 0 && want[n - 1] == '.')
                want[--n] = '\0';
        }
        sim_format_number(v, t, sizeof t);
        CHECK_STR(t, want);
    }
    for (unsigned k = 1; k < 200000; k += 7) { /* many ratios of small numbers */
        double v = (double)k / 7.0 / 3.0;
        char want[64];
        snprintf(want, sizeof want, "%.2f", v);
        size_t n = strlen(want);
        while (n > 0 && want[n - 1] == '0')
            want[--n] = '\0';
        if (n > 0 && want[n - 1] == '.')
            want[--n] = '\0';
        sim_format_number(v, t, sizeof t);
        if (strcmp(t, want) != 0) {
            CHECK_STR(t, want);
            break;
        }
    }
    char ll[24];
    CHECK(sim_format_ll(-9223372036854775807LL - 1, ll) == 20);
    CHECK_STR(ll, "-9223372036854775808");
    sim_format_ll(0, ll);
    CHECK_STR(ll, "0");
    sim_format_clock(7.5, t, sizeof t);
    CHECK_STR(t, "7:30");
    sim_format_clock(15, t, sizeof t);
    CHECK_STR(t, "15:00");
}

static void test_rng(void)
{
    SimRng a, b;
    simrng_seed(&a, 42);
    simrng_seed(&b, 42);
    int same = 1;
    for (int i = 0; i < 100; i++)
        same &= simrng_next(&a) == simrng_next(&b);
    CHECK(same);
    simrng_seed(&a, 7);
    int inrange = 1;
    for (int i = 0; i < 1000; i++)
        inrange &= simrng_below(&a, 6) < 6;
    CHECK(inrange);
    double d = simrng_double(&a);
    CHECK(d >= 0 && d < 1);
}

static void test_edit_distance(void)
{
    CHECK_INT(sim_edit_distance("greet", "gret", 3), 1);
    CHECK_INT(sim_edit_distance("next", "nxet", 3), 1);
    CHECK_INT(sim_edit_distance("abc", "abc", 3), 0);
    CHECK_INT(sim_edit_distance("accept", "zzzzzzzzzzzz", 2), 3);
    CHECK_INT(sim_utf8_len("Ёлка", strlen("Ёлка")), 4);
}

static void test_jsonw(void)
{
    SimBuf b;
    simbuf_init(&b);
    SimJsonW w;
    simjsonw_init(&w, &b, 0);
    simjsonw_object(&w);
    simjsonw_key(&w, "a");
    simjsonw_array(&w);
    simjsonw_int(&w, 1);
    simjsonw_number(&w, 0.5);
    simjsonw_string(&w, "«кавычки» \"q\"\n");
    simjsonw_null(&w);
    simjsonw_array_end(&w);
    simjsonw_key(&w, "b");
    simjsonw_bool(&w, 1);
    simjsonw_key(&w, "c");
    simjsonw_object(&w);
    simjsonw_object_end(&w);
    simjsonw_object_end(&w);
    CHECK_STR(simbuf_str(&b),
              "{\"a\":[1,0.5,\"«кавычки» \\\"q\\\"\\n\",null],\"b\":true,\"c\":{}}");
    simbuf_free(&b);

    /* Output is always valid UTF-8 (issue #16): stray bytes, overlongs, surrogates and a
     * truncated sequence become U+FFFD; ESC and DEL are escaped; good text passes as is. */
    simbuf_init(&b);
    simjson_escape(&b, "ok ё \xff \xc0\xaf \xed\xa0\x80 \x1b[31m \x7f €\xe2\x82");
    CHECK_STR(simbuf_str(&b), "\"ok ё \\ufffd \\ufffd\\ufffd \\ufffd\\ufffd\\ufffd \\u001b[31m "
                              "\\u007f €\\ufffd\\ufffd\"");
    simbuf_free(&b);
    CHECK(sim_utf8_valid("«ёлочки» — ₽", strlen("«ёлочки» — ₽")));
    CHECK(!sim_utf8_valid("\xd0", 1));
    char *c = sim_strdup_clean("Иванова\x1b[2J\tАнна\xff");
    CHECK_STR(c, "Иванова [2J Анна\xef\xbf\xbd");
    free(c);
}

static void test_diags(void)
{
    SimDiags d;
    simdiags_init(&d);
    simdiags_add(&d, SIM_SEV_ERROR, "f.json", 3, 7, "steps.a", "плохо %d", 1);
    simdiags_add(&d, SIM_SEV_WARNING, "f.json", 0, 0, "", "так себе");
    CHECK_INT(d.errors, 1);
    CHECK_INT(d.warnings, 1);
    char *s = simdiag_format(&d.items[0]);
    CHECK_STR(s, "f.json:3:7: error: steps.a: плохо 1");
    free(s);
    s = simdiag_format(&d.items[1]);
    CHECK_STR(s, "f.json:1:1: warning: так себе");
    free(s);
    simdiags_free(&d);
}

static void test_strings_table(void)
{
    /* Every entry of the table is present and non-empty. */
    int ok = 1;
    for (int i = 0; i < STR__COUNT; i++)
        ok &= tr((SimStr)i)[0] != '\0';
    CHECK(ok);
    CHECK_STR(tr(STR__COUNT), "");
}

/* The set: adds once, finds what it holds and nothing else, through growth and through long
 * chains of keys that all start in one slot. */
static void test_hash_set(void)
{
    SimSet s = {0};
    CHECK(!sim_set_has(&s, 42)); /* an empty set answers without a table */
    CHECK_INT(sim_set_add(&s, 42), 1);
    CHECK_INT(sim_set_add(&s, 42), 0);
    CHECK(sim_set_has(&s, 42) && !sim_set_has(&s, 44));
    /* 0 is a key like any other; it is stored as 1 (the one rule for an empty slot). */
    CHECK_INT(sim_set_add(&s, 0), 1);
    CHECK(sim_set_has(&s, 0) && sim_set_has(&s, 1));
    CHECK_INT(sim_set_add(&s, 1), 0);
    sim_set_free(&s);
    CHECK(s.keys == NULL && s.cap == 0 && s.count == 0);

    /* Growth: 200,000 keys, every one found, none twice, at most half full. */
    int ok = 1;
    for (uint64_t i = 0; i < 200000; i++)
        ok &= sim_set_add(&s, i * 0x9e3779b97f4a7c15ULL + 2) == 1;
    CHECK(ok);
    CHECK_INT(s.count, 200000);
    CHECK(s.cap >= 400000 && (s.cap & (s.cap - 1)) == 0);
    for (uint64_t i = 0; i < 200000; i++)
        ok &= sim_set_has(&s, i * 0x9e3779b97f4a7c15ULL + 2) &&
              sim_set_add(&s, i * 0x9e3779b97f4a7c15ULL + 2) == 0;
    CHECK(ok);
    CHECK(!sim_set_has(&s, 3 * 0x9e3779b97f4a7c15ULL + 4));
    sim_set_free(&s);

    /* Collisions: keys equal in their low 32 bits all start in one slot. */
    for (uint64_t i = 0; i < 3000; i++)
        ok &= sim_set_add(&s, (i << 32) | 7) == 1;
    for (uint64_t i = 0; i < 3000; i++)
        ok &= sim_set_has(&s, (i << 32) | 7);
    CHECK(ok);
    CHECK(!sim_set_has(&s, (3000ULL << 32) | 7));
    CHECK_INT(s.count, 3000);
    sim_set_free(&s);

    /* Past the largest table: refused, and the set is unchanged. */
    CHECK_INT(sim_set_add(&s, 5), 1);
    CHECK(!sim_set_reserve(&s, SIM_HMAP_MAX_SLOTS));
    CHECK(sim_set_has(&s, 5) && s.count == 1);
    CHECK(sim_set_reserve(&s, 1000) && s.cap >= 2002 && sim_set_has(&s, 5));
    sim_set_free(&s);
}

/* The map: several values under one key, met in the order they were added, through growth
 * and a chain that wraps past the table's end; a value written through the pointer stays. */
static void test_hash_map(void)
{
    SimMap m = {0};
    CHECK(sim_map_get(&m, 9) == NULL);
    CHECK(sim_map_add(&m, 9, 100) && sim_map_add(&m, 17, 200) && sim_map_add(&m, 9, 101));
    uint32_t *v = sim_map_get(&m, 17);
    CHECK(v && *v == 200);
    *v = 201;
    CHECK(*sim_map_get(&m, 17) == 201);
    size_t cur = SIM_MAP_START;
    uint32_t *a = sim_map_next(&m, 9, &cur);
    uint32_t *b = sim_map_next(&m, 9, &cur);
    CHECK(a && b && *a == 100 && *b == 101 && sim_map_next(&m, 9, &cur) == NULL);
    CHECK(sim_map_get(&m, 10) == NULL);
    sim_map_free(&m);

    /* A chain that starts in the last slot wraps to the first; the order of values survives
     * every growth. */
    int ok = 1;
    for (uint32_t i = 0; i < 5000; i++) {
        ok &= sim_map_add(&m, 0xffffffffULL, i);         /* the last slot of any table */
        ok &= sim_map_add(&m, (uint64_t)i << 33 | 3, i); /* others in between */
    }
    CHECK(ok);
    CHECK_INT(m.count, 10000);
    cur = SIM_MAP_START;
    uint32_t want = 0;
    for (uint32_t *x; (x = sim_map_next(&m, 0xffffffffULL, &cur)) != NULL; want++)
        ok &= *x == want;
    CHECK(ok);
    CHECK_INT(want, 5000);
    for (uint32_t i = 0; i < 5000; i++) {
        uint32_t *x = sim_map_get(&m, (uint64_t)i << 33 | 3);
        ok &= x && *x == i;
    }
    CHECK(ok);
    CHECK(!sim_map_reserve(&m, SIM_HMAP_MAX_SLOTS) && m.count == 10000);
    sim_map_free(&m);
    CHECK(m.keys == NULL && m.vals == NULL && m.cap == 0);
}

/* The configuration file (issue #12): layers override, every problem has FILE:LINE and the
 * rest of the file still applies; passwords never show. */
static void test_conf(void)
{
    char dir[] = "/tmp/mfc-conf-XXXXXX";
    if (!mkdtemp(dir))
        return;
    char sys[300], user[300];
    snprintf(sys, sizeof sys, "%s/system.conf", dir);
    snprintf(user, sizeof user, "%s/user.conf", dir);
    FILE *f = fopen(sys, "w");
    fputs("# the region\nregion = 38\noffice = IRK01\ncentral = host=db user=irk01\n", f);
    fclose(f);
    f = fopen(user, "w");
    fputs("\n; a comment\noffice = \"IRK-02\"\ncolour = blue\nsync_interval = 0\n"
          "no equals sign\nsync_interval = 15\noffice = IRK 03\n",
          f);
    fclose(f);
    SimConf *c = simconf_create();
    SimDiags d;
    simdiags_init(&d);
    SimError e;
    CHECK(simconf_load_file(c, sys, &d, &e) == SIM_OK);
    CHECK(simconf_load_file(c, user, &d, &e) == SIM_OK);
    CHECK(simconf_load_file(c, "/nonexistent/mfc.conf", &d, &e) == SIM_OK); /* no layer */
    CHECK_STR(simconf_get(c, "region"), "38");
    CHECK_STR(simconf_get(c, "office"), "IRK-02"); /* the user's layer; its bad line skipped */
    CHECK_STR(simconf_get(c, "sync_interval"), "15");
    CHECK_INT(d.errors, 4);
    int lines[4] = {0}, k = 0;
    for (size_t i = 0; i < d.count && k < 4; i++) {
        CHECK_STR(d.items[i].file, user);
        lines[k++] = d.items[i].line;
    }
    CHECK_INT(lines[0], 4); /* colour */
    CHECK_INT(lines[1], 5); /* sync_interval = 0 */
    CHECK_INT(lines[2], 6); /* no equals sign */
    CHECK_INT(lines[3], 8); /* office with a space */
    CHECK_HAS(d.items[0].message, "colour");
    const char *o = simconf_origin(c, "office");
    CHECK(o && strstr(o, "user.conf:3"));
    /* Flags override the files. */
    CHECK(simconf_set(c, "office", "IRK09", "--office", &e) == SIM_OK);
    CHECK_STR(simconf_get(c, "office"), "IRK09");
    CHECK(simconf_set(c, "office", "../etc", "--office", &e) == SIM_ERR_INVALID);
    CHECK_HAS(e.msg, "--office");
    CHECK(simconf_set(c, "nope", "1", "--nope", &e) == SIM_ERR_INVALID);
    simdiags_free(&d);
    simconf_destroy(c);
    char *m =
        simconf_mask_password("postgresql://irk01:s3cret@db.example.ru/mfc?sslmode=verify-full");
    CHECK(m && !strstr(m, "s3cret") && strstr(m, "irk01:***@db.example.ru"));
    free(m);
    m = simconf_mask_password("host=db password='a b' user=x");
    CHECK(m && !strstr(m, "a b") && strstr(m, "user=x"));
    free(m);
    remove(sys);
    remove(user);
    rmdir(dir);
}

/* Word lists of the string table: alternatives separated by '|'. */
static void test_word_lists(void)
{
    CHECK(sim_contains_any("куртка с меховым воротником", "coat|куртк"));
    CHECK(!sim_contains_any("пальто", "coat|куртк"));
    CHECK(sim_contains_any("grey", "gray|grey|"));
    CHECK(!sim_contains_any(NULL, "a"));
    CHECK(!sim_contains_any("abc", ""));
    CHECK(sim_equals_any("нет", "no|нет|none"));
    CHECK(!sim_equals_any("нету", "no|нет|none"));
    CHECK(!sim_equals_any("no bag", "no|нет|none"));
    CHECK(sim_equals_any("none", "no|нет|none"));
}

int main(void)
{
    test_word_lists();
    test_buf();
    test_numbers();
    test_rng();
    test_edit_distance();
    test_jsonw();
    test_diags();
    test_strings_table();
    test_hash_set();
    test_hash_map();
    test_conf();
    return TEST_REPORT();
}
