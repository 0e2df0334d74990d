/*
 * screen_catalog.c — the catalogue of scenarios: filter chips by service (one row, scrolled to
 * the chosen one), then cards naming their service, with each scenario's summary, difficulty,
 * time and the trainee's best result. The layout is measured once per frame into the state and
 * the same figures serve drawing, the keyboard (which card is above or below) and the wheel.
 */
#include "ui_app.h"

#include "../core/i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define MAX_CARDS 256

/* What the keyboard is on; Tab goes through them in this order. */
/* Tab's stops, in order: the cards (and the selected card's «Начать заново»), the service
 * chips, then the title bar's «Назад», «Справочник» and «Смена» (left to right). */
typedef enum CatalogZone {
    ZONE_CARDS,
    ZONE_RESTART, /* «Начать заново» on the selected card (a stop only when it has one) */
    ZONE_CHIPS,
    ZONE_BACK,
    ZONE_BOOK,
    ZONE_SHIFT,
    ZONE_RELOAD, /* «Загрузить снова» under the cards (a stop only while scenarios are broken) */
    ZONE_COUNT
} CatalogZone;

typedef struct CatalogState {
    int zone;   /* CatalogZone */
    int filter; /* -1 all, else a service index (the chips are a radio group: ←→ choose) */
    int sel;    /* the selected card, among the visible ones */
    int follow; /* keep the selection in view on the next frame (the keyboard moved it) */
    float scroll, content_h, view_h;
    int cols;
    /* Each card's best result and whether an attempt waits to be resumed, read from the
     * database when the trainee changes or an attempt ends — not on every frame. */
    ScenarioStats stats[MAX_CARDS];
    char resumable[MAX_CARDS];
    long long stats_for; /* the trainee they were read for */
    int stats_gen;       /* u->results_gen when they were read */
    int stats_ok;
    /* The last layout: where each visible card is, in content coordinates. */
    int idx[MAX_CARDS], n;
    GRect card[MAX_CARDS];
    float chips_x;   /* the chips' horizontal scroll */
    char said[4096]; /* what `expect catalog` reads */
} CatalogState;

enum {
    HIT_CAT_FILTER = HIT_SCREEN,
    HIT_CAT_CARD,
    HIT_CAT_BOOK,
    HIT_CAT_SHIFT,
    HIT_CAT_BACK,
    HIT_CAT_RESTART,
    HIT_CAT_RELOAD
};

static CatalogState *S(Ui *u)
{
    return ui_state(u, SCR_CATALOG);
}

/* For input scripts: what the keyboard is on («[фильтр …]», «[справочник]», «[смена]» or
 * «[карточки]», so a test can follow Tab), then the refusal or the pack's news. */
static const char *catalog_expect(Ui *u);

static void catalog_enter(Ui *u, Screen from)
{
    (void)from;
    CatalogState *st = S(u);
    if (!st->stats_ok) { /* the first visit */
        st->filter = -1;
        st->stats_for = -2;
    }
    st->follow = 1;
}

static int visible_cards(Ui *u, int *idx, int max)
{
    CatalogState *st = S(u);
    int n = 0;
    /* Grouped by service, in the order the services first appear. */
    for (int g = 0; g < u->nservices; g++) {
        if (st->filter >= 0 && st->filter != g)
            continue;
        for (size_t i = 0; i < u->nscens && i < MAX_CARDS && n < max; i++)
            if (strcmp(u->scens[i].scenario->service_title, u->services[g]) == 0)
                idx[n++] = (int)i;
    }
    return n;
}

static void load_stats(Ui *u)
{
    CatalogState *st = S(u);
    long long who = u->sel_trainee >= 0 ? u->trainees[u->sel_trainee].id : -1;
    if (st->stats_ok && st->stats_for == who && st->stats_gen == u->results_gen)
        return;
    for (size_t i = 0; i < u->nscens && i < MAX_CARDS; i++)
        st->resumable[i] = (char)ui_card_stats(u, (int)i, who, &st->stats[i]);
    st->stats_for = who;
    st->stats_gen = u->results_gen;
    st->stats_ok = 1;
}

/* The text of one card, measured or drawn at (x, y) within width w. Returns its height. A card
 * with an attempt to resume ends with «Начать заново · N» (the mouse's N): *restart gets where
 * it is (w 0 when the card has none). */
