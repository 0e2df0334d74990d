/*
 * cli_report.c — `mfc-trainer report`: the manager's report over the results database.
 *
 *   report [--db FILE] [--format table|csv|json|html] [--trainee TAB_NO] [--scenario ID]
 *          [--since YYYY-MM-DD] [--until YYYY-MM-DD] [--output FILE]
 *
 * The figures come from engine/store/report.h; this file only lays them out:
 *   table — aligned text for the terminal (padded by characters, not bytes) that fits its
 *           width ($COLUMNS, else the terminal's, else 80): a section too wide for it is
 *           written row by row as «header: value» lines, wrapped, nothing cut off;
 *   csv   — UTF-8 with a BOM, ';' between fields, CRLF, RFC 4180 quoting, decimal comma
 *           (what Russian Excel and LibreOffice expect); one file of sections, each a title
 *           row, a header row, data rows and an empty row;
 *   json  — one object (core/jsonw.h), numbers with a decimal point;
 *   html  — one self-contained Russian page: inline CSS and SVG charts, no scripts, no links.
 * Averages and percentages are rounded to one decimal place in every format.
 * Exit codes: 0 done, 1 the database could not be opened or read or the output written,
 * 2 bad arguments (unknown flag, bad date, unknown trainee, no database at --db).
 * --output - is standard output.
 */
#include "app.h"

#include "../store/report.h"
#include "../store/store.h"

#include "../core/i18n.h"
#include "../core/jsonw.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

typedef enum { FMT_TABLE, FMT_CSV, FMT_JSON, FMT_HTML } Format;

typedef struct ReportOpts {
    const char *db, *output, *central, *office;
    Format format;
    ReportFilter f;
    int help;
} ReportOpts;

static int usage_error(const char *fmt, const char *a, const char *b)
{
    fprintf(stderr, "mfc-trainer report: ");
    fprintf(stderr, fmt, a, b);
    fprintf(stderr, "\n");
    return EXIT_USAGE;
}

static int parse_args(int argc, char **argv, ReportOpts *o)
{
    memset(o, 0, sizeof *o);
    static const char *const flags[] = {"--db",    "--format", "--trainee", "--scenario", "--since",
                                        "--until", "--output", "--central", "--office"};
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            o->help = 1;
            continue;
        }
        int k = -1;
        for (int j = 0; j < (int)(sizeof flags / sizeof *flags); j++)
            if (strcmp(a, flags[j]) == 0)
                k = j;
        if (k < 0)
            return usage_error(tr(STR_ERR_UNKNOWN_OPTION), a, NULL);
        if (i + 1 >= argc || !*argv[i + 1])
            return usage_error(tr(STR_ERR_NEEDS_VALUE), a, NULL);
        const char *v = argv[++i];
        switch (k) {
        case 0:
            o->db = v;
            break;
        case 1:
            if (strcmp(v, "table") == 0)
                o->format = FMT_TABLE;
            else if (strcmp(v, "csv") == 0)
                o->format = FMT_CSV;
            else if (strcmp(v, "json") == 0)
                o->format = FMT_JSON;
            else if (strcmp(v, "html") == 0)
                o->format = FMT_HTML;
            else
                return usage_error(tr(STR_REPORT_BAD_FORMAT), v, NULL);
            break;
        case 2:
            o->f.trainee = v;
            break;
        case 3:
            o->f.scenario = v;
            break;
        case 4:
        case 5:
            if (!report_date_valid(v))
                return usage_error(tr(STR_REPORT_BAD_DATE_FLAG), a, v);
            if (k == 4)
                o->f.since = v;
            else
                o->f.until = v;
            break;
        case 7:
            o->central = v;
            break;
        case 8:
            o->office = v;
            break;
        default:
            o->output = v;
            break;
        }
    }
    if (o->office && !o->central)
        return usage_error(tr(STR_REPORT_OFFICE_NEEDS_CENTRAL), "--office", NULL);
    if (o->f.since && o->f.until && strcmp(o->f.since, o->f.until) > 0)
        return usage_error(tr(STR_REPORT_BAD_RANGE), o->f.since, o->f.until);
    return EXIT_OK;
}

/* ==== numbers and words =================================================================== */

static double round1(double v)
{
    return round(v * 10.0) / 10.0;
}

/* One decimal with a comma, as Russian readers and spreadsheets expect: 74,5; 80. */
static void ru_num(double v, char *out, size_t n)
{
    v = round1(v);
    if (v == floor(v))
        snprintf(out, n, "%.0f", v);
    else {
        snprintf(out, n, "%.1f", v);
        char *dot = strchr(out, '.');
        if (dot)
            *dot = ',';
    }
}

/* "2025-03-31T10:05:00Z" → "2025-03-31 10:05". */
static void ru_time(const char *iso, char *out, size_t n)
{
    if (!iso || !*iso) {
        snprintf(out, n, "%s", "");
        return;
    }
    if (strlen(iso) >= 16 && iso[10] == 'T')
        snprintf(out, n, "%.10s %.5s", iso, iso + 11);
    else
        snprintf(out, n, "%s", iso);
}

const char *app_outcome_words(const char *o)
{
    static const struct {
        const char *id;
        SimStr s;
    } map[] = {{"accepted", STR_REPORT_OUT_ACCEPTED},
               {"refused", STR_REPORT_OUT_REFUSED},
               {"redirected", STR_REPORT_OUT_REDIRECTED},
               {"escalated", STR_REPORT_OUT_ESCALATED},
               {"left", STR_REPORT_OUT_LEFT},
               {"unfinished", STR_REPORT_OUT_UNFINISHED},
               {"content_error", STR_CONTENT_STOPPED_SHORT}};
    for (size_t i = 0; o && i < sizeof map / sizeof *map; i++)
        if (strcmp(o, map[i].id) == 0)
            return tr(map[i].s);
    return o && *o ? o : tr(STR_REPORT_OUT_OTHER);
}

static const char *kind_word(const char *k)
{
    if (k && strcmp(k, "critical") == 0)
        return tr(STR_REPORT_KIND_CRITICAL);
    if (k && strcmp(k, "missed") == 0)
        return tr(STR_REPORT_KIND_MISSED);
    if (k && strcmp(k, "time") == 0)
        return tr(STR_REPORT_KIND_TIME);
    return tr(STR_REPORT_KIND_POINTS);
}

static const char *mode_word(int exam)
{
    return exam ? tr(STR_EXAM) : tr(STR_TRAINING);
}

/* The filter in words: "стажёр 100001 · сценарий x · с 2025-01-01 по 2025-03-31". */
static void filter_words(const Report *r, SimBuf *b)
{
    size_t start = b->len;
    if (r->trainee)
        simbuf_printf(b, TRF(STR_REPORT_F_TRAINEE), r->trainee);
    if (r->scenario) {
        if (b->len > start)
            simbuf_puts(b, " · ");
        simbuf_printf(b, TRF(STR_REPORT_F_SCENARIO), r->scenario);
    }
    if (r->since || r->until) {
        if (b->len > start)
            simbuf_puts(b, " · ");
        if (r->since)
            simbuf_printf(b, TRF(STR_REPORT_F_SINCE), r->since);
        if (r->since && r->until)
            simbuf_puts(b, " ");
        if (r->until)
            simbuf_printf(b, TRF(STR_REPORT_F_UNTIL), r->until);
    }
    if (b->len == start)
        simbuf_puts(b, tr(STR_REPORT_F_ALL));
}

static void trainee_name(const ReportTrainee *t, char *out, size_t n)
{
    snprintf(out, n, "%s %s%s%s", t->surname ? t->surname : "", t->name ? t->name : "",
             t->patronymic && *t->patronymic ? " " : "", t->patronymic ? t->patronymic : "");
}

static void bucket_label(int i, char *out, size_t n)
{
    snprintf(out, n, "%d–%d", i * 10, i == REPORT_BUCKETS - 1 ? 100 : i * 10 + 9);
}

/* ==== a grid of cells, shared by the table and CSV layouts ================================= */

typedef struct Grid {
    char ***rows; /* rows[r][c], owned */
    size_t nrows, ncols, cap;
    int *right; /* right-align column c (numbers) */
    int *text;  /* column c is text even when it looks like a number (personnel numbers) */
} Grid;

static void grid_init(Grid *g, size_t ncols)
{
    memset(g, 0, sizeof *g);
    g->ncols = ncols;
    g->right = calloc(ncols, sizeof *g->right);
    g->text = calloc(ncols, sizeof *g->text);
}

static char **grid_row(Grid *g)
{
    if (g->nrows == g->cap) {
        size_t cap = g->cap ? g->cap * 2 : 16;
        char ***p = realloc(g->rows, cap * sizeof *p);
        if (!p)
            return NULL;
        g->rows = p;
        g->cap = cap;
    }
    char **row = calloc(g->ncols, sizeof *row);
    if (row)
        g->rows[g->nrows++] = row;
    return row;
}

