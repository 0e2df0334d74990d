-- unified-benefit-papers: varies the family surname, the children's birth dates (Kirill is
-- always 9 and Alisa always 3 on 20.10.2025), Marina's income figure and the document
-- numbers (the INN with valid control digits). The home-filled form always names Alisa only,
-- and the husband's income certificate is always missing, so what is correct never changes.
local names = import("names")

local function accusative(surname_f) return (surname_f:gsub("а$", "у")) end -- «Воронину»
local function instrumental_m(surname_m) return surname_m .. "ым" end        -- «Ворониным»

local function money(rubles)
    local s = tostring(rubles)
    local out = s:sub(1, #s % 3)
    for i = #s % 3 + 1, #s, 3 do
        out = out .. (out ~= "" and " " or "") .. s:sub(i, i + 2)
    end
    return out .. ",00 ₽"
end

-- A 12-digit personal INN with valid control digits (the FNS algorithm: weighted sums mod 11
-- mod 10 for the 11th and the 12th digit).
local function personal_inn(first10)
    local w11 = { 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 }
    local w12 = { 3, 7, 2, 4, 10, 3, 5, 9, 4, 6, 8 }
    local d = {}
    for i = 1, 10 do d[i] = tonumber(first10:sub(i, i)) end
    local s = 0
    for i = 1, 10 do s = s + d[i] * w11[i] end
    d[11] = s % 11 % 10
    s = 0
    for i = 1, 11 do s = s + d[i] * w12[i] end
    d[12] = s % 11 % 10
    return first10 .. tostring(d[11]) .. tostring(d[12])
end

function setup()
    local fam = names.family()
    -- Kirill: born 21.10.2015–20.10.2016 (9 today); Alisa: 21.10.2021–20.10.2022 (3 today).
    local kirill = names.add_days("25.10.2015", math.random(0, 350))
    local alisa = names.add_days("25.10.2021", math.random(0, 350))
    local series_no = names.digits(6)
    local husband_passport = "25 09 № " .. names.digits(6)

    sim.set_applicant("name", fam.f .. " Марина Алексеевна")
    sim.set_field("passport", "surname", fam.f)
    sim.set_field("passport", "number", series_no)
    sim.set_field("passport", "marks", "стр. 14: брак с " .. instrumental_m(fam.m)
        .. " Денисом Сергеевичем, 23.08.2014; стр. 16: дети — Кирилл, " .. kirill .. "; Алиса, " .. alisa)

    sim.set_field("home-form", "applicant",
        fam.f .. " Марина Алексеевна, 21.11.1991 г. р., паспорт 25 14 № " .. series_no)
    sim.set_field("home-form", "data",
        "Прошу назначить пособие на ребёнка: " .. accusative(fam.f) .. " Алису Денисовну, " .. alisa .. " г. р.")
    sim.set_field("home-form", "family",
        "супруг — " .. fam.m .. " Денис Сергеевич, 14.06.1989 г. р.; сын — Кирилл, " .. kirill
        .. " г. р.; дочь — Алиса, " .. alisa .. " г. р.")
    sim.set_field("home-form", "signature", "М. А. " .. fam.f .. " (подпись от руки)")

    sim.set_field("income-own", "person",
        fam.f .. " Марина Алексеевна, ИНН " .. personal_inn("3801" .. names.digits(6)))
    sim.set_field("income-own", "income", money(math.random(190, 240) * 1000 + math.random(0, 9) * 100))

    sim.set_field("husband-consent", "subject",
        fam.m .. " Денис Сергеевич, 14.06.1989 г. р., паспорт " .. husband_passport)
    sim.set_field("husband-consent", "signature", "Д. С. " .. fam.m .. " (подпись от руки)")
end

function on_action(id)
    if id == "form-application" and sim.service() == nil then
        sim.score("legal", -10,
            "Заявление сформировано без выбора услуги в программе: от услуги зависят форма заявления и перечень. "
            .. "Верно — сначала выбрать «Единое пособие на детей».",
            "reg-acceptance")
    end
end

function ending(id)
    if id == "accepted" and sim.service() ~= "unified" then
        return "accepted-wrong-service"
    end
    if id == "accepted" and sim.took("accept-paper-later") then
        return "accepted-paper-demanded"
    end
    return nil
end