static float card_body(Ui *u, int scen, float x, float y, float w, int draw, int restart_focus,
                       GRect *restart)
{
    CatalogState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s;
    const Scenario *sc = u->scens[scen].scenario;
    float y0 = y;
    y += gfx_text_box(u->g, sc->service_title, x, y, w, l->px_small, GF_BOLD, u->theme.accent,
                      draw) +
         4 * s;
    y += gfx_text_box(u->g, sc->title, x, y, w, l->px_body, GF_BOLD, u->theme.text, draw) + 6 * s;
    if (sc->summary && *sc->summary)
        y += gfx_text_box(u->g, sc->summary, x, y, w, l->px_label, GF_REGULAR, u->theme.text_dim,
                          draw) +
             8 * s;
    char meta[200], stars[32] = "";
    for (int d = 1; d <= 5; d++)
        strcat(stars, d <= sc->difficulty ? "●" : "○");
    snprintf(meta, sizeof meta, tr(STR_UI_CARD_META), tr(STR_UI_DIFFICULTY), stars, sc->minutes);
    y +=
        gfx_text_box(u->g, meta, x, y, w, l->px_label, GF_REGULAR, u->theme.text_dim, draw) + 4 * s;
    const ScenarioStats *ss = &st->stats[scen];
    int resumable = st->resumable[scen];
    /* One status only: a started attempt is not «новый». */
    const char *status = resumable && ss->best_total < 0 ? tr(STR_UI_STATUS_STARTED)
                         : ss->best_total < 0            ? tr(STR_UI_STATUS_NEW)
                         : ss->passed                    ? tr(STR_UI_STATUS_PASSED)
                                                         : tr(STR_UI_STATUS_FAILED);
    GColor scol =
        ss->best_total < 0 ? u->theme.accent : (ss->passed ? u->theme.good : u->theme.bad);
    char best[128];
    if (resumable)
        snprintf(best, sizeof best, "%s", tr(STR_UI_CAN_RESUME));
    else if (ss->best_total < 0)
        snprintf(best, sizeof best, "%s", tr(STR_UI_NOT_PLAYED));
    else
        snprintf(best, sizeof best, tr(STR_UI_BEST), ss->best_total);
    float sw = ui_text_w(u, status, l->px_label, GF_BOLD);
    float lh = gfx_line_height(u->g, l->px_label, GF_BOLD);
    if (sw + 20 * s + ui_text_w(u, best, l->px_label, GF_REGULAR) <= w) {
        if (draw) {
            gfx_text(u->g, best, x, y, l->px_label, GF_REGULAR, u->theme.text);
            gfx_text(u->g, status, x + w - sw, y, l->px_label, GF_BOLD, scol);
        }
        y += lh;
    } else { /* large text: the status on a line of its own */
        y += gfx_text_box(u->g, best, x, y, w, l->px_label, GF_REGULAR, u->theme.text, draw);
        if (draw)
            gfx_text(u->g, status, x, y, l->px_label, GF_BOLD, scol);
        y += lh;
    }
    *restart = (GRect){x, y, 0, 0};
    if (resumable) {
        const char *lab = tr(STR_UI_RESTART);
        float bw = fminf(w, ui_text_w(u, lab, l->px_label, GF_BOLD) + 24 * s);
        float bh = gfx_line_height(u->g, l->px_label, GF_BOLD) + 10 * s;
        *restart = (GRect){x, y + 8 * s, bw, bh};
        if (draw) {
            GRect r = *restart;
            gfx_round(u->g, r, 6 * s, u->theme.panel);
            gfx_round_outline(u->g, r, 6 * s, (ui_hovered(u, r) ? 2.5f : 1.5f) * s,
                              ui_hovered(u, r) ? u->theme.accent : u->theme.panel_edge);
            gfx_text(u->g, lab, r.x + 12 * s, r.y + 5 * s, l->px_label, GF_BOLD, u->theme.text);
            if (restart_focus)
                gfx_round_outline(u->g, (GRect){r.x - 4 * s, r.y - 4 * s, r.w + 8 * s, r.h + 8 * s},
                                  8 * s, 3 * s, u->theme.focus);
        }
        y += 8 * s + bh;
    }
    return y - y0;
}

