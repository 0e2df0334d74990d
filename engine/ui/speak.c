/*
 * speak.c — what the window says aloud, and when (issue #14, «Speech»).
 *
 * Each screen describes what it would say now (ScreenDef.speak fills four slots: where, what,
 * what is open over it, the focus); after each drawn frame the slots are compared with what was
 * said last, and only what changed is said, after the notices that are new: nothing is said again
 * on every frame, and whatever was still being said is interrupted as soon as something new is to
 * be said (the focus moved on). The voice itself is speech.c. Depends on speech.h, ui_app.h.
 */
#include "speech.h"
#include "ui_app.h"

#include "../core/i18n.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

void ui_say(SpeakFrame *f, SpeakSlot slot, const char *fmt, ...)
{
    SimBuf one;
    simbuf_init(&one);
    va_list ap;
    va_start(ap, fmt);
    simbuf_vprintf(&one, fmt, ap);
    va_end(ap);
    /* One utterance is one line: line breaks inside it become spaces. The marks drawn for the
     * eye (✔ ✖ ⚠, the radio dots, the arrows) are left out: a voice would read their names;
     * the «·» between parts is a pause, a comma. */
    static const char *const marks[] = {"✔ ", "✖ ", "⚠ ", "◀ ", " ▶", "✔", "✖", "⚠",
                                        "●",  "○",  "◉",  "▲",  "▼",  "◀", "▶"};
    const char *c = simbuf_str(&one);
    size_t start = f->slot[slot].len;
    while (*c) {
        size_t skip = 0;
        for (size_t i = 0; i < sizeof marks / sizeof marks[0] && !skip; i++)
            if (strncmp(c, marks[i], strlen(marks[i])) == 0)
                skip = strlen(marks[i]);
        if (skip) {
            c += skip;
        } else if (strncmp(c, " · ", strlen(" · ")) == 0) {
            simbuf_puts(&f->slot[slot], ", ");
            c += strlen(" · ");
        } else {
            simbuf_append(&f->slot[slot], *c == '\n' || *c == '\t' ? " " : c, 1);
            c++;
        }
    }
    if (f->slot[slot].len > start)
        simbuf_puts(&f->slot[slot], "\n");
    simbuf_free(&one);
}

void ui_speech_set(Ui *u, int on)
{
    ui_setting_save(u, "speech", on);
    if (!on) {
        speech_close(u->speech);
        u->speech = NULL;
        u->dirty = 1;
        return;
    }
    if (u->speech)
        return;
    SimError e;
    sim_error_clear(&e);
    u->speech = speech_open(&e);
    if (!u->speech) {
        snprintf(u->speech_msg, sizeof u->speech_msg, "%s", e.msg);
    } else {
        u->speech_msg[0] = '\0';
        speech_say(u->speech, tr(STR_SPEECH_ON));
        u->said_screen = -1; /* then everything the screen says */
        u->said_notice_gen = u->notice_gen;
    }
    u->dirty = 1;
}

/* Says each line of text. */
static void say_lines(Ui *u, const char *text)
{
    char line[SIM_ERROR_MAX + 2048];
    while (*text) {
        const char *nl = strchr(text, '\n');
        size_t n = nl ? (size_t)(nl - text) : strlen(text);
        if (n >= sizeof line)
            n = sizeof line - 1;
        memcpy(line, text, n);
        line[n] = '\0';
        speech_say(u->speech, line);
        text += nl ? (size_t)(nl - text) + 1 : strlen(text);
    }
}

int ui_speech_poll(Ui *u)
{
    if (!u->speech)
        return 0;
    SimError e;
    sim_error_clear(&e);
    int r = speech_ready(u->speech, &e);
    if (r < 0) {
        /* Said once, on the screen (there is no voice to say it); the window carries on. */
        snprintf(u->speech_msg, sizeof u->speech_msg, "%s", e.msg);
        speech_close(u->speech);
        u->speech = NULL;
        u->dirty = 1;
    }
    return r == 0;
}

void ui_speech_update(Ui *u, const ScreenDef *screen)
{
    if (!u->speech)
        return;
    SpeakFrame f;
    for (int i = 0; i < SAY_SLOTS; i++)
        simbuf_init(&f.slot[i]);
    if (screen->speak)
        screen->speak(u, &f);
    int moved = u->said_screen != (int)u->screen;
    int changed[SAY_SLOTS], any = 0;
    for (int i = 0; i < SAY_SLOTS; i++) {
        changed[i] = moved || strcmp(simbuf_str(&f.slot[i]), simbuf_str(&u->said[i])) != 0;
        /* New content (a new step, another document): its focus is news again too. */
        if (i == SAY_FOCUS && (changed[SAY_SCREEN] || changed[SAY_CONTENT] || changed[SAY_OVERLAY]))
            changed[i] = 1;
        any |= changed[i] && f.slot[i].len > 0;
    }
    int notices = u->said_notice_gen != u->notice_gen && u->nnotices > 0 && u->screen == SCR_OFFICE;
    if (any || notices) {
        /* What was being said is old news, except right after the voice was turned on: its
         * «Озвучивание включено» is still waiting in the queue, and the screen follows it. */
        if (u->said_screen != -1)
            speech_cancel(u->speech);
        SpeakFrame nf; /* the notices, cleaned as any utterance */
        simbuf_init(&nf.slot[0]);
        for (int i = 0; notices && i < u->nnotices; i++)
            ui_say(&nf, 0, "%s", u->notices[i].text);
        say_lines(u, simbuf_str(&nf.slot[0]));
        simbuf_free(&nf.slot[0]);
        for (int i = 0; i < SAY_SLOTS; i++)
            if (changed[i])
                say_lines(u, simbuf_str(&f.slot[i]));
    }
    u->said_notice_gen = u->notice_gen;
    u->said_screen = (int)u->screen;
    for (int i = 0; i < SAY_SLOTS; i++) {
        simbuf_free(&u->said[i]);
        u->said[i] = f.slot[i]; /* kept: what was said */
    }
}

void ui_speech_close(Ui *u)
{
    speech_close(u->speech);
    u->speech = NULL;
    for (int i = 0; i < SAY_SLOTS; i++)
        simbuf_free(&u->said[i]);
}

/* The voice could not be turned on: why, and what to install, over any screen until the next
 * key or click. */
void ui_speech_banner(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W;
    float tw = W - 120 * s;
    float th = gfx_text_box(u->g, u->speech_msg, 0, 0, tw, l->px_label, GF_BOLD, u->theme.text, 0);
    GRect p = {40 * s, l->title_h + 8 * s, W - 80 * s, th + 24 * s};
    gfx_round(u->g, (GRect){p.x + 3 * s, p.y + 4 * s, p.w, p.h}, 10 * s, u->theme.shadow);
    gfx_round(u->g, p, 10 * s, u->theme.panel);
    gfx_round_outline(u->g, p, 10 * s, 3 * s, u->theme.warn);
    gfx_text_box(u->g, u->speech_msg, p.x + 20 * s, p.y + 12 * s, tw, l->px_label, GF_BOLD,
                 u->theme.text, 1);
}
