/*
 * crypto.c — libsodium wrappers: hashes, MACs, the installation secret, pack signatures and
 * PIN hashes (see crypto.h).
 *
 * The pack manifest (ROOT/pack.sig) is text:
 *     mfc-trainer pack 1
 *     key <key id, 16 hex>
 *     file <BLAKE2b-256 hex> <relative path>        (one per file, sorted by path)
 *     signature <Ed25519 signature hex over every byte before this line>
 * The key id is the first 8 bytes of BLAKE2b-256 of the public key, in hex.
 */
#include "crypto.h"

#include "../core/i18n.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define PACK_MAGIC     "mfc-trainer pack 1\n"
#define PACK_MAX_SIG   (4u * 1024u * 1024u)
#define PACK_MAX_FILE  (16u * 1024u * 1024u)
#define PACK_MAX_DEPTH 3

int sec_init(void)
{
    return sodium_init() < 0 ? -1 : 0;
}

void sec_hash(unsigned char out[SEC_HASH_BYTES], const void *data, size_t len)
{
    crypto_generichash(out, SEC_HASH_BYTES, data, len, NULL, 0);
}

void sec_hex(char *out, const unsigned char *in, size_t n)
{
    sodium_bin2hex(out, 2 * n + 1, in, n);
}

int sec_unhex(unsigned char *out, size_t n, const char *hex)
{
    size_t got = 0;
    if (!hex || strlen(hex) < 2 * n)
        return -1;
    if (sodium_hex2bin(out, n, hex, 2 * n, NULL, &got, NULL) != 0 || got != n)
        return -1;
    return 0;
}

void sec_mac(unsigned char out[SEC_MAC_BYTES], const unsigned char key[SEC_KEY_BYTES],
             const void *const *ptrs, const size_t *lens, size_t nparts)
{
    crypto_auth_hmacsha512256_state s;
    crypto_auth_hmacsha512256_init(&s, key, SEC_KEY_BYTES);
    for (size_t i = 0; i < nparts; i++)
        crypto_auth_hmacsha512256_update(&s, ptrs[i], lens[i]);
    crypto_auth_hmacsha512256_final(&s, out);
}

int sec_equal(const unsigned char *a, const unsigned char *b, size_t n)
{
    return sodium_memcmp(a, b, n) == 0;
}

void sec_random(void *buf, size_t n)
{
    (void)sec_init(); /* idempotent; the generator works even if this fails (getrandom) */
    randombytes_buf(buf, n);
}

/* ---- files ------------------------------------------------------------------------------ */

/* Writes data to a new file at path with mode 0600; fails when path exists. */
static SimStatus write_new_file(const char *path, const void *data, size_t len, mode_t mode,
                                SimError *err)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL, mode);
    if (fd < 0)
        return sim_error_set(err, SIM_ERR_IO, TRF(STR_CRYPTO_CREATE_FAILED), path, strerror(errno));
    const char *p = data;
    size_t left = len;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            int e = errno;
            close(fd);
            unlink(path);
            return sim_error_set(err, SIM_ERR_IO, TRF(STR_CRYPTO_WRITE_FAILED_WHY), path,
                                 strerror(e));
        }
        p += w;
        left -= (size_t)w;
    }
    if (fsync(fd) != 0 || close(fd) != 0) {
        unlink(path);
        return sim_error_set(err, SIM_ERR_IO, TRF(STR_CRYPTO_WRITE_FAILED), path);
    }
    return SIM_OK;
}

static void key_id_of(const unsigned char pk[crypto_sign_PUBLICKEYBYTES], char *id_out)
{
    unsigned char h[SEC_HASH_BYTES];
    sec_hash(h, pk, crypto_sign_PUBLICKEYBYTES);
    sec_hex(id_out, h, SEC_KEY_ID_LEN / 2);
}

