/*
 * gfx.c — the SDL drawing layer (see gfx.h).
 *
 * Rounded panels, circles and ellipses are rows of whole-pixel rectangles; polygons, lines and
 * arcs are triangle fans and strips through SDL_RenderGeometry. Both scale to any window size
 * and look the same under the software renderer, Xvfb and the dummy driver.
 * Text goes through SDL_ttf's blended rendering once and is then reused as a texture.
 */
#include "gfx.h"
#include "wrap.h"

#include "../core/dl.h"
#include "../core/i18n.h"

#include <SDL.h>
#include <SDL_image.h>
#include <SDL_ttf.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* SDL_image is opened for the first screenshot only (core/dl.h): linked, it brings libtiff,
 * libwebp, libjpeg, LERC and the C++ runtime into every start for a PNG writer the window
 * itself never uses (its icon is a BMP, which SDL reads itself). Each SDL_image function this
 * file calls is an entry of the table below, so a call to any other does not link. */
#define GFX_IMG_FUNCTIONS(X) X(int, IMG_SavePNG, (SDL_Surface *, const char *))

static struct GfxImg {
    GFX_IMG_FUNCTIONS(SIM_DL_FIELD)
} gfx_img;

static const char *const gfx_img_names[] = {GFX_IMG_FUNCTIONS(SIM_DL_NAME)};

/* Opens libSDL2_image-2.0.so.0 the first time ($MFC_SONAME_LIBSDL2_IMAGE names another file
 * instead, for tests); SIM_OK or SIM_ERR_IO naming the library and its package. */
static SimStatus gfx_img_load(SimError *err)
{
    static SimDlLib lib = SIM_DL_LIB("libSDL2_image-2.0.so.0", "MFC_SONAME_LIBSDL2_IMAGE",
                                     "libsdl2-image-2.0-0", gfx_img_names, gfx_img);
    SIM_DL_TYPECHECK(struct GfxImg, gfx_img, GFX_IMG_FUNCTIONS);
    return sim_dl_load(&lib, err);
}

/* From here on, SDL_image's names are the table's entries. */
#define IMG_SavePNG (gfx_img.IMG_SavePNG)

#define FONT_SLOTS GF_COUNT
#define TEXT_CACHE 1024
/* The texts kept are bounded by their pixels too: a thousand paragraphs of a long tour would
 * otherwise hold tens of megabytes (issue #14: peak memory ≤ 30 MiB). Enough for several
 * screens at 200 % text, so going back and forth renders nothing again. */
#define TEXT_CACHE_BYTES (6u << 20)
#define DEFAULT_FONT_DIR "/usr/share/fonts/truetype/dejavu/"

typedef struct FontSlot {
    int px;
    GFont face;
    TTF_Font *font;
} FontSlot;

typedef struct TextEntry {
    uint64_t hash;
    char *text;
    int px, wrap;
    GFont face;
    GColor color;
    SDL_Texture *tex;
    int w, h;
    uint64_t used; /* frame counter of the last use, for eviction */
} TextEntry;

/* A paragraph laid out by wrap_text: its lines, kept for the next frames (the same text is
 * measured and drawn every frame). */
#define WRAP_CACHE 64
typedef struct WrapLine {
    size_t start, len;
} WrapLine;
typedef struct WrapEntry {
    uint64_t hash;
    char *text;
    int px, width;
    GFont face;
    WrapLine *lines;
    size_t count;
    uint64_t used;
} WrapEntry;

/* What was drawn, for the layout check (MFC_LAYOUT_CHECK): text boxes, surfaces (opaque
 * fills: panels, buttons, cards) and layer marks (a dimmed backdrop covers what is under it). */
typedef struct GfxBox {
    char kind; /* 'T' text, 'P' surface, 'L' layer mark, 'B' a line broken inside a word */
    GRect r;   /* the visible part (within the clip) */
    char *text;
    GColor color; /* a text's colour (the contrast check, tests/contrast_check.c) */
} GfxBox;

struct Gfx {
    SDL_Window *win;
    SDL_Renderer *ren;
    char *font_path[GF_COUNT];
    void *font_map[GF_COUNT]; /* each face's file, mapped (see open_face) */
    size_t font_len[GF_COUNT];
    FontSlot fonts[FONT_SLOTS];
    TextEntry cache[TEXT_CACHE];
    size_t cache_count, renders;
    size_t cache_bytes; /* the pixels of the cached textures (4 bytes each) */
    uint64_t tick;
    int ttf_ready;
    char warning[SIM_ERROR_MAX]; /* a font fell back to DejaVu Sans */
    WrapEntry wraps[WRAP_CACHE];
    GRect clip;              /* the current clip; w < 0: none */
    GRect base;              /* every clip lies within this one (a scrolled view); w < 0: none */
    struct GfxLayer *target; /* the layer being drawn (gfx_layer_begin), or NULL: the screen */
    int clear_pending;       /* gfx_begin's clear, done before the first drawing on the screen */
    GColor clear;
    GRect frame; /* gfx_begin_partial: the screen is drawn only here; w < 0: all */
    int keeps;   /* the screen keeps its pixels between frames (software renderer) */
    int recording;
    GfxBox *boxes;
    size_t nboxes, cap_boxes;
};

/* ==== set-up =============================================================================== */

/* SIGHUP (the terminal or the session closing) ends the window as SIGTERM and SIGINT do: SDL
 * turns those into SDL_QUIT, the loop ends and the attempt in progress is saved unfinished, as
 * on Esc. raise() is async-signal-safe; SDL's own handler only sets a flag. */
static void on_hangup(int sig)
{
    (void)sig;
    raise(SIGTERM);
}

static void forward_hangup(void)
{
    struct sigaction old;
    if (sigaction(SIGHUP, NULL, &old) != 0 || old.sa_handler != SIG_DFL)
        return; /* ignored on purpose (nohup) or handled by someone else */
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_hangup;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGHUP, &sa, NULL);
}

static char *find_font(const char *override, const char *file)
{
    if (override) {
        if (!sim_is_file(override))
            return NULL;
        /* The bold and mono faces sit beside the regular one when they exist. */
        if (strcmp(file, "DejaVuSans.ttf") == 0)
            return sim_strdup(override);
        const char *slash = strrchr(override, '/');
        SimBuf b;
        simbuf_init(&b);
        if (slash)
            simbuf_append(&b, override, (size_t)(slash - override + 1));
        simbuf_puts(&b, file);
        char *p = simbuf_take(&b);
        if (sim_is_file(p))
            return p;
        free(p);
        return sim_strdup(override);
    }
    char *p = sim_path_join(DEFAULT_FONT_DIR, file);
    if (sim_is_file(p))
        return p;
    free(p);
    return NULL;
}

/* Face i at px from path, its file mapped once: FreeType then reads each glyph from memory,
 * where through SDL's file stream every glyph cost a seek and a 4 KiB read (some 9,000 system
 * calls before the first frame). Only the pages FreeType touches are read, and they are the
 * page cache's, not copies. A font updated while the window runs keeps its old mapping (dpkg
 * replaces files by rename, so the mapped inode stays whole). NULL with SDL's error set when
 * it cannot be opened. */
