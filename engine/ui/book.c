/*
 * book.c — the «Справочник»: the trainee's rulebook, as in «Papers, Please», built from the
 * same files the scenarios cite (scenarios/data/services.json and rules.json).
 *
 * Three sections behind tabs: «Услуги» (a list of services beside the open page: agency,
 * documents, duty, deadline, result, common pitfalls and the cited rules), «Правила» (every
 * rule of the catalogue) and «Величины» (named figures). Items a methodologist still has to
 * check carry a «требует проверки» mark. Reading changes nothing in an attempt: the book only
 * reads the RefBook and the RuleCatalog it is given.
 * Depends on: scenario (RefBook, RuleCatalog), gfx, SDL key codes.
 */
#include "ui_internal.h"

#include "../core/i18n.h"

#include <SDL.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

enum { BH_TAB = 1, BH_ITEM, BH_CLOSE, BH_PAGE };

static void add(Book *b, GRect r, int kind, int arg)
{
    if (b->nhits < BOOK_MAX_HITS)
        b->hits[b->nhits++] = (BookHit){r, kind, arg};
}

static int inside(GRect r, int x, int y)
{
    return x >= r.x && x < r.x + r.w && y >= r.y && y < r.y + r.h;
}

static size_t item_count(const Book *b, int tab);

size_t book_item_count(const Book *b, int tab)
{
    return item_count(b, tab);
}

void book_item_text(const Book *b, char *out, size_t n)
{
    out[0] = '\0';
    int i = b->sel[b->tab];
    if (i < 0 || (size_t)i >= item_count(b, b->tab))
        return;
    if (b->tab == 0)
        snprintf(out, n, "%s", b->rb->services[i].title);
    else if (b->tab == 1)
        snprintf(out, n, "%s. %s", b->rules->rules[i].short_, b->rules->rules[i].text);
    else
        snprintf(out, n, "%s: %s", b->rb->values[i].title, b->rb->values[i].value);
}

static size_t item_count(const Book *b, int tab)
{
    if (tab == 0)
        return b->rb ? b->rb->service_count : 0;
    if (tab == 1)
        return b->rules ? b->rules->count : 0;
    return b->rb ? b->rb->value_count : 0;
}

void book_open(Book *b, const RefBook *rb, const RuleCatalog *rules, const char *service_id)
{
    /* The section, selection and scroll positions stay as the trainee left them. */
    b->rb = rb;
    b->rules = rules;
    for (int t = 0; t < 3; t++)
        if ((size_t)b->sel[t] >= item_count(b, t))
            b->sel[t] = 0;
    b->page = 0;
    b->on_close = 0;
    b->follow = 1;
    b->open_page = 0;
    if (service_id && rb)
        for (size_t i = 0; i < rb->service_count; i++)
            if (strcmp(rb->services[i].id, service_id) == 0) {
                b->tab = 0;
                b->sel[0] = (int)i;
                b->page_scroll = 0;
                b->open_page = 1; /* the narrow layout opens the page itself */
            }
}

/* A small «требует проверки» pill; returns its width. */
static float verify_mark(Gfx *g, const Layout *l, const Theme *t, float x, float y, int draw)
{
    const char *txt = tr(STR_BOOK_VERIFY);
    int w, h;
    gfx_text_size(g, txt, l->px_small, GF_BOLD, &w, &h);
    float pw = w + 14 * l->s, ph = h + 4 * l->s;
    if (draw) {
        GRect r = {x, y, pw, ph};
        gfx_round(g, r, ph / 2, t->shadow.a ? (GColor){255, 236, 200, 255} : t->bg);
        gfx_round_outline(g, r, ph / 2, 1.2f * l->s, t->warn);
        gfx_text(g, txt, x + 7 * l->s, y + 2 * l->s, l->px_small, GF_BOLD, t->warn);
    }
    return pw;
}

/* «проверено 06.12.2026» under a confirmed fact (nothing for an unconfirmed one, which carries
 * the «требует проверки» pill instead); returns the height used. */
