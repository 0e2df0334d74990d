/*
 * screen_pin.c — the manager's PIN before the manager area: set on first entry (twice), then
 * asked each time the area is opened. A PIN is 4–8 digits or a passphrase (sec_pin_valid).
 * Wrong tries in a row delay the next one (1, 2, 4 … 512 s); the count survives restarts and is
 * sealed in the database (attempt.c), so editing the settings table does not reset it. Typed
 * or clicked: the on-screen keypad, «Войти»/«Сохранить» and «Отмена» work with the mouse alone.
 */
#include "ui_app.h"

#include "../core/i18n.h"
#include "../crypto/crypto.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The delay after tampering with the count: as after this many wrong tries. */
#define PIN_TAMPERED_TRIES 5

typedef struct PinState {
    char pin[2][SEC_PIN_MAX + 1]; /* two fields when setting it */
    int field;                    /* the field typed into */
    int focus; /* the fields (0, and 1 when setting), then «Войти», «Отмена», the keypad */
    int pad_key; /* the keypad's key under the keyboard's focus: 0…11 as drawn (9 is empty) */
    int setting; /* no PIN yet: set one */
    int fails;
    Uint32 until; /* no try before this tick */
    char msg[300];
} PinState;

enum { HIT_PIN_FIELD = HIT_SCREEN, HIT_PIN_PAD, HIT_PIN_ERASE, HIT_PIN_OK, HIT_PIN_CANCEL };

static PinState *S(Ui *u)
{
    return ui_state(u, SCR_PIN);
}

static int delay_for(int fails)
{
    return fails <= 0 ? 0 : 1 << (fails > 10 ? 9 : fails - 1);
}

void ui_manager_open(Ui *u)
{
    if (u->pin_ok || !u->cfg->store)
        ui_go(u, SCR_MANAGER);
    else
        ui_go(u, SCR_PIN);
}

static void pin_enter(Ui *u, Screen from)
{
    PinState *st = S(u);
    if (from == SCR_BOOK)
        return;
    char *stored = ui_pin_hash_load(u);
    st->setting = stored == NULL;
    free(stored);
    memset(st->pin, 0, sizeof st->pin);
    st->field = st->focus = 0;
    st->pad_key = 0;
    st->msg[0] = '\0';
    int tampered = 0;
    st->fails = st->setting ? 0 : ui_pin_tries_load(u, &tampered);
    if (tampered && st->fails < PIN_TAMPERED_TRIES) {
        st->fails = PIN_TAMPERED_TRIES;
        ui_pin_tries_save(u, st->fails);
        snprintf(st->msg, sizeof st->msg, tr(STR_PIN_TAMPERED), delay_for(st->fails));
    }
    if (st->fails > 0 && st->until == 0) /* after a restart: the delay starts again */
        st->until = SDL_GetTicks() + 1000u * (Uint32)delay_for(st->fails);
}

static int wait_seconds(PinState *st)
{
    Uint32 now = SDL_GetTicks();
    return st->until > now ? (int)((st->until - now + 999) / 1000) : 0;
}

int ui_pin_waiting(Ui *u)
{
    return u->screen == SCR_PIN && wait_seconds(S(u)) > 0;
}

static void leave(Ui *u)
{
    memset(S(u)->pin, 0, sizeof S(u)->pin);
    ui_go(u, SCR_START);
}

static void pin_submit(Ui *u)
{
    PinState *st = S(u);
    SimError e;
    if (st->setting) {
        if (!sec_pin_valid(st->pin[0])) {
            snprintf(st->msg, sizeof st->msg, "%s", tr(STR_PIN_INVALID));
        } else if (strcmp(st->pin[0], st->pin[1]) != 0) {
            snprintf(st->msg, sizeof st->msg, "%s", tr(STR_PIN_MISMATCH));
            memset(st->pin[1], 0, sizeof st->pin[1]);
            st->field = st->focus = 1;
            return;
        } else {
            char hash[SEC_PIN_HASH_MAX];
            if (sec_pin_hash(st->pin[0], hash, &e) != SIM_OK ||
                ui_pin_hash_save(u, hash, &e) != SIM_OK) {
                snprintf(st->msg, sizeof st->msg, tr(STR_PIN_SAVE_FAILED), e.msg);
            } else {
                memset(st->pin, 0, sizeof st->pin);
                u->pin_ok = 1;
                ui_go(u, SCR_MANAGER);
                return;
            }
        }
        memset(st->pin, 0, sizeof st->pin);
        st->field = st->focus = 0;
        return;
    }
    int wait = wait_seconds(st);
    if (wait > 0) {
        snprintf(st->msg, sizeof st->msg, tr(STR_PIN_WAIT), wait);
        memset(st->pin, 0, sizeof st->pin);
        return;
    }
    char *stored = ui_pin_hash_load(u);
    int ok = sec_pin_check(stored, st->pin[0]);
    free(stored);
    memset(st->pin, 0, sizeof st->pin);
    st->field = st->focus = 0;
    if (ok) {
        st->fails = 0;
        st->until = 0;
        ui_pin_tries_save(u, 0);
        u->pin_ok = 1;
        ui_go(u, SCR_MANAGER);
        return;
    }
    /* 1, 2, 4, 8 … seconds (at most 512) before the next try; the window stays responsive. */
    st->fails++;
    st->until = SDL_GetTicks() + 1000u * (Uint32)delay_for(st->fails);
    ui_pin_tries_save(u, st->fails);
    snprintf(st->msg, sizeof st->msg, tr(STR_PIN_WRONG), delay_for(st->fails));
}

