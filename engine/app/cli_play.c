/*
 * cli_play.c — `mfc-trainer play`: plays a scenario headless.
 *
 *   play SCENARIO --actions a,b,c   replays those action ids
 *   play SCENARIO --random          picks among what is possible, driven by --seed
 *   play [SCENARIO]                 interactive numbered menu in the terminal
 * Prints a transcript and the debrief, or with --json one result object. --save FILE writes
 * the attempt's state at the end; --resume FILE continues a saved attempt.
 */
#include "app.h"

#include "../store/store.h"

#include "../core/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct PlayOpts {
    const char *scenario;
    const char *actions;
    int random, json, exam, quiet;
    int have_seed;
    uint64_t seed;
    const char *save, *resume;
    const char *db, *trainee, *trainee_name;
    ScriptLimits limits;
} PlayOpts;

/* ==== transcript ========================================================================== */

static void print_rule(const Rule *r)
{
    if (r)
        printf(TRF(STR_RULE_SUFFIX), r->short_);
}

static void print_notices(const Session *ss, size_t from, int json)
{
    if (json || session_mode(ss) == MODE_EXAM)
        return;
    const Scenario *s = session_scenario(ss);
    const ScoreLedger *l = session_ledger(ss);
    for (size_t i = from; i < l->count; i++) {
        const LedgerEntry *e = &l->entries[i];
        if (e->kind == LEDGER_TIME || e->kind == LEDGER_MISSED)
            continue;
        if (e->kind == LEDGER_CRITICAL) {
            printf("  ✖ %s: %s", tr(STR_CRITICAL), e->feedback);
        } else {
            printf("  ");
            printf(TRF(STR_POINTS_NOTICE), e->points,
                   e->criterion >= 0 ? s->criteria[e->criterion].title : "", e->feedback);
        }
        print_rule(e->rule);
        printf("\n");
    }
}

/* What the transcript showed last, so side actions do not repeat the applicant's line. */
static int shown_step = -2;
static char shown_line[2048];

static void print_step(const Session *ss)
{
    int st = session_step_index(ss);
    if (st < 0)
        return;
    const char *now = session_line(ss);
    if (st == shown_step && strncmp(now, shown_line, sizeof shown_line - 1) == 0)
        return;
    shown_step = st;
    snprintf(shown_line, sizeof shown_line, "%s", now);
    const Step *step = &session_scenario(ss)->steps[st];
    if (step->does)
        printf("\n  (%s)\n", step->does);
    const char *line = session_line(ss);
    if (line && *line)
        printf("\n%s: «%s»\n", session_applicant_name(ss), line);
}

static const Action *find_action(const Scenario *s, const char *id)
{
    int ai;
    int st = scenario_find_action(s, id, &ai);
    return st >= 0 ? &s->steps[st].actions[ai] : NULL;
}

static void print_action(const Session *ss, const char *id)
{
    const Scenario *s = session_scenario(ss);
    char *what = session_describe_action(s, id);
    if (find_action(s, id))
        printf("\n%s: %s\n", tr(STR_YOU), what);
    else
        printf("\n  [%s]\n", what);
    free(what);
    const char *reply = session_last_reply(ss);
    if (reply)
        printf("%s: «%s»\n", session_applicant_name(ss), reply);
}

