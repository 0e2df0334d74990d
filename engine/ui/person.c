/*
 * person.c — people drawn in code: the applicant at the window, the companions beside them and
 * the photo in a passport, all from one PersonLook so the face on the document is the face at
 * the window.
 *
 * A look comes from the scenario's "look" hints (clothing, hair, hair_style, glasses, build,
 * beard, bag — English or Russian words); whatever a scenario leaves out is picked from a hash
 * of the person's name, so every person differs and stays the same from run to run.
 * Depends on: core (hash), scenario (KeyValue), gfx.
 */
#include "ui_internal.h"

#include "../core/i18n.h"

#include <math.h>
#include <string.h>

/* ==== helpers ============================================================================= */

static const char *look_get(const KeyValue *look, size_t n, const char *key)
{
    for (size_t i = 0; look && i < n; i++)
        if (strcmp(look[i].key, key) == 0)
            return look[i].value;
    return NULL;
}

/* The next few bits of the name's hash: the fallback for every part of a look. */
static unsigned pick(uint64_t *h, unsigned n)
{
    *h = *h * 6364136223846793005ULL + 1442695040888963407ULL;
    return (unsigned)((*h >> 33) % n);
}

/* ==== the look ============================================================================ */

void person_look(PersonLook *p, const char *name, char sex, int age, const KeyValue *look, size_t n)
{
    static const unsigned skins[] = {0xF1C9A5, 0xEDBE9A, 0xE3AD86, 0xD39A6E, 0xC08457};
    static const unsigned hair_dark[] = {0x2A201A, 0x3A2A1E, 0x1C1A1A, 0x4A3424};
    static const unsigned hair_any[] = {0x5A3A24, 0x6B4A2A, 0x2A201A, 0xC9A66B, 0x8A4B2A, 0x3A2A1E};
    static const unsigned coats[] = {0x7A5C44, 0x5A4E46, 0x2F3F5A, 0x6B2F3A, 0x46524A};
    static const unsigned suits[] = {0x2F3B52, 0x3A3A40, 0x2E3A34, 0x33384A, 0x2F3B52};
    static const unsigned jackets[] = {0x3F5A4A, 0x2F4A6A, 0x5A5F66, 0x7A3B2E, 0x4A4A6A};
    static const unsigned knits[] = {0x8E5B6E, 0xA0785A, 0x5E7A8E, 0x7A6A9A, 0xB0864E};
    static const unsigned hoodies[] = {0x5E6670, 0x2F5A7A, 0x7A2F3F, 0x3A6A4A, 0x4A4A4A};
    static const unsigned shirts[] = {0xF2F2F2, 0xDCE6F0, 0xF0E6D8, 0xE8D8E0};
    static const unsigned bags[] = {0x6B4A36, 0x2A2A2A, 0x8C3B3B, 0x4A5A6A};
    /* Every draw is taken whether it is used or not, so the same name gives the same skin,
     * clothes and colours at any age (the passport photo was taken years before). */
    uint64_t h = sim_hash_fnv1a(SIM_HASH_INIT, name ? name : "", name ? strlen(name) : 0);
    unsigned r_skin = pick(&h, 5), r_hair = pick(&h, 6), r_dark = pick(&h, 4);
    unsigned r_greying = pick(&h, 2), r_bald = pick(&h, 2), r_mstyle = pick(&h, 4);
    unsigned r_fyoung = pick(&h, 5), r_fold = pick(&h, 4), r_kid = pick(&h, 2);
    unsigned r_kind = pick(&h, CLOTHES_COUNT), r_col = pick(&h, 5), r_shirt = pick(&h, 4);
    unsigned r_glasses = pick(&h, 10), r_frame = pick(&h, 2), r_build = pick(&h, 3);
    unsigned r_beard = pick(&h, 10), r_beard_kind = pick(&h, 2), r_bag = pick(&h, 4);
    memset(p, 0, sizeof *p);
    p->sex = sex == 'm' ? 'm' : 'f';
    p->age = age;
    int m = p->sex == 'm';

    p->skin = gfx_rgb(skins[r_skin]);

    /* Hair colour: the scenario's word, or a natural colour; grey with age. */
    const char *hv = look_get(look, n, "hair");
    unsigned hc = hair_any[r_hair];
    if (sim_contains_any(hv, tr(STR_LOOK_HAIR_GREY)))
        hc = age >= 45 ? 0xB9B6B0 : hair_any[r_hair]; /* not yet grey on an old photo */
    else if (sim_contains_any(hv, tr(STR_LOOK_HAIR_BLOND)))
        hc = 0xC9A66B;
    else if (sim_contains_any(hv, tr(STR_LOOK_HAIR_RED)))
        hc = 0xA8532A;
    else if (sim_contains_any(hv, tr(STR_LOOK_HAIR_BROWN)))
        hc = 0x6B4A2A;
    else if (sim_contains_any(hv, tr(STR_LOOK_HAIR_DARK)))
        hc = hair_dark[r_dark];
    else if (age >= 60)
        hc = 0xB9B6B0;
    else if (age >= 48 && r_greying)
        hc = 0x8C847C; /* greying */
    p->hair = gfx_rgb(hc);

    /* Hair style. */
    const char *hs = look_get(look, n, "hair_style");
    static const HairStyle m_styles[] = {HAIR_SHORT, HAIR_SIDE, HAIR_CURLY, HAIR_SHORT};
    static const HairStyle f_young[] = {HAIR_LONG, HAIR_BOB, HAIR_PONYTAIL, HAIR_CURLY, HAIR_LONG};
    static const HairStyle f_older[] = {HAIR_BUN, HAIR_BOB, HAIR_SHORT, HAIR_CURLY};
    if (sim_contains_any(hs, tr(STR_LOOK_STYLE_SHORT)))
        p->hair_style = HAIR_SHORT;
    else if (sim_contains_any(hs, tr(STR_LOOK_STYLE_LONG)))
        p->hair_style = HAIR_LONG;
    else if (sim_contains_any(hs, tr(STR_LOOK_STYLE_BOB)))
        p->hair_style = HAIR_BOB;
    else if (sim_contains_any(hs, tr(STR_LOOK_STYLE_BUN)))
        p->hair_style = HAIR_BUN;
    else if (sim_contains_any(hs, tr(STR_LOOK_STYLE_PONYTAIL)))
        p->hair_style = HAIR_PONYTAIL;
    else if (sim_contains_any(hs, tr(STR_LOOK_STYLE_CURLY)))
        p->hair_style = HAIR_CURLY;
    else if (sim_contains_any(hs, tr(STR_LOOK_STYLE_BALD)))
        p->hair_style = age >= 35 ? HAIR_BALD : HAIR_SHORT;
    else if (m)
        p->hair_style = age >= 52 && r_bald ? HAIR_BALD : m_styles[r_mstyle];
    else
        p->hair_style = age >= 55 ? f_older[r_fold] : f_young[r_fyoung];

    /* Clothes: the kind from the scenario's word, the colour from the name. */
    const char *cv = look_get(look, n, "clothing");
    if (sim_contains_any(cv, tr(STR_LOOK_COAT)))
        p->clothes = CLOTHES_COAT;
    else if (sim_contains_any(cv, tr(STR_LOOK_SUIT)))
        p->clothes = CLOTHES_SUIT;
    else if (sim_contains_any(cv, tr(STR_LOOK_JACKET)))
        p->clothes = CLOTHES_JACKET;
    else if (sim_contains_any(cv, tr(STR_LOOK_CARDIGAN)))
        p->clothes = CLOTHES_CARDIGAN;
    else if (sim_contains_any(cv, tr(STR_LOOK_HOODIE)))
        p->clothes = CLOTHES_HOODIE;
    else if (sim_contains_any(cv, tr(STR_LOOK_SWEATER)))
        p->clothes = CLOTHES_SWEATER;
    else if (age < 14)
        p->clothes = r_kid ? CLOTHES_HOODIE : CLOTHES_SWEATER;
    else
        p->clothes = (ClothesKind)r_kind;
    const unsigned *pal = p->clothes == CLOTHES_COAT     ? coats
                          : p->clothes == CLOTHES_SUIT   ? suits
                          : p->clothes == CLOTHES_JACKET ? jackets
                          : p->clothes == CLOTHES_HOODIE ? hoodies
                                                         : knits;
    p->cloth = gfx_rgb(pal[r_col]);
    p->fur_collar = sim_contains_any(cv, tr(STR_LOOK_FUR));
    p->shirt = gfx_rgb(shirts[r_shirt]);

    /* Glasses, build, beard, bag. */
    const char *gv = look_get(look, n, "glasses");
    int frame = 1 + (int)r_frame;
    if (gv)
        p->glasses = sim_contains_any(gv, tr(STR_LOOK_YES)) ? frame : 0;
    else
        p->glasses = r_glasses < (age >= 50 ? 5u : 2u) ? frame : 0;
    const char *bv = look_get(look, n, "build");
    p->build = sim_contains_any(bv, tr(STR_LOOK_BUILD_SLIM))      ? 0
               : sim_contains_any(bv, tr(STR_LOOK_BUILD_HEAVY))   ? 2
               : sim_contains_any(bv, tr(STR_LOOK_BUILD_AVERAGE)) ? 1
                                                                  : (int)r_build;
    const char *dv = look_get(look, n, "beard");
    if (!m || age < 18)
        p->beard = 0;
    else if (dv)
        p->beard = sim_contains_any(dv, tr(STR_LOOK_BEARD))       ? 2
                   : sim_contains_any(dv, tr(STR_LOOK_MOUSTACHE)) ? 1
                                                                  : 0;
    else
        p->beard = r_beard < 3 ? 1 + (int)r_beard_kind : 0;
    const char *bag = look_get(look, n, "bag");
    if (!bag || !*bag || sim_equals_any(bag, tr(STR_LOOK_NONE)))
        p->bag = BAG_NONE;
    else if (sim_contains_any(bag, tr(STR_LOOK_BACKPACK)))
        p->bag = BAG_BACKPACK;
    else if (sim_contains_any(bag, tr(STR_LOOK_FOLDER)))
        p->bag = BAG_FOLDER;
    else
        p->bag = BAG_SHOULDER;
    p->bag_color = gfx_rgb(bags[r_bag]);
}