SimStatus sec_secret_load(const char *path, unsigned char key[SEC_KEY_BYTES], int *created,
                          SimError *err)
{
    if (created)
        *created = 0;
    if (sec_init() != 0)
        return sim_error_set(err, SIM_ERR_STATE, "%s", tr(STR_SODIUM_NOT_READY));
    for (int attempt = 0; attempt < 2; attempt++) {
        int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        if (fd >= 0) {
            struct stat stt;
            unsigned char buf[SEC_KEY_BYTES + 1];
            ssize_t n = 0;
            if (fstat(fd, &stt) != 0 || !S_ISREG(stt.st_mode)) {
                /* A FIFO or a device here would hang the read forever (issue #16). */
                close(fd);
                return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_SECRET_NOT_FILE), path);
            }
            if ((stt.st_mode & 077) != 0)
                fchmod(fd, 0600); /* tighten a copied key back to owner-only */
            n = read(fd, buf, sizeof buf);
            close(fd);
            if (n != SEC_KEY_BYTES) {
                sodium_memzero(buf, sizeof buf);
                return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_SECRET_DAMAGED), path,
                                     SEC_KEY_BYTES);
            }
            memcpy(key, buf, SEC_KEY_BYTES);
            sodium_memzero(buf, sizeof buf);
            return SIM_OK;
        }
        if (errno != ENOENT)
            return sim_error_set(err, SIM_ERR_IO, TRF(STR_SECRET_UNREADABLE), path,
                                 strerror(errno));
        /* Create it beside, then link into place: a concurrent creator wins cleanly. */
        size_t n = strlen(path) + 32;
        char *tmp = malloc(n);
        if (!tmp)
            return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
        snprintf(tmp, n, "%s.%ld.tmp", path, (long)getpid());
        unlink(tmp);
        unsigned char fresh[SEC_KEY_BYTES];
        randombytes_buf(fresh, sizeof fresh);
        SimStatus st = write_new_file(tmp, fresh, sizeof fresh, 0600, err);
        if (st != SIM_OK) {
            free(tmp);
            sodium_memzero(fresh, sizeof fresh);
            return st;
        }
        int linked = link(tmp, path) == 0;
        int link_errno = errno;
        unlink(tmp);
        free(tmp);
        if (linked) {
            memcpy(key, fresh, SEC_KEY_BYTES);
            sodium_memzero(fresh, sizeof fresh);
            if (created)
                *created = 1;
            return SIM_OK;
        }
        sodium_memzero(fresh, sizeof fresh);
        if (link_errno != EEXIST)
            return sim_error_set(err, SIM_ERR_IO, TRF(STR_SECRET_CREATE_FAILED_WHY), path,
                                 strerror(link_errno));
        /* Someone else created it first: read theirs. */
    }
    return sim_error_set(err, SIM_ERR_IO, TRF(STR_SECRET_CREATE_FAILED), path);
}

SimStatus sec_keygen(const char *secret_path, const char *public_path, char *id_out, SimError *err)
{
    if (sec_init() != 0)
        return sim_error_set(err, SIM_ERR_STATE, "%s", tr(STR_SODIUM_NOT_READY));
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    char skhex[2 * crypto_sign_SECRETKEYBYTES + 2], pkhex[2 * crypto_sign_PUBLICKEYBYTES + 2];
    sec_hex(skhex, sk, sizeof sk);
    sec_hex(pkhex, pk, sizeof pk);
    sodium_memzero(sk, sizeof sk);
    strcat(skhex, "\n");
    strcat(pkhex, "\n");
    SimStatus st = write_new_file(secret_path, skhex, strlen(skhex), 0600, err);
    sodium_memzero(skhex, sizeof skhex);
    if (st != SIM_OK)
        return st;
    st = write_new_file(public_path, pkhex, strlen(pkhex), 0644, err);
    if (st != SIM_OK) {
        unlink(secret_path);
        return st;
    }
    key_id_of(pk, id_out);
    return SIM_OK;
}

/* Reads a key file of exactly n bytes in hex (one line). */
static int read_hex_key(const char *path, unsigned char *out, size_t n)
{
    char *text = NULL;
    size_t len = 0;
    if (sim_read_file(path, 4096, &text, &len, NULL) != SIM_OK)
        return -1;
    while (len > 0 && (text[len - 1] == '\n' || text[len - 1] == '\r' || text[len - 1] == ' '))
        text[--len] = '\0';
    int rc = len == 2 * n ? sec_unhex(out, n, text) : -1;
    sodium_memzero(text, len);
    free(text);
    return rc;
}

