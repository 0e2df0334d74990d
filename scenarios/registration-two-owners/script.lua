-- registration-two-owners: varies Dmitry's surname, Ksenia's surname, the flat's address, the
-- document numbers and the arrival day (always four or five days before the visit, so the
-- seven-day deadline is still ahead and tomorrow's appointment is in time). The flat always
-- has two owners (Ksenia and her mother), the application names Ksenia only and her note is
-- uncertified, so what is correct never changes.
local names = import("names")

local TODAY = "14.10.2025" -- the date in the first step's narration

local ORDINAL = { [9] = "девятого", [10] = "десятого" }

local arrival_day = 9

function setup()
    local dmitry = names.male_surname()
    local family = names.family()
    while family.m == dmitry do family = names.family() end
    local ksenia = family.f .. " Ксения Андреевна"

    arrival_day = math.random(9, 10)
    local arrival = names.add_days(TODAY, arrival_day - 14)
    local house = tostring(math.random(12, 190))
    local flat = tostring(math.random(3, 120))
    local address = "г. Иркутск, ул. Байкальская, д. " .. house .. ", кв. " .. flat
    local passport_no = names.digits(6)

    sim.set_applicant("name", dmitry .. " Дмитрий Сергеевич")
    sim.set_field("passport", "surname", dmitry)
    sim.set_field("passport", "number", passport_no)

    sim.set_field("application", "applicant",
        dmitry .. " Дмитрий Сергеевич, 22.06.1996 г. р., паспорт 04 16 " .. passport_no)
    sim.set_field("application", "data",
        "Прибыл " .. arrival .. " из г. Красноярска (ул. Взлётная, д. 12, кв. 88). Новое место жительства: "
        .. address .. ".")
    sim.set_field("application", "signature", "Д. С. " .. dmitry .. " (подпись от руки)")
    sim.set_field("application", "provider",
        ksenia .. " — собственник; подпись в заявлении не проставлена, приложена записка")

    sim.set_field("note", "author", ksenia)
    sim.set_field("note", "text",
        "Я, " .. ksenia .. ", собственник квартиры по адресу: " .. address
        .. ", не возражаю против регистрации в этой квартире " .. dmitry .. "а Дмитрия Сергеевича. "
        .. "Сама прийти не могу — работаю.")
    sim.set_field("note", "signature", "К. А. " .. family.f .. " (подпись от руки; нотариального удостоверения нет)")

end

function on_enter(step)
    if step == "deadline" then
        return "И ещё: я читал, что на прописку даётся неделя, а потом штраф. Я " .. ORDINAL[arrival_day]
            .. " приехал — я уже опоздал?"
    end
    return nil
end