static float checked_line(Gfx *g, const Layout *l, const Theme *t, const Provenance *p, float x,
                          float y, float w, int draw)
{
    char date[16], line[64];
    provenance_date_ru(p, date, sizeof date);
    if (!date[0])
        return 0;
    snprintf(line, sizeof line, tr(STR_BOOK_CHECKED), date);
    return gfx_text_box(g, line, x, y, w, l->px_small, GF_REGULAR, t->text_dim, draw) + 2 * l->s;
}

/* ---- the service page ------------------------------------------------------------------ */

static float heading(Gfx *g, const Layout *l, const Theme *t, const char *txt, float x, float y,
                     float w)
{
    y += 14 * l->s;
    gfx_text(g, txt, x, y, l->px_body, GF_BOLD, t->accent);
    y += gfx_line_height(g, l->px_body, GF_BOLD) + 3 * l->s;
    gfx_fill(g, (GRect){x, y, w, 1.5f * l->s}, t->paper_edge);
    return y + 8 * l->s;
}

static float service_page(Gfx *g, const Layout *l, const Theme *t, const RefService *sv, float x,
                          float y, float w)
{
    float s = l->s, y0 = y;
    GColor ink = t->text, dim = t->text_dim;
    y += gfx_text_box(g, sv->title, x, y, w, l->px_title, GF_BOLD, ink, 1) + 6 * s;
    char line[1200];
    snprintf(line, sizeof line, "%s: %s", tr(STR_BOOK_AGENCY), sv->agency ? sv->agency : "—");
    float aw = gfx_text_box(g, line, x, y, w, l->px_body, GF_REGULAR, dim, 1);
    y += aw + 6 * s;
    if (sv->verify)
        y += (verify_mark(g, l, t, x, y, 1), l->px_small * 1.6f);
    else
        y += checked_line(g, l, t, &sv->prov, x, y, w, 1);

    /* The figures first: what the applicant pays, waits for and receives. */
    struct {
        SimStr label;
        const char *value;
    } facts[3] = {{STR_DUTY, sv->duty},
                  {STR_BOOK_DEADLINE, sv->deadline},
                  {STR_BOOK_RESULT, sv->result}};
    float lw = 0;
    for (int i = 0; i < 3; i++) {
        int tw, th;
        gfx_text_size(g, tr(facts[i].label), l->px_label, GF_REGULAR, &tw, &th);
        lw = fmaxf(lw, (float)tw);
    }
    lw += 18 * s;
    if (lw > w * 0.4f)
        lw = w * 0.4f;
    y += 8 * s;
    GRect box = {x, y, w, 0};
    float by = y + 10 * s;
    for (int pass = 0; pass < 2; pass++) {
        by = y + 10 * s;
        for (int i = 0; i < 3; i++) {
            if (!facts[i].value)
                continue;
            if (pass == 1)
                gfx_text(g, tr(facts[i].label), x + 14 * s, by + 2 * s, l->px_label, GF_REGULAR,
                         dim);
            float vh = gfx_text_box(g, facts[i].value, x + 14 * s + lw, by, w - lw - 28 * s,
                                    l->px_body, GF_REGULAR, ink, pass == 1);
            by += fmaxf(vh, (float)l->px_body * 1.2f) + 8 * s;
        }
        if (pass == 0) {
            box.h = by - y + 2 * s;
            gfx_round(g, box, 8 * s, t->shadow.a ? (GColor){240, 244, 250, 255} : t->bg);
            gfx_round_outline(g, box, 8 * s, 1.2f * s, t->paper_edge);
        }
    }
    y += box.h;

    if (sv->document_count) {
        y = heading(g, l, t, tr(STR_BOOK_DOCUMENTS), x, y, w);
        for (size_t i = 0; i < sv->document_count; i++) {
            char num[32];
            snprintf(num, sizeof num, "%zu.", i + 1);
            gfx_text(g, num, x, y, l->px_body, GF_BOLD, dim);
            y += gfx_text_box(g, sv->documents[i], x + 30 * s * l->ts / l->s, y,
                              w - 30 * s * l->ts / l->s, l->px_body, GF_REGULAR, ink, 1) +
                 6 * s;
        }
    }
    if (sv->pitfall_count) {
        y = heading(g, l, t, tr(STR_BOOK_PITFALLS), x, y, w);
        for (size_t i = 0; i < sv->pitfall_count; i++) {
            gfx_text(g, "⚠", x, y, l->px_body, GF_BOLD, t->warn);
            y += gfx_text_box(g, sv->pitfalls[i], x + 30 * s * l->ts / l->s, y,
                              w - 30 * s * l->ts / l->s, l->px_body, GF_REGULAR, ink, 1) +
                 6 * s;
        }
    }
    if (sv->rule_count) {
        y = heading(g, l, t, tr(STR_BOOK_RULES), x, y, w);
        for (size_t i = 0; i < sv->rule_count; i++) {
            const Rule *r = sv->rules[i];
            if (!r)
                continue;
            snprintf(line, sizeof line, "§ %s", r->short_);
            float sw = gfx_text(g, line, x, y, l->px_label, GF_BOLD, t->accent);
            if (r->verify)
                verify_mark(g, l, t, x + sw + 10 * s, y - 1 * s, 1);
            y += l->px_label * 1.45f;
            y += gfx_text_box(g, r->text, x, y, w, l->px_label, GF_REGULAR, ink, 1) + 2 * s;
            if (!r->verify)
                y += checked_line(g, l, t, &r->prov, x, y, w, 1);
            y += 8 * s;
        }
    }
    /* sv->note is for methodologists (what to verify, how the figure was found): a trainee
     * never reads it. */
    return y - y0 + 16 * s;
}

