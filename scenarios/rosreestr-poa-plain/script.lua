-- rosreestr-poa-plain: varies the family surname, the garage's box and cadastral number and
-- the document numbers; the POA is never notarised, so what is correct never changes.
local names = import("names")

local function initials(first, patronymic)
    return first:sub(1, utf8.offset(first, 2) - 1) .. ". " .. patronymic:sub(1, utf8.offset(patronymic, 2) - 1) .. "."
end

function setup()
    local fam = names.family(names.SURNAMES_TATAR)
    local box = tostring(math.random(12, 240))
    local cadastral = "38:36:0000" .. tostring(math.random(10, 35)) .. ":" .. tostring(math.random(1000, 9999))
    local marat_no = names.digits(6)
    local father_passport = "25 03 " .. names.digits(6)

    sim.set_applicant("name", fam.m .. " Марат Рустамович")
    sim.set_field("marat-passport", "surname", fam.m)
    sim.set_field("marat-passport", "number", marat_no)
    sim.set_field("timur-passport", "surname", fam.m)
    sim.set_field("timur-passport", "number", names.digits(6))

    sim.set_field("contract", "parties",
        "Даритель — " .. fam.m .. " Рустам Ахмедович, 12.03.1951 г. р.; одаряемый — " .. fam.m
        .. " Тимур Маратович, 14.02.2006 г. р.")
    sim.set_field("contract", "object",
        "Гараж (нежилое здание), площадь 24,1 кв. м, кадастровый № " .. cadastral
        .. ", г. Иркутск, ГСК «Автомобилист-3», бокс " .. box)

    sim.set_field("poa", "principal",
        fam.m .. " Рустам Ахмедович, 12.03.1951 г. р., паспорт " .. father_passport .. ", выдан 18.04.2003")
    sim.set_field("poa", "attorney",
        fam.m .. " Марат Рустамович, 07.09.1985 г. р., паспорт 25 05 " .. marat_no)
    sim.set_field("poa", "powers",
        "представлять мои интересы в Управлении Росреестра по Иркутской области, в том числе через МФЦ, по вопросу "
        .. "государственной регистрации перехода права собственности на гараж (кадастровый № " .. cadastral
        .. ") по договору дарения моему внуку " .. fam.m .. "у " .. initials("Тимур", "Маратович")
        .. "; подавать и подписывать заявления, получать документы")
    sim.set_field("poa", "signature", "Р. А. " .. fam.m .. " (подпись от руки)")
end

function on_enter(step)
    if step == "upset" and sim.flag("called") then
        return "Вы же сами отцу звонили — он всё подтвердил! Ему семьдесят четыре, до нотариуса он еле дойдёт. "
            .. "Мы сорок минут в очереди сидели — и всё зря?"
    end
    return nil
end
