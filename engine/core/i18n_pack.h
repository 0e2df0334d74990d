/*
 * i18n_pack.h — the part of the string table (see i18n.h) for scenario pack files: building,
 * checking, installing, rollback, publishing through the centre (issue #13). Included by
 * i18n.h only.
 */
#ifndef SIM_I18N_PACK_H
#define SIM_I18N_PACK_H

#define SIM_STRINGS_PACK(X)                                                                                                                  \
    X(STR_PACK_WRITE_FAILED, "не удалось записать пакет %s: %s")                                                                             \
    X(STR_PACK_READ_FAILED, "не удалось прочитать %s: файл пакета не собран")                                                                \
    X(STR_PACK_BAD_NAME, "имя пакета «%s» недопустимо: латинские буквы, цифры, «.», «_» и "    \
                         "«-», до 47 знаков (например, irk-scenarios)")                                                                      \
    X(STR_PACK_BAD_VERSION, "версия пакета «%s» недопустима: латинские буквы, цифры, «.», "    \
                            "«_» и «-», до 47 знаков (например, 2026.12)")                                                                   \
    X(STR_PACK_BAD_CHANGELOG, "список изменений должен быть текстом в UTF-8 без управляющих " \
                              "символов, не длиннее 4000 байт")                                                                              \
    X(STR_PACK_DAMAGED, "пакет %s повреждён: %s; пакет не установлен, сценарии прежние")                                                     \
    X(STR_PACK_NO_MANIFEST, "пакет %s отклонён: первой в пакете должна быть подпись "             \
                            "scenarios/pack.sig, а в нём «%s»; соберите пакет командой "                         \
                            "mfc-trainer pack build")                                                                                        \
    X(STR_PACK_FILE_UNTRUSTED, "пакет %s отклонён: он подписан ключом %s, которому этот "           \
                               "компьютер не доверяет; добавьте открытый ключ методиста в " \
                               "assets/keys или MFC_TRUSTED_KEYS (docs/security.md)")                                                        \
    X(STR_PACK_FILE_BAD_SIG, "пакет %s отклонён: подпись scenarios/pack.sig неверна (%s)")                                                   \
    X(STR_PACK_ENTRY_NAME, "пакет %s отклонён: запись без имени (%s)")                                                                       \
    X(STR_PACK_ENTRY_ABSOLUTE, "пакет %s отклонён: запись «%s» — абсолютный путь, за "                \
                               "пределами папки пакета")                                                                                     \
    X(STR_PACK_ENTRY_OUTSIDE, "пакет %s отклонён: запись «%s» содержит «..» и ведёт за "              \
                              "пределы папки пакета")                                                                                        \
    X(STR_PACK_ENTRY_LINK, "пакет %s отклонён: запись «%s» — ссылка (символическая или "        \
                           "жёсткая); в пакете допустимы только обычные файлы")                                                              \
    X(STR_PACK_ENTRY_SPECIAL, "пакет %s отклонён: запись «%s» — устройство или особый файл; "  \
                              "в пакете допустимы только обычные файлы")                                                                     \
    X(STR_PACK_ENTRY_UNLISTED, "пакет %s отклонён: файла «%s» нет в подписанном списке "            \
                               "scenarios/pack.sig")                                                                                         \
    X(STR_PACK_ENTRY_TWICE, "пакет %s отклонён: файл «%s» встречается в нём дважды")                                                         \
    X(STR_PACK_ENTRY_DAMAGED, "пакет %s отклонён: файл «%s» повреждён или изменён после "         \
                              "подписи (не совпадает с подписанным отпечатком)")                                                             \
    X(STR_PACK_ENTRY_MISSING, "пакет %s отклонён: в нём нет файла «%s» из подписанного "            \
                              "списка")                                                                                                      \
    X(STR_PACK_TOO_BIG, "пакет %s отклонён: файлы в нём больше 512 МБ")                                                                      \
    X(STR_PACK_BAD_INFO, "пакет %s отклонён: описание scenarios/pack.info отсутствует или "               \
                         "повреждено")                                                                                                       \
    X(STR_PACK_UNPACK_FAILED, "пакет %s не установлен: не удалось записать %s (%s); сценарии "     \
                              "прежние")                                                                                                     \
    X(STR_PACK_DIR_FAILED, "папка пакетов %s недоступна: %s")                                                                                \
    X(STR_PACK_VERSION_TAKEN, "пакет %s отклонён: версия %s уже установлена с другим "               \
                              "содержимым; соберите пакет с новой версией (--version)")                                                      \
    X(STR_PACK_NO_PREVIOUS, "в %s нет предыдущего пакета: возвращаться не к чему")                                                           \
    X(STR_PACK_PREVIOUS_BROKEN, "предыдущий пакет %s повреждён или подписан ключом без "         \
                                "доверия: откат не выполнен")                                                                                \
    X(STR_PACK_FROM_CENTRE, "«%s» из центра")                                                                                                \
    X(STR_PACK_USAGE, "Использование:\n"                                                                                        \
                      "  mfc-trainer pack build --key КЛЮЧ [--version ВЕРСИЯ] [--changelog ФАЙЛ]"                              \
                      " [--name ИМЯ] [--output ФАЙЛ] [ПАПКА_СЦЕНАРИЕВ]\n"                                               \
                      "      собрать подписанный пакет ИМЯ-ВЕРСИЯ.mfcpack\n"                                 \
                      "  mfc-trainer pack install ФАЙЛ [--packs ПАПКА]\n"                                                           \
                      "      проверить и установить пакет на этот компьютер\n"                       \
                      "  mfc-trainer pack rollback [--packs ПАПКА]\n"                                                                   \
                      "      вернуть предыдущий пакет\n"                                                               \
                      "  mfc-trainer pack status [--packs ПАПКА] [--json]\n"                                                            \
                      "      какой пакет установлен\n"                                                                   \
                      "  mfc-trainer pack publish --central URI ФАЙЛ\n"                                                                  \
                      "      опубликовать пакет в центре (роль владельца базы центра)\n"      \
                      "  mfc-trainer pack list --central URI [--json]\n"                                                                     \
                      "      опубликованные пакеты и версии в офисах\n")                                                                     \
    X(STR_PACK_BUILT, "Пакет %s собран: %s, версия %s, файлов %zu, подписан ключом %s, хеш "         \
                      "%s.\n")                                                                                                               \
    X(STR_PACK_BUILT_UNTRUSTED, "Внимание: ключ %s не входит в доверенные ключи этой "               \
                                "установки — компьютеры без его открытого ключа пакет "        \
                                "отклонят.\n")                                                                                               \
    X(STR_PACK_INSTALLED, "Установлен пакет сценариев %s версии %s (ключ %s): %s; "                        \
                          "предыдущий: %s.\n")                                                                                               \
    X(STR_PACK_ALREADY, "Пакет %s версии %s уже установлен и используется.\n")                                                               \
    X(STR_PACK_ROLLED_BACK, "Возвращён пакет версии %s. Версию %s синхронизация не "                \
                            "установит снова, пока центр не опубликует более новую.\n")                                                      \
    X(STR_PACK_STATUS, "Пакет сценариев: %s версии %s (собран %s, ключ %s), папка %s; "                   \
                       "предыдущий: %s.\n")                                                                                                  \
    X(STR_PACK_STATUS_NONE, "Установленных пакетов нет (%s): используются сценарии из %s.\n")                                                \
    X(STR_PACK_PUBLISHED, "Пакет %s версии %s опубликован в центре; офисы получат его при "   \
                          "следующей синхронизации.\n")                                                                                      \
    X(STR_PACK_PUBLISHED_AGAIN, "Пакет %s версии %s уже опубликован в центре.\n")                                                            \
    X(STR_PACK_LIST_HEAD, "Опубликованные пакеты (новейший последним):\n")                                                                   \
    X(STR_PACK_LIST_ROW, "  %-14s %-20s %s  ключ %s  %lld байт\n")                                                                           \
    X(STR_PACK_LIST_NONE, "  пока ни одного\n")                                                                                              \
    X(STR_PACK_LIST_OFFICES, "Версии в офисах:\n")                                                                                           \
    X(STR_PACK_LIST_OFFICE_ROW, "  офис %-10s установка %s: %s (сообщено %s)\n")                                                             \
    X(STR_PACK_SYNC_INSTALLED, "Пакет сценариев %s установлен из центра (был: %s); программа "   \
                               "возьмёт его при следующем запуске.")                                                                         \
    X(STR_PACK_SYNC_CURRENT, "Пакет сценариев: %s — новейший из опубликованных.")                                                            \
    X(STR_PACK_SYNC_SKIPPED, "Пакет сценариев %s из центра не установлен: к нему вернулись " \
                             "командой pack rollback; остаётся %s.")                                                                         \
    X(STR_PACK_SYNC_REFUSED, "пакет сценариев из центра не установлен: %s")                                                                  \
    X(STR_PACK_NOTICE, "Новый пакет сценариев %s: что изменилось — %s")                                                                      \
    X(STR_PACK_NOTICE_PLAIN, "Новый пакет сценариев %s")                                                                                     \
    X(STR_PACK_NONE, "—")

#endif /* SIM_I18N_PACK_H */
