/*
 * screen_book.c — the «Справочник» (F1) as a screen over whatever opened it: services, rules
 * and named values (book.c draws and lays it out). Closing it goes back exactly where the
 * trainee was — the same screen, overlay and attempt (reading takes no simulated time).
 */
#include "ui_app.h"

#include "../core/i18n.h"

typedef struct BookState {
    Book book;   /* sections, selections and scroll positions, kept between visits */
    Screen back; /* the screen that opened it */
} BookState;

static BookState *S(Ui *u)
{
    return ui_state(u, SCR_BOOK);
}

void ui_book_open(Ui *u, const char *service_id)
{
    BookState *st = S(u);
    if (u->screen == SCR_BOOK)
        return;
    st->back = u->screen;
    book_open(&st->book, u->cfg->refbook, u->cfg->rules, service_id);
    st->book.mx = u->mouse_x;
    st->book.my = u->mouse_y;
    u->animating = 0; /* the applicant has reached the window by the time the book closes */
    ui_go(u, SCR_BOOK);
}

static void close_book(Ui *u)
{
    ui_go(u, S(u)->back);
}

static void book_screen_draw(Ui *u)
{
    book_draw(u->g, &u->l, &u->theme, u->high_contrast, &S(u)->book);
}

static void book_screen_key(Ui *u, SDL_Keycode k)
{
    if (book_key(&S(u)->book, (int)k, 48 * u->l.s))
        close_book(u);
    u->dirty = 1;
}

static int book_screen_click(Ui *u, const Hit *h)
{
    (void)h; /* the book keeps its own regions */
    if (book_click(&S(u)->book, u->mouse_x, u->mouse_y))
        close_book(u);
    return 1;
}

static void book_screen_wheel(Ui *u, int x, int y, float dy)
{
    book_wheel(&S(u)->book, x, y, dy);
    u->dirty = 1;
}

static int book_screen_motion(Ui *u, int x, int y)
{
    return book_hover(&S(u)->book, x, y);
}

/* The book's title, the section and its size, and the focused item (or «Закрыть»). */
static void book_speak(Ui *u, SpeakFrame *f)
{
    const Book *b = &S(u)->book;
    static const SimStr names[3] = {STR_BOOK_TAB_SERVICES, STR_BOOK_TAB_RULES, STR_BOOK_TAB_VALUES};
    ui_say(f, SAY_SCREEN, "%s", tr(STR_BOOK_TITLE));
    size_t n = book_item_count(b, b->tab);
    ui_say(f, SAY_CONTENT, tr(STR_SAY_BOOK_SECTION), tr(names[b->tab]), n);
    if (b->on_close) {
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BUTTON), tr(STR_BOOK_CLOSE));
        return;
    }
    char item[2048];
    book_item_text(b, item, sizeof item);
    if (!item[0])
        return;
    if (b->page)
        ui_say(f, SAY_FOCUS, tr(STR_SAY_BOOK_PAGE), item);
    else
        ui_say(f, SAY_FOCUS, tr(STR_SAY_ITEM), b->sel[b->tab] + 1, (int)n, item);
}

const ScreenDef screen_book = {
    .name = "book",
    .state_size = sizeof(BookState),
    .draw = book_screen_draw,
    .key = book_screen_key,
    .click = book_screen_click,
    .wheel = book_screen_wheel,
    .motion = book_screen_motion,
    .speak = book_speak,
};
