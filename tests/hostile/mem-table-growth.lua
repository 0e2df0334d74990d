-- tries: grow a table forever
function on_action(id)
  local t = {}
  local i = 0
  while true do i = i + 1; t[i] = {i} end -- @error
end
