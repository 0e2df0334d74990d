/*
 * ui.c — the screens of the trainee's window and their input (see ui.h).
 *
 * One loop: wait for an event (or the next animation frame), let the current screen handle
 * it, redraw only when something changed. Screens draw themselves and register hit regions
 * as they go, so the mouse and the keyboard reach the same handlers. Automation reads an
 * input script and feeds the same SDL events a person would produce.
 */
#include "../crypto/crypto.h"
#include "ui_app.h"

#include "../core/i18n.h"
#include "../store/report.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* ==== helpers ============================================================================= */

/* ==== settings ============================================================================ */

void ui_apply_theme(Ui *u)
{
    theme_init(&u->theme, u->high_contrast);
    int w, h;
    gfx_size(u->g, &w, &h);
    layout_compute(&u->l, w, h, u->text_pct);
    u->dirty = 1;
}

/* ==== «Справочник» ======================================================================== */


/* ==== start screen ======================================================================== */

/* ==== new profile ========================================================================= */

/* ==== catalogue =========================================================================== */

/* ==== office ============================================================================== */

static void draw_hud(Ui *u)
{
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
                 u->exam ? tr(STR_UI_MODE_EXAM) : tr(STR_UI_MODE_TRAINING));
        float room = W - 16 * s - (ui_text_w(u, right, px, GF_BOLD) + 60 * s) - x;
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
    const char *mode = u->exam ? tr(STR_UI_MODE_EXAM) : tr(STR_UI_MODE_TRAINING);
    float mw = ui_text_w(u, mode, px, GF_BOLD) + 20 * s;
    float rx = W - mw - 16 * s;
    if (!u->exam) {
        ScoreReport r;
        session_report(u->ss, &r);
        snprintf(buf, sizeof buf, "%s: %d", tr(STR_UI_SCORE), r.total);
        float bw = ui_text_w(u, buf, px, GF_BOLD);
        gfx_text(u->g, buf, rx - bw - 20 * s, ty, px, GF_BOLD, fg);
    }
    gfx_round(u->g, (GRect){rx, 7 * s, mw, h - 14 * s}, 6 * s, u->theme.accent);
    gfx_text(u->g, mode, rx + 10 * s, ty, px, GF_BOLD, u->theme.accent_text);
}

static void draw_office_front(Ui *u, float desk);

void ui_office_scene(Ui *u)
{
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
    OfficeView v = {l, &u->theme, sc->office_ticket, sc->office_window, sc->office_queue,
                    session_minutes(u->ss), sc->time_norm, u->timer_on, sc->applicant.sex,
                    session_applicant_age(u->ss), session_mood(u->ss), &sc->applicant, enter,
                    clock, sc->office_clock};
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
        u->front_ok = 0;
        u->scene_key[0] = '\0';
        draw_office_front(u, desk);
        return;
    }
    if (strcmp(key, u->scene_key) == 0 && u->scene) {
        gfx_layer_draw(u->g, u->scene);
        desk = u->scene_desk;
    } else if (gfx_layer_begin(u->g, &u->scene, 0)) {
        desk = office_draw_back(u->g, &v);
        gfx_layer_end(u->g);
        gfx_layer_draw(u->g, u->scene);
        snprintf(u->scene_key, sizeof u->scene_key, "%s", key);
        u->scene_desk = desk;
    } else {
        desk = office_draw_back(u->g, &v);
    }
    office_draw_person(u->g, &v);
    /* Everything in front: when only the animation moved, reuse the last drawing (and its
     * mouse regions). */
    if (u->front_reuse && u->front_ok) {
        gfx_layer_draw(u->g, u->front);
        return;
    }
    int layered = gfx_layer_begin(u->g, &u->front, 1);
    u->front_ok = 0;
    draw_office_front(u, desk);
    if (layered) {
        gfx_layer_end(u->g);
        gfx_layer_draw(u->g, u->front);
        u->front_ok = 1;
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
        y += gfx_text_box(u->g, en->title, x, y, w, l->px_body, GF_BOLD, u->theme.text, 1) +
             12 * s;
    float by = fminf(y, dp.y + dp.h - (float)l->px_body * 2.6f);
    ui_button(u, x, by, tr(STR_UI_TO_DEBRIEF), 1, 1, HIT_REACTION, 0);
}

