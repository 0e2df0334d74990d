/*
 * screen_debrief.c — the debrief of an attempt, the most important screen for learning: the
 * total and verdict, mistakes first (what happened, the rule, the right action), what was found,
 * the criteria, the right way. A script that stopped shows a neutral message and the
 * methodologist's report instead. Then: again, the next scenario, or the catalogue (in a shift:
 * the next ticket or the day's results).
 */
#include "ui_app.h"

#include "../core/i18n.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct DebriefState {
    float scroll, content_h, view_h; /* as the last frame measured them */
    int btn;                         /* 0 again, 1 next, 2 catalogue */
    int shift_btn;                   /* in a shift: 0 next ticket, 1 end the shift */
    int content_open;                /* the content error's report is shown */
    int on_details; /* the keyboard is on «Показать отчёт» (a content error: Tab reaches it) */
    char said[SIM_ERROR_MAX + 400]; /* what `expect` reads when the result was not saved */
} DebriefState;

enum { HIT_DB_BUTTON = HIT_SCREEN, HIT_DB_SHIFT, HIT_DB_DETAILS };

static DebriefState *S(Ui *u)
{
    return ui_state(u, SCR_DEBRIEF);
}

static void debrief_enter(Ui *u, Screen from)
{
    if (from == SCR_BOOK)
        return;
    DebriefState *st = S(u);
    memset(st, 0, sizeof *st);
}

