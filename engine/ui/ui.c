/*
 * ui.c — the screens of the trainee's window and their input (see ui.h).
 *
 * One loop: wait for an event (or the next animation frame), let the current screen handle
 * it, redraw only when something changed. Screens draw themselves and register hit regions
 * as they go, so the mouse and the keyboard reach the same handlers. Automation reads an
 * input script and feeds the same SDL events a person would produce.
 */
#include "../crypto/crypto.h"
#include "ui_internal.h"
#include "shift.h"
#include "syncbg.h"

#include "../core/i18n.h"
#include "../store/report.h"

#include <SDL.h>
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#define MAX_HITS 256
#define MAX_NOTICES 8
#define MAX_TRAINEES 64

typedef enum Screen {
    SCR_START = 0,
    SCR_NEW_PROFILE,
    SCR_CATALOG,
    SCR_OFFICE,
    SCR_DEBRIEF,
    SCR_SETTINGS,
    SCR_MANAGER,
    SCR_TRAINEE,
    SCR_REPLAY,
    SCR_BOOK,         /* the «Справочник», over whatever screen opened it */
    SCR_SHIFT_END,    /* the day summary of a shift */
    SCR_RELOAD_ERROR, /* the open scenario no longer loads */
    SCR_PIN           /* the manager's PIN, before the manager area */
} Screen;

#define MAX_SCENARIOS 256

typedef enum Overlay { OV_NONE = 0, OV_DOC, OV_REASON, OV_PC, OV_LEAVE } Overlay;

typedef enum HitKind {
    HIT_NONE = 0,
    HIT_PROFILE,
    HIT_NEW_PROFILE,
    HIT_MODE,
    HIT_START,
    HIT_SETTINGS,
    HIT_QUIT,
    HIT_FORM_FIELD,
    HIT_FORM_OK,
    HIT_FORM_CANCEL,
    HIT_FILTER,
    HIT_CARD,
    HIT_BACK,
    HIT_ACTION,
    HIT_REACTION,
    HIT_DESK_DOC,
    HIT_PC,
    HIT_FIELD,
    HIT_REASON,
    HIT_SERVICE,
    HIT_CLOSE,
    HIT_COMPARE,
    HIT_DEBRIEF,
    HIT_SETTING,
    HIT_LEAVE_YES,
    HIT_LEAVE_NO,
    HIT_MANAGER,
    HIT_MGR_TAB,
    HIT_MGR_ROW,
    HIT_MGR_COL,
    HIT_HIST_ROW,
    HIT_BOOK,
    HIT_SHIFT,
    HIT_SHIFT_END,
    HIT_RELOAD,
    HIT_CONTENT_DETAILS, /* show or hide the methodologist's report of a content error */
    HIT_STORE_RETRY      /* «Повторить запись» */
} HitKind;

typedef struct Hit {
    GRect r;
    HitKind kind;
    int arg;
} Hit;

typedef struct Notice {
    char text[SIM_ERROR_MAX + 512];
    int points;
    int critical;
    int info; /* news rather than a score: drawn with the accent colour */
} Notice;

typedef struct Ui {
    const UiConfig *cfg;
    /* The scenarios: the configuration's, except those loaded again from disk (owned[i]). */
    UiScenario scens[MAX_SCENARIOS];
    char owned[MAX_SCENARIOS];
    size_t nscens;
    Gfx *g;
    Theme theme;
    Layout l;
    Screen screen;
    Overlay ov;
    int running, dirty;
    /* settings */
    int text_pct, high_contrast, timer_on;
    /* start */
    Trainee trainees[MAX_TRAINEES];
    size_t ntrainees;
    int sel_trainee; /* index, or -1 for a guest */
    int exam;
    /* the manager's PIN: two fields when setting it, the growing delay after wrong tries */
    char pin[2][12];
    int pin_field, pin_setting, pin_ok, pin_fails;
    Uint32 pin_until;
    char pin_msg[300];
    int start_focus; /* 0 profiles, 1 mode, 2 buttons */
    int start_button;
    /* new profile */
    char form[3][128];
    int form_field;
    char form_error[SIM_ERROR_MAX];
    /* catalogue */
    int filter; /* -1 all, else service group index */
    int sel_card;
    int catalog_cols;
    /* Each card's best result and whether an attempt waits to be resumed, read from the
     * database when the trainee changes or an attempt ends — not on every frame. */
    ScenarioStats card_stats[256];
    char card_resumable[256];
    long long cards_for; /* the trainee they were read for; -2 = stale */
    char services[32][128];
    int nservices;
    /* office */
    Session *ss;
    int scen;
    char attempt[40];
    int focus_area; /* 0 dialogue, 1 desk */
    int sel_action, sel_doc;
    int ov_doc, ov_doc2, ov_field, ov_reason, ov_service, compare_pick;

    Notice notices[MAX_NOTICES];
    int nnotices;
    int last_step; /* the step the applicant's line belongs to */
    int show_line;
    uint32_t enter_t0;
    int animating;
    GfxLayer *scene; /* the hall and the desk, drawn again only when they change */
    char scene_key[128];
    float scene_desk;
    GfxLayer *front; /* everything in front of the applicant: kept while only they move */
    int front_ok, front_reuse;
    int office_frames; /* frames drawn since the attempt began: the first skips the layers */
    int reaction; /* the reception has ended: the applicant's reaction shows until the trainee
                     moves on to the debrief */
    /* debrief */
    int content_open; /* the content error's report is shown */
    /* the results database refused writes: they wait in memory (store_pending) */
    char store_msg[SIM_ERROR_MAX];
    SyncBg *sync;        /* the background sync with the centre; NULL without `central` */
    char sync_line[512]; /* its status line, "" before its first run */
    float scroll;
    int debrief_btn;
    float content_h;
    /* manager area */
    Report *report;
    int mgr_tab, mgr_sel, mgr_sort, mgr_desc;
    AttemptRow *hist;
    size_t nhist;
    int hist_sel;
    long long mgr_trainee;
    char mgr_title[400];
    Session *replay;
    char **replay_actions;
    size_t replay_n, replay_k;
    char replay_error[SIM_ERROR_MAX];
    /* the «Справочник» and where it returns to */
    Book book;
    Screen book_back;
    Overlay book_back_ov;
    /* «Смена» */
    Shift shift;
    int in_shift;
    int shift_btn;
    int shift_tickets; /* tickets taken when the last notice was made */
    /* reload: the open scenario's files, their last signature and the error screen */
    char watch_sig[2][64];
    uint32_t last_poll;
    SimBuf reload_text; /* the loader's messages, one per line */
    size_t reload_lines;
    float reload_scroll;
    int reload_btn;
    int broken_tried;
    /* settings screen */
    int setting_row;
    Screen settings_back;
    /* hits */
    Hit hits[MAX_HITS];
    int nhits;
    int mouse_x, mouse_y;
    int hover;
    /* automation */
    char **script;
    size_t script_lines, script_pc;
    uint32_t wait_until;
    SimError *err;
    int failed;
} Ui;

/* ==== helpers ============================================================================= */

static void add_hit(Ui *u, GRect r, HitKind k, int arg)
{
    if (u->nhits < MAX_HITS)
        u->hits[u->nhits++] = (Hit){r, k, arg};
}

static int hovered(const Ui *u, GRect r)
{
    return u->mouse_x >= r.x && u->mouse_x < r.x + r.w && u->mouse_y >= r.y &&
           u->mouse_y < r.y + r.h;
}

static const Scenario *cur_scen(const Ui *u)
{
    return u->scens[u->scen].scenario;
}

static float text_w(Ui *u, const char *s, int px, GFont f)
{
    int w, h;
    gfx_text_size(u->g, s, px, f, &w, &h);
    return (float)w;
}

/* A button: rounded, accent when primary or focused; returns its rect. */
static GRect button(Ui *u, float x, float y, const char *label, int primary, int focused,
                    HitKind k, int arg)
{
    const Layout *l = &u->l;
    float pad = 18 * l->s;
    float w = text_w(u, label, l->px_body, GF_BOLD) + 2 * pad;
    float h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * l->s;
    GRect r = {x, y, w, h};
    int hov = hovered(u, r);
    GColor bg = primary ? u->theme.accent : u->theme.panel;
    GColor fg = primary ? u->theme.accent_text : u->theme.text;
    gfx_round(u->g, (GRect){x + 2 * l->s, y + 3 * l->s, w, h}, 8 * l->s, u->theme.shadow);
    gfx_round(u->g, r, 8 * l->s, bg);
    gfx_round_outline(u->g, r, 8 * l->s, (hov ? 2.5f : 1.5f) * l->s,
                      primary ? u->theme.accent : u->theme.panel_edge);
    gfx_text(u->g, label, x + pad, y + 8 * l->s, l->px_body, GF_BOLD, fg);
    if (focused)
        gfx_round_outline(u->g, (GRect){x - 4 * l->s, y - 4 * l->s, w + 8 * l->s, h + 8 * l->s},
                          10 * l->s, 3 * l->s, u->theme.focus);
    add_hit(u, r, k, arg);
    return r;
}

static void panel(Ui *u, GRect r)
{
    float s = u->l.s;
    gfx_round(u->g, (GRect){r.x + 3 * s, r.y + 4 * s, r.w, r.h}, 10 * s, u->theme.shadow);
    gfx_round(u->g, r, 10 * s, u->theme.panel);
    gfx_round_outline(u->g, r, 10 * s, 1.5f * s, u->theme.panel_edge);
}

static void dim(Ui *u)
{
    gfx_fill(u->g, (GRect){0, 0, (float)u->l.W, (float)u->l.H}, (GColor){0, 0, 0, 150});
}

void ui_hint_bar(Gfx *g, const Layout *l, int high_contrast, const char *text)
{
    float h = gfx_line_height(g, l->px_small, GF_REGULAR) + 10 * l->s;
    gfx_fill(g, (GRect){0, l->H - h, (float)l->W, h},
             high_contrast ? (GColor){0, 0, 0, 255} : (GColor){58, 62, 70, 255});
    gfx_text(g, text, 14 * l->s, l->H - h + 5 * l->s, l->px_small, GF_REGULAR,
             (GColor){255, 255, 255, 255});
}

static void hint_bar(Ui *u, const char *text)
{
    ui_hint_bar(u->g, &u->l, u->high_contrast, text);
}

/* ==== settings ============================================================================ */

/* A remembered setting, or def when it is unset or not a whole number within lo..hi (a file
 * edited by hand or damaged must not decide the window's size or the text scale). */
static int setting_int(Ui *u, const char *key, int def, int lo, int hi)
{
    if (!u->cfg->store)
        return def;
    char *v = store_get_setting(u->cfg->store, key);
    int r = def;
    if (v && *v) {
        char *end;
        errno = 0;
        long n = strtol(v, &end, 10);
        if (!*end && !errno && n >= lo && n <= hi)
            r = (int)n;
    }
    free(v);
    return r;
}

static void save_setting(Ui *u, const char *key, int value)
{
    if (!u->cfg->store)
        return;
    char v[32];
    snprintf(v, sizeof v, "%d", value);
    SimError e;
    store_set_setting(u->cfg->store, key, v, &e);
}

static void apply_theme(Ui *u)
{
    theme_init(&u->theme, u->high_contrast);
    int w, h;
    gfx_size(u->g, &w, &h);
    layout_compute(&u->l, w, h, u->text_pct);
    u->dirty = 1;
}

/* ==== office: attempts ==================================================================== */

static void store_after_write(Ui *u, SimStatus st, const SimError *e);
static void notice_info(Ui *u, const char *text);

static void write_result(Ui *u)
{
    u->cards_for = -2; /* the catalogue's figures change */
    char *json = session_result_json(u->ss, 1);
    if (u->cfg->result_path) {
        FILE *f = fopen(u->cfg->result_path, "wb");
        if (f) {
            fputs(json, f);
            fclose(f);
        }
    }
    if (u->cfg->store && u->attempt[0]) {
        ScoreReport r;
        session_report(u->ss, &r);
        const Ending *en = session_ending(u->ss);
        StoreResult sr = {.scenario = cur_scen(u), .ledger = session_ledger(u->ss), .report = &r,
                          .outcome = session_outcome_id(u->ss),
                          .finished = en != NULL || session_content_error(u->ss) != NULL,
                          .sim_minutes = session_minutes(u->ss), .result_json = json};
        SimError e;
        SimStatus st = store_finish_attempt(u->cfg->store, u->attempt, &sr, &e);
        store_after_write(u, st, &e);
        if (st == SIM_OK) syncbg_kick(u->sync); /* a finished attempt goes to the centre now */
    }
    free(json);
}

/* After a write to the results database: remembers the message while writes wait in memory,
 * and says so once they have all gone through. */
static void store_after_write(Ui *u, SimStatus st, const SimError *e)
{
    if (!u->cfg->store)
        return;
    if (store_pending(u->cfg->store) > 0) {
        if (st != SIM_OK)
            snprintf(u->store_msg, sizeof u->store_msg, "%s", e->msg);
    } else if (u->store_msg[0]) {
        u->store_msg[0] = '\0';
        notice_info(u, tr(STR_STORE_RECOVERED));
    }
    u->dirty = 1;
}

/* «Повторить запись»: writes what waits, in order. */
static void store_retry(Ui *u)
{
    if (!u->cfg->store)
        return;
    SimError e;
    SimStatus st = store_flush(u->cfg->store, &e);
    store_after_write(u, st, &e);
}

/* Continues the trainee's unfinished attempt at this scenario, if there is one: the same
 * seed and mode, its recorded actions replayed, further actions recorded into the same row.
 * Returns 1 when it did. */
static int resume_attempt(Ui *u, int scen)
{
    const UiScenario *us = &u->scens[scen];
    if (!u->cfg->store || u->sel_trainee < 0 || u->cfg->start_scenario)
        return 0;
    AttemptInfo a;
    char **acts = NULL;
    size_t n = 0;
    if (!store_unfinished_attempt(u->cfg->store, u->trainees[u->sel_trainee].id,
                                  us->scenario->id, us->scenario->hash_hex, &a, &acts, &n))
        return 0;
    SessionOptions o = {.seed = a.seed, .mode = a.exam ? MODE_EXAM : MODE_TRAINING,
                        .program = us->program};
    SimError e;
    Session *ss = NULL;
    int ok = session_create(us->scenario, &o, &ss, &e) == SIM_OK;
    for (size_t i = 0; ok && i < n; i++)
        ok = session_act(ss, acts[i], &e) == SIM_OK;
    for (size_t i = 0; i < n; i++)
        free(acts[i]);
    free(acts);
    if (!ok || session_finished(ss)) {
        session_destroy(ss);
        return 0; /* it no longer replays: start afresh */
    }
    session_destroy(u->ss);
    u->ss = ss;
    u->exam = a.exam;
    memcpy(u->attempt, a.id, sizeof u->attempt);
    return 1;
}

/* Opens a row for the current attempt in the results database (when there is one). */
static void begin_stored_attempt(Ui *u)
{
    const Scenario *sc = cur_scen(u);
    u->attempt[0] = '\0';
    if (!u->cfg->store)
        return;
    AttemptInfo a;
    SimError e;
    memset(&a, 0, sizeof a);
    a.trainee = u->sel_trainee >= 0 ? u->trainees[u->sel_trainee].id : 0;
    snprintf(a.scenario, sizeof a.scenario, "%s", sc->id);
    snprintf(a.version, sizeof a.version, "%s", sc->version);
    snprintf(a.hash, sizeof a.hash, "%s", sc->hash_hex);
    a.seed = session_seed(u->ss);
    a.exam = session_mode(u->ss) == MODE_EXAM;
    const UiPack *pk = u->scens[u->scen].pack;
    if (pk) {
        snprintf(a.pack_hash, sizeof a.pack_hash, "%s", pk->hash ? pk->hash : "");
        snprintf(a.pack_state, sizeof a.pack_state, "%s", pk->state ? pk->state : "");
        snprintf(a.pack_key, sizeof a.pack_key, "%s", pk->key ? pk->key : "");
    }
    SimStatus st = store_begin_attempt(u->cfg->store, &a, &e);
    if (st == SIM_OK || store_pending(u->cfg->store) > 0) /* written, or waiting in memory */
        memcpy(u->attempt, a.id, sizeof u->attempt);
    store_after_write(u, st, &e);
}

static void watch_reset(Ui *u);
static void collect_services(Ui *u);

/* Starts an attempt at scenario scen: resumes the trainee's unfinished one unless fresh (or in
 * a shift); with have_seed, from that seed. */
static void start_attempt_seeded(Ui *u, int scen, int fresh, int have_seed, uint64_t seed)
{
    u->cards_for = -2;
    u->scen = scen;
    const UiScenario *us = &u->scens[scen];
    int resumed = !fresh && !u->in_shift && resume_attempt(u, scen);
    SimError e;
    if (u->exam && (!us->pack || us->pack->problem)) {
        /* An exam only on the methodologist's signed, unmodified files. */
        snprintf(u->form_error, sizeof u->form_error, tr(STR_PACK_EXAM_REFUSED),
                 us->pack && us->pack->problem ? us->pack->problem : tr(STR_PACK_NOMEM));
        u->screen = SCR_CATALOG;
        u->in_shift = 0;
        u->dirty = 1;
        return;
    }
    if (!resumed) {
        session_destroy(u->ss);
        u->ss = NULL;
        uint64_t s0 = have_seed           ? seed
                      : u->cfg->have_seed ? u->cfg->seed
                                          : (uint64_t)time(NULL) ^ (uint64_t)SDL_GetTicks();
        SessionOptions o = {.seed = s0, .mode = u->exam ? MODE_EXAM : MODE_TRAINING,
                            .program = us->program};
        if (session_create(us->scenario, &o, &u->ss, &e) != SIM_OK) {
            snprintf(u->form_error, sizeof u->form_error, "%s", e.msg);
            u->screen = SCR_CATALOG;
            u->in_shift = 0;
            return;
        }
        begin_stored_attempt(u);
    }
    u->screen = SCR_OFFICE;
    u->ov = OV_NONE;
    u->focus_area = 0; /* a replay may have left it at -1 */
    u->sel_action = 0;
    u->sel_doc = 0;
    u->nnotices = 0;
    if (resumed) {
        u->nnotices = 1;
        u->notices[0].points = 0;
        u->notices[0].critical = 0;
        u->notices[0].info = 0;
        snprintf(u->notices[0].text, sizeof u->notices[0].text, "%s", tr(STR_UI_RESUMED));
    }
    if (session_content_error(u->ss)) {
        /* The script failed before the first action: nothing to play. */
        write_result(u);
        u->screen = SCR_DEBRIEF;
        u->debrief_btn = 0;
        u->content_open = 0;
    }
    u->last_step = session_step_index(u->ss);
    u->show_line = 1;
    u->enter_t0 = SDL_GetTicks();
    u->animating = !u->cfg->input_script;
    u->office_frames = 0;
    u->scroll = 0;
    u->scene_key[0] = '\0';
    watch_reset(u);
    u->dirty = 1;
}

static void start_attempt_mode(Ui *u, int scen, int fresh)
{
    start_attempt_seeded(u, scen, fresh, 0, 0);
}

static void start_attempt(Ui *u, int scen)
{
    start_attempt_mode(u, scen, 0);
}

static void notice_info(Ui *u, const char *text)
{
    if (u->nnotices >= MAX_NOTICES)
        u->nnotices = MAX_NOTICES - 1;
    /* News goes first: it is what just happened. */
    memmove(&u->notices[1], &u->notices[0], sizeof u->notices[0] * (size_t)u->nnotices);
    Notice *n = &u->notices[0];
    memset(n, 0, sizeof *n);
    n->info = 1;
    size_t len = strlen(text);
    if (len >= sizeof n->text) {
        len = sizeof n->text - 1;
        while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
            len--; /* cut on a character boundary */
    }
    memcpy(n->text, text, len);
    n->text[len] = '\0';
    u->nnotices++;
}

