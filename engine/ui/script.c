/*
 * script.c — input scripts (--input-script): the window's automation for tests and
 * screenshots. Each line is one command (key, click, text, wait, shot, size, act, copy, expect,
 * db); they feed the same SDL events a person would produce, so a script reaches exactly what a
 * person reaches.
 */
#include "ui_app.h"

#include "../core/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ui_script_load(Ui *u, const char *path)
{
    char *text = NULL;
    size_t len = 0;
    SimError e;
    if (sim_read_file(path, 1 << 20, &text, &len, &e) != SIM_OK) {
        sim_error_set(u->err, SIM_ERR_IO, "%s", e.msg);
        return 0;
    }
    size_t n = 1;
    for (size_t i = 0; i < len; i++)
        n += text[i] == '\n';
    u->script = calloc(n, sizeof *u->script);
    for (char *save = NULL, *line = strtok_r(text, "\n", &save); line && u->script;
         line = strtok_r(NULL, "\n", &save))
        u->script[u->script_lines++] = sim_strdup(line);
    free(text);
    return 1;
}

static void push_key(SDL_Keycode k)
{
    SDL_Event ev;
    memset(&ev, 0, sizeof ev);
    ev.type = SDL_KEYDOWN;
    ev.key.state = SDL_PRESSED;
    ev.key.keysym.sym = k;
    ev.key.keysym.scancode = SDL_GetScancodeFromKey(k);
    SDL_PushEvent(&ev);
    ev.type = SDL_KEYUP;
    ev.key.state = SDL_RELEASED;
    SDL_PushEvent(&ev);
}

/* Runs script commands until one needs time to pass (wait) or events to be handled first.
 * Returns 0 when the script has ended. */
