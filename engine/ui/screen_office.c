/*
 * screen_office.c — the office: the applicant behind the glass, their words in a bubble, the
 * trainee's answers, the documents on the desk and the office PC; over it the open document
 * (with a second one to compare), the reasons to flag a field, the office program and the
 * «Прервать приём?» dialog. Training notices are drawn last, in a band above any open overlay,
 * so they are never hidden. Every control takes the mouse (click, wheel) and the keyboard (Tab,
 * arrows, Enter, Esc) alike, and shows its focus.
 */
#include "ui_app.h"

#include "../core/i18n.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef enum Overlay { OV_NONE = 0, OV_DOC, OV_REASON, OV_PC, OV_LEAVE } Overlay;

typedef struct OfficeState {
    Overlay ov;
    int focus_area; /* 0 answers, 1 desk, 2 the PC, 3 «Справочник» and 4 «Выйти» in the HUD; -1
                     * none (a replay) */
    int sel_action, sel_doc;
    int seen_acts;                           /* u->act_count when the answers were last reset */
    float ans_scroll, ans_content, ans_view; /* the answers, as the last frame measured them */
    int ans_follow;                          /* the keyboard moved the focus: bring it into view */
    GRect ans_panel;
    float speech_scroll, speech_content, speech_view; /* the applicant's words */
    GRect bubble;
    int ov_doc, ov_doc2, ov_field, ov_reason, ov_service, compare_pick;
    int pc_clicked; /* the PC service the mouse last focused: a second click chooses it */
    int hud_book; /* the last frame drew «Справочник» in the top bar (a Tab stop only then) */
    int hud_leave; /* the same for «Выйти» (the mouse's Esc: leave the attempt) */
    int pc_focus; /* the PC's keyboard focus: 0 the services, 1 «Справочник», 2 «Выбрать», 3
                   * «Закрыть» */
    int reason_btn; /* the reasons' keyboard focus: 0 the list, 1 «Отметить», 2 «Отмена» */
    int doc_button;    /* the open document's keyboard focus on its buttons: 0 none, 1, 2 */
    int compare_focus; /* the compare picker's focus: a document (0…n−1), or n: «Отмена» */
    float doc_scroll, doc_extra;    /* large text: the page is taller than the window, scrolled */
    char said[SIM_ERROR_MAX + 600]; /* what `expect office` reads */
    int leave_btn; /* «Прервать приём?»: 0 «Прервать», 1 «Продолжить» */
    float reason_scroll, reason_view, reason_row;
    GfxLayer *scene; /* the hall and the desk, drawn again only when they change */
    char scene_key[128];
    float scene_desk;
    GfxLayer *front; /* everything in front of the applicant: kept while only they move */
    int front_ok, front_nhits;
    int desk_cols;                 /* the desk's columns of cards, as the last frame laid them */
    float desk_scroll, desk_extra; /* too many cards for the desk: the list scrolls */
    GRect desk_view;
} OfficeState;

enum {
    HIT_OF_ACTION = HIT_SCREEN,
    HIT_OF_REACTION,
    HIT_OF_DESK_DOC,
    HIT_OF_PC,
    HIT_OF_FIELD,
    HIT_OF_REASON,
    HIT_OF_SERVICE,
    HIT_OF_COMPARE,
    HIT_OF_LEAVE_YES,
    HIT_OF_LEAVE_NO,
    HIT_OF_BOOK,
    HIT_OF_ANS_UP,
    HIT_OF_ANS_DOWN,
    HIT_OF_DOC_COMPARE,
    HIT_OF_DOC_CLOSE,
    HIT_OF_REASON_CANCEL,
    HIT_OF_PC_CHOOSE,
    HIT_OF_PC_CLOSE,
    HIT_OF_COMPARE_CANCEL,
    HIT_OF_HUD_BOOK,
    HIT_OF_HUD_LEAVE,
    HIT_OF_PANEL /* an overlay's own panel: a click on it closes nothing */
};

static OfficeState *S(Ui *u)
{
    return ui_state(u, SCR_OFFICE);
}

/* A new attempt, or the same one loaded again: the view starts over. Back from the
 * «Справочник»: exactly as it was. */
static void office_enter(Ui *u, Screen from)
{
    OfficeState *st = S(u);
    if (from == SCR_BOOK)
        return;
    st->ov = OV_NONE;
    st->focus_area = 0;
    st->sel_action = st->sel_doc = 0;
    st->desk_cols = 2;
    st->desk_scroll = 0;
    st->ans_follow = 1;
    st->ans_scroll = st->speech_scroll = 0;
    st->seen_acts = u->act_count;
    st->scene_key[0] = '\0';
    st->front_ok = 0;
}

static void office_destroy(Ui *u)
{
    gfx_layer_free(S(u)->scene);
    gfx_layer_free(S(u)->front);
    S(u)->scene = S(u)->front = NULL;
}

void ui_office_replay_view(Ui *u)
{
    OfficeState *st = S(u);
    st->ov = OV_NONE;
    st->focus_area = -1; /* a replay shows no keyboard focus */
    st->scene_key[0] = '\0';
    st->front_ok = 0;
    st->ans_scroll = st->speech_scroll = 0;
    u->nnotices = 0;
    u->animating = 0;
    u->office_frames = 1; /* straight to the layered drawing */
    u->reaction = 0;
    u->show_line = 1;
}

/* Notices are shown in training; the exam keeps quiet about scores. */
static int notices_shown(Ui *u)
{
    int exam = session_mode(u->ss) == MODE_EXAM;
    for (int i = 0; i < u->nnotices; i++)
        if (!exam || u->notices[i].info)
            return 1;
    return 0;
}

/* The notices over an open overlay: a band across the top, full width (at most two, the
 * newest first). Returns its height, measured without drawing (draw = 0) or drawn. */
static float notice_band(Ui *u, int draw)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W;
    int exam = session_mode(u->ss) == MODE_EXAM;
    float y = 6 * s, nw = W - 32 * s;
    int shown = 0;
    for (int i = 0; i < u->nnotices && shown < 2; i++) {
        Notice *no = &u->notices[i];
        if (exam && !no->info)
            continue;
        float th =
            gfx_text_box(u->g, no->text, 0, 0, nw - 28 * s, l->px_label, GF_BOLD, u->theme.text, 0);
        GRect r = {16 * s, y, nw, th + 12 * s};
        if (draw) {
            GColor edge = no->info                         ? u->theme.accent
                          : no->critical || no->points < 0 ? u->theme.bad
                                                           : u->theme.good;
            gfx_round(u->g, (GRect){r.x + 2 * s, r.y + 3 * s, r.w, r.h}, 8 * s, u->theme.shadow);
            gfx_round(u->g, r, 8 * s, u->theme.panel);
            gfx_fill(u->g, (GRect){r.x, r.y + 4 * s, 6 * s, r.h - 8 * s}, edge);
            gfx_text_box(u->g, no->text, r.x + 16 * s, r.y + 6 * s, nw - 28 * s, l->px_label,
                         GF_BOLD, u->theme.text, 1);
        }
        y += r.h + 6 * s;
        shown++;
    }
    return shown ? y : 0;
}

/* Where an overlay may go: the window below the notices' band, above the hint bar. */
static GRect overlay_area(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    float hint_h = l->hint_h;
    float top = fmaxf(0.05f * H, notice_band(u, 0) + 8 * s);
    return (GRect){0.04f * W, top, 0.92f * W, H - top - hint_h - 10 * s};
}

