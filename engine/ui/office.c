/*
 * office.c — the office scene drawn in code: the hall behind the glass (wall, street window,
 * queue board, wall clock, waiting visitors, a plant), the applicant, the counter with the
 * window number, and the desk. Flat shapes with a soft shadow; everything scales with the
 * window. Also the mood icon shared by the screens.
 */
#include "ui_internal.h"

#include "../core/i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* ==== mood ================================================================================ */

const char *office_mood_word(int mood, char sex)
{
    int f = sex != 'm';
    if (mood >= 70)
        return tr(f ? STR_MOOD_PLEASED_F : STR_MOOD_PLEASED_M);
    if (mood >= 45)
        return tr(f ? STR_MOOD_CALM_F : STR_MOOD_CALM_M);
    if (mood >= 25)
        return tr(f ? STR_MOOD_WORRIED_F : STR_MOOD_WORRIED_M);
    if (mood >= 10)
        return tr(f ? STR_MOOD_IRRITATED_F : STR_MOOD_IRRITATED_M);
    return tr(f ? STR_MOOD_ANGRY_F : STR_MOOD_ANGRY_M);
}

/* Face features for a mood: mouth curve (+ smile, − frown) and brow tilt. */
static void mood_face(int mood, float *mouth, float *brow)
{
    if (mood >= 70) {
        *mouth = 1.0f;
        *brow = 0.0f;
    } else if (mood >= 45) {
        *mouth = 0.25f;
        *brow = 0.0f;
    } else if (mood >= 25) {
        *mouth = -0.35f;
        *brow = -0.6f; /* worried: inner ends up */
    } else if (mood >= 10) {
        *mouth = -0.7f;
        *brow = 0.7f; /* irritated: inner ends down */
    } else {
        *mouth = -1.0f;
        *brow = 1.0f;
    }
}

static void draw_mouth(Gfx *g, float cx, float cy, float w, float curve, float th, GColor c)
{
    /* A smile is the lower half of an ellipse; a frown the upper half, drawn lower. */
    float ry = fabsf(curve) * w * 0.35f + 0.5f;
    if (curve >= 0)
        gfx_arc(g, cx, cy - ry * 0.6f, w / 2, ry, 0.25f, (float)M_PI - 0.25f, th, c);
    else
        gfx_arc(g, cx, cy + ry * 0.8f, w / 2, ry, (float)M_PI + 0.25f, 2 * (float)M_PI - 0.25f, th,
                c);
}

void office_mood_icon(Gfx *g, float cx, float cy, float r, int mood, const Theme *t)
{
    float mouth, brow;
    mood_face(mood, &mouth, &brow);
    GColor face =
        mood >= 45 ? gfx_rgb(0xF6C453) : (mood >= 25 ? gfx_rgb(0xF3A95B) : gfx_rgb(0xE7735C));
    gfx_circle(g, cx, cy, r, face);
    gfx_ring(g, cx, cy, r, r * 0.12f, gfx_rgb(0x3A3A3A));
    GColor ink = gfx_rgb(0x2A2A2A);
    gfx_circle(g, cx - r * 0.35f, cy - r * 0.15f, r * 0.11f, ink);
    gfx_circle(g, cx + r * 0.35f, cy - r * 0.15f, r * 0.11f, ink);
    if (brow != 0) {
        gfx_line(g, cx - r * 0.55f, cy - r * 0.42f - brow * r * 0.08f, cx - r * 0.15f,
                 cy - r * 0.42f + brow * r * 0.12f, r * 0.1f, ink);
        gfx_line(g, cx + r * 0.15f, cy - r * 0.42f + brow * r * 0.12f, cx + r * 0.55f,
                 cy - r * 0.42f - brow * r * 0.08f, r * 0.1f, ink);
    }
    draw_mouth(g, cx, cy + r * 0.38f, r * 0.9f, mouth, r * 0.11f, ink);
}

/* ==== the hall ============================================================================= */

