-- passport-lost: varies the applicant's surname, her birth date (always 33–38 years old, so the lost
-- passport is the one issued at 20 and no age replacement is due), the numbers of her documents
-- and the receipt's payer. The receipt always shows the ordinary rate; what is correct never changes.
local names = import("names")

local TODAY = "08.12.2026" -- the date in the first step's narration

-- Cyrillic to Latin as in Russian passports (ICAO 9303 table used by the MVD).
local LAT = {
    ["а"] = "A", ["б"] = "B", ["в"] = "V", ["г"] = "G", ["д"] = "D", ["е"] = "E", ["ё"] = "E",
    ["ж"] = "ZH", ["з"] = "Z", ["и"] = "I", ["й"] = "I", ["к"] = "K", ["л"] = "L", ["м"] = "M",
    ["н"] = "N", ["о"] = "O", ["п"] = "P", ["р"] = "R", ["с"] = "S", ["т"] = "T", ["у"] = "U",
    ["ф"] = "F", ["х"] = "KH", ["ц"] = "TS", ["ч"] = "CH", ["ш"] = "SH", ["щ"] = "SHCH",
    ["ъ"] = "IE", ["ы"] = "Y", ["ь"] = "", ["э"] = "E", ["ю"] = "IU", ["я"] = "IA",
}
local LOWER = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя"
local UPPER = "АБВГДЕЁЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ"
local TO_LOWER = {}
do
    local lo, up = {}, {}
    for _, c in utf8.codes(LOWER) do lo[#lo + 1] = utf8.char(c) end
    for _, c in utf8.codes(UPPER) do up[#up + 1] = utf8.char(c) end
    for i = 1, #lo do TO_LOWER[up[i]] = lo[i]; TO_LOWER[lo[i]] = lo[i] end
end

local function upper(s)
    local out = {}
    for _, c in utf8.codes(s) do
        local ch = utf8.char(c)
        local lo = TO_LOWER[ch]
        if lo then
            local i = 0
            for _, lc in utf8.codes(LOWER) do
                i = i + 1
                if utf8.char(lc) == lo then break end
            end
            local j = 0
            for _, uc in utf8.codes(UPPER) do
                j = j + 1
                if j == i then out[#out + 1] = utf8.char(uc); break end
            end
        else
            out[#out + 1] = ch
        end
    end
    return table.concat(out)
end

local function latin(s)
    local out = {}
    for _, c in utf8.codes(s) do
        local ch = utf8.char(c)
        local lo = TO_LOWER[ch]
        out[#out + 1] = lo and LAT[lo] or ch
    end
    return table.concat(out)
end

function setup()
    local surname = names.female_surname()
    local first = "Екатерина"       -- the dialogue calls her Екатерина Андреевна
    local patronymic = "Андреевна"
    local full = surname .. " " .. first .. " " .. patronymic

    -- 33–39 years old on TODAY.
    local birth = names.add_days(names.add_years(TODAY, -math.random(34, 39)), math.random(20, 330))
    local issued = names.add_days(names.add_years(birth, 20), math.random(7, 45))
    local zagran_issued = names.add_days(TODAY, -math.random(400, 1500))

    sim.set_applicant("name", full)
    sim.set_applicant("age", names.days_between(birth, TODAY) // 365)

    sim.set_field("zagran", "number", "7" .. math.random(2, 6) .. " " .. names.digits(7))
    sim.set_field("zagran", "surname", upper(surname) .. " / " .. latin(surname))
    sim.set_field("zagran", "name", upper(first) .. " / " .. latin(first))
    sim.set_field("zagran", "birth_date", birth)
    sim.set_field("zagran", "issue_date", zagran_issued)
    sim.set_field("zagran", "expiry_date", names.add_years(zagran_issued, 10))

    sim.set_field("copy", "series_number", "25 " .. issued:sub(-2) .. " № " .. names.digits(6))
    sim.set_field("copy", "full_name", full)
    sim.set_field("copy", "birth_date", birth)
    sim.set_field("copy", "issue_date", issued)
    sim.set_field("copy", "registration", "Иркутская обл., г. Иркутск, ул. Лермонтова, д. "
        .. math.random(3, 140) .. ", кв. " .. math.random(1, 120))

    sim.set_field("receipt", "payer", full)
end

function on_action(id)
    if id == "form-application" and sim.service() == nil then
        sim.score("legal", -10,
            "Заявления сформированы без выбора услуги в системе: от услуги зависят перечень документов и пошлина. "
            .. "Верно — сначала выбрать «Выдача паспорта взамен утраченного (похищенного)».",
            "reg-acceptance")
    end
end

function ending(id)
    if id == "accepted" then
        local s = sim.service()
        if s == nil then return "accepted-no-service" end
        if s ~= "passport-lost" then return "accepted-wrong-service" end
    end
    return nil
end
