-- tries: doubling a string by concatenation until memory runs out
function on_action(id)
  local s = ("x"):rep(1000)
  while true do s = s .. s end -- @error
end