static TTF_Font *open_face(Gfx *g, int i, const char *path, int px)
{
    if (!g->font_map[i]) {
        int fd = open(path, O_RDONLY | O_CLOEXEC);
        struct stat st;
        if (fd < 0 || fstat(fd, &st) != 0 || st.st_size <= 0 || st.st_size > INT_MAX) {
            SDL_SetError("%s", strerror(fd < 0 ? errno : EINVAL));
            if (fd >= 0)
                close(fd);
            return NULL;
        }
        void *m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
        close(fd);
        if (m == MAP_FAILED) {
            SDL_SetError("%s", strerror(errno));
            return NULL;
        }
        g->font_map[i] = m;
        g->font_len[i] = (size_t)st.st_size;
    }
    SDL_RWops *rw = SDL_RWFromConstMem(g->font_map[i], (int)g->font_len[i]);
    return rw ? TTF_OpenFontRW(rw, 1, px) : NULL;
}

static void unmap_face(Gfx *g, int i)
{
    if (g->font_map[i])
        munmap(g->font_map[i], g->font_len[i]);
    g->font_map[i] = NULL;
    g->font_len[i] = 0;
}

SimStatus gfx_create(const GfxOptions *opt, Gfx **out, SimError *err)
{
    *out = NULL;
    Gfx *g = calloc(1, sizeof *g);
    if (g)
        g->clip.w = g->base.w = -1; /* no clip */
    if (!g)
        return sim_error_set(err, SIM_ERR_NOMEM, TRF(STR_NOMEM));
    static const char *const files[GF_COUNT] = {"DejaVuSans.ttf", "DejaVuSans-Bold.ttf",
                                                "DejaVuSansMono.ttf"};
    for (int i = 0; i < GF_COUNT; i++) {
        g->font_path[i] = find_font(opt->font_path, files[i]);
        if (!g->font_path[i]) {
            gfx_destroy(g);
            if (opt->font_path)
                return sim_error_set(err, SIM_ERR_IO, TRF(STR_FONT_NOT_FOUND), opt->font_path);
            return sim_error_set(err, SIM_ERR_IO, TRF(STR_FONT_DEFAULT_NOT_FOUND),
                                 DEFAULT_FONT_DIR);
        }
    }
    SDL_SetHint(SDL_HINT_VIDEO_ALLOW_SCREENSAVER, "1");
    /* The software renderer unless the user asks for another (SDL_RENDER_DRIVER=opengl): it
     * looks the same everywhere, needs no GPU driver, and keeps memory small (with OpenGL on
     * Mesa the process needs several times more). */
    if (!getenv("SDL_RENDER_DRIVER")) {
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    }
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "1");
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "0"); /* SIGINT, SIGTERM → SDL_QUIT (saved) */
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        /* No display (or an impossible SDL_VIDEODRIVER): say what to do about it. */
        sim_error_set(err, SIM_ERR_IO, TRF(STR_ERR_NO_DISPLAY), SDL_GetError());
        gfx_destroy(g);
        return SIM_ERR_IO;
    }
    forward_hangup();
    if (TTF_Init() != 0) {
        sim_error_set(err, SIM_ERR_IO, TRF(STR_TTF_INIT), TTF_GetError());
        gfx_destroy(g);
        return SIM_ERR_IO;
    }
    g->ttf_ready = 1;
    /* A face that exists but does not open (not a font, damaged) would leave every text
     * blank: fall back to DejaVu Sans and say so, or stop with a message when even that
     * fails. */
    for (int i = 0; i < GF_COUNT; i++) {
        TTF_Font *probe = open_face(g, i, g->font_path[i], 16);
        if (probe) { /* kept: the first text resizes it rather than parsing the file again */
            g->fonts[i] = (FontSlot){.px = 16, .face = (GFont)i, .font = probe};
            continue;
        }
        char *fallback = opt->font_path ? find_font(NULL, files[i]) : NULL;
        unmap_face(g, i);
        TTF_Font *again = fallback ? open_face(g, i, fallback, 16) : NULL;
        if (!again) {
            sim_error_set(err, SIM_ERR_IO, TRF(STR_FONT_CANT_OPEN), g->font_path[i],
                          TTF_GetError());
            free(fallback);
            gfx_destroy(g);
            return SIM_ERR_IO;
        }
        g->fonts[i] = (FontSlot){.px = 16, .face = (GFont)i, .font = again};
        if (!g->warning[0])
            snprintf(g->warning, sizeof g->warning, TRF(STR_FONT_FALLBACK), g->font_path[i]);
        free(g->font_path[i]);
        g->font_path[i] = fallback;
    }
    Uint32 flags = SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
    if (opt->hidden)
        flags |= SDL_WINDOW_HIDDEN;
    if (opt->fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    g->win = SDL_CreateWindow(opt->title ? opt->title : "mfc-trainer", SDL_WINDOWPOS_CENTERED,
                              SDL_WINDOWPOS_CENTERED, opt->width, opt->height, flags);
    if (!g->win) {
        sim_error_set(err, SIM_ERR_IO, TRF(STR_WINDOW_CANT_OPEN), SDL_GetError());
        gfx_destroy(g);
        return SIM_ERR_IO;
    }
    SDL_SetWindowMinimumSize(g->win, 960, 540);
    /* The window icon (issue #15): the task bar shows the trainer's own icon. A missing file
     * is not worth a message: the system's default icon stays. */
    SDL_Surface *icon = opt->icon_path ? SDL_LoadBMP(opt->icon_path) : NULL;
    if (icon) {
        SDL_SetWindowIcon(g->win, icon);
        SDL_FreeSurface(icon);
    }
    g->ren = SDL_CreateRenderer(g->win, -1, SDL_RENDERER_PRESENTVSYNC);
    if (!g->ren)
        g->ren = SDL_CreateRenderer(g->win, -1, SDL_RENDERER_SOFTWARE);
    if (!g->ren) {
        sim_error_set(err, SIM_ERR_IO, TRF(STR_RENDERER_CANT_CREATE), SDL_GetError());
        gfx_destroy(g);
        return SIM_ERR_IO;
    }
    SDL_SetRenderDrawBlendMode(g->ren, SDL_BLENDMODE_BLEND);
    /* The software renderer draws into the window's own surface, which keeps its pixels after
     * a present; other renderers may hand back an undefined back buffer. */
    SDL_RendererInfo info;
    g->keeps = SDL_GetRendererInfo(g->ren, &info) == 0 && strcmp(info.name, "software") == 0;
    g->frame.w = -1;
    *out = g;
    return SIM_OK;
}

const char *gfx_warning(const Gfx *g)
{
    return g->warning;
}

static void cache_drop(Gfx *g, TextEntry *e)
{
    g->cache_bytes -= (size_t)e->w * (size_t)e->h * 4;
    if (e->tex)
        SDL_DestroyTexture(e->tex);
    free(e->text);
    memset(e, 0, sizeof *e);
}

