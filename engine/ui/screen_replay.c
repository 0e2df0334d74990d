/*
 * screen_replay.c — a recorded attempt replayed step by step: the office as it stood after step
 * k (drawn by screen_office.c from a borrowed session), with what was done, what it earned and
 * the attempt's mode. A replay is never recorded.
 */
#include "ui_app.h"

#include "../core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct ReplayState {
    Session *session;   /* owned; u->ss borrows it while the replay shows */
    char **actions;     /* owned; the attempt's recorded action ids */
    size_t n, k;        /* actions, and how many are replayed */
    size_t from;        /* ledger entries before the k-th action */
    AttemptRow attempt; /* the attempt replayed */
    int btn; /* Tab's focus: 0 none, 1 «◀ Назад», 2 «Вперёд ▶», 3 «К попыткам» */
} ReplayState;

enum { HIT_RP_PREV = HIT_SCREEN, HIT_RP_NEXT, HIT_RP_BACK };

static ReplayState *S(Ui *u)
{
    return ui_state(u, SCR_REPLAY);
}

void ui_replay_close(Ui *u)
{
    ReplayState *st = S(u);
    if (u->ss && u->ss == st->session)
        u->ss = NULL; /* it only borrowed the replay for drawing */
    session_destroy(st->session);
    st->session = NULL;
    for (size_t i = 0; i < st->n; i++)
        free(st->actions[i]);
    free(st->actions);
    st->actions = NULL;
    st->n = st->k = 0;
}

/* Rebuilds the replayed attempt as it stood after k actions. */
static void replay_to(Ui *u, size_t k)
{
    ReplayState *st = S(u);
    if (u->ss == st->session)
        u->ss = NULL;
    session_destroy(st->session);
    st->session = NULL;
    SimError e;
    ui_replay_session(u, u->scen, st->attempt.seed, st->attempt.exam, st->actions,
                      k < st->n ? k : st->n, &st->session, &st->from, &e);
    st->k = k;
    u->ss = st->session;
    ui_office_replay_view(u);
}

int ui_replay_open(Ui *u, const AttemptRow *a, char *error, size_t error_size)
{
    ReplayState *st = S(u);
    error[0] = '\0';
    st->btn = 0;
    int found = -1;
    for (size_t i = 0; i < u->nscens; i++)
        if (strcmp(u->scens[i].scenario->id, a->scenario) == 0 &&
            strcmp(u->scens[i].scenario->hash_hex, a->hash) == 0)
            found = (int)i;
    if (found < 0) {
        snprintf(error, error_size, TRF(STR_MGR_REPLAY_CHANGED), a->scenario, a->version);
        u->dirty = 1;
        return 0;
    }
    /* The last attempt played (finished by now) gives way to the replay. */
    if (u->ss && u->ss != st->session) {
        session_destroy(u->ss);
        u->ss = NULL;
    }
    ui_replay_close(u);
    u->scen = found;
    st->attempt = *a;
    st->n = ui_attempt_actions(u, a->id, &st->actions);
    replay_to(u, 0);
    if (!st->session) {
        snprintf(error, error_size, TRF(STR_MGR_REPLAY_CHANGED), a->scenario, a->version);
        return 0;
    }
    ui_go(u, SCR_REPLAY);
    return 1;
}

/* The replay's heading («Шаг k из n»), its mode and date, and what step k did and earned. */
static void replay_text(Ui *u, char *head, size_t hn, char *mode, size_t mn, SimBuf *b)
{
    ReplayState *st = S(u);
    char when[64];
    snprintf(head, hn, TRF(STR_MGR_REPLAY_STEP), st->k, st->n);
    ui_local_time(st->attempt.started_at, when, sizeof when);
    snprintf(mode, mn, TRF(STR_MGR_REPLAY_MODE),
             st->attempt.exam ? tr(STR_UI_MODE_EXAM) : tr(STR_UI_MODE_TRAINING), when);
    simbuf_init(b);
    if (st->k > 0) {
        const char *id = st->actions[st->k - 1];
        char *what = session_describe_action(ui_scen(u), id);
        if (scenario_find_action(ui_scen(u), id, NULL) >= 0)
            simbuf_printf(b, "%s: %s", tr(STR_YOU), what);
        else
            simbuf_puts(b, what); /* "Вы открываете документ …" speaks for itself */
        free(what);
        const ScoreLedger *lg = session_ledger(st->session);
        for (size_t i = st->from; i < lg->count; i++) {
            const LedgerEntry *en = &lg->entries[i];
            simbuf_printf(b, "\n%s%d · %s: %s%s%s%s", en->points >= 0 ? "+" : "−", abs(en->points),
                          en->criterion >= 0 ? ui_scen(u)->criteria[en->criterion].title
                                             : tr(STR_CRITICAL),
                          en->feedback, en->rule ? " (" : "", en->rule ? en->rule->short_ : "",
                          en->rule ? ")" : "");
        }
    } else {
        simbuf_puts(b, tr(STR_MGR_REPLAY_START));
    }
}

