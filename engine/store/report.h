/*
 * report.h — the manager's report: figures over the results database as plain structs.
 *
 * Owns: the definitions of every figure the manager sees (the `report` command prints them,
 * the manager area shows the same): per trainee, per scenario, per criterion, one trainee's
 * history, the score distribution and the trend over time, under one filter (trainee,
 * scenario, date range). Nothing here prints.
 *
 * What counts:
 *   - only attempts of a trainee profile (guest attempts, trainee_id NULL, never reach
 *     reports);
 *   - "attempts", scores, pass rates, criteria, mistakes, the histogram and the trend use
 *     finished attempts only (finished = 1); unfinished ones are counted separately
 *     (`unfinished`) and appear in a trainee's history and last activity;
 *   - dates filter on attempts.started_at (UTC), both ends inclusive.
 *
 * How: one pass over the matching attempts rows (through the index that fits the filter),
 * then their attempt_criteria and attempt_mistakes rows — looked up per attempt when few
 * attempts match, read in one sequential pass when many do — aggregated in memory, so the
 * cost is linear in the rows read, without joins in SQL.
 * Depends on: store (the connection), core.
 */
#ifndef SIM_REPORT_H
#define SIM_REPORT_H

#include "store.h"

#define REPORT_BUCKETS      10 /* score distribution: 0–9, 10–19, …, 90–100 */
#define REPORT_TOP_MISTAKES 5  /* most frequent mistakes kept per scenario */
#define REPORT_MAX_CRITERIA 64 /* distinct criterion ids over all scenarios */

typedef struct ReportFilter {
    const char *trainee;  /* personnel number; NULL: every trainee */
    const char *scenario; /* scenario id; NULL: every scenario */
    const char *since;    /* "YYYY-MM-DD", inclusive; NULL: from the start */
    const char *until;    /* "YYYY-MM-DD", inclusive; NULL: up to now */
} ReportFilter;

/* One criterion's averages over the finished attempts that scored it (max > 0). */
typedef struct ReportCriterion {
    const char *id, *title;
    long long n;      /* attempts that scored it */
    double avg_score; /* average points earned */
    double avg_max;   /* average points possible */
    double ratio;     /* average of score/max over those attempts, 0..1 */
} ReportCriterion;

/* A mistake (an action the ledger marked as wrong, a missed problem or the time overrun) of
 * one scenario. */
typedef struct ReportMistake {
    const char *action;         /* action id: "refuse-invalid", "missed:DOC.FIELD", "@time" */
    const char *text;           /* the action in words, as the attempt's result JSON stored it
                                   (session_mistake_text); NULL for attempts recorded before
                                   results carried it: the caller words it from the scenario */
    const char *kind;           /* of its first ledger row: points, critical, missed, time */
    const char *criterion;      /* NULL for a critical error */
    const char *feedback;       /* the explanation the trainee got (latest wording) */
    const char *rule_id, *rule; /* the rule it broke; NULL when none */
    long long count;            /* finished attempts in which it happened */
    long long critical;         /* of those, attempts in which it was a critical error */
} ReportMistake;

typedef struct ReportTrainee {
    long long id;
    const char *personnel, *surname, *name;
    const char *patronymic, *office; /* "" when none (schema 6) */
    long long attempts;              /* finished */
    long long unfinished;
    long long passed;                       /* finished and passed (training or exam) */
    long long exams;                        /* finished exam attempts */
    long long exams_passed;                 /* exam attempts passed */
    double avg_total;                       /* average total of finished attempts; -1 when none */
    const char *weakest_id, *weakest_title; /* lowest average score/max; NULL when none */
    double weakest_ratio;                   /* 0..1; -1 when none */
    char last_activity[24]; /* started_at of the latest attempt (any), "" when none */
} ReportTrainee;

typedef struct ReportScenario {
    const char *id, *title; /* title: the latest recorded one, or the id */
    long long attempts, unfinished, passed, exams, exams_passed;
    double pass_rate; /* passed / attempts, 0..1; 0 when no attempt */
    double avg_total; /* -1 when no finished attempt */
    ReportCriterion *criteria;
    size_t criterion_count;
    ReportMistake *mistakes; /* most frequent first (ties: by action id) */
    size_t mistake_count;    /* at most REPORT_TOP_MISTAKES */
    size_t mistake_kinds;    /* distinct mistakes in all */
} ReportScenario;

typedef struct ReportAttempt { /* one row of a trainee's history */
    const char *id; /* attempts.id: what `graph --attempt`, `verify` and xAPI name it by */
    char started_at[24];
    const char *scenario, *scenario_title;
    int exam, finished, passed;
    int total;           /* -1 when unfinished */
    const char *outcome; /* accepted, refused, …, unfinished */
} ReportAttempt;

typedef struct ReportTrendPoint {
    char period[11]; /* "YYYY-MM-DD": the day, or the Monday of the week */
    long day;        /* the same as days since 1970-01-01 */
    long long attempts, passed;
    double avg_total;
} ReportTrendPoint;

