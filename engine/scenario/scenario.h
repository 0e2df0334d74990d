/*
 * scenario.h — the immutable data model of a scenario and its loader.
 *
 * Owns: Scenario (metadata, applicant, documents with planted problems and traps, office
 * services, the graph of steps and actions, endings, the scoring rubric), the rules catalogue
 * (scenarios/data/rules.json), discovery of scenario folders, and reading saved attempts.
 * Loading goes through a strict JSON pass (positions, UTF-8, duplicate keys), then cJSON,
 * then validation that reports every problem with FILE:LINE:COL and the JSON path.
 * cJSON enters the program only through this module.
 *
 * A loaded Scenario is read-only: other modules read its fields through `const Scenario *`
 * and never change them. Strings are UTF-8 and owned by the scenario.
 * Depends on: core.
 */
#ifndef SIM_SCENARIO_H
#define SIM_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

#include "../core/core.h"
#include "../core/diag.h"
#include "../core/i18n.h"

#define SCENARIO_FORMAT       1
#define SCENARIO_MAX_FILE     (4u * 1024u * 1024u) /* scenario.json and script.lua size cap */
#define SCENARIO_MAX_CRITERIA 12

/* ---- provenance of a fact ---------------------------------------------------------------- */
/* Where a norm or a figure was confirmed and when: "source" (an address, or a list of them) and
 * "checked" (an ISO date) in rules.json and services.json. A fact without both is unconfirmed
 * unless marked "verify". Strings are owned by the entry that holds the provenance. */
typedef struct Provenance {
    char **sources; /* addresses, in file order */
    size_t source_count;
    char *checked; /* "2026-12-06", or NULL */
    int line, col; /* where the entry starts in its file (for check's messages) */
} Provenance;

/* Reads "source" and "checked" of obj into out (zeroed first). Returns 0, or -1 with a Russian
 * message in msg and the offending key in *key (out then holds what was valid). */
int provenance_parse(const void *cjson_obj, Provenance *out, char *msg, size_t msg_len,
                     const char **key);
void provenance_free(Provenance *p);
/* "06.12.2026" from "2026-12-06" into out (at least 11 bytes); "" when p has no date. */
void provenance_date_ru(const Provenance *p, char *out, size_t out_len);

/* ---- rules catalogue -------------------------------------------------------------------- */
typedef struct Rule {
    char *id;      /* "210-fz-7" */
    char *act;     /* "Федеральный закон от 27.07.2010 № 210-ФЗ" */
    char *article; /* "ст. 7" */
    char *short_;  /* "210-ФЗ, ст. 7": what feedback shows */
    char *text;    /* one-sentence content of the rule */
    int verify;    /* 1: a methodologist must verify the citation */
    Provenance prov;
} Rule;

typedef struct RuleCatalog {
    Rule *rules;
    size_t count;
    char *path; /* the file it came from */
} RuleCatalog;

/* Loads a rules.json; problems go to diags. Returns NULL when the file is unusable. Caller frees
 * with rules_free. */
RuleCatalog *rules_load(const char *path, SimDiags *diags);
void rules_free(RuleCatalog *rc);
const Rule *rules_find(const RuleCatalog *rc, const char *id); /* borrowed; NULL when unknown */

/* ---- the reference book («Справочник», scenarios/data/services.json) --------------------- */
/* Facts that change yearly (duties, amounts, deadlines) live here once; scenario texts cite them
 * as {{duty:ID}}, {{deadline:ID}}, {{agency:ID}}, {{title:ID}} and {{value:KEY}}, substituted
 * at load time, and the trainee browses the same data as the «Справочник». */
typedef struct RefService {
    char *id;       /* "passport-replace" */
    char *title;    /* "Замена паспорта гражданина РФ" */
    char *agency;   /* "МВД России" */
    char *duty;     /* "300 ₽" or "не взимается" */
    char *deadline; /* "10 рабочих дней …" */
    char *result;   /* what the applicant receives, may be NULL */
    char **documents;
    size_t document_count;
    char **pitfalls;
    size_t pitfall_count;
    const Rule **rules; /* borrowed from the rules catalogue */
    size_t rule_count;
    char *note; /* for methodologists only (never shown to a trainee); may be NULL */
    int verify; /* 1: a figure here still needs checking against the current act */
    Provenance prov;
} RefService;