/* ==== drawing ============================================================================= */

static void mouth(Gfx *g, float cx, float cy, float w, float curve, float th, GColor c)
{
    float ry = fabsf(curve) * w * 0.35f + 0.5f;
    if (curve >= 0)
        gfx_arc(g, cx, cy - ry * 0.6f, w / 2, ry, 0.25f, (float)M_PI - 0.25f, th, c);
    else
        gfx_arc(g, cx, cy + ry * 0.8f, w / 2, ry, (float)M_PI + 0.25f, 2 * (float)M_PI - 0.25f, th,
                c);
}

/* The hair behind the head (long hair, ponytails, buns), drawn before the head. */
static void hair_back(Gfx *g, const PersonLook *p, float cx, float hy, float r)
{
    GColor c = p->hair;
    switch (p->hair_style) {
    case HAIR_LONG:
        gfx_ellipse(g, cx, hy - r * 0.12f, r * 1.08f, r * 1.02f, c);
        gfx_round(g, (GRect){cx - r * 1.1f, hy - r * 0.2f, r * 0.45f, r * 1.75f}, r * 0.2f, c);
        gfx_round(g, (GRect){cx + r * 0.65f, hy - r * 0.2f, r * 0.45f, r * 1.75f}, r * 0.2f, c);
        break;
    case HAIR_BOB:
        gfx_ellipse(g, cx, hy - r * 0.05f, r * 1.12f, r * 1.08f, c);
        gfx_round(g, (GRect){cx - r * 1.12f, hy - r * 0.1f, r * 2.24f, r * 0.95f}, r * 0.3f, c);
        break;
    case HAIR_PONYTAIL:
        gfx_ellipse(g, cx, hy - r * 0.12f, r * 1.04f, r * 1.0f, c);
        gfx_ellipse(g, cx + r * 0.95f, hy + r * 0.25f, r * 0.28f, r * 0.75f, c);
        break;
    case HAIR_BUN:
        gfx_ellipse(g, cx, hy - r * 0.12f, r * 1.04f, r * 1.0f, c);
        gfx_circle(g, cx, hy - r * 1.05f, r * 0.36f, c);
        break;
    case HAIR_CURLY:
        for (int i = 0; i < 9; i++) {
            float a = (float)M_PI * (0.95f + i * 0.14f);
            gfx_circle(g, cx + cosf(a) * r * 0.95f, hy - r * 0.05f + sinf(a) * r * 0.95f,
                       r * (p->sex == 'm' ? 0.26f : 0.34f), c);
        }
        if (p->sex != 'm') {
            gfx_circle(g, cx - r * 0.95f, hy + r * 0.45f, r * 0.3f, c);
            gfx_circle(g, cx + r * 0.95f, hy + r * 0.45f, r * 0.3f, c);
        }
        break;
    default:
        if (p->sex != 'm')
            gfx_ellipse(g, cx, hy - r * 0.12f, r * 1.02f, r * 0.98f, c);
        break;
    }
}

