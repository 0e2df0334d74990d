/*
 * docview.c — documents drawn like the real ones: the passport as a two-page spread with a
 * photo and the series printed in red, a power of attorney or an application as an A4 sheet
 * (a notary's round stamp when it is notarised), a receipt as a narrow slip in a typewriter
 * face. Every field is a selectable box; the focused one gets a frame, a flagged one a mark
 * with the reason in words.
 */
#include "ui_internal.h"

#include "../core/i18n.h"
#include "../scenario/mrz.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

typedef struct Paper {
    GColor bg, edge, label, ink, title;
    GFont value_font;
} Paper;

static Paper paper_for(const char *type, const Theme *t)
{
    Paper p = {t->paper, t->paper_edge, gfx_rgb(0x5A5F66), t->ink, gfx_rgb(0x1B2A4A), GF_REGULAR};
    if (t->shadow.a == 0) /* high contrast: plain white paper, black ink */
        return p;
    if (strcmp(type, "passport_rf") == 0)
        p.bg = gfx_rgb(0xF6EEE6), p.edge = gfx_rgb(0xC8A99A), p.title = gfx_rgb(0x7A2E2E);
    else if (strcmp(type, "birth_certificate") == 0)
        p.bg = gfx_rgb(0xEEF5EA), p.edge = gfx_rgb(0x9DB79A), p.title = gfx_rgb(0x2E5A2E);
    else if (strcmp(type, "duty_receipt") == 0)
        p.bg = gfx_rgb(0xFBFBF8), p.value_font = GF_MONO;
    else if (strcmp(type, "snils") == 0)
        p.bg = gfx_rgb(0xEAF2F8), p.edge = gfx_rgb(0x8FB0C8);
    else if (strcmp(type, "note") == 0)
        p.bg = gfx_rgb(0xFAFAF0), p.edge = gfx_rgb(0xB8C8E0),
        p.ink = gfx_rgb(0x1F3A93); /* ink-blue pen */
    return p;
}

static int is_true(const char *v)
{
    return v && (strcmp(v, tr(STR_LOAD_YES)) == 0 || strcmp(v, "true") == 0 ||
                 sim_contains_any(v, tr(STR_DOC_NOTARISED_WORDS)));
}

/* One field: label above, value below (wrapped). Returns its height. */
static float field_box(Gfx *g, const Layout *l, const Theme *t, const Paper *p, const Session *ss,
                       int doc, int f, float x, float y, float w, int focus, int draw, GRect *out)
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
    float fh = reason >= 0
                   ? gfx_text_box(g, mark, 0, 0, w - 2 * pad, l->px_small, GF_BOLD, t->paper_bad, 0)
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

/* ==== the holder's photo and the machine-readable zone ===================================== */

/* The value of field key of the open document as the session has it, or NULL. */
static const char *doc_value(const Session *ss, int doc, const char *key)
{
    int f = document_find_field(&session_scenario(ss)->documents[doc], key);
    return f >= 0 ? session_field(ss, doc, f) : NULL;
}

/* Years between two "ДД.ММ.ГГГГ" dates; -1 when either is not a date. */
static int years_between(const char *from, const char *to)
{
    int d[2][3];
    const char *v[2] = {from, to};
    for (int i = 0; i < 2; i++)
        if (!v[i] || sscanf(v[i], "%d.%d.%d", &d[i][0], &d[i][1], &d[i][2]) != 3)
            return -1;
    int y = d[1][2] - d[0][2];
    if (d[1][1] < d[0][1] || (d[1][1] == d[0][1] && d[1][0] < d[0][0]))
        y--;
    return y;
}

/* 1 when two full names are one person: equal, or equal but for the surname (a scenario's
 * script may give a family another surname for the attempt, and the people the scenario lists
 * keep theirs). */
static int same_person(const char *a, const char *b)
{
    if (strcmp(a, b) == 0)
        return 1;
    const char *ra = strchr(a, ' '), *rb = strchr(b, ' ');
    return ra && rb && strchr(ra + 1, ' ') && strcmp(ra, rb) == 0;
}