int ui_script_step(Ui *u)
{
    while (u->script_pc < u->script_lines) {
        if (u->wait_until && SDL_TICKS_PASSED(SDL_GetTicks(), u->wait_until) == 0)
            return 1;
        u->wait_until = 0;
        SDL_SetModState(KMOD_NONE); /* a "key Shift+…" was handled before this command */
        size_t lineno = u->script_pc + 1;
        char *line = u->script[u->script_pc++];
        while (*line == ' ' || *line == '\t')
            line++;
        size_t n = strlen(line);
        while (n && (line[n - 1] == '\r' || line[n - 1] == ' '))
            line[--n] = '\0';
        if (!*line || *line == '#')
            continue;
        char *arg = strchr(line, ' ');
        if (arg)
            *arg++ = '\0';
        if (strcmp(line, "key") == 0 && arg) {
            /* "key Shift+Tab": Shift held for this key only (the screens read it from SDL's
             * modifier state, as for a real key; the next command lets go of it). */
            int shift = strncmp(arg, "Shift+", 6) == 0;
            if (shift)
                arg += 6;
            SDL_Keycode k = SDL_GetKeyFromName(arg);
            if (k == SDLK_UNKNOWN) {
                sim_error_set(u->err, SIM_ERR_INVALID, TRF(STR_INPUT_UNKNOWN_KEY),
                              u->cfg->input_script, lineno, arg);
                u->failed = 1;
                return 0;
            }
            SDL_SetModState(shift ? KMOD_LSHIFT : KMOD_NONE);
            push_key(k);
            return 1; /* let the loop handle it before the next command */
        }
        if (strcmp(line, "click") == 0 && arg) {
            int x, y;
            if (sscanf(arg, "%d %d", &x, &y) != 2) {
                sim_error_set(u->err, SIM_ERR_INVALID, "%s:%zu: click X Y", u->cfg->input_script,
                              lineno);
                u->failed = 1;
                return 0;
            }
            SDL_Event ev;
            memset(&ev, 0, sizeof ev);
            ev.type = SDL_MOUSEMOTION;
            ev.motion.x = x;
            ev.motion.y = y;
            SDL_PushEvent(&ev);
            memset(&ev, 0, sizeof ev);
            ev.type = SDL_MOUSEBUTTONDOWN;
            ev.button.button = SDL_BUTTON_LEFT;
            ev.button.state = SDL_PRESSED;
            ev.button.clicks = 1;
            ev.button.x = x;
            ev.button.y = y;
            SDL_PushEvent(&ev);
            ev.type = SDL_MOUSEBUTTONUP;
            ev.button.state = SDL_RELEASED;
            SDL_PushEvent(&ev);
            return 1;
        }
        if (strcmp(line, "text") == 0 && arg) {
            /* SDL text events carry at most 31 bytes: split on character boundaries. */
            const char *p = arg;
            while (*p) {
                SDL_Event ev;
                memset(&ev, 0, sizeof ev);
                ev.type = SDL_TEXTINPUT;
                size_t k = 0;
                while (p[k] && k < 24) {
                    k++;
                    while (p[k] && ((unsigned char)p[k] & 0xC0) == 0x80)
                        k++;
                }
                memcpy(ev.text.text, p, k);
                SDL_PushEvent(&ev);
                p += k;
            }
            return 1;
        }
        if (strcmp(line, "act") == 0 && arg) {
            /* An engine action by id, as `play --actions` takes it: positions a scene for a
             * screenshot without spelling out its keys. */
            if (u->screen != SCR_OFFICE || !u->ss || !ui_act(u, arg)) {
                sim_error_set(u->err, SIM_ERR_INVALID, TRF(STR_INPUT_ACT_FAILED),
                              u->cfg->input_script, lineno, arg,
                              u->nnotices ? u->notices[0].text : tr(STR_INPUT_NO_ATTEMPT));
                u->failed = 1;
                return 0;
            }
            return 1;
        }
        if (strcmp(line, "db") == 0 && arg && u->cfg->store) {
            /* db readonly | db ok: the results database refuses writes, or takes them again
             * (the tests of writes that wait in memory). */
            ui_store_simulate_read_only(u, strcmp(arg, "readonly") == 0);
            return 1;
        }
        if (strcmp(line, "wait") == 0 && arg) {
            u->wait_until = SDL_GetTicks() + (uint32_t)atoi(arg);
            return 1;
        }
        if (strcmp(line, "shot") == 0 && arg) {
            if (!u->cfg->screenshots) {
                sim_error_set(u->err, SIM_ERR_INVALID, TRF(STR_INPUT_SHOT_NO_DIR),
                              u->cfg->input_script, lineno);
                u->failed = 1;
                return 0;
            }
            char *path = sim_path_join(u->cfg->screenshots, arg);
            SimBuf b;
            simbuf_init(&b);
            simbuf_printf(&b, "%s.png", path);
            free(path);
            ui_draw(u, simbuf_str(&b));
            simbuf_free(&b);
            if (u->failed)
                return 0;
            continue;
        }
        if (strcmp(line, "copy") == 0 && arg) {
            /* Replaces a file (a scenario being edited while the window runs: the reload
             * tests). Paths are relative to the current folder. */
            char *dst = strchr(arg, ' ');
            char *text = NULL;
            size_t len = 0;
            SimError e;
            sim_error_clear(&e);
            if (dst)
                *dst++ = '\0';
            FILE *f = NULL;
            if (!dst || sim_read_file(arg, SCENARIO_MAX_FILE, &text, &len, &e) != SIM_OK ||
                !(f = fopen(dst, "wb")) || fwrite(text, 1, len, f) != len) {
                sim_error_set(u->err, SIM_ERR_IO, TRF(STR_SCRIPT_BAD_COPY), u->cfg->input_script,
                              lineno, e.msg[0] ? e.msg : (dst ? dst : ""));
                if (f)
                    fclose(f);
                free(text);
                u->failed = 1;
                return 0;
            }
            fclose(f);
            free(text);
            continue;
        }
        if (strcmp(line, "expect") == 0 && arg) {
            /* expect SCREEN [TEXT]: the window shows that screen and, when given, TEXT is in
             * its first notice (the office) or in its messages (the reload error screen), or in
             * the background sync's status line. */
            char *want_text = strchr(arg, ' ');
            if (want_text)
                *want_text++ = '\0';
            const char *now = ui_screen_name(u->screen);
            const char *have = u->store_msg[0] && ui_store_waiting(u)
                                   ? u->store_msg /* the banner over any screen */
                                   : NULL;
            char lost[SIM_ERROR_MAX + 400];
            if (!have && u->store_lost[0] && u->screen != SCR_DEBRIEF) {
                snprintf(lost, sizeof lost, TRF(STR_STORE_LOST_BANNER), u->store_lost);
                have = lost; /* the banner over any screen */
            }
            if (!have && u->speech_msg[0])
                have = u->speech_msg; /* the message over any screen: no voice */
            if (!have && want_text && strstr(u->sync_line, want_text))
                have = u->sync_line; /* the background sync's line (start, catalogue, debrief) */
            if (!have)
                have = ui_expect_text(u);
            if (!have)
                have = u->nnotices ? u->notices[0].text : "";
            if (strcmp(now, arg) != 0 || (want_text && !strstr(have, want_text))) {
                sim_error_set(u->err, SIM_ERR_INVALID, TRF(STR_SCRIPT_BAD_EXPECT),
                              u->cfg->input_script, lineno, arg,
                              want_text ? tr(STR_INPUT_WITH_TEXT) : "", want_text ? want_text : "",
                              now, *have ? ": " : "", have);
                u->failed = 1;
                return 0;
            }
            continue;
        }
        if (strcmp(line, "size") == 0 && arg) {
            int w, h;
            if (sscanf(arg, "%dx%d", &w, &h) == 2) {
                gfx_set_window_size(u->g, w, h);
                u->dirty = 1;
                return 1;
            }
        }
        sim_error_set(u->err, SIM_ERR_INVALID, TRF(STR_INPUT_UNKNOWN_COMMAND), u->cfg->input_script,
                      lineno, line);
        u->failed = 1;
        return 0;
    }
    /* A wait as the last command waits too (a script that ends by waiting keeps the window
     * open that long: the signal tests stop it meanwhile). */
    if (u->wait_until && SDL_TICKS_PASSED(SDL_GetTicks(), u->wait_until) == 0)
        return 1;
    return 0;
}
