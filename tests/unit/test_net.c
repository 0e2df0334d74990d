/*
 * test_net.c — engine/net without a network: JSON as ASCII, the statements URL (credentials
 * never kept in it), the acknowledgements table of the store (schema 7), and a push to a port
 * nobody listens on (retried, then everything waits, nothing recorded). The push against a
 * real LRS is tests/lrs.
 */
#include "net/net.h"
#include "store/export.h"
#include "store/store.h"
#include "../test.h"

#include <stdlib.h>
#include <string.h>

static void test_ascii(void)
{
    SimBuf b;
    simbuf_init(&b);
    const char *in = "{\"a\":\"Приём ё\",\"b\":\"x😀\"}";
    net_json_ascii(&b, in, strlen(in));
    CHECK_STR(simbuf_str(&b), "{\"a\":\"\\u041f\\u0440\\u0438\\u0451\\u043c \\u0451\",\"b\":\"x"
                              "\\ud83d\\ude00\"}");
    for (size_t i = 0; i < b.len; i++)
        CHECK((unsigned char)b.data[i] < 0x80);
    simbuf_free(&b);
}

static void test_url(void)
{
    NetLrs *l = NULL;
    SimError e;
    NetLrsConfig c = {.endpoint = "https://lrs.example/xapi/", .user = "k", .password = "p"};
    CHECK(net_lrs_create(&c, &l, &e) == SIM_OK);
    CHECK_STR(net_lrs_statements_url(l), "https://lrs.example/xapi/statements");
    net_lrs_destroy(l);
    c.endpoint = "http://user:secret@127.0.0.1:8080/data/xAPI/statements/";
    CHECK(net_lrs_create(&c, &l, &e) == SIM_OK);
    CHECK_STR(net_lrs_statements_url(l), "http://127.0.0.1:8080/data/xAPI/statements");
    net_lrs_destroy(l);
    c.endpoint = "ftp://lrs.example/";
    CHECK(net_lrs_create(&c, &l, &e) == SIM_ERR_INVALID);
    CHECK_HAS(e.msg, "ftp://");
    c.endpoint = "https://lrs example/";
    CHECK(net_lrs_create(&c, &l, &e) == SIM_ERR_INVALID);
}

static void test_acks(void)
{
    Store *st = NULL;
    SimError e;
    CHECK(store_open(":memory:", &st, &e) == SIM_OK);
    if (!st)
        return;
    const char *ids[] = {"b0000000-0000-8000-8000-000000000000",
                         "a0000000-0000-8000-8000-000000000000"};
    const char *att[] = {"att-1", "att-1"};
    CHECK(store_lrs_record(st, "http://x/statements", ids, att, 2, 0, &e) == SIM_OK);
    CHECK(store_lrs_record(st, "http://x/statements", ids, att, 1, 1, &e) == SIM_OK); /* again */
    const char *c1[] = {"c0000000-0000-8000-8000-000000000000"};
    CHECK(store_lrs_record(st, "http://x/statements", c1, att, 1, 1, &e) == SIM_OK);
    char **known = NULL;
    size_t n = 0;
    CHECK(store_lrs_known(st, "http://x/statements", &known, &n, &e) == SIM_OK);
    CHECK_INT(n, 3);
    if (n == 3) {
        CHECK_STR(known[0], ids[1]); /* sorted */
        CHECK_STR(known[2], c1[0]);
    }
    for (size_t i = 0; i < n; i++)
        free(known[i]);
    free(known);
    long long sent = -1, conflicts = -1;
    store_lrs_counts(st, "http://x/statements", &sent, &conflicts);
    CHECK_INT(sent, 2);
    CHECK_INT(conflicts, 1);
    CHECK(store_lrs_known(st, "http://other/statements", &known, &n, &e) == SIM_OK);
    CHECK_INT(n, 0);
    store_close(st);
}

static int never_known(void *ud, const char *id)
{
    (void)ud;
    (void)id;
    return 0;
}

static SimStatus count_record(void *ud, const char *const *ids, const char *const *attempts,
                              size_t n, NetAckKind kind, SimError *err)
{
    (void)ids;
    (void)attempts;
    (void)kind;
    (void)err;
    *(size_t *)ud += n;
    return SIM_OK;
}

static void test_push_offline(void)
{
    Store *st = NULL;
    SimError e;
    CHECK(store_open(":memory:", &st, &e) == SIM_OK);
    if (!st)
        return;
    long long tid = 0;
    CHECK(store_add_trainee(st, "Иванова", "Анна", "1001", &tid, &e) == SIM_OK);
    AttemptInfo a = {.trainee = tid, .seed = 1};
    strcpy(a.scenario, "s1");
    strcpy(a.version, "1.0.0");
    strcpy(a.hash, "abc");
    CHECK(store_begin_attempt(st, &a, &e) == SIM_OK);
    CHECK(store_add_action(st, a.id, 1, "a1", 1, "[]", &e) == SIM_OK);
    AttemptInfo g = {.trainee = 0, .seed = 2}; /* a guest: left out by default */
    strcpy(g.scenario, "s1");
    strcpy(g.version, "1.0.0");
    strcpy(g.hash, "abc");
    CHECK(store_begin_attempt(st, &g, &e) == SIM_OK);

    /* Port 9 (discard) on 127.0.0.1: nobody listens there on a test machine. */
    NetLrsConfig c = {.endpoint = "http://127.0.0.1:9/xAPI/", .timeout_s = 5};
    NetLrs *l = NULL;
    CHECK(net_lrs_create(&c, &l, &e) == SIM_OK);
    size_t recorded = 0;
    NetLedger led = {.ud = &recorded, .known = never_known, .record = count_record};
    NetPushOptions po = {.batch = 10, .tries = 2, .delay_ms = 1};
    StoreXapiOptions xo = {0};
    NetTally t;
    CHECK(net_push(l, st, &xo, &led, &po, NULL, NULL, NULL, &t, &e) == SIM_ERR_IO);
    CHECK_INT(t.statements, 2); /* initialized + answered of the trainee's attempt */
    CHECK_INT(t.posts, 2);
    CHECK_INT(t.retries, 1);
    CHECK_INT(t.waiting, 2);
    CHECK_INT(t.sent, 0);
    CHECK_INT(recorded, 0);
    CHECK(t.outcome == NET_WAITING);
    CHECK(t.error && strcmp(t.error, "offline") == 0);
    CHECK_HAS(e.msg, "127.0.0.1:9");
    xo.guests = 1;
    CHECK(net_push(l, st, &xo, &led, &po, NULL, NULL, NULL, &t, &e) == SIM_ERR_IO);
    CHECK_INT(t.statements, 3);
    net_lrs_destroy(l);
    store_close(st);
}

int main(void)
{
    test_ascii();
    test_url();
    test_acks();
    test_push_offline();
    return TEST_REPORT();
}
