/* test_crypto.c — engine/crypto: hashes and MACs, the installation secret (0600, created
 * once), signing keys, pack signatures (a changed byte in each kind of file, an added and a
 * missing file, an unsigned pack, an untrusted key, an edited pack.sig) and PIN hashes. */
#include "crypto/crypto.h"
#include "../test.h"

#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static char dir[256];

static void path_in(char *out, const char *name)
{
    snprintf(out, 512, "%s/%s", dir, name);
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

static void flip_byte(const char *path)
{
    FILE *f = fopen(path, "r+b");
    CHECK(f != NULL);
    if (!f)
        return;
    int c = fgetc(f);
    fseek(f, 0, SEEK_SET);
    fputc(c ^ 1, f);
    fclose(f);
}

static void sh(const char *cmd)
{
    CHECK(system(cmd) == 0);
}

/* A pack: ROOT/s1/{scenario.json,script.lua}, ROOT/data/rules.json, ROOT/../scripts/x.lua. */
static void make_pack(const char *root)
{
    char cmd[1200], p[600];
    snprintf(cmd, sizeof cmd,
             "rm -rf '%s' '%s/../scripts' && mkdir -p '%s/s1' '%s/s2' '%s/data' '%s/../scripts'",
             root, root, root, root, root, root);
    sh(cmd);
    snprintf(p, sizeof p, "%s/s1/scenario.json", root);
    write_text(p, "{\"pass_mark\": 70}\n");
    snprintf(p, sizeof p, "%s/s1/script.lua", root);
    write_text(p, "return {}\n");
    snprintf(p, sizeof p, "%s/s2/scenario.json", root);
    write_text(p, "{\"pass_mark\": 60}\n");
    snprintf(p, sizeof p, "%s/data/rules.json", root);
    write_text(p, "{\"rules\": []}\n");
    snprintf(p, sizeof p, "%s/../scripts/x.lua", root);
    write_text(p, "return 1\n");
}

static PackCheck *check(const char *root, const char *pub)
{
    const char *trusted[] = {pub};
    return sec_pack_check(root, trusted, 1);
}

/* Signs a fresh pack, changes one file, and expects MODIFIED naming it, for s1 only when it is
 * s1's own file and for both scenarios when it is shared. */
static void expect_modified(const char *root, const char *key, const char *pub, const char *rel,
                            int shared)
{
    make_pack(root);
    char id[17];
    size_t files = 0;
    SimError e;
    CHECK(sec_pack_sign(root, key, id, &files, &e) == SIM_OK);
    CHECK_INT((int)files, 5);
    PackCheck *pc = check(root, pub);
    CHECK(pc && pc->state == PACK_OK);
    char before[65];
    snprintf(before, sizeof before, "%s", pc ? pc->hash : "");
    sec_pack_free(pc);
    char p[600];
    snprintf(p, sizeof p, "%s/%s", root, rel);
    flip_byte(p);
    pc = check(root, pub);
    CHECK(pc && pc->state == PACK_MODIFIED);
    if (pc) {
        CHECK_INT((int)pc->problem_count, 1);
        CHECK(pc->problem_count && strcmp(pc->problems[0].path, rel) == 0 &&
              pc->problems[0].state == PACK_FILE_CHANGED);
        CHECK(sec_pack_problem_for(pc, "s1") != NULL);
        CHECK((sec_pack_problem_for(pc, "s2") != NULL) == shared);
        CHECK(strcmp(pc->hash, before) != 0); /* the recorded pack hash changes too */
    }
    sec_pack_free(pc);
}

int main(void)
{
    snprintf(dir, sizeof dir, "/tmp/mfc-crypto-test-XXXXXX");
    if (!mkdtemp(dir))
        return 2;
    CHECK_INT(sec_init(), 0);

    /* Hashes, hex, MACs. */
    unsigned char h1[SEC_HASH_BYTES], h2[SEC_HASH_BYTES], back[SEC_HASH_BYTES];
    sec_hash(h1, "abc", 3);
    sec_hash(h2, "abd", 3);
    CHECK(!sec_equal(h1, h2, SEC_HASH_BYTES));
    char hex[2 * SEC_HASH_BYTES + 1];
    sec_hex(hex, h1, SEC_HASH_BYTES);
    CHECK_INT((int)strlen(hex), 64);
    CHECK_INT(sec_unhex(back, SEC_HASH_BYTES, hex), 0);
    CHECK(sec_equal(h1, back, SEC_HASH_BYTES));
    CHECK(sec_unhex(back, SEC_HASH_BYTES, "zz") != 0);
    unsigned char k[SEC_KEY_BYTES] = {1}, m1[SEC_MAC_BYTES], m2[SEC_MAC_BYTES];
    const void *parts[] = {"ab", "c"};
    size_t lens[] = {2, 1};
    const void *whole[] = {"abc"};
    size_t wl[] = {3};
    sec_mac(m1, k, parts, lens, 2);
    sec_mac(m2, k, whole, wl, 1);
    CHECK(sec_equal(m1, m2, SEC_MAC_BYTES)); /* parts are concatenated */
    k[0] = 2;
    sec_mac(m2, k, whole, wl, 1);
    CHECK(!sec_equal(m1, m2, SEC_MAC_BYTES)); /* another key, another MAC */

    /* The installation secret: created 0600 once, then the same. */
    char sp[512];
    path_in(sp, "install.key");
    unsigned char s1[SEC_KEY_BYTES], s2[SEC_KEY_BYTES];
    int created = 0;
    SimError e;
    CHECK(sec_secret_load(sp, s1, &created, &e) == SIM_OK);
    CHECK_INT(created, 1);
    struct stat stt;
    CHECK(stat(sp, &stt) == 0 && (stt.st_mode & 0777) == 0600 && stt.st_size == SEC_KEY_BYTES);
    CHECK(sec_secret_load(sp, s2, &created, &e) == SIM_OK);
    CHECK_INT(created, 0);
    CHECK(sec_equal(s1, s2, SEC_KEY_BYTES));
    chmod(sp, 0644);
    CHECK(sec_secret_load(sp, s2, &created, &e) == SIM_OK);
    CHECK(stat(sp, &stt) == 0 && (stt.st_mode & 0777) == 0600); /* tightened again */
    write_text(sp, "short");
    CHECK(sec_secret_load(sp, s2, &created, &e) == SIM_ERR_INVALID);
    CHECK_HAS(e.msg, "повреждён");

    /* Signing keys. */
    char key[512], pub[512], id[17];
    path_in(key, "m.key");
    path_in(pub, "m.key.pub");
    CHECK(sec_keygen(key, pub, id, &e) == SIM_OK);
    CHECK_INT((int)strlen(id), 16);
    CHECK(stat(key, &stt) == 0 && (stt.st_mode & 0777) == 0600);
    CHECK(sec_keygen(key, pub, id, &e) != SIM_OK); /* never overwritten */
    char key2[512], pub2[512], id2[17];
    path_in(key2, "other.key");
    path_in(pub2, "other.key.pub");
    CHECK(sec_keygen(key2, pub2, id2, &e) == SIM_OK);
    CHECK(strcmp(id, id2) != 0);

    /* A pack: a changed byte in every kind of file. */
    char root[512];
    path_in(root, "pack/scenarios");
    expect_modified(root, key, pub, "s1/scenario.json", 0);
    expect_modified(root, key, pub, "s1/script.lua", 0);
    expect_modified(root, key, pub, "data/rules.json", 1);
    expect_modified(root, key, pub, "../scripts/x.lua", 1);

    /* The pass mark edited in place, as a trainee would. */
    make_pack(root);
    CHECK(sec_pack_sign(root, key, id, NULL, &e) == SIM_OK);
    char p[600];
    snprintf(p, sizeof p, "%s/s1/scenario.json", root);
    write_text(p, "{\"pass_mark\": 10}\n");
    PackCheck *pc = check(root, pub);
    CHECK(pc && pc->state == PACK_MODIFIED && sec_pack_problem_for(pc, "s1"));
    sec_pack_free(pc);

    /* An added file, a missing file. */
    make_pack(root);
    CHECK(sec_pack_sign(root, key, id, NULL, &e) == SIM_OK);
    snprintf(p, sizeof p, "%s/s1/extra.lua", root);
    write_text(p, "x = 1\n");
    pc = check(root, pub);
    CHECK(pc && pc->state == PACK_MODIFIED && pc->problem_count == 1 &&
          pc->problems[0].state == PACK_FILE_ADDED);
    sec_pack_free(pc);
    unlink(p);
    snprintf(p, sizeof p, "%s/s2/scenario.json", root);
    unlink(p);
    pc = check(root, pub);
    CHECK(pc && pc->state == PACK_MODIFIED && pc->problem_count == 1 &&
          pc->problems[0].state == PACK_FILE_MISSING);
    CHECK(pc && !sec_pack_problem_for(pc, "s1") && sec_pack_problem_for(pc, "s2"));
    sec_pack_free(pc);

    /* Intact, but signed by a key this installation does not trust. */
    make_pack(root);
    CHECK(sec_pack_sign(root, key2, id2, NULL, &e) == SIM_OK);
    pc = check(root, pub);
    CHECK(pc && pc->state == PACK_UNTRUSTED && strcmp(pc->key_id, id2) == 0);
    sec_pack_free(pc);
    pc = check(root, dir); /* a folder of .pub files: both keys are in it */
    CHECK(pc && pc->state == PACK_OK);
    sec_pack_free(pc);

    /* pack.sig edited (a hash replaced to match an edited file): the signature fails. */
    make_pack(root);
    CHECK(sec_pack_sign(root, key, id, NULL, &e) == SIM_OK);
    snprintf(p, sizeof p, "%s/pack.sig", root);
    char cmd[1400];
    snprintf(cmd, sizeof cmd, "sed -i '3s/^file ./file 0/' '%s'", p);
    sh(cmd);
    pc = check(root, pub);
    CHECK(pc && pc->state == PACK_BAD_SIGNATURE && pc->detail);
    sec_pack_free(pc);

    /* No pack.sig at all. */
    unlink(p);
    pc = check(root, pub);
    CHECK(pc && pc->state == PACK_UNSIGNED && strlen(pc->hash) == 64);
    sec_pack_free(pc);

    /* Manifests in memory (issue #13): signed over the given files, checked before use; a
     * path that could leave the pack, or an unsorted or repeated one, is refused even when the
     * signature is good. */
    {
        const char *trusted[] = {pub};
        const char *const good[] = {"../scripts/x.lua", "data/rules.json", "s1/scenario.json"};
        const char *const badp[][2] = {{"../etc/passwd", "a"},
                                       {"/abs", "a"},
                                       {"s1/../../x", "s1/a"},
                                       {"a//b", "b"},
                                       {"s1/.hidden", "s1/z"},
                                       {"b", "a"},
                                       {"a", "a"},
                                       {"../scripts/a/b.lua", "c"}};
        unsigned char hs[3][SEC_HASH_BYTES];
        for (int i = 0; i < 3; i++)
            sec_hash(hs[i], good[i], strlen(good[i]));
        SecManifest m = {.count = 3, .paths = (char **)good, .hashes = hs};
        SimBuf t;
        simbuf_init(&t);
        char mid[17];
        CHECK(sec_manifest_sign(&m, key, &t, mid, &e) == SIM_OK);
        CHECK_STR(mid, id);
        SecManifest got;
        CHECK_INT((int)sec_manifest_open(t.data, t.len, trusted, 1, &got, &e), PACK_OK);
        CHECK_INT((int)got.count, 3);
        CHECK_INT((int)sec_manifest_find(&got, "data/rules.json"), 1);
        CHECK_INT((int)sec_manifest_find(&got, "data/none.json"), -1);
        CHECK(got.count == 3 && sec_equal(got.hashes[2], hs[2], SEC_HASH_BYTES));
        sec_manifest_free(&got);
        const char *others[] = {pub2};
        CHECK_INT((int)sec_manifest_open(t.data, t.len, others, 1, &got, &e), PACK_UNTRUSTED);
        CHECK_STR(got.key_id, id);
        sec_manifest_free(&got);
        t.data[t.len / 2] ^= 1; /* one bit of the file list */
        CHECK_INT((int)sec_manifest_open(t.data, t.len, trusted, 1, &got, &e), PACK_BAD_SIGNATURE);
        sec_manifest_free(&got);
        simbuf_free(&t);
        for (size_t i = 0; i < sizeof badp / sizeof badp[0]; i++) {
            const char *pp[2] = {badp[i][0], badp[i][1]};
            SecManifest bm = {.count = 2, .paths = (char **)pp, .hashes = hs};
            simbuf_init(&t);
            CHECK(sec_manifest_sign(&bm, key, &t, mid, &e) == SIM_OK);
            CHECK_INT((int)sec_manifest_open(t.data, t.len, trusted, 1, &got, &e),
                      PACK_BAD_SIGNATURE);
            CHECK_HAS(e.msg, "путь");
            sec_manifest_free(&got);
            simbuf_free(&t);
        }
    }

    /* PIN: 4–8 digits; a salted hash; the right PIN only. */
    CHECK(sec_pin_valid("1234") && sec_pin_valid("12345678"));
    CHECK(!sec_pin_valid("123") && !sec_pin_valid("123456789") && !sec_pin_valid("12a4"));
    /* Passphrases: 8 bytes or more with something besides digits. */
    CHECK(sec_pin_valid("горы и море") && sec_pin_valid("abcdefgh"));
    CHECK(!sec_pin_valid("abcdefg") && !sec_pin_valid(""));
    CHECK(!sec_pin_valid(
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")); /* 65 */
    char ph[SEC_PIN_HASH_MAX], ph2[SEC_PIN_HASH_MAX];
    CHECK(sec_pin_hash("4321", ph, &e) == SIM_OK);
    CHECK(strstr(ph, "4321") == NULL);
    CHECK(strncmp(ph, "$argon2id$", 10) == 0);
    CHECK(sec_pin_hash("4321", ph2, &e) == SIM_OK);
    CHECK(strcmp(ph, ph2) != 0); /* salted */
    CHECK(sec_pin_check(ph, "4321"));
    CHECK(!sec_pin_check(ph, "4322"));
    CHECK(!sec_pin_check(NULL, "4321"));
    CHECK(sec_pin_hash("12", ph, &e) == SIM_ERR_INVALID);

    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    if (system(cmd) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    return TEST_REPORT();
}
