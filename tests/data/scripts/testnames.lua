local M = {}
local list = { "Иванов Иван", "Петров Пётр", "Сидоров Сидор", "Кузнецов Кузьма" }
function M.pick()
  return list[math.random(#list)]
end
return M