static void draw_visitor(Gfx *g, float x, float y, float u, int i)
{
    static const unsigned coats[] = {0x5C6B7A, 0x8C4A3B, 0x3E5E4C, 0x6B5B8C, 0x7A6A4F, 0x4A6A8C};
    static const unsigned hair[] = {0x3B2A20, 0x9A9A9A, 0x1E1E1E, 0x6B4A2A, 0xC8A26B, 0x4A3A30};
    GColor coat = gfx_rgb(coats[i % 6]);
    gfx_round(g, (GRect){x - 0.55f * u, y - 1.2f * u, 1.1f * u, 1.3f * u}, 0.35f * u, coat);
    gfx_circle(g, x, y - 1.55f * u, 0.38f * u, gfx_rgb(0xE8B894));
    gfx_arc(g, x, y - 1.6f * u, 0.38f * u, 0.34f * u, (float)M_PI, 2 * (float)M_PI, 0.2f * u,
            gfx_rgb(hair[i % 6]));
}

static void draw_hall(Gfx *g, const OfficeView *v, float top, float floor_y, float bottom)
{
    const Layout *l = v->l;
    const Theme *t = v->t;
    float W = (float)l->W, s = l->s;
    gfx_gradient(g, (GRect){0, top, W, floor_y - top}, t->wall_top, t->wall_bottom);
    gfx_gradient(g, (GRect){0, floor_y, W, bottom - floor_y}, t->floor, gfx_shade(t->floor, 0.92f));
    gfx_fill(g, (GRect){0, floor_y - 4 * s, W, 4 * s}, gfx_shade(t->wall_bottom, 0.85f));

    /* A window to the street, top left. */
    GRect win = {0.035f * W, top + 26 * s, 0.15f * W, 150 * s};
    gfx_fill(g, (GRect){win.x + 3 * s, win.y + 4 * s, win.w, win.h}, t->shadow);
    gfx_gradient(g, win, gfx_rgb(0x9CCBEA), gfx_rgb(0xD9EEF8));
    gfx_circle(g, win.x + win.w * 0.3f, win.y + win.h * 0.75f, 30 * s, gfx_rgb(0x7BAF6B));
    gfx_circle(g, win.x + win.w * 0.45f, win.y + win.h * 0.62f, 26 * s, gfx_rgb(0x8CC07A));
    gfx_fill(g, (GRect){win.x + win.w * 0.36f, win.y + win.h * 0.75f, 6 * s, win.h * 0.25f},
             gfx_rgb(0x7A5A3A));
    gfx_round_outline(g, win, 3 * s, 6 * s, gfx_rgb(0xFAFAFA));
    gfx_fill(g, (GRect){win.x + win.w / 2 - 2 * s, win.y, 4 * s, win.h}, gfx_rgb(0xFAFAFA));

    /* The brand sign. */
    GRect sign = {0.675f * W, top + 18 * s, 0.2f * W, 34 * s};
    gfx_round(g, sign, 6 * s, t->accent);
    int tw, th, art = (int)(18 * s + 0.5f);
    gfx_text_size(g, tr(STR_ART_BRAND), art, GF_BOLD, &tw, &th);
    gfx_text(g, tr(STR_ART_BRAND), sign.x + (sign.w - tw) / 2, sign.y + (sign.h - th) / 2, art,
             GF_BOLD, t->accent_text);

    /* The electronic queue board. */
    GRect board = {0.675f * W, top + 62 * s, 0.2f * W, 72 * s};
    gfx_fill(g, (GRect){board.x + 3 * s, board.y + 4 * s, board.w, board.h}, t->shadow);
    gfx_round(g, board, 6 * s, gfx_rgb(0x1D2430));
    gfx_text(g, tr(STR_ART_QUEUE), board.x + 12 * s, board.y + 6 * s, (int)(13 * s + 0.5f),
             GF_REGULAR, gfx_rgb(0xB8C4D4));
    char line[64];
    snprintf(line, sizeof line, tr(STR_ART_BOARD), v->ticket ? v->ticket : tr(STR_ART_TICKET),
             v->window_no);
    gfx_text(g, line, board.x + 12 * s, board.y + 28 * s, (int)(26 * s + 0.5f), GF_BOLD,
             gfx_rgb(0x6CF08A));

    /* The wall clock with the simulated time. */
    float cr = 42 * s, cx = 0.935f * W, cy = top + 74 * s;
    gfx_circle(g, cx + 2 * s, cy + 3 * s, cr, t->shadow);
    gfx_circle(g, cx, cy, cr, gfx_rgb(0xFDFDFB));
    gfx_ring(g, cx, cy, cr, 5 * s, gfx_rgb(0x3B4048));
    for (int i = 0; i < 12; i++) {
        float a = (float)(i * M_PI / 6);
        gfx_line(g, cx + cosf(a) * cr * 0.78f, cy + sinf(a) * cr * 0.78f, cx + cosf(a) * cr * 0.9f,
                 cy + sinf(a) * cr * 0.9f, (i % 3 ? 1.5f : 3.0f) * s, gfx_rgb(0x3B4048));
    }
    double total = v->clock_start + v->minutes;
    float am = (float)(fmod(total, 60.0) / 60.0 * 2 * M_PI - M_PI / 2);
    float ah = (float)(fmod(total / 60.0, 12.0) / 12.0 * 2 * M_PI - M_PI / 2);
    gfx_line(g, cx, cy, cx + cosf(ah) * cr * 0.5f, cy + sinf(ah) * cr * 0.5f, 4 * s,
             gfx_rgb(0x23272E));
    gfx_line(g, cx, cy, cx + cosf(am) * cr * 0.75f, cy + sinf(am) * cr * 0.75f, 2.5f * s,
             gfx_rgb(0x23272E));
    gfx_circle(g, cx, cy, 3.5f * s, gfx_rgb(0xC0392B));

    /* Waiting visitors on chairs (as many as the queue), right side of the hall. */
    int q = v->queue > 7 ? 7 : v->queue;
    float u = 26 * s, base = floor_y + 18 * s;
    for (int i = 0; i < 7; i++) {
        float x = 0.66f * W + i * 1.55f * u * 1.15f;
        if (x > W - u)
            break;
        gfx_round(g, (GRect){x - 0.7f * u, base - 0.9f * u, 1.4f * u, 0.9f * u}, 0.2f * u,
                  gfx_rgb(0x7C8FA3));
        if (i < q)
            draw_visitor(g, x, base - 0.4f * u, u, i);
        gfx_fill(g, (GRect){x - 0.7f * u, base, 1.4f * u, 0.25f * u}, gfx_rgb(0x5E6F82));
    }
    /* A plant by the window. */
    float px = 0.06f * W, py = floor_y + 10 * s;
    gfx_round(g, (GRect){px - 18 * s, py - 30 * s, 36 * s, 34 * s}, 5 * s, gfx_rgb(0xB5651D));
    for (int i = 0; i < 5; i++)
        gfx_ellipse(g, px + (i - 2) * 10 * s, py - 50 * s - (i % 2) * 12 * s, 9 * s, 22 * s,
                    gfx_rgb(i % 2 ? 0x4E8F4E : 0x3F7A3F));
}

