/*
 * floor_sdl.c — the floor for the window's start-up benchmark (bench/gui_bench.sh, issue #14):
 * the least a plain SDL2 + SDL2_ttf program does to show text. It opens the window the trainer
 * opens (1280×720, resizable, HiDPI-aware, the software renderer with vsync, as gfx_create sets
 * them up), draws one line of DejaVu Sans, presents it and exits. mfc-trainer's start to its first
 * office frame is measured against this in the same run.
 *
 * MFC_FIRST_FRAME_FILE=FILE: as in the trainer, receives the wall-clock time (ns since the
 * epoch) at which the frame was presented. FLOOR_MODE=idle keeps the window open, asleep in
 * SDL_WaitEvent until it is closed (idle CPU); FLOOR_MODE=anim redraws the line moving every
 * frame until closed, and FLOOR_FRAME_LOG=FILE receives each frame's draw+present time in ms
 * (the trainer's MFC_FRAME_LOG). A benchmark only, not part of the program.
 */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define FONT "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

int main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    /* The same hints as gfx_create: the software renderer unless one is asked for. */
    if (!getenv("SDL_RENDER_DRIVER")) {
        SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    }
    SDL_SetHint(SDL_HINT_RENDER_SCALE_QUALITY, "1");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "floor_sdl: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Window *win = SDL_CreateWindow("floor", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED,
                                       1280, 720, SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_Renderer *ren = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_PRESENTVSYNC) : NULL;
    TTF_Font *font = TTF_OpenFont(FONT, 21);
    if (!win || !ren || !font) {
        fprintf(stderr, "floor_sdl: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Surface *s = TTF_RenderUTF8_Blended(font, "Здравствуйте! Чем могу помочь?",
                                            (SDL_Color){31, 36, 41, 255});
    SDL_Texture *t = s ? SDL_CreateTextureFromSurface(ren, s) : NULL;
    int tw = s ? s->w : 0, th = s ? s->h : 0;
    SDL_FreeSurface(s);
    const char *mode = getenv("FLOOR_MODE") ? getenv("FLOOR_MODE") : "first";
    const char *lp = getenv("FLOOR_FRAME_LOG");
    FILE *log = lp && *lp ? fopen(lp, "w") : NULL;
    for (Uint64 frame = 0;; frame++) {
        Uint64 t0 = SDL_GetPerformanceCounter();
        SDL_SetRenderDrawColor(ren, 242, 240, 235, 255);
        SDL_RenderClear(ren);
        if (t) {
            /* anim: the line slides to and fro, one step per frame */
            int dx = strcmp(mode, "anim") == 0 ? (int)(frame % 600) : 0;
            SDL_Rect dst = {34 + dx, 340, tw, th};
            SDL_RenderCopy(ren, t, NULL, &dst);
        }
        SDL_RenderPresent(ren);
        if (frame == 0) {
            const char *ff = getenv("MFC_FIRST_FRAME_FILE");
            if (ff && *ff) {
                struct timespec ts;
                clock_gettime(CLOCK_REALTIME, &ts);
                FILE *f = fopen(ff, "w");
                if (f) {
                    fprintf(f, "%lld%09ld\n", (long long)ts.tv_sec, ts.tv_nsec);
                    fclose(f);
                }
            }
        }
        if (log) {
            fprintf(log, "%.3f\n",
                    (double)(SDL_GetPerformanceCounter() - t0) * 1000.0 /
                        (double)SDL_GetPerformanceFrequency());
            fflush(log);
        }
        if (strcmp(mode, "first") == 0)
            break;
        SDL_Event ev;
        int quit = 0;
        if (strcmp(mode, "idle") == 0) {
            while (!quit && SDL_WaitEvent(&ev))
                quit = ev.type == SDL_QUIT;
        } else {
            while (SDL_PollEvent(&ev))
                quit |= ev.type == SDL_QUIT;
            SDL_Delay(1);
        }
        if (quit)
            break;
    }
    if (log)
        fclose(log);
    if (t)
        SDL_DestroyTexture(t);
    TTF_CloseFont(font);
    SDL_DestroyRenderer(ren);
    SDL_DestroyWindow(win);
    TTF_Quit();
    SDL_Quit();
    return 0;
}
