/*
 * speech.c — the voice's two back ends (see speech.h): speech-dispatcher through libspeechd,
 * and a recording file for tests. The only file of the project that includes libspeechd.
 *
 * libspeechd (and the GLib it brings) is opened on the voice's own thread when speech is first
 * turned on (core/dl.h), never at start: the table below maps each function this file calls,
 * so a call to one missing from it does not link (the program no longer links libspeechd).
 */
#include "speech.h"

#include "../core/dl.h"
#include "../core/i18n.h"

#include <SDL.h>
#include <libspeechd.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* X(return type, name, parameter list): every libspeechd function this file calls. */
#define SPD_FUNCTIONS(X)                                                                           \
    X(SPDConnection *, spd_open2,                                                                  \
      (const char *, const char *, const char *, SPDConnectionMode, const SPDConnectionAddress *,  \
       int, char **))                                                                              \
    X(int, spd_set_language, (SPDConnection *, const char *))                                      \
    X(int, spd_set_punctuation, (SPDConnection *, SPDPunctuation))                                 \
    X(int, spd_cancel, (SPDConnection *))                                                          \
    X(int, spd_say, (SPDConnection *, SPDPriority, const char *))                                  \
    X(void, spd_close, (SPDConnection *))

static struct SpdLib {
    SPD_FUNCTIONS(SIM_DL_FIELD)
} spd_lib;

static const char *const spd_names[] = {SPD_FUNCTIONS(SIM_DL_NAME)};

/* Opens libspeechd.so.2 the first time ($MFC_SONAME_LIBSPEECHD names another file instead, for
 * tests); SIM_OK or SIM_ERR_IO naming the library and the package libspeechd2. */
static SimStatus spd_load(SimError *err)
{
    static SimDlLib lib =
        SIM_DL_LIB("libspeechd.so.2", "MFC_SONAME_LIBSPEECHD", "libspeechd2", spd_names, spd_lib);
    SIM_DL_TYPECHECK(struct SpdLib, spd_lib, SPD_FUNCTIONS);
    return sim_dl_load(&lib, err);
}

/* From here on, libspeechd's names are the table's entries. */
#define spd_open2           (spd_lib.spd_open2)
#define spd_set_language    (spd_lib.spd_set_language)
#define spd_set_punctuation (spd_lib.spd_set_punctuation)
#define spd_cancel          (spd_lib.spd_cancel)
#define spd_say             (spd_lib.spd_say)
#define spd_close           (spd_lib.spd_close)

/* A back end: what the rest of the window needs from a voice. */
typedef struct SpeechBackend {
    void (*say)(Speech *sp, const char *text);
    void (*cancel)(Speech *sp);
    void (*close)(Speech *sp);
} SpeechBackend;

/* speech-dispatcher's side, shared with its thread. libspeechd waits for the daemon's reply to
 * every command, and a daemon that cannot open its sound device never answers: the window must
 * not wait with it, so every call to libspeechd is made on a thread of its own, fed by a
 * queue. The thread owns this struct once the window has let go of it (closing). */
#define SPD_QUEUE 64
typedef struct SpdWorker {
    SDL_mutex *lock;
    SDL_cond *wake;
    char *queue[SPD_QUEUE]; /* utterances waiting; NULL entries never stored */
    int head, count;
    int cancel;              /* stop what is being said before the next utterance */
    int quit;                /* the window let go: close and free everything */
    int state;               /* 0 connecting, 1 connected, -1 could not connect */
    char why[SIM_ERROR_MAX]; /* when state is -1 because libspeechd is missing: its message */
} SpdWorker;

struct Speech {
    const SpeechBackend *be;
    SpdWorker *spd; /* speech-dispatcher */
    FILE *log;      /* the recording back end */
};

/* ---- speech-dispatcher ------------------------------------------------------------------- */

static void spd_worker_free(SpdWorker *w)
{
    for (int i = 0; i < w->count; i++)
        free(w->queue[(w->head + i) % SPD_QUEUE]);
    SDL_DestroyCond(w->wake);
    SDL_DestroyMutex(w->lock);
    free(w);
}

static int spd_thread(void *arg)
{
    SpdWorker *w = arg;
    /* Autospawn: speech-dispatcher starts on demand, as for any of its clients; the address
     * comes from SPEECHD_ADDRESS or the user's default socket. */
    char *why = NULL;
    SimError lib_err;
    SPDConnection *conn = NULL;
    int have_lib = spd_load(&lib_err) == SIM_OK;
    if (have_lib)
        conn = spd_open2("mfc-trainer", "main", NULL, SPD_MODE_SINGLE, NULL, 1, &why);
    free(why); /* English and technical: the trainee reads our message (speech_ready) */
    if (conn) {
        spd_set_language(conn, "ru");
        spd_set_punctuation(conn, SPD_PUNCT_NONE);
    }
    SDL_LockMutex(w->lock);
    w->state = conn ? 1 : -1;
    if (!have_lib)
        snprintf(w->why, sizeof w->why, "%s", lib_err.msg);
    while (!w->quit && conn) {
        if (!w->count && !w->cancel) {
            SDL_CondWait(w->wake, w->lock);
            continue;
        }
        int cancel = w->cancel;
        char *text = NULL;
        if (w->count) {
            text = w->queue[w->head];
            w->head = (w->head + 1) % SPD_QUEUE;
            w->count--;
        }
        w->cancel = 0;
        SDL_UnlockMutex(w->lock);
        if (cancel)
            spd_cancel(conn);
        if (text) /* SPD_TEXT queues after what is being said */
            spd_say(conn, SPD_TEXT, text);
        free(text);
        SDL_LockMutex(w->lock);
    }
    while (!w->quit) /* could not connect: wait to be let go */
        SDL_CondWait(w->wake, w->lock);
    SDL_UnlockMutex(w->lock);
    if (conn)
        spd_close(conn);
    spd_worker_free(w);
    return 0;
}