/* ==== the applicant and companions ======================================================== */

/* The people the scenario names as coming with the applicant, standing beside the applicant's
 * place and a little behind (smaller, so they read as further from the glass; a child lower).
 * They stand still, so they are drawn with the hall into the cached layer: the walk-up frames
 * only pay for the applicant. */
static void draw_companions(Gfx *g, const OfficeView *v, float counter_y)
{
    float s = v->l->s, cx = 0.45f * (float)v->l->W;
    /* The speech bubble opens to the right of the applicant's head: companions stand to the left
     * first. */
    static const float side[3] = {-1.0f, -1.8f, 1.0f};
    for (size_t i = v->companion_count < 3 ? v->companion_count : 3; i-- > 0;) {
        const Companion *c = &v->companions[i];
        PersonLook p;
        person_look(&p, c->name, c->sex, c->age, c->look, c->look_count);
        int child = c->age < 14;
        float k = child ? 0.7f + 0.02f * (float)c->age : 0.86f;
        float head = child ? 40.0f + 9.0f * (float)c->age : 185.0f;
        person_draw(g, &p, cx + side[i] * 150 * s, counter_y - head * s, k * s, counter_y, 55,
                    v->t->shadow, 0);
    }
}

static void draw_applicant(Gfx *g, const OfficeView *v, float cx, float counter_y)
{
    float s = v->l->s;
    const Applicant *a = v->applicant;
    PersonLook p;
    person_look(&p, v->name ? v->name : (a ? a->name : ""), v->sex, v->age, a ? a->look : NULL,
                a ? a->look_count : 0);
    person_draw(g, &p, cx, counter_y - 205 * s, s, counter_y, v->mood, v->t->shadow, 1);
}