static void shift_record(Ui *u, int finished);

/* Performs one engine action and turns its ledger entries into notices. Returns 0 when the
 * engine refused it (the reason is shown as a notice). */
static int do_action(Ui *u, const char *id)
{
    const ScoreLedger *l = session_ledger(u->ss);
    size_t before = l->count;
    int step_before = session_step_index(u->ss);
    SimError e;
    if (session_act(u->ss, id, &e) != SIM_OK) {
        u->nnotices = 1;
        snprintf(u->notices[0].text, sizeof u->notices[0].text, "%s", e.msg);
        u->notices[0].points = 0;
        u->notices[0].critical = 0;
        u->notices[0].info = 0;
        u->dirty = 1;
        return 0;
    }
    const Scenario *sc = cur_scen(u);
    l = session_ledger(u->ss);
    u->nnotices = 0;
    for (size_t i = before; i < l->count; i++) {
        const LedgerEntry *en = &l->entries[i];
        if (en->kind == LEDGER_TIME || en->kind == LEDGER_MISSED || u->nnotices >= MAX_NOTICES)
            continue;
        Notice *n = &u->notices[u->nnotices++];
        n->info = 0;
        n->points = en->points;
        n->critical = en->kind == LEDGER_CRITICAL;
        if (n->critical)
            snprintf(n->text, sizeof n->text, "✖ %s: %s%s%s%s", tr(STR_CRITICAL), en->feedback,
                     en->rule ? " (" : "", en->rule ? en->rule->short_ : "", en->rule ? ")" : "");
        else
            snprintf(n->text, sizeof n->text, "%s%d · %s: %s%s%s%s", en->points >= 0 ? "+" : "−",
                     abs(en->points), sc->criteria[en->criterion].title, en->feedback,
                     en->rule ? " (" : "", en->rule ? en->rule->short_ : "", en->rule ? ")" : "");
    }
    if (u->cfg->store && u->attempt[0]) {
        char *pj = session_ledger_json(u->ss, before);
        SimError se;
        SimStatus st = store_add_action(u->cfg->store, u->attempt,
                                        (int)session_action_count(u->ss), id,
                                        session_minutes(u->ss), pj, &se);
        free(pj);
        store_after_write(u, st, &se);
    }
    int step_now = session_step_index(u->ss);
    u->show_line = step_now != step_before || !session_last_reply(u->ss);
    u->last_step = step_now;
    u->sel_action = 0;
    u->dirty = 1;
    if (u->in_shift && !session_finished(u->ss)) {
        /* New tickets arrive on the simulated clock. */
        int taken = shift_tickets_taken(&u->shift, session_minutes(u->ss));
        if (taken > u->shift_tickets) {
            char msg[300];
            snprintf(msg, sizeof msg, tr(STR_SHIFT_ARRIVED),
                     shift_queue(&u->shift, session_minutes(u->ss)));
            notice_info(u, msg);
        }
        u->shift_tickets = taken;
    }
    if (session_finished(u->ss)) {
        write_result(u);
        if (u->in_shift)
            shift_record(u, 1);
        u->shift_btn = 0;
        u->ov = OV_NONE;
        u->scroll = 0;
        u->debrief_btn = 0;
        u->content_open = 0;
        /* The applicant's answer to the last move comes first: a reception ends with the
         * person, not with a score. A stopped script has nothing to show. */
        if (session_content_error(u->ss) || !session_ending(u->ss))
            u->screen = SCR_DEBRIEF;
        else
            u->reaction = 1;
    }
    return 1;
}

static void leave_attempt(Ui *u)
{
    if (u->ss && !session_finished(u->ss)) {
        session_abandon(u->ss);
        write_result(u);
        if (u->in_shift)
            shift_record(u, 0);
    }
    u->ov = OV_NONE;
    u->screen = u->in_shift ? SCR_SHIFT_END : SCR_CATALOG;
    u->scroll = 0;
    u->dirty = 1;
}

/* ==== «Смена» ============================================================================= */

static void shift_record(Ui *u, int finished)
{
    const Scenario *sc = cur_scen(u);
    ScoreReport r;
    session_report(u->ss, &r);
    const Ending *en = session_ending(u->ss);
    ShiftResult res = {finished && en != NULL,
                       r.total,
                       en && r.passed,
                       (int)r.critical_count,
                       session_minutes(u->ss),
                       sc->time_norm,
                       session_applicant_name(u->ss),
                       sc->service_title,
                       en ? en->title : tr(STR_SHIFT_INTERRUPTED)};
    shift_finish(&u->shift, &res);
}

/* Calls the next ticket to the window, or shows the day summary after the last one. */
static void shift_call_next(Ui *u)
{
    Shift *sh = &u->shift;
    if (sh->ended || sh->cur >= sh->count) {
        u->screen = SCR_SHIFT_END;
        u->scroll = 0;
        u->dirty = 1;
        return;
    }
    shift_call(sh);
    const ShiftEntry *e = &sh->e[sh->cur];
    start_attempt_seeded(u, e->scen, 1, 1, e->seed);
    u->shift_tickets = shift_tickets_taken(sh, 0);
}

static void shift_begin(Ui *u)
{
    ShiftCandidate c[MAX_SCENARIOS];
    for (size_t i = 0; i < u->nscens; i++)
        c[i] = (ShiftCandidate){u->scens[i].scenario->difficulty,
                                u->scens[i].scenario->office_ticket};
    uint64_t seed = u->cfg->have_seed ? u->cfg->seed
                                      : (uint64_t)time(NULL) ^ (uint64_t)SDL_GetTicks();
    if (!shift_plan(&u->shift, c, u->nscens, seed)) {
        snprintf(u->form_error, sizeof u->form_error, "%s", tr(STR_SHIFT_NONE));
        u->dirty = 1;
        return;
    }
    u->form_error[0] = '\0';
    u->in_shift = 1;
    shift_call_next(u);
    if (u->screen == SCR_OFFICE) {
        char msg[300];
        snprintf(msg, sizeof msg, tr(STR_SHIFT_STARTED), u->shift.count);
        notice_info(u, msg);
    }
}

/* ==== «Справочник» ======================================================================== */

static void open_book(Ui *u, const char *service_id)
{
    if (u->screen == SCR_BOOK)
        return;
    u->book_back = u->screen;
    u->book_back_ov = u->ov;
    book_open(&u->book, u->cfg->refbook, u->cfg->rules, service_id);
    u->book.mx = u->mouse_x;
    u->book.my = u->mouse_y;
    u->screen = SCR_BOOK;
    u->animating = 0; /* the applicant has reached the window by the time the book closes */
    u->dirty = 1;
}

/* Back exactly where the trainee was: the same screen and overlay; the attempt is untouched
 * (reading takes no simulated time). */
static void close_book(Ui *u)
{
    u->screen = u->book_back;
    u->ov = u->book_back_ov;
    u->dirty = 1;
}

/* ==== reload ============================================================================== */

static void file_sig(const char *dir, const char *name, char *out, size_t n)
{
    char *p = sim_path_join(dir, name);
    struct stat st;
    if (p && stat(p, &st) == 0)
        snprintf(out, n, "%lld.%09ld:%lld", (long long)st.st_mtim.tv_sec, (long)st.st_mtim.tv_nsec,
                 (long long)st.st_size);
    else
        snprintf(out, n, "-");
    free(p);
}

static void watch_now(Ui *u, char sig[2][64])
{
    const char *dir = cur_scen(u)->dir;
    memset(sig, 0, 2 * 64); /* compared whole */
    file_sig(dir, "scenario.json", sig[0], 64);
    file_sig(dir, "script.lua", sig[1], 64);
}

static void watch_reset(Ui *u)
{
    watch_now(u, u->watch_sig);
    u->last_poll = SDL_GetTicks();
}

/* A scenario is open: its files are watched (a few times a second, never while idle elsewhere). */
static int watching(const Ui *u)
{
    return u->ss && !u->replay && !u->broken_tried &&
           (u->screen == SCR_OFFICE || u->screen == SCR_RELOAD_ERROR);
}

/* A Lua message ("scenarios/x/script.lua:62: unexpected symbol …", maybe with a traceback) as
 * a diagnostic at that line of the script. */
static void script_diag(SimDiags *d, const Scenario *s, const char *msg)
{
    size_t n = strlen(s->script_name);
    int line = 0;
    const char *rest = msg;
    if (strncmp(msg, s->script_name, n) == 0 && msg[n] == ':') {
        char *end;
        long v = strtol(msg + n + 1, &end, 10);
        if (end > msg + n + 1 && *end == ':' && v > 0 && v < 1000000) {
            line = (int)v;
            rest = end + 1;
            while (*rest == ' ')
                rest++;
        }
    }
    simdiags_add(d, SIM_SEV_ERROR, s->script_name, line, 0, "", "%s", rest);
}

static void reload_show(Ui *u, const SimDiags *d)
{
    simbuf_free(&u->reload_text);
    simbuf_init(&u->reload_text);
    u->reload_lines = 0;
    for (size_t i = 0; i < d->count; i++) {
        char *line = simdiag_format(&d->items[i]);
        for (char *c = line; c && *c; c++)
            if (*c == '\t')
                *c = ' '; /* tracebacks indent with tabs */
        simbuf_printf(&u->reload_text, "%s%s", u->reload_lines ? "\n" : "", line ? line : "");
        free(line);
        u->reload_lines++;
    }
    u->ov = OV_NONE;
    u->screen = SCR_RELOAD_ERROR;
    u->reload_scroll = 0;
    u->reload_btn = 0;
    u->broken_tried = 0;
    u->content_h = 0;
    u->dirty = 1;
}

/* Loads the open scenario again from disk. When it loads, the attempt starts again with the
 * same seed and mode and replays the trainee's actions up to the first one that no longer
 * applies (the notice says so); the previous attempt is saved unfinished and a new one is
 * recorded. When it does not load, the error screen lists the loader's messages and the
 * attempt waits on the old version. */
static void reload_scenario(Ui *u)
{
    UiScenario *us = &u->scens[u->scen];
    if (u->ss && session_mode(u->ss) == MODE_EXAM)
        return; /* an exam keeps the files it was started on (their signature was checked) */
    watch_reset(u);
    SimDiags d;
    simdiags_init(&d);
    Scenario *s = scenario_load(us->scenario->dir, &us->load, &d);
    ScriptProgram *prog = NULL;
    Session *ns = NULL;
    SimError e;
    if (s && script_program_create(s, &prog, &e) != SIM_OK) {
        script_diag(&d, s, e.msg);
        scenario_free(s);
        s = NULL;
    }
    if (s) {
        SessionOptions o = {.seed = session_seed(u->ss), .mode = session_mode(u->ss),
                            .program = prog};
        if (session_create(s, &o, &ns, &e) != SIM_OK) {
            script_diag(&d, s, e.msg);
            script_program_destroy(prog);
            scenario_free(s);
            s = NULL;
        }
    }
    if (!s) {
        reload_show(u, &d);
        simdiags_free(&d);
        return;
    }
    simdiags_free(&d);
    /* The old attempt is kept as an unfinished one; the new one starts its own row. */
    size_t n = session_action_count(u->ss);
    char **ids = calloc(n ? n : 1, sizeof *ids);
    for (size_t i = 0; ids && i < n; i++)
        ids[i] = sim_strdup(session_action_id(u->ss, i));
    if (!session_finished(u->ss)) {
        session_abandon(u->ss);
        write_result(u);
    }
    session_destroy(u->ss);
    u->ss = ns;
    if (u->owned[u->scen]) {
        script_program_destroy(us->program);
        scenario_free((Scenario *)us->scenario);
    }
    us->scenario = s;
    us->program = prog;
    u->owned[u->scen] = 1;
    collect_services(u);
    begin_stored_attempt(u);
    size_t k = 0;
    char msg[SIM_ERROR_MAX + 600];
    snprintf(msg, sizeof msg, tr(STR_RELOAD_OK), n, n);
    for (; ids && k < n; k++) {
        size_t before = session_ledger(ns)->count;
        int ok = !session_finished(ns) && session_act(ns, ids[k], &e) == SIM_OK;
        if (!ok) {
            snprintf(msg, sizeof msg, tr(STR_RELOAD_STOPPED), k, n, ids[k],
                     session_finished(ns) ? tr(STR_RELOAD_ENDED) : e.msg);
            break;
        }
        if (u->cfg->store && u->attempt[0]) {
            char *pj = session_ledger_json(ns, before);
            store_add_action(u->cfg->store, u->attempt, (int)session_action_count(ns), ids[k],
                             session_minutes(ns), pj, &e);
            free(pj);
        }
    }
    for (size_t i = 0; ids && i < n; i++)
        free(ids[i]);
    free(ids);
    u->screen = SCR_OFFICE;
    u->ov = OV_NONE;
    u->nnotices = 0;
    notice_info(u, msg);
    if (session_script_error_count(ns) > 0) {
        char se[SIM_ERROR_MAX + 300];
        snprintf(se, sizeof se, tr(STR_RELOAD_SCRIPT_ERROR), session_script_error(ns, 0));
        notice_info(u, se);
    }
    u->focus_area = 0;
    u->sel_action = 0;
    u->sel_doc = 0;
    u->last_step = session_step_index(ns);
    u->show_line = 1;
    u->animating = 0;
    u->office_frames = 1;
    u->reaction = 0;
    u->scene_key[0] = '\0';
    if (session_finished(ns)) {
        write_result(u);
        if (u->in_shift)
            shift_record(u, 1);
        u->screen = SCR_DEBRIEF;
        u->scroll = 0;
        u->debrief_btn = 0;
        u->shift_btn = 0;
    }
    u->dirty = 1;
}

static void poll_files(Ui *u)
{
    if (!watching(u))
        return;
    uint32_t now = SDL_GetTicks();
    if (!SDL_TICKS_PASSED(now, u->last_poll + 250))
        return;
    u->last_poll = now;
    char sig[2][64];
    watch_now(u, sig);
    if (memcmp(sig, u->watch_sig, sizeof sig) != 0)
        reload_scenario(u);
}

static void open_manager(Ui *u);

/* ==== start screen ======================================================================== */

static void reload_trainees(Ui *u)
{
    u->ntrainees = u->cfg->store ? store_list_trainees(u->cfg->store, u->trainees, MAX_TRAINEES) : 0;
    if (u->sel_trainee >= (int)u->ntrainees)
        u->sel_trainee = (int)u->ntrainees - 1;
}

void ui_title_bar(Gfx *g, const Layout *l, const Theme *t, int high_contrast, const char *title,
                  const char *sub)
{
    float s = l->s;
    gfx_gradient(g, (GRect){0, 0, (float)l->W, l->title_h}, t->accent,
                 high_contrast ? t->accent : (GColor){9, 74, 140, 255});
    gfx_text(g, title, 40 * s, 18 * s, l->px_title, GF_BOLD, t->accent_text);
    if (sub)
        gfx_text(g, sub, 40 * s, 18 * s + l->px_title * 1.35f, l->px_label, GF_REGULAR,
                 t->accent_text);
}

static void draw_title_bar(Ui *u, const char *title, const char *sub)
{
    ui_title_bar(u->g, &u->l, &u->theme, u->high_contrast, title, sub);
}

static void draw_start(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W;
    draw_title_bar(u, tr(STR_UI_APP_TITLE), tr(STR_UI_APP_SUBTITLE));
    /* Profiles. */
    float top = l->title_h + 22 * s;
    GRect left = {40 * s, top, W * 0.46f, l->H - top - 80 * s};
    panel(u, left);
    gfx_text(u->g, tr(STR_UI_PROFILE), left.x + 20 * s, left.y + 16 * s, l->px_dialog, GF_BOLD,
             u->theme.text);
    float y = left.y + 20 * s + l->px_dialog * 1.6f;
    float rowh = gfx_line_height(u->g, l->px_body, GF_REGULAR) * 1.9f;
    for (int i = -1; i < (int)u->ntrainees && y + rowh < left.y + left.h - rowh; i++) {
        GRect r = {left.x + 16 * s, y, left.w - 32 * s, rowh - 6 * s};
        int sel = u->sel_trainee == i;
        if (sel)
            gfx_round(u->g, r, 6 * s, (GColor){11, 92, 173, 30});
        char line[400];
        if (i < 0)
            snprintf(line, sizeof line, "%s", tr(STR_UI_GUEST));
        else
            snprintf(line, sizeof line, tr(STR_UI_TRAINEE_ROW), u->trainees[i].surname,
                     u->trainees[i].name, u->trainees[i].personnel);
        gfx_text(u->g, sel ? "●" : "○", r.x + 10 * s, r.y + 8 * s, l->px_body, GF_REGULAR,
                 sel ? u->theme.accent : u->theme.text_dim);
        gfx_text(u->g, line, r.x + 40 * s, r.y + 8 * s, l->px_body, sel ? GF_BOLD : GF_REGULAR,
                 u->theme.text);
        if (sel && u->start_focus == 0)
            gfx_round_outline(u->g, r, 6 * s, 3 * s, u->theme.focus);
        add_hit(u, r, HIT_PROFILE, i);
        y += rowh;
    }
    GRect nb = button(u, left.x + 16 * s,
                      left.y + left.h - gfx_line_height(u->g, l->px_body, GF_BOLD) - 34 * s,
                      tr(STR_UI_NEW_PROFILE), 0, 0, HIT_NEW_PROFILE, 0);
    button(u, nb.x + nb.w + 14 * s, nb.y, tr(STR_MGR_BUTTON), 0, 0, HIT_MANAGER, 0);

    /* Mode and start. */
    GRect right = {W * 0.46f + 70 * s, top, W * 0.54f - 110 * s, l->H - top - 80 * s};
    panel(u, right);
    gfx_text(u->g, tr(STR_UI_MODE), right.x + 20 * s, right.y + 16 * s, l->px_dialog, GF_BOLD,
             u->theme.text);
    float my = right.y + 20 * s + l->px_dialog * 1.6f;
    for (int m = 0; m < 2; m++) {
        const char *name = m ? tr(STR_UI_MODE_EXAM) : tr(STR_UI_MODE_TRAINING);
        const char *desc = m ? tr(STR_UI_MODE_EXAM_DESC) : tr(STR_UI_MODE_TRAINING_DESC);
        GRect r = {right.x + 16 * s, my, right.w - 32 * s, 0};
        float dh = gfx_text_box(u->g, desc, 0, 0, r.w - 60 * s, l->px_label, GF_REGULAR,
                                u->theme.text_dim, 0);
        r.h = dh + l->px_body * 1.3f + 28 * s;
        int sel = u->exam == m;
        gfx_round(u->g, r, 8 * s, sel ? (GColor){11, 92, 173, 30} : u->theme.panel);
        gfx_round_outline(u->g, r, 8 * s, (sel ? 2.5f : 1.2f) * s,
                          sel ? u->theme.accent : u->theme.panel_edge);
        gfx_text(u->g, sel ? "◉" : "○", r.x + 12 * s, r.y + 10 * s, l->px_body, GF_REGULAR,
                 sel ? u->theme.accent : u->theme.text_dim);
        gfx_text(u->g, name, r.x + 44 * s, r.y + 10 * s, l->px_body, GF_BOLD, u->theme.text);
        gfx_text_box(u->g, desc, r.x + 44 * s, r.y + 14 * s + l->px_body * 1.3f, r.w - 60 * s,
                     l->px_label, GF_REGULAR, u->theme.text_dim, 1);
        if (sel && u->start_focus == 1)
            gfx_round_outline(u->g, (GRect){r.x - 4 * s, r.y - 4 * s, r.w + 8 * s, r.h + 8 * s},
                              10 * s, 3 * s, u->theme.focus);
        add_hit(u, r, HIT_MODE, m);
        my += r.h + 12 * s;
    }
    float bh_ = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    float bx = right.x + 16 * s, by = right.y + right.h - bh_ - 18 * s;
    GRect b = button(u, bx, by, tr(STR_UI_START), 1, u->start_focus == 2 && u->start_button == 0,
                     HIT_START, 0);
    b = button(u, b.x + b.w + 14 * s, by, tr(STR_UI_SETTINGS), 0,
               u->start_focus == 2 && u->start_button == 1, HIT_SETTINGS, 0);
    button(u, b.x + b.w + 14 * s, by, tr(STR_UI_QUIT), 0, u->start_focus == 2 && u->start_button == 2,
           HIT_QUIT, 0);
    if (u->cfg->load_errors && *u->cfg->load_errors)
        gfx_text_box(u->g, u->cfg->load_errors, 40 * s, l->H - 74 * s, W - 80 * s, l->px_small,
                     GF_REGULAR, u->theme.bad, 1);
    hint_bar(u, tr(STR_UI_HINT_START));
}

