-- esia-invalid-passport: varies the family surname, Kirill's patronymic, his birth date (always
-- 112–135 days past his 20th birthday, so the passport issued at 14 is always invalid), his
-- mother's name and birth date (always under 45, so her passport is always valid) and the
-- document numbers. What is correct never changes.
local names = import("names")

local TODAY = "15.10.2025" -- the date in the first step's narration

-- A SNILS with a valid control number: the nine digits weighted 9..1 (first digit 9, last 1);
-- a sum under 100 is the control number, 100 or 101 give 00, a larger sum is taken modulo 101
-- and then the same rule applies. The first digit is never 0, so the number is always above
-- 001-001-998, below which no control number is checked.
local function snils_number()
    local d, sum = {}, 0
    for i = 1, 9 do
        d[i] = (i == 1) and math.random(1, 9) or math.random(0, 9)
        sum = sum + d[i] * (10 - i)
    end
    if sum > 101 then sum = sum % 101 end
    local control = (sum < 100) and sum or 0
    return string.format("%d%d%d-%d%d%d-%d%d%d %02d", d[1], d[2], d[3], d[4], d[5], d[6], d[7], d[8], d[9], control)
end

function setup()
    local fam = names.family()
    local father = names.pick(names.MALE)
    local kirill = fam.m .. " Кирилл " .. father[2]

    local late = math.random(112, 135)                 -- days past the 20th birthday (about four months)
    local birth = names.add_years(names.add_days(TODAY, -late), -20)
    local issued = names.add_days(names.add_years(birth, 14), math.random(7, 40))
    local snils_date = names.add_days(birth, math.random(150, 700))

    sim.set_applicant("name", kirill)
    sim.set_field("passport", "surname", fam.m)
    sim.set_field("passport", "patronymic", father[2])
    sim.set_field("passport", "birth_date", birth)
    sim.set_field("passport", "issue_date", issued)
    sim.set_field("passport", "series", "81 " .. issued:sub(-2))
    sim.set_field("passport", "number", names.digits(6))

    sim.set_field("snils", "number", snils_number())
    sim.set_field("snils", "holder", kirill)
    sim.set_field("snils", "birth_date", birth)
    sim.set_field("snils", "registered", snils_date)

    -- The mother is 41–44: her passport, issued at 20, is valid until 45.
    local mother_birth = names.add_days(names.add_years(birth, -math.random(21, 24)), -math.random(0, 300))
    local mother_issued = names.add_days(names.add_years(mother_birth, 20), math.random(7, 40))
    sim.set_field("mother-passport", "surname", fam.f)
    sim.set_field("mother-passport", "name", names.female_name())
    sim.set_field("mother-passport", "patronymic", names.patronymic("f"))
    sim.set_field("mother-passport", "birth_date", mother_birth)
    sim.set_field("mother-passport", "issue_date", mother_issued)
    sim.set_field("mother-passport", "series", "81 " .. mother_issued:sub(-2))
    sim.set_field("mother-passport", "number", names.digits(6))
end

function on_enter(step)
    if step == "offer" and sim.flag("scared") then
        return "Штраф… Супер. Ну и где его теперь менять-то? Это куда идти?"
    end
    return nil
end

function on_action(id)
    if id == "form-application" then
        local s = sim.service()
        if s == nil or s == "esia-confirm" then
            sim.score("legal", -10,
                "Заявление 1П оформлено без выбора услуги замены паспорта: от услуги зависят перечень документов и пошлина. "
                .. "Верно — сначала выбрать в программе «Замена паспорта по достижении 20 лет».",
                "mvd-773")
        end
    end
end

function ending(id)
    if id == "accepted" then
        if sim.took("confirm-mother") or sim.took("call-mom-confirm") then
            return "accepted-mother-confirmed"
        end
        if sim.service() ~= "passport-20" then
            return "accepted-wrong-service"
        end
    end
    return nil
end
