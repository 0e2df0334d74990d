-- tries: catch each stop with coroutine.resume (which returns false) and start a new loop
function on_action(id)
  while true do -- @error
    coroutine.resume(coroutine.create(function() while true do end end)) -- @error
  end
end
