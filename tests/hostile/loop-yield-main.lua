-- tries: coroutine.yield straight from a hook to escape the host's call
function on_action(id)
  coroutine.yield("escape") -- @error
  while true do end
end
