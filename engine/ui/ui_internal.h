/*
 * ui_internal.h — what the screens of engine/ui share: the theme, the layout scale, hit
 * regions for the mouse, and the drawing entry points of office.c and docview.c.
 */
#ifndef SIM_UI_INTERNAL_H
#define SIM_UI_INTERNAL_H

#include "gfx.h"
#include "ui.h"

typedef struct Theme {
    GColor bg, panel, panel_edge, text, text_dim, accent, accent_text, focus, good, bad, warn;
    GColor wall_top, wall_bottom, floor, desk, desk_edge, paper, paper_edge, ink, glass;
    GColor shadow;
    /* Marks on paper (a flagged field, a checked document): paper stays light in both themes,
     * so these are dark enough for it (≥ 4.5:1) where good and bad suit the panels. */
    GColor paper_good, paper_bad;
} Theme;

void theme_init(Theme *t, int high_contrast);

/* Sizes: the scene scales with the window (s = min(W/1280, H/720)); text scales again with the
 * trainee's text-size setting (ts). */
typedef struct Layout {
    int W, H;
    float s;  /* geometry scale */
    float ts; /* text scale: s × text_pct/100 */
    int px_title, px_dialog, px_body, px_label, px_small;
    int px_hud;      /* the HUD and small labels on scene objects: capped so they still fit */
    float hud_h;     /* height of the office HUD strip */
    float title_h;   /* height of a screen's title bar: grows when its title wraps (ui_title_bar) */
    float hint_h;    /* height of the hint bar: two lines of hints at large text */
    float counter_y; /* the counter line: the desk grows upward as the text grows */
} Layout;

void layout_compute(Layout *l, int W, int H, int text_pct);

/* A person's look (person.c): from the scenario's "look" hints, the rest from the name. */
typedef enum HairStyle {
    HAIR_SHORT = 0,
    HAIR_SIDE,
    HAIR_BALD,
    HAIR_LONG,
    HAIR_BOB,
    HAIR_BUN,
    HAIR_PONYTAIL,
    HAIR_CURLY
} HairStyle;
typedef enum ClothesKind {
    CLOTHES_COAT = 0,
    CLOTHES_SUIT,
    CLOTHES_JACKET,
    CLOTHES_CARDIGAN,
    CLOTHES_HOODIE,
    CLOTHES_SWEATER,
    CLOTHES_COUNT
} ClothesKind;
typedef enum BagKind { BAG_NONE = 0, BAG_SHOULDER, BAG_BACKPACK, BAG_FOLDER } BagKind;

typedef struct PersonLook {
    char sex; /* 'f' or 'm' */
    int age;
    GColor skin, hair, cloth, shirt, bag_color;
    HairStyle hair_style;
    ClothesKind clothes;
    int fur_collar;
    int glasses; /* 0 none, 1 round, 2 square frames */
    int build;   /* 0 slim, 1 average, 2 heavy */
    int beard;   /* 0 none, 1 moustache, 2 beard */
    BagKind bag;
} PersonLook;

/* Fills p for a person; look (n entries, may be NULL) are the scenario's hints. The same name
 * always gives the same look. */
void person_look(PersonLook *p, const char *name, char sex, int age, const KeyValue *look,
                 size_t n);
/* A person from the waist up: head centre (cx, head_y), u the size (1 = the applicant at a
 * 1280×720 window), the body down past bottom; mood 0..100 shapes the face. shadow.a == 0:
 * no shadow. */
void person_draw(Gfx *g, const PersonLook *p, float cx, float head_y, float u, float bottom,
                 int mood, GColor shadow, int with_bag);
/* A passport photo of p filling r. */
void person_portrait(Gfx *g, const PersonLook *p, GRect r);

/* What the office scene shows (office.c draws it; ui.c fills it). */
typedef struct OfficeView {
    const Layout *l;
    const Theme *t;
    const char *ticket;
    int window_no, queue;
    double minutes, norm;
    int timer_on;
    char sex; /* 'f' or 'm' */
    int age;
    int mood;                    /* 0..100 */
    const char *name;            /* the applicant's name: picks what the look hints leave open */
    const Applicant *applicant;  /* look hints */
    const Companion *companions; /* who stands beside the applicant (borrowed) */
    size_t companion_count;
    float enter; /* 0..1: the applicant walking up to the window */
    const char *clock_text;
    int clock_start; /* minutes since midnight when the applicant sat down */
} OfficeView;

/* Draws the hall, the counter and the empty desk (what changes rarely). Returns the desk's
 * top y. */
float office_draw_back(Gfx *g, const OfficeView *v);
/* The two halves of office_draw_back: the hall with the companions (everything above the
 * counter, l->counter_y) and the counter edge with the desk below it (returns the desk's top y).
 * The office keeps only the hall in a layer, so the layer ends at the counter. */
