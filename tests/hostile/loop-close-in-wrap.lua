-- tries: a __close that loops, run when coroutine.wrap closes a coroutine stopped by the budget (hooks are off there)
function on_action(id)
  local f = coroutine.wrap(function()
    local x <close> = setmetatable({}, {__close = function() while true do end end})
    while true do end -- @error
  end)
  f() -- @error
end