/* ==== the counter and the desk ============================================================= */

void office_draw_hall(Gfx *g, const OfficeView *v)
{
    const Layout *l = v->l;
    float W = (float)l->W, H = (float)l->H;
    float top = l->hud_h;
    float counter_y = l->counter_y;
    float floor_y = counter_y - 0.125f * H;
    draw_hall(g, v, top, floor_y, counter_y);
    gfx_clip(g, &(GRect){0, 0, W, counter_y});
    draw_companions(g, v, counter_y);
    gfx_clip(g, NULL);
}

float office_draw_desk(Gfx *g, const OfficeView *v)
{
    const Layout *l = v->l;
    const Theme *t = v->t;
    float W = (float)l->W, H = (float)l->H, s = l->s;
    float counter_y = l->counter_y;
    /* Counter edge and desk. */
    gfx_fill(g, (GRect){0, counter_y, W, 14 * s}, t->desk_edge);
    gfx_gradient(g, (GRect){0, counter_y + 14 * s, W, H - counter_y - 14 * s}, t->desk,
                 gfx_shade(t->desk, 0.94f));
    gfx_fill(g, (GRect){0, counter_y + 14 * s, W, 5 * s}, (GColor){0, 0, 0, 30});
    return counter_y + 14 * s;
}

float office_draw_back(Gfx *g, const OfficeView *v)
{
    office_draw_hall(g, v);
    return office_draw_desk(g, v);
}

void office_draw_person(Gfx *g, const OfficeView *v)
{
    const Layout *l = v->l;
    const Theme *t = v->t;
    float W = (float)l->W, H = (float)l->H, s = l->s;
    float top = l->hud_h;
    float counter_y = l->counter_y;
    (void)H;
    float ax = 0.45f * W + (1.0f - v->enter) * 0.5f * W;
    gfx_clip(g, &(GRect){0, 0, W, counter_y});
    draw_applicant(g, v, ax, counter_y);
    gfx_clip(g, NULL);

    /* The glass with its frame and the window number plate. */
    /* The glass hangs at a fixed height above the counter, so its plate clears the head. */
    float gy = fmaxf(top + 24 * s, counter_y - 276 * s);
    GRect glass = {0.24f * W, gy, 0.42f * W, counter_y - gy};
    gfx_fill(g, glass, t->glass);
    gfx_fill(g, (GRect){glass.x - 4 * s, glass.y, 8 * s, glass.h}, gfx_rgb(0xB9C3CC));
    gfx_fill(g, (GRect){glass.x + glass.w - 4 * s, glass.y, 8 * s, glass.h}, gfx_rgb(0xB9C3CC));
    gfx_fill(g, (GRect){glass.x - 4 * s, glass.y - 4 * s, glass.w + 8 * s, 8 * s},
             gfx_rgb(0xB9C3CC));
    gfx_line(g, glass.x + 40 * s, glass.y + 30 * s, glass.x + 90 * s, glass.y + 80 * s, 6 * s,
             (GColor){255, 255, 255, 60});
    char plate[32];
    snprintf(plate, sizeof plate, tr(STR_ART_PLATE), v->window_no);
    int pw, ph, art = (int)(18 * s + 0.5f);
    gfx_text_size(g, plate, art, GF_BOLD, &pw, &ph);
    GRect pr = {glass.x + glass.w / 2 - pw / 2 - 14 * s, glass.y - 20 * s, pw + 28 * s, ph + 8 * s};
    gfx_round(g, pr, 5 * s, t->accent);
    gfx_text(g, plate, pr.x + 14 * s, pr.y + 4 * s, art, GF_BOLD, t->accent_text);
}
