/*
 * screen_start.c — the start screen: who trains (a profile or a guest), in which mode, and the
 * way on (start, settings, quit, a new profile, the manager area).
 */
#include "ui_app.h"

#include "../core/i18n.h"

#include <math.h>
#include <stdio.h>

/* Keyboard focus: the groups Tab goes through, in order. */
enum { FOCUS_PROFILES, FOCUS_MODE, FOCUS_ACTIONS, FOCUS_PROFILE_BUTTONS, FOCUS_GROUPS };
/* The buttons of FOCUS_ACTIONS and of FOCUS_PROFILE_BUTTONS. */
enum { BTN_START, BTN_SETTINGS, BTN_QUIT, ACTION_BUTTONS };
enum { BTN_NEW_PROFILE, BTN_MANAGER, PROFILE_BUTTONS };

typedef struct StartState {
    int focus;    /* FOCUS_* */
    int button;   /* within the focused group of buttons */
    float scroll; /* the profile list, when it is longer than its panel */
} StartState;

enum { HIT_START_PROFILE = HIT_SCREEN, HIT_START_MODE, HIT_START_ACTION, HIT_START_PROFILE_BUTTON };

static StartState *S(Ui *u)
{
    return ui_state(u, SCR_START);
}

static void start_enter(Ui *u, Screen from)
{
    StartState *st = S(u);
    if (from == SCR_NEW_PROFILE && u->sel_trainee >= 0) {
        /* A profile was just made: Enter starts. */
        st->focus = FOCUS_ACTIONS;
        st->button = BTN_START;
    }
}

