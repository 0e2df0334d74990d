/*
 * gfx.h — the drawing layer: window, renderer, fonts, cached text, vector shapes, screenshots.
 *
 * Owns: the SDL window and renderer, DejaVu fonts opened at the sizes asked for, a cache of
 * rendered text textures (keyed by text, size, style, colour and wrap width; least recently
 * used entries are evicted), and the primitives the office scene is drawn with (rounded
 * rectangles, circles, polygons, gradients, thick lines) built on SDL_RenderGeometry.
 * SDL2, SDL2_ttf and SDL2_image enter the program only through engine/ui.
 * Depends on: core.
 */
#ifndef SIM_GFX_H
#define SIM_GFX_H

#include <stdint.h>

#include "../core/core.h"

#ifndef M_PI /* not part of strict C11 */
#define M_PI 3.14159265358979323846
#endif

typedef struct GColor {
    uint8_t r, g, b, a;
} GColor;

/* 0xRRGGBB as an opaque colour. */
static inline GColor gfx_rgb(unsigned v)
{
    GColor c = {(uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v, 255};
    return c;
}

/* The colour with each channel times k, capped at 255 (k > 1 lightens, k < 1 darkens). */
static inline GColor gfx_shade(GColor c, float k)
{
    GColor o = c;
    o.r = (uint8_t)(c.r * k > 255.0f ? 255.0f : c.r * k);
    o.g = (uint8_t)(c.g * k > 255.0f ? 255.0f : c.g * k);
    o.b = (uint8_t)(c.b * k > 255.0f ? 255.0f : c.b * k);
    return o;
}

typedef struct GRect {
    float x, y, w, h;
} GRect;

typedef enum GFont { GF_REGULAR = 0, GF_BOLD, GF_MONO, GF_COUNT } GFont;

typedef struct GfxOptions {
    int width, height; /* initial window size in screen coordinates */
    int fullscreen;
    int hidden;            /* no visible window (automation under the dummy driver) */
    const char *font_path; /* regular face; NULL finds DejaVu Sans */
    const char *title;
    const char *icon_path; /* BMP for the window's icon; NULL or unreadable: none */
} GfxOptions;

typedef struct Gfx Gfx;

/* Creates the window and renderer and opens the fonts. Fails with a message that names the
 * missing package (fonts-dejavu-core) or the SDL error. Caller frees with gfx_destroy. */
SimStatus gfx_create(const GfxOptions *opt, Gfx **out, SimError *err);
void gfx_destroy(Gfx *g);
/* What went wrong at start but had a fallback (a --font that does not open), or "". */
const char *gfx_warning(const Gfx *g);

/* Drawable size in pixels (HiDPI aware) and the pixel/point ratio. */
void gfx_size(const Gfx *g, int *w, int *h);
float gfx_dpi_scale(const Gfx *g);
void gfx_window_size(const Gfx *g, int *w, int *h); /* in screen coordinates */
void gfx_set_fullscreen(Gfx *g, int on);
void gfx_set_window_size(Gfx *g, int w, int h);
int gfx_is_fullscreen(const Gfx *g);

void gfx_begin(Gfx *g, GColor clear);
/* A frame that redraws only r and keeps the rest of the last frame: no clear, and every
 * drawing on the screen stays within r whatever clips are set or removed. Only where
 * gfx_keeps_frame says the screen keeps its pixels between frames. */
void gfx_begin_partial(Gfx *g, GRect r);
int gfx_keeps_frame(const Gfx *g);
void gfx_present(Gfx *g);
void gfx_clip(Gfx *g, const GRect *r); /* NULL removes the clip (back to the base clip) */
/* A clip that later clips stay within, and that gfx_clip(NULL) returns to: code that clips
 * for itself (a document's fields) can be drawn inside a scrolled view. NULL removes it. */
void gfx_clip_base(Gfx *g, const GRect *r);

void gfx_fill(Gfx *g, GRect r, GColor c);
void gfx_gradient(Gfx *g, GRect r, GColor top, GColor bottom);
void gfx_round(Gfx *g, GRect r, float radius, GColor c);
void gfx_round_outline(Gfx *g, GRect r, float radius, float width, GColor c);
void gfx_circle(Gfx *g, float cx, float cy, float radius, GColor c);
void gfx_ellipse(Gfx *g, float cx, float cy, float rx, float ry, GColor c);
void gfx_ring(Gfx *g, float cx, float cy, float radius, float width, GColor c);
/* Arc of an ellipse as a thick stroke, angles in radians (0 = right, clockwise on screen). */
void gfx_arc(Gfx *g, float cx, float cy, float rx, float ry, float a0, float a1, float width,
             GColor c);
void gfx_poly(Gfx *g, const float *xy, int n, GColor c); /* convex polygon */
void gfx_line(Gfx *g, float x0, float y0, float x1, float y1, float width, GColor c);

/* Text. px is the font size in pixels. Returns the advance width drawn. */
float gfx_text(Gfx *g, const char *text, float x, float y, int px, GFont f, GColor c);
void gfx_text_size(Gfx *g, const char *text, int px, GFont f, int *w, int *h);
/* Wrapped paragraph within max_w; draws when draw is 1; returns its height. */
float gfx_text_box(Gfx *g, const char *text, float x, float y, float max_w, int px, GFont f,
                   GColor c, int draw);
int gfx_line_height(Gfx *g, int px, GFont f);
/* Handwriting: text wrapped within max_w like gfx_text_box, drawn letter by letter in the
 * regular face with a wandering baseline, a forward lean and a little tilt of each letter (the
 * same text always looks the same). Lines are line_step apart (the ruling of the paper; at
 * least the line height). Draws when draw is 1; returns the height. */
float gfx_hand_box(Gfx *g, const char *text, float x, float y, float max_w, int px, GColor c,
                   float line_step, int draw);

/* An off-screen layer: draw once into it, then copy it every frame (the office's hall and desk
 * change rarely, and the software renderer pays per pixel for every gradient). */
typedef struct GfxLayer GfxLayer;
/* Redirects drawing into the layer (created or resized to the window's width and to `height`
 * rows from the top, or the window's height when `height` <= 0 or larger), cleared to opaque
 * black or to transparent. A shorter layer costs only its own rows of memory: what is drawn
 * below it is dropped, and gfx_layer_draw covers only its rows. Returns 0 when render targets
 * are unavailable; then draw directly. */
int gfx_layer_begin(Gfx *g, GfxLayer **layer, int transparent, int height);
void gfx_layer_end(Gfx *g);
void gfx_layer_draw(Gfx *g, GfxLayer *layer);
void gfx_layer_free(GfxLayer *layer);

/* Saves what was drawn since gfx_begin (call before gfx_present) as a PNG. */
SimStatus gfx_screenshot(Gfx *g, const char *png_path, SimError *err);

/* The layout check (MFC_LAYOUT_CHECK): while recording, every text drawn (its visible box),
 * every opaque surface (fills and rounded panels) and every layer mark (a dimmed backdrop) is
 * kept until the next gfx_begin; gfx_record_dump writes them, one per line ("T x y w h text",
 * each followed by its colour "C r g b a"; "P x y w h", "L"), for tests/layout_check.c and
 * tests/contrast_check.c. */
void gfx_record(Gfx *g, int on);
void gfx_layer_mark(Gfx *g);
void gfx_panel_mark(Gfx *g, GRect r);
SimStatus gfx_record_dump(Gfx *g, const char *path, SimError *err);

/* Text cache statistics (for tests and benchmarks). */
void gfx_cache_stats(const Gfx *g, size_t *entries, size_t *renders);

#endif /* SIM_GFX_H */
