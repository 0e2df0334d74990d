/*
 * widgets.c — the furniture every screen uses: buttons, panels, the title and hint bars, the
 * dimmed backdrop of a dialog, mouse regions and the banner of refused database writes.
 * Depends on gfx.h (SDL) and the theme and layout in Ui.
 */
#include "ui_app.h"

#include "../core/i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

void ui_hit(Ui *u, GRect r, int k, int arg)
{
    if (u->nhits < MAX_HITS)
        u->hits[u->nhits++] = (Hit){r, k, arg};
}

int ui_hovered(const Ui *u, GRect r)
{
    return u->mouse_x >= r.x && u->mouse_x < r.x + r.w && u->mouse_y >= r.y &&
           u->mouse_y < r.y + r.h;
}

float ui_text_w(Ui *u, const char *s, int px, GFont f)
{
    int w, h;
    gfx_text_size(u->g, s, px, f, &w, &h);
    return (float)w;
}

/* A button: rounded, accent when primary or focused; returns its rect. */
GRect ui_button(Ui *u, float x, float y, const char *label, int primary, int focused, int k,
                int arg)
{
    const Layout *l = &u->l;
    float pad = 18 * l->s;
    float w = ui_text_w(u, label, l->px_body, GF_BOLD) + 2 * pad;
    float h = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * l->s;
    GRect r = {x, y, w, h};
    int hov = ui_hovered(u, r);
    GColor bg = primary ? u->theme.accent : u->theme.panel;
    GColor fg = primary ? u->theme.accent_text : u->theme.text;
    gfx_round(u->g, (GRect){x + 2 * l->s, y + 3 * l->s, w, h}, 8 * l->s, u->theme.shadow);
    gfx_round(u->g, r, 8 * l->s, bg);
    gfx_round_outline(u->g, r, 8 * l->s, (hov ? 2.5f : 1.5f) * l->s,
                      primary ? u->theme.accent : u->theme.panel_edge);
    gfx_text(u->g, label, x + pad, y + 8 * l->s, l->px_body, GF_BOLD, fg);
    if (focused)
        gfx_round_outline(u->g, (GRect){x - 4 * l->s, y - 4 * l->s, w + 8 * l->s, h + 8 * l->s},
                          10 * l->s, 3 * l->s, u->theme.focus);
    ui_hit(u, r, k, arg);
    return r;
}

void ui_panel(Ui *u, GRect r)
{
    float s = u->l.s;
    gfx_round(u->g, (GRect){r.x + 3 * s, r.y + 4 * s, r.w, r.h}, 10 * s, u->theme.shadow);
    gfx_round(u->g, r, 10 * s, u->theme.panel);
    gfx_round_outline(u->g, r, 10 * s, 1.5f * s, u->theme.panel_edge);
}

void ui_dim(Ui *u)
{
    gfx_layer_mark(u->g); /* what is under a dialog is covered: the layout check starts anew */
    gfx_fill(u->g, (GRect){0, 0, (float)u->l.W, (float)u->l.H}, (GColor){0, 0, 0, 150});
}

float ui_hint_height(Gfx *g, const Layout *l)
{
    /* Large text: the hints take two lines rather than run off the window. */
    int lines = l->ts / l->s > 1.3f ? 2 : 1;
    return (float)(lines * gfx_line_height(g, l->px_small, GF_REGULAR)) + 10 * l->s;
}

void ui_hint_bar(Gfx *g, const Layout *l, int high_contrast, const char *text)
{
    float h = l->hint_h > 0 ? l->hint_h : ui_hint_height(g, l);
    GRect bar = {0, l->H - h, (float)l->W, h};
    gfx_fill(g, bar, high_contrast ? (GColor){0, 0, 0, 255} : (GColor){58, 62, 70, 255});
    gfx_clip(g, &bar); /* a third line, if ever, is cut rather than drawn over the screen */
    gfx_text_box(g, text, 14 * l->s, l->H - h + 5 * l->s, l->W - 28 * l->s, l->px_small, GF_REGULAR,
                 (GColor){255, 255, 255, 255}, 1);
    gfx_clip(g, NULL);
}