static void catalog_draw(Ui *u)
{
    CatalogState *st = S(u);
    load_stats(u);
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W;
    char sub[400];
    if (u->sel_trainee >= 0)
        snprintf(sub, sizeof sub, "%s %s · %s", u->trainees[u->sel_trainee].surname,
                 u->trainees[u->sel_trainee].name,
                 u->exam ? tr(STR_UI_MODE_EXAM) : tr(STR_UI_MODE_TRAINING));
    else
        snprintf(sub, sizeof sub, "%s · %s", tr(STR_UI_GUEST),
                 u->exam ? tr(STR_UI_MODE_EXAM) : tr(STR_UI_MODE_TRAINING));
    {
        /* «Назад» (the mouse's way back to the start), the reference book and the shift, at
         * the right of the title bar; the title and who trains wrap in what is left. */
        float w1 = ui_title_button_w(u, tr(STR_SHIFT_BUTTON));
        float w2 = ui_title_button_w(u, tr(STR_BOOK_BUTTON));
        float w3 = ui_title_button_w(u, tr(STR_UI_BACK_ESC));
        float bh = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
        float right = w1 + w2 + w3 + 48 * s;
        /* Large text: when the title's word no longer fits beside them, the buttons take a
         * row of their own under it. */
        int below = ui_text_w(u, tr(STR_UI_CATALOG), l->px_title, GF_BOLD) > W - 80 * s - right;
        ui_title_bar_reserving(u->g, &u->l, &u->theme, u->high_contrast, tr(STR_UI_CATALOG), sub,
                               below ? 0 : right, below ? bh + 8 * s : 0);
        float by = below ? l->title_h - bh - 16 * s : (l->title_h - bh) / 2;
        float bx = W - 40 * s - w1 - 14 * s - w2;
        ui_button(u, bx - 14 * s - w3, by, tr(STR_UI_BACK_ESC), 0, st->zone == ZONE_BACK,
                  HIT_CAT_BACK, 0);
        GRect b2 =
            ui_button(u, bx, by, tr(STR_BOOK_BUTTON), 0, st->zone == ZONE_BOOK, HIT_CAT_BOOK, 0);
        ui_button(u, b2.x + b2.w + 14 * s, by, tr(STR_SHIFT_BUTTON), 0, st->zone == ZONE_SHIFT,
                  HIT_CAT_SHIFT, 0);
    }
    /* Filter chips: one row, scrolled so that the chosen one shows. */
    float chip_h = gfx_line_height(u->g, l->px_label, GF_BOLD) + 14 * s;
    float y = l->title_h + 12 * s;
    GRect chips = {40 * s, y - 5 * s, W - 80 * s, chip_h + 10 * s}; /* room for the focus */
    {
        float x = 0, sel_x0 = 0, sel_x1 = 0;
        for (int gi = -1; gi < u->nservices; gi++) {
            const char *name = gi < 0 ? tr(STR_UI_ALL_SERVICES) : u->services[gi];
            float w = ui_text_w(u, name, l->px_label, GF_BOLD) + 28 * s;
            if (gi == st->filter)
                sel_x0 = x, sel_x1 = x + w;
            x += w + 10 * s;
        }
        if (sel_x1 - st->chips_x > chips.w)
            st->chips_x = sel_x1 - chips.w;
        if (sel_x0 < st->chips_x)
            st->chips_x = sel_x0;
        gfx_clip(u->g, &chips);
        x = chips.x - st->chips_x;
        for (int gi = -1; gi < u->nservices; gi++) {
            const char *name = gi < 0 ? tr(STR_UI_ALL_SERVICES) : u->services[gi];
            float w = ui_text_w(u, name, l->px_label, GF_BOLD) + 28 * s;
            GRect r = {x, y, w, chip_h};
            int sel = st->filter == gi;
            gfx_round(u->g, r, r.h / 2, sel ? u->theme.accent : u->theme.panel);
            gfx_round_outline(u->g, r, r.h / 2, 1.5f * s,
                              sel ? u->theme.accent : u->theme.panel_edge);
            gfx_text(u->g, name, x + 14 * s, y + 7 * s, l->px_label, GF_BOLD,
                     sel ? u->theme.accent_text : u->theme.text);
            if (sel && st->zone == ZONE_CHIPS)
                gfx_round_outline(u->g, (GRect){r.x - 3 * s, r.y - 3 * s, r.w + 6 * s, r.h + 6 * s},
                                  (r.h + 6 * s) / 2, 2.5f * s, u->theme.focus);
            if (r.x + r.w > chips.x && r.x < chips.x + chips.w)
                ui_hit(u, r, HIT_CAT_FILTER, gi);
            x += w + 10 * s;
        }
        gfx_clip(u->g, NULL);
        if (x > chips.x + chips.w + 1 || st->chips_x > 0) {
            /* More chips than the row holds: Tab (or a click) walks them. */
            if (st->chips_x > 0)
                gfx_text(u->g, "◀", 14 * s, y + 7 * s, l->px_label, GF_BOLD, u->theme.text_dim);
            if (x > chips.x + chips.w + 1)
                gfx_text(u->g, "▶", W - 32 * s, y + 7 * s, l->px_label, GF_BOLD, u->theme.text_dim);
        }
    }
    y += chip_h + 16 * s;
    /* The cards: as many columns as fit at this text size. */
    st->n = visible_cards(u, st->idx, MAX_CARDS);
    int n = st->n;
    if (st->sel >= n)
        st->sel = n ? n - 1 : 0;
    float gap = 20 * s, avail = W - 80 * s;
    int cols = (int)((avail + gap) / (360 * l->ts + gap));
    cols = cols < 1 ? 1 : cols > 4 ? 4 : cols;
    st->cols = cols;
    float cw = (avail - gap * (cols - 1)) / cols, pad = 16 * s;
    float hint_h = l->hint_h;
    /* Below the cards: a refusal, or else a new scenario pack's changelog (issue #13). */
    const char *notice = !u->form_error[0] && u->cfg->pack_notice ? u->cfg->pack_notice : NULL;
    /* Scenarios that did not load at start: say so, with the mouse's way to F5. */
    size_t broken = ui_broken_left(u);
    char broken_text[300];
    float reload_w = broken ? ui_title_button_w(u, tr(STR_UI_RELOAD_BUTTON)) : 0;
    if (broken && !u->form_error[0] && !notice) {
        snprintf(broken_text, sizeof broken_text, TRF(STR_UI_BROKEN_LEFT), broken);
        notice = broken_text;
    }
    float notice_w = W - 80 * s - (broken ? reload_w + 20 * s : 0);
    float msg_h = u->form_error[0] ? gfx_text_box(u->g, u->form_error, 0, 0, W - 80 * s,
                                                  l->px_small, GF_REGULAR, u->theme.bad, 0) +
                                         10 * s
                  : notice ? gfx_text_box(u->g, notice, 0, 0, notice_w, l->px_small, GF_BOLD,
                                          u->theme.accent, 0) +
                                 20 * s
                           : 0;
    float button_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    if (broken && msg_h < button_h + 12 * s)
        msg_h = button_h + 12 * s;
    GRect view = {0, y, W, l->H - hint_h - msg_h - 8 * s - y};
    /* Measure: the cards flow in rows (each names its service), a row as tall as its
     * tallest card. */
    float yy = 6 * s; /* room for the focus frame */
    for (int i = 0; i < n; i += cols) {
        float rh = 0;
        for (int j = i; j < n && j < i + cols; j++) {
            GRect rb;
            rh = fmaxf(rh, card_body(u, st->idx[j], 0, 0, cw - 2 * pad, 0, 0, &rb) + 2 * pad);
        }
        for (int j = i; j < n && j < i + cols; j++)
            st->card[j] = (GRect){40 * s + (j - i) * (cw + gap), yy, cw, rh};
        yy += rh + gap;
    }
    st->content_h = yy;
    st->view_h = view.h;
    if (st->follow && n) {
        GRect c = st->card[st->sel];
        if (c.y + c.h - st->scroll > view.h)
            st->scroll = c.y + c.h - view.h;
        if (c.y - 6 * s < st->scroll)
            st->scroll = c.y - 6 * s;
        st->follow = 0;
    }
    st->scroll = fmaxf(0, fminf(st->scroll, fmaxf(0, st->content_h - view.h)));
    gfx_clip(u->g, &view);
    for (int i = 0; i < n; i++) {
        GRect r = st->card[i];
        r.y += view.y - st->scroll;
        if (r.y + r.h < view.y || r.y > view.y + view.h)
            continue;
        ui_panel(u, r);
        GRect rb;
        card_body(u, st->idx[i], r.x + pad, r.y + pad, r.w - 2 * pad, 1,
                  i == st->sel && st->zone == ZONE_RESTART, &rb);
        if (i == st->sel && st->zone == ZONE_CARDS)
            gfx_round_outline(u->g, (GRect){r.x - 3 * s, r.y - 3 * s, r.w + 6 * s, r.h + 6 * s},
                              12 * s, 3 * s, u->theme.focus);
        else if (ui_hovered(u, r))
            gfx_round_outline(u->g, r, 10 * s, 2 * s, u->theme.accent);
        /* Only the part in view takes clicks. */
        GRect hr = r;
        if (hr.y < view.y)
            hr.h -= view.y - hr.y, hr.y = view.y;
        if (hr.y + hr.h > view.y + view.h)
            hr.h = view.y + view.h - hr.y;
        ui_hit(u, hr, HIT_CAT_CARD, i);
        float y0 = fmaxf(rb.y, view.y), y1 = fminf(rb.y + rb.h, view.y + view.h);
        if (rb.w > 0 && y1 > y0) /* over the card: its own region, added after the card's */
            ui_hit(u, (GRect){rb.x, y0, rb.w, y1 - y0}, HIT_CAT_RESTART, i);
    }
    gfx_clip(u->g, NULL);
    if (st->content_h > view.h) {
        float k = view.h / st->content_h;
        gfx_round(u->g, (GRect){W - 20 * s, view.y + st->scroll * k, 6 * s, view.h * k}, 3 * s,
                  u->theme.text_dim);
    }
    if (n == 0)
        gfx_text(u->g, tr(STR_UI_NO_SCENARIOS), 40 * s, y, l->px_body, GF_REGULAR, u->theme.text);
    if (u->form_error[0]) {
        gfx_text_box(u->g, u->form_error, 40 * s, view.y + view.h + 4 * s, W - 80 * s, l->px_small,
                     GF_REGULAR, u->theme.bad, 1);
    } else if (notice) {
        gfx_round(u->g, (GRect){30 * s, view.y + view.h + 2 * s, W - 60 * s, msg_h - 4 * s}, 8 * s,
                  u->theme.panel);
        gfx_text_box(u->g, notice, 40 * s, view.y + view.h + 10 * s, notice_w, l->px_small, GF_BOLD,
                     u->theme.accent, 1);
    }
    if (broken)
        ui_button(u, W - 40 * s - reload_w, view.y + view.h + 6 * s, tr(STR_UI_RELOAD_BUTTON), 0,
                  st->zone == ZONE_RELOAD, HIT_CAT_RELOAD, 0);
    else if (st->zone == ZONE_RELOAD)
        st->zone = ZONE_CARDS;
    ui_hint(u, tr(STR_UI_HINT_CATALOG));
}

