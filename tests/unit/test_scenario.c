/* test_scenario.c — the loader: a valid fixture, strict JSON errors with positions, semantic
 * errors with JSON paths and suggestions, every problem reported, saved attempts. */
#include "scenario/scenario.h"
#include "../test.h"

#include <stdlib.h>

static char *fixture_json;
static size_t fixture_len;
static RuleCatalog *rules;

static char *replace(const char *text, const char *from, const char *to)
{
    const char *at = strstr(text, from);
    if (!at) {
        fprintf(stderr, "fixture text not found: %s\n", from);
        exit(2);
    }
    SimBuf b;
    simbuf_init(&b);
    simbuf_append(&b, text, (size_t)(at - text));
    simbuf_puts(&b, to);
    simbuf_puts(&b, at + strlen(from));
    return simbuf_take(&b);
}

/* Loads text as tests/…/mini/scenario.json; returns the scenario (or NULL) and fills d. */
static Scenario *load_text(const char *text, SimDiags *d)
{
    ScenarioLoadOptions opt = {.rules = rules};
    simdiags_init(d);
    return scenario_load_mem("x/mini", "mini.json", text, strlen(text), NULL, 0, &opt, d);
}

/* All diagnostics joined by newlines; caller frees. */
static char *all(const SimDiags *d)
{
    SimBuf b;
    simbuf_init(&b);
    for (size_t i = 0; i < d->count; i++) {
        char *s = simdiag_format(&d->items[i]);
        simbuf_printf(&b, "%s\n", s);
        free(s);
    }
    return simbuf_take(&b);
}

static void expect_error(const char *text, const char *needle)
{
    SimDiags d;
    Scenario *s = load_text(text, &d);
    CHECK(s == NULL);
    char *msgs = all(&d);
    CHECK_HAS(msgs, needle);
    free(msgs);
    scenario_free(s);
    simdiags_free(&d);
}

static void test_valid_fixture(void)
{
    SimDiags d;
    char dir[512];
    snprintf(dir, sizeof dir, "%s/scenarios/mini", TEST_DATA_DIR);
    ScenarioLoadOptions opt = {.rules = rules};
    simdiags_init(&d);
    Scenario *s = scenario_load(dir, &opt, &d);
    CHECK(s != NULL);
    CHECK_INT(d.errors, 0);
    if (!s) {
        char *m = all(&d);
        fprintf(stderr, "%s", m);
        free(m);
        simdiags_free(&d);
        return;
    }
    CHECK_STR(s->id, "mini");
    CHECK_STR(s->version, "1.2.0");
    CHECK_INT(s->criterion_count, 6);
    CHECK_STR(s->criteria[0].id, "legal");
    CHECK_INT(s->criteria[0].weight, 35);
    CHECK_INT(s->pass_mark, 70);
    CHECK_INT(s->document_count, 2);
    CHECK_STR(s->documents[0].title, "Паспорт гражданина РФ");
    CHECK_STR(s->documents[0].fields[0].label, "Фамилия");
    CHECK_STR(s->documents[1].fields[1].value, "нет"); /* false → «нет» */
    CHECK_INT(s->documents[1].problem_count, 1);
    CHECK(s->documents[1].problems[0].reasons == (1u << REASON_NOT_NOTARISED));
    CHECK_INT(s->step_count, 2);
    CHECK_STR(s->steps[s->start].id, "greet");
    CHECK(s->script != NULL);
    /* Maxima: legal = best service 5 + refuse 20; documents = the planted problem 10;
     * communication = hello 5; time = 10; personal data: nothing positive. */
    CHECK_INT(s->crit_max[scenario_find_criterion(s, "legal")], 25);
    CHECK_INT(s->crit_max[scenario_find_criterion(s, "documents")], 10);
    CHECK_INT(s->crit_max[scenario_find_criterion(s, "communication")], 5);
    CHECK_INT(s->crit_max[scenario_find_criterion(s, "time")], 10);
    CHECK_INT(s->crit_max[scenario_find_criterion(s, "personal_data")], 0);
    CHECK_INT(strlen(s->hash_hex), 16);
    scenario_free(s);
    simdiags_free(&d);
}

