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
#include "syncbg.h"
#include "watch.h"

#include "../core/i18n.h"
#include "../store/report.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* ==== settings ============================================================================ */

void ui_apply_theme(Ui *u)
{
    theme_init(&u->theme, u->high_contrast);
    int w, h;
    gfx_size(u->g, &w, &h);
    layout_compute(&u->l, w, h, u->text_pct);
    u->dirty = 1;
}

static void draw_frame(Ui *u, const char *shot);

/* The table of screens, made from UI_SCREENS (ui_app.h). */
#define UI_SCREEN_ROW(e, def) [e] = &def,
static const ScreenDef *const screens[SCR_COUNT] = {UI_SCREENS(UI_SCREEN_ROW)};
#undef UI_SCREEN_ROW

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
    /* Speech follows what was drawn; a frame that only advances an animation says nothing
     * new. */
    if (!u->anim_frame)
        ui_speech_update(u, screens[u->screen]);
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
    /* Tests: MFC_MAPS_FILE=FILE receives /proc/self/maps as it is at the first office frame:
     * which libraries the window had loaded by then (the centre's, the LRS's, the pack files'
     * and the voice's must not be among them). */
    static int maps_done;
    if (!maps_done && u->screen == SCR_OFFICE) {
        maps_done = 1;
        const char *mf = getenv("MFC_MAPS_FILE");
        FILE *in = mf && *mf ? fopen("/proc/self/maps", "r") : NULL;
        FILE *out = in ? fopen(mf, "w") : NULL;
        char buf[4096];
        size_t n;
        while (out && (n = fread(buf, 1, sizeof buf, in)) > 0)
            fwrite(buf, 1, n, out);
        if (out)
            fclose(out);
        if (in)
            fclose(in);
    }
    if (log) {
        double ms = (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 /
                    (double)SDL_GetPerformanceFrequency();
        fprintf(log, "%.3f %d\n", ms, (int)u->screen);
        fflush(log);
    }
    u->frames++;
    if (u->event_log) {
        size_t entries, renders;
        gfx_cache_stats(u->g, &entries, &renders);
        fprintf(u->event_log, "frame %lu %s scenarios=%zu renders=%zu%s\n", u->frames,
                ui_screen_name(u->screen), u->nscens, renders, u->animating ? " animating" : "");
        fflush(u->event_log);
    }
    if (u->first_frame_exit && u->screen == SCR_OFFICE)
        u->running = 0;
}

/* ==== loading after the first frame ======================================================== */

/* The rest of the catalogue (UiConfig.load_rest), once the first frame is on screen: one
 * piece per turn of the loop (the walk-up keeps its pace), or all of it at once (all: before
 * input is handled, or under an input script). When it is complete the list is laid out again
 * in folder order: the open scenario keeps its entry and gets its new index (nothing else holds
 * an index yet: no input has been handled). */
static void load_rest(Ui *u, int all)
{
    if (u->rest_loaded)
        return;
    if (!u->cfg->load_rest) {
        u->rest_loaded = 1;
        return;
    }
    if (all) {
        while (u->cfg->load_rest(u->cfg->load_ctx))
            ;
    } else if (u->cfg->load_rest(u->cfg->load_ctx)) {
        return;
    }
    u->rest_loaded = 1;
    int open = u->ss != NULL;
    UiScenario keep = open ? u->scens[u->scen] : (UiScenario){0};
    char keep_owned = open ? u->owned[u->scen] : 0;
    const char *keep_id = open ? keep.scenario->id : NULL;
    u->nscens = 0;
    for (size_t i = 0; i < u->cfg->scenario_count && i < MAX_SCENARIOS; i++) {
        const UiScenario *c = &u->cfg->scenarios[i];
        int same = open && strcmp(c->scenario->id, keep_id) == 0;
        if (same)
            u->scen = (int)u->nscens;
        u->owned[u->nscens] = same ? keep_owned : 0;
        u->scens[u->nscens++] = same ? keep : *c;
    }
    ui_collect_services(u);
    if (u->event_log) {
        fprintf(u->event_log, "loaded scenarios=%zu broken=%zu\n", u->nscens, u->cfg->broken_count);
        fflush(u->event_log);
    }
    /* The start screen lists what did not load, the catalogue shows the new cards; the office
     * shows nothing of the catalogue (input loads the rest before it acts, and redraws). */
    if (u->screen != SCR_OFFICE)
        u->dirty = 1;
}

