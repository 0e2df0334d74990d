-- passport-45-late: varies the applicant's surname, her husband, her birth date (always
-- 100–200 days past the 45th birthday, so the passport is always overdue) and the document
-- numbers. What is correct never changes.
local names = import("names")

local TODAY = "14.10.2025" -- the date in the first step's narration

function setup()
    local fam = names.family()
    local husband = names.pick(names.MALE)
    local husband_patronymic = names.patronymic("m")
    local maiden = names.female_surname()
    while maiden == fam.f do maiden = names.female_surname() end

    local late = math.random(140, 165)               -- days past the 45th birthday (about five months)
    local birthday45 = names.add_days(TODAY, -late)
    local birth = names.add_years(birthday45, -45)
    local married = names.add_days(names.add_years(birth, 19), math.random(20, 300))
    local issued = names.add_days(names.add_years(birth, 20), math.random(7, 40))
    local husband_birth = names.add_days(birth, -math.random(400, 1500))

    sim.set_applicant("name", fam.f .. " Ольга Викторовна")
    sim.set_field("passport", "surname", fam.f)
    sim.set_field("passport", "birth_date", birth)
    sim.set_field("passport", "issue_date", issued)
    sim.set_field("passport", "series", "25 " .. issued:sub(-2))
    sim.set_field("passport", "number", names.digits(6))

    local husband_name = fam.m .. " " .. husband[1] .. " " .. husband_patronymic
    sim.set_field("receipt", "payer", husband_name)

    sim.set_field("marriage", "series_number", "I-СТ № " .. names.digits(6))
    sim.set_field("marriage", "husband", husband_name .. ", " .. husband_birth .. " г. р.")
    sim.set_field("marriage", "wife", maiden .. " Ольга Викторовна, " .. birth .. " г. р.")
    sim.set_field("marriage", "marriage_date", married)
    sim.set_field("marriage", "surnames_after", "мужу — " .. fam.m .. ", жене — " .. fam.f)
    sim.set_field("marriage", "issue_date", married)
end

function on_enter(step)
    if step == "fine-worry" and sim.flag("scared") then
        return "Какой ещё штраф?! Вы меня сейчас оштрафуете, что ли? Я же не специально — у меня квартальный отчёт был!"
    end
    return nil
end

function on_action(id)
    if id == "form-application" and sim.service() == nil then
        sim.score("legal", -10,
            "Заявление оформлено без выбора услуги в системе: от услуги зависят перечень документов и пошлина. "
            .. "Верно — сначала выбрать «Замена паспорта по достижении 45 лет».",
            "mvd-773")
    end
end

function ending(id)
    if id == "accepted" and sim.service() ~= "passport-45" then
        return "accepted-wrong-service"
    end
    return nil
end