static void test_strict_json(void)
{
    /* Each malformed text gets a message at the exact line and column. */
    expect_error("{\n  \"a\": 1,\n}", "mini.json:3:1: error: лишняя запятая перед «}»");
    expect_error("{\"a\": [1, 2,]}", "mini.json:1:13: error: лишняя запятая перед «]»");
    expect_error(
        "{\"a\": 1, \"a\": 2}",
        "mini.json:1:10: error: a: ключ «a» повторяется (первый раз — строка 1, столбец 2)");
    expect_error("{\"a\": 012}", "mini.json:1:7: error: неверное число: ведущие нули");
    expect_error("{\"a\": 2.}", "после точки нужны цифры");
    expect_error("{\"a\": \"x\ny\"}", "mini.json:1:9: error: управляющий символ внутри строки");
    expect_error("{\"a\": \"\xff\"}", "mini.json:1:8: error: неверная кодировка");
    expect_error("{\"a\": \"\\ud800\"}", "одиночный суррогат");
    expect_error("{\"a\": 1} // comment", "комментарии в JSON не допускаются");
    expect_error("{'a': 1}", "в двойных кавычках");
    expect_error("\xEF\xBB\xBF{}", "BOM");
    expect_error("{\"a\": tru}", "ожидалось значение");
    expect_error("{\"a\": \"unterminated", "строка не закрыта");
    expect_error("{\"a\":\f1}", "ожидалось значение");
    /* Column counts characters, not bytes: Cyrillic before the error. */
    expect_error("{\"ключ\": 1,}", "mini.json:1:12: error: лишняя запятая");
    /* Nesting is bounded. */
    SimBuf deep;
    simbuf_init(&deep);
    for (int i = 0; i < 100000; i++)
        simbuf_puts(&deep, "[");
    expect_error(simbuf_str(&deep), "mini.json:1:65: error: слишком глубокая вложенность");
    simbuf_free(&deep);
    char longnum[200];
    memset(longnum, '1', sizeof longnum);
    memcpy(longnum, "{\"a\": ", 6);
    strcpy(longnum + 150, "}");
    expect_error(longnum, "слишком длинное число");
}

static void test_semantic_errors(void)
{
    char *t;
    t = replace(
        fixture_json,
        "\"next\": \"decide\",\n          \"score\": [ { \"criterion\": \"communication\", \"points\": 5",
        "\"next\": \"decid\",\n          \"score\": [ { \"criterion\": \"communication\", \"points\": 5");
    expect_error(t, "steps.greet.actions[0].next: неизвестный шаг «decid»; возможно, имелось в "
                    "виду «decide»?");
    free(t);
    t = replace(fixture_json, "\"end\": \"refused\"", "\"end\": \"refusd\"");
    expect_error(t, "steps.decide.actions[1].end: неизвестная концовка «refusd»; возможно, "
                    "имелось в виду «refused»?");
    free(t);
    t = replace(fixture_json, "\"end\": \"refused\"", "\"next\": \"refused\"");
    expect_error(t, "это концовка, а не шаг: используйте \"end\" вместо \"next\"");
    free(t);
    t = replace(fixture_json, "\"rule\": \"r-polite\"", "\"rule\": \"r-polit\"");
    expect_error(t, "steps.greet.actions[1].score[0].rule: неизвестное правило «r-polit»");
    free(t);
    t = replace(fixture_json, "\"title\": \"Тестовый приём\",", "");
    expect_error(t, "mini.json:1:1: error: нет обязательного поля «title»");
    free(t);
    t = replace(fixture_json, "\"mood\": 10, \"set\"",
                "\"mood\": 10, \"nxet\": \"decide\", \"set\"");
    expect_error(t, "steps.greet.actions[0].nxet: неизвестное поле «nxet»; возможно, имелось в "
                    "виду «next»?");
    free(t);
    t = replace(fixture_json, "\"id\": \"mini\"", "\"id\": \"other\"");
    expect_error(t, "не совпадает с именем папки «mini»");
    free(t);
    t = replace(fixture_json, "\"type\": \"passport_rf\"", "\"type\": \"pasport_rf\"");
    expect_error(t, "documents[0].type: неизвестный тип документа «pasport_rf»; возможно, "
                    "имелось в виду «passport_rf»?");
    free(t);
    t = replace(fixture_json, "\"field\": \"notarised\"", "\"field\": \"notarized\"");
    expect_error(t, "documents[1].problems[0].field: в документе «poa» нет поля «notarized»; "
                    "возможно, имелось в виду «notarised»?");
    free(t);
    t = replace(fixture_json, "\"ground\": \"Нет полномочий\",", "");
    expect_error(t, "должно быть основание «ground»");
    free(t);
    t = replace(fixture_json, "\"requires\": [\"greeted\"]", "\"requires\": [\"service:rigth\"]");
    expect_error(t, "условие ссылается на неизвестную услугу «rigth»");
    free(t);
    /* One field, one problem. */
    t = replace(
        fixture_json, "\"problems\": [ { \"id\": \"no-notary\"",
        "\"problems\": [ { \"id\": \"other\", \"field\": \"notarised\", \"reasons\": [\"missing\"], "
        "\"title\": \"x\", \"score\": [] }, { \"id\": \"no-notary\"");
    expect_error(t, "у поля «notarised» уже есть проблема «other»");
    free(t);
    t = replace(fixture_json, "\"minutes\": 3,",
                "\"minutes\": 3, \"office\": { \"clock\": \"10:5\" },");
    expect_error(t, "office.clock: время пишется как ЧЧ:ММ");
    free(t);
    t = replace(fixture_json, "\"format\": 1", "\"format\": 2");
    expect_error(t, "формат сценария новее или неизвестен");
    free(t);
    t = replace(fixture_json, "\"feedback\": \"Грубо.\", \"rule\": \"r-polite\"",
                "\"feedback\": \"Грубо.\"");
    expect_error(t, "у ошибки (отрицательные баллы) должна быть ссылка на правило «rule»");
    free(t);
}