/* ---- list items ---------------------------------------------------------------------------- */

/* Height (draw 0) or drawing (draw 1) of item i of the current tab within width w. */
static float item_box(Gfx *g, const Layout *l, const Theme *t, const Book *b, int tab, size_t i,
                      float x, float y, float w, int draw)
{
    float s = l->s, y0 = y, pad = 12 * s;
    x += pad;
    w -= 2 * pad;
    y += 8 * s;
    GColor ink = t->text, dim = t->text_dim;
    int sel = (int)i == b->sel[tab];
    if (tab == 0) {
        const RefService *sv = &b->rb->services[i];
        y +=
            gfx_text_box(g, sv->title, x, y, w, l->px_body, sel ? GF_BOLD : GF_REGULAR, ink, draw) +
            2 * s;
        y += gfx_text_box(g, sv->agency ? sv->agency : "", x, y, w, l->px_label, GF_REGULAR, dim,
                          draw);
        if (sv->verify) {
            /* In the list a quiet word is enough; the page carries the pill. */
            char mark[200];
            snprintf(mark, sizeof mark, "⚠ %s", tr(STR_BOOK_VERIFY));
            y += 2 * s +
                 gfx_text_box(g, mark, x, y + 2 * s, w, l->px_small, GF_REGULAR, t->warn, draw);
        }
    } else if (tab == 1) {
        const Rule *r = &b->rules->rules[i];
        float sw = draw ? gfx_text(g, r->short_, x, y, l->px_body, GF_BOLD, t->accent) : 0;
        if (r->verify && draw)
            verify_mark(g, l, t, x + sw + 12 * s, y + 2 * s, 1);
        y += gfx_line_height(g, l->px_body, GF_BOLD) + 2 * s;
        char src[600];
        snprintf(src, sizeof src, "%s, %s", r->act ? r->act : "", r->article ? r->article : "");
        y += gfx_text_box(g, src, x, y, w, l->px_label, GF_REGULAR, dim, draw) + 4 * s;
        y += gfx_text_box(g, r->text, x, y, w, l->px_body, GF_REGULAR, ink, draw) + 2 * s;
        if (!r->verify)
            y += checked_line(g, l, t, &r->prov, x, y, w, draw);
        /* Where the rule is cited in the book. */
        char used[900] = "";
        size_t n = 0;
        for (size_t k = 0; b->rb && k < b->rb->service_count; k++)
            for (size_t j = 0; j < b->rb->services[k].rule_count; j++)
                if (b->rb->services[k].rules[j] == r && strlen(used) < 600) {
                    snprintf(used + strlen(used), sizeof used - strlen(used), "%s%s",
                             n++ ? "; " : "", b->rb->services[k].title);
                    break;
                }
        if (n) {
            char line[1000];
            snprintf(line, sizeof line, tr(STR_BOOK_USED_BY), used);
            y += 2 * s + gfx_text_box(g, line, x, y, w, l->px_small, GF_REGULAR, dim, draw);
        }
    } else {
        const RefValue *v = &b->rb->values[i];
        y += gfx_text_box(g, v->title, x, y, w, l->px_label, GF_BOLD, dim, draw) + 2 * s;
        y += gfx_text_box(g, v->value, x, y, w, l->px_dialog, GF_BOLD, ink, draw) + 2 * s;
        /* v->note is for methodologists only. */
        if (v->verify)
            y += 4 * s + (verify_mark(g, l, t, x, y, draw), l->px_small * 1.5f);
        else
            y += checked_line(g, l, t, &v->prov, x, y, w, draw);
    }
    return y - y0 + 10 * s;
}

