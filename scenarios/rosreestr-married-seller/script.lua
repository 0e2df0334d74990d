-- rosreestr-married-seller: varies the seller's and the buyer's surnames, the wife's maiden
-- name, the flat's address, cadastral number and price, and the document numbers. The seller
-- is always married since 2001 and bought the flat in 2010 without a notarised consent of his
-- wife, so what is correct never changes.
local names = import("names")

function setup()
    local seller = names.family()
    local buyer = names.family()
    while buyer.m == seller.m do buyer = names.family() end
    local maiden = names.female_surname()
    while maiden == seller.f do maiden = names.female_surname() end

    local house = tostring(math.random(5, 120))
    local flat = tostring(math.random(2, 96))
    local address = "г. Иркутск, ул. Трилиссера, д. " .. house .. ", кв. " .. flat
    local cadastral = "38:36:0000" .. tostring(math.random(10, 35)) .. ":" .. tostring(math.random(1000, 9999))
    local price = tostring(math.random(4, 6)) .. " " .. tostring(math.random(1, 9)) .. "50 000 ₽" -- under 20 M ₽: the usual duty

    sim.set_applicant("name", seller.m .. " Сергей Николаевич")
    sim.set_field("seller-passport", "surname", seller.m)
    sim.set_field("seller-passport", "number", names.digits(6))
    sim.set_field("seller-passport", "registration", address .. "; зарегистрирован 30.07.2010")
    sim.set_field("seller-passport", "marks",
        "Зарегистрирован брак с " .. seller.f:gsub("а$", "ой") .. " (" .. maiden:gsub("а$", "ой")
        .. ") Татьяной Викторовной, 18.08.2001, отдел ЗАГС Октябрьского района г. Иркутска")

    sim.set_field("buyer-passport", "surname", buyer.f)
    sim.set_field("buyer-passport", "number", names.digits(6))

    sim.set_field("contract", "parties",
        "Продавец — " .. seller.m .. " Сергей Николаевич, 03.03.1973 г. р.; покупатель — " .. buyer.f
        .. " Алина Игоревна, 27.11.1993 г. р.")
    sim.set_field("contract", "object",
        "Квартира, 2 комнаты, 46,8 кв. м, кадастровый № " .. cadastral .. ", " .. address)
    sim.set_field("contract", "price", price .. "; расчёт произведён полностью до подписания договора")

    sim.set_field("receipt", "payer", buyer.f .. " Алина Игоревна")
end

-- Accepted under another service or with none selected: a failing ending. Accepted without a
-- word about the spouse's consent: a different ending, without the points for the right outcome.
function ending(id)
    if id == "accepted" and sim.service() ~= "rosreestr-sale" then
        return "accepted-wrong-service"
    end
    if id == "accepted" and sim.flag("silent") then
        return "accepted-silent"
    end
    return nil
end
