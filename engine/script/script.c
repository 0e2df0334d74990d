/*
 * script.c — the Lua sandbox (see script.h).
 *
 * Layout of one sandbox: a fresh lua_State whose real globals the script never sees; an
 * environment table built from an allow-list of base functions and the safe libraries
 * (trimmed and wrapped in place: they belong to this state alone); the string metatable
 * locked; the `sim` table of
 * bindings, each a C closure with the Script as a light-userdata upvalue (no C globals).
 * The count hook is installed once at creation and never removed, so coroutines created by
 * the script inherit it; once a call's budget is spent it re-arms itself with a count of 1,
 * so every further instruction raises again and pcall cannot swallow the stop.
 */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, MAP_NORESERVE for the snapshot arena */
#include "script.h"

#include "../core/i18n.h"

#include <lauxlib.h>
#include <lua.h>
#include <lualib.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>

#define HOOK_EVERY          1000
#define LOG_CAP             (64 * 1024)
#define PATTERN_SUBJECT_CAP (64 * 1024)
#define PATTERN_CAP         256
#define REP_CAP             (1024 * 1024)
#define IMPORT_CAP          (1024 * 1024)
#define STRING_CAP          (1024 * 1024 + 64) /* one string object (1 MiB of text and its header) */
#define MOVE_CAP            (1 << 22)          /* elements per table.move */
#define PATTERN_WORK_CAP    1e8                /* worst-case matcher steps of one pattern call */
#define CHURN_CHECK         (256 * 1024)       /* the allocator reads the clock this often */
#define DESCRIBE_SLACK      (1024 * 1024)      /* room above the cap to describe a failure */
#define CLOSE_DEPTH_CAP     100                /* nested coroutine.close calls */

enum { STOP_NONE = 0, STOP_INSTRUCTIONS, STOP_TIME };

typedef struct Chunk {
    char *name; /* import name; NULL for the main chunk */
    char *code; /* bytecode from lua_dump, with debug info (line numbers) */
    size_t len;
} Chunk;

struct ScriptProgram {
    const Scenario *s;
    Chunk main;
    Chunk *imports;
    size_t import_count, import_cap;
};

/* Small Lua objects (strings, tables, closures) come from per-attempt size-class free lists
 * carved out of 64 KiB chunks: most of an attempt's allocations are small and short-lived, and
 * the whole pool goes back to the system in one sweep when the attempt ends. */
#define POOL_STEP 16
#ifdef SIM_NO_POOL /* sanitizer builds: every Lua object is a malloc block ASan can watch */
#define POOL_MAX 0
#else
#define POOL_MAX 256
#endif
#define POOL_CLASSES (256 / POOL_STEP)
#define POOL_CHUNK   (64 * 1024)

typedef struct PoolChunk {
    struct PoolChunk *next;
    size_t pad; /* keeps the blocks after the header 16-byte aligned */
} PoolChunk;

typedef struct Pool {
    void *free_list[POOL_CLASSES];
    char *bump, *bump_end;
    PoolChunk *chunks;
} Pool;

/* With snapshots on (ScriptLimits.snapshots), every byte the Lua state owns — the pool's
 * chunks and the larger blocks, each rounded up to a power of two with a free list per size —
 * lies in one reserved region below `top`. Copying [base, top) and the few allocator fields
 * below is then a complete copy of the state, and copying them back at the same address
 * restores it: every pointer inside still points where it did. */
#define ARENA_MIN_SHIFT  4
#define ARENA_POOL_CHUNK 2048
#define SNAPSHOT_GARBAGE (256 * 1024)
#define SPARE_BUFFERS    64
#define ARENA_CLASSES    40

typedef struct Arena {
    char *base, *top, *end; /* reserved with mmap; NULL when snapshots are off */
    void *free_list[ARENA_CLASSES];
} Arena;

#define SNAP_MAX_SPANS 64

struct ScriptSnapshot {
    char *data; /* the bytes [base, top) that matter, span after span */
    size_t len, cap;
    /* [offset, length) within the arena of each copied span: everything below the top but
     * the insides of free blocks of 1 KiB and more (their first bytes hold the free list). */
    uint32_t span[SNAP_MAX_SPANS][2];
    int nspan;
    Script *owner; /* its spare buffers take data back when the snapshot is freed */
    Arena arena;
    Pool pool;
    size_t mem_used;
    SimRng rng;
    size_t log_len;
    unsigned long long serial; /* unique within its script */
};

struct Script {
    lua_State *L;
    Pool pool;
    Arena arena;
    int hooks_run; /* hooks that ran since the last snapshot save or load */
    unsigned long long snap_serial, snap_current; /* the snapshot the state still equals */
    char *spare[SPARE_BUFFERS]; /* snapshot buffers kept for reuse (fresh pages cost faults) */
    size_t spare_cap[SPARE_BUFFERS];
    int spare_count;
    ScriptProgram *prog; /* may be NULL (script_eval) */
    const Scenario *s;
    ScriptHost host;
    size_t mem_used, mem_limit;
    size_t mem_slack; /* extra room while a failure is described */
    size_t churn;     /* bytes allocated since the allocator last read the clock */
    long long budget, spent;
    long long time_budget; /* ms per call */
    double deadline;       /* monotonic ms; 0 outside a call */
    int stop;              /* STOP_*: why the current call is being stopped */
    int stop_line;         /* where the stop first hit (0: not known) … */
    char stop_src[256];    /* … and in which chunk */
    int close_depth;       /* nesting of coroutine.close */
    int big_string;        /* the call was refused a string longer than STRING_CAP */
    char runner;           /* its address keys the runner thread in the registry */
    SimRng rng;
    SimBuf log;
    const char *chunkname; /* "=scenarios/x/script.lua" */
};

/* ==== allocator with a cap ================================================================ */

static size_t pool_class(size_t n)
{
    return (n + POOL_STEP - 1) / POOL_STEP - 1;
}

static void *pool_get(Pool *p, Arena *a, size_t n)
{
    size_t c = pool_class(n);
    void *blk = p->free_list[c];
    if (blk) {
        p->free_list[c] = *(void **)blk;
        return blk;
    }
    size_t size = (c + 1) * POOL_STEP;
    if ((size_t)(p->bump_end - p->bump) < size && a && a->base) {
        /* Everything below the arena's top is copied by a snapshot, so small objects first
         * fill the holes larger blocks left behind (a table's or the string table's old
         * array), and the top moves up in small steps only when there are none. */
        int k = 8; /* 256 bytes and up */
        while (k < ARENA_CLASSES && !a->free_list[k])
            k++;
        if (k < ARENA_CLASSES) {
            char *hole = a->free_list[k];
            a->free_list[k] = *(void **)hole;
            p->bump = hole;
            p->bump_end = hole + ((size_t)1 << k);
        } else {
            if ((size_t)(a->end - a->top) < ARENA_POOL_CHUNK)
                return NULL;
            p->bump = a->top;
            p->bump_end = a->top + ARENA_POOL_CHUNK;
            a->top += ARENA_POOL_CHUNK;
        }
    } else if ((size_t)(p->bump_end - p->bump) < size) {
        PoolChunk *ch = malloc(POOL_CHUNK);
        if (!ch)
            return NULL;
        ch->next = p->chunks;
        p->chunks = ch;
        p->bump = (char *)(ch + 1);
        p->bump_end = (char *)ch + POOL_CHUNK;
    }
    blk = p->bump;
    p->bump += size;
    return blk;
}

static void pool_put(Pool *p, void *blk, size_t n)
{
    size_t c = pool_class(n);
    *(void **)blk = p->free_list[c];
    p->free_list[c] = blk;
}

static void pool_release(Pool *p)
{
    while (p->chunks) {
        PoolChunk *next = p->chunks->next;
        free(p->chunks);
        p->chunks = next;
    }
    memset(p, 0, sizeof *p);
}

/* ---- the arena (snapshots on) ---- */

static int arena_class(size_t n)
{
    int k = ARENA_MIN_SHIFT;
    while (((size_t)1 << k) < n)
        k++;
    return k;
}

static void *arena_get(Arena *a, size_t n)
{
    int k = arena_class(n);
    if (k >= ARENA_CLASSES)
        return NULL;
    void *blk = a->free_list[k];
    if (blk) {
        a->free_list[k] = *(void **)blk;
        return blk;
    }
    size_t size = (size_t)1 << k;
    if ((size_t)(a->end - a->top) < size)
        return NULL;
    blk = a->top;
    a->top += size;
    return blk;
}

static void arena_put(Arena *a, void *blk, size_t n)
{
    int k = arena_class(n);
    *(void **)blk = a->free_list[k];
    a->free_list[k] = blk;
}

/* A block of more than POOL_MAX bytes: from the arena when snapshots are on. */
static void *big_get(Script *sc, size_t n)
{
    return sc->arena.base ? arena_get(&sc->arena, n) : malloc(n);
}

static void big_put(Script *sc, void *blk, size_t n)
{
    if (sc->arena.base)
        arena_put(&sc->arena, blk, n);
    else
        free(blk);
}

static void *big_resize(Script *sc, void *blk, size_t old, size_t n)
{
    if (!sc->arena.base)
        return realloc(blk, n);
    if (arena_class(old) == arena_class(n))
        return blk;
    void *p = arena_get(&sc->arena, n);
    if (p) {
        memcpy(p, blk, old < n ? old : n);
        arena_put(&sc->arena, blk, old);
    }
    return p;
}

