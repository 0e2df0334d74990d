/*
 * ui.h — the trainee's window: start screen, catalogue, the office, documents, the office PC,
 * the debrief and settings; and its automation (input scripts and screenshots).
 *
 * The «Справочник» (F1) reads the reference book and the rules catalogue; «Смена» (F2) plays
 * 4–6 applicants in a row with a growing queue (shift.h) and ends with a day summary; F5 in the
 * office, or saving a file of the open scenario, loads it again from disk and replays the
 * attempt so far, or shows the loader's FILE:LINE:COL errors.
 *
 * Owns: the screens and their input. Every trainee decision becomes one session_act() call,
 * exactly as in `mfc-trainer play`, so the same actions give the same score in both.
 * Depends on: core, scenario, session, store (and SDL through gfx.h).
 */
#ifndef SIM_UI_H
#define SIM_UI_H

#include "../session/session.h"
#include "../store/store.h"

/* What the start-up check of the scenario pack's signature said about one scenario. */
typedef struct UiPack {
    const char *problem; /* why it may not be examined (Russian), or NULL when it may be */
    const char *hash, *state, *key; /* recorded with each attempt (AttemptInfo.pack_*) */
    const char *version;            /* the installed pack's version, "" or NULL when none */
} UiPack;

typedef struct UiScenario {
    const Scenario *scenario; /* borrowed */
    ScriptProgram *program;   /* borrowed; may be NULL */
    ScenarioLoadOptions load; /* how it was loaded (borrowed pointers): F5 loads it again */
    const UiPack *pack;       /* borrowed; NULL = not checked, so never examined */
} UiScenario;

/* A scenario folder that did not load at start-up: the window can try it again (F5). */
typedef struct UiBroken {
    const char *dir;          /* borrowed */
    ScenarioLoadOptions load; /* borrowed pointers */
    const UiPack *pack;       /* borrowed */
} UiBroken;

typedef struct UiConfig {
    UiScenario *scenarios; /* sorted; borrowed */
    size_t scenario_count;
    Store *store;               /* borrowed; may be NULL (nothing is remembered) */
    const char *font_path;      /* --font */
    const char *input_script;   /* --input-script: run these commands, then exit */
    const char *screenshots;    /* --screenshots DIR */
    const char *result_path;    /* --result FILE: the last finished attempt's JSON */
    const char *start_scenario; /* --scenario ID: straight into the office */
    int have_seed;
    uint64_t seed;
    int exam;                /* --exam with --scenario */
    int width, height;       /* --size WxH for automation; 0 = remembered or 1280×720 */
    const char *load_errors; /* scenarios that failed to load, shown on the start screen */
    const UiBroken *broken;  /* those scenarios, to load again from the window; borrowed */
    size_t broken_count;
    const RefBook *refbook; /* the «Справочник» (scenarios/data/services.json); may be NULL */
    const RuleCatalog *rules; /* the rules catalogue it cites; may be NULL */
    const char *icon_path;    /* the window icon (BMP); NULL or missing: the system's default */
    const char *db_path;      /* the results database's file, for the background sync's own
                                 connection; NULL with no store */
    const char *central;      /* libpq connection string of the region's centre (configuration
                                 `central`); NULL: no background sync */
    int sync_interval;        /* minutes between background syncs (configuration, default 5) */
    char *warning; /* optional out buffer of SIM_ERROR_MAX bytes: what went wrong but had a
                      fallback (a font that does not open), for the command line to print */
    const char *pack_notice; /* «Новый пакет сценариев 2026.12: что изменилось — …» shown at
                                the catalogue (issue #13); NULL when none */
    /* What the first screen does not need (the other scenarios), loaded once that screen has
     * been shown (issue #14: the window appears first, the catalogue fills in after). Each
     * call loads one more piece and returns 1 while more remain; the call that returns 0 has
     * updated scenarios, scenario_count, broken, broken_count and load_errors of this
     * configuration (which its owner holds writable). The window calls it between frames, and
     * to the end before it handles any input. NULL when everything was loaded before ui_run. */
    int (*load_rest)(void *load_ctx);
    void *load_ctx;
} UiConfig;

/* Runs the window until the trainee quits or the input script ends. Returns 0 on success,
 * 1 when the window could not start or an input-script command failed (message in err). */
int ui_run(const UiConfig *cfg, SimError *err);

#endif /* SIM_UI_H */
