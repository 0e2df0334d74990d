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

static GColor rgb(unsigned v)
{
    GColor c = {(uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v, 255};
    return c;
}

static GColor shade(GColor c, float k)
{
    GColor o = c;
    o.r = (uint8_t)fminf(255.0f, c.r * k);
    o.g = (uint8_t)fminf(255.0f, c.g * k);
    o.b = (uint8_t)fminf(255.0f, c.b * k);
    return o;
}

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
        gfx_arc(g, cx, cy + ry * 0.8f, w / 2, ry, (float)M_PI + 0.25f, 2 * (float)M_PI - 0.25f,
                th, c);
}

void office_mood_icon(Gfx *g, float cx, float cy, float r, int mood, const Theme *t)
{
    float mouth, brow;
    mood_face(mood, &mouth, &brow);
    GColor face = mood >= 45 ? rgb(0xF6C453) : (mood >= 25 ? rgb(0xF3A95B) : rgb(0xE7735C));
    gfx_circle(g, cx, cy, r, face);
    gfx_ring(g, cx, cy, r, r * 0.12f, rgb(0x3A3A3A));
    GColor ink = rgb(0x2A2A2A);
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

static const char *look(const Applicant *a, const char *key)
{
    for (size_t i = 0; a && i < a->look_count; i++)
        if (strcmp(a->look[i].key, key) == 0)
            return a->look[i].value;
    return NULL;
}

static int look_has(const Applicant *a, const char *key, const char *word)
{
    const char *v = look(a, key);
    return v && strstr(v, word) != NULL;
}

static void draw_visitor(Gfx *g, float x, float y, float u, int i)
{
    static const unsigned coats[] = {0x5C6B7A, 0x8C4A3B, 0x3E5E4C, 0x6B5B8C, 0x7A6A4F, 0x4A6A8C};
    static const unsigned hair[] = {0x3B2A20, 0x9A9A9A, 0x1E1E1E, 0x6B4A2A, 0xC8A26B, 0x4A3A30};
    GColor coat = rgb(coats[i % 6]);
    gfx_round(g, (GRect){x - 0.55f * u, y - 1.2f * u, 1.1f * u, 1.3f * u}, 0.35f * u, coat);
    gfx_circle(g, x, y - 1.55f * u, 0.38f * u, rgb(0xE8B894));
    gfx_arc(g, x, y - 1.6f * u, 0.38f * u, 0.34f * u, (float)M_PI, 2 * (float)M_PI, 0.2f * u,
            rgb(hair[i % 6]));
}

static void draw_hall(Gfx *g, const OfficeView *v, float top, float floor_y, float bottom)
{
    const Layout *l = v->l;
    const Theme *t = v->t;
    float W = (float)l->W, s = l->s;
    gfx_gradient(g, (GRect){0, top, W, floor_y - top}, t->wall_top, t->wall_bottom);
    gfx_gradient(g, (GRect){0, floor_y, W, bottom - floor_y}, t->floor, shade(t->floor, 0.92f));
    gfx_fill(g, (GRect){0, floor_y - 4 * s, W, 4 * s}, shade(t->wall_bottom, 0.85f));

    /* A window to the street, top left. */
    GRect win = {0.035f * W, top + 26 * s, 0.15f * W, 150 * s};
    gfx_fill(g, (GRect){win.x + 3 * s, win.y + 4 * s, win.w, win.h}, t->shadow);
    gfx_gradient(g, win, rgb(0x9CCBEA), rgb(0xD9EEF8));
    gfx_circle(g, win.x + win.w * 0.3f, win.y + win.h * 0.75f, 30 * s, rgb(0x7BAF6B));
    gfx_circle(g, win.x + win.w * 0.45f, win.y + win.h * 0.62f, 26 * s, rgb(0x8CC07A));
    gfx_fill(g, (GRect){win.x + win.w * 0.36f, win.y + win.h * 0.75f, 6 * s, win.h * 0.25f},
             rgb(0x7A5A3A));
    gfx_round_outline(g, win, 3 * s, 6 * s, rgb(0xFAFAFA));
    gfx_fill(g, (GRect){win.x + win.w / 2 - 2 * s, win.y, 4 * s, win.h}, rgb(0xFAFAFA));

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
    gfx_round(g, board, 6 * s, rgb(0x1D2430));
    gfx_text(g, tr(STR_ART_QUEUE), board.x + 12 * s, board.y + 6 * s, (int)(13 * s + 0.5f),
             GF_REGULAR, rgb(0xB8C4D4));
    char line[64];
    snprintf(line, sizeof line, tr(STR_ART_BOARD), v->ticket ? v->ticket : "А-001", v->window_no);
    gfx_text(g, line, board.x + 12 * s, board.y + 28 * s, (int)(26 * s + 0.5f), GF_BOLD,
             rgb(0x6CF08A));

    /* The wall clock with the simulated time. */
    float cr = 42 * s, cx = 0.935f * W, cy = top + 74 * s;
    gfx_circle(g, cx + 2 * s, cy + 3 * s, cr, t->shadow);
    gfx_circle(g, cx, cy, cr, rgb(0xFDFDFB));
    gfx_ring(g, cx, cy, cr, 5 * s, rgb(0x3B4048));
    for (int i = 0; i < 12; i++) {
        float a = (float)(i * M_PI / 6);
        gfx_line(g, cx + cosf(a) * cr * 0.78f, cy + sinf(a) * cr * 0.78f, cx + cosf(a) * cr * 0.9f,
                 cy + sinf(a) * cr * 0.9f, (i % 3 ? 1.5f : 3.0f) * s, rgb(0x3B4048));
    }
    double total = v->clock_start + v->minutes;
    float am = (float)(fmod(total, 60.0) / 60.0 * 2 * M_PI - M_PI / 2);
    float ah = (float)(fmod(total / 60.0, 12.0) / 12.0 * 2 * M_PI - M_PI / 2);
    gfx_line(g, cx, cy, cx + cosf(ah) * cr * 0.5f, cy + sinf(ah) * cr * 0.5f, 4 * s,
             rgb(0x23272E));
    gfx_line(g, cx, cy, cx + cosf(am) * cr * 0.75f, cy + sinf(am) * cr * 0.75f, 2.5f * s,
             rgb(0x23272E));
    gfx_circle(g, cx, cy, 3.5f * s, rgb(0xC0392B));

    /* Waiting visitors on chairs (as many as the queue), right side of the hall. */
    int q = v->queue > 7 ? 7 : v->queue;
    float u = 26 * s, base = floor_y + 18 * s;
    for (int i = 0; i < 7; i++) {
        float x = 0.66f * W + i * 1.55f * u * 1.15f;
        if (x > W - u)
            break;
        gfx_round(g, (GRect){x - 0.7f * u, base - 0.9f * u, 1.4f * u, 0.9f * u}, 0.2f * u,
                  rgb(0x7C8FA3));
        if (i < q)
            draw_visitor(g, x, base - 0.4f * u, u, i);
        gfx_fill(g, (GRect){x - 0.7f * u, base, 1.4f * u, 0.25f * u}, rgb(0x5E6F82));
    }
    /* A plant by the window. */
    float px = 0.06f * W, py = floor_y + 10 * s;
    gfx_round(g, (GRect){px - 18 * s, py - 30 * s, 36 * s, 34 * s}, 5 * s, rgb(0xB5651D));
    for (int i = 0; i < 5; i++)
        gfx_ellipse(g, px + (i - 2) * 10 * s, py - 50 * s - (i % 2) * 12 * s, 9 * s, 22 * s,
                    rgb(i % 2 ? 0x4E8F4E : 0x3F7A3F));
}

/* ==== the applicant ======================================================================== */

static GColor clothing_color(const Applicant *a, char sex)
{
    if (look_has(a, "clothing", "coat") || look_has(a, "clothing", "пальто"))
        return rgb(0x7A5C44);
    if (look_has(a, "clothing", "suit") || look_has(a, "clothing", "костюм"))
        return rgb(0x2F3B52);
    if (look_has(a, "clothing", "jacket") || look_has(a, "clothing", "куртк"))
        return rgb(0x3F5A4A);
    if (look_has(a, "clothing", "cardigan") || look_has(a, "clothing", "кофт"))
        return rgb(0x8E5B6E);
    if (look_has(a, "clothing", "hoodie") || look_has(a, "clothing", "толстовк"))
        return rgb(0x5E6670);
    return sex == 'm' ? rgb(0x3D5470) : rgb(0x8A4F5C);
}

static void draw_applicant(Gfx *g, const OfficeView *v, float cx, float counter_y)
{
    float s = v->l->s;
    float head_r = 44 * s;
    float head_y = counter_y - 205 * s;
    const Applicant *a = v->applicant;
    GColor skin = rgb(0xEDBE9A), skin_dark = rgb(0xD9A47F);
    GColor cloth = clothing_color(a, v->sex);
    int older = v->age >= 58;
    GColor hair = older ? rgb(0xB9B6B0) : (v->sex == 'm' ? rgb(0x3A2A1E) : rgb(0x5A3A24));
    const char *hv = look(a, "hair");
    if (hv && (strstr(hv, "grey") || strstr(hv, "gray") || strstr(hv, "сед")))
        hair = rgb(0xB9B6B0);
    else if (hv && (strstr(hv, "blond") || strstr(hv, "светл")))
        hair = rgb(0xC9A66B);
    else if (hv && (strstr(hv, "dark") || strstr(hv, "тёмн") || strstr(hv, "black")))
        hair = rgb(0x2A201A);

    /* Shoulders and torso, cut by the counter. */
    float tw = 210 * s;
    gfx_round(g, (GRect){cx - tw / 2 + 5 * s, head_y + 60 * s, tw, counter_y - head_y}, 60 * s,
              v->t->shadow);
    gfx_round(g, (GRect){cx - tw / 2, head_y + 55 * s, tw, counter_y - head_y}, 60 * s, cloth);
    /* Collar / neckline. */
    float nk[6] = {cx - 26 * s, head_y + 56 * s, cx + 26 * s, head_y + 56 * s, cx,
                   head_y + 92 * s};
    gfx_poly(g, nk, 3, v->sex == 'm' ? rgb(0xF2F2F2) : skin);
    if (v->sex == 'm' && look_has(a, "clothing", "suit")) {
        float tie[8] = {cx - 7 * s, head_y + 62 * s, cx + 7 * s, head_y + 62 * s, cx + 10 * s,
                        head_y + 118 * s, cx - 10 * s, head_y + 118 * s};
        gfx_poly(g, tie, 4, rgb(0x8C2F39));
    }
    /* Neck. */
    gfx_fill(g, (GRect){cx - 16 * s, head_y + 30 * s, 32 * s, 30 * s}, skin_dark);
    /* Hair behind the head for women: a cap around the skull and, for younger women, locks
     * falling to the shoulders beside the face (never under the chin). */
    if (v->sex != 'm') {
        gfx_ellipse(g, cx, head_y - head_r * 0.12f, head_r * 1.08f, head_r * 1.02f, hair);
        if (!older) {
            gfx_round(g, (GRect){cx - head_r * 1.1f, head_y - head_r * 0.2f, head_r * 0.42f,
                                 head_r * 1.55f},
                      head_r * 0.2f, hair);
            gfx_round(g, (GRect){cx + head_r * 0.68f, head_y - head_r * 0.2f, head_r * 0.42f,
                                 head_r * 1.55f},
                      head_r * 0.2f, hair);
        }
    }
    /* Head. */
    gfx_ellipse(g, cx, head_y, head_r * 0.9f, head_r, skin);
    gfx_ellipse(g, cx - head_r * 0.9f, head_y + 4 * s, 7 * s, 11 * s, skin_dark);
    gfx_ellipse(g, cx + head_r * 0.9f, head_y + 4 * s, 7 * s, 11 * s, skin_dark);
    /* Hair on top. */
    if (v->sex == 'm') {
        if (v->age < 60)
            gfx_arc(g, cx, head_y - 6 * s, head_r * 0.86f, head_r * 0.9f, (float)M_PI * 1.05f,
                    (float)M_PI * 1.95f, 16 * s, hair);
        else
            gfx_arc(g, cx, head_y, head_r * 0.88f, head_r * 0.9f, (float)M_PI * 0.95f,
                    (float)M_PI * 1.2f, 10 * s, hair),
                gfx_arc(g, cx, head_y, head_r * 0.88f, head_r * 0.9f, (float)M_PI * 1.8f,
                        (float)M_PI * 2.05f, 10 * s, hair);
    } else {
        gfx_arc(g, cx, head_y - 4 * s, head_r * 0.88f, head_r * 0.92f, (float)M_PI * 1.0f,
                (float)M_PI * 2.0f, 20 * s, hair);
        if (older) /* a bun */
            gfx_circle(g, cx, head_y - head_r * 1.05f, 16 * s, hair);
    }
    /* Face. */
    float mouth, brow;
    mood_face(v->mood, &mouth, &brow);
    GColor ink = rgb(0x2B2420);
    float ex = 16 * s, ey = head_y - 4 * s;
    gfx_ellipse(g, cx - ex, ey, 4.5f * s, 5.5f * s, ink);
    gfx_ellipse(g, cx + ex, ey, 4.5f * s, 5.5f * s, ink);
    float by = ey - 14 * s;
    gfx_line(g, cx - ex - 10 * s, by - brow * 2 * s, cx - ex + 8 * s, by + brow * 4 * s, 3 * s,
             hair.r > 150 ? rgb(0x8A8580) : hair);
    gfx_line(g, cx + ex - 8 * s, by + brow * 4 * s, cx + ex + 10 * s, by - brow * 2 * s, 3 * s,
             hair.r > 150 ? rgb(0x8A8580) : hair);
    if (look_has(a, "glasses", "yes") || look_has(a, "glasses", "да")) {
        gfx_ring(g, cx - ex, ey, 11 * s, 2.5f * s, rgb(0x3A3A3A));
        gfx_ring(g, cx + ex, ey, 11 * s, 2.5f * s, rgb(0x3A3A3A));
        gfx_line(g, cx - ex + 11 * s, ey, cx + ex - 11 * s, ey, 2.5f * s, rgb(0x3A3A3A));
    }
    gfx_line(g, cx, ey + 4 * s, cx - 3 * s, ey + 16 * s, 2.5f * s, skin_dark);
    if (v->mood < 20) { /* flushed cheeks */
        gfx_circle(g, cx - 26 * s, ey + 18 * s, 7 * s, (GColor){220, 90, 80, 110});
        gfx_circle(g, cx + 26 * s, ey + 18 * s, 7 * s, (GColor){220, 90, 80, 110});
    }
    draw_mouth(g, cx, ey + 28 * s, 26 * s, mouth, 3 * s, rgb(0x8A3B3B));
    if (v->age >= 55) { /* a line or two of age */
        gfx_arc(g, cx - ex, ey + 8 * s, 7 * s, 3 * s, 0.3f, 2.8f, 1.2f * s, skin_dark);
        gfx_arc(g, cx + ex, ey + 8 * s, 7 * s, 3 * s, 0.3f, 2.8f, 1.2f * s, skin_dark);
    }
    /* A bag on the shoulder, if the scenario says so. */
    const char *bag = look(a, "bag");
    if (bag && *bag && strcmp(bag, "no") != 0 && strcmp(bag, "нет") != 0 &&
        strcmp(bag, "none") != 0) {
        gfx_line(g, cx - tw * 0.32f, head_y + 70 * s, cx - tw * 0.52f, counter_y - 40 * s, 5 * s,
                 rgb(0x4A3426));
        gfx_round(g, (GRect){cx - tw * 0.62f, counter_y - 60 * s, 54 * s, 44 * s}, 8 * s,
                  rgb(0x6B4A36));
    }
}

/* ==== the counter and the desk ============================================================= */

float office_draw_back(Gfx *g, const OfficeView *v)
{
    const Layout *l = v->l;
    const Theme *t = v->t;
    float W = (float)l->W, H = (float)l->H, s = l->s;
    float top = l->hud_h;
    float counter_y = l->counter_y;
    float floor_y = counter_y - 0.125f * H;
    draw_hall(g, v, top, floor_y, counter_y);
    /* Counter edge and desk. */
    gfx_fill(g, (GRect){0, counter_y, W, 14 * s}, t->desk_edge);
    gfx_gradient(g, (GRect){0, counter_y + 14 * s, W, H - counter_y - 14 * s}, t->desk,
                 shade(t->desk, 0.94f));
    gfx_fill(g, (GRect){0, counter_y + 14 * s, W, 5 * s}, (GColor){0, 0, 0, 30});
    return counter_y + 14 * s;
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
    gfx_fill(g, (GRect){glass.x - 4 * s, glass.y, 8 * s, glass.h}, rgb(0xB9C3CC));
    gfx_fill(g, (GRect){glass.x + glass.w - 4 * s, glass.y, 8 * s, glass.h}, rgb(0xB9C3CC));
    gfx_fill(g, (GRect){glass.x - 4 * s, glass.y - 4 * s, glass.w + 8 * s, 8 * s}, rgb(0xB9C3CC));
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
