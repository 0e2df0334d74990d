-- tries: endless tail recursion (no stack growth) in setup
local function f(n) return f(n + 1) end -- @error
function setup() return f(1) end