/* The card in the row above or below the selected one, nearest in x. */
static int card_vertical(CatalogState *st, int dir)
{
    if (!st->n)
        return 0;
    GRect c = st->card[st->sel];
    int best = st->sel;
    float best_d = 1e30f;
    for (int i = 0; i < st->n; i++) {
        GRect o = st->card[i];
        if ((dir > 0 && o.y <= c.y + 1) || (dir < 0 && o.y >= c.y - 1))
            continue;
        float d = fabsf(o.y - c.y) * 4 + fabsf(o.x - c.x);
        if (d < best_d)
            best_d = d, best = i;
    }
    return best;
}

/* Chooses the filter: the first card of what it shows, from the top. */
static void set_filter(CatalogState *st, int filter)
{
    st->filter = filter;
    st->sel = 0;
    st->scroll = 0;
}

static void catalog_key(Ui *u, SDL_Keycode k)
{
    CatalogState *st = S(u);
    int n = st->n;
    st->follow = 1;
    if (k == SDLK_TAB) {
        /* The cards, the service chips, «Назад», «Справочник», «Смена»; Shift+Tab goes
         * back. */
        int back = (SDL_GetModState() & KMOD_SHIFT) != 0;
        int can_restart = n > 0 && st->sel < n && st->resumable[st->idx[st->sel]];
        st->zone = (st->zone + (back ? ZONE_COUNT - 1 : 1)) % ZONE_COUNT;
        if (st->zone == ZONE_RESTART && !can_restart)
            st->zone = back ? ZONE_CARDS : ZONE_CHIPS;
        if (st->zone == ZONE_RELOAD && !ui_broken_left(u))
            st->zone = back ? ZONE_SHIFT : ZONE_CARDS;
    } else if (st->zone == ZONE_RELOAD &&
               (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE)) {
        ui_reload_broken(u);
    } else if (st->zone == ZONE_RESTART &&
               (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE)) {
        st->zone = ZONE_CARDS;
        catalog_key(u, SDLK_n);
        return;
    } else if (st->zone == ZONE_RESTART &&
               (k == SDLK_UP || k == SDLK_LEFT || k == SDLK_RIGHT || k == SDLK_DOWN)) {
        st->zone = ZONE_CARDS; /* back to the cards, and the arrow moves there */
        catalog_key(u, k);
        return;
    } else if (st->zone == ZONE_CHIPS &&
               (k == SDLK_RIGHT || k == SDLK_LEFT || k == SDLK_HOME || k == SDLK_END)) {
        int f = k == SDLK_HOME  ? -1
                : k == SDLK_END ? u->nservices - 1
                                : st->filter + (k == SDLK_RIGHT ? 1 : -1);
        if (f >= -1 && f < u->nservices)
            set_filter(st, f);
    } else if (st->zone == ZONE_CHIPS &&
               (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE || k == SDLK_DOWN)) {
        st->zone = ZONE_CARDS; /* the chosen service's cards */
    } else if (st->zone >= ZONE_BACK && st->zone <= ZONE_SHIFT &&
               (k == SDLK_RIGHT || k == SDLK_LEFT)) {
        /* along the title bar's three buttons */
        int i = st->zone - ZONE_BACK + (k == SDLK_RIGHT ? 1 : 2);
        st->zone = (CatalogZone)(ZONE_BACK + i % 3);
    } else if (st->zone == ZONE_BACK &&
               (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE)) {
        st->zone = ZONE_CARDS;
        ui_go(u, SCR_START);
    } else if (st->zone == ZONE_BOOK &&
               (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE)) {
        ui_book_open(u, NULL);
    } else if (st->zone == ZONE_SHIFT &&
               (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE)) {
        ui_shift_begin(u);
    } else if (st->zone != ZONE_CARDS && (k == SDLK_UP || k == SDLK_DOWN)) {
        st->zone = k == SDLK_DOWN ? ZONE_CARDS : ZONE_CHIPS;
    } else if (k == SDLK_RIGHT && st->sel + 1 < n)
        st->sel++;
    else if (k == SDLK_LEFT && st->sel > 0)
        st->sel--;
    else if (k == SDLK_DOWN || k == SDLK_UP)
        st->sel = card_vertical(st, k == SDLK_DOWN ? 1 : -1);
    else if (k == SDLK_PAGEDOWN || k == SDLK_PAGEUP) {
        st->scroll += (k == SDLK_PAGEDOWN ? 1 : -1) * st->view_h * 0.8f;
        st->follow = 0;
    } else if ((k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_n) && n > 0) {
        u->form_error[0] = '\0';
        ui_attempt_start_mode(u, st->idx[st->sel], k == SDLK_n);
    } else if (k == SDLK_F1) {
        ui_book_open(u, NULL);
    } else if (k == SDLK_F2) {
        ui_shift_begin(u);
    } else if (k == SDLK_F5) {
        ui_reload_broken(u);
    } else if (k == SDLK_ESCAPE)
        ui_go(u, SCR_START);
    u->dirty = 1;
}