/* The look of a passport's holder as photographed on the issue date: with the applicant's or a
 * companion's hints when the name on the page is theirs, from the name alone otherwise. */
/* The Latin half of a bilingual value ("КУЗНЕЦОВА / KUZNETSOVA"), or the value itself. */
static const char *latin_half(const char *v)
{
    const char *slash = v ? strrchr(v, '/') : NULL;
    if (!slash)
        return v;
    for (slash++; *slash == ' ';)
        slash++;
    return slash;
}

/* The first word of a name in ICAO letters, with KH and X as one letter (Uzbek Latin writes Х as
 * X): how a travel passport's Latin surname is matched with a name written in Cyrillic. */
static void surname_key(const char *name, char *out, size_t cap)
{
    char word[128];
    size_t n = strcspn(name ? name : "", " ");
    snprintf(word, sizeof word, "%.*s", (int)(n < sizeof word ? n : sizeof word - 1),
             name ? name : "");
    char tr_[128];
    mrz_translit(word, MRZ_TRANSLIT_ICAO, tr_, sizeof tr_);
    size_t k = 0;
    for (size_t i = 0; tr_[i] && k + 1 < cap; i++) {
        if (tr_[i] == 'K' && tr_[i + 1] == 'H')
            i++;
        out[k++] = tr_[i] == 'H' && i > 0 && tr_[i - 1] == 'K' ? 'X' : tr_[i];
    }
    out[k] = '\0';
}

/* 1 when person (a name from the scenario) holds the passport whose name is holder. A travel
 * passport spells the name in Latin letters: its surname is compared transliterated. */
static int holds(const char *person, const char *holder, int travel)
{
    if (same_person(person, holder))
        return 1;
    if (!travel)
        return 0;
    char a[128], b[128];
    surname_key(person, a, sizeof a);
    surname_key(holder, b, sizeof b);
    return a[0] && strcmp(a, b) == 0;
}

/* The look of a passport's holder as photographed on the issue date: with the applicant's or a
 * companion's hints when the name on the page is theirs, from the name alone otherwise. */
static void holder_look(const Session *ss, int doc, PersonLook *p)
{
    const Scenario *sc = session_scenario(ss);
    int travel = strcmp(sc->documents[doc].type, "passport_foreign") == 0;
    const char *parts[3] = {doc_value(ss, doc, "surname"), doc_value(ss, doc, "name"),
                            doc_value(ss, doc, "patronymic")};
    char name[256] = "";
    for (int i = 0; i < 3; i++)
        if (parts[i] && *parts[i]) {
            size_t used = strlen(name);
            snprintf(name + used, sizeof name - used, "%s%s", used ? " " : "",
                     travel ? latin_half(parts[i]) : parts[i]);
        }
    const char *sexv = doc_value(ss, doc, "sex");
    char sex = sim_contains_any(sexv, tr(STR_DOC_SEX_MALE))     ? 'm'
               : sim_contains_any(sexv, tr(STR_DOC_SEX_FEMALE)) ? 'f'
                                                                : 0;
    int age = years_between(doc_value(ss, doc, "birth_date"), doc_value(ss, doc, "issue_date"));
    const KeyValue *look = NULL;
    size_t nlook = 0;
    int found = 0;
    const char *seed = name; /* the name the window draws the same person from */
    const char *who = session_applicant_name(ss);
    if (who && holds(who, name, travel)) {
        found = 1;
        look = sc->applicant.look, nlook = sc->applicant.look_count, seed = who;
        sex = sex ? sex : sc->applicant.sex;
        age = age >= 0 ? age : session_applicant_age(ss);
    }
    for (size_t i = 0; !found && i < sc->companion_count; i++)
        if (holds(sc->companions[i].name, name, travel)) {
            const Companion *c = &sc->companions[i];
            found = 1;
            look = c->look, nlook = c->look_count, seed = c->name;
            sex = sex ? sex : c->sex;
            age = age >= 0 ? age : c->age;
        }
    if (!sex) { /* a stranger's passport with no sex field: Russian and Central Asian surnames of
                 * women end in -а/-я (-A in Latin letters) */
        size_t n = strcspn(name, " ");
        const unsigned char *e = (const unsigned char *)name + n;
        sex = (n >= 1 && e[-1] == 'A') || (n >= 2 && ((e[-2] == 0xD0 && e[-1] == 0xB0) ||
                                                      (e[-2] == 0xD1 && e[-1] == 0x8F)))
                  ? 'f'
                  : 'm';
    }
    person_look(p, seed, sex, age >= 0 ? age : 30, look, nlook);
}