static void draw_office_front(Ui *u, float desk)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    const Scenario *sc = ui_scen(u);
    draw_hud(u);

    /* The applicant speaks in a bubble beside them, over the hall. */
    int st = session_step_index(u->ss);
    const Step *step = st >= 0 ? &sc->steps[st] : NULL;
    {
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
        /* Fit the text: step the size down for long speeches rather than cut them. */
        int sizes[5] = {l->px_dialog, l->px_body, l->px_label, l->px_small,
                        (int)(13 * s + 0.5f)},
            px = sizes[0];
        float nh = 0, th = 0, lh = (float)gfx_line_height(u->g, l->px_label, GF_BOLD) * 1.3f;
        for (int i = 0; i < 5; i++) {
            px = sizes[i];
            nh = does ? gfx_text_box(u->g, does, 0, 0, bw, l->px_small, GF_REGULAR,
                                     u->theme.text_dim, 0) + 6 * s
                      : 0;
            th = gfx_text_box(u->g, simbuf_str(&speech), 0, 0, bw, px, GF_REGULAR, u->theme.text, 0);
            if (lh + nh + th + 28 * s <= b.h)
                break;
        }
        b.h = fminf(b.h, lh + nh + th + 28 * s); /* anchored at the top, by the head */
        float ax = 0.45f * W + 40 * s, ay = l->counter_y - 200 * s;
        float tail[6] = {b.x + 2 * s, b.y + b.h * 0.35f, b.x + 2 * s, b.y + b.h * 0.35f + 30 * s,
                         ax, ay};
        gfx_poly(u->g, tail, 3, u->theme.panel);
        ui_panel(u, b);
        gfx_fill(u->g, (GRect){b.x + 1 * s, b.y + b.h * 0.35f + 2 * s, 3 * s, 26 * s},
                 u->theme.panel);
        float y = b.y + 12 * s;
        char who[300];
        snprintf(who, sizeof who, "%s", session_applicant_name(u->ss));
        gfx_text(u->g, who, b.x + 18 * s, y, l->px_label, GF_BOLD, u->theme.accent);
        y += lh;
        if (does)
            y += gfx_text_box(u->g, does, b.x + 18 * s, y, bw, l->px_small, GF_REGULAR,
                              u->theme.text_dim, 1) + 6 * s;
        gfx_clip(u->g, &b); /* the smallest size may still not fit a very long speech */
        gfx_text_box(u->g, simbuf_str(&speech), b.x + 18 * s, y, bw, px, GF_REGULAR, u->theme.text, 1);
        gfx_clip(u->g, NULL);
        simbuf_free(&speech);
    }

    /* The trainee's answers: the dialogue panel on the desk, scrolled to keep the focus in
     * view. */
    GRect dp = {16 * s, desk + 10 * s, W * 0.58f, H - desk - 48 * s};
    ui_panel(u, dp);
    float x = dp.x + 18 * s, y = dp.y + 10 * s, w = dp.w - 36 * s;
    if (u->reaction) {
        draw_reaction(u, dp);
        step = NULL; /* no answers: the reception is over */
    } else {
        gfx_text(u->g, tr(STR_UI_YOUR_ANSWER), x, y, l->px_label, GF_BOLD, u->theme.text_dim);
    }
    y += l->px_label * 1.5f;
    int offered[64];
    size_t n = u->reaction ? 0 : session_menu(u->ss, offered, 64);
    if (u->sel_action >= (int)n)
        u->sel_action = n ? (int)n - 1 : 0;
    float hts[64];
    for (size_t i = 0; i < n && step; i++) {
        char line[2048];
        answer_line(line, sizeof line, i, &step->actions[offered[i]]);
        int focus = u->focus_area == 0 && (int)i == u->sel_action && u->ov == OV_NONE;
        hts[i] = gfx_text_box(u->g, line, 0, 0, w - 16 * s, l->px_body,
                              focus ? GF_BOLD : GF_REGULAR, u->theme.text, 0) + 12 * s;
    }
    /* First visible answer: the smallest one that still shows the focused answer whole. */
    size_t first = 0;
    float room = dp.y + dp.h - y - 6 * s;
    for (;;) {
        float sum = 0;
        for (size_t i = first; i <= (size_t)u->sel_action && i < n; i++)
            sum += hts[i];
        if (sum <= room || first >= (size_t)u->sel_action)
            break;
        first++;
    }
    if (first > 0) {
        gfx_text(u->g, "▲", x + w - 14 * s, dp.y + 8 * s, l->px_label, GF_BOLD, u->theme.text_dim);
    }
    for (size_t i = first; i < n && step; i++) {
        const Action *a = &step->actions[offered[i]];
        char line[2048];
        answer_line(line, sizeof line, i, a);
        int focus = u->focus_area == 0 && (int)i == u->sel_action && u->ov == OV_NONE;
        GRect r = {x - 6 * s, y, w + 12 * s, hts[i] - 4 * s};
        if (y >= dp.y + dp.h - 8 * s) { /* more answers below: say so */
            gfx_text(u->g, "▼", x + w - 14 * s, dp.y + dp.h - 24 * s, l->px_label, GF_BOLD,
                     u->theme.text_dim);
            break;
        }
        if (y + hts[i] > dp.y + dp.h + 2 * s)
            gfx_text(u->g, "▼", x + w - 14 * s, dp.y + dp.h - 24 * s, l->px_label, GF_BOLD,
                     u->theme.text_dim);
        gfx_clip(u->g, &dp);
        if (focus)
            gfx_round(u->g, r, 6 * s, (GColor){11, 92, 173, u->high_contrast ? 80 : 28});
        else if (ui_hovered(u, r))
            gfx_round(u->g, r, 6 * s, (GColor){11, 92, 173, 14});
        gfx_text_box(u->g, line, x + 2 * s, y + 4 * s, w - 16 * s, l->px_body,
                     focus ? GF_BOLD : GF_REGULAR, u->theme.text, 1);
        if (focus)
            gfx_round_outline(u->g, r, 6 * s, 2.5f * s, u->theme.focus);
        gfx_clip(u->g, NULL);
        ui_hit(u, r, HIT_ACTION, (int)i);
        y += hts[i];
    }

    /* Documents on the desk. */
    float dx0 = dp.x + dp.w + 20 * s, dy0 = desk + 14 * s;
    float cw = 124 * s, chh = 86 * s;
    int k = 0;
    for (size_t d = 0; d < sc->document_count; d++) {
        if (!session_doc_on_desk(u->ss, (int)d))
            continue;
        int flagged = 0;
        for (size_t f = 0; f < sc->documents[d].field_count; f++)
            flagged += session_flag_reason(u->ss, (int)d, (int)f) >= 0;
        GRect r = {dx0 + (k % 2) * (cw + 12 * s) + (k / 2 % 2) * 8 * s,
                   dy0 + (k / 2) * (chh + 10 * s), cw, chh};
        doc_card(u->g, l, &u->theme, &sc->documents[d], r,
                 u->focus_area == 1 && u->sel_doc == k && u->ov == OV_NONE,
                 session_doc_inspected(u->ss, (int)d), flagged);
        ui_hit(u, r, HIT_DESK_DOC, k);
        k++;
    }
    if (k == 0)
        gfx_text_box(u->g, tr(STR_UI_NO_DOCS), dx0, dy0, 2 * cw, l->px_label, GF_REGULAR,
                     u->theme.text_dim, 1);

    /* The office PC. */
    GRect mon = {W - 230 * s, desk + 14 * s, 214 * s, 150 * s};
    gfx_fill(u->g, (GRect){mon.x + mon.w / 2 - 12 * s, mon.y + mon.h, 24 * s, 26 * s},
             (GColor){60, 64, 70, 255});
    gfx_round(u->g, (GRect){mon.x + mon.w / 2 - 50 * s, mon.y + mon.h + 22 * s, 100 * s, 10 * s},
              4 * s, (GColor){60, 64, 70, 255});
    gfx_round(u->g, mon, 8 * s, (GColor){34, 38, 44, 255});
    GRect scr = {mon.x + 8 * s, mon.y + 8 * s, mon.w - 16 * s, mon.h - 16 * s};
    gfx_fill(u->g, scr, (GColor){232, 240, 250, 255});
    gfx_fill(u->g, (GRect){scr.x, scr.y, scr.w, 20 * s}, u->theme.accent);
    /* The monitor is part of the scene: its labels follow the text size only so far. */
    int mpx = l->px_small < (int)(13 * s * 1.25f) ? l->px_small : (int)(13 * s * 1.25f);
    gfx_clip(u->g, &scr);
    gfx_text(u->g, tr(STR_UI_PC_TITLE), scr.x + 6 * s, scr.y + 2 * s, mpx, GF_BOLD,
             u->theme.accent_text);
    int svc = session_service(u->ss);
    gfx_text_box(u->g, svc >= 0 ? sc->services[svc].title : tr(STR_UI_NO_SERVICE), scr.x + 6 * s,
                 scr.y + 26 * s, scr.w - 12 * s, mpx, GF_REGULAR, (GColor){30, 35, 45, 255}, 1);
    gfx_text(u->g, tr(STR_UI_PC_OPEN), scr.x + 6 * s, scr.y + scr.h - mpx * 1.5f, mpx, GF_BOLD,
             u->theme.accent);
    gfx_clip(u->g, NULL);
    if (ui_hovered(u, mon))
        gfx_round_outline(u->g, mon, 8 * s, 2.5f * s, u->theme.focus);
    ui_hit(u, mon, HIT_PC, 0);

    /* Notices (training mode), over the hall's lower edge. */
    if (u->nnotices) {
        float ny = 52 * s;
        for (int i = 0; i < u->nnotices; i++) {
            Notice *no = &u->notices[i];
            if (u->exam && !no->info)
                continue; /* the exam keeps quiet about scores */
            float nw = W * 0.34f;
            float th = gfx_text_box(u->g, no->text, 0, 0, nw - 28 * s, l->px_label, GF_BOLD,
                                    u->theme.text, 0);
            if (ny + th + 12 * s > desk - 8 * s)
                break;
            GRect r = {16 * s, ny, nw, th + 12 * s};
            ny += th + 20 * s;
            GColor edge = no->info ? u->theme.accent
                          : no->critical || no->points < 0 ? u->theme.bad
                                                           : u->theme.good;
            gfx_round(u->g, (GRect){r.x + 2 * s, r.y + 3 * s, r.w, r.h}, 8 * s, u->theme.shadow);
            gfx_round(u->g, r, 8 * s, u->theme.panel);
            gfx_fill(u->g, (GRect){r.x, r.y + 4 * s, 6 * s, r.h - 8 * s}, edge);
            gfx_text_box(u->g, no->text, r.x + 16 * s, r.y + 6 * s, nw - 28 * s, l->px_label,
                         GF_BOLD, u->theme.text, 1);
        }
    }
    ui_hint(u, u->reaction ? tr(STR_UI_HINT_REACTION) : tr(STR_UI_HINT_OFFICE));
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