static void scrollbar(Gfx *g, const Layout *l, const Theme *t, GRect view, float content,
                      float scroll)
{
    if (content <= view.h)
        return;
    float k = view.h / content;
    gfx_round(g, (GRect){view.x + view.w - 8 * l->s, view.y + scroll * k, 5 * l->s, view.h * k},
              2.5f * l->s, t->text_dim);
}

/* The list of the current tab in r: selection kept in view when it moved by keyboard. */
static void draw_list(Gfx *g, const Layout *l, const Theme *t, Book *b, GRect r, int focused)
{
    float s = l->s;
    int tab = b->tab;
    size_t n = item_count(b, tab);
    float hs[512], ys[512], total = 0;
    if (n > 512)
        n = 512;
    float w = r.w - 16 * s;
    for (size_t i = 0; i < n; i++) {
        ys[i] = total;
        hs[i] = item_box(g, l, t, b, tab, i, 0, 0, w, 0);
        total += hs[i] + 6 * s;
    }
    b->list_h = total;
    b->list_view = r.h;
    float *sc = &b->scroll[tab];
    if (b->follow && n) {
        size_t i = (size_t)b->sel[tab];
        if (ys[i] < *sc)
            *sc = ys[i];
        else if (ys[i] + hs[i] > *sc + r.h - 8 * s)
            *sc = ys[i] + hs[i] - r.h + 8 * s;
    }
    *sc = fminf(*sc, fmaxf(total - r.h + 8 * s, 0));
    *sc = fmaxf(*sc, 0);
    gfx_clip(g, &r);
    for (size_t i = 0; i < n; i++) {
        GRect ir = {r.x + 4 * s, r.y + 4 * s + ys[i] - *sc, w, hs[i]};
        if (ir.y + ir.h < r.y || ir.y > r.y + r.h)
            continue;
        int sel = (int)i == b->sel[tab];
        if (sel)
            gfx_round(g, ir, 8 * s, (GColor){11, 92, 173, t->shadow.a ? 26 : 90});
        else if (inside(ir, b->mx, b->my))
            gfx_round(g, ir, 8 * s, (GColor){11, 92, 173, 12});
        if (tab != 0 && i + 1 < n && !sel)
            gfx_fill(g, (GRect){ir.x + 12 * s, ir.y + ir.h + 2 * s, ir.w - 24 * s, 1 * s},
                     t->paper_edge);
        item_box(g, l, t, b, tab, i, ir.x, ir.y, ir.w, 1);
        if (sel && focused)
            gfx_round_outline(g, ir, 8 * s, 2.5f * s, t->focus);
        else if (sel)
            gfx_round_outline(g, ir, 8 * s, 1.5f * s, t->accent);
        GRect hit = ir;
        if (hit.y < r.y) {
            hit.h -= r.y - hit.y;
            hit.y = r.y;
        }
        add(b, hit, BH_ITEM, (int)i);
    }
    gfx_clip(g, NULL);
    scrollbar(g, l, t, r, total + 8 * s, *sc);
}