/* The zone of the open document from the values the session has now (a script may have
 * changed a field). Returns 0 when the document has none. */
static int doc_zone(const Session *ss, int doc, MrzZone *z)
{
    const Document *d = &session_scenario(ss)->documents[doc];
    DocField fields[64];
    if (d->field_count > 64)
        return 0;
    for (size_t f = 0; f < d->field_count; f++) {
        fields[f] = d->fields[f];
        fields[f].value = (char *)session_field(ss, doc, (int)f);
    }
    Document now = *d;
    now.fields = fields;
    if (strcmp(d->type, "passport_rf") == 0 && !mrz_rf_has_zone(doc_value(ss, doc, "issue_date")))
        return 0; /* forms issued before July 2011 have no zone */
    return mrz_from_document(&now, z, NULL) == SIM_OK;
}

/* Draws the two lines of z in a monospace face sized to fit width, their top at y. Returns
 * the height used. */
static float draw_zone(Gfx *g, const Layout *l, const MrzZone *z, float x, float y, float width,
                       int draw)
{
    int px = l->px_body, w, h;
    gfx_text_size(g, z->line[0], px, GF_MONO, &w, &h);
    /* The zone is printed at a fixed pitch across the page: it follows the page, not the text
     * size, so that its 44 characters always fit on one line. */
    if (w > width && w > 0)
        px = (int)((float)px * width / (float)w);
    if (px < 6)
        px = 6;
    float lh = (float)gfx_line_height(g, px, GF_MONO);
    if (draw) {
        GColor ink = {40, 40, 48, 255};
        gfx_text(g, z->line[0], x, y, px, GF_MONO, ink);
        gfx_text(g, z->line[1], x, y + lh, px, GF_MONO, ink);
    }
    return 2 * lh;
}

static const char *const passport_left[] = {
    "issued_by", "issue_date", "division_code", "registration", "valid_until", "marks", NULL};