static void start_key(Ui *u, SDL_Keycode k)
{
    if (k == SDLK_TAB) {
        u->start_focus = (u->start_focus + 1) % 3;
    } else if (k == SDLK_UP || k == SDLK_DOWN) {
        int d = k == SDLK_UP ? -1 : 1;
        if (u->start_focus == 0) {
            int n = u->sel_trainee + d;
            if (n >= -1 && n < (int)u->ntrainees)
                u->sel_trainee = n;
        } else if (u->start_focus == 1) {
            u->exam = !u->exam;
        }
    } else if (k == SDLK_LEFT || k == SDLK_RIGHT) {
        if (u->start_focus == 2)
            u->start_button = (u->start_button + (k == SDLK_LEFT ? 2 : 1)) % 3;
        else if (u->start_focus == 1)
            u->exam = !u->exam;
    } else if (k == SDLK_F1) {
        open_book(u, NULL);
    } else if (k == SDLK_m) {
        open_manager(u);
    } else if (k == SDLK_s) {
        u->settings_back = SCR_START;
        u->screen = SCR_SETTINGS;
    } else if (k == SDLK_n) {
        u->screen = SCR_NEW_PROFILE;
        memset(u->form, 0, sizeof u->form);
        u->form_field = 0;
        u->form_error[0] = '\0';
        SDL_StartTextInput();
    } else if (k == SDLK_RETURN || k == SDLK_KP_ENTER) {
        int b = u->start_focus == 2 ? u->start_button : 0;
        if (b == 0) {
            u->screen = SCR_CATALOG;
            save_setting(u, "mode", u->exam);
            save_setting(u, "last_trainee",
                         u->sel_trainee >= 0 ? (int)u->trainees[u->sel_trainee].id : 0);
        } else if (b == 1) {
            u->settings_back = SCR_START;
            u->screen = SCR_SETTINGS;
        } else {
            u->running = 0;
        }
    } else if (k == SDLK_ESCAPE) {
        u->running = 0;
    }
    u->dirty = 1;
}

/* ==== new profile ========================================================================= */

static void draw_new_profile(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s;
    draw_title_bar(u, tr(STR_UI_NEW_PROFILE), NULL);
    float btn_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    GRect p = {l->W * 0.2f, l->title_h + 24 * s, l->W * 0.6f,
               24 * s + 3 * (l->px_label * 1.5f + l->px_body * 2.0f + 18 * s) + l->px_label * 1.6f +
                   btn_h + 40 * s};
    panel(u, p);
    const SimStr labels[3] = {STR_UI_SURNAME, STR_UI_NAME, STR_UI_PERSONNEL};
    float y = p.y + 24 * s;
    for (int i = 0; i < 3; i++) {
        gfx_text(u->g, tr(labels[i]), p.x + 24 * s, y, l->px_label, GF_REGULAR, u->theme.text_dim);
        y += l->px_label * 1.5f;
        GRect box = {p.x + 24 * s, y, p.w - 48 * s, l->px_body * 2.0f};
        gfx_round(u->g, box, 6 * s, u->theme.bg);
        gfx_round_outline(u->g, box, 6 * s, (u->form_field == i ? 3.0f : 1.5f) * s,
                          u->form_field == i ? u->theme.focus : u->theme.panel_edge);
        char shown[160];
        snprintf(shown, sizeof shown, "%s%s", u->form[i], u->form_field == i ? "▏" : "");
        gfx_text(u->g, shown, box.x + 10 * s, box.y + l->px_body * 0.4f, l->px_body, GF_REGULAR,
                 u->theme.text);
        add_hit(u, box, HIT_FORM_FIELD, i);
        y += box.h + 18 * s;
    }
    if (u->form_error[0])
        gfx_text(u->g, u->form_error, p.x + 24 * s, y, l->px_label, GF_BOLD, u->theme.bad);
    GRect b = button(u, p.x + 24 * s, p.y + p.h - btn_h - 18 * s, tr(STR_UI_CREATE), 1, 0,
                     HIT_FORM_OK, 0);
    button(u, b.x + b.w + 14 * s, b.y, tr(STR_UI_CANCEL), 0, 0, HIT_FORM_CANCEL, 0);
    hint_bar(u, tr(STR_UI_HINT_FORM));
}

static void form_submit(Ui *u)
{
    for (int i = 0; i < 3; i++)
        if (!u->form[i][0]) {
            snprintf(u->form_error, sizeof u->form_error, "%s", tr(STR_UI_FORM_EMPTY));
            u->form_field = i;
            return;
        }
    if (!u->cfg->store) {
        snprintf(u->form_error, sizeof u->form_error, "%s", tr(STR_UI_NO_STORE));
        return;
    }
    long long id = 0;
    SimError e;
    if (store_add_trainee(u->cfg->store, u->form[0], u->form[1], u->form[2], &id, &e) != SIM_OK) {
        snprintf(u->form_error, sizeof u->form_error, "%s", e.msg);
        return;
    }
    reload_trainees(u);
    for (size_t i = 0; i < u->ntrainees; i++)
        if (u->trainees[i].id == id)
            u->sel_trainee = (int)i;
    SDL_StopTextInput();
    u->screen = SCR_START;
    u->start_focus = 2;
    u->start_button = 0;
}

static void form_key(Ui *u, SDL_Keycode k)
{
    char *f = u->form[u->form_field];
    if (k == SDLK_BACKSPACE) {
        size_t n = strlen(f);
        while (n > 0 && ((unsigned char)f[n - 1] & 0xC0) == 0x80)
            n--; /* drop a whole UTF-8 character */
        if (n > 0)
            n--;
        f[n] = '\0';
    } else if (k == SDLK_TAB || k == SDLK_DOWN) {
        u->form_field = (u->form_field + 1) % 3;
    } else if (k == SDLK_UP) {
        u->form_field = (u->form_field + 2) % 3;
    } else if (k == SDLK_RETURN || k == SDLK_KP_ENTER) {
        if (u->form_field < 2 && !u->form[u->form_field + 1][0] && f[0])
            u->form_field++;
        else
            form_submit(u);
    } else if (k == SDLK_ESCAPE) {
        SDL_StopTextInput();
        u->screen = SCR_START;
    }
    u->dirty = 1;
}

static void form_text(Ui *u, const char *text)
{
    char *f = u->form[u->form_field];
    size_t n = strlen(f), add = strlen(text);
    if (n + add < sizeof u->form[0] - 4)
        memcpy(f + n, text, add + 1);
    u->dirty = 1;
}

/* ==== catalogue =========================================================================== */

static void collect_services(Ui *u)
{
    u->nservices = 0;
    for (size_t i = 0; i < u->nscens; i++) {
        const char *t = u->scens[i].scenario->service_title;
        int found = 0;
        for (int k = 0; k < u->nservices; k++)
            found |= strcmp(u->services[k], t) == 0;
        if (!found && u->nservices < 32)
            snprintf(u->services[u->nservices++], sizeof u->services[0], "%s", t);
    }
}

static int visible_cards(Ui *u, int *idx, int max)
{
    int n = 0;
    /* Grouped by service, in the order the services first appear. */
    for (int g = 0; g < u->nservices; g++) {
        if (u->filter >= 0 && u->filter != g)
            continue;
        /* The catalogue shows up to 256 scenarios (the size of its per-card figures). */
        for (size_t i = 0; i < u->nscens && i < 256 && n < max; i++)
            if (strcmp(u->scens[i].scenario->service_title, u->services[g]) == 0)
                idx[n++] = (int)i;
    }
    return n;
}

static void load_card_stats(Ui *u)
{
    long long who = u->sel_trainee >= 0 ? u->trainees[u->sel_trainee].id : -1;
    if (u->cards_for == who)
        return;
    for (size_t i = 0; i < u->nscens && i < 256; i++) {
        const Scenario *sc = u->scens[i].scenario;
        ScenarioStats none = {0, -1, 0};
        AttemptInfo a;
        int have = u->cfg->store && who >= 0;
        u->card_stats[i] = have ? store_scenario_stats(u->cfg->store, who, sc->id) : none;
        u->card_resumable[i] = (char)(have && store_unfinished_attempt(u->cfg->store, who, sc->id,
                                                                       sc->hash_hex, &a, NULL,
                                                                       NULL));
    }
    u->cards_for = who;
}

/* Scenarios that did not load at start-up: load them again (after a fix). Those that load join
 * the catalogue; the errors of the others are shown. */
static void reload_broken(Ui *u)
{
    if (!u->cfg->broken_count)
        return;
    SimDiags all;
    simdiags_init(&all);
    size_t fixed = 0;
    for (size_t i = 0; i < u->cfg->broken_count; i++) {
        const UiBroken *b = &u->cfg->broken[i];
        int known = 0;
        for (size_t k = 0; k < u->nscens; k++)
            known |= strcmp(u->scens[k].scenario->dir, b->dir) == 0;
        if (known || u->nscens >= MAX_SCENARIOS)
            continue;
        SimDiags d;
        simdiags_init(&d);
        Scenario *sc = scenario_load(b->dir, &b->load, &d);
        ScriptProgram *prog = NULL;
        SimError e;
        if (sc && script_program_create(sc, &prog, &e) != SIM_OK) {
            script_diag(&d, sc, e.msg);
            scenario_free(sc);
            sc = NULL;
        }
        if (sc) {
            u->scens[u->nscens] = (UiScenario){sc, prog, b->load, b->pack};
            u->owned[u->nscens++] = 1;
            fixed++;
        } else {
            simdiags_merge(&all, &d);
        }
        simdiags_free(&d);
    }
    collect_services(u);
    u->cards_for = -2;
    snprintf(u->form_error, sizeof u->form_error, tr(STR_RELOAD_BROKEN), fixed,
             u->cfg->broken_count);
    u->broken_tried = 0;
    if (all.count) {
        reload_show(u, &all);
        u->broken_tried = 1; /* the error screen's buttons retry these, not an attempt */
    }
    simdiags_free(&all);
    u->dirty = 1;
}

static void draw_catalog(Ui *u)
{
    load_card_stats(u);
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
    draw_title_bar(u, tr(STR_UI_CATALOG), sub);
    {
        /* The reference book and the shift, at the right of the title bar. */
        float bh = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
        float by = (l->title_h - bh) / 2;
        float w1 = text_w(u, tr(STR_SHIFT_BUTTON), l->px_body, GF_BOLD) + 36 * s;
        float w2 = text_w(u, tr(STR_BOOK_BUTTON), l->px_body, GF_BOLD) + 36 * s;
        GRect b2 = button(u, W - 40 * s - w1 - 14 * s - w2, by, tr(STR_BOOK_BUTTON), 0, 0, HIT_BOOK,
                          0);
        button(u, b2.x + b2.w + 14 * s, by, tr(STR_SHIFT_BUTTON), 0, 0, HIT_SHIFT, 0);
    }
    /* Filter chips. */
    float x = 40 * s, y = l->title_h + 14 * s;
    for (int gi = -1; gi < u->nservices; gi++) {
        const char *name = gi < 0 ? tr(STR_UI_ALL_SERVICES) : u->services[gi];
        float w = text_w(u, name, l->px_label, GF_BOLD) + 28 * s;
        if (x + w > W - 40 * s) {
            x = 40 * s;
            y += l->px_label * 2.4f;
        }
        GRect r = {x, y, w, l->px_label * 2.0f};
        int sel = u->filter == gi;
        gfx_round(u->g, r, r.h / 2, sel ? u->theme.accent : u->theme.panel);
        gfx_round_outline(u->g, r, r.h / 2, 1.5f * s, sel ? u->theme.accent : u->theme.panel_edge);
        gfx_text(u->g, name, x + 14 * s, y + l->px_label * 0.45f, l->px_label, GF_BOLD,
                 sel ? u->theme.accent_text : u->theme.text);
        add_hit(u, r, HIT_FILTER, gi);
        x += w + 10 * s;
    }
    y += l->px_label * 3.0f;
    int idx[256];
    int n = visible_cards(u, idx, 256);
    if (u->sel_card >= n)
        u->sel_card = n ? n - 1 : 0;
    int cols = l->ts / l->s > 1.45f ? 2 : 3;
    u->catalog_cols = cols;
    float gap = 20 * s, cw = (W - 80 * s - gap * (cols - 1)) / cols;
    /* Card height from its content: up to three lines of title, then two lines of facts. */
    float ch = l->px_body * 1.25f * 3 + l->px_label * 1.4f * 2 + 40 * s;
    /* Lay the cards out first, then scroll so that the selected one is in view. */
    float top = y, bottom = l->H - gfx_line_height(u->g, l->px_small, GF_REGULAR) - 20 * s;
    float ys[256], gys[256];
    int group_at[256];
    {
        float yy = top;
        const char *group = NULL;
        int col = 0;
        for (int i = 0; i < n; i++) {
            const Scenario *sc = u->scens[idx[i]].scenario;
            group_at[i] = 0;
            if (!group || strcmp(group, sc->service_title) != 0) {
                if (col)
                    yy += ch + gap;
                col = 0;
                group = sc->service_title;
                group_at[i] = 1;
                gys[i] = yy;
                yy += l->px_body * 1.6f;
            }
            ys[i] = yy;
            if (++col == cols) {
                col = 0;
                yy += ch + gap;
            }
        }
    }
    float shift = 0;
    if (n && ys[u->sel_card] + ch > bottom)
        shift = ys[u->sel_card] + ch - bottom;
    GRect view = {0, top, W, bottom - top};
    gfx_clip(u->g, &view);
    int col = 0;
    for (int i = 0; i < n; i++) {
        const Scenario *sc = u->scens[idx[i]].scenario;
        if (group_at[i])
            col = 0;
        if (group_at[i])
            gfx_text(u->g, sc->service_title, 40 * s, gys[i] - shift, l->px_body, GF_BOLD,
                     u->theme.text_dim);
        GRect r = {40 * s + col * (cw + gap), ys[i] - shift, cw, ch};
        if (++col == cols)
            col = 0;
        if (r.y + r.h < top || r.y > bottom)
            continue;
        panel(u, r);
        gfx_text_box(u->g, sc->title, r.x + 16 * s, r.y + 12 * s, r.w - 32 * s, l->px_body, GF_BOLD,
                     u->theme.text, 1);
        char meta[200], stars[32] = "";
        for (int d = 1; d <= 5; d++)
            strcat(stars, d <= sc->difficulty ? "●" : "○");
        snprintf(meta, sizeof meta, tr(STR_UI_CARD_META), tr(STR_UI_DIFFICULTY), stars, sc->minutes);
        float lh = l->px_label * 1.4f;
        gfx_text(u->g, meta, r.x + 16 * s, r.y + r.h - 2 * lh - 12 * s, l->px_label, GF_REGULAR,
                 u->theme.text_dim);
        const ScenarioStats *st = &u->card_stats[idx[i]];
        char best[128];
        const char *status = st->best_total < 0
                                 ? tr(STR_UI_STATUS_NEW)
                                 : (st->passed ? tr(STR_UI_STATUS_PASSED)
                                               : tr(STR_UI_STATUS_FAILED));
        GColor sc_col = st->best_total < 0 ? u->theme.accent
                                           : (st->passed ? u->theme.good : u->theme.bad);
        if (u->card_resumable[idx[i]])
            snprintf(best, sizeof best, "%s", tr(STR_UI_CAN_RESUME));
        else if (st->best_total < 0)
            snprintf(best, sizeof best, "%s", tr(STR_UI_NOT_PLAYED));
        else
            snprintf(best, sizeof best, tr(STR_UI_BEST), st->best_total);
        gfx_text(u->g, best, r.x + 16 * s, r.y + r.h - lh - 10 * s, l->px_label, GF_REGULAR,
                 u->theme.text);
        float sw = text_w(u, status, l->px_label, GF_BOLD);
        gfx_text(u->g, status, r.x + r.w - sw - 16 * s, r.y + r.h - lh - 10 * s, l->px_label,
                 GF_BOLD, sc_col);
        if (i == u->sel_card)
            gfx_round_outline(u->g, (GRect){r.x - 4 * s, r.y - 4 * s, r.w + 8 * s, r.h + 8 * s},
                              12 * s, 3 * s, u->theme.focus);
        else if (hovered(u, r))
            gfx_round_outline(u->g, r, 10 * s, 2 * s, u->theme.accent);
        add_hit(u, r, HIT_CARD, i);
    }
    gfx_clip(u->g, NULL);
    if (n == 0)
        gfx_text(u->g, tr(STR_UI_NO_SCENARIOS), 40 * s, y, l->px_body, GF_REGULAR, u->theme.text);
    if (u->form_error[0])
        gfx_text_box(u->g, u->form_error, 40 * s, l->H - 80 * s, W - 80 * s, l->px_small,
                     GF_REGULAR, u->theme.bad, 1);
    hint_bar(u, tr(STR_UI_HINT_CATALOG));
}

static void catalog_key(Ui *u, SDL_Keycode k)
{
    int idx[256];
    int n = visible_cards(u, idx, 256);
    if (k == SDLK_RIGHT && u->sel_card + 1 < n)
        u->sel_card++;
    else if (k == SDLK_LEFT && u->sel_card > 0)
        u->sel_card--;
    else if (k == SDLK_DOWN) {
        int c = u->catalog_cols ? u->catalog_cols : 3;
        u->sel_card = u->sel_card + c < n ? u->sel_card + c : (n ? n - 1 : 0);
    } else if (k == SDLK_UP) {
        int c = u->catalog_cols ? u->catalog_cols : 3;
        u->sel_card = u->sel_card >= c ? u->sel_card - c : 0;
    }
    else if (k == SDLK_TAB) {
        u->filter = u->filter + 1 < u->nservices ? u->filter + 1 : -1;
        u->sel_card = 0;
    } else if ((k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_n) && n > 0) {
        u->form_error[0] = '\0';
        start_attempt_mode(u, idx[u->sel_card], k == SDLK_n);
    } else if (k == SDLK_F1) {
        open_book(u, NULL);
    } else if (k == SDLK_F2) {
        shift_begin(u);
    } else if (k == SDLK_F5) {
        reload_broken(u);
    } else if (k == SDLK_ESCAPE)
        u->screen = SCR_START;
    u->dirty = 1;
}

/* ==== office ============================================================================== */

