/*
 * screen_settings.c — the settings screen: text size, high contrast, the timer, full screen and
 * speech (the voice, F9 on any screen).
 * Each change is remembered at once and applied to the whole window.
 */
#include "ui_app.h"

#include "../core/i18n.h"

#include <stdio.h>

#define SETTING_ROWS 5

typedef struct SettingsState {
    int row;       /* the focused setting */
    int on_back;   /* the focus is on «Назад» */
    int arrow;     /* on the text size: -1 the focus is on ◀, +1 on ▶, 0 on the row */
    Screen back;   /* where Esc and «Назад» return */
    char said[64]; /* what `expect settings` reads: the text size */
} SettingsState;

enum { HIT_SET_ROW = HIT_SCREEN, HIT_SET_LESS, HIT_SET_MORE, HIT_SET_BACK };

static SettingsState *S(Ui *u)
{
    return ui_state(u, SCR_SETTINGS);
}

static void settings_enter(Ui *u, Screen from)
{
    if (from != SCR_BOOK && from != SCR_SETTINGS) {
        S(u)->back = from;
        S(u)->on_back = 0;
    }
}

static const SimStr names[SETTING_ROWS] = {STR_UI_TEXT_SIZE, STR_UI_CONTRAST, STR_UI_TIMER,
                                           STR_UI_FULLSCREEN, STR_UI_SPEECH};

/* Each row's value as the screen shows it. */
static void row_values(Ui *u, char vals[SETTING_ROWS][64])
{
    snprintf(vals[0], 64, "%d %%", u->text_pct);
    snprintf(vals[1], 64, "%s", u->high_contrast ? tr(STR_UI_ON) : tr(STR_UI_OFF));
    snprintf(vals[2], 64, "%s", u->timer_on ? tr(STR_UI_ON) : tr(STR_UI_OFF));
    snprintf(vals[3], 64, "%s", gfx_is_fullscreen(u->g) ? tr(STR_UI_ON) : tr(STR_UI_OFF));
    snprintf(vals[4], 64, "%s", u->speech ? tr(STR_UI_ON) : tr(STR_UI_OFF));
}

static void settings_draw(Ui *u)
{
    SettingsState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s;
    ui_title(u, tr(STR_UI_SETTINGS), NULL);
    float rowh = gfx_line_height(u->g, l->px_body, GF_BOLD) + 24 * s;
    float btn_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    GRect p = {l->W * 0.15f, l->title_h + 24 * s, l->W * 0.7f,
               24 * s + SETTING_ROWS * rowh + btn_h + 40 * s};
    ui_panel(u, p);
    char vals[SETTING_ROWS][64];
    row_values(u, vals);
    float y = p.y + 24 * s;
    for (int i = 0; i < SETTING_ROWS; i++) {
        GRect r = {p.x + 16 * s, y, p.w - 32 * s, rowh - 8 * s};
        float ty = r.y + (r.h - gfx_line_height(u->g, l->px_body, GF_BOLD)) / 2;
        ui_hit(u, r, HIT_SET_ROW, i);
        if (i == st->row && !st->on_back && !st->arrow)
            gfx_round_outline(u->g, r, 6 * s, 3 * s, u->theme.focus);
        gfx_text(u->g, tr(names[i]), r.x + 14 * s, ty, l->px_body, GF_REGULAR, u->theme.text);
        float vw = ui_text_w(u, vals[i], l->px_body, GF_BOLD);
        float vx = r.x + r.w - vw - 14 * s;
        if (i == 0) {
            /* The text size has its own − and + so the mouse can make it smaller too. */
            float aw = ui_text_w(u, "▶", l->px_body, GF_BOLD) + 20 * s;
            GRect more = {r.x + r.w - aw - 6 * s, r.y + 4 * s, aw, r.h - 8 * s};
            vx = more.x - vw - 10 * s;
            GRect less = {vx - aw - 10 * s, r.y + 4 * s, aw, r.h - 8 * s};
            gfx_round(u->g, less, 6 * s, u->theme.bg);
            gfx_round(u->g, more, 6 * s, u->theme.bg);
            if (ui_hovered(u, less))
                gfx_round_outline(u->g, less, 6 * s, 2 * s, u->theme.accent);
            if (ui_hovered(u, more))
                gfx_round_outline(u->g, more, 6 * s, 2 * s, u->theme.accent);
            gfx_text(u->g, "◀", less.x + 10 * s, ty, l->px_body, GF_BOLD, u->theme.accent);
            gfx_text(u->g, "▶", more.x + 10 * s, ty, l->px_body, GF_BOLD, u->theme.accent);
            /* Tab stops of their own, so the keyboard reaches what the mouse does. */
            if (st->row == 0 && !st->on_back && st->arrow)
                gfx_round_outline(u->g, st->arrow < 0 ? less : more, 6 * s, 3 * s, u->theme.focus);
            ui_hit(u, less, HIT_SET_LESS, i);
            ui_hit(u, more, HIT_SET_MORE, i);
        }
        gfx_text(u->g, vals[i], vx, ty, l->px_body, GF_BOLD, u->theme.accent);
        y += rowh;
    }
    ui_button(u, p.x + 16 * s, p.y + p.h - btn_h - 18 * s, tr(STR_UI_BACK), 1, st->on_back,
              HIT_SET_BACK, 0);
    ui_hint(u, tr(STR_UI_HINT_SETTINGS));
}

