/*
 * model.c — fixed vocabularies of the scenario format: document types with their standard
 * fields, flag reasons, action kinds and outcomes, plus lookups over a loaded Scenario and
 * scenario_free. The Russian labels (document captions as printed on the real forms) live in
 * the string table, engine/core/i18n_load.h; these tables hold their ids.
 */
#include "scenario.h"

#include <stdlib.h>
#include <string.h>

/* ==== document types ===================================================================== */

static const DocTypeField f_passport[] = {{"series", STR_FIELD_SERIES},
                                          {"number", STR_FIELD_NUMBER},
                                          {"surname", STR_FIELD_SURNAME},
                                          {"name", STR_FIELD_NAME},
                                          {"patronymic", STR_FIELD_PATRONYMIC},
                                          {"sex", STR_FIELD_SEX},
                                          {"birth_date", STR_FIELD_BIRTH_DATE},
                                          {"birth_place", STR_FIELD_BIRTH_PLACE},
                                          {"issued_by", STR_FIELD_ISSUED_BY},
                                          {"issue_date", STR_FIELD_ISSUE_DATE},
                                          {"division_code", STR_FIELD_DIVISION_CODE},
                                          {"registration", STR_FIELD_REGISTRATION},
                                          {"valid_until", STR_FIELD_VALID_UNTIL},
                                          {"marks", STR_FIELD_MARKS},
                                          {NULL, 0}};
static const DocTypeField f_foreign[] = {{"number", STR_FIELD_NUMBER},
                                         {"surname", STR_FIELD_SURNAME},
                                         {"name", STR_FIELD_NAME},
                                         {"birth_date", STR_FIELD_BIRTH_DATE},
                                         {"issue_date", STR_FIELD_ISSUE_DATE},
                                         {"expiry_date", STR_FIELD_EXPIRY_DATE},
                                         {"issued_by", STR_FIELD_ISSUING_BODY},
                                         {NULL, 0}};
static const DocTypeField f_poa[] = {
    {"principal", STR_FIELD_PRINCIPAL}, {"attorney", STR_FIELD_ATTORNEY},
    {"powers", STR_FIELD_POWERS},       {"date", STR_FIELD_DATE_MADE},
    {"term", STR_FIELD_TERM},           {"notarised", STR_FIELD_NOTARISED},
    {"notary", STR_FIELD_NOTARY},       {"signature", STR_FIELD_SIGNATURE_PRINCIPAL},
    {"form", STR_FIELD_FORM},           {NULL, 0}};
static const DocTypeField f_application[] = {{"form", STR_FIELD_FORM},
                                             {"service", STR_FIELD_SERVICE},
                                             {"applicant", STR_FIELD_APPLICANT},
                                             {"data", STR_FIELD_DATA},
                                             {"previous_names", STR_FIELD_PREVIOUS_NAMES},
                                             {"date", STR_FIELD_DATE},
                                             {"signature", STR_FIELD_SIGNATURE_APPLICANT},
                                             {NULL, 0}};
static const DocTypeField f_receipt[] = {{"payer", STR_FIELD_PAYER},
                                         {"amount", STR_FIELD_AMOUNT},
                                         {"purpose", STR_FIELD_PAYMENT_PURPOSE},
                                         {"recipient", STR_FIELD_RECIPIENT},
                                         {"date", STR_FIELD_PAYMENT_DATE},
                                         {"status", STR_FIELD_STATUS},
                                         {NULL, 0}};
static const DocTypeField f_birth[] = {{"series", STR_FIELD_SERIES},
                                       {"number", STR_FIELD_NUMBER},
                                       {"child", STR_FIELD_CHILD},
                                       {"birth_date", STR_FIELD_BIRTH_DATE},
                                       {"birth_place", STR_FIELD_BIRTH_PLACE},
                                       {"father", STR_FIELD_FATHER},
                                       {"mother", STR_FIELD_MOTHER},
                                       {"citizenship", STR_FIELD_CITIZENSHIP},
                                       {"issued_by", STR_FIELD_REGISTERED_AT},
                                       {"issue_date", STR_FIELD_ISSUE_DATE},
                                       {NULL, 0}};
static const DocTypeField f_snils[] = {{"number", STR_FIELD_NUMBER},
                                       {"holder", STR_FIELD_HOLDER},
                                       {"birth_date", STR_FIELD_BIRTH_DATE},
                                       {NULL, 0}};
static const DocTypeField f_photo[] = {{"count", STR_FIELD_COUNT},
                                       {"size", STR_FIELD_SIZE},
                                       {"notes", STR_FIELD_NOTES},
                                       {NULL, 0}};
static const DocTypeField f_title[] = {{"kind", STR_FIELD_KIND},     {"object", STR_FIELD_OBJECT},
                                       {"owners", STR_FIELD_OWNERS}, {"basis", STR_FIELD_BASIS},
                                       {"date", STR_FIELD_DATE},     {NULL, 0}};