static void draw_page(Gfx *g, const Layout *l, const Theme *t, Book *b, GRect r, int focused)
{
    float s = l->s;
    /* A sheet of paper with a coloured binding edge. */
    gfx_round(g, (GRect){r.x + 3 * s, r.y + 4 * s, r.w, r.h}, 10 * s, t->shadow);
    gfx_round(g, r, 10 * s, t->panel); /* the theme's text colours read on it in both themes */
    gfx_round_outline(g, r, 10 * s, (focused ? 2.5f : 1.5f) * s,
                      focused ? t->focus : t->paper_edge);
    gfx_fill(g, (GRect){r.x + 1.5f * s, r.y + 14 * s, 6 * s, r.h - 28 * s}, t->accent);
    add(b, r, BH_PAGE, 0);
    if (!b->rb || b->rb->service_count == 0)
        return;
    const RefService *sv = &b->rb->services[b->sel[0]];
    GRect view = {r.x + 10 * s, r.y + 6 * s, r.w - 16 * s, r.h - 12 * s};
    b->page_view = view.h;
    b->page_scroll = fminf(b->page_scroll, fmaxf(b->page_h - view.h, 0));
    b->page_scroll = fmaxf(b->page_scroll, 0);
    gfx_clip(g, &view);
    b->page_h =
        service_page(g, l, t, sv, r.x + 34 * s, view.y + 18 * s - b->page_scroll, r.w - 70 * s) +
        18 * s;
    gfx_clip(g, NULL);
    scrollbar(g, l, t, view, b->page_h, b->page_scroll);
}