typedef struct RefValue {
    char *key;   /* "matcap-first-child" */
    char *title; /* what the figure is */
    char *value; /* "…" as it is shown */
    char *note;  /* for methodologists only; may be NULL */
    int verify;
    Provenance prov;
} RefValue;

typedef struct RefBook {
    RefService *services;
    size_t service_count;
    RefValue *values;
    size_t value_count;
    char *path;
} RefBook;

/* Loads a services.json; rule ids are resolved against rules (NULL: reported). Problems go to
 * diags. Returns NULL when the file is unusable. Caller frees with refbook_free. */
RefBook *refbook_load(const char *path, const RuleCatalog *rules, SimDiags *diags);
void refbook_free(RefBook *rb);
const RefService *refbook_find_service(const RefBook *rb, const char *id); /* borrowed */
const RefValue *refbook_find_value(const RefBook *rb, const char *key);    /* borrowed */

/* ---- scoring model ---------------------------------------------------------------------- */
typedef struct ScoreSpec { /* one "score" entry: points to a criterion with an explanation */
    int criterion;         /* index into Scenario.criteria */
    int points;
    char *feedback;
    const Rule *rule; /* borrowed from the catalogue; may be NULL for positive points */
} ScoreSpec;

typedef struct CriticalSpec {
    char *feedback; /* NULL when the entity has no critical error */
    const Rule *rule;
} CriticalSpec;

typedef struct Criterion {
    char *id;    /* "legal" */
    char *title; /* «Правильность решения» */
    int weight;
} Criterion;

/* ---- applicant and documents ------------------------------------------------------------ */
typedef struct KeyValue {
    char *key;
    char *value;
} KeyValue;

typedef struct Applicant {
    char *name;
    int age;
    char sex; /* 'f' or 'm' */
    char *persona;
    int mood;        /* 0..100 at the start */
    double patience; /* simulated minutes before the mood starts to drop */
    KeyValue *look;  /* renderer hints (see APPLICANT_LOOK_KEYS) */
    size_t look_count;
} Applicant;

/* The keys of "look" the window draws from; those with a closed list of values are checked by
 * the loader (glasses, build, hair_style, beard), the others are free text matched by words. */
#define APPLICANT_LOOK_KEYS "clothing, hair, hair_style, glasses, build, beard, bag"

/* Someone the scenario names as coming to the window with the applicant (a child, a buyer, a
 * foreman): drawn beside them, never an actor of the graph. Owned by the scenario. */
typedef struct Companion {
    char *name;
    int age;
    char sex;   /* 'f' or 'm' */
    char *role; /* "внук", "покупатель" …; may be NULL */
    KeyValue *look;
    size_t look_count;
} Companion;

typedef enum FlagReason {
    REASON_EXPIRED = 0,
    REASON_MISMATCH,
    REASON_NO_AUTHORITY,
    REASON_NOT_NOTARISED,
    REASON_NO_SIGNATURE,
    REASON_MISSING,
    REASON_DAMAGED,
    REASON_CORRECTIONS,
    REASON_WRONG_FORM,
    REASON_WRONG_DATA,
    REASON_OTHER,
    REASON_COUNT
} FlagReason;

const char *reason_id(FlagReason r);    /* "expired" */
const char *reason_title(FlagReason r); /* Russian label */
int reason_parse(const char *id);       /* -1 when unknown */

typedef struct DocProblem {
    char *id;
    int field;        /* index into Document.fields */
    unsigned reasons; /* bit set of FlagReason */
    char *title;      /* what is wrong, in one line */
    int must_find;    /* 1: ending "accepted" while never flagged right is a critical error */
    ScoreSpec *score; /* applied once when flagged correctly */
    size_t score_count;
    ScoreSpec missed; /* criterion/feedback/rule shown when never flagged (points = 0) */
} DocProblem;