static double mono_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static void *cap_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
    Script *sc = ud;
    /* When ptr is NULL, osize is a type tag, not a size. */
    size_t old = ptr ? osize : 0;
    if (nsize == 0) {
        if (ptr) {
            if (old <= POOL_MAX)
                pool_put(&sc->pool, ptr, old);
            else
                big_put(sc, ptr, old);
        }
        sc->mem_used -= old;
        return NULL;
    }
    if (nsize > old) {
        if (sc->mem_used - old + nsize > sc->mem_limit + sc->mem_slack)
            return NULL;
        /* A new object's osize is its type. Long strings are refused: comparing or hashing
         * one is a single instruction for the count hook, however long it takes. */
        if (!ptr && osize == LUA_TSTRING && nsize > STRING_CAP && !sc->mem_slack) {
            sc->big_string = 1;
            return NULL;
        }
        if (sc->deadline > 0) {
            /* C code (a long concatenation, string.rep, table.move…) can run a long time
             * between two hook calls; what it allocates shows it is working. */
            if (sc->stop == STOP_TIME)
                return NULL;
            sc->churn += nsize - old;
            if (sc->churn >= CHURN_CHECK) {
                sc->churn = 0;
                if (mono_ms() > sc->deadline) {
                    sc->stop = STOP_TIME;
                    return NULL;
                }
            }
        }
    }
    void *p;
    if (ptr && old > POOL_MAX && nsize > POOL_MAX) {
        p = big_resize(sc, ptr, old, nsize);
    } else if (ptr && old <= POOL_MAX && nsize <= POOL_MAX &&
               pool_class(old) == pool_class(nsize)) {
        p = ptr; /* same size class: the block already fits */
    } else {
        p = nsize <= POOL_MAX ? pool_get(&sc->pool, &sc->arena, nsize) : big_get(sc, nsize);
        if (p && ptr) {
            memcpy(p, ptr, old < nsize ? old : nsize);
            if (old <= POOL_MAX)
                pool_put(&sc->pool, ptr, old);
            else
                big_put(sc, ptr, old);
        }
    }
    if (p)
        sc->mem_used = sc->mem_used - old + nsize;
    return p;
}

static Script *self(lua_State *L)
{
    return lua_touserdata(L, lua_upvalueindex(1));
}

/* ==== budgets ============================================================================= */

/* The name a frame's chunk is shown by: the full path ("=path"), not the 60-character
 * short_src. */
static const char *frame_source(const lua_Debug *ar)
{
    return ar->source[0] == '=' || ar->source[0] == '@' ? ar->source + 1 : ar->short_src;
}

/* Pushes "FILE:LINE: сценарий превысил бюджет …" for the stop of this call. */
static void push_stop_message(lua_State *L, Script *sc, const char *src, int line)
{
    if (sc->stop == STOP_TIME)
        lua_pushfstring(L, tr(STR_SCRIPT_TIME_BUDGET), src, line, (lua_Integer)sc->time_budget);
    else
        lua_pushfstring(L, tr(STR_SCRIPT_STEP_BUDGET), src, line, (lua_Integer)sc->budget);
}

static void budget_hook(lua_State *L, lua_Debug *ar);

/* Marks the call as stopped and re-arms the hook of this thread at every instruction: an
 * enclosing pcall catching the error is interrupted again on its very next instruction. */
static void stop_call(lua_State *L, Script *sc, int why)
{
    if (!sc->stop)
        sc->stop = why;
    lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
}

static void budget_hook(lua_State *L, lua_Debug *ar)
{
    void *ud;
    lua_getallocf(L, &ud);
    Script *sc = ud;
    if (!sc->stop) {
        if (lua_gethookcount(L) != HOOK_EVERY) {
            /* A coroutine left at count 1 by an earlier stop: back to the normal rate. */
            lua_sethook(L, budget_hook, LUA_MASKCOUNT, HOOK_EVERY);
            sc->spent += 1;
        } else {
            sc->spent += HOOK_EVERY;
        }
        if (sc->spent > sc->budget)
            stop_call(L, sc, STOP_INSTRUCTIONS);
        else if (sc->deadline > 0 && mono_ms() > sc->deadline)
            stop_call(L, sc, STOP_TIME);
        else
            return;
    } else if (lua_gethookcount(L) != 1) {
        lua_sethook(L, budget_hook, LUA_MASKCOUNT, 1);
    }
    int line = 0;
    const char *src = sc->chunkname + 1;
    if (lua_getinfo(L, "Sl", ar) && ar->currentline > 0) {
        line = ar->currentline;
        src = frame_source(ar);
    }
    if (!sc->stop_line && line > 0) {
        sc->stop_line = line;
        snprintf(sc->stop_src, sizeof sc->stop_src, "%s", src);
    }
    push_stop_message(L, sc, src, line);
    lua_error(L);
}

/* For C functions whose work the instruction count does not see: stops the call once its
 * wall-clock budget is spent. */
static void time_check(lua_State *L, Script *sc)
{
    if (sc->deadline > 0 && (sc->stop || mono_ms() > sc->deadline)) {
        stop_call(L, sc, STOP_TIME);
        lua_Debug ar;
        int line = 0;
        const char *src = sc->chunkname + 1;
        for (int level = 1; lua_getstack(L, level, &ar); level++)
            if (lua_getinfo(L, "Sl", &ar) && ar.currentline > 0) {
                line = ar.currentline;
                src = frame_source(&ar);
                break;
            }
        push_stop_message(L, sc, src, line);
        lua_error(L);
    }
}

/* Starts (call = 1) or ends (call = 0) one call's budgets; th is the thread that runs it. */
static void budget_reset(Script *sc, lua_State *th, int call)
{
    sc->spent = 0;
    sc->stop = STOP_NONE;
    sc->stop_line = 0;
    sc->stop_src[0] = '\0';
    sc->churn = 0;
    sc->big_string = 0;
    sc->deadline = call ? mono_ms() + (double)sc->time_budget : 0;
    lua_sethook(sc->L, budget_hook, LUA_MASKCOUNT, HOOK_EVERY);
    if (th)
        lua_sethook(th, budget_hook, LUA_MASKCOUNT, HOOK_EVERY);
}

/* ==== running a call ====================================================================== */

/* Every call into the script runs in a coroutine of its own (the runner). When it fails, the
 * runner's stack is left as it was at the error, so the failing line is read from there:
 * this works for every kind of error, a refused allocation included, and the script cannot
 * choose it. A runner that returned normally is reused for the next call. */
static lua_State *runner_get(Script *sc)
{
    lua_State *L = sc->L;
    if (lua_rawgetp(L, LUA_REGISTRYINDEX, &sc->runner) == LUA_TTHREAD) {
        lua_State *co = lua_tothread(L, -1);
        lua_pop(L, 1);
        if (lua_status(co) == LUA_OK && lua_gettop(co) == 0)
            return co;
    } else {
        lua_pop(L, 1);
    }
    lua_State *co = lua_newthread(L);
    lua_rawsetp(L, LUA_REGISTRYINDEX, &sc->runner);
    return co;
}

static void runner_drop(Script *sc)
{
    lua_pushnil(sc->L);
    lua_rawsetp(sc->L, LUA_REGISTRYINDEX, &sc->runner);
}

/* Does msg start with "SRC:LINE:" of a frame now on the stack of co? Then Lua (or error with
 * a level) already named the right place. */
static int names_a_frame(lua_State *co, const char *msg)
{
    lua_Debug ar;
    char pos[600];
    for (int level = 0; level < 64 && lua_getstack(co, level, &ar); level++) {
        if (!lua_getinfo(co, "Sl", &ar) || ar.currentline <= 0)
            continue;
        snprintf(pos, sizeof pos, "%s:%d:", ar.short_src, ar.currentline);
        if (strncmp(msg, pos, strlen(pos)) == 0)
            return 1;
        snprintf(pos, sizeof pos, "%s:%d:", frame_source(&ar), ar.currentline);
        if (strncmp(msg, pos, strlen(pos)) == 0)
            return 1;
    }
    return 0;
}

/* The innermost frame of co that has a line: its source into src and the line (0: none). */
static int innermost_line(lua_State *co, char *src, size_t n)
{
    lua_Debug ar;
    for (int level = 0; lua_getstack(co, level, &ar); level++)
        if (lua_getinfo(co, "Sl", &ar) && ar.currentline > 0) {
            snprintf(src, n, "%s", frame_source(&ar));
            return ar.currentline;
        }
    return 0;
}

/* Builds the report of a failed call in protected mode (it allocates): 1 the runner, 2 the
 * status, 3 the source and 4 the line of the runner's innermost frame (line 0: none). Leaves
 * the message with a traceback. */
static int describe_failure(lua_State *L)
{
    Script *sc = lua_touserdata(L, lua_upvalueindex(1));
    lua_State *co = lua_tothread(L, 1);
    int rc = (int)lua_tointeger(L, 2);
    const char *src = lua_tostring(L, 3);
    int line = (int)lua_tointeger(L, 4);
    const char *msg = lua_type(co, -1) == LUA_TSTRING ? lua_tostring(co, -1) : NULL;
    if (rc == LUA_ERRMEM || rc == LUA_YIELD)
        msg = NULL;
    if (msg && names_a_frame(co, msg) && (!sc->stop || strstr(msg, tr(STR_SCRIPT_OVER_BUDGET)))) {
        lua_pushstring(L, msg); /* Lua (or error with a level) named a line of this stack */
    } else if (sc->stop) {
        /* A budget stop, whatever form it surfaced in (e.g. a refused allocation). */
        push_stop_message(L, sc, src, line);
    } else if (rc == LUA_ERRMEM && sc->big_string) {
        lua_pushfstring(L, tr(STR_SCRIPT_STRING_TOO_LONG), src, line, STRING_CAP - 64);
    } else if (rc == LUA_ERRMEM) {
        lua_pushfstring(L, tr(STR_SCRIPT_MEMORY_LIMIT_AT), src, line,
                        (lua_Integer)(sc->mem_limit / (1024 * 1024)));
    } else if (rc == LUA_YIELD) {
        lua_pushfstring(L, tr(STR_SCRIPT_YIELD_OUTSIDE), src, line);
    } else if (msg) {
        lua_pushfstring(L, "%s:%d: %s", src, line, msg);
    } else {
        /* Non-string error values: never run their __tostring (it could loop or fail). */
        lua_pushfstring(L, tr(STR_SCRIPT_ERROR_NOT_STRING), src, line, luaL_typename(co, -1));
    }
    luaL_traceback(L, co, lua_tostring(L, -1), 0);
    return 1;
}

/* Runs the function at the top of sc->L with nargs arguments under the budgets; leaves nres
 * results on success. On failure fills err with FILE:LINE, the message and a trimmed
 * traceback. */