/* Appends one row; each value is copied ("" for NULL) and cleaned: names and texts come from
 * the command line, scripts and old databases, and a terminal escape or a broken byte must not
 * reach a table, a spreadsheet or a web page (issue #16). */
static void grid_add(Grid *g, const char *const *vals)
{
    char **row = grid_row(g);
    for (size_t c = 0; row && c < g->ncols; c++)
        row[c] = sim_strdup_clean(vals[c] ? vals[c] : "");
}

static void grid_free(Grid *g)
{
    for (size_t r = 0; r < g->nrows; r++) {
        for (size_t c = 0; c < g->ncols; c++)
            free(g->rows[r][c]);
        free(g->rows[r]);
    }
    free(g->rows);
    free(g->right);
    free(g->text);
    memset(g, 0, sizeof *g);
}

/* ==== the sections, as grids (row 0 = header) ============================================= */

typedef struct NumCell {
    char s[32];
} NumCell;

static NumCell num_ll(long long v)
{
    NumCell c;
    snprintf(c.s, sizeof c.s, "%lld", v);
    return c;
}

/* avg < 0 means "no data": empty in CSV, a dash in the table and HTML. */
static NumCell num_avg(double v, const char *none)
{
    NumCell c;
    if (v < 0)
        snprintf(c.s, sizeof c.s, "%s", none);
    else
        ru_num(v, c.s, sizeof c.s);
    return c;
}

static void trainees_grid(const Report *r, Grid *g, const char *none)
{
    /* A region's report adds the office after the personnel number: the same number in two
     * offices is two people. */
    int o = r->has_offices ? 1 : 0;
    grid_init(g, (size_t)(10 + o));
    const char *h[11] = {tr(STR_REPORT_H_PERSONNEL)};
    if (o)
        h[1] = tr(STR_REPORT_H_OFFICE);
    const char *rest[] = {tr(STR_REPORT_H_TRAINEE),      tr(STR_REPORT_H_ATTEMPTS),
                          tr(STR_REPORT_H_UNFINISHED),   tr(STR_REPORT_H_PASSED),
                          tr(STR_REPORT_H_EXAMS_PASSED), tr(STR_REPORT_H_AVG),
                          tr(STR_REPORT_H_WEAKEST),      tr(STR_REPORT_H_WEAKEST_PCT),
                          tr(STR_REPORT_H_LAST)};
    for (int k = 0; k < 9; k++)
        h[1 + o + k] = rest[k];
    grid_add(g, h);
    g->text[0] = 1; /* 00457 stays 00457 in a spreadsheet */
    for (int c = 2; c <= 6; c++)
        g->right[c + o] = 1;
    g->right[8 + o] = 1;
    for (size_t i = 0; i < r->trainee_count; i++) {
        const ReportTrainee *t = &r->trainees[i];
        char name[420], last[32];
        trainee_name(t, name, sizeof name);
        ru_time(t->last_activity, last, sizeof last);
        NumCell a = num_ll(t->attempts), u = num_ll(t->unfinished), p = num_ll(t->passed),
                e = num_ll(t->exams_passed), avg = num_avg(t->avg_total, none),
                w = num_avg(t->weakest_ratio < 0 ? -1 : t->weakest_ratio * 100, none);
        const char *vals[] = {name,
                              a.s,
                              u.s,
                              p.s,
                              e.s,
                              avg.s,
                              t->weakest_title ? t->weakest_title : none,
                              w.s,
                              *last ? last : none};
        const char *v[11] = {t->personnel};
        if (o)
            v[1] = t->office && *t->office ? t->office : none;
        for (int k = 0; k < 9; k++)
            v[1 + o + k] = vals[k];
        grid_add(g, v);
    }
}

static void scenarios_grid(const Report *r, Grid *g, const char *none)
{
    grid_init(g, 8);
    const char *h[] = {tr(STR_REPORT_H_SCENARIO),     tr(STR_REPORT_H_TITLE),
                       tr(STR_REPORT_H_ATTEMPTS),     tr(STR_REPORT_H_UNFINISHED),
                       tr(STR_REPORT_H_PASSED),       tr(STR_REPORT_H_PASS_PCT),
                       tr(STR_REPORT_H_EXAMS_PASSED), tr(STR_REPORT_H_AVG)};
    grid_add(g, h);
    for (int c = 2; c <= 7; c++)
        g->right[c] = 1;
    for (size_t i = 0; i < r->scenario_count; i++) {
        const ReportScenario *s = &r->scenarios[i];
        NumCell a = num_ll(s->attempts), u = num_ll(s->unfinished), p = num_ll(s->passed),
                pr = num_avg(s->attempts ? s->pass_rate * 100 : -1, none),
                e = num_ll(s->exams_passed), avg = num_avg(s->avg_total, none);
        const char *v[] = {s->id, s->title, a.s, u.s, p.s, pr.s, e.s, avg.s};
        grid_add(g, v);
    }
}

static void criterion_cells(const ReportCriterion *c, NumCell *n, NumCell *sc, NumCell *mx,
                            NumCell *pct)
{
    *n = num_ll(c->n);
    *sc = num_avg(c->avg_score, "");
    *mx = num_avg(c->avg_max, "");
    *pct = num_avg(c->ratio * 100, "");
}

static void criteria_grid(const Report *r, Grid *g)
{
    grid_init(g, 6);
    const char *h[] = {tr(STR_REPORT_H_CRITERION_ID), tr(STR_REPORT_H_CRITERION),
                       tr(STR_REPORT_H_ATTEMPTS),     tr(STR_REPORT_H_CRIT_AVG),
                       tr(STR_REPORT_H_CRIT_MAX),     tr(STR_REPORT_H_CRIT_PCT)};
    grid_add(g, h);
    for (int c = 2; c <= 5; c++)
        g->right[c] = 1;
    for (size_t i = 0; i < r->criterion_count; i++) {
        const ReportCriterion *c = &r->criteria[i];
        NumCell n, sc, mx, pct;
        criterion_cells(c, &n, &sc, &mx, &pct);
        const char *v[] = {c->id, c->title, n.s, sc.s, mx.s, pct.s};
        grid_add(g, v);
    }
}

static void scenario_criteria_grid(const Report *r, Grid *g)
{
    grid_init(g, 6);
    const char *h[] = {tr(STR_REPORT_H_SCENARIO), tr(STR_REPORT_H_CRITERION),
                       tr(STR_REPORT_H_ATTEMPTS), tr(STR_REPORT_H_CRIT_AVG),
                       tr(STR_REPORT_H_CRIT_MAX), tr(STR_REPORT_H_CRIT_PCT)};
    grid_add(g, h);
    for (int c = 2; c <= 5; c++)
        g->right[c] = 1;
    for (size_t i = 0; i < r->scenario_count; i++)
        for (size_t k = 0; k < r->scenarios[i].criterion_count; k++) {
            const ReportCriterion *c = &r->scenarios[i].criteria[k];
            NumCell n, sc, mx, pct;
            criterion_cells(c, &n, &sc, &mx, &pct);
            const char *v[] = {r->scenarios[i].id, c->title, n.s, sc.s, mx.s, pct.s};
            grid_add(g, v);
        }
}

/* A manager reads a mistake by its words (the answer's text, «Не отмечено: …», the ending's
 * title); the action id is kept only where a machine or a methodologist reads it: the CSV's
 * last column and the JSON. */
static void mistakes_grid(const Report *r, Grid *g, int with_id)
{
    grid_init(g, with_id ? 8 : 7);
    const char *h[] = {tr(STR_REPORT_H_SCENARIO), tr(STR_REPORT_H_MISTAKE),
                       tr(STR_REPORT_H_KIND),     tr(STR_REPORT_H_COUNT),
                       tr(STR_REPORT_H_CRITICAL), tr(STR_REPORT_H_FEEDBACK),
                       tr(STR_REPORT_H_RULE),     tr(STR_REPORT_H_ACTION_ID)};
    grid_add(g, h);
    g->right[3] = g->right[4] = 1;
    for (size_t i = 0; i < r->scenario_count; i++)
        for (size_t k = 0; k < r->scenarios[i].mistake_count; k++) {
            const ReportMistake *m = &r->scenarios[i].mistakes[k];
            NumCell n = num_ll(m->count), c = num_ll(m->critical);
            const char *v[] = {r->scenarios[i].id,
                               m->text ? m->text : m->action,
                               kind_word(m->kind),
                               n.s,
                               c.s,
                               m->feedback,
                               m->rule,
                               m->action};
            grid_add(g, v);
        }
}