static const char *const passport_right[] = {"surname",    "name",        "patronymic", "sex",
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

/* A note written by hand on a lined notebook sheet: the words in ink-blue handwriting on the
 * ruled lines, right of a red margin; the printed captions of the fields (what the trainee
 * selects) stay in the margin. Returns the count of field boxes. */
static size_t note_draw(Gfx *g, const Layout *l, const Theme *t, const Paper *p, const Session *ss,
                        int doc, GRect sheet, float y0, int focus_field, DocFieldBox *boxes,
                        size_t max)
{
    const Document *d = &session_scenario(ss)->documents[doc];
    float s = l->s, pad = 22 * s;
    int px = l->px_body + (int)(2 * l->ts + 0.5f); /* handwriting runs a little larger */
    float step = (float)gfx_line_height(g, px, GF_REGULAR) * 1.45f;
    /* The margin: as wide as the longest caption, at most a third of the sheet. */
    float cap_w = 0;
    for (size_t f = 0; f < d->field_count; f++) {
        int w, h;
        gfx_text_size(g, d->fields[f].label, l->px_small, GF_REGULAR, &w, &h);
        cap_w = fmaxf(cap_w, (float)w);
    }
    cap_w = fminf(cap_w, sheet.w / 3);
    float margin = sheet.x + pad + cap_w + 10 * s;
    int hc = t->shadow.a == 0;
    GColor rule = hc ? (GColor){120, 120, 120, 255} : (GColor){140, 170, 215, 150};
    gfx_fill(g, (GRect){margin, sheet.y, 2 * s, sheet.h},
             hc ? (GColor){0, 0, 0, 255} : (GColor){214, 90, 90, 170});
    /* The baseline of DejaVu sits about 0.93 em below the top of a line: rule just under it. */
    float base = (float)px * 0.93f + 2 * s;
    for (float ry = y0 + base; ry < sheet.y + sheet.h - 4 * s; ry += step)
        gfx_fill(g, (GRect){sheet.x + 2 * s, ry, sheet.w - 4 * s, 1 * s}, rule);
    size_t nb = 0;
    float y = y0;
    float hand_w = sheet.x + sheet.w - pad - margin - 10 * s;
    for (size_t f = 0; f < d->field_count; f++) {
        const char *value = session_field(ss, doc, (int)f);
        float vh = gfx_hand_box(g, value && *value ? value : "—", margin + 10 * s, y, hand_w, px,
                                p->ink, step, 0);
        int reason = session_flag_reason(ss, doc, (int)f);
        char mark[160] = "";
        if (reason >= 0)
            snprintf(mark, sizeof mark, tr(STR_ART_FLAGGED), reason_title((FlagReason)reason));
        float mh =
            reason >= 0 ? gfx_text_box(g, mark, 0, 0, hand_w, l->px_small, GF_BOLD, t->bad, 0) : 0;
        GRect r = {sheet.x + pad / 2, y - 3 * s, sheet.w - pad, vh + mh + 6 * s};
        if (reason >= 0) {
            gfx_round(g, r, 4 * s, (GColor){179, 38, 30, 28});
            gfx_fill(g, (GRect){r.x, r.y, 4 * s, r.h}, t->bad);
        }
        gfx_text_box(g, d->fields[f].label, sheet.x + pad, y + base - (float)l->px_small, cap_w,
                     l->px_small, GF_REGULAR, p->label, 1);
        gfx_hand_box(g, value && *value ? value : "—", margin + 10 * s, y, hand_w, px, p->ink, step,
                     1);
        if (reason >= 0)
            gfx_text_box(g, mark, margin + 10 * s, y + vh, hand_w, l->px_small, GF_BOLD, t->bad, 1);
        if ((int)f == focus_field)
            gfx_round_outline(g, r, 4 * s, 3 * s, t->focus);
        if (nb < max)
            boxes[nb++] = (DocFieldBox){r, (int)f};
        /* The next field starts on a ruled line of its own. */
        float used = vh + mh;
        y += ceilf(used / step) * step;
    }
    /* A signature in the same pen, when the note says it is signed. */
    int fsig = document_find_field(d, "signature");
    const char *sv = fsig >= 0 ? session_field(ss, doc, fsig) : NULL;
    if (sv && *sv && !sim_contains_any(sv, tr(STR_DOC_NOTE_UNSIGNED_WORDS)) &&
        y + step < sheet.y + sheet.h)
        scribble(g, margin + hand_w * 0.55f, y + step * 0.6f, s);
    return nb;
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
                           f == focus_field, 1, &r) +
                 4 * s;
            if (nb < max)
                boxes[nb++] = (DocFieldBox){r, f};
        }
        /* Right page: photo box, then the person. */
        float rx = area.x + half + pad;
        float photo_w = 110 * s, photo_h = 140 * s;
        GRect ph = {rx, area.y + pad + 30 * s, photo_w, photo_h};
        PersonLook holder;
        holder_look(ss, doc, &holder);
        person_portrait(g, &holder, ph);
        /* Series and number in red along the top edge, as printed. */
        int fs = document_find_field(d, "series"), fn = document_find_field(d, "number");
        float sx = rx;
        if (fs >= 0) {
            GRect r;
            field_box(g, l, t, &p, ss, doc, fs, sx, area.y + 4 * s, 110 * s, fs == focus_field, 0,
                      &r);
            r.h = gfx_line_height(g, l->px_body, GF_BOLD) + 8 * s;
            gfx_text(g, session_field(ss, doc, fs), sx + 4 * s, area.y + 6 * s, l->px_body, GF_BOLD,
                     gfx_rgb(0xB3261E));
            if (session_flag_reason(ss, doc, fs) >= 0)
                gfx_text(g, "⚑", sx - 16 * s, area.y + 6 * s, l->px_body, GF_BOLD, t->paper_bad);
            if (fs == focus_field)
                gfx_round_outline(g, r, 3 * s, 3 * s, t->focus);
            if (nb < max)
                boxes[nb++] = (DocFieldBox){r, fs};
            sx += 120 * s;
        }
        if (fn >= 0) {
            GRect r = {sx, area.y + 4 * s, 120 * s,
                       gfx_line_height(g, l->px_body, GF_BOLD) + 8 * s};
            gfx_text(g, session_field(ss, doc, fn), sx + 4 * s, area.y + 6 * s, l->px_body, GF_BOLD,
                     gfx_rgb(0xB3261E));
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
                           (int)f == focus_field, 1, &r) +
                 4 * s;
            if (nb < max)
                boxes[nb++] = (DocFieldBox){r, (int)f};
        }
        /* The machine-readable zone at the foot of the photo page, below the last field. */
        MrzZone z;
        if (doc_zone(ss, doc, &z)) {
            float zw = half - 2 * pad;
            float zh = draw_zone(g, l, &z, rx, 0, zw, 0);
            float zy = fmaxf(y2 + 6 * s, area.y + area.h - zh - 12 * s);
            draw_zone(g, l, &z, rx, zy, zw, 1);
        }
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
    if (strcmp(d->type, "note") == 0)
        return note_draw(g, l, t, &p, ss, doc, sheet, y, focus_field, boxes, max);
    /* A travel passport's data page: the holder's photo left of the fields. */
    float photo = strcmp(d->type, "passport_foreign") == 0 ? 110 * s : 0;
    if (photo > 0) {
        PersonLook holder;
        holder_look(ss, doc, &holder);
        person_portrait(g, &holder, (GRect){sheet.x + pad, y, photo, photo * 140 / 110});
    }
    float fx = sheet.x + pad + (photo > 0 ? photo + pad : 0), fw = sheet.x + sheet.w - pad - fx;
    int two = !narrow && fw > 700 * s && d->field_count > 5;
    float colw = two ? (fw - pad) / 2 : fw;
    float ycol[2] = {y, y};
    for (size_t f = 0; f < d->field_count; f++) {
        int c = two && ycol[1] < ycol[0] ? 1 : 0;
        float x = fx + c * (colw + pad);
        GRect r;
        ycol[c] += field_box(g, l, t, &p, ss, doc, (int)f, x, ycol[c], colw, (int)f == focus_field,
                             1, &r) +
                   6 * s;
        if (nb < max)
            boxes[nb++] = (DocFieldBox){r, (int)f};
    }
    /* A travel passport's machine-readable zone at the foot of the sheet. */
    MrzZone z;
    if (strcmp(d->type, "passport_foreign") == 0 && doc_zone(ss, doc, &z)) {
        float zw = sheet.w - 2 * pad;
        float zh = draw_zone(g, l, &z, sheet.x + pad, 0, zw, 0);
        float zy = fmaxf(fmaxf(ycol[0], ycol[1]) + 6 * s, sheet.y + sheet.h - zh - 12 * s);
        draw_zone(g, l, &z, sheet.x + pad, zy, zw, 1);
    }
    int fnot = document_find_field(d, "notarised");
    if (fnot >= 0 && is_true(session_field(ss, doc, fnot)) &&
        strstr(session_field(ss, doc, fnot), tr(STR_DOC_NOT)) == NULL)
        stamp(g, sheet.x + sheet.w - 90 * s, sheet.y + sheet.h - 90 * s, 56 * s, l);
    int fsig = document_find_field(d, "signature");
    if (fsig < 0)
        fsig = document_find_field(d, "signatures");
    if (fsig >= 0) {
        const char *v = session_field(ss, doc, fsig);
        if (v && *v && !sim_contains_any(v, tr(STR_DOC_UNSIGNED_WORDS)))
            scribble(g, sheet.x + pad, sheet.y + sheet.h - 40 * s, s);
    }
    return nb;
}

