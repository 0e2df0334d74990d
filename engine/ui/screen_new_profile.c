/*
 * screen_new_profile.c — a new trainee's profile: surname, name and personnel number.
 */
#include "ui_app.h"

#include "../core/i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#define FORM_FIELDS 3

typedef struct ProfileState {
    char form[FORM_FIELDS][128];
    int focus; /* 0..2 the fields, 3 «Создать», 4 «Отмена» */
    char error[SIM_ERROR_MAX];
} ProfileState;

enum { HIT_FORM_FIELD = HIT_SCREEN, HIT_FORM_OK, HIT_FORM_CANCEL };

static ProfileState *S(Ui *u)
{
    return ui_state(u, SCR_NEW_PROFILE);
}

static void profile_enter(Ui *u, Screen from)
{
    if (from == SCR_BOOK)
        return;
    ProfileState *st = S(u);
    memset(st, 0, sizeof *st);
    /* A font that did not open is said here too (the first screen with text to type). */
    snprintf(st->error, sizeof st->error, "%s", u->form_error);
}

static void profile_draw(Ui *u)
{
    ProfileState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s;
    ui_title(u, tr(STR_UI_NEW_PROFILE), NULL);
    float btn_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    float label_h = gfx_line_height(u->g, l->px_label, GF_REGULAR);
    float box_h = gfx_line_height(u->g, l->px_body, GF_REGULAR) + 16 * s;
    float pw = fminf(l->W - 80 * s, fmaxf(l->W * 0.6f, 700 * l->ts));
    float err_h = st->error[0] ? gfx_text_box(u->g, st->error, 0, 0, pw - 48 * s, l->px_label,
                                              GF_BOLD, u->theme.bad, 0) +
                                     8 * s
                               : 0;
    GRect p = {(l->W - pw) / 2, l->title_h + 16 * s, pw,
               20 * s + FORM_FIELDS * (label_h + 4 * s + box_h + 14 * s) + err_h + btn_h + 30 * s};
    ui_panel(u, p);
    const SimStr labels[FORM_FIELDS] = {STR_UI_SURNAME, STR_UI_NAME, STR_UI_PERSONNEL};
    float y = p.y + 20 * s;
    for (int i = 0; i < FORM_FIELDS; i++) {
        gfx_text(u->g, tr(labels[i]), p.x + 24 * s, y, l->px_label, GF_REGULAR, u->theme.text_dim);
        y += label_h + 4 * s;
        GRect box = {p.x + 24 * s, y, p.w - 48 * s, box_h};
        gfx_round(u->g, box, 6 * s, u->theme.bg);
        gfx_round_outline(u->g, box, 6 * s, (st->focus == i ? 3.0f : 1.5f) * s,
                          st->focus == i ? u->theme.focus : u->theme.panel_edge);
        char shown[160];
        snprintf(shown, sizeof shown, "%s%s", st->form[i], st->focus == i ? "▏" : "");
        gfx_clip(u->g, &box);
        gfx_text(u->g, shown, box.x + 10 * s, box.y + 8 * s, l->px_body, GF_REGULAR, u->theme.text);
        gfx_clip(u->g, NULL);
        ui_hit(u, box, HIT_FORM_FIELD, i);
        y += box.h + 14 * s;
    }
    if (st->error[0])
        y += gfx_text_box(u->g, st->error, p.x + 24 * s, y, p.w - 48 * s, l->px_label, GF_BOLD,
                          u->theme.bad, 1) +
             8 * s;
    GRect b =
        ui_button(u, p.x + 24 * s, y + 4 * s, tr(STR_UI_CREATE), 1, st->focus == 3, HIT_FORM_OK, 0);
    ui_button(u, b.x + b.w + 14 * s, b.y, tr(STR_UI_CANCEL), 0, st->focus == 4, HIT_FORM_CANCEL, 0);
    ui_hint(u, tr(STR_UI_HINT_FORM));
}