static const DocTypeField f_contract[] = {{"kind", STR_FIELD_CONTRACT_KIND},
                                          {"parties", STR_FIELD_PARTIES},
                                          {"object", STR_FIELD_SUBJECT_MATTER},
                                          {"date", STR_FIELD_DATE},
                                          {"signatures", STR_FIELD_SIGNATURES},
                                          {NULL, 0}};
static const DocTypeField f_consent[] = {{"subject", STR_FIELD_SUBJECT},
                                         {"purpose", STR_FIELD_PURPOSE},
                                         {"date", STR_FIELD_DATE},
                                         {"signature", STR_FIELD_SIGNATURE},
                                         {NULL, 0}};
static const DocTypeField f_note[] = {{"author", STR_FIELD_AUTHOR},
                                      {"text", STR_FIELD_TEXT},
                                      {"date", STR_FIELD_DATE},
                                      {"signature", STR_FIELD_SIGNATURE},
                                      {NULL, 0}};
static const DocTypeField f_other[] = {{NULL, 0}};

static const DocTypeInfo doc_types[] = {
    {"passport_rf", STR_DOCTYPE_PASSPORT_RF, f_passport},
    {"passport_foreign", STR_DOCTYPE_PASSPORT_FOREIGN, f_foreign},
    {"power_of_attorney", STR_DOCTYPE_POWER_OF_ATTORNEY, f_poa},
    {"application", STR_DOCTYPE_APPLICATION, f_application},
    {"duty_receipt", STR_DOCTYPE_DUTY_RECEIPT, f_receipt},
    {"birth_certificate", STR_DOCTYPE_BIRTH_CERTIFICATE, f_birth},
    {"snils", STR_DOCTYPE_SNILS, f_snils},
    {"photo", STR_DOCTYPE_PHOTO, f_photo},
    {"title_document", STR_DOCTYPE_TITLE_DOCUMENT, f_title},
    {"contract", STR_DOCTYPE_CONTRACT, f_contract},
    {"consent", STR_DOCTYPE_CONSENT, f_consent},
    {"note", STR_DOCTYPE_NOTE, f_note},
    {"other", STR_DOCTYPE_OTHER, f_other},
};

const DocTypeInfo *doctype_find(const char *type)
{
    for (size_t i = 0; i < sizeof doc_types / sizeof doc_types[0]; i++)
        if (strcmp(doc_types[i].type, type) == 0)
            return &doc_types[i];
    return NULL;
}

const DocTypeInfo *doctype_all(size_t *count)
{
    *count = sizeof doc_types / sizeof doc_types[0];
    return doc_types;
}

/* ==== vocabularies ======================================================================== */

static const char *const reason_ids[REASON_COUNT] = {
    "expired", "mismatch",    "no_authority", "not_notarised", "no_signature", "missing",
    "damaged", "corrections", "wrong_form",   "wrong_data",    "other"};
static const SimStr reason_titles[REASON_COUNT] = {
    STR_REASON_EXPIRED,       STR_REASON_MISMATCH,     STR_REASON_NO_AUTHORITY,
    STR_REASON_NOT_NOTARISED, STR_REASON_NO_SIGNATURE, STR_REASON_MISSING,
    STR_REASON_DAMAGED,       STR_REASON_CORRECTIONS,  STR_REASON_WRONG_FORM,
    STR_REASON_WRONG_DATA,    STR_REASON_OTHER};

const char *reason_id(FlagReason r)
{
    return (unsigned)r < REASON_COUNT ? reason_ids[r] : "?";
}

int action_is_final(const Action *a)
{
    return a->ending >= 0;
}

const char *reason_title(FlagReason r)
{
    return (unsigned)r < REASON_COUNT ? tr(reason_titles[r]) : "?";
}

int reason_parse(const char *id)
{
    for (int i = 0; i < REASON_COUNT; i++)
        if (strcmp(reason_ids[i], id) == 0)
            return i;
    return -1;
}

static const char *const kind_ids[ACT_KIND_COUNT] = {"say",    "ask",      "explain",    "accept",
                                                     "refuse", "redirect", "supervisor", "other"};

const char *action_kind_id(ActionKind k)
{
    return (unsigned)k < ACT_KIND_COUNT ? kind_ids[k] : "other";
}

static const char *const outcome_ids[OUT_COUNT] = {"accepted",  "refused", "redirected",
                                                   "escalated", "left",    "other"};

const char *outcome_id(Outcome o)
{
    return (unsigned)o < OUT_COUNT ? outcome_ids[o] : "other";
}

/* ==== lookups ============================================================================= */

int scenario_find_step(const Scenario *s, const char *id)
{
    for (size_t i = 0; i < s->step_count; i++)
        if (strcmp(s->steps[i].id, id) == 0)
            return (int)i;
    return -1;
}

