/*
 * screen_manager.c — the manager area: the same figures as `mfc-trainer report`
 * (engine/store/report.c) as two sortable tables, trainees and scenarios, with the selected
 * scenario's criteria and most frequent mistakes in words (never internal ids). Reached through
 * the PIN (screen_pin.c); leaving it locks it again.
 *
 * With `central` set (issue #12) the area shows the region: trainees (with their office),
 * scenarios and offices from the centre's running summaries (engine/central, never the
 * attempts), under an office filter («Офис: все ◀ ▶», ← → or the mouse). The centre is read on
 * a thread of its own with a short connect timeout, so the window never waits for the network:
 * the local figures show meanwhile, and stay, with a notice saying so, when the centre cannot be
 * reached or refuses this computer's role.
 */
#include "ui_app.h"

#include "../central/central.h"
#include "../core/i18n.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MGR_MAX_ROWS       512
#define MGR_MAX_COLS       7
#define MGR_REGION_TIMEOUT 3 /* seconds: connect and each statement */
#define MGR_REGION_TRAINEES                                                                        \
    2000 /* the whole region's trainees are listed up to this many; over                           \
            it, one office's at a time (the table stays under 100 ms) */

/* One read of the region on its own thread; the screen adopts it when done. */
typedef struct RegionJob {
    char *conninfo;  /* owned */
    char office[40]; /* whose trainees: "" every office's */
    SDL_atomic_t done;
    SimStatus status;
    SimError err;
    CentralRegion data; /* owned until adopted */
} RegionJob;

typedef enum RegionView {
    REGION_NONE = 0, /* no `central`: the local figures only */
    REGION_PENDING,  /* asked; the local figures meanwhile */
    REGION_SHOWN,    /* the region's figures */
    REGION_FALLBACK  /* the centre could not be read: the local figures, with a notice */
} RegionView;

typedef struct ManagerState {
    Report *report; /* owned; read when the area opens */
    int tab;        /* 0 trainees, 1 scenarios (, 2 offices in the region) */
    int sel, sort, desc;
    char error[SIM_ERROR_MAX];
    /* the region (issue #12) */
    RegionView view;
    RegionJob *job; /* owned; its thread runs until job->done */
    SDL_Thread *thread;
    CentralRegion region; /* owned, while view == REGION_SHOWN */
    int office;           /* the filter: -1 every office, else an index into region.offices */
    char want[40];        /* the filter's office code ("" every office): what the next read asks */
    int filter_focus;     /* the keyboard last moved the filter: it shows the focus ring */
    /* The keyboard's focus, in Tab's order: «Назад», the tabs (←→ switch), the filter (the
     * region's), each column heading (Enter sorts), the rows (↑↓, Enter opens). The rows
     * first. */
    enum { MF_ROWS = 0, MF_BACK, MF_TABS, MF_FILTER, MF_COLS } focus;
    int focus_col;
    /* The selected scenario's details under the table: scrolled (PgUp/PgDn, the wheel over
     * them) when large text makes them taller than their panel. */
    float detail_scroll, detail_content;
    GRect detail;
    int detail_of; /* the row they were drawn for: another row starts at the top */
    /* The table's widest cell per column, and what it was measured for (draw_table). */
    float cell_w[MGR_MAX_COLS];
    unsigned long cell_sig;
    size_t cell_rows;
    /* What the last frame showed, for the voice (said after the frame is drawn). */
    char say_sub[400];
    char say_empty[SIM_ERROR_MAX + 300]; /* the table's place when it has no rows */
    char say_head[MGR_MAX_COLS][200];
    int say_ncols, say_nrows;
    char say_row[2048];
    char notice[SIM_ERROR_MAX + 300];
    char expect[8192]; /* what an input script's `expect` reads: notice, filter, visible cells */
} ManagerState;

enum { HIT_MGR_TAB = HIT_SCREEN, HIT_MGR_ROW, HIT_MGR_COL, HIT_MGR_FILTER, HIT_MGR_BACK };

static ManagerState *S(Ui *u)
{
    return ui_state(u, SCR_MANAGER);
}

static int region_thread(void *arg)
{
    RegionJob *j = arg;
    j->status =
        central_region_fetch(j->conninfo, MGR_REGION_TIMEOUT, j->office[0] ? j->office : NULL,
                             MGR_REGION_TRAINEES, &j->data, &j->err);
    SDL_AtomicSet(&j->done, 1);
    /* Wakes the event loop: the window redraws with the region. */
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_USEREVENT;
    SDL_PushEvent(&ev);
    return 0;
}

static void region_job_free(ManagerState *st)
{
    if (!st->job)
        return;
    SDL_WaitThread(st->thread, NULL); /* bounded by MGR_REGION_TIMEOUT */
    central_region_free(&st->job->data);
    free(st->job->conninfo);
    free(st->job);
    st->job = NULL;
    st->thread = NULL;
}

/* Starts a read of the region for the filter st->want, unless one is under way (its end
 * starts the next one). What shows meanwhile stays. */
static void region_fetch(Ui *u)
{
    ManagerState *st = S(u);
    if (st->job)
        return;
    RegionJob *j = calloc(1, sizeof *j);
    if (j) {
        j->conninfo = sim_strdup(u->cfg->central);
        snprintf(j->office, sizeof j->office, "%s", st->want);
    }
    SDL_Thread *t = j && j->conninfo ? SDL_CreateThread(region_thread, "mfc-region", j) : NULL;
    if (!t) {
        if (j)
            free(j->conninfo);
        free(j);
        central_region_free(&st->region);
        st->view = REGION_FALLBACK;
        snprintf(st->notice, sizeof st->notice, TRF(STR_MGR_REGION_OFFLINE), tr(STR_NOMEM));
        return;
    }
    st->job = j;
    st->thread = t;
    if (st->view == REGION_SHOWN)
        snprintf(st->notice, sizeof st->notice, "%s", tr(STR_MGR_REGION_PENDING_OFFICE));
}

/* Takes a finished read: the region, or the local figures with a notice. Returns 1 when the
 * view changed. */
static int region_poll(Ui *u)
{
    ManagerState *st = S(u);
    if (!st->job || !SDL_AtomicGet(&st->job->done))
        return 0;
    char asked[40];
    snprintf(asked, sizeof asked, "%s", st->job->office);
    if (st->job->status == SIM_OK) {
        if (st->view != REGION_SHOWN)
            st->tab = st->sel = st->sort = st->desc = 0;
        central_region_free(&st->region);
        st->region = st->job->data;
        memset(&st->job->data, 0, sizeof st->job->data);
        st->view = REGION_SHOWN;
        st->notice[0] = '\0';
        st->office = -1;
        for (size_t i = 0; i < st->region.office_count; i++)
            if (strcmp(st->region.offices[i].office, st->want) == 0)
                st->office = (int)i;
        if (st->office < 0)
            st->want[0] = '\0';
    } else {
        central_region_free(&st->region);
        st->view = REGION_FALLBACK;
        /* libpq's message goes on for lines (hints after a tab): its first line says enough. */
        char why[SIM_ERROR_MAX];
        snprintf(why, sizeof why, "%s", st->job->err.msg);
        why[strcspn(why, "\n\t")] = '\0';
        if (st->job->status == SIM_ERR_IO)
            snprintf(st->notice, sizeof st->notice, TRF(STR_MGR_REGION_OFFLINE), why);
        else
            snprintf(st->notice, sizeof st->notice, TRF(STR_MGR_REGION_REFUSED), why);
    }
    region_job_free(st);
    /* The filter moved while this read was under way: read for it now. */
    if (st->view == REGION_SHOWN && strcmp(asked, st->want) != 0)
        region_fetch(u);
    return 1;
}

