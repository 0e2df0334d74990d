-- migration-host-notice: varies the host's surname (Siberian surnames that do not change
-- with gender), the foreigner's surname (Uzbek Latin in the passport, Cyrillic capitals in
-- the notice), the house number and the passport numbers. The migration card number and its
-- swapped twin in the home-filled notice stay fixed (the texts name both), so the planted
-- mismatch and what is correct never change. The ending hook sends an acceptance under
-- another service (or none) to its own ending and an acceptance of a defective notice
-- (wrong card number kept, corrected by hand, or without the foreigner's copies) to the
-- defective ending; an acceptance without the identity check is a critical error.
local names = import("names")

local HOSTS = { "Седых", "Белых", "Черных", "Долгих", "Кривых", "Толстых", "Луговых" }

-- { Uzbek Latin as in the passport, Cyrillic capitals as in the notice }
local GUESTS = {
    { "TOSHPULATOV", "ТОШПУЛАТОВ" }, { "RAXMATOV", "РАХМАТОВ" }, { "ISMOILOV", "ИСМОИЛОВ" },
    { "QODIROV", "КОДИРОВ" }, { "NAZAROV", "НАЗАРОВ" }, { "ABDULLAYEV", "АБДУЛЛАЕВ" },
    { "MIRZAYEV", "МИРЗАЕВ" }, { "SAIDOV", "САИДОВ" },
}

function setup()
    local host = names.pick(HOSTS)
    local guest = names.pick(GUESTS)
    local house = tostring(math.random(101, 260))
    local address = "г. Иркутск, ул. Розы Люксембург, д. " .. house .. ", кв. 31"
    local host_no = names.digits(6)
    local guest_no = "FA " .. names.digits(7)

    sim.set_applicant("name", host .. " Валерий Николаевич")
    sim.set_field("host_passport", "surname", host)
    sim.set_field("host_passport", "number", host_no)
    sim.set_field("host_passport", "registration", address .. "; зарегистрирован 14.06.1988")

    sim.set_field("fpassport", "surname", guest[1])
    sim.set_field("fpassport", "number", guest_no)
    sim.set_field("card", "holder", guest[1] .. " JASUR")

    sim.set_field("notice", "foreigner", guest[2] .. " ЖАСУР; гражданство — Узбекистан; 16.04.1999 г. р.; пол — муж.")
    sim.set_field("notice", "document", "паспорт " .. guest_no .. ", выдан 05.08.2021, действителен до 04.08.2031")
    sim.set_field("notice", "address", address)
    sim.set_field("notice", "host", host .. " Валерий Николаевич, паспорт 25 09 № " .. host_no .. "; собственник ½ доли")
    sim.set_field("notice", "signature", "В. Н. " .. host .. " (подпись от руки)")
end

function ending(id)
    if id == "accepted" and not sim.took("compare-ids") then
        sim.critical("Уведомление принято без установления личности: паспорт принимающей стороны не сверен с ней самой, документы иностранца — с ним.",
            "reg-acceptance")
    end
    if id == "accepted" then
        if sim.service() ~= "migration-notice" then return "accepted-wrong-service" end
        if sim.flag("notice-corrected") or sim.flag("notice-as-is") or sim.flag("no-copies") then
            return "accepted-defective"
        end
    end
    return nil
end
