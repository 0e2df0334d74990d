/*
 * attempt.c — the attempt in progress and everything the window keeps: the only code of the
 * window that calls session_act() and the results database. Starts, resumes, plays, leaves
 * and records attempts; plays a «Смена»; watches the open scenario's files and loads them
 * again; remembers settings. Every trainee decision becomes one session_act() call, exactly as
 * in `mfc-trainer play`, so the same actions give the same score in both.
 * Depends on session, store (and report), script, and SDL's clock through ui_app.h.
 */
#include "ui_app.h"
#include "syncbg.h"

#include "../core/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

static void store_after_write(Ui *u, SimStatus st, const SimError *e);
static void shift_record(Ui *u, int finished);
static void reload_show(Ui *u, const SimDiags *d);

const Scenario *ui_scen(const Ui *u)
{
    return u->scens[u->scen].scenario;
}

/* ==== settings ============================================================================ */

/* A remembered setting, or def when it is unset or not a whole number within lo..hi (a file
 * edited by hand or damaged must not decide the window's size or the text scale). */
int ui_setting_int(Ui *u, const char *key, int def, int lo, int hi)
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

void ui_setting_save(Ui *u, const char *key, int value)
{
    if (!u->cfg->store)
        return;
    char v[32];
    snprintf(v, sizeof v, "%d", value);
    SimError e;
    store_set_setting(u->cfg->store, key, v, &e);
}

/* ==== attempts ============================================================================ */

void ui_write_result(Ui *u)
{
    u->results_gen++; /* the catalogue's figures change */
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
        StoreResult sr = {.scenario = ui_scen(u),
                          .ledger = session_ledger(u->ss),
                          .report = &r,
                          .outcome = session_outcome_id(u->ss),
                          .finished = en != NULL || session_content_error(u->ss) != NULL,
                          .sim_minutes = session_minutes(u->ss),
                          .result_json = json};
        SimError e;
        SimStatus st = store_finish_attempt(u->cfg->store, u->attempt, &sr, &e);
        store_after_write(u, st, &e);
        if (st == SIM_OK)
            syncbg_kick(u->sync); /* a finished attempt goes to the centre now */
    }
    free(json);
}

/* After a write to the results database: remembers the message while writes wait in memory,
 * and says so once they have all gone through. */
static void store_after_write(Ui *u, SimStatus st, const SimError *e)
{
    if (!u->cfg->store)
        return;
    if (st != SIM_OK && store_pending(u->cfg->store) == 0 && !u->store_lost[0]) {
        /* Refused for good (not kept for another try): this attempt will not be in the
         * database. Said on every screen and on the debrief, never shown as stored. */
        snprintf(u->store_lost, sizeof u->store_lost, "%s", e->msg);
        u->dirty = 1;
        return;
    }
    if (store_pending(u->cfg->store) > 0) {
        if (st != SIM_OK)
            snprintf(u->store_msg, sizeof u->store_msg, "%s", e->msg);
    } else if (u->store_msg[0]) {
        u->store_msg[0] = '\0';
        ui_notice_info(u, tr(STR_STORE_RECOVERED));
    }
    u->dirty = 1;
}

/* «Повторить запись»: writes what waits, in order. */
void ui_store_retry(Ui *u)
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
    if (!store_unfinished_attempt(u->cfg->store, u->trainees[u->sel_trainee].id, us->scenario->id,
                                  us->scenario->hash_hex, &a, &acts, &n))
        return 0;
    SessionOptions o = {.seed = a.seed,
                        .mode = a.exam ? MODE_EXAM : MODE_TRAINING,
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
    const Scenario *sc = ui_scen(u);
    u->attempt[0] = '\0';
    u->store_lost[0] = '\0'; /* a new attempt: nothing refused yet */
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
        snprintf(a.pack_version, sizeof a.pack_version, "%s", pk->version ? pk->version : "");
    }
    SimStatus st = store_begin_attempt(u->cfg->store, &a, &e);
    if (st == SIM_OK || store_pending(u->cfg->store) > 0) /* written, or waiting in memory */
        memcpy(u->attempt, a.id, sizeof u->attempt);
    store_after_write(u, st, &e);
}

