/*
 * contrast_check.c — the contrast of every text in screenshots (issue #14: «every text pair
 * ≥ 4.5:1 in both themes, checked by a test over the tour's screenshots»).
 *
 * Each SHOT.png comes with SHOT.png.txt, the layout record the window writes under
 * MFC_LAYOUT_CHECK=1: a "T x y w h text" line for each text drawn, followed by its colour
 * "C r g b a" ("L" marks a dimmed backdrop: what was drawn before it is behind a dialog and
 * is not checked). The background of a text is what the screenshot actually shows under it: the
 * most common colour among the box's pixels that are not the text's own (glyph pixels and
 * their anti-aliased edges lie between the two and are the minority). The WCAG 2 contrast
 * ratio of the text colour (blended over that background when translucent) against it must be
 * at least the minimum.
 *
 * Usage: contrast_check [--min 4.5] SHOT.png...        lists every pair below the minimum
 *                                                      (shot, text, ratio, colours); exit 1
 *        contrast_check --ring RRGGBB X Y W H SHOT.png  exit 0 when at least 40 pixels within
 *                                                      the rectangle have that colour (a
 *                                                      visible focus frame)
 */
#include <SDL.h>
#include <SDL_image.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double channel(int v)
{
    double c = v / 255.0;
    return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4);
}