typedef struct DocTrap {
    int field;
    ScoreSpec *score;
    size_t score_count;
} DocTrap;

typedef struct DocField {
    char *key;
    char *label; /* Russian label for display */
    char *value;
} DocField;

typedef struct Document {
    char *id;
    char *type;  /* "passport_rf", ... */
    char *title; /* «Паспорт гражданина РФ» */
    DocField *fields;
    size_t field_count;
    DocProblem *problems;
    size_t problem_count;
    DocTrap *traps;
    size_t trap_count;
} Document;

/* A standard field of a document type: its key in scenario.json and its label (tr()). */
typedef struct DocTypeField {
    const char *key;
    SimStr label;
} DocTypeField;

/* Known document types: their default title and standard fields with labels. */
typedef struct DocTypeInfo {
    const char *type;
    SimStr title;               /* the default title: tr(title) */
    const DocTypeField *fields; /* ends with a NULL key */
} DocTypeInfo;
const DocTypeInfo *doctype_find(const char *type); /* NULL when unknown */
const DocTypeInfo *doctype_all(size_t *count);

typedef struct Service {
    char *id;
    char *title;
    char **checklist;
    size_t checklist_count;
    char *duty; /* may be NULL */
    ScoreSpec *score;
    size_t score_count;
    CriticalSpec critical;
    const RefService *ref; /* the reference book's entry ("ref"), borrowed; may be NULL */
} Service;

/* ---- the graph -------------------------------------------------------------------------- */
typedef enum ActionKind {
    ACT_SAY = 0,
    ACT_ASK,
    ACT_EXPLAIN,
    ACT_ACCEPT,
    ACT_REFUSE,
    ACT_REDIRECT,
    ACT_SUPERVISOR,
    ACT_OTHER,
    ACT_KIND_COUNT
} ActionKind;

const char *action_kind_id(ActionKind k); /* "say" */

typedef struct Condition {
    char *name; /* flag name, or "service:ID", "took:ID", "flagged:DOC.FIELD", "inspected:DOC" */
    int negate;
} Condition;

typedef enum ActionPin { PIN_NONE = 0, PIN_FIRST, PIN_LAST } ActionPin;

typedef struct Action {
    char *id;
    ActionKind kind;
    char *text;
    char *reply;  /* may be NULL */
    char *ground; /* refusal ground; may be NULL */
    Condition *requires;
    size_t require_count;
    double minutes;
    int mood;
    char **set;
    size_t set_count;
    char **clear;
    size_t clear_count;
    int next;   /* step index, or -1 */
    int ending; /* ending index, or -1 */
    ScoreSpec *score;
    size_t score_count;
    CriticalSpec critical;
    ActionPin pin; /* where the menu keeps it when answers are shuffled */
    int must_fail; /* 1: no passing path may take it (explore checks) */
} Action;

/* 1 when choosing the action ends the reception (it leads to an ending): the window and play
 * mark such answers, so a trainee never ends a visit by surprise. */
int action_is_final(const Action *a);

typedef struct Step {
    char *id;
    char *say;  /* the applicant's line; may be "" */
    char *does; /* narration; may be NULL */
    int *gives; /* document indices placed on the desk on entering */
    size_t give_count;
    Action *actions;
    size_t action_count;
} Step;

typedef enum Outcome {
    OUT_ACCEPTED = 0,
    OUT_REFUSED,
    OUT_REDIRECTED,
    OUT_ESCALATED,
    OUT_LEFT,
    OUT_OTHER,
    OUT_COUNT
} Outcome;
const char *outcome_id(Outcome o);

typedef struct Ending {
    char *id;
    char *title;
    Outcome outcome;
    char *debrief;
    ScoreSpec *score;
    size_t score_count;
    CriticalSpec critical;
    int must_fail; /* 1: no passing path may end here (explore checks) */
} Ending;

