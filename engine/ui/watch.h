/*
 * watch.h — wakes the window when a file of the open scenario changes (issue #14: an idle
 * window uses no CPU at all).
 *
 * Owns: one thread blocked in poll() on an inotify descriptor watching one folder; any change
 * there (written, replaced by a rename, created, removed) becomes one SDL event of the type
 * uiwatch_event_type(), so the window's loop can sleep in SDL_WaitEvent instead of looking at
 * the files four times a second. Where inotify is unavailable uiwatch_start returns NULL and the
 * window keeps polling.
 * Depends on: SDL2 (threads, events), Linux inotify. Internal to engine/ui.
 */
#ifndef SIM_UI_WATCH_H
#define SIM_UI_WATCH_H

#include <stdint.h>

typedef struct UiWatch UiWatch;

/* Starts the watcher (watching nothing yet); NULL when it cannot. Stop with uiwatch_stop. */
UiWatch *uiwatch_start(void);
/* Watches dir (borrowed; copied) instead of the folder watched before; NULL watches nothing.
 * Returns 1 when dir is being watched. */
int uiwatch_set(UiWatch *w, const char *dir);
/* The SDL event type it sends (0 when w is NULL). */
uint32_t uiwatch_event_type(const UiWatch *w);
/* Stops the thread and frees everything. NULL is allowed. */
void uiwatch_stop(UiWatch *w);

#endif /* SIM_UI_WATCH_H */
