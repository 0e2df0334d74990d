/*
 * model.c — fixed vocabularies of the scenario format: document types with their standard
 * fields, flag reasons, action kinds and outcomes, plus lookups over a loaded Scenario and
 * scenario_free. The Russian labels here are document captions as printed on the real forms.
 */
#include "scenario.h"

#include <stdlib.h>
#include <string.h>

/* ==== document types ===================================================================== */

static const char *const f_passport[] = {
    "series", "Серия", "number", "Номер", "surname", "Фамилия", "name", "Имя",
    "patronymic", "Отчество", "sex", "Пол", "birth_date", "Дата рождения",
    "birth_place", "Место рождения", "issued_by", "Паспорт выдан", "issue_date", "Дата выдачи",
    "division_code", "Код подразделения", "registration", "Место жительства", "valid_until",
    "Действителен до", "marks", "Отметки", NULL};
static const char *const f_foreign[] = {
    "number", "Номер", "surname", "Фамилия", "name", "Имя", "birth_date", "Дата рождения",
    "issue_date", "Дата выдачи", "expiry_date", "Дата окончания срока действия", "issued_by",
    "Орган, выдавший документ", NULL};
static const char *const f_poa[] = {
    "principal", "Доверитель", "attorney", "Представитель (поверенный)", "powers", "Полномочия",
    "date", "Дата совершения", "term", "Срок действия", "notarised", "Нотариальное удостоверение",
    "notary", "Нотариус", "signature", "Подпись доверителя", "form", "Форма", NULL};
static const char *const f_application[] = {
    "form", "Форма", "service", "Услуга", "applicant", "Заявитель", "data", "Сведения",
    "previous_names", "Прежние ФИО", "date", "Дата", "signature", "Подпись заявителя", NULL};
static const char *const f_receipt[] = {
    "payer", "Плательщик", "amount", "Сумма", "purpose", "Назначение платежа", "recipient",
    "Получатель", "date", "Дата платежа", "status", "Статус", NULL};
static const char *const f_birth[] = {
    "series", "Серия", "number", "Номер", "child", "Ребёнок", "birth_date", "Дата рождения",
    "birth_place", "Место рождения", "father", "Отец", "mother", "Мать", "citizenship",
    "Отметка о гражданстве", "issued_by", "Место государственной регистрации", "issue_date",
    "Дата выдачи", NULL};
static const char *const f_snils[] = {"number", "Номер", "holder", "Ф. И. О.", "birth_date",
                                      "Дата рождения", NULL};
static const char *const f_photo[] = {"count", "Количество", "size", "Размер", "notes",
                                      "Особенности", NULL};
static const char *const f_title[] = {"kind", "Вид документа", "object", "Объект", "owners",
                                      "Правообладатели", "basis", "Основание", "date", "Дата",
                                      NULL};
static const char *const f_contract[] = {"kind", "Вид договора", "parties", "Стороны", "object",
                                         "Предмет", "date", "Дата", "signatures", "Подписи",
                                         NULL};
static const char *const f_consent[] = {"subject", "Субъект данных", "purpose", "Цель обработки",
                                        "date", "Дата", "signature", "Подпись", NULL};
static const char *const f_note[] = {"author", "Автор", "text", "Текст", "date", "Дата",
                                     "signature", "Подпись", NULL};
static const char *const f_other[] = {NULL};

static const DocTypeInfo doc_types[] = {
    {"passport_rf", "Паспорт гражданина РФ", f_passport},
    {"passport_foreign", "Заграничный паспорт", f_foreign},
    {"power_of_attorney", "Доверенность", f_poa},
    {"application", "Заявление", f_application},
    {"duty_receipt", "Квитанция об уплате госпошлины", f_receipt},
    {"birth_certificate", "Свидетельство о рождении", f_birth},
    {"snils", "СНИЛС", f_snils},
    {"photo", "Фотографии", f_photo},
    {"title_document", "Правоустанавливающий документ", f_title},
    {"contract", "Договор", f_contract},
    {"consent", "Согласие на обработку персональных данных", f_consent},
    {"note", "Записка", f_note},
    {"other", "Документ", f_other},
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
    "expired", "mismatch", "no_authority", "not_notarised", "no_signature", "missing",
    "damaged", "corrections", "wrong_form", "wrong_data", "other"};
static const char *const reason_titles[REASON_COUNT] = {
    "Истёк срок действия, недействителен",
    "Данные расходятся с другими документами",
    "Нет полномочий",
    "Нет нотариального удостоверения",
    "Нет подписи",
    "Не заполнено или отсутствует",
    "Повреждён",
    "Неоговорённые исправления",
    "Не по установленной форме",
    "Неверные сведения",
    "Другое"};

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
    return (unsigned)r < REASON_COUNT ? reason_titles[r] : "?";
}

int reason_parse(const char *id)
{
    for (int i = 0; i < REASON_COUNT; i++)
        if (strcmp(reason_ids[i], id) == 0)
            return i;
    return -1;
}

static const char *const kind_ids[ACT_KIND_COUNT] = {
    "say", "ask", "explain", "accept", "refuse", "redirect", "supervisor", "other"};

const char *action_kind_id(ActionKind k)
{
    return (unsigned)k < ACT_KIND_COUNT ? kind_ids[k] : "other";
}

static const char *const outcome_ids[OUT_COUNT] = {"accepted", "refused", "redirected",
                                                   "escalated", "left", "other"};

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
