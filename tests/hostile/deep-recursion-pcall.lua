-- tries: recursion through pcall (each level a C call)
local function f(n) return pcall(f, n + 1) end
function on_action(id)
  f(1)
  error("survived") -- @error
end
