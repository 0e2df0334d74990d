-- tries: string.format padding and doubling through %s
function on_action(id)
  local s = string.format("%99d", 1)
  while true do s = string.format("%s%s", s, s) end -- @error
end