static int catalog_click(Ui *u, const Hit *h)
{
    CatalogState *st = S(u);
    if (!h)
        return 0;
    switch (h->kind) {
    case HIT_CAT_FILTER:
        set_filter(st, h->arg);
        st->zone = ZONE_CHIPS;
        break;
    case HIT_CAT_CARD:
        st->zone = ZONE_CARDS;
        if (st->sel == h->arg) {
            catalog_key(u, SDLK_RETURN);
        } else {
            st->sel = h->arg;
            st->follow = 1;
        }
        break;
    case HIT_CAT_BOOK:
        st->zone = ZONE_BOOK;
        ui_book_open(u, NULL);
        break;
    case HIT_CAT_SHIFT:
        st->zone = ZONE_SHIFT;
        ui_shift_begin(u);
        break;
    case HIT_CAT_BACK:
        st->zone = ZONE_CARDS;
        ui_go(u, SCR_START);
        break;
    case HIT_CAT_RELOAD:
        st->zone = ZONE_RELOAD;
        ui_reload_broken(u);
        break;
    case HIT_CAT_RESTART:
        st->zone = ZONE_CARDS;
        st->sel = h->arg;
        catalog_key(u, SDLK_n);
        break;
    default:
        return 0;
    }
    return 1;
}

static void catalog_wheel(Ui *u, int x, int y, float dy)
{
    (void)x, (void)y;
    CatalogState *st = S(u);
    st->scroll = fmaxf(0, fminf(st->scroll + dy, fmaxf(0, st->content_h - st->view_h)));
    st->follow = 0;
    u->dirty = 1;
}