static void setting_change(Ui *u, int row, int dir)
{
    if (row == 0) {
        int v = u->text_pct + dir * 10;
        u->text_pct = v < 100 ? 100 : (v > 200 ? 200 : v);
        ui_setting_save(u, "text_pct", u->text_pct);
    } else if (row == 1) {
        u->high_contrast = !u->high_contrast;
        ui_setting_save(u, "high_contrast", u->high_contrast);
    } else if (row == 2) {
        u->timer_on = !u->timer_on;
        ui_setting_save(u, "timer", u->timer_on);
    } else if (row == 3) {
        gfx_set_fullscreen(u->g, !gfx_is_fullscreen(u->g));
        ui_setting_save(u, "fullscreen", gfx_is_fullscreen(u->g));
    } else {
        ui_speech_set(u, !u->speech);
    }
    ui_apply_theme(u);
}

static void settings_key(Ui *u, SDL_Keycode k)
{
    SettingsState *st = S(u);
    if (k == SDLK_TAB) {
        /* The rows (the text size, then its ◀ and ▶), then «Назад». */
        if (st->on_back)
            st->on_back = 0, st->row = 0, st->arrow = 0;
        else if (st->row == 0 && st->arrow < 1)
            st->arrow = st->arrow ? 1 : -1;
        else {
            st->arrow = 0;
            if (st->row + 1 < SETTING_ROWS)
                st->row++;
            else
                st->on_back = 1;
        }
    } else if (k == SDLK_UP && (st->on_back || st->row > 0)) {
        st->arrow = 0;
        if (st->on_back)
            st->on_back = 0;
        else
            st->row--;
    } else if (k == SDLK_DOWN) {
        st->arrow = 0;
        if (st->row + 1 < SETTING_ROWS)
            st->row++;
        else
            st->on_back = 1;
    } else if ((k == SDLK_LEFT || k == SDLK_RIGHT) && !st->on_back)
        setting_change(u, st->row, k == SDLK_LEFT ? -1 : 1);
    else if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE) {
        if (st->on_back)
            ui_go(u, st->back);
        else
            setting_change(u, st->row, st->arrow < 0 ? -1 : 1);
    } else if (k == SDLK_ESCAPE)
        ui_go(u, st->back);
    u->dirty = 1;
}

static int settings_click(Ui *u, const Hit *h)
{
    SettingsState *st = S(u);
    if (!h)
        return 0;
    if (h->kind == HIT_SET_BACK) {
        ui_go(u, st->back);
        return 1;
    }
    if (h->kind != HIT_SET_ROW && h->kind != HIT_SET_LESS && h->kind != HIT_SET_MORE)
        return 0;
    st->row = h->arg;
    st->on_back = 0;
    st->arrow = h->kind == HIT_SET_LESS ? -1 : h->kind == HIT_SET_MORE ? 1 : 0;
    setting_change(u, h->arg, h->kind == HIT_SET_LESS ? -1 : 1);
    return 1;
}

static const char *settings_expect(Ui *u)
{
    snprintf(S(u)->said, sizeof S(u)->said, "%d %%", u->text_pct);
    return S(u)->said;
}

/* The title, then the focused setting and its value (said again when the value changes). */
static void settings_speak(Ui *u, SpeakFrame *f)
{
    SettingsState *st = S(u);
    ui_say(f, SAY_SCREEN, "%s", tr(STR_UI_SETTINGS));
    if (st->on_back) {
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON), tr(STR_UI_BACK));
        return;
    }
    char vals[SETTING_ROWS][64];
    row_values(u, vals);
    if (st->row == 0 && st->arrow) {
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON),
               tr(st->arrow < 0 ? STR_UI_TEXT_SMALLER : STR_UI_TEXT_LARGER));
        ui_say(f, SAY_FOCUS, tr(STR_SAY_SETTING), tr(names[0]), vals[0]);
        return;
    }
    ui_say(f, SAY_FOCUS, tr(STR_SAY_SETTING), tr(names[st->row]), vals[st->row]);
}

const ScreenDef screen_settings = {
    .name = "settings",
    .state_size = sizeof(SettingsState),
    .enter = settings_enter,
    .draw = settings_draw,
    .key = settings_key,
    .click = settings_click,
    .expect_text = settings_expect,
    .speak = settings_speak,
};
