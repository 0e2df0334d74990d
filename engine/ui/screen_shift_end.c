/*
 * screen_shift_end.c — the day summary of a «Смена»: a verdict, the totals as tiles and one
 * line per ticket, on a sheet that scrolls; then a new shift or the catalogue.
 */
#include "ui_app.h"

#include "../core/i18n.h"

#include <math.h>
#include <stdio.h>

typedef struct ShiftEndState {
    float scroll, content_h, view_h; /* measured by the last frame, used by keys and wheel */
    int btn;                         /* 0 «Новая смена», 1 «В меню» */
} ShiftEndState;

enum { HIT_SE_BUTTON = HIT_SCREEN };

static ShiftEndState *S(Ui *u)
{
    return ui_state(u, SCR_SHIFT_END);
}

static void shift_end_enter(Ui *u, Screen from)
{
    if (from == SCR_BOOK)
        return;
    S(u)->scroll = 0;
    S(u)->btn = 0;
}

static void day_time(int minutes, char *out, size_t n)
{
    minutes %= 24 * 60;
    snprintf(out, n, "%02d:%02d", minutes / 60, minutes % 60);
}

static const SimStr labels[6] = {STR_SHIFT_T_AVG,      STR_SHIFT_T_SERVED, STR_SHIFT_T_PASSED,
                                 STR_SHIFT_T_CRITICAL, STR_SHIFT_T_OVER,   STR_SHIFT_T_QUEUE};
static const SimStr verdicts[4] = {STR_SHIFT_V_EXCELLENT, STR_SHIFT_V_GOOD, STR_SHIFT_V_WEAK,
                                   STR_SHIFT_V_CUT};

/* The figures of the six tiles (labels[]), as drawn and as said. */
static void tile_values(const ShiftTotals *t, char vals[6][64])
{
    ui_fmt_decimal(vals[0], 64, t->avg_total, 1);
    if (!t->served)
        snprintf(vals[0], 64, "—");
    snprintf(vals[1], 64, tr(STR_SHIFT_OF), t->served, t->planned);
    snprintf(vals[2], 64, tr(STR_SHIFT_OF), t->passed, t->planned);
    snprintf(vals[3], 64, "%d", t->critical);
    snprintf(vals[4], 64, tr(STR_SHIFT_MINUTES), t->over_norm);
    snprintf(vals[5], 64, "%d", t->queue_left);
}

/* The day's totals and the line under the title: the window, the hours, served of planned
 * (drawn and spoken alike). */
static void shift_subtitle(Ui *u, ShiftTotals *t, char *sub, size_t n)
{
    const Shift *sh = &u->shift;
    shift_totals(sh, t);
    char t0[16], t1[16];
    day_time(SHIFT_OPENS, t0, sizeof t0);
    day_time(SHIFT_OPENS + (int)(t->minutes + 0.5), t1, sizeof t1);
    int window = u->nscens ? u->scens[sh->e[0].scen].scenario->office_window : 1;
    snprintf(sub, n, tr(STR_SHIFT_END_SUB), window, t0, t1, t->served, t->planned);
}

/* In the spirit of «Papers, Please»'s end of the day: one line per ticket, the totals, and a
 * short verdict. */