static void draw_hud(Ui *u)
{
    OfficeState *st = S(u);
    int exam = session_mode(u->ss) == MODE_EXAM; /* a replay shows its attempt's mode */
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W;
    const Scenario *sc = ui_scen(u);
    float h = l->hud_h;
    int px = l->px_hud;
    gfx_fill(u->g, (GRect){0, 0, W, h}, u->high_contrast ? u->theme.bg : (GColor){30, 38, 50, 255});
    GColor fg = {255, 255, 255, 255};
    float ty = (h - gfx_line_height(u->g, px, GF_BOLD)) / 2;
    char buf[256];
    snprintf(buf, sizeof buf, "%s %s · %s %d", tr(STR_UI_TICKET),
             u->in_shift ? u->shift.e[u->shift.cur].ticket : sc->office_ticket, tr(STR_UI_WINDOW),
             sc->office_window);
    float x = 16 * s;
    x += gfx_text(u->g, buf, x, ty, px, GF_BOLD, fg) + 28 * s;
    if (u->timer_on) {
        char t1[16], t2[16];
        sim_format_clock(session_minutes(u->ss), t1, sizeof t1);
        sim_format_clock(sc->time_norm, t2, sizeof t2);
        snprintf(buf, sizeof buf, "%s %s / %s", tr(STR_UI_TIME), t1, t2);
        GColor c = session_minutes(u->ss) > sc->time_norm ? (GColor){255, 170, 160, 255} : fg;
        x += gfx_text(u->g, buf, x, ty, px, GF_BOLD, c);
        if (session_minutes(u->ss) > sc->time_norm)
            x += gfx_text(u->g, tr(STR_UI_OVER_NORM), x + 8 * s, ty, px, GF_BOLD, c) + 8 * s;
        x += 28 * s;
    }
    office_mood_icon(u->g, x + 11 * s, h / 2, 11 * s, session_mood(u->ss), &u->theme);
    snprintf(buf, sizeof buf, "%s: %s", tr(STR_UI_MOOD),
             office_mood_word(session_mood(u->ss), sc->applicant.sex));
    x += 28 * s + gfx_text(u->g, buf, x + 28 * s, ty, px, GF_BOLD, fg) + 28 * s;
    if (u->in_shift && u->shift.cur < u->shift.count) {
        /* The shift: which applicant this is and how many wait, on a calm amber chip. */
        /* Room left before the score and the mode at the right. */
        char right[64];
        snprintf(right, sizeof right, "%s: 100 %s", tr(STR_UI_SCORE),
                 exam ? tr(STR_UI_MODE_EXAM) : tr(STR_UI_MODE_TRAINING));
        float room = W - 16 * s - (ui_text_w(u, right, px, GF_BOLD) + 60 * s) -
                     (ui_text_w(u, tr(STR_BOOK_BUTTON), px, GF_BOLD) + 40 * s) - x;
        int q = shift_queue(&u->shift, session_minutes(u->ss));
        snprintf(buf, sizeof buf, tr(STR_SHIFT_HUD), u->shift.cur + 1, u->shift.count, q);
        float bw = ui_text_w(u, buf, px, GF_BOLD) + 20 * s;
        if (bw > room) { /* large text: the short form */
            snprintf(buf, sizeof buf, tr(STR_SHIFT_HUD_SHORT), u->shift.cur + 1, u->shift.count, q);
            bw = ui_text_w(u, buf, px, GF_BOLD) + 20 * s;
        }
        if (bw <= room) {
            gfx_round(u->g, (GRect){x, 7 * s, bw, h - 14 * s}, 6 * s,
                      u->high_contrast ? u->theme.panel : (GColor){255, 255, 255, 34});
            gfx_text(u->g, buf, x + 10 * s, ty, px, GF_BOLD,
                     u->high_contrast ? fg : (GColor){255, 214, 140, 255});
            x += bw + 20 * s;
        }
    }
    const char *mode = exam ? tr(STR_UI_MODE_EXAM) : tr(STR_UI_MODE_TRAINING);
    float mw = ui_text_w(u, mode, px, GF_BOLD) + 20 * s;
    float rx = W - mw - 16 * s;
    if (!exam) {
        ScoreReport r;
        session_report(u->ss, &r);
        snprintf(buf, sizeof buf, "%s: %d", tr(STR_UI_SCORE), r.total);
        float bw = ui_text_w(u, buf, px, GF_BOLD);
        gfx_text(u->g, buf, rx - bw - 20 * s, ty, px, GF_BOLD, fg);
        rx -= bw + 20 * s;
    }
    /* «Справочник» (F1) and «Выйти» (Esc): the mouse's and Tab's way to what those keys do (a
     * replay has neither; the applicant's reaction has no «Выйти»). Large text on a narrow
     * window: shorter labels, the book's first, so that both still fit beside the mood. */
    st->hud_book = st->hud_leave = 0;
    const SimStr books[] = {STR_BOOK_BUTTON, STR_BOOK_HUD_SHORT, STR_BOOK_HUD_KEY};
    const SimStr leaves[] = {STR_UI_LEAVE_HUD, STR_UI_LEAVE_HUD_KEY};
    const int pairs[][2] = {{0, 0}, {1, 0}, {1, 1}, {2, 0}, {2, 1}, {0, -1}, {1, -1}, {2, -1}};
    int with_leave = !u->reaction;
    for (size_t p = 0; p < sizeof pairs / sizeof pairs[0] && st->focus_area >= 0; p++) {
        if (!with_leave && pairs[p][1] >= 0)
            continue; /* (the last three: the book alone, when even «Esc» has no room) */
        const char *book = tr(books[pairs[p][0]]);
        float bkw = ui_text_w(u, book, px, GF_BOLD) + 20 * s;
        GRect bk = {rx - bkw - 20 * s, 7 * s, bkw, h - 14 * s};
        const char *lab = pairs[p][1] >= 0 ? tr(leaves[pairs[p][1]]) : NULL;
        float lw = lab ? ui_text_w(u, lab, px, GF_BOLD) + 20 * s : 0;
        GRect lr = {bk.x - lw - 12 * s, 7 * s, lw, h - 14 * s};
        if ((lab ? lr.x : bk.x) < x - 12 * s)
            continue;
        const GRect chip[2] = {bk, lr};
        const char *text[2] = {book, lab};
        for (int c = 0; c < 2 && text[c]; c++) {
            GRect r = chip[c];
            gfx_round(u->g, r, 6 * s,
                      u->high_contrast ? u->theme.panel : (GColor){255, 255, 255, 34});
            /* (high contrast: a black chip needs an edge) */
            if (ui_hovered(u, r) || u->high_contrast)
                gfx_round_outline(u->g, r, 6 * s, (u->high_contrast ? 1.5f : 2) * s,
                                  ui_hovered(u, r) ? u->theme.accent : u->theme.panel_edge);
            if (st->focus_area == 3 + c && st->ov == OV_NONE && !u->reaction)
                gfx_round_outline(u->g, (GRect){r.x - 3 * s, r.y - 3 * s, r.w + 6 * s, r.h + 6 * s},
                                  8 * s, 2.5f * s, u->theme.focus);
            gfx_text(u->g, text[c], r.x + 10 * s, ty, px, GF_BOLD, fg);
            ui_hit(u, r, c ? HIT_OF_HUD_LEAVE : HIT_OF_HUD_BOOK, 0);
        }
        st->hud_book = 1;
        st->hud_leave = lab != NULL;
        break;
    }
    rx = W - mw - 16 * s;
    gfx_round(u->g, (GRect){rx, 7 * s, mw, h - 14 * s}, 6 * s, u->theme.accent);
    gfx_text(u->g, mode, rx + 10 * s, ty, px, GF_BOLD, u->theme.accent_text);
}

static void draw_office_front(Ui *u, float desk);

void ui_office_scene(Ui *u)
{
    OfficeState *st = S(u);
    const Layout *l = &u->l;
    const Scenario *sc = ui_scen(u);
    float enter = 1.0f;
    if (u->animating) {
        uint32_t dt = SDL_GetTicks() - u->enter_t0;
        enter = dt >= 700 ? 1.0f : (float)dt / 700.0f;
        enter = 1.0f - (1.0f - enter) * (1.0f - enter); /* ease out */
        if (dt >= 700) {
            u->animating = 0;
            /* Benchmarks replay the walk-up forever to time animated frames. */
            if (getenv("MFC_ANIMATE_LOOP")) {
                u->enter_t0 = SDL_GetTicks();
                u->animating = 1;
            }
        }
    }
    char clock[16];
    sim_format_clock(session_minutes(u->ss), clock, sizeof clock);
    OfficeView v = {.l = l,
                    .t = &u->theme,
                    .ticket = sc->office_ticket,
                    .window_no = sc->office_window,
                    .queue = sc->office_queue,
                    .minutes = session_minutes(u->ss),
                    .norm = sc->time_norm,
                    .timer_on = u->timer_on,
                    .sex = sc->applicant.sex,
                    .age = session_applicant_age(u->ss),
                    .mood = session_mood(u->ss),
                    .name = session_applicant_name(u->ss),
                    .applicant = &sc->applicant,
                    .companions = sc->companions,
                    .companion_count = sc->companion_count,
                    .enter = enter,
                    .clock_text = clock,
                    .clock_start = sc->office_clock};
    if (u->in_shift && u->shift.cur < u->shift.count && u->screen == SCR_OFFICE) {
        /* The shift's ticket, its growing queue and its own day clock. */
        v.ticket = u->shift.e[u->shift.cur].ticket;
        v.queue = shift_queue(&u->shift, session_minutes(u->ss));
        v.clock_start = SHIFT_OPENS + (int)u->shift.e[u->shift.cur].called;
    }
    /* The hall and desk change with the window, theme and the wall clock's minute: drawn into
     * a layer only then. The applicant is drawn every frame (they walk up and change face). */
    char key[128];
    snprintf(key, sizeof key, "%d:%d:%d:%d:%d:%d:%d", l->W, l->H, u->high_contrast, u->scen,
             (int)session_minutes(u->ss), u->in_shift ? u->shift.cur : -1, v.queue);
    float desk;
    if (u->office_frames++ == 0) {
        /* The very first frame is drawn straight to the screen: filling and copying two
         * full-window layers would only delay it. The layers start with the next frame. */
        desk = office_draw_back(u->g, &v);
        office_draw_person(u->g, &v);
        st->front_ok = 0;
        st->scene_key[0] = '\0';
        draw_office_front(u, desk);
        return;
    }
    /* The layer holds the hall only, down to the counter: the desk below is two fills and a
     * gradient, cheap to draw again on the frames that show it, and leaving it out saves the
     * layer's lower rows of memory (the walk-up frames redraw only the hall's band). */
    int hall_rows = (int)ceilf(l->counter_y);
    if (strcmp(key, st->scene_key) == 0 && st->scene) {
        gfx_layer_draw(u->g, st->scene);
        desk = u->anim_frame && gfx_keeps_frame(u->g) ? st->scene_desk : office_draw_desk(u->g, &v);
    } else if (gfx_layer_begin(u->g, &st->scene, 0, hall_rows)) {
        office_draw_hall(u->g, &v);
        gfx_layer_end(u->g);
        gfx_layer_draw(u->g, st->scene);
        desk = office_draw_desk(u->g, &v);
        snprintf(st->scene_key, sizeof st->scene_key, "%s", key);
        st->scene_desk = desk;
    } else {
        desk = office_draw_back(u->g, &v);
    }
    office_draw_person(u->g, &v);
    /* Everything in front: when only the animation moved, reuse the last drawing and its
     * mouse regions (nothing before it adds regions, so they are still in u->hits). */
    int reusable = u->anim_frame && st->ov == OV_NONE && u->screen == SCR_OFFICE;
    if (reusable && st->front_ok) {
        gfx_layer_draw(u->g, st->front);
        u->nhits = st->front_nhits;
        return;
    }
    /* Only an animation frame keeps the front in a layer for the next ones; any other frame
     * draws it straight to the screen. When the renderer keeps the last frame, an animation
     * frame redraws only the hall's band, so the layer needs only the rows down to the counter
     * (less than 60 % of a full-window layer's memory). */
    int front_rows = gfx_keeps_frame(u->g) ? (int)ceilf(l->counter_y) : 0;
    int layered = reusable && gfx_layer_begin(u->g, &st->front, 1, front_rows);
    st->front_ok = 0;
    draw_office_front(u, desk);
    if (layered) {
        gfx_layer_end(u->g);
        gfx_layer_draw(u->g, st->front);
        st->front_ok = 1;
        st->front_nhits = u->nhits;
    }
}

/* An answer as the menu shows it: its number, its text, and a mark when it ends the visit. */
static void answer_line(char *out, size_t n, size_t i, const Action *a)
{
    if (action_is_final(a))
        snprintf(out, n, "%zu. %s  [%s]", i + 1, a->text, tr(STR_FINAL_MARK));
    else
        snprintf(out, n, "%zu. %s", i + 1, a->text);
}

/* After the last answer: what the reception ended with and the way on to the debrief. */
static void draw_reaction(Ui *u, GRect dp)
{
    const Layout *l = &u->l;
    float s = l->s;
    const Ending *en = session_ending(u->ss);
    float x = dp.x + 18 * s, y = dp.y + 10 * s, w = dp.w - 36 * s;
    gfx_text(u->g, tr(STR_UI_VISIT_OVER), x, y, l->px_label, GF_BOLD, u->theme.text_dim);
    y += l->px_label * 1.5f;
    if (en)
        y += gfx_text_box(u->g, en->title, x, y, w, l->px_body, GF_BOLD, u->theme.text, 1) + 12 * s;
    float by = fminf(y, dp.y + dp.h - (float)l->px_body * 2.6f);
    ui_button(u, x, by, tr(STR_UI_TO_DEBRIEF), 1, 1, HIT_OF_REACTION, 0);
}

/* The applicant's words in a bubble beside them, over the hall: at the chosen text size (or
 * the dialogue size when it fits), scrolled by the wheel or PgUp/PgDn when they are long. */
