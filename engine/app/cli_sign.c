/*
 * cli_sign.c — signed scenario packs and the results chain on the command line:
 * `keygen` and `sign` for methodologists, `verify` for managers, and the pack check that
 * `play` and the window run before any scenario file is parsed.
 *
 * Trusted public keys: every root-owned *.pub in /etc/mfc-trainer/keys/ (the region's keys on
 * an installed PC); in a build tree also assets/keys/ (the development key, which an installed
 * program never trusts); plus the files or folders listed in $MFC_TRUSTED_KEYS (separated by
 * ':'); see docs/security.md and docs/install-guide.md.
 * Depends on: crypto, store.
 */
#include "app.h"

#include "../core/i18n.h"
#include "../crypto/crypto.h"
#include "../pack/pack.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_TRUSTED APP_MAX_TRUSTED

/* 1 when path is owned by root and nobody else may write to it: a trusted key an ordinary
 * user could have put there or edited would trust anything. */
static int root_owned(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && st.st_uid == 0 && (st.st_mode & (S_IWGRP | S_IWOTH)) == 0;
}

/* The region's keys on an installed PC: every *.pub in SYSCONF/keys/, the folder and the file
 * owned by root (a key that is not is refused, and why is said once on stderr). */
static size_t system_keys(const AppPaths *p, char **list, size_t n, size_t max)
{
    char *dir = p->sysconf ? sim_path_join(p->sysconf, "keys") : NULL;
    if (!dir || !sim_is_dir(dir)) {
        free(dir);
        return n;
    }
    DIR *d = opendir(dir);
    int dir_ok = root_owned(dir);
    for (struct dirent *e; d && (e = readdir(d)) != NULL && n < max;) {
        size_t len = strlen(e->d_name);
        if (len < 5 || e->d_name[0] == '.' || strcmp(e->d_name + len - 4, ".pub") != 0)
            continue;
        char *file = sim_path_join(dir, e->d_name);
        if (file && dir_ok && root_owned(file)) {
            list[n++] = file;
        } else {
            fprintf(stderr, "mfc-trainer: ");
            fprintf(stderr, tr(STR_KEY_NOT_ROOT_OWNED), file ? file : e->d_name);
            fprintf(stderr, "\n");
            free(file);
        }
    }
    if (d)
        closedir(d);
    free(dir);
    return n;
}

/* Fills list with the trusted key locations (caller frees each); returns the count: the
 * development key of a build tree (assets/keys/), never of an installed program; the
 * system's keys; $MFC_TRUSTED_KEYS. */
size_t app_trusted_keys(const AppPaths *p, char **list, size_t max)
{
    size_t n = 0;
    if (!p->installed && p->data && n < max) {
        list[n] = sim_path_join(p->data, "assets/keys");
        if (list[n])
            n++;
    }
    n = system_keys(p, list, n, max);
    const char *env = getenv("MFC_TRUSTED_KEYS");
    while (env && *env && n < max) {
        const char *colon = strchr(env, ':');
        size_t l = colon ? (size_t)(colon - env) : strlen(env);
        if (l > 0 && (list[n] = sim_strndup(env, l)) != NULL)
            n++;
        env = colon ? colon + 1 : NULL;
    }
    return n;
}

PackCheck *app_pack_check(const AppPaths *p, const char *root)
{
    char *keys[MAX_TRUSTED];
    size_t nk = app_trusted_keys(p, keys, MAX_TRUSTED);
    PackCheck *pc = sec_pack_check(root, (const char *const *)keys, nk);
    for (size_t i = 0; i < nk; i++)
        free(keys[i]);
    return pc;
}

PackCheck *app_pack_check_for(const AppPaths *p, const char *scenario_dir)
{
    char *root = app_parent_dir(scenario_dir); /* the pack's root */
    PackCheck *pc = root ? app_pack_check(p, root) : NULL;
    free(root);
    return pc;
}

