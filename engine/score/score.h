/*
 * score.h — the score ledger of one attempt and the pure computation of its result.
 *
 * Owns: ScoreLedger (every point change with its action, criterion, feedback and rule, in
 * order; critical errors; missed planted problems) and ScoreReport (per-criterion score
 * against the maximum reachable, the weighted 0–100 total, pass or fail).
 * No I/O, no clock: the same ledger always gives the same report.
 * Depends on: core, scenario.
 */
#ifndef SIM_SCORE_H
#define SIM_SCORE_H

#include "../scenario/scenario.h"

typedef enum LedgerKind {
    LEDGER_POINTS = 0, /* an ordinary point change (positive or negative) */
    LEDGER_CRITICAL,   /* a critical error: fails the attempt whatever the total */
    LEDGER_MISSED,     /* a planted problem never flagged (points 0, shown as a mistake) */
    LEDGER_TIME        /* the time-norm penalty computed at the end */
} LedgerKind;

typedef struct LedgerEntry {
    LedgerKind kind;
    char *action;  /* owned: the action id that caused it ("flag:…", "service:…", "@end") */
    int criterion; /* index into Scenario.criteria, or -1 for critical errors */
    int points;
    char *feedback;   /* owned */
    const Rule *rule; /* borrowed from the catalogue; may be NULL */
    double minutes;   /* simulated clock when it happened */
} LedgerEntry;

typedef struct ScoreLedger {
    LedgerEntry *entries; /* owned */
    size_t count, cap;
} ScoreLedger;

void ledger_init(ScoreLedger *l);
void ledger_free(ScoreLedger *l);
/* Copies action and feedback. Returns 0 on OOM (the entry is dropped). */
int ledger_add(ScoreLedger *l, LedgerKind kind, const char *action, int criterion, int points,
               const char *feedback, const Rule *rule, double minutes);
/* 1 when the entry is a mistake: negative points, critical, or a missed problem. */
int ledger_is_mistake(const LedgerEntry *e);

typedef struct CriterionResult {
    int raw;   /* sum of the ledger's points for the criterion */
    int score; /* raw clamped to [0, max] */
    int max;   /* the maximum reachable (Scenario.crit_max) */
} CriterionResult;

typedef struct ScoreReport {
    int total;              /* weighted 0–100 */
    int passed;             /* total >= pass mark, no critical error and every floor met */
    unsigned floors_missed; /* bit c: criterion c is below its floor (Scenario.floors) */
    size_t critical_count;
    size_t mistake_count;
    CriterionResult crit[SCENARIO_MAX_CRITERIA];
} ScoreReport;

void score_compute(const Scenario *s, const ScoreLedger *l, ScoreReport *out);
/* The same from the points per criterion and the count of critical errors alone
 * (mistake_count stays 0): what exploration keeps of an attempt. */
void score_compute_sums(const Scenario *s, const int *sums, size_t critical, ScoreReport *out);
/* Only the total (and, when passed is not NULL, the pass): the same arithmetic, nothing else. */
int score_total_sums(const Scenario *s, const int *sums, size_t critical, int *passed);
/* The criteria below their floor, as bits (see ScoreReport.floors_missed). */
unsigned score_floors_missed(const Scenario *s, const int *sums);

#endif /* SIM_SCORE_H */
