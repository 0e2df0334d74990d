/*
 * cli_graph.c — `mfc-trainer graph SCENARIO [--attempt ID --db PATH] [--limit N]`: the
 * scenario's graph in Graphviz DOT on standard output. Steps are boxes (the start one bold),
 * step actions are edges labelled with their id and points per criterion title (side actions
 * that stay on their step are loops), endings are labelled with their title and outcome in
 * words and marked pass or fail from a walk of the scenario (explore), and
 * with --attempt the trainee's path is drawn thick and blue with its side actions listed.
 * Render: mfc-trainer graph ID | dot -Tsvg > ID.svg (Debian package graphviz).
 */
#include "app.h"

#include "../core/i18n.h"
#include "../session/explore.h"
#include "../store/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int graph_usage(const char *fmt, const char *arg)
{
    fprintf(stderr, "mfc-trainer graph: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s", tr(STR_GRAPH_USAGE));
    return EXIT_USAGE;
}

/* A DOT string literal: quotes and backslashes escaped, newlines as \n. */
static void dot_str(SimBuf *b, const char *s)
{
    simbuf_puts(b, "\"");
    for (; s && *s; s++) {
        if (*s == '"' || *s == '\\')
            simbuf_printf(b, "\\%c", *s);
        else if (*s == '\n')
            simbuf_puts(b, "\\n");
        else
            simbuf_append(b, s, 1);
    }
    simbuf_puts(b, "\"");
}

/* Up to max bytes of s on one line, cut at a character boundary, with "…" when cut. */
static void short_text(SimBuf *b, const char *s, size_t max)
{
    size_t n = strlen(s);
    if (n <= max) {
        simbuf_puts(b, s);
        return;
    }
    while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
        max--;
    simbuf_append(b, s, max);
    simbuf_puts(b, "…");
}

static void points_label(SimBuf *b, const Scenario *s, const ScoreSpec *sc, size_t n,
                         const CriticalSpec *crit)
{
    for (size_t i = 0; i < n; i++)
        simbuf_printf(b, "\n%+d %s", sc[i].points,
                      sc[i].criterion >= 0 ? s->criteria[sc[i].criterion].title : "?");
    if (crit->feedback)
        simbuf_printf(b, "\n%s", tr(STR_GRAPH_CRITICAL));
}

typedef struct Taken { /* an edge the attempt went along */
    int step, action;
} Taken;