static void draw_speech(Ui *u, float desk, const Step *step)
{
    OfficeState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W;
    SimBuf speech;
    simbuf_init(&speech);
    const char *reply = session_last_reply(u->ss);
    if (reply && *reply)
        simbuf_printf(&speech, "«%s»", reply);
    const char *line = session_line(u->ss);
    if (step && (u->show_line || !reply) && line && *line)
        simbuf_printf(&speech, "%s«%s»", speech.len ? "\n" : "", line);
    const char *does = step && u->show_line ? step->does : NULL;
    /* Large text: the bubble may rise over the queue board to keep the words whole. */
    float btop = l->ts / l->s > 1.2f ? l->hud_h + 12 * s : 186 * s;
    GRect b = {W * 0.535f, btop, W * 0.45f, desk - btop - 20 * s};
    float bw = b.w - 36 * s;
    float lh = (float)gfx_line_height(u->g, l->px_label, GF_BOLD) + 6 * s;
    float nh =
        does ? gfx_text_box(u->g, does, 0, 0, bw, l->px_small, GF_REGULAR, u->theme.text_dim, 0) +
                   6 * s
             : 0;
    int px = l->px_dialog;
    float th = gfx_text_box(u->g, simbuf_str(&speech), 0, 0, bw, px, GF_REGULAR, u->theme.text, 0);
    if (lh + nh + th + 28 * s > b.h) { /* the body size, never smaller */
        px = l->px_body;
        th = gfx_text_box(u->g, simbuf_str(&speech), 0, 0, bw, px, GF_REGULAR, u->theme.text, 0);
    }
    if (lh + nh + th + 28 * s > b.h) { /* it will scroll: room for ▲ ▼ beside the words */
        bw -= ui_text_w(u, "▼", l->px_label, GF_BOLD) + 10 * s;
        th = gfx_text_box(u->g, simbuf_str(&speech), 0, 0, bw, px, GF_REGULAR, u->theme.text, 0);
    }
    b.h = fminf(b.h, lh + nh + th + 28 * s); /* anchored at the top, by the head */
    st->bubble = b;
    float ax = 0.45f * W + 40 * s, ay = l->counter_y - 200 * s;
    float tail[6] = {b.x + 2 * s, b.y + b.h * 0.35f, b.x + 2 * s, b.y + b.h * 0.35f + 30 * s, ax,
                     ay};
    gfx_poly(u->g, tail, 3, u->theme.panel);
    ui_panel(u, b);
    gfx_fill(u->g, (GRect){b.x + 1 * s, b.y + b.h * 0.35f + 2 * s, 3 * s, 26 * s}, u->theme.panel);
    float y = b.y + 12 * s;
    gfx_text(u->g, session_applicant_name(u->ss), b.x + 18 * s, y, l->px_label, GF_BOLD,
             u->theme.accent);
    y += lh;
    if (does)
        y += gfx_text_box(u->g, does, b.x + 18 * s, y, bw, l->px_small, GF_REGULAR,
                          u->theme.text_dim, 1) +
             6 * s;
    GRect view = {b.x + 4 * s, y, b.w - 8 * s, b.y + b.h - 10 * s - y};
    st->speech_content = th;
    st->speech_view = view.h;
    st->speech_scroll = fmaxf(0, fminf(st->speech_scroll, fmaxf(0, th - view.h)));
    gfx_clip(u->g, &view);
    gfx_text_box(u->g, simbuf_str(&speech), b.x + 18 * s, y - st->speech_scroll, bw, px, GF_REGULAR,
                 u->theme.text, 1);
    gfx_clip(u->g, NULL);
    if (th > view.h + 1) { /* more words than the bubble holds: say which way */
        if (st->speech_scroll > 0)
            gfx_text(u->g, "▲", b.x + b.w - 26 * s, b.y + 10 * s, l->px_label, GF_BOLD,
                     u->theme.text_dim);
        if (st->speech_scroll < th - view.h - 1)
            gfx_text(u->g, "▼", b.x + b.w - 26 * s, b.y + b.h - 10 * s - lh, l->px_label, GF_BOLD,
                     u->theme.text_dim);
    }
    simbuf_free(&speech);
}

/* The trainee's answers in the dialogue panel on the desk: a list that scrolls (wheel, ▲ ▼,
 * or following the keyboard focus); only the visible part of an answer takes clicks. */
static void draw_answers(Ui *u, GRect dp, const Step *step)
{
    OfficeState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s;
    float x = dp.x + 18 * s, y = dp.y + 10 * s, w = dp.w - 36 * s;
    if (u->reaction) {
        draw_reaction(u, dp);
        return;
    }
    if (st->seen_acts != u->act_count) { /* a new step: its first answer, from the top */
        st->seen_acts = u->act_count;
        st->sel_action = 0;
        st->ans_scroll = 0;
    }
    gfx_text(u->g, tr(STR_UI_YOUR_ANSWER), x, y, l->px_label, GF_BOLD, u->theme.text_dim);
    y += gfx_line_height(u->g, l->px_label, GF_BOLD) + 6 * s;
    int offered[64];
    size_t n = session_menu(u->ss, offered, 64);
    if (st->sel_action >= (int)n)
        st->sel_action = n ? (int)n - 1 : 0;
    float tops[65];
    float arrow_w = ui_text_w(u, "▼", l->px_body, GF_BOLD) + 16 * s;
    tops[0] = 0;
    for (size_t i = 0; i < n && step; i++) {
        char line[2048];
        answer_line(line, sizeof line, i, &step->actions[offered[i]]);
        tops[i + 1] = tops[i] +
                      gfx_text_box(u->g, line, 0, 0, w - 16 * s - arrow_w, l->px_body, GF_BOLD,
                                   u->theme.text, 0) +
                      12 * s;
    }
    GRect view = {dp.x + 4 * s, y, dp.w - 8 * s, dp.y + dp.h - 6 * s - y};
    st->ans_panel = dp;
    st->ans_content = n ? tops[n] : 0;
    st->ans_view = view.h;
    if (n && st->focus_area == 0 && st->ov == OV_NONE && st->ans_follow) {
        /* Keep the focused answer in view. */
        float t0 = tops[st->sel_action], t1 = tops[st->sel_action + 1];
        if (t1 - st->ans_scroll > view.h)
            st->ans_scroll = t1 - view.h;
        if (t0 < st->ans_scroll)
            st->ans_scroll = t0;
        st->ans_follow = 0;
    }
    st->ans_scroll = fmaxf(0, fminf(st->ans_scroll, fmaxf(0, st->ans_content - view.h)));
    gfx_clip(u->g, &view);
    for (size_t i = 0; i < n && step; i++) {
        float ty = y + tops[i] - st->ans_scroll, hgt = tops[i + 1] - tops[i];
        if (ty + hgt < view.y || ty > view.y + view.h)
            continue;
        char line[2048];
        answer_line(line, sizeof line, i, &step->actions[offered[i]]);
        int focus = st->focus_area == 0 && (int)i == st->sel_action && st->ov == OV_NONE;
        GRect r = {x - 6 * s, ty, w + 12 * s - arrow_w, hgt - 4 * s};
        if (focus)
            gfx_round(u->g, r, 6 * s, (GColor){11, 92, 173, u->high_contrast ? 80 : 28});
        else if (ui_hovered(u, r))
            gfx_round(u->g, r, 6 * s, (GColor){11, 92, 173, 14});
        gfx_text_box(u->g, line, x + 2 * s, ty + 4 * s, w - 16 * s - arrow_w, l->px_body,
                     focus ? GF_BOLD : GF_REGULAR, u->theme.text, 1);
        if (focus)
            gfx_round_outline(u->g, r, 6 * s, 2.5f * s, u->theme.focus);
        /* Only the part in view takes clicks. */
        GRect hr = r;
        if (hr.y < view.y)
            hr.h -= view.y - hr.y, hr.y = view.y;
        if (hr.y + hr.h > view.y + view.h)
            hr.h = view.y + view.h - hr.y;
        if (hr.h > 0)
            ui_hit(u, hr, HIT_OF_ACTION, (int)i);
    }
    gfx_clip(u->g, NULL);
    /* ▲ and ▼ scroll the list: their own regions, beside the answers, never on one. */
    if (st->ans_content > view.h + 1) {
        float bh = gfx_line_height(u->g, l->px_body, GF_BOLD) + 12 * s;
        GRect up = {dp.x + dp.w - arrow_w - 8 * s, view.y, arrow_w, bh};
        GRect down = {up.x, view.y + view.h - bh, arrow_w, bh};
        int can_up = st->ans_scroll > 0, can_down = st->ans_scroll < st->ans_content - view.h - 1;
        GRect arrows[2] = {up, down};
        const char *glyph[2] = {"▲", "▼"};
        int on[2] = {can_up, can_down};
        for (int i = 0; i < 2; i++) {
            gfx_round(u->g, arrows[i], 6 * s, u->theme.bg);
            if (ui_hovered(u, arrows[i]) && on[i])
                gfx_round_outline(u->g, arrows[i], 6 * s, 2 * s, u->theme.accent);
            gfx_text(u->g, glyph[i], arrows[i].x + 8 * s, arrows[i].y + 6 * s, l->px_body, GF_BOLD,
                     on[i] ? u->theme.text : u->theme.text_dim);
            ui_hit(u, arrows[i], i ? HIT_OF_ANS_DOWN : HIT_OF_ANS_UP, 0);
        }
    }
}

static int desk_docs(Ui *u, int *map, int max)
{
    int n = 0;
    const Scenario *sc = ui_scen(u);
    for (size_t d = 0; d < sc->document_count && n < max; d++)
        if (session_doc_on_desk(u->ss, (int)d))
            map[n++] = (int)d;
    return n;
}

/* A document's short name for a small card: the title's first word, with its closing
 * «(…)» when it has one («Паспорт гражданина РФ (Марат)» → «Паспорт (Марат)»). */
static void doc_short_name(const char *title, char *out, size_t n)
{
    size_t first = strcspn(title, " ");
    size_t len = strlen(title);
    const char *paren = strrchr(title, '(');
    if (paren && paren > title + first && len && title[len - 1] == ')')
        snprintf(out, n, "%.*s %s", (int)first, title, paren);
    else
        snprintf(out, n, "%.*s", (int)first, title);
}

/* The cards on the desk, laid out once a frame and used to draw, to click and to move the
 * focus: each label at the text size's own size, wrapped at spaces only. The first of these
 * that fits the desk wins: full titles in two columns, in one, in one with the marks beside the
 * label; then the short names the same three ways; else the last of them scrolls. */
#define DESK_MAX 64
typedef struct DeskLayout {
    int n, cols, compact, px;
    float s, cw, ch, gap, stagger, content_h;
    GRect area;
    char label[DESK_MAX][200];
} DeskLayout;