static SimStatus protected_call(Script *sc, int nargs, int nres, SimError *err)
{
    lua_State *L = sc->L;
    lua_State *co = runner_get(sc);
    lua_xmove(L, co, nargs + 1);
    budget_reset(sc, co, 1);
    int nout = 0;
    int rc = lua_resume(co, L, nargs, &nout);
    if (rc == LUA_OK && sc->stop) {
        /* The budget ran out and a pcall (around coroutine.close, say) caught the stop on
         * its way out, so the call came back as if nothing happened. A stop is final
         * (issue #16): the call fails with the budget's message and where it hit. */
        int stop = sc->stop;
        char where[256];
        snprintf(where, sizeof where, "%s", sc->stop_src[0] ? sc->stop_src : sc->chunkname + 1);
        int line = sc->stop_line;
        budget_reset(sc, NULL, 0); /* hooks off before anything runs on L */
        sc->stop = stop;           /* push_stop_message words it by the reason */
        push_stop_message(L, sc, where, line);
        sim_error_set(err, SIM_ERR_SCRIPT, "%s", lua_tostring(L, -1));
        lua_pop(L, 1);
        sc->stop = STOP_NONE;
        lua_settop(co, 0);
        runner_drop(sc);
        lua_gc(L, LUA_GCCOLLECT, 0);
        return SIM_ERR_SCRIPT;
    }
    if (rc == LUA_OK) {
        budget_reset(sc, co, 0);
        if (nout > nres)
            lua_pop(co, nout - nres);
        for (; nout < nres; nout++)
            lua_pushnil(co);
        lua_xmove(co, L, nres);
        return SIM_OK;
    }
    int stop = sc->stop, big = sc->big_string;
    budget_reset(sc, NULL, 0);
    sc->stop = stop; /* describe_failure reports a stop as a stop */
    sc->big_string = big;
    char src[512];
    snprintf(src, sizeof src, "%s", sc->chunkname + 1);
    int line = innermost_line(co, src, sizeof src);
    /* Describing allocates; a call that failed at the memory cap may still hold all of it,
     * so the description gets a little room above the cap. */
    sc->mem_slack = DESCRIBE_SLACK;
    lua_pushlightuserdata(L, sc);
    lua_pushcclosure(L, describe_failure, 1);
    lua_pushthread(co);
    lua_xmove(co, L, 1);
    lua_pushinteger(L, rc);
    lua_pushstring(L, src);
    lua_pushinteger(L, line);
    if (lua_pcall(L, 4, 1, 0) == LUA_OK)
        sim_error_set(err, SIM_ERR_SCRIPT, "%s", lua_tostring(L, -1));
    else
        sim_error_set(err, SIM_ERR_SCRIPT, "%s:%d: %s", src, line,
                      rc == LUA_ERRMEM ? tr(STR_SCRIPT_MEMORY_LIMIT) : tr(STR_SCRIPT_ERROR));
    lua_pop(L, 1);
    sc->mem_slack = 0;
    sc->stop = STOP_NONE;
    sc->big_string = 0;
    runner_drop(sc);
    lua_gc(L, LUA_GCCOLLECT, 0);
    return SIM_ERR_SCRIPT;
}

/* ==== safe replacements =================================================================== */

static int safe_print(lua_State *L)
{
    Script *sc = self(L);
    int n = lua_gettop(L);
    for (int i = 1; i <= n; i++) {
        size_t len;
        const char *s = luaL_tolstring(L, i, &len);
        if (sc->log.len + len + 2 < LOG_CAP) {
            if (i > 1)
                simbuf_puts(&sc->log, "\t");
            simbuf_append(&sc->log, s, len);
        }
        lua_pop(L, 1);
    }
    if (sc->log.len + 1 < LOG_CAP)
        simbuf_puts(&sc->log, "\n");
    return 0;
}

static int safe_setmetatable(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    if (!lua_isnoneornil(L, 2)) {
        luaL_checktype(L, 2, LUA_TTABLE);
        if (lua_getfield(L, 2, "__gc") != LUA_TNIL)
            return luaL_error(L, "%s", tr(STR_SCRIPT_NO_GC_METAMETHOD));
        lua_pop(L, 1);
    }
    if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
        return luaL_error(L, "%s", tr(STR_SCRIPT_METATABLE_PROTECTED));
    lua_settop(L, 2);
    lua_setmetatable(L, 1);
    return 1;
}

static int safe_collectgarbage(lua_State *L)
{
    const char *opt = luaL_optstring(L, 1, "count");
    if (strcmp(opt, "count") != 0)
        return luaL_error(L, "%s", tr(STR_SCRIPT_COLLECTGARBAGE_COUNT));
    lua_pushnumber(L, (lua_Number)lua_gc(L, LUA_GCCOUNT, 0) +
                          (lua_Number)lua_gc(L, LUA_GCCOUNTB, 0) / 1024.0);
    return 1;
}

static int safe_random(lua_State *L)
{
    Script *sc = self(L);
    lua_Integer lo, hi;
    switch (lua_gettop(L)) {
    case 0:
        lua_pushnumber(L, (lua_Number)simrng_double(&sc->rng));
        return 1;
    case 1:
        lo = 1;
        hi = luaL_checkinteger(L, 1);
        break;
    case 2:
        lo = luaL_checkinteger(L, 1);
        hi = luaL_checkinteger(L, 2);
        break;
    default:
        return luaL_error(L, "%s", tr(STR_SCRIPT_RANDOM_ARGS));
    }
    luaL_argcheck(L, lo <= hi, lua_gettop(L), tr(STR_SCRIPT_RANDOM_EMPTY));
    uint64_t span = (uint64_t)hi - (uint64_t)lo;
    uint64_t r = span == UINT64_MAX ? simrng_next(&sc->rng) : simrng_below(&sc->rng, span + 1);
    lua_pushinteger(L, (lua_Integer)((uint64_t)lo + r));
    return 1;
}

static int safe_randomseed(lua_State *L)
{
    Script *sc = self(L);
    simrng_seed(&sc->rng, (uint64_t)luaL_checkinteger(L, 1));
    return 0;
}

/* Past the end of the single-character class at p[i] (an escape, a set, or one byte), as
 * Lua's matcher reads it; lp when the pattern is malformed (Lua reports that itself). */
static size_t class_end(const char *p, size_t lp, size_t i)
{
    if (p[i] == '%')
        return i + 2 <= lp ? i + 2 : lp;
    if (p[i] != '[')
        return i + 1;
    i++;
    if (i < lp && p[i] == '^')
        i++;
    do { /* the first byte of a set is never its end: "[]]" is a set of "]" */
        if (i >= lp)
            return lp;
        if (p[i++] == '%' && i < lp)
            i++;
    } while (i < lp && p[i] != ']');
    return i < lp ? i + 1 : lp;
}

/* An upper bound of the steps Lua's backtracking matcher can take for the pattern over a
 * subject of n bytes: every item with *, + or - may be tried at every length (n + 1), with ?
 * at two; %b and back references may scan n bytes; each step costs up to the pattern's
 * length; and the whole search is tried from every position unless anchored by ^. The hook
 * cannot interrupt the matcher (it is C code), so a call whose bound is too large is refused
 * before it starts. */
static double pattern_work(const char *p, size_t lp, size_t n, int anchored)
{
    double len = (double)n + 1, work = (double)lp + 1;
    size_t i = 0;
    if (anchored && lp && p[0] == '^')
        i = 1;
    else
        work *= len;
    while (i < lp && work <= PATTERN_WORK_CAP) {
        char c = p[i];
        if (c == '(' || c == ')') {
            i++;
            continue;
        }
        if (c == '%' && i + 1 < lp && p[i + 1] == 'b') {
            work *= len;
            i += 4;
            continue;
        }
        if (c == '%' && i + 1 < lp && p[i + 1] == 'f') {
            i = i + 2 < lp ? class_end(p, lp, i + 2) : lp;
            continue;
        }
        if (c == '%' && i + 1 < lp && p[i + 1] >= '0' && p[i + 1] <= '9') {
            work *= len;
            i += 2;
            continue;
        }
        i = class_end(p, lp, i);
        if (i < lp && (p[i] == '*' || p[i] == '+' || p[i] == '-')) {
            work *= len;
            i++;
        } else if (i < lp && p[i] == '?') {
            work *= 2;
            i++;
        }
    }
    return work;
}

/* string.find/match/gmatch/gsub with caps; the original function is upvalue 2, its name
 * upvalue 3. */
static int capped_pattern(lua_State *L)
{
    size_t ls, lp;
    luaL_checklstring(L, 1, &ls);
    const char *p = luaL_checklstring(L, 2, &lp);
    const char *name = lua_tostring(L, lua_upvalueindex(3));
    if (ls > PATTERN_SUBJECT_CAP)
        return luaL_error(L, tr(STR_SCRIPT_MATCH_SUBJECT_LONG), PATTERN_SUBJECT_CAP);
    if (lp > PATTERN_CAP)
        return luaL_error(L, tr(STR_SCRIPT_MATCH_PATTERN_LONG), PATTERN_CAP);
    int plain = strcmp(name, "find") == 0 && lua_toboolean(L, 4);
    /* gmatch reads ^ as an anchor only from Lua 5.4 on; count it as unanchored there. */
    int anchored = strcmp(name, "gmatch") != 0;
    if (!plain && pattern_work(p, lp, ls, anchored) > PATTERN_WORK_CAP)
        return luaL_error(L, tr(STR_SCRIPT_MATCH_TOO_COMPLEX), name, p, (int)ls);
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    time_check(L, self(L));
    return lua_gettop(L);
}

/* Library functions whose C loops the instruction count does not see (sorting, moving,
 * shifting, scanning long strings): the original is upvalue 2; the wall-clock budget is
 * checked when it returns. */
static int timed_call(lua_State *L)
{
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
    time_check(L, self(L));
    return lua_gettop(L);
}

/* table.move, table.insert, table.remove: their C loops run over a range the script picks
 * (move) or over the length __len claims (insert, remove), without any allocation or
 * instruction to stop them; the range is capped. The original is upvalue 2, its name 3. */
static int capped_table(lua_State *L)
{
    const char *name = lua_tostring(L, lua_upvalueindex(3));
    if (strcmp(name, "move") == 0) {
        lua_Integer f = luaL_checkinteger(L, 2), e = luaL_checkinteger(L, 3);
        if (e >= f && ((lua_Unsigned)e - (lua_Unsigned)f) >= MOVE_CAP)
            return luaL_error(L, tr(STR_SCRIPT_TABLE_MOVE_MAX), MOVE_CAP);
    } else if (lua_type(L, 1) == LUA_TTABLE && luaL_getmetafield(L, 1, "__len") != LUA_TNIL) {
        return luaL_error(L, tr(STR_SCRIPT_TABLE_LEN_META), name);
    }
    return timed_call(L);
}

