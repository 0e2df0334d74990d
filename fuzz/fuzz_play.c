/*
 * fuzz_play.c — libFuzzer target: a bundled scenario played with actions the bytes choose.
 *
 * passport-45-late is loaded and its script compiled once. Each input: the first 8 bytes are
 * the seed, every further byte picks the next action among everything the trainee could try
 * (the step's offered actions, a step action that is not offered, inspect and flag on every
 * document and field with every reason, every service), under tiny script budgets. Then the
 * attempt is saved and restored, and the restored attempt must give the same result JSON.
 * Depends on: session.
 */
#include "session/session.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static RuleCatalog *rules;
static RefBook *book;
static Scenario *scen;
static ScriptProgram *prog;
static const ScriptLimits tiny = {.memory = 16u * 1024u * 1024u,
                                  .instructions = 200000,
                                  .time_ms = 2000};

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    SimDiags d;
    simdiags_init(&d);
    rules = rules_load(FUZZ_SCENARIOS_DIR "/data/rules.json", &d);
    book = refbook_load(FUZZ_SCENARIOS_DIR "/data/services.json", rules, &d);
    ScenarioLoadOptions opt = {.rules = rules,
                               .scripts_dir = FUZZ_SCENARIOS_DIR "/../scripts",
                               .refbook = book};
    scen = scenario_load(FUZZ_SCENARIOS_DIR "/passport-45-late", &opt, &d);
    simdiags_free(&d);
    SimError e;
    if (!scen || script_program_create(scen, &prog, &e) != SIM_OK)
        return 1;
    return 0;
}

/* The k-th action id a trainee could try now (k taken modulo their number). */
static void pick(const Session *ss, unsigned k, char *out, size_t n)
{
    const Scenario *s = scen;
    int offered[64];
    size_t no = session_offered(ss, offered, 64);
    int st = session_step_index(ss);
    size_t nstep = st >= 0 ? s->steps[st].action_count : 0;
    size_t nflags = 0;
    for (size_t d = 0; d < s->document_count; d++)
        nflags += s->documents[d].field_count * REASON_COUNT;
    size_t total = no + nstep + s->document_count + nflags + s->service_count;
    size_t i = k % total;
    if (i < no) {
        snprintf(out, n, "%s", s->steps[st].actions[offered[i]].id);
        return;
    }
    i -= no;
    if (i < nstep) {
        snprintf(out, n, "%s", s->steps[st].actions[i].id);
        return;
    }
    i -= nstep;
    if (i < s->document_count) {
        snprintf(out, n, "inspect:%s", s->documents[i].id);
        return;
    }
    i -= s->document_count;
    for (size_t d = 0; d < s->document_count; d++) {
        size_t m = s->documents[d].field_count * REASON_COUNT;
        if (i < m) {
            snprintf(out, n, "flag:%s.%s:%s", s->documents[d].id,
                     s->documents[d].fields[i / REASON_COUNT].key,
                     reason_id((FlagReason)(i % REASON_COUNT)));
            return;
        }
        i -= m;
    }
    snprintf(out, n, "service:%s", s->services[i].id);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint64_t seed = 0;
    for (size_t i = 0; i < 8 && i < size; i++)
        seed = seed << 8 | data[i];
    SessionOptions so = {.seed = seed,
                         .mode = (seed & 1) ? MODE_EXAM : MODE_TRAINING,
                         .limits = tiny,
                         .program = prog};
    Session *ss = NULL;
    SimError e;
    if (session_create(scen, &so, &ss, &e) != SIM_OK)
        abort(); /* the bundled script always starts */
    for (size_t i = 8; i < size && !session_finished(ss); i++) {
        char id[512];
        pick(ss, data[i], id, sizeof id);
        session_act(ss, id, &e);
    }
    char *result = session_result_json(ss, 0);
    char *save = session_save_json(ss);
    Session *again = NULL;
    if (session_restore(scen, save, strlen(save), &tiny, &again, &e) != SIM_OK)
        abort(); /* an attempt that cannot be resumed */
    char *result2 = session_result_json(again, 0);
    if (strcmp(result, result2) != 0)
        abort(); /* the resumed attempt differs */
    free(result2);
    session_destroy(again);
    free(save);
    free(result);
    session_destroy(ss);
    return 0;
}
