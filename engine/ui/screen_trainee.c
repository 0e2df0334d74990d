/*
 * screen_trainee.c — a trainee's page in the manager area: totals over time (dated, with the
 * pass mark), then every attempt; Enter replays one step by step (screen_replay.c).
 */
#include "ui_app.h"

#include "../core/i18n.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_HISTORY 2000

typedef struct TraineeState {
    AttemptRow *hist; /* owned; oldest first */
    size_t n;
    int sel;
    char title[400];
    char error[SIM_ERROR_MAX]; /* why the selected attempt cannot be replayed */
    int on_back;               /* Tab's focus: 0 the attempts, 1 «Назад» */
} TraineeState;

enum { HIT_TR_ROW = HIT_SCREEN, HIT_TR_BACK };

static TraineeState *S(Ui *u)
{
    return ui_state(u, SCR_TRAINEE);
}

void ui_trainee_open(Ui *u, long long id, const char *title)
{
    TraineeState *st = S(u);
    free(st->hist);
    st->hist = calloc(MAX_HISTORY, sizeof *st->hist);
    st->n = st->hist ? ui_trainee_attempts(u, id, st->hist, MAX_HISTORY) : 0;
    st->sel = st->n ? (int)st->n - 1 : 0;
    st->error[0] = '\0';
    st->on_back = 0;
    snprintf(st->title, sizeof st->title, "%s", title);
    ui_go(u, SCR_TRAINEE);
}

void ui_trainee_free(Ui *u)
{
    free(S(u)->hist);
    S(u)->hist = NULL;
}

/* One attempt as its row shows it (and the voice says it: «·» is read as a pause). */
static void attempt_line(const AttemptRow *a, char *line, size_t n)
{
    char when[64];
    ui_local_time(a->started_at, when, sizeof when);
    const char *mode = a->exam ? tr(STR_UI_MODE_EXAM) : tr(STR_UI_MODE_TRAINING);
    if (a->finished)
        snprintf(line, n, "%s · %s · %s · %d %s", when, a->title, mode, a->total,
                 a->passed ? tr(STR_UI_PASSED_BADGE) : tr(STR_UI_FAILED_BADGE));
    else
        snprintf(line, n, "%s · %s · %s · %s", when, a->title, mode, tr(STR_UNFINISHED));
    if (!a->verified) {
        size_t len = strlen(line);
        snprintf(line + len, n - len, " · %s", tr(STR_MGR_NOT_VERIFIED));
    }
}