/* Lua runs an error's message handler inside the failing context; when the error is a budget
 * stop raised from the count hook, that context has hooks switched off, and a handler that
 * loops would never be stopped. So xpcall calls f in protected mode and runs the handler
 * afterwards, once the stack has unwound, with the budgets in force (there is no debug library
 * in the sandbox, so a handler cannot tell the difference). */
static int xpcall_finish(lua_State *L, int status, lua_KContext base)
{
    if (status != LUA_OK && status != LUA_YIELD) {
        lua_pushvalue(L, 2); /* the handler */
        lua_insert(L, -2);
        lua_pcall(L, 1, 1, 0); /* its result, or its own error */
        lua_pushboolean(L, 0);
        lua_insert(L, -2);
        return 2;
    }
    return lua_gettop(L) - (int)base;
}

static int safe_xpcall(lua_State *L)
{
    int n = lua_gettop(L);
    luaL_checktype(L, 2, LUA_TFUNCTION);
    lua_pushboolean(L, 1); /* the first result on success */
    lua_pushvalue(L, 1);
    for (int i = 3; i <= n; i++)
        lua_pushvalue(L, i);
    int status = lua_pcallk(L, n - 2, LUA_MULTRET, 0, n, xpcall_finish);
    return xpcall_finish(L, status, n);
}

/* A coroutine that died of an error is never reset by the sandbox: when the error was a
 * budget stop, the coroutine was left with hooks switched off, and resetting it runs its
 * pending __close handlers there, out of reach of the budgets. coroutine.close of such a
 * coroutine returns false and the error without running them; coroutine.wrap propagates the
 * error without closing. */
static int died_of_error(lua_State *co)
{
    int st = lua_status(co);
    return st != LUA_OK && st != LUA_YIELD;
}

/* coroutine.close, also with a cap on nesting: closing a coroutine runs its pending __close
 * handlers, which may close another coroutine, and so on; Lua 5.4.4 does not count these
 * levels and overflows the C stack. The original is upvalue 2. */
static int guarded_close(lua_State *L)
{
    Script *sc = self(L);
    lua_State *co = lua_tothread(L, 1);
    if (co && co != L && died_of_error(co)) {
        lua_pushboolean(L, 0);
        if (lua_gettop(co) > 0) {
            lua_pushvalue(co, -1);
            lua_xmove(co, L, 1);
        } else {
            lua_pushnil(L);
        }
        return 2;
    }
    if (sc->close_depth >= CLOSE_DEPTH_CAP)
        return luaL_error(L, tr(STR_SCRIPT_COROUTINE_CLOSE_DEPTH), CLOSE_DEPTH_CAP);
    sc->close_depth++;
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_insert(L, 1);
    int rc = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
    sc->close_depth--;
    if (rc != LUA_OK)
        return lua_error(L);
    return lua_gettop(L);
}

/* The function coroutine.wrap returns: upvalue 1 is the coroutine. */
static int wrapped_call(lua_State *L)
{
    lua_State *co = lua_tothread(L, lua_upvalueindex(1));
    int n = lua_gettop(L);
    if (lua_status(co) == LUA_OK && lua_gettop(co) == 0)
        return luaL_error(L, "cannot resume dead coroutine");
    if (!lua_checkstack(co, n))
        return luaL_error(L, "too many arguments to resume");
    lua_xmove(L, co, n);
    int nres = 0;
    int st = lua_resume(co, L, n, &nres);
    if (st == LUA_OK || st == LUA_YIELD) {
        if (!lua_checkstack(L, nres + 1))
            return luaL_error(L, "too many results to resume");
        lua_xmove(co, L, nres);
        return nres;
    }
    lua_xmove(co, L, 1); /* the error object; the coroutine is left as it died */
    if (lua_type(L, -1) == LUA_TSTRING) {
        luaL_where(L, 1);
        lua_insert(L, -2);
        lua_concat(L, 2);
    }
    return lua_error(L);
}

static int safe_wrap(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TFUNCTION);
    lua_State *co = lua_newthread(L);
    lua_pushvalue(L, 1);
    lua_xmove(L, co, 1);
    lua_pushcclosure(L, wrapped_call, 1);
    return 1;
}

static int capped_rep(lua_State *L)
{
    size_t l, lsep = 0;
    luaL_checklstring(L, 1, &l);
    lua_Integer n = luaL_checkinteger(L, 2);
    luaL_optlstring(L, 3, "", &lsep);
    if (n > 0 && (double)(l + lsep) * (double)n > REP_CAP)
        return luaL_error(L, tr(STR_SCRIPT_REP_TOO_BIG), REP_CAP);
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    time_check(L, self(L));
    return 1;
}

static int capped_concat(lua_State *L)
{
    luaL_checktype(L, 1, LUA_TTABLE);
    size_t lsep = 0;
    luaL_optlstring(L, 2, "", &lsep);
    lua_Integer i = luaL_optinteger(L, 3, 1);
    lua_Integer last =
        lua_isnoneornil(L, 4) ? (lua_Integer)lua_rawlen(L, 1) : luaL_checkinteger(L, 4);
    double total = 0;
    for (; i <= last; i++) {
        lua_rawgeti(L, 1, i);
        size_t len = 0;
        if (!lua_isstring(L, -1)) {
            lua_pop(L, 1);
            break; /* the original reports it; no need to walk a huge empty range */
        }
        lua_tolstring(L, -1, &len);
        lua_pop(L, 1);
        total += (double)len + (double)lsep;
        if (total > REP_CAP)
            return luaL_error(L, tr(STR_SCRIPT_CONCAT_TOO_BIG), REP_CAP);
    }
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_insert(L, 1);
    lua_call(L, lua_gettop(L) - 1, 1);
    time_check(L, self(L));
    return 1;
}

/* ==== deterministic pairs ================================================================= */

/* Lua seeds its string hashes randomly per state, so the order of next() over string keys
 * changes from run to run. Scripts must replay byte for byte from a seed, so the sandbox's
 * pairs() visits keys in a fixed order: numbers ascending, then strings in byte order, then
 * booleans (false first), then any other keys in the order the table yields them. */
static int key_rank(lua_State *L, int idx)
{
    switch (lua_type(L, idx)) {
    case LUA_TNUMBER:
        return 0;
    case LUA_TSTRING:
        return 1;
    case LUA_TBOOLEAN:
        return 2;
    default:
        return 3;
    }
}

/* a < b for keys at absolute stack indices. */
static int key_less(lua_State *L, int a, int b)
{
    int ra = key_rank(L, a), rb = key_rank(L, b);
    if (ra != rb)
        return ra < rb;
    if (ra == 0)
        return lua_compare(L, a, b, LUA_OPLT);
    if (ra == 1) {
        size_t la, lb;
        const char *sa = lua_tolstring(L, a, &la), *sb = lua_tolstring(L, b, &lb);
        int c = memcmp(sa, sb, la < lb ? la : lb);
        return c < 0 || (c == 0 && la < lb);
    }
    if (ra == 2)
        return !lua_toboolean(L, a) && lua_toboolean(L, b);
    return 0; /* keep the table's order */
}

/* Stable insertion-merge sort of keys[1..n] (a Lua table at index k). */
static void sort_keys(lua_State *L, int k, lua_Integer n)
{
    /* Insertion sort: tables in scenarios are small; the instruction budget does not see C
     * code, so keep this simple and bounded by n^2/2 comparisons of at most a few thousand
     * keys (larger tables fall back to the table's own order). */
    if (n > 4096)
        return;
    for (lua_Integer i = 2; i <= n; i++) {
        lua_rawgeti(L, k, i); /* x */
        lua_Integer j = i - 1;
        while (j >= 1) {
            lua_rawgeti(L, k, j);
            int less = key_less(L, lua_gettop(L) - 1, lua_gettop(L));
            if (!less) {
                lua_pop(L, 1);
                break;
            }
            lua_rawseti(L, k, j + 1); /* shift keys[j] up */
            j--;
        }
        lua_rawseti(L, k, j + 1);
    }
}

static int ordered_next(lua_State *L)
{
    /* upvalues: 1 keys, 2 position. Keys removed during the loop are skipped, as next does. */
    lua_Integer i = lua_tointeger(L, lua_upvalueindex(2));
    for (;;) {
        i++;
        if (lua_rawgeti(L, lua_upvalueindex(1), i) == LUA_TNIL) {
            lua_pushinteger(L, i);
            lua_replace(L, lua_upvalueindex(2));
            return 1;
        }
        lua_pushvalue(L, -1);
        lua_rawget(L, 1); /* the table is the iterator's first argument, like next */
        if (!lua_isnil(L, -1))
            break;
        lua_pop(L, 2);
    }
    lua_pushinteger(L, i);
    lua_replace(L, lua_upvalueindex(2));
    return 2;
}

static int ordered_pairs(lua_State *L)
{
    luaL_checkany(L, 1);
    if (luaL_getmetafield(L, 1, "__pairs") != LUA_TNIL) {
        lua_pushvalue(L, 1);
        lua_call(L, 1, 3);
        return 3;
    }
    luaL_checktype(L, 1, LUA_TTABLE);
    lua_newtable(L);
    int k = lua_gettop(L);
    lua_Integer n = 0;
    lua_pushnil(L);
    while (lua_next(L, 1)) {
        lua_pop(L, 1);
        lua_pushvalue(L, -1);
        lua_rawseti(L, k, ++n);
    }
    sort_keys(L, k, n);
    lua_pushinteger(L, 0);
    lua_pushcclosure(L, ordered_next, 2);
    lua_pushvalue(L, 1);
    lua_pushnil(L);
    return 3;
}

/* ==== compiled programs =================================================================== */

static int dump_writer(lua_State *L, const void *p, size_t sz, void *ud)
{
    simbuf_append(ud, p, sz);
    return ((SimBuf *)ud)->oom;
}