/* The marks' line of a card: "⚑9 ✓" is the widest it gets. */
static float card_marks_w(Gfx *g, int px)
{
    int w, h;
    gfx_text_size(g, "⚑9  ✓", px, GF_BOLD, &w, &h);
    return (float)w;
}

float doc_card_height(Gfx *g, const Layout *l, const char *label, int px, float w, int compact)
{
    float s = l->s;
    float tw = w - 14 * s - (compact ? card_marks_w(g, px) + 8 * s : 0);
    float th = gfx_text_box(g, label, 0, 0, tw, px, GF_REGULAR, (GColor){0, 0, 0, 255}, 0);
    float marks = compact ? 0 : gfx_line_height(g, px, GF_BOLD) + 4 * s;
    return 6 * s + th + 4 * s + marks + 4 * s;
}

float doc_card_min_width(Gfx *g, const Layout *l, const char *label, int px, int compact)
{
    /* The widest word: a label wraps at spaces only, so the card must hold each word whole. */
    float widest = 0;
    char word[256];
    const char *p = label;
    while (*p) {
        size_t n = strcspn(p, " ");
        if (n > 0) {
            size_t k = n < sizeof word - 1 ? n : sizeof word - 1;
            memcpy(word, p, k);
            word[k] = '\0';
            int w, h;
            gfx_text_size(g, word, px, GF_REGULAR, &w, &h);
            widest = fmaxf(widest, (float)w);
        }
        p += n;
        while (*p == ' ')
            p++;
    }
    return widest + 14 * l->s + (compact ? card_marks_w(g, px) + 8 * l->s : 0) + 2;
}