static void open_doc(Ui *u, int desk_index)
{
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
    u->ov = OV_DOC;
    u->ov_doc = d;
    u->ov_doc2 = -1;
    int order[128];
    u->ov_field = doc_field_order(&ui_scen(u)->documents[d], order, 128) ? order[0] : 0;
    u->compare_pick = 0;
    u->dirty = 1;
}

static void draw_doc_overlay(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    ui_dim(u);
    DocFieldBox boxes[128];
    GRect area = {0.05f * W, 0.07f * H, 0.9f * W, 0.82f * H};
    if (u->ov_doc2 >= 0) {
        GRect a2 = area;
        area.w = area.w / 2 - 10 * s;
        a2.x = area.x + area.w + 20 * s;
        a2.w = area.w;
        doc_draw(u->g, l, &u->theme, u->ss, u->ov_doc2, a2, -1, boxes, 0);
    }
    size_t nb = doc_draw(u->g, l, &u->theme, u->ss, u->ov_doc, area, u->ov_field, boxes, 128);
    for (size_t i = 0; i < nb; i++)
        ui_hit(u, boxes[i].r, HIT_FIELD, boxes[i].field);
    if (u->compare_pick) {
        GRect p = {0.3f * W, 0.3f * H, 0.4f * W, 0.3f * H};
        ui_panel(u, p);
        gfx_text(u->g, tr(STR_UI_COMPARE_WITH), p.x + 20 * s, p.y + 16 * s, l->px_body, GF_BOLD,
                 u->theme.text);
        int map[64];
        int n = desk_docs(u, map, 64);
        float y = p.y + 20 * s + l->px_body * 1.7f;
        for (int i = 0; i < n; i++) {
            char line[300];
            snprintf(line, sizeof line, "%d. %s", i + 1, ui_scen(u)->documents[map[i]].title);
            GRect r = {p.x + 14 * s, y, p.w - 28 * s, l->px_body * 1.7f};
            gfx_text(u->g, line, r.x + 6 * s, r.y + 4 * s, l->px_body, GF_REGULAR, u->theme.text);
            ui_hit(u, r, HIT_COMPARE, i);
            y += r.h;
        }
    }
    ui_hint(u, tr(STR_UI_HINT_DOC));
}