/* ---- installation identity and signed messages -------------------------------------------- */

void sec_sha256(unsigned char out[SEC_SHA256_BYTES], const void *data, size_t len)
{
    crypto_hash_sha256(out, data, len);
}

void sec_uuid(char out[37])
{
    unsigned char u[16];
    randombytes_buf(u, sizeof u);
    u[6] = (unsigned char)((u[6] & 0x0f) | 0x40);
    u[8] = (unsigned char)((u[8] & 0x3f) | 0x80);
    char hex[33];
    sec_hex(hex, u, sizeof u);
    snprintf(out, 37, "%.8s-%.4s-%.4s-%.4s-%.12s", hex, hex + 8, hex + 12, hex + 16, hex + 20);
}

SimStatus sec_sign_message(const char *secret_key_path, const void *msg, size_t len,
                           char sig_hex[SEC_SIG_HEX + 1], SimError *err)
{
    if (sec_init() != 0)
        return sim_error_set(err, SIM_ERR_STATE, TRF(STR_SODIUM_NOT_READY));
    unsigned char sk[crypto_sign_SECRETKEYBYTES], sig[crypto_sign_BYTES];
    if (read_hex_key(secret_key_path, sk, sizeof sk) != 0)
        return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_KEY_NOT_SECRET), secret_key_path);
    crypto_sign_detached(sig, NULL, msg, len, sk);
    sodium_memzero(sk, sizeof sk);
    sec_hex(sig_hex, sig, sizeof sig);
    return SIM_OK;
}

int sec_verify_message(const char *pub_hex, const void *msg, size_t len, const char *sig_hex)
{
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sig[crypto_sign_BYTES];
    if (sec_init() != 0 || !pub_hex || !sig_hex || strlen(pub_hex) != 2 * sizeof pk ||
        strlen(sig_hex) != 2 * sizeof sig || sec_unhex(pk, sizeof pk, pub_hex) != 0 ||
        sec_unhex(sig, sizeof sig, sig_hex) != 0)
        return 0;
    return crypto_sign_verify_detached(sig, msg, len, pk) == 0;
}

SimStatus sec_public_key_hex(const char *path, char out[SEC_PUB_HEX + 1], SimError *err)
{
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    if (read_hex_key(path, pk, sizeof pk) == 0) {
        sec_hex(out, pk, sizeof pk);
        return SIM_OK;
    }
    if (read_hex_key(path, sk, sizeof sk) == 0) {
        crypto_sign_ed25519_sk_to_pk(pk, sk);
        sodium_memzero(sk, sizeof sk);
        sec_hex(out, pk, sizeof pk);
        return SIM_OK;
    }
    return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_KEY_NOT_PUBLIC), path);
}

/* ---- the pack's file list --------------------------------------------------------------- */

typedef struct PackEntry {
    char *rel;
    unsigned char hash[SEC_HASH_BYTES];
    int have; /* the file could be read */
} PackEntry;

typedef struct PackList {
    PackEntry *items;
    size_t count, cap;
    int oom;
} PackList;

static void list_add(PackList *l, const char *rel)
{
    if (l->oom)
        return;
    if (l->count == l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        PackEntry *p = realloc(l->items, cap * sizeof *p);
        if (!p) {
            l->oom = 1;
            return;
        }
        l->items = p;
        l->cap = cap;
    }
    PackEntry *e = &l->items[l->count];
    memset(e, 0, sizeof *e);
    e->rel = sim_strdup(rel);
    if (!e->rel) {
        l->oom = 1;
        return;
    }
    l->count++;
}

static void list_free(PackList *l)
{
    for (size_t i = 0; i < l->count; i++)
        free(l->items[i].rel);
    free(l->items);
    memset(l, 0, sizeof *l);
}

static int cmp_entry(const void *a, const void *b)
{
    return strcmp(((const PackEntry *)a)->rel, ((const PackEntry *)b)->rel);
}

/* Adds every regular, non-hidden file under dir (rel is its name in the manifest, "" for the
 * root), down to depth levels. only_lua: the shared scripts folder. */