static void history_grid(const Report *r, Grid *g, const char *none)
{
    grid_init(g, 7);
    const char *h[] = {tr(STR_REPORT_H_STARTED),   tr(STR_REPORT_H_SCENARIO),
                       tr(STR_REPORT_H_MODE),      tr(STR_REPORT_H_TOTAL),
                       tr(STR_REPORT_H_RESULT),    tr(STR_REPORT_H_OUTCOME),
                       tr(STR_REPORT_H_ATTEMPT_ID)};
    grid_add(g, h);
    g->right[3] = 1;
    for (size_t i = 0; i < r->history_count; i++) {
        const ReportAttempt *a = &r->history[i];
        char when[32];
        ru_time(a->started_at, when, sizeof when);
        NumCell t = a->total >= 0 ? num_ll(a->total) : num_avg(-1, none);
        const char *res = !a->finished ? none : a->passed ? tr(STR_PASSED) : tr(STR_FAILED);
        /* The id last: the column a manager copies into `graph --attempt` or `verify`. */
        const char *v[] = {when, a->scenario, mode_word(a->exam),
                           t.s,  res,         app_outcome_words(a->outcome),
                           a->id};
        grid_add(g, v);
    }
}

static void histogram_grid(const Report *r, Grid *g)
{
    grid_init(g, 2);
    const char *h[] = {tr(STR_REPORT_H_BUCKET), tr(STR_REPORT_H_ATTEMPTS)};
    grid_add(g, h);
    g->right[1] = 1;
    for (int i = 0; i < REPORT_BUCKETS; i++) {
        char label[32];
        bucket_label(i, label, sizeof label);
        NumCell n = num_ll(r->histogram[i]);
        const char *v[] = {label, n.s};
        grid_add(g, v);
    }
}

static void trend_grid(const Report *r, Grid *g)
{
    grid_init(g, 4);
    const char *h[] = {r->trend_weekly ? tr(STR_REPORT_H_WEEK) : tr(STR_REPORT_H_DAY),
                       tr(STR_REPORT_H_ATTEMPTS), tr(STR_REPORT_H_PASSED), tr(STR_REPORT_H_AVG)};
    grid_add(g, h);
    g->right[1] = g->right[2] = g->right[3] = 1;
    for (size_t i = 0; i < r->trend_count; i++) {
        const ReportTrendPoint *p = &r->trend[i];
        NumCell a = num_ll(p->attempts), s = num_ll(p->passed), v2 = num_avg(p->avg_total, "");
        const char *v[] = {p->period, a.s, s.s, v2.s};
        grid_add(g, v);
    }
}

/* Summary as (label, value) pairs. */
static void summary_grid(const Report *r, Grid *g, const char *db, const char *none)
{
    grid_init(g, 2);
    const char *h[] = {tr(STR_REPORT_H_FIGURE), tr(STR_REPORT_H_VALUE)};
    grid_add(g, h);
    SimBuf f;
    simbuf_init(&f);
    filter_words(r, &f);
    char first[32], last[32];
    ru_time(r->first, first, sizeof first);
    ru_time(r->last, last, sizeof last);
    NumCell a = num_ll(r->attempts), u = num_ll(r->unfinished), p = num_ll(r->passed),
            pr = num_avg(r->attempts ? r->pass_rate * 100 : -1, none), e = num_ll(r->exams),
            ep = num_ll(r->exams_passed), avg = num_avg(r->avg_total, none),
            at = num_ll(r->active_trainees);
    const char *rows[][2] = {{tr(STR_REPORT_S_DB), db},
                             {tr(STR_REPORT_S_FILTER), simbuf_str(&f)},
                             {tr(STR_REPORT_H_ATTEMPTS), a.s},
                             {tr(STR_REPORT_H_UNFINISHED), u.s},
                             {tr(STR_REPORT_H_PASSED), p.s},
                             {tr(STR_REPORT_H_PASS_PCT), pr.s},
                             {tr(STR_REPORT_S_EXAMS), e.s},
                             {tr(STR_REPORT_H_EXAMS_PASSED), ep.s},
                             {tr(STR_REPORT_H_AVG), avg.s},
                             {tr(STR_REPORT_S_ACTIVE), at.s},
                             {tr(STR_REPORT_S_FIRST), *first ? first : none},
                             {tr(STR_REPORT_S_LAST), *last ? last : none},
                             {tr(STR_REPORT_S_CHAIN), *r->chain_head ? r->chain_head : none}};
    for (size_t i = 0; i < sizeof rows / sizeof *rows; i++)
        grid_add(g, rows[i]);
    simbuf_free(&f);
}

/* ==== table =============================================================================== */

static size_t width(const char *s)
{
    return sim_utf8_len(s, strlen(s));
}

/* Cuts s to at most w characters (adding "…"), into out. */
static void clip(const char *s, size_t w, char *out, size_t n)
{
    size_t chars = 0, i = 0, len = strlen(s);
    if (width(s) <= w) {
        snprintf(out, n, "%s", s);
        return;
    }
    while (i < len && chars < w - 1) {
        i++;
        while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        chars++;
    }
    snprintf(out, n, "%.*s…", (int)i, s);
}

/* Bytes of the first n characters of s (or all of it). */
static size_t utf8_prefix(const char *s, size_t n)
{
    size_t i = 0;
    while (s[i] && n > 0) {
        i++;
        while (((unsigned char)s[i] & 0xC0) == 0x80)
            i++;
        n--;
    }
    return i;
}

/* Appends head + text wrapped at word boundaries to lines of at most cols characters; the
 * lines after the first are indented by `indent` spaces; a word longer than a line (a path, a
 * hash) is cut where the line ends. */
static void wrap_text(SimBuf *b, const char *head, const char *text, size_t indent, size_t cols)
{
    simbuf_puts(b, head);
    size_t at = width(head), start = at; /* characters on the current line; where text starts */
    const char *p = text;
    while (*p) {
        while (*p == ' ')
            p++;
        if (!*p)
            break;
        size_t wb = strcspn(p, " "), wl = sim_utf8_len(p, wb);
        size_t gap = at > start ? 1 : 0;
        if (at + gap + wl > cols && at > indent && indent + wl <= cols) {
            while (b->len && b->data[b->len - 1] == ' ') /* no space before a line break */
                b->data[--b->len] = '\0';
            simbuf_printf(b, "\n%*s", (int)indent, "");
            at = start = indent;
            gap = 0;
        }
        if (gap) {
            simbuf_puts(b, " ");
            at++;
        }
        while (wl > 0) { /* the word, cut where lines end */
            size_t room = cols > at ? cols - at : 0;
            if (room == 0) {
                simbuf_printf(b, "\n%*s", (int)indent, "");
                at = start = indent;
                room = cols - indent;
            }
            size_t take = wl < room ? wl : room, bytes = utf8_prefix(p, take);
            simbuf_append(b, p, bytes);
            p += bytes;
            wl -= take;
            at += take;
        }
    }
    simbuf_puts(b, "\n");
}

/* A section too wide for the terminal, row by row: «Заголовок: значение» lines, a blank line
 * between rows; with `pairs` (the summary: label, value) each row is one «label: value». */
static void narrow_grid(SimBuf *b, Grid *g, size_t cols, int pairs)
{
    SimBuf head;
    simbuf_init(&head);
    for (size_t r = 1; r < g->nrows; r++) {
        if (!pairs && r > 1)
            simbuf_puts(b, "\n");
        for (size_t c = pairs ? 1 : 0; c < g->ncols; c++) {
            head.len = 0;
            simbuf_printf(&head, "  %s: ", pairs ? g->rows[r][0] : g->rows[0][c]);
            wrap_text(b, simbuf_str(&head), g->rows[r][c], 6, cols);
        }
    }
    simbuf_free(&head);
}

