-- tries: swallow the budget stop with pcall and keep looping
function on_action(id)
  while true do pcall(function() while true do end end) end -- @error
end
