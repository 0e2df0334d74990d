/*
 * syncbg.h — the window's background sync with the region's centre (issue #12).
 *
 * Owns: one thread that runs region_sync (engine/central/region.h) over its own connection to
 * the results database: after each finished attempt (syncbg_kick) and every few minutes, only
 * when `central` is configured. Nothing the trainee does waits for it: the thread never holds
 * a write lock while it talks to the network, and the window only reads a status line.
 * Depends on: central (region), store, SDL2 (threads).
 */
#ifndef SIM_SYNCBG_H
#define SIM_SYNCBG_H

#include <stddef.h>

typedef struct SyncBg SyncBg;

/* Starts the thread; NULL when conninfo or db_path is NULL or on failure. interval_min ≥ 1.
 * Caller stops it with syncbg_stop. */
SyncBg *syncbg_start(const char *db_path, const char *conninfo, int interval_min);
/* Asks for a run now (after a finished attempt). */
void syncbg_kick(SyncBg *b);
/* The status line, e.g. «Отправлено в центр 14:05 · ждут отправки: 3» or «нет связи с
 * центром — результаты сохранены на этом компьютере»; "" before the first run. Returns 1 when
 * it changed since the last call (the window redraws). */
int syncbg_status(SyncBg *b, char *out, size_t n);
/* Stops the thread, letting a run in progress finish (bounded by the connect timeout). */
void syncbg_stop(SyncBg *b);

#endif /* SIM_SYNCBG_H */