static void shift_end_draw(Ui *u)
{
    ShiftEndState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    const Shift *sh = &u->shift;
    ShiftTotals t;
    char sub[400];
    shift_subtitle(u, &t, sub, sizeof sub);
    ui_title(u, tr(STR_SHIFT_END_TITLE), sub);
    float btn_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    float hint_h = l->hint_h;
    GRect view = {0, l->title_h + 10 * s, W, H - l->title_h - 10 * s - btn_h - hint_h - 30 * s};
    float pw = fminf(W - 80 * s, 1060 * s * fmaxf(1.0f, l->ts / l->s * 0.8f));
    GRect paper = {(W - pw) / 2, view.y + 8 * s - st->scroll, pw, 0};
    gfx_clip(u->g, &view);
    /* The sheet: drawn after measuring, so first lay the rows out. */
    float x = paper.x + 28 * s, w = paper.w - 56 * s;
    const float cols[6] = {0.0f, 0.11f, 0.33f, 0.62f, 0.88f, 0.96f};
    float rowh = gfx_line_height(u->g, l->px_body, GF_REGULAR) * 1.35f;
    GColor ink = u->theme.text, dim = u->theme.text_dim;
    float y = paper.y + 22 * s;
    /* Heights first (a row's text may wrap at large sizes). */
    float hts[SHIFT_MAX];
    for (int i = 0; i < sh->count; i++) {
        const ShiftEntry *e = &sh->e[i];
        const char *outcome = e->state == SHIFT_WAITING ? tr(STR_SHIFT_NOT_CALLED) : e->outcome;
        float h1 = gfx_text_box(u->g, e->applicant[0] ? e->applicant : "—", 0, 0,
                                (cols[2] - cols[1]) * w - 12 * s, l->px_label, GF_REGULAR, ink, 0);
        float h2 =
            gfx_text_box(u->g,
                         e->service[0] ? e->service : u->scens[e->scen].scenario->service_title, 0,
                         0, (cols[3] - cols[2]) * w - 12 * s, l->px_label, GF_REGULAR, ink, 0);
        float h3 = gfx_text_box(u->g, outcome, 0, 0, (cols[4] - cols[3]) * w - 12 * s, l->px_label,
                                GF_REGULAR, ink, 0);
        hts[i] = fmaxf(rowh, fmaxf(h1, fmaxf(h2, h3)) + 12 * s);
    }
    float table_h = rowh + 8 * s;
    for (int i = 0; i < sh->count; i++)
        table_h += hts[i];
    /* The verdict first: an icon and words, never colour alone. */
    const char *verdict = tr(verdicts[t.verdict]);
    float icon_w = 30 * s * l->ts / l->s + 20 * s;
    float vh = gfx_text_box(u->g, verdict, 0, 0, w - icon_w - 30 * s, l->px_body, GF_BOLD, ink, 0) +
               24 * s;
    /* The totals as tiles: a label, then the figure. */
    int tiles_per_row = l->ts / l->s > 1.45f ? 3 : 6;
    float tw = (w - 12 * s * (tiles_per_row - 1)) / tiles_per_row;
    float label_h = 0;
    for (int i = 0; i < 6; i++)
        label_h = fmaxf(label_h, gfx_text_box(u->g, tr(labels[i]), 0, 0, tw - 24 * s, l->px_small,
                                              GF_REGULAR, dim, 0));
    float tile_h = label_h + gfx_line_height(u->g, l->px_title, GF_BOLD) + 22 * s;
    float tiles_h = (6 / tiles_per_row) * (tile_h + 12 * s);
    paper.h = 22 * s + vh + 16 * s + tiles_h + 14 * s + table_h + 24 * s;
    gfx_round(u->g, (GRect){paper.x + 3 * s, paper.y + 4 * s, paper.w, paper.h}, 10 * s,
              u->theme.shadow);
    gfx_round(u->g, paper, 10 * s, u->theme.panel); /* the theme's text colours read on it */
    gfx_round_outline(u->g, paper, 10 * s, 1.5f * s, u->theme.paper_edge);
    GColor vc = t.verdict == SHIFT_EXCELLENT || t.verdict == SHIFT_GOOD ? u->theme.good
                : t.verdict == SHIFT_WEAK                               ? u->theme.bad
                                                                        : u->theme.warn;
    const char *icon = t.verdict == SHIFT_EXCELLENT ? "★"
                       : t.verdict == SHIFT_GOOD    ? "✔"
                       : t.verdict == SHIFT_WEAK    ? "✖"
                                                    : "⚠";
    GRect vb = {x, y, w, vh};
    gfx_round(u->g, vb, 8 * s, u->theme.panel);
    gfx_round_outline(u->g, vb, 8 * s, 2 * s, vc);
    gfx_fill(u->g, (GRect){vb.x, vb.y + 6 * s, 7 * s, vb.h - 12 * s}, vc);
    gfx_text(u->g, icon, vb.x + 20 * s, vb.y + (vh - l->px_dialog * 1.25f) / 2, l->px_dialog,
             GF_BOLD, vc);
    gfx_text_box(u->g, verdict, vb.x + icon_w, vb.y + 12 * s, w - icon_w - 30 * s, l->px_body,
                 GF_BOLD, ink, 1);
    y += vh + 16 * s;
    char vals[6][64];
    tile_values(&t, vals);
    const int bad[6] = {t.served && t.avg_total < 70,
                        t.served<t.planned, t.passed<t.planned, t.critical> 0, t.over_norm> 0, 0};
    for (int i = 0; i < 6; i++) {
        GRect tr_ = {x + (i % tiles_per_row) * (tw + 12 * s),
                     y + (i / tiles_per_row) * (tile_h + 12 * s), tw, tile_h};
        gfx_round(u->g, tr_, 8 * s, u->high_contrast ? u->theme.bg : (GColor){240, 244, 250, 255});
        gfx_round_outline(u->g, tr_, 8 * s, (bad[i] ? 2.0f : 1.2f) * s,
                          bad[i] ? u->theme.bad : u->theme.paper_edge);
        gfx_text_box(u->g, tr(labels[i]), tr_.x + 12 * s, tr_.y + 8 * s, tw - 24 * s, l->px_small,
                     GF_REGULAR, dim, 1);
        gfx_text(u->g, vals[i], tr_.x + 12 * s, tr_.y + 12 * s + label_h, l->px_title, GF_BOLD,
                 bad[i] ? u->theme.bad : ink);
    }
    y += tiles_h + 14 * s;
    /* The table: one line per ticket. */
    const SimStr heads[5] = {STR_SHIFT_COL_TICKET, STR_SHIFT_COL_APPLICANT, STR_SHIFT_COL_SERVICE,
                             STR_SHIFT_COL_OUTCOME, STR_SHIFT_COL_SCORE};
    for (int c = 0; c < 5; c++)
        gfx_text(u->g, tr(heads[c]), x + cols[c] * w, y, l->px_label, GF_BOLD, dim);
    y += rowh;
    gfx_fill(u->g, (GRect){x, y, w, 1.5f * s}, u->theme.paper_edge);
    y += 8 * s;
    for (int i = 0; i < sh->count; i++) {
        const ShiftEntry *e = &sh->e[i];
        int served = e->state == SHIFT_SERVED;
        const char *outcome = e->state == SHIFT_WAITING ? tr(STR_SHIFT_NOT_CALLED) : e->outcome;
        GColor rc = e->state == SHIFT_WAITING ? dim : ink;
        if (i % 2)
            gfx_fill(u->g, (GRect){x - 8 * s, y - 4 * s, w + 16 * s, hts[i]},
                     u->high_contrast ? u->theme.bg : (GColor){0, 0, 0, 10});
        gfx_text(u->g, e->ticket, x, y, l->px_label, GF_BOLD, rc); /* mono «З» reads as 3 */
        gfx_text_box(u->g, e->applicant[0] ? e->applicant : "—", x + cols[1] * w, y,
                     (cols[2] - cols[1]) * w - 12 * s, l->px_label, GF_REGULAR, rc, 1);
        gfx_text_box(u->g, e->service[0] ? e->service : u->scens[e->scen].scenario->service_title,
                     x + cols[2] * w, y, (cols[3] - cols[2]) * w - 12 * s, l->px_label, GF_REGULAR,
                     rc, 1);
        gfx_text_box(u->g, outcome, x + cols[3] * w, y, (cols[4] - cols[3]) * w - 12 * s,
                     l->px_label, GF_REGULAR, rc, 1);
        char sc[16];
        snprintf(sc, sizeof sc, "%s", "—");
        if (e->state != SHIFT_WAITING)
            snprintf(sc, sizeof sc, "%d", e->total);
        gfx_text(u->g, sc, x + cols[4] * w, y, l->px_label, GF_BOLD, rc);
        const char *mark = e->state == SHIFT_WAITING ? "—" : (served && e->passed ? "✔" : "✖");
        gfx_text(u->g, mark, x + cols[5] * w, y, l->px_body, GF_BOLD,
                 e->state == SHIFT_WAITING ? dim
                 : served && e->passed     ? u->theme.good
                                           : u->theme.bad);
        y += hts[i];
    }
    st->content_h = paper.h + 20 * s;
    st->view_h = view.h;
    gfx_clip(u->g, NULL);
    if (st->content_h > view.h) {
        float k = view.h / st->content_h;
        gfx_round(u->g, (GRect){W - 24 * s, view.y + st->scroll * k, 6 * s, view.h * k}, 3 * s,
                  u->theme.text_dim);
    }
    float by = H - hint_h - btn_h - 16 * s;
    GRect b = ui_button(u, paper.x, by, tr(STR_SHIFT_NEW), 1, st->btn == 0, HIT_SE_BUTTON, 0);
    ui_button(u, b.x + b.w + 14 * s, by, tr(STR_UI_TO_MENU), 0, st->btn == 1, HIT_SE_BUTTON, 1);
    ui_hint(u, tr(STR_SHIFT_HINT_END));
}

