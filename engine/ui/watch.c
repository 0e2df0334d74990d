/*
 * watch.c — the open scenario's folder watched through inotify (see watch.h).
 *
 * The thread waits in poll() on the inotify descriptor and on a pipe that uiwatch_stop writes
 * to; it reads the events away and pushes one SDL event per batch (SDL_PushEvent may be called
 * from any thread). Which file changed does not matter: the window compares the scenario's
 * files as before and reloads only when they really differ.
 */
#define _GNU_SOURCE /* pipe2 */
#include "watch.h"

#include "../core/core.h"

#include <SDL.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

struct UiWatch {
    int fd;      /* inotify */
    int stop[2]; /* a byte written to stop[1] ends the thread */
    int wd;      /* the current watch, -1 when none */
    char *dir;   /* what wd watches */
    uint32_t type;
    SDL_Thread *thread;
};

static int watch_thread(void *arg)
{
    UiWatch *w = arg;
    char buf[4096] __attribute__((aligned(__alignof__(struct inotify_event))));
    for (;;) {
        struct pollfd p[2] = {{.fd = w->fd, .events = POLLIN},
                              {.fd = w->stop[0], .events = POLLIN}};
        if (poll(p, 2, -1) < 0)
            continue; /* EINTR */
        if (p[1].revents)
            return 0;
        if (!(p[0].revents & POLLIN))
            continue;
        ssize_t n = read(w->fd, buf, sizeof buf); /* the batch itself is not needed */
        if (n <= 0)
            continue;
        SDL_Event ev;
        memset(&ev, 0, sizeof ev);
        ev.type = w->type;
        SDL_PushEvent(&ev);
    }
}

UiWatch *uiwatch_start(void)
{
    uint32_t type = SDL_RegisterEvents(1);
    if (type == (uint32_t)-1)
        return NULL;
    UiWatch *w = calloc(1, sizeof *w);
    if (!w)
        return NULL;
    w->wd = -1;
    w->type = type;
    w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w->fd < 0) {
        free(w);
        return NULL;
    }
    if (pipe2(w->stop, O_CLOEXEC) != 0) {
        close(w->fd);
        free(w);
        return NULL;
    }
    w->thread = SDL_CreateThread(watch_thread, "mfc-watch", w);
    if (!w->thread) {
        close(w->fd);
        close(w->stop[0]);
        close(w->stop[1]);
        free(w);
        return NULL;
    }
    return w;
}

int uiwatch_set(UiWatch *w, const char *dir)
{
    if (!w)
        return 0;
    if (dir && w->dir && strcmp(dir, w->dir) == 0)
        return w->wd >= 0;
    if (w->wd >= 0)
        inotify_rm_watch(w->fd, w->wd);
    w->wd = -1;
    free(w->dir);
    w->dir = NULL;
    if (!dir)
        return 0;
    w->dir = sim_strdup(dir);
    /* A rename over a file (how editors save) is IN_MOVED_TO; a plain write IN_CLOSE_WRITE. */
    w->wd = inotify_add_watch(w->fd, dir,
                              IN_CLOSE_WRITE | IN_MODIFY | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE |
                                  IN_DELETE | IN_ATTRIB);
    return w->wd >= 0;
}

uint32_t uiwatch_event_type(const UiWatch *w)
{
    return w ? w->type : 0;
}

void uiwatch_stop(UiWatch *w)
{
    if (!w)
        return;
    char b = 1;
    if (write(w->stop[1], &b, 1) == 1)
        SDL_WaitThread(w->thread, NULL);
    else
        SDL_DetachThread(
            w->thread); /* cannot happen with a fresh pipe; never join a blocked thread */
    close(w->fd);
    close(w->stop[0]);
    close(w->stop[1]);
    free(w->dir);
    free(w);
}
