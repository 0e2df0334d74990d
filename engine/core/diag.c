/*
 * diag.c — the diagnostics list (see diag.h).
 */
#include "diag.h"
#include "core.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void simdiags_init(SimDiags *d)
{
    memset(d, 0, sizeof *d);
}

void simdiags_free(SimDiags *d)
{
    for (size_t i = 0; i < d->count; i++) {
        free(d->items[i].file);
        free(d->items[i].path);
        free(d->items[i].message);
    }
    free(d->items);
    simdiags_init(d);
}

static void simdiags_push(SimDiags *d, SimSeverity sev, const char *file, int line, int col,
                          const char *path, char *message)
{
    if (sev == SIM_SEV_ERROR)
        d->errors++;
    else
        d->warnings++;
    size_t limit = d->limit ? d->limit : 1000;
    if (d->count >= limit || !message) {
        free(message);
        return;
    }
    if (d->count == d->cap) {
        size_t cap = d->cap ? d->cap * 2 : 16;
        SimDiag *p = realloc(d->items, cap * sizeof *p);
        if (!p) {
            free(message);
            return;
        }
        d->items = p;
        d->cap = cap;
    }
    SimDiag *it = &d->items[d->count++];
    it->severity = sev;
    it->file = sim_strdup(file ? file : "");
    it->line = line;
    it->col = col;
    it->path = sim_strdup(path ? path : "");
    it->message = message;
}

void simdiags_add(SimDiags *d, SimSeverity sev, const char *file, int line, int col,
                  const char *path, const char *fmt, ...)
{
    SimBuf b;
    simbuf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    simbuf_vprintf(&b, fmt, ap);
    va_end(ap);
    simdiags_push(d, sev, file, line, col, path, simbuf_take(&b));
}

char *simdiag_format(const SimDiag *d)
{
    SimBuf b;
    simbuf_init(&b);
    simbuf_printf(&b, "%s:%d:%d: %s: ", d->file, d->line > 0 ? d->line : 1, d->col > 0 ? d->col : 1,
                  d->severity == SIM_SEV_ERROR ? "error" : "warning");
    if (d->path && d->path[0])
        simbuf_printf(&b, "%s: ", d->path);
    simbuf_puts(&b, d->message);
    return simbuf_take(&b);
}

void simdiags_merge(SimDiags *dst, const SimDiags *src)
{
    for (size_t i = 0; i < src->count; i++) {
        const SimDiag *s = &src->items[i];
        simdiags_push(dst, s->severity, s->file, s->line, s->col, s->path, sim_strdup(s->message));
    }
    /* Diagnostics that src dropped past its limit still count. */
    size_t dropped_e = src->errors, dropped_w = src->warnings;
    for (size_t i = 0; i < src->count; i++) {
        if (src->items[i].severity == SIM_SEV_ERROR)
            dropped_e--;
        else
            dropped_w--;
    }
    dst->errors += dropped_e;
    dst->warnings += dropped_w;
}