/* Adds text (digits from keys or the keypad, other characters from text input). */
static void append(PinState *st, const char *text)
{
    char *f = st->pin[st->field];
    size_t n = strlen(f), add = strlen(text);
    if (n + add <= SEC_PIN_MAX)
        memcpy(f + n, text, add + 1);
}

static void erase(PinState *st)
{
    char *f = st->pin[st->field];
    size_t n = strlen(f);
    while (n > 0 && ((unsigned char)f[n - 1] & 0xC0) == 0x80)
        n--; /* a whole UTF-8 character */
    if (n > 0)
        n--;
    f[n] = '\0';
}

static int nfields(const PinState *st)
{
    return st->setting ? 2 : 1;
}

/* A key of the on-screen keypad: 0…8 the digits 1–9, 10 the digit 0, 11 «⌫». */
static void press_pad(PinState *st, int key)
{
    if (key == 11) {
        erase(st);
    } else if (key >= 0 && key <= 10 && key != 9) {
        char d[2] = {(char)('0' + (key == 10 ? 0 : key + 1)), '\0'};
        append(st, d);
    }
}

static void activate(Ui *u)
{
    PinState *st = S(u);
    if (st->focus == nfields(st) + 2)
        press_pad(st, st->pad_key);
    else if (st->focus == nfields(st) + 1)
        leave(u);
    else if (st->setting && st->focus == 0 && st->pin[1][0] == '\0')
        st->field = st->focus = 1;
    else
        pin_submit(u);
}

static void pin_key(Ui *u, SDL_Keycode k)
{
    PinState *st = S(u);
    int digit = k >= SDLK_0 && k <= SDLK_9         ? (int)(k - SDLK_0)
                : k >= SDLK_KP_1 && k <= SDLK_KP_9 ? (int)(k - SDLK_KP_1) + 1
                : k == SDLK_KP_0                   ? 0
                                                   : -1;
    if (digit >= 0) {
        /* Digits come as keys (text input skips them, so none is typed twice). */
        char d[2] = {(char)('0' + digit), '\0'};
        append(st, d);
    } else if (k == SDLK_BACKSPACE) {
        erase(st);
    } else if (st->focus == nfields(st) + 2 &&
               (k == SDLK_LEFT || k == SDLK_RIGHT || k == SDLK_UP || k == SDLK_DOWN)) {
        /* Within the keypad: a 3×4 grid; the empty place left of 0 is stepped over. */
        int c = st->pad_key % 3, r = st->pad_key / 3;
        c += k == SDLK_LEFT ? -1 : k == SDLK_RIGHT ? 1 : 0;
        r += k == SDLK_UP ? -1 : k == SDLK_DOWN ? 1 : 0;
        if (c < 0 || c > 2 || r < 0 || r > 3)
            ; /* the edge: stays */
        else if (r * 3 + c != 9)
            st->pad_key = r * 3 + c;
        else if (k == SDLK_DOWN)
            st->pad_key = 10; /* down from 7 lands on 0 (left of 0 there is nothing) */
    } else if (k == SDLK_TAB || k == SDLK_DOWN || k == SDLK_UP) {
        /* The fields, then «Войти», «Отмена» and the keypad (Shift+Tab and ↑: the other way). */
        int n = nfields(st) + 3;
        int back = k == SDLK_UP || (k == SDLK_TAB && (SDL_GetModState() & KMOD_SHIFT));
        st->focus = (st->focus + (back ? n - 1 : 1)) % n;
        /* Tab from the first field of a new PIN goes to the second, as before. */
        if (st->focus < nfields(st))
            st->field = st->focus;
    } else if (k == SDLK_LEFT || k == SDLK_RIGHT) {
        /* «Войти» and «Отмена» */
        if (st->focus == nfields(st) || st->focus == nfields(st) + 1)
            st->focus = st->focus == nfields(st) ? nfields(st) + 1 : nfields(st);
    } else if (k == SDLK_RETURN || k == SDLK_KP_ENTER ||
               (k == SDLK_SPACE && st->focus >= nfields(st))) {
        activate(u);
    } else if (k == SDLK_ESCAPE) {
        leave(u);
    }
    u->dirty = 1;
}