static void print_debrief(const Session *ss)
{
    const Scenario *s = session_scenario(ss);
    ScoreReport r;
    session_report(ss, &r);
    const Ending *en = session_ending(ss);
    printf("\n════════════════════════════════════════════════════════════\n");
    printf("%s: %s\n", tr(STR_SCENARIO), s->title);
    if (session_content_error(ss)) {
        /* Not the trainee's result: a neutral line here, the full report for the
         * methodologist on stderr (script.lua:LINE and the traceback). */
        printf("%s: %s\n\n%s\n", tr(STR_ENDING), tr(STR_CONTENT_STOPPED_SHORT),
               tr(STR_CONTENT_STOPPED));
        const char *log = session_script_log(ss);
        if (log && *log)
            fprintf(stderr, "\n%s:\n%s", tr(STR_SCRIPT_LOG), log);
        fprintf(stderr, "\n%s:\n%s\n", tr(STR_CONTENT_REPORT), session_content_error(ss));
        for (size_t i = 1; i < session_script_error_count(ss); i++)
            fprintf(stderr, "%s\n", session_script_error(ss, i));
        return;
    }
    if (en) {
        printf("%s: %s\n\n%s\n", tr(STR_ENDING), en->title, en->debrief);
    } else {
        printf("%s: %s\n", tr(STR_ENDING), tr(STR_UNFINISHED));
    }
    char spent[16], norm[16];
    sim_format_clock(session_minutes(ss), spent, sizeof spent);
    sim_format_clock(s->time_norm, norm, sizeof norm);
    printf("\n%s: %d / 100 (%s %d) — %s\n", tr(STR_TOTAL), r.total, tr(STR_PASS_MARK), s->pass_mark,
           en && r.passed ? tr(STR_PASSED) : tr(STR_FAILED));
    printf("%s: %s / %s\n", tr(STR_TIME_AT_WINDOW), spent, norm);
    printf("\n%s:\n", tr(STR_CRITERIA));
    for (size_t c = 0; c < s->criterion_count; c++) {
        if (r.crit[c].max <= 0)
            continue;
        int filled = (int)(20.0 * r.crit[c].score / r.crit[c].max + 0.5);
        /* Pad by characters, not bytes: titles are Cyrillic. */
        const char *t = s->criteria[c].title;
        size_t w = sim_utf8_len(t, strlen(t));
        printf("  %s%*s ", t, w < 22 ? (int)(22 - w) : 0, "");
        for (int i = 0; i < 20; i++)
            printf("%s", i < filled ? "█" : "░");
        printf(" %d/%d\n", r.crit[c].score, r.crit[c].max);
    }
    if (en && r.floors_missed) {
        printf("\n%s:\n", tr(STR_FLOORS));
        for (size_t c = 0; c < s->criterion_count; c++)
            if (r.floors_missed & (1u << c)) {
                printf("  ✖ ");
                printf(TRF(STR_FLOOR_MISSED), s->criteria[c].title, r.crit[c].score, r.crit[c].max,
                       s->floors[c]);
                printf("\n");
            }
    }
    const ScoreLedger *l = session_ledger(ss);
    if (r.critical_count) {
        printf("\n%s:\n", tr(STR_CRITICAL));
        for (size_t i = 0; i < l->count; i++)
            if (l->entries[i].kind == LEDGER_CRITICAL) {
                printf("  ✖ %s", l->entries[i].feedback);
                print_rule(l->entries[i].rule);
                printf("\n");
            }
    }
    printf("\n%s:\n", tr(STR_MISTAKES));
    size_t shown = 0;
    for (size_t i = 0; i < l->count; i++) {
        const LedgerEntry *e = &l->entries[i];
        if (!ledger_is_mistake(e) || e->kind == LEDGER_CRITICAL)
            continue;
        shown++;
        printf("  • ");
        if (e->points)
            printf("%+d · %s: ", e->points, s->criteria[e->criterion].title);
        printf("%s", e->feedback);
        print_rule(e->rule);
        printf("\n");
    }
    if (!shown && !r.critical_count)
        printf("  %s\n", tr(STR_NO_MISTAKES));
    /* What was found is acknowledged too: a debrief is not only a list of faults. */
    int any_found = 0;
    for (size_t d = 0; d < s->document_count; d++)
        for (size_t p = 0; p < s->documents[d].problem_count; p++) {
            if (!session_problem_found(ss, (int)d, (int)p))
                continue;
            if (!any_found++)
                printf("\n%s:\n", tr(STR_FLAGGED_RIGHT));
            char *where = session_problem_where(s, (int)d, (int)p);
            printf("  ✔ %s\n", where ? where : "");
            free(where);
        }
    printf("\n%s: %s\n", tr(STR_RIGHT_WAY), s->right_way);
    const char *log = session_script_log(ss);
    if (log && *log)
        fprintf(stderr, "\n%s:\n%s", tr(STR_SCRIPT_LOG), log);
    for (size_t i = 0; i < session_script_error_count(ss); i++)
        fprintf(stderr, "%s\n", session_script_error(ss, i));
}

