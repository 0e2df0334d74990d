-- tries: a table nested a million levels deep, then printed and compared
function on_action(id)
  local t = {}
  for i = 1, 200000 do t = {t} end
  error(t) -- @error
end