/* cols: the terminal's width; a section wider than that is laid out by narrow_grid. */
static void table_grid(SimBuf *b, const char *title, Grid *g, size_t max_w, size_t cols, int pairs)
{
    simbuf_puts(b, "\n");
    wrap_text(b, "", title, 0, cols);
    size_t *w = calloc(g->ncols, sizeof *w);
    char *cell = malloc(4 * max_w + 8);
    if (!w || !cell) {
        free(w);
        free(cell);
        return;
    }
    for (size_t r = 0; r < g->nrows; r++)
        for (size_t c = 0; c < g->ncols; c++) {
            size_t x = width(g->rows[r][c]);
            if (x > max_w)
                x = max_w;
            if (x > w[c])
                w[c] = x;
        }
    size_t line = 1; /* " " + " cell " per column, no space after the last */
    for (size_t c = 0; c < g->ncols; c++)
        line += w[c] + (c + 1 < g->ncols ? 2 : 1);
    if (line > cols) {
        narrow_grid(b, g, cols, pairs);
        free(w);
        free(cell);
        grid_free(g);
        return;
    }
    for (size_t r = 0; r < g->nrows; r++) {
        simbuf_puts(b, " ");
        for (size_t c = 0; c < g->ncols; c++) {
            clip(g->rows[r][c], max_w, cell, 4 * max_w + 8);
            size_t pad = w[c] - width(cell);
            int last = c + 1 == g->ncols;
            simbuf_puts(b, " ");
            if (g->right[c] && r > 0)
                simbuf_printf(b, "%*s%s", (int)pad, "", cell);
            else
                simbuf_printf(b, "%s%*s", cell, last ? 0 : (int)pad, "");
            if (!last)
                simbuf_puts(b, " ");
        }
        simbuf_puts(b, "\n");
        if (r == 0) {
            simbuf_puts(b, " ");
            for (size_t c = 0; c < g->ncols; c++) {
                simbuf_puts(b, " ");
                for (size_t k = 0; k < w[c]; k++)
                    simbuf_puts(b, "─");
                if (c + 1 < g->ncols)
                    simbuf_puts(b, " ");
            }
            simbuf_puts(b, "\n");
        }
    }
    free(w);
    free(cell);
    grid_free(g);
}

static void render_table(const Report *r, const char *db, size_t cols, SimBuf *b)
{
    const char *none = "—";
    Grid g;
    wrap_text(b, "", tr(STR_REPORT_TITLE), 0, cols);
    summary_grid(r, &g, db, none);
    table_grid(b, tr(STR_REPORT_SEC_SUMMARY), &g, 100, cols, 1);
    trainees_grid(r, &g, none);
    table_grid(b, tr(STR_REPORT_SEC_TRAINEES), &g, 40, cols, 0);
    scenarios_grid(r, &g, none);
    table_grid(b, tr(STR_REPORT_SEC_SCENARIOS), &g, 40, cols, 0);
    scenario_criteria_grid(r, &g);
    table_grid(b, tr(STR_REPORT_SEC_SCENARIO_CRITERIA), &g, 40, cols, 0);
    criteria_grid(r, &g);
    table_grid(b, tr(STR_REPORT_SEC_CRITERIA), &g, 40, cols, 0);
    mistakes_grid(r, &g, 0);
    table_grid(b, tr(STR_REPORT_SEC_MISTAKES), &g, 48, cols, 0);
    if (r->trainee) {
        history_grid(r, &g, none);
        table_grid(b, tr(STR_REPORT_SEC_HISTORY), &g, 40, cols, 0);
    }
    /* The distribution with bars: 40 characters at most, fewer on a narrow terminal (the
     * label, the spaces and the count take about 20). */
    simbuf_puts(b, "\n");
    wrap_text(b, "", tr(STR_REPORT_SEC_HISTOGRAM), 0, cols);
    long long top = 0;
    for (int i = 0; i < REPORT_BUCKETS; i++)
        top = r->histogram[i] > top ? r->histogram[i] : top;
    long long bar_w = cols >= 60 ? 40 : cols > 30 ? (long long)cols - 20 : 10;
    for (int i = 0; i < REPORT_BUCKETS; i++) {
        char label[32];
        bucket_label(i, label, sizeof label);
        int bar = top ? (int)((bar_w * r->histogram[i] + top - 1) / top) : 0;
        simbuf_printf(b, "  %*s%s ", (int)(6 - width(label)), "", label);
        for (int k = 0; k < bar; k++)
            simbuf_puts(b, "█");
        simbuf_printf(b, " %lld\n", r->histogram[i]);
    }
    trend_grid(r, &g);
    table_grid(b, r->trend_weekly ? tr(STR_REPORT_SEC_TREND_WEEK) : tr(STR_REPORT_SEC_TREND_DAY),
               &g, 40, cols, 0);
}

/* The width the table is laid out for: $COLUMNS when set (the user's say, and what a script
 * or a test sets), else the terminal's own width when standard output is one, else 80 — the
 * classic terminal, so a file or a pipe gets lines any viewer shows whole. Below 40 a table
 * cannot be read at all, so 40 is the least. */
