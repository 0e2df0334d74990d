/*
 * docview.c — documents drawn like the real ones: the passport as a two-page spread with a
 * photo and the series printed in red, a power of attorney or an application as an A4 sheet
 * (a notary's round stamp when it is notarised), a receipt as a narrow slip in a typewriter
 * face. Every field is a selectable box; the focused one gets a frame, a flagged one a mark
 * with the reason in words.
 */
#include "ui_internal.h"

#include "../core/i18n.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static GColor rgb(unsigned v)
{
    GColor c = {(uint8_t)(v >> 16), (uint8_t)(v >> 8), (uint8_t)v, 255};
    return c;
}

typedef struct Paper {
    GColor bg, edge, label, ink, title;
    GFont value_font;
} Paper;

static Paper paper_for(const char *type, const Theme *t)
{
    Paper p = {t->paper, t->paper_edge, rgb(0x5A5F66), t->ink, rgb(0x1B2A4A), GF_REGULAR};
    if (t->shadow.a == 0) /* high contrast: plain white paper, black ink */
        return p;
    if (strcmp(type, "passport_rf") == 0)
        p.bg = rgb(0xF6EEE6), p.edge = rgb(0xC8A99A), p.title = rgb(0x7A2E2E);
    else if (strcmp(type, "birth_certificate") == 0)
        p.bg = rgb(0xEEF5EA), p.edge = rgb(0x9DB79A), p.title = rgb(0x2E5A2E);
    else if (strcmp(type, "duty_receipt") == 0)
        p.bg = rgb(0xFBFBF8), p.value_font = GF_MONO;
    else if (strcmp(type, "snils") == 0)
        p.bg = rgb(0xEAF2F8), p.edge = rgb(0x8FB0C8);
    else if (strcmp(type, "note") == 0)
        p.bg = rgb(0xFAFAF0), p.edge = rgb(0xB8C8E0); /* a squared school-notebook sheet */
    return p;
}

static int is_true(const char *v)
{
    return v && (strcmp(v, "да") == 0 || strcmp(v, "true") == 0 || strstr(v, "удостовер") ||
                 strstr(v, "нотариально"));
}

/* One field: label above, value below (wrapped). Returns its height. */
static float field_box(Gfx *g, const Layout *l, const Theme *t, const Paper *p, const Session *ss,
                       int doc, int f, float x, float y, float w, int focus, int draw,
                       GRect *out)
{
    const Document *d = &session_scenario(ss)->documents[doc];
    const char *label = d->fields[f].label;
    const char *value = session_field(ss, doc, f);
    float pad = 6 * l->s;
    float lh = (float)gfx_line_height(g, l->px_small, GF_REGULAR);
    float vh = gfx_text_box(g, value && *value ? value : "—", 0, 0, w - 2 * pad, l->px_body,
                            p->value_font, p->ink, 0);
    int reason = session_flag_reason(ss, doc, f);
    char mark[160] = "";
    if (reason >= 0)
        snprintf(mark, sizeof mark, tr(STR_ART_FLAGGED), reason_title((FlagReason)reason));
    float fh = reason >= 0 ? gfx_text_box(g, mark, 0, 0, w - 2 * pad, l->px_small, GF_BOLD,
                                          t->paper_bad, 0)
                           : 0;
    float h = pad + lh + vh + fh + pad;
    if (draw) {
        if (reason >= 0)
            gfx_round(g, (GRect){x, y, w, h}, 4 * l->s, (GColor){179, 38, 30, 28});
        gfx_text(g, label, x + pad, y + pad, l->px_small, GF_REGULAR, p->label);
        gfx_text_box(g, value && *value ? value : "—", x + pad, y + pad + lh, w - 2 * pad,
                     l->px_body, p->value_font, p->ink, 1);
        if (reason >= 0) {
            gfx_text_box(g, mark, x + pad, y + pad + lh + vh, w - 2 * pad, l->px_small, GF_BOLD,
                         t->paper_bad, 1);
            gfx_fill(g, (GRect){x, y, 4 * l->s, h}, t->paper_bad);
        }
        if (focus)
            gfx_round_outline(g, (GRect){x, y, w, h}, 4 * l->s, 3 * l->s, t->focus);
    }
    if (out)
        *out = (GRect){x, y, w, h};
    return h;
}

