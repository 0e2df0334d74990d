/*
 * hostile_runner.c — plays every hostile script in tests/hostile/ through the real engine and
 * checks that the sandbox holds.
 *
 * For each FILE.lua: a minimal valid scenario (tests/hostile/scenario.json) is written to a
 * fresh temporary folder with FILE.lua as its script.lua; the process moves into that folder
 * and plays three attempts (text compiled per attempt, then twice from one shared compiled
 * program): session start (main chunk, setup, on_enter), then the actions "hello" and "accept"
 * (available, on_action, on_enter, ending). Checks:
 *   - a script error is reported whose first line names script.lua:LINE, LINE being one of the
 *     lines the file marks with "-- @error";
 *   - no error names a line marked "-- @leak" (a patch seen by a later attempt);
 *   - every message stays bounded;
 *   - the folder holds nothing but scenario.json and script.lua afterwards;
 *   - the bundled scenarios, loaded afresh after each file, give byte for byte the result JSON
 *     they gave before any hostile script ran.
 * A file whose text contains "@binary" is written with ESC "Lua" in front (a binary chunk).
 * Usage: hostile_runner HOSTILE_DIR SCENARIOS_DIR SCRIPTS_DIR [FILE.lua...]
 * Depends on: session (and through it scenario and script).
 */
#include "session/session.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_MARKS   16
#define MESSAGE_CAP (SIM_ERROR_MAX + 1)

static const char *const golden_ids[] = {"passport-45-late", "zagran-grandmother"};
#define GOLDEN_COUNT (sizeof golden_ids / sizeof golden_ids[0])

static int passed, failed;

static void fail(const char *file, const char *fmt, const char *arg)
{
    failed++;
    fprintf(stderr, "FAIL %s: ", file);
    fprintf(stderr, fmt, arg ? arg : "");
    fprintf(stderr, "\n");
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

static int write_file(const char *path, const char *a, size_t alen, const char *b, size_t blen)
{
    FILE *f = fopen(path, "wb");
    if (!f)
        return 0;
    int ok = fwrite(a, 1, alen, f) == alen && fwrite(b, 1, blen, f) == blen;
    return (fclose(f) == 0) && ok;
}

/* ==== the bundled scenarios, played the same way every time =============================== */

/* Loads SCENARIOS_DIR/id afresh and plays it at random from seed 1; caller frees. */
static char *play_bundled(const char *scenarios, const char *scripts, const char *id)
{
    char *dir = sim_path_join(scenarios, id);
    char *data = sim_path_join(scenarios, "data/rules.json");
    SimDiags d;
    simdiags_init(&d);
    RuleCatalog *rules = rules_load(data, &d);
    char *book_path = sim_path_join(scenarios, "data/services.json");
    RefBook *book = refbook_load(book_path, rules, &d);
    free(book_path);
    ScenarioLoadOptions lo = {.rules = rules, .scripts_dir = scripts, .refbook = book};
    Scenario *s = scenario_load(dir, &lo, &d);
    char *json = NULL;
    Session *ss = NULL;
    SessionOptions so = {.seed = 1, .mode = MODE_TRAINING};
    SimError e;
    if (s && session_create(s, &so, &ss, &e) == SIM_OK) {
        SimRng rng;
        simrng_seed(&rng, 1 ^ 0x5eedULL);
        char act[512];
        while (!session_finished(ss) && session_action_count(ss) < SESSION_MAX_ACTIONS &&
               session_pick_random(ss, &rng, act, sizeof act))
            session_act(ss, act, &e);
        json = session_result_json(ss, 0);
    }
    session_destroy(ss);
    scenario_free(s);
    refbook_free(book);
    rules_free(rules);
    simdiags_free(&d);
    free(data);
    free(dir);
    return json;
}

/* ==== one hostile file ==================================================================== */

typedef struct Marks {
    int error[MAX_MARKS], leak[MAX_MARKS];
    size_t nerror, nleak;
} Marks;

static void find_marks(const char *text, Marks *m)
{
    memset(m, 0, sizeof *m);
    int line = 1;
    for (const char *p = text; *p; p++) {
        const char *eol = strchr(p, '\n');
        size_t len = eol ? (size_t)(eol - p) : strlen(p);
        char buf[1024];
        snprintf(buf, sizeof buf, "%.*s", (int)(len < sizeof buf ? len : sizeof buf - 1), p);
        if (strstr(buf, "-- @error") && m->nerror < MAX_MARKS)
            m->error[m->nerror++] = line;
        if (strstr(buf, "-- @leak") && m->nleak < MAX_MARKS)
            m->leak[m->nleak++] = line;
        if (!eol)
            break;
        p = eol;
        line++;
    }
}

/* The line named by "script.lua:N:" in the first line of msg, or 0. */
static int named_line(const char *msg)
{
    const char *nl = strchr(msg, '\n');
    for (const char *at = strstr(msg, "script.lua:"); at && (!nl || at < nl);
         at = strstr(at + 1, "script.lua:")) {
        char *end;
        long n = strtol(at + 11, &end, 10);
        if (end != at + 11 && *end == ':')
            return (int)n;
    }
    return 0;
}

typedef struct Verdict {
    int right_line, leaked, too_long, messages;
    char first[MESSAGE_CAP];
} Verdict;

static void judge(const char *msg, const Marks *m, Verdict *o)
{
    if (!o->messages++)
        snprintf(o->first, sizeof o->first, "%s", msg);
    if (strlen(msg) >= SIM_ERROR_MAX)
        o->too_long = 1;
    int line = named_line(msg);
    for (size_t i = 0; i < m->nerror; i++)
        o->right_line |= line == m->error[i];
    for (size_t i = 0; i < m->nleak; i++)
        o->leaked |= line == m->leak[i];
}

/* One attempt: start, then hello and accept; every script error is judged. */
static void attempt(const Scenario *s, ScriptProgram *prog, const Marks *m, Verdict *o)
{
    Session *ss = NULL;
    SessionOptions so = {.seed = 1, .mode = MODE_TRAINING, .program = prog};
    SimError e;
    if (session_create(s, &so, &ss, &e) != SIM_OK) {
        judge(e.msg, m, o);
        return;
    }
    session_act(ss, "hello", &e);
    session_act(ss, "accept", &e);
    for (size_t i = 0; i < session_script_error_count(ss); i++)
        judge(session_script_error(ss, i), m, o);
    free(session_result_json(ss, 1));
    session_destroy(ss);
}

/* Lists what the folder holds (names joined with spaces, sorted by the listing order). */
static void list_dir(const char *dir, char *out, size_t n)
{
    out[0] = '\0';
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
            continue;
        size_t used = strlen(out);
        snprintf(out + used, n - used, "%s%s", used ? " " : "", de->d_name);
    }
    closedir(d);
}