typedef struct Report {
    /* The filter as applied (copies). */
    const char *trainee, *scenario, *since, *until;
    /* Totals over everything the filter selects. */
    long long attempts, unfinished, passed, exams, exams_passed;
    long long active_trainees;   /* trainees with at least one attempt (any) */
    double pass_rate, avg_total; /* avg_total -1 when none */
    char first[24], last[24];    /* started_at of the earliest and latest attempt (any) */
    /* Every trainee profile (only the filtered one with --trainee), by surname, name,
     * personnel number; those without attempts in the range have zeros. */
    ReportTrainee *trainees;
    size_t trainee_count;
    int has_offices; /* some trainee has an office (a region's report): show the column */
    /* Scenarios that have attempts in the range, by id. */
    ReportScenario *scenarios;
    size_t scenario_count;
    /* Criteria over all selected attempts, in the order scenarios list them. */
    ReportCriterion *criteria;
    size_t criterion_count;
    /* The filtered trainee's attempts, oldest first (only when filtering by trainee). */
    ReportAttempt *history;
    size_t history_count;
    /* Finished attempts per 10-point bucket of the total (the last one is 90–100). */
    long long histogram[REPORT_BUCKETS];
    /* Average total per day, or per week (Monday) when the range spans over 60 days. */
    ReportTrendPoint *trend;
    size_t trend_count;
    int trend_weekly;
    /* The results chain's head when the report was built (hex; "" when the journal is empty):
     * a report that has left the PC catches a database rolled back to an older copy
     * (`mfc-trainer verify --expect-head`). */
    char chain_head[65];
    void *arena_; /* strings and arrays above; internal */
} Report;

/* Builds the report. A personnel number that is not in the database is refused
 * (SIM_ERR_INVALID with a message); dates must pass report_date_valid. Caller frees with
 * report_free. */
SimStatus report_build(Store *st, const ReportFilter *f, Report **out, SimError *err);
void report_free(Report *r);
/* 1 (default): the report over everything reads the running summaries; 0: every attempt, as
 * filtered reports do. Tests compare both; nothing else needs to change it. */
extern int report_use_summaries;

/* ---- a Report filled from figures computed elsewhere (the region's centre, issue #12) ----
 * The centre aggregates in SQL and hands the sums here, so the Report (its arena, the order of
 * criteria, the top mistakes, the trend's day/week switch, each trainee's weakest criterion)
 * is assembled by the same code as a local report's. Call order: report_builder_criterion for
 * every criterion over the selection first (it fixes the set), then scenarios, trainees, their
 * criteria, mistakes, days and buckets, in any order (trainees are listed in a local report's
 * order: surname, name, personnel number, office, compared as bytes). Strings are
 * copied. No history: a trainee's report is built from that trainee's attempts
 * (report_build over them). Every add returns 1, or 0 when out of memory
 * (report_builder_finish then says so). */
typedef struct ReportBuilder ReportBuilder;

typedef struct ReportCounts {
    long long finished;                    /* finished attempts with a total */
    long long unfinished;                  /* the others */
    long long passed, exams, exams_passed; /* of the finished ones */
    long long sum_total;                   /* their totals (each clamped to 0..100) */
} ReportCounts;

/* Sums of one criterion over the finished attempts that scored it (max > 0): score clamped to
 * 0..max, ratio_sum the sum of score/max. */
typedef struct ReportCritSums {
    long long n, score_sum, max_sum;
    double ratio_sum;
} ReportCritSums;

/* Caller frees with report_builder_finish (or report_builder_destroy when giving up). */
SimStatus report_builder_create(const ReportFilter *f, ReportBuilder **out, SimError *err);
void report_builder_destroy(ReportBuilder *b);
/* A criterion of the selection; min_pos: its earliest place inside an attempt. */
int report_builder_criterion(ReportBuilder *b, const char *id, const char *title, int min_pos,
                             const ReportCritSums *s);
/* A scenario with attempts in the selection; title NULL or "": the id. */
int report_builder_scenario(ReportBuilder *b, const char *id, const char *title,
                            const ReportCounts *c);
int report_builder_scenario_criterion(ReportBuilder *b, const char *scenario, const char *criterion,
                                      const char *title, const ReportCritSums *s);
/* A trainee profile (with zeros when it has no attempts): its counts add to the totals; first
 * and last are the started_at of its earliest and latest attempt (NULL when none). */
int report_builder_trainee(ReportBuilder *b, long long id, const char *personnel,
                           const char *surname, const char *name, const char *patronymic,
                           const char *office, const ReportCounts *c, const char *first,
                           const char *last);
int report_builder_trainee_criterion(ReportBuilder *b, long long trainee, const char *criterion,
                                     const ReportCritSums *s);
/* A mistake of a scenario: action, count and critical are used, and the wording fields (text
 * may be NULL: the caller words it from the scenario). */
int report_builder_mistake(ReportBuilder *b, const char *scenario, const ReportMistake *m);
/* Finished attempts started on day ("YYYY-MM-DD"). */
int report_builder_day(ReportBuilder *b, const char *day, long long attempts, long long passed,
                       long long sum_total);
/* Finished attempts in bucket k of the score distribution. */
void report_builder_bucket(ReportBuilder *b, int k, long long n);
/* Assembles the Report and frees the builder (also on failure). Caller frees with
 * report_free. */
SimStatus report_builder_finish(ReportBuilder *b, Report **out, SimError *err);

/* 1 when s is a real calendar date written as YYYY-MM-DD. */
int report_date_valid(const char *s);

#endif /* SIM_REPORT_H */
