-- tries: string.dump through a method call on a string value
function on_action(id)
  local s = ("x"):dump() -- @error
end
