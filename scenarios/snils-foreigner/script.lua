-- snils-foreigner: varies Bakhtiyor's surname (Uzbek Latin in the passport, Cyrillic in the
-- residence-permit mark and the arrival notice), his birth date (always 26 on the day of the
-- visit), the passport number and the permit's decision number. The passport always lacks a
-- notarised translation, so what is correct never changes.
local names = import("names")

local TODAY = "17.10.2025" -- the date in the first step's narration

-- { Uzbek Latin as printed in the passport, Cyrillic, Cyrillic in capitals as in the notices }
local SURNAMES = {
    { "RAHIMOV", "Рахимов", "РАХИМОВ" }, { "KARIMOV", "Каримов", "КАРИМОВ" },
    { "TOSHMATOV", "Тошматов", "ТОШМАТОВ" }, { "YUSUPOV", "Юсупов", "ЮСУПОВ" },
    { "ERGASHEV", "Эргашев", "ЭРГАШЕВ" }, { "XOLMATOV", "Холматов", "ХОЛМАТОВ" },
    { "NORMATOV", "Норматов", "НОРМАТОВ" }, { "SODIQOV", "Содиков", "СОДИКОВ" },
    { "XUDOYBERDIYEV", "Худойбердиев", "ХУДОЙБЕРДИЕВ" },
}

function setup()
    local s = names.pick(SURNAMES)
    local latin, cyr, caps = s[1], s[2], s[3]
    -- 26 on the day of the visit: born between 18.10.1998 and 17.10.1999.
    local birth = names.add_days(names.add_years(TODAY, -27), math.random(1, 364))
    local number = "FA " .. names.digits(7)

    sim.set_applicant("name", cyr .. " Бахтиёр")
    sim.set_field("passport", "surname", latin)
    sim.set_field("passport", "birth_date", birth)
    sim.set_field("passport", "number", number)

    sim.set_field("rvp", "surname", caps .. " / " .. latin)
    sim.set_field("rvp", "birth", birth)
    sim.set_field("rvp", "decision", "ГУ МВД России по Иркутской области, решение № "
        .. tostring(math.random(1000, 2999)) .. "/25 от 18.06.2025")

    sim.set_field("arrival", "name", caps .. " БАХТИЁР")
    sim.set_field("arrival", "document", "паспорт " .. number)
end

-- A SNILS is assigned once for life: before registering, the specialist checks whether the
-- applicant already has one. Ending the visit without that check is a mistake.
function ending(id)
    if (id == "refused" or id == "refused-bare") and not sim.took("check-existing") then
        sim.score("legal", -5,
            "Вы не проверили, нет ли у Бахтиёра уже СНИЛС: номер присваивается один раз, иностранцу его мог "
            .. "оформить прежний работодатель, и тогда нужна не регистрация, а документ, подтверждающий номер. "
            .. "Верно — сначала проверить по системе СФР по данным паспорта.",
            "27-fz-12")
    end
    return nil
end