static void draw_hud(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W;
    const Scenario *sc = cur_scen(u);
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
        float room = W - 16 * s - (text_w(u, right, px, GF_BOLD) + 60 * s) - x;
        int q = shift_queue(&u->shift, session_minutes(u->ss));
        snprintf(buf, sizeof buf, tr(STR_SHIFT_HUD), u->shift.cur + 1, u->shift.count, q);
        float bw = text_w(u, buf, px, GF_BOLD) + 20 * s;
        if (bw > room) { /* large text: the short form */
            snprintf(buf, sizeof buf, tr(STR_SHIFT_HUD_SHORT), u->shift.cur + 1, u->shift.count, q);
            bw = text_w(u, buf, px, GF_BOLD) + 20 * s;
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
    float mw = text_w(u, mode, px, GF_BOLD) + 20 * s;
    float rx = W - mw - 16 * s;
    if (!u->exam) {
        ScoreReport r;
        session_report(u->ss, &r);
        snprintf(buf, sizeof buf, "%s: %d", tr(STR_UI_SCORE), r.total);
        float bw = text_w(u, buf, px, GF_BOLD);
        gfx_text(u->g, buf, rx - bw - 20 * s, ty, px, GF_BOLD, fg);
    }
    gfx_round(u->g, (GRect){rx, 7 * s, mw, h - 14 * s}, 6 * s, u->theme.accent);
    gfx_text(u->g, mode, rx + 10 * s, ty, px, GF_BOLD, u->theme.accent_text);
}

static void draw_office_front(Ui *u, float desk);

static void draw_office(Ui *u)
{
    const Layout *l = &u->l;
    const Scenario *sc = cur_scen(u);
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
    button(u, x, by, tr(STR_UI_TO_DEBRIEF), 1, 1, HIT_REACTION, 0);
}

static void draw_office_front(Ui *u, float desk)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    const Scenario *sc = cur_scen(u);
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
        panel(u, b);
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
    panel(u, dp);
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
        else if (hovered(u, r))
            gfx_round(u->g, r, 6 * s, (GColor){11, 92, 173, 14});
        gfx_text_box(u->g, line, x + 2 * s, y + 4 * s, w - 16 * s, l->px_body,
                     focus ? GF_BOLD : GF_REGULAR, u->theme.text, 1);
        if (focus)
            gfx_round_outline(u->g, r, 6 * s, 2.5f * s, u->theme.focus);
        gfx_clip(u->g, NULL);
        add_hit(u, r, HIT_ACTION, (int)i);
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
        add_hit(u, r, HIT_DESK_DOC, k);
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
    if (hovered(u, mon))
        gfx_round_outline(u->g, mon, 8 * s, 2.5f * s, u->theme.focus);
    add_hit(u, mon, HIT_PC, 0);

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
    hint_bar(u, u->reaction ? tr(STR_UI_HINT_REACTION) : tr(STR_UI_HINT_OFFICE));
}

static int desk_docs(Ui *u, int *map, int max)
{
    int n = 0;
    const Scenario *sc = cur_scen(u);
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
        snprintf(id, sizeof id, "inspect:%s", cur_scen(u)->documents[d].id);
        do_action(u, id);
        if (u->screen != SCR_OFFICE)
            return;
    }
    u->ov = OV_DOC;
    u->ov_doc = d;
    u->ov_doc2 = -1;
    int order[128];
    u->ov_field = doc_field_order(&cur_scen(u)->documents[d], order, 128) ? order[0] : 0;
    u->compare_pick = 0;
    u->dirty = 1;
}

static void draw_doc_overlay(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    dim(u);
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
        add_hit(u, boxes[i].r, HIT_FIELD, boxes[i].field);
    if (u->compare_pick) {
        GRect p = {0.3f * W, 0.3f * H, 0.4f * W, 0.3f * H};
        panel(u, p);
        gfx_text(u->g, tr(STR_UI_COMPARE_WITH), p.x + 20 * s, p.y + 16 * s, l->px_body, GF_BOLD,
                 u->theme.text);
        int map[64];
        int n = desk_docs(u, map, 64);
        float y = p.y + 20 * s + l->px_body * 1.7f;
        for (int i = 0; i < n; i++) {
            char line[300];
            snprintf(line, sizeof line, "%d. %s", i + 1, cur_scen(u)->documents[map[i]].title);
            GRect r = {p.x + 14 * s, y, p.w - 28 * s, l->px_body * 1.7f};
            gfx_text(u->g, line, r.x + 6 * s, r.y + 4 * s, l->px_body, GF_REGULAR, u->theme.text);
            add_hit(u, r, HIT_COMPARE, i);
            y += r.h;
        }
    }
    hint_bar(u, tr(STR_UI_HINT_DOC));
}

static void draw_reason_overlay(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    dim(u);
    const Document *d = &cur_scen(u)->documents[u->ov_doc];
    float rowh = gfx_line_height(u->g, l->px_body, GF_REGULAR) * 1.45f;
    GRect p = {0.25f * W, 0.08f * H, 0.5f * W, rowh * REASON_COUNT + 110 * s};
    if (p.y + p.h > H - 30 * s)
        p.h = H - 30 * s - p.y;
    panel(u, p);
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
        } else if (hovered(u, rr)) {
            gfx_round(u->g, rr, 6 * s, (GColor){11, 92, 173, 14});
        }
        gfx_text(u->g, line, rr.x + 8 * s, rr.y + 4 * s, l->px_body,
                 r == u->ov_reason ? GF_BOLD : GF_REGULAR, u->theme.text);
        add_hit(u, rr, HIT_REASON, r);
        y += rowh;
    }
    hint_bar(u, tr(STR_UI_HINT_REASON));
}

static void draw_pc_overlay(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    const Scenario *sc = cur_scen(u);
    dim(u);
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
        float tw = text_w(u, lab, l->px_label, GF_BOLD) + 24 * s;
        GRect tab = {p.x + p.w - tw - 8 * s, p.y + 5 * s, tw, 24 * s};
        int hov = hovered(u, tab);
        gfx_round(u->g, tab, 5 * s, hov ? (GColor){255, 255, 255, 255} : (GColor){232, 240, 250, 255});
        gfx_text(u->g, lab, tab.x + 12 * s, tab.y + (24 * s - l->px_label * 1.2f) / 2, l->px_label,
                 GF_BOLD, u->theme.accent);
        add_hit(u, tab, HIT_BOOK, 0);
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
        add_hit(u, r, HIT_SERVICE, (int)i);
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
    hint_bar(u, tr(STR_UI_HINT_PC));
}

static void draw_leave_overlay(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s;
    dim(u);
    GRect p = {l->W * 0.28f, l->H * 0.32f, l->W * 0.44f, 190 * s};
    panel(u, p);
    gfx_text_box(u->g, tr(STR_UI_LEAVE_Q), p.x + 24 * s, p.y + 20 * s, p.w - 48 * s, l->px_body,
                 GF_BOLD, u->theme.text, 1);
    GRect b = button(u, p.x + 24 * s, p.y + p.h - 64 * s, tr(STR_UI_LEAVE_YES), 1, 0, HIT_LEAVE_YES, 0);
    button(u, b.x + b.w + 14 * s, b.y, tr(STR_UI_LEAVE_NO), 0, 0, HIT_LEAVE_NO, 0);
}

static void flag_field(Ui *u)
{
    const Document *d = &cur_scen(u)->documents[u->ov_doc];
    char id[400];
    snprintf(id, sizeof id, "flag:%s.%s:%s", d->id, d->fields[u->ov_field].key,
             reason_id((FlagReason)u->ov_reason));
    u->ov = OV_DOC;
    do_action(u, id);
}

static void to_debrief(Ui *u)
{
    u->reaction = 0;
    u->screen = SCR_DEBRIEF;
    u->scroll = 0;
    u->debrief_btn = 0;
    u->dirty = 1;
}