/* Starts a read of the whole region (the local figures show meanwhile). */
static void region_start(Ui *u)
{
    ManagerState *st = S(u);
    if (!u->cfg->central || !*u->cfg->central) {
        st->view = REGION_NONE;
        return;
    }
    central_region_free(&st->region);
    st->view = REGION_PENDING;
    st->want[0] = '\0';
    st->office = -1;
    snprintf(st->notice, sizeof st->notice, "%s", tr(STR_MGR_REGION_PENDING));
    /* One read at a time: one still under way (left for another screen) ends first, and its
     * end asks again when it was for another office. */
    region_fetch(u);
}

static int region_shown(const ManagerState *st)
{
    return st->view == REGION_SHOWN;
}

static int tab_count(const ManagerState *st)
{
    return region_shown(st) ? 3 : 2;
}

static void mgr_reload(Ui *u)
{
    ManagerState *st = S(u);
    report_free(st->report);
    st->report = NULL;
    SimError e;
    if (ui_report_build(u, &st->report, &e) != SIM_OK)
        snprintf(st->error, sizeof st->error, "%s", e.msg);
}

/* From the PIN or the start screen: the figures afresh; back from a trainee's page: as left. */
static void manager_enter(Ui *u, Screen from)
{
    ManagerState *st = S(u);
    if (from == SCR_TRAINEE || from == SCR_BOOK || from == SCR_MANAGER || from == SCR_REPLAY)
        return;
    st->sel = 0;
    st->error[0] = '\0';
    st->filter_focus = 0;
    st->focus = MF_ROWS;
    st->focus_col = 0;
    mgr_reload(u);
    region_start(u);
}

static void manager_leave(Ui *u)
{
    ManagerState *st = S(u);
    report_free(st->report);
    st->report = NULL;
    central_region_free(&st->region);
    if (st->view == REGION_SHOWN) {
        st->view = REGION_NONE;
        st->tab = st->sort = st->desc = 0; /* the local area has two tabs */
    }
    u->pin_ok = 0; /* leaving the manager area locks it again */
    ui_go(u, SCR_START);
}

static void manager_destroy(Ui *u)
{
    report_free(S(u)->report);
    S(u)->report = NULL;
    region_job_free(S(u));
    central_region_free(&S(u)->region);
}

static double trainee_key(const ReportTrainee *t, int col)
{
    switch (col) {
    case 2:
        return (double)t->attempts;
    case 3:
        return (double)t->exams_passed;
    case 4:
        return t->avg_total;
    case 5:
        return t->weakest_ratio;
    default:
        return 0;
    }
}

/* -1, 0, 1: how rows a and b of the current table compare in the current sort. */
static int row_cmp(const ManagerState *st, int a, int b)
{
    int col = st->sort, c;
    if (st->tab == 0) {
        const ReportTrainee *x = &st->report->trainees[a], *y = &st->report->trainees[b];
        if (col == 0)
            c = strcmp(x->surname, y->surname) ? strcmp(x->surname, y->surname)
                                               : strcmp(x->name, y->name);
        else if (col == 1)
            c = strcmp(x->personnel, y->personnel);
        else if (col == 6)
            c = strcmp(x->last_activity, y->last_activity);
        else {
            double kx = trainee_key(x, col), ky = trainee_key(y, col);
            c = kx < ky ? -1 : (kx > ky ? 1 : 0);
        }
    } else {
        const ReportScenario *x = &st->report->scenarios[a], *y = &st->report->scenarios[b];
        double kx = 0, ky = 0;
        if (col == 0)
            c = strcmp(x->title, y->title);
        else {
            if (col == 1)
                kx = (double)x->attempts, ky = (double)y->attempts;
            else if (col == 2)
                kx = x->pass_rate, ky = y->pass_rate;
            else if (col == 3)
                kx = x->avg_total, ky = y->avg_total;
            else
                kx = x->mistake_count ? (double)x->mistakes[0].count : 0,
                ky = y->mistake_count ? (double)y->mistakes[0].count : 0;
            c = kx < ky ? -1 : (kx > ky ? 1 : 0);
        }
    }
    return st->desc ? -c : c;
}

/* Row order of the current table (a stable insertion sort: qsort has no context argument and
 * a table holds a few hundred rows at most). */
static size_t mgr_rows(ManagerState *st, int *idx, size_t max)
{
    size_t n = 0;
    if (!st->report)
        return 0;
    size_t total = st->tab == 0 ? st->report->trainee_count : st->report->scenario_count;
    for (size_t i = 0; i < total && n < max; i++) {
        size_t k = n++;
        while (k > 0 && row_cmp(st, idx[k - 1], (int)i) > 0) {
            idx[k] = idx[k - 1];
            k--;
        }
        idx[k] = (int)i;
    }
    return n;
}

static void fmt_avg(char *out, size_t n, double v)
{
    if (v < 0)
        snprintf(out, n, "—");
    else
        ui_fmt_decimal(out, n, v, 1);
}

/* ==== the region's tables ================================================================ */

/* One row of a region table, for sorting: a text or a number per column. */
typedef struct RegionRow {
    const char *text[MGR_MAX_COLS]; /* NULL: the column sorts by num */
    double num[MGR_MAX_COLS];
    size_t src; /* index into the source array */
} RegionRow;

typedef struct RegionTable {
    const char *heads[MGR_MAX_COLS];
    float widths[MGR_MAX_COLS];
    int ncols;
    size_t nrows; /* rows formatted into region_cells (at most MGR_MAX_ROWS) */
    size_t total; /* rows the filter selects */
} RegionTable;

static char region_cells[MGR_MAX_ROWS][MGR_MAX_COLS][256];
static const ManagerState *sort_state; /* qsort has no context argument; the UI thread only */

static int region_row_cmp(const void *pa, const void *pb)
{
    const RegionRow *a = pa, *b = pb;
    int col = sort_state->sort, c;
    if (a->text[col] && b->text[col])
        c = strcmp(a->text[col], b->text[col]);
    else
        c = a->num[col] < b->num[col] ? -1 : (a->num[col] > b->num[col] ? 1 : 0);
    if (c == 0)
        c = a->src < b->src ? -1 : (a->src > b->src ? 1 : 0); /* stable */
    return sort_state->desc ? -c : c;
}

static int office_selected(const ManagerState *st, const char *office)
{
    return st->office < 0 || strcmp(st->region.offices[st->office].office, office) == 0;
}

static double avg_of(long long sum, long long n)
{
    return n > 0 ? (double)sum / (double)n : -1;
}

static void fmt_rate(char *out, size_t n, long long passed, long long finished)
{
    if (finished > 0)
        snprintf(out, n, "%.0f %%", 100.0 * (double)passed / (double)finished);
    else
        snprintf(out, n, "—");
}

static const char *scenario_title(Ui *u, const char *id)
{
    for (size_t i = 0; i < u->nscens; i++)
        if (strcmp(u->scens[i].scenario->id, id) == 0)
            return u->scens[i].scenario->title;
    return id;
}