/* ==== interactive ========================================================================= */

static int read_line(char *buf, size_t n)
{
    if (!fgets(buf, (int)n, stdin))
        return 0;
    buf[strcspn(buf, "\r\n")] = '\0';
    return 1;
}

/* Returns an action id in out, or 0 to quit. */
static int ask_interactive(Session *ss, char *out, size_t out_size)
{
    const Scenario *s = session_scenario(ss);
    for (;;) {
        int offered[64];
        size_t n = session_menu(ss, offered, 64);
        if (session_finished(ss))
            return 0; /* a script error stopped the attempt */
        const Step *st = &s->steps[session_step_index(ss)];
        printf("\n");
        for (size_t i = 0; i < n; i++) {
            const Action *a = &st->actions[offered[i]];
            if (action_is_final(a))
                printf("  %zu. %s  [%s]\n", i + 1, a->text, tr(STR_FINAL_MARK));
            else
                printf("  %zu. %s\n", i + 1, a->text);
        }
        int any_doc = 0;
        for (size_t d = 0; d < s->document_count; d++)
            any_doc |= session_doc_on_desk(ss, (int)d);
        if (any_doc)
            printf("  %s\n", tr(STR_MENU_DOCS));
        printf("  %s\n  %s\n%s", tr(STR_MENU_SERVICE), tr(STR_MENU_QUIT), tr(STR_PROMPT));
        fflush(stdout);
        char line[256];
        if (!read_line(line, sizeof line) || strcmp(line, tr(STR_PLAY_KEY_QUIT)) == 0 ||
            strcmp(line, "q") == 0)
            return 0;
        char *end;
        long k = strtol(line, &end, 10);
        if (*line && *end == '\0' && k >= 1 && (size_t)k <= n) {
            snprintf(out, out_size, "%s", st->actions[offered[k - 1]].id);
            return 1;
        }
        if (strcmp(line, tr(STR_PLAY_KEY_SERVICE)) == 0 || strcmp(line, "u") == 0) {
            printf("\n%s\n", tr(STR_CHOOSE_SERVICE));
            for (size_t i = 0; i < s->service_count; i++) {
                const Service *sv = &s->services[i];
                printf("  %zu. %s%s\n", i + 1, sv->title,
                       session_service(ss) == (int)i ? " ✔" : "");
                printf("     %s: ", tr(STR_CHECKLIST));
                for (size_t c = 0; c < sv->checklist_count; c++)
                    printf("%s%s", c ? "; " : "", sv->checklist[c]);
                if (sv->duty)
                    printf(". %s: %s", tr(STR_DUTY), sv->duty);
                printf("\n");
            }
            printf("%s", tr(STR_PROMPT));
            fflush(stdout);
            if (!read_line(line, sizeof line))
                return 0;
            k = strtol(line, &end, 10);
            if (*line && *end == '\0' && k >= 1 && (size_t)k <= s->service_count) {
                snprintf(out, out_size, "service:%s", s->services[k - 1].id);
                return 1;
            }
            continue;
        }
        if (any_doc && (strcmp(line, tr(STR_PLAY_KEY_DOCS)) == 0 || strcmp(line, "d") == 0)) {
            printf("\n%s\n", tr(STR_CHOOSE_DOC));
            int map[64];
            size_t m = 0;
            for (size_t d = 0; d < s->document_count && m < 64; d++)
                if (session_doc_on_desk(ss, (int)d)) {
                    map[m++] = (int)d;
                    printf("  %zu. %s\n", m, s->documents[d].title);
                }
            printf("%s", tr(STR_PROMPT));
            fflush(stdout);
            if (!read_line(line, sizeof line))
                return 0;
            k = strtol(line, &end, 10);
            if (!*line || *end != '\0' || k < 1 || (size_t)k > m)
                continue;
            int d = map[k - 1];
            const Document *doc = &s->documents[d];
            if (!session_doc_inspected(ss, d)) {
                /* Opening is an action too (it takes time and is recorded). */
                SimError e;
                char id[200];
                snprintf(id, sizeof id, "inspect:%s", doc->id);
                session_act(ss, id, &e);
            }
            printf("\n── %s ──\n", doc->title);
            for (size_t f = 0; f < doc->field_count; f++) {
                int fr = session_flag_reason(ss, d, (int)f);
                const char *lab = doc->fields[f].label;
                size_t lw = sim_utf8_len(lab, strlen(lab));
                printf("  %2zu. %s%*s %s%s%s\n", f + 1, lab, lw < 28 ? (int)(28 - lw) : 0, "",
                       session_field(ss, d, (int)f), fr >= 0 ? "  ⚑ " : "",
                       fr >= 0 ? reason_title((FlagReason)fr) : "");
            }
            printf("%s", tr(STR_CHOOSE_FIELD));
            fflush(stdout);
            if (!read_line(line, sizeof line))
                return 0;
            k = strtol(line, &end, 10);
            if (!*line || *end != '\0' || k < 1 || (size_t)k > doc->field_count)
                continue;
            size_t f = (size_t)k - 1;
            printf("%s\n", tr(STR_CHOOSE_REASON));
            for (int r = 0; r < REASON_COUNT; r++)
                printf("  %d. %s\n", r + 1, reason_title((FlagReason)r));
            printf("%s", tr(STR_PROMPT));
            fflush(stdout);
            if (!read_line(line, sizeof line))
                return 0;
            long r = strtol(line, &end, 10);
            if (!*line || *end != '\0' || r < 1 || r > REASON_COUNT)
                continue;
            snprintf(out, out_size, "flag:%s.%s:%s", doc->id, doc->fields[f].key,
                     reason_id((FlagReason)(r - 1)));
            return 1;
        }
        printf("%s\n", tr(STR_BAD_CHOICE));
    }
}