static void debrief_draw(Ui *u)
{
    DebriefState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    const Scenario *sc = ui_scen(u);
    ScoreReport r;
    session_report(u->ss, &r);
    const Ending *en = session_ending(u->ss);
    int passed = en && r.passed;
    char dsub[600];
    if (u->in_shift)
        snprintf(dsub, sizeof dsub, tr(STR_SHIFT_DEBRIEF_SUB), sc->title,
                 u->shift.cur > 0 ? u->shift.cur : 1, u->shift.count);
    else
        snprintf(dsub, sizeof dsub, "%s", sc->title);
    ui_title(u, tr(STR_UI_DEBRIEF), dsub);
    float btn_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    float hint_h = l->hint_h;
    GRect view = {40 * s, l->title_h + 12 * s, W - 80 * s,
                  H - l->title_h - 12 * s - btn_h - hint_h - 36 * s};
    gfx_clip(u->g, &view);
    st->view_h = view.h;
    float x = view.x, w = view.w, y = view.y - st->scroll;
    const char *content = session_content_error(u->ss);
    if (content) {
        /* Not the trainee's result: a neutral message, no score; the methodologist's report
         * (script.lua:LINE and the traceback) folds out below. */
        GRect card = {x, y, w, 0};
        float th = gfx_text_box(u->g, tr(STR_CONTENT_STOPPED), 0, 0, w - 48 * s, l->px_dialog,
                                GF_BOLD, u->theme.text, 0);
        card.h = th + 40 * s;
        gfx_round(u->g, card, 10 * s, u->theme.panel);
        gfx_fill(u->g, (GRect){x, y + 8 * s, 6 * s, card.h - 16 * s}, u->theme.warn);
        gfx_text_box(u->g, tr(STR_CONTENT_STOPPED), x + 24 * s, y + 20 * s, w - 48 * s,
                     l->px_dialog, GF_BOLD, u->theme.text, 1);
        y += card.h + 18 * s;
        GRect tb =
            ui_button(u, x, y, st->content_open ? tr(STR_CONTENT_HIDE) : tr(STR_CONTENT_SHOW), 0,
                      st->on_details, HIT_DB_DETAILS, 0);
        y += tb.h + 16 * s;
        if (st->content_open) {
            SimBuf rep;
            simbuf_init(&rep);
            simbuf_printf(&rep, "%s:\n%s", tr(STR_CONTENT_REPORT), content);
            const char *log = session_script_log(u->ss);
            if (log && *log)
                simbuf_printf(&rep, "\n\n%s:\n%s", tr(STR_SCRIPT_LOG), log);
            for (char *c = (char *)simbuf_str(&rep); *c; c++)
                if (*c == '\t')
                    *c = ' '; /* the traceback's indents: the font has no tab glyph */
            float rh = gfx_text_box(u->g, simbuf_str(&rep), 0, 0, w - 40 * s, l->px_label, GF_MONO,
                                    u->theme.text, 0);
            GRect box = {x, y, w, rh + 28 * s};
            gfx_round(u->g, box, 8 * s, u->high_contrast ? u->theme.bg : (GColor){30, 34, 42, 255});
            gfx_text_box(u->g, simbuf_str(&rep), x + 20 * s, y + 14 * s, w - 40 * s, l->px_label,
                         GF_MONO, u->high_contrast ? u->theme.text : (GColor){226, 232, 240, 255},
                         1);
            y += box.h + 12 * s;
            simbuf_free(&rep);
        }
        st->content_h = y + st->scroll - view.y + 20 * s;
        gfx_clip(u->g, NULL);
        float by = H - hint_h - btn_h - 16 * s;
        if (u->in_shift) {
            const char *next = u->shift.ended ? tr(STR_SHIFT_RESULTS) : tr(STR_SHIFT_NEXT);
            int f = !st->on_details;
            GRect b = ui_button(u, 40 * s, by, next, 1, f && st->shift_btn == 0, HIT_DB_SHIFT, 0);
            if (!u->shift.ended)
                ui_button(u, b.x + b.w + 14 * s, by, tr(STR_SHIFT_FINISH), 0,
                          f && st->shift_btn == 1, HIT_DB_SHIFT, 1);
        } else {
            int f = !st->on_details;
            GRect b = ui_button(u, 40 * s, by, tr(STR_UI_RETRY), st->btn == 0, f && st->btn == 0,
                                HIT_DB_BUTTON, 0);
            b = ui_button(u, b.x + b.w + 14 * s, by, tr(STR_UI_NEXT), st->btn == 1,
                          f && st->btn == 1, HIT_DB_BUTTON, 1);
            ui_button(u, b.x + b.w + 14 * s, by, tr(STR_UI_TO_MENU), st->btn == 2,
                      f && st->btn == 2, HIT_DB_BUTTON, 2);
        }
        ui_hint(u, u->in_shift ? tr(STR_SHIFT_HINT_DEBRIEF) : tr(STR_CONTENT_HINT));
        return;
    }
    /* Total and verdict. */
    char big[32];
    snprintf(big, sizeof big, "%d / 100", r.total);
    int big_px = (int)(l->px_title * 1.6f);
    float bw = gfx_text(u->g, big, x, y, big_px, GF_BOLD, u->theme.text);
    const char *verdict = passed ? tr(STR_UI_PASSED_BADGE) : tr(STR_UI_FAILED_BADGE);
    GColor vc = passed ? u->theme.good : u->theme.bad;
    float vw = ui_text_w(u, verdict, l->px_body, GF_BOLD) + 24 * s;
    float big_h = gfx_line_height(u->g, big_px, GF_BOLD);
    float vh = gfx_line_height(u->g, l->px_body, GF_BOLD) + 12 * s;
    GRect badge = {x + bw + 24 * s, y + (big_h - vh) / 2, vw, vh};
    if (badge.x + badge.w > x + w) /* large text: the badge under the score */
        badge = (GRect){x, y + big_h + 6 * s, vw, vh};
    gfx_round(u->g, badge, 8 * s, vc);
    /* The accent's text colour: white on the default theme's dark green and red, black on the
     * high-contrast theme's light ones. */
    gfx_text(u->g, verdict, badge.x + 12 * s, badge.y + 6 * s, l->px_body, GF_BOLD,
             u->theme.accent_text);
    y = fmaxf(y + big_h, badge.y + badge.h) + 8 * s;
    char meta[300], t1[16], t2[16];
    sim_format_clock(session_minutes(u->ss), t1, sizeof t1);
    sim_format_clock(sc->time_norm, t2, sizeof t2);
    snprintf(meta, sizeof meta, tr(STR_UI_DEBRIEF_META), sc->pass_mark, t1, t2);
    y += gfx_text_box(u->g, meta, x, y, w, l->px_label, GF_REGULAR, u->theme.text_dim, 1) + 4 * s;
    char chain[STORE_HEAD_LEN + 1];
    if (u->store_lost[0]) {
        /* The database refused this attempt for good: no chain label as if it were stored. */
        char line[SIM_ERROR_MAX + 300];
        snprintf(line, sizeof line, tr(STR_STORE_LOST_DEBRIEF), u->store_lost);
        float lh = gfx_text_box(u->g, line, 0, 0, w - 40 * s, l->px_body, GF_BOLD, u->theme.bad, 0);
        GRect card = {x, y + 4 * s, w, lh + 24 * s};
        gfx_round(u->g, card, 8 * s, u->theme.panel);
        gfx_round_outline(u->g, card, 8 * s, 2.5f * s, u->theme.bad);
        gfx_text_box(u->g, line, x + 20 * s, card.y + 12 * s, w - 40 * s, l->px_body, GF_BOLD,
                     u->theme.bad, 1);
        y = card.y + card.h + 12 * s;
    } else if (ui_chain_head(u, chain)) {
        /* The results chain's head, short form: a manager compares it with `verify`. */
        char line[200];
        chain[16] = '\0';
        snprintf(line, sizeof line, tr(STR_UI_CHAIN_HEAD), chain);
        y += gfx_text_box(u->g, line, x, y, w, l->px_small, GF_REGULAR, u->theme.text_dim, 1);
    }
    y += 14 * s;
    if (en) {
        y +=
            gfx_text_box(u->g, en->title, x, y, w, l->px_dialog, GF_BOLD, u->theme.text, 1) + 4 * s;
        y += gfx_text_box(u->g, en->debrief, x, y, w * 0.9f, l->px_body, GF_REGULAR, u->theme.text,
                          1) +
             14 * s;
    } else {
        y += gfx_text_box(u->g, tr(STR_UNFINISHED), x, y, w, l->px_dialog, GF_BOLD, u->theme.text,
                          1) +
             14 * s;
    }
    /* Mistakes first: they are what the trainee learns from. */
    const ScoreLedger *lg = session_ledger(u->ss);
    gfx_text(u->g, tr(STR_MISTAKES), x, y, l->px_dialog, GF_BOLD, u->theme.text);
    y += l->px_dialog * 1.6f;
    int any = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < lg->count; i++) {
            const LedgerEntry *e = &lg->entries[i];
            if (!ledger_is_mistake(e) || (pass == 0) != (e->kind == LEDGER_CRITICAL))
                continue;
            any = 1;
            char head[300];
            if (e->kind == LEDGER_CRITICAL)
                snprintf(head, sizeof head, "✖ %s", tr(STR_UI_CRITICAL_ONE));
            else if (e->kind == LEDGER_MISSED)
                snprintf(head, sizeof head, "⚠ %s · %s", tr(STR_UI_MISSED),
                         e->criterion >= 0 ? sc->criteria[e->criterion].title : "");
            else
                snprintf(head, sizeof head, "✖ −%d · %s", -e->points,
                         e->criterion >= 0 ? sc->criteria[e->criterion].title : "");
            float bh = gfx_text_box(u->g, e->feedback, 0, 0, w - 40 * s, l->px_body, GF_REGULAR,
                                    u->theme.text, 0);
            float rh = e->rule ? gfx_text_box(u->g, e->rule->text, 0, 0, w - 40 * s, l->px_label,
                                              GF_REGULAR, u->theme.text_dim, 0)
                               : 0;
            GRect card = {x, y, w,
                          bh + rh + l->px_label * 2.6f + (e->rule ? l->px_label * 1.4f : 0)};
            gfx_round(u->g, card, 8 * s, u->theme.panel);
            gfx_fill(u->g, (GRect){x, y + 6 * s, 6 * s, card.h - 12 * s},
                     e->kind == LEDGER_CRITICAL ? u->theme.bad : u->theme.warn);
            float cy = y + 8 * s;
            gfx_text(u->g, head, x + 20 * s, cy, l->px_label, GF_BOLD,
                     e->kind == LEDGER_CRITICAL ? u->theme.bad : u->theme.warn);
            cy += l->px_label * 1.5f;
            cy += gfx_text_box(u->g, e->feedback, x + 20 * s, cy, w - 40 * s, l->px_body,
                               GF_REGULAR, u->theme.text, 1) +
                  4 * s;
            if (e->rule) {
                char rule[300];
                snprintf(rule, sizeof rule, "§ %s", e->rule->short_);
                gfx_text(u->g, rule, x + 20 * s, cy, l->px_label, GF_BOLD, u->theme.accent);
                cy += l->px_label * 1.4f;
                gfx_text_box(u->g, e->rule->text, x + 20 * s, cy, w - 40 * s, l->px_label,
                             GF_REGULAR, u->theme.text_dim, 1);
            }
            y += card.h + 10 * s;
        }
    /* A floor missed fails the attempt whatever the total: say which, and by how much. */
    for (size_t c = 0; en && c < sc->criterion_count; c++) {
        if (!(r.floors_missed & (1u << c)))
            continue;
        any = 1;
        char msg[600];
        snprintf(msg, sizeof msg, tr(STR_FLOOR_MISSED), sc->criteria[c].title, r.crit[c].score,
                 r.crit[c].max, sc->floors[c]);
        float bh =
            gfx_text_box(u->g, msg, 0, 0, w - 40 * s, l->px_body, GF_REGULAR, u->theme.text, 0);
        GRect card = {x, y, w, bh + l->px_label * 2.6f};
        gfx_round(u->g, card, 8 * s, u->theme.panel);
        gfx_fill(u->g, (GRect){x, y + 6 * s, 6 * s, card.h - 12 * s}, u->theme.bad);
        gfx_text(u->g, tr(STR_FLOORS), x + 20 * s, y + 8 * s, l->px_label, GF_BOLD, u->theme.bad);
        gfx_text_box(u->g, msg, x + 20 * s, y + 8 * s + l->px_label * 1.5f, w - 40 * s, l->px_body,
                     GF_REGULAR, u->theme.text, 1);
        y += card.h + 10 * s;
    }
    if (!any) {
        gfx_text(u->g, tr(STR_NO_MISTAKES), x, y, l->px_body, GF_REGULAR, u->theme.good);
        y += l->px_body * 1.8f;
    }
    /* What was found is acknowledged too. */
    int found = 0;
    for (size_t d = 0; d < sc->document_count; d++)
        for (size_t p = 0; p < sc->documents[d].problem_count; p++) {
            if (!session_problem_found(u->ss, (int)d, (int)p))
                continue;
            if (!found++) {
                y += 10 * s;
                gfx_text(u->g, tr(STR_FLAGGED_RIGHT), x, y, l->px_dialog, GF_BOLD, u->theme.text);
                y += l->px_dialog * 1.6f;
            }
            char *where = session_problem_where(sc, (int)d, (int)p);
            char line[700];
            snprintf(line, sizeof line, "✔ %s", where ? where : "");
            free(where);
            y +=
                gfx_text_box(u->g, line, x, y, w * 0.9f, l->px_body, GF_REGULAR, u->theme.text, 1) +
                6 * s;
        }
    /* Criteria bars. */
    y += 10 * s;
    gfx_text(u->g, tr(STR_CRITERIA), x, y, l->px_dialog, GF_BOLD, u->theme.text);
    y += l->px_dialog * 1.6f;
    float lw = 300 * s * l->ts / l->s, barw = w * 0.45f;
    for (size_t c = 0; c < sc->criterion_count; c++) {
        if (r.crit[c].max <= 0)
            continue;
        gfx_text(u->g, sc->criteria[c].title, x, y, l->px_body, GF_REGULAR, u->theme.text);
        GRect bar = {x + lw, y + 2 * s, barw, l->px_body * 1.1f};
        gfx_round(u->g, bar, 4 * s, (GColor){200, 200, 200, 120});
        float k = (float)r.crit[c].score / r.crit[c].max;
        if (k > 0)
            gfx_round(u->g, (GRect){bar.x, bar.y, bar.w * k, bar.h}, 4 * s,
                      k >= 0.7f ? u->theme.good : (k >= 0.4f ? u->theme.warn : u->theme.bad));
        char v[32];
        snprintf(v, sizeof v, "%d / %d", r.crit[c].score, r.crit[c].max);
        gfx_text(u->g, v, bar.x + bar.w + 14 * s, y, l->px_body, GF_BOLD, u->theme.text);
        y += l->px_body * 1.7f;
    }
    /* The right way. */
    y += 10 * s;
    gfx_text(u->g, tr(STR_RIGHT_WAY), x, y, l->px_dialog, GF_BOLD, u->theme.text);
    y += l->px_dialog * 1.6f;
    y +=
        gfx_text_box(u->g, sc->right_way, x, y, w * 0.9f, l->px_body, GF_REGULAR, u->theme.text, 1);
    st->content_h = y + st->scroll - view.y + 20 * s;
    gfx_clip(u->g, NULL);
    if (st->content_h > view.h) {
        float k = view.h / st->content_h;
        gfx_round(u->g, (GRect){W - 24 * s, view.y + st->scroll * k, 6 * s, view.h * k}, 3 * s,
                  u->theme.text_dim);
    }
    /* Buttons. */
    float by = H - hint_h - btn_h - 16 * s;
    if (u->in_shift) {
        /* A shift goes on: the next ticket, or the day's results after the last one. */
        const char *next = u->shift.ended ? tr(STR_SHIFT_RESULTS) : tr(STR_SHIFT_NEXT);
        GRect b = ui_button(u, 40 * s, by, next, 1, st->shift_btn == 0, HIT_DB_SHIFT, 0);
        if (!u->shift.ended)
            ui_button(u, b.x + b.w + 14 * s, by, tr(STR_SHIFT_FINISH), 0, st->shift_btn == 1,
                      HIT_DB_SHIFT, 1);
        ui_hint(u, tr(STR_SHIFT_HINT_DEBRIEF));
        return;
    }
    GRect b =
        ui_button(u, 40 * s, by, tr(STR_UI_RETRY), st->btn == 0, st->btn == 0, HIT_DB_BUTTON, 0);
    b = ui_button(u, b.x + b.w + 14 * s, by, tr(STR_UI_NEXT), st->btn == 1, st->btn == 1,
                  HIT_DB_BUTTON, 1);
    ui_button(u, b.x + b.w + 14 * s, by, tr(STR_UI_TO_MENU), st->btn == 2, st->btn == 2,
              HIT_DB_BUTTON, 2);
    ui_hint(u, tr(STR_UI_HINT_DEBRIEF));
}