static void scan(PackList *l, const char *dir, const char *rel, int depth, int only_lua)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d)) != NULL) {
        const char *name = de->d_name;
        if (name[0] == '.')
            continue;
        if (!*rel && strcmp(name, SEC_PACK_FILE) == 0)
            continue;
        char *full = sim_path_join(dir, name);
        char *r = *rel ? sim_path_join(rel, name) : sim_strdup(name);
        struct stat stt;
        if (full && r && stat(full, &stt) == 0) {
            if (S_ISREG(stt.st_mode)) {
                size_t n = strlen(name);
                if (!only_lua || (n > 4 && strcmp(name + n - 4, ".lua") == 0))
                    list_add(l, r);
            } else if (S_ISDIR(stt.st_mode) && depth > 1) {
                scan(l, full, r, depth - 1, only_lua);
            }
        } else if (!full || !r) {
            l->oom = 1;
        }
        free(full);
        free(r);
    }
    closedir(d);
}

/* The shared scripts folder of a pack: ROOT/../scripts. Caller frees. */
static char *scripts_dir_of(const char *root)
{
    return sim_path_join(root, "../scripts");
}

/* Lists the pack's files and hashes each one's bytes. */
static int pack_list(const char *root, PackList *l)
{
    memset(l, 0, sizeof *l);
    scan(l, root, "", PACK_MAX_DEPTH, 0);
    char *scripts = scripts_dir_of(root);
    if (scripts && sim_is_dir(scripts))
        scan(l, scripts, "../scripts", 1, 1);
    free(scripts);
    if (l->oom)
        return -1;
    if (l->count)
        qsort(l->items, l->count, sizeof *l->items, cmp_entry);
    for (size_t i = 0; i < l->count; i++) {
        char *full = sim_path_join(root, l->items[i].rel);
        char *data = NULL;
        size_t len = 0;
        if (full && sim_read_file(full, PACK_MAX_FILE, &data, &len, NULL) == SIM_OK) {
            sec_hash(l->items[i].hash, data, len);
            l->items[i].have = 1;
        }
        free(data);
        free(full);
    }
    return 0;
}

/* "file HASH PATH\n" lines of the list. */
static void pack_lines(const PackList *l, SimBuf *b)
{
    for (size_t i = 0; i < l->count; i++) {
        char hex[2 * SEC_HASH_BYTES + 1];
        sec_hex(hex, l->items[i].hash, SEC_HASH_BYTES);
        simbuf_printf(b, "file %s %s\n", hex, l->items[i].rel);
    }
}

/* Finds a trusted public key with this id among the files and folders given. */
static int find_trusted(const char *const *trusted, size_t n, const char *id,
                        unsigned char pk[crypto_sign_PUBLICKEYBYTES])
{
    for (size_t i = 0; i < n; i++) {
        if (!trusted[i])
            continue;
        if (sim_is_file(trusted[i])) {
            char kid[SEC_KEY_ID_LEN + 1];
            if (read_hex_key(trusted[i], pk, crypto_sign_PUBLICKEYBYTES) == 0) {
                key_id_of(pk, kid);
                if (strcmp(kid, id) == 0)
                    return 1;
            }
            continue;
        }
        DIR *d = opendir(trusted[i]);
        if (!d)
            continue;
        struct dirent *de;
        int found = 0;
        while (!found && (de = readdir(d)) != NULL) {
            size_t len = strlen(de->d_name);
            if (de->d_name[0] == '.' || len < 5 || strcmp(de->d_name + len - 4, ".pub") != 0)
                continue;
            char *full = sim_path_join(trusted[i], de->d_name);
            char kid[SEC_KEY_ID_LEN + 1];
            if (full && read_hex_key(full, pk, crypto_sign_PUBLICKEYBYTES) == 0) {
                key_id_of(pk, kid);
                found = strcmp(kid, id) == 0;
            }
            free(full);
        }
        closedir(d);
        if (found)
            return 1;
    }
    return 0;
}

/* ---- manifests in memory ---------------------------------------------------------------- */

void sec_manifest_free(SecManifest *m)
{
    if (!m)
        return;
    for (size_t i = 0; i < m->count; i++)
        free(m->paths[i]);
    free(m->paths);
    free(m->hashes);
    memset(m, 0, sizeof *m);
}

