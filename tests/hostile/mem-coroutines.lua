-- tries: create coroutines (each with its own stack) until memory runs out
function on_action(id)
  local all = {}
  while true do all[#all + 1] = coroutine.create(function() end) end -- @error
end