static void shift_end_do(Ui *u, int which)
{
    u->in_shift = 0;
    if (which == 0)
        ui_shift_begin(u);
    else
        ui_go(u, SCR_CATALOG);
    u->dirty = 1;
}

/* Scrolls by d pixels within what the last frame measured. */
static void shift_end_scroll(Ui *u, float d)
{
    ShiftEndState *st = S(u);
    float max = st->content_h > st->view_h ? st->content_h - st->view_h : 0;
    st->scroll = fminf(fmaxf(st->scroll + d, 0), max);
}

static void shift_end_key(Ui *u, SDL_Keycode k)
{
    ShiftEndState *st = S(u);
    if (k == SDLK_LEFT || k == SDLK_RIGHT || k == SDLK_TAB)
        st->btn = !st->btn;
    else if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE)
        shift_end_do(u, st->btn);
    else if (k == SDLK_ESCAPE)
        shift_end_do(u, 1);
    else if (k == SDLK_DOWN || k == SDLK_UP)
        shift_end_scroll(u, (k == SDLK_DOWN ? 60 : -60) * u->l.s);
    else if (k == SDLK_PAGEDOWN || k == SDLK_PAGEUP)
        shift_end_scroll(u, (k == SDLK_PAGEDOWN ? 0.6f : -0.6f) * u->l.H);
    u->dirty = 1;
}