/* Starts an attempt at scenario scen: resumes the trainee's unfinished one unless fresh (or in
 * a shift); with have_seed, from that seed. */
void ui_attempt_start_seeded(Ui *u, int scen, int fresh, int have_seed, uint64_t seed)
{
    u->results_gen++;
    u->scen = scen;
    const UiScenario *us = &u->scens[scen];
    int resumed = !fresh && !u->in_shift && resume_attempt(u, scen);
    SimError e;
    if (u->exam && (!us->pack || us->pack->problem)) {
        /* An exam only on the methodologist's signed, unmodified files. */
        snprintf(u->form_error, sizeof u->form_error, tr(STR_PACK_EXAM_REFUSED),
                 us->pack && us->pack->problem ? us->pack->problem : tr(STR_PACK_NOMEM));
        ui_go(u, SCR_CATALOG);
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
        SessionOptions o = {.seed = s0,
                            .mode = u->exam ? MODE_EXAM : MODE_TRAINING,
                            .program = us->program};
        if (session_create(us->scenario, &o, &u->ss, &e) != SIM_OK) {
            snprintf(u->form_error, sizeof u->form_error, "%s", e.msg);
            ui_go(u, SCR_CATALOG);
            u->in_shift = 0;
            return;
        }
        begin_stored_attempt(u);
    }
    ui_go(u, SCR_OFFICE);
    u->nnotices = 0;
    u->notice_gen++;
    if (resumed) {
        u->nnotices = 1;
        u->notices[0].points = 0;
        u->notices[0].critical = 0;
        u->notices[0].info = 0;
        snprintf(u->notices[0].text, sizeof u->notices[0].text, "%s", tr(STR_UI_RESUMED));
    }
    if (session_content_error(u->ss)) {
        /* The script failed before the first action: nothing to play. */
        ui_write_result(u);
        ui_go(u, SCR_DEBRIEF);
    }
    u->last_step = session_step_index(u->ss);
    u->show_line = 1;
    u->enter_t0 = SDL_GetTicks();
    u->animating = !u->cfg->input_script;
    u->office_frames = 0;
    ui_watch_reset(u);
    u->dirty = 1;
}

void ui_attempt_start_mode(Ui *u, int scen, int fresh)
{
    ui_attempt_start_seeded(u, scen, fresh, 0, 0);
}

void ui_attempt_start(Ui *u, int scen)
{
    ui_attempt_start_mode(u, scen, 0);
}

void ui_notice_info(Ui *u, const char *text)
{
    if (u->nnotices >= MAX_NOTICES)
        u->nnotices = MAX_NOTICES - 1;
    /* News goes first: it is what just happened. */
    memmove(&u->notices[1], &u->notices[0], sizeof u->notices[0] * (size_t)u->nnotices);
    Notice *n = &u->notices[0];
    u->notice_gen++;
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

/* Performs one engine action and turns its ledger entries into notices. Returns 0 when the
 * engine refused it (the reason is shown as a notice). */
int ui_act(Ui *u, const char *id)
{
    const ScoreLedger *l = session_ledger(u->ss);
    size_t before = l->count;
    int step_before = session_step_index(u->ss);
    SimError e;
    u->notice_gen++; /* said again, even when the same words come back */
    if (session_act(u->ss, id, &e) != SIM_OK) {
        u->nnotices = 1;
        snprintf(u->notices[0].text, sizeof u->notices[0].text, "%s", e.msg);
        u->notices[0].points = 0;
        u->notices[0].critical = 0;
        u->notices[0].info = 0;
        u->dirty = 1;
        return 0;
    }
    const Scenario *sc = ui_scen(u);
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
        SimStatus st = store_add_action(u->cfg->store, u->attempt, (int)session_action_count(u->ss),
                                        id, session_minutes(u->ss), pj, &se);
        free(pj);
        store_after_write(u, st, &se);
    }
    int step_now = session_step_index(u->ss);
    u->show_line = step_now != step_before || !session_last_reply(u->ss);
    u->last_step = step_now;
    u->act_count++;
    u->dirty = 1;
    if (u->in_shift && !session_finished(u->ss)) {
        /* New tickets arrive on the simulated clock. */
        int taken = shift_tickets_taken(&u->shift, session_minutes(u->ss));
        if (taken > u->shift_tickets) {
            char msg[300];
            snprintf(msg, sizeof msg, tr(STR_SHIFT_ARRIVED),
                     shift_queue(&u->shift, session_minutes(u->ss)));
            ui_notice_info(u, msg);
        }
        u->shift_tickets = taken;
    }
    if (session_finished(u->ss)) {
        ui_write_result(u);
        if (u->in_shift)
            shift_record(u, 1);
        /* The applicant's answer to the last move comes first: a reception ends with the
         * person, not with a score. A stopped script has nothing to show. */
        if (session_content_error(u->ss) || !session_ending(u->ss))
            ui_go(u, SCR_DEBRIEF);
        else
            u->reaction = 1;
    }
    return 1;
}