/* The width the desk needs at least (the short names' widest word in one column). */
static float desk_layout(Ui *u, GRect area, DeskLayout *dl)
{
    const Layout *l = &u->l;
    float s = l->s;
    const Scenario *sc = ui_scen(u);
    int map[DESK_MAX];
    dl->n = desk_docs(u, map, DESK_MAX);
    dl->px = l->px_small;
    dl->s = s;
    dl->gap = 10 * s;
    dl->area = area;
    float need = 0;
    for (int pass = 0; pass < 6; pass++) {
        int shortn = pass >= 3, cols = pass % 3 == 0 ? 2 : 1, compact = pass % 3 == 2;
        float minw = 124 * s;
        for (int i = 0; i < dl->n; i++) {
            const char *title = sc->documents[map[i]].title;
            if (shortn)
                doc_short_name(title, dl->label[i], sizeof dl->label[i]);
            else
                snprintf(dl->label[i], sizeof dl->label[i], "%s", title);
            minw = fmaxf(minw, doc_card_min_width(u->g, l, dl->label[i], dl->px, compact));
        }
        if (pass == 5)
            need = minw;
        float stagger = cols == 2 ? 8 * s : 0;
        float cw = cols == 2 ? minw : fmaxf(minw, area.w);
        if (cols * cw + (cols - 1) * 12 * s + stagger > area.w + 0.5f && pass < 5)
            continue;
        float ch = compact ? 0 : 86 * s;
        for (int i = 0; i < dl->n; i++)
            ch = fmaxf(ch, doc_card_height(u->g, l, dl->label[i], dl->px, cw, compact));
        int rows = (dl->n + cols - 1) / cols;
        dl->cols = cols;
        dl->compact = compact;
        dl->cw = cw;
        dl->ch = ch;
        dl->stagger = stagger;
        dl->content_h = rows * ch + (rows > 0 ? rows - 1 : 0) * dl->gap + 6 * s;
        if (dl->content_h <= area.h || pass == 5)
            break;
    }
    return need;
}

static GRect desk_card_rect(const DeskLayout *dl, int k, float scroll)
{
    float s = dl->s;
    return (GRect){dl->area.x + (k % dl->cols) * (dl->cw + 12 * s) +
                       (k / dl->cols % 2) * dl->stagger,
                   dl->area.y + (k / dl->cols) * (dl->ch + dl->gap) - scroll, dl->cw, dl->ch};
}

static void draw_office_front(Ui *u, float desk)
{
    OfficeState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    const Scenario *sc = ui_scen(u);
    draw_hud(u);
    int stp = session_step_index(u->ss);
    const Step *step = stp >= 0 && !u->reaction ? &sc->steps[stp] : NULL;
    draw_speech(u, desk, stp >= 0 ? &sc->steps[stp] : NULL);
    float hint_h = l->hint_h;
    GRect dp = {16 * s, desk + 10 * s, W * 0.58f, H - desk - 20 * s - hint_h};
    /* The desk between the answers and the PC; when even one column of short names is wider
     * than that (large text, a small window), the answers give up the width. */
    float mon_x = W - 230 * s;
    float dy0 = desk + 14 * s;
    GRect area = {dp.x + dp.w + 20 * s, dy0, mon_x - 4 * s - (dp.x + dp.w + 20 * s),
                  H - hint_h - 14 * s - dy0};
    DeskLayout dl;
    float need = desk_layout(u, area, &dl);
    if (need > area.w) {
        dp.w -= need - area.w;
        area.x -= need - area.w;
        area.w = need;
        desk_layout(u, area, &dl);
    }
    ui_panel(u, dp);
    draw_answers(u, dp, step);

    /* Documents on the desk: the list scrolls when even the compact cards do not fit. */
    st->desk_cols = dl.cols;
    st->desk_extra = fmaxf(0, dl.content_h - area.h);
    st->desk_view = area;
    if (st->focus_area == 1 && st->desk_extra > 0 && st->sel_doc < dl.n) {
        GRect fr = desk_card_rect(&dl, st->sel_doc, 0);
        if (fr.y + fr.h + 6 * s - st->desk_scroll > area.y + area.h)
            st->desk_scroll = fr.y + fr.h + 6 * s - (area.y + area.h);
        if (fr.y - 4 * s - st->desk_scroll < area.y)
            st->desk_scroll = fr.y - 4 * s - area.y;
    }
    st->desk_scroll = fmaxf(0, fminf(st->desk_scroll, st->desk_extra));
    GRect view = {area.x - 4 * s, area.y - 4 * s, area.w + 8 * s, area.h + 8 * s};
    if (st->desk_extra > 0)
        gfx_clip(u->g, &view);
    int k = 0;
    for (size_t d = 0; d < sc->document_count && k < dl.n; d++) {
        if (!session_doc_on_desk(u->ss, (int)d))
            continue;
        int flagged = 0;
        for (size_t f = 0; f < sc->documents[d].field_count; f++)
            flagged += session_flag_reason(u->ss, (int)d, (int)f) >= 0;
        GRect r = desk_card_rect(&dl, k, st->desk_scroll);
        doc_card(u->g, l, &u->theme, &sc->documents[d], dl.label[k], dl.px, dl.compact, r,
                 st->focus_area == 1 && st->sel_doc == k && st->ov == OV_NONE,
                 session_doc_inspected(u->ss, (int)d), flagged);
        float y0 = fmaxf(r.y, view.y), y1 = fminf(r.y + r.h, view.y + view.h);
        if (y1 > y0)
            ui_hit(u, (GRect){r.x, y0, r.w, y1 - y0}, HIT_OF_DESK_DOC, k);
        k++;
    }
    if (st->desk_extra > 0) {
        gfx_clip(u->g, NULL);
        /* A thin bar at the desk's right edge: there are more cards than show. */
        float frac = area.h / dl.content_h;
        gfx_round(u->g,
                  (GRect){area.x + area.w + 1 * s, area.y + st->desk_scroll * frac, 3 * s,
                          area.h * frac},
                  1.5f * s, u->theme.text);
    }
    float dx0 = area.x, cw = 124 * s;
    if (k == 0) {
        /* On the desk's wood: full-strength text (the dimmed grey is too faint there). */
        GRect note = {dx0, dy0, 2 * cw, 0};
        note.h = gfx_text_box(u->g, tr(STR_UI_NO_DOCS), 0, 0, note.w - 20 * s, l->px_label,
                              GF_REGULAR, u->theme.text, 0) +
                 16 * s;
        gfx_round(u->g, note, 6 * s, u->theme.panel);
        gfx_text_box(u->g, tr(STR_UI_NO_DOCS), note.x + 10 * s, note.y + 8 * s, note.w - 20 * s,
                     l->px_label, GF_REGULAR, u->theme.text, 1);
    }

    /* The office PC: its screen is always light, so its labels use dark ink in both themes. */
    GRect mon = {W - 230 * s, desk + 14 * s, 214 * s, 150 * s};
    gfx_fill(u->g, (GRect){mon.x + mon.w / 2 - 12 * s, mon.y + mon.h, 24 * s, 26 * s},
             (GColor){60, 64, 70, 255});
    gfx_round(u->g, (GRect){mon.x + mon.w / 2 - 50 * s, mon.y + mon.h + 22 * s, 100 * s, 10 * s},
              4 * s, (GColor){60, 64, 70, 255});
    gfx_round(u->g, mon, 8 * s, (GColor){34, 38, 44, 255});
    GRect scr = {mon.x + 8 * s, mon.y + 8 * s, mon.w - 16 * s, mon.h - 16 * s};
    GColor pc_ink = {25, 30, 40, 255}, pc_blue = {11, 92, 173, 255};
    gfx_fill(u->g, scr, (GColor){232, 240, 250, 255});
    /* The monitor is part of the scene: its labels follow the text size only so far. */
    int mpx = l->px_small < (int)(13 * s * 1.25f) ? l->px_small : (int)(13 * s * 1.25f);
    float bar_h = gfx_line_height(u->g, mpx, GF_BOLD) + 4 * s;
    gfx_fill(u->g, (GRect){scr.x, scr.y, scr.w, bar_h}, pc_blue);
    gfx_clip(u->g, &scr);
    gfx_text(u->g, tr(STR_UI_PC_TITLE), scr.x + 6 * s, scr.y + 2 * s, mpx, GF_BOLD,
             (GColor){255, 255, 255, 255});
    int svc = session_service(u->ss);
    gfx_text_box(u->g, svc >= 0 ? sc->services[svc].title : tr(STR_UI_NO_SERVICE), scr.x + 6 * s,
                 scr.y + bar_h + 4 * s, scr.w - 12 * s, mpx, GF_REGULAR, pc_ink, 1);
    gfx_text(u->g, tr(STR_UI_PC_OPEN), scr.x + 6 * s, scr.y + scr.h - mpx * 1.5f, mpx, GF_BOLD,
             pc_blue);
    gfx_clip(u->g, NULL);
    if (ui_hovered(u, mon))
        gfx_round_outline(u->g, mon, 8 * s, 2.5f * s, u->theme.focus);
    ui_hit(u, mon, HIT_OF_PC, 0);
    ui_hint(u, u->reaction ? tr(STR_UI_HINT_REACTION) : tr(STR_UI_HINT_OFFICE));
}

/* Training notices: over the hall's lower left when nothing is open, else in a band above the
 * open overlay (overlay_area leaves it free) — never under it. */
static void draw_notices(Ui *u)
{
    OfficeState *st = S(u);
    if (!notices_shown(u))
        return;
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W;
    int exam = session_mode(u->ss) == MODE_EXAM;
    float nx = 16 * s, ny = l->hud_h + 12 * s, nw = W * 0.34f;
    float bottom = st->ans_panel.y - 8 * s;
    if (st->ov != OV_NONE && st->ov != OV_LEAVE) {
        notice_band(u, 1); /* above the overlay, which starts below the band */
        return;
    }
    for (int i = 0; i < u->nnotices; i++) {
        Notice *no = &u->notices[i];
        if (exam && !no->info)
            continue;
        float th =
            gfx_text_box(u->g, no->text, 0, 0, nw - 28 * s, l->px_label, GF_BOLD, u->theme.text, 0);
        if (ny + th + 12 * s > bottom)
            break;
        GRect r = {nx, ny, nw, th + 12 * s};
        ny += th + 20 * s;
        GColor edge = no->info                         ? u->theme.accent
                      : no->critical || no->points < 0 ? u->theme.bad
                                                       : u->theme.good;
        gfx_round(u->g, (GRect){r.x + 2 * s, r.y + 3 * s, r.w, r.h}, 8 * s, u->theme.shadow);
        gfx_round(u->g, r, 8 * s, u->theme.panel);
        gfx_panel_mark(u->g, r);
        gfx_fill(u->g, (GRect){r.x, r.y + 4 * s, 6 * s, r.h - 8 * s}, edge);
        gfx_text_box(u->g, no->text, r.x + 16 * s, r.y + 6 * s, nw - 28 * s, l->px_label, GF_BOLD,
                     u->theme.text, 1);
    }
}

