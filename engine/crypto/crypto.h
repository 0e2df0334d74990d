/*
 * crypto.h — signatures, MACs and password hashes (libsodium), for tamper evidence.
 *
 * Owns: the methodologist's signing keys (Ed25519) and the signed manifest of a scenario pack
 * (scenarios/pack.sig), the per-installation secret for the results MAC chain (HMAC-SHA512-256,
 * crypto_auth), content hashes (BLAKE2b-256, crypto_generichash) and the manager's PIN
 * (crypto_pwhash_str). Nothing here is a hand-written primitive: every primitive is libsodium's.
 * libsodium enters the program only through this module (checked by tests/layers_test.sh).
 * Prefix sec_ (libsodium itself owns crypto_*).
 * Depends on: core.
 */
#ifndef SIM_CRYPTO_H
#define SIM_CRYPTO_H

#include <stddef.h>

#include "../core/core.h"

#define SEC_HASH_BYTES   32 /* BLAKE2b-256 */
#define SEC_MAC_BYTES    32 /* HMAC-SHA512-256 */
#define SEC_KEY_BYTES    32 /* the installation secret */
#define SEC_KEY_ID_LEN   16 /* hex characters of a public key id */
#define SEC_PIN_HASH_MAX 128
#define SEC_PACK_FILE    "pack.sig"

/* Initialises libsodium; safe to call many times. Returns 0 when ready. */
int sec_init(void);

/* BLAKE2b-256 of data. */
void sec_hash(unsigned char out[SEC_HASH_BYTES], const void *data, size_t len);
/* Lower-case hex of n bytes into out (size >= 2n + 1). */
void sec_hex(char *out, const unsigned char *in, size_t n);
/* Parses exactly 2n hex characters; returns 0 on success. */
int sec_unhex(unsigned char *out, size_t n, const char *hex);
/* HMAC-SHA512-256 of the concatenation of parts (part i: ptrs[i], lens[i]). */
void sec_mac(unsigned char out[SEC_MAC_BYTES], const unsigned char key[SEC_KEY_BYTES],
             const void *const *ptrs, const size_t *lens, size_t nparts);
/* Constant-time comparison; 1 when equal. */
int sec_equal(const unsigned char *a, const unsigned char *b, size_t n);
void sec_random(void *buf, size_t n);

/* ---- the installation secret ------------------------------------------------------------ */
/* Reads the 32-byte secret at path, creating it (mode 0600, random) when missing. Two
 * processes creating it at once agree on one file (link, not overwrite). *created is set to 1
 * when this call made it. A file of the wrong size or looser mode than 0600 is refused. */
SimStatus sec_secret_load(const char *path, unsigned char key[SEC_KEY_BYTES], int *created,
                          SimError *err);

/* ---- signing keys ----------------------------------------------------------------------- */
/* Writes a new Ed25519 key pair: the secret key to secret_path (mode 0600, never overwritten)
 * and the public key to public_path (one line of hex). id_out (size >= 17) gets the key id. */
SimStatus sec_keygen(const char *secret_path, const char *public_path, char *id_out, SimError *err);

/* ---- scenario packs --------------------------------------------------------------------- */
/* A pack is the scenarios folder ROOT: every regular file of ROOT/<scenario>/ (and its data/),
 * ROOT/data/ and the shared scripts ROOT/../scripts/NAME.lua (named "../scripts/NAME" in the
 * manifest). Hidden files and pack.sig itself are not part of it. */
typedef enum PackState {
    PACK_OK = 0,        /* signed by a trusted key, every file intact */
    PACK_UNSIGNED,      /* no pack.sig */
    PACK_BAD_SIGNATURE, /* pack.sig malformed or its signature does not verify */
    PACK_UNTRUSTED,     /* signed by a key that is not among the trusted ones */
    PACK_MODIFIED       /* signature fine, but files changed, missing or added */
} PackState;

typedef enum PackFileState {
    PACK_FILE_CHANGED = 1,
    PACK_FILE_MISSING,
    PACK_FILE_ADDED
} PackFileState;

typedef struct PackProblem {
    char *path; /* relative to ROOT, as in the manifest */
    PackFileState state;
} PackProblem;

typedef struct PackCheck {
    PackState state;
    char key_id[SEC_KEY_ID_LEN + 1];   /* the signer's key id; "" when unsigned */
    char hash[2 * SEC_HASH_BYTES + 1]; /* BLAKE2b-256 over the manifest of the files as read */
    PackProblem *problems;
    size_t problem_count;
    char *detail; /* what was wrong with pack.sig (BAD_SIGNATURE), or NULL */
} PackCheck;