void book_draw(Gfx *g, Layout *l, const Theme *t, int hc, Book *b)
{
    float s = l->s, W = (float)l->W, H = (float)l->H;
    b->nhits = 0;
    b->narrow = l->ts / l->s > 1.45f;
    if (b->open_page) {
        b->page = b->narrow; /* opened on a service: the narrow layout shows its page */
        b->open_page = 0;
    }
    b->list_split = W;
    /* Large text: the subtitle would run under the close button. */
    ui_title_bar(g, l, t, hc, tr(STR_BOOK_TITLE), b->narrow ? NULL : tr(STR_BOOK_SUB));
    /* The close button, in the title bar. */
    {
        const char *lab = tr(STR_BOOK_CLOSE);
        int tw, th;
        gfx_text_size(g, lab, l->px_body, GF_BOLD, &tw, &th);
        GRect cr = {W - tw - 36 * s - 40 * s, (l->title_h - th - 16 * s) / 2, tw + 36 * s,
                    th + 16 * s};
        int hov = inside(cr, b->mx, b->my);
        gfx_round(g, cr, 8 * s, hov ? (GColor){255, 255, 255, 60} : (GColor){255, 255, 255, 30});
        gfx_round_outline(g, cr, 8 * s, 1.5f * s, t->accent_text);
        if (b->on_close) /* the keyboard's focus: a ring outside the button, on the title bar */
            gfx_round_outline(g, (GRect){cr.x - 4 * s, cr.y - 4 * s, cr.w + 8 * s, cr.h + 8 * s},
                              10 * s, 3 * s, t->focus);
        gfx_text(g, lab, cr.x + 18 * s, cr.y + 8 * s, l->px_body, GF_BOLD, t->accent_text);
        add(b, cr, BH_CLOSE, 0);
    }
    /* Tabs with their counts. */
    const SimStr names[3] = {STR_BOOK_TAB_SERVICES, STR_BOOK_TAB_RULES, STR_BOOK_TAB_VALUES};
    float x = 40 * s, y = l->title_h + 14 * s;
    for (int i = 0; i < 3; i++) {
        char lab[200];
        snprintf(lab, sizeof lab, "%s · %zu", tr(names[i]), item_count(b, i));
        int tw, th;
        gfx_text_size(g, lab, l->px_body, GF_BOLD, &tw, &th);
        GRect r = {x, y, tw + 32 * s, l->px_body * 2.0f};
        int sel = b->tab == i;
        gfx_round(g, r, r.h / 2, sel ? t->accent : t->panel);
        gfx_round_outline(g, r, r.h / 2, 1.5f * s, sel ? t->accent : t->panel_edge);
        gfx_text(g, lab, x + 16 * s, y + l->px_body * 0.4f, l->px_body, GF_BOLD,
                 sel ? t->accent_text : t->text);
        add(b, r, BH_TAB, i);
        x += r.w + 10 * s;
    }
    y += l->px_body * 2.0f + 14 * s;
    float hint_h = l->hint_h;
    GRect area = {40 * s, y, W - 80 * s, H - y - hint_h - 14 * s};
    if (item_count(b, b->tab) == 0) {
        gfx_text_box(g, b->tab == 1 ? tr(STR_BOOK_NO_RULES) : tr(STR_BOOK_EMPTY), area.x, area.y,
                     area.w, l->px_body, GF_REGULAR, t->text_dim, 1);
    } else if (b->tab == 0 && b->narrow && b->page) {
        draw_page(g, l, t, b, area, 1);
    } else if (b->tab == 0 && !b->narrow) {
        GRect lr = {area.x, area.y, area.w * 0.34f, area.h};
        GRect pr = {lr.x + lr.w + 18 * s, area.y, area.w - lr.w - 18 * s, area.h};
        b->list_split = pr.x;
        gfx_round(g, lr, 10 * s, t->panel);
        gfx_round_outline(g, lr, 10 * s, 1.5f * s, t->panel_edge);
        draw_list(g, l, t, b, (GRect){lr.x + 4 * s, lr.y + 4 * s, lr.w - 8 * s, lr.h - 8 * s},
                  !b->page);
        draw_page(g, l, t, b, pr, b->page);
    } else {
        gfx_round(g, area, 10 * s, t->panel);
        gfx_round_outline(g, area, 10 * s, 1.5f * s, t->panel_edge);
        GRect in = {area.x + 6 * s, area.y + 6 * s, area.w - 12 * s, area.h - 12 * s};
        if (b->tab != 0 && !b->narrow) {
            /* Rules and values read better in a column than across the whole screen. */
            in.x += area.w * 0.08f;
            in.w -= area.w * 0.16f;
        }
        draw_list(g, l, t, b, in, 1);
    }
    b->follow = 0;
    ui_hint_bar(g, l, hc,
                b->page || (b->tab == 0 && b->narrow && b->page) ? tr(STR_BOOK_HINT_PAGE)
                                                                 : tr(STR_BOOK_HINT_LIST));
}

static void move_sel(Book *b, int d)
{
    int n = (int)item_count(b, b->tab), v = b->sel[b->tab] + d;
    if (n == 0)
        return;
    v = v < 0 ? 0 : (v >= n ? n - 1 : v);
    if (v != b->sel[b->tab] && b->tab == 0)
        b->page_scroll = 0;
    b->sel[b->tab] = v;
    b->follow = 1;
}

static void page_scroll(Book *b, float d)
{
    b->page_scroll = fmaxf(0, fminf(b->page_scroll + d, fmaxf(b->page_h - b->page_view, 0)));
}