static void pin_text(Ui *u, const char *text)
{
    if (text[0] >= '0' && text[0] <= '9' && !text[1])
        return; /* a digit key: already typed by pin_key */
    if (S(u)->focus >= nfields(S(u)) && strcmp(text, " ") == 0)
        return; /* on a button: Space pressed it, it types nothing */
    append(S(u), text);
    u->dirty = 1;
}

static void pin_draw(Ui *u)
{
    PinState *st = S(u);
    const Layout *l = &u->l;
    float s = l->s;
    ui_title(u, tr(st->setting ? STR_PIN_SET_TITLE : STR_PIN_ENTER_TITLE), NULL);
    float hint_h = l->hint_h;
    float btn_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    float top = l->title_h + 16 * s;
    GRect p = {l->W * 0.1f, top, l->W * 0.8f, 0};
    float x = p.x + 28 * s, y = p.y + 20 * s;
    /* Left: the fields and the buttons; right: the keypad. Measured first: the panel is as
     * tall as the taller of the two, never taller than the window. */
    float keyw = btn_h * 1.5f, padw = 3 * keyw + 2 * 10 * s;
    float fw = p.w - 56 * s - padw - 30 * s;
    float label_h = gfx_line_height(u->g, l->px_label, GF_REGULAR);
    float box_h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    float left_h = (st->setting ? gfx_text_box(u->g, tr(STR_PIN_SET_HINT), 0, 0, fw, l->px_label,
                                               GF_REGULAR, u->theme.text_dim, 0) +
                                      10 * s
                                : 0) +
                   nfields(st) * (label_h + 4 * s + box_h + 14 * s) + btn_h + 16 * s + 3 * label_h;
    float pad_h = 4 * (btn_h + 10 * s);
    p.h = fminf(fmaxf(left_h, pad_h) + 40 * s, l->H - top - hint_h - 16 * s);
    ui_panel(u, p);
    if (st->setting)
        y += gfx_text_box(u->g, tr(STR_PIN_SET_HINT), x, y, fw, l->px_label, GF_REGULAR,
                          u->theme.text_dim, 1) +
             10 * s;
    for (int i = 0; i < nfields(st); i++) {
        gfx_text(u->g, tr(i ? STR_PIN_SECOND : STR_PIN_FIRST), x, y, l->px_label, GF_REGULAR,
                 u->theme.text);
        y += label_h + 4 * s;
        GRect box = {x, y, fw, box_h};
        gfx_round(u->g, box, 6 * s, u->theme.bg);
        gfx_round_outline(u->g, box, 6 * s, (st->focus == i ? 3.0f : 1.2f) * s,
                          st->focus == i ? u->theme.focus : u->theme.panel_edge);
        char dots[3 * (SEC_PIN_MAX + 1) + 8] = "";
        size_t n = 0;
        for (const char *c = st->pin[i]; *c; c++)
            if (((unsigned char)*c & 0xC0) != 0x80 && n + 4 < sizeof dots)
                n += (size_t)snprintf(dots + n, sizeof dots - n, "•");
        gfx_clip(u->g, &box);
        gfx_text(u->g, dots, box.x + 12 * s, box.y + 8 * s, l->px_body, GF_BOLD, u->theme.text);
        gfx_clip(u->g, NULL);
        ui_hit(u, box, HIT_PIN_FIELD, i);
        y += box.h + 14 * s;
    }
    GRect b = ui_button(u, x, y, tr(st->setting ? STR_PIN_SAVE : STR_PIN_ENTER), 1,
                        st->focus == nfields(st), HIT_PIN_OK, 0);
    ui_button(u, b.x + b.w + 14 * s, y, tr(STR_UI_CANCEL), 0, st->focus == nfields(st) + 1,
              HIT_PIN_CANCEL, 0);
    y += b.h + 16 * s;
    int wait = st->setting ? 0 : wait_seconds(st);
    char msg[300];
    if (wait > 0 && !strstr(st->msg, "PIN"))
        snprintf(msg, sizeof msg, tr(STR_PIN_WAIT), wait);
    else
        snprintf(msg, sizeof msg, "%s", st->msg);
    if (msg[0])
        gfx_text_box(u->g, msg, x, y, fw, l->px_label, GF_BOLD, u->theme.bad, 1);
    /* The keypad. */
    float kx = p.x + p.w - 28 * s - padw, ky = p.y + 20 * s;
    const char *keys[12] = {"1", "2", "3", "4", "5", "6",
                            "7", "8", "9", "",  "0", tr(STR_PIN_ERASE)};
    for (int i = 0; i < 12; i++) {
        if (!keys[i][0])
            continue;
        GRect r = {kx + (i % 3) * (keyw + 10 * s), ky + (i / 3) * (btn_h + 10 * s), keyw, btn_h};
        gfx_round(u->g, r, 8 * s, u->theme.bg);
        gfx_round_outline(u->g, r, 8 * s, (ui_hovered(u, r) ? 2.5f : 1.2f) * s,
                          ui_hovered(u, r) ? u->theme.accent : u->theme.panel_edge);
        if (st->focus == nfields(st) + 2 && st->pad_key == i)
            gfx_round_outline(u->g, (GRect){r.x - 4 * s, r.y - 4 * s, r.w + 8 * s, r.h + 8 * s},
                              10 * s, 3 * s, u->theme.focus);
        float tw = ui_text_w(u, keys[i], l->px_body, GF_BOLD);
        gfx_text(u->g, keys[i], r.x + (r.w - tw) / 2, r.y + 8 * s, l->px_body, GF_BOLD,
                 u->theme.text);
        ui_hit(u, r, i == 11 ? HIT_PIN_ERASE : HIT_PIN_PAD, i == 10 ? 0 : i + 1);
    }
    ui_hint(u, tr(STR_PIN_HINT));
}