/* ---- the scenario ----------------------------------------------------------------------- */
typedef struct Scenario {
    char *dir; /* folder it was loaded from */
    char *id, *version, *title, *service, *service_title, *agency, *summary, *right_way;
    int difficulty;
    int minutes;
    char **goals;
    size_t goal_count;
    char **verify;
    size_t verify_count;
    char *office_ticket;
    int office_window, office_queue;
    int office_clock; /* minutes since midnight when the visit starts (office.clock "HH:MM") */

    int pass_mark;
    /* scoring.floors: the least share (percent of the criterion's maximum) a pass needs; 0 none */
    int floors[SCENARIO_MAX_CRITERIA];
    Criterion criteria[SCENARIO_MAX_CRITERIA];
    size_t criterion_count;
    int time_criterion; /* index of "time", or -1 */
    double time_norm;
    int time_points, time_per_minute;
    ScoreSpec false_flag; /* feedback unused; criterion and points */

    Applicant applicant;
    Companion *companions; /* "companions": who stands beside the applicant (at most 3) */
    size_t companion_count;
    int walkout; /* ending index, or -1 */

    Document *documents;
    size_t document_count;
    Service *services;
    size_t service_count;
    Step *steps;
    size_t step_count;
    int start;
    Ending *endings;
    size_t ending_count;

    int crit_max[SCENARIO_MAX_CRITERIA]; /* the best each criterion can earn on some path */

    char *script; /* script.lua text, or NULL */
    size_t script_len;
    char *script_name; /* "scenarios/<id>/script.lua" as shown in messages */
    char *scripts_dir; /* shared Lua helpers folder for import(), or NULL */
    uint64_t hash;     /* over scenario.json and script.lua */
    char hash_hex[17];

    const RuleCatalog *rules; /* borrowed; must outlive the scenario */
} Scenario;

typedef struct ScenarioLoadOptions {
    const RuleCatalog *rules; /* required for rule references; NULL reports them as errors */
    const char *scripts_dir;  /* folder for import(); NULL disables import */
    const RefBook *refbook;   /* for {{…}} references and services' "ref"; NULL reports them */
} ScenarioLoadOptions;

/* Loads and validates scenarios/<id>/. Every problem goes to diags (errors and warnings).
 * Returns NULL when any error was found. Caller frees with scenario_free. */
Scenario *scenario_load(const char *dir, const ScenarioLoadOptions *opt, SimDiags *diags);
/* Same, from memory (tests and fuzzing): json is the text of scenario.json, script may be NULL.
 * file_label names the JSON in messages. */
Scenario *scenario_load_mem(const char *dir, const char *file_label, const char *json,
                            size_t json_len, const char *script, size_t script_len,
                            const ScenarioLoadOptions *opt, SimDiags *diags);
void scenario_free(Scenario *s);

int scenario_find_step(const Scenario *s, const char *id);   /* -1 when unknown */
int scenario_find_ending(const Scenario *s, const char *id); /* -1 when unknown */
int scenario_find_document(const Scenario *s, const char *id);
int scenario_find_service(const Scenario *s, const char *id);
int scenario_find_criterion(const Scenario *s, const char *id);
int document_find_field(const Document *d, const char *key);
/* Finds a step action by id: returns the step index and sets *action_index, or -1. */
int scenario_find_action(const Scenario *s, const char *id, int *action_index);

/* ---- discovery -------------------------------------------------------------------------- */
/* Lists the scenario folders (those holding scenario.json) directly under root, sorted.
 * Caller frees with scenario_dirs_free. */
char **scenario_list_dirs(const char *root, size_t *count);
void scenario_dirs_free(char **dirs, size_t count);

/* ---- saved attempts --------------------------------------------------------------------- */
typedef struct SavedAttempt {
    char *scenario, *version, *hash;
    uint64_t seed;
    int mode; /* 0 training, 1 exam */
    char **actions;
    size_t action_count;
    char *step; /* where the attempt stood when saved (checked on restore) */
    double minutes;
    int mood;
    long total; /* -1 when not finished */
} SavedAttempt;

/* Parses the JSON written by session_save. Caller frees with saved_attempt_free. */
SavedAttempt *saved_attempt_parse(const char *json, size_t len, SimError *err);
void saved_attempt_free(SavedAttempt *a);

#endif /* SIM_SCENARIO_H */