void ui_attempt_leave(Ui *u)
{
    if (u->ss && !session_finished(u->ss)) {
        session_abandon(u->ss);
        ui_write_result(u);
        if (u->in_shift)
            shift_record(u, 0);
    }
    ui_go(u, u->in_shift ? SCR_SHIFT_END : SCR_CATALOG);
    u->dirty = 1;
}

/* ==== «Смена» ============================================================================= */

static void shift_record(Ui *u, int finished)
{
    const Scenario *sc = ui_scen(u);
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
void ui_shift_next(Ui *u)
{
    Shift *sh = &u->shift;
    if (sh->ended || sh->cur >= sh->count) {
        ui_go(u, SCR_SHIFT_END);
        u->dirty = 1;
        return;
    }
    shift_call(sh);
    const ShiftEntry *e = &sh->e[sh->cur];
    ui_attempt_start_seeded(u, e->scen, 1, 1, e->seed);
    u->shift_tickets = shift_tickets_taken(sh, 0);
}

void ui_shift_begin(Ui *u)
{
    ShiftCandidate c[MAX_SCENARIOS];
    for (size_t i = 0; i < u->nscens; i++)
        c[i] =
            (ShiftCandidate){u->scens[i].scenario->difficulty, u->scens[i].scenario->office_ticket};
    uint64_t seed =
        u->cfg->have_seed ? u->cfg->seed : (uint64_t)time(NULL) ^ (uint64_t)SDL_GetTicks();
    if (!shift_plan(&u->shift, c, u->nscens, seed)) {
        snprintf(u->form_error, sizeof u->form_error, "%s", tr(STR_SHIFT_NONE));
        u->dirty = 1;
        return;
    }
    u->form_error[0] = '\0';
    u->in_shift = 1;
    ui_shift_next(u);
    if (u->screen == SCR_OFFICE) {
        char msg[300];
        snprintf(msg, sizeof msg, tr(STR_SHIFT_STARTED), u->shift.count);
        ui_notice_info(u, msg);
    }
}

/* ==== reload: the open scenario's files ==================================================== */

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
    const char *dir = ui_scen(u)->dir;
    memset(sig, 0, 2 * 64); /* compared whole */
    file_sig(dir, "scenario.json", sig[0], 64);
    file_sig(dir, "script.lua", sig[1], 64);
}

void ui_watch_reset(Ui *u)
{
    watch_now(u, u->watch_sig);
    u->last_poll = SDL_GetTicks();
}

/* A scenario is open: its files are watched (a few times a second, never while idle elsewhere). */
int ui_watching(const Ui *u)
{
    return u->ss && !u->broken_tried && (u->screen == SCR_OFFICE || u->screen == SCR_RELOAD_ERROR);
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
    ui_go(u, SCR_RELOAD_ERROR);
    u->broken_tried = 0;
    u->dirty = 1;
}

