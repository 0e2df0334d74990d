-- rosreestr-contract-corrections: varies the seller's and the buyer's surnames, the flat's
-- house and number, its cadastral number and the passport numbers. The price correction is
-- always unreserved and the buyer's photocopy always shows the uncorrected figure, so what is
-- correct never changes (the figures themselves are fixed: the dialogue quotes them).
local names = import("names")

function setup()
    local seller = names.family()
    local buyer = names.family()
    while buyer.m == seller.m do buyer = names.family() end

    local house = tostring(math.random(5, 140))
    local flat = tostring(math.random(2, 120))
    local address = "г. Иркутск, ул. Лермонтова, д. " .. house .. ", кв. " .. flat
    local cadastral = "38:36:0000" .. tostring(math.random(10, 35)) .. ":" .. tostring(math.random(1000, 9999))

    sim.set_applicant("name", seller.f .. " Нина Григорьевна")
    sim.set_field("seller-passport", "surname", seller.f)
    sim.set_field("seller-passport", "number", names.digits(6))
    sim.set_field("seller-passport", "registration", address .. "; зарегистрирована 16.04.1996")
    sim.set_field("buyer-passport", "surname", buyer.m)
    sim.set_field("buyer-passport", "number", names.digits(6))

    sim.set_field("contract", "parties",
        "Продавец — " .. seller.f .. " Нина Григорьевна, 09.03.1962 г. р.; покупатель — " .. buyer.m
        .. " Максим Андреевич, 17.07.1993 г. р.")
    sim.set_field("contract", "object",
        "Квартира, 1 комната, 31,2 кв. м, кадастровый № " .. cadastral .. ", " .. address)
    sim.set_field("copy", "parties",
        "Продавец — " .. seller.f .. " Нина Григорьевна; покупатель — " .. buyer.m .. " Максим Андреевич")
end

-- Accepted under another service or with none selected: a failing ending. Accepted without
-- establishing who the two people at the window are: a critical error.
function ending(id)
    if id == "accepted" and sim.service() ~= "rosreestr-sale" then
        return "accepted-wrong-service"
    end
    if id == "accepted" and not sim.took("compare-ids") then
        sim.critical("Документы приняты без установления личности: паспорта продавца и покупателя не сверены "
            .. "с ними самими и с договором. Верно — сверить паспорт каждой стороны сделки.", "reg-acceptance")
    end
    return nil
end
