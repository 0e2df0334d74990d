-- zagran-grandmother: varies the grandmother's surname, the child's family (father's name,
-- surname) and document numbers. The grandmother is never a legal representative, so what is
-- correct never changes.
local names = import("names")

function setup()
    local granny = names.family()
    local family = names.family()
    while family.m == granny.m do family = names.family() end
    local father = names.pick(names.MALE)
    local father_patronymic = names.patronymic("m")
    local child_patronymic = father[2]
    local child = family.m .. " Артём " .. child_patronymic
    local mother = family.f .. " Елена Игоревна"

    sim.set_applicant("name", granny.f .. " Нина Петровна")
    sim.set_field("nina-passport", "surname", granny.f)
    sim.set_field("nina-passport", "number", names.digits(6))

    sim.set_field("birth-cert", "number", names.digits(6))
    sim.set_field("birth-cert", "child", child)
    sim.set_field("birth-cert", "father",
        family.m .. " " .. father[1] .. " " .. father_patronymic .. ", гражданин России")
    sim.set_field("birth-cert", "mother", mother .. ", гражданка России")

    sim.set_field("note", "author", mother)
    sim.set_field("note", "text",
        "Я, " .. mother .. ", доверяю своей маме " .. granny.f:gsub("а$", "ой") .. " Нине Петровне оформить "
        .. "загранпаспорт на моего сына " .. family.m .. "а Артёма " .. child_patronymic:gsub("ич$", "ича")
        .. ", 18.04.2015 г. р. Сама я в командировке до 31 октября.")
    sim.set_field("note", "signature", "Е. " .. family.f .. " (подпись от руки, не заверена)")

    sim.set_field("receipt", "payer", granny.f .. " Нина Петровна")
end

-- The refusal explanation is offered once the trainee has seen the problem: flagged the note,
-- or read it and asked who the applicant is to the child. Without opening the note the
-- refusal is not grounded in the documents.
function available(id)
    if id == "explain-not-legal-rep" then
        return sim.flag("flagged:note.text")
            or (sim.took("ask-relationship") and sim.flag("inspected:note"))
    end
    return true
end

function on_enter(step)
    if step == "upset" and sim.flag("angry") then
        return "Не положено?! Я его с пелёнок нянчу, а Вы мне — «не положено»! Я три тысячи заплатила! "
            .. "Где у вас начальство?"
    end
    return nil
end
