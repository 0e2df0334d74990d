-- The peer screen: a panel of Cyrillic dialogue text like the office's answers, drawn with
-- DejaVu Sans, and a moving card for the animated measurement. PEER_MODE=first quits after
-- the first frame; PEER_FRAME_LOG=FILE writes each frame's draw+present time in ms.
local mode = os.getenv("PEER_MODE") or "idle"
local logpath = os.getenv("PEER_FRAME_LOG")

local lines = {
    "Власова Ольга Викторовна: «Здравствуйте! Мне паспорт поменять — сорок пять исполнилось.",
    "Только я, кажется, немного опоздала. Можно у вас оплатить пошлину?»",
    "1. «Здравствуйте! Меня зовут …, я специалист окна № 3. Чем могу помочь?»",
    "2. «Слушаю.»",
    "3. «Женщина, что у Вас? Давайте быстрее — очередь.»",
    "Время 1:00 / 15:00 · Заявитель: спокойна · Баллы: 6 · Обучение",
}

local font
function love.load()
    -- LÖVE reads fonts from its own file system: load the system font's bytes ourselves.
    local f = assert(io.open("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "rb"))
    local bytes = f:read("*a")
    f:close()
    font = love.graphics.newFont(love.filesystem.newFileData(bytes, "DejaVuSans.ttf"), 21)
    love.graphics.setFont(font)
end

local function draw(t)
    love.graphics.setColor(1, 1, 1)
    love.graphics.rectangle("fill", 16, 436, 742, 246, 10, 10)
    love.graphics.setColor(0.12, 0.14, 0.16)
    for i, l in ipairs(lines) do
        love.graphics.print(l, 34, 300 + i * 40)
    end
    love.graphics.setColor(0.04, 0.36, 0.68)
    love.graphics.rectangle("fill", 500 + 300 * math.sin(t * 3), 120, 200, 120, 8, 8)
end

function love.run()
    love.load()
    local log = logpath and io.open(logpath, "w")
    local start = love.timer.getTime()
    return function()
        love.event.pump()
        for name in love.event.poll() do
            if name == "quit" then
                if log then log:close() end
                return 0
            end
        end
        local a = love.timer.getTime()
        love.graphics.origin()
        love.graphics.clear(0.95, 0.94, 0.92)
        draw(a - start)
        love.graphics.present()
        local b = love.timer.getTime()
        if log then log:write(string.format("%.3f\n", (b - a) * 1000)) log:flush() end
        if mode == "first" then
            if log then log:close() end
            return 0
        end
        love.timer.sleep(0.001) -- what LÖVE's own love.run does
    end
end
