-- tries: double a table with table.move (C code the instruction count does not see)
function on_action(id)
  local t = {1}
  while true do table.move(t, 1, #t, #t + 1) end -- @error
end
