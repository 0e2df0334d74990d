/*
 * cli_pin.c — `mfc-trainer pin set`: the administrator sets the manager's PIN, so the
 * «Руководитель» area is not left to whoever presses M first.
 *
 *   pin set [--db FILE]   the PIN of one results database (the setting the window keeps)
 *   pin set --system      the PIN of every user of the PC: its hash in SYSCONF/manager-pin
 *                         (root-owned), copied into each results database when the window
 *                         starts (app_pin_sync)
 *
 * The PIN itself is never stored: only crypto_pwhash_str of it (engine/crypto), under the same
 * setting name the window uses, so a database keeps working with older and newer programs.
 * Depends on: crypto, store.
 */
#include "app.h"

#include "../core/i18n.h"
#include "../crypto/crypto.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#define PIN_SETTING       "manager.pin"       /* the window's setting (engine/ui/ui.c) */
#define PIN_TRIES_SETTING "manager.pin_tries" /* wrong tries in a row, sealed (store.h) */
#define PIN_SYSTEM_FILE   "manager-pin"       /* in the system configuration folder */

/* Reads one line from standard input into buf, without echo when it is a terminal. Returns 1
 * when a line was read. */
static int read_pin(const char *prompt, char *buf, size_t n)
{
    int tty = isatty(STDIN_FILENO);
    struct termios old, quiet;
    if (tty) {
        fputs(prompt, stderr);
        fflush(stderr);
        if (tcgetattr(STDIN_FILENO, &old) == 0) {
            quiet = old;
            quiet.c_lflag &= ~(tcflag_t)ECHO;
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);
        } else {
            tty = 0;
        }
    }
    int ok = fgets(buf, (int)n, stdin) != NULL;
    if (tty) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &old);
        fputc('\n', stderr);
    }
    if (ok)
        buf[strcspn(buf, "\r\n")] = '\0';
    return ok;
}

/* Writes text to path through a temporary file and a rename, readable by everyone (it is a
 * hash, and every user's window must read it), writable by its owner only. */
static int write_system_file(const char *path, const char *text)
{
    SimBuf tmp;
    simbuf_init(&tmp);
    simbuf_printf(&tmp, "%s.new", path);
    FILE *f = fopen(simbuf_str(&tmp), "wb");
    int ok = f != NULL;
    if (f) {
        ok = fprintf(f, "%s\n", text) > 0;
        ok &= fclose(f) == 0;
        ok = ok && chmod(simbuf_str(&tmp), 0644) == 0 && rename(simbuf_str(&tmp), path) == 0;
        if (!ok) {
            int saved = errno;
            remove(simbuf_str(&tmp));
            errno = saved;
        }
    }
    simbuf_free(&tmp);
    return ok;
}