/* The region's scenarios under the filter, one row per scenario (caller frees). */
static CentralScenarioRow *region_scenarios(const ManagerState *st, size_t *n)
{
    *n = 0;
    CentralScenarioRow *out = calloc(st->region.scenario_count + 1, sizeof *out);
    if (!out)
        return NULL;
    for (size_t i = 0; i < st->region.scenario_count; i++) {
        const CentralScenarioRow *x = &st->region.scenarios[i];
        if (!office_selected(st, x->office))
            continue;
        size_t k = 0;
        while (k < *n && strcmp(out[k].scenario, x->scenario) != 0)
            k++;
        if (k == *n) {
            snprintf(out[k].scenario, sizeof out[k].scenario, "%s", x->scenario);
            (*n)++;
        }
        out[k].attempts += x->attempts;
        out[k].finished += x->finished;
        out[k].passed += x->passed;
        out[k].sum_total += x->sum_total;
    }
    return out;
}

/* Sorts and formats the current tab of the region into region_cells. */
static void region_table(Ui *u, RegionTable *t)
{
    ManagerState *st = S(u);
    memset(t, 0, sizeof *t);
    size_t cap = st->region.trainee_count + st->region.office_count + st->region.scenario_count + 1;
    RegionRow *rows = calloc(cap, sizeof *rows);
    size_t nsc = 0;
    CentralScenarioRow *sc = st->tab == 1 ? region_scenarios(st, &nsc) : NULL;
    if (!rows || (st->tab == 1 && !sc)) {
        free(rows);
        free(sc);
        return;
    }
    size_t n = 0;
    if (st->tab == 0) {
        static const SimStr h[] = {STR_MGR_COL_TRAINEE,  STR_MGR_COL_PERSONNEL, STR_MGR_COL_OFFICE,
                                   STR_MGR_COL_ATTEMPTS, STR_MGR_COL_PASS_RATE, STR_MGR_COL_AVG};
        static const float w[] = {0.28f, 0.12f, 0.16f, 0.14f, 0.12f, 0.18f};
        t->ncols = 6;
        for (int c = 0; c < t->ncols; c++) {
            t->heads[c] = tr(h[c]);
            t->widths[c] = w[c];
        }
        for (size_t i = 0; i < st->region.trainee_count; i++) {
            const CentralTraineeRow *x = &st->region.trainees[i];
            if (!office_selected(st, x->office))
                continue;
            RegionRow *r = &rows[n++];
            r->src = i;
            r->text[0] = x->surname;
            r->text[1] = x->personnel;
            r->text[2] = x->office;
            r->num[3] = (double)x->finished;
            r->num[4] = x->finished ? (double)x->passed / (double)x->finished : -1;
            r->num[5] = avg_of(x->sum_total, x->finished);
        }
    } else if (st->tab == 1) {
        static const SimStr h[] = {STR_MGR_COL_SCENARIO, STR_MGR_COL_ATTEMPTS,
                                   STR_MGR_COL_PASS_RATE, STR_MGR_COL_AVG};
        static const float w[] = {0.46f, 0.18f, 0.18f, 0.18f};
        t->ncols = 4;
        for (int c = 0; c < t->ncols; c++) {
            t->heads[c] = tr(h[c]);
            t->widths[c] = w[c];
        }
        for (size_t i = 0; i < nsc; i++) {
            RegionRow *r = &rows[n++];
            r->src = i;
            r->text[0] = scenario_title(u, sc[i].scenario);
            r->num[1] = (double)sc[i].finished;
            r->num[2] = sc[i].finished ? (double)sc[i].passed / (double)sc[i].finished : -1;
            r->num[3] = avg_of(sc[i].sum_total, sc[i].finished);
        }
    } else {
        static const SimStr h[] = {STR_MGR_COL_OFFICE,    STR_MGR_COL_REGION, STR_MGR_COL_ATTEMPTS,
                                   STR_MGR_COL_PASS_RATE, STR_MGR_COL_AVG,    STR_MGR_COL_WEAKEST,
                                   STR_MGR_COL_TRAINEES};
        static const float w[] = {0.13f, 0.1f, 0.12f, 0.1f, 0.13f, 0.28f, 0.14f};
        t->ncols = 7;
        for (int c = 0; c < t->ncols; c++) {
            t->heads[c] = tr(h[c]);
            t->widths[c] = w[c];
        }
        for (size_t i = 0; i < st->region.office_count; i++) {
            const CentralOfficeRow *x = &st->region.offices[i];
            if (!office_selected(st, x->office))
                continue;
            RegionRow *r = &rows[n++];
            r->src = i;
            r->text[0] = x->office;
            r->text[1] = x->region;
            r->num[2] = (double)x->finished;
            r->num[3] = x->finished ? (double)x->passed / (double)x->finished : -1;
            r->num[4] = avg_of(x->sum_total, x->finished);
            r->num[5] = x->weakest[0] ? x->weakest_ratio : 2;
            r->num[6] = (double)x->trainees;
        }
    }
    if (st->sort >= t->ncols)
        st->sort = 0;
    sort_state = st;
    qsort(rows, n, sizeof *rows, region_row_cmp);
    t->total = n;
    t->nrows = n < MGR_MAX_ROWS ? n : MGR_MAX_ROWS;
    for (size_t k = 0; k < t->nrows; k++) {
        char(*c)[256] = region_cells[k];
        size_t i = rows[k].src;
        if (st->tab == 0) {
            const CentralTraineeRow *x = &st->region.trainees[i];
            snprintf(c[0], 256, "%s %s", x->surname, x->name);
            snprintf(c[1], 256, "%s", x->personnel);
            snprintf(c[2], 256, "%s", x->office);
            snprintf(c[3], 256, "%lld", x->finished);
            fmt_rate(c[4], 256, x->passed, x->finished);
            fmt_avg(c[5], 256, avg_of(x->sum_total, x->finished));
        } else if (st->tab == 1) {
            snprintf(c[0], 256, "%s", scenario_title(u, sc[i].scenario));
            snprintf(c[1], 256, "%lld", sc[i].finished);
            fmt_rate(c[2], 256, sc[i].passed, sc[i].finished);
            fmt_avg(c[3], 256, avg_of(sc[i].sum_total, sc[i].finished));
        } else {
            const CentralOfficeRow *x = &st->region.offices[i];
            snprintf(c[0], 256, "%s", x->office);
            snprintf(c[1], 256, "%s", x->region[0] ? x->region : "—");
            snprintf(c[2], 256, "%lld", x->finished);
            fmt_rate(c[3], 256, x->passed, x->finished);
            fmt_avg(c[4], 256, avg_of(x->sum_total, x->finished));
            if (x->weakest[0])
                snprintf(c[5], 256, "%s (%.0f %%)", x->weakest, x->weakest_ratio * 100);
            else
                snprintf(c[5], 256, "—");
            snprintf(c[6], 256, "%lld", x->trainees);
        }
    }
    free(rows);
    free(sc);
}

