/*
 * fuzz_load.c — libFuzzer target: bytes through the whole loading path of a scenario.
 *
 * The input is scenario.json, optionally followed by a line "--script.lua--" and the text of
 * script.lua. It goes through scenario_load_mem (what scenario_load does with the two files:
 * the strict JSON pass, cJSON, validation against the bundled rules catalogue) and, when the
 * scenario loads and has a script, through the Lua compiler (text only, nothing runs).
 * Invariants: a refused scenario has at least one error, every error of the JSON file has a
 * line and a column, and every compile error names script.lua:LINE.
 * Depends on: scenario, script.
 */
#include "script/script.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SEPARATOR "\n--script.lua--\n"

static RuleCatalog *rules;
static RefBook *book;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    SimDiags d;
    simdiags_init(&d);
    rules = rules_load(FUZZ_SCENARIOS_DIR "/data/rules.json", &d);
    book = refbook_load(FUZZ_SCENARIOS_DIR "/data/services.json", rules, &d);
    simdiags_free(&d);
    return rules ? 0 : 1;
}

static const char *find_separator(const char *text, size_t size)
{
    size_t n = strlen(SEPARATOR);
    for (size_t i = 0; i + n <= size; i++)
        if (memcmp(text + i, SEPARATOR, n) == 0)
            return text + i;
    return NULL;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *text = (const char *)data;
    const char *sep = find_separator(text, size);
    size_t jlen = sep ? (size_t)(sep - text) : size;
    const char *script = sep ? sep + strlen(SEPARATOR) : NULL;
    size_t slen = sep ? size - jlen - strlen(SEPARATOR) : 0;

    SimDiags d;
    simdiags_init(&d);
    ScenarioLoadOptions opt = {.rules = rules, .refbook = book};
    Scenario *s = scenario_load_mem("fuzz", "scenario.json", text, jlen, script, slen, &opt, &d);
    if (!s && d.errors == 0)
        abort(); /* refused without saying why */
    for (size_t i = 0; i < d.count; i++)
        if (d.items[i].severity == SIM_SEV_ERROR && strcmp(d.items[i].file, "scenario.json") == 0 &&
            (d.items[i].line < 1 || d.items[i].col < 1))
            abort(); /* an error in the JSON file without a position */
    if (s && s->script) {
        ScriptProgram *p = NULL;
        SimError e;
        if (script_program_create(s, &p, &e) != SIM_OK && !strstr(e.msg, "script.lua:"))
            abort(); /* a compile error that does not name the line */
        script_program_destroy(p);
    }
    scenario_free(s);
    simdiags_free(&d);
    return 0;
}
