/*
 * i18n.h — the table of user-visible strings (Russian), so another language can be added as
 * one more column. Every string the player, the debrief and the command line show goes
 * through tr(), or TRF() where it is a printf format (see below). Format strings keep their
 * printf conversions in the same order in every language. The table has parts, one file
 * each, included below; tests/strings_test.py fails on a Russian literal anywhere else.
 * Depends on: nothing.
 */
#ifndef SIM_I18N_H
#define SIM_I18N_H

/* The table is aligned by hand: clang-format would re-pad every line. */
/* clang-format off */
#define SIM_STRINGS(X)                                                                         \
    X(STR_FALSE_FLAG, "Поле «%s» в документе «%s» в порядке: лишняя отметка задерживает приём "  \
                      "и может стать необоснованным отказом")                                   \
    X(STR_WRONG_REASON, "Поле «%s» в документе «%s» отмечено верно, но причина другая: %s")     \
    X(STR_TIME_OVER, "Приём занял %s при норме %s: превышение на %d мин.")                      \
    X(STR_MISSED_PROBLEM, "Не отмечено: %s.")                                                    \
    X(STR_MISSED_PROBLEM_FB, "Не отмечено: %s. %s")                                              \
    X(STR_PROBLEM_WHERE, "%s → %s — %s")                                                         \
    X(STR_FLAGGED_RIGHT, "Отмечено верно")                                                       \
    X(STR_MUST_FIND, "Заявление принято, хотя не отмечено: %s. Такую проблему нужно найти и "   \
                     "разрешить до приёма: иначе заявление вернут или в услуге откажут.")      \
    X(STR_FLOOR_MISSED, "Не набран минимум по критерию «%s»: %d из %d, для зачёта нужно не "    \
                        "меньше %d %% максимума.")                                               \
    X(STR_FLOORS, "Минимум по критериям")                                                        \
    X(STR_FINAL_MARK, "завершает приём")                                                         \
    X(STR_ERR_EXAM_SAVE, "экзамен нельзя сохранить в файл (--save): файл сохранения можно "       \
                         "изменить; экзамен проходится за один раз")                             \
    X(STR_ERR_EXAM_RESUME, "экзамен нельзя продолжить из файла сохранения: такой файл можно "     \
                           "изменить; начните экзамен заново")                                   \
    X(STR_ERR_EMPTY_PATH, "у %s пустое значение: укажите файл или папку")                        \
    X(STR_VERIFY_NO_KEY, "нет секрета установки %s, которым заверены записи базы %s: без него "  \
                         "проверить цепочку нельзя, а новый секрет verify не создаёт; укажите "  \
                         "его параметром --key ФАЙЛ")                                             \
    X(STR_SCRIPT_TEXT_NOT_UTF8, "текст из скрипта не в кодировке UTF-8")                        \
    X(STR_ERR_BAD_NAME, "%s: ожидался текст в UTF-8 без управляющих символов")                   \
    X(STR_SCRIPT_TEXT_TOO_LONG, "текст из скрипта длиной %zu байт длиннее предела %zu байт")    \
    X(STR_SCRIPT_BYTES_BUDGET, "скрипт передал программе больше %zu МиБ текста за попытку")    \
    X(STR_SCRIPT_ENTRIES_MAX, "скрипт добавил в журнал больше %d записей за попытку")          \
    X(STR_SCRIPT_FLAGS_MAX, "у попытки больше %d флагов: скрипт ставит их без меры")            \
    X(STR_SCRIPT_CLOCK_MAX, "sim.add_minutes: часы приёма дошли бы до предела %.0f мин")        \
    X(STR_NAIVE_USAGE,                                                                          \
      "Использование: mfc-trainer naive СЦЕНАРИЙ...|--all [--seeds N] [--seed S] [--json]\n"    \
      "                                 [--max-random-rate П]\n"                                \
      "Проигрывает сценарии «бездумными» стратегиями на N зёрнах (по умолчанию 1000, с зерна\n" \
      "S = 1): всегда первый ответ, всегда последний, всегда самый длинный (документы не\n"     \
      "открываются, услуга не выбирается) и случайная игра. Сценарий «обыгрывается», если\n"    \
      "постоянная стратегия сдаёт его хоть на одном зерне или случайная игра сдаёт чаще П %\n"  \
      "(по умолчанию 0.5). Код выхода: 0 — не обыгрывается ни один, 1 — обыгрывается или не\n" \
      "загружается, 2 — неверные аргументы.\n")                                               \
    X(STR_NAIVE_ROW, "  %-8s сдано %lld из %lld (%.2f %%), лучший итог %d (зерно %llu)")          \
    X(STR_NAIVE_ERRORS, "; ошибок скрипта: %lld")                                                \
    X(STR_NAIVE_GAMED, "\n  ✖ %s обыгрывается стратегией «%s» (первое сдавшее зерно: %llu)")     \
    X(STR_NAIVE_SUMMARY, "Сценариев: %zu, обыгрывается: %zu, не загрузилось: %zu (зёрен на "     \
                         "стратегию: %lld)")                                                    \
    X(STR_NAIVE_BAD_NUMBER, "неверное значение %s")                                             \
    X(STR_NAIVE_WHICH, "укажите сценарии или --all (но не то и другое)")                          \
    X(STR_CHECK_NO_SOURCE_RULE, "у правила «%s» нет источника и даты проверки: добавьте "       \
                                "«source» и «checked» или отметьте «verify»: true")            \
    X(STR_CHECK_NO_SOURCE_SERVICE, "у услуги справочника «%s» нет источника и даты проверки: "  \
                                   "добавьте «source» и «checked» или отметьте «verify»: true") \
    X(STR_CHECK_NO_SOURCE_VALUE, "у величины справочника «%s» нет источника и даты проверки: " \
                                 "добавьте «source» и «checked» или отметьте «verify»: true")  \
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
      "Использование: mfc-trainer [КОМАНДА] [ПАРАМЕТРЫ]\n"                                       \
      "Тренажёр специалиста МФЦ «Мои документы». Без команды открывается окно.\n"                \
      "\n"                                                                                       \
      "Команды:\n"                                                                               \
      "  mfc-trainer gui [--db ФАЙЛ] [--font ПУТЬ] [--scenario ID] [--seed N] [--exam]\n"       \
      "      [--size ШxВ] [--input-script ФАЙЛ] [--screenshots ПАПКА] [--result ФАЙЛ]\n"        \
      "      — открыть окно тренажёра (команда по умолчанию)\n"                                   \
      "  mfc-trainer check [--strict] [ПУТЬ...]\n"                                               \
      "      — проверить сценарии (по умолчанию весь пакет)\n"                                   \
      "  mfc-trainer play [СЦЕНАРИЙ] [--actions ID,ID,...] [--random] [--seed N]\n"           \
      "      [--json] [--quiet] [--exam] [--save ФАЙЛ] [--resume ФАЙЛ] [--db ФАЙЛ]\n"                     \
      "      [--trainee ТАБ_НОМЕР [--trainee-name \"Фамилия Имя\"]]\n"                          \
      "      — сыграть сценарий без окна\n"                                                      \
      "  mfc-trainer report [--db ФАЙЛ] [--format table|csv|json|html]\n"                     \
      "      [--trainee ТАБ_НОМЕР] [--scenario ID] [--since ГГГГ-ММ-ДД]\n"                     \
      "      [--until ГГГГ-ММ-ДД] [--output ФАЙЛ] [--central URI [--office КОД]]\n"                                                                 \
      "      — отчёт руководителя по базе результатов\n"                                         \
      "  mfc-trainer export --format xapi [--db ФАЙЛ] [--since ГГГГ-ММ-ДД]\n"                   \
      "      [--home-page АДРЕС] [--output ФАЙЛ] [--guests] [--cmi5]\n"                         \
      "      — выгрузка для СДО (xAPI 1.0.3)\n"                                                  \
      "  mfc-trainer verify [--db ФАЙЛ] [--expect-head МЕТКА] [--key ФАЙЛ]\n"                    \
      "  mfc-trainer verify --central URI [--office КОД] [--json]\n"                           \
      "      — проверить, не изменена ли база результатов (или центр региона)\n"                                     \
      "  mfc-trainer pin set [--db ФАЙЛ | --system]\n"                                           \
      "      — задать PIN раздела «Руководитель»\n"                                              \
      "  mfc-trainer enrol --central URI --office КОД [--db ФАЙЛ]\n"                            \
      "      — зарегистрировать компьютер в центре региона\n"                                   \
      "  mfc-trainer sync [--central URI] [--db ФАЙЛ] [--batch N] [--json]\n"                   \
      "  mfc-trainer sync --export ФАЙЛ [--db ФАЙЛ] | --import ФАЙЛ --central URI\n"          \
      "      — отправить результаты в центр региона (или пакетом без связи)\n"                  \
      "  mfc-trainer roster import ФАЙЛ.csv --central URI\n"                                    \
      "      — загрузить в центр список стажёров\n"                                             \
      "  mfc-trainer central init|office КОД --central URI [--role РОЛЬ]\n"                  \
      "      [--region РЕГИОН] [--name НАЗВАНИЕ]\n"                                             \
      "      — подготовить центр региона и его офисы\n"                                         \
      "  mfc-trainer lrs push [--central URI | --db ФАЙЛ] --endpoint АДРЕС --user КЛЮЧ\n"      \
      "      [--password СЕКРЕТ | --password-file ФАЙЛ] [--guests] [--cmi5] [--json]\n"         \
      "      — отправить записи xAPI в хранилище LRS\n"                                          \
      "  mfc-trainer explore СЦЕНАРИЙ|--all [--jobs N] [--json] [--limit N] [--depth N]\n"      \
      "      [--seed S] [--random N] [--verify N]\n"                                             \
      "      — пройти все пути сценария\n"                                                       \
      "  mfc-trainer naive СЦЕНАРИЙ...|--all [--seeds N] [--seed S] [--json]\n"                 \
      "      [--max-random-rate П]\n"                                                            \
      "      — обыгрывается ли сценарий бездумной игрой\n"                                       \
      "  mfc-trainer graph СЦЕНАРИЙ [--attempt ID [--db ФАЙЛ]] [--limit N]\n"                    \
      "      — граф сценария в формате Graphviz DOT\n"                                           \
      "  mfc-trainer new ID --service УСЛУГА\n"                                                  \
      "      — создать заготовку сценария\n"                                                     \
      "  mfc-trainer keygen ФАЙЛ\n"                                                              \
      "      — создать ключ методиста (ФАЙЛ и ФАЙЛ.pub)\n"                                       \
      "  mfc-trainer sign --key ФАЙЛ [ПАПКА]\n"                                                  \
      "      — подписать пакет сценариев (pack.sig)\n"                                           \
      "  mfc-trainer pack build|install|rollback|status|publish|list …\n"                       \
      "      — файл пакета сценариев и его доставка через центр\n"                              \
      "  mfc-trainer help [КОМАНДА]\n"                                                           \
      "      — эта справка или справка по команде\n")                                            \
    /* The rest of the global help: one string may not pass 4095 bytes (C99 5.2.4.1). */     \
    X(STR_USAGE_OPTIONS,                                                                        \
      "\n"                                                                                       \
      "Общие параметры:\n"                                                                       \
      "  -h, --help          справка (после команды — справка по этой команде)\n"               \
      "  -V, --version       версия программы\n"                                                 \
      "  --scenarios ПАПКА   где искать сценарии (или переменная MFC_SCENARIOS)\n"              \
      "  --lua-time-ms N     мс на вызов скрипта в play и check (MFC_LUA_TIME_MS)\n"    \
      "  --lua-mem-mb N      МиБ на попытку скрипта (MFC_LUA_MEM_MB)\n"  \
      "Имя файла «-» — стандартный вывод (--output, --save, --result) или стандартный\n"       \
      "ввод (--resume, --input-script).\n"                                           \
      "Коды выхода: 0 — успешно, 1 — ошибка или проверка не пройдена, 2 — неверные\n"           \
      "аргументы или нет нужного файла. Подробнее: man mfc-trainer.\n")                          \
    X(STR_GUI_USAGE,                                                                            \
      "Использование:\n"                                                                        \
      "  mfc-trainer [gui] [--db ФАЙЛ] [--font ПУТЬ] [--scenario ID] [--seed N] [--exam]\n"     \
      "                    [--size ШИРИНАxВЫСОТА] [--input-script ФАЙЛ|-]\n"                    \
      "                    [--screenshots ПАПКА] [--result ФАЙЛ|-]\n"                          \
      "Открывает окно тренажёра. --db — база результатов (по умолчанию\n"                       \
      "~/.local/share/mfc-trainer/results.db), --font — шрифт TTF вместо DejaVu Sans,\n"      \
      "--scenario и --seed — сразу начать этот сценарий, --exam — в режиме экзамена,\n"        \
      "--size — размер окна. Для автоматических прогонов: --input-script — сценарий\n"          \
      "нажатий («-» — со стандартного ввода), --screenshots — папка для снимков,\n"             \
      "--result — файл для JSON итога («-» — стандартный вывод).\n"                            \
      "Окну нужен графический сеанс (DISPLAY или WAYLAND_DISPLAY); без него программа\n"        \
      "завершается с кодом 2. SDL_VIDEODRIVER=dummy — прогон без экрана (для тестов).\n")       \
    X(STR_CHECK_USAGE,                                                                          \
      "Использование:\n"                                                                        \
      "  mfc-trainer check [--strict] [--lua-time-ms N] [--lua-mem-mb N] [ПУТЬ...]\n"            \
      "Проверяет сценарии (по умолчанию все в папке сценариев): ПУТЬ — папка сценария,\n"       \
      "его id или папка пакета. Каждая ошибка печатается как\n"                                 \
      "ФАЙЛ:СТРОКА:СТОЛБЕЦ: error|warning: JSON.ПУТЬ: сообщение.\n"                             \
      "--strict — предупреждения тоже считаются ошибками.\n"                                    \
      "Код выхода: 0 — все сценарии верны, 1 — есть ошибки, 2 — неверные аргументы.\n")         \
    X(STR_PLAY_USAGE,                                                                           \
      "Использование:\n"                                                                        \
      "  mfc-trainer play [СЦЕНАРИЙ] [--actions ID,ID,...|--random] [--seed N] [--json]\n"      \
      "                   [--quiet] [--exam] [--save ФАЙЛ|-] [--resume ФАЙЛ|-] [--db ФАЙЛ]\n"     \
      "                   [--trainee ТАБ_НОМЕР [--trainee-name \"Фамилия Имя\"]]\n"              \
      "                   [--lua-time-ms N] [--lua-mem-mb N]\n"                                 \
      "Играет сценарий без окна: действия из --actions, случайная игра (--random) с зерна\n"    \
      "--seed или вопросы в терминале. --json — один объект с итогом, --quiet — без\n"          \
      "стенограммы, --exam — разбор только в конце. --save сохраняет учебную попытку в\n"       \
      "файл, --resume продолжает её («-» — стандартный вывод или ввод); экзамен в файл не\n"   \
      "сохраняется. С --db и --trainee попытка записывается в базу результатов.\n"              \
      "Код выхода: 0 — сыграно, 1 — ошибка сценария или записи, 2 — неверные аргументы.\n")    \
    X(STR_PIN_USAGE,                                                                            \
      "Использование:\n"                                                                        \
      "  mfc-trainer pin set [--db ФАЙЛ]\n"                                                      \
      "  mfc-trainer pin set --system\n"                                                         \
      "Задаёт PIN раздела «Руководитель» (4–8 цифр): программа спрашивает его дважды\n"         \
      "(или читает две строки со стандартного ввода). Без --system PIN записывается в базу\n"   \
      "результатов (--db, по умолчанию ~/.local/share/mfc-trainer/results.db). С --system\n"   \
      "администратор (root) задаёт PIN для всех пользователей компьютера: хеш PIN\n"           \
      "записывается в /etc/mfc-trainer/manager-pin и при каждом запуске окна переносится в\n" \
      "базу результатов; сменить его в окне нельзя. Сам PIN нигде не хранится.\n")              \
    X(STR_KEYGEN_HELP,                                                                          \
      "Использование:\n"                                                                        \
      "  mfc-trainer keygen ФАЙЛ\n"                                                              \
      "  mfc-trainer keygen --output ФАЙЛ\n"                                                     \
      "Создаёт ключ методиста: секретный в ФАЙЛ (права 0600, существующий не\n"                 \
      "перезаписывается) и открытый в ФАЙЛ.pub. Открытый ключ администратор кладёт в\n"          \
      "/etc/mfc-trainer/keys/ на компьютерах, где сдают экзамен.\n")                            \
    X(STR_SIGN_HELP,                                                                            \
      "Использование:\n"                                                                        \
      "  mfc-trainer sign --key СЕКРЕТНЫЙ_КЛЮЧ [ПАПКА_СЦЕНАРИЕВ]\n"                               \
      "Подписывает пакет сценариев (по умолчанию папку сценариев программы): хеши всех\n"      \
      "файлов пакета и общих скриптов записываются в ПАПКА/pack.sig, подписанный ключом.\n")   \
    X(STR_VERIFY_HELP,                                                                          \
      "Использование:\n"                                                                        \
      "  mfc-trainer verify [--db ФАЙЛ] [--expect-head МЕТКА] [--key ФАЙЛ]\n"                    \
      "  mfc-trainer verify --central URI [--office КОД] [--json]\n"                           \
      "Проверяет, не изменена ли база результатов в обход программы: каждая запись и\n"        \
      "цепочка журнала. --expect-head — метка цепочки из отчёта или выгрузки (ловит откат\n"  \
      "базы к старой копии), --key — секрет установки, если он лежит не рядом с базой.\n"      \
      "База не создаётся: нет файла — код 2. Код выхода: 0 — всё сходится, 1 — найдены\n"     \
      "изменения, 2 — неверные аргументы или нет базы.\n")                                      \
    X(STR_VERSION, "mfc-trainer %s (формат сценариев %d)\n")                                    \
    X(STR_ERR_STDIO_PATH, "%s: «-» (стандартный ввод или вывод) здесь не подходит — укажите файл") \
    X(STR_ERR_NO_DB_FILE, "базы результатов %s нет: проверьте путь (--db ФАЙЛ); команда, "     \
                          "которая только читает, базу не создаёт")                            \
    X(STR_ERR_NO_DISPLAY_ENV,                                                                   \
      "нет графического сеанса (переменные DISPLAY и WAYLAND_DISPLAY не заданы), окно "       \
      "открыть негде. Запустите тренажёр из графического сеанса; без окна работают команды "  \
      "play, check, report и export (mfc-trainer --help). Для прогона без экрана задайте "     \
      "SDL_VIDEODRIVER=dummy")                                                                  \
    X(STR_KEY_NOT_ROOT_OWNED, "ключ %s не принят: файл и папка доверенных ключей должны "     \
                              "принадлежать root и быть закрыты для записи остальным (sudo "    \
                              "chown root:root ФАЙЛ; sudo chmod 644 ФАЙЛ)")                     \
    X(STR_PIN_ASK, "Новый PIN раздела «Руководитель» (4–8 цифр): ")                              \
    X(STR_PIN_ASK_AGAIN, "Тот же PIN ещё раз: ")                                                \
    X(STR_PIN_CLI_INVALID, "PIN должен состоять из 4–8 цифр")                                   \
    X(STR_PIN_CLI_MISMATCH, "PIN не совпадают: PIN не изменён")                                 \
    X(STR_PIN_CLI_NO_INPUT, "PIN не введён: PIN не изменён")                                    \
    X(STR_PIN_CLI_WRITE, "не удалось записать %s: %s (системный PIN задаёт администратор: "    \
                         "sudo mfc-trainer pin set --system)")                                  \
    X(STR_PIN_CLI_DONE_DB, "PIN раздела «Руководитель» задан в базе %s\n")                      \
    X(STR_PIN_CLI_DONE_SYSTEM, "PIN раздела «Руководитель» задан для всех пользователей: %s\n") \
    X(STR_PIN_SYSTEM_IGNORED, "системный PIN %s не принят: файл должен принадлежать root и "   \
                              "содержать хеш PIN (sudo mfc-trainer pin set --system)")         \
    X(STR_ERR_STDIN_TOO_LARGE, "стандартный ввод: больше %zu байт")                           \
    X(STR_ERR_STDIN_READ, "стандартный ввод не прочитан")                                       \
    /* ---- Lua's compiler messages, in Russian (script.c keeps FILE:LINE in front) ---- */ \
    X(STR_LUA_SYNTAX, "синтаксическая ошибка: %s")                                             \
    X(STR_LUA_NEAR, "%s рядом с «%s»")                                                         \
    X(STR_LUA_NEAR_EOF, "%s в конце файла")                                                     \
    X(STR_LUA_TOO_COMPLEX, "скрипт слишком сложен для Lua (%s)")                               \
    X(STR_LUA_UNEXPECTED, "неожиданный символ")                                                 \
    X(STR_LUA_GENERIC, "ошибка в записи")                                                      \
    X(STR_LUA_BAD_NUMBER, "неверно записано число")                                             \
    X(STR_LUA_OPEN_STRING, "строка не закрыта кавычкой")                                        \
    X(STR_LUA_OPEN_LONG_STRING, "длинная строка [[…]] не закрыта (начата в строке %s)")        \
    X(STR_LUA_OPEN_LONG_COMMENT, "длинный комментарий --[[…]] не закрыт (начат в строке %s)")  \
    X(STR_LUA_BAD_ESCAPE, "неверная escape-последовательность после «\\»")                     \
    X(STR_LUA_BIG_ESCAPE, "слишком большой код в escape-последовательности")                   \
    X(STR_LUA_HEX_DIGIT, "ожидалась шестнадцатеричная цифра")                                  \
    X(STR_LUA_BIG_UTF8, "слишком большой код UTF-8")                                            \
    X(STR_LUA_BAD_LONG_DELIM, "неверный разделитель длинной строки")                            \
    X(STR_LUA_EXPECTED_CLOSE, "ожидалось «%s», чтобы закрыть «%s» из строки %s")                \
    X(STR_LUA_EXPECTED, "ожидалось «%s»")                                                       \
    X(STR_LUA_EXPECTED_NAME, "ожидалось имя")                                                   \
    X(STR_LUA_EXPECTED_EOF, "ожидался конец файла")                                            \
    X(STR_LUA_EXPECTED_ARGS, "ожидались аргументы функции")                                    \
    X(STR_LUA_NO_LABEL, "метки «%s» для goto из строки %s не видно")                           \
    X(STR_LUA_BREAK, "break вне цикла (строка %s)")                                             \
    X(STR_LUA_LABEL_TWICE, "метка «%s» уже есть в строке %s")                                  \
    X(STR_LUA_CONST, "нельзя присвоить значение константе «%s»")                               \
    X(STR_LUA_VARARG, "«...» вне функции с переменным числом аргументов")                      \
    X(STR_LUA_ATTRIBUTE, "неизвестный атрибут «%s»: бывают <const> и <close>")                 \
    X(STR_LUA_MULTI_CLOSE, "в одном local несколько переменных <close>")                        \
    X(STR_ERR_UNKNOWN_COMMAND, "неизвестная команда «%s»")                                       \
    X(STR_ERR_UNKNOWN_OPTION, "неизвестный параметр «%s»")                                       \
    X(STR_ERR_NEEDS_VALUE, "параметру %s нужно значение")                                        \
    X(STR_ERR_BAD_SEED, "--seed: ожидалось целое неотрицательное число, а не «%s»")              \
    X(STR_ERR_BAD_LIMIT, "%s: ожидалось целое число от 1 до %lld, а не «%s»")                   \
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
    X(STR_EXPLORE_USAGE,                                                                        \
      "Использование:\n"                                                                        \
      "  mfc-trainer explore СЦЕНАРИЙ [--json] [--limit N] [--depth N] [--seed S] [--verify N]\n" \
      "  mfc-trainer explore СЦЕНАРИЙ --random N [--seed S] [--json]\n"                          \
      "  mfc-trainer explore --all [--jobs N] [те же параметры]\n"                              \
      "пройти все пути сценария (до --limit состояний, по умолчанию 50 000 000) или N случайных\n" \
      "прохождений, выполняя скрипт: концовки с худшим и лучшим баллом, лучший путь,\n"          \
      "недостижимые концовки, тупики, ошибки скрипта с путём к ним, покрытие шагов и действий.\n" \
      "--all — весь пакет, по сценарию на поток (--jobs N, по умолчанию по числу ядер).\n"       \
      "--verify N — самопроверка обхода: первое завершение каждой концовки, каждое N-е\n"        \
      "и все пути из отчёта проигрываются заново обычной попыткой и должны совпасть.\n"          \
      "Код выхода 1 — ошибка скрипта, тупик или расхождение самопроверки.\n")               \
    X(STR_EXPLORE_BAD_NUMBER, "%s: ожидалось целое положительное число, а не «%s»")             \
    X(STR_EXPLORE_HEAD, "Сценарий %s — %s (версия %s)")                                         \
    X(STR_EXPLORE_MODE_ALL, "Обход всех путей: состояний %lld, переходов %lld%s")               \
    X(STR_EXPLORE_INCOMPLETE, " — обход неполный (достигнут предел --limit или --depth)")      \
    X(STR_EXPLORE_MODE_RANDOM, "Случайных прохождений: %lld (seed %llu), действий %lld")        \
    X(STR_EXPLORE_ENDINGS, "Концовки:")                                                         \
    X(STR_EXPLORE_ENDING_LINE, "  %-24s %-12s путей %-7lld балл %d–%d, зачтено %lld из %lld")    \
    X(STR_EXPLORE_UNREACHED, "  %-24s не достигнута ни на одном пути")                          \
    X(STR_EXPLORE_BEST, "Лучший путь (%d баллов, %s): %s")                                      \
    X(STR_EXPLORE_NO_BEST, "Ни один путь не дошёл до концовки.")                                \
    X(STR_EXPLORE_COVERAGE, "Покрытие: шагов %zu из %zu, действий %zu из %zu")                  \
    X(STR_EXPLORE_NOT_SEEN, "  не пройдено: %s")                                                \
    X(STR_EXPLORE_DEAD_END, "Тупик на шаге «%s»: %s\n  путь: %s")                               \
    X(STR_EXPLORE_SCRIPT_ERROR, "Ошибка скрипта на шаге «%s»: %s\n  путь: %s")                  \
    X(STR_EXPLORE_MUST_FAIL, "Зачёт там, где его быть не должно (концовка «%s»): %s\n  путь: %s") \
    X(STR_EXPLORE_CLEAN, "Ошибок скрипта, тупиков и зачётов на путях must_fail нет.")          \
    X(STR_EXPLORE_PACK, "Пакет: сценариев %lld, состояний %lld, %.2f с (потоков: %zu)")         \
    X(STR_EXPLORE_VERIFIED, "Самопроверка: проиграно заново %lld завершений, расхождений %lld")   \
    X(STR_GRAPH_USAGE,                                                                          \
      "Использование:\n"                                                                        \
      "  mfc-trainer graph СЦЕНАРИЙ [--attempt ID --db ФАЙЛ] [--limit N]\n"                      \
      "граф сценария в формате Graphviz DOT: шаги, действия с баллами, концовки с отметкой\n"   \
      "«зачёт возможен» или «без зачёта»; с --attempt — путь стажёра из базы результатов.\n"    \
      "Картинка: mfc-trainer graph ID | dot -Tsvg > ID.svg (пакет graphviz).\n")               \
    X(STR_GRAPH_CRITICAL, "КРИТИЧЕСКАЯ ОШИБКА")                                                 \
    X(STR_GRAPH_MUST_FAIL, "must_fail: зачёта быть не должно")                                 \
    X(STR_GRAPH_NOT_REACHED, "не достигнута")                                                   \
    X(STR_GRAPH_PASS, "зачёт возможен\nбалл %d–%d")                                             \
    X(STR_GRAPH_FAIL, "без зачёта\nбалл %d–%d")                                                 \
    X(STR_GRAPH_WALKOUT, "\"уход: кончилось терпение\"")                                       \
    X(STR_GRAPH_NO_ATTEMPT, "попытки «%s» нет в базе результатов")                              \
    X(STR_GRAPH_OTHER_SCENARIO, "попытка «%s» относится к сценарию «%s», а не «%s»")            \
    X(STR_GRAPH_ATTEMPT_LABEL, "\nпопытка %s, итог %d; действия с документами и услугой: %s")  \
    X(STR_NEW_USAGE,                                                                            \
      "Использование:\n"                                                                        \
      "  mfc-trainer new ID --service УСЛУГА\n"                                                  \
      "создать папку scenarios/ID/ с заготовкой сценария по шаблону scenarios/data/template/;\n" \
      "УСЛУГА — id услуги из справочника scenarios/data/services.json (например, inn).\n")       \
    X(STR_NEW_NO_ID, "укажите id нового сценария: строчные латинские буквы, цифры, «-» и «_»")   \
    X(STR_NEW_BAD_ID, "id «%s» не подходит: только строчные латинские буквы, цифры, «-» и «_», " \
                      "до 64 знаков")                                                            \
    X(STR_NEW_NO_SERVICE, "укажите услугу: --service ID (id из scenarios/data/services.json)")  \
    X(STR_NEW_NO_BOOK, "справочник услуг %s не загружен: исправьте его (mfc-trainer check)")     \
    X(STR_NEW_UNKNOWN_SERVICE, "услуги «%s» нет в справочнике; есть: %s")                       \
    X(STR_NEW_EXISTS, "%s уже существует: выберите другой id (существующий сценарий не "        \
                      "перезаписывается)")                                                       \
    X(STR_NEW_NO_TEMPLATE, "не удалось прочитать шаблон в %s (%s)")                             \
    X(STR_NEW_WRITE, "не удалось создать %s: %s (проверьте права на папку)")                    \
    X(STR_NEW_DONE, "Создан сценарий %s — услуга «%s».\n"                                       \
                    "Дальше: отредактируйте scenario.json и script.lua, затем\n"                \
                    "  mfc-trainer check --strict %s\n  mfc-trainer explore %s")               \
    X(STR_REPORT_USAGE,                                                                          \
      "Использование:\n"                                                                         \
      "  mfc-trainer report [--db ФАЙЛ] [--format table|csv|json|html] [--trainee ТАБ_НОМЕР]\n" \
      "                     [--scenario ID] [--since ГГГГ-ММ-ДД] [--until ГГГГ-ММ-ДД]\n"        \
      "                     [--output ФАЙЛ|-] [--central URI [--office КОД]]\n"                  \
      "Отчёт руководителя по базе результатов: стажёры, сценарии, критерии, частые ошибки,\n"   \
      "распределение баллов и динамика. По умолчанию — таблица в терминале по базе\n"          \
      "~/.local/share/mfc-trainer/results.db. Даты — по началу попытки (UTC), включительно.\n" \
      "--central — по центру региона (с таблицей по офисам), --office — один офис.\n"          \
      "Базу отчёт не создаёт: нет файла — код 2.\n")                                           \
    X(STR_REPORT_TITLE, "Отчёт по результатам обучения (mfc-trainer)")                         \
    X(STR_REPORT_BAD_FORMAT, "--format: ожидалось table, csv, json или html, а не «%s»")       \
    X(STR_REPORT_BAD_DATE_FLAG, "%s: ожидалась дата в виде ГГГГ-ММ-ДД (например, 2025-03-31), а не «%s»") \
    X(STR_REPORT_BAD_DATE, "дата «%s»: ожидалась дата в виде ГГГГ-ММ-ДД")                      \
    X(STR_REPORT_BAD_RANGE, "--since %s позже, чем --until %s: период пуст")                   \
    X(STR_REPORT_NO_TRAINEE, "стажёра с табельным номером «%s» нет в базе результатов")        \
    X(STR_REPORT_UNKNOWN_SCENARIO, "предупреждение: по сценарию «%s» нет попыток за выбранный период, и в папке сценариев его нет — проверьте id") \
    X(STR_REPORT_DB_ERROR, "база результатов: не удалось построить отчёт: %s")                 \
    X(STR_REPORT_NOMEM, "нехватка памяти при построении отчёта")                               \
    X(STR_REPORT_CANT_WRITE, "не удалось записать отчёт в %s: %s")                             \
    X(STR_REPORT_EMPTY, "Нет данных за выбранный период.")                                     \
    X(STR_REPORT_CRIT_NOTE, "Оранжевым — критерии, где в среднем набрано меньше 70 % от максимума.") \
    X(STR_REPORT_F_ALL, "все результаты")                                                      \
    X(STR_REPORT_F_TRAINEE, "стажёр с табельным номером %s")                                   \
    X(STR_REPORT_F_SCENARIO, "сценарий %s")                                                    \
    X(STR_REPORT_F_SINCE, "с %s")                                                              \
    X(STR_REPORT_F_UNTIL, "по %s")                                                             \
    X(STR_REPORT_SEC_SUMMARY, "Сводка")                                                        \
    X(STR_REPORT_SEC_TRAINEES, "Стажёры")                                                      \
    X(STR_REPORT_SEC_SCENARIOS, "Сценарии")                                                    \
    X(STR_REPORT_SEC_SCENARIO_CRITERIA, "Средний балл по критериям в каждом сценарии")         \
    X(STR_REPORT_SEC_CRITERIA, "Средний балл по критериям, % от максимума")                    \
    X(STR_REPORT_SEC_MISTAKES, "Самые частые ошибки в каждом сценарии")                        \
    X(STR_REPORT_SEC_HISTORY, "История попыток стажёра")                                       \
    X(STR_REPORT_SEC_HISTOGRAM, "Распределение итоговых баллов")                               \
    X(STR_REPORT_SEC_TREND_DAY, "Средний итоговый балл по дням")                               \
    X(STR_REPORT_SEC_TREND_WEEK, "Средний итоговый балл по неделям")                           \
    X(STR_REPORT_S_DB, "База результатов")                                                     \
    X(STR_REPORT_S_FILTER, "Отбор")                                                            \
    X(STR_REPORT_S_EXAMS, "Экзаменов")                                                         \
    X(STR_REPORT_S_ACTIVE, "Стажёров с попытками")                                             \
    X(STR_REPORT_S_FIRST, "Первая попытка (UTC)")                                              \
    X(STR_REPORT_S_LAST, "Последняя попытка (UTC)")                                            \
    X(STR_REPORT_H_FIGURE, "Показатель")                                                       \
    X(STR_REPORT_H_VALUE, "Значение")                                                          \
    X(STR_REPORT_H_PERSONNEL, "Табельный номер")                                               \
    X(STR_REPORT_H_TRAINEE, "Стажёр")                                                          \
    X(STR_REPORT_H_ATTEMPTS, "Завершённых попыток")                                            \
    X(STR_REPORT_H_UNFINISHED, "Незавершённых")                                                \
    X(STR_REPORT_H_PASSED, "Зачтено")                                                          \
    X(STR_REPORT_H_PASS_PCT, "Зачтено, %")                                                     \
    X(STR_REPORT_H_EXAMS_PASSED, "Сдано экзаменов")                                            \
    X(STR_REPORT_H_AVG, "Средний балл")                                                        \
    X(STR_REPORT_H_WEAKEST, "Слабый критерий")                                                 \
    X(STR_REPORT_H_WEAKEST_PCT, "Слабый критерий, %")                                          \
    X(STR_REPORT_H_LAST, "Последняя активность (UTC)")                                         \
    X(STR_REPORT_H_SCENARIO, "Сценарий")                                                       \
    X(STR_REPORT_H_TITLE, "Название")                                                          \
    X(STR_REPORT_H_CRITERION_ID, "Код критерия")                                               \
    X(STR_REPORT_H_CRITERION, "Критерий")                                                      \
    X(STR_REPORT_H_CRIT_AVG, "Средний балл")                                                   \
    X(STR_REPORT_H_CRIT_MAX, "Из возможных")                                                   \
    X(STR_REPORT_H_CRIT_PCT, "% от максимума")                                                 \
    X(STR_REPORT_H_ACTION, "Действие")                                                         \
    X(STR_REPORT_H_KIND, "Вид ошибки")                                                         \
    X(STR_REPORT_H_COUNT, "В скольких попытках")                                               \
    X(STR_REPORT_H_CRITICAL, "Из них критических")                                             \
    X(STR_REPORT_H_FEEDBACK, "Пояснение")                                                      \
    X(STR_REPORT_H_RULE, "Норма")                                                              \
    X(STR_REPORT_H_STARTED, "Начало (UTC)")                                                    \
    X(STR_REPORT_H_MODE, "Режим")                                                              \
    X(STR_REPORT_H_TOTAL, "Итоговый балл")                                                     \
    X(STR_REPORT_H_RESULT, "Результат")                                                        \
    X(STR_REPORT_H_OUTCOME, "Итог приёма")                                                     \
    X(STR_REPORT_H_ATTEMPT_ID, "id попытки")                                                   \
    X(STR_REPORT_H_MISTAKE, "Ошибка")                                                          \
    X(STR_REPORT_H_ACTION_ID, "Код действия")                                                  \
    X(STR_MISTAKE_TIME, "Превышено время приёма")                                              \
    X(STR_MISTAKE_MISSED, "Не отмечено: %s → %s")                                              \
    X(STR_MISTAKE_CONTENT, "Ошибка в сценарии")                                                \
    X(STR_REPORT_H_BUCKET, "Баллы")                                                            \
    X(STR_REPORT_H_DAY, "День")                                                                \
    X(STR_REPORT_H_WEEK, "Неделя с")                                                           \
    X(STR_REPORT_KIND_POINTS, "потеря баллов")                                                 \
    X(STR_REPORT_KIND_CRITICAL, "критическая")                                                 \
    X(STR_REPORT_KIND_MISSED, "не отмечено")                                                   \
    X(STR_REPORT_KIND_TIME, "превышение времени")                                              \
    X(STR_REPORT_OUT_ACCEPTED, "заявление принято")                                            \
    X(STR_REPORT_OUT_REFUSED, "отказ в приёме")                                                \
    X(STR_REPORT_OUT_REDIRECTED, "направлен в другой орган")                                   \
    X(STR_REPORT_OUT_ESCALATED, "передано руководителю")                                       \
    X(STR_REPORT_OUT_LEFT, "заявитель ушёл")                                                   \
    X(STR_REPORT_OUT_UNFINISHED, "не завершена")                                               \
    X(STR_REPORT_OUT_OTHER, "другое")                                                          \
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
    X(STR_UI_HINT_START, "↑↓ — выбор · Tab — следующий блок · N — новый профиль · M — руководитель · S — настройки · Enter — начать · F9 — озвучивание · F11 — во весь экран · Esc — выход") \
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
    X(STR_UI_STATUS_STARTED, "▶ начат")                                                      \
    X(STR_UI_STATUS_PASSED, "✔ сдан")                                                        \
    X(STR_UI_STATUS_FAILED, "✖ не сдан")                                                     \
    X(STR_UI_NO_SCENARIOS, "Сценариев нет: проверьте папку scenarios/ (mfc-trainer check).") \
    X(STR_UI_HINT_CATALOG, "←→↑↓ — выбор · Tab — карточки, услуги, кнопки · Enter — начать или продолжить · N — заново · F1 — справочник · F2 — смена · Esc — назад") \
    X(STR_UI_YOUR_ANSWER, "Ваш ответ или действие")                                             \
    X(STR_UI_VISIT_OVER, "Приём завершён")                                                       \
    X(STR_UI_TO_DEBRIEF, "К разбору (Enter)")                                                    \
    X(STR_UI_HINT_REACTION, "Enter, пробел или щелчок по кнопке — к разбору приёма")             \
    X(STR_UI_RESUMED, "Попытка продолжена с того места, где Вы остановились.")                 \
    X(STR_UI_CAN_RESUME, "▶ Есть незавершённая попытка")                                       \
    X(STR_UI_RESTART, "Начать заново · N")                                                   \
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
    X(STR_UI_HINT_OFFICE, "1–9 или ↑↓ Enter — ответ · D, Tab — документы · P — программа · F1 — справочник · Esc — выйти из приёма") \
    X(STR_UI_COMPARE_WITH, "Сравнить с документом (цифра):")                                 \
    X(STR_UI_COMPARE_BUTTON, "Сравнить · C")                                                 \
    X(STR_UI_COMPARE_END, "Убрать сравнение · C")                                            \
    X(STR_UI_CLOSE_DOC, "Закрыть · Esc")                                                     \
    X(STR_UI_FLAG_BUTTON, "Отметить")                                                        \
    X(STR_UI_PC_CHOOSE, "Выбрать услугу")                                                    \
    X(STR_UI_PC_CLOSE, "Закрыть · Esc")                                                      \
    X(STR_UI_HINT_DOC, "↑↓ — поле · Enter — отметить проблему · ←→ — другой документ · C — сравнить · Esc — закрыть") \
    X(STR_UI_FLAG_TITLE, "Что не так с полем «%s» в документе «%s»?")                        \
    X(STR_UI_HINT_REASON, "↑↓ или 1–9 — причина · Enter — отметить · Tab — кнопки · Esc — отмена")          \
    X(STR_UI_SERVICE_CHOSEN, "✔ Эта услуга выбрана")                                         \
    X(STR_UI_HINT_PC, "↑↓ или 1–9 — услуга · Enter — выбрать · F1 — справочник · Esc — закрыть")               \
    X(STR_UI_LEAVE_Q, "Прервать приём? Попытка сохранится как незавершённая.")               \
    X(STR_UI_LEAVE_YES, "Прервать")                                                          \
    X(STR_UI_LEAVE_NO, "Продолжить приём")                                                   \
    X(STR_UI_DEBRIEF, "Разбор приёма")                                                       \
    X(STR_UI_PASSED_BADGE, "✔ Зачтено")                                                      \
    X(STR_UI_FAILED_BADGE, "✖ Не зачтено")                                                   \
    X(STR_UI_DEBRIEF_META, "проходной балл %d · время у окна %s при норме %s")               \
    X(STR_UI_CRITICAL_ONE, "Критическая ошибка")                                             \
    X(STR_UI_MISSED, "Не отмечено")                                                          \
    X(STR_UI_RETRY, "Повторить")                                                             \
    X(STR_UI_NEXT, "Следующий сценарий")                                                     \
    X(STR_UI_TO_MENU, "В меню")                                                              \
    X(STR_UI_HINT_DEBRIEF, "↑↓, PgUp, PgDn — прокрутка · ←→ — кнопка · R — повторить · N — следующий · Esc — в меню") \
    X(STR_UI_TEXT_SIZE, "Размер текста")                                                     \
    X(STR_UI_TEXT_SMALLER, "Текст мельче")                                                 \
    X(STR_UI_TEXT_LARGER, "Текст крупнее")                                                 \
    X(STR_UI_CONTRAST, "Высокая контрастность")                                              \
    X(STR_UI_TIMER, "Таймер приёма")                                                         \
    X(STR_UI_FULLSCREEN, "Во весь экран (F11)")                                              \
    X(STR_UI_ON, "вкл.")                                                                     \
    X(STR_UI_OFF, "выкл.")                                                                   \
    X(STR_UI_BACK, "Готово")                                                                 \
    X(STR_UI_BACK_ESC, "Назад · Esc")                                                        \
    X(STR_UI_HINT_SETTINGS, "↑↓, Tab — пункт · ←→, Enter — изменить · F9 — озвучивание · Esc — назад") \
    /* Speech (speech.c, speak.c): what the window says aloud, and why it cannot. */         \
    X(STR_UI_SPEECH, "Озвучивание (F9)")                                                     \
    X(STR_SPEECH_ON, "Озвучивание включено")                                                 \
    X(STR_SPEECH_NOMEM, "озвучивание не включено: нехватка памяти")                          \
    X(STR_SPEECH_LOG_FAILED, "озвучивание: не удалось открыть файл записи речи %s")           \
    X(STR_SPEECH_NO_DAEMON, "speech-dispatcher не установлен или не отвечает")               \
    X(STR_SPEECH_UNAVAILABLE, "Озвучивание недоступно (%s). Установите пакеты "              \
      "speech-dispatcher и speech-dispatcher-espeak-ng (русский голос) и включите "          \
      "озвучивание снова клавишей F9; тренажёр работает и без него.")                        \
    X(STR_SAY_BUTTON, "кнопка «%s»")                                                         \
    X(STR_SAY_CHOSEN, "%s, выбрано")                                                         \
    X(STR_SAY_APPLICANT, "%s: %s")                                                           \
    X(STR_SAY_ANSWER, "Ответ %d из %d: %s")                                                  \
    X(STR_SAY_DOC, "Документ «%s»")                                                          \
    X(STR_SAY_FIELD, "%s: %s")                                                               \
    X(STR_SAY_EMPTY, "не заполнено")                                                         \
    X(STR_SAY_DESK_DOC, "На столе: %s")                                                      \
    X(STR_SAY_COMPARE_DOC, "Документ %d из %d: %s")                                          \
    X(STR_SAY_BOOK_SECTION, "Раздел «%s», записей: %zu")                                      \
    X(STR_SAY_BOOK_PAGE, "Страница услуги: %s")                                              \
    X(STR_SAY_ITEM, "%d из %d: %s")                                                          \
    X(STR_SAY_SECRET_FIELD, "Поле «%s», знаков: %d")                                        \
    X(STR_SAY_TAB, "Вкладка «%s», %d из %d")                                                 \
    X(STR_SAY_TAB_SHOWN, "Вкладка «%s»")                                                     \
    X(STR_SAY_COLUMN, "Столбец «%s», %d из %d")                                              \
    X(STR_SAY_COLUMN_ASC, "Столбец «%s», %d из %d, сортировка по возрастанию")               \
    X(STR_SAY_COLUMN_DESC, "Столбец «%s», %d из %d, сортировка по убыванию")                 \
    X(STR_SAY_ROW, "Строка %d из %d: %s")                                                    \
    X(STR_SAY_REPLAY, "Просмотр попытки: %s")                                                \
    X(STR_SAY_TOTAL, "%s: %s")                                                               \
    X(STR_SAY_PC_SERVICE, "Услуга %d из %d: %s")                                             \
    X(STR_SAY_REASON, "Причина %d из %d: %s")                                                \
    X(STR_SAY_SCORE, "Итог: %d из 100, %s")                                                  \
    X(STR_SAY_SETTING, "%s: %s")                                                             \
    X(STR_SAY_PROFILE, "Профиль: %s")                                                        \
    X(STR_SAY_MODE, "Режим: %s")                                                             \
    X(STR_SAY_FILTER, "Фильтр: %s")                                                          \
    X(STR_SAY_CARD, "Сценарий %d из %d: %s. %s")                                             \
    /* What `expect catalog` reads first: where the keyboard is (input scripts, tests). */    \
    X(STR_EXPECT_CAT_FILTER, "[фильтр %s] ")                                                 \
    X(STR_EXPECT_CAT_BOOK, "[справочник] ")                                                  \
    X(STR_EXPECT_CAT_SHIFT, "[смена] ")                                                      \
    X(STR_EXPECT_CAT_BACK, "[назад] ")                                                       \
    X(STR_EXPECT_CAT_RESTART, "[заново] ")                                                   \
    X(STR_EXPECT_CAT_RELOAD, "[загрузить снова] ")                                          \
    X(STR_UI_RELOAD_BUTTON, "Загрузить снова · F5")                                          \
    X(STR_UI_BROKEN_LEFT, "Не загрузились сценарии: %zu. Исправьте их файлы и нажмите «Загрузить снова».") \
    X(STR_EXPECT_CAT_CARDS, "[карточки] ")                                                   \
    X(STR_MRZ_BAD_CHAR, "машиночитаемая зона: в поле %s знак, которого в зоне быть не может") \
    X(STR_MRZ_BAD_FIELD, "документ «%s»: поле «%s» не подходит для машиночитаемой зоны — "    \
                         "проверьте его по образцу документа")                                \
    X(STR_MRZ_NO_STATE, "документ «%s»: не указано государство выдачи (поле «country»), "      \
                        "без него машиночитаемую зону не составить")                          \
    X(STR_MRZ_NO_ZONE, "документ «%s» (%s): у документов этого вида нет машиночитаемой зоны")  \
    X(STR_ART_FLAGGED, "⚑ Отмечено: %s")                                                     \
    X(STR_ART_NOTARY, "НОТАРИУС")                                                            \
    X(STR_ART_RF, "РОССИЙСКАЯ ФЕДЕРАЦИЯ")                                                    \
    X(STR_ART_BRAND, "Мои документы")                                                        \
    X(STR_ART_QUEUE, "Электронная очередь")                                                  \
    X(STR_ART_BOARD, "%s → окно %d")                                                         \
    X(STR_ART_PLATE, "Окно %d")                                                              \
    X(STR_ART_TICKET, "А-001")                                                               \
    X(STR_UI_EXPECT_COMPARE, "[сравнение] ")                                                  \
    X(STR_UI_EXPECT_DOC, "[документ] ")                                                       \
    X(STR_UI_EXPECT_REASON, "[причина] ")                                                     \
    X(STR_UI_EXPECT_PC, "[программа] ")                                                       \
    X(STR_UI_EXPECT_LEAVE, "[прервать] ")                                                     \
    X(STR_UI_EXPECT_OFFICE, "[приём] ")                                                       \
    X(STR_UI_EXPECT_TWO_DOCS, "[два документа] ")                                             \
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
    X(STR_MGR_BUTTON, "Руководитель")                                                        \
    X(STR_MGR_TITLE, "Руководитель: результаты")                                             \
    X(STR_MGR_SUMMARY, "завершённых попыток: %lld · сдано: %s %% · стажёров с попытками: %lld · незавершённых: %lld") \
    X(STR_MGR_TAB_TRAINEES, "Стажёры")                                                       \
    X(STR_MGR_TAB_SCENARIOS, "Сценарии")                                                     \
    X(STR_MGR_EMPTY, "Результатов пока нет: попытки появятся здесь, когда стажёры с профилем пройдут сценарии.") \
    X(STR_MGR_HINT, "Tab — вкладки, столбцы, таблица · ←→ — вкладка · ↑↓ — строка · 1–7 или Enter на столбце — сортировать · Enter — страница стажёра · Esc — назад") \
    X(STR_MGR_COL_TRAINEE, "Стажёр")                                                         \
    X(STR_MGR_COL_PERSONNEL, "Таб. №")                                                       \
    X(STR_MGR_COL_ATTEMPTS, "Попыток")                                                       \
    X(STR_MGR_COL_EXAMS, "Экзамены")                                                         \
    X(STR_MGR_COL_AVG, "Средний балл")                                                       \
    X(STR_MGR_COL_WEAKEST, "Слабое место")                                                   \
    X(STR_MGR_COL_LAST, "Последняя активность (местное время)")                              \
    X(STR_MGR_TIME_LABEL, "время местное")                                                   \
    X(STR_MGR_MISTAKE_TIME, "Превышено время приёма")                                        \
    X(STR_MGR_MISTAKE_MISSED, "Не отмечено: %s")                                             \
    X(STR_MGR_REPLAY_MODE, "%s · попытка от %s")                                             \
    X(STR_MGR_REPLAY_PREV, "◀ Назад")                                                        \
    X(STR_MGR_REPLAY_NEXT, "Вперёд ▶")                                                       \
    X(STR_MGR_REPLAY_BACK, "К попыткам")                                                     \
    X(STR_MGR_COL_SCENARIO, "Сценарий")                                                      \
    X(STR_MGR_COL_PASS_RATE, "Сдали")                                                        \
    X(STR_MGR_COL_MISTAKE, "Частая ошибка")                                                  \
    X(STR_MGR_CRITERIA, "Средний результат по критериям")                                    \
    X(STR_MGR_MISTAKES, "Частые ошибки")                                                     \
    X(STR_MGR_CRITICAL_MARK, " · критическая")                                               \
    X(STR_MGR_TRAINEE_SUB, "Баллы по времени и все попытки")                                 \
    X(STR_MGR_PASS_LINE, "проходной балл 70")                                                \
    X(STR_MGR_NO_FINISHED, "Завершённых попыток пока нет.")                                  \
    X(STR_MGR_NO_ATTEMPTS, "Попыток нет.")                                                   \
    X(STR_MGR_TRAINEE_HINT, "↑↓ — попытка · Enter — воспроизвести по шагам · Tab — кнопка «Назад» · Esc — назад")   \
    X(STR_MGR_REPLAY_CHANGED, "Воспроизвести нельзя: сценарий «%s» (версия %s) с тех пор изменился или не загружен.") \
    X(STR_MGR_REPLAY_STEP, "Шаг %zu из %zu")                                                 \
    X(STR_MGR_REPLAY_START, "Начало приёма: заявитель подходит к окну.")                     \
    X(STR_MGR_REPLAY_HINT, "← → — шаг назад и вперёд · Home, End — начало и конец · Tab, Enter — кнопки · Esc — к попыткам") \
    X(STR_PACK_NOMEM, "проверить подпись пакета сценариев не удалось (нехватка памяти)") \
    X(STR_PACK_FILE_CHANGED, "файл %s изменён после подписи методиста") \
    X(STR_PACK_FILE_MISSING, "файла %s, подписанного методистом, нет") \
    X(STR_PACK_FILE_ADDED, "файл %s добавлен после подписи методиста") \
    X(STR_PACK_UNSIGNED, "пакет сценариев не подписан методистом (нет файла %s)") \
    X(STR_PACK_UNTRUSTED, "пакет сценариев подписан ключом %s, которому эта установка не доверяет") \
    X(STR_PACK_BAD_SIGNATURE, "подпись пакета сценариев недействительна: %s") \
    X(STR_PACK_EXAM_REFUSED, "Экзамен невозможен: %s. Обратитесь к методисту.") \
    X(STR_PACK_TRAINING_WARN, "Внимание: %s — попытка будет отмечена в результатах как пройденная на неподтверждённом пакете.") \
    X(STR_PACK_WINDOW_WARN, "Пакет сценариев не подтверждён: %s. Обучение доступно, экзамен — нет.") \
    X(STR_KEYGEN_USAGE, "использование: mfc-trainer keygen ФАЙЛ (секретный ключ; открытый — ФАЙЛ.pub)") \
    X(STR_KEYGEN_DONE, "Секретный ключ: %s (права 0600 — храните его только у себя)\nОткрытый ключ: %s, номер %s\n%s") \
    X(STR_SIGN_USAGE, "использование: mfc-trainer sign --key СЕКРЕТНЫЙ_КЛЮЧ [ПАПКА_СЦЕНАРИЕВ]") \
    X(STR_SIGN_DONE, "Подписано: %s/%s — файлов %zu, ключ %s, хеш пакета %s\n") \
    X(STR_SIGN_NOT_TRUSTED, "Внимание: ключ %s не входит в доверенные (/etc/mfc-trainer/keys/, assets/keys/ сборки или MFC_TRUSTED_KEYS) — экзамен по этому пакету будет недоступен.\n") \
    X(STR_VERIFY_USAGE, "использование: mfc-trainer verify [--db ФАЙЛ] [--expect-head HEX] [--key ФАЙЛ]\n       mfc-trainer verify --central URI [--office КОД] [--json]") \
    X(STR_VERIFY_BAD_HEAD, "--expect-head: ожидалась метка цепочки — не меньше 8 шестнадцатеричных цифр, а не «%s»") \
    X(STR_VERIFY_CHANGED, "изменена") \
    X(STR_VERIFY_DELETED, "удалена") \
    X(STR_VERIFY_INSERTED, "вставлена в обход программы") \
    X(STR_VERIFY_REORDERED, "переставлена") \
    X(STR_VERIFY_JOURNAL, "подделана или изменена") \
    X(STR_VERIFY_ROLLBACK, "не найдена — база откатена к более старой копии или подменена") \
    X(STR_VERIFY_WHAT_ATTEMPT, "попытка") \
    X(STR_VERIFY_WHAT_RESULT, "результат попытки") \
    X(STR_VERIFY_WHAT_ACTION, "действие") \
    X(STR_VERIFY_WHAT_IDENTITY, "стажёр попытки (табельный номер, фамилия, имя)") \
    X(STR_VERIFY_WHAT_JOURNAL, "запись журнала") \
    X(STR_VERIFY_WHAT_HEAD, "метка цепочки") \
    X(STR_VERIFY_ATTEMPT_ID, " %s") \
    X(STR_VERIFY_SEQ, ", шаг %d") \
    X(STR_VERIFY_ENTRY, " (запись журнала № %lld)") \
    X(STR_VERIFY_SUMMARY, "%s: попыток %zu, действий %zu, записей журнала %zu; метка цепочки %s") \
    X(STR_VERIFY_FOUND, "Найдено нарушений: %zu") \
    X(STR_VERIFY_OK, "Нарушений нет: все записи совпадают с журналом.") \
    X(STR_CHAIN_HEAD, "метка цепочки результатов") \
    X(STR_REPORT_S_CHAIN, "Метка цепочки результатов") \
    X(STR_UI_CHAIN_HEAD, "Метка цепочки результатов: %s") \
    X(STR_MGR_NOT_VERIFIED, "⚠ не сходится с журналом") \
    X(STR_MGR_NOT_VERIFIED_NOTE, "⚠ — записи попытки не сходятся с журналом: база изменена в обход программы (mfc-trainer verify покажет подробности).") \
    X(STR_PIN_SET_TITLE, "Руководитель: задайте PIN") \
    X(STR_PIN_SET_HINT, "PIN защищает раздел руководителя: от 4 до 8 цифр или фраза от 8 символов. Введите его дважды.") \
    X(STR_PIN_ENTER_TITLE, "Руководитель: введите PIN") \
    X(STR_PIN_FIRST, "PIN") \
    X(STR_PIN_SECOND, "PIN ещё раз") \
    X(STR_PIN_MISMATCH, "PIN не совпадают — введите ещё раз.") \
    X(STR_PIN_INVALID, "PIN — от 4 до 8 цифр или фраза от 8 символов (не только цифры).") \
    X(STR_PIN_ENTER, "Войти") \
    X(STR_PIN_SAVE, "Сохранить") \
    X(STR_PIN_ERASE, "⌫") \
    X(STR_PIN_ERASE_SAY, "Стереть") \
    X(STR_PIN_TAMPERED, "Счётчик неверных попыток изменён вне программы — следующая попытка через %d с.") \
    X(STR_PIN_WRONG, "Неверный PIN. Следующая попытка — через %d с.") \
    X(STR_PIN_WAIT, "Подождите %d с перед следующей попыткой.") \
    X(STR_PIN_HINT, "Цифры или фраза — PIN · Tab — поля, кнопки и экранная клавиатура (стрелки — по ней) · Enter — войти · Esc — назад") \
    X(STR_PIN_SAVE_FAILED, "PIN не сохранён: %s") \
    X(STR_BOOK_TITLE, "Справочник") \
    X(STR_BOOK_SUB, "Услуги, нормы и величины — те же, по которым оцениваются Ваши действия в сценариях") \
    X(STR_BOOK_TAB_SERVICES, "Услуги") \
    X(STR_BOOK_TAB_RULES, "Правила") \
    X(STR_BOOK_TAB_VALUES, "Величины") \
    X(STR_BOOK_AGENCY, "Ведомство") \
    X(STR_BOOK_DEADLINE, "Срок") \
    X(STR_BOOK_RESULT, "Результат") \
    X(STR_BOOK_DOCUMENTS, "Документы") \
    X(STR_BOOK_PITFALLS, "Частые ошибки") \
    X(STR_BOOK_RULES, "Нормы") \
    X(STR_BOOK_CHECKED, "проверено %s") \
    X(STR_BOOK_VERIFY, "требует проверки") \
    X(STR_BOOK_USED_BY, "Услуги: %s") \
    X(STR_BOOK_EMPTY, "Справочник не загружен: нет файла scenarios/data/services.json или в нём ошибки (их покажет mfc-trainer check).") \
    X(STR_BOOK_NO_RULES, "Каталог правил не загружен: нет файла scenarios/data/rules.json или в нём ошибки.") \
    X(STR_BOOK_CLOSE, "Закрыть") \
    X(STR_BOOK_HINT_LIST, "↑↓ — выбор · Enter — открыть · PgUp, PgDn — листать · Tab — Услуги / Правила / Величины · Esc — назад") \
    X(STR_BOOK_HINT_PAGE, "↑↓, PgUp, PgDn — листать страницу · ← или Esc — к списку · Tab — раздел · F1 — закрыть") \
    X(STR_BOOK_BUTTON, "Справочник · F1") \
    X(STR_BOOK_PC_TAB, "Справочник · F1") \
    X(STR_BOOK_HUD_SHORT, "Справочник") \
    X(STR_BOOK_HUD_KEY, "F1") \
    X(STR_UI_LEAVE_HUD, "Выйти · Esc") \
    X(STR_UI_LEAVE_HUD_KEY, "Esc") \
    X(STR_SHIFT_BUTTON, "Смена · F2") \
    X(STR_SHIFT_HUD, "Смена: %d из %d · в очереди %d") \
    X(STR_SHIFT_HUD_SHORT, "%d/%d · очередь %d") \
    X(STR_SHIFT_ARRIVED, "В зал вошёл новый посетитель: в очереди %d") \
    X(STR_SHIFT_STARTED, "Смена началась: %d заявителей по талонам. Пока Вы ведёте приём, очередь растёт.") \
    X(STR_SHIFT_NEXT, "Пригласить следующего") \
    X(STR_SHIFT_RESULTS, "Итоги смены") \
    X(STR_SHIFT_FINISH, "Закончить смену") \
    X(STR_SHIFT_DEBRIEF_SUB, "%s · смена: заявитель %d из %d") \
    X(STR_SHIFT_END_TITLE, "Смена окончена") \
    X(STR_SHIFT_END_SUB, "Окно %d · %s–%s · принято заявителей: %d из %d") \
    X(STR_SHIFT_COL_TICKET, "Талон") \
    X(STR_SHIFT_COL_APPLICANT, "Заявитель") \
    X(STR_SHIFT_COL_SERVICE, "Услуга") \
    X(STR_SHIFT_COL_OUTCOME, "Итог") \
    X(STR_SHIFT_COL_SCORE, "Баллы") \
    X(STR_SHIFT_NOT_CALLED, "не принят — остался в очереди") \
    X(STR_SHIFT_INTERRUPTED, "приём прерван") \
    X(STR_SHIFT_T_AVG, "Средний балл") \
    X(STR_SHIFT_T_SERVED, "Принято") \
    X(STR_SHIFT_T_PASSED, "Зачтено") \
    X(STR_SHIFT_T_CRITICAL, "Критических ошибок") \
    X(STR_SHIFT_T_OVER, "Сверх нормы") \
    X(STR_SHIFT_T_QUEUE, "Осталось в очереди") \
    X(STR_SHIFT_OF, "%d из %d") \
    X(STR_SHIFT_MINUTES, "%.0f мин") \
    X(STR_SHIFT_V_EXCELLENT, "Отличная смена: все заявители приняты верно и в пределах нормы времени.") \
    X(STR_SHIFT_V_GOOD, "Хорошая смена: все заявители приняты, критических ошибок нет. Загляните в разборы — там есть что поправить.") \
    X(STR_SHIFT_V_WEAK, "Смена не зачтена: слишком много незачтённых приёмов или есть критическая ошибка. Повторите эти сценарии и сверьтесь со справочником.") \
    X(STR_SHIFT_V_CUT, "Смена прервана: приняты не все заявители, остальные ждут в очереди.") \
    X(STR_SHIFT_NEW, "Новая смена") \
    X(STR_SHIFT_HINT_END, "Enter — новая смена · Esc — в меню") \
    X(STR_SHIFT_HINT_DEBRIEF, "↑↓, PgUp, PgDn — прокрутка · ←→ — кнопка · Enter — пригласить следующего · Esc — закончить смену") \
    X(STR_SHIFT_NONE, "Для смены нужен хотя бы один загруженный сценарий.") \
    X(STR_RELOAD_TITLE, "Сценарий не загружается") \
    X(STR_RELOAD_SUB, "%s — исправьте файлы и сохраните: окно перезагрузит сценарий само") \
    X(STR_RELOAD_RETRY, "Перезагрузить") \
    X(STR_RELOAD_WAITING, "Приём ждёт: когда сценарий загрузится, попытка начнётся заново с тем же зерном и повторит Ваши действия (%zu).") \
    X(STR_RELOAD_ERRORS, "Ошибки при загрузке (%zu):") \
    X(STR_RELOAD_HINT, "F5, Enter — перезагрузить · ↑↓ — прокрутка · Esc — в меню (попытка сохранится как незавершённая)") \
    X(STR_RELOAD_OK, "Сценарий перезагружен с диска, Ваши действия повторены: %zu из %zu.") \
    X(STR_RELOAD_STOPPED, "Сценарий перезагружен с диска. Повторено действий: %zu из %zu — действие «%s» больше не подходит: %s") \
    X(STR_RELOAD_ENDED, "приём уже дошёл до концовки") \
    X(STR_RELOAD_SCRIPT_ERROR, "Ошибка скрипта при повторе: %s") \
    X(STR_RELOAD_BROKEN, "Загружено снова: %zu из %zu сценариев, не загрузившихся при запуске.") \
    X(STR_SCRIPT_BAD_EXPECT, "%s:%zu: ожидался экран «%s»%s%s, а открыт «%s»%s%s") \
    X(STR_SCRIPT_BAD_COPY, "%s:%zu: copy ОТКУДА КУДА: %s") \
    X(STR_EXPORT_USAGE,                                                                         \
      "Использование:\n"                                                                        \
      "  mfc-trainer export --format xapi [--db ФАЙЛ] [--since ГГГГ-ММ-ДД]\n"                   \
      "                     [--home-page АДРЕС] [--output ФАЙЛ] [--guests] [--cmi5]\n"          \
      "выгрузить результаты всех попыток как записи xAPI 1.0.3 (один массив JSON) для СДО\n"    \
      "или хранилища LRS. --db — база результатов (по умолчанию общая база тренажёра),\n"       \
      "--since — только попытки, начатые с этой даты (UTC), --home-page — адрес СДО для\n"      \
      "учётных записей стажёров (по умолчанию https://mfc-trainer.local), --output — файл\n"     \
      "вместо стандартного вывода, --guests — и попытки без профиля, --cmi5 — записи по\n"      \
      "правилам cmi5. Подробнее: docs/xapi.md\n")                                  \
    X(STR_ERR_EXPORT_NO_FORMAT, "укажите формат выгрузки: --format xapi")                       \
    X(STR_ERR_EXPORT_FORMAT,                                                                    \
      "формат выгрузки «%s» не поддерживается; пока доступен только --format xapi")             \
    X(STR_ERR_EXPORT_BAD_DATE,                                                                  \
      "--since: ожидалась дата ГГГГ-ММ-ДД (или ГГГГ-ММ-ДДTЧЧ:ММ:ССZ) по UTC, например "         \
      "2026-03-01, а не «%s»")                                                                  \
    X(STR_ERR_EXPORT_BAD_HOME_PAGE,                                                             \
      "--home-page: ожидался адрес вида https://lms.example.ru (без пробелов, кавычек, «?» и "  \
      "«#»), а не «%s»")                                                                        \
    X(STR_ERR_EXPORT_NO_DB, "базы результатов %s нет: выгружать нечего (укажите --db ФАЙЛ)")    \
    X(STR_ERR_EXPORT_WRITE, "не удалось записать %s: %s")                                       \
    X(STR_EXPORT_DONE, "Выгружено попыток: %zu, записей xAPI: %zu → %s")                        \
    /* ---- faults: content errors, a failing results database, start-up problems ---- */   \
    X(STR_ENGINE_CONTENT_STOPPED,                                                               \
      "попытка прервана из-за ошибки в содержании сценария: действия больше не принимаются")   \
    X(STR_CONTENT_STOPPED,                                                                      \
      "Сценарий прерван из-за ошибки в его содержании. Попытка не засчитывается — сообщите "    \
      "методисту.")                                                                             \
    X(STR_CONTENT_STOPPED_SHORT, "прервано из-за ошибки сценария")                              \
    X(STR_CONTENT_REPORT, "Для методиста — ошибка скрипта сценария")                            \
    X(STR_CONTENT_SHOW, "Подробности для методиста")                                            \
    X(STR_CONTENT_HIDE, "Скрыть подробности")                                                   \
    X(STR_STORE_PENDING,                                                                        \
      "Результаты не записываются: %s. Ваши действия сохранены в памяти (%zu ждут записи) и "   \
      "будут записаны, когда база снова станет доступна; освободите место на диске или "       \
      "проверьте права на файл базы.")                                                          \
    X(STR_STORE_DOWNGRADED_LATER,                                                              \
      "база %s понижена до схемы %d, хотя в ней уже есть данные схемы %d: похоже на подделку "  \
      "результатов; файл не будет изменён — восстановите базу из резервной копии")              \
    X(STR_STORE_READONLY_FS,                                                                   \
      "база результатов %s на диске, подключённом только для чтения: результаты некуда "       \
      "записать; подключите диск для записи или укажите другой файл параметром --db")          \
    X(STR_STORE_READONLY_FILE,                                                                 \
      "база результатов %s открывается только для чтения (нет права на запись в файл или его " \
      "папку): результаты некуда записать; дайте право на запись или укажите другой файл "     \
      "параметром --db")                                                                        \
    X(STR_STORE_RETRY, "Повторить запись")                                                      \
    X(STR_STORE_LOST_BANNER,                                                                    \
      "Попытка не сохранена: база результатов отказала в записи (%s). Её результат не попадёт " \
      "в отчёты; при выходе программа перечислит её действия.")                                \
    X(STR_STORE_LOST_DEBRIEF,                                                                   \
      "⚠ Результат не сохранён: база результатов отказала в записи (%s). Эта попытка не "      \
      "попадёт в отчёты руководителя.")                                                         \
    X(STR_STORE_RECOVERED, "База результатов снова доступна: отложенные записи сохранены.")    \
    X(STR_STORE_LOST,                                                                           \
      "Попытка не записана в базу результатов: база так и не приняла запись. Её действия по "  \
      "порядку: %s — их можно повторить командой play … --actions, когда база станет "         \
      "доступна.")                                                                              \
    X(STR_CONTENT_HINT,                                                                         \
      "D — подробности для методиста · ↑↓ — прокрутка · ←→ — кнопка · R — повторить · "         \
      "N — следующий · Esc — в меню")                                                           \
    X(STR_STORE_RETRY_HINT, "F6 — повторить запись")                                            \
    X(STR_ERR_NO_DISPLAY,                                                                       \
      "окно не открывается: %s. Запустите программу в графическом сеансе (проверьте "          \
      "переменные DISPLAY / WAYLAND_DISPLAY, а SDL_VIDEODRIVER уберите или задайте x11, "      \
      "wayland или dummy); без окна работают команды play, check, report и export")            \
    X(STR_FONT_FALLBACK,                                                                        \
      "шрифт %s не удалось открыть — используется DejaVu Sans; проверьте путь в --font")      \
    X(STR_ERR_NO_SCENARIOS_DIR,                                                                 \
      "папки сценариев %s нет: укажите её параметром --scenarios ПАПКА или переменной "        \
      "MFC_SCENARIOS")                                                                          \
    X(STR_SCRIPT_ADD_MINUTES_RANGE, "sim.add_minutes: ожидалось число от 0 до 240")              \
    X(STR_SCRIPT_SCORE_NO_CRITERION, "sim.score: неизвестный критерий «%s»")                     \
    X(STR_SCRIPT_SCORE_NO_RULE, "sim.score: правила «%s» нет в каталоге rules.json")             \
    X(STR_SCRIPT_SCORE_RANGE, "sim.score: баллы должны быть от -100 до 100")                     \
    X(STR_SCRIPT_SCORE_NEEDS_RULE,                                                               \
      "sim.score: у ошибки (отрицательные баллы) должно быть правило")                           \
    X(STR_SCRIPT_CRITICAL_NO_RULE, "sim.critical: правила «%s» нет в каталоге rules.json")       \
    X(STR_SCRIPT_GO_NO_STEP, "sim.go: неизвестный шаг «%s»")                                     \
    X(STR_SCRIPT_FINISH_NO_ENDING, "sim.finish: неизвестная концовка «%s»")                      \
    X(STR_SCRIPT_SET_FIELD_NO_FIELD, "sim.set_field: нет документа «%s» с полем «%s»")           \
    X(STR_SCRIPT_APPLICANT_AGE, "sim.set_applicant: возраст от 0 до 120")                        \
    X(STR_SCRIPT_APPLICANT_KEYS, "sim.set_applicant: можно менять только \"name\" и \"age\"")    \
    X(STR_SCRIPT_UNKNOWN_COMMAND, "неизвестная команда")                                         \
    X(STR_SCRIPT_ENDING_UNKNOWN, "%s: ending() вернула неизвестную концовку «%s»")               \
    X(STR_NOMEM, "нехватка памяти")                                                              \
    X(STR_ERR_FLAG_SHAPE, "отметка пишется как flag:ДОКУМЕНТ.ПОЛЕ:ПРИЧИНА, а не «%s»")           \
    X(STR_SNAPSHOT_LEAN_ONLY, "снимок возможен только в режиме обхода")                          \
    X(STR_EXPLORE_MUST_FAIL_ENDING, "концовка «%s» отмечена must_fail, но достижима с зачётом")  \
    X(STR_EXPLORE_MUST_FAIL_ACTION,                                                              \
      "действие «%s» отмечено must_fail, но лежит на зачётном пути")                             \
    X(STR_EXPLORE_WITH_TOTAL, "%s (итог %d)")                                                    \
    X(STR_EXPLORE_NO_WAY_ON,                                                                     \
      "ни одно действие шага не доступно и концовки нет: приём не может "                        \
      "завершиться")                                                                             \
    X(STR_EXPLORE_NOT_STARTED, "попытка не началась: %s")                                        \
    X(STR_EXPLORE_MOVE_FAILED, "ход %zu «%s» не выполнен: %s")                                   \
    X(STR_EXPLORE_VERIFY_DIFFERS,                                                                \
      "обход: концовка %d, итог %d, %s, %.2f мин; попытка: концовка %d, итог "                   \
      "%d, %s, %.2f мин")                                                                        \
    X(STR_EXPLORE_PASSED, "сдано")                                                               \
    X(STR_EXPLORE_NOT_PASSED, "не сдано")                                                        \
    X(STR_EXPLORE_PATH, "%s; путь:")                                                             \
    X(STR_EXPLORE_REPORT_PATH_DIFFERS,                                                           \
      "путь из отчёта (итог %d) при повторе кончается иначе; путь:")                             \
    X(STR_SCRIPT_TIME_BUDGET, "%s:%d: сценарий превысил бюджет времени (%I мс на вызов)")        \
    X(STR_SCRIPT_STEP_BUDGET,                                                                    \
      "%s:%d: сценарий превысил бюджет вычислений (%I инструкций на вызов)")                     \
    X(STR_SCRIPT_OVER_BUDGET, "превысил бюджет")                                                 \
    X(STR_SCRIPT_STRING_TOO_LONG,                                                                \
      "%s:%d: строка длиннее %d байт: так много текста сценарию не нужно")                       \
    X(STR_SCRIPT_MEMORY_LIMIT_AT, "%s:%d: скрипт превысил лимит памяти (%I МиБ)")                \
    X(STR_SCRIPT_YIELD_OUTSIDE,                                                                  \
      "%s:%d: coroutine.yield вне сопрограммы: хук не может уступить "                           \
      "управление")                                                                              \
    X(STR_SCRIPT_ERROR_NOT_STRING, "%s:%d: ошибка-значение типа %s, а не строка")                \
    X(STR_SCRIPT_MEMORY_LIMIT, "скрипт превысил лимит памяти")                                   \
    X(STR_SCRIPT_ERROR, "ошибка скрипта")                                                        \
    X(STR_SCRIPT_NO_GC_METAMETHOD, "setmetatable: метаметод __gc в сценариях запрещён")          \
    X(STR_SCRIPT_METATABLE_PROTECTED, "setmetatable: метатаблица защищена")                      \
    X(STR_SCRIPT_COLLECTGARBAGE_COUNT,                                                           \
      "collectgarbage: в сценариях доступен только режим \"count\"")                             \
    X(STR_SCRIPT_RANDOM_ARGS, "math.random: слишком много аргументов")                           \
    X(STR_SCRIPT_RANDOM_EMPTY, "пустой интервал")                                                \
    X(STR_SCRIPT_MATCH_SUBJECT_LONG, "строка для поиска по шаблону длиннее %d байт")             \
    X(STR_SCRIPT_MATCH_PATTERN_LONG, "шаблон поиска длиннее %d байт")                            \
    X(STR_SCRIPT_MATCH_TOO_COMPLEX,                                                              \
      "string.%s: шаблон «%s» слишком сложен для строки длиной %d байт "                         \
      "(поиск может не закончиться); упростите шаблон или укоротите строку")                     \
    X(STR_SCRIPT_TABLE_MOVE_MAX, "table.move: больше %d элементов за раз")                       \
    X(STR_SCRIPT_TABLE_LEN_META, "table.%s: таблица с метаметодом __len не поддерживается")      \
    X(STR_SCRIPT_COROUTINE_CLOSE_DEPTH, "coroutine.close: вложенность больше %d")                \
    X(STR_SCRIPT_REP_TOO_BIG, "string.rep: результат больше %d байт")                            \
    X(STR_SCRIPT_CONCAT_TOO_BIG, "table.concat: результат больше %d байт")                       \
    X(STR_SCRIPT_IMPORT_BAD_NAME, "import: имя «%s» недопустимо (латиница, цифры, «_», «-»)")    \
    X(STR_SCRIPT_IMPORT_EMPTY_NAME, "import: пустое или слишком длинное имя")                    \
    X(STR_SCRIPT_IMPORT_NO_DIR, "import: папка общих скриптов (scripts/) не задана")             \
    X(STR_SCRIPT_IMPORT_UNREADABLE, "import(\"%s\"): файл %s не прочитан")                       \
    X(STR_SCRIPT_NO_LUA, "не удалось создать Lua: нехватка памяти")                              \
    X(STR_SCRIPT_LOAD_ERROR, "ошибка загрузки скрипта")                                          \
    X(STR_SCRIPT_HOOK_RETURNS_STRING, "%s: функция %s должна вернуть строку или nil")            \
    X(STR_SCRIPT_SNAPSHOTS_OFF, "снимки выключены для этого скрипта")                            \
    X(STR_STORE_DB_ERROR, "база результатов: %s: %s")                                            \
    X(STR_STORE_UPGRADE_FAILED, "не удалось обновить схему")                                     \
    X(STR_STORE_VERSION_UNREADABLE, "не удалось прочитать версию схемы")                         \
    X(STR_STORE_FOREIGN_TABLES,                                                                  \
      "%s — база другой программы (в ней уже есть таблицы); файл не будет "                      \
      "изменён")                                                                                 \
    X(STR_STORE_DOWNGRADED,                                                                      \
      "база %s понижена до схемы %d, хотя уже была защищена цепочкой (есть "                     \
      "ключ %s): похоже на подделку результатов; файл не будет изменён — "                       \
      "восстановите базу из резервной копии (если прервалось само обновление "                   \
      "базы, например при сбое питания, удалите этот ключ и откройте базу "                      \
      "снова)")                                                                                  \
    X(STR_STORE_CREATE_FAILED, "не удалось создать таблицы")                                     \
    X(STR_STORE_OPEN_FAILED,                                                                     \
      "не удалось открыть базу результатов %s: %s (проверьте права на папку)")                   \
    X(STR_STORE_NOT_OURS,                                                                        \
      "%s не похож на базу результатов mfc-trainer (файл повреждён или "                         \
      "чужой); он не будет изменён")                                                             \
    X(STR_STORE_FOREIGN, "%s — база другой программы; файл не будет изменён")                    \
    X(STR_STORE_BAD_VERSION,                                                                     \
      "база %s: неверный номер схемы (%d) — файл изменён вручную; он не "                        \
      "будет изменён")                                                                           \
    X(STR_STORE_NEWER,                                                                           \
      "база %s создана более новой версией программы (схема %d, эта версия "                     \
      "знает %d); обновите mfc-trainer")                                                         \
    X(STR_STORE_DAMAGED,                                                                         \
      "база результатов %s повреждена (quick_check); файл не будет изменён — "                   \
      "восстановите его из резервной копии")                                                     \
    X(STR_SODIUM_NOT_READY, "libsodium не инициализирован")                                      \
    X(STR_STORE_WHAT_ADD_TRAINEE, "добавление стажёра")                                          \
    X(STR_STORE_PERSONNEL_TAKEN, "табельный номер %s уже занят")                                 \
    X(STR_STORE_WHAT_BEGIN, "начало попытки")                                                    \
    X(STR_STORE_WHAT_ACTION, "запись действия")                                                  \
    X(STR_STORE_WHAT_SUMMARIES, "пересчёт сводных таблиц")                                       \
    X(STR_STORE_WHAT_FINISH, "завершение попытки")                                               \
    X(STR_STORE_WHAT_SETTINGS, "сохранение настроек")                                            \
    X(STR_CHAIN_VERIFY_ERROR, "проверка журнала: %s")                                            \
    X(STR_XAPI_INITIALIZED, "начал(а) попытку")                                                  \
    X(STR_XAPI_ANSWERED, "ответил(а)")                                                           \
    X(STR_XAPI_COMPLETED, "завершил(а)")                                                         \
    X(STR_XAPI_PASSED, "сдал(а)")                                                                \
    X(STR_XAPI_FAILED, "не сдал(а)")                                                             \
    X(STR_XAPI_TERMINATED, "закончил(а) сеанс")                                                  \
    X(STR_XAPI_BAD_DATE, "выгрузка: неверная дата «%s»")                                         \
    X(STR_XAPI_BAD_HOME, "выгрузка: неверный адрес «%s»")                                        \
    X(STR_XAPI_NOMEM, "выгрузка: нехватка памяти")                                               \
    X(STR_XAPI_WRITE_FAILED, "выгрузка прервана: не удалось записать данные")                    \
    X(STR_XAPI_DB_ERROR, "база результатов: выгрузка: %s")                                       \
    X(STR_CRYPTO_CREATE_FAILED, "не удалось создать %s: %s")                                     \
    X(STR_CRYPTO_WRITE_FAILED_WHY, "не удалось записать %s: %s")                                 \
    X(STR_CRYPTO_WRITE_FAILED, "не удалось записать %s")                                         \
    X(STR_SECRET_NOT_FILE, "секрет установки %s — не обычный файл")                              \
    X(STR_SECRET_DAMAGED, "секрет установки %s повреждён (ожидалось %d байта)")                  \
    X(STR_SECRET_UNREADABLE, "не удалось прочитать секрет установки %s: %s")                     \
    X(STR_SECRET_CREATE_FAILED_WHY, "не удалось создать секрет установки %s: %s")                \
    X(STR_SECRET_CREATE_FAILED, "не удалось создать секрет установки %s")                        \
    X(STR_SIGN_NO_DIR, "папки сценариев %s нет")                                                 \
    X(STR_SIGN_NOT_SECRET_KEY,                                                                   \
      "%s — не секретный ключ mfc-trainer (создайте его командой keygen)")                       \
    X(STR_SIGN_UNREADABLE, "не удалось прочитать %s/%s")                                         \
    X(STR_PACKSIG_UNREADABLE, "файл не читается")                                                \
    X(STR_PACKSIG_UNKNOWN_FORMAT, "неизвестный формат")                                          \
    X(STR_PACKSIG_BAD_KEY_ID, "неверный номер ключа")                                            \
    X(STR_PACKSIG_NO_SIGNATURE, "нет подписи")                                                   \
    X(STR_PACKSIG_DAMAGED, "подпись повреждена")                                                 \
    X(STR_PACKSIG_MISMATCH, "подпись не сходится: файл pack.sig изменён")                        \
    X(STR_PACKSIG_BAD_LINE, "неверная строка в списке файлов")                                   \
    X(STR_PIN_DIGITS, "PIN — от 4 до 8 цифр или фраза от 8 символов")                                                    \
    X(STR_PIN_NOMEM, "нехватка памяти для хеширования PIN")                                      \
    X(STR_ERR_NOT_REGULAR_FILE, "%s: не обычный файл (папка, канал или устройство)")             \
    X(STR_CHECK_NO_RULES, "каталога правил нет: ссылки сценария на правила будут ошибками")      \
    X(STR_EXPLORE_PATH_START, "(начало)")                                                        \
    X(STR_EXPLORE_SECONDS, " (%.2f с)\n%s\n")                                                    \
    X(STR_EXPLORE_STEP_ITEM, "%sшаг %s")                                                         \
    X(STR_EXPLORE_NOMEM, "mfc-trainer explore: нехватка памяти\n")                               \
    X(STR_GRAPH_TITLE, "%s — %s (версия %s)")                                                    \
    X(STR_GUI_BAD_SIZE,                                                                          \
      "mfc-trainer gui: --size: ожидалось ШИРИНАxВЫСОТА, например 1280x720\n")                   \
    X(STR_GUI_NO_SHOTS_DIR, "mfc-trainer gui: папки для снимков %s нет\n")                       \
    X(STR_GUI_SCENARIO_NOT_LOADED,                                                               \
      "%sНе загружен сценарий %s: %zu ошибок (mfc-trainer check %s).")                           \
    X(STR_GUI_RESULTS_NOT_SAVED, "%sРезультаты не сохраняются: %s")                              \
    X(STR_PLAY_SAVE_FAILED, "mfc-trainer play: не удалось записать %s: %s\n")                    \
    X(STR_MORE_MESSAGES, "… и ещё %zu сообщений\n")                                              \
    X(STR_JSON_END_OF_FILE, "конец файла")                                                       \
    X(STR_JSON_SLASH, "«/» (комментарии в JSON не допускаются)")                                 \
    X(STR_JSON_SINGLE_QUOTE, "«'» (строки в JSON пишутся в двойных кавычках)")                   \
    X(STR_JSON_CONTROL_CHAR, "управляющий символ")                                               \
    X(STR_JSON_NOT_JSON_CHAR, "символ вне JSON")                                                 \
    X(STR_JSON_UNCLOSED_STRING, "строка не закрыта: нет закрывающей кавычки%s")                  \
    X(STR_JSON_STRING_TOO_LONG,                                                                  \
      "строка длиннее %u байт: такой текст не поместится ни в окно, ни в "                       \
      "разбор — сократите или разбейте его%%s")                                                  \
    X(STR_JSON_CONTROL_IN_STRING,                                                                \
      "управляющий символ внутри строки: перенос строки пишется как \\n, "                       \
      "табуляция — как \\t%s")                                                                   \
    X(STR_JSON_STRING_ENDS_BACKSLASH, "строка обрывается после «\\»%s")                          \
    X(STR_JSON_BAD_ESCAPE, "недопустимая escape-последовательность в строке%s")                  \
    X(STR_JSON_BAD_U_ESCAPE, "после \\u нужны четыре шестнадцатеричные цифры%s")                 \
    X(STR_JSON_LONE_SURROGATE, "одиночный суррогат \\u в строке (нет парной половины)%s")        \
    X(STR_JSON_NUL_CHAR, "символ \\u0000 в строке не допускается%s")                             \
    X(STR_JSON_NOT_UTF8, "неверная кодировка: файл должен быть в UTF-8%s")                       \
    X(STR_JSON_NUMBER_MINUS, "неверное число: после «-» нужна цифра%s")                          \
    X(STR_JSON_NUMBER_LEADING_ZERO, "неверное число: ведущие нули не допускаются%s")             \
    X(STR_JSON_NUMBER_DOT, "неверное число: после точки нужны цифры%s")                          \
    X(STR_JSON_NUMBER_EXPONENT, "неверное число: в показателе степени нужны цифры%s")            \
    X(STR_JSON_NUMBER_TOO_LONG, "слишком длинное число (больше 64 знаков)%s")                    \
    X(STR_JSON_DUPLICATE_KEY,                                                                    \
      "ключ «%s» повторяется (первый раз — строка %d, столбец %d); оставьте "                    \
      "один")                                                                                    \
    X(STR_JSON_TRUNCATED, "файл обрывается: ожидалось значение%s")                               \
    X(STR_JSON_TOO_DEEP, "слишком глубокая вложенность (больше 64 уровней)%s")                   \
    X(STR_JSON_TRAILING_COMMA_OBJECT, "лишняя запятая перед «}»%s")                              \
    X(STR_JSON_EXPECTED_KEY, "ожидалось имя поля в кавычках, а встретилось %s")                  \
    X(STR_JSON_EXPECTED_COLON, "после имени поля ожидалось «:», а встретилось %s")               \
    X(STR_JSON_EXPECTED_COMMA_BRACE, "ожидалась «,» или «}», а встретилось %s")                  \
    X(STR_JSON_TRAILING_COMMA_ARRAY, "лишняя запятая перед «]»%s")                               \
    X(STR_JSON_EXPECTED_COMMA_BRACKET, "ожидалась «,» или «]», а встретилось %s")                \
    X(STR_JSON_EXPECTED_VALUE, "ожидалось значение, а встретилось %s")                           \
    X(STR_JSON_NOMEM, "недостаточно памяти")                                                     \
    X(STR_JSON_BOM, "файл начинается с метки BOM: сохраните его в UTF-8 без BOM")                \
    X(STR_JSON_TRAILING_TEXT, "после конца JSON-значения лишний текст: %s")                      \
    X(STR_CATALOG_SOURCE_TYPE,                                                                   \
      "«source» — адрес источника (https://…) или список таких адресов")                         \
    X(STR_CATALOG_SOURCE_EMPTY, "список «source» пуст: укажите адрес, где факт подтверждён")     \
    X(STR_CATALOG_CHECKED_TYPE,                                                                  \
      "«checked» — дата проверки в виде ГГГГ-ММ-ДД, например \"2026-12-06\"")                    \
    X(STR_CATALOG_CHECKED_NO_SOURCE,                                                             \
      "есть дата проверки «checked», но нет источника «source»: укажите "                        \
      "адрес, где факт подтверждён")                                                             \
    X(STR_CATALOG_UNREADABLE, "не удалось прочитать каталог правил (%s)")                        \
    X(STR_CATALOG_EXPECTED_ROOT, "ожидался объект {\"format\": 1, \"rules\": [ … ]}")            \
    X(STR_CATALOG_EXPECTED_RULE, "ожидался объект правила {id, act, short, text}")               \
    X(STR_CATALOG_UNKNOWN_FIELD,                                                                 \
      "неизвестное поле «%s»: допустимы id, act, article, short, text, "                         \
      "verify, source, checked")                                                                 \
    X(STR_CATALOG_RULE_FIELDS, "у правила должны быть строки «id», «act», «short» и «text»")     \
    X(STR_CATALOG_RULE_DUPLICATE, "правило «%s» уже объявлено")                                  \
    X(STR_SAVE_DAMAGED, "сохранённая попытка повреждена: %s")                                    \
    X(STR_SAVE_DAMAGED_NOT_OBJECT, "сохранённая попытка повреждена: ожидался объект")            \
    X(STR_SAVE_DAMAGED_FIELDS,                                                                   \
      "сохранённая попытка повреждена: нужны поля scenario, version, seed "                      \
      "(строка) и actions (список)")                                                             \
    X(STR_REFBOOK_UNKNOWN_FIELD, "неизвестное поле «%s»: уберите его или исправьте имя")         \
    X(STR_REFBOOK_MISSING_FIELD, "нет обязательного поля «%s»")                                  \
    X(STR_REFBOOK_FIELD_STRING, "поле «%s» должно быть непустой строкой")                        \
    X(STR_REFBOOK_FIELD_LIST, "поле «%s» должно быть списком строк")                             \
    X(STR_REFBOOK_LIST_STRINGS, "в списке «%s» допустимы только непустые строки")                \
    X(STR_REFBOOK_VERIFY_BOOL, "поле «verify» должно быть true или false%s")                     \
    X(STR_REFBOOK_NO_DOCUMENTS, "у услуги должен быть непустой список «documents»%s")            \
    X(STR_REFBOOK_NO_RULE, "правила «%s» нет в каталоге правил (data/rules.json)")               \
    X(STR_REFBOOK_EXPECTED_VALUE, "ожидался объект {\"title\": …, \"value\": …}%s")              \
    X(STR_REFBOOK_UNREADABLE, "не удалось прочитать справочник услуг (%s)")                      \
    X(STR_REFBOOK_EXPECTED_ROOT,                                                                 \
      "ожидался объект {\"format\": 1, \"values\": { … }, \"services\": [ … "                    \
      "]}")                                                                                      \
    X(STR_REFBOOK_EXPECTED_SERVICE, "ожидался объект услуги%s")                                  \
    X(STR_REFBOOK_SERVICE_DUPLICATE, "услуга «%s» уже есть в справочнике")                       \
    X(STR_LINT_LONGEST_BEST,                                                                     \
      "в %zu из %zu точек выбора лучший по баллам ответ — ещё и самый "                          \
      "длинный: стажёр угадает его по длине; сделайте варианты близкими по "                     \
      "длине")                                                                                   \
    X(STR_LINT_STEP_UNREACHABLE,                                                                 \
      "шаг «%s» недостижим: ни одно действие не ведёт сюда от стартового шага")                  \
    X(STR_LINT_ENDING_UNREACHABLE,                                                               \
      "концовка «%s» недостижима: ни одно действие не ведёт к ней (\"end\")")                    \
    X(STR_LINT_DEAD_END,                                                                         \
      "тупик: из шага «%s» ни одно действие не ведёт к концовке (\"end\") — "                    \
      "приём здесь не может завершиться")                                                        \
    X(STR_LINT_FLAG_NEVER_SET,                                                                   \
      "флаг «%s» нигде не устанавливается (\"set\"): условие никогда не "                        \
      "меняется")                                                                                \
    X(STR_LINT_CRITERION_NO_POINTS,                                                              \
      "критерий «%s» не набирает баллов ни на одном пути: он не войдёт в итог")                  \
    X(STR_WALKOUT, "Заявитель ушёл, не дождавшись конца приёма")