/* «Офис: все» or «Офис: IRK01 (38)». */
static void filter_label(const ManagerState *st, char *out, size_t n)
{
    char what[160];
    if (st->office < 0)
        snprintf(what, sizeof what, "%s", tr(STR_MGR_FILTER_ALL));
    else if (st->region.offices[st->office].region[0])
        snprintf(what, sizeof what, "%s (%s)", st->region.offices[st->office].office,
                 st->region.offices[st->office].region);
    else
        snprintf(what, sizeof what, "%s", st->region.offices[st->office].office);
    snprintf(out, n, TRF(STR_MGR_FILTER), what);
}

/* The region's totals under the filter, for the title. */
static void region_summary(const ManagerState *st, char *out, size_t n)
{
    long long finished = 0, passed = 0, trainees = 0;
    size_t offices = 0;
    for (size_t i = 0; i < st->region.office_count; i++) {
        const CentralOfficeRow *x = &st->region.offices[i];
        if (!office_selected(st, x->office))
            continue;
        offices++;
        finished += x->finished;
        passed += x->passed;
    }
    for (size_t i = 0; i < st->region.trainee_count; i++)
        trainees += office_selected(st, st->region.trainees[i].office) &&
                    st->region.trainees[i].attempts > 0;
    char rate[32];
    fmt_rate(rate, sizeof rate, passed, finished);
    snprintf(out, n, TRF(STR_MGR_REGION_SUMMARY), offices, finished, rate, trainees);
}

/* Moves the office filter by step (wrapping through «все»); that office's trainees are read
 * from the centre (what was read already shows meanwhile). */
static void filter_move(Ui *u, int step)
{
    ManagerState *st = S(u);
    int n = (int)st->region.office_count + 1; /* «все» and each office */
    int at = st->office + 1;
    at = ((at + step) % n + n) % n;
    st->office = at - 1;
    snprintf(st->want, sizeof st->want, "%s",
             st->office < 0 ? "" : st->region.offices[st->office].office);
    st->sel = 0;
    st->filter_focus = 1;
    region_fetch(u);
}

/* «В регионе N стажёров…» when the trainees tab of every office was not read; "" otherwise. */
static void region_withheld(const ManagerState *st, char *out, size_t n)
{
    out[0] = '\0';
    if (st->tab == 0 && st->office < 0 && st->region.trainees_withheld > 0)
        snprintf(out, n, TRF(STR_MGR_REGION_CHOOSE_OFFICE), st->region.trainees_withheld);
}

/* The text an input script's `expect` reads: the notice, the filter and the visible table. */
static void compose_expect(Ui *u)
{
    ManagerState *st = S(u);
    SimBuf b;
    simbuf_init(&b);
    if (st->error[0])
        simbuf_printf(&b, "%s\n", st->error);
    if (st->notice[0])
        simbuf_printf(&b, "%s\n", st->notice);
    if (region_shown(st)) {
        char line[400];
        region_summary(st, line, sizeof line);
        simbuf_printf(&b, "%s\n", line);
        filter_label(st, line, sizeof line);
        simbuf_printf(&b, "%s\n", line);
        region_withheld(st, line, sizeof line);
        if (line[0])
            simbuf_printf(&b, "%s\n", line);
        RegionTable t;
        region_table(u, &t);
        for (int c = 0; c < t.ncols; c++)
            simbuf_printf(&b, "%s%s", c ? " | " : "", t.heads[c]);
        simbuf_puts(&b, "\n");
        for (size_t r = 0; r < t.nrows && b.len < sizeof st->expect - 512; r++) {
            for (int c = 0; c < t.ncols; c++)
                simbuf_printf(&b, "%s%s", c ? " | " : "", region_cells[r][c]);
            simbuf_puts(&b, "\n");
        }
    }
    snprintf(st->expect, sizeof st->expect, "%s", simbuf_str(&b));
    simbuf_free(&b);
}

/* A mistake in words: the words its attempts stored (ReportMistake.text) when they did; else
 * from the scenario: the answer's text, «Не отмечено: документ — поле», the time overrun. */
static void mistake_name(Ui *u, const char *scenario, const ReportMistake *mk, char *out, size_t n)
{
    const char *action = mk->action;
    if (mk->text && *mk->text) {
        ui_copy_text(out, n, mk->text);
        return;
    }
    if (strcmp(action, "@time") == 0) {
        snprintf(out, n, "%s", tr(STR_MGR_MISTAKE_TIME));
        return;
    }
    const Scenario *sc = NULL;
    for (size_t i = 0; i < u->nscens && !sc; i++)
        if (strcmp(u->scens[i].scenario->id, scenario) == 0)
            sc = u->scens[i].scenario;
    if (sc && strncmp(action, "missed:", 7) == 0) {
        /* missed:DOC.FIELD */
        const char *dot = strrchr(action + 7, '.');
        for (size_t d = 0; dot && d < sc->document_count; d++) {
            const Document *doc = &sc->documents[d];
            if (strlen(doc->id) != (size_t)(dot - action - 7) ||
                strncmp(doc->id, action + 7, strlen(doc->id)) != 0)
                continue;
            for (size_t f = 0; f < doc->field_count; f++)
                if (strcmp(doc->fields[f].key, dot + 1) == 0) {
                    char where[600];
                    snprintf(where, sizeof where, "«%s» — «%s»", doc->title, doc->fields[f].label);
                    snprintf(out, n, tr(STR_MGR_MISTAKE_MISSED), where);
                    return;
                }
        }
    }
    char *what = sc ? session_describe_action(sc, action) : NULL;
    ui_copy_text(out, n, what ? what : action);
    free(what);
}

/* The width of the widest space-separated word of text. */
static float widest_word(Ui *u, const char *text, int px, GFont f)
{
    float widest = 0;
    char word[200];
    while (*text) {
        size_t n = strcspn(text, " ");
        if (n > 0 && n < sizeof word) {
            memcpy(word, text, n);
            word[n] = '\0';
            widest = fmaxf(widest, ui_text_w(u, word, px, f));
        }
        text += n;
        while (*text == ' ')
            text++;
    }
    return widest;
}

/* Water-fills *left (the width not yet given) into cw towards target: a column whose wish
 * fits in its share (by weight) of what remains gets exactly its wish, and the rest is shared by
 * weight among the columns whose wish is larger. */
static void fill_columns(float *cw, const float *target, const float *weights, int n, float *left)
{
    int granted[MGR_MAX_COLS] = {0}, nfree = 0;
    float weight = 0;
    for (int c = 0; c < n; c++) {
        granted[c] = target[c] <= cw[c];
        nfree += !granted[c];
        weight += granted[c] ? 0 : weights[c];
    }
    for (int changed = 1; changed && nfree && *left > 0;) {
        changed = 0;
        for (int c = 0; c < n; c++)
            if (!granted[c] && target[c] - cw[c] <= *left * weights[c] / weight) {
                *left -= target[c] - cw[c];
                cw[c] = target[c];
                granted[c] = 1;
                nfree--;
                weight -= weights[c];
                changed = 1;
            }
    }
    if (nfree && *left > 0) {
        for (int c = 0; c < n; c++)
            if (!granted[c])
                cw[c] += *left * weights[c] / weight;
        *left = 0;
    }
}

/* A table with wrapped headings (each as tall as it needs) and clipped cells, scrolled to keep
 * the selected row in view. */
