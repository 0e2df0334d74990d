-- tries: loop inside a coroutine created with coroutine.wrap
function on_enter(step)
  local co = coroutine.wrap(function() while true do end end) -- @error
  co() -- @error
end