static void spd_back_say(Speech *sp, const char *text)
{
    SpdWorker *w = sp->spd;
    char *copy = sim_strdup(text);
    if (!copy)
        return;
    SDL_LockMutex(w->lock);
    if (w->count == SPD_QUEUE) { /* far behind: the oldest words go */
        free(w->queue[w->head]);
        w->head = (w->head + 1) % SPD_QUEUE;
        w->count--;
    }
    w->queue[(w->head + w->count) % SPD_QUEUE] = copy;
    w->count++;
    SDL_CondSignal(w->wake);
    SDL_UnlockMutex(w->lock);
}

static void spd_back_cancel(Speech *sp)
{
    SpdWorker *w = sp->spd;
    SDL_LockMutex(w->lock);
    for (int i = 0; i < w->count; i++) /* what waits is old news too */
        free(w->queue[(w->head + i) % SPD_QUEUE]);
    w->count = 0;
    w->cancel = 1;
    SDL_CondSignal(w->wake);
    SDL_UnlockMutex(w->lock);
}

static void spd_back_close(Speech *sp)
{
    /* The thread closes the connection and frees the queue: it may be waiting on a daemon
     * that never answers, and the window does not wait for it. */
    SpdWorker *w = sp->spd;
    SDL_LockMutex(w->lock);
    w->quit = 1;
    SDL_CondSignal(w->wake);
    SDL_UnlockMutex(w->lock);
}

static const SpeechBackend spd_backend = {.say = spd_back_say,
                                          .cancel = spd_back_cancel,
                                          .close = spd_back_close};

static SpdWorker *spd_start(void)
{
    SpdWorker *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->lock = SDL_CreateMutex();
    w->wake = SDL_CreateCond();
    SDL_Thread *t = w->lock && w->wake ? SDL_CreateThread(spd_thread, "mfc-speech", w) : NULL;
    if (!t) {
        spd_worker_free(w);
        return NULL;
    }
    SDL_DetachThread(t);
    return w;
}

/* ---- the recording back end -------------------------------------------------------------- */

static void rec_say(Speech *sp, const char *text)
{
    fprintf(sp->log, "%s\n", text);
    fflush(sp->log); /* a test reads it while the window may still run */
}

static void rec_cancel(Speech *sp)
{
    (void)sp; /* nothing is being said: each line is said at once */
}

static void rec_close(Speech *sp)
{
    fclose(sp->log);
}

static const SpeechBackend rec_backend = {.say = rec_say, .cancel = rec_cancel, .close = rec_close};

/* ---- the voice --------------------------------------------------------------------------- */

Speech *speech_open(SimError *err)
{
    Speech *sp = calloc(1, sizeof *sp);
    if (!sp) {
        sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_SPEECH_NOMEM));
        return NULL;
    }
    const char *path = getenv("MFC_SPEECH_LOG");
    if (path && *path) {
        if (!(sp->log = fopen(path, "a"))) {
            sim_error_set(err, SIM_ERR_IO, tr(STR_SPEECH_LOG_FAILED), path);
            free(sp);
            return NULL;
        }
        sp->be = &rec_backend;
        return sp;
    }
    if (!(sp->spd = spd_start())) {
        sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_SPEECH_NOMEM));
        free(sp);
        return NULL;
    }
    sp->be = &spd_backend;
    return sp;
}

int speech_ready(Speech *sp, SimError *err)
{
    if (!sp->spd)
        return 1; /* the recording back end is ready at once */
    SDL_LockMutex(sp->spd->lock);
    int state = sp->spd->state;
    char why[SIM_ERROR_MAX];
    snprintf(why, sizeof why, "%s", sp->spd->why[0] ? sp->spd->why : tr(STR_SPEECH_NO_DAEMON));
    SDL_UnlockMutex(sp->spd->lock);
    if (state < 0)
        sim_error_set(err, SIM_ERR_IO, tr(STR_SPEECH_UNAVAILABLE), why);
    return state;
}

void speech_close(Speech *sp)
{
    if (!sp)
        return;
    sp->be->close(sp);
    free(sp);
}

void speech_cancel(Speech *sp)
{
    if (sp)
        sp->be->cancel(sp);
}

void speech_say(Speech *sp, const char *text)
{
    if (sp && text && *text)
        sp->be->say(sp, text);
}
