-- matcap-father: varies the family surname, the daughter's birth date (five to seven weeks
-- before the visit) and the certificate's date, the loan's balance and the document numbers.
-- The certificate always belongs to the wife and she is never at the window, so what is
-- correct never changes. First names stay as they are: the dialogue uses them.
local names = import("names")

local TODAY = "15.10.2026" -- the date in the first step's narration

local function money(rubles, kopecks)
    local s = tostring(rubles)
    local out = s:sub(1, #s % 3)
    for i = #s % 3 + 1, #s, 3 do
        out = out .. (out ~= "" and " " or "") .. s:sub(i, i + 2)
    end
    return string.format("%s,%02d ₽", out, kopecks)
end

function setup()
    local fam = names.family()
    local born = names.add_days(TODAY, -math.random(36, 50))
    local issued = names.add_days(born, math.random(12, 18))
    local wife_f = fam.f:gsub("а$", "ой") -- «Ворониной»
    local husband_i = fam.m .. "ым"         -- «Ворониным»
    local loan_no = "38-ИК-0" .. names.digits(3) .. "/2023"

    sim.set_applicant("name", fam.m .. " Андрей Николаевич")
    sim.set_field("andrey-passport", "surname", fam.m)
    sim.set_field("andrey-passport", "number", names.digits(6))
    sim.set_field("andrey-passport", "marks",
        "стр. 14: зарегистрирован брак с " .. wife_f .. " Екатериной Сергеевной, 24.08.2018, "
        .. "отдел ЗАГС Свердловского района г. Иркутска")

    sim.set_field("wife-passport", "surname", fam.f)
    sim.set_field("wife-passport", "number", names.digits(6))
    sim.set_field("wife-passport", "marks", "стр. 14: зарегистрирован брак с " .. husband_i
        .. " Андреем Николаевичем, 24.08.2018")

    sim.set_field("certificate", "number", "МК-Э-038-2026 № 0" .. names.digits(6))
    sim.set_field("certificate", "holder", fam.f .. " Екатерина Сергеевна, 03.07.1993 г. р.")
    sim.set_field("certificate", "child", fam.f .. " Полина Андреевна, " .. born .. " г. р. (первый ребёнок)")
    sim.set_field("certificate", "issued",
        "Отделение СФР по Иркутской области, " .. issued .. "; оформлен без заявления, по сведениям ЗАГС")
    sim.set_field("certificate", "printed", "распечатано из личного кабинета " .. wife_f .. " Е. С. 14.10.2026")

    sim.set_field("loan", "kind", "Кредитный договор № " .. loan_no
        .. " — ипотечный кредит на приобретение квартиры")
    sim.set_field("loan", "parties",
        "Кредитор — АО «Сибирский ипотечный банк»; заёмщик — " .. fam.m .. " Андрей Николаевич")

    sim.set_field("bank-statement", "borrower",
        fam.m .. " Андрей Николаевич; кредитный договор № " .. loan_no .. " от 14.03.2023")
    sim.set_field("bank-statement", "principal", money(math.random(2850000, 2990000), math.random(0, 99)))
    sim.set_field("bank-statement", "interest", money(math.random(17000, 24000), math.random(0, 99)))
end

-- The refusal explanation is offered once the trainee has seen the problem: flagged the
-- certificate's holder or asked whose certificate it is.
function available(id)
    if id == "explain-holder" then
        return sim.flag("flagged:certificate.holder") or sim.took("ask-holder")
    end
    return true
end

function on_enter(step)
    if step == "upset" and sim.flag("angry") then
        return "«Не положено»?! Я с работы отпросился, а Вы мне — «пусть сама приходит»! "
            .. "Ей месяц после родов! Где у вас начальство?"
    end
    return nil
end