/* Lets the trainee pick a scenario when none was named. Returns a folder, caller frees. */
static char *pick_scenario(const AppPaths *paths)
{
    size_t n;
    char **dirs = scenario_list_dirs(paths->scenarios, &n);
    if (!n) {
        fprintf(stderr, TRF(STR_CHECK_NONE), paths->scenarios);
        fprintf(stderr, "\n");
        return NULL;
    }
    printf("%s:\n", tr(STR_SCENARIO));
    for (size_t i = 0; i < n; i++) {
        const char *base = strrchr(dirs[i], '/');
        printf("  %zu. %s\n", i + 1, base ? base + 1 : dirs[i]);
    }
    printf("%s", tr(STR_PROMPT));
    fflush(stdout);
    char line[64], *end;
    char *out = NULL;
    if (read_line(line, sizeof line)) {
        long k = strtol(line, &end, 10);
        if (*line && *end == '\0' && k >= 1 && (size_t)k <= n)
            out = sim_strdup(dirs[k - 1]);
    }
    scenario_dirs_free(dirs, n);
    return out;
}

/* ==== command ============================================================================= */

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "mfc-trainer play: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n");
    return EXIT_USAGE;
}

static int parse_args(int argc, char **argv, PlayOpts *o)
{
    memset(o, 0, sizeof *o);
    if (app_limits_init(&o->limits, "play") != EXIT_OK)
        return EXIT_USAGE;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        int has_next = i + 1 < argc;
        int lim = app_limits_flag(argc, argv, &i, &o->limits, "play");
        if (lim < 0)
            return EXIT_USAGE;
        if (lim > 0)
            continue;
        if (strcmp(a, "--actions") == 0) {
            if (!has_next)
                return usage_error(tr(STR_ERR_NEEDS_VALUE), a);
            o->actions = argv[++i];
        } else if (strcmp(a, "--random") == 0) {
            o->random = 1;
        } else if (strcmp(a, "--json") == 0) {
            o->json = 1;
        } else if (strcmp(a, "--exam") == 0) {
            o->exam = 1;
        } else if (strcmp(a, "--quiet") == 0) {
            o->quiet = 1;
        } else if (strcmp(a, "--seed") == 0) {
            if (!has_next)
                return usage_error(tr(STR_ERR_NEEDS_VALUE), a);
            const char *v = argv[++i];
            char *end;
            errno = 0;
            unsigned long long seed = strtoull(v, &end, 10);
            if (!*v || *end || errno || v[0] == '-')
                return usage_error(tr(STR_ERR_BAD_SEED), v);
            o->seed = seed;
            o->have_seed = 1;
        } else if (strcmp(a, "--save") == 0) {
            if (!has_next)
                return usage_error(tr(STR_ERR_NEEDS_VALUE), a);
            o->save = argv[++i];
        } else if (strcmp(a, "--db") == 0 || strcmp(a, "--trainee") == 0 ||
                   strcmp(a, "--trainee-name") == 0) {
            if (!has_next)
                return usage_error(tr(STR_ERR_NEEDS_VALUE), a);
            const char *v = argv[++i];
            if (a[2] != 'd') {
                /* A name goes into the results, reports and xAPI: valid text only. */
                int bad = !sim_utf8_valid(v, strlen(v));
                for (const unsigned char *c = (const unsigned char *)v; *c && !bad; c++)
                    bad = *c < 0x20 || *c == 0x7f;
                if (bad)
                    return usage_error(tr(STR_ERR_BAD_NAME), a);
            }
            if (a[2] == 'd')
                o->db = v;
            else if (strcmp(a, "--trainee") == 0)
                o->trainee = v;
            else
                o->trainee_name = v;
        } else if (strcmp(a, "--resume") == 0) {
            if (!has_next)
                return usage_error(tr(STR_ERR_NEEDS_VALUE), a);
            o->resume = argv[++i];
        } else if (a[0] == '-' && a[1]) {
            return usage_error(tr(STR_ERR_UNKNOWN_OPTION), a);
        } else if (!o->scenario) {
            o->scenario = a;
        } else {
            return usage_error(tr(STR_ERR_UNKNOWN_OPTION), a);
        }
    }
    if (o->actions && o->random)
        return usage_error("%s", tr(STR_ERR_ACTIONS_AND_RANDOM));
    /* A save file is plain text anyone can edit: an exam is taken in one sitting (or resumed
     * in the window, from the results database), never from a file (issue #16). */
    if (o->exam && o->save)
        return usage_error("%s", tr(STR_ERR_EXAM_SAVE));
    return EXIT_OK;
}


