-- tries: a table nested 200,000 levels deep raised as the error value
function on_action(id)
  local t = {}
  for i = 1, 200000 do t = {t} end -- @error (a slow machine may reach the time budget here)
  error(t) -- @error
end