static void debrief_do(Ui *u, int which)
{
    if (which == 0)
        ui_attempt_start(u, u->scen);
    else if (which == 1)
        ui_attempt_start(u, (u->scen + 1) % (int)u->nscens);
    else
        ui_go(u, SCR_CATALOG);
    u->dirty = 1;
}

/* Scrolls by d pixels within what the last frame measured. */
static void debrief_scroll(Ui *u, float d)
{
    DebriefState *st = S(u);
    float max = st->content_h > st->view_h ? st->content_h - st->view_h : 0;
    st->scroll = fminf(fmaxf(st->scroll + d, 0), max);
    u->dirty = 1;
}

/* ↓ ↑ PgDn PgUp on a debrief (the attempt's or a shift applicant's). */
static void debrief_scroll_key(Ui *u, SDL_Keycode k)
{
    if (k == SDLK_DOWN)
        debrief_scroll(u, 60 * u->l.s);
    else if (k == SDLK_UP)
        debrief_scroll(u, -60 * u->l.s);
    else if (k == SDLK_PAGEDOWN)
        debrief_scroll(u, u->l.H * 0.6f);
    else if (k == SDLK_PAGEUP)
        debrief_scroll(u, -u->l.H * 0.6f);
}

static void shift_debrief_do(Ui *u, int which)
{
    if (which == 1)
        u->shift.ended = 1; /* the trainee closes the window early */
    ui_shift_next(u);
    u->dirty = 1;
}

