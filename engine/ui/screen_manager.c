/*
 * screen_manager.c — the manager area: the same figures as `mfc-trainer report`
 * (engine/store/report.c) as two sortable tables, trainees and scenarios, with the selected
 * scenario's criteria and most frequent mistakes in words (never internal ids). Reached through
 * the PIN (screen_pin.c); leaving it locks it again.
 */
#include "ui_app.h"

#include "../core/i18n.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MGR_MAX_ROWS 512
#define MGR_MAX_COLS 7

typedef struct ManagerState {
    Report *report; /* owned; read when the area opens */
    int tab;        /* 0 trainees, 1 scenarios */
    int sel, sort, desc;
    char error[SIM_ERROR_MAX];
} ManagerState;

enum { HIT_MGR_TAB = HIT_SCREEN, HIT_MGR_ROW, HIT_MGR_COL };

static ManagerState *S(Ui *u)
{
    return ui_state(u, SCR_MANAGER);
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
    mgr_reload(u);
}

static void manager_leave(Ui *u)
{
    ManagerState *st = S(u);
    report_free(st->report);
    st->report = NULL;
    u->pin_ok = 0; /* leaving the manager area locks it again */
    ui_go(u, SCR_START);
}

static void manager_destroy(Ui *u)
{
    report_free(S(u)->report);
    S(u)->report = NULL;
}

