/*
 * i18n.h — the table of user-visible strings (Russian), so another language can be added as
 * one more column. Every string the player, the debrief and the command line show goes
 * through tr(). Format strings keep their printf conversions in the same order in every
 * language.
 * Depends on: nothing.
 */
#ifndef SIM_I18N_H
#define SIM_I18N_H

#define SIM_STRINGS(X)                                                                         \
    X(STR_FALSE_FLAG, "Поле «%s» в документе «%s» в порядке: лишняя отметка задерживает приём "  \
                      "и может стать необоснованным отказом")                                   \
    X(STR_WRONG_REASON, "Поле «%s» в документе «%s» отмечено верно, но причина другая: %s")     \
    X(STR_TIME_OVER, "Приём занял %s при норме %s: превышение на %d мин.")                      \
    X(STR_MISSED_PROBLEM, "Не замечено: %s")                                                     \
    X(STR_TIME_WITHIN, "Приём уложился в норму: %s при норме %s")                                                     \
    X(STR_UNFINISHED, "Попытка не завершена")                                                    \
    X(STR_TRAINING, "обучение")                                                                  \
    X(STR_EXAM, "экзамен")                                                                       \
    X(STR_PASSED, "зачтено")                                                                     \
    X(STR_FAILED, "не зачтено")                                                                  \
    X(STR_SCENARIO, "Сценарий")                                                                  \
    X(STR_APPLICANT, "Заявитель")                                                                \
    X(STR_YOU, "Вы")                                                                             \
    X(STR_ENDING, "Итог")                                                                        \
    X(STR_TOTAL, "Итоговый балл")                                                                \
    X(STR_PASS_MARK, "проходной балл")                                                           \
    X(STR_TIME_AT_WINDOW, "Время у окна")                                                        \
    X(STR_CRITERIA, "Критерии")                                                                  \
    X(STR_MISTAKES, "Ошибки")                                                                    \
    X(STR_CRITICAL, "Критические ошибки")                                                        \
    X(STR_RIGHT_WAY, "Как правильно")                                                            \
    X(STR_NO_MISTAKES, "Ошибок нет.")                                                            \
    X(STR_DOCS_ON_DESK, "Документы на столе")                                                    \
    X(STR_MENU_DOCS, "д — документы: открыть, отметить поле")                                    \
    X(STR_MENU_SERVICE, "у — выбрать услугу в программе")                                        \
    X(STR_MENU_QUIT, "в — выйти без завершения")                                                 \
    X(STR_PROMPT, "Ваш выбор: ")                                                                 \
    X(STR_BAD_CHOICE, "Нет такого варианта, попробуйте ещё раз.")                                \
    X(STR_CHOOSE_DOC, "Какой документ открыть?")                                                 \
    X(STR_CHOOSE_FIELD, "Номер поля, чтобы отметить проблему (Enter — закрыть документ): ")     \
    X(STR_CHOOSE_REASON, "Причина:")                                                             \
    X(STR_CHOOSE_SERVICE, "Услуги в программе офиса:")                                           \
    X(STR_CHECKLIST, "Перечень документов")                                                      \
    X(STR_DUTY, "Госпошлина")                                                                    \
    X(STR_FLAGGED, "отмечено")                                                                   \
    X(STR_DID_INSPECT, "Вы открываете документ")                                                 \
    X(STR_DID_SERVICE, "Вы выбираете в программе услугу")                                        \
    X(STR_DID_FLAG, "Вы отмечаете проблему: документ")                                                                   \
    X(STR_MOOD, "Настроение заявителя")                                                          \
    X(STR_POINTS_NOTICE, "%+d · %s: %s")                                                         \
    X(STR_RULE_SUFFIX, " (%s)")                                                                  \
    X(STR_USAGE,                                                                                 \
      "Использование:\n"                                                                         \
      "  mfc-trainer [gui] [--db ФАЙЛ] [--font ПУТЬ] [--scenario ID] [--seed N] [--exam]\n"    \
      "                  [--input-script ФАЙЛ --screenshots ПАПКА] [--result ФАЙЛ]\n"            \
      "                                          открыть окно тренажёра\n"                      \
      "  mfc-trainer check [--strict] [ПУТЬ...]   проверить сценарии (по умолчанию все в "       \
      "scenarios/)\n"                                                                            \
      "  mfc-trainer play СЦЕНАРИЙ [--actions ID,ID,...] [--random] [--seed N] [--json]\n"       \
      "                  [--exam] [--save ФАЙЛ] [--resume ФАЙЛ]\n"                               \
      "                  [--db ФАЙЛ] [--trainee ТАБ_НОМЕР [--trainee-name \"Фамилия Имя\"]]\n"   \
      "                                          сыграть сценарий без окна\n"                    \
      "  mfc-trainer --version | --help\n"                                                       \
      "Общие параметры: --scenarios ПАПКА (где искать сценарии)\n")                              \
    X(STR_ERR_UNKNOWN_COMMAND, "неизвестная команда «%s»")                                       \
    X(STR_ERR_UNKNOWN_OPTION, "неизвестный параметр «%s»")                                       \
    X(STR_ERR_NEEDS_VALUE, "параметру %s нужно значение")                                        \
    X(STR_ERR_BAD_SEED, "--seed: ожидалось целое неотрицательное число, а не «%s»")              \
    X(STR_ERR_NO_SCENARIO_ARG, "укажите сценарий: папку или id из scenarios/")                   \
    X(STR_ERR_SCENARIO_NOT_FOUND,                                                                \
      "сценарий «%s» не найден: укажите папку с scenario.json или id из %s")                     \
    X(STR_ERR_SCENARIO_INVALID, "сценарий «%s» содержит ошибки (см. выше); проверьте его: "      \
                                "mfc-trainer check %s")                                          \
    X(STR_ERR_ACTIONS_AND_RANDOM, "--actions и --random нельзя указывать вместе")                \
    X(STR_ERR_ACTION_REJECTED, "действие №%zu «%s»: %s")                                         \
    X(STR_ERR_NO_RULES, "каталог правил не найден: %s")                                          \
    X(STR_ERR_NO_TRAINEE, "стажёра с табельным номером «%s» нет в базе: создайте профиль в окне "  \
                          "или добавьте --trainee-name \"Фамилия Имя\"")                          \
    X(STR_CHECK_OK, "ок: %s — %s")                                                               \
    X(STR_CHECK_SUMMARY, "Проверено сценариев: %zu, с ошибками: %zu; ошибок: %zu, "              \
                         "предупреждений: %zu")                                                  \
    X(STR_CHECK_NONE, "сценариев не найдено в %s")                                               \
    X(STR_ENGINE_UNKNOWN_ACTION, "неизвестное действие «%s»%s")                                  \
    X(STR_ENGINE_NOT_OFFERED, "действие «%s» сейчас недоступно (шаг «%s»)%s")                    \
    X(STR_ENGINE_DID_YOU_MEAN, "; доступны: %s")                                                 \
    X(STR_ENGINE_FINISHED, "попытка уже завершена")                                              \
    X(STR_ENGINE_NO_DOCS, "документ «%s» ещё не передан заявителем")                            \
    X(STR_ENGINE_UNKNOWN_DOC, "неизвестный документ «%s»")                                       \
    X(STR_ENGINE_UNKNOWN_FIELD, "в документе «%s» нет поля «%s»")                                \
    X(STR_ENGINE_UNKNOWN_REASON, "неизвестная причина «%s» (допустимые: %s)")                   \
    X(STR_ENGINE_ALREADY_FLAGGED, "поле «%s.%s» уже отмечено")                                   \
    X(STR_ENGINE_UNKNOWN_SERVICE, "неизвестная услуга «%s»")                                     \
    X(STR_ENGINE_TOO_MANY, "слишком много действий в одной попытке (больше %d)")                 \
    X(STR_ENGINE_SCRIPT_FAILED, "ошибка в скрипте сценария: %s")                                 \
    X(STR_ENGINE_RESTORE_MISMATCH,                                                               \
      "сохранённая попытка относится к другой версии сценария (%s %s, сохранено для %s %s)")     \
    X(STR_ENGINE_RESTORE_CHANGED,                                                                \
      "сценарий %s %s изменился после сохранения попытки (контрольная сумма %s, теперь %s): "   \
      "продолжить её нельзя, начните заново")                                                   \
    X(STR_TIME_WALKOUT, "Заявитель ушёл, не дождавшись конца приёма: время не засчитывается")  \
    X(STR_SCRIPT_LOG, "Журнал скрипта сценария")                                                 \
    X(STR_ENGINE_RESTORE_DIVERGED,                                                               \
      "после повтора действий попытка оказалась в другом состоянии, чем при сохранении "        \
      "(шаг «%s», а сохранён «%s»): сценарий изменился")                                         \
    X(STR_SCRIPT_ERROR_ENDING, "Сценарий остановлен из-за ошибки в его скрипте")                 \
    X(STR_UI_APP_TITLE, "Тренажёр специалиста МФЦ «Мои документы»")                          \
    X(STR_UI_APP_SUBTITLE, "Приём заявителей: разговор, проверка документов, решение — и разбор каждой ошибки") \
    X(STR_UI_PROFILE, "Кто занимается")                                                      \
    X(STR_UI_GUEST, "Без профиля (результаты не попадут в отчёты)")                          \
    X(STR_UI_NEW_PROFILE, "Новый профиль")                                                   \
    X(STR_UI_MODE, "Режим")                                                                  \
    X(STR_UI_MODE_TRAINING, "Обучение")                                                      \
    X(STR_UI_MODE_EXAM, "Экзамен")                                                           \
    X(STR_UI_MODE_TRAINING_DESC, "Подсказки и объяснение после каждого действия: сколько баллов, почему и по какой норме.") \
    X(STR_UI_MODE_EXAM_DESC, "Без подсказок: разбор ошибок — только в конце приёма.")        \
    X(STR_UI_START, "Начать")                                                                \
    X(STR_UI_SETTINGS, "Настройки")                                                          \
    X(STR_UI_QUIT, "Выход")                                                                  \
    X(STR_UI_HINT_START, "↑↓ — выбор · Tab — следующий блок · N — новый профиль · S — настройки · Enter — начать · F11 — во весь экран · Esc — выход") \
    X(STR_UI_SURNAME, "Фамилия")                                                             \
    X(STR_UI_NAME, "Имя")                                                                    \
    X(STR_UI_PERSONNEL, "Табельный номер")                                                   \
    X(STR_UI_CREATE, "Создать")                                                              \
    X(STR_UI_CANCEL, "Отмена")                                                               \
    X(STR_UI_FORM_EMPTY, "Заполните все три поля.")                                          \
    X(STR_UI_NO_STORE, "База результатов недоступна: профиль создать нельзя.")               \
    X(STR_UI_HINT_FORM, "Tab, ↑↓ — поле · Enter — дальше или создать · Esc — отмена")        \
    X(STR_UI_CATALOG, "Сценарии")                                                            \
    X(STR_UI_ALL_SERVICES, "Все услуги")                                                     \
    X(STR_UI_DIFFICULTY, "Сложность")                                                        \
    X(STR_UI_NOT_PLAYED, "Ещё не пройден")                                                   \
    X(STR_UI_BEST, "Лучший результат: %d")                                                   \
    X(STR_UI_STATUS_NEW, "новый")                                                            \
    X(STR_UI_STATUS_PASSED, "✔ сдан")                                                        \
    X(STR_UI_STATUS_FAILED, "✖ не сдан")                                                     \
    X(STR_UI_NO_SCENARIOS, "Сценариев нет: проверьте папку scenarios/ (mfc-trainer check).") \
    X(STR_UI_HINT_CATALOG, "←→↑↓ — выбор · Tab — следующая услуга · Enter — начать или продолжить приём · N — начать заново · Esc — назад") \
    X(STR_UI_YOUR_ANSWER, "Ваш ответ или действие")                                             \
    X(STR_UI_RESUMED, "Попытка продолжена с того места, где Вы остановились.")                 \
    X(STR_UI_CAN_RESUME, "▶ Есть незавершённая попытка")                                       \
    X(STR_UI_TIME, "Время")                                                                      \
    X(STR_UI_TICKET, "Талон")                                                                \
    X(STR_UI_WINDOW, "окно")                                                                 \
    X(STR_UI_OVER_NORM, "сверх нормы")                                                       \
    X(STR_UI_MOOD, "Заявитель")                                                              \
    X(STR_UI_SCORE, "Баллы")                                                                 \
    X(STR_UI_NO_DOCS, "Документов на столе пока нет.")                                       \
    X(STR_UI_PC_TITLE, "АИС МФЦ")                                                            \
    X(STR_UI_PC_TITLE_FULL, "АИС МФЦ — выбор услуги")                                        \
    X(STR_UI_NO_SERVICE, "Услуга не выбрана")                                                \
    X(STR_UI_PC_OPEN, "P — открыть")                                                         \
    X(STR_UI_HINT_OFFICE, "1–9 или ↑↓ Enter — ответ · D, Tab — документы · P — программа · Esc — выйти из приёма") \
    X(STR_UI_COMPARE_WITH, "Сравнить с документом (цифра):")                                 \
    X(STR_UI_HINT_DOC, "↑↓ — поле · Enter — отметить проблему · ←→ — другой документ · C — сравнить · Esc — закрыть") \
    X(STR_UI_FLAG_TITLE, "Что не так с полем «%s» в документе «%s»?")                        \
    X(STR_UI_HINT_REASON, "↑↓ или 1–9 — причина · Enter — отметить · Esc — отмена")          \
    X(STR_UI_SERVICE_CHOSEN, "✔ Эта услуга выбрана")                                         \
    X(STR_UI_HINT_PC, "↑↓ или 1–9 — услуга · Enter — выбрать · Esc — закрыть")               \
    X(STR_UI_LEAVE_Q, "Прервать приём? Попытка сохранится как незавершённая.")               \
    X(STR_UI_LEAVE_YES, "Прервать")                                                          \
    X(STR_UI_LEAVE_NO, "Продолжить приём")                                                   \
    X(STR_UI_DEBRIEF, "Разбор приёма")                                                       \
    X(STR_UI_PASSED_BADGE, "✔ Зачтено")                                                      \
    X(STR_UI_FAILED_BADGE, "✖ Не зачтено")                                                   \
    X(STR_UI_DEBRIEF_META, "проходной балл %d · время у окна %s при норме %s")               \
    X(STR_UI_CRITICAL_ONE, "Критическая ошибка")                                             \
    X(STR_UI_MISSED, "Не замечено")                                                          \
    X(STR_UI_RETRY, "Повторить")                                                             \
    X(STR_UI_NEXT, "Следующий сценарий")                                                     \
    X(STR_UI_TO_MENU, "В меню")                                                              \
    X(STR_UI_HINT_DEBRIEF, "↑↓, PgUp, PgDn — прокрутка · ←→ — кнопка · R — повторить · N — следующий · Esc — в меню") \
    X(STR_UI_TEXT_SIZE, "Размер текста")                                                     \
    X(STR_UI_CONTRAST, "Высокая контрастность")                                              \
    X(STR_UI_TIMER, "Таймер приёма")                                                         \
    X(STR_UI_FULLSCREEN, "Во весь экран (F11)")                                              \
    X(STR_UI_ON, "вкл.")                                                                     \
    X(STR_UI_OFF, "выкл.")                                                                   \
    X(STR_UI_BACK, "Готово")                                                                 \
    X(STR_UI_HINT_SETTINGS, "↑↓ — пункт · ←→, Enter — изменить · Esc — назад")               \
    X(STR_ART_FLAGGED, "⚑ Отмечено: %s")                                                     \
    X(STR_ART_NOTARY, "НОТАРИУС")                                                            \
    X(STR_ART_RF, "РОССИЙСКАЯ ФЕДЕРАЦИЯ")                                                    \
    X(STR_ART_BRAND, "Мои документы")                                                        \
    X(STR_ART_QUEUE, "Электронная очередь")                                                  \
    X(STR_ART_BOARD, "%s → окно %d")                                                         \
    X(STR_ART_PLATE, "Окно %d")                                                              \
    X(STR_MOOD_PLEASED_F, "довольна")                                                        \
    X(STR_MOOD_PLEASED_M, "доволен")                                                         \
    X(STR_MOOD_CALM_F, "спокойна")                                                           \
    X(STR_MOOD_CALM_M, "спокоен")                                                            \
    X(STR_MOOD_WORRIED_F, "обеспокоена")                                                     \
    X(STR_MOOD_WORRIED_M, "обеспокоен")                                                      \
    X(STR_MOOD_IRRITATED_F, "раздражена")                                                    \
    X(STR_MOOD_IRRITATED_M, "раздражён")                                                     \
    X(STR_MOOD_ANGRY_F, "сердита")                                                           \
    X(STR_MOOD_ANGRY_M, "сердит")                                                            \
    X(STR_UI_TRAINEE_ROW, "%s %s · таб. № %s")                                               \
    X(STR_UI_CARD_META, "%s %s · ≈ %d мин")                                                  \
    X(STR_UI_WINDOW_TITLE, "Тренажёр специалиста МФЦ")                                       \
    X(STR_WALKOUT, "Заявитель ушёл, не дождавшись конца приёма")

typedef enum SimStr {
#define SIM_STR_ENUM(id, text) id,
    SIM_STRINGS(SIM_STR_ENUM)
#undef SIM_STR_ENUM
        STR__COUNT
} SimStr;

/* The string in the current language. Never NULL. */
const char *tr(SimStr id);

#endif /* SIM_I18N_H */
