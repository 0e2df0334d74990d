-- tries: keep a coroutine killed by the budget and close it in a later hook call, so its looping __close runs with hooks off
dead = nil
function on_action(id)
  if dead then
    coroutine.close(dead)
    error("closed without looping") -- @error
  end
  dead = coroutine.create(function()
    local x <close> = setmetatable({}, {__close = function() while true do end end})
    while true do end -- @error
  end)
  coroutine.resume(dead)
end
function ending(id)
  coroutine.close(dead)
  error("closed without looping") -- @error
end