int cmd_graph(int argc, char **argv, const AppPaths *paths)
{
    const char *scen = NULL, *attempt = NULL, *db = NULL;
    long limit = 0; /* 0: the whole walk (explore's default ceiling) */
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(tr(STR_GRAPH_USAGE), stdout);
            return EXIT_OK;
        }
        if (strcmp(a, "--attempt") == 0 || strcmp(a, "--db") == 0 || strcmp(a, "--limit") == 0) {
            if (i + 1 >= argc)
                return graph_usage(tr(STR_ERR_NEEDS_VALUE), a);
            const char *v = argv[++i];
            if (a[2] == 'a')
                attempt = v;
            else if (a[2] == 'd')
                db = v;
            else {
                char *end = NULL;
                limit = strtol(v, &end, 10);
                if (!*v || *end || limit <= 0)
                    return graph_usage(tr(STR_EXPLORE_BAD_NUMBER), v);
            }
        } else if (a[0] == '-') {
            return graph_usage(tr(STR_ERR_UNKNOWN_OPTION), a);
        } else if (!scen) {
            scen = a;
        } else {
            return graph_usage(tr(STR_ERR_UNKNOWN_OPTION), a);
        }
    }
    if (!scen)
        return graph_usage("%s", tr(STR_ERR_NO_SCENARIO_ARG));
    AppScenario sc;
    ExploreResult *ex = NULL;
    Store *st = NULL;
    char **acts = NULL;
    size_t nacts = 0;
    Taken *taken = NULL;
    size_t ntaken = 0;
    SimBuf side, out;
    simbuf_init(&side);
    simbuf_init(&out);
    SimError err;
    int rc = app_scenario_open(&sc, paths, scen, "graph");
    if (rc != EXIT_OK)
        goto done;
    rc = EXIT_FAIL;
    const Scenario *s = sc.s;
    ScriptProgram *prog = sc.prog;
    /* Which endings can pass: the whole walk of the scenario (a --limit makes it partial). */
    ExploreOptions eo = {.limit = (size_t)limit, .seed = 1, .program = prog};
    if (explore_run(s, &eo, &ex, &err) != SIM_OK) {
        fprintf(stderr, "mfc-trainer graph: %s\n", err.msg);
        goto done;
    }
    AttemptRow row;
    if (attempt) {
        char *path = app_db_path(paths, db);
        if (path && !sim_is_file(path)) { /* graph only reads: never a new database */
            fprintf(stderr, "mfc-trainer graph: ");
            fprintf(stderr, tr(STR_ERR_NO_DB_FILE), path);
            fprintf(stderr, "\n");
            free(path);
            rc = EXIT_USAGE;
            goto done;
        }
        SimStatus orc = store_open(path, &st, &err);
        free(path);
        if (orc != SIM_OK) {
            fprintf(stderr, "mfc-trainer graph: %s\n", err.msg);
            goto done;
        }
        if (!store_get_attempt(st, attempt, &row)) {
            fprintf(stderr, "mfc-trainer graph: ");
            fprintf(stderr, tr(STR_GRAPH_NO_ATTEMPT), attempt);
            fprintf(stderr, "\n");
            rc = EXIT_USAGE;
            goto done;
        }
        if (strcmp(row.scenario, s->id) != 0) {
            fprintf(stderr, "mfc-trainer graph: ");
            fprintf(stderr, tr(STR_GRAPH_OTHER_SCENARIO), attempt, row.scenario, s->id);
            fprintf(stderr, "\n");
            rc = EXIT_USAGE;
            goto done;
        }
        /* Replay it with its seed to learn which step each action was taken at. */
        nacts = store_attempt_actions(st, attempt, &acts);
        taken = calloc(nacts + 1, sizeof *taken);
        SessionOptions so = {.seed = row.seed,
                             .mode = row.exam ? MODE_EXAM : MODE_TRAINING,
                             .program = prog};
        Session *ss = NULL;
        if (!taken || session_create(s, &so, &ss, &err) != SIM_OK) {
            fprintf(stderr, "mfc-trainer graph: %s\n", taken ? err.msg : tr(STR_NOMEM));
            goto done;
        }
        for (size_t i = 0; i < nacts; i++) {
            int from = session_step_index(ss);
            int ai = -1;
            if (from >= 0)
                for (size_t j = 0; j < s->steps[from].action_count; j++)
                    if (strcmp(s->steps[from].actions[j].id, acts[i]) == 0)
                        ai = (int)j;
            if (session_act(ss, acts[i], &err) != SIM_OK)
                break;
            if (ai >= 0)
                taken[ntaken++] = (Taken){from, ai};
            else
                simbuf_printf(&side, "%s%s", side.len ? ", " : "", acts[i]);
        }
        session_destroy(ss);
    }

    /* ---- the DOT text ---- */
    simbuf_puts(&out, "digraph ");
    dot_str(&out, s->id);
    simbuf_puts(&out, " {\n  graph [rankdir=LR, fontname=\"DejaVu Sans\", labelloc=t, label=");
    SimBuf t;
    simbuf_init(&t);
    simbuf_printf(&t, tr(STR_GRAPH_TITLE), s->id, s->title, s->version);
    if (attempt)
        simbuf_printf(&t, tr(STR_GRAPH_ATTEMPT_LABEL), attempt, row.total,
                      side.len ? simbuf_str(&side) : "—");
    dot_str(&out, simbuf_str(&t));
    simbuf_free(&t);
    simbuf_puts(&out, "];\n  node [fontname=\"DejaVu Sans\", fontsize=10, shape=box, "
                      "style=\"rounded,filled\", fillcolor=\"#eef3fb\"];\n"
                      "  edge [fontname=\"DejaVu Sans\", fontsize=9];\n");
    for (size_t i = 0; i < s->step_count; i++) {
        const Step *stp = &s->steps[i];
        SimBuf l;
        simbuf_init(&l);
        simbuf_printf(&l, "%s\n", stp->id);
        short_text(&l, stp->say && *stp->say ? stp->say : (stp->does ? stp->does : ""), 60);
        simbuf_printf(&out, "  \"step:%s\" [label=", stp->id);
        dot_str(&out, simbuf_str(&l));
        if ((int)i == s->start)
            simbuf_puts(&out, ", penwidth=2.5");
        if (ex && !ex->step_seen[i])
            simbuf_puts(&out, ", fillcolor=\"#f2f2f2\", fontcolor=\"#888888\"");
        simbuf_puts(&out, "];\n");
        simbuf_free(&l);
    }
    for (size_t i = 0; i < s->ending_count; i++) {
        const Ending *e = &s->endings[i];
        const ExploreEnding *xe = ex ? &ex->endings[i] : NULL;
        SimBuf l;
        simbuf_init(&l);
        /* The ending as the trainee's debrief names it, then its outcome in words; the id is
         * the node's name ("end:ID") in the DOT text. */
        simbuf_printf(&l, "%s\n%s\n", e->title && *e->title ? e->title : e->id,
                      app_outcome_words(outcome_id(e->outcome)));
        if (e->must_fail)
            simbuf_printf(&l, "%s\n", tr(STR_GRAPH_MUST_FAIL));
        const char *color = "#dddddd";
        if (!xe || !xe->reached) {
            simbuf_puts(&l, tr(STR_GRAPH_NOT_REACHED));
        } else {
            simbuf_printf(&l, tr(xe->passed ? STR_GRAPH_PASS : STR_GRAPH_FAIL), xe->min_total,
                          xe->max_total);
            color = xe->passed ? "#cdeccd" : "#f6d0d0";
        }
        simbuf_printf(&out, "  \"end:%s\" [shape=doubleoctagon, fillcolor=\"%s\", label=", e->id,
                      color);
        dot_str(&out, simbuf_str(&l));
        simbuf_puts(&out, "];\n");
        simbuf_free(&l);
    }
    for (size_t i = 0; i < s->step_count; i++) {
        const Step *stp = &s->steps[i];
        for (size_t j = 0; j < stp->action_count; j++) {
            const Action *a = &stp->actions[j];
            SimBuf l;
            simbuf_init(&l);
            simbuf_puts(&l, a->id);
            points_label(&l, s, a->score, a->score_count, &a->critical);
            if (a->must_fail)
                simbuf_printf(&l, "\n%s", tr(STR_GRAPH_MUST_FAIL));
            int hit = 0;
            for (size_t k = 0; k < ntaken; k++)
                hit += taken[k].step == (int)i && taken[k].action == (int)j;
            simbuf_printf(&out, "  \"step:%s\" -> ", stp->id);
            if (a->ending >= 0)
                simbuf_printf(&out, "\"end:%s\"", s->endings[a->ending].id);
            else
                simbuf_printf(&out, "\"step:%s\"", s->steps[a->next >= 0 ? a->next : (int)i].id);
            simbuf_puts(&out, " [label=");
            dot_str(&out, simbuf_str(&l));
            int negative = a->critical.feedback != NULL;
            for (size_t k = 0; k < a->score_count; k++)
                negative |= a->score[k].points < 0;
            if (hit)
                simbuf_printf(&out,
                              ", color=\"#1f5fbf\", fontcolor=\"#1f5fbf\", penwidth=3.5, "
                              "taken=%d",
                              hit);
            else if (negative)
                simbuf_puts(&out, ", color=\"#b03030\", fontcolor=\"#b03030\"");
            if (a->next < 0 && a->ending < 0)
                simbuf_puts(&out, ", style=dashed");
            simbuf_puts(&out, "];\n");
            simbuf_free(&l);
        }
    }
    if (s->walkout >= 0 && s->start >= 0)
        simbuf_printf(&out,
                      "  \"step:%s\" -> \"end:%s\" [style=dotted, color=\"#888888\", label=%s];\n",
                      s->steps[s->start].id, s->endings[s->walkout].id, tr(STR_GRAPH_WALKOUT));
    simbuf_puts(&out, "}\n");
    fputs(simbuf_str(&out), stdout);
    rc = EXIT_OK;
done:
    for (size_t i = 0; i < nacts; i++)
        free(acts[i]);
    free(acts);
    free(taken);
    simbuf_free(&side);
    simbuf_free(&out);
    store_close(st);
    explore_free(ex);
    app_scenario_close(&sc);
    return rc;
}