/* Dumps the function on top of the stack (kept there) into a chunk. */
static int dump_chunk(lua_State *L, Chunk *c)
{
    SimBuf b;
    simbuf_init(&b);
    if (lua_dump(L, dump_writer, &b, 0) != 0 || b.oom) {
        simbuf_free(&b);
        return 0;
    }
    c->len = b.len;
    c->code = simbuf_take(&b);
    return 1;
}

/* Remembers the helper just compiled (function on top of the stack) for later attempts. */
static void program_keep(ScriptProgram *p, lua_State *L, const char *name)
{
    if (p->import_count == p->import_cap) {
        size_t cap = p->import_cap ? p->import_cap * 2 : 4;
        Chunk *c = realloc(p->imports, cap * sizeof *c);
        if (!c)
            return;
        p->imports = c;
        p->import_cap = cap;
    }
    Chunk *c = &p->imports[p->import_count];
    memset(c, 0, sizeof *c);
    if (!dump_chunk(L, c))
        return;
    c->name = sim_strdup(name);
    if (!c->name) {
        free(c->code);
        return;
    }
    p->import_count++;
}

/* ==== import ============================================================================== */

/* ---- Lua's compiler messages in Russian ---------------------------------------------------
 * Lua words its syntax errors in English ("'end' expected (to close 'if' at line 3) near
 * <eof>"); a methodologist reads every other message in Russian. Each known shape is matched
 * with '%q' for a quoted token ('…') and '%n' for a line number; the captures go, in order,
 * into the Russian text. An unknown shape keeps Lua's words after the Russian prefix. */
typedef struct LuaPhrase {
    const char *en;
    SimStr ru;
} LuaPhrase;

static const LuaPhrase lua_phrases[] = {
    {.en = "unexpected symbol", .ru = STR_LUA_UNEXPECTED},
    {.en = "syntax error", .ru = STR_LUA_GENERIC},
    {.en = "malformed number", .ru = STR_LUA_BAD_NUMBER},
    {.en = "unfinished string", .ru = STR_LUA_OPEN_STRING},
    {.en = "unfinished long string (starting at line %n)", .ru = STR_LUA_OPEN_LONG_STRING},
    {.en = "unfinished long comment (starting at line %n)", .ru = STR_LUA_OPEN_LONG_COMMENT},
    {.en = "invalid escape sequence", .ru = STR_LUA_BAD_ESCAPE},
    {.en = "decimal escape too large", .ru = STR_LUA_BIG_ESCAPE},
    {.en = "hexadecimal digit expected", .ru = STR_LUA_HEX_DIGIT},
    {"UTF-8 value too large", STR_LUA_BIG_UTF8},
    {.en = "invalid long string delimiter", .ru = STR_LUA_BAD_LONG_DELIM},
    {.en = "%q expected (to close %q at line %n)", .ru = STR_LUA_EXPECTED_CLOSE},
    {.en = "%q expected", .ru = STR_LUA_EXPECTED},
    {.en = "<name> expected", .ru = STR_LUA_EXPECTED_NAME},
    {.en = "<eof> expected", .ru = STR_LUA_EXPECTED_EOF},
    {.en = "function arguments expected", .ru = STR_LUA_EXPECTED_ARGS},
    {.en = "no visible label %q for <goto> at line %n", .ru = STR_LUA_NO_LABEL},
    {.en = "break outside loop at line %n", .ru = STR_LUA_BREAK},
    {.en = "label %q already defined on line %n", .ru = STR_LUA_LABEL_TWICE},
    {.en = "attempt to assign to const variable %q", .ru = STR_LUA_CONST},
    {.en = "cannot use '...' outside a vararg function", .ru = STR_LUA_VARARG},
    {.en = "unknown attribute %q", .ru = STR_LUA_ATTRIBUTE},
    {.en = "multiple to-be-closed variables in local list", .ru = STR_LUA_MULTI_CLOSE},
};

#define LUA_CAPS    3
#define LUA_CAP_LEN 128

/* 1 when text (n bytes) is exactly pat; fills caps in order. */
static int lua_phrase_match(const char *pat, const char *text, size_t n, char caps[][LUA_CAP_LEN],
                            int *ncaps)
{
    const char *t = text, *end = text + n;
    *ncaps = 0;
    while (*pat) {
        if (pat[0] == '%' && (pat[1] == 'q' || pat[1] == 'n')) {
            const char *from = t;
            if (pat[1] == 'q') { /* 'token' — Lua quotes tokens with apostrophes */
                if (t >= end || *t != '\'')
                    return 0;
                from = ++t;
                while (t < end && *t != '\'')
                    t++;
                if (t >= end)
                    return 0;
            } else {
                while (t < end && *t >= '0' && *t <= '9')
                    t++;
                if (t == from)
                    return 0;
            }
            if (*ncaps < LUA_CAPS)
                snprintf(caps[(*ncaps)++], LUA_CAP_LEN, "%.*s", (int)(t - from), from);
            if (pat[1] == 'q')
                t++; /* the closing apostrophe */
            pat += 2;
        } else {
            if (t >= end || *t != *pat)
                return 0;
            t++;
            pat++;
        }
    }
    return t == end;
}

/* body: what Lua said after "chunk:LINE: ". Appends the Russian message to out. */
static void lua_syntax_ru(SimBuf *out, const char *body)
{
    /* " near TOKEN" ends most messages: the token is kept, the words translated. */
    const char *near = NULL;
    for (const char *p = strstr(body, " near "); p; p = strstr(p + 1, " near "))
        near = p;
    size_t n = near ? (size_t)(near - body) : strlen(body);
    char caps[LUA_CAPS][LUA_CAP_LEN];
    int nc = 0;
    SimBuf core;
    simbuf_init(&core);
    size_t k = 0;
    for (; k < sizeof lua_phrases / sizeof lua_phrases[0]; k++)
        if (lua_phrase_match(lua_phrases[k].en, body, n, caps, &nc))
            break;
    if (k < sizeof lua_phrases / sizeof lua_phrases[0])
        simbuf_printf(&core, tr(lua_phrases[k].ru), caps[0], caps[1], caps[2]);
    else if (strncmp(body, "too many", 8) == 0 || strstr(body, "too long") ||
             strstr(body, "syntax levels"))
        simbuf_printf(&core, TRF(STR_LUA_TOO_COMPLEX), body);
    else
        simbuf_printf(&core, "%.*s", (int)n, body);
    SimBuf full;
    simbuf_init(&full);
    const char *tok = near ? near + 6 : NULL;
    if (tok && strcmp(tok, "<eof>") == 0) {
        simbuf_printf(&full, TRF(STR_LUA_NEAR_EOF), simbuf_str(&core));
    } else if (tok) {
        size_t tl = strlen(tok);
        int quoted = tl >= 2 && tok[0] == '\'' && tok[tl - 1] == '\''; /* 'x' → «x» */
        char shown[LUA_CAP_LEN];
        snprintf(shown, sizeof shown, "%.*s", (int)(quoted ? tl - 2 : tl), quoted ? tok + 1 : tok);
        simbuf_printf(&full, TRF(STR_LUA_NEAR), simbuf_str(&core), shown);
    } else {
        simbuf_puts(&full, simbuf_str(&core));
    }
    simbuf_printf(out, TRF(STR_LUA_SYNTAX), simbuf_str(&full));
    simbuf_free(&full);
    simbuf_free(&core);
}

/* A compile error as a message that names a line, in Russian: syntax errors carry one
 * ("chunk:LINE: …"); others (a binary chunk refused, no memory) are put on line 1 of the
 * chunk. */
static SimStatus load_error(SimError *err, const char *chunkname, const char *msg)
{
    if (!msg)
        msg = tr(STR_SCRIPT_LOAD_ERROR);
    const char *nl = strchr(msg, '\n');
    for (const char *c = strchr(msg, ':'); c && (!nl || c < nl); c = strchr(c + 1, ':')) {
        const char *d = c + 1;
        while (*d >= '0' && *d <= '9')
            d++;
        if (d > c + 1 && *d == ':') {
            SimBuf b;
            simbuf_init(&b);
            simbuf_printf(&b, "%.*s ", (int)(d + 1 - msg), msg);
            lua_syntax_ru(&b, d[1] == ' ' ? d + 2 : d + 1);
            SimStatus st = sim_error_set(err, SIM_ERR_SCRIPT, "%s", b.oom ? msg : simbuf_str(&b));
            simbuf_free(&b);
            return st;
        }
    }
    return sim_error_set(err, SIM_ERR_SCRIPT, "%s:1: %s", chunkname + 1, msg);
}

static int l_import(lua_State *L)
{
    Script *sc = self(L);
    const char *name = luaL_checkstring(L, 1);
    for (const char *p = name; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_' || *p == '-'))
            return luaL_error(L, tr(STR_SCRIPT_IMPORT_BAD_NAME), name);
    if (!*name || strlen(name) > 64)
        return luaL_error(L, "%s", tr(STR_SCRIPT_IMPORT_EMPTY_NAME));
    /* Cache: registry["mfc.imports"][name]. */
    lua_getfield(L, LUA_REGISTRYINDEX, "mfc.imports");
    if (lua_getfield(L, -1, name) != LUA_TNIL)
        return 1;
    lua_pop(L, 1);
    const Chunk *cached = NULL;
    for (size_t i = 0; sc->prog && i < sc->prog->import_count; i++)
        if (strcmp(sc->prog->imports[i].name, name) == 0)
            cached = &sc->prog->imports[i];
    if (cached) {
        if (luaL_loadbufferx(L, cached->code, cached->len, name, "b") != LUA_OK)
            return lua_error(L);
    } else {
        if (!sc->s || !sc->s->scripts_dir)
            return luaL_error(L, "%s", tr(STR_SCRIPT_IMPORT_NO_DIR));
        char file[512];
        snprintf(file, sizeof file, "%s/%s.lua", sc->s->scripts_dir, name);
        char *text = NULL;
        size_t len = 0;
        SimError e;
        if (sim_read_file(file, IMPORT_CAP, &text, &len, &e) != SIM_OK)
            return luaL_error(L, tr(STR_SCRIPT_IMPORT_UNREADABLE), name, file);
        char chunk[600];
        snprintf(chunk, sizeof chunk, "=%s", file);
        int rc = luaL_loadbufferx(L, text, len, chunk, "t");
        free(text);
        if (rc != LUA_OK) { /* a shared script's syntax error, worded like the scenario's */
            SimError e2;
            load_error(&e2, chunk, lua_tostring(L, -1));
            lua_pop(L, 1);
            lua_pushstring(L, e2.msg);
            return lua_error(L);
        }
        if (sc->prog)
            program_keep(sc->prog, L, name);
    }
    /* The helper runs in the scenario's sandbox environment (upvalue 2). */
    lua_pushvalue(L, lua_upvalueindex(2));
    lua_setupvalue(L, -2, 1);
    lua_call(L, 0, 1);
    if (lua_isnil(L, -1)) {
        lua_pop(L, 1);
        lua_pushboolean(L, 1);
    }
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, name);
    return 1;
}