/* clang-format on */

/* The region's strings (configuration, the centre, sync): a second part of the same table. */
#include "i18n_central.h"
/* Scenario pack files (issue #13): a third part. */
#include "i18n_pack.h"
/* `lrs push` (issue #13). */
#include "i18n_lrs.h"
/* The scenario loader's diagnostics and the format's vocabularies. */
#include "i18n_load.h"
/* Keys, the results database, sync files, the window: the engine's other messages. */
#include "i18n_engine.h"

/* Every part, in table order: what the enum, the Russian column and the format checks expand. */
#define SIM_STRINGS_ALL(X)                                                                         \
    SIM_STRINGS(X)                                                                                 \
    SIM_STRINGS_CENTRAL(X)                                                                         \
    SIM_STRINGS_PACK(X)                                                                            \
    SIM_STRINGS_LRS(X)                                                                             \
    SIM_STRINGS_LOAD(X)                                                                            \
    SIM_STRINGS_MODEL(X)                                                                           \
    SIM_STRINGS_ENGINE(X)

typedef enum SimStr {
#define SIM_STR_ENUM(id, text) id,
    SIM_STRINGS_ALL(SIM_STR_ENUM)
#undef SIM_STR_ENUM
        STR__COUNT
} SimStr;

/* The string in the current language. Never NULL. */
const char *tr(SimStr id);

/*
 * A printf format from the table: TRF(STR_X) returns what tr(STR_X) returns, and lets the
 * compiler check the call's arguments against the Russian text. Each entry also stands here
 * as a constant array sim_fmt_STR_X that only the compiler reads; tr_fmt() carries
 * format_arg(2), so -Wformat (and -Wformat-security for a format with no arguments) check
 * that literal although the text is looked up at run time. Unreferenced arrays are not
 * emitted (for unoptimised GCC builds see -fno-keep-static-consts in CMakeLists.txt).
 * Another language's column must keep each format's conversions, in the same order.
 * Use tr() where the text is an argument, TRF() where it is the format.
 */
#define SIM_STR_FMT(id, text) __attribute__((unused)) static const char sim_fmt_##id[] = text;
SIM_STRINGS_ALL(SIM_STR_FMT)
#undef SIM_STR_FMT

/* Inline, so that an optimised build drops the literal and keeps only the table's copy. */
static inline const char *tr_fmt(SimStr id, const char *format) __attribute__((format_arg(2)));
static inline const char *tr_fmt(SimStr id, const char *format)
{
    (void)format;
    return tr(id);
}
#define TRF(id) tr_fmt((id), sim_fmt_##id)

#endif /* SIM_I18N_H */