static void test_every_problem_reported(void)
{
    char *a = replace(
        fixture_json,
        "\"next\": \"decide\",\n          \"score\": [ { \"criterion\": \"communication\", \"points\": 5",
        "\"next\": \"nowhere\",\n          \"score\": [ { \"criterion\": \"communication\", \"points\": 5");
    char *b = replace(a, "\"difficulty\": 1", "\"difficulty\": 9");
    char *c = replace(b, "\"criterion\": \"documents\", \"points\": 10",
                      "\"criterion\": \"docs\", \"points\": 10");
    SimDiags d;
    Scenario *s = load_text(c, &d);
    CHECK(s == NULL);
    CHECK_INT(d.errors, 3);
    char *m = all(&d);
    CHECK_HAS(m, "неизвестный шаг «nowhere»");
    CHECK_HAS(m, "difficulty: значение 9 вне допустимых пределов: от 1 до 5");
    CHECK_HAS(m, "неизвестный критерий «docs»");
    free(m);
    simdiags_free(&d);
    free(a);
    free(b);
    free(c);
}

static void test_warnings(void)
{
    /* An unreachable step is a warning, not an error. */
    char *t = replace(
        fixture_json, "\"decide\": {",
        "\"orphan\": { \"say\": \"\", \"actions\": [ "
        "{ \"id\": \"o1\", \"kind\": \"say\", \"text\": \"…\", \"end\": \"left\" } ] },\n    \"decide\": {");
    SimDiags d;
    Scenario *s = load_text(t, &d);
    CHECK(s != NULL);
    CHECK_INT(d.errors, 0);
    char *m = all(&d);
    CHECK_HAS(m, "warning: steps.orphan: шаг «orphan» недостижим");
    free(m);
    scenario_free(s);
    simdiags_free(&d);
    free(t);
}

static void test_saved_attempt(void)
{
    SimError e;
    const char *ok =
        "{\"scenario\":\"mini\",\"version\":\"1\",\"seed\":\"18446744073709551615\","
        "\"mode\":\"exam\",\"actions\":[\"a\",\"b\"],\"step\":\"x\",\"minutes\":2.5,\"mood\":40}";
    SavedAttempt *a = saved_attempt_parse(ok, strlen(ok), &e);
    CHECK(a != NULL);
    if (a) {
        CHECK(a->seed == 18446744073709551615ULL);
        CHECK_INT(a->mode, 1);
        CHECK_INT(a->action_count, 2);
        CHECK_STR(a->actions[1], "b");
        saved_attempt_free(a);
    }
    const char *bad = "{\"scenario\":\"mini\",\"version\":\"1\",\"seed\":5,\"actions\":[]}";
    CHECK(saved_attempt_parse(bad, strlen(bad), &e) == NULL);
    CHECK_HAS(e.msg, "seed");
    CHECK(saved_attempt_parse("{", 1, &e) == NULL);
    CHECK_HAS(e.msg, "повреждена");
}

static void test_rules_catalog(void)
{
    const Rule *r = rules_find(rules, "r-polite");
    CHECK(r != NULL);
    if (r) {
        CHECK_STR(r->short_, "Стандарт, п. 3");
        CHECK_INT(r->verify, 1);
    }
    CHECK(rules_find(rules, "nope") == NULL);
}

/* Inputs the fuzzer (fuzz/fuzz_load.c) found problems with, kept in tests/data/fuzz/: each is
 * refused with a positioned error and, under the sanitizers, without a leak. */