/* The hair over the forehead, drawn after the head. */
static void hair_front(Gfx *g, const PersonLook *p, float cx, float hy, float r)
{
    GColor c = p->hair;
    switch (p->hair_style) {
    case HAIR_BALD:
        gfx_arc(g, cx, hy, r * 0.88f, r * 0.9f, (float)M_PI * 0.95f, (float)M_PI * 1.2f, r * 0.22f,
                c);
        gfx_arc(g, cx, hy, r * 0.88f, r * 0.9f, (float)M_PI * 1.8f, (float)M_PI * 2.05f, r * 0.22f,
                c);
        break;
    case HAIR_SIDE: /* a side parting: a full cap, heavier on one side */
        gfx_arc(g, cx, hy - r * 0.12f, r * 0.86f, r * 0.9f, (float)M_PI * 1.02f,
                (float)M_PI * 1.98f, r * 0.36f, c);
        gfx_ellipse(g, cx - r * 0.35f, hy - r * 0.72f, r * 0.55f, r * 0.22f, c);
        break;
    case HAIR_SHORT:
        gfx_arc(g, cx, hy - r * 0.14f, r * 0.86f, r * 0.9f, (float)M_PI * 1.05f,
                (float)M_PI * 1.95f, r * (p->sex == 'm' ? 0.36f : 0.46f), c);
        break;
    case HAIR_CURLY:
        for (int i = 0; i < 5; i++)
            gfx_circle(g, cx + (i - 2) * r * 0.32f, hy - r * 0.82f + (i % 2) * r * 0.08f, r * 0.22f,
                       c);
        break;
    case HAIR_BOB: /* a straight fringe */
        gfx_arc(g, cx, hy - r * 0.08f, r * 0.88f, r * 0.92f, (float)M_PI * 1.0f, (float)M_PI * 2.0f,
                r * 0.5f, c);
        break;
    default: /* long, ponytail, bun: parted in the middle */
        gfx_arc(g, cx, hy - r * 0.1f, r * 0.88f, r * 0.92f, (float)M_PI * 1.0f, (float)M_PI * 2.0f,
                r * 0.42f, c);
        break;
    }
}