static int only_scenario_files(const char *tmp)
{
    char top[1024], inner[1024];
    list_dir(tmp, top, sizeof top);
    char *sc = sim_path_join(tmp, "hostile");
    list_dir(sc, inner, sizeof inner);
    free(sc);
    return strcmp(top, "hostile") == 0 && (strcmp(inner, "scenario.json script.lua") == 0 ||
                                           strcmp(inner, "script.lua scenario.json") == 0);
}

static void remove_tree(const char *tmp)
{
    char path[4096];
    const char *names[] = {"hostile/scenario.json", "hostile/script.lua", "hostile", NULL};
    for (size_t i = 0; names[i]; i++) {
        snprintf(path, sizeof path, "%s/%s", tmp, names[i]);
        remove(path);
    }
    remove(tmp);
}

static void run_file(const char *hostile_dir, const char *name, const char *json, size_t jlen,
                     const char *scripts, const char *home)
{
    char *path = sim_path_join(hostile_dir, name);
    char *text = NULL;
    size_t len = 0;
    SimError e;
    if (sim_read_file(path, SCENARIO_MAX_FILE, &text, &len, &e) != SIM_OK) {
        fail(name, "cannot read: %s", e.msg);
        free(path);
        return;
    }
    free(path);
    Marks m;
    find_marks(text, &m);
    if (!m.nerror || strncmp(text, "-- tries:", 9) != 0) {
        fail(name, "%s", "needs a first line \"-- tries: …\" and at least one \"-- @error\"");
        free(text);
        return;
    }
    const char *prefix = strstr(text, "@binary") ? "\x1bLua" : "";

    char tmp[] = "/tmp/mfc-hostile-XXXXXX";
    if (!mkdtemp(tmp)) {
        fail(name, "%s", "mkdtemp failed");
        free(text);
        return;
    }
    char *dir = sim_path_join(tmp, "hostile");
    char *jpath = sim_path_join(dir, "scenario.json");
    char *spath = sim_path_join(dir, "script.lua");
    mkdir(dir, 0700);
    if (!write_file(jpath, json, jlen, "", 0) ||
        !write_file(spath, prefix, strlen(prefix), text, len)) {
        fail(name, "%s", "cannot write the scenario");
    } else if (chdir(tmp) != 0) {
        fail(name, "%s", "chdir failed");
    } else {
        double t0 = now_ms();
        SimDiags d;
        simdiags_init(&d);
        ScenarioLoadOptions lo = {.scripts_dir = scripts};
        Scenario *s = scenario_load(dir, &lo, &d);
        Verdict o[3];
        memset(o, 0, sizeof o);
        if (!s) {
            fail(name, "%s", "the hostile scenario did not load");
        } else {
            attempt(s, NULL, &m, &o[0]);
            ScriptProgram *prog = NULL;
            if (script_program_create(s, &prog, &e) != SIM_OK) {
                judge(e.msg, &m, &o[1]);
                judge(e.msg, &m, &o[2]);
            } else {
                attempt(s, prog, &m, &o[1]);
                attempt(s, prog, &m, &o[2]);
            }
            script_program_destroy(prog);
        }
        scenario_free(s);
        simdiags_free(&d);
        double ms = now_ms() - t0;
        if (chdir(home) != 0)
            fail(name, "%s", "chdir back failed");
        int ok = s != NULL;
        for (int i = 0; i < 3 && s; i++) {
            if (!o[i].right_line) {
                fprintf(stderr, "  attempt %d, %d message(s), first: %s\n", i + 1, o[i].messages,
                        o[i].first);
                fail(name, "%s", "no error names a line marked @error");
                ok = 0;
                break;
            }
            if (o[i].leaked) {
                fail(name, "%s", "an earlier attempt's patch leaked (line marked @leak)");
                ok = 0;
            }
            if (o[i].too_long) {
                fail(name, "%s", "an error message was not bounded");
                ok = 0;
            }
        }
        if (!only_scenario_files(tmp)) {
            fail(name, "%s", "files appeared in the scenario's folder");
            ok = 0;
        }
        if (ok) {
            passed++;
            printf("ok   %-36s %7.1f ms  %.*s\n", name, ms, (int)strcspn(o[0].first, "\n"),
                   o[0].first);
        }
    }
    remove_tree(tmp);
    free(spath);
    free(jpath);
    free(dir);
    free(text);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: hostile_runner HOSTILE_DIR SCENARIOS_DIR SCRIPTS_DIR [FILE...]\n");
        return 2;
    }
    const char *hostile = argv[1], *scenarios = argv[2];
    char home[4096];
    if (!getcwd(home, sizeof home))
        return 2;
    /* Absolute: each file is played from inside its own temporary folder. */
    char scripts[4096];
    if (chdir(argv[3]) != 0 || !getcwd(scripts, sizeof scripts) || chdir(home) != 0)
        return 2;
    char *golden[GOLDEN_COUNT];
    for (size_t g = 0; g < GOLDEN_COUNT; g++) {
        golden[g] = play_bundled(scenarios, scripts, golden_ids[g]);
        if (!golden[g]) {
            fprintf(stderr, "cannot play the bundled scenario %s\n", golden_ids[g]);
            return 1;
        }
    }
    char *jpath = sim_path_join(hostile, "scenario.json");
    char *json = NULL;
    size_t jlen = 0;
    SimError e;
    if (sim_read_file(jpath, SCENARIO_MAX_FILE, &json, &jlen, &e) != SIM_OK) {
        fprintf(stderr, "%s\n", e.msg);
        return 1;
    }
    free(jpath);

    char **names = NULL;
    size_t count = 0;
    if (argc > 4) {
        names = calloc((size_t)argc, sizeof *names);
        for (int i = 4; i < argc; i++)
            names[count++] = sim_strdup(argv[i]);
    } else {
        DIR *d = opendir(hostile);
        struct dirent *de;
        while (d && (de = readdir(d))) {
            size_t n = strlen(de->d_name);
            if (n > 4 && strcmp(de->d_name + n - 4, ".lua") == 0) {
                names = realloc(names, (count + 1) * sizeof *names);
                names[count++] = sim_strdup(de->d_name);
            }
        }
        if (d)
            closedir(d);
        qsort(names, count, sizeof *names, by_name);
    }
    for (size_t i = 0; i < count; i++) {
        run_file(hostile, names[i], json, jlen, scripts, home);
        for (size_t g = 0; g < GOLDEN_COUNT; g++) {
            char *again = play_bundled(scenarios, scripts, golden_ids[g]);
            if (!again || strcmp(again, golden[g]) != 0)
                fail(names[i], "the bundled scenario %s changed its result afterwards",
                     golden_ids[g]);
            free(again);
        }
        free(names[i]);
    }
    free(names);
    free(json);
    for (size_t g = 0; g < GOLDEN_COUNT; g++)
        free(golden[g]);
    printf("%zu hostile scripts: %d passed, %d failed\n", count, passed, failed);
    return failed || count < 50 ? 1 : 0;
}