static void trainee_draw(Ui *u)
{
    TraineeState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    ui_title_back(u, st->title, tr(STR_MGR_TRAINEE_SUB), st->on_back, HIT_TR_BACK);
    float hint_h = l->hint_h;
    float small_h = gfx_line_height(u->g, l->px_small, GF_REGULAR);
    GRect c = {32 * s, l->title_h + 14 * s, W - 64 * s, fmaxf(200 * s, 8 * small_h)};
    ui_panel(u, c);
    /* The chart: totals of finished attempts in order, with the pass mark and the dates of
     * the first and the last (local time). */
    float lab_w = ui_text_w(u, "100", l->px_small, GF_REGULAR) + 24 * s;
    GRect plot = {c.x + lab_w, c.y + 14 * s, c.w - lab_w - 24 * s, c.h - 28 * s - 2 * small_h};
    for (int v = 0; v <= 100; v += 50) {
        float yy = plot.y + plot.h * (1 - v / 100.0f);
        gfx_fill(u->g, (GRect){plot.x, yy, plot.w, 1 * s}, (GColor){180, 180, 180, 120});
        char lab[8];
        snprintf(lab, sizeof lab, "%d", v);
        gfx_text(u->g, lab, c.x + 12 * s, yy - small_h / 2, l->px_small, GF_REGULAR,
                 u->theme.text_dim);
    }
    float pm = plot.y + plot.h * (1 - 70 / 100.0f);
    for (float xx = plot.x; xx < plot.x + plot.w; xx += 12 * s)
        gfx_fill(u->g, (GRect){xx, pm, 6 * s, 1.5f * s}, u->theme.warn);
    float pw = ui_text_w(u, tr(STR_MGR_PASS_LINE), l->px_small, GF_REGULAR);
    gfx_text(u->g, tr(STR_MGR_PASS_LINE), plot.x + plot.w - pw, pm - small_h - 2 * s, l->px_small,
             GF_REGULAR, u->theme.warn);
    size_t nf = 0, first_f = 0, last_f = 0;
    for (size_t i = 0; i < st->n; i++)
        if (st->hist[i].finished) {
            if (!nf++)
                first_f = i;
            last_f = i;
        }
    float px_prev = 0, py_prev = 0;
    size_t k = 0;
    for (size_t i = 0; i < st->n; i++) {
        if (!st->hist[i].finished)
            continue;
        float xx = plot.x + (nf > 1 ? plot.w * k / (float)(nf - 1) : plot.w / 2);
        float yy = plot.y + plot.h * (1 - st->hist[i].total / 100.0f);
        if (k > 0)
            gfx_line(u->g, px_prev, py_prev, xx, yy, 2.5f * s, u->theme.accent);
        gfx_circle(u->g, xx, yy, 5 * s, st->hist[i].passed ? u->theme.good : u->theme.bad);
        px_prev = xx;
        py_prev = yy;
        k++;
    }
    if (nf == 0) {
        gfx_text(u->g, tr(STR_MGR_NO_FINISHED), plot.x + 10 * s, plot.y + plot.h / 2, l->px_label,
                 GF_REGULAR, u->theme.text_dim);
    } else {
        char d0[64], d1[64];
        ui_local_time(st->hist[first_f].started_at, d0, sizeof d0);
        ui_local_time(st->hist[last_f].started_at, d1, sizeof d1);
        float ly = plot.y + plot.h + 6 * s;
        gfx_text(u->g, d0, plot.x, ly, l->px_small, GF_REGULAR, u->theme.text_dim);
        if (nf > 1) {
            float dw = ui_text_w(u, d1, l->px_small, GF_REGULAR);
            gfx_text(u->g, d1, plot.x + plot.w - dw, ly, l->px_small, GF_REGULAR,
                     u->theme.text_dim);
        }
        float tw = ui_text_w(u, tr(STR_MGR_TIME_LABEL), l->px_small, GF_REGULAR);
        gfx_text(u->g, tr(STR_MGR_TIME_LABEL), plot.x + (plot.w - tw) / 2, ly + small_h,
                 l->px_small, GF_REGULAR, u->theme.text_dim);
    }
    /* The attempts, newest at the bottom (as the chart runs). */
    GRect p = {c.x, c.y + c.h + 14 * s, c.w, H - (c.y + c.h + 14 * s) - hint_h - 14 * s};
    ui_panel(u, p);
    float rh = gfx_line_height(u->g, l->px_label, GF_REGULAR) + 12 * s;
    size_t fit = (size_t)fmaxf(1, (p.h - 16 * s) / rh), first = 0;
    if ((size_t)st->sel >= fit)
        first = (size_t)st->sel - fit + 1;
    float y = p.y + 8 * s;
    gfx_clip(u->g, &p);
    for (size_t i = first; i < st->n && i < first + fit; i++) {
        const AttemptRow *a = &st->hist[i];
        char line[800];
        attempt_line(a, line, sizeof line);
        GRect row = {p.x + 8 * s, y, p.w - 16 * s, rh};
        if ((int)i == st->sel) {
            gfx_round(u->g, row, 4 * s, (GColor){11, 92, 173, 30});
            if (!st->on_back) /* one visible focus */
                gfx_round_outline(u->g, row, 4 * s, 2.5f * s, u->theme.focus);
        } else if (ui_hovered(u, row)) {
            gfx_round(u->g, row, 4 * s, (GColor){11, 92, 173, 14});
        }
        gfx_text(u->g, line, row.x + 8 * s, y + 6 * s, l->px_label,
                 (int)i == st->sel ? GF_BOLD : GF_REGULAR,
                 a->verified ? u->theme.text : u->theme.bad);
        ui_hit(u, row, HIT_TR_ROW, (int)i);
        y += rh;
    }
    gfx_clip(u->g, NULL);
    if (st->n == 0)
        gfx_text(u->g, tr(STR_MGR_NO_ATTEMPTS), p.x + 18 * s, p.y + 14 * s, l->px_body, GF_REGULAR,
                 u->theme.text_dim);
    if (st->error[0]) {
        float th = gfx_text_box(u->g, st->error, 0, 0, W * 0.6f - 40 * s, l->px_body, GF_REGULAR,
                                u->theme.bad, 0);
        GRect e = {W * 0.2f, H * 0.4f, W * 0.6f, th + 32 * s};
        ui_panel(u, e);
        gfx_text_box(u->g, st->error, e.x + 20 * s, e.y + 16 * s, e.w - 40 * s, l->px_body,
                     GF_REGULAR, u->theme.bad, 1);
    }
    ui_hint(u, tr(STR_MGR_TRAINEE_HINT));
}