static const char *catalog_expect(Ui *u)
{
    CatalogState *st = S(u);
    const char *text =
        u->form_error[0] || !u->cfg->pack_notice ? u->form_error : u->cfg->pack_notice;
    char on[300], broken[300];
    if (!*text && ui_broken_left(u)) {
        snprintf(broken, sizeof broken, TRF(STR_UI_BROKEN_LEFT), ui_broken_left(u));
        text = broken;
    }
    if (st->zone == ZONE_CHIPS)
        snprintf(on, sizeof on, TRF(STR_EXPECT_CAT_FILTER),
                 st->filter < 0 ? tr(STR_UI_ALL_SERVICES) : u->services[st->filter]);
    else
        snprintf(on, sizeof on, "%s",
                 st->zone == ZONE_BOOK      ? tr(STR_EXPECT_CAT_BOOK)
                 : st->zone == ZONE_SHIFT   ? tr(STR_EXPECT_CAT_SHIFT)
                 : st->zone == ZONE_BACK    ? tr(STR_EXPECT_CAT_BACK)
                 : st->zone == ZONE_RESTART ? tr(STR_EXPECT_CAT_RESTART)
                 : st->zone == ZONE_RELOAD  ? tr(STR_EXPECT_CAT_RELOAD)
                                            : tr(STR_EXPECT_CAT_CARDS));
    size_t k = strlen(on);
    memcpy(st->said, on, k + 1);
    ui_copy_text(st->said + k, sizeof st->said - k, text);
    return st->said;
}