static void draw_table(Ui *u, GRect area, const char *const *heads, const float *widths, int ncols,
                       char cells[][MGR_MAX_COLS][256], size_t nrows)
{
    ManagerState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s, x = area.x, y = area.y, w = area.w;
    float rh = gfx_line_height(u->g, l->px_label, GF_REGULAR) + 12 * s;
    float hh = 0;
    char head[MGR_MAX_COLS][200];
    float cw[MGR_MAX_COLS], need[MGR_MAX_COLS], wish[MGR_MAX_COLS] = {0}, want[MGR_MAX_COLS] = {0};
    for (int c = 0; c < ncols; c++) {
        snprintf(head[c], sizeof head[c], "%d %s%s", c + 1, heads[c],
                 st->sort == c ? (st->desc ? " ▼" : " ▲") : "");
        /* A heading wraps at its spaces only: its column holds its widest word whole. A column
         * would like its heading on one line and its widest cell (bold, as on the selected row). */
        need[c] = widest_word(u, head[c], l->px_label, GF_BOLD) + 12 * s + 2;
    }
    /* The widest cell of each column: measured again only when the cells or the text size
     * change (a region's table has hundreds of rows, and every key or hover redraws it). */
    unsigned long sig = 5381u + (unsigned long)l->px_label * 33u + (unsigned long)ncols;
    for (size_t r = 0; r < nrows; r++)
        for (int c = 0; c < ncols; c++)
            for (const unsigned char *p = (const unsigned char *)cells[r][c]; *p; p++)
                sig = sig * 33u + *p;
    if (sig != st->cell_sig || nrows != st->cell_rows) {
        for (int c = 0; c < ncols; c++) {
            st->cell_w[c] = 0;
            for (size_t r = 0; r < nrows; r++)
                st->cell_w[c] =
                    fmaxf(st->cell_w[c], ui_text_w(u, cells[r][c], l->px_label, GF_BOLD));
        }
        st->cell_sig = sig;
        st->cell_rows = nrows;
    }
    for (int c = 0; c < ncols; c++) {
        wish[c] = fmaxf(need[c], st->cell_w[c] + 12 * s + 2);
        want[c] = fmaxf(wish[c], ui_text_w(u, head[c], l->px_label, GF_BOLD) + 12 * s + 2);
    }
    /* Every column gets its heading's widest word; then what is left goes first to the cells
     * (a column's widest one, so numbers and dates are never cut), then to the headings on one
     * line, then to all by weight. Long text is cut with «…» only when it must. */
    float left = w, all = 0;
    for (int c = 0; c < ncols; c++) {
        cw[c] = need[c];
        left -= need[c];
        all += widths[c];
    }
    fill_columns(cw, wish, widths, ncols, &left);
    fill_columns(cw, want, widths, ncols, &left);
    for (int c = 0; c < ncols && left > 0; c++)
        cw[c] += left * widths[c] / all;
    for (int c = 0; c < ncols; c++)
        hh = fmaxf(hh, gfx_text_box(u->g, head[c], 0, 0, cw[c] - 12 * s, l->px_label, GF_BOLD,
                                    u->theme.text_dim, 0));
    hh += 12 * s;
    st->say_ncols = ncols;
    st->say_nrows = (int)nrows;
    for (int c = 0; c < ncols; c++)
        snprintf(st->say_head[c], sizeof st->say_head[c], "%s", heads[c]);
    st->say_row[0] = '\0';
    for (int c = 0; nrows && (size_t)st->sel < nrows && c < ncols; c++) {
        size_t len = strlen(st->say_row);
        snprintf(st->say_row + len, sizeof st->say_row - len, "%s%s: %s", c ? ", " : "", heads[c],
                 cells[st->sel][c]);
    }
    float cx = x;
    for (int c = 0; c < ncols; c++) {
        GRect hr = {cx, y, cw[c], hh};
        gfx_text_box(u->g, head[c], cx + 6 * s, y + 6 * s, cw[c] - 12 * s, l->px_label, GF_BOLD,
                     u->theme.text_dim, 1);
        if (st->focus == MF_COLS && st->focus_col == c)
            gfx_round_outline(u->g, hr, 4 * s, 2.5f * s, u->theme.focus);
        else if (ui_hovered(u, hr))
            gfx_round_outline(u->g, hr, 4 * s, 1.5f * s, u->theme.accent);
        ui_hit(u, hr, HIT_MGR_COL, c);
        cx += cw[c];
    }
    y += hh;
    gfx_fill(u->g, (GRect){x, y - 2 * s, w, 1.5f * s}, u->theme.panel_edge);
    /* The selected row's cells that do not fit their column, in full under the table, so a
     * long name or criterion stays readable at large text. */
    char full[1600] = "";
    for (int c = 0; nrows && (size_t)st->sel < nrows && c < ncols; c++)
        if (ui_text_w(u, cells[st->sel][c], l->px_label, GF_BOLD) > cw[c] - 12 * s) {
            size_t len = strlen(full);
            snprintf(full + len, sizeof full - len, "%s%s: %s", len ? " · " : "", heads[c],
                     cells[st->sel][c]);
        }
    float full_h = full[0] ? gfx_text_box(u->g, full, 0, 0, w - 12 * s, l->px_label, GF_REGULAR,
                                          u->theme.text, 0) +
                                 12 * s
                           : 0;
    if (area.y + area.h - y < rh + full_h)
        full_h = 0, full[0] = '\0'; /* no room beside one row: the voice still says it all */
    if (full[0])
        gfx_text_box(u->g, full, x + 6 * s, area.y + area.h - full_h + 6 * s, w - 12 * s,
                     l->px_label, GF_REGULAR, u->theme.text, 1);
    size_t first = 0, fit = (size_t)fmaxf(1, (area.y + area.h - full_h - y) / rh);
    if ((size_t)st->sel >= fit)
        first = (size_t)st->sel - fit + 1;
    for (size_t r = first; r < nrows && r < first + fit; r++) {
        GRect row = {x, y, w, rh};
        if ((int)r == st->sel) {
            gfx_round(u->g, row, 4 * s, (GColor){11, 92, 173, 30});
            if (st->focus == MF_ROWS) /* one visible focus: elsewhere the row stays shaded */
                gfx_round_outline(u->g, row, 4 * s, 2.5f * s, u->theme.focus);
        } else if (ui_hovered(u, row)) {
            gfx_round(u->g, row, 4 * s, (GColor){11, 92, 173, 14});
        }
        cx = x;
        for (int c = 0; c < ncols; c++) {
            GFont face = (int)r == st->sel ? GF_BOLD : GF_REGULAR;
            char cell[256];
            ui_fit_text(u, cell, sizeof cell, cells[r][c], cw[c] - 12 * s, l->px_label, face);
            gfx_text(u->g, cell, cx + 6 * s, y + 6 * s, l->px_label, face, u->theme.text);
            cx += cw[c];
        }
        ui_hit(u, row, HIT_MGR_ROW, (int)r);
        y += rh;
    }
}

