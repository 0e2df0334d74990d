/*
 * layout_check.c — checks what the window drew for each screenshot (MFC_LAYOUT_CHECK=1 writes
 * NAME.png.txt beside NAME.png: text boxes "T x y w h text", opaque surfaces "P x y w h" and
 * layer marks "L", in drawing order). A text box must lie within the window; it must not be
 * drawn over another text box unless a surface or a dimmed layer drawn between them covers the
 * first; a text that starts on a surface (a panel, a button, a card) must end on it — not
 * run over its edge; and no line may end inside a word ("B": the word was wider than its box,
 * so the box is too narrow for the text size).
 * Usage: layout_check FILE.txt… ; prints each problem, exits 1 when there is any.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Box {
    char kind;
    float x, y, w, h;
    char text[128];
} Box;

#define SLACK 2.0f /* pixels: antialiasing and rounding */

static int inside(const Box *in, const Box *out)
{
    return in->x >= out->x - SLACK && in->y >= out->y - SLACK &&
           in->x + in->w <= out->x + out->w + SLACK && in->y + in->h <= out->y + out->h + SLACK;
}

/* The overlap of a and b, shrunk by the slack; 0 when they do not overlap beyond it. */
static int overlap(const Box *a, const Box *b, Box *o)
{
    float x0 = a->x > b->x ? a->x : b->x, y0 = a->y > b->y ? a->y : b->y;
    float x1 = a->x + a->w < b->x + b->w ? a->x + a->w : b->x + b->w;
    float y1 = a->y + a->h < b->y + b->h ? a->y + a->h : b->y + b->h;
    if (x1 - x0 <= SLACK || y1 - y0 <= SLACK)
        return 0;
    *o = (Box){.x = x0, .y = y0, .w = x1 - x0, .h = y1 - y0};
    return 1;
}

static int check(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        printf("%s: cannot read\n", path);
        return 1;
    }
    int W = 0, H = 0, problems = 0;
    size_t n = 0, cap = 1024;
    Box *v = malloc(cap * sizeof *v);
    char line[1024];
    while (v && fgets(line, sizeof line, f)) {
        if (line[0] == 'W') {
            sscanf(line, "W %d %d", &W, &H);
            continue;
        }
        if (n == cap) {
            Box *nv = realloc(v, 2 * cap * sizeof *v);
            if (!nv)
                break;
            v = nv;
            cap *= 2;
        }
        Box b = {.kind = line[0]};
        int off = 0;
        if (b.kind != 'L' && sscanf(line + 1, "%f %f %f %f %n", &b.x, &b.y, &b.w, &b.h, &off) < 4)
            continue;
        if (b.kind == 'T' || b.kind == 'B') {
            snprintf(b.text, sizeof b.text, "%s", line + 1 + off);
            b.text[strcspn(b.text, "\n")] = '\0';
        }
        v[n++] = b;
    }
    fclose(f);
    Box screen = {.x = 0, .y = 0, .w = (float)W, .h = (float)H};
    for (size_t i = 0; v && i < n; i++) {
        if (v[i].kind == 'B') {
            printf("%s: a word broken at the line's end: «%s…» at %.0f,%.0f (box %.0f wide)\n",
                   path, v[i].text, v[i].x, v[i].y, v[i].w);
            problems++;
            continue;
        }
        if (v[i].kind != 'T')
            continue;
        const Box *t = &v[i];
        if (!inside(t, &screen)) {
            printf("%s: outside the window: «%s» at %.0f,%.0f %.0f×%.0f\n", path, t->text, t->x,
                   t->y, t->w, t->h);
            problems++;
        }
        /* The surface it starts on: the last one drawn under its first pixel. */
        for (size_t k = i; k-- > 0;) {
            if (v[k].kind == 'L')
                break;
            if (v[k].kind != 'P')
                continue;
            const Box *p = &v[k];
            if (t->x + 1 >= p->x && t->x + 1 < p->x + p->w && t->y + 1 >= p->y &&
                t->y + 1 < p->y + p->h) {
                if (!inside(t, p)) {
                    printf("%s: runs off its panel: «%s» at %.0f,%.0f %.0f×%.0f, panel %.0f,%.0f "
                           "%.0f×%.0f\n",
                           path, t->text, t->x, t->y, t->w, t->h, p->x, p->y, p->w, p->h);
                    problems++;
                }
                break;
            }
        }
        /* Over an earlier text, unless something drawn between them covers it. */
        for (size_t k = 0; k < i; k++) {
            Box o;
            if (v[k].kind != 'T' || !overlap(&v[k], t, &o))
                continue;
            int covered = 0;
            for (size_t m = k + 1; m < i && !covered; m++)
                covered = v[m].kind == 'L' || (v[m].kind == 'P' && inside(&o, &v[m]));
            if (!covered) {
                printf("%s: overlaps: «%s» at %.0f,%.0f and «%s» at %.0f,%.0f\n", path, t->text,
                       t->x, t->y, v[k].text, v[k].x, v[k].y);
                problems++;
            }
        }
    }
    free(v);
    return problems;
}

int main(int argc, char **argv)
{
    int problems = 0;
    for (int i = 1; i < argc; i++)
        problems += check(argv[i]);
    printf("%d files, %d problems\n", argc - 1, problems);
    return problems ? 1 : 0;
}