static void debrief_key(Ui *u, SDL_Keycode k)
{
    DebriefState *st = S(u);
    int content = session_content_error(u->ss) != NULL;
    if ((k == SDLK_d && content) ||
        (st->on_details && (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE))) {
        st->content_open = !st->content_open;
        u->dirty = 1;
        return;
    }
    if (content && k == SDLK_TAB) {
        /* A content error: Tab goes through the buttons, then «Показать отчёт». */
        int last = u->in_shift ? (u->shift.ended ? 0 : 1) : 2;
        int *b = u->in_shift ? &st->shift_btn : &st->btn;
        if (st->on_details)
            st->on_details = 0, *b = 0;
        else if (*b == last)
            st->on_details = 1;
        else
            (*b)++;
        u->dirty = 1;
        return;
    }
    if (k == SDLK_LEFT || k == SDLK_RIGHT)
        st->on_details = 0;
    if (u->in_shift) {
        int nb = u->shift.ended ? 1 : 2;
        if (k == SDLK_LEFT || k == SDLK_RIGHT || k == SDLK_TAB)
            st->shift_btn = (st->shift_btn + 1) % nb;
        else if (k == SDLK_RETURN || k == SDLK_KP_ENTER)
            shift_debrief_do(u, st->shift_btn);
        else if (k == SDLK_ESCAPE)
            shift_debrief_do(u, 1);
        else
            debrief_scroll_key(u, k);
        u->dirty = 1;
        return;
    }
    if (k == SDLK_LEFT)
        st->btn = (st->btn + 2) % 3;
    else if (k == SDLK_RIGHT || k == SDLK_TAB)
        st->btn = (st->btn + 1) % 3;
    else if (k == SDLK_RETURN || k == SDLK_KP_ENTER)
        debrief_do(u, st->btn);
    else if (k == SDLK_r)
        debrief_do(u, 0);
    else if (k == SDLK_n)
        debrief_do(u, 1);
    else if (k == SDLK_ESCAPE)
        debrief_do(u, 2);
    else
        debrief_scroll_key(u, k);
    u->dirty = 1;
}