static void open_doc(Ui *u, int desk_index)
{
    OfficeState *st = S(u);
    int map[64];
    int n = desk_docs(u, map, 64);
    if (desk_index < 0 || desk_index >= n)
        return;
    int d = map[desk_index];
    if (!session_doc_inspected(u->ss, d)) {
        char id[200];
        snprintf(id, sizeof id, "inspect:%s", ui_scen(u)->documents[d].id);
        ui_act(u, id);
        if (u->screen != SCR_OFFICE)
            return;
    }
    st->ov = OV_DOC;
    st->ov_doc = d;
    st->ov_doc2 = -1;
    int order[128];
    st->ov_field = doc_field_order(&ui_scen(u)->documents[d], order, 128) ? order[0] : 0;
    st->compare_pick = 0;
    st->doc_button = 0;
    st->doc_scroll = 0;
    u->dirty = 1;
}

/* The documents the compare picker offers: those on the desk but the open one. */
static int compare_choices(Ui *u, int *map, int max)
{
    OfficeState *st = S(u);
    int all[64], n = desk_docs(u, all, 64), k = 0;
    for (int i = 0; i < n && k < max; i++)
        if (all[i] != st->ov_doc)
            map[k++] = all[i];
    return k;
}

static void draw_doc_overlay(Ui *u)
{
    OfficeState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s;
    ui_dim(u);
    GRect full = overlay_area(u);
    float btn_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    GRect area = {full.x, full.y, full.w, full.h - btn_h - 12 * s};
    ui_hit(u, full, HIT_OF_PANEL, 0);
    DocFieldBox boxes[128];
    /* Large text: the page is laid out taller than the window and scrolls (the wheel, or the
     * keyboard focus moving down the fields); only what shows takes clicks. */
    float k = l->ts / l->s;
    GRect view = area;
    st->doc_extra = k > 1.3f ? area.h * (k - 1.0f) * 1.2f : 0;
    /* Comparing at large text: half a window is too narrow for the page's words, so the second
     * document goes under the first, full width, and the scroll reaches both. */
    int stacked = st->ov_doc2 >= 0 && k > 1.3f;
    float page_h = area.h + st->doc_extra;
    if (stacked)
        st->doc_extra += page_h + 20 * s;
    st->doc_scroll = fmaxf(0, fminf(st->doc_scroll, st->doc_extra));
    GRect page = {area.x, area.y - st->doc_scroll, area.w, page_h};
    gfx_clip_base(u->g, &view);
    if (stacked) {
        GRect a2 = page;
        a2.y = page.y + page_h + 20 * s;
        doc_draw(u->g, l, &u->theme, u->ss, st->ov_doc2, a2, -1, boxes, 0);
    } else if (st->ov_doc2 >= 0) {
        GRect a2 = page;
        page.w = page.w / 2 - 10 * s;
        a2.x = page.x + page.w + 20 * s;
        a2.w = page.w;
        doc_draw(u->g, l, &u->theme, u->ss, st->ov_doc2, a2, -1, boxes, 0);
    }
    size_t nb = doc_draw(u->g, l, &u->theme, u->ss, st->ov_doc, page, st->ov_field, boxes, 128);
    gfx_clip_base(u->g, NULL);
    for (size_t i = 0; i < nb; i++) {
        GRect r = boxes[i].r;
        if (boxes[i].field == st->ov_field && st->doc_extra > 0) {
            /* The focused field in view (the next frame scrolls there). */
            float d = 0;
            if (r.y + r.h > view.y + view.h)
                d = r.y + r.h - (view.y + view.h) + 8 * s;
            if (r.y < view.y)
                d = r.y - view.y - 8 * s;
            if (d != 0) {
                st->doc_scroll = fmaxf(0, fminf(st->doc_scroll + d, st->doc_extra));
                u->dirty = 1;
            }
        }
        float y0 = fmaxf(r.y, view.y), y1 = fminf(r.y + r.h, view.y + view.h);
        if (y1 > y0)
            ui_hit(u, (GRect){r.x, y0, r.w, y1 - y0}, HIT_OF_FIELD, boxes[i].field);
    }
    /* The same as C and Esc, for the mouse. */
    float by = full.y + full.h - btn_h;
    GRect b = ui_button(u, full.x, by,
                        st->ov_doc2 >= 0 ? tr(STR_UI_COMPARE_END) : tr(STR_UI_COMPARE_BUTTON), 0,
                        st->doc_button == 1, HIT_OF_DOC_COMPARE, 0);
    ui_button(u, b.x + b.w + 14 * s, by, tr(STR_UI_CLOSE_DOC), 0, st->doc_button == 2,
              HIT_OF_DOC_CLOSE, 0);
    if (st->compare_pick) {
        int map[64];
        int n = compare_choices(u, map, 64);
        float rowh = gfx_line_height(u->g, l->px_body, GF_REGULAR) + 14 * s;
        float pw = fminf(full.w, fmaxf(0.4f * l->W, 600 * l->ts));
        float ph = 20 * s + gfx_line_height(u->g, l->px_body, GF_BOLD) + 10 * s + n * rowh + btn_h +
                   30 * s;
        GRect p = {full.x + (full.w - pw) / 2, full.y + fmaxf(0, (full.h - ph) / 2), pw,
                   fminf(ph, full.h)};
        ui_panel(u, p);
        ui_hit(u, p, HIT_OF_PANEL, 0);
        float y = p.y + 16 * s;
        y += gfx_text_box(u->g, tr(STR_UI_COMPARE_WITH), p.x + 20 * s, y, p.w - 40 * s, l->px_body,
                          GF_BOLD, u->theme.text, 1) +
             10 * s;
        for (int i = 0; i < n; i++) {
            char line[300];
            snprintf(line, sizeof line, "%d. %s", i + 1, ui_scen(u)->documents[map[i]].title);
            GRect r = {p.x + 14 * s, y, p.w - 28 * s, rowh - 4 * s};
            if (ui_hovered(u, r) || st->compare_focus == i)
                gfx_round(u->g, r, 6 * s, (GColor){11, 92, 173, 20});
            if (st->compare_focus == i)
                gfx_round_outline(u->g, r, 6 * s, 2.5f * s, u->theme.focus);
            GRect c = r;
            gfx_clip(u->g, &c);
            gfx_text(u->g, line, r.x + 6 * s, r.y + 5 * s, l->px_body, GF_REGULAR, u->theme.text);
            gfx_clip(u->g, NULL);
            ui_hit(u, r, HIT_OF_COMPARE, i);
            y += rowh;
        }
        ui_button(u, p.x + 20 * s, p.y + p.h - btn_h - 14 * s, tr(STR_UI_CANCEL), 0,
                  st->compare_focus >= n, HIT_OF_COMPARE_CANCEL, 0);
    }
    ui_hint(u, tr(STR_UI_HINT_DOC));
}

static void draw_reason_overlay(Ui *u)
{
    OfficeState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s;
    ui_dim(u);
    const Document *d = &ui_scen(u)->documents[st->ov_doc];
    GRect full = overlay_area(u);
    float rowh = gfx_line_height(u->g, l->px_body, GF_BOLD) + 12 * s;
    float btn_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    float pw = fminf(full.w, fmaxf(0.5f * l->W, 560 * l->ts));
    char title[400];
    snprintf(title, sizeof title, tr(STR_UI_FLAG_TITLE), d->fields[st->ov_field].label, d->title);
    float th = gfx_text_box(u->g, title, 0, 0, pw - 40 * s, l->px_body, GF_BOLD, u->theme.text, 0);
    float want = 16 * s + th + 10 * s + rowh * REASON_COUNT + btn_h + 30 * s;
    GRect p = {full.x + (full.w - pw) / 2, full.y, pw, fminf(want, full.h)};
    ui_panel(u, p);
    ui_hit(u, p, HIT_OF_PANEL, 0);
    float y = p.y + 16 * s;
    y += gfx_text_box(u->g, title, p.x + 20 * s, y, p.w - 40 * s, l->px_body, GF_BOLD,
                      u->theme.text, 1) +
         10 * s;
    /* The reasons scroll when the text is large: the focused one stays in view. */
    GRect view = {p.x + 4 * s, y, p.w - 8 * s, p.y + p.h - btn_h - 24 * s - y};
    st->reason_view = view.h;
    st->reason_row = rowh;
    float top = st->ov_reason * rowh, content = REASON_COUNT * rowh;
    if (top + rowh - st->reason_scroll > view.h)
        st->reason_scroll = top + rowh - view.h;
    if (top < st->reason_scroll)
        st->reason_scroll = top;
    st->reason_scroll = fmaxf(0, fminf(st->reason_scroll, fmaxf(0, content - view.h)));
    gfx_clip(u->g, &view);
    for (int r = 0; r < REASON_COUNT; r++) {
        char line[200];
        snprintf(line, sizeof line, "%d. %s", r + 1, reason_title((FlagReason)r));
        GRect rr = {p.x + 14 * s, y + r * rowh - st->reason_scroll, p.w - 28 * s, rowh - 4 * s};
        if (rr.y + rr.h < view.y || rr.y > view.y + view.h)
            continue;
        if (r == st->ov_reason) {
            gfx_round(u->g, rr, 6 * s, (GColor){11, 92, 173, 30});
            if (!st->reason_btn)
                gfx_round_outline(u->g, rr, 6 * s, 2.5f * s, u->theme.focus);
        } else if (ui_hovered(u, rr)) {
            gfx_round(u->g, rr, 6 * s, (GColor){11, 92, 173, 14});
        }
        gfx_text(u->g, line, rr.x + 8 * s, rr.y + 6 * s, l->px_body,
                 r == st->ov_reason ? GF_BOLD : GF_REGULAR, u->theme.text);
        GRect hr = rr;
        if (hr.y < view.y)
            hr.h -= view.y - hr.y, hr.y = view.y;
        if (hr.y + hr.h > view.y + view.h)
            hr.h = view.y + view.h - hr.y;
        ui_hit(u, hr, HIT_OF_REASON, r);
    }
    gfx_clip(u->g, NULL);
    if (content > view.h + 1) {
        if (st->reason_scroll > 0)
            gfx_text(u->g, "▲", p.x + p.w - 30 * s, view.y - rowh * 0.8f, l->px_label, GF_BOLD,
                     u->theme.text_dim);
        if (st->reason_scroll < content - view.h - 1)
            gfx_text(u->g, "▼", p.x + p.w - 30 * s, view.y + view.h + 2 * s, l->px_label, GF_BOLD,
                     u->theme.text_dim);
    }
    GRect b = ui_button(u, p.x + 20 * s, p.y + p.h - btn_h - 14 * s, tr(STR_UI_FLAG_BUTTON), 1,
                        st->reason_btn == 1, HIT_OF_REASON, -1);
    ui_button(u, b.x + b.w + 14 * s, b.y, tr(STR_UI_CANCEL), 0, st->reason_btn == 2,
              HIT_OF_REASON_CANCEL, 0);
    ui_hint(u, tr(STR_UI_HINT_REASON));
}