static size_t report_columns(const char *output)
{
    const char *env = getenv("COLUMNS");
    char *end = NULL;
    long v = env && *env ? strtol(env, &end, 10) : 0;
    if (env && *env && end && !*end && v > 0)
        return v < 40 ? 40 : (size_t)v;
    struct winsize ws;
    if ((!output || strcmp(output, "-") == 0) && isatty(STDOUT_FILENO) &&
        ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
        return ws.ws_col < 40 ? 40 : ws.ws_col;
    return 80;
}

/* ==== CSV ================================================================================= */

/* RFC 4180 field; text that a spreadsheet would run as a formula gets a leading apostrophe.
 * Also the per-office table's (cli_central.c). */
void app_csv_field(SimBuf *b, const char *s, int numeric)
{
    int formula = !numeric && (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t');
    int quote = formula || strpbrk(s, ";\"\r\n") != NULL;
    if (!quote) {
        simbuf_puts(b, s);
        return;
    }
    simbuf_puts(b, "\"");
    if (formula)
        simbuf_puts(b, "'");
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            simbuf_puts(b, "\"\"");
        else
            simbuf_append(b, p, 1);
    }
    simbuf_puts(b, "\"");
}

/* A text value a spreadsheet would read as a number or a date (00457 → 457, 12.03 → 12 March)
 * is written as the formula ="00457", which LibreOffice Calc and Excel both show as the text
 * itself; the value is inside a string literal, so it cannot become a formula of its own. */
static void csv_text_field(SimBuf *b, const char *s)
{
    if (!(*s >= '0' && *s <= '9')) {
        app_csv_field(b, s, 0);
        return;
    }
    simbuf_puts(b, "\"=\"\"");
    for (const char *p = s; *p; p++) {
        if (*p == '"')
            simbuf_puts(b, "\"\"\"\""); /* "" in the formula's literal, doubled again for CSV */
        else
            simbuf_append(b, p, 1);
    }
    simbuf_puts(b, "\"\"\"");
}

static void csv_grid(SimBuf *b, const char *title, Grid *g)
{
    app_csv_field(b, title, 0);
    simbuf_puts(b, "\r\n");
    for (size_t r = 0; r < g->nrows; r++) {
        for (size_t c = 0; c < g->ncols; c++) {
            if (c)
                simbuf_puts(b, ";");
            if (r > 0 && g->text[c])
                csv_text_field(b, g->rows[r][c]);
            else
                app_csv_field(b, g->rows[r][c], r > 0 && g->right[c]);
        }
        simbuf_puts(b, "\r\n");
    }
    simbuf_puts(b, "\r\n");
    grid_free(g);
}

static void render_csv(const Report *r, const char *db, SimBuf *b)
{
    Grid g;
    simbuf_puts(b, "\xEF\xBB\xBF"); /* BOM: Excel then reads UTF-8 */
    summary_grid(r, &g, db, "");
    csv_grid(b, tr(STR_REPORT_SEC_SUMMARY), &g);
    trainees_grid(r, &g, "");
    csv_grid(b, tr(STR_REPORT_SEC_TRAINEES), &g);
    scenarios_grid(r, &g, "");
    csv_grid(b, tr(STR_REPORT_SEC_SCENARIOS), &g);
    scenario_criteria_grid(r, &g);
    csv_grid(b, tr(STR_REPORT_SEC_SCENARIO_CRITERIA), &g);
    criteria_grid(r, &g);
    csv_grid(b, tr(STR_REPORT_SEC_CRITERIA), &g);
    mistakes_grid(r, &g, 1);
    csv_grid(b, tr(STR_REPORT_SEC_MISTAKES), &g);
    if (r->trainee) {
        history_grid(r, &g, "");
        csv_grid(b, tr(STR_REPORT_SEC_HISTORY), &g);
    }
    histogram_grid(r, &g);
    csv_grid(b, tr(STR_REPORT_SEC_HISTOGRAM), &g);
    trend_grid(r, &g);
    csv_grid(b, r->trend_weekly ? tr(STR_REPORT_SEC_TREND_WEEK) : tr(STR_REPORT_SEC_TREND_DAY), &g);
}

/* ==== JSON ================================================================================ */

static void j_str(SimJsonW *w, const char *key, const char *v)
{
    simjsonw_key(w, key);
    simjsonw_string(w, v);
}

static void j_int(SimJsonW *w, const char *key, long long v)
{
    simjsonw_key(w, key);
    simjsonw_int(w, v);
}

/* One decimal; null when v < 0 (no data). */
static void j_num(SimJsonW *w, const char *key, double v)
{
    simjsonw_key(w, key);
    if (v < 0)
        simjsonw_null(w);
    else
        simjsonw_number(w, round1(v));
}

static void j_time(SimJsonW *w, const char *key, const char *iso)
{
    simjsonw_key(w, key);
    if (iso && *iso)
        simjsonw_string(w, iso);
    else
        simjsonw_null(w);
}

static void j_criterion(SimJsonW *w, const ReportCriterion *c)
{
    simjsonw_object(w);
    j_str(w, "id", c->id);
    j_str(w, "title", c->title);
    j_int(w, "attempts", c->n);
    j_num(w, "avg_score", c->avg_score);
    j_num(w, "avg_max", c->avg_max);
    j_num(w, "percent", c->ratio * 100);
    simjsonw_object_end(w);
}

static void render_json(const Report *r, SimBuf *b)
{
    SimJsonW w;
    simjsonw_init(&w, b, 1);
    simjsonw_object(&w);
    j_str(&w, "report", "mfc-trainer");
    j_int(&w, "version", 1);
    j_str(&w, "chain_head", *r->chain_head ? r->chain_head : NULL);
    simjsonw_key(&w, "filter");
    simjsonw_object(&w);
    j_str(&w, "trainee", r->trainee);
    j_str(&w, "scenario", r->scenario);
    j_str(&w, "since", r->since);
    j_str(&w, "until", r->until);
    simjsonw_object_end(&w);

    simjsonw_key(&w, "summary");
    simjsonw_object(&w);
    j_int(&w, "attempts", r->attempts);
    j_int(&w, "unfinished", r->unfinished);
    j_int(&w, "passed", r->passed);
    j_num(&w, "pass_percent", r->attempts ? r->pass_rate * 100 : -1);
    j_int(&w, "exams", r->exams);
    j_int(&w, "exams_passed", r->exams_passed);
    j_num(&w, "avg_total", r->avg_total);
    j_int(&w, "active_trainees", r->active_trainees);
    j_time(&w, "first", r->first);
    j_time(&w, "last", r->last);
    simjsonw_object_end(&w);

    simjsonw_key(&w, "trainees");
    simjsonw_array(&w);
    for (size_t i = 0; i < r->trainee_count; i++) {
        const ReportTrainee *t = &r->trainees[i];
        simjsonw_object(&w);
        j_str(&w, "personnel", t->personnel);
        if (r->has_offices)
            j_str(&w, "office", t->office);
        j_str(&w, "surname", t->surname);
        j_str(&w, "name", t->name);
        if (t->patronymic && *t->patronymic)
            j_str(&w, "patronymic", t->patronymic);
        j_int(&w, "attempts", t->attempts);
        j_int(&w, "unfinished", t->unfinished);
        j_int(&w, "passed", t->passed);
        j_int(&w, "exams", t->exams);
        j_int(&w, "exams_passed", t->exams_passed);
        j_num(&w, "avg_total", t->avg_total);
        simjsonw_key(&w, "weakest");
        if (t->weakest_id) {
            simjsonw_object(&w);
            j_str(&w, "id", t->weakest_id);
            j_str(&w, "title", t->weakest_title);
            j_num(&w, "percent", t->weakest_ratio * 100);
            simjsonw_object_end(&w);
        } else {
            simjsonw_null(&w);
        }
        j_time(&w, "last_activity", t->last_activity);
        simjsonw_object_end(&w);
    }
    simjsonw_array_end(&w);

    simjsonw_key(&w, "scenarios");
    simjsonw_array(&w);
    for (size_t i = 0; i < r->scenario_count; i++) {
        const ReportScenario *s = &r->scenarios[i];
        simjsonw_object(&w);
        j_str(&w, "id", s->id);
        j_str(&w, "title", s->title);
        j_int(&w, "attempts", s->attempts);
        j_int(&w, "unfinished", s->unfinished);
        j_int(&w, "passed", s->passed);
        j_num(&w, "pass_percent", s->attempts ? s->pass_rate * 100 : -1);
        j_int(&w, "exams", s->exams);
        j_int(&w, "exams_passed", s->exams_passed);
        j_num(&w, "avg_total", s->avg_total);
        simjsonw_key(&w, "criteria");
        simjsonw_array(&w);
        for (size_t k = 0; k < s->criterion_count; k++)
            j_criterion(&w, &s->criteria[k]);
        simjsonw_array_end(&w);
        j_int(&w, "mistake_kinds", (long long)s->mistake_kinds);
        simjsonw_key(&w, "mistakes");
        simjsonw_array(&w);
        for (size_t k = 0; k < s->mistake_count; k++) {
            const ReportMistake *m = &s->mistakes[k];
            simjsonw_object(&w);
            j_str(&w, "action", m->action);
            j_str(&w, "text", m->text ? m->text : m->action);
            j_str(&w, "kind", m->kind);
            j_str(&w, "criterion", m->criterion);
            j_int(&w, "count", m->count);
            j_int(&w, "critical", m->critical);
            j_str(&w, "feedback", m->feedback);
            j_str(&w, "rule_id", m->rule_id);
            j_str(&w, "rule", m->rule);
            simjsonw_object_end(&w);
        }
        simjsonw_array_end(&w);
        simjsonw_object_end(&w);
    }
    simjsonw_array_end(&w);

    simjsonw_key(&w, "criteria");
    simjsonw_array(&w);
    for (size_t i = 0; i < r->criterion_count; i++)
        j_criterion(&w, &r->criteria[i]);
    simjsonw_array_end(&w);

    if (r->trainee) {
        simjsonw_key(&w, "history");
        simjsonw_array(&w);
        for (size_t i = 0; i < r->history_count; i++) {
            const ReportAttempt *a = &r->history[i];
            simjsonw_object(&w);
            j_str(&w, "id", a->id);
            j_str(&w, "started_at", a->started_at);
            j_str(&w, "scenario", a->scenario);
            j_str(&w, "mode", a->exam ? "exam" : "training");
            simjsonw_key(&w, "finished");
            simjsonw_bool(&w, a->finished);
            simjsonw_key(&w, "total");
            if (a->total >= 0)
                simjsonw_int(&w, a->total);
            else
                simjsonw_null(&w);
            simjsonw_key(&w, "passed");
            simjsonw_bool(&w, a->passed);
            j_str(&w, "outcome", a->outcome);
            simjsonw_object_end(&w);
        }
        simjsonw_array_end(&w);
    }

    simjsonw_key(&w, "histogram");
    simjsonw_array(&w);
    for (int i = 0; i < REPORT_BUCKETS; i++) {
        simjsonw_object(&w);
        j_int(&w, "from", i * 10);
        j_int(&w, "to", i == REPORT_BUCKETS - 1 ? 100 : i * 10 + 9);
        j_int(&w, "attempts", r->histogram[i]);
        simjsonw_object_end(&w);
    }
    simjsonw_array_end(&w);

    simjsonw_key(&w, "trend");
    simjsonw_object(&w);
    j_str(&w, "period", r->trend_weekly ? "week" : "day");
    simjsonw_key(&w, "points");
    simjsonw_array(&w);
    for (size_t i = 0; i < r->trend_count; i++) {
        const ReportTrendPoint *p = &r->trend[i];
        simjsonw_object(&w);
        j_str(&w, "start", p->period);
        j_int(&w, "attempts", p->attempts);
        j_int(&w, "passed", p->passed);
        j_num(&w, "avg_total", p->avg_total);
        simjsonw_object_end(&w);
    }
    simjsonw_array_end(&w);
    simjsonw_object_end(&w);
    simjsonw_object_end(&w);
    simbuf_puts(b, "\n");
}

/* ==== HTML ================================================================================ */

/* Text for HTML: & < > " ' escaped. Also the per-office table's (cli_central.c). */
void app_html_esc(SimBuf *b, const char *s)
{
    for (const char *p = s ? s : ""; *p; p++) {
        /* What needs no entity goes out in one append. */
        size_t run = strcspn(p, "&<>\"'");
        if (run) {
            simbuf_append(b, p, run);
            p += run;
            if (!*p)
                break;
        }
        switch (*p) {
        case '&':
            simbuf_puts(b, "&amp;");
            break;
        case '<':
            simbuf_puts(b, "&lt;");
            break;
        case '>':
            simbuf_puts(b, "&gt;");
            break;
        case '"':
            simbuf_puts(b, "&quot;");
            break;
        case '\'':
            simbuf_puts(b, "&#39;");
            break;
        default:
            simbuf_append(b, p, 1);
        }
    }
}

/* Tables of more than this many columns print on a landscape page (the `wide` page in the
 * print CSS): on a portrait A4 their columns would be squeezed to a word per line. */
#define HTML_WIDE_COLUMNS 6

static void html_grid(SimBuf *b, const char *title, Grid *g)
{
    simbuf_puts(b, g->ncols > HTML_WIDE_COLUMNS ? "<section class=\"wide\"><h2>" : "<section><h2>");
    app_html_esc(b, title);
    simbuf_puts(b, "</h2>\n");
    if (g->nrows <= 1) {
        simbuf_printf(b, "<p class=\"empty\">%s</p>\n", tr(STR_REPORT_EMPTY));
    } else {
        simbuf_puts(b, "<div class=\"scroll\"><table>\n<thead><tr>");
        for (size_t c = 0; c < g->ncols; c++) {
            simbuf_puts(b, g->right[c] ? "<th class=\"n\">" : "<th>");
            app_html_esc(b, g->rows[0][c]);
            simbuf_puts(b, "</th>");
        }
        simbuf_puts(b, "</tr></thead>\n<tbody>\n");
        for (size_t r = 1; r < g->nrows; r++) {
            simbuf_puts(b, "<tr>");
            for (size_t c = 0; c < g->ncols; c++) {
                simbuf_puts(b, g->right[c] ? "<td class=\"n\">" : "<td>");
                app_html_esc(b, g->rows[r][c]);
                simbuf_puts(b, "</td>");
            }
            simbuf_puts(b, "</tr>\n");
        }
        simbuf_puts(b, "</tbody></table></div>\n");
    }
    simbuf_puts(b, "</section>\n");
    grid_free(g);
}

/* Bars of the score distribution. */
static void svg_histogram(SimBuf *b, const Report *r)
{
    const int W = 640, H = 240, L = 40, B = 30, T = 20, bw = (W - L - 10) / REPORT_BUCKETS;
    long long top = 1;
    for (int i = 0; i < REPORT_BUCKETS; i++)
        top = r->histogram[i] > top ? r->histogram[i] : top;
    simbuf_printf(b,
                  "<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">"
                  "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"axis\"/>\n",
                  W, H, tr(STR_REPORT_SEC_HISTOGRAM), L, H - B, W - 10, H - B);
    for (int i = 0; i < REPORT_BUCKETS; i++) {
        double h = (double)(H - B - T) * (double)r->histogram[i] / (double)top;
        int x = L + i * bw;
        char label[32];
        bucket_label(i, label, sizeof label);
        simbuf_printf(b,
                      "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" class=\"%s\"/>"
                      "<text x=\"%d\" y=\"%.1f\" class=\"v\">%lld</text>"
                      "<text x=\"%d\" y=\"%d\" class=\"l\">%s</text>\n",
                      x + 4, H - B - h, bw - 8, h, "bar", x + bw / 2, H - B - h - 4,
                      r->histogram[i], x + bw / 2, H - B + 16, label);
    }
    simbuf_puts(b, "</svg>\n");
}

/* Horizontal bars: the average per criterion, in percent of its maximum. */
static void svg_criteria(SimBuf *b, const Report *r)
{
    const int W = 640, row = 28, L = 230, R = 60;
    int H = (int)r->criterion_count * row + 30;
    simbuf_printf(b, "<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n", W, H,
                  tr(STR_REPORT_SEC_CRITERIA));
    for (int p = 0; p <= 100; p += 25) {
        double x = L + (W - L - R) * p / 100.0;
        simbuf_printf(b,
                      "<line x1=\"%.1f\" y1=\"0\" x2=\"%.1f\" y2=\"%d\" class=\"grid\"/>"
                      "<text x=\"%.1f\" y=\"%d\" class=\"l\">%d %%</text>\n",
                      x, x, H - 22, x, H - 6, p);
    }
    for (size_t i = 0; i < r->criterion_count; i++) {
        const ReportCriterion *c = &r->criteria[i];
        double w = (W - L - R) * c->ratio;
        int y = (int)i * row + 4;
        char pct[32];
        ru_num(c->ratio * 100, pct, sizeof pct);
        simbuf_printf(b, "<text x=\"%d\" y=\"%d\" class=\"name\">", L - 8, y + 15);
        app_html_esc(b, c->title);
        simbuf_printf(b,
                      "</text><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
                      "class=\"%s\"/><text x=\"%.1f\" y=\"%d\" class=\"vl\">%s %%</text>\n",
                      L, y, w, row - 8, c->ratio < 0.7 ? "bar weak" : "bar ok", L + w + 6, y + 15,
                      pct);
    }
    simbuf_puts(b, "</svg>\n");
}

/* The average total over time, with the number of attempts in each period's tooltip. */
static void svg_trend(SimBuf *b, const Report *r, int pass_lo, int pass_hi)
{
    const int W = 640, H = 240, L = 40, B = 40, T = 14, R = 16;
    simbuf_printf(b, "<svg viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">\n", W, H,
                  r->trend_weekly ? tr(STR_REPORT_SEC_TREND_WEEK) : tr(STR_REPORT_SEC_TREND_DAY));
    for (int v = 0; v <= 100; v += 20) {
        double y = T + (H - B - T) * (100 - v) / 100.0;
        simbuf_printf(b,
                      "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>"
                      "<text x=\"%d\" y=\"%.1f\" class=\"yl\">%d</text>\n",
                      L, y, W - R, y, L - 6, y + 4, v);
    }
    /* The pass mark as a dashed line (issue #15): whether the average clears it is the first
     * thing a manager looks for. Scenarios with different marks give a line for each end. */
    for (int k = 0; pass_lo >= 0 && k < (pass_hi != pass_lo ? 2 : 1); k++) {
        int mark = k ? pass_hi : pass_lo;
        double y = T + (H - B - T) * (100 - mark) / 100.0;
        simbuf_printf(b,
                      "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"pass\"/>"
                      "<text x=\"%d\" y=\"%.1f\" class=\"pl\">",
                      L, y, W - R, y, W - R, y - 5);
        app_html_esc(b, tr(STR_PASS_MARK));
        simbuf_printf(b, " %d</text>\n", mark);
    }
    size_t n = r->trend_count;
    /* x follows the calendar, so a gap of days shows as a gap. */
    long d0 = n ? r->trend[0].day : 0, span = n ? r->trend[n - 1].day - d0 : 0;
    SimBuf pts;
    simbuf_init(&pts);
    double label_x = -1000;
    for (size_t i = 0; i < n; i++) {
        double x = span > 0
                       ? L + (double)(W - L - R) * (double)(r->trend[i].day - d0) / (double)span
                       : L + (W - L - R) / 2.0;
        double y = T + (H - B - T) * (100 - r->trend[i].avg_total) / 100.0;
        simbuf_printf(&pts, "%s%.1f,%.1f", i ? " " : "", x, y);
        char avg[32];
        ru_num(r->trend[i].avg_total, avg, sizeof avg);
        simbuf_printf(b,
                      "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" class=\"dot\"><title>%s: %s "
                      "(%lld)</title></circle>\n",
                      x, y, r->trend[i].period, avg, r->trend[i].attempts);
        /* Dates along the axis: the first, the last, and between them any that does not
         * crowd its neighbours (a label is about 80 units wide). */
        int first = i == 0, lastp = i + 1 == n;
        if (first || lastp || (x - label_x >= 90 && (W - R) - x >= 90)) {
            simbuf_printf(b, "<text x=\"%.1f\" y=\"%d\" class=\"l\"%s>%s</text>\n", x, H - B + 18,
                          n == 1  ? ""
                          : first ? " style=\"text-anchor:start\""
                          : lastp ? " style=\"text-anchor:end\""
                                  : "",
                          r->trend[i].period);
            label_x = x;
        }
    }
    if (n > 1)
        simbuf_printf(b, "<polyline points=\"%s\" class=\"line\"/>\n", simbuf_str(&pts));
    simbuf_free(&pts);
    simbuf_puts(b, "</svg>\n");
}

static void render_html(const Report *r, const char *db, int pass_lo, int pass_hi, SimBuf *b)
{
    const char *none = "—";
    simbuf_puts(b, "<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n"
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                   "<title>");
    app_html_esc(b, tr(STR_REPORT_TITLE));
    simbuf_puts(
        b, "</title>\n<style>\n"
           "body{font-family:\"DejaVu Sans\",Arial,sans-serif;margin:24px auto;max-width:1200px;"
           "padding:0 16px;color:#1d2433;background:#fff}\n"
           "h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;"
           "border-bottom:2px solid #d6dcea;padding-bottom:4px}\n"
           ".sub{color:#5a6478;margin:0 0 16px}\n"
           ".cards{display:flex;flex-wrap:wrap;gap:12px}.card{border:1px solid #d6dcea;"
           "border-radius:8px;padding:10px 14px;min-width:150px}.card b{display:block;"
           "font-size:22px}.card span{color:#5a6478;font-size:13px}\n"
           ".charts{display:flex;flex-wrap:wrap;gap:16px}.chart{flex:1 1 560px;border:1px solid "
           "#d6dcea;border-radius:8px;padding:8px 12px}.chart h3{font-size:15px;margin:4px 0}\n"
           /* A chart is drawn at most at its own size (640 units = 640 px), so its 14-unit
            * labels are the tables' 14 px text, on screen and on paper. */
           "svg{width:100%;max-width:640px;height:auto;font-size:14px;display:block}\n"
           ".pass{stroke:#c0392b;stroke-width:1.5;stroke-dasharray:6 4}"
           "text.pl{fill:#c0392b;text-anchor:end}\n"
           ".axis{stroke:#5a6478}.grid{stroke:#e4e8f1}.bar{fill:#7b93c9}.bar.ok{fill:#3f9a6b}"
           ".bar.weak{fill:#d08a3c}\n"
           ".line{fill:none;stroke:#2f5db3;stroke-width:2}.dot{fill:#2f5db3}\n"
           "text.l{text-anchor:middle;fill:#5a6478}text.v{text-anchor:middle;fill:#1d2433}"
           "text.yl{text-anchor:end;fill:#5a6478}text.name{text-anchor:end;fill:#1d2433}"
           "text.vl{fill:#1d2433}\n"
           ".scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:14px}"
           "th,td{border-bottom:1px solid #e4e8f1;padding:4px 8px;text-align:left;"
           "vertical-align:top}th{background:#f2f4f9;position:sticky;top:0}"
           "td.n,th.n{text-align:right;white-space:nowrap}tr:hover td{background:#f8f9fc}\n"
           ".empty,.note{color:#5a6478}.note{font-size:13px;margin:4px 0}\n"
           /* Printing (issue #15): A4, nothing cut off — the scroll box lets a wide table run
            * over the edge on paper, so it is opened up, cells wrap, and tables of many
            * columns get a landscape page of their own. */
           "@page{size:A4 portrait;margin:12mm}@page wide{size:A4 landscape;margin:12mm}\n"
           "@media print{body{margin:0;max-width:none;padding:0}"
           ".scroll{overflow:visible}table{font-size:11px;width:100%}"
           "th,td{padding:2px 4px;overflow-wrap:break-word}td.n,th.n{white-space:normal}"
           "thead{display:table-header-group}tr{break-inside:avoid}h2{break-after:avoid}"
           "section.wide{page:wide}th{position:static}tr:hover td{background:none}"
           ".charts{display:block}.chart{break-inside:avoid;margin:0 0 12px}"
           ".card{break-inside:avoid}}\n"
           "</style>\n</head>\n<body>\n<h1>");
    app_html_esc(b, tr(STR_REPORT_TITLE));
    simbuf_puts(b, "</h1>\n<p class=\"sub\">");
    SimBuf f;
    simbuf_init(&f);
    filter_words(r, &f);
    app_html_esc(b, simbuf_str(&f));
    simbuf_free(&f);
    simbuf_puts(b, " · ");
    app_html_esc(b, db);
    if (*r->chain_head) {
        simbuf_puts(b, " · ");
        app_html_esc(b, tr(STR_CHAIN_HEAD));
        simbuf_puts(b, " <code>");
        app_html_esc(b, r->chain_head);
        simbuf_puts(b, "</code>");
    }
    simbuf_puts(b, "</p>\n");

    /* Key figures as cards. */
    char avg[32], pr[32];
    ru_num(r->avg_total, avg, sizeof avg);
    ru_num(r->pass_rate * 100, pr, sizeof pr);
    struct {
        SimStr label;
        char value[48];
    } cards[6];
    cards[0].label = STR_REPORT_H_ATTEMPTS;
    snprintf(cards[0].value, sizeof cards[0].value, "%lld", r->attempts);
    cards[1].label = STR_REPORT_H_PASS_PCT;
    snprintf(cards[1].value, sizeof cards[1].value, "%s", r->attempts ? pr : none);
    cards[2].label = STR_REPORT_H_AVG;
    snprintf(cards[2].value, sizeof cards[2].value, "%s", r->avg_total >= 0 ? avg : none);
    cards[3].label = STR_REPORT_H_EXAMS_PASSED;
    snprintf(cards[3].value, sizeof cards[3].value, "%lld / %lld", r->exams_passed, r->exams);
    cards[4].label = STR_REPORT_H_UNFINISHED;
    snprintf(cards[4].value, sizeof cards[4].value, "%lld", r->unfinished);
    cards[5].label = STR_REPORT_S_ACTIVE;
    snprintf(cards[5].value, sizeof cards[5].value, "%lld", r->active_trainees);
    simbuf_puts(b, "<div class=\"cards\">\n");
    for (int i = 0; i < 6; i++) {
        simbuf_printf(b, "<div class=\"card\"><b>%s</b><span>", cards[i].value);
        app_html_esc(b, tr(cards[i].label));
        simbuf_puts(b, "</span></div>\n");
    }
    simbuf_puts(b, "</div>\n");

    /* Charts. */
    simbuf_puts(b, "<div class=\"charts\">\n<div class=\"chart\"><h3>");
    app_html_esc(b, tr(STR_REPORT_SEC_HISTOGRAM));
    simbuf_puts(b, "</h3>\n");
    svg_histogram(b, r);
    simbuf_puts(b, "</div>\n<div class=\"chart\"><h3>");
    app_html_esc(b, tr(STR_REPORT_SEC_CRITERIA));
    simbuf_puts(b, "</h3>\n");
    if (r->criterion_count) {
        svg_criteria(b, r);
        simbuf_puts(b, "<p class=\"note\">");
        app_html_esc(b, tr(STR_REPORT_CRIT_NOTE));
        simbuf_puts(b, "</p>\n");
    } else
        simbuf_printf(b, "<p class=\"empty\">%s</p>\n", tr(STR_REPORT_EMPTY));
    simbuf_puts(b, "</div>\n<div class=\"chart\"><h3>");
    app_html_esc(b, r->trend_weekly ? tr(STR_REPORT_SEC_TREND_WEEK) : tr(STR_REPORT_SEC_TREND_DAY));
    simbuf_puts(b, "</h3>\n");
    if (r->trend_count)
        svg_trend(b, r, pass_lo, pass_hi);
    else
        simbuf_printf(b, "<p class=\"empty\">%s</p>\n", tr(STR_REPORT_EMPTY));
    simbuf_puts(b, "</div>\n</div>\n");

    Grid g;
    trainees_grid(r, &g, none);
    html_grid(b, tr(STR_REPORT_SEC_TRAINEES), &g);
    scenarios_grid(r, &g, none);
    html_grid(b, tr(STR_REPORT_SEC_SCENARIOS), &g);
    scenario_criteria_grid(r, &g);
    html_grid(b, tr(STR_REPORT_SEC_SCENARIO_CRITERIA), &g);
    mistakes_grid(r, &g, 0);
    html_grid(b, tr(STR_REPORT_SEC_MISTAKES), &g);
    if (r->trainee) {
        history_grid(r, &g, none);
        html_grid(b, tr(STR_REPORT_SEC_HISTORY), &g);
    }
    criteria_grid(r, &g);
    html_grid(b, tr(STR_REPORT_SEC_CRITERIA), &g);
    histogram_grid(r, &g);
    html_grid(b, tr(STR_REPORT_SEC_HISTOGRAM), &g);
    trend_grid(r, &g);
    html_grid(b, r->trend_weekly ? tr(STR_REPORT_SEC_TREND_WEEK) : tr(STR_REPORT_SEC_TREND_DAY),
              &g);
    summary_grid(r, &g, db, none);
    html_grid(b, tr(STR_REPORT_SEC_SUMMARY), &g);
    simbuf_puts(b, "</body>\n</html>\n");
}

/* ==== command ============================================================================= */

/* The lowest and highest pass mark of the scenarios in the report, read from the scenario
 * folder (the database keeps totals, not marks); -1 when none of them can be read. Loading
 * problems are not this command's to report: `check` does that. */
static void report_pass_marks(const AppPaths *paths, const Report *r, int *lo, int *hi)
{
    *lo = *hi = -1;
    for (size_t i = 0; i < r->scenario_count; i++) {
        char *dir = app_resolve_scenario(paths, r->scenarios[i].id);
        if (!dir)
            continue;
        SimDiags d;
        simdiags_init(&d);
        AppLoadCtx ctx;
        app_load_ctx_init(&ctx, dir, &d);
        ScenarioLoadOptions lo_opts = {.rules = ctx.rules,
                                       .scripts_dir = ctx.scripts_dir,
                                       .refbook = ctx.refbook};
        Scenario *s = scenario_load(dir, &lo_opts, &d);
        if (s) {
            *lo = *lo < 0 || s->pass_mark < *lo ? s->pass_mark : *lo;
            *hi = s->pass_mark > *hi ? s->pass_mark : *hi;
        }
        scenario_free(s);
        app_load_ctx_free(&ctx);
        simdiags_free(&d);
        free(dir);
    }
}

/* Words for the mistakes whose attempts were recorded before results carried them
 * (ReportMistake.text NULL): from the scenario in the scenario folder when it loads, else from
 * the ids alone. The strings are kept in *owned (free with free_words). */
typedef struct Words {
    char **s;
    size_t n, cap;
} Words;

static void free_words(Words *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->s[i]);
    free(w->s);
    memset(w, 0, sizeof *w);
}