void office_draw_hall(Gfx *g, const OfficeView *v);
float office_draw_desk(Gfx *g, const OfficeView *v);
/* Draws the applicant (walking up while v->enter < 1) and the glass in front of them. */
void office_draw_person(Gfx *g, const OfficeView *v);
/* Small mood face for the HUD (and anywhere else), with radius r. */
void office_mood_icon(Gfx *g, float cx, float cy, float r, int mood, const Theme *t);
/* The word for a mood, agreeing with the applicant's sex. */
const char *office_mood_word(int mood, char sex);

/* Documents (docview.c). */
typedef struct DocFieldBox {
    GRect r;
    int field;
} DocFieldBox;

/* Draws doc laid out like the real document inside area, with the focused field framed and
 * flagged fields marked. Fills boxes (up to max) with where each field is; returns the count. */
size_t doc_draw(Gfx *g, const Layout *l, const Theme *t, const Session *ss, int doc, GRect area,
                int focus_field, DocFieldBox *boxes, size_t max);
/* The fields of d in the order they are laid out on the page (what ↑ and ↓ follow). */
size_t doc_field_order(const Document *d, int *out, size_t max);
/* A small card for the desk, labelled label at px (the full or the short title); compact: the
 * marks right of the label instead of on a line of their own. r is sized with the two below. */
void doc_card(Gfx *g, const Layout *l, const Theme *t, const Document *d, const char *label, int px,
              int compact, GRect r, int focused, int inspected, int flagged_count);
/* The height a card of width w needs for label at px. */
float doc_card_height(Gfx *g, const Layout *l, const char *label, int px, float w, int compact);
/* The narrowest card that holds each word of label whole. */
float doc_card_min_width(Gfx *g, const Layout *l, const char *label, int px, int compact);

/* Shared screen furniture (ui.c): the blue title bar and the dark hint bar at the bottom. */
void ui_title_bar(Gfx *g, Layout *l, const Theme *t, int high_contrast, const char *title,
                  const char *sub);
/* The same with right_w pixels kept free at the bar's right end and below_h below its text
 * (for buttons there). */
void ui_title_bar_reserving(Gfx *g, Layout *l, const Theme *t, int high_contrast, const char *title,
                            const char *sub, float right_w, float below_h);
/* The hint bar's height for this layout (set in l->hint_h once per frame). */
float ui_hint_height(Gfx *g, const Layout *l);
void ui_hint_bar(Gfx *g, const Layout *l, int high_contrast, const char *text);

/* The «Справочник» (book.c): services, rules and named values from the reference book and the
 * rules catalogue, with its own mouse regions. */
#define BOOK_MAX_HITS 200
typedef struct BookHit {
    GRect r;
    int kind, arg;
} BookHit;

typedef struct Book {
    const RefBook *rb;        /* borrowed; may be NULL */
    const RuleCatalog *rules; /* borrowed; may be NULL */
    int tab;                  /* 0 services, 1 rules, 2 named values */
    int sel[3];               /* the selected item of each tab */
    int page;                 /* 1: the keyboard reads the service page (↑↓ scroll it) */
    int open_page;            /* opened on a service: show its page first (narrow layout) */
    int follow;               /* keep the selection in view on the next frame */
    int narrow;               /* large text: the list and the page take turns */
    int on_close; /* Tab reached «Закрыть» (after the sections): Enter closes */
    float scroll[3], page_scroll;
    float list_h, list_view, page_h, page_view, list_split; /* measured by the last frame */
    BookHit hits[BOOK_MAX_HITS];
    int nhits;
    int mx, my;
} Book;

/* Points the book at its data; with service_id, selects that service. Sections, selections and
 * scroll positions are kept between visits. */
void book_open(Book *b, const RefBook *rb, const RuleCatalog *rules, const char *service_id);
void book_draw(Gfx *g, Layout *l, const Theme *t, int high_contrast, Book *b);
/* A key (SDL key code) or a click; returns 1 when the book should close. line_px is how far ↑↓
 * scroll a page. */
int book_key(Book *b, int key, float line_px);
int book_click(Book *b, int x, int y);
void book_wheel(Book *b, int x, int y, float dy);
/* The pointer moved: returns 1 when it crossed into or out of a region (redraw). */
int book_hover(Book *b, int x, int y);
/* What the speech says of the focused item: its title and what it holds, written to out. */
void book_item_text(const Book *b, char *out, size_t n);
/* The number of items in section tab (0 services, 1 rules, 2 named values). */
size_t book_item_count(const Book *b, int tab);

#endif /* SIM_UI_INTERNAL_H */