int cmd_pin(int argc, char **argv, const AppPaths *paths)
{
    const char *db = NULL;
    int system = 0;
    if (argc < 1 || strcmp(argv[0], "set") != 0) {
        fprintf(stderr, "mfc-trainer pin: ");
        fprintf(stderr, tr(argc < 1 ? STR_ERR_NEEDS_VALUE : STR_ERR_UNKNOWN_OPTION),
                argc < 1 ? "pin" : argv[0]);
        fprintf(stderr, "\n%s", tr(STR_PIN_USAGE));
        return EXIT_USAGE;
    }
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--system") == 0) {
            system = 1;
        } else if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) {
            db = argv[++i];
        } else {
            fprintf(stderr, "mfc-trainer pin set: ");
            fprintf(stderr,
                    tr(strcmp(argv[i], "--db") == 0 ? STR_ERR_NEEDS_VALUE : STR_ERR_UNKNOWN_OPTION),
                    argv[i]);
            fprintf(stderr, "\n%s", tr(STR_PIN_USAGE));
            return EXIT_USAGE;
        }
    }
    if (system && db) {
        fprintf(stderr, "mfc-trainer pin set: ");
        fprintf(stderr, tr(STR_ERR_UNKNOWN_OPTION), "--db");
        fprintf(stderr, "\n%s", tr(STR_PIN_USAGE));
        return EXIT_USAGE;
    }
    char first[64] = "", second[64] = "";
    if (!read_pin(tr(STR_PIN_ASK), first, sizeof first) ||
        !read_pin(tr(STR_PIN_ASK_AGAIN), second, sizeof second)) {
        fprintf(stderr, "mfc-trainer pin set: %s\n", tr(STR_PIN_CLI_NO_INPUT));
        return EXIT_USAGE;
    }
    int rc = EXIT_OK;
    char hash[SEC_PIN_HASH_MAX];
    SimError err;
    if (!sec_pin_valid(first)) {
        fprintf(stderr, "mfc-trainer pin set: %s\n", tr(STR_PIN_CLI_INVALID));
        rc = EXIT_USAGE;
    } else if (strcmp(first, second) != 0) {
        fprintf(stderr, "mfc-trainer pin set: %s\n", tr(STR_PIN_CLI_MISMATCH));
        rc = EXIT_USAGE;
    } else if (sec_pin_hash(first, hash, &err) != SIM_OK) {
        fprintf(stderr, "mfc-trainer pin set: %s\n", err.msg);
        rc = EXIT_FAIL;
    }
    memset(first, 0, sizeof first);
    memset(second, 0, sizeof second);
    if (rc != EXIT_OK)
        return rc;
    if (system) {
        char *path = sim_path_join(paths->sysconf, PIN_SYSTEM_FILE);
        if (!sim_is_dir(paths->sysconf) && mkdir(paths->sysconf, 0755) != 0 && errno != EEXIST) {
            fprintf(stderr, "mfc-trainer pin set: ");
            fprintf(stderr, tr(STR_PIN_CLI_WRITE), paths->sysconf, strerror(errno));
            fprintf(stderr, "\n");
            rc = EXIT_FAIL;
        } else if (!path || !write_system_file(path, hash)) {
            fprintf(stderr, "mfc-trainer pin set: ");
            fprintf(stderr, tr(STR_PIN_CLI_WRITE), path ? path : paths->sysconf, strerror(errno));
            fprintf(stderr, "\n");
            rc = EXIT_FAIL;
        } else {
            printf(tr(STR_PIN_CLI_DONE_SYSTEM), path);
        }
        free(path);
        return rc;
    }
    char *dbpath = db ? sim_strdup(db) : store_default_path();
    Store *st = NULL;
    if (store_open(dbpath, &st, &err) != SIM_OK ||
        store_set_setting(st, PIN_SETTING, hash, &err) != SIM_OK ||
        store_set_setting_sealed(st, PIN_TRIES_SETTING, "0", &err) != SIM_OK) {
        fprintf(stderr, "mfc-trainer pin set: %s\n", err.msg);
        rc = EXIT_FAIL;
    } else {
        printf(tr(STR_PIN_CLI_DONE_DB), dbpath);
    }
    store_close(st);
    free(dbpath);
    return rc;
}

void app_pin_sync(const AppPaths *paths, Store *st)
{
    if (!st || !paths->sysconf)
        return;
    char *path = sim_path_join(paths->sysconf, PIN_SYSTEM_FILE);
    if (!path || !sim_is_file(path)) {
        free(path);
        return;
    }
    struct stat sb;
    char *text = NULL;
    size_t len = 0;
    SimError err;
    int owned = stat(path, &sb) == 0 && sb.st_uid == 0 && (sb.st_mode & (S_IWGRP | S_IWOTH)) == 0;
    if (owned && sim_read_file(path, SEC_PIN_HASH_MAX, &text, &len, &err) == SIM_OK)
        text[strcspn(text, "\r\n")] = '\0';
    /* A crypto_pwhash_str hash, nothing else: a stray file must not lock the manager out. */
    if (!text || strncmp(text, "$argon2", 7) != 0) {
        fprintf(stderr, "mfc-trainer: ");
        fprintf(stderr, tr(STR_PIN_SYSTEM_IGNORED), path);
        fprintf(stderr, "\n");
    } else {
        char *stored = store_get_setting(st, PIN_SETTING);
        /* A new PIN from the administrator starts with a fresh, sealed count of wrong tries
         * (the window takes a PIN without one for tampering). */
        if (!stored || strcmp(stored, text) != 0)
            if (store_set_setting(st, PIN_SETTING, text, &err) != SIM_OK ||
                store_set_setting_sealed(st, PIN_TRIES_SETTING, "0", &err) != SIM_OK)
                fprintf(stderr, "mfc-trainer: %s\n", err.msg);
        free(stored);
    }
    free(text);
    free(path);
}