static void draw_reason_overlay(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    ui_dim(u);
    const Document *d = &ui_scen(u)->documents[u->ov_doc];
    float rowh = gfx_line_height(u->g, l->px_body, GF_REGULAR) * 1.45f;
    GRect p = {0.25f * W, 0.08f * H, 0.5f * W, rowh * REASON_COUNT + 110 * s};
    if (p.y + p.h > H - 30 * s)
        p.h = H - 30 * s - p.y;
    ui_panel(u, p);
    char title[400];
    snprintf(title, sizeof title, tr(STR_UI_FLAG_TITLE), d->fields[u->ov_field].label, d->title);
    float y = p.y + 16 * s;
    y += gfx_text_box(u->g, title, p.x + 20 * s, y, p.w - 40 * s, l->px_body, GF_BOLD,
                      u->theme.text, 1) + 10 * s;
    for (int r = 0; r < REASON_COUNT; r++) {
        char line[200];
        snprintf(line, sizeof line, "%d. %s", r + 1, reason_title((FlagReason)r));
        GRect rr = {p.x + 14 * s, y, p.w - 28 * s, rowh - 4 * s};
        if (r == u->ov_reason) {
            gfx_round(u->g, rr, 6 * s, (GColor){11, 92, 173, 30});
            gfx_round_outline(u->g, rr, 6 * s, 2.5f * s, u->theme.focus);
        } else if (ui_hovered(u, rr)) {
            gfx_round(u->g, rr, 6 * s, (GColor){11, 92, 173, 14});
        }
        gfx_text(u->g, line, rr.x + 8 * s, rr.y + 4 * s, l->px_body,
                 r == u->ov_reason ? GF_BOLD : GF_REGULAR, u->theme.text);
        ui_hit(u, rr, HIT_REASON, r);
        y += rowh;
    }
    ui_hint(u, tr(STR_UI_HINT_REASON));
}

static void draw_pc_overlay(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    const Scenario *sc = ui_scen(u);
    ui_dim(u);
    GRect p = {0.08f * W, 0.08f * H, 0.84f * W, 0.8f * H};
    gfx_round(u->g, (GRect){p.x - 12 * s, p.y - 12 * s, p.w + 24 * s, p.h + 24 * s}, 14 * s,
              (GColor){34, 38, 44, 255});
    gfx_fill(u->g, p, (GColor){240, 245, 252, 255});
    gfx_fill(u->g, (GRect){p.x, p.y, p.w, 34 * s}, u->theme.accent);
    gfx_text(u->g, tr(STR_UI_PC_TITLE_FULL), p.x + 14 * s, p.y + 6 * s, l->px_body, GF_BOLD,
             u->theme.accent_text);
    {
        /* The «Справочник» tab of the office program. */
        const char *lab = tr(STR_BOOK_PC_TAB);
        float tw = ui_text_w(u, lab, l->px_label, GF_BOLD) + 24 * s;
        GRect tab = {p.x + p.w - tw - 8 * s, p.y + 5 * s, tw, 24 * s};
        int hov = ui_hovered(u, tab);
        gfx_round(u->g, tab, 5 * s, hov ? (GColor){255, 255, 255, 255} : (GColor){232, 240, 250, 255});
        gfx_text(u->g, lab, tab.x + 12 * s, tab.y + (24 * s - l->px_label * 1.2f) / 2, l->px_label,
                 GF_BOLD, u->theme.accent);
        ui_hit(u, tab, HIT_BOOK, 0);
    }
    GColor ink = {25, 30, 40, 255};
    float y = p.y + 48 * s, lw = p.w * 0.46f;
    int chosen = session_service(u->ss);
    for (size_t i = 0; i < sc->service_count; i++) {
        float hgt = gfx_text_box(u->g, sc->services[i].title, 0, 0, lw - 60 * s, l->px_body,
                                 GF_REGULAR, ink, 0);
        GRect r = {p.x + 12 * s, y, lw, hgt + 14 * s};
        int focus = (int)i == u->ov_service;
        gfx_round(u->g, r, 6 * s, focus ? (GColor){11, 92, 173, 36} : (GColor){255, 255, 255, 255});
        gfx_round_outline(u->g, r, 6 * s, (focus ? 2.5f : 1.0f) * s,
                          focus ? u->theme.focus : (GColor){190, 198, 210, 255});
        char num[24];
        snprintf(num, sizeof num, "%zu.", i + 1);
        gfx_text(u->g, num, r.x + 8 * s, r.y + 7 * s, l->px_body, GF_BOLD, ink);
        gfx_text_box(u->g, sc->services[i].title, r.x + 40 * s, r.y + 7 * s, lw - 60 * s,
                     l->px_body, (int)i == chosen ? GF_BOLD : GF_REGULAR, ink, 1);
        if ((int)i == chosen)
            gfx_text(u->g, "✔", r.x + r.w - 26 * s, r.y + 7 * s, l->px_body, GF_BOLD, u->theme.good);
        ui_hit(u, r, HIT_SERVICE, (int)i);
        y += r.h + 8 * s;
    }
    /* The checklist of the focused service. */
    if (u->ov_service >= 0 && (size_t)u->ov_service < sc->service_count) {
        const Service *sv = &sc->services[u->ov_service];
        float rx = p.x + lw + 36 * s, rw = p.w - lw - 50 * s, ry = p.y + 48 * s;
        gfx_text(u->g, tr(STR_CHECKLIST), rx, ry, l->px_body, GF_BOLD, ink);
        ry += l->px_body * 1.6f;
        for (size_t c = 0; c < sv->checklist_count; c++) {
            char line[600];
            snprintf(line, sizeof line, "☐ %s", sv->checklist[c]);
            ry += gfx_text_box(u->g, line, rx, ry, rw, l->px_label, GF_REGULAR, ink, 1) + 6 * s;
        }
        if (sv->duty) {
            char line[300];
            snprintf(line, sizeof line, "%s: %s", tr(STR_DUTY), sv->duty);
            gfx_text_box(u->g, line, rx, ry + 8 * s, rw, l->px_label, GF_BOLD, ink, 1);
        }
        if ((int)u->ov_service == chosen)
            gfx_text(u->g, tr(STR_UI_SERVICE_CHOSEN), rx, p.y + p.h - 36 * s, l->px_body, GF_BOLD,
                     u->theme.good);
    }
    ui_hint(u, tr(STR_UI_HINT_PC));
}