static void boxes_clear(Gfx *g)
{
    for (size_t i = 0; i < g->nboxes; i++)
        free(g->boxes[i].text);
    g->nboxes = 0;
}

void gfx_destroy(Gfx *g)
{
    if (!g)
        return;
    boxes_clear(g);
    free(g->boxes);
    for (size_t i = 0; i < WRAP_CACHE; i++) {
        free(g->wraps[i].text);
        free(g->wraps[i].lines);
    }
    for (size_t i = 0; i < TEXT_CACHE; i++)
        if (g->cache[i].text)
            cache_drop(g, &g->cache[i]);
    for (int i = 0; i < FONT_SLOTS; i++)
        if (g->fonts[i].font)
            TTF_CloseFont(g->fonts[i].font);
    for (int i = 0; i < GF_COUNT; i++) {
        unmap_face(g, i); /* after the fonts that read it */
        free(g->font_path[i]);
    }
    if (g->ren)
        SDL_DestroyRenderer(g->ren);
    if (g->win)
        SDL_DestroyWindow(g->win);
    if (g->ttf_ready)
        TTF_Quit();
    SDL_Quit();
    free(g);
}

void gfx_size(const Gfx *g, int *w, int *h)
{
    if (SDL_GetRendererOutputSize(g->ren, w, h) != 0)
        SDL_GetWindowSize(g->win, w, h);
}

float gfx_dpi_scale(const Gfx *g)
{
    int pw, ph, ww, wh;
    gfx_size(g, &pw, &ph);
    SDL_GetWindowSize(g->win, &ww, &wh);
    return ww > 0 ? (float)pw / (float)ww : 1.0f;
}

void gfx_window_size(const Gfx *g, int *w, int *h)
{
    SDL_GetWindowSize(g->win, w, h);
}

void gfx_set_fullscreen(Gfx *g, int on)
{
    SDL_SetWindowFullscreen(g->win, on ? SDL_WINDOW_FULLSCREEN_DESKTOP : 0);
}

void gfx_set_window_size(Gfx *g, int w, int h)
{
    SDL_SetWindowSize(g->win, w, h);
}

int gfx_is_fullscreen(const Gfx *g)
{
    return (SDL_GetWindowFlags(g->win) & SDL_WINDOW_FULLSCREEN_DESKTOP) != 0;
}

void gfx_begin(Gfx *g, GColor c)
{
    g->tick++;
    g->clip.w = g->base.w = -1;
    boxes_clear(g);
    SDL_RenderSetClipRect(g->ren, NULL);
    /* The clear waits for the first drawing: a frame that starts with an opaque layer over the
     * whole window (the office's hall) never needs it. */
    g->clear_pending = 1;
    g->clear = c;
    g->frame.w = -1;
}

int gfx_keeps_frame(const Gfx *g)
{
    return g->keeps;
}

void gfx_begin_partial(Gfx *g, GRect r)
{
    g->tick++;
    g->clip.w = g->base.w = -1;
    boxes_clear(g);
    g->clear_pending = 0;
    g->frame = r;
    SDL_Rect c = {(int)floorf(r.x), (int)floorf(r.y), (int)ceilf(r.w), (int)ceilf(r.h)};
    SDL_RenderSetClipRect(g->ren, &c);
}

/* Does gfx_begin's clear if it is still owed and the screen is being drawn. */
static void flush_clear(Gfx *g)
{
    if (!g->clear_pending || g->target)
        return;
    g->clear_pending = 0;
    SDL_SetRenderDrawColor(g->ren, g->clear.r, g->clear.g, g->clear.b, 255);
    SDL_RenderClear(g->ren);
}

void gfx_present(Gfx *g)
{
    flush_clear(g);
    SDL_RenderPresent(g->ren);
}

static void clip_set(Gfx *g, const GRect *r)
{
    /* A partial frame (gfx_begin_partial) draws the screen only within its rectangle, whatever
     * clips the drawing code sets or removes; layers are drawn whole. */
    GRect in;
    if (g->frame.w >= 0 && !g->target) {
        const GRect *f = &g->frame;
        if (!r) {
            in = *f;
        } else {
            float x0 = fmaxf(r->x, f->x), y0 = fmaxf(r->y, f->y);
            float x1 = fminf(r->x + r->w, f->x + f->w), y1 = fminf(r->y + r->h, f->y + f->h);
            in = (GRect){x0, y0, fmaxf(0, x1 - x0), fmaxf(0, y1 - y0)};
        }
        SDL_Rect c = {(int)floorf(in.x), (int)floorf(in.y), (int)ceilf(in.w), (int)ceilf(in.h)};
        g->clip = r ? *r : (GRect){0, 0, -1, -1};
        SDL_RenderSetClipRect(g->ren, &c);
        return;
    }
    if (!r) {
        g->clip.w = -1;
        SDL_RenderSetClipRect(g->ren, NULL);
        return;
    }
    g->clip = *r;
    SDL_Rect c = {(int)floorf(r->x), (int)floorf(r->y), (int)ceilf(r->w), (int)ceilf(r->h)};
    SDL_RenderSetClipRect(g->ren, &c);
}

void gfx_clip(Gfx *g, const GRect *r)
{
    if (g->base.w < 0) {
        clip_set(g, r);
        return;
    }
    if (!r) {
        clip_set(g, &g->base);
        return;
    }
    /* Within the base clip: the intersection (empty when they do not meet). */
    float x0 = fmaxf(r->x, g->base.x), y0 = fmaxf(r->y, g->base.y);
    float x1 = fminf(r->x + r->w, g->base.x + g->base.w);
    float y1 = fminf(r->y + r->h, g->base.y + g->base.h);
    GRect c = {x0, y0, fmaxf(0, x1 - x0), fmaxf(0, y1 - y0)};
    clip_set(g, &c);
}

void gfx_clip_base(Gfx *g, const GRect *r)
{
    if (r)
        g->base = *r;
    else
        g->base.w = -1;
    clip_set(g, r);
}

/* ==== shapes =============================================================================== */

static SDL_Color sc(GColor c)
{
    SDL_Color s = {c.r, c.g, c.b, c.a};
    return s;
}

static int record(Gfx *g, char kind, GRect r, const char *text, size_t n);
static void touch(Gfx *g, float x0, float y0, float x1, float y1);

/* The colour of the next shapes. An opaque colour is written without blending: the software
 * renderer then fills rows with plain stores instead of mixing every pixel (the same result,
 * several times faster over the full-window hall). */
