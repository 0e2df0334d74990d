/*
 * speech.h — the window's voice: says text aloud for a trainee with low vision.
 *
 * Owns: Speech, one open voice behind a small back-end interface. Two back ends:
 * speech-dispatcher (libspeechd, a Russian voice through espeak-ng; the only file that
 * includes libspeechd is speech.c), and a recording back end that appends each utterance to a
 * file, one line each, chosen by MFC_SPEECH_LOG=FILE (tests: what the window says, in order).
 * What to say, and when, is decided in speak.c; this file only says it.
 * Internal to engine/ui. Depends on core.
 */
#ifndef SIM_UI_SPEECH_H
#define SIM_UI_SPEECH_H

#include "../core/core.h"

typedef struct Speech Speech;

/* Opens the voice: the recording back end when MFC_SPEECH_LOG is set, else speech-dispatcher
 * (started on demand as its clients do), connected to on a thread of its own so that the
 * window never waits for it. NULL with a Russian message in err only when the recording file
 * cannot be opened or memory runs out. Caller frees with speech_close. */
Speech *speech_open(SimError *err);
/* 1 when the voice is ready, 0 while speech-dispatcher is being connected to (what is said
 * meanwhile waits), -1 when it turned out not to be there (not installed, not answering): a
 * Russian message in err, and the voice should be closed. */
int speech_ready(Speech *sp, SimError *err);
/* Accepts NULL. */
void speech_close(Speech *sp);
/* Stops what is being said and drops what waits to be said: the focus moved on. */
void speech_cancel(Speech *sp);
/* Says text (one utterance) after whatever is being said. */
void speech_say(Speech *sp, const char *text);

#endif /* SIM_UI_SPEECH_H */
