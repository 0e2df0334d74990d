/*
 * i18n_central.h — the part of the string table (see i18n.h) for the configuration file, the
 * centre (PostgreSQL), enrolment, the roster and sync. Included by i18n.h only.
 */
#ifndef SIM_I18N_CENTRAL_H
#define SIM_I18N_CENTRAL_H

#define SIM_STRINGS_CENTRAL(X)                                                                 \
    X(STR_CONF_SYNTAX, "строка не в виде «ключ = значение»: исправьте или закомментируйте её " \
                       "знаком #")                                                             \
    X(STR_CONF_UNKNOWN_KEY, "неизвестный ключ «%s»: допустимы region, office, central, db, "   \
                            "sync_interval")                                                   \
    X(STR_CONF_BAD_OFFICE, "код офиса «%s» недопустим: латинские буквы, цифры, точка, «_» и "  \
                           "«-», не длиннее 32 знаков (например, IRK-01)")                     \
    X(STR_CONF_BAD_TEXT, "значение ключа %s недопустимо: от 1 до %d знаков без управляющих "   \
                         "символов")                                                           \
    X(STR_CONF_BAD_INTERVAL, "sync_interval «%s» недопустим: целое число минут от 1 до 1440")  \
    X(STR_CONF_UNREADABLE, "файл настроек %s не удалось прочитать: %s")                       \
    X(STR_CONF_NOT_UTF8, "строка не в кодировке UTF-8: сохраните файл в UTF-8")

#endif /* SIM_I18N_CENTRAL_H */