/* Hashes every file of the pack and writes ROOT/pack.sig signed with the secret key file. */
SimStatus sec_pack_sign(const char *root, const char *secret_key_path, char *id_out,
                        size_t *file_count, SimError *err);
/* Checks ROOT against its pack.sig: the signature first, then the hash of every file's bytes.
 * trusted: paths of public-key files or folders of .pub files (missing ones are skipped).
 * Never NULL except on OOM. Caller frees with sec_pack_free. */
PackCheck *sec_pack_check(const char *root, const char *const *trusted, size_t trusted_count);
void sec_pack_free(PackCheck *pc);
/* The first problem that concerns the scenario folder named id (its own files, or the shared
 * data/ and scripts), or NULL when the scenario's files are intact. */
const PackProblem *sec_pack_problem_for(const PackCheck *pc, const char *id);

/* ---- a manifest in memory (pack files, issue #13) ------------------------------------- */
/* The text of a pack.sig, split into its file lines: what `pack build` signs before anything
 * is written and what `pack install` checks before anything is unpacked. */
typedef struct SecManifest {
    char key_id[SEC_KEY_ID_LEN + 1];
    size_t count;
    char **paths;                            /* as in pack.sig (relative to ROOT), sorted */
    unsigned char (*hashes)[SEC_HASH_BYTES]; /* BLAKE2b-256 of each file's bytes */
} SecManifest;
/* The files of the pack at root, sorted, named as the manifest names them (hashes zeroed).
 * Caller frees with sec_manifest_free. */
SimStatus sec_pack_files(const char *root, SecManifest *out, SimError *err);
/* The signed text of a manifest over m (paths strictly sorted) into out; id_out (size >= 17)
 * gets the signer's key id. */
SimStatus sec_manifest_sign(const SecManifest *m, const char *secret_key_path, SimBuf *out,
                            char *id_out, SimError *err);
/* Checks a manifest's text: its format, a trusted signer and the signature, and that its paths
 * are sorted, unique and stay inside the pack (no "..", except "../scripts/NAME.lua"; nothing
 * absolute). Returns PACK_OK and fills out; PACK_UNTRUSTED (out->key_id set); or
 * PACK_BAD_SIGNATURE with what is wrong in err. out is always safe to free with
 * sec_manifest_free. */
PackState sec_manifest_open(const char *text, size_t len, const char *const *trusted,
                            size_t trusted_count, SecManifest *out, SimError *err);
/* The index of path in m, or -1. */
long sec_manifest_find(const SecManifest *m, const char *path);
void sec_manifest_free(SecManifest *m);

/* ---- installation identity and signed messages (issue #12) ------------------------------ */
#define SEC_SHA256_BYTES 32
#define SEC_SIG_HEX      128 /* hex characters of an Ed25519 signature */
#define SEC_PUB_HEX      64  /* hex characters of an Ed25519 public key */
/* SHA-256: the public hash chain of synced journal entries, which PostgreSQL recomputes with its
 * built-in sha256() (BLAKE2b is not available there). */
void sec_sha256(unsigned char out[SEC_SHA256_BYTES], const void *data, size_t len);
/* A random version-4 UUID, 36 characters plus NUL. */
void sec_uuid(char out[37]);
/* Signs msg with the Ed25519 secret key file; sig_hex gets SEC_SIG_HEX characters plus NUL. */
SimStatus sec_sign_message(const char *secret_key_path, const void *msg, size_t len,
                           char sig_hex[SEC_SIG_HEX + 1], SimError *err);
/* 1 when sig_hex is a valid signature of msg by the public key pub_hex. */
int sec_verify_message(const char *pub_hex, const void *msg, size_t len, const char *sig_hex);
/* The public key of a public key file (or of a secret key file) as hex into out. */
SimStatus sec_public_key_hex(const char *path, char out[SEC_PUB_HEX + 1], SimError *err);

/* ---- the manager's PIN ------------------------------------------------------------------ */
/* A PIN is 4–8 digits, or a passphrase of 8 to SEC_PIN_MAX bytes that is not all digits.
 * Hashes with crypto_pwhash_str (interactive limits) into out. */
#define SEC_PIN_MAX 64
int sec_pin_valid(const char *pin);
SimStatus sec_pin_hash(const char *pin, char out[SEC_PIN_HASH_MAX], SimError *err);
/* 1 when pin matches the stored hash. */
int sec_pin_check(const char *stored, const char *pin);

#endif /* SIM_CRYPTO_H */
