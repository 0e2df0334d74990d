/*
 * i18n_load.h — the part of the string table (see i18n.h) for the scenario format: the
 * loader's diagnostics (engine/scenario/load.c; most are printf formats, used through TRF so
 * that -Wformat still checks them), the default criteria's titles, and the format's fixed
 * vocabularies (engine/scenario/model.c): document types, their standard fields' labels as
 * printed on the real forms, and the flag reasons. Included by i18n.h only.
 */
#ifndef SIM_I18N_LOAD_H
#define SIM_I18N_LOAD_H

/* clang-format off */
#define SIM_STRINGS_LOAD(X)                                                                        \
    X(STR_LOAD_DID_YOU_MEAN, "; возможно, имелось в виду «%s»?")                                   \
    X(STR_LOAD_VALUE_NO_REFBOOK,                                                                   \
      "ссылка {{value:%s}}, но справочник услуг (scenarios/data/services.json) не "                \
      "загружен")                                                                                  \
    X(STR_LOAD_VALUE_UNKNOWN, "величины «%s» нет в разделе «values» справочника %s%s")             \
    X(STR_LOAD_SERVICE_NO_RESULT, "у услуги «%s» в справочнике нет поля «result»")                 \
    X(STR_LOAD_LINK_UNCLOSED, "ссылка «{{…}}» не закрыта: допишите «}}»")                          \
    X(STR_LOAD_LINK_MALFORMED,                                                                     \
      "ссылка «{{%s}}» записана неверно: нужно {{вид:id}}, где вид — duty, "                       \
      "deadline, agency, title, result или value")                                                 \
    X(STR_LOAD_LINK_UNKNOWN_KIND,                                                                  \
      "неизвестный вид ссылки «%s»: допустимы duty, deadline, agency, title, "                     \
      "result, value%s")                                                                           \
    X(STR_LOAD_TYPE_STRING, "строка")                                                              \
    X(STR_LOAD_TYPE_NUMBER, "число")                                                               \
    X(STR_LOAD_TYPE_LIST, "список")                                                                \
    X(STR_LOAD_TYPE_OBJECT, "объект")                                                              \
    X(STR_LOAD_UNKNOWN_FIELD, "неизвестное поле «%s»%s")                                           \
    X(STR_LOAD_MISSING_FIELD, "нет обязательного поля «%s»")                                       \
    X(STR_LOAD_EXPECTED_STRING_GOT, "ожидалась строка, а здесь %s")                                \
    X(STR_LOAD_FIELD_EMPTY, "поле «%s» не может быть пустым")                                      \
    X(STR_LOAD_EXPECTED_NUMBER_GOT, "ожидалось число, а здесь %s")                                 \
    X(STR_LOAD_EXPECTED_INTEGER, "ожидалось целое число")                                          \
    X(STR_LOAD_OUT_OF_RANGE, "значение %s вне допустимых пределов: от %s до %s")                   \
    X(STR_LOAD_EXPECTED_BOOL_GOT, "ожидалось true или false, а здесь %s")                          \
    X(STR_LOAD_EXPECTED_STRING_LIST_GOT, "ожидался список строк, а здесь %s")                      \
    X(STR_LOAD_LIST_EMPTY, "список «%s» не может быть пустым")                                     \
    X(STR_LOAD_EXPECTED_NONEMPTY_STRING, "ожидалась непустая строка")                              \
    X(STR_LOAD_BAD_ID,                                                                             \
      "идентификатор «%s» недопустим: только строчные латинские буквы, цифры, «-» и «_», "         \
      "не длиннее 64 знаков")                                                                      \
    X(STR_LOAD_RULE_NO_CATALOG,                                                                    \
      "ссылка на правило «%s», но каталог правил (scenarios/data/rules.json) не "                  \
      "загружен")                                                                                  \
    X(STR_LOAD_RULE_UNKNOWN, "неизвестное правило «%s»: добавьте его в %s или исправьте id%s")     \
    X(STR_LOAD_CRITERION_UNKNOWN, "неизвестный критерий «%s»%s")                                   \
    X(STR_LOAD_EXPECTED_SCORE, "ожидался объект {criterion, points, feedback, rule}")              \
    X(STR_LOAD_MISTAKE_NO_RULE,                                                                    \
      "у ошибки (отрицательные баллы) должна быть ссылка на правило «rule»")                       \
    X(STR_LOAD_EXPECTED_SCORE_LIST,                                                                \
      "ожидался список начислений [{criterion, points, feedback, rule}]")                          \
    X(STR_LOAD_EXPECTED_FEEDBACK, "ожидался объект {feedback, rule}")                              \
    X(STR_CRIT_LEGAL, "Правильность решения")                                                      \
    X(STR_CRIT_DOCUMENTS, "Проверка документов")                                                   \
    X(STR_CRIT_COMMUNICATION, "Общение")                                                           \
    X(STR_CRIT_TIME, "Время")                                                                      \
    X(STR_CRIT_PERSONAL_DATA, "Персональные данные")                                               \
    X(STR_CRIT_ESCALATION, "Конфликт и эскалация")                                                 \
    X(STR_LOAD_FLOORS_EXPECTED,                                                                    \
      "ожидался объект «критерий»: процент от максимума, например "                                \
      "{\"legal\": 50}")                                                                           \
    X(STR_LOAD_FLOOR_PERCENT,                                                                      \
      "ожидалось целое число от 0 до 100: доля максимума критерия в процентах")                    \
    X(STR_LOAD_EXPECTED_OBJECT, "ожидался объект")                                                 \
    X(STR_LOAD_CRITERIA_EXPECTED, "ожидался список от 1 до %d критериев {id, title, weight}")      \
    X(STR_LOAD_EXPECTED_CRITERION, "ожидался объект {id, title, weight}")                          \
    X(STR_LOAD_CRITERION_DUPLICATE, "критерий «%s» уже объявлен")                                  \
    X(STR_LOAD_WEIGHTS_ZERO, "сумма весов критериев должна быть больше нуля")                      \
    X(STR_LOAD_EXPECTED_TIME, "ожидался объект {norm, points, per_minute}")                        \
    X(STR_LOAD_EXPECTED_FALSE_FLAG, "ожидался объект {criterion, points}")                         \
    X(STR_LOAD_NO_APPLICANT, "нет обязательного поля «applicant»")                                 \
    X(STR_LOAD_BAD_SEX, "пол указывается как \"f\" (женский) или \"m\" (мужской)")                 \
    X(STR_LOAD_EXPECTED_LOOK, "ожидался объект со строковыми значениями")                          \
    X(STR_LOAD_EXPECTED_STRING, "ожидалась строка")                                                \
    X(STR_LOAD_YES, "да")                                                                          \
    X(STR_LOAD_NO, "нет")                                                                          \
    X(STR_LOAD_BAD_FIELD_VALUE,                                                                    \
      "значение поля документа должно быть строкой, числом или true/false")                        \
    X(STR_LOAD_DOCTYPE_UNKNOWN, "неизвестный тип документа «%s»%s (допустимые: %s)")               \
    X(STR_LOAD_EXPECTED_LABELS, "ожидался объект «поле»: «подпись»")                               \
    X(STR_LOAD_NO_FIELDS, "нет обязательного поля «fields»")                                       \
    X(STR_LOAD_EXPECTED_FIELDS, "ожидался объект «поле»: «значение»")                              \
    X(STR_LOAD_FIELD_NOT_STANDARD,                                                                 \
      "поле «%s» не входит в стандартные поля типа «%s»: добавьте подпись в "                      \
      "«labels»%s")                                                                                \
    X(STR_LOAD_LABEL_NOT_STRING, "подпись поля должна быть строкой")                               \
    X(STR_LOAD_LABEL_NO_FIELD, "подпись для поля «%s», которого нет в «fields»")                   \
    X(STR_LOAD_EXPECTED_PROBLEMS, "ожидался список проблем")                                       \
    X(STR_LOAD_EXPECTED_PROBLEM, "ожидался объект {id, field, reasons, title, score}")             \
    X(STR_LOAD_PROBLEM_DUPLICATE, "проблема «%s» уже объявлена в этом документе")                  \
    X(STR_LOAD_DOC_NO_FIELD_HINT, "в документе «%s» нет поля «%s»%s")                              \
    X(STR_LOAD_FIELD_TWO_PROBLEMS,                                                                 \
      "у поля «%s» уже есть проблема «%s»: одно поле — одна проблема; "                            \
      "перечислите все подходящие причины в её «reasons»")                                         \
    X(STR_LOAD_REASON_UNKNOWN, "неизвестная причина «%s»%s")                                       \
    X(STR_LOAD_PROBLEM_NO_SCORE,                                                                   \
      "у проблемы нет «score»: за верную отметку должны начисляться баллы")                        \
    X(STR_LOAD_EXPECTED_TRAPS, "ожидался список ловушек")                                          \
    X(STR_LOAD_EXPECTED_TRAP, "ожидался объект {field, score}")                                    \
    X(STR_LOAD_PROBLEM_AND_TRAP, "поле «%s» одновременно и проблема, и ловушка")                   \
    X(STR_LOAD_TRAP_NO_SCORE, "у ловушки нет «score»: объясните, почему это поле в порядке")       \
    X(STR_LOAD_NO_DOCUMENTS, "нет обязательного поля «documents» (может быть пустым списком [])")  \
    X(STR_LOAD_EXPECTED_DOCUMENTS, "ожидался список документов")                                   \
    X(STR_LOAD_EXPECTED_DOCUMENT, "ожидался объект документа {id, type, fields}")                  \
    X(STR_LOAD_DOCUMENT_DUPLICATE, "документ «%s» уже объявлен")                                   \
    X(STR_LOAD_SERVICE_NO_REFBOOK,                                                                 \
      "ссылка на справочник («%s»), но справочник услуг (scenarios/data/services.json) не "        \
      "загружен: проверьте, что файл есть и в нём нет ошибок")                                     \
    X(STR_LOAD_SERVICE_UNKNOWN, "услуги «%s» нет в справочнике %s%s")                              \
    X(STR_LOAD_NO_SERVICES, "нет обязательного поля «services»: перечень услуг в программе офиса") \
    X(STR_LOAD_EXPECTED_SERVICES, "ожидался непустой список услуг")                                \
    X(STR_LOAD_EXPECTED_SERVICE, "ожидался объект услуги {id, title, checklist}")                  \
    X(STR_LOAD_SERVICE_DUPLICATE, "услуга «%s» уже объявлена")                                     \
    X(STR_LOAD_STEP_AND_ENDING, "«%s» — и шаг, и концовка: дайте им разные id")                    \
    X(STR_LOAD_ENDING_NOT_STEP,                                                                    \
      "«%s» — это концовка, а не шаг: используйте \"end\" вместо \"next\"")                        \
    X(STR_LOAD_STEP_UNKNOWN, "неизвестный шаг «%s»%s")                                             \
    X(STR_LOAD_STEP_NOT_ENDING,                                                                    \
      "«%s» — это шаг, а не концовка: используйте \"next\" вместо \"end\"")                        \
    X(STR_LOAD_ENDING_UNKNOWN, "неизвестная концовка «%s»%s")                                      \
    X(STR_LOAD_COND_EMPTY, "пустое условие")                                                       \
    X(STR_LOAD_COND_SERVICE_UNKNOWN, "условие ссылается на неизвестную услугу «%s»")               \
    X(STR_LOAD_COND_ACTION_UNKNOWN, "условие ссылается на неизвестное действие «%s»%s")            \
    X(STR_LOAD_COND_DOCUMENT_UNKNOWN, "условие ссылается на неизвестный документ «%s»")            \
    X(STR_LOAD_COND_FLAGGED_DOCUMENT,                                                              \
      "условие «flagged:ДОКУМЕНТ.ПОЛЕ»: неизвестный документ «%s»")                                \
    X(STR_LOAD_DOC_NO_FIELD, "в документе «%s» нет поля «%s»")                                     \
    X(STR_LOAD_COND_UNKNOWN_KIND,                                                                  \
      "неизвестный вид условия «%.*s:»: допустимы флаг, !флаг, service:, took:, "                  \
      "flagged:, inspected:")                                                                      \
    X(STR_LOAD_ACTION_KIND_UNKNOWN,                                                                \
      "неизвестный вид действия «%s»%s (допустимые: say, ask, explain, accept, refuse, "           \
      "redirect, supervisor, other)")                                                              \
    X(STR_LOAD_REFUSE_NO_GROUND,                                                                   \
      "у отказа в приёме (kind \"refuse\") должно быть основание «ground»")                        \
    X(STR_LOAD_NEXT_AND_END,                                                                       \
      "у действия не может быть одновременно «next» и «end»: оставьте одно")                       \
    X(STR_LOAD_BAD_PIN,                                                                            \
      "«pin» бывает только \"first\" (всегда первым) или \"last\" "                                \
      "(всегда последним), а здесь «%s»")                                                          \
    X(STR_LOAD_EXPECTED_STEP, "ожидался объект шага {say, actions}")                               \
    X(STR_LOAD_DOCUMENT_UNKNOWN, "неизвестный документ «%s»%s")                                    \
    X(STR_LOAD_STEP_NO_ACTIONS,                                                                    \
      "у шага нет «actions»: это тупик — добавьте хотя бы одно действие")                          \
    X(STR_LOAD_EXPECTED_ACTIONS, "ожидался список действий")                                       \
    X(STR_LOAD_ACTIONS_EMPTY,                                                                      \
      "пустой список действий: это тупик — добавьте хотя бы одно действие")                        \
    X(STR_LOAD_EXPECTED_ACTION, "ожидался объект действия {id, kind, text}")                       \
    X(STR_LOAD_ACTION_ID_REPEATED,                                                                 \
      "id действия «%s» встречается в сценарии %d раз(а): id должны "                              \
      "быть уникальны во всём сценарии")                                                           \
    X(STR_LOAD_EXPECTED_ENDING, "ожидался объект концовки {title, outcome, debrief}")              \
    X(STR_LOAD_OUTCOME_UNKNOWN,                                                                    \
      "неизвестный исход «%s» (допустимые: accepted, refused, redirected, "                        \
      "escalated, left, other)")                                                                   \
    X(STR_LOAD_EXPECTED_MAX, "ожидался объект «критерий»: максимум")                               \
    X(STR_LOAD_MAX_RANGE, "ожидалось целое число от 0 до 1000")                                    \
    X(STR_LOAD_NOT_OBJECT, "сценарий должен быть JSON-объектом { … }")                             \
    X(STR_LOAD_NO_FORMAT, "нет обязательного поля «format» (для этой версии программы — 1)")       \
    X(STR_LOAD_FORMAT_UNSUPPORTED,                                                                 \
      "формат сценария %s не поддерживается: эта версия программы читает формат 1")                \
    X(STR_LOAD_FORMAT_NEWER, "новее или неизвестен")                                               \
    X(STR_LOAD_FORMAT_WRONG, "указан неверно")                                                     \
    X(STR_LOAD_ID_NOT_FOLDER,                                                                      \
      "id «%s» не совпадает с именем папки «%.*s»: переименуйте одно из них")                      \
    X(STR_LOAD_EXPECTED_OFFICE, "ожидался объект {ticket, window, queue}")                         \
    X(STR_LOAD_BAD_CLOCK, "время пишется как ЧЧ:ММ, например \"10:20\"")                           \
    X(STR_LOAD_DEFAULT_TICKET, "А-001")                                                            \
    X(STR_LOAD_NO_STEPS, "нет обязательного поля «steps»")                                         \
    X(STR_LOAD_EXPECTED_STEPS, "ожидался непустой объект шагов {\"id\": {…}}")                     \
    X(STR_LOAD_NO_ENDINGS, "нет обязательного поля «endings»")                                     \
    X(STR_LOAD_EXPECTED_ENDINGS, "ожидался непустой объект концовок {\"id\": {…}}")                \
    X(STR_LOAD_TOO_BIG, "файл больше %u МиБ: разделите сценарий или уберите лишнее")               \
    X(STR_LOAD_JSON_NOMEM, "не удалось разобрать JSON (недостаточно памяти?)")                     \
    X(STR_LOAD_NO_FOLDER,                                                                          \
      "папки сценария нет: укажите папку с файлом scenario.json или id сценария")                  \
    X(STR_LOAD_NO_SCENARIO_JSON,                                                                   \
      "не удалось прочитать файл (%s): в папке сценария должен быть "                              \
      "scenario.json")                                                                             \
    X(STR_LOAD_CANT_READ, "не удалось прочитать файл (%s)")