/* ==== sim bindings ======================================================================== */

static int l_flag(lua_State *L)
{
    Script *sc = self(L);
    lua_pushboolean(L, sc->host.flag(sc->host.ud, luaL_checkstring(L, 1)));
    return 1;
}

static int l_took(lua_State *L)
{
    Script *sc = self(L);
    const char *id = luaL_checkstring(L, 1);
    char name[200];
    snprintf(name, sizeof name, "took:%s", id);
    lua_pushboolean(L, sc->host.flag(sc->host.ud, name));
    return 1;
}

static int l_mood(lua_State *L)
{
    Script *sc = self(L);
    lua_pushinteger(L, sc->host.mood(sc->host.ud));
    return 1;
}

static int l_minutes(lua_State *L)
{
    Script *sc = self(L);
    lua_pushnumber(L, sc->host.minutes(sc->host.ud));
    return 1;
}

static int l_step(lua_State *L)
{
    Script *sc = self(L);
    lua_pushstring(L, sc->host.step(sc->host.ud));
    return 1;
}

static int l_service(lua_State *L)
{
    Script *sc = self(L);
    const char *s = sc->host.service(sc->host.ud);
    if (s)
        lua_pushstring(L, s);
    else
        lua_pushnil(L);
    return 1;
}

static int l_seed(lua_State *L)
{
    /* The attempt seed as a string (64-bit values do not fit Lua floats exactly). */
    lua_pushvalue(L, lua_upvalueindex(2));
    return 1;
}

static int l_field(lua_State *L)
{
    Script *sc = self(L);
    const char *v = sc->host.field(sc->host.ud, luaL_checkstring(L, 1), luaL_checkstring(L, 2));
    if (v)
        lua_pushstring(L, v);
    else
        lua_pushnil(L);
    return 1;
}

static int l_applicant(lua_State *L)
{
    Script *sc = self(L);
    const char *key = luaL_checkstring(L, 1);
    const char *v = sc->host.applicant(sc->host.ud, key);
    if (!v) {
        lua_pushnil(L);
    } else if (strcmp(key, "age") == 0 || strcmp(key, "mood") == 0) {
        lua_pushinteger(L, atoi(v));
    } else {
        lua_pushstring(L, v);
    }
    return 1;
}

static int run_cmd(lua_State *L, const ScriptCmd *c)
{
    Script *sc = self(L);
    const char *e = sc->host.cmd(sc->host.ud, c);
    if (e)
        return luaL_error(L, "%s", e);
    return 0;
}

static int l_set(lua_State *L)
{
    ScriptCmd c = {SCMD_SET, luaL_checkstring(L, 1), NULL, NULL, 0, 0};
    return run_cmd(L, &c);
}

static int l_clear(lua_State *L)
{
    ScriptCmd c = {SCMD_CLEAR, luaL_checkstring(L, 1), NULL, NULL, 0, 0};
    return run_cmd(L, &c);
}

static int l_add_mood(lua_State *L)
{
    ScriptCmd c = {SCMD_MOOD, NULL, NULL, NULL, luaL_checkinteger(L, 1), 0};
    return run_cmd(L, &c);
}

static int l_add_minutes(lua_State *L)
{
    ScriptCmd c = {SCMD_MINUTES, NULL, NULL, NULL, 0, (double)luaL_checknumber(L, 1)};
    return run_cmd(L, &c);
}

static int l_score(lua_State *L)
{
    const char *crit = luaL_checkstring(L, 1);
    lua_Integer pts = luaL_checkinteger(L, 2);
    const char *fb = luaL_checkstring(L, 3);
    const char *rule = luaL_optstring(L, 4, NULL);
    ScriptCmd c = {SCMD_SCORE, crit, fb, rule, pts, 0};
    return run_cmd(L, &c);
}

static int l_critical(lua_State *L)
{
    ScriptCmd c = {SCMD_CRITICAL, NULL, luaL_checkstring(L, 1), luaL_checkstring(L, 2), 0, 0};
    return run_cmd(L, &c);
}

static int l_go(lua_State *L)
{
    ScriptCmd c = {SCMD_GO, luaL_checkstring(L, 1), NULL, NULL, 0, 0};
    return run_cmd(L, &c);
}

static int l_finish(lua_State *L)
{
    ScriptCmd c = {SCMD_FINISH, luaL_checkstring(L, 1), NULL, NULL, 0, 0};
    return run_cmd(L, &c);
}

static int l_set_field(lua_State *L)
{
    const char *doc = luaL_checkstring(L, 1);
    const char *field = luaL_checkstring(L, 2);
    const char *val = luaL_checkstring(L, 3);
    ScriptCmd c = {SCMD_SET_FIELD, doc, field, val, 0, 0};
    return run_cmd(L, &c);
}

static int l_set_applicant(lua_State *L)
{
    const char *key = luaL_checkstring(L, 1);
    const char *val = luaL_checkstring(L, 2);
    ScriptCmd c = {SCMD_SET_APPLICANT, key, val, NULL, 0, 0};
    return run_cmd(L, &c);
}

static int l_say(lua_State *L)
{
    ScriptCmd c = {SCMD_SAY, luaL_checkstring(L, 1), NULL, NULL, 0, 0};
    return run_cmd(L, &c);
}

static const luaL_Reg sim_funcs[] = {
    {"flag", l_flag},
    {"took", l_took},
    {"mood", l_mood},
    {"minutes", l_minutes},
    {"step", l_step},
    {"service", l_service},
    {"field", l_field},
    {"applicant", l_applicant},
    {"set", l_set},
    {"clear", l_clear},
    {"add_mood", l_add_mood},
    {"add_minutes", l_add_minutes},
    {"score", l_score},
    {"critical", l_critical},
    {"go", l_go},
    {"finish", l_finish},
    {"set_field", l_set_field},
    {"set_applicant", l_set_applicant},
    {"say", l_say},
    {NULL, NULL},
};

/* ==== building the sandbox ================================================================ */

static const char *const base_allow[] = {"assert",   "error",  "ipairs",       "next",
                                         "pairs",    "pcall",  "select",       "tonumber",
                                         "tostring", "type",   "xpcall",       "rawequal",
                                         "rawlen",   "rawget", "getmetatable", "_VERSION",
                                         NULL};

/* Copies the named fields of the table at src into a new table. */
static void copy_table(lua_State *L, int src, const char *const *names)
{
    src = lua_absindex(L, src);
    lua_createtable(L, 0, 24);
    for (size_t i = 0; names[i]; i++) {
        lua_getfield(L, src, names[i]);
        lua_setfield(L, -2, names[i]);
    }
}

/* Replaces env_table[name] with a C closure (Script, original function, name). */
static void wrap_field(lua_State *L, Script *sc, int table, const char *name, lua_CFunction f)
{
    table = lua_absindex(L, table);
    lua_pushlightuserdata(L, sc);
    lua_getfield(L, table, name);
    lua_pushstring(L, name);
    lua_pushcclosure(L, f, 3);
    lua_setfield(L, table, name);
}

/* Wraps each named field with timed_call. */
static void wrap_timed(lua_State *L, Script *sc, int table, const char *const *names)
{
    for (size_t i = 0; names[i]; i++)
        wrap_field(L, sc, table, names[i], timed_call);
}

