/*
 * validate.h — graph checks and criterion maxima over a parsed scenario (internal).
 * Depends on: scenario.h, jsonscan.h.
 */
#ifndef SIM_VALIDATE_H
#define SIM_VALIDATE_H

#include "jsonscan.h"
#include "scenario.h"

typedef struct ValidateCtx {
    const char *file;
    SimDiags *diags;
    const JsonPosMap *pos;
    size_t errors;
} ValidateCtx;

/* Unreachable steps and endings, flags tested but never set, endings without debrief. */
void scenario_validate_graph(Scenario *s, ValidateCtx *vc);
/* Fills s->crit_max[c] for every criterion still at -1: the best the criterion can earn on one
 * path through the graph plus every planted problem and the best service choice. */
void scenario_compute_max(Scenario *s, ValidateCtx *vc);

#endif /* SIM_VALIDATE_H */
