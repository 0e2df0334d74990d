-- rosreestr-share-sale: varies the surnames (the sister's married name, the siblings' maiden
-- name, the buyer's), the garage box, both cadastral numbers, the prices and the passport
-- numbers. The garage is always sold whole by both co-owners and the flat contract is always
-- a simple-written sale of one co-owner's share, so what is correct never changes.
local names = import("names")

local GARAGE_PRICE = { "420 000", "450 000", "480 000", "510 000", "540 000" }
local SHARE_PRICE = { "1 750 000", "1 800 000", "1 850 000", "1 900 000", "1 950 000" }

local function cadastral()
    return "38:36:0000" .. tostring(math.random(10, 35)) .. ":" .. tostring(math.random(1000, 9999))
end

function setup()
    local sister = names.family()      -- her married surname
    local maiden = names.family()      -- the siblings' (and their late mother's) surname
    while maiden.m == sister.m do maiden = names.family() end
    local buyer = names.family()
    while buyer.m == sister.m or buyer.m == maiden.m do buyer = names.family() end

    local mother = maiden.f:gsub("а$", "ой") .. " Галины Петровны"
    local box = tostring(math.random(12, 240))
    local garage_no = cadastral()
    local flat_no = cadastral()
    while flat_no == garage_no do flat_no = cadastral() end

    sim.set_applicant("name", sister.f .. " Ирина Сергеевна")
    sim.set_field("irina-passport", "surname", sister.f)
    sim.set_field("irina-passport", "number", names.digits(6))
    sim.set_field("andrey-passport", "surname", maiden.m)
    sim.set_field("andrey-passport", "number", names.digits(6))
    sim.set_field("petr-passport", "surname", buyer.m)
    sim.set_field("petr-passport", "number", names.digits(6))

    sim.set_field("garage-contract", "parties",
        "Продавцы — " .. sister.f .. " Ирина Сергеевна (1/2 доли в праве) и " .. maiden.m
        .. " Андрей Сергеевич (1/2 доли в праве); покупатель — " .. buyer.m .. " Пётр Иванович")
    sim.set_field("garage-contract", "object",
        "Гараж (нежилое здание) целиком, 22,6 кв. м, кадастровый № " .. garage_no
        .. ", г. Иркутск, ГСК «Мотор», бокс " .. box)
    sim.set_field("garage-contract", "basis",
        "Свидетельство о праве на наследство по закону от 17.10.2023 после " .. mother
        .. "; общая долевая собственность по 1/2, право зарегистрировано 25.10.2023")
    sim.set_field("garage-contract", "price",
        names.pick(GARAGE_PRICE) .. " ₽; расчёт произведён до подписания договора")

    sim.set_field("flat-contract", "parties",
        "Продавец — " .. maiden.m .. " Андрей Сергеевич (собственник 1/2 доли в праве); покупатель — "
        .. sister.f .. " Ирина Сергеевна (собственник другой 1/2 доли в праве)")
    sim.set_field("flat-contract", "object",
        "1/2 доли в праве общей долевой собственности на квартиру: 2 комнаты, 44,3 кв. м, кадастровый № "
        .. flat_no .. ", г. Иркутск, ул. Байкальская, д. 146, кв. 58")
    sim.set_field("flat-contract", "basis",
        "Свидетельство о праве на наследство по закону от 17.10.2023 после " .. mother
        .. "; право продавца на 1/2 доли зарегистрировано 25.10.2023")
    sim.set_field("flat-contract", "price",
        names.pick(SHARE_PRICE) .. " ₽; расчёт произведён до подписания договора")
end

-- Accepted under another service or with none selected: a failing ending. Accepted without
-- establishing who the three people at the window are: a critical error.
function ending(id)
    if id == "accepted" and sim.service() ~= "rosreestr-sale" then
        return "accepted-wrong-service"
    end
    if id == "accepted" and not sim.took("compare-ids") then
        sim.critical("Документы приняты без установления личности: паспорта продавцов и покупателя не сверены "
            .. "с ними самими и с договором. Верно — сверить паспорт каждого участника сделки.", "reg-acceptance")
    end
    return nil
end
