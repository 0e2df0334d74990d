/* test_wrap.c — line breaking (engine/ui/wrap.c, no SDL): where lines break, and that laying
 * out a megabyte costs work in proportion to its length (counted, not timed): a 40,000-character
 * line once took 18.6 s and a 1 MB line froze the window (issue #16). */
#include "ui/wrap.h"
#include "../test.h"

#include <stdlib.h>
#include <string.h>

/* A monospaced "font": every byte is one unit wide. Counts the calls and the bytes measured. */
typedef struct Counter {
    size_t calls, bytes;
} Counter;

static float mono(void *ctx, const char *s, size_t n)
{
    (void)s;
    Counter *c = ctx;
    c->calls++;
    c->bytes += n;
    return (float)n;
}

typedef struct Out {
    char lines[16][64];
    size_t n;
    const char *text;
} Out;

static void keep(void *ctx, size_t start, size_t len, float w)
{
    (void)w;
    Out *o = ctx;
    if (o->n < 16) {
        memcpy(o->lines[o->n], o->text + start, len < 63 ? len : 63);
        o->lines[o->n][len < 63 ? len : 63] = '\0';
    }
    o->n++;
}

static Out lay(const char *text, float width)
{
    Out o = {.text = text};
    Counter c = {0};
    size_t n = wrap_text(text, strlen(text), width, mono, &c, keep, &o);
    CHECK_INT(n, o.n);
    return o;
}

int main(void)
{
    /* Greedy at spaces. */
    Out o = lay("aa bb cc", 5);
    CHECK_INT(o.n, 2);
    CHECK_STR(o.lines[0], "aa bb");
    CHECK_STR(o.lines[1], "cc");
    /* Hard newlines, an empty line between. */
    o = lay("one\n\ntwo", 40);
    CHECK_INT(o.n, 3);
    CHECK_STR(o.lines[0], "one");
    CHECK_STR(o.lines[1], "");
    CHECK_STR(o.lines[2], "two");
    /* A word wider than the line is broken inside, on character boundaries (UTF-8). */
    o = lay("abcdefghij xy", 4);
    CHECK_INT(o.n, 4);
    CHECK_STR(o.lines[0], "abcd");
    CHECK_STR(o.lines[1], "efgh");
    CHECK_STR(o.lines[2], "ij");
    CHECK_STR(o.lines[3], "xy");
    o = lay("ёжик", 4); /* 8 bytes, 4 letters of 2 bytes each */
    CHECK_INT(o.n, 2);
    CHECK_STR(o.lines[0], "ёж");
    CHECK_STR(o.lines[1], "ик");
    /* Spaces at a break are dropped; a line never starts with them. */
    o = lay("ab    cd", 3);
    CHECK_INT(o.n, 2);
    CHECK_STR(o.lines[1], "cd");
    /* Zero or negative width still makes progress: a character per line. */
    o = lay("abc", 0);
    CHECK_INT(o.n, 3);

    /* A megabyte of words in one paragraph, at a narrow and at a wide width: every word is
     * measured at most twice (again when it starts the next line), whatever the width. */
    size_t len = 1u << 20;
    char *big = malloc(len + 1);
    CHECK(big != NULL);
    if (!big)
        return 1;
    for (size_t i = 0; i < len; i++)
        big[i] = (i % 7 == 6) ? ' ' : 'x';
    big[len] = '\0';
    const float widths[3] = {20, 400, 1e9f};
    for (int k = 0; k < 3; k++) {
        Counter c = {0};
        size_t lines = wrap_text(big, len, widths[k], mono, &c, NULL, NULL);
        CHECK(lines >= 1);
        CHECK(c.bytes <= 2 * len + 16);
        CHECK(c.calls <= 2 * (len / 7) + 16);
    }
    /* A megabyte without a single space: the word once, then each character once (again at
     * each of the ten thousand line breaks). */
    memset(big, 'x', len);
    Counter c = {0};
    size_t lines = wrap_text(big, len, 100, mono, &c, NULL, NULL);
    CHECK_INT(lines, len / 100 + (len % 100 != 0));
    CHECK(c.bytes <= 2 * len + len / 50 + 16);
    CHECK(c.calls <= len + len / 50 + 16);
    free(big);
    printf("%d passed, %d failed\n", test_passed, test_failed);
    return test_failed ? 1 : 0;
}