static double trainee_key(const ReportTrainee *t, int col)
{
    switch (col) {
    case 2: return (double)t->attempts;
    case 3: return (double)t->exams_passed;
    case 4: return t->avg_total;
    case 5: return t->weakest_ratio;
    default: return 0;
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

/* A mistake in words: the words its attempts stored (ReportMistake.text) when they did; else
 * from the scenario: the answer's text, «Не отмечено: документ — поле», the time overrun. */
static void mistake_name(Ui *u, const char *scenario, const ReportMistake *mk, char *out,
                         size_t n)
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

/* A table with wrapped headings (each as tall as it needs) and clipped cells, scrolled to keep
 * the selected row in view. */
static void draw_table(Ui *u, GRect area, const char *const *heads, const float *widths,
                       int ncols, char cells[][MGR_MAX_COLS][256], size_t nrows)
{
    ManagerState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s, x = area.x, y = area.y, w = area.w;
    float rh = gfx_line_height(u->g, l->px_label, GF_REGULAR) + 12 * s;
    float hh = 0;
    char head[MGR_MAX_COLS][200];
    for (int c = 0; c < ncols; c++) {
        snprintf(head[c], sizeof head[c], "%d %s%s", c + 1, heads[c],
                 st->sort == c ? (st->desc ? " ▼" : " ▲") : "");
        hh = fmaxf(hh, gfx_text_box(u->g, head[c], 0, 0, widths[c] * w - 12 * s, l->px_label,
                                    GF_BOLD, u->theme.text_dim, 0));
    }
    hh += 12 * s;
    float cx = x;
    for (int c = 0; c < ncols; c++) {
        GRect hr = {cx, y, widths[c] * w, hh};
        gfx_text_box(u->g, head[c], cx + 6 * s, y + 6 * s, widths[c] * w - 12 * s, l->px_label,
                     GF_BOLD, u->theme.text_dim, 1);
        if (ui_hovered(u, hr))
            gfx_round_outline(u->g, hr, 4 * s, 1.5f * s, u->theme.accent);
        ui_hit(u, hr, HIT_MGR_COL, c);
        cx += widths[c] * w;
    }
    y += hh;
    gfx_fill(u->g, (GRect){x, y - 2 * s, w, 1.5f * s}, u->theme.panel_edge);
    size_t first = 0, fit = (size_t)fmaxf(1, (area.y + area.h - y) / rh);
    if ((size_t)st->sel >= fit)
        first = (size_t)st->sel - fit + 1;
    for (size_t r = first; r < nrows && r < first + fit; r++) {
        GRect row = {x, y, w, rh};
        if ((int)r == st->sel) {
            gfx_round(u->g, row, 4 * s, (GColor){11, 92, 173, 30});
            gfx_round_outline(u->g, row, 4 * s, 2.5f * s, u->theme.focus);
        } else if (ui_hovered(u, row)) {
            gfx_round(u->g, row, 4 * s, (GColor){11, 92, 173, 14});
        }
        cx = x;
        for (int c = 0; c < ncols; c++) {
            GRect cr = {cx, y, widths[c] * w - 4 * s, rh};
            gfx_clip(u->g, &cr);
            gfx_text(u->g, cells[r][c], cx + 6 * s, y + 6 * s, l->px_label,
                     (int)r == st->sel ? GF_BOLD : GF_REGULAR, u->theme.text);
            gfx_clip(u->g, NULL);
            cx += widths[c] * w;
        }
        ui_hit(u, row, HIT_MGR_ROW, (int)r);
        y += rh;
    }
}

static void manager_draw(Ui *u)
{
    ManagerState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    char sub[400] = "";
    if (st->report) {
        char rate[32];
        ui_fmt_decimal(rate, sizeof rate, st->report->pass_rate * 100.0, 0);
        snprintf(sub, sizeof sub, tr(STR_MGR_SUMMARY), st->report->attempts, rate,
                 st->report->active_trainees, st->report->unfinished);
    }
    ui_title(u, tr(STR_MGR_TITLE), sub);
    float y = l->title_h + 14 * s, x = 40 * s;
    const SimStr tabs[2] = {STR_MGR_TAB_TRAINEES, STR_MGR_TAB_SCENARIOS};
    float tab_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 14 * s;
    for (int t = 0; t < 2; t++) {
        float w = ui_text_w(u, tr(tabs[t]), l->px_body, GF_BOLD) + 32 * s;
        GRect r = {x, y, w, tab_h};
        int sel = st->tab == t;
        gfx_round(u->g, r, r.h / 2, sel ? u->theme.accent : u->theme.panel);
        gfx_round_outline(u->g, r, r.h / 2, 1.5f * s, sel ? u->theme.accent : u->theme.panel_edge);
        gfx_text(u->g, tr(tabs[t]), x + 16 * s, y + 7 * s, l->px_body, GF_BOLD,
                 sel ? u->theme.accent_text : u->theme.text);
        ui_hit(u, r, HIT_MGR_TAB, t);
        x += w + 10 * s;
    }
    y += tab_h + 12 * s;
    float hint_h = l->hint_h;
    float err_h = st->error[0] ? gfx_text_box(u->g, st->error, 0, 0, W - 80 * s, l->px_small,
                                              GF_REGULAR, u->theme.bad, 0) + 8 * s
                               : 0;
    float bottom = H - hint_h - err_h - 10 * s;
    if (!st->report ||
        (st->tab == 0 ? st->report->trainee_count : st->report->scenario_count) == 0) {
        gfx_text_box(u->g, u->cfg->store ? tr(STR_MGR_EMPTY) : tr(STR_UI_NO_STORE), 40 * s, y,
                     W - 80 * s, l->px_body, GF_REGULAR, u->theme.text_dim, 1);
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
            const char *heads[7] = {tr(STR_MGR_COL_TRAINEE), tr(STR_MGR_COL_PERSONNEL),
                                    tr(STR_MGR_COL_ATTEMPTS), tr(STR_MGR_COL_EXAMS),
                                    tr(STR_MGR_COL_AVG), tr(STR_MGR_COL_WEAKEST),
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
            float cy = d.y + 12 * s, half = d.w / 2 - 30 * s;
            gfx_clip(u->g, &d);
            float ly = cy + gfx_text_box(u->g, tr(STR_MGR_CRITERIA), d.x + 18 * s, cy, half,
                                         l->px_body, GF_BOLD, u->theme.text, 1) + 8 * s;
            float ry = cy + gfx_text_box(u->g, tr(STR_MGR_MISTAKES), d.x + d.w / 2 + 12 * s, cy,
                                         half, l->px_body, GF_BOLD, u->theme.text, 1) + 8 * s;
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
        }
    }
    if (st->error[0])
        gfx_text_box(u->g, st->error, 40 * s, bottom + 4 * s, W - 80 * s, l->px_small,
                     GF_REGULAR, u->theme.bad, 1);
    ui_hint(u, tr(STR_MGR_HINT));
}

static void manager_key(Ui *u, SDL_Keycode k)
{
    ManagerState *st = S(u);
    int idx[MGR_MAX_ROWS];
    size_t n = mgr_rows(st, idx, MGR_MAX_ROWS);
    if (k == SDLK_TAB) {
        st->tab = !st->tab;
        st->sel = st->sort = st->desc = 0;
    } else if (k == SDLK_DOWN && st->sel + 1 < (int)n)
        st->sel++;
    else if (k == SDLK_UP && st->sel > 0)
        st->sel--;
    else if (k >= SDLK_1 && k <= SDLK_7) {
        int col = (int)(k - SDLK_1);
        if (col < (st->tab == 0 ? 7 : 5)) {
            st->desc = st->sort == col ? !st->desc : col >= 2;
            st->sort = col;
        }
    } else if ((k == SDLK_RETURN || k == SDLK_KP_ENTER) && st->tab == 0 && n) {
        const ReportTrainee *t = &st->report->trainees[idx[st->sel]];
        char title[400];
        snprintf(title, sizeof title, TRF(STR_UI_TRAINEE_ROW), t->surname, t->name, t->personnel);
        ui_trainee_open(u, t->id, title);
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
        if (st->tab != h->arg)
            manager_key(u, SDLK_TAB);
        break;
    case HIT_MGR_ROW:
        if (st->sel == h->arg)
            manager_key(u, SDLK_RETURN);
        else
            st->sel = h->arg;
        break;
    case HIT_MGR_COL: manager_key(u, (SDL_Keycode)(SDLK_1 + h->arg)); break;
    default: return 0;
    }
    return 1;
}

static void manager_wheel(Ui *u, int x, int y, float dy)
{
    (void)x, (void)y;
    manager_key(u, dy > 0 ? SDLK_DOWN : SDLK_UP);
}

static const char *manager_expect(Ui *u)
{
    return S(u)->error;
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
};