/* Speech: the title with who trains, then the focused card, chip or button. */
static void catalog_speak(Ui *u, SpeakFrame *f)
{
    CatalogState *st = S(u);
    ui_say(f, SAY_SCREEN, "%s", tr(STR_UI_CATALOG));
    if (u->form_error[0])
        ui_say(f, SAY_CONTENT, "%s", u->form_error);
    else if (ui_broken_left(u))
        ui_say(f, SAY_CONTENT, TRF(STR_UI_BROKEN_LEFT), ui_broken_left(u));
    switch (st->zone) {
    case ZONE_CHIPS:
        ui_say(f, SAY_FOCUS, tr(STR_SAY_FILTER),
               st->filter < 0 ? tr(STR_UI_ALL_SERVICES) : u->services[st->filter]);
        break;
    case ZONE_BACK:
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON), tr(STR_UI_BACK_ESC));
        break;
    case ZONE_RESTART:
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON), tr(STR_UI_RESTART));
        break;
    case ZONE_BOOK:
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON), tr(STR_BOOK_BUTTON));
        break;
    case ZONE_SHIFT:
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON), tr(STR_SHIFT_BUTTON));
        break;
    case ZONE_RELOAD:
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON), tr(STR_UI_RELOAD_BUTTON));
        break;
    default:
        if (st->n > 0 && st->sel < st->n) {
            const Scenario *sc = u->scens[st->idx[st->sel]].scenario;
            ui_say(f, SAY_FOCUS, tr(STR_SAY_CARD), st->sel + 1, st->n, sc->title,
                   sc->summary ? sc->summary : "");
        } else {
            ui_say(f, SAY_FOCUS, "%s", tr(STR_UI_NO_SCENARIOS));
        }
    }
}

const ScreenDef screen_catalog = {
    .name = "catalog",
    .state_size = sizeof(CatalogState),
    .enter = catalog_enter,
    .draw = catalog_draw,
    .key = catalog_key,
    .click = catalog_click,
    .wheel = catalog_wheel,
    .expect_text = catalog_expect,
    .speak = catalog_speak,
};
