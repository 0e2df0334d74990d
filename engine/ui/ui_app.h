/*
 * ui_app.h — the window's shared state and the contract every screen implements.
 *
 * Each screen lives in its own screen_*.c with its own state struct and one ScreenDef (enter,
 * draw, key, click, wheel, text, name); ui.c holds the table and the event loop, and ui_go() is
 * the one way to change screens. What the screens share sits in Ui: the configuration, the
 * drawing context, the attempt in progress (attempt.c is the only code that calls session_act
 * and the results database), the mouse regions and the notices.
 * Internal to engine/ui.
 */
#ifndef SIM_UI_APP_H
#define SIM_UI_APP_H

#include "ui_internal.h"
#include "shift.h"

#include "../store/report.h"

#include <SDL.h>

#define MAX_HITS     256
#define MAX_NOTICES  8
#define MAX_TRAINEES 64

/* The screens, one line each: its enum value and its ScreenDef (defined in its screen_*.c).
 * The enum, the declarations below and the table in ui.c are all made from this list, in this
 * order (input scripts' `expect` and MFC_FRAME_LOG name screens by it): a new screen is one
 * file and one line here. */
#define UI_SCREENS(X)                                                                              \
    X(SCR_START, screen_start)                                                                     \
    X(SCR_NEW_PROFILE, screen_new_profile)                                                         \
    X(SCR_CATALOG, screen_catalog)                                                                 \
    X(SCR_OFFICE, screen_office)                                                                   \
    X(SCR_DEBRIEF, screen_debrief)                                                                 \
    X(SCR_SETTINGS, screen_settings)                                                               \
    X(SCR_MANAGER, screen_manager)                                                                 \
    X(SCR_TRAINEE, screen_trainee)                                                                 \
    X(SCR_REPLAY, screen_replay)                                                                   \
    X(SCR_BOOK, screen_book) /* the «Справочник», over whatever screen opened it */    \
    X(SCR_SHIFT_END, screen_shift_end)       /* the day summary of a shift */                      \
    X(SCR_RELOAD_ERROR, screen_reload_error) /* the open scenario no longer loads */               \
    X(SCR_PIN, screen_pin)                   /* the manager's PIN, before the manager area */

#define UI_SCREEN_ENUM(e, def) e,
typedef enum Screen { UI_SCREENS(UI_SCREEN_ENUM) SCR_COUNT } Screen;
#undef UI_SCREEN_ENUM

#define MAX_SCENARIOS 256

typedef struct Ui Ui;

/* What a screen says aloud (speak.c): four slots, each said again only when its text changed
 * (or the screen did). Each ui_say() adds one utterance to a slot. */
typedef enum SpeakSlot {
    SAY_SCREEN,  /* where the trainee is: the screen's title */
    SAY_CONTENT, /* what it shows: the applicant's words, the debrief */
    SAY_OVERLAY, /* what is open over it: a document, a dialog, the office program */
    SAY_FOCUS,   /* the focused control and its value */
    SAY_SLOTS
} SpeakSlot;

typedef struct SpeakFrame {
    SimBuf slot[SAY_SLOTS]; /* utterances, one per line */
} SpeakFrame;


typedef enum HitKind {
    HIT_NONE = 0,
    HIT_STORE_RETRY, /* «Повторить запись» on the banner over any screen */
    HIT_SCREEN = 100 /* a screen's own regions start here (each screen numbers its own) */
} HitKind;

typedef struct Hit {
    GRect r;
    int kind; /* HitKind, or a screen's own kind from HIT_SCREEN on */
    int arg;
} Hit;

typedef struct Notice {
    char text[SIM_ERROR_MAX + 512];
    int points;
    int critical;
    int info; /* news rather than a score: drawn with the accent colour */
} Notice;

struct Ui {
    void *st[SCR_COUNT]; /* each screen's own state (ScreenDef.state_size bytes) */
    const UiConfig *cfg;
    /* The scenarios: the configuration's, except those loaded again from disk (owned[i]). */
    UiScenario scens[MAX_SCENARIOS];
    char owned[MAX_SCENARIOS];
    size_t nscens;
    Gfx *g;
    Theme theme;
    Layout l;
    Screen screen;
    int running, dirty;
    /* settings */
    int text_pct, high_contrast, timer_on;
    /* who trains, in which mode */
    Trainee trainees[MAX_TRAINEES];
    size_t ntrainees;
    int sel_trainee; /* index, or -1 for a guest */
    int exam;
    int pin_ok; /* the manager's PIN was entered: the area is open until it is left */
    char form_error[SIM_ERROR_MAX]; /* the catalogue's message: why an attempt did not start */
    /* the results changed (an attempt was written): figures read from the database are stale */
    int results_gen;
    char services[32][128];
    int nservices;
    /* the attempt in progress (attempt.c) and what the office shows of it */
    Session *ss;
    int scen;
    char attempt[40];