static int open_sandbox(lua_State *L)
{
    Script *sc = lua_touserdata(L, 1);
    /* Open the allowed libraries into the (hidden) real globals, then copy what we allow. */
    luaL_requiref(L, LUA_GNAME, luaopen_base, 1);
    luaL_requiref(L, LUA_STRLIBNAME, luaopen_string, 1);
    luaL_requiref(L, LUA_TABLIBNAME, luaopen_table, 1);
    luaL_requiref(L, LUA_MATHLIBNAME, luaopen_math, 1);
    luaL_requiref(L, LUA_UTF8LIBNAME, luaopen_utf8, 1);
    luaL_requiref(L, LUA_COLIBNAME, luaopen_coroutine, 1);
    lua_settop(L, 2); /* 1: Script, 2: seed string */

    lua_pushglobaltable(L);
    int g = lua_gettop(L);
    copy_table(L, g, base_allow); /* env */
    int env = lua_gettop(L);
    lua_pushvalue(L, env);
    lua_setfield(L, env, "_G");

    lua_pushlightuserdata(L, sc);
    lua_pushcclosure(L, safe_print, 1);
    lua_setfield(L, env, "print");
    lua_pushcfunction(L, safe_setmetatable);
    lua_setfield(L, env, "setmetatable");
    lua_pushcfunction(L, ordered_pairs);
    lua_setfield(L, env, "pairs");
    lua_pushcfunction(L, safe_collectgarbage);
    lua_setfield(L, env, "collectgarbage");
    lua_pushcfunction(L, safe_xpcall);
    lua_setfield(L, env, "xpcall");
    static const char *const base_timed[] = {"tonumber", "tostring", NULL};
    wrap_timed(L, sc, env, base_timed);

    /* The library tables belong to this attempt's state alone and the real globals are out of
     * the script's reach, so they are trimmed and wrapped in place rather than copied. */
    lua_getfield(L, g, LUA_STRLIBNAME);
    int str = lua_gettop(L);
    lua_pushnil(L);
    lua_setfield(L, str, "dump");
    wrap_field(L, sc, str, "find", capped_pattern);
    wrap_field(L, sc, str, "match", capped_pattern);
    wrap_field(L, sc, str, "gmatch", capped_pattern);
    wrap_field(L, sc, str, "gsub", capped_pattern);
    wrap_field(L, sc, str, "rep", capped_rep);
    static const char *const str_timed[] = {"format", "upper", "lower", "reverse",
                                            "sub",    "byte",  "char",  NULL};
    wrap_timed(L, sc, str, str_timed);
    lua_setfield(L, env, LUA_STRLIBNAME);
    /* Method calls ("s:rep(n)") go through the string metatable, whose __index is this same
     * table; lock the metatable so scripts cannot reach or change it. */
    lua_pushliteral(L, "");
    if (lua_getmetatable(L, -1)) {
        lua_pushboolean(L, 0);
        lua_setfield(L, -2, "__metatable");
        lua_pop(L, 1);
    }
    lua_pop(L, 1);

    lua_getfield(L, g, LUA_TABLIBNAME);
    wrap_field(L, sc, -1, "concat", capped_concat);
    static const char *const tab_timed[] = {"sort", "unpack", NULL};
    wrap_timed(L, sc, -1, tab_timed);
    wrap_field(L, sc, -1, "move", capped_table);
    wrap_field(L, sc, -1, "insert", capped_table);
    wrap_field(L, sc, -1, "remove", capped_table);
    lua_setfield(L, env, LUA_TABLIBNAME);

    lua_getfield(L, g, LUA_MATHLIBNAME);
    lua_pushlightuserdata(L, sc);
    lua_pushcclosure(L, safe_random, 1);
    lua_setfield(L, -2, "random");
    lua_pushlightuserdata(L, sc);
    lua_pushcclosure(L, safe_randomseed, 1);
    lua_setfield(L, -2, "randomseed");
    lua_setfield(L, env, LUA_MATHLIBNAME);

    lua_getfield(L, g, LUA_UTF8LIBNAME);
    static const char *const utf8_timed[] = {"char", "len", "codepoint", "offset", NULL};
    wrap_timed(L, sc, -1, utf8_timed);
    lua_setfield(L, env, LUA_UTF8LIBNAME);
    lua_getfield(L, g, LUA_COLIBNAME);
    wrap_field(L, sc, -1, "close", guarded_close);
    lua_pushcfunction(L, safe_wrap);
    lua_setfield(L, -2, "wrap");
    lua_setfield(L, env, LUA_COLIBNAME);

    /* sim: bindings with the Script as upvalue 1 (seed string as upvalue 2 for sim.seed). */
    lua_newtable(L);
    lua_pushlightuserdata(L, sc);
    luaL_setfuncs(L, sim_funcs, 1);
    lua_pushlightuserdata(L, sc);
    lua_pushvalue(L, 2); /* seed string */
    lua_pushcclosure(L, l_seed, 2);
    lua_setfield(L, -2, "seed");
    lua_setfield(L, env, "sim");

    lua_newtable(L);
    lua_setfield(L, LUA_REGISTRYINDEX, "mfc.imports");
    lua_pushlightuserdata(L, sc);
    lua_pushvalue(L, env);
    lua_pushcclosure(L, l_import, 2);
    lua_setfield(L, env, "import");

    /* Drop everything from the real globals so nothing leaks through them either. */
    lua_pushvalue(L, env);
    lua_setfield(L, LUA_REGISTRYINDEX, "mfc.env");
    return 0;
}

static SimStatus sandbox_new(Script *sc, uint64_t seed, const ScriptLimits *limits, SimError *err)
{
    sc->mem_limit = limits && limits->memory ? limits->memory : SCRIPT_DEFAULT_MEMORY;
    sc->budget =
        limits && limits->instructions > 0 ? limits->instructions : SCRIPT_DEFAULT_INSTRUCTIONS;
    sc->time_budget = limits && limits->time_ms > 0 ? limits->time_ms : SCRIPT_DEFAULT_TIME_MS;
    simrng_seed(&sc->rng, seed);
    simbuf_init(&sc->log);
    if (limits && limits->snapshots) {
        /* Address space only (pages are touched as the state grows): the cap, twice over for
         * the power-of-two rounding, and the room to describe a failure. */
        size_t cap = 2 * sc->mem_limit + 2 * DESCRIBE_SLACK + POOL_CHUNK;
        void *m = mmap(NULL, cap, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (m == MAP_FAILED)
            return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_SCRIPT_NO_LUA));
        sc->arena.base = sc->arena.top = m;
        sc->arena.end = (char *)m + cap;
    }
    sc->L = lua_newstate(cap_alloc, sc);
    if (!sc->L)
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_SCRIPT_NO_LUA));
    /* Hook first, before any coroutine can exist. */
    lua_sethook(sc->L, budget_hook, LUA_MASKCOUNT, HOOK_EVERY);
    /* An attempt's state is short-lived and small: collect only when the heap has grown four
     * times (the memory cap still holds: on a failed allocation Lua runs a full emergency
     * collection before giving up). */
    lua_gc(sc->L, LUA_GCINC, 400, 0, 0);
    lua_pushcfunction(sc->L, open_sandbox);
    lua_pushlightuserdata(sc->L, sc);
    char seedstr[32];
    snprintf(seedstr, sizeof seedstr, "%llu", (unsigned long long)seed);
    lua_pushstring(sc->L, seedstr);
    if (protected_call(sc, 2, 0, err) != SIM_OK)
        return SIM_ERR_SCRIPT;
    return SIM_OK;
}

/* Loads text as a chunk in the sandbox env and runs it; leaves nres results. */
static SimStatus run_chunk(Script *sc, const char *text, size_t len, const char *chunkname,
                           const char *mode, int nres, SimError *err)
{
    lua_State *L = sc->L;
    int rc = luaL_loadbufferx(L, text, len, chunkname, mode);
    if (rc != LUA_OK) {
        load_error(err, chunkname, lua_tostring(L, -1));
        lua_pop(L, 1);
        return SIM_ERR_SCRIPT;
    }
    lua_getfield(L, LUA_REGISTRYINDEX, "mfc.env");
    lua_setupvalue(L, -2, 1);
    return protected_call(sc, 0, nres, err);
}

static SimStatus run_text(Script *sc, const char *text, size_t len, const char *chunkname, int nres,
                          SimError *err)
{
    return run_chunk(sc, text, len, chunkname, "t", nres, err);
}

SimStatus script_program_create(const Scenario *s, ScriptProgram **out, SimError *err)
{
    *out = NULL;
    ScriptProgram *p = calloc(1, sizeof *p);
    if (!p)
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    p->s = s;
    if (s->script) {
        /* Compile in a scratch state; only the compiler runs here, no script code. */
        lua_State *L = luaL_newstate();
        if (!L) {
            free(p);
            return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
        }
        SimBuf cn;
        simbuf_init(&cn);
        simbuf_printf(&cn, "=%s", s->script_name ? s->script_name : "script.lua");
        int rc = luaL_loadbufferx(L, s->script, s->script_len, simbuf_str(&cn), "t");
        if (rc != LUA_OK) {
            load_error(err, simbuf_str(&cn), lua_tostring(L, -1));
            simbuf_free(&cn);
            lua_close(L);
            free(p);
            return SIM_ERR_SCRIPT;
        }
        simbuf_free(&cn);
        int ok = dump_chunk(L, &p->main);
        lua_close(L);
        if (!ok) {
            free(p);
            return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
        }
    }
    *out = p;
    return SIM_OK;
}

void script_program_destroy(ScriptProgram *p)
{
    if (!p)
        return;
    free(p->main.code);
    for (size_t i = 0; i < p->import_count; i++) {
        free(p->imports[i].name);
        free(p->imports[i].code);
    }
    free(p->imports);
    free(p);
}

/* The part both ways of starting share: the handle and a fresh sandbox. */
static Script *script_new(const Scenario *s, ScriptProgram *prog, uint64_t seed,
                          const ScriptHost *host, const ScriptLimits *limits, SimError *err)
{
    Script *sc = calloc(1, sizeof *sc);
    if (!sc) {
        sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
        return NULL;
    }
    sc->s = s;
    sc->prog = prog;
    sc->host = *host;
    SimBuf cn;
    simbuf_init(&cn);
    simbuf_printf(&cn, "=%s", s->script_name ? s->script_name : "script.lua");
    sc->chunkname = simbuf_take(&cn);
    if (sandbox_new(sc, seed, limits, err) != SIM_OK) {
        script_destroy(sc);
        return NULL;
    }
    return sc;
}

SimStatus script_create_from(ScriptProgram *prog, uint64_t seed, const ScriptHost *host,
                             const ScriptLimits *limits, Script **out, SimError *err)
{
    *out = script_new(prog->s, prog, seed, host, limits, err);
    if (!*out)
        return err ? err->status : SIM_ERR_SCRIPT;
    if (prog->main.code && run_chunk(*out, prog->main.code, prog->main.len, (*out)->chunkname, "b",
                                     0, err) != SIM_OK) {
        script_destroy(*out);
        *out = NULL;
        return SIM_ERR_SCRIPT;
    }
    return SIM_OK;
}

SimStatus script_create(const Scenario *s, uint64_t seed, const ScriptHost *host,
                        const ScriptLimits *limits, Script **out, SimError *err)
{
    *out = script_new(s, NULL, seed, host, limits, err);
    if (!*out)
        return err ? err->status : SIM_ERR_SCRIPT;
    if (s->script &&
        run_text(*out, s->script, s->script_len, (*out)->chunkname, 0, err) != SIM_OK) {
        script_destroy(*out);
        *out = NULL;
        return SIM_ERR_SCRIPT;
    }
    return SIM_OK;
}

void script_destroy(Script *sc)
{
    if (!sc)
        return;
    if (sc->L)
        lua_close(sc->L);
    for (int i = 0; i < sc->spare_count; i++)
        free(sc->spare[i]);
    if (sc->arena.base) {
        munmap(sc->arena.base, (size_t)(sc->arena.end - sc->arena.base));
        memset(&sc->pool, 0, sizeof sc->pool); /* its chunks were in the arena */
    }
    pool_release(&sc->pool);
    simbuf_free(&sc->log);
    free((char *)sc->chunkname);
    free(sc);
}

