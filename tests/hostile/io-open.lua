-- tries: open a file for writing through io.open inside on_action
function on_action(id)
  local f = io.open("PWNED", "w") -- @error
  f:write("x")
end