/* The office filter: «◀ Офис: все ▶», one pill; returns the y below it. */
static float draw_filter(Ui *u, float y)
{
    ManagerState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s;
    char label[300];
    filter_label(st, label, sizeof label);
    float h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 14 * s;
    float aw = ui_text_w(u, "◀", l->px_body, GF_BOLD) + 32 * s;
    float lw = ui_text_w(u, label, l->px_body, GF_BOLD) + 24 * s;
    float x = 40 * s;
    GRect prev = {x, y, aw, h}, mid = {x + aw, y, lw, h}, next = {x + aw + lw, y, aw, h};
    GRect all = {x, y, 2 * aw + lw, h};
    gfx_round(u->g, all, h / 2, u->theme.panel);
    int ring = st->filter_focus || st->focus == MF_FILTER;
    gfx_round_outline(u->g, all, h / 2, ring ? 2.5f * s : 1.5f * s,
                      ring ? u->theme.focus : u->theme.panel_edge);
    const GRect parts[3] = {prev, mid, next};
    const char *text[3] = {"◀", label, "▶"};
    for (int i = 0; i < 3; i++) {
        if (ui_hovered(u, parts[i]))
            gfx_round_outline(u->g, parts[i], h / 2, 1.5f * s, u->theme.accent);
        gfx_text(u->g, text[i], parts[i].x + (i == 1 ? 12 : 16) * s, y + 7 * s, l->px_body, GF_BOLD,
                 u->theme.text);
        ui_hit(u, parts[i], HIT_MGR_FILTER, i == 0 ? -1 : 1);
    }
    return y + h + 10 * s;
}

static void manager_draw(Ui *u)
{
    ManagerState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    char sub[400] = "";
    region_poll(u);
    if (region_shown(st)) {
        region_summary(st, sub, sizeof sub);
    } else if (st->report) {
        char rate[32];
        ui_fmt_decimal(rate, sizeof rate, st->report->pass_rate * 100.0, 0);
        snprintf(sub, sizeof sub, tr(STR_MGR_SUMMARY), st->report->attempts, rate,
                 st->report->active_trainees, st->report->unfinished);
    }
    ui_title_back(u, tr(STR_MGR_TITLE), sub, st->focus == MF_BACK, HIT_MGR_BACK);
    snprintf(st->say_sub, sizeof st->say_sub, "%s", sub);
    st->say_empty[0] = '\0';
    st->say_ncols = st->say_nrows = 0;
    st->say_row[0] = '\0';
    float y = l->title_h + 14 * s, x = 40 * s;
    const SimStr tabs[3] = {STR_MGR_TAB_TRAINEES, STR_MGR_TAB_SCENARIOS, STR_MGR_TAB_OFFICES};
    float tab_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 14 * s;
    for (int t = 0; t < tab_count(st); t++) {
        float w = ui_text_w(u, tr(tabs[t]), l->px_body, GF_BOLD) + 32 * s;
        GRect r = {x, y, w, tab_h};
        int sel = st->tab == t;
        gfx_round(u->g, r, r.h / 2, sel ? u->theme.accent : u->theme.panel);
        gfx_round_outline(u->g, r, r.h / 2, 1.5f * s, sel ? u->theme.accent : u->theme.panel_edge);
        gfx_text(u->g, tr(tabs[t]), x + 16 * s, y + 7 * s, l->px_body, GF_BOLD,
                 sel ? u->theme.accent_text : u->theme.text);
        if (sel && st->focus == MF_TABS)
            gfx_round_outline(u->g, (GRect){r.x - 4 * s, r.y - 4 * s, r.w + 8 * s, r.h + 8 * s},
                              r.h / 2 + 4 * s, 3 * s, u->theme.focus);
        ui_hit(u, r, HIT_MGR_TAB, t);
        x += w + 10 * s;
    }
    y += tab_h + 12 * s;
    if (region_shown(st))
        y = draw_filter(u, y);
    if (st->notice[0])
        y += gfx_text_box(u->g, st->notice, 40 * s, y, W - 80 * s, l->px_small, GF_BOLD,
                          st->view == REGION_FALLBACK ? u->theme.warn : u->theme.text_dim, 1) +
             10 * s;
    float hint_h = l->hint_h;
    float err_h = st->error[0] ? gfx_text_box(u->g, st->error, 0, 0, W - 80 * s, l->px_small,
                                              GF_REGULAR, u->theme.bad, 0) +
                                     8 * s
                               : 0;
    float bottom = H - hint_h - err_h - 10 * s;
    if (region_shown(st)) {
        RegionTable t;
        region_table(u, &t);
        if (st->sel >= (int)t.nrows)
            st->sel = t.nrows ? (int)t.nrows - 1 : 0;
        char many[300];
        region_withheld(st, many, sizeof many);
        if (t.nrows == 0) {
            /* (while a read for the filter is under way, its notice says so) */
            snprintf(st->say_empty, sizeof st->say_empty, "%s",
                     many[0]   ? many
                     : st->job ? ""
                               : tr(STR_MGR_REGION_EMPTY));
            gfx_text_box(u->g, st->say_empty, 40 * s, y, W - 80 * s, l->px_body, GF_REGULAR,
                         u->theme.text_dim, 1);
        } else {
            GRect p = {32 * s, y, W - 64 * s, bottom - y};
            ui_panel(u, p);
            draw_table(u, (GRect){p.x + 10 * s, p.y + 8 * s, p.w - 20 * s, p.h - 16 * s}, t.heads,
                       t.widths, t.ncols, region_cells, t.nrows);
        }
    } else if (!st->report ||
               (st->tab == 0 ? st->report->trainee_count : st->report->scenario_count) == 0) {
        snprintf(st->say_empty, sizeof st->say_empty, "%s",
                 u->cfg->store ? tr(STR_MGR_EMPTY) : tr(STR_UI_NO_STORE));
        gfx_text_box(u->g, st->say_empty, 40 * s, y, W - 80 * s, l->px_body, GF_REGULAR,
                     u->theme.text_dim, 1);
    } else {
        static char cells[MGR_MAX_ROWS][MGR_MAX_COLS][256];
        int idx[MGR_MAX_ROWS];
        size_t n = mgr_rows(st, idx, MGR_MAX_ROWS);
        if (st->sel >= (int)n)
            st->sel = n ? (int)n - 1 : 0;
        GRect p = {32 * s, y, W - 64 * s, 0};
        if (st->tab == 0) {
            for (size_t r = 0; r < n; r++) {
                const ReportTrainee *t = &st->report->trainees[idx[r]];
                snprintf(cells[r][0], 256, "%s %s", t->surname, t->name);
                snprintf(cells[r][1], 256, "%s", t->personnel);
                snprintf(cells[r][2], 256, "%lld", t->attempts);
                snprintf(cells[r][3], 256, "%lld / %lld", t->exams_passed, t->exams);
                fmt_avg(cells[r][4], 256, t->avg_total);
                if (t->weakest_title)
                    snprintf(cells[r][5], 256, "%s (%.0f %%)", t->weakest_title,
                             t->weakest_ratio * 100);
                else
                    snprintf(cells[r][5], 256, "—");
                ui_local_time(t->last_activity, cells[r][6], 256);
            }
            const char *heads[7] = {tr(STR_MGR_COL_TRAINEE),  tr(STR_MGR_COL_PERSONNEL),
                                    tr(STR_MGR_COL_ATTEMPTS), tr(STR_MGR_COL_EXAMS),
                                    tr(STR_MGR_COL_AVG),      tr(STR_MGR_COL_WEAKEST),
                                    tr(STR_MGR_COL_LAST)};
            const float widths[7] = {0.2f, 0.08f, 0.09f, 0.11f, 0.1f, 0.24f, 0.18f};
            p.h = bottom - y;
            ui_panel(u, p);
            draw_table(u, (GRect){p.x + 10 * s, p.y + 8 * s, p.w - 20 * s, p.h - 16 * s}, heads,
                       widths, 7, cells, n);
        } else {
            for (size_t r = 0; r < n; r++) {
                const ReportScenario *sc = &st->report->scenarios[idx[r]];
                snprintf(cells[r][0], 256, "%s", sc->title);
                snprintf(cells[r][1], 256, "%lld", sc->attempts);
                snprintf(cells[r][2], 256, "%.0f %%", sc->pass_rate * 100);
                fmt_avg(cells[r][3], 256, sc->avg_total);
                if (sc->mistake_count) {
                    char name[200]; /* the cell is clipped anyway */
                    mistake_name(u, sc->id, &sc->mistakes[0], name, sizeof name);
                    snprintf(cells[r][4], 256, "%s × %lld", name, sc->mistakes[0].count);
                } else {
                    snprintf(cells[r][4], 256, "—");
                }
            }
            const char *heads[5] = {tr(STR_MGR_COL_SCENARIO), tr(STR_MGR_COL_ATTEMPTS),
                                    tr(STR_MGR_COL_PASS_RATE), tr(STR_MGR_COL_AVG),
                                    tr(STR_MGR_COL_MISTAKE)};
            const float widths[5] = {0.34f, 0.1f, 0.1f, 0.12f, 0.34f};
            float rh = gfx_line_height(u->g, l->px_label, GF_REGULAR) + 12 * s;
            p.h = fminf(rh * (float)(n + 2) + 40 * s, (bottom - y) * 0.45f);
            ui_panel(u, p);
            draw_table(u, (GRect){p.x + 10 * s, p.y + 8 * s, p.w - 20 * s, p.h - 16 * s}, heads,
                       widths, 5, cells, n);
            /* The selected scenario: averages per criterion and its most frequent mistakes. */
            const ReportScenario *sc = &st->report->scenarios[idx[st->sel]];
            GRect d = {p.x, p.y + p.h + 14 * s, p.w, bottom - (p.y + p.h + 14 * s)};
            ui_panel(u, d);
            if (st->detail_of != st->sel || st->tab != 1) {
                st->detail_of = st->sel;
                st->detail_scroll = 0;
            }
            st->detail = d;
            st->detail_scroll =
                fmaxf(0, fminf(st->detail_scroll, st->detail_content - (d.h - 8 * s)));
            float cy = d.y + 12 * s - st->detail_scroll, half = d.w / 2 - 30 * s;
            gfx_clip(u->g, &(GRect){d.x, d.y + 4 * s, d.w, d.h - 8 * s});
            float ly = cy +
                       gfx_text_box(u->g, tr(STR_MGR_CRITERIA), d.x + 18 * s, cy, half, l->px_body,
                                    GF_BOLD, u->theme.text, 1) +
                       8 * s;
            float ry = cy +
                       gfx_text_box(u->g, tr(STR_MGR_MISTAKES), d.x + d.w / 2 + 12 * s, cy, half,
                                    l->px_body, GF_BOLD, u->theme.text, 1) +
                       8 * s;
            for (size_t c = 0; c < sc->criterion_count; c++) {
                const ReportCriterion *cr = &sc->criteria[c];
                float th = gfx_text_box(u->g, cr->title, d.x + 18 * s, ly, half * 0.45f - 8 * s,
                                        l->px_label, GF_REGULAR, u->theme.text, 1);
                GRect bar = {d.x + 18 * s + half * 0.45f, ly + 2 * s, half * 0.35f,
                             (float)l->px_label};
                gfx_round(u->g, bar, 3 * s, (GColor){200, 200, 200, 120});
                if (cr->ratio > 0)
                    gfx_round(u->g, (GRect){bar.x, bar.y, bar.w * (float)cr->ratio, bar.h}, 3 * s,
                              cr->ratio >= 0.7 ? u->theme.good
                                               : (cr->ratio >= 0.4 ? u->theme.warn : u->theme.bad));
                char v[64];
                snprintf(v, sizeof v, "%.0f %%", cr->ratio * 100);
                gfx_text(u->g, v, bar.x + bar.w + 10 * s, ly, l->px_label, GF_BOLD, u->theme.text);
                ly += fmaxf(th, (float)gfx_line_height(u->g, l->px_label, GF_BOLD)) + 8 * s;
            }
            for (size_t m = 0; m < sc->mistake_count; m++) {
                const ReportMistake *mk = &sc->mistakes[m];
                char name[400], head[700];
                mistake_name(u, sc->id, mk, name, sizeof name);
                snprintf(head, sizeof head, "%s × %lld%s%s%s", name, mk->count,
                         mk->rule ? " · " : "", mk->rule ? mk->rule : "",
                         mk->critical ? tr(STR_MGR_CRITICAL_MARK) : "");
                ry += gfx_text_box(u->g, head, d.x + d.w / 2 + 12 * s, ry, half, l->px_label,
                                   GF_BOLD, mk->critical ? u->theme.bad : u->theme.warn, 1) +
                      4 * s;
                ry += gfx_text_box(u->g, mk->feedback, d.x + d.w / 2 + 12 * s, ry, half,
                                   l->px_small, GF_REGULAR, u->theme.text_dim, 1) +
                      8 * s;
            }
            gfx_clip(u->g, NULL);
            st->detail_content = fmaxf(ly, ry) - (cy - 12 * s) + 4 * s;
            ui_scrollbar(u, (GRect){d.x, d.y + 4 * s, d.w, d.h - 8 * s}, st->detail_content,
                         st->detail_scroll);
        }
    }
    if (st->error[0])
        gfx_text_box(u->g, st->error, 40 * s, bottom + 4 * s, W - 80 * s, l->px_small, GF_REGULAR,
                     u->theme.bad, 1);
    ui_hint(u, tr(region_shown(st) ? STR_MGR_REGION_HINT : STR_MGR_HINT));
}

