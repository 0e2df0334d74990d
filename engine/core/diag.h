/*
 * diag.h — a list of diagnostics (errors and warnings) about input files.
 *
 * Owns: SimDiags, the collected problems of one load or check, each with the file, a
 * 1-based line and column, a JSON path and a message. Loaders report every problem they find
 * here instead of stopping at the first; the host decides how to show them.
 * Depends on: core.h.
 */
#ifndef SIM_DIAG_H
#define SIM_DIAG_H

#include <stddef.h>

typedef enum SimSeverity { SIM_SEV_ERROR = 0, SIM_SEV_WARNING = 1 } SimSeverity;

typedef struct SimDiag {
    SimSeverity severity;
    char *file;    /* owned */
    int line, col; /* 1-based; 0 when unknown */
    char *path;    /* owned; JSON path such as steps.greet.actions[2].next, or "" */
    char *message; /* owned */
} SimDiag;

typedef struct SimDiags {
    SimDiag *items; /* owned */
    size_t count, cap;
    size_t errors, warnings;
    size_t limit; /* stop recording after this many (0 = 1000); counts still grow */
} SimDiags;

void simdiags_init(SimDiags *d);
void simdiags_free(SimDiags *d);
void simdiags_add(SimDiags *d, SimSeverity sev, const char *file, int line, int col,
                  const char *path, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
/* Formats one diagnostic as "FILE:LINE:COL: error: PATH: MESSAGE" (no newline); caller frees. */
char *simdiag_format(const SimDiag *d);
/* Appends every diagnostic of src to dst. */
void simdiags_merge(SimDiags *dst, const SimDiags *src);

#endif /* SIM_DIAG_H */
