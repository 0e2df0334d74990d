-- tries: coroutine.wrap nested inside coroutine.wrap, without end
local function nest() return coroutine.wrap(nest)() end -- @error
function on_action(id) return nest() end