static void trainee_key(Ui *u, SDL_Keycode k)
{
    TraineeState *st = S(u);
    if (k == SDLK_TAB) {
        st->on_back = !st->on_back; /* the attempts and «Назад» */
    } else if (st->on_back && (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE)) {
        st->on_back = 0;
        trainee_key(u, SDLK_ESCAPE);
        return;
    } else if (k == SDLK_DOWN && st->sel + 1 < (int)st->n)
        st->sel++, st->error[0] = '\0';
    else if (k == SDLK_UP && st->sel > 0)
        st->sel--, st->error[0] = '\0';
    else if ((k == SDLK_RETURN || k == SDLK_KP_ENTER) && st->n)
        ui_replay_open(u, &st->hist[st->sel], st->error, sizeof st->error);
    else if (k == SDLK_ESCAPE) {
        st->error[0] = '\0';
        ui_go(u, SCR_MANAGER);
    }
    u->dirty = 1;
}

static int trainee_click(Ui *u, const Hit *h)
{
    TraineeState *st = S(u);
    if (!h)
        return 0;
    if (h->kind == HIT_TR_BACK) {
        st->on_back = 0;
        trainee_key(u, SDLK_ESCAPE);
        return 1;
    }
    if (h->kind != HIT_TR_ROW)
        return 0;
    st->on_back = 0;
    if (st->sel == h->arg)
        trainee_key(u, SDLK_RETURN);
    else
        st->sel = h->arg, st->error[0] = '\0';
    return 1;
}

static void trainee_wheel(Ui *u, int x, int y, float dy)
{
    (void)x, (void)y;
    trainee_key(u, dy > 0 ? SDLK_DOWN : SDLK_UP);
}

/* The trainee's name, how many attempts, why one cannot be replayed, and the focused
 * attempt. */
static void trainee_speak(Ui *u, SpeakFrame *f)
{
    TraineeState *st = S(u);
    ui_say(f, SAY_SCREEN, "%s", st->title);
    ui_say(f, SAY_SCREEN, "%s", tr(STR_MGR_TRAINEE_SUB));
    if (st->n == 0)
        ui_say(f, SAY_CONTENT, "%s", tr(STR_MGR_NO_ATTEMPTS));
    if (st->error[0])
        ui_say(f, SAY_OVERLAY, "%s", st->error);
    if (st->on_back) {
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON), tr(STR_UI_BACK_ESC));
    } else if (st->n && (size_t)st->sel < st->n) {
        char line[800];
        attempt_line(&st->hist[st->sel], line, sizeof line);
        ui_say(f, SAY_FOCUS, tr(STR_SAY_ROW), st->sel + 1, (int)st->n, line);
    }
}

const ScreenDef screen_trainee = {
    .name = "trainee",
    .state_size = sizeof(TraineeState),
    .destroy = ui_trainee_free,
    .draw = trainee_draw,
    .key = trainee_key,
    .click = trainee_click,
    .wheel = trainee_wheel,
    .speak = trainee_speak,
};