/* Pushes env[hook] if it is a function; returns 0 (nothing pushed) otherwise. */
static int get_hook(Script *sc, const char *hook)
{
    lua_State *L = sc->L;
    lua_getfield(L, LUA_REGISTRYINDEX, "mfc.env");
    /* Raw: a metatable the script put on its globals must not run here, outside the budgets
     * and outside protected mode. */
    lua_pushstring(L, hook);
    lua_rawget(L, -2);
    lua_remove(L, -2);
    if (lua_isfunction(L, -1))
        return 1;
    lua_pop(L, 1);
    return 0;
}

static SimStatus call_hook(Script *sc, const char *hook, const char *arg, int nres, int *called,
                           SimError *err)
{
    *called = 0;
    if (!sc || !get_hook(sc, hook))
        return SIM_OK;
    *called = 1;
    /* available() only answers (the format says so: it is asked any number of times, by
     * every front end), so it leaves the state a snapshot can stand for unchanged. */
    if (strcmp(hook, "available") != 0)
        sc->hooks_run++;
    int nargs = 0;
    if (arg) {
        lua_pushstring(sc->L, arg);
        nargs = 1;
    }
    SimStatus st = protected_call(sc, nargs, nres, err);
    if (st != SIM_OK)
        *called = 0;
    return st;
}

SimStatus script_setup(Script *sc, SimError *err)
{
    int called;
    return call_hook(sc, "setup", NULL, 0, &called, err);
}

SimStatus script_available(Script *sc, const char *action_id, int *offered, SimError *err)
{
    int called;
    SimStatus st = call_hook(sc, "available", action_id, 1, &called, err);
    if (st != SIM_OK || !called)
        return st;
    if (!lua_isnil(sc->L, -1))
        *offered = lua_toboolean(sc->L, -1);
    lua_pop(sc->L, 1);
    return SIM_OK;
}

SimStatus script_on_action(Script *sc, const char *action_id, SimError *err)
{
    int called;
    return call_hook(sc, "on_action", action_id, 0, &called, err);
}

static SimStatus string_result(Script *sc, const char *hook, const char *arg, char **out,
                               SimError *err)
{
    *out = NULL;
    int called;
    SimStatus st = call_hook(sc, hook, arg, 1, &called, err);
    if (st != SIM_OK || !called)
        return st;
    if (lua_type(sc->L, -1) == LUA_TSTRING)
        *out = sim_strdup(lua_tostring(sc->L, -1));
    else if (!lua_isnil(sc->L, -1))
        st = sim_error_set(err, SIM_ERR_SCRIPT, TRF(STR_SCRIPT_HOOK_RETURNS_STRING),
                           sc->chunkname + 1, hook);
    lua_pop(sc->L, 1);
    return st;
}

SimStatus script_on_enter(Script *sc, const char *step_id, char **line, SimError *err)
{
    return string_result(sc, "on_enter", step_id, line, err);
}

SimStatus script_ending(Script *sc, const char *ending_id, char **ending, SimError *err)
{
    return string_result(sc, "ending", ending_id, ending, err);
}

const char *script_log(const Script *sc)
{
    return sc ? simbuf_str(&sc->log) : "";
}

size_t script_memory(const Script *sc)
{
    return sc ? sc->mem_used : 0;
}

/* ==== snapshots =========================================================================== */

int script_snapshots_on(const Script *sc)
{
    return sc && sc->arena.base;
}

/* Fills sn's spans: [0, top) less the insides of the larger free blocks (and of the pool's
 * unused bump room), which no state depends on. Returns the bytes to copy. */
static size_t snapshot_spans(const Script *sc, ScriptSnapshot *sn)
{
    enum { KEEP = 16, MAXSKIP = SNAP_MAX_SPANS - 1 };
    size_t skip[MAXSKIP][2], ns = 0;
    const Arena *a = &sc->arena;
    for (int k = 10; k < ARENA_CLASSES && ns < MAXSKIP; k++) /* 1 KiB and up */
        for (char *b = a->free_list[k]; b && ns < MAXSKIP; b = *(char **)b) {
            size_t at = (size_t)(b - a->base) + KEEP,
                   end = (size_t)(b - a->base) + ((size_t)1 << k);
            size_t i = ns++;
            while (i > 0 && skip[i - 1][0] > at) { /* kept in address order */
                skip[i][0] = skip[i - 1][0];
                skip[i][1] = skip[i - 1][1];
                i--;
            }
            skip[i][0] = at;
            skip[i][1] = end;
        }
    size_t top = (size_t)(a->top - a->base), pos = 0, total = 0;
    sn->nspan = 0;
    for (size_t i = 0; i <= ns; i++) {
        size_t end = i < ns ? skip[i][0] : top;
        if (end > pos) {
            sn->span[sn->nspan][0] = (uint32_t)pos;
            sn->span[sn->nspan][1] = (uint32_t)(end - pos);
            sn->nspan++;
            total += end - pos;
        }
        if (i < ns && skip[i][1] > pos)
            pos = skip[i][1];
    }
    return total;
}

SimStatus script_snapshot_save(Script *sc, ScriptSnapshot **out, SimError *err)
{
    *out = NULL;
    if (!sc->arena.base)
        return sim_error_set(err, SIM_ERR_INVALID, "%s", tr(STR_SCRIPT_SNAPSHOTS_OFF));
    if (sc->snap_serial == 0) {
        /* From the first snapshot on the collector stays off: every state is soon put back
         * to a snapshot anyway, and a collection would write to every object (marks), so the
         * copies could never be skipped. The garbage of setup goes first. */
        lua_gc(sc->L, LUA_GCCOLLECT);
        lua_gc(sc->L, LUA_GCSTOP);
    }
    ScriptSnapshot *sn = calloc(1, sizeof *sn);
    size_t len = sn ? snapshot_spans(sc, sn) : 0;
    if (sn && sc->spare_count && sc->spare_cap[sc->spare_count - 1] >= len) {
        sc->spare_count--;
        sn->data = sc->spare[sc->spare_count];
        sn->cap = sc->spare_cap[sc->spare_count];
    } else if (sn) {
        sn->cap = (len + 16383) & ~(size_t)16383; /* room to grow a little, for reuse */
        sn->data = malloc(sn->cap ? sn->cap : 1);
    }
    if (!sn || !sn->data) {
        free(sn);
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    }
    sn->owner = sc;
    for (int i = 0, at = 0; i < sn->nspan; i++) {
        memcpy(sn->data + at, sc->arena.base + sn->span[i][0], sn->span[i][1]);
        at += (int)sn->span[i][1];
    }
    sn->len = len;
    sn->arena = sc->arena;
    sn->pool = sc->pool;
    sn->mem_used = sc->mem_used;
    sn->rng = sc->rng;
    sn->log_len = sc->log.len;
    sn->serial = ++sc->snap_serial;
    sc->snap_current = sn->serial;
    sc->hooks_run = 0;
    *out = sn;
    return SIM_OK;
}

void script_snapshot_load(Script *sc, const ScriptSnapshot *sn)
{
    if (!sc->arena.base || sn->arena.base != sc->arena.base)
        return;
    if (sc->hooks_run == 0 && sc->snap_current == sn->serial &&
        sc->mem_used < sn->mem_used + SNAPSHOT_GARBAGE)
        return; /* nothing that changes it ran since: the state is already this one (with
                   some garbage, which a copy clears once there is enough of it) */
    for (int i = 0, at = 0; i < sn->nspan; i++) {
        memcpy(sc->arena.base + sn->span[i][0], sn->data + at, sn->span[i][1]);
        at += (int)sn->span[i][1];
    }
    sc->arena = sn->arena;
    sc->pool = sn->pool;
    sc->mem_used = sn->mem_used;
    sc->rng = sn->rng;
    if (sc->log.len > sn->log_len) {
        sc->log.len = sn->log_len;
        sc->log.data[sc->log.len] = '\0';
    }
    sc->snap_current = sn->serial;
    sc->hooks_run = 0;
}

size_t script_snapshot_size(const ScriptSnapshot *sn)
{
    return sn ? sn->len : 0;
}

void script_snapshot_free(ScriptSnapshot *sn)
{
    if (!sn)
        return;
    Script *sc = sn->owner;
    if (sc && sc->spare_count < SPARE_BUFFERS) {
        sc->spare[sc->spare_count] = sn->data;
        sc->spare_cap[sc->spare_count++] = sn->cap;
    } else {
        free(sn->data);
    }
    free(sn);
}

/* ==== standalone evaluation (tests) ======================================================= */

static int null_flag(void *ud, const char *n)
{
    return 0;
}
static int null_mood(void *ud)
{
    return 50;
}
static double null_minutes(void *ud)
{
    return 0;
}
static const char *null_str(void *ud)
{
    return "";
}
static const char *null_service(void *ud)
{
    return NULL;
}
static const char *null_field(void *ud, const char *d, const char *f)
{
    return NULL;
}
static const char *null_applicant(void *ud, const char *k)
{
    return NULL;
}
static const char *null_cmd(void *ud, const ScriptCmd *c)
{
    return NULL;
}

SimStatus script_eval(const char *code, const ScriptLimits *limits, char **result, SimError *err)
{
    *result = NULL;
    Script *sc = calloc(1, sizeof *sc);
    if (!sc)
        return sim_error_set(err, SIM_ERR_NOMEM, "%s", tr(STR_NOMEM));
    ScriptHost h = {NULL,         null_flag,  null_mood,      null_minutes, null_str,
                    null_service, null_field, null_applicant, null_cmd};
    sc->host = h;
    sc->chunkname = sim_strdup("=eval.lua");
    SimStatus st = sandbox_new(sc, 1, limits, err);
    if (st == SIM_OK)
        st = run_text(sc, code, strlen(code), sc->chunkname, 1, err);
    if (st == SIM_OK) {
        /* Outside protected mode: no __tostring here, only plain values. */
        int t = lua_type(sc->L, -1);
        size_t len = 0;
        const char *s = t == LUA_TSTRING || t == LUA_TNUMBER || t == LUA_TBOOLEAN || t == LUA_TNIL
                            ? luaL_tolstring(sc->L, -1, &len)
                            : (len = strlen(luaL_typename(sc->L, -1)), luaL_typename(sc->L, -1));
        *result = sim_strndup(s, len);
        lua_settop(sc->L, 0);
    }
    script_destroy(sc);
    return st;
}
