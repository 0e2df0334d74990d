/*
 * shift.h — the «Смена» mode without the drawing: which applicants come in a shift (chosen
 * from a seed), the queue of tickets that grows on the simulated clock, and the shift's totals.
 *
 * Owns: Shift, a plain struct (no allocation). Every applicant is a normal attempt with its own
 * seed; the window plays them one by one and reports each result here. The shift clock is the
 * sum of the simulated minutes at the window (plus a minute to call the next ticket), so the
 * same seed and the same actions give the same queue — nothing depends on the wall clock.
 * No SDL here: tests/unit/test_shift.c checks it headless.
 * Depends on: core.
 */
#ifndef SIM_SHIFT_H
#define SIM_SHIFT_H

#include <stddef.h>
#include <stdint.h>

#include "../core/core.h"

#define SHIFT_MIN          4
#define SHIFT_MAX          6
#define SHIFT_TICKETS      64       /* tickets taken during the day: ours first, then the rest */
#define SHIFT_OPENS        (9 * 60) /* minutes since midnight when the shift opens */
#define SHIFT_CALL_MINUTES 1.0      /* calling the next ticket and the walk to the window */

/* What the plan needs to know about each scenario it may choose. */
typedef struct ShiftCandidate {
    int difficulty;     /* 1..5 */
    const char *ticket; /* the scenario's own ticket ("П-023"): its letter is kept */
} ShiftCandidate;

typedef enum ShiftState {
    SHIFT_WAITING = 0, /* in the queue or at the window */
    SHIFT_SERVED,      /* the attempt ended with an ending */
    SHIFT_INTERRUPTED  /* the trainee left the attempt unfinished (the shift ended there) */
} ShiftState;

/* One applicant of the shift. The strings are copies (the attempt may be gone). */
typedef struct ShiftEntry {
    int scen;        /* index into the candidates */
    uint64_t seed;   /* the attempt's seed */
    char ticket[24]; /* "П-031" */
    double arrive;   /* shift minutes when the ticket was taken */
    double called;   /* shift minutes when called to the window; < 0 until then */
    ShiftState state;
    int total, passed, critical;
    double minutes, norm; /* time at the window and its norm */
    char applicant[160], service[200], outcome[200];
} ShiftEntry;

typedef struct Shift {
    uint64_t seed;
    int count; /* 0 when no shift is planned */
    ShiftEntry e[SHIFT_MAX];
    double arrivals[SHIFT_TICKETS]; /* ascending; e[i].arrive == arrivals[i] */
    int cur;      /* the applicant at (or next to) the window; count when the shift is over */
    double clock; /* shift minutes when the current applicant was called (or the shift ended) */
    int ended;    /* 1 after the last applicant or an interruption */
} Shift;

/* What one finished or interrupted applicant brought. */
typedef struct ShiftResult {
    int finished; /* 1: an ending was reached; 0: interrupted */
    int total, passed, critical;
    double minutes, norm;
    const char *applicant, *service, *outcome; /* copied */
} ShiftResult;

typedef struct ShiftTotals {
    int planned, served, passed, critical, queue_left;
    double avg_total; /* over the served applicants; 0 when none */
    double over_norm; /* minutes over the norm, summed */
    double minutes;   /* the shift's length so far */
    int verdict;      /* ShiftVerdict */
} ShiftTotals;

typedef enum ShiftVerdict {
    SHIFT_EXCELLENT = 0, /* everyone served and passed, no critical errors, within the norms */
    SHIFT_GOOD,          /* everyone served, two thirds passed, no critical errors */
    SHIFT_WEAK,          /* everyone served, but too many failed or a critical error */
    SHIFT_CUT_SHORT      /* the trainee left before the last applicant */
} ShiftVerdict;

/* Plans a shift of SHIFT_MIN..SHIFT_MAX applicants from n candidates and the seed: different
 * scenarios while there are enough (never the same one twice in a row when n > 1), the easiest
 * first, then difficulties mixed; every attempt gets its own seed and the scenario's own ticket
 * (a later number of the same letter when a scenario comes again); visitors arrive from before
 * the opening on, a new one every 3–8 simulated minutes. Returns the count (0 when n == 0). */
int shift_plan(Shift *sh, const ShiftCandidate *c, size_t n, uint64_t seed);
/* Calls the current applicant to the window; returns the shift minutes at that moment (the
 * trainee may have to wait for the ticket to arrive). */
double shift_call(Shift *sh);
/* Visitors waiting in the hall while the current applicant has spent at_window minutes at the
 * window (not counting them). */
int shift_queue(const Shift *sh, double at_window);
/* The tickets taken by the moment at_window (for "a new ticket arrived" notices). */
int shift_tickets_taken(const Shift *sh, double at_window);
/* Records the current applicant's result and moves on; the shift ends after the last one or
 * with an interrupted one. */
void shift_finish(Shift *sh, const ShiftResult *r);
void shift_totals(const Shift *sh, ShiftTotals *t);

#endif /* SIM_SHIFT_H */