void ui_hint(Ui *u, const char *text)
{
    ui_hint_bar(u->g, &u->l, u->high_contrast, text);
}

void ui_title_bar(Gfx *g, Layout *l, const Theme *t, int high_contrast, const char *title,
                  const char *sub)
{
    ui_title_bar_reserving(g, l, t, high_contrast, title, sub, 0, 0);
}

void ui_title_bar_reserving(Gfx *g, Layout *l, const Theme *t, int high_contrast, const char *title,
                            const char *sub, float right_w, float below_h)
{
    float s = l->s, tw = l->W - 80 * s - right_w;
    /* A long title (or large text) wraps: the bar grows, and the screen below follows
     * l->title_h. */
    float th = gfx_text_box(g, title, 0, 0, tw, l->px_title, GF_BOLD, t->accent_text, 0);
    float sh = sub ? gfx_text_box(g, sub, 0, 0, tw, l->px_label, GF_REGULAR, t->accent_text, 0) : 0;
    float need = 18 * s + th + 4 * s + sh + 18 * s + below_h;
    if (need > l->title_h)
        l->title_h = need;
    gfx_gradient(g, (GRect){0, 0, (float)l->W, l->title_h}, t->accent,
                 high_contrast ? t->accent : (GColor){9, 74, 140, 255});
    gfx_panel_mark(g, (GRect){0, 0, (float)l->W, l->title_h});
    gfx_text_box(g, title, 40 * s, 18 * s, tw, l->px_title, GF_BOLD, t->accent_text, 1);
    if (sub)
        gfx_text_box(g, sub, 40 * s, 18 * s + th + 4 * s, tw, l->px_label, GF_REGULAR,
                     t->accent_text, 1);
}

void ui_title(Ui *u, const char *title, const char *sub)
{
    ui_title_bar(u->g, &u->l, &u->theme, u->high_contrast, title, sub);
}

float ui_title_button_w(Ui *u, const char *label)
{
    return ui_text_w(u, label, u->l.px_body, GF_BOLD) + 36 * u->l.s;
}

void ui_title_back(Ui *u, const char *title, const char *sub, int focused, int kind)
{
    const Layout *l = &u->l;
    float s = l->s;
    const char *label = tr(STR_UI_BACK_ESC);
    float w = ui_title_button_w(u, label);
    ui_title_bar_reserving(u->g, &u->l, &u->theme, u->high_contrast, title, sub, w + 20 * s, 0);
    float bh = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    ui_button(u, l->W - 40 * s - w, (l->title_h - bh) / 2, label, 0, focused, kind, 0);
}

/* The results database refuses writes: what happened, that nothing is lost, and a button to
 * try again (each next action tries again by itself). Drawn over any screen. */
void ui_store_banner(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W;
    char text[SIM_ERROR_MAX + 64];
    snprintf(text, sizeof text, "%s (%s)", u->store_msg, tr(STR_STORE_RETRY_HINT));
    float bw = ui_text_w(u, tr(STR_STORE_RETRY), l->px_body, GF_BOLD) + 36 * s;
    float tw = W - 80 * s - bw - 40 * s;
    float th = gfx_text_box(u->g, text, 0, 0, tw, l->px_label, GF_REGULAR, u->theme.text, 0);
    float bh = gfx_line_height(u->g, l->px_body, GF_BOLD) + 16 * s;
    GRect p = {40 * s, l->title_h + 8 * s, W - 80 * s, fmaxf(th, bh) + 24 * s};
    gfx_round(u->g, (GRect){p.x + 3 * s, p.y + 4 * s, p.w, p.h}, 10 * s, u->theme.shadow);
    gfx_round(u->g, p, 10 * s, u->theme.panel);
    gfx_round_outline(u->g, p, 10 * s, 3 * s, u->theme.bad);
    gfx_text_box(u->g, text, p.x + 20 * s, p.y + 12 * s, tw, l->px_label, GF_REGULAR, u->theme.text,
                 1);
    ui_button(u, p.x + p.w - bw - 16 * s, p.y + (p.h - bh) / 2, tr(STR_STORE_RETRY), 1, 0,
              HIT_STORE_RETRY, 0);
}

