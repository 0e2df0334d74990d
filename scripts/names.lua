-- names.lua — shared helper for scenario scripts: Russian names and dates picked with
-- math.random (the engine seeds it per attempt, so the same seed gives the same people).
-- Pure: no io, no os. Load with `local names = import("names")`.
--
-- Use it only to vary details that do not change what is correct (a surname, a house
-- number, how many days late) — never the planted problem itself.

local M = {}

-- Pick one element of a non-empty list.
function M.pick(list)
    assert(type(list) == "table" and #list > 0, "names.pick: empty list")
    return list[math.random(1, #list)]
end

-- Masculine surnames with regular feminine forms (+«а»).
M.SURNAMES = {
    "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов",
    "Новиков", "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов",
    "Егоров", "Павлов", "Козлов", "Степанов", "Николаев", "Орлов", "Андреев",
    "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв", "Борисов", "Яковлев",
    "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Дмитриев",
    "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов", "Поляков", "Сорокин",
    "Виноградов", "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов", "Жуков",
    "Баранов", "Филиппов", "Комаров", "Давыдов", "Беляев", "Герасимов", "Богданов",
    "Осипов", "Сидоров", "Матвеев", "Титов", "Марков", "Миронов", "Крылов",
    "Куликов", "Карпов", "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов",
    "Казаков", "Афанасьев", "Данилов", "Савельев", "Тимофеев", "Фомин", "Чернов",
    "Мартынов", "Ефимов", "Щербаков", "Назаров", "Калинин", "Исаев", "Быков",
    "Маслов", "Родионов", "Коновалов", "Лазарев", "Воронин", "Климов", "Пономарёв",
    "Голубев", "Прохоров", "Наумов", "Потапов", "Журавлёв", "Трофимов", "Леонов",
    "Соболев", "Ермаков", "Колесников", "Гончаров", "Емельянов", "Котов", "Громов",
}

-- Surnames common among Tatar and Bashkir families in Siberia (regular feminine forms).
M.SURNAMES_TATAR = {
    "Галиев", "Хайруллин", "Сафин", "Гарипов", "Валиев", "Шарипов", "Закиров",
    "Ахметов", "Нуриев", "Габдуллин", "Зарипов", "Мухаметов", "Сабиров", "Файзуллин",
}

-- Male first names with the patronymics they give: { name, son's, daughter's }.
M.MALE = {
    { "Андрей", "Андреевич", "Андреевна" },
    { "Сергей", "Сергеевич", "Сергеевна" },
    { "Александр", "Александрович", "Александровна" },
    { "Дмитрий", "Дмитриевич", "Дмитриевна" },
    { "Алексей", "Алексеевич", "Алексеевна" },
    { "Михаил", "Михайлович", "Михайловна" },
    { "Владимир", "Владимирович", "Владимировна" },
    { "Николай", "Николаевич", "Николаевна" },
    { "Игорь", "Игоревич", "Игоревна" },
    { "Евгений", "Евгеньевич", "Евгеньевна" },
    { "Павел", "Павлович", "Павловна" },
    { "Виктор", "Викторович", "Викторовна" },
    { "Юрий", "Юрьевич", "Юрьевна" },
    { "Олег", "Олегович", "Олеговна" },
    { "Иван", "Иванович", "Ивановна" },
    { "Пётр", "Петрович", "Петровна" },
    { "Константин", "Константинович", "Константиновна" },
    { "Роман", "Романович", "Романовна" },
    { "Вячеслав", "Вячеславович", "Вячеславовна" },
    { "Геннадий", "Геннадьевич", "Геннадьевна" },
    { "Анатолий", "Анатольевич", "Анатольевна" },
    { "Валерий", "Валерьевич", "Валерьевна" },
    { "Денис", "Денисович", "Денисовна" },
    { "Максим", "Максимович", "Максимовна" },
}

M.FEMALE = {
    "Ольга", "Елена", "Наталья", "Татьяна", "Ирина", "Светлана", "Анна", "Мария",
    "Екатерина", "Юлия", "Людмила", "Галина", "Марина", "Надежда", "Валентина",
    "Оксана", "Лариса", "Нина", "Вера", "Любовь",
}

-- Feminine form of a masculine surname from the lists above.
function M.feminine(surname)
    if surname:sub(-#"ий") == "ий" then
        return surname:sub(1, -#"ий" - 1) .. "ая"
    end
    return surname .. "а"
end

function M.male_surname(list) return M.pick(list or M.SURNAMES) end
function M.female_surname(list) return M.feminine(M.pick(list or M.SURNAMES)) end

-- A family surname in both forms: { m = "Смирнов", f = "Смирнова" }.
function M.family(list)
    local m = M.pick(list or M.SURNAMES)
    return { m = m, f = M.feminine(m) }
end

function M.male_name() return M.pick(M.MALE)[1] end
function M.female_name() return M.pick(M.FEMALE) end

-- A patronymic for a person of the given sex ("m" | "f").
function M.patronymic(sex)
    local father = M.pick(M.MALE)
    return sex == "f" and father[3] or father[2]
end

-- A full name «Фамилия Имя Отчество». surname may be given in the masculine form.
function M.person(sex, surname)
    local s = surname or M.pick(M.SURNAMES)
    if sex == "f" then
        return M.feminine(s) .. " " .. M.female_name() .. " " .. M.patronymic("f")
    end
    return s .. " " .. M.male_name() .. " " .. M.patronymic("m")
end

-- A string of n random digits (the first one not zero).
function M.digits(n)
    local t = { tostring(math.random(1, 9)) }
    for i = 2, n do t[i] = tostring(math.random(0, 9)) end
    return table.concat(t)
end

-- ---- dates «ДД.ММ.ГГГГ» ------------------------------------------------------------------
-- Days since 1970-01-01 for a civil date (proleptic Gregorian; H. Hinnant's algorithm).
function M.day_number(d, m, y)
    if m <= 2 then y = y - 1 end
    local era = (y >= 0 and y or y - 399) // 400
    local yoe = y - era * 400
    local mp = (m + 9) % 12
    local doy = (153 * mp + 2) // 5 + d - 1
    local doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468
end

function M.from_day_number(z)
    z = z + 719468
    local era = (z >= 0 and z or z - 146096) // 146097
    local doe = z - era * 146097
    local yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    local y = yoe + era * 400
    local doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    local mp = (5 * doy + 2) // 153
    local d = doy - (153 * mp + 2) // 5 + 1
    local m = mp < 10 and mp + 3 or mp - 9
    if m <= 2 then y = y + 1 end
    return d, m, y
end

function M.parse_date(s)
    local d, m, y = s:match("^(%d%d)%.(%d%d)%.(%d%d%d%d)$")
    assert(d, "names.parse_date: expected ДД.ММ.ГГГГ")
    return tonumber(d), tonumber(m), tonumber(y)
end

function M.format_date(d, m, y)
    return string.format("%02d.%02d.%04d", d, m, y)
end

-- "14.10.2025" plus n days (n may be negative).
function M.add_days(s, n)
    local d, m, y = M.parse_date(s)
    return M.format_date(M.from_day_number(M.day_number(d, m, y) + n))
end

-- The same day and month, years later (29 February becomes 28 February in common years).
function M.add_years(s, n)
    local d, m, y = M.parse_date(s)
    y = y + n
    if m == 2 and d == 29 and not (y % 4 == 0 and (y % 100 ~= 0 or y % 400 == 0)) then d = 28 end
    return M.format_date(d, m, y)
end

-- Whole days from date a to date b (b − a).
function M.days_between(a, b)
    local d1, m1, y1 = M.parse_date(a)
    local d2, m2, y2 = M.parse_date(b)
    return M.day_number(d2, m2, y2) - M.day_number(d1, m1, y1)
end

return M