static void draw_leave_overlay(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s;
    ui_dim(u);
    GRect p = {l->W * 0.28f, l->H * 0.32f, l->W * 0.44f, 190 * s};
    ui_panel(u, p);
    gfx_text_box(u->g, tr(STR_UI_LEAVE_Q), p.x + 24 * s, p.y + 20 * s, p.w - 48 * s, l->px_body,
                 GF_BOLD, u->theme.text, 1);
    GRect b = ui_button(u, p.x + 24 * s, p.y + p.h - 64 * s, tr(STR_UI_LEAVE_YES), 1, 0, HIT_LEAVE_YES, 0);
    ui_button(u, b.x + b.w + 14 * s, b.y, tr(STR_UI_LEAVE_NO), 0, 0, HIT_LEAVE_NO, 0);
}

static void flag_field(Ui *u)
{
    const Document *d = &ui_scen(u)->documents[u->ov_doc];
    char id[400];
    snprintf(id, sizeof id, "flag:%s.%s:%s", d->id, d->fields[u->ov_field].key,
             reason_id((FlagReason)u->ov_reason));
    u->ov = OV_DOC;
    ui_act(u, id);
}

static void to_debrief(Ui *u)
{
    u->reaction = 0;
    ui_go(u, SCR_DEBRIEF);
    u->dirty = 1;
}

static void office_key(Ui *u, SDL_Keycode k)
{
    const Scenario *sc = ui_scen(u);
    if (u->reaction) {
        if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE || k == SDLK_ESCAPE)
            to_debrief(u);
        return;
    }
    if (k == SDLK_F5 && u->ov != OV_LEAVE) {
        ui_reload_scenario(u);
        return;
    }
    if (k == SDLK_F1 && u->ov != OV_LEAVE && u->ov != OV_REASON) {
        /* From the office PC: the page of the service in focus, when the book has it; else
         * the page of the scenario's service (its id is the book's, when the book has it). */
        const RefService *ref = u->ov == OV_PC && u->ov_service >= 0 &&
                                        (size_t)u->ov_service < sc->service_count
                                    ? sc->services[u->ov_service].ref
                                    : NULL;
        ui_book_open(u, ref ? ref->id : sc->service);
        return;
    }
    if (u->ov == OV_LEAVE) {
        if (k == SDLK_RETURN || k == SDLK_y)
            ui_attempt_leave(u);
        else if (k == SDLK_ESCAPE || k == SDLK_n)
            u->ov = OV_NONE;
    } else if (u->ov == OV_REASON) {
        if (k == SDLK_UP && u->ov_reason > 0)
            u->ov_reason--;
        else if (k == SDLK_DOWN && u->ov_reason + 1 < REASON_COUNT)
            u->ov_reason++;
        else if (k >= SDLK_1 && k <= SDLK_9) {
            u->ov_reason = (int)(k - SDLK_1);
            flag_field(u);
        } else if (k == SDLK_RETURN || k == SDLK_KP_ENTER)
            flag_field(u);
        else if (k == SDLK_ESCAPE)
            u->ov = OV_DOC;
    } else if (u->ov == OV_DOC) {
        const Document *d = &sc->documents[u->ov_doc];
        int map[64];
        int n = desk_docs(u, map, 64);
        if (u->compare_pick) {
            if (k >= SDLK_1 && k <= SDLK_9 && (int)(k - SDLK_1) < n) {
                u->ov_doc2 = map[k - SDLK_1] == u->ov_doc ? -1 : map[k - SDLK_1];
                u->compare_pick = 0;
            } else if (k == SDLK_ESCAPE)
                u->compare_pick = 0;
        } else if (k == SDLK_UP || k == SDLK_DOWN) {
            /* Move in the order the fields are laid out on the page. */
            int order[128];
            int no = (int)doc_field_order(d, order, 128), pos = 0;
            for (int i = 0; i < no; i++)
                if (order[i] == u->ov_field)
                    pos = i;
            pos += k == SDLK_DOWN ? 1 : -1;
            if (pos >= 0 && pos < no)
                u->ov_field = order[pos];
        }
        else if ((k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_f) && d->field_count) {
            u->ov = OV_REASON;
            u->ov_reason = 0;
        } else if (k == SDLK_c) {
            if (u->ov_doc2 >= 0)
                u->ov_doc2 = -1;
            else
                u->compare_pick = 1;
        } else if (k == SDLK_ESCAPE)
            u->ov = OV_NONE;
        else if (k == SDLK_RIGHT || k == SDLK_LEFT) {
            /* Flip to the next document on the desk. */
            int cur = 0;
            for (int i = 0; i < n; i++)
                if (map[i] == u->ov_doc)
                    cur = i;
            cur = (cur + (k == SDLK_RIGHT ? 1 : n - 1)) % n;
            open_doc(u, cur);
        }
    } else if (u->ov == OV_PC) {
        if (k == SDLK_UP && u->ov_service > 0)
            u->ov_service--;
        else if (k == SDLK_DOWN && u->ov_service + 1 < (int)sc->service_count)
            u->ov_service++;
        else if (k >= SDLK_1 && k <= SDLK_9 && (size_t)(k - SDLK_1) < sc->service_count)
            u->ov_service = (int)(k - SDLK_1);
        else if (k == SDLK_RETURN || k == SDLK_KP_ENTER) {
            char id[200];
            snprintf(id, sizeof id, "service:%s", sc->services[u->ov_service].id);
            ui_act(u, id);
        } else if (k == SDLK_ESCAPE || k == SDLK_p)
            u->ov = OV_NONE;
    } else {
        int offered[64];
        int n = (int)session_menu(u->ss, offered, 64);
        int map[64];
        int nd = desk_docs(u, map, 64);
        if (k >= SDLK_1 && k <= SDLK_9 && (int)(k - SDLK_1) < n) {
            u->focus_area = 0;
            ui_act(u, sc->steps[session_step_index(u->ss)].actions[offered[k - SDLK_1]].id);
        } else if (k == SDLK_TAB || k == SDLK_d) {
            u->focus_area = k == SDLK_d ? 1 : !u->focus_area;
            if (u->focus_area == 1 && nd == 0)
                u->focus_area = 0;
            if (u->sel_doc >= nd)
                u->sel_doc = 0;
        } else if (k == SDLK_p) {
            u->ov = OV_PC;
            u->ov_service = session_service(u->ss) >= 0 ? session_service(u->ss) : 0;
        } else if (k == SDLK_ESCAPE) {
            if (u->focus_area == 1)
                u->focus_area = 0;
            else
                u->ov = OV_LEAVE;
        } else if (u->focus_area == 0) {
            if (k == SDLK_UP && u->sel_action > 0)
                u->sel_action--;
            else if (k == SDLK_DOWN && u->sel_action + 1 < n)
                u->sel_action++;
            else if ((k == SDLK_RETURN || k == SDLK_KP_ENTER) && n > 0)
                ui_act(u, sc->steps[session_step_index(u->ss)].actions[offered[u->sel_action]].id);
        } else {
            if (k == SDLK_RIGHT && u->sel_doc + 1 < nd)
                u->sel_doc++;
            else if (k == SDLK_LEFT && u->sel_doc > 0)
                u->sel_doc--;
            else if (k == SDLK_DOWN && u->sel_doc + 2 < nd)
                u->sel_doc += 2;
            else if (k == SDLK_UP && u->sel_doc >= 2)
                u->sel_doc -= 2;
            else if (k == SDLK_RETURN || k == SDLK_KP_ENTER)
                open_doc(u, u->sel_doc);
        }
    }
    u->dirty = 1;
}