static void torso(Gfx *g, const PersonLook *p, float cx, float top, float w, float bottom, float u,
                  GColor shadow)
{
    float h = bottom - top;
    GColor cl = p->cloth, dark = gfx_shade(p->cloth, 0.78f);
    if (shadow.a)
        gfx_round(g, (GRect){cx - w / 2 + 5 * u, top + 5 * u, w, h}, 0.29f * w, shadow);
    gfx_round(g, (GRect){cx - w / 2, top, w, h}, 0.29f * w, cl);
    float nk = 26 * u;
    switch (p->clothes) {
    case CLOTHES_SUIT: {
        float v[6] = {cx - nk, top + u, cx + nk, top + u, cx, top + 70 * u};
        gfx_poly(g, v, 3, p->shirt);
        if (p->sex == 'm') {
            float tie[8] = {cx - 6 * u, top + 8 * u,  cx + 6 * u, top + 8 * u,
                            cx + 9 * u, top + 66 * u, cx - 9 * u, top + 66 * u};
            gfx_poly(g, tie, 4, gfx_rgb(0x8C2F39));
        }
        gfx_line(g, cx - nk, top + 2 * u, cx - 4 * u, top + 80 * u, 6 * u, dark);
        gfx_line(g, cx + nk, top + 2 * u, cx + 4 * u, top + 80 * u, 6 * u, dark);
        break;
    }
    case CLOTHES_COAT: {
        float v[6] = {cx - nk, top + u, cx + nk, top + u, cx, top + 40 * u};
        gfx_poly(g, v, 3, p->sex == 'm' ? p->shirt : p->skin);
        float l1[6] = {cx - nk - 6 * u,  top,         cx - 2 * u, top + 58 * u,
                       cx - nk - 14 * u, top + 42 * u};
        float l2[6] = {cx + nk + 6 * u, top,        cx + nk + 14 * u,
                       top + 42 * u,    cx + 2 * u, top + 58 * u};
        gfx_poly(g, l1, 3, dark);
        gfx_poly(g, l2, 3, dark);
        for (int i = 0; i < 3; i++)
            gfx_circle(g, cx + 10 * u, top + (70 + i * 30) * u, 3.5f * u, gfx_shade(cl, 0.55f));
        break;
    }
    case CLOTHES_JACKET: {
        gfx_round(g, (GRect){cx - nk - 6 * u, top - 6 * u, 2 * nk + 12 * u, 20 * u}, 8 * u, dark);
        gfx_line(g, cx, top + 12 * u, cx, bottom, 3 * u, gfx_shade(cl, 0.6f));
        gfx_line(g, cx - w * 0.3f, top + 70 * u, cx - w * 0.12f, top + 70 * u, 3 * u, dark);
        gfx_line(g, cx + w * 0.12f, top + 70 * u, cx + w * 0.3f, top + 70 * u, 3 * u, dark);
        break;
    }
    case CLOTHES_CARDIGAN: {
        float v[6] = {cx - nk - 4 * u, top + u, cx + nk + 4 * u, top + u, cx, top + 75 * u};
        gfx_poly(g, v, 3, p->shirt);
        for (int i = 0; i < 4; i++)
            gfx_circle(g, cx + 5 * u, top + (82 + i * 24) * u, 3 * u, gfx_shade(cl, 0.6f));
        break;
    }
    case CLOTHES_HOODIE: {
        gfx_ellipse(g, cx, top + 4 * u, nk + 18 * u, 16 * u, dark);
        gfx_line(g, cx - 9 * u, top + 14 * u, cx - 11 * u, top + 60 * u, 2.5f * u, p->shirt);
        gfx_line(g, cx + 9 * u, top + 14 * u, cx + 11 * u, top + 60 * u, 2.5f * u, p->shirt);
        gfx_round(g, (GRect){cx - w * 0.25f, top + 100 * u, w * 0.5f, 36 * u}, 8 * u, dark);
        break;
    }
    default: { /* sweater: a round ribbed neck */
        gfx_ellipse(g, cx, top + 2 * u, nk + 2 * u, 14 * u, dark);
        gfx_ellipse(g, cx, top - 2 * u, nk - 6 * u, 9 * u, p->skin);
        for (int i = 0; i < 3; i++)
            gfx_line(g, cx - w * 0.36f, top + (60 + i * 10) * u, cx + w * 0.36f,
                     top + (60 + i * 10) * u, 2 * u, gfx_shade(cl, 0.88f));
        break;
    }
    }
    if (p->fur_collar)
        for (int i = 0; i < 7; i++)
            gfx_circle(g, cx + (i - 3) * 13 * u, top + 2 * u + fabsf((float)(i - 3)) * 2 * u,
                       11 * u, gfx_rgb(0x8A7058));
}