static void manager_key(Ui *u, SDL_Keycode k)
{
    ManagerState *st = S(u);
    int idx[MGR_MAX_ROWS];
    size_t n = 0;
    int ncols = st->tab == 0 ? 7 : 5;
    region_poll(u);
    if (region_shown(st)) {
        RegionTable t;
        region_table(u, &t);
        n = t.nrows;
        ncols = t.ncols;
    } else {
        n = mgr_rows(st, idx, MGR_MAX_ROWS);
    }
    if (k == SDLK_UP || k == SDLK_DOWN || k == SDLK_TAB)
        st->filter_focus = 0;
    if (st->focus_col >= ncols)
        st->focus_col = ncols - 1;
    int enter = k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE;
    if (k == SDLK_TAB) {
        /* The stops in order: «Назад», tabs, filter (the region only), each heading, rows. */
        int back = (SDL_GetModState() & KMOD_SHIFT) != 0;
        int nstops = 3 + ncols + 1, pos;
        pos = st->focus == MF_BACK     ? 0
              : st->focus == MF_TABS   ? 1
              : st->focus == MF_FILTER ? 2
              : st->focus == MF_COLS   ? 3 + st->focus_col
                                       : 3 + ncols;
        do
            pos = (pos + (back ? nstops - 1 : 1)) % nstops;
        while (pos == 2 && !region_shown(st));
        st->focus = pos == 0          ? MF_BACK
                    : pos == 1        ? MF_TABS
                    : pos == 2        ? MF_FILTER
                    : pos < 3 + ncols ? MF_COLS
                                      : MF_ROWS;
        if (st->focus == MF_COLS)
            st->focus_col = pos - 3;
    } else if (st->focus == MF_BACK && enter) {
        manager_leave(u);
        return;
    } else if (st->focus != MF_ROWS && k == SDLK_DOWN) {
        st->focus = MF_ROWS; /* down into the table */
    } else if (st->focus == MF_TABS && (k == SDLK_LEFT || k == SDLK_RIGHT)) {
        int nt = tab_count(st);
        st->tab = (st->tab + (k == SDLK_LEFT ? nt - 1 : 1)) % nt;
        st->sel = st->sort = st->desc = 0;
        st->focus_col = 0;
    } else if (st->focus == MF_TABS && (enter || k == SDLK_UP)) {
        /* (the focused tab is the one shown) */
    } else if (st->focus == MF_COLS && (k == SDLK_LEFT || k == SDLK_RIGHT)) {
        st->focus_col +=
            k == SDLK_LEFT ? (st->focus_col > 0 ? -1 : 0) : (st->focus_col + 1 < ncols ? 1 : 0);
    } else if (st->focus == MF_COLS && enter) {
        manager_key(u, (SDL_Keycode)(SDLK_1 + st->focus_col));
        return;
    } else if (st->focus == MF_FILTER && (enter || k == SDLK_UP)) {
        /* ←→ move the filter */
    } else if (k == SDLK_DOWN && st->sel + 1 < (int)n)
        st->sel++;
    else if (k == SDLK_UP && st->sel > 0)
        st->sel--;
    else if ((k == SDLK_LEFT || k == SDLK_RIGHT) && region_shown(st))
        filter_move(u, k == SDLK_LEFT ? -1 : 1);
    else if (k >= SDLK_1 && k <= SDLK_7) {
        int col = (int)(k - SDLK_1);
        if (col < ncols) {
            st->desc = st->sort == col ? !st->desc : col >= 2;
            st->sort = col;
        }
    } else if ((k == SDLK_RETURN || k == SDLK_KP_ENTER) && st->tab == 0 && n && !region_shown(st)) {
        /* The region's trainees have no page on this computer: only its own do. */
        const ReportTrainee *t = &st->report->trainees[idx[st->sel]];
        char title[400];
        snprintf(title, sizeof title, TRF(STR_UI_TRAINEE_ROW), t->surname, t->name, t->personnel);
        ui_trainee_open(u, t->id, title);
    } else if ((k == SDLK_PAGEDOWN || k == SDLK_PAGEUP) && st->tab == 1 && !region_shown(st)) {
        /* the selected scenario's details, when they are taller than their panel */
        st->detail_scroll += (k == SDLK_PAGEDOWN ? 1 : -1) * st->detail.h * 0.8f;
        st->detail_scroll = fmaxf(0, st->detail_scroll);
    } else if (k == SDLK_ESCAPE) {
        manager_leave(u);
    }
    u->dirty = 1;
}