static void debrief_wheel(Ui *u, int x, int y, float dy)
{
    (void)x, (void)y;
    debrief_scroll(u, dy);
}

static int debrief_click(Ui *u, const Hit *h)
{
    DebriefState *st = S(u);
    if (!h)
        return 0;
    switch (h->kind) {
    case HIT_DB_BUTTON:
        debrief_do(u, h->arg);
        break;
    case HIT_DB_SHIFT:
        shift_debrief_do(u, h->arg);
        break;
    case HIT_DB_DETAILS:
        st->content_open = !st->content_open;
        st->on_details = 1;
        break;
    default:
        return 0;
    }
    return 1;
}

static const char *debrief_expect(Ui *u)
{
    DebriefState *st = S(u);
    if (u->store_lost[0]) {
        snprintf(st->said, sizeof st->said, tr(STR_STORE_LOST_DEBRIEF), u->store_lost);
        return st->said;
    }
    return session_content_error(u->ss) ? tr(STR_CONTENT_STOPPED) : NULL;
}

/* Speech: the total and verdict, how the reception ended, each mistake with its rule, each floor
 * missed, then the focused button. */
static void debrief_speak(Ui *u, SpeakFrame *f)
{
    DebriefState *st = S(u);
    const Scenario *sc = ui_scen(u);
    if (!u->ss || !sc)
        return;
    ui_say(f, SAY_SCREEN, "%s. %s", tr(STR_UI_DEBRIEF), sc->title);
    const char *content = session_content_error(u->ss);
    if (content) {
        ui_say(f, SAY_CONTENT, "%s", tr(STR_CONTENT_STOPPED));
    } else {
        ScoreReport r;
        session_report(u->ss, &r);
        const Ending *en = session_ending(u->ss);
        ui_say(f, SAY_CONTENT, tr(STR_SAY_SCORE), r.total,
               en && r.passed ? tr(STR_UI_PASSED_BADGE) : tr(STR_UI_FAILED_BADGE));
        if (en) {
            ui_say(f, SAY_CONTENT, "%s", en->title);
            ui_say(f, SAY_CONTENT, "%s", en->debrief);
        } else {
            ui_say(f, SAY_CONTENT, "%s", tr(STR_UNFINISHED));
        }
        const ScoreLedger *lg = session_ledger(u->ss);
        int any = 0;
        for (int pass = 0; pass < 2; pass++)
            for (size_t i = 0; i < lg->count; i++) {
                const LedgerEntry *e = &lg->entries[i];
                if (!ledger_is_mistake(e) || (pass == 0) != (e->kind == LEDGER_CRITICAL))
                    continue;
                if (!any++)
                    ui_say(f, SAY_CONTENT, "%s", tr(STR_MISTAKES));
                ui_say(f, SAY_CONTENT, "%s%s%s", e->feedback, e->rule ? " § " : "",
                       e->rule ? e->rule->short_ : "");
            }
        for (size_t c = 0; en && c < sc->criterion_count; c++)
            if (r.floors_missed & (1u << c))
                ui_say(f, SAY_CONTENT, tr(STR_FLOOR_MISSED), sc->criteria[c].title, r.crit[c].score,
                       r.crit[c].max, sc->floors[c]);
        if (!any)
            ui_say(f, SAY_CONTENT, "%s", tr(STR_NO_MISTAKES));
    }
    const char *label;
    if (st->on_details)
        label = st->content_open ? tr(STR_CONTENT_HIDE) : tr(STR_CONTENT_SHOW);
    else if (u->in_shift)
        label = st->shift_btn == 1 ? tr(STR_SHIFT_FINISH)
                : u->shift.ended   ? tr(STR_SHIFT_RESULTS)
                                   : tr(STR_SHIFT_NEXT);
    else
        label = st->btn == 0   ? tr(STR_UI_RETRY)
                : st->btn == 1 ? tr(STR_UI_NEXT)
                               : tr(STR_UI_TO_MENU);
    ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON), label);
}

const ScreenDef screen_debrief = {
    .name = "debrief",
    .state_size = sizeof(DebriefState),
    .enter = debrief_enter,
    .draw = debrief_draw,
    .key = debrief_key,
    .click = debrief_click,
    .wheel = debrief_wheel,
    .expect_text = debrief_expect,
    .speak = debrief_speak,
};