static void office_key(Ui *u, SDL_Keycode k)
{
    const Scenario *sc = cur_scen(u);
    if (u->reaction) {
        if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE || k == SDLK_ESCAPE)
            to_debrief(u);
        return;
    }
    if (k == SDLK_F5 && u->ov != OV_LEAVE) {
        reload_scenario(u);
        return;
    }
    if (k == SDLK_F1 && u->ov != OV_LEAVE && u->ov != OV_REASON) {
        /* From the office PC: the page of the service in focus, when the book has it; else
         * the page of the scenario's service (its id is the book's, when the book has it). */
        const RefService *ref = u->ov == OV_PC && u->ov_service >= 0 &&
                                        (size_t)u->ov_service < sc->service_count
                                    ? sc->services[u->ov_service].ref
                                    : NULL;
        open_book(u, ref ? ref->id : sc->service);
        return;
    }
    if (u->ov == OV_LEAVE) {
        if (k == SDLK_RETURN || k == SDLK_y)
            leave_attempt(u);
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
            do_action(u, id);
        } else if (k == SDLK_ESCAPE || k == SDLK_p)
            u->ov = OV_NONE;
    } else {
        int offered[64];
        int n = (int)session_menu(u->ss, offered, 64);
        int map[64];
        int nd = desk_docs(u, map, 64);
        if (k >= SDLK_1 && k <= SDLK_9 && (int)(k - SDLK_1) < n) {
            u->focus_area = 0;
            do_action(u, sc->steps[session_step_index(u->ss)].actions[offered[k - SDLK_1]].id);
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
                do_action(u, sc->steps[session_step_index(u->ss)].actions[offered[u->sel_action]].id);
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

static void draw_debrief(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    const Scenario *sc = cur_scen(u);
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
    draw_title_bar(u, tr(STR_UI_DEBRIEF), dsub);
    float btn_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    float hint_h = gfx_line_height(u->g, l->px_small, GF_REGULAR) + 10 * s;
    GRect view = {40 * s, l->title_h + 12 * s, W - 80 * s,
                  H - l->title_h - 12 * s - btn_h - hint_h - 36 * s};
    gfx_clip(u->g, &view);
    float x = view.x, w = view.w, y = view.y - u->scroll;
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
        GRect tb = button(u, x, y, u->content_open ? tr(STR_CONTENT_HIDE) : tr(STR_CONTENT_SHOW),
                          0, 0, HIT_CONTENT_DETAILS, 0);
        y += tb.h + 16 * s;
        if (u->content_open) {
            SimBuf rep;
            simbuf_init(&rep);
            simbuf_printf(&rep, "%s:\n%s", tr(STR_CONTENT_REPORT), content);
            const char *log = session_script_log(u->ss);
            if (log && *log)
                simbuf_printf(&rep, "\n\n%s:\n%s", tr(STR_SCRIPT_LOG), log);
            for (char *c = (char *)simbuf_str(&rep); *c; c++)
                if (*c == '\t')
                    *c = ' '; /* the traceback's indents: the font has no tab glyph */
            float rh = gfx_text_box(u->g, simbuf_str(&rep), 0, 0, w - 40 * s, l->px_label,
                                    GF_MONO, u->theme.text, 0);
            GRect box = {x, y, w, rh + 28 * s};
            gfx_round(u->g, box, 8 * s, u->high_contrast ? u->theme.bg : (GColor){30, 34, 42, 255});
            gfx_text_box(u->g, simbuf_str(&rep), x + 20 * s, y + 14 * s, w - 40 * s, l->px_label,
                         GF_MONO,
                         u->high_contrast ? u->theme.text : (GColor){226, 232, 240, 255}, 1);
            y += box.h + 12 * s;
            simbuf_free(&rep);
        }
        u->content_h = y + u->scroll - view.y + 20 * s;
        gfx_clip(u->g, NULL);
        float by = H - hint_h - btn_h - 16 * s;
        if (u->in_shift) {
            const char *next = u->shift.ended ? tr(STR_SHIFT_RESULTS) : tr(STR_SHIFT_NEXT);
            GRect b = button(u, 40 * s, by, next, 1, u->shift_btn == 0, HIT_SHIFT_END, 0);
            if (!u->shift.ended)
                button(u, b.x + b.w + 14 * s, by, tr(STR_SHIFT_FINISH), 0, u->shift_btn == 1,
                       HIT_SHIFT_END, 1);
        } else {
            GRect b = button(u, 40 * s, by, tr(STR_UI_RETRY), u->debrief_btn == 0,
                             u->debrief_btn == 0, HIT_DEBRIEF, 0);
            b = button(u, b.x + b.w + 14 * s, by, tr(STR_UI_NEXT), u->debrief_btn == 1,
                       u->debrief_btn == 1, HIT_DEBRIEF, 1);
            button(u, b.x + b.w + 14 * s, by, tr(STR_UI_TO_MENU), u->debrief_btn == 2,
                   u->debrief_btn == 2, HIT_DEBRIEF, 2);
        }
        hint_bar(u, u->in_shift ? tr(STR_SHIFT_HINT_DEBRIEF) : tr(STR_CONTENT_HINT));
        return;
    }
    /* Total and verdict. */
    char big[32];
    snprintf(big, sizeof big, "%d / 100", r.total);
    float bw = gfx_text(u->g, big, x, y, (int)(l->px_title * 1.6f), GF_BOLD, u->theme.text);
    const char *verdict = passed ? tr(STR_UI_PASSED_BADGE) : tr(STR_UI_FAILED_BADGE);
    GColor vc = passed ? u->theme.good : u->theme.bad;
    float vw = text_w(u, verdict, l->px_body, GF_BOLD) + 24 * s;
    GRect badge = {x + bw + 24 * s, y + 8 * s, vw, l->px_body * 1.9f};
    gfx_round(u->g, badge, 8 * s, vc);
    gfx_text(u->g, verdict, badge.x + 12 * s, badge.y + l->px_body * 0.4f, l->px_body, GF_BOLD,
             (GColor){255, 255, 255, 255});
    char meta[300], t1[16], t2[16];
    sim_format_clock(session_minutes(u->ss), t1, sizeof t1);
    sim_format_clock(sc->time_norm, t2, sizeof t2);
    snprintf(meta, sizeof meta, tr(STR_UI_DEBRIEF_META), sc->pass_mark, t1, t2);
    gfx_text(u->g, meta, badge.x + badge.w + 20 * s, badge.y + l->px_body * 0.45f, l->px_label,
             GF_REGULAR, u->theme.text_dim);
    char chain[STORE_HEAD_LEN + 1];
    if (u->cfg->store && store_chain_head(u->cfg->store, chain)) {
        /* The results chain's head, short form: a manager compares it with `verify`. */
        char line[200];
        chain[16] = '\0';
        snprintf(line, sizeof line, tr(STR_UI_CHAIN_HEAD), chain);
        gfx_text(u->g, line, badge.x + badge.w + 20 * s,
                 badge.y + l->px_body * 0.45f + l->px_label * 1.5f, l->px_small, GF_REGULAR,
                 u->theme.text_dim);
    }
    y += l->px_title * 2.2f;
    if (en) {
        y += gfx_text_box(u->g, en->title, x, y, w, l->px_dialog, GF_BOLD, u->theme.text, 1) + 4 * s;
        y += gfx_text_box(u->g, en->debrief, x, y, w * 0.9f, l->px_body, GF_REGULAR, u->theme.text,
                          1) + 14 * s;
    } else {
        y += gfx_text_box(u->g, tr(STR_UNFINISHED), x, y, w, l->px_dialog, GF_BOLD, u->theme.text,
                          1) + 14 * s;
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
            GRect card = {x, y, w, bh + rh + l->px_label * 2.6f + (e->rule ? l->px_label * 1.4f : 0)};
            gfx_round(u->g, card, 8 * s, u->theme.panel);
            gfx_fill(u->g, (GRect){x, y + 6 * s, 6 * s, card.h - 12 * s},
                     e->kind == LEDGER_CRITICAL ? u->theme.bad : u->theme.warn);
            float cy = y + 8 * s;
            gfx_text(u->g, head, x + 20 * s, cy, l->px_label, GF_BOLD,
                     e->kind == LEDGER_CRITICAL ? u->theme.bad : u->theme.warn);
            cy += l->px_label * 1.5f;
            cy += gfx_text_box(u->g, e->feedback, x + 20 * s, cy, w - 40 * s, l->px_body,
                               GF_REGULAR, u->theme.text, 1) + 4 * s;
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
        float bh = gfx_text_box(u->g, msg, 0, 0, w - 40 * s, l->px_body, GF_REGULAR,
                                u->theme.text, 0);
        GRect card = {x, y, w, bh + l->px_label * 2.6f};
        gfx_round(u->g, card, 8 * s, u->theme.panel);
        gfx_fill(u->g, (GRect){x, y + 6 * s, 6 * s, card.h - 12 * s}, u->theme.bad);
        gfx_text(u->g, tr(STR_FLOORS), x + 20 * s, y + 8 * s, l->px_label, GF_BOLD,
                 u->theme.bad);
        gfx_text_box(u->g, msg, x + 20 * s, y + 8 * s + l->px_label * 1.5f, w - 40 * s,
                     l->px_body, GF_REGULAR, u->theme.text, 1);
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
            y += gfx_text_box(u->g, line, x, y, w * 0.9f, l->px_body, GF_REGULAR, u->theme.text,
                              1) + 6 * s;
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
    y += gfx_text_box(u->g, sc->right_way, x, y, w * 0.9f, l->px_body, GF_REGULAR, u->theme.text, 1);
    u->content_h = y + u->scroll - view.y + 20 * s;
    gfx_clip(u->g, NULL);
    if (u->content_h > view.h) {
        float k = view.h / u->content_h;
        gfx_round(u->g, (GRect){W - 24 * s, view.y + u->scroll * k, 6 * s, view.h * k}, 3 * s,
                  u->theme.text_dim);
    }
    /* Buttons. */
    float by = H - hint_h - btn_h - 16 * s;
    if (u->in_shift) {
        /* A shift goes on: the next ticket, or the day's results after the last one. */
        const char *next = u->shift.ended ? tr(STR_SHIFT_RESULTS) : tr(STR_SHIFT_NEXT);
        GRect b = button(u, 40 * s, by, next, 1, u->shift_btn == 0, HIT_SHIFT_END, 0);
        if (!u->shift.ended)
            button(u, b.x + b.w + 14 * s, by, tr(STR_SHIFT_FINISH), 0, u->shift_btn == 1,
                   HIT_SHIFT_END, 1);
        hint_bar(u, tr(STR_SHIFT_HINT_DEBRIEF));
        return;
    }
    GRect b = button(u, 40 * s, by, tr(STR_UI_RETRY), u->debrief_btn == 0, u->debrief_btn == 0,
                     HIT_DEBRIEF, 0);
    b = button(u, b.x + b.w + 14 * s, by, tr(STR_UI_NEXT), u->debrief_btn == 1, u->debrief_btn == 1,
               HIT_DEBRIEF, 1);
    button(u, b.x + b.w + 14 * s, by, tr(STR_UI_TO_MENU), u->debrief_btn == 2, u->debrief_btn == 2,
           HIT_DEBRIEF, 2);
    hint_bar(u, tr(STR_UI_HINT_DEBRIEF));
}

static void debrief_do(Ui *u, int which)
{
    if (which == 0)
        start_attempt(u, u->scen);
    else if (which == 1)
        start_attempt(u, (u->scen + 1) % (int)u->nscens);
    else
        u->screen = SCR_CATALOG;
    u->dirty = 1;
}

static void debrief_scroll(Ui *u, float d)
{
    float view = u->l.H - u->l.title_h - 12 * u->l.s - (u->l.px_body * 1.25f + 16 * u->l.s) -
                 (u->l.px_small * 1.25f + 10 * u->l.s) - 36 * u->l.s;
    float max = u->content_h > view ? u->content_h - view : 0;
    u->scroll = fminf(fmaxf(u->scroll + d, 0), max);
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
    shift_call_next(u);
    u->dirty = 1;
}

static void debrief_key(Ui *u, SDL_Keycode k)
{
    if (k == SDLK_d && session_content_error(u->ss)) {
        u->content_open = !u->content_open;
        u->dirty = 1;
        return;
    }
    if (u->in_shift) {
        int nb = u->shift.ended ? 1 : 2;
        if (k == SDLK_LEFT || k == SDLK_RIGHT || k == SDLK_TAB)
            u->shift_btn = (u->shift_btn + 1) % nb;
        else if (k == SDLK_RETURN || k == SDLK_KP_ENTER)
            shift_debrief_do(u, u->shift_btn);
        else if (k == SDLK_ESCAPE)
            shift_debrief_do(u, 1);
        else
            debrief_scroll_key(u, k);
        u->dirty = 1;
        return;
    }
    if (k == SDLK_LEFT)
        u->debrief_btn = (u->debrief_btn + 2) % 3;
    else if (k == SDLK_RIGHT || k == SDLK_TAB)
        u->debrief_btn = (u->debrief_btn + 1) % 3;
    else if (k == SDLK_RETURN || k == SDLK_KP_ENTER)
        debrief_do(u, u->debrief_btn);
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


/* ==== the day summary of a shift ========================================================== */

static void day_time(int minutes, char *out, size_t n)
{
    minutes %= 24 * 60;
    snprintf(out, n, "%02d:%02d", minutes / 60, minutes % 60);
}

/* In the spirit of «Papers, Please»'s end of the day: one line per ticket, the totals, and a
 * short verdict. */
static void draw_shift_end(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    const Shift *sh = &u->shift;
    ShiftTotals t;
    shift_totals(sh, &t);
    char sub[400], t0[16], t1[16];
    day_time(SHIFT_OPENS, t0, sizeof t0);
    day_time(SHIFT_OPENS + (int)(t.minutes + 0.5), t1, sizeof t1);
    int window = u->nscens ? u->scens[sh->e[0].scen].scenario->office_window : 1;
    snprintf(sub, sizeof sub, tr(STR_SHIFT_END_SUB), window, t0, t1, t.served, t.planned);
    draw_title_bar(u, tr(STR_SHIFT_END_TITLE), sub);
    float btn_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    float hint_h = gfx_line_height(u->g, l->px_small, GF_REGULAR) + 10 * s;
    GRect view = {0, l->title_h + 10 * s, W, H - l->title_h - 10 * s - btn_h - hint_h - 30 * s};
    float pw = fminf(W - 80 * s, 1060 * s * fmaxf(1.0f, l->ts / l->s * 0.8f));
    GRect paper = {(W - pw) / 2, view.y + 8 * s - u->scroll, pw, 0};
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
        float h2 = gfx_text_box(u->g, e->service[0] ? e->service : u->scens[e->scen].scenario->service_title, 0, 0,
                                (cols[3] - cols[2]) * w - 12 * s, l->px_label, GF_REGULAR, ink, 0);
        float h3 = gfx_text_box(u->g, outcome, 0, 0, (cols[4] - cols[3]) * w - 12 * s, l->px_label,
                                GF_REGULAR, ink, 0);
        hts[i] = fmaxf(rowh, fmaxf(h1, fmaxf(h2, h3)) + 12 * s);
    }
    float table_h = rowh + 8 * s;
    for (int i = 0; i < sh->count; i++)
        table_h += hts[i];
    /* The verdict first: an icon and words, never colour alone. */
    const char *verdicts[4] = {tr(STR_SHIFT_V_EXCELLENT), tr(STR_SHIFT_V_GOOD),
                               tr(STR_SHIFT_V_WEAK), tr(STR_SHIFT_V_CUT)};
    const char *verdict = verdicts[t.verdict];
    float icon_w = 30 * s * l->ts / l->s + 20 * s;
    float vh = gfx_text_box(u->g, verdict, 0, 0, w - icon_w - 30 * s, l->px_body, GF_BOLD, ink, 0) +
               24 * s;
    /* The totals as tiles: a label, then the figure. */
    int tiles_per_row = l->ts / l->s > 1.45f ? 3 : 6;
    float tw = (w - 12 * s * (tiles_per_row - 1)) / tiles_per_row;
    const SimStr labels[6] = {STR_SHIFT_T_AVG,      STR_SHIFT_T_SERVED, STR_SHIFT_T_PASSED,
                              STR_SHIFT_T_CRITICAL, STR_SHIFT_T_OVER,   STR_SHIFT_T_QUEUE};
    float label_h = 0;
    for (int i = 0; i < 6; i++)
        label_h = fmaxf(label_h, gfx_text_box(u->g, tr(labels[i]), 0, 0, tw - 24 * s,
                                              l->px_small, GF_REGULAR, dim, 0));
    float tile_h = label_h + gfx_line_height(u->g, l->px_title, GF_BOLD) + 22 * s;
    float tiles_h = (6 / tiles_per_row) * (tile_h + 12 * s);
    paper.h = 22 * s + vh + 16 * s + tiles_h + 14 * s + table_h + 24 * s;
    gfx_round(u->g, (GRect){paper.x + 3 * s, paper.y + 4 * s, paper.w, paper.h}, 10 * s,
              u->theme.shadow);
    gfx_round(u->g, paper, 10 * s, u->theme.paper);
    gfx_round_outline(u->g, paper, 10 * s, 1.5f * s, u->theme.paper_edge);
    GColor vc = t.verdict == SHIFT_EXCELLENT || t.verdict == SHIFT_GOOD ? u->theme.good
                : t.verdict == SHIFT_WEAK                             ? u->theme.bad
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
    snprintf(vals[0], sizeof vals[0], "%.1f", t.avg_total);
    if (!t.served)
        snprintf(vals[0], sizeof vals[0], "—");
    snprintf(vals[1], sizeof vals[1], tr(STR_SHIFT_OF), t.served, t.planned);
    snprintf(vals[2], sizeof vals[2], tr(STR_SHIFT_OF), t.passed, t.planned);
    snprintf(vals[3], sizeof vals[3], "%d", t.critical);
    snprintf(vals[4], sizeof vals[4], tr(STR_SHIFT_MINUTES), t.over_norm);
    snprintf(vals[5], sizeof vals[5], "%d", t.queue_left);
    const int bad[6] = {t.served && t.avg_total < 70, t.served < t.planned, t.passed < t.planned,
                        t.critical > 0, t.over_norm > 0, 0};
    for (int i = 0; i < 6; i++) {
        GRect tr_ = {x + (i % tiles_per_row) * (tw + 12 * s),
                     y + (i / tiles_per_row) * (tile_h + 12 * s), tw, tile_h};
        gfx_round(u->g, tr_, 8 * s, u->high_contrast ? u->theme.bg : (GColor){240, 244, 250, 255});
        gfx_round_outline(u->g, tr_, 8 * s, (bad[i] ? 2.0f : 1.2f) * s,
                          bad[i] ? u->theme.bad : u->theme.paper_edge);
        gfx_text_box(u->g, tr(labels[i]), tr_.x + 12 * s, tr_.y + 8 * s, tw - 24 * s,
                     l->px_small, GF_REGULAR, dim, 1);
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
                     x + cols[2] * w, y, (cols[3] - cols[2]) * w - 12 * s, l->px_label,
                     GF_REGULAR, rc, 1);
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
    u->content_h = paper.h + 20 * s;
    gfx_clip(u->g, NULL);
    if (u->content_h > view.h) {
        float k = view.h / u->content_h;
        gfx_round(u->g, (GRect){W - 24 * s, view.y + u->scroll * k, 6 * s, view.h * k}, 3 * s,
                  u->theme.text_dim);
    }
    float by = H - hint_h - btn_h - 16 * s;
    GRect b = button(u, paper.x, by, tr(STR_SHIFT_NEW), 1, u->shift_btn == 0, HIT_SHIFT_END, 2);
    button(u, b.x + b.w + 14 * s, by, tr(STR_UI_TO_MENU), 0, u->shift_btn == 1, HIT_SHIFT_END, 3);
    hint_bar(u, tr(STR_SHIFT_HINT_END));
}

static void shift_end_do(Ui *u, int which)
{
    u->in_shift = 0;
    if (which == 0)
        shift_begin(u);
    else
        u->screen = SCR_CATALOG;
    u->dirty = 1;
}

static void shift_end_scroll(Ui *u, float d)
{
    float view = u->l.H - u->l.title_h - 10 * u->l.s - (u->l.px_body * 1.25f + 16 * u->l.s) -
                 (u->l.px_small * 1.25f + 10 * u->l.s) - 30 * u->l.s;
    float max = u->content_h > view ? u->content_h - view : 0;
    u->scroll = fminf(fmaxf(u->scroll + d, 0), max);
}

static void shift_end_key(Ui *u, SDL_Keycode k)
{
    if (k == SDLK_LEFT || k == SDLK_RIGHT || k == SDLK_TAB)
        u->shift_btn = !u->shift_btn;
    else if (k == SDLK_RETURN || k == SDLK_KP_ENTER)
        shift_end_do(u, u->shift_btn);
    else if (k == SDLK_ESCAPE)
        shift_end_do(u, 1);
    else if (k == SDLK_DOWN || k == SDLK_UP)
        shift_end_scroll(u, (k == SDLK_DOWN ? 60 : -60) * u->l.s);
    else if (k == SDLK_PAGEDOWN || k == SDLK_PAGEUP)
        shift_end_scroll(u, (k == SDLK_PAGEDOWN ? 0.6f : -0.6f) * u->l.H);
    u->dirty = 1;
}

/* ==== the reload error screen ============================================================= */

static void draw_reload_error(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    char sub[800];
    const char *dir = u->broken_tried || !u->ss ? "scenarios" : cur_scen(u)->dir;
    snprintf(sub, sizeof sub, tr(STR_RELOAD_SUB), dir);
    draw_title_bar(u, tr(STR_RELOAD_TITLE), sub);
    float btn_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    float hint_h = gfx_line_height(u->g, l->px_small, GF_REGULAR) + 10 * s;
    float y = l->title_h + 16 * s;
    char head[200];
    snprintf(head, sizeof head, tr(STR_RELOAD_ERRORS), u->reload_lines);
    gfx_text(u->g, head, 40 * s, y, l->px_body, GF_BOLD, u->theme.text);
    y += l->px_body * 1.7f;
    float wait_h = 0;
    char waiting[600] = "";
    if (!u->broken_tried && u->ss) {
        snprintf(waiting, sizeof waiting, tr(STR_RELOAD_WAITING), session_action_count(u->ss));
        wait_h = gfx_text_box(u->g, waiting, 0, 0, W - 80 * s, l->px_label, GF_REGULAR,
                              u->theme.text_dim, 0) + 14 * s;
    }
    GRect p = {40 * s, y, W - 80 * s, H - y - hint_h - btn_h - wait_h - 40 * s};
    if (u->content_h > 0) /* as tall as the messages (measured by the last frame) */
        p.h = fminf(p.h, fmaxf(u->content_h + 24 * s, 160 * s));
    /* The loader's messages, as a terminal shows them. */
    GColor term_bg = u->high_contrast ? u->theme.bg : (GColor){30, 34, 42, 255};
    gfx_round(u->g, (GRect){p.x + 3 * s, p.y + 4 * s, p.w, p.h}, 10 * s, u->theme.shadow);
    gfx_round(u->g, p, 10 * s, term_bg);
    gfx_round_outline(u->g, p, 10 * s, 1.5f * s, u->theme.panel_edge);
    GRect in = {p.x + 16 * s, p.y + 12 * s, p.w - 32 * s, p.h - 24 * s};
    gfx_clip(u->g, &in);
    float ty = in.y - u->reload_scroll;
    const char *txt = simbuf_str(&u->reload_text);
    char line[SIM_ERROR_MAX + 1200];
    while (*txt) {
        const char *nl = strchr(txt, '\n');
        size_t n = nl ? (size_t)(nl - txt) : strlen(txt);
        if (n >= sizeof line)
            n = sizeof line - 1;
        memcpy(line, txt, n);
        line[n] = '\0';
        GColor c = strstr(line, ": error:") || strstr(line, ": ошибка:") ? (GColor){255, 150, 140, 255}
                   : strstr(line, ": warning:") || strstr(line, ": предупреждение:")
                       ? (GColor){255, 214, 140, 255}
                       : (GColor){230, 234, 240, 255};
        if (u->high_contrast)
            c = u->theme.text;
        ty += gfx_text_box(u->g, line, in.x, ty, in.w - 12 * s, l->px_label, GF_MONO, c, 1) +
              8 * s;
        txt += nl ? n + 1 : n;
        if (!nl)
            break;
    }
    u->content_h = ty + u->reload_scroll - in.y;
    gfx_clip(u->g, NULL);
    if (u->content_h > in.h) {
        float k = in.h / u->content_h;
        gfx_round(u->g, (GRect){p.x + p.w - 10 * s, in.y + u->reload_scroll * k, 5 * s, in.h * k},
                  2.5f * s, (GColor){200, 200, 200, 200});
    }
    y = p.y + p.h + 14 * s;
    if (waiting[0])
        gfx_text_box(u->g, waiting, 40 * s, y, W - 80 * s, l->px_label, GF_REGULAR,
                     u->theme.text_dim, 1);
    float by = H - hint_h - btn_h - 16 * s;
    GRect b = button(u, 40 * s, by, tr(STR_RELOAD_RETRY), 1, u->reload_btn == 0, HIT_RELOAD, 0);
    button(u, b.x + b.w + 14 * s, by, tr(STR_UI_TO_MENU), 0, u->reload_btn == 1, HIT_RELOAD, 1);
    hint_bar(u, tr(STR_RELOAD_HINT));
}

static void reload_do(Ui *u, int which)
{
    if (u->broken_tried) {
        if (which == 0) {
            reload_broken(u);
            if (u->screen == SCR_RELOAD_ERROR)
                return;
        }
        u->broken_tried = 0;
        u->screen = SCR_CATALOG;
    } else if (which == 0) {
        reload_scenario(u);
    } else {
        leave_attempt(u); /* saved unfinished, as when leaving the office */
    }
    u->dirty = 1;
}

static void reload_key(Ui *u, SDL_Keycode k)
{
    float view = u->l.H * 0.5f;
    if (k == SDLK_F5)
        reload_do(u, 0);
    else if (k == SDLK_LEFT || k == SDLK_RIGHT || k == SDLK_TAB)
        u->reload_btn = !u->reload_btn;
    else if (k == SDLK_RETURN || k == SDLK_KP_ENTER)
        reload_do(u, u->reload_btn);
    else if (k == SDLK_ESCAPE)
        reload_do(u, 1);
    else if (k == SDLK_DOWN || k == SDLK_UP || k == SDLK_PAGEDOWN || k == SDLK_PAGEUP) {
        float d = k == SDLK_DOWN ? 40 * u->l.s : k == SDLK_UP ? -40 * u->l.s
                                             : k == SDLK_PAGEDOWN ? view : -view;
        u->reload_scroll = fmaxf(0, fminf(u->reload_scroll + d, fmaxf(u->content_h - view, 0)));
    }
    u->dirty = 1;
}

/* ==== manager area ======================================================================== */

/* The same figures as `mfc-trainer report` (engine/store/report.c), shown as tables. */

static void mgr_reload(Ui *u)
{
    report_free(u->report);
    u->report = NULL;
    if (!u->cfg->store)
        return;
    ReportFilter f = {0};
    SimError e;
    if (report_build(u->cfg->store, &f, &u->report, &e) != SIM_OK)
        snprintf(u->form_error, sizeof u->form_error, "%s", e.msg);
}

static void enter_manager(Ui *u)
{
    u->screen = SCR_MANAGER;
    u->mgr_sel = 0;
    u->form_error[0] = '\0';
    mgr_reload(u);
    u->dirty = 1;
}

/* ---- the manager's PIN: set on first entry (twice), then asked once per run ------------- */

#define PIN_SETTING "manager.pin"             /* crypto_pwhash_str of the PIN, never the PIN */
#define PIN_FAILS_SETTING "manager.pin_fails" /* wrong tries in a row, kept across restarts */

static void open_manager(Ui *u)
{
    if (u->pin_ok || !u->cfg->store) {
        enter_manager(u);
        return;
    }
    char *stored = store_get_setting(u->cfg->store, PIN_SETTING);
    u->pin_setting = stored == NULL;
    free(stored);
    memset(u->pin, 0, sizeof u->pin);
    u->pin_field = 0;
    u->pin_msg[0] = '\0';
    u->pin_fails = setting_int(u, PIN_FAILS_SETTING, 0, 0, 1000000);
    if (u->pin_fails > 0 && u->pin_until == 0) /* after a restart: the delay starts again */
        u->pin_until = SDL_GetTicks() + 1000u * (1u << (u->pin_fails > 10 ? 9 : u->pin_fails - 1));
    u->screen = SCR_PIN;
    u->dirty = 1;
}

static int pin_wait_seconds(const Ui *u)
{
    Uint32 now = SDL_GetTicks();
    return u->pin_until > now ? (int)((u->pin_until - now + 999) / 1000) : 0;
}

static void pin_submit(Ui *u)
{
    SimError e;
    char fails[16];
    if (u->pin_setting) {
        if (!sec_pin_valid(u->pin[0])) {
            snprintf(u->pin_msg, sizeof u->pin_msg, "%s", tr(STR_PIN_INVALID));
        } else if (strcmp(u->pin[0], u->pin[1]) != 0) {
            snprintf(u->pin_msg, sizeof u->pin_msg, "%s", tr(STR_PIN_MISMATCH));
            memset(u->pin[1], 0, sizeof u->pin[1]);
            u->pin_field = 1;
            return;
        } else {
            char hash[SEC_PIN_HASH_MAX];
            if (sec_pin_hash(u->pin[0], hash, &e) != SIM_OK ||
                store_set_setting(u->cfg->store, PIN_SETTING, hash, &e) != SIM_OK) {
                snprintf(u->pin_msg, sizeof u->pin_msg, tr(STR_PIN_SAVE_FAILED), e.msg);
            } else {
                memset(u->pin, 0, sizeof u->pin);
                u->pin_ok = 1;
                enter_manager(u);
                return;
            }
        }
        memset(u->pin, 0, sizeof u->pin);
        u->pin_field = 0;
        return;
    }
    int wait = pin_wait_seconds(u);
    if (wait > 0) {
        snprintf(u->pin_msg, sizeof u->pin_msg, tr(STR_PIN_WAIT), wait);
        memset(u->pin, 0, sizeof u->pin);
        return;
    }
    char *stored = store_get_setting(u->cfg->store, PIN_SETTING);
    int ok = sec_pin_check(stored, u->pin[0]);
    free(stored);
    memset(u->pin, 0, sizeof u->pin);
    if (ok) {
        u->pin_fails = 0;
        u->pin_until = 0;
        store_set_setting(u->cfg->store, PIN_FAILS_SETTING, "0", &e);
        u->pin_ok = 1;
        enter_manager(u);
        return;
    }
    /* 1, 2, 4, 8 … seconds (at most 512) before the next try; the window stays responsive. */
    u->pin_fails++;
    int delay = 1 << (u->pin_fails > 10 ? 9 : u->pin_fails - 1);
    u->pin_until = SDL_GetTicks() + 1000u * (Uint32)delay;
    snprintf(fails, sizeof fails, "%d", u->pin_fails);
    store_set_setting(u->cfg->store, PIN_FAILS_SETTING, fails, &e);
    snprintf(u->pin_msg, sizeof u->pin_msg, tr(STR_PIN_WRONG), delay);
}

static void pin_key(Ui *u, SDL_Keycode k)
{
    char *f = u->pin[u->pin_field];
    size_t n = strlen(f);
    int digit = k >= SDLK_0 && k <= SDLK_9     ? (int)(k - SDLK_0)
                : k >= SDLK_KP_1 && k <= SDLK_KP_9 ? (int)(k - SDLK_KP_1) + 1
                : k == SDLK_KP_0                 ? 0
                                                 : -1;
    if (digit >= 0) {
        if (n < 8) {
            f[n] = (char)('0' + digit);
            f[n + 1] = '\0';
        }
    } else if (k == SDLK_BACKSPACE) {
        if (n > 0)
            f[n - 1] = '\0';
    } else if (k == SDLK_TAB || k == SDLK_DOWN || k == SDLK_UP) {
        if (u->pin_setting)
            u->pin_field = !u->pin_field;
    } else if (k == SDLK_RETURN || k == SDLK_KP_ENTER) {
        if (u->pin_setting && u->pin_field == 0 && u->pin[1][0] == '\0')
            u->pin_field = 1;
        else
            pin_submit(u);
    } else if (k == SDLK_ESCAPE) {
        memset(u->pin, 0, sizeof u->pin);
        u->screen = SCR_START;
    }
    u->dirty = 1;
}

static void draw_pin(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s;
    GRect p = {l->W * 0.25f, l->H * 0.2f, l->W * 0.5f, l->H * 0.5f};
    panel(u, p);
    float x = p.x + 28 * s, y = p.y + 24 * s;
    gfx_text(u->g, tr(u->pin_setting ? STR_PIN_SET_TITLE : STR_PIN_ENTER_TITLE), x, y,
             l->px_dialog, GF_BOLD, u->theme.text);
    y += l->px_dialog * 1.8f;
    if (u->pin_setting)
        y += gfx_text_box(u->g, tr(STR_PIN_SET_HINT), x, y, p.w - 56 * s, l->px_label, GF_REGULAR,
                          u->theme.text_dim, 1) +
             10 * s;
    for (int i = 0; i < (u->pin_setting ? 2 : 1); i++) {
        gfx_text(u->g, tr(i ? STR_PIN_SECOND : STR_PIN_FIRST), x, y, l->px_label, GF_REGULAR,
                 u->theme.text);
        y += l->px_label * 1.5f;
        GRect box = {x, y, p.w * 0.5f, l->px_body * 2.0f};
        gfx_round(u->g, box, 6 * s, u->theme.panel);
        gfx_round_outline(u->g, box, 6 * s, (u->pin_field == i ? 2.5f : 1.2f) * s,
                          u->pin_field == i ? u->theme.focus : u->theme.panel_edge);
        char dots[40] = "";
        for (size_t k = 0; k < strlen(u->pin[i]); k++)
            strcat(dots, "• ");
        gfx_text(u->g, dots, box.x + 12 * s, box.y + l->px_body * 0.45f, l->px_body, GF_BOLD,
                 u->theme.text);
        y += box.h + 14 * s;
    }
    int wait = u->pin_setting ? 0 : pin_wait_seconds(u);
    char msg[300];
    if (wait > 0)
        snprintf(msg, sizeof msg, tr(STR_PIN_WAIT), wait);
    else
        snprintf(msg, sizeof msg, "%s", u->pin_msg);
    if (msg[0])
        gfx_text_box(u->g, msg, x, y, p.w - 56 * s, l->px_label, GF_REGULAR, u->theme.bad, 1);
    hint_bar(u, tr(STR_PIN_HINT));
}

static int pin_waiting(const Ui *u)
{
    return u->screen == SCR_PIN && pin_wait_seconds(u) > 0;
}

static const Ui *sort_ui; /* qsort has no context argument */

static double trainee_sort_key(const ReportTrainee *t, int col)
{
    switch (col) {
    case 2: return (double)t->attempts;
    case 3: return (double)t->exams_passed;
    case 4: return t->avg_total;
    case 5: return t->weakest_ratio;
    default: return 0;
    }
}

static int cmp_trainee(const void *a, const void *b)
{
    const ReportTrainee *x = &sort_ui->report->trainees[*(const int *)a];
    const ReportTrainee *y = &sort_ui->report->trainees[*(const int *)b];
    int col = sort_ui->mgr_sort, c;
    if (col == 0)
        c = strcmp(x->surname, y->surname) ? strcmp(x->surname, y->surname)
                                           : strcmp(x->name, y->name);
    else if (col == 1)
        c = strcmp(x->personnel, y->personnel);
    else if (col == 6)
        c = strcmp(x->last_activity, y->last_activity);
    else {
        double kx = trainee_sort_key(x, col), ky = trainee_sort_key(y, col);
        c = kx < ky ? -1 : (kx > ky ? 1 : 0);
    }
    return sort_ui->mgr_desc ? -c : c;
}

static int cmp_scenario(const void *a, const void *b)
{
    const ReportScenario *x = &sort_ui->report->scenarios[*(const int *)a];
    const ReportScenario *y = &sort_ui->report->scenarios[*(const int *)b];
    int col = sort_ui->mgr_sort, c;
    double kx = 0, ky = 0;
    if (col == 0)
        c = strcmp(x->title, y->title);
    else {
        if (col == 1)
            kx = (double)x->attempts, ky = (double)y->attempts;
        else if (col == 2)
            kx = x->pass_rate, ky = y->pass_rate;
        else if (col == 3)
            kx = x->avg_total, ky = y->avg_total;
        else
            kx = x->mistake_count ? (double)x->mistakes[0].count : 0,
            ky = y->mistake_count ? (double)y->mistakes[0].count : 0;
        c = kx < ky ? -1 : (kx > ky ? 1 : 0);
    }
    return sort_ui->mgr_desc ? -c : c;
}

/* Row order of the current table. */
static size_t mgr_rows(Ui *u, int *idx, size_t max)
{
    size_t n = 0;
    if (!u->report)
        return 0;
    size_t total = u->mgr_tab == 0 ? u->report->trainee_count : u->report->scenario_count;
    for (size_t i = 0; i < total && n < max; i++)
        idx[n++] = (int)i;
    sort_ui = u;
    qsort(idx, n, sizeof *idx, u->mgr_tab == 0 ? cmp_trainee : cmp_scenario);
    return n;
}

static void fmt_avg(char *out, size_t n, double v)
{
    if (v < 0)
        snprintf(out, n, "—");
    else
        snprintf(out, n, "%.1f", v);
}

static void draw_table(Ui *u, float x, float y, float w, const char *const *heads,
                       const float *widths, int ncols, char cells[][8][256], size_t nrows,
                       float max_h)
{
    const Layout *l = &u->l;
    float s = l->s;
    float rh = gfx_line_height(u->g, l->px_label, GF_REGULAR) * 1.7f;
    float cx = x;
    for (int c = 0; c < ncols; c++) {
        char head[200];
        snprintf(head, sizeof head, "%d %s%s", c + 1, heads[c],
                 u->mgr_sort == c ? (u->mgr_desc ? " ▼" : " ▲") : "");
        GRect hr = {cx, y, widths[c] * w, rh};
        gfx_clip(u->g, &hr);
        gfx_text(u->g, head, cx + 6 * s, y + rh * 0.2f, l->px_label, GF_BOLD, u->theme.text_dim);
        gfx_clip(u->g, NULL);
        add_hit(u, hr, HIT_MGR_COL, c);
        cx += widths[c] * w;
    }
    y += rh;
    gfx_fill(u->g, (GRect){x, y - 2 * s, w, 1.5f * s}, u->theme.panel_edge);
    size_t first = 0, fit = (size_t)(max_h / rh) - 1;
    if (fit < 1)
        fit = 1;
    if ((size_t)u->mgr_sel >= fit)
        first = (size_t)u->mgr_sel - fit + 1;
    for (size_t r = first; r < nrows && r < first + fit; r++) {
        GRect row = {x, y, w, rh};
        if ((int)r == u->mgr_sel) {
            gfx_round(u->g, row, 4 * s, (GColor){11, 92, 173, 30});
            gfx_round_outline(u->g, row, 4 * s, 2.5f * s, u->theme.focus);
        } else if (hovered(u, row)) {
            gfx_round(u->g, row, 4 * s, (GColor){11, 92, 173, 14});
        }
        cx = x;
        for (int c = 0; c < ncols; c++) {
            GRect cr = {cx, y, widths[c] * w - 4 * s, rh};
            gfx_clip(u->g, &cr);
            gfx_text(u->g, cells[r][c], cx + 6 * s, y + rh * 0.2f, l->px_label,
                     (int)r == u->mgr_sel ? GF_BOLD : GF_REGULAR, u->theme.text);
            gfx_clip(u->g, NULL);
            cx += widths[c] * w;
        }
        add_hit(u, row, HIT_MGR_ROW, (int)r);
        y += rh;
    }
}

static void draw_manager(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    char sub[400] = "";
    if (u->report)
        snprintf(sub, sizeof sub, tr(STR_MGR_SUMMARY), u->report->attempts,
                 u->report->pass_rate * 100.0, u->report->active_trainees, u->report->unfinished);
    draw_title_bar(u, tr(STR_MGR_TITLE), sub);
    float y = l->title_h + 14 * s, x = 40 * s;
    const SimStr tabs[2] = {STR_MGR_TAB_TRAINEES, STR_MGR_TAB_SCENARIOS};
    for (int t = 0; t < 2; t++) {
        float w = text_w(u, tr(tabs[t]), l->px_body, GF_BOLD) + 32 * s;
        GRect r = {x, y, w, l->px_body * 2.0f};
        int sel = u->mgr_tab == t;
        gfx_round(u->g, r, r.h / 2, sel ? u->theme.accent : u->theme.panel);
        gfx_round_outline(u->g, r, r.h / 2, 1.5f * s, sel ? u->theme.accent : u->theme.panel_edge);
        gfx_text(u->g, tr(tabs[t]), x + 16 * s, y + l->px_body * 0.4f, l->px_body, GF_BOLD,
                 sel ? u->theme.accent_text : u->theme.text);
        add_hit(u, r, HIT_MGR_TAB, t);
        x += w + 10 * s;
    }
    y += l->px_body * 2.6f;
    float hint_h = gfx_line_height(u->g, l->px_small, GF_REGULAR) + 10 * s;
    if (!u->report || (u->mgr_tab == 0 ? u->report->trainee_count : u->report->scenario_count) == 0) {
        gfx_text_box(u->g, u->cfg->store ? tr(STR_MGR_EMPTY) : tr(STR_UI_NO_STORE), 40 * s, y,
                     W - 80 * s, l->px_body, GF_REGULAR, u->theme.text_dim, 1);
        hint_bar(u, tr(STR_MGR_HINT));
        return;
    }
    static char cells[512][8][256];
    int idx[512];
    size_t n = mgr_rows(u, idx, 512);
    if (u->mgr_sel >= (int)n)
        u->mgr_sel = n ? (int)n - 1 : 0;
    GRect p = {32 * s, y, W - 64 * s, 0};
    if (u->mgr_tab == 0) {
        for (size_t r = 0; r < n; r++) {
            const ReportTrainee *t = &u->report->trainees[idx[r]];
            snprintf(cells[r][0], 256, "%s %s", t->surname, t->name);
            snprintf(cells[r][1], 256, "%s", t->personnel);
            snprintf(cells[r][2], 256, "%lld", t->attempts);
            snprintf(cells[r][3], 256, "%lld / %lld", t->exams_passed, t->exams);
            fmt_avg(cells[r][4], 256, t->avg_total);
            if (t->weakest_title)
                snprintf(cells[r][5], 256, "%s (%.0f %%)", t->weakest_title, t->weakest_ratio * 100);
            else
                snprintf(cells[r][5], 256, "—");
            snprintf(cells[r][6], 256, "%.16s", t->last_activity[0] ? t->last_activity : "—");
            for (char *c = cells[r][6]; *c; c++)
                if (*c == 'T')
                    *c = ' ';
        }
        const char *heads[7] = {tr(STR_MGR_COL_TRAINEE), tr(STR_MGR_COL_PERSONNEL),
                                tr(STR_MGR_COL_ATTEMPTS), tr(STR_MGR_COL_EXAMS),
                                tr(STR_MGR_COL_AVG), tr(STR_MGR_COL_WEAKEST),
                                tr(STR_MGR_COL_LAST)};
        const float widths[7] = {0.2f, 0.08f, 0.09f, 0.12f, 0.1f, 0.24f, 0.17f};
        p.h = H - y - hint_h - 16 * s;
        panel(u, p);
        draw_table(u, p.x + 10 * s, p.y + 8 * s, p.w - 20 * s, heads, widths, 7, cells, n,
                   p.h - 16 * s);
    } else {
        for (size_t r = 0; r < n; r++) {
            const ReportScenario *sc = &u->report->scenarios[idx[r]];
            snprintf(cells[r][0], 256, "%s", sc->title);
            snprintf(cells[r][1], 256, "%lld", sc->attempts);
            snprintf(cells[r][2], 256, "%.0f %%", sc->pass_rate * 100);
            fmt_avg(cells[r][3], 256, sc->avg_total);
            if (sc->mistake_count)
                snprintf(cells[r][4], 256, "%s × %lld", sc->mistakes[0].action,
                         sc->mistakes[0].count);
            else
                snprintf(cells[r][4], 256, "—");
        }
        const char *heads[5] = {tr(STR_MGR_COL_SCENARIO), tr(STR_MGR_COL_ATTEMPTS),
                                tr(STR_MGR_COL_PASS_RATE), tr(STR_MGR_COL_AVG),
                                tr(STR_MGR_COL_MISTAKE)};
        const float widths[5] = {0.34f, 0.1f, 0.1f, 0.12f, 0.34f};
        float th = (gfx_line_height(u->g, l->px_label, GF_REGULAR) * 1.7f) * (n + 1) + 24 * s;
        p.h = fminf(th, (H - y) * 0.4f);
        panel(u, p);
        draw_table(u, p.x + 10 * s, p.y + 8 * s, p.w - 20 * s, heads, widths, 5, cells, n,
                   p.h - 16 * s);
        /* The selected scenario: averages per criterion and its most frequent mistakes. */
        const ReportScenario *sc = &u->report->scenarios[idx[u->mgr_sel]];
        GRect d = {p.x, p.y + p.h + 14 * s, p.w, H - (p.y + p.h + 14 * s) - hint_h - 14 * s};
        panel(u, d);
        float cy = d.y + 12 * s, half = d.w / 2 - 30 * s;
        gfx_text(u->g, tr(STR_MGR_CRITERIA), d.x + 18 * s, cy, l->px_body, GF_BOLD, u->theme.text);
        gfx_text(u->g, tr(STR_MGR_MISTAKES), d.x + d.w / 2 + 12 * s, cy, l->px_body, GF_BOLD,
                 u->theme.text);
        float ly = cy + l->px_body * 1.6f, ry = ly;
        gfx_clip(u->g, &d);
        for (size_t c = 0; c < sc->criterion_count; c++) {
            const ReportCriterion *cr = &sc->criteria[c];
            gfx_text(u->g, cr->title, d.x + 18 * s, ly, l->px_label, GF_REGULAR, u->theme.text);
            GRect bar = {d.x + 18 * s + half * 0.45f, ly + 2 * s, half * 0.4f, l->px_label * 1.0f};
            gfx_round(u->g, bar, 3 * s, (GColor){200, 200, 200, 120});
            if (cr->ratio > 0)
                gfx_round(u->g, (GRect){bar.x, bar.y, bar.w * (float)cr->ratio, bar.h}, 3 * s,
                          cr->ratio >= 0.7 ? u->theme.good
                                           : (cr->ratio >= 0.4 ? u->theme.warn : u->theme.bad));
            char v[64];
            snprintf(v, sizeof v, "%.0f %%", cr->ratio * 100);
            gfx_text(u->g, v, bar.x + bar.w + 10 * s, ly, l->px_label, GF_BOLD, u->theme.text);
            ly += l->px_label * 1.6f;
        }
        for (size_t m = 0; m < sc->mistake_count; m++) {
            const ReportMistake *mk = &sc->mistakes[m];
            char head[400];
            snprintf(head, sizeof head, "%s × %lld%s%s%s", mk->action, mk->count,
                     mk->rule ? " · " : "", mk->rule ? mk->rule : "",
                     mk->critical ? tr(STR_MGR_CRITICAL_MARK) : "");
            gfx_text(u->g, head, d.x + d.w / 2 + 12 * s, ry, l->px_label, GF_BOLD,
                     mk->critical ? u->theme.bad : u->theme.warn);
            ry += l->px_label * 1.4f;
            ry += gfx_text_box(u->g, mk->feedback, d.x + d.w / 2 + 12 * s, ry, half, l->px_small,
                               GF_REGULAR, u->theme.text_dim, 1) +
                  8 * s;
        }
        gfx_clip(u->g, NULL);
    }
    if (u->form_error[0])
        gfx_text_box(u->g, u->form_error, 40 * s, H - hint_h - 40 * s, W - 80 * s, l->px_small,
                     GF_REGULAR, u->theme.bad, 1);
    hint_bar(u, tr(STR_MGR_HINT));
}

static void open_trainee(Ui *u, long long id, const char *title)
{
    free(u->hist);
    u->hist = calloc(2000, sizeof *u->hist);
    u->nhist = u->hist ? store_list_attempts(u->cfg->store, id, u->hist, 2000) : 0;
    u->hist_sel = u->nhist ? (int)u->nhist - 1 : 0;
    u->mgr_trainee = id;
    snprintf(u->mgr_title, sizeof u->mgr_title, "%s", title);
    u->screen = SCR_TRAINEE;
    u->dirty = 1;
}

static void manager_key(Ui *u, SDL_Keycode k)
{
    int idx[512];
    size_t n = mgr_rows(u, idx, 512);
    if (k == SDLK_TAB) {
        u->mgr_tab = !u->mgr_tab;
        u->mgr_sel = 0;
        u->mgr_sort = 0;
        u->mgr_desc = 0;
    } else if (k == SDLK_DOWN && u->mgr_sel + 1 < (int)n)
        u->mgr_sel++;
    else if (k == SDLK_UP && u->mgr_sel > 0)
        u->mgr_sel--;
    else if (k >= SDLK_1 && k <= SDLK_7) {
        int col = (int)(k - SDLK_1);
        if (col < (u->mgr_tab == 0 ? 7 : 5)) {
            u->mgr_desc = u->mgr_sort == col ? !u->mgr_desc : col >= 2;
            u->mgr_sort = col;
        }
    } else if ((k == SDLK_RETURN || k == SDLK_KP_ENTER) && u->mgr_tab == 0 && n) {
        const ReportTrainee *t = &u->report->trainees[idx[u->mgr_sel]];
        char title[400];
        snprintf(title, sizeof title, "%s %s · таб. № %s", t->surname, t->name, t->personnel);
        open_trainee(u, t->id, title);
    } else if (k == SDLK_ESCAPE) {
        report_free(u->report);
        u->report = NULL;
        u->screen = SCR_START;
    }
    u->dirty = 1;
}

/* A trainee's page: scores over time, then the attempts. */
static void draw_trainee(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W, H = (float)l->H;
    draw_title_bar(u, u->mgr_title, tr(STR_MGR_TRAINEE_SUB));
    float hint_h = gfx_line_height(u->g, l->px_small, GF_REGULAR) + 10 * s;
    GRect c = {32 * s, l->title_h + 14 * s, W - 64 * s, 200 * s};
    panel(u, c);
    /* The chart: totals of finished attempts in order, with the pass mark. */
    GRect plot = {c.x + 60 * s, c.y + 18 * s, c.w - 90 * s, c.h - 46 * s};
    for (int v = 0; v <= 100; v += 50) {
        float yy = plot.y + plot.h * (1 - v / 100.0f);
        gfx_fill(u->g, (GRect){plot.x, yy, plot.w, 1 * s}, (GColor){180, 180, 180, 120});
        char lab[8];
        snprintf(lab, sizeof lab, "%d", v);
        gfx_text(u->g, lab, c.x + 14 * s, yy - l->px_small * 0.6f, l->px_small, GF_REGULAR,
                 u->theme.text_dim);
    }
    float pm = plot.y + plot.h * (1 - 70 / 100.0f);
    for (float xx = plot.x; xx < plot.x + plot.w; xx += 12 * s)
        gfx_fill(u->g, (GRect){xx, pm, 6 * s, 1.5f * s}, u->theme.warn);
    gfx_text(u->g, tr(STR_MGR_PASS_LINE), plot.x + plot.w - 150 * s, pm - l->px_small * 1.3f,
             l->px_small, GF_REGULAR, u->theme.warn);
    size_t nf = 0;
    for (size_t i = 0; i < u->nhist; i++)
        nf += u->hist[i].finished;
    float px_prev = 0, py_prev = 0;
    size_t k = 0;
    for (size_t i = 0; i < u->nhist; i++) {
        if (!u->hist[i].finished)
            continue;
        float xx = plot.x + (nf > 1 ? plot.w * k / (float)(nf - 1) : plot.w / 2);
        float yy = plot.y + plot.h * (1 - u->hist[i].total / 100.0f);
        if (k > 0)
            gfx_line(u->g, px_prev, py_prev, xx, yy, 2.5f * s, u->theme.accent);
        gfx_circle(u->g, xx, yy, 5 * s, u->hist[i].passed ? u->theme.good : u->theme.bad);
        px_prev = xx;
        py_prev = yy;
        k++;
    }
    if (nf == 0)
        gfx_text(u->g, tr(STR_MGR_NO_FINISHED), plot.x + 10 * s, plot.y + plot.h / 2,
                 l->px_label, GF_REGULAR, u->theme.text_dim);
    /* The attempts, newest at the bottom (as the chart runs). */
    GRect p = {c.x, c.y + c.h + 14 * s, c.w, H - (c.y + c.h + 14 * s) - hint_h - 14 * s};
    panel(u, p);
    float rh = gfx_line_height(u->g, l->px_label, GF_REGULAR) * 1.7f;
    size_t fit = (size_t)((p.h - 16 * s) / rh), first = 0;
    if (fit < 1)
        fit = 1;
    if ((size_t)u->hist_sel >= fit)
        first = (size_t)u->hist_sel - fit + 1;
    float y = p.y + 8 * s;
    gfx_clip(u->g, &p);
    for (size_t i = first; i < u->nhist && i < first + fit; i++) {
        const AttemptRow *a = &u->hist[i];
        char line[700], when[24];
        snprintf(when, sizeof when, "%.16s", a->started_at);
        for (char *q = when; *q; q++)
            if (*q == 'T')
                *q = ' ';
        if (a->finished)
            snprintf(line, sizeof line, "%s · %s · %s · %d %s", when, a->title,
                     a->exam ? tr(STR_UI_MODE_EXAM) : tr(STR_UI_MODE_TRAINING), a->total,
                     a->passed ? tr(STR_UI_PASSED_BADGE) : tr(STR_UI_FAILED_BADGE));
        else
            snprintf(line, sizeof line, "%s · %s · %s · %s", when, a->title,
                     a->exam ? tr(STR_UI_MODE_EXAM) : tr(STR_UI_MODE_TRAINING),
                     tr(STR_UNFINISHED));
        if (!a->verified) {
            size_t len = strlen(line);
            snprintf(line + len, sizeof line - len, " · %s", tr(STR_MGR_NOT_VERIFIED));
        }
        GRect row = {p.x + 8 * s, y, p.w - 16 * s, rh};
        if ((int)i == u->hist_sel) {
            gfx_round(u->g, row, 4 * s, (GColor){11, 92, 173, 30});
            gfx_round_outline(u->g, row, 4 * s, 2.5f * s, u->theme.focus);
        }
        gfx_text(u->g, line, row.x + 8 * s, y + rh * 0.2f, l->px_label,
                 (int)i == u->hist_sel ? GF_BOLD : GF_REGULAR,
                 a->verified ? u->theme.text : u->theme.bad);
        add_hit(u, row, HIT_HIST_ROW, (int)i);
        y += rh;
    }
    gfx_clip(u->g, NULL);
    if (u->nhist == 0)
        gfx_text(u->g, tr(STR_MGR_NO_ATTEMPTS), p.x + 18 * s, p.y + 14 * s, l->px_body,
                 GF_REGULAR, u->theme.text_dim);
    hint_bar(u, tr(STR_MGR_TRAINEE_HINT));
}

static void replay_close(Ui *u)
{
    if (u->ss == u->replay)
        u->ss = NULL; /* it only borrowed the replay for drawing */
    session_destroy(u->replay);
    u->replay = NULL;
    for (size_t i = 0; i < u->replay_n; i++)
        free(u->replay_actions[i]);
    free(u->replay_actions);
    u->replay_actions = NULL;
    u->replay_n = 0;
}

/* Rebuilds the replayed attempt as it stood after k actions. */
static void replay_to(Ui *u, size_t k)
{
    const AttemptRow *a = &u->hist[u->hist_sel];
    const UiScenario *us = &u->scens[u->scen];
    if (u->ss == u->replay)
        u->ss = NULL;
    session_destroy(u->replay);
    SessionOptions o = {.seed = a->seed, .mode = a->exam ? MODE_EXAM : MODE_TRAINING,
                        .program = us->program};
    SimError e;
    u->replay = NULL;
    if (session_create(us->scenario, &o, &u->replay, &e) != SIM_OK) {
        snprintf(u->replay_error, sizeof u->replay_error, "%s", e.msg);
        return;
    }
    for (size_t i = 0; i < k && i < u->replay_n; i++)
        if (session_act(u->replay, u->replay_actions[i], &e) != SIM_OK) {
            snprintf(u->replay_error, sizeof u->replay_error, "%s", e.msg);
            break;
        }
    u->replay_k = k;
    u->ss = u->replay;
}

static void open_replay(Ui *u)
{
    if (!u->nhist)
        return;
    const AttemptRow *a = &u->hist[u->hist_sel];
    u->replay_error[0] = '\0';
    int found = -1;
    for (size_t i = 0; i < u->nscens; i++)
        if (strcmp(u->scens[i].scenario->id, a->scenario) == 0 &&
            strcmp(u->scens[i].scenario->hash_hex, a->hash) == 0)
            found = (int)i;
    if (found < 0) {
        snprintf(u->replay_error, sizeof u->replay_error, tr(STR_MGR_REPLAY_CHANGED),
                 a->scenario, a->version);
        u->dirty = 1;
        return;
    }
    /* The last attempt played (finished by now) gives way to the replay. */
    if (u->ss && u->ss != u->replay) {
        session_destroy(u->ss);
        u->ss = NULL;
    }
    replay_close(u);
    u->scen = found;
    u->replay_n = store_attempt_actions(u->cfg->store, a->id, &u->replay_actions);
    replay_to(u, 0);
    u->screen = SCR_REPLAY;
    u->ov = OV_NONE;
    u->focus_area = -1; /* a replay shows no keyboard focus */
    u->nnotices = 0;
    u->animating = 0;
    u->office_frames = 1; /* straight to the layered drawing */
    u->reaction = 0;
    u->scene_key[0] = '\0';
    u->show_line = 1;
    u->dirty = 1;
}

static void trainee_key(Ui *u, SDL_Keycode k)
{
    if (k == SDLK_DOWN && u->hist_sel + 1 < (int)u->nhist)
        u->hist_sel++;
    else if (k == SDLK_UP && u->hist_sel > 0)
        u->hist_sel--;
    else if (k == SDLK_RETURN || k == SDLK_KP_ENTER)
        open_replay(u);
    else if (k == SDLK_ESCAPE) {
        u->screen = SCR_MANAGER;
        u->replay_error[0] = '\0';
    }
    u->dirty = 1;
}

/* The replay: the office as it stood after step k, with what was done and what it earned. */
static void draw_replay(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W;
    if (!u->replay)
        return;
    draw_office(u);
    char head[300];
    snprintf(head, sizeof head, tr(STR_MGR_REPLAY_STEP), u->replay_k, u->replay_n);
    SimBuf b;
    simbuf_init(&b);
    if (u->replay_k > 0) {
        const char *id = u->replay_actions[u->replay_k - 1];
        char *what = session_describe_action(cur_scen(u), id);
        if (scenario_find_action(cur_scen(u), id, NULL) >= 0)
            simbuf_printf(&b, "%s: %s", tr(STR_YOU), what);
        else
            simbuf_puts(&b, what); /* "Вы открываете документ …" speaks for itself */
        free(what);
        /* The ledger entries of this step: replay k−1 steps in a scratch session to know where
         * they start. */
        SessionOptions o = {.seed = session_seed(u->replay), .mode = session_mode(u->replay),
                            .program = u->scens[u->scen].program};
        Session *prev = NULL;
        SimError e;
        size_t from = 0;
        if (session_create(cur_scen(u), &o, &prev, &e) == SIM_OK) {
            for (size_t i = 0; i + 1 < u->replay_k; i++)
                session_act(prev, u->replay_actions[i], &e);
            from = session_ledger(prev)->count;
            session_destroy(prev);
        }
        const ScoreLedger *lg = session_ledger(u->replay);
        for (size_t i = from; i < lg->count; i++) {
            const LedgerEntry *en = &lg->entries[i];
            simbuf_printf(&b, "\n%s%d · %s: %s%s%s%s", en->points >= 0 ? "+" : "−", abs(en->points),
                          en->criterion >= 0 ? cur_scen(u)->criteria[en->criterion].title
                                             : tr(STR_CRITICAL),
                          en->feedback, en->rule ? " (" : "", en->rule ? en->rule->short_ : "",
                          en->rule ? ")" : "");
        }
    } else {
        simbuf_puts(&b, tr(STR_MGR_REPLAY_START));
    }
    float w = W * 0.6f;
    float th = gfx_text_box(u->g, simbuf_str(&b), 0, 0, w - 32 * s, l->px_label, GF_REGULAR,
                            u->theme.text, 0);
    GRect p = {W * 0.2f, l->hud_h + 8 * s, w, th + l->px_body * 1.6f + 24 * s};
    panel(u, p);
    gfx_text(u->g, head, p.x + 16 * s, p.y + 10 * s, l->px_body, GF_BOLD, u->theme.accent);
    gfx_text_box(u->g, simbuf_str(&b), p.x + 16 * s, p.y + 14 * s + l->px_body * 1.3f, w - 32 * s,
                 l->px_label, GF_REGULAR, u->theme.text, 1);
    simbuf_free(&b);
    hint_bar(u, tr(STR_MGR_REPLAY_HINT));
}

static void replay_key(Ui *u, SDL_Keycode k)
{
    if (k == SDLK_RIGHT && u->replay_k < u->replay_n)
        replay_to(u, u->replay_k + 1);
    else if (k == SDLK_LEFT && u->replay_k > 0)
        replay_to(u, u->replay_k - 1);
    else if (k == SDLK_HOME)
        replay_to(u, 0);
    else if (k == SDLK_END)
        replay_to(u, u->replay_n);
    else if (k == SDLK_ESCAPE) {
        replay_close(u);
        u->screen = SCR_TRAINEE;
    }
    u->scene_key[0] = '\0';
    u->dirty = 1;
}

/* ==== settings screen ===================================================================== */

static void draw_settings(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s;
    draw_title_bar(u, tr(STR_UI_SETTINGS), NULL);
    float rowh0 = l->px_body * 2.6f, btn_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    GRect p = {l->W * 0.15f, l->title_h + 24 * s, l->W * 0.7f, 24 * s + 4 * rowh0 + btn_h + 40 * s};
    panel(u, p);
    char vals[4][64];
    snprintf(vals[0], sizeof vals[0], "◀ %d %% ▶", u->text_pct);
    snprintf(vals[1], sizeof vals[1], "%s", u->high_contrast ? tr(STR_UI_ON) : tr(STR_UI_OFF));
    snprintf(vals[2], sizeof vals[2], "%s", u->timer_on ? tr(STR_UI_ON) : tr(STR_UI_OFF));
    snprintf(vals[3], sizeof vals[3], "%s", gfx_is_fullscreen(u->g) ? tr(STR_UI_ON) : tr(STR_UI_OFF));
    const SimStr names[4] = {STR_UI_TEXT_SIZE, STR_UI_CONTRAST, STR_UI_TIMER, STR_UI_FULLSCREEN};
    float y = p.y + 24 * s, rowh = l->px_body * 2.6f;
    for (int i = 0; i < 4; i++) {
        GRect r = {p.x + 16 * s, y, p.w - 32 * s, rowh - 8 * s};
        if (i == u->setting_row)
            gfx_round_outline(u->g, r, 6 * s, 3 * s, u->theme.focus);
        gfx_text(u->g, tr(names[i]), r.x + 14 * s, r.y + rowh * 0.25f, l->px_body, GF_REGULAR,
                 u->theme.text);
        float vw = text_w(u, vals[i], l->px_body, GF_BOLD);
        gfx_text(u->g, vals[i], r.x + r.w - vw - 14 * s, r.y + rowh * 0.25f, l->px_body, GF_BOLD,
                 u->theme.accent);
        add_hit(u, r, HIT_SETTING, i);
        y += rowh;
    }
    button(u, p.x + 16 * s, p.y + p.h - btn_h - 18 * s, tr(STR_UI_BACK), 1, 0, HIT_BACK, 0);
    hint_bar(u, tr(STR_UI_HINT_SETTINGS));
}

static void setting_change(Ui *u, int row, int dir)
{
    if (row == 0) {
        int v = u->text_pct + dir * 10;
        u->text_pct = v < 100 ? 100 : (v > 200 ? 200 : v);
        save_setting(u, "text_pct", u->text_pct);
    } else if (row == 1) {
        u->high_contrast = !u->high_contrast;
        save_setting(u, "high_contrast", u->high_contrast);
    } else if (row == 2) {
        u->timer_on = !u->timer_on;
        save_setting(u, "timer", u->timer_on);
    } else {
        gfx_set_fullscreen(u->g, !gfx_is_fullscreen(u->g));
        save_setting(u, "fullscreen", gfx_is_fullscreen(u->g));
    }
    apply_theme(u);
}

static void settings_key(Ui *u, SDL_Keycode k)
{
    if (k == SDLK_UP && u->setting_row > 0)
        u->setting_row--;
    else if (k == SDLK_DOWN && u->setting_row < 3)
        u->setting_row++;
    else if (k == SDLK_LEFT || k == SDLK_RIGHT)
        setting_change(u, u->setting_row, k == SDLK_LEFT ? -1 : 1);
    else if (k == SDLK_RETURN || k == SDLK_SPACE)
        setting_change(u, u->setting_row, 1);
    else if (k == SDLK_ESCAPE)
        u->screen = u->settings_back;
    u->dirty = 1;
}

/* ==== dispatch ============================================================================ */

static void draw_frame(Ui *u, const char *shot);

/* Frame timing for benchmarks: MFC_FRAME_LOG=FILE appends one line per frame (ms). */
static void draw(Ui *u, const char *shot)
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

/* The results database refuses writes: what happened, that nothing is lost, and a button to
 * try again (each next action tries again by itself). Drawn over any screen. */
static void draw_store_banner(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W;
    char text[SIM_ERROR_MAX + 64];
    snprintf(text, sizeof text, "%s (%s)", u->store_msg, tr(STR_STORE_RETRY_HINT));
    float bw = text_w(u, tr(STR_STORE_RETRY), l->px_body, GF_BOLD) + 36 * s;
    float tw = W - 80 * s - bw - 40 * s;
    float th = gfx_text_box(u->g, text, 0, 0, tw, l->px_label, GF_REGULAR, u->theme.text, 0);
    float bh = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    GRect p = {40 * s, l->title_h + 8 * s, W - 80 * s, fmaxf(th, bh) + 24 * s};
    gfx_round(u->g, (GRect){p.x + 3 * s, p.y + 4 * s, p.w, p.h}, 10 * s, u->theme.shadow);
    gfx_round(u->g, p, 10 * s, u->theme.panel);
    gfx_round_outline(u->g, p, 10 * s, 3 * s, u->theme.bad);
    gfx_text_box(u->g, text, p.x + 20 * s, p.y + 12 * s, tw, l->px_label, GF_REGULAR,
                 u->theme.text, 1);
    button(u, p.x + p.w - bw - 16 * s, p.y + (p.h - bh) / 2, tr(STR_STORE_RETRY), 1, 0,
           HIT_STORE_RETRY, 0);
}

/* The background sync's state in the bottom-left corner of the start screen, the catalogue
 * and the debrief: where results went, or that they wait on this PC. */
static void draw_sync_line(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s;
    float tw = fminf(text_w(u, u->sync_line, l->px_label, GF_REGULAR), (float)l->W * 0.6f);
    float th = gfx_text_box(u->g, u->sync_line, 0, 0, tw + 2, l->px_label, GF_REGULAR,
                            u->theme.text, 0);
    /* Above the hint bar, which every one of these screens draws at the bottom. */
    float hint_h = gfx_line_height(u->g, l->px_small, GF_REGULAR) + 10 * s;
    GRect p = {12 * s, (float)l->H - hint_h - th - 20 * s, tw + 24 * s, th + 12 * s};
    gfx_round(u->g, p, 8 * s, u->theme.panel);
    gfx_round_outline(u->g, p, 8 * s, 1.5f * s, u->theme.panel_edge);
    gfx_text_box(u->g, u->sync_line, p.x + 12 * s, p.y + 6 * s, tw + 2, l->px_label, GF_REGULAR,
                 u->theme.text, 1);
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
    switch (u->screen) {
    case SCR_START: draw_start(u); break;
    case SCR_NEW_PROFILE: draw_new_profile(u); break;
    case SCR_CATALOG: draw_catalog(u); break;
    case SCR_OFFICE:
        draw_office(u);
        if (u->ov == OV_DOC || u->ov == OV_REASON)
            draw_doc_overlay(u);
        if (u->ov == OV_REASON)
            draw_reason_overlay(u);
        if (u->ov == OV_PC)
            draw_pc_overlay(u);
        if (u->ov == OV_LEAVE)
            draw_leave_overlay(u);
        break;
    case SCR_DEBRIEF: draw_debrief(u); break;
    case SCR_SETTINGS: draw_settings(u); break;
    case SCR_MANAGER: draw_manager(u); break;
    case SCR_TRAINEE:
        draw_trainee(u);
        if (u->replay_error[0]) {
            GRect p = {u->l.W * 0.2f, u->l.H * 0.4f, u->l.W * 0.6f, u->l.H * 0.16f};
            panel(u, p);
            gfx_text_box(u->g, u->replay_error, p.x + 20 * u->l.s, p.y + 16 * u->l.s,
                         p.w - 40 * u->l.s, u->l.px_body, GF_REGULAR, u->theme.bad, 1);
        }
        break;
    case SCR_REPLAY: draw_replay(u); break;
    case SCR_BOOK: book_draw(u->g, &u->l, &u->theme, u->high_contrast, &u->book); break;
    case SCR_SHIFT_END: draw_shift_end(u); break;
    case SCR_RELOAD_ERROR: draw_reload_error(u); break;
    case SCR_PIN: draw_pin(u); break;
    }
    if (u->store_msg[0] && store_pending(u->cfg->store) > 0)
        draw_store_banner(u);
    if (u->sync_line[0] &&
        (u->screen == SCR_START || u->screen == SCR_CATALOG || u->screen == SCR_DEBRIEF))
        draw_sync_line(u);
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
        store_retry(u);
        return;
    }
    if (k == SDLK_F11) {
        gfx_set_fullscreen(u->g, !gfx_is_fullscreen(u->g));
        save_setting(u, "fullscreen", gfx_is_fullscreen(u->g));
        u->dirty = 1;
        return;
    }
    switch (u->screen) {
    case SCR_START: start_key(u, k); break;
    case SCR_NEW_PROFILE: form_key(u, k); break;
    case SCR_CATALOG: catalog_key(u, k); break;
    case SCR_OFFICE: office_key(u, k); break;
    case SCR_DEBRIEF: debrief_key(u, k); break;
    case SCR_SETTINGS: settings_key(u, k); break;
    case SCR_MANAGER: manager_key(u, k); break;
    case SCR_TRAINEE: trainee_key(u, k); break;
    case SCR_REPLAY: replay_key(u, k); break;
    case SCR_BOOK:
        if (book_key(&u->book, (int)k, 48 * u->l.s))
            close_book(u);
        u->dirty = 1;
        break;
    case SCR_SHIFT_END: shift_end_key(u, k); break;
    case SCR_RELOAD_ERROR: reload_key(u, k); break;
    case SCR_PIN: pin_key(u, k); break;
    }
}

static void on_click(Ui *u, int x, int y)
{
    if (u->screen == SCR_BOOK) {
        if (book_click(&u->book, x, y))
            close_book(u);
        u->dirty = 1;
        return;
    }
    /* The topmost (last drawn) region wins. */
    for (int i = u->nhits - 1; i >= 0; i--) {
        Hit *h = &u->hits[i];
        if (x < h->r.x || x >= h->r.x + h->r.w || y < h->r.y || y >= h->r.y + h->r.h)
            continue;
        switch (h->kind) {
        case HIT_PROFILE: u->sel_trainee = h->arg; u->start_focus = 0; break;
        case HIT_NEW_PROFILE: start_key(u, SDLK_n); break;
        case HIT_MODE: u->exam = h->arg; u->start_focus = 1; break;
        case HIT_START: u->start_focus = 2; u->start_button = 0; start_key(u, SDLK_RETURN); break;
        case HIT_SETTINGS:
            u->settings_back = u->screen;
            u->screen = SCR_SETTINGS;
            break;
        case HIT_QUIT: u->running = 0; break;
        case HIT_FORM_FIELD: u->form_field = h->arg; break;
        case HIT_FORM_OK: form_submit(u); break;
        case HIT_FORM_CANCEL: form_key(u, SDLK_ESCAPE); break;
        case HIT_FILTER: u->filter = h->arg; u->sel_card = 0; break;
        case HIT_CARD:
            if (u->sel_card == h->arg) {
                catalog_key(u, SDLK_RETURN);
            } else {
                u->sel_card = h->arg;
            }
            break;
        case HIT_BACK: settings_key(u, SDLK_ESCAPE); break;
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
        case HIT_DEBRIEF: debrief_do(u, h->arg); break;
        case HIT_CONTENT_DETAILS:
            u->content_open = !u->content_open;
            u->dirty = 1;
            break;
        case HIT_STORE_RETRY: store_retry(u); break;
        case HIT_SETTING: u->setting_row = h->arg; setting_change(u, h->arg, 1); break;
        case HIT_LEAVE_YES: leave_attempt(u); break;
        case HIT_LEAVE_NO: u->ov = OV_NONE; break;
        case HIT_MANAGER: open_manager(u); break;
        case HIT_MGR_TAB:
            if (u->mgr_tab != h->arg)
                manager_key(u, SDLK_TAB);
            break;
        case HIT_MGR_ROW:
            if (u->mgr_sel == h->arg)
                manager_key(u, SDLK_RETURN);
            else
                u->mgr_sel = h->arg;
            break;
        case HIT_MGR_COL: manager_key(u, (SDL_Keycode)(SDLK_1 + h->arg)); break;
        case HIT_HIST_ROW:
            if (u->hist_sel == h->arg)
                trainee_key(u, SDLK_RETURN);
            else
                u->hist_sel = h->arg;
            break;
        case HIT_BOOK:
            if (u->screen == SCR_OFFICE)
                office_key(u, SDLK_F1);
            else
                open_book(u, NULL);
            break;
        case HIT_SHIFT: shift_begin(u); break;
        case HIT_SHIFT_END:
            if (u->screen == SCR_DEBRIEF)
                shift_debrief_do(u, h->arg);
            else
                shift_end_do(u, h->arg - 2);
            break;
        case HIT_RELOAD: reload_do(u, h->arg); break;
        case HIT_CLOSE:
        case HIT_NONE: break;
        }
        u->dirty = 1;
        return;
    }
    /* A click outside an open document or the PC closes it. */
    if (u->screen == SCR_OFFICE && (u->ov == OV_DOC || u->ov == OV_PC) && !u->compare_pick) {
        u->ov = OV_NONE;
        u->dirty = 1;
    }
}

static void handle(Ui *u, const SDL_Event *ev)
{
    switch (ev->type) {
    case SDL_QUIT: u->running = 0; break;
    case SDL_KEYDOWN: on_key(u, ev->key.keysym.sym); break;
    case SDL_TEXTINPUT:
        if (u->screen == SCR_NEW_PROFILE)
            form_text(u, ev->text.text);
        break;
    case SDL_MOUSEMOTION: {
        u->mouse_x = (int)(ev->motion.x * gfx_dpi_scale(u->g));
        u->mouse_y = (int)(ev->motion.y * gfx_dpi_scale(u->g));
        if (u->screen == SCR_BOOK) {
            if (book_hover(&u->book, u->mouse_x, u->mouse_y))
                u->dirty = 1;
            break;
        }
        /* Redraw only when the pointer crosses into or out of a region. */
        int h = -1;
        for (int i = u->nhits - 1; i >= 0 && h < 0; i--)
            if (hovered(u, u->hits[i].r))
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
        if (u->screen == SCR_DEBRIEF)
            debrief_scroll(u, -ev->wheel.y * 60 * u->l.s);
        else if (u->screen == SCR_SHIFT_END)
            shift_end_scroll(u, -ev->wheel.y * 60 * u->l.s);
        if (u->screen == SCR_BOOK) {
            book_wheel(&u->book, u->mouse_x, u->mouse_y, -ev->wheel.y * 60 * u->l.s);
            u->dirty = 1;
        } else if (u->screen == SCR_SHIFT_END) {
            u->dirty = 1;
        }
        break;
    case SDL_WINDOWEVENT:
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED ||
            ev->window.event == SDL_WINDOWEVENT_EXPOSED)
            u->dirty = 1;
        if (ev->window.event == SDL_WINDOWEVENT_SIZE_CHANGED && !gfx_is_fullscreen(u->g) &&
            !u->cfg->input_script) {
            int w, h;
            gfx_window_size(u->g, &w, &h);
            save_setting(u, "window_w", w);
            save_setting(u, "window_h", h);
        }
        break;
    default: break;
    }
}

/* ==== automation ========================================================================== */

static int load_script(Ui *u, const char *path)
{
    char *text = NULL;
    size_t len = 0;
    SimError e;
    if (sim_read_file(path, 1 << 20, &text, &len, &e) != SIM_OK) {
        sim_error_set(u->err, SIM_ERR_IO, "%s", e.msg);
        return 0;
    }
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        n += text[i] == '\n';
    u->script = calloc(n, sizeof *u->script);
    for (char *save = NULL, *line = strtok_r(text, "\n", &save); line && u->script;
         line = strtok_r(NULL, "\n", &save))
        u->script[u->script_lines++] = sim_strdup(line);
    free(text);
    return 1;
}

static void push_key(SDL_Keycode k)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_KEYDOWN;
    ev.key.state = SDL_PRESSED;
    ev.key.keysym.sym = k;
    ev.key.keysym.scancode = SDL_GetScancodeFromKey(k);
    SDL_PushEvent(&ev);
    ev.type = SDL_KEYUP;
    ev.key.state = SDL_RELEASED;
    SDL_PushEvent(&ev);
}

