/* test_competence.c — what makes a score mean competence (issue #11), on the fixture
 * tests/data/scenarios/competence: the menu order drawn from the seed with pinned answers,
 * per-criterion floors, a must_find problem at acceptance, must_fail endings and actions found
 * by explore on a passing path, the naive strategies' picks, the answer-length lint, and the
 * loader's messages for the new keys and for "source"/"checked" in rules.json. */
#include "session/explore.h"
#include "session/session_internal.h"
#include "../test.h"

#include <stdlib.h>
#include <unistd.h>

static RuleCatalog *rules;
static char dir[512];

static Scenario *load_text(const char *json, SimDiags *d)
{
    ScenarioLoadOptions opt = {.rules = rules};
    return scenario_load_mem(dir, "competence/scenario.json", json, strlen(json), NULL, 0, &opt, d);
}

static char *fixture_text(void)
{
    char path[600];
    snprintf(path, sizeof path, "%s/scenario.json", dir);
    char *text = NULL;
    size_t len = 0;
    SimError e;
    if (sim_read_file(path, SCENARIO_MAX_FILE, &text, &len, &e) != SIM_OK)
        return NULL;
    return text;
}

/* text with the first `from` replaced by `to`; caller frees. */
static char *replaced(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    if (!at)
        return NULL;
    size_t n = strlen(text) - strlen(from) + strlen(to) + 1;
    char *out = malloc(n);
    snprintf(out, n, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    return out;
}

static int diags_have(const SimDiags *d, SimSeverity sev, const char *needle)
{
    for (size_t i = 0; i < d->count; i++)
        if (d->items[i].severity == sev && strstr(d->items[i].message, needle))
            return 1;
    return 0;
}

static Session *start(const Scenario *s, uint64_t seed)
{
    Session *ss = NULL;
    SessionOptions o = {.seed = seed, .mode = MODE_TRAINING};
    SimError e;
    if (session_create(s, &o, &ss, &e) != SIM_OK)
        fprintf(stderr, "session_create: %s\n", e.msg);
    return ss;
}

static Session *play(const Scenario *s, const char *const *ids)
{
    Session *ss = start(s, 1);
    SimError e;
    for (size_t i = 0; ss && ids[i]; i++)
        if (session_act(ss, ids[i], &e) != SIM_OK)
            fprintf(stderr, "act %s: %s\n", ids[i], e.msg);
    return ss;
}

static const char *menu_id(const Session *ss, const int *menu, size_t i)
{
    return session_scenario(ss)->steps[session_step_index(ss)].actions[menu[i]].id;
}

/* The order comes from the seed alone: the same seed gives the same order at every visit,
 * others give others; "pin" keeps the greeting first and the farewell last; taking a side
 * answer leaves the others in their order. */
static void test_menu_order(const Scenario *s)
{
    char seen[64][64];
    size_t distinct = 0;
    for (uint64_t seed = 1; seed <= 40; seed++) {
        Session *a = start(s, seed), *b = start(s, seed);
        int ma[64], mb[64];
        size_t na = session_menu(a, ma, 64), nb = session_menu(b, mb, 64);
        CHECK_INT(na, 6);
        CHECK_INT(nb, na);
        char key[64] = "";
        for (size_t i = 0; i < na; i++) {
            CHECK_INT(ma[i], mb[i]);
            snprintf(key + strlen(key), sizeof key - strlen(key), "%d", ma[i]);
        }
        CHECK_STR(menu_id(a, ma, 0), "hello");
        CHECK_STR(menu_id(a, ma, na - 1), "bye");
        int known = 0;
        for (size_t k = 0; k < distinct; k++)
            known |= strcmp(seen[k], key) == 0;
        if (!known && distinct < 64)
            snprintf(seen[distinct++], sizeof seen[0], "%s", key);
        /* A side answer taken: the rest keep their relative order. */
        const char *side = menu_id(a, ma, 2);
        SimError e;
        CHECK(session_act(a, side, &e) == SIM_OK);
        int after[64];
        size_t n2 = session_menu(a, after, 64);
        CHECK_INT(n2, na - 1);
        for (size_t i = 0, j = 0; i < na; i++) {
            if (i == 2)
                continue;
            CHECK(j < n2 && after[j] == ma[i]);
            j++;
        }
        /* session_offered keeps the file order for everything else (random play, explore). */
        int off[64];
        size_t no = session_offered(b, off, 64);
        for (size_t i = 0; i < no; i++)
            CHECK_INT(off[i], (int)i);
        session_destroy(a);
        session_destroy(b);
    }
    /* 4 shuffled answers: 24 orders; 40 seeds show many of them. */
    CHECK(distinct >= 10);
}

static void test_floors_and_must_find(const Scenario *s)
{
    int legal = scenario_find_criterion(s, "legal"),
        pd = scenario_find_criterion(s, "personal_data");
    CHECK_INT(s->floors[legal], 50);
    CHECK_INT(s->floors[pd], 50);
    CHECK_INT(s->floors[scenario_find_criterion(s, "communication")], 0);

    const char *best[] = {"hello",
                          "inspect:passport",
                          "flag:passport.birth_date:expired",
                          "service:right",
                          "return-docs",
                          "accept",
                          NULL};
    Session *ss = play(s, best);
    ScoreReport r;
    session_report(ss, &r);
    CHECK_INT(r.total, 100);
    CHECK(r.passed);
    CHECK_INT(r.floors_missed, 0);
    CHECK(session_problem_found(ss, 0, 0));
    char *json = session_result_json(ss, 0);
    CHECK_HAS(json, "\"flagged_right\":[\"passport.birth_date\"]");
    CHECK_HAS(json, "\"floors_missed\":[]");
    free(json);
    session_destroy(ss);

    /* Documents returned is the only personal-data point: without it the total passes, the
     * floor does not, and the debrief can say which floor. */
    const char *no_pd[] = {"hello",         "inspect:passport", "flag:passport.birth_date:expired",
                           "service:right", "accept",           NULL};
    ss = play(s, no_pd);
    session_report(ss, &r);
    CHECK(r.total >= s->pass_mark);
    CHECK(!r.passed);
    CHECK_INT(r.floors_missed, 1u << pd);
    CHECK_INT(r.critical_count, 0);
    json = session_result_json(ss, 0);
    CHECK_HAS(json, "\"floors_missed\":[\"personal_data\"]");
    free(json);
    /* The explorer's arithmetic agrees. */
    int passed = 1;
    score_total_sums(s, session_label(ss)->sums, (size_t)session_label(ss)->critical, &passed);
    CHECK(!passed);
    session_destroy(ss);

    /* Accepted without flagging the must_find problem: a critical error that names it. */
    const char *blind[] = {"hello", "service:right", "return-docs", "accept", NULL};
    ss = play(s, blind);
    session_report(ss, &r);
    CHECK(!r.passed);
    CHECK_INT(r.critical_count, 1);
    const ScoreLedger *l = session_ledger(ss);
    int critical = 0, missed = 0;
    for (size_t i = 0; i < l->count; i++) {
        if (l->entries[i].kind == LEDGER_CRITICAL) {
            critical++;
            CHECK_STR(l->entries[i].action, "missed:passport.birth_date");
            CHECK_HAS(l->entries[i].feedback, "Заявление принято, хотя не отмечено");
            CHECK_HAS(l->entries[i].feedback, "Паспорт гражданина РФ → Дата рождения");
        }
        if (l->entries[i].kind == LEDGER_MISSED) {
            missed++;
            CHECK_HAS(l->entries[i].feedback,
                      "Не отмечено: Паспорт гражданина РФ → Дата рождения —");
        }
    }
    CHECK_INT(critical, 1);
    CHECK_INT(missed, 1);
    session_destroy(ss);

    /* Another outcome (here a redirect) with the problem unflagged: missed, not critical. */
    const char *away[] = {"bye", NULL};
    ss = play(s, away);
    session_report(ss, &r);
    CHECK_INT(r.critical_count, 0);
    session_destroy(ss);
}

static void test_naive_picks(const Scenario *s)
{
    Session *ss = start(s, 7);
    SimRng rng;
    simrng_seed(&rng, 7);
    char id[128];
    CHECK(session_pick_naive(ss, NAIVE_FIRST, &rng, id, sizeof id));
    CHECK_STR(id, "hello");
    CHECK(session_pick_naive(ss, NAIVE_LAST, &rng, id, sizeof id));
    CHECK_STR(id, "bye");
    CHECK(session_pick_naive(ss, NAIVE_LONGEST, &rng, id, sizeof id));
    CHECK_STR(id, "q4"); /* «Четвёртый вопрос?» is the longest text */
    CHECK(session_pick_naive(ss, NAIVE_RANDOM, &rng, id, sizeof id));
    session_destroy(ss);
}

static void explore_issues(const Scenario *s, int *must_fail, char *first, size_t n)
{
    ExploreOptions o = {.seed = 1};
    ExploreResult *r = NULL;
    SimError e;
    *must_fail = -1;
    first[0] = '\0';
    if (explore_run(s, &o, &r, &e) != SIM_OK) {
        fprintf(stderr, "explore: %s\n", e.msg);
        return;
    }
    CHECK(r->complete);
    *must_fail = 0;
    for (size_t i = 0; i < r->issue_count; i++)
        if (r->issues[i].kind == EXPLORE_MUST_FAIL) {
            if (!(*must_fail)++)
                snprintf(first, n, "%s", r->issues[i].message);
            CHECK(r->issues[i].path.count > 0);
        }
    explore_free(r);
}

static void test_explore_must_fail(const char *text)
{
    SimDiags d;
    simdiags_init(&d);
    char msg[600];
    int n;
    /* As written, no passing path reaches a must_fail ending or takes a must_fail action. */
    Scenario *s = load_text(text, &d);
    CHECK(s != NULL);
    explore_issues(s, &n, msg, sizeof msg);
    CHECK_INT(n, 0);
    scenario_free(s);

    /* Without its critical, the phone photo lies on passing paths. */
    char *t = replaced(text,
                       "\"critical\": { \"feedback\": \"Утечка персональных данных.\", "
                       "\"rule\": \"r-ask\" }",
                       "\"mood\": 0");
    CHECK(t != NULL);
    s = t ? load_text(t, &d) : NULL;
    CHECK(s != NULL);
    if (s) {
        explore_issues(s, &n, msg, sizeof msg);
        CHECK_INT(n, 1);
        CHECK_HAS(msg, "действие «photo» отмечено must_fail");
        /* The random walk finds it too. */
        ExploreOptions o = {.seed = 3, .random_runs = 3000};
        ExploreResult *r = NULL;
        SimError e;
        CHECK(explore_run(s, &o, &r, &e) == SIM_OK);
        int found = 0;
        for (size_t i = 0; r && i < r->issue_count; i++)
            found |= r->issues[i].kind == EXPLORE_MUST_FAIL;
        CHECK(found);
        explore_free(r);
    }
    scenario_free(s);
    free(t);

    /* Without its critical, the unlawful refusal could pass: the ending is reported. */
    t = replaced(
        text, "\"critical\": { \"feedback\": \"Незаконный отказ.\", \"rule\": \"r-ask\" }",
        "\"score\": [ { \"criterion\": \"legal\", \"points\": 40, \"feedback\": \"Так.\" } ]");
    char *t2 = t ? replaced(t,
                            "\"score\": [ { \"criterion\": \"legal\", \"points\": -20, "
                            "\"feedback\": \"Отказ незаконен.\", \"rule\": \"r-ask\" } ]",
                            "\"mood\": 0")
                 : NULL;
    CHECK(t2 != NULL);
    s = t2 ? load_text(t2, &d) : NULL;
    CHECK(s != NULL);
    if (s) {
        explore_issues(s, &n, msg, sizeof msg);
        CHECK(n >= 1);
        CHECK_HAS(msg, "концовка «refused-wrong» отмечена must_fail");
    }
    scenario_free(s);
    free(t);
    free(t2);
    simdiags_free(&d);
}

static void test_loader_messages(const char *text)
{
    struct {
        const char *from, *to, *needle;
    } cases[] = {
        {"\"pin\": \"first\"", "\"pin\": \"top\"", "«pin» бывает только"},
        {"\"must_fail\": true,", "\"must_fail\": \"да\",", "ожидалось true или false"},
        {"\"must_find\": true", "\"must_find\": 1", "ожидалось true или false"},
        {"\"difficulty\": 1,",
         "\"difficulty\": 1, \"scoring\": { \"floors\": { \"legal\": 120 } },", "от 0 до 100"},
        {"\"difficulty\": 1,", "\"difficulty\": 1, \"scoring\": { \"floors\": { \"legl\": 50 } },",
         "legl"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *t = replaced(text, cases[i].from, cases[i].to);
        CHECK(t != NULL);
        SimDiags d;
        simdiags_init(&d);
        Scenario *s = t ? load_text(t, &d) : NULL;
        CHECK(s == NULL);
        CHECK(diags_have(&d, SIM_SEV_ERROR, cases[i].needle));
        if (!diags_have(&d, SIM_SEV_ERROR, cases[i].needle))
            fprintf(stderr, "case %zu: no error with «%s»\n", i, cases[i].needle);
        scenario_free(s);
        simdiags_free(&d);
        free(t);
    }
    /* floors given replace the defaults; {} switches them off. */
    char *t = replaced(text, "\"difficulty\": 1,",
                       "\"difficulty\": 1, \"scoring\": { \"floors\": { \"documents\": 40 } },");
    SimDiags d;
    simdiags_init(&d);
    Scenario *s = load_text(t, &d);
    CHECK(s != NULL);
    if (s) {
        CHECK_INT(s->floors[scenario_find_criterion(s, "documents")], 40);
        CHECK_INT(s->floors[scenario_find_criterion(s, "legal")], 0);
    }
    scenario_free(s);
    free(t);
    /* The fixture's answers do not give the best one away by length; this variant does. */
    CHECK(!diags_have(&d, SIM_SEV_WARNING, "самый длинный"));
    t = replaced(text, "\"text\": \"Принять заявление.\"",
                 "\"text\": \"Принять заявление, выдать расписку и назвать дату готовности.\"");
    char *t2 = replaced(t, "\"text\": \"Здравствуйте!\"",
                        "\"text\": \"Здравствуйте! Меня зовут Анна, слушаю Вас внимательно.\"");
    s = load_text(t2, &d);
    CHECK(s != NULL);
    CHECK(diags_have(&d, SIM_SEV_WARNING, "ещё и самый длинный"));
    scenario_free(s);
    free(t);
    free(t2);
    simdiags_free(&d);
}

static void test_provenance(void)
{
    static const struct {
        const char *rule, *needle;
        SimSeverity sev;
    } cases[] = {
        {"\"source\": \"https://example.org/a\", \"checked\": \"2026-12-06\"", NULL, 0},
        {"\"source\": [\"https://example.org/a\", \"http://example.org/b\"], \"checked\": \"2026-12-06\"",
         NULL, 0},
        {"\"source\": \"https://example.org/a\", \"checked\": \"06.12.2026\"", "ГГГГ-ММ-ДД",
         SIM_SEV_ERROR},
        {"\"source\": \"https://example.org/a\", \"checked\": \"2026-02-30\"", "ГГГГ-ММ-ДД",
         SIM_SEV_ERROR},
        {"\"source\": \"consultant\", \"checked\": \"2026-12-06\"", "адрес источника",
         SIM_SEV_ERROR},
        {"\"checked\": \"2026-12-06\"", "нет источника", SIM_SEV_ERROR},
        {"\"sources\": \"https://example.org/a\"", "неизвестное поле «sources»", SIM_SEV_ERROR},
    };
    char path[] = "/tmp/mfc-rules-XXXXXX";
    int fd = mkstemp(path);
    CHECK(fd >= 0);
    if (fd < 0)
        return;
    close(fd);
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        FILE *f = fopen(path, "w");
        fprintf(f,
                "{\"format\": 1, \"rules\": [\n  {\"id\": \"a\", \"act\": \"Акт\", \"short\": "
                "\"А\", \"text\": \"Текст.\", %s}\n]}\n",
                cases[i].rule);
        fclose(f);
        SimDiags d;
        simdiags_init(&d);
        RuleCatalog *rc = rules_load(path, &d);
        if (!cases[i].needle) {
            CHECK(rc != NULL);
            CHECK_INT(d.errors, 0);
            char date[16];
            provenance_date_ru(&rc->rules[0].prov, date, sizeof date);
            CHECK_STR(date, "06.12.2026");
            CHECK(rc->rules[0].prov.source_count >= 1);
        } else {
            CHECK(rc == NULL);
            CHECK(diags_have(&d, cases[i].sev, cases[i].needle));
            if (!diags_have(&d, cases[i].sev, cases[i].needle))
                fprintf(stderr, "provenance case %zu: no «%s»\n", i, cases[i].needle);
            /* FILE:LINE of the entry. */
            CHECK(d.count > 0 && d.items[0].line == 2);
        }
        rules_free(rc);
        simdiags_free(&d);
    }
    remove(path);
}

int main(void)
{
    char path[512];
    snprintf(path, sizeof path, "%s/scenarios/data/rules.json", TEST_DATA_DIR);
    snprintf(dir, sizeof dir, "%s/scenarios/competence", TEST_DATA_DIR);
    SimDiags d;
    simdiags_init(&d);
    rules = rules_load(path, &d);
    char *text = fixture_text();
    CHECK(rules != NULL && text != NULL);
    Scenario *s = text ? load_text(text, &d) : NULL;
    for (size_t i = 0; i < d.count; i++)
        if (d.items[i].severity == SIM_SEV_ERROR) {
            char *m = simdiag_format(&d.items[i]);
            fprintf(stderr, "%s\n", m);
            free(m);
        }
    simdiags_free(&d);
    if (!s)
        return 2;
    test_menu_order(s);
    test_floors_and_must_find(s);
    test_naive_picks(s);
    test_explore_must_fail(text);
    test_loader_messages(text);
    test_provenance();
    scenario_free(s);
    free(text);
    rules_free(rules);
    return TEST_REPORT();
}
