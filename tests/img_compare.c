/*
 * img_compare.c — compares two PNG screenshots within a tolerance.
 * A pixel differs when any channel differs by more than 40 (anti-aliased text edges vary a
 * little between renderers); the images match when at most 1 % of pixels differ.
 * Usage: img_compare EXPECTED.png ACTUAL.png   (exit 0 when they match)
 */
#include <SDL.h>
#include <SDL_image.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: img_compare EXPECTED.png ACTUAL.png\n");
        return 2;
    }
    SDL_Surface *a0 = IMG_Load(argv[1]), *b0 = IMG_Load(argv[2]);
    if (!a0 || !b0) {
        fprintf(stderr, "cannot load: %s\n", IMG_GetError());
        return 2;
    }
    SDL_Surface *a = SDL_ConvertSurfaceFormat(a0, SDL_PIXELFORMAT_ABGR8888, 0);
    SDL_Surface *b = SDL_ConvertSurfaceFormat(b0, SDL_PIXELFORMAT_ABGR8888, 0);
    if (a->w != b->w || a->h != b->h) {
        printf("%s: size %dx%d, expected %dx%d\n", argv[2], b->w, b->h, a->w, a->h);
        return 1;
    }
    long diff = 0, total = (long)a->w * a->h;
    int worst = 0;
    for (int y = 0; y < a->h; y++) {
        const Uint8 *pa = (const Uint8 *)a->pixels + y * a->pitch;
        const Uint8 *pb = (const Uint8 *)b->pixels + y * b->pitch;
        for (int x = 0; x < a->w * 4; x += 4) {
            int m = 0;
            for (int c = 0; c < 3; c++) {
                int d = abs(pa[x + c] - pb[x + c]);
                if (d > m)
                    m = d;
            }
            if (m > worst)
                worst = m;
            if (m > 40)
                diff++;
        }
    }
    double share = 100.0 * diff / total;
    printf("%s: %ld of %ld pixels differ (%.3f %%), largest channel difference %d\n", argv[2], diff,
           total, share, worst);
    SDL_FreeSurface(a);
    SDL_FreeSurface(b);
    SDL_FreeSurface(a0);
    SDL_FreeSurface(b0);
    return share <= 1.0 ? 0 : 1;
}