/* Runs script commands until one needs time to pass (wait) or events to be handled first.
 * Returns 0 when the script has ended. */
static int script_step(Ui *u)
{
    while (u->script_pc < u->script_lines) {
        if (u->wait_until && SDL_TICKS_PASSED(SDL_GetTicks(), u->wait_until) == 0)
            return 1;
        u->wait_until = 0;
        size_t lineno = u->script_pc + 1;
        char *line = u->script[u->script_pc++];
        while (*line == ' ' || *line == '\t')
            line++;
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
            line[--n] = '\0';
        if (!*line || *line == '#')
            continue;
        char *arg = strchr(line, ' ');
        if (arg)
            *arg++ = '\0';
        if (strcmp(line, "key") == 0 && arg) {
            SDL_Keycode k = SDL_GetKeyFromName(arg);
            if (k == SDLK_UNKNOWN) {
                sim_error_set(u->err, SIM_ERR_INVALID, "%s:%zu: неизвестная клавиша «%s»",
                              u->cfg->input_script, lineno, arg);
                u->failed = 1;
                return 0;
            }
            push_key(k);
            return 1; /* let the loop handle it before the next command */
        }
        if (strcmp(line, "click") == 0 && arg) {
            int x, y;
            if (sscanf(arg, "%d %d", &x, &y) != 2) {
                sim_error_set(u->err, SIM_ERR_INVALID, "%s:%zu: click X Y", u->cfg->input_script,
                              lineno);
                u->failed = 1;
                return 0;
            }
            SDL_Event ev;
            memset(&ev, 0, sizeof ev);
            ev.type = SDL_MOUSEMOTION;
            ev.motion.x = x;
            ev.motion.y = y;
            SDL_PushEvent(&ev);
            memset(&ev, 0, sizeof ev);
            ev.type = SDL_MOUSEBUTTONDOWN;
            ev.button.button = SDL_BUTTON_LEFT;
            ev.button.state = SDL_PRESSED;
            ev.button.clicks = 1;
            ev.button.x = x;
            ev.button.y = y;
            SDL_PushEvent(&ev);
            ev.type = SDL_MOUSEBUTTONUP;
            ev.button.state = SDL_RELEASED;
            SDL_PushEvent(&ev);
            return 1;
        }
        if (strcmp(line, "text") == 0 && arg) {
            /* SDL text events carry at most 31 bytes: split on character boundaries. */
            const char *p = arg;
            while (*p) {
                SDL_Event ev;
                memset(&ev, 0, sizeof ev);
                ev.type = SDL_TEXTINPUT;
                size_t k = 0;
                while (p[k] && k < 24) {
                    k++;
                    while (p[k] && ((unsigned char)p[k] & 0xC0) == 0x80)
                        k++;
                }
                memcpy(ev.text.text, p, k);
                SDL_PushEvent(&ev);
                p += k;
            }
            return 1;
        }
        if (strcmp(line, "act") == 0 && arg) {
            /* An engine action by id, as `play --actions` takes it: positions a scene for a
             * screenshot without spelling out its keys. */
            if (u->screen != SCR_OFFICE || !u->ss || !do_action(u, arg)) {
                sim_error_set(u->err, SIM_ERR_INVALID, "%s:%zu: действие «%s» не выполнено: %s",
                              u->cfg->input_script, lineno, arg,
                              u->nnotices ? u->notices[0].text : "приём не идёт");
                u->failed = 1;
                return 0;
            }
            return 1;
        }
        if (strcmp(line, "db") == 0 && arg && u->cfg->store) {
            /* db readonly | db ok: the results database refuses writes, or takes them again
             * (the tests of writes that wait in memory). */
            store_simulate_read_only(u->cfg->store, strcmp(arg, "readonly") == 0);
            return 1;
        }
        if (strcmp(line, "wait") == 0 && arg) {
            u->wait_until = SDL_GetTicks() + (uint32_t)atoi(arg);
            return 1;
        }
        if (strcmp(line, "shot") == 0 && arg) {
            if (!u->cfg->screenshots) {
                sim_error_set(u->err, SIM_ERR_INVALID,
                              "%s:%zu: shot без --screenshots ПАПКА", u->cfg->input_script, lineno);
                u->failed = 1;
                return 0;
            }
            char *path = sim_path_join(u->cfg->screenshots, arg);
            SimBuf b;
            simbuf_init(&b);
            simbuf_printf(&b, "%s.png", path);
            free(path);
            draw(u, simbuf_str(&b));
            simbuf_free(&b);
            if (u->failed)
                return 0;
            continue;
        }
        if (strcmp(line, "copy") == 0 && arg) {
            /* Replaces a file (a scenario being edited while the window runs: the reload
             * tests). Paths are relative to the current folder. */
            char *dst = strchr(arg, ' ');
            char *text = NULL;
            size_t len = 0;
            SimError e;
            sim_error_clear(&e);
            if (dst)
                *dst++ = '\0';
            FILE *f = NULL;
            if (!dst || sim_read_file(arg, SCENARIO_MAX_FILE, &text, &len, &e) != SIM_OK ||
                !(f = fopen(dst, "wb")) || fwrite(text, 1, len, f) != len) {
                sim_error_set(u->err, SIM_ERR_IO, tr(STR_SCRIPT_BAD_COPY), u->cfg->input_script,
                              lineno, e.msg[0] ? e.msg : (dst ? dst : ""));
                if (f)
                    fclose(f);
                free(text);
                u->failed = 1;
                return 0;
            }
            fclose(f);
            free(text);
            continue;
        }
        if (strcmp(line, "expect") == 0 && arg) {
            /* expect SCREEN [TEXT]: the window shows that screen and, when given, TEXT is in
             * its first notice (the office) or in its messages (the reload error screen). */
            static const char *const names[] = {
                "start",   "new-profile", "catalog", "office", "debrief",    "settings",
                "manager", "trainee",     "replay",  "book",   "shift-end", "reload-error",
                "pin"};
            char *want_text = strchr(arg, ' ');
            if (want_text)
                *want_text++ = '\0';
            const char *now = (size_t)u->screen < sizeof names / sizeof names[0]
                                  ? names[u->screen]
                                  : "?";
            const char *have = u->store_msg[0] && store_pending(u->cfg->store) > 0
                                   ? u->store_msg /* the banner over any screen */
                               : u->screen == SCR_RELOAD_ERROR ? simbuf_str(&u->reload_text)
                               : u->screen == SCR_CATALOG      ? u->form_error
                               : u->screen == SCR_PIN          ? u->pin_msg
                               : u->screen == SCR_DEBRIEF && session_content_error(u->ss)
                                   ? tr(STR_CONTENT_STOPPED)
                               : u->nnotices ? u->notices[0].text
                                             : "";
            if (strcmp(now, arg) != 0 || (want_text && !strstr(have, want_text))) {
                sim_error_set(u->err, SIM_ERR_INVALID, tr(STR_SCRIPT_BAD_EXPECT),
                              u->cfg->input_script, lineno, arg, want_text ? " с текстом " : "",
                              want_text ? want_text : "", now, *have ? ": " : "", have);
                u->failed = 1;
                return 0;
            }
            continue;
        }
        if (strcmp(line, "size") == 0 && arg) {
            int w, h;
            if (sscanf(arg, "%dx%d", &w, &h) == 2) {
                gfx_set_window_size(u->g, w, h);
                u->dirty = 1;
                return 1;
            }
        }
        sim_error_set(u->err, SIM_ERR_INVALID,
                      "%s:%zu: непонятная команда «%s» (допустимы key, click, text, wait, shot, size, act, copy, expect, db)",
                      u->cfg->input_script, lineno, line);
        u->failed = 1;
        return 0;
    }
    return 0;
}