static void stamp(Gfx *g, float cx, float cy, float r, const Layout *l)
{
    GColor blue = {40, 70, 170, 170};
    gfx_ring(g, cx, cy, r, 3 * l->s, blue);
    gfx_ring(g, cx, cy, r * 0.72f, 2 * l->s, blue);
    int w, h;
    gfx_text_size(g, tr(STR_ART_NOTARY), l->px_small, GF_BOLD, &w, &h);
    gfx_text(g, tr(STR_ART_NOTARY), cx - w / 2.0f, cy - h / 2.0f, l->px_small, GF_BOLD, blue);
}

static void scribble(Gfx *g, float x, float y, float s)
{
    GColor ink = {30, 50, 120, 220};
    float px = x, py = y;
    for (int i = 1; i <= 14; i++) {
        float nx = x + i * 7 * s, ny = y + sinf(i * 1.7f) * 8 * s;
        gfx_line(g, px, py, nx, ny, 2 * s, ink);
        px = nx;
        py = ny;
    }
}

static const char *const passport_left[] = {"issued_by", "issue_date", "division_code",
                                            "registration", "valid_until", "marks", NULL};
static const char *const passport_right[] = {"surname", "name", "patronymic", "sex",
                                             "birth_date", "birth_place", NULL};

size_t doc_field_order(const Document *d, int *out, size_t max)
{
    size_t n = 0;
    if (strcmp(d->type, "passport_rf") != 0) {
        for (size_t f = 0; f < d->field_count && n < max; f++)
            out[n++] = (int)f;
        return n;
    }
    const char *const *lists[3] = {passport_left, NULL, passport_right};
    static const char *const top[] = {"series", "number", NULL};
    lists[1] = top;
    for (int li = 0; li < 3; li++)
        for (int k = 0; lists[li][k]; k++) {
            int f = document_find_field(d, lists[li][k]);
            if (f >= 0 && n < max)
                out[n++] = f;
        }
    for (size_t f = 0; f < d->field_count && n < max; f++) {
        int seen = 0;
        for (size_t k = 0; k < n; k++)
            seen |= out[k] == (int)f;
        if (!seen)
            out[n++] = (int)f;
    }
    return n;
}