/* The replay: the office as it stood after step k, with what was done and what it earned. */
static void replay_draw(Ui *u)
{
    ReplayState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W;
    if (!st->session)
        return;
    ui_office_scene(u);
    char head[300], mode[200];
    SimBuf b;
    replay_text(u, head, sizeof head, mode, sizeof mode, &b);
    float w = W * 0.6f, iw = w - 32 * s;
    float hh = gfx_text_box(u->g, head, 0, 0, iw, l->px_body, GF_BOLD, u->theme.accent, 0);
    float mh = gfx_text_box(u->g, mode, 0, 0, iw, l->px_label, GF_BOLD, u->theme.text_dim, 0);
    float th =
        gfx_text_box(u->g, simbuf_str(&b), 0, 0, iw, l->px_label, GF_REGULAR, u->theme.text, 0);
    float btn_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    GRect p = {W * 0.2f, l->hud_h + 8 * s, w, hh + mh + th + btn_h + 44 * s};
    ui_panel(u, p);
    float y = p.y + 10 * s;
    y += gfx_text_box(u->g, head, p.x + 16 * s, y, iw, l->px_body, GF_BOLD, u->theme.accent, 1);
    y += gfx_text_box(u->g, mode, p.x + 16 * s, y, iw, l->px_label, GF_BOLD, u->theme.text_dim, 1) +
         6 * s;
    y += gfx_text_box(u->g, simbuf_str(&b), p.x + 16 * s, y, iw, l->px_label, GF_REGULAR,
                      u->theme.text, 1) +
         10 * s;
    simbuf_free(&b);
    /* The same steps by mouse. */
    GRect bt =
        ui_button(u, p.x + 16 * s, y, tr(STR_MGR_REPLAY_PREV), 0, st->btn == 1, HIT_RP_PREV, 0);
    bt = ui_button(u, bt.x + bt.w + 12 * s, y, tr(STR_MGR_REPLAY_NEXT), 1, st->btn == 2,
                   HIT_RP_NEXT, 0);
    ui_button(u, bt.x + bt.w + 12 * s, y, tr(STR_MGR_REPLAY_BACK), 0, st->btn == 3, HIT_RP_BACK, 0);
    ui_hint(u, tr(STR_MGR_REPLAY_HINT));
}

static void replay_key(Ui *u, SDL_Keycode k)
{
    ReplayState *st = S(u);
    if (k == SDLK_TAB)
        st->btn =
            st->btn % 3 + 1; /* the buttons in turn: the keyboard reaches what the mouse does */
    else if ((k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE) && st->btn) {
        replay_key(u, st->btn == 1 ? SDLK_LEFT : st->btn == 2 ? SDLK_RIGHT : SDLK_ESCAPE);
        return;
    } else if (k == SDLK_RIGHT && st->k < st->n)
        replay_to(u, st->k + 1);
    else if (k == SDLK_LEFT && st->k > 0)
        replay_to(u, st->k - 1);
    else if (k == SDLK_HOME)
        replay_to(u, 0);
    else if (k == SDLK_END)
        replay_to(u, st->n);
    else if (k == SDLK_ESCAPE) {
        ui_replay_close(u);
        ui_go(u, SCR_TRAINEE);
    }
    u->dirty = 1;
}

static int replay_click(Ui *u, const Hit *h)
{
    /* The office's own regions are the recorded attempt's, not controls. */
    if (!h)
        return 0;
    switch (h->kind) {
    case HIT_RP_PREV:
        replay_key(u, SDLK_LEFT);
        break;
    case HIT_RP_NEXT:
        replay_key(u, SDLK_RIGHT);
        break;
    case HIT_RP_BACK:
        replay_key(u, SDLK_ESCAPE);
        break;
    default:
        return 0;
    }
    return 1;
}

static void replay_wheel(Ui *u, int x, int y, float dy)
{
    (void)x, (void)y;
    replay_key(u, dy > 0 ? SDLK_RIGHT : SDLK_LEFT);
}

/* Which attempt, the step and what it did, and the focused button. */
static void replay_speak(Ui *u, SpeakFrame *f)
{
    ReplayState *st = S(u);
    if (!st->session)
        return;
    ui_say(f, SAY_SCREEN, tr(STR_SAY_REPLAY), st->attempt.title);
    char head[300], mode[200];
    SimBuf b;
    replay_text(u, head, sizeof head, mode, sizeof mode, &b);
    ui_say(f, SAY_SCREEN, "%s", mode);
    ui_say(f, SAY_CONTENT, "%s", head);
    ui_say(f, SAY_CONTENT, "%s", simbuf_str(&b));
    simbuf_free(&b);
    if (st->btn)
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON),
               tr(st->btn == 1   ? STR_MGR_REPLAY_PREV
                  : st->btn == 2 ? STR_MGR_REPLAY_NEXT
                                 : STR_MGR_REPLAY_BACK));
}

const ScreenDef screen_replay = {
    .name = "replay",
    .state_size = sizeof(ReplayState),
    .destroy = ui_replay_close,
    .draw = replay_draw,
    .key = replay_key,
    .click = replay_click,
    .wheel = replay_wheel,
    .speak = replay_speak,
};
