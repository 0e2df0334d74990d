-- tries: a budget overrun inside coroutine.close, swallowed by pcall
function on_action(id)
  local co = coroutine.create(function()
    local t <close> = setmetatable({}, {__close = function() while true do end end}) -- @error
    coroutine.yield()
  end)
  coroutine.resume(co)
  pcall(coroutine.close, co)
  sim.set("survived")
end