/* Loads the open scenario again from disk. When it loads, the attempt starts again with the
 * same seed and mode and replays the trainee's actions up to the first one that no longer
 * applies (the notice says so); the previous attempt is saved unfinished and a new one is
 * recorded. When it does not load, the error screen lists the loader's messages and the
 * attempt waits on the old version. */
void ui_reload_scenario(Ui *u)
{
    UiScenario *us = &u->scens[u->scen];
    if (u->ss && session_mode(u->ss) == MODE_EXAM)
        return; /* an exam keeps the files it was started on (their signature was checked) */
    ui_watch_reset(u);
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
        SessionOptions o = {.seed = session_seed(u->ss),
                            .mode = session_mode(u->ss),
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
        ui_write_result(u);
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
    ui_collect_services(u);
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
    ui_go(u, SCR_OFFICE);
    u->nnotices = 0;
    ui_notice_info(u, msg);
    if (session_script_error_count(ns) > 0) {
        char se[SIM_ERROR_MAX + 300];
        snprintf(se, sizeof se, tr(STR_RELOAD_SCRIPT_ERROR), session_script_error(ns, 0));
        ui_notice_info(u, se);
    }
    u->last_step = session_step_index(ns);
    u->show_line = 1;
    u->animating = 0;
    u->office_frames = 1;
    u->reaction = 0;
    if (session_finished(ns)) {
        ui_write_result(u);
        if (u->in_shift)
            shift_record(u, 1);
        ui_go(u, SCR_DEBRIEF);
    }
    u->dirty = 1;
}

void ui_poll_files(Ui *u)
{
    if (!ui_watching(u))
        return;
    uint32_t now = SDL_GetTicks();
    if (!SDL_TICKS_PASSED(now, u->last_poll + 250))
        return;
    u->last_poll = now;
    char sig[2][64];
    watch_now(u, sig);
    if (memcmp(sig, u->watch_sig, sizeof sig) != 0)
        ui_reload_scenario(u);
}

/* ==== trainees and the catalogue ========================================================== */

void ui_trainees_reload(Ui *u)
{
    u->ntrainees =
        u->cfg->store ? store_list_trainees(u->cfg->store, u->trainees, MAX_TRAINEES) : 0;
    if (u->sel_trainee >= (int)u->ntrainees)
        u->sel_trainee = (int)u->ntrainees - 1;
}

SimStatus ui_trainee_add(Ui *u, const char *surname, const char *name, const char *personnel,
                         SimError *err)
{
    if (!u->cfg->store)
        return sim_error_set(err, SIM_ERR_STATE, "%s", tr(STR_UI_NO_STORE));
    long long id = 0;
    SimStatus st = store_add_trainee(u->cfg->store, surname, name, personnel, &id, err);
    if (st != SIM_OK)
        return st;
    ui_trainees_reload(u);
    for (size_t i = 0; i < u->ntrainees; i++)
        if (u->trainees[i].id == id)
            u->sel_trainee = (int)i;
    return SIM_OK;
}

int ui_card_stats(Ui *u, int scen, long long trainee, ScenarioStats *out)
{
    const Scenario *sc = u->scens[scen].scenario;
    *out = (ScenarioStats){.best_total = -1};
    if (!u->cfg->store || trainee < 0)
        return 0;
    AttemptInfo a;
    *out = store_scenario_stats(u->cfg->store, trainee, sc->id);
    return store_unfinished_attempt(u->cfg->store, trainee, sc->id, sc->hash_hex, &a, NULL, NULL);
}

void ui_collect_services(Ui *u)
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

size_t ui_broken_left(const Ui *u)
{
    size_t left = 0;
    for (size_t i = 0; i < u->cfg->broken_count; i++) {
        int known = 0;
        for (size_t k = 0; k < u->nscens && !known; k++)
            known = strcmp(u->scens[k].scenario->dir, u->cfg->broken[i].dir) == 0;
        left += !known;
    }
    return left;
}

/* Scenarios that did not load at start-up: load them again (after a fix). Those that load join
 * the catalogue; the errors of the others are shown. */
void ui_reload_broken(Ui *u)
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
    ui_collect_services(u);
    u->results_gen++;
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

int ui_store_waiting(Ui *u)
{
    return u->cfg->store && store_pending(u->cfg->store) > 0;
}

int ui_store_last_flush(Ui *u)
{
    if (!ui_store_waiting(u))
        return 0;
    SimError e;
    return store_flush(u->cfg->store, &e) != SIM_OK && store_pending(u->cfg->store) > 0;
}

void ui_store_simulate_read_only(Ui *u, int on)
{
    if (u->cfg->store)
        store_simulate_read_only(u->cfg->store, on);
}

int ui_chain_head(Ui *u, char out[STORE_HEAD_LEN + 1])
{
    return u->cfg->store && store_chain_head(u->cfg->store, out);
}

/* ==== the manager area ====================================================================== */

SimStatus ui_report_build(Ui *u, Report **out, SimError *err)
{
    *out = NULL;
    if (!u->cfg->store)
        return SIM_OK;
    ReportFilter f = {0};
    return report_build(u->cfg->store, &f, out, err);
}

size_t ui_trainee_attempts(Ui *u, long long trainee, AttemptRow *out, size_t max)
{
    return u->cfg->store ? store_list_attempts(u->cfg->store, trainee, out, max) : 0;
}

size_t ui_attempt_actions(Ui *u, const char *attempt, char ***out)
{
    *out = NULL;
    return u->cfg->store ? store_attempt_actions(u->cfg->store, attempt, out) : 0;
}

SimStatus ui_replay_session(Ui *u, int scen, uint64_t seed, int exam, char **actions, size_t k,
                            Session **out, size_t *from, SimError *err)
{
    const UiScenario *us = &u->scens[scen];
    SessionOptions o = {.seed = seed,
                        .mode = exam ? MODE_EXAM : MODE_TRAINING,
                        .program = us->program};
    *out = NULL;
    *from = 0;
    SimStatus st = session_create(us->scenario, &o, out, err);
    for (size_t i = 0; st == SIM_OK && i < k; i++) {
        if (i + 1 == k)
            *from = session_ledger(*out)->count;
        st = session_act(*out, actions[i], err);
    }
    return st;
}

/* ==== the manager's PIN ===================================================================== */

#define PIN_SETTING       "manager.pin"       /* crypto_pwhash_str of the PIN, never the PIN */
#define PIN_TRIES_SETTING "manager.pin_tries" /* wrong tries in a row, sealed */

char *ui_pin_hash_load(Ui *u)
{
    return u->cfg->store ? store_get_setting(u->cfg->store, PIN_SETTING) : NULL;
}

SimStatus ui_pin_hash_save(Ui *u, const char *hash, SimError *err)
{
    SimStatus st = store_set_setting(u->cfg->store, PIN_SETTING, hash, err);
    if (st == SIM_OK)
        ui_pin_tries_save(u, 0); /* from now on the count must be there */
    return st;
}

int ui_pin_tries_load(Ui *u, int *tampered)
{
    *tampered = 0;
    if (!u->cfg->store)
        return 0;
    char *v = store_get_setting_sealed(u->cfg->store, PIN_TRIES_SETTING, tampered);
    if (!v) {
        /* No count while a PIN is set: it was deleted (or the PIN predates the seal). */
        char *pin = ui_pin_hash_load(u);
        *tampered |= pin != NULL;
        free(pin);
        return 0;
    }
    char *end;
    errno = 0;
    long n = strtol(v, &end, 10);
    int ok = !*end && !errno && n >= 0 && n <= 1000000;
    free(v);
    *tampered |= !ok;
    return ok ? (int)n : 0;
}

void ui_pin_tries_save(Ui *u, int tries)
{
    if (!u->cfg->store)
        return;
    char v[32];
    snprintf(v, sizeof v, "%d", tries);
    SimError e;
    store_set_setting_sealed(u->cfg->store, PIN_TRIES_SETTING, v, &e);
}