void doc_card(Gfx *g, const Layout *l, const Theme *t, const Document *d, const char *label, int px,
              int compact, GRect r, int focused, int inspected, int flagged_count)
{
    Paper p = paper_for(d->type, t);
    float s = l->s;
    gfx_round(g, (GRect){r.x + 3 * s, r.y + 4 * s, r.w, r.h}, 5 * s, (GColor){0, 0, 0, 45});
    gfx_round(g, r, 5 * s, p.bg);
    gfx_round_outline(g, r, 5 * s, 1.5f * s, p.edge);
    float marks_w = compact ? card_marks_w(g, px) + 8 * s : 0;
    float tw = r.w - 14 * s - marks_w;
    float th = gfx_text_box(g, label, 0, 0, tw, px, GF_REGULAR, p.title, 0);
    float lh = (float)gfx_line_height(g, px, GF_BOLD);
    /* The marks: on a line of their own at the bottom, or (a compact card) right of the label. */
    float my = compact ? r.y + 6 * s : r.y + r.h - lh - 4 * s;
    /* A few grey lines suggest text, in the room between the label and the marks. */
    float gy = r.y + 6 * s + th + 6 * s;
    for (int i = 0; !compact && i < 4 && gy + i * 7 * s + 2.5f * s < my - 2 * s; i++)
        gfx_fill(g, (GRect){r.x + 10 * s, gy + i * 7 * s, r.w * (0.7f - i * 0.1f), 2.5f * s},
                 (GColor){120, 120, 120, 90});
    /* The label at the text size's own size: the desk sized the card for it (never a word
     * broken, never under the marks). */
    gfx_text_box(g, label, r.x + 7 * s, r.y + 6 * s, tw, px, GF_REGULAR, p.title, 1);
    if (inspected) {
        int w, h;
        gfx_text_size(g, "✓", px, GF_BOLD, &w, &h);
        gfx_text(g, "✓", r.x + r.w - w - 8 * s, my, px, GF_BOLD, t->paper_good);
    }
    if (flagged_count > 0) {
        char m[16];
        snprintf(m, sizeof m, "⚑%d", flagged_count);
        gfx_text(g, m, compact ? r.x + r.w - marks_w : r.x + 8 * s, my, px, GF_BOLD, t->paper_bad);
    }
    if (focused)
        gfx_round_outline(g, (GRect){r.x - 3 * s, r.y - 3 * s, r.w + 6 * s, r.h + 6 * s}, 7 * s,
                          3 * s, t->focus);
}
