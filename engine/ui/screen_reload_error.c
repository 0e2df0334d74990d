/*
 * screen_reload_error.c — the open scenario (or one that failed at start-up) no longer loads:
 * the loader's FILE:LINE:COL messages as a terminal shows them, «Загрузить снова» (F5) and the
 * way back. The attempt waits on the old version meanwhile.
 */
#include "ui_app.h"

#include "../core/i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct ReloadState {
    float scroll, content_h, view_h; /* the messages, as the last frame measured them */
    int btn;                         /* 0 «Загрузить снова», 1 «В меню» */
} ReloadState;

enum { HIT_RL_BUTTON = HIT_SCREEN };

static ReloadState *S(Ui *u)
{
    return ui_state(u, SCR_RELOAD_ERROR);
}

static void reload_enter(Ui *u, Screen from)
{
    if (from == SCR_BOOK)
        return;
    ReloadState *st = S(u);
    st->scroll = st->content_h = 0;
    st->btn = 0;
}

static void reload_draw(Ui *u)
{
    ReloadState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    char sub[800];
    const char *dir = u->broken_tried || !u->ss ? "scenarios" : ui_scen(u)->dir;
    snprintf(sub, sizeof sub, TRF(STR_RELOAD_SUB), dir);
    ui_title(u, tr(STR_RELOAD_TITLE), sub);
    float btn_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    float hint_h = l->hint_h;
    float y = l->title_h + 16 * s;
    char head[200];
    snprintf(head, sizeof head, TRF(STR_RELOAD_ERRORS), u->reload_lines);
    gfx_text(u->g, head, 40 * s, y, l->px_body, GF_BOLD, u->theme.text);
    y += l->px_body * 1.7f;
    float wait_h = 0;
    char waiting[600] = "";
    if (!u->broken_tried && u->ss) {
        snprintf(waiting, sizeof waiting, TRF(STR_RELOAD_WAITING), session_action_count(u->ss));
        wait_h = gfx_text_box(u->g, waiting, 0, 0, W - 80 * s, l->px_label, GF_REGULAR,
                              u->theme.text_dim, 0) +
                 14 * s;
    }
    GRect p = {40 * s, y, W - 80 * s, H - y - hint_h - btn_h - wait_h - 40 * s};
    if (st->content_h > 0) /* as tall as the messages (measured by the last frame) */
        p.h = fminf(p.h, fmaxf(st->content_h + 24 * s, 160 * s));
    /* The loader's messages, as a terminal shows them. */
    GColor term_bg = u->high_contrast ? u->theme.bg : (GColor){30, 34, 42, 255};
    gfx_round(u->g, (GRect){p.x + 3 * s, p.y + 4 * s, p.w, p.h}, 10 * s, u->theme.shadow);
    gfx_round(u->g, p, 10 * s, term_bg);
    gfx_round_outline(u->g, p, 10 * s, 1.5f * s, u->theme.panel_edge);
    GRect in = {p.x + 16 * s, p.y + 12 * s, p.w - 32 * s, p.h - 24 * s};
    gfx_clip(u->g, &in);
    float ty = in.y - st->scroll;
    const char *txt = simbuf_str(&u->reload_text);
    char line[SIM_ERROR_MAX + 1200];
    while (*txt) {
        const char *nl = strchr(txt, '\n');
        size_t n = nl ? (size_t)(nl - txt) : strlen(txt);
        if (n >= sizeof line)
            n = sizeof line - 1;
        memcpy(line, txt, n);
        line[n] = '\0';
        GColor c = strstr(line, ": error:") || strstr(line, tr(STR_DIAG_ERROR_WORD))
                       ? (GColor){255, 150, 140, 255}
                   : strstr(line, ": warning:") || strstr(line, tr(STR_DIAG_WARNING_WORD))
                       ? (GColor){255, 214, 140, 255}
                       : (GColor){230, 234, 240, 255};
        if (u->high_contrast)
            c = u->theme.text;
        ty += gfx_text_box(u->g, line, in.x, ty, in.w - 12 * s, l->px_label, GF_MONO, c, 1) + 8 * s;
        txt += nl ? n + 1 : n;
        if (!nl)
            break;
    }
    st->content_h = ty + st->scroll - in.y;
    st->view_h = in.h;
    gfx_clip(u->g, NULL);
    if (st->content_h > in.h) {
        float k = in.h / st->content_h;
        gfx_round(u->g, (GRect){p.x + p.w - 10 * s, in.y + st->scroll * k, 5 * s, in.h * k},
                  2.5f * s, (GColor){200, 200, 200, 200});
    }
    y = p.y + p.h + 14 * s;
    if (waiting[0])
        gfx_text_box(u->g, waiting, 40 * s, y, W - 80 * s, l->px_label, GF_REGULAR,
                     u->theme.text_dim, 1);
    float by = H - hint_h - btn_h - 16 * s;
    GRect b = ui_button(u, 40 * s, by, tr(STR_RELOAD_RETRY), 1, st->btn == 0, HIT_RL_BUTTON, 0);
    ui_button(u, b.x + b.w + 14 * s, by, tr(STR_UI_TO_MENU), 0, st->btn == 1, HIT_RL_BUTTON, 1);
    ui_hint(u, tr(STR_RELOAD_HINT));
}

