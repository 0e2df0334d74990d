/*
 * i18n_central.h — the part of the string table (see i18n.h) for the configuration file, the
 * centre (PostgreSQL), enrolment, the roster and sync. Included by i18n.h only.
 */
#ifndef SIM_I18N_CENTRAL_H
#define SIM_I18N_CENTRAL_H

#define SIM_STRINGS_CENTRAL(X)                                                                                                                                                   \
    X(STR_CONF_SYNTAX, "строка не в виде «ключ = значение»: исправьте или закомментируйте её "                           \
                       "знаком #")                                                                                                                                               \
    X(STR_CONF_UNKNOWN_KEY, "неизвестный ключ «%s»: допустимы region, office, central, db, "                                                           \
                            "sync_interval, packs, lrs_endpoint, lrs_user, lrs_password_file, "                                                                                  \
                            "lrs_home_page (секрет LRS в этом файле не хранится)")                                                                                               \
    X(STR_CONF_BAD_OFFICE, "код офиса «%s» недопустим: латинские буквы, цифры, точка, «_» и "                                     \
                           "«-», не длиннее 32 знаков (например, IRK-01)")                                                                                                       \
    X(STR_CONF_BAD_TEXT, "значение ключа %s недопустимо: от 1 до %d знаков без управляющих "                                     \
                         "символов")                                                                                                                                             \
    X(STR_CONF_BAD_INTERVAL, "sync_interval «%s» недопустим: целое число минут от 1 до 1440")                                                                                    \
    X(STR_CONF_UNREADABLE, "файл настроек %s не удалось прочитать: %s")                                                                                                          \
    X(STR_CENTRAL_NONE, "не задан адрес центра%s: укажите --central URI или строку central = … "                                             \
                        "в файле настроек")                                                                                                                                      \
    X(STR_CENTRAL_USAGE,                                                                                                                                                         \
      "Использование:\n"                                                                                                                                            \
      "  mfc-trainer central init --central URI\n"                                                                                                                               \
      "      создать или обновить схему центра (роль владельца базы)\n"                                                            \
      "  mfc-trainer central office КОД --central URI [--role РОЛЬ] [--region РЕГИОН]"                                                                              \
      " [--name НАЗВАНИЕ]\n"                                                                                                                                             \
      "      добавить офис и связать с ним роль входа офиса\n")                                                                                                                  \
    X(STR_CENTRAL_NEED_OFFICE, "укажите код офиса%s: central office КОД")                                                                                                        \
    X(STR_CENTRAL_INIT_OK, "Схема центра готова (версия %d).\n")                                                                                                                 \
    X(STR_CENTRAL_OFFICE_OK, "Офис %s добавлен; роль входа: %s.\n")                                                                                                              \
    X(STR_ENROL_USAGE,                                                                                                                                                           \
      "Использование: mfc-trainer enrol --central URI --office КОД [--db ФАЙЛ]\n"                                                                            \
      "  регистрирует этот компьютер (его ключ и офис) в центре; ключ создаётся один раз\n")                                                                                     \
    X(STR_ENROL_NEED_OFFICE, "не задан офис%s: укажите --office КОД или office = … в файле "                                                     \
                             "настроек")                                                                                                                                         \
    X(STR_ENROL_OK, "Установка %s зарегистрирована в центре, офис %s.\n")                                                                                                        \
    X(STR_ID_DAMAGED, "файлы установки (…installation, …installation.key) повреждены: "                                                              \
                      "восстановите их из резервной копии или обратитесь к администратору")                                                                                      \
    X(STR_ID_CANT_WRITE, "не удалось записать %s: проверьте права на папку")                                                                                                     \
    X(STR_ROSTER_USAGE,                                                                                                                                                          \
      "Использование: mfc-trainer roster import ФАЙЛ.csv --central URI\n"                                                                                       \
      "  столбцы: табельный номер; фамилия; имя; отчество; офис (UTF-8, разделитель «;» "                                \
      "или «,»)\n")                                                                                                                                                              \
    X(STR_ROSTER_NOT_UTF8, "файл не в кодировке UTF-8: сохраните его как «CSV (UTF-8)»")                                                                                         \
    X(STR_ROSTER_NO_COLUMN, "нет столбца «%s» в первой строке")                                                                                                                  \
    X(STR_ROSTER_EMPTY, "пустой табельный номер, фамилия или имя: заполните или удалите "                                    \
                        "строку")                                                                                                                                                \
    X(STR_ROSTER_REFUSED, "список %s не загружен: исправьте строки выше и повторите")                                                                                            \
    X(STR_ROSTER_OK, "Загружено стажёров: %zu (из %s).\n")                                                                                                                       \
    X(STR_SYNC_USAGE,                                                                                                                                                            \
      "Использование:\n"                                                                                                                                            \
      "  mfc-trainer sync [--central URI] [--db ФАЙЛ] [--batch N] [--json]\n"                                                                                                \
      "      отправить в центр всё, что записано после последней подтверждённой отправки\n"                     \
      "  mfc-trainer sync --export ФАЙЛ [--db ФАЙЛ]\n"                                                                                                                   \
      "      записать подписанный пакет для компьютера без связи\n"                                                                 \
      "  mfc-trainer sync --import ФАЙЛ --central URI\n"                                                                                                                     \
      "      загрузить такой пакет в центре\n"                                                                                                         \
      "Код выхода: 0 — всё отправлено, 1 — что-то ждёт отправки, 2 — неверные параметры.\n")                                                                                     \
    X(STR_SYNC_BOTH, "--export и --import вместе не бывают%s")                                                                                                                   \
    X(STR_SYNC_BAD_BATCH, "--batch «%s»: целое число от 1 до 100000")                                                                                                            \
    X(STR_SYNC_NOT_ENROLLED, "этот компьютер не зарегистрирован в центре: выполните "                                              \
                             "mfc-trainer enrol --central URI --office КОД")                                                                                                     \
    X(STR_SYNC_OFFLINE, "нет связи с центром — результаты сохранены на этом компьютере; ждут "                          \
                        "отправки записей журнала: %lld")                                                                                                                        \
    X(STR_SYNC_LOCAL_FINDING, "проверка журнала на компьютере офиса: %s, вид нарушения %d")                                                                                      \
    X(STR_SYNC_DIVERGED, "журнал этого компьютера расходится с полученным центром (центр — до "                        \
                         "записи № %lld, здесь — до № %lld): база откатана, усечена или "                                               \
                         "изменена; ничего не отправлено, центр хранит прежние записи")                                                                                          \
    X(STR_SYNC_PROGRESS, "отправлено до записи № %lld из %lld")                                                                                                                  \
    X(STR_SYNC_SUMMARY, "Отправлено записей журнала: %lld (новых попыток: %lld, пакетов: "                                            \
                        "%lld). Офис %s, в центре — до записи № %lld. Ждут отправки: %lld.")                                                                                     \
    X(STR_SYNC_ROSTER, "Список стажёров офиса: получено %zu, добавлено %zu, расхождений %zu.")                                                                                   \
    X(STR_SYNC_FINDINGS, "Проверка журнала на этом компьютере нашла нарушений: %zu (сообщено "                              \
                         "в центр).")                                                                                                                                            \
    X(STR_SYNC_EXPORT_OK, "Пакет %s записан: записей журнала %lld (№ %lld–%lld). Отвезите его "                                         \
                          "в центр: mfc-trainer sync --import ФАЙЛ.")                                                                                                            \
    X(STR_BUNDLE_NOT, "%s — не пакет результатов mfc-trainer")                                                                                                                   \
    X(STR_BUNDLE_BAD_SIG, "пакет %s отклонён: подпись не проверяется ключом, с которым "                                          \
                          "зарегистрирована установка (офис %s, установка %s)")                                                                                                  \
    X(STR_BUNDLE_GAP, "пакет %s отклонён: в центре записи офиса %s есть до № %lld, а пакет "                                        \
                      "начинается с № %lld; сначала загрузите более ранний пакет или "                                           \
                      "попросите офис выгрузить полный")                                                                                                                         \
    X(STR_BUNDLE_RECORD, "пакет %s отклонён: офис %s, запись журнала № %lld (%s, попытка %s) "                                            \
                         "изменена или пропущена")                                                                                                                               \
    X(STR_BUNDLE_CHAIN, "пакет %s отклонён: офис %s, журнал до записи № %lld не совпадает с "                                       \
                        "подписанным")                                                                                                                                           \
    X(STR_BUNDLE_OK, "Пакет %s (офис %s, установка %s): записей %zu, новых %lld; в центре "                                                 \
                     "теперь до записи № %lld.")                                                                                                                                 \
    X(STR_VERIFY_CENTRAL_LINE, "офис %s, установка %s: %s — %s")                                                                                                                 \
    X(STR_VERIFY_CENTRAL_SUMMARY, "Проверено установок: %zu, записей журнала: %zu, подписей: "                                           \
                                  "%zu. Нарушений: %zu.")                                                                                                                        \
    X(STR_VERIFY_KEYLESS, "ключа %s нет: проверено без него — каждая запись против своего "                                    \
                          "отпечатка в журнале, нумерация журнала, удалённые и вставленные "                               \
                          "записи; не проверено — подлинность самого журнала (его коды MAC): "                                 \
                          "тот, кто изменил запись и пересчитал отпечаток, так не виден. "                                      \
                          "Ключ не создан; для полной проверки укажите --key ФАЙЛ")                                                                                              \
    X(STR_REPORT_OFFICE_NEEDS_CENTRAL, "%s работает только с --central URI (отчёт по региону)")                                                                                  \
    X(STR_REPORT_OFFICES, "По офисам")                                                                                                                                           \
    X(STR_REPORT_OFFICES_HEAD,                                                                                                                                                   \
      "Офис;Попыток;Завершено;Зачтено, %;Средний балл;Слабый критерий;Стажёров")                                                                                                 \
    X(STR_SYNC_READ_FAILED, "не удалось прочитать журнал базы результатов")                                                                                                      \
    X(STR_SYNC_STATUS_SENT, "Отправлено в центр %s · ждут отправки: %lld")                                                                                                       \
    X(STR_SYNC_STATUS_OFFLINE, "нет связи с центром — результаты сохранены на этом компьютере")                                                                                  \
    X(STR_SYNC_STATUS_NOT_ENROLLED, "компьютер не зарегистрирован в центре — результаты "                                           \
                                    "сохранены здесь; обратитесь к администратору")                                                                                              \
    X(STR_SYNC_STATUS_DIVERGED, "журнал этого компьютера расходится с центром — администратор "                            \
                                "уведомлён; результаты сохранены здесь")                                                                                                         \
    X(STR_REPORT_H_OFFICE, "Офис")                                                                                                                                               \
    X(STR_CONF_NOT_UTF8, "строка не в кодировке UTF-8: сохраните файл в UTF-8")                                                                                                  \
    X(STR_CENTRAL_PG_FAIL, "центр: %s: %s")                                                                                                                                      \
    X(STR_CENTRAL_NO_LINK, "нет связи с центром: %s")                                                                                                                            \
    X(STR_CENTRAL_SCHEMA_NEWER,                                                                                                                                                  \
      "схема центра версии %d новее этой программы (знает %d): обновите mfc-trainer")                                                                                            \
    X(STR_CENTRAL_WHAT_UPGRADE_BEGIN, "начало обновления схемы")                                                                                                                 \
    X(STR_CENTRAL_WHAT_ROLES, "создание ролей")                                                                                                                                  \
    X(STR_CENTRAL_WHAT_SCHEMA, "создание схемы")                                                                                                                                 \
    X(STR_CENTRAL_WHAT_UPGRADE, "обновление схемы")                                                                                                                              \
    X(STR_CENTRAL_WHAT_ADD_OFFICE, "добавление офиса")                                                                                                                           \
    X(STR_CENTRAL_WHAT_OFFICE_ROLE, "роль офиса")                                                                                                                                \
    X(STR_CENTRAL_WHAT_ENROL, "регистрация")                                                                                                                                     \
    X(STR_CENTRAL_WHAT_ROSTER, "список стажёров")                                                                                                                                \
    X(STR_CENTRAL_WHAT_STATUS, "состояние установки")                                                                                                                            \
    X(STR_CENTRAL_WHAT_KEY, "ключ установки")                                                                                                                                    \
    X(STR_CENTRAL_WHAT_ENTRY, "запись журнала")                                                                                                                                  \
    X(STR_CENTRAL_WHAT_BATCH_BEGIN, "начало пакета")                                                                                                                             \
    X(STR_CENTRAL_WHAT_PROFILES, "стажёры")                                                                                                                                      \
    X(STR_CENTRAL_WHAT_HEAD, "подпись журнала")                                                                                                                                  \
    X(STR_CENTRAL_WHAT_BATCH_END, "завершение пакета")                                                                                                                           \
    X(STR_CENTRAL_WHAT_FINDING, "запись находки")                                                                                                                                \
    X(STR_CENTRAL_WHAT_READ_JOURNAL, "чтение журнала")                                                                                                                           \
    X(STR_CENTRAL_WHAT_HEADS, "подписи журнала")                                                                                                                                 \
    X(STR_CENTRAL_WHAT_INSTALLATIONS, "список установок")                                                                                                                        \
    X(STR_CENTRAL_WHAT_FINDINGS, "находки")                                                                                                                                      \
    X(STR_CENTRAL_WHAT_OFFICES, "сводка по офисам")                                                                                                                              \
    X(STR_CENTRAL_WHAT_ATTEMPTS, "попытки")                                                                                                                                      \
    X(STR_CENTRAL_WHAT_PUBLISH, "публикация пакета")                                                                                                                             \
    X(STR_CENTRAL_WHAT_PACKS, "список пакетов")                                                                                                                                  \
    X(STR_CENTRAL_WHAT_NEWEST_PACK, "новый пакет сценариев")                                                                                                                     \
    X(STR_CENTRAL_WHAT_PACK_FETCH, "загрузка пакета")                                                                                                                            \
    X(STR_CENTRAL_WHAT_PACK_REPORT, "версия пакета")                                                                                                                             \
    X(STR_CENTRAL_WHAT_PACK_INSTALLS, "версии пакетов в офисах")                                                                                                                 \
    X(STR_CENTRAL_ROSTER_ROW, " (офис %s, табельный номер %s)")                                                                                                                  \
    X(STR_CENTRAL_NOT_ENROLLED, "установка %s не зарегистрирована")                                                                                                              \
    X(STR_CENTRAL_GAP, "в журнале центра нет записей № %lld–%lld")                                                                                                               \
    X(STR_CENTRAL_CHAIN, "запись журнала № %lld изменена в центре (цепочка хешей не сходится)")                                                                                  \
    X(STR_CENTRAL_DIGEST, "запись № %lld (%s) не совпадает со своим отпечатком в журнале")                                                                                       \
    X(STR_CENTRAL_BAD_SIG, "подпись журнала до записи № %lld не проверяется ключом установки")                                                                                   \
    X(STR_CENTRAL_HEAD_ROLLBACK,                                                                                                                                                 \
      "подписанная офисом цепочка до записи № %lld не совпадает с журналом центра")                                                                                              \
    X(STR_CENTRAL_PACK_TAKEN,                                                                                                                                                    \
      "центр: версия %s уже опубликована с другим содержимым: соберите пакет с новой версией (--version)")                                                                       \
    X(STR_CENTRAL_NO_PACK, "центр: пакета № %lld нет")                                                                                                                           \
    X(STR_CENTRAL_T_ATTEMPTS, "Попыток")                                                                                                                                         \
    X(STR_CENTRAL_T_FINISHED, "Заверш.")                                                                                                                                         \
    X(STR_CENTRAL_T_PASSED, "Зачт.,%")                                                                                                                                           \
    X(STR_CENTRAL_T_AVG, "Средн.")                                                                                                                                               \
    X(STR_CENTRAL_T_TRAINEES, "Стаж.")                                                                                                                                           \
    X(STR_CENTRAL_T_WEAKEST, "Слабый критерий")                                                                                                                                  \
    X(STR_CENTRAL_HTML_OFFICES_HEAD,                                                                                                                                             \
      "<section><h2>%s</h2><table><tr><th>Офис</th><th>Попыток</th><th>Завершено</th><th>Зачтено, %%</th><th>Средний балл</th><th>Слабый критерий</th><th>Стажёров</th></tr>\n") \
    X(STR_ROSTER_COL_PERSONNEL, "табельный номер")                                                                                                                               \
    X(STR_ROSTER_COL_SURNAME, "фамилия")                                                                                                                                         \
    X(STR_ROSTER_COL_NAME, "имя")                                                                                                                                                \
    X(STR_ROSTER_COL_PATRONYMIC, "отчество")                                                                                                                                     \
    X(STR_ROSTER_COL_OFFICE, "офис")                                                                                                                                             \
    X(STR_ROSTER_HDR_PERSONNEL_SHORT, "табельный")                                                                                                                               \
    X(STR_ROSTER_HDR_PERSONNEL, "Табельный номер")                                                                                                                               \
    X(STR_ROSTER_HDR_SURNAME, "Фамилия")                                                                                                                                         \
    X(STR_ROSTER_HDR_NAME, "Имя")                                                                                                                                                \
    X(STR_ROSTER_HDR_PATRONYMIC, "Отчество")                                                                                                                                     \
    X(STR_CENTRAL_WHAT_LRS, "отметки LRS")                                                                                                                                       \
    X(STR_CENTRAL_WHAT_TRAINEES, "стажёры региона")                                                                                                                              \
    X(STR_CENTRAL_WHAT_REPORT, "отчёт региона")                                                                                                                                  \
    X(STR_CENTRAL_REPORT_OLD_SCHEMA,                                                                                                                                             \
      "схема центра версии %d, а отчёту из сводок нужна 4: выполните «mfc-trainer central init» ролью владельца")                                                                \
    X(STR_CENTRAL_WHAT_SCENARIOS, "сценарии региона")                                                                                                                            \
    X(STR_MGR_REGION_PENDING, "Запрос к центру… Пока показаны результаты этого компьютера.")                                                                                     \
    X(STR_MGR_REGION_OFFLINE, "Центр недоступен — показаны результаты этого компьютера. "                                      \
                              "Причина: %s")                                                                                                                                     \
    X(STR_MGR_REGION_REFUSED, "Центр не дал прочитать результаты региона (нужна роль "                                              \
                              "руководителя) — показаны результаты этого компьютера. "                                            \
                              "Причина: %s")                                                                                                                                     \
    X(STR_MGR_REGION_SUMMARY, "регион · офисов: %zu · завершённых попыток: %lld · сдано: %s · "                                           \
                              "стажёров с попытками: %lld")                                                                                                                      \
    X(STR_MGR_REGION_EMPTY, "В центре пока нет результатов этих офисов: они появятся после "                                  \
                            "синхронизации.")                                                                                                                                    \
    X(STR_MGR_REGION_HINT,                                                                                                                                                       \
      "Tab — вкладки, офис, столбцы, таблица · ← → — вкладка или офис · ↑↓ — строка · "                            \
      "1–7 или Enter на столбце — сортировать · Esc — назад")                                                                                                                    \
    X(STR_MGR_REGION_PENDING_OFFICE, "Запрос к центру…")                                                                                                                         \
    X(STR_MGR_REGION_CHOOSE_OFFICE, "В регионе %lld стажёров — слишком много "                                                                     \
                                    "для одной таблицы: выберите офис (← →).")                                                                                                   \
    X(STR_MGR_TAB_OFFICES, "Офисы")                                                                                                                                              \
    X(STR_MGR_FILTER, "Офис: %s")                                                                                                                                                \
    X(STR_MGR_FILTER_ALL, "все")                                                                                                                                                 \
    X(STR_MGR_COL_OFFICE, "Офис")                                                                                                                                                \
    X(STR_MGR_COL_REGION, "Регион")                                                                                                                                              \
    X(STR_MGR_COL_TRAINEES, "Стажёров")

#endif /* SIM_I18N_CENTRAL_H */