static void draw_pc_overlay(Ui *u)
{
    OfficeState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s;
    const Scenario *sc = ui_scen(u);
    ui_dim(u);
    GRect full = overlay_area(u);
    GRect p = {full.x + 12 * s, full.y + 12 * s, full.w - 24 * s, full.h - 24 * s};
    gfx_round(u->g, (GRect){p.x - 12 * s, p.y - 12 * s, p.w + 24 * s, p.h + 24 * s}, 14 * s,
              (GColor){34, 38, 44, 255});
    /* The program's screen is light in both themes: dark ink, a dark blue for its accents. */
    GColor ink = {25, 30, 40, 255}, blue = {11, 92, 173, 255}, paper = {240, 245, 252, 255};
    gfx_fill(u->g, p, paper);
    gfx_panel_mark(u->g, p);
    ui_hit(u, p, HIT_OF_PANEL, 0);
    float bar_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 14 * s;
    gfx_fill(u->g, (GRect){p.x, p.y, p.w, bar_h}, blue);
    const char *lab = tr(STR_BOOK_PC_TAB);
    float tw = ui_text_w(u, lab, l->px_label, GF_BOLD) + 24 * s;
    GRect tab = {p.x + p.w - tw - 8 * s, p.y + 5 * s, tw, bar_h - 10 * s};
    GRect title = {p.x, p.y, tab.x - p.x - 8 * s, bar_h};
    gfx_clip(u->g, &title);
    gfx_text(u->g, tr(STR_UI_PC_TITLE_FULL), p.x + 14 * s, p.y + 7 * s, l->px_body, GF_BOLD,
             (GColor){255, 255, 255, 255});
    gfx_clip(u->g, NULL);
    /* The «Справочник» tab of the office program: white, with the dark blue text. */
    int hov = ui_hovered(u, tab);
    gfx_round(u->g, tab, 5 * s, (GColor){255, 255, 255, 255});
    if (hov || st->pc_focus == 1)
        gfx_round_outline(u->g, tab, 5 * s, (st->pc_focus == 1 ? 3 : 2) * s,
                          (GColor){224, 138, 0, 255});
    gfx_text(u->g, lab, tab.x + 12 * s,
             tab.y + (tab.h - gfx_line_height(u->g, l->px_label, GF_BOLD)) / 2, l->px_label,
             GF_BOLD, blue);
    ui_hit(u, tab, HIT_OF_BOOK, 0);
    float btn_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    float y = p.y + bar_h + 12 * s, lw = p.w * 0.46f;
    float list_bottom = p.y + p.h - btn_h - 20 * s;
    int chosen = session_service(u->ss);
    /* The numbers' column is as wide as the widest number at this text size. */
    float num_w = ui_text_w(u, "10.", l->px_body, GF_BOLD) + 4 * s;
    GRect list = {p.x, y, lw + 20 * s, list_bottom - y};
    gfx_clip(u->g, &list);
    for (size_t i = 0; i < sc->service_count; i++) {
        float hgt = gfx_text_box(u->g, sc->services[i].title, 0, 0, lw - 36 * s - num_w, l->px_body,
                                 GF_BOLD, ink, 0);
        GRect r = {p.x + 12 * s, y, lw, hgt + 14 * s};
        int focus = (int)i == st->ov_service && st->pc_focus == 0;
        gfx_round(u->g, r, 6 * s,
                  focus ? (GColor){214, 228, 244, 255} : (GColor){255, 255, 255, 255});
        gfx_round_outline(u->g, r, 6 * s, (focus ? 3.0f : 1.0f) * s,
                          focus ? (GColor){224, 138, 0, 255} : (GColor){160, 168, 180, 255});
        char num[24];
        snprintf(num, sizeof num, "%zu.", i + 1);
        gfx_text(u->g, num, r.x + 8 * s, r.y + 7 * s, l->px_body, GF_BOLD, ink);
        gfx_text_box(u->g, sc->services[i].title, r.x + 16 * s + num_w, r.y + 7 * s,
                     lw - 36 * s - num_w, l->px_body, (int)i == chosen ? GF_BOLD : GF_REGULAR, ink,
                     1);
        if ((int)i == chosen)
            gfx_text(u->g, "✔", r.x + r.w - 26 * s, r.y + 7 * s, l->px_body, GF_BOLD,
                     (GColor){27, 110, 46, 255});
        ui_hit(u, r, HIT_OF_SERVICE, (int)i);
        y += r.h + 8 * s;
    }
    gfx_clip(u->g, NULL);
    /* The checklist of the focused service. */
    if (st->ov_service >= 0 && (size_t)st->ov_service < sc->service_count) {
        const Service *sv = &sc->services[st->ov_service];
        float rx = p.x + lw + 36 * s, rw = p.w - lw - 50 * s, ry = p.y + bar_h + 12 * s;
        GRect right = {rx - 4 * s, ry, rw + 8 * s, list_bottom - ry};
        gfx_clip(u->g, &right);
        ry +=
            gfx_text_box(u->g, tr(STR_CHECKLIST), rx, ry, rw, l->px_body, GF_BOLD, ink, 1) + 8 * s;
        for (size_t c = 0; c < sv->checklist_count; c++) {
            char line[600];
            snprintf(line, sizeof line, "☐ %s", sv->checklist[c]);
            ry += gfx_text_box(u->g, line, rx, ry, rw, l->px_label, GF_REGULAR, ink, 1) + 6 * s;
        }
        if (sv->duty) {
            char line[300];
            snprintf(line, sizeof line, "%s: %s", tr(STR_DUTY), sv->duty);
            ry +=
                gfx_text_box(u->g, line, rx, ry + 8 * s, rw, l->px_label, GF_BOLD, ink, 1) + 14 * s;
        }
        if ((int)st->ov_service == chosen)
            gfx_text_box(u->g, tr(STR_UI_SERVICE_CHOSEN), rx, ry + 6 * s, rw, l->px_body, GF_BOLD,
                         (GColor){27, 110, 46, 255}, 1);
        gfx_clip(u->g, NULL);
    }
    float by = p.y + p.h - btn_h - 10 * s;
    GRect b = ui_button(u, p.x + 12 * s, by, tr(STR_UI_PC_CHOOSE), 1, st->pc_focus == 2,
                        HIT_OF_PC_CHOOSE, 0);
    ui_button(u, b.x + b.w + 14 * s, by, tr(STR_UI_PC_CLOSE), 0, st->pc_focus == 3, HIT_OF_PC_CLOSE,
              0);
    ui_hint(u, tr(STR_UI_HINT_PC));
}

static void draw_leave_overlay(Ui *u)
{
    OfficeState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s;
    ui_dim(u);
    float btn_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    float pw = fminf(l->W - 80 * s, fmaxf(l->W * 0.44f, 620 * l->ts));
    float th = gfx_text_box(u->g, tr(STR_UI_LEAVE_Q), 0, 0, pw - 48 * s, l->px_body, GF_BOLD,
                            u->theme.text, 0);
    float yes_w = ui_text_w(u, tr(STR_UI_LEAVE_YES), l->px_body, GF_BOLD) + 36 * s;
    float no_w = ui_text_w(u, tr(STR_UI_LEAVE_NO), l->px_body, GF_BOLD) + 36 * s;
    int stacked = yes_w + 14 * s + no_w > pw - 48 * s; /* large text: one under the other */
    float ph = 20 * s + th + 20 * s + (stacked ? 2 * btn_h + 14 * s : btn_h) + 24 * s;
    GRect p = {(l->W - pw) / 2, fmaxf(l->hud_h + 10 * s, (l->H - ph) / 2), pw, ph};
    ui_panel(u, p);
    ui_hit(u, p, HIT_OF_PANEL, 0);
    gfx_text_box(u->g, tr(STR_UI_LEAVE_Q), p.x + 24 * s, p.y + 20 * s, p.w - 48 * s, l->px_body,
                 GF_BOLD, u->theme.text, 1);
    float by = p.y + 20 * s + th + 20 * s;
    GRect b = ui_button(u, p.x + 24 * s, by, tr(STR_UI_LEAVE_YES), 1, st->leave_btn == 0,
                        HIT_OF_LEAVE_YES, 0);
    ui_button(u, stacked ? p.x + 24 * s : b.x + b.w + 14 * s, stacked ? by + btn_h + 14 * s : by,
              tr(STR_UI_LEAVE_NO), 0, st->leave_btn == 1, HIT_OF_LEAVE_NO, 0);
}

static void office_draw(Ui *u)
{
    OfficeState *st = S(u);
    if (u->reaction)
        st->ov = OV_NONE; /* the reception is over: nothing stays open */
    ui_office_scene(u);
    if (st->ov == OV_DOC || st->ov == OV_REASON)
        draw_doc_overlay(u);
    if (st->ov == OV_REASON)
        draw_reason_overlay(u);
    if (st->ov == OV_PC)
        draw_pc_overlay(u);
    draw_notices(u); /* on top of everything but the leave dialog */
    if (st->ov == OV_LEAVE)
        draw_leave_overlay(u);
}

static void flag_field(Ui *u)
{
    OfficeState *st = S(u);
    const Document *d = &ui_scen(u)->documents[st->ov_doc];
    char id[400];
    snprintf(id, sizeof id, "flag:%s.%s:%s", d->id, d->fields[st->ov_field].key,
             reason_id((FlagReason)st->ov_reason));
    st->ov = OV_DOC;
    ui_act(u, id);
}

static void to_debrief(Ui *u)
{
    u->reaction = 0;
    ui_go(u, SCR_DEBRIEF);
}

static void open_pc(Ui *u)
{
    OfficeState *st = S(u);
    st->ov = OV_PC;
    st->ov_service = session_service(u->ss) >= 0 ? session_service(u->ss) : 0;
    st->pc_clicked = -1; /* the first click on a service only focuses it */
    st->pc_focus = 0;
}

static void choose_service(Ui *u)
{
    OfficeState *st = S(u);
    const Scenario *sc = ui_scen(u);
    if (st->ov_service < 0 || (size_t)st->ov_service >= sc->service_count)
        return;
    char id[200];
    snprintf(id, sizeof id, "service:%s", sc->services[st->ov_service].id);
    ui_act(u, id);
}

static void compare_pick(Ui *u, int i)
{
    OfficeState *st = S(u);
    int map[64];
    int n = compare_choices(u, map, 64);
    if (i >= 0 && i < n) {
        st->ov_doc2 = map[i];
        st->compare_pick = 0;
    }
}

static void doc_compare_button(Ui *u)
{
    OfficeState *st = S(u);
    if (st->ov_doc2 >= 0) {
        st->ov_doc2 = -1;
    } else {
        st->compare_pick = 1;
        st->compare_focus = 0;
    }
}