/* Room for n entries; 0 on OOM. */
static int manifest_reserve(SecManifest *m, size_t n)
{
    char **p = realloc(m->paths, (n ? n : 1) * sizeof *p);
    if (!p)
        return 0;
    m->paths = p;
    unsigned char(*h)[SEC_HASH_BYTES] = realloc(m->hashes, (n ? n : 1) * sizeof *h);
    if (!h)
        return 0;
    m->hashes = h;
    return 1;
}

SimStatus sec_pack_files(const char *root, SecManifest *out, SimError *err)
{
    memset(out, 0, sizeof *out);
    if (!sim_is_dir(root))
        return sim_error_set(err, SIM_ERR_IO, TRF(STR_SIGN_NO_DIR), root);
    PackList l;
    memset(&l, 0, sizeof l);
    scan(&l, root, "", PACK_MAX_DEPTH, 0);
    char *scripts = scripts_dir_of(root);
    if (scripts && sim_is_dir(scripts))
        scan(&l, scripts, "../scripts", 1, 1);
    free(scripts);
    if (l.oom || !manifest_reserve(out, l.count)) {
        list_free(&l);
        sec_manifest_free(out);
        return sim_error_set(err, SIM_ERR_NOMEM, TRF(STR_NOMEM));
    }
    if (l.count)
        qsort(l.items, l.count, sizeof *l.items, cmp_entry);
    for (size_t i = 0; i < l.count; i++) {
        out->paths[i] = l.items[i].rel; /* moved */
        l.items[i].rel = NULL;
        memset(out->hashes[i], 0, SEC_HASH_BYTES);
    }
    out->count = l.count;
    list_free(&l);
    return SIM_OK;
}

SimStatus sec_manifest_sign(const SecManifest *m, const char *secret_key_path, SimBuf *out,
                            char *id_out, SimError *err)
{
    if (sec_init() != 0)
        return sim_error_set(err, SIM_ERR_STATE, TRF(STR_SODIUM_NOT_READY));
    unsigned char sk[crypto_sign_SECRETKEYBYTES], pk[crypto_sign_PUBLICKEYBYTES];
    if (read_hex_key(secret_key_path, sk, sizeof sk) != 0)
        return sim_error_set(err, SIM_ERR_INVALID, TRF(STR_SIGN_NOT_SECRET_KEY), secret_key_path);
    crypto_sign_ed25519_sk_to_pk(pk, sk);
    char id[SEC_KEY_ID_LEN + 1];
    key_id_of(pk, id);
    SimBuf b;
    simbuf_init(&b);
    simbuf_puts(&b, PACK_MAGIC);
    simbuf_printf(&b, "key %s\n", id);
    for (size_t i = 0; i < m->count; i++) {
        char hex[2 * SEC_HASH_BYTES + 1];
        sec_hex(hex, m->hashes[i], SEC_HASH_BYTES);
        simbuf_printf(&b, "file %s %s\n", hex, m->paths[i]);
    }
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, NULL, (const unsigned char *)simbuf_str(&b), b.len, sk);
    sodium_memzero(sk, sizeof sk);
    char sighex[2 * crypto_sign_BYTES + 1];
    sec_hex(sighex, sig, sizeof sig);
    simbuf_printf(&b, "signature %s\n", sighex);
    if (b.oom) {
        simbuf_free(&b);
        return sim_error_set(err, SIM_ERR_NOMEM, TRF(STR_NOMEM));
    }
    simbuf_append(out, b.data, b.len);
    simbuf_free(&b);
    if (id_out)
        memcpy(id_out, id, sizeof id);
    return SIM_OK;
}

/* A manifest path stays inside its pack: relative, no empty, "." or hidden component, and ".."
 * only as "../scripts/NAME" (the shared scripts beside the scenarios folder). */
static int manifest_path_ok(const char *p)
{
    if (!*p || *p == '/')
        return 0;
    for (const unsigned char *c = (const unsigned char *)p; *c; c++)
        if (*c < 0x20 || *c == 0x7f || *c == '\\')
            return 0;
    if (strncmp(p, "../", 3) == 0) {
        const char *name = p + 3;
        if (strncmp(name, "scripts/", 8) != 0)
            return 0;
        name += 8;
        return *name && *name != '.' && !strchr(name, '/');
    }
    const char *c = p;
    while (*c) {
        const char *slash = strchr(c, '/');
        size_t n = slash ? (size_t)(slash - c) : strlen(c);
        if (n == 0 || c[0] == '.')
            return 0;
        if (!slash)
            break;
        c = slash + 1;
        if (!*c)
            return 0; /* a trailing slash */
    }
    return 1;
}