static void start_draw(Ui *u)
{
    StartState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W;
    ui_title(u, tr(STR_UI_APP_TITLE), tr(STR_UI_APP_SUBTITLE));
    float hint_h = l->hint_h;
    float btn_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    float errors_h = u->cfg->load_errors && *u->cfg->load_errors
                         ? gfx_text_box(u->g, u->cfg->load_errors, 0, 0, W - 80 * s, l->px_small,
                                        GF_REGULAR, u->theme.bad, 0) +
                               12 * s
                         : 0;
    float top = l->title_h + 22 * s;
    float bottom = l->H - hint_h - errors_h - 14 * s;
    /* Large text on a narrow window: the two panels one above the other would not fit; they
     * stay side by side and each wraps its own text. */
    GRect left = {40 * s, top, W * 0.46f, bottom - top};
    GRect right = {W * 0.46f + 70 * s, top, W * 0.54f - 110 * s, bottom - top};
    /* Profiles. */
    ui_panel(u, left);
    gfx_text(u->g, tr(STR_UI_PROFILE), left.x + 20 * s, left.y + 16 * s, l->px_dialog, GF_BOLD,
             u->theme.text);
    float rowh = gfx_line_height(u->g, l->px_body, GF_REGULAR) + 18 * s;
    /* The profile buttons wrap onto two lines when they do not fit side by side. */
    float nb_w = ui_text_w(u, tr(STR_UI_NEW_PROFILE), l->px_body, GF_BOLD) + 36 * s;
    float mg_w = ui_text_w(u, tr(STR_MGR_BUTTON), l->px_body, GF_BOLD) + 36 * s;
    int two_rows = nb_w + 14 * s + mg_w > left.w - 32 * s;
    float buttons_h = (two_rows ? 2 : 1) * (btn_h + 12 * s) + 8 * s;
    GRect list = {left.x + 8 * s, left.y + 24 * s + gfx_line_height(u->g, l->px_dialog, GF_BOLD),
                  left.w - 16 * s, 0};
    list.h = left.y + left.h - buttons_h - list.y - 8 * s;
    int n = (int)u->ntrainees + 1;
    float content = n * rowh;
    /* Keep the selected profile in view. */
    float sel_y = (u->sel_trainee + 1) * rowh;
    if (sel_y - st->scroll + rowh > list.h)
        st->scroll = sel_y + rowh - list.h;
    if (sel_y < st->scroll)
        st->scroll = sel_y;
    st->scroll = fmaxf(0, fminf(st->scroll, fmaxf(0, content - list.h)));
    gfx_clip(u->g, &list);
    for (int i = -1; i < (int)u->ntrainees; i++) {
        GRect r = {list.x + 8 * s, list.y + (i + 1) * rowh - st->scroll, list.w - 16 * s,
                   rowh - 6 * s};
        if (r.y + r.h < list.y || r.y > list.y + list.h)
            continue;
        int sel = u->sel_trainee == i;
        if (sel)
            gfx_round(u->g, r, 6 * s, (GColor){11, 92, 173, 30});
        char line[400];
        if (i < 0)
            snprintf(line, sizeof line, "%s", tr(STR_UI_GUEST));
        else
            snprintf(line, sizeof line, tr(STR_UI_TRAINEE_ROW), u->trainees[i].surname,
                     u->trainees[i].name, u->trainees[i].personnel);
        float ty = r.y + (r.h - gfx_line_height(u->g, l->px_body, GF_REGULAR)) / 2;
        gfx_text(u->g, sel ? "●" : "○", r.x + 10 * s, ty, l->px_body, GF_REGULAR,
                 sel ? u->theme.accent : u->theme.text_dim);
        /* The row's text, clipped to the row and to the list. */
        float cy0 = fmaxf(r.y, list.y), cy1 = fminf(r.y + r.h, list.y + list.h);
        GRect tr_ = {r.x, cy0, r.w - 4 * s, fmaxf(0, cy1 - cy0)};
        gfx_clip(u->g, &tr_);
        gfx_text(u->g, line, r.x + 22 * s + l->px_body, ty, l->px_body, sel ? GF_BOLD : GF_REGULAR,
                 u->theme.text);
        gfx_clip(u->g, &list);
        if (sel && st->focus == FOCUS_PROFILES)
            gfx_round_outline(u->g, r, 6 * s, 3 * s, u->theme.focus);
        ui_hit(u, r, HIT_START_PROFILE, i);
    }
    gfx_clip(u->g, NULL);
    float by = left.y + left.h - buttons_h + 4 * s;
    GRect nb = ui_button(u, left.x + 16 * s, by, tr(STR_UI_NEW_PROFILE), 0,
                         st->focus == FOCUS_PROFILE_BUTTONS && st->button == BTN_NEW_PROFILE,
                         HIT_START_PROFILE_BUTTON, BTN_NEW_PROFILE);
    ui_button(u, two_rows ? left.x + 16 * s : nb.x + nb.w + 14 * s,
              two_rows ? by + btn_h + 12 * s : by, tr(STR_MGR_BUTTON), 0,
              st->focus == FOCUS_PROFILE_BUTTONS && st->button == BTN_MANAGER,
              HIT_START_PROFILE_BUTTON, BTN_MANAGER);

    /* Mode and start. */
    ui_panel(u, right);
    gfx_text(u->g, tr(STR_UI_MODE), right.x + 20 * s, right.y + 16 * s, l->px_dialog, GF_BOLD,
             u->theme.text);
    float my = right.y + 24 * s + gfx_line_height(u->g, l->px_dialog, GF_BOLD);
    /* The action buttons wrap too; the mode cards share what is left above them. */
    const SimStr labels[ACTION_BUTTONS] = {STR_UI_START, STR_UI_SETTINGS, STR_UI_QUIT};
    float bx = right.x + 16 * s, rows = 1, xx = bx;
    for (int b = 0; b < ACTION_BUTTONS; b++) {
        float w = ui_text_w(u, tr(labels[b]), l->px_body, GF_BOLD) + 36 * s;
        if (xx + w > right.x + right.w - 16 * s && xx > bx)
            rows++, xx = bx;
        xx += w + 14 * s;
    }
    float abh = rows * (btn_h + 12 * s) + 8 * s;
    GRect modes = {right.x, my, right.w, right.y + right.h - abh - my};
    /* The descriptions only when both cards fit with them (large text on a small window: the
     * names alone, which say enough to choose). */
    float ind = 20 * s + l->px_body, nh = gfx_line_height(u->g, l->px_body, GF_BOLD);
    float full = 0;
    for (int m = 0; m < 2; m++)
        full += gfx_text_box(u->g, m ? tr(STR_UI_MODE_EXAM_DESC) : tr(STR_UI_MODE_TRAINING_DESC), 0,
                             0, right.w - 32 * s - ind - 16 * s, l->px_label, GF_REGULAR,
                             u->theme.text_dim, 0) +
                nh + 40 * s;
    int with_desc = full <= modes.h;
    gfx_clip(u->g, &modes);
    for (int m = 0; m < 2; m++) {
        const char *name = m ? tr(STR_UI_MODE_EXAM) : tr(STR_UI_MODE_TRAINING);
        const char *desc = m ? tr(STR_UI_MODE_EXAM_DESC) : tr(STR_UI_MODE_TRAINING_DESC);
        GRect r = {right.x + 16 * s, my, right.w - 32 * s, 0};
        if (!with_desc) { /* side by side, so both show */
            r.w = (right.w - 32 * s - 12 * s) / 2;
            r.x += m * (r.w + 12 * s);
        }
        float dh = with_desc ? gfx_text_box(u->g, desc, 0, 0, r.w - ind - 16 * s, l->px_label,
                                            GF_REGULAR, u->theme.text_dim, 0) +
                                   4 * s
                             : 0;
        r.h = dh + nh + 20 * s;
        int sel = u->exam == m;
        gfx_round(u->g, r, 8 * s, sel ? (GColor){11, 92, 173, 30} : u->theme.panel);
        gfx_round_outline(u->g, r, 8 * s, (sel ? 2.5f : 1.2f) * s,
                          sel ? u->theme.accent : u->theme.panel_edge);
        gfx_text(u->g, sel ? "◉" : "○", r.x + 12 * s, r.y + 10 * s, l->px_body, GF_REGULAR,
                 sel ? u->theme.accent : u->theme.text_dim);
        gfx_text(u->g, name, r.x + ind, r.y + 10 * s, l->px_body, GF_BOLD, u->theme.text);
        if (with_desc)
            gfx_text_box(u->g, desc, r.x + ind, r.y + 14 * s + nh, r.w - ind - 16 * s, l->px_label,
                         GF_REGULAR, u->theme.text_dim, 1);
        if (sel && st->focus == FOCUS_MODE)
            gfx_round_outline(u->g, (GRect){r.x - 3 * s, r.y - 3 * s, r.w + 6 * s, r.h + 6 * s},
                              10 * s, 3 * s, u->theme.focus);
        ui_hit(u, r, HIT_START_MODE, m);
        if (with_desc)
            my += r.h + 12 * s;
    }
    gfx_clip(u->g, NULL);
    xx = bx;
    float yy = right.y + right.h - abh + 4 * s;
    for (int b = 0; b < ACTION_BUTTONS; b++) {
        float w = ui_text_w(u, tr(labels[b]), l->px_body, GF_BOLD) + 36 * s;
        if (xx + w > right.x + right.w - 16 * s && xx > bx)
            xx = bx, yy += btn_h + 12 * s;
        GRect r = ui_button(u, xx, yy, tr(labels[b]), b == BTN_START,
                            st->focus == FOCUS_ACTIONS && st->button == b, HIT_START_ACTION, b);
        xx += r.w + 14 * s;
    }
    if (errors_h > 0)
        gfx_text_box(u->g, u->cfg->load_errors, 40 * s, bottom + 6 * s, W - 80 * s, l->px_small,
                     GF_REGULAR, u->theme.bad, 1);
    ui_hint(u, tr(STR_UI_HINT_START));
}

