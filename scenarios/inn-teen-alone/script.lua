-- inn-teen-alone: varies Vika's surname, her birth date (always 16 on the visit day), the
-- passport's issue date (a few weeks after her 14th birthday) and numbers, and the flat.
-- Nothing is ever wrong with her documents, so what is correct never changes.
local names = import("names")

local TODAY = "28.05.2025" -- the date in the first step's narration

function setup()
    local fam = names.family()
    local born = names.add_days(names.add_years(TODAY, -16), -math.random(30, 300))
    local issued = names.add_days(names.add_years(born, 14), math.random(10, 40))
    local series = "25 " .. issued:sub(-2)
    local number = names.digits(6)
    local flat = tostring(math.random(3, 120))
    local address = "г. Иркутск, ул. Байкальская, д. 236, кв. " .. flat

    sim.set_applicant("name", fam.f .. " Виктория Андреевна")
    sim.set_field("passport", "surname", fam.f)
    sim.set_field("passport", "birth_date", born)
    sim.set_field("passport", "issue_date", issued)
    sim.set_field("passport", "series", series)
    sim.set_field("passport", "number", number)
    sim.set_field("passport", "registration", address .. "; зарегистрирована " .. issued)

    sim.set_field("application", "applicant", fam.f .. " Виктория Андреевна, " .. born
        .. " г. р., место рождения — гор. Иркутск; паспорт " .. series .. " № " .. number .. ", выдан " .. issued)
    sim.set_field("application", "data",
        "Адрес места жительства: " .. address .. "; гражданство — Российская Федерация")
    sim.set_field("application", "signature", "В. А. " .. fam.f .. " (подпись от руки)")
end

function ending(id)
    if id == "accepted" and sim.service() ~= "inn-first" then
        return "accepted-wrong-service"
    end
    if id == "accepted" and sim.took("charge-300") then
        return "accepted-charged"
    end
    return nil
end