/* ==== dispatch ============================================================================ */

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
    u->l.hint_h = ui_hint_height(u->g, &u->l);
    /* A frame that only advances an animation: a screen may keep what it drew (and its mouse
     * regions) from the last one. */
    u->anim_frame = !u->dirty && !shot;
    u->nhits = 0;
    /* The walk-up moves only the hall between the HUD and the counter (office_draw_person
     * draws the applicant and the glass there and nowhere else): when that is all that
     * changed, only that band is drawn again and the rest of the last frame stays. */
    if (u->anim_frame && u->screen == SCR_OFFICE && gfx_keeps_frame(u->g))
        gfx_begin_partial(u->g, (GRect){0, u->l.hud_h, (float)w, u->l.counter_y - u->l.hud_h});
    else
        gfx_begin(u->g, u->theme.bg);
    screens[u->screen]->draw(u);
    if (u->store_msg[0] && ui_store_waiting(u))
        ui_store_banner(u);
    else if (u->store_lost[0] && u->screen != SCR_DEBRIEF)
        ui_store_lost_banner(u);
    if (u->sync_line[0] &&
        (u->screen == SCR_START || u->screen == SCR_CATALOG || u->screen == SCR_DEBRIEF))
        ui_sync_line(u);
    if (u->speech_msg[0])
        ui_speech_banner(u);
    if (shot) {
        SimError e;
        if (u->layout_check) {
            /* The layout check's record of this shot: NAME.png.txt beside the picture. */
            SimBuf p;
            simbuf_init(&p);
            simbuf_printf(&p, "%s.txt", shot);
            if (gfx_record_dump(u->g, simbuf_str(&p), &e) != SIM_OK) {
                sim_error_set(u->err, SIM_ERR_IO, "%s", e.msg);
                u->failed = 1;
            }
            simbuf_free(&p);
        }
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
    if (u->speech_msg[0]) { /* the message about the voice was seen */
        u->speech_msg[0] = '\0';
        u->dirty = 1;
    }
    if (k == SDLK_F9) { /* the voice on or off, on any screen */
        ui_speech_set(u, !u->speech);
        return;
    }
    if (k == SDLK_F6 && ui_store_waiting(u)) {
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
    u->speech_msg[0] = '\0';
    if (hit && hit->kind == HIT_STORE_RETRY)
        ui_store_retry(u);
    else if (screens[u->screen]->click)
        screens[u->screen]->click(u, hit);
    u->dirty = 1;
}

static void load_rest(Ui *u, int all);

static void handle(Ui *u, const SDL_Event *ev)
{
    /* Input acts on the whole catalogue: what is still loading is loaded first. */
    if (ev->type == SDL_KEYDOWN || ev->type == SDL_TEXTINPUT || ev->type == SDL_MOUSEBUTTONDOWN ||
        ev->type == SDL_MOUSEWHEEL)
        load_rest(u, 1);
    if (u->watch && ev->type == uiwatch_event_type(u->watch)) {
        u->last_poll = SDL_GetTicks() - 1000; /* the loop looks at the files now */
        return;
    }
    switch (ev->type) {
    case SDL_QUIT:
        u->running = 0;
        break;
    case SDL_USEREVENT:
        u->dirty = 1;
        break; /* a thread has news (the manager's region) */
    case SDL_KEYDOWN:
        on_key(u, ev->key.keysym.sym);
        break;
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
    default:
        break;
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
    u->said_screen = -1;
    for (int i = 0; i < SAY_SLOTS; i++)
        simbuf_init(&u->said[i]);
    u->text_pct = ui_setting_int(u, "text_pct", 100, 100, 200);
    u->high_contrast = ui_setting_int(u, "high_contrast", 0, 0, 1);
    u->timer_on = ui_setting_int(u, "timer", 1, 0, 1);
    u->exam = ui_setting_int(u, "mode", 0, 0, 1);
    int fullscreen = cfg->input_script ? 0 : ui_setting_int(u, "fullscreen", 0, 0, 1);
    int ww = cfg->width ? cfg->width : ui_setting_int(u, "window_w", 1280, 960, 16384);
    int wh = cfg->height ? cfg->height : ui_setting_int(u, "window_h", 720, 540, 16384);
    GfxOptions go = {.width = ww,
                     .height = wh,
                     .fullscreen = fullscreen,
                     .hidden = cfg->input_script != NULL && !getenv("MFC_SHOW_WINDOW"),
                     .font_path = cfg->font_path,
                     .title = tr(STR_UI_WINDOW_TITLE),
                     .icon_path = cfg->icon_path};
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
    /* MFC_LAYOUT_CHECK=1: every screenshot also records its text boxes and surfaces. */
    u->layout_check = getenv("MFC_LAYOUT_CHECK") != NULL;
    gfx_record(u->g, u->layout_check);
    ui_apply_theme(u);
    if (ui_setting_int(u, "speech", 0, 0, 1))
        ui_speech_set(u, 1); /* without a voice: says so on the first screen, carries on */
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
                sim_error_set(err, SIM_ERR_INVALID, TRF(STR_GUI_SCENARIO_ID_NOT_LOADED),
                              cfg->start_scenario);
            ui_speech_close(u);
            gfx_destroy(u->g);
            ui_free_states(u);
            return 1;
        }
    }
    if (cfg->input_script && !ui_script_load(u, cfg->input_script)) {
        ui_speech_close(u);
        gfx_destroy(u->g);
        ui_free_states(u);
        return 1;
    }
    if (cfg->store && cfg->central)
        u->sync =
            syncbg_start(cfg->db_path, cfg->central, cfg->sync_interval ? cfg->sync_interval : 5);
    /* Measuring hooks (README, «Measuring the window»); unset, they cost nothing. */
    const char *ev_log = getenv("MFC_EVENT_LOG");
    u->event_log = ev_log && *ev_log ? fopen(ev_log, "w") : NULL;
    const char *limit = getenv("MFC_LOOP_LIMIT");
    u->loop_limit = limit ? strtol(limit, NULL, 10) : 0;
    u->first_frame_exit = getenv("MFC_FIRST_FRAME_EXIT") != NULL;
    if (!cfg->input_script) /* scripts poll: their `wait` and file edits are timed */
        u->watch = uiwatch_start();
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
            ui_poll_files(u);
            ui_speech_poll(u);
            if (u->dirty || u->animating)
                ui_draw(u, NULL);
            if (!u->running)
                break;
            if (u->frames)
                load_rest(u, 1);
            if (!ui_script_step(u) && !SDL_HasEvents(SDL_FIRSTEVENT, SDL_LASTEVENT)) {
                if (u->dirty)
                    ui_draw(u, NULL);
                break;
            }
            if (u->wait_until)
                SDL_Delay(5);
            continue;
        }
        /* Idle means asleep: wake for events, the walk-up animation, or — while a scenario is
         * open — when its folder changes (the watcher's event), or to look at its files four
         * times a second where it cannot be watched. */
        const char *dir = ui_watching(u) ? ui_scen(u)->dir : NULL;
        int watched = uiwatch_set(u->watch, dir);
        if (dir && dir != u->watch_dir)
            u->last_poll = SDL_GetTicks() - 1000; /* a change before the watch began */
        u->watch_dir = dir;
        int wait = u->dirty                       ? 0 /* the first frame, or a change to show */
                   : u->animating                 ? 16
                   : !u->rest_loaded && u->frames ? 0 /* the catalogue is still loading */
                   : (dir && !watched) || ui_pin_waiting(u) || ui_speech_poll(u) ? 250
                   : u->sync ? 1000 /* the sync line may change */
                             : -1;  /* until an event */
        if (u->event_log) {
            fprintf(u->event_log, "wait %d\n", wait);
            fflush(u->event_log);
        }
        SDL_Event ev;
        int got = wait < 0 ? SDL_WaitEvent(&ev) : SDL_WaitEventTimeout(&ev, wait);
        if (got) {
            handle(u, &ev);
            while (SDL_PollEvent(&ev))
                handle(u, &ev);
        }
        ui_poll_files(u);
        if (u->dirty || u->animating)
            ui_draw(u, NULL);
        if (u->frames && u->running)
            load_rest(u, 0);
        if (u->loop_limit > 0 && --u->loop_limit == 0)
            u->running = 0;
    }
    uiwatch_stop(u->watch);
    u->watch = NULL;
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
    lost |= ui_store_last_flush(u);
    if (cfg->store && lost && !u->failed) {
        SimBuf acts;
        simbuf_init(&acts);
        for (size_t i = 0; u->ss && i < session_action_count(u->ss); i++)
            simbuf_printf(&acts, "%s%s", i ? "," : "", session_action_id(u->ss, i));
        sim_error_set(err, SIM_ERR_IO, TRF(STR_STORE_LOST), simbuf_str(&acts));
        simbuf_free(&acts);
        rc = 1;
    }
    ui_speech_close(u);
    syncbg_stop(u->sync); /* a run in progress finishes (bounded by the connect timeout) */
    session_destroy(u->ss);
    for (size_t i = 0; i < u->nscens; i++)
        if (u->owned[i]) { /* loaded again from disk by the window */
            script_program_destroy(u->scens[i].program);
            scenario_free((Scenario *)u->scens[i].scenario);
        }
    simbuf_free(&u->reload_text);
    for (size_t i = 0; i < u->script_lines; i++)
        free(u->script[i]);
    free(u->script);
    gfx_destroy(u->g);
    if (u->event_log)
        fclose(u->event_log);
    ui_free_states(u);
    return rc;
}