/* ==== run ================================================================================= */

int ui_run(const UiConfig *cfg, SimError *err)
{
    Ui *u = calloc(1, sizeof *u);
    if (!u)
        return 1;
    u->cfg = cfg;
    u->err = err;
    for (size_t i = 0; i < cfg->scenario_count && i < MAX_SCENARIOS; i++)
        u->scens[u->nscens++] = cfg->scenarios[i];
    simbuf_init(&u->reload_text);
    u->sel_trainee = -1;
    u->cards_for = -2;
    u->filter = -1;
    u->hover = -1;
    u->text_pct = setting_int(u, "text_pct", 100, 100, 200);
    u->high_contrast = setting_int(u, "high_contrast", 0, 0, 1);
    u->timer_on = setting_int(u, "timer", 1, 0, 1);
    u->exam = setting_int(u, "mode", 0, 0, 1);
    int fullscreen = cfg->input_script ? 0 : setting_int(u, "fullscreen", 0, 0, 1);
    int ww = cfg->width ? cfg->width : setting_int(u, "window_w", 1280, 960, 16384);
    int wh = cfg->height ? cfg->height : setting_int(u, "window_h", 720, 540, 16384);
    GfxOptions go = {.width = ww, .height = wh, .fullscreen = fullscreen,
                     .hidden = cfg->input_script != NULL && !getenv("MFC_SHOW_WINDOW"),
                     .font_path = cfg->font_path, .title = tr(STR_UI_WINDOW_TITLE),
                     .icon_path = cfg->icon_path};
    if (gfx_create(&go, &u->g, err) != SIM_OK) {
        free(u);
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
    apply_theme(u);
    reload_trainees(u);
    int last = setting_int(u, "last_trainee", 0, 0, 2147483647);
    for (size_t i = 0; i < u->ntrainees; i++)
        if (u->trainees[i].id == last)
            u->sel_trainee = (int)i;
    collect_services(u);
    u->screen = SCR_START;
    if (cfg->start_scenario) {
        for (size_t i = 0; i < cfg->scenario_count; i++)
            if (strcmp(cfg->scenarios[i].scenario->id, cfg->start_scenario) == 0) {
                u->exam = cfg->exam;
                start_attempt(u, (int)i);
            }
        if (u->screen != SCR_OFFICE) {
            if (u->form_error[0]) /* e.g. an exam refused on an unverified pack */
                sim_error_set(err, SIM_ERR_INVALID, "%s", u->form_error);
            else
                sim_error_set(err, SIM_ERR_INVALID, "сценарий «%s» не загружен",
                              cfg->start_scenario);
            gfx_destroy(u->g);
            free(u);
            return 1;
        }
    }
    if (cfg->input_script && !load_script(u, cfg->input_script)) {
        gfx_destroy(u->g);
        free(u);
        return 1;
    }
    if (cfg->store && cfg->central)
        u->sync = syncbg_start(cfg->db_path, cfg->central, cfg->sync_interval ? cfg->sync_interval : 5);
    u->running = 1;
    u->dirty = 1;
    while (u->running) {
        if (u->sync && syncbg_status(u->sync, u->sync_line, sizeof u->sync_line))
            u->dirty = 1;
        if (u->script) {
            /* Handle what the last command produced, then run the next one. */
            SDL_Event ev;
            while (SDL_PollEvent(&ev))
                handle(u, &ev);
            poll_files(u);
            if (u->dirty || u->animating)
                draw(u, NULL);
            if (!script_step(u) && !SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT)) {
                if (u->dirty)
                    draw(u, NULL);
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
                  : watching(u) || pin_waiting(u) ? SDL_WaitEventTimeout(&ev, 250)
                  : u->sync ? SDL_WaitEventTimeout(&ev, 1000) /* the sync line may change */
                                : SDL_WaitEvent(&ev);
        if (got) {
            handle(u, &ev);
            while (SDL_PollEvent(&ev))
                handle(u, &ev);
        }
        poll_files(u);
        if (u->dirty || u->animating)
            draw(u, NULL);
    }
    int rc = u->failed ? 1 : 0;
    replay_close(u); /* a replay is never recorded */
    if (u->ss && !session_finished(u->ss)) {
        session_abandon(u->ss);
        write_result(u);
    }
    if (cfg->store && store_pending(cfg->store) > 0) {
        /* A last try; what the database still refuses is handed to the command line, which
         * prints the attempt's actions so they can be replayed later. */
        SimError e;
        if (store_flush(cfg->store, &e) != SIM_OK && store_pending(cfg->store) > 0 && !u->failed) {
            SimBuf acts;
            simbuf_init(&acts);
            for (size_t i = 0; u->ss && i < session_action_count(u->ss); i++)
                simbuf_printf(&acts, "%s%s", i ? "," : "", session_action_id(u->ss, i));
            sim_error_set(err, SIM_ERR_IO, tr(STR_STORE_LOST), simbuf_str(&acts));
            simbuf_free(&acts);
            rc = 1;
        }
    }
    syncbg_stop(u->sync); /* a run in progress finishes (bounded by the connect timeout) */
    session_destroy(u->ss);
    for (size_t i = 0; i < u->nscens; i++)
        if (u->owned[i]) { /* loaded again from disk by the window */
            script_program_destroy(u->scens[i].program);
            scenario_free((Scenario *)u->scens[i].scenario);
        }
    simbuf_free(&u->reload_text);
    report_free(u->report);
    free(u->hist);
    gfx_layer_free(u->scene);
    gfx_layer_free(u->front);
    for (size_t i = 0; i < u->script_lines; i++)
        free(u->script[i]);
    free(u->script);
    gfx_destroy(u->g);
    free(u);
    return rc;
}