static void test_fuzz_regressions(void)
{
    static const struct {
        const char *file, *message;
    } cases[] = {
        /* a problem without "id" leaked the feedback of its score entries */
        {"load-problem-without-id.json", "нет обязательного поля «id»"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/fuzz/%s", TEST_DATA_DIR, cases[i].file);
        char *text = NULL;
        size_t len = 0;
        SimError e;
        CHECK(sim_read_file(path, 1 << 20, &text, &len, &e) == SIM_OK);
        SimDiags d;
        simdiags_init(&d);
        ScenarioLoadOptions opt = {.rules = rules};
        Scenario *s = scenario_load_mem("x/mini", "mini.json", text, len, NULL, 0, &opt, &d);
        CHECK(s == NULL);
        char *msgs = all(&d);
        CHECK_HAS(msgs, cases[i].message);
        free(msgs);
        simdiags_free(&d);
        free(text);
    }
}

/* "look" values with a closed list are checked; "companions" are read and checked. */
static void test_look_and_companions(void)
{
    static const char *const from = "\"mood\": 50, \"patience\": 4 },";
    char *t =
        replace(fixture_json, from,
                "\"mood\": 50, \"patience\": 4,\n"
                "  \"look\": { \"glasses\": \"да\", \"build\": \"heavy\", \"beard\": \"усы\", "
                "\"hair\": \"седые\", \"mine\": \"anything\" } },\n"
                "  \"companions\": [ { \"name\": \"Иванов Пётр Иванович\", \"age\": 9, "
                "\"sex\": \"m\", \"role\": \"сын\", \"look\": { \"hair_style\": \"curly\" } },\n"
                "    { \"name\": \"Иванова Анна\", \"age\": 70, \"sex\": \"f\" } ],");
    SimDiags d;
    Scenario *s = load_text(t, &d);
    CHECK(s != NULL);
    CHECK_INT(d.errors, 0);
    if (s) {
        CHECK_INT(s->applicant.look_count, 5);
        CHECK_INT(s->companion_count, 2);
        CHECK_STR(s->companions[0].name, "Иванов Пётр Иванович");
        CHECK_INT(s->companions[0].age, 9);
        CHECK(s->companions[0].sex == 'm');
        CHECK_STR(s->companions[0].role, "сын");
        CHECK_INT(s->companions[0].look_count, 1);
        CHECK(s->companions[1].sex == 'f');
        CHECK(s->companions[1].role == NULL);
    }
    scenario_free(s);
    simdiags_free(&d);
    free(t);
    t = replace(fixture_json, from,
                "\"mood\": 50, \"patience\": 4, \"look\": { \"glasses\": \"maybe\" } },");
    expect_error(t, "applicant.look.glasses: значение «maybe» окно не знает; допустимо: «yes», "
                    "«no», «да», «нет»");
    free(t);
    t = replace(fixture_json, from,
                "\"mood\": 50, \"patience\": 4 },\n  \"companions\": [ { \"name\": \"А\", "
                "\"age\": 9, \"sex\": \"x\", \"look\": { \"build\": \"толстый\" } } ],");
    expect_error(t, "companions[0].sex: пол указывается как \"f\" (женский) или \"m\" (мужской)");
    expect_error(t, "companions[0].look.build: значение «толстый» окно не знает");
    free(t);
    t = replace(fixture_json, from,
                "\"mood\": 50, \"patience\": 4 },\n  \"companions\": [ { \"name\": \"А\", "
                "\"sex\": \"f\", \"agee\": 3 } ],");
    expect_error(t, "companions[0].agee: неизвестное поле «agee»");
    expect_error(t, "companions[0]: нет обязательного поля «age»");
    free(t);
    t = replace(
        fixture_json, from,
        "\"mood\": 50, \"patience\": 4 },\n  \"companions\": [ {\"name\": \"А\", \"age\": 1, "
        "\"sex\": \"f\"}, {\"name\": \"Б\", \"age\": 1, \"sex\": \"f\"}, {\"name\": \"В\", "
        "\"age\": 1, \"sex\": \"f\"}, {\"name\": \"Г\", \"age\": 1, \"sex\": \"f\"} ],");
    expect_error(t, "companions: спутников 4, у окна помещаются не больше трёх");
    free(t);
}

int main(void)
{
    char path[512];
    SimError e;
    snprintf(path, sizeof path, "%s/scenarios/mini/scenario.json", TEST_DATA_DIR);
    if (sim_read_file(path, 1 << 20, &fixture_json, &fixture_len, &e) != SIM_OK) {
        fprintf(stderr, "%s\n", e.msg);
        return 2;
    }
    snprintf(path, sizeof path, "%s/scenarios/data/rules.json", TEST_DATA_DIR);
    SimDiags d;
    simdiags_init(&d);
    rules = rules_load(path, &d);
    CHECK(rules != NULL);
    simdiags_free(&d);
    test_rules_catalog();
    test_valid_fixture();
    test_strict_json();
    test_semantic_errors();
    test_every_problem_reported();
    test_warnings();
    test_saved_attempt();
    test_fuzz_regressions();
    test_look_and_companions();
    rules_free(rules);
    free(fixture_json);
    return TEST_REPORT();
}