void person_draw(Gfx *g, const PersonLook *p, float cx, float head_y, float u, float bottom,
                 int mood, GColor shadow, int with_bag)
{
    float r = 44 * u;
    int child = p->age < 14;
    float bw = (child ? 150.0f : p->build == 0 ? 185.0f : p->build == 2 ? 250.0f : 212.0f) * u;
    if (p->sex != 'm' && !child)
        bw *= 0.94f;
    GColor skin = p->skin, skin_dark = gfx_shade(p->skin, 0.88f);
    if (with_bag && p->bag == BAG_BACKPACK) { /* straps over the shoulders, the pack behind */
        gfx_round(g, (GRect){cx - bw * 0.42f, head_y + 40 * u, bw * 0.84f, bottom - head_y}, 30 * u,
                  p->bag_color);
    }
    torso(g, p, cx, head_y + 55 * u, bw, bottom + 60 * u, u, shadow);
    if (with_bag && p->bag == BAG_BACKPACK) {
        gfx_line(g, cx - bw * 0.3f, head_y + 58 * u, cx - bw * 0.26f, bottom, 7 * u,
                 gfx_shade(p->bag_color, 0.8f));
        gfx_line(g, cx + bw * 0.3f, head_y + 58 * u, cx + bw * 0.26f, bottom, 7 * u,
                 gfx_shade(p->bag_color, 0.8f));
    }
    /* Neck, hair behind, head, ears. */
    gfx_fill(g, (GRect){cx - 15 * u, head_y + 28 * u, 30 * u, 32 * u}, skin_dark);
    hair_back(g, p, cx, head_y, r);
    float face_w = p->build == 2 ? 0.95f : p->build == 0 ? 0.84f : 0.9f;
    gfx_ellipse(g, cx, head_y, r * face_w, r, skin);
    gfx_ellipse(g, cx - r * face_w, head_y + 4 * u, 7 * u, 11 * u, skin_dark);
    gfx_ellipse(g, cx + r * face_w, head_y + 4 * u, 7 * u, 11 * u, skin_dark);
    if (p->beard == 2)
        gfx_ellipse(g, cx, head_y + r * 0.55f, r * face_w * 0.86f, r * 0.5f, p->hair);
    hair_front(g, p, cx, head_y, r);

    /* The face: eyes, brows, nose, mouth; mood shapes the brows and the mouth. */
    float mo = 0.25f, brow = 0.0f;
    if (mood >= 70)
        mo = 1.0f;
    else if (mood < 25 && mood >= 10)
        mo = -0.7f, brow = 0.7f;
    else if (mood < 10)
        mo = -1.0f, brow = 1.0f;
    else if (mood < 45)
        mo = -0.35f, brow = -0.6f;
    GColor ink = gfx_rgb(0x2B2420);
    float ex = 16 * u, ey = head_y - 4 * u;
    gfx_ellipse(g, cx - ex, ey, 4.5f * u, 5.5f * u, ink);
    gfx_ellipse(g, cx + ex, ey, 4.5f * u, 5.5f * u, ink);
    GColor bc = p->hair.r > 150 && p->hair.g > 140 ? gfx_rgb(0x8A8580) : gfx_shade(p->hair, 0.9f);
    float by = ey - 14 * u;
    gfx_line(g, cx - ex - 10 * u, by - brow * 2 * u, cx - ex + 8 * u, by + brow * 4 * u, 3 * u, bc);
    gfx_line(g, cx + ex - 8 * u, by + brow * 4 * u, cx + ex + 10 * u, by - brow * 2 * u, 3 * u, bc);
    if (p->glasses == 1) {
        gfx_ring(g, cx - ex, ey, 11 * u, 2.5f * u, gfx_rgb(0x3A3A3A));
        gfx_ring(g, cx + ex, ey, 11 * u, 2.5f * u, gfx_rgb(0x3A3A3A));
        gfx_line(g, cx - ex + 11 * u, ey, cx + ex - 11 * u, ey, 2.5f * u, gfx_rgb(0x3A3A3A));
    } else if (p->glasses == 2) {
        gfx_round_outline(g, (GRect){cx - ex - 12 * u, ey - 8 * u, 24 * u, 16 * u}, 4 * u, 2.5f * u,
                          gfx_rgb(0x5A2A1A));
        gfx_round_outline(g, (GRect){cx + ex - 12 * u, ey - 8 * u, 24 * u, 16 * u}, 4 * u, 2.5f * u,
                          gfx_rgb(0x5A2A1A));
        gfx_line(g, cx - ex + 12 * u, ey - 2 * u, cx + ex - 12 * u, ey - 2 * u, 2.5f * u,
                 gfx_rgb(0x5A2A1A));
    }
    gfx_line(g, cx, ey + 4 * u, cx - 3 * u, ey + 16 * u, 2.5f * u, skin_dark);
    if (mood < 20) {
        gfx_circle(g, cx - 26 * u, ey + 18 * u, 7 * u, (GColor){220, 90, 80, 110});
        gfx_circle(g, cx + 26 * u, ey + 18 * u, 7 * u, (GColor){220, 90, 80, 110});
    }
    if (p->beard == 1)
        gfx_arc(g, cx, ey + 26 * u, 13 * u, 5 * u, (float)M_PI * 1.05f, (float)M_PI * 1.95f, 5 * u,
                p->hair);
    mouth(g, cx, ey + 28 * u, (child ? 20.0f : 26.0f) * u, mo, 3 * u, gfx_rgb(0x8A3B3B));
    if (p->age >= 55) {
        gfx_arc(g, cx - ex, ey + 8 * u, 7 * u, 3 * u, 0.3f, 2.8f, 1.2f * u, skin_dark);
        gfx_arc(g, cx + ex, ey + 8 * u, 7 * u, 3 * u, 0.3f, 2.8f, 1.2f * u, skin_dark);
        gfx_arc(g, cx, by - 10 * u, 14 * u, 3 * u, (float)M_PI * 1.1f, (float)M_PI * 1.9f, 1.2f * u,
                skin_dark);
    }
    if (!with_bag)
        return;
    if (p->bag == BAG_SHOULDER) {
        gfx_line(g, cx - bw * 0.32f, head_y + 70 * u, cx - bw * 0.52f, bottom - 40 * u, 5 * u,
                 gfx_shade(p->bag_color, 0.8f));
        gfx_round(g, (GRect){cx - bw * 0.62f, bottom - 60 * u, 54 * u, 44 * u}, 8 * u,
                  p->bag_color);
    } else if (p->bag == BAG_FOLDER) { /* a document folder held against the chest */
        gfx_round(g, (GRect){cx + bw * 0.05f, bottom - 92 * u, 70 * u, 88 * u}, 4 * u,
                  gfx_rgb(0x2F5A8C));
        gfx_fill(g, (GRect){cx + bw * 0.05f + 6 * u, bottom - 86 * u, 58 * u, 6 * u},
                 gfx_rgb(0xE8E8E0));
    }
}

void person_portrait(Gfx *g, const PersonLook *p, GRect r)
{
    /* A passport photo: a light plain background, the head a little above the middle, the
     * shoulders cut by the frame, a neutral face, no glasses with tinted lenses, no bag. */
    gfx_fill(g, r, gfx_rgb(0xE9ECEF));
    float u = r.w / 150.0f;
    gfx_clip(g, &r);
    person_draw(g, p, r.x + r.w / 2, r.y + r.h * 0.42f, u, r.y + r.h, 50, (GColor){0, 0, 0, 0}, 0);
    gfx_clip(g, NULL);
    gfx_round_outline(g, r, 0, 1.5f, gfx_rgb(0x9A9A9A));
}
