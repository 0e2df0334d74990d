/*
 * i18n_engine.h — the part of the string table (see i18n.h) for the engine's own messages
 * outside the scenario loader: keys and signatures (crypto), the results database and sync
 * files (store), the window's fonts, screenshots and input scripts (ui), and the answers the
 * terminal game and the pack command accept. Included by i18n.h only.
 */
#ifndef SIM_I18N_ENGINE_H
#define SIM_I18N_ENGINE_H

/* clang-format off */
#define SIM_STRINGS_ENGINE(X)                                                                      \
    X(STR_DL_MISSING, "не найдена библиотека %s: установите пакет %s (sudo apt install %s)")       \
    X(STR_DL_NO_FUNCTION, "библиотека %s не подходит (в ней нет функции %s): установите пакет "    \
      "%s из Debian 12 (sudo apt install %s)")                                                     \
    X(STR_KEY_NOT_SECRET, "%s — не секретный ключ mfc-trainer (нет файла или он повреждён)")       \
    X(STR_KEY_NOT_PUBLIC, "%s — не ключ mfc-trainer (нет файла или он повреждён)")                 \
    X(STR_MANIFEST_BAD_PATH, "недопустимый или повторный путь в списке файлов: %.500s")            \
    X(STR_SYNC_READ_JOURNAL, "чтение журнала: %s")                                                 \
    X(STR_SYNC_READ_ENTRY, "чтение записи %lld журнала: %s")                                       \
    X(STR_SYNC_READ_TRAINEES, "чтение стажёров: %s")                                               \
    X(STR_SYNC_TRAINEE_LIST, "список стажёров: %s")                                                \
    X(STR_SYNC_TRAINEE_LIST_NOT_WRITTEN, "список стажёров не записан: %s")                         \
    X(STR_SYNC_FILE_EXISTS, "файл %s уже есть: укажите новое имя")                                 \
    X(STR_SYNC_NO_FILE_ACCESS, "нет доступа к файлу")                                              \
    X(STR_SYNC_TRAINEE, "стажёр: %s")                                                              \
    X(STR_SYNC_RECORD_UNREADABLE, "запись %s попытки %s не читается: %s")                          \
    X(STR_STORE_NO_FILE, "файла %s нет")                                                           \
    X(STR_STORE_CANT_OPEN, "не удалось открыть %s: %s")                                            \
    X(STR_STORE_NEWER_FILE, "%s создан более новой версией программы; обновите mfc-trainer")       \
    X(STR_STORE_NOT_OURS_JOURNAL,                                                                  \
      "%s — не база результатов mfc-trainer с журналом (схема 4 и новее); "                        \
      "файл не изменён")                                                                           \
    X(STR_PLAY_KEY_QUIT, "в")                                                                      \
    X(STR_PLAY_KEY_SERVICE, "у")                                                                   \
    X(STR_PLAY_KEY_DOCS, "д")                                                                      \
    X(STR_PACK_CLI_NEED_KEY, "укажите --key КЛЮЧ (секретный ключ методиста)")                      \
    X(STR_PACK_CLI_NEED_FILE_INSTALL, "укажите файл пакета: pack install ФАЙЛ")                    \
    X(STR_PACK_CLI_NEED_FILE_PUBLISH, "укажите файл пакета: pack publish --central URI ФАЙЛ")      \
    X(STR_CONF_NOT_A_FILE, "это не файл")                                                          \
    X(STR_FONT_NOT_FOUND, "шрифт %s не найден: проверьте путь в --font")                           \
    X(STR_FONT_DEFAULT_NOT_FOUND,                                                                  \
      "шрифт DejaVu Sans не найден в %s: установите пакет "                                        \
      "fonts-dejavu-core (sudo apt-get install fonts-dejavu-core) "                                \
      "или укажите шрифт параметром --font ПУТЬ")                                                  \
    X(STR_TTF_INIT, "не удалось запустить SDL_ttf: %s")                                            \
    X(STR_FONT_CANT_OPEN,                                                                          \
      "шрифт %s не открывается (%s): установите пакет fonts-dejavu-core "                          \
      "или укажите другой шрифт параметром --font ПУТЬ")                                           \
    X(STR_WINDOW_CANT_OPEN, "не удалось открыть окно: %s")                                         \
    X(STR_RENDERER_CANT_CREATE, "не удалось создать отрисовщик: %s")                               \
    X(STR_FILE_CANT_WRITE, "%s: не удалось записать")                                              \
    X(STR_SCREENSHOT_FAILED, "снимок экрана: %s")                                                  \
    X(STR_SCREENSHOT_FILE_FAILED, "снимок экрана %s: %s")                                          \
    X(STR_SHIFT_TICKET_LETTER, "А")                                                                \
    X(STR_INPUT_UNKNOWN_KEY, "%s:%zu: неизвестная клавиша «%s»")                                   \
    X(STR_INPUT_ACT_FAILED, "%s:%zu: действие «%s» не выполнено: %s")                              \
    X(STR_INPUT_NO_ATTEMPT, "приём не идёт")                                                       \
    X(STR_INPUT_SHOT_NO_DIR, "%s:%zu: shot без --screenshots ПАПКА")                               \
    X(STR_INPUT_WITH_TEXT, " с текстом ")                                                          \
    X(STR_INPUT_UNKNOWN_COMMAND,                                                                   \
      "%s:%zu: непонятная команда «%s» (допустимы key, click, text, wait, shot, size, act, "       \
      "copy, expect, db)")                                                                         \
    X(STR_DIAG_ERROR_WORD, ": ошибка:")                                                            \
    X(STR_DIAG_WARNING_WORD, ": предупреждение:")                                                  \
    X(STR_GUI_SCENARIO_ID_NOT_LOADED, "сценарий «%s» не загружен")
/* clang-format on */

#endif /* SIM_I18N_ENGINE_H */