static void form_submit(Ui *u)
{
    ProfileState *st = S(u);
    for (int i = 0; i < FORM_FIELDS; i++)
        if (!st->form[i][0]) {
            snprintf(st->error, sizeof st->error, "%s", tr(STR_UI_FORM_EMPTY));
            st->focus = i;
            return;
        }
    SimError e;
    if (ui_trainee_add(u, st->form[0], st->form[1], st->form[2], &e) != SIM_OK) {
        snprintf(st->error, sizeof st->error, "%s", e.msg);
        return;
    }
    ui_go(u, SCR_START);
}

static void profile_key(Ui *u, SDL_Keycode k)
{
    ProfileState *st = S(u);
    if (k == SDLK_BACKSPACE && st->focus < FORM_FIELDS) {
        char *f = st->form[st->focus];
        size_t n = strlen(f);
        while (n > 0 && ((unsigned char)f[n - 1] & 0xC0) == 0x80)
            n--; /* drop a whole UTF-8 character */
        if (n > 0)
            n--;
        f[n] = '\0';
    } else if ((k == SDLK_TAB && !(SDL_GetModState() & KMOD_SHIFT)) || k == SDLK_DOWN) {
        st->focus = (st->focus + 1) % (FORM_FIELDS + 2);
    } else if (k == SDLK_UP || k == SDLK_TAB) { /* ↑ and Shift+Tab: back */
        st->focus = (st->focus + FORM_FIELDS + 1) % (FORM_FIELDS + 2);
    } else if ((k == SDLK_LEFT || k == SDLK_RIGHT) && st->focus >= FORM_FIELDS) {
        st->focus = st->focus == 3 ? 4 : 3;
    } else if (k == SDLK_RETURN || k == SDLK_KP_ENTER ||
               (k == SDLK_SPACE && st->focus >= FORM_FIELDS)) {
        if (st->focus == 4)
            ui_go(u, SCR_START);
        else if (st->focus < 2 && !st->form[st->focus + 1][0] && st->form[st->focus][0])
            st->focus++;
        else
            form_submit(u);
    } else if (k == SDLK_ESCAPE) {
        ui_go(u, SCR_START);
    }
    u->dirty = 1;
}

static void profile_text(Ui *u, const char *text)
{
    ProfileState *st = S(u);
    if (st->focus >= FORM_FIELDS)
        return;
    char *f = st->form[st->focus];
    size_t n = strlen(f), add = strlen(text);
    if (n + add < sizeof st->form[0] - 4)
        memcpy(f + n, text, add + 1);
    u->dirty = 1;
}

static int profile_click(Ui *u, const Hit *h)
{
    if (!h)
        return 0;
    switch (h->kind) {
    case HIT_FORM_FIELD:
        S(u)->focus = h->arg;
        break;
    case HIT_FORM_OK:
        form_submit(u);
        break;
    case HIT_FORM_CANCEL:
        ui_go(u, SCR_START);
        break;
    default:
        return 0;
    }
    return 1;
}

static const char *profile_expect(Ui *u)
{
    return S(u)->error;
}

/* The title, what went wrong, and the focused field with what is typed in it, or a button. */
static void profile_speak(Ui *u, SpeakFrame *f)
{
    ProfileState *st = S(u);
    const SimStr labels[FORM_FIELDS] = {STR_UI_SURNAME, STR_UI_NAME, STR_UI_PERSONNEL};
    ui_say(f, SAY_SCREEN, "%s", tr(STR_UI_NEW_PROFILE));
    if (st->error[0])
        ui_say(f, SAY_OVERLAY, "%s", st->error);
    if (st->focus < FORM_FIELDS)
        ui_say(f, SAY_FOCUS, tr(STR_SAY_FIELD), tr(labels[st->focus]),
               st->form[st->focus][0] ? st->form[st->focus] : tr(STR_SAY_EMPTY));
    else
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON),
               tr(st->focus == FORM_FIELDS ? STR_UI_CREATE : STR_UI_CANCEL));
}

const ScreenDef screen_new_profile = {
    .name = "new-profile",
    .state_size = sizeof(ProfileState),
    .enter = profile_enter,
    .draw = profile_draw,
    .key = profile_key,
    .click = profile_click,
    .text = profile_text,
    .expect_text = profile_expect,
    .speak = profile_speak,
};