static void word_mistakes(const AppPaths *paths, Report *r, Words *owned)
{
    for (size_t i = 0; i < r->scenario_count; i++) {
        ReportScenario *rs = &r->scenarios[i];
        int need = 0;
        for (size_t k = 0; k < rs->mistake_count; k++)
            need |= rs->mistakes[k].text == NULL;
        if (!need)
            continue;
        char *dir = app_resolve_scenario(paths, rs->id);
        SimDiags d;
        simdiags_init(&d);
        AppLoadCtx ctx = {0};
        Scenario *s = NULL;
        if (dir) {
            app_load_ctx_init(&ctx, dir, &d);
            ScenarioLoadOptions lo = {.rules = ctx.rules,
                                      .scripts_dir = ctx.scripts_dir,
                                      .refbook = ctx.refbook};
            s = scenario_load(dir, &lo, &d);
        }
        for (size_t k = 0; k < rs->mistake_count; k++) {
            ReportMistake *m = &rs->mistakes[k];
            if (m->text)
                continue;
            if (owned->n == owned->cap) {
                size_t cap = owned->cap ? owned->cap * 2 : 16;
                char **p = realloc(owned->s, cap * sizeof *p);
                if (!p)
                    break;
                owned->s = p;
                owned->cap = cap;
            }
            char *t = session_mistake_text(s, m->action);
            if (!t)
                break;
            owned->s[owned->n++] = t;
            m->text = t;
        }
        scenario_free(s);
        if (dir)
            app_load_ctx_free(&ctx);
        simdiags_free(&d);
        free(dir);
    }
}