char *app_pack_problem(const PackCheck *pc, const char *scenario_id)
{
    SimBuf b;
    simbuf_init(&b);
    if (!pc) {
        simbuf_puts(&b, tr(STR_PACK_NOMEM));
        return simbuf_take(&b);
    }
    switch (pc->state) {
    case PACK_OK:
    case PACK_MODIFIED: {
        const PackProblem *p = sec_pack_problem_for(pc, scenario_id);
        if (!p) {
            simbuf_free(&b);
            return NULL;
        }
        SimStr s = p->state == PACK_FILE_CHANGED   ? STR_PACK_FILE_CHANGED
                   : p->state == PACK_FILE_MISSING ? STR_PACK_FILE_MISSING
                                                   : STR_PACK_FILE_ADDED;
        simbuf_printf(&b, tr(s), p->path);
        break;
    }
    case PACK_UNSIGNED:
        simbuf_printf(&b, tr(STR_PACK_UNSIGNED), SEC_PACK_FILE);
        break;
    case PACK_UNTRUSTED:
        simbuf_printf(&b, tr(STR_PACK_UNTRUSTED), pc->key_id);
        break;
    case PACK_BAD_SIGNATURE:
        simbuf_printf(&b, tr(STR_PACK_BAD_SIGNATURE), pc->detail ? pc->detail : "");
        break;
    }
    return simbuf_take(&b);
}

void app_pack_fill(const PackCheck *pc, const char *problem, AttemptInfo *a)
{
    if (!pc)
        return;
    static const char *const states[] = {"signed", "unsigned", "bad-signature", "untrusted",
                                         "modified"};
    snprintf(a->pack_hash, sizeof a->pack_hash, "%s", pc->hash);
    const char *st = states[pc->state];
    if (pc->state == PACK_MODIFIED && !problem)
        st = "signed"; /* this scenario's own files and the shared ones are intact */
    if (pc->state == PACK_OK && problem)
        st = "modified";
    snprintf(a->pack_state, sizeof a->pack_state, "%s", st);
    snprintf(a->pack_key, sizeof a->pack_key, "%s", pc->key_id);
}

void app_pack_version(const char *root, const PackCheck *pc, char *out, size_t n)
{
    out[0] = '\0';
    if (!pc || (pc->state != PACK_OK && pc->state != PACK_MODIFIED))
        return;
    for (size_t i = 0; i < pc->problem_count; i++)
        if (strcmp(pc->problems[i].path, PACK_INFO_FILE) == 0)
            return; /* not the signed one */
    PackInfo info;
    if (!pack_info_read(root, &info))
        return;
    snprintf(out, n, "%s", info.version);
    pack_info_free(&info);
}

/* ---- keygen ----------------------------------------------------------------------------- */

int cmd_keygen(int argc, char **argv, const AppPaths *paths)
{
    (void)paths;
    const char *out = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--output") == 0 && i + 1 < argc)
            out = argv[++i];
        else if (!out && argv[i][0] != '-')
            out = argv[i];
        else {
            fprintf(stderr, "mfc-trainer keygen: ");
            fprintf(stderr, tr(STR_ERR_UNKNOWN_OPTION), argv[i]);
            fprintf(stderr, "\n%s\n", tr(STR_KEYGEN_USAGE));
            return EXIT_USAGE;
        }
    }
    if (!out) {
        fprintf(stderr, "mfc-trainer keygen: %s\n", tr(STR_KEYGEN_USAGE));
        return EXIT_USAGE;
    }
    SimBuf pub;
    simbuf_init(&pub);
    simbuf_printf(&pub, "%s.pub", out);
    char id[SEC_KEY_ID_LEN + 1];
    SimError err;
    if (sec_keygen(out, simbuf_str(&pub), id, &err) != SIM_OK) {
        fprintf(stderr, "mfc-trainer keygen: %s\n", err.msg);
        simbuf_free(&pub);
        return EXIT_FAIL;
    }
    char *text = NULL;
    size_t len = 0;
    sim_read_file(simbuf_str(&pub), 4096, &text, &len, NULL);
    printf(tr(STR_KEYGEN_DONE), out, simbuf_str(&pub), id, text ? text : "");
    free(text);
    simbuf_free(&pub);
    return EXIT_OK;
}

