-- tries: a plain infinite loop in on_action
function on_action(id)
  while true do end -- @error
end