size_t doc_draw(Gfx *g, const Layout *l, const Theme *t, const Session *ss, int doc, GRect area,
                int focus_field, DocFieldBox *boxes, size_t max)
{
    const Scenario *sc = session_scenario(ss);
    const Document *d = &sc->documents[doc];
    Paper p = paper_for(d->type, t);
    float s = l->s;
    size_t nb = 0;
    gfx_fill(g, (GRect){area.x + 6 * s, area.y + 8 * s, area.w, area.h}, (GColor){0, 0, 0, 50});
    int passport = strcmp(d->type, "passport_rf") == 0;
    if (passport) {
        /* Two pages: issue details and residence on the left, the person on the right. */
        float half = area.w / 2;
        gfx_round(g, area, 8 * s, p.bg);
        gfx_fill(g, (GRect){area.x + half - 1.5f * s, area.y, 3 * s, area.h}, p.edge);
        gfx_round_outline(g, area, 8 * s, 2 * s, p.edge);
        const char *const *left = passport_left;
        float pad = 16 * s;
        float y = area.y + pad;
        gfx_text(g, tr(STR_ART_RF), area.x + pad, y, l->px_label, GF_BOLD, p.title);
        y += gfx_line_height(g, l->px_label, GF_BOLD) + 6 * s;
        for (int k = 0; left[k]; k++) {
            int f = document_find_field(d, left[k]);
            if (f < 0)
                continue;
            GRect r;
            y += field_box(g, l, t, &p, ss, doc, f, area.x + pad, y, half - 2 * pad,
                           f == focus_field, 1, &r) + 4 * s;
            if (nb < max)
                boxes[nb++] = (DocFieldBox){r, f};
        }
        /* Right page: photo box, then the person. */
        float rx = area.x + half + pad;
        float photo_w = 110 * s, photo_h = 140 * s;
        GRect ph = {rx, area.y + pad + 30 * s, photo_w, photo_h};
        gfx_fill(g, ph, rgb(0xD8D4CC));
        gfx_circle(g, ph.x + photo_w / 2, ph.y + photo_h * 0.38f, photo_w * 0.22f, rgb(0xA8A29A));
        gfx_round(g, (GRect){ph.x + photo_w * 0.18f, ph.y + photo_h * 0.62f, photo_w * 0.64f,
                             photo_h * 0.38f},
                  photo_w * 0.3f, rgb(0xA8A29A));
        /* Series and number in red along the top edge, as printed. */
        int fs = document_find_field(d, "series"), fn = document_find_field(d, "number");
        float sx = rx;
        if (fs >= 0) {
            GRect r;
            field_box(g, l, t, &p, ss, doc, fs, sx, area.y + 4 * s, 110 * s, fs == focus_field,
                      0, &r);
            r.h = gfx_line_height(g, l->px_body, GF_BOLD) + 8 * s;
            gfx_text(g, session_field(ss, doc, fs), sx + 4 * s, area.y + 6 * s, l->px_body,
                     GF_BOLD, rgb(0xB3261E));
            if (session_flag_reason(ss, doc, fs) >= 0)
                gfx_text(g, "⚑", sx - 16 * s, area.y + 6 * s, l->px_body, GF_BOLD, t->paper_bad);
            if (fs == focus_field)
                gfx_round_outline(g, r, 3 * s, 3 * s, t->focus);
            if (nb < max)
                boxes[nb++] = (DocFieldBox){r, fs};
            sx += 120 * s;
        }
        if (fn >= 0) {
            GRect r = {sx, area.y + 4 * s, 120 * s, gfx_line_height(g, l->px_body, GF_BOLD) + 8 * s};
            gfx_text(g, session_field(ss, doc, fn), sx + 4 * s, area.y + 6 * s, l->px_body,
                     GF_BOLD, rgb(0xB3261E));
            if (session_flag_reason(ss, doc, fn) >= 0)
                gfx_text(g, "⚑", sx + 100 * s, area.y + 6 * s, l->px_body, GF_BOLD, t->paper_bad);
            if (fn == focus_field)
                gfx_round_outline(g, r, 3 * s, 3 * s, t->focus);
            if (nb < max)
                boxes[nb++] = (DocFieldBox){r, fn};
        }
        const char *const *right = passport_right;
        float y2 = ph.y;
        float colx = rx + photo_w + 12 * s, colw = area.x + area.w - pad - colx;
        for (int k = 0; right[k]; k++) {
            int f = document_find_field(d, right[k]);
            if (f < 0)
                continue;
            int below = y2 > ph.y + photo_h;
            float fx = below ? rx : colx, fw = below ? half - 2 * pad : colw;
            GRect r;
            y2 += field_box(g, l, t, &p, ss, doc, f, fx, y2, fw, f == focus_field, 1, &r) + 4 * s;
            if (nb < max)
                boxes[nb++] = (DocFieldBox){r, f};
        }
        /* Any other field the scenario added goes under the spread's left page. */
        for (size_t f = 0; f < d->field_count; f++) {
            int known = 0;
            for (size_t k = 0; k < nb; k++)
                known |= boxes[k].field == (int)f;
            if (known)
                continue;
            GRect r;
            y += field_box(g, l, t, &p, ss, doc, (int)f, area.x + pad, y, half - 2 * pad,
                           (int)f == focus_field, 1, &r) + 4 * s;
            if (nb < max)
                boxes[nb++] = (DocFieldBox){r, (int)f};
        }
        /* The machine-readable line, cut at the page edge. */
        GRect page = {area.x + half, area.y, half, area.h};
        gfx_clip(g, &page);
        gfx_text(g, "PNRUS<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", rx,
                 area.y + area.h - 2.4f * l->px_small - 8 * s, l->px_small, GF_MONO,
                 rgb(0x6A6A6A));
        gfx_clip(g, NULL);
        return nb;
    }

    /* A sheet: title, then the fields in one or two columns. */
    int narrow = strcmp(d->type, "duty_receipt") == 0 || strcmp(d->type, "photo") == 0 ||
                 strcmp(d->type, "snils") == 0;
    GRect sheet = area;
    if (narrow && area.w > 520 * s) {
        sheet.w = 520 * s;
        sheet.x = area.x + (area.w - sheet.w) / 2;
    }
    gfx_round(g, sheet, 4 * s, p.bg);
    gfx_round_outline(g, sheet, 4 * s, 2 * s, p.edge);
    if (strcmp(d->type, "note") == 0)
        for (float yy = sheet.y + 20 * s; yy < sheet.y + sheet.h; yy += 22 * s)
            gfx_fill(g, (GRect){sheet.x, yy, sheet.w, 1 * s}, (GColor){150, 180, 220, 90});
    float pad = 22 * s;
    char title[256];
    snprintf(title, sizeof title, "%s", d->title);
    int tw, th;
    gfx_text_size(g, title, l->px_dialog, GF_BOLD, &tw, &th);
    if (tw > sheet.w - 2 * pad)
        th = (int)gfx_text_box(g, title, sheet.x + pad, sheet.y + pad, sheet.w - 2 * pad,
                               l->px_dialog, GF_BOLD, p.title, 1);
    else
        gfx_text(g, title, sheet.x + (sheet.w - tw) / 2, sheet.y + pad, l->px_dialog, GF_BOLD,
                 p.title);
    float y = sheet.y + pad + th + 12 * s;
    int two = !narrow && sheet.w > 760 * s && d->field_count > 5;
    float colw = two ? (sheet.w - 3 * pad) / 2 : sheet.w - 2 * pad;
    float ycol[2] = {y, y};
    for (size_t f = 0; f < d->field_count; f++) {
        int c = two && ycol[1] < ycol[0] ? 1 : 0;
        float x = sheet.x + pad + c * (colw + pad);
        GRect r;
        ycol[c] += field_box(g, l, t, &p, ss, doc, (int)f, x, ycol[c], colw, (int)f == focus_field,
                             1, &r) + 6 * s;
        if (nb < max)
            boxes[nb++] = (DocFieldBox){r, (int)f};
    }
    int fnot = document_find_field(d, "notarised");
    if (fnot >= 0 && is_true(session_field(ss, doc, fnot)) &&
        strstr(session_field(ss, doc, fnot), "не ") == NULL)
        stamp(g, sheet.x + sheet.w - 90 * s, sheet.y + sheet.h - 90 * s, 56 * s, l);
    int fsig = document_find_field(d, "signature");
    if (fsig < 0)
        fsig = document_find_field(d, "signatures");
    if (fsig >= 0) {
        const char *v = session_field(ss, doc, fsig);
        if (v && *v && strstr(v, "нет") == NULL && strstr(v, "отсутств") == NULL)
            scribble(g, sheet.x + pad, sheet.y + sheet.h - 40 * s, s);
    }
    return nb;
}

