/*
 * theme.c — the two colour themes (default and high contrast) and the layout scale: the scene
 * scales with the window, text again with the trainee's text-size setting.
 * Depends on nothing but the types in ui_internal.h.
 */
#include "ui_internal.h"

void theme_init(Theme *t, int hc)
{
    if (!hc) {
        t->bg = gfx_rgb(0xF4F1EC);
        t->panel = gfx_rgb(0xFFFFFF);
        t->panel_edge = gfx_rgb(0xC9C2B6);
        t->text = gfx_rgb(0x1F2328);
        t->text_dim = gfx_rgb(0x545B63); /* 7:1 on white */
        t->accent = gfx_rgb(0x0B5CAD);   /* brand-like blue; 6.5:1 with white text */
        t->accent_text = gfx_rgb(0xFFFFFF);
        t->focus = gfx_rgb(0xE08A00);
        t->good = gfx_rgb(0x1B6E2E);
        t->bad = gfx_rgb(0xB3261E);
        t->warn = gfx_rgb(0x8A5300);
        t->wall_top = gfx_rgb(0xEFE8DC);
        t->wall_bottom = gfx_rgb(0xE3D9C9);
        t->floor = gfx_rgb(0xCBC2B3);
        t->desk = gfx_rgb(0xD9C7A8);
        t->desk_edge = gfx_rgb(0xB89D74);
        t->paper = gfx_rgb(0xFFFDF7);
        t->paper_edge = gfx_rgb(0xD8D2C4);
        t->ink = gfx_rgb(0x1B2A4A);
        t->glass = (GColor){200, 225, 240, 46};
        t->shadow = (GColor){0, 0, 0, 40};
        t->paper_good = t->good;
        t->paper_bad = t->bad;
    } else {
        t->bg = gfx_rgb(0x000000);
        t->panel = gfx_rgb(0x000000);
        t->panel_edge = gfx_rgb(0xFFFFFF);
        t->text = gfx_rgb(0xFFFFFF);
        t->text_dim = gfx_rgb(0xE6E6E6);
        t->accent = gfx_rgb(0xFFD400);
        t->accent_text = gfx_rgb(0x000000);
        t->focus = gfx_rgb(0x00E5FF);
        t->good = gfx_rgb(0x7CFC7C);
        t->bad = gfx_rgb(0xFF8080);
        t->warn = gfx_rgb(0xFFD400);
        t->wall_top = gfx_rgb(0x202020);
        t->wall_bottom = gfx_rgb(0x181818);
        t->floor = gfx_rgb(0x303030);
        t->desk = gfx_rgb(0x101010);
        t->desk_edge = gfx_rgb(0xFFFFFF);
        t->paper = gfx_rgb(0xFFFFFF);
        t->paper_edge = gfx_rgb(0xFFFFFF);
        t->ink = gfx_rgb(0x000000);
        t->glass = (GColor){255, 255, 255, 20};
        t->shadow = (GColor){0, 0, 0, 0};
        t->paper_good = gfx_rgb(0x0B640B); /* 7:1 on white; the panels' light green is 1.3:1 */
        t->paper_bad = gfx_rgb(0xA00000);  /* 8:1 on white, 6:1 on a flagged field's pink */
    }
}

void layout_compute(Layout *l, int W, int H, int text_pct)
{
    l->W = W;
    l->H = H;
    float sx = W / 1280.0f, sy = H / 720.0f;
    l->s = sx < sy ? sx : sy;
    l->ts = l->s * (text_pct > 0 ? text_pct : 100) / 100.0f;
    l->px_title = (int)(28 * l->ts + 0.5f);
    l->px_dialog = (int)(21 * l->ts + 0.5f);
    l->px_body = (int)(18 * l->ts + 0.5f);
    l->px_label = (int)(15 * l->ts + 0.5f);
    l->px_small = (int)(13 * l->ts + 0.5f);
    float k = l->ts / l->s; /* 1.0 … 2.0 */
    int cap = (int)(15 * l->s * 1.3f + 0.5f);
    l->px_hud = l->px_label < cap ? l->px_label : cap;
    l->hud_h = l->px_hud * 1.25f + 16 * l->s;
    l->title_h = l->px_title * 1.3f + l->px_label * 1.5f + 36 * l->s;
    l->counter_y = H * (0.575f - 0.11f * (k - 1.0f));
}
