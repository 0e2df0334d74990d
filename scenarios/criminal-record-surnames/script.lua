-- criminal-record-surnames: varies the three surnames (maiden, first marriage, current), the
-- current husband's initials, the birth date (always 38 years old on the day of the visit) and
-- the passport number. The application always leaves previous names empty and lists places of
-- residence only since 2013, so what is correct never changes.
local names = import("names")

local TODAY = "16.10.2025" -- the date in the first step's narration

local function initial(word)
    return word:sub(1, utf8.offset(word, 2) - 1) .. "."
end

-- «Белова» → «Беловой» (every surname in names.SURNAMES has a regular feminine form in «-а»).
local function feminine_instrumental(f)
    return (f:gsub("а$", "ой"))
end

local maiden, first, current

function setup()
    local fam = {}
    while #fam < 3 do
        local m = names.male_surname()
        local dup = false
        for _, x in ipairs(fam) do dup = dup or x == m end
        if not dup then fam[#fam + 1] = m end
    end
    maiden, first, current = names.feminine(fam[1]), names.feminine(fam[2]), names.feminine(fam[3])
    local husband = names.pick(names.MALE)
    local husband_patronymic = names.patronymic("m")

    -- 38 on the day of the visit: born between 17.10.1986 and 16.10.1987.
    local birth = names.add_days(names.add_years(TODAY, -39), math.random(1, 364))
    local number = names.digits(6)

    sim.set_applicant("name", current .. " Елена Сергеевна")
    sim.set_field("passport", "surname", current)
    sim.set_field("passport", "birth_date", birth)
    sim.set_field("passport", "number", number)
    sim.set_field("passport", "marks", "стр. 14: 22.08.2015 зарегистрирован брак с гр. " .. fam[3] .. "ым "
        .. initial(husband[1]) .. " " .. initial(husband_patronymic) .. ", Отдел ЗАГС по г. Иркутску")

    sim.set_field("application", "applicant",
        current .. " Елена Сергеевна, " .. birth .. " г. р., место рождения — г. Братск Иркутской обл.")
    sim.set_field("application", "data",
        "паспорт 25 15 № " .. number .. ", выдан 08.09.2015; адрес: г. Иркутск, ул. Байкальская, д. 214, кв. 77; "
        .. "цель — для представления по месту работы (общеобразовательная школа)")
    sim.set_field("application", "signature", "Е. С. " .. current .. " (подпись от руки)")
end

function on_enter(step)
    if step == "history" then
        return "Ой, а я думала, нужна только нынешняя… Родилась я " .. feminine_instrumental(maiden)
            .. ", в Братске, там и жила до 2007 года. Потом вышла замуж, стала " .. feminine_instrumental(first)
            .. " — и мы уехали в Красноярск. Развелись в 2012-м, фамилию я оставила, а в 2013-м переехала в Иркутск. "
            .. "В 2015-м снова вышла замуж — теперь я " .. current .. ". Имя и отчество не меняла. "
            .. "А свидетельства о браке надо было брать? Я не взяла — они дома, в папке."
    end
    return nil
end

function on_action(id)
    if id == "fill-application" and sim.service() == nil then
        sim.score("legal", -10,
            "Заявление оформлено без выбора услуги в системе: от услуги зависят форма заявления и ведомство, куда оно уйдёт. "
            .. "Верно — сначала выбрать «Справка о наличии (отсутствии) судимости».",
            "reg-acceptance")
    end
end

function ending(id)
    if id == "accepted" then
        if sim.flag("incomplete") then
            return "accepted-incomplete"
        end
        if sim.service() ~= "criminal-record" then
            return "accepted-wrong-service"
        end
    end
    return nil
end