static void office_key(Ui *u, SDL_Keycode k)
{
    OfficeState *st = S(u);
    const Scenario *sc = ui_scen(u);
    if (u->reaction) {
        if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE || k == SDLK_ESCAPE)
            to_debrief(u);
        return;
    }
    if (k == SDLK_F5 && st->ov != OV_LEAVE) {
        ui_reload_scenario(u);
        return;
    }
    if (k == SDLK_PAGEDOWN || k == SDLK_PAGEUP) {
        /* The applicant's words, when they are longer than the bubble. */
        st->speech_scroll += (k == SDLK_PAGEDOWN ? 1 : -1) * st->speech_view * 0.8f;
        u->dirty = 1;
        return;
    }
    if (k == SDLK_F1 && st->ov != OV_LEAVE && st->ov != OV_REASON) {
        /* From the office PC: the page of the service in focus, when the book has it; else
         * the page of the scenario's service (its id is the book's, when the book has it). */
        const RefService *ref =
            st->ov == OV_PC && st->ov_service >= 0 && (size_t)st->ov_service < sc->service_count
                ? sc->services[st->ov_service].ref
                : NULL;
        ui_book_open(u, ref ? ref->id : sc->service);
        return;
    }
    if (st->ov == OV_LEAVE) {
        if (k == SDLK_LEFT || k == SDLK_RIGHT || k == SDLK_TAB)
            st->leave_btn = !st->leave_btn;
        else if (k == SDLK_y || ((k == SDLK_RETURN || k == SDLK_KP_ENTER) && st->leave_btn == 0))
            ui_attempt_leave(u);
        else if (k == SDLK_ESCAPE || k == SDLK_n || k == SDLK_RETURN || k == SDLK_KP_ENTER)
            st->ov = OV_NONE;
    } else if (st->ov == OV_REASON) {
        if (k == SDLK_TAB)
            st->reason_btn = (st->reason_btn + 1) % 3; /* the reasons, «Отметить», «Отмена» */
        else if ((k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE) && st->reason_btn == 2)
            st->ov = OV_DOC;
        else if (k == SDLK_SPACE && st->reason_btn == 1)
            flag_field(u);
        else if (k == SDLK_UP && st->ov_reason > 0)
            st->ov_reason--, st->reason_btn = 0;
        else if (k == SDLK_DOWN && st->ov_reason + 1 < REASON_COUNT)
            st->ov_reason++, st->reason_btn = 0;
        else if (k >= SDLK_1 && k <= SDLK_9) {
            st->ov_reason = (int)(k - SDLK_1);
            flag_field(u);
        } else if (k == SDLK_RETURN || k == SDLK_KP_ENTER)
            flag_field(u);
        else if (k == SDLK_ESCAPE)
            st->ov = OV_DOC;
    } else if (st->ov == OV_DOC) {
        const Document *d = &sc->documents[st->ov_doc];
        int map[64];
        int n = desk_docs(u, map, 64);
        if (st->compare_pick) {
            /* The documents, then «Отмена»: Tab and Shift+Tab go round, ↑↓ move, Enter and
             * Space choose the focused one; 1–9 choose at once. */
            int cm[64];
            int nc = compare_choices(u, cm, 64);
            if (k == SDLK_TAB)
                st->compare_focus =
                    (st->compare_focus + (SDL_GetModState() & KMOD_SHIFT ? nc : 1)) % (nc + 1);
            else if (k == SDLK_DOWN && st->compare_focus < nc)
                st->compare_focus++;
            else if (k == SDLK_UP && st->compare_focus > 0)
                st->compare_focus--;
            else if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE) {
                if (st->compare_focus < nc)
                    compare_pick(u, st->compare_focus);
                else
                    st->compare_pick = 0;
            } else if (k >= SDLK_1 && k <= SDLK_9)
                compare_pick(u, (int)(k - SDLK_1));
            else if (k == SDLK_ESCAPE)
                st->compare_pick = 0;
        } else if (k == SDLK_TAB) {
            /* The fields, then «Сравнить» and «Закрыть». */
            st->doc_button = (st->doc_button + 1) % 3;
        } else if ((k == SDLK_RETURN || k == SDLK_KP_ENTER) && st->doc_button) {
            if (st->doc_button == 1)
                doc_compare_button(u);
            else
                st->ov = OV_NONE;
        } else if (k == SDLK_UP || k == SDLK_DOWN) {
            /* Move in the order the fields are laid out on the page. */
            int order[128];
            int no = (int)doc_field_order(d, order, 128), pos = 0;
            for (int i = 0; i < no; i++)
                if (order[i] == st->ov_field)
                    pos = i;
            pos += k == SDLK_DOWN ? 1 : -1;
            if (pos >= 0 && pos < no)
                st->ov_field = order[pos];
            st->doc_button = 0;
        } else if ((k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_f) && d->field_count) {
            st->ov = OV_REASON;
            st->ov_reason = 0;
            st->reason_btn = 0;
            st->reason_scroll = 0;
        } else if (k == SDLK_c) {
            doc_compare_button(u);
        } else if (k == SDLK_ESCAPE)
            st->ov = OV_NONE;
        else if ((k == SDLK_RIGHT || k == SDLK_LEFT) && n > 0) {
            /* Flip to the next document on the desk. */
            int cur = 0;
            for (int i = 0; i < n; i++)
                if (map[i] == st->ov_doc)
                    cur = i;
            cur = (cur + (k == SDLK_RIGHT ? 1 : n - 1)) % n;
            open_doc(u, cur);
        }
    } else if (st->ov == OV_PC) {
        if (k == SDLK_TAB)
            st->pc_focus = (st->pc_focus + 1) % 4; /* the services, «Справочник», the buttons */
        else if (k == SDLK_UP && st->ov_service > 0)
            st->ov_service--, st->pc_focus = 0;
        else if (k == SDLK_DOWN && st->ov_service + 1 < (int)sc->service_count)
            st->ov_service++, st->pc_focus = 0;
        else if (k >= SDLK_1 && k <= SDLK_9 && (size_t)(k - SDLK_1) < sc->service_count)
            st->ov_service = (int)(k - SDLK_1), st->pc_focus = 0;
        else if ((k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE) && st->pc_focus == 1)
            office_key(u, SDLK_F1);
        else if ((k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE) && st->pc_focus == 3)
            st->ov = OV_NONE;
        else if (k == SDLK_RETURN || k == SDLK_KP_ENTER)
            choose_service(u);
        else if (k == SDLK_ESCAPE || k == SDLK_p)
            st->ov = OV_NONE;
    } else {
        int offered[64];
        int n = (int)session_menu(u->ss, offered, 64);
        int map[64];
        int nd = desk_docs(u, map, 64);
        if (k >= SDLK_1 && k <= SDLK_9 && (int)(k - SDLK_1) < n) {
            st->focus_area = 0;
            ui_act(u, sc->steps[session_step_index(u->ss)].actions[offered[k - SDLK_1]].id);
        } else if (k == SDLK_TAB) {
            /* The answers, the desk (when it has documents), the PC, «Справочник», «Выйти». */
            st->focus_area = (st->focus_area + 1) % 5;
            if (st->focus_area == 1 && nd == 0)
                st->focus_area = 2;
            if (st->focus_area == 3 && !st->hud_book)
                st->focus_area = 4;
            if (st->focus_area == 4 && !st->hud_leave)
                st->focus_area = 0;
            if (st->sel_doc >= nd)
                st->sel_doc = 0;
        } else if (k == SDLK_d) {
            st->focus_area = nd ? 1 : 0;
            if (st->sel_doc >= nd)
                st->sel_doc = 0;
        } else if (k == SDLK_p) {
            open_pc(u);
        } else if (k == SDLK_ESCAPE) {
            if (st->focus_area != 0)
                st->focus_area = 0;
            else {
                st->ov = OV_LEAVE;
                st->leave_btn = 0;
            }
        } else if (st->focus_area == 0) {
            st->ans_follow = 1;
            if (k == SDLK_UP && st->sel_action > 0)
                st->sel_action--;
            else if (k == SDLK_DOWN && st->sel_action + 1 < n)
                st->sel_action++;
            else if ((k == SDLK_RETURN || k == SDLK_KP_ENTER) && n > 0)
                ui_act(u, sc->steps[session_step_index(u->ss)].actions[offered[st->sel_action]].id);
        } else if (st->focus_area == 2) {
            if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE)
                open_pc(u);
        } else if (st->focus_area == 3) {
            if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE)
                office_key(u, SDLK_F1);
        } else if (st->focus_area == 4) {
            if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE) {
                st->ov = OV_LEAVE;
                st->leave_btn = 0;
            }
        } else {
            if (k == SDLK_RIGHT && st->sel_doc + 1 < nd)
                st->sel_doc++;
            else if (k == SDLK_LEFT && st->sel_doc > 0)
                st->sel_doc--;
            else if (k == SDLK_DOWN && st->sel_doc + st->desk_cols < nd)
                st->sel_doc += st->desk_cols;
            else if (k == SDLK_UP && st->sel_doc >= st->desk_cols)
                st->sel_doc -= st->desk_cols;
            else if (k == SDLK_RETURN || k == SDLK_KP_ENTER)
                open_doc(u, st->sel_doc);
        }
    }
    u->dirty = 1;
}

/* Regions that belong to an open overlay; anything else under the pointer is the office
 * behind it, and a click there is a click outside. */
static int overlay_hit(int kind)
{
    switch (kind) {
    case HIT_OF_FIELD:
    case HIT_OF_REASON:
    case HIT_OF_SERVICE:
    case HIT_OF_COMPARE:
    case HIT_OF_LEAVE_YES:
    case HIT_OF_LEAVE_NO:
    case HIT_OF_BOOK:
    case HIT_OF_DOC_COMPARE:
    case HIT_OF_DOC_CLOSE:
    case HIT_OF_REASON_CANCEL:
    case HIT_OF_PC_CHOOSE:
    case HIT_OF_PC_CLOSE:
    case HIT_OF_COMPARE_CANCEL:
    case HIT_OF_PANEL:
        return 1;
    default:
        return 0;
    }
}