/* ==== debrief ============================================================================= */


static void draw_frame(Ui *u, const char *shot);

/* Frame timing for benchmarks: MFC_FRAME_LOG=FILE appends one line per frame (ms). */
void ui_draw(Ui *u, const char *shot)
{
    static FILE *log;
    static int checked;
    if (!checked) {
        const char *p = getenv("MFC_FRAME_LOG");
        log = p && *p ? fopen(p, "a") : NULL;
        checked = 1;
    }
    uint64_t t0 = SDL_GetPerformanceCounter();
    draw_frame(u, shot);
    /* Benchmarks: MFC_FIRST_FRAME_FILE=FILE receives the wall-clock time (ns since the epoch)
     * at which the first frame was presented, to compare with the moment the process began. */
    static int first_done;
    const char *ff = first_done ? NULL : getenv("MFC_FIRST_FRAME_FILE");
    first_done = 1;
    if (ff && *ff) {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts);
        FILE *f = fopen(ff, "w");
        if (f) {
            fprintf(f, "%lld%09ld\n", (long long)ts.tv_sec, ts.tv_nsec);
            fclose(f);
        }
    }
    if (log) {
        double ms = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 /
                    (double)SDL_GetPerformanceFrequency();
        fprintf(log, "%.3f %d\n", ms, (int)u->screen);
        fflush(log);
    }
}

/* ---- screens not yet in their own file: their drawing, keys and regions ---------------- */

static void office_draw_all(Ui *u)
{
    ui_office_scene(u);
    if (u->ov == OV_DOC || u->ov == OV_REASON)
        draw_doc_overlay(u);
    if (u->ov == OV_REASON)
        draw_reason_overlay(u);
    if (u->ov == OV_PC)
        draw_pc_overlay(u);
    if (u->ov == OV_LEAVE)
        draw_leave_overlay(u);
}

static int legacy_click(Ui *u, const Hit *h)
{
    if (!h) {
        /* A click outside an open document or the PC closes it. */
        if (u->screen == SCR_OFFICE && (u->ov == OV_DOC || u->ov == OV_PC) && !u->compare_pick)
            u->ov = OV_NONE;
        return 1;
    }
    switch (h->kind) {
    case HIT_ACTION:
        if (u->ov == OV_NONE)
            office_key(u, (SDL_Keycode)(SDLK_1 + h->arg));
        break;
    case HIT_REACTION: to_debrief(u); break;
    case HIT_DESK_DOC:
        if (u->ov == OV_NONE && !u->reaction) {
            u->focus_area = 1;
            u->sel_doc = h->arg;
            open_doc(u, h->arg);
        }
        break;
    case HIT_PC:
        if (u->ov == OV_NONE && !u->reaction)
            office_key(u, SDLK_p);
        break;
    case HIT_FIELD:
        if (u->ov == OV_DOC && !u->compare_pick) {
            u->ov_field = h->arg;
            u->ov = OV_REASON;
            u->ov_reason = 0;
        }
        break;
    case HIT_REASON: u->ov_reason = h->arg; flag_field(u); break;
    case HIT_SERVICE:
        if (u->ov_service == h->arg)
            office_key(u, SDLK_RETURN);
        else
            u->ov_service = h->arg;
        break;
    case HIT_COMPARE: office_key(u, (SDL_Keycode)(SDLK_1 + h->arg)); break;
    case HIT_STORE_RETRY: ui_store_retry(u); break;
    case HIT_LEAVE_YES: ui_attempt_leave(u); break;
    case HIT_LEAVE_NO: u->ov = OV_NONE; break;
    case HIT_BOOK:
        if (u->screen == SCR_OFFICE)
            office_key(u, SDLK_F1);
        else
            ui_book_open(u, NULL);
        break;
    case HIT_SHIFT: ui_shift_begin(u); break;
    case HIT_CLOSE:
    case HIT_NONE: break;
    }
    return 1;
}

const ScreenDef screen_office = {.name = "office", .draw = office_draw_all, .key = office_key,
                                 .click = legacy_click};

void ui_office_replay_view(Ui *u)
{
    u->ov = OV_NONE;
    u->focus_area = -1; /* a replay shows no keyboard focus */
    u->nnotices = 0;
    u->animating = 0;
    u->office_frames = 1; /* straight to the layered drawing */
    u->reaction = 0;
    u->scene_key[0] = '\0';
    u->show_line = 1;
}

/* ==== dispatch ============================================================================ */

/* The table of screens: a new screen is one file, one enum value and one line here. */
static const ScreenDef *const screens[SCR_COUNT] = {
    [SCR_START] = &screen_start,
    [SCR_NEW_PROFILE] = &screen_new_profile,
    [SCR_CATALOG] = &screen_catalog,
    [SCR_OFFICE] = &screen_office,
    [SCR_DEBRIEF] = &screen_debrief,
    [SCR_SETTINGS] = &screen_settings,
    [SCR_MANAGER] = &screen_manager,
    [SCR_TRAINEE] = &screen_trainee,
    [SCR_REPLAY] = &screen_replay,
    [SCR_BOOK] = &screen_book,
    [SCR_SHIFT_END] = &screen_shift_end,
    [SCR_RELOAD_ERROR] = &screen_reload_error,
    [SCR_PIN] = &screen_pin,
};