int scenario_find_ending(const Scenario *s, const char *id)
{
    for (size_t i = 0; i < s->ending_count; i++)
        if (strcmp(s->endings[i].id, id) == 0)
            return (int)i;
    return -1;
}

int scenario_find_document(const Scenario *s, const char *id)
{
    for (size_t i = 0; i < s->document_count; i++)
        if (strcmp(s->documents[i].id, id) == 0)
            return (int)i;
    return -1;
}

int scenario_find_service(const Scenario *s, const char *id)
{
    for (size_t i = 0; i < s->service_count; i++)
        if (strcmp(s->services[i].id, id) == 0)
            return (int)i;
    return -1;
}

int scenario_find_criterion(const Scenario *s, const char *id)
{
    for (size_t i = 0; i < s->criterion_count; i++)
        if (strcmp(s->criteria[i].id, id) == 0)
            return (int)i;
    return -1;
}

int document_find_field(const Document *d, const char *key)
{
    for (size_t i = 0; i < d->field_count; i++)
        if (strcmp(d->fields[i].key, key) == 0)
            return (int)i;
    return -1;
}

int scenario_find_action(const Scenario *s, const char *id, int *action_index)
{
    for (size_t i = 0; i < s->step_count; i++)
        for (size_t j = 0; j < s->steps[i].action_count; j++)
            if (strcmp(s->steps[i].actions[j].id, id) == 0) {
                if (action_index)
                    *action_index = (int)j;
                return (int)i;
            }
    return -1;
}

/* ==== free ================================================================================ */

static void free_strv(char **v, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

static void free_scores(ScoreSpec *sc, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(sc[i].feedback);
    free(sc);
}

void scenario_free(Scenario *s)
{
    if (!s)
        return;
    free(s->dir);
    free(s->id);
    free(s->version);
    free(s->title);
    free(s->service);
    free(s->service_title);
    free(s->agency);
    free(s->summary);
    free(s->right_way);
    free_strv(s->goals, s->goal_count);
    free_strv(s->verify, s->verify_count);
    free(s->office_ticket);
    for (size_t i = 0; i < s->criterion_count; i++) {
        free(s->criteria[i].id);
        free(s->criteria[i].title);
    }
    free(s->false_flag.feedback);
    free(s->applicant.name);
    free(s->applicant.persona);
    for (size_t i = 0; i < s->applicant.look_count; i++) {
        free(s->applicant.look[i].key);
        free(s->applicant.look[i].value);
    }
    free(s->applicant.look);
    for (size_t c = 0; c < s->companion_count; c++) {
        Companion *co = &s->companions[c];
        free(co->name);
        free(co->role);
        for (size_t i = 0; i < co->look_count; i++) {
            free(co->look[i].key);
            free(co->look[i].value);
        }
        free(co->look);
    }
    free(s->companions);
    for (size_t i = 0; i < s->document_count; i++) {
        Document *d = &s->documents[i];
        free(d->id);
        free(d->type);
        free(d->title);
        for (size_t j = 0; j < d->field_count; j++) {
            free(d->fields[j].key);
            free(d->fields[j].label);
            free(d->fields[j].value);
        }
        free(d->fields);
        for (size_t j = 0; j < d->problem_count; j++) {
            free(d->problems[j].id);
            free(d->problems[j].title);
            free_scores(d->problems[j].score, d->problems[j].score_count);
            free(d->problems[j].missed.feedback);
        }
        free(d->problems);
        for (size_t j = 0; j < d->trap_count; j++)
            free_scores(d->traps[j].score, d->traps[j].score_count);
        free(d->traps);
    }
    free(s->documents);
    for (size_t i = 0; i < s->service_count; i++) {
        Service *sv = &s->services[i];
        free(sv->id);
        free(sv->title);
        free_strv(sv->checklist, sv->checklist_count);
        free(sv->duty);
        free_scores(sv->score, sv->score_count);
        free(sv->critical.feedback);
    }
    free(s->services);
    for (size_t i = 0; i < s->step_count; i++) {
        Step *st = &s->steps[i];
        free(st->id);
        free(st->say);
        free(st->does);
        free(st->gives);
        for (size_t j = 0; j < st->action_count; j++) {
            Action *a = &st->actions[j];
            free(a->id);
            free(a->text);
            free(a->reply);
            free(a->ground);
            for (size_t k = 0; k < a->require_count; k++)
                free(a->requires[k].name);
            free(a->requires);
            free_strv(a->set, a->set_count);
            free_strv(a->clear, a->clear_count);
            free_scores(a->score, a->score_count);
            free(a->critical.feedback);
        }
        free(st->actions);
    }
    free(s->steps);
    for (size_t i = 0; i < s->ending_count; i++) {
        Ending *e = &s->endings[i];
        free(e->id);
        free(e->title);
        free(e->debrief);
        free_scores(e->score, e->score_count);
        free(e->critical.feedback);
    }
    free(s->endings);
    free(s->script);
    free(s->script_name);
    free(s->scripts_dir);
    free(s);
}