    Notice notices[MAX_NOTICES];
    int nnotices;
    int last_step; /* the step the applicant's line belongs to */
    int show_line;
    uint32_t enter_t0;
    int animating;
    int layout_check;  /* MFC_LAYOUT_CHECK: shots record their text boxes (gfx_record) */
    int anim_frame;    /* this frame only advances an animation (nothing else changed) */
    int act_count;     /* actions performed in this window: a new step for the answers list */
    int office_frames; /* frames drawn since the attempt began: the first skips the layers */
    int reaction;      /* the reception has ended: the applicant's reaction shows until the trainee
                          moves on to the debrief */
    /* the results database refused writes: they wait in memory (store_pending) */
    char store_msg[SIM_ERROR_MAX];
    /* the database refused the current attempt for good: why (it is not stored) */
    char store_lost[SIM_ERROR_MAX];
    /* the background sync with the centre (syncbg.h); NULL without `central` */
    struct SyncBg *sync;
    char sync_line[512]; /* its status line, "" before its first run */
    /* «Смена» */
    Shift shift;
    int in_shift;
    int shift_tickets; /* tickets taken when the last notice was made */
    /* reload: the open scenario's files, their last signature and the error screen */
    char watch_sig[2][64];
    uint32_t last_poll;
    SimBuf reload_text; /* the loader's messages, one per line */
    size_t reload_lines;
    int broken_tried;
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
    /* start-up (issue #14): frames presented so far; the configuration's load_rest was run */
    unsigned long frames;
    int rest_loaded;
    /* measuring hooks, off unless their variable is set (README, «Measuring the window»):
     * MFC_EVENT_LOG (frames, loading and the loop's waits, one per line), MFC_LOOP_LIMIT (end
     * after that many turns of the loop), MFC_FIRST_FRAME_EXIT (end after the first frame) */
    FILE *event_log;
    long loop_limit;
    int first_frame_exit;
    /* the open scenario's folder watched through inotify (watch.h): the loop sleeps instead of
     * looking at the files; NULL under an input script or without inotify (then it polls) */
    struct UiWatch *watch;
    const char *watch_dir; /* the folder last handed to it */
    /* speech (speak.c): the voice, or NULL when off; what was said last, slot by slot */
    struct Speech *speech;
    SimBuf said[SAY_SLOTS];
    int said_screen;     /* the screen they were said on; -1: say everything again */
    unsigned notice_gen; /* bumped whenever the notices are made anew */
    unsigned said_notice_gen;
    char speech_msg[SIM_ERROR_MAX + 300]; /* why there is no voice, shown until a key or click */
};


/* One screen. Every member but name may be NULL. state_size bytes of zeroed state are made for
 * it when the window opens (ui_state() returns them); they live until the window closes. */
typedef struct ScreenDef {
    const char *name; /* what input scripts' `expect` calls it */
    size_t state_size;
    /* Called by ui_go() after the screen changed; from is the screen left behind (the
     * «Справочник» and the settings go back without starting the screen over). */
    void (*enter)(Ui *u, Screen from);
    void (*draw)(Ui *u);
    void (*key)(Ui *u, SDL_Keycode k);
    /* A click on a region this screen added (kind from HIT_SCREEN on, or a shared kind it
     * wants). Returns 1 when it handled it. */
    int (*click)(Ui *u, const Hit *h);
    /* Wheel over the screen at (x, y); dy in pixels, positive = down. */
    void (*wheel)(Ui *u, int x, int y, float dy);
    void (*text)(Ui *u, const char *utf8);
    /* The pointer moved (a screen that keeps its own regions); returns 1 to redraw. */
    int (*motion)(Ui *u, int x, int y);
    /* Frees what the state owns when the window closes. */
    void (*destroy)(Ui *u);
    /* The text an input script's `expect SCREEN TEXT` looks for, or NULL for the notices. */
    const char *(*expect_text)(Ui *u);
    /* What the screen says aloud now (speech on): fills f with ui_say(); speak.c says what
     * changed since the last frame. */
    void (*speak)(Ui *u, SpeakFrame *f);
} ScreenDef;

/* The screens (one screen_*.c each). */
#define UI_SCREEN_DECL(e, def) extern const ScreenDef def;
UI_SCREENS(UI_SCREEN_DECL)
#undef UI_SCREEN_DECL

/* ---- navigation (ui.c) ------------------------------------------------------------------- */