void ui_go(Ui *u, Screen s)
{
    Screen from = u->screen;
    u->screen = s;
    u->dirty = 1;
    /* Text input (and an on-screen keyboard, where there is one) only where text is typed:
     * otherwise keys would also arrive as text. */
    if (screens[s]->text)
        SDL_StartTextInput();
    else
        SDL_StopTextInput();
    if (screens[s]->enter)
        screens[s]->enter(u, from);
}

void *ui_state(Ui *u, Screen s)
{
    return u->st[s];
}

const char *ui_expect_text(Ui *u)
{
    return screens[u->screen]->expect_text ? screens[u->screen]->expect_text(u) : NULL;
}

const char *ui_screen_name(Screen s)
{
    return (size_t)s < SCR_COUNT ? screens[s]->name : "?";
}

static void draw_frame(Ui *u, const char *shot)
{
    int w, h;
    gfx_size(u->g, &w, &h);
    layout_compute(&u->l, w, h, u->text_pct);
    /* A frame that only advances an animation keeps the office's front layer and its mouse
     * regions. */
    u->front_reuse = !u->dirty && !shot && u->screen == SCR_OFFICE && u->ov == OV_NONE;
    if (!u->front_reuse)
        u->nhits = 0;
    gfx_begin(u->g, u->theme.bg);
    screens[u->screen]->draw(u);
    if (u->store_msg[0] && store_pending(u->cfg->store) > 0)
        ui_store_banner(u);
    else if (u->store_lost[0] && u->screen != SCR_DEBRIEF)
        ui_store_lost_banner(u);
    if (shot) {
        SimError e;
        if (gfx_screenshot(u->g, shot, &e) != SIM_OK) {
            sim_error_set(u->err, SIM_ERR_IO, "%s", e.msg);
            u->failed = 1;
        }
    }
    gfx_present(u->g);
    u->dirty = 0;
}

static void on_key(Ui *u, SDL_Keycode k)
{
    if (k == SDLK_F6 && store_pending(u->cfg->store) > 0) {
        ui_store_retry(u);
        return;
    }
    if (k == SDLK_F11) {
        gfx_set_fullscreen(u->g, !gfx_is_fullscreen(u->g));
        ui_setting_save(u, "fullscreen", gfx_is_fullscreen(u->g));
        u->dirty = 1;
        return;
    }
    if (screens[u->screen]->key)
        screens[u->screen]->key(u, k);
}

/* The topmost (last drawn) region under (x, y) gets the click; a click on no region is the
 * screen's too (a dialog closes on it). */
static void on_click(Ui *u, int x, int y)
{
    const Hit *hit = NULL;
    for (int i = u->nhits - 1; i >= 0 && !hit; i--) {
        const Hit *h = &u->hits[i];
        if (x >= h->r.x && x < h->r.x + h->r.w && y >= h->r.y && y < h->r.y + h->r.h)
            hit = h;
    }
    if (hit && hit->kind == HIT_STORE_RETRY)
        ui_store_retry(u);
    else if (screens[u->screen]->click)
        screens[u->screen]->click(u, hit);
    u->dirty = 1;
}

static void handle(Ui *u, const SDL_Event *ev)
{
    switch (ev->type) {
    case SDL_QUIT: u->running = 0; break;
    case SDL_KEYDOWN: on_key(u, ev->key.keysym.sym); break;
    case SDL_TEXTINPUT:
        if (screens[u->screen]->text)
            screens[u->screen]->text(u, ev->text.text);
        break;
    case SDL_MOUSEMOTION: {
        u->mouse_x = (int)(ev->motion.x * gfx_dpi_scale(u->g));
        u->mouse_y = (int)(ev->motion.y * gfx_dpi_scale(u->g));
        if (screens[u->screen]->motion) {
            if (screens[u->screen]->motion(u, u->mouse_x, u->mouse_y))
                u->dirty = 1;
            break;
        }
        /* Redraw only when the pointer crosses into or out of a region. */
        int h = -1;
        for (int i = u->nhits - 1; i >= 0 && h < 0; i--)
            if (ui_hovered(u, u->hits[i].r))
                h = i;
        if (h != u->hover) {
            u->hover = h;
            u->dirty = 1;
        }
        break;
    }
    case SDL_MOUSEBUTTONDOWN:
        if (ev->button.button == SDL_BUTTON_LEFT) {
            float k = gfx_dpi_scale(u->g);
            u->mouse_x = (int)(ev->button.x * k);
            u->mouse_y = (int)(ev->button.y * k);
            on_click(u, u->mouse_x, u->mouse_y);
        }
        break;
    case SDL_MOUSEWHEEL:
        if (screens[u->screen]->wheel)
            screens[u->screen]->wheel(u, u->mouse_x, u->mouse_y, -ev->wheel.y * 60 * u->l.s);
        break;
    case SDL_WINDOWEVENT:
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
            ev->window.event == SDL_WINDOWEVENT_EXPOSED)
            u->dirty = 1;
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED && !gfx_is_fullscreen(u->g) &&
            !u->cfg->input_script) {
            int w, h;
            gfx_window_size(u->g, &w, &h);
            ui_setting_save(u, "window_w", w);
            ui_setting_save(u, "window_h", h);
        }
        break;
    default: break;
    }
}

/* ==== run ================================================================================= */

static void ui_free_states(Ui *u)
{
    for (int i = 0; i < SCR_COUNT; i++)
        free(u->st[i]);
    free(u);
}

