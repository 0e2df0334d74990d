/*
 * app.h — the command-line front end: argument parsing helpers shared by the commands.
 *
 * Owns: locating the bundled scenarios, their rules catalogue and the shared scripts folder;
 * the `check` and `play` commands. This is the only layer that prints and chooses exit codes.
 * Depends on: every engine module.
 */
#ifndef SIM_APP_H
#define SIM_APP_H

#include "../core/conf.h"
#include "../crypto/crypto.h"
#include "../session/session.h"
#include "../store/report.h"
#include "../store/store.h"

/* Exit codes. */
#define EXIT_OK    0
#define EXIT_FAIL  1 /* invalid scenarios, failed checks */
#define EXIT_USAGE 2 /* bad flags, unknown scenarios or action ids */

typedef struct AppPaths {
    char *scenarios; /* root folder of scenarios, owned */
    char *data;    /* PREFIX/share/mfc-trainer, or the source tree of a build; owned, may be NULL */
    char *sysconf; /* /etc/mfc-trainer (ROOT/etc/mfc-trainer for a tree unpacked in ROOT), owned */
    int installed; /* 1 when the program runs from PREFIX/bin with PREFIX/share/mfc-trainer */
    int bundled;   /* 1 when scenarios is the set shipped with the program: an installed pack
                      takes its place (app_paths_use_pack) */
    char *pack_version; /* the installed pack in use (issue #13), owned; NULL when the
                           scenarios come from --scenarios, $MFC_SCENARIOS or a folder */
    SimConf *conf;      /* the configuration file's layers (conf.h), owned; never NULL after
                           app_config_load except out of memory */
} AppPaths;

/* Resolves the scenarios root: --scenarios, $MFC_SCENARIOS, then PREFIX/share/mfc-trainer/
 * scenarios for an installed program; for a build tree ./scenarios or next to the executable
 * (../scenarios from build/). */
void app_paths_init(AppPaths *p, const char *override);
/* After app_config_load: when the scenarios are the bundled set, the installed scenario pack
 * (`current` in the packs folder, issue #13) takes its place, held for the life of the process
 * so no install removes it. */
void app_paths_use_pack(AppPaths *p);
/* The packs folder: the flag, else `packs` from the configuration, else
 * $XDG_DATA_HOME/mfc-trainer/packs (~/.local/share/…). Caller frees. */
char *app_packs_dir(const AppPaths *p, const char *flag_value);
/* The trusted public-key locations (cli_sign.c): a build tree's assets/keys, the system's keys
 * (SYSCONF/keys, root-owned) and $MFC_TRUSTED_KEYS. Fills list (caller frees each); returns the
 * count. */
size_t app_trusted_keys(const AppPaths *p, char **list, size_t max);
#define APP_MAX_TRUSTED 64
void app_paths_free(AppPaths *p);
/* Reads the system and then the user configuration file into p->conf; prints each problem
 * (FILE:LINE: what is wrong) to stderr and carries on with the rest. */
void app_config_load(AppPaths *p);
/* A setting: the flag's value when given (it overrides the files), else the files' value, else
 * NULL. */
const char *app_setting(const AppPaths *p, const char *flag_value, const char *key);
/* The results database: the --db flag, else `db` from the configuration, else the default
 * place (store_default_path). Caller frees. */
char *app_db_path(const AppPaths *p, const char *flag_value);
/* The folder that holds path (trailing slashes ignored; "." for a bare name). Caller frees. */
char *app_parent_dir(const char *path);
/* The folder a scenario argument names: an existing folder, or an id under the root. Caller
 * frees; NULL when neither exists. */
char *app_resolve_scenario(const AppPaths *p, const char *arg);
/* Loads the rules catalogue, the reference book and shared-scripts folder for a scenario
 * folder, i.e. from the folder's parent: <parent>/data/rules.json, <parent>/data/services.json
 * and <parent>/../scripts. */
typedef struct AppLoadCtx {
    RuleCatalog *rules;
    char *rules_path;
    RefBook *refbook; /* <parent>/data/services.json, the «Справочник»; NULL when absent */
    char *refbook_path;
    char *scripts_dir;
} AppLoadCtx;
void app_load_ctx_init(AppLoadCtx *c, const char *scenario_dir, SimDiags *diags);
void app_load_ctx_free(AppLoadCtx *c);