static void shift_end_wheel(Ui *u, int x, int y, float dy)
{
    (void)x, (void)y;
    shift_end_scroll(u, dy);
    u->dirty = 1;
}

static int shift_end_click(Ui *u, const Hit *h)
{
    if (!h || h->kind != HIT_SE_BUTTON)
        return 0;
    shift_end_do(u, h->arg);
    return 1;
}

/* The day: its title and hours, the verdict, the six figures, each ticket's line, and the
 * focused button. */
static void shift_end_speak(Ui *u, SpeakFrame *f)
{
    const Shift *sh = &u->shift;
    ShiftTotals t;
    char sub[400];
    shift_subtitle(u, &t, sub, sizeof sub);
    ui_say(f, SAY_SCREEN, "%s", tr(STR_SHIFT_END_TITLE));
    ui_say(f, SAY_SCREEN, "%s", sub);
    ui_say(f, SAY_CONTENT, "%s", tr(verdicts[t.verdict]));
    char vals[6][64];
    tile_values(&t, vals);
    for (int i = 0; i < 6; i++)
        ui_say(f, SAY_CONTENT, tr(STR_SAY_TOTAL), tr(labels[i]), vals[i]);
    for (int i = 0; i < sh->count; i++) {
        const ShiftEntry *e = &sh->e[i];
        char score[16] = "—";
        if (e->state != SHIFT_WAITING)
            snprintf(score, sizeof score, "%d", e->total);
        ui_say(f, SAY_CONTENT, "%s · %s · %s · %s · %s", e->ticket,
               e->applicant[0] ? e->applicant : "—",
               e->service[0] ? e->service : u->scens[e->scen].scenario->service_title,
               e->state == SHIFT_WAITING ? tr(STR_SHIFT_NOT_CALLED) : e->outcome, score);
    }
    ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON), tr(S(u)->btn ? STR_UI_TO_MENU : STR_SHIFT_NEW));
}

const ScreenDef screen_shift_end = {
    .name = "shift-end",
    .state_size = sizeof(ShiftEndState),
    .enter = shift_end_enter,
    .draw = shift_end_draw,
    .key = shift_end_key,
    .click = shift_end_click,
    .wheel = shift_end_wheel,
    .speak = shift_end_speak,
};