void doc_card(Gfx *g, const Layout *l, const Theme *t, const Document *d, GRect r, int focused,
              int inspected, int flagged_count)
{
    Paper p = paper_for(d->type, t);
    float s = l->s;
    gfx_round(g, (GRect){r.x + 3 * s, r.y + 4 * s, r.w, r.h}, 5 * s, (GColor){0, 0, 0, 45});
    gfx_round(g, r, 5 * s, p.bg);
    gfx_round_outline(g, r, 5 * s, 1.5f * s, p.edge);
    /* A few grey lines suggest text. */
    for (int i = 0; i < 4; i++)
        gfx_fill(g, (GRect){r.x + 10 * s, r.y + r.h * 0.55f + i * 7 * s, r.w * (0.7f - i * 0.1f),
                            2.5f * s},
                 (GColor){120, 120, 120, 90});
    /* A label on a small card: it follows the text size only so far, or it no longer fits. */
    int px = l->px_small < (int)(13 * s * 1.25f) ? l->px_small : (int)(13 * s * 1.25f);
    /* The title above the line of marks, never under them. */
    GRect title = {r.x, r.y, r.w, r.h - gfx_line_height(g, px, GF_BOLD) - 6 * s};
    gfx_clip(g, &title);
    gfx_text_box(g, d->title, r.x + 7 * s, r.y + 6 * s, r.w - 12 * s, px, GF_REGULAR, p.title, 1);
    gfx_clip(g, NULL);
    /* The marks at the same capped size, inside the card's bottom edge. */
    float my = r.y + r.h - gfx_line_height(g, px, GF_BOLD) - 4 * s;
    if (inspected) {
        int w, h;
        gfx_text_size(g, "✓", px, GF_BOLD, &w, &h);
        gfx_text(g, "✓", r.x + r.w - w - 8 * s, my, px, GF_BOLD, t->paper_good);
    }
    if (flagged_count > 0) {
        char m[16];
        snprintf(m, sizeof m, "⚑%d", flagged_count);
        gfx_text(g, m, r.x + 8 * s, my, px, GF_BOLD, t->paper_bad);
    }
    if (focused)
        gfx_round_outline(g, (GRect){r.x - 3 * s, r.y - 3 * s, r.w + 6 * s, r.h + 6 * s}, 7 * s,
                          3 * s, t->focus);
}