void app_print_diags(const SimDiags *d);

/* ---- flags (args.c) ------------------------------------------------------------------- */
/* One option of a command: a value option stores the argument after it in *value (never an
 * empty one), a switch (value NULL) sets *on to 1. */
typedef struct AppOpt {
    const char *name; /* "--central" */
    const char **value;
    int *on;
} AppOpt;
typedef struct AppArgs {
    const char *cmd; /* the word after "mfc-trainer" in every message: "sync", "pack" */
    const char *use; /* the usage text: printed by --help and after a mistake (NULL: none) */
    const AppOpt *opts;
    size_t nopts;
    const char **pos; /* positionals, at most max_pos (one more is a mistake) */
    int max_pos;
    int npos; /* out */
} AppArgs;
#define APP_ARGS_HELP (-1) /* --help or -h: the usage went to stdout; the command exits 0 */
/* Clears every option, then reads argv. Returns EXIT_OK, APP_ARGS_HELP, or EXIT_USAGE after
 * printing what was wrong (an unknown option, a missing value, a positional too many). */
int app_args_parse(AppArgs *a, int argc, char **argv);
/* Prints "mfc-trainer CMD: " and the message to stderr, then the usage (NULL: none); returns
 * EXIT_USAGE. */
int app_usage(const char *cmd, const char *use, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* "-" as a file name: standard input or output. app_read_input reads path (or all of standard
 * input for "-") like sim_read_file; app_write_output writes n bytes of text to path (or
 * standard output for "-") and returns 1 when all of it was written. */
SimStatus app_read_input(const char *path, size_t max_size, char **out, size_t *len, SimError *err);
int app_write_output(const char *path, const char *text, size_t n);
/* The same for a text in pieces, written one after the other (a report and the table placed
 * inside it, without copying tens of megabytes into one buffer first). */
typedef struct AppPiece {
    const char *text; /* borrowed */
    size_t len;
} AppPiece;
int app_write_pieces(const char *path, const AppPiece *p, size_t count);

/* An outcome id (accepted, refused, …, unfinished, content_error) in the words reports use
 * («заявление принято»); an unknown one as itself. Static text. */
const char *app_outcome_words(const char *outcome);

/* A scenario opened for a command (explore, graph): its folder resolved, loaded with its
 * rules, reference book and shared scripts, and its script compiled once. */
typedef struct AppScenario {
    char *dir;
    AppLoadCtx ctx;
    SimDiags diags;
    Scenario *s;
    ScriptProgram *prog; /* NULL when the scenario has no script */
} AppScenario;
/* Opens arg (an id or a folder) for command cmd. Prints the diagnostics and a message naming
 * the scenario on failure. Returns EXIT_OK, EXIT_USAGE (not found) or EXIT_FAIL (invalid).
 * Always release with app_scenario_close. */
int app_scenario_open(AppScenario *a, const AppPaths *p, const char *arg, const char *cmd);
void app_scenario_close(AppScenario *a);

/* Script budgets for play and check: the defaults, then MFC_LUA_TIME_MS and MFC_LUA_MEM_MB from
 * the environment, then --lua-time-ms N and --lua-mem-mb N. app_limits_init returns EXIT_OK or,
 * after printing why, EXIT_USAGE. app_limits_flag looks at argv[*i]: 0 when it is not a budget
 * flag; 1 when it was (its value consumed, *i advanced); -1 after printing a usage error. */
int app_limits_init(ScriptLimits *l, const char *cmd);
int app_limits_flag(int argc, char **argv, int *i, ScriptLimits *l, const char *cmd);

int cmd_check(int argc, char **argv, const AppPaths *paths);
int cmd_play(int argc, char **argv, const AppPaths *paths);
int cmd_gui(int argc, char **argv, const AppPaths *paths);
int cmd_report(int argc, char **argv, const AppPaths *paths);
int cmd_export(int argc, char **argv, const AppPaths *paths);
int cmd_explore(int argc, char **argv, const AppPaths *paths);
int cmd_graph(int argc, char **argv, const AppPaths *paths);
int cmd_naive(int argc, char **argv, const AppPaths *paths);
int cmd_new(int argc, char **argv, const AppPaths *paths);
int cmd_keygen(int argc, char **argv, const AppPaths *paths);
int cmd_sign(int argc, char **argv, const AppPaths *paths);
int cmd_verify(int argc, char **argv, const AppPaths *paths);
int cmd_pin(int argc, char **argv, const AppPaths *paths);
/* Copies the administrator's PIN hash (SYSCONF/manager-pin, root-owned; `pin set --system`)
 * into the results database the window opened, so every user's window asks for that PIN.
 * Says on stderr why a file that is there is not used. */
void app_pin_sync(const AppPaths *paths, Store *st);
/* The region (cli_central.c, issue #12). */
int cmd_enrol(int argc, char **argv, const AppPaths *paths);
int cmd_sync(int argc, char **argv, const AppPaths *paths);
int cmd_roster(int argc, char **argv, const AppPaths *paths);
int cmd_central(int argc, char **argv, const AppPaths *paths);
/* verify --central and report --central (cli_central.c); argv as the command got it. */
int app_verify_central(const char *uri, const char *office, int json);
struct Store;
/* The per-office table from the centre's summaries into out: style 0 text table, 1 CSV
 * section, 2 JSON line (an object printed before the report's own), 3 HTML section. */
int app_report_central_offices(const char *uri, const char *office, int style, SimBuf *out);
/* The report's cell writers (cli_report.c): a CSV field (RFC 4180; text that would run as a
 * formula is defused unless numeric), and text escaped for HTML. */
void app_csv_field(SimBuf *b, const char *s, int numeric);
void app_html_esc(SimBuf *b, const char *s);
/* Fills an empty results database with the region's attempts for a report. */
/* The region's report from the centre's summaries (report --central over everything or one
 * office): EXIT_OK with *out (caller frees with report_free) and the per-office table in
 * offices (style as app_report_central_offices), APP_REPORT_CENTRAL_REBUILD when the centre's
 * schema has no summaries yet (the caller rebuilds the attempts instead), or EXIT_FAIL after
 * printing why. */
#define APP_REPORT_CENTRAL_REBUILD 100
int app_report_central_build(const char *uri, const char *office, const ReportFilter *f, int style,
                             Report **out, SimBuf *offices);
int app_report_central_load(const AppPaths *paths, const char *uri, const char *office,
                            const char *trainee, const char *scenario, const char *since,
                            const char *until, Store *dst);

/* ---- xAPI (cli_export.c), shared by export and lrs push -----------------------------------
 * The answers' words: each scenario is loaded once from the scenarios root, and an answer is
 * named only when the scenario's content hash is the attempt's. */
typedef struct AppXapiNames AppXapiNames;
AppXapiNames *app_xapi_names_create(const AppPaths *paths); /* destroy with the pair below */
void app_xapi_names_destroy(AppXapiNames *n);
/* A StoreXapiNameFn; ud is an AppXapiNames. */
const char *app_xapi_name(void *ud, const char *scenario, const char *hash, const char *action);
/* The PC's office (flag, else configuration; "" when none) and installation id (from enrolment
 * beside db; "" when not enrolled). */
void app_xapi_origin_local(const AppPaths *paths, const char *db, const char *office_flag,
                           char office[40], char installation[37]);
int cmd_lrs(int argc, char **argv, const AppPaths *paths);

/* ---- signed scenario packs (cli_sign.c) -------------------------------------------------- */
/* Checks the pack rooted at root (a scenarios folder), or the pack holding scenario_dir,
 * against the trusted keys. Caller frees with sec_pack_free. */
PackCheck *app_pack_check(const AppPaths *p, const char *root);
PackCheck *app_pack_check_for(const AppPaths *p, const char *scenario_dir);
/* What is wrong for this scenario (Russian, caller frees), or NULL when it may be examined. */
char *app_pack_problem(const PackCheck *pc, const char *scenario_id);
/* Records the pack's hash, state and key in an attempt. */
void app_pack_fill(const PackCheck *pc, const char *problem, AttemptInfo *a);
/* The version in root/pack.info when the pack's signature covers it intact, else "" (a build
 * tree has none). out has room for n bytes. */
void app_pack_version(const char *root, const PackCheck *pc, char *out, size_t n);
/* Scenario pack files (cli_pack.c, issue #13). */
int cmd_pack(int argc, char **argv, const AppPaths *paths);

#endif /* SIM_APP_H */
