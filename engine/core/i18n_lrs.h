/*
 * i18n_lrs.h — the part of the string table (see i18n.h) for `lrs push`: statements into a
 * Learning Record Store (issue #13). Included by i18n.h only.
 */
#ifndef SIM_I18N_LRS_H
#define SIM_I18N_LRS_H

#define SIM_STRINGS_LRS(X)                                                                                                                           \
    X(STR_LRS_USAGE,                                                                                                                                 \
      "Использование:\n"                                                                                                                \
      "  mfc-trainer lrs push [--central URI | --db ФАЙЛ] --endpoint АДРЕС --user КЛЮЧ\n"                                               \
      "                       [--password СЕКРЕТ | --password-file ФАЙЛ] [--home-page АДРЕС]\n"                                       \
      "                       [--since ГГГГ-ММ-ДД] [--office КОД] [--guests] [--cmi5]\n"                                                  \
      "                       [--batch N] [--retries N] [--retry-delay МС] [--json]\n"                                                             \
      "отправить в хранилище LRS записи xAPI, которых оно ещё не подтвердило: с этого\n"    \
      "компьютера (--db, по умолчанию общая база тренажёра) или за весь регион (--central).\n" \
      "Адрес, ключ и файл секрета можно задать в файле настроек (lrs_endpoint, lrs_user,\n"            \
      "lrs_password_file); секрет — ещё и переменной MFC_LRS_PASSWORD. Попытки без профиля\n"                 \
      "отправляются только с --guests. Подробнее: docs/xapi.md\n"                                                        \
      "Код выхода: 0 — всё отправлено, 1 — что-то ждёт отправки, 2 — неверные параметры.\n")                                                         \
    X(STR_LRS_NO_ENDPOINT, "не задан адрес LRS%s: укажите --endpoint АДРЕС или lrs_endpoint = "                           \
                           "… в файле настроек")                                                                                                     \
    X(STR_LRS_BOTH_SOURCES, "--central и --db вместе не бывают%s: отправляйте либо из центра, "                \
                            "либо с этого компьютера")                                                                                               \
    X(STR_LRS_BAD_NUMBER, "%s «%s»: ожидалось целое число от %ld до %ld")                                                                            \
    X(STR_LRS_PASSWORD_FILE, "файл секрета LRS %s: %s")                                                                                              \
    X(STR_LRS_PASSWORD_OPEN, "файл секрета LRS %s доступен не только владельцу: выполните "             \
                             "chmod 600 %s")                                                                                                         \
    X(STR_LRS_PROGRESS, "LRS: отправлено %lld, уже были %lld, пакетов %lld")                                                                         \
    X(STR_LRS_RETRY, "LRS: %s — повтор %d из %d через %ld,%01ld с")                                                                                  \
    X(STR_LRS_SUMMARY,                                                                                                                               \
      "Отправлено в LRS %s: записей %lld (пакетов %lld). Уже были подтверждены раньше: %lld. "     \
      "Ждут отправки: %lld.")                                                                                                                        \
    X(STR_LRS_CONFLICTS,                                                                                                                             \
      "В LRS уже были другие версии записей с теми же id (409): %lld — они там и остаются, "      \
      "повторно не отправляются (см. docs/xapi.md)")                                                                                                 \
    X(STR_LRS_REFUSED, "LRS отклонил записей (400): %lld — они ждут следующей отправки")                                                             \
    X(STR_LRS_BAD_URL, "адрес LRS «%s»: ожидался http://… или https://…")                                                                            \
    X(STR_LRS_URL_SPACES, "адрес LRS «%s»: пробелы и управляющие знаки недопустимы")                                                                 \
    X(STR_LRS_CURL_INIT, "не удалось подготовить libcurl")                                                                                           \
    X(STR_LRS_NO_ANSWER, "нет ответа от LRS %s: %s")                                                                                                 \
    X(STR_LRS_NOT_ACCEPTED, "LRS %s ответил %ld: записи не приняты")                                                                                 \
    X(STR_LRS_ANSWERED, "LRS %s ответил %ld")                                                                                                        \
    X(STR_LRS_REFUSED_ONE, "LRS %s отклонил запись %s (400): она останется неотправленной")                                                          \
    X(STR_LRS_TOO_LARGE,                                                                                                                             \
      "LRS %s не принимает даже одну запись (%s, 413 — слишком большой запрос): увеличьте предел размера запроса в LRS")                             \
    X(STR_LRS_DENIED,                                                                                                                                \
      "LRS %s отказал в доступе (%ld): проверьте ключ (--user) и секрет (--password, MFC_LRS_PASSWORD или lrs_password_file)")                       \
    X(STR_LRS_STORE_ERROR, "база результатов: отметки LRS: %s")                                                                                      \
    X(STR_XAPI_ABORTED, "выгрузка прервана")                                                                                                         \
    X(STR_LRS_LOADED, "Из центра загружено попыток: %zu")

#endif /* SIM_I18N_LRS_H */
