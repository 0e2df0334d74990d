/*
 * i18n_lrs.h — the part of the string table (see i18n.h) for `lrs push`: statements into a
 * Learning Record Store (issue #13). Included by i18n.h only.
 */
#ifndef SIM_I18N_LRS_H
#define SIM_I18N_LRS_H

#define SIM_STRINGS_LRS(X)                                                                     \
    X(STR_LRS_USAGE,                                                                           \
      "Использование:\n"                                                                       \
      "  mfc-trainer lrs push [--central URI | --db ФАЙЛ] --endpoint АДРЕС --user КЛЮЧ\n"      \
      "                       [--password СЕКРЕТ | --password-file ФАЙЛ] [--home-page АДРЕС]\n"  \
      "                       [--since ГГГГ-ММ-ДД] [--office КОД] [--guests] [--cmi5]\n"         \
      "                       [--batch N] [--retries N] [--retry-delay МС] [--json]\n"          \
      "отправить в хранилище LRS записи xAPI, которых оно ещё не подтвердило: с этого\n"       \
      "компьютера (--db, по умолчанию общая база тренажёра) или за весь регион (--central).\n"  \
      "Адрес, ключ и файл секрета можно задать в файле настроек (lrs_endpoint, lrs_user,\n"    \
      "lrs_password_file); секрет — ещё и переменной MFC_LRS_PASSWORD. Попытки без профиля\n" \
      "отправляются только с --guests. Подробнее: docs/xapi.md\n"                              \
      "Код выхода: 0 — всё отправлено, 1 — что-то ждёт отправки, 2 — неверные параметры.\n")  \
    X(STR_LRS_NO_ENDPOINT, "не задан адрес LRS%s: укажите --endpoint АДРЕС или lrs_endpoint = " \
                           "… в файле настроек")                                               \
    X(STR_LRS_BOTH_SOURCES, "--central и --db вместе не бывают%s: отправляйте либо из центра, " \
                            "либо с этого компьютера")                                         \
    X(STR_LRS_BAD_NUMBER, "%s «%s»: ожидалось целое число от %ld до %ld")                      \
    X(STR_LRS_PASSWORD_FILE, "файл секрета LRS %s: %s")                                        \
    X(STR_LRS_PASSWORD_OPEN, "файл секрета LRS %s доступен не только владельцу: выполните "    \
                             "chmod 600 %s")                                                   \
    X(STR_LRS_PROGRESS, "LRS: отправлено %lld, уже были %lld, пакетов %lld")                   \
    X(STR_LRS_RETRY, "LRS: %s — повтор %d из %d через %ld,%01ld с")                            \
    X(STR_LRS_SUMMARY,                                                                         \
      "Отправлено в LRS %s: записей %lld (пакетов %lld). Уже были подтверждены раньше: %lld. " \
      "Ждут отправки: %lld.")                                                                  \
    X(STR_LRS_CONFLICTS,                                                                       \
      "В LRS уже были другие версии записей с теми же id (409): %lld — они там и остаются, "    \
      "повторно не отправляются (см. docs/xapi.md)")                                           \
    X(STR_LRS_REFUSED, "LRS отклонил записей (400): %lld — они ждут следующей отправки")      \
    X(STR_LRS_LOADED, "Из центра загружено попыток: %zu")

#endif /* SIM_I18N_LRS_H */