typedef struct Recorder {
    Store *store;
    char attempt[40];
    Session *ss;
    size_t ledger_seen;
    int pending_seen; /* the database refused a write and it waits in memory */
} Recorder;

/* Appends action i of the session to the database with the ledger entries it caused. */
static void record_action(Recorder *r, size_t i)
{
    if (!r->store || !r->attempt[0])
        return;
    SimError e;
    /* The ledger entries this action caused: those after the previous action's. */
    const ScoreLedger *l = session_ledger(r->ss);
    if (r->ledger_seen > l->count)
        r->ledger_seen = 0;
    char *pj = session_ledger_json(r->ss, r->ledger_seen);
    r->ledger_seen = l->count;
    if (store_add_action(r->store, r->attempt, (int)i + 1, session_action_id(r->ss, i),
                         session_minutes(r->ss), pj, &e) != SIM_OK) {
        fprintf(stderr, "mfc-trainer play: %s\n", e.msg);
        r->pending_seen |= store_pending(r->store) > 0;
    } else if (r->pending_seen && store_pending(r->store) == 0) {
        fprintf(stderr, "mfc-trainer play: %s\n", tr(STR_STORE_RECOVERED));
        r->pending_seen = 0;
    }
    free(pj);
}

static Recorder rec;

static void record_last(Session *ss)
{
    if (rec.store && session_action_count(ss) > 0)
        record_action(&rec, session_action_count(ss) - 1);
}

