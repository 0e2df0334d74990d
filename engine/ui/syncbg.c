/*
 * syncbg.c — the window's background sync (see syncbg.h).
 */
#include "syncbg.h"

#include "../central/central.h"
#include "../central/region.h"
#include "../core/i18n.h"

#include <SDL.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct SyncBg {
    char *db_path, *conninfo;
    Uint32 interval_ms;
    SDL_Thread *thread;
    SDL_mutex *lock;
    SDL_cond *wake;
    int stop, kicked, changed;
    Uint32 checked_at; /* SDL ticks of the last run with the PC's own journal check */
    int checked;
    char status[512];
};

static void set_status(SyncBg *b, const char *text)
{
    SDL_LockMutex(b->lock);
    if (strcmp(b->status, text) != 0) {
        snprintf(b->status, sizeof b->status, "%s", text);
        b->changed = 1;
    }
    SDL_UnlockMutex(b->lock);
}

/* One run with its own connection to the results database. */
static void run_once(SyncBg *b)
{
    Store *st = NULL;
    SimError err;
    char line[512];
    if (store_open(b->db_path, &st, &err) != SIM_OK)
        return;
    RegionIdentity id;
    if (region_identity_load(b->db_path, 0, &id, &err) != SIM_OK) {
        set_status(b, tr(STR_SYNC_STATUS_NOT_ENROLLED));
        region_identity_free(&id);
        store_close(st);
        return;
    }
    if (central_library(&err) != SIM_OK) {
        /* Not "offline": no retry will help until the package is installed. Said once (the
         * status changes only when its text does). */
        snprintf(line, sizeof line, "%.500s", err.msg); /* a few lines at most, never cut */
        set_status(b, line);
        region_identity_free(&id);
        store_close(st);
        return;
    }
    RegionTally t;
    /* The PC's whole-journal check reads every record: hourly is enough in the background
     * (`mfc-trainer sync` always runs it). */
    Uint32 now_ms = SDL_GetTicks();
    int self_check = !b->checked || now_ms - b->checked_at >= 3600000u;
    if (self_check) {
        b->checked = 1;
        b->checked_at = now_ms;
    }
    SimStatus s = region_sync(st, b->conninfo, &id, 0, self_check, NULL, NULL, &t, &err);
    if (s == SIM_ERR_IO && t.error && strcmp(t.error, "offline") == 0) {
        set_status(b, tr(STR_SYNC_STATUS_OFFLINE));
    } else if (t.outcome == REGION_DIVERGED) {
        set_status(b, tr(STR_SYNC_STATUS_DIVERGED));
    } else {
        long long entries = 0, attempts = 0;
        char at[32];
        region_waiting(st, &entries, &attempts, at);
        char hm[8] = "—";
        time_t now = time(NULL);
        struct tm lt;
        if (s == SIM_OK && localtime_r(&now, &lt))
            strftime(hm, sizeof hm, "%H:%M", &lt);
        snprintf(line, sizeof line, tr(STR_SYNC_STATUS_SENT), hm, attempts);
        set_status(b, line);
    }
    region_identity_free(&id);
    store_close(st);
}

static int thread_main(void *arg)
{
    SyncBg *b = arg;
    SDL_LockMutex(b->lock);
    for (;;) {
        if (!b->stop && !b->kicked)
            SDL_CondWaitTimeout(b->wake, b->lock, b->interval_ms);
        if (b->stop)
            break;
        b->kicked = 0;
        SDL_UnlockMutex(b->lock);
        run_once(b);
        SDL_LockMutex(b->lock);
    }
    SDL_UnlockMutex(b->lock);
    return 0;
}

SyncBg *syncbg_start(const char *db_path, const char *conninfo, int interval_min)
{
    if (!db_path || !conninfo || !*conninfo)
        return NULL;
    SyncBg *b = calloc(1, sizeof *b);
    if (!b)
        return NULL;
    b->db_path = sim_strdup(db_path);
    b->conninfo = sim_strdup(conninfo);
    b->interval_ms = (Uint32)(interval_min < 1      ? 1
                              : interval_min > 1440 ? 1440
                                                    : interval_min) *
                     60000u;
    b->lock = SDL_CreateMutex();
    b->wake = SDL_CreateCond();
    b->kicked = 1; /* a first run at start: what waits from earlier sessions goes now */
    if (!b->db_path || !b->conninfo || !b->lock || !b->wake ||
        !(b->thread = SDL_CreateThread(thread_main, "mfc-sync", b))) {
        if (b->wake)
            SDL_DestroyCond(b->wake);
        if (b->lock)
            SDL_DestroyMutex(b->lock);
        free(b->db_path);
        free(b->conninfo);
        free(b);
        return NULL;
    }
    return b;
}

void syncbg_kick(SyncBg *b)
{
    if (!b)
        return;
    SDL_LockMutex(b->lock);
    b->kicked = 1;
    SDL_CondSignal(b->wake);
    SDL_UnlockMutex(b->lock);
}

int syncbg_status(SyncBg *b, char *out, size_t n)
{
    if (!b) {
        if (n)
            out[0] = '\0';
        return 0;
    }
    SDL_LockMutex(b->lock);
    snprintf(out, n, "%s", b->status);
    int changed = b->changed;
    b->changed = 0;
    SDL_UnlockMutex(b->lock);
    return changed;
}

void syncbg_stop(SyncBg *b)
{
    if (!b)
        return;
    SDL_LockMutex(b->lock);
    b->stop = 1;
    SDL_CondSignal(b->wake);
    SDL_UnlockMutex(b->lock);
    SDL_WaitThread(b->thread, NULL);
    SDL_DestroyCond(b->wake);
    SDL_DestroyMutex(b->lock);
    free(b->db_path);
    free(b->conninfo);
    free(b);
}