static void new_profile(Ui *u)
{
    ui_go(u, SCR_NEW_PROFILE);
}

static void do_action(Ui *u, int b)
{
    if (b == BTN_START) {
        ui_setting_save(u, "mode", u->exam);
        ui_setting_save(u, "last_trainee",
                        u->sel_trainee >= 0 ? (int)u->trainees[u->sel_trainee].id : 0);
        ui_go(u, SCR_CATALOG);
    } else if (b == BTN_SETTINGS) {
        ui_go(u, SCR_SETTINGS);
    } else {
        u->running = 0;
    }
}

static void start_key(Ui *u, SDL_Keycode k)
{
    StartState *st = S(u);
    if (k == SDLK_TAB) {
        st->focus = (st->focus + 1) % FOCUS_GROUPS;
        st->button = 0;
    } else if (k == SDLK_UP || k == SDLK_DOWN) {
        int d = k == SDLK_UP ? -1 : 1;
        if (st->focus == FOCUS_PROFILES) {
            int n = u->sel_trainee + d;
            if (n >= -1 && n < (int)u->ntrainees)
                u->sel_trainee = n;
        } else if (st->focus == FOCUS_MODE) {
            u->exam = !u->exam;
        }
    } else if (k == SDLK_LEFT || k == SDLK_RIGHT) {
        int n = st->focus == FOCUS_ACTIONS ? ACTION_BUTTONS : PROFILE_BUTTONS;
        if (st->focus == FOCUS_ACTIONS || st->focus == FOCUS_PROFILE_BUTTONS)
            st->button = (st->button + (k == SDLK_LEFT ? n - 1 : 1)) % n;
        else if (st->focus == FOCUS_MODE)
            u->exam = !u->exam;
    } else if (k == SDLK_F1) {
        ui_book_open(u, NULL);
    } else if (k == SDLK_m) {
        ui_manager_open(u);
    } else if (k == SDLK_s) {
        ui_go(u, SCR_SETTINGS);
    } else if (k == SDLK_n) {
        new_profile(u);
    } else if (k == SDLK_RETURN || k == SDLK_KP_ENTER ||
               (k == SDLK_SPACE && st->focus >= FOCUS_ACTIONS)) {
        if (st->focus == FOCUS_PROFILE_BUTTONS) {
            if (st->button == BTN_NEW_PROFILE)
                new_profile(u);
            else
                ui_manager_open(u);
        } else {
            do_action(u, st->focus == FOCUS_ACTIONS ? st->button : BTN_START);
        }
    } else if (k == SDLK_ESCAPE) {
        u->running = 0;
    }
    u->dirty = 1;
}