static void reload_do(Ui *u, int which)
{
    if (u->broken_tried) {
        if (which == 0) {
            ui_reload_broken(u);
            if (u->screen == SCR_RELOAD_ERROR)
                return;
        }
        u->broken_tried = 0;
        ui_go(u, SCR_CATALOG);
    } else if (which == 0) {
        ui_reload_scenario(u);
    } else {
        ui_attempt_leave(u); /* saved unfinished, as when leaving the office */
    }
    u->dirty = 1;
}

static void reload_scroll(Ui *u, float d)
{
    ReloadState *st = S(u);
    st->scroll = fmaxf(0, fminf(st->scroll + d, fmaxf(st->content_h - st->view_h, 0)));
    u->dirty = 1;
}

static void reload_key(Ui *u, SDL_Keycode k)
{
    ReloadState *st = S(u);
    float view = st->view_h;
    if (k == SDLK_F5)
        reload_do(u, 0);
    else if (k == SDLK_LEFT || k == SDLK_RIGHT || k == SDLK_TAB)
        st->btn = !st->btn;
    else if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE)
        reload_do(u, st->btn);
    else if (k == SDLK_ESCAPE)
        reload_do(u, 1);
    else if (k == SDLK_DOWN || k == SDLK_UP || k == SDLK_PAGEDOWN || k == SDLK_PAGEUP) {
        float d = k == SDLK_DOWN       ? 40 * u->l.s
                  : k == SDLK_UP       ? -40 * u->l.s
                  : k == SDLK_PAGEDOWN ? view
                                       : -view;
        reload_scroll(u, d);
    }
    u->dirty = 1;
}

static int reload_click(Ui *u, const Hit *h)
{
    if (!h || h->kind != HIT_RL_BUTTON)
        return 0;
    reload_do(u, h->arg);
    return 1;
}

static void reload_wheel(Ui *u, int x, int y, float dy)
{
    (void)x, (void)y;
    reload_scroll(u, dy);
}

static const char *reload_expect(Ui *u)
{
    return simbuf_str(&u->reload_text);
}

/* The title and folder, how many errors and each of them, what waits, the focused button. */
static void reload_speak(Ui *u, SpeakFrame *f)
{
    char sub[800], head[200];
    const char *dir = u->broken_tried || !u->ss ? "scenarios" : ui_scen(u)->dir;
    snprintf(sub, sizeof sub, TRF(STR_RELOAD_SUB), dir);
    ui_say(f, SAY_SCREEN, "%s", tr(STR_RELOAD_TITLE));
    ui_say(f, SAY_SCREEN, "%s", sub);
    snprintf(head, sizeof head, TRF(STR_RELOAD_ERRORS), u->reload_lines);
    ui_say(f, SAY_CONTENT, "%s", head);
    for (const char *c = simbuf_str(&u->reload_text); *c;) { /* one message a line */
        size_t n = strcspn(c, "\n");
        if (n)
            ui_say(f, SAY_CONTENT, "%.*s", (int)n, c);
        c += n + (c[n] == '\n');
    }
    ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON), tr(S(u)->btn ? STR_UI_TO_MENU : STR_RELOAD_RETRY));
}

const ScreenDef screen_reload_error = {
    .name = "reload-error",
    .state_size = sizeof(ReloadState),
    .enter = reload_enter,
    .draw = reload_draw,
    .key = reload_key,
    .click = reload_click,
    .wheel = reload_wheel,
    .expect_text = reload_expect,
    .speak = reload_speak,
};
