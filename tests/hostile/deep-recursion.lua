-- tries: unbounded non-tail recursion (Lua stack overflow)
local function f(n) return 1 + f(n + 1) end -- @error
function on_action(id) return f(1) end