static int manager_click(Ui *u, const Hit *h)
{
    ManagerState *st = S(u);
    if (!h)
        return 0;
    switch (h->kind) {
    case HIT_MGR_TAB:
        if (st->tab != h->arg) {
            st->tab = h->arg;
            st->sel = st->sort = st->desc = 0;
            st->filter_focus = 0;
        }
        st->focus = MF_TABS;
        break;
    case HIT_MGR_BACK:
        manager_leave(u);
        break;
    case HIT_MGR_FILTER:
        st->focus = MF_FILTER;
        if (region_shown(st))
            filter_move(u, h->arg);
        break;
    case HIT_MGR_ROW:
        st->focus = MF_ROWS;
        if (st->sel == h->arg)
            manager_key(u, SDLK_RETURN);
        else
            st->sel = h->arg;
        break;
    case HIT_MGR_COL:
        st->focus = MF_COLS;
        st->focus_col = h->arg;
        manager_key(u, (SDL_Keycode)(SDLK_1 + h->arg));
        break;
    default:
        return 0;
    }
    return 1;
}

static void manager_wheel(Ui *u, int x, int y, float dy)
{
    ManagerState *st = S(u);
    GRect d = st->detail;
    if (st->tab == 1 && !region_shown(st) && x >= d.x && x < d.x + d.w && y >= d.y &&
        y < d.y + d.h) {
        st->detail_scroll = fmaxf(0, st->detail_scroll + dy);
        u->dirty = 1;
        return;
    }
    st->focus = MF_ROWS; /* the wheel moves the rows, wherever the keyboard was */
    manager_key(u, dy > 0 ? SDLK_DOWN : SDLK_UP);
}

static const char *manager_expect(Ui *u)
{
    region_poll(u);
    compose_expect(u);
    return S(u)->expect;
}

/* The area's title and figures, the tab shown, the notice or error, then the focus: a tab,
 * the filter, a column heading (and how it sorts), or the selected row cell by cell. */
static void manager_speak(Ui *u, SpeakFrame *f)
{
    ManagerState *st = S(u);
    static const SimStr tabs[3] = {STR_MGR_TAB_TRAINEES, STR_MGR_TAB_SCENARIOS,
                                   STR_MGR_TAB_OFFICES};
    ui_say(f, SAY_SCREEN, "%s", tr(STR_MGR_TITLE));
    if (st->say_sub[0])
        ui_say(f, SAY_SCREEN, "%s", st->say_sub);
    ui_say(f, SAY_CONTENT, tr(STR_SAY_TAB_SHOWN), tr(tabs[st->tab]));
    if (st->notice[0])
        ui_say(f, SAY_CONTENT, "%s", st->notice);
    if (st->say_empty[0])
        ui_say(f, SAY_CONTENT, "%s", st->say_empty);
    if (st->error[0])
        ui_say(f, SAY_OVERLAY, "%s", st->error);
    if (st->focus == MF_BACK) {
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON), tr(STR_UI_BACK_ESC));
    } else if (st->focus == MF_TABS) {
        ui_say(f, SAY_FOCUS, tr(STR_SAY_TAB), tr(tabs[st->tab]), st->tab + 1, tab_count(st));
    } else if (st->focus == MF_FILTER || st->filter_focus) {
        char label[300];
        filter_label(st, label, sizeof label);
        ui_say(f, SAY_FOCUS, tr(STR_SAY_FILTER), label);
    } else if (st->focus == MF_COLS && st->focus_col < st->say_ncols) {
        int c = st->focus_col;
        ui_say(f, SAY_FOCUS,
               tr(st->sort != c ? STR_SAY_COLUMN
                  : st->desc    ? STR_SAY_COLUMN_DESC
                                : STR_SAY_COLUMN_ASC),
               st->say_head[c], c + 1, st->say_ncols);
    } else if (st->say_row[0]) {
        ui_say(f, SAY_FOCUS, tr(STR_SAY_ROW), st->sel + 1, st->say_nrows, st->say_row);
    }
}

const ScreenDef screen_manager = {
    .name = "manager",
    .state_size = sizeof(ManagerState),
    .destroy = manager_destroy,
    .enter = manager_enter,
    .draw = manager_draw,
    .key = manager_key,
    .click = manager_click,
    .wheel = manager_wheel,
    .expect_text = manager_expect,
    .speak = manager_speak,
};
