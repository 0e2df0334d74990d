-- angry-egrn-result: varies the applicant's surname, his birth date (always 58 on 14.10.2025,
-- passport issued just after his 45th birthday), the plot number and the document numbers.
-- His documents are always in order, so what is correct never changes. The script also drives
-- the behaviour: a provoked applicant turns insulting, the hall administrator calms him, and
-- an applicant who leaves angry (or was talked out of a complaint) writes one.
local names = import("names")

local TODAY = "14.10.2025"  -- the date in the first step's narration
local INSULT_BELOW = 15     -- mood under which he starts insulting the specialist
local CONTENT_FROM = 40     -- mood from which he leaves without a complaint about the window

function setup()
    local surname = names.male_surname()
    local birth = names.add_days(names.add_years(TODAY, -58), -math.random(20, 330))
    local issued = names.add_days(names.add_years(birth, 45), math.random(10, 45))
    local series = "25 " .. issued:sub(-2)
    local number = names.digits(6)
    local plot = tostring(math.random(12, 240))
    local cadastral = "38:06:1114" .. tostring(math.random(10, 35)) .. ":" .. tostring(math.random(100, 999))

    sim.set_applicant("name", surname .. " Виктор Павлович")
    sim.set_field("viktor-passport", "surname", surname)
    sim.set_field("viktor-passport", "birth_date", birth)
    sim.set_field("viktor-passport", "issue_date", issued)
    sim.set_field("viktor-passport", "series", series)
    sim.set_field("viktor-passport", "number", number)

    sim.set_field("receipt", "number", "№ 2025-1007-0" .. names.digits(3))
    sim.set_field("receipt", "applicant", surname .. " Виктор Павлович")
    sim.set_field("receipt", "id_doc", "паспорт гражданина РФ " .. series .. " № " .. number)
    sim.set_field("receipt", "object",
        "земельный участок, кад. № " .. cadastral .. ", Иркутский р-н, СНТ «Рассвет», уч. " .. plot)

    sim.set_field("extract", "number", "№ КУВИ-001/2025-" .. names.digits(9))
    sim.set_field("extract", "cadastral", cadastral)
    sim.set_field("extract", "address", "Иркутская обл., Иркутский р-н, СНТ «Рассвет», уч. " .. plot)
    sim.set_field("extract", "holder", surname .. " Виктор Павлович, " .. birth .. " г. р.")
    sim.set_field("extract", "right", "собственность, № " .. cadastral .. "-38/115/2016-3 от 17.05.2016")
end

-- While he is insulting, the specialist can only call the hall administrator, refuse to serve
-- him (wrong) or hand the extract over unchecked (wrong): asking for the passport waits.
function available(id)
    if id == "ask-passport" then
        return not sim.flag("insulting")
    end
    return true
end

function on_enter(step)
    if step == "request" and sim.mood() < INSULT_BELOW then
        sim.set("insulting")
        return "Да вы тут все одинаковые! Бардак развели, а зарплату получаете! Я до губернатора дойду — "
            .. "вас всех тут разгонят! Выписку мне давайте, живо!"
    end
    if step == "finish" and sim.took("talk-out") then
        return "Паспорт отдайте. Сам разберусь, куда писать."
    end
    return nil
end

function on_action(id)
    if id == "call-supervisor" then
        sim.score("escalation", 5,
            "Когда заявитель перешёл к оскорблениям, Вы не стали спорить и не отказали в обслуживании, "
            .. "а пригласили администратора зала и продолжили работу.", "std-conflict")
    elseif id:sub(1, #"flag:receipt.condition:") == "flag:receipt.condition:" then
        sim.add_mood(-10) -- a fuss over the crumpled receipt makes him angrier
    end
end

local BAD_STARTS = { "greet-defend", "greet-not-me", "greet-blame", "greet-calm-first" }

-- The extract is handed over in every "served" ending; how he leaves depends on the talk.
function ending(id)
    if id ~= "served" then
        return nil
    end
    if sim.took("talk-out") or sim.mood() < CONTENT_FROM then
        return "served-complaint"
    end
    for _, start in ipairs(BAD_STARTS) do
        if sim.took(start) then
            return "served-recovered"
        end
    end
    return nil
end