/* Document types, their fields and the flag reasons (model.c). */
#define SIM_STRINGS_MODEL(X)                                                                       \
    X(STR_FIELD_SERIES, "Серия")                                                                   \
    X(STR_FIELD_NUMBER, "Номер")                                                                   \
    X(STR_FIELD_SURNAME, "Фамилия")                                                                \
    X(STR_FIELD_NAME, "Имя")                                                                       \
    X(STR_FIELD_PATRONYMIC, "Отчество")                                                            \
    X(STR_FIELD_SEX, "Пол")                                                                        \
    X(STR_FIELD_BIRTH_DATE, "Дата рождения")                                                       \
    X(STR_FIELD_BIRTH_PLACE, "Место рождения")                                                     \
    X(STR_FIELD_ISSUED_BY, "Паспорт выдан")                                                        \
    X(STR_FIELD_ISSUE_DATE, "Дата выдачи")                                                         \
    X(STR_FIELD_DIVISION_CODE, "Код подразделения")                                                \
    X(STR_FIELD_REGISTRATION, "Место жительства")                                                  \
    X(STR_FIELD_VALID_UNTIL, "Действителен до")                                                    \
    X(STR_FIELD_MARKS, "Отметки")                                                                  \
    X(STR_FIELD_EXPIRY_DATE, "Дата окончания срока действия")                                      \
    X(STR_FIELD_ISSUING_BODY, "Орган, выдавший документ")                                          \
    X(STR_FIELD_PRINCIPAL, "Доверитель")                                                           \
    X(STR_FIELD_ATTORNEY, "Представитель (поверенный)")                                            \
    X(STR_FIELD_POWERS, "Полномочия")                                                              \
    X(STR_FIELD_DATE_MADE, "Дата совершения")                                                      \
    X(STR_FIELD_TERM, "Срок действия")                                                             \
    X(STR_FIELD_NOTARISED, "Нотариальное удостоверение")                                           \
    X(STR_FIELD_NOTARY, "Нотариус")                                                                \
    X(STR_FIELD_SIGNATURE_PRINCIPAL, "Подпись доверителя")                                         \
    X(STR_FIELD_FORM, "Форма")                                                                     \
    X(STR_FIELD_SERVICE, "Услуга")                                                                 \
    X(STR_FIELD_APPLICANT, "Заявитель")                                                            \
    X(STR_FIELD_DATA, "Сведения")                                                                  \
    X(STR_FIELD_PREVIOUS_NAMES, "Прежние ФИО")                                                     \
    X(STR_FIELD_DATE, "Дата")                                                                      \
    X(STR_FIELD_SIGNATURE_APPLICANT, "Подпись заявителя")                                          \
    X(STR_FIELD_PAYER, "Плательщик")                                                               \
    X(STR_FIELD_AMOUNT, "Сумма")                                                                   \
    X(STR_FIELD_PAYMENT_PURPOSE, "Назначение платежа")                                             \
    X(STR_FIELD_RECIPIENT, "Получатель")                                                           \
    X(STR_FIELD_PAYMENT_DATE, "Дата платежа")                                                      \
    X(STR_FIELD_STATUS, "Статус")                                                                  \
    X(STR_FIELD_CHILD, "Ребёнок")                                                                  \
    X(STR_FIELD_FATHER, "Отец")                                                                    \
    X(STR_FIELD_MOTHER, "Мать")                                                                    \
    X(STR_FIELD_CITIZENSHIP, "Отметка о гражданстве")                                              \
    X(STR_FIELD_REGISTERED_AT, "Место государственной регистрации")                                \
    X(STR_FIELD_HOLDER, "Ф. И. О.")                                                                \
    X(STR_FIELD_COUNT, "Количество")                                                               \
    X(STR_FIELD_SIZE, "Размер")                                                                    \
    X(STR_FIELD_NOTES, "Особенности")                                                              \
    X(STR_FIELD_KIND, "Вид документа")                                                             \
    X(STR_FIELD_OBJECT, "Объект")                                                                  \
    X(STR_FIELD_OWNERS, "Правообладатели")                                                         \
    X(STR_FIELD_BASIS, "Основание")                                                                \
    X(STR_FIELD_CONTRACT_KIND, "Вид договора")                                                     \
    X(STR_FIELD_PARTIES, "Стороны")                                                                \
    X(STR_FIELD_SUBJECT_MATTER, "Предмет")                                                         \
    X(STR_FIELD_SIGNATURES, "Подписи")                                                             \
    X(STR_FIELD_SUBJECT, "Субъект данных")                                                         \
    X(STR_FIELD_PURPOSE, "Цель обработки")                                                         \
    X(STR_FIELD_SIGNATURE, "Подпись")                                                              \
    X(STR_FIELD_AUTHOR, "Автор")                                                                   \
    X(STR_FIELD_TEXT, "Текст")                                                                     \
    X(STR_DOCTYPE_PASSPORT_RF, "Паспорт гражданина РФ")                                            \
    X(STR_DOCTYPE_PASSPORT_FOREIGN, "Заграничный паспорт")                                         \
    X(STR_DOCTYPE_POWER_OF_ATTORNEY, "Доверенность")                                               \
    X(STR_DOCTYPE_APPLICATION, "Заявление")                                                        \
    X(STR_DOCTYPE_DUTY_RECEIPT, "Квитанция об уплате госпошлины")                                  \
    X(STR_DOCTYPE_BIRTH_CERTIFICATE, "Свидетельство о рождении")                                   \
    X(STR_DOCTYPE_SNILS, "СНИЛС")                                                                  \
    X(STR_DOCTYPE_PHOTO, "Фотографии")                                                             \
    X(STR_DOCTYPE_TITLE_DOCUMENT, "Правоустанавливающий документ")                                 \
    X(STR_DOCTYPE_CONTRACT, "Договор")                                                             \
    X(STR_DOCTYPE_CONSENT, "Согласие на обработку персональных данных")                            \
    X(STR_DOCTYPE_NOTE, "Записка")                                                                 \
    X(STR_DOCTYPE_OTHER, "Документ")                                                               \
    X(STR_REASON_EXPIRED, "Истёк срок действия, недействителен")                                   \
    X(STR_REASON_MISMATCH, "Данные расходятся с другими документами")                              \
    X(STR_REASON_NO_AUTHORITY, "Нет полномочий")                                                   \
    X(STR_REASON_NOT_NOTARISED, "Нет нотариального удостоверения")                                 \
    X(STR_REASON_NO_SIGNATURE, "Нет подписи")                                                      \
    X(STR_REASON_MISSING, "Не заполнено или отсутствует")                                          \
    X(STR_REASON_DAMAGED, "Повреждён")                                                             \
    X(STR_REASON_CORRECTIONS, "Неоговорённые исправления")                                         \
    X(STR_REASON_WRONG_FORM, "Не по установленной форме")                                          \
    X(STR_REASON_WRONG_DATA, "Неверные сведения")                                                  \
    X(STR_REASON_OTHER, "Другое")                                                                  \
    /* The words "look" and the documents are read by (engine/ui/person.c, docview.c, the      \
     * loader's check of the closed lists, engine/scenario/mrz.c): alternatives separated by "|", \
     * matched as parts of a value (sim_contains_any) or whole (sim_equals_any). */              \
    X(STR_LOAD_LOOK_VALUE, "значение «%s» окно не знает; допустимо: %s") \
    X(STR_LOAD_COMPANIONS_ARRAY, "ожидался массив объектов {\"name\", \"age\", \"sex\", …}") \
    X(STR_LOAD_COMPANIONS_MAX, "спутников %zu, у окна помещаются не больше трёх: оставьте тех, кто говорит или о ком спрашивают") \
    X(STR_LOAD_COMPANION_OBJECT, "ожидался объект {\"name\", \"age\", \"sex\"}") \
    X(STR_LOOK_VALUES_GLASSES, "yes|no|да|нет") \
    X(STR_LOOK_VALUES_BUILD, "slim|average|heavy|худощавое|среднее|полное") \
    X(STR_LOOK_VALUES_HAIR_STYLE, "short|long|bob|bun|ponytail|curly|bald|короткие|длинные|каре|пучок|хвост|кудри") \
    X(STR_LOOK_VALUES_BEARD, "no|moustache|beard|нет|усы|борода") \
    X(STR_LOOK_HAIR_GREY, "grey|gray|сед|white") \
    X(STR_LOOK_HAIR_BLOND, "blond|светл|рус") \
    X(STR_LOOK_HAIR_RED, "red|рыж") \
    X(STR_LOOK_HAIR_BROWN, "brown|каштан") \
    X(STR_LOOK_HAIR_DARK, "dark|black|тёмн|черн|чёрн") \
    X(STR_LOOK_STYLE_SHORT, "short|корот") \
    X(STR_LOOK_STYLE_LONG, "long|длин") \
    X(STR_LOOK_STYLE_BOB, "bob|каре") \
    X(STR_LOOK_STYLE_BUN, "bun|пуч") \
    X(STR_LOOK_STYLE_PONYTAIL, "ponytail|хвост") \
    X(STR_LOOK_STYLE_CURLY, "curly|кудр") \
    X(STR_LOOK_STYLE_BALD, "bald|лыс") \
    X(STR_LOOK_COAT, "coat|пальто|плащ|шуб") \
    X(STR_LOOK_SUIT, "suit|костюм|пиджак") \
    X(STR_LOOK_JACKET, "jacket|куртк|пуховик") \
    X(STR_LOOK_CARDIGAN, "cardigan|кофт|кардиган") \
    X(STR_LOOK_HOODIE, "hoodie|толстовк|худи") \
    X(STR_LOOK_SWEATER, "sweater|свитер|джемпер") \
    X(STR_LOOK_FUR, "fur|мех") \
    X(STR_LOOK_YES, "yes|да") \
    X(STR_LOOK_BUILD_SLIM, "slim|худ") \
    X(STR_LOOK_BUILD_HEAVY, "heavy|полн") \
    X(STR_LOOK_BUILD_AVERAGE, "average|средн") \
    X(STR_LOOK_BEARD, "beard|бород") \
    X(STR_LOOK_MOUSTACHE, "moustache|ус") \
    X(STR_LOOK_NONE, "no|нет|none") \
    X(STR_LOOK_BACKPACK, "backpack|рюкзак") \
    X(STR_LOOK_FOLDER, "folder|папк") \
    X(STR_DOC_SEX_MALE, "муж") \
    X(STR_DOC_SEX_FEMALE, "жен") \
    X(STR_DOC_NOTARISED_WORDS, "удостовер|нотариально") \
    X(STR_DOC_NOT, "не ") \
    X(STR_DOC_UNSIGNED_WORDS, "нет|отсутств") \
    X(STR_DOC_NOTE_UNSIGNED_WORDS, "нет подписи|отсутств") \
    X(STR_MRZ_STATES, "UZBEK=UZB|Узбек=UZB|TAJIK=TJK|Таджик=TJK|KYRGYZ=KGZ|Киргиз=KGZ|Кыргыз=KGZ|KAZAKH=KAZ|Казах=KAZ|ARMENIA=ARM|Армени=ARM|AZERBAIJAN=AZE|Азербайджан=AZE|BELARUS=BLR|Беларус=BLR|RUSSIA=RUS|Росси=RUS")
/* clang-format on */

#endif /* SIM_I18N_LOAD_H */