static double luminance(int r, int g, int b)
{
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

static double ratio(const int a[3], const int b[3])
{
    double la = luminance(a[0], a[1], a[2]), lb = luminance(b[0], b[1], b[2]);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

static SDL_Surface *load(const char *path)
{
    SDL_Surface *s0 = IMG_Load(path);
    if (!s0) {
        fprintf(stderr, "%s: cannot load: %s\n", path, IMG_GetError());
        return NULL;
    }
    SDL_Surface *s = SDL_ConvertSurfaceFormat(s0, SDL_PIXELFORMAT_ABGR8888, 0);
    SDL_FreeSurface(s0);
    return s;
}

static const Uint8 *pixel(const SDL_Surface *s, int x, int y)
{
    return (const Uint8 *)s->pixels + y * s->pitch + x * 4;
}

/* The most common colour in the box that is not close to the text's colour; 0 when none. */
static int background(const SDL_Surface *s, int x0, int y0, int x1, int y1, const int text[3],
                      int out[3])
{
    /* Colours counted in a small open-addressed table (a box has few distinct colours). */
    enum { SLOTS = 4096 };
    static Uint32 key[SLOTS];
    static int count[SLOTS];
    memset(count, 0, sizeof count);
    int best = -1;
    long near = 0, all = 0;
    for (int y = y0; y < y1; y++)
        for (int x = x0; x < x1; x++) {
            const Uint8 *p = pixel(s, x, y);
            int d = abs(p[0] - text[0]) + abs(p[1] - text[1]) + abs(p[2] - text[2]);
            all++;
            if (d < 60) {
                near++;
                continue; /* the glyphs themselves */
            }
            Uint32 k = (Uint32)p[0] << 16 | (Uint32)p[1] << 8 | p[2];
            size_t h = (k * 2654435761u) % SLOTS;
            for (int probe = 0; probe < SLOTS; probe++, h = (h + 1) % SLOTS) {
                if (count[h] == 0)
                    key[h] = k;
                if (key[h] == k) {
                    count[h]++;
                    if (best < 0 || count[h] > count[best])
                        best = (int)h;
                    break;
                }
            }
        }
    if (near * 10 > all * 6 || best < 0) {
        /* Most of the box is the text's own colour: it is drawn on that colour (white on
         * white) — glyphs never fill most of their box. */
        memcpy(out, text, 3 * sizeof *out);
        return all > 0;
    }
    out[0] = (int)(key[best] >> 16 & 255);
    out[1] = (int)(key[best] >> 8 & 255);
    out[2] = (int)(key[best] & 255);
    return 1;
}

typedef struct Rec {
    char kind; /* 'T' text, 'P' surface, 'L' dimmed backdrop */
    float x, y, w, h;
    char text[200];
    int c[4], has_c; /* a text's colour */
} Rec;

static int ring(int argc, char **argv)
{
    if (argc != 8)
        return 2;
    unsigned rgb = (unsigned)strtoul(argv[2], NULL, 16);
    int want[3] = {(int)(rgb >> 16 & 255), (int)(rgb >> 8 & 255), (int)(rgb & 255)};
    int x = atoi(argv[3]), y = atoi(argv[4]), w = atoi(argv[5]), h = atoi(argv[6]);
    SDL_Surface *s = load(argv[7]);
    if (!s)
        return 2;
    int n = 0;
    for (int yy = y < 0 ? 0 : y; yy < y + h && yy < s->h; yy++)
        for (int xx = x < 0 ? 0 : x; xx < x + w && xx < s->w; xx++) {
            const Uint8 *p = pixel(s, xx, yy);
            if (abs(p[0] - want[0]) + abs(p[1] - want[1]) + abs(p[2] - want[2]) < 40)
                n++;
        }
    SDL_FreeSurface(s);
    printf("%s: %d pixels of #%06X in %d,%d %dx%d\n", argv[7], n, rgb, x, y, w, h);
    return n >= 40 ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc > 1 && strcmp(argv[1], "--ring") == 0)
        return ring(argc, argv);
    double min = 4.5;
    int first = 1;
    if (argc > 2 && strcmp(argv[1], "--min") == 0) {
        min = atof(argv[2]);
        first = 3;
    }
    if (first >= argc) {
        fprintf(stderr, "usage: contrast_check [--min 4.5] SHOT.png...\n");
        return 2;
    }
    int bad = 0;
    long texts = 0;
    double worst = 1e9;
    for (int i = first; i < argc; i++) {
        SDL_Surface *s = load(argv[i]);
        char rec[4096];
        snprintf(rec, sizeof rec, "%s.txt", argv[i]);
        FILE *f = fopen(rec, "r");
        if (!s || !f) {
            fprintf(stderr, "%s: no screenshot or no layout record %s\n", argv[i], rec);
            if (f)
                fclose(f);
            SDL_FreeSurface(s);
            return 2;
        }
        const char *name = strrchr(argv[i], '/') ? strrchr(argv[i], '/') + 1 : argv[i];
        /* The record, whole: a text may be covered by what is drawn after it. */
        Rec *v = NULL;
        size_t n = 0, cap = 0;
        char line[1024];
        while (fgets(line, sizeof line, f)) {
            if (n == cap) {
                cap = cap ? 2 * cap : 256;
                Rec *nv = realloc(v, cap * sizeof *v);
                if (!nv)
                    break;
                v = nv;
            }
            Rec r = {.kind = line[0]};
            int off = 0;
            if (r.kind == 'C' && n > 0 && v[n - 1].kind == 'T') {
                sscanf(line + 1, "%d %d %d %d", &v[n - 1].c[0], &v[n - 1].c[1], &v[n - 1].c[2],
                       &v[n - 1].c[3]);
                v[n - 1].has_c = 1;
                continue;
            }
            if (r.kind == 'L') {
                v[n++] = r;
                continue;
            }
            if ((r.kind != 'T' && r.kind != 'P') ||
                sscanf(line + 1, "%f %f %f %f %n", &r.x, &r.y, &r.w, &r.h, &off) < 4)
                continue;
            if (r.kind == 'T') {
                snprintf(r.text, sizeof r.text, "%s", line + 1 + off);
                r.text[strcspn(r.text, "\n")] = '\0';
            }
            v[n++] = r;
        }
        /* A dimmed backdrop ("L") covers everything drawn before it: that text is behind a
         * dialog on purpose; only what is drawn after the last one is read. */
        size_t from = 0;
        for (size_t k = 0; k < n; k++)
            if (v[k].kind == 'L')
                from = k + 1;
        for (size_t k = from; k < n; k++) {
            const Rec *t = &v[k];
            if (t->kind != 'T' || !t->has_c)
                continue;
            /* Whitespace draws nothing; a sliver of a clipped text cannot be read anyway. */
            if (strspn(t->text, " ") == strlen(t->text) || t->w < 3 || t->h < 6)
                continue;
            int hidden = 0; /* under a surface drawn later (a bubble over the queue board) */
            for (size_t m = k + 1; m < n && !hidden; m++)
                hidden = v[m].kind == 'P' && v[m].x <= t->x + 1 && v[m].y <= t->y + 1 &&
                         v[m].x + v[m].w >= t->x + t->w - 1 && v[m].y + v[m].h >= t->y + t->h - 1;
            if (hidden)
                continue;
            int x0 = (int)fmaxf(0, t->x), y0 = (int)fmaxf(0, t->y);
            int x1 = (int)fminf((float)s->w, t->x + t->w),
                y1 = (int)fminf((float)s->h, t->y + t->h);
            if (x1 <= x0 || y1 <= y0)
                continue;
            int bg[3], fg[3];
            if (!background(s, x0, y0, x1, y1, t->c, bg))
                continue;
            for (int c = 0; c < 3; c++) /* a translucent colour shows blended */
                fg[c] = (t->c[c] * t->c[3] + bg[c] * (255 - t->c[3])) / 255;
            double r = ratio(fg, bg);
            texts++;
            if (r < worst)
                worst = r;
            if (r < min) {
                printf("%s: «%s» %.2f:1 (#%02X%02X%02X on #%02X%02X%02X)\n", name, t->text, r,
                       fg[0], fg[1], fg[2], bg[0], bg[1], bg[2]);
                bad++;
            }
        }
        free(v);
        fclose(f);
        SDL_FreeSurface(s);
    }
    printf("%ld texts checked, lowest %.2f:1, %d below %.1f:1\n", texts, worst, bad, min);
    return bad ? 1 : 0;
}