static void shape_color(Gfx *g, GColor c)
{
    flush_clear(g);
    SDL_SetRenderDrawBlendMode(g->ren, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(g->ren, c.r, c.g, c.b, c.a);
}

void gfx_fill(Gfx *g, GRect r, GColor c)
{
    if (g->recording && c.a == 255 && r.w >= 8 && r.h >= 8)
        record(g, 'P', r, NULL, 0);
    shape_color(g, c);
    touch(g, r.x, r.y, r.x + r.w, r.y + r.h);
    SDL_FRect f = {r.x, r.y, r.w, r.h};
    SDL_RenderFillRectF(g->ren, &f);
}

void gfx_gradient(Gfx *g, GRect r, GColor top, GColor bottom)
{
    /* Horizontal bands of flat colour: the software renderer fills rectangles far faster than
     * it interpolates colour across triangles, and 2-pixel bands read as a smooth gradient. */
    int bands = (int)(r.h / 2.0f);
    if (bands < 1)
        bands = 1;
    if (bands > 256)
        bands = 256;
    float bh = r.h / bands;
    for (int i = 0; i < bands; i++) {
        float k = bands > 1 ? (float)i / (bands - 1) : 0;
        GColor c = {(uint8_t)(top.r + (bottom.r - top.r) * k + 0.5f),
                    (uint8_t)(top.g + (bottom.g - top.g) * k + 0.5f),
                    (uint8_t)(top.b + (bottom.b - top.b) * k + 0.5f),
                    (uint8_t)(top.a + (bottom.a - top.a) * k + 0.5f)};
        float y0 = r.y + i * bh, y1 = i == bands - 1 ? r.y + r.h : r.y + (i + 1) * bh;
        gfx_fill(g, (GRect){r.x, floorf(y0), r.w, ceilf(y1) - floorf(y0)}, c);
    }
}

#define MAX_PTS 256

/* Fills a convex polygon given as points, as a fan around its first point. */
static void fan(Gfx *g, const float *xy, int n, GColor c)
{
    if (n < 3)
        return;
    SDL_Vertex v[MAX_PTS];
    int idx[(MAX_PTS - 2) * 3];
    if (n > MAX_PTS)
        n = MAX_PTS;
    float bx0 = xy[0], by0 = xy[1], bx1 = xy[0], by1 = xy[1];
    for (int i = 0; i < n; i++) {
        bx0 = fminf(bx0, xy[2 * i]);
        bx1 = fmaxf(bx1, xy[2 * i]);
        by0 = fminf(by0, xy[2 * i + 1]);
        by1 = fmaxf(by1, xy[2 * i + 1]);
        v[i].position.x = xy[2 * i];
        v[i].position.y = xy[2 * i + 1];
        v[i].color = sc(c);
        v[i].tex_coord.x = v[i].tex_coord.y = 0;
    }
    int k = 0;
    for (int i = 1; i + 1 < n; i++) {
        idx[k++] = 0;
        idx[k++] = i;
        idx[k++] = i + 1;
    }
    shape_color(g, c);
    touch(g, bx0, by0, bx1, by1);
    SDL_RenderGeometry(g->ren, NULL, v, n, idx, k);
}

void gfx_poly(Gfx *g, const float *xy, int n, GColor c)
{
    fan(g, xy, n, c);
}

static int arc_steps(float r)
{
    int n = (int)(r / 2.0f) + 6;
    return n > 48 ? 48 : n;
}

/* Rounded rectangles and ellipses are filled as rows of whole pixels: one rectangle per row
 * of a rounded end and one for the straight middle, in a single call. The software renderer
 * fills rectangles many times faster than it rasterises triangles (a fan through
 * SDL_RenderGeometry made the first office frame cost three times the whole floor program of
 * bench/floor_sdl.c), and rows that never overlap blend translucent colours exactly once. */
#define MAX_ROWS 1024

/* Fills rows y0..y1-1 whose span is [x0 + inset(row), x1 - inset(row)). */
typedef int (*RowInset)(const void *ctx, int row);

static void fill_rows(Gfx *g, int x0, int y0, int x1, int y1, RowInset inset, const void *ctx,
                      GColor c)
{
    SDL_Rect rows[MAX_ROWS];
    int n = 0;
    shape_color(g, c);
    touch(g, (float)x0, (float)y0, (float)x1, (float)y1);
    for (int y = y0; y < y1; y++) {
        int in = inset(ctx, y - y0);
        /* rows with the same inset become one rectangle (the straight middle) */
        if (n > 0 && rows[n - 1].x == x0 + in && rows[n - 1].y + rows[n - 1].h == y &&
            rows[n - 1].w == x1 - x0 - 2 * in) {
            rows[n - 1].h++;
            continue;
        }
        if (x1 - x0 - 2 * in <= 0)
            continue;
        if (n == MAX_ROWS) {
            SDL_RenderFillRects(g->ren, rows, n);
            n = 0;
        }
        rows[n++] = (SDL_Rect){x0 + in, y, x1 - x0 - 2 * in, 1};
    }
    if (n)
        SDL_RenderFillRects(g->ren, rows, n);
}

typedef struct RoundRows {
    int h, rad;
} RoundRows;

/* How far a row of a rounded rectangle starts in from its sides. */
static int round_inset(const void *ctx, int row)
{
    const RoundRows *k = ctx;
    int from_edge = row < k->rad ? row : k->h - 1 - row;
    if (from_edge >= k->rad)
        return 0;
    float dy = (float)k->rad - ((float)from_edge + 0.5f);
    return (int)lroundf((float)k->rad - sqrtf((float)k->rad * (float)k->rad - dy * dy));
}

void gfx_round(Gfx *g, GRect r, float rad, GColor c)
{
    if (g->recording && c.a == 255 && r.w >= 8 && r.h >= 8 && rad >= 0.5f)
        record(g, 'P', r, NULL, 0);
    if (rad * 2 > r.w)
        rad = r.w / 2;
    if (rad * 2 > r.h)
        rad = r.h / 2;
    if (rad < 0.5f) {
        gfx_fill(g, r, c);
        return;
    }
    int x0 = (int)lroundf(r.x), y0 = (int)lroundf(r.y);
    int x1 = (int)lroundf(r.x + r.w), y1 = (int)lroundf(r.y + r.h);
    RoundRows k = {y1 - y0, (int)lroundf(rad)};
    if (k.rad * 2 > x1 - x0)
        k.rad = (x1 - x0) / 2;
    if (k.rad * 2 > k.h)
        k.rad = k.h / 2;
    fill_rows(g, x0, y0, x1, y1, round_inset, &k, c);
}

typedef struct EllipseRows {
    float cy, rx, ry, cx;
    int x0, y0;
} EllipseRows;

/* An ellipse's row: how far it starts in from the ellipse's bounding box. */
static int ellipse_inset(const void *ctx, int row)
{
    const EllipseRows *k = ctx;
    float y = (float)(k->y0 + row) + 0.5f - k->cy;
    float t = 1.0f - (y * y) / (k->ry * k->ry);
    float half = t > 0 ? k->rx * sqrtf(t) : 0;
    /* symmetric about the centre, measured from the left side of the box */
    int left = (int)lroundf(k->cx - half);
    return left - k->x0;
}

void gfx_ellipse(Gfx *g, float cx, float cy, float rx, float ry, GColor c)
{
    if (rx < 0.5f || ry < 0.5f)
        return;
    /* A box of whole pixels centred on the ellipse: each row is symmetric within it. */
    int x0 = (int)lroundf(cx - rx), x1 = (int)lroundf(cx + rx);
    int y0 = (int)lroundf(cy - ry), y1 = (int)lroundf(cy + ry);
    EllipseRows k = {cy, rx, ry, (float)(x0 + x1) / 2.0f, x0, y0};
    fill_rows(g, x0, y0, x1, y1, ellipse_inset, &k, c);
}

void gfx_circle(Gfx *g, float cx, float cy, float r, GColor c)
{
    gfx_ellipse(g, cx, cy, r, r, c);
}

/* A strip between two concentric paths: an outline of thickness w. */
void gfx_arc(Gfx *g, float cx, float cy, float rx, float ry, float a0, float a1, float w, GColor c)
{
    SDL_Vertex v[2 * 64];
    int idx[6 * 63];
    int steps = arc_steps(rx > ry ? rx : ry);
    if (steps > 63)
        steps = 63;
    for (int i = 0; i <= steps; i++) {
        float a = a0 + (a1 - a0) * i / steps;
        float ca = cosf(a), sa = sinf(a);
        v[2 * i].position.x = cx + (rx + w / 2) * ca;
        v[2 * i].position.y = cy + (ry + w / 2) * sa;
        v[2 * i + 1].position.x = cx + (rx - w / 2) * ca;
        v[2 * i + 1].position.y = cy + (ry - w / 2) * sa;
        v[2 * i].color = v[2 * i + 1].color = sc(c);
        v[2 * i].tex_coord.x = v[2 * i].tex_coord.y = 0;
        v[2 * i + 1].tex_coord.x = v[2 * i + 1].tex_coord.y = 0;
    }
    int k = 0;
    for (int i = 0; i < steps; i++) {
        idx[k++] = 2 * i;
        idx[k++] = 2 * i + 1;
        idx[k++] = 2 * i + 2;
        idx[k++] = 2 * i + 1;
        idx[k++] = 2 * i + 3;
        idx[k++] = 2 * i + 2;
    }
    shape_color(g, c);
    float ext = fmaxf(rx, ry) + w; /* the arc lies within its ellipse's box */
    touch(g, cx - ext, cy - ext, cx + ext, cy + ext);
    SDL_RenderGeometry(g->ren, NULL, v, 2 * (steps + 1), idx, k);
}

void gfx_ring(Gfx *g, float cx, float cy, float r, float w, GColor c)
{
    gfx_arc(g, cx, cy, r, r, 0, 2 * (float)M_PI, w, c);
}

void gfx_round_outline(Gfx *g, GRect r, float rad, float w, GColor c)
{
    if (rad * 2 > r.w)
        rad = r.w / 2;
    if (rad * 2 > r.h)
        rad = r.h / 2;
    float h = w / 2;
    gfx_fill(g, (GRect){r.x + rad, r.y - h, r.w - 2 * rad, w}, c);
    gfx_fill(g, (GRect){r.x + rad, r.y + r.h - h, r.w - 2 * rad, w}, c);
    gfx_fill(g, (GRect){r.x - h, r.y + rad, w, r.h - 2 * rad}, c);
    gfx_fill(g, (GRect){r.x + r.w - h, r.y + rad, w, r.h - 2 * rad}, c);
    if (rad >= 0.5f) {
        const float P = (float)M_PI;
        gfx_arc(g, r.x + r.w - rad, r.y + rad, rad, rad, -P / 2, 0, w, c);
        gfx_arc(g, r.x + r.w - rad, r.y + r.h - rad, rad, rad, 0, P / 2, w, c);
        gfx_arc(g, r.x + rad, r.y + r.h - rad, rad, rad, P / 2, P, w, c);
        gfx_arc(g, r.x + rad, r.y + rad, rad, rad, P, 3 * P / 2, w, c);
    }
}

void gfx_line(Gfx *g, float x0, float y0, float x1, float y1, float w, GColor c)
{
    float dx = x1 - x0, dy = y1 - y0, len = sqrtf(dx * dx + dy * dy);
    if (len < 0.01f)
        return;
    float nx = -dy / len * w / 2, ny = dx / len * w / 2;
    float pts[8] = {x0 + nx, y0 + ny, x1 + nx, y1 + ny, x1 - nx, y1 - ny, x0 - nx, y0 - ny};
    fan(g, pts, 4, c);
}

/* ==== text ================================================================================= */

/* One TTF_Font per face, resized on demand: opening DejaVu anew for every size parsed the
 * whole file each time and dominated start-up. */
static TTF_Font *font_at(Gfx *g, int px, GFont f)
{
    if (px < 6)
        px = 6;
    if (px > 200)
        px = 200;
    FontSlot *slot = &g->fonts[f];
    if (!slot->font) {
        slot->font = open_face(g, (int)f, g->font_path[f], px);
        slot->px = px;
        slot->face = f;
        return slot->font;
    }
    if (slot->px != px && TTF_SetFontSize(slot->font, px) == 0)
        slot->px = px;
    return slot->font;
}

int gfx_line_height(Gfx *g, int px, GFont f)
{
    TTF_Font *font = font_at(g, px, f);
    return font ? TTF_FontLineSkip(font) : px;
}

/* Drawn text is capped: SDL_ttf lays a line out in time that grows with the square of its
 * length, so a megabyte from an old database or a broken file would freeze the window
 * (issue #16, finding 6). Longer text is cut at a character boundary and ends with «…». */
#define GFX_TEXT_MAX 16384

static TextEntry *text_get(Gfx *g, const char *text, int px, GFont f, GColor c, int wrap)
{
    if (!text || !*text)
        return NULL;
    size_t len = strlen(text);
    char cut[GFX_TEXT_MAX + 8];
    if (len > GFX_TEXT_MAX) {
        size_t n = GFX_TEXT_MAX;
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
            n--; /* not inside a UTF-8 sequence */
        memcpy(cut, text, n);
        memcpy(cut + n, "\xE2\x80\xA6", 4); /* … and the terminating NUL */
        text = cut;
        len = n + 3;
    }
    uint64_t h = sim_hash_fnv1a(SIM_HASH_INIT, text, len);
    h = sim_hash_fnv1a(h, &px, sizeof px);
    h = sim_hash_fnv1a(h, &wrap, sizeof wrap);
    int fi = (int)f;
    h = sim_hash_fnv1a(h, &fi, sizeof fi);
    h = sim_hash_fnv1a(h, &c, sizeof c);
    size_t slot = (size_t)(h % TEXT_CACHE);
    /* Open addressing with a short probe; on a full neighbourhood evict the stalest entry. */
    size_t victim = slot;
    for (size_t probe = 0; probe < 8; probe++) {
        TextEntry *e = &g->cache[(slot + probe) % TEXT_CACHE];
        if (e->text && e->hash == h && e->px == px && e->wrap == wrap && e->face == f &&
            memcmp(&e->color, &c, sizeof c) == 0 && strcmp(e->text, text) == 0) {
            e->used = g->tick;
            return e;
        }
        if (!e->text) {
            victim = (slot + probe) % TEXT_CACHE;
            break;
        }
        if (e->used < g->cache[victim].used)
            victim = (slot + probe) % TEXT_CACHE;
    }
    TextEntry *e = &g->cache[victim];
    if (e->text) {
        cache_drop(g, e);
        g->cache_count--;
    }
    TTF_Font *font = font_at(g, px, f);
    if (!font)
        return NULL;
    SDL_Color col = {c.r, c.g, c.b, c.a};
    SDL_Surface *surf = wrap > 0 ? TTF_RenderUTF8_Blended_Wrapped(font, text, col, (Uint32)wrap)
                                 : TTF_RenderUTF8_Blended(font, text, col);
    if (!surf)
        return NULL;
    e->tex = SDL_CreateTextureFromSurface(g->ren, surf);
    e->w = surf->w;
    e->h = surf->h;
    SDL_FreeSurface(surf);
    if (!e->tex)
        return NULL;
    e->text = sim_strdup(text);
    e->hash = h;
    e->px = px;
    e->wrap = wrap;
    e->face = f;
    e->color = c;
    e->used = g->tick;
    g->cache_count++;
    g->renders++;
    g->cache_bytes += (size_t)e->w * (size_t)e->h * 4;
    /* Over the budget: the least recently used texts go, never one drawn in this frame. */
    while (g->cache_bytes > TEXT_CACHE_BYTES) {
        TextEntry *old = NULL;
        for (size_t i = 0; i < TEXT_CACHE; i++) {
            TextEntry *x = &g->cache[i];
            if (x->text && x->used < g->tick && (!old || x->used < old->used))
                old = x;
        }
        if (!old)
            break;
        cache_drop(g, old);
        g->cache_count--;
    }
    return e;
}

float gfx_text(Gfx *g, const char *text, float x, float y, int px, GFont f, GColor c)
{
    TextEntry *e = text_get(g, text, px, f, c, 0);
    if (!e)
        return 0;
    SDL_FRect dst = {floorf(x), floorf(y), (float)e->w, (float)e->h};
    if (g->recording && record(g, 'T', (GRect){dst.x, dst.y, dst.w, dst.h}, text, strlen(text)))
        g->boxes[g->nboxes - 1].color = c;
    touch(g, dst.x, dst.y, dst.x + dst.w, dst.y + dst.h);
    flush_clear(g);
    SDL_RenderCopyF(g->ren, e->tex, NULL, &dst);
    return (float)e->w;
}

void gfx_text_size(Gfx *g, const char *text, int px, GFont f, int *w, int *h)
{
    *w = 0;
    *h = gfx_line_height(g, px, f);
    if (!text || !*text)
        return;
    TTF_Font *font = font_at(g, px, f);
    if (font)
        TTF_SizeUTF8(font, text, w, h);
}

/* ==== wrapped text ========================================================================== */

typedef struct Measure {
    TTF_Font *font;
    float ascii[128]; /* widths of single ASCII characters measured so far; < 0 unknown */
} Measure;

static float measure(void *ctx, const char *s, size_t n)
{
    Measure *m = ctx;
    if (n == 1 && (unsigned char)s[0] < 128 && m->ascii[(unsigned char)s[0]] >= 0)
        return m->ascii[(unsigned char)s[0]];
    char small[256];
    char *buf = n < sizeof small ? small : malloc(n + 1);
    int w = 0, h = 0;
    if (buf) {
        memcpy(buf, s, n);
        buf[n] = '\0';
        TTF_SizeUTF8(m->font, buf, &w, &h);
        if (buf != small)
            free(buf);
    }
    if (n == 1 && (unsigned char)s[0] < 128)
        m->ascii[(unsigned char)s[0]] = (float)w;
    return (float)w;
}

typedef struct Lines {
    WrapLine *v;
    size_t n, cap;
} Lines;

static void emit(void *ctx, size_t start, size_t len, float w)
{
    (void)w;
    Lines *l = ctx;
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 16;
        WrapLine *v = realloc(l->v, cap * sizeof *v);
        if (!v)
            return;
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = (WrapLine){start, len};
}

/* The lines of text at px in face f within width, laid out once and kept. */
static const WrapEntry *wrap_get(Gfx *g, const char *text, int px, GFont f, int width)
{
    size_t len = strlen(text);
    uint64_t h = sim_hash_fnv1a(SIM_HASH_INIT, text, len);
    h = sim_hash_fnv1a(h, &px, sizeof px);
    h = sim_hash_fnv1a(h, &width, sizeof width);
    int fi = (int)f;
    h = sim_hash_fnv1a(h, &fi, sizeof fi);
    WrapEntry *victim = &g->wraps[0];
    for (size_t i = 0; i < WRAP_CACHE; i++) {
        WrapEntry *e = &g->wraps[i];
        if (e->text && e->hash == h && e->px == px && e->width == width && e->face == f &&
            strcmp(e->text, text) == 0) {
            e->used = g->tick;
            return e;
        }
        if (e->used < victim->used)
            victim = e;
    }
    TTF_Font *font = font_at(g, px, f);
    if (!font)
        return NULL;
    Measure m = {.font = font};
    for (int i = 0; i < 128; i++)
        m.ascii[i] = -1;
    Lines lines = {0};
    wrap_text(text, len, (float)width, measure, &m, emit, &lines);
    free(victim->text);
    free(victim->lines);
    *victim = (WrapEntry){.hash = h,
                          .text = sim_strdup(text),
                          .px = px,
                          .width = width,
                          .face = f,
                          .lines = lines.v,
                          .count = lines.n,
                          .used = g->tick};
    return victim;
}

float gfx_text_box(Gfx *g, const char *text, float x, float y, float max_w, int px, GFont f,
                   GColor c, int draw)
{
    if (!text || !*text)
        return 0;
    const WrapEntry *we = wrap_get(g, text, px, f, (int)max_w);
    if (!we)
        return 0;
    float lh = (float)gfx_line_height(g, px, f);
    float height = lh * (float)we->count;
    if (!draw)
        return height;
    /* Only the lines in view are rendered: a megabyte of text costs its layout, not a
     * texture per line. */
    int W, H;
    gfx_size(g, &W, &H);
    float top = 0, bottom = (float)H;
    if (g->clip.w >= 0) {
        top = fmaxf(top, g->clip.y);
        bottom = fminf(bottom, g->clip.y + g->clip.h);
    }
    size_t first = y >= top ? 0 : (size_t)((top - y) / lh);
    char buf[1024];
    for (size_t i = first; i < we->count; i++) {
        float ly = y + lh * (float)i;
        if (ly > bottom)
            break;
        const WrapLine *ln = &we->lines[i];
        if (!ln->len)
            continue;
        size_t n = ln->len < sizeof buf - 4 ? ln->len : sizeof buf - 4;
        while (n < ln->len && n > 0 && ((unsigned char)we->text[ln->start + n] & 0xC0) == 0x80)
            n--; /* a line cut for the buffer ends on a character boundary */
        memcpy(buf, we->text + ln->start, n);
        buf[n] = '\0';
        gfx_text(g, buf, x, ly, px, f, c);
        /* For the layout check: a line that ends inside a word (the word alone was wider than
         * the box) is a label laid out too narrow — "B", with the piece that was cut. */
        size_t end = ln->start + ln->len;
        char next = we->text[end];
        if (g->recording && next && next != ' ' && next != '\n')
            record(g, 'B', (GRect){x, ly, max_w, lh}, buf, n);
    }
    return height;
}

/* ==== handwriting ============================================================================ */

/* A small deterministic generator for the wobble of handwriting (the same text always looks the
 * same, frame after frame). Returns a value in [-1, 1]. */
static float wobble(uint64_t *h)
{
    *h = *h * 6364136223846793005ULL + 1442695040888963407ULL;
    return (float)((*h >> 40) & 0xFFFF) / 32767.5f - 1.0f;
}

float gfx_hand_box(Gfx *g, const char *text, float x, float y, float max_w, int px, GColor c,
                   float line_step, int draw)
{
    if (!text || !*text)
        return 0;
    /* Tilted letters reach a little further than upright ones: wrap a bit short of the edge. */
    const WrapEntry *we = wrap_get(g, text, px, GF_REGULAR, (int)(max_w * 0.95f));
    TTF_Font *font = font_at(g, px, GF_REGULAR);
    if (!we || !font)
        return 0;
    float lh = (float)gfx_line_height(g, px, GF_REGULAR);
    float step = line_step > lh ? line_step : lh;
    float height = step * (float)we->count;
    if (!draw)
        return height;
    flush_clear(g);
    uint64_t h = sim_hash_fnv1a(SIM_HASH_INIT, text, strlen(text));
    float amp = (float)px * 0.05f; /* the baseline wanders by this much either way */
    for (size_t i = 0; i < we->count; i++) {
        const WrapLine *ln = &we->lines[i];
        float ly = y + step * (float)i;
        float drift = wobble(&h) * amp; /* each line rises or falls a little towards its end */
        float cx = x + wobble(&h) * (float)px * 0.15f + (float)px * 0.15f;
        float x0 = cx;
        const unsigned char *p = (const unsigned char *)we->text + ln->start;
        const unsigned char *end = p + ln->len;
        while (p < end) {
            int n = sim_utf8_seq(p, end);
            if (n <= 0) {
                p++;
                continue;
            }
            char glyph[8];
            memcpy(glyph, p, (size_t)n);
            glyph[n] = '\0';
            p += n;
            int adv = 0, dummy;
            Uint32 cp = 0;
            if (n == 1)
                cp = glyph[0];
            else if (n == 2)
                cp = ((Uint32)(glyph[0] & 0x1F) << 6) | (glyph[1] & 0x3F);
            else if (n == 3)
                cp = ((Uint32)(glyph[0] & 0x0F) << 12) | ((Uint32)(glyph[1] & 0x3F) << 6) |
                     (glyph[2] & 0x3F);
            if (!cp || TTF_GlyphMetrics32(font, cp, &dummy, &dummy, &dummy, &dummy, &adv) != 0)
                TTF_SizeUTF8(font, glyph, &adv, &dummy);
            float t = ln->len ? (cx - x0) / fmaxf(1.0f, max_w) : 0;
            float dy = wobble(&h) * amp + drift * t;
            /* A forward lean (clockwise on screen), a little different for every letter. */
            float angle = 7.0f + wobble(&h) * 2.5f;
            if (glyph[0] != ' ') {
                TextEntry *e = text_get(g, glyph, px, GF_REGULAR, c, 0);
                if (e) {
                    float k = 1.0f + wobble(&h) * 0.05f;
                    SDL_FRect dst = {floorf(cx), floorf(ly + dy + (1.0f - k) * (float)e->h),
                                     (float)e->w * k, (float)e->h * k};
                    SDL_RenderCopyExF(g->ren, e->tex, NULL, &dst, angle, NULL, SDL_FLIP_NONE);
                }
            }
            cx += (float)adv * (1.0f + wobble(&h) * 0.04f);
        }
        /* One box per line for the layout and contrast checks: where the wobbling letters
         * went, in the ink's colour. */
        GRect box = {x0, ly - amp - fabsf(drift), cx - x0, lh + 2 * amp + 2 * fabsf(drift)};
        if (g->recording && record(g, 'T', box, we->text + ln->start, ln->len))
            g->boxes[g->nboxes - 1].color = c;
        touch(g, box.x - (float)px, box.y, box.x + box.w + (float)px, box.y + box.h);
    }
    return height;
}

/* ==== the layout check ======================================================================= */

/* Keeps one box; returns 1 when it was kept (it shows, and memory allowed). */
static int record(Gfx *g, char kind, GRect r, const char *text, size_t n)
{
    if (g->clip.w >= 0 && kind != 'L') { /* the visible part only */
        float x0 = fmaxf(r.x, g->clip.x), y0 = fmaxf(r.y, g->clip.y);
        float x1 = fminf(r.x + r.w, g->clip.x + g->clip.w);
        float y1 = fminf(r.y + r.h, g->clip.y + g->clip.h);
        if (x1 <= x0 || y1 <= y0)
            return 0;
        r = (GRect){x0, y0, x1 - x0, y1 - y0};
    }
    if (g->nboxes == g->cap_boxes) {
        size_t cap = g->cap_boxes ? 2 * g->cap_boxes : 256;
        GfxBox *v = realloc(g->boxes, cap * sizeof *v);
        if (!v)
            return 0;
        g->boxes = v;
        g->cap_boxes = cap;
    }
    char *t = NULL;
    if (text) {
        size_t k = n < 60 ? n : 60;
        while (k < n && k > 0 && ((unsigned char)text[k] & 0xC0) == 0x80)
            k--;
        t = malloc(k + 1);
        if (t) {
            memcpy(t, text, k);
            t[k] = '\0';
            for (char *p = t; *p; p++)
                if (*p == '\n' || *p == '\t')
                    *p = ' ';
        }
    }
    g->boxes[g->nboxes++] = (GfxBox){.kind = kind, .r = r, .text = t};
    return 1;
}

void gfx_record(Gfx *g, int on)
{
    g->recording = on;
}

void gfx_layer_mark(Gfx *g)
{
    if (g->recording)
        record(g, 'L', (GRect){0, 0, 0, 0}, NULL, 0);
}

void gfx_panel_mark(Gfx *g, GRect r)
{
    if (g->recording)
        record(g, 'P', r, NULL, 0);
}

SimStatus gfx_record_dump(Gfx *g, const char *path, SimError *err)
{
    FILE *f = fopen(path, "w");
    if (!f)
        return sim_error_set(err, SIM_ERR_IO, TRF(STR_FILE_CANT_WRITE), path);
    int W, H;
    gfx_size(g, &W, &H);
    fprintf(f, "W %d %d\n", W, H);
    for (size_t i = 0; i < g->nboxes; i++) {
        const GfxBox *b = &g->boxes[i];
        fprintf(f, "%c %.1f %.1f %.1f %.1f %s\n", b->kind, b->r.x, b->r.y, b->r.w, b->r.h,
                b->text ? b->text : "");
        if (b->kind == 'T') /* its colour on a line of its own: "C r g b a" */
            fprintf(f, "C %d %d %d %d\n", b->color.r, b->color.g, b->color.b, b->color.a);
    }
    fclose(f);
    return SIM_OK;
}

/* A transparent layer remembers which tiles anything was drawn on: the rest of it is clear, and
 * copying it over the screen each frame blends only the tiles that hold something (the
 * office's front layer is the desk and the HUD, not the hall between them). */
#define TILE 32

struct GfxLayer {
    SDL_Texture *tex;
    int w, h;
    int transparent;
    int tw, th;          /* tiles across and down */
    unsigned char *used; /* tw × th: 1 where something was drawn */
};

/* Marks the tiles under [x0, x1) × [y0, y1) of the layer being drawn, if any. */
static void touch(Gfx *g, float x0, float y0, float x1, float y1)
{
    GfxLayer *l = g->target;
    if (!l || !l->transparent)
        return;
    int tx0 = (int)floorf(x0) / TILE, ty0 = (int)floorf(y0) / TILE;
    int tx1 = (int)ceilf(x1) / TILE, ty1 = (int)ceilf(y1) / TILE;
    tx0 = tx0 < 0 ? 0 : tx0;
    ty0 = ty0 < 0 ? 0 : ty0;
    tx1 = tx1 >= l->tw ? l->tw - 1 : tx1;
    ty1 = ty1 >= l->th ? l->th - 1 : ty1;
    for (int ty = ty0; ty <= ty1; ty++)
        for (int tx = tx0; tx <= tx1; tx++)
            l->used[ty * l->tw + tx] = 1;
}

int gfx_layer_begin(Gfx *g, GfxLayer **layer, int transparent, int height)
{
    int w, h;
    gfx_size(g, &w, &h);
    if (height > 0 && height < h)
        h = height;
    GfxLayer *l = *layer;
    if (l && (l->w != w || l->h != h || l->transparent != transparent)) {
        gfx_layer_free(l);
        *layer = l = NULL;
    }
    if (!l) {
        l = calloc(1, sizeof *l);
        if (!l)
            return 0;
        l->tw = (w + TILE - 1) / TILE;
        l->th = (h + TILE - 1) / TILE;
        l->used = calloc((size_t)l->tw * (size_t)l->th, 1);
        /* An opaque layer in the window's own pixel format is copied to it row by row with
         * no conversion (the walk-up copies it every frame). */
        Uint32 fmt = SDL_PIXELFORMAT_ARGB8888;
        if (!transparent && SDL_GetWindowPixelFormat(g->win) != SDL_PIXELFORMAT_UNKNOWN)
            fmt = SDL_GetWindowPixelFormat(g->win);
        l->tex = l->used ? SDL_CreateTexture(g->ren, fmt, SDL_TEXTUREACCESS_TARGET, w, h) : NULL;
        if (!l->tex && l->used && fmt != SDL_PIXELFORMAT_ARGB8888)
            l->tex =
                SDL_CreateTexture(g->ren, SDL_PIXELFORMAT_ARGB8888, SDL_TEXTUREACCESS_TARGET, w, h);
        if (!l->tex) {
            free(l->used);
            free(l);
            return 0;
        }
        l->w = w;
        l->h = h;
        l->transparent = transparent;
        *layer = l;
    }
    memset(l->used, 0, (size_t)l->tw * (size_t)l->th);
    SDL_SetTextureBlendMode(l->tex, transparent ? SDL_BLENDMODE_BLEND : SDL_BLENDMODE_NONE);
    if (SDL_SetRenderTarget(g->ren, l->tex) != 0)
        return 0;
    g->target = l;
    SDL_SetRenderDrawColor(g->ren, 0, 0, 0, transparent ? 0 : 255);
    SDL_RenderClear(g->ren);
    return 1;
}

void gfx_layer_end(Gfx *g)
{
    SDL_SetRenderTarget(g->ren, NULL);
    g->target = NULL;
}

void gfx_layer_draw(Gfx *g, GfxLayer *layer)
{
    if (!layer || !layer->tex)
        return;
    if (!layer->transparent) {
        /* An opaque layer as large as the window covers the owed clear, unless a clip leaves
         * part of the screen uncovered. */
        int w, h;
        gfx_size(g, &w, &h);
        if (g->clip.w >= 0 || layer->w < w || layer->h < h)
            flush_clear(g);
        else if (!g->target)
            g->clear_pending = 0;
        SDL_Rect r = {0, 0, layer->w, layer->h};
        SDL_RenderCopy(g->ren, layer->tex, &r, &r);
        return;
    }
    flush_clear(g);
    /* Each run of used tiles along a row of tiles, as one copy. */
    for (int ty = 0; ty < layer->th; ty++)
        for (int tx = 0; tx < layer->tw;) {
            if (!layer->used[ty * layer->tw + tx]) {
                tx++;
                continue;
            }
            int end = tx;
            while (end < layer->tw && layer->used[ty * layer->tw + end])
                end++;
            SDL_Rect r = {tx * TILE, ty * TILE, (end - tx) * TILE, TILE};
            if (r.x + r.w > layer->w)
                r.w = layer->w - r.x;
            if (r.y + r.h > layer->h)
                r.h = layer->h - r.y;
            SDL_RenderCopy(g->ren, layer->tex, &r, &r);
            tx = end;
        }
}

void gfx_layer_free(GfxLayer *layer)
{
    if (!layer)
        return;
    if (layer->tex)
        SDL_DestroyTexture(layer->tex);
    free(layer->used);
    free(layer);
}

SimStatus gfx_screenshot(Gfx *g, const char *png_path, SimError *err)
{
    if (gfx_img_load(err) != SIM_OK)
        return SIM_ERR_IO;
    flush_clear(g);
    int w, h;
    gfx_size(g, &w, &h);
    SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, w, h, 32, SDL_PIXELFORMAT_ABGR8888);
    if (!s)
        return sim_error_set(err, SIM_ERR_NOMEM, TRF(STR_SCREENSHOT_FAILED), SDL_GetError());
    if (SDL_RenderReadPixels(g->ren, NULL, SDL_PIXELFORMAT_ABGR8888, s->pixels, s->pitch) != 0 ||
        IMG_SavePNG(s, png_path) != 0) {
        sim_error_set(err, SIM_ERR_IO, TRF(STR_SCREENSHOT_FILE_FAILED), png_path, SDL_GetError());
        SDL_FreeSurface(s);
        return SIM_ERR_IO;
    }
    SDL_FreeSurface(s);
    return SIM_OK;
}

void gfx_cache_stats(const Gfx *g, size_t *entries, size_t *renders)
{
    *entries = g->cache_count;
    *renders = g->renders;
}