/* The one way to change screens: switches to s and calls its enter(). */
void ui_go(Ui *u, Screen s);
/* The screen's state, as its ScreenDef sized it (borrowed; lives as long as the window). */
void *ui_state(Ui *u, Screen s);
/* The screen's name for input scripts. */
const char *ui_screen_name(Screen s);
/* What the screen says that an input script's `expect` may look for, or NULL (the notices). */
const char *ui_expect_text(Ui *u);
/* Input scripts (script.c): loads one (0 on error, message in u->err); runs its commands until
 * one needs time to pass or events handled first; returns 0 when the script has ended. */
int ui_script_load(Ui *u, const char *path);
int ui_script_step(Ui *u);
/* The theme and layout again, after a setting changed. */
void ui_apply_theme(Ui *u);
/* Draws a frame (saving it to shot, a PNG path, when not NULL) and presents it. */
void ui_draw(Ui *u, const char *shot);

/* Opens the «Справочник» over the current screen (at that service's page when not NULL). */
void ui_book_open(Ui *u, const char *service_id);

/* ---- speech (speak.c) ------------------------------------------------------------------- */

/* Adds one utterance to a slot of the frame (printf-style). */
void ui_say(SpeakFrame *f, SpeakSlot slot, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Turns the voice on or off and remembers the choice (setting "speech"); when it cannot be
 * turned on, u->speech_msg says why (once per try) and the window carries on silent. */
void ui_speech_set(Ui *u, int on);
/* Whether speech-dispatcher was found: when it was not, the voice is closed and
 * u->speech_msg says so. Returns 1 while it is still being connected to (poll again soon). */
int ui_speech_poll(Ui *u);
/* After a frame: says what the current screen says now that it did not say before, after the
 * new notices; interrupts what was being said. Does nothing while the voice is off. */
void ui_speech_update(Ui *u, const ScreenDef *screen);
/* The window closes: the voice too, and what was said is freed. */
void ui_speech_close(Ui *u);
/* The message over any screen when the voice could not be turned on. */
void ui_speech_banner(Ui *u);

/* ---- widgets (widgets.c) ----------------------------------------------------------------- */

/* v with digits decimals and a decimal comma («88,0»). */
void ui_fmt_decimal(char *out, size_t n, double v, int digits);
/* Copies text into out (size n), cut on a UTF-8 character boundary with «…» when too long. */
void ui_copy_text(char *out, size_t n, const char *text);
/* Copies text into out (size n), shortened with «…» on a character boundary so that it is no
 * wider than max_w in that font: a table cell that does not fit says it was cut. */
void ui_fit_text(Ui *u, char *out, size_t n, const char *text, float max_w, int px, GFont f);
/* An ISO time in UTC ("2026-12-06T17:20:05Z") as local «06.12.2026 20:20»; "—" when empty. */
void ui_local_time(const char *iso_utc, char *out, size_t n);

void ui_hit(Ui *u, GRect r, int kind, int arg);
int ui_hovered(const Ui *u, GRect r);
float ui_text_w(Ui *u, const char *s, int px, GFont f);
/* A button: rounded, accent when primary, framed when focused; registers its region. */
GRect ui_button(Ui *u, float x, float y, const char *label, int primary, int focused, int kind,
                int arg);
/* A thin bar at the right edge of view when content (its height) is taller than view: where
 * scroll (the offset of its top) is. */
void ui_scrollbar(Ui *u, GRect view, float content, float scroll);
void ui_panel(Ui *u, GRect r);
void ui_dim(Ui *u);
void ui_hint(Ui *u, const char *text);
void ui_title(Ui *u, const char *title, const char *sub);
/* The title bar with «Назад · Esc» at its right end (the mouse's way back; a click gives a hit
 * of kind; focused: the keyboard's focus is on it). */
void ui_title_back(Ui *u, const char *title, const char *sub, int focused, int kind);
/* The width of a button in the title bar labelled label. */
float ui_title_button_w(Ui *u, const char *label);
/* The banner over any screen while the results database refuses writes. */
void ui_store_banner(Ui *u);
/* The background sync's status line, bottom left above the hint bar. */
void ui_sync_line(Ui *u);
/* The banner over any screen once the database refused the attempt for good. */
void ui_store_lost_banner(Ui *u);

/* ---- the attempt and the results database (attempt.c) ------------------------------------ */

const Scenario *ui_scen(const Ui *u); /* the open scenario */
/* A remembered setting, or def when it is unset or not a whole number within lo..hi. */
int ui_setting_int(Ui *u, const char *key, int def, int lo, int hi);
void ui_setting_save(Ui *u, const char *key, int value);
/* Starts an attempt at scenario scen: resumes the trainee's unfinished one unless fresh (or in
 * a shift); with have_seed, from that seed. Goes to the office (or back to the catalogue with
 * the reason in u->form_error). */
void ui_attempt_start_seeded(Ui *u, int scen, int fresh, int have_seed, uint64_t seed);
void ui_attempt_start_mode(Ui *u, int scen, int fresh);
void ui_attempt_start(Ui *u, int scen);
/* Performs one engine action and turns its ledger entries into notices. Returns 0 when the
 * engine refused it (the reason is shown as a notice). */
int ui_act(Ui *u, const char *id);
/* Leaves the attempt unfinished (saved as such) for the catalogue or the shift's summary. */
void ui_attempt_leave(Ui *u);
/* Writes the attempt's result (the database and --result). */
void ui_write_result(Ui *u);
/* «Повторить запись»: writes what waits, in order. */
void ui_store_retry(Ui *u);
/* News for the trainee, first among the notices. */
void ui_notice_info(Ui *u, const char *text);
void ui_shift_begin(Ui *u);
/* Calls the next ticket of the shift, or shows the day summary after the last one. */
void ui_shift_next(Ui *u);
/* Reloading the open scenario from disk (F5 or a changed file). */
void ui_watch_reset(Ui *u);
int ui_watching(const Ui *u);
void ui_reload_scenario(Ui *u);
void ui_poll_files(Ui *u);
/* Scenarios that did not load at start-up: loads them again. */
void ui_reload_broken(Ui *u);
/* How many of the scenarios that did not load at start-up are still not loaded. */
size_t ui_broken_left(const Ui *u);
void ui_trainees_reload(Ui *u);
/* Adds a trainee (Russian message in err) and selects them. */
SimStatus ui_trainee_add(Ui *u, const char *surname, const char *name, const char *personnel,
                         SimError *err);
void ui_collect_services(Ui *u);
/* A scenario's figures for a trainee (none for a guest, -1); returns 1 when an unfinished
 * attempt waits to be resumed. */
int ui_card_stats(Ui *u, int scen, long long trainee, ScenarioStats *out);
/* Writes the results database refused wait in memory (the banner shows while they do). */
int ui_store_waiting(Ui *u);
/* The last try when the window closes: 1 when writes still wait after it (they are lost). */
int ui_store_last_flush(Ui *u);
/* Input scripts' `db readonly | db ok`: the database refuses writes, or takes them again. */
void ui_store_simulate_read_only(Ui *u, int on);
/* The results chain's head (hex) into out; 0 when there is none. */
int ui_chain_head(Ui *u, char out[STORE_HEAD_LEN + 1]);
/* The manager's PIN in the results database: its hash (caller frees; NULL when none is set),
 * and the wrong tries in a row, sealed with the installation secret so that editing the
 * settings table cannot reset them (*tampered: the seal did not verify, or the count is
 * missing while a PIN is set). */
char *ui_pin_hash_load(Ui *u);
SimStatus ui_pin_hash_save(Ui *u, const char *hash, SimError *err);
int ui_pin_tries_load(Ui *u, int *tampered);
void ui_pin_tries_save(Ui *u, int tries);

SimStatus ui_report_build(Ui *u, Report **out, SimError *err); /* caller frees (report_free) */
/* A trainee's attempts, oldest first (up to max); the count. */
size_t ui_trainee_attempts(Ui *u, long long trainee, AttemptRow *out, size_t max);
/* An attempt's recorded actions (caller frees each and the array); the count. */
size_t ui_attempt_actions(Ui *u, const char *attempt, char ***out);
/* A session of scenario scen from seed and mode, replayed through actions[0..k); *from gets
 * the ledger's size before the last of them. NULL in *out when it cannot be made. */
SimStatus ui_replay_session(Ui *u, int scen, uint64_t seed, int exam, char **actions, size_t k,
                            Session **out, size_t *from, SimError *err);

/* ---- the manager area (screen_manager.c, screen_trainee.c, screen_replay.c) --------------- */

/* Opens a trainee's page. */
void ui_trainee_open(Ui *u, long long id, const char *title);
void ui_trainee_free(Ui *u);
/* Replays attempt a (goes to the replay); 0 with the reason in error when it cannot. */
int ui_replay_open(Ui *u, const AttemptRow *a, char *error, size_t error_size);
void ui_replay_close(Ui *u);

/* ---- the office (screen_office.c) -------------------------------------------------------- */

/* Draws the office scene of u->ss (the hall, the applicant, the desk, the HUD). */
void ui_office_scene(Ui *u);
/* The office view for a replay: no keyboard focus, no animation, drawn afresh. */
void ui_office_replay_view(Ui *u);

/* ---- the manager's PIN (screen_pin.c) ---------------------------------------------------- */

/* Opens the manager area: straight in once the PIN was entered (until the area is left),
 * else the PIN screen first. */
void ui_manager_open(Ui *u);
/* The PIN screen counts down a delay (the loop wakes to redraw it). */
int ui_pin_waiting(Ui *u);

#endif /* SIM_UI_APP_H */