static int run_actions(Session *ss, const char *list, int json)
{
    char *copy = sim_strdup(list);
    size_t idx = 0;
    int rc = EXIT_OK;
    for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok;
         tok = strtok_r(NULL, ",", &save)) {
        while (*tok == ' ')
            tok++;
        if (!*tok)
            continue;
        idx++;
        size_t before = session_ledger(ss)->count;
        SimError e;
        if (session_content_error(ss))
            break; /* the script stopped the attempt (even in setup): reported like any
                      content error below, not as a bad action id */
        if (session_act(ss, tok, &e) != SIM_OK) {
            fprintf(stderr, "mfc-trainer play: ");
            fprintf(stderr, TRF(STR_ERR_ACTION_REJECTED), idx, tok, e.msg);
            fprintf(stderr, "\n");
            rc = EXIT_USAGE;
            break;
        }
        record_last(ss);
        if (!json) {
            print_action(ss, tok);
            print_notices(ss, before, json);
            print_step(ss);
        }
        if (session_content_error(ss))
            break; /* the attempt stopped: the rest of the list has nothing to act on */
    }
    free(copy);
    return rc;
}

int cmd_play(int argc, char **argv, const AppPaths *paths)
{
    PlayOpts o;
    int rc = parse_args(argc, argv, &o);
    if (rc != EXIT_OK)
        return rc;
    char *dir = NULL;
    if (o.scenario) {
        dir = app_resolve_scenario(paths, o.scenario);
        if (!dir) {
            fprintf(stderr, "mfc-trainer play: ");
            if (!sim_is_dir(paths->scenarios))
                fprintf(stderr, TRF(STR_ERR_NO_SCENARIOS_DIR), paths->scenarios);
            else
                fprintf(stderr, TRF(STR_ERR_SCENARIO_NOT_FOUND), o.scenario, paths->scenarios);
            fprintf(stderr, "\n");
            return EXIT_USAGE;
        }
    } else if (o.actions || o.random || o.json) {
        return usage_error("%s", tr(STR_ERR_NO_SCENARIO_ARG));
    } else if (!(dir = pick_scenario(paths))) {
        return EXIT_USAGE;
    }
    SimDiags diags;
    simdiags_init(&diags);
    AppLoadCtx ctx;
    memset(&ctx, 0, sizeof ctx);
    Scenario *s = NULL;
    Session *ss = NULL;
    SimError err;
    /* The pack's signature and every file's hash are checked before anything is parsed: an
     * exam refuses a pack that is not the methodologist's, training warns. */
    const char *folder = strrchr(dir, '/') ? strrchr(dir, '/') + 1 : dir;
    PackCheck *pack = app_pack_check_for(paths, dir);
    char *pack_problem = app_pack_problem(pack, folder);
    if (pack_problem && o.exam) {
        fprintf(stderr, "mfc-trainer play: ");
        fprintf(stderr, TRF(STR_PACK_EXAM_REFUSED), pack_problem);
        fprintf(stderr, "\n");
        rc = EXIT_FAIL;
        goto done;
    }
    if (pack_problem && !o.json && !o.quiet) {
        fprintf(stderr, "mfc-trainer play: ");
        fprintf(stderr, TRF(STR_PACK_TRAINING_WARN), pack_problem);
        fprintf(stderr, "\n");
    }
    app_load_ctx_init(&ctx, dir, &diags);
    ScenarioLoadOptions lo = {.rules = ctx.rules,
                              .scripts_dir = ctx.scripts_dir,
                              .refbook = ctx.refbook};
    s = scenario_load(dir, &lo, &diags);
    app_print_diags(&diags);
    if (!s) {
        fprintf(stderr, "mfc-trainer play: ");
        fprintf(stderr, TRF(STR_ERR_SCENARIO_INVALID), dir, dir);
        fprintf(stderr, "\n");
        rc = EXIT_FAIL;
        goto done;
    }
    if (o.resume) {
        char *text = NULL;
        size_t len = 0;
        if (app_read_input(o.resume, 1u << 20, &text, &len, &err) != SIM_OK ||
            session_restore(s, text, len, &o.limits, &ss, &err) != SIM_OK) {
            fprintf(stderr, "mfc-trainer play: %s: %s\n", o.resume, err.msg);
            free(text);
            rc = EXIT_FAIL;
            goto done;
        }
        free(text);
        if (session_mode(ss) == MODE_EXAM) {
            fprintf(stderr, "mfc-trainer play: %s: %s\n", o.resume, tr(STR_ERR_EXAM_RESUME));
            rc = EXIT_FAIL;
            goto done;
        }
    } else {
        if (!o.have_seed)
            o.seed = (o.actions || o.random) ? 1 : (uint64_t)time(NULL);
        SessionOptions so = {.seed = o.seed,
                             .mode = o.exam ? MODE_EXAM : MODE_TRAINING,
                             .limits = o.limits};
        if (session_create(s, &so, &ss, &err) != SIM_OK) {
            fprintf(stderr, "mfc-trainer play: %s\n", err.msg);
            rc = EXIT_FAIL;
            goto done;
        }
    }
    /* Recording into the results database (--db, --trainee): the attempt row first, then
     * each action as it happens, each in its own transaction. */
    if (o.db || o.trainee) {
        char *path = app_db_path(paths, o.db);
        if (store_open(path, &rec.store, &err) != SIM_OK) {
            fprintf(stderr, "mfc-trainer play: %s\n", err.msg);
            free(path);
            rc = EXIT_FAIL;
            goto done;
        }
        free(path);
        Trainee t;
        memset(&t, 0, sizeof t);
        if (o.trainee && !store_find_trainee(rec.store, o.trainee, &t)) {
            char surname[128] = "", name[128] = "";
            if (o.trainee_name)
                sscanf(o.trainee_name, "%127s %127s", surname, name);
            if (!surname[0] || !name[0] ||
                store_add_trainee(rec.store, surname, name, o.trainee, &t.id, &err) != SIM_OK) {
                fprintf(stderr, "mfc-trainer play: ");
                fprintf(stderr, TRF(STR_ERR_NO_TRAINEE), o.trainee);
                fprintf(stderr, "\n");
                rc = EXIT_USAGE;
                goto done;
            }
        }
        AttemptInfo ai;
        memset(&ai, 0, sizeof ai);
        ai.trainee = t.id;
        snprintf(ai.scenario, sizeof ai.scenario, "%s", s->id);
        snprintf(ai.version, sizeof ai.version, "%s", s->version);
        snprintf(ai.hash, sizeof ai.hash, "%s", s->hash_hex);
        ai.seed = session_seed(ss);
        ai.exam = session_mode(ss) == MODE_EXAM;
        app_pack_fill(pack, pack_problem, &ai);
        {
            char *root = app_parent_dir(dir); /* the pack this scenario was loaded from */
            if (root)
                app_pack_version(root, pack, ai.pack_version, sizeof ai.pack_version);
            free(root);
        }
        if (store_begin_attempt(rec.store, &ai, &err) != SIM_OK) {
            fprintf(stderr, "mfc-trainer play: %s\n", err.msg);
            if (store_pending(rec.store) == 0) {
                rc = EXIT_FAIL;
                goto done;
            }
            rec.pending_seen = 1; /* kept in memory: play on, it is written later */
        }
        memcpy(rec.attempt, ai.id, sizeof rec.attempt);
        rec.ss = ss;
        for (size_t i = 0; i < session_action_count(ss); i++) /* a resumed attempt's past */
            record_action(&rec, i);
    }
    if (!o.json && !o.quiet) {
        printf("%s: %s (%s, %s)\n", tr(STR_SCENARIO), s->title, s->service_title,
               session_mode(ss) == MODE_EXAM ? tr(STR_EXAM) : tr(STR_TRAINING));
        printf("%s: %s, %d\n", tr(STR_APPLICANT), session_applicant_name(ss),
               session_applicant_age(ss));
        print_step(ss);
    }
    int quiet = o.json || o.quiet;
    if (o.actions) {
        rc = run_actions(ss, o.actions, quiet);
    } else if (o.random) {
        SimRng rng;
        simrng_seed(&rng, o.seed ^ 0x5eedULL);
        char id[512];
        while (!session_finished(ss) && session_action_count(ss) < SESSION_MAX_ACTIONS &&
               session_pick_random(ss, &rng, id, sizeof id)) {
            size_t before = session_ledger(ss)->count;
            if (session_act(ss, id, &err) != SIM_OK)
                continue; /* e.g. a field already flagged with that reason: pick again */
            record_last(ss);
            if (!quiet) {
                print_action(ss, id);
                print_notices(ss, before, 0);
                print_step(ss);
            }
        }
        if (!session_finished(ss))
            session_abandon(ss);
    } else {
        char id[512];
        while (!session_finished(ss)) {
            if (!ask_interactive(ss, id, sizeof id))
                break;
            size_t before = session_ledger(ss)->count;
            if (session_act(ss, id, &err) != SIM_OK) {
                printf("%s\n", err.msg);
                continue;
            }
            record_last(ss);
            print_action(ss, id);
            print_notices(ss, before, 0);
            print_step(ss);
        }
    }
    if (rec.store && rec.attempt[0]) {
        ScoreReport r;
        session_report(ss, &r);
        const Ending *en = session_ending(ss);
        char *json = session_result_json(ss, 1);
        StoreResult sr = {.scenario = s,
                          .ledger = session_ledger(ss),
                          .report = &r,
                          .outcome = session_outcome_id(ss),
                          .finished = en != NULL || session_content_error(ss) != NULL,
                          .sim_minutes = session_minutes(ss),
                          .result_json = json};
        int finish_failed = store_finish_attempt(rec.store, rec.attempt, &sr, &err) != SIM_OK;
        if (finish_failed)
            fprintf(stderr, "mfc-trainer play: %s\n", err.msg);
        /* A refusal that is not kept for another try (a constraint, a damaged row) will never
         * succeed: the result is lost, and that is said as loudly as a write that waits
         * (issue #16, finding 5). */
        int lost_for_good = finish_failed && store_pending(rec.store) == 0;
        /* Writes the database refused wait in memory: a few more tries before giving up. */
        for (int k = 0; k < 3 && store_pending(rec.store) > 0; k++) {
            struct timespec pause = {0, 200 * 1000 * 1000};
            nanosleep(&pause, NULL);
            store_flush(rec.store, &err);
        }
        if (store_pending(rec.store) > 0 || lost_for_good) {
            /* Nothing is lost silently: the actions go to the terminal, in order. */
            SimBuf acts;
            simbuf_init(&acts);
            for (size_t i = 0; i < session_action_count(ss); i++)
                simbuf_printf(&acts, "%s%s", i ? "," : "", session_action_id(ss, i));
            fprintf(stderr, "mfc-trainer play: ");
            fprintf(stderr, TRF(STR_STORE_LOST), simbuf_str(&acts));
            fprintf(stderr, "\n");
            simbuf_free(&acts);
            rc = rc == EXIT_OK ? EXIT_FAIL : rc;
        } else if (rec.pending_seen) {
            fprintf(stderr, "mfc-trainer play: %s\n", tr(STR_STORE_RECOVERED));
        }
        free(json);
    }
    if (o.save) {
        char *state = session_save_json(ss);
        if (!state || !app_write_output(o.save, state, strlen(state))) {
            fprintf(stderr, TRF(STR_PLAY_SAVE_FAILED), o.save, strerror(errno));
            rc = rc == EXIT_OK ? EXIT_FAIL : rc;
        }
        free(state);
    }
    if (rc == EXIT_OK) {
        if (o.json) {
            char *j = session_result_json(ss, 1);
            fputs(j, stdout);
            free(j);
        } else if (session_finished(ss) || !o.save) {
            print_debrief(ss);
        }
        /* A script error stopped the attempt: the scenario needs fixing (exit 1). */
        if (session_content_error(ss)) {
            if (o.json) {
                fprintf(stderr, "\n%s:\n%s\n", tr(STR_CONTENT_REPORT), session_content_error(ss));
            }
            rc = EXIT_FAIL;
        }
    }
done:
    sec_pack_free(pack);
    free(pack_problem);
    store_close(rec.store);
    memset(&rec, 0, sizeof rec);
    session_destroy(ss);
    scenario_free(s);
    app_load_ctx_free(&ctx);
    simdiags_free(&diags);
    free(dir);
    return rc;
}
