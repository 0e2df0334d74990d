-- registration-child-parent: varies the family's surname, the grandmother's surname, the
-- street and house, and the document numbers. The flat stays 45 in the mother's passport and
-- 54 in the home-filled application (the texts name both), so the planted mismatch and what
-- is correct never change. The ending hook sends an acceptance under another service (or
-- none) to its own ending, and an acceptance with the home-filled form to the wrong-address
-- ending; an acceptance without the identity check is a critical error.
local names = import("names")

local STREETS = { "ул. Лермонтова", "ул. Байкальская", "ул. Ширямова", "ул. Депутатская",
    "ул. Советская", "ул. Красноярская", "ул. Трилиссера" }

function setup()
    local fam = names.family()
    local granny = names.family()
    while granny.f == fam.f do granny = names.family() end

    local street = names.pick(STREETS)
    local house = tostring(math.random(5, 140))
    local flat, wrong = "45", "54" -- the texts name these two flats
    local base = "г. Иркутск, " .. street .. ", д. " .. house .. ", кв. "
    local pass_no = names.digits(6)
    local cert_no = names.digits(6)
    local granny_name = granny.f .. " Ирина Викторовна"

    sim.set_applicant("name", fam.f .. " Анастасия Сергеевна")
    sim.set_field("passport", "surname", fam.f)
    sim.set_field("passport", "number", pass_no)
    sim.set_field("passport", "registration", base .. flat .. "; зарегистрирована 12.09.2018")

    sim.set_field("birth", "number", cert_no)
    sim.set_field("birth", "child", fam.f .. " Варвара Алексеевна")
    sim.set_field("birth", "mother", fam.f .. " Анастасия Сергеевна, гражданка России")

    sim.set_field("application", "applicant",
        fam.f .. " Варвара Алексеевна, 14.03.2020 г. р., свидетельство о рождении III-СТ № " .. cert_no
        .. "; заявление подаёт мать — " .. fam.f .. " Анастасия Сергеевна, паспорт 25 17 № " .. pass_no)
    sim.set_field("application", "data",
        "Адрес места жительства: " .. base .. wrong .. ". Прежнее место жительства: нет")
    sim.set_field("application", "signature", "А. С. " .. fam.f .. " (подпись от руки)")

    sim.set_field("note", "author", granny_name)
    sim.set_field("note", "text",
        "Я, " .. granny_name .. ", собственник ½ доли квартиры по адресу: " .. base .. flat
        .. ", согласна на регистрацию в этой квартире моей внучки " .. fam.f .. " Варвары Алексеевны.")
    sim.set_field("note", "signature", "И. В. " .. granny.f .. " (подпись от руки; нотариального удостоверения нет)")
end

function ending(id)
    if id == "accepted" or id == "accepted-wrong-address" then
        if not sim.took("compare-ids") then
            sim.critical("Заявление принято без установления личности: паспорт мамы не сверен с ней самой и со свидетельством о рождении ребёнка.",
                "reg-acceptance")
        end
    end
    if id == "accepted" then
        if sim.service() ~= "reg-child" then return "accepted-wrong-service" end
        if sim.flag("home-form") then return "accepted-wrong-address" end
    end
    return nil
end