/* ---- sign ------------------------------------------------------------------------------- */

int cmd_sign(int argc, char **argv, const AppPaths *paths)
{
    const char *key = NULL, *root = NULL;
    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--key") == 0 && i + 1 < argc)
            key = argv[++i];
        else if (!root && argv[i][0] != '-')
            root = argv[i];
        else {
            fprintf(stderr, "mfc-trainer sign: ");
            fprintf(stderr, tr(STR_ERR_UNKNOWN_OPTION), argv[i]);
            fprintf(stderr, "\n%s\n", tr(STR_SIGN_USAGE));
            return EXIT_USAGE;
        }
    }
    if (!key) {
        fprintf(stderr, "mfc-trainer sign: %s\n", tr(STR_SIGN_USAGE));
        return EXIT_USAGE;
    }
    if (!root)
        root = paths->scenarios;
    char id[SEC_KEY_ID_LEN + 1];
    size_t files = 0;
    SimError err;
    if (sec_pack_sign(root, key, id, &files, &err) != SIM_OK) {
        fprintf(stderr, "mfc-trainer sign: %s\n", err.msg);
        return EXIT_FAIL;
    }
    PackCheck *pc = app_pack_check(paths, root);
    printf(tr(STR_SIGN_DONE), root, SEC_PACK_FILE, files, id, pc ? pc->hash : "?");
    if (pc && pc->state == PACK_UNTRUSTED)
        printf(tr(STR_SIGN_NOT_TRUSTED), id);
    sec_pack_free(pc);
    return EXIT_OK;
}

/* ---- verify ----------------------------------------------------------------------------- */

static const char *finding_text(const TamperFinding *f)
{
    switch (f->kind) {
    case TAMPER_CHANGED:
        return tr(STR_VERIFY_CHANGED);
    case TAMPER_DELETED:
        return tr(STR_VERIFY_DELETED);
    case TAMPER_INSERTED:
        return tr(STR_VERIFY_INSERTED);
    case TAMPER_REORDERED:
        return tr(STR_VERIFY_REORDERED);
    case TAMPER_JOURNAL:
        return tr(STR_VERIFY_JOURNAL);
    case TAMPER_ROLLBACK:
        return tr(STR_VERIFY_ROLLBACK);
    }
    return "";
}

static const char *what_text(const char *what)
{
    if (strcmp(what, "attempt") == 0)
        return tr(STR_VERIFY_WHAT_ATTEMPT);
    if (strcmp(what, "result") == 0)
        return tr(STR_VERIFY_WHAT_RESULT);
    if (strcmp(what, "action") == 0)
        return tr(STR_VERIFY_WHAT_ACTION);
    if (strcmp(what, "identity") == 0)
        return tr(STR_VERIFY_WHAT_IDENTITY);
    if (strcmp(what, "journal") == 0)
        return tr(STR_VERIFY_WHAT_JOURNAL);
    return tr(STR_VERIFY_WHAT_HEAD);
}

