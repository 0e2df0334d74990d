/*
 * wrap.c — greedy line breaking in linear time (see wrap.h).
 */
#include "wrap.h"

static size_t utf8_len(unsigned char c)
{
    return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
}

static void put(WrapEmit emit, void *ectx, size_t start, size_t len, float w, size_t *lines)
{
    if (emit)
        emit(ectx, start, len, w);
    (*lines)++;
}

size_t wrap_text(const char *text, size_t len, float max_w, WrapMeasure measure, void *mctx,
                 WrapEmit emit, void *ectx)
{
    size_t lines = 0, i = 0;
    float space = measure(mctx, " ", 1);
    for (;;) {
        /* One line: words while they fit. */
        size_t start = i, end = i;
        float w = 0;
        int any = 0;
        while (i < len && text[i] != '\n') {
            size_t j = i;
            while (j < len && text[j] == ' ')
                j++;
            size_t k = j;
            while (k < len && text[k] != ' ' && text[k] != '\n')
                k++;
            if (k == j) { /* only spaces up to the end of the line */
                i = j;
                break;
            }
            float ww = measure(mctx, text + j, k - j);
            float sp = any ? space * (float)(j - i) : 0;
            if (any && w + sp + ww > max_w)
                break; /* the word starts the next line */
            if (!any && ww > max_w) {
                /* A word wider than the line: as many characters as fit on each line; what is
                 * left of it starts the next one. Each character is measured once (twice at
                 * most where a line breaks). */
                size_t c = j;
                for (;;) {
                    size_t cs = c;
                    float cw = 0;
                    while (c < k) {
                        size_t n = utf8_len((unsigned char)text[c]);
                        if (c + n > k)
                            n = k - c;
                        float gw = measure(mctx, text + c, n);
                        if (cw + gw > max_w && c > cs)
                            break;
                        cw += gw;
                        c += n;
                    }
                    if (c < k) {
                        put(emit, ectx, cs, c - cs, cw, &lines);
                        continue;
                    }
                    start = cs; /* the rest fits: the line goes on after it */
                    w = cw;
                    break;
                }
                end = k;
                i = k;
                any = 1;
                continue;
            }
            if (!any)
                start = j;
            w += sp + ww;
            end = k;
            i = k;
            any = 1;
        }
        put(emit, ectx, any ? start : i, any ? end - start : 0, w, &lines);
        if (i < len && text[i] == '\n') {
            i++; /* a hard break: the next line starts after it, even when empty */
            continue;
        }
        while (i < len && text[i] == ' ')
            i++;
        if (i >= len)
            break;
    }
    return lines;
}