static int start_click(Ui *u, const Hit *h)
{
    StartState *st = S(u);
    if (!h)
        return 0;
    switch (h->kind) {
    case HIT_START_PROFILE:
        u->sel_trainee = h->arg;
        st->focus = FOCUS_PROFILES;
        break;
    case HIT_START_MODE:
        u->exam = h->arg;
        st->focus = FOCUS_MODE;
        break;
    case HIT_START_ACTION:
        st->focus = FOCUS_ACTIONS;
        st->button = h->arg;
        do_action(u, h->arg);
        break;
    case HIT_START_PROFILE_BUTTON:
        st->focus = FOCUS_PROFILE_BUTTONS;
        st->button = h->arg;
        if (h->arg == BTN_NEW_PROFILE)
            new_profile(u);
        else
            ui_manager_open(u);
        break;
    default:
        return 0;
    }
    return 1;
}

static void start_wheel(Ui *u, int x, int y, float dy)
{
    (void)x, (void)y;
    /* The wheel walks the profile list. */
    int n = u->sel_trainee + (dy > 0 ? 1 : -1);
    if (n >= -1 && n < (int)u->ntrainees)
        u->sel_trainee = n;
    u->dirty = 1;
}

/* The title, then the focused profile, mode or button. */
static void start_speak(Ui *u, SpeakFrame *f)
{
    StartState *st = S(u);
    ui_say(f, SAY_SCREEN, "%s. %s", tr(STR_UI_APP_TITLE), tr(STR_UI_APP_SUBTITLE));
    const SimStr actions[ACTION_BUTTONS] = {STR_UI_START, STR_UI_SETTINGS, STR_UI_QUIT};
    switch (st->focus) {
    case FOCUS_PROFILES:
        if (u->sel_trainee >= 0) {
            char who[400];
            snprintf(who, sizeof who, tr(STR_UI_TRAINEE_ROW), u->trainees[u->sel_trainee].surname,
                     u->trainees[u->sel_trainee].name, u->trainees[u->sel_trainee].personnel);
            ui_say(f, SAY_FOCUS, tr(STR_SAY_PROFILE), who);
        } else {
            ui_say(f, SAY_FOCUS, tr(STR_SAY_PROFILE), tr(STR_UI_GUEST));
        }
        break;
    case FOCUS_MODE:
        ui_say(f, SAY_FOCUS, tr(STR_SAY_MODE),
               u->exam ? tr(STR_UI_MODE_EXAM) : tr(STR_UI_MODE_TRAINING));
        break;
    case FOCUS_ACTIONS:
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON), tr(actions[st->button % ACTION_BUTTONS]));
        break;
    default:
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON),
               st->button == BTN_NEW_PROFILE ? tr(STR_UI_NEW_PROFILE) : tr(STR_MGR_BUTTON));
        break;
    }
}

const ScreenDef screen_start = {
    .name = "start",
    .state_size = sizeof(StartState),
    .enter = start_enter,
    .draw = start_draw,
    .key = start_key,
    .click = start_click,
    .wheel = start_wheel,
    .speak = start_speak,
};