static PackState manifest_bad(SecManifest *out, SimError *err, const char *detail)
{
    char kid[SEC_KEY_ID_LEN + 1];
    memcpy(kid, out->key_id, sizeof kid);
    sec_manifest_free(out);
    memcpy(out->key_id, kid, sizeof kid);
    sim_error_set(err, SIM_ERR_INVALID, "%s", detail);
    return PACK_BAD_SIGNATURE;
}

long sec_manifest_find(const SecManifest *m, const char *path)
{
    size_t lo = 0, hi = m->count;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = strcmp(m->paths[mid], path);
        if (c == 0)
            return (long)mid;
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

PackState sec_manifest_open(const char *text, size_t len, const char *const *trusted,
                            size_t trusted_count, SecManifest *out, SimError *err)
{
    memset(out, 0, sizeof *out);
    if (sec_init() != 0)
        return manifest_bad(out, err, tr(STR_SODIUM_NOT_READY));
    size_t magic = strlen(PACK_MAGIC);
    if (len < magic || memcmp(text, PACK_MAGIC, magic) != 0 || strlen(text) != len ||
        strncmp(text + magic, "key ", 4) != 0)
        return manifest_bad(out, err, tr(STR_PACKSIG_UNKNOWN_FORMAT));
    const char *kid = text + magic + 4;
    const char *eol = strchr(kid, '\n');
    if (!eol || eol - kid != SEC_KEY_ID_LEN || strspn(kid, "0123456789abcdef") != SEC_KEY_ID_LEN)
        return manifest_bad(out, err, tr(STR_PACKSIG_BAD_KEY_ID));
    memcpy(out->key_id, kid, SEC_KEY_ID_LEN);
    out->key_id[SEC_KEY_ID_LEN] = '\0';
    /* The signature line is the last one; it signs every byte before it. */
    const char *sigline = strstr(text, "\nsignature ");
    if (!sigline)
        return manifest_bad(out, err, tr(STR_PACKSIG_NO_SIGNATURE));
    sigline++;
    size_t body_len = (size_t)(sigline - text);
    unsigned char sig[crypto_sign_BYTES];
    const char *sighex = sigline + strlen("signature ");
    if (sec_unhex(sig, sizeof sig, sighex) != 0 ||
        strspn(sighex + 2 * sizeof sig, "\r\n") != strlen(sighex + 2 * sizeof sig))
        return manifest_bad(out, err, tr(STR_PACKSIG_DAMAGED));
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    if (!find_trusted(trusted, trusted_count, out->key_id, pk))
        return PACK_UNTRUSTED;
    if (crypto_sign_verify_detached(sig, (const unsigned char *)text, body_len, pk) != 0)
        return manifest_bad(out, err, tr(STR_PACKSIG_MISMATCH));
    /* Signed by a trusted key: now the file lines. */
    size_t lines = 0;
    for (const char *p = eol + 1; p < text + body_len; p++)
        lines += *p == '\n';
    if (!manifest_reserve(out, lines))
        return manifest_bad(out, err, tr(STR_NOMEM));
    const char *p = eol + 1;
    while (p < text + body_len) {
        const char *e = memchr(p, '\n', (size_t)(text + body_len - p));
        if (!e || strncmp(p, "file ", 5) != 0 || e - p < 5 + 2 * SEC_HASH_BYTES + 2 ||
            p[5 + 2 * SEC_HASH_BYTES] != ' ')
            return manifest_bad(out, err, tr(STR_PACKSIG_BAD_LINE));
        const char *name = p + 6 + 2 * SEC_HASH_BYTES;
        char *rel = sim_strndup(name, (size_t)(e - name));
        if (!rel)
            return manifest_bad(out, err, tr(STR_NOMEM));
        if (sec_unhex(out->hashes[out->count], SEC_HASH_BYTES, p + 5) != 0) {
            free(rel);
            return manifest_bad(out, err, tr(STR_PACKSIG_BAD_LINE));
        }
        if (!manifest_path_ok(rel) ||
            (out->count && strcmp(out->paths[out->count - 1], rel) >= 0)) {
            char detail[600];
            snprintf(detail, sizeof detail, TRF(STR_MANIFEST_BAD_PATH), rel);
            free(rel);
            return manifest_bad(out, err, detail);
        }
        out->paths[out->count++] = rel;
        p = e + 1;
    }
    return PACK_OK;
}

SimStatus sec_pack_sign(const char *root, const char *secret_key_path, char *id_out,
                        size_t *file_count, SimError *err)
{
    if (sec_init() != 0)
        return sim_error_set(err, SIM_ERR_STATE, TRF(STR_SODIUM_NOT_READY));
    if (!sim_is_dir(root))
        return sim_error_set(err, SIM_ERR_IO, TRF(STR_SIGN_NO_DIR), root);
    SecManifest m;
    SimStatus st = sec_pack_files(root, &m, err);
    if (st != SIM_OK)
        return st;
    for (size_t i = 0; i < m.count; i++) {
        char *full = sim_path_join(root, m.paths[i]);
        char *data = NULL;
        size_t len = 0;
        if (!full || sim_read_file(full, PACK_MAX_FILE, &data, &len, NULL) != SIM_OK) {
            sim_error_set(err, SIM_ERR_IO, TRF(STR_SIGN_UNREADABLE), root, m.paths[i]);
            free(full);
            sec_manifest_free(&m);
            return SIM_ERR_IO;
        }
        sec_hash(m.hashes[i], data, len);
        free(data);
        free(full);
    }
    SimBuf b;
    simbuf_init(&b);
    st = sec_manifest_sign(&m, secret_key_path, &b, id_out, err);
    if (file_count)
        *file_count = m.count;
    sec_manifest_free(&m);
    if (st != SIM_OK) {
        simbuf_free(&b);
        return st;
    }
    /* Replace pack.sig atomically: temp file, fsync, rename. */
    char *final = sim_path_join(root, SEC_PACK_FILE);
    char *tmp = final ? sim_path_join(root, ".pack.sig.tmp") : NULL;
    st = SIM_ERR_NOMEM;
    if (tmp) {
        unlink(tmp);
        st = write_new_file(tmp, simbuf_str(&b), b.len, 0644, err);
        if (st == SIM_OK && rename(tmp, final) != 0) {
            st = sim_error_set(err, SIM_ERR_IO, TRF(STR_CRYPTO_WRITE_FAILED_WHY), final,
                               strerror(errno));
            unlink(tmp);
        }
    } else {
        sim_error_set(err, SIM_ERR_NOMEM, TRF(STR_NOMEM));
    }
    free(tmp);
    free(final);
    simbuf_free(&b);
    return st;
}

static void add_problem(PackCheck *pc, const char *rel, PackFileState state)
{
    PackProblem *p = realloc(pc->problems, (pc->problem_count + 1) * sizeof *p);
    if (!p)
        return;
    pc->problems = p;
    p[pc->problem_count].path = sim_strdup(rel);
    p[pc->problem_count].state = state;
    if (p[pc->problem_count].path)
        pc->problem_count++;
}

static void bad_signature(PackCheck *pc, const char *detail)
{
    pc->state = PACK_BAD_SIGNATURE;
    free(pc->detail);
    pc->detail = sim_strdup(detail);
}

PackCheck *sec_pack_check(const char *root, const char *const *trusted, size_t trusted_count)
{
    PackCheck *pc = calloc(1, sizeof *pc);
    if (!pc)
        return NULL;
    PackList l;
    if (sec_init() != 0 || pack_list(root, &l) != 0) {
        list_free(&l);
        bad_signature(pc, tr(STR_NOMEM));
        return pc;
    }
    /* The pack's hash: over the file lines of the files as they are now. */
    SimBuf lines;
    simbuf_init(&lines);
    pack_lines(&l, &lines);
    unsigned char h[SEC_HASH_BYTES];
    sec_hash(h, simbuf_str(&lines), lines.len);
    sec_hex(pc->hash, h, SEC_HASH_BYTES);
    simbuf_free(&lines);

    char *sigpath = sim_path_join(root, SEC_PACK_FILE);
    char *text = NULL;
    size_t len = 0;
    SecManifest m;
    memset(&m, 0, sizeof m);
    if (!sigpath || !sim_is_file(sigpath)) {
        pc->state = PACK_UNSIGNED;
        goto done;
    }
    if (sim_read_file(sigpath, PACK_MAX_SIG, &text, &len, NULL) != SIM_OK) {
        bad_signature(pc, tr(STR_PACKSIG_UNREADABLE));
        goto done;
    }
    SimError err;
    PackState ms = sec_manifest_open(text, len, trusted, trusted_count, &m, &err);
    memcpy(pc->key_id, m.key_id, sizeof pc->key_id);
    if (ms == PACK_UNTRUSTED) {
        pc->state = PACK_UNTRUSTED;
        goto done;
    }
    if (ms != PACK_OK) {
        bad_signature(pc, err.msg);
        goto done;
    }
    /* Signature fine: compare each listed file with what is on disk now (both sorted). */
    size_t j = 0;
    for (size_t i = 0; i < m.count; i++) {
        const char *rel = m.paths[i];
        while (j < l.count && strcmp(l.items[j].rel, rel) < 0)
            add_problem(pc, l.items[j++].rel, PACK_FILE_ADDED);
        if (j < l.count && strcmp(l.items[j].rel, rel) == 0) {
            if (!l.items[j].have || !sec_equal(l.items[j].hash, m.hashes[i], SEC_HASH_BYTES))
                add_problem(pc, rel, PACK_FILE_CHANGED);
            j++;
        } else {
            add_problem(pc, rel, PACK_FILE_MISSING);
        }
    }
    while (j < l.count)
        add_problem(pc, l.items[j++].rel, PACK_FILE_ADDED);
    pc->state = pc->problem_count ? PACK_MODIFIED : PACK_OK;
done:
    sec_manifest_free(&m);
    free(text);
    free(sigpath);
    list_free(&l);
    return pc;
}

void sec_pack_free(PackCheck *pc)
{
    if (!pc)
        return;
    for (size_t i = 0; i < pc->problem_count; i++)
        free(pc->problems[i].path);
    free(pc->problems);
    free(pc->detail);
    free(pc);
}

const PackProblem *sec_pack_problem_for(const PackCheck *pc, const char *id)
{
    if (!pc)
        return NULL;
    size_t n = strlen(id);
    for (size_t i = 0; i < pc->problem_count; i++) {
        const char *r = pc->problems[i].path;
        const char *slash = strchr(r, '/');
        int own = strncmp(r, id, n) == 0 && r[n] == '/';
        int shared = !slash || strncmp(r, "data/", 5) == 0 || strncmp(r, "../", 3) == 0;
        if (own || shared)
            return &pc->problems[i];
    }
    return NULL;
}

/* ---- PIN -------------------------------------------------------------------------------- */

int sec_pin_valid(const char *pin)
{
    size_t n = pin ? strlen(pin) : 0;
    int digits = 1;
    for (size_t i = 0; i < n; i++)
        digits &= pin[i] >= '0' && pin[i] <= '9';
    /* Digits only: a PIN. Anything else: a passphrase, long enough to be worth hashing. */
    return digits ? n >= 4 && n <= 8 : n >= 8 && n <= SEC_PIN_MAX;
}

SimStatus sec_pin_hash(const char *pin, char out[SEC_PIN_HASH_MAX], SimError *err)
{
    if (sec_init() != 0)
        return sim_error_set(err, SIM_ERR_STATE, "%s", tr(STR_SODIUM_NOT_READY));
    if (!sec_pin_valid(pin))
        return sim_error_set(err, SIM_ERR_INVALID, "%s", tr(STR_PIN_DIGITS));
    if (crypto_pwhash_str(out, pin, strlen(pin), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_PIN_NOMEM));
    return SIM_OK;
}

int sec_pin_check(const char *stored, const char *pin)
{
    if (!stored || !pin || sec_init() != 0)
        return 0;
    return crypto_pwhash_str_verify(stored, pin, strlen(pin)) == 0;
}