int cmd_verify(int argc, char **argv, const AppPaths *paths)
{
    const char *db = NULL, *expect = NULL, *key = NULL, *central = NULL, *office = NULL;
    int json = 0;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--json") == 0) {
            json = 1;
            continue;
        }
        const char **slot = strcmp(a, "--db") == 0            ? &db
                            : strcmp(a, "--expect-head") == 0 ? &expect
                            : strcmp(a, "--key") == 0         ? &key
                            : strcmp(a, "--central") == 0     ? &central
                            : strcmp(a, "--office") == 0      ? &office
                                                              : NULL;
        if (!slot || i + 1 >= argc) {
            fprintf(stderr, "mfc-trainer verify: ");
            fprintf(stderr, slot ? tr(STR_ERR_NEEDS_VALUE) : tr(STR_ERR_UNKNOWN_OPTION), a);
            fprintf(stderr, "\n%s\n", tr(STR_VERIFY_USAGE));
            return EXIT_USAGE;
        }
        *slot = argv[++i];
    }
    if (expect && (strlen(expect) < 8 || strspn(expect, "0123456789abcdef") != strlen(expect))) {
        fprintf(stderr, "mfc-trainer verify: ");
        fprintf(stderr, tr(STR_VERIFY_BAD_HEAD), expect);
        fprintf(stderr, "\n");
        return EXIT_USAGE;
    }
    /* The region's audit: every office's chain at the centre, no PC's secret needed. */
    if (central)
        return app_verify_central(central, office, json);
    char *path = app_db_path(paths, db);
    if (!sim_is_file(path)) {
        fprintf(stderr, "mfc-trainer verify: ");
        fprintf(stderr, tr(STR_ERR_EXPORT_NO_DB), path);
        fprintf(stderr, "\n");
        free(path);
        return EXIT_USAGE;
    }
    /* verify reads evidence; it never makes a secret. Without the one the records were sealed
     * with, nothing could verify, and a new secret written beside a received copy would only
     * mislead (issue #16, finding 9). */
    char *kp = key ? sim_strdup(key) : store_key_path(path);
    int keyless = !kp || !sim_is_file(kp);
    if (keyless && key) {
        /* A key named on the command line must exist: a typo is not "no key". */
        fprintf(stderr, "mfc-trainer verify: ");
        fprintf(stderr, tr(STR_VERIFY_NO_KEY), kp ? kp : "?", path);
        fprintf(stderr, "\n");
        free(kp);
        free(path);
        return EXIT_USAGE;
    }
    if (keyless) {
        /* A received copy without its secret: check everything that needs none, never make a
         * key, and say what could not be checked (issue #12). */
        fprintf(stderr, "mfc-trainer verify: ");
        fprintf(stderr, tr(STR_VERIFY_KEYLESS), kp ? kp : "?");
        fprintf(stderr, "\n");
    }
    free(kp);
    Store *st = NULL;
    SimError err;
    if ((keyless ? store_open_evidence(path, &st, &err) : store_open_keyed(path, key, &st, &err)) !=
        SIM_OK) {
        fprintf(stderr, "mfc-trainer verify: %s\n", err.msg);
        free(path);
        return EXIT_FAIL;
    }
    ChainReport r;
    int rc = EXIT_OK;
    if (store_verify(st, expect, &r, &err) != SIM_OK) {
        fprintf(stderr, "mfc-trainer verify: %s\n", err.msg);
        rc = EXIT_FAIL;
    } else {
        for (size_t i = 0; i < r.count; i++) {
            const TamperFinding *f = &r.items[i];
            printf("%s: %s", finding_text(f), what_text(f->what));
            if (f->attempt[0])
                printf(tr(STR_VERIFY_ATTEMPT_ID), f->attempt);
            if (strcmp(f->what, "action") == 0)
                printf(tr(STR_VERIFY_SEQ), f->seq);
            if (f->n)
                printf(tr(STR_VERIFY_ENTRY), f->n);
            if (f->kind == TAMPER_ROLLBACK)
                printf(" %s", expect);
            printf("\n");
        }
        printf(tr(STR_VERIFY_SUMMARY), path, r.attempts, r.actions, r.entries,
               r.head[0] ? r.head : "—");
        printf("\n");
        if (r.count) {
            printf(tr(STR_VERIFY_FOUND), r.count);
            rc = EXIT_FAIL;
        } else {
            printf("%s", tr(STR_VERIFY_OK));
        }
        printf("\n");
        store_verify_free(&r);
    }
    store_close(st);
    free(path);
    return rc;
}
