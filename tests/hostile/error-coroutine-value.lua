-- tries: error() with a coroutine as its value, from inside a coroutine
function on_action(id)
  local co = coroutine.wrap(function() error((coroutine.running())) end) -- @error
  co() -- @error
end