static int pin_click(Ui *u, const Hit *h)
{
    PinState *st = S(u);
    if (!h)
        return 0;
    switch (h->kind) {
    case HIT_PIN_FIELD:
        st->field = st->focus = h->arg;
        break;
    case HIT_PIN_PAD:
        press_pad(st, h->arg == 0 ? 10 : h->arg - 1);
        break;
    case HIT_PIN_ERASE:
        press_pad(st, 11);
        break;
    case HIT_PIN_OK:
        st->focus = nfields(st);
        activate(u);
        break;
    case HIT_PIN_CANCEL:
        leave(u);
        break;
    default:
        return 0;
    }
    return 1;
}

static const char *pin_expect(Ui *u)
{
    return S(u)->msg;
}

/* The title, what to do, what went wrong (a wrong PIN, the delay), and the focus: a field by
 * how many characters it holds (never the PIN itself), or a button. */
static void pin_speak(Ui *u, SpeakFrame *f)
{
    PinState *st = S(u);
    ui_say(f, SAY_SCREEN, "%s", tr(st->setting ? STR_PIN_SET_TITLE : STR_PIN_ENTER_TITLE));
    if (st->setting)
        ui_say(f, SAY_CONTENT, "%s", tr(STR_PIN_SET_HINT));
    if (st->msg[0])
        ui_say(f, SAY_OVERLAY, "%s", st->msg);
    if (st->focus < nfields(st)) {
        int chars = 0;
        for (const char *c = st->pin[st->focus]; *c; c++)
            chars += ((unsigned char)*c & 0xC0) != 0x80;
        ui_say(f, SAY_FOCUS, tr(STR_SAY_SECRET_FIELD),
               tr(st->focus ? STR_PIN_SECOND : STR_PIN_FIRST), chars);
    } else if (st->focus == nfields(st) + 2) {
        char digit[2] = {(char)('0' + (st->pad_key == 10 ? 0 : st->pad_key + 1)), '\0'};
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON), st->pad_key == 11 ? tr(STR_PIN_ERASE_SAY) : digit);
    } else {
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON),
               st->focus == nfields(st) ? tr(st->setting ? STR_PIN_SAVE : STR_PIN_ENTER)
                                        : tr(STR_UI_CANCEL));
    }
}

const ScreenDef screen_pin = {
    .name = "pin",
    .state_size = sizeof(PinState),
    .enter = pin_enter,
    .draw = pin_draw,
    .key = pin_key,
    .click = pin_click,
    .text = pin_text,
    .expect_text = pin_expect,
    .speak = pin_speak,
};