static int office_click(Ui *u, const Hit *h)
{
    OfficeState *st = S(u);
    if (st->ov != OV_NONE && (!h || !overlay_hit(h->kind))) {
        /* A click outside closes what is open: the reasons go back to the document, the
         * compare picker to its document, a document or the PC to the office; the leave
         * dialog stays (it asks a question). */
        if (st->ov == OV_REASON)
            st->ov = OV_DOC;
        else if (st->ov == OV_DOC && st->compare_pick)
            st->compare_pick = 0;
        else if (st->ov != OV_LEAVE)
            st->ov = OV_NONE;
        return 1;
    }
    if (!h)
        return 0;
    switch (h->kind) {
    case HIT_OF_ACTION:
        st->focus_area = 0;
        if (st->sel_action == h->arg || u->reaction)
            office_key(u, (SDL_Keycode)(SDLK_RETURN));
        else if (h->arg < 9)
            office_key(u, (SDL_Keycode)(SDLK_1 + h->arg));
        else { /* beyond 9: focus, then choose with Enter (or a second click) */
            st->sel_action = h->arg;
        }
        break;
    case HIT_OF_REACTION:
        to_debrief(u);
        break;
    case HIT_OF_DESK_DOC:
        if (!u->reaction) {
            st->focus_area = 1;
            st->sel_doc = h->arg;
            open_doc(u, h->arg);
        }
        break;
    case HIT_OF_PC:
        if (!u->reaction) {
            st->focus_area = 2;
            open_pc(u);
        }
        break;
    case HIT_OF_ANS_UP:
    case HIT_OF_ANS_DOWN: {
        float step = st->ans_view * 0.6f;
        st->ans_scroll += h->kind == HIT_OF_ANS_DOWN ? step : -step;
        break;
    }
    case HIT_OF_FIELD:
        if (st->ov == OV_DOC && !st->compare_pick) {
            st->ov_field = h->arg;
            st->ov = OV_REASON;
            st->ov_reason = 0;
            st->reason_btn = 0;
            st->reason_scroll = 0;
        }
        break;
    case HIT_OF_REASON:
        if (h->arg >= 0) /* a reason; -1 is «Отметить» for the focused one */
            st->ov_reason = h->arg;
        flag_field(u);
        break;
    case HIT_OF_REASON_CANCEL:
        st->ov = OV_DOC;
        break;
    case HIT_OF_SERVICE:
        if (st->pc_clicked == h->arg)
            choose_service(u);
        else
            st->ov_service = st->pc_clicked = h->arg;
        break;
    case HIT_OF_PC_CHOOSE:
        choose_service(u);
        break;
    case HIT_OF_PC_CLOSE:
        st->ov = OV_NONE;
        break;
    case HIT_OF_BOOK:
        office_key(u, SDLK_F1);
        break;
    case HIT_OF_HUD_LEAVE:
        if (!u->reaction) {
            st->focus_area = 4;
            st->ov = OV_LEAVE;
            st->leave_btn = 0;
        }
        break;
    case HIT_OF_HUD_BOOK:
        if (!u->reaction) {
            st->focus_area = 3;
            office_key(u, SDLK_F1);
        }
        break;
    case HIT_OF_DOC_COMPARE:
        doc_compare_button(u);
        break;
    case HIT_OF_DOC_CLOSE:
        st->ov = OV_NONE;
        break;
    case HIT_OF_COMPARE:
        compare_pick(u, h->arg);
        break;
    case HIT_OF_COMPARE_CANCEL:
        st->compare_pick = 0;
        break;
    case HIT_OF_LEAVE_YES:
        ui_attempt_leave(u);
        break;
    case HIT_OF_LEAVE_NO:
        st->ov = OV_NONE;
        break;
    case HIT_OF_PANEL:
        break;
    default:
        return 0;
    }
    return 1;
}

static int inside(GRect r, int x, int y)
{
    return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

/* The wheel scrolls what is under the pointer: the applicant's words, the answers, the
 * reasons. */
static void office_wheel(Ui *u, int x, int y, float dy)
{
    OfficeState *st = S(u);
    if (st->ov == OV_REASON) {
        st->ov_reason += dy > 0 ? 1 : -1;
        st->ov_reason = st->ov_reason < 0               ? 0
                        : st->ov_reason >= REASON_COUNT ? REASON_COUNT - 1
                                                        : st->ov_reason;
    } else if (st->ov == OV_DOC && !st->compare_pick) {
        st->doc_scroll += dy; /* clamped by the next frame */
    } else if (st->ov == OV_NONE && inside(st->bubble, x, y)) {
        st->speech_scroll += dy;
    } else if (st->ov == OV_NONE && st->desk_extra > 0 && inside(st->desk_view, x, y)) {
        st->desk_scroll += dy; /* clamped by the next frame */
    } else if (st->ov == OV_NONE && inside(st->ans_panel, x, y)) {
        st->ans_scroll += dy; /* clamped by the next frame's measure */
    }
    st->front_ok = 0;
    u->dirty = 1;
}

/* For input scripts: what is open ("[документ]", "[причина]", "[сравнение]", "[программа]",
 * "[прервать]", or "[приём]" when nothing is) and the first notice, so `expect office TEXT`
 * finds either. */
static const char *office_expect(Ui *u)
{
    OfficeState *st = S(u);
    SimStr open = st->ov == OV_DOC && st->compare_pick ? STR_UI_EXPECT_COMPARE
                  : st->ov == OV_DOC                   ? STR_UI_EXPECT_DOC
                  : st->ov == OV_REASON                ? STR_UI_EXPECT_REASON
                  : st->ov == OV_PC                    ? STR_UI_EXPECT_PC
                  : st->ov == OV_LEAVE                 ? STR_UI_EXPECT_LEAVE
                                                       : STR_UI_EXPECT_OFFICE;
    snprintf(st->said, sizeof st->said, "%s%s%s", tr(open),
             st->ov_doc2 >= 0 && st->ov == OV_DOC ? tr(STR_UI_EXPECT_TWO_DOCS) : "",
             u->nnotices ? u->notices[0].text : "");
    return st->said;
}

/* Speech: the scenario, then what the applicant says (or the open document, dialog or
 * program), then the focused answer, document, field with its value, reason or service. */
static void office_speak(Ui *u, SpeakFrame *f)
{
    OfficeState *st = S(u);
    const Scenario *sc = ui_scen(u);
    if (!u->ss || !sc)
        return;
    ui_say(f, SAY_SCREEN, "%s", sc->title);
    if (u->reaction) {
        const Ending *en = session_ending(u->ss);
        ui_say(f, SAY_CONTENT, "%s", tr(STR_UI_VISIT_OVER));
        if (en)
            ui_say(f, SAY_CONTENT, "%s", en->title);
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON), tr(STR_UI_TO_DEBRIEF));
        return;
    }
    int stp = session_step_index(u->ss);
    const Step *step = stp >= 0 ? &sc->steps[stp] : NULL;
    /* The applicant's words, as the bubble shows them. */
    SimBuf words;
    simbuf_init(&words);
    const char *reply = session_last_reply(u->ss);
    if (reply && *reply)
        simbuf_printf(&words, "«%s»", reply);
    const char *line = session_line(u->ss);
    if (step && (u->show_line || !reply) && line && *line)
        simbuf_printf(&words, "%s«%s»", words.len ? " " : "", line);
    if (words.len)
        ui_say(f, SAY_CONTENT, tr(STR_SAY_APPLICANT), session_applicant_name(u->ss),
               simbuf_str(&words));
    simbuf_free(&words);
    if (st->ov == OV_DOC || st->ov == OV_REASON) {
        const Document *d = &sc->documents[st->ov_doc];
        ui_say(f, SAY_OVERLAY, tr(STR_SAY_DOC), d->title);
        if (st->ov_doc2 >= 0)
            ui_say(f, SAY_OVERLAY, tr(STR_SAY_DOC), sc->documents[st->ov_doc2].title);
        if (st->compare_pick) {
            int cm[64];
            int nc = compare_choices(u, cm, 64);
            ui_say(f, SAY_OVERLAY, "%s", tr(STR_UI_COMPARE_WITH));
            if (st->compare_focus < nc)
                ui_say(f, SAY_FOCUS, tr(STR_SAY_COMPARE_DOC), st->compare_focus + 1, nc,
                       sc->documents[cm[st->compare_focus]].title);
            else
                ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON), tr(STR_UI_CANCEL));
            return;
        }
        if (st->ov == OV_REASON) {
            char title[400];
            snprintf(title, sizeof title, tr(STR_UI_FLAG_TITLE), d->fields[st->ov_field].label,
                     d->title);
            ui_say(f, SAY_OVERLAY, "%s", title);
            if (st->reason_btn)
                ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON),
                       tr(st->reason_btn == 1 ? STR_UI_FLAG_BUTTON : STR_UI_CANCEL));
            else
                ui_say(f, SAY_FOCUS, tr(STR_SAY_REASON), st->ov_reason + 1, REASON_COUNT,
                       reason_title((FlagReason)st->ov_reason));
        } else if (st->doc_button) {
            ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON),
                   st->doc_button == 2 ? tr(STR_UI_CLOSE_DOC)
                   : st->ov_doc2 >= 0  ? tr(STR_UI_COMPARE_END)
                                       : tr(STR_UI_COMPARE_BUTTON));
        } else if (st->ov_field >= 0 && (size_t)st->ov_field < d->field_count) {
            const char *v = session_field(u->ss, st->ov_doc, st->ov_field);
            ui_say(f, SAY_FOCUS, tr(STR_SAY_FIELD), d->fields[st->ov_field].label,
                   v && *v ? v : tr(STR_SAY_EMPTY));
        }
        return;
    }
    if (st->ov == OV_PC) {
        ui_say(f, SAY_OVERLAY, "%s", tr(STR_UI_PC_TITLE_FULL));
        if (st->pc_focus)
            ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON),
                   tr(st->pc_focus == 1   ? STR_BOOK_PC_TAB
                      : st->pc_focus == 2 ? STR_UI_PC_CHOOSE
                                          : STR_UI_PC_CLOSE));
        else if (st->ov_service >= 0 && (size_t)st->ov_service < sc->service_count)
            ui_say(f, SAY_FOCUS, tr(STR_SAY_PC_SERVICE), st->ov_service + 1, (int)sc->service_count,
                   sc->services[st->ov_service].title);
        return;
    }
    if (st->ov == OV_LEAVE) {
        ui_say(f, SAY_OVERLAY, "%s", tr(STR_UI_LEAVE_Q));
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON),
               st->leave_btn ? tr(STR_UI_LEAVE_NO) : tr(STR_UI_LEAVE_YES));
        return;
    }
    if (st->focus_area == 0 && step) {
        int offered[64];
        int n = (int)session_menu(u->ss, offered, 64);
        if (n > 0 && st->sel_action < n) {
            const Action *a = &step->actions[offered[st->sel_action]];
            ui_say(f, SAY_FOCUS, tr(STR_SAY_ANSWER), st->sel_action + 1, n, a->text);
        }
    } else if (st->focus_area == 1) {
        int map[64];
        int nd = desk_docs(u, map, 64);
        if (st->sel_doc < nd)
            ui_say(f, SAY_FOCUS, tr(STR_SAY_DESK_DOC), sc->documents[map[st->sel_doc]].title);
    } else if (st->focus_area == 2) {
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON), tr(STR_UI_PC_TITLE));
    } else if (st->focus_area == 3) {
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON), tr(STR_BOOK_BUTTON));
    } else if (st->focus_area == 4) {
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON), tr(STR_UI_LEAVE_HUD));
    }
}

const ScreenDef screen_office = {
    .name = "office",
    .state_size = sizeof(OfficeState),
    .enter = office_enter,
    .draw = office_draw,
    .key = office_key,
    .click = office_click,
    .wheel = office_wheel,
    .destroy = office_destroy,
    .expect_text = office_expect,
    .speak = office_speak,
};
