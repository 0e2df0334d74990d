/*
 * wrap.h — breaking a paragraph into lines no wider than a width: greedy, at spaces, at hard
 * newlines, and inside a word only when the word alone is wider than the line. Linear in the
 * length of the text: every word is measured once, and the characters of an over-long word
 * once each, whatever the width (SDL_ttf's own wrapping measured ever longer prefixes and took
 * seconds on a long line). No SDL here: the width of a piece of text comes from the caller.
 * Internal to engine/ui.
 */
#ifndef SIM_UI_WRAP_H
#define SIM_UI_WRAP_H

#include <stddef.h>

/* The width of text[0..n) (one word, or one UTF-8 character, or a single space). */
typedef float (*WrapMeasure)(void *ctx, const char *text, size_t n);
/* One line: text[start..start+len) (no trailing space or newline), width w. */
typedef void (*WrapEmit)(void *ctx, size_t start, size_t len, float w);

/* Lays text[0..len) out within max_w; calls emit for each line in order (emit may be NULL).
 * Returns the number of lines (at least 1). */
size_t wrap_text(const char *text, size_t len, float max_w, WrapMeasure measure, void *mctx,
                 WrapEmit emit, void *ectx);

#endif /* SIM_UI_WRAP_H */
