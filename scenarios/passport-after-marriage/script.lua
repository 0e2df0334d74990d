-- passport-after-marriage: varies the applicant's maiden surname
-- (Siberian surnames that do not change with gender), her husband, her birth date (always 24–30,
-- so the passport issued at 20 is valid), the wedding date (always 8–25 days ago, so she applies
-- in time under any term), the receipt date and the document numbers. The photos are always
-- retouched; what is correct never changes.
local names = import("names")

local TODAY = "10.12.2026" -- the date in the first step's narration

local MAIDEN = { "Белых", "Черных", "Седых", "Долгих", "Кривых", "Толстых", "Рыжих", "Сладких" }


function setup()
    local maiden = names.pick(MAIDEN)
    local first = "Дарья"           -- the dialogue calls her Дарья Сергеевна
    local patronymic = "Сергеевна"
    local fam = names.family()
    local husband = names.pick(names.MALE)
    local husband_full = fam.m .. " " .. husband[1] .. " " .. names.patronymic("m")

    local birth = names.add_days(names.add_years(TODAY, -math.random(25, 31)), math.random(20, 330))
    local issued = names.add_days(names.add_years(birth, 20), math.random(7, 45))
    local husband_birth = names.add_days(birth, -math.random(200, 1500))
    local married = names.add_days(TODAY, -math.random(8, 25))
    local paid = names.add_days(married, math.random(1, 3))

    sim.set_applicant("name", maiden .. " " .. first .. " " .. patronymic)
    sim.set_applicant("age", names.days_between(birth, TODAY) // 365)

    sim.set_field("passport", "surname", maiden)
    sim.set_field("passport", "name", first)
    sim.set_field("passport", "patronymic", patronymic)
    sim.set_field("passport", "birth_date", birth)
    sim.set_field("passport", "issue_date", issued)
    sim.set_field("passport", "series", "25 " .. issued:sub(-2))
    sim.set_field("passport", "number", names.digits(6))

    sim.set_field("marriage", "series_number", "III-СТ № " .. names.digits(6))
    sim.set_field("marriage", "husband", husband_full .. ", " .. husband_birth .. " г. р.")
    sim.set_field("marriage", "wife", maiden .. " " .. first .. " " .. patronymic .. ", " .. birth .. " г. р.")
    sim.set_field("marriage", "marriage_date", married)
    sim.set_field("marriage", "surnames_after", "мужу — " .. fam.m .. ", жене — " .. fam.f)
    sim.set_field("marriage", "record", "запись акта о заключении брака № 1202638000048" .. names.digits(8))
    sim.set_field("marriage", "issue_date", married)

    sim.set_field("receipt", "payer", maiden .. " " .. first .. " " .. patronymic)
    sim.set_field("receipt", "date", paid)

end

function on_action(id)
    if id == "photos-redo" then
        sim.set_field("photos", "notes",
            "цветные, матовые, на белом фоне, анфас, без обработки; сделаны в фотоавтомате МФЦ " .. TODAY)
    elseif id == "form-application" or id == "form-phone" then
        if sim.service() == nil then
            sim.score("legal", -10,
                "Заявление сформировано без выбора услуги в системе: от услуги зависят перечень документов и пошлина. "
                .. "Верно — сначала выбрать «Замена паспорта в связи с изменением фамилии, имени, отчества».",
                "reg-acceptance")
        end
    end
end

function ending(id)
    if id == "accepted" then
        local s = sim.service()
        if s == nil then return "accepted-no-service" end
        if s ~= "passport-name" then return "accepted-wrong-service" end
    end
    return nil
end
