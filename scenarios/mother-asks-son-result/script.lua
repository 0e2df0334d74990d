-- mother-asks-son-result: varies the family surname, the mother's birth date (always 60 on
-- 08.10.2025, passport issued just after her 45th birthday), the son's birth date (always 34)
-- and the document numbers. The son is always an adult applicant and the result is always an
-- RF passport, so what is correct never changes.
local names = import("names")

local TODAY = "08.10.2025" -- the date in the first step's narration

function setup()
    local fam = names.family()

    local birth = names.add_days(names.add_years(TODAY, -60), -math.random(20, 330))
    local issued = names.add_days(names.add_years(birth, 45), math.random(10, 45))
    local son_birth = names.add_days(names.add_years(TODAY, -34), -math.random(20, 330))

    sim.set_applicant("name", fam.f .. " Галина Ивановна")
    sim.set_field("galina-passport", "surname", fam.f)
    sim.set_field("galina-passport", "birth_date", birth)
    sim.set_field("galina-passport", "issue_date", issued)
    sim.set_field("galina-passport", "series", "25 " .. issued:sub(-2))
    sim.set_field("galina-passport", "number", names.digits(6))

    sim.set_field("receipt-copy", "number", "№ 2025-0930-0" .. names.digits(3))
    sim.set_field("receipt-copy", "applicant", fam.m .. " Сергей Андреевич, " .. son_birth .. " г. р.")
    sim.set_field("son-note", "author", "Серёжа (" .. fam.m .. " С. А.)")
end

-- The explanation that the status is not disclosed is offered once the trainee has seen who is
-- at the window: compared her passport with the receipt or flagged the receipt's applicant.
function available(id)
    if id == "explain-personal" then
        return sim.took("compare-ids") or sim.flag("flagged:receipt-copy.applicant")
    end
    return true
end

function on_enter(step)
    if step == "check" and sim.service() == "issue-result" then
        return "Вы же его дело открыли — я вижу, там что-то написано! Ну скажите: готов?"
    end
    if step == "pressure" then
        if sim.flag("told-ready") then
            return "Готов! Ну так отдайте, я же мать! Он и записку написал — вот, смотрите, сам просит. "
                .. "Я распишусь где надо!"
        end
        if sim.flag("hurt") then
            return "«Следующий»… Я тридцать четыре года мать, а мне — «следующий»… Он ведь сам просил — "
                .. "вот записка! Что же мне, так и уйти?"
        end
    end
    if step == "worry" and sim.flag("told-not-ready") then
        return "А когда же он будет готов? Серёжа с восьми до восьми работает, суббота — и та через раз. "
            .. "Мне бы только знать, чтобы он зря не ездил."
    end
    return nil
end

-- A consultation that ended correctly but after the status was told is a different ending.
function ending(id)
    if id == "consulted" and (sim.took("say-ready") or sim.took("say-not-ready")) then
        return "consulted-disclosed"
    end
    return nil
end
