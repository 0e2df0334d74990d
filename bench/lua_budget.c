/*
 * lua_budget.c — how soon the sandbox stops runaway scripts (figures, not pass/fail).
 *
 * For each loop or bomb: the wall time of one call with only the wall-clock budget in force
 * (instructions unlimited, --lua-time-ms 100) and its overshoot past those 100 ms; then the
 * time to the stop with the default budgets (5,000,000 instructions, 1000 ms, 64 MiB). Each
 * figure is the median and the maximum of RUNS runs, each in a fresh sandbox (script_eval).
 * Usage: bench_lua_budget [RUNS]
 * Depends on: script.
 */
#include "script/script.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define TIME_BUDGET_MS 100

typedef struct Attack {
    const char *name, *code;
} Attack;

static const Attack attacks[] = {
    {"while true do end", "while true do end"},
    {"goto loop", "::a:: goto a"},
    {"tail recursion", "local function f() return f() end return f()"},
    {"pcall swallowing the stop", "while true do pcall(function() while true do end end) end"},
    {"loop in xpcall handler",
     "xpcall(function() error('x') end, function() while true do end end) return 1"},
    {"loop in coroutine.wrap", "coroutine.wrap(function() while true do end end)()"},
    {"resume catching the stop",
     "while true do coroutine.resume(coroutine.create(function() while true do end end)) end"},
    {"loop in __index",
     "local t = setmetatable({}, {__index = function() while true do end end}) return t.x"},
    {"loop in gsub callback",
     "return (('x'):rep(100):gsub('.', function() while true do end end))"},
    {"loop in sort comparator", "table.sort({3, 1, 2}, function() while true do end end)"},
    {"loop in __close",
     "local x <close> = setmetatable({}, {__close = function() while true do end end}) "
     "while true do end"},
    {"string.rep 1 MiB in a loop", "while true do local s = ('x'):rep(1 << 20) end"},
    {"long string compare", "local a, b = ('x'):rep(1 << 20), ('x'):rep(1 << 20) .. '' "
                            "while true do local _ = a == b end"},
    {"table growth", "local t = {} local i = 0 while true do i = i + 1 t[i] = {i} end"},
    {"concat doubling", "local s = 'x' while true do s = s .. s end"},
    {"deep recursion", "local function f(n) return 1 + f(n + 1) end return f(1)"},
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

/* Runs code `runs` times under the limits; fills the median and maximum wall time and the
 * first line of the last error. */
static void measure(const char *code, const ScriptLimits *l, int runs, double *median, double *max,
                    char *why, size_t why_size)
{
    double t[64];
    for (int r = 0; r < runs; r++) {
        char *out = NULL;
        SimError e;
        double t0 = now_ms();
        SimStatus st = script_eval(code, l, &out, &e);
        t[r] = now_ms() - t0;
        free(out);
        if (st == SIM_OK) {
            snprintf(why, why_size, "(not stopped)");
        } else {
            const char *msg = strstr(e.msg, ": ");
            snprintf(why, why_size, "%.*s", (int)strcspn(msg ? msg + 2 : e.msg, "\n("),
                     msg ? msg + 2 : e.msg);
        }
    }
    qsort(t, (size_t)runs, sizeof t[0], by_value);
    *median = t[runs / 2];
    *max = t[runs - 1];
}

int main(int argc, char **argv)
{
    int runs = argc > 1 ? atoi(argv[1]) : 5;
    if (runs < 1 || runs > 64)
        runs = 5;
    ScriptLimits timed = {.instructions = 1000000000000000LL, .time_ms = TIME_BUDGET_MS};
    ScriptLimits defaults = {0};
    printf("Runaway scripts: time of one call, median / max of %d runs (ms)\n", runs);
    printf("%-30s %22s %14s %22s  %s\n", "attack", "time budget 100 ms", "overshoot",
           "default budgets", "stopped by (defaults)");
    for (size_t i = 0; i < sizeof attacks / sizeof attacks[0]; i++) {
        double tm, tx, dm, dx;
        char why_t[200], why_d[200];
        measure(attacks[i].code, &timed, runs, &tm, &tx, why_t, sizeof why_t);
        measure(attacks[i].code, &defaults, runs, &dm, &dx, why_d, sizeof why_d);
        printf("%-30s %10.1f / %9.1f %6.1f / %5.1f %10.1f / %9.1f  %s\n", attacks[i].name, tm, tx,
               tm - TIME_BUDGET_MS, tx - TIME_BUDGET_MS, dm, dx, why_d);
    }
    return 0;
}