int book_key(Book *b, int key, float line_px)
{
    SDL_Keycode k = (SDL_Keycode)key;
    float pg = b->page_view > 0 ? b->page_view * 0.85f : 400;
    if (k == SDLK_TAB) {
        /* The three sections, then «Закрыть», and round again (Shift: the other way). */
        int back = (SDL_GetModState() & KMOD_SHIFT) != 0;
        int stop = b->on_close ? 3 : b->tab;
        stop = (stop + (back ? 3 : 1)) % 4;
        b->on_close = stop == 3;
        if (stop < 3)
            b->tab = stop;
        b->page = 0;
        b->follow = 1;
        return 0;
    }
    if (b->on_close) {
        if (k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_SPACE || k == SDLK_ESCAPE ||
            k == SDLK_F1)
            return 1;
        b->on_close = 0; /* any other key works the section again */
    }
    if (k == SDLK_F1) {
        return 1;
    } else if (b->page) {
        if (k == SDLK_DOWN)
            page_scroll(b, line_px);
        else if (k == SDLK_UP)
            page_scroll(b, -line_px);
        else if (k == SDLK_PAGEDOWN || k == SDLK_SPACE)
            page_scroll(b, pg);
        else if (k == SDLK_PAGEUP)
            page_scroll(b, -pg);
        else if (k == SDLK_HOME)
            b->page_scroll = 0;
        else if (k == SDLK_END)
            page_scroll(b, 1e9f);
        else if (k == SDLK_ESCAPE || k == SDLK_LEFT || k == SDLK_BACKSPACE) {
            b->page = 0;
            b->follow = 1;
        }
    } else {
        if (k == SDLK_DOWN)
            move_sel(b, 1);
        else if (k == SDLK_UP)
            move_sel(b, -1);
        else if (k == SDLK_HOME)
            move_sel(b, -100000);
        else if (k == SDLK_END)
            move_sel(b, 100000);
        else if (k == SDLK_PAGEDOWN || k == SDLK_PAGEUP) {
            if (b->tab == 0 && !b->narrow)
                page_scroll(b, k == SDLK_PAGEDOWN ? pg : -pg); /* read on while choosing */
            else
                move_sel(b, k == SDLK_PAGEDOWN ? 5 : -5);
        } else if ((k == SDLK_RETURN || k == SDLK_KP_ENTER || k == SDLK_RIGHT) && b->tab == 0 &&
                   item_count(b, 0)) {
            b->page = 1;
        } else if (k == SDLK_RIGHT || k == SDLK_LEFT) {
            b->tab = (b->tab + (k == SDLK_LEFT ? 2 : 1)) % 3;
            b->follow = 1;
        } else if (k == SDLK_ESCAPE)
            return 1;
    }
    return 0;
}

int book_click(Book *b, int x, int y)
{
    b->on_close = 0;
    for (int i = b->nhits - 1; i >= 0; i--) {
        const BookHit *h = &b->hits[i];
        if (!inside(h->r, x, y))
            continue;
        if (h->kind == BH_CLOSE)
            return 1;
        if (h->kind == BH_TAB) {
            if (b->tab != h->arg) {
                b->tab = h->arg;
                b->page = 0;
                b->follow = 1;
            }
        } else if (h->kind == BH_ITEM) {
            int again = b->sel[b->tab] == h->arg;
            if (!again && b->tab == 0)
                b->page_scroll = 0;
            b->sel[b->tab] = h->arg;
            b->page = b->tab == 0 && (again || !b->narrow) ? (b->narrow ? 1 : 0) : 0;
        } else if (h->kind == BH_PAGE) {
            b->page = 1;
        }
        return 0;
    }
    return 0;
}

void book_wheel(Book *b, int x, int y, float dy)
{
    (void)y;
    int on_page = b->tab == 0 && (b->narrow ? b->page : x > b->list_split);
    if (on_page) {
        page_scroll(b, dy);
    } else {
        float max = fmaxf(b->list_h - b->list_view + 8, 0);
        b->scroll[b->tab] = fmaxf(0, fminf(b->scroll[b->tab] + dy, max));
    }
}

int book_hover(Book *b, int x, int y)
{
    int before = -1, after = -1;
    for (int i = b->nhits - 1; i >= 0 && (before < 0 || after < 0); i--) {
        if (before < 0 && inside(b->hits[i].r, b->mx, b->my))
            before = i;
        if (after < 0 && inside(b->hits[i].r, x, y))
            after = i;
    }
    b->mx = x;
    b->my = y;
    return before != after;
}