int cmd_report(int argc, char **argv, const AppPaths *paths)
{
    ReportOpts o;
    int rc = parse_args(argc, argv, &o);
    if (rc != EXIT_OK)
        return rc;
    if (o.help) {
        fputs(tr(STR_REPORT_USAGE), stdout);
        return EXIT_OK;
    }
    char *path = o.central ? simconf_mask_password(o.central) : app_db_path(paths, o.db);
    Store *st = NULL;
    SimError err;
    Report *r = NULL;
    /* A report only reads: a mistyped --db must not leave an empty database behind. */
    if (!o.central && !sim_is_file(path)) {
        fprintf(stderr, "mfc-trainer report: ");
        fprintf(stderr, TRF(STR_ERR_NO_DB_FILE), path);
        fprintf(stderr, "\n");
        free(path);
        return EXIT_USAGE;
    }
    /* The region over everything, one office and/or one scenario: from the centre's running
     * summaries, in SQL (issue #12): cost in summary rows, never attempts. Other filters (a
     * trainee, dates): the matching attempts are rebuilt record by record in a throw-away
     * database through the centre's indexes, so every figure is computed by the same code as
     * a local report: cost linear in those attempts. The same when the centre's schema
     * predates the summaries. */
    SimStatus s = SIM_ERR_STATE;
    /* Where the per-office table goes in each format (see below). */
    int style = o.format == FMT_JSON ? 2 : o.format == FMT_CSV ? 1 : o.format == FMT_HTML ? 3 : 0;
    SimBuf offices;
    simbuf_init(&offices);
    int have_offices = 0;
    if (o.central && !o.f.trainee && !o.f.since && !o.f.until) {
        int brc = app_report_central_build(o.central, o.office, &o.f, style, &r, &offices);
        have_offices = brc == EXIT_OK;
        if (brc == EXIT_OK)
            s = SIM_OK;
        else if (brc != APP_REPORT_CENTRAL_REBUILD) {
            simbuf_free(&offices);
            free(path);
            return brc;
        }
    }
    if (s != SIM_OK) {
        if (store_open(o.central ? ":memory:" : path, &st, &err) != SIM_OK) {
            fprintf(stderr, "mfc-trainer report: %s\n", err.msg);
            free(path);
            return EXIT_FAIL;
        }
        /* Only the attempts of the range are rebuilt (the local report filters them again);
         * a scenario's title and a mistake's words are then the latest within the range. */
        if (o.central &&
            app_report_central_load(paths, o.central, o.office, o.f.trainee, o.f.scenario,
                                    o.f.since, o.f.until, st) != EXIT_OK) {
            store_close(st);
            free(path);
            return EXIT_FAIL;
        }
        s = report_build(st, &o.f, &r, &err);
        store_close(st);
    }
    if (s != SIM_OK) {
        fprintf(stderr, "mfc-trainer report: %s\n", err.msg);
        free(path);
        return s == SIM_ERR_INVALID ? EXIT_USAGE : EXIT_FAIL;
    }
    if (o.f.scenario && r->scenario_count == 0) {
        /* Nothing recorded: say so when the id is not a known scenario either (a typo). */
        char *dir = app_resolve_scenario(paths, o.f.scenario);
        if (!dir) {
            fprintf(stderr, "mfc-trainer report: ");
            fprintf(stderr, TRF(STR_REPORT_UNKNOWN_SCENARIO), o.f.scenario);
            fprintf(stderr, "\n");
        }
        free(dir);
    }
    Words words = {0};
    word_mistakes(paths, r, &words);
    SimBuf out;
    simbuf_init(&out);
    int pass_lo = -1, pass_hi = -1;
    switch (o.format) {
    case FMT_TABLE:
        render_table(r, path, report_columns(o.output), &out);
        break;
    case FMT_CSV:
        render_csv(r, path, &out);
        break;
    case FMT_JSON:
        render_json(r, &out);
        break;
    case FMT_HTML:
        report_pass_marks(paths, r, &pass_lo, &pass_hi);
        render_html(r, path, pass_lo, pass_hi, &out);
        break;
    }
    /* The per-office table from the centre's summaries, placed inside each format: the pieces
     * are written one after the other. */
    AppPiece piece[4];
    size_t pieces = 0;
    const char *rep = simbuf_str(&out);
    size_t rep_len = out.len;
    if (o.central && !out.oom && !have_offices &&
        app_report_central_offices(o.central, o.office, style, &offices) != EXIT_OK) {
        simbuf_free(&offices);
        simbuf_free(&out);
        report_free(r);
        free_words(&words);
        free(path);
        return EXIT_FAIL;
    }
    if (o.central && !out.oom) {
        const char *off = simbuf_str(&offices);
        size_t ol = offices.len;
        if (style == 2) {
            /* {"offices": [...], "report": {...}} — one JSON document. */
            while (ol && (off[ol - 1] == '\n' || off[ol - 1] == '}'))
                ol--;
            while (rep_len && rep[rep_len - 1] == '\n')
                rep_len--;
            piece[pieces++] = (AppPiece){off, ol};
            piece[pieces++] = (AppPiece){", \"report\": ", strlen(", \"report\": ")};
            piece[pieces++] = (AppPiece){rep, rep_len};
            piece[pieces++] = (AppPiece){"}\n", 2};
        } else if (style == 3) {
            const char *body = strstr(rep, "<body>");
            size_t at = body ? (size_t)(body - rep) + 6 : 0;
            piece[pieces++] = (AppPiece){rep, at};
            piece[pieces++] = (AppPiece){off, ol};
            piece[pieces++] = (AppPiece){rep + at, rep_len - at};
        } else {
            size_t bom = style == 1 && strncmp(rep, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
            piece[pieces++] = (AppPiece){off, ol};
            piece[pieces++] = (AppPiece){rep + bom, rep_len - bom};
        }
    } else {
        piece[pieces++] = (AppPiece){rep, rep_len};
    }
    rc = EXIT_OK;
    if (out.oom) {
        fprintf(stderr, "mfc-trainer report: %s\n", tr(STR_REPORT_NOMEM));
        rc = EXIT_FAIL;
    } else if (!app_write_pieces(o.output ? o.output : "-", piece, pieces)) {
        fprintf(stderr, "mfc-trainer report: ");
        fprintf(stderr, TRF(STR_REPORT_CANT_WRITE), o.output ? o.output : "stdout",
                strerror(errno));
        fprintf(stderr, "\n");
        rc = EXIT_FAIL;
    }
    simbuf_free(&out);
    simbuf_free(&offices);
    report_free(r);
    free_words(&words);
    free(path);
    return rc;
}
