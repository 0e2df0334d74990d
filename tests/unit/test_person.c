/* test_person.c — the look of the people the window draws (engine/ui/person.c): the scenario's
 * hints are honoured, what they leave open is picked from the name (the same name always gives
 * the same look, also at another age), and the bundled applicants do not all look alike. */
#include "scenario/scenario.h"
#include "ui/ui_internal.h"
#include "../test.h"

#include <stdlib.h>

static int same_color(GColor a, GColor b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b;
}

static void hints(void)
{
    KeyValue look[] = {{"glasses", "да"},      {"hair", "седые"}, {"build", "heavy"},
                       {"clothing", "костюм"}, {"beard", "усы"},  {"hair_style", "bob"},
                       {"bag", "рюкзак"}};
    PersonLook p;
    person_look(&p, "Петров Пётр Петрович", 'm', 64, look, sizeof look / sizeof look[0]);
    CHECK(p.glasses > 0);
    CHECK(p.hair.r == 0xB9 && p.hair.g == 0xB6 && p.hair.b == 0xB0); /* grey */
    CHECK_INT(p.build, 2);
    CHECK_INT(p.clothes, CLOTHES_SUIT);
    CHECK_INT(p.beard, 1);
    CHECK_INT(p.hair_style, HAIR_BOB);
    CHECK_INT(p.bag, BAG_BACKPACK);
    KeyValue no[] = {{"glasses", "no"}, {"bag", "нет"}, {"beard", "нет"}};
    person_look(&p, "Петров Пётр Петрович", 'm', 64, no, 3);
    CHECK_INT(p.glasses, 0);
    CHECK_INT(p.bag, BAG_NONE);
    CHECK_INT(p.beard, 0);
    /* No beard on a woman or a boy, whatever the hash says. */
    person_look(&p, "Петрова Анна", 'f', 30, look, sizeof look / sizeof look[0]);
    CHECK_INT(p.beard, 0);
    person_look(&p, "Петров Ваня", 'm', 9, NULL, 0);
    CHECK_INT(p.beard, 0);
}

static void deterministic(void)
{
    PersonLook a, b;
    person_look(&a, "Соколова Нина Петровна", 'f', 67, NULL, 0);
    person_look(&b, "Соколова Нина Петровна", 'f', 67, NULL, 0);
    CHECK(memcmp(&a, &b, sizeof a) == 0);
    /* The passport photo, taken years before: the same skin and clothes, hair not yet grey. */
    KeyValue grey[] = {{"hair", "grey"}};
    person_look(&a, "Соколова Нина Петровна", 'f', 67, grey, 1);
    person_look(&b, "Соколова Нина Петровна", 'f', 25, grey, 1);
    CHECK(same_color(a.skin, b.skin));
    CHECK(same_color(a.cloth, b.cloth));
    CHECK(!same_color(a.hair, b.hair));
}

/* Every bundled scenario's applicant: how many different looks. */
static void variety(void)
{
    char dir[1024], path[1200], scripts[1200];
    snprintf(dir, sizeof dir, "%s/../../scenarios", TEST_DATA_DIR);
    snprintf(scripts, sizeof scripts, "%s/../../scripts", TEST_DATA_DIR);
    SimDiags rd;
    simdiags_init(&rd);
    snprintf(path, sizeof path, "%s/data/rules.json", dir);
    RuleCatalog *rules = rules_load(path, &rd);
    snprintf(path, sizeof path, "%s/data/services.json", dir);
    RefBook *book = rules ? refbook_load(path, rules, &rd) : NULL;
    CHECK(rules && book);
    simdiags_free(&rd);
    static const char *const ids[] = {"angry-egrn-result",
                                      "criminal-record-surnames",
                                      "esia-invalid-passport",
                                      "inn-teen-alone",
                                      "matcap-father",
                                      "migration-host-notice",
                                      "mother-asks-son-result",
                                      "passport-45-late",
                                      "passport-after-marriage",
                                      "passport-lost",
                                      "registration-child-parent",
                                      "registration-two-owners",
                                      "rosreestr-contract-corrections",
                                      "rosreestr-married-seller",
                                      "rosreestr-poa-plain",
                                      "rosreestr-share-sale",
                                      "snils-foreigner",
                                      "unified-benefit-papers",
                                      "zagran-grandmother"};
    size_t n = sizeof ids / sizeof ids[0], loaded = 0, companions = 0;
    PersonLook looks[32];
    for (size_t i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, ids[i]);
        SimDiags d;
        simdiags_init(&d);
        ScenarioLoadOptions opt = {.rules = rules, .scripts_dir = scripts, .refbook = book};
        Scenario *s = scenario_load(path, &opt, &d);
        simdiags_free(&d);
        if (!s)
            continue;
        const Applicant *a = &s->applicant;
        person_look(&looks[loaded++], a->name, a->sex, a->age, a->look, a->look_count);
        companions += s->companion_count;
        scenario_free(s);
    }
    refbook_free(book);
    rules_free(rules);
    CHECK_INT(loaded, n);
    CHECK(companions >= 8);
    /* Pairs that differ in at least two of: hair style, clothes, clothes colour, build, skin,
     * glasses. Every pair must differ in at least one; nearly all in two. */
    size_t pairs = 0, alike = 0, twins = 0;
    for (size_t i = 0; i < loaded; i++)
        for (size_t j = i + 1; j < loaded; j++) {
            const PersonLook *x = &looks[i], *y = &looks[j];
            int diff = (x->hair_style != y->hair_style) + (x->clothes != y->clothes) +
                       !same_color(x->cloth, y->cloth) + (x->build != y->build) +
                       !same_color(x->skin, y->skin) + ((x->glasses > 0) != (y->glasses > 0));
            pairs++;
            alike += diff < 2;
            twins += diff == 0;
        }
    CHECK_INT(twins, 0);
    CHECK(alike * 10 < pairs); /* fewer than one pair in ten look much the same */
    printf("applicants %zu, pairs %zu, alike %zu, companions %zu\n", loaded, pairs, alike,
           companions);
}

int main(void)
{
    hints();
    deterministic();
    variety();
    return TEST_REPORT();
}