/* The database refused the current attempt for good: one line over any screen but the
 * debrief (which says it in its own card). */
void ui_store_lost_banner(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s, W = (float)l->W;
    char text[SIM_ERROR_MAX + 400];
    snprintf(text, sizeof text, tr(STR_STORE_LOST_BANNER), u->store_lost);
    float tw = W - 120 * s;
    float th = gfx_text_box(u->g, text, 0, 0, tw, l->px_label, GF_BOLD, u->theme.bad, 0);
    GRect p = {40 * s, l->title_h + 8 * s, W - 80 * s, th + 24 * s};
    gfx_round(u->g, (GRect){p.x + 3 * s, p.y + 4 * s, p.w, p.h}, 10 * s, u->theme.shadow);
    gfx_round(u->g, p, 10 * s, u->theme.panel);
    gfx_round_outline(u->g, p, 10 * s, 3 * s, u->theme.bad);
    gfx_text_box(u->g, text, p.x + 20 * s, p.y + 12 * s, tw, l->px_label, GF_BOLD, u->theme.bad, 1);
}

void ui_fmt_decimal(char *out, size_t n, double v, int digits)
{
    snprintf(out, n, "%.*f", digits, v);
    char *dot = strchr(out, '.');
    if (dot)
        *dot = ','; /* Russian typography */
}

/* Days since 1970-01-01 of a civil date (proleptic Gregorian; Howard Hinnant's algorithm):
 * UTC without timegm(), which is not POSIX. */
static long long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

void ui_local_time(const char *iso, char *out, size_t n)
{
    int y, mo, d, h, mi, sec = 0;
    if (!iso || sscanf(iso, "%d-%d-%dT%d:%d:%d", &y, &mo, &d, &h, &mi, &sec) < 5) {
        snprintf(out, n, "—");
        return;
    }
    time_t t = (time_t)(days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + sec);
    struct tm tm;
    if (!localtime_r(&t, &tm) || !strftime(out, n, "%d.%m.%Y %H:%M", &tm))
        snprintf(out, n, "%.16s", iso);
}

void ui_copy_text(char *out, size_t n, const char *text)
{
    size_t len = strlen(text);
    if (len < n) {
        memcpy(out, text, len + 1);
        return;
    }
    /* Cut on a character boundary and say that something was cut. */
    size_t k = n > 4 ? n - 4 : 0;
    while (k > 0 && ((unsigned char)text[k] & 0xC0) == 0x80)
        k--;
    memcpy(out, text, k);
    snprintf(out + k, n - k, "%s", k + 4 <= n ? "…" : "");
}

/* The background sync's state in the bottom-left corner of the start screen, the catalogue
 * and the debrief: where results went, or that they wait on this PC. */
void ui_sync_line(Ui *u)
{
    const Layout *l = &u->l;
    float s = l->s;
    float tw = fminf(ui_text_w(u, u->sync_line, l->px_label, GF_REGULAR), (float)l->W * 0.6f);
    float th =
        gfx_text_box(u->g, u->sync_line, 0, 0, tw + 2, l->px_label, GF_REGULAR, u->theme.text, 0);
    /* Above the hint bar, which every one of these screens draws at the bottom. */
    GRect p = {12 * s, (float)l->H - l->hint_h - th - 20 * s, tw + 24 * s, th + 12 * s};
    gfx_round(u->g, p, 8 * s, u->theme.panel);
    gfx_round_outline(u->g, p, 8 * s, 1.5f * s, u->theme.panel_edge);
    gfx_text_box(u->g, u->sync_line, p.x + 12 * s, p.y + 6 * s, tw + 2, l->px_label, GF_REGULAR,
                 u->theme.text, 1);
}