int ui_run(const UiConfig *cfg, SimError *err)
{
    Ui *u = calloc(1, sizeof *u);
    if (!u)
        return 1;
    u->cfg = cfg;
    u->err = err;
    for (int i = 0; i < SCR_COUNT; i++)
        if (!(u->st[i] = calloc(1, screens[i]->state_size ? screens[i]->state_size : 1))) {
            ui_free_states(u);
            return 1;
        }
    for (size_t i = 0; i < cfg->scenario_count && i < MAX_SCENARIOS; i++)
        u->scens[u->nscens++] = cfg->scenarios[i];
    simbuf_init(&u->reload_text);
    u->sel_trainee = -1;
    u->hover = -1;
    u->text_pct = ui_setting_int(u, "text_pct", 100, 100, 200);
    u->high_contrast = ui_setting_int(u, "high_contrast", 0, 0, 1);
    u->timer_on = ui_setting_int(u, "timer", 1, 0, 1);
    u->exam = ui_setting_int(u, "mode", 0, 0, 1);
    int fullscreen = cfg->input_script ? 0 : ui_setting_int(u, "fullscreen", 0, 0, 1);
    int ww = cfg->width ? cfg->width : ui_setting_int(u, "window_w", 1280, 960, 16384);
    int wh = cfg->height ? cfg->height : ui_setting_int(u, "window_h", 720, 540, 16384);
    GfxOptions go = {ww, wh, fullscreen, cfg->input_script != NULL && !getenv("MFC_SHOW_WINDOW"),
                     cfg->font_path, tr(STR_UI_WINDOW_TITLE)};
    if (gfx_create(&go, &u->g, err) != SIM_OK) {
        ui_free_states(u);
        return 1;
    }
    if (gfx_warning(u->g)[0]) {
        if (cfg->warning)
            snprintf(cfg->warning, SIM_ERROR_MAX, "%s", gfx_warning(u->g));
        snprintf(u->form_error, sizeof u->form_error, "%s", gfx_warning(u->g));
    }
    /* SDL starts with text input on: keys would also arrive as text (N on the start screen
     * typed into the surname). Only the profile form turns it on. */
    SDL_StopTextInput();
    ui_apply_theme(u);
    ui_trainees_reload(u);
    int last = ui_setting_int(u, "last_trainee", 0, 0, 2147483647);
    for (size_t i = 0; i < u->ntrainees; i++)
        if (u->trainees[i].id == last)
            u->sel_trainee = (int)i;
    ui_collect_services(u);
    u->screen = SCR_START;
    if (cfg->start_scenario) {
        for (size_t i = 0; i < cfg->scenario_count; i++)
            if (strcmp(cfg->scenarios[i].scenario->id, cfg->start_scenario) == 0) {
                u->exam = cfg->exam;
                ui_attempt_start(u, (int)i);
            }
        if (u->screen != SCR_OFFICE) {
            if (u->form_error[0]) /* e.g. an exam refused on an unverified pack */
                sim_error_set(err, SIM_ERR_INVALID, "%s", u->form_error);
            else
                sim_error_set(err, SIM_ERR_INVALID, "сценарий «%s» не загружен",
                              cfg->start_scenario);
            gfx_destroy(u->g);
            ui_free_states(u);
            return 1;
        }
    }
    if (cfg->input_script && !ui_script_load(u, cfg->input_script)) {
        gfx_destroy(u->g);
        ui_free_states(u);
        return 1;
    }
    u->running = 1;
    u->dirty = 1;
    while (u->running) {
        if (u->script) {
            /* Handle what the last command produced, then run the next one. */
            SDL_Event ev;
            while (SDL_PollEvent(&ev))
                handle(u, &ev);
            ui_poll_files(u);
            if (u->dirty || u->animating)
                ui_draw(u, NULL);
            if (!ui_script_step(u) && !SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT)) {
                if (u->dirty)
                    ui_draw(u, NULL);
                break;
            }
            if (u->wait_until)
                SDL_Delay(5);
            continue;
        }
        SDL_Event ev;
        /* Idle means asleep: wake for events, the walk-up animation, or — while a scenario is
         * open — to look at its files four times a second. */
        int got = u->animating   ? SDL_WaitEventTimeout(&ev, 16)
                  : ui_watching(u) || ui_pin_waiting(u) ? SDL_WaitEventTimeout(&ev, 250)
                                : SDL_WaitEvent(&ev);
        if (got) {
            handle(u, &ev);
            while (SDL_PollEvent(&ev))
                handle(u, &ev);
        }
        ui_poll_files(u);
        if (u->dirty || u->animating)
            ui_draw(u, NULL);
    }
    int rc = u->failed ? 1 : 0;
    ui_replay_close(u); /* a replay is never recorded */
    for (int i = 0; i < SCR_COUNT; i++)
        if (screens[i]->destroy)
            screens[i]->destroy(u);
    if (u->ss && !session_finished(u->ss)) {
        session_abandon(u->ss);
        ui_write_result(u);
    }
    /* A last try for writes that wait; what the database still refuses, or refused for good,
     * is handed to the command line, which prints the attempt's actions so they can be
     * replayed later. */
    int lost = u->store_lost[0] != '\0';
    if (cfg->store && store_pending(cfg->store) > 0) {
        SimError e;
        lost |= store_flush(cfg->store, &e) != SIM_OK && store_pending(cfg->store) > 0;
    }
    if (cfg->store && lost && !u->failed) {
        SimBuf acts;
        simbuf_init(&acts);
        for (size_t i = 0; u->ss && i < session_action_count(u->ss); i++)
            simbuf_printf(&acts, "%s%s", i ? "," : "", session_action_id(u->ss, i));
        sim_error_set(err, SIM_ERR_IO, tr(STR_STORE_LOST), simbuf_str(&acts));
        simbuf_free(&acts);
        rc = 1;
    }
    session_destroy(u->ss);
    for (size_t i = 0; i < u->nscens; i++)
        if (u->owned[i]) { /* loaded again from disk by the window */
            script_program_destroy(u->scens[i].program);
            scenario_free((Scenario *)u->scens[i].scenario);
        }
    simbuf_free(&u->reload_text);
    gfx_layer_free(u->scene);
    gfx_layer_free(u->front);
    for (size_t i = 0; i < u->script_lines; i++)
        free(u->script[i]);
    free(u->script);
    gfx_destroy(u->g);
    ui_free_states(u);
    return rc;
}
